//! Repairing one line: the text as pieces that decoding merges.
//!
//! Each piece is a span of the original text and the character it reads as now. A decoding pass
//! merges a lead piece and its continuation pieces into the character their bytes spell, so
//! double-encoded text (`ÃƒÂ¼` → `Ã¼` → `ü`) comes apart over successive passes while every
//! piece still knows which original bytes it replaces. Passes repeat until nothing changes,
//! which makes the result a fixed point: repairing it again finds nothing.

use super::cp1252::{byte_of, continuations_after, is_continuation, is_lead};
use super::{dropped, judge};
use std::ops::Range;

/// A span of the original text and the character it reads as.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    /// Byte span in the original text.
    pub src: Range<usize>,
    /// The character the span reads as after the repairs so far.
    pub ch: char,
    /// True when `ch` is a repair rather than the original character.
    pub changed: bool,
}

impl Piece {
    /// A piece repairing `src` to `ch`.
    pub fn repaired(src: Range<usize>, ch: char) -> Self {
        Piece {
            src,
            ch,
            changed: true,
        }
    }

    /// One unchanged piece per character of `text`, which starts at byte `offset`.
    pub fn split(text: &str, offset: usize) -> Vec<Piece> {
        text.char_indices()
            .map(|(i, ch)| Piece {
                src: offset + i..offset + i + ch.len_utf8(),
                ch,
                changed: false,
            })
            .collect()
    }
}

/// Appends the repairs of `text[line]` to `out`: spans of `text` and their replacements.
pub(super) fn repair(text: &str, line: Range<usize>, out: &mut Vec<(Range<usize>, String)>) {
    let Some(line_text) = text.get(line.clone()) else {
        return;
    };
    let task_line = is_task_line(line_text);
    let mut pieces = Piece::split(line_text, line.start);
    loop {
        let decoded = decode_pass(text, &mut pieces);
        let recovered = dropped::recover(&mut pieces, task_line);
        if !decoded && !recovered {
            break;
        }
    }
    emit(&pieces, out);
}

/// The characters `piece` shows in the output: its repair, or its original text while it is a
/// provisional step (a C1 control) that is reverted unless a later pass consumes it. Judging
/// context by what will be shown keeps a second repair from seeing anything the first did not.
fn shown<'t>(piece: &Piece, text: &'t str) -> impl DoubleEndedIterator<Item = char> + 't {
    let provisional = piece.changed && judge::is_provisional(piece.ch);
    let original = if provisional {
        text.get(piece.src.clone())
    } else {
        None
    };
    (!provisional)
        .then_some(piece.ch)
        .into_iter()
        .chain(original.unwrap_or_default().chars())
}

/// Merges every acceptable lead-and-continuations run into the character it encodes.
fn decode_pass(text: &str, pieces: &mut Vec<Piece>) -> bool {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut changed = false;
    let mut i = 0;
    while let Some(piece) = pieces.get(i) {
        let mut before = out.iter().rev().flat_map(|p| shown(p, text).rev());
        let prev = before.next();
        let prev2 = before.next();
        let next = |len: usize| {
            pieces
                .get(i + len..)
                .and_then(|after| after.iter().flat_map(|p| shown(p, text)).next())
        };
        match decode_at(pieces, i, prev, prev2, next) {
            Some((len, ch)) => {
                let end = pieces.get(i + len - 1).map_or(piece.src.end, |p| p.src.end);
                out.push(Piece::repaired(piece.src.start..end, ch));
                changed = true;
                i += len;
            }
            None => {
                out.push(piece.clone());
                i += 1;
            }
        }
    }
    *pieces = out;
    changed
}

/// The character the sequence starting at piece `i` encodes, and how many pieces it spans,
/// when it is valid UTF-8 and the judge prefers that reading.
fn decode_at(
    pieces: &[Piece],
    i: usize,
    prev: Option<char>,
    prev2: Option<char>,
    next: impl Fn(usize) -> Option<char>,
) -> Option<(usize, char)> {
    let lead = pieces.get(i)?.ch;
    if !is_lead(lead) {
        return None;
    }
    let lead_byte = byte_of(lead)?;
    let len = 1 + continuations_after(lead_byte)?;
    let run = pieces.get(i..i + len)?;
    let mut bytes = [lead_byte, 0, 0, 0];
    let mut chars = [lead; 4];
    for (k, piece) in run.iter().enumerate().skip(1) {
        if !is_continuation(piece.ch) {
            return None;
        }
        *bytes.get_mut(k)? = byte_of(piece.ch)?;
        *chars.get_mut(k)? = piece.ch;
    }
    let ch = std::str::from_utf8(bytes.get(..len)?)
        .ok()?
        .chars()
        .next()?;
    let around = judge::Around {
        prev,
        prev2,
        next: next(len),
    };
    judge::accepts(ch, chars.get(..len)?, around).then_some((len, ch))
}

/// Appends runs of adjacent repaired pieces as spans and replacements. A provisional C1
/// control no later pass consumed is no repair: its piece keeps its original text.
fn emit(pieces: &[Piece], out: &mut Vec<(Range<usize>, String)>) {
    let mut current: Option<(Range<usize>, String)> = None;
    for piece in pieces {
        if !piece.changed || judge::is_provisional(piece.ch) {
            out.extend(current.take());
            continue;
        }
        match current.as_mut() {
            Some((span, replacement)) if span.end == piece.src.start => {
                span.end = piece.src.end;
                replacement.push(piece.ch);
            }
            _ => {
                out.extend(current.take());
                current = Some((piece.src.clone(), piece.ch.to_string()));
            }
        }
    }
    out.extend(current);
}

/// True when `line` is a Markdown task (`- [ ] …`, `> * [x] …`, `1. [/] …`).
fn is_task_line(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| c.is_whitespace() || c == '>');
    let rest = match rest.strip_prefix(['-', '*', '+']) {
        Some(rest) => rest,
        None => {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            match rest.get(digits..).filter(|_| digits > 0) {
                Some(rest) => match rest.strip_prefix(['.', ')']) {
                    Some(rest) => rest,
                    None => return false,
                },
                None => return false,
            }
        }
    };
    let mut chars = rest.chars();
    chars.next().is_some_and(char::is_whitespace)
        && chars.as_str().trim_start().starts_with('[')
        && chars.as_str().trim_start().chars().nth(2) == Some(']')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_task_lines() {
        for line in ["- [ ] a", "  * [x] a", "> - [/] a", "1. [-] a", "+ [X]"] {
            assert!(is_task_line(line), "{line}");
        }
        for line in ["- a", "-[ ] a", "[ ] a", "- [ab] a", "1 [ ] a", "text"] {
            assert!(!is_task_line(line), "{line}");
        }
    }
}
