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
//! Key case runs first and tells the other rules under which key a renamed property is read,
//! so `Created: 2026/01/03` is renamed and rewritten in one pass. Mojibake repairs come before
//! the value rules (a lowercased `KrakÃ³w` could no longer be repaired); when two edits touch
//! the same bytes the engine keeps the earlier and the next pass proposes the other again.

mod date_values;
mod doc;
/// Writing YAML scalars and lists, quoted only when YAML needs it; other rules that write
/// frontmatter values should use it too.
pub mod emit;
mod key_case;
mod last_contact;
mod mojibake_values;
mod placeholders;
mod tags;

use crate::edit::Edit;
use crate::engine::Context;
use crate::note::Note;
use crate::review::ReviewItem;
use doc::{Doc, Findings};

/// One rule's check over a note's frontmatter.
type Rule = fn(&Doc, &mut Findings);

/// The frontmatter edits and review items for `note`, each rule gated by `ctx.enabled(name)`.
///
/// A note without frontmatter, or whose frontmatter does not parse, gets nothing here (the
/// engine reports the parse error itself).
pub fn normalize(note: &Note, ctx: &Context) -> (Vec<Edit>, Vec<ReviewItem>) {
    let Some(mut doc) = Doc::new(note, ctx) else {
        return (Vec::new(), Vec::new());
    };
    let mut out = Findings::default();
    if ctx.enabled("key_case") {
        key_case::check(&mut doc, &mut out);
    }
    let rules: [(&str, Rule); 6] = [
        ("mojibake", mojibake_values::check),
        ("placeholders", placeholders::check),
        ("last_contact", last_contact::check),
        ("dates", date_values::check),
        ("tags", tags::check_tags),
        ("aliases", tags::check_aliases),
    ];
    for (name, check) in rules {
        if ctx.enabled(name) {
            check(&doc, &mut out);
        }
    }
    (out.edits, out.review)
}
