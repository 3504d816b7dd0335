//! WebAssembly binding of Vault Curator's engine, used by the Obsidian plugin.
//!
//! A thin adapter over the core's warm vault state ([`curator_core::vault::Vault`], held with
//! the notes not indexed yet in [`live`]): arguments come in as JS strings and plain objects,
//! results go out as plain objects (serde-wasm-bindgen, JSON-compatible: `None` is `null`).
//! Besides converting values it converts edit offsets: the engine's byte offsets become JS
//! string (UTF-16) indices in [`offsets`], so JS never sees a byte offset. Whole-vault queries
//! live in [`owners`] (open tasks by owner), [`sections`] (person notes' generated sections) and
//! the core's [`curator_core::decisions`] (the review queue). Problems with a note are values (`error` fields); only bad arguments
//! throw.

// Errors are values: no `unwrap`, `expect` or `panic!` outside tests, enforced by clippy.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod journal;
pub mod link_back;
pub mod live;
pub mod memory_growth;
pub mod merge;
pub mod note_mentions;
pub mod offsets;
pub mod owners;
pub mod sections;
pub mod state_bytes;
pub mod texts;
pub mod warm_start;

use curator_core::actions;
use curator_core::decisions::DecisionQuery;
use curator_core::engine::{FixOutcome, NoteReport};
use curator_core::{Edit, NoteError, ReviewItem, Settings};
use live::LiveVault;
use offsets::Offsets;
use owners::TasksQuery;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Rule switches by the rules' keys (`keyCase: false`); see `rules()` for every rule. */
export type Rules = Record<string, boolean>;
/** One rule of the engine, as the settings tab shows it. */
export interface RuleInfo { name: string; key: string; defaultOn: boolean; title: string; description: string; }
/** A review answer remembered for next time: the mention as written and the note it names. */
export interface Resolution { text: string; entity: string; }
/** The engine's settings: the plugin's data.json, also read by the CLI. */
export interface Settings {
  rules: Rules;
  listStyle: "keep" | "flow" | "block";
  peopleFolders: string[];
  orgFolders: string[];
  peopleTypes: string[];
  orgTypes: string[];
  dateKeys: string[];
  propertyTypes: Record<string, string>;
  optOutKey: string;
  handleStyle: "detect" | "spaced" | "camel";
  accepted: Resolution[];
  rejected: Resolution[];
  /** Written words the user said are not names: never asked about again. */
  notNames: string[];
  ignore: string[];
  templateFolders: string[];
  declaredTemplates: string[];
  tasksGlobalFilter: string;
  tasksRemoveGlobalFilter: boolean;
  /** Status types the Tasks plugin's settings give checkbox symbols (`{"d": "DONE"}`). */
  tasksStatuses: Record<string, "TODO" | "DONE" | "IN_PROGRESS" | "ON_HOLD" | "CANCELLED" | "NON_TASK">;
  /** Today's date (`YYYY-MM-DD`): a meeting dated later has not taken place. Empty: none is in the future. */
  today: string;
}
/** Settings as accepted by the engine: every missing field takes its default. */
export type SettingsInput = Partial<Settings>;
/** One change: replace `text.slice(start, end)` with `replacement`. Offsets are JS string indices. */
export interface Edit { start: number; end: number; replacement: string; rule: string; reason: string; }
/** An edit handed to `applyEdits`: `rule` and `reason` are optional there. */
export type EditInput = Pick<Edit, "start" | "end" | "replacement"> & Partial<Pick<Edit, "rule" | "reason">>;
export type ReviewReason =
  | "needs_review" | "company_conflict" | "duplicate_facts" | "duplicate_entity"
  | "ambiguous_mention" | "uncertain_mention" | "new_entity" | "invalid_frontmatter"
  | "unfilled_placeholder" | "ambiguous_date" | "key_conflict" | "mojibake" | "invalid_date";
