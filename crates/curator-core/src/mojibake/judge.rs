//! Whether a decoded sequence is a repair or a misreading of fine text.
//!
//! Like ftfy's badness heuristic, the judgement weighs both readings of a sequence such as `Ã¼`:
//! the text as written (the *literal* reading) and the text decoded (it was `ü`). A decoding is
//! rejected when the decoded character does not fit where it stands (a lone Hebrew letter in
//! English, a lowercase letter inside an all-caps word, an IPA letter) or when the literal text
//! reads well as it is (`IRMÃ—` is Portuguese, `SELKÄ EDELLÄ` Finnish). What is left is *strong*
//! evidence of mojibake when the literal text is clearly not text — a symbol inside a word
//! (`g√¢teaux`), a capital after a lowercase letter (`rÃ©gion`), scripts glued together
//! (`signiп¬Ѓcantly`), a C1 control, box drawing against a letter — or when the decoded letters
//! join each other into one script (`Ð¿Ñ€Ð¸` is `при`). Windows-1252 and latin-1 mojibake, by
//! far the most common, is strong whenever it fits and its literal reading is implausible.
//! Everything else is *weak*: repaired only on a line that strong evidence has shown to be
//! mojibake (see `line`).

use super::codepage::{continuations_after, is_continuation_byte, Reading};

/// What kind of character a sequence decodes to, which decides where it is plausible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Latin letters (`é`, `ł`, `ș`, `ư`): plausible where their case fits.
    Latin,
    /// Punctuation and symbols (`’`, `→`, `✅`, `📅`): plausible anywhere.
    Symbol,
    /// Spacing modifiers (`˛`, `ˇ`): real, but rare enough to be weak evidence only.
    Modifier,
    /// Han, kana and Hangul: plausible next to each other, weak alone.
    Ideograph,
    /// Letters of other alphabets (Greek, Cyrillic, Hebrew, …): plausible next to a letter of
    /// their own alphabet; alone, weak, and never glued to a letter of another script except
    /// for Greek (a symbol in science: `IL2Rγc`).
    Alphabet,
    /// Common combining accents and the strike-through overlay: plausible after a character
    /// that is not a space (`e\u{301}`, `$̶6̶`).
    Combining,
    /// Emoji joiners and presentation selectors: plausible only after a pictograph.
    Joiner,
    /// C1 controls: never text, but an intermediate step of double-encoded mojibake. Accepted
    /// provisionally; the caller reverts those that no later pass consumes.
    Control,
}

/// Code point ranges and what they hold. Anything not listed (IPA, NKo, Syriac, private use,
/// noncharacters, bidi controls, letters no modern text writes — the long s and its variants,
/// historic Cyrillic `Ѹ` `Ѣ` `Ѳ`, Middle Welsh `Ỻ` — …) is never the result of a repair: a
/// sequence decoding to one is correct text read otherwise (`Сёмга` is no `Ѹмга`).
const CLASSES: &[(u32, u32, Class)] = &[
    (0x0080, 0x009F, Class::Control),
    (0x00A0, 0x00BF, Class::Symbol),
    (0x00C0, 0x017E, Class::Latin),
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
    (0x02C6, 0x02DD, Class::Modifier),
    (0x0300, 0x030C, Class::Combining),
    (0x0323, 0x0323, Class::Combining),
    (0x0327, 0x0328, Class::Combining),
    (0x0336, 0x0336, Class::Combining),
    (0x0386, 0x03CE, Class::Alphabet),
    (0x0400, 0x045F, Class::Alphabet),
    (0x048A, 0x04FF, Class::Alphabet),
    (0x0531, 0x0556, Class::Alphabet),
    (0x0561, 0x0587, Class::Alphabet),
    (0x05D0, 0x05EA, Class::Alphabet),
    (0x05F0, 0x05F4, Class::Alphabet),
    (0x060C, 0x060C, Class::Alphabet),
    (0x061B, 0x061B, Class::Alphabet),
    (0x061F, 0x064A, Class::Alphabet),
    (0x064B, 0x0652, Class::Combining),
    (0x0660, 0x06D3, Class::Alphabet),
    (0x06D5, 0x06D5, Class::Alphabet),
    (0x06F0, 0x06FF, Class::Alphabet),
    (0x0900, 0x0DFF, Class::Alphabet),
    (0x0E00, 0x0EFF, Class::Alphabet),
    (0x10A0, 0x10FF, Class::Alphabet),
    (0x1100, 0x11FF, Class::Ideograph),
    (0x1E00, 0x1E9A, Class::Latin),
    (0x1E9E, 0x1E9E, Class::Latin),
    (0x1EA0, 0x1EF9, Class::Latin),
    (0x1F00, 0x1FFF, Class::Alphabet),
    (0x2000, 0x200A, Class::Symbol),
    (0x200C, 0x200D, Class::Joiner),
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
    (0xFFFD, 0xFFFD, Class::Symbol),
    // Musical symbols (`𝄞`, the repeat signs `𝄆 𝄇`) and the mathematical alphanumerics that
    // styled text writes (`𝗯𝗼𝗹𝗱`, `𝘪𝘵𝘢𝘭𝘪𝘤`).
    (0x1D100, 0x1D1FF, Class::Symbol),
    (0x1D400, 0x1D7FF, Class::Symbol),
    (0x1F000, 0x1FAFF, Class::Symbol),
    (0x20000, 0x3134F, Class::Ideograph),
    (0xE0020, 0xE007F, Class::Joiner),
];

