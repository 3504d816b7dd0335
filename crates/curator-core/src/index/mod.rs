//! The vault index: what the engine knows about every note, updated one note at a time.
//!
//! The plugin and the CLI feed it the same way — `(path, text)` pairs on create and modify,
//! paths on rename and delete — and rules read it to resolve names, derive `last_contact` and
//! judge context. Each note contributes a [`NoteSummary`]; lookups that span notes (names,
//! backlinks) are kept beside the summaries and changed only for the note that changed.

mod attendance;
mod garbled;
mod spellings;
mod summary;

use crate::dates::Order;
use crate::deps::{self, Dep};
use crate::handles;
use crate::names::keys::{EntityKeys, EntityNames, Named};
use crate::note::{linked_name, Note};
use crate::settings::Settings;
use crate::text::fold;
use garbled::GarbledNames;
use rustc_hash::FxHashMap as HashMap;
use spellings::Spellings;
use std::collections::{BTreeMap, BTreeSet};
use summary::summarize;

/// How many ways of writing a date [`DateStyle`] tells apart.
const DATE_STYLES: usize = 5;

/// How many notes must show one order of numeric dates, and none the other, for the vault's
/// ambiguous ones to be read in it ([`VaultIndex::date_order`]).
const DATE_ORDER_NOTES: usize = 3;

pub use crate::kind::NoteKind;
pub use attendance::marked_not_there;
pub use summary::{
    frontmatter_links, labelled_line, link_target, names_several_people, note_date,
    participant_entries, participant_name, participants_line, query_handle, reads_as_a_sentence,
    split_outside_brackets, table_cell, table_field, who_met_labelled, who_met_line, DateStyle,
    NoteSummary, PEOPLE_JOINERS, WHO_MET_LABELS,
};

impl NoteSummary {
    /// What names the note, for the entity lookups.
    pub fn named(&self) -> Named<'_> {
        Named {
            path: &self.path,
            title: linked_name(&self.path),
            kind: self.kind,
            aliases: &self.aliases,
            company: self.company.as_deref(),
        }
    }
}

/// Every note of a vault, summarised, with name and backlink lookups.
#[derive(Debug, Clone, Default)]
pub struct VaultIndex {
    settings: Settings,
    notes: BTreeMap<String, NoteSummary>,
    /// Folded title or alias → paths of the notes it names.
    names: HashMap<String, BTreeSet<String>>,
    /// Folded link target → paths of the notes linking to it.
    backlinks: HashMap<String, BTreeSet<String>>,
    /// Candidate lookups over people and organisation notes, for entity resolution.
    entity_names: EntityNames,
    /// How the vault writes each tag.
    tag_cases: Spellings,
    /// How the vault writes each property name the key-case rule folds.
    key_cases: Spellings,
    /// Each date key → how many notes write it each way, in [`DateStyle`] order.
    date_styles: HashMap<String, [usize; DATE_STYLES]>,
    /// Each date key → each shape of the forms other than ISO it is written in
    /// ([`summary::date_shape`]) → in how many notes.
    date_shapes: HashMap<String, HashMap<String, usize>>,
    /// The titles and aliases that may hold mojibake.
    garbled_names: GarbledNames,
    /// Each `#`-tag the vault's Dataview queries quote → in how many notes.
    query_tags: HashMap<String, usize>,
    /// Each capitalised property name the vault's Dataview queries read → in how many notes.
    query_keys: HashMap<String, usize>,
    /// Each owner handle (lowercase, without `@`) the vault's task queries search for → in how
    /// many notes.
    query_handles: HashMap<String, usize>,
}

/// Counts one note more for `key` in `counts`, allocating the key only when it is new.
fn count(counts: &mut HashMap<String, usize>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_string(), 1);
        }
    }
}

/// Counts one note fewer for each of `keys` in `counts`, dropping those no note has left.
fn uncount(counts: &mut HashMap<String, usize>, keys: &[String]) {
    for key in keys {
        if let Some(count) = counts.get_mut(key) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                counts.remove(key);
            }
        }
    }
}

impl VaultIndex {
    /// An empty index using `settings` to tell people and organisations apart.
    pub fn new(settings: Settings) -> Self {
        VaultIndex {
            settings,
            ..Default::default()
        }
    }

