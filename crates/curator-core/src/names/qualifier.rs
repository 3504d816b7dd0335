//! A name's own words and its qualifier: a word such as "of" or "the" after its first word
//! (`Ambrose of Milan`, `Hillel the Elder`, `Bank of Lisbon`) or a parenthesis (`Ananias
//! (Acts)`, `James (Brother of Jesus)`) starts a qualifier — a place, a title or another entity —
//! and the words before it are the name's own. The words after a possessive (`Orrin's Hammer`,
//! `Kesti's Mum`) describe the note by someone else's: they are a qualifier too. Counted once
//! per name form, when an entity is entered ([`super::keys::NameForm::own_words`]).

/// Words that, after a name's first word, start a qualifier rather than continue the name:
/// English ones, and the prepositions of other languages that are no name particle (`Instituut
/// voor Maatschappelijke Dienstverlening`, `Verein für Socialpolitik`). Name particles (`de`,
/// `van`, `bin`) are parts of the name.
const QUALIFIER_WORDS: &[&str] = &[
    "and", "at", "for", "from", "für", "in", "of", "on", "para", "pour", "the", "to", "tot",
    "under", "voor", "with", "zum", "zur",
];

/// How many of the words of a name as written (split as [`super::normalize::tokens`] splits
/// it) are its own, before any qualifier.
pub fn own_words(text: &str) -> usize {
    let before = text.split('(').next().unwrap_or_default();
    let words = before
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/')
        .filter(|w| w.chars().any(char::is_alphabetic));
    let mut n = 0;
    let mut possessive = false;
    for word in words {
        if possessive || (n > 0 && is_qualifier_word(word)) {
            break;
        }
        n += 1;
        possessive = is_possessive(word);
    }
    n
}

/// What is written right after a name, up to a space or a punctuation mark other than `'`:
/// where a possessive ending stands (`'s` of `@Rob's deck`, `’s` of `[[Ana Lima]]’s laptop`).
pub fn written_after(after: &str) -> &str {
    let end = after
        .find(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '\''))
        .unwrap_or(after.len());
    &after[..end]
}

/// True when `word` is a possessive (`Orrin's`, `Kesti’s`, `Vales'`).
pub fn is_possessive(word: &str) -> bool {
    ["'s", "’s", "'S", "’S", "s'", "s’"]
        .iter()
        .any(|end| word.len() > end.len() && word.ends_with(end))
}

/// True when `word`, in any case, is one of [`QUALIFIER_WORDS`] (compared without lowercasing
/// it into a new string: every one of them is short and ASCII).
fn is_qualifier_word(word: &str) -> bool {
    word.len() <= 5 && QUALIFIER_WORDS.iter().any(|q| q.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_s_own_words_end_at_its_qualifier() {
        for (name, own) in [
            ("Ambrose of Milan", 1),
            ("Hillel the Elder", 1),
            ("Ananias (Acts)", 1),
            ("James (Brother of Jesus)", 1),
            ("Perpetua and Felicitas", 1),
            ("The Lantern Guild", 3),
            ("Mohan de Vries", 3),
            ("Bank of Lisbon", 1),
            ("Ada Lovelace", 2),
            ("Ottoline Marsh", 2),
            ("Wren Of Halden", 1),
            ("Orrin's Hammer", 1),
            ("Kesti’s Mum", 1),
            ("Vales' Own Company", 1),
            ("Orrin's", 1),
            ("Dunmore Sisters", 2),
            ("Instituut voor Maatschappelijke Dienstverlening", 1),
            ("Vereeniging tot Bevordering der Bouwkunst", 1),
            ("Verein für Socialpolitik", 1),
            ("Pieter van den Berg", 4),
        ] {
            assert_eq!(own_words(name), own, "{name}");
        }
    }
}
