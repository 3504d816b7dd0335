//! Name normalisation: the forms two spellings of one name share.
//!
//! Every name part becomes a [`Token`] holding two accent folds (`Jürgen` → `jurgen` and the
//! German transliteration `juergen`) and its Double Metaphone codes, so comparisons never
//! re-normalise. Mojibake is repaired first (`JÃ¼rgen` → `Jürgen`).

use super::{nicknames, phonetic};
use crate::mojibake;
use std::borrow::Cow;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// One name part, folded for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lowercase, accents stripped (`jurgen`, `weiss`, `ibanez`).
    pub key: String,
    /// Lowercase with German umlauts spelled out (`juergen`); equal to `key` for most names.
    pub alt: String,
    /// Double Metaphone primary and alternate codes of `key` (and of `alt` when it differs).
    pub codes: Vec<String>,
    /// `key` as a given name the nickname tables know ([`nicknames::id`]).
    pub nickname: Option<nicknames::NameId>,
    /// The word's letters, in lowercase, where they hold more than `key` (`hường`, `weiß`): see
    /// [`Token::same_letters`].
    pub marked: Option<Box<str>>,
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
        let nickname = nicknames::id(&key);
        let marked = (!word.is_ascii()).then(|| marked(word, &key)).flatten();
        Some(Token {
            key,
            alt,
            codes,
            nickname,
            marked,
        })
    }

    /// True when both spellings fold to the same letters, and where both are written with
    /// accents (or as words of names written with them, [`tokens`]), with the same ones: a name
    /// written without them (`Nguyen`, `Jurgen`) is the name, but `Hường` is another name than
    /// `Hương`, `Ánh` than the `Anh` of Phạm Minh Anh. Umlauts spelled out (`Mueller`) are
    /// the umlauts.
    #[inline(never)]
    pub fn same_letters(&self, other: &Token) -> bool {
        let spelled_out = self.key != other.key && (self.key == other.alt || self.alt == other.key);
        let letters = self.key == other.key || self.alt == other.alt || spelled_out;
        letters
            && match (&self.marked, &other.marked) {
                (Some(a), Some(b)) => a == b || spelled_out,
                _ => true,
            }
    }

    /// True when the two are different given names that are the same name in everyday use
    /// (`Bill` ~ `William`, see [`nicknames::same_name`]).
    pub fn is_nickname_of(&self, other: &Token) -> bool {
        match (self.nickname, other.nickname) {
            (Some(a), Some(b)) => {
                self.key != other.key
                    && nicknames::same_name(a, b)
                    && !nicknames::names_another(a, b)
            }
            _ => false,
        }
    }

    /// True when the two share a phonetic code.
    pub fn sounds_like(&self, other: &Token) -> bool {
        self.codes
            .iter()
            .any(|c| !c.is_empty() && other.codes.contains(c))
    }
}

/// The [`Token::key`] of one word without the rest of the token (no phonetic codes): what
/// lookups by name part need. `None` when nothing alphabetic is left.
pub fn word_key(word: &str) -> Option<String> {
    let key = fold_key(word);
    key.chars().any(char::is_alphabetic).then_some(key)
}

/// Calls `f` with the [`word_key`] of `word`, without allocating for a word of ASCII letters
/// (most words of prose). `None` when nothing alphabetic is left.
pub fn with_word_key<R>(word: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(lower) if !word.is_empty() && word.bytes().all(|b| b.is_ascii_alphabetic()) => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).ok().map(f)
        }
        _ => word_key(word).map(|k| f(&k)),
    }
}

/// Repairs mojibake and applies NFKC, so `JÃ¼rgen` and `Ｊürgen` read as `Jürgen`. Text that
/// needs neither (plain ASCII, most names) is borrowed as it is.
pub fn clean(s: &str) -> Cow<'_, str> {
    let repaired = if mojibake::may_contain(s) {
        mojibake::repair(s).map(Cow::Owned)
    } else {
        None
    };
    let text = repaired.unwrap_or(Cow::Borrowed(s));
    if text.is_ascii() || is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        text
    } else {
        Cow::Owned(text.nfkc().collect())
    }
}

/// The words of a name, as [`tokens`] splits it.
fn name_words(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| c.is_whitespace() || c == ',' || c == '/')
}

