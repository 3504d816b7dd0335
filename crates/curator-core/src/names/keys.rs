//! The candidate indexes over people and organisation notes, kept inside the vault index.
//!
//! Each person or organisation note contributes its names (title and aliases) already folded and
//! phonetically coded, and is entered under every key a mention could reach it by: whole name,
//! name part, phonetic code, acronym and letter trigrams. Upserting one note changes only that
//! note's entries, so a vault of 10,000 notes is never re-scanned on save.

use super::evidence::{NameEvidence, ProseReach};
use super::normalize::{self, Token};
use super::score;
use super::{particles, qualifier};
use crate::deps::{self, Dep};
use crate::kind::NoteKind;
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

/// Lowercase words that join an organisation's name words (`Bank of Spain`); its acronym skips
/// them (`BS`).
pub const JOINING_WORDS: &[&str] = &["of", "and", "the", "for", "de", "du", "la", "le", "y", "&"];

/// Where one of an entity's names comes from: its title, an alias the note declares, or a form
/// of either the engine derives (each an alias, to the resolver).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormOrigin {
    /// The note's title.
    Title,
    /// One of the note's `aliases`.
    Alias,
    /// The title written as a slug, with spaces (`David-Gevorkian` is David Gevorkian).
    Slug,
    /// A person's title without its honorific (`Dr. Sarah Chen` is Sarah Chen).
    WithoutHonorific,
    /// The title without its parenthesised qualifier (`Wang Fang (Hanoi)` is Wang Fang).
    WithoutQualifier,
    /// A one-word alias with the title's surname (`Seun` of Oluwaseun Wieczorek: Seun Wieczorek).
    AliasWithSurname,
}

impl FormOrigin {
    /// Why `name`, written so, is `title`'s: "'Wang Fang' is Wang Fang (Hanoi) without its
    /// qualifier".
    pub fn explain(self, name: &str, title: &str) -> String {
        match self {
            FormOrigin::Title => format!("'{name}' is the title of a note"),
            FormOrigin::Alias => format!("'{name}' is an alias of {title}"),
            FormOrigin::Slug => format!("'{name}' is the title {title} with spaces"),
            FormOrigin::WithoutHonorific => {
                format!("'{name}' is {title} without the honorific")
            }
            FormOrigin::WithoutQualifier => {
                format!("'{name}' is {title} without its qualifier in parentheses")
            }
            FormOrigin::AliasWithSurname => {
                format!("'{name}' is an alias of {title} with their surname")
            }
        }
    }
}

/// One name of an entity (its title or an alias), folded.
#[derive(Debug, Clone, PartialEq)]
pub struct NameForm {
    /// The name as written in the vault.
    pub text: String,
    /// Where the name comes from.
    pub origin: FormOrigin,
    /// True for an alias (any name but the title), false for the title.
    pub alias: bool,
    /// The name's parts.
    pub tokens: Vec<Token>,
    /// The whole name folded (see [`normalize::name_key`]).
    pub key: String,
    /// The name as a company is compared with it ([`company_key`]).
    pub company_key: String,
    /// The parts written as one word (`ukmetoffice`), for names run together; `None` for one part.
    pub joined: Option<Token>,
    /// How many of its words are its own, before any qualifier ([`qualifier::own_words`]).
    pub own_words: usize,
    /// How many of its first words name the note's kind and no part of its name
    /// (`Organisation` of the title `Organisation - CloudVendor Inc`): a written name is
    /// compared with the words after them, and only the whole title names it exactly.
    pub kind_prefix: usize,
    /// A person's alias that describes them rather than naming them (see
    /// [`describes_rather_than_names`]): it names them written whole, never by its words.
    pub whole_only: bool,
}

impl NameForm {
    /// The name's own parts, after any words naming the note's kind (`Sarah`, `Chen` of
    /// `Person - Sarah Chen`).
    pub fn own_tokens(&self) -> &[Token] {
        self.tokens.get(self.kind_prefix..).unwrap_or(&self.tokens)
    }
}

/// True when a person's alias of several words is no name but a description: a word of it
/// in lowercase that is no particle (`Nagaraju qcom`), or a dash or colon standing between its
/// words (`Nagaraju - Sync-up`).
fn describes_rather_than_names(alias: &str) -> bool {
    alias.split_whitespace().skip(1).any(|word| {
        matches!(word, "-" | "–" | "—" | ":" | "|")
            || (word.chars().next().is_some_and(char::is_lowercase)
                && !particles::is_particle(word))
    })
}

/// What the resolver knows about one person or organisation note.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityKeys {
    /// Vault-relative path of the note.
    pub path: String,
    /// The note's title: the canonical name mentions resolve to.
    pub title: String,
    /// The title folded for exact comparison ([`crate::text::fold`]).
    pub title_fold: String,
    /// Person or organisation.
    pub kind: NoteKind,
    /// The organisation the person works at, folded (`vast data`).
    pub company: Option<String>,
    /// Title first, then aliases.
    pub forms: Vec<NameForm>,
    /// Initials of a multi-word organisation name (`arc` for Alpine Research Consortium).
    pub acronym: Option<String>,
}

/// The entity a written name is exactly, and how ([`crate::entities::decide::Resolver::exact`]):
/// the same in every note, so memoised across notes ([`EntityNames::exact_memo`]).
#[derive(Debug, Clone)]
pub struct ExactName {
    /// The entity named.
    pub entity: Arc<EntityKeys>,
    /// How the name is the entity's.
    pub how: ExactHow,
}

