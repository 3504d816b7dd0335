//! Words of an organisation's name that the text goes on from into a longer name: `the Centrale
//! Raad voor de Gezinsverzorging`, `the National Council for Home Help`, `the Amsterdamsche
//! Vereeniging tot instandhouding van Kinderbewaarplaatsen`. The opening words are another
//! organisation's, whose name the vault does not have, not the vault's organisation whose name
//! opens alike (Centrale Raad voor de Volksgezondheid, National Council for Public Health).

use crate::index::NoteKind;
use crate::names::keys::EntityNames;
use crate::names::normalize;

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
/// the name.
const MAX_BETWEEN: usize = 4;

/// True when the words of prose `span` (from `start` to `end` of `text`) go on into a longer
/// name that the vault does not have: a joining word follows them, then at most one other
/// lowercase word among articles and joining words (`tot instandhouding van`), then a
/// capitalised word. Where the longer name is the vault's (`Centrale Raad voor de
/// Volksgezondheid` written in full), or has the capitalised words of an organisation's name
/// of the vault (`Erasmus University of Rotterdam` of Erasmus Universiteit Rotterdam), they are
/// its opening words.
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
    let capitalised: Vec<String> = (text.get(end..longer_end).unwrap_or_default())
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.starts_with(char::is_uppercase))
        .filter_map(normalize::word_key)
        .collect();
    let Some(first) = capitalised.first() else {
        return true;
    };
    !names.by_token(first).any(|e| {
        e.kind == NoteKind::Org
            && capitalised
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
    let mut others = 0;
    for (n, word) in words.by_ref().enumerate() {
        if n > MAX_BETWEEN {
            return None;
        }
        let initial = word.chars().next()?;
        if initial.is_uppercase() {
            if !word.chars().all(char::is_alphabetic) {
                // `Home Help.`: the name ends at its last letter.
                let letters = word.trim_end_matches(|c: char| !c.is_alphabetic());
                let inner = letters.chars().all(|c| c.is_alphabetic() || c == '-');
                return (inner && !letters.is_empty()).then_some(at + letters.len());
            }
            at += word.len();
            break;
        }
        if !word.chars().all(|c| c.is_alphabetic() && c.is_lowercase()) {
            return None;
        }
        if BETWEEN.binary_search(&word).is_err() {
            others += 1;
            if others > 1 {
                return None;
            }
        }
        at += word.len() + 1;
    }
    // More capitalised words of the same name (`Home Help`).
    for word in words {
        let letters = word.trim_end_matches(|c: char| !c.is_alphabetic());
        if !letters.starts_with(char::is_uppercase) || !letters.chars().all(char::is_alphabetic) {
            break;
        }
        at += 1 + letters.len();
        if letters.len() != word.len() {
            break;
        }
    }
    (at > end).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_lists_are_sorted_for_binary_search() {
        for list in [JOINING, BETWEEN] {
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
        ] {
            let start = text.find(span).unwrap();
            assert_eq!(goes_on_to(text, start + span.len()), None, "{text}");
        }
    }
}