/** One piece of evidence for a candidate and its weight in bits (positive for, negative against). */
export interface Weight { factor: "name" | "phonetics" | "meeting" | "line" | "company" | "credit"; bits: number; words: string; }
/** A ranked suggestion of a review item; `path` is its note's (what tells two notes of one title apart); `evidence` is given for names asked about in review. */
export interface Candidate { name: string; path?: string; score: number; evidence?: Weight[]; }
/** What a person can do about a decision. */
export type Action = "accept" | "pick" | "someone_new" | "not_this_person" | "not_a_name" | "mark_reviewed" | "keep_tag" | "keep_table" | "merge" | "open" | "skip";
/** Which of a person's two disagreeing company records to keep. */
export type KeepCompany = "tag" | "table";
/** Which decisions to return; every field is optional. */
export interface DecisionQuery {
  /** Index of the first card (0). */
  offset?: number;
  /** How many cards at most (all). */
  limit?: number | null;
  /** Only decisions of this kind (all). */
  kind?: ReviewReason | null;
  /** Only decisions whose name, candidates, message or notes contain this (case and accents folded). */
  search?: string;
  /** Groups left out (skipped for now). */
  hide?: string[];
  /** How many cards from `offset` to make ready past those returned, their lines read (0). */
  prepare?: number;
}
/** One place a decision is about: `line` 1-based, `context` the line's text around it. */
export interface Occurrence { path: string; line: number | null; context: string; }
/** Everything the review pane shows of one decision. */
export interface DecisionCard {
  group: string;
  kind: ReviewReason;
  /** The written name, for decisions about a name. */
  name: string | null;
  title: string;
  message: string;
  /** Occurrences (lines of notes) one answer settles, and in how many notes. */
  mentions: number;
  notes: number;
  candidates: Candidate[];
  occurrences: Occurrence[];
  /** Every note the decision is about, for decisions about notes; empty for a written name (`notes` counts them). */
  paths: string[];
  actions: Action[];
  /** For a company tag and table that disagree: what each says. */
  company: { tag: string; table: string } | null;
  /** For likely duplicates: the note kept and the one merged into it, by title, or by path when both have one title. */
  merge: { keep: string; gone: string } | null;
}
/** One page of decisions. */
export interface DecisionPage {
  /** Decisions matching the query. */
  total: number;
  /** Decisions of each kind in the whole queue (skipped ones aside), in queue order. */
  kinds: { kind: ReviewReason; label: string; count: number }[];
  /** Review items in the whole queue. */
  items: number;
  offset: number;
  cards: DecisionCard[];
}
/** A note to create. */
export interface NewNote { path: string; text: string; }
/** One entry of the review queue; `line` is 1-based. */
export interface ReviewItem {
  path: string;
  line: number | null;
  reason: ReviewReason;
  message: string;
  candidates?: Candidate[];
  /** The decision the item belongs to: shared by every item one answer settles. */
  group: string;
  /** The name as written, for items about a name. */
  name?: string;
  /** Other lines of the note the same answer settles. */
  also?: number[];
}
/** Why a note cannot be edited; the note is then left untouched. */
export interface NoteError { path: string; line: number | null; message: string; }
/** What fixing a note would do. `edits` are against the text passed in. */
export interface NoteReport { path: string; edits: Edit[]; review: ReviewItem[]; error: NoteError | null; }
/** A note's report without its review items: the edits a save applies. */
export interface NoteEdits { path: string; edits: Edit[]; error: NoteError | null; }
/** One change `fix` made (spans are left out: later passes edit earlier passes' output). */
export interface AppliedChange { rule: string; reason: string; replacement: string; }
/** The result of fixing a note: `text` is null when nothing changed or on error. */
export interface FixResult { text: string | null; applied: AppliedChange[]; review: ReviewItem[]; error: NoteError | null; }
/** A note handed to `stageNotes`. */
export interface NoteText { path: string; text: string; }
/** How far loading and warming have come: indexed notes, notes still staged, notes whose check report is still to compute, notes of a warm start still to read, and stale notes waiting for their text. */
export interface Progress { notes: number; staged: number; stale: number; unread: number; waiting: number; }
/** A note's file as the vault lists it: modification time in ms and size in bytes. */
export interface NoteStat { path: string; mtime: number; size: number; }
/** A warm start: notes held on trust, and the notes to read first (new or changed since the state was saved). */
export interface WarmStart { trusted: number; changed: string[]; }
/** A person note whose generated sections (open tasks, meetings) are out of date: write `text` only over `original`. */
export interface SectionUpdate { path: string; original: string; text: string; }
export type Priority = "highest" | "high" | "medium" | "none" | "low" | "lowest";
/** A task, with the field names of the CLI's JSON contract; `line` is 1-based. */
export interface Task {
  path: string;
  line: number;
  status?: string;
  description?: string;
  owners?: string[];
  priority?: Priority;
  due?: string | null;
  scheduled?: string | null;
  start?: string | null;
  created?: string | null;
  done?: string | null;
  cancelled?: string | null;
  recurrence?: string | null;
  tags?: string[];
  id?: string | null;
  depends_on?: string[];
  /** Date fields that are not on the calendar (the date above is then null); absent when none. */
  invalid_dates?: { field: string; text: string }[];
}
/** A person or organisation mention, with the field names of the CLI's JSON contract. */
export interface Mention {
  path: string;
  line: number;
  text: string;
  kind?: "wikilink" | "owner" | "participant" | "via" | "text";
  resolved?: string | null;
  decision?: "exact" | "alias" | "auto" | "review" | "unknown";
  confidence?: number;
  candidates?: Candidate[];
  reasons?: string[];
}
/** Which owners' open tasks to return; every field is optional. */
export interface TasksQuery {
  /** Index of the first owner (0). */
  offset?: number;
  /** How many owners at most (all). */
  groups?: number | null;
  /** At most this many tasks per owner, soonest due first (all). */
  limit?: number | null;
}
/** One owner's open tasks (`owner` null: nobody's); `count` may exceed `tasks.length`. */
export interface OwnerTasks { owner: string | null; count: number; tasks: Task[]; }
/** Open tasks by owner, owners in alphabetical order and nobody's last; `total` owners in all. */
export interface TasksPage { total: number; offset: number; groups: OwnerTasks[]; }
/** One note a write changed: its text before and after. */
export interface NoteWrite { path: string; before: string; after: string; }
/** A run of the undo journal, as its JSON file holds it (`after`: a 16-hex-digit hash of what was written). */
export interface JournalRun { id: string; source: string; time: number; notes: { path: string; before: string; after: string }[]; }
/** Who wrote a run of the undo journal, when (ms since 1970), and which notes. */
export interface RunInfo { id: string; source: string; time: number; paths: string[]; }
/** A note's text now, as read before undoing (`null`: the note is gone). */
export interface CurrentText { path: string; text: string | null; }
/** A note an undo writes back. */
export interface Restore { path: string; text: string; }
/** What undoing a run does: notes to write back (only over the text read), notes left alone and why. */
export interface UndoPlan { run: RunInfo; restore: Restore[]; refused: { path: string; why: string }[]; }
/** The notes an undo wrote back, as the put-back file holds them (`text`: a 16-hex-digit hash). */
export interface PutBack { notes: { path: string; text: string }[]; }
/** A run's file in the journal folder: its id and size in bytes. */
export interface StoredRun { id: string; size: number; }
"#;

