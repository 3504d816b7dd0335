//! The candidate indexes over people and organisation notes, kept inside the vault index.
//!
//! Each person or organisation note contributes its names (title and aliases) already folded and
//! phonetically coded, and is entered under every key a mention could reach it by: whole name,
//! name part, phonetic code, acronym and letter trigrams. Upserting one note changes only that
//! note's entries, so a vault of 10,000 notes is never re-scanned on save.

use super::normalize::{self, Token};
use crate::index::{NoteKind, NoteSummary};
use std::collections::{BTreeSet, HashMap};

/// Lowercase words that organisation acronyms skip (`Bank of Spain` → `BS`).
const ACRONYM_SKIP: &[&str] = &["of", "and", "the", "for", "de", "du", "la", "le", "y", "&"];

/// One name of an entity (its title or an alias), folded.
#[derive(Debug, Clone, PartialEq)]
pub struct NameForm {
    /// The name as written in the vault.
    pub text: String,
    /// True for an alias, false for the title.
    pub alias: bool,
    /// The name's parts.
    pub tokens: Vec<Token>,
    /// The whole name folded (see [`normalize::name_key`]).
    pub key: String,
    /// The parts written as one word (`ukmetoffice`), for names run together; `None` for one part.
    pub joined: Option<Token>,
}

/// What the resolver knows about one person or organisation note.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityKeys {
    /// Vault-relative path of the note.
    pub path: String,
    /// The note's title: the canonical name mentions resolve to.
    pub title: String,
    /// Person or organisation.
    pub kind: NoteKind,
    /// The organisation the person works at, folded (`vast data`).
    pub company: Option<String>,
    /// Title first, then aliases.
    pub forms: Vec<NameForm>,
    /// Initials of a multi-word organisation name (`arc` for Alpine Research Consortium).
    pub acronym: Option<String>,
}

/// Lookups from every key a mention can reach an entity by to the entities' paths.
#[derive(Debug, Clone, Default)]
pub struct EntityNames {
    entities: HashMap<String, EntityKeys>,
    full: HashMap<String, BTreeSet<String>>,
    tokens: HashMap<String, BTreeSet<String>>,
    codes: HashMap<String, BTreeSet<String>>,
    grams: HashMap<String, BTreeSet<String>>,
    acronyms: HashMap<String, BTreeSet<String>>,
    people: usize,
    orgs: usize,
}

/// Folds a company written as a tag slug or a name (`vast-data`, `VAST Data`) to one key.
pub fn company_key(s: &str) -> String {
    normalize::name_key(&s.replace(['-', '_'], " "))
}

