//! Mojibake repair: UTF-8 that was decoded one byte per character — as windows-1252 or latin-1,
//! windows-1250 or ISO-8859-2, windows-1251, windows-1257, Mac OS Roman or code page 437 — once
//! or several times, including CESU-8 emoji, bytes lost on the way (`Ñ�`, a no-break space
//! turned into a space) and the dropped-byte forms of Tasks signifiers (`â«` was ⏫).
//!
//! [`repairs`] finds the minimal spans to replace; [`repair`] applies them to a string (for
//! frontmatter values and names); [`body_edits`] turns them into [`Edit`](crate::edit::Edit)s for a note's body.
//!
//! How a span is found and judged:
//! 1. A line is looked at only if it holds a character standing for a UTF-8 lead byte in some
//!    code page directly followed by one standing for a continuation byte in the same code page
//!    (or by U+FFFD), or a C1 control, so clean text is scanned once without allocating.
//! 2. Every code page reads the line back (`line.rs`): its sequences are decoded as UTF-8 and
//!    judged (`judge.rs`) — the decoded character must fit where it stands and the text as
//!    written must read worse — and the code page that explains the line best is applied.
//!    Passes repeat, so double-encoded text (`ÃƒÂ¼`) is repaired in two steps.
//! 3. Sequences still short of bytes are tried with the undefined windows-1252 bytes put back
//!    (`dropped.rs`): a reading is kept only for a whitelisted symbol in its proper place.
//!    Lost bytes nothing recovers become one U+FFFD with their lead (`Ð±ÑŠÐ»Ð³Ð°Ñ€Ñ�ÐºÐ¸` is
//!    `българ�ки`), on a line shown to be mojibake.
//! 4. C1 controls left over are windows-1252 text read as latin-1 (`\u{93}` is `“`); one
//!    between two letters only where its character can stand inside a word (`š`, `’`): a
//!    symbol there (`Veri\u{80}cation`, a PDF's lost `ﬁ`) is not understood and stays, and so
//!    does a whole UTF-8 sequence no windows-1252 text spells (four bytes, or a byte it leaves
//!    undefined) whose character no reading accepts: half repaired, it would be worse.
//!
//! A line holding other control characters (NUL, ESC) is binary data pasted as characters, not
//! text: it is left alone. A note that documents mojibake, setting a garbled form against what
//! it decodes to (`rÃ©sumÃ© → résumé`), keeps all its garbled forms ([`documents_mojibake`]):
//! [`body_edits`] and the frontmatter rule propose nothing for it.
//!
//! Guarantees (tested): a repair holds U+FFFD only where the text already marked a lost
//! character (`�` or its garbled form `ï¿½`); whitespace is never added, and consumed only
//! where a space stood for a lost byte 0xA0; text without mojibake is left alone; repairing a
//! repaired text changes nothing.

mod addresses;
mod body;
mod codepage;
mod dropped;
mod example;
mod judge;
mod line;

pub use addresses::addresses;
pub use body::{body_edits, body_findings};
pub use example::documents_mojibake;

/// True when `c`, written right after `prev`, continues a mojibake sequence `prev` leads: the
/// `¼` of `JÃ¼rgen`, which is no letter but belongs to the word.
pub fn continues_sequence(prev: char, c: char) -> bool {
    codepage::may_start(prev, c)
}

use crate::lines::line_at;
use crate::rule::Rule;
use rustc_hash::FxHashMap as HashMap;
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
    repairs_with(text, &mut LineMemo::default())
}

/// The repairs of lines read before, by their text: a line's repairs depend on its text alone
/// ([`repair_line`]), and a fix pass reads a note's lines again with a few of them changed.
/// Only a memo made to keep lines ([`LineMemo::keeping`]) remembers them, and then only the
/// lines of the last text it was asked about.
#[derive(Debug, Default)]
pub struct LineMemo {
    keep: bool,
    /// The lines that may hold mojibake, and their repairs from the line's start.
    lines: HashMap<String, Vec<(Range<usize>, String)>>,
}

impl LineMemo {
    /// A memo for a note that will be read again.
    pub fn keeping() -> Self {
        LineMemo {
            keep: true,
            lines: HashMap::default(),
        }
    }
}

