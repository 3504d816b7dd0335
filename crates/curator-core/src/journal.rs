//! The undo journal: every run that writes notes — `curator fix`, a plugin command, automatic
//! enrichment — records each note's text before it wrote, so the last run can be undone byte
//! for byte.
//!
//! The plugin and the CLI keep one journal per vault, in the same files (see
//! [`JOURNAL_DIR`]): one JSON file per run, named by its time and id, which either can undo.
//! Undoing restores a note only when it still holds what the run wrote: a note edited since is
//! left alone and named, never overwritten. The journal is bounded ([`MAX_RUNS`],
//! [`MAX_BYTES`]): the oldest runs are dropped first. What an undo wrote back is remembered
//! beside the journal ([`PutBack`]), so automatic enrichment does not redo an undone fix. The hash of what a run wrote is written
//! as a string of 16 hex digits: a JSON number that large does not survive JavaScript (the
//! plugin's) or most JSON tools.

use crate::vault::content_hash;
use serde::{Deserialize, Serialize};

/// Where the journal lives, relative to the vault's configuration folder (`.obsidian/`).
pub const JOURNAL_DIR: &str = "plugins/vault-curator/journal";

/// Where the notes an undo put back are remembered, relative to the vault's configuration
/// folder (beside the journal, not in it: it is not a run).
pub const PUT_BACK_FILE: &str = "plugins/vault-curator/put-back.json";

/// How many put-back notes are remembered (the oldest are forgotten first).
pub const MAX_PUT_BACK: usize = 500;

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
    /// [`content_hash`] of what the run wrote (in the file: 16 hex digits).
    #[serde(with = "hex_hash")]
    pub after: u64,
}

/// A 64-bit hash as 16 lowercase hex digits.
mod hex_hash {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(hash: &u64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{hash:016x}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        let text = String::deserialize(d)?;
        u64::from_str_radix(&text, 16)
            .map_err(|_| D::Error::custom(format!("`{text}` is not a hash of 16 hex digits")))
    }
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

    /// Records that the run replaced `before` with `after` in the note at `path`. A note the
    /// run wrote before keeps its first `before` (undoing restores what was there before the
    /// run) and moves to the end, the order of the run's writes.
    pub fn wrote(&mut self, path: &str, before: &str, after: &str) {
        let before = match self.notes.iter().position(|n| n.path == path) {
            Some(i) => self.notes.remove(i).before,
            None => before.to_string(),
        };
        self.notes.push(Written {
            path: path.to_string(),
            before,
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

/// The notes an undo wrote back, with a hash of the text it wrote: while a note still holds
/// that text, the person undid a fix on purpose, and automatic enrichment (the plugin's, after
/// `curator undo` or its own undo) leaves the note as it is. An explicit `fix` is not held back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PutBack {
    /// Oldest first; one entry per note.
    pub notes: Vec<PutBackNote>,
}

/// One note an undo wrote back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PutBackNote {
    /// Vault-relative path.
    pub path: String,
    /// [`content_hash`] of the text the undo wrote (in the file: 16 hex digits).
    #[serde(with = "hex_hash")]
    pub text: u64,
}

impl PutBack {
    /// Remembers that an undo wrote each `(path, text)` back; a note's earlier entry is
    /// replaced, and the oldest entries beyond [`MAX_PUT_BACK`] are forgotten.
    pub fn add<'a>(&mut self, restored: impl IntoIterator<Item = (&'a str, &'a str)>) {
        for (path, text) in restored {
            self.notes.retain(|n| n.path != path);
            self.notes.push(PutBackNote {
                path: path.to_string(),
                text: content_hash(text),
            });
        }
        let over = self.notes.len().saturating_sub(MAX_PUT_BACK);
        self.notes.drain(..over);
    }

    /// True when the note at `path` holds the text an undo wrote back.
    pub fn holds(&self, path: &str, text: &str) -> bool {
        self.notes
            .iter()
            .any(|n| n.path == path && n.text == content_hash(text))
    }
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

/// The newest of the runs named by `ids` (the latest time, then the greatest id), if any.
pub fn newest<'a>(ids: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    ids.into_iter()
        .max_by(|a, b| time_of(a).cmp(&time_of(b)).then(a.cmp(b)))
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
    fn hashes_are_written_as_hex_strings_and_read_back() {
        let mut run = Run::new("plugin", 7);
        run.wrote("a.md", "old", "new");
        let json = serde_json::to_string(&run).expect("serializes");
        let hex = format!("\"after\":\"{:016x}\"", content_hash("new"));
        assert!(json.contains(&hex), "{json}");
        assert_eq!(serde_json::from_str::<Run>(&json).expect("reads back"), run);
        let number = json.replace(&hex, "\"after\":12");
        assert!(serde_json::from_str::<Run>(&number).is_err());
    }

    #[test]
    fn a_note_written_twice_keeps_its_first_text_and_moves_last() {
        let mut run = Run::new("enrich", 1);
        run.wrote("a.md", "a0", "a1");
        run.wrote("b.md", "b0", "b1");
        run.wrote("a.md", "a1", "a2");
        let notes: Vec<(&str, &str)> = run
            .notes
            .iter()
            .map(|n| (n.path.as_str(), n.before.as_str()))
            .collect();
        assert_eq!(notes, [("b.md", "b0"), ("a.md", "a0")]);
        assert_eq!(run.notes[1].after, content_hash("a2"));
    }

    #[test]
    fn the_newest_run_is_the_latest_time_not_the_greatest_name() {
        assert_eq!(
            newest(["999-cli", "1000-plugin", "1000-enrich"]),
            Some("1000-plugin")
        );
        assert_eq!(newest(["junk", "5-cli"]), Some("5-cli"));
        assert_eq!(newest(std::iter::empty()), None);
    }

    #[test]
    fn put_back_notes_are_held_until_their_text_changes() {
        let mut put_back = PutBack::default();
        put_back.add([("a.md", "undone a"), ("b.md", "undone b")]);
        put_back.add([("a.md", "undone a again")]);
        assert!(put_back.holds("a.md", "undone a again"));
        assert!(
            !put_back.holds("a.md", "undone a"),
            "the later undo replaces it"
        );
        assert!(!put_back.holds("b.md", "undone b, then edited"));
        assert!(!put_back.holds("c.md", "undone b"));
        let json = serde_json::to_string(&put_back).expect("serializes");
        assert!(
            json.contains(&format!("\"{:016x}\"", content_hash("undone b"))),
            "{json}"
        );
        assert_eq!(
            serde_json::from_str::<PutBack>(&json).expect("reads back"),
            put_back
        );
    }

    #[test]
    fn put_back_forgets_the_oldest_notes_beyond_its_bound() {
        let mut put_back = PutBack::default();
        let paths: Vec<String> = (0..MAX_PUT_BACK + 3).map(|i| format!("{i}.md")).collect();
        put_back.add(paths.iter().map(|p| (p.as_str(), "text")));
        assert_eq!(put_back.notes.len(), MAX_PUT_BACK);
        assert!(!put_back.holds("0.md", "text"));
        assert!(put_back.holds(&format!("{}.md", MAX_PUT_BACK + 2), "text"));
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
