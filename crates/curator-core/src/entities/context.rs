//! What a note says about who is around: its participants, the people and organisations it links
//! or names exactly, its own entity, the organisations it is tagged with — and the names it writes
//! that have no note (a participant nobody created a note for yet).
//!
//! Context strengthens a candidate whose name already agrees with a mention; it never creates one.

use crate::index::NoteKind;
use crate::names::keys::{company_key, EntityKeys, EntityNames};
use crate::names::normalize::{self, Token};
use crate::names::score;
use crate::note::Note;
use crate::review::Weight;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;
use std::sync::Arc;

/// How the note names an entity for sure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Presence {
    /// The note is the entity's own note.
    Own,
    /// A participant of the meeting.
    Participant,
    /// Linked from the note.
    Linked,
    /// Named exactly in the note's text.
    Named,
}

impl Presence {
    fn words(self) -> &'static str {
        match self {
            Presence::Own => "this is their own note",
            Presence::Participant => "attends this meeting",
            Presence::Linked => "is linked from this note",
            Presence::Named => "is named exactly elsewhere in this note",
        }
    }
}

/// A name the note writes that matches no note: it competes with the vault's candidates, so a
/// transcript's "Clodagh" stays with the participant "Clodagh Eebanez" who has no note.
#[derive(Debug, Clone, PartialEq)]
pub struct Local {
    /// The name as written.
    pub text: String,
    /// Its folded parts.
    pub tokens: Vec<Token>,
}

/// Evidence context adds to one candidate.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Support {
    /// Bits added.
    pub bits: f64,
    /// True when the note names the candidate itself (not only its company).
    pub corroborated: bool,
    /// How the note names the candidate, when it does.
    pub presence: Option<Presence>,
    /// How the note names the candidate when that counted for nothing: the mention's name is
    /// not one like theirs (a participant whose surname the mention contradicts).
    pub unheeded: Option<Presence>,
    /// The mention's line names the candidate.
    pub same_line: bool,
    /// The candidate works at an organisation the note names.
    pub company: bool,
    /// The candidate is an organisation the note's people work at, or one its tags name (the
    /// meeting's organisation). Weighs nothing: it lets one word of its name stand for it
    /// ([`super::decide::Resolution::stands_alone`]).
    pub home: bool,
}

impl Support {
    /// The evidence in words, for `entity`, the candidate supported (only the winner's are
    /// ever shown, so they are written out on demand).
    pub fn reasons(&self, entity: &EntityKeys) -> Vec<String> {
        let absent = self.presence.is_none() && self.unheeded.is_none();
        self.weights(entity)
            .into_iter()
            .skip(usize::from(absent))
            .map(|w| w.words.to_string())
            .collect()
    }

    /// What each piece of the note's evidence weighed for `entity`: whether the note names it
    /// (for, or against when it does not), the same line, the company.
    pub fn weights(&self, entity: &EntityKeys) -> Vec<Weight> {
        let weight = |factor: &str, bits: f64, words: String| Weight {
            factor: factor.into(),
            bits,
            words: words.into(),
        };
        let mut out = Vec::new();
        let mut presence = self.bits;
        if self.same_line {
            presence -= score::SAME_LINE_BITS;
        }
        if self.company {
            presence -= score::COMPANY_BITS;
        }
        out.push(match (self.presence, self.unheeded) {
            (Some(how), _) => weight(
                "meeting",
                presence,
                format!("{} {}", entity.title, how.words()),
            ),
            (None, Some(how)) => weight(
                "meeting",
                presence,
                format!(
                    "{} {}, which counts only for a name like theirs",
                    entity.title,
                    how.words()
                ),
            ),
            (None, None) => weight(
                "meeting",
                presence,
                format!("{} is not named in this note", entity.title),
            ),
        });
        if self.same_line {
            out.push(weight(
                "line",
                score::SAME_LINE_BITS,
                format!("the same line names {}", entity.title),
            ));
        }
        if let Some(c) = entity.company.as_ref().filter(|_| self.company) {
            out.push(weight(
                "company",
                score::COMPANY_BITS,
                format!("{} works at {c}, which this note names", entity.title),
            ));
        }
        out
    }
}

