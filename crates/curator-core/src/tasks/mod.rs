//! Task extraction in the Obsidian Tasks emoji format and Dataview inline fields, with owners.
//!
//! A task is a list item (any marker, any nesting, in blockquotes and callouts) whose first line
//! starts with a one-character checkbox and, when the Tasks plugin has a global filter, contains
//! it ([`global_filter`]); task syntax in code or in an Obsidian `%%` comment is not a task. The
//! text after the checkbox is read as the Tasks plugin reads it ([`parse`]): block id, then fields
//! from the end of the line backwards. Mojibaked signifiers are read as what they were, through
//! [`crate::mojibake`]. Owners are `@handles`, wikilinks to person notes and owner fields,
//! `[owner:: [[Ana Lima]]]` ([`owners`]). A date that is not on the calendar stays in the text
//! and is raised for review ([`date_review`]).

mod fields;
mod global_filter;
pub mod owner_handles;
mod owners;
mod parse;
pub mod section;
mod signifiers;
mod status;

pub use owner_handles::handle_edits;
pub use signifiers::Priority;
pub use status::StatusType;

use crate::context::Context;
use crate::dates::Date;
use crate::entities::OwnerResolver;
use crate::hashtags;
use crate::mojibake;
use crate::note::{ListItem, Note};
use crate::review::{ReviewItem, ReviewReason};
use serde::Serialize;
use std::ops::Range;
use std::sync::Arc;

/// One task, with the field names of the CLI's JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Task {
    /// Vault-relative path (shared by the note's tasks, [`crate::shared`]).
    pub path: Arc<str>,
    /// 1-based line.
    pub line: usize,
    /// The checkbox character (` `, `x`, `X`, `/`, `-`, …).
    pub status: char,
    /// What the checkbox character means to the Tasks plugin.
    pub status_type: StatusType,
    /// The task's text without owners, tags, signifiers, fields and block id; whitespace
    /// collapsed, mojibake repaired.
    pub description: String,
    /// Person note titles of the owners; a handle naming no person note is kept as read
    /// (shared: the warm state keeps each name once).
    pub owners: Vec<Arc<str>>,
    /// `highest`, `high`, `medium`, `none`, `low` or `lowest`.
    pub priority: Priority,
    /// Due date (📅 📆 🗓, `due::`).
    pub due: Option<Date>,
    /// Scheduled date (⏳ ⌛, `scheduled::`).
    pub scheduled: Option<Date>,
    /// Start date (🛫, `start::`).
    pub start: Option<Date>,
    /// Created date (➕, `created::`).
    pub created: Option<Date>,
    /// Done date (✅, `completion::`).
    pub done: Option<Date>,
    /// Cancelled date (❌, `cancelled::`).
    pub cancelled: Option<Date>,
    /// Recurrence rule (🔁, `repeat::`), e.g. `every week on Monday when done`.
    pub recurrence: Option<Box<str>>,
    /// Tags without `#`, in line order.
    pub tags: Vec<String>,
    /// Task id (🆔, `id::`).
    pub id: Option<Box<str>>,
    /// Ids of the tasks this one depends on (⛔, `dependsOn::`).
    pub depends_on: Vec<String>,
    /// `keep` or `delete` (🏁, `onCompletion::`).
    pub on_completion: Option<Box<str>>,
    /// Text of the heading the task sits under.
    pub heading: Option<Box<str>>,
    /// Line of the nearest enclosing task, for subtasks.
    pub parent_line: Option<usize>,
    /// The block id without `^` (`abc123` for a trailing ` ^abc123`).
    pub block_id: Option<Box<str>>,
    /// Date fields that name no calendar day (their date above is `null`); left out of the
    /// JSON when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invalid_dates: Vec<InvalidDate>,
}

/// A date field the Tasks plugin reads but shows as "Invalid date": `YYYY-MM-DD` in shape, not a
/// day of the calendar (`📅 2022-02-29`, `[due:: 2023-12-32]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct InvalidDate {
    /// The task field it was meant for: `due`, `scheduled`, `start`, `created`, `done` or
    /// `cancelled`.
    pub field: String,
    /// The field as written, signifier included.
    pub text: String,
}

impl Task {
    /// True while the task is to do or in progress (what `--open` lists).
    pub fn is_open(&self) -> bool {
        self.status_type.is_open()
    }
}

/// Every task in the note (tasks in code or comments, and checklist items without the Tasks
/// plugin's global filter, are not tasks).
pub fn extract(note: &Note, ctx: &Context) -> Vec<Task> {
    let mut task_lines: Vec<Option<usize>> = Vec::with_capacity(note.list_items.len());
    let mut tasks = Vec::new();
    let resolver = OwnerResolver::new(note, ctx);
    let walked = owners::ListLabels::default();
    for item in &note.list_items {
        let parent_line = parent_task_line(note, item, &task_lines);
        let task = read_task(note, ctx, (&resolver, &walked), item, parent_line);
        task_lines.push(task.as_ref().map(|t| t.line));
        tasks.extend(task);
    }
    tasks
}

