//! The plugin's saved state as bytes: the engine's [`Snapshot`] with each note's file time and
//! size, in a compact binary layout written and read by hand (no serde visitor per type: the
//! module stays small, and reading 10,000 notes takes a fraction of a second).
//!
//! What is kept is what a warm start cannot get quickly otherwise: each note's content hash,
//! its summary (what it gives the index), check report, tasks and deps, and the vault's review
//! items. Not the notes' texts (the plugin reads them from the vault behind the saved results)
//! and not their fixes (computed when a command asks). Every string and every evidence list is
//! written once and referred to by number after; numbers are varints. Deps (fingerprints of
//! what a result read) repeat across notes: every distinct dep is listed once, sorted, as gaps,
//! and a note's deps as gaps between their places in that list. The check reports, most of
//! the bytes, come last, each readable alone ([`reports`]): they are decoded when first asked.
//!
//! The bytes are handed on in blocks as they are written ([`encode`]'s sink), so nothing is
//! written back into them: a length known only at the end goes at the end.
//!
//! Layout: [`MAGIC`] (its number is the version of the framing: a state of another version is
//! refused), the hash of the types' layout ([`types::LAYOUT`]), the body, and a hash of
//! everything before it. Bytes of another version or layout, cut short, altered or with bytes left over
//! decode to an error; whether a decoded snapshot fits the engine and the settings is
//! [`Snapshot::fits`]'s question. A saved state is never trusted on faith.

mod blocks;
mod reports;
mod types;
mod wire;

use crate::memory_growth;
use curator_core::decisions::SavedDecisions;
use curator_core::report_cell::EncodedReport;
use curator_core::vault::{SavedNote, SavedNoteRef, Snapshot, SnapshotRef};
use reports::ReportsOut;
use rustc_hash::FxHashSet;
pub use wire::Malformed;
use wire::{capacity, put_list, Read, Reader, Wire, Writer};

/// What the bytes start with: the format's name.
const MAGIC: &[u8; 16] = b"curator-state-3\n";

/// A saved state read back.
pub struct Decoded {
    /// The snapshot, its notes without their check reports (see `reports`).
    pub snapshot: Snapshot,
    /// Each note's stat, in the snapshot's order.
    pub stats: Vec<Option<Stat>>,
    /// Each note's check report, still encoded, in the snapshot's order.
    pub reports: Vec<Option<Box<dyn EncodedReport>>>,
    /// The review queue's decisions, when saved.
    pub decisions: Option<SavedDecisions>,
}

/// A note file's modification time (ms) and size (bytes), as the plugin saves them.
pub type Stat = [f64; 2];

/// Writes the bytes of `snapshot` (borrowed from the vault: nothing is copied), each note with
/// its `stats` entry (same order; a missing entry saves none), and the review queue's
/// `decisions` gathered from it; handed to `sink` in blocks as they fill, so that the state
/// never sits whole in memory.
pub fn encode(
    snapshot: &SnapshotRef,
    stats: &[Option<Stat>],
    decisions: Option<&SavedDecisions>,
    sink: &mut dyn FnMut(&[u8]),
) {
    let mut sum = xxhash_rust::xxh3::Xxh3Default::new();
    let mut emit = |block: &[u8]| {
        sum.update(block);
        sink(block);
    };
    let mut w = Writer::default();
    w.out.extend_from_slice(MAGIC);
    w.out.extend_from_slice(&layout_hash().to_le_bytes());
    w.str(snapshot.engine);
    w.out.extend_from_slice(&snapshot.settings.to_le_bytes());
    snapshot.answers.put(&mut w);
    match snapshot.vault_review {
        None => w.out.push(0),
        Some(items) => {
            w.out.push(1);
            put_list(items, &mut w);
        }
    }
    put_option(decisions, &mut w);
    let deps = distinct_deps(snapshot);
    put_gaps(deps.iter().map(|&d| u64::from(d)), deps.len(), &mut w);
    w.varint(snapshot.notes.len() as u64);
    for (i, note) in snapshot.notes.iter().enumerate() {
        put_note(note, stats.get(i).copied().flatten(), &deps, &mut w);
        w.out.hand_on_full(&mut emit);
    }
    drop(deps);
    // The notes' strings are not referred to again: their table goes before the reports'.
    let Writer { out, .. } = w;
    let mut reports = ReportsOut::new(out);
    for note in &snapshot.notes {
        reports.put(note.report.map(|r| &**r));
        reports.out().hand_on_full(&mut emit);
    }
    reports.finish(&mut emit);
    sink(&sum.digest().to_le_bytes());
}

