//! The vault as the plugin holds it: the core's warm [`Vault`], the notes handed over but not
//! indexed yet, and the sweep that computes every note's results ahead of the queries.
//!
//! Loading is split in two so that the caller decides how long each step may take: notes are
//! *staged* (kept as text, nothing computed), then *indexed* some at a time —
//! [`Vault::build`] when the vault is empty (one pass over every note, the fast path of the
//! initial load), [`Vault::upsert`] one note after another otherwise. [`LiveVault::warm`] then
//! computes the notes' check reports and tasks until the caller says stop. A Web Worker indexes
//! everything at once and warms in long steps; the in-thread fallback indexes a few notes and
//! warms for a few milliseconds per step, so the UI thread never waits long.
//!
//! A warm start skips the reading: [`LiveVault::restore`] takes a snapshot saved by an earlier
//! session ([`crate::warm_start`]) on trust, so its results answer the views at once, and the
//! notes' texts are read in the background and [supplied](LiveVault::supply): a text whose
//! hash is the snapshot's is kept, any other is upserted, so the state ends equal to a cold
//! build. Until a note's text is supplied nothing is computed from it: the sweep passes over
//! it, and [`Progress::unread`] tells the caller to hold back what needs every text.
//!
//! The vault keeps a note's text only while it needs it: once the sweep has computed a note's
//! report and tasks, its text is [released](Vault::release_text) (the note being edited keeps
//! its own). The texts are most of a vault's state, and the plugin can read them again. A
//! change that drops a note's results leaves it waiting for its text ([`Progress::waiting`],
//! first among [`LiveVault::unread_paths`]) until the caller [supplies](LiveVault::supply) it;
//! a query that reads texts says which it lacks (`crate::texts`), and the caller
//! [lends](LiveVault::lend) them for that query.

use crate::owners::{OwnerIndex, TasksPage, TasksQuery};
use curator_core::answers::lasting;
use curator_core::decisions::{self, DecisionIndex, DecisionPage, DecisionQuery, SavedDecisions};
use curator_core::report_cell::EncodedReport;
use curator_core::vault::Snapshot;
use curator_core::vault::Vault;
use curator_core::Settings;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// How far loading and warming have come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Notes in the vault (indexed).
    pub notes: usize,
    /// Notes handed over and not indexed yet.
    pub staged: usize,
    /// Indexed notes whose check report is still to compute (those waiting for their text
    /// included).
    pub stale: usize,
    /// Notes of a warm start whose text is still to be supplied.
    pub unread: usize,
    /// Stale notes that wait for their text (unread, or released once computed): nothing can
    /// compute them until it is supplied.
    pub waiting: usize,
}

/// The warm vault plus the notes waiting to be indexed.
#[derive(Debug)]
pub struct LiveVault {
    vault: Vault,
    /// Notes handed over but not indexed yet, by path; newer than the vault's text of the same
    /// path, if any. Their texts move into the vault as they are, never copied again.
    staged: BTreeMap<String, Arc<str>>,
    /// Stale paths the current sweep has still to visit, the next one last.
    sweep: Vec<String>,
    /// The review queue gathered into decisions, while the vault is unchanged.
    decisions: DecisionIndex,
    /// Open tasks by owner, regrouped note by note as notes change.
    owners: OwnerIndex,
    /// Notes of a warm start whose text has not been supplied yet: held on trust (their
    /// results are the snapshot's) or, for a path the snapshot lacks, not held at all.
    unread: BTreeSet<String>,
    /// Notes whose text is lent for a query ([`LiveVault::lend`]): released when it is answered.
    lent: BTreeSet<String>,
    /// Notes whose text the vault holds for now (updated, or opened in an editor): released
    /// when the vault no longer needs it, once a sweep ends.
    to_release: BTreeSet<String>,
}

impl LiveVault {
    /// An empty vault with `settings`.
    pub fn new(settings: Settings) -> Self {
        LiveVault {
            vault: Vault::new(settings),
            staged: BTreeMap::new(),
            sweep: Vec::new(),
            decisions: DecisionIndex::default(),
            owners: OwnerIndex::default(),
            unread: BTreeSet::new(),
            lent: BTreeSet::new(),
            to_release: BTreeSet::new(),
        }
    }