/// The warm vault state as seen from JS: notes are staged, indexed and warmed in steps the
/// caller paces (see [`live`]); queries are answered from what is computed.
#[wasm_bindgen]
pub struct Curator {
    live: LiveVault,
}

#[wasm_bindgen]
impl Curator {
    /// An empty vault. `settings` may be partial, `undefined` or `null`: missing fields take
    /// their defaults. Throws when a field has the wrong type.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "SettingsInput | null | undefined")]
        settings: JsValue,
    ) -> Result<Curator, JsError> {
        Ok(Curator {
            live: LiveVault::new(settings_from(settings)?),
        })
    }

    /// Replaces the settings. Every note is staged again (settings decide which notes are
    /// people and which are ignored): index them with `indexStaged`.
    #[wasm_bindgen(js_name = setSettings)]
    pub fn set_settings(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "SettingsInput | null | undefined")]
        settings: JsValue,
    ) -> Result<(), JsError> {
        self.live.set_settings(settings_from(settings)?);
        Ok(())
    }

    /// The settings in use, every field present (every rule's switch written out).
    #[wasm_bindgen(unchecked_return_type = "Settings")]
    pub fn settings(&self) -> Result<JsValue, JsError> {
        to_js(&curator_core::rules::complete(
            self.live.vault().settings().clone(),
        ))
    }

    /// Hands notes over to be indexed by `indexStaged` (the initial load); returns how many
    /// notes are staged.
    #[wasm_bindgen(js_name = stageNotes)]
    pub fn stage_notes(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "NoteText[]")] notes: JsValue,
    ) -> Result<usize, JsError> {
        let notes: Vec<NoteText> =
            from_js(notes, "stageNotes: notes must be an array of {path, text}")?;
        for note in notes {
            self.live.stage(note.path, note.text);
        }
        Ok(self.live.staged())
    }

    /// Indexes up to `limit` staged notes: all in one pass when the vault is empty, one by one
    /// otherwise. Returns how many remain staged.
    #[wasm_bindgen(js_name = indexStaged)]
    pub fn index_staged(&mut self, limit: u32) -> usize {
        self.live.index_staged(limit as usize)
    }

    /// Computes the check reports and tasks still missing, for about `budgetMs` milliseconds
    /// (at least one note); nothing while notes are staged.
    #[wasm_bindgen(unchecked_return_type = "Progress")]
    pub fn warm(
        &mut self,
        #[wasm_bindgen(js_name = "budgetMs")] budget_ms: f64,
    ) -> Result<JsValue, JsError> {
        let deadline = js_sys::Date::now() + budget_ms;
        to_js(&self.live.warm(|| js_sys::Date::now() < deadline))
    }

    /// True when every note handed over is indexed and read: what the queries about single
    /// notes wait for. It costs nothing, where `progress` counts the stale notes (a scan of
    /// every note), so every request on a save's path asks this instead.
    pub fn indexed(&self) -> bool {
        self.live.indexed()
    }

    /// How far loading and warming have come.
    #[wasm_bindgen(unchecked_return_type = "Progress")]
    pub fn progress(&self) -> Result<JsValue, JsError> {
        to_js(&self.live.progress())
    }

    /// Adds or replaces a note (on create and modify).
    #[wasm_bindgen(js_name = upsertNote)]
    pub fn upsert_note(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<(), JsError> {
        let (path, text) = (string_arg(&path, "path")?, string_arg(&text, "text")?);
        self.live.upsert(&path, &text);
        Ok(())
    }

    /// The note at `path` was opened in an editor (`text`, as read): it is read now, so that
    /// its saves read only the lines that changed, its text is kept while it is edited
    /// (nothing for a path not indexed, or a text that is not the note's), and the memory its
    /// saves will take is made room for now ([`memory_growth::keep_room`]).
    #[wasm_bindgen(js_name = openNote)]
    pub fn open_note(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<(), JsError> {
        let (path, text) = (string_arg(&path, "path")?, string_arg(&text, "text")?);
        self.live.start_editing(&path, &text);
        memory_growth::keep_room();
        Ok(())
    }

    /// Forgets a note (on delete); unknown paths are ignored.
    #[wasm_bindgen(js_name = removeNote)]
    pub fn remove_note(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
    ) -> Result<(), JsError> {
        self.live.remove(&string_arg(&path, "path")?);
        Ok(())
    }

    /// Moves a note (on rename); `text` is its text at the new path.
    #[wasm_bindgen(js_name = renameNote)]
    pub fn rename_note(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string", js_name = "oldPath")] old_path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string", js_name = "newPath")] new_path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<(), JsError> {
        let old_path = string_arg(&old_path, "oldPath")?;
        let new_path = string_arg(&new_path, "newPath")?;
        let text = string_arg(&text, "text")?;
        self.live.rename(&old_path, &new_path, &text);
        Ok(())
    }

    /// How many indexed notes the engine reads (ignored paths are not counted).
    #[wasm_bindgen(js_name = noteCount)]
    pub fn note_count(&self) -> usize {
        self.live.vault().engine().index().len()
    }

    /// What fixing the note would do, with edit offsets as JS string indices into `text`.
    /// Answered from the warm state when `text` is the note's indexed text.
    #[wasm_bindgen(unchecked_return_type = "NoteReport")]
    pub fn check(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsError> {
        let (report, edits, error) = self.edits_of(&path, &text)?;
        to_js(&NoteReport {
            path: report.path.clone(),
            edits,
            review: report.review.clone(),
            error,
        })
    }

    /// [`Curator::check`] without the review items: the edits alone, what a save applies.
    /// A long meeting's review items (their candidates and evidence) are most of its report,
    /// and the queue reads them from the warm state, not from a save.
    #[wasm_bindgen(unchecked_return_type = "NoteEdits")]
    pub fn edits(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsError> {
        let (report, edits, error) = self.edits_of(&path, &text)?;
        to_js(&NoteEdits {
            path: &report.path,
            edits,
            error,
        })
    }

    /// The fixed text (null when nothing changes), the changes made and the review items.
    /// Answered from the warm state when `text` is the note's indexed text.
    #[wasm_bindgen(unchecked_return_type = "FixResult")]
    pub fn fix(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsError> {
        let (path, text) = (string_arg(&path, "path")?, string_arg(&text, "text")?);
        let fixed = match self.live.holds(&path, &text) {
            true => self.live.vault_mut().fixed(&path),
            false => None,
        };
        let fixed = fixed.unwrap_or_else(|| self.live.vault().engine().fix(&path, &text));
        to_js(&FixResult::from(fixed))
    }

    /// Every task in the note. Answered from the warm state when `text` is the note's indexed
    /// text.
    #[wasm_bindgen(unchecked_return_type = "Task[]")]
    pub fn tasks(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsError> {
        let (path, text) = (string_arg(&path, "path")?, string_arg(&text, "text")?);
        if self.live.holds(&path, &text) {
            if let Some(tasks) = self.live.vault_mut().tasks(&path) {
                return to_js(&*tasks);
            }
        }
        to_js(&self.live.vault().engine().tasks(&path, &text))
    }

    /// Every person and organisation mention in the note, resolved. Answered from the warm
    /// state when `text` is the note's indexed text.
    #[wasm_bindgen(unchecked_return_type = "Mention[]")]
    pub fn mentions(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsError> {
        let (path, text) = (string_arg(&path, "path")?, string_arg(&text, "text")?);
        if self.live.holds(&path, &text) {
            if let Some(mentions) = self.live.vault_mut().mentions(&path) {
                return to_js(&*mentions);
            }
        }
        to_js(&self.live.vault().engine().mentions(&path, &text))
    }

    /// A page of the review queue as decisions: one card per answer to give, with what the
    /// review pane shows of it (see [`curator_core::decisions`]); the notes to lend first
    /// when the engine lacks the text of a line a card shows ([`texts::NeedsTexts`]).
    #[wasm_bindgen(js_name = reviewDecisions, unchecked_return_type = "DecisionPage | NeedsTexts")]
    pub fn review_decisions(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "DecisionQuery | null | undefined")] query: JsValue,
    ) -> Result<JsValue, JsError> {
        let query: DecisionQuery = query_from(query, "reviewDecisions")?;
        let page = self.live.decision_page(&query);
        match texts::NeedsTexts::of(page.lacking.clone()) {
            Some(needs) => to_js(&needs),
            None => to_js(&page),
        }
    }

    /// The note for someone new named `name`, in the vault's own people-note layout; null when
    /// the name cannot be a file name or a note of that name exists. The people notes it reads
    /// may have to be lent first ([`texts::NeedsTexts`]).
    #[wasm_bindgen(js_name = personNote, unchecked_return_type = "NewNote | null | NeedsTexts")]
    pub fn person_note(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    ) -> Result<JsValue, JsError> {
        let vault = self.live.vault();
        let reads = texts::TextReads::new(vault);
        let note = actions::person_note(
            vault.engine().index(),
            &|p| reads.text(p),
            &string_arg(&name, "name")?,
        );
        texts::answer(reads, &note)
    }

    /// `text` (the note at `path`) with `needs-review` taken out of its tags; null when it has
    /// not the tag. Throws when its frontmatter cannot be edited.
    #[wasm_bindgen(js_name = markReviewed, unchecked_return_type = "string | null")]
    pub fn mark_reviewed(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsError> {
        let (path, text) = (string_arg(&path, "path")?, string_arg(&text, "text")?);
        let index = self.live.vault().engine().index();
        let edits = actions::mark_reviewed(index, &path, &text)
            .map_err(|e| JsError::new(&e.to_string()))?;
        edited(&path, &text, &edits)
    }

    /// `text` (the note at `path`) with its company tag and Contact Information table made to
    /// agree, keeping `keep` (`"tag"` or `"table"`); null when they already agree. Throws,
    /// saying why, when it cannot be done.
    #[wasm_bindgen(js_name = keepCompany, unchecked_return_type = "string | null")]
    pub fn keep_company(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_param_type = "KeepCompany")] keep: JsValue,
    ) -> Result<JsValue, JsError> {
        let (path, text) = (string_arg(&path, "path")?, string_arg(&text, "text")?);
        let keep: actions::KeepCompany = serde_wasm_bindgen::from_value(keep)
            .map_err(|_| JsError::new("keepCompany: keep must be \"tag\" or \"table\""))?;
        let index = self.live.vault().engine().index();
        let edits = actions::keep_company(index, &path, &text, keep)
            .map_err(|e| JsError::new(&e.to_string()))?;
        edited(&path, &text, &edits)
    }

    /// A page of the vault's open tasks grouped by owner, soonest due first.
    #[wasm_bindgen(js_name = tasksByOwner, unchecked_return_type = "TasksPage")]
    pub fn tasks_by_owner(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "TasksQuery | null | undefined")] query: JsValue,
    ) -> Result<JsValue, JsError> {
        let query: TasksQuery = query_from(query, "tasksByOwner")?;
        to_js(&self.live.tasks_page(&query))
    }

    /// Every task of the vault, in path and line order.
    #[wasm_bindgen(js_name = allTasks, unchecked_return_type = "Task[]")]
    pub fn all_tasks(&mut self) -> Result<JsValue, JsError> {
        let all = self.live.vault_mut().all_tasks();
        to_js(&all.iter().flat_map(|t| t.iter()).collect::<Vec<_>>())
    }

    /// The person notes whose generated sections (open tasks, meetings) are out of date, each
    /// with the text it was computed from and its new text.
    #[wasm_bindgen(js_name = sectionUpdates, unchecked_return_type = "SectionUpdate[] | NeedsTexts")]
    pub fn section_updates(&mut self) -> Result<JsValue, JsError> {
        match sections::section_updates(self.live.vault_mut()).map_err(|e| JsError::new(&e))? {
            Ok(updates) => to_js(&updates),
            Err(needs) => to_js(&needs),
        }
    }

    /// Review items about the vault as a whole (duplicate people, recurring unknown names).
    #[wasm_bindgen(js_name = vaultReview, unchecked_return_type = "ReviewItem[]")]
    pub fn vault_review(&mut self) -> Result<JsValue, JsError> {
        to_js(&*self.live.vault_mut().vault_review())
    }
}

