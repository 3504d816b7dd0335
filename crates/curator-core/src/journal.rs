//! The undo journal: every run that writes notes — `curator fix`, a plugin command, automatic
//! enrichment — records each note's text before it wrote, so the last run can be undone byte
//! for byte.
//!
//! The plugin and the CLI keep one journal per vault, in the same files (see
//! [`JOURNAL_DIR`]): one JSON file per run, named by its time and id, which either can undo.
//! Undoing restores a note only when it still holds what the run wrote: a note edited since is
//! left alone and named, never overwritten. The journal is bounded ([`MAX_RUNS`],
//! [`MAX_BYTES`]): the oldest runs are dropped first.

use crate::vault::content_hash;
use serde::{Deserialize, Serialize};

/// Where the journal lives, relative to the vault's configuration folder (`.obsidian/`).
pub const JOURNAL_DIR: &str = "plugins/vault-curator/journal";

/// How many runs the journal keeps.
pub const MAX_RUNS: usize = 20;

/// How many bytes of note text the journal keeps at most, over all its runs (the newest run is
/// always kept whole).
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// One run that wrote notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// A unique id: the time in milliseconds and the writer, e.g. `1763816400000-cli`.
    pub id: String,
    /// Who wrote: `cli`, `plugin` or `enrich` (automatic enrichment).
    pub source: String,
    /// When, in milliseconds since 1970.
    pub time: u64,
    /// Every note it wrote.
    pub notes: Vec<Written>,
}

/// One note a run wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Written {
    /// Vault-relative path.
    pub path: String,
    /// The note's text before the run wrote it.
    pub before: String,
    /// [`content_hash`] of what the run wrote.
    pub after: u64,
}

impl Run {
    /// A run by `source` at `time` (milliseconds since 1970) that has written nothing yet.
    pub fn new(source: &str, time: u64) -> Self {
        Run {
            id: format!("{time}-{source}"),
            source: source.to_string(),
            time,
            notes: Vec::new(),
        }
    }

    /// Records that the run replaced `before` with `after` in the note at `path`.
    pub fn wrote(&mut self, path: &str, before: &str, after: &str) {
        self.notes.push(Written {
            path: path.to_string(),
            before: before.to_string(),
            after: content_hash(after),
        });
    }

    /// The bytes of note text the run keeps.
    pub fn size(&self) -> usize {
        self.notes.iter().map(|n| n.before.len()).sum()
    }

    /// What undoing the run does, given each note's current text (`None` when it is gone).
    pub fn undo(&self, current: impl Fn(&str) -> Option<String>) -> Undo {
        let mut undo = Undo::default();
        for note in &self.notes {
            match current(&note.path) {
                Some(now) if content_hash(&now) == note.after => {
                    undo.restore.push((note.path.clone(), note.before.clone()));
                }
                Some(_) => undo.refused.push((
                    note.path.clone(),
                    "changed since the run wrote it: left as it is".to_string(),
                )),
                None => undo.refused.push((
                    note.path.clone(),
                    "no longer in the vault: not recreated".to_string(),
                )),
            }
        }
        undo
    }
}

/// What undoing a run does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Undo {
    /// Notes to write back: `(path, text before the run)`.
    pub restore: Vec<(String, String)>,
    /// Notes left alone, and why.
    pub refused: Vec<(String, String)>,
}

/// Which runs to drop so the journal stays within [`MAX_RUNS`] and [`MAX_BYTES`]: the oldest
/// first. `runs` are `(id, size)` in any order; the newest is always kept.
pub fn to_drop(runs: &[(String, usize)]) -> Vec<String> {
    let mut sorted: Vec<&(String, usize)> = runs.iter().collect();
    sorted.sort_by(|a, b| time_of(&b.0).cmp(&time_of(&a.0)).then(b.0.cmp(&a.0)));
    let mut kept_bytes = 0;
    let mut drop = Vec::new();
    for (i, (id, size)) in sorted.into_iter().enumerate() {
        kept_bytes += size;
        if i > 0 && (i >= MAX_RUNS || kept_bytes > MAX_BYTES) {
            drop.push(id.clone());
        }
    }
    drop
}

/// The time a run id starts with (0 for an id that does not).
fn time_of(id: &str) -> u64 {
    id.split('-')
        .next()
        .and_then(|t| t.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_restores_what_the_run_wrote_and_refuses_what_changed_since() {
        let mut run = Run::new("cli", 1_700_000_000_000);
        run.wrote("a.md", "old a", "new a");
        run.wrote("b.md", "old b", "new b");
        run.wrote("c.md", "old c", "new c");
        let now = |p: &str| match p {
            "a.md" => Some("new a".to_string()),
            "b.md" => Some("new b, then edited".to_string()),
            _ => None,
        };
        let undo = run.undo(now);
        assert_eq!(undo.restore, vec![("a.md".into(), "old a".into())]);
        assert_eq!(
            undo.refused
                .iter()
                .map(|r| r.0.as_str())
                .collect::<Vec<_>>(),
            ["b.md", "c.md"]
        );
        assert_eq!(run.id, "1700000000000-cli");
    }

    #[test]
    fn the_journal_keeps_the_newest_runs_within_bounds() {
        let runs: Vec<(String, usize)> = (0..25u64)
            .map(|t| (format!("{}-cli", 1000 + t), 10))
            .collect();
        let drop = to_drop(&runs);
        assert_eq!(drop.len(), 5);
        assert!(drop.iter().all(|id| time_of(id) < 1005));
        let huge = vec![
            ("2000-cli".to_string(), MAX_BYTES * 2),
            ("1000-cli".to_string(), 1),
        ];
        assert_eq!(
            to_drop(&huge),
            vec!["1000-cli".to_string()],
            "the newest is kept whole"
        );
    }
}
