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
    codes_of(key, Some(CODE_SOUNDS))
}

/// [`codes`], cut at `sounds` (`None`: the whole word's).
fn codes_of(key: &str, sounds: Option<usize>) -> Vec<String> {
    let ascii: String = key.chars().filter(char::is_ascii_alphabetic).collect();
    if ascii.is_empty() {
        return Vec::new();
    }
    let result = DoubleMetaphone::new(sounds).double_metaphone(&ascii);
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

/// The longest code [`codes`] keeps: Double Metaphone's default, four sounds.
pub const CODE_SOUNDS: usize = 4;

/// True when the written word `heard` sounds like the name part `name` throughout, or like
/// its beginning: a Double Metaphone code of any length of `heard` begins a code of `name`
/// (`elleengse` heard for `ellingsen`, `ukmat` for `ukmetoffice`). [`codes`] keeps the first
/// [`CODE_SOUNDS`] sounds, which is what lookups want, but two long words that only begin
/// alike share those: `westerhall` is not `westernfjordhealthtrust`, nor `hebrides` `hubert`.
pub fn sounds_like_throughout(heard: &[&str], name: &[&str]) -> bool {
    let full = |keys: &[&str]| -> Vec<String> {
        keys.iter().flat_map(|key| codes_of(key, None)).collect()
    };
    let theirs = full(name);
    full(heard)
        .iter()
        .any(|c| theirs.iter().any(|t| t.starts_with(c.as_str())))
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
