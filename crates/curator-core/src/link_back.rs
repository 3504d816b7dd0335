//! "Someone new", linked from where they were mentioned: once a person's note is created, the
//! first plain mention of them in each note the decision is about becomes a link to it.
//!
//! Only the first mention in a note's body is linked (as people link a name once per note), and
//! only where a link reads as the same text: never in code, comments, the frontmatter, a
//! heading, an existing link, a URL, a task owner's `@handle` or a `#tag`, nor in a template or
//! excluded note. A note that already links the person is left as it is. The written form is
//! kept: `[[Title]]` when it is the title, `[[Title|written]]` otherwise (`\|` in a table row).
//! A note whose text no longer holds the name where the decision saw it has changed since: it
//! is skipped and named, never guessed at.

use crate::edit::Edit;
use crate::merge::NotePlan;
use crate::note::Note;
use crate::settings::Settings;
use crate::text::fold;
use crate::vault::Vault;

/// The rule name the link-back edits carry.
const RULE: &str = "review";

/// Where a decision saw a name: one note, the name as that note writes it, and its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Vault-relative path.
    pub path: String,
    /// The name as written there.
    pub written: String,
    /// The 1-based lines it was seen on (empty: somewhere in the note).
    pub lines: Vec<usize>,
}

/// What linking a new note back does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkBack {
    /// The notes to edit, in the order of their places, each with one edit.
    pub notes: Vec<NotePlan>,
    /// The notes left alone because they changed since the decision was made, with why.
    pub skipped: Vec<(String, String)>,
}

/// The places decision `group` is about, from the vault's review items: one per note, in the
/// vault's order, its lines in order.
pub fn places(vault: &mut Vault, group: &str) -> Vec<Place> {
    let mut out: Vec<Place> = Vec::new();
    let reports = vault.all_reports();
    let vault_items = vault.vault_review();
    let items = (reports.iter().flat_map(|r| r.review.iter())).chain(vault_items.iter());
    for item in items.filter(|i| &*i.group == group) {
        let Some(name) = &item.name else { continue };
        let at = match out.iter().position(|p| *p.path == *item.path) {
            Some(at) => at,
            None => {
                out.push(Place {
                    path: item.path.to_string(),
                    written: name.to_string(),
                    lines: Vec::new(),
                });
                out.len() - 1
            }
        };
        let lines = &mut out[at].lines;
        for line in item.line.into_iter().chain(item.also.iter().copied()) {
            let k = lines.partition_point(|l| *l < line);
            if lines.get(k) != Some(&line) {
                lines.insert(k, line);
            }
        }
    }
    out
}

/// The edits linking the note titled `title` from `places` (the notes in their order), reading
/// notes through `text`.
pub fn link_back<'t>(
    settings: &Settings,
    text: &dyn Fn(&str) -> Option<&'t str>,
    title: &str,
    places: &[Place],
) -> LinkBack {
    let mut out = LinkBack::default();
    for place in places {
        let path = place.path.as_str();
        if settings.is_ignored(path) || settings.is_template(path) {
            continue;
        }
        let Some(text) = text(path) else {
            out.skipped
                .push((path.to_string(), "no longer in the vault".to_string()));
            continue;
        };
        if settings.is_not_a_note(path, text) {
            continue;
        }
        if let Some(why) = changed(text, place) {
            out.skipped.push((path.to_string(), why));
            continue;
        }
        let note = Note::parse(path, text);
        let links_already = note
            .links
            .iter()
            .any(|l| fold(crate::note::title_of(&l.target)) == fold(title));
        if links_already {
            continue;
        }
        if let Some(edit) = first_mention(&note, &place.written, title) {
            out.notes.push(NotePlan {
                path: path.to_string(),
                edits: vec![edit],
            });
        }
    }
    out
}

/// Why `place`'s note has changed since the decision saw the name there, if it has: the name
/// is on none of its lines (nowhere in the note, for a place without lines).
fn changed(text: &str, place: &Place) -> Option<String> {
    let name = place.written.as_str();
    if place.lines.is_empty() {
        return (!text.contains(name))
            .then(|| format!("changed since the review: '{name}' is no longer written in it"));
    }
    let on = |line: usize| {
        text.lines()
            .nth(line.saturating_sub(1))
            .is_some_and(|l| l.contains(name))
    };
    (!place.lines.iter().any(|l| on(*l))).then(|| {
        let lines: Vec<String> = place.lines.iter().map(usize::to_string).collect();
        format!(
            "changed since the review: '{name}' is no longer on line {}",
            lines.join(", ")
        )
    })
}

/// The edit linking the first plain mention of `written` in `note`'s body to `title`.
fn first_mention(note: &Note, written: &str, title: &str) -> Option<Edit> {
    let text = note.text;
    let mut from = note.body_start;
    while let Some(found) = text.get(from..).and_then(|rest| rest.find(written)) {
        let start = from + found;
        let end = start + written.len();
        from = end;
        if !plain(note, start, end) {
            continue;
        }
        let sep = crate::wikilink::separator(text, start);
        let link = if written == title {
            format!("[[{title}]]")
        } else {
            format!("[[{title}{sep}{written}]]")
        };
        return Some(Edit::new(
            start,
            end,
            link,
            RULE,
            format!(
                "'{written}' is {title}, whose note was just created: the first mention links it"
            ),
        ));
    }
    None
}

/// True when `note.text[start..end]` is a whole name in prose a link can replace.
fn plain(note: &Note, start: usize, end: usize) -> bool {
    let text = note.text;
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    if word(before) || word(after) || matches!(before, Some('@' | '#' | '/' | '[' | '.')) {
        return false;
    }
    if matches!(after, Some(']')) {
        return false;
    }
    let inside = |r: &std::ops::Range<usize>| r.start < end && start < r.end;
    if note.in_code_or_comment(start)
        || note.code.iter().any(|c| inside(&c.span))
        || note.links.iter().any(|l| inside(&l.span))
        || note.definitions.iter().any(inside)
        || note.headings.iter().any(|h| inside(&h.span))
    {
        return false;
    }
    // A bare URL runs from its scheme to the next space.
    let line_start = text[..start]
        .rfind(['\n', ' ', '\t', '<', '('])
        .map_or(0, |i| i + 1);
    let token = &text[line_start..start];
    !(token.contains("://") || token.starts_with("www."))
}

#[cfg(test)]
mod tests;