    /// Builds an index from `(path, text)` pairs.
    pub fn build<'a>(
        settings: Settings,
        notes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Self {
        let mut index = VaultIndex::new(settings);
        for (path, text) in notes {
            index.upsert(path, text);
        }
        index
    }

    /// The settings the index was built with.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Sets today's date ([`Settings::today`]); no result is dropped.
    pub fn set_today(&mut self, today: String) {
        self.settings.today = today;
    }

    /// Replaces the review answers (see [`crate::answers`]): the index holds nothing read from
    /// them but the memo of exact names, which starts over, so only the results that read a
    /// changed answer change.
    pub fn set_answers(&mut self, answers: crate::answers::Answers) {
        answers.put_in(&mut self.settings);
        self.entity_names.answers_changed();
    }

    /// Adds or replaces the note at `path` (on create and modify). Returns what changed, as the
    /// deps ([`crate::deps`]) of other notes' results it touches.
    pub fn upsert(&mut self, path: &str, text: &str) -> Changed {
        let summary = self.summarize(path, text);
        self.put(path, summary)
    }

    /// What the note at `path` contributes to the index under these settings (`None` for an
    /// ignored path), without changing the index: the part of an upsert that reads the text,
    /// which callers may run for many notes in parallel before upserting the summaries.
    pub fn summarize(&self, path: &str, text: &str) -> Option<NoteSummary> {
        (!self.settings.is_ignored(path))
            .then(|| summarize(&Note::parse(path, text), &self.settings))
    }

    /// Adds or replaces a note from its summary (read from the note earlier, or from a cache).
    pub fn upsert_summary(&mut self, summary: NoteSummary) -> Changed {
        let path = summary.path.clone();
        self.put(&path, Some(summary))
    }

    /// Adds a note from its summary while building an index from scratch: nothing has read the
    /// index yet, so what changed is not worked out.
    fn insert_summary(&mut self, summary: NoteSummary) {
        let path = summary.path.clone();
        self.replace(&path, Some(summary));
    }

    /// Adds notes from their summaries, as [`VaultIndex::insert_summary`] one by one. Into an
    /// empty index, summaries with no path twice (a snapshot's, in path order) replace
    /// nothing: each is linked in without looking up a note to take out first, which halves
    /// the path comparisons of a warm start.
    pub fn insert_summaries(&mut self, summaries: Vec<NoteSummary>) {
        let in_order = summaries.windows(2).all(|w| w[0].path < w[1].path);
        if !self.notes.is_empty() || !in_order {
            summaries.into_iter().for_each(|s| self.insert_summary(s));
            return;
        }
        for summary in summaries {
            self.link_in(&summary);
            self.notes.insert(summary.path.clone(), summary);
        }
    }

    /// Forgets the note at `path` (on delete). Unknown paths are ignored.
    pub fn remove(&mut self, path: &str) -> Changed {
        self.put(path, None)
    }

    /// Moves a note from `old` to `new` (on rename), keeping its text.
    pub fn rename(&mut self, old: &str, new: &str, text: &str) -> Changed {
        let mut changed = self.remove(old);
        changed.merge(self.upsert(new, text));
        changed
    }

    /// Puts `summary` in place of the note at `path` (`None` removes it) and says what changed.
    fn put(&mut self, path: &str, summary: Option<NoteSummary>) -> Changed {
        let entity_before = self.entity_names.get(path).cloned();
        let new_path = summary.as_ref().map(|s| s.path.clone());
        let old = self.replace(path, summary);
        let entity_after = self.entity_names.get(path).cloned();
        Changed::between(
            path,
            old.as_ref(),
            new_path.and_then(|p| self.notes.get(&p)),
            entity_before.as_deref(),
            entity_after.as_deref(),
        )
    }