/// Punctuation that legitimately follows a word: after a word-final `Ã` or `É` these make the
/// literal reading plausible (`IRMÃ—`, `CAFÉ…`, `PÅ»`). `“` closes quotes in Czech, German
/// and Slovak (`„Další…“` is no Hangul syllable); `‘` is not listed, as `Å‘` is Hungarian `ő`.
const TRAILING: &[char] = &[
    '\u{a0}', '…', '†', '‡', '›', '\u{2019}', '\u{201d}', '\u{201c}', '–', '—', '™', '«', '»', '®',
    '©', '°', '²', '³', '¹', '´', '·', 'ª', 'º',
];

/// Leads that are words on their own (Swedish `å`, Danish `Ø`, Italian `è`, French `à`, …).
const STANDALONE: &[char] = &['Å', 'Ö', 'Ø', 'È', 'É', 'Ó', 'à', 'å', 'è', 'é'];

/// True when `lead` is a word on its own in some language ([`STANDALONE`]).
pub fn is_standalone_word(lead: char) -> bool {
    STANDALONE.contains(&lead)
}

fn class_of(c: char) -> Option<Class> {
    let code = u32::from(c);
    let i = CLASSES.partition_point(|&(_, end, _)| end < code);
    let row = CLASSES.get(i).filter(|&&(start, _, _)| start <= code);
    match row.map(|&(_, _, class)| class) {
        // `×` and `÷` sit among the Latin letters.
        Some(Class::Latin) if !c.is_alphabetic() => Some(Class::Symbol),
        class => class,
    }
}

/// The script of a letter, as far as gluing letters together goes: Latin (ASCII included) is
/// `Some(0)`, Greek [`GREEK`], other scripts their Unicode block (Cyrillic, Armenian, Hebrew,
/// Arabic, the Chinese, Japanese and Korean scripts together, and the 128-character blocks of
/// the Indic scripts, Thai, Georgian, …); `None` for what is not a letter. A mark that
/// combines with the letters of a script from Hebrew on, or a digit of it, is of that script
/// (the Devanagari virama `्`, Arabic's shadda `ّ`, Thai's `์`, as their vowel signs are; the
/// Arabic-Indic `٣`, the Bengali `৪`).
pub(super) fn script(c: char) -> Option<u32> {
    let mark = u32::from(c) >= 0x0590
        && (unicode_normalization::char::is_combining_mark(c) || c.is_numeric());
    if !c.is_alphabetic() && !mark {
        return None;
    }
    if c.is_ascii() || class_of(c) == Some(Class::Latin) {
        return Some(0);
    }
    Some(match u32::from(c) {
        0x0370..=0x03FF | 0x1F00..=0x1FFF => GREEK,
        0x0400..=0x052F => 0x400,
        0x0530..=0x058F => 0x530,
        0x0590..=0x05FF => 0x590,
        0x0600..=0x06FF | 0x0750..=0x077F => 0x600,
        0x1100..=0x11FF | 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF => 0x2E80,
        code => code & !0x7F,
    })
}

/// True when `c` is a danda (`।`, `॥`), which ends sentences of every Indic script, after a
/// letter or mark of one of them (`খালি।` is Bengali).
fn ends_an_indic_sentence(c: char, prev: Option<char>) -> bool {
    let indic = |c: char| (0x0900..=0x0DFF).contains(&u32::from(c));
    matches!(c, '\u{964}' | '\u{965}') && prev.is_some_and(|p| indic(p) && script(p).is_some())
}

/// [`script`] of a Greek letter.
pub(super) const GREEK: u32 = 0x370;

/// True when the letters `a` and `b` are of one script.
pub fn same_script(a: char, b: char) -> bool {
    script(a).is_some_and(|s| script(b) == Some(s))
}

/// True for a character of Miscellaneous Symbols and Arrows other than the emoji among them
/// (`⬅`, `⬛`, `⭐`, `⭕`).
fn is_chance_arrow(c: char) -> bool {
    matches!(u32::from(c), 0x2B00..=0x2BFF)
        && !matches!(
            u32::from(c),
            0x2B05..=0x2B07 | 0x2B1B | 0x2B1C | 0x2B50 | 0x2B55
        )
}

/// True for emoji and pictographic symbols, the characters joiners attach to.
pub fn is_pictograph(c: char) -> bool {
    matches!(u32::from(c), 0x2190..=0x2BFF | 0x1F000..=0x1FAFF) || c == '©' || c == '®'
}

