//! Dataview inline fields in the Tasks plugin's Dataview format: `[due:: 2025-10-28]` or
//! `(due:: 2025-10-28)` at the end of a task's text, with the keys Tasks reads.

use super::signifiers::{
    id_list, is_date_shape, is_id_char, is_recurrence_char, on_completion, DateField, Field,
    Priority,
};
use crate::dates::Date;
use std::ops::Range;

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

/// Every Dataview inline field written in brackets anywhere in `text`, outside the `skip`
/// spans (code): `[key:: value]` or `(key:: value)`, as (key, value), the value trimmed. A
/// value may hold links (`[owner:: [[Ana Lima]], [[Bo Chen]]]`); a field left open is none.
pub fn inline_fields<'t>(text: &'t str, skip: &[Range<usize>]) -> Vec<(&'t str, &'t str)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = text.get(at..).and_then(|t| t.find(['[', '('])) {
        let open = at + found;
        at = open + 1;
        if text.get(open..).is_some_and(|t| t.starts_with("[[")) {
            // A link, not a field: go on after it.
            at = text
                .get(open..)
                .and_then(|t| t.find("]]"))
                .map_or(at, |e| open + e + 2);
            continue;
        }
        if skip.iter().any(|s| s.contains(&open)) {
            continue;
        }
        let close = if text.as_bytes()[open] == b'[' {
            ']'
        } else {
            ')'
        };
        let Some((key, value, end)) = field_at(text, open + 1, close) else {
            continue;
        };
        out.push((key, value));
        at = end;
    }
    out
}

/// The field whose key starts at `from` and that `close` ends: its key, trimmed value and
/// the byte after `close`. A key is a few words (letters, digits, `_`, `-`, spaces); a link in
/// the value is skipped whole, so its brackets close nothing.
fn field_at(text: &str, from: usize, close: char) -> Option<(&str, &str, usize)> {
    let rest = text.get(from..)?;
    let colons = rest.find("::")?;
    let key = rest.get(..colons)?.trim();
    let key_chars = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ');
    if key.is_empty() || key.len() > 40 || !rest[..colons].chars().all(key_chars) {
        return None;
    }
    let value_start = colons + 2;
    let mut i = value_start;
    while let Some(c) = rest.get(i..).and_then(|t| t.chars().next()) {
        if rest[i..].starts_with("[[") {
            i += rest[i..].find("]]")? + 2;
            continue;
        }
        if c == close {
            let value = rest.get(value_start..i)?.trim();
            return Some((key, value, from + i + 1));
        }
        if c == '\n' {
            return None;
        }
        i += c.len_utf8();
    }
    None
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

    #[test]
    fn inline_fields_are_found_anywhere_outside_code_with_links_in_their_values() {
        let text = "Send [owner:: [[Ana Lima|Ana]], @Bo] the deck (due:: 2025-01-02) `[x:: y]` [[Z]] [open";
        let code = text.find('`').unwrap()..text.rfind('`').unwrap() + 1;
        assert_eq!(
            inline_fields(text, std::slice::from_ref(&code)),
            vec![("owner", "[[Ana Lima|Ana]], @Bo"), ("due", "2025-01-02")]
        );
        assert_eq!(
            inline_fields("[a b:: c] (no colons) [[L]] (k:: v", &[]),
            vec![("a b", "c")]
        );
    }
}
