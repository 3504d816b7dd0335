//! The small vault the check/fix target runs in: people, an organisation and a meeting, so the
//! entity, owner-handle, `last_contact` and open-tasks rules all have something to act on.

use curator_core::settings::ListStyle;
use curator_core::{Engine, Settings};
use std::sync::OnceLock;

/// Where the fuzzed note lives: a meeting, a person note and a plain note.
const PATHS: [&str; 3] = [
    "Meetings/2026-01-14 Vendor sync.md",
    "People/Ada Park.md",
    "Notes/n.md",
];

/// The vault's other notes.
const NOTES: &[(&str, &str)] = &[
    (
        "People/Ada Park.md",
        "---\ntype: people\naliases: [Ada]\n---\n# Ada Park\n<!-- curator:open-tasks -->\n<!-- /curator:open-tasks -->\n",
    ),
    (
        "People/Håkon Lindvik.md",
        "---\ntype: people\ncompany: Northwind\n---\n# Håkon Lindvik\n",
    ),
    ("People/Niko Dukic.md", "---\ntype: people\n---\n"),
    ("Organizations/Northwind.md", "---\ntype: organization\n---\n"),
    (
        "Meetings/2026-01-07 Kickoff.md",
        "---\ntype: meeting\nparticipants: [\"[[Ada Park]]\"]\n---\n- [ ] Send the plan @Ada Park 📅 2026-01-16\n",
    ),
];

/// One engine per settings variant, each over the vault above.
fn engines() -> &'static [Engine] {
    static ENGINES: OnceLock<Vec<Engine>> = OnceLock::new();
    ENGINES.get_or_init(|| {
        [ListStyle::Keep, ListStyle::Flow, ListStyle::Block]
            .into_iter()
            .flat_map(|list_style| {
                [false, true].map(|sections| {
                    let mut settings = Settings {
                        list_style,
                        ..Settings::default()
                    };
                    settings.set_rule(&curator_core::tasks::section::RULE, sections);
                    settings.set_rule(&curator_core::links::meetings::RULE, sections);
                    let mut engine = Engine::new(settings);
                    for (path, text) in NOTES {
                        engine.index_mut().upsert(path, text);
                    }
                    engine
                })
            })
            .collect()
    })
}

/// The note's path and an engine whose index holds the vault and the note itself, as the CLI
/// indexes every note before checking any; `selector` picks the path and the settings.
pub fn engine_for(selector: u8, text: &str) -> (&'static str, Engine) {
    let selector = usize::from(selector);
    let path = PATHS[selector % PATHS.len()];
    let all = engines();
    let mut engine = all[(selector / PATHS.len()) % all.len()].clone();
    engine.index_mut().upsert(path, text);
    (path, engine)
}