/// Splits a name into folded tokens: `Mohan de Vries` → `mohan`, `de`, `vries`.
/// Hyphens and apostrophes stay inside a part (`Seo-yeon`, `O'Connell`).
pub fn tokens(name: &str) -> Vec<Token> {
    let mut out: Vec<Token> = name_words(&clean(name)).filter_map(Token::new).collect();
    // A name written with accents on Latin letters writes its plain words as meant: `Anh` of
    // Phạm Minh Anh is no spelling of `Ánh` (see [`Token::same_letters`]). Not so a letter of
    // another alphabet a mark makes (`й`), nor `ё`, which Russian writes as `е` at will.
    if (out.iter()).any(|t| t.marked.as_deref().is_some_and(accents_a_latin_letter)) {
        for t in out.iter_mut().filter(|t| t.marked.is_none()) {
            t.marked = Some(t.key.as_str().into());
        }
    }
    out
}

/// The accent- and case-insensitive key of a whole name: tokens' `key`s joined by spaces.
pub fn name_key(name: &str) -> String {
    if name.is_ascii() {
        return ascii_name_key(name);
    }
    let mut out = String::with_capacity(name.len());
    for key in name_words(&clean(name)).filter_map(word_key) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&key);
    }
    out
}

/// [`name_key`] of an ASCII name, each word folded straight into the key (as [`word_key`] folds
/// it) without a string of its own: ASCII needs neither mojibake repair nor NFKC ([`clean`]
/// borrows it as it is), and prose asks the key of most runs of capitalised words.
fn ascii_name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name_words(name).map(without_possessive) {
        // A word without a letter has no key.
        if !word.bytes().any(|b| b.is_ascii_alphabetic()) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        let start = out.len();
        let kept = word
            .bytes()
            .filter(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .skip_while(|b| *b == b'-');
        out.extend(kept.map(|b| char::from(b.to_ascii_lowercase())));
        // Inner hyphens stay, trailing ones go (the word has a letter, so something is left).
        let end = out.trim_end_matches('-').len().max(start);
        out.truncate(end);
    }
    out
}

