//! The characters of a one-line double-quoted YAML scalar, each with the source bytes it was
//! written as: `"Justin\xe2\x9d\xa4"` holds `\xe2` for `â`. Rules that repair a value's text
//! (mojibake) read the escapes as the characters they stand for, and edit only the source bytes
//! of the characters they change, so every other escape stays as written.

use std::ops::Range;

/// A double-quoted scalar's value, and where each of its characters was written.
#[derive(Debug, PartialEq, Eq)]
pub struct QuotedChars {
    /// The value, escapes read.
    pub value: String,
    /// For each character of `value`, in order: its byte offset in `value` and the source
    /// bytes (relative to the scalar's opening quote) it was written as.
    chars: Vec<(usize, Range<usize>)>,
}

impl QuotedChars {
    /// Reads `raw`, a double-quoted scalar's source from its opening quote to its closing one.
    /// `None` for anything else, and for a scalar over several lines (YAML folds its line
    /// breaks, so its characters do not map one to one).
    pub fn read(raw: &str) -> Option<QuotedChars> {
        let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
        let mut value = String::with_capacity(inner.len());
        let mut chars = Vec::new();
        let mut rest = inner.char_indices().peekable();
        while let Some((at, c)) = rest.next() {
            let ch = match c {
                '\n' | '\r' | '"' => return None,
                '\\' => {
                    let (_, e) = rest.next()?;
                    match e {
                        'x' | 'u' | 'U' => {
                            let digits = match e {
                                'x' => 2,
                                'u' => 4,
                                _ => 8,
                            };
                            let mut code = 0u32;
                            for _ in 0..digits {
                                let (_, d) = rest.next()?;
                                code = code * 16 + d.to_digit(16)?;
                            }
                            char::from_u32(code)?
                        }
                        other => simple_escape(other)?,
                    }
                }
                c => c,
            };
            let end = rest.peek().map_or(inner.len(), |&(i, _)| i);
            chars.push((value.len(), at + 1..end + 1));
            value.push(ch);
        }
        Some(QuotedChars { value, chars })
    }

    /// The source bytes (relative to the opening quote) written for `value[span]`, when the
    /// span falls on character boundaries.
    pub fn source_of(&self, span: &Range<usize>) -> Option<Range<usize>> {
        let first = self.chars.binary_search_by_key(&span.start, |c| c.0).ok()?;
        let (_, start) = self.chars.get(first)?;
        let end = match self.chars.binary_search_by_key(&span.end, |c| c.0) {
            Ok(after) => self.chars.get(after)?.1.start,
            Err(i) if i == self.chars.len() && span.end == self.value.len() => {
                self.chars.last()?.1.end
            }
            Err(_) => return None,
        };
        (start.start <= end).then_some(start.start..end)
    }
}

/// The character a one-letter escape (`\n`, `\_`, `\N` …) stands for.
fn simple_escape(e: char) -> Option<char> {
    Some(match e {
        '0' => '\0',
        'a' => '\u{7}',
        'b' => '\u{8}',
        't' | '\t' => '\t',
        'n' => '\n',
        'v' => '\u{b}',
        'f' => '\u{c}',
        'r' => '\r',
        'e' => '\u{1b}',
        ' ' => ' ',
        '"' => '"',
        '/' => '/',
        '\\' => '\\',
        'N' => '\u{85}',
        '_' => '\u{a0}',
        'L' => '\u{2028}',
        'P' => '\u{2029}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_each_character_to_its_escape() {
        let raw = r#""Justin\xe2\x9d\u00a4 \"ok\" é""#;
        let q = QuotedChars::read(raw).unwrap();
        assert_eq!(q.value, "Justin\u{e2}\u{9d}\u{a4} \"ok\" é");
        let at = q.value.find('\u{e2}').unwrap();
        let src = q.source_of(&(at..at + 2 + 2 + 2)).unwrap();
        assert_eq!(&raw[src], r"\xe2\x9d\u00a4");
        let all = q.source_of(&(0..q.value.len())).unwrap();
        assert_eq!(&raw[all], &raw[1..raw.len() - 1]);
        let e = q.value.find('é').unwrap();
        assert_eq!(&raw[q.source_of(&(e..e + 2)).unwrap()], "é");
        assert_eq!(q.source_of(&(at + 1..at + 2)), None);
    }

    #[test]
    fn reads_every_escape_yaml_has() {
        let q = QuotedChars::read(r#""\0\a\b\t\n\v\f\r\e\ \"\/\\\N\_\L\P\U0001F600""#).unwrap();
        assert_eq!(
            q.value,
            "\0\u{7}\u{8}\t\n\u{b}\u{c}\r\u{1b} \"/\\\u{85}\u{a0}\u{2028}\u{2029}😀"
        );
    }

    #[test]
    fn refuses_what_it_cannot_map() {
        for raw in [
            "'single'",
            "\"two\nlines\"",
            r#""\q""#,
            r#""\x4""#,
            r#""\ud800""#,
            "\"open",
        ] {
            assert_eq!(QuotedChars::read(raw), None, "{raw}");
        }
    }
}
