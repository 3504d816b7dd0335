//! Mojibake edits for a note's body.
//!
//! Body text is repaired everywhere it is prose: paragraphs, lists, tasks, tables, callouts,
//! and fenced blocks that hold prose — no info string (pasted transcripts), or `text`, `txt`,
//! `plain`, `plaintext`, `transcript`, `markdown`, `md`, `quote`. Inline code and fenced blocks
//! in any other language (`python`, `dataview`, `tasks`, …) are left exactly as written: code
//! may spell mojibake on purpose (a test fixture, a search for `Ã©`), and a wrong guess there
//! would break it. Addresses ([`super::addresses`]: an attachment's name, a link's destination,
//! a URL) and link reference definitions are left as written too.

use super::{documents_mojibake, repairs_with, LineMemo};
use crate::edit::Edit;
use crate::note::Note;
use crate::review::{ReviewItem, ReviewReason};
use std::ops::Range;

/// Words (lowercase; found in any case) of a note that speaks of text encoding
/// — a bug report, a support chat, a migration log: the garbled text it holds may be the
/// symptom quoted as seen (`the page shows these symbols: Ð—Ð°…`), not damage.
const ENCODING_WORDS: &[&str] = &[
    "charset",
    "character set",
    "codificación",
    "codificação",
    "encodage",
    "encoding",
    "iso-8859",
    "kódování",
    "kodierung",
    "kodowanie",
    "latin-1",
    "mojibake",
    "utf-8",
    "windows-125",
    "zeichensatz",
    "кодировк",
    "文字化け",
    "乱码",
    "亂碼",
    "인코딩",
];

