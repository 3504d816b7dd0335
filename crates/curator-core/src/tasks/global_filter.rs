//! The Tasks plugin's global filter (`globalFilter` in its settings, e.g. `#task` or `TODO`,
//! [`Settings::tasks_global_filter`] here):
//! with one set, only checklist items whose text contains it are tasks.
//!
//! As in the Tasks plugin (`GlobalFilter.includedIn`), the filter is a case-sensitive substring
//! of the text after the checkbox, its block id left out: `#task` also admits `#task/work` and
//! `#tasks`, never `#Task`. A tag equal to the filter is not one of the task's tags, and with
//! `removeGlobalFilter` the filter is left out of the description where it stands as a word of
//! its own, as Tasks shows it.

use super::parse;
use crate::settings::Settings;
use std::ops::Range;

/// True when the text after a checkbox makes the item a task: there is no global filter, or the
/// text contains it.
pub fn admits(settings: &Settings, body: &str) -> bool {
    let filter = settings.tasks_global_filter.as_str();
    if filter.is_empty() {
        return true;
    }
    let body = body.trim();
    let text = parse::block_id(body).map_or(body, |(before, _)| before.trim_end());
    text.contains(filter)
}

/// True when `tag` (with its `#`) is the global filter, which Tasks never lists as a tag.
pub fn is_filter_tag(settings: &Settings, tag: &str) -> bool {
    !settings.tasks_global_filter.is_empty() && settings.tasks_global_filter == tag
}

/// Spans of `description` that Tasks hides with `removeGlobalFilter`: each occurrence of the
/// filter with the text's start or whitespace before it and its end or whitespace after it,
/// taken left to right as Tasks' regex takes them (whitespace after one occurrence is not
/// also whitespace before the next).
pub fn hidden_spans(settings: &Settings, description: &str) -> Vec<Range<usize>> {
    let filter = settings.tasks_global_filter.as_str();
    if !settings.tasks_remove_global_filter || filter.is_empty() {
        return Vec::new();
    }
    let mut spans = Vec::new();
    let mut taken = 0;
    for (at, _) in description.match_indices(filter) {
        let end = at + filter.len();
        let before = at == 0
            || description
                .get(taken..at)
                .is_some_and(|gap| gap.ends_with(char::is_whitespace));
        let after = description.get(end..).and_then(|rest| rest.chars().next());
        if before && after.is_none_or(char::is_whitespace) {
            spans.push(at..end);
            taken = end + after.map_or(0, char::len_utf8);
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(global_filter: &str, remove: bool) -> Settings {
        Settings {
            tasks_global_filter: global_filter.to_string(),
            tasks_remove_global_filter: remove,
            ..Settings::default()
        }
    }

    #[test]
    fn admits_text_containing_the_filter_case_sensitively() {
        let task = filter("#task", false);
        assert!(admits(&task, "#task take out the trash"));
        assert!(admits(&task, "take out the trash #task/home"));
        assert!(admits(&task, "call a#tasks"));
        assert!(!admits(&task, "#Task take out the trash"));
        assert!(!admits(&task, "plain checklist item"));
        assert!(!admits(&task, "item ^task1"));
        assert!(admits(&filter("", false), "anything"));
    }

    #[test]
    fn only_the_exact_tag_is_the_filter() {
        let task = filter("#task", false);
        assert!(is_filter_tag(&task, "#task"));
        assert!(!is_filter_tag(&task, "#task/home"));
        assert!(!is_filter_tag(&filter("", false), ""));
    }

    #[test]
    fn hides_whole_words_left_to_right() {
        let todo = filter("TODO", true);
        let spans = |text: &'static str| -> Vec<&'static str> {
            hidden_spans(&todo, text)
                .into_iter()
                .map(|r| &text[r])
                .collect()
        };
        assert_eq!(spans("TODO call Ann"), vec!["TODO"]);
        assert_eq!(spans("call Ann TODO"), vec!["TODO"]);
        assert_eq!(spans("call TODOs and XTODO"), Vec::<&str>::new());
        // Tasks' regex consumes the space after the first, so the second stays.
        assert_eq!(hidden_spans(&todo, "TODO TODO x"), vec![0..4]);
        assert!(hidden_spans(&filter("TODO", false), "TODO x").is_empty());
    }
}