/// The context of one note.
#[derive(Debug, Clone, Default)]
pub struct NoteContext {
    present: HashMap<String, Presence>,
    /// The people of `present`, in the order the note names them.
    people: Vec<Arc<EntityKeys>>,
    /// The people of `present` named as attending the meeting (see [`NoteContext::participants`]).
    participants: Vec<Arc<EntityKeys>>,
    /// How many of the `present` entities are organisations.
    present_orgs: usize,
    by_line: HashMap<usize, BTreeSet<String>>,
    companies: BTreeSet<String>,
    locals: Vec<Local>,
    /// The single words the note's prose writes as names inside a sentence, folded: where a
    /// capital is the writer's, not the sentence's ([`NoteContext::writes_mid_sentence`]).
    mid_sentence: BTreeSet<String>,
    /// The note is a meeting: its words may be heard rather than typed.
    meeting: bool,
    /// How many people and organisations the vault has, once read.
    population: std::cell::Cell<[Option<usize>; 2]>,
    /// [`NoteContext::absence_bits`] of people and of organisations, once computed, with how
    /// many of them the note named then.
    absence: std::cell::Cell<[Option<(usize, f64)>; 2]>,
    /// The letters the name parts of each of `people` start and end with ([`Letters`]).
    people_letters: Vec<Letters>,
    /// Where each of `people` is in it, by path.
    people_at: HashMap<String, usize>,
}

/// The letters name parts start and end with, as bit sets: two parts can agree
/// ([`score::may_agree`]) only when they share their first letter, or one ends with the other
/// and so shares its last.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Letters {
    first: u64,
    last: u64,
}

impl Letters {
    fn of<'t>(tokens: impl IntoIterator<Item = &'t Token>) -> Self {
        let bit = |c: Option<char>| c.map_or(u64::MAX, |c| 1u64 << (u32::from(c) % 64));
        let mut letters = Letters::default();
        for t in tokens {
            letters.first |= bit(t.key.chars().next());
            letters.last |= bit(t.key.chars().next_back());
        }
        letters
    }

    /// False when no part of one can agree with a part of the other.
    fn may_meet(self, other: Letters) -> bool {
        self.first & other.first != 0 || self.last & other.last != 0
    }
}

/// Tag prefixes that name an organisation the note is about.
const ORG_TAG_PREFIXES: &[&str] = &["company/", "customer/", "org/", "organization/", "partner/"];

impl NoteContext {
    /// The context every note starts with: its own entity and its organisation tags.
    pub fn new(note: &Note, names: &EntityNames) -> Self {
        let mut ctx = NoteContext::default();
        if let Some(own) = names.get(note.path) {
            ctx.mark_present(own, Presence::Own);
            ctx.note_companies(own);
        }
        if let Some(tags) = note.property("tags") {
            for tag in tags.strings() {
                let tag = tag.trim_start_matches('#').to_lowercase();
                if let Some(org) = ORG_TAG_PREFIXES.iter().find_map(|p| tag.strip_prefix(p)) {
                    ctx.companies.insert(company_key(org));
                }
            }
        }
        ctx
    }

    /// Records that the note names `entity` for sure on `line`; `apart` marks a name that says
    /// nothing of the others on its line: one of a participants list, a speaker's label.
    pub fn add(&mut self, entity: &Arc<EntityKeys>, line: usize, how: Presence, apart: bool) {
        let new = self.mark_present(entity, how);
        if !apart {
            let paths = self.by_line.entry(line).or_default();
            if !paths.contains(&entity.path) {
                paths.insert(entity.path.clone());
            }
        }
        if new {
            // An entity named again brings no company it did not bring the first time.
            self.note_companies(entity);
        }
    }

    /// Marks the entity present; true when it was not yet.
    fn mark_present(&mut self, entity: &Arc<EntityKeys>, how: Presence) -> bool {
        let attends = how == Presence::Participant && entity.kind == NoteKind::Person;
        if let Some(slot) = self.present.get_mut(&entity.path) {
            if attends && *slot != Presence::Participant {
                self.participants.push(Arc::clone(entity));
            }
            *slot = (*slot).min(how);
            return false;
        }
        if attends {
            self.participants.push(Arc::clone(entity));
        }
        self.present.insert(entity.path.clone(), how);
        match entity.kind {
            NoteKind::Person => {
                self.people_at
                    .insert(entity.path.clone(), self.people.len());
                self.people.push(Arc::clone(entity));
                self.people_letters
                    .push(Letters::of(entity.forms.iter().flat_map(|f| &f.tokens)));
            }
            _ => self.present_orgs += 1,
        }
        true
    }