/// True when the C1 control `c` is only an intermediate step and must not be emitted.
pub fn is_provisional(c: char) -> bool {
    class_of(c) == Some(Class::Control)
}

/// The characters on each side of a sequence, nearest first.
#[derive(Debug, Clone, Copy, Default)]
pub struct Around {
    /// The character just before the sequence.
    pub prev: Option<char>,
    /// The character before `prev`.
    pub prev2: Option<char>,
    /// The character just after the sequence.
    pub next: Option<char>,
    /// The two characters after `next`.
    pub next2: Option<char>,
    /// The character after `next2`.
    pub next3: Option<char>,
    /// True when `next` is itself the repair of another sequence (decoded letters that join
    /// each other are evidence).
    pub next_decoded: bool,
    /// True when `prev` is itself the repair of another sequence.
    pub prev_decoded: bool,
}

/// How much a decoding is worth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// The literal reading wins: leave the text as it is.
    Reject,
    /// Plausible, but only repaired on a line strong evidence shows to be mojibake.
    Weak,
    /// Mojibake on its own evidence.
    Strong,
}

/// A sequence to judge: the character it decodes to and what it is made of.
#[derive(Debug, Clone, Copy)]
pub struct Sequence<'a> {
    /// The decoded character (U+FFFD when bytes were lost on the way).
    pub decoded: char,
    /// The characters as they stand in the text: a lead and its continuations.
    pub chars: &'a [char],
    /// True when some of its bytes were lost (U+FFFD in the text) and the repair is U+FFFD.
    pub lossy: bool,
    /// True when its windows-1252 or latin-1 reading is judged, the common case.
    pub western: bool,
}

