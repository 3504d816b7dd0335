//! A person note's "Meetings" section: the meetings that are about the person ([`super::about`],
//! the notion the `mentions` property shares), newest first, kept between two marker comments
//! (see [`crate::sections`]).
//!
//! One bullet a meeting: `- [[2025-03-06 Weekly sync]] · 2025-03-06 — as "Nico"`, with the
//! forms the meeting misheard or misspelt the name in ([`About::written`]). A meeting counts when it names the
//! person with confidence in its body or links them in a property (its mentions property, or
//! any other, as a person's `last_contact` counts them). The section
//! follows resolution: an answer given in review adds or drops a meeting.

use super::about::{about, About, Seen};
use crate::dates::Date;
use crate::edit::Edit;
use crate::entities::mentions::Kind;
use crate::entities::{Decision, Mention};
use crate::index::{frontmatter_links, NoteKind, VaultIndex};
use crate::note::Note;
use crate::rule::Rule;
use crate::sections::{self, Markers};
use crate::text::fold;

/// The opt-in `meetings_section` rule (run over the whole vault, see
/// [`crate::vault::Vault::section_edits`]).
pub const RULE: Rule = Rule {
    name: "meetings_section",
    key: "meetingsSection",
    default_on: false,
    title: "Keep meetings sections",
    description: "In person notes holding the meetings marker comments, list the meetings that name the person with confidence between them, newest first.",
};

/// The marker lines of the section.
pub const MARKERS: Markers = Markers {
    start: "<!-- curator:meetings -->",
    end: "<!-- /curator:meetings -->",
};

/// The rule name on the section's edit.
pub const EDIT_RULE: &str = "links.meetings_section";

/// A meeting note and who it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// Vault-relative path.
    pub path: String,
    /// The meeting's date, when it has one.
    pub date: Option<Date>,
    /// The entities it is about.
    pub about: Vec<About>,
}

/// The meeting at `path` (`text`, with its resolved `mentions`) and who it is about; `None`
/// when the index does not count the note as a meeting.
pub fn meeting(
    index: &VaultIndex,
    path: &str,
    text: &str,
    mentions: &[Mention],
) -> Option<Meeting> {
    let summary = index.get(path).filter(|n| n.kind == NoteKind::Meeting)?;
    let note = Note::parse(path, text);
    let linked = property_links(&note, index);
    let seen: Vec<Seen> = mentions
        .iter()
        .filter(|m| m.decision.is_confident())
        .filter_map(|m| {
            Some(Seen {
                kind: m.kind,
                written: &m.text,
                title: m.resolved.as_deref()?,
                as_named: matches!(m.decision, Decision::Exact | Decision::Alias),
                stands_alone: m.stands_alone,
            })
        })
        .chain(linked.iter().map(|(written, title)| Seen {
            kind: Kind::Wikilink,
            written,
            title,
            as_named: true,
            stands_alone: false,
        }))
        .collect();
    Some(Meeting {
        path: path.to_string(),
        date: summary.date,
        about: about(&seen),
    })
}

/// The frontmatter links of the note (any property, the mentions property among them) that
/// name one person or organisation note by title or alias: `(target, title)`. They are the
/// links the index counts, so every meeting that moves a person's `last_contact` is one the
/// person's section lists.
fn property_links(note: &Note, index: &VaultIndex) -> Vec<(String, String)> {
    frontmatter_links(note)
        .filter_map(|target| {
            let entity = index
                .entity_named(target)
                .filter(|n| matches!(n.kind, NoteKind::Person | NoteKind::Org))?;
            Some((target.to_string(), entity.title.clone()))
        })
        .collect()
}

/// The edit that brings the person note's section up to date with `meetings` (every meeting of
/// the vault), or `None` when it already is or the note does not hold its markers. Each
/// meeting links to its note as `index` writes it ([`VaultIndex::link_to`]).
pub fn section_edit(note: &Note, meetings: &[Meeting], index: &VaultIndex) -> Option<Edit> {
    sections::section_edit(
        note,
        MARKERS,
        || {
            let person = crate::note::linked_name(note.path);
            render(person, meetings, note.line_ending(), index)
        },
        EDIT_RULE,
        "list the meetings that name this person between the meetings markers",
    )
}

/// One bullet per meeting about `person`, newest first (undated last, then by path).
fn render(person: &str, meetings: &[Meeting], line_ending: &str, index: &VaultIndex) -> String {
    let person = fold(person);
    let mut rows: Vec<(&Meeting, &About)> = meetings
        .iter()
        .filter_map(|m| Some((m, m.about.iter().find(|a| fold(&a.title) == person)?)))
        .collect();
    if rows.is_empty() {
        return format!("- No meetings name this person.{line_ending}");
    }
    rows.sort_by(|(a, _), (b, _)| {
        (a.date.is_none(), std::cmp::Reverse(a.date), &a.path).cmp(&(
            b.date.is_none(),
            std::cmp::Reverse(b.date),
            &b.path,
        ))
    });
    let mut out = String::new();
    for (meeting, about) in rows {
        out.push_str(&format!("- [[{}]]", index.link_to(&meeting.path)));
        if let Some(date) = meeting.date {
            out.push_str(&format!(" · {date}"));
        }
        if !about.written.is_empty() {
            let forms: Vec<String> = about.written.iter().map(|w| format!("\"{w}\"")).collect();
            out.push_str(&format!(" — as {}", forms.join(", ")));
        }
        out.push_str(line_ending);
    }
    out
}
