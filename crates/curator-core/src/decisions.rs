//! The review queue as a person reads it: one card per decision, not one row per occurrence.
//!
//! Every review item carries a `group` shared by the items one answer settles
//! ([`crate::review::ReviewItem::group`]): all the notes writing one uncertain name, both notes
//! of a likely duplicate person. A [`DecisionCard`] is one group with everything the pane shows —
//! its kind, the written name, how many times and in how many notes it is written, the
//! candidates ranked with what weighed for each, a few occurrences with their line, and the
//! actions that apply. [`decision_page`] answers a page of them, filtered by kind and search,
//! from the warm vault: only the page's cards read note text.

use crate::report_cell::ReportCell;
use crate::review::{Candidate, MergeTies, ReviewItem, ReviewReason};
use crate::text::fold;
use crate::vault::Vault;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Occurrences a card shows with their line.
const OCCURRENCES: usize = 3;
/// Characters of a line shown around an occurrence.
const CONTEXT_CHARS: usize = 160;
/// How many lines cards showed are kept for the pages asked again ([`Contexts`]).
const CONTEXTS_KEPT: usize = 4096;

/// What a person can do about a decision. Serialized in snake_case (the pane's button ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The top candidate is right: remembered, so every occurrence resolves to it.
    Accept,
    /// Another candidate is right.
    Pick,
    /// Someone who has no note yet: create it in the vault's people-note layout.
    SomeoneNew,
    /// The suggested candidate is wrong: never suggested again for this name.
    NotThisPerson,
    /// The word is not a name: never asked about again.
    NotAName,
    /// Take `needs-review` off the note's tags.
    MarkReviewed,
    /// Keep the person's `company/…` tag: the Contact Information table is rewritten to agree.
    KeepTag,
    /// Keep the Contact Information table's company: the tag is rewritten to agree.
    KeepTable,
    /// Merge the duplicate note into the one to keep ([`crate::merge`]), then trash it.
    Merge,
    /// Open the note at the line (what nothing else can settle: the note must be edited).
    Open,
    /// Leave it for later.
    Skip,
}

/// The actions for a decision of `kind` with `candidates`.
fn actions(kind: ReviewReason, candidates: &[Candidate]) -> Vec<Action> {
    use Action::*;
    let has = !candidates.is_empty();
    let mut out = match kind {
        ReviewReason::AmbiguousMention | ReviewReason::UncertainMention => {
            vec![Accept, Pick, SomeoneNew, NotThisPerson, NotAName, Open]
        }
        ReviewReason::NewEntity => vec![SomeoneNew, Accept, Pick, NotAName, Open],
        ReviewReason::NeedsReview => vec![Open, MarkReviewed],
        ReviewReason::CompanyConflict => vec![KeepTable, KeepTag, Open],
        ReviewReason::DuplicateEntity => vec![Merge, Open],
        _ => vec![Open],
    };
    if !has {
        out.retain(|a| !matches!(a, Accept | Pick | NotThisPerson));
    } else if candidates.len() < 2 {
        out.retain(|a| *a != Pick);
    }
    out.push(Skip);
    out
}

/// Where a decision's kinds come in the queue: names first (they settle the most), then people,
/// then notes to open.
const KIND_ORDER: [ReviewReason; 13] = [
    ReviewReason::AmbiguousMention,
    ReviewReason::UncertainMention,
    ReviewReason::NewEntity,
    ReviewReason::DuplicateEntity,
    ReviewReason::CompanyConflict,
    ReviewReason::DuplicateFacts,
    ReviewReason::NeedsReview,
    ReviewReason::UnfilledPlaceholder,
    ReviewReason::InvalidFrontmatter,
    ReviewReason::InvalidDate,
    ReviewReason::AmbiguousDate,
    ReviewReason::KeyConflict,
    ReviewReason::Mojibake,
];

fn kind_rank(reason: ReviewReason) -> usize {
    KIND_ORDER
        .iter()
        .position(|r| *r == reason)
        .unwrap_or(KIND_ORDER.len())
}

/// Which decisions to return.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct DecisionQuery {
    /// Index of the first card returned.
    pub offset: usize,
    /// How many cards at most; every one when absent.
    pub limit: Option<usize>,
    /// Only decisions of this kind.
    pub kind: Option<ReviewReason>,
    /// Only decisions whose name, candidates, message or notes contain this (case and accents
    /// folded).
    pub search: String,
    /// Groups left out (skipped for now).
    pub hide: Vec<String>,
    /// How many cards from `offset` to make ready, past those returned: the lines they show are
    /// read (their notes asked for, [`DecisionPage::lacking`]) and kept, so that a later page
    /// asking for them answers at once.
    pub prepare: usize,
}

/// One page of decisions.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionPage {
    /// Decisions matching the query, on every page.
    pub total: usize,
    /// Decisions of each kind in the whole queue (hidden ones aside), whatever the query's kind
    /// and search, in queue order.
    pub kinds: Vec<KindCount>,
    /// Review items in the whole queue (what the decisions settle).
    pub items: usize,
    /// The query's offset.
    pub offset: usize,
    /// The page's cards, in queue order.
    pub cards: Vec<DecisionCard>,
    /// The notes whose lines the cards show without their context: the vault does not hold
    /// their texts now ([`Vault::release_text`]); lend them and ask again.
    #[serde(skip)]
    pub lacking: Vec<String>,
}

/// The lines cards showed, each by its note's text (by hash), line and name: a page asked again
/// (the pane refreshes at every change) shows them without the note's text, which the vault
/// lets go of once the note's results are computed. A change to a note changes its hash, so
/// nothing stale is shown; past [`CONTEXTS_KEPT`] lines the kept ones are all dropped.
#[derive(Debug, Default)]
struct Contexts(HashMap<u64, String>);

