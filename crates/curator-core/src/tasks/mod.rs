//! Task extraction in the Obsidian Tasks emoji format and Dataview inline fields, with owners.

use crate::edit::Edit;
use crate::engine::Context;
use crate::note::Note;
use serde::Serialize;

/// One task, with the field names of the CLI's JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Task {
    /// Vault-relative path.
    pub path: String,
    /// 1-based line.
    pub line: usize,
}

/// Every task in the note (tasks in code are not tasks).
pub fn extract(note: &Note, ctx: &Context) -> Vec<Task> {
    let _ = (note, ctx);
    Vec::new()
}

/// Edits rewriting owner handles to the vault's query form (the opt-in `owner_handles` rule).
pub fn handle_edits(note: &Note, ctx: &Context) -> Vec<Edit> {
    let _ = (note, ctx);
    Vec::new()
}
