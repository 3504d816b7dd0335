//! Every property test runs with the shared configuration (`src/proptest_config.rs`), so `npm
//! test` draws its cases from the fixed seed: a `proptest!` block without it would make a
//! commit's tests pass on one run and fail on the next.

use std::path::{Path, PathBuf};

/// The `.rs` files under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out
}

#[test]
fn every_proptest_block_uses_the_shared_config() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut blocks = 0;
    let mut missing = Vec::new();
    for file in [root.join("src"), root.join("tests")]
        .iter()
        .flat_map(|d| rust_files(d))
    {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if !line.trim_start().starts_with("proptest::proptest! {")
                && !line.trim_start().starts_with("proptest! {")
            {
                continue;
            }
            blocks += 1;
            let config = lines.get(i + 1).map(|l| l.trim()).unwrap_or("");
            if !config.contains("proptest_config::cases(") {
                missing.push(format!("{}:{}", file.display(), i + 1));
            }
        }
    }
    assert!(
        blocks > 0,
        "found no proptest! blocks under {}",
        root.display()
    );
    assert!(
        missing.is_empty(),
        "proptest! blocks without proptest_config::cases: {missing:#?}"
    );
}
