//! A note parsed once into a model that keeps byte offsets.
//!
//! [`Note::parse`] splits off the frontmatter (parsed with [`crate::yaml`]) and reads the body
//! with pulldown-cmark, recording headings, list items, links and code with their spans, then
//! finds Obsidian's `%%` comments outside that code. Every offset is into the note's full text,
//! so rules can turn what they find straight into edits.

use crate::lines::LineIndex;
use crate::yaml::{self, Node, YamlError};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use std::cell::OnceCell;
use std::ops::Range;

/// The `---` fenced YAML block at the top of a note.
#[derive(Debug, Clone)]
pub struct Frontmatter {
    /// Span of the whole block, from the opening `---` to the end of the closing fence's line.
    pub block: Range<usize>,
    /// Span of the YAML text between the fences.
    pub content: Range<usize>,
    /// The parsed properties (spans in the tree are relative to `content.start`), or why not.
    pub yaml: Result<Node, YamlError>,
}

impl Frontmatter {
    /// The parsed top-level mapping, when the YAML is valid.
    pub fn root(&self) -> Option<&Node> {
        self.yaml.as_ref().ok()
    }

    /// Converts a span of the YAML tree into a span of the note.
    pub fn to_note(&self, span: &Range<usize>) -> Range<usize> {
        self.content.start + span.start..self.content.start + span.end
    }

    /// True when edits starting at `starts` leave this block of `text`, and so its parse, as it
    /// is: each starts at or after the block's end, and the closing fence ends its line (text
    /// written right after a fence without a line break would join its line).
    pub fn kept_by(&self, text: &str, mut starts: impl Iterator<Item = usize>) -> bool {
        let block_end = self.block.end;
        block_end
            .checked_sub(1)
            .is_some_and(|last| text.as_bytes().get(last) == Some(&b'\n'))
            && starts.all(|start| start >= block_end)
    }
}

/// A Markdown heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The heading's text (inline markup dropped).
    pub text: String,
    /// Span of the heading line(s).
    pub span: Range<usize>,
}

/// A list item (tasks included), with its place in the list tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListItem {
    /// Span of the item, nested items included.
    pub span: Range<usize>,
    /// Span of the item's first line, without the line ending.
    pub line: Range<usize>,
    /// Index (into [`Note::list_items`]) of the enclosing item, if nested.
    pub parent: Option<usize>,
    /// Index (into [`Note::headings`]) of the heading the item sits under.
    pub heading: Option<usize>,
    /// True when the item sits inside a blockquote or callout.
    pub in_quote: bool,
}

/// How a link was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// `[[Target]]` or `[[Target|display]]`.
    Wiki,
    /// `![[Target]]`.
    Embed,
    /// `[text](url)` and other CommonMark links.
    Markdown,
}

/// A link in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Span of the whole link syntax, e.g. `[[Rob Banga|Rob]]`.
    pub span: Range<usize>,
    /// The target as written, without `#heading`/`^block` suffix.
    pub target: String,
    /// The display text when the user wrote one (`[[target|display]]`).
    pub display: Option<String>,
    /// Wiki, embed or Markdown link.
    pub kind: LinkKind,
}

/// True when a link's `target` names a file other than a note: it ends in an extension
/// (`menu.pdf`, `scan.png`), not `.md`.
pub fn is_attachment(target: &str) -> bool {
    target.rsplit_once('.').is_some_and(|(name, ext)| {
        !name.is_empty()
            && (1..=5).contains(&ext.len())
            && ext.bytes().all(|b| b.is_ascii_alphanumeric())
            && !ext.eq_ignore_ascii_case("md")
    })
}

/// Code the engine must never treat as prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// Span of the code, fences or backticks included.
    pub span: Range<usize>,
    /// The fenced block's info string (`text`, `dataview`, …); `None` for inline or indented code.
    pub info: Option<String>,
}

