//! How the cache file holds a snapshot, in chunks encoded and decoded in parallel: each note's results without what the note's own text,
//! read again at every run, already says. A fixed text is kept as the line hunks that turn the
//! note into it, and a fix's review items and first-pass edits, when they are the check
//! report's, are not kept twice. Written and read back, a snapshot is the same snapshot for every
//! note whose text is unchanged; a changed or missing note loses its fix, which the warm state
//! drops anyway.

use curator_core::answers::Answers;
use curator_core::engine::{FixOutcome, NoteReport};
use curator_core::index::NoteSummary;
use curator_core::tasks::Task;
use curator_core::vault::{content_hash, SavedNote, Snapshot};
use curator_core::{Edit, NoteError, ReviewItem};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Notes per chunk: chunks are encoded and decoded independently, in parallel.
const CHUNK: usize = 256;

/// What precedes the chunks: who wrote them, and how long each is.
#[derive(Serialize, Deserialize)]
struct Head {
    /// The build of `curator` that wrote the cache.
    identity: String,
    engine: String,
    settings: u64,
    /// The review answers the snapshot was taken with.
    answers: Answers,
    vault_review: Option<Vec<ReviewItem>>,
    /// The length in bytes of each chunk, in order.
    chunks: Vec<usize>,
}

/// One note of a snapshot as the cache file holds it.
#[derive(Serialize, Deserialize)]
struct StoredNote {
    path: String,
    hash: u64,
    summary: Option<NoteSummary>,
    report: Option<NoteReport>,
    tasks: Option<Vec<Task>>,
    fixed: Option<StoredFix>,
    deps: Vec<u64>,
}

/// A [`FixOutcome`] against the note's text and its check report.
#[derive(Serialize, Deserialize)]
struct StoredFix {
    /// The fixed text as hunks `(start, end, replacement)` over the note's text, in order.
    hunks: Option<Vec<(usize, usize, String)>>,
    /// True when the applied edits begin with the check report's edits (left out of `applied`).
    after_report: bool,
    applied: Vec<Edit>,
    /// `None` when they are the check report's review items.
    review: Option<Vec<ReviewItem>>,
    error: Option<NoteError>,
}

/// The bytes of `snapshot`, written by the build `identity`, for a vault whose notes' texts
/// `text` gives by path: the head's length (8 bytes, little-endian), the head, then the chunks
/// of notes, each MessagePack.
pub fn encode<'a>(
    identity: &str,
    snapshot: Snapshot,
    text: impl Fn(&str) -> Option<&'a str> + Sync,
) -> Option<Vec<u8>> {
    let notes: Vec<StoredNote> = snapshot
        .notes
        .into_par_iter()
        .map(|note| store_note(note, &text))
        .collect();
    let chunks: Vec<Vec<u8>> = notes
        .par_chunks(CHUNK)
        .map(rmp_serde::to_vec_named)
        .collect::<Result<_, _>>()
        .ok()?;
    let head = rmp_serde::to_vec_named(&Head {
        identity: identity.to_string(),
        engine: snapshot.engine,
        settings: snapshot.settings,
        answers: snapshot.answers,
        vault_review: snapshot.vault_review,
        chunks: chunks.iter().map(Vec::len).collect(),
    })
    .ok()?;
    let mut out = Vec::with_capacity(8 + head.len() + chunks.iter().map(Vec::len).sum::<usize>());
    out.extend_from_slice(&(head.len() as u64).to_le_bytes());
    out.extend(head);
    chunks.into_iter().for_each(|c| out.extend(c));
    Some(out)
}

/// The snapshot in `bytes` when the build `identity` wrote them and they read back whole, for
/// a vault whose notes' texts `text` now gives by path: a note whose text changed, or is gone,
/// comes back without its fix.
pub fn decode<'a>(
    bytes: &[u8],
    identity: &str,
    text: impl Fn(&str) -> Option<&'a str> + Sync,
) -> Option<Snapshot> {
    let (len, rest) = bytes.split_at_checked(8)?;
    let len = usize::try_from(u64::from_le_bytes(len.try_into().ok()?)).ok()?;
    let (head, mut rest) = rest.split_at_checked(len)?;
    let head: Head = rmp_serde::from_slice(head).ok()?;
    if head.identity != identity {
        return None;
    }
    let mut chunks = Vec::with_capacity(head.chunks.len());
    for len in head.chunks {
        let (chunk, after) = rest.split_at_checked(len)?;
        chunks.push(chunk);
        rest = after;
    }
    if !rest.is_empty() {
        return None;
    }
    let notes: Vec<Vec<SavedNote>> = chunks
        .par_iter()
        .map(|chunk| {
            let notes: Vec<StoredNote> = rmp_serde::from_slice(chunk).ok()?;
            Some(notes.into_iter().map(|n| load_note(n, &text)).collect())
        })
        .collect::<Option<_>>()?;
    Some(Snapshot {
        engine: head.engine,
        settings: head.settings,
        answers: head.answers,
        vault_review: head.vault_review,
        notes: notes.into_iter().flatten().collect(),
    })
}

/// `note` as the cache file holds it.
fn store_note<'a>(note: SavedNote, text: impl Fn(&str) -> Option<&'a str>) -> StoredNote {
    let text = text(&note.path).filter(|t| content_hash(t) == note.hash);
    let fixed = note
        .fixed
        .and_then(|f| store_fix(f, note.report.as_ref(), text));
    StoredNote {
        path: note.path,
        hash: note.hash,
        summary: note.summary,
        report: note.report,
        tasks: note.tasks,
        fixed,
        deps: note.deps,
    }
}

