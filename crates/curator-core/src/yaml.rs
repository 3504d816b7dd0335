//! A YAML tree that remembers where every node sits in the source.
//!
//! Built on `saphyr-parser`'s event stream (a maintained YAML 1.2 parser that reports spans).
//! Rules read values from this tree and edit the exact bytes a node occupies, so everything
//! they do not touch — comments, quoting, list style, line endings — stays as written.
//!
//! Aliases are never expanded (a frontmatter using them is refused), nesting depth and size are
//! bounded, and duplicate keys are errors, so hostile frontmatter costs bounded time and memory.

use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::ops::Range;

mod surrogates;

/// The largest frontmatter block the engine parses, in bytes.
pub const MAX_FRONTMATTER_BYTES: usize = 256 * 1024;
/// The deepest nesting of sequences and mappings the engine accepts.
pub const MAX_DEPTH: usize = 32;

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quoting {
    /// `value`
    Plain,
    /// `'value'`
    Single,
    /// `"value"`
    Double,
    /// `|` or `>` block scalar.
    Block,
}

/// The end of a flow collection: just past its closing bracket, which the end event starts at
/// (the event's own span runs on over trailing comments).
fn close_at(src: &str, start: usize, end: usize) -> usize {
    match src.as_bytes().get(start) {
        Some(b']' | b'}') => start + 1,
        _ => end,
    }
}

/// The end of a quoted scalar starting at `start`: just past its closing quote (the event's own
/// span runs on over trailing blanks and a comment, which an edit of the scalar must keep).
fn quoted_end(src: &str, start: usize, end: usize, quote: u8) -> usize {
    let bytes = src.as_bytes().get(..end).unwrap_or_default();
    let mut i = start + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' if quote == b'"' => i += 2,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    end
}

/// Where a node's own text starts when the event's span begins with its properties (a tag such
/// as `!!str` or `!<…>`, an anchor `&a`, and the blanks, line breaks and comments among them), so
/// an edit of the node keeps them.
fn after_properties(src: &str, start: usize, end: usize) -> usize {
    let bytes = src.as_bytes();
    let mut i = start;
    while i < end {
        match bytes.get(i) {
            Some(b'!') if bytes.get(i + 1) == Some(&b'<') => {
                i = bytes
                    .get(i..end)
                    .and_then(|rest| rest.iter().position(|b| *b == b'>'))
                    .map_or(end, |p| i + p + 1);
            }
            Some(b'!' | b'&') => {
                while bytes.get(i).is_some_and(|b| !b" \t\r\n,[]{}".contains(b)) {
                    i += 1;
                }
            }
            Some(b' ' | b'\t' | b'\r' | b'\n') => i += 1,
            Some(b'#') => {
                i = bytes
                    .get(i..end)
                    .and_then(|rest| rest.iter().position(|b| *b == b'\n'))
                    .map_or(end, |p| i + p);
            }
            _ => break,
        }
    }
    i.min(end)
}

/// The offset of the `-` that opens a block sequence item at `start` (skipping back over blanks),
/// or `start` when the item has no dash before it.
fn dash_before(src: &str, start: usize) -> usize {
    let head = src.as_bytes().get(..start).unwrap_or_default();
    let blanks = head
        .iter()
        .rev()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count();
    match head.len().checked_sub(blanks + 1) {
        Some(dash) if head.get(dash) == Some(&b'-') => dash,
        _ => start,
    }
}

/// A YAML node with its byte span in the parsed source.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Byte range of the node in the source given to [`parse`] (quotes and brackets included).
    pub span: Range<usize>,
    /// What the node is.
    pub kind: NodeKind,
}

/// The shapes a YAML node can take.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// A scalar with its decoded value and how it was quoted.
    Scalar {
        /// The decoded value.
        value: String,
        /// How it was written.
        quoting: Quoting,
    },
    /// A sequence.
    Seq {
        /// The items, in source order.
        items: Vec<Node>,
        /// True for `[a, b]`, false for `- a` blocks.
        flow: bool,
    },
    /// A mapping.
    Map {
        /// The entries, in source order.
        entries: Vec<Entry>,
        /// True for `{a: b}`.
        flow: bool,
    },
}