/// A note parsed into a model with byte offsets into its text.
#[derive(Debug, Clone)]
pub struct Note<'a> {
    /// Vault-relative path with `/` separators.
    pub path: &'a str,
    /// The note's full text, exactly as read.
    pub text: &'a str,
    /// Line lookups for `text`.
    pub lines: LineIndex,
    /// The frontmatter block, if the note has one.
    pub frontmatter: Option<Frontmatter>,
    /// Where the body starts (after the BOM and frontmatter).
    pub body_start: usize,
    /// Headings in order.
    pub headings: Vec<Heading>,
    /// List items in document order.
    pub list_items: Vec<ListItem>,
    /// Links in document order.
    pub links: Vec<Link>,
    /// Fenced, indented and inline code in document order.
    pub code: Vec<Code>,
    /// Link reference definitions (`[label]: /some/url`), in document order.
    pub definitions: Vec<Range<usize>>,
    /// Obsidian comments (`%%hidden%%`, inline or over many lines) and HTML comments (`<!-- …
    /// -->`), markers included, in document order. A comment that never closes runs to the end
    /// of the note.
    pub comments: Vec<Range<usize>>,
    /// The body's labelled lines, read at the first ask ([`Note::label_lines`]).
    label_lines: OnceCell<Vec<LabelLine>>,
}

/// A line of the body opening with a one-word label and its mark, at the line's start or a
/// list item's: `**Participants:** …` as meeting notes write it, `**Date**: …`, `Speakers: …`,
/// or a Dataview field, `participants:: …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelLine {
    /// The label's span in the text (`Participants`).
    pub label: Range<usize>,
    /// Where the value starts: right after the mark (`:**`, `**:`, `::` or `:`).
    pub value_start: usize,
    /// True when the label is bold.
    pub bold: bool,
}

/// The most letters a label has (`Participants` has 12).
const MAX_LABEL_CHARS: usize = 24;

/// The labelled lines of `body`, which starts at byte `base` of the note (see [`LabelLine`]).
fn label_lines(body: &str, base: usize) -> Vec<LabelLine> {
    let mut out = Vec::new();
    let starts =
        std::iter::once(0).chain(memchr::memchr_iter(b'\n', body.as_bytes()).map(|i| i + 1));
    for at in starts {
        // The rest of the body from the line's start: only its opening is read, and nothing
        // read crosses the line's end.
        let line = body.get(at..).unwrap_or("");
        let opens = |b: &u8| b.is_ascii_alphabetic() || !b.is_ascii() || b" \t-*+".contains(b);
        if !line.as_bytes().first().is_some_and(opens) {
            continue;
        }
        let trimmed = line.trim_start_matches([' ', '\t']);
        let item = (trimmed.strip_prefix(['-', '*', '+']))
            .filter(|rest| rest.starts_with(' '))
            .map_or(trimmed, |rest| rest.trim_start_matches(' '));
        let (bold, rest) = match item.strip_prefix("**") {
            Some(rest) => (true, rest),
            None => (false, item),
        };
        let word = rest
            .char_indices()
            .take_while(|(i, c)| c.is_alphabetic() && *i < MAX_LABEL_CHARS * 4)
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        if word == 0 || rest[..word].chars().count() > MAX_LABEL_CHARS {
            continue;
        }
        // A colon, or the full-width one Chinese and Japanese write (`参加者：`), after a space
        // as French typography writes it (`**Participants :**`).
        let marks: &[&str] = if bold {
            &[":**", "**:", "：**", "**：", "** :"]
        } else {
            &["::", ":", "："]
        };
        let after = &rest[word..];
        let spaced = after.strip_prefix([' ', '\u{a0}', '\u{202f}']);
        let marked = [Some(after), spaced]
            .into_iter()
            .flatten()
            .find_map(|tail| {
                let mark = marks.iter().find(|m| tail.starts_with(**m))?;
                Some(after.len() - tail.len() + mark.len())
            });
        if let Some(mark_len) = marked {
            let label = base + at + (line.len() - rest.len());
            out.push(LabelLine {
                label: label..label + word,
                value_start: label + word + mark_len,
                bold,
            });
        }
    }
    out
}

/// The file name without folders and the `.md` extension: Obsidian's note title.
pub fn title_of(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".md").unwrap_or(name)
}

/// The name a link target or a note's path names: its title, or for a folder note
/// (`People/Jan Niemus/README`) its folder's name, which a title shared by many notes does not.
pub fn linked_name(target: &str) -> &str {
    folder_note_name(target).unwrap_or_else(|| title_of(target))
}

