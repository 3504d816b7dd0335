//! Whole-vault queries answered from the warm state: the review queue a page at a time, open
//! tasks grouped by owner, and the open-tasks sections to update. Each computes what is
//! missing (nothing, once the vault is warm) and returns plain serializable values; offsets
//! and JS conversion stay in the binding.

use curator_core::entities::{Decision, Mention};
use curator_core::tasks::Task;
use curator_core::text::fold;
use curator_core::vault::Vault;
use curator_core::{apply_edits, ReviewItem, ReviewReason};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

/// Which owners' open tasks to return.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TasksQuery {
    /// Index of the first owner returned.
    pub offset: usize,
    /// How many owners at most; every one when absent.
    pub groups: Option<usize>,
    /// How many tasks at most per owner, soonest due first; every one when absent.
    pub limit: Option<usize>,
}

/// Open tasks grouped by owner, a page of owners at a time.
#[derive(Debug, Serialize)]
pub struct TasksPage {
    /// How many owners (and the group of tasks nobody owns) there are on every page.
    pub total: usize,
    /// The query's offset.
    pub offset: usize,
    /// The page's owners.
    pub groups: Vec<OwnerTasks>,
}

/// One owner's open tasks.
#[derive(Debug, Serialize)]
pub struct OwnerTasks {
    /// The owner, or null for the tasks nobody owns.
    pub owner: Option<String>,
    /// How many open tasks the owner has (`tasks` may hold fewer).
    pub count: usize,
    /// The tasks, soonest due first (undated last), then by path and line.
    pub tasks: Vec<Task>,
}

/// The vault's open tasks grouped by owner — a task with two owners is in both groups — owners
/// in alphabetical order, the tasks nobody owns last. Only the page's groups are sorted.
pub fn tasks_by_owner(vault: &mut Vault, query: &TasksQuery) -> TasksPage {
    let all = vault.all_tasks();
    let mut by_owner: HashMap<&str, Vec<&Task>> = HashMap::new();
    let mut nobodys: Vec<&Task> = Vec::new();
    for task in all.iter().flat_map(|tasks| tasks.iter()) {
        if !task.is_open() {
            continue;
        }
        if task.owners.is_empty() {
            nobodys.push(task);
        }
        for owner in &task.owners {
            by_owner.entry(owner).or_default().push(task);
        }
    }
    let mut groups: Vec<(String, Option<&str>, Vec<&Task>)> = by_owner
        .into_iter()
        .map(|(owner, tasks)| (fold(owner), Some(owner), tasks))
        .collect();
    groups.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    if !nobodys.is_empty() {
        groups.push((String::new(), None, nobodys));
    }
    let total = groups.len();
    let page = groups
        .into_iter()
        .skip(query.offset)
        .take(query.groups.unwrap_or(usize::MAX))
        .map(|(_, owner, mut tasks)| {
            tasks.sort_by(|a, b| {
                by_due(a, b)
                    .then(a.path.cmp(&b.path))
                    .then(a.line.cmp(&b.line))
            });
            OwnerTasks {
                owner: owner.map(str::to_string),
                count: tasks.len(),
                tasks: tasks
                    .into_iter()
                    .take(query.limit.unwrap_or(usize::MAX))
                    .cloned()
                    .collect(),
            }
        })
        .collect();
    TasksPage {
        total,
        offset: query.offset,
        groups: page,
    }
}

/// Dated tasks first, soonest first.
fn by_due(a: &Task, b: &Task) -> Ordering {
    match (a.due, b.due) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
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

    const PEOPLE: [(&str, &str); 2] = [
        ("People/Ada Park.md", "---\ntype: people\n---\n# Ada Park\n"),
        (
            "People/Ömer Kaya.md",
            "---\ntype: people\n---\n# Ömer Kaya\n",
        ),
    ];

    fn titles(page: &TasksPage) -> Vec<(Option<&str>, usize, Vec<&str>)> {
        page.groups
            .iter()
            .map(|g| {
                let tasks = g.tasks.iter().map(|t| t.description.as_str()).collect();
                (g.owner.as_deref(), g.count, tasks)
            })
            .collect()
    }

    #[test]
    fn open_tasks_by_owner_soonest_first_nobody_last() {
        let meeting = "- [ ] Later @Ada Park 📅 2026-02-01\n\
                       - [ ] Undated @Ada Park\n\
                       - [x] Done @Ada Park 📅 2026-01-01\n\
                       - [ ] Sooner [[Ada Park]] [[Ömer Kaya]] 📅 2026-01-15\n\
                       - [ ] Nobody's\n";
        let mut vault = vault(&[PEOPLE[0], PEOPLE[1], ("m.md", meeting)]);
        // Links to owners stay in the description.
        const SOONER: &str = "Sooner [[Ada Park]] [[Ömer Kaya]]";
        let all = tasks_by_owner(&mut vault, &TasksQuery::default());
        assert_eq!(
            titles(&all),
            [
                (Some("Ada Park"), 3, vec![SOONER, "Later", "Undated"]),
                (Some("Ömer Kaya"), 1, vec![SOONER]),
                (None, 1, vec!["Nobody's"]),
            ]
        );
        assert_eq!(all.total, 3);
        let query = TasksQuery {
            offset: 1,
            groups: Some(1),
            limit: Some(1),
        };
        let page = tasks_by_owner(&mut vault, &query);
        assert_eq!(titles(&page), [(Some("Ömer Kaya"), 1, vec![SOONER])]);
        assert_eq!((page.total, page.offset), (3, 1));
        let first = TasksQuery {
            limit: Some(1),
            ..TasksQuery::default()
        };
        let ada = &tasks_by_owner(&mut vault, &first).groups[0];
        assert_eq!((ada.count, ada.tasks.len()), (3, 1));
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
