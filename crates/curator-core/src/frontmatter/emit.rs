//! Writing new YAML scalars and lists: plain when YAML reads the text back as the same string,
//! quoted only when it would not (indicators, `: `, ` #`, booleans, numbers, timestamps, …).

use crate::dates::Date;
use crate::yaml::Quoting;

/// Where a scalar is written: flow collections (`[a, b]`) also reserve `,[]{}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A block mapping value or block sequence item.
    Block,
    /// An item of a flow sequence.
    Flow,
}

/// `s` as a YAML scalar: plain when that reads back as the same string, double-quoted otherwise.
pub fn scalar(s: &str, place: Place) -> String {
    if needs_quotes(s, place) {
        double_quoted(s)
    } else {
        s.to_string()
    }
}

/// `s` written in the quoting style a replaced scalar used, so a rewrite keeps the note's style:
/// single and double quotes stay, plain (and block) scalars get quotes only when needed.
pub fn requote(s: &str, quoting: Quoting, place: Place) -> String {
    match quoting {
        Quoting::Double => double_quoted(s),
        Quoting::Single if !s.chars().any(needs_escape) => format!("'{}'", s.replace('\'', "''")),
        Quoting::Single => double_quoted(s),
        Quoting::Plain | Quoting::Block => scalar(s, place),
    }
}

/// A date written bare, as Obsidian reads dates, or inside the quotes the replaced value used.
pub fn date(date: Date, quoting: Quoting) -> String {
    match quoting {
        Quoting::Single => format!("'{date}'"),
        Quoting::Double => format!("\"{date}\""),
        Quoting::Plain | Quoting::Block => date.to_string(),
    }
}

/// How a rewritten list is laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// `[a, b]`
    Flow,
    /// `- a` lines, each starting with `indent`, separated by `line_ending`.
    Block {
        /// Whitespace before each `-`.
        indent: String,
        /// The note's line ending.
        line_ending: &'static str,
    },
}

impl Layout {
    /// Where the items of this layout are written.
    pub fn place(&self) -> Place {
        match self {
            Layout::Flow => Place::Flow,
            Layout::Block { .. } => Place::Block,
        }
    }

    /// Already-written items joined as the inside of a list: `a, b` in flow,
    /// `a⏎<indent>- b` in block (the first item's `- ` and indent are already in place).
    pub fn join(&self, items: &[String]) -> String {
        match self {
            Layout::Flow => items.join(", "),
            Layout::Block {
                indent,
                line_ending,
            } => items.join(&format!("{line_ending}{indent}- ")),
        }
    }

    /// A whole list value, to follow a key's colon directly: ` [a, b]`, or the items on their
    /// own lines (`⏎  - a⏎  - b`). An empty block list is written ` []`.
    pub fn value_after_colon(&self, items: &[String]) -> String {
        match self {
            Layout::Block {
                indent,
                line_ending,
            } if !items.is_empty() => items
                .iter()
                .map(|i| format!("{line_ending}{indent}- {i}"))
                .collect(),
            _ => format!(" [{}]", items.join(", ")),
        }
    }
}

/// True when `s` written plain would not read back as the same string.
pub fn needs_quotes(s: &str, place: Place) -> bool {
    let Some(first) = s.chars().next() else {
        return true;
    };
    s.trim() != s
        || s.chars().any(needs_escape)
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || (place == Place::Flow && s.contains([',', '[', ']', '{', '}']))
        || looks_typed(s)
}

/// Words and numbers YAML (1.1 or 1.2) would read as something other than a string.
fn looks_typed(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let keyword = matches!(
        lower.as_str(),
        "true"
            | "false"
            | "yes"
            | "no"
            | "on"
            | "off"
            | "y"
            | "n"
            | "null"
            | "~"
            | ".inf"
            | "-.inf"
            | "+.inf"
            | ".nan"
    );
    let unsigned = lower.trim_start_matches(['+', '-']);
    let number = unsigned.replace('_', "").parse::<f64>().is_ok()
        || ["0x", "0o", "0b"].iter().any(|p| unsigned.starts_with(p))
        || (unsigned.contains(':')
            && unsigned
                .split(':')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())));
    keyword || number || looks_timestamp(s)
}

/// `2026-01-03`, `2026-1-3`, `2026-01-03T10:00…`: what YAML 1.1 reads as a timestamp.
fn looks_timestamp(s: &str) -> bool {
    if Date::split_iso_datetime(s).is_some() {
        return true;
    }
    let parts: Vec<&str> = s.split('-').collect();
    matches!(parts[..], [y, m, d] if y.len() == 4
        && (1..=2).contains(&m.len())
        && (1..=2).contains(&d.len())
        && [y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())))
}