/// One `key: value` pair of a mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key node: a scalar, or a collection for complex keys such as the `{ DATE }` of an
    /// unfilled `{ { DATE } }` placeholder.
    pub key: Node,
    /// The value node. An empty value (`key:`) is a plain scalar with an empty string.
    pub value: Node,
}

impl Entry {
    /// The key's text (empty for a complex key).
    pub fn key_str(&self) -> &str {
        self.key.as_str().unwrap_or("")
    }
}

impl Node {
    /// The scalar's decoded text, if this node is a scalar.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }

    /// How the node was quoted: a scalar's quoting, plain for anything else.
    pub fn quoting(&self) -> Quoting {
        match &self.kind {
            NodeKind::Scalar { quoting, .. } => *quoting,
            _ => Quoting::Plain,
        }
    }

    /// The items, if this node is a sequence.
    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::Seq { items, .. } => Some(items),
            _ => None,
        }
    }

    /// The entries, if this node is a mapping.
    pub fn entries(&self) -> &[Entry] {
        match &self.kind {
            NodeKind::Map { entries, .. } => entries,
            _ => &[],
        }
    }

    /// The entry whose key is exactly `key`.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries().iter().find(|e| e.key_str() == key)
    }

    /// True for a plain empty scalar or `null`/`~` — a key with no value.
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, NodeKind::Scalar { value, quoting: Quoting::Plain }
            if value.is_empty() || value == "~" || value.eq_ignore_ascii_case("null"))
    }

    /// The node's scalar strings: the scalar itself, or every scalar item of a sequence.
    pub fn strings(&self) -> Vec<&str> {
        match &self.kind {
            NodeKind::Scalar { value, .. } if !self.is_null() => vec![value.as_str()],
            NodeKind::Seq { items, .. } => items.iter().filter_map(Node::as_str).collect(),
            _ => Vec::new(),
        }
    }
}

/// Why a YAML text could not be turned into a tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line within the parsed source.
    pub line: usize,
    /// What is wrong, in words.
    pub message: String,
    /// The YAML is valid, but no frontmatter Vault Curator edits: anchors and aliases, deep
    /// nesting, a huge text, something else than properties.
    pub refused: bool,
}

impl YamlError {
    /// The error as the note's owner reads it: `frontmatter is not valid YAML: …`, or for
    /// valid YAML refused, `frontmatter uses a YAML alias …`.
    pub fn describe(&self) -> String {
        match self.refused {
            true => format!("frontmatter {}", self.message),
            false => format!("frontmatter is not valid YAML: {}", self.message),
        }
    }
}

/// Parses `src` (the text between the `---` fences) into its top-level mapping.
///
/// An empty source gives an empty mapping. Anything but a single mapping document is an error.
pub fn parse(src: &str) -> Result<Node, YamlError> {
    match read(src) {
        // `date:<TAB>2026-11-01`: a tab after a key's colon, which the parser refuses and
        // Obsidian's JavaScript parser reads as a space. Read it so too: a space for a tab
        // moves no byte.
        Err(error) => match spaced_keys(src) {
            Some(spaced) => read(&spaced).map_err(|_| error),
            None => Err(error),
        },
        ok => ok,
    }
}

/// `src` with the tabs right after a block key's colon made spaces, when it has any: a key
/// opening its line (after any indent and list dash), plain and unquoted.
fn spaced_keys(src: &str) -> Option<String> {
    let mut out = String::with_capacity(src.len());
    let mut changed = false;
    for line in src.split_inclusive('\n') {
        let body = line.trim_start_matches(' ');
        let body = body.strip_prefix("- ").unwrap_or(body);
        let key_end = body
            .find(':')
            .filter(|&colon| {
                let key = &body[..colon];
                !key.is_empty() && !key.contains(['"', '\'', '#', '[', '{', '\t'])
            })
            .filter(|&colon| body[colon + 1..].starts_with('\t'));
        match key_end {
            Some(colon) => {
                let at = line.len() - body.len() + colon + 1;
                let tabs = line[at..].len() - line[at..].trim_start_matches('\t').len();
                out.push_str(&line[..at]);
                out.extend(std::iter::repeat_n(' ', tabs));
                out.push_str(&line[at + tabs..]);
                changed = true;
            }
            None => out.push_str(line),
        }
    }
    changed.then_some(out)
}

