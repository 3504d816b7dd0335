//! Entity resolution over the shared accuracy corpus, when it is present.
//!
//! Writes the mentions JSON the CLI would print to `target/tmp/entities-corpus.json`, so
//! `score.py --entities-json` can score it, and checks the hard guarantees directly against the
//! truth: no mention of someone without a note is merged into a look-alike.

mod common;

use common::markdown_files;
use curator_core::{Engine, Settings};
use std::path::Path;

/// `../shared` beside the repository, as CI lays it out; tests skip when it is absent.
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

/// Loads a vault into an engine: `(engine, [(path, text)])`.
fn load(root: &Path) -> (Engine, Vec<(String, String)>) {
    let mut engine = Engine::new(Settings::default());
    let notes = markdown_files(root);
    for (path, text) in &notes {
        engine.index_mut().upsert(path, text);
    }
    (engine, notes)
}

#[test]
fn corpus_mentions_never_merge_people_without_a_note() {
    let vault = Path::new(CORPUS).join("dev-vault");
    let Ok(truth) = std::fs::read_to_string(Path::new(CORPUS).join("truth.json")) else {
        eprintln!("skipped: {CORPUS} is absent");
        return;
    };
    let truth: serde_json::Value = serde_json::from_str(&truth).unwrap();
    let (engine, notes) = load(&vault);
    let started = std::time::Instant::now();
    let mut slowest = (std::time::Duration::ZERO, 0usize);
    let mut mentions = Vec::new();
    for (path, text) in &notes {
        let t = std::time::Instant::now();
        mentions.extend(engine.mentions(path, text));
        slowest = slowest.max((t.elapsed(), text.len()));
    }
    eprintln!(
        "{} mentions in {} notes in {:?}; slowest note ({} bytes) {:?}",
        mentions.len(),
        notes.len(),
        started.elapsed(),
        slowest.1,
        slowest.0
    );
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("entities-corpus.json");
    std::fs::write(&out, serde_json::to_string(&mentions).unwrap()).unwrap();
    eprintln!("wrote {}", out.display());

    // Mentions of people who have no note (look-alikes and new people) must never be linked.
    let nobody: std::collections::HashSet<(String, u64, String)> = truth["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["entity"].is_null() && m["hard"].is_string())
        .map(|m| {
            (
                m["path"].as_str().unwrap().to_string(),
                m["line"].as_u64().unwrap(),
                m["text"].as_str().unwrap().to_lowercase(),
            )
        })
        .collect();
    let merged: Vec<_> = mentions
        .iter()
        .filter(|m| m.decision.is_confident())
        .filter(|m| nobody.contains(&(m.path.clone(), m.line as u64, m.text.to_lowercase())))
        .collect();
    assert!(
        merged.is_empty(),
        "merged people without a note: {merged:#?}"
    );
}
