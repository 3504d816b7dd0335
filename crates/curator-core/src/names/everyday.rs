//! Everyday English words (SCOWL sizes 10 and 20, `data/common-words.txt`): a capitalised
//! sentence opener that is one of them and only sounds like a name (`Need` ~ Nidhi, `Align` ~
//! Alon) is the word, not the name. Beside them, the words English writes with a capital that
//! are no one's name (`European`, `data/proper-words.txt`, see [`is_proper_word`]).
//!
//! The list ships front coded (the build script writes it): 37 KB of the WebAssembly module
//! where the words are 89 KB, which compresses to 16 KB in `main.js`. It is decoded once, at
//! the first lookup, into the 89 KB of words and a hash set of them.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// The words, sorted, each as one digit, how many leading bytes it shares with the word before
/// (at most 9), and then the rest of it.
const FRONT_CODED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/everyday_words.txt"));

/// The decoded list, as a set: a word is looked up by its hash, once per word of every line
/// whose language is judged ([`english_words`]).
struct Words {
    set: FxHashSet<&'static [u8]>,
}

impl Words {
    /// The list, decoded from [`FRONT_CODED`] at the first call. Its bytes live as long as the
    /// program, as the set that borrows them does.
    fn get() -> &'static Words {
        static WORDS: OnceLock<Words> = OnceLock::new();
        WORDS.get_or_init(|| {
            let mut bytes = Vec::with_capacity(FRONT_CODED.len() * 5 / 2);
            let mut ends = Vec::new();
            // Where the word being decoded starts.
            let mut start = 0;
            for &b in FRONT_CODED {
                if b.is_ascii_digit() {
                    if start < bytes.len() {
                        ends.push(bytes.len());
                    }
                    let previous = start;
                    start = bytes.len();
                    let shared = usize::from(b - b'0').min(start - previous);
                    bytes.extend_from_within(previous..previous + shared);
                } else {
                    bytes.push(b);
                }
            }
            ends.push(bytes.len());
            let bytes: &'static [u8] = bytes.leak();
            let mut set = FxHashSet::with_capacity_and_hasher(ends.len(), Default::default());
            let mut start = 0;
            for end in ends {
                set.extend(bytes.get(start..end));
                start = end;
            }
            Words { set }
        })
    }

    /// True when `word` is one of the words.
    fn contains(&self, word: &[u8]) -> bool {
        self.set.contains(word)
    }
}

/// True when `word` (in any case) is an English word written with a capital though it is no
/// one's name (`European`, `Chinese`, `Monday`; SCOWL's english-upper, `data/proper-words.txt`,
/// kept in the list marked `^`).
pub fn is_proper_word(word: &str) -> bool {
    let mut marked = String::with_capacity(word.len() + 1);
    marked.push('^');
    marked.extend(word.chars().flat_map(char::to_lowercase));
    Words::get().contains(marked.as_bytes())
}

/// True when `word` (in any case) is an everyday English word.
pub fn is_common_word(word: &str) -> bool {
    let words = Words::get();
    if word.chars().any(char::is_uppercase) {
        words.contains(word.to_lowercase().as_bytes())
    } else {
        words.contains(word.as_bytes())
    }
}

/// How many of the first `most` lowercase words of `text` of three letters or more (the list
/// has no shorter ones) there are, and how many of them are everyday English words. An
/// address's words are none (`zotero://select/library/items/…`, `https://…/open-page`): they
/// say nothing of the language of the line they are on.
pub fn english_words(text: &str, most: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let addresses = memchr::memmem::find(bytes, b"://").is_some()
        || memchr::memmem::find(bytes, b"www.").is_some();
    if !addresses {
        return count_english(text.split(|c: char| !c.is_alphabetic()), most);
    }
    let tokens = (text.split_whitespace())
        .filter(|token| !token.contains("://") && !token.contains("www."))
        .flat_map(|token| token.split(|c: char| !c.is_alphabetic()));
    count_english(tokens, most)
}

/// [`english_words`] of `words`, split already.
fn count_english<'w>(words: impl Iterator<Item = &'w str>, most: usize) -> (usize, usize) {
    let (mut seen, mut english) = (0usize, 0usize);
    let lowercase =
        words.filter(|word| word.chars().nth(2).is_some() && word.chars().all(char::is_lowercase));
    for word in lowercase.take(most) {
        seen += 1;
        english += usize::from(is_common_word(word));
    }
    (seen, english)
}

