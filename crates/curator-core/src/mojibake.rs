//! Mojibake repair: UTF-8 that was decoded as windows-1252 or latin-1, once or twice, including
//! the dropped-byte forms (`â«` was ⏫).

use crate::edit::Edit;
use crate::note::Note;

/// The repaired form of `s`, or `None` when `s` holds no mojibake.
pub fn repair(s: &str) -> Option<String> {
    let _ = s;
    None
}

/// Edits repairing mojibake in the note's body.
pub fn body_edits(note: &Note) -> Vec<Edit> {
    let _ = note;
    Vec::new()
}

/// Byte ranges of `text` holding mojibake, each with its repair.
pub fn repairs(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let _ = text;
    Vec::new()
}
