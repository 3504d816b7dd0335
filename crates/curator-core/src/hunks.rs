//! One text kept as the line hunks that turn another into it: what a fix changes of a note,
//! without a second copy of the lines it leaves alone (most of them). A diff crate (`similar`)
//! cost 13 KB of the WASM module; the few lines here find hunks as good for a fix's changes.

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
    /// The hunks turning `before` into `after`: where the lines differ, up to the nearest line
    /// both hold again ([`resync`]). Not always the fewest lines a diff could keep, but a fix
    /// changes lines here and there, and any hunks found this way give `after` back.
    pub fn between(before: &str, after: &str) -> Self {
        let (old, new) = (lines(before), lines(after));
        let (old_at, new_at) = (offsets(&old), offsets(&new));
        let mut hunks = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < old.len() || j < new.len() {
            if i < old.len() && j < new.len() && old[i] == new[j] {
                (i, j) = (i + 1, j + 1);
                continue;
            }
            let (skip_old, skip_new) = resync(&old[i..], &new[j..]);
            hunks.push(Hunk {
                start: old_at[i],
                end: old_at[i + skip_old],
                text: after[new_at[j]..new_at[j + skip_new]].to_string(),
            });
            (i, j) = (i + skip_old, j + skip_new);
        }
        Hunks(hunks)
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

/// How many lines a hunk may skip, on both sides together, looking for a line both texts hold
/// again; past it, the hunk runs to the end of both.
const REACH: usize = 64;

/// How many lines of `old` and of `new` (which differ in their first lines) to skip to the
/// nearest line both hold — the fewest skipped in all, up to [`REACH`] — or both whole.
fn resync(old: &[&str], new: &[&str]) -> (usize, usize) {
    for skipped in 1..=REACH.min(old.len() + new.len()) {
        for a in 0..=skipped {
            let b = skipped - a;
            if a < old.len() && b < new.len() && old[a] == new[b] {
                return (a, b);
            }
        }
    }
    (old.len(), new.len())
}

/// The lines of `text`, each with its line break.
fn lines(text: &str) -> Vec<&str> {
    crate::lines::inclusive(text).collect()
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
        let inserted = Hunks::between(before, "a\nb\nnew\nc\nd\ne\n");
        assert_eq!(
            inserted.0,
            [Hunk {
                start: 4,
                end: 4,
                text: "new\n".into()
            }]
        );
        let removed = Hunks::between(before, "a\nb\nd\ne\n");
        assert_eq!(
            removed.0,
            [Hunk {
                start: 4,
                end: 6,
                text: String::new()
            }]
        );
    }

    #[test]
    fn lines_past_the_reach_are_one_hunk() {
        let before: String = (0..100).map(|i| format!("{i}\n")).collect();
        let after = format!("x\n{}", &before[before.len() - 3..]);
        let hunks = Hunks::between(&before, &after);
        assert_eq!(hunks.0.len(), 1);
        assert_eq!(hunks.apply(&before), after);
    }

    proptest! {
        #![proptest_config(crate::proptest_config::cases(256))]
        #[test]
        fn any_two_texts(before in "[ab\n\r é]{0,40}", after in "[ab\n\r é]{0,40}") {
            prop_assert_eq!(Hunks::between(&before, &after).apply(&before), after);
        }
    }
}
