//! Errors the engine returns as values; a note that errors is left untouched.

use serde::Serialize;
use std::fmt;

/// A problem with one note that stops the engine from editing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct NoteError {
    /// Vault-relative path of the note.
    pub path: String,
    /// 1-based line of the problem, when known.
    pub line: Option<usize>,
    /// What is wrong and how to fix it, in words.
    pub message: String,
}

impl NoteError {
    /// Creates an error for `path` at `line`.
    pub fn new(path: &str, line: Option<usize>, message: impl Into<String>) -> Self {
        NoteError {
            path: path.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for NoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for NoteError {}
