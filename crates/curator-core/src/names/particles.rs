//! Name particles: the lowercase words between a given name and a surname (`de`, `van der`,
//! `bin`, `al`) that belong to the surname. They are a closed class, written as the family
//! writes them: `van den Berg` and `van der Berg` are two families, not one misspelt.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_short() {
        assert!(PARTICLES.windows(2).all(|w| w[0] < w[1]));
        assert!(PARTICLES.iter().all(|p| p.len() <= 5 && is_particle(p)));
    }

    #[test]
    fn only_the_lowercase_words_are_particles() {
        assert!(is_particle("van") && is_particle("der") && is_particle("zu"));
        assert!(!is_particle("Van") && !is_particle("vanx") && !is_particle("and"));
    }
}