impl Contexts {
    /// The context of `line` of the note at `path` for `name`: from its text when the vault
    /// holds it (and kept), else as kept; `None` when neither.
    fn get(
        &mut self,
        vault: &Vault,
        path: &str,
        line: usize,
        name: Option<&str>,
    ) -> Option<String> {
        let key = {
            let hash = vault.hash(path)?;
            let name = name.unwrap_or_default();
            crate::vault::content_hash(&format!("{hash:x}\u{0}{line}\u{0}{path}\u{0}{name}"))
        };
        let Some(text) = vault.text(path) else {
            return self.0.get(&key).cloned();
        };
        let shown = context(text, line, name);
        if self.0.len() >= CONTEXTS_KEPT {
            self.0.clear();
        }
        self.0.insert(key, shown.clone());
        Some(shown)
    }
}

/// How many decisions of one kind the queue holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindCount {
    /// The kind.
    pub kind: ReviewReason,
    /// The kind in words.
    pub label: &'static str,
    /// How many decisions.
    pub count: usize,
}

/// Everything the pane shows of one decision.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionCard {
    /// The decision's group (what an answer is about, and what "skip" hides).
    pub group: String,
    /// Its kind (the most urgent reason among its items).
    pub kind: ReviewReason,
    /// The written name, for decisions about a name.
    pub name: Option<String>,
    /// The card's heading: "Nico → Niko Dukic?", or what is wrong.
    pub title: String,
    /// What is wrong and what can be done, in words (the first item's message).
    pub message: String,
    /// How many occurrences the decision settles (lines of notes).
    pub mentions: usize,
    /// In how many notes.
    pub notes: usize,
    /// The candidates, best first, with what weighed for each.
    pub candidates: Vec<Candidate>,
    /// A few occurrences with their line.
    pub occurrences: Vec<Occurrence>,
    /// Every note the decision is about, for decisions about notes (what "mark reviewed" and
    /// "keep" write); empty for a decision about a written name, answered once for all its
    /// notes (`notes` counts them).
    pub paths: Vec<String>,
    /// What can be done, in the order to offer it.
    pub actions: Vec<Action>,
    /// For a company tag and table that disagree: what each says.
    pub company: Option<CompanyRecords>,
    /// For likely duplicates: how the two notes are named ([`crate::merge::merge_names`]), told
    /// apart by their folders when their titles are the same.
    pub merge: Option<MergeNames>,
}

/// The two notes of a likely duplicate as a person reads them: "Merge `gone` into `keep`".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergeNames {
    /// The note kept.
    pub keep: String,
    /// The note merged into it.
    pub gone: String,
}

/// What a person's two company records say, when they disagree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanyRecords {
    /// The `company/…` tag, as the note writes it (lowercase).
    pub tag: String,
    /// The Contact Information table's company.
    pub table: String,
}

/// One place a decision is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Occurrence {
    /// The note.
    pub path: String,
    /// The 1-based line, when about one line.
    pub line: Option<usize>,
    /// The line's text around the occurrence (empty when about the whole note).
    pub context: String,
}

/// The review queue gathered into decisions, kept from one query to the next: paging,
/// filtering and searching read a few hundred decisions, not every review item again, and when
/// the vault changed only the items of the notes whose reports changed are gathered again.
#[derive(Debug, Default)]
pub struct DecisionIndex {
    /// The vault's generation the decisions were gathered at.
    generation: Option<u64>,
    /// The notes' paths and reports gathered (the vault's own cells, in path order, decoded
    /// only when a card or a change reads them) and the vault's items: what the next refresh
    /// compares with.
    paths: Vec<String>,
    reports: Vec<ReportCell>,
    vault_items: Arc<Vec<ReviewItem>>,
    /// The likely duplicates among the vault's items, whose merges settle names tied between
    /// their two notes (see [`MergeTies`]).
    ties: MergeTies,
    /// Every decision, in no order; `order` puts them in queue order.
    groups: Vec<Group>,
    /// Each decision's index in `groups`, by its group.
    at: HashMap<String, usize>,
    /// Indices into `groups`, in queue order.
    order: Vec<usize>,
    /// How many review items they hold.
    items: usize,
    /// Each note's path folded, by its index among the reports, for search.
    folded_paths: Vec<String>,
    /// The lines cards showed, for the pages asked again.
    contexts: Contexts,
}

/// The reports gathered: each note's path and report cell, in path order.
struct Reports<'a> {
    paths: &'a [String],
    cells: &'a [ReportCell],
}

/// Where a review item is: its note's index among the reports (in path order), or
/// [`VAULT_ITEMS`] for the vault's own items, and its index there. Sorted, places are in queue
/// order: notes in path order, a note's items in order, the vault's items last.
pub type ItemAt = (u32, u32);

/// The "note index" of the items about the vault as a whole.
const VAULT_ITEMS: u32 = u32::MAX;

/// One decision of the index.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// What its items share ([`ReviewItem::group`]).
    pub group: String,
    /// The most urgent reason among its items.
    pub kind: ReviewReason,
    /// How many occurrences it settles.
    pub mentions: usize,
    /// Its items, sorted.
    pub items: Vec<ItemAt>,
    /// The notes of its items, by index among the reports, each once, in path order.
    pub notes: Vec<u32>,
    /// How many notes it is about: `notes` and the notes of its items about the whole vault.
    pub about: usize,
    /// Its name, candidates and message, and the paths of its items about the whole vault,
    /// folded, for search (the notes' paths are searched through `notes`).
    pub haystack: String,
}

/// The review queue's decisions as a saved state keeps them, so that a warm start answers the
/// queue's first page without decoding every note's report: what [`DecisionIndex`] gathered,
/// less what the vault holds (the reports, the vault's own items).
#[derive(Debug, Clone, PartialEq)]
pub struct SavedDecisions {
    /// How many notes' reports they were gathered from.
    pub notes: usize,
    /// How many review items they hold.
    pub items: usize,
    /// Every decision, in queue order.
    pub groups: Vec<Group>,
}

