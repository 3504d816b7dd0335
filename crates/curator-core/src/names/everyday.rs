//! Everyday English words (SCOWL sizes 10 and 20, `data/common-words.txt`): a capitalised
//! sentence opener that is one of them and only sounds like a name (`Need` ~ Nidhi, `Align` ~
//! Alon) is the word, not the name.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The list, one lowercase word a line, `#` comment lines first.
const LIST: &str = include_str!("../../data/common-words.txt");

/// True when `word` (in any case) is an everyday English word.
pub fn is_common_word(word: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| LIST.lines().filter(|l| !l.starts_with('#')).collect());
    if word.chars().any(char::is_uppercase) {
        words.contains(word.to_lowercase().as_str())
    } else {
        words.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_everyday_words_in_any_case() {
        for word in ["need", "Need", "DATA", "align", "open", "eagle"] {
            assert!(is_common_word(word), "{word}");
        }
    }

    #[test]
    fn names_and_comments_are_not_words() {
        for word in [
            "Nidhi",
            "Lior",
            "Igal",
            "Vamshi",
            "",
            "# Everyday English words",
        ] {
            assert!(!is_common_word(word), "{word}");
        }
    }
}
