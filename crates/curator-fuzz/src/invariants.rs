//! The promises the targets check, each an assertion with a message that says which broke.

use curator_core::frontmatter::emit::{scalar, Place};
use curator_core::yaml::{self, Node, NodeKind, Quoting};
use curator_core::{Edit, Note};
use std::ops::Range;

/// `span` lies inside `within` and starts and ends on character boundaries of `text`.
fn assert_span_fits(text: &str, span: &Range<usize>, within: &Range<usize>, what: &str) {
    assert!(
        within.start <= span.start && span.start <= span.end && span.end <= within.end,
        "{what} spans {span:?}, outside {within:?}"
    );
    for offset in [span.start, span.end] {
        assert!(
            text.is_char_boundary(offset),
            "{what} spans {span:?}, cutting a character at {offset}"
        );
    }
}

/// Edits lie in the text, on character boundaries, sorted and without overlaps.
pub fn assert_edits_fit(text: &str, edits: &[Edit]) {
    let all = 0..text.len();
    for edit in edits {
        assert_span_fits(text, &(edit.start..edit.end), &all, &edit.rule);
    }
    for pair in edits.windows(2) {
        let [a, b] = pair else { continue };
        assert!(
            a.end <= b.start && (a.start, a.end) != (b.start, b.end),
            "edits of `{}` and `{}` overlap or are out of order",
            a.rule,
            b.rule
        );
    }
}

/// Every line is a line of the note.
pub fn assert_lines_fit(note: &Note, lines: &[usize], what: &str) {
    let last = note.line_of(note.text.len());
    for &line in lines {
        assert!(
            (1..=last).contains(&line),
            "{what} on line {line} of {last}"
        );
    }
}

/// Every span the note parser records lies in the note, on character boundaries.
pub fn assert_note_spans_fit(note: &Note) {
    let text = note.text;
    let all = 0..text.len();
    assert!(text.is_char_boundary(note.body_start) && note.body_start <= text.len());
    if let Some(fm) = &note.frontmatter {
        assert_span_fits(text, &fm.block, &all, "frontmatter block");
        assert_span_fits(text, &fm.content, &fm.block, "frontmatter content");
        if let Ok(root) = &fm.yaml {
            let content = &text[fm.content.clone()];
            assert_tree_fits(content, root, &(0..content.len()));
        }
    }
    for h in &note.headings {
        assert_span_fits(text, &h.span, &all, "heading");
    }
    for item in &note.list_items {
        assert_span_fits(text, &item.span, &all, "list item");
        assert_span_fits(text, &item.line, &item.span, "list item line");
    }
    for link in &note.links {
        assert_span_fits(text, &link.span, &all, "link");
    }
    for code in &note.code {
        assert_span_fits(text, &code.span, &all, "code");
    }
    for def in &note.definitions {
        assert_span_fits(text, def, &all, "link reference definition");
    }
}

/// Every node of the tree lies inside its parent, on character boundaries of `src`, and a
/// quoted scalar's span runs from its opening to its closing quote.
pub fn assert_tree_fits(src: &str, node: &Node, within: &Range<usize>) {
    assert_span_fits(src, &node.span, within, "YAML node");
    match &node.kind {
        NodeKind::Scalar { quoting, .. } => {
            let raw = &src[node.span.clone()];
            let quote = match quoting {
                Quoting::Single => "'",
                Quoting::Double => "\"",
                Quoting::Plain | Quoting::Block => return,
            };
            assert!(
                raw.len() >= 2 && raw.starts_with(quote) && raw.ends_with(quote),
                "quoted scalar spans {raw:?}"
            );
        }
        NodeKind::Seq { items, .. } => {
            for item in items {
                assert_tree_fits(src, item, &node.span);
            }
        }
        NodeKind::Map { entries, .. } => {
            for entry in entries {
                assert_tree_fits(src, &entry.key, &node.span);
                assert_tree_fits(src, &entry.value, &node.span);
            }
        }
    }
}

/// Every scalar of the tree, written by the emitter as a block value and as a flow list item,
/// reads back as itself.
pub fn assert_scalars_reemit(node: &Node) {
    match &node.kind {
        NodeKind::Scalar { value, .. } => {
            for (place, src) in [
                (
                    Place::Block,
                    format!("k: {}\n", scalar(value, Place::Block)),
                ),
                (
                    Place::Flow,
                    format!("k: [{}]\n", scalar(value, Place::Flow)),
                ),
            ] {
                let read = yaml::parse(&src).map(|root| {
                    let v = root.get("k").map(|e| e.value.clone());
                    match (place, v) {
                        (Place::Flow, Some(v)) => v.as_seq().and_then(|i| i.first().cloned()),
                        (_, v) => v,
                    }
                    .and_then(|n| n.as_str().map(str::to_string))
                });
                assert_eq!(
                    read,
                    Ok(Some(value.clone())),
                    "{value:?} written as {src:?}"
                );
            }
        }
        NodeKind::Seq { items, .. } => items.iter().for_each(assert_scalars_reemit),
        NodeKind::Map { entries, .. } => entries.iter().for_each(|e| {
            assert_scalars_reemit(&e.key);
            assert_scalars_reemit(&e.value);
        }),
    }
}