impl DecisionIndex {
    /// The decisions as they are, to save: `None` unless gathered from `vault` as it is now.
    pub fn saved(&self, vault: &Vault) -> Option<SavedDecisions> {
        if self.generation != Some(vault.generation()) {
            return None;
        }
        Some(SavedDecisions {
            notes: self.reports.len(),
            items: self.items,
            groups: self.order.iter().map(|&i| self.groups[i].clone()).collect(),
        })
    }

    /// The decisions `saved` over `vault`, when it is the vault they were gathered from, just
    /// restored: every report present (none decoded) and its own items kept, so nothing
    /// changed since. False, changing nothing, otherwise: the next page gathers them afresh.
    pub fn restore(&mut self, saved: SavedDecisions, vault: &mut Vault) -> bool {
        let Some(vault_items) = vault.kept_vault_review() else {
            return false;
        };
        if vault.stale() != 0 {
            return false;
        }
        let cells = vault.all_report_cells();
        if cells.len() != saved.notes {
            return false;
        }
        let paths: Vec<String> = cells.iter().map(|(p, _)| p.to_string()).collect();
        let reports = cells.into_iter().map(|(_, c)| c.clone()).collect();
        *self = DecisionIndex {
            generation: Some(vault.generation()),
            contexts: std::mem::take(&mut self.contexts),
            folded_paths: paths.iter().map(|p| fold(p)).collect(),
            paths,
            reports,
            ties: MergeTies::of(&vault_items),
            vault_items,
            at: (saved.groups.iter().enumerate())
                .map(|(i, g)| (g.group.clone(), i))
                .collect(),
            order: (0..saved.groups.len()).collect(),
            groups: saved.groups,
            items: saved.items,
        };
        true
    }

    /// Brings the decisions up to date with the vault: nothing when it is where it was the last
    /// time; the items of the notes whose reports changed (and the vault's items, when they
    /// changed) when the vault holds the same notes; everything when notes came or went, or
    /// the likely duplicates changed (a name's decision may be another merge's now).
    ///
    /// A vault at the generation of the last refresh has every report and its own items
    /// computed (computing one counts as a change): it is not read again.
    fn refresh(&mut self, vault: &mut Vault) {
        if self.generation == Some(vault.generation()) {
            return;
        }
        let vault_items = vault.vault_review();
        let cells = vault.all_report_cells();
        let old_paths = std::mem::take(&mut self.paths);
        let old_reports = std::mem::take(&mut self.reports);
        let old_vault_items = std::mem::take(&mut self.vault_items);
        let ties = MergeTies::of(&vault_items);
        let same_notes = self.generation.is_some()
            && ties == self.ties
            && cells.len() == old_paths.len()
            && cells.iter().zip(&old_paths).all(|((a, _), b)| *a == b);
        let paths = match same_notes {
            true => old_paths,
            false => cells.iter().map(|(p, _)| p.to_string()).collect(),
        };
        let reports: Vec<ReportCell> = cells.into_iter().map(|(_, c)| c.clone()).collect();
        if !same_notes {
            *self = DecisionIndex {
                folded_paths: paths.iter().map(|p| fold(p)).collect(),
                ties,
                contexts: std::mem::take(&mut self.contexts),
                ..DecisionIndex::default()
            };
        }
        let mut touched: BTreeSet<usize> = BTreeSet::new();
        for (n, new) in reports.iter().enumerate() {
            let n32 = n as u32;
            match old_reports.get(n) {
                Some(old) if same_notes => {
                    if old.same(new) {
                        continue;
                    }
                    match review(old) {
                        Some(old) if review(new) == Some(old) => continue,
                        Some(old) => self.take_out(n32, old, &mut touched),
                        // Items whose report no longer decodes: wherever they are.
                        None => self.take_out_note(n32, &mut touched),
                    }
                }
                _ => {}
            }
            self.put_in(n32, review(new).unwrap_or_default(), &mut touched);
        }
        let reports_now = Reports {
            paths: &paths,
            cells: &reports,
        };
        if !same_notes || *old_vault_items != *vault_items {
            let old: &[ReviewItem] = if same_notes { &old_vault_items } else { &[] };
            self.take_out(VAULT_ITEMS, old, &mut touched);
            self.put_in(VAULT_ITEMS, &vault_items, &mut touched);
        }
        let mut emptied = false;
        for &i in &touched {
            let g = &mut self.groups[i];
            emptied |= g.items.is_empty();
            gather(g, &reports_now, &vault_items);
        }
        if emptied {
            self.groups.retain(|g| !g.items.is_empty());
            self.at = (self.groups.iter().enumerate())
                .map(|(i, g)| (g.group.clone(), i))
                .collect();
        }
        let groups = &self.groups;
        let by_queue = |a: &usize, b: &usize| queue_order(&groups[*a], &groups[*b]);
        if !same_notes || emptied {
            self.order = (0..groups.len()).collect();
            self.order.sort_by(by_queue);
        } else if !touched.is_empty() {
            // The decisions touched move to their new places; the others keep their order.
            let mut moved: Vec<usize> = touched.iter().copied().collect();
            moved.sort_by(by_queue);
            let kept = std::mem::take(&mut self.order);
            self.order = merge_sorted(
                kept.into_iter().filter(|i| !touched.contains(i)),
                moved,
                by_queue,
            );
        }
        self.generation = Some(vault.generation());
        self.paths = paths;
        self.reports = reports;
        self.vault_items = vault_items;
    }

    /// Takes every item of note `n` out of its decision, finding them by their places.
    fn take_out_note(&mut self, n: u32, touched: &mut BTreeSet<usize>) {
        for (at, g) in self.groups.iter_mut().enumerate() {
            let before = g.items.len();
            g.items.retain(|p| p.0 != n);
            if g.items.len() != before {
                self.items -= before - g.items.len();
                touched.insert(at);
            }
        }
    }

    /// Takes the items `items` of note `n` out of their decisions.
    fn take_out(&mut self, n: u32, items: &[ReviewItem], touched: &mut BTreeSet<usize>) {
        for (i, item) in items.iter().enumerate() {
            let Some(&at) = self.at.get(self.ties.group_of(item)) else {
                continue;
            };
            let g = &mut self.groups[at];
            if let Ok(k) = g.items.binary_search(&(n, i as u32)) {
                g.items.remove(k);
                self.items -= 1;
            }
            touched.insert(at);
        }
    }