    /// Starts from `snapshot` over the notes at `paths` (every note of the vault now): the
    /// snapshot's notes among them are held on trust, the others of the snapshot are removed,
    /// and every path is unread until [`LiveVault::supply`] gives its text. False, changing
    /// nothing, when the snapshot does not fit the engine or the settings. A note whose report
    /// the snapshot lacks takes its `reports` entry, decoded when first asked
    /// ([`Vault::restore_unread`]). The review queue starts from the saved `decisions` when
    /// nothing changed since they were gathered ([`DecisionIndex::restore`]).
    pub fn restore(
        &mut self,
        snapshot: Snapshot,
        reports: Vec<Option<Box<dyn EncodedReport>>>,
        decisions: Option<SavedDecisions>,
        paths: Vec<String>,
    ) -> bool {
        let present: BTreeSet<&str> = paths.iter().map(String::as_str).collect();
        let settings = self.vault.settings().clone();
        let Some(vault) = Vault::restore_unread(settings, snapshot, reports, &present) else {
            return false;
        };
        *self = LiveVault::new(vault.settings().clone());
        self.vault = vault;
        self.unread = paths.into_iter().collect();
        if let Some(decisions) = decisions {
            self.decisions.restore(decisions, &mut self.vault);
        }
        true
    }

    /// The review queue's decisions to save ([`DecisionIndex::saved`]): gathered first when
    /// every note is read and its report computed (only the notes changed since the last page
    /// are gathered again); `None` when they would need computing.
    pub fn saved_decisions(&mut self) -> Option<SavedDecisions> {
        let progress = self.progress();
        if (progress.staged, progress.stale, progress.unread) == (0, 0, 0) {
            let query = DecisionQuery {
                limit: Some(0),
                ..DecisionQuery::default()
            };
            self.decision_page(&query);
        }
        self.decisions.saved(&self.vault)
    }

    /// The paths to read, in order: the notes waiting for their text (their results were
    /// dropped), then the warm start's notes the snapshot lacks, then its other unread notes.
    pub fn unread_paths(&self) -> Vec<String> {
        let mut first: Vec<String> = self.waiting_paths().map(str::to_string).collect();
        let waiting: BTreeSet<&str> = first.iter().map(String::as_str).collect();
        let rest = self.unread.iter().filter(|p| !waiting.contains(p.as_str()));
        let (absent, held): (Vec<&String>, Vec<&String>) =
            rest.partition(|p| !self.vault.contains(p));
        first.extend(absent.into_iter().chain(held).cloned());
        first
    }

    /// The stale notes whose text the vault does not hold.
    fn waiting_paths(&self) -> impl Iterator<Item = &str> {
        self.vault.stale_paths_held(false)
    }

    /// The text of a note the vault holds without it (unread, or released and now waiting):
    /// kept when it is the text the note's results are about, upserted otherwise. Ignored when
    /// the vault holds the note's text already or does not know the note (and it is not
    /// unread): an update since gave it.
    pub fn supply(&mut self, path: &str, text: String) {
        let unread = self.unread.remove(path);
        if !unread && (!self.vault.contains(path) || self.vault.holds_text(path)) {
            return;
        }
        if self.vault.supply_text(path, Arc::from(text.as_str())) {
            // Nothing to compute: the text goes again (else once the sweep computed it).
            self.vault.release_text(path);
        } else if self.vault.is_empty() {
            // Read again after new settings: indexed with the others in one pass.
            self.stage(path.to_string(), text);
        } else {
            self.upsert(path, &text);
        }
    }

    /// Lends the vault the text of a note it holds without it, for the query that asked
    /// ([`crate::texts::NeedsTexts`]), when it is the text the note's results are about (else
    /// the note changed since: its update comes). [`LiveVault::release_lent`] takes the texts
    /// back.
    pub fn lend(&mut self, path: &str, text: &str) {
        if self.vault.holds_text(path) || !self.vault.is_text_of(path, text) {
            return;
        }
        if self.vault.supply_text(path, Arc::from(text)) {
            self.lent.insert(path.to_string());
        }
    }

    /// Releases the texts lent for a query ([`LiveVault::lend`]), but those still to compute
    /// and the note being edited, which go when they no longer need them.
    pub fn release_lent(&mut self) {
        let lent = std::mem::take(&mut self.lent);
        self.to_release.extend(lent);
        self.release_held();
    }