/// Judges `seq` with `decoded` the characters around it once repairs are made and `literal`
/// those around it as written.
pub fn judge(seq: Sequence, decoded: Around, literal: Around) -> Verdict {
    let Some(class) = class_of(seq.decoded) else {
        return Verdict::Reject;
    };
    let ch = seq.decoded;
    // Through another code page than windows-1252, a symbol of Miscellaneous Symbols and
    // Arrows that no emoji keyboard writes is where text lands by chance (`‚Øª`, Mac OS
    // Roman's reading of bytes of garbled Arabic, is no `⯻`).
    if !seq.western && is_chance_arrow(ch) {
        return Verdict::Reject;
    }
    let prev = decoded.prev;
    let joins_own_script =
        |c: Option<char>| c.and_then(script).is_some_and(|s| Some(s) == script(ch));
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    let lower = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() && c.is_lowercase());
    // A decoded Latin letter glued to a written letter of another script is no repair
    // (`ГіБ` is Ukrainian for GiB, not `óБ`).
    let foreign =
        |c: Option<char>, decoded: bool| !decoded && c.and_then(script).is_some_and(|s| s != 0);
    // Mathematical symbols Mac OS Roman reads UTF-8 as (`≈π`, `≈±`, `≈µ`), written on both
    // sides: a letter they decode to that ends a written word as a capital (`x≈π.` is no
    // `xŹ.`), is glued to a number (`value≈±2` is no `valueű2`) or ends a word of one letter,
    // or a rare letter (below), is mathematics as written.
    let written_math = !decoded.prev_decoded
        && !decoded.next_decoded
        && seq.chars.iter().all(|c| MATH_SYMBOLS.contains(c));
    // After a letter standing alone, they end a variable's product (`r√π`, `a√π.`, `k√Ω`):
    // no word ends `aù`.
    let after_a_variable = !letter(decoded.prev2) && !letter(decoded.next);
    let odd_in_word = written_math
        && letter(prev)
        && ((ch.is_uppercase() && lower(prev) && !letter(decoded.next))
            || decoded.next.is_some_and(|c| c.is_ascii_digit())
            || after_a_variable);
    // A capital windows-1252 writes for a continuation byte (`Ÿ` for 0x9F, `Š` for 0x8A),
    // decoded next to another repair, is a step of repeated mojibake whose next pass reads it
    // as that byte (`Ã°Å¸Å¡â‚¬` is `ðŸš€` is `🚀`): its case says nothing yet.
    let repeated_step = || {
        seq.western
            && (decoded.prev_decoded || decoded.next_decoded)
            && Reading::WESTERN
                .byte_of(ch)
                .is_some_and(is_continuation_byte)
    };
    let fits = match class {
        Class::Latin => {
            (case_fits(ch, decoded) || repeated_step())
                && !odd_in_word
                && !foreign(prev, decoded.prev_decoded)
                && !foreign(decoded.next, decoded.next_decoded)
        }
        // Through another code page than windows-1252, a symbol inside a lowercase word as
        // written (`n÷m` is ISO-8859-2's reading of Slovak `nám`) is no repair; dashes,
        // apostrophes and a lost character are. Next to other repairs it may be a step of
        // repeated mojibake (`t‚àö` is `t√©` is `té`).
        Class::Symbol => {
            let inside_written_word = lower(prev)
                && lower(decoded.next)
                && !decoded.prev_decoded
                && !decoded.next_decoded;
            seq.western
                || !inside_written_word
                || is_word_joiner(ch)
                || matches!(ch, '–' | '—' | '…' | '\u{fffd}')
        }
        Class::Modifier | Class::Control => true,
        // Through another code page than windows-1252, an ideograph among Latin text is where
        // bytes land by chance (`Â™ª`, an upper-cased `♪`, is Mac OS Roman's `媻`): only one
        // beside another repaired or written is a repair.
        Class::Ideograph => {
            let ideograph =
                |c: Option<char>| c.is_some_and(|c| class_of(c) == Some(Class::Ideograph));
            seq.western || ideograph(prev) || ideograph(decoded.next)
        }
        // Alone, a letter of another alphabet may stand between symbols (`(ง'̀⌣'́)ง`), as a
        // weak reading, but not glued to a letter of another script (`AÑ—` is Spanish).
        // Between other repairs, case says nothing yet: repeated mojibake passes through
        // capitals (`РїСЂ` is `пр`).
        // Between two digits it is a number's part misread (`5×£35` is no `5ף35`).
        // Hebrew's ligatures and its geresh and gershayim follow a Hebrew letter (`2×²` is no
        // `2ײ`).
        Class::Alphabet if ('\u{5f0}'..='\u{5f4}').contains(&ch) => {
            prev.is_some_and(|c| ('\u{5d0}'..='\u{5f2}').contains(&c))
        }
        Class::Alphabet => {
            let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
            (case_fits(ch, decoded) || decoded.prev_decoded || decoded.next_decoded)
                && !(digit(prev) && digit(decoded.next))
                && (joins_own_script(prev)
                    || joins_own_script(decoded.next)
                    || is_greek(ch)
                    || ends_an_indic_sentence(ch, prev)
                    || !(letter(prev) || letter(decoded.next)))
        }
        // Arabic's vowel marks and shadda sit on Arabic letters only (`OÙ’` is French).
        Class::Combining if script(ch).is_some() => joins_own_script(prev),
        Class::Combining => prev.is_some_and(|c| !c.is_whitespace()),
        // A joiner follows a pictograph (`👨‍👩`). It and a zero-width non-joiner also stand
        // inside a word of a script other than Latin, between two of its letters or marks
        // (Persian `می‌دانم`, Nepali `विष्‍णु`, Sinhala `ද්‍ර`).
        Class::Joiner => {
            let inside_a_word = prev.is_some_and(|p| {
                script(p).is_some_and(|s| s != 0) && decoded.next.is_some_and(|n| same_script(p, n))
            });
            inside_a_word || (ch != '\u{200c}' && prev.is_some_and(is_pictograph))
        }
    };
    if !fits || literal_reading_plausible(ch, seq.chars, literal, decoded) {
        return Verdict::Reject;
    }
    let in_a_run = (joins_own_script(prev) && decoded.prev_decoded)
        || (joins_own_script(decoded.next) && decoded.next_decoded);
    // A letter of another alphabet alone, or a lone ideograph read through another code page
    // than windows-1252, is weak: windows-1252 garbles CJK into a letter and two symbols
    // (`æ—¥`) that no text holds.
    let alone = !in_a_run
        && match class {
            Class::Alphabet => true,
            Class::Ideograph => !seq.western,
            _ => false,
        };
    if reads_both_ways(seq.chars, literal) && !in_a_run {
        return Verdict::Weak;
    }
    let broken = literal_is_broken(seq.chars, literal);
    if is_greek(ch) && alone && !broken {
        return Verdict::Reject;
    }
    // Spacing modifiers, intermediate C1 controls and combining marks from other code pages
    // (`H̋tel` is Mac OS Roman's reading of `HÃ´tel`) never stand on their own.
    if matches!(class, Class::Modifier | Class::Control)
        || (class == Class::Combining && !seq.western)
    {
        return Verdict::Weak;
    }
    // A letter few orthographies write, decoded on its own from a letter and what text writes
    // after a word (punctuation, box drawing), is more often fine text read another way than
    // a repair (`”PÅ”` is Swedish, not `”PŔ`; `corner─┐` a diagram, not `cornerĿ`).
    let after_a_word = |c: &char| TRAILING.contains(c) || ('\u{2500}'..='\u{259f}').contains(c);
    if class == Class::Latin
        && !in_a_run
        && is_rare_letter(ch)
        && seq
            .chars
            .get(1..)
            .is_some_and(|rest| rest.iter().all(after_a_word))
    {
        return Verdict::Weak;
    }
    if class == Class::Latin && !in_a_run && is_rare_letter(ch) && written_math {
        return Verdict::Weak;
    }
    if in_a_run || broken || (seq.western && !seq.lossy && !alone) {
        Verdict::Strong
    } else {
        Verdict::Weak
    }
}

