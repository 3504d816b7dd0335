//! Golden files for mojibake repair at the level of a note: every
//! `tests/golden/mojibake/**/<case>.md` is a note at that vault path, fixed by `Engine::fix`
//! with only the `mojibake` rule on, and compared byte for byte with `<case>.fixed.md` (the
//! same text when nothing may change). Notes that document mojibake keep their examples, in the
//! body and in frontmatter; notes that suffer from it are repaired even where the correct
//! form stands beside the garbled one. `UPDATE_GOLDEN=1 cargo test --test mojibake_golden`
//! rewrites the expected files; review the diff before committing it.

mod frontmatter_common;

use curator_core::rules::REGISTRY;
use curator_core::{Engine, Settings};
use frontmatter_common::{compare_golden, read_notes};
use std::path::{Path, PathBuf};

const FIXED: &str = ".fixed.md";

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/mojibake")
}

/// An engine that runs the `mojibake` rule alone.
fn engine() -> Engine {
    let mut settings = Settings::default();
    for entry in REGISTRY {
        settings.set_rule(entry.rule, entry.rule.name == "mojibake");
    }
    Engine::new(settings)
}

#[test]
fn golden_cases_fix_to_their_expected_text() {
    let cases = read_notes(&golden_dir(), |path| !path.ends_with(FIXED));
    assert!(cases.len() >= 6, "only {} golden cases", cases.len());
    let engine = engine();
    let mut failures = Vec::new();
    for (path, text) in &cases {
        let out = engine.fix(path, text);
        assert!(out.error.is_none(), "{path}: {:?}", out.error);
        let fixed = out.text.unwrap_or_else(|| text.clone());
        compare_golden(&golden_dir(), path, &fixed, &mut failures);
        assert!(
            engine.fix(path, &fixed).text.is_none(),
            "{path}: not idempotent"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