    /// Releases the texts the vault holds for now and no longer needs: all but those still to
    /// compute and the note being edited.
    fn release_held(&mut self) {
        let vault = &mut self.vault;
        self.to_release
            .retain(|p| !vault.release_text(p) && vault.holds_text(p));
    }

    /// The snapshot of the vault as it is ([`Vault::snapshot`]).
    pub fn snapshot(&self) -> Snapshot {
        self.vault.snapshot()
    }

    /// The indexed vault.
    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    /// The indexed vault, for queries that compute what they need.
    pub fn vault_mut(&mut self) -> &mut Vault {
        &mut self.vault
    }

    /// Replaces the settings. Every result depends on them, so every note is staged again and
    /// the vault starts empty — unless only the review answers or today differ: then the warm
    /// vault keeps its results but what read a changed answer ([`Vault::set_settings`]).
    pub fn set_settings(&mut self, settings: Settings) {
        if lasting(&settings) == lasting(self.vault.settings()) {
            self.vault.set_settings(settings);
            return;
        }
        let old = std::mem::replace(&mut self.vault, Vault::new(settings));
        for path in old.paths() {
            if self.staged.contains_key(path) || self.unread.contains(path) {
                continue;
            }
            match old.text(path) {
                Some(text) => {
                    self.staged.insert(path.to_string(), Arc::from(text));
                }
                // Read again, and staged once supplied, as an unread note is.
                None => {
                    self.unread.insert(path.to_string());
                }
            }
        }
        self.lent.clear();
        self.to_release.clear();
        self.sweep.clear();
    }

    /// A page of the review queue as decisions ([`decisions::decision_page`]), gathered once
    /// per state of the vault. The notes whose lines its cards show without their context
    /// are [`DecisionPage::lacking`]: [lend](LiveVault::lend) them and ask again.
    pub fn decision_page(&mut self, query: &DecisionQuery) -> DecisionPage {
        decisions::decision_page(&mut self.vault, &mut self.decisions, query)
    }