impl Curator {
    /// The check report of `text` at `path`: the warm state's when `text` is the note's indexed
    /// text, else computed (for an editor's buffer, from what the note's earlier checks learnt).
    fn report_of(&mut self, path: &str, text: &str) -> std::sync::Arc<NoteReport> {
        let kept = match self.live.holds(path, text) {
            true => self.live.vault_mut().report(path),
            false => None,
        };
        kept.unwrap_or_else(|| std::sync::Arc::new(self.live.vault_mut().check_text(path, text)))
    }

    /// The report of the note the `path` and `text` arguments name ([`Curator::report_of`]),
    /// with its edits in JS string indices and its error ([`edits_in_utf16`]).
    fn edits_of(&mut self, path: &JsValue, text: &JsValue) -> Result<ReportEdits, JsError> {
        let (path, text) = (string_arg(path, "path")?, string_arg(text, "text")?);
        let report = self.report_of(&path, &text);
        let (edits, error) = edits_in_utf16(&report, &text);
        Ok((report, edits, error))
    }
}

/// A note's report, with its edits in JS string indices and its error.
type ReportEdits = (std::sync::Arc<NoteReport>, Vec<Edit>, Option<NoteError>);

/// The warm start: the vault's state saved as bytes, and
/// a start from them that reads the notes behind the saved results (see [`warm_start`]).
#[wasm_bindgen]
impl Curator {
    /// The vault's state as bytes to save, each note with the file time and size of the text
    /// the engine read (`stats`; a note without one is read before it is trusted again).
    #[wasm_bindgen(js_name = saveState)]
    pub fn save_state(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "NoteStat[]")] stats: JsValue,
    ) -> Result<js_sys::Uint8Array, JsError> {
        let stats: Vec<warm_start::NoteStat> = from_js(
            stats,
            "saveState: stats must be an array of {path, mtime, size}",
        )?;
        // Each block copied out as soon as it is written and freed: the state never sits
        // whole in WebAssembly memory, which never shrinks.
        let (mut blocks, mut len) = (Vec::new(), 0u32);
        warm_start::save(&mut self.live, &stats, &mut |block| {
            blocks.push(js_sys::Uint8Array::from(block));
            len += block.len() as u32;
        });
        let array = js_sys::Uint8Array::new_with_length(len);
        let mut at = 0;
        for block in blocks {
            array.set(&block, at);
            at += block.length();
        }
        Ok(array)
    }

    /// Starts from a saved state over the vault's notes now (every markdown note: `paths`
    /// joined by NUL characters, and `stats` each one's modification time and size in turn,
    /// packed as [`warm_start::note_stats`] reads them): notes with their saved time and size
    /// are held on trust, and every note is then to be read and handed over with
    /// `supplyNotes` — those in `changed` first. Null, changing nothing, when the bytes are not
    /// a state of this engine and these settings (load the vault cold then).
    #[wasm_bindgen(js_name = warmStart, unchecked_return_type = "WarmStart | null")]
    pub fn warm_start(
        &mut self,
        bytes: &[u8],
        paths: &str,
        stats: &[f64],
    ) -> Result<JsValue, JsError> {
        let files = warm_start::note_stats(paths, stats).ok_or_else(|| {
            JsError::new("warmStart: stats must hold two numbers for each of the paths")
        })?;
        to_js(&warm_start::restore(&mut self.live, bytes, files))
    }

    /// The notes of a warm start still to read, in the order to read them.
    #[wasm_bindgen(js_name = unreadPaths, unchecked_return_type = "string[]")]
    pub fn unread_paths(&self) -> Result<JsValue, JsError> {
        to_js(&self.live.unread_paths())
    }

    /// The texts of notes of a warm start, as read: kept when they are what the saved state
    /// was about, upserted otherwise; ignored for notes updated since.
    #[wasm_bindgen(js_name = supplyNotes)]
    pub fn supply_notes(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "NoteText[]")] notes: JsValue,
    ) -> Result<(), JsError> {
        let notes: Vec<NoteText> =
            from_js(notes, "supplyNotes: notes must be an array of {path, text}")?;
        for note in notes {
            self.live.supply(&note.path, note.text);
        }
        Ok(())
    }
}

