//! Unfilled template placeholders, filled from the note itself.
//!
//! Templates leave `{{DATE}}`, `{{date:YYYY-MM-DD}}`, `"{{title}}"` or `{ { DATE } }` behind.
//! The unquoted forms are valid YAML — nested flow mappings — so they are recognised from the
//! tree's shape as well as from the text. A date comes from the body's `**Date:**` line, else a
//! date in the file name; a title from the file name; participants from the `**Participants:**`
//! line, else the `**Attendees:**` line: a name that resolves with confidence to a person or
//! organisation note is written as a link to it (`[[Niko Dukic]]`, so backlinks and
//! `last_contact` see the meeting), any other as the line writes it. A name resolved only by
//! inexact evidence (`auto`) is linked only while the `entity_links` rule may correct names, and
//! a given name alone never is. When nothing trustworthy is derivable the value
//! stays and a review item names the key and line.

use super::doc::{Doc, Findings, Property};
use super::emit::{self, requote, scalar, Layout, Place};
use crate::dates::Date;
use crate::entities::{self, Decision, Resolved};
use crate::index::{
    labelled_line, marked_not_there, names_several_people, participant_entries, participant_name,
    split_outside_brackets, who_met_line,
};
use crate::names::particles::is_particle;
use crate::note::LinkKind;
use crate::review::{ReviewItem, ReviewReason};
use crate::rule::Rule;
use crate::yaml::{Entry, Node, NodeKind, Quoting};
use std::ops::Range;

/// The `placeholders` rule.
pub const RULE: Rule = Rule {
    name: "placeholders",
    key: "placeholders",
    default_on: true,
    title: "Fill template placeholders",
    description:
        "Replace unfilled placeholders such as a date placeholder with the value found in the note.",
};

/// What follows a name after a comma (`Ruth Rose, Jr.`), in lowercase: no person of its own.
const NAME_SUFFIXES: &[&str] = &[
    "jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md", "m.d.", "esq", "esq.",
];

/// Why the participants line `value`, read as `entries`, cannot be split at its commas: where
/// semicolons part the entries, one holding a comma is a name written surname first, as mail
/// clients list people (`McCarthy, Niamh; Rose, Ruth`), or a name with a role or a place (`Ada
/// Lovett, CTO; Bo Chen, PM`); and two entries in turn that are a person's surname and given
/// name (`Al Mansouri, Khalid`, of Khalid Al Mansouri) are that person written surname first.
/// Split, either would list more people than there are, none of them named. The message names
/// the line by its `label`.
fn surname_first(doc: &Doc, label: &str, value: &str, entries: &[&str]) -> Option<String> {
    let parts = split_outside_brackets(value, &[';']);
    let with_comma = (parts.len() > 1)
        .then(|| {
            (parts.iter().map(|(_, part)| part.trim()))
                .find(|part| split_outside_brackets(part, &[',']).len() > 1)
        })
        .flatten();
    if let Some(entry) = with_comma {
        return Some(format!(
            "the **{label}:** line parts its entries with semicolons, and `{entry}` holds a \
             comma (a name written surname first, or with a role): split at its commas, it \
             would read as two people"
        ));
    }
    let reversed = entries.windows(2).find_map(|pair| {
        let (surname, given) = (pair[0], pair[1]);
        let plain = |s: &str| !s.is_empty() && !s.contains(['[', '@', '(', '{']);
        (plain(surname) && plain(given))
            .then(|| format!("{given} {surname}"))
            .filter(|name| {
                doc.ctx
                    .index
                    .entity_named(name)
                    .is_some_and(|e| e.kind == crate::index::NoteKind::Person)
            })
            .map(|_| format!("{surname}, {given}"))
    })?;
    Some(format!(
        "the **{label}:** line writes `{reversed}` surname first: split at its commas, it would \
         read as two people"
    ))
}

