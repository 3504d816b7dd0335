//! The closed classes of words around a person's own names. Particles: the lowercase words
//! between a given name and a surname (`de`, `van der`, `bin`, `al`) that belong to the
//! surname, written as the family writes them: `van den Berg` and `van der Berg` are two
//! families, not one misspelt. Honorifics: words written before a name that are no part of it
//! (`Dr Ana`, `Lord Robert`, a note titled `Dr. Sarah Chen`).

/// The particles, lowercase and sorted, five bytes at most.
const PARTICLES: &[&str] = &[
    "al", "ap", "bin", "bint", "binti", "da", "das", "de", "del", "della", "den", "der", "di",
    "do", "dos", "du", "el", "ibn", "la", "le", "ten", "ter", "van", "von", "zu",
];

/// True when `word`, exactly as written (lowercase), is a name particle. Prose scanning asks
/// of nearly every word: the words compare as packed integers, with no string comparison.
pub fn is_particle(word: &str) -> bool {
    // Most words are longer, or start with a letter no particle starts with.
    let first = word.as_bytes().first().copied().unwrap_or(0);
    word.len() <= 5
        && first.is_ascii_lowercase()
        && PARTICLE_FIRST_LETTERS & (1 << (first - b'a')) != 0
        && packed(word).is_some_and(|w| PACKED_PARTICLES.contains(&w))
}

/// True when `word` (in any case) opens a surname or given name written in camel case with
/// the rest (`McAllister`, `MacComisky`, `FitzGerald`, `DeAndre`, `VanDyke`): `Mc`, `Mac`,
/// `Fitz` or a particle.
pub fn opens_camel_name(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    matches!(lower.as_str(), "mc" | "mac" | "fitz") || is_particle(&lower)
}

/// The letters particles start with, one bit each (`a` the lowest).
const PARTICLE_FIRST_LETTERS: u32 = first_letters(PARTICLES);

/// The first letters of `words` (lowercase ASCII), one bit each.
const fn first_letters(words: &[&str]) -> u32 {
    let mut out = 0u32;
    let mut i = 0;
    while i < words.len() {
        out |= 1 << (words[i].as_bytes()[0] - b'a');
        i += 1;
    }
    out
}

/// [`PARTICLES`] packed ([`pack`]).
const PACKED_PARTICLES: [u64; PARTICLES.len()] = pack_all(PARTICLES);

/// The bytes of a word of eight bytes at most as one integer (zeros after its end).
const fn pack(word: &[u8]) -> u64 {
    let mut out = 0u64;
    let mut i = word.len();
    while i > 0 {
        i -= 1;
        out = (out << 8) | word[i] as u64;
    }
    out
}

/// Every word of `words` (each of eight bytes at most) packed.
const fn pack_all<const N: usize>(words: &[&str]) -> [u64; N] {
    let mut out = [0u64; N];
    let mut i = 0;
    while i < N {
        out[i] = pack(words[i].as_bytes());
        i += 1;
    }
    out
}

/// `word` packed, if it has one to eight bytes.
fn packed(word: &str) -> Option<u64> {
    (1..=8).contains(&word.len()).then(|| pack(word.as_bytes()))
}

/// Honorifics, lowercase and sorted, eight bytes at most.
const HONORIFICS: &[&str] = &[
    "bapak", "dame", "dr", "frau", "herr", "ibu", "lady", "lord", "miss", "mlle", "mme", "mr",
    "mrs", "ms", "mx", "prof", "saint", "señor", "señora", "shri", "signor", "signora", "sir",
    "smt", "sra", "srta", "st",
];

/// True when `word`, lowercase and without a final dot, is an honorific.
pub fn is_honorific(word: &str) -> bool {
    packed(word).is_some_and(|w| PACKED_HONORIFICS.contains(&w))
}

/// Ranks, offices and titles of nobility and of the clergy that open a person's name as a
/// vault writes it (`Captain Orla Brisk`, `General Vadahm`, `Father Jacob Marlowe`),
/// lowercase and sorted. Unlike an honorific, each is also an everyday word or a surname, so
/// it ends no name (`Stephen King`); it only never names the person alone (see
/// [`super::score::match_entity`]).
const RANKS: &[&str] = &[
    "admiral",
    "archbishop",
    "ayatollah",
    "baron",
    "baroness",
    "bishop",
    "brother",
    "captain",
    "cardinal",
    "chancellor",
    "chief",
    "colonel",
    "commander",
    "commodore",
    "corporal",
    "count",
    "countess",
    "deacon",
    "duchess",
    "duke",
    "earl",
    "emperor",
    "empress",
    "father",
    "general",
    "governor",
    "judge",
    "king",
    "knight",
    "lieutenant",
    "magistrate",
    "major",
    "marquess",
    "marquis",
    "marshal",
    "master",
    "mayor",
    "mother",
    "pastor",
    "pope",
    "president",
    "priest",
    "prince",
    "princess",
    "queen",
    "rabbi",
    "reverend",
    "senator",
    "sergeant",
    "sheriff",
    "sister",
    "squire",
    "viscount",
];

/// True when `word`, lowercase, is one of [`RANKS`].
pub fn is_rank(word: &str) -> bool {
    RANKS.binary_search(&word).is_ok()
}

/// Sovereigns' titles, lowercase and sorted, that are no [`RANKS`]: also surnames (`Priya
/// Shah`, `Imran Khan`) that a vault writes alone for the person, so they only name an office
/// in its title (`the Shah of Persia`, see [`is_office`]).
const SOVEREIGNS: &[&str] = &[
    "caliph", "czar", "emir", "kaiser", "khan", "maharaja", "pharaoh", "raja", "shah", "sultan",
    "tsar",
];

/// True when `word`, lowercase, is a rank ([`RANKS`]) or a sovereign's title ([`SOVEREIGNS`]):
/// before `of` and a name (`King of Grekosha`), the title of an office.
pub fn is_office(word: &str) -> bool {
    is_rank(word) || SOVEREIGNS.binary_search(&word).is_ok()
}

/// [`HONORIFICS`] packed ([`pack`]).
const PACKED_HONORIFICS: [u64; HONORIFICS.len()] = pack_all(HONORIFICS);

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
        assert!(RANKS.windows(2).all(|w| w[0] < w[1]));
        assert!(SOVEREIGNS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_office("shah") && is_office("king") && !is_office("shahs"));
        assert!(is_rank("captain") && !is_rank("Captain") && !is_rank("capt"));
        assert!(HONORIFICS.iter().all(|h| h.len() <= 8 && is_honorific(h)));
        assert!(!is_honorific("drx") && !is_honorific("") && !is_honorific("professor"));
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
