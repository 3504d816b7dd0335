//! A person's `last_contact`, kept at the newest meeting that links to them.
//!
//! "Links" means a wikilink — in the meeting's body or frontmatter (`participants:
//! ["[[Name]]"]`). A name merely typed on a `**Participants:**` line or in a plain-text
//! `participants` list is not counted: it may be misheard, and it is not a link the vault shows.
//! Links `fix` itself writes count the same — a participants placeholder filled with links,
//! the `mentions` property of the opt-in `mention_links` rule — which is also who the meeting
//! is about to Obsidian's backlinks; `curator fix` fixes again the people notes such links
//! reach before it writes, so a second run changes nothing.
//!
//! A link is a mention written exactly, so every meeting counted here is one the meeting is
//! about ([`crate::links::about`]) and is listed in the person's meetings section; with mention
//! links on, every meeting about the person links them, and the two agree once fixed.
//!
//! Where two people's notes share a title, a link by the title alone may be either's: only a
//! link by the note's path counts. A meeting dated after today
//! ([`crate::settings::Settings::today`]) has not taken place. A meeting called off met no one,
//! and a person it links only as absent (`Apologies: [[Ana]]`), or leaves out of the attendees
//! it lists, was not met there ([`crate::index`]'s attendance): neither counts.
//!
//! The value only ever moves forward: a `last_contact` newer than every linking meeting was set
//! by someone who knows better (a call, an email) and stays. An empty `last_contact:` is filled;
//! a person note without the key does not get one — adding keys is the user's call.

use super::doc::{Doc, Findings};
use super::emit;
use crate::dates::Date;
use crate::index::NoteKind;
use crate::rule::Rule;
use crate::text::fold;
use crate::yaml::NodeKind;

/// The `last_contact` rule.
pub const RULE: Rule = Rule {
    name: "last_contact",
    key: "lastContact",
    default_on: true,
    title: "Update last contact",
    description: "Keep a person's last contact at the newest meeting that links to them.",
};

/// True when the link target `target` names the note at `path` (without `.md`) by its path:
/// whole, or its last folders and name (`Work/Mohammed Al-Farsi`).
fn links_path(target: &str, path: &str) -> bool {
    let (target, path) = (fold(target.trim_end_matches(".md")), fold(path));
    target.contains('/') && (path == target || path.ends_with(&format!("/{target}")))
}

/// Proposes moving `last_contact` forward to the newest linking meeting's date.
pub fn check(doc: &Doc, out: &mut Findings) {
    let Some(prop) = doc.prop("last_contact") else {
        return;
    };
    let index = doc.ctx.index;
    if index.get(doc.note.path).map(|n| n.kind) != Some(NoteKind::Person) {
        return;
    }
    let today = Date::parse_iso(&doc.ctx.settings.today);
    let name = crate::note::linked_name(doc.note.path);
    let title = fold(name);
    // Two people's notes of one title (`Work/Mohammed Al-Farsi`, `Family/Mohammed Al-Farsi`):
    // a link by the title alone may be either's, so only a link by this note's path counts.
    let shared = index
        .by_name(name)
        .filter(|n| n.kind == NoteKind::Person && fold(crate::note::linked_name(&n.path)) == title)
        .nth(1)
        .is_some();
    let own_path = doc.note.path.strip_suffix(".md").unwrap_or(doc.note.path);
    let Some((newest, meeting)) = index
        .backlinks(name)
        .filter(|n| {
            n.kind == NoteKind::Meeting
                && n.path != doc.note.path
                && n.wikilinks.contains(&title)
                && (!shared || n.links.iter().any(|l| links_path(l, own_path)))
                && !n.cancelled
                && !n.not_met.contains(&title)
        })
        .filter_map(|n| n.date.map(|d| (d, n.title.as_str())))
        .filter(|(d, _)| today.is_none_or(|today| *d <= today))
        .max()
    else {
        return;
    };
    let node = &prop.entry.value;
    let NodeKind::Scalar { value, quoting } = &node.kind else {
        return;
    };
    let current = if node.is_null() {
        None
    } else {
        match Date::parse_loose(value) {
            Ok(d) => Some(d),
            Err(_) => match Date::split_iso_datetime(value) {
                Some((d, _)) => Some(d),
                None => return,
            },
        }
    };
    if current.is_some_and(|c| c >= newest) {
        return;
    }
    let was = if node.is_null() {
        "empty".to_string()
    } else {
        format!("`{}`", doc.raw(node))
    };
    let (span, written) = if node.span.is_empty() {
        match doc.after_colon(prop.entry) {
            Some(at) => (at..at, format!(" {newest}")),
            None => return,
        }
    } else {
        (node.span.clone(), emit::date(newest, *quoting))
    };
    out.edits.push(doc.edit(
        span,
        written,
        RULE.name,
        format!(
            "{was} → `{newest}`: the newest meeting linking this person, `{meeting}`, is from {newest}"
        ),
    ));
}