    /// A page of the vault's open tasks grouped by owner ([`OwnerIndex::page`]).
    pub fn tasks_page(&mut self, query: &TasksQuery) -> TasksPage<'_> {
        self.owners.page(&mut self.vault, query)
    }

    /// Makes the indexed note at `path` the one being edited ([`Vault::start_editing`]), with
    /// `text`, its text as read: kept while it is edited. Nothing while it is staged or
    /// unread, or when `text` is not the note's text (its update comes).
    pub fn start_editing(&mut self, path: &str, text: &str) {
        if !self.holds(path, text) {
            return;
        }
        if self.vault.supply_text(path, Arc::from(text)) {
            self.to_release.insert(path.to_string());
        }
        self.vault.start_editing(path);
        // The note edited before keeps its text no longer.
        self.release_held();
    }

    /// True when every note handed over is indexed and read (none staged, none unread): what
    /// a query about single notes waits for. Unlike [`LiveVault::progress`], it reads no note.
    pub fn indexed(&self) -> bool {
        self.staged.is_empty() && self.unread.is_empty()
    }

    /// How many notes are staged.
    pub fn staged(&self) -> usize {
        self.staged.len()
    }

    /// True when `text` is the indexed text of the note at `path` (no newer text is staged,
    /// and it is not unread), whether or not the vault holds it now.
    pub fn holds(&self, path: &str, text: &str) -> bool {
        !self.staged.contains_key(path)
            && !self.unread.contains(path)
            && self.vault.is_text_of(path, text)
    }

    /// Hands a note over, to be indexed by [`LiveVault::index_staged`].
    pub fn stage(&mut self, path: String, text: String) {
        self.staged.insert(path, Arc::from(text));
    }

    /// Indexes up to `limit` staged notes, in path order: built at once when the vault is empty,
    /// upserted together otherwise. Returns how many remain staged.
    pub fn index_staged(&mut self, limit: usize) -> usize {
        let take = limit.min(self.staged.len());
        let notes: Vec<(String, Arc<str>)> =
            (0..take).filter_map(|_| self.staged.pop_first()).collect();
        if self.vault.is_empty() && take > 0 {
            self.vault = Vault::build(self.vault.settings().clone(), notes);
        } else {
            self.vault.upsert_all(notes);
        }
        self.staged.len()
    }

    /// Adds or replaces a note (on create and modify). While notes are staged it joins them, so
    /// updates keep their order and the initial load keeps its fast path.
    pub fn upsert(&mut self, path: &str, text: &str) {
        self.unread.remove(path);
        if self.staged.is_empty() {
            self.vault.upsert(path, text);
            // Kept while edited (an upsert makes the note the one edited), released after.
            self.to_release.insert(path.to_string());
        } else {
            self.staged.insert(path.to_string(), Arc::from(text));
        }
    }

    /// Forgets a note (on delete); unknown paths are ignored.
    pub fn remove(&mut self, path: &str) {
        self.unread.remove(path);
        self.lent.remove(path);
        self.to_release.remove(path);
        self.staged.remove(path);
        self.vault.remove(path);
    }

    /// Moves a note (on rename); `text` is its text at the new path.
    pub fn rename(&mut self, old: &str, new: &str, text: &str) {
        self.remove(old);
        self.upsert(new, text);
    }

    /// Computes the check report and the tasks of the stale notes, one note at a time, while
    /// `more()` says so (it is asked after each note), and releases each note's text once
    /// they are computed. Each sweep visits the notes stale when it starts, in path order
    /// (after a change, the few notes it invalidated, not the whole vault); notes invalidated
    /// behind it are picked up by the next sweep. The tasks join their owners' groups as they
    /// are computed, so a tasks-by-owner query finds them grouped.
    pub fn warm(&mut self, mut more: impl FnMut() -> bool) -> Progress {
        if self.staged.is_empty() {
            while let Some(path) = self.next_in_sweep() {
                if let Some((_, tasks)) = self.vault.report_and_tasks(&path) {
                    self.owners.regroup(&path, &tasks);
                }
                self.vault.release_text(&path);
                if !more() {
                    break;
                }
            }
            if self.sweep.is_empty() {
                self.release_held();
            }
        }
        self.progress()
    }

    /// How far loading and warming have come.
    pub fn progress(&self) -> Progress {
        let (stale, waiting) = self.vault.stale_counts();
        Progress {
            notes: self.vault.len(),
            staged: self.staged.len(),
            stale,
            unread: self.unread.len(),
            waiting,
        }
    }

    /// The next path of the current sweep; starts a new sweep when notes are stale.
    fn next_in_sweep(&mut self) -> Option<String> {
        if self.sweep.is_empty() {
            // A note whose text the vault does not hold waits for it (a restored state's
            // results stand till then).
            let vault = &self.vault;
            self.sweep = (vault.stale_paths_held(true)).map(str::to_string).collect();
            self.sweep.reverse();
        }
        self.sweep.pop()
    }
}

/// The plugin's part of the vault's life, for tests: the vault's files, read when notes wait
/// for their text or a query needs texts lent.
#[cfg(test)]
pub(crate) mod files {
    use super::{LiveVault, Progress};
    use curator_core::decisions::{DecisionPage, DecisionQuery};
    use std::collections::BTreeMap;

    /// The vault's files by path.
    #[derive(Debug, Default, Clone)]
    pub struct Files(pub BTreeMap<String, String>);

    impl Files {
        /// Files holding `notes`.
        pub fn of(notes: &[(&str, &str)]) -> Self {
            Files(
                notes
                    .iter()
                    .map(|(p, t)| (p.to_string(), t.to_string()))
                    .collect(),
            )
        }

        /// Hands the engine the texts of the notes waiting for theirs, as the plugin does when
        /// its progress says so. Returns how many were handed over.
        pub fn supply_waiting(&self, live: &mut LiveVault) -> usize {
            let mut supplied = 0;
            for path in live.unread_paths() {
                if let Some(text) = self.0.get(&path) {
                    live.supply(&path, text.clone());
                    supplied += 1;
                }
            }
            supplied
        }

        /// Warms every stale note, reading the notes that wait for their text.
        pub fn settle(&self, live: &mut LiveVault) -> Progress {
            loop {
                let progress = live.warm(|| true);
                if progress.waiting == 0 || self.supply_waiting(live) == 0 {
                    return progress;
                }
            }
        }

