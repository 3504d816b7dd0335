//! Confident resolutions made visible: `(via …)` credits naming the canonical person, and the
//! opt-in `mentions` property of meeting notes, end to end through `Engine::fix`.

use curator_core::{Engine, Settings};

const PEOPLE: &[(&str, &str)] = &[
    (
        "People/Rob Benoit.md",
        "---\ntype: people\n---\n# Rob Benoit\n",
    ),
    (
        "People/Niko Dukic.md",
        "---\ntype: people\n---\n# Niko Dukic\n",
    ),
    ("People/Håkon Lindvik.md", "---\ntype: people\n---\n"),
    ("People/Jonathan Maier.md", "---\ntype: people\n---\n"),
    ("People/Jonathan Reddy.md", "---\ntype: people\n---\n"),
    (
        "Organizations/VAST Data.md",
        "---\ntype: organization\naliases: [VAST]\n---\n",
    ),
];

fn engine(settings: Settings, notes: &[(&str, &str)]) -> Engine {
    let mut engine = Engine::new(settings);
    for (path, text) in PEOPLE.iter().chain(notes) {
        engine.index_mut().upsert(path, text);
    }
    engine
}

/// The note at `path` fixed in a vault that holds it, and fixed once more: nothing changes.
fn fix(settings: Settings, path: &str, text: &str) -> String {
    let engine = engine(settings, &[(path, text)]);
    let out = engine.fix(path, text);
    assert!(out.error.is_none(), "{:?}", out.error);
    let fixed = out.text.unwrap_or_else(|| text.to_string());
    let mut again = engine;
    again.index_mut().upsert(path, &fixed);
    assert_eq!(
        again.fix(path, &fixed).text,
        None,
        "a second fix changed {fixed}"
    );
    fixed
}

fn credit(via: &str) -> String {
    format!(
        "---\ntype: people\n---\n# Glenn Quist\n\n- 2025-10-31: [[2025-10-31 - Intro]] - \
         Weekly 1:1 between Glenn Quist and Rob Benoit on cloud strategy... (via {via})\n"
    )
}

#[test]
fn a_misheard_credit_names_the_person_in_the_style_it_was_written() {
    let path = "People/Glenn Quist.md";
    assert_eq!(
        fix(Settings::default(), path, &credit("Rob Banga")),
        credit("Rob Benoit")
    );
    // A credit written as a link is a link target, and stays a link.
    assert_eq!(
        fix(Settings::default(), path, &credit("[[Rob Benoit]]")),
        credit("[[Rob Benoit]]")
    );
    // Names exactly right, names nobody has a note for, and names left to review stay.
    for via in ["Rob Benoit", "Model Builder Turbine", "Rob Ganga"] {
        assert_eq!(
            fix(Settings::default(), path, &credit(via)),
            credit(via),
            "{via}"
        );
    }
    // With the rule off, credits stay as written.
    let mut off = Settings::default();
    off.rules.insert("entityLinks".into(), false);
    assert_eq!(fix(off, path, &credit("Rob Banga")), credit("Rob Banga"));
}
