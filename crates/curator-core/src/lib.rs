//! Vault Curator's engine.
//!
//! Pure Rust, no I/O: callers pass note text in and get [`Edit`]s, review items, tasks and
//! mentions back. The WASM binding (the Obsidian plugin) and the `curator` CLI are thin
//! adapters over [`Engine`], so both give the same results for the same vault.
//!
//! ```
//! use curator_core::{Engine, Settings};
//! let mut engine = Engine::new(Settings::default());
//! engine.index_mut().upsert("People/Rob Benoit.md", "---\ntype: people\n---\n");
//! let outcome = engine.fix("Meetings/m.md", "---\ntags: meeting\n---\n");
//! assert!(outcome.error.is_none());
//! ```

// Errors are values: no `unwrap`, `expect` or `panic!` outside tests, enforced by clippy.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod actions;
pub mod answers;
pub mod context;
pub mod dates;
pub mod decisions;
pub mod deps;
pub mod edit;
pub mod engine;
pub mod entities;
pub mod error;
pub mod frontmatter;
pub mod handles;
pub mod hashtags;
pub mod hunks;
pub mod index;
pub mod journal;
pub mod kept_fix;
pub mod kind;
pub mod lines;
pub mod link_back;
pub mod links;
pub mod merge;
pub mod mojibake;
pub mod named_garbles;
pub mod names;
pub mod note;
pub mod note_mentions;
pub mod properties;
#[cfg(test)]
mod proptest_config;
pub mod report_cell;
pub mod review;
pub mod rule;
pub mod rules;
pub mod sections;
pub mod settings;
pub mod shared;
pub mod task_status;
pub mod tasks;
pub mod text;
pub mod urls;
pub mod vault;
pub mod wikilink;
pub mod yaml;

pub use edit::{apply_edits, Edit, EditError};
pub use engine::{Engine, FixOutcome, NoteReport};
pub use error::NoteError;
pub use index::VaultIndex;
pub use note::Note;
pub use review::{Candidate, ReviewItem, ReviewReason};
pub use settings::Settings;
