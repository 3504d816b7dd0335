//! Open tasks grouped by owner, kept up to date note by note: the warming sweep hands over
//! each note's tasks as it computes them ([`OwnerIndex::regroup`]), and a query regroups only
//! the notes whose tasks were computed again since (a save regroups one note). Each owner's
//! tasks are kept in the order a page shows them, so a page reads only what it shows.

use curator_core::dates::Date;
use curator_core::tasks::Task;
use curator_core::text::fold;
use curator_core::vault::Vault;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
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

/// Open tasks grouped by owner, a page of owners at a time (the tasks borrowed from the
/// index, not copied).
#[derive(Debug, Serialize)]
pub struct TasksPage<'a> {
    /// How many owners (and the group of tasks nobody owns) there are on every page.
    pub total: usize,
    /// The query's offset.
    pub offset: usize,
    /// The page's owners.
    pub groups: Vec<OwnerTasks<'a>>,
}

/// One owner's open tasks.
#[derive(Debug, Serialize)]
pub struct OwnerTasks<'a> {
    /// The owner, or null for the tasks nobody owns.
    pub owner: Option<String>,
    /// How many open tasks the owner has (`tasks` may hold fewer).
    pub count: usize,
    /// The tasks, soonest due first (undated last), then by path and line.
    pub tasks: Vec<&'a Task>,
}

/// A task in its owner's group, ordered as a page shows it: dated tasks first, soonest first,
/// then by path and line (and place among the note's tasks).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    undated: bool,
    due: Option<Date>,
    /// The note's path.
    path: Arc<str>,
    line: usize,
    /// Index among the note's tasks.
    index: u32,
}

impl Place {
    /// The place of `task`, the note's task number `index`.
    fn of(path: &Arc<str>, index: usize, task: &Task) -> Place {
        Place {
            undated: task.due.is_none(),
            due: task.due,
            path: Arc::clone(path),
            line: task.line,
            index: index as u32,
        }
    }
}

/// The vault's open tasks by owner, as of the last query.
#[derive(Debug, Default)]
pub struct OwnerIndex {
    /// The vault's generation at the last query: an unchanged vault is not read again.
    generation: Option<u64>,
    /// Each note's tasks as last grouped, in path order (the vault's own `Arc`s: a note whose
    /// tasks are the same `Arc` has not changed).
    notes: BTreeMap<Arc<str>, Arc<Vec<Task>>>,
    /// Open tasks by owner, in page order — a task with two owners is in both groups.
    owned: HashMap<Arc<str>, BTreeSet<Place>>,
    /// The open tasks nobody owns, in page order.
    nobodys: BTreeSet<Place>,
    /// The owners in order: alphabetically, folded, then as written.
    order: BTreeSet<(String, Arc<str>)>,
}

