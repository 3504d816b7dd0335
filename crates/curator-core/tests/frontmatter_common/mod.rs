//! Shared helpers for the frontmatter tests: a small vault of people and an engine over it.
#![allow(dead_code)]

use curator_core::{Engine, FixOutcome, Settings};
use std::path::{Path, PathBuf};

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

/// Every `.md` file under `root` whose name `keep` accepts, as `(vault path, text)` in path
/// order. An unreadable folder gives nothing.
pub fn read_notes(root: &Path, keep: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(root, &mut paths);
    let mut notes: Vec<(String, String)> = paths
        .into_iter()
        .filter_map(|path| {
            let rel = path
                .strip_prefix(root)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&path).ok()?;
            keep(&rel).then_some((rel, text))
        })
        .collect();
    notes.sort();
    notes
}

/// Checks `fixed`, the note at `path` fixed, against its golden file (`path` with `.md` →
/// `.fixed.md` under `dir`), pushing a difference to `failures`; with `UPDATE_GOLDEN` set it
/// writes the file instead.
pub fn compare_golden(dir: &Path, path: &str, fixed: &str, failures: &mut Vec<String>) {
    let expected_file = dir.join(path.replace(".md", ".fixed.md"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&expected_file, fixed).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&expected_file)
        .unwrap_or_else(|_| panic!("missing {}", expected_file.display()));
    if expected != fixed {
        failures.push(format!(
            "{path}\n--- expected\n{expected:?}\n--- got\n{fixed:?}"
        ));
    }
}
