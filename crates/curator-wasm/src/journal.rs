//! The undo journal as the plugin reads and writes it: the runs of `curator_core::journal`, the
//! same JSON files as the CLI's. JS parses and writes the files (`JSON.parse`,
//! `JSON.stringify`: a run's hashes are hex strings, its times milliseconds, so nothing is lost
//! in a JS number) and moves them through Obsidian's adapter; what a run records and what
//! undoing it does are decided here, by the core. Every function is pure.

use curator_core::journal::{self, PutBack, Run};
use serde::{Deserialize, Serialize};

/// One note a write changed, as JS hands it over.
#[derive(Debug, Deserialize)]
pub struct NoteWrite {
    /// Vault-relative path.
    pub path: String,
    /// Its text before the write.
    pub before: String,
    /// Its text after the write.
    pub after: String,
}

/// What a run says about itself: who wrote, when, which notes.
#[derive(Debug, Serialize)]
pub struct RunInfo {
    /// The run's id (its file is `<id>.json`).
    pub id: String,
    /// `cli`, `plugin` or `enrich`.
    pub source: String,
    /// Milliseconds since 1970.
    pub time: u64,
    /// The notes it wrote, in the order it wrote them.
    pub paths: Vec<String>,
}

impl RunInfo {
    /// What `run` says about itself.
    pub fn of(run: &Run) -> Self {
        RunInfo {
            id: run.id.clone(),
            source: run.source.clone(),
            time: run.time,
            paths: run.notes.iter().map(|n| n.path.clone()).collect(),
        }
    }
}

/// A note's current text, as JS read it (`null` when the note is gone).
#[derive(Debug, Deserialize)]
pub struct Current {
    /// Vault-relative path.
    pub path: String,
    /// The text now, or null.
    pub text: Option<String>,
}

/// A note to write back.
#[derive(Debug, Serialize, Deserialize)]
pub struct Restore {
    /// Vault-relative path.
    pub path: String,
    /// The text to write, only over the text read for the plan.
    pub text: String,
}

/// A note undoing leaves alone, and why.
#[derive(Debug, Serialize)]
pub struct Refused {
    /// Vault-relative path.
    pub path: String,
    /// Why, in words.
    pub why: String,
}

/// What undoing a run does, given the notes' current texts.
#[derive(Debug, Serialize)]
pub struct UndoPlan {
    /// The run undone.
    pub run: RunInfo,
    /// Notes to restore.
    pub restore: Vec<Restore>,
    /// Notes left as they are.
    pub refused: Vec<Refused>,
}

/// `notes` added to the run `previous` (a new run by `source` at `time` when there is none):
/// a run that keeps writing (automatic enrichment over a burst of notes) stays one run.
pub fn record(previous: Option<Run>, source: &str, time: u64, notes: Vec<NoteWrite>) -> Run {
    let mut run = previous.unwrap_or_else(|| Run::new(source, time));
    for note in notes {
        run.wrote(&note.path, &note.before, &note.after);
    }
    run
}

/// What undoing `run` does: notes still holding what it wrote are restored, the others are
/// named and left alone (see `curator_core::journal::Run::undo`).
pub fn undo(run: &Run, current: &[Current]) -> UndoPlan {
    let plan = run.undo(|path| {
        current
            .iter()
            .find(|c| c.path == path)
            .and_then(|c| c.text.clone())
    });
    UndoPlan {
        run: RunInfo::of(run),
        restore: plan
            .restore
            .into_iter()
            .map(|(path, text)| Restore { path, text })
            .collect(),
        refused: plan
            .refused
            .into_iter()
            .map(|(path, why)| Refused { path, why })
            .collect(),
    }
}

/// A run in the journal folder: its id and the size of its file.
#[derive(Debug, Deserialize)]
pub struct Stored {
    /// The run's id.
    pub id: String,
    /// Bytes of its file.
    pub size: usize,
}

/// The runs to delete so the journal stays within its bounds, oldest first.
pub fn to_drop(runs: Vec<Stored>) -> Vec<String> {
    let runs: Vec<(String, usize)> = runs.into_iter().map(|r| (r.id, r.size)).collect();
    journal::to_drop(&runs)
}

/// The newest of the runs named by `ids`.
pub fn newest(ids: &[String]) -> Option<String> {
    journal::newest(ids.iter().map(String::as_str)).map(str::to_string)
}

/// `put_back` (the file's parsed text; null or unreadable: none yet) with the notes an undo
/// wrote back added.
pub fn put_back_add(put_back: Option<PutBack>, restored: &[Restore]) -> PutBack {
    let mut put_back = put_back.unwrap_or_default();
    put_back.add(restored.iter().map(|r| (r.path.as_str(), r.text.as_str())));
    put_back
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &str, before: &str, after: &str) -> NoteWrite {
        NoteWrite {
            path: path.into(),
            before: before.into(),
            after: after.into(),
        }
    }

    #[test]
    fn a_run_recorded_here_reads_back_as_the_cli_reads_it() {
        let first = record(
            None,
            "enrich",
            1_700_000_000_000,
            vec![write("a.md", "a0", "a1")],
        );
        assert_eq!(first.id, "1700000000000-enrich");
        let second = record(
            Some(first),
            "ignored",
            0,
            vec![write("b.md", "b0", "b1"), write("a.md", "a1", "a2")],
        );
        let json = serde_json::to_string(&second).expect("serializes");
        let run: Run = serde_json::from_str(&json).expect("the CLI's format");
        assert_eq!(run, second);
        assert_eq!(run.id, "1700000000000-enrich");
        assert_eq!(RunInfo::of(&run).paths, ["b.md", "a.md"]);
        assert_eq!(run.notes[1].before, "a0", "the first before is kept");
    }

    #[test]
    fn undo_restores_unchanged_notes_and_names_the_others() {
        let run = record(
            None,
            "plugin",
            5,
            vec![
                write("a.md", "a0", "a1"),
                write("b.md", "b0", "b1"),
                write("c.md", "c0", "c1"),
            ],
        );
        let current = [
            Current {
                path: "a.md".into(),
                text: Some("a1".into()),
            },
            Current {
                path: "b.md".into(),
                text: Some("b1, edited".into()),
            },
            Current {
                path: "c.md".into(),
                text: None,
            },
        ];
        let plan = undo(&run, &current);
        assert_eq!(plan.restore.len(), 1);
        assert_eq!(
            (&*plan.restore[0].path, &*plan.restore[0].text),
            ("a.md", "a0")
        );
        let refused: Vec<&str> = plan.refused.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(refused, ["b.md", "c.md"]);
        assert!(plan.refused[0].why.contains("changed since"));
    }

    #[test]
    fn notes_put_back_are_added_to_what_the_file_held() {
        let restore = |path: &str, text: &str| Restore {
            path: path.into(),
            text: text.into(),
        };
        let first = put_back_add(None, &[restore("a.md", "a0")]);
        let both = put_back_add(Some(first), &[restore("b.md", "b0")]);
        assert!(both.holds("a.md", "a0") && both.holds("b.md", "b0"));
    }

    #[test]
    fn the_newest_run_is_named_by_time() {
        let ids = ["99-cli".to_string(), "100-enrich".to_string()];
        assert_eq!(newest(&ids).as_deref(), Some("100-enrich"));
        assert_eq!(newest(&[]), None);
    }
}