impl OwnerIndex {
    /// A page of the vault's open tasks grouped by owner (computing the tasks still missing):
    /// owners in alphabetical order, the tasks nobody owns last.
    pub fn page(&mut self, vault: &mut Vault, query: &TasksQuery) -> TasksPage<'_> {
        self.refresh(vault);
        let nobodys = (!self.nobodys.is_empty()).then_some((None, &self.nobodys));
        let limit = query.limit.unwrap_or(usize::MAX);
        let groups = (self.order.iter())
            .filter_map(|(_, name)| Some((Some(name), self.owned.get(name)?)))
            .chain(nobodys)
            .skip(query.offset)
            .take(query.groups.unwrap_or(usize::MAX))
            .map(|(owner, places)| OwnerTasks {
                owner: owner.map(|o| o.to_string()),
                count: places.len(),
                tasks: (places.iter().take(limit))
                    .filter_map(|p| self.notes.get(&p.path)?.get(p.index as usize))
                    .collect(),
            })
            .collect();
        TasksPage {
            total: self.order.len() + usize::from(!self.nobodys.is_empty()),
            offset: query.offset,
            groups,
        }
    }

    /// Regroups the note at `path` when `tasks` are not the tasks it was grouped with (the
    /// warming sweep calls it for each note it computes).
    pub fn regroup(&mut self, path: &str, tasks: &Arc<Vec<Task>>) {
        if (self.notes.get(path)).is_some_and(|old| Arc::ptr_eq(old, tasks)) {
            return;
        }
        let path: Arc<str> = Arc::from(path);
        self.forget(&path);
        for (i, task) in tasks.iter().enumerate().filter(|(_, t)| t.is_open()) {
            let place = Place::of(&path, i, task);
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

    /// Regroups the notes whose tasks changed since the last query, and forgets removed notes:
    /// the vault's notes and the grouped ones, both in path order, are walked side by side.
    fn refresh(&mut self, vault: &mut Vault) {
        if self.generation == Some(vault.generation()) {
            return;
        }
        let current = vault.all_tasks_by_path();
        let mut changed: Vec<(&str, &Arc<Vec<Task>>)> = Vec::new();
        let mut gone: Vec<Arc<str>> = Vec::new();
        let mut grouped = self.notes.iter().peekable();
        for &(path, tasks) in &current {
            while let Some((old, _)) = grouped.next_if(|(old, _)| &***old < path) {
                gone.push(Arc::clone(old));
            }
            match grouped.next_if(|(old, _)| &***old == path) {
                Some((_, old)) if Arc::ptr_eq(old, tasks) => {}
                _ => changed.push((path, tasks)),
            }
        }
        gone.extend(grouped.map(|(old, _)| Arc::clone(old)));
        for path in &gone {
            self.forget(path);
        }
        for (path, tasks) in changed {
            self.regroup(path, tasks);
        }
        self.generation = Some(vault.generation());
    }

    /// Takes the note's tasks out of their groups.
    fn forget(&mut self, path: &str) {
        let Some((path, tasks)) = self.notes.remove_entry(path) else {
            return;
        };
        for (i, task) in tasks.iter().enumerate().filter(|(_, t)| t.is_open()) {
            let place = Place::of(&path, i, task);
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

    /// A page from a fresh index, as the tests read it: each owner, how many open tasks, and
    /// the descriptions of those on the page; with the total and the offset.
    fn fresh_page(vault: &mut Vault, query: &TasksQuery) -> (Titles, usize, usize) {
        let mut index = OwnerIndex::default();
        let page = index.page(vault, query);
        (titles(&page), page.total, page.offset)
    }

    /// What a page says of each owner.
    type Titles = Vec<(Option<String>, usize, Vec<String>)>;

    const PEOPLE: [(&str, &str); 2] = [
        ("People/Ada Park.md", "---\ntype: people\n---\n# Ada Park\n"),
        (
            "People/Ömer Kaya.md",
            "---\ntype: people\n---\n# Ömer Kaya\n",
        ),
    ];

    fn titles(page: &TasksPage) -> Titles {
        page.groups
            .iter()
            .map(|g| {
                let tasks = g.tasks.iter().map(|t| t.description.clone()).collect();
                (g.owner.clone(), g.count, tasks)
            })
            .collect()
    }

    /// `titles` as written in a test.
    fn want(groups: &[(Option<&str>, usize, Vec<&str>)]) -> Titles {
        (groups.iter())
            .map(|(owner, count, tasks)| {
                let tasks = tasks.iter().map(|t| t.to_string()).collect();
                (owner.map(str::to_string), *count, tasks)
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
        let (all, total, _) = fresh_page(&mut vault, &TasksQuery::default());
        assert_eq!(
            all,
            want(&[
                (Some("Ada Park"), 3, vec![SOONER, "Later", "Undated"]),
                (Some("Ömer Kaya"), 1, vec![SOONER]),
                (None, 1, vec!["Nobody's"]),
            ])
        );
        assert_eq!(total, 3);
        let query = TasksQuery {
            offset: 1,
            groups: Some(1),
            limit: Some(1),
        };
        let (page, total, offset) = fresh_page(&mut vault, &query);
        assert_eq!(page, want(&[(Some("Ömer Kaya"), 1, vec![SOONER])]));
        assert_eq!((total, offset), (3, 1));
        let first = TasksQuery {
            limit: Some(1),
            ..TasksQuery::default()
        };
        let (ada, _, _) = fresh_page(&mut vault, &first);
        assert_eq!((ada[0].1, ada[0].2.len()), (3, 1));
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
            let page = kept.page(&mut vault, &query);
            let got = (titles(&page), page.total, page.offset);
            assert_eq!(got, fresh_page(&mut vault, &query), "after {path}");
        }
    }
}
