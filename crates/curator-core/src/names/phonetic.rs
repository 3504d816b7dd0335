//! Phonetic keys and short forms: Double Metaphone codes, Caverphone 2 codes for lowercase
//! speech, and truncated given names (nicknames are in [`super::nicknames`]).
//!
//! Beider-Morse is deliberately not used: its rule tables would more than double the WASM
//! module, and Double Metaphone's primary/alternate pair already joins the speech-to-text
//! renderings seen in meeting transcripts (`Nico`/`Niko`, `Wamshi`/`Vamshi`).

use rphonetic::{Caverphone2, DoubleMetaphone, Encoder};

/// The Caverphone 2 code of a folded word. Caverphone models non-rhotic speech (a final `r` is
/// not heard), so `leo` and `lior` share a code where Double Metaphone keeps them apart; its
/// codes are coarse, so it only ever compares speech with the names of people a note names.
pub fn caverphone(key: &str) -> String {
    Caverphone2.encode(key)
}

/// The Double Metaphone primary and alternate codes of a folded word (one when they agree).
pub fn codes(key: &str) -> Vec<String> {
    let ascii: String = key.chars().filter(char::is_ascii_alphabetic).collect();
    if ascii.is_empty() {
        return Vec::new();
    }
    let result = DoubleMetaphone::default().double_metaphone(&ascii);
    let (primary, alternate) = (result.primary(), result.alternate());
    let mut out = Vec::with_capacity(2);
    if !primary.is_empty() {
        out.push(primary);
    }
    if !alternate.is_empty() && !out.contains(&alternate) {
        out.push(alternate);
    }
    out
}

/// True when `short` truncates `full` at either end, the way short forms are made
/// (`jon` of `jonathan`, `seun` of `oluwaseun`): at least three letters, two fewer than `full`.
pub fn is_short_form(short: &str, full: &str) -> bool {
    let (s, f) = (short.chars().count(), full.chars().count());
    s >= 3 && f >= s + 2 && (full.starts_with(short) || (s >= 4 && full.ends_with(short)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_metaphone_keeps_both_codes() {
        assert_eq!(codes("vamshi"), ["FMX"]);
        assert!(codes("wamshi").contains(&"FMX".to_string()));
        assert!(codes("").is_empty());
    }

    #[test]
    fn short_forms_truncate() {
        assert!(is_short_form("jon", "jonathan"));
        assert!(is_short_form("seun", "oluwaseun"));
        assert!(!is_short_form("jo", "jonathan"));
        assert!(!is_short_form("ann", "anne"));
        assert!(!is_short_form("eun", "oluwaseun"));
    }
}