        /// A page of the review queue, the texts its cards show lent first when it lacks them.
        pub fn page(&self, live: &mut LiveVault, query: &DecisionQuery) -> DecisionPage {
            let page = live.decision_page(query);
            if page.lacking.is_empty() {
                return page;
            }
            for path in &page.lacking {
                if let Some(text) = self.0.get(path) {
                    live.lend(path, text);
                }
            }
            let page = live.decision_page(query);
            live.release_lent();
            page
        }
    }
}

#[cfg(test)]
mod tests {
    use super::files::Files;
    use super::*;
    use crate::owners::OwnerIndex;

    const PERSON: &str = "---\ntype: people\n---\n# Ada Park\n";
    const MEETING: &str = "- [ ] Call back @Ada Park 📅 2026-01-02\n";

    fn staged(notes: &[(&str, &str)]) -> LiveVault {
        let mut live = LiveVault::new(Settings::default());
        for (path, text) in notes {
            live.stage(path.to_string(), text.to_string());
        }
        live
    }

    fn warm_all(live: &mut LiveVault) -> Progress {
        live.warm(|| true)
    }

    /// Asserts that `live` holds the results a vault of `notes` built cold with `settings` has.
    fn assert_equals_cold(live: &mut LiveVault, settings: Settings, notes: &[(&str, &str)]) {
        let owned = notes.iter().map(|(p, t)| (p.to_string(), t.to_string()));
        let mut cold = Vault::build(settings, owned.collect());
        assert_eq!(results(live.vault_mut()), results(&mut cold));
    }

    /// The vault's results for every note, to compare with a vault built cold.
    fn results(vault: &mut Vault) -> Vec<String> {
        let paths: Vec<String> = vault.paths().map(str::to_string).collect();
        paths
            .iter()
            .map(|p| {
                format!(
                    "{p}: {:?} {:?}",
                    vault.report(p).map(|r| r.review.len()),
                    vault.tasks(p)
                )
            })
            .collect()
    }

    #[test]
    fn indexed_means_nothing_staged_and_nothing_unread_as_progress_says() {
        let mut live = staged(&[("People/Ada Park.md", PERSON), ("m1.md", MEETING)]);
        let said = |p: Progress| p.staged == 0 && p.unread == 0;
        assert!(!live.indexed() && !said(live.progress()));
        live.index_staged(1);
        assert!(!live.indexed() && !said(live.progress()));
        live.index_staged(1);
        assert!(live.indexed() && said(live.progress()));
        assert_eq!(
            live.progress().stale,
            2,
            "stale notes do not hold queries back"
        );
        live.upsert("m2.md", MEETING);
        assert!(live.indexed(), "an update is indexed at once");
    }

    #[test]
    fn staged_notes_are_indexed_in_steps_then_warmed() {
        let mut live = staged(&[
            ("People/Ada Park.md", PERSON),
            ("m1.md", MEETING),
            ("m2.md", MEETING),
        ]);
        assert_eq!(
            live.progress(),
            Progress {
                notes: 0,
                staged: 3,
                stale: 0,
                unread: 0,
                waiting: 0,
            }
        );
        assert_eq!(live.index_staged(2), 1, "the first step builds the vault");
        assert_eq!(live.vault().len(), 2);
        assert_eq!(
            warm_all(&mut live).stale,
            2,
            "nothing is warmed while notes are staged"
        );
        assert_eq!(live.index_staged(10), 0, "later steps upsert");
        assert_eq!(
            warm_all(&mut live),
            Progress {
                notes: 3,
                staged: 0,
                stale: 0,
                unread: 0,
                waiting: 0,
            }
        );
        let tasks = live.vault_mut().tasks("m2.md").unwrap();
        assert_eq!(tasks[0].owners, [Arc::from("Ada Park")]);
    }

    #[test]
    fn warming_stops_when_told_and_resumes_where_it_stopped() {
        let mut live = staged(&[("a.md", MEETING), ("b.md", MEETING), ("c.md", MEETING)]);
        live.index_staged(usize::MAX);
        let mut budget = 2;
        let progress = live.warm(|| {
            budget -= 1;
            budget > 0
        });
        assert_eq!(progress.stale, 1);
        assert_eq!(warm_all(&mut live).stale, 0);
    }