/// Mathematical symbols and Greek letters of Mac OS Roman that its reading of UTF-8 bytes
/// shows (`≈` for the lead byte 0xC5, `π` for 0xB9).
const MATH_SYMBOLS: &[char] = &[
    '¬', '°', '±', 'µ', 'ƒ', 'Ω', 'π', '∂', '∆', '∏', '∑', '√', '∞', '∫', '≈', '≠', '≤', '≥',
];

/// Latin letters only a few orthographies write, or none today: Esperanto's circumflexes and
/// `ŭ`, breves, Maltese's `Ġ`, Catalan's `Ŀ`, Sami's `Ŋ` and `Ŧ`, the kra and `ŉ`, the
/// ligature `Ĳ`, Welsh's `Ŵ` and `Ŷ`, Latvian's former `Ŗ` and capital `Ņ`, Slovak's `Ĺ` and
/// `Ŕ`. They are where box drawing, Nordic capitals before punctuation and a Finnish `Ä`
/// before a space decode to by chance.
const RARE_LETTERS: &[char] = &[
    'Ĉ', 'ĉ', 'Ĕ', 'ĕ', 'Ĝ', 'ĝ', 'Ġ', 'ġ', 'Ĥ', 'ĥ', 'Ĭ', 'ĭ', 'Ĳ', 'ĳ', 'Ĵ', 'ĵ', 'ĸ', 'Ĺ', 'ĺ',
    'Ŀ', 'ŀ', 'Ņ', 'ŉ', 'Ŋ', 'ŋ', 'Ŏ', 'ŏ', 'Ŕ', 'ŕ', 'Ŗ', 'ŗ', 'Ŝ', 'ŝ', 'Ŧ', 'ŧ', 'Ŭ', 'ŭ', 'Ŵ',
    'ŵ', 'Ŷ', 'ŷ',
];

/// True when `c` is one of the [`RARE_LETTERS`].
pub fn is_rare_letter(c: char) -> bool {
    RARE_LETTERS.contains(&c)
}

/// Judges `lead` (`Ã`, or what stands for its byte in another code page) read as the word `à`
/// whose byte 0xA0 was lost or became a space (`voilÃ le`, `relatifs Ã l’usage`): strong after
/// a lowercase letter, weak standing alone between lowercase words; never in capitals
/// (`C O N C L U S Ã O`) and never for a symbol (`the √ sign`). Standing alone, another code
/// page's letter for that byte (`Ă`, `Г`) is read so only on a line other mojibake shows
/// garbled: its text writes it alone (`Compare Ă and Â`, `the letters Ö and Г`).
pub fn a_grave_word(
    lead: char,
    decoded: Around,
    (word_before, word_after): (&str, &str),
) -> Verdict {
    let first_after = word_after.chars().next();
    let lower = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() && c.is_lowercase());
    let apostrophe = |c: Option<char>| matches!(c, Some('\'' | '\u{2019}'));
    if !(lead.is_alphabetic() && lead.is_uppercase()) {
        return Verdict::Reject;
    }
    let glued = lower(decoded.prev);
    let alone = decoded.prev.is_none_or(char::is_whitespace) || apostrophe(decoded.prev);
    let upper = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() && c.is_uppercase());
    let prev2 = decoded.prev2.filter(|_| !apostrophe(decoded.prev));
    // Lowercase on one side at least, capitals on neither before.
    let lowercase_around = !upper(prev2) && (lower(prev2) || lower(first_after));
    if glued && !upper(first_after) {
        Verdict::Strong
    } else if alone && lowercase_around && first_after.is_some_and(char::is_alphabetic) {
        // Before a verb or a conjunction of English it is a variable (`Let Ã be the
        // closure`, `Ã and B`), after an English article the letter itself (`we saw the Ã
        // today`): repaired only on a line other mojibake shows garbled.
        // Another code page's letter for that byte is one its text writes alone too.
        let english = ENGLISH_AFTER_A_VARIABLE.contains(&word_after)
            || ["a", "an", "the"]
                .iter()
                .any(|a| a.eq_ignore_ascii_case(word_before));
        match english || lead != 'Ã' {
            true => Verdict::Weak,
            false => Verdict::Strong,
        }
    } else {
        Verdict::Reject
    }
}

/// English words that follow a variable (`Ã is compact`, `Ã and B`, `the set Ã of points`),
/// none of them a word of French or Portuguese after `à`.
const ENGLISH_AFTER_A_VARIABLE: &[&str] = &[
    "and", "are", "be", "denotes", "has", "have", "is", "of", "or", "the", "to", "was", "were",
    "with",
];

fn is_greek(c: char) -> bool {
    matches!(u32::from(c), 0x0386..=0x03CE)
}

