//! The windows-1252 / latin-1 byte table that mojibake is made of.
//!
//! Mojibake is UTF-8 read one byte per character. Reading it back means mapping each character
//! to the byte it was read from: windows-1252 gives 0x80–0x9F its own punctuation (`€ ‚ ƒ „ …`),
//! latin-1 (and windows-1252 decoders for its five undefined bytes 0x81 0x8D 0x8F 0x90 0x9D)
//! leave them as C1 control characters U+0080–U+009F. Both are accepted here.

/// What windows-1252 decodes bytes 0x80–0x9F to; `None` marks its five undefined bytes.
const HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201c}'),
    Some('\u{201d}'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The bytes windows-1252 leaves undefined. Pipelines either keep them as C1 controls or drop
/// them, which is what makes `â«` (⏫ without its 0x8F) unreadable to ordinary decoders.
pub const UNDEFINED: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

/// The byte `c` was decoded from, when `c` is a non-ASCII windows-1252 or latin-1 character.
pub fn byte_of(c: char) -> Option<u8> {
    let code = u32::from(c);
    if (0x80..=0xFF).contains(&code) {
        return u8::try_from(code).ok();
    }
    if code < 0x100 {
        return None;
    }
    HIGH.iter()
        .position(|&h| h == Some(c))
        .and_then(|i| u8::try_from(0x80 + i).ok())
}

/// The windows-1252 character for byte `b` (latin-1 for the undefined bytes), as a decoder
/// that keeps undefined bytes would produce it.
#[cfg(test)]
pub fn char_of(b: u8) -> char {
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)].unwrap_or(char::from(b)),
        _ => char::from(b),
    }
}

/// How many continuation bytes follow the UTF-8 lead byte `b`, or `None` when `b` cannot
/// start a multi-byte sequence (ASCII, a continuation byte, or an invalid lead).
pub fn continuations_after(b: u8) -> Option<usize> {
    match b {
        0xC2..=0xDF => Some(1),
        0xE0..=0xEF => Some(2),
        0xF0..=0xF4 => Some(3),
        _ => None,
    }
}

/// True when `c` stands for a UTF-8 lead byte (`Â`…`ô`, U+00C2–U+00F4).
pub fn is_lead(c: char) -> bool {
    ('\u{c2}'..='\u{f4}').contains(&c)
}

/// True when `c` stands for a UTF-8 continuation byte (0x80–0xBF).
pub fn is_continuation(c: char) -> bool {
    byte_of(c).is_some_and(|b| (0x80..=0xBF).contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_windows_1252_and_latin1() {
        assert_eq!(byte_of('€'), Some(0x80));
        assert_eq!(byte_of('Ÿ'), Some(0x9F));
        assert_eq!(byte_of('\u{8f}'), Some(0x8F));
        assert_eq!(byte_of('Ã'), Some(0xC3));
        assert_eq!(byte_of('a'), None);
        assert_eq!(byte_of('ł'), None);
        for b in 0x80..=0xFFu8 {
            assert_eq!(byte_of(char_of(b)), Some(b), "byte {b:#x}");
        }
    }

    #[test]
    fn classifies_leads_and_continuations() {
        assert!(is_lead('Ã') && is_lead('â') && is_lead('ð') && is_lead('ô'));
        assert!(!is_lead('Á') && !is_lead('õ') && !is_lead('a'));
        assert!(is_continuation('€') && is_continuation('¿') && is_continuation('\u{9d}'));
        assert!(!is_continuation('À') && !is_continuation(' '));
        assert_eq!(continuations_after(0xF0), Some(3));
        assert_eq!(continuations_after(0xC1), None);
    }
}
