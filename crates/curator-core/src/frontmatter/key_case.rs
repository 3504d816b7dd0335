//! Key-case variants: `Tags:`, `Created:`, `TYPE:` renamed to the canonical lowercase key.
//!
//! Only keys the engine knows are folded — Obsidian's own (`tags`, `aliases`, `cssclasses`),
//! those the rules read, the settings' date keys and the keys `.obsidian/types.json` declares —
//! so a user's own `Status:` is never touched. A variant is renamed only when the canonical key
//! is absent and it is the only variant; otherwise both stay and a review item says so.
//! Renaming edits just the key's bytes; the other rules read the renamed property under its
//! canonical key in the same pass.

use super::doc::{Doc, Findings};
use super::emit;
use crate::review::ReviewReason;
use crate::rule::Rule;
use crate::yaml::NodeKind;

/// The `key_case` rule.
pub const RULE: Rule = Rule {
    name: "key_case",
    key: "keyCase",
    default_on: true,
    title: "Merge key case variants",
    description: "Fold keys such as Tags into their canonical spelling.",
};

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

/// The canonical spelling of `key` when it is a case variant of a known key.
fn canonical<'s>(doc: &'s Doc, key: &str) -> Option<&'s str> {
    let settings = doc.ctx.settings;
    let lower = key.to_lowercase();
    KNOWN_KEYS
        .iter()
        .copied()
        .chain(settings.date_keys.iter().map(String::as_str))
        .chain(settings.property_types.keys().map(String::as_str))
        .find(|c| *c != key && *c == lower && *c == c.to_lowercase())
}

/// Proposes the renames (and updates the properties' effective keys) or raises conflicts.
pub fn check(doc: &mut Doc, out: &mut Findings) {
    let mut renames: Vec<(usize, String)> = Vec::new();
    for (i, prop) in doc.props.iter().enumerate() {
        let Some(canon) = canonical(doc, &prop.key) else {
            continue;
        };
        let key_node = &prop.entry.key;
        if doc.prop(canon).is_some() {
            out.review.push(doc.review(
                key_node,
                ReviewReason::KeyConflict,
                format!(
                    "`{}` and `{canon}` are both set: merge them by hand (the rules only read `{canon}`)",
                    prop.key
                ),
            ));
            continue;
        }
        let variants: Vec<&str> = doc
            .props
            .iter()
            .filter(|p| canonical(doc, &p.key) == Some(canon))
            .map(|p| p.key.as_str())
            .collect();
        if variants.len() > 1 {
            out.review.push(doc.review(
                key_node,
                ReviewReason::KeyConflict,
                format!(
                    "`{}` are all spellings of `{canon}`: keep one by hand",
                    variants.join("`, `")
                ),
            ));
            continue;
        }
        let NodeKind::Scalar { quoting, .. } = &key_node.kind else {
            continue;
        };
        let Some(written) = emit::key(canon, *quoting) else {
            continue;
        };
        out.edits.push(doc.edit(
            key_node.span.clone(),
            written,
            RULE.name,
            format!("`{}` → `{canon}`: property names are lowercase", prop.key),
        ));
        renames.push((i, canon.to_string()));
    }
    for (i, key) in renames {
        if let Some(p) = doc.props.get_mut(i) {
            p.key = key;
        }
    }
}