/// How a written name is exactly an entity's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExactHow {
    /// The person confirmed it in review.
    Confirmed,
    /// It is one of the entity's aliases, declared or derived.
    Alias(FormOrigin),
    /// It is the entity's title.
    Title,
    /// It is the title or an alias once accents and case are folded.
    Folded,
}

/// Answers computed from the vault's entities alone, memoised by the text they are about, so
/// notes that write the same names do not recompute them. Emptied whenever an entity changes;
/// a clone starts empty.
pub struct VaultMemo<V>(Mutex<HashMap<String, Memoised<V>>>);

/// A memoised answer and the deps computing it read.
type Memoised<V> = (V, Arc<[u64]>);

impl<V> Default for VaultMemo<V> {
    fn default() -> Self {
        VaultMemo(Mutex::new(HashMap::default()))
    }
}

/// Entries a [`VaultMemo`] holds before it starts over (a bound on memory in a long session).
const MEMO_ENTRIES: usize = 200_000;

impl<V: Clone> VaultMemo<V> {
    /// The answer for `key`, computed by `f` the first time. What computing it read of the vault
    /// is kept with it and recorded again at every reuse (see [`crate::deps`]).
    pub fn get_or(&self, key: &str, f: impl FnOnce() -> V) -> V {
        let known = self.0.lock().ok().and_then(|m| {
            let (v, read) = m.get(key)?;
            deps::read_all(read);
            Some(v.clone())
        });
        if let Some(v) = known {
            return v;
        }
        let (v, read) = deps::recording(f);
        if let Ok(mut m) = self.0.lock() {
            if m.len() >= MEMO_ENTRIES {
                m.clear();
            }
            m.insert(key.to_string(), (v.clone(), read.into()));
        }
        v
    }

    fn clear(&mut self) {
        if let Ok(m) = self.0.get_mut() {
            m.clear();
        }
    }
}

impl<V> Clone for VaultMemo<V> {
    fn clone(&self) -> Self {
        VaultMemo::default()
    }
}

impl<V> std::fmt::Debug for VaultMemo<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("VaultMemo")
    }
}

/// What prose scanning asks of one written word, memoised by the word across notes: each
/// answer depends on the word and the vault's names alone, and notes write the same words
/// (`crate::entities::mentions`). One memo per question, so that a word reads of the vault
/// what the questions asked of it read, and no more.
#[derive(Debug, Clone, Default)]
pub struct WordMemos {
    /// Where a word holding a capital is cut, a speaker label glued to speech.
    pub glue: VaultMemo<Option<usize>>,
    /// Whether a word written in lowercase is a person's name part (stopwords too: prose asks
    /// of those apart).
    pub lowercase_name: VaultMemo<bool>,
    /// Whether a word written in lowercase may open an organisation's name.
    pub lowercase_org: VaultMemo<bool>,
    /// Whether a word after a person's name in a transcript may belong with the people that
    /// name reaches, keyed by the name, a NUL and the word.
    pub named_with: VaultMemo<bool>,
}

impl WordMemos {
    /// Forgets every answer, when an entity changed.
    fn clear(&mut self) {
        self.glue.clear();
        self.lowercase_name.clear();
        self.lowercase_org.clear();
        self.named_with.clear();
    }
}

/// Lookups from every key a mention can reach an entity by to the entities' paths.
#[derive(Debug, Clone, Default)]
pub struct EntityNames {
    /// The entities, by id; a removed entity leaves its slot free for the next one.
    slots: Vec<Option<Arc<EntityKeys>>>,
    free: Vec<Id>,
    /// Path → id, in path order.
    ids: BTreeMap<String, Id>,
    /// Each entity's place in path order, by id; computed when first needed after a change.
    ranks: OnceLock<Vec<u32>>,
    /// How spans of prose reach the vault's names (see [`super::evidence::reach`]).
    prose: VaultMemo<Option<ProseReach>>,
    /// What the vault says about written names, whatever the note (see [`NameEvidence`]).
    evidence: VaultMemo<Arc<NameEvidence>>,
    /// Whether written names may name an entity exactly (see [`crate::entities::decide`]).
    exactly: VaultMemo<bool>,
    /// Whether written text folds to a key some entity is entered under (see
    /// [`EntityNames::is_a_name`]).
    whole: VaultMemo<bool>,
    /// The entity written names are exactly, under the review answers of the index's settings
    /// (see [`ExactName`]); emptied when those answers change too.
    exact: VaultMemo<Option<ExactName>>,
    /// The parts of written text (see [`EntityNames::parts_of`]): they depend on the text alone,
    /// but start over with the other memos, so that a long session holds only the texts of its
    /// vault as it is.
    parts: VaultMemo<Arc<[Token]>>,
    /// What prose scanning asks of single written words, whatever the note (see
    /// [`WordMemos`]).
    words: WordMemos,
    // Key → ids of the entities entered under it, in path order.
    full: HashMap<String, Vec<Id>>,
    tokens: HashMap<String, Vec<Id>>,
    codes: HashMap<String, Vec<Id>>,
    grams: HashMap<String, Vec<Id>>,
    acronyms: HashMap<String, Vec<Id>>,
    people: usize,
    orgs: usize,
}

