//! Words of an organisation's name that the text goes on from into a longer name: `the Centrale
//! Raad voor de Gezinsverzorging`, `the National Council for Home Help`, `the Amsterdamsche
//! Vereeniging tot instandhouding van Kinderbewaarplaatsen`. The opening words are another
//! organisation's, whose name the vault does not have, not the vault's organisation whose name
//! opens alike (Centrale Raad voor de Volksgezondheid, National Council for Public Health). So
//! are the closing words of a longer name (`the Federal Board for Rail Transport` is no Rail
//! Transport Union).

use crate::index::NoteKind;
use crate::names::keys::EntityNames;
use crate::names::{normalize, score};

/// Lowercase words that carry a name on after its opening words: prepositions that join an
/// organisation's name to what it is for or of, in English and other languages, sorted. Not
/// `and` nor the prepositions of place and time (`Acme Group and Globex`, `Acme Group in
/// Lisbon`, `Acme Group on Monday`): they join two names, or a name and a place or a day.
const JOINING: &[&str] = &[
    "de", "del", "della", "der", "des", "di", "du", "for", "für", "of", "pour", "tot", "van",
    "voor", "zum", "zur",
];

/// Articles and joining words that may come between the joining word and the rest of the name
/// (`voor de`, `of the`, `für die`), sorted.
const BETWEEN: &[&str] = &[
    "a", "de", "del", "della", "der", "des", "di", "die", "du", "het", "la", "le", "les", "of",
    "the", "tot", "van", "voor",
];

/// Words there may be between the joining word and the capitalised word that goes on with
/// the name, at most.
const MAX_BETWEEN: usize = 4;

/// True when the words of prose `span` (from `start` to `end` of `text`) go on into a longer
/// name that the vault does not have: a joining word follows them, then at most one other
/// lowercase word among articles and joining words (`tot instandhouding van`), then a
/// capitalised word. Where the longer name is the vault's (`Centrale Raad voor de
/// Volksgezondheid` written in full), or its first word and the capitalised words it goes on
/// with are words of one organisation's name of the vault (`Erasmus University of Rotterdam`
/// of Erasmus Universiteit Rotterdam), they are its opening words.
pub fn goes_on_as_another(text: &str, (start, end): (usize, usize), names: &EntityNames) -> bool {
    let Some(longer_end) = goes_on_to(text, end) else {
        return false;
    };
    let Some(longer) = text.get(start..longer_end) else {
        return false;
    };
    // The longer name, word by word to its end: the vault's name when one of them is.
    let mut ends = longer
        .match_indices(' ')
        .map(|(i, _)| i)
        .filter(|i| start + i >= end)
        .chain([longer.len()]);
    if ends.any(|i| longer.get(..i).is_some_and(|name| names.is_a_name(name))) {
        return false;
    }
    // The span's first word and the capitalised words it goes on with.
    let opening = (text.get(start..end).unwrap_or_default())
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty());
    let added = capitalised(text.get(end..longer_end).unwrap_or_default());
    !one_organisations(names, added.chain(opening))
}

/// True when the words of prose `span` (from `start` to `end` of `text`) close a longer name
/// that the vault does not have: a capitalised word that is no title, then joining words and
/// articles, at most [`MAX_BEFORE`] and one of them saying what the name is for ([`FOR`]),
/// come right before them (`the Federal Board for Rail Transport`, `het Bureau voor de Sociale
/// Zaken`). Where the longer name is the
/// vault's, or its first word and the span's last are words of one organisation's name of the
/// vault, they are its closing words.
pub fn follows_another(text: &str, (start, end): (usize, usize), names: &EntityNames) -> bool {
    let Some(from) = comes_after(text, start) else {
        return false;
    };
    let Some(longer) = text.get(from..end) else {
        return false;
    };
    if names.is_a_name(longer) {
        return false;
    }
    let closing = (text.get(start..end).unwrap_or_default())
        .split(|c: char| !c.is_alphabetic())
        .rfind(|w| !w.is_empty());
    !one_organisations(names, capitalised(longer).take(1).chain(closing))
}

/// Joining words and articles there may be between a name and the words that close it.
const MAX_BEFORE: usize = 3;

/// The joining words of [`JOINING`] that say what a name before them is for (`Board for`,
/// `Bureau voor`), sorted: not `of` nor `van`, which follow a role or a part as often
/// (`Director of the Lorstan Foundation`, `the branches of the Green Cross`).
const FOR: &[&str] = &["for", "für", "pour", "tot", "voor", "zum", "zur"];

/// Where the capitalised word starts that the joining words right before `start` of `text`
/// follow (see [`follows_another`]); `None` where no joining word comes right before.
fn comes_after(text: &str, start: usize) -> Option<usize> {
    let mut rest = text.get(..start)?.strip_suffix(' ')?;
    let mut joining = false;
    for _ in 0..=MAX_BEFORE {
        let word = rest
            .rsplit(' ')
            .next()
            .filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))?;
        let before = rest.get(..rest.len() - word.len())?;
        if word.starts_with(char::is_uppercase) {
            // A title before them is a role's, not a name's (`Minister for Rail Transport`).
            return (joining && !score::is_title_word(word)).then_some(before.len());
        }
        if FOR.binary_search(&word).is_ok() {
            joining = true;
        } else if BETWEEN.binary_search(&word).is_err() {
            return None;
        }
        rest = before.strip_suffix(' ')?;
    }
    None
}

/// The capitalised words of `text`.
fn capitalised(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.starts_with(char::is_uppercase))
}

