//! What the review pane's "Someone new" writes besides the person's note: the first plain
//! mention in each note the decision is about, linked to it ([`curator_core::link_back`]).

use crate::merge::updates;
use crate::note_mentions::NoteUpdate;
use crate::texts::{answer, TextReads};
use crate::{string_arg, Curator};
use curator_core::link_back::{link_back, places};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Linking a new note from where its name was written: the notes to write, each with the text it was computed from, and the notes left alone because they changed since the review (`[path, why]`). */
export interface LinkBackPlan { notes: NoteUpdate[]; skipped: [string, string][]; }
"#;

#[wasm_bindgen]
impl Curator {
    /// The edits linking the note titled `title` from the notes decision `group` (a card's
    /// group) is about, from the indexed texts. Ask before the note is created: once it is
    /// indexed, the decision is settled and names no notes.
    /// The notes to lend first come instead when the engine lacks their texts.
    #[wasm_bindgen(js_name = linkBack, unchecked_return_type = "LinkBackPlan | NeedsTexts")]
    pub fn link_back(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] group: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] title: JsValue,
    ) -> Result<JsValue, JsError> {
        let (group, title) = (string_arg(&group, "group")?, string_arg(&title, "title")?);
        let found = places(self.live.vault_mut(), &group);
        let vault = self.live.vault();
        let reads = TextReads::new(vault);
        let plan = link_back(vault.settings(), &|p| reads.text(p), &title, &found);
        let notes = updates(&reads, &plan.notes)?;
        let plan = LinkBackPlan {
            notes,
            skipped: plan.skipped,
        };
        answer(reads, &plan)
    }
}

#[derive(Serialize)]
struct LinkBackPlan {
    notes: Vec<NoteUpdate>,
    skipped: Vec<(String, String)>,
}