/// [`encode`]'s bytes in one buffer.
pub fn encode_to_vec(
    snapshot: &SnapshotRef,
    stats: &[Option<Stat>],
    decisions: Option<&SavedDecisions>,
) -> Vec<u8> {
    let mut out = Vec::new();
    encode(snapshot, stats, decisions, &mut |block| {
        out.extend_from_slice(block)
    });
    out
}

/// Every dep of the snapshot's notes once, sorted. Gathered in a set: the notes' deps are
/// millions, the distinct ones some tens of thousands (a list of them all took 12.5 MB at
/// 10,000 notes, the largest room the save took).
fn distinct_deps(snapshot: &SnapshotRef) -> Vec<u32> {
    let mut distinct = FxHashSet::default();
    for note in &snapshot.notes {
        distinct.extend(note.deps.iter().copied());
    }
    let mut deps: Vec<u32> = distinct.into_iter().collect();
    deps.sort_unstable();
    deps
}

/// `value` as [`Wire`] writes an `Option` of it.
fn put_option<'a, T: Wire>(value: Option<&'a T>, w: &mut Writer<'a>) {
    match value {
        None => w.out.push(0),
        Some(value) => {
            w.out.push(1);
            value.put(w);
        }
    }
}

/// The snapshot and each note's stat in `bytes`, when [`encode`] wrote them and they read
/// back whole; the notes' reports are only cut apart, to decode when first asked.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Malformed> {
    let (body, sum) = bytes.split_last_chunk::<8>().ok_or(Malformed)?;
    if xxhash_rust::xxh3::xxh3_64(body) != u64::from_le_bytes(*sum) {
        return Err(Malformed);
    }
    // The reports' length ends the body (see `reports`).
    let (body, reports_len) = body.split_last_chunk::<8>().ok_or(Malformed)?;
    let mut r = Reader::new(body);
    if r.bytes(MAGIC.len())? != MAGIC || fixed_u64(&mut r)? != layout_hash() {
        return Err(Malformed);
    }
    // Room for the restore in one step (see `memory_growth`): once the state is known to be
    // one, and before it is read.
    memory_growth::make_room(bytes.len().saturating_mul(ROOM_PER_BYTE));
    let engine = String::take(&mut r)?;
    let settings = fixed_u64(&mut r)?;
    let answers = Wire::take(&mut r)?;
    let vault_review = Wire::take(&mut r)?;
    let decisions = Wire::take(&mut r)?;
    let deps = take_deps(&mut r)?;
    let n = r.count()?;
    let (mut notes, mut stats) = (Vec::with_capacity(capacity(n)), Vec::new());
    for _ in 0..n {
        let (note, stat) = take_note(&mut r, &deps)?;
        notes.push(note);
        stats.push(stat);
    }
    let reports = reports::take(&mut r, n, u64::from_le_bytes(*reports_len))?;
    if !r.at_end() {
        return Err(Malformed);
    }
    let snapshot = Snapshot {
        engine,
        settings,
        answers,
        vault_review,
        notes,
    };
    Ok(Decoded {
        snapshot,
        stats,
        reports,
        decisions,
    })
}

fn put_note<'a>(note: &SavedNoteRef<'a>, stat: Option<Stat>, deps: &[u32], w: &mut Writer<'a>) {
    w.str(note.path);
    w.out.extend_from_slice(&note.hash.to_le_bytes());
    put_option(note.summary, w);
    put_option(note.tasks, w);
    // Each dep by its place in the vault's list (every dep is in it).
    let places = note
        .deps
        .iter()
        .map(|d| deps.binary_search(d).unwrap_or(0) as u64);
    put_gaps(places, note.deps.len(), w);
    match stat {
        None => w.out.push(0),
        Some([mtime, size]) => {
            w.out.push(1);
            w.out.extend_from_slice(&mtime.to_le_bytes());
            w.out.extend_from_slice(&size.to_le_bytes());
        }
    }
}

fn take_note(r: &mut Reader, deps: &[u32]) -> Read<(SavedNote, Option<Stat>)> {
    let path = String::take(r)?;
    let hash = fixed_u64(r)?;
    let summary = Wire::take(r)?;
    let tasks = Wire::take(r)?;
    // Each dep by its place in the vault's list, read straight into the note's list.
    let n = r.count()?;
    let mut note_deps = Vec::with_capacity(capacity(n));
    let mut place = 0u64;
    for _ in 0..n {
        place = place.wrapping_add(r.varint()?);
        let dep = usize::try_from(place).ok().and_then(|i| deps.get(i));
        note_deps.push(*dep.ok_or(Malformed)?);
    }
    let stat = match <Option<f64> as Wire>::take(r)? {
        None => None,
        Some(mtime) => Some([mtime, f64::take(r)?]),
    };
    let note = SavedNote {
        path,
        hash,
        summary,
        report: None,
        tasks,
        fixed: None,
        deps: note_deps,
    };
    Ok((note, stat))
}

