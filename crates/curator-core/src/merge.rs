//! Merging two notes of one person ("merge B into A"): the edits that make the kept note A hold
//! everything the other note B says, and every link to B point at A.
//!
//! - A's `aliases` gain B's title and aliases, its `tags` B's tags (no duplicates, case- and
//!   accent-blind); B's other properties A lacks are added as B writes them. A property both
//!   have with different values is a [`Conflict`]: A's value stays and the plan names it.
//! - B's body lines A does not already have are appended under `## Merged from B`, each under
//!   its own heading (a table keeps its header rows, a code block stays whole), with its side
//!   of each conflict in words.
//! - Every link to B — `[[B]]`, `[[B|shown]]`, `[[B#heading]]`, `![[B]]`, `"[[B]]"` in
//!   frontmatter — points at A and shows what it showed: `[[B]]` becomes `[[A|B]]` (with `\|`
//!   in a table row, where a bare `|` would split the cell).
//!
//! B itself is not edited: the caller moves it to the trash once the edits are written.

use crate::context::Context;
use crate::edit::{apply_edits, Edit};
use crate::error::NoteError;
use crate::frontmatter::set_list::set_list;
use crate::frontmatter::Doc;
use crate::index::VaultIndex;
use crate::names::normalize::name_key;
use crate::note::{title_of, Note};
use crate::text::fold;
use crate::yaml::Node;
use serde::Serialize;
use std::collections::BTreeSet;

/// The rule name the merge's edits carry.
const RULE: &str = "merge";

/// What merging one note into another changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergePlan {
    /// The note kept (A).
    pub keep: String,
    /// The note merged into it, to be trashed once the edits are written (B).
    pub gone: String,
    /// The notes to edit, in path order, each with at least one edit.
    pub notes: Vec<NotePlan>,
    /// The properties both notes have with different values: A's is kept.
    pub conflicts: Vec<Conflict>,
}

impl MergePlan {
    /// True when the merge changes no note: it has been done.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }
}

/// The edits of one note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotePlan {
    /// Vault-relative path.
    pub path: String,
    /// Its edits, in text order.
    pub edits: Vec<Edit>,
}

/// A property both notes have with different values (as written in YAML).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// The property's key.
    pub property: String,
    /// The kept note's value, which stays.
    pub kept: String,
    /// The merged note's value, which goes with it to the trash.
    pub other: String,
}

/// The plan for merging the note at `gone` into the note at `keep`, reading notes' text through
/// `text`. An error says why it cannot be made: a note is missing, the two are one note, or a
/// frontmatter does not parse.
pub fn merge_plan<'t>(
    index: &VaultIndex,
    text: impl Fn(&str) -> Option<&'t str>,
    keep: &str,
    gone: &str,
) -> Result<MergePlan, NoteError> {
    if keep == gone {
        return Err(NoteError::new(
            gone,
            None,
            "a note cannot be merged into itself",
        ));
    }
    let read = |path: &str| {
        text(path).ok_or_else(|| NoteError::new(path, None, "there is no such note to merge"))
    };
    let kept = parsed(keep, read(keep)?)?;
    let other = parsed(gone, read(gone)?)?;
    let relink = Relink::new(keep, gone);
    let mut conflicts = Vec::new();
    let mut edits: Vec<Edit> = frontmatter_edit(index, &kept, &other, &relink, &mut conflicts)?
        .into_iter()
        .collect();
    edits.extend(relink.body_edits(&kept));
    edits.extend(appended_facts(&kept, &other, &relink, &conflicts));
    let mut notes = vec![note_plan(keep, edits)];
    let linking: BTreeSet<&str> = index
        .backlinks(title_of(gone))
        .map(|n| n.path.as_str())
        .filter(|p| *p != keep && *p != gone)
        .collect();
    for path in linking {
        let Some(text) = text(path) else { continue };
        let note = Note::parse(path, text);
        let mut edits = relink.body_edits(&note);
        if let Some(fm) = note.frontmatter.as_ref().filter(|f| f.yaml.is_ok()) {
            edits.extend(relink.edits(text, 0..fm.block.end, |_| false, false));
        }
        notes.push(note_plan(path, edits));
    }
    notes.retain(|n| !n.edits.is_empty());
    notes.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(MergePlan {
        keep: keep.to_string(),
        gone: gone.to_string(),
        notes,
        conflicts,
    })
}

