//! How the cache file holds a snapshot, in chunks encoded and decoded in parallel. The
//! snapshot holds each note's results already without what the note's own text, read again at
//! every run, says (a fix is kept as the line hunks it makes, see `curator_core::kept_fix`);
//! written and read back, a snapshot is the same snapshot.

use curator_core::answers::Answers;
use curator_core::vault::{SavedNote, Snapshot};
use curator_core::ReviewItem;
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

/// The bytes of `snapshot`, written by the build `identity`: the head's length (8 bytes,
/// little-endian), the head, then the chunks of notes, each MessagePack.
pub fn encode(identity: &str, snapshot: Snapshot) -> Option<Vec<u8>> {
    let chunks: Vec<Vec<u8>> = snapshot
        .notes
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

/// The snapshot in `bytes` when the build `identity` wrote them and they read back whole.
pub fn decode(bytes: &[u8], identity: &str) -> Option<Snapshot> {
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
        .map(|chunk| rmp_serde::from_slice(chunk).ok())
        .collect::<Option<_>>()?;
    Some(Snapshot {
        engine: head.engine,
        settings: head.settings,
        answers: head.answers,
        vault_review: head.vault_review,
        notes: notes.into_iter().flatten().collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let snapshot = vault.snapshot();
        let bytes = encode("this build", snapshot.clone()).unwrap();
        let again = decode(&bytes, "this build").unwrap();
        assert!(decode(&bytes, "another build").is_none());
        assert!(decode(&bytes[..bytes.len() - 1], "this build").is_none());
        assert_eq!(format!("{again:?}"), format!("{snapshot:?}"));
        assert!(snapshot.notes.iter().any(|n| n.fixed.is_some()));
    }
}
