//! Entity resolution: mentions of people and organisations linked to the right note, with a
//! calibrated confidence — or queued for review, never guessed.

use crate::edit::Edit;
use crate::engine::Context;
use crate::index::VaultIndex;
use crate::note::Note;
use crate::review::ReviewItem;
use serde::Serialize;

/// One mention of a person or organisation, with the field names of the CLI's JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Vault-relative path.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// The mention as written.
    pub text: String,
}

/// Every mention in the note, resolved.
pub fn mentions(note: &Note, ctx: &Context) -> Vec<Mention> {
    let _ = (note, ctx);
    Vec::new()
}

/// Edits rewriting structured mentions (link targets, owners, participants) that resolve with
/// confidence, and review items for those that do not.
pub fn link_edits(note: &Note, ctx: &Context) -> (Vec<Edit>, Vec<ReviewItem>) {
    let _ = (note, ctx);
    (Vec::new(), Vec::new())
}

/// The canonical person note a task owner handle names, if any.
pub fn resolve_owner(raw: &str, note: &Note, ctx: &Context) -> Option<String> {
    let _ = note;
    ctx.index.entity_named(raw).map(|s| s.title.clone())
}

/// Review items about the vault as a whole: duplicate people, contradicting facts, new names.
pub fn vault_review(index: &VaultIndex) -> Vec<ReviewItem> {
    let _ = index;
    Vec::new()
}
