//! The Tasks emoji format: priority and field signifiers read from the end of a task's text.
//!
//! Each function here looks only at the very end of the text, as the Tasks plugin's regexes
//! (all anchored with `$`) do; [`super::parse`] calls them repeatedly, stripping one field at a
//! time, so fields come in any order. Every signifier takes an optional U+FE0F variation selector.

use crate::dates::Date;
use serde::Serialize;

/// A task's priority, ordered from most to least urgent (`None` sits between medium and low).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    /// 🔺
    Highest,
    /// ⏫
    High,
    /// 🔼
    Medium,
    /// No priority signifier.
    #[default]
    None,
    /// 🔽
    Low,
    /// ⏬
    Lowest,
}

impl Priority {
    /// The priority named `highest`, `high`, `medium`, `low` or `lowest` (Dataview `priority::`).
    pub fn from_name(name: &str) -> Option<Priority> {
        Some(match name {
            "highest" => Priority::Highest,
            "high" => Priority::High,
            "medium" => Priority::Medium,
            "low" => Priority::Low,
            "lowest" => Priority::Lowest,
            _ => return None,
        })
    }

    /// The priority's name, as [`Priority::from_name`] reads it and the JSON contract writes it.
    pub fn name(self) -> &'static str {
        match self {
            Priority::Highest => "highest",
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::None => "none",
            Priority::Low => "low",
            Priority::Lowest => "lowest",
        }
    }
}

/// Which of a task's dates a field sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateField {
    /// 📅 📆 🗓 / `due::`
    Due,
    /// ⏳ ⌛ / `scheduled::`
    Scheduled,
    /// 🛫 / `start::`
    Start,
    /// ➕ / `created::`
    Created,
    /// ✅ / `completion::`
    Done,
    /// ❌ / `cancelled::`
    Cancelled,
}

impl DateField {
    /// Every date field, in the order of the [`super::Task`] fields.
    pub const ALL: [DateField; 6] = [
        DateField::Due,
        DateField::Scheduled,
        DateField::Start,
        DateField::Created,
        DateField::Done,
        DateField::Cancelled,
    ];

    /// The name of the [`super::Task`] field the date fills (`due`, `done`, …).
    pub fn name(self) -> &'static str {
        match self {
            DateField::Due => "due",
            DateField::Scheduled => "scheduled",
            DateField::Start => "start",
            DateField::Created => "created",
            DateField::Done => "done",
            DateField::Cancelled => "cancelled",
        }
    }
}

/// One field read from the end of a task's text (emoji or Dataview form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// A priority signifier.
    Priority(Priority),
    /// A date; `None` when it has the `YYYY-MM-DD` shape but is not on the calendar.
    Date(DateField, Option<Date>),
    /// 🔁 recurrence rule text, e.g. `every week on Monday when done`.
    Recurrence(String),
    /// 🏁 `keep` or `delete` (`None` for any other word, which Tasks ignores).
    OnCompletion(Option<String>),
    /// 🆔 task id.
    Id(String),
    /// ⛔ ids of the tasks this one waits for.
    DependsOn(Vec<String>),
}

const VARIATION_SELECTOR: char = '\u{FE0F}';

const PRIORITIES: &[(&str, Priority)] = &[
    ("🔺", Priority::Highest),
    ("⏫", Priority::High),
    ("🔼", Priority::Medium),
    ("🔽", Priority::Low),
    ("⏬", Priority::Lowest),
];

const DATES: &[(&[&str], DateField)] = &[
    (&["📅", "📆", "🗓"], DateField::Due),
    (&["⏳", "⌛"], DateField::Scheduled),
    (&["🛫"], DateField::Start),
    (&["➕"], DateField::Created),
    (&["✅"], DateField::Done),
    (&["❌"], DateField::Cancelled),
];

