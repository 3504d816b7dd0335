//! Mojibake a mention overlaps: a name read out of garbled text (`@SayÄ` of `@SayÄ±n
//! Yorulmaz`) is no name to ask about or rewrite until the mojibake rule has repaired it.

use crate::note::Note;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// A note's lines' mojibake repairs ([`crate::mojibake::repairs`]), each line read once, when a
/// mention on it first asks: a transcript on one line names hundreds of people.
pub struct GarbledLines<'n> {
    note: &'n Note<'n>,
    lines: HashMap<usize, Vec<Range<usize>>>,
}

impl<'n> GarbledLines<'n> {
    /// No line read yet.
    pub fn new(note: &'n Note<'n>) -> Self {
        GarbledLines {
            note,
            lines: HashMap::default(),
        }
    }

    /// True when the bytes `span` of the note overlap mojibake its line holds, whether or not
    /// the mojibake rule repairs it there (a note documenting mojibake keeps its garbles).
    pub fn overlaps(&mut self, span: &Range<usize>) -> bool {
        let note = self.note;
        let text = note.text;
        // A garble a mention overlaps has a character of it inside the mention or just after
        // (its name stops where the garble's symbols begin): the line is read only then.
        let after = text.get(span.end..).unwrap_or("");
        let near = span.end + after.char_indices().nth(2).map_or(after.len(), |(i, _)| i);
        if !text
            .get(span.start..near)
            .is_some_and(crate::mojibake::may_contain)
        {
            return false;
        }
        let line = note.line_of(span.start);
        let repairs = self.lines.entry(line).or_insert_with(|| {
            let start = note.lines.line_start(line).unwrap_or(0);
            let end = (note.lines.line_start(line + 1)).map_or(text.len(), |next| next - 1);
            crate::mojibake::repairs(text.get(start..end).unwrap_or(""))
                .into_iter()
                .map(|(r, _)| start + r.start..start + r.end)
                .collect()
        });
        repairs
            .iter()
            .any(|r| r.start < span.end && span.start < r.end)
    }
}
