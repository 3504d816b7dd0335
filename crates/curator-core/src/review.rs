//! Review items: everything the engine is not sure enough about to change on its own.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Why a note (or a mention in it) needs a person's eye. Serialized in snake_case; these names
/// are part of the CLI's JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewReason {
    /// The note was created automatically and is tagged for review.
    NeedsReview,
    /// A person note's company tag disagrees with its Contact Information table.
    CompanyConflict,
    /// A facts block seems copied from another person's note.
    DuplicateFacts,
    /// Two notes seem to describe the same person.
    DuplicateEntity,
    /// A mention could be several people; the engine would not guess.
    AmbiguousMention,
    /// A mention resolves only plausibly: a person should confirm it.
    UncertainMention,
    /// A name recurs but matches no note: maybe a new person.
    NewEntity,
    /// The frontmatter cannot be parsed, or uses YAML the engine will not edit.
    InvalidFrontmatter,
    /// A placeholder whose value cannot be derived from the note.
    UnfilledPlaceholder,
    /// A date whose day and month order cannot be told apart.
    AmbiguousDate,
    /// A key appears under two spellings (`tags` and `Tags`).
    KeyConflict,
    /// Mojibake whose repair is uncertain.
    Mojibake,
    /// A task date that is not on the calendar (`📅 2022-02-29`): the Tasks plugin shows
    /// "Invalid date".
    InvalidDate,
}

impl ReviewReason {
    /// The stable snake_case name used in JSON and in the review pane.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewReason::NeedsReview => "needs_review",
            ReviewReason::CompanyConflict => "company_conflict",
            ReviewReason::DuplicateFacts => "duplicate_facts",
            ReviewReason::DuplicateEntity => "duplicate_entity",
            ReviewReason::AmbiguousMention => "ambiguous_mention",
            ReviewReason::UncertainMention => "uncertain_mention",
            ReviewReason::NewEntity => "new_entity",
            ReviewReason::InvalidFrontmatter => "invalid_frontmatter",
            ReviewReason::UnfilledPlaceholder => "unfilled_placeholder",
            ReviewReason::AmbiguousDate => "ambiguous_date",
            ReviewReason::KeyConflict => "key_conflict",
            ReviewReason::Mojibake => "mojibake",
            ReviewReason::InvalidDate => "invalid_date",
        }
    }
}

/// A ranked suggestion attached to a review item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The suggested value, usually a note title (shared, like `path`: the same few notes are
    /// suggested throughout a vault).
    pub name: Arc<str>,
    /// The vault-relative path of the candidate's note, when it is a note: what tells two
    /// notes of one title apart.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub path: Arc<str>,
    /// The engine's probability that this candidate is right (0..1).
    pub score: f64,
    /// How much each piece of evidence weighed for this candidate, in the order it was added
    /// (as Splink's waterfall shows a match score); given for names asked about in review.
    /// Shared: the notes writing one name mostly weigh the same evidence, and the warm state
    /// keeps one copy of each list ([`crate::shared`]).
    #[serde(default, skip_serializing_if = "<[Weight]>::is_empty")]
    pub evidence: Arc<[Weight]>,
}

impl Candidate {
    /// How a list of `among` names this candidate: its title, or its note's path when another
    /// candidate has the same title (two notes `Trajan` in two folders).
    pub fn label<'a>(&'a self, among: &[Candidate]) -> &'a str {
        let twins = among.iter().filter(|c| c.name == self.name).count();
        if twins > 1 && !self.path.is_empty() {
            &self.path
        } else {
            &self.name
        }
    }

    /// The candidate as a review item words it among `among`: its label and its probability in
    /// whole percent (`Rob Benoit (57%)`).
    pub fn described(&self, among: &[Candidate]) -> String {
        // Rounded as `{:.0}` rounds (a tie to the even number), then written as an integer:
        // formatting the float to a precision cost a review item more than the rest of it.
        let percent = (self.score * 100.0).round_ties_even() as u64;
        format!("{} ({percent}%)", self.label(among))
    }

    /// The candidates the engine could not tell from the best one (`candidates` best first):
    /// those within [`AMBIGUOUS_RATIO`] of its probability.
    pub fn tied(candidates: &[Candidate]) -> impl Iterator<Item = &Candidate> {
        let top = candidates.first().map_or(0.0, |c| c.score);
        candidates
            .iter()
            .filter(move |c| c.score * AMBIGUOUS_RATIO >= top)
    }
}