/// `len` numbers, sorted, as their count and the gaps between them (wrapping: numbers in any
/// order read back as written).
fn put_gaps(numbers: impl Iterator<Item = u64>, len: usize, w: &mut Writer) {
    w.varint(len as u64);
    let mut last = 0u64;
    for n in numbers {
        w.varint(n.wrapping_sub(last));
        last = n;
    }
}

/// The vault's deps as [`put_gaps`] wrote them: each folded to 32 bits, as the vault keeps
/// them.
fn take_deps(r: &mut Reader) -> Read<Vec<u32>> {
    let n = r.count()?;
    let mut out = Vec::with_capacity(capacity(n));
    let mut last = 0u64;
    for _ in 0..n {
        last = last.wrapping_add(r.varint()?);
        out.push(u32::try_from(last).map_err(|_| Malformed)?);
    }
    Ok(out)
}

/// The memory a warm start takes, per byte of its state: the snapshot read back and the
/// vault restored from it (92 MB for the 18.8 MB state of 10,000 notes, the bytes included).
const ROOM_PER_BYTE: usize = 4;

/// Eight bytes, little-endian.
fn fixed_u64(r: &mut Reader) -> Read<u64> {
    let mut b = [0; 8];
    b.copy_from_slice(r.bytes(8)?);
    Ok(u64::from_le_bytes(b))
}

/// The hash of the types' layout, in every header.
fn layout_hash() -> u64 {
    xxhash_rust::xxh3::xxh3_64(types::LAYOUT.as_bytes())
}