    /// Puts `summary` in place of the note at `path` (`None` removes it); returns the summary
    /// it replaced.
    fn replace(&mut self, path: &str, summary: Option<NoteSummary>) -> Option<NoteSummary> {
        let old = self.notes.remove(path);
        if let Some(old) = &old {
            for key in name_keys(old) {
                remove_from(&mut self.names, &key, path);
            }
            for target in &old.links {
                remove_from(&mut self.backlinks, &fold(linked_name(target)), path);
            }
            self.entity_names.remove(path);
            for form in &old.tag_forms {
                self.tag_cases.remove(form);
            }
            for form in &old.key_forms {
                self.key_cases.remove(form);
            }
            self.garbled_names.remove(old);
            uncount(&mut self.query_tags, &old.query_tags);
            uncount(&mut self.query_keys, &old.query_keys);
            uncount(&mut self.query_handles, &old.query_handles);
            for (key, style) in &old.date_styles {
                if let Some(counts) = self.date_styles.get_mut(key) {
                    let count = &mut counts[*style as usize];
                    *count = count.saturating_sub(1);
                    if *counts == [0; DATE_STYLES] {
                        self.date_styles.remove(key);
                    }
                }
            }
            for (key, shape) in &old.date_shapes {
                if let Some(shapes) = self.date_shapes.get_mut(key) {
                    uncount(shapes, std::slice::from_ref(shape));
                    if shapes.is_empty() {
                        self.date_shapes.remove(key);
                    }
                }
            }
        }
        if let Some(summary) = summary {
            self.link_in(&summary);
            self.notes.insert(summary.path.clone(), summary);
        }
        old
    }

    /// The summary of the note at `path`, for keeping (no dep is recorded: see [`Self::get`]).
    pub fn summary(&self, path: &str) -> Option<&NoteSummary> {
        self.notes.get(path)
    }

    /// The summary of the note at `path`.
    pub fn get(&self, path: &str) -> Option<&NoteSummary> {
        deps::read(Dep::Note(path));
        self.notes.get(path)
    }

    /// Every summary, in path order.
    pub fn notes(&self) -> impl Iterator<Item = &NoteSummary> {
        deps::read(Dep::AllNotes);
        self.notes.values()
    }

    /// How many notes the index holds.
    pub fn len(&self) -> usize {
        deps::read(Dep::AllNotes);
        self.notes.len()
    }

    /// True when the index holds no notes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Notes whose title or alias is `name` (case-, accent-width- and space-insensitive).
    pub fn by_name(&self, name: &str) -> impl Iterator<Item = &NoteSummary> {
        let key = fold(name);
        deps::read(Dep::Name(&key));
        self.summaries(self.names.get(&key))
    }

    /// True when a note's title is `name` (folded as [`VaultIndex::by_name`] folds): a link to
    /// `name` opens that note, as Obsidian opens no note by an alias.
    pub fn has_title(&self, name: &str) -> bool {
        let key = fold(name);
        self.by_name(name).any(|n| fold(&n.title) == key)
    }