/// The folder's name when the note at `path` is its folder note in the way repositories write
/// one (`People/Jonsi Stefansson/README.md`, `…/index.md`): the note is about what its folder
/// is named, and its own title, shared by many notes, names nothing.
pub fn folder_note_name(path: &str) -> Option<&str> {
    let (folder, _) = path.rsplit_once('/')?;
    let generic = ["readme", "index", "_index"];
    generic
        .iter()
        .any(|g| title_of(path).eq_ignore_ascii_case(g))
        .then(|| folder.rsplit('/').next().unwrap_or(folder))
        .filter(|name| !name.is_empty())
}

impl<'a> Note<'a> {
    /// Parses `text` (the note at vault-relative `path`). Never fails: a broken frontmatter is
    /// recorded in [`Frontmatter::yaml`] and an unterminated one leaves the whole text as body.
    pub fn parse(path: &'a str, text: &'a str) -> Note<'a> {
        Note::with_frontmatter(path, text, split_frontmatter(text, bom_len(text)))
    }

    /// [`Note::parse`] of a text that starts with the very frontmatter block `kept` was read
    /// from (see [`Frontmatter::kept_by`]): the block is not read again. A fix pass that edits
    /// the body only parses the properties once.
    pub fn parse_keeping(path: &'a str, text: &'a str, kept: Option<Frontmatter>) -> Note<'a> {
        match kept {
            Some(frontmatter) => Note::with_frontmatter(path, text, Some(frontmatter)),
            None => Note::parse(path, text),
        }
    }

    fn with_frontmatter(
        path: &'a str,
        text: &'a str,
        frontmatter: Option<Frontmatter>,
    ) -> Note<'a> {
        let bom = bom_len(text);
        let body_start = frontmatter.as_ref().map_or(bom, |f| f.block.end);
        let mut note = Note {
            path,
            text,
            lines: LineIndex::new(text),
            frontmatter,
            body_start,
            headings: Vec::new(),
            list_items: Vec::new(),
            links: Vec::new(),
            code: Vec::new(),
            definitions: Vec::new(),
            comments: Vec::new(),
            label_lines: OnceCell::new(),
        };
        note.read_body();
        note.take_math_blocks();
        note.comments = comment_spans(text, body_start, &note.code);
        note
    }

    /// True when the note opens a frontmatter block that never closes
    /// ([`has_unterminated_frontmatter`] of its text, from the parse).
    pub fn has_unterminated_frontmatter(&self) -> bool {
        self.frontmatter.is_none() && opens_frontmatter(self.text)
    }

    /// The body's labelled lines ([`LabelLine`]), in order, code and comments included: read
    /// once, at the first ask.
    pub fn label_lines(&self) -> &[LabelLine] {
        self.label_lines
            .get_or_init(|| label_lines(self.body(), self.body_start))
    }

    /// The note's title (its file name without `.md`).
    pub fn title(&self) -> &'a str {
        title_of(self.path)
    }

    /// The body text (everything after the frontmatter).
    pub fn body(&self) -> &'a str {
        &self.text[self.body_start..]
    }

    /// The 1-based line of byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.line_of(offset)
    }

    /// True when `offset` lies inside code (fenced, indented or inline).
    pub fn in_code(&self, offset: usize) -> bool {
        covers(&self.code, |c| &c.span, offset)
    }

    /// True when `offset` lies in a heading.
    pub fn in_heading(&self, offset: usize) -> bool {
        covers(&self.headings, |h| &h.span, offset)
    }

    /// True when `offset` lies inside an Obsidian `%%` comment, which Obsidian does not show.
    pub fn in_comment(&self, offset: usize) -> bool {
        covers(&self.comments, |c| c, offset)
    }

    /// True when `offset` lies in code or in a comment: text that is not prose to read or edit.
    pub fn in_code_or_comment(&self, offset: usize) -> bool {
        self.in_code(offset) || self.in_comment(offset)
    }

    /// The spans of `#tag` written in the body as Obsidian reads a tag there, in any case: after
    /// a space or at a line's start, ending where a tag's characters end (`#needs-review`, not
    /// `#needs-reviewer` nor `#needs-review/done`), outside code and comments.
    #[inline(never)]
    pub fn inline_tag_spans(&self, tag: &str) -> Vec<Range<usize>> {
        let body = self.body();
        let mut out = Vec::new();
        let is_tag_char = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '/');
        for (at, _) in body.match_indices('#') {
            let start = self.body_start + at;
            let end = start + 1 + tag.len();
            let Some(word) = self.text.get(start + 1..end) else {
                continue;
            };
            let opens = body[..at]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace);
            let closes = (self.text.get(end..)).is_some_and(|rest| !rest.starts_with(is_tag_char));
            if opens && closes && word.eq_ignore_ascii_case(tag) && !self.in_code_or_comment(start)
            {
                out.push(start..end);
            }
        }
        out
    }

    /// The line ending the note uses (`"\r\n"` when its first line break is CRLF).
    pub fn line_ending(&self) -> &'static str {
        match self.text.find('\n') {
            Some(i) if i > 0 && self.text.as_bytes()[i - 1] == b'\r' => "\r\n",
            _ => "\n",
        }
    }

    /// The top-level frontmatter property `key`, when the frontmatter parsed.
    pub fn property(&self, key: &str) -> Option<&Node> {
        self.frontmatter
            .as_ref()?
            .root()?
            .get(key)
            .map(|e| &e.value)
    }

    /// Counts Obsidian's math blocks ([`math_blocks`]) as code, and drops the links
    /// pulldown-cmark found in them: LaTeX holds no link, name or task.
    fn take_math_blocks(&mut self) {
        let blocks = math_blocks(self.text, self.body_start, &self.code);
        if blocks.is_empty() {
            return;
        }
        let inside = |at: usize| covers(&blocks, |b| b, at);
        self.links.retain(|l| !inside(l.span.start));
        let mut code: Vec<Code> = std::mem::take(&mut self.code);
        code.retain(|c| {
            !(inside(c.span.start) || blocks.iter().any(|b| c.span.contains(&b.start)))
        });
        code.extend(blocks.into_iter().map(|span| Code { span, info: None }));
        code.sort_by_key(|c| c.span.start);
        self.code = code;
    }

    fn read_body(&mut self) {
        let base = self.body_start;
        let body = &self.text[base..];
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_WIKILINKS
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_MATH;
        let mut item_stack: Vec<usize> = Vec::new();
        let mut quote_depth = 0usize;
        let mut heading: Option<(u8, usize, String)> = None;
        let mut link: Option<(usize, String, LinkKind, String)> = None;
        let mut events = Parser::new_ext(body, options).into_offset_iter();
        for (event, range) in events.by_ref() {
            let span = base + range.start..base + range.end;
            match event {
                Event::Start(Tag::Heading { level, .. }) => {
                    heading = Some((heading_level(level), span.start, String::new()));
                }
                Event::End(TagEnd::Heading(_)) => {
                    if let Some((level, start, text)) = heading.take() {
                        self.headings.push(Heading {
                            level,
                            text: text.trim().to_string(),
                            span: start..span.end,
                        });
                    }
                }
                Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
                Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
                Event::Start(Tag::Item) => {
                    // pulldown-cmark starts a tab-indented nested item at the previous line's end.
                    let item = &self.text[span.start..span.end];
                    let start = span.end - item.trim_start_matches(['\r', '\n']).len();
                    let line_end = self.text[start..span.end]
                        .find(['\r', '\n'])
                        .map_or(span.end, |i| start + i);
                    self.list_items.push(ListItem {
                        span: start..span.end,
                        line: start..line_end,
                        parent: item_stack.last().copied(),
                        heading: self.headings.len().checked_sub(1),
                        in_quote: quote_depth > 0,
                    });
                    item_stack.push(self.list_items.len() - 1);
                }
                Event::End(TagEnd::Item) => {
                    item_stack.pop();
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    ..
                }) => {
                    let kind = match link_type {
                        LinkType::WikiLink { .. } => LinkKind::Wiki,
                        _ => LinkKind::Markdown,
                    };
                    link = Some((span.start, dest_url.into_string(), kind, String::new()));
                }
                Event::Start(Tag::Image {
                    link_type: LinkType::WikiLink { .. },
                    dest_url,
                    ..
                }) => {
                    link = Some((
                        span.start,
                        dest_url.into_string(),
                        LinkKind::Embed,
                        String::new(),
                    ));
                }
                Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                    // Obsidian reads no wikilink across a line break (`[[Bobby` and `T]]`).
                    let broken = |start: usize, kind: LinkKind| {
                        kind != LinkKind::Markdown && self.text[start..span.end].contains('\n')
                    };
                    if let Some((start, dest, kind, shown)) = link
                        .take()
                        .filter(|(start, _, kind, _)| !broken(*start, *kind))
                    {
                        self.links.push(make_link(
                            &self.text[start..span.end],
                            start..span.end,
                            dest,
                            kind,
                            shown,
                        ));
                    }
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    let info = match kind {
                        CodeBlockKind::Fenced(info) => {
                            Some(info.split_whitespace().next().unwrap_or("").to_string())
                        }
                        CodeBlockKind::Indented => None,
                    };
                    self.code.push(Code { span, info });
                }
                Event::Code(_) => self.code.push(Code { span, info: None }),
                // Math is LaTeX, not Markdown: nothing in it is a link or a name to edit.
                Event::InlineMath(_) | Event::DisplayMath(_) => {
                    self.code.push(Code { span, info: None })
                }
                Event::Text(t) => {
                    if let Some((_, _, _, shown)) = link.as_mut() {
                        shown.push_str(&t);
                    }
                    if let Some((_, _, text)) = heading.as_mut() {
                        text.push_str(&t);
                    }
                }
                _ => {}
            }
        }
        self.definitions = events
            .reference_definitions()
            .iter()
            .map(|(_, def)| base + def.span.start..base + def.span.end)
            .collect();
        self.definitions.sort_by_key(|r| r.start);
    }
}