/// [`parse`] without its reading of tabs: escaped surrogate pairs read as their characters.
fn read(src: &str) -> Result<Node, YamlError> {
    match parse_with(src, false) {
        // `"\ud83d\ude80"`: an emoji escaped as JSON escapes it (a surrogate pair), which YAML
        // does not allow and Obsidian's JavaScript parser reads as the emoji. Read it so too.
        Err(error) => match surrogates::paired(src) {
            Some(placeholders) => parse_with(&placeholders, true).map_err(|_| error),
            None => Err(error),
        },
        ok => ok,
    }
}

/// [`parse`] of `src`; `paired` says its surrogate pairs are [`surrogates`]' placeholders.
fn parse_with(src: &str, paired: bool) -> Result<Node, YamlError> {
    if src.len() > MAX_FRONTMATTER_BYTES {
        return Err(YamlError {
            line: 1,
            message: format!(
                "is {} KB; the limit is {} KB",
                src.len() / 1024,
                MAX_FRONTMATTER_BYTES / 1024
            ),
            refused: true,
        });
    }
    let mut builder = Builder {
        src,
        offsets: CharOffsets::new(src),
        stack: Vec::new(),
        root: None,
        paired,
    };
    for item in Parser::new_from_str(src) {
        // saphyr counts a lone `\r` as a line break; lines here count `\n`, as the note's do.
        let (event, span) = item.map_err(|e| {
            let at = builder.offsets.byte(e.marker().index());
            let mut err = builder.err(at, e.info());
            let line = src.lines().nth(err.line.saturating_sub(1)).unwrap_or("");
            if let Some(hint) = hint(e.info(), line) {
                err.message = format!("{}; {hint}", err.message);
            }
            err
        })?;
        builder.event(event, span)?;
    }
    match builder.root {
        None => Ok(Node {
            span: 0..0,
            kind: NodeKind::Map {
                entries: Vec::new(),
                flow: false,
            },
        }),
        Some(node) if matches!(node.kind, NodeKind::Map { .. }) => Ok(node),
        Some(node) if node.is_null() => Ok(Node {
            span: 0..0,
            kind: NodeKind::Map {
                entries: Vec::new(),
                flow: false,
            },
        }),
        Some(_) => Err(YamlError {
            line: 1,
            message: "is not a list of `key: value` properties".into(),
            refused: true,
        }),
    }
}

/// What to change, for the mistakes people make writing a property by hand, given the parser's
/// message and the line it stopped on: a value holding `: `, a value opening with a character
/// YAML reserves, wikilinks written bare with more after them, a value that opens with a quoted
/// part and goes on after it.
fn hint(info: &str, line: &str) -> Option<String> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    let value = value.trim();
    if key.is_empty() || key.starts_with(['-', '#', '"', '\'']) {
        return None;
    }
    let quote = "put the whole value in quotes";
    if info.starts_with("mapping values are not allowed") && value.contains(": ") {
        Some(format!(
            "the value of `{key}` holds `: `, which YAML reads as another property: {quote}"
        ))
    } else if info.starts_with("unexpected character") && value.starts_with(['`', '@', '%']) {
        let first = value.chars().next().unwrap_or('`');
        Some(format!(
            "the value of `{key}` starts with {first}, which YAML reserves: {quote}"
        ))
    } else if info.contains("did not find expected key") && value.starts_with("[[") {
        Some(format!(
            "the value of `{key}` is a link written bare, which YAML reads as a list and cannot \
             go on after: put each link in quotes (`{key}: \"[[A]]\"`, or a list of them: \
             `{key}: [\"[[A]]\", \"[[B]]\"]`)"
        ))
    } else if info.starts_with("invalid trailing content after double-quoted scalar")
        && value.starts_with('"')
    {
        Some(format!(
            "the value of `{key}` opens with a quoted part and goes on after it: put the whole \
             value in single quotes, writing each `'` inside as `''`"
        ))
    } else {
        None
    }
}