    fn note_companies(&mut self, entity: &EntityKeys) {
        if entity.kind == NoteKind::Org {
            for form in &entity.forms {
                self.companies.insert(form.company_key.clone());
            }
        }
        if let Some(c) = &entity.company {
            self.companies.insert(c.clone());
        }
    }

    /// Marks the note as a meeting, whose words may be heard rather than typed (a transcript):
    /// one word of its prose may name someone it only sounds like ([`super::prose_word`]).
    pub fn set_meeting(&mut self, meeting: bool) {
        self.meeting = meeting;
    }

    /// True when the note is a meeting ([`NoteContext::set_meeting`]).
    pub fn is_meeting(&self) -> bool {
        self.meeting
    }

    /// Adds a name the note writes that has no note.
    pub fn add_local(&mut self, text: &str) {
        if normalize::name_key(text).is_empty() || self.has_local(text) {
            return;
        }
        self.locals.push(Local {
            text: text.to_string(),
            tokens: normalize::tokens(text),
        });
    }

    /// True when `text` is written as one of the note's names without a note.
    pub fn has_local(&self, text: &str) -> bool {
        let key = normalize::name_key(text);
        self.locals
            .iter()
            .any(|l| normalize::name_key(&l.text) == key)
    }

    /// Records a single word the note's prose writes as a name inside a sentence (`We met
    /// Beacon about the lease`), capitalised by the writer rather than by the sentence.
    pub fn add_mid_sentence(&mut self, word: &str) {
        let key = normalize::name_key(word);
        if !key.is_empty() {
            self.mid_sentence.insert(key);
        }
    }

    /// True when the note's prose writes `word` as a name inside a sentence too: its writer
    /// shortens a name that way, so the word opening a sentence is that name as well.
    pub fn writes_mid_sentence(&self, word: &str) -> bool {
        !self.mid_sentence.is_empty() && self.mid_sentence.contains(&normalize::name_key(word))
    }

    /// True when `other` says what this context says about every candidate, whatever the line
    /// of the mention: the same entities named, in the same order, the same organisations and
    /// the same names without a note. What the note names on each line is left out: resolution
    /// compares that apart ([`super::decide::Resolver::named_on_line_for`]).
    pub fn same_but_lines(&self, other: &NoteContext) -> bool {
        self.present == other.present
            && self.present_orgs == other.present_orgs
            && self.companies == other.companies
            && self.locals == other.locals
            && self.mid_sentence == other.mid_sentence
            && self.meeting == other.meeting
            && self.people.len() == other.people.len()
            && self
                .people
                .iter()
                .zip(&other.people)
                .all(|(a, b)| Arc::ptr_eq(a, b) || a == b)
    }

    /// The names the note writes that have no note.
    pub fn locals(&self) -> &[Local] {
        &self.locals
    }

    /// True when the note names some entity for sure on `line` (outside a participants list):
    /// only then does a mention's resolution depend on its line.
    pub fn names_on_line(&self, line: usize) -> bool {
        self.by_line.contains_key(&line)
    }

    /// The paths of the entities the note names for sure on `line` (outside a participants
    /// list), in path order.
    pub fn named_on_line(&self, line: usize) -> impl Iterator<Item = &str> {
        self.by_line
            .get(&line)
            .into_iter()
            .flatten()
            .map(String::as_str)
    }

    /// True when the note names the entity at `path` for sure on `line` (outside a participants
    /// list).
    pub fn names_on_line_entity(&self, line: usize, path: &str) -> bool {
        self.by_line
            .get(&line)
            .is_some_and(|set| set.contains(path))
    }

    /// The people the note names for sure, in the order it names them.
    pub fn present_people(&self) -> &[Arc<EntityKeys>] {
        &self.people
    }

    /// The people the note has named as attending the meeting ([`Presence::Participant`]), in
    /// the order it names them. One of them that is also the note's own person is
    /// [`Presence::Own`] now: ask [`NoteContext::presence_of`] where that matters.
    pub fn participants(&self) -> &[Arc<EntityKeys>] {
        &self.participants
    }

    /// The person at `path`, if the note names them for sure.
    pub fn present_person(&self, path: &str) -> Option<&Arc<EntityKeys>> {
        self.people.get(*self.people_at.get(path)?)
    }

