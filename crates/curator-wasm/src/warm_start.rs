//! The plugin's saved state: the vault's snapshot as bytes ([`crate::state_bytes`]) with each
//! note's file time and size when its text was read, and the warm start from it.
//!
//! At the next start, a note whose file time and size are the saved ones is taken on trust
//! (its results are the snapshot's, shown at once) and read in the background; any other note
//! is read first. Either way its text is compared by hash before its results are kept.

use crate::live::LiveVault;
use crate::state_bytes::{self, Stat};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A note's file as the vault lists it: path, modification time (ms) and size (bytes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteStat {
    /// Vault-relative path.
    pub path: String,
    /// Modification time, in milliseconds since the epoch.
    pub mtime: f64,
    /// Size in bytes.
    pub size: f64,
}

/// The bytes of the vault's state, each note with the file time and size of the text its
/// results are about (`stats`, as the plugin read the notes; a note without one is read at
/// the next start before it is trusted), and the review queue's decisions when they can be
/// gathered without computing anything ([`LiveVault::saved_decisions`]); handed to `sink` in
/// blocks as they are written ([`state_bytes::encode`]).
pub fn save(live: &mut LiveVault, stats: &[NoteStat], sink: &mut dyn FnMut(&[u8])) {
    let by_path: BTreeMap<&str, Stat> = stats
        .iter()
        .map(|s| (s.path.as_str(), [s.mtime, s.size]))
        .collect();
    let decisions = live.saved_decisions();
    let snapshot = live.vault().snapshot_ref();
    let saved: Vec<Option<Stat>> = snapshot
        .notes
        .iter()
        .map(|n| by_path.get(n.path).copied())
        .collect();
    drop(by_path);
    state_bytes::encode(&snapshot, &saved, decisions.as_ref(), sink);
}

/// [`save`]'s bytes in one buffer.
pub fn save_to_vec(live: &mut LiveVault, stats: &[NoteStat]) -> Vec<u8> {
    let mut out = Vec::new();
    save(live, stats, &mut |block| out.extend_from_slice(block));
    out
}

/// The notes' stats as the plugin hands them over at a warm start: their paths joined by NUL
/// characters (no path holds one) and their times and sizes, two numbers a note, in the same
/// order. Packed so, 10,000 notes cross into WebAssembly in two copies, where as objects
/// read field by field they took tens of milliseconds. `None` when the counts differ.
pub fn note_stats(paths: &str, stats: &[f64]) -> Option<Vec<NoteStat>> {
    let paths = paths.split('\0').filter(|_| !paths.is_empty());
    let mut pairs = stats.chunks_exact(2);
    if !pairs.remainder().is_empty() {
        return None;
    }
    let mut files = Vec::with_capacity(pairs.len());
    for path in paths {
        let &[mtime, size] = pairs.next()? else {
            return None;
        };
        let path = path.to_string();
        files.push(NoteStat { path, mtime, size });
    }
    pairs.next().is_none().then_some(files)
}

/// What a warm start asks of the plugin: the notes to read first (new, or changed since the
/// state was saved). The others are trusted until read ([`LiveVault::unread_paths`]).
#[derive(Debug, Serialize)]
pub struct WarmStart {
    /// Notes held on trust.
    pub trusted: usize,
    /// Notes to read first, in path order.
    pub changed: Vec<String>,
}