/// Folds a company written as a tag slug or a name (`vast-data`, `VAST Data`) to one key.
pub fn company_key(s: &str) -> String {
    normalize::name_key(&s.replace(['-', '_'], " "))
}

/// What names a person or organisation note: everything [`EntityKeys`] are made from.
#[derive(Debug, Clone, Copy)]
pub struct Named<'a> {
    /// Vault-relative path.
    pub path: &'a str,
    /// The note's title.
    pub title: &'a str,
    /// Person or organisation (any other kind names nobody).
    pub kind: NoteKind,
    /// The note's aliases.
    pub aliases: &'a [String],
    /// The organisation a person works at, as written.
    pub company: Option<&'a str>,
}

/// A title written as a slug, its words joined by hyphens or underscores and none by a space
/// (`David-Gevorkian`, `Oliver-Cook-KC`, `ana_lima`), with spaces instead: the name the vault's
/// text writes, and an alias of the note (a link `[[David Gevorkian]]` is corrected to show as
/// written). Every part starts with a letter, all in capitals or all in lowercase, so a
/// hyphenated name written with spaces (`Mary-Jane Watson`) or a date is no slug.
fn spaced_slug(title: &str) -> Option<String> {
    let parts: Vec<&str> = title.split(['-', '_']).collect();
    let starts = |upper: bool| {
        parts.iter().all(|p| {
            p.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() && c.is_uppercase() == upper)
        })
    };
    (parts.len() > 1 && !title.contains(char::is_whitespace) && (starts(true) || starts(false)))
        .then(|| parts.join(" "))
}

/// Words a vault names its notes' kind by, written before a title (`Organisation - CloudVendor
/// Inc`, `Person - Ana Lima`): the note's name is what follows.
const KIND_PREFIXES: &[(&str, NoteKind)] = &[
    ("client", NoteKind::Org),
    ("company", NoteKind::Org),
    ("contact", NoteKind::Person),
    ("customer", NoteKind::Org),
    ("org", NoteKind::Org),
    ("organisation", NoteKind::Org),
    ("organization", NoteKind::Org),
    ("partner", NoteKind::Org),
    ("people", NoteKind::Person),
    ("person", NoteKind::Person),
    ("vendor", NoteKind::Org),
];

/// How many of the words of `title` name the note's `kind` before a dash, and are no part of
/// its name (1 for `Organisation - CloudVendor Inc`); 0 for a title without such a word.
fn kind_prefix_words(title: &str, kind: NoteKind) -> usize {
    [" - ", " – ", " — "]
        .iter()
        .find_map(|dash| {
            let (prefix, name) = title.split_once(dash)?;
            let lower = prefix.trim().to_lowercase();
            let names_kind = KIND_PREFIXES
                .iter()
                .any(|(word, k)| *k == kind && *word == lower);
            (names_kind && !normalize::tokens(name).is_empty())
                .then(|| normalize::tokens(prefix).len())
        })
        .unwrap_or(0)
}

/// A title's name before a parenthesised qualifier, when the name has two words or more:
/// `Wang Fang (Hanoi)` is also Wang Fang, whom a bare `Wang Fang` may mean as much as a note
/// titled so. One word alone (`Ananias (Acts)`) is too little to be a name of its own.
fn without_parenthesis(title: &str) -> Option<&str> {
    let (name, rest) = title.split_once('(')?;
    let name = name.trim_end();
    (rest.trim_end().ends_with(')') && normalize::tokens(name).len() >= 2).then_some(name)
}

