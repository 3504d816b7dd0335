//! Replays every committed input through its fuzz target: the seed corpus (`corpus/TARGET/`)
//! and the inputs that once broke a promise (`regressions/TARGET/`). Fast and deterministic,
//! so it runs with every `cargo test`.

use curator_fuzz::TARGETS;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// The files of `dir`, sorted; none when it does not exist.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file());
    files.sort();
    files
}

#[test]
fn every_committed_input_keeps_every_promise() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failed = Vec::new();
    let mut replayed = 0;
    for (name, target) in TARGETS {
        for folder in ["corpus", "regressions"] {
            for file in inputs(&root.join(folder).join(name)) {
                let data = std::fs::read(&file).unwrap_or_default();
                replayed += 1;
                if catch_unwind(AssertUnwindSafe(|| target(&data))).is_err() {
                    failed.push(file.display().to_string());
                }
            }
        }
    }
    assert!(
        replayed > 0,
        "no committed inputs found under {}",
        root.display()
    );
    assert!(
        failed.is_empty(),
        "inputs that break a promise: {failed:#?}"
    );
}
