//! The warm vault state: every note's text and results, computed once and kept.
//!
//! [`Vault`] owns the engine (and so the index) and, per note, its text and the results the
//! plugin and the CLI ask for: the check report and tasks ([`Results`]), the resolved mentions,
//! and what `fix` makes of it. Each is computed on first demand and kept with the deps it read
//! ([`crate::deps`]); a reverse index maps every dep to the notes that read it. Upserting,
//! renaming or removing a note updates the index, which says which deps changed, and exactly
//! the notes that read one of them — and the note itself — are computed again on next demand.
//! After any sequence of updates the results equal those of a vault built cold from the same
//! texts (a property test holds the two together).

use crate::deps;
use crate::engine::{Engine, FixOutcome, NoteReport};
use crate::entities::Mention;
use crate::index::Changed;
use crate::note::Note;
use crate::review::ReviewItem;
use crate::settings::Settings;
use crate::tasks::Task;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// A note's check report and tasks, computed together from one parse.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// What `fix` would change and the note's review items.
    pub report: NoteReport,
    /// The note's tasks.
    pub tasks: Vec<Task>,
}

/// One note: its text and whatever has been computed of it, with the deps that read.
#[derive(Debug, Clone)]
struct Slot {
    text: Arc<str>,
    results: Option<Arc<Results>>,
    mentions: Option<Arc<Vec<Mention>>>,
    fixed: Option<Arc<FixOutcome>>,
    /// Every dep the computed items read (the reverse index lists the note under each).
    deps: Vec<u64>,
}

impl Slot {
    fn new(text: Arc<str>) -> Self {
        Slot {
            text,
            results: None,
            mentions: None,
            fixed: None,
            deps: Vec::new(),
        }
    }
}

/// Something the vault computes per note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Results,
    Mentions,
    Fixed,
}

/// A computed item, ready to be put in its slot.
enum Value {
    Results(Results),
    Mentions(Vec<Mention>),
    Fixed(FixOutcome),
}

/// The warm state of one vault.
#[derive(Debug, Clone)]
pub struct Vault {
    engine: Engine,
    notes: BTreeMap<String, Slot>,
    /// Dep fingerprint → the notes whose computed items read it.
    readers: HashMap<u64, BTreeSet<String>>,
    vault_review: Option<Arc<Vec<ReviewItem>>>,
}

impl Vault {
    /// An empty vault with `settings`.
    pub fn new(settings: Settings) -> Self {
        Vault {
            engine: Engine::new(settings),
            notes: BTreeMap::new(),
            readers: HashMap::new(),
            vault_review: None,
        }
    }

