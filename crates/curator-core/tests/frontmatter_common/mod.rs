//! Shared helpers for the frontmatter tests: a small vault of people and an engine over it.
#![allow(dead_code)]

use curator_core::{Engine, FixOutcome, Settings};

/// People and organisation notes every test vault holds.
pub const PEOPLE: &[(&str, &str)] = &[
    (
        "People/Ada Lovelace.md",
        "---\ntype: person\nlast_contact: 2025-01-05\ntags: [people]\n---\n# Ada Lovelace\n",
    ),
    (
        "People/Grace Hopper.md",
        "---\ntype: person\naliases: [Amazing Grace]\n---\n# Grace Hopper\n",
    ),
    (
        "Organizations/Analytical Engines.md",
        "---\ntype: organization\n---\n",
    ),
];

/// An engine over `PEOPLE` plus `notes`, with `settings`.
pub fn engine_with(settings: Settings, notes: &[(&str, &str)]) -> Engine {
    let mut engine = Engine::new(settings);
    for (path, text) in PEOPLE.iter().chain(notes) {
        engine.index_mut().upsert(path, text);
    }
    engine
}

/// Fixes `text` at `path` in an engine whose index also holds the note itself.
pub fn fix_in(settings: Settings, notes: &[(&str, &str)], path: &str, text: &str) -> FixOutcome {
    let mut engine = engine_with(settings, notes);
    engine.index_mut().upsert(path, text);
    engine.fix(path, text)
}

/// The fixed text (the original when nothing changed) with default settings.
pub fn fixed(path: &str, text: &str) -> String {
    let out = fix_in(Settings::default(), &[], path, text);
    assert!(out.error.is_none(), "{:?}", out.error);
    out.text.unwrap_or_else(|| text.to_string())
}
