//! Name normalisation: the forms two spellings of one name share.
//!
//! Every name part becomes a [`Token`] holding two accent folds (`Jürgen` → `jurgen` and the
//! German transliteration `juergen`) and its Double Metaphone codes, so comparisons never
//! re-normalise. Mojibake is repaired first (`JÃ¼rgen` → `Jürgen`).

use super::phonetic;
use crate::mojibake;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// One name part, folded for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lowercase, accents stripped (`jurgen`, `weiss`, `ibanez`).
    pub key: String,
    /// Lowercase with German umlauts spelled out (`juergen`); equal to `key` for most names.
    pub alt: String,
    /// Double Metaphone primary and alternate codes of `key` (and of `alt` when it differs).
    pub codes: Vec<String>,
}

impl Token {
    /// Folds one word; `None` when nothing alphabetic is left.
    pub fn new(word: &str) -> Option<Token> {
        let (key, alt) = fold_word(word);
        if !key.chars().any(char::is_alphabetic) {
            return None;
        }
        let mut codes = phonetic::codes(&key);
        if alt != key {
            for c in phonetic::codes(&alt) {
                if !codes.contains(&c) {
                    codes.push(c);
                }
            }
        }
        Some(Token { key, alt, codes })
    }

    /// True when both spellings fold to the same letters.
    pub fn same_letters(&self, other: &Token) -> bool {
        self.key == other.key
            || self.alt == other.alt
            || self.key == other.alt
            || self.alt == other.key
    }

    /// True when the two share a phonetic code.
    pub fn sounds_like(&self, other: &Token) -> bool {
        self.codes
            .iter()
            .any(|c| !c.is_empty() && other.codes.contains(c))
    }
}

/// Repairs mojibake and applies NFKC, so `JÃ¼rgen` and `Ｊürgen` read as `Jürgen`.
pub fn clean(s: &str) -> String {
    let repaired = mojibake::repair(s).unwrap_or_else(|| s.to_string());
    repaired.nfkc().collect()
}

/// Splits a name into folded tokens: `Mohan de Vries` → `mohan`, `de`, `vries`.
/// Hyphens and apostrophes stay inside a part (`Seo-yeon`, `O'Connell`).
pub fn tokens(name: &str) -> Vec<Token> {
    clean(name)
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/')
        .filter_map(Token::new)
        .collect()
}

/// The accent- and case-insensitive key of a whole name: tokens' `key`s joined by spaces.
pub fn name_key(name: &str) -> String {
    tokens(name)
        .iter()
        .map(|t| t.key.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The two folds of one word: plain (`ü` → `u`) and German (`ü` → `ue`). Punctuation other than
/// inner hyphens goes; a possessive `'s` goes too.
fn fold_word(word: &str) -> (String, String) {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    let mut key = String::with_capacity(word.len());
    let mut alt = String::with_capacity(word.len() + 2);
    for c in word.chars().flat_map(char::to_lowercase) {
        let special: Option<(&str, &str)> = match c {
            'ä' => Some(("a", "ae")),
            'ö' => Some(("o", "oe")),
            'ü' => Some(("u", "ue")),
            'ß' => Some(("ss", "ss")),
            'æ' => Some(("ae", "ae")),
            'œ' => Some(("oe", "oe")),
            'ø' => Some(("o", "o")),
            'ł' => Some(("l", "l")),
            'đ' | 'ð' => Some(("d", "d")),
            'þ' => Some(("th", "th")),
            'ı' => Some(("i", "i")),
            _ => None,
        };
        if let Some((k, a)) = special {
            key.push_str(k);
            alt.push_str(a);
            continue;
        }
        for d in c.nfd().filter(|d| !is_combining_mark(*d)) {
            if d.is_alphanumeric() || d == '-' {
                key.push(d);
                alt.push(d);
            }
        }
    }
    let trim = |s: String| s.trim_matches('-').to_string();
    (trim(key), trim(alt))
}

/// Jaro-Winkler similarity of two folded keys (0..1).
pub fn similarity(a: &str, b: &str) -> f64 {
    strsim::jaro_winkler(a, b)
}

/// True when the word is written in capitals only (`ARC`, `WAMSHI`).
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_umlauts_two_ways() {
        let t = Token::new("Jürgen").unwrap();
        assert_eq!((t.key.as_str(), t.alt.as_str()), ("jurgen", "juergen"));
        assert!(t.same_letters(&Token::new("Juergen").unwrap()));
        assert!(t.same_letters(&Token::new("JURGEN").unwrap()));
        assert_eq!(Token::new("Weiß").unwrap().key, "weiss");
        assert_eq!(Token::new("Ibáñez").unwrap().key, "ibanez");
        assert_eq!(Token::new("Needy's").unwrap().key, "needy");
        assert!(Token::new("--").is_none());
    }

    #[test]
    fn splits_names_into_parts() {
        let parts: Vec<_> = tokens("Mohan de  Vries")
            .into_iter()
            .map(|t| t.key)
            .collect();
        assert_eq!(parts, ["mohan", "de", "vries"]);
        assert_eq!(name_key("Zoë  WONG"), "zoe wong");
    }

    #[test]
    fn phonetic_codes_join_misspellings() {
        let nico = Token::new("Nico").unwrap();
        assert!(nico.sounds_like(&Token::new("Niko").unwrap()));
        assert!(!nico.sounds_like(&Token::new("Lior").unwrap()));
    }

    #[test]
    fn tells_all_caps() {
        assert!(is_all_caps("ARC"));
        assert!(!is_all_caps("VaST"));
        assert!(!is_all_caps("123"));
    }
}
