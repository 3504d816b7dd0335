//! Rewrites of structured mentions that resolved with confidence but are not written as the
//! note's title: a link target (`[[Rob Banga|Rob]]` → `[[Rob Benoit|Rob]]`), an owner handle
//! (`@Yazmin Ahmed` → `@Yasmin Ahmed`, camel stays camel), a frontmatter participant and a
//! plain-text credit (`(via Rob Banga)` → `(via Rob Benoit)`; a credit written as a link is a
//! link target). Prose and transcripts are never rewritten; exact names and aliases are
//! already right.

use super::mentions::Kind;
use super::{Decision, Resolved};
use crate::edit::Edit;
use crate::handles;
use crate::index::VaultIndex;
use crate::note::Note;
use crate::rule::Rule;
use crate::yaml::Quoting;

/// The `entity_links` rule.
pub const RULE: Rule = Rule {
    name: "entity_links",
    key: "entityLinks",
    default_on: true,
    title: "Correct misheard names",
    description:
        "Rewrite links, owners, participants and (via …) credits that resolve to a person note with confidence.",
};

/// The rule name edits carry.
pub const EDIT_RULE: &str = "entities.links";

/// Edits for the note's structured mentions decided `auto`.
pub fn rewrites(note: &Note, resolved: &[Resolved], index: &VaultIndex) -> Vec<Edit> {
    resolved
        .iter()
        .filter(|r| r.resolution.decision == Decision::Auto)
        .filter_map(|r| {
            let entity = r.resolution.entity.as_ref()?;
            let f = &r.found;
            let current = note.text.get(f.span.clone())?;
            let replacement = match f.kind {
                Kind::Wikilink => entity.title.clone(),
                // The same letters written another way name the same person: how a handle is
                // written is the opt-in `owner_handles` rule's to decide, never this one's.
                Kind::Owner if handles::compact(current) == handles::compact(&entity.title) => {
                    return None
                }
                Kind::Owner => match index.queried_handle(&entity.title) {
                    Some(queried) => queried.to_string(),
                    None if f.camel => handles::camel(&entity.title),
                    None => entity.title.clone(),
                },
                Kind::Participant if f.in_frontmatter && yaml_safe(&entity.title, f.quoting) => {
                    entity.title.clone()
                }
                // A credit names one person in plain text: the canonical name, still plain.
                Kind::Via if !entity.title.contains([')', '(', '\n']) => entity.title.clone(),
                _ => return None,
            };
            (current != replacement).then(|| {
                Edit::new(
                    f.span.start,
                    f.span.end,
                    replacement,
                    EDIT_RULE,
                    format!(
                        "'{current}' is {} ({})",
                        entity.title,
                        r.resolution.reasons.join("; ")
                    ),
                )
            })
        })
        .collect()
}

/// True when `title` can replace part of a scalar written with `quoting` and keep the YAML valid.
fn yaml_safe(title: &str, quoting: Option<Quoting>) -> bool {
    match quoting {
        Some(Quoting::Double) => !title.contains(['"', '\\']),
        Some(Quoting::Single) => !title.contains('\''),
        Some(Quoting::Plain) => {
            !title.contains([':', '#', ',', '[', ']', '{', '}', '"', '\''])
                && !title.starts_with(['-', '?', '!', '&', '*', '|', '>', '%', '@', '`'])
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_titles_that_would_break_yaml() {
        assert!(yaml_safe("Rob Benoit", Some(Quoting::Plain)));
        assert!(!yaml_safe("Re: Rob", Some(Quoting::Plain)));
        assert!(!yaml_safe("Margaret O'Connell", Some(Quoting::Single)));
        assert!(yaml_safe("Margaret O'Connell", Some(Quoting::Double)));
        assert!(!yaml_safe("Rob", Some(Quoting::Block)));
    }
}