/// True when a decoded letter's case fits the word it lands in: not a lowercase letter
/// inside an all-caps word (`MÄ£ÄM` is leetspeak, not `MģÄM`), not a capital between
/// lowercase letters.
fn case_fits(ch: char, around: Around) -> bool {
    let upper = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() && c.is_uppercase());
    let lower = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() && c.is_lowercase());
    if ch.is_lowercase() {
        !(upper(around.prev) && (upper(around.next) || upper(around.prev2)))
    } else if ch.is_uppercase() {
        !(lower(around.prev) && lower(around.next))
    } else {
        true
    }
}

/// True when the literal text around and inside `seq` is clearly not text: a C1 control, a
/// capital right after a lowercase letter (`rÃ©`), letters of two scripts glued together
/// (`iп`), box drawing against a letter (`ß║`), a mathematical operator right after a letter
/// (`Zam√≤`), or symbols inside a word (`g√¢t`; U+FFFD, a lost character, is no symbol).
fn literal_is_broken(seq: &[char], literal: Around) -> bool {
    if seq.iter().any(|&c| is_provisional(c)) {
        return true;
    }
    let mut window = [None; 8];
    let len = seq.len().min(6) + 2;
    window[0] = literal.prev;
    for (slot, &c) in window[1..].iter_mut().zip(seq.iter().take(6)) {
        *slot = Some(c);
    }
    window[len - 1] = literal.next;
    let window = &window[..len];
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    let is_box = |c: Option<char>| c.is_some_and(|c| ('\u{2500}'..='\u{259f}').contains(&c));
    for pair in window.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let case_flip = a.is_some_and(char::is_lowercase)
            && b.is_some_and(|c| c.is_uppercase() && !c.is_ascii());
        let glued = match (a.and_then(script), b.and_then(script)) {
            (Some(x), Some(y)) => x != y,
            _ => false,
        };
        let boxed = (is_box(a) && letter(b)) || (letter(a) && is_box(b));
        let operator = letter(a) && b.is_some_and(|c| ('\u{2200}'..='\u{22ff}').contains(&c));
        if case_flip || glued || boxed || operator {
            return true;
        }
    }
    // A run of symbols with a letter on each side.
    let mut run_after_letter = false;
    let mut in_run = false;
    for &c in window {
        let symbol = c.is_some_and(|c| {
            !c.is_ascii()
                && !c.is_alphabetic()
                && !c.is_whitespace()
                && !is_word_joiner(c)
                && c != '\u{fffd}'
        });
        if symbol {
            in_run = true;
        } else {
            if in_run && run_after_letter && letter(c) {
                return true;
            }
            run_after_letter = letter(c);
            in_run = false;
        }
    }
    false
}

/// True when `seq` is `á`, `º` or `»` and one more mark: the bytes of a Vietnamese letter
/// (`á»«` is `ừ`, `á»‡` is `ệ`, `áº©` is `ẩ`), whatever follows. No word ends in `á` and such
/// marks, though a closing guillemet may be followed by some (see [`reads_both_ways`]).
fn is_vietnamese_letter(seq: &[char]) -> bool {
    matches!(seq, ['á', 'º' | '»', _])
}

/// True when `seq`, followed by what `literal` says comes after it as written, reads as well
/// literally as repaired, so only a line shown to be mojibake repairs it: `á`, a closing
/// guillemet and what may follow one in Spanish or Portuguese (`«Ya está»—dijo`, `está»…`,
/// where `á»—` is also Vietnamese `ỗ`), and `Å` glued by a no-break space to lowercase letters
/// or to another garbled letter (`Å\u{a0}koda` is `Škoda`, `Å\u{a0}Ã¡rka` `Šárka`; but `Å` is a
/// word in Swedish and Norwegian, and text copied from web pages holds no-break spaces between
/// words).
fn reads_both_ways(seq: &[char], literal: Around) -> bool {
    let byte = |c: Option<char>| c.and_then(|c| Reading::WESTERN.byte_of(c));
    let garbled = || {
        byte(literal.next).and_then(continuations_after).is_some()
            && byte(literal.next2).is_some_and(is_continuation_byte)
    };
    matches!(
        seq,
        [
            'á',
            '»',
            '—' | '–' | '…' | '\u{2019}' | '\u{201d}' | '\u{a0}'
        ]
    ) || (seq == ['Å', '\u{a0}'] && (literal.next.is_some_and(char::is_lowercase) || garbled()))
}

/// Punctuation that stands inside words in ordinary text: apostrophes and hyphens.
fn is_word_joiner(c: char) -> bool {
    matches!(c, '\u{2019}' | '\u{2018}' | '\u{2010}' | '\u{2011}' | '·')
}