/// The key of a name already split into tokens (what [`name_key`] gives for the same name).
pub fn key_of(tokens: &[Token]) -> String {
    tokens
        .iter()
        .map(|t| t.key.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Drops a possessive `'s`.
pub fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// True when decomposed `letters` hold a mark on a Latin letter (`ờ` is `o` and two marks).
fn accents_a_latin_letter(letters: &str) -> bool {
    let mut after_latin = false;
    for c in letters.chars() {
        if is_combining_mark(c) && after_latin {
            return true;
        }
        after_latin = c.is_ascii_alphabetic();
    }
    false
}

/// The letters of a word as [`Token::marked`] keeps them where they hold more than its `key`
/// (accents, `ø`): lowercase and decomposed, the possessive dropped, Turkish dotted and dotless
/// `i` as one letter (`IŞIK` is `Işık` in capitals), and `ß` as the `ss` Swiss German and
/// every keyboard without it write (`Weiss` is `Weiß`). `None` for a word its key spells
/// (`Jurgen`, `Weiss`, `Федор`).
fn marked(word: &str, key: &str) -> Option<Box<str>> {
    // Decomposed, as `fold_unicode` reads letters: accents are compared as marks.
    let mut letters = String::with_capacity(word.len() + 4);
    for c in without_possessive(word)
        .chars()
        .flat_map(char::to_lowercase)
    {
        if c == 'ß' {
            letters.push_str("ss");
            continue;
        }
        for d in c.nfd() {
            if d == '\u{307}' && letters.ends_with('i') {
                continue;
            }
            let d = if d == 'ı' { 'i' } else { d };
            if d.is_alphanumeric() || d == '-' || is_combining_mark(d) {
                letters.push(d);
            }
        }
    }
    (letters != key).then(|| letters.into_boxed_str())
}

/// The plain fold of one word (`ü` → `u`): the first half of [`fold_word`].
fn fold_key(word: &str) -> String {
    let word = without_possessive(word);
    if word.is_ascii() {
        return ascii_fold(word);
    }
    fold_unicode(word).0
}

/// The fold of an ASCII word: lowercase letters, digits and inner hyphens.
fn ascii_fold(word: &str) -> String {
    let key: String = word
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    match key.trim_matches('-') {
        trimmed if trimmed.len() == key.len() => key,
        trimmed => trimmed.to_string(),
    }
}

/// The two folds of one word: plain (`ü` → `u`) and German (`ü` → `ue`). Punctuation other than
/// inner hyphens goes; a possessive `'s` goes too.
fn fold_word(word: &str) -> (String, String) {
    let word = without_possessive(word);
    if word.is_ascii() {
        let key = ascii_fold(word);
        return (key.clone(), key);
    }
    fold_unicode(word)
}

/// [`fold_word`] of a word with non-ASCII letters, possessive already dropped.
fn fold_unicode(word: &str) -> (String, String) {
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
            // Unicode's hyphens (NFKC makes the no-break one `‐`) join parts as `-` does.
            '‐' | '‑' => Some(("-", "-")),
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
    if a.is_ascii() && b.is_ascii() && a.len() <= MAX_WORD && b.len() <= MAX_WORD {
        ascii_jaro_winkler(a.as_bytes(), b.as_bytes())
    } else {
        strsim::jaro_winkler(a, b)
    }
}

/// The longest word [`ascii_jaro_winkler`] compares on the stack.
const MAX_WORD: usize = 64;

/// `strsim::jaro_winkler` for ASCII words of at most [`MAX_WORD`] bytes, step for step (so
/// every result is bit-identical), without allocating: it runs for every candidate of every
/// mention.
fn ascii_jaro_winkler(a: &[u8], b: &[u8]) -> f64 {
    let sim = ascii_jaro(a, b);
    if sim > 0.7 {
        let prefix = a.iter().take(4).zip(b).take_while(|(x, y)| x == y).count();
        sim + 0.1 * prefix as f64 * (1.0 - sim)
    } else {
        sim
    }
}

fn ascii_jaro(a: &[u8], b: &[u8]) -> f64 {
    let (a_len, b_len) = (a.len(), b.len());
    if a_len == 0 && b_len == 0 {
        return 1.0;
    } else if a_len == 0 || b_len == 0 {
        return 0.0;
    }
    let range = (a_len.max(b_len) / 2).saturating_sub(1);
    let mut a_flags = [false; MAX_WORD];
    let mut b_flags = [false; MAX_WORD];
    let mut matches = 0usize;
    for ((i, x), a_flag) in a.iter().enumerate().zip(a_flags.iter_mut()) {
        let lo = i.saturating_sub(range);
        let hi = b_len.min(i + range + 1);
        let mut window = b.iter().zip(b_flags.iter_mut()).take(hi).skip(lo);
        if let Some((_, b_flag)) = window.find(|(y, f)| *y == x && !**f) {
            *a_flag = true;
            *b_flag = true;
            matches += 1;
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut b_matched = b.iter().zip(&b_flags).filter(|(_, f)| **f).map(|(y, _)| y);
    for (x, _) in a.iter().zip(&a_flags).filter(|(_, f)| **f) {
        if b_matched.next() != Some(x) {
            transpositions += 1;
        }
    }
    transpositions /= 2;
    ((matches as f64 / a_len as f64)
        + (matches as f64 / b_len as f64)
        + ((matches - transpositions) as f64 / matches as f64))
        / 3.0
}

/// True when the word is written in capitals only (`ARC`, `WAMSHI`).
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// An acronym written with dots at the start of `text` (`K.W.A.`, or `K.W.A` without the last
/// dot): its letters run together (`KWA`) and the bytes it takes. Every letter is one capital
/// followed by a dot, and no letter or digit follows the acronym. `None` below `min_letters`
/// letters, so `U.S.` or the `J.` of `J. Smith` are no acronyms, and for lowercase (`e.g.`).
pub fn dotted_acronym(text: &str, min_letters: usize) -> Option<(String, usize)> {
    // Two letters or more start with a capital and a dot: most capitals are answered here.
    let mut start = text.chars();
    if min_letters >= 2
        && !(start.next().is_some_and(char::is_uppercase) && start.next() == Some('.'))
    {
        return None;
    }
    let mut letters = String::new();
    let mut chars = text.char_indices().peekable();
    let mut end = 0;
    while let Some((_, c)) = chars.next_if(|(_, c)| c.is_uppercase()) {
        letters.push(c);
        match chars.peek() {
            Some((at, '.')) => {
                end = at + 1;
                chars.next();
            }
            Some((_, d)) if d.is_alphanumeric() => return None,
            Some((at, _)) => {
                end = *at;
                break;
            }
            None => {
                end = text.len();
                break;
            }
        }
    }
    let followed = chars
        .peek()
        .is_some_and(|(at, c)| *at >= end && c.is_alphanumeric());
    (letters.chars().count() >= min_letters && !followed).then_some((letters, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_written_with_other_accents_is_another_word() {
        let same = |a: &str, b: &str| Token::new(a).unwrap().same_letters(&Token::new(b).unwrap());
        assert!(!same("Hường", "Hương"));
        assert!(!same("Ánh", "Ảnh"));
        // Without accents, in capitals, or composed otherwise, it is the word.
        assert!(same("Huong", "Hường"));
        assert!(same("HƯỜNG", "Hường"));
        assert!(same("Hu\u{31b}o\u{31b}\u{300}ng", "Hường"));
        assert!(same("IŞIK", "Işık"));
        assert!(same("Peña", "Pena"));
        assert!(same("Фёдор", "Федор"));
        assert!(same("Денис…", "Денис"));
        // In a name written with accents, a plain word is written as meant.
        let name = |a: &str, b: &str| {
            let (a, b) = (tokens(a), tokens(b));
            a.len() == b.len() && a.iter().zip(&b).all(|(x, y)| x.same_letters(y))
        };
        assert!(!name("Phạm Minh Ánh", "Phạm Minh Anh"));
        assert!(name("Pham Minh Anh", "Phạm Minh Ánh"));
        assert!(name("Jürgen Mueller", "Jürgen Müller"));
        assert!(name("Jürgen Weiss", "Jürgen Weiß"));
        assert!(name("Björn OSSWALD", "Björn Oßwald"));
        assert!(name("Dolores Ruiz Peña", "Dolores Ruiz Pena"));
        assert!(name("Дмитрий Попёнов", "Дмитрий Попенов"));
    }

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
    fn keys_words_with_and_without_allocating() {
        let key = |w: &str| with_word_key(w, str::to_string);
        assert_eq!(key("McDonald").as_deref(), Some("mcdonald"));
        assert_eq!(key("Jürgen's").as_deref(), Some("jurgen"));
        assert_eq!(key("--"), None);
        assert_eq!(key(""), None);
        for w in [
            "Niko",
            "o'neil",
            "Ｊürgen",
            "x-ray",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ",
        ] {
            assert_eq!(key(w), word_key(w), "{w}");
        }
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
    fn similarity_is_strsim_jaro_winkler() {
        let words = [
            "",
            "a",
            "niko",
            "nico",
            "nikolai",
            "dukic",
            "dukich",
            "martha",
            "marhta",
            "dwayne",
            "duane",
            "dixon",
            "dicksonx",
            "jellyfish",
            "smellyfish",
            "abcabcabc",
            "cbacbacba",
            "vamshi",
            "wamshi",
            "oluwaseun",
            "seun",
            "aaaaab",
            "baaaaa",
        ];
        for a in words {
            for b in words {
                let ours = similarity(a, b);
                let theirs = strsim::jaro_winkler(a, b);
                assert_eq!(ours.to_bits(), theirs.to_bits(), "{a} / {b}");
            }
        }
        assert_eq!(
            similarity("jürgen", "jurgen"),
            strsim::jaro_winkler("jürgen", "jurgen")
        );
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config::cases(256))]

        #[test]
        fn similarity_matches_strsim_on_any_ascii(a in "[a-e-]{0,12}", b in "[a-e-]{0,12}") {
            proptest::prop_assert_eq!(
                similarity(&a, &b).to_bits(),
                strsim::jaro_winkler(&a, &b).to_bits()
            );
        }
    }

    /// [`name_key`] as it reads any name: through [`clean`] and [`word_key`], word by word.
    fn name_key_by_words(name: &str) -> String {
        let words: Vec<String> = name_words(&clean(name)).filter_map(word_key).collect();
        words.join(" ")
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config::cases(512))]

        #[test]
        fn ascii_names_key_as_their_words_do(name in "[a-zA-Z0-9' ,/.\\t\\x0b-]{0,24}") {
            proptest::prop_assert_eq!(name_key(&name), name_key_by_words(&name));
        }
    }

    #[test]
    fn ascii_name_keys_drop_what_word_keys_drop() {
        for name in [
            "",
            "-",
            "--a--",
            "O'Neil's",
            "a-b c",
            "R. Benoit",
            "'s",
            "x 's y",
            "a,b/c\x0bd",
            "12 3a",
        ] {
            assert_eq!(name_key(name), name_key_by_words(name), "{name:?}");
        }
    }

    #[test]
    fn reads_acronyms_written_with_dots() {
        let read = |s: &str| dotted_acronym(s, 3);
        assert_eq!(read("K.W.A. signed"), Some(("KWA".into(), 6)));
        assert_eq!(read("K.W.A, then"), Some(("KWA".into(), 5)));
        assert_eq!(read("K.W.A.."), Some(("KWA".into(), 6)));
        assert_eq!(read("K.W.A"), Some(("KWA".into(), 5)));
        assert_eq!(read("U.S. policy"), None);
        assert_eq!(read("J. Smith"), None);
        assert_eq!(read("e.g. this"), None);
        assert_eq!(read("K.W.Smith"), None);
        assert_eq!(read("K.W.A.x"), None);
        assert_eq!(read("KWA"), None);
        assert_eq!(dotted_acronym("U.S.", 2), Some(("US".into(), 4)));
    }

    #[test]
    fn tells_all_caps() {
        assert!(is_all_caps("ARC"));
        assert!(!is_all_caps("VaST"));
        assert!(!is_all_caps("123"));
    }
}
