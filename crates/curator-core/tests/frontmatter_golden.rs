//! Golden files: every `tests/golden/frontmatter/**/<case>.md` is a note at that vault path,
//! fixed by `Engine::fix` over an index of all cases plus a few people notes, and compared
//! byte for byte with `<case>.fixed.md`. `UPDATE_GOLDEN=1 cargo test --test frontmatter_golden`
//! rewrites the expected files; review the diff before committing it.
//!
//! The cases are one vault, and rules follow a vault's conventions: it writes `created` in ISO
//! more often than any other way (the `Clean ISO` cases among others), so the other forms are
//! strays the dates rule rewrites.

mod frontmatter_common;

use curator_core::{Engine, Note, Settings};
use frontmatter_common::{compare_golden, engine_with, read_notes};
use std::path::{Path, PathBuf};

const FIXED: &str = ".fixed.md";

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/frontmatter")
}

/// `(vault path, text)` of every case, in path order.
fn cases() -> Vec<(String, String)> {
    read_notes(&golden_dir(), |path| !path.ends_with(FIXED))
}

fn engine_over(notes: &[(String, String)]) -> Engine {
    let refs: Vec<(&str, &str)> = notes
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    engine_with(Settings::default(), &refs)
}

fn body_lines(text: &str) -> Vec<String> {
    let note = Note::parse("x.md", text);
    note.body().lines().map(str::to_string).collect()
}

#[test]
fn golden_cases_fix_to_their_expected_text() {
    let cases = cases();
    assert!(cases.len() >= 15, "only {} golden cases", cases.len());
    let engine = engine_over(&cases);
    let mut failures = Vec::new();
    let mut fixed_vault = Vec::new();
    for (path, text) in &cases {
        let out = engine.fix(path, text);
        let fixed = out.text.clone().unwrap_or_else(|| text.clone());
        compare_golden(&golden_dir(), path, &fixed, &mut failures);
        // Fixing the fixed note changes nothing, keeps every body line, and leaves valid YAML.
        assert!(
            engine.fix(path, &fixed).text.is_none(),
            "{path}: not idempotent"
        );
        let after = body_lines(&fixed);
        for line in body_lines(text) {
            assert!(after.contains(&line), "{path}: body line lost: {line:?}");
        }
        let was_valid = Note::parse(path, text)
            .frontmatter
            .is_some_and(|f| f.yaml.is_ok());
        if was_valid {
            let note = Note::parse(path, &fixed);
            let fm = note.frontmatter.as_ref().expect("frontmatter kept");
            assert!(
                fm.yaml.is_ok(),
                "{path}: fixed YAML does not parse: {:?}",
                fm.yaml
            );
        }
        fixed_vault.push((path.clone(), fixed));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    // The fixed vault, indexed afresh, is stable too (last_contact sees the filled links).
    let again = engine_over(&fixed_vault);
    for (path, text) in &fixed_vault {
        assert!(
            again.fix(path, text).text.is_none(),
            "{path}: vault not stable"
        );
    }
}

#[test]
fn golden_clean_cases_are_byte_identical() {
    let cases = cases();
    let engine = engine_over(&cases);
    for (path, text) in cases.iter().filter(|(p, _)| p.contains("Clean")) {
        let out = engine.fix(path, text);
        assert!(out.error.is_none(), "{path}: {:?}", out.error);
        assert_eq!(out.text, None, "{path} changed");
    }
}
