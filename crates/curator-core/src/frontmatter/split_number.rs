//! A number YAML split: in a flow sequence a comma ends an item, so `[Reflections on 10,000
//! Hours]` is read as the two items `Reflections on 10` and `000 Hours`. Its author meant one
//! item with a thousands separator; a rule that rewrote the list would write the split down
//! for good (`[Reflections on 10, 000 Hours]`). Such a list is left as written, and the owner
//! is asked to quote the item.

use super::doc::Doc;
use crate::review::{ReviewItem, ReviewReason};
use crate::yaml::{Node, NodeKind};

/// The review item for flow sequence `value` of property `key` when an item boundary falls
/// inside a thousands-separated number (`digit,ddd`, no space); `None` otherwise.
pub fn review(doc: &Doc, key: &str, value: &Node) -> Option<ReviewItem> {
    let (first, second) = split(doc, value)?;
    let (head, tail) = (doc.raw(first), doc.raw(second));
    let digits = trailing_digits(head);
    let number = format!(
        "{},{}",
        head.get(head.len() - digits..).unwrap_or(""),
        tail.get(..3).unwrap_or("")
    );
    Some(doc.review(
        first,
        ReviewReason::InvalidFrontmatter,
        format!(
            "`{key}` reads `{number}` as the end of one item and the start of the next (`{head}` \
             and `{tail}`): a list item holding a comma is one item only in quotes; quote it"
        ),
    ))
}

/// The two items of flow sequence `value` that YAML split off one number, the first boundary
/// that falls between `digit,` and `ddd`.
pub fn split<'v>(doc: &Doc, value: &'v Node) -> Option<(&'v Node, &'v Node)> {
    let NodeKind::Seq { items, flow: true } = &value.kind else {
        return None;
    };
    let src = doc.src();
    items.windows(2).find_map(|pair| match pair {
        [a, b] => {
            let before = src.get(..a.span.end)?;
            let comma = src.get(a.span.end..b.span.start)?;
            let after = src.get(b.span.start..)?;
            (comma == "," && ends_with_number_head(before) && starts_with_group(after))
                .then_some((a, b))
        }
        _ => None,
    })
}

/// True when `s` ends with one to three digits that start a number (nothing alphanumeric
/// before them): `on 10`, `$100`, but not `year2024` or `1234`.
fn ends_with_number_head(s: &str) -> bool {
    let digits = trailing_digits(s);
    let before = s
        .get(..s.len() - digits)
        .and_then(|b| b.chars().next_back());
    (1..=3).contains(&digits) && !before.is_some_and(char::is_alphanumeric)
}

/// How many ASCII digits `s` ends with.
fn trailing_digits(s: &str) -> usize {
    s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len()
}

/// True when `s` opens with exactly three digits ending there (`000 Hours`, `000`), not a word
/// (`100days`).
fn starts_with_group(s: &str) -> bool {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let next = s.get(digits..).and_then(|rest| rest.chars().next());
    digits == 3 && !next.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::{ends_with_number_head, starts_with_group};

    #[test]
    fn reads_the_two_halves_of_a_thousands_separated_number() {
        for head in ["Reflections on 10", "$100", "1", "(25"] {
            assert!(ends_with_number_head(head), "{head}");
        }
        for head in ["year2024", "1234", "v2 beta", ""] {
            assert!(!ends_with_number_head(head), "{head}");
        }
        for tail in ["000 Hours of Programming]", "000]", "500, x]", "000.50]"] {
            assert!(starts_with_group(tail), "{tail}");
        }
        for tail in ["100days]", "0000]", "12]", " 000]"] {
            assert!(!starts_with_group(tail), "{tail}");
        }
    }
}
