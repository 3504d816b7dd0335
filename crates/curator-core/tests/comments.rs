//! Obsidian `%%` comments: Obsidian hides them, so no rule edits them, and nothing in them is a
//! task, an owner or a mention.

#[path = "../src/proptest_config.rs"]
mod proptest_config;

use curator_core::{Engine, Note, Settings};
use proptest::prelude::*;

fn engine() -> Engine {
    let mut engine = Engine::new(Settings::default());
    engine.index_mut().upsert(
        "People/Ada Park.md",
        "---\ntype: people\naliases: [Ada]\n---\n# Ada Park\n",
    );
    engine
}

/// The text of every comment, in order.
fn comment_texts(text: &str) -> Vec<String> {
    let note = Note::parse("Meetings/x.md", text);
    note.comments
        .iter()
        .map(|c| text[c.clone()].to_string())
        .collect()
}

/// Notes mixing what rules edit (mojibake, a misheard link, handles, placeholders) with `%%`
/// markers inline, on lines of their own, escaped and in code.
fn note_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("---\ncreated: { { DATE } }\ntags: [A, a]\n---\n".to_string()),
        Just("%%".to_string()),
        Just("\n%%\n".to_string()),
        Just("\\%%".to_string()),
        Just("`%%`".to_string()),
        Just("```\n%%\n```\n".to_string()),
        Just("- [ ] task @Ada Perk ⏫ 📅 2026-01-03\n".to_string()),
        Just("- [ ] due 📅 2022-02-29\n".to_string()),
        Just("[[Ada Perk]] (via Ada Perk) JÃ¼rgen\n".to_string()),
        Just("â« ðŸ“… Ã\n".to_string()),
        Just("**Date:** 2026-01-03\n".to_string()),
        Just("\n".to_string()),
        "[ -~]{0,8}",
    ];
    prop::collection::vec(piece, 0..16).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(proptest_config::cases(300))]

    #[test]
    fn no_edit_touches_a_comment(text in note_text()) {
        let engine = engine();
        let note = Note::parse("Meetings/x.md", &text);
        let report = engine.check("Meetings/x.md", &text);
        for edit in &report.edits {
            prop_assert!(
                note.comments.iter().all(|c| edit.end <= c.start || c.end <= edit.start),
                "{edit:?} touches a comment"
            );
        }
        for task in engine.tasks("Meetings/x.md", &text) {
            let start = note.lines.line_start(task.line).unwrap_or(0);
            let item = note.list_items.iter().find(|i| i.line.start >= start);
            prop_assert!(
                item.is_some_and(|i| !note.in_comment(i.line.start)),
                "task on line {} is commented out", task.line
            );
        }
        if let Some(fixed) = engine.fix("Meetings/x.md", &text).text {
            prop_assert_eq!(comment_texts(&fixed), comment_texts(&text));
        }
    }
}

#[test]
fn commented_text_raises_no_review_and_names_no_one() {
    let engine = engine();
    let text = "# Sync\n\n%%\n[[Ada Perk]] (via Ada Perk) said @Ada Perk owns it.\n- [ ] Ship 📅 2022-02-29 @Ada Perk\n%%\n";
    let report = engine.check("Meetings/x.md", text);
    assert!(report.edits.is_empty(), "{:?}", report.edits);
    assert!(report.review.is_empty(), "{:?}", report.review);
    assert!(engine.mentions("Meetings/x.md", text).is_empty());
    assert!(engine.tasks("Meetings/x.md", text).is_empty());
    let visible = text.replace("%%\n", "");
    assert!(!engine.check("Meetings/x.md", &visible).review.is_empty());
}
