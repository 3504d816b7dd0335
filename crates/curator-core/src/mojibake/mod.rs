//! Mojibake repair: UTF-8 that was decoded as windows-1252 or latin-1, once or twice, including
//! the dropped-byte forms (`â«` was ⏫).
//!
//! [`repairs`] finds the minimal spans to replace; [`repair`] applies them to a string (for
//! frontmatter values and names); [`body_edits`] turns them into [`Edit`](crate::edit::Edit)s for a note's body.
//!
//! How a span is found and judged:
//! 1. A line is looked at only if it holds a *lead* (`Â`…`ô`, standing for a UTF-8 lead byte)
//!    directly followed by a *continuation* (a character standing for a byte 0x80–0xBF), so
//!    clean text is scanned once without allocating.
//! 2. Each lead and its continuations are mapped back to bytes (windows-1252, or latin-1 for
//!    C1 controls) and decoded as UTF-8. The reading is kept only if the judge (`judge.rs`)
//!    finds the decoded character plausible in its context and the literal text implausible.
//!    Passes repeat, so double-encoded text (`ÃƒÂ¼`) is repaired in two steps.
//! 3. Sequences still short of bytes are tried with the undefined windows-1252 bytes put back
//!    (`dropped.rs`): a reading is kept only for a whitelisted symbol in its proper place.
//!
//! Guarantees (tested): never U+FFFD in a repair; whitespace is never consumed or added; text
//! without mojibake is left alone; repairing a repaired text changes nothing.

mod body;
mod cp1252;
mod dropped;
mod judge;
mod line;

pub use body::body_edits;

/// True when `c`, written right after `prev`, continues a mojibake sequence `prev` leads: the
/// `¼` of `JÃ¼rgen`, which is no letter but belongs to the word.
pub fn continues_sequence(prev: char, c: char) -> bool {
    cp1252::is_lead(prev) && cp1252::is_continuation(c)
}

use crate::rule::Rule;
use std::ops::Range;

/// The `mojibake` rule: frontmatter values and body text.
pub const RULE: Rule = Rule {
    name: "mojibake",
    key: "mojibake",
    default_on: true,
    title: "Repair garbled characters",
    description: "Repair text decoded with the wrong encoding, such as broken emoji.",
};

/// The spans of `text` that are mojibake, in order, each with its repaired text. Spans never
/// overlap and cover only the broken characters (`Jürgen met JÃ¼rgen` yields one span, `Ã¼`).
pub fn repairs(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = next_candidate(text, from) {
        let start = text
            .get(..at)
            .and_then(|before| before.rfind('\n'))
            .map_or(0, |i| i + 1);
        let end = text
            .get(at..)
            .and_then(|after| after.find('\n'))
            .map_or(text.len(), |i| at + i);
        line::repair(text, start..end, &mut out);
        from = end;
    }
    out
}

/// The repaired form of `s`, or `None` when `s` holds no mojibake.
pub fn repair(s: &str) -> Option<String> {
    let spans = repairs(s);
    if spans.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut cursor = 0;
    for (span, replacement) in &spans {
        out.push_str(s.get(cursor..span.start)?);
        out.push_str(replacement);
        cursor = span.end;
    }
    out.push_str(s.get(cursor..)?);
    Some(out)
}

/// True when `s` may hold mojibake: a cheap test that allocates nothing.
pub fn may_contain(s: &str) -> bool {
    next_candidate(s, 0).is_some()
}

/// The byte offset of the first lead character at or after `from` that is directly followed by
/// a continuation character (or by U+FFFD standing for one): where mojibake can start. Every mojibake sequence, including the
/// dropped-byte ones this module repairs, has one.
fn next_candidate(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(rest) = bytes.get(i..) {
        // Leads U+00C2–U+00F4 are encoded C3 82 … C3 B4.
        let at = i + rest
            .windows(2)
            .position(|w| w[0] == 0xC3 && (0x82..=0xB4).contains(&w[1]))?;
        let follows = text.get(at + 2..).and_then(|s| s.chars().next());
        if follows.is_some_and(|c| cp1252::is_continuation(c) || c == dropped::REPLACEMENT) {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

#[cfg(test)]
mod tests;
