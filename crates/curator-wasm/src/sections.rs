//! The person notes whose generated sections (open tasks, meetings) are out of date, from the
//! warm state of the whole vault, with the text each update replaces.

use crate::texts::NeedsTexts;
use curator_core::apply_edits;
use curator_core::vault::Vault;
use serde::Serialize;

/// A person note whose generated sections (open tasks, meetings) are out of date.
#[derive(Debug, Serialize)]
pub struct SectionUpdate {
    /// The person note.
    pub path: String,
    /// The text the update was computed from: write only over this text.
    pub original: String,
    /// The note with its sections brought up to date.
    pub text: String,
}

/// The section updates of every opted-in person note, from the warm tasks and mentions of the
/// whole vault; the notes to lend first when the vault lacks texts they are read from.
pub fn section_updates(
    vault: &mut Vault,
) -> Result<Result<Vec<SectionUpdate>, NeedsTexts>, String> {
    let edits = match vault.section_edits() {
        Ok(edits) => edits,
        Err(missing) => return Ok(Err(NeedsTexts::of(missing).unwrap_or_default())),
    };
    edits
        .into_iter()
        .map(|(path, edits)| {
            let original = vault.text(&path).unwrap_or_default().to_string();
            let text = apply_edits(&original, &edits)
                .map_err(|e| format!("internal: {path}: the section edit does not apply: {e}"))?;
            Ok(SectionUpdate {
                path,
                original,
                text,
            })
        })
        .collect::<Result<Vec<_>, String>>()
        .map(Ok)
}

#[cfg(test)]
mod tests {
    use super::*;
    use curator_core::Settings;

    #[test]
    fn section_updates_hold_the_text_they_replace() {
        let person = "---\ntype: people\n---\n📅 ☕\n<!-- curator:open-tasks -->\n<!-- /curator:open-tasks -->\n";
        let notes = [
            ("People/Ada Park.md".to_string(), person.to_string()),
            (
                "m.md".to_string(),
                "- [ ] Call back @Ada Park\n".to_string(),
            ),
        ];
        let mut settings = Settings::default();
        settings.rules.insert("openTasksSection".into(), true);
        let mut vault = Vault::build(settings, notes.to_vec());
        let updates = section_updates(&mut vault).unwrap().unwrap();
        assert_eq!(updates.len(), 1);
        assert_eq!(updates[0].original, person);
        assert_eq!(
            updates[0].text,
            person.replace("-->\n<!-- /", "-->\n- Call back — [[m]]\n<!-- /")
        );
    }
}