/// Why `entry` of the line labelled `label` is no one the participants property could list as
/// there: `Yuki Tanaka (absent)` and `~~Anja~~` were not there; `someone from finance` and `bell
/// hooks` are lowercase words no name is read from, and `Joaquín Etxeberria | Acme Corp` a
/// guest's label as a call shows it, both of whom the fill would leave out; and `Jr.` belongs to
/// the name before it.
fn unreadable_entry(label: &str, entry: &str) -> Option<String> {
    let why = if marked_not_there(entry) {
        "is marked as not there"
    } else if participant_name(entry).is_none()
        && entry.chars().any(char::is_alphabetic)
        && !entry.contains(['@', '[', '{'])
        && !entry.chars().any(char::is_uppercase)
    {
        "names no one the property could list"
    } else if entry.contains('|') && !entry.starts_with("[[") {
        "is a label, not one person's name"
    } else if NAME_SUFFIXES.contains(&entry.to_lowercase().as_str()) {
        "belongs to the name before it"
    } else {
        return None;
    };
    Some(format!("the **{label}:** line's `{entry}` {why}"))
}

/// What a **Participants:** line writes for people not known yet: no one's name.
const NOBODY_YET: &[&str] = &["n/a", "none", "tba", "tbc", "tbd", "unknown"];

/// True when `name`, written for a participant no note names, reads as a person's name: words
/// with a letter and without digits, brackets or symbols, each capitalised, a particle or short (`van`, `'t`,
/// `wa`) or with a capital inside (`d'Arcy`), and not one word in capitals (`CISO`) unless a
/// given name the name tables know (`JOHN`) or one no acronym is written as (`O'NEIL`), nor a
/// group, a role or a session (`Development Team`, `Guest`, [`entities::review::describes_no_one`]).
fn reads_as_a_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let lettered =
        |w: &str| !w.contains(|c: char| c.is_numeric() || "[](){};/\\|<>#*=+".contains(c));
    // A script without case (`王伟`, `김민준`) writes every name as it is.
    let capitalised = |w: &str| w.chars().next().is_some_and(|c| !c.is_lowercase());
    let shouted = |w: &str| {
        w.chars().filter(|c| c.is_uppercase()).count() > 1 && !w.chars().any(char::is_lowercase)
    };
    // A particle joined to the name it opens (`al-Farsi`, `d'Almeida`, `d'Arcy`).
    let joined = |w: &str| w.chars().any(char::is_uppercase) || w.chars().count() <= 3;
    let acronym = words.len() == 1 && shouted(name) && name.chars().all(char::is_alphabetic) && {
        let key = crate::names::normalize::word_key(name);
        key.is_none_or(|key| crate::names::nicknames::id(&key).is_none())
    };
    name.contains(char::is_alphabetic)
        && words
            .iter()
            .all(|w| lettered(w) && (capitalised(w) || is_particle(w) || joined(w)))
        && !acronym
        && !entities::review::describes_no_one(name)
}

/// What a placeholder stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Date,
    Title,
    Participants,
}

impl Kind {
    /// The kind a placeholder word names (`DATE`, `title`, `participants`, …).
    fn of_word(word: &str) -> Option<Kind> {
        match word.to_lowercase().as_str() {
            "date" | "today" | "created" => Some(Kind::Date),
            "title" | "filename" | "name" => Some(Kind::Title),
            "participants" | "attendees" => Some(Kind::Participants),
            _ => None,
        }
    }

    /// The kind a property key holds.
    fn of_key(doc: &Doc, key: &str) -> Option<Kind> {
        match key {
            "title" => Some(Kind::Title),
            "participants" | "attendees" => Some(Kind::Participants),
            k if doc.ctx.settings.is_date_key(k) => Some(Kind::Date),
            _ => None,
        }
    }
}

/// The word of a placeholder whose text is the whole scalar: `{{date}}`, `{ { DATE } }`,
/// `{{date:YYYY-MM-DD}}`.
fn text_placeholder(s: &str) -> Option<&str> {
    let inner = crate::text::braced_variable(s)?;
    let (name, format) = inner.split_once(':').unwrap_or((inner, ""));
    if format.contains(['{', '}']) {
        return None;
    }
    word(name.trim())
}

/// The word of a placeholder that parsed as nested flow mappings: `{{DATE}}` is a mapping whose
/// only key is the mapping `{DATE}`; `{{date: fmt}}` has the value `fmt` inside.
fn structural_placeholder(node: &Node, depth: usize) -> Option<&str> {
    match &node.kind {
        NodeKind::Map {
            entries,
            flow: true,
        } if entries.len() == 1 => {
            let entry = entries.first()?;
            if entry.value.is_null() {
                structural_placeholder(&entry.key, depth + 1)
            } else if depth == 1 && entry.value.as_str().is_some() {
                word(entry.key.as_str()?)
            } else {
                None
            }
        }
        NodeKind::Scalar {
            value,
            quoting: Quoting::Plain,
        } if depth == 2 => word(value.split(':').next()?),
        _ => None,
    }
}

