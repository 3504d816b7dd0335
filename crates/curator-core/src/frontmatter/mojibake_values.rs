//! Mojibake in frontmatter values (`KrakÃ³w` was `Kraków`), repaired through [`crate::mojibake`].
//!
//! The repair runs on each scalar's source bytes, inside its quotes (so a quoted value reads as a
//! line of its own: `'Ã bientÃ´t'` starts with the word `à`), and only the broken characters
//! change. In a double-quoted scalar that writes characters as escapes (`"Justin\xe2\x9d\xa4"`,
//! as tools write C1 controls), the value is repaired with its escapes read, and each repaired
//! span replaces the source bytes its characters were written as; the other escapes stay.

use super::doc::{Doc, Findings};
use super::emit;
use super::quoted_chars::QuotedChars;
use crate::mojibake;
use crate::yaml::{Node, NodeKind, Quoting};
use std::ops::Range;

/// Proposes repairs of the broken characters in every value (list items and nested values too),
/// unless the note documents mojibake ([`mojibake::documents_mojibake`]): then its garbled
/// values are examples, like those of its body.
pub fn check(doc: &Doc, out: &mut Findings) {
    let mut found = Findings::default();
    for prop in &doc.props {
        visit(doc, &prop.entry.value, &mut found);
    }
    if !found.edits.is_empty() && !mojibake::documents_mojibake(doc.note.text) {
        out.append(found);
    }
}

fn visit(doc: &Doc, node: &Node, out: &mut Findings) {
    match &node.kind {
        NodeKind::Scalar { value, quoting } => {
            let raw = doc.raw(node);
            let repairs = match quoting {
                Quoting::Double => {
                    escaped_repairs(raw, value).unwrap_or_else(|| inside_quotes(raw))
                }
                Quoting::Single => inside_quotes(raw),
                Quoting::Plain | Quoting::Block => mojibake::repairs(raw),
            };
            if repairs.is_empty() {
                return;
            }
            // A URL or an attachment's name keeps its bytes (see [`mojibake::addresses`]).
            let addresses = mojibake::addresses(raw);
            let repairs: Vec<_> = (repairs.into_iter())
                .filter(|(r, _)| !addresses.iter().any(|a| a.start < r.end && r.start < a.end))
                .collect();
            if repairs.is_empty() {
                return;
            }
            let repaired = mojibake::apply(raw, &repairs);
            let reason =
                format!("`{raw}` → `{repaired}`: text that was decoded with the wrong encoding");
            let at = node.span.start;
            for (range, fixed) in repairs {
                out.edits.push(doc.edit(
                    at + range.start..at + range.end,
                    fixed,
                    crate::mojibake::RULE.name,
                    reason.clone(),
                ));
            }
        }
        NodeKind::Seq { items, .. } => items.iter().for_each(|i| visit(doc, i, out)),
        NodeKind::Map { entries, .. } => entries.iter().for_each(|e| visit(doc, &e.value, out)),
    }
}

/// The repairs of a double-quoted scalar written with escapes, as source spans and the escaped
/// text replacing each (none when a repair does not fall on whole characters as written), or
/// `None` when its characters cannot be mapped to their source (a scalar over several lines).
fn escaped_repairs(raw: &str, value: &str) -> Option<Vec<(Range<usize>, String)>> {
    let chars = QuotedChars::read(raw).filter(|c| c.value == value)?;
    let mut out = Vec::new();
    for (span, fixed) in mojibake::repairs(&chars.value) {
        let Some(source) = chars.source_of(&span) else {
            return Some(Vec::new());
        };
        let quoted = emit::double_quoted(&fixed);
        let escaped = quoted
            .strip_prefix('"')
            .and_then(|q| q.strip_suffix('"'))
            .unwrap_or_default();
        out.push((source, escaped.to_string()));
    }
    Some(out)
}

/// The repairs of a quoted scalar's text between its quotes, as spans of `raw`.
fn inside_quotes(raw: &str) -> Vec<(Range<usize>, String)> {
    let Some(inner) = raw.get(1..raw.len().saturating_sub(1)) else {
        return Vec::new();
    };
    mojibake::repairs(inner)
        .into_iter()
        .map(|(span, fixed)| (span.start + 1..span.end + 1, fixed))
        .collect()
}