/// Applies edits (offsets as JS string indices) to `text`. Throws when an edit lies outside the
/// text, splits a surrogate pair or overlaps another: nothing is applied then.
#[wasm_bindgen(js_name = applyEdits)]
pub fn apply_edits(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EditInput[]")] edits: JsValue,
) -> Result<String, JsError> {
    let text = string_arg(&text, "text")?;
    let inputs: Vec<EditInput> = from_js(edits, "applyEdits: edits must be an array of edits")?;
    let offsets = Offsets::new(&text);
    let edits = inputs
        .into_iter()
        .map(|i| offsets.edit_to_bytes(Edit::new(i.start, i.end, i.replacement, i.rule, i.reason)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| JsError::new(&format!("applyEdits: {e}")))?;
    curator_core::apply_edits(&text, &edits).map_err(|e| JsError::new(&format!("applyEdits: {e}")))
}

/// The settings every missing field defaults to.
#[wasm_bindgen(js_name = defaultSettings, unchecked_return_type = "Settings")]
pub fn default_settings() -> Result<JsValue, JsError> {
    to_js(&curator_core::rules::complete(Settings::default()))
}

/// Every rule of the engine, in the order it runs.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsError> {
    to_js(&curator_core::rules::all().collect::<Vec<_>>())
}

/// Where the vault's own settings declare templates: `[settings file, key path]` pairs, files
/// relative to the vault's configuration folder. The plugin reads them into `declaredTemplates`
/// with [`templates_named_in`], as the CLI does.
#[wasm_bindgen(js_name = templateSettings, unchecked_return_type = "[string, string][]")]
pub fn template_settings() -> Result<JsValue, JsError> {
    to_js(&curator_core::settings::TEMPLATE_SETTINGS)
}