/// Maps saphyr's character indices to byte offsets.
struct CharOffsets {
    bytes: Option<Vec<usize>>,
    len: usize,
}

impl CharOffsets {
    fn new(src: &str) -> Self {
        let bytes = (!src.is_ascii()).then(|| {
            src.char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(src.len()))
                .collect()
        });
        CharOffsets {
            bytes,
            len: src.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        match &self.bytes {
            None => char_index.min(self.len),
            Some(v) => v.get(char_index).copied().unwrap_or(self.len),
        }
    }
}

enum Frame {
    Seq {
        start: usize,
        items: Vec<Node>,
        flow: bool,
    },
    Map {
        start: usize,
        entries: Vec<Entry>,
        pending_key: Option<Node>,
        flow: bool,
    },
}

struct Builder<'a> {
    src: &'a str,
    offsets: CharOffsets,
    stack: Vec<Frame>,
    root: Option<Node>,
    /// The source's surrogate pairs are [`surrogates`]' placeholders, to be read back.
    paired: bool,
}

impl Builder<'_> {
    fn line_of(&self, byte: usize) -> usize {
        self.src.as_bytes()[..byte.min(self.src.len())]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1
    }

    fn err(&self, byte: usize, message: impl Into<String>) -> YamlError {
        YamlError {
            line: self.line_of(byte),
            message: message.into(),
            refused: false,
        }
    }

    /// [`Builder::err`] for valid YAML that no frontmatter is.
    fn refuse(&self, byte: usize, message: impl Into<String>) -> YamlError {
        YamlError {
            refused: true,
            ..self.err(byte, message)
        }
    }

    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), YamlError> {
        let start = self.offsets.byte(span.start.index());
        let end = self.offsets.byte(span.end.index());
        let start = match &event {
            Event::Scalar(_, _, anchor, tag)
            | Event::SequenceStart(anchor, tag)
            | Event::MappingStart(anchor, tag)
                if *anchor > 0 || tag.is_some() =>
            {
                after_properties(self.src, start, end)
            }
            _ => start,
        };
        match event {
            Event::Scalar(value, style, _, _) => {
                let quoting = match style {
                    ScalarStyle::Plain => Quoting::Plain,
                    ScalarStyle::SingleQuoted => Quoting::Single,
                    ScalarStyle::DoubleQuoted => Quoting::Double,
                    _ => Quoting::Block,
                };
                let span = match quoting {
                    Quoting::Plain if value.is_empty() => start..start,
                    Quoting::Single => start..quoted_end(self.src, start, end, b'\''),
                    Quoting::Double => start..quoted_end(self.src, start, end, b'"'),
                    _ => start..end,
                };
                let value = if self.paired {
                    surrogates::unpaired(&value, quoting == Quoting::Double)
                } else {
                    value.into_owned()
                };
                self.push(Node {
                    span,
                    kind: NodeKind::Scalar { value, quoting },
                })?;
            }
            Event::Alias(_) => {
                return Err(self.refuse(start, "uses a YAML alias (`*name`); Vault Curator does not edit frontmatter with anchors and aliases"));
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if self.stack.len() >= MAX_DEPTH {
                    return Err(
                        self.refuse(start, format!("is nested deeper than {MAX_DEPTH} levels"))
                    );
                }
                // A flow collection's start event spans its bracket; a block one's is empty,
                // and for an indentless `key:\n- item` list it sits on the first item.
                let flow =
                    end > start && matches!(self.src.as_bytes().get(start), Some(b'[' | b'{'));
                self.stack
                    .push(if matches!(event, Event::SequenceStart(..)) {
                        Frame::Seq {
                            start: if flow {
                                start
                            } else {
                                dash_before(self.src, start)
                            },
                            items: Vec::new(),
                            flow,
                        }
                    } else {
                        Frame::Map {
                            start,
                            entries: Vec::new(),
                            pending_key: None,
                            flow,
                        }
                    });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let node = match self.stack.pop() {
                    Some(Frame::Seq {
                        start: s,
                        items,
                        flow,
                    }) => {
                        let e = if flow {
                            close_at(self.src, start, end)
                        } else {
                            items.last().map_or(s, |n| n.span.end)
                        };
                        Node {
                            span: s..e.max(s),
                            kind: NodeKind::Seq { items, flow },
                        }
                    }
                    Some(Frame::Map {
                        start: s,
                        entries,
                        flow,
                        ..
                    }) => {
                        let e = if flow {
                            close_at(self.src, start, end)
                        } else {
                            entries
                                .last()
                                .map_or(s, |en| en.value.span.end.max(en.key.span.end))
                        };
                        Node {
                            span: s..e.max(s),
                            kind: NodeKind::Map { entries, flow },
                        }
                    }
                    None => return Err(self.err(start, "has an unbalanced collection")),
                };
                self.push(node)?;
            }
            Event::DocumentStart(_) if self.root.is_some() => {
                return Err(self.err(start, "holds more than one YAML document"));
            }
            _ => {}
        }
        Ok(())
    }

    fn push(&mut self, node: Node) -> Result<(), YamlError> {
        let at = node.span.start;
        match self.stack.last_mut() {
            None => {
                self.root = Some(node);
                Ok(())
            }
            Some(Frame::Seq { items, .. }) => {
                items.push(node);
                Ok(())
            }
            Some(Frame::Map {
                entries,
                pending_key,
                ..
            }) => match pending_key.take() {
                None => {
                    if let Some(key) = node.as_str() {
                        if entries.iter().any(|e| e.key.as_str() == Some(key)) {
                            let key = key.to_string();
                            return Err(self.err(at, format!("has the key `{key}` twice")));
                        }
                    }
                    *pending_key = Some(node);
                    Ok(())
                }
                Some(key) => {
                    entries.push(Entry { key, value: node });
                    Ok(())
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text<'a>(src: &'a str, node: &Node) -> &'a str {
        &src[node.span.clone()]
    }

    #[test]
    fn spans_cover_scalars_with_their_quotes() {
        let src = "title: \"Rob Benoit\"\ncreated: '2026-01-03'\nplain: héllo wörld\n";
        let root = parse(src).unwrap();
        assert_eq!(
            text(src, &root.get("title").unwrap().value),
            "\"Rob Benoit\""
        );
        assert_eq!(
            text(src, &root.get("created").unwrap().value),
            "'2026-01-03'"
        );
        let plain = &root.get("plain").unwrap().value;
        assert_eq!(text(src, plain), "héllo wörld");
        assert_eq!(plain.as_str(), Some("héllo wörld"));
    }

    #[test]
    fn a_tab_after_a_keys_colon_separates_as_a_space_does() {
        let src = "date:\t2026-11-01\n- key:\t\tx\nnote: \"a:\tb\"\n";
        let root = parse("date:\t2026-11-01\ntags:\t[a, b]\nnote: \"a:\tb\"\n").unwrap();
        assert_eq!(root.get("date").unwrap().value.as_str(), Some("2026-11-01"));
        assert_eq!(root.get("note").unwrap().value.as_str(), Some("a:\tb"));
        assert_eq!(
            spaced_keys(src).as_deref(),
            Some("date: 2026-11-01\n- key:  x\nnote: \"a:\tb\"\n")
        );
    }

    #[test]
    fn quoted_scalars_end_at_their_closing_quote() {
        let src = "a: \"x \\\" # y\"   # note\nb: 'it''s # z'  # note\nc: [\"q\"  , 'r' ]\n";
        let root = parse(src).unwrap();
        assert_eq!(text(src, &root.get("a").unwrap().value), "\"x \\\" # y\"");
        assert_eq!(text(src, &root.get("b").unwrap().value), "'it''s # z'");
        let c = root.get("c").unwrap().value.as_seq().unwrap().to_vec();
        assert_eq!(text(src, &c[0]), "\"q\"");
        assert_eq!(text(src, &c[1]), "'r'");
    }

    #[test]
    fn tags_and_anchors_stay_outside_their_nodes() {
        let src = "a: !!str \"x\" # c\nb: &y 'y'\nc: !t plain\nd: !!seq [p, q]\ne: !t\nf: &z # why\n  - r\ng: !<tag:x> {k: v}\n";
        let root = parse(src).unwrap();
        let raw = |k: &str| text(src, &root.get(k).unwrap().value);
        assert_eq!(raw("a"), "\"x\"");
        assert_eq!(raw("b"), "'y'");
        assert_eq!(raw("c"), "plain");
        assert_eq!(raw("d"), "[p, q]");
        assert_eq!(raw("e"), "");
        assert_eq!(
            root.get("e").unwrap().value.span.start,
            src.find("\nf").unwrap()
        );
        assert_eq!(raw("f"), "- r");
        assert_eq!(raw("g"), "{k: v}");
    }

    #[test]
    fn indentless_block_lists_start_at_their_dash() {
        let src = "tags:\n- [a]\n- b\nlist:\n-   {x: y}\n";
        let root = parse(src).unwrap();
        let tags = &root.get("tags").unwrap().value;
        assert!(matches!(tags.kind, NodeKind::Seq { flow: false, .. }));
        assert_eq!(text(src, tags), "- [a]\n- b");
        let first = &tags.as_seq().unwrap()[0];
        assert!(matches!(first.kind, NodeKind::Seq { flow: true, .. }));
        assert_eq!(text(src, first), "[a]");
        let list = &root.get("list").unwrap().value;
        assert!(matches!(list.kind, NodeKind::Seq { flow: false, .. }));
        assert_eq!(text(src, list), "-   {x: y}");
    }

    #[test]
    fn spans_cover_flow_and_block_lists() {
        let src = "tags: [a, b]  # note\nlist:\n  - x\n  - y # c\nnext: 1\n";
        let root = parse(src).unwrap();
        assert_eq!(text(src, &root.get("tags").unwrap().value), "[a, b]");
        let list = &root.get("list").unwrap().value;
        assert_eq!(text(src, list), "- x\n  - y");
        assert_eq!(list.strings(), vec!["x", "y"]);
    }

    #[test]
    fn placeholder_is_a_nested_flow_mapping() {
        let src = "created: { { DATE } }\nparticipants: [{ { PARTICIPANTS } }]\n";
        let root = parse(src).unwrap();
        let created = &root.get("created").unwrap().value;
        assert!(matches!(created.kind, NodeKind::Map { flow: true, .. }));
        assert_eq!(text(src, created), "{ { DATE } }");
        assert_eq!(
            text(src, &root.get("participants").unwrap().value),
            "[{ { PARTICIPANTS } }]"
        );
    }

    #[test]
    fn empty_values_have_empty_spans_at_their_position() {
        let src = "participants:\nnext: 1\n";
        let root = parse(src).unwrap();
        assert!(root.get("participants").unwrap().value.is_null());
    }

    #[test]
    fn refuses_duplicates_aliases_and_non_mappings() {
        assert!(parse("a: 1\na: 2\n").unwrap_err().message.contains("twice"));
        let laughs = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n";
        assert!(parse(laughs).unwrap_err().message.contains("alias"));
        assert!(parse("- a\n- b\n").is_err());
        assert!(parse("a: [unclosed\n").is_err());
    }

    #[test]
    fn error_lines_count_line_feeds_only() {
        let err = parse("a: 1\r\r\r\nb: [\n").unwrap_err();
        assert_eq!(err.line, 3, "{err:?}");
    }

    #[test]
    fn bounds_depth() {
        let deep = format!("a: {}{}\n", "[".repeat(100), "]".repeat(100));
        assert!(parse(&deep).unwrap_err().message.contains("nested"));
    }

    #[test]
    fn empty_source_is_an_empty_mapping() {
        assert!(parse("").unwrap().entries().is_empty());
        assert!(parse("# only a comment\n").unwrap().entries().is_empty());
    }
}
