//! Queries that read notes' texts the warm vault may not hold. Once a note's results are
//! computed its text is released ([`crate::live`]); a query that reads texts (a review card's
//! lines, a merge, a link back, someone new's note, the sections) reads them through
//! [`TextReads`], which records the notes it lacked. Then the query answers [`NeedsTexts`]
//! instead of a result computed without them: the plugin reads those notes, lends them
//! (`lendNotes`), asks again and takes them back (`releaseLent`).

use crate::{to_js, Curator};
use curator_core::vault::Vault;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::BTreeSet;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A query's answer when it reads notes' texts the engine does not hold now (it releases a note's text once its results are computed): read them, lend them (`lendNotes`), ask again, then take them back (`releaseLent`). */
export interface NeedsTexts { needsTexts: string[]; }
"#;

/// The notes whose texts a query needs lent before it can answer.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NeedsTexts {
    /// Their paths, each once, in order.
    pub needs_texts: Vec<String>,
}

impl NeedsTexts {
    /// `NeedsTexts` for `paths`, or `None` when there are none.
    pub fn of(paths: Vec<String>) -> Option<Self> {
        (!paths.is_empty()).then_some(NeedsTexts { needs_texts: paths })
    }
}

/// The vault's texts as a query reads them, recording the notes it has without their text.
pub struct TextReads<'v> {
    vault: &'v Vault,
    missing: RefCell<BTreeSet<String>>,
}

impl<'v> TextReads<'v> {
    /// Reads over `vault`.
    pub fn new(vault: &'v Vault) -> Self {
        TextReads {
            vault,
            missing: RefCell::new(BTreeSet::new()),
        }
    }

    /// The text of the note at `path`; `None` for a note the vault does not have, and for one
    /// whose text it does not hold (recorded).
    pub fn text(&self, path: &str) -> Option<&'v str> {
        let text = self.vault.text(path);
        if text.is_none() && self.vault.contains(path) {
            self.missing.borrow_mut().insert(path.to_string());
        }
        text
    }

    /// The texts the reads lacked, if any.
    pub fn needs(self) -> Option<NeedsTexts> {
        NeedsTexts::of(self.missing.into_inner().into_iter().collect())
    }
}

/// `value` as JS, unless the reads lacked texts: then what they lacked.
pub fn answer<T: Serialize>(reads: TextReads, value: &T) -> Result<JsValue, JsError> {
    match reads.needs() {
        Some(needs) => to_js(&needs),
        None => to_js(value),
    }
}

#[wasm_bindgen]
impl Curator {
    /// Lends the engine the texts of notes a query said it needs ([`NeedsTexts`]), for the
    /// next query; a text that is not the note's (it changed since) is ignored.
    #[wasm_bindgen(js_name = lendNotes)]
    pub fn lend_notes(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "NoteText[]")] notes: JsValue,
    ) -> Result<(), JsError> {
        let notes: Vec<crate::NoteText> =
            crate::from_js(notes, "lendNotes: notes must be an array of {path, text}")?;
        for note in notes {
            self.live.lend(&note.path, &note.text);
        }
        Ok(())
    }

    /// Takes back the texts lent (`lendNotes`) once the query that needed them is answered.
    #[wasm_bindgen(js_name = releaseLent)]
    pub fn release_lent(&mut self) {
        self.live.release_lent();
    }
}