/// True when every one of `words` is a word of one organisation's name of the vault.
fn one_organisations<'w>(names: &EntityNames, words: impl Iterator<Item = &'w str>) -> bool {
    let keys: Vec<String> = words.filter_map(normalize::word_key).collect();
    let Some(first) = keys.first() else {
        return false;
    };
    names.by_token(first).any(|e| {
        e.kind == NoteKind::Org
            && keys
                .iter()
                .all(|key| (e.forms.iter().flat_map(|f| &f.tokens)).any(|t| &t.key == key))
    })
}

/// Where the capitalised words end that the text after `end` goes on to after a joining word
/// (see [`goes_on_as_another`]); `None` when it does not go on so.
fn goes_on_to(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?;
    let mut at = end;
    let mut words = rest.split(' ');
    // The span's own end: the text goes on after one space.
    if words.next() != Some("") {
        return None;
    }
    at += 1;
    let first = words.next()?;
    if JOINING.binary_search(&first).is_err() {
        return None;
    }
    at += first.len() + 1;
    // Articles and joining words, and at most one other lowercase word (`tot instandhouding
    // van`), up to the first capitalised word.
    let mut words = words.peekable();
    let mut others = 0;
    for n in 0.. {
        let word = *words.peek()?;
        if word.starts_with(char::is_uppercase) {
            break;
        }
        let lowercase = word.chars().all(|c| c.is_alphabetic() && c.is_lowercase());
        if n == MAX_BETWEEN || !lowercase {
            return None;
        }
        if BETWEEN.binary_search(&word).is_err() {
            others += 1;
            if others > 1 {
                return None;
            }
        }
        at += word.len() + 1;
        words.next();
    }
    // The capitalised words of the longer name (`Home Help`, `Noord-Holland`), to the last
    // letter before a punctuation mark (`Home Help.`).
    let mut name_end = None;
    for word in words {
        let letters = word.trim_end_matches(|c: char| !c.is_alphabetic());
        let name_like = letters.starts_with(char::is_uppercase)
            && letters.chars().all(|c| c.is_alphabetic() || c == '-');
        if !name_like {
            break;
        }
        name_end = Some(at + letters.len());
        at += word.len() + 1;
        if letters.len() != word.len() {
            break;
        }
    }
    name_end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_lists_are_sorted_for_binary_search() {
        for list in [JOINING, BETWEEN, FOR] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn a_joining_word_and_a_capitalised_word_go_on_with_the_name() {
        for (text, span, longer) in [
            (
                "the Centrale Raad voor de Gezinsverzorging ging door",
                "Centrale Raad",
                "Centrale Raad voor de Gezinsverzorging",
            ),
            (
                "In 1990 the National Council for Home Help merged",
                "National Council",
                "National Council for Home Help",
            ),
            (
                "De Amsterdamsche Vereeniging tot instandhouding van Kinderbewaarplaatsen bestaat.",
                "Amsterdamsche Vereeniging",
                "Amsterdamsche Vereeniging tot instandhouding van Kinderbewaarplaatsen",
            ),
            (
                "the Society for the promotion of Science.",
                "Society",
                "Society for the promotion of Science",
            ),
            (
                "the Verein für Socialpolitik",
                "Verein",
                "Verein für Socialpolitik",
            ),
        ] {
            let start = text.find(span).unwrap();
            let end = goes_on_to(text, start + span.len());
            assert_eq!(end.and_then(|e| text.get(start..e)), Some(longer), "{text}");
        }
    }

    #[test]
    fn a_capitalised_word_and_joining_words_before_a_name_open_a_longer_one() {
        for (text, span, longer) in [
            (
                "the Federal Board for Rail Transport wrote",
                "Rail Transport",
                Some("Board for Rail Transport"),
            ),
            (
                "het Bureau voor de Sociale Zaken",
                "Sociale Zaken",
                Some("Bureau voor de Sociale Zaken"),
            ),
            (
                "a gift from Mary for Rail Transport",
                "Rail Transport",
                Some("Mary for Rail Transport"),
            ),
            ("we wrote for Rail Transport", "Rail Transport", None),
            ("Kim, for Rail Transport", "Rail Transport", None),
            (
                "Director of the Rail Transport Union",
                "Rail Transport",
                None,
            ),
            ("branches of the Green Cross", "Green Cross", None),
            ("Health and Social Care", "Social Care", None),
            ("Rail Transport", "Rail Transport", None),
        ] {
            let start = text.find(span).unwrap();
            let from = comes_after(text, start);
            assert_eq!(
                from.and_then(|f| text.get(f..start + span.len())),
                longer,
                "{text}"
            );
        }
    }

    #[test]
    fn other_words_after_a_name_end_it() {
        for (text, span) in [
            ("Acme Group and Globex met", "Acme Group"),
            ("Acme Group in Lisbon", "Acme Group"),
            ("Acme Group on Monday", "Acme Group"),
            (
                "the National Council for years asked Rob",
                "National Council",
            ),
            ("the National Council for. The end", "National Council"),
            (
                "the National Council for the first time met Rob",
                "National Council",
            ),
            ("the National Council of 1990", "National Council"),
            ("the National Council\nfor Home Help", "National Council"),
            ("the National Council", "National Council"),
            (
                "I worked at the National Council for years",
                "National Council",
            ),
            ("the National Council for the", "National Council"),
        ] {
            let start = text.find(span).unwrap();
            assert_eq!(goes_on_to(text, start + span.len()), None, "{text}");
        }
    }
}
