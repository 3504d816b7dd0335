//! The warm vault state: every note's text and results, computed once and kept.
//!
//! [`Vault`] owns the engine (and so the index) and, per note, its text and the results the
//! plugin and the CLI ask for: the check report, the tasks, the resolved mentions, and what
//! `fix` makes of it. Each is computed on first demand and kept with the deps it read
//! ([`crate::deps`], a sorted list of fingerprints per note). Upserting, renaming or removing
//! a note updates the index, which says which deps changed, and exactly the notes that read one
//! of them — and the note itself — are computed again on next demand. Finding them scans every
//! note's deps (a few hundred fingerprints each) against the few that changed: milliseconds for
//! 10,000 notes, and no reverse index to keep in memory.
//! After any sequence of updates the results equal those of a vault built cold from the same
//! texts (a property test holds the two together).

use crate::answers::{lasting, Answers};
use crate::deps::{self, Dep};
use crate::edit::Edit;
use crate::engine::{Engine, FixOutcome, NoteReport};
use crate::entities::Mention;
use crate::index::{Changed, NoteKind, NoteSummary};
use crate::kept_fix::KeptFix;
use crate::links;
use crate::report_cell::{EncodedReport, ReportCell};
use crate::review::ReviewItem;
use crate::rule::Rule;
use crate::rules::PassMemo;
use crate::sections::{self, Markers};
use crate::settings::Settings;
use crate::shared::Shared;
use crate::tasks::{self, Task};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

/// One note: its text and whatever has been computed of it, with the deps that read.
#[derive(Debug, Clone)]
struct Slot {
    text: Arc<str>,
    /// [`content_hash`] of the text.
    hash: u64,
    /// Computed, or decoded from a saved state when first asked.
    report: Option<ReportCell>,
    tasks: Option<Arc<Vec<Task>>>,
    mentions: Option<Arc<Vec<Mention>>>,
    /// What `fix` makes of the text, kept against it and the report.
    fixed: Option<KeptFix>,
    /// Every dep the computed items read, [`narrow`]ed, sorted.
    deps: Box<[u32]>,
}

impl Slot {
    fn new(text: Arc<str>) -> Self {
        Slot {
            hash: content_hash(&text),
            text,
            report: None,
            tasks: None,
            mentions: None,
            fixed: None,
            deps: Box::default(),
        }
    }

    /// The check report, decoded if need be (`None` when its saved bytes do not decode).
    fn report(&self) -> Option<Arc<NoteReport>> {
        self.report.as_ref()?.get().cloned()
    }

    /// The check report computing `item` continues from: a fix's first pass (decoded then).
    fn report_for(&self, item: Item) -> Option<Arc<NoteReport>> {
        (item == Item::Fixed).then(|| self.report()).flatten()
    }

    /// True when the check report is still to compute: never computed, dropped, or saved in
    /// bytes that did not decode. Decodes nothing.
    fn report_stale(&self) -> bool {
        self.report.as_ref().is_none_or(ReportCell::failed)
    }

    /// True when the vault does not hold the note's text: a warm start's note not read yet, or
    /// one whose text was [released](Vault::release_text). Its text is not the one its hash
    /// says, and nothing is computed from it.
    fn unread(&self) -> bool {
        self.text.is_empty() && self.hash != content_hash("")
    }

    /// The note's text, when the vault holds it.
    fn held_text(&self) -> Option<&Arc<str>> {
        (!self.unread()).then_some(&self.text)
    }
}

/// Something the vault computes per note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Report,
    Tasks,
    /// The report and the tasks together, from one reading of the note.
    ReportAndTasks,
    Mentions,
    Fixed,
}

/// A note's check report, when the vault can give one, and its tasks.
pub type ReportAndTasks = (Option<Arc<NoteReport>>, Arc<Vec<Task>>);

/// A computed item, ready to be put in its slot.
enum Value {
    Report(NoteReport),
    Tasks(Vec<Task>),
    Mentions(Vec<Mention>),
    Fixed(KeptFix),
}

/// The note being edited (saved or checked as a buffer last), and what its checks learnt (lines
/// of prose read, names resolved, lines' mojibake repairs, see [`PassMemo`]): its next check
/// reads again only the lines that changed.
/// Kept for one note only, and dropped as soon as anything its checks read of the index
/// changes.
#[derive(Debug)]
struct Editing {
    path: String,
    /// Behind a mutex only so that the vault can be shared between threads (the CLI reads it
    /// from several): it is only ever reached through `&mut self`, never locked.
    memo: Mutex<PassMemo>,
    /// Every dep the checks that filled the memo read, sorted: what the memo answers from was
    /// read by them, so a check reusing it reads these too.
    deps: Vec<u64>,
}

impl Editing {
    fn new(path: &str) -> Self {
        Editing {
            path: path.to_string(),
            memo: Mutex::new(PassMemo::keeping()),
            deps: Vec::new(),
        }
    }

    /// The check report of `text` (the note's), reusing the memo; with the deps it read.
    fn check(&mut self, engine: &Engine, text: &str) -> (NoteReport, Vec<u64>) {
        // Never locked, so never poisoned; were it, the memo would start over.
        let memo = self.memo.get_mut().unwrap_or_else(|poisoned| {
            let memo = poisoned.into_inner();
            *memo = PassMemo::keeping();
            memo
        });
        let (report, read) = deps::recording(|| engine.check_with(&self.path, text, memo));
        self.deps = merged(&self.deps, read);
        (report, self.deps.clone())
    }
}

/// A clone starts with an empty memo: it is only ever a shortcut.
impl Clone for Editing {
    fn clone(&self) -> Self {
        Editing::new(&self.path)
    }
}

/// The warm state of one vault.
#[derive(Debug, Clone)]
pub struct Vault {
    engine: Engine,
    notes: BTreeMap<String, Slot>,
    vault_review: Option<Arc<Vec<ReviewItem>>>,
    /// One copy of what the notes' results repeat.
    shared: Shared,
    /// The note being edited, checked again from what its earlier checks learnt.
    editing: Option<Editing>,
    /// Counts every change and every computation (see [`Vault::generation`]).
    generation: u64,
}

