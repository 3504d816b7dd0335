//! Checkbox status characters and the status types the Tasks plugin gives them.

pub use crate::task_status::{checkbox, StatusType};

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
