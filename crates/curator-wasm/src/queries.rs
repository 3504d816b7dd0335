//! Whole-vault queries answered from the warm state: the review queue a page at a time and the
//! open-tasks sections to update (open tasks by owner are kept in [`crate::owners`]). Each computes what is
//! missing (nothing, once the vault is warm) and returns plain serializable values; offsets
//! and JS conversion stay in the binding.

use curator_core::entities::{Decision, Mention};
use curator_core::vault::Vault;
use curator_core::{apply_edits, ReviewItem, ReviewReason};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Which part of the review queue to return.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ReviewQuery {
    /// Index of the first entry returned.
    pub offset: usize,
    /// How many entries at most; every one when absent.
    pub limit: Option<usize>,
    /// Only the items of this reason.
    pub reason: Option<ReviewReason>,
    /// Attach to each mention item the undecided mentions on its line, computing the note's
    /// mentions if need be.
    pub mentions: bool,
}

impl Default for ReviewQuery {
    fn default() -> Self {
        ReviewQuery {
            offset: 0,
            limit: None,
            reason: None,
            mentions: true,
        }
    }
}

/// One page of the review queue.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewPage {
    /// Items matching the query, on every page.
    pub total: usize,
    /// Items of each reason in the whole queue, whatever the query's reason.
    pub counts: BTreeMap<&'static str, usize>,
    /// The query's offset.
    pub offset: usize,
    /// The entries of the page, in path and line order.
    pub entries: Vec<QueueEntry>,
    /// The notes of the page whose mentions the entries need (attached when asked for).
    pub mention_notes: Vec<String>,
}

/// A review item, with the undecided mentions on its line when it is about a mention.
#[derive(Debug, Serialize)]
pub struct QueueEntry {
    /// The review item.
    pub item: ReviewItem,
    /// The mentions of the item's line that wait for a decision (empty when not asked for).
    pub mentions: Vec<Mention>,
}

/// Review reasons answered by deciding a mention.
fn about_mentions(reason: ReviewReason) -> bool {
    matches!(
        reason,
        ReviewReason::AmbiguousMention | ReviewReason::UncertainMention
    )
}

/// Every note's review items and the vault's, in path and line order (an item about the whole
/// note first), filtered and paged by `query`. The notes come in path order already: only each
/// note's own items are sorted, and the page is cut while walking them.
pub fn review_page(vault: &mut Vault, query: &ReviewQuery) -> ReviewPage {
    let reports = vault.all_reports();
    let vault_items = vault.vault_review();
    let mut loose: Vec<&ReviewItem> = vault_items.iter().collect();
    loose.sort_by(|a, b| by_place(a, b));
    let mut loose = loose.into_iter().peekable();
    let mut counts: BTreeMap<ReviewReason, usize> = BTreeMap::new();
    let mut total = 0;
    let mut page: Vec<ReviewItem> = Vec::new();
    let limit = query.limit.unwrap_or(usize::MAX);
    let mut visit = |item: &ReviewItem| {
        *counts.entry(item.reason).or_insert(0) += 1;
        if query.reason.is_some_and(|r| r != item.reason) {
            return;
        }
        if total >= query.offset && page.len() < limit {
            page.push(item.clone());
        }
        total += 1;
    };
    let mut note: Vec<&ReviewItem> = Vec::new();
    for report in &reports {
        note.clear();
        note.extend(&report.review);
        note.sort_by_key(|i| i.line);
        for item in note.drain(..) {
            while let Some(first) = loose.next_if(|l| by_place(l, item).is_lt()) {
                visit(first);
            }
            visit(item);
        }
    }
    loose.for_each(&mut visit);
    let mention_notes: BTreeSet<String> = page
        .iter()
        .filter(|i| about_mentions(i.reason))
        .map(|i| i.path.clone())
        .collect();
    let mut undecided: BTreeMap<String, Vec<Mention>> = BTreeMap::new();
    if query.mentions {
        for path in &mention_notes {
            let mentions = vault.mentions(path).unwrap_or_default();
            let waiting = mentions.iter().filter(|m| m.decision == Decision::Review);
            undecided.insert(path.clone(), waiting.cloned().collect());
        }
    }
    let entries = page
        .into_iter()
        .map(|item| {
            let mentions = match undecided.get(&item.path) {
                Some(list) if about_mentions(item.reason) => list
                    .iter()
                    .filter(|m| Some(m.line) == item.line)
                    .cloned()
                    .collect(),
                _ => Vec::new(),
            };
            QueueEntry { item, mentions }
        })
        .collect();
    ReviewPage {
        total,
        counts: counts.into_iter().map(|(r, n)| (r.as_str(), n)).collect(),
        offset: query.offset,
        entries,
        mention_notes: mention_notes.into_iter().collect(),
    }
}

