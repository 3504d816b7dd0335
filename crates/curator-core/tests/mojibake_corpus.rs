//! Mojibake repair against the shared example vaults, when they are present.
//!
//! The sample vault holds a real meeting note whose task signifiers were garbled; the generated
//! corpus comes with ground truth: which lines carry mojibake, what the tasks say, and what
//! garbled frontmatter values should read. Both are read-only and optional: each test returns
//! early when its folder is absent.

mod common;

use common::markdown_files;
use curator_core::mojibake::{body_edits, repair};
use curator_core::{apply_edits, Note};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

/// `../shared` beside the repository, as CI lays it out; tests skip when it is absent.
const SAMPLE_VAULT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/sample-vault");
/// `../shared` beside the repository, as CI lays it out; tests skip when it is absent.
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

/// The note with its body edits applied, checking that a second pass finds nothing.
fn fixed(path: &str, text: &str) -> String {
    let note = Note::parse(path, text);
    let edits = body_edits(&note);
    for edit in &edits {
        assert_eq!(edit.rule, "mojibake");
        assert!(
            edit.reason.starts_with("repairs mojibake: `"),
            "{}",
            edit.reason
        );
    }
    let out = apply_edits(text, &edits).unwrap();
    let again = Note::parse(path, &out);
    assert!(
        body_edits(&again).is_empty(),
        "{path}: second pass changed more"
    );
    out
}

fn has_marker(line: &str) -> bool {
    line.contains(['Ã', 'Â', 'â', 'ð', 'Å', 'Ä'])
}

#[test]
fn sample_vault_task_signifiers_come_back() {
    let dir = Path::new(SAMPLE_VAULT);
    if !dir.is_dir() {
        eprintln!("skipped: {SAMPLE_VAULT} is absent");
        return;
    }
    let mut garbled_tasks = 0;
    for (path, text) in markdown_files(dir) {
        let out = fixed(&path, &text);
        for (before, after) in text.lines().zip(out.lines()) {
            if !has_marker(before) {
                assert_eq!(before, after, "{path}: a clean line changed");
                continue;
            }
            if before.trim_start().starts_with("- [") {
                garbled_tasks += 1;
                assert!(!has_marker(after), "{path}: still garbled: {after}");
                // `â« ðŸ“… 2025-10-28 âœ… 2025-11-08` must read `⏫ 📅 2025-10-28 ✅ 2025-11-08`.
                for (garbled, emoji) in
                    [("â«", "⏫"), ("ðŸ“…", "📅"), ("âœ…", "✅"), ("ðŸ”¼", "🔼")]
                {
                    assert_eq!(
                        before.matches(garbled).count(),
                        after.matches(emoji).count()
                    );
                }
            }
        }
    }
    assert!(
        garbled_tasks >= 10,
        "expected the garbled meeting tasks, found {garbled_tasks}"
    );
}

#[test]
fn corpus_lines_match_the_truth() {
    let dir = Path::new(CORPUS).join("dev-vault");
    let Ok(truth) = fs::read_to_string(Path::new(CORPUS).join("truth.json")) else {
        eprintln!("skipped: {CORPUS} is absent");
        return;
    };
    let truth: Value = serde_json::from_str(&truth).unwrap();
    let mut garbled: HashMap<String, HashSet<usize>> = HashMap::new();
    for entry in truth["mojibake_lines"].as_array().unwrap() {
        let lines = entry["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_u64().unwrap() as usize);
        garbled
            .entry(entry["path"].as_str().unwrap().to_string())
            .or_default()
            .extend(lines);
    }
    let mut fixed_notes: HashMap<String, String> = HashMap::new();
    let mut repaired_lines = 0;
    for (path, text) in markdown_files(&dir) {
        let out = fixed(&path, &text);
        let expected = garbled.get(&path);
        for (n, (before, after)) in text.lines().zip(out.lines()).enumerate() {
            if expected.is_some_and(|lines| lines.contains(&(n + 1))) {
                assert!(
                    !has_marker(after),
                    "{path}:{}: still garbled: {after}",
                    n + 1
                );
                repaired_lines += 1;
            } else {
                // Everything else stays byte-identical: accented names, `Åkerberg`, and the
                // garbled frontmatter values, which are the frontmatter rule's business.
                assert_eq!(before, after, "{path}:{}: a clean line changed", n + 1);
            }
        }
        fixed_notes.insert(path, out);
    }
    assert!(repaired_lines > 50, "{repaired_lines}");

    // Garbled tasks read as the truth says: every signifier with its value.
    let signifiers = [
        ("due", "📅"),
        ("scheduled", "⏳"),
        ("start", "🛫"),
        ("created", "➕"),
        ("done", "✅"),
        ("cancelled", "❌"),
    ];
    let priorities = [
        ("highest", "🔺"),
        ("high", "⏫"),
        ("medium", "🔼"),
        ("low", "🔽"),
        ("lowest", "⏬"),
    ];
    let mut tasks = 0;
    for task in truth["tasks"].as_array().unwrap() {
        if task["mojibake"] != Value::Bool(true) {
            continue;
        }
        let out = &fixed_notes[task["path"].as_str().unwrap()];
        let line = out
            .lines()
            .nth(task["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        for (field, emoji) in signifiers {
            if let Some(date) = task[field].as_str() {
                assert!(line.contains(&format!("{emoji} {date}")), "{field}: {line}");
            }
        }
        for (priority, emoji) in priorities {
            assert_eq!(task["priority"] == priority, line.contains(emoji), "{line}");
        }
        if let Some(rule) = task["recurrence"].as_str() {
            assert!(line.contains(&format!("🔁 {rule}")), "{line}");
        }
        tasks += 1;
    }
    assert!(tasks > 40, "{tasks}");

    // Garbled frontmatter values repair to the expected ones.
    let mut values = 0;
    for entry in truth["frontmatter"].as_array().unwrap() {
        let path = entry["path"].as_str().unwrap();
        for defect in entry["defects"].as_array().unwrap() {
            let Some(key) = defect.as_str().unwrap().strip_prefix("mojibake_value:") else {
                continue;
            };
            let text = fs::read_to_string(dir.join(path)).unwrap();
            let line = text
                .lines()
                .find(|l| l.to_lowercase().starts_with(&format!("{key}:")))
                .unwrap();
            let value = line.split_once(':').unwrap().1.trim().trim_matches('"');
            assert_eq!(
                repair(value).as_deref(),
                entry["expected"][key].as_str(),
                "{path}"
            );
            values += 1;
        }
    }
    assert!(values > 0);
}
