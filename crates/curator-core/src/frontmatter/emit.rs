//! Writing new YAML scalars, keys and lists: plain when YAML reads the text back as the same
//! string, quoted only when it would not (indicators, `: `, ` #`, booleans, numbers,
//! timestamps, …), double-quoted with escapes when only that can hold the text (line breaks,
//! controls, a byte order mark).
//!
//! "Reads back" means in the YAML spec *and* in our own parser ([`crate::yaml`], built on
//! saphyr), which is stricter in places: it rejects a flow item ending in ` -` (`[a -, z]`).
//! The property tests below write generated strings rich in everything YAML treats specially
//! and read them back through [`crate::yaml::parse`].

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

/// `s` replacing a scalar whose value was `was`, written with `quoting`: in the quotes its writer
/// chose (`"India"` respelled is `"india"`), plain where the quotes were only what YAML needed
/// (`"#meeting"` without its `#` is `meeting`).
pub fn rewrite_scalar(s: &str, was: &str, quoting: Quoting, place: Place) -> String {
    if needs_quotes(was, place) {
        scalar(s, place)
    } else {
        requote(s, quoting, place)
    }
}

/// The longest mapping key YAML reads without an explicit `?` (the spec's limit, which our
/// parser enforces on the key as written).
const MAX_KEY_CHARS: usize = 1024;

/// `s` as a block mapping key in the quoting style the replaced key used (see [`requote`]), or
/// `None` when it is too long to be written as a plain `key:` at all.
pub fn key(s: &str, quoting: Quoting) -> Option<String> {
    let written = requote(s, quoting, Place::Block);
    (written.chars().count() <= MAX_KEY_CHARS).then_some(written)
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

/// True when `s` written plain would not read back as the same string, in the YAML spec or in
/// our parser (saphyr), whichever is stricter.
fn needs_quotes(s: &str, place: Place) -> bool {
    let Some(first) = s.chars().next() else {
        return true;
    };
    s.trim() != s
        || s.chars().any(needs_escape)
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || s.starts_with("...")
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || (place == Place::Flow && (s.contains([',', '[', ']', '{', '}']) || s.ends_with(" -")))
        || looks_typed(s)
}

/// Words, numbers and timestamps YAML (1.1 or 1.2) would read as something other than a string.
/// Deliberately generous: quoting a string that did not need it costs nothing.
fn looks_typed(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let keyword = matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null" | "~" | "<<" | "="
    );
    let unsigned = lower.strip_prefix(['+', '-']).unwrap_or(&lower);
    keyword || matches!(unsigned, ".inf" | ".nan") || looks_number(unsigned) || looks_timestamp(s)
}

/// `0x1F`, `0o17`, `0b101`, `1_000`, `1.5`, `1e3`, `.5E-3`, `1:20` (sexagesimal), `1.2.3`:
/// digits with `_ . :` and an optional exponent, or a radix prefix and digits.
fn looks_number(s: &str) -> bool {
    if let Some(digits) = ["0x", "0o", "0b"].iter().find_map(|p| s.strip_prefix(p)) {
        return digits.chars().all(|c| c.is_ascii_hexdigit() || c == '_');
    }
    let (mantissa, exponent) = s.split_once('e').unwrap_or((s, "0"));
    let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    mantissa.bytes().any(|b| b.is_ascii_digit())
        && mantissa
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'_' | b'.' | b':'))
        && !exponent.is_empty()
        && exponent.bytes().all(|b| b.is_ascii_digit())
}

/// `2026-01-03`, `2026-1-3`, `2026-01-03T10:00…`, `2026-01-03 10:00`: what YAML 1.1 reads as a
/// timestamp (a date, then nothing or a time).
fn looks_timestamp(s: &str) -> bool {
    let mut parts = s.splitn(3, '-');
    let (Some(y), Some(m), Some(rest)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let d_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = &rest[d_len..];
    let time = after
        .strip_prefix(['T', 't'])
        .unwrap_or_else(|| after.trim_start_matches([' ', '\t']));
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    y.len() == 4
        && all_digits(y)
        && (1..=2).contains(&m.len())
        && all_digits(m)
        && (1..=2).contains(&d_len)
        && (after.is_empty()
            || (time.len() < after.len() && time.starts_with(|c: char| c.is_ascii_digit())))
}

/// Characters that only a double-quoted scalar can hold: controls (line breaks and tabs
/// included), the byte order mark, non-characters and the Unicode line separators.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{feff}' | '\u{fffe}' | '\u{ffff}' | '\u{2028}' | '\u{2029}'
        )
}