    /// What a link to `entity`'s note writes so that it opens that note: its
    /// [`EntityKeys::link_target`], or its path when another note has the same title, as
    /// Obsidian writes such a link (a title two notes share opens either).
    pub fn link_target<'e>(&self, entity: &'e EntityKeys) -> &'e str {
        match entity.link_target() == entity.title {
            true => self.link_to(&entity.path),
            false => entity.link_target(),
        }
    }

    /// What a link to the note at `path` writes so that it opens that note: its title, or its
    /// path without `.md` when another note has the same title (a title two notes share opens
    /// either).
    pub fn link_to<'p>(&self, path: &'p str) -> &'p str {
        let title = crate::note::title_of(path);
        let key = fold(title);
        let shared = (self.by_name(title)).any(|n| n.path != path && fold(&n.title) == key);
        match shared {
            true => path.strip_suffix(".md").unwrap_or(path),
            false => title,
        }
    }

    /// True when a note other than the one at `path` is named `name` by its title or an alias.
    pub fn names_another(&self, name: &str, path: &str) -> bool {
        self.by_name(name).any(|n| n.path != path)
    }

    /// The summaries of `paths`, each recorded as read.
    fn summaries<'a>(
        &'a self,
        paths: Option<&'a BTreeSet<String>>,
    ) -> impl Iterator<Item = &'a NoteSummary> + 'a {
        paths.into_iter().flatten().filter_map(|p| {
            deps::read(Dep::Note(p));
            self.notes.get(p)
        })
    }

    /// The person or organisation note named exactly `name` by title or alias, when only one is.
    pub fn entity_named(&self, name: &str) -> Option<&NoteSummary> {
        let mut found = self
            .by_name(name)
            .filter(|n| matches!(n.kind, NoteKind::Person | NoteKind::Org));
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// The notes linking to the note named `title` (a folder note by its folder's name,
    /// [`crate::note::linked_name`]).
    pub fn backlinks(&self, title: &str) -> impl Iterator<Item = &NoteSummary> {
        let key = fold(title);
        deps::read(Dep::Backlinks(&key));
        self.summaries(self.backlinks.get(&key))
    }

    /// The handle (without `@`) the person note titled `title` queries its tasks by
    /// (`contains(text, "@AoifeOBrien")`), when that handle names the person: the one form of their
    /// name that their own note's queries find.
    pub fn queried_handle(&self, title: &str) -> Option<&str> {
        let handle = self
            .by_name(title)
            .find(|n| n.kind == NoteKind::Person && n.title == title)?
            .owner_query_handle
            .as_deref()?;
        let names_them = handles::compact(handle) == handles::compact(title)
            || self
                .by_name(&handles::split_compound(handle))
                .any(|n| n.title == title);
        names_them.then_some(handle)
    }

    /// The candidate lookups entity resolution uses.
    pub fn entity_names(&self) -> &EntityNames {
        &self.entity_names
    }

    /// Each way the vault writes tag `tag` (compared in lowercase, as Obsidian compares tags)
    /// and in how many notes; `None` when no note writes it. The tags rule picks a tag's
    /// spelling from these ([`crate::frontmatter::tags::vault_spelling`]).
    pub fn tag_spellings(&self, tag: &str) -> Option<&BTreeMap<String, usize>> {
        let lower = tag.to_lowercase();
        deps::read(Dep::TagCase(&lower));
        self.tag_cases.get(&lower)
    }

    /// Each way the vault writes the property name `key` (compared in lowercase) and in how
    /// many notes, for the names the key-case rule folds; `None` when no note writes it.
    pub fn key_spellings(&self, key: &str) -> Option<&BTreeMap<String, usize>> {
        let lower = key.to_lowercase();
        deps::read(Dep::KeyCase(&lower));
        self.key_cases.get(&lower)
    }

    /// Whether more notes write the date property `key` as a date (ISO or in another form) than
    /// as an ISO datetime: only then is a bare date the vault's convention for it.
    pub fn writes_dates(&self, key: &str) -> bool {
        let [dates, datetimes, own @ ..] = self.date_style_counts(key);
        dates + own.iter().sum::<usize>() > datetimes
    }

    /// Whether more notes write the date property `key` in one form other than ISO
    /// (`15th January 2026`, `4. März 2024`: one [`summary::date_shape`]) than as an ISO date
    /// or datetime, and more than one does: then that form is the vault's convention for it,
    /// which a template may go on writing. A form one note writes is that note's, and forms of
    /// every kind, none more written than ISO (`16.11.2026` here, `Nov 16, 2026` there), are
    /// no convention either.
    pub fn writes_own_date_form(&self, key: &str) -> bool {
        let [dates, datetimes, ..] = self.date_style_counts(key);
        let lower = key.to_lowercase();
        let own = (self.date_shapes.get(&lower))
            .and_then(|shapes| shapes.values().max().copied())
            .unwrap_or(0);
        own > dates + datetimes && own > 1
    }

    /// The order the vault writes the numeric dates of `key` in (`13-06-2026`): the one at
    /// least [`DATE_ORDER_NOTES`] notes show with a number above 12, when no note shows the
    /// other. A date either order reads (`12-06-2026`) is then read so.
    pub fn date_order(&self, key: &str) -> Option<Order> {
        let counts = self.date_style_counts(key);
        let day_first = counts[DateStyle::DayFirst as usize];
        let month_first = counts[DateStyle::MonthFirst as usize];
        match (day_first, month_first) {
            (n, 0) if n >= DATE_ORDER_NOTES => Some(Order::DayFirst),
            (0, n) if n >= DATE_ORDER_NOTES => Some(Order::MonthFirst),
            _ => None,
        }
    }

    /// True when a Dataview query of the vault compares text with `tag` written with its `#`
    /// (`icontains(tags, "#type/")` for `#type/tooling`): the query reads the raw `tags` value,
    /// so a `#` taken off it would take the note out of the query's results.
    pub fn queries_tag_with_hash(&self, tag: &str) -> bool {
        deps::read(Dep::Queries);
        if self.query_tags.is_empty() {
            return false;
        }
        let written = format!("#{}", tag.trim_start_matches('#').to_lowercase());
        self.query_tags
            .keys()
            .any(|q| written.starts_with(q.as_str()))
    }

    /// True when a Dataview query of the vault reads the property spelled `written` (with
    /// capitals: `sort Created desc`, `p.Status`). Dataview finds `Status:` by `status` too,
    /// never `status:` by `Status`: the key stays as the query spells it.
    pub fn queries_key(&self, written: &str) -> bool {
        deps::read(Dep::Queries);
        self.query_keys.contains_key(written)
    }

    /// True when a task query of the vault searches for the owner handle `handle` (without
    /// `@`, in any case: `description includes @owen`): the vault finds the task by it as
    /// written.
    pub fn queries_handle(&self, handle: &str) -> bool {
        deps::read(Dep::Queries);
        !self.query_handles.is_empty() && self.query_handles.contains_key(&handle.to_lowercase())
    }

    /// How many notes write the date property `key` (compared in lowercase) each way, in
    /// [`DateStyle`] order.
    fn date_style_counts(&self, key: &str) -> [usize; DATE_STYLES] {
        let lower = key.to_lowercase();
        deps::read(Dep::DateStyle(&lower));
        self.date_styles.get(&lower).copied().unwrap_or_default()
    }

    /// A title or alias of the vault's notes holding `garble` (text a mojibake repair would
    /// replace, as written) that `line` writes whole, when one does: the line may name that
    /// note, and repairing it would break the link. A line writing the garble in other words
    /// (`it’s` garbled, beside a note titled with a garbled `’`) names no note. What this reads
    /// is which names hold the garble's first character ([`Dep::GarbledName`]); a garble opens
    /// with a character that is not ASCII, or is none.
    pub fn name_holding_garble(&self, garble: &str, line: &str) -> Option<&str> {
        let first = garble.chars().next().filter(|c| !c.is_ascii())?;
        deps::read(Dep::GarbledName(first.encode_utf8(&mut [0u8; 4])));
        self.garbled_names.holding(garble, line)
    }

    fn link_in(&mut self, summary: &NoteSummary) {
        self.entity_names.add(&summary.named());
        for form in &summary.tag_forms {
            self.tag_cases.add(form);
        }
        for form in &summary.key_forms {
            self.key_cases.add(form);
        }
        for (key, style) in &summary.date_styles {
            match self.date_styles.get_mut(key) {
                Some(counts) => counts[*style as usize] += 1,
                None => {
                    let mut counts = [0; DATE_STYLES];
                    counts[*style as usize] = 1;
                    self.date_styles.insert(key.clone(), counts);
                }
            }
        }
        for (key, shape) in &summary.date_shapes {
            match self.date_shapes.get_mut(key) {
                Some(shapes) => count(shapes, shape),
                None => {
                    let shapes = HashMap::from_iter([(shape.clone(), 1)]);
                    self.date_shapes.insert(key.clone(), shapes);
                }
            }
        }
        self.garbled_names.add(summary);
        for tag in &summary.query_tags {
            count(&mut self.query_tags, tag);
        }
        for handle in &summary.query_handles {
            count(&mut self.query_handles, handle);
        }
        for key in &summary.query_keys {
            count(&mut self.query_keys, key);
        }
        let path = &summary.path;
        for key in name_keys(summary) {
            self.names.entry(key).or_default().insert(path.clone());
        }
        for target in &summary.links {
            let key = fold(linked_name(target));
            self.backlinks.entry(key).or_default().insert(path.clone());
        }
    }
}

