//! How the cache file holds a vault's state: a head saying what it was written from (the build,
//! the settings, every note's path and content hash) and where each section lies, then the
//! sections, each in chunks of notes encoded and decoded in parallel. A run reads the head
//! first: when no note changed since, it decodes only the sections it prints; otherwise it
//! reads them all back into the engine's [`Snapshot`] — written and read back, a snapshot is
//! the same snapshot.
//!
//! The evidence of review candidates is most of a report's bytes and only `--json` prints it,
//! so it has a section of its own.

use crate::output::Report;
use curator_core::answers::Answers;
use curator_core::index::NoteSummary;
use curator_core::kept_fix::KeptFix;
use curator_core::review::Weight;
use curator_core::tasks::Task;
use curator_core::vault::{SavedNote, Snapshot};
use curator_core::{NoteError, NoteReport};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

/// Notes per chunk: chunks are encoded and decoded independently, in parallel.
const CHUNK: usize = 256;

/// The sections of a cache file, in the order they follow the head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Per note, what the engine needs to bring the state up to date: its summary and deps.
    State,
    /// Per note, its tasks when computed.
    Tasks,
    /// Per note, its check report when computed, without its candidates' evidence.
    Reports,
    /// Per note, the evidence left out of its report, candidate by candidate: in each chunk,
    /// every distinct piece of evidence once, and each candidate's as indices into those (the
    /// same few words recur across a vault's candidates: 589,464 pieces, 53,568 distinct, in
    /// one of 10,000 notes).
    Evidence,
    /// Per note, its fix when computed.
    Fixes,
    /// Per note, what `check` printed of its fix: present only when `check` wrote the cache.
    Checked,
    /// The vault's review items, when computed (one chunk).
    VaultReview,
    /// `check`'s human report as printed, when `check` without `--json` wrote the cache (one
    /// chunk).
    Printed,
}

/// Every section, in file order.
const SECTIONS: [Section; 8] = [
    Section::State,
    Section::Tasks,
    Section::Reports,
    Section::Evidence,
    Section::Fixes,
    Section::Checked,
    Section::VaultReview,
    Section::Printed,
];

/// What `check` makes of a note's fix: the error a later fix pass stops at, and the plain
/// unified diff of the fix (see `output::diff`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckedFix {
    /// Why a fix pass refused the note.
    pub error: Option<NoteError>,
    /// The diff `fix` would make, uncoloured.
    pub diff: Option<String>,
}

/// `check`'s human report and its exit status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Printed {
    /// The exit status.
    pub code: u8,
    /// What is printed on stdout.
    pub report: Report,
}

/// What `check` made of a vault, saved with its state: each note's fix as `check` prints it,
/// in path order, and the human report when it was printed.
pub type CheckSaved<'a> = (&'a [CheckedFix], Option<&'a Printed>);

/// What precedes the sections.
#[derive(Debug, Serialize, Deserialize)]
pub struct Head {
    /// The build of `curator` that wrote the cache.
    identity: String,
    /// [`settings_key`] of the settings the results were computed with, answers included.
    settings_key: u64,
    /// The engine and settings fingerprint of the snapshot (see [`Snapshot`]).
    engine: String,
    settings: u64,
    /// The review answers the snapshot was taken with.
    answers: Answers,
    /// Every note's path and content hash, in path order.
    pub notes: Vec<(String, u64)>,
    /// Per section, in [`SECTIONS`] order, the length in bytes of each chunk (none for a
    /// section left out).
    chunks: Vec<Vec<usize>>,
}

impl Head {
    /// Where `section` lies after the head: its offset and length in bytes.
    pub fn span(&self, section: Section) -> Option<(usize, usize)> {
        let at = SECTIONS.iter().position(|s| *s == section)?;
        let len = |c: &Vec<usize>| c.iter().sum::<usize>();
        let start = self.chunks.get(..at)?.iter().map(len).sum();
        Some((start, len(self.chunks.get(at)?)))
    }

    /// True when the file holds `section`.
    pub fn has(&self, section: Section) -> bool {
        self.span(section).is_some_and(|(_, len)| len > 0)
    }

