//! Pointing links at the kept note of a merge instead of the merged one, as Obsidian resolves
//! them: a link is rewritten only when Obsidian would open the merged note with it.
//!
//! Obsidian resolves a link's path (`B`, `Folder/B`) among the notes whose path ends with it:
//! the one at exactly that path from the vault's root first, then the one in the linking
//! note's own folder, then the one with the shortest path. So with two notes titled alike, a
//! bare `[[B]]` may open either; the links that open the kept note are left alone, and those
//! rewritten point at the kept note by its path, which no namesake can take.
//!
//! Wikilinks (`[[B]]`, `[[B|shown]]`, `[[B#heading]]`, `![[B]]`, and as frontmatter values) and
//! Markdown links (`[text](B.md)`, `[text](Folder/B.md)`, `[text](<B note.md>)`,
//! `[text](B%20note.md)`, `[text](../B.md)`) are rewritten; each shows what it showed.

use super::RULE;
use crate::edit::{apply_edits, Edit};
use crate::index::VaultIndex;
use crate::note::{title_of, LinkKind, Note};
use crate::text::fold;
use crate::wikilink;
use std::ops::Range;

/// Points links at the kept note instead of the merged one.
pub(super) struct Relink {
    /// What a bare link to the kept note writes: its title, or its path without `.md` when
    /// another note has the same title.
    keep_target: String,
    keep_stem: String,
    /// The merged note's path.
    gone: String,
    /// Every note titled like the merged one (it too): its path folded without `.md`, and its
    /// path.
    namesakes: Vec<(String, String)>,
    reason: String,
}

/// A note's path without `.md`.
fn stem(path: &str) -> &str {
    path.strip_suffix(".md").unwrap_or(path)
}

/// The folder of a vault path (empty at the root).
fn folder(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(f, _)| f)
}

/// The notes titled `title`, by path.
fn titled<'i>(index: &'i VaultIndex, title: &'i str) -> impl Iterator<Item = &'i str> + 'i {
    index
        .by_name(title)
        .filter(move |n| fold(title_of(&n.path)) == fold(title))
        .map(|n| n.path.as_str())
}

impl Relink {
    pub(super) fn new(index: &VaultIndex, keep: &str, gone: &str) -> Self {
        let (keep_title, gone_title) = (title_of(keep), title_of(gone));
        let shared =
            titled(index, keep_title).any(|p| p != keep) || fold(keep_title) == fold(gone_title);
        let mut namesakes: Vec<(String, String)> = titled(index, gone_title)
            .map(|p| (fold(stem(p)), p.to_string()))
            .collect();
        if !namesakes.iter().any(|(_, p)| p == gone) {
            namesakes.push((fold(stem(gone)), gone.to_string()));
        }
        let (keep_name, gone_name) = super::merge_names(keep, gone);
        Relink {
            keep_target: if shared { stem(keep) } else { keep_title }.to_string(),
            keep_stem: stem(keep).to_string(),
            gone: gone.to_string(),
            namesakes,
            reason: format!(
                "{gone_name} is merged into {keep_name}: the link points at it, showing the same text"
            ),
        }
    }

    /// True when Obsidian opens the merged note for a link to `written` (a path without `.md`,
    /// folded) from the note at `source`.
    fn opens_gone(&self, written: &str, source: &str) -> bool {
        let written = written.trim_start_matches('/');
        let suffix = format!("/{written}");
        let matching: Vec<&(String, String)> = (self.namesakes.iter())
            .filter(|(s, _)| *s == written || s.ends_with(&suffix))
            .collect();
        let opened = (matching.iter().find(|(s, _)| *s == written))
            .or_else(|| matching.iter().find(|(_, p)| folder(p) == folder(source)))
            .or_else(|| matching.iter().min_by_key(|(_, p)| (p.len(), p.as_str())));
        opened.is_some_and(|(_, p)| *p == self.gone)
    }

    /// The edits of the links in `note`'s body outside code and comments.
    pub(super) fn body_edits(&self, note: &Note) -> Vec<Edit> {
        let body = note.body_start..note.text.len();
        let skip = |at| note.in_code_or_comment(at);
        let mut out = self.edits(note.text, note.path, body, &skip, true);
        // Both in text order, and never overlapping: each goes where it starts.
        for edit in self.markdown_edits(note) {
            let at = out.partition_point(|e| e.start < edit.start);
            out.insert(at, edit);
        }
        out
    }

    /// The edits of the `[[…]]` links to the merged note in `text[range]` (of the note at
    /// `source`), but those starting where `skip` says; `tables`: a link in a line starting
    /// with `|` is in a table row.
    pub(super) fn edits(
        &self,
        text: &str,
        source: &str,
        range: Range<usize>,
        skip: &dyn Fn(usize) -> bool,
        tables: bool,
    ) -> Vec<Edit> {
        let mut out = Vec::new();
        let mut at = range.start;
        while let Some(found) = text[at..range.end].find("[[") {
            let open = at + found;
            let inner_start = open + 2;
            let Some(close) = text[inner_start..range.end].find("]]") else {
                break;
            };
            let inner = &text[inner_start..inner_start + close];
            if inner.contains('\n') || inner.contains("[[") || skip(open) {
                at = inner_start;
                continue;
            }
            at = inner_start + close + 2;
            let table = tables && wikilink::in_table_row(text, open);
            let embed = text[..open].ends_with('!');
            if let Some(new) = self.inner(inner, source, table, embed) {
                out.push(self.edit(inner_start..inner_start + inner.len(), new));
            }
        }
        out
    }

