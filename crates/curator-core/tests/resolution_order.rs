//! A note's results do not depend on which notes were resolved before it. The engine memoises
//! answers across notes (how a name resolves where the note names none of the entities it
//! could be, among others), so a memo keyed by less than the answer reads would give a note
//! the answer another note's context gave. Resolving a vault's notes in two orders, each with
//! a fresh engine, shows it: the first note to ask a question differs.

mod common;

use common::markdown_files;
use curator_core::{Engine, Settings};
use std::path::Path;

/// Each note's mentions and check report, as JSON, resolved in the order of `order` with an
/// engine that has answered nothing yet.
fn results(notes: &[(String, String)], order: &[usize]) -> Vec<(String, String)> {
    let mut engine = Engine::new(Settings::default());
    for (path, text) in notes {
        engine.index_mut().upsert(path, text);
    }
    let mut out: Vec<(String, String)> = order
        .iter()
        .map(|&i| {
            let (path, text) = &notes[i];
            let mentions = serde_json::to_string(&engine.mentions(path, text)).unwrap();
            let report = serde_json::to_string(&engine.check(path, text)).unwrap();
            (path.clone(), format!("{mentions}\n{report}"))
        })
        .collect();
    out.sort();
    out
}

/// Asserts that the notes under `root` resolve alike forwards, backwards and from the middle
/// out; returns how many notes were read.
fn resolves_alike_in_any_order(root: &Path) -> usize {
    let notes = markdown_files(root);
    let n = notes.len();
    let forwards: Vec<usize> = (0..n).collect();
    let backwards: Vec<usize> = (0..n).rev().collect();
    let interleaved: Vec<usize> = (0..n).map(|i| (i * 7 + n / 2) % n.max(1)).collect();
    let first = results(&notes, &forwards);
    for order in [backwards, interleaved] {
        // `(i * 7 + n / 2) % n` visits every note only when 7 does not divide n.
        let mut visited = order.clone();
        visited.sort_unstable();
        visited.dedup();
        if visited.len() != n {
            continue;
        }
        for ((path, a), (_, b)) in first.iter().zip(results(&notes, &order)) {
            assert_eq!(a, &b, "{path} resolves differently in another order");
        }
    }
    n
}

#[test]
fn the_demo_vault_resolves_alike_in_any_order() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/demo-vault");
    assert!(resolves_alike_in_any_order(&root) > 10);
}

#[test]
fn the_shared_vaults_resolve_alike_in_any_order() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    for vault in ["corpus/dev-vault", "sample-vault"] {
        let root = shared.join(vault);
        if !root.is_dir() {
            eprintln!("skipped: {} is absent", root.display());
            continue;
        }
        assert!(resolves_alike_in_any_order(&root) > 10);
    }
}