fn note_plan(path: &str, mut edits: Vec<Edit>) -> NotePlan {
    edits.sort_by_key(|e| (e.start, e.end));
    // Two insertions at one offset (a new frontmatter and the facts, in an empty note) are one.
    let mut out: Vec<Edit> = Vec::with_capacity(edits.len());
    for e in edits {
        match out.last_mut() {
            Some(last) if last.start == last.end && e.start == e.end && last.start == e.start => {
                last.replacement.push_str(&e.replacement);
            }
            _ => out.push(e),
        }
    }
    NotePlan {
        path: path.to_string(),
        edits: out,
    }
}

/// Points links at the kept note instead of the merged one.
struct Relink {
    keep_title: String,
    keep_stem: String,
    gone_title: String,
    gone_stem: String,
    reason: String,
}

impl Relink {
    fn new(keep: &str, gone: &str) -> Self {
        let stem = |p: &str| p.strip_suffix(".md").unwrap_or(p).to_string();
        Relink {
            keep_title: title_of(keep).to_string(),
            keep_stem: stem(keep),
            gone_title: fold(title_of(gone)),
            gone_stem: fold(&stem(gone)),
            reason: format!(
                "{} is merged into {}: the link points at it, showing the same text",
                title_of(gone),
                title_of(keep)
            ),
        }
    }

    /// The edits of the links in `note`'s body outside code and comments.
    fn body_edits(&self, note: &Note) -> Vec<Edit> {
        let body = note.body_start..note.text.len();
        self.edits(note.text, body, |at| note.in_code_or_comment(at), true)
    }

    /// The edits of the `[[…]]` links to the merged note in `text[range]`, but those starting
    /// where `skip` says; `tables`: a link in a line starting with `|` is in a table row.
    fn edits(
        &self,
        text: &str,
        range: std::ops::Range<usize>,
        skip: impl Fn(usize) -> bool,
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
            let line_start = text[..open].rfind('\n').map_or(0, |i| i + 1);
            let table = tables && text[line_start..open].trim_start().starts_with('|');
            let embed = text[..open].ends_with('!');
            if let Some(new) = self.inner(inner, table, embed) {
                out.push(Edit::new(
                    inner_start,
                    inner_start + inner.len(),
                    new,
                    RULE,
                    self.reason.clone(),
                ));
            }
        }
        out
    }

    /// `line` with its links to the merged note rewritten.
    fn line(&self, line: &str, table: bool) -> String {
        let edits = self.edits(line, 0..line.len(), |_| false, table);
        apply_edits(line, &edits).unwrap_or_else(|_| line.to_string())
    }

    /// The new inside of a link whose inside is `inner`, when it links the merged note.
    fn inner(&self, inner: &str, table: bool, embed: bool) -> Option<String> {
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
        let bare = name.strip_suffix(".md").unwrap_or(name);
        let new = if bare.contains('/') {
            let written = fold(bare);
            (written == self.gone_stem || self.gone_stem.ends_with(&format!("/{written}")))
                .then_some(&self.keep_stem)?
        } else {
            (fold(bare) == self.gone_title).then_some(&self.keep_title)?
        };
        Some(match display {
            Some(shown) => format!("{new}{suffix}{sep}{shown}"),
            // An embed shows the note, not its name.
            None if embed => format!("{new}{suffix}"),
            None if suffix.is_empty() => format!("{new}{sep}{name}"),
            // Obsidian shows `[[B#Heading]]` as "B > Heading".
            None => format!("{new}{suffix}{sep}{name} > {}", &suffix[1..]),
        })
    }
}

