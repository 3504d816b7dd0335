//! Names of places (`data/place-names.txt`, from GeoNames: countries, US states, capitals and
//! large cities): a word that opens an organisation's name and is one of them (`Paris` of Paris
//! Baguette), or words of its name that are (`New York` of the New York Times), are as likely
//! the place.

use super::normalize;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The names, one per line, one word and then longer, after three lines of notice.
const PLACE_NAMES: &str = include_str!("../../data/place-names.txt");

/// True when the folded word `key` ([`normalize::word_key`]) is the name of a place of the list.
pub fn is_place(key: &str) -> bool {
    keys().contains(key)
}

/// True when `name`, several words (`New York`, `den haag`), is the name of a place of the
/// list, its words folded as [`normalize::word_key`] folds one.
pub fn is_place_name(name: &str) -> bool {
    name.split_whitespace().nth(1).is_some() && keys().contains(&folded(name))
}

/// Each name of the list, its words folded and joined by one space.
fn keys() -> &'static HashSet<String> {
    static KEYS: OnceLock<HashSet<String>> = OnceLock::new();
    KEYS.get_or_init(|| {
        (PLACE_NAMES.lines())
            .filter(|line| !line.starts_with('#'))
            .map(folded)
            .filter(|key| !key.is_empty())
            .collect()
    })
}

/// The words of `name` folded ([`normalize::word_key`]) and joined by one space.
fn folded(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .filter_map(normalize::word_key)
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_countries_states_capitals_and_large_cities_by_their_folded_name() {
        for place in ["Paris", "Jordan", "Georgia", "Adelaide", "Bogotá", "Munich"] {
            let key = normalize::word_key(place).unwrap_or_default();
            assert!(is_place(&key), "{place}");
        }
        for word in ["Kairos", "Harborlight", "Graniteview", "Acme"] {
            let key = normalize::word_key(word).unwrap_or_default();
            assert!(!is_place(&key), "{word}");
        }
    }

    #[test]
    fn knows_places_of_several_words_by_the_names_other_languages_give_them() {
        for place in [
            "New York",
            "Den Haag",
            "den haag",
            "Rio de Janeiro",
            "São Paulo",
        ] {
            assert!(is_place_name(place), "{place}");
        }
        for name in ["Brisa Azul", "Kairos Labs", "Paris", "York"] {
            assert!(!is_place_name(name), "{name}");
        }
    }
}
