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
use super::{may_contain, next_candidate};
use crate::lines::line_at;
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
/// once, and whether each line's longest run of ASCII is written twice is found for all of them
/// in one pass over the note ([`RunsWrittenTwice`]), so the cost stays linear in the note rather
/// than in its lines times its length.
pub fn documents_mojibake(text: &str) -> bool {
    let mut judged: FxHashSet<&str> = FxHashSet::default();
    let mut lines: Vec<&str> = Vec::new();
    let mut from = 0;
    while let Some(at) = next_candidate(text, from) {
        let span = line_at(text, at);
        from = span.end;
        if let Some(line) = text.get(span).filter(|line| judged.insert(line)) {
            lines.push(line);
        }
    }
    let runs: Vec<&str> = lines.iter().map(|l| longest_ascii_run(l)).collect();
    let mut twice = RunsWrittenTwice::new(text, runs.iter().copied());
    let trimmed: OnceCell<FxHashSet<&str>> = OnceCell::new();
    lines.iter().zip(runs).any(|(line, run)| {
        demonstrates(line)
            || (twice.written_twice(run)
                && repair_shown(line, trimmed.get_or_init(|| trimmed_lines(text))))
    })
}

/// The longest run of ASCII in `line` (the first of the longest).
fn longest_ascii_run(line: &str) -> &str {
    line.split(|c: char| !c.is_ascii())
        .max_by_key(|run| run.len())
        .unwrap_or("")
}

/// Whether runs of ASCII of a note's lines are found elsewhere in the note too, as one is in a
/// repaired copy of its line (`berall ` of `Ã¼berall â€“ naÃ¯ve` in `überall – naïve`): a quick
/// test before the repair is read. A run is written twice when the note holds it twice apart,
/// as `memchr::memmem` finds it left to right.
struct RunsWrittenTwice<'t> {
    text: &'t str,
    known: FxHashMap<&'t str, bool>,
}

/// How many bytes of a run [`RunsWrittenTwice`] looks up at every place of the note.
const RUN_PREFIX: usize = 8;

/// How many runs of [`RUN_PREFIX`] bytes or more make one pass over the note cheaper than a
/// search of the note for each.
const RUNS_FOR_ONE_PASS: usize = 16;

/// The multiplier of the polynomial hash [`RunsWrittenTwice`] compares runs by.
const HASH_BASE: u64 = 0x100_0000_01b3;

impl<'t> RunsWrittenTwice<'t> {
    /// The answers for `runs`: found in one pass over `text` when there are many runs long
    /// enough to look up by their first bytes, else searched for one by one when asked.
    ///
    /// The pass looks up each place's first bytes among the runs' first bytes; where they are
    /// some run's, it compares the hash of the text as long as each such run (lines of one
    /// shape share their first bytes: `- [ ] Fix item 12`) with the runs of that length, and
    /// a run whose hash matches with its bytes.
    fn new(text: &'t str, runs: impl Iterator<Item = &'t str>) -> Self {
        let mut known = FxHashMap::default();
        let mut lengths: FxHashMap<&[u8], Vec<usize>> = FxHashMap::default();
        let mut by_hash: FxHashMap<(usize, u64), Vec<&str>> = FxHashMap::default();
        for run in runs {
            let Some(prefix) = run.as_bytes().get(..RUN_PREFIX) else {
                continue;
            };
            if known.insert(run, false).is_none() {
                let lens = lengths.entry(prefix).or_default();
                if !lens.contains(&run.len()) {
                    lens.push(run.len());
                }
                let hash = run.bytes().fold(0, |h: u64, b| {
                    h.wrapping_mul(HASH_BASE).wrapping_add(u64::from(b))
                });
                by_hash.entry((run.len(), hash)).or_default().push(run);
            }
        }
        if known.len() < RUNS_FOR_ONE_PASS {
            known.clear();
            return RunsWrittenTwice { text, known };
        }
        let bytes = text.as_bytes();
        // The hash of every prefix of the text, and the powers of the base, to hash any span.
        let mut prefix_hash = Vec::with_capacity(bytes.len() + 1);
        let mut power = Vec::with_capacity(bytes.len() + 1);
        let (mut h, mut p) = (0u64, 1u64);
        for &b in bytes {
            prefix_hash.push(h);
            power.push(p);
            h = h.wrapping_mul(HASH_BASE).wrapping_add(u64::from(b));
            p = p.wrapping_mul(HASH_BASE);
        }
        prefix_hash.push(h);
        power.push(p);
        let span_hash = |at: usize, len: usize| {
            let (Some(&end), Some(&start), Some(&pow)) = (
                prefix_hash.get(at + len),
                prefix_hash.get(at),
                power.get(len),
            ) else {
                return None;
            };
            Some(end.wrapping_sub(start.wrapping_mul(pow)))
        };
        // Each run's matches so far and where the next may start.
        let mut found: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
        for at in 0..bytes.len().saturating_sub(RUN_PREFIX - 1) {
            let Some(lens) = bytes
                .get(at..at + RUN_PREFIX)
                .and_then(|prefix| lengths.get(prefix))
            else {
                continue;
            };
            for &len in lens {
                let Some(runs) = span_hash(at, len).and_then(|h| by_hash.get(&(len, h))) else {
                    continue;
                };
                for run in runs {
                    let (count, next) = found.entry(run).or_default();
                    if at >= *next && bytes.get(at..at + len) == Some(run.as_bytes()) {
                        *count += 1;
                        *next = at + len;
                    }
                }
            }
        }
        for (run, (count, _)) in found {
            known.insert(run, count >= 2);
        }
        RunsWrittenTwice { text, known }
    }

    /// True when `run` is written twice in the note.
    fn written_twice(&mut self, run: &'t str) -> bool {
        let text = self.text;
        *self.known.entry(run).or_insert_with(|| {
            memchr::memmem::find_iter(text.as_bytes(), run.as_bytes())
                .nth(1)
                .is_some()
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(crate::proptest_config::cases(256))]

        #[test]
        fn runs_found_in_one_pass_are_those_a_search_finds_twice(
            text in "[ab\n]{0,400}",
            picks in proptest::collection::vec((0usize..400, 8usize..14), 16..40),
        ) {
            // Runs of the text (and some beyond it) of eight bytes or more, many enough for
            // one pass over the text; repeats of `a` and `b` overlap as runs of a note may.
            let runs: Vec<String> = (picks.iter())
                .map(|&(at, len)| match text.get(at..at + len) {
                    Some(run) => run.to_string(),
                    None => "ab".repeat(len / 2),
                })
                .collect();
            let mut twice = RunsWrittenTwice::new(&text, runs.iter().map(String::as_str));
            for run in &runs {
                let searched = memchr::memmem::find_iter(text.as_bytes(), run.as_bytes())
                    .nth(1)
                    .is_some();
                proptest::prop_assert_eq!(twice.written_twice(run), searched, "{:?}", run);
            }
        }
    }
}