/// The one edit of the kept note's frontmatter: its links to the merged note, its aliases and
/// tags joined with the other's, and the other's properties it lacks. Conflicting properties
/// are pushed on `conflicts`.
fn frontmatter_edit(
    index: &VaultIndex,
    kept: &Note,
    other: &Note,
    relink: &Relink,
    conflicts: &mut Vec<Conflict>,
) -> Result<Option<Edit>, NoteError> {
    let head = &kept.text[..kept.body_start];
    let path = kept.path;
    let links = relink.edits(head, 0..head.len(), |_| false, false);
    let mut current = apply_edits(head, &links).map_err(|e| internal(path, e))?;
    let mut aliases = vec![other.title().to_string()];
    aliases.extend(list(other, "aliases"));
    let aliases = joined(list(kept, "aliases"), aliases, kept.title());
    let tags = joined(list(kept, "tags"), list(other, "tags"), "");
    for (key, items) in [("aliases", aliases), ("tags", tags)] {
        if let Some(items) = items {
            current = step(&current, |note| {
                let ctx = Context::for_note(index, note);
                let doc = Doc::new(note, &ctx);
                set_list(note, doc.as_ref(), key, &items, RULE, "")
            })
            .map_err(|e| internal(path, e))?;
        }
    }
    let added = properties(kept, other, conflicts);
    if !added.is_empty() {
        current = step(&current, |note| {
            let Some(fm) = &note.frontmatter else {
                return Vec::new();
            };
            let at = fm.content.end;
            let lead = if note.text[..at].ends_with('\n') {
                ""
            } else {
                note.line_ending()
            };
            vec![Edit::new(at, at, format!("{lead}{added}"), RULE, "")]
        })
        .map_err(|e| internal(path, e))?;
    }
    if let Some(Err(e)) = Note::parse(path, &current).frontmatter.map(|f| f.yaml) {
        return Err(NoteError::new(
            path,
            Some(e.line),
            format!(
                "merging would break the frontmatter ({}): nothing was changed",
                e.message
            ),
        ));
    }
    Ok(
        changed_span(head, &current).map(|(start, end, replacement)| {
            Edit::new(
                start,
                end,
                replacement,
                RULE,
                format!(
                    "{} is merged into this note: its names, tags and properties are kept here",
                    other.title()
                ),
            )
        }),
    )
}

/// `text` (a frontmatter block) with the edits `edits_of` gives for it applied.
fn step(
    text: &str,
    edits_of: impl FnOnce(&Note) -> Vec<Edit>,
) -> Result<String, crate::edit::EditError> {
    let note = Note::parse("", text);
    let edits = edits_of(&note);
    apply_edits(text, &edits)
}

/// The smallest span of `old` whose replacement gives `new`, when they differ.
fn changed_span(old: &str, new: &str) -> Option<(usize, usize, String)> {
    if old == new {
        return None;
    }
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let room = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    Some((
        prefix,
        old.len() - suffix,
        new[prefix..new.len() - suffix].to_string(),
    ))
}

/// `ours` with the items of `theirs` it lacks (case- and accent-blind) added, but `title`;
/// `None` when nothing is added.
fn joined(ours: Vec<String>, theirs: Vec<String>, title: &str) -> Option<Vec<String>> {
    let key = |s: &str| {
        let s = s.trim().trim_start_matches('#');
        let k = name_key(s);
        if k.is_empty() {
            fold(s)
        } else {
            k
        }
    };
    let mut seen: BTreeSet<String> = ours.iter().map(|s| key(s)).collect();
    if !title.is_empty() {
        seen.insert(key(title));
    }
    let mut out = ours;
    let before = out.len();
    for item in theirs {
        if !item.trim().is_empty() && seen.insert(key(&item)) {
            out.push(item);
        }
    }
    (out.len() > before).then_some(out)
}