impl EntityKeys {
    /// The keys of a person or organisation note; `None` for other notes.
    pub fn of(summary: &Named) -> Option<EntityKeys> {
        if !matches!(summary.kind, NoteKind::Person | NoteKind::Org) {
            return None;
        }
        let mut forms: Vec<NameForm> = Vec::new();
        let spaced = spaced_slug(summary.title);
        // A person's note titled with an honorific (`Dr. Sarah Chen`) is also the name alone.
        let untitled = (summary.kind == NoteKind::Person)
            .then(|| particles::without_honorific(summary.title))
            .flatten();
        let unqualified = without_parenthesis(summary.title);
        for (text, origin) in std::iter::once((summary.title, FormOrigin::Title))
            .chain(spaced.iter().map(|s| (s.as_str(), FormOrigin::Slug)))
            .chain(untitled.map(|u| (u, FormOrigin::WithoutHonorific)))
            .chain(unqualified.map(|u| (u, FormOrigin::WithoutQualifier)))
            .chain(
                summary
                    .aliases
                    .iter()
                    .map(|a| (a.as_str(), FormOrigin::Alias)),
            )
        {
            let alias = origin != FormOrigin::Title;
            let tokens = normalize::tokens(text);
            if let Some(same) = forms.iter_mut().find(|f| f.tokens == tokens) {
                // The name a lowercase slug was made from (`name: Bill Larsen` of
                // `bill-larsen`) is how the slug with spaces is spelled.
                if same.origin == FormOrigin::Slug
                    && origin == FormOrigin::Alias
                    && !same.text.contains(char::is_uppercase)
                {
                    same.text = text.to_string();
                }
                // A title without its qualifier the note also declares as an alias is a name
                // the note gives itself, no longer only one derived from its title.
                if same.origin == FormOrigin::WithoutQualifier && origin == FormOrigin::Alias {
                    same.origin = origin;
                }
                continue;
            }
            if tokens.is_empty() {
                continue;
            }
            let joined = (tokens.len() > 1)
                .then(|| Token::new(&tokens.iter().map(|t| t.key.as_str()).collect::<String>()))
                .flatten();
            forms.push(NameForm {
                company_key: company_key(text),
                text: text.to_string(),
                origin,
                alias,
                key: normalize::key_of(&tokens),
                kind_prefix: if alias {
                    0
                } else {
                    kind_prefix_words(text, summary.kind)
                },
                whole_only: origin == FormOrigin::Alias
                    && summary.kind == NoteKind::Person
                    && tokens.len() > 1
                    && describes_rather_than_names(text),
                tokens,
                joined,
                own_words: qualifier::own_words(text),
            });
        }
        if forms.is_empty() {
            return None;
        }
        // A person's one-word alias (`Seun`) also stands with their surname (`Seun Wieczorek`).
        let surname = (summary.kind == NoteKind::Person && forms[0].tokens.len() > 1)
            .then(|| forms[0].text.split_whitespace().last().map(str::to_string))
            .flatten();
        if let Some(surname) = surname {
            let extra: Vec<NameForm> = forms
                .iter()
                .filter(|f| f.alias && f.tokens.len() == 1)
                .map(|f| {
                    let text = format!("{} {surname}", f.text);
                    let tokens = normalize::tokens(&text);
                    NameForm {
                        key: normalize::key_of(&tokens),
                        company_key: company_key(&text),
                        kind_prefix: 0,
                        tokens,
                        own_words: qualifier::own_words(&text),
                        text,
                        origin: FormOrigin::AliasWithSurname,
                        alias: true,
                        joined: None,
                        whole_only: false,
                    }
                })
                .collect();
            forms.extend(extra);
        }
        let acronym = (summary.kind == NoteKind::Org)
            .then(|| acronym_of(&forms[0].tokens))
            .flatten();
        Some(EntityKeys {
            path: summary.path.to_string(),
            title: summary.title.to_string(),
            title_fold: crate::text::fold(summary.title),
            kind: summary.kind,
            company: summary.company.map(company_key),
            forms,
            acronym,
        })
    }

    /// What a link to the entity's note writes: its title, or for a folder note named after
    /// its folder ([`crate::note::folder_note_name`]) its path, which alone opens that note.
    pub fn link_target(&self) -> &str {
        match crate::note::title_of(&self.path) == self.title {
            true => &self.title,
            false => self.path.strip_suffix(".md").unwrap_or(&self.path),
        }
    }

    /// The entity's name as prose writes it: its title, or for a note titled by a slug in
    /// lowercase (`bill-larsen`) the slug with spaces as an alias spells it (`name: Bill
    /// Larsen`); `None` when no alias does.
    pub fn spelled_name(&self) -> Option<&str> {
        let slug = self.forms.iter().find(|f| f.origin == FormOrigin::Slug);
        match slug {
            Some(slug) if !self.title.contains(char::is_uppercase) => {
                Some(slug.text.as_str()).filter(|t| t.contains(char::is_uppercase))
            }
            _ => Some(&self.title),
        }
    }

    /// True when one of the entity's names has a qualifier (`of Milan`): a word of it that is
    /// not the name's own ([`NameForm::own_words`]).
    pub fn has_qualifier(&self) -> bool {
        self.forms.iter().any(|f| f.own_words < f.tokens.len())
    }

    /// The deps ([`crate::deps`]) a change to this entity touches: the entity itself and every
    /// key it is entered under.
    pub fn deps(&self) -> Vec<u64> {
        let keys = self.keys();
        let mut out = vec![
            Dep::Entity(&self.path).fingerprint(),
            Dep::AllEntities.fingerprint(),
        ];
        out.extend(keys.full.iter().map(|k| Dep::Key(k).fingerprint()));
        out.extend(keys.tokens.iter().map(|k| Dep::Token(k).fingerprint()));
        out.extend(keys.codes.iter().map(|k| Dep::Code(k).fingerprint()));
        out.extend(keys.grams.iter().map(|k| Dep::Trigram(k).fingerprint()));
        out.extend(keys.acronyms.iter().map(|k| Dep::Acronym(k).fingerprint()));
        out
    }

    fn keys(&self) -> Keys {
        let mut keys = Keys::default();
        for form in &self.forms {
            if self.kind == NoteKind::Person {
                keys.tokens
                    .extend(score::handles(&form.tokens).map(|(h, _)| h));
            }
            keys.full.insert(form.key.clone());
            for t in form.tokens.iter().chain(&form.joined) {
                keys.tokens.insert(t.key.clone());
                keys.tokens.insert(t.alt.clone());
                keys.codes.extend(t.codes.iter().cloned());
                keys.grams.extend(trigrams(&t.key));
            }
        }
        keys.acronyms.extend(self.acronym.clone());
        keys
    }
}

#[derive(Default)]
struct Keys {
    full: BTreeSet<String>,
    tokens: BTreeSet<String>,
    codes: BTreeSet<String>,
    grams: BTreeSet<String>,
    acronyms: BTreeSet<String>,
}