    /// The length in bytes of every section together.
    pub fn body_len(&self) -> usize {
        self.chunks.iter().flatten().sum()
    }

    /// True when the cache was written with the settings of key `settings_key` from the notes
    /// read now (`(path, content hash)`, in path order), byte for byte.
    pub fn unchanged(&self, settings_key: u64, notes: &[(String, u64)]) -> bool {
        self.settings_key == settings_key && self.notes == notes
    }

    /// True when the build `identity` wrote the cache.
    pub fn written_by(&self, identity: &str) -> bool {
        self.identity == identity
    }
}

/// A fingerprint of the settings a run uses, the review answers included: results read from
/// the cache without the engine are only those of exactly these settings.
pub fn settings_key(settings: &curator_core::Settings) -> u64 {
    curator_core::vault::content_hash(&format!("{settings:?}"))
}

/// What a note contributes to the engine's state when its text is unchanged.
#[derive(Serialize, Deserialize)]
struct SavedState {
    summary: Option<NoteSummary>,
    deps: Vec<u32>,
}

/// The bytes of `snapshot`, written by the build `identity` with the settings of key
/// `settings_key`, with what `check` made of the vault when given: the head's length (8 bytes,
/// little-endian), the head, then the sections, each a run of MessagePack chunks.
pub fn encode(
    identity: &str,
    settings_key: u64,
    snapshot: Snapshot,
    check: Option<CheckSaved>,
) -> Option<Vec<u8>> {
    let notes = &snapshot.notes;
    let state = chunks(notes, |n| SavedState {
        summary: n.summary.clone(),
        deps: n.deps.clone(),
    })?;
    let tasks = chunks(notes, |n| n.tasks.as_ref())?;
    let evidence = evidence_chunks(notes)?;
    let reports = chunks(notes, |n| n.report.as_deref().map(without_evidence))?;
    let fixes = chunks(notes, |n| n.fixed.as_ref())?;
    let (checked, printed) = match check {
        Some((checked, printed)) if checked.len() == notes.len() => {
            let printed = match printed {
                Some(printed) => vec![rmp_serde::to_vec_named(printed).ok()?],
                None => Vec::new(),
            };
            (chunks(checked, |c| c)?, printed)
        }
        _ => (Vec::new(), Vec::new()),
    };
    let vault_review = vec![rmp_serde::to_vec_named(&snapshot.vault_review).ok()?];
    let sections = [
        state,
        tasks,
        reports,
        evidence,
        fixes,
        checked,
        vault_review,
        printed,
    ];
    let head = rmp_serde::to_vec_named(&Head {
        identity: identity.to_string(),
        settings_key,
        engine: snapshot.engine,
        settings: snapshot.settings,
        answers: snapshot.answers,
        notes: notes.iter().map(|n| (n.path.clone(), n.hash)).collect(),
        chunks: (sections.iter())
            .map(|s| s.iter().map(Vec::len).collect())
            .collect(),
    })
    .ok()?;
    let body: usize = sections.iter().flatten().map(Vec::len).sum();
    let mut out = Vec::with_capacity(8 + head.len() + body);
    out.extend_from_slice(&(head.len() as u64).to_le_bytes());
    out.extend(head);
    sections.into_iter().flatten().for_each(|c| out.extend(c));
    Some(out)
}

/// The head at the start of `bytes`, and how many bytes it took.
pub fn head(bytes: &[u8]) -> Option<(Head, usize)> {
    let (len, rest) = bytes.split_at_checked(8)?;
    let len = usize::try_from(u64::from_le_bytes(len.try_into().ok()?)).ok()?;
    let head: Head = rmp_serde::from_slice(rest.get(..len)?).ok()?;
    (head.chunks.len() == SECTIONS.len()).then_some((head, 8 + len))
}

/// Where each chunk of `section` lies after the head: its offset and length in bytes.
pub fn chunk_spans(head: &Head, section: Section) -> Option<Vec<(usize, usize)>> {
    let (mut start, _) = head.span(section)?;
    let at = SECTIONS.iter().position(|s| *s == section)?;
    let spans = (head.chunks.get(at)?.iter())
        .map(|&len| {
            start += len;
            (start - len, len)
        })
        .collect();
    Some(spans)
}

