//! Whether a decoded sequence is a repair or a misreading of fine text.
//!
//! Like ftfy's badness heuristic, the judgement weighs both readings of a sequence such as `Ã¼`:
//! the mojibake reading (it was `ü`) wins only when the decoded character is plausible where it
//! stands, and the literal reading (the text really says `Ã¼`) is implausible. The literal
//! reading is plausible when the lead is a letter that can end a word (`IRMÃ` is Portuguese,
//! `CAFÉ` French) and everything after it is trailing punctuation (`IRMÃ—`, `CAFÉ…`).

use super::cp1252::byte_of;

/// What kind of character a sequence decodes to, which decides where it is plausible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Latin letters (`é`, `ł`, `ș`, `ư`): plausible anywhere.
    Latin,
    /// Punctuation and symbols (`’`, `→`, `✅`, `📅`): plausible anywhere.
    Symbol,
    /// Han, kana and Hangul: plausible anywhere (CJK text runs into Latin words unspaced).
    Ideograph,
    /// Letters of other alphabets (Greek, Cyrillic, Hebrew, …): plausible unless the text reads
    /// as a Latin word with an accented capital instead (see [`alphabet_fits`]).
    Alphabet,
    /// Common combining accents: plausible only after a letter (decomposed `é` is `e` + U+0301).
    Combining,
    /// Emoji joiners and presentation selectors: plausible only after a pictograph.
    Joiner,
    /// C1 controls: never text, but an intermediate step of double-encoded mojibake. Accepted
    /// provisionally; the caller reverts those that no later pass consumes.
    Control,
}

/// Code point ranges and what they hold. Anything not listed (IPA, NKo, Syriac, private use,
/// U+FFFD, noncharacters, bidi controls, …) is never the result of a repair.
const CLASSES: &[(u32, u32, Class)] = &[
    (0x0080, 0x009F, Class::Control),
    (0x00A0, 0x00BF, Class::Symbol),
    (0x00C0, 0x017F, Class::Latin),
    (0x0186, 0x0186, Class::Latin),
    (0x018F, 0x0190, Class::Latin),
    (0x0192, 0x0192, Class::Latin),
    (0x01A0, 0x01A1, Class::Latin),
    (0x01AF, 0x01B0, Class::Latin),
    (0x01CD, 0x01DC, Class::Latin),
    (0x01E6, 0x01E7, Class::Latin),
    (0x0218, 0x021B, Class::Latin),
    (0x0254, 0x0254, Class::Latin),
    (0x0259, 0x0259, Class::Latin),
    (0x025B, 0x025B, Class::Latin),
    (0x02BB, 0x02BC, Class::Latin),
    (0x0300, 0x030C, Class::Combining),
    (0x0323, 0x0323, Class::Combining),
    (0x0327, 0x0328, Class::Combining),
    (0x0386, 0x03CE, Class::Alphabet),
    (0x0400, 0x04FF, Class::Alphabet),
    (0x0531, 0x0556, Class::Alphabet),
    (0x0561, 0x0587, Class::Alphabet),
    (0x05D0, 0x05EA, Class::Alphabet),
    (0x05F0, 0x05F4, Class::Alphabet),
    (0x060C, 0x060C, Class::Alphabet),
    (0x061B, 0x061B, Class::Alphabet),
    (0x061F, 0x064A, Class::Alphabet),
    (0x0660, 0x06D3, Class::Alphabet),
    (0x06D5, 0x06D5, Class::Alphabet),
    (0x06F0, 0x06FF, Class::Alphabet),
    (0x0900, 0x0DFF, Class::Alphabet),
    (0x0E00, 0x0EFF, Class::Alphabet),
    (0x10A0, 0x10FF, Class::Alphabet),
    (0x1100, 0x11FF, Class::Ideograph),
    (0x1E00, 0x1EFF, Class::Latin),
    (0x1F00, 0x1FFF, Class::Alphabet),
    (0x2000, 0x200A, Class::Symbol),
    (0x200D, 0x200D, Class::Joiner),
    (0x2010, 0x2027, Class::Symbol),
    (0x202F, 0x205F, Class::Symbol),
    (0x2070, 0x2BFF, Class::Symbol),
    (0x2E80, 0x9FFF, Class::Ideograph),
    (0xAC00, 0xD7A3, Class::Ideograph),
    (0xF900, 0xFAFF, Class::Ideograph),
    (0xFB00, 0xFB06, Class::Latin),
    (0xFE0E, 0xFE0F, Class::Joiner),
    (0xFE30, 0xFE4F, Class::Ideograph),
    (0xFF01, 0xFFEE, Class::Ideograph),
    (0x1F000, 0x1FAFF, Class::Symbol),
    (0x20000, 0x3134F, Class::Ideograph),
    (0xE0020, 0xE007F, Class::Joiner),
];