fn acronym_of(tokens: &[Token]) -> Option<String> {
    let letters: String = tokens
        .iter()
        .filter(|t| !is_joining_word(&t.key))
        .filter_map(|t| t.key.chars().next())
        .collect();
    (letters.chars().count() >= score::MIN_ACRONYM_LETTERS).then_some(letters)
}

/// True for a folded word that only joins the words of an organisation's name (`of`, `and`).
pub fn is_joining_word(key: &str) -> bool {
    JOINING_WORDS.contains(&key)
}

/// Letter trigrams of a folded word, with start and end marks (`^ni`, `nik`, `iko`, `ko$`).
pub fn trigrams(key: &str) -> Vec<String> {
    let chars: Vec<char> = std::iter::once('^')
        .chain(key.chars())
        .chain(std::iter::once('$'))
        .collect();
    if chars.len() < 5 {
        return Vec::new();
    }
    chars.windows(3).map(|w| w.iter().collect()).collect()
}

/// An entity's place in [`EntityNames`]' slots.
type Id = u32;

/// How a mention part reached a candidate, best first: its score when candidates are ranked
/// for [`score::MAX_SCORED_CANDIDATES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reach {
    /// Shared letters only (trigrams).
    Trigrams,
    /// A shared phonetic code.
    Phonetic,
    /// The same given name in everyday use.
    Nickname,
    /// The same part, or the organisation's acronym.
    Exact,
}

impl EntityNames {
    /// Enters a note (replacing what it entered before); other notes are left alone.
    pub fn add(&mut self, summary: &Named) {
        self.remove(summary.path);
        let Some(entity) = EntityKeys::of(summary) else {
            return;
        };
        let keys = entity.keys();
        let id = match self.free.pop() {
            Some(id) => id,
            None => {
                self.slots.push(None);
                Id::try_from(self.slots.len() - 1).unwrap_or(Id::MAX)
            }
        };
        match entity.kind {
            NoteKind::Person => self.people += 1,
            _ => self.orgs += 1,
        }
        self.ids.insert(entity.path.clone(), id);
        self.changed();
        let path = entity.path.clone();
        if let Some(slot) = self.slots.get_mut(id as usize) {
            *slot = Some(Arc::new(entity));
        }
        let Self {
            slots,
            full,
            tokens,
            codes,
            grams,
            acronyms,
            ..
        } = self;
        for (map, set) in [
            (full, keys.full),
            (tokens, keys.tokens),
            (codes, keys.codes),
            (grams, keys.grams),
            (acronyms, keys.acronyms),
        ] {
            for k in set {
                let ids = map.entry(k).or_default();
                // Kept in path order, so lookups list entities in path order.
                let at = ids.partition_point(|other| {
                    slots
                        .get(*other as usize)
                        .and_then(Option::as_ref)
                        .is_some_and(|e| e.path < path)
                });
                ids.insert(at, id);
            }
        }
    }

    /// Forgets the note at `path`, if it was entered.
    pub fn remove(&mut self, path: &str) {
        let Some(id) = self.ids.remove(path) else {
            return;
        };
        let Some(entity) = self.slots.get_mut(id as usize).and_then(Option::take) else {
            return;
        };
        self.free.push(id);
        self.changed();
        let keys = entity.keys();
        for (map, set) in [
            (&mut self.full, &keys.full),
            (&mut self.tokens, &keys.tokens),
            (&mut self.codes, &keys.codes),
            (&mut self.grams, &keys.grams),
            (&mut self.acronyms, &keys.acronyms),
        ] {
            for k in set {
                if let Some(ids) = map.get_mut(k) {
                    ids.retain(|other| *other != id);
                    if ids.is_empty() {
                        map.remove(k);
                    }
                }
            }
        }
        match entity.kind {
            NoteKind::Person => self.people = self.people.saturating_sub(1),
            _ => self.orgs = self.orgs.saturating_sub(1),
        }
    }

    fn changed(&mut self) {
        self.ranks = OnceLock::new();
        self.prose.clear();
        self.evidence.clear();
        self.exactly.clear();
        self.whole.clear();
        self.exact.clear();
        self.parts.clear();
        self.words.clear();
    }

    /// Forgets what was memoised under the review answers, when they change.
    pub fn answers_changed(&mut self) {
        self.exact.clear();
    }

    /// True when `text` is written as a whole name the vault has: its [`normalize::name_key`]
    /// is one an entity is entered under ([`EntityNames::by_key`]). Memoised by the text:
    /// prose asks it of the same spans in note after note, and folding accented names is slow.
    pub fn is_a_name(&self, text: &str) -> bool {
        self.whole.get_or(text, || {
            self.by_key(&normalize::name_key(text)).next().is_some()
        })
    }

    /// The parts of written `text` ([`normalize::tokens`]), memoised by the text: prose asks for
    /// the parts of the same spans in note after note, and coding a part is slow. Reads nothing
    /// of the vault.
    pub fn parts_of(&self, text: &str) -> Arc<[Token]> {
        self.parts.get_or(text, || normalize::tokens(text).into())
    }

    /// The memo of how spans of prose reach the vault's names.
    pub fn prose_memo(&self) -> &VaultMemo<Option<ProseReach>> {
        &self.prose
    }

    /// The memo of what the vault says about written names.
    pub fn evidence_memo(&self) -> &VaultMemo<Arc<NameEvidence>> {
        &self.evidence
    }

