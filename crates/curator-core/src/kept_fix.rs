//! A fix as the warm state keeps it: only what the note's text and check report do not say
//! already. On a dirty vault `fix` changes most notes, and a [`FixOutcome`] holds the whole
//! fixed text and, most often, the check report's edits and review items again; kept whole, the
//! fixes of a vault are a second copy of it.

use crate::edit::Edit;
use crate::engine::{FixOutcome, NoteReport};
use crate::error::NoteError;
use crate::hunks::Hunks;
use crate::review::ReviewItem;
use serde::{Deserialize, Serialize};

/// A [`FixOutcome`] against the note's text and its check report ([`KeptFix::keep`]), which
/// [`KeptFix::outcome`] turns back into the same outcome given the same two.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptFix {
    /// The fixed text as hunks over the note's text; `None` when nothing changes.
    hunks: Option<Hunks>,
    /// True when the applied edits begin with the check report's edits (left out of `applied`).
    after_report: bool,
    /// The applied edits, those of the check report left out when `after_report`.
    applied: Vec<Edit>,
    /// The fixed note's review items; `None` when they are the check report's.
    review: Option<Vec<ReviewItem>>,
    /// Why the note could not be fixed.
    error: Option<NoteError>,
}

impl KeptFix {
    /// `fixed`, the fix of the note `text` whose check report is `report` (when known).
    pub fn keep(fixed: FixOutcome, text: &str, report: Option<&NoteReport>) -> Self {
        let first = report.map_or(&[][..], |r| r.edits.as_slice());
        let after_report = !first.is_empty() && fixed.applied.starts_with(first);
        let applied = match after_report {
            true => fixed.applied[first.len()..].to_vec(),
            false => fixed.applied,
        };
        let review = (report.map(|r| &r.review) != Some(&fixed.review)).then_some(fixed.review);
        KeptFix {
            hunks: fixed.text.map(|after| Hunks::between(text, &after)),
            after_report,
            applied,
            review,
            error: fixed.error,
        }
    }

    /// The fixed note's review items, when they are not the check report's.
    pub fn own_review_mut(&mut self) -> Option<&mut Vec<ReviewItem>> {
        self.review.as_mut()
    }

    /// The [`FixOutcome`] kept, given the note's `text` and check `report` it was kept with.
    pub fn outcome(&self, text: &str, report: Option<&NoteReport>) -> FixOutcome {
        let first = report.map_or(&[][..], |r| r.edits.as_slice());
        let mut applied = Vec::with_capacity(first.len() + self.applied.len());
        if self.after_report {
            applied.extend_from_slice(first);
        }
        applied.extend_from_slice(&self.applied);
        let review = match (&self.review, report) {
            (Some(review), _) => review.clone(),
            (None, Some(report)) => report.review.clone(),
            (None, None) => Vec::new(),
        };
        FixOutcome {
            text: self.hunks.as_ref().map(|h| h.apply(text)),
            applied,
            review,
            error: self.error.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Engine, Settings};

    /// Kept and turned back, the fix of each note is the same outcome, with or without the
    /// note's check report.
    #[test]
    fn a_kept_fix_is_the_same_fix() {
        let mut engine = Engine::new(Settings::default());
        engine
            .index_mut()
            .upsert("People/Ada Park.md", "---\ntype: people\n---\n# Ada Park\n");
        let notes = [
            "---\ntags: Meeting, x\ncreated: 2026/01/02\n---\n- [ ] Call @Ada Prk\n",
            "---\ntags: [meeting]\n---\nnothing to fix\n",
            "---\ntags: [a\n---\nbroken frontmatter\n",
            "",
        ];
        let mut changed = 0;
        for text in notes {
            let (report, fixed) = engine.check_and_fix("m.md", text);
            changed += usize::from(fixed.text.is_some());
            for report in [Some(&report), None] {
                let kept = KeptFix::keep(fixed.clone(), text, report);
                assert_eq!(kept.outcome(text, report), fixed, "{text:?}");
            }
        }
        assert!(changed > 0);
    }
}