/// True when `offset` lies in the span of one of `items` (in document order, not overlapping).
fn covers<T>(items: &[T], span: impl Fn(&T) -> &Range<usize>, offset: usize) -> bool {
    let i = items.partition_point(|item| span(item).end <= offset);
    items.get(i).is_some_and(|item| span(item).start <= offset)
}

/// Obsidian's math blocks in the body: from `$$` opening a line (after indentation and quote
/// markers), outside code, to the next `$$`, markers included. Obsidian renders all of it as
/// LaTeX, list items and blank lines between included, where CommonMark's parser ends the math
/// at the first line that opens a block. A `$$` that never closes opens nothing.
fn math_blocks(text: &str, body_start: usize, code: &[Code]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    if memchr::memmem::find(&bytes[body_start.min(bytes.len())..], b"$$").is_none() {
        return Vec::new();
    }
    let line_end = |at: usize| memchr::memchr(b'\n', &bytes[at..]).map_or(text.len(), |i| at + i);
    let mut blocks = Vec::new();
    let mut line = body_start;
    while line < text.len() {
        let end = line_end(line);
        let open = end - text[line..end].trim_start_matches([' ', '\t', '>']).len();
        let closing = (text[open..end].starts_with("$$") && !covers(code, |c| &c.span, open))
            .then(|| memchr::memmem::find(&bytes[open + 2..], b"$$"))
            .flatten();
        match closing {
            Some(at) => {
                let close = open + 2 + at + 2;
                blocks.push(open..close);
                line = line_end(close) + 1;
            }
            None => line = end + 1,
        }
    }
    blocks
}