/// `s` when it is a placeholder word.
fn word(s: &str) -> Option<&str> {
    let mut chars = s.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    ok.then_some(s)
}

/// The format a placeholder's written text asks for after its word (`YYYY` of
/// `{{date:YYYY}}`, `gggg-[W]ww` of `"{{date: gggg-[W]ww}}"`); empty when it names none.
fn format_of(raw: &str) -> &str {
    let inner = raw.trim().trim_matches(['"', '\'']).trim();
    let inner = inner
        .trim_start_matches(['{', ' '])
        .trim_end_matches(['}', ' ']);
    inner
        .split_once(':')
        .map_or("", |(_, format)| format.trim())
}

/// The format of a day a date placeholder is filled in: the note's day, `YYYY-MM-DD`.
const DAY_FORMAT: &str = "YYYY-MM-DD";

/// The placeholder word a node holds, in either form.
fn placeholder(node: &Node) -> Option<&str> {
    match &node.kind {
        NodeKind::Scalar { value, .. } => text_placeholder(value),
        _ => structural_placeholder(node, 0),
    }
}

/// The placeholder node of a value: the value itself, or the only item of a list.
fn find(value: &Node) -> Option<(&Node, &str, bool)> {
    if let Some(w) = placeholder(value) {
        return Some((value, w, false));
    }
    match value.as_seq() {
        Some([item]) => placeholder(item).map(|w| (item, w, true)),
        _ => None,
    }
}

/// True when a scalar of the value still holds an unfilled template variable among other text:
/// one the core Templates plugin fills (`{{title}}`, `{{date}}`, `{{time}}`, with or without a
/// format) or one written in capitals as pipelines do (`{{MEETING_TITLE}}`). Braces that are
/// anything else — `{{ }}`, `{{from_number}}` in a title about some tool's syntax, anything in
/// backticks — are the note's own words, not a template left unfilled.
fn holds_placeholder_text(value: &Node) -> bool {
    let unfilled = |s: &str| {
        let mut rest = s;
        while let Some(open) = rest.find("{{") {
            let before = &rest[..open];
            let after = &rest[open + 2..];
            let Some(close) = after.find("}}") else {
                return false;
            };
            let inner = after[..close].trim();
            let name = inner.split(':').next().unwrap_or("").trim();
            let in_code = before.matches('`').count() % 2 == 1;
            let variable = matches!(name, "title" | "date" | "time")
                || (name.chars().any(|c| c.is_ascii_uppercase())
                    && !name.chars().any(|c| c.is_ascii_lowercase()));
            if !in_code && word(name).is_some() && variable {
                return true;
            }
            rest = &after[close + 2..];
        }
        false
    };
    match &value.kind {
        NodeKind::Scalar { value, .. } => unfilled(value),
        NodeKind::Seq { items, .. } => items.iter().filter_map(Node::as_str).any(unfilled),
        NodeKind::Map { .. } => false,
    }
}

/// The note's own date and where it was read.
fn note_date(doc: &Doc) -> Option<(Date, &'static str)> {
    labelled_line(doc.note, "Date")
        .and_then(|(_, v)| {
            Date::parse_loose(v)
                .ok()
                .or_else(|| Date::split_iso_datetime(v).map(|(d, _)| d))
        })
        .map(|d| (d, "the note's **Date:** line"))
        .or_else(|| Date::from_file_name(doc.note.path).map(|d| (d, "the date in the file name")))
}

