//! Writing a list property as a whole: the one way an action or a rule sets `tags`, `aliases`
//! or a list of links to new items — in the property's own layout when it has one, as a new
//! property before the closing fence when it has none, and in a new frontmatter block when the
//! note has none. Only the bytes of that one value (or the one new line) change.

use super::doc::Doc;
use super::emit::{scalar, Layout, Place};
use super::split_number;
use crate::edit::Edit;
use crate::note::Note;
use crate::yaml::NodeKind;

/// The edits that make property `key` hold exactly `items`: none when it already does, when its
/// value is not a list or a plain scalar (a mapping, a block scalar: left alone), when YAML
/// split one of its flow items at a number's thousands comma ([`split_number`]: rewriting it
/// would make the split permanent), or when the frontmatter does not parse. Items only dropped
/// from a block list take their lines with them, comments included. `rule` and `reason` are
/// the edits'.
pub fn set_list(
    note: &Note,
    doc: Option<&Doc>,
    key: &str,
    items: &[String],
    rule: &str,
    reason: &str,
) -> Vec<Edit> {
    let edit = match doc {
        None => new_frontmatter(note, key, items, rule, reason),
        Some(doc) => match doc.prop(key) {
            None => new_property(doc, key, items, rule, reason),
            Some(_) => return set_existing(doc, key, items, rule, reason),
        },
    };
    edit.into_iter().collect()
}

/// [`set_list`] of a property the frontmatter has.
fn set_existing(doc: &Doc, key: &str, items: &[String], rule: &str, reason: &str) -> Vec<Edit> {
    set_value(doc, key, items, rule, reason).unwrap_or_default()
}

fn set_value(
    doc: &Doc,
    key: &str,
    items: &[String],
    rule: &str,
    reason: &str,
) -> Option<Vec<Edit>> {
    let prop = doc.prop(key)?;
    let entry = prop.entry;
    let value = &entry.value;
    if split_number::split(doc, value).is_some() {
        return None;
    }
    let current: Vec<&str> = match &value.kind {
        NodeKind::Seq { items, .. } => items.iter().map(|i| i.as_str()).collect::<Option<_>>()?,
        NodeKind::Scalar { .. } if value.is_null() => Vec::new(),
        NodeKind::Scalar { .. } => vec![value.as_str()?],
        NodeKind::Map { .. } => return None,
    };
    if current == items.iter().map(String::as_str).collect::<Vec<_>>() {
        return Some(Vec::new());
    }
    let flow = match &value.kind {
        NodeKind::Seq { flow, .. } => Some(*flow),
        _ => None,
    };
    if let (Some(false), NodeKind::Seq { items: nodes, .. }) = (flow, &value.kind) {
        if let Some(lines) = dropped_lines(doc, nodes, items) {
            return Some(
                lines
                    .into_iter()
                    .map(|line| doc.edit(line, "", rule, reason))
                    .collect(),
            );
        }
    }
    let layout = match (flow, doc.indent_at(value.span.start)) {
        (Some(false), Some(indent)) => Layout::Block {
            indent: indent.to_string(),
            line_ending: doc.note.line_ending(),
        },
        _ => doc.layout(flow),
    };
    if let (
        Layout::Block {
            indent,
            line_ending,
        },
        Some(false),
        NodeKind::Seq { items: nodes, .. },
    ) = (&layout, flow, &value.kind)
    {
        if let Some(edit) = appended(doc, nodes, items, indent, line_ending, rule, reason) {
            return Some(vec![edit]);
        }
    }
    let written: Vec<String> = items.iter().map(|i| scalar(i, layout.place())).collect();
    let (span, replacement) = match (&layout, flow) {
        (Layout::Flow, Some(true)) => (value.span.clone(), format!("[{}]", layout.join(&written))),
        (Layout::Block { .. }, Some(false)) if !written.is_empty() => {
            (value.span.clone(), format!("- {}", layout.join(&written)))
        }
        _ => (
            doc.colon_to_value_end(entry)?,
            layout.value_after_colon(&written),
        ),
    };
    Some(vec![doc.edit(span, replacement, rule, reason)])
}

/// The lines of the block list items to drop, when `wanted` is the list with only some items
/// dropped (at least one kept) and each of those has its line to itself.
fn dropped_lines(
    doc: &Doc,
    nodes: &[crate::yaml::Node],
    wanted: &[String],
) -> Option<Vec<std::ops::Range<usize>>> {
    let mut want = wanted.iter().peekable();
    let mut lines = Vec::new();
    for node in nodes {
        if want.peek().map(|w| w.as_str()) == node.as_str() {
            want.next();
        } else {
            lines.push(doc.own_line(node)?);
        }
    }
    (want.next().is_none() && !wanted.is_empty()).then_some(lines)
}

/// The new lines after a block list's last item, when `wanted` is the list with items only
/// added at its end and the last item has its line to itself: the items and comments already
/// there stay as written (a comment stays with its item).
fn appended(
    doc: &Doc,
    nodes: &[crate::yaml::Node],
    wanted: &[String],
    indent: &str,
    eol: &str,
    rule: &str,
    reason: &str,
) -> Option<Edit> {
    if wanted.len() <= nodes.len()
        || nodes
            .iter()
            .zip(wanted)
            .any(|(n, w)| n.as_str() != Some(w.as_str()))
    {
        return None;
    }
    let end = doc.own_line(nodes.last()?)?.end;
    let lead = if doc.src().get(..end)?.ends_with('\n') {
        ""
    } else {
        eol
    };
    let lines: String = wanted[nodes.len()..]
        .iter()
        .map(|w| format!("{indent}- {}{eol}", scalar(w, Place::Block)))
        .collect();
    Some(doc.edit(end..end, format!("{lead}{lines}"), rule, reason))
}