/// Starts `live` from saved bytes over the vault's notes now (`files`); `None`, changing
/// nothing, when the bytes are not a saved state of this engine and these settings.
pub fn restore(live: &mut LiveVault, bytes: &[u8], files: Vec<NoteStat>) -> Option<WarmStart> {
    let state_bytes::Decoded {
        snapshot,
        stats: saved,
        reports,
        decisions,
    } = state_bytes::decode(bytes).ok()?;
    let saved: BTreeMap<&str, Stat> = snapshot
        .notes
        .iter()
        .zip(&saved)
        .filter_map(|(n, s)| Some((n.path.as_str(), (*s)?)))
        .collect();
    let (mut trusted, mut changed) = (0, Vec::new());
    for file in &files {
        match saved.get(file.path.as_str()) {
            Some(stat) if *stat == [file.mtime, file.size] => trusted += 1,
            _ => changed.push(file.path.clone()),
        }
    }
    let paths = files.into_iter().map(|f| f.path).collect();
    live.restore(snapshot, reports, decisions, paths)
        .then_some(WarmStart { trusted, changed })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::live::files::Files;
    use curator_core::decisions::DecisionQuery;
    use curator_core::report_cell::EncodedReport;
    use curator_core::vault::Vault;
    use curator_core::Settings;

    const PERSON: &str = "---\ntype: people\n---\n# Ada Park\n";
    const MEETING: &str = "- [ ] Call back @Ada Park 📅 2026-01-02\n";

    fn stat(path: &str, mtime: f64) -> NoteStat {
        NoteStat {
            path: path.into(),
            mtime,
            size: 10.0,
        }
    }

    fn saved() -> Vec<u8> {
        let mut live = LiveVault::new(Settings::default());
        live.stage("People/Ada Park.md".into(), PERSON.into());
        live.stage("m.md".into(), MEETING.into());
        live.index_staged(usize::MAX);
        live.warm(|| true);
        save_to_vec(
            &mut live,
            &[stat("People/Ada Park.md", 1.0), stat("m.md", 1.0)],
        )
    }

    #[test]
    fn stats_handed_over_packed_read_back_as_notes() {
        let files = note_stats("a.md\0b/c d.md", &[1.5, 10.0, 2.0, 20.0]).unwrap();
        assert_eq!(
            files,
            [
                stat("a.md", 1.5),
                NoteStat {
                    size: 20.0,
                    ..stat("b/c d.md", 2.0)
                }
            ]
        );
        assert_eq!(note_stats("", &[]), Some(vec![]));
        assert_eq!(note_stats("a.md", &[1.0]), None, "half a pair");
        assert_eq!(
            note_stats("a.md\0b.md", &[1.0, 2.0]),
            None,
            "a path without stats"
        );
        assert_eq!(
            note_stats("a.md", &[1.0, 2.0, 3.0, 4.0]),
            None,
            "stats without a path"
        );
    }

    #[test]
    fn notes_with_their_saved_time_and_size_are_trusted() {
        let mut live = LiveVault::new(Settings::default());
        let files = vec![
            stat("People/Ada Park.md", 1.0),
            stat("m.md", 2.0),
            stat("new.md", 1.0),
        ];
        let start = restore(&mut live, &saved(), files).unwrap();
        assert_eq!(start.trusted, 1);
        assert_eq!(start.changed, ["m.md", "new.md"]);
        let progress = live.progress();
        assert_eq!((progress.notes, progress.unread, progress.stale), (2, 3, 0));
        live.supply("m.md", MEETING.into());
        live.supply("new.md", "plain\n".into());
        live.supply("People/Ada Park.md", PERSON.into());
        live.index_staged(usize::MAX);
        live.warm(|| true);
        let progress = live.progress();
        assert_eq!((progress.notes, progress.unread, progress.stale), (3, 0, 0));
    }

    /// A report whose bytes do not decode.
    struct Undecodable;

    impl EncodedReport for Undecodable {
        fn decode(&self) -> Option<curator_core::NoteReport> {
            None
        }
    }

    #[test]
    fn a_saved_report_that_does_not_decode_is_computed_again_from_its_note() {
        let mut decoded = state_bytes::decode(&saved()).unwrap();
        let decodes =
            |r: &Option<Box<dyn EncodedReport>>| r.as_ref().is_some_and(|r| r.decode().is_some());
        assert!(decoded.reports.iter().all(decodes));
        decoded.reports[1] = Some(Box::new(Undecodable));
        let mut live = LiveVault::new(Settings::default());
        let paths = vec!["People/Ada Park.md".to_string(), "m.md".to_string()];
        let decisions = decoded.decisions;
        assert!(live.restore(decoded.snapshot, decoded.reports, decisions, paths));
        assert_eq!(
            live.vault_mut().report("m.md"),
            None,
            "nothing from an unread note"
        );
        assert_eq!(live.progress().waiting, 1);
        live.supply("People/Ada Park.md", PERSON.into());
        live.supply("m.md", MEETING.into());
        live.warm(|| true);
        let notes = [("People/Ada Park.md", PERSON), ("m.md", MEETING)];
        let owned = notes.map(|(p, t)| (p.to_string(), t.to_string()));
        let mut cold = Vault::build(Settings::default(), owned.to_vec());
        assert_eq!(live.vault_mut().all_reports(), cold.all_reports());
        assert_eq!(live.progress().stale, 0);
        let page = Files::of(&notes).page(&mut live, &DecisionQuery::default());
        assert_eq!(format!("{page:?}"), cold_page(&notes));
    }

    /// A page of the review queue of a vault of `notes` built cold.
    fn cold_page(notes: &[(&str, &str)]) -> String {
        let mut cold = LiveVault::new(Settings::default());
        for (path, text) in notes {
            cold.stage(path.to_string(), text.to_string());
        }
        cold.index_staged(usize::MAX);
        format!("{:?}", cold.decision_page(&DecisionQuery::default()))
    }

    /// The state saved of a vault of `notes` indexed and warmed, and the notes' stats.
    fn warmed_and_saved(notes: &[(&str, &str)]) -> (Vec<u8>, Vec<NoteStat>) {
        let mut live = LiveVault::new(Settings::default());
        for (path, text) in notes {
            live.stage(path.to_string(), text.to_string());
        }
        live.index_staged(usize::MAX);
        live.warm(|| true);
        let files: Vec<NoteStat> = notes.iter().map(|(p, _)| stat(p, 1.0)).collect();
        (save_to_vec(&mut live, &files), files)
    }

    #[test]
    fn the_review_queue_starts_from_the_saved_decisions_and_follows_changes() {
        let misheard = "---\ntype: meeting\n---\n\nAsk [[Ada Parks]] about it.\n";
        let other = "---\ntype: meeting\n---\n\nAsk [[Ada Parc]] and [[Bo Lindt]].\n";
        let mut notes = vec![
            ("People/Ada Park.md", PERSON),
            ("m1.md", misheard),
            ("m2.md", misheard),
            ("m3.md", other),
        ];
        let (bytes, files) = warmed_and_saved(&notes);
        assert!(state_bytes::decode(&bytes).is_ok_and(|d| d.decisions.is_some()));

        let mut warm = LiveVault::new(Settings::default());
        assert_eq!(restore(&mut warm, &bytes, files).unwrap().trusted, 4);
        let mut page = warm.decision_page(&DecisionQuery::default());
        assert_eq!(page.lacking, ["m1.md", "m2.md", "m3.md"], "lines to read");
        page.lacking.clear();
        let page = format!("{page:?}");
        // Before any text is read the cards show no line of context: the rest is the same.
        let no_context = |page: &str| {
            let mut out = String::new();
            for part in page.split("context: \"") {
                out.push_str(part.split_once('"').map_or(part, |(_, rest)| rest));
            }
            out
        };
        assert_eq!(no_context(&page), no_context(&cold_page(&notes)));
        for (path, text) in &notes {
            warm.supply(path, text.to_string());
        }
        warm.warm(|| true);
        let query = DecisionQuery::default();
        let page = Files::of(&notes).page(&mut warm, &query);
        assert_eq!(format!("{page:?}"), cold_page(&notes));
        let again = warm.decision_page(&query);
        assert!(
            again.lacking.is_empty(),
            "the lines shown are kept for the page asked again"
        );
        assert_eq!(format!("{again:?}"), cold_page(&notes));
        notes[2].1 = other;
        warm.upsert("m2.md", other);
        Files::of(&notes).settle(&mut warm);
        let page = Files::of(&notes).page(&mut warm, &query);
        assert_eq!(format!("{page:?}"), cold_page(&notes), "after a change");
    }

    /// What the status bar's count asks: no card, but the pane's first cards made ready, so
    /// that the pane, opened later, reads no note.
    #[test]
    fn cards_prepared_past_the_page_are_read_once_and_answered_at_once() {
        let misheard = "---\ntype: meeting\n---\n\nAsk [[Ada Parks]] about it.\n";
        let other = "---\ntype: meeting\n---\n\nAsk [[Ada Parc]].\n";
        let notes = [
            ("People/Ada Park.md", PERSON),
            ("m1.md", misheard),
            ("m2.md", other),
        ];
        let (bytes, files) = warmed_and_saved(&notes);
        let mut warm = LiveVault::new(Settings::default());
        assert!(restore(&mut warm, &bytes, files).is_some());

        let count = DecisionQuery {
            limit: Some(0),
            prepare: 1,
            ..DecisionQuery::default()
        };
        let asked = warm.decision_page(&count);
        assert_eq!(
            (asked.cards.len(), asked.lacking.len()),
            (0, 1),
            "{asked:?}"
        );
        let page = Files::of(&notes).page(&mut warm, &count);
        assert!(page.cards.is_empty() && page.lacking.is_empty());
        let first = DecisionQuery {
            limit: Some(1),
            ..DecisionQuery::default()
        };
        let shown = warm.decision_page(&first);
        assert!(shown.lacking.is_empty(), "the prepared card's line is kept");
        assert_eq!(shown.cards.len(), 1);
        assert!(!shown.cards[0].occurrences[0].context.is_empty());
        // A card not prepared still asks for its note.
        let more = DecisionQuery {
            limit: Some(2),
            ..DecisionQuery::default()
        };
        assert_eq!(warm.decision_page(&more).lacking.len(), 1);
    }

    #[test]
    fn bytes_of_other_settings_or_no_state_start_nothing() {
        let other = Settings {
            people_folders: vec!["Contacts".into()],
            ..Settings::default()
        };
        let mut live = LiveVault::new(other);
        assert!(restore(&mut live, &saved(), vec![stat("m.md", 1.0)]).is_none());
        assert!(restore(&mut live, b"not a state", vec![]).is_none());
        assert_eq!(live.progress().notes, 0);
    }
}