impl Vault {
    /// An empty vault with `settings`.
    pub fn new(settings: Settings) -> Self {
        Vault {
            engine: Engine::new(settings),
            notes: BTreeMap::new(),
            vault_review: None,
            shared: Shared::default(),
            editing: None,
            generation: first_generation(),
        }
    }

    /// A vault of `notes` (`(path, text)` pairs), indexed; results are computed on demand or by
    /// [`Vault::refresh`]. Notes are read in parallel when the `parallel` feature is on. Texts
    /// given as `Arc<str>` are shared with the caller, not copied.
    pub fn build<T: Into<Arc<str>>>(settings: Settings, notes: Vec<(String, T)>) -> Self {
        let mut vault = Vault::new(settings);
        let texts: Vec<(String, Arc<str>)> = notes
            .into_iter()
            .map(|(path, text)| (path, text.into()))
            .collect();
        let index = vault.engine.index();
        let summaries = par_map(&texts, |(path, text)| index.summarize(path, text));
        vault
            .engine
            .index_mut()
            .insert_summaries(summaries.into_iter().flatten().collect());
        for (path, text) in texts {
            vault.notes.insert(path, Slot::new(text));
        }
        vault
    }

    /// The engine, for checking text that is not (yet) the note's saved text, such as an
    /// editor's buffer, against this vault's index.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The settings the vault is checked with.
    pub fn settings(&self) -> &Settings {
        self.engine.settings()
    }

    /// How many notes the vault holds.
    pub fn len(&self) -> usize {
        self.notes.len()
    }

