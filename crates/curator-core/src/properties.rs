//! What a note's properties say, read the same way by the index and the frontmatter rules:
//! the tags a `tags` value holds, and the property names the engine reads.

use crate::settings::Settings;
use crate::yaml::{Node, NodeKind};

/// Keys the rules read, besides the date keys and the declared property types.
const KNOWN_KEYS: &[&str] = &[
    "tags",
    "aliases",
    "cssclasses",
    "title",
    "type",
    "participants",
    "company",
    "last_contact",
];

/// Whether `lower`, a lowercase property name, is one the engine reads: the key-case rule
/// folds its case variants into it.
pub fn folds(settings: &Settings, lower: &str) -> bool {
    KNOWN_KEYS.contains(&lower)
        || settings.date_keys.iter().any(|k| k == lower)
        || settings.property_types.contains_key(lower)
}

/// The tags a tag string (`item` false) or one item of a tag list (`item` true) stands for, as
/// written, `#` stripped. A string is split on commas and blanks, as Obsidian reads it; an item
/// only on commas: `peter may` or `Agent Architecture` in a list is one tag as its owner wrote
/// it, not two. An item of several `#`-words (`#type/tool #status/wip`) is as many tags. A
/// number after `#` (`#32`, an issue's) is no tag in Obsidian with or without it: it keeps its
/// `#`, which says what it is.
pub fn written_tags(s: &str, item: bool) -> impl Iterator<Item = &str> {
    let blanks = !item || hashtag_words(s);
    s.split(move |c: char| c == ',' || (blanks && (c == ' ' || c == '\t')))
        .map(|t| {
            let t = t.trim();
            let bare = t.trim_start_matches('#');
            match !bare.is_empty() && bare.chars().all(|c| c.is_ascii_digit()) {
                true => t,
                false => bare,
            }
        })
        .filter(|t| !t.is_empty())
}

/// True when `s` is two or more words, each opening with `#`.
fn hashtag_words(s: &str) -> bool {
    let mut words = s.split([' ', '\t', ',']).filter(|w| !w.is_empty());
    words.clone().nth(1).is_some() && words.all(|w| w.starts_with('#'))
}

/// Every tag a `tags` value holds, as written (see [`written_tags`]).
pub fn tags_of(value: &Node) -> Vec<&str> {
    match &value.kind {
        NodeKind::Seq { items, .. } => items
            .iter()
            .filter_map(Node::as_str)
            .flat_map(|s| written_tags(s, true))
            .collect(),
        _ if value.is_null() => Vec::new(),
        _ => value
            .as_str()
            .map(|s| written_tags(s, false).collect())
            .unwrap_or_default(),
    }
}
