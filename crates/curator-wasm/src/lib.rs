//! WebAssembly binding of Vault Curator's engine, used by the Obsidian plugin.
//!
//! A thin adapter over [`curator_core::Engine`]: arguments come in as JS strings and plain
//! objects, results go out as plain objects (serde-wasm-bindgen, JSON-compatible: `None` is
//! `null`). The only thing it does besides converting values is converting edit offsets: the
//! engine's byte offsets become JS string (UTF-16) indices in [`offsets`], so JS never sees a
//! byte offset. Problems with a note are values (`error` fields); only bad arguments throw.

pub mod offsets;

use curator_core::engine::{FixOutcome, NoteReport};
use curator_core::{Edit, Engine, NoteError, ReviewItem, Settings};
use offsets::Offsets;
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
  ignore: string[];
  templateFolders: string[];
  declaredTemplates: string[];
  tasksGlobalFilter: string;
  tasksRemoveGlobalFilter: boolean;
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
/** A ranked suggestion of a review item. */
export interface Candidate { name: string; score: number; }
/** One entry of the review queue; `line` is 1-based. */
export interface ReviewItem {
  path: string;
  line: number | null;
  reason: ReviewReason;
  message: string;
  candidates?: Candidate[];
  /** The decision the item belongs to: shared by every item one answer settles. */
  group: string;
}
/** Why a note cannot be edited; the note is then left untouched. */
export interface NoteError { path: string; line: number | null; message: string; }
/** What fixing a note would do. `edits` are against the text passed in. */
export interface NoteReport { path: string; edits: Edit[]; review: ReviewItem[]; error: NoteError | null; }
/** One change `fix` made (spans are left out: later passes edit earlier passes' output). */
export interface AppliedChange { rule: string; reason: string; replacement: string; }
/** The result of fixing a note: `text` is null when nothing changed or on error. */
export interface FixResult { text: string | null; applied: AppliedChange[]; review: ReviewItem[]; error: NoteError | null; }
/** A note handed to `sectionEdits`. */
export interface NoteText { path: string; text: string; }
/** The edits that update one person note's open-tasks section, against the text passed in. */
export interface SectionEdits { path: string; edits: Edit[]; }
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
"#;

/// The engine with its vault index, as seen from JS.
#[wasm_bindgen]
pub struct Curator {
    engine: Engine,
}

