//! The persistent cache: the warm vault state saved after each run, so the next run reads the
//! notes, sees what changed, and answers the rest from the cache.
//!
//! It lives outside the vault (never synced, never in Obsidian's way): one file per vault under
//! `$CURATOR_CACHE_DIR`, else `$XDG_CACHE_HOME/vault-curator`, else `~/.cache/vault-curator`,
//! named after the vault's absolute path. Deleting the folder clears it; `--no-cache` runs without
//! it. A cache written by another build of `curator` or with other settings, or one that does not
//! decode, is ignored and rebuilt — never trusted.

use crate::cache_format;
use curator_core::vault::{content_hash, Snapshot, Vault};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The first bytes of a cache file; a file without them is not ours.
const MAGIC: &[u8] = b"vault-curator cache 4\n";

/// Where the cache of the vault at `root` lives, when a cache folder can be found.
pub fn file(root: &Path) -> Option<PathBuf> {
    let dir = std::env::var_os("CURATOR_CACHE_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("XDG_CACHE_HOME").map(|d| PathBuf::from(d).join("vault-curator"))
        })
        .or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/vault-curator"))
        })?;
    let root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let name = format!("{:016x}.cache", content_hash(&root.to_string_lossy()));
    Some(dir.join(name))
}

/// What identifies this build of `curator`: a cache from any other build is not read.
fn build_identity() -> String {
    let exe = std::env::current_exe()
        .and_then(fs::metadata)
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}:{modified}", m.len())
        })
        .unwrap_or_default();
    format!("{} {exe}", env!("CARGO_PKG_VERSION"))
}

/// The snapshot saved for this vault by this build, if there is one that reads back whole.
pub fn load(root: &Path) -> Option<Snapshot> {
    let bytes = fs::read(file(root)?).ok()?;
    let rest = bytes.strip_prefix(MAGIC)?;
    cache_format::decode(rest, &build_identity())
}

/// Saves the vault's state for the next run (written whole, then renamed into place). A cache
/// that cannot be written only costs the next run its head start, so failures are ignored.
pub fn save(root: &Path, vault: &Vault) {
    let Some(path) = file(root) else {
        return;
    };
    let Some(dir) = path.parent() else {
        return;
    };
    let Some(body) = cache_format::encode(&build_identity(), vault.snapshot()) else {
        return;
    };
    if fs::create_dir_all(dir).is_err() {
        return;
    }
    if let Ok(mut tmp) = tempfile::NamedTempFile::new_in(dir) {
        let written = tmp.write_all(MAGIC).and_then(|()| tmp.write_all(&body));
        if written.is_ok() {
            let _ = tmp.persist(&path);
        }
    }
}
