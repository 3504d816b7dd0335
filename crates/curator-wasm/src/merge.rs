//! What the review pane's "Merge B into A" asks: the merge of a likely duplicate person
//! ([`curator_core::merge`]) as the notes to write, each with the text it was computed from.

use crate::note_mentions::NoteUpdate;
use crate::{string_arg, to_js, Curator};
use curator_core::merge::{merge_names, merge_plan, NotePlan};
use curator_core::vault::Vault;
use curator_core::{apply_edits, ReviewItem};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Merging the note `gone` into `keep`: how a person tells the two apart (their titles, or their paths when the titles are the same), the notes to write (`keep`, and those linking `gone`), the properties they disagree on in words (`keep`'s value stays), and `gone`'s text (trash it only while it still holds that). */
export interface MergePreview { keep: string; gone: string; keepName: string; goneName: string; goneText: string; notes: NoteUpdate[]; conflicts: string[]; }
"#;

#[wasm_bindgen]
impl Curator {
    /// The merge a likely-duplicate decision (`group`, as its card gives it) asks for, from the
    /// indexed texts; null when the group is not about duplicates. Throws, saying why, when the
    /// notes cannot be merged (one is gone, a frontmatter does not parse).
    #[wasm_bindgen(js_name = mergePlan, unchecked_return_type = "MergePreview | null")]
    pub fn merge_plan(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] group: JsValue,
    ) -> Result<JsValue, JsError> {
        let group = string_arg(&group, "group")?;
        let Some((keep, gone)) = ReviewItem::duplicate_pair(&group) else {
            return Ok(JsValue::NULL);
        };
        let vault = self.live.vault();
        let plan = merge_plan(vault.engine().index(), &|p| vault.text(p), keep, gone)
            .map_err(|e| JsError::new(&e.to_string()))?;
        let notes = updates(vault, &plan.notes)?;
        let (keep_name, gone_name) = merge_names(keep, gone);
        to_js(&MergePreview {
            keep: &plan.keep,
            gone: &plan.gone,
            gone_text: vault.text(gone).unwrap_or_default(),
            notes,
            conflicts: plan.conflicts.iter().map(|c| c.words(&gone_name)).collect(),
            keep_name,
            gone_name,
        })
    }
}

/// The notes of `plans` as written: each with the indexed text its edits were computed from.
pub(crate) fn updates(vault: &Vault, plans: &[NotePlan]) -> Result<Vec<NoteUpdate>, JsError> {
    let mut notes = Vec::with_capacity(plans.len());
    for n in plans {
        let original = vault.text(&n.path).unwrap_or_default();
        let text = apply_edits(original, &n.edits)
            .map_err(|e| JsError::new(&format!("internal: {}: {e}", n.path)))?;
        notes.push(NoteUpdate {
            path: n.path.clone(),
            original: original.to_string(),
            text,
        });
    }
    Ok(notes)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MergePreview<'a> {
    keep: &'a str,
    gone: &'a str,
    keep_name: String,
    gone_name: String,
    gone_text: &'a str,
    notes: Vec<NoteUpdate>,
    conflicts: Vec<String>,
}