/// True when `text` writes one of [`ENCODING_WORDS`] in any case: ASCII words are looked for in
/// the text with its ASCII letters lowercased, the others as listed and capitalised
/// (`Кодировка`), each with a searcher built once.
fn speaks_of_encoding(text: &str) -> bool {
    use memchr::memmem::Finder;
    static FINDERS: std::sync::OnceLock<Vec<(Finder<'static>, bool)>> = std::sync::OnceLock::new();
    let finders = FINDERS.get_or_init(|| {
        let mut out = Vec::new();
        for word in ENCODING_WORDS {
            if word.is_ascii() {
                out.push((Finder::new(word.as_bytes()).into_owned(), true));
                continue;
            }
            let mut chars = word.chars();
            let capitalised: String = (chars.next().into_iter())
                .flat_map(char::to_uppercase)
                .chain(chars)
                .collect();
            out.push((Finder::new(word.as_bytes()).into_owned(), false));
            if capitalised != *word {
                out.push((Finder::new(capitalised.as_bytes()).into_owned(), false));
            }
        }
        out
    });
    let lowered = text.to_ascii_lowercase();
    finders.iter().any(|(finder, ascii)| {
        let haystack = if *ascii {
            lowered.as_bytes()
        } else {
            text.as_bytes()
        };
        finder.find(haystack).is_some()
    })
}

/// The mojibake rule's edits and review item for the note's body: [`body_edits`], or, in a
/// note that speaks of text encoding ([`ENCODING_WORDS`]), one review item asking about them
/// instead, the note left as written.
///
/// Only the lines `memo` does not hold are read ([`LineMemo`]).
pub fn body_findings(note: &Note, memo: &mut LineMemo) -> (Vec<Edit>, Option<ReviewItem>) {
    let edits = body_edits_with(note, memo);
    let Some(first) = edits.first() else {
        return (edits, None);
    };
    if !speaks_of_encoding(note.text) {
        return (edits, None);
    }
    let line = note.line_of(first.start);
    let garble = note.text.get(first.start..first.end).unwrap_or_default();
    let mut item = ReviewItem::new(
        note.path,
        Some(line),
        ReviewReason::Mojibake,
        format!(
            "`{garble}` reads as `{}`, but this note speaks of text encoding, and garbled text \
             may be quoted in it as it was seen: left as written. Repair it by hand if it is \
             damage",
            first.replacement
        ),
    );
    for edit in &edits {
        let other = note.line_of(edit.start);
        if other != line && !item.also.contains(&other) {
            item.also.push(other);
        }
    }
    (Vec::new(), Some(item))
}

/// Info strings of fenced blocks that hold prose, repaired like the rest of the body.
const PROSE_FENCES: &[&str] = &[
    "",
    "text",
    "txt",
    "plain",
    "plaintext",
    "transcript",
    "markdown",
    "md",
    "quote",
];

/// How far around a repair the reason quotes its word, in bytes, at most.
const QUOTE_REACH: usize = 40;

/// Edits repairing mojibake in the note's body, rule `mojibake`, each with a reason quoting the
/// word before and after (``repairs mojibake: `JÃ¼rgen` → `Jürgen` ``). A note that documents
/// mojibake ([`documents_mojibake`]) gets none: its garbled forms are examples.
pub fn body_edits(note: &Note) -> Vec<Edit> {
    body_edits_with(note, &mut LineMemo::default())
}

/// [`body_edits`], reading again only the lines `memo` does not hold ([`LineMemo`]).
fn body_edits_with(note: &Note, memo: &mut LineMemo) -> Vec<Edit> {
    let base = note.body_start;
    let mut spans: Vec<(Range<usize>, String)> = repairs_with(note.body(), memo)
        .into_iter()
        .map(|(span, replacement)| (base + span.start..base + span.end, replacement))
        .filter(|(span, _)| !in_code(note, span.start))
        .collect();
    if spans.is_empty() {
        return Vec::new();
    }
    // Addresses are looked for only in the few notes with something to repair.
    let mut addresses: Vec<Range<usize>> = (super::addresses(note.body()).into_iter())
        .map(|a| base + a.start..base + a.end)
        .collect();
    addresses.extend(note.definitions.iter().cloned());
    spans.retain(|(span, _)| {
        !addresses
            .iter()
            .any(|a| a.start < span.end && span.start < a.end)
    });
    if spans.is_empty() || documents_mojibake(note.text) {
        return Vec::new();
    }
    debug_assert!(
        spans.windows(2).all(|w| w[0].0.end <= w[1].0.start),
        "repairs come in order and apart"
    );
    spans
        .iter()
        .map(|(span, replacement)| {
            let reason = reason(note.text, span, &spans);
            Edit::new(
                span.start,
                span.end,
                replacement.clone(),
                "mojibake",
                reason,
            )
        })
        .collect()
}

/// True when `offset` lies in inline code, math or a fenced block of a non-prose language.
/// Two amounts of money on a line (`$7.5K–$15K`) read as math between their dollar signs, but
/// are prose: a number opens them, where no formula is written so.
fn in_code(note: &Note, offset: usize) -> bool {
    note.code
        .iter()
        .filter(|code| code.span.contains(&offset))
        .any(|code| match &code.info {
            Some(info) => !PROSE_FENCES.contains(&info.to_ascii_lowercase().as_str()),
            None => note.text.get(code.span.start..).is_some_and(|s| {
                s.starts_with('`')
                    || s.strip_prefix('$')
                        .is_some_and(|math| !math.starts_with(|c: char| c.is_ascii_digit()))
            }),
        })
}

/// ``repairs mojibake: `word` → `repaired word` `` for the word around `span`, with every
/// repair inside that word applied.
///
/// `all` are the note's repairs, in order and apart: those inside the word are found by
/// binary search, so a note garbled whole costs no more per repair than a note with one.
fn reason(text: &str, span: &Range<usize>, all: &[(Range<usize>, String)]) -> String {
    let word = word_around(text, span);
    let mut after = String::new();
    let mut cursor = word.start;
    let first = all.partition_point(|(other, _)| other.start < word.start);
    let inside = all.get(first..).unwrap_or_default();
    for (other, replacement) in inside.iter().take_while(|(o, _)| o.start < word.end) {
        if other.end <= word.end {
            after.push_str(text.get(cursor..other.start).unwrap_or_default());
            after.push_str(replacement);
            cursor = other.end;
        }
    }
    after.push_str(text.get(cursor..word.end).unwrap_or_default());
    let before = text.get(word).unwrap_or_default();
    format!("repairs mojibake: `{before}` → `{after}`")
}

/// The whitespace-delimited word containing `span`, at most [`QUOTE_REACH`] bytes each side.
fn word_around(text: &str, span: &Range<usize>) -> Range<usize> {
    let before = text.get(..span.start).unwrap_or_default();
    let mut start = span.start;
    for (i, c) in before.char_indices().rev() {
        if c.is_whitespace() || span.start - i > QUOTE_REACH {
            break;
        }
        start = i;
    }
    let after = text.get(span.end..).unwrap_or_default();
    let mut end = span.end;
    for (i, c) in after.char_indices() {
        if c.is_whitespace() || i >= QUOTE_REACH {
            break;
        }
        end = span.end + i + c.len_utf8();
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply_edits;

    fn fix(text: &str) -> String {
        let note = Note::parse("Meetings/m.md", text);
        apply_edits(text, &body_edits(&note)).unwrap()
    }

    #[test]
    fn edits_only_the_broken_bytes_with_a_reason() {
        let text = "---\ntitle: \"JÃ¼rgen\"\n---\nJurgen met JÃ¼rgen.\n";
        let note = Note::parse("People/x.md", text);
        let edits = body_edits(&note);
        assert_eq!(edits.len(), 1, "{edits:?}");
        let edit = &edits[0];
        assert_eq!(&text[edit.start..edit.end], "Ã¼");
        assert_eq!(edit.replacement, "ü");
        assert_eq!(edit.rule, "mojibake");
        assert_eq!(edit.reason, "repairs mojibake: `JÃ¼rgen.` → `Jürgen.`");
        // The frontmatter is the frontmatter rule's business.
        assert!(fix(text).contains("title: \"JÃ¼rgen\""));
    }

    #[test]
    fn addresses_keep_their_bytes_and_links_to_notes_are_repaired() {
        let text = "Menu ![[CafÃ© menu.pdf]], ![[rÃ©sumÃ©.png|CafÃ©]] by the CafÃ© owner.\n\
                    [menu](files/CafÃ©%20menu.pdf), ![scan](rÃ©sumÃ©.png), <https://x.y/Ã©>, \
                    https://x.y/CafÃ©/page and [[JÃ¼rgen|JÃ¼rgen]].\n\n[ref]: https://x.y/Ã©\n";
        assert_eq!(
            fix(text),
            "Menu ![[CafÃ© menu.pdf]], ![[rÃ©sumÃ©.png|Café]] by the Café owner.\n\
             [menu](files/CafÃ©%20menu.pdf), ![scan](rÃ©sumÃ©.png), <https://x.y/Ã©>, \
             https://x.y/CafÃ©/page and [[Jürgen|Jürgen]].\n\n[ref]: https://x.y/Ã©\n"
        );
    }

    #[test]
    fn money_between_dollar_signs_is_prose_and_math_is_left_alone() {
        assert_eq!(
            fix("Setup: $7.5Kâ€“$15K per client\n"),
            "Setup: $7.5K–$15K per client\n"
        );
        let math = "The map $f: Aâ€“B$ is onto.\n";
        assert_eq!(fix(math), math);
    }

    #[test]
    fn reason_shows_the_whole_word_repaired() {
        let text = "ZaÅ¼Ã³Å‚Ä‡ gÄ™Å›lÄ…\n";
        let note = Note::parse("n.md", text);
        let edits = body_edits(&note);
        let reasons: Vec<&str> = edits.iter().map(|e| e.reason.as_str()).collect();
        // `gÄ™Å›lÄ…` takes two edits (the `l` between them stays) that share one reason.
        assert_eq!(
            reasons,
            [
                "repairs mojibake: `ZaÅ¼Ã³Å‚Ä‡` → `Zażółć`",
                "repairs mojibake: `gÄ™Å›lÄ…` → `gęślą`",
                "repairs mojibake: `gÄ™Å›lÄ…` → `gęślą`",
            ]
        );
    }

    #[test]
    fn repairs_prose_fences_and_leaves_code_alone() {
        let text = "\
- [ ] Ship it â« ðŸ“… 2025-10-28
```text
[00:01] JÃ¼rgen: itâ€™s fine
```
```
cafÃ©
```
```python
assert fix(\"cafÃ©\") == \"café\"
```
```dataview
TASK WHERE contains(text, \"Ã©\")
```
Inline `cafÃ©` stays, cafÃ© does not.
";
        let expected = "\
- [ ] Ship it ⏫ 📅 2025-10-28
```text
[00:01] Jürgen: it’s fine
```
```
café
```
```python
assert fix(\"cafÃ©\") == \"café\"
```
```dataview
TASK WHERE contains(text, \"Ã©\")
```
Inline `cafÃ©` stays, café does not.
";
        assert_eq!(fix(text), expected);
    }

    #[test]
    fn garbles_in_a_note_on_text_encoding_are_asked_about() {
        let text = "# Status page bug\n\nThe page renders with a broken encoding. The banner \
                    shows: РњРѕРґСѓР»СЊРЅР°СЏ РІРµСЂСЃРёСЏ\n\nFooter: РњРѕРґСѓР»СЊРЅР°СЏ\n";
        let note = Note::parse("Bugs/Status page.md", text);
        let (edits, item) = body_findings(&note, &mut LineMemo::default());
        assert!(edits.is_empty(), "{edits:?}");
        let Some(item) = item else {
            panic!("no review item")
        };
        assert_eq!(
            (item.reason, item.line, &item.also[..]),
            (ReviewReason::Mojibake, Some(3), &[5][..])
        );
        // Capitalised, in any script.
        let russian = "Кодировка слетела, на странице: РњРѕРґСѓР»СЊРЅР°СЏ РІРµСЂСЃРёСЏ\n";
        let (edits, item) = body_findings(
            &Note::parse("Bugs/Баг.md", russian),
            &mut LineMemo::default(),
        );
        assert!(edits.is_empty() && item.is_some(), "{edits:?}");
        // Without a word of encoding, the same lines are damage, repaired.
        let plain = text.replace("a broken encoding", "a broken layout");
        let (edits, item) = body_findings(
            &Note::parse("Bugs/Status page.md", &plain),
            &mut LineMemo::default(),
        );
        assert!(!edits.is_empty() && item.is_none());
    }

    #[test]
    fn clean_notes_get_no_edits() {
        let text = "---\ntags: [a]\n---\n# São Paulo\nÂngela, naïve, €50, Œuvre, pâte.\n";
        assert!(body_edits(&Note::parse("n.md", text)).is_empty());
    }
}
