//! Generated sections: plain Markdown the engine keeps between two marker comments in a note
//! (`<!-- curator:open-tasks -->` … `<!-- /curator:open-tasks -->`), and nowhere else.
//!
//! A note opts in by holding the start marker and then the end marker, each on a line of its
//! own, outside code and `%%` comments. Markers that are missing, doubled or out of order leave
//! the note untouched. [`section_edit`] is the one place a section's bytes are replaced.

use crate::edit::Edit;
use crate::note::Note;
use std::ops::Range;

/// The two marker lines of one kind of section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Markers {
    /// The line that opens the section.
    pub start: &'static str,
    /// The line that closes it.
    pub end: &'static str,
}

/// The edit that puts `rendered` between the note's `markers`, or `None` when it is there
/// already or the note does not hold exactly one start marker followed by exactly one end
/// marker outside code.
pub fn section_edit(
    note: &Note,
    markers: Markers,
    rendered: impl FnOnce() -> String,
    rule: &str,
    reason: &str,
) -> Option<Edit> {
    let inside = between_markers(note, markers)?;
    let current = note.text.get(inside.clone())?;
    let rendered = rendered();
    (current != rendered).then(|| Edit::new(inside.start, inside.end, rendered, rule, reason))
}

/// True when the note's text holds the start marker at all: a quick test before anything is
/// computed for its section.
pub fn may_hold(text: &str, markers: Markers) -> bool {
    text.contains(markers.start)
}

/// The bytes from the end of the start-marker line to the start of the end-marker line.
fn between_markers(note: &Note, markers: Markers) -> Option<Range<usize>> {
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    let mut pos = note.body_start;
    for line in note.body().split_inclusive('\n') {
        let content = line.trim();
        let indent = line.len() - line.trim_start().len();
        let at = pos + indent;
        // A marker is an HTML comment of its own: inside code or another comment it is none.
        let in_another_comment =
            (note.comments.iter()).any(|c| c.contains(&at) && *c != (at..at + content.len()));
        if !note.in_code(at) && !in_another_comment {
            if content == markers.start {
                starts.push(pos..pos + line.len());
            } else if content == markers.end {
                ends.push(pos..pos + line.len());
            }
        }
        pos += line.len();
    }
    match (starts.as_slice(), ends.as_slice()) {
        ([start], [end]) if start.end <= end.start => Some(start.end..end.start),
        _ => None,
    }
}