/// `note` as the snapshot holds it, its fix dropped when its text changed.
fn load_note<'a>(note: StoredNote, text: impl Fn(&str) -> Option<&'a str>) -> SavedNote {
    let fixed = text(&note.path)
        .filter(|t| content_hash(t) == note.hash)
        .and_then(|text| note.fixed.map(|f| load_fix(f, note.report.as_ref(), text)));
    SavedNote {
        path: note.path,
        hash: note.hash,
        summary: note.summary,
        report: note.report,
        tasks: note.tasks,
        fixed,
        deps: note.deps,
    }
}

/// `fixed` as stored, or `None` when the note's text is unknown (the fix is then computed
/// again next time).
fn store_fix(
    fixed: FixOutcome,
    report: Option<&NoteReport>,
    text: Option<&str>,
) -> Option<StoredFix> {
    let hunks = match &fixed.text {
        Some(after) => Some(hunks(text?, after)),
        None => None,
    };
    let first = report.map_or(&[][..], |r| r.edits.as_slice());
    let after_report = !first.is_empty() && fixed.applied.starts_with(first);
    let applied = if after_report {
        fixed.applied[first.len()..].to_vec()
    } else {
        fixed.applied
    };
    let review = (report.map(|r| &r.review) != Some(&fixed.review)).then_some(fixed.review);
    Some(StoredFix {
        hunks,
        after_report,
        applied,
        review,
        error: fixed.error,
    })
}

/// The [`FixOutcome`] `stored` holds for the note `text` with the check report `report`.
fn load_fix(stored: StoredFix, report: Option<&NoteReport>, text: &str) -> FixOutcome {
    let mut applied = Vec::new();
    if stored.after_report {
        applied.extend(
            report
                .map_or(&[][..], |r| r.edits.as_slice())
                .iter()
                .cloned(),
        );
    }
    applied.extend(stored.applied);
    FixOutcome {
        text: stored.hunks.map(|h| apply(text, &h)),
        applied,
        review: stored
            .review
            .unwrap_or_else(|| report.map(|r| r.review.clone()).unwrap_or_default()),
        error: stored.error,
    }
}

/// The line hunks turning `before` into `after`: `(start, end, replacement)`, byte offsets into
/// `before`, in order.
fn hunks(before: &str, after: &str) -> Vec<(usize, usize, String)> {
    let diff = similar::TextDiff::from_lines(before, after);
    let (old, new) = (diff.old_slices(), diff.new_slices());
    let offsets = |lines: &[&str]| {
        let mut at = vec![0];
        at.extend(lines.iter().scan(0, |sum, l| {
            *sum += l.len();
            Some(*sum)
        }));
        at
    };
    let (old_at, new_at) = (offsets(old), offsets(new));
    diff.ops()
        .iter()
        .filter(|op| op.tag() != similar::DiffTag::Equal)
        .map(|op| {
            let (o, n) = (op.old_range(), op.new_range());
            (
                old_at[o.start],
                old_at[o.end],
                after[new_at[n.start]..new_at[n.end]].to_string(),
            )
        })
        .collect()
}

/// `text` with `hunks` applied.
fn apply(text: &str, hunks: &[(usize, usize, String)]) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for (start, end, replacement) in hunks {
        out.push_str(text.get(at..*start).unwrap_or_default());
        out.push_str(replacement);
        at = *end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_turn_the_text_into_the_fixed_text() {
        let cases = [
            ("a\nb\nc\n", "a\nB\nc\n"),
            ("a\nb\nc", "a\nb\nc\nd\n"),
            ("---\ntags: x\n---\nbody\n", "---\ntags: [x]\n---\nbody\n"),
            ("one\ntwo\n", ""),
            ("", "new\n"),
            ("x\ny\nz\n", "y\n"),
            ("é\r\nü\r\n", "é\r\nu\r\n"),
        ];
        for (before, after) in cases {
            assert_eq!(apply(before, &hunks(before, after)), after, "{before:?}");
        }
    }

    #[test]
    fn a_snapshot_reads_back_the_same_for_unchanged_notes() {
        let notes: Vec<(String, String)> = vec![
            (
                "People/Ada Park.md".into(),
                "---\ntype: people\n---\n# Ada Park\n".into(),
            ),
            (
                "m.md".into(),
                "---\ntags: Meeting, x\ncreated: 2026/01/02\n---\n- [ ] Call @Ada Prk\n".into(),
            ),
        ];
        let mut vault = curator_core::vault::Vault::build(Default::default(), notes.clone());
        vault.all_fixed();
        vault.all_tasks();
        vault.vault_review();
        let text = |path: &str| vault.text(path);
        let snapshot = vault.snapshot();
        let bytes = encode("this build", snapshot.clone(), text).unwrap();
        let again = decode(&bytes, "this build", text).unwrap();
        assert!(decode(&bytes, "another build", text).is_none());
        assert!(decode(&bytes[..bytes.len() - 1], "this build", text).is_none());
        assert_eq!(format!("{again:?}"), format!("{snapshot:?}"));
        assert!(snapshot
            .notes
            .iter()
            .any(|n| n.fixed.as_ref().is_some_and(|f| f.text.is_some())));
    }
}
