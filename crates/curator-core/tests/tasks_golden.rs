//! Golden files for what counts as a task and what its dates say: every
//! `tests/golden/tasks/<case>.md` is a note, read with the Tasks plugin settings in
//! `<case>.tasks-plugin.json` when there is one (the Tasks plugin's own `data.json` format), and
//! compared with `<case>.expected.json`: its tasks (the CLI's JSON), its review items, and the
//! text `fix` leaves (`null` when it changes nothing). `UPDATE_GOLDEN=1 cargo test --test
//! tasks_golden` rewrites the expected files; review the diff before committing it.

use curator_core::{Engine, Settings};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

const EXPECTED: &str = ".expected.json";
const TASKS_PLUGIN: &str = ".tasks-plugin.json";

/// People the cases' owners and mentions can resolve to.
const PEOPLE: &[(&str, &str)] = &[
    (
        "People/Niko Dukic.md",
        "---\ntype: people\n---\n# Niko Dukic\n",
    ),
    (
        "People/Jürgen Weiß.md",
        "---\ntype: people\n---\n# Jürgen Weiß\n",
    ),
];

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/tasks")
}

/// Case names, in order.
fn cases() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(golden_dir())
        .expect("tests/golden/tasks")
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            name.strip_suffix(".md").map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

fn settings_for(case: &str) -> Settings {
    let path = golden_dir().join(format!("{case}{TASKS_PLUGIN}"));
    let tasks: Value = std::fs::read_to_string(&path)
        .map(|json| serde_json::from_str(&json).expect("Tasks plugin settings"))
        .unwrap_or(Value::Null);
    Settings {
        tasks_global_filter: tasks["globalFilter"].as_str().unwrap_or("").to_string(),
        tasks_remove_global_filter: tasks["removeGlobalFilter"].as_bool().unwrap_or(false),
        ..Settings::default()
    }
}

/// What the engine makes of the case's note.
fn actual(case: &str, text: &str) -> Value {
    let path = format!("Meetings/{case}.md");
    let mut engine = Engine::new(settings_for(case));
    for (p, t) in PEOPLE {
        engine.index_mut().upsert(p, t);
    }
    engine.index_mut().upsert(&path, text);
    let fixed = engine.fix(&path, text);
    assert!(fixed.error.is_none(), "{case}: {:?}", fixed.error);
    if let Some(again) = &fixed.text {
        assert!(
            engine.fix(&path, again).text.is_none(),
            "{case}: a second fix changes the note"
        );
    }
    json!({
        "tasks": engine.tasks(&path, text),
        "review": engine.check(&path, text).review,
        "fixed": fixed.text,
    })
}

#[test]
fn golden_cases_read_to_their_expected_tasks() {
    let cases = cases();
    assert!(cases.len() >= 8, "only {} golden cases", cases.len());
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for case in &cases {
        let text = std::fs::read_to_string(golden_dir().join(format!("{case}.md"))).expect("case");
        let got = actual(case, &text);
        let expected_file = golden_dir().join(format!("{case}{EXPECTED}"));
        if update {
            let pretty = serde_json::to_string_pretty(&got).expect("JSON") + "\n";
            std::fs::write(&expected_file, pretty).expect("write golden");
            continue;
        }
        let expected: Value = std::fs::read_to_string(&expected_file)
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_else(|| panic!("missing or invalid {}", expected_file.display()));
        if expected != got {
            failures.push(format!(
                "{case}\n--- expected\n{expected:#}\n--- got\n{got:#}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