/// The merged note's properties the kept note lacks, as the merged note writes them (whole
/// lines); a property both have with different values is pushed on `conflicts`.
fn properties(kept: &Note, other: &Note, conflicts: &mut Vec<Conflict>) -> String {
    let (Some(fm), Some(theirs)) = (&other.frontmatter, frontmatter_root(other)) else {
        return String::new();
    };
    let ours = frontmatter_root(kept);
    let mut out = String::new();
    for entry in theirs.entries() {
        let key = entry.key_str();
        if key == "aliases" || key == "tags" {
            continue;
        }
        match ours.and_then(|o| o.get(key)) {
            Some(mine) => {
                let (a, b) = (raw(kept, &mine.value), raw(other, &entry.value));
                let same = match (mine.value.strings(), entry.value.strings()) {
                    (x, y) if !x.is_empty() || !y.is_empty() => x == y,
                    _ => a == b,
                };
                if !same {
                    conflicts.push(Conflict {
                        property: key.to_string(),
                        kept: a.to_string(),
                        other: b.to_string(),
                    });
                }
            }
            None => {
                let text = other.text;
                let start = fm.to_note(&entry.key.span).start;
                let start = text[..start].rfind('\n').map_or(0, |i| i + 1);
                let end = fm.to_note(&entry.value.span).end.max(start);
                let end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
                out.push_str(&text[start..end]);
                if !out.ends_with('\n') {
                    out.push_str(other.line_ending());
                }
            }
        }
    }
    out
}

fn frontmatter_root<'n>(note: &'n Note) -> Option<&'n Node> {
    note.frontmatter.as_ref()?.root()
}

/// The YAML text of `node`, a value of `note`'s frontmatter, trimmed.
fn raw<'a>(note: &Note<'a>, node: &Node) -> &'a str {
    note.frontmatter
        .as_ref()
        .map(|fm| fm.to_note(&node.span))
        .and_then(|span| note.text.get(span))
        .unwrap_or("")
        .trim()
}

/// The strings of list property `key` (none when absent).
fn list(note: &Note, key: &str) -> Vec<String> {
    note.property(key)
        .map(|n| n.strings().into_iter().map(str::to_string).collect())
        .unwrap_or_default()
}

