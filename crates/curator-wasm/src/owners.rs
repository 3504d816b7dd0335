//! Open tasks grouped by owner, kept from one query to the next: a query regroups only the
//! notes whose tasks were computed again since the one before (a save regroups one note), and
//! sorts only the page's groups.

use curator_core::tasks::Task;
use curator_core::text::fold;
use curator_core::vault::Vault;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

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

/// A task: its note's path and its index among the note's tasks.
type Place = (Arc<str>, u32);

/// The vault's open tasks by owner, as of the last query.
#[derive(Debug, Default)]
pub struct OwnerIndex {
    /// Each note's tasks as last grouped (the vault's own `Arc`s: a note whose tasks are the
    /// same `Arc` has not changed).
    notes: HashMap<Arc<str>, Arc<Vec<Task>>>,
    /// Open tasks by owner — a task with two owners is in both groups.
    owned: HashMap<Arc<str>, BTreeSet<Place>>,
    /// The open tasks nobody owns.
    nobodys: BTreeSet<Place>,
    /// The owners in order: alphabetically, folded, then as written.
    order: BTreeSet<(String, Arc<str>)>,
}

impl OwnerIndex {
    /// A page of the vault's open tasks grouped by owner (computing the tasks still missing):
    /// owners in alphabetical order, the tasks nobody owns last.
    pub fn page(&mut self, vault: &mut Vault, query: &TasksQuery) -> TasksPage {
        self.refresh(vault);
        let nobodys = (!self.nobodys.is_empty()).then_some((None, &self.nobodys));
        let groups = (self.order.iter())
            .filter_map(|(_, name)| Some((Some(name), self.owned.get(name)?)))
            .chain(nobodys)
            .skip(query.offset)
            .take(query.groups.unwrap_or(usize::MAX))
            .map(|(owner, places)| {
                let mut tasks: Vec<&Task> = places
                    .iter()
                    .filter_map(|(path, i)| self.notes.get(path)?.get(*i as usize))
                    .collect();
                tasks.sort_by(|a, b| {
                    by_due(a, b)
                        .then(a.path.cmp(&b.path))
                        .then(a.line.cmp(&b.line))
                });
                OwnerTasks {
                    owner: owner.map(|o| o.to_string()),
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
            total: self.order.len() + usize::from(!self.nobodys.is_empty()),
            offset: query.offset,
            groups,
        }
    }

    /// Regroups the notes whose tasks changed since the last query, and forgets removed notes.
    fn refresh(&mut self, vault: &mut Vault) {
        let current = vault.all_tasks_by_path();
        for (path, tasks) in &current {
            if self
                .notes
                .get(*path)
                .is_some_and(|old| Arc::ptr_eq(old, tasks))
            {
                continue;
            }
            let path: Arc<str> = Arc::from(*path);
            self.forget(&path);
            for (i, task) in tasks.iter().enumerate().filter(|(_, t)| t.is_open()) {
                let place = (Arc::clone(&path), i as u32);
                if task.owners.is_empty() {
                    self.nobodys.insert(place.clone());
                }
                for owner in &task.owners {
                    let places = match self.owned.get_mut(owner) {
                        Some(places) => places,
                        None => {
                            self.order.insert((fold(owner), owner.clone()));
                            self.owned.entry(owner.clone()).or_default()
                        }
                    };
                    places.insert(place.clone());
                }
            }
            self.notes.insert(path, Arc::clone(tasks));
        }
        if self.notes.len() > current.len() {
            let present: BTreeSet<&str> = current.iter().map(|(p, _)| *p).collect();
            let gone: Vec<Arc<str>> = self
                .notes
                .keys()
                .filter(|p| !present.contains(&***p))
                .cloned()
                .collect();
            for path in gone {
                self.forget(&path);
            }
        }
    }

    /// Takes the note's tasks out of their groups.
    fn forget(&mut self, path: &Arc<str>) {
        let Some(tasks) = self.notes.remove(path) else {
            return;
        };
        for (i, task) in tasks.iter().enumerate().filter(|(_, t)| t.is_open()) {
            let place = (Arc::clone(path), i as u32);
            self.nobodys.remove(&place);
            for owner in &task.owners {
                if let Some(places) = self.owned.get_mut(owner) {
                    places.remove(&place);
                    if places.is_empty() {
                        self.owned.remove(owner);
                        self.order.remove(&(fold(owner), owner.clone()));
                    }
                }
            }
        }
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

    /// A page from a fresh index.
    fn fresh_page(vault: &mut Vault, query: &TasksQuery) -> TasksPage {
        OwnerIndex::default().page(vault, query)
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
        let all = fresh_page(&mut vault, &TasksQuery::default());
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
        let page = fresh_page(&mut vault, &query);
        assert_eq!(titles(&page), [(Some("Ömer Kaya"), 1, vec![SOONER])]);
        assert_eq!((page.total, page.offset), (3, 1));
        let first = TasksQuery {
            limit: Some(1),
            ..TasksQuery::default()
        };
        let ada = &fresh_page(&mut vault, &first).groups[0];
        assert_eq!((ada.count, ada.tasks.len()), (3, 1));
    }

    #[test]
    fn a_kept_index_follows_edits_removals_and_new_notes() {
        let mut vault = vault(&[
            PEOPLE[0],
            PEOPLE[1],
            ("a.md", "- [ ] One @Ada Park\n- [ ] Two\n"),
            ("b.md", "- [ ] Three @Ömer Kaya 📅 2026-01-02\n"),
        ]);
        let mut kept = OwnerIndex::default();
        let query = TasksQuery::default();
        let edits: [(&str, Option<&str>); 5] = [
            ("a.md", Some("- [x] One @Ada Park\n- [ ] Two @Ömer Kaya\n")),
            (
                "c.md",
                Some("- [ ] Four\n- [ ] Five @Ada Park 📅 2026-01-01\n"),
            ),
            ("b.md", None),
            ("People/Ada Park.md", None),
            ("a.md", Some("no tasks\n")),
        ];
        kept.page(&mut vault, &query);
        for (path, text) in edits {
            match text {
                Some(text) => vault.upsert(path, text),
                None => vault.remove(path),
            };
            let got = kept.page(&mut vault, &query);
            let want = fresh_page(&mut vault, &query);
            assert_eq!(format!("{got:?}"), format!("{want:?}"), "after {path}");
        }
    }
}
