//! Everyday English words (SCOWL sizes 10 and 20, `data/common-words.txt`): a capitalised
//! sentence opener that is one of them and only sounds like a name (`Need` ~ Nidhi, `Align` ~
//! Alon) is the word, not the name.
//!
//! The list ships as sorted 32-bit fingerprints of its words (the build script makes them):
//! 42 KB instead of 89 KB of text in the WebAssembly module. A word outside the list shares a
//! fingerprint with one of its 10,680 words about once in 400,000 lookups, and is then taken
//! for an everyday word (a name is then found a little less often, never wrongly).

/// The words' fingerprints, sorted, four little-endian bytes each.
const FINGERPRINTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/everyday_words.bin"));

/// 32-bit FNV-1a of the word's bytes (the build script fingerprints the list the same way).
fn fingerprint(word: &str) -> u32 {
    word.bytes().fold(0x811c_9dc5, |h: u32, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// True when `word` (in any case) is an everyday English word.
pub fn is_common_word(word: &str) -> bool {
    let print = if word.chars().any(char::is_uppercase) {
        fingerprint(&word.to_lowercase())
    } else {
        fingerprint(word)
    };
    let count = FINGERPRINTS.len() / 4;
    let at = |i: usize| {
        FINGERPRINTS
            .get(i * 4..i * 4 + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(u32::MAX, u32::from_le_bytes)
    };
    let (mut lo, mut hi) = (0, count);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match at(mid).cmp(&print) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
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
    fn every_listed_word_is_found() {
        let list = include_str!("../../data/common-words.txt");
        let words: Vec<&str> = list.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(words.len() > 10_000);
        assert!(words.iter().all(|w| is_common_word(w)));
        assert_eq!(
            FINGERPRINTS.len() / 4,
            words.len(),
            "no two words share a fingerprint"
        );
    }
}