#[wasm_bindgen]
impl Curator {
    /// An engine over an empty vault. `settings` may be partial, `undefined` or `null`: missing
    /// fields take their defaults. Throws when a field has the wrong type.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "SettingsInput | null | undefined")]
        settings: JsValue,
    ) -> Result<Curator, JsError> {
        Ok(Curator {
            engine: Engine::new(settings_from(settings)?),
        })
    }

    /// Replaces the settings. This empties the index (settings decide which notes are people
    /// and which are ignored): upsert every note again afterwards.
    #[wasm_bindgen(js_name = setSettings)]
    pub fn set_settings(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "SettingsInput | null | undefined")]
        settings: JsValue,
    ) -> Result<(), JsError> {
        self.engine = Engine::new(settings_from(settings)?);
        Ok(())
    }

    /// The settings in use, every field present (every rule's switch written out).
    #[wasm_bindgen(unchecked_return_type = "Settings")]
    pub fn settings(&self) -> Result<JsValue, JsError> {
        to_js(&curator_core::rules::complete(
            self.engine.settings().clone(),
        ))
    }

    /// Adds or replaces a note in the index (on create and modify).
    #[wasm_bindgen(js_name = upsertNote)]
    pub fn upsert_note(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<(), JsError> {
        let (path, text) = (string_arg(&path, "path")?, string_arg(&text, "text")?);
        self.engine.index_mut().upsert(&path, &text);
        Ok(())
    }

    /// Forgets a note (on delete); unknown paths are ignored.
    #[wasm_bindgen(js_name = removeNote)]
    pub fn remove_note(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
    ) -> Result<(), JsError> {
        self.engine.index_mut().remove(&string_arg(&path, "path")?);
        Ok(())
    }

    /// Moves a note in the index (on rename).
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
        self.engine.index_mut().rename(&old_path, &new_path, &text);
        Ok(())
    }

    /// How many notes the index holds (ignored paths are not held).
    #[wasm_bindgen(js_name = noteCount)]
    pub fn note_count(&self) -> usize {
        self.engine.index().len()
    }

    /// What fixing the note would do, with edit offsets as JS string indices into `text`.
    #[wasm_bindgen(unchecked_return_type = "NoteReport")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsError> {
        let (path, text) = (string_arg(&path, "path")?, string_arg(&text, "text")?);
        to_js(&report_in_utf16(self.engine.check(&path, &text), &text))
    }

    /// The fixed text (null when nothing changes), the changes made and the review items.
    #[wasm_bindgen(unchecked_return_type = "FixResult")]
    pub fn fix(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsError> {
        let (path, text) = (string_arg(&path, "path")?, string_arg(&text, "text")?);
        to_js(&FixResult::from(self.engine.fix(&path, &text)))
    }

    /// Every task in the note.
    #[wasm_bindgen(unchecked_return_type = "Task[]")]
    pub fn tasks(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsError> {
        let (path, text) = (string_arg(&path, "path")?, string_arg(&text, "text")?);
        to_js(&self.engine.tasks(&path, &text))
    }

    /// The edits that bring every opted-in person note's open-tasks section up to date, with
    /// offsets as JS string indices into that note's text. `notes` is the whole vault: tasks are
    /// read from all of them. Notes that need no change are left out.
    #[wasm_bindgen(js_name = sectionEdits, unchecked_return_type = "SectionEdits[]")]
    pub fn section_edits(
        &self,
        #[wasm_bindgen(unchecked_param_type = "NoteText[]")] notes: JsValue,
    ) -> Result<JsValue, JsError> {
        let notes: Vec<NoteText> = serde_wasm_bindgen::from_value(notes).map_err(|e| {
            JsError::new(&format!(
                "sectionEdits: notes must be an array of {{path, text}}: {e}"
            ))
        })?;
        let pairs: Vec<(&str, &str)> = notes
            .iter()
            .map(|n| (n.path.as_str(), n.text.as_str()))
            .collect();
        let mut out = Vec::new();
        for (path, edit) in self.engine.section_edits(&pairs) {
            let Some(note) = notes.iter().find(|n| n.path == path) else {
                continue;
            };
            let edit = Offsets::new(&note.text)
                .edit_to_utf16(edit)
                .ok_or_else(|| {
                    JsError::new(&format!(
                        "internal: {path}: an edit does not lie on character boundaries"
                    ))
                })?;
            out.push(SectionEdits {
                path,
                edits: vec![edit],
            });
        }
        to_js(&out)
    }

    /// Every person and organisation mention in the note, resolved.
    #[wasm_bindgen(unchecked_return_type = "Mention[]")]
    pub fn mentions(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsError> {
        let (path, text) = (string_arg(&path, "path")?, string_arg(&text, "text")?);
        to_js(&self.engine.mentions(&path, &text))
    }

    /// Review items about the vault as a whole (duplicate people, recurring unknown names).
    #[wasm_bindgen(js_name = vaultReview, unchecked_return_type = "ReviewItem[]")]
    pub fn vault_review(&self) -> Result<JsValue, JsError> {
        to_js(&self.engine.vault_review())
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
    let inputs: Vec<EditInput> = serde_wasm_bindgen::from_value(edits)
        .map_err(|e| JsError::new(&format!("applyEdits: edits must be an array of edits: {e}")))?;
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

/// Where the vault's own settings declare templates: `[settings file, JSON key]` pairs, files
/// relative to the vault's configuration folder. The plugin reads them into `declaredTemplates`, as the CLI does.
#[wasm_bindgen(js_name = templateSettings, unchecked_return_type = "[string, string][]")]
pub fn template_settings() -> Result<JsValue, JsError> {
    to_js(&curator_core::settings::TEMPLATE_SETTINGS)
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

/// A note handed to `sectionEdits`.
#[derive(Deserialize)]
struct NoteText {
    path: String,
    text: String,
}

/// One note's open-tasks section edits, offsets as JS string indices.
#[derive(Serialize)]
struct SectionEdits {
    path: String,
    edits: Vec<Edit>,
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

/// The report with its edits' spans as UTF-16 indices into `text`. An edit that does not lie on
/// character boundaries (an engine bug) turns the report into an error, edits dropped.
fn report_in_utf16(mut report: NoteReport, text: &str) -> NoteReport {
    let offsets = Offsets::new(text);
    let converted: Option<Vec<Edit>> = std::mem::take(&mut report.edits)
        .into_iter()
        .map(|e| offsets.edit_to_utf16(e))
        .collect();
    match converted {
        Some(edits) => report.edits = edits,
        None => {
            report.error = Some(NoteError::new(
                &report.path,
                None,
                "internal: an edit does not lie on character boundaries; nothing was changed",
            ))
        }
    }
    report
}

fn settings_from(value: JsValue) -> Result<Settings, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Settings::default());
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("invalid settings: {e}")))
}

fn string_arg(value: &JsValue, name: &str) -> Result<String, JsError> {
    value
        .as_string()
        .ok_or_else(|| JsError::new(&format!("{name} must be a string")))
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("internal: cannot convert the result: {e}")))
}