/// The template folders and files the settings file `file` (one of [`template_settings`])
/// names, given the object its JSON parses to; nothing for a file its plugin did not write.
#[wasm_bindgen(js_name = templatesNamedIn)]
pub fn templates_named_in(file: &str, json: JsValue) -> Vec<String> {
    serde_wasm_bindgen::from_value(json)
        .map(|json| curator_core::settings::templates_named_in(file, &json))
        .unwrap_or_default()
}

/// Where the undo journal lives, relative to the vault's configuration folder: one JSON file
/// per run, shared with `curator undo`.
#[wasm_bindgen(js_name = journalDir)]
pub fn journal_dir() -> String {
    curator_core::journal::JOURNAL_DIR.to_string()
}

/// A journal run handed over from JS (a file's `JSON.parse`d text), or an error saying it is not one.
fn run_arg(value: JsValue) -> Result<curator_core::journal::Run, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| {
        let detail = e.to_string();
        JsError::new(&format!(
            "not a run of the undo journal: {}",
            detail.trim_start_matches("Error: ")
        ))
    })
}

/// The run `previous` (null: a new run by `source` at `time`) with `notes` added.
#[wasm_bindgen(js_name = journalRecord, unchecked_return_type = "JournalRun")]
pub fn journal_record(
    #[wasm_bindgen(unchecked_param_type = "JournalRun | null")] previous: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] source: JsValue,
    time: f64,
    #[wasm_bindgen(unchecked_param_type = "NoteWrite[]")] notes: JsValue,
) -> Result<JsValue, JsError> {
    let previous = if previous.is_null() || previous.is_undefined() {
        None
    } else {
        Some(run_arg(previous)?)
    };
    let source = string_arg(&source, "source")?;
    if !(time.is_finite() && time >= 0.0) {
        return Err(JsError::new(
            "journalRecord: time must be milliseconds since 1970",
        ));
    }
    let notes = from_js(
        notes,
        "journalRecord: notes must be an array of {path, before, after}",
    )?;
    to_js(&journal::record(previous, &source, time as u64, notes))
}