    /// The memo of the entity written names are exactly (see [`ExactName`]).
    pub fn exact_memo(&self) -> &VaultMemo<Option<ExactName>> {
        &self.exact
    }

    /// The memo of whether written names may name an entity exactly.
    pub fn exactly_memo(&self) -> &VaultMemo<bool> {
        &self.exactly
    }

    /// The memos of what prose scanning asks of single written words.
    pub fn word_memos(&self) -> &WordMemos {
        &self.words
    }

    /// Each entity's place in path order, by id (free slots last).
    fn ranks(&self) -> &[u32] {
        self.ranks.get_or_init(|| {
            let mut ranks = vec![u32::MAX; self.slots.len()];
            for (rank, id) in self.ids.values().enumerate() {
                if let Some(slot) = ranks.get_mut(*id as usize) {
                    *slot = u32::try_from(rank).unwrap_or(u32::MAX);
                }
            }
            ranks
        })
    }

    fn entity(&self, id: Id) -> Option<&Arc<EntityKeys>> {
        self.slots.get(id as usize).and_then(Option::as_ref)
    }

    /// The entity at `path`.
    pub fn get(&self, path: &str) -> Option<&Arc<EntityKeys>> {
        deps::read(Dep::Entity(path));
        self.entity(*self.ids.get(path)?)
    }

    /// Every entity, in path order.
    pub fn all(&self) -> impl Iterator<Item = &Arc<EntityKeys>> {
        deps::read(Dep::AllEntities);
        self.ids.values().filter_map(|id| self.entity(*id))
    }