/// Punctuation that legitimately follows a word: after a word-final `Ã` or `É` these make the
/// literal reading plausible (`IRMÃ—`, `CAFÉ…`, `PÅ»`).
const TRAILING: &[char] = &[
    '\u{a0}', '…', '†', '‡', '›', '\u{2019}', '\u{201d}', '–', '—', '™', '«', '»', '®', '©', '°',
    '²', '³', '¹', '´', '·', 'ª', 'º',
];

/// Leads that are words on their own (Swedish `å`, Danish `Ø`, Italian `è`, French `à`, …).
const STANDALONE: &[char] = &['Å', 'Ö', 'Ø', 'È', 'É', 'Ó', 'à', 'å', 'è', 'é'];

/// The row of [`CLASSES`] holding `c`: its class and, for alphabets, which alphabet.
fn class_range(c: char) -> Option<&'static (u32, u32, Class)> {
    let code = u32::from(c);
    let i = CLASSES.partition_point(|&(_, end, _)| end < code);
    CLASSES.get(i).filter(|&&(start, _, _)| start <= code)
}

fn class_of(c: char) -> Option<Class> {
    class_range(c).map(|&(_, _, class)| class)
}

/// True for emoji and pictographic symbols, the characters joiners attach to.
pub fn is_pictograph(c: char) -> bool {
    matches!(u32::from(c), 0x2190..=0x2BFF | 0x1F000..=0x1FAFF) || c == '©' || c == '®'
}

/// True when the C1 control `c` is only an intermediate step and must not be emitted.
pub fn is_provisional(c: char) -> bool {
    class_of(c) == Some(Class::Control)
}

/// The characters around a sequence: the two before it (nearest first) and the one after.
#[derive(Debug, Clone, Copy, Default)]
pub struct Around {
    /// The character just before the sequence.
    pub prev: Option<char>,
    /// The character before `prev`.
    pub prev2: Option<char>,
    /// The character just after the sequence.
    pub next: Option<char>,
}

/// Judges the sequence `seq` (a lead and its continuation characters, as they stand in the
/// text) read as `decoded`, with `around` the characters next to it.
pub fn accepts(decoded: char, seq: &[char], around: Around) -> bool {
    let prev = around.prev;
    let Some(class) = class_of(decoded) else {
        return false;
    };
    let fits = match class {
        Class::Latin | Class::Symbol | Class::Ideograph | Class::Control => true,
        Class::Alphabet => alphabet_fits(decoded, seq, around),
        Class::Combining => prev.is_some_and(char::is_alphabetic),
        Class::Joiner => prev.is_some_and(is_pictograph),
    };
    fits && !literal_reading_plausible(decoded, seq, around)
}

/// True when a letter of another alphabet fits where `seq` stands. Next to a letter of its own
/// alphabet it always does (`Ð¿Ñ€Ð¸` is `при`). Otherwise it does not where the sequence
/// continues a Latin word: after an ASCII letter of the lead's case (`AÑ—` is Spanish, not
/// `Aї`; `dÐ´` is no word, so it is `dд`), or before one when the sequence's own characters
/// are letters too (`ÚŽASNÝ` is Czech, not Arabic).
fn alphabet_fits(decoded: char, seq: &[char], around: Around) -> bool {
    let Around { prev, next, .. } = around;
    let same_alphabet = |c: Option<char>| {
        c.is_some_and(|c| c.is_alphabetic() && class_range(c) == class_range(decoded))
    };
    if same_alphabet(prev) || same_alphabet(next) {
        return true;
    }
    let lead_is_capital = seq.first().is_some_and(|c| c.is_uppercase());
    let continues_word =
        |c: char| c.is_ascii_alphabetic() && (c.is_ascii_uppercase() || !lead_is_capital);
    let letters_inside = seq.iter().skip(1).all(|c| c.is_alphabetic());
    let glued_after = prev.is_some_and(continues_word);
    let glued_before = letters_inside && next.is_some_and(|c| c.is_ascii_alphabetic());
    !glued_after && !glued_before
}

