//! Helpers shared by the integration tests that read whole vaults from disk.

use std::path::{Path, PathBuf};

/// Every `.md` file under `root` as `(vault-relative path with /, text)`, in path order.
/// Unreadable folders and files are skipped; an absent root gives an empty list.
pub fn markdown_files(root: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                let (Ok(rel), Ok(text)) = (path.strip_prefix(root), std::fs::read_to_string(&path))
                else {
                    continue;
                };
                out.push((rel.to_string_lossy().replace('\\', "/"), text));
            }
        }
    }
    out.sort();
    out
}