// Natively only: proptest does not build for wasm32-unknown-unknown (see Cargo.toml).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use curator_core::decisions::{decision_page, DecisionIndex, DecisionQuery, Group};
    use curator_core::index::DateStyle;
    use curator_core::review::Weight;
    use curator_core::vault::Vault;
    use curator_core::{Candidate, ReviewItem, ReviewReason, Settings};
    use proptest::prelude::*;
    use std::sync::Arc;

    const GIVEN: &[&str] = &["Ines", "Bram", "Odile", "Ines"];
    const FAMILY: &[&str] = &["Varga", "Holm", "Quesnel", "Vargas"];

    /// A vault of people and meetings naming them, written and misspelt, with tasks, dates and
    /// links: reports with edits, review items with candidates and evidence, and tasks.
    fn notes(people: usize, meetings: &[(usize, usize)]) -> Vec<(String, String)> {
        let name = |i: usize| format!("{} {}", GIVEN[i % 4], FAMILY[(i / 4) % 4]);
        let mut notes: Vec<(String, String)> = (0..people)
            .map(|i| {
                let text = format!(
                    "---\ntype: person\ncompany: Acme\naliases: [{}]\ntags: [{}]\nsince: 2024-05-0{}{}\n---\n# {}\n\n## Key Facts\n- Born 1980\n",
                    GIVEN[i % 4],
                    // Written in two cases, mostly one, so the tags rule has notes to fix.
                    ["team", "Team", "team"][i % 3],
                    i % 9 + 1,
                    // A declared date written both ways, so the summaries count how.
                    ["T00:00:00Z", ""][i % 2],
                    name(i)
                );
                (format!("People/{}.md", name(i)), text)
            })
            .collect();
        for (m, &(who, typo)) in meetings.iter().enumerate() {
            let (first, last) = (GIVEN[who % 4], FAMILY[(who / 4) % 4]);
            let written = match typo % 4 {
                0 => name(who),
                1 => first.to_string(),
                2 => format!("{first} {}", last.replace('a', "e")),
                _ => last.to_uppercase(),
            };
            let text = format!(
                "---\ndate: 2026-01-{:02}\ntags: [meeting]\n---\n# Sync {m}\n\n**Participants:** [[{}]]\n\n{written} said the plan holds.\n\n- [ ] Call {written} 📅 2026-02-0{} #follow-up\n- [x] Send notes ✅ 2026-01-03\n",
                m % 28 + 1,
                name(who),
                typo % 9 + 1
            );
            notes.push((format!("Meetings/m{m}.md"), text));
        }
        notes
    }

    /// The settings the vaults here are read with: `since` declared a date.
    fn settings() -> Settings {
        let mut settings = Settings::default();
        settings
            .property_types
            .insert("since".into(), "date".into());
        settings
    }

    /// A vault of `notes` with every note's report and tasks, and the vault's review items.
    fn warm(notes: Vec<(String, String)>) -> Vault {
        let mut vault = Vault::build(settings(), notes);
        vault.all_reports();
        vault.all_tasks();
        vault.vault_review();
        vault
    }

    /// The snapshot, stats and decisions in `bytes`, every report decoded: an error when one
    /// does not.
    fn read_back(bytes: &[u8]) -> Read<(Snapshot, Vec<Option<Stat>>, Option<SavedDecisions>)> {
        let mut decoded = decode(bytes)?;
        for (note, report) in decoded.snapshot.notes.iter_mut().zip(&decoded.reports) {
            if let Some(report) = report {
                note.report = Some(Arc::new(report.decode().ok_or(Malformed)?));
            }
        }
        Ok((decoded.snapshot, decoded.stats, decoded.decisions))
    }

    /// The review queue's decisions gathered from `vault`, as saved.
    fn decisions(vault: &mut Vault) -> Option<SavedDecisions> {
        let mut index = DecisionIndex::default();
        decision_page(vault, &mut index, &DecisionQuery::default());
        index.saved(vault)
    }

    fn stats(notes: usize) -> Vec<Option<Stat>> {
        (0..notes)
            .map(|i| (i % 3 != 0).then_some([i as f64 * 1.5, 1e6 + i as f64]))
            .collect()
    }

    #[test]
    fn a_state_reads_back_as_written_but_for_the_fixes() {
        let mut vault = warm(notes(6, &[(0, 0), (0, 2), (1, 3), (4, 2), (5, 1)]));
        vault.all_fixed();
        // Decisions with everything one can hold (the vault's own items among them).
        let mut decisions = decisions(&mut vault);
        if let Some(d) = &mut decisions {
            d.groups.push(Group {
                group: "name:ines verga".into(),
                kind: ReviewReason::UncertainMention,
                mentions: 3,
                items: vec![(0, 1), (2, 0), (u32::MAX, 0)],
                notes: vec![0, 2],
                about: 3,
                haystack: "ines verga\nines varga".into(),
            });
        }
        assert!(decisions.is_some(), "gathered from the vault as it is");
        let mut snapshot = vault.snapshot();
        let reports: Vec<_> = snapshot.notes.iter().flat_map(|n| &n.report).collect();
        assert!(reports.iter().any(|r| !r.edits.is_empty()), "{reports:#?}");
        let summaries: Vec<_> = snapshot.notes.iter().flat_map(|n| &n.summary).collect();
        assert!(summaries
            .iter()
            .any(|s| s.date_styles.iter().any(|(_, t)| *t == DateStyle::Datetime)));
        // A review item with everything an item can hold, evidence shared by two candidates.
        let evidence: Arc<[Weight]> = Arc::from(vec![
            Weight {
                factor: "name".into(),
                bits: -1.25,
                words: "one letter apart".into(),
            },
            Weight {
                factor: "meeting".into(),
                bits: 3.5,
                words: "met on 2026-01-02".into(),
            },
        ]);
        let mut item = ReviewItem::new("m.md", Some(3), ReviewReason::UncertainMention, "Who?");
        item.name = Some("Ines Verga".into());
        item.also = vec![5, 9];
        for (name, score) in [("Ines Varga", 0.5), ("Ines Vargas", 0.25)] {
            item.candidates.push(Candidate {
                name: name.into(),
                path: format!("People/{name}.md").into(),
                score,
                evidence: Arc::clone(&evidence),
            });
        }
        let note = snapshot.notes.iter_mut().find(|n| n.report.is_some());
        if let Some(report) = note.and_then(|n| n.report.as_mut()).map(Arc::make_mut) {
            report.review.push(item.clone());
            report.error = Some(curator_core::NoteError::new("m.md", Some(2), "broken"));
        }
        snapshot.vault_review = Some(vec![item]);
        let stats = stats(snapshot.notes.len());
        let bytes = encoded(snapshot.clone(), &stats, decisions.as_ref());
        let (back, stats_back, decisions_back) = read_back(&bytes).unwrap();
        let mut expected = snapshot.clone();
        expected.notes.iter_mut().for_each(|n| n.fixed = None);
        assert_eq!(format!("{back:?}"), format!("{expected:?}"));
        assert_eq!(stats_back, stats);
        assert_eq!(decisions_back, decisions);
    }

    #[test]
    fn bytes_that_are_not_a_whole_state_are_refused() {
        let mut vault = warm(notes(3, &[(0, 1), (1, 2)]));
        let decisions = decisions(&mut vault);
        let bytes = encode_to_vec(
            &vault.snapshot_ref(),
            &stats(vault.len()),
            decisions.as_ref(),
        );
        assert!(read_back(&bytes[..bytes.len() - 1]).is_err(), "cut short");
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(read_back(&longer).is_err(), "trailing bytes");
        assert!(read_back(&bytes[1..]).is_err(), "no magic");
        assert!(read_back(b"").is_err());
        for i in (0..bytes.len()).step_by(97) {
            let mut flipped = bytes.clone();
            flipped[i] ^= 0x10;
            assert!(read_back(&flipped).is_err(), "byte {i} altered");
        }
    }

    #[test]
    fn a_state_of_the_version_before_is_refused() {
        // Version 2 wrote the reports' length before them: read as this version, it would be
        // misread, so its header is another.
        let vault = warm(notes(3, &[(0, 1), (1, 2)]));
        let bytes = encode_to_vec(&vault.snapshot_ref(), &stats(vault.len()), None);
        assert!(read_back(&bytes).is_ok());
        let mut body = bytes[..bytes.len() - 8].to_vec();
        body[..MAGIC.len()].copy_from_slice(b"curator-state-2\n");
        assert!(read_back(&sealed(&body)).is_err());
    }

    /// The bytes of `snapshot`, written from a vault holding it on trust (as a warm start's
    /// does before its notes are read).
    fn encoded(
        snapshot: Snapshot,
        stats: &[Option<Stat>],
        decisions: Option<&SavedDecisions>,
    ) -> Vec<u8> {
        let paths: Vec<String> = snapshot.notes.iter().map(|n| n.path.clone()).collect();
        let present = paths.iter().map(String::as_str).collect();
        let vault = Vault::restore_unread(settings(), snapshot, Vec::new(), &present);
        encode_to_vec(&vault.unwrap().snapshot_ref(), stats, decisions)
    }

    /// A body with a valid checksum: what the reader itself must refuse, without panicking.
    fn sealed(body: &[u8]) -> Vec<u8> {
        let mut bytes = body.to_vec();
        bytes.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(body).to_le_bytes());
        bytes
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any bytes, even with a valid header and checksum, decode to a value or an error.
        #[test]
        fn any_bytes_decode_without_panicking(tail in prop::collection::vec(any::<u8>(), 0..400)) {
            let _ = read_back(&tail);
            let mut body = MAGIC.to_vec();
            body.extend_from_slice(&layout_hash().to_le_bytes());
            body.extend_from_slice(&tail);
            let _ = read_back(&sealed(&body));
        }

        /// A real state altered anywhere and sealed again decodes to a value or an error.
        #[test]
        fn altered_states_decode_without_panicking(
            edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
            cut in any::<prop::sample::Index>(),
        ) {
            let mut vault = warm(notes(3, &[(0, 1), (1, 2), (2, 0)]));
            let decisions = decisions(&mut vault);
            let bytes = encode_to_vec(&vault.snapshot_ref(), &stats(vault.len()), decisions.as_ref());
            let mut body = bytes[..bytes.len() - 8].to_vec();
            for (at, byte) in &edits {
                let i = at.index(body.len());
                body[i] = *byte;
            }
            let _ = read_back(&sealed(&body));
            let _ = read_back(&sealed(&body[..cut.index(body.len())]));
        }

        /// Written and read back, the state of any small vault is the state written.
        #[test]
        fn states_round_trip(
            people in 1usize..6,
            meetings in prop::collection::vec((0usize..6, 0usize..9), 0..6),
        ) {
            let mut vault = warm(notes(people, &meetings));
            let decisions = decisions(&mut vault);
            let snapshot = vault.snapshot();
            let stats = stats(snapshot.notes.len());
            let bytes = encode_to_vec(&vault.snapshot_ref(), &stats, decisions.as_ref());
            let (back, stats_back, decisions_back) = read_back(&bytes).unwrap();
            prop_assert_eq!(format!("{back:?}"), format!("{snapshot:?}"));
            prop_assert_eq!(stats_back, stats);
            prop_assert_eq!(decisions_back, decisions);
        }
    }
}