    /// True when the vault holds no notes.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// Every note's path, in order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.notes.keys().map(String::as_str)
    }

    /// The text the vault holds for the note at `path`; `None` for an unknown note and for one
    /// whose text it does not hold ([`Vault::holds_text`]).
    pub fn text(&self, path: &str) -> Option<&str> {
        self.notes.get(path)?.held_text().map(|t| &**t)
    }

    /// The hash of the note's text ([`content_hash`]), whether or not the vault holds it.
    pub fn hash(&self, path: &str) -> Option<u64> {
        self.notes.get(path).map(|s| s.hash)
    }

    /// The note being edited (saved or checked as a buffer last): it keeps its text.
    pub fn editing(&self) -> Option<&str> {
        self.editing.as_ref().map(|e| e.path.as_str())
    }

    /// True when the vault has a note at `path`, whether or not it holds its text.
    pub fn contains(&self, path: &str) -> bool {
        self.notes.contains_key(path)
    }

    /// True when the vault holds the text of the note at `path`. A warm start's notes are not
    /// held until [supplied](Vault::supply_text), nor a note whose text was
    /// [released](Vault::release_text) until it is supplied again.
    pub fn holds_text(&self, path: &str) -> bool {
        self.notes.get(path).is_some_and(|s| !s.unread())
    }

    /// True when `text` is the text of the note at `path` (by hash), whether or not the vault
    /// holds it: the note's results are about `text`.
    pub fn is_text_of(&self, path: &str, text: &str) -> bool {
        self.notes
            .get(path)
            .is_some_and(|s| s.hash == content_hash(text))
    }

    /// Drops the vault's copy of the note's text once its check report and tasks are computed,
    /// keeping its hash, summary and results: the text is the largest part of a note's state,
    /// and its owner can read it again. Until it is [supplied](Vault::supply_text) again
    /// nothing is computed from it; a change that drops its results leaves it waiting for its
    /// text ([`Vault::stale_paths`] with [`Vault::holds_text`] false). The note being edited
    /// keeps its text. Returns true when the text was dropped.
    pub fn release_text(&mut self, path: &str) -> bool {
        if self.editing.as_ref().is_some_and(|e| e.path == path) {
            return false;
        }
        let Some(slot) = self.notes.get_mut(path) else {
            return false;
        };
        // An empty text is never held apart from its hash: nothing to drop.
        if slot.text.is_empty() || slot.report_stale() || slot.tasks.is_none() {
            return false;
        }
        slot.text = Arc::from("");
        true
    }

    /// A number that grows with every update and every result computed (not with a text
    /// supplied or released, which changes neither): a snapshot taken at the same generation
    /// would hold the same. No two vaults of one process share one, so a
    /// result kept with the generation it was computed at is never taken for another vault's.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// How many notes have a check report still to compute.
    pub fn stale(&self) -> usize {
        self.stale_counts().0
    }

    /// The paths of the notes whose check report is still to compute, in order.
    pub fn stale_paths(&self) -> impl Iterator<Item = &str> {
        (self.notes.iter())
            .filter(|(_, s)| s.report_stale())
            .map(|(path, _)| path.as_str())
    }

    /// [`Vault::stale_paths`] of the notes whose text the vault holds (`held`) or waits for
    /// (see [`Vault::holds_text`]), in one pass over the notes.
    pub fn stale_paths_held(&self, held: bool) -> impl Iterator<Item = &str> {
        (self.notes.iter())
            .filter(move |(_, s)| s.report_stale() && s.unread() != held)
            .map(|(path, _)| path.as_str())
    }

    /// How many notes are [stale](Vault::stale), and how many of those wait for their text, in
    /// one pass: the plugin asks after every step of its work.
    pub fn stale_counts(&self) -> (usize, usize) {
        (self.notes.values())
            .filter(|s| s.report_stale())
            .fold((0, 0), |(stale, waiting), s| {
                (stale + 1, waiting + usize::from(s.unread()))
            })
    }

    /// Adds or replaces the note at `path` (on create and modify). Returns how many notes
    /// (this one included) must be computed again.
    pub fn upsert(&mut self, path: &str, text: &str) -> usize {
        if self.holds_as_is(path, text) {
            return 0;
        }
        let changed = self.replace(path, Arc::from(text));
        let mut dropped = self.invalidate(&changed);
        if self.editing.as_ref().is_none_or(|e| e.path != path) {
            self.editing = Some(Editing::new(path));
        }
        dropped.insert(path.to_string());
        dropped.len()
    }

    /// True when the note at `path` is `text` already. The hash too: a note restored unread
    /// holds an empty text in place of its own.
    fn holds_as_is(&self, path: &str, text: &str) -> bool {
        self.notes
            .get(path)
            .is_some_and(|s| &*s.text == text && s.hash == content_hash(text))
    }

    /// Puts `text` in place of the note at `path`, whatever it was, in the index and in a fresh
    /// slot; returns what changed in the index, for the caller to invalidate.
    fn replace(&mut self, path: &str, text: Arc<str>) -> Changed {
        self.generation += 1;
        let changed = self.engine.index_mut().upsert(path, &text);
        self.forget(path);
        self.notes.insert(path.to_string(), Slot::new(text));
        changed
    }

    /// Adds or replaces each of `notes` as [`Vault::upsert`] does, but looks for the results
    /// they invalidate once, for all of them: a note at a time, every upsert visits every note
    /// of the vault, and the plugin's load on the UI thread (notes indexed a few hundred at a
    /// time) was quadratic. None of them becomes the note edited. Returns how many notes
    /// (these included) must be computed again.
    pub fn upsert_all<T: Into<Arc<str>>>(&mut self, notes: Vec<(String, T)>) -> usize {
        let mut changed = Changed::default();
        let mut upserted = BTreeSet::new();
        for (path, text) in notes {
            let text: Arc<str> = text.into();
            if !self.holds_as_is(&path, &text) {
                changed.merge(self.replace(&path, text));
                upserted.insert(path);
            }
        }
        let mut dropped = self.invalidate(&changed);
        dropped.extend(upserted);
        dropped.len()
    }

    /// Forgets the note at `path` (on delete). Returns how many other notes must be computed
    /// again.
    pub fn remove(&mut self, path: &str) -> usize {
        self.generation += 1;
        let changed = self.engine.index_mut().remove(path);
        let dropped = self.invalidate(&changed);
        self.forget(path);
        self.notes.remove(path);
        if self.editing.as_ref().is_some_and(|e| e.path == path) {
            self.editing = None;
        }
        dropped.len()
    }

    /// Moves the note at `old` to `new`, keeping its text (on rename). Returns how many notes
    /// must be computed again; `None`, changing nothing, for an unknown note and for one whose
    /// text the vault does not hold (remove it and upsert its text at `new`).
    pub fn rename(&mut self, old: &str, new: &str) -> Option<usize> {
        let text = self.notes.get(old).and_then(Slot::held_text).cloned()?;
        Some(self.remove(old) + self.upsert(new, &text))
    }

    /// Replaces the settings. Every result depends on them, so the vault is read again —
    /// unless only the review answers or today differ ([`lasting`]): then only the notes that
    /// read a changed answer are computed again ([`Vault::set_answers`]). A note whose text the
    /// vault does not hold cannot be read again: it is left out (upsert it).
    pub fn set_settings(&mut self, settings: Settings) {
        if lasting(&settings) == lasting(self.settings()) {
            self.engine.index_mut().set_today(settings.today.clone());
            self.set_answers(Answers::of(&settings));
            return;
        }
        let notes = self
            .notes
            .iter()
            .filter_map(|(path, slot)| Some((path.clone(), Arc::clone(slot.held_text()?))))
            .collect::<Vec<_>>();
        *self = Vault::build(settings, notes);
    }

    /// Replaces the review answers ([`crate::answers`]). Only the results that read an answer
    /// about a name whose answers changed are dropped: one answer settles every occurrence of
    /// the name without the vault being read again. Returns how many notes must be computed
    /// again.
    pub fn set_answers(&mut self, answers: Answers) -> usize {
        let changed = Answers::of(self.settings()).changed_names(&answers);
        self.engine.index_mut().set_answers(answers);
        if changed.is_empty() {
            return 0;
        }
        self.generation += 1;
        self.invalidate(&answer_deps(&changed)).len()
    }

    /// Computes every note's check report that is not computed yet (in parallel with the
    /// `parallel` feature). Returns how many were computed.
    pub fn refresh(&mut self) -> usize {
        self.compute_all(Item::Report)
    }

    /// The check report of `text` at `path` against this vault's index, whether or not it is
    /// the note's saved text (an editor's buffer, checked again after each edit it receives):
    /// [`Engine::check`], reusing what the earlier checks of the note learnt. The note becomes
    /// the one being edited, so its next save reuses them too.
    pub fn check_text(&mut self, path: &str, text: &str) -> NoteReport {
        let editing = match &mut self.editing {
            Some(editing) if editing.path == path => editing,
            other => other.insert(Editing::new(path)),
        };
        editing.check(&self.engine, text).0
    }

    /// Makes the note at `path` the one being edited (on opening it in an editor), reading it
    /// now so that its first save reads only the lines that changed. Nothing for an unknown
    /// path or the note being edited already.
    pub fn start_editing(&mut self, path: &str) {
        if self.editing.as_ref().is_some_and(|e| e.path == path) {
            return;
        }
        if let Some(text) = self.notes.get(path).and_then(Slot::held_text).cloned() {
            self.check_text(path, &text);
        }
    }

    /// The note's check report (its edits and review items), computed if need be.
    pub fn report(&mut self, path: &str) -> Option<Arc<NoteReport>> {
        self.compute_one(path, Item::Report)?;
        self.notes.get(path)?.report()
    }

    /// The note's check report and its tasks, computed if need be; both from one reading of
    /// the note when neither is known yet (the plugin's sweep asks for both, note by note).
    pub fn report_and_tasks(&mut self, path: &str) -> Option<ReportAndTasks> {
        // The note edited is checked again from what its earlier checks learnt.
        if self.editing.as_ref().is_none_or(|e| e.path != path) {
            self.compute_one(path, Item::ReportAndTasks)?;
        }
        Some((self.report(path), self.tasks(path)?))
    }

    /// The note's tasks, computed if need be.
    pub fn tasks(&mut self, path: &str) -> Option<Arc<Vec<Task>>> {
        self.compute_one(path, Item::Tasks)?;
        self.notes.get(path)?.tasks.clone()
    }

    /// The note's mentions, resolved, computed if need be.
    pub fn mentions(&mut self, path: &str) -> Option<Arc<Vec<Mention>>> {
        self.compute_one(path, Item::Mentions)?;
        self.notes.get(path)?.mentions.clone()
    }

    /// What `fix` makes of the note, computed if need be (and rebuilt from the hunks kept over
    /// the note's text); `None` when the vault does not hold its text.
    pub fn fixed(&mut self, path: &str) -> Option<FixOutcome> {
        self.compute_one(path, Item::Fixed)?;
        let slot = self.notes.get(path)?;
        Some(
            slot.fixed
                .as_ref()?
                .outcome(slot.held_text()?, slot.report().as_deref()),
        )
    }

    /// Every note's check report, computed if need be, in path order.
    pub fn all_reports(&mut self) -> Vec<Arc<NoteReport>> {
        self.compute_all(Item::Report);
        self.notes.values().filter_map(Slot::report).collect()
    }

    /// Every note's path and check report, computed if need be but not decoded, in path order:
    /// a cell stays the same until the note's report is computed again.
    pub fn all_report_cells(&mut self) -> Vec<(&str, &ReportCell)> {
        self.compute_all_undecoded(Item::Report);
        self.notes
            .iter()
            .filter_map(|(path, s)| Some((path.as_str(), s.report.as_ref()?)))
            .collect()
    }

    /// Every note's tasks, computed if need be, in path order.
    pub fn all_tasks(&mut self) -> Vec<Arc<Vec<Task>>> {
        self.compute_all(Item::Tasks);
        self.notes
            .values()
            .filter_map(|s| s.tasks.clone())
            .collect()
    }

    /// Every note's path and tasks, computed if need be, in path order. A note's `Arc` stays the
    /// same until its tasks are computed again: a caller keeping what it derived from them can
    /// tell which notes changed since.
    pub fn all_tasks_by_path(&mut self) -> Vec<(&str, &Arc<Vec<Task>>)> {
        self.compute_all(Item::Tasks);
        self.notes
            .iter()
            .filter_map(|(path, s)| Some((path.as_str(), s.tasks.as_ref()?)))
            .collect()
    }

    /// Every note's mentions, computed if need be, in path order.
    pub fn all_mentions(&mut self) -> Vec<Arc<Vec<Mention>>> {
        self.compute_all(Item::Mentions);
        self.notes
            .values()
            .filter_map(|s| s.mentions.clone())
            .collect()
    }

    /// What `fix` makes of every note, computed if need be, in path order. A note's check report
    /// is computed with it when missing.
    pub fn all_fixed(&mut self) -> Vec<FixOutcome> {
        self.all_fixed_with(|_, _, fixed| fixed)
    }

    /// `each` of every note's path, text and what `fix` makes of it, computed if need be, in
    /// path order (in parallel with the `parallel` feature). Each outcome is rebuilt for `each`
    /// and dropped after it, so the vault's fixed texts are never all held at once. Notes whose
    /// text the vault does not hold are left out.
    pub fn all_fixed_with<R: Send>(
        &mut self,
        each: impl Fn(&str, &str, FixOutcome) -> R + Sync + Send,
    ) -> Vec<R> {
        self.compute_all(Item::Fixed);
        let notes: Vec<(&String, &Slot)> = self.notes.iter().collect();
        par_map(&notes, |(path, s)| {
            let text = s.held_text()?;
            let fixed = s.fixed.as_ref()?.outcome(text, s.report().as_deref());
            Some(each(path, text, fixed))
        })
        .into_iter()
        .flatten()
        .collect()
    }

    /// The edits that bring every person note's generated sections up to date (see
    /// [`Engine::section_edits_from`]), keyed by path, from the warm tasks and mentions: only
    /// the notes whose results a change reached are computed again. Nothing is computed for a
    /// section no person note holds the markers of.
    ///
    /// The sections are read from the person notes' texts, and the meetings from theirs: when
    /// the vault does not hold one of those ([`Vault::release_text`]), nothing is computed and
    /// the paths to [supply](Vault::supply_text) first are the error.
    pub fn section_edits(&mut self) -> Result<Vec<(String, Vec<Edit>)>, Vec<String>> {
        let lacking = |kind: NoteKind| -> Vec<String> {
            (self.notes.iter())
                .filter(|(path, slot)| slot.unread() && self.kind(path) == Some(kind))
                .map(|(path, _)| path.clone())
                .collect()
        };
        let mut missing = lacking(NoteKind::Person);
        if !missing.is_empty() {
            return Err(missing);
        }
        let held = |rule: &Rule, markers: Markers| {
            self.settings().rule_on(rule)
                && self.notes.iter().any(|(path, slot)| {
                    sections::may_hold(&slot.text, markers)
                        && self.kind(path) == Some(NoteKind::Person)
                })
        };
        let want_tasks = held(&tasks::section::RULE, tasks::section::MARKERS);
        let want_meetings = held(&links::meetings::RULE, links::meetings::MARKERS);
        if want_meetings {
            missing = lacking(NoteKind::Meeting);
            if !missing.is_empty() {
                return Err(missing);
            }
        }
        if want_tasks {
            // A note whose tasks are dropped is read again for them.
            missing = (self.notes.iter())
                .filter(|(_, slot)| slot.unread() && slot.tasks.is_none())
                .map(|(path, _)| path.clone())
                .collect();
            if !missing.is_empty() {
                return Err(missing);
            }
        }
        let mut all_tasks = Vec::new();
        if want_tasks {
            self.compute_all(Item::Tasks);
            all_tasks.extend(
                self.notes
                    .values()
                    .flat_map(|s| s.tasks.iter().flat_map(|t| t.iter().cloned())),
            );
        }
        let mut meetings = Vec::new();
        if want_meetings {
            self.compute_all(Item::Mentions);
            let index = self.engine.index();
            meetings.extend(self.notes.iter().filter_map(|(path, slot)| {
                links::meetings::meeting(index, path, &slot.text, slot.mentions.as_deref()?)
            }));
        }
        let notes: Vec<(&str, &str)> = self
            .notes
            .iter()
            .filter(|(path, _)| self.kind(path) == Some(NoteKind::Person))
            .map(|(path, slot)| (path.as_str(), &*slot.text))
            .collect();
        Ok(self
            .engine
            .section_edits_from(&notes, &all_tasks, &meetings))
    }

    /// The kind of the note at `path`, as the index counts it (no dep is recorded).
    fn kind(&self, path: &str) -> Option<NoteKind> {
        self.engine.index().summary(path).map(|s| s.kind)
    }

    /// Review items about the vault as a whole (duplicate people, contradicting facts, names
    /// that recur without a note), computed if need be.
    pub fn vault_review(&mut self) -> Arc<Vec<ReviewItem>> {
        if self.vault_review.is_none() {
            self.generation += 1;
        }
        let engine = &self.engine;
        Arc::clone(
            self.vault_review
                .get_or_insert_with(|| Arc::new(engine.vault_review())),
        )
    }

    /// The vault's review items when they are computed, computing nothing.
    pub fn kept_vault_review(&self) -> Option<Arc<Vec<ReviewItem>>> {
        self.vault_review.clone()
    }

    /// The state worth keeping between runs: every note's summary, and the report, tasks and
    /// fix computed so far with the deps they read, and the vault's review items (mentions are
    /// left out: they are many and quick to compute again for the notes that need them).
    pub fn snapshot(&self) -> Snapshot {
        self.snapshot_ref().to_snapshot()
    }

    /// What [`Vault::snapshot`] holds, borrowed from the vault: nothing is copied but the
    /// review answers, so a saved state can be written from it without a second copy of every
    /// summary and dep. A note's report saved encoded is decoded (and kept decoded).
    pub fn snapshot_ref(&self) -> SnapshotRef<'_> {
        let index = self.engine.index();
        SnapshotRef {
            engine: ENGINE,
            settings: settings_fingerprint(self.settings()),
            answers: Answers::of(self.settings()),
            vault_review: self.vault_review.as_deref().map(Vec::as_slice),
            notes: self
                .notes
                .iter()
                .map(|(path, slot)| SavedNoteRef {
                    path,
                    hash: slot.hash,
                    summary: index.summary(path),
                    report: slot.report.as_ref().and_then(ReportCell::get),
                    tasks: slot.tasks.as_ref(),
                    fixed: slot.fixed.as_ref(),
                    deps: &slot.deps,
                })
                .collect(),
        }
    }

    /// The vault of `notes` (`(path, text)` pairs), starting from a snapshot taken earlier:
    /// notes whose text is the same keep their summary and results without being read again;
    /// the others are upserted, removed notes removed, and the results that depended on them
    /// dropped, exactly as if the changes had happened in this session. A snapshot from
    /// another engine version or other settings is ignored: the vault is built from scratch.
    /// Texts given as `Arc<str>` are shared with the caller, not copied.
    pub fn restore<T>(settings: Settings, snapshot: Snapshot, notes: Vec<(String, T)>) -> Self
    where
        T: AsRef<str> + Into<Arc<str>> + Sync,
    {
        if !snapshot.fits(&settings) {
            return Vault::build(settings, notes);
        }
        let hashes = par_map(&notes, |(_, text)| content_hash(text.as_ref()));
        let present: BTreeSet<&str> = notes.iter().map(|(p, _)| p.as_str()).collect();
        let (mut vault, mut changed) =
            Vault::from_snapshot(settings, snapshot, Vec::new(), &present);
        let mut fresh = Vec::new();
        for ((path, text), hash) in notes.into_iter().zip(hashes) {
            match vault.notes.get_mut(&path) {
                Some(slot) if slot.hash == hash => slot.text = text.into(),
                _ => fresh.push((path, text)),
            }
        }
        let index = vault.engine.index();
        let summaries = par_map(&fresh, |(path, text)| index.summarize(path, text.as_ref()));
        for ((path, text), summary) in fresh.into_iter().zip(summaries) {
            changed.merge(match summary {
                Some(summary) => vault.engine.index_mut().upsert_summary(summary),
                None => vault.engine.index_mut().remove(&path),
            });
            vault.notes.insert(path, Slot::new(text.into()));
        }
        vault.invalidate(&changed);
        vault
    }

    /// The vault of a snapshot's notes at the `present` paths, taken on trust: each keeps its
    /// summary and results, and its text is unread (empty) until [`Vault::supply_text`] gives
    /// it. The snapshot's other notes are removed and the results that depended on them
    /// dropped, as in [`Vault::restore`]; paths the snapshot lacks are left to the caller to
    /// upsert. `None` when the snapshot does not [fit](Snapshot::fits).
    ///
    /// A note whose report the snapshot lacks takes its `encoded` entry (same order as the
    /// snapshot's notes), decoded when first asked; one that does not decode is computed again
    /// from the note's text, as a dropped one is.
    ///
    /// This is the plugin's warm start: it shows what the notes said when the snapshot was
    /// taken at once, and reads them in the background. Nothing is computed from an unread
    /// note's text (its report, once dropped, or its mentions) until it is supplied: those
    /// results are missing till then.
    pub fn restore_unread(
        settings: Settings,
        snapshot: Snapshot,
        encoded: Vec<Option<Box<dyn EncodedReport>>>,
        present: &BTreeSet<&str>,
    ) -> Option<Self> {
        if !snapshot.fits(&settings) {
            return None;
        }
        let (mut vault, changed) = Vault::from_snapshot(settings, snapshot, encoded, present);
        vault.invalidate(&changed);
        Some(vault)
    }

    /// Gives the note at `path` its text when the vault holds it unread (or holds it already)
    /// and `text` is the text its results are about, by hash; nothing is computed again and
    /// the generation stays (no result changes: the review queue's lines are kept by the text's
    /// hash, not by generation). Returns false, changing nothing, when the note is unknown or
    /// its text differs: upsert it.
    pub fn supply_text(&mut self, path: &str, text: Arc<str>) -> bool {
        let Some(slot) = self.notes.get_mut(path) else {
            return false;
        };
        if slot.hash != content_hash(&text) {
            return false;
        }
        slot.text = text;
        true
    }

    /// The snapshot's notes at the `present` paths, with their summaries and results, and the
    /// deps that changed since it was taken: the answers, and the notes it held that are gone
    /// (removed here).
    fn from_snapshot(
        settings: Settings,
        snapshot: Snapshot,
        encoded: Vec<Option<Box<dyn EncodedReport>>>,
        present: &BTreeSet<&str>,
    ) -> (Self, Changed) {
        let mut vault = Vault::new(settings);
        vault.vault_review = snapshot.vault_review.map(Arc::new);
        let mut encoded = encoded.into_iter();
        let mut summaries = Vec::with_capacity(snapshot.notes.len());
        for note in snapshot.notes {
            let encoded = encoded.next().flatten();
            summaries.extend(note.summary);
            let mut slot = Slot::new(Arc::from(""));
            slot.hash = note.hash;
            slot.report = match note.report {
                Some(mut report) => {
                    vault.shared.report(Arc::make_mut(&mut report));
                    Some(ReportCell::ready(report))
                }
                None => encoded.map(ReportCell::encoded),
            };
            slot.tasks = note.tasks.map(|mut tasks| {
                vault.shared.tasks(Arc::make_mut(&mut tasks));
                tasks
            });
            slot.fixed = note.fixed.map(|mut fixed| {
                vault.shared.fix(&mut fixed);
                fixed
            });
            slot.deps = sorted_once(note.deps);
            vault.notes.insert(note.path, slot);
        }
        // The index is empty and nothing has read it: what changed is not worked out.
        vault.engine.index_mut().insert_summaries(summaries);
        // What changed since: applied as one batch, then one pass drops what depended on it.
        let gone: Vec<String> = vault
            .notes
            .keys()
            .filter(|p| !present.contains(p.as_str()))
            .cloned()
            .collect();
        let mut changed = answer_deps(
            &snapshot
                .answers
                .changed_names(&Answers::of(vault.settings())),
        );
        for path in gone {
            changed.merge(vault.engine.index_mut().remove(&path));
            vault.notes.remove(&path);
        }
        (vault, changed)
    }

    /// Drops the computed items of every note that read a dep in `changed`; returns them.
    fn invalidate(&mut self, changed: &Changed) -> BTreeSet<String> {
        let mut dropped = BTreeSet::new();
        if changed.0.is_empty() {
            return dropped;
        }
        self.vault_review = None;
        if self
            .editing
            .as_ref()
            .is_some_and(|e| reads_any(&e.deps, changed))
        {
            self.editing = None;
        }
        let changed_narrow = narrow(changed.0.iter().copied().collect());
        for (path, slot) in &mut self.notes {
            if meet(&slot.deps, &changed_narrow) {
                forget(slot);
                dropped.insert(path.clone());
            }
        }
        dropped
    }

    /// Drops what has been computed of the note at `path`.
    fn forget(&mut self, path: &str) {
        if let Some(slot) = self.notes.get_mut(path) {
            forget(slot);
        }
    }

    /// True when `item` of the note is still to compute (a saved report is decoded to know).
    fn missing(slot: &Slot, item: Item) -> bool {
        match item {
            Item::Report => slot.report().is_none(),
            Item::Tasks => slot.tasks.is_none(),
            Item::ReportAndTasks => {
                Self::missing(slot, Item::Report) && Self::missing(slot, Item::Tasks)
            }
            Item::Mentions => slot.mentions.is_none(),
            Item::Fixed => slot.fixed.is_none(),
        }
    }

    /// Computes `item` of the note at `path` unless it is computed already, or the note is
    /// unread.
    fn compute_one(&mut self, path: &str, item: Item) -> Option<()> {
        let slot = self.notes.get(path)?;
        if Self::missing(slot, item) && !slot.unread() {
            let (text, report) = (Arc::clone(&slot.text), slot.report_for(item));
            let (values, deps) = match &mut self.editing {
                Some(editing) if item == Item::Report && editing.path == path => {
                    let (report, deps) = editing.check(&self.engine, &text);
                    (vec![Value::Report(report)], deps)
                }
                _ => compute(&self.engine, path, &text, report, item),
            };
            self.store(path, values, deps);
        }
        Some(())
    }

    /// Computes `item` of every note that lacks it but the unread; returns how many.
    fn compute_all(&mut self, item: Item) -> usize {
        self.compute_where(item, true)
    }

    /// [`Vault::compute_all`], taking a saved report for computed without decoding it.
    fn compute_all_undecoded(&mut self, item: Item) -> usize {
        self.compute_where(item, false)
    }

    /// Computes `item` of every note that lacks it but the unread, decoding saved reports to
    /// know when `decode`; returns how many.
    fn compute_where(&mut self, item: Item, decode: bool) -> usize {
        let missing = |s: &Slot| match item {
            Item::Report if !decode => s.report_stale(),
            _ => Self::missing(s, item),
        };
        let todo: Vec<Todo> = self
            .notes
            .iter()
            .filter(|(_, s)| missing(s) && !s.unread())
            .map(|(p, s)| (p.clone(), Arc::clone(&s.text), s.report_for(item)))
            .collect();
        // Fixes are stored chunk by chunk: each holds its own copy of its final report (the
        // candidates' evidence and messages the vault keeps once) until it is stored, and the
        // whole vault's at once took 2.4 GB more at 50,000 notes. Other results are stored at
        // the end, so that no thread waits at a chunk's end for another's largest note.
        let chunk = match item {
            Item::Fixed => COMPUTE_CHUNK,
            _ => todo.len().max(1),
        };
        // Each chunk is stored while the next is computed: storing runs on one thread, and the
        // others need not wait for it.
        let engine = &self.engine;
        let mut stores = Stores {
            notes: &mut self.notes,
            shared: &mut self.shared,
            generation: &mut self.generation,
        };
        let mut computed: Option<Chunk> = None;
        for chunk in todo.chunks(chunk) {
            let done = computed.take();
            let (next, ()) = both(
                || {
                    par_map(chunk, |(path, text, report)| {
                        compute(engine, path, text, report.clone(), item)
                    })
                },
                || stores.chunk(done),
            );
            computed = Some((chunk, next));
        }
        stores.chunk(computed);
        todo.len()
    }

    fn store(&mut self, path: &str, values: Vec<Value>, deps: Vec<u64>) {
        Stores {
            notes: &mut self.notes,
            shared: &mut self.shared,
            generation: &mut self.generation,
        }
        .store(path, values, deps);
    }
}