/// Where and what to write for a participants placeholder: the names as items of the list the
/// placeholder sat in, else a new list in the settings' layout (flow by default). `None` when
/// the list's layout cannot be read.
fn participants_fill(
    doc: &Doc,
    entry: &Entry,
    node: &Node,
    in_list: bool,
    participants: &[String],
) -> Option<(Range<usize>, String)> {
    let value = &entry.value;
    let write = |layout: &Layout| -> Vec<String> {
        participants
            .iter()
            .map(|p| scalar(p, layout.place()))
            .collect()
    };
    if in_list {
        let layout = match value.kind {
            NodeKind::Seq { flow: true, .. } => Layout::Flow,
            _ => Layout::Block {
                indent: doc.indent_at(value.span.start)?.to_string(),
                line_ending: doc.note.line_ending(),
            },
        };
        return Some((node.span.clone(), layout.join(&write(&layout))));
    }
    match (doc.layout(None), doc.colon_to_value_end(entry)) {
        (layout @ Layout::Block { .. }, Some(span)) => {
            Some((span, layout.value_after_colon(&write(&layout))))
        }
        _ => Some((
            value.span.clone(),
            format!("[{}]", Layout::Flow.join(&write(&Layout::Flow))),
        )),
    }
}

/// How a participant written `name` on the line listing who met (its value at `line`) is
/// filled in: a link to the note it resolves to with confidence, a link as the line wrote it,
/// else the name itself.
fn participant(doc: &Doc, resolved: &[Resolved], line: &Range<usize>, name: &str) -> String {
    let links_may_correct = doc.ctx.enabled(&entities::edits::RULE);
    let entity = resolved
        .iter()
        .filter(|r| line.contains(&r.found.span.start) && r.found.name == name)
        .map(|r| &r.resolution)
        .find(|r| match r.decision {
            Decision::Exact | Decision::Alias => true,
            // A given name alone is filled as written: it may be anyone called so.
            Decision::Auto => {
                links_may_correct
                    && !(r.entity.as_ref()).is_some_and(|e| entities::edits::completes(name, e))
            }
            Decision::Review | Decision::Unknown => false,
        })
        .and_then(|r| r.entity.as_ref());
    let linked = doc
        .note
        .links
        .iter()
        .any(|l| l.kind == LinkKind::Wiki && line.contains(&l.span.start) && l.target == name);
    match entity {
        Some(e) if !e.title.contains(['[', ']', '|', '#']) => {
            format!("[[{}]]", doc.ctx.index.link_target(e))
        }
        _ if linked => format!("[[{name}]]"),
        _ => name.to_string(),
    }
}

/// Proposes fills for the placeholders in the frontmatter, or review items where none is safe.
/// `resolved` are the note's mentions, resolved: participants are linked by them.
///
/// A note holding placeholders nothing here can fill (`{{id}}`: no kind the rule knows, or text
/// around them) beside ones the rule could fill, or in several properties, is a template (some
/// script or plugin fills it), not a note with a leftover: none is filled, and one review item
/// says so. A placeholder of a
/// kind the rule knows that the note gives nothing to fill (`{{DATE}}` in a note without a
/// date) is a leftover, asked about on its own.
pub fn check(doc: &Doc, resolved: &[Resolved], out: &mut Findings) {
    let mut found = Findings::default();
    let mut unknown: Vec<(&str, Option<usize>)> = Vec::new();
    for prop in &doc.props {
        let before = found.review.len();
        if check_prop(doc, resolved, prop, &mut found) == Fill::Unknown {
            let line = found.review.get(before).and_then(|item| item.line);
            unknown.push((&prop.key, line));
        }
    }
    let keys = || {
        unknown
            .iter()
            .map(|(key, _)| *key)
            .collect::<Vec<_>>()
            .join("`, `")
    };
    match unknown.first() {
        Some((_, line)) if !found.edits.is_empty() => out.review.push(ReviewItem::new(
            doc.note.path,
            *line,
            ReviewReason::UnfilledPlaceholder,
            format!(
                "the note holds template placeholders nothing here can fill (`{}`) beside ones it could: it reads as a template, so none was filled; fill them in by hand if it is a note",
                keys()
            ),
        )),
        Some((_, line)) if unknown.len() > 1 => out.review.push(ReviewItem::new(
            doc.note.path,
            *line,
            ReviewReason::UnfilledPlaceholder,
            format!(
                "the note holds template placeholders nothing here can fill (`{}`): it reads as a template; fill them in by hand if it is a note",
                keys()
            ),
        )),
        _ => out.append(found),
    }
}