    fn ids<'a>(map: &'a HashMap<String, Vec<Id>>, key: &str) -> &'a [Id] {
        map.get(key).map_or(&[], Vec::as_slice)
    }

    /// The entities entered under `key` in `map`. The caller records the lookup's dep; it covers
    /// the entities returned too, since a change to any of them changes every key it is entered
    /// under ([`EntityKeys::deps`]).
    fn lookup<'a>(
        &'a self,
        map: &'a HashMap<String, Vec<Id>>,
        key: &str,
    ) -> impl Iterator<Item = &'a Arc<EntityKeys>> + 'a {
        Self::ids(map, key).iter().filter_map(|id| self.entity(*id))
    }

    /// Entities one of whose names folds to `key` (see [`normalize::name_key`]), in path order.
    pub fn by_key(&self, key: &str) -> impl Iterator<Item = &Arc<EntityKeys>> {
        deps::read(Dep::Key(key));
        self.lookup(&self.full, key)
    }

    /// Entities whose name parts include the folded part `key`, in path order.
    pub fn by_token(&self, key: &str) -> impl Iterator<Item = &Arc<EntityKeys>> {
        deps::read(Dep::Token(key));
        self.lookup(&self.tokens, key)
    }

    /// Organisations whose initials are `key` (lowercase), in path order.
    pub fn by_acronym(&self, key: &str) -> impl Iterator<Item = &Arc<EntityKeys>> {
        deps::read(Dep::Acronym(key));
        self.lookup(&self.acronyms, key)
    }

    /// True when some entity of `kind` (a person, or an organisation) has a name part folding
    /// to `key`. Only the lookup is recorded as read: whichever entity under `key` changes, its
    /// parts change with it ([`EntityKeys::deps`]).
    pub fn has_part_of(&self, key: &str, kind: NoteKind) -> bool {
        deps::read(Dep::Token(key));
        Self::ids(&self.tokens, key)
            .iter()
            .filter_map(|id| self.entity(*id))
            .any(|e| e.kind == kind)
    }

    /// True when `key` is the last word of a name of several words of some organisation
    /// (`networks` of Kittiwake Networks): a word that says what kind of organisation a name
    /// is, as the vault writes them.
    pub fn closes_an_org_name(&self, key: &str) -> bool {
        deps::read(Dep::Token(key));
        Self::ids(&self.tokens, key)
            .iter()
            .filter_map(|id| self.entity(*id))
            .filter(|e| e.kind == NoteKind::Org)
            .any(|e| {
                e.forms
                    .iter()
                    .any(|f| f.tokens.len() > 1 && f.tokens.last().is_some_and(|t| t.key == key))
            })
    }

    /// A handle at `at` of `text` written out as a whole name of several words, in any case or
    /// with lowercase particles (`@Mohan de Vries`, `@ana silva`, `@María José Castillo
    /// Herrera`), which handle parsing stops short of: the span (`@` included) of the longest
    /// such name the text after the `@` spells out, and the name as the vault writes it.
    pub fn title_spelled_at(&self, text: &str, at: usize) -> Option<(Range<usize>, String)> {
        let rest = text.get(at + 1..)?;
        let first = rest.split(|c: char| !c.is_alphabetic()).next()?;
        let key = normalize::word_key(first)?;
        self.by_token(&key)
            .flat_map(|e| e.forms.iter())
            .map(|f| f.text.as_str())
            .filter(|t| t.contains(' '))
            .filter_map(|t| Some((t, spelled_len(rest, t)?)))
            .filter(|(_, len)| {
                rest.get(*len..)
                    .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
            })
            .max_by_key(|(_, len)| *len)
            .map(|(t, len)| (at..at + 1 + len, t.to_string()))
    }

    /// True when the folded word `key` is the first word of some entity's name of several
    /// words (`lord` of Lord Alastair Renkorr).
    pub fn opens_a_name(&self, key: &str) -> bool {
        self.by_token(key).any(|e| {
            (e.forms.iter())
                .any(|f| f.tokens.len() > 1 && f.tokens.first().is_some_and(|t| t.key == key))
        })
    }

    /// True when `word` is a part of some entity's name, in any case and with or without accents.
    pub fn is_name_word(&self, word: &str) -> bool {
        match normalize::with_word_key(word, |k| self.token_count(k) > 0) {
            Some(known) => known,
            None => normalize::word_key(word).is_some_and(|k| self.token_count(&k) > 0),
        }
    }

    /// How many entities have a name part folding to `key`.
    pub fn token_count(&self, key: &str) -> usize {
        deps::read(Dep::Token(key));
        Self::ids(&self.tokens, key).len()
    }

    /// True when some entity's name part is `part`'s letters or a nickname of them: the parts
    /// a mention part can match exactly (see [`super::score::Level::is_exact`]).
    pub fn has_part(&self, part: &Token) -> bool {
        let has = |key: &str| {
            deps::read(Dep::Token(key));
            self.tokens.contains_key(key)
        };
        has(&part.key)
            || has(&part.alt)
            || part
                .nickname
                .is_some_and(|id| super::nicknames::same_names(id).any(has))
    }

    /// How many entities have a name part with phonetic code `code`.
    pub fn code_count(&self, code: &str) -> usize {
        deps::read(Dep::Code(code));
        Self::ids(&self.codes, code).len()
    }

    /// How many people (or organisations) the vault has notes for.
    pub fn population(&self, kind: NoteKind) -> usize {
        deps::read(Dep::Population(kind == NoteKind::Person));
        match kind {
            NoteKind::Person => self.people,
            _ => self.orgs,
        }
    }

    /// The entities a mention with these parts could name, in path order: reached by exact
    /// part, phonetic code, nickname, acronym, and — for parts nothing else reaches — shared
    /// letter trigrams.
    ///
    /// However large the vault, at most [`score::MAX_SCORED_CANDIDATES`] are returned, plus
    /// those `keep` asks for (the entities the note names): the ones reached best — by more
    /// parts, and by exact parts before nicknames, phonetic codes and trigrams.
    pub fn candidates(
        &self,
        parts: &[Token],
        acronym: Option<&str>,
        keep: impl Fn(&EntityKeys) -> bool,
    ) -> Vec<&Arc<EntityKeys>> {
        let mut picked: Vec<(u32, &Arc<EntityKeys>)> = self
            .reached(parts, acronym)
            .into_iter()
            .enumerate()
            .filter(|(i, (_, e))| *i < score::MAX_SCORED_CANDIDATES || keep(e))
            .map(|(_, r)| r)
            .collect();
        picked.sort_unstable_by_key(|r| r.0);
        picked.into_iter().map(|(_, e)| e).collect()
    }

    /// Every entity a mention with these parts reaches (see [`EntityNames::candidates`]), best
    /// reached first, each with its place in path order.
    pub fn reached(&self, parts: &[Token], acronym: Option<&str>) -> Vec<(u32, &Arc<EntityKeys>)> {
        // (entity, part, how the part reached it)
        let mut hits: Vec<(Id, usize, Reach)> = Vec::new();
        let mut reached: Vec<Id> = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            let before = hits.len();
            let mut add = |ids: &[Id], how: Reach| hits.extend(ids.iter().map(|id| (*id, i, how)));
            for key in [&part.key, &part.alt] {
                deps::read(Dep::Token(key));
                add(Self::ids(&self.tokens, key), Reach::Exact);
            }
            for code in &part.codes {
                deps::read(Dep::Code(code));
                add(Self::ids(&self.codes, code), Reach::Phonetic);
            }
            let reached_names = part
                .nickname
                .into_iter()
                .flat_map(super::nicknames::formal_and_nicknames);
            for formal in reached_names {
                deps::read(Dep::Token(formal));
                add(Self::ids(&self.tokens, formal), Reach::Nickname);
            }
            // `reached` is sorted: a lookup per hit, not a scan.
            let fresh = hits
                .get(before..)
                .unwrap_or(&[])
                .iter()
                .any(|(id, _, _)| reached.binary_search(id).is_err());
            if !fresh {
                for id in self.by_trigrams(&part.key) {
                    hits.push((id, i, Reach::Trigrams));
                }
            }
            reached.extend(hits.get(before..).unwrap_or(&[]).iter().map(|h| h.0));
            reached.sort_unstable();
            reached.dedup();
        }
        if let Some(a) = acronym {
            deps::read(Dep::Acronym(a));
            hits.extend(
                Self::ids(&self.acronyms, a)
                    .iter()
                    .map(|id| (*id, parts.len(), Reach::Exact)),
            );
        }
        // Per entity, the best reach of each part, summed.
        hits.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(b.2.cmp(&a.2)));
        hits.dedup_by_key(|h| (h.0, h.1));
        let ranks = self.ranks();
        let place = |id: Id| ranks.get(id as usize).copied().unwrap_or(u32::MAX);
        // (how well reached, place in path order, entity)
        let mut ranked: Vec<(usize, u32, &Arc<EntityKeys>)> = Vec::new();
        for group in hits.chunk_by(|a, b| a.0 == b.0) {
            let Some((id, entity)) = group.first().and_then(|h| Some((h.0, self.entity(h.0)?)))
            else {
                continue;
            };
            // Reached by a key recorded above, which covers it (see `lookup`).
            let reach = group.iter().map(|h| h.2 as usize + 1).sum();
            ranked.push((reach, place(id), entity));
        }
        ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.into_iter().map(|(_, place, e)| (place, e)).collect()
    }

    /// Entities sharing at least half of the word's trigrams (the fallback for heavy noise).
    fn by_trigrams(&self, key: &str) -> Vec<Id> {
        let grams = trigrams(key);
        let mut hits: Vec<Id> = grams
            .iter()
            .inspect(|g| deps::read(Dep::Trigram(g)))
            .flat_map(|g| Self::ids(&self.grams, g).iter().copied())
            .collect();
        hits.sort_unstable();
        let mut out = Vec::new();
        for group in hits.chunk_by(|a, b| a == b) {
            if let Some(id) = group.first().filter(|_| group.len() * 2 >= grams.len()) {
                out.push(*id);
            }
        }
        out
    }
}