    /// A vault of `notes` (`(path, text)` pairs), indexed; results are computed on demand or by
    /// [`Vault::refresh`]. Notes are read in parallel when the `parallel` feature is on.
    pub fn build(settings: Settings, notes: Vec<(String, String)>) -> Self {
        let mut vault = Vault::new(settings);
        let texts: Vec<(String, Arc<str>)> = notes
            .into_iter()
            .map(|(path, text)| (path, Arc::from(text)))
            .collect();
        let index = vault.engine.index();
        let summaries = par_map(&texts, |(path, text)| index.summarize(path, text));
        for ((path, text), summary) in texts.into_iter().zip(summaries) {
            if let Some(summary) = summary {
                vault.engine.index_mut().upsert_summary(summary);
            }
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

    /// The text the vault holds for the note at `path`.
    pub fn text(&self, path: &str) -> Option<&str> {
        self.notes.get(path).map(|s| &*s.text)
    }

    /// How many notes have results still to compute.
    pub fn stale(&self) -> usize {
        self.notes.values().filter(|s| s.results.is_none()).count()
    }

    /// Adds or replaces the note at `path` (on create and modify). Returns how many notes
    /// (this one included) must be computed again.
    pub fn upsert(&mut self, path: &str, text: &str) -> usize {
        if self.notes.get(path).is_some_and(|s| &*s.text == text) {
            return 0;
        }
        let changed = self.engine.index_mut().upsert(path, text);
        let mut dropped = self.invalidate(&changed);
        self.forget(path);
        self.notes
            .insert(path.to_string(), Slot::new(Arc::from(text)));
        dropped.insert(path.to_string());
        dropped.len()
    }

    /// Forgets the note at `path` (on delete). Returns how many other notes must be computed
    /// again.
    pub fn remove(&mut self, path: &str) -> usize {
        let changed = self.engine.index_mut().remove(path);
        let dropped = self.invalidate(&changed);
        self.forget(path);
        self.notes.remove(path);
        dropped.len()
    }

    /// Moves the note at `old` to `new`, keeping its text (on rename). Returns how many notes
    /// must be computed again.
    pub fn rename(&mut self, old: &str, new: &str) -> usize {
        let Some(text) = self.notes.get(old).map(|s| Arc::clone(&s.text)) else {
            return 0;
        };
        self.remove(old) + self.upsert(new, &text)
    }

    /// Replaces the settings: every result depends on them, so the vault is read again.
    pub fn set_settings(&mut self, settings: Settings) {
        let notes = self
            .notes
            .iter()
            .map(|(path, slot)| (path.clone(), slot.text.to_string()))
            .collect();
        *self = Vault::build(settings, notes);
    }

    /// Computes every note's results that are not computed yet (in parallel with the
    /// `parallel` feature). Returns how many were computed.
    pub fn refresh(&mut self) -> usize {
        self.compute_all(Item::Results)
    }

    /// The note's check report and tasks, computed if need be.
    pub fn results(&mut self, path: &str) -> Option<Arc<Results>> {
        self.compute_one(path, Item::Results)?;
        self.notes.get(path)?.results.clone()
    }

    /// The note's mentions, resolved, computed if need be.
    pub fn mentions(&mut self, path: &str) -> Option<Arc<Vec<Mention>>> {
        self.compute_one(path, Item::Mentions)?;
        self.notes.get(path)?.mentions.clone()
    }

    /// What `fix` makes of the note, computed if need be.
    pub fn fixed(&mut self, path: &str) -> Option<Arc<FixOutcome>> {
        self.compute_one(path, Item::Fixed)?;
        self.notes.get(path)?.fixed.clone()
    }

    /// Every note's results, computed if need be, in path order.
    pub fn all_results(&mut self) -> Vec<(&str, Arc<Results>)> {
        self.compute_all(Item::Results);
        self.notes
            .iter()
            .filter_map(|(p, s)| Some((p.as_str(), Arc::clone(s.results.as_ref()?))))
            .collect()
    }

    /// Every note's mentions, computed if need be, in path order.
    pub fn all_mentions(&mut self) -> Vec<(&str, Arc<Vec<Mention>>)> {
        self.compute_all(Item::Mentions);
        self.notes
            .iter()
            .filter_map(|(p, s)| Some((p.as_str(), Arc::clone(s.mentions.as_ref()?))))
            .collect()
    }

    /// What `fix` makes of every note, computed if need be, in path order.
    pub fn all_fixed(&mut self) -> Vec<(&str, Arc<FixOutcome>)> {
        self.compute_all(Item::Fixed);
        self.notes
            .iter()
            .filter_map(|(p, s)| Some((p.as_str(), Arc::clone(s.fixed.as_ref()?))))
            .collect()
    }

    /// Review items about the vault as a whole (duplicate people, contradicting facts, names
    /// that recur without a note), computed if need be.
    pub fn vault_review(&mut self) -> Arc<Vec<ReviewItem>> {
        let engine = &self.engine;
        Arc::clone(
            self.vault_review
                .get_or_insert_with(|| Arc::new(engine.vault_review())),
        )
    }

    /// Drops the computed items of every note that read a dep in `changed`; returns them.
    fn invalidate(&mut self, changed: &Changed) -> BTreeSet<String> {
        let mut dropped = BTreeSet::new();
        if changed.0.is_empty() {
            return dropped;
        }
        self.vault_review = None;
        for dep in &changed.0 {
            if let Some(paths) = self.readers.get(dep) {
                dropped.extend(paths.iter().cloned());
            }
        }
        for path in &dropped {
            self.forget(path);
        }
        dropped
    }

    /// Drops what has been computed of the note at `path` and its entries in the reverse index.
    fn forget(&mut self, path: &str) {
        let Some(slot) = self.notes.get_mut(path) else {
            return;
        };
        for dep in std::mem::take(&mut slot.deps) {
            if let Some(paths) = self.readers.get_mut(&dep) {
                paths.remove(path);
                if paths.is_empty() {
                    self.readers.remove(&dep);
                }
            }
        }
        slot.results = None;
        slot.mentions = None;
        slot.fixed = None;
    }

    fn missing(slot: &Slot, item: Item) -> bool {
        match item {
            Item::Results => slot.results.is_none(),
            Item::Mentions => slot.mentions.is_none(),
            Item::Fixed => slot.fixed.is_none(),
        }
    }

    /// Computes `item` of the note at `path` unless it is computed already.
    fn compute_one(&mut self, path: &str, item: Item) -> Option<()> {
        let slot = self.notes.get(path)?;
        if Self::missing(slot, item) {
            let text = Arc::clone(&slot.text);
            let (value, deps) = compute(&self.engine, path, &text, item);
            self.store(path, value, deps);
        }
        Some(())
    }

    /// Computes `item` of every note that lacks it; returns how many.
    fn compute_all(&mut self, item: Item) -> usize {
        let todo: Vec<(String, Arc<str>)> = self
            .notes
            .iter()
            .filter(|(_, s)| Self::missing(s, item))
            .map(|(p, s)| (p.clone(), Arc::clone(&s.text)))
            .collect();
        let engine = &self.engine;
        let computed = par_map(&todo, |(path, text)| compute(engine, path, text, item));
        let count = computed.len();
        for ((path, _), (value, deps)) in todo.into_iter().zip(computed) {
            self.store(&path, value, deps);
        }
        count
    }

    fn store(&mut self, path: &str, value: Value, deps: Vec<u64>) {
        let Some(slot) = self.notes.get_mut(path) else {
            return;
        };
        match value {
            Value::Results(r) => slot.results = Some(Arc::new(r)),
            Value::Mentions(m) => slot.mentions = Some(Arc::new(m)),
            Value::Fixed(f) => slot.fixed = Some(Arc::new(f)),
        }
        for dep in deps {
            if let Err(at) = slot.deps.binary_search(&dep) {
                slot.deps.insert(at, dep);
                self.readers
                    .entry(dep)
                    .or_default()
                    .insert(path.to_string());
            }
        }
    }
}

/// Computes `item` of the note at `path` against the engine, recording what it reads.
fn compute(engine: &Engine, path: &str, text: &str, item: Item) -> (Value, Vec<u64>) {
    deps::recording(|| match item {
        Item::Results => {
            let note = Note::parse(path, text);
            Value::Results(Results {
                report: engine.check_note(&note),
                tasks: engine.tasks_note(&note),
            })
        }
        Item::Mentions => Value::Mentions(engine.mentions(path, text)),
        Item::Fixed => Value::Fixed(engine.fix(path, text)),
    })
}

/// `f` over every item, in parallel with the `parallel` feature; results in order.
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