/// Who wrote a run of the journal (a file's parsed text), when, and which notes.
#[wasm_bindgen(js_name = journalRunInfo, unchecked_return_type = "RunInfo")]
pub fn journal_run_info(
    #[wasm_bindgen(unchecked_param_type = "unknown")] run: JsValue,
) -> Result<JsValue, JsError> {
    to_js(&journal::RunInfo::of(&run_arg(run)?))
}

/// What undoing a run of the journal does, given its notes' texts now.
#[wasm_bindgen(js_name = journalUndo, unchecked_return_type = "UndoPlan")]
pub fn journal_undo(
    #[wasm_bindgen(unchecked_param_type = "unknown")] run: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CurrentText[]")] current: JsValue,
) -> Result<JsValue, JsError> {
    let run = run_arg(run)?;
    let current: Vec<journal::Current> = from_js(
        current,
        "journalUndo: current must be an array of {path, text}",
    )?;
    to_js(&journal::undo(&run, &current))
}

/// The ids of the runs to delete so the journal stays within its bounds.
#[wasm_bindgen(js_name = journalToDrop, unchecked_return_type = "string[]")]
pub fn journal_to_drop(
    #[wasm_bindgen(unchecked_param_type = "StoredRun[]")] runs: JsValue,
) -> Result<JsValue, JsError> {
    let runs = from_js(runs, "journalToDrop: runs must be an array of {id, size}")?;
    to_js(&journal::to_drop(runs))
}

/// Where the notes an undo put back are remembered, relative to the vault's configuration
/// folder (shared with `curator undo`).
#[wasm_bindgen(js_name = putBackFile)]
pub fn put_back_file() -> String {
    curator_core::journal::PUT_BACK_FILE.to_string()
}

/// The put-back notes (the file's parsed text; anything else: none yet), a value to pass back.
fn put_back_arg(value: JsValue) -> Option<curator_core::journal::PutBack> {
    serde_wasm_bindgen::from_value(value).ok()
}