    /// Puts the items `items` of note `n` in their decisions.
    fn put_in(&mut self, n: u32, items: &[ReviewItem], touched: &mut BTreeSet<usize>) {
        for (i, item) in items.iter().enumerate() {
            let groups = &mut self.groups;
            let group = self.ties.group_of(item);
            let at = *self.at.entry(group.to_string()).or_insert_with(|| {
                groups.push(Group {
                    group: group.to_string(),
                    kind: item.reason,
                    mentions: 0,
                    items: Vec::new(),
                    notes: Vec::new(),
                    about: 0,
                    haystack: String::new(),
                });
                groups.len() - 1
            });
            let g = &mut self.groups[at];
            let place = (n, i as u32);
            if let Err(k) = g.items.binary_search(&place) {
                g.items.insert(k, place);
                self.items += 1;
            }
            touched.insert(at);
        }
    }
}

/// The review items of a report, decoded if need be; `None` when it does not decode.
fn review(cell: &ReportCell) -> Option<&[ReviewItem]> {
    cell.get().map(|r| &r.review[..])
}

/// Two runs sorted by `cmp` as one sorted run.
fn merge_sorted<T>(
    a: impl Iterator<Item = T>,
    b: Vec<T>,
    cmp: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> Vec<T> {
    let mut out = Vec::with_capacity(b.len() + a.size_hint().0);
    let mut b = b.into_iter().peekable();
    for x in a {
        while let Some(y) = b.next_if(|y| cmp(y, &x) == std::cmp::Ordering::Less) {
            out.push(y);
        }
        out.push(x);
    }
    out.extend(b);
    out
}

/// Where decisions come in the queue: kinds in order; within a kind, what settles the most
/// first.
fn queue_order(a: &Group, b: &Group) -> std::cmp::Ordering {
    kind_rank(a.kind)
        .cmp(&kind_rank(b.kind))
        .then(b.mentions.cmp(&a.mentions))
        .then(a.group.cmp(&b.group))
}

/// Works out what a decision's items say of it: its kind (the most urgent of its items'
/// reasons), its occurrences, its notes and what search looks in.
fn gather(g: &mut Group, reports: &Reports, vault_items: &[ReviewItem]) {
    g.mentions = 0;
    g.notes.clear();
    let mut kind = None;
    for place in &g.items {
        let Some(item) = item_at(*place, reports, vault_items) else {
            continue;
        };
        if kind.is_none_or(|k| kind_rank(item.reason) < kind_rank(k)) {
            kind = Some(item.reason);
        }
        // An item about the whole vault (a name recurring without a note) adds no occurrence.
        if item.line.is_some() {
            g.mentions += 1 + item.also.len();
        }
        if place.0 != VAULT_ITEMS && g.notes.last() != Some(&place.0) {
            g.notes.push(place.0);
        }
    }
    // A merge speaks for the names its tie left open: answering it settles them.
    if ReviewItem::duplicate_pair(&g.group).is_some() {
        kind = Some(ReviewReason::DuplicateEntity);
    }
    g.kind = kind.unwrap_or(g.kind);
    g.about = g.notes.len() + vault_notes_besides(g, reports, vault_items).len();
    g.haystack = haystack(g, reports, vault_items);
}

/// The paths of the decision's items about the whole vault that are not the path of one of its
/// notes, each once.
fn vault_notes_besides<'a>(
    g: &Group,
    reports: &Reports,
    vault_items: &'a [ReviewItem],
) -> BTreeSet<&'a str> {
    let of_note = |path: &str| {
        // `notes` are in path order, as the reports are.
        (g.notes)
            .binary_search_by(|&n| {
                let at = reports.paths.get(n as usize).map(String::as_str);
                at.unwrap_or_default().cmp(path)
            })
            .is_ok()
    };
    (g.items.iter())
        .filter(|p| p.0 == VAULT_ITEMS)
        .filter_map(|p| vault_items.get(p.1 as usize))
        .map(|i| &*i.path)
        .filter(|path| !of_note(path))
        .collect()
}

/// The review item at `place`.
fn item_at<'a>(
    place: ItemAt,
    reports: &Reports<'a>,
    vault_items: &'a [ReviewItem],
) -> Option<&'a ReviewItem> {
    let (note, i) = (place.0 as usize, place.1 as usize);
    if place.0 == VAULT_ITEMS {
        vault_items.get(i)
    } else {
        reports.cells.get(note)?.get()?.review.get(i)
    }
}

/// What search looks in besides the notes: the decision's name, candidates and first message,
/// and the paths of its items about the whole vault, folded.
fn haystack(g: &Group, reports: &Reports, vault_items: &[ReviewItem]) -> String {
    let mut words: BTreeSet<&str> = BTreeSet::new();
    let mut first = true;
    for place in &g.items {
        let Some(item) = item_at(*place, reports, vault_items) else {
            continue;
        };
        if first {
            words.insert(&item.message);
            words.extend(item.name.as_deref());
            words.extend(item.candidates.iter().map(|c| &*c.name));
            first = false;
        }
        if place.0 == VAULT_ITEMS {
            words.insert(&item.path);
        }
    }
    fold(&words.into_iter().collect::<Vec<_>>().join("\n"))
}

impl Group {
    /// True when the decision's name, candidates, message or notes contain `search` (folded).
    fn matches(&self, search: &str, folded_paths: &[String]) -> bool {
        self.haystack.contains(search)
            || self.notes.iter().any(|n| {
                folded_paths
                    .get(*n as usize)
                    .is_some_and(|p| p.contains(search))
            })
    }
}

