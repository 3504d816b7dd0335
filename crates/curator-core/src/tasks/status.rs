//! Checkbox status characters and the status types the Tasks plugin gives them.

pub use crate::task_status::StatusType;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_symbols_like_tasks_defaults() {
        assert_eq!(StatusType::of(' '), StatusType::Todo);
        assert_eq!(StatusType::of('x'), StatusType::Done);
        assert_eq!(StatusType::of('X'), StatusType::Done);
        assert_eq!(StatusType::of('/'), StatusType::InProgress);
        assert_eq!(StatusType::of('-'), StatusType::Cancelled);
        assert_eq!(StatusType::of('?'), StatusType::Todo);
        assert!(StatusType::InProgress.is_open());
        assert!(!StatusType::Cancelled.is_open());
    }

    #[test]
    fn reads_checkboxes_after_any_marker() {
        assert_eq!(checkbox("- [ ] a"), Some((' ', 5)));
        assert_eq!(checkbox("* [x] a"), Some(('x', 5)));
        assert_eq!(checkbox("+ [/]"), Some(('/', 5)));
        assert_eq!(checkbox("12. [-] a"), Some(('-', 7)));
        assert_eq!(checkbox("3) [?] a"), Some(('?', 6)));
        assert_eq!(checkbox("- [✓] a"), Some(('✓', 7)));
        assert_eq!(checkbox("  - [ ] a"), Some((' ', 7)));
        assert_eq!(checkbox("\t- [ ] a"), Some((' ', 6)));
    }

    #[test]
    fn rejects_non_checkboxes() {
        assert_eq!(checkbox("- ✅ Decision"), None);
        assert_eq!(checkbox("- [Meeting recording](https://x)"), None);
        assert_eq!(checkbox("- [x](https://x)"), None);
        assert_eq!(checkbox("-[ ] a"), None);
        assert_eq!(checkbox("- [] a"), None);
        assert_eq!(checkbox("a. [ ] a"), None);
        assert_eq!(checkbox(""), None);
    }
}
