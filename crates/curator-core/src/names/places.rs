//! Names of places (`data/place-names.txt`, from GeoNames: countries, US states, capitals and
//! cities of a million people or more, one word each): a word that opens an organisation's name
//! and is one of them (`Paris` of Paris Baguette) is as likely the place.

use super::normalize;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The names, one per line, sorted, after three lines of notice.
const PLACE_NAMES: &str = include_str!("../../data/place-names.txt");

/// True when the folded word `key` ([`normalize::word_key`]) is the name of a place of the list.
pub fn is_place(key: &str) -> bool {
    static KEYS: OnceLock<HashSet<String>> = OnceLock::new();
    KEYS.get_or_init(|| {
        (PLACE_NAMES.lines())
            .filter(|line| !line.starts_with('#'))
            .filter_map(normalize::word_key)
            .collect()
    })
    .contains(key)
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
}
