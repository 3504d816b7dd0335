//! Frontmatter normalization: placeholders, dates, tags, aliases, key case, `last_contact` and
//! mojibake in values — each an edit of only the bytes that must change.

use crate::edit::Edit;
use crate::engine::Context;
use crate::note::Note;
use crate::review::ReviewItem;

/// The frontmatter edits and review items for `note`.
pub fn normalize(note: &Note, ctx: &Context) -> (Vec<Edit>, Vec<ReviewItem>) {
    let _ = (note, ctx);
    (Vec::new(), Vec::new())
}