    #[test]
    fn notes_invalidated_behind_the_sweep_are_warmed_by_the_next() {
        let mut live = staged(&[("People/Ada Park.md", PERSON), ("m.md", MEETING)]);
        live.index_staged(usize::MAX);
        warm_all(&mut live);
        // Renaming the person invalidates the meeting that names her.
        live.rename("People/Ada Park.md", "People/Ada Parks.md", PERSON);
        assert!(
            live.progress().stale >= 2,
            "the renamed note and the meeting"
        );
        let notes = [("People/Ada Parks.md", PERSON), ("m.md", MEETING)];
        let progress = live.warm(|| true);
        assert_eq!(
            (progress.stale, progress.waiting),
            (1, 1),
            "the meeting's text went once it was computed: it waits for it"
        );
        assert_eq!(live.unread_paths(), ["m.md"]);
        assert_eq!(Files::of(&notes).settle(&mut live).stale, 0);
        assert_equals_cold(&mut live, Settings::default(), &notes);
    }

    #[test]
    fn owners_grouped_while_warming_equal_a_fresh_grouping() {
        let query = TasksQuery::default();
        let fresh = |live: &mut LiveVault| {
            let mut index = OwnerIndex::default();
            let page = index.page(live.vault_mut(), &query);
            format!("{page:?}")
        };
        let mut live = staged(&[
            ("People/Ada Park.md", PERSON),
            ("People/Bo Lind.md", "---\ntype: people\n---\n# Bo Lind\n"),
            ("m1.md", MEETING),
            ("m2.md", "- [ ] Mail @Bo Lind\n- [ ] Nobody's\n"),
        ]);
        live.index_staged(usize::MAX);
        warm_all(&mut live);
        let mut files = Files::of(&[
            ("People/Ada Park.md", PERSON),
            ("People/Bo Lind.md", "---\ntype: people\n---\n# Bo Lind\n"),
            ("m1.md", MEETING),
            ("m2.md", "- [ ] Mail @Bo Lind\n- [ ] Nobody's\n"),
        ]);
        let steps: [(&str, Option<&str>); 5] = [
            (
                "m1.md",
                Some("- [ ] Call @Bo Lind 📅 2026-01-01\n- [x] Done @Ada Park\n"),
            ),
            ("m3.md", Some(MEETING)),
            ("People/Bo Lind.md", None),
            ("m2.md", None),
            (
                "People/Ada Park.md",
                Some("---\ntype: people\naliases: [Ada]\n---\n"),
            ),
        ];
        for (path, text) in steps {
            match text {
                Some(text) => {
                    files.0.insert(path.to_string(), text.to_string());
                    live.upsert(path, text);
                }
                None => {
                    files.0.remove(path);
                    live.remove(path);
                }
            }
            // Warmed in steps of one note, then asked: what the sweep grouped and what the
            // query regroups together equal a grouping from scratch.
            while live.warm(|| false).stale > 0 {
                files.supply_waiting(&mut live);
            }
            let got = format!("{:?}", live.tasks_page(&query));
            assert_eq!(got, fresh(&mut live), "after {path}");
        }
    }

    #[test]
    fn updates_while_staged_keep_their_order() {
        let mut live = staged(&[("a.md", "one\n"), ("b.md", "two\n")]);
        live.upsert("a.md", "newer\n");
        live.remove("b.md");
        live.rename("a.md", "c.md", "moved\n");
        live.index_staged(usize::MAX);
        let vault = live.vault();
        assert_eq!(vault.paths().collect::<Vec<_>>(), ["c.md"]);
        assert_eq!(vault.text("c.md"), Some("moved\n"));
    }

    #[test]
    fn new_answers_reach_the_warm_vault_without_restaging() {
        let misheard = "---\ntype: meeting\n---\n\nAsk [[Ada Parks]] about it.\n";
        let notes = [
            ("People/Ada Park.md", PERSON),
            ("m1.md", misheard),
            ("m2.md", MEETING),
        ];
        let mut live = staged(&notes);
        live.index_staged(usize::MAX);
        warm_all(&mut live);
        let mut settings = Settings::default();
        settings.accepted.push(curator_core::settings::Resolution {
            text: "Ada Parks".into(),
            entity: "Ada Park".into(),
        });
        live.set_settings(settings.clone());
        assert_eq!(
            live.progress(),
            Progress {
                notes: 3,
                staged: 0,
                stale: 1,
                unread: 0,
                waiting: 1,
            },
            "only the note writing the answered name, waiting for its text"
        );
        Files::of(&notes).settle(&mut live);
        assert_equals_cold(&mut live, settings, &notes);
    }