/// Reads the emoji-format field at the end of `text` (already trimmed at the end).
/// Returns where the field starts and what it holds.
pub fn last_field(text: &str) -> Option<(usize, Field)> {
    if let Some(found) = last_priority(text) {
        return Some(found);
    }
    for (symbols, which) in DATES {
        if let Some((start, value)) = valued(text, symbols, is_date_char) {
            if is_date_shape(value) {
                return Some((start, Field::Date(*which, Date::parse_iso(value))));
            }
        }
    }
    if let Some((start, value)) = valued(text, &["🔁"], is_recurrence_char) {
        return Some((start, Field::Recurrence(value.to_string())));
    }
    if let Some((start, value)) = valued(text, &["🏁"], |c| c.is_ascii_alphabetic()) {
        return Some((start, Field::OnCompletion(on_completion(value))));
    }
    if let Some((start, value)) = valued(text, &["🆔"], is_id_char) {
        return Some((start, Field::Id(value.to_string())));
    }
    if let Some((start, value)) = valued(text, &["⛔"], |c| is_id_char(c) || c == ',' || c == ' ')
    {
        if let Some(ids) = id_list(value) {
            return Some((start, Field::DependsOn(ids)));
        }
    }
    None
}

fn last_priority(text: &str) -> Option<(usize, Field)> {
    let text = text.strip_suffix(VARIATION_SELECTOR).unwrap_or(text);
    PRIORITIES.iter().find_map(|(symbol, priority)| {
        text.strip_suffix(symbol)
            .map(|rest| (rest.len(), Field::Priority(*priority)))
    })
}

/// A field written `symbol [FE0F] [spaces] value` at the end of `text`, where the value is the
/// longest run of `value_char`s ending the text. Returns the symbol's offset and the trimmed value.
fn valued<'t>(
    text: &'t str,
    symbols: &[&str],
    value_char: impl Fn(char) -> bool,
) -> Option<(usize, &'t str)> {
    let value_len: usize = text
        .chars()
        .rev()
        .take_while(|c| value_char(*c))
        .map(char::len_utf8)
        .sum();
    let value = text.get(text.len() - value_len..)?.trim_matches(' ');
    if value.is_empty() {
        return None;
    }
    let before = text.get(..text.len() - value_len)?.trim_end_matches(' ');
    let before = before.strip_suffix(VARIATION_SELECTOR).unwrap_or(before);
    symbols
        .iter()
        .find_map(|s| before.strip_suffix(s))
        .map(|rest| (rest.len(), value))
}

fn is_date_char(c: char) -> bool {
    c.is_ascii_digit() || c == '-'
}

/// True for `dddd-dd-dd`, the shape Tasks' date regexes accept.
pub fn is_date_shape(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// The characters of a recurrence rule: `[a-zA-Z0-9, !]`.
pub fn is_recurrence_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == ',' || c == ' ' || c == '!'
}

/// The characters of a task id: `[a-zA-Z0-9-_]`.
pub fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// `keep` or `delete`, case-insensitive; other words are ignored as Tasks ignores them.
pub fn on_completion(value: &str) -> Option<String> {
    let v = value.trim().to_ascii_lowercase();
    matches!(v.as_str(), "keep" | "delete").then_some(v)
}

/// A comma-separated list of ids (`a1, b2`), or `None` when any part is not an id.
pub fn id_list(value: &str) -> Option<Vec<String>> {
    let ids: Vec<String> = value.split(',').map(|s| s.trim().to_string()).collect();
    ids.iter()
        .all(|id| !id.is_empty() && id.chars().all(is_id_char))
        .then_some(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_last_field_only() {
        let (start, f) = last_field("Do it 📅 2025-10-28").unwrap();
        assert_eq!(start, "Do it ".len());
        assert_eq!(
            f,
            Field::Date(DateField::Due, Date::parse_iso("2025-10-28"))
        );
        assert_eq!(last_field("Do it 📅 2025-10-28 later"), None);
        assert_eq!(last_field("Do it"), None);
    }

    #[test]
    fn invalid_calendar_dates_are_fields_without_a_date() {
        assert_eq!(
            last_field("x ✅ 2025-02-30"),
            Some((2, Field::Date(DateField::Done, None)))
        );
        assert_eq!(last_field("x ✅ 2025-2-3"), None);
    }

    #[test]
    fn depends_on_needs_ids() {
        assert_eq!(
            last_field("x ⛔ a1, b_2"),
            Some((2, Field::DependsOn(vec!["a1".into(), "b_2".into()])))
        );
        assert_eq!(last_field("x ⛔ a1,,b2"), None);
    }
}