/// Two candidates whose probabilities are within this ratio make a mention ambiguous: the
/// engine cannot tell them apart, and the review queue asks.
pub const AMBIGUOUS_RATIO: f64 = 4.0;

/// One piece of evidence for a candidate and what it weighed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Weight {
    /// What it is about: `name`, `phonetics`, `meeting`, `line`, `company` or `credit`.
    pub factor: Arc<str>,
    /// Its weight in bits (log2 of the likelihood ratio): positive for, negative against.
    pub bits: f64,
    /// The evidence in words (shared, like the factor: many lists weigh the same evidence,
    /// [`crate::shared`]).
    pub words: Arc<str>,
}

impl Weight {
    /// What tells two weights apart, bit for bit: equal keys are the same evidence.
    pub fn key(&self) -> (&str, u64, &str) {
        (&self.factor, self.bits.to_bits(), &self.words)
    }
}

/// One entry of the needs-review queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewItem {
    /// Vault-relative path of the note, with `/` separators (shared, like the message, group
    /// and name: the warm state keeps each distinct text once, [`crate::shared`]).
    pub path: Arc<str>,
    /// 1-based line the item is about, when it is about one line.
    pub line: Option<usize>,
    /// The kind of problem.
    pub reason: ReviewReason,
    /// What is wrong and what the user can do, in words.
    pub message: Arc<str>,
    /// Ranked suggestions, best first (may be empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Candidate>,
    /// The decision this item belongs to: a stable id shared by every item one answer settles
    /// (all the notes writing the same uncertain name, both notes of a likely duplicate person);
    /// by default the item's own note and reason.
    #[serde(default)]
    pub group: Arc<str>,
    /// The name as written, for items about a name (the same for every item of its group).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Arc<str>>,
    /// The other lines of the note the same answer settles (the name written again).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<usize>,
}

impl ReviewItem {
    /// Creates a review item without candidates.
    pub fn new(
        path: &str,
        line: Option<usize>,
        reason: ReviewReason,
        message: impl Into<Arc<str>>,
    ) -> Self {
        ReviewItem {
            path: path.into(),
            line,
            reason,
            message: message.into(),
            candidates: Vec::new(),
            group: format!("{}:{path}", reason.as_str()).into(),
            name: None,
            also: Vec::new(),
        }
    }

    /// The item, in the decision `group` (see [`ReviewItem::group`]).
    pub fn in_group(mut self, group: impl Into<Arc<str>>) -> Self {
        self.group = group.into();
        self
    }

    /// The item, about the written name `name`, in that name's decision group.
    pub fn about_name(mut self, name: &str, key: &str) -> Self {
        self.group = Self::name_group(key).into();
        self.name = Some(name.into());
        self
    }

    /// The group of every item about the written name `name`, whatever note writes it: one
    /// answer ("Nico is Niko Dukic", "someone new", "not a name") settles them all.
    pub fn name_group(name_key: &str) -> String {
        format!("name:{name_key}")
    }

    /// The group of the decision "the notes at `keep` and `gone` are one person": merging
    /// `gone` into `keep` settles it.
    pub fn duplicate_group(keep: &str, gone: &str) -> String {
        format!("{}:{keep}|{gone}", ReviewReason::DuplicateEntity.as_str())
    }

    /// The note to keep and the note to merge into it, from a [`ReviewItem::duplicate_group`]
    /// (a path never holds `|`: Obsidian refuses it in file names).
    pub fn duplicate_pair(group: &str) -> Option<(&str, &str)> {
        let pair = group
            .strip_prefix(ReviewReason::DuplicateEntity.as_str())?
            .strip_prefix(':')?;
        pair.split_once('|')
    }
}

/// The likely duplicate people of a queue, by their two notes: a name whose tied candidates
/// are the two notes of one person is settled by merging them, not by picking one, so its
/// items join the merge's decision.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergeTies {
    /// The groups of the duplicate decisions.
    groups: std::collections::BTreeSet<Arc<str>>,
}

impl MergeTies {
    /// The duplicate decisions among `items` (the vault's review items raise them).
    pub fn of(items: &[ReviewItem]) -> Self {
        let groups = (items.iter())
            .filter(|i| i.reason == ReviewReason::DuplicateEntity)
            .filter(|i| ReviewItem::duplicate_pair(&i.group).is_some())
            .map(|i| i.group.clone())
            .collect();
        MergeTies { groups }
    }