    fn edit(&self, span: Range<usize>, new: String) -> Edit {
        Edit::new(span.start, span.end, new, RULE, self.reason.clone())
    }

    /// `line` (of the merged note) with its links to the merged note rewritten.
    pub(super) fn line(&self, line: &str, table: bool) -> String {
        let edits = self.edits(line, &self.gone, 0..line.len(), &|_| false, table);
        apply_edits(line, &edits).unwrap_or_else(|_| line.to_string())
    }

    /// The new inside of a link whose inside is `inner`, when it opens the merged note.
    fn inner(&self, inner: &str, source: &str, table: bool, embed: bool) -> Option<String> {
        let (target, display, sep) = match inner.find("\\|") {
            Some(i) => (&inner[..i], Some(&inner[i + 2..]), "\\|"),
            None => match inner.find('|') {
                Some(i) => (&inner[..i], Some(&inner[i + 1..]), "|"),
                None => (inner, None, if table { "\\|" } else { "|" }),
            },
        };
        let (name, suffix) = target
            .find('#')
            .map_or((target, ""), |i| target.split_at(i));
        let name = name.trim();
        let bare = stem(name);
        if !self.opens_gone(&fold(bare), source) {
            return None;
        }
        let keep = if bare.contains('/') {
            &self.keep_stem
        } else {
            &self.keep_target
        };
        Some(match display {
            Some(shown) => format!("{keep}{suffix}{sep}{shown}"),
            // An embed shows the note, not its name.
            None if embed => format!("{keep}{suffix}"),
            None => wikilink::showing_as_written(keep, suffix, name, sep),
        })
    }

    /// The edits of the Markdown links to the merged note in `note`'s body: the destination's
    /// path is replaced, written as it was (`<…>`, or spaces as `%20`), its `#heading` kept.
    fn markdown_edits(&self, note: &Note) -> Vec<Edit> {
        let mut out = Vec::new();
        for link in &note.links {
            if link.kind != LinkKind::Markdown || note.in_code_or_comment(link.span.start) {
                continue;
            }
            let src = &note.text[link.span.clone()];
            let Some((dest, angle)) = destination(src) else {
                continue;
            };
            let written = &src[dest.clone()];
            let path = written.split('#').next().unwrap_or(written);
            let Some(decoded) = percent_decoded(path) else {
                continue;
            };
            if decoded.is_empty() || decoded.contains("://") || decoded.starts_with("mailto:") {
                continue;
            }
            let md = decoded.to_lowercase().ends_with(".md");
            let bare = if md {
                &decoded[..decoded.len() - 3]
            } else {
                &decoded[..]
            };
            let relative = bare.starts_with("./") || bare.starts_with("../");
            let opens = if relative {
                resolved(folder(note.path), bare)
                    .is_some_and(|p| fold(&p) == fold(stem(&self.gone)))
            } else {
                self.opens_gone(&fold(bare), note.path)
            };
            if !opens {
                continue;
            }
            let mut new = if relative || bare.contains('/') {
                self.keep_stem.clone()
            } else {
                self.keep_target.clone()
            };
            if md {
                new.push_str(".md");
            }
            if !angle {
                new = new.replace(' ', "%20");
            }
            let start = link.span.start + dest.start;
            out.push(self.edit(start..start + path.len(), new));
        }
        out
    }
}

/// Where the destination of the inline Markdown link `src` (`[text](dest "title")`) is in it,
/// and whether it is written `<…>`; `None` for a link of another form (a reference link).
fn destination(src: &str) -> Option<(Range<usize>, bool)> {
    let bytes = src.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let close = loop {
        match bytes.get(i)? {
            b'\\' => i += 1,
            b'[' => depth += 1,
            b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    break i;
                }
            }
            _ => {}
        }
        i += 1;
    };
    if bytes.get(close + 1) != Some(&b'(') || !src.ends_with(')') {
        return None;
    }
    let inside = close + 2..src.len() - 1;
    let start = inside.start + (src[inside.clone()].len() - src[inside.clone()].trim_start().len());
    if bytes.get(start) == Some(&b'<') {
        let end = start + 1 + src[start + 1..].find('>')?;
        return Some((start + 1..end, true));
    }
    let rest = &src[start..inside.end];
    let end = start + rest.find(char::is_whitespace).unwrap_or(rest.len());
    Some((start..end, false))
}

/// `text` with `%XX` escapes decoded; `None` when they do not make UTF-8.
fn percent_decoded(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The vault path `relative` (`./B`, `../People/B`) names from `folder`; `None` above the root.
fn resolved(folder: &str, relative: &str) -> Option<String> {
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for part in relative.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_are_found_in_each_form() {
        let at = |src: &str| destination(src).map(|(r, angle)| (src[r].to_string(), angle));
        assert_eq!(at("[t](B.md)"), Some(("B.md".into(), false)));
        assert_eq!(
            at("[a [b] c](F/B.md#H \"title\")"),
            Some(("F/B.md#H".into(), false))
        );
        assert_eq!(at("[t](<B note.md>)"), Some(("B note.md".into(), true)));
        assert_eq!(at("[t][ref]"), None);
        assert_eq!(
            percent_decoded("B%20n%C3%B6te.md").as_deref(),
            Some("B nöte.md")
        );
        assert_eq!(percent_decoded("100%").as_deref(), Some("100%"));
        assert_eq!(
            resolved("Meetings/2026", "../../People/B").as_deref(),
            Some("People/B")
        );
        assert_eq!(resolved("", "../B"), None);
    }
}