/// What [`check_prop`] made of a property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fill {
    /// No placeholder, a fill, or a placeholder of a kind the rule knows asked about.
    Known,
    /// A placeholder of no kind the rule knows, or inside other text: nothing here fills it.
    Unknown,
}

/// The fill or review item for one property's placeholder.
fn check_prop(doc: &Doc, resolved: &[Resolved], prop: &Property, out: &mut Findings) -> Fill {
    let value = &prop.entry.value;
    let Some((node, word, in_list)) = find(value) else {
        if holds_placeholder_text(value) {
            out.review.push(doc.review(
                value,
                ReviewReason::UnfilledPlaceholder,
                format!(
                    "`{}` still holds a template placeholder inside other text: fill it in by hand",
                    prop.key
                ),
            ));
            return Fill::Unknown;
        }
        return Fill::Known;
    };
    let unfilled = |why: &str| {
        doc.review(
            node,
            ReviewReason::UnfilledPlaceholder,
            format!(
                "`{}: {}` is an unfilled template placeholder and {why}: fill it in by hand",
                prop.key,
                doc.raw(value)
            ),
        )
    };
    let kind = match (Kind::of_word(word), Kind::of_key(doc, &prop.key)) {
        (Some(w), Some(k)) if w != k => {
            out.review
                .push(unfilled("its placeholder does not fit the key"));
            return Fill::Known;
        }
        // A date placeholder of another name (`{{yesterday}}`, `{{date-1d}}`) may ask for
        // another day than the note's.
        (None, Some(Kind::Date)) => {
            out.review
                .push(unfilled("it may ask for another day than the note's"));
            return Fill::Known;
        }
        (Some(k), _) | (None, Some(k)) => k,
        (None, None) => {
            out.review
                .push(unfilled("the note does not say what it should be"));
            return Fill::Unknown;
        }
    };
    let place = if in_list && matches!(value.kind, NodeKind::Seq { flow: true, .. }) {
        Place::Flow
    } else {
        Place::Block
    };
    let was = doc.raw(value);
    match kind {
        Kind::Date => {
            // `{{date:YYYY}}`, `{{date:gggg-[W]ww}}`, `{{date:YYYY-MM-DD HH:mm}}`: a year, a
            // week or a time, which the note's day written as a day is not.
            let format = format_of(doc.raw(node));
            if !format.is_empty() && format != DAY_FORMAT {
                out.review.push(unfilled(&format!(
                    "its format `{format}` asks for another value than the day, `{DAY_FORMAT}`"
                )));
                return Fill::Known;
            }
            let Some((date, source)) = note_date(doc) else {
                out.review.push(unfilled(
                    "the note has no **Date:** line and no date in its file name",
                ));
                return Fill::Known;
            };
            out.edits.push(doc.edit(
                node.span.clone(),
                emit::date(date, node.quoting()),
                RULE.name,
                format!("`{was}` → `{date}`: filled the template placeholder from {source}"),
            ));
        }
        Kind::Title => {
            let title = doc.note.title();
            out.edits.push(doc.edit(
                node.span.clone(),
                requote(title, node.quoting(), place),
                RULE.name,
                format!("`{was}` → `{title}`: filled the template placeholder from the file name"),
            ));
        }
        Kind::Participants => {
            let Some((label, line, names)) = who_met_line(doc.note) else {
                out.review.push(unfilled(
                    "the note has no line naming who met (**Participants:**, **Attendees:**, **Present:** or **Speakers:**)",
                ));
                return Fill::Known;
            };
            // `Ana Lima and Bo Chen`, `Ana & Bo`: two people in one entry, which the line does
            // not split; `TBD`: nobody yet. Filled, either would be one wrong participant.
            let unsplit = names.iter().find(|name| {
                names_several_people(name)
                    || NOBODY_YET.contains(&name.trim().to_lowercase().as_str())
            });
            if let Some(name) = unsplit {
                out.review.push(unfilled(&format!(
                    "the **{label}:** line's `{name}` is not one person's name"
                )));
                return Fill::Known;
            }
            // The line's entries, each read once below.
            let value = doc.note.text.get(line.clone()).unwrap_or("");
            let entries: Vec<&str> = (participant_entries(value).into_iter())
                .map(|(_, entry)| entry.trim())
                .collect();
            let unreadable = surname_first(doc, label, value, &entries).or_else(|| {
                entries
                    .iter()
                    .find_map(|entry| unreadable_entry(label, entry))
            });
            if let Some(why) = unreadable {
                out.review.push(unfilled(&why));
                return Fill::Known;
            }
            // Each entry in the line's order: a name filled in as `participant` writes it, an
            // invitation's bare address (`bengit@google.com`) as written, whom no name is read
            // from but the list would otherwise lose.
            let participants: Vec<String> = (entries.iter())
                .filter_map(|entry| match participant_name(entry) {
                    Some(name) => Some(participant(doc, resolved, &line, name)),
                    None => (entry.contains('@') && !entry.contains(char::is_whitespace))
                        .then(|| entry.to_string()),
                })
                .collect();
            // `See calendar invite`, `Engineering`, `CISO`, `Alice; Jones`, `Guest`: text no note
            // names that reads as no one's name, which the property would list as someone.
            // A name some person's note has as its title or an alias (`Host`) is theirs.
            let no_name = participants.iter().find(|p| {
                !p.starts_with("[[")
                    && !p.contains('@')
                    && !reads_as_a_name(p)
                    && doc.ctx.index.entity_named(p).is_none()
            });
            if let Some(entry) = no_name {
                out.review.push(unfilled(&format!(
                    "the **{label}:** line's `{entry}` reads as no one's name"
                )));
                return Fill::Known;
            }
            let reason = format!(
                "`{was}` → {}: filled the template placeholder from the note's **{label}:** line",
                participants.join(", ")
            );
            if let Some((span, written)) =
                participants_fill(doc, prop.entry, node, in_list, &participants)
            {
                out.edits.push(doc.edit(span, written, RULE.name, reason));
            }
        }
    }
    Fill::Known
}

