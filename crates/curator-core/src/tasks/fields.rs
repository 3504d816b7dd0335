//! Dataview inline fields in the Tasks plugin's Dataview format: `[due:: 2025-10-28]` or
//! `(due:: 2025-10-28)` at the end of a task's text, with the keys Tasks reads.

use super::signifiers::{
    id_list, is_date_shape, is_id_char, is_recurrence_char, on_completion, DateField, Field,
    Priority,
};
use crate::dates::Date;

/// Reads the Dataview inline field at the end of `text` (already trimmed at the end): a
/// `[key:: value]` or `(key:: value)` pair, optionally followed by a comma as Tasks allows.
/// Returns where the field's bracket starts and what it holds; unknown keys are not fields.
pub fn last_field(text: &str) -> Option<(usize, Field)> {
    let text = match text.strip_suffix(',') {
        Some(rest) => rest.trim_end_matches(' '),
        None => text,
    };
    let (open, inner) = if let Some(rest) = text.strip_suffix(']') {
        ('[', rest)
    } else {
        ('(', text.strip_suffix(')')?)
    };
    let start = inner.rfind(open)?;
    let (key, value) = inner.get(start + 1..)?.split_once("::")?;
    let key = key.trim_start_matches(' ');
    let value = value.trim_matches(' ');
    field(key, value).map(|f| (start, f))
}

fn field(key: &str, value: &str) -> Option<Field> {
    let date = |which| is_date_shape(value).then(|| Field::Date(which, Date::parse_iso(value)));
    match key {
        "priority" => Priority::from_name(value).map(Field::Priority),
        "due" => date(DateField::Due),
        "scheduled" => date(DateField::Scheduled),
        "start" => date(DateField::Start),
        "created" => date(DateField::Created),
        "completion" => date(DateField::Done),
        "cancelled" => date(DateField::Cancelled),
        "repeat" => (!value.is_empty() && value.chars().all(is_recurrence_char))
            .then(|| Field::Recurrence(value.to_string())),
        "onCompletion" => (!value.is_empty() && value.chars().all(|c| c.is_ascii_alphabetic()))
            .then(|| Field::OnCompletion(on_completion(value))),
        "id" => (!value.is_empty() && value.chars().all(is_id_char))
            .then(|| Field::Id(value.to_string())),
        "dependsOn" => id_list(value).map(Field::DependsOn),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bracketed_and_parenthesised_fields() {
        assert_eq!(
            last_field("Do it [priority:: high]"),
            Some((6, Field::Priority(Priority::High)))
        );
        assert_eq!(
            last_field("Do it (due:: 2025-10-28),"),
            Some((
                6,
                Field::Date(DateField::Due, Date::parse_iso("2025-10-28"))
            ))
        );
    }

    #[test]
    fn unknown_keys_and_mismatched_brackets_are_not_fields() {
        assert_eq!(last_field("Do it [owner:: Rob]"), None);
        assert_eq!(last_field("Do it [due:: 2025-10-28)"), None);
        assert_eq!(last_field("Do it [priority:: urgent]"), None);
        assert_eq!(last_field("Do it [Due:: 2025-10-28]"), None);
    }
}
