//! The single-byte code pages that UTF-8 gets misread as, and which characters stand for which
//! bytes in each.
//!
//! Mojibake is UTF-8 read one byte per character. Reading it back means mapping each character
//! to the byte it was read from. The tables (128 characters per code page, bytes 0x80–0xFF) are
//! generated at build time from `encoding_rs` and `oem_cp` (see `build.rs`); a byte a code page
//! leaves undefined reads as the C1 control of the same number, as WHATWG decoders and sloppy
//! pipelines give it. Windows-1252 is read together with latin-1, whose 0x80–0x9F are the C1
//! controls: pipelines mix the two.

include!(concat!(env!("OUT_DIR"), "/codepages.rs"));

/// A code page UTF-8 may have been decoded with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading(usize);

/// The tables of the readings, in their order: windows-1252 (with latin-1) first, the most
/// common, then the others, which need clearer evidence (see `judge`).
const TABLES: [&[u16; 128]; 7] = [
    &WINDOWS_1252,
    &WINDOWS_1250,
    &ISO_8859_2,
    &WINDOWS_1251,
    &WINDOWS_1257,
    &MACINTOSH,
    &CP437,
];

impl Reading {
    /// Windows-1252 together with latin-1.
    pub const WESTERN: Reading = Reading(0);

    /// Every reading, in order of preference.
    pub fn all() -> impl Iterator<Item = Reading> {
        (0..TABLES.len()).map(Reading)
    }

    fn table(self) -> &'static [u16; 128] {
        TABLES.get(self.0).copied().unwrap_or(&WINDOWS_1252)
    }

    /// The reading of a code page by its WHATWG name (`macintosh`), or `cp437`.
    #[cfg(test)]
    pub fn named(name: &str) -> Option<Reading> {
        const NAMES: [&str; 7] = [
            "windows-1252",
            "windows-1250",
            "iso-8859-2",
            "windows-1251",
            "windows-1257",
            "macintosh",
            "cp437",
        ];
        NAMES.iter().position(|&n| n == name).map(Reading)
    }

    /// This reading's bit in a set of readings.
    pub fn bit(self) -> u32 {
        1 << self.0
    }

    /// True for windows-1252 and latin-1, the readings most mojibake comes from.
    pub fn is_western(self) -> bool {
        self == Self::WESTERN
    }

    /// The byte `c` was decoded from in this reading (ASCII stands for itself).
    pub fn byte_of(self, c: char) -> Option<u8> {
        let code = u32::from(c);
        if code < 0x80 || (self.is_western() && code <= 0xFF) {
            return u8::try_from(code).ok();
        }
        let code = u16::try_from(code).ok()?;
        let i = self.table().iter().position(|&t| t == code)?;
        u8::try_from(0x80 + i).ok()
    }

    /// The character byte `b` decodes to in this reading.
    pub fn char_of(self, b: u8) -> char {
        match b.checked_sub(0x80) {
            Some(i) => self
                .table()
                .get(usize::from(i))
                .and_then(|&c| char::from_u32(u32::from(c)))
                .unwrap_or(char::from(b)),
            None => char::from(b),
        }
    }
}

/// The readings `c` stands for a lead byte in (low byte) and a continuation byte in (high
/// byte), one bit per reading; 0 for characters no reading produces from a byte above 0x7F.
fn roles(c: char) -> u32 {
    // No reading maps a byte above 0x7F to ASCII: most text is answered here.
    if c.is_ascii() {
        return 0;
    }
    let Ok(code) = u16::try_from(u32::from(c)) else {
        return 0;
    };
    match SUSPECTS.binary_search(&code) {
        Ok(i) => ROLES.get(i).map_or(0, |&r| u32::from(r)),
        Err(_) => 0,
    }
}

/// The readings (one bit each, as [`Reading::bit`]) in which `c` stands for a lead byte and
/// `next` for a continuation byte, a lost byte (U+FFFD) or a no-break space turned into a space:
/// the readings that may decode something there.
pub fn readings_at(c: char, next: char) -> u32 {
    let leads = roles(c) & 0xFF;
    if leads == 0 {
        return 0;
    }
    match next {
        '\u{fffd}' | ' ' => leads,
        _ => leads & (roles(next) >> 8),
    }
}

/// True when `c` stands for a UTF-8 lead byte in some reading.
pub fn may_lead(c: char) -> bool {
    roles(c) & 0xFF != 0
}

/// True when `c` stands for a UTF-8 lead byte and `next` for a continuation byte in the same
/// reading: where mojibake can start.
pub fn may_start(c: char, next: char) -> bool {
    roles(c) & (roles(next) >> 8) != 0
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

/// True for a UTF-8 continuation byte.
pub fn is_continuation_byte(b: u8) -> bool {
    (0x80..=0xBF).contains(&b)
}

/// The bytes windows-1252 leaves undefined. Pipelines either keep them as C1 controls or drop
/// them, which is what makes `â«` (⏫ without its 0x8F) unreadable to ordinary decoders.
pub const UNDEFINED: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_reading_stands_for_ascii() {
        assert!(SUSPECTS.iter().all(|&c| c >= 0x80));
    }

    #[test]
    fn tables_come_from_the_encoding_libraries() {
        let western = Reading::WESTERN;
        assert_eq!(western.byte_of('€'), Some(0x80));
        assert_eq!(western.byte_of('\u{80}'), Some(0x80));
        assert_eq!(western.byte_of('Ÿ'), Some(0x9F));
        assert_eq!(western.byte_of('\u{8f}'), Some(0x8F));
        assert_eq!(western.byte_of('Ã'), Some(0xC3));
        assert_eq!(western.byte_of('ł'), None);
        let names: Vec<(char, char)> = Reading::all()
            .map(|r| (r.char_of(0xC3), r.char_of(0xA1)))
            .collect();
        // 1252, 1250, ISO-8859-2, 1251, 1257, Macintosh, 437.
        assert_eq!(
            names,
            [
                ('Ã', '¡'),
                ('Ă', 'ˇ'),
                ('Ă', 'Ą'),
                ('Г', 'Ў'),
                ('Ć', '\u{a1}'),
                ('√', '°'),
                ('├', 'í')
            ]
        );
        for reading in Reading::all() {
            for b in 0x80..=0xFFu8 {
                assert_eq!(
                    reading.byte_of(reading.char_of(b)),
                    Some(b),
                    "{reading:?} {b:#x}"
                );
            }
        }
    }

    #[test]
    fn finds_where_mojibake_can_start() {
        assert!(may_start('Ã', '¼') && may_start('â', '€') && may_start('Ð', 'Ÿ'));
        assert!(may_start('√', '¢') && may_start('Р', 'ґ') && may_start('╨', '┐'));
        assert!(may_start('Ă', '¨') && may_start('Ã', '\u{9d}'));
        assert!(!may_start('a', '¼') && !may_start('Ã', 'a') && !may_start('é', 'x'));
        assert!(may_lead('Ã') && may_lead('Р') && !may_lead('a') && !may_lead('日'));
        assert_eq!(continuations_after(0xF0), Some(3));
        assert_eq!(continuations_after(0xC1), None);
    }
}
