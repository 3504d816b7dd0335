//! `#tags` written in text (a task's, a note's), read with the Tasks plugin's tag characters
//! and Obsidian's rule that a tag is not all digits (`#123` is an issue number, not a tag).

use std::ops::Range;

/// Characters that end a tag besides whitespace (the Tasks plugin's list).
const STOP: &str = "!@#$%^&*(),.?\":{}|<>";

fn is_tag_char(c: char) -> bool {
    !c.is_whitespace() && !STOP.contains(c)
}

fn is_tag_body(body: &str) -> bool {
    !body.is_empty() && !body.chars().all(|c| c.is_ascii_digit())
}

fn starts_word(text: &str, at: usize) -> bool {
    text.get(..at)
        .is_some_and(|before| before.chars().next_back().is_none_or(char::is_whitespace))
}

/// Spans (with the `#`) of every tag in `text` that starts the text or follows whitespace.
pub fn find(text: &str) -> Vec<Range<usize>> {
    text.match_indices('#')
        .filter(|(at, _)| starts_word(text, *at))
        .filter_map(|(at, _)| {
            let body = text.get(at + 1..)?;
            let len: usize = body
                .chars()
                .take_while(|c| is_tag_char(*c))
                .map(char::len_utf8)
                .sum();
            is_tag_body(&body[..len]).then_some(at..at + 1 + len)
        })
        .collect()
}

/// The offset of the `#` of the tag that ends `text`, if one does.
pub fn last(text: &str) -> Option<usize> {
    let len: usize = text
        .chars()
        .rev()
        .take_while(|c| is_tag_char(*c))
        .map(char::len_utf8)
        .sum();
    let body_start = text.len() - len;
    let hash = text.get(..body_start)?.strip_suffix('#')?.len();
    (is_tag_body(&text[body_start..]) && starts_word(text, hash)).then_some(hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_tags_after_whitespace_only() {
        let text = "#a x#b (see #123) #project/x-y, [[N#h]] #c";
        let tags: Vec<&str> = find(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(tags, vec!["#a", "#project/x-y", "#c"]);
    }

    #[test]
    fn reads_the_trailing_tag() {
        assert_eq!(last("do #x"), Some(3));
        assert_eq!(last("#x"), Some(0));
        assert_eq!(last("do #x."), None);
        assert_eq!(last("do a#x"), None);
        assert_eq!(last("issue #42"), None);
    }
}
