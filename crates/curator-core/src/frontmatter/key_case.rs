//! Key-case variants: `Tags:`, `Created:`, `TYPE:` renamed to the canonical lowercase key.
//!
//! Only keys the engine knows are folded ([`crate::properties::folds`]) — Obsidian's own (`tags`, `aliases`,
//! `cssclasses`), those the rules read, the settings' date keys and the keys
//! `.obsidian/types.json` declares — so a user's own `Status:` is never touched. A variant is
//! renamed only when the canonical key is absent, it is the only variant, and the vault's
//! spelling of the key ([`vault_spelling`]) is lowercase: a vault whose notes all say `Created:`
//! keeps it (a template or a query may read it so), and a key a query or a plugin's binding of
//! the vault spells so (`sort Created desc`, `INPUT[text:Company]`) keeps it: lowercased, it
//! would no longer be found. Renaming edits just the key's bytes; the other rules read the
//! property under its canonical key in the same pass, renamed or not.

use super::doc::{Doc, Findings};
use super::emit;
use super::tags::vault_spelling;
use crate::properties::folds;
use crate::review::ReviewReason;
use crate::rule::Rule;
use crate::yaml::NodeKind;

/// The `key_case` rule.
pub const RULE: Rule = Rule {
    name: "key_case",
    key: "keyCase",
    default_on: true,
    title: "Merge key case variants",
    description: "Fold keys such as Tags into their lowercase spelling where the vault mostly writes them so.",
};

/// The canonical spelling of `key` when it is a case variant of a known key.
fn canonical(doc: &Doc, key: &str) -> Option<String> {
    let lower = key.to_lowercase();
    (lower != key && folds(doc.ctx.settings, &lower)).then_some(lower)
}

/// Proposes the renames (and updates the properties' effective keys) or raises conflicts.
pub fn check(doc: &mut Doc, out: &mut Findings) {
    let mut renames: Vec<(usize, String)> = Vec::new();
    for (i, prop) in doc.props.iter().enumerate() {
        let Some(canon) = canonical(doc, &prop.key) else {
            continue;
        };
        let canon = canon.as_str();
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
            .filter(|p| canonical(doc, &p.key).as_deref() == Some(canon))
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
        if vault_spelling(&prop.key, doc.ctx.index.key_spellings(canon)) != canon
            || doc.ctx.index.queries_key(&prop.key)
        {
            renames.push((i, canon.to_string()));
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
