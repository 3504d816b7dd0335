//! The one place where byte offsets (Rust strings, UTF-8) meet JS string indices (UTF-16).
//!
//! The engine's edits carry UTF-8 byte offsets; JS strings index UTF-16 code units. Every edit
//! crossing the binding is converted here, so JS code only ever sees JS string indices.

use curator_core::Edit;
use std::cell::OnceCell;

/// Bytes between two of the UTF-16 counts [`Offsets`] keeps.
const CHUNK: usize = 1024;

/// Offset conversion over one text.
pub struct Offsets<'a> {
    text: &'a str,
    /// The UTF-16 length of every prefix of `CHUNK`, `2 × CHUNK`, … bytes, worked out on the
    /// first conversion to UTF-16: converting the offsets of a report's many edits and review
    /// items reads each byte of the text about once, not once per offset.
    counts: OnceCell<Vec<usize>>,
}

/// UTF-16 units of the characters starting in `bytes`: one per character, two for those of four
/// bytes (past the Basic Multilingual Plane). Counted byte by byte, so it can start or stop
/// anywhere: a character counts where its first byte is.
fn units(bytes: &[u8]) -> usize {
    (bytes.iter())
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

impl<'a> Offsets<'a> {
    /// Conversions for `text`.
    pub fn new(text: &'a str) -> Self {
        Offsets {
            text,
            counts: OnceCell::new(),
        }
    }

    /// The UTF-16 index of byte offset `byte`; `None` when it is past the end or inside a
    /// character.
    pub fn to_utf16(&self, byte: usize) -> Option<usize> {
        if !self.text.is_char_boundary(byte) {
            return None;
        }
        let counts = self.counts.get_or_init(|| {
            let mut total = 0;
            let mut counts = vec![0];
            for chunk in self.text.as_bytes().chunks(CHUNK) {
                total += units(chunk);
                counts.push(total);
            }
            counts
        });
        let chunk = byte / CHUNK;
        let start = chunk * CHUNK;
        Some(counts.get(chunk)? + units(self.text.as_bytes().get(start..byte)?))
    }

    /// The byte offset of UTF-16 index `unit`; `None` when it is past the end or splits a
    /// surrogate pair.
    pub fn to_byte(&self, unit: usize) -> Option<usize> {
        let mut units = 0;
        for (byte, c) in self.text.char_indices() {
            if units == unit {
                return Some(byte);
            }
            if units > unit {
                return None;
            }
            units += c.len_utf16();
        }
        (units == unit).then_some(self.text.len())
    }

    /// `edit` with its span in UTF-16 indices (the engine's edits always lie on character
    /// boundaries, so this only fails for an edit made against another text).
    pub fn edit_to_utf16(&self, mut edit: Edit) -> Option<Edit> {
        edit.start = self.to_utf16(edit.start)?;
        edit.end = self.to_utf16(edit.end)?;
        Some(edit)
    }

    /// `edit` (span in UTF-16 indices) with its span in bytes, or a message saying which end is
    /// not a valid index of the text.
    pub fn edit_to_bytes(&self, mut edit: Edit) -> Result<Edit, String> {
        let convert = |unit: usize, end: &str| {
            self.to_byte(unit).ok_or_else(|| {
                format!(
                    "edit from rule `{}`: {end} {unit} is past the end of the text or splits a \
                     surrogate pair",
                    edit.rule
                )
            })
        };
        let start = convert(edit.start, "start")?;
        let end = convert(edit.end, "end")?;
        edit.start = start;
        edit.end = end;
        Ok(edit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_offsets_are_unchanged() {
        let o = Offsets::new("abc");
        assert_eq!(o.to_utf16(2), Some(2));
        assert_eq!(o.to_byte(3), Some(3));
        assert_eq!(o.to_byte(4), None);
        assert_eq!(o.to_utf16(4), None);
    }

    #[test]
    fn multibyte_and_astral_characters() {
        // é: 2 bytes / 1 unit; 📅: 4 bytes / 2 units.
        let text = "é📅x";
        let o = Offsets::new(text);
        assert_eq!(o.to_utf16(2), Some(1));
        assert_eq!(o.to_utf16(6), Some(3));
        assert_eq!(o.to_utf16(7), Some(4));
        assert_eq!(o.to_utf16(1), None, "inside é");
        assert_eq!(o.to_byte(1), Some(2));
        assert_eq!(o.to_byte(3), Some(6));
        assert_eq!(o.to_byte(2), None, "inside the surrogate pair");
        assert_eq!(o.to_byte(4), Some(7));
    }

    #[test]
    fn offsets_past_many_chunks_count_every_character_before_them() {
        let text = "é📅x ".repeat(CHUNK);
        let o = Offsets::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(o.to_utf16(byte), Some(text[..byte].encode_utf16().count()));
        }
        assert_eq!(o.to_utf16(1), None);
        assert_eq!(o.to_utf16(text.len() + 1), None);
    }

    #[test]
    fn edits_round_trip() {
        let text = "📅 2025-10-28";
        let o = Offsets::new(text);
        let e = Edit::new(5, 15, "2025-10-29", "dates", "r");
        let u = o.edit_to_utf16(e.clone()).unwrap();
        assert_eq!((u.start, u.end), (3, 13));
        assert_eq!(o.edit_to_bytes(u).unwrap(), e);
        let bad = Edit::new(1, 2, "", "dates", "r");
        assert!(o.edit_to_bytes(bad).unwrap_err().contains("surrogate"));
    }
}
