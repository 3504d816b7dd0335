//! What the vault's names say about a written name, whatever the note it is in: the entities it
//! reaches and how well it matches each ([`NameEvidence`]), and whether a span of prose could
//! name anyone at all ([`reach`]). Both depend on the vault's names alone, so they are memoised
//! across notes in [`EntityNames`].

use super::keys::{EntityKeys, EntityNames};
use super::normalize::{self, Token};
use super::score::{self, Level, NameScore};
use crate::deps;
use crate::kind::NoteKind;
use crate::review::Weight;
use rustc_hash::FxHashMap as HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// What resolution needs of a written name whatever the note it is in: its parts and the
/// entities they reach, best reached first, with the name scores of the first
/// [`score::MAX_SCORED_CANDIDATES`]. It depends on the vault alone, so it is memoised across
/// notes ([`EntityNames::evidence_memo`]).
#[derive(Debug)]
pub struct NameEvidence {
    /// The name's parts.
    pub tokens: Vec<Token>,
    /// The name is one word in capitals, maybe an acronym.
    pub acronym: Option<String>,
    /// (place in path order, entity), best reached first.
    pub reached: Vec<(u32, Arc<EntityKeys>)>,
    /// Name scores of the first entities of `reached`.
    pub scores: Vec<Option<NameScore>>,
    /// Where the entities of `reached` live, sorted: an entity is reached when its `Arc` points
    /// to one of them (the vault's names hold one `Arc` per entity, and `reached` keeps them
    /// alive, so an address stands for one entity).
    addresses: Vec<usize>,
    /// The places in `reached` of its entities, each with a hash of its path, in hash order
    /// (see [`NameEvidence::position`]): a lookup compares numbers, and one path at the end.
    by_path_hash: Vec<(u64, usize)>,
    /// How the name, one word of prose standing alone, compares with each of the first
    /// entities of `reached` (those `scores` has), each computed when first asked (see
    /// [`NameEvidence::alone_level`]); the cells are made on the first question.
    alone: OnceLock<Box<[OnceLock<Option<Level>>]>>,
    /// The name evidence in words for each of the first entities of `reached`, each computed
    /// when first asked (see [`NameEvidence::described`]).
    described: OnceLock<Box<[OnceLock<Vec<Weight>>]>>,
    /// What is known of the entities `scores` has none for (reached past them, or the note's
    /// own people no lookup reached), by path.
    others: Mutex<HashMap<String, Other>>,
}

/// What a [`NameEvidence`] learnt of one entity `scores` has none for.
#[derive(Debug, Default)]
struct Other {
    /// The name score and the deps computing it read ([`NameEvidence::score_of`]).
    score: Option<(Option<NameScore>, Arc<[u64]>)>,
    /// How the name, one word alone, compares with the entity ([`NameEvidence::alone_of`]).
    alone: Option<Option<Level>>,
}

impl NameEvidence {
    /// The evidence for `name` in the vault whose names are `names`.
    pub fn of(name: &str, names: &EntityNames) -> Self {
        let tokens = normalize::tokens(name);
        let acronym = (tokens.len() == 1 && normalize::is_all_caps(name))
            .then(|| tokens.first().map(|t| t.key.clone()))
            .flatten();
        let reached: Vec<(u32, Arc<EntityKeys>)> = names
            .reached(&tokens, acronym.as_deref())
            .into_iter()
            .map(|(place, e)| (place, Arc::clone(e)))
            .collect();
        let scores = reached
            .iter()
            .take(score::MAX_SCORED_CANDIDATES)
            .map(|(_, e)| {
                score::match_entity(&tokens, e, names, acronym.as_deref()).map(|m| m.score())
            })
            .collect();
        let mut addresses: Vec<usize> = reached.iter().map(|(_, e)| address(e)).collect();
        addresses.sort_unstable();
        let mut by_path_hash: Vec<(u64, usize)> = (0..reached.len())
            .map(|i| (path_hash(path_at(&reached, i)), i))
            .collect();
        by_path_hash.sort_unstable();
        NameEvidence {
            tokens,
            acronym,
            reached,
            scores,
            addresses,
            by_path_hash,
            alone: OnceLock::new(),
            described: OnceLock::new(),
            others: Mutex::default(),
        }
    }