/// A page of the vault's review queue as decisions, from the warm state (computing what is
/// missing first), gathered through `index` (kept between calls while the vault is unchanged).
pub fn decision_page(
    vault: &mut Vault,
    index: &mut DecisionIndex,
    query: &DecisionQuery,
) -> DecisionPage {
    index.refresh(vault);
    let reports = Reports {
        paths: &index.paths,
        cells: &index.reports,
    };
    let vault_items = &*index.vault_items;
    let hidden: BTreeSet<&str> = query.hide.iter().map(String::as_str).collect();
    let shown: Vec<&Group> = (index.order.iter())
        .map(|&i| &index.groups[i])
        .filter(|g| !hidden.contains(g.group.as_str()))
        .collect();
    let mut counts: BTreeMap<usize, (ReviewReason, usize)> = BTreeMap::new();
    for g in &shown {
        counts.entry(kind_rank(g.kind)).or_insert((g.kind, 0)).1 += 1;
    }
    let kinds = counts
        .into_values()
        .map(|(kind, count)| KindCount {
            kind,
            label: kind_words(kind),
            count,
        })
        .collect();
    let search = fold(query.search.trim());
    let matching: Vec<&Group> = shown
        .into_iter()
        .filter(|g| {
            query.kind.is_none_or(|k| k == g.kind)
                && (search.is_empty() || g.matches(&search, &index.folded_paths))
        })
        .collect();
    let total = matching.len();
    let mut lacking = BTreeSet::new();
    let contexts = &mut index.contexts;
    let limit = query.limit.unwrap_or(usize::MAX);
    let mut cards: Vec<DecisionCard> = matching
        .iter()
        .skip(query.offset)
        .take(limit.max(query.prepare))
        .map(|g| {
            card(vault, g, &reports, vault_items, &mut |path, line, name| {
                let shown = contexts.get(vault, path, line, name);
                if shown.is_none() {
                    lacking.insert(path.to_string());
                }
                shown.unwrap_or_default()
            })
        })
        .collect();
    cards.truncate(limit);
    DecisionPage {
        total,
        kinds,
        items: index.items,
        offset: query.offset,
        cards,
        lacking: lacking.into_iter().collect(),
    }
}

/// The card of decision `g`. Only what it shows is read: the first items, the notes' paths;
/// `context` gives the text shown of a note's line for the card's name.
fn card(
    vault: &Vault,
    g: &Group,
    reports: &Reports,
    vault_items: &[ReviewItem],
    context: &mut dyn FnMut(&str, usize, Option<&str>) -> String,
) -> DecisionCard {
    let items = || {
        g.items
            .iter()
            .filter_map(|p| item_at(*p, reports, vault_items))
    };
    let Some(first) = items().next() else {
        return DecisionCard {
            group: g.group.clone(),
            kind: g.kind,
            name: None,
            title: kind_words(g.kind).to_string(),
            message: String::new(),
            mentions: g.mentions.max(1),
            notes: 0,
            candidates: Vec::new(),
            occurrences: Vec::new(),
            paths: Vec::new(),
            actions: vec![Action::Skip],
            company: None,
            merge: None,
        };
    };
    // The item of the card's kind speaks for it (its candidates, its message).
    let lead = items().find(|i| i.reason == g.kind).unwrap_or(first);
    let candidates = lead.candidates.clone();
    let name = lead.name.as_deref().map(str::to_string);
    let notes = g.about;
    // A decision about a name is answered once for every note: listing them (a thousand at
    // 10,000 notes) would only weigh on the page.
    // A merge is about its notes, not the notes writing a name its tie left open.
    let paths: Vec<String> = if name.is_some() {
        Vec::new()
    } else if g.kind == ReviewReason::DuplicateEntity {
        (items().filter(|i| i.reason == ReviewReason::DuplicateEntity))
            .map(|i| i.path.to_string())
            .collect()
    } else {
        let mut about = vault_notes_besides(g, reports, vault_items);
        about.extend(
            (g.notes.iter())
                .filter_map(|n| reports.paths.get(*n as usize))
                .map(String::as_str),
        );
        about.into_iter().map(str::to_string).collect()
    };
    let title = match (&name, candidates.first()) {
        (Some(n), Some(c)) if g.kind != ReviewReason::DuplicateEntity => {
            format!("{n} → {}?", c.name)
        }
        (Some(n), None) => format!("{n}: someone new?"),
        _ => format!("{}: {}", kind_words(g.kind), note_title(&first.path)),
    };
    // Occurrences on a line first; an item about a whole note only when it has no line.
    let occurrences = items()
        .filter(|i| i.line.is_some())
        .chain(items().filter(|i| i.line.is_none()))
        .flat_map(|i| {
            std::iter::once(i.line)
                .chain(i.also.iter().map(|l| Some(*l)))
                .map(move |line| (&*i.path, line))
        })
        .take(OCCURRENCES)
        .map(|(path, line)| Occurrence {
            path: path.to_string(),
            line,
            context: line
                .map(|l| context(path, l, name.as_deref()))
                .unwrap_or_default(),
        })
        .collect();
    let company = (g.kind == ReviewReason::CompanyConflict)
        .then(|| vault.engine().index().summary(&lead.path))
        .flatten()
        .and_then(|n| {
            Some(CompanyRecords {
                tag: format!("company/{}", n.company_tag.as_ref()?),
                table: n.company_table.clone()?,
            })
        });
    DecisionCard {
        group: g.group.clone(),
        kind: g.kind,
        title,
        message: lead.message.to_string(),
        mentions: g.mentions.max(1),
        notes,
        actions: {
            let mut offered = actions(g.kind, &candidates);
            // Someone new only when their note can be created.
            let creatable = name
                .as_deref()
                .is_some_and(|n| crate::actions::can_create_person(vault.engine().index(), n));
            if !creatable {
                offered.retain(|a| *a != Action::SomeoneNew);
            }
            // Keep the tag only when an organisation note says what the table should read.
            let index = vault.engine().index();
            if company
                .as_ref()
                .is_none_or(|c| crate::actions::tag_organisation(index, &c.tag).is_none())
            {
                offered.retain(|a| *a != Action::KeepTag);
            }
            if company.is_none() {
                offered.retain(|a| *a != Action::KeepTable);
            }
            offered
        },
        company,
        merge: crate::review::ReviewItem::duplicate_pair(&g.group).map(|(keep, gone)| {
            let (keep, gone) = crate::merge::merge_names(keep, gone);
            MergeNames { keep, gone }
        }),
        candidates,
        occurrences,
        paths,
        name,
    }
}

