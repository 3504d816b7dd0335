//! The undo journal on disk: one JSON file per run under the vault's
//! `.obsidian/plugins/vault-curator/journal/`, shared with the Obsidian plugin (the format and
//! the rules of undoing are the engine's, `curator_core::journal`). A folder that is no Obsidian
//! vault (no `.obsidian/`: a Foam or plain Markdown folder) gets none: its journal lives beside
//! its cache, outside it ([`crate::cache::beside_cache`]).

use crate::vault::CONFIG_DIR;
use curator_core::journal::{self, PutBack, Run};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The journal folder of the vault at `root`.
fn dir(root: &Path) -> PathBuf {
    home(root).join(journal::JOURNAL_DIR)
}

/// What the journal's paths are relative to: the vault's configuration folder, or, in a folder
/// that has none, one beside its cache (the configuration folder when no cache folder can be
/// found either).
fn home(root: &Path) -> PathBuf {
    let config = root.join(CONFIG_DIR);
    if config.is_dir() {
        return config;
    }
    crate::cache::beside_cache(root, "undo").unwrap_or(config)
}

/// Records a run that wrote notes, then drops the oldest runs beyond the journal's bounds.
pub fn record(root: &Path, run: &Run) -> Result<(), String> {
    if run.notes.is_empty() {
        return Ok(());
    }
    let dir = dir(root);
    let fail = |e: std::io::Error| format!("{}: cannot write the undo journal: {e}", dir.display());
    fs::create_dir_all(&dir).map_err(fail)?;
    let body = serde_json::to_vec(run).map_err(|e| format!("undo journal: {e}"))?;
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(fail)?;
    tmp.write_all(&body).map_err(fail)?;
    tmp.persist(dir.join(format!("{}.json", run.id)))
        .map_err(|e| fail(e.error))?;
    let sizes: Vec<(String, usize)> = runs(root)
        .into_iter()
        .map(|(id, path)| {
            let size = fs::metadata(&path).map_or(0, |m| m.len() as usize);
            (id, size)
        })
        .collect();
    for id in journal::to_drop(&sizes) {
        let _ = fs::remove_file(dir.join(format!("{id}.json")));
    }
    Ok(())
}

/// Remembers the notes an undo wrote back, `(path, text)`, so that the plugin's automatic
/// enrichment leaves them as they are (see `curator_core::journal::PutBack`). A put-back file
/// that does not read back is started afresh: it only holds enrichment back.
pub fn remember_put_back(root: &Path, restored: &[(String, String)]) -> Result<(), String> {
    if restored.is_empty() {
        return Ok(());
    }
    let file = home(root).join(journal::PUT_BACK_FILE);
    let mut put_back: PutBack = fs::read(&file)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    put_back.add(restored.iter().map(|(p, t)| (p.as_str(), t.as_str())));
    let fail = |e: std::io::Error| format!("{}: cannot write: {e}", file.display());
    let dir = file.parent().unwrap_or(root);
    fs::create_dir_all(dir).map_err(fail)?;
    let body = serde_json::to_vec(&put_back).map_err(|e| format!("put-back notes: {e}"))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    tmp.write_all(&body).map_err(fail)?;
    tmp.persist(&file).map_err(|e| fail(e.error))?;
    Ok(())
}

/// The runs in the journal, as `(id, file)`.
fn runs(root: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = fs::read_dir(dir(root)) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let path = e.path();
            let id = path
                .file_name()?
                .to_str()?
                .strip_suffix(".json")?
                .to_string();
            Some((id, path))
        })
        .collect()
}

/// The newest run in the journal and its file, if the journal has one.
pub fn last(root: &Path) -> Result<Option<(Run, PathBuf)>, String> {
    let all = runs(root);
    let Some(id) = journal::newest(all.iter().map(|(id, _)| id.as_str())) else {
        return Ok(None);
    };
    let Some((_, path)) = all.iter().find(|(each, _)| each == id) else {
        return Ok(None);
    };
    let path = path.clone();
    let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let run = serde_json::from_slice(&bytes).map_err(|e| {
        format!(
            "{}: the newest run of the undo journal does not read back ({e}); delete it to undo the one before",
            path.display()
        )
    })?;
    Ok(Some((run, path)))
}
