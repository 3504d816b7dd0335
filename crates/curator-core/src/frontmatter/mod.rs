//! Frontmatter normalization: placeholders, dates, tags, aliases, key case, `last_contact` and
//! mojibake in values — each an edit of only the bytes that must change.
//!
//! The worst complaints about other tools are YAML rewritten unasked: comments dropped, quoting
//! and list style changed, block scalars flattened, CRLF files mangled. Here no rule serializes
//! the frontmatter. Each reads the spanned YAML tree ([`crate::yaml`]) and replaces the span of
//! one scalar, one list item, one key — new text comes from [`emit`], which quotes only when
//! YAML needs it and writes the note's own line ending and list indent. Rules that depend on
//! one another settle over the engine's repeated fix passes.
//!
//! ## Why saphyr-parser
//! The tree is built on `saphyr-parser`: a maintained YAML 1.2 parser whose events carry start
//! *and* end spans, which is exactly what span-level edits need; it reports aliases as events
//! instead of expanding them (we refuse them, so billion-laughs input costs nothing), and it is
//! small in WASM. `serde_yaml` is deprecated and loses positions; `yaml-rust2` gives start
//! markers only; `marked-yaml` wraps `yaml-rust2` and inherits that.
//!
//! ## Order
//! The registry ([`crate::rules`]) runs key case first: it tells the other rules under which
//! key a renamed property is read, so `Created: 2026/01/03` is renamed and rewritten in one
//! pass.

pub mod date_values;
mod doc;
/// Writing YAML scalars and lists, quoted only when YAML needs it; other rules that write
/// frontmatter values should use it too.
pub mod emit;
pub mod key_case;
pub mod last_contact;
pub mod mojibake_values;
pub mod placeholders;
mod quoted_chars;
pub mod set_list;
mod split_number;
pub mod tags;

pub use doc::{Doc, Findings};