/// A note's title: its file name without the folder and `.md`.
fn note_title(path: &str) -> &str {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".md").unwrap_or(file)
}

/// A kind in words, for headings.
pub fn kind_words(kind: ReviewReason) -> &'static str {
    match kind {
        ReviewReason::NeedsReview => "Needs review",
        ReviewReason::CompanyConflict => "Company tag and table disagree",
        ReviewReason::DuplicateFacts => "Facts copied between people",
        ReviewReason::DuplicateEntity => "Likely the same person",
        ReviewReason::AmbiguousMention => "Could be several people",
        ReviewReason::UncertainMention => "Probably someone",
        ReviewReason::NewEntity => "Someone new",
        ReviewReason::InvalidFrontmatter => "Frontmatter cannot be read",
        ReviewReason::UnfilledPlaceholder => "Placeholder nothing can fill",
        ReviewReason::AmbiguousDate => "Ambiguous date",
        ReviewReason::KeyConflict => "Key written two ways",
        ReviewReason::Mojibake => "Uncertain mojibake",
        ReviewReason::InvalidDate => "Date not on the calendar",
    }
}

/// The text of line `line` (1-based) of `text`, trimmed, cut to about [`CONTEXT_CHARS`]
/// characters around `name` when it is longer.
fn context(text: &str, line: usize, name: Option<&str>) -> String {
    let Some(raw) = text.lines().nth(line.saturating_sub(1)) else {
        return String::new();
    };
    let raw = raw.trim();
    let chars: Vec<char> = raw.chars().collect();
    if chars.len() <= CONTEXT_CHARS {
        return raw.to_string();
    }
    // Where the name starts, in characters (the line's start when it is not found as written).
    let at = name
        .and_then(|n| raw.find(n))
        .map_or(0, |byte| raw[..byte].chars().count());
    let start = at.saturating_sub(CONTEXT_CHARS / 3);
    let end = (start + CONTEXT_CHARS).min(chars.len());
    let start = end.saturating_sub(CONTEXT_CHARS);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{Resolution, Settings};

    const PERSON: &str = "---\ntype: people\n---\n";

    fn vault(notes: &[(&str, String)]) -> Vault {
        let owned = notes
            .iter()
            .map(|(p, t)| (p.to_string(), t.clone()))
            .collect();
        Vault::build(Settings::default(), owned)
    }

    /// The card of the likely duplicate among `notes`' first page of decisions.
    fn duplicate_card(notes: &[(&str, String)]) -> DecisionCard {
        let mut v = vault(notes);
        let page = decision_page(
            &mut v,
            &mut DecisionIndex::default(),
            &DecisionQuery::default(),
        );
        (page.cards.into_iter())
            .find(|c| c.kind == ReviewReason::DuplicateEntity)
            .expect("a duplicate card")
    }

    /// Meetings naming Tobias Fenn as `[[Tobias Venn]]` (a misheard surname), twice per note.
    fn misheard(meetings: usize) -> Vec<(&'static str, String)> {
        let mut notes = vec![
            ("People/Tobias Fenn.md", PERSON.to_string()),
            ("People/Ada Park.md", PERSON.to_string()),
        ];
        let paths = ["m1.md", "m2.md", "m3.md", "m4.md"];
        for path in paths.iter().take(meetings) {
            notes.push((
                path,
                "---\ntype: meeting\n---\n\nWe asked [[Tobias Venn]] about it.\n\nLater [[Tobias Venn]] agreed.\n"
                    .to_string(),
            ));
        }
        notes
    }

    #[test]
    fn one_card_per_name_with_every_occurrence_counted() {
        let mut v = vault(&misheard(3));
        let page = decision_page(
            &mut v,
            &mut DecisionIndex::default(),
            &DecisionQuery::default(),
        );
        let names: Vec<&DecisionCard> = page.cards.iter().filter(|c| c.name.is_some()).collect();
        assert_eq!(names.len(), 1, "{page:#?}");
        let card = names[0];
        assert_eq!(card.title, "Tobias Venn → Tobias Fenn?");
        assert_eq!((card.mentions, card.notes), (6, 3));
        assert_eq!(card.occurrences.len(), OCCURRENCES);
        assert_eq!(
            card.occurrences[0].context,
            "We asked [[Tobias Venn]] about it."
        );
        assert_eq!(card.occurrences[1].line, Some(7));
        assert!(card.actions.contains(&Action::Accept));
        assert_eq!(card.actions.last(), Some(&Action::Skip));
        let evidence = &card.candidates[0].evidence;
        assert!(
            evidence
                .iter()
                .any(|w| &*w.factor == "name" && w.bits > 0.0),
            "{evidence:#?}"
        );
        assert!(page.items >= 3);
    }

    #[test]
    fn likely_duplicates_offer_a_merge() {
        let notes = vec![
            ("People/Ilse Varga.md", PERSON.to_string()),
            ("People/I. Varga.md", PERSON.to_string()),
        ];
        let card = duplicate_card(&notes);
        assert_eq!(card.actions, [Action::Merge, Action::Open, Action::Skip]);
        assert_eq!(
            card.merge,
            Some(MergeNames {
                keep: "Ilse Varga".into(),
                gone: "I. Varga".into()
            })
        );
        assert_eq!(
            crate::review::ReviewItem::duplicate_pair(&card.group),
            Some(("People/Ilse Varga.md", "People/I. Varga.md")),
            "the fuller name is kept"
        );
    }

    #[test]
    fn duplicates_of_one_title_are_named_by_their_folders() {
        let notes = vec![
            ("People/Ilse Varga.md", PERSON.to_string()),
            ("Archive/Ilse Varga.md", PERSON.to_string()),
        ];
        let card = duplicate_card(&notes);
        let names = card.merge.as_ref().expect("names");
        assert_ne!(names.keep, names.gone, "{names:?}");
        assert!(names.keep.ends_with("/Ilse Varga") && names.gone.ends_with("/Ilse Varga"));
    }

    #[test]
    fn pages_filter_by_kind_and_search_and_hide_skipped() {
        let mut notes = misheard(2);
        notes.push(("a.md", "---\ntags: [needs-review]\n---\n".into()));
        notes.push(("b.md", "---\ntags: [needs-review]\n---\n".into()));
        let mut v = vault(&notes);
        let all = decision_page(
            &mut v,
            &mut DecisionIndex::default(),
            &DecisionQuery::default(),
        );
        let count = |page: &DecisionPage, kind| {
            page.kinds
                .iter()
                .find(|k| k.kind == kind)
                .map_or(0, |k| k.count)
        };
        assert_eq!(count(&all, ReviewReason::NeedsReview), 2);
        assert_eq!(all.kinds[0].label, "Probably someone");
        // Names come first.
        assert!(all.cards[0].name.is_some());
        let query = DecisionQuery {
            kind: Some(ReviewReason::NeedsReview),
            offset: 1,
            limit: Some(5),
            ..DecisionQuery::default()
        };
        let page = decision_page(&mut v, &mut DecisionIndex::default(), &query);
        assert_eq!((page.total, page.cards.len()), (2, 1));
        assert_eq!(page.cards[0].title, "Needs review: b");
        assert_eq!(
            page.cards[0].actions,
            [Action::Open, Action::MarkReviewed, Action::Skip]
        );
        let search = DecisionQuery {
            search: "FENN".into(),
            ..DecisionQuery::default()
        };
        assert_eq!(
            decision_page(&mut v, &mut DecisionIndex::default(), &search).total,
            1
        );
        let hide = DecisionQuery {
            hide: vec!["needs_review:a.md".into()],
            ..DecisionQuery::default()
        };
        let hidden = decision_page(&mut v, &mut DecisionIndex::default(), &hide);
        assert_eq!(count(&hidden, ReviewReason::NeedsReview), 1);
    }

    #[test]
    fn an_answer_settles_every_occurrence_without_reading_the_vault_again() {
        let mut v = vault(&misheard(4));
        v.refresh();
        // One index throughout, as the plugin keeps it: it must follow every change.
        let mut index = DecisionIndex::default();
        let mut answered = |v: &mut Vault| {
            decision_page(v, &mut index, &DecisionQuery::default())
                .cards
                .iter()
                .any(|c| c.name.as_deref() == Some("Tobias Venn"))
        };
        assert!(answered(&mut v));
        let mut settings = v.settings().clone();
        settings.accepted.push(Resolution {
            text: "Tobias Venn".into(),
            entity: "Tobias Fenn".into(),
        });
        v.set_settings(settings.clone());
        assert_eq!(v.stale(), 4, "only the meetings that read the answer");
        assert!(!answered(&mut v));
        // A word that is not a name is never asked about.
        let mut settings = Settings::default();
        settings.not_names.push("tobias venn".into());
        v.set_settings(settings);
        assert!(!answered(&mut v));
        assert!(v
            .mentions("m1.md")
            .unwrap()
            .iter()
            .all(|m| m.resolved.is_none() || m.text != "Tobias Venn"));
    }

    #[test]
    fn a_participant_said_not_to_be_a_name_is_not_someone_new() {
        let meeting = "---\ntype: meeting\nparticipants: [Ada Park, Room Four B]\n---\n";
        let mut notes = vec![("People/Ada Park.md", PERSON.to_string())];
        notes.push(("m1.md", meeting.to_string()));
        notes.push(("m2.md", meeting.to_string()));
        let mut v = vault(&notes);
        let names = |v: &mut Vault| -> Vec<String> {
            decision_page(v, &mut DecisionIndex::default(), &DecisionQuery::default())
                .cards
                .into_iter()
                .filter_map(|c| c.name)
                .collect()
        };
        assert_eq!(names(&mut v), ["Room Four B"]);
        let mut settings = Settings::default();
        settings.not_names.push("room four b".into());
        v.set_settings(settings.clone());
        assert!(names(&mut v).is_empty());
        let owned = notes
            .iter()
            .map(|(p, t)| (p.to_string(), t.clone()))
            .collect();
        assert!(names(&mut Vault::build(settings, owned)).is_empty());
    }

    #[test]
    fn a_company_conflict_offers_to_keep_either_record() {
        let person = |tag: &str| {
            format!(
                "---\ntype: people\ntags: [type/people, {tag}]\n---\n# X\n\n\
                 | Field | Value |\n|---|---|\n| **Company** | Quill Labs |\n"
            )
        };
        let notes = vec![
            (
                "Organizations/Harrow Finch.md",
                "---\ntype: organization\n---\n".to_string(),
            ),
            ("People/Ada Park.md", person("company/harrow-finch")),
            ("People/Bo Lind.md", person("company/nowhere-inc")),
        ];
        let mut v = vault(&notes);
        let query = DecisionQuery {
            kind: Some(ReviewReason::CompanyConflict),
            ..DecisionQuery::default()
        };
        let page = decision_page(&mut v, &mut DecisionIndex::default(), &query);
        assert_eq!(page.total, 2, "{page:#?}");
        let ada = &page.cards[0];
        assert_eq!(
            ada.company,
            Some(CompanyRecords {
                tag: "company/harrow-finch".into(),
                table: "Quill Labs".into()
            })
        );
        assert_eq!(
            ada.actions,
            [
                Action::KeepTable,
                Action::KeepTag,
                Action::Open,
                Action::Skip
            ]
        );
        // No organisation note answers to the tag: the table's name is all there is to keep.
        assert_eq!(
            page.cards[1].actions,
            [Action::KeepTable, Action::Open, Action::Skip]
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_name() {
        let line = format!("{} Nico said so {}", "a".repeat(300), "b".repeat(300));
        let cut = context(&line, 1, Some("Nico"));
        assert!(cut.starts_with('…') && cut.ends_with('…'));
        assert!(cut.contains("Nico said so"));
        assert!(cut.chars().count() <= CONTEXT_CHARS + 2);
        assert_eq!(context("x\n  short  \n", 2, None), "short");
    }

    #[test]
    fn a_kept_index_follows_the_vault_as_a_fresh_one_would() {
        let mut v = vault(&misheard(3));
        let mut kept = DecisionIndex::default();
        let query = DecisionQuery::default();
        let fresh = |v: &mut Vault| {
            format!(
                "{:?}",
                decision_page(v, &mut DecisionIndex::default(), &query)
            )
        };
        let tagged = "---\ntags: [needs-review]\n---\nAsk [[Tobias Venn]] and [[Ada Parc]].\n";
        let steps: [(&str, Option<&str>); 6] = [
            ("m2.md", Some(tagged)),
            ("m1.md", Some("Nothing to ask.\n")),
            ("m5.md", Some(tagged)),
            ("m3.md", None),
            ("People/Ada Park.md", None),
            ("m2.md", Some("---\ntitle: [unclosed\n---\n")),
        ];
        decision_page(&mut v, &mut kept, &query);
        for (path, text) in steps {
            match text {
                Some(text) => v.upsert(path, text),
                None => v.remove(path),
            };
            let got = format!("{:?}", decision_page(&mut v, &mut kept, &query));
            assert_eq!(got, fresh(&mut v), "after {path}");
        }
        let mut settings = Settings::default();
        settings.accepted.push(Resolution {
            text: "Tobias Venn".into(),
            entity: "Tobias Fenn".into(),
        });
        v.set_settings(settings);
        let got = format!("{:?}", decision_page(&mut v, &mut kept, &query));
        assert_eq!(got, fresh(&mut v), "after an answer");
    }

    #[test]
    fn saved_decisions_answer_the_vault_restored_from_its_snapshot_and_no_other() {
        let notes = misheard(3);
        let mut v = vault(&notes);
        let mut kept = DecisionIndex::default();
        let query = DecisionQuery::default();
        let page = format!("{:?}", decision_page(&mut v, &mut kept, &query));
        let saved = kept.saved(&v).expect("gathered from the vault as it is");
        let present: BTreeSet<&str> = notes.iter().map(|(p, _)| *p).collect();
        let settings = v.settings().clone();
        let restore = |present: &BTreeSet<&str>| {
            Vault::restore_unread(settings.clone(), v.snapshot(), Vec::new(), present).unwrap()
        };
        let mut restored = restore(&present);
        let mut index = DecisionIndex::default();
        assert!(index.restore(saved.clone(), &mut restored));
        for (path, text) in &notes {
            assert!(restored.supply_text(path, Arc::from(text.as_str())));
        }
        let got = format!("{:?}", decision_page(&mut restored, &mut index, &query));
        assert_eq!(got, page);
        // A note gone since: the saved decisions are not taken.
        let fewer: BTreeSet<&str> = present.iter().copied().skip(1).collect();
        let mut changed = restore(&fewer);
        assert!(!DecisionIndex::default().restore(saved.clone(), &mut changed));
        // Changed since they were gathered: not saved.
        v.upsert("m1.md", "Nothing to ask.\n");
        assert_eq!(kept.saved(&v), None);
    }

    /// A meeting naming each of `names` (misheard people, people nobody wrote a note for)
    /// `times` times, tagged for review when `tagged`.
    fn meeting(names: &[&str], times: usize, tagged: bool) -> String {
        let mut text = String::from("---\ntype: meeting\n");
        if tagged {
            text += "tags: [needs-review]\n";
        }
        text += "---\n\n";
        for name in names {
            for _ in 0..times {
                text += &format!("We asked [[{name}]] about it.\n\n");
            }
        }
        text
    }

    const NAMES: [&str; 6] = [
        "Tobias Venn",
        "Ada Parc",
        "Ola Berg",
        "Tobias Fen",
        "Nils Ek",
        "Ada Parkk",
    ];

    proptest::proptest! {
        #![proptest_config(crate::proptest_config::cases(24))]

        /// Decisions kept from one page to the next — moved in place when a few change, as on
        /// a save — equal the decisions gathered from scratch after every change.
        #[test]
        fn a_kept_index_equals_a_fresh_one_after_any_changes(
            steps in proptest::collection::vec(
                (0usize..6, proptest::option::of((proptest::bits::u8::ANY, 1usize..4, proptest::bool::ANY))),
                1..8,
            )
        ) {
            let mut notes = vec![
                ("People/Tobias Fenn.md", PERSON.to_string()),
                ("People/Ada Park.md", PERSON.to_string()),
            ];
            let paths = ["m0.md", "m1.md", "m2.md", "m3.md", "m4.md", "m5.md"];
            for (i, path) in paths.iter().enumerate() {
                notes.push((path, meeting(&NAMES[..=i], 1 + i % 2, i == 3)));
            }
            let mut v = vault(&notes);
            let mut kept = DecisionIndex::default();
            let query = DecisionQuery::default();
            decision_page(&mut v, &mut kept, &query);
            for (note, change) in steps {
                match change {
                    Some((which, times, tagged)) => {
                        let names: Vec<&str> = (NAMES.iter().enumerate())
                            .filter(|(i, _)| which & (1 << i) != 0)
                            .map(|(_, n)| *n)
                            .collect();
                        v.upsert(paths[note], &meeting(&names, times, tagged))
                    }
                    None => v.remove(paths[note]),
                };
                let got = format!("{:?}", decision_page(&mut v, &mut kept, &query));
                let fresh = decision_page(&mut v, &mut DecisionIndex::default(), &query);
                proptest::prop_assert_eq!(got, format!("{fresh:?}"));
            }
        }
    }
}
