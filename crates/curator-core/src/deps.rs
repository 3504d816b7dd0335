//! What a note's results read of the rest of the vault, recorded as they are computed.
//!
//! The warm state ([`crate::vault`]) keeps every note's results and must know which to drop when
//! another note changes. Rather than guess, every lookup the rules can make into the vault
//! index ([`crate::index::VaultIndex`], [`crate::names::keys::EntityNames`]) records a [`Dep`]
//! while a note's results are being computed — as rust-analyzer's salsa records the queries a
//! query reads. When a note changes, the index says which deps changed, and exactly the notes
//! that read one of them are recomputed.
//!
//! Deps are 64-bit fingerprints of (kind, key): two keys sharing a fingerprint only ever make a
//! note recompute when it need not. Recording is per thread, so notes computed in parallel
//! record apart; outside a recording, lookups record nothing and cost nothing extra.

use rustc_hash::FxHashSet;
use std::cell::RefCell;

/// What a result can read of the vault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dep<'k> {
    /// The summary of the note at this path (kind, names, date, links, company, …).
    Note(&'k str),
    /// Which notes a folded title or alias names.
    Name(&'k str),
    /// Which notes link to a folded title.
    Backlinks(&'k str),
    /// The summaries of all notes (a vault-wide count or scan).
    AllNotes,
    /// The names, kind and company of the person or organisation at this path.
    Entity(&'k str),
    /// Every person and organisation.
    AllEntities,
    /// Which entities a whole name folds to (see [`crate::names::normalize::name_key`]).
    Key(&'k str),
    /// Which entities have this folded name part.
    Token(&'k str),
    /// Which entities have a name part with this phonetic code.
    Code(&'k str),
    /// Which entities have a name part with this letter trigram.
    Trigram(&'k str),
    /// Which organisations have these initials.
    Acronym(&'k str),
    /// How many people (`true`) or organisations (`false`) the vault has.
    Population(bool),
    /// The review answers about a folded written name ([`crate::answers`]).
    Answer(&'k str),
    /// How the vault writes a tag (its lowercase form): each spelling and in how many notes.
    TagCase(&'k str),
    /// How the vault writes a property name (its lowercase form): each spelling and in how many
    /// notes.
    KeyCase(&'k str),
    /// How many notes write a date property (its lowercase name) as an ISO date, as an ISO
    /// datetime, and in another form.
    DateStyle(&'k str),
    /// Which titles and aliases that may hold mojibake hold this character (not ASCII): the
    /// first of the garbles looked up in them
    /// ([`crate::index::VaultIndex::name_holding_garble`]).
    GarbledName(&'k str),
    /// What the vault's Dataview queries look for: tags with their `#` (`icontains(tags,
    /// "#type/")`, [`crate::index::VaultIndex::queries_tag_with_hash`]) and property names
    /// spelled with capitals (`sort Created desc`, [`crate::index::VaultIndex::queries_key`]),
    /// and owner handles its task queries search for
    /// ([`crate::index::VaultIndex::queries_handle`]).
    Queries,
}

impl Dep<'_> {
    /// The dep's 64-bit fingerprint (FNV-1a of its kind and key).
    pub fn fingerprint(self) -> u64 {
        let (tag, key): (u8, &str) = match self {
            Dep::Note(k) => (1, k),
            Dep::Name(k) => (2, k),
            Dep::Backlinks(k) => (3, k),
            Dep::AllNotes => (4, ""),
            Dep::Entity(k) => (5, k),
            Dep::AllEntities => (6, ""),
            Dep::Key(k) => (7, k),
            Dep::Token(k) => (8, k),
            Dep::Code(k) => (9, k),
            Dep::Trigram(k) => (10, k),
            Dep::Acronym(k) => (11, k),
            Dep::Population(people) => (12, if people { "people" } else { "orgs" }),
            Dep::Answer(k) => (13, k),
            Dep::TagCase(k) => (14, k),
            Dep::KeyCase(k) => (15, k),
            Dep::DateStyle(k) => (16, k),
            Dep::GarbledName(k) => (17, k),
            Dep::Queries => (18, ""),
        };
        std::iter::once(tag)
            .chain(key.bytes())
            .fold(0xcbf2_9ce4_8422_2325, |h: u64, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
            })
    }
}

thread_local! {
    /// The recordings under way on this thread, innermost last. A note reads the same few
    /// hundred deps thousands of times: each is kept once.
    static RECORDING: RefCell<Vec<FxHashSet<u64>>> = const { RefCell::new(Vec::new()) };
}

/// Records that the computation under way read `dep` (nothing when none is being recorded).
pub fn read(dep: Dep) {
    RECORDING.with(|r| {
        if let Some(top) = r.borrow_mut().last_mut() {
            top.insert(dep.fingerprint());
        }
    });
}

/// Records every dep of `deps` (fingerprints), as when a memoised answer is reused.
pub fn read_all(deps: &[u64]) {
    RECORDING.with(|r| {
        if let Some(top) = r.borrow_mut().last_mut() {
            top.extend(deps.iter().copied());
        }
    });
}

/// Runs `f` and returns what it computed and the deps it read, sorted and without repeats.
/// Recordings nest: what the inner one reads is read by the outer one too.
pub fn recording<T>(f: impl FnOnce() -> T) -> (T, Vec<u64>) {
    RECORDING.with(|r| r.borrow_mut().push(FxHashSet::default()));
    let value = f();
    let read = RECORDING.with(|r| r.borrow_mut().pop()).unwrap_or_default();
    let mut deps: Vec<u64> = read.into_iter().collect();
    deps.sort_unstable();
    read_all(&deps);
    (value, deps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_what_is_read_inside_and_nothing_outside() {
        read(Dep::Name("outside"));
        let ((), outer) = recording(|| {
            read(Dep::Name("rob"));
            let ((), inner) = recording(|| read(Dep::Token("benoit")));
            assert_eq!(inner, vec![Dep::Token("benoit").fingerprint()]);
            read(Dep::Name("rob"));
        });
        let mut want = vec![
            Dep::Name("rob").fingerprint(),
            Dep::Token("benoit").fingerprint(),
        ];
        want.sort_unstable();
        assert_eq!(outer, want);
    }

    #[test]
    fn kinds_keep_equal_keys_apart() {
        assert_ne!(
            Dep::Name("ada").fingerprint(),
            Dep::Token("ada").fingerprint()
        );
        assert_ne!(
            Dep::Population(true).fingerprint(),
            Dep::Population(false).fingerprint()
        );
    }
}
