//! Names spoken in lowercase: a meeting's transcript writes `leo` for the participant Lior and
//! `with eagle` for Igal. Only meeting notes are read this way. A lowercase word is taken for such a name only when it sounds like the given name
//! of someone the note names for sure (a participant, a link, a name written exactly), is no
//! sentence word, follows no determiner (`the eagle` is a bird) and, when it is an everyday
//! word, follows a word that leads a name (`with eagle`, `ask leo`). Such a mention is only
//! ever asked about, never linked ([`super::decide::Resolver::resolve_spoken`]).

use super::mentions::{self, Found, Kind};
use crate::index::PEOPLE_JOINERS;
use crate::names::everyday::is_common_word;
use crate::names::keys::EntityKeys;
use crate::names::normalize::Token;
use crate::names::particles::is_particle;
use crate::names::phonetic;
use crate::names::score::{self, Level};
use crate::note::Note;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::Arc;

/// Words that introduce a noun, not a name: a lowercase word after one is an ordinary word.
const DETERMINERS: &[&str] = &[
    "a", "an", "any", "each", "every", "her", "his", "its", "my", "no", "our", "some", "that",
    "the", "their", "these", "this", "those", "your",
];

/// Words after which speech names someone: an everyday word is taken for a misheard name only
/// right after one of them.
const NAME_LEADS: &[&str] = &[
    "ask", "asked", "call", "called", "hey", "hi", "tell", "thanks", "told", "with",
];

/// A lowercase word of speech that may be the given name of some of the people a note names.
#[derive(Debug, Clone)]
pub struct Spoken {
    /// Where it is written.
    pub found: Found,
    /// Which of the people it sounds like (indexes into the `people` given to [`spoken`]).
    pub people: Vec<usize>,
}

/// A given name, with the codes speech is compared with.
struct Given {
    person: usize,
    token: Token,
    caverphone: String,
}

/// Finds the lowercase words of the note's prose (outside `taken`) that sound like the given
/// name of one of `people`.
pub fn spoken(note: &Note, people: &[Arc<EntityKeys>], taken: &[Range<usize>]) -> Vec<Spoken> {
    let given = given_names(people);
    if given.is_empty() {
        return Vec::new();
    }
    let skip = mentions::not_prose(note, taken);
    let body = note.body();
    let mut heard: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut out = Vec::new();
    let mut previous: Option<Range<usize>> = None;
    for word in alphabetic_runs(body) {
        let before = previous
            .replace(word.clone())
            .filter(|p| body.get(p.end..word.start) == Some(" "))
            .and_then(|p| body.get(p));
        let (Some(text), span) = (
            body.get(word.clone()),
            word.start + note.body_start..word.end + note.body_start,
        ) else {
            continue;
        };
        if text.chars().count() < 3
            || text.chars().any(char::is_uppercase)
            || skip.covers(span.start)
            || mentions::is_stopword(text)
            || is_particle(text)
            || PEOPLE_JOINERS.contains(&text)
        {
            continue;
        }
        let before = before.map(str::to_lowercase);
        let before = before.as_deref();
        if before.is_some_and(|b| DETERMINERS.contains(&b)) {
            continue;
        }
        let everyday = is_common_word(text);
        if everyday && !before.is_some_and(|b| NAME_LEADS.contains(&b)) {
            continue;
        }
        let who = heard
            .entry(text)
            .or_insert_with(|| sounds_like(text, everyday, &given));
        if !who.is_empty() {
            out.push(Spoken {
                found: Found::new(Kind::Text, note, span, text),
                people: who.clone(),
            });
        }
    }
    out
}

/// Letters that can open words sounding alike (Double Metaphone's readings of an initial).
const INITIAL_SOUNDS: &[&str] = &[
    "aeiouyhw", "bp", "ckqgx", "cszx", "dt", "fvwp", "gjy", "l", "m", "n", "r",
];

/// A cheap necessary condition for `word` to sound like the given name `key`: initials that can
/// sound alike and lengths at most three letters apart.
fn may_sound_alike(word: &str, key: &str) -> bool {
    let (Some(a), Some(b)) = (word.chars().next(), key.chars().next()) else {
        return false;
    };
    let (la, lb) = (word.chars().count(), key.chars().count());
    la.abs_diff(lb) <= 3
        && INITIAL_SOUNDS
            .iter()
            .any(|group| group.contains(a) && group.contains(b))
}