/// True when `text` has three lowercase words of three letters or more ([`english_words`])
/// and under two in five of them are everyday English words (`De Gemeente heeft nieuwe
/// plannen`, `In der Stadt gibt es Probleme`): a capitalised word there may be an everyday word
/// of that language (German capitalises every noun), which [`is_common_word`] cannot tell.
pub fn in_another_language((words, english): (usize, usize)) -> bool {
    words >= 3 && english * 5 < words * 2
}

/// Abbreviations of business and technical terms, in capitals, sorted: written in a note they
/// are the term (`the KPI dashboard`, `our SLA`) far more often than an organisation whose
/// initials they happen to be (Keystone Partners Inc).
const TERM_ABBREVIATIONS: &[&str] = &[
    "API", "ARR", "ASAP", "CAC", "CEO", "CFO", "CIO", "CMO", "COO", "CPO", "CRM", "CSV", "CTA",
    "CTO", "EOD", "EOW", "ERP", "ETA", "FAQ", "FTE", "FYI", "GDP", "GMV", "GTM", "HTML", "HTTP",
    "IPO", "JSON", "KPI", "LLM", "LTV", "MRR", "MVP", "NDA", "NPS", "OKR", "PDF", "POC", "PRD",
    "QA", "QBR", "QOQ", "RFC", "RFP", "ROI", "SAAS", "SDK", "SEO", "SKU", "SLA", "SLO", "SOP",
    "SOW", "SQL", "SSO", "TAM", "TBD", "TCO", "UAT", "URL", "VPN", "YOY",
];

/// True when `word`, in any case, abbreviates a business or technical term ([`TERM_ABBREVIATIONS`]).
pub fn is_term_abbreviation(word: &str) -> bool {
    let upper = word.to_ascii_uppercase();
    TERM_ABBREVIATIONS.binary_search(&upper.as_str()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_lines_in_another_language_by_their_lowercase_words() {
        for line in [
            "De Gemeente heeft nieuwe plannen voor de wijk.",
            "In der Stadt gibt es Probleme mit dem Verkehr.",
            "La Nationale a été fermée pendant les travaux.",
            "Toen werd de bond opgericht als Nationale vereniging. ([Smit, 1931, p. 12](zotero://select/library/\
             items/ABC)) ([pdf](zotero://open-pdf/library/items/DEF?page=12&annotation=GH))",
        ] {
            assert!(in_another_language(english_words(line, 100)), "{line}");
        }
        for line in [
            "We met Beacon about the lease on Friday.",
            "Kairos will send the contract.",
            "Stadt Wien",
        ] {
            assert!(!in_another_language(english_words(line, 100)), "{line}");
        }
    }

    #[test]
    fn the_term_abbreviations_are_sorted_for_their_binary_search() {
        assert!(TERM_ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_term_abbreviation("KPI") && is_term_abbreviation("SaaS"));
        assert!(!is_term_abbreviation("ARC"));
    }

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

    #[test]
    fn every_listed_word_is_found_and_nothing_else() {
        let listed = |list: &'static str| -> Vec<&'static str> {
            let mut words: Vec<&str> = list.lines().filter(|l| !l.starts_with('#')).collect();
            words.sort_unstable();
            words.dedup();
            words
        };
        let words = listed(include_str!("../../data/common-words.txt"));
        let proper = listed(include_str!("../../data/proper-words.txt"));
        assert!(words.len() > 10_000 && proper.len() > 400);
        assert!(words.iter().all(|w| is_common_word(w)));
        assert!(proper.iter().all(|w| is_proper_word(w)));
        assert_eq!(Words::get().set.len(), words.len() + proper.len());
        for near in ["aardvarks", "abando", "zz", "café", "cafés"] {
            assert_eq!(is_common_word(near), words.contains(&near), "{near}");
        }
        // The two lists are apart: `European` is no everyday word, `market` no proper one.
        assert!(is_proper_word("European") && !is_common_word("European"));
        assert!(is_common_word("market") && !is_proper_word("market"));
    }
}
