//! The status types the Tasks plugin gives checkbox symbols. Below the settings, which hold
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