/// The edit appending the merged note's body lines the kept note lacks under `## Merged from
/// B`, each under its heading; `None` when it has them all.
fn appended_facts(
    kept: &Note,
    other: &Note,
    relink: &Relink,
    conflicts: &[Conflict],
) -> Option<Edit> {
    let have: BTreeSet<String> = kept
        .body()
        .lines()
        .map(|l| relink.line(l.trim(), l.trim_start().starts_with('|')))
        .collect();
    let kept_body = joined_lines(kept.body());
    let missing = |line: &str| !have.contains(line.trim());
    let text = other.text;
    let title = fold(other.title());
    // Each section: its heading line (none before the first heading) and its missing blocks.
    let mut sections: Vec<(Option<String>, Vec<String>)> = vec![(None, Vec::new())];
    let push = |sections: &mut Vec<(Option<String>, Vec<String>)>, unit: String| {
        if let Some((_, units)) = sections.last_mut() {
            units.push(unit);
        }
    };
    // The other note's side of each conflict stays in the vault, in words.
    for c in conflicts {
        let unit = format!(
            "- {} says {}: {} (this note keeps {})",
            other.title(),
            c.property,
            c.other.split_whitespace().collect::<Vec<_>>().join(" "),
            c.kept.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        if missing(&unit) {
            push(&mut sections, unit);
        }
    }
    let line_end = |from: usize| text[from..].find('\n').map_or(text.len(), |i| from + i + 1);
    let mut at = other.body_start;
    while at < text.len() {
        let end = line_end(at);
        let line = text[at..end].trim_end();
        let fenced =
            (other.code.iter()).find(|c| c.info.is_some() && (at..end).contains(&c.span.start));
        if let Some(code) = fenced {
            // A code block is kept whole, as written.
            let stop = line_end(code.span.end.saturating_sub(1).max(at));
            let unit = joined_lines(&text[at..stop]);
            if !kept_body.contains(&unit) {
                push(&mut sections, unit);
            }
            at = stop;
            continue;
        }
        if let Some(h) = other.headings.iter().find(|h| h.span.start == at) {
            let stop = line_end(h.span.end.saturating_sub(1).max(at));
            if !(h.level == 1 && fold(&h.text) == title) {
                let written = if line.starts_with('#') {
                    line.trim_start_matches('#').trim()
                } else {
                    h.text.as_str()
                };
                let level = (usize::from(h.level) + 1).clamp(3, 6);
                let heading = format!("{} {}", "#".repeat(level), relink.line(written, false));
                sections.push((Some(heading), Vec::new()));
            }
            at = stop;
            continue;
        }
        if line.trim_start().starts_with('|') {
            // A table: the rows the kept note lacks, under the table's header.
            let mut rows = Vec::new();
            while at < text.len() && text[at..line_end(at)].trim_start().starts_with('|') {
                rows.push(relink.line(text[at..line_end(at)].trim_end(), true));
                at = line_end(at);
            }
            let header = rows.len() > 2 && rows[1].contains('-');
            let (head, body) = rows.split_at(if header { 2 } else { 0 });
            let lacking: Vec<&String> = body.iter().filter(|r| missing(r)).collect();
            if !lacking.is_empty() {
                let unit: Vec<&str> = head.iter().chain(lacking).map(String::as_str).collect();
                push(&mut sections, unit.join("\n"));
            }
            continue;
        }
        let written = relink.line(line, false);
        if !line.trim().is_empty() && missing(&written) {
            push(&mut sections, written);
        }
        at = end;
    }
    sections.retain(|(_, units)| !units.is_empty());
    if sections.is_empty() {
        return None;
    }
    let eol = kept.line_ending();
    let mut out = String::new();
    if !kept.text.is_empty() && !kept.text.ends_with('\n') {
        out.push_str(eol);
    }
    if !kept.body().trim().is_empty() {
        out.push_str(eol);
    }
    out.push_str(&format!("## Merged from {}{eol}", other.title()));
    for (heading, units) in sections {
        if let Some(h) = heading {
            out.push_str(&format!("{eol}{h}{eol}"));
        }
        out.push_str(eol);
        for (i, unit) in units.iter().enumerate() {
            if i > 0 && !(list_item(&units[i - 1]) && list_item(unit)) {
                out.push_str(eol);
            }
            out.push_str(&unit.replace('\n', eol));
            out.push_str(eol);
        }
    }
    let end = kept.text.len();
    Some(Edit::new(
        end,
        end,
        out,
        RULE,
        format!(
            "{} is merged into this note: what it says that this note does not is kept here",
            other.title()
        ),
    ))
}

/// `text`'s lines joined with `\n`, whatever its line endings.
fn joined_lines(text: &str) -> String {
    text.lines().collect::<Vec<_>>().join("\n")
}

/// True when `unit` starts as a list item (`- `, `* `, `+ `, `1. `).
fn list_item(unit: &str) -> bool {
    let t = unit.trim_start();
    t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") || {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
    }
}

/// The note, when its frontmatter can be read.
fn parsed<'a>(path: &'a str, text: &'a str) -> Result<Note<'a>, NoteError> {
    let note = Note::parse(path, text);
    match note.frontmatter.as_ref().map(|f| &f.yaml) {
        Some(Err(e)) => Err(NoteError::new(
            path,
            Some(e.line),
            format!(
                "frontmatter is not valid YAML, so the notes cannot be merged: {}",
                e.message
            ),
        )),
        _ => Ok(note),
    }
}

fn internal(path: &str, e: crate::edit::EditError) -> NoteError {
    NoteError::new(
        path,
        None,
        format!("internal: the merge's edits clash: {e}"),
    )
}

#[cfg(test)]
mod tests;
