//! Task extraction measured against the generated corpus and the sample vault in ../shared
//! (skipped when they are absent).

mod common;

use common::markdown_files;
use curator_core::context::Context;
use curator_core::{tasks, Note, Settings, VaultIndex};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// `../shared` beside the repository, as CI lays it out; tests skip when it is absent.
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
/// `../shared` beside the repository, as CI lays it out; tests skip when it is absent.
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/sample-vault");

/// True once mojibake repair is in the build (the corpus and sample vault need it to read
/// mojibaked signifiers such as `ðŸ“…`).
fn mojibake_repair_available() -> bool {
    let available = curator_core::mojibake::repair("ðŸ“… 2025-10-28").is_some();
    if !available {
        eprintln!("mojibake repair not in this build: skipped");
    }
    available
}

fn vault_tasks(root: &Path) -> Vec<tasks::Task> {
    let files = markdown_files(root);
    let index = VaultIndex::build(
        Settings::default(),
        files.iter().map(|(p, t)| (p.as_str(), t.as_str())),
    );
    files
        .iter()
        .flat_map(|(path, text)| {
            let note = Note::parse(path, text);
            let ctx = Context::for_note(&index, &note);
            tasks::extract(&note, &ctx)
        })
        .collect()
}

/// Task detection and every field but owners (which depend on fuzzy name resolution) against
/// the corpus truth: all tasks found, no trap reported, each field at least 99 % right.
#[test]
fn corpus_tasks_match_the_truth() {
    let root = Path::new(CORPUS);
    let Ok(truth) = std::fs::read_to_string(root.join("truth.json")) else {
        eprintln!("corpus absent: skipped");
        return;
    };
    if !mojibake_repair_available() {
        return;
    }
    let truth: Value = serde_json::from_str(&truth).unwrap();
    let found = vault_tasks(&root.join("dev-vault"));
    let by_key: HashMap<(String, u64), Value> = found
        .iter()
        .map(|t| {
            (
                (t.path.to_string(), t.line as u64),
                serde_json::to_value(t).unwrap(),
            )
        })
        .collect();
    let key = |v: &Value| {
        (
            v["path"].as_str().unwrap().to_string(),
            v["line"].as_u64().unwrap(),
        )
    };
    let traps: HashSet<_> = truth["non_tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(key)
        .collect();
    let reported_traps: Vec<_> = by_key.keys().filter(|k| traps.contains(*k)).collect();
    assert!(
        reported_traps.is_empty(),
        "traps reported: {reported_traps:?}"
    );

    let expected = truth["tasks"].as_array().unwrap();
    let missing: Vec<_> = expected
        .iter()
        .map(key)
        .filter(|k| !by_key.contains_key(k))
        .collect();
    assert!(missing.is_empty(), "tasks missed: {missing:?}");
    assert_eq!(found.len(), expected.len(), "extra tasks reported");

    let fields = [
        "status",
        "description",
        "priority",
        "due",
        "scheduled",
        "start",
        "created",
        "done",
        "cancelled",
        "recurrence",
        "tags",
        "id",
        "depends_on",
    ];
    let mut wrong: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for want in expected {
        let got = &by_key[&key(want)];
        for f in fields {
            if !field_matches(f, &want[f], &got[f]) {
                wrong.entry(f).or_default().push(format!(
                    "{}:{} want {} got {}",
                    want["path"], want["line"], want[f], got[f]
                ));
            }
        }
    }
    for (f, errors) in &wrong {
        eprintln!(
            "{f}: {} wrong, e.g. {:?}",
            errors.len(),
            &errors[..errors.len().min(3)]
        );
    }
    // Per-field accuracy of at least 99 % (the product bar); the misses print above.
    let allowed = expected.len() / 100;
    let over: Vec<_> = wrong
        .iter()
        .filter(|(_, e)| e.len() > allowed)
        .map(|(f, _)| f)
        .collect();
    assert!(over.is_empty(), "fields under 99 %: {over:?}");
}

fn field_matches(field: &str, want: &Value, got: &Value) -> bool {
    match field {
        "description" => norm(want) == norm(got),
        "tags" | "depends_on" => {
            let set = |v: &Value| -> HashSet<String> {
                v.as_array()
                    .map(|a| {
                        a.iter()
                            .map(|x| x.as_str().unwrap_or("").to_lowercase())
                            .collect()
                    })
                    .unwrap_or_default()
            };
            set(want) == set(got)
        }
        _ => want == got,
    }
}

fn norm(v: &Value) -> String {
    v.as_str()
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The sample vault's meeting note: eleven done tasks whose signifiers were mojibaked
/// (`â« ðŸ“… 2025-10-28 âœ… 2025-11-08`), read as what they were.
#[test]
fn sample_meeting_tasks_read_through_mojibake() {
    let root = Path::new(SAMPLE);
    if !root.is_dir() {
        eprintln!("sample vault absent: skipped");
        return;
    }
    if !mojibake_repair_available() {
        return;
    }
    let found: Vec<tasks::Task> = vault_tasks(root)
        .into_iter()
        .filter(|t| t.path.starts_with("Meetings/"))
        .collect();
    assert_eq!(found.len(), 11);
    let people: HashSet<&str> = ["Niko Dukic", "Lior Genzel", "Jason Vallery"].into();
    for t in &found {
        assert_eq!(t.status, 'x');
        assert_eq!(t.owners.len(), 1, "{t:?}");
        assert!(people.contains(&*t.owners[0]), "{t:?}");
        assert!(
            matches!(t.priority, tasks::Priority::High | tasks::Priority::Medium),
            "{t:?}"
        );
        assert_eq!(
            t.done.map(|d| d.to_string()).as_deref(),
            Some("2025-11-08"),
            "{t:?}"
        );
        assert!(!t.description.contains(['@', 'â', 'ð']), "{t:?}");
    }
    let first = &found[0];
    assert_eq!(first.owners, vec![std::sync::Arc::from("Niko Dukic")]);
    assert_eq!(first.priority, tasks::Priority::High);
    assert_eq!(
        first.due.map(|d| d.to_string()).as_deref(),
        Some("2025-10-28")
    );
    let high = found
        .iter()
        .filter(|t| t.priority == tasks::Priority::High)
        .count();
    assert_eq!(high, 5);
    let with_due = found.iter().filter(|t| t.due.is_some()).count();
    assert_eq!(with_due, 7);
}

/// The owner-handle rule over the whole corpus: only handles change, into the form each
/// person's note queries, and a second run finds nothing to do.
#[test]
fn corpus_owner_handles_are_stable() {
    let root = Path::new(CORPUS).join("dev-vault");
    if !root.is_dir() {
        eprintln!("corpus absent: skipped");
        return;
    }
    let files = markdown_files(&root);
    let mut settings = Settings::default();
    settings.set_rule(&curator_core::tasks::owner_handles::RULE, true);
    let index = VaultIndex::build(
        settings,
        files.iter().map(|(p, t)| (p.as_str(), t.as_str())),
    );
    let mut rewritten = 0;
    for (path, text) in &files {
        let note = Note::parse(path, text);
        let edits = tasks::handle_edits(&note, &Context::for_note(&index, &note));
        for e in &edits {
            assert!(text[e.start..e.end].starts_with('@') && e.replacement.starts_with('@'));
            assert!(!e.replacement.contains(' '), "{path}: {e:?}");
        }
        rewritten += edits.len();
        let fixed = curator_core::apply_edits(text, &edits).unwrap();
        let again = Note::parse(path, &fixed);
        assert!(tasks::handle_edits(&again, &Context::for_note(&index, &again)).is_empty());
    }
    assert!(rewritten > 100, "only {rewritten} handles rewritten");
}
