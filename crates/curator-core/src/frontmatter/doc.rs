//! The frontmatter as the rules see it: its properties under their effective keys, and helpers
//! that turn spans of the YAML tree into edits and review items on the note.

use super::emit::Layout;
use crate::context::Context;
use crate::edit::Edit;
use crate::note::{Frontmatter, Note};
use crate::review::{ReviewItem, ReviewReason};
use crate::settings::ListStyle;
use crate::yaml::{Entry, Node, NodeKind};
use std::ops::Range;

/// One top-level property.
pub struct Property<'n> {
    /// The key the rules read it under: the canonical spelling when the key-case rule renames
    /// this key in the same pass (`Tags` → `tags`), the key as written otherwise.
    pub key: String,
    /// The entry in the YAML tree.
    pub entry: &'n Entry,
}

/// A note's parsed frontmatter plus everything a rule needs to edit it.
pub struct Doc<'n, 'a> {
    /// The note.
    pub note: &'n Note<'a>,
    /// The rule context (index, settings, opt-outs).
    pub ctx: &'n Context<'n>,
    fm: &'n Frontmatter,
    /// The top-level properties in source order.
    pub props: Vec<Property<'n>>,
}

/// What the rules found: edits in priority order and review items.
#[derive(Default)]
pub struct Findings {
    /// Proposed edits (the engine drops any that overlap an earlier one).
    pub edits: Vec<Edit>,
    /// Review items.
    pub review: Vec<ReviewItem>,
}

impl Findings {
    /// Adds what `other` found after what is here.
    pub fn append(&mut self, mut other: Findings) {
        self.edits.append(&mut other.edits);
        self.review.append(&mut other.review);
    }
}

impl<'n, 'a> Doc<'n, 'a> {
    /// The view of `note`'s frontmatter, when it has one that parsed.
    pub fn new(note: &'n Note<'a>, ctx: &'n Context<'n>) -> Option<Self> {
        let fm = note.frontmatter.as_ref()?;
        let root = fm.root()?;
        let props = root
            .entries()
            .iter()
            .map(|entry| Property {
                key: entry.key_str().to_string(),
                entry,
            })
            .collect();
        Some(Doc {
            note,
            ctx,
            fm,
            props,
        })
    }

    /// The property read under `key` (see [`Property::key`]).
    pub fn prop(&self, key: &str) -> Option<&Property<'n>> {
        self.props.iter().find(|p| p.key == key)
    }

    /// The YAML text between the fences.
    pub fn src(&self) -> &'a str {
        self.note.text.get(self.fm.content.clone()).unwrap_or("")
    }

    /// The source text of a node (quotes and brackets included).
    pub fn raw(&self, node: &Node) -> &'a str {
        self.src().get(node.span.clone()).unwrap_or("")
    }

    /// The 1-based note line where a node starts.
    pub fn line(&self, node: &Node) -> usize {
        self.note.line_of(self.fm.to_note(&node.span).start)
    }

    /// An edit replacing `span` (relative to the YAML text) with `replacement`.
    pub fn edit(
        &self,
        span: Range<usize>,
        replacement: impl Into<String>,
        rule: &str,
        reason: impl Into<String>,
    ) -> Edit {
        let span = self.fm.to_note(&span);
        Edit::new(
            span.start,
            span.end,
            replacement,
            format!("frontmatter.{rule}"),
            reason,
        )
    }

    /// A review item about `node`.
    pub fn review(
        &self,
        node: &Node,
        reason: ReviewReason,
        message: impl Into<std::sync::Arc<str>>,
    ) -> ReviewItem {
        ReviewItem::new(self.note.path, Some(self.line(node)), reason, message)
    }

    /// Just past the colon after `entry`'s key, when only blanks separate the two.
    pub fn after_colon(&self, entry: &Entry) -> Option<usize> {
        let bytes = self.src().as_bytes();
        let mut i = entry.key.span.end;
        while matches!(bytes.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        (bytes.get(i) == Some(&b':')).then_some(i + 1)
    }

    /// The span from just past `entry`'s colon to the end of its value, when nothing but
    /// whitespace (no comment) lies between: the region a change of list layout replaces.
    pub fn colon_to_value_end(&self, entry: &Entry) -> Option<Range<usize>> {
        let start = self.after_colon(entry)?;
        let gap = self.src().get(start..entry.value.span.start)?;
        (gap.trim().is_empty() && start <= entry.value.span.end)
            .then_some(start..entry.value.span.end)
    }

    /// The whitespace before the `-` of a block sequence item starting at `offset`, when only
    /// whitespace precedes it on its line.
    pub fn indent_at(&self, offset: usize) -> Option<&'a str> {
        let src = self.src();
        let line_start = src.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
        let indent = src.get(line_start..offset)?;
        indent
            .chars()
            .all(|c| c == ' ' || c == '\t')
            .then_some(indent)
    }

    /// The whole line of a block list item that has the line to itself (a trailing comment
    /// allowed): what dropping the item removes.
    pub fn own_line(&self, item: &Node) -> Option<Range<usize>> {
        let src = self.src();
        let line_start = src.get(..item.span.start)?.rfind('\n').map_or(0, |i| i + 1);
        let lead = src.get(line_start..item.span.start)?.trim();
        let line_end = src
            .get(item.span.end..)?
            .find('\n')
            .map_or(src.len(), |i| item.span.end + i + 1);
        let tail = src.get(item.span.end..line_end)?.trim();
        (lead == "-" && (tail.is_empty() || tail.starts_with('#'))).then_some(line_start..line_end)
    }

    /// The layout for a list written where there was none (or the settings demand another):
    /// the settings' style, else `keep` (the list's own style), else the style of the note's
    /// other lists: block when one of them is a block list (`aliases:` over `- …` lines), flow
    /// otherwise.
    pub fn layout(&self, keep: Option<bool>) -> Layout {
        let flow = match self.ctx.settings.list_style {
            ListStyle::Flow => true,
            ListStyle::Block => false,
            ListStyle::Keep => keep.unwrap_or_else(|| !self.writes_block_lists()),
        };
        if flow {
            Layout::Flow
        } else {
            Layout::Block {
                indent: self.block_indent(),
                line_ending: self.note.line_ending(),
            }
        }
    }

    /// True when one of the note's properties is a block list.
    fn writes_block_lists(&self) -> bool {
        self.props
            .iter()
            .any(|p| matches!(p.entry.value.kind, NodeKind::Seq { flow: false, .. }))
    }

    /// The indent the note's block lists use (the first one found), else two spaces.
    fn block_indent(&self) -> String {
        self.props
            .iter()
            .find_map(|p| match &p.entry.value.kind {
                NodeKind::Seq { flow: false, .. } => self.indent_at(p.entry.value.span.start),
                _ => None,
            })
            .unwrap_or("  ")
            .to_string()
    }
}
