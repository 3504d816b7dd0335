//! Hostile and arbitrary input: the engine never panics, never loses the note, and a fixed note
//! is stable.

use curator_core::{Engine, Note, Settings};
use proptest::prelude::*;

#[path = "../src/proptest_config.rs"]
mod proptest_config;

fn engine() -> Engine {
    let mut engine = Engine::new(Settings::default());
    engine.index_mut().upsert(
        "People/Ada Park.md",
        "---\ntype: people\naliases: [Ada]\n---\n# Ada Park\n",
    );
    engine
}

/// Text built from the pieces notes are made of, so the generator reaches deep into the parsers.
fn note_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("---\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{feff}".to_string()),
        Just("tags: [a, B, #c]\n".to_string()),
        Just("created: { { DATE } }\n".to_string()),
        Just("date: 2026/01/03\n".to_string()),
        Just("- [ ] task @Ada Park ⏫ 📅 2026-01-03\n".to_string()),
        Just("> [!todo]\n> - [x] done ✅ 2026-01-04\n".to_string()),
        Just("```text\nAda ParkYes JÃ¼rgen\n```\n".to_string()),
        Just("[[Ada Perk|Ada]] (via Ada)\n".to_string()),
        Just("â« ðŸ“… Ã".to_string()),
        Just("**Date:** 2026-01-03\n**Participants:** Ada Park, Bo\n".to_string()),
        Just("a: &x [1]\nb: *x\n".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..14).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(proptest_config::cases(400))]

    #[test]
    fn never_panics_and_fix_is_stable(text in note_text()) {
        let engine = engine();
        let _ = Note::parse("Meetings/x.md", &text);
        let report = engine.check("Meetings/x.md", &text);
        let _ = engine.tasks("Meetings/x.md", &text);
        let _ = engine.mentions("Meetings/x.md", &text);
        let once = engine.fix("Meetings/x.md", &text);
        if report.error.is_some() {
            prop_assert!(once.text.is_none(), "a note with an error is left untouched");
        }
        if report.edits.is_empty() {
            prop_assert!(once.text.is_none(), "no edits means byte-identical");
        }
        if let Some(fixed) = once.text {
            let twice = engine.fix("Meetings/x.md", &fixed);
            prop_assert!(twice.text.is_none(), "fixing twice changes nothing: {:?}", twice.applied);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(text in "\\PC{0,200}") {
        let engine = engine();
        let _ = engine.fix("n.md", &text);
        let _ = engine.tasks("n.md", &text);
        let _ = engine.mentions("n.md", &text);
    }
}

#[test]
fn billion_laughs_is_refused_quickly() {
    let mut text = String::from("---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let prev = format!("*a{}", i - 1);
        text.push_str(&format!("a{i}: &a{i} [{}]\n", vec![prev; 10].join(", ")));
    }
    text.push_str("---\nbody\n");
    let out = engine().fix("laughs.md", &text);
    let err = out.error.expect("refused");
    assert!(err.message.contains("alias"), "{}", err.message);
    assert!(out.text.is_none());
}
