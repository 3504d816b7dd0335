//! Mojibake the vault's own note names carry. Some vaults hold notes whose file names are
//! garbled (`Idaho Code ┬º74-202.md`, made when `§` was read as code page 437): text elsewhere
//! writing the same garble (`[[Idaho Code ┬º74-202]]`, a `related:` item, a heading) may be
//! naming such a note, and repairing it would name no note. So a line that writes such a title
//! or alias whole, and whose repair replaces a garble it holds, keeps all its garbles, and the
//! note is queued for review:
//! once the note is renamed (Obsidian updates its links), fixing again repairs the rest.
//!
//! Only notes the mojibake rule would edit look their garbles up, recording what they read
//! ([`crate::index::VaultIndex::name_holding_garble`]).

use crate::frontmatter::Findings;
use crate::index::VaultIndex;
use crate::note::Note;
use crate::review::{ReviewItem, ReviewReason};

/// Adds `found` (the mojibake rule's findings for `note`) to `out`, but for every edit on a line
/// where one replaces a garble a note's name holds: those lines are asked about in one review
/// item.
pub fn keep_named(note: &Note, index: &VaultIndex, found: Findings, out: &mut Findings) {
    // The rule's edits come in the text's order: the first line kept is the item's.
    let mut item: Option<ReviewItem> = None;
    for edit in &found.edits {
        let line = note.line_of(edit.start);
        if asks_about(&item, line) {
            continue;
        }
        let Some(garble) = note.text.get(edit.start..edit.end) else {
            continue;
        };
        let line_text = note
            .text
            .get(line_span(note.text, edit.start))
            .unwrap_or("");
        let Some(name) = index.name_holding_garble(garble, line_text) else {
            continue;
        };
        match &mut item {
            Some(item) => item.also.push(line),
            None => {
                let message = format!(
                    "`{garble}` reads as `{}`, but a note or folder of this vault is named with \
                     the same garble (`{name}`), and text written so may name it: left as \
                     written. Rename it first (Obsidian updates the links to it), then fix again",
                    edit.replacement
                );
                item = Some(ReviewItem::new(
                    note.path,
                    Some(line),
                    ReviewReason::Mojibake,
                    message,
                ));
            }
        }
    }
    for edit in found.edits {
        if !asks_about(&item, note.line_of(edit.start)) {
            out.edits.push(edit);
        }
    }
    out.review.extend(found.review);
    out.review.extend(item);
}

/// The bytes of the line holding byte `at` of `text`.
fn line_span(text: &str, at: usize) -> std::ops::Range<usize> {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    start..end
}

/// True when `item` is about `line`.
fn asks_about(item: &Option<ReviewItem>, line: usize) -> bool {
    item.as_ref()
        .is_some_and(|i| i.line == Some(line) || i.also.contains(&line))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply_edits;
    use crate::settings::Settings;
    use crate::Engine;

    const TITLE: &str = "Statutes/Idaho Code ┬º74-202.md";
    const CITING: &str = "---\nrelated:\n- Idaho Code ┬º74-202\n---\n\
        # Open meetings\nSee [[Idaho Code ┬º74-202]] and ┬º74-207 â€” the rest.\n\
        Plain damage: cafÃ© â€” fine.\n";

    fn engine(notes: &[(&str, &str)]) -> Engine {
        let mut engine = Engine::new(Settings::default());
        for (path, text) in notes {
            engine.index_mut().upsert(path, text);
        }
        engine
    }

    #[test]
    fn leaves_garbles_a_title_holds_and_asks_about_them() {
        let engine = engine(&[(TITLE, "The statute.\n"), ("Notes/citing.md", CITING)]);
        let report = engine.check("Notes/citing.md", CITING);
        let fixed = apply_edits(CITING, &report.edits).unwrap();
        assert_eq!(
            fixed,
            CITING.replace("cafÃ© â€” fine", "café — fine"),
            "only the line no name explains is repaired"
        );
        let items: Vec<_> = (report.review.iter())
            .filter(|i| i.reason == ReviewReason::Mojibake)
            .collect();
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!((items[0].line, items[0].also.clone()), (Some(3), vec![6]));
        assert!(
            items[0].message.contains("`┬º` reads as `§`")
                && items[0].message.contains("(`Idaho Code ┬º74-202`)"),
            "{}",
            items[0].message
        );
    }

    #[test]
    fn repairs_the_same_garble_where_no_name_holds_it() {
        let engine = engine(&[("Notes/citing.md", CITING)]);
        let report = engine.check("Notes/citing.md", CITING);
        let fixed = apply_edits(CITING, &report.edits).unwrap();
        assert!(fixed.contains("[[Idaho Code §74-202]] and §74-207 — the rest"));
        assert!(fixed.contains("- Idaho Code §74-202\n"));
        assert!(report
            .review
            .iter()
            .all(|i| i.reason != ReviewReason::Mojibake));
    }

    #[test]
    fn a_line_not_writing_the_name_is_repaired() {
        // A title garbled with a common garble (`â€™`) holds back only the lines writing it.
        let engine = engine(&[("Claims/Bitcoinâ€™s drawdown.md", "Flows.\n")]);
        let text = "Itâ€™s a quiet week.\nSee [[Bitcoinâ€™s drawdown]] â€” later.\n";
        let report = engine.check("Notes/Week.md", text);
        let fixed = apply_edits(text, &report.edits).unwrap();
        assert_eq!(
            fixed,
            "It’s a quiet week.\nSee [[Bitcoinâ€™s drawdown]] â€” later.\n"
        );
        assert_eq!(report.review.len(), 1, "{:?}", report.review);
    }

    #[test]
    fn a_folder_holding_the_garble_keeps_it_too() {
        let engine = engine(&[("Projekty/Ã…rsplan/Budget.md", "Numbers.\n")]);
        let text = "Budget: [[Ã…rsplan/Budget]], see [[Projekty/Ã…rsplan/Budget|it]].\n";
        let report = engine.check("Start.md", text);
        assert!(report.edits.is_empty(), "{:?}", report.edits);
        assert_eq!(report.review.len(), 1, "{:?}", report.review);
        assert!(report.review[0].message.contains("(`Ã…rsplan`)"));
    }

    #[test]
    fn an_alias_holding_the_garble_keeps_it_too() {
        let statute = "---\naliases: [\"Code ┬º74-202\"]\n---\n";
        let engine = engine(&[("Statutes/Open meetings.md", statute)]);
        let text = "Read Code ┬º74-202 first.\n";
        let report = engine.check("Notes/n.md", text);
        assert!(report.edits.is_empty(), "{:?}", report.edits);
        assert_eq!(report.review.len(), 1);
        // The section alone names no note: repaired.
        let report = engine.check("Notes/n.md", "Read ┬º74-202 first.\n");
        assert_eq!(report.edits.len(), 1, "{:?}", report.edits);
    }
}
