//! Emoji escaped as JSON escapes them: `"\ud83d\ude80"`, a UTF-16 surrogate pair, which scripts
//! writing frontmatter with a JSON encoder produce. YAML allows no surrogate in an escape, so
//! the parser refuses the whole frontmatter, while JavaScript's YAML parsers (Obsidian's among
//! them) read the pair as the one character it encodes.
//!
//! To read it so without moving a byte of the source (every node's span must stay true), each
//! escape of a pair is replaced by an escape of the same length of a private-use character
//! (`\ud83d` → `\uf03d`, `\ude80` → `\uf680`), and each value read is given back its character
//! (in a double-quoted scalar, where escapes are read) or its text as written (elsewhere).

/// The first of the placeholders for high surrogates (U+D800–U+DBFF).
const HIGH: u32 = 0xF000;
/// The first of the placeholders for low surrogates (U+DC00–U+DFFF).
const LOW: u32 = 0xF400;
/// A surrogate's offset in its range: 10 bits.
const RANGE: u32 = 0x400;

/// `src` with every escaped surrogate pair replaced by its placeholders, byte for byte as long;
/// `None` when it has no pair, or already writes one of the placeholders (then a value could
/// not be told from what it was).
pub(super) fn paired(src: &str) -> Option<String> {
    let holds_placeholder = src
        .chars()
        .any(|c| (HIGH..LOW + RANGE).contains(&u32::from(c)))
        || escapes(src).any(|(_, code)| (HIGH..LOW + RANGE).contains(&code));
    if holds_placeholder {
        return None;
    }
    let mut out = src.to_string();
    let mut found = false;
    let all: Vec<(usize, u32)> = escapes(src).collect();
    for pair in all.windows(2) {
        let [(at, high), (next, low)] = [pair[0], pair[1]];
        let is_pair =
            next == at + 6 && (0xD800..0xDC00).contains(&high) && (0xDC00..0xE000).contains(&low);
        if is_pair {
            let placeholders = format!(
                "\\u{:04x}\\u{:04x}",
                HIGH + (high - 0xD800),
                LOW + (low - 0xDC00)
            );
            out.replace_range(at..at + 12, &placeholders);
            found = true;
        }
    }
    found.then_some(out)
}

/// A value read from [`paired`]'s text as it was written: in a double-quoted scalar each pair
/// of placeholder characters becomes the character the surrogate pair encodes; anywhere else
/// an escape is text, and each placeholder escape is written back as it was.
pub(super) fn unpaired(value: &str, double_quoted: bool) -> String {
    if double_quoted {
        let mut out = String::with_capacity(value.len());
        let mut chars = value.chars().peekable();
        while let Some(c) = chars.next() {
            let high = u32::from(c);
            let low = chars.peek().map_or(0, |&n| u32::from(n));
            let combined = ((HIGH..HIGH + RANGE).contains(&high)
                && (LOW..LOW + RANGE).contains(&low))
            .then(|| char::from_u32(0x10000 + ((high - HIGH) << 10) + (low - LOW)))
            .flatten();
            match combined {
                Some(ch) => {
                    out.push(ch);
                    chars.next();
                }
                None => out.push(c),
            }
        }
        return out;
    }
    let mut out = value.to_string();
    for (at, code) in escapes(value).collect::<Vec<_>>() {
        let original = if (HIGH..HIGH + RANGE).contains(&code) {
            0xD800 + (code - HIGH)
        } else if (LOW..LOW + RANGE).contains(&code) {
            0xDC00 + (code - LOW)
        } else {
            continue;
        };
        out.replace_range(at..at + 6, &format!("\\u{original:04x}"));
    }
    out
}

/// Every `\uXXXX` in `text` (four hex digits) whose backslash is not itself escaped (`\\u`),
/// as its byte offset and the code it writes.
fn escapes(text: &str) -> impl Iterator<Item = (usize, u32)> + '_ {
    text.match_indices("\\u").filter_map(|(at, _)| {
        let before = text.get(..at)?;
        let backslashes = before.len() - before.trim_end_matches('\\').len();
        if backslashes % 2 == 1 {
            return None;
        }
        let hex = text.get(at + 2..at + 6)?;
        let code = hex
            .bytes()
            .all(|b| b.is_ascii_hexdigit())
            .then(|| u32::from_str_radix(hex, 16).ok())??;
        Some((at, code))
    })
}

#[cfg(test)]
mod tests {
    use super::super::{parse, NodeKind, Quoting};

    fn value(src: &str, key: &str) -> (String, Quoting) {
        let root = parse(src).expect("parses");
        match &root.get(key).expect("the key").value.kind {
            NodeKind::Scalar { value, quoting } => (value.clone(), *quoting),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_escaped_surrogate_pair_is_the_character_it_encodes() {
        let src = "author: \"Akshay \\ud83d\\ude80\"\nhandle: akshay\n";
        assert_eq!(value(src, "author").0, "Akshay 🚀");
        assert_eq!(value(src, "handle").0, "akshay");
        // Spans are those of the source as written.
        let root = parse(src).unwrap();
        let span = root.get("author").unwrap().value.span.clone();
        assert_eq!(&src[span], "\"Akshay \\ud83d\\ude80\"");
    }

    #[test]
    fn outside_double_quotes_an_escape_is_text_and_stays_as_written() {
        let src =
            "a: \"\\ud83d\\ude80 \\uD83D\\uDE00\"\nb: '\\ud83d\\ude80'\nc: plain \\ud83d\\ude80\n";
        assert_eq!(value(src, "a").0, "🚀 😀");
        assert_eq!(value(src, "b").0, "\\ud83d\\ude80");
        assert_eq!(value(src, "c").0, "plain \\ud83d\\ude80");
        // An escaped backslash before `u` writes the text `\u…`: no escape, left as it reads.
        let src = "a: \"\\ud83d\\ude80\"\nb: \"\\\\ud83d\\\\ude80 \\ud83d\\ude80\"\n";
        assert_eq!(value(src, "b").0, "\\ud83d\\ude80 🚀");
    }

    #[test]
    fn a_lone_surrogate_or_a_placeholder_written_already_is_still_an_error() {
        assert!(parse("a: \"\\ud83d\"\n").is_err());
        assert!(parse("a: \"\\ud83d\\ude80 \\uf03d\"\n").is_err());
        assert!(parse("a: \"\\ud83d\\ude80 \u{f03d}\"\n").is_err());
    }
}
