//! What the review pane's "Merge B into A" asks: the merge of a likely duplicate person
//! ([`curator_core::merge`]) as the notes to write, each with the text it was computed from.

use crate::note_mentions::NoteUpdate;
use crate::texts::{answer, TextReads};
use crate::{string_arg, to_js, Curator};
use curator_core::merge::{merge_names, merge_plan, NotePlan};
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
    /// The notes to lend first come instead when the engine lacks their texts.
    #[wasm_bindgen(js_name = mergePlan, unchecked_return_type = "MergePreview | null | NeedsTexts")]
    pub fn merge_plan(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] group: JsValue,
    ) -> Result<JsValue, JsError> {
        let group = string_arg(&group, "group")?;
        let Some((keep, gone)) = ReviewItem::duplicate_pair(&group) else {
            return Ok(JsValue::NULL);
        };
        let vault = self.live.vault();
        let reads = TextReads::new(vault);
        let plan = match merge_plan(vault.engine().index(), &|p| reads.text(p), keep, gone) {
            Ok(plan) => plan,
            // Said once the texts it lacked are lent: it may be why.
            Err(e) => match reads.needs() {
                Some(needs) => return to_js(&needs),
                None => return Err(JsError::new(&e.to_string())),
            },
        };
        let notes = updates(&reads, &plan.notes)?;
        let (keep_name, gone_name) = merge_names(keep, gone);
        let preview = MergePreview {
            keep: &plan.keep,
            gone: &plan.gone,
            gone_text: reads.text(gone).unwrap_or_default(),
            notes,
            conflicts: plan.conflicts.iter().map(|c| c.words(&gone_name)).collect(),
            keep_name,
            gone_name,
        };
        answer(reads, &preview)
    }
}

/// The notes of `plans` as written: each with the indexed text its edits were computed from
/// (a note whose text `reads` lacks is left out: the answer is then the texts to lend).
pub(crate) fn updates(reads: &TextReads, plans: &[NotePlan]) -> Result<Vec<NoteUpdate>, JsError> {
    let mut notes = Vec::with_capacity(plans.len());
    for n in plans {
        let Some(original) = reads.text(&n.path) else {
            continue;
        };
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