/// A note to compute: its path, text and check report when the item is computed from it.
type Todo = (String, Arc<str>, Option<Arc<NoteReport>>);

/// A note's computed values and the deps they read (see [`compute`]).
type Computed = (Vec<Value>, Vec<u64>);

/// Notes computed together, and what was computed for each.
type Chunk<'t> = (&'t [Todo], Vec<Computed>);

/// What storing computed values writes to: a [`Vault`]'s slots, its shared values and its
/// generation, borrowed apart from the engine that computes them.
struct Stores<'v> {
    notes: &'v mut BTreeMap<String, Slot>,
    shared: &'v mut Shared,
    generation: &'v mut u64,
}

impl Stores<'_> {
    /// Stores the values computed for each note of a chunk, in the chunk's order.
    fn chunk(&mut self, computed: Option<Chunk>) {
        let each = computed
            .into_iter()
            .flat_map(|(chunk, values)| chunk.iter().zip(values));
        for ((path, _, _), (values, deps)) in each {
            self.store(path, values, deps);
        }
    }

    /// Keeps `values` computed for the note at `path`, with the `deps` they read.
    fn store(&mut self, path: &str, values: Vec<Value>, deps: Vec<u64>) {
        *self.generation += 1;
        let Some(slot) = self.notes.get_mut(path) else {
            return;
        };
        let shared = &mut *self.shared;
        for value in values {
            match value {
                Value::Report(mut r) => {
                    shared.report(&mut r);
                    slot.report = Some(ReportCell::ready(Arc::new(r)));
                }
                Value::Tasks(mut t) => {
                    shared.tasks(&mut t);
                    slot.tasks = Some(Arc::new(t));
                }
                Value::Mentions(mut m) => {
                    shared.mentions(&mut m);
                    slot.mentions = Some(Arc::new(m));
                }
                Value::Fixed(mut f) => {
                    shared.fix(&mut f);
                    slot.fixed = Some(f);
                }
            }
        }
        let deps = narrow(deps);
        slot.deps = if slot.deps.is_empty() {
            deps
        } else {
            narrow_merged(&slot.deps, &deps)
        };
    }
}