/// Every note's value in `section`, when its chunks read back whole: one per note, in path
/// order. `chunk` gives the bytes of a chunk from its span (see [`chunk_spans`]); chunks are
/// read and decoded in parallel, each dropped once decoded.
pub fn notes<T: DeserializeOwned + Send>(
    head: &Head,
    section: Section,
    chunk: impl Fn((usize, usize)) -> Option<Vec<u8>> + Sync,
) -> Option<Vec<T>> {
    let decoded: Vec<Vec<T>> = chunk_spans(head, section)?
        .into_par_iter()
        .map(|span| rmp_serde::from_slice(&chunk(span)?).ok())
        .collect::<Option<_>>()?;
    let out: Vec<T> = decoded.into_iter().flatten().collect();
    (out.len() == head.notes.len()).then_some(out)
}

/// The value of a section of one chunk ([`Section::VaultReview`], [`Section::Printed`]), from
/// its bytes.
pub fn one<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    rmp_serde::from_slice(bytes).ok()
}

/// Every note's check report with its candidates' evidence put back, from the reports and
/// evidence sections decoded.
pub fn with_evidence(
    reports: Vec<Option<NoteReport>>,
    evidence: Vec<Option<Vec<Vec<Weight>>>>,
) -> Option<Vec<Option<NoteReport>>> {
    (reports.into_iter().zip(evidence))
        .map(|(report, evidence)| match (report, evidence) {
            (None, None) => Some(None),
            (Some(mut report), Some(evidence)) => {
                let mut evidence = evidence.into_iter();
                for c in report.review.iter_mut().flat_map(|i| &mut i.candidates) {
                    c.evidence = evidence.next()?.into();
                }
                evidence.next().is_none().then_some(Some(report))
            }
            _ => None,
        })
        .collect()
}

/// The snapshot saved in a file of head `head`, given how to read the bytes at a span.
pub fn snapshot(
    head: Head,
    read: impl Fn((usize, usize)) -> Option<Vec<u8>> + Sync,
) -> Option<Snapshot> {
    let state: Vec<SavedState> = notes(&head, Section::State, &read)?;
    let tasks: Vec<Option<Vec<Task>>> = notes(&head, Section::Tasks, &read)?;
    let reports = notes(&head, Section::Reports, &read)?;
    let evidence = evidence(&head, &read)?;
    let reports = with_evidence(reports, evidence)?;
    let fixes: Vec<Option<KeptFix>> = notes(&head, Section::Fixes, &read)?;
    let vault_review = one(&read(head.span(Section::VaultReview)?)?)?;
    let notes = (head.notes.into_iter().zip(state).zip(tasks))
        .zip(reports.into_iter().zip(fixes))
        .map(
            |((((path, hash), state), tasks), (report, fixed))| SavedNote {
                path,
                hash,
                summary: state.summary,
                report: report.map(Arc::new),
                tasks: tasks.map(Arc::new),
                fixed,
                deps: state.deps,
            },
        )
        .collect();
    Some(Snapshot {
        engine: head.engine,
        settings: head.settings,
        answers: head.answers,
        vault_review,
        notes,
    })
}

/// Every note's evidence of a review candidate, candidate by candidate, in path order
/// (`None` for a note without a report).
type NoteEvidence = Vec<Option<Vec<Vec<Weight>>>>;

/// A chunk of [`Section::Evidence`]: every distinct piece of evidence of its notes, and per
/// note, each candidate's as indices into them. Written as arrays, without field names: most
/// of a piece's bytes would be its names.
#[derive(Serialize, Deserialize)]
struct EvidenceChunk<W> {
    pieces: Vec<W>,
    notes: Vec<Option<Vec<Vec<u32>>>>,
}