/// True when `seq` reads well as it stands: a word-final or standalone letter followed only by
/// trailing punctuation, then no more word (`IRMÃ—`), or a letter followed by an apostrophe and
/// a short ending (`Ã’s`, `Ã’ll`). A capital ends a word only in an all-caps word of three letters or
/// more (`SELKÄ EDELLÄ`): `JÃ³` is Hungarian `Jó`, `OÃ™` French `OÙ`. A no-break space is a
/// word's end, whatever follows it.
fn literal_reading_plausible(decoded: char, seq: &[char], literal: Around, around: Around) -> bool {
    let Some((&lead, rest)) = seq.split_first() else {
        return false;
    };
    let next = literal.next;
    // A letter quoted on its own (`‘Å’`, `„Ä“`, `“Ñ”`): the quotes open and close around it,
    // it is no `Œ` (`Å’`) nor `ē` (`Ä“`).
    let opens = |close: char| match close {
        '\u{2019}' => matches!(literal.prev, Some('\u{2018}' | '\u{201a}')),
        '\u{201c}' | '\u{201d}' => matches!(literal.prev, Some('\u{201c}' | '\u{201e}')),
        _ => false,
    };
    if lead.is_alphabetic()
        && matches!(rest, [close] if opens(*close))
        && !next.is_some_and(char::is_alphanumeric)
    {
        return true;
    }
    if rest == ['\u{2019}'] && lead.is_alphabetic() {
        // An apostrophe and a one- or two-letter ending: `Ã’s`, not `Å’uvre`.
        let small = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase());
        let ends = |c: Option<char>| !c.is_some_and(char::is_alphabetic);
        let (n2, n3) = (literal.next2, literal.next3);
        return small(next) && (ends(n2) || (small(n2) && ends(n3)));
    }
    let separated = rest == ['\u{a0}'];
    if is_vietnamese_letter(seq) || reads_both_ways(seq, literal) {
        return false;
    }
    if rest.is_empty()
        || !rest.iter().all(|c| TRAILING.contains(c))
        || (!separated && next.is_some_and(char::is_alphanumeric))
    {
        return false;
    }
    let Around { prev, prev2, .. } = around;
    let capital = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() && c.is_uppercase());
    // Text in capitals writes `Â` as a letter before a no-break space: Welsh `CYSYLLTWCH Â NI`
    // ("contact us"), `MISUTÂ AJIKKO`. Where capitals stand on both sides it is left as written.
    if lead == 'Â'
        && separated
        && capital(next)
        && (capital(prev) || prev == Some(' '))
        && capital(prev2)
    {
        return true;
    }
    let latin = |c: Option<char>| c.and_then(script) == Some(0);
    let ends_word = ('\u{c0}'..='\u{17f}').contains(&lead)
        && lead.is_alphabetic()
        && !matches!(decoded, '\u{a0}')
        && !matches!(lead, 'Â' | 'â')
        && latin(prev)
        && (!lead.is_uppercase() || (capital(prev) && capital(prev2)));
    // A word on its own is not glued to a repair (`â‚¬Å“` is `€œ`, a step of `“`).
    let stands_alone = STANDALONE.contains(&lead)
        && !prev.is_some_and(char::is_alphanumeric)
        && !around.prev_decoded;
    ends_word || stands_alone
}

#[cfg(test)]
mod tests {
    use super::*;

    fn around(prev: Option<char>, next: Option<char>) -> Around {
        Around {
            prev,
            next,
            ..Around::default()
        }
    }

    fn verdict(decoded: char, seq: &str, prev: Option<char>, next: Option<char>) -> Verdict {
        let chars: Vec<char> = seq.chars().collect();
        let seq = Sequence {
            decoded,
            chars: &chars,
            lossy: false,
            western: true,
        };
        judge(seq, around(prev, next), around(prev, next))
    }

    fn judge_other(decoded: char, seq: &str, prev: Option<char>, next: Option<char>) -> Verdict {
        let chars: Vec<char> = seq.chars().collect();
        let seq = Sequence {
            decoded,
            chars: &chars,
            lossy: false,
            western: false,
        };
        judge(seq, around(prev, next), around(prev, next))
    }

