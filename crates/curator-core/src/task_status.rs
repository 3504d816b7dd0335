//! Task checkboxes and the status types the Tasks plugin gives their symbols. Below the settings, which hold
//! the types a vault's Tasks settings give (see [`crate::tasks`] for reading tasks).

use serde::Serialize;
use std::collections::BTreeMap;

/// What a checkbox character means, as the Tasks plugin reads it: its default statuses, or the
/// ones the vault's Tasks settings give (see [`StatusType::in_vault`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum StatusType {
    /// `[ ]` and every character Tasks does not know.
    Todo,
    /// `[x]` and `[X]`.
    Done,
    /// `[/]`.
    InProgress,
    /// Waiting on something (a custom status only).
    OnHold,
    /// `[-]`.
    Cancelled,
    /// A checkbox that is no task (a custom status only): not listed.
    NonTask,
}

impl StatusType {
    /// The type Tasks gives `symbol` by default: `x`/`X` done, `/` in progress, `-` cancelled,
    /// anything else (space, `?`, `>`, `!`, …) to do.
    pub fn of(symbol: char) -> StatusType {
        match symbol {
            'x' | 'X' => StatusType::Done,
            '/' => StatusType::InProgress,
            '-' => StatusType::Cancelled,
            _ => StatusType::Todo,
        }
    }

    /// The type of `symbol` where the vault's Tasks settings give types to symbols (`statuses`,
    /// from its core and custom statuses: `[d]` done, `[!]` cancelled), or else by default.
    pub fn in_vault(symbol: char, statuses: &BTreeMap<String, StatusType>) -> StatusType {
        statuses
            .get(symbol.encode_utf8(&mut [0; 4]) as &str)
            .copied()
            .unwrap_or_else(|| StatusType::of(symbol))
    }

    /// True for the types Tasks' `not done` filter matches (to do, in progress and on hold).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            StatusType::Todo | StatusType::InProgress | StatusType::OnHold
        )
    }
}
/// The checkbox at the start of a list item's first line: `- [x] `, `1. [/] `, `+ [ ]`
/// (after any indentation the list item's span starts with). Returns the status character and the byte offset (into `line`) where the task text starts.
///
/// As in Tasks, the box holds exactly one character and follows the list marker after at least
/// one space; as in Obsidian, whitespace (or the end of the line) must follow the box, so a link
/// bullet like `- [x](url)` is not a task.
pub fn checkbox(line: &str) -> Option<(char, usize)> {
    let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
    let marker = indent + list_marker_len(&line[indent..])?;
    let after_marker = &line[marker..];
    let gap = after_marker.len() - after_marker.trim_start_matches([' ', '\t']).len();
    if gap == 0 {
        return None;
    }
    let boxed = &after_marker[gap..];
    let inner = boxed.strip_prefix('[')?;
    let mut chars = inner.chars();
    let status = chars.next()?;
    let rest = chars.as_str().strip_prefix(']')?;
    if status == '\n'
        || status == '\r'
        || !(rest.is_empty() || rest.starts_with(char::is_whitespace))
    {
        return None;
    }
    Some((status, line.len() - rest.len()))
}

/// Length of a bullet (`-`, `*`, `+`) or ordered (`12.`, `3)`) list marker at the start of `line`.
fn list_marker_len(line: &str) -> Option<usize> {
    let first = line.as_bytes().first()?;
    if matches!(first, b'-' | b'*' | b'+') {
        return Some(1);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let delimiter = line.as_bytes().get(digits)?;
    (digits > 0 && matches!(delimiter, b'.' | b')')).then_some(digits + 1)
}
