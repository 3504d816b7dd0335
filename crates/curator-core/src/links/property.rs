//! The opt-in `mention_links` rule: every meeting note keeps a frontmatter list property
//! (`mentions` unless the settings name another key) holding a quoted link, `"[[Niko Dukic]]"`,
//! to each person and organisation the note names with confidence anywhere — participants,
//! links, owners, credits, prose and transcripts. Obsidian (1.4 and later) counts links in
//! properties, so backlinks, the graph and Dataview's `file.outlinks` see every meeting a
//! person is named in, while the body is never rewritten.
//!
//! The property follows resolution and nothing else: a name accepted in review adds its link,
//! a rejected one drops it. Only links to person and organisation notes are the rule's own;
//! anything else the user keeps in the property stays, and links already there keep their
//! place and spelling. A meeting that names nobody with confidence gets no property.

use super::about::{about, Seen};
use crate::context::Context;
use crate::edit::Edit;
use crate::entities::mentions::PARTICIPANT_KEYS;
use crate::entities::{Decision, Resolved};
use crate::frontmatter::set_list::set_list;
use crate::frontmatter::Doc;
use crate::index::{link_target, NoteKind};
use crate::note::Note;
use crate::rule::Rule;
use crate::text::fold;

/// The `mention_links` rule.
pub const RULE: Rule = Rule {
    name: "mention_links",
    key: "mentionLinks",
    default_on: false,
    title: "Link mentioned people in a property",
    description: "In meeting notes, keep a list property of links to every person and organisation the note names with confidence, transcript included; the text is never changed.",
};

/// The rule name edits carry.
pub const EDIT_RULE: &str = "links.mentions";

/// The edits that make a meeting note's mentions property hold a link to each entity
/// `resolved` names with confidence (see the module doc); none for other notes.
pub fn check(note: &Note, doc: Option<&Doc>, resolved: &[Resolved], ctx: &Context) -> Vec<Edit> {
    let index = ctx.index;
    let key = index.settings().mentions_key.as_str();
    // The participants lists are read as mentions: a property written from them would feed
    // itself.
    if key.is_empty() || PARTICIPANT_KEYS.iter().any(|k| k.eq_ignore_ascii_case(key)) {
        return Vec::new();
    }
    if index.get(note.path).map(|n| n.kind) != Some(NoteKind::Meeting) {
        return Vec::new();
    }
    let wanted = mentioned(note, resolved);
    let current: Vec<String> = match doc.map(|d| d.prop(key)) {
        Some(Some(prop)) => prop
            .entry
            .value
            .strings()
            .into_iter()
            .map(str::to_string)
            .collect(),
        _ if wanted.is_empty() => return Vec::new(),
        _ => Vec::new(),
    };
    let mut items = Vec::with_capacity(wanted.len());
    let mut kept = Vec::new();
    for item in current {
        let target = fold(link_target(&item));
        let is_link = item.trim_start().starts_with("[[");
        if is_link && wanted.iter().any(|w| fold(w) == target) {
            kept.push(target);
        } else if is_link && is_entity(ctx, link_target(&item)) {
            continue;
        }
        items.push(item);
    }
    items.extend(
        wanted
            .iter()
            .filter(|w| !kept.contains(&fold(w)))
            .map(|w| format!("[[{w}]]")),
    );
    let reason = format!(
        "`{key}` links the people and organisations this meeting names with confidence: {}",
        if wanted.is_empty() {
            "none".to_string()
        } else {
            wanted.join(", ")
        }
    );
    set_list(note, doc, key, &items, EDIT_RULE, &reason)
}

/// The titles of the entities the meeting is about ([`about`]), from its confident mentions
/// (its own note left out).
fn mentioned(note: &Note, resolved: &[Resolved]) -> Vec<String> {
    let seen: Vec<Seen> = resolved
        .iter()
        .filter_map(|r| {
            let entity = r.resolution.entity.as_ref()?;
            let usable = r.resolution.decision.is_confident() && entity.path != note.path;
            usable.then_some(Seen {
                kind: r.found.kind,
                written: &r.found.text,
                title: &entity.title,
                as_named: matches!(r.resolution.decision, Decision::Exact | Decision::Alias),
                stands_alone: r.stands_alone(),
            })
        })
        .collect();
    about(&seen).into_iter().map(|a| a.title).collect()
}

/// True when `target` names a person or organisation note: a link the rule may drop.
fn is_entity(ctx: &Context, target: &str) -> bool {
    ctx.index
        .by_name(target)
        .any(|n| matches!(n.kind, NoteKind::Person | NoteKind::Org))
}
