//! One text kept as the line hunks that turn another into it: what a fix changes of a note,
//! without a second copy of the lines it leaves alone (most of them).

use serde::{Deserialize, Serialize};

/// The line hunks turning one text into another, in order and not overlapping.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hunks(Vec<Hunk>);

/// One hunk: the bytes `start..end` of the text before, replaced by `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hunk {
    /// Byte offset in the text before where the replaced lines begin.
    pub start: usize,
    /// Byte offset in the text before where the replaced lines end.
    pub end: usize,
    /// The lines put in their place.
    pub text: String,
}

impl Hunks {
    /// The hunks turning `before` into `after`, found by a line diff (Myers).
    pub fn between(before: &str, after: &str) -> Self {
        let (old, new) = (lines(before), lines(after));
        let (old_at, new_at) = (offsets(&old), offsets(&new));
        let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &old, &new);
        Hunks(
            ops.iter()
                .filter(|op| op.tag() != similar::DiffTag::Equal)
                .map(|op| {
                    let (o, n) = (op.old_range(), op.new_range());
                    Hunk {
                        start: old_at[o.start],
                        end: old_at[o.end],
                        text: after[new_at[n.start]..new_at[n.end]].to_string(),
                    }
                })
                .collect(),
        )
    }

    /// `before` with the hunks applied: the text they were found for, when `before` is the
    /// text they were found against.
    pub fn apply(&self, before: &str) -> String {
        let grown: usize = self.0.iter().map(|h| h.text.len()).sum();
        let mut out = String::with_capacity(before.len() + grown);
        let mut at = 0;
        for hunk in &self.0 {
            out.push_str(before.get(at..hunk.start).unwrap_or_default());
            out.push_str(&hunk.text);
            at = hunk.end;
        }
        out.push_str(before.get(at..).unwrap_or_default());
        out
    }
}

/// The lines of `text`, each with its line break.
fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// Where each of `lines` begins, and after them where the last ends.
fn offsets(lines: &[&str]) -> Vec<usize> {
    let mut at = Vec::with_capacity(lines.len() + 1);
    at.push(0);
    at.extend(lines.iter().scan(0, |sum, line| {
        *sum += line.len();
        Some(*sum)
    }));
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn hunks_turn_the_text_into_the_other() {
        let cases = [
            ("a\nb\nc\n", "a\nB\nc\n"),
            ("a\nb\nc", "a\nb\nc\nd\n"),
            ("---\ntags: x\n---\nbody\n", "---\ntags: [x]\n---\nbody\n"),
            ("one\ntwo\n", ""),
            ("", "new\n"),
            ("x\ny\nz\n", "y\n"),
            ("é\r\nü\r\n", "é\r\nu\r\n"),
            ("same\n", "same\n"),
        ];
        for (before, after) in cases {
            assert_eq!(
                Hunks::between(before, after).apply(before),
                after,
                "{before:?}"
            );
        }
    }

    #[test]
    fn only_the_changed_lines_are_kept() {
        let before = "a\nb\nc\nd\ne\n";
        let hunks = Hunks::between(before, "a\nB\nc\nd\nE\n");
        let kept: Vec<&str> = hunks.0.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(kept, ["B\n", "E\n"]);
        assert_eq!(Hunks::between(before, before), Hunks::default());
    }

    proptest! {
        #![proptest_config(crate::proptest_config::cases(256))]
        #[test]
        fn any_two_texts(before in "[ab\n\r é]{0,40}", after in "[ab\n\r é]{0,40}") {
            prop_assert_eq!(Hunks::between(&before, &after).apply(&before), after);
        }
    }
}
