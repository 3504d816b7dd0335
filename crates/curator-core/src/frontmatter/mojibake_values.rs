//! Mojibake in frontmatter values (`KrakÃ³w` was `Kraków`), repaired through [`crate::mojibake`].
//!
//! The repair runs on each scalar's source bytes, not its decoded value, so escapes in
//! double-quoted scalars stay as written and only the broken characters change.

use super::doc::{Doc, Findings};
use crate::mojibake;
use crate::yaml::{Node, NodeKind};

/// Proposes repairs of the broken characters in every value (list items and nested values too).
pub fn check(doc: &Doc, out: &mut Findings) {
    for prop in &doc.props {
        visit(doc, &prop.entry.value, out);
    }
}

fn visit(doc: &Doc, node: &Node, out: &mut Findings) {
    match &node.kind {
        NodeKind::Scalar { .. } => {
            let raw = doc.raw(node);
            let repairs = mojibake::repairs(raw);
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