    #[test]
    fn classes_are_sorted_and_disjoint() {
        for pair in CLASSES.windows(2) {
            assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0, "{pair:x?}");
        }
    }

    #[test]
    fn accepts_plausible_characters() {
        use Verdict::Strong;
        assert_eq!(verdict('ü', "Ã¼", Some('J'), Some('r')), Strong);
        assert_eq!(verdict('ł', "Å‚", Some('a'), Some('o')), Strong);
        assert_eq!(verdict('’', "â€™", Some('t'), Some('s')), Strong);
        assert_eq!(verdict('📅', "ðŸ“…", Some(' '), Some(' ')), Strong);
        assert_eq!(verdict('\u{301}', "Ì\u{81}", Some('e'), None), Strong);
        // Greek inside a Latin word, as science writes it.
        assert_eq!(verdict('γ', "Î³", Some('R'), Some('c')), Strong);
    }

    #[test]
    fn rejects_implausible_characters() {
        use Verdict::Reject;
        // CAFÉ— would read as CAFɗ (IPA), Weiß’s as NKo, private use never.
        assert_eq!(verdict('ɗ', "É—", Some('F'), Some(' ')), Reject);
        assert_eq!(verdict('\u{7d2}', "ß’", Some('i'), Some('s')), Reject);
        assert_eq!(verdict('\u{f000}', "ï€€", None, None), Reject);
        // A letter of another alphabet glued to a Latin word: `AÑ—` is Spanish.
        assert_eq!(verdict('ї', "Ñ—", Some('A'), Some(' ')), Reject);
        assert_eq!(verdict('\u{68e}', "ÚŽ", Some(' '), Some('A')), Reject);
        assert_eq!(verdict('\u{301}', "Ì\u{81}", Some(' '), None), Reject);
        assert_eq!(verdict('\u{200d}', "â€\u{8d}", Some('a'), None), Reject);
        // A lowercase letter in an all-caps word.
        assert_eq!(verdict('ģ', "Ä£", Some('M'), Some('Ä')), Reject);
        // A letter and an apostrophe: `Ã’s` is a plural.
        assert_eq!(verdict('Ò', "Ã’", Some(' '), Some('s')), Reject);
    }

    #[test]
    fn other_code_pages_need_broken_literal_text() {
        use Verdict::{Strong, Weak};
        // g√¢teaux: symbols inside a word.
        assert_eq!(judge_other('â', "√¢", Some('g'), Some('t')), Strong);
        // rГ©gion: a Cyrillic capital inside a Latin word.
        assert_eq!(judge_other('é', "Г©", Some('r'), Some('g')), Strong);
        // √π is mathematics, ∆° a triangle and a degree: nothing broken.
        assert_eq!(judge_other('ù', "√π", Some(' '), None), Weak);
        assert_eq!(judge_other('ơ', "∆°", None, None), Weak);
        // A lone letter of another alphabet is weak in any code page: `“×”` is a
        // multiplication sign in quotes until the line shows otherwise.
        assert_eq!(judge_other('а', "–∞", Some('2'), None), Weak);
        assert_eq!(verdict('ה', "×”", Some('“'), Some(' ')), Weak);
    }

    #[test]
    fn letters_no_modern_text_writes_are_no_repair() {
        // Historic Cyrillic (`Ѱ` psi, `Ѹ` uk, `Ѣ` yat), the long s with a stroke and Middle
        // Welsh `ỻ`, whatever stands around them.
        for ch in ['Ѱ', 'ѹ', 'Ѣ', 'ѳ', '\u{1e9c}', 'ỻ'] {
            assert_eq!(
                judge_other(ch, "Сё", Some('а'), Some('м')),
                Verdict::Reject,
                "{ch}"
            );
            assert_eq!(
                verdict(ch, "Сё", Some(' '), Some(' ')),
                Verdict::Reject,
                "{ch}"
            );
        }
        // Their modern neighbours still are: `ё`, `ґ`, `ẞ`, `ỹ`.
        for ch in ['ё', 'ґ', 'ẞ', 'ỹ'] {
            assert_ne!(
                verdict(ch, "Сё", Some(' '), Some(' ')),
                Verdict::Reject,
                "{ch}"
            );
        }
    }

    #[test]
    fn keeps_the_literal_reading_of_word_final_letters() {
        use Verdict::{Reject, Strong};
        // Portuguese IRMÃ followed by an em dash is not Latin-1 ×.
        let irma = Around {
            prev: Some('M'),
            prev2: Some('R'),
            next: Some(' '),
            ..Around::default()
        };
        let seq = Sequence {
            decoded: '×',
            chars: &['Ã', '—'],
            lossy: false,
            western: true,
        };
        assert_eq!(judge(seq, irma, irma), Reject);
        assert_eq!(verdict('×', "Ã—", Some(' '), Some(' ')), Strong);
        assert_eq!(verdict('Ö', "Ã–", Some('M'), Some('L')), Strong);
        // Lowercase before Ã: not a Portuguese word, so oÃ¹ is où.
        assert_eq!(verdict('ù', "Ã¹", Some('o'), Some(' ')), Strong);
        // A short capitalised word: JÃ³ is Hungarian Jó, OÃ™ French OÙ.
        let around = Around {
            prev: Some('J'),
            prev2: Some(' '),
            next: Some(' '),
            ..Around::default()
        };
        let seq = Sequence {
            decoded: 'ó',
            chars: &['Ã', '³'],
            lossy: false,
            western: true,
        };
        assert_eq!(judge(seq, around, around), Strong);
        // Â never ends a word: Â» is », even after a word.
        assert_eq!(verdict('»', "Â»", Some('t'), None), Strong);
        // Italian è… is a word with an ellipsis, not a CJK character.
        assert_eq!(verdict('\u{8154}', "è…”", Some(' '), None), Reject);
        // An all-caps word ending before a no-break space.
        let caps = Around {
            prev: Some('K'),
            prev2: Some('L'),
            next: Some('E'),
            ..Around::default()
        };
        let seq = Sequence {
            decoded: 'Ġ',
            chars: &['Ä', '\u{a0}'],
            lossy: false,
            western: true,
        };
        assert_eq!(judge(seq, caps, caps), Reject);
    }
}