/// True when `seq` reads well as it stands: a word-final or standalone letter followed only by
/// trailing punctuation, then no more word. An uppercase lead ends a word only in an all-caps
/// word (`IRMÃ—`); when the repair would be a lowercase letter after a lone capital (`JÃ³` is
/// Hungarian `Jó`), the repair reads better.
fn literal_reading_plausible(decoded: char, seq: &[char], around: Around) -> bool {
    let Around { prev, prev2, next } = around;
    let Some((&lead, rest)) = seq.split_first() else {
        return false;
    };
    if rest.is_empty()
        || !rest.iter().all(|c| TRAILING.contains(c))
        || next.is_some_and(char::is_alphanumeric)
    {
        return false;
    }
    let capital = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() && c.is_uppercase());
    let ends_word = lead.is_alphabetic()
        && !matches!(byte_of(lead), Some(0xC2 | 0xE2))
        && prev.is_some_and(char::is_alphabetic)
        && (!lead.is_uppercase() || (capital(prev) && (!decoded.is_lowercase() || capital(prev2))));
    let stands_alone = STANDALONE.contains(&lead) && !prev.is_some_and(char::is_alphanumeric);
    ends_word || stands_alone
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(decoded: char, seq: &str, prev: Option<char>, next: Option<char>) -> bool {
        let seq: Vec<char> = seq.chars().collect();
        let prev2 = prev.filter(|c| c.is_alphabetic());
        accepts(decoded, &seq, Around { prev, prev2, next })
    }

    #[test]
    fn classes_are_sorted_and_disjoint() {
        for pair in CLASSES.windows(2) {
            assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0, "{pair:x?}");
        }
    }

    #[test]
    fn accepts_plausible_characters() {
        assert!(judge('ü', "Ã¼", Some('J'), Some('r')));
        assert!(judge('ł', "Å‚", Some('a'), Some('o')));
        assert!(judge('’', "â€™", Some('t'), Some('s')));
        assert!(judge('📅', "ðŸ“…", Some(' '), Some(' ')));
        assert!(judge('п', "Ð¿", Some(' '), Some('Ñ')));
        assert!(judge('\u{301}', "Ì\u{81}", Some('e'), None));
    }

    #[test]
    fn rejects_implausible_characters() {
        // CAFÉ— would read as CAFɗ (IPA), Weiß’s as NKo, private use and U+FFFD never.
        assert!(!judge('ɗ', "É—", Some('F'), Some(' ')));
        assert!(!judge('\u{7d2}', "ß’", Some('i'), Some('s')));
        assert!(!judge('\u{f000}', "ï€€", None, None));
        assert!(!judge('\u{fffd}', "ï¿½", None, None));
        // A Cyrillic letter glued to a Latin word is a Spanish Ñ with a dash: AÑ— → Aї.
        assert!(!judge('ї', "Ñ—", Some('A'), Some(' ')));
        assert!(!judge('\u{68e}', "ÚŽ", Some(' '), Some('A')));
        // Next to its own alphabet a letter fits even when glued to a Latin one.
        assert!(judge('П', "ÐŸ", Some('a'), Some('р')));
        assert!(judge('α', "Î±", Some('日'), Some('M')));
        assert!(judge('д', "Ð´", Some('d'), Some('n')));
        assert!(!judge('α', "Î±", Some('M'), None));
        assert!(!judge('\u{301}', "Ì\u{81}", Some(' '), None));
        assert!(!judge('\u{200d}', "â€\u{8d}", Some('a'), None));
    }

    #[test]
    fn keeps_the_literal_reading_of_word_final_letters() {
        // Portuguese IRMÃ followed by an em dash is not Latin-1 ×.
        assert!(!judge('×', "Ã—", Some('M'), Some(' ')));
        assert!(judge('×', "Ã—", Some(' '), Some(' ')));
        assert!(judge('Ö', "Ã–", Some('M'), Some('L')));
        // Lowercase before Ã: not a Portuguese word, so oÃ¹ is où.
        assert!(judge('ù', "Ã¹", Some('o'), Some(' ')));
        // A lone capital before: JÃ³ is Hungarian Jó.
        let around = Around {
            prev: Some('J'),
            prev2: Some(' '),
            next: Some(' '),
        };
        assert!(accepts('ó', &['Ã', '³'], around));
        // Â never ends a word: Â» is », even after a word.
        assert!(judge('»', "Â»", Some('t'), None));
        // Italian è… is a word with an ellipsis, not a CJK character.
        assert!(!judge('\u{8154}', "è…”", Some(' '), None));
    }
}
