//! A person note's "Open tasks" section: plain Markdown, kept between two marker comments.
//!
//! A person note opts in by holding [`START_MARKER`] and [`END_MARKER`] (see [`crate::sections`]).
//! [`section_edit`] lists the open tasks the person owns across the vault
//! between them, as plain bullets (never checkboxes, so neither the Tasks plugin nor
//! [`super::extract`] counts them twice), and never touches a byte outside the markers.

use super::Task;
use crate::edit::Edit;
use crate::index::VaultIndex;
use crate::note::Note;
use crate::rule::Rule;
use crate::sections::{self, Markers};
use crate::text::fold;

/// The opt-in `open_tasks_section` rule (run over the whole vault, see [`crate::vault::Vault::section_edits`]).
pub const RULE: Rule = Rule {
    name: "open_tasks_section",
    key: "openTasksSection",
    default_on: false,
    title: "Keep open tasks sections",
    description: "In person notes holding the open-tasks marker comments, list the person's open tasks between them.",
};

/// The marker lines of the section.
pub const MARKERS: Markers = Markers {
    start: "<!-- curator:open-tasks -->",
    end: "<!-- /curator:open-tasks -->",
};
/// The line that opens the section.
pub const START_MARKER: &str = MARKERS.start;
/// The line that closes the section.
pub const END_MARKER: &str = MARKERS.end;
/// The rule name on the section's edit.
pub const EDIT_RULE: &str = "tasks.open_section";

/// The edit that brings the note's section up to date with `tasks` (every task of the vault), or
/// `None` when it already is, or when the note does not hold its markers (see [`crate::sections`]).
/// Each task links to its note as `index` writes it ([`VaultIndex::link_to`]).
pub fn section_edit(note: &Note, tasks: &[Task], index: &VaultIndex) -> Option<Edit> {
    sections::section_edit(
        note,
        MARKERS,
        || {
            let owned = owned_open_tasks(note.title(), tasks);
            render(&owned, note.line_ending(), index)
        },
        EDIT_RULE,
        "list the person's open tasks between the open-tasks markers",
    )
}

/// The open tasks `person` owns, soonest due first (undated last), then by path and line.
fn owned_open_tasks<'t>(person: &str, tasks: &'t [Task]) -> Vec<&'t Task> {
    let person = fold(person);
    let mut owned: Vec<&Task> = tasks
        .iter()
        .filter(|t| t.is_open() && t.owners.iter().any(|o| fold(o) == person))
        .collect();
    owned.sort_by(|a, b| {
        (a.due.is_none(), a.due, &a.path, a.line).cmp(&(b.due.is_none(), b.due, &b.path, b.line))
    });
    owned
}

/// One bullet a line: `- Send the plan — [[Meeting]] · due 2026-01-16 · high`.
fn render(tasks: &[&Task], line_ending: &str, index: &VaultIndex) -> String {
    if tasks.is_empty() {
        return format!("- No open tasks.{line_ending}");
    }
    let mut out = String::new();
    for task in tasks {
        out.push_str("- ");
        // A description that opens with `[` would turn the bullet into a checkbox.
        if task.description.starts_with('[') {
            out.push('\\');
        }
        out.push_str(&task.description);
        if !task.description.is_empty() {
            out.push_str(" — ");
        }
        out.push_str(&format!("[[{}]]", index.link_to(&task.path)));
        if let Some(due) = task.due {
            out.push_str(&format!(" · due {due}"));
        }
        if task.priority != super::Priority::None {
            out.push_str(&format!(" · {}", task.priority.name()));
        }
        out.push_str(line_ending);
    }
    out
}