/// The put-back file's content (its parsed JSON, or null) with the notes an undo wrote back
/// added: the value to write to the file.
#[wasm_bindgen(js_name = putBackAdd, unchecked_return_type = "PutBack")]
pub fn put_back_add(
    #[wasm_bindgen(unchecked_param_type = "unknown")] put_back: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Restore[]")] restored: JsValue,
) -> Result<JsValue, JsError> {
    let restored: Vec<journal::Restore> = from_js(
        restored,
        "putBackAdd: restored must be an array of {path, text}",
    )?;
    to_js(&journal::put_back_add(put_back_arg(put_back), &restored))
}

/// True when the note at `path` holds the text an undo wrote back (per the put-back file's
/// parsed JSON): automatic enrichment leaves it as it is.
#[wasm_bindgen(js_name = putBackHolds)]
pub fn put_back_holds(
    #[wasm_bindgen(unchecked_param_type = "unknown")] put_back: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<bool, JsError> {
    let path = string_arg(&path, "path")?;
    let text = string_arg(&text, "text")?;
    Ok(put_back_arg(put_back).is_some_and(|p| p.holds(&path, &text)))
}

/// The newest of the journal's runs, by their ids (null when there is none).
#[wasm_bindgen(js_name = journalNewest, unchecked_return_type = "string | null")]
pub fn journal_newest(
    #[wasm_bindgen(unchecked_param_type = "string[]")] ids: JsValue,
) -> Result<JsValue, JsError> {
    let ids: Vec<String> = from_js(ids, "journalNewest: ids must be strings")?;
    to_js(&journal::newest(&ids))
}

/// The engine's version (the crate version).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// An edit coming from JS: `rule` and `reason` may be left out.
#[derive(Deserialize)]
struct EditInput {
    start: usize,
    end: usize,
    replacement: String,
    #[serde(default)]
    rule: String,
    #[serde(default)]
    reason: String,
}

/// A note handed to `stageNotes`.
#[derive(Deserialize)]
struct NoteText {
    path: String,
    text: String,
}

/// A note's edits and error, its report without the review items (`NoteEdits` in the TS types).
#[derive(Serialize)]
struct NoteEdits<'a> {
    path: &'a str,
    edits: Vec<Edit>,
    error: Option<NoteError>,
}

/// One change made by `fix`, without its span (see `AppliedChange` in the TS types).
#[derive(Serialize)]
struct AppliedChange {
    rule: String,
    reason: String,
    replacement: String,
}

/// `FixOutcome` as JS sees it.
#[derive(Serialize)]
struct FixResult {
    text: Option<String>,
    applied: Vec<AppliedChange>,
    review: Vec<ReviewItem>,
    error: Option<NoteError>,
}

impl From<FixOutcome> for FixResult {
    fn from(outcome: FixOutcome) -> Self {
        FixResult {
            text: outcome.text,
            applied: outcome
                .applied
                .into_iter()
                .map(|e| AppliedChange {
                    rule: e.rule,
                    reason: e.reason,
                    replacement: e.replacement,
                })
                .collect(),
            review: outcome.review,
            error: outcome.error,
        }
    }
}

/// The report's edits with their spans as UTF-16 indices into `text`, and its error. An edit
/// that does not lie on character boundaries (an engine bug) turns into an error, edits dropped.
fn edits_in_utf16(report: &NoteReport, text: &str) -> (Vec<Edit>, Option<NoteError>) {
    let offsets = Offsets::new(text);
    let converted: Option<Vec<Edit>> = report
        .edits
        .iter()
        .map(|e| offsets.edit_to_utf16(e.clone()))
        .collect();
    match converted {
        Some(edits) => (edits, report.error.clone()),
        None => (
            Vec::new(),
            Some(NoteError::new(
                &report.path,
                None,
                "internal: an edit does not lie on character boundaries; nothing was changed",
            )),
        ),
    }
}

fn settings_from(value: JsValue) -> Result<Settings, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Settings::default());
    }
    from_js(value, "invalid settings")
}

/// A query object; `undefined` or `null` is the default query.
fn query_from<T: DeserializeOwned + Default>(value: JsValue, method: &str) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    from_js(value, &format!("{method}: invalid query"))
}

/// `text` with `edits` applied, or null when there are none.
fn edited(path: &str, text: &str, edits: &[Edit]) -> Result<JsValue, JsError> {
    if edits.is_empty() {
        return Ok(JsValue::NULL);
    }
    let fixed = curator_core::apply_edits(text, edits)
        .map_err(|e| JsError::new(&format!("internal: {path}: {e}")))?;
    to_js(&fixed)
}

fn string_arg(value: &JsValue, name: &str) -> Result<String, JsError> {
    value
        .as_string()
        .ok_or_else(|| JsError::new(&format!("{name} must be a string")))
}

/// `value` read as a `T`, or an error saying what was `expected` and what was wrong.
fn from_js<T: DeserializeOwned>(value: JsValue, expected: &str) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("{expected}: {e}")))
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("internal: cannot convert the result: {e}")))
}
