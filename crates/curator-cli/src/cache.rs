//! The persistent cache: the warm vault state saved after each run, so the next run reads the
//! notes, sees what changed, and answers the rest from the cache.
//!
//! It lives outside the vault (never synced, never in Obsidian's way): one file per vault under
//! `$CURATOR_CACHE_DIR`, else `$XDG_CACHE_HOME/vault-curator`, else `~/.cache/vault-curator`,
//! named after the vault's absolute path. Deleting the folder clears it; `--no-cache` runs without
//! it. A cache written by another build of `curator` or with other settings, or one that does not
//! decode, is ignored and rebuilt — never trusted.

use crate::cache_format::{self, CheckSaved, CheckedFix, Head, Printed, Section};
use crate::vault::Scan;
use curator_core::vault::{content_hash, Snapshot, Vault};
use curator_core::{NoteReport, ReviewItem};
use serde::de::DeserializeOwned;
use std::fs::{self, File};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The first bytes of a cache file; a file without them is not ours.
const MAGIC: &[u8] = b"vault-curator cache 5\n";
/// Where the cache of the vault at `root` lives, when a cache folder can be found.
pub fn file(root: &Path) -> Option<PathBuf> {
    beside_cache(root, "cache")
}

/// A file or folder of the vault at `root` in the cache folder, named after the vault's
/// absolute path with `extension`, when a cache folder can be found.
pub fn beside_cache(root: &Path, extension: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("CURATOR_CACHE_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("XDG_CACHE_HOME").map(|d| PathBuf::from(d).join("vault-curator"))
        })
        .or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/vault-curator"))
        })?;
    let root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let name = format!("{:016x}.{extension}", content_hash(&root.to_string_lossy()));
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

/// The cache file of a vault, opened: its head is read, its sections are read when asked.
pub struct Cache {
    /// Behind a lock so that chunks are read from several threads, each seeking then reading.
    file: Mutex<File>,
    head: Head,
    /// Where the sections start in the file.
    body: u64,
}

/// The cache saved for the vault at `root` by this build, if there is one whose head reads
/// back and whose length is the one the head gives.
pub fn open(root: &Path) -> Option<Cache> {
    let mut file = File::open(file(root)?).ok()?;
    let mut start = vec![0; MAGIC.len() + 8];
    file.read_exact(&mut start).ok()?;
    let len = start.strip_prefix(MAGIC)?;
    let len = usize::try_from(u64::from_le_bytes(len.try_into().ok()?)).ok()?;
    let mut bytes = len.to_le_bytes().to_vec();
    bytes.resize(8 + len, 0);
    file.read_exact(&mut bytes[8..]).ok()?;
    let (head, _) = cache_format::head(&bytes)?;
    let body = u64::try_from(MAGIC.len() + 8 + len).ok()?;
    let whole = file.metadata().ok()?.len() == body + u64::try_from(head.body_len()).ok()?;
    (whole && head.written_by(&build_identity())).then_some(Cache {
        file: Mutex::new(file),
        head,
        body,
    })
}

impl Cache {
    /// True when the cache was written from exactly the notes and settings of `scan`.
    pub fn unchanged(&self, scan: &Scan) -> bool {
        let key = cache_format::settings_key(&scan.settings);
        self.head.unchanged(key, &scan.notes)
    }

    /// True when the cache holds `section`.
    pub fn has(&self, section: Section) -> bool {
        self.head.has(section)
    }

    /// The bytes at `span` of the sections.
    fn read(&self, span: (usize, usize)) -> Option<Vec<u8>> {
        read(&self.file, self.body, span)
    }

    /// Every note's value in `section`, in path order.
    fn notes<T: DeserializeOwned + Send>(&self, section: Section) -> Option<Vec<T>> {
        cache_format::notes(&self.head, section, |span| self.read(span))
    }

    /// Every note's check report, in path order (`None` where none was computed); with the
    /// candidates' evidence only when `evidence`.
    pub fn reports(&self, evidence: bool) -> Option<Vec<Option<NoteReport>>> {
        let reports = self.notes(Section::Reports)?;
        match evidence {
            true => {
                let evidence = cache_format::evidence(&self.head, |span| self.read(span))?;
                cache_format::with_evidence(reports, evidence)
            }
            false => Some(reports),
        }
    }

    /// What `check` printed of every note's fix, in path order.
    pub fn checked(&self) -> Option<Vec<Option<CheckedFix>>> {
        self.notes(Section::Checked)
    }

    /// The vault's review items, when they were computed.
    pub fn vault_review(&self) -> Option<Option<Vec<ReviewItem>>> {
        cache_format::one(&self.read(self.head.span(Section::VaultReview)?)?)
    }

    /// `check`'s human report, when `check` printed it for the notes the cache holds.
    pub fn printed(&self) -> Option<Printed> {
        let span = self
            .head
            .span(Section::Printed)
            .filter(|(_, len)| *len > 0)?;
        cache_format::one(&self.read(span)?)
    }

    /// The engine's snapshot, every section read back.
    pub fn snapshot(self) -> Option<Snapshot> {
        let Cache { file, head, body } = self;
        cache_format::snapshot(head, |span| read(&file, body, span))
    }
}

/// The bytes at `(start, len)` of the sections of `file`, which start at `body`.
fn read(file: &Mutex<File>, body: u64, (start, len): (usize, usize)) -> Option<Vec<u8>> {
    let mut bytes = vec![0; len];
    // Never poisoned: nothing panics while it is held.
    let mut file = file.lock().ok()?;
    file.seek(SeekFrom::Start(body + u64::try_from(start).ok()?))
        .ok()?;
    file.read_exact(&mut bytes).ok()?;
    Some(bytes)
}

/// Saves the vault's state for the next run, with what `check` made of it when given (written
/// whole, then renamed into place). A cache that cannot be written only costs
/// the next run its head start, so failures are ignored.
pub fn save(root: &Path, vault: &Vault, check: Option<CheckSaved>) {
    let Some(path) = file(root) else {
        return;
    };
    let Some(dir) = path.parent() else {
        return;
    };
    let key = cache_format::settings_key(vault.settings());
    let Some(body) = cache_format::encode(&build_identity(), key, vault.snapshot(), check) else {
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
