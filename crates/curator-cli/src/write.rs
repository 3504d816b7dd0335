//! Crash-safe writes: temp file in the same folder, then rename over the note.

use std::fs;
use std::io::Write;
use std::path::Path;

/// What happened to one write.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    /// The note now holds the new text.
    Done,
    /// The note changed on disk since it was read; it was left alone.
    ChangedMeanwhile,
}

/// Replaces the note at `path` with `new`, but only if it still holds `original`.
///
/// The new text goes to a temporary file beside the note (same file system, same permissions),
/// is flushed to disk, and is renamed over the note, so a crash leaves either the old or the
/// new note — never half of one.
pub fn replace_if_unchanged(path: &Path, original: &str, new: &str) -> Result<Written, String> {
    let current = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if current != original.as_bytes() {
        return Ok(Written::ChangedMeanwhile);
    }
    let dir = path
        .parent()
        .ok_or_else(|| format!("{}: no parent folder", path.display()))?;
    let permissions = fs::metadata(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .permissions();
    let mut tmp = tempfile::Builder::new()
        .prefix(".curator-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| format!("{}: cannot create a temporary file: {e}", dir.display()))?;
    tmp.write_all(new.as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    fs::set_permissions(tmp.path(), permissions).map_err(|e| format!("{}: {e}", path.display()))?;
    tmp.persist(path)
        .map_err(|e| format!("{}: {}", path.display(), e.error))?;
    Ok(Written::Done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_refuses_to_clobber() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.md");
        fs::write(&path, "old").unwrap();
        assert_eq!(
            replace_if_unchanged(&path, "old", "new").unwrap(),
            Written::Done
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(
            replace_if_unchanged(&path, "old", "newer").unwrap(),
            Written::ChangedMeanwhile
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        let leftovers = fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.md");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        replace_if_unchanged(&path, "old", "new").unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o644
        );
    }
}