/// What one update of the index changed, as the fingerprints of the deps ([`crate::deps`]) it
/// touches: the notes whose results read one of them must be computed again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changed(pub BTreeSet<u64>);

impl Changed {
    /// The deps a note's summary and entity changing from `old` to `new` touch. Nothing, when
    /// the summary is the same: editing a meeting's prose changes no other note's results.
    fn between(
        path: &str,
        old: Option<&NoteSummary>,
        new: Option<&NoteSummary>,
        entity_old: Option<&EntityKeys>,
        entity_new: Option<&EntityKeys>,
    ) -> Changed {
        let mut out = BTreeSet::new();
        if old == new {
            return Changed(out);
        }
        let mut add = |dep: Dep| {
            out.insert(dep.fingerprint());
        };
        add(Dep::Note(path));
        add(Dep::AllNotes);
        let names = |s: Option<&NoteSummary>| s.map(|s| (name_keys(s), s.kind));
        if names(old) != names(new) {
            for s in old.into_iter().chain(new) {
                for key in name_keys(s) {
                    add(Dep::Name(&key));
                }
            }
        }
        let forms = |s: Option<&NoteSummary>, of: fn(&NoteSummary) -> &Vec<String>| {
            s.map(|s| of(s).iter().cloned().collect::<BTreeSet<String>>())
                .unwrap_or_default()
        };
        let (tags_old, tags_new) = (forms(old, |s| &s.tag_forms), forms(new, |s| &s.tag_forms));
        for form in tags_old.symmetric_difference(&tags_new) {
            add(Dep::TagCase(&form.to_lowercase()));
        }
        let (keys_old, keys_new) = (forms(old, |s| &s.key_forms), forms(new, |s| &s.key_forms));
        for form in keys_old.symmetric_difference(&keys_new) {
            add(Dep::KeyCase(&form.to_lowercase()));
        }
        let styles = |s: Option<&NoteSummary>| {
            s.map(|s| s.date_styles.iter().cloned().collect::<BTreeSet<_>>())
                .unwrap_or_default()
        };
        for (key, _) in styles(old).symmetric_difference(&styles(new)) {
            add(Dep::DateStyle(key));
        }
        let shapes = |s: Option<&NoteSummary>| {
            s.map(|s| s.date_shapes.iter().cloned().collect::<BTreeSet<_>>())
                .unwrap_or_default()
        };
        for (key, _) in shapes(old).symmetric_difference(&shapes(new)) {
            add(Dep::DateStyle(key));
        }
        /// What a note's queries look for: its query tags, keys and handles.
        fn queried(s: Option<&NoteSummary>) -> [&[String]; 3] {
            s.map_or([&[], &[], &[]], |s| {
                [&s.query_tags, &s.query_keys, &s.query_handles]
            })
        }
        if queried(old) != queried(new) {
            add(Dep::Queries);
        }
        if old.map(|s| (&s.title, &s.aliases)) != new.map(|s| (&s.title, &s.aliases)) {
            for summary in old.into_iter().chain(new) {
                garbled::changes(summary, &mut add);
            }
        }
        let links = |s: Option<&NoteSummary>| s.map(|s| s.links.clone()).unwrap_or_default();
        for target in links(old).symmetric_difference(&links(new)) {
            add(Dep::Backlinks(&fold(linked_name(target))));
        }
        if entity_old != entity_new {
            let kinds = |e: Option<&EntityKeys>| e.map(|e| e.kind);
            if kinds(entity_old) != kinds(entity_new) {
                for kind in [kinds(entity_old), kinds(entity_new)].into_iter().flatten() {
                    add(Dep::Population(kind == NoteKind::Person));
                }
            }
            for e in entity_old.into_iter().chain(entity_new) {
                out.extend(e.deps());
            }
        }
        Changed(out)
    }