/// Review items for the note's task dates that are not on the calendar, one per field, naming
/// its line: the task keeps its text, and Tasks would show "Invalid date".
pub fn date_review(note: &Note, ctx: &Context) -> Vec<ReviewItem> {
    let mut review = Vec::new();
    for item in &note.list_items {
        let Some((_, body)) = filtered_task_body(note, ctx, item) else {
            continue;
        };
        for invalid in parse::parse(&task_text(note, &body).text).invalid_dates {
            review.push(ReviewItem::new(
                note.path,
                Some(note.line_of(item.line.start)),
                ReviewReason::InvalidDate,
                format!(
                    "`{}` is not a date: the Tasks plugin shows \"Invalid date\" for this task's {} date and date queries miss it; write a day that exists, as YYYY-MM-DD",
                    invalid.text, invalid.field
                ),
            ));
        }
    }
    review
}

/// The checkbox character and the span of the text after it, when `item` is a checklist item
/// Obsidian shows (not in code, not in a comment).
fn task_body(note: &Note, item: &ListItem) -> Option<(char, Range<usize>)> {
    let line = note.text.get(item.line.clone())?;
    let (status, offset) = status::checkbox(line)?;
    if note.in_code_or_comment(item.line.start) {
        return None;
    }
    Some((status, item.line.start + offset..item.line.end))
}

/// Like [`task_body`], for the checklist items the Tasks plugin's global filter makes tasks.
fn filtered_task_body(note: &Note, ctx: &Context, item: &ListItem) -> Option<(char, Range<usize>)> {
    let (status, body) = task_body(note, item)?;
    let text = note.text.get(body.clone())?;
    global_filter::admits(ctx.settings, text).then_some((status, body))
}

fn read_task(
    note: &Note,
    ctx: &Context,
    (resolver, walked): (&OwnerResolver, &owners::ListLabels),
    item: &ListItem,
    parent_line: Option<usize>,
) -> Option<Task> {
    let (status, body) = filtered_task_body(note, ctx, item)?;
    let status_type = StatusType::in_vault(status, &ctx.settings.tasks_statuses);
    if status_type == StatusType::NonTask {
        return None;
    }
    let TaskText { text, code } = task_text(note, &body);
    let parsed = parse::parse(&text);
    let free = text.get(..parsed.free_len).unwrap_or("");
    let handles = owners::handles_in((note, free), &code, resolver, ctx);
    let free_tags: Vec<Range<usize>> = hashtags::find(free)
        .into_iter()
        .filter(|t| !code.iter().any(|c| c.contains(&t.start)))
        .collect();
    let mut removed: Vec<Range<usize>> = free_tags.clone();
    removed.extend(global_filter::hidden_spans(ctx.settings, free));
    // Comments are hidden where the task is read: what follows a handle there is no sentence.
    let comments = code
        .iter()
        .filter(|c| text.get(c.start..).is_some_and(|t| t.starts_with("%%")));
    let hidden: Vec<Range<usize>> = removed.iter().chain(comments).cloned().collect();
    let (gone, at_signs) = handle_spans(free, handles.iter().map(|h| h.span.clone()), hidden);
    let gone_first =
        (gone.iter()).any(|g| free.get(..g.start).is_some_and(|b| b.trim().is_empty()));
    removed.extend(gone);
    let linked = owners::linked_people(note, &body, resolver, ctx);
    let fields = owners::field_owners(&text, &code, resolver, ctx);
    let written = owners::written_owner(
        (note, free, item.line.start),
        &code,
        (resolver, walked),
        ctx,
    );
    let mut owners: Vec<Arc<str>> = Vec::new();
    for name in handles
        .into_iter()
        .map(|h| h.name)
        .chain(linked)
        .chain(fields)
        .chain(written)
    {
        if !owners.iter().any(|o| **o == *name) {
            owners.push(name.into());
        }
    }
    let mut tag_names: Vec<String> = Vec::new();
    for span in free_tags.iter().chain(&parsed.trailing_tags) {
        let tag = text.get(span.clone()).unwrap_or("");
        if global_filter::is_filter_tag(ctx.settings, tag) {
            continue;
        }
        let name = tag.get(1..).unwrap_or("").to_string();
        if !tag_names.contains(&name) {
            tag_names.push(name);
        }
    }
    Some(Task {
        path: note.path.into(),
        line: note.line_of(item.line.start),
        status,
        status_type,
        // What separated a label of handles from the work goes with it (`@Remy : retirer…`).
        description: match (gone_first, without(free, removed, &at_signs)) {
            (true, d) => d
                .trim_start_matches([':', ',', '+', '&', '-', '–', '—', ' '])
                .to_string(),
            (false, d) => d,
        },
        owners,
        priority: parsed.priority,
        due: parsed.due,
        scheduled: parsed.scheduled,
        start: parsed.start,
        created: parsed.created,
        done: parsed.done,
        cancelled: parsed.cancelled,
        recurrence: parsed.recurrence.map(Into::into),
        tags: tag_names,
        id: parsed.id.map(Into::into),
        depends_on: parsed.depends_on,
        on_completion: parsed.on_completion.map(Into::into),
        heading: item
            .heading
            .and_then(|h| note.headings.get(h))
            .map(|h| h.text.as_str().into()),
        parent_line,
        block_id: parsed.block_id.map(Into::into),
        invalid_dates: parsed.invalid_dates,
    })
}