#[cfg(test)]
mod text_placeholder_tests {
    use super::{holds_placeholder_text, text_placeholder};
    use crate::yaml::parse;

    fn in_text(value: &str) -> bool {
        let root = parse(&format!("v: {value}\n")).expect("YAML");
        holds_placeholder_text(&root.get("v").expect("v").value)
    }

    #[test]
    fn template_variables_inside_text_are_unfilled_braces_about_syntax_are_not() {
        for unfilled in [
            "\"Notes on {{title}}\"",
            "\"Sync {{date:YYYY-MM-DD}} with team\"",
            "\"{{MEETING_TITLE}} follow-up\"",
            "[a, \"x {{time}}\"]",
        ] {
            assert!(in_text(unfilled), "{unfilled}");
        }
        for words in [
            "\"n8n code nodes do not interpolate {{ }} in a body\"",
            "\"Retell `{{from_number}}` is not substituted\"",
            "\"use {{current_time_[tz]}} instead of a fixed date\"",
            "\"Handlebars {{#each items}} loops\"",
            "\"{{from_number}} in tool args\"",
        ] {
            assert!(!in_text(words), "{words}");
        }
    }

    #[test]
    fn reads_the_format_a_placeholder_asks_for() {
        use super::format_of;
        assert_eq!(format_of("{{date:YYYY}}"), "YYYY");
        assert_eq!(format_of("\"{{date: gggg-[W]ww}}\""), "gggg-[W]ww");
        assert_eq!(format_of("'{{DATE:YYYY-MM-DD HH:mm}}'"), "YYYY-MM-DD HH:mm");
        assert_eq!(format_of("{ { DATE } }"), "");
        assert_eq!(format_of("{{date}}"), "");
    }

    #[test]
    fn reads_placeholder_words_and_formats() {
        assert_eq!(text_placeholder("{{DATE}}"), Some("DATE"));
        assert_eq!(text_placeholder(" { { date } } "), Some("date"));
        assert_eq!(text_placeholder("{{date:YYYY-MM-DD}}"), Some("date"));
        assert_eq!(text_placeholder("{{ title }}"), Some("title"));
        assert_eq!(text_placeholder("{{a b}}"), None);
        assert_eq!(text_placeholder("{{date:{x}}}"), None);
        assert_eq!(text_placeholder("{DATE}"), None);
        assert_eq!(text_placeholder("{{1st}}"), None);
        assert_eq!(text_placeholder("x {{DATE}}"), None);
    }
}