/// The chunks of [`Section::Evidence`] for `notes`.
fn evidence_chunks(notes: &[SavedNote]) -> Option<Vec<Vec<u8>>> {
    notes
        .par_chunks(CHUNK)
        .map(|chunk| {
            let mut pieces: Vec<&Weight> = Vec::new();
            let mut at: HashMap<(&str, u64, &str), u32> = HashMap::new();
            let mut notes = Vec::with_capacity(chunk.len());
            for note in chunk {
                let Some(report) = &note.report else {
                    notes.push(None);
                    continue;
                };
                let mut candidates = Vec::new();
                for c in report.review.iter().flat_map(|i| &i.candidates) {
                    let mut ids = Vec::with_capacity(c.evidence.len());
                    for w in c.evidence.iter() {
                        let key = w.key();
                        let id = match at.get(&key) {
                            Some(&id) => id,
                            None => {
                                let id = u32::try_from(pieces.len()).ok()?;
                                at.insert(key, id);
                                pieces.push(w);
                                id
                            }
                        };
                        ids.push(id);
                    }
                    candidates.push(ids);
                }
                notes.push(Some(candidates));
            }
            rmp_serde::to_vec(&EvidenceChunk { pieces, notes }).ok()
        })
        .collect()
}

/// Every note's evidence, from [`Section::Evidence`] read with `read`.
pub fn evidence(
    head: &Head,
    read: impl Fn((usize, usize)) -> Option<Vec<u8>> + Sync,
) -> Option<NoteEvidence> {
    let decoded: Vec<NoteEvidence> = chunk_spans(head, Section::Evidence)?
        .into_par_iter()
        .map(|span| {
            let chunk: EvidenceChunk<Weight> = rmp_serde::from_slice(&read(span)?).ok()?;
            let piece = |id: &u32| chunk.pieces.get(usize::try_from(*id).ok()?).cloned();
            let candidate = |ids: &Vec<u32>| ids.iter().map(piece).collect::<Option<Vec<_>>>();
            (chunk.notes.iter())
                .map(|note| match note {
                    Some(c) => c.iter().map(candidate).collect::<Option<_>>().map(Some),
                    None => Some(None),
                })
                .collect::<Option<NoteEvidence>>()
        })
        .collect::<Option<_>>()?;
    let out: NoteEvidence = decoded.into_iter().flatten().collect();
    (out.len() == head.notes.len()).then_some(out)
}

/// `report` without its candidates' evidence (kept in [`Section::Evidence`]).
fn without_evidence(report: &NoteReport) -> NoteReport {
    let mut report = report.clone();
    for c in report.review.iter_mut().flat_map(|i| &mut i.candidates) {
        c.evidence = Vec::new().into();
    }
    report
}

