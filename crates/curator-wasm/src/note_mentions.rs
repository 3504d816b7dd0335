//! What the plugin's "Mentions in this note" view and the alias offer of the review pane ask:
//! one note's mentions ([`curator_core::note_mentions`], spans as JS string indices), the
//! people and organisations a name can be corrected to, and the edit that adds a written name
//! to a person's `aliases` ([`curator_core::actions::add_alias`]).

use crate::offsets::Offsets;
/// A note to write: `text` in place of `original` (the shape of a section update).
pub(crate) use crate::sections::SectionUpdate as NoteUpdate;
use crate::texts::TextReads;
use crate::{string_arg, to_js, Curator};
use curator_core::note_mentions::{self, entity_path};
use curator_core::{actions, apply_edits};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** One place a name is written: `line` 1-based, `start`/`end` JS string indices into the note. */
export interface Place { line: number; start: number; end: number; }
/** One written name of a note and how it resolved (see `noteMentions`). */
export interface NoteMention {
  /** The name as review answers are about it (`Rob Banga` for `[[Rob Banga|Rob]]`). */
  name: string;
  /** The mention as first written. */
  text: string;
  kind: "wikilink" | "owner" | "participant" | "via" | "text";
  resolved: string | null;
  decision: "exact" | "alias" | "auto" | "review" | "unknown";
  confidence: number;
  candidates: Candidate[];
  reasons: string[];
  /** The note links `resolved`: Obsidian shows the connection. */
  linked: boolean;
  places: Place[];
}
/** A person or organisation a name can be said to be. */
export interface EntityName { title: string; path: string; kind: "person" | "org"; }
/** A note to write: `text` in place of `original`, only while the note still holds it. */
export interface NoteUpdate { path: string; original: string; text: string; }
"#;

#[wasm_bindgen]
impl Curator {
    /// The people and organisations `text` (the note at `path`) names, one entry per written
    /// name and resolution, in the order the note first writes them, each with its places.
    #[wasm_bindgen(js_name = noteMentions, unchecked_return_type = "NoteMention[]")]
    pub fn note_mentions(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsError> {
        let (path, text) = (string_arg(&path, "path")?, string_arg(&text, "text")?);
        let index = self.live.vault().engine().index();
        let offsets = Offsets::new(&text);
        let mut out = note_mentions::note_mentions(index, &path, &text);
        for m in &mut out {
            // A span off character boundaries (an engine bug) loses its place, not the entry.
            m.places.retain_mut(
                |p| match (offsets.to_utf16(p.start), offsets.to_utf16(p.end)) {
                    (Some(start), Some(end)) => {
                        (p.start, p.end) = (start, end);
                        true
                    }
                    _ => false,
                },
            );
        }
        to_js(&out)
    }

    /// Every person and organisation of the vault, by title.
    #[wasm_bindgen(js_name = entityNames, unchecked_return_type = "EntityName[]")]
    pub fn entity_names(&self) -> Result<JsValue, JsError> {
        to_js(&note_mentions::entities(self.live.vault().engine().index()))
    }

    /// The note of `entity` (a person or organisation's title) with `alias` added to its
    /// `aliases`, from its indexed text; null when the entity has no note of its own, or the
    /// alias is its title or one of its aliases already (case- and accent-blind). Throws when
    /// the note's frontmatter cannot be edited.
    /// The note to lend first comes instead when the engine lacks its text.
    #[wasm_bindgen(js_name = aliasUpdate, unchecked_return_type = "NoteUpdate | null | NeedsTexts")]
    pub fn alias_update(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] entity: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] alias: JsValue,
    ) -> Result<JsValue, JsError> {
        let (entity, alias) = (string_arg(&entity, "entity")?, string_arg(&alias, "alias")?);
        let vault = self.live.vault();
        let index = vault.engine().index();
        let Some(path) = entity_path(index, &entity) else {
            return Ok(JsValue::NULL);
        };
        let reads = TextReads::new(vault);
        let Some(original) = reads.text(&path) else {
            return match reads.needs() {
                Some(needs) => to_js(&needs),
                None => Ok(JsValue::NULL),
            };
        };
        let edits = actions::add_alias(index, &path, original, &alias)
            .map_err(|e| JsError::new(&e.to_string()))?;
        if edits.is_empty() {
            return Ok(JsValue::NULL);
        }
        let text = apply_edits(original, &edits)
            .map_err(|e| JsError::new(&format!("internal: {path}: {e}")))?;
        to_js(&NoteUpdate {
            original: original.to_string(),
            path,
            text,
        })
    }
}