/// [`repairs`], reading again only the lines `memo` does not hold, and leaving in it those of
/// `text`.
pub fn repairs_with(text: &str, memo: &mut LineMemo) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut seen = HashMap::default();
    let mut from = 0;
    while let Some(at) = next_candidate(text, from) {
        let line = line_at(text, at);
        from = line.end;
        let Some(line_text) = text.get(line.clone()).filter(|_| memo.keep) else {
            repair_line(text, line, &mut out);
            continue;
        };
        // A line written twice in the note is read once.
        let repaired = match seen.get(line_text) {
            Some(repaired) => repaired,
            None => {
                let repaired = memo.lines.remove(line_text).unwrap_or_else(|| {
                    let mut spans = Vec::new();
                    repair_line(text, line.clone(), &mut spans);
                    (spans.into_iter())
                        .map(|(span, fixed)| {
                            (span.start - line.start..span.end - line.start, fixed)
                        })
                        .collect()
                });
                seen.entry(line_text.to_string()).or_insert(repaired)
            }
        };
        out.extend((repaired.iter()).map(|(span, fixed)| {
            (
                line.start + span.start..line.start + span.end,
                fixed.clone(),
            )
        }));
    }
    memo.lines = seen;
    out
}

/// Appends the repairs of `text[line]` to `out`, so that repairing the result finds nothing:
/// a line whose repair would itself be read as mojibake (a garble that a second code page
/// reads further) is not understood, and left alone.
fn repair_line(text: &str, line: Range<usize>, out: &mut Vec<(Range<usize>, String)>) {
    if text.get(line.clone()).is_some_and(holds_binary) {
        return;
    }
    let mut spans = Vec::new();
    line::repair(text, line.clone(), &mut spans);
    let Some(original) = text.get(line.clone()).filter(|_| !spans.is_empty()) else {
        return;
    };
    let repaired = apply_from(original, &spans, line.start);
    if next_candidate(&repaired, 0).is_some() {
        let mut again = Vec::new();
        line::repair(&repaired, 0..repaired.len(), &mut again);
        if !again.is_empty() {
            return;
        }
    }
    out.extend(spans);
}

/// True when `line` holds a control character no text holds (NUL, ESC, … — anything below a
/// space but tab and carriage return, or DEL): bytes of a file pasted as characters (a PDF
/// stream, a hex dump), where the C1 controls and accented letters are data, not mojibake.
fn holds_binary(line: &str) -> bool {
    line.bytes()
        .any(|b| (b < 0x20 && b != b'\t' && b != b'\r') || b == 0x7F)
}

/// `text` with `spans`, as [`repairs`] returns them, replaced.
pub fn apply(text: &str, spans: &[(Range<usize>, String)]) -> String {
    apply_from(text, spans, 0)
}

/// `text` with `spans` (offsets from `base`) replaced.
fn apply_from(text: &str, spans: &[(Range<usize>, String)], base: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for (span, replacement) in spans {
        let start = span.start.saturating_sub(base);
        out.push_str(text.get(cursor..start).unwrap_or_default());
        out.push_str(replacement);
        cursor = span.end.saturating_sub(base);
    }
    out.push_str(text.get(cursor..).unwrap_or_default());
    out
}

/// The repaired form of `s`, or `None` when `s` holds no mojibake.
pub fn repair(s: &str) -> Option<String> {
    let spans = repairs(s);
    (!spans.is_empty()).then(|| apply(s, &spans))
}

/// True when `s` may hold mojibake: a cheap test that allocates nothing.
pub fn may_contain(s: &str) -> bool {
    next_candidate(s, 0).is_some()
}

/// The byte offset of the first character at or after `from` where mojibake can start: a
/// character standing for a lead byte in some code page followed by one standing for a
/// continuation byte in the same code page, or by U+FFFD (a lost byte), or — for `Ã` and what
/// stands for its byte elsewhere — by a space (the word `à`); or a C1 control. Every mojibake
/// sequence this module repairs has one.
fn next_candidate(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        let at = i + first_non_ascii(bytes.get(i..)?)?;
        let mut chars = text.get(at..)?.chars();
        let c = chars.next()?;
        if ('\u{80}'..='\u{9f}').contains(&c) {
            return Some(at);
        }
        if codepage::may_lead(c) {
            let starts = match chars.next() {
                Some(dropped::REPLACEMENT) => true,
                Some(' ') => codepage::Reading::all().any(|r| r.char_of(0xC3) == c),
                Some(next) => codepage::may_start(c, next),
                None => false,
            };
            if starts {
                return Some(at);
            }
        }
        i = at + c.len_utf8();
    }
}

/// The offset of the first byte of `bytes` that is not ASCII, looked for eight bytes at a time:
/// most text is ASCII, and every character mojibake is made of is not.
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in chunks.by_ref() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let high = u64::from_le_bytes(word) & HIGH_BITS;
        if high != 0 {
            return Some(at + high.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    let rest = chunks.remainder();
    rest.iter().position(|&b| b >= 0x80).map(|i| at + i)
}

#[cfg(test)]
mod tests;