/// Two sorted lists of deps as one, sorted, without repeats.
fn merged(a: &[u64], mut b: Vec<u64>) -> Vec<u64> {
    // Two sorted runs: the stable sort merges them.
    b.extend_from_slice(a);
    b.sort();
    b.dedup();
    b
}

/// A dep's fingerprint folded to 32 bits, as a slot keeps it: half the memory for the few
/// hundred deps of each note. Two deps folding alike only make a change drop a result that did
/// not read it, which is then computed again: never a stale result.
fn fold_dep(dep: u64) -> u32 {
    (dep ^ (dep >> 32)) as u32
}

/// `deps` [`fold_dep`]ed, sorted, without repeats.
fn narrow(deps: Vec<u64>) -> Box<[u32]> {
    sorted_once(deps.into_iter().map(fold_dep).collect())
}

/// Narrowed deps as a vault keeps them: sorted, without repeats. A saved list is so already
/// (it is taken as it is); any other is sorted.
fn sorted_once(mut deps: Vec<u32>) -> Box<[u32]> {
    if !deps.windows(2).all(|w| w[0] < w[1]) {
        deps.sort_unstable();
        deps.dedup();
    }
    deps.into_boxed_slice()
}

/// Two sorted lists of narrowed deps as one, sorted, without repeats.
fn narrow_merged(a: &[u32], b: &[u32]) -> Box<[u32]> {
    let mut all = [a, b].concat();
    all.sort_unstable();
    all.dedup();
    all.into_boxed_slice()
}