/// Characters that only a double-quoted scalar can hold.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{feff}' | '\u{fffe}' | '\u{ffff}' | '\u{2028}' | '\u{2029}'
        )
}

/// `s` as a double-quoted YAML scalar with `"`, `\` and control characters escaped.
pub fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{parse, NodeKind};

    /// The string YAML reads back from `k: <written>` (block) or `k: [<written>]` (flow).
    fn read_back(written: &str, place: Place) -> String {
        let src = match place {
            Place::Block => format!("k: {written}\n"),
            Place::Flow => format!("k: [{written}, z]\n"),
        };
        let root = parse(&src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"));
        let value = &root.get("k").unwrap().value;
        let node = match place {
            Place::Block => value,
            Place::Flow => &value.as_seq().unwrap()[0],
        };
        match &node.kind {
            NodeKind::Scalar { value, .. } => value.clone(),
            other => panic!("{src:?} read as {other:?}"),
        }
    }

    #[test]
    fn plain_when_safe() {
        for s in [
            "meeting",
            "customer/foo-bar",
            "1-1",
            "Kraków",
            "2025-10-28 - Intro, kickoff",
            "20251028 0930 Parallels Transcription",
            "a:b",
            "c#",
        ] {
            assert_eq!(scalar(s, Place::Block), s, "{s}");
        }
        assert_eq!(scalar("Intro, kickoff", Place::Block), "Intro, kickoff");
        assert_eq!(scalar("Intro, kickoff", Place::Flow), "\"Intro, kickoff\"");
    }

    #[test]
    fn quotes_what_yaml_would_misread() {
        for s in [
            "",
            " x",
            "x ",
            "[[Rob Benoit]]",
            "{x}",
            "@rob",
            "*a",
            "&a",
            "!t",
            "|",
            ">",
            "%x",
            "#tag",
            "- x",
            "? x",
            "key: value",
            "a #b",
            "ends:",
            "true",
            "No",
            "null",
            "~",
            "2025",
            "1.5",
            "-3",
            "0x1f",
            "1_000",
            "1:20",
            ".inf",
            "2026-01-03",
            "2026-1-3",
            "2026-01-03T10:00",
            "'a'",
            "\"a\"",
            "line\nbreak",
            "tab\there",
            "`code`",
        ] {
            let w = scalar(s, Place::Block);
            assert!(w.starts_with('"'), "{s:?} written {w}");
        }
    }

    #[test]
    fn written_scalars_read_back_unchanged() {
        for s in [
            "meeting",
            "[[Rob Benoit]]",
            "say \"hi\"",
            "back\\slash",
            "line\nbreak",
            "a, b",
            "x: y",
            "a #b",
            "bell\u{7}",
            "Jürgen",
            "[x]",
        ] {
            for place in [Place::Block, Place::Flow] {
                assert_eq!(read_back(&scalar(s, place), place), s, "{s:?}");
            }
            for quoting in [Quoting::Single, Quoting::Double, Quoting::Plain] {
                assert_eq!(
                    read_back(&requote(s, quoting, Place::Block), Place::Block),
                    s
                );
            }
        }
    }

    #[test]
    fn requote_keeps_the_quote_character() {
        assert_eq!(requote("it's", Quoting::Single, Place::Block), "'it''s'");
        assert_eq!(requote("a", Quoting::Double, Place::Block), "\"a\"");
        assert_eq!(requote("a", Quoting::Plain, Place::Block), "a");
        assert_eq!(requote("true", Quoting::Plain, Place::Block), "\"true\"");
    }

    #[test]
    fn lays_out_lists() {
        let items = vec!["a".to_string(), "b".to_string()];
        assert_eq!(Layout::Flow.value_after_colon(&items), " [a, b]");
        assert_eq!(Layout::Flow.join(&items), "a, b");
        let block = Layout::Block {
            indent: "  ".into(),
            line_ending: "\r\n",
        };
        assert_eq!(block.value_after_colon(&items), "\r\n  - a\r\n  - b");
        assert_eq!(block.join(&items), "a\r\n  - b");
        assert_eq!(block.value_after_colon(&[]), " []");
    }

    proptest::proptest! {
        #[test]
        fn any_string_reads_back(s in "\\PC{0,12}|[ -~]{0,12}") {
            for place in [Place::Block, Place::Flow] {
                proptest::prop_assert_eq!(read_back(&scalar(&s, place), place), s.clone());
            }
        }
    }
}