    /// The people the note names for sure whose names may agree with a mention of these parts
    /// ([`score::may_agree`]), in the order the note names them. Each person's letters are
    /// compared first, so most people cost two bit operations rather than a look at every part.
    pub fn people_who_may_agree<'s>(
        &'s self,
        mention: &'s [Token],
    ) -> impl Iterator<Item = &'s Arc<EntityKeys>> + 's {
        let letters = Letters::of(mention);
        self.people
            .iter()
            .zip(&self.people_letters)
            .filter(move |(person, theirs)| {
                letters.may_meet(**theirs) && score::may_agree(mention, person)
            })
            .map(|(person, _)| person)
    }

    /// The paths of the entities the note names for sure, in no particular order.
    pub fn present(&self) -> impl ExactSizeIterator<Item = &str> {
        self.present.keys().map(String::as_str)
    }

    /// How the note names the entity at `path` for sure, if it does.
    pub fn presence_of(&self, path: &str) -> Option<Presence> {
        self.present.get(path).copied()
    }

    /// True when the note names the entity at `path` for sure.
    pub fn is_present(&self, path: &str) -> bool {
        self.present.contains_key(path)
    }

    /// How many entities of `kind` (people, or organisations) the note names for sure,
    /// participants without a note included.
    fn named(&self, kind: NoteKind) -> usize {
        match kind {
            NoteKind::Person => self.people.len() + self.locals.len(),
            _ => self.present_orgs,
        }
    }

    /// How many entities of `kind` the vault has (read once per note).
    fn population(&self, names: &EntityNames, kind: NoteKind) -> usize {
        let i = usize::from(kind != NoteKind::Person);
        let mut known = self.population.get();
        match known.get(i).copied().flatten() {
            Some(n) => n,
            None => {
                let n = names.population(kind);
                if let Some(slot) = known.get_mut(i) {
                    *slot = Some(n);
                }
                self.population.set(known);
                n
            }
        }
    }

    /// The bits a candidate present in this note gets, for entities of `kind`.
    pub fn presence_bits(&self, names: &EntityNames, kind: NoteKind, how: Presence) -> f64 {
        let m = if how == Presence::Named {
            score::NAMED_M
        } else {
            score::CONTEXT_M
        };
        score::context_bits(m, self.population(names, kind), self.named(kind))
    }

    /// The bits a candidate of `kind` the note does not name loses (and so does "someone new").
    pub fn absence_bits(&self, names: &EntityNames, kind: NoteKind) -> f64 {
        // Asked for every candidate the note does not name: computed again only when the note
        // has come to name more of them (the population is read once per note anyway).
        let i = usize::from(kind != NoteKind::Person);
        let named = self.named(kind);
        let mut known = self.absence.get();
        if let Some(Some((n, bits))) = known.get(i) {
            if *n == named {
                return *bits;
            }
        }
        let bits = score::absent_bits(self.population(names, kind), named);
        if let Some(slot) = known.get_mut(i) {
            *slot = Some((named, bits));
        }
        self.absence.set(known);
        bits
    }

    /// What the note says for `entity`, a candidate for a mention on `line`.
    pub fn support(
        &self,
        entity: &EntityKeys,
        names: &EntityNames,
        line: usize,
        in_list: bool,
    ) -> Support {
        let mut support = Support::default();
        let present = self.present.get(&entity.path);
        if let Some(how) = present {
            support.bits += self.presence_bits(names, entity.kind, *how);
            support.corroborated = true;
            support.presence = Some(*how);
        } else {
            support.bits += self.absence_bits(names, entity.kind);
        }
        // Only what the note names for sure is named on a line ([`NoteContext::add`]).
        if present.is_some() && !in_list && self.names_on_line_entity(line, &entity.path) {
            support.bits += score::SAME_LINE_BITS;
            support.corroborated = true;
            support.same_line = true;
        }
        if self.companies.is_empty() {
            // Most notes name no organisation: neither the company nor a home can match.
            return support;
        }
        if entity
            .company
            .as_ref()
            .is_some_and(|c| self.companies.contains(c))
        {
            support.bits += score::COMPANY_BITS;
            support.company = true;
        }
        support.home = entity.kind == NoteKind::Org
            && entity
                .forms
                .iter()
                .any(|f| self.companies.contains(&f.company_key));
        support
    }
}
