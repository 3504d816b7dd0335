//! Reads a task's text the way the Tasks plugin does: the block id, then fields stripped one at
//! a time from the end of the line, in any order, until the text ends in something that is not
//! a field (tags among the fields are taken too). Fields before free text are free text.

use super::signifiers::{DateField, Field, Priority};
use super::{fields, signifiers, InvalidDate};
use crate::dates::Date;
use crate::hashtags;
use std::ops::Range;

/// The fields of one task's text, and where its free text ends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Priority (`None` when there is no signifier).
    pub priority: Priority,
    /// Due date.
    pub due: Option<Date>,
    /// Scheduled date.
    pub scheduled: Option<Date>,
    /// Start date.
    pub start: Option<Date>,
    /// Created date.
    pub created: Option<Date>,
    /// Done date.
    pub done: Option<Date>,
    /// Cancelled date.
    pub cancelled: Option<Date>,
    /// Recurrence rule text.
    pub recurrence: Option<String>,
    /// `keep` or `delete`.
    pub on_completion: Option<String>,
    /// Task id.
    pub id: Option<String>,
    /// Ids this task depends on.
    pub depends_on: Vec<String>,
    /// Date fields that name no calendar day, in [`DateField::ALL`] order (their date stays
    /// `None`).
    pub invalid_dates: Vec<InvalidDate>,
    /// Spans (with `#`) of the tags found among the trailing fields, in line order.
    pub trailing_tags: Vec<Range<usize>>,
    /// The block id (`abc123` for a trailing ` ^abc123`).
    pub block_id: Option<String>,
    /// Length of the free text: `text[..free_len]` holds the description, owners and tags.
    pub free_len: usize,
}

/// Parses the text after a task's checkbox.
pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut rest = text.trim_end();
    if let Some((before, id)) = block_id(rest) {
        parsed.block_id = Some(id.to_string());
        rest = before.trim_end();
    }
    // Each date field as written, for the ones that name no calendar day.
    let mut written = [""; DateField::ALL.len()];
    loop {
        if let Some((start, field)) =
            signifiers::last_field(rest).or_else(|| fields::last_field(rest))
        {
            if let Field::Date(which, _) = field {
                written[which as usize] = rest[start..].trim_end_matches([',', ' ']);
            }
            parsed.set(field);
            rest = rest[..start].trim_end();
        } else if let Some(hash) = hashtags::last(rest) {
            parsed.trailing_tags.insert(0, hash..rest.len());
            rest = rest[..hash].trim_end();
        } else {
            break;
        }
    }
    parsed.free_len = rest.len();
    for which in DateField::ALL {
        let text = written[which as usize];
        if !text.is_empty() && parsed.date(which).is_none() {
            parsed.invalid_dates.push(InvalidDate {
                field: which.name().to_string(),
                text: text.to_string(),
            });
        }
    }
    parsed
}

impl Parsed {
    /// Records a field. Fields are read right to left, so for a field written twice the
    /// leftmost wins, as in Tasks.
    fn set(&mut self, field: Field) {
        match field {
            Field::Priority(p) => self.priority = p,
            Field::Date(which, date) => *self.date(which) = date,
            Field::Recurrence(r) => self.recurrence = Some(r),
            Field::OnCompletion(v) => self.on_completion = v,
            Field::Id(id) => self.id = Some(id),
            Field::DependsOn(ids) => self.depends_on = ids,
        }
    }

    /// The date `which` sets.
    fn date(&mut self, which: DateField) -> &mut Option<Date> {
        match which {
            DateField::Due => &mut self.due,
            DateField::Scheduled => &mut self.scheduled,
            DateField::Start => &mut self.start,
            DateField::Created => &mut self.created,
            DateField::Done => &mut self.done,
            DateField::Cancelled => &mut self.cancelled,
        }
    }
}

/// A block id ending the text: whitespace, `^`, then `[A-Za-z0-9-]+`.
pub fn block_id(text: &str) -> Option<(&str, &str)> {
    let caret = text.rfind('^')?;
    let id = &text[caret + 1..];
    let before = &text[..caret];
    let valid = !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    (valid && before.ends_with(char::is_whitespace)).then_some((before, id))
}