    /// The group `item` belongs to: the merge's, when the candidates tied at its top are the
    /// two notes of one likely duplicate person and nobody else; else its own.
    pub fn group_of<'a>(&'a self, item: &'a ReviewItem) -> &'a str {
        self.merge_of(item).map_or(&item.group, |group| group)
    }

    fn merge_of(&self, item: &ReviewItem) -> Option<&Arc<str>> {
        if self.groups.is_empty() || item.name.is_none() {
            return None;
        }
        // The two notes the tie is between: a third note, or one alone, is no merge's.
        let mut tied = Candidate::tied(&item.candidates).map(|c| &*c.path);
        let a = tied.next()?;
        let mut b = None;
        for path in tied {
            match b {
                _ if path == a => {}
                None => b = Some(path),
                Some(b) if b == path => {}
                Some(_) => return None,
            }
        }
        let b = b?;
        [(a, b), (b, a)].into_iter().find_map(|(keep, gone)| {
            let group = ReviewItem::duplicate_group(keep, gone);
            self.groups.get(group.as_str())
        })
    }

    /// Puts every item of `items` whose tie a merge settles in that merge's decision.
    pub fn join(items: &mut [ReviewItem]) {
        let ties = MergeTies::of(items);
        for item in items.iter_mut() {
            if let Some(group) = ties.merge_of(item) {
                item.group = Arc::clone(group);
            }
        }
    }
}

/// One decision of the review queue: every item one answer settles (see [`ReviewItem::group`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Decision<'a> {
    /// The group the items share.
    pub group: &'a str,
    /// The items, in queue order.
    pub items: Vec<&'a ReviewItem>,
}

impl<'a> Decision<'a> {
    /// The item that speaks for the decision: the merge itself for likely duplicates (whose
    /// decision also holds the names their tie left open), else the first.
    pub fn lead(&self) -> Option<&'a ReviewItem> {
        (self.items.iter().copied())
            .find(|i| i.reason == ReviewReason::DuplicateEntity)
            .or_else(|| self.items.first().copied())
    }

    /// How many places the decision settles: each item's line and the lines it also covers
    /// (the name written again in that note).
    pub fn places(&self) -> usize {
        self.items.iter().map(|i| 1 + i.also.len()).sum()
    }

    /// How many notes the decision's items are in.
    pub fn notes(&self) -> usize {
        let mut paths: Vec<&str> = self.items.iter().map(|i| &*i.path).collect();
        paths.sort_unstable();
        paths.dedup();
        paths.len()
    }
}

/// The queue's items gathered into decisions, in the order each decision first appears.
pub fn decisions(items: &[ReviewItem]) -> Vec<Decision<'_>> {
    let mut out: Vec<Decision> = Vec::new();
    let mut at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for item in items {
        match at.get(&*item.group) {
            Some(&i) => out[i].items.push(item),
            None => {
                at.insert(&item.group, out.len());
                out.push(Decision {
                    group: &item.group,
                    items: vec![item],
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_candidate_is_described_in_whole_percent_as_a_float_to_no_decimals_is() {
        let candidate = |score: f64| Candidate {
            name: "Rob Benoit".into(),
            path: "People/Rob Benoit.md".into(),
            score,
            evidence: Arc::default(),
        };
        // Every score the engine gives (three decimals), ties (0.125, 0.705) included, and
        // scores between them.
        let scores = (0..=1000)
            .map(|i| f64::from(i) / 1000.0)
            .chain((0..=997).map(|i| f64::from(i) / 997.0));
        for score in scores {
            let c = candidate(score);
            let before = format!("{} ({:.0}%)", c.label(&[]), c.score * 100.0);
            assert_eq!(c.described(&[]), before, "score {score}");
        }
        assert_eq!(candidate(0.125).described(&[]), "Rob Benoit (12%)");
        assert_eq!(candidate(0.135).described(&[]), "Rob Benoit (14%)");
    }

    #[test]
    fn items_of_one_group_are_one_decision() {
        let name = |path: &str, line| {
            ReviewItem::new(path, Some(line), ReviewReason::UncertainMention, "Nico?")
                .in_group(ReviewItem::name_group("nico"))
        };
        let items = vec![
            name("a.md", 3),
            ReviewItem::new("a.md", None, ReviewReason::NeedsReview, "check"),
            name("b.md", 7),
            name("a.md", 9),
        ];
        let d = decisions(&items);
        assert_eq!(d.len(), 2);
        assert_eq!(
            (d[0].group, d[0].items.len(), d[0].notes()),
            ("name:nico", 3, 2)
        );
        assert_eq!(d[1].group, "needs_review:a.md");
    }
}