/// True when `deps` (sorted, full) holds one of `changed`.
fn reads_any(deps: &[u64], changed: &Changed) -> bool {
    changed.0.iter().any(|d| deps.binary_search(d).is_ok())
}

/// True when two sorted lists of [`narrow`]ed deps share one: a note's deps and what changed
/// (a dep folding alike counts). Each of the shorter list is looked up in the longer: a step of
/// the plugin's load changes thousands of deps, and most notes have read nothing yet.
fn meet(a: &[u32], b: &[u32]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.iter().any(|d| long.binary_search(d).is_ok())
}

/// Drops what has been computed of a note, and what it read.
fn forget(slot: &mut Slot) {
    slot.report = None;
    slot.tasks = None;
    slot.mentions = None;
    slot.fixed = None;
    slot.deps = Box::default();
}

/// Computes `item` of the note at `path` against the engine, recording what it reads. A fix
/// continues from the note's check report when it is known (its first pass), and is computed
/// with it otherwise; it is kept against the text and that report.
fn compute(
    engine: &Engine,
    path: &str,
    text: &str,
    report: Option<Arc<NoteReport>>,
    item: Item,
) -> (Vec<Value>, Vec<u64>) {
    deps::recording(|| match item {
        Item::Report => vec![Value::Report(engine.check(path, text))],
        Item::Tasks => vec![Value::Tasks(engine.tasks(path, text))],
        Item::ReportAndTasks => {
            let (report, tasks) = engine.check_and_tasks(path, text);
            vec![Value::Report(report), Value::Tasks(tasks)]
        }
        Item::Mentions => vec![Value::Mentions(engine.mentions(path, text))],
        Item::Fixed => match report {
            Some(first) => {
                let fixed = engine.fix_from(path, text, NoteReport::clone(&first));
                vec![Value::Fixed(KeptFix::keep(fixed, text, Some(&first)))]
            }
            None => {
                let (report, fixed) = engine.check_and_fix(path, text);
                let fixed = KeptFix::keep(fixed, text, Some(&report));
                vec![Value::Report(report), Value::Fixed(fixed)]
            }
        },
    })
}