    /// Adds what `other` changed.
    pub fn merge(&mut self, other: Changed) {
        self.0.extend(other.0);
    }
}

fn name_keys(summary: &NoteSummary) -> BTreeSet<String> {
    std::iter::once(&summary.title)
        .chain(&summary.aliases)
        .map(|n| fold(n))
        .filter(|k| !k.is_empty())
        .collect()
}

fn remove_from(map: &mut HashMap<String, BTreeSet<String>>, key: &str, path: &str) {
    if let Some(set) = map.get_mut(key) {
        set.remove(path);
        if set.is_empty() {
            map.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROB: &str =
        "---\ntype: people\naliases: [Robert]\ntags:\n- company/vast-data\n---\n# Rob Benoit\n";
    const MEETING: &str = "---\ntype: meeting\n---\n**Date:** 2025-10-28\n**Participants:** Rob Benoit, [[Niko Dukic]]\n\nSee [[Rob Benoit]].\n";

    #[test]
    fn classifies_and_looks_up_names() {
        let index = VaultIndex::build(
            Settings::default(),
            [("People/Rob Benoit.md", ROB), ("Meetings/m.md", MEETING)],
        );
        let rob = index.entity_named("robert").unwrap();
        assert_eq!(rob.title, "Rob Benoit");
        assert_eq!(rob.kind, NoteKind::Person);
        assert_eq!(rob.company.as_deref(), Some("vast-data"));
        let m = index.get("Meetings/m.md").unwrap();
        assert_eq!(m.kind, NoteKind::Meeting);
        assert_eq!(m.date.unwrap().to_string(), "2025-10-28");
        assert_eq!(m.participants, vec!["Rob Benoit", "Niko Dukic"]);
        assert_eq!(index.backlinks("Rob Benoit").count(), 1);
        assert!(m.wikilinks.contains("rob benoit") && m.wikilinks.contains("niko dukic"));
        let linked = VaultIndex::build(
            Settings::default(),
            [(
                "m.md",
                "---\nparticipants: [\"[[Ada]]\", Bob]\nproject: \"[[Apollo]]\"\n---\n**Participants:** Cy\n",
            )],
        );
        let m = linked.get("m.md").unwrap();
        assert_eq!(m.wikilinks, ["ada", "apollo"].map(String::from).into());
        assert_eq!(linked.backlinks("Apollo").count(), 1);
    }

    #[test]
    fn updates_one_note_at_a_time() {
        let mut index = VaultIndex::build(
            Settings::default(),
            [("People/Rob Benoit.md", ROB), ("Meetings/m.md", MEETING)],
        );
        index.rename("People/Rob Benoit.md", "People/Robert Benoit.md", ROB);
        assert!(index.entity_named("Rob Benoit").is_none());
        assert_eq!(
            index.entity_named("Robert Benoit").unwrap().path,
            "People/Robert Benoit.md"
        );
        index.upsert("Meetings/m.md", "no links any more");
        assert_eq!(index.backlinks("Rob Benoit").count(), 0);
        index.remove("Meetings/m.md");
        assert_eq!(index.len(), 1);
    }

    #[test]
    fn knows_people_and_organisations_by_category_and_linked_type() {
        let index = VaultIndex::build(
            Settings::default(),
            [
                (
                    "References/Ada.md",
                    "---\ncategories:\n  - \"[[People]]\"\n---\n",
                ),
                (
                    "References/Acme.md",
                    "---\ncategories: [\"[[Companies]]\"]\n---\n",
                ),
                ("Notes/Bo.md", "---\ntype: \"[[Person]]\"\n---\n"),
                ("Notes/Book.md", "---\ncategories: [\"[[Books]]\"]\n---\n"),
            ],
        );
        let kind = |p: &str| index.get(p).unwrap().kind;
        assert_eq!(kind("References/Ada.md"), NoteKind::Person);
        assert_eq!(kind("References/Acme.md"), NoteKind::Org);
        assert_eq!(kind("Notes/Bo.md"), NoteKind::Person);
        assert_eq!(kind("Notes/Book.md"), NoteKind::Other);
    }

    #[test]
    fn counts_how_the_vault_writes_each_date_key() {
        let notes = [
            ("a.md", "---\nCreated: 12th May 2024\n---\n"),
            ("b.md", "---\ncreated: 4th June 2024\n---\n"),
            ("c.md", "---\ncreated: '2024-05-14'\n---\n"),
            ("d.md", "---\ncreated: TBD\ntitle: 12th May 2024\n---\n"),
        ];
        let mut index = VaultIndex::build(Settings::default(), notes);
        assert!(index.writes_own_date_form("created") && index.writes_dates("created"));
        // Two forms of two kinds are no one form of the vault's.
        let mixed = [
            notes[0],
            ("b.md", "---\ncreated: 4. Mai 2024\n---\n"),
            notes[2],
        ];
        assert!(!VaultIndex::build(Settings::default(), mixed).writes_own_date_form("created"));
        assert!(!index.writes_own_date_form("title"), "not a date key");
        index.upsert("e.md", "---\ncreated: 2024-05-16T09:00\n---\n");
        assert!(!index.writes_own_date_form("created"), "two each way");
        assert!(index.writes_dates("created"), "three dates, one datetime");
        index.upsert("e.md", "---\ncreated: 16th May 2024\n---\n");
        index.remove("b.md");
        assert!(index.writes_own_date_form("created"));
        index.remove("a.md");
        assert!(
            !index.writes_own_date_form("created"),
            "one note is no convention"
        );
        // A key types.json declares `text` is no date.
        let mut settings = Settings::default();
        settings
            .property_types
            .insert("created".into(), "text".into());
        assert!(!VaultIndex::build(settings, notes).writes_own_date_form("created"));
    }

    #[test]
    fn ignores_dot_folders() {
        let index = VaultIndex::build(
            Settings::default(),
            [(".obsidian/x.md", "x"), (".trash/y.md", "y")],
        );
        assert!(index.is_empty());
    }
}