/// Obsidian's comments in the body (from `body_start`): a `%%` outside code opens one and the
/// next `%%` closes it, on the same line or lines later, blank lines included; a comment that
/// never closes runs to the end of the note, as Obsidian's editor hides it. A `%` after a
/// backslash is a plain percent sign (`\%%` opens nothing). An HTML comment (`<!-- … -->`)
/// outside code is one too: Obsidian shows neither.
fn comment_spans(text: &str, body_start: usize, code: &[Code]) -> Vec<Range<usize>> {
    // The next `marker` from `from` outside code, not after a backslash.
    let next = |marker: &[u8], from: usize| -> Option<usize> {
        let mut pos = from;
        loop {
            let at = pos + memchr::memmem::find(text.as_bytes().get(pos..)?, marker)?;
            let escaped = at > 0 && text.as_bytes()[at - 1] == b'\\';
            if escaped || covers(code, |c| &c.span, at) {
                pos = at + 1;
            } else {
                return Some(at);
            }
        }
    };
    let mut comments = Vec::new();
    let mut pos = body_start;
    loop {
        let percent = next(b"%%", pos);
        let html = next(b"<!--", pos);
        let (open, close): (usize, &[u8]) = match (percent, html) {
            (Some(p), Some(h)) if h < p => (h, b"-->"),
            (Some(p), _) => (p, b"%%"),
            (None, Some(h)) => (h, b"-->"),
            (None, None) => break,
        };
        let closing = match close == b"%%" {
            true => next(close, open + 2),
            false => (text.as_bytes().get(open + 4..))
                .and_then(|rest| memchr::memmem::find(rest, close))
                .map(|at| open + 4 + at),
        };
        let end = closing.map_or(text.len(), |at| at + close.len());
        comments.push(open..end);
        pos = end;
    }
    comments
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

fn make_link(src: &str, span: Range<usize>, dest: String, kind: LinkKind, shown: String) -> Link {
    // In a table the alias pipe is written `\|` (`[[Note\|Alias]]`): the backslash escapes the
    // pipe and is no part of the target.
    let target = dest
        .split(['#', '^'])
        .next()
        .unwrap_or("")
        .trim_end_matches('\\')
        .trim()
        .to_string();
    let display = match kind {
        LinkKind::Markdown => Some(shown),
        _ => src.contains('|').then_some(shown),
    };
    Link {
        span,
        target,
        display,
        kind,
    }
}

/// The length of the byte order mark `text` starts with: 3 bytes or none.
fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

/// The frontmatter block of `text`, as [`Note::parse`] finds it, without reading the body.
pub fn frontmatter_of(text: &str) -> Option<Frontmatter> {
    split_frontmatter(text, bom_len(text))
}

/// Finds the frontmatter: `---` on the first line (after a BOM) and a closing `---` or `...` line.
fn split_frontmatter(text: &str, bom: usize) -> Option<Frontmatter> {
    let rest = &text[bom..];
    let first_len = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_len].trim_end() != "---" {
        return None;
    }
    let content_start = bom + first_len;
    let mut pos = content_start;
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = text[pos..line_end].trim_end_matches(['\n', '\r']);
        if line == "---" || line == "..." {
            let content = content_start..pos;
            let yaml = yaml::parse(&text[content.clone()]).map_err(|mut e| {
                e.line += 1;
                e
            });
            return Some(Frontmatter {
                block: bom..line_end,
                content,
                yaml,
            });
        }
        pos = line_end;
    }
    None
}

