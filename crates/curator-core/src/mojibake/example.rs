//! Notes that document mojibake rather than suffer from it.
//!
//! A note that sets a garbled form against what it decodes to — `rÃ©sumÃ© → résumé`, a table
//! row `| Å¼ | ż |` — is explaining mojibake, and its garbled forms are examples: repairing them
//! turns the explanation into nonsense (`résumé → résumé`). Both forms on a line are not enough
//! (an AI-fed meeting note may write `[[Jürgen]]` and `@JÃ¼rgen` on one task line, and that one
//! is damage): the two must stand on either side of an arrow or a connecting word (`→`, `=>`,
//! `=`, `becomes`, `instead of`), nearest to it, or fill two cells of a table row on their own.
//! One such line makes every garble of the note an example, since a table of pairs holds rows
//! whose correct form is not what the garble decodes to (`â€™` listed as `'`). So does a garbled
//! line of several words whose repair the note writes as a line of its own: a broken sample
//! kept beside the fixed one, each in its own block.

use super::codepage::Reading;
use super::{line_at, may_contain, next_candidate};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::OnceCell;

/// Arrows that set two forms against each other wherever they stand, even with no space.
const ARROWS: &[char] = &['→', '⟶', '⇒', '⟹', '➔', '➜', '↦', '←', '⟵', '⇐'];

/// Connectives that do the same standing between spaces, as words (compared ignoring ASCII
/// case).
const CONNECTIVES: &[&[&str]] = &[
    &["->"],
    &["-->"],
    &["=>"],
    &["==>"],
    &["<-"],
    &["="],
    &["becomes"],
    &["became"],
    &["instead", "of"],
    &["turns", "into"],
    &["turned", "into"],
    &["shows", "up", "as"],
    &["show", "up", "as"],
    &["showed", "up", "as"],
    &["appears", "as"],
    &["appear", "as"],
    &["appeared", "as"],
    &["displays", "as"],
    &["displayed", "as"],
    &["rendered", "as"],
    &["looks", "like"],
    &["look", "like"],
];

/// Words that may stand between a form and the connective after it (`é will appear as Ã©`).
const MODALS: &[&str] = &[
    "will", "would", "can", "could", "may", "might", "should", "often",
];

/// How many times a garble shown may have been garbled (`ÃƒÂ©` is `é` garbled twice).
const MAX_LAYERS: usize = 3;

/// How many words a form set against another may hold (`Bremer – DrÃ¥ber → Bremer – Dråber`).
const MAX_WORDS: usize = 3;

/// Quotes, emphasis and punctuation around a form that are not part of it (`"ÃƒÂ©"`,
/// `**rÃ©sumÃ©**`, `` `Ã©` ``).
const DECORATION: &[char] = &[
    '"', '\'', '`', '*', '_', '(', ')', '[', ']', '{', '}', '<', '>', '.', ',', ';', ':', '!', '?',
    '“', '”', '‘', '’', '„', '«', '»',
];

/// True when `text` (a whole note, frontmatter included) shows a garbled form next to what it
/// decodes to anywhere: a note documenting mojibake, whose garbled forms are all examples.
///
/// A note garbled whole holds a candidate on nearly every line: each distinct line is judged
/// once, and each distinct run of ASCII searched for once, so the cost stays linear in the
/// note rather than in its lines times its length.
pub fn documents_mojibake(text: &str) -> bool {
    let mut judged: FxHashSet<&str> = FxHashSet::default();
    let mut runs: FxHashMap<&str, bool> = FxHashMap::default();
    let lines: OnceCell<FxHashSet<&str>> = OnceCell::new();
    let mut from = 0;
    while let Some(at) = next_candidate(text, from) {
        let span = line_at(text, at);
        from = span.end;
        let Some(line) = text.get(span) else {
            continue;
        };
        if !judged.insert(line) {
            continue;
        }
        if demonstrates(line)
            || (*runs
                .entry(longest_ascii_run(line))
                .or_insert_with_key(|run| written_twice(text, run))
                && repair_shown(line, lines.get_or_init(|| trimmed_lines(text))))
        {
            return true;
        }
    }
    false
}

/// The longest run of ASCII in `line` (the first of the longest).
fn longest_ascii_run(line: &str) -> &str {
    line.split(|c: char| !c.is_ascii())
        .max_by_key(|run| run.len())
        .unwrap_or("")
}

/// True when `run` (the longest run of ASCII of a line of `text`) is found elsewhere in `text`
/// too, as it is in a repaired copy of the line (`berall ` of `Ã¼berall â€“ naÃ¯ve` in
/// `überall – naïve`): a quick test before the repair is read.
fn written_twice(text: &str, run: &str) -> bool {
    memchr::memmem::find_iter(text.as_bytes(), run.as_bytes())
        .nth(1)
        .is_some()
}

/// The lines of `text`, trimmed.
fn trimmed_lines(text: &str) -> FxHashSet<&str> {
    text.lines().map(str::trim).collect()
}