/// Notes whose fixes are computed together before they are stored (see
/// [`Vault::compute_where`]): enough to keep every thread busy, few enough that their unshared
/// final reports stay small.
const COMPUTE_CHUNK: usize = 2048;

/// A generation no vault of this process has had: each vault starts 2^32 past the previous.
fn first_generation() -> u64 {
    static VAULTS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    VAULTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed) << 32
}

/// What made a snapshot: the engine's version and the fingerprint of the sources it was built
/// from (see `build.rs`). A snapshot of another build — a plugin updated with changed rules —
/// is never trusted: its results may say what the rules no longer say.
const ENGINE: &str = concat!(
    "curator-core ",
    env!("CARGO_PKG_VERSION"),
    " ",
    env!("CURATOR_SOURCE_HASH")
);

/// The state of a vault as [`Vault::snapshot`] saves it, for [`Vault::restore`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Snapshot {
    /// The engine that took it.
    pub engine: String,
    /// A fingerprint of the settings it was taken with, answers aside.
    pub settings: u64,
    /// The review answers it was taken with: results that read an answer changed since are
    /// computed again.
    #[serde(default)]
    pub answers: Answers,
    /// The vault's review items, when computed (they read the index only: any change to it
    /// drops them).
    #[serde(default)]
    pub vault_review: Option<Vec<ReviewItem>>,
    /// Every note.
    pub notes: Vec<SavedNote>,
}

