//! Edits: the only way the engine changes a note.
//!
//! The core never rewrites a file. Every rule returns [`Edit`]s — a byte span of the original
//! text, its replacement, the rule that produced it and a reason in words — and [`apply_edits`]
//! is the single place where edits turn into new text.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One surgical change to a note: replace `text[start..end]` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    /// Byte offset where the replaced span starts (inclusive).
    pub start: usize,
    /// Byte offset where the replaced span ends (exclusive).
    pub end: usize,
    /// The text that takes the span's place.
    pub replacement: String,
    /// The rule that produced the edit, e.g. `frontmatter.dates`.
    pub rule: String,
    /// Why, in words a user can read in a diff preview.
    pub reason: String,
}

impl Edit {
    /// Creates an edit replacing `start..end` with `replacement`.
    pub fn new(
        start: usize,
        end: usize,
        replacement: impl Into<String>,
        rule: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        Edit {
            start,
            end,
            replacement: replacement.into(),
            rule: rule.into(),
            reason: reason.into(),
        }
    }
}

/// Why a set of edits could not be applied. The text is then left as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum EditError {
    /// An edit's span lies outside the text or is reversed.
    OutOfBounds {
        /// The rule that proposed the edit.
        rule: String,
        /// The span's start.
        start: usize,
        /// The span's end.
        end: usize,
        /// The text's length.
        len: usize,
    },
    /// An edit's span does not start or end on a UTF-8 character boundary.
    NotCharBoundary {
        /// The rule that proposed the edit.
        rule: String,
        /// The offending byte offset.
        offset: usize,
    },
    /// Two edits touch the same bytes; applying both would be ambiguous.
    Overlap {
        /// The rule of the earlier edit.
        first: String,
        /// The rule of the later edit.
        second: String,
        /// Where the later edit starts.
        offset: usize,
    },
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::OutOfBounds {
                rule,
                start,
                end,
                len,
            } => write!(
                f,
                "edit from rule `{rule}` spans {start}..{end}, outside the note's {len} bytes"
            ),
            EditError::NotCharBoundary { rule, offset } => write!(
                f,
                "edit from rule `{rule}` cuts a character in half at byte {offset}"
            ),
            EditError::Overlap {
                first,
                second,
                offset,
            } => write!(
                f,
                "edits from rules `{first}` and `{second}` overlap at byte {offset}"
            ),
        }
    }
}

impl std::error::Error for EditError {}

/// Applies `edits` to `text` and returns the new text.
///
/// Edits may come in any order. Two edits that overlap — or two insertions at the same offset —
/// are refused as a whole: nothing is applied and the conflict is reported.
pub fn apply_edits(text: &str, edits: &[Edit]) -> Result<String, EditError> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.start, e.end));
    let mut previous: Option<&Edit> = None;
    for edit in &sorted {
        if edit.start > edit.end || edit.end > text.len() {
            return Err(EditError::OutOfBounds {
                rule: edit.rule.clone(),
                start: edit.start,
                end: edit.end,
                len: text.len(),
            });
        }
        for offset in [edit.start, edit.end] {
            if !text.is_char_boundary(offset) {
                return Err(EditError::NotCharBoundary {
                    rule: edit.rule.clone(),
                    offset,
                });
            }
        }
        if let Some(prev) = previous {
            let touches =
                edit.start < prev.end || (edit.start == prev.start && edit.start == prev.end);
            if touches {
                return Err(EditError::Overlap {
                    first: prev.rule.clone(),
                    second: edit.rule.clone(),
                    offset: edit.start,
                });
            }
        }
        previous = Some(edit);
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut cursor = 0;
    for edit in sorted {
        out.push_str(&text[cursor..edit.start]);
        out.push_str(&edit.replacement);
        cursor = edit.end;
    }
    out.push_str(&text[cursor..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(start: usize, end: usize, r: &str) -> Edit {
        Edit::new(start, end, r, "test", "because")
    }

    #[test]
    fn applies_in_any_order() {
        let out = apply_edits("hello world", &[e(6, 11, "there"), e(0, 5, "hi")]).unwrap();
        assert_eq!(out, "hi there");
    }

    #[test]
    fn no_edits_is_identity() {
        assert_eq!(apply_edits("a\r\nb", &[]).unwrap(), "a\r\nb");
    }

    #[test]
    fn refuses_overlap() {
        let err = apply_edits("hello world", &[e(0, 5, "x"), e(4, 6, "y")]).unwrap_err();
        assert!(matches!(err, EditError::Overlap { offset: 4, .. }), "{err}");
    }

    #[test]
    fn refuses_two_insertions_at_one_offset() {
        assert!(apply_edits("ab", &[e(1, 1, "x"), e(1, 1, "y")]).is_err());
    }

    #[test]
    fn adjacent_edits_are_fine() {
        assert_eq!(
            apply_edits("abcd", &[e(0, 2, "X"), e(2, 4, "Y")]).unwrap(),
            "XY"
        );
    }

    #[test]
    fn refuses_split_characters_and_out_of_bounds() {
        assert!(matches!(
            apply_edits("é", &[e(1, 2, "x")]),
            Err(EditError::NotCharBoundary { .. })
        ));
        assert!(matches!(
            apply_edits("a", &[e(0, 9, "x")]),
            Err(EditError::OutOfBounds { .. })
        ));
    }
}