/// Path, then line (an item about the whole note first).
fn by_place(a: &ReviewItem, b: &ReviewItem) -> Ordering {
    a.path.cmp(&b.path).then(a.line.cmp(&b.line))
}

/// A person note whose generated sections (open tasks, meetings) are out of date.
#[derive(Debug, Serialize)]
pub struct SectionUpdate {
    /// The person note.
    pub path: String,
    /// The text the update was computed from: write only over this text.
    pub original: String,
    /// The note with its sections brought up to date.
    pub text: String,
}

/// The section updates of every opted-in person note, from the warm tasks and mentions of the
/// whole vault.
pub fn section_updates(vault: &mut Vault) -> Result<Vec<SectionUpdate>, String> {
    vault
        .section_edits()
        .into_iter()
        .map(|(path, edits)| {
            let original = vault.text(&path).unwrap_or_default().to_string();
            let text = apply_edits(&original, &edits)
                .map_err(|e| format!("internal: {path}: the section edit does not apply: {e}"))?;
            Ok(SectionUpdate {
                path,
                original,
                text,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use curator_core::Settings;

    fn vault(notes: &[(&str, &str)]) -> Vault {
        let owned = notes
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect();
        Vault::build(Settings::default(), owned)
    }

    #[test]
    fn review_pages_in_path_and_line_order_with_counts() {
        let broken = "---\ntitle: [unclosed\n---\n";
        let tagged = "---\ntags: [needs-review]\n---\n# Later\n";
        let mut vault = vault(&[("b.md", broken), ("a.md", tagged), ("c.md", tagged)]);
        let all = review_page(&mut vault, &ReviewQuery::default());
        let listed = |page: &ReviewPage| -> Vec<(String, &'static str)> {
            page.entries
                .iter()
                .map(|e| (e.item.path.clone(), e.item.reason.as_str()))
                .collect()
        };
        assert_eq!(
            listed(&all),
            [
                ("a.md".to_string(), "needs_review"),
                ("b.md".to_string(), "invalid_frontmatter"),
                ("c.md".to_string(), "needs_review"),
            ]
        );
        assert_eq!(all.total, 3);
        assert_eq!(all.counts["needs_review"], 2);
        let query = ReviewQuery {
            offset: 1,
            limit: Some(1),
            reason: Some(ReviewReason::NeedsReview),
            mentions: true,
        };
        let page = review_page(&mut vault, &query);
        assert_eq!(listed(&page), [("c.md".to_string(), "needs_review")]);
        assert_eq!((page.total, page.offset), (2, 1));
        assert_eq!(page.counts.values().sum::<usize>(), 3);
    }

    #[test]
    fn mention_items_carry_the_undecided_mentions_of_their_line() {
        let person = "---\ntype: people\n---\n# Tobias Fenn\n";
        let meeting = "---\ntype: meeting\n---\n\nWe asked [[Tobias Venn]] about it.\n";
        let mut vault = vault(&[("People/Tobias Fenn.md", person), ("m.md", meeting)]);
        let page = review_page(&mut vault, &ReviewQuery::default());
        let entry = page
            .entries
            .iter()
            .find(|e| about_mentions(e.item.reason))
            .expect("the misheard name is queued");
        assert_eq!(page.mention_notes, ["m.md"]);
        assert_eq!(entry.mentions.len(), 1);
        assert_eq!(entry.mentions[0].text, "Tobias Venn");
        assert_eq!(Some(entry.mentions[0].line), entry.item.line);
        let without = ReviewQuery {
            mentions: false,
            ..ReviewQuery::default()
        };
        let page = review_page(&mut vault, &without);
        assert_eq!(page.mention_notes, ["m.md"]);
        assert!(page.entries.iter().all(|e| e.mentions.is_empty()));
    }

    #[test]
    fn section_updates_hold_the_text_they_replace() {
        let person = "---\ntype: people\n---\n📅 ☕\n<!-- curator:open-tasks -->\n<!-- /curator:open-tasks -->\n";
        let notes = [
            ("People/Ada Park.md".to_string(), person.to_string()),
            (
                "m.md".to_string(),
                "- [ ] Call back @Ada Park\n".to_string(),
            ),
        ];
        let mut settings = Settings::default();
        settings.rules.insert("openTasksSection".into(), true);
        let mut vault = Vault::build(settings, notes.to_vec());
        let updates = section_updates(&mut vault).unwrap();
        assert_eq!(updates.len(), 1);
        assert_eq!(updates[0].original, person);
        assert_eq!(
            updates[0].text,
            person.replace("-->\n<!-- /", "-->\n- Call back — [[m]]\n<!-- /")
        );
    }
}