/// True when the text opens a frontmatter block that never closes.
pub fn has_unterminated_frontmatter(text: &str) -> bool {
    opens_frontmatter(text)
        && split_frontmatter(text, text.len() - text_without_bom(text).len()).is_none()
}

/// `text` without its byte order mark.
fn text_without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// True when the first line (after a byte order mark) is a `---` fence.
fn opens_frontmatter(text: &str) -> bool {
    let first = text_without_bom(text).split('\n').next().unwrap_or("");
    first.trim_end() == "---"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frontmatter_kept_by_body_edits_is_the_one_a_parse_reads() {
        let text = "\u{feff}---\ntitle: A\ntags: [x]\n---\nBody [[B]] here.\n";
        let fm = Note::parse("A.md", text)
            .frontmatter
            .expect("a frontmatter");
        let end = fm.block.end;
        assert!(fm.kept_by(text, [end, end + 5].into_iter()));
        assert!(!fm.kept_by(text, [end - 1].into_iter()));
        let edited = format!("{}Some {}", &text[..end], &text[end..]);
        let kept = Note::parse_keeping("A.md", &edited, Some(fm));
        assert_eq!(
            format!("{kept:?}"),
            format!("{:?}", Note::parse("A.md", &edited))
        );
        // A closing fence without a line break would take in what is written after it.
        let open = "---\ntitle: A\n---";
        let fm = Note::parse("A.md", open)
            .frontmatter
            .expect("a frontmatter");
        assert!(!fm.kept_by(open, [open.len()].into_iter()));
    }

    #[test]
    fn splits_frontmatter_with_bom_and_crlf() {
        let text = "\u{feff}---\r\ntitle: A\r\n---\r\n# A\r\n";
        let note = Note::parse("A.md", text);
        let fm = note.frontmatter.as_ref().unwrap();
        assert_eq!(&text[fm.content.clone()], "title: A\r\n");
        assert_eq!(note.body(), "# A\r\n");
        assert_eq!(note.line_ending(), "\r\n");
        assert_eq!(note.property("title").and_then(Node::as_str), Some("A"));
    }

    #[test]
    fn unterminated_frontmatter_is_body() {
        let note = Note::parse("A.md", "---\ntitle: A\n# no close\n");
        assert!(note.frontmatter.is_none());
        assert!(has_unterminated_frontmatter(note.text));
        assert!(note.has_unterminated_frontmatter());
        for text in [
            "---\na: 1\n---\n",
            "\u{feff}---\r\n",
            "--- \n",
            "x\n---\n",
            "",
            "---",
        ] {
            let note = Note::parse("A.md", text);
            assert_eq!(
                note.has_unterminated_frontmatter(),
                has_unterminated_frontmatter(text)
            );
        }
        assert!(!has_unterminated_frontmatter("---\n---\n"));
    }

    #[test]
    fn yaml_error_lines_count_from_the_note_start() {
        let note = Note::parse("A.md", "---\na: 1\na: 2\n---\n");
        assert_eq!(note.frontmatter.unwrap().yaml.unwrap_err().line, 3);
    }

    #[test]
    fn records_structure_with_offsets() {
        let text = "---\na: 1\n---\n# Title\n\n- [ ] one [[Rob Banga|Rob]]\n  - [x] two\n> - [/] quoted\n\n```text\n- [ ] not a task\n```\n`[[x]]` and [[Plain]]\n";
        let note = Note::parse("M.md", text);
        assert_eq!(note.headings.len(), 1);
        assert_eq!(note.headings[0].text, "Title");
        assert_eq!(note.list_items.len(), 3);
        assert_eq!(
            &text[note.list_items[0].line.clone()],
            "- [ ] one [[Rob Banga|Rob]]"
        );
        assert_eq!(note.list_items[1].parent, Some(0));
        assert!(note.list_items[2].in_quote);
        assert_eq!(note.list_items[0].heading, Some(0));
        let targets: Vec<_> = note
            .links
            .iter()
            .map(|l| (l.target.as_str(), l.display.as_deref()))
            .collect();
        assert_eq!(targets, vec![("Rob Banga", Some("Rob")), ("Plain", None)]);
        assert_eq!(&text[note.links[0].span.clone()], "[[Rob Banga|Rob]]");
        assert_eq!(note.code.len(), 2);
        assert_eq!(note.code[0].info.as_deref(), Some("text"));
        let fenced = text.find("- [ ] not").unwrap();
        assert!(note.in_code(fenced));
        assert!(!note.in_code(text.find("one").unwrap()));
        assert_eq!(note.line_of(note.list_items[1].span.start), 7);
    }

    #[test]
    fn tab_indented_items_start_on_their_own_line() {
        let text = "- [ ] a\n\t- [ ] b\n\t- [-] c\n";
        let note = Note::parse("M.md", text);
        let lines: Vec<&str> = note
            .list_items
            .iter()
            .map(|i| &text[i.line.clone()])
            .collect();
        assert_eq!(lines, vec!["- [ ] a", "\t- [ ] b", "\t- [-] c"]);
        assert_eq!(note.line_of(note.list_items[2].line.start), 3);
    }

    fn comments(text: &str) -> Vec<&str> {
        let note = Note::parse("C.md", text);
        note.comments.iter().map(|c| &text[c.clone()]).collect()
    }

    #[test]
    fn finds_inline_and_block_comments() {
        assert_eq!(
            comments("An %%inline%% comment and %%another%%.\n"),
            vec!["%%inline%%", "%%another%%"]
        );
        let block = "Text\n%%\n- [ ] hidden\n\nstill hidden\n%%\nshown\n";
        assert_eq!(
            comments(block),
            vec!["%%\n- [ ] hidden\n\nstill hidden\n%%"]
        );
        let note = Note::parse("C.md", block);
        assert!(note.in_comment(block.find("- [ ]").unwrap()));
        assert!(!note.in_comment(block.find("shown").unwrap()));
        assert!(note.in_code_or_comment(block.find("still").unwrap()));
    }

    #[test]
    fn percent_signs_in_code_escaped_or_in_frontmatter_open_nothing() {
        assert!(comments("`printf(\"%%d\")` and\n```c\n%% x\n```\n").is_empty());
        assert_eq!(comments("`%%` then %%c%%\n"), vec!["%%c%%"]);
        assert_eq!(
            comments("\\%%not%% but this is%%\n"),
            vec!["%% but this is%%"]
        );
        assert!(comments("---\nformat: \"%%\"\n---\nbody\n").is_empty());
        assert_eq!(comments("%%%triple%%\n"), vec!["%%%triple%%"]);
    }

    #[test]
    fn an_html_comment_is_a_comment() {
        let text = "Shown\n<!--\n- [ ] old task @Bruno\n-->\nshown <!-- inline --> too\n";
        assert_eq!(
            comments(text),
            vec!["<!--\n- [ ] old task @Bruno\n-->", "<!-- inline -->"]
        );
        assert!(comments("`<!-- code -->` and\n").is_empty());
        assert_eq!(comments("<!-- %% -->%%c%%\n"), vec!["<!-- %% -->", "%%c%%"]);
    }

    #[test]
    fn math_is_no_markdown() {
        let text =
            "Let $f([[Hakon Vestergaard]])$ hold, and\n\n$$\ng([[Ana]])\n$$\n\nsee [[Ana]].\n";
        let note = Note::parse("M.md", text);
        let targets: Vec<&str> = note.links.iter().map(|l| l.target.as_str()).collect();
        assert_eq!(targets, ["Ana"]);
        assert!(note.in_code(text.find("Hakon").unwrap()));
        assert!(note.in_code(text.find("g(").unwrap()));
        // Prices are no math.
        let prices = Note::parse("P.md", "It costs $5 and $10 with [[Ana]].\n");
        assert!(prices.code.is_empty() && prices.links.len() == 1);
    }

    #[test]
    fn a_math_block_holds_no_task_or_link_whatever_lines_it_spans() {
        let text = "Before [[Ana]]\n\n$$\n- [ ] x = [[Ana]] @Lars\n\n\\begin{cases} a \\\\ b\n$$\n\n> $$ y\n> - z\n> $$\n- [ ] after @Lars\n";
        let note = Note::parse("M.md", text);
        let targets: Vec<usize> = note.links.iter().map(|l| l.span.start).collect();
        assert_eq!(targets, [text.find("[[Ana]]").unwrap()]);
        assert!(note.in_code(text.find("x =").unwrap()));
        assert!(note.in_code(text.find("- z").unwrap()));
        assert!(!note.in_code(text.find("after").unwrap()));
        // `$$` that never closes, or mid-line, opens no block.
        let open = Note::parse("O.md", "$$ costs\n- [ ] pay [[Ana]]\n");
        assert!(open.code.is_empty() && open.links.len() == 1);
        let mid = Note::parse("P.md", "Pay $$ now\n- [ ] pay [[Ana]] $$\n");
        assert_eq!(mid.links.len(), 1);
    }

    #[test]
    fn a_wikilink_is_one_line() {
        let note = Note::parse("M.md", "Met [[Bobby\nT]] and [[Ana]].\n");
        let targets: Vec<&str> = note.links.iter().map(|l| l.target.as_str()).collect();
        assert_eq!(targets, ["Ana"]);
    }

    #[test]
    fn an_unclosed_comment_runs_to_the_end() {
        let text = "- [ ] shown\n%% draft\n- [ ] hidden\n";
        assert_eq!(comments(text), vec!["%% draft\n- [ ] hidden\n"]);
    }
}