/// The bytes of `text`'s start that spell `name` in any case, if they do.
fn spelled_len(text: &str, name: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    for n in name.chars() {
        let (_, c) = chars.next()?;
        // Two ASCII characters lowercase alike exactly when they are alike in ASCII case.
        let ascii = c.is_ascii() && n.is_ascii();
        if c != n
            && (ascii && !c.eq_ignore_ascii_case(&n)
                || !ascii && !c.to_lowercase().eq(n.to_lowercase()))
        {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(i, _)| i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::VaultIndex;
    use crate::settings::Settings;

    #[test]
    fn a_slug_title_is_also_its_words_spaced() {
        assert_eq!(
            spaced_slug("David-Gevorkian").as_deref(),
            Some("David Gevorkian")
        );
        assert_eq!(
            spaced_slug("Oliver-Cook-KC").as_deref(),
            Some("Oliver Cook KC")
        );
        assert_eq!(spaced_slug("ana_lima").as_deref(), Some("ana lima"));
        for not_a_slug in [
            "Mary-Jane Watson",
            "Rob Benoit",
            "2026-01-05",
            "Acme-inc",
            "Jürgen",
        ] {
            assert_eq!(spaced_slug(not_a_slug), None, "{not_a_slug}");
        }
    }

    fn index() -> VaultIndex {
        VaultIndex::build(
            Settings::default(),
            [
                ("People/Niko Dukic.md", "---\ntype: people\n---\n"),
                ("People/Jürgen.md", "---\ntype: people\n---\n"),
                (
                    "Organizations/Alpine Research Consortium.md",
                    "---\ntype: organization\naliases: [Alpine]\n---\n",
                ),
            ],
        )
    }

    #[test]
    fn reaches_entities_by_part_code_and_acronym() {
        let index = index();
        let names = index.entity_names();
        let find = |s: &str| {
            names
                .candidates(&normalize::tokens(s), Some(&s.to_lowercase()), |_| false)
                .into_iter()
                .map(|e| e.path.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(find("Nico"), ["People/Niko Dukic.md"]);
        assert_eq!(find("Juergen"), ["People/Jürgen.md"]);
        assert_eq!(find("ARC"), ["Organizations/Alpine Research Consortium.md"]);
        assert_eq!(find("Dukicc"), ["People/Niko Dukic.md"]);
        assert!(find("Banana").is_empty());
        assert_eq!(names.token_count("alpine"), 1);
        assert_eq!(names.population(NoteKind::Person), 2);
    }

    #[test]
    fn candidate_sets_stay_bounded_in_a_large_vault() {
        let people: Vec<(String, String)> = (0..3 * score::MAX_SCORED_CANDIDATES)
            .map(|i| {
                (
                    format!("People/Ada Person{i}.md"),
                    "---\ntype: people\n---\n".into(),
                )
            })
            .chain([(
                "People/Zed Person5.md".to_string(),
                "---\ntype: people\n---\n".to_string(),
            )])
            .collect();
        let index = VaultIndex::build(
            Settings::default(),
            people.iter().map(|(p, t)| (p.as_str(), t.as_str())),
        );
        let names = index.entity_names();
        let ada = normalize::tokens("Ada");
        let found = names.candidates(&ada, None, |_| false);
        assert_eq!(found.len(), score::MAX_SCORED_CANDIDATES);
        assert!(found.windows(2).all(|w| w[0].path < w[1].path));
        // The entities the note names are kept beyond the bound.
        let last = "People/Ada Person95.md";
        let kept = names.candidates(&ada, None, |e| e.path == last);
        assert_eq!(kept.len(), score::MAX_SCORED_CANDIDATES + 1);
        assert!(kept.iter().any(|e| e.path == last));
        // An entity reached by both parts ranks before those reached by one.
        let both = names.candidates(&normalize::tokens("Zed Person5"), None, |_| false);
        assert!(both.iter().any(|e| e.path == "People/Zed Person5.md"));
    }

    #[test]
    fn one_note_changes_only_its_entries() {
        let mut index = index();
        index.remove("People/Niko Dukic.md");
        let names = index.entity_names();
        assert_eq!(names.token_count("niko"), 0);
        assert_eq!(names.population(NoteKind::Person), 1);
        assert_eq!(names.by_key("jurgen").count(), 1);
    }
}