/// A new `key: [items]` line just before the closing fence.
fn new_property(doc: &Doc, key: &str, items: &[String], rule: &str, reason: &str) -> Option<Edit> {
    let src = doc.src();
    let end = src.len();
    let eol = doc.note.line_ending();
    // The YAML text ends with its last line's line ending, or is empty.
    let lead = if src.is_empty() || src.ends_with('\n') {
        ""
    } else {
        eol
    };
    let line = format!("{lead}{}{eol}", property_line(key, items));
    Some(doc.edit(end..end, line, rule, reason))
}

/// A frontmatter block holding only `key: [items]`, at the top of a note that has none.
fn new_frontmatter(
    note: &Note,
    key: &str,
    items: &[String],
    rule: &str,
    reason: &str,
) -> Option<Edit> {
    if note.frontmatter.is_some() || crate::note::has_unterminated_frontmatter(note.text) {
        return None;
    }
    let eol = note.line_ending();
    let at = note.body_start;
    Some(Edit::new(
        at,
        at,
        format!("---{eol}{}{eol}---{eol}", property_line(key, items)),
        format!("frontmatter.{rule}"),
        reason,
    ))
}

/// `key: [a, b]`, each item quoted only when YAML needs it.
fn property_line(key: &str, items: &[String]) -> String {
    let written: Vec<String> = items.iter().map(|i| scalar(i, Place::Flow)).collect();
    format!("{}: [{}]", scalar(key, Place::Block), written.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::Context;
    use crate::index::VaultIndex;
    use crate::settings::Settings;
    use crate::{apply_edits, yaml};

    fn set(text: &str, key: &str, items: &[&str]) -> String {
        let index = VaultIndex::new(Settings::default());
        let note = Note::parse("n.md", text);
        let ctx = Context::for_note(&index, &note);
        let doc = Doc::new(&note, &ctx);
        let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        apply_edits(
            text,
            &set_list(&note, doc.as_ref(), key, &items, "test", "because"),
        )
        .expect("applies")
    }

    #[test]
    fn an_item_added_to_a_block_list_is_a_new_line_and_comments_stay_with_their_items() {
        assert_eq!(
            set(
                "---\naliases:\n  - Toby # the team\n  - T. F.\ntags: [a]\n---\n",
                "aliases",
                &["Toby", "T. F.", "Tobias Venn", "Tobi: F"]
            ),
            "---\naliases:\n  - Toby # the team\n  - T. F.\n  - Tobias Venn\n  - \"Tobi: F\"\ntags: [a]\n---\n"
        );
        assert_eq!(
            set(
                "---\naliases:\n- Toby # the team\n---\n",
                "aliases",
                &["Toby", "Tobi"]
            ),
            "---\naliases:\n- Toby # the team\n- Tobi\n---\n"
        );
    }

    #[test]
    fn rewrites_a_list_in_its_own_layout() {
        assert_eq!(
            set(
                "---\ntags: [a, needs-review, b]\n---\nbody\n",
                "tags",
                &["a", "b"]
            ),
            "---\ntags: [a, b]\n---\nbody\n"
        );
        assert_eq!(
            set(
                "---\ntags:\n  - a\n  - needs-review\ntitle: x # keep\n---\n",
                "tags",
                &["a"]
            ),
            "---\ntags:\n  - a\ntitle: x # keep\n---\n"
        );
        assert_eq!(
            set("---\naliases: Bob\n---\n", "aliases", &["Bob", "Bobby: B"]),
            "---\naliases: [Bob, \"Bobby: B\"]\n---\n"
        );
        assert_eq!(
            set("---\ntags: [a]\n---\n", "tags", &["a"]),
            "---\ntags: [a]\n---\n"
        );
    }

    #[test]
    fn a_list_yaml_split_at_a_thousands_comma_is_not_rewritten() {
        let text = "---\naliases: [Raised $100,000]\n---\n";
        assert_eq!(
            set(text, "aliases", &["Raised $100", "000", "Seed round"]),
            text
        );
    }

    #[test]
    fn adds_the_property_or_the_frontmatter_when_missing() {
        assert_eq!(
            set("---\r\ntitle: x\r\n---\r\nbody\r\n", "aliases", &["Nico"]),
            "---\r\ntitle: x\r\naliases: [Nico]\r\n---\r\nbody\r\n"
        );
        assert_eq!(
            set("# Title\n", "mentions", &["[[Niko Dukic]]"]),
            "---\nmentions: [\"[[Niko Dukic]]\"]\n---\n# Title\n"
        );
        let out = set("---\n---\nx\n", "tags", &["a"]);
        assert_eq!(out, "---\ntags: [a]\n---\nx\n");
    }

    #[test]
    fn what_it_writes_reads_back() {
        for items in [vec!["a -", "[[X]]", "#tag", "b: c"], vec![]] {
            let out = set("---\ntags: [z]\n---\n", "tags", &items);
            let note = Note::parse("n.md", &out);
            let fm = note.frontmatter.as_ref().expect("frontmatter");
            let root = yaml::parse(&out[fm.content.clone()]).expect("reads back");
            let got: Vec<&str> = root
                .get("tags")
                .and_then(|e| e.value.as_seq())
                .map(|s| s.iter().filter_map(|n| n.as_str()).collect())
                .unwrap_or_default();
            assert_eq!(got, items, "{out}");
        }
    }
}