    /// How the name, one word of prose alone, compares with the entity at place `i` of
    /// `reached`: what `compare` says, which must depend on the name and that entity alone.
    /// Asked once per entity of the first `scores.len()`, however many notes write the name.
    pub fn alone_level(&self, i: usize, compare: impl FnOnce() -> Option<Level>) -> Option<Level> {
        match (self.cell(&self.alone, i), self.reached.get(i)) {
            (Some(cell), _) => *cell.get_or_init(compare),
            (None, Some((_, entity))) => self.alone_of(entity, compare),
            (None, None) => compare(),
        }
    }

    /// [`NameEvidence::alone_level`] for an entity `scores` has none for (reached past them, or
    /// reached by no lookup): what `compare` says, which must depend on the name and `entity`
    /// alone and read nothing of the vault. Asked once per entity.
    pub fn alone_of(
        &self,
        entity: &EntityKeys,
        compare: impl FnOnce() -> Option<Level>,
    ) -> Option<Level> {
        if let Some(level) = self.with_other(entity, |o| o.alone) {
            return level;
        }
        let level = compare();
        if let Ok(mut m) = self.others.lock() {
            m.entry(entity.path.clone()).or_default().alone = Some(level);
        }
        level
    }

    /// What `read` takes of what is known already of `entity`, which `scores` has none for;
    /// `None` when nothing is.
    fn with_other<T>(
        &self,
        entity: &EntityKeys,
        read: impl FnOnce(&Other) -> Option<T>,
    ) -> Option<T> {
        self.others.lock().ok()?.get(&entity.path).and_then(read)
    }

    /// The name evidence in words ([`score::NameMatch::weights`]) for the entity at place `i`
    /// of `reached`: what `describe` says, which must depend on the name and that entity alone
    /// and read only what scoring it read for `scores`. Asked once per entity of the first
    /// `scores.len()`.
    pub fn described(&self, i: usize, describe: impl FnOnce() -> Vec<Weight>) -> Vec<Weight> {
        match self.cell(&self.described, i) {
            Some(cell) => cell.get_or_init(describe).clone(),
            None => describe(),
        }
    }

    /// The cell of the `i`-th entity of `reached` among `cells`, one per entity `scores` has,
    /// made on the first question.
    fn cell<'c, T>(
        &self,
        cells: &'c OnceLock<Box<[OnceLock<T>]>>,
        i: usize,
    ) -> Option<&'c OnceLock<T>> {
        cells
            .get_or_init(|| self.scores.iter().map(|_| OnceLock::new()).collect())
            .get(i)
    }

    /// The name score of `entity` (of the same vault's names) that `scores` has none for: what
    /// `score` says, which must depend on the name and that entity alone. Computed once per
    /// entity however many notes ask; what computing it read of the vault is recorded again at
    /// every reuse (see [`crate::deps`]).
    pub fn score_of(
        &self,
        entity: &EntityKeys,
        score: impl FnOnce() -> Option<NameScore>,
    ) -> Option<NameScore> {
        let known = self.with_other(entity, |o| {
            let (answer, read) = o.score.as_ref()?;
            deps::read_all(read);
            Some(*answer)
        });
        if let Some(answer) = known {
            return answer;
        }
        let (answer, read) = deps::recording(score);
        if let Ok(mut m) = self.others.lock() {
            m.entry(entity.path.clone()).or_default().score = Some((answer, read.into()));
        }
        answer
    }

    /// Where in `reached` the entity at `path` is, if it is reached: a lookup, however many
    /// entities the name reaches.
    pub fn position(&self, path: &str) -> Option<usize> {
        let hash = path_hash(path);
        let from = self.by_path_hash.partition_point(|(h, _)| *h < hash);
        (self.by_path_hash.get(from..)?.iter())
            .take_while(|(h, _)| *h == hash)
            .map(|(_, i)| *i)
            .find(|i| path_at(&self.reached, *i) == path)
    }

    /// True when `entity`, an entity of the same vault's names, is among `reached`.
    pub fn reaches(&self, entity: &Arc<EntityKeys>) -> bool {
        self.addresses.binary_search(&address(entity)).is_ok()
    }
}

