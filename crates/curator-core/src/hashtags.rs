//! `#tags` written in text (a task's, a note's), read with the Tasks plugin's tag characters
//! where Obsidian sees a tag: its own tag characters (letters, digits, `_`, `-`, `/`) start the
//! tag with something besides digits (`#123`, `#1+#2`, `#142=0.1.4` and `#3/#4` are issue
//! numbers, not tags).

use std::ops::Range;

/// Characters that end a tag besides whitespace (the Tasks plugin's list).
const STOP: &str = "!@#$%^&*(),.?\":{}|<>";

fn is_tag_char(c: char) -> bool {
    !c.is_whitespace() && !STOP.contains(c)
}

/// A character Obsidian reads as part of a tag: letters and digits of any script, `_`, `-`,
/// `/`, and the symbols and emoji beyond ASCII.
fn is_obsidian_tag_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '/') || !c.is_ascii()
}

/// True when `body`, a tag's text after the `#` as the Tasks plugin ends it, is a tag to
/// Obsidian too: the part Obsidian reads holds more than digits and `/`.
fn is_tag_body(body: &str) -> bool {
    body.chars()
        .take_while(|c| is_obsidian_tag_char(*c))
        .any(|c| !c.is_ascii_digit() && c != '/')
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
    fn issue_numbers_joined_by_symbols_are_no_tags() {
        let text = "See #1, #3/#4, #1+#2, #142=0.1.4 and #2024/05 but #a+b #x/1 #1x #日本 #🚀";
        let tags: Vec<&str> = find(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(tags, vec!["#a+b", "#x/1", "#1x", "#日本", "#🚀"]);
        assert_eq!(last("merged #140/#141"), None);
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