/// `s` as a double-quoted YAML scalar with `"`, `\` and every character of [`needs_escape`]
/// escaped, so it stays on one line and reads back exactly.
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
            c if needs_escape(c) => {
                let code = u32::from(c);
                out.push_str(&match code {
                    0..=0xff => format!("\\x{code:02x}"),
                    0x100..=0xffff => format!("\\u{code:04x}"),
                    _ => format!("\\U{code:08x}"),
                });
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{parse, Node, NodeKind};
    use proptest::prelude::*;

    /// The string our parser reads from a scalar node, or why it is no string.
    fn string(node: &Node, src: &str) -> Result<String, String> {
        match &node.kind {
            NodeKind::Scalar { value, .. } => Ok(value.clone()),
            other => Err(format!("{src:?} read as {other:?}")),
        }
    }

    /// The value of the top-level `k` in `src`.
    fn value_of(src: &str) -> Result<Node, String> {
        let root = parse(src).map_err(|e| format!("{src:?} does not parse: {e:?}"))?;
        let entry = root.get("k").ok_or(format!("{src:?} has no `k`"))?;
        Ok(entry.value.clone())
    }

    /// The items of the list `k` in `src`, as strings.
    fn items_of(src: &str) -> Result<Vec<String>, String> {
        let value = value_of(src)?;
        let items = value.as_seq().ok_or(format!("{src:?}: `k` is no list"))?;
        items.iter().map(|i| string(i, src)).collect()
    }

    /// One way of writing a string: what was written, where, what our parser read back and
    /// what it should have read.
    struct Written {
        text: String,
        place: &'static str,
        read: Result<Vec<String>, String>,
        expected: Vec<String>,
    }

    /// Every way the emitter writes `s`, each read back through our parser.
    fn read_backs(s: &str) -> Vec<Written> {
        let mut out = Vec::new();
        let one = vec![s.to_string()];
        let two = vec![s.to_string(), s.to_string()];
        for quoting in [Quoting::Plain, Quoting::Single, Quoting::Double] {
            let text = requote(s, quoting, Place::Block);
            let src = format!("k: {text}\nnext: 1\n");
            let read = value_of(&src).and_then(|v| string(&v, &src).map(|s| vec![s]));
            out.push(Written {
                text,
                place: "block value",
                read,
                expected: one.clone(),
            });
            let text = requote(s, quoting, Place::Flow);
            let src = format!(
                "k:{}\n",
                Layout::Flow.value_after_colon(&[text.clone(), text.clone()])
            );
            out.push(Written {
                text,
                place: "flow list",
                read: items_of(&src),
                expected: two.clone(),
            });
            if let Some(text) = key(s, quoting) {
                let src = format!("{text}: v\n");
                let read = parse(&src)
                    .map_err(|e| format!("{src:?} does not parse: {e:?}"))
                    .map(|root| {
                        let entries = root.entries();
                        let pairs = entries
                            .iter()
                            .map(|e| [e.key_str(), e.value.as_str().unwrap_or("")]);
                        pairs.flatten().map(str::to_string).collect()
                    });
                let expected = vec![s.to_string(), "v".to_string()];
                out.push(Written {
                    text,
                    place: "key",
                    read,
                    expected,
                });
            }
        }
        let text = scalar(s, Place::Flow);
        let z = "z".to_string();
        for items in [vec![text.clone(), z.clone()], vec![z.clone(), text.clone()]] {
            let src = format!("k: [{}]\n", Layout::Flow.join(&items));
            let expected = items
                .iter()
                .map(|i| if *i == z { z.clone() } else { s.to_string() })
                .collect();
            out.push(Written {
                text: text.clone(),
                place: "flow list beside z",
                read: items_of(&src),
                expected,
            });
        }
        let text = scalar(s, Place::Block);
        for (indent, line_ending) in [("  ", "\n"), ("", "\r\n")] {
            let layout = Layout::Block {
                indent: indent.to_string(),
                line_ending,
            };
            let items = [text.clone(), text.clone()];
            let src = format!(
                "k:{}{line_ending}next: 1{line_ending}",
                layout.value_after_colon(&items)
            );
            out.push(Written {
                text: text.clone(),
                place: "block list",
                read: items_of(&src),
                expected: two.clone(),
            });
            let src = format!(
                "k:{line_ending}{indent}- {}{line_ending}",
                layout.join(&items)
            );
            out.push(Written {
                text: text.clone(),
                place: "block list items",
                read: items_of(&src),
                expected: two.clone(),
            });
        }
        out
    }

    /// Asserts that every way of writing `s` reads back as `s`.
    fn assert_reads_back(s: &str) -> Result<(), TestCaseError> {
        for w in read_backs(s) {
            prop_assert_eq!(
                &w.read,
                &Ok(w.expected),
                "{:?} written as {} in a {}",
                s,
                w.text,
                w.place
            );
        }
        Ok(())
    }

    /// Pieces of text YAML treats specially: every indicator, `: `, ` #`, a trailing ` -`,
    /// blanks and line breaks, a byte order mark, controls and non-characters, quotes and
    /// escapes, words and numbers of other types, document markers, a merge key, non-ASCII.
    const SPECIAL: &[&str] = &[
        "-",
        "?",
        ":",
        ",",
        "[",
        "]",
        "{",
        "}",
        "#",
        "&",
        "*",
        "!",
        "|",
        ">",
        "'",
        "\"",
        "%",
        "@",
        "`",
        ": ",
        " #",
        " -",
        "- ",
        "? ",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "\u{feff}",
        "\u{85}",
        "\u{2028}",
        "\u{2029}",
        "\u{a0}",
        "\u{3000}",
        "\u{0}",
        "\u{7}",
        "\u{1b}",
        "\u{7f}",
        "\u{9f}",
        "\u{fffe}",
        "\u{ffff}",
        "\\",
        "\\n",
        "true",
        "False",
        "NULL",
        "~",
        "yes",
        "off",
        "Y",
        "1e3",
        "-1.5E-3",
        "0x1F",
        "0o17",
        "0b101",
        ".inf",
        "-.Inf",
        ".NaN",
        "1_000",
        "12:30",
        "1.2.3",
        "2026-01-03",
        "2026-1-3T10:00:00Z",
        "2026-01-03 10:00",
        "---",
        "...",
        "<<",
        "=",
        "é",
        "😀",
        "\u{10ffff}",
        "{{DATE}}",
        "[[Link]]",
        "a",
        "z",
    ];

    /// Strings built from YAML's specials, ordinary words, any character at all, and now and
    /// then a run long enough to cross the 1024-character key limit.
    fn yaml_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => proptest::sample::select(SPECIAL).prop_map(str::to_string),
            6 => "[A-Za-z0-9]{1,4}",
            2 => any::<char>().prop_map(String::from),
            1 => "\\PC{1,3}",
            1 => (500..1100usize).prop_map(|n| "x".repeat(n)),
        ];
        proptest::collection::vec(piece, 0..7).prop_map(|p| p.concat())
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
            "a -",
            "2026-01-03 Meeting notes",
            "v1.2",
            "1st",
        ] {
            assert_eq!(scalar(s, Place::Block), s, "{s}");
        }
        assert_eq!(scalar("Intro, kickoff", Place::Block), "Intro, kickoff");
        assert_eq!(scalar("Intro, kickoff", Place::Flow), "\"Intro, kickoff\"");
        assert_eq!(scalar("a -", Place::Flow), "\"a -\"");
        assert_eq!(scalar("a - b", Place::Flow), "a - b");
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
            ":x",
            ",x",
            "key: value",
            "a #b",
            "ends:",
            "true",
            "No",
            "null",
            "NULL",
            "~",
            "2025",
            "1.5",
            "-3",
            "+3",
            "1e3",
            "0x1f",
            "0o17",
            "0b1",
            "1_000",
            "1:20",
            "1.2.3",
            ".inf",
            "-.Inf",
            ".NaN",
            "2026-01-03",
            "2026-1-3",
            "2026-01-03T10:00",
            "2026-01-03 10:00:00",
            "<<",
            "...",
            "... x",
            "'a'",
            "\"a\"",
            "line\nbreak",
            "tab\there",
            "`code`",
            "\u{feff}bom",
            "nbsp\u{a0}",
            "del\u{7f}",
        ] {
            let w = scalar(s, Place::Block);
            assert!(w.starts_with('"'), "{s:?} written {w}");
        }
    }

    #[test]
    fn escapes_what_only_double_quotes_hold() {
        assert_eq!(double_quoted("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(double_quoted("\n\t\r"), r#""\n\t\r""#);
        assert_eq!(double_quoted("\u{0}\u{85}"), r#""\x00\x85""#);
        assert_eq!(double_quoted("\u{feff}\u{2028}"), r#""\ufeff\u2028""#);
        assert_eq!(double_quoted("😀é"), "\"😀é\"");
    }

    #[test]
    fn the_reported_list_item_reads_back() {
        // `aliases: ["a -", "a -", z]` deduplicated was written `[a -, z]`, which saphyr refuses.
        let src = format!(
            "k: [{}]\n",
            Layout::Flow.join(&[scalar("a -", Place::Flow), "z".into()])
        );
        assert_eq!(items_of(&src), Ok(vec!["a -".to_string(), "z".to_string()]));
    }

    #[test]
    fn every_special_piece_reads_back_alone_and_inside_words() {
        for piece in SPECIAL {
            for s in [
                piece.to_string(),
                format!("a{piece}"),
                format!("{piece}b"),
                format!("a{piece}b"),
            ] {
                assert_reads_back(&s).unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }

    #[test]
    fn keys_keep_their_quoting_and_fit_the_key_limit() {
        assert_eq!(key("tags", Quoting::Plain).as_deref(), Some("tags"));
        assert_eq!(key("tags", Quoting::Single).as_deref(), Some("'tags'"));
        assert_eq!(
            key("o'brien", Quoting::Single).as_deref(),
            Some("'o''brien'")
        );
        assert_eq!(key("a: b", Quoting::Plain).as_deref(), Some("\"a: b\""));
        assert_eq!(key(&"x".repeat(MAX_KEY_CHARS + 1), Quoting::Plain), None);
    }

    #[test]
    fn requote_keeps_the_quote_character() {
        assert_eq!(requote("it's", Quoting::Single, Place::Block), "'it''s'");
        assert_eq!(requote("a", Quoting::Double, Place::Block), "\"a\"");
        assert_eq!(requote("a", Quoting::Plain, Place::Block), "a");
        assert_eq!(requote("true", Quoting::Plain, Place::Block), "\"true\"");
        assert_eq!(requote("a\nb", Quoting::Single, Place::Block), "\"a\\nb\"");
    }

    #[test]
    fn a_rewritten_scalar_keeps_the_quotes_its_writer_chose() {
        let double = Quoting::Double;
        assert_eq!(
            rewrite_scalar("india", "India", double, Place::Flow),
            "\"india\""
        );
        assert_eq!(
            rewrite_scalar("meeting", "#meeting", double, Place::Block),
            "meeting"
        );
        assert_eq!(rewrite_scalar("a", "A", Quoting::Plain, Place::Block), "a");
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

    proptest! {
        #![proptest_config(crate::proptest_config::cases(512))]

        /// Scalars, keys, flow and block lists in every quoting read back as the same string.
        #[test]
        fn any_string_reads_back(s in yaml_text()) {
            assert_reads_back(&s)?;
        }

        /// The same over arbitrary printable text, not only YAML's specials.
        #[test]
        fn any_printable_string_reads_back(s in "\\PC{0,16}|[ -~]{0,16}") {
            assert_reads_back(&s)?;
        }
    }
}