/// The path of the entity at place `i` of `reached`.
fn path_at(reached: &[(u32, Arc<EntityKeys>)], i: usize) -> &str {
    reached.get(i).map_or("", |(_, e)| e.path.as_str())
}

/// A hash of an entity's path, for [`NameEvidence::position`].
fn path_hash(path: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(path)
}

/// Where an entity lives, as a number to compare.
fn address(entity: &Arc<EntityKeys>) -> usize {
    Arc::as_ptr(entity) as usize
}

/// How a span of prose reaches a name; the better reach orders first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProseReach {
    /// Only by the end of a name (a person's surname, an organisation's later words): the
    /// capitalised word written before belongs with it.
    pub surname: bool,
    /// Without noise (every part exact, a nickname or an acronym).
    pub exact: bool,
    /// Only organisations' names: no person's, none the note writes without a note.
    pub only_orgs: bool,
    /// Some person's name (or one the note writes without a note) by more than its surname.
    pub whole_person: bool,
}

impl ProseReach {
    /// True for the best reach there is: exactly, not only as a surname.
    pub fn is_best(self) -> bool {
        self.exact && !self.surname
    }

    /// The better of two reaches, of organisations only when both are.
    pub fn min(self, other: ProseReach) -> ProseReach {
        let only_orgs = self.only_orgs && other.only_orgs;
        let whole_person = self.whole_person || other.whole_person;
        let better = if (other.surname, !other.exact) < (self.surname, !self.exact) {
            other
        } else {
            self
        };
        ProseReach {
            only_orgs,
            whole_person,
            ..better
        }
    }
}

/// How `text` (split into `tokens`) could name one of the entities of `names` or one of the
/// names `locals` a note writes: exactly, or through a candidate whose name evidence reaches
/// [`score::TEXT_MENTION_BITS`] with every part agreeing.
pub fn reach(
    text: &str,
    tokens: &[Token],
    names: &EntityNames,
    locals: &[Vec<Token>],
) -> Option<ProseReach> {
    let mut exactly = names.by_key(&normalize::key_of(tokens)).peekable();
    if exactly.peek().is_some() {
        let person = exactly.any(|e| e.kind != NoteKind::Org);
        return Some(ProseReach {
            surname: false,
            exact: true,
            only_orgs: !person,
            whole_person: person,
        });
    }
    let span = Span::of(text, tokens)?;
    let acronym = span.acronym.as_deref();
    span.best(
        names
            .candidates(tokens, acronym, |_| false)
            .into_iter()
            .filter_map(|e| {
                let org = e.kind == NoteKind::Org;
                score::match_entity(tokens, e, names, acronym).map(|m| (m, org))
            })
            .chain(
                locals
                    .iter()
                    .filter_map(|l| score::match_local(tokens, l).map(|m| (m, false))),
            ),
    )
}

/// How `text` (split into `tokens`) could name one of the names `locals` a note writes without
/// a note: [`reach`] over a vault without names, which reads nothing of the vault.
pub fn reach_locals(text: &str, tokens: &[Token], locals: &[Vec<Token>]) -> Option<ProseReach> {
    Span::of(text, tokens)?.best(
        locals
            .iter()
            .filter_map(|l| score::match_local(tokens, l).map(|m| (m, false))),
    )
}

/// A span of prose that may be a name: long enough to tell from a word.
struct Span<'a> {
    tokens: &'a [Token],
    /// Letters of its first part.
    letters: usize,
    /// The span is one word in capitals, maybe an acronym.
    acronym: Option<String>,
}