    #[test]
    fn a_warm_start_waits_for_the_texts_of_dropped_notes_and_ends_as_a_cold_build() {
        let mut saved = staged(&[("People/Ada Park.md", PERSON), ("m.md", MEETING)]);
        saved.index_staged(usize::MAX);
        warm_all(&mut saved);
        let snapshot = saved.snapshot();
        let paths = vec!["People/Ada Park.md".to_string(), "m.md".to_string()];
        let mut live = LiveVault::new(Settings::default());
        assert!(live.restore(snapshot, Vec::new(), None, paths));
        assert_eq!(live.progress().unread, 2);
        // The person changed while closed: the meeting that names her waits for its text.
        let renamed = "---\ntype: people\naliases: [Ada]\n---\n# Ada Park\n";
        live.supply("People/Ada Park.md", renamed.into());
        let progress = warm_all(&mut live);
        assert_eq!((progress.unread, progress.waiting), (1, 1));
        assert_eq!(live.unread_paths(), ["m.md"]);
        assert!(!live.holds("m.md", ""), "an unread note holds no text yet");
        live.supply("m.md", MEETING.into());
        live.supply("m.md", "ignored: not unread any more\n".into());
        assert_eq!(
            warm_all(&mut live),
            Progress {
                notes: 2,
                staged: 0,
                stale: 0,
                unread: 0,
                waiting: 0,
            }
        );
        let notes = [("People/Ada Park.md", renamed), ("m.md", MEETING)];
        assert_equals_cold(&mut live, Settings::default(), &notes);
    }

    #[test]
    fn new_settings_during_a_warm_start_stage_unread_notes_once_read() {
        let mut saved = staged(&[("People/Ada Park.md", PERSON), ("m.md", MEETING)]);
        saved.index_staged(usize::MAX);
        warm_all(&mut saved);
        let paths = vec!["People/Ada Park.md".to_string(), "m.md".to_string()];
        let mut live = LiveVault::new(Settings::default());
        assert!(live.restore(saved.snapshot(), Vec::new(), None, paths));
        live.supply("People/Ada Park.md", PERSON.into());
        let settings = Settings {
            people_folders: vec!["People".into(), "Contacts".into()],
            ..Settings::default()
        };
        live.set_settings(settings.clone());
        let notes = [("People/Ada Park.md", PERSON), ("m.md", MEETING)];
        assert_eq!(
            live.unread_paths(),
            ["People/Ada Park.md", "m.md"],
            "the person's text went once supplied: it is read again, as the meeting"
        );
        Files::of(&notes).supply_waiting(&mut live);
        live.index_staged(usize::MAX);
        warm_all(&mut live);
        assert_equals_cold(&mut live, settings.clone(), &notes);
        assert!(live.indexed());
    }

    #[test]
    fn new_settings_restage_every_note_and_equal_a_cold_build() {
        let notes = [("People/Ada Park.md", PERSON), ("m.md", MEETING)];
        let mut live = staged(&notes);
        live.index_staged(usize::MAX);
        warm_all(&mut live);
        let settings = Settings {
            people_folders: vec!["Contacts".into()],
            ..Settings::default()
        };
        live.set_settings(settings.clone());
        assert_eq!(
            live.progress(),
            Progress {
                notes: 0,
                staged: 0,
                stale: 0,
                unread: 2,
                waiting: 0,
            },
            "every text went once computed: every note is read again"
        );
        Files::of(&notes).supply_waiting(&mut live);
        assert_eq!(live.progress().staged, 2);
        // Indexed one by one after a first step of one: the same results as a cold build.
        live.index_staged(1);
        live.index_staged(usize::MAX);
        warm_all(&mut live);
        assert_equals_cold(&mut live, settings, &notes);
    }
}