impl EntityKeys {
    /// The keys of a person or organisation note; `None` for other notes.
    pub fn of(summary: &NoteSummary) -> Option<EntityKeys> {
        if !matches!(summary.kind, NoteKind::Person | NoteKind::Org) {
            return None;
        }
        let mut forms: Vec<NameForm> = Vec::new();
        for (text, alias) in std::iter::once((&summary.title, false))
            .chain(summary.aliases.iter().map(|a| (a, true)))
        {
            let tokens = normalize::tokens(text);
            if tokens.is_empty() || forms.iter().any(|f| f.tokens == tokens) {
                continue;
            }
            let joined = (tokens.len() > 1)
                .then(|| Token::new(&tokens.iter().map(|t| t.key.as_str()).collect::<String>()))
                .flatten();
            forms.push(NameForm {
                text: text.clone(),
                alias,
                key: normalize::key_of(&tokens),
                tokens,
                joined,
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
                        tokens,
                        text,
                        alias: true,
                        joined: None,
                    }
                })
                .collect();
            forms.extend(extra);
        }
        let acronym = (summary.kind == NoteKind::Org)
            .then(|| acronym_of(&forms[0].tokens))
            .flatten();
        Some(EntityKeys {
            path: summary.path.clone(),
            title: summary.title.clone(),
            kind: summary.kind,
            company: summary.company.as_deref().map(company_key),
            forms,
            acronym,
        })
    }

    fn keys(&self) -> Keys {
        let mut keys = Keys::default();
        for form in &self.forms {
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
        .filter(|t| !ACRONYM_SKIP.contains(&t.key.as_str()))
        .filter_map(|t| t.key.chars().next())
        .collect();
    (letters.chars().count() >= 3).then_some(letters)
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

impl EntityNames {
    /// Enters a note (replacing what it entered before); other notes are left alone.
    pub fn add(&mut self, summary: &NoteSummary) {
        self.remove(&summary.path);
        let Some(entity) = EntityKeys::of(summary) else {
            return;
        };
        let keys = entity.keys();
        let path = &entity.path;
        for (map, set) in [
            (&mut self.full, &keys.full),
            (&mut self.tokens, &keys.tokens),
            (&mut self.codes, &keys.codes),
            (&mut self.grams, &keys.grams),
            (&mut self.acronyms, &keys.acronyms),
        ] {
            for k in set {
                map.entry(k.clone()).or_default().insert(path.clone());
            }
        }
        match entity.kind {
            NoteKind::Person => self.people += 1,
            _ => self.orgs += 1,
        }
        self.entities.insert(path.clone(), entity);
    }

    /// Forgets the note at `path`, if it was entered.
    pub fn remove(&mut self, path: &str) {
        let Some(entity) = self.entities.remove(path) else {
            return;
        };
        let keys = entity.keys();
        for (map, set) in [
            (&mut self.full, &keys.full),
            (&mut self.tokens, &keys.tokens),
            (&mut self.codes, &keys.codes),
            (&mut self.grams, &keys.grams),
            (&mut self.acronyms, &keys.acronyms),
        ] {
            for k in set {
                if let Some(paths) = map.get_mut(k) {
                    paths.remove(path);
                    if paths.is_empty() {
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

    /// The entity at `path`.
    pub fn get(&self, path: &str) -> Option<&EntityKeys> {
        self.entities.get(path)
    }

    /// Every entity, in no particular order.
    pub fn all(&self) -> impl Iterator<Item = &EntityKeys> {
        self.entities.values()
    }

    fn lookup<'a>(
        &'a self,
        map: &'a HashMap<String, BTreeSet<String>>,
        key: &str,
    ) -> impl Iterator<Item = &'a EntityKeys> + 'a {
        map.get(key)
            .into_iter()
            .flatten()
            .filter_map(|p| self.entities.get(p))
    }

    /// Entities one of whose names folds to `key` (see [`normalize::name_key`]).
    pub fn by_key(&self, key: &str) -> impl Iterator<Item = &EntityKeys> {
        self.lookup(&self.full, key)
    }

    /// Entities whose name parts include the folded part `key`.
    pub fn by_token(&self, key: &str) -> impl Iterator<Item = &EntityKeys> {
        self.lookup(&self.tokens, key)
    }

    /// Organisations whose initials are `key` (lowercase).
    pub fn by_acronym(&self, key: &str) -> impl Iterator<Item = &EntityKeys> {
        self.lookup(&self.acronyms, key)
    }

    /// How many entities have a name part folding to `key`.
    pub fn token_count(&self, key: &str) -> usize {
        self.tokens.get(key).map_or(0, BTreeSet::len)
    }

    /// True when some entity's name part is `part`'s letters or a nickname of them: the parts
    /// a mention part can match exactly (see [`super::score::Level::is_exact`]).
    pub fn has_part(&self, part: &Token) -> bool {
        self.tokens.contains_key(&part.key)
            || self.tokens.contains_key(&part.alt)
            || super::phonetic::nicknames(&part.key).any(|k| self.tokens.contains_key(k))
    }

    /// How many entities have a name part with phonetic code `code`.
    pub fn code_count(&self, code: &str) -> usize {
        self.codes.get(code).map_or(0, BTreeSet::len)
    }

    /// How many people (or organisations) the vault has notes for.
    pub fn population(&self, kind: NoteKind) -> usize {
        match kind {
            NoteKind::Person => self.people,
            _ => self.orgs,
        }
    }

    /// Paths of the entities a mention with these parts could name: by exact part, phonetic
    /// code, nickname, acronym, and — for parts nothing else reaches — shared letter trigrams.
    pub fn candidates<'a>(&'a self, parts: &[Token], acronym: Option<&str>) -> BTreeSet<&'a str> {
        let mut out: BTreeSet<&str> = BTreeSet::new();
        fn add<'a>(set: Option<&'a BTreeSet<String>>, out: &mut BTreeSet<&'a str>) {
            out.extend(set.into_iter().flatten().map(String::as_str));
        }
        for part in parts {
            let before = out.len();
            add(self.tokens.get(&part.key), &mut out);
            add(self.tokens.get(&part.alt), &mut out);
            for code in &part.codes {
                add(self.codes.get(code), &mut out);
            }
            for formal in super::phonetic::formal_names(&part.key)
                .chain(super::phonetic::nicknames_of(&part.key))
            {
                add(self.tokens.get(formal), &mut out);
            }
            if out.len() == before {
                self.add_by_trigrams(&part.key, &mut out);
            }
        }
        if let Some(a) = acronym {
            add(self.acronyms.get(a), &mut out);
        }
        out
    }

    /// Entities sharing at least half of the word's trigrams (the fallback for heavy noise).
    fn add_by_trigrams<'a>(&'a self, key: &str, out: &mut BTreeSet<&'a str>) {
        let grams = trigrams(key);
        if grams.is_empty() {
            return;
        }
        let mut hits: HashMap<&str, usize> = HashMap::new();
        for g in &grams {
            for p in self.grams.get(g).into_iter().flatten() {
                *hits.entry(p.as_str()).or_default() += 1;
            }
        }
        out.extend(
            hits.into_iter()
                .filter(|(_, n)| n * 2 >= grams.len())
                .map(|(p, _)| p),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::VaultIndex;
    use crate::settings::Settings;

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
                .candidates(&normalize::tokens(s), Some(&s.to_lowercase()))
                .into_iter()
                .map(str::to_string)
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
    fn one_note_changes_only_its_entries() {
        let mut index = index();
        index.remove("People/Niko Dukic.md");
        let names = index.entity_names();
        assert_eq!(names.token_count("niko"), 0);
        assert_eq!(names.population(NoteKind::Person), 1);
        assert_eq!(names.by_key("jurgen").count(), 1);
    }
}