/// The line of the nearest enclosing list item that is a task.
fn parent_task_line(note: &Note, item: &ListItem, task_lines: &[Option<usize>]) -> Option<usize> {
    let mut parent = item.parent;
    while let Some(i) = parent {
        if let Some(line) = task_lines.get(i).copied().flatten() {
            return Some(line);
        }
        parent = note.list_items.get(i)?.parent;
    }
    None
}

/// A task's text after the checkbox, mojibake repaired outside code and comments, with the spans
/// of its code and comments (kept as written).
struct TaskText {
    text: String,
    code: Vec<Range<usize>>,
}

fn task_text(note: &Note, body: &Range<usize>) -> TaskText {
    let mut out = TaskText {
        text: String::with_capacity(body.len()),
        code: Vec::new(),
    };
    let mut pos = body.start;
    while pos < body.end {
        let Some(span) = next_verbatim(note, pos).filter(|s| s.start < body.end) else {
            break;
        };
        let start = span.start.max(pos);
        let end = span.end.min(body.end);
        push_repaired(&mut out.text, note.text.get(pos..start).unwrap_or(""));
        let at = out.text.len();
        out.text.push_str(note.text.get(start..end).unwrap_or(""));
        out.code.push(at..out.text.len());
        pos = end;
    }
    push_repaired(&mut out.text, note.text.get(pos..body.end).unwrap_or(""));
    out
}

/// The first span of code or comment that ends after `pos`.
fn next_verbatim<'n>(note: &'n Note, pos: usize) -> Option<&'n Range<usize>> {
    let code = note
        .code
        .get(note.code.partition_point(|c| c.span.end <= pos))
        .map(|c| &c.span);
    let comment = note
        .comments
        .get(note.comments.partition_point(|c| c.end <= pos));
    match (code, comment) {
        (Some(a), Some(b)) => Some(if a.start <= b.start { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn push_repaired(out: &mut String, text: &str) {
    match mojibake::repair(text) {
        Some(repaired) => out.push_str(&repaired),
        None => out.push_str(text),
    }
}

/// What of each owner handle of `handles` (spans of `free`, the task's free text) leaves its
/// description, given the spans `gone` already (removed or hidden): a handle opening or ending
/// it is a label and goes whole (`@Niko Review the doc`, `Send the deck @Ana`); one inside the
/// sentence keeps its name and loses its `@` (`Please @Rob Benoit review the budget` keeps Rob Benoit;
/// `(set up by @Ana).` keeps Ana too). Returns the handles that go whole and the
/// offsets of the `@`s that go alone.
fn handle_spans(
    free: &str,
    handles: impl Iterator<Item = Range<usize>>,
    mut gone: Vec<Range<usize>>,
) -> (Vec<Range<usize>>, Vec<usize>) {
    let (mut whole, mut at_signs) = (Vec::new(), Vec::new());
    let mut handles: Vec<Range<usize>> = handles.collect();
    handles.sort_by_key(|h| h.start);
    // The handles that open the text, listed together as one label (`@Remy, @Diego: …`,
    // `@Remy + @Diego`).
    let mut opening = Vec::new();
    let mut from = 0;
    for h in &handles {
        let gap = free.get(from..h.start).unwrap_or("x");
        if !gap
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, ',' | '+' | '&'))
        {
            break;
        }
        opening.push(h.start);
        from = h.end;
    }
    handles.reverse();
    for span in handles {
        // Whether anything but whitespace and what goes anyway follows the handle.
        let mut at = span.end;
        let mut more = false;
        while let Some(c) = free.get(at..).and_then(|rest| rest.chars().next()) {
            if let Some(g) = gone.iter().find(|g| g.start <= at && at < g.end) {
                at = g.end;
            } else if c.is_whitespace() {
                at += c.len_utf8();
            } else {
                more = true;
                break;
            }
        }
        let opens = opening.contains(&span.start);
        if more && !opens {
            at_signs.push(span.start);
        } else {
            gone.push(span.clone());
            whole.push(span);
        }
    }
    (whole, at_signs)
}

/// `text` without the `removed` spans (each leaving a space) and the one-byte `@`s at
/// `at_signs` (leaving nothing), whitespace collapsed.
fn without(text: &str, removed: Vec<Range<usize>>, at_signs: &[usize]) -> String {
    let mut cuts: Vec<(Range<usize>, &str)> = removed.into_iter().map(|r| (r, " ")).collect();
    cuts.extend(at_signs.iter().map(|&at| (at..at + 1, "")));
    cuts.sort_by_key(|(r, _)| r.start);
    let mut kept = String::with_capacity(text.len());
    let mut pos = 0;
    for (span, leaves) in cuts {
        if span.start >= pos {
            kept.push_str(text.get(pos..span.start).unwrap_or(""));
            kept.push_str(leaves);
            pos = span.end;
        }
    }
    kept.push_str(text.get(pos..).unwrap_or(""));
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}