/// The byte ranges of the runs of letters in `text`.
fn alphabetic_runs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start: Option<usize> = None;
    text.char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .filter_map(move |(i, c)| match (c.is_alphabetic(), start) {
            (true, None) => {
                start = Some(i);
                None
            }
            (false, Some(s)) => {
                start = None;
                Some(s..i)
            }
            _ => None,
        })
}

/// The first word of every name form of `people`.
fn given_names(people: &[Arc<EntityKeys>]) -> Vec<Given> {
    let mut out: Vec<Given> = Vec::new();
    for (person, entity) in people.iter().enumerate() {
        for token in entity.forms.iter().filter_map(|f| f.tokens.first()) {
            if !out
                .iter()
                .any(|g| g.person == person && g.token.key == token.key)
            {
                out.push(Given {
                    person,
                    caverphone: phonetic::caverphone(&token.key),
                    token: token.clone(),
                });
            }
        }
    }
    out
}

/// The people whose given name `word` sounds like: by Double Metaphone (any word), or by
/// Caverphone when the word is no everyday one, starts with the same letter and is at most
/// [`score::SPOKEN_MAX_EDITS`] edits away (Caverphone's codes are coarse: `tier` ~ `Thao`).
fn sounds_like(word: &str, everyday: bool, given: &[Given]) -> Vec<usize> {
    if !given.iter().any(|g| may_sound_alike(word, &g.token.key)) {
        return Vec::new();
    }
    let Some(token) = Token::new(word) else {
        return Vec::new();
    };
    let caverphone = (!everyday).then(|| phonetic::caverphone(&token.key));
    let mut who: Vec<usize> = given
        .iter()
        .filter(|g| {
            let level = score::compare(&token, &g.token);
            let heard_alike = caverphone.as_deref() == Some(g.caverphone.as_str())
                && token.key.chars().next() == g.token.key.chars().next()
                && strsim::levenshtein(&token.key, &g.token.key) <= score::SPOKEN_MAX_EDITS;
            matches!(level, Level::Exact | Level::Nickname | Level::Phonetic) || heard_alike
        })
        .map(|g| g.person)
        .collect();
    who.dedup();
    who
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::VaultIndex;
    use crate::settings::Settings;

    fn people(index: &VaultIndex) -> Vec<Arc<EntityKeys>> {
        ["People/Lior Genzel.md", "People/Igal.md"]
            .iter()
            .filter_map(|p| index.entity_names().get(p).cloned())
            .collect()
    }

    fn heard(text: &str) -> Vec<(String, Vec<usize>)> {
        let index = VaultIndex::build(
            Settings::default(),
            [
                ("People/Lior Genzel.md", "---\ntype: people\n---\n"),
                ("People/Igal.md", "---\ntype: people\n---\n"),
            ],
        );
        let people = people(&index);
        let note = Note::parse("Meetings/Call.md", text);
        spoken(&note, &people, &[])
            .into_iter()
            .map(|s| (s.found.text, s.people))
            .collect()
    }

    #[test]
    fn hears_given_names_in_lowercase_speech() {
        let found = heard("what did you say leo no no\n\nI had dinner with eagle last night\n");
        assert_eq!(
            found,
            vec![("leo".to_string(), vec![0]), ("eagle".to_string(), vec![1])]
        );
    }

    #[test]
    fn ordinary_words_stay_words() {
        // A determiner makes a noun; an everyday word needs a word that leads a name; a
        // capitalised word is prose's business, code is not speech.
        let found = heard("the eagle has landed. eagle eyes. Leo said. `leo` the leo\n");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_word_joining_people_is_no_name_in_any_language() {
        let index = VaultIndex::build(
            Settings::default(),
            [("People/Andi Kraus.md", "---\ntype: people\n---\n")],
        );
        let people: Vec<_> = (index.entity_names().get("People/Andi Kraus.md").cloned())
            .into_iter()
            .collect();
        let note = Note::parse("Meetings/Call.md", "wir und die anderen, andi und ich\n");
        let found: Vec<_> = spoken(&note, &people, &[])
            .into_iter()
            .map(|s| s.found.text)
            .collect();
        assert_eq!(found, ["andi"]);
    }
}
