//! One copy of what the results the warm state keeps repeat. The review items of a vault
//! suggest the same few notes, and weigh the same evidence for them, note after note, and say
//! so in the same words; a note's tasks name the same few owners: the warm state keeps each
//! distinct evidence list, and each distinct text of items, candidates, evidence and tasks,
//! once ([`Shared`]), and every result points to it. Outputs do not change: a shared value is
//! equal, bit for bit, to the one it replaces.

use crate::engine::NoteReport;
use crate::entities::Mention;
use crate::kept_fix::KeptFix;
use crate::review::{Candidate, ReviewItem, Weight};
use crate::tasks::Task;
use rustc_hash::FxHashSet as HashSet;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// The distinct evidence lists, and review items', candidates' and tasks' texts, of the results
/// kept, each once.
#[derive(Debug, Clone, Default)]
pub struct Shared {
    evidence: Kept<Evidence>,
    texts: Kept<Arc<str>>,
}

impl Shared {
    /// Shares the texts and evidence of a check report's review items, and keeps the items
    /// without spare room.
    pub fn report(&mut self, report: &mut NoteReport) {
        report.review.shrink_to_fit();
        self.items(&mut report.review);
    }

    /// Shares the texts and evidence of a kept fix's own review items.
    pub fn fix(&mut self, fix: &mut KeptFix) {
        if let Some(items) = fix.own_review_mut() {
            self.items(items);
        }
    }

    /// Shares the texts and evidence of `items`.
    pub fn items(&mut self, items: &mut [ReviewItem]) {
        for item in items {
            self.texts.share(&mut item.path);
            self.texts.share(&mut item.message);
            self.texts.share(&mut item.group);
            if let Some(name) = &mut item.name {
                self.texts.share(name);
            }
            self.candidates(&mut item.candidates);
        }
    }

    /// Shares the paths and owners of a note's tasks, and keeps the lists without spare room.
    pub fn tasks(&mut self, tasks: &mut Vec<Task>) {
        tasks.shrink_to_fit();
        for task in tasks {
            self.texts.share(&mut task.path);
            task.owners.shrink_to_fit();
            for owner in &mut task.owners {
                self.texts.share(owner);
            }
        }
    }

    /// Shares the evidence of resolved mentions.
    pub fn mentions(&mut self, mentions: &mut [Mention]) {
        for mention in mentions {
            self.candidates(&mut mention.candidates);
        }
    }

    fn candidates(&mut self, candidates: &mut [Candidate]) {
        for candidate in candidates {
            self.texts.share(&mut candidate.name);
            self.texts.share(&mut candidate.path);
            if !candidate.evidence.is_empty() {
                let mut list = Evidence(Arc::clone(&candidate.evidence));
                if !self.evidence.values.contains(&list) {
                    // A new list: its texts are mostly another list's.
                    list.0 = (list.0.iter())
                        .map(|w| Weight {
                            factor: self.texts.kept(&w.factor),
                            bits: w.bits,
                            words: self.texts.kept(&w.words),
                        })
                        .collect();
                }
                self.evidence.share(&mut list);
                candidate.evidence = list.0;
            }
        }
    }
}

/// One copy of each distinct value (an `Arc`) seen, and a sweep of those nothing else holds
/// any more once their number has doubled.
#[derive(Debug, Clone)]
struct Kept<T> {
    values: HashSet<T>,
    /// How many values were kept after the last sweep.
    swept: usize,
}

/// Values kept before the first sweep.
const FIRST_SWEEP: usize = 4096;

impl<T> Default for Kept<T> {
    fn default() -> Self {
        Kept {
            values: HashSet::default(),
            swept: 0,
        }
    }
}

impl<T: Held + Eq + Hash + Clone> Kept<T> {
    /// The kept value equal to `value`, keeping it if it is the first.
    fn kept(&mut self, value: &T) -> T {
        let mut value = value.clone();
        self.share(&mut value);
        value
    }

    /// Points `value` to the kept value equal to it, keeping it if it is the first.
    fn share(&mut self, value: &mut T) {
        if let Some(kept) = self.values.get(value) {
            *value = kept.clone();
            return;
        }
        self.values.insert(value.clone());
        if self.values.len() > 2 * self.swept.max(FIRST_SWEEP) {
            // Values only this set still holds belonged to results dropped since.
            self.values.retain(|v| v.holders() > 1);
            self.swept = self.values.len();
        }
    }
}

/// An `Arc`, of which [`Kept`] counts the holders.
trait Held {
    fn holders(&self) -> usize;
}

impl Held for Arc<str> {
    fn holders(&self) -> usize {
        Arc::strong_count(self)
    }
}

impl Held for Evidence {
    fn holders(&self) -> usize {
        Arc::strong_count(&self.0)
    }
}

/// An evidence list, equal to another with the same weights bit for bit.
#[derive(Debug, Clone)]
struct Evidence(Arc<[Weight]>);

impl Evidence {
    fn key(&self) -> impl Iterator<Item = (&str, u64, &str)> {
        self.0.iter().map(Weight::key)
    }
}

impl PartialEq for Evidence {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len() && self.key().eq(other.key())
    }
}

impl Eq for Evidence {}

impl Hash for Evidence {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.len().hash(state);
        for weight in self.key() {
            weight.hash(state);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::ReviewReason;

    fn item(words: &str, bits: f64) -> ReviewItem {
        let mut item = ReviewItem::new("m.md", Some(1), ReviewReason::AmbiguousMention, "?");
        item.candidates.push(Candidate {
            name: "Ada Park".into(),
            path: "People/Ada Park.md".into(),
            score: 0.5,
            evidence: vec![Weight {
                factor: "name".into(),
                bits,
                words: words.into(),
            }]
            .into(),
        });
        item
    }

    /// Equal lists, names, paths, messages, groups and evidence words end up as one; lists that
    /// differ in a word or a bit stay apart, and what each item says does not change.
    #[test]
    fn equal_evidence_is_kept_once() {
        let mut items = vec![
            item("'ada' matches 'ada'", 1.5),
            item("'ada' matches 'ada'", 1.5),
            item("'ada' matches 'ada'", 1.25),
            item("'adda' is close to 'ada'", 1.5),
        ];
        let before = items.clone();
        Shared::default().items(&mut items);
        assert_eq!(items, before);
        let list = |i: usize| &items[i].candidates[0].evidence;
        assert!(Arc::ptr_eq(list(0), list(1)));
        let name = |i: usize| &items[i].candidates[0].name;
        assert!(Arc::ptr_eq(name(0), name(3)));
        assert!(Arc::ptr_eq(&items[0].message, &items[3].message));
        assert!(Arc::ptr_eq(&items[0].path, &items[2].path));
        assert!(Arc::ptr_eq(&items[1].group, &items[3].group));
        assert!(!Arc::ptr_eq(list(0), list(2)));
        // Two lists apart still share the words they have in common.
        assert!(Arc::ptr_eq(&list(0)[0].words, &list(2)[0].words));
        assert!(Arc::ptr_eq(&list(0)[0].factor, &list(3)[0].factor));
        assert!(!Arc::ptr_eq(list(0), list(3)));
    }

    /// Lists whose results were dropped are let go once many new ones come.
    #[test]
    fn lists_nothing_holds_are_let_go() {
        let mut shared = Shared::default();
        for i in 0..3 * FIRST_SWEEP {
            let mut items = vec![item(&format!("word {i}"), 1.0)];
            shared.items(&mut items);
        }
        assert!(shared.evidence.values.len() <= 2 * FIRST_SWEEP);
    }
}
