//! The closed classes of words around a person's own names. Particles: the lowercase words
//! between a given name and a surname (`de`, `van der`, `bin`, `al`) that belong to the
//! surname, written as the family writes them: `van den Berg` and `van der Berg` are two
//! families, not one misspelt. Honorifics: words written before a name that are no part of it
//! (`Dr Ana`, `Lord Robert`, a note titled `Dr. Sarah Chen`).

/// The particles, lowercase and sorted (for binary search).
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du", "el",
    "ibn", "la", "le", "ten", "ter", "van", "von", "zu",
];

/// True when `word`, exactly as written (lowercase), is a name particle.
pub fn is_particle(word: &str) -> bool {
    // Particles are short: most words need no search.
    word.len() <= 5 && PARTICLES.binary_search(&word).is_ok()
}

/// Honorifics, lowercase and sorted (for binary search).
const HONORIFICS: &[&str] = &[
    "dame", "dr", "lady", "lord", "miss", "mr", "mrs", "ms", "prof", "saint", "sir", "st",
];

/// True when `word`, lowercase and without a final dot, is an honorific.
pub fn is_honorific(word: &str) -> bool {
    HONORIFICS.binary_search(&word).is_ok()
}

/// A name written after an honorific (`Sarah Chen` of `Dr. Sarah Chen`): what follows it, when
/// that is two words or more.
pub fn without_honorific(name: &str) -> Option<&str> {
    let name = name.trim_start();
    let (first, rest) = name.split_once(char::is_whitespace)?;
    let rest = rest.trim_start();
    (is_honorific(&first.trim_end_matches('.').to_lowercase())
        && rest.split_whitespace().nth(1).is_some())
    .then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_short() {
        assert!(PARTICLES.windows(2).all(|w| w[0] < w[1]));
        assert!(PARTICLES.iter().all(|p| p.len() <= 5 && is_particle(p)));
    }

    #[test]
    fn a_name_after_an_honorific_is_the_name() {
        assert!(HONORIFICS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(without_honorific("Dr. Sarah Chen"), Some("Sarah Chen"));
        assert_eq!(without_honorific("Prof Ada  Park"), Some("Ada  Park"));
        // One word after it is the whole name (`Dr Who`), and no honorific leaves it whole.
        assert_eq!(without_honorific("Dr Who"), None);
        assert_eq!(without_honorific("Drew Barry Moore"), None);
    }

    #[test]
    fn only_the_lowercase_words_are_particles() {
        assert!(is_particle("van") && is_particle("der") && is_particle("zu"));
        assert!(!is_particle("Van") && !is_particle("vanx") && !is_particle("and"));
    }
}