impl Snapshot {
    /// True when the snapshot was taken by this engine with `settings` (review answers aside:
    /// [`Vault::restore`] compares them name by name); any other snapshot is never trusted.
    pub fn fits(&self, settings: &Settings) -> bool {
        self.engine == ENGINE && self.settings == settings_fingerprint(settings)
    }
}

/// A [`Snapshot`] borrowed from its vault ([`Vault::snapshot_ref`]).
#[derive(Debug, Clone)]
pub struct SnapshotRef<'a> {
    /// The engine that took it.
    pub engine: &'static str,
    /// A fingerprint of the settings it was taken with, answers aside.
    pub settings: u64,
    /// The review answers it was taken with.
    pub answers: Answers,
    /// The vault's review items, when computed.
    pub vault_review: Option<&'a [ReviewItem]>,
    /// Every note, in path order.
    pub notes: Vec<SavedNoteRef<'a>>,
}

impl SnapshotRef<'_> {
    /// The snapshot itself: every summary, fix and dep list copied (reports and tasks shared).
    pub fn to_snapshot(&self) -> Snapshot {
        Snapshot {
            engine: self.engine.to_string(),
            settings: self.settings,
            answers: self.answers.clone(),
            vault_review: self.vault_review.map(<[ReviewItem]>::to_vec),
            notes: self.notes.iter().map(SavedNoteRef::to_saved).collect(),
        }
    }
}

/// One note of a [`SnapshotRef`]: a [`SavedNote`] borrowed from its vault.
#[derive(Debug, Clone)]
pub struct SavedNoteRef<'a> {
    /// Vault-relative path.
    pub path: &'a str,
    /// [`content_hash`] of the text the results are about.
    pub hash: u64,
    /// What the note contributes to the index (`None` for an ignored path).
    pub summary: Option<&'a NoteSummary>,
    /// The check report, when computed.
    pub report: Option<&'a Arc<NoteReport>>,
    /// The tasks, when computed.
    pub tasks: Option<&'a Arc<Vec<Task>>>,
    /// The fix, when computed.
    pub fixed: Option<&'a KeptFix>,
    /// The deps those read, as the vault keeps them (folded to 32 bits, sorted).
    pub deps: &'a [u32],
}

impl SavedNoteRef<'_> {
    /// The note as a [`SavedNote`].
    pub fn to_saved(&self) -> SavedNote {
        SavedNote {
            path: self.path.to_string(),
            hash: self.hash,
            summary: self.summary.cloned(),
            report: self.report.cloned(),
            tasks: self.tasks.cloned(),
            fixed: self.fixed.cloned(),
            deps: self.deps.to_vec(),
        }
    }
}

/// One note of a [`Snapshot`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SavedNote {
    /// Vault-relative path.
    pub path: String,
    /// [`content_hash`] of the text the results are about.
    pub hash: u64,
    /// What the note contributes to the index (`None` for an ignored path).
    pub summary: Option<NoteSummary>,
    /// The check report, when computed (shared with the vault it was taken from: taking a
    /// snapshot copies no report).
    pub report: Option<Arc<NoteReport>>,
    /// The tasks, when computed (shared likewise).
    pub tasks: Option<Arc<Vec<Task>>>,
    /// The fix, when computed, kept against the note's text (of hash `hash`) and `report`.
    pub fixed: Option<KeptFix>,
    /// The deps those read, folded to 32 bits as the vault keeps them ([`SavedNoteRef::deps`]),
    /// sorted: a vault restored from it takes the list as it is.
    pub deps: Vec<u32>,
}

/// A 64-bit hash of a note's text (XXH3): whether a note changed since a snapshot.
pub fn content_hash(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

/// A fingerprint of the settings but the review answers and today ([`lasting`]): a snapshot is
/// used only with the settings it was taken with (the answers are compared name by name).
fn settings_fingerprint(settings: &Settings) -> u64 {
    content_hash(&format!("{:?}", lasting(settings)))
}

/// The deps of the answers about `names` (folded).
fn answer_deps(names: &BTreeSet<String>) -> Changed {
    Changed(names.iter().map(|n| Dep::Answer(n).fingerprint()).collect())
}

/// `f` over every item, in parallel with the `parallel` feature; results in order.
/// `a` and `b` at once, on two threads, with the `parallel` feature; one after the other
/// without it.
fn both<A: Send, B: Send>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    #[cfg(feature = "parallel")]
    {
        rayon::join(a, b)
    }
    #[cfg(not(feature = "parallel"))]
    {
        (a(), b())
    }
}

fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        items.iter().map(f).collect()
    }
}