/// True when `line`, repaired, is one of the note's `lines` (trimmed) too, of two words or more
/// (`Ã¼berall â€“ naÃ¯ve` in one block, `überall – naïve` in the next).
fn repair_shown(line: &str, lines: &FxHashSet<&str>) -> bool {
    let fixes = super::repairs(line);
    if fixes.is_empty() {
        return false;
    }
    let mut repaired = String::with_capacity(line.len());
    let mut at = 0;
    for (span, replacement) in &fixes {
        repaired.push_str(line.get(at..span.start).unwrap_or(""));
        repaired.push_str(replacement);
        at = span.end;
    }
    repaired.push_str(line.get(at..).unwrap_or(""));
    let repaired = repaired.trim();
    let words = repaired
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic));
    words.count() >= 2 && lines.contains(repaired)
}

/// True when `line` sets a garbled form against its reading, across a connective or in two
/// cells of a table row.
fn demonstrates(line: &str) -> bool {
    table_row_demonstrates(line) || connectives(line).any(|m| sides_demonstrate(line, m))
}

/// True when `line` is a table row (`| … | … |`, perhaps quoted) in which one cell decodes to
/// another. Escaped pipes and those of a link's alias (`[[a|b]]`) separate
/// no cells.
fn table_row_demonstrates(line: &str) -> bool {
    let row = line.trim_start_matches(|c: char| c.is_whitespace() || c == '>');
    if !row.starts_with('|') {
        return false;
    }
    let mut cells = Vec::new();
    let (mut start, mut depth, mut prev) = (0, 0usize, ' ');
    let mut chars = row.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        match c {
            '[' if next == Some('[') => depth += 1,
            ']' if next == Some(']') => depth = depth.saturating_sub(1),
            '|' if depth == 0 && prev != '\\' => {
                cells.extend(row.get(start..i));
                start = i + 1;
            }
            _ => {}
        }
        prev = c;
    }
    cells.extend(row.get(start..));
    cells.iter().enumerate().any(|(i, a)| {
        may_contain(a)
            && cells
                .iter()
                .enumerate()
                .any(|(j, b)| i != j && one_decodes_to_other(a, b))
    })
}

/// The byte spans of `line` that connect two forms: arrows, and connective words between spaces.
fn connectives(line: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let arrows = line
        .char_indices()
        .filter(|(_, c)| ARROWS.contains(c))
        .map(|(i, c)| (i, i + c.len_utf8()));
    let words = words(line);
    let phrases = (0..words.len()).filter_map(move |k| {
        CONNECTIVES.iter().find_map(|connective| {
            let span = words.get(k..k + connective.len())?;
            let matches = span.iter().zip(connective.iter()).all(|(&(s, e), word)| {
                line.get(s..e).is_some_and(|w| w.eq_ignore_ascii_case(word))
            });
            let (first, last) = (span.first()?, span.last()?);
            matches.then_some((first.0, last.1))
        })
    });
    arrows.chain(phrases)
}

/// True when the forms nearest to the connective spanning `start..end` on either side, one to
/// [`MAX_WORDS`] words each (as many or not: `" £ "` against `"Â£"`), are a garble and what it
/// decodes to.
fn sides_demonstrate(line: &str, (start, end): (usize, usize)) -> bool {
    let before = line.get(..start).unwrap_or_default();
    let after = line.get(end..).unwrap_or_default();
    let (mut left, right) = (words(before), words(after));
    if let Some(&(s, e)) = left.last() {
        if MODALS.iter().any(|m| before[s..e].eq_ignore_ascii_case(m)) {
            left.pop();
        }
    }
    // The last `n` words of the left side and the first `n` of the right, as text.
    let lefts = (1..=MAX_WORDS.min(left.len())).map(|n| {
        let from = left[left.len() - n].0;
        &before[from..left[left.len() - 1].1]
    });
    let rights: Vec<&str> = (1..=MAX_WORDS.min(right.len()))
        .map(|n| &after[right[0].0..right[n - 1].1])
        .collect();
    lefts
        .flat_map(|a| rights.iter().map(move |b| (a, *b)))
        .any(|(a, b)| one_decodes_to_other(a, b))
}

/// The byte spans of the whitespace-separated words of `text`.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(from)) => {
                out.push((from, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out.extend(start.map(|from| (from, text.len())));
    out
}

/// True when `a` and `b` differ as written, and one of them is the other encoded as UTF-8 and
/// read through a code page, once or up to [`MAX_LAYERS`] times (quotes and emphasis around
/// either aside). Plain decoding, not the judged repair: a demonstration may show a garble too
/// short to be repaired on its own (`Å›`, which reads as Swedish `Å` and a guillemet).
fn one_decodes_to_other(a: &str, b: &str) -> bool {
    trim(a) != trim(b) && (decodes_to(a, b) || decodes_to(b, a))
}

/// True when `garbled`, its characters taken as the bytes they stand for in one code page and
/// read as UTF-8, once or several times, is `text`.
fn decodes_to(garbled: &str, text: &str) -> bool {
    let text = trim(text);
    !text.is_empty()
        && Reading::all().any(|reading| {
            let mut now = garbled.to_string();
            for _ in 0..MAX_LAYERS {
                let bytes: Option<Vec<u8>> = now.chars().map(|c| reading.byte_of(c)).collect();
                match bytes.and_then(|b| String::from_utf8(b).ok()) {
                    Some(decoded) if decoded != now => now = decoded,
                    _ => return false,
                }
                if trim(&now) == text {
                    return true;
                }
            }
            false
        })
}

/// `s` without surrounding whitespace and [`DECORATION`].
fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || DECORATION.contains(&c))
}