impl<'a> Span<'a> {
    /// `None` for one part of fewer than three letters.
    fn of(text: &str, tokens: &'a [Token]) -> Option<Self> {
        let first = tokens.first()?;
        let letters = first.key.chars().count();
        if tokens.len() == 1 && letters < 3 {
            return None;
        }
        let acronym =
            (tokens.len() == 1 && normalize::is_all_caps(text)).then(|| first.key.clone());
        Some(Span {
            tokens,
            letters,
            acronym,
        })
    }

    /// The best reach of the name-like `matches` of the span, each a name match and whether
    /// it is an organisation's.
    fn best<'m>(
        &self,
        matches: impl Iterator<Item = (score::NameMatch<'m>, bool)>,
    ) -> Option<ProseReach> {
        // How name-like the span is, before discounting names many entities share.
        // Three letters are too few to tell a misspelt name from a word (`Use` ~ `Osei`).
        let good = |m: &score::NameMatch| {
            let raw: f64 = m.parts.iter().map(|p| p.level.bits()).sum();
            raw >= score::TEXT_MENTION_BITS
                && m.parts
                    .iter()
                    .all(|p| p.level.agrees() || p.level == score::Level::Initial)
                && m.parts.iter().any(|p| p.level.agrees())
                && (m.exact || self.tokens.len() > 1 || self.letters > 3)
        };
        let mut found: Option<ProseReach> = None;
        for r in matches.filter(|(m, _)| good(m)).map(|(m, org)| ProseReach {
            surname: m.tail_only,
            exact: m.exact,
            only_orgs: org,
            whole_person: !org && !m.tail_only,
        }) {
            let best = found.map_or(r, |f| f.min(r));
            found = Some(best);
            // Nothing after can make it better, nor of organisations only again, nor reach
            // no person's whole name.
            if best.is_best() && best.whole_person {
                break;
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::VaultIndex;
    use crate::settings::Settings;
    use std::cell::Cell;

    #[test]
    fn a_word_alone_is_compared_with_a_reached_entity_once() {
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/Niko Dukic.md", "---\ntype: people\n---\n"),
                ("People/Nico Berg.md", "---\ntype: people\n---\n"),
            ],
        );
        let evidence = NameEvidence::of("Niko", index.entity_names());
        assert!(!evidence.reached.is_empty());
        let asked = Cell::new(0);
        let level = || {
            asked.set(asked.get() + 1);
            Some(Level::Exact)
        };
        assert_eq!(evidence.alone_level(0, level), Some(Level::Exact));
        assert_eq!(evidence.alone_level(0, level), Some(Level::Exact));
        assert_eq!(asked.get(), 1);
        // Past the entities the evidence reaches, nothing is remembered.
        let past = evidence.scores.len();
        evidence.alone_level(past, level);
        evidence.alone_level(past, level);
        assert_eq!(asked.get(), 3);
    }

    #[test]
    fn every_reached_entity_is_found_at_its_place_and_nothing_else() {
        let people: Vec<(String, &str)> = (0..60)
            .map(|i| {
                (
                    format!("People/Niko Dukic {i}.md"),
                    "---\ntype: people\n---\n",
                )
            })
            .chain([("People/Nina Dukic.md".into(), "---\ntype: people\n---\n")])
            .collect();
        let index = VaultIndex::build(
            Settings::default(),
            people.iter().map(|(path, text)| (path.as_str(), *text)),
        );
        let evidence = NameEvidence::of("Niko Dukic", index.entity_names());
        assert!(evidence.reached.len() > 60);
        for (i, (_, entity)) in evidence.reached.iter().enumerate() {
            assert_eq!(evidence.position(&entity.path), Some(i), "{}", entity.path);
        }
        for path in [
            "People/Niko Dukic.md",
            "People/Niko Dukic 60.md",
            "",
            "People/",
        ] {
            assert_eq!(evidence.position(path), None, "{path}");
        }
    }
}