/// `each` of every item, in chunks of [`CHUNK`], each chunk encoded as MessagePack.
fn chunks<'a, T: Sync, V: Serialize>(
    items: &'a [T],
    each: impl Fn(&'a T) -> V + Sync,
) -> Option<Vec<Vec<u8>>> {
    items
        .par_chunks(CHUNK)
        .map(|chunk| {
            let values: Vec<V> = chunk.iter().map(&each).collect();
            rmp_serde::to_vec_named(&values).ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot_of_a_small_vault() -> Snapshot {
        let notes: Vec<(String, String)> = vec![
            (
                "People/Ada Park.md".into(),
                "---\ntype: people\n---\n# Ada Park\n".into(),
            ),
            (
                "People/Ada Parks.md".into(),
                "---\ntype: people\n---\n# Ada Parks\n".into(),
            ),
            (
                "m.md".into(),
                "---\ntags: Meeting, x\ncreated: 2026/01/02\nsince: 2026-01-02T00:00Z\n---\n- [ ] Call @Ada Prk\nAda said hi.\n"
                    .into(),
            ),
        ];
        // `created` and `since` (declared a date) are date keys: the summaries say how the note
        // writes them.
        let mut settings = curator_core::Settings::default();
        settings
            .property_types
            .insert("since".into(), "date".into());
        let mut vault = curator_core::vault::Vault::build(settings, notes);
        vault.all_fixed();
        vault.all_tasks();
        vault.vault_review();
        vault.snapshot()
    }

    /// The bytes at `(start, len)` of `body`.
    fn at(body: &[u8], (start, len): (usize, usize)) -> Option<Vec<u8>> {
        body.get(start..start + len).map(<[u8]>::to_vec)
    }

    fn read_back(bytes: &[u8]) -> Option<Snapshot> {
        let (head, start) = head(bytes)?;
        let body = &bytes[start..];
        (body.len() == head.body_len()).then_some(())?;
        snapshot(head, |span| at(body, span))
    }

    #[test]
    fn a_snapshot_reads_back_the_same() {
        let snapshot = snapshot_of_a_small_vault();
        assert!(snapshot.notes.iter().any(|n| n.fixed.is_some()));
        assert!(snapshot
            .notes
            .iter()
            .flat_map(|n| &n.report)
            .flat_map(|r| &r.review)
            .flat_map(|i| &i.candidates)
            .any(|c| !c.evidence.is_empty()));
        assert!(snapshot
            .notes
            .iter()
            .flat_map(|n| &n.summary)
            .any(|s| !s.date_styles.is_empty()));
        let bytes = encode("this build", 7, snapshot.clone(), None).unwrap();
        let again = read_back(&bytes).unwrap();
        assert_eq!(format!("{again:?}"), format!("{snapshot:?}"));
        assert!(read_back(&bytes[..bytes.len() - 1]).is_none());
    }

    #[test]
    fn the_head_names_the_notes_and_the_build_and_settings_they_were_read_with() {
        let snapshot = snapshot_of_a_small_vault();
        let written: Vec<(String, u64)> = snapshot
            .notes
            .iter()
            .map(|n| (n.path.clone(), n.hash))
            .collect();
        let now = written.clone();
        let checked = vec![
            CheckedFix {
                error: None,
                diff: None
            };
            written.len()
        ];
        let mut report = Report::default();
        report.styled().push_str("\u{1b}[1mReview queue\u{1b}[0m\n");
        report.raw().push_str("a.md  needs review\n");
        let printed = Printed { code: 1, report };
        let bytes = encode("this build", 7, snapshot, Some((&checked, Some(&printed)))).unwrap();
        let (head, _) = head(&bytes).unwrap();
        assert!(head.written_by("this build") && !head.written_by("another build"));
        assert!(head.unchanged(7, &now));
        assert!(!head.unchanged(8, &now), "other settings");
        let mut edited = now.clone();
        edited[1].1 ^= 1;
        assert!(!head.unchanged(7, &edited), "a note edited");
        assert!(!head.unchanged(7, &now[1..]), "a note removed");
        let mut renamed = now.clone();
        renamed[0].0 = "People/Ada.md".into();
        assert!(!head.unchanged(7, &renamed), "a note renamed");
        assert!(head.has(Section::Checked));
        let body = &bytes[bytes.len() - head.body_len()..];
        let again: Vec<Option<CheckedFix>> =
            notes(&head, Section::Checked, |span| at(body, span)).unwrap();
        assert_eq!(again, checked.into_iter().map(Some).collect::<Vec<_>>());
        let span = head.span(Section::Printed).unwrap();
        assert_eq!(one::<Printed>(&at(body, span).unwrap()), Some(printed));
    }

    #[test]
    fn reports_without_evidence_take_it_back_whole_or_not_at_all() {
        let snapshot = snapshot_of_a_small_vault();
        let reports: Vec<Option<NoteReport>> = snapshot
            .notes
            .iter()
            .map(|n| n.report.as_deref().cloned())
            .collect();
        let light: Vec<Option<NoteReport>> = reports
            .iter()
            .map(|r| r.as_ref().map(without_evidence))
            .collect();
        let evidence: Vec<Option<Vec<Vec<Weight>>>> = reports
            .iter()
            .map(|r| {
                r.as_ref().map(|r| {
                    (r.review.iter().flat_map(|i| &i.candidates))
                        .map(|c| c.evidence.to_vec())
                        .collect()
                })
            })
            .collect();
        assert_eq!(
            with_evidence(light.clone(), evidence.clone()),
            Some(reports)
        );
        let mut short = evidence;
        if let Some(Some(e)) = short
            .iter_mut()
            .find(|e| e.as_ref().is_some_and(|e| !e.is_empty()))
        {
            e.pop();
        }
        assert_eq!(with_evidence(light, short), None);
    }
}
