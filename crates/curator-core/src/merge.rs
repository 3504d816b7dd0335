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

use crate::actions::{list, parsed};
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
use relink::Relink;
use std::collections::BTreeSet;

mod relink;

/// The rule name the merge's edits carry.
const RULE: &str = "merge";

/// What merging one note into another changes.
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotePlan {
    /// Vault-relative path.
    pub path: String,
    /// Its edits, in text order.
    pub edits: Vec<Edit>,
}

/// A property both notes have with different values (as written in YAML).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The property's key.
    pub property: String,
    /// The kept note's value, which stays.
    pub kept: String,
    /// The merged note's value, kept in words under `## Merged from B` ([`Conflict::words`]).
    pub other: String,
}

impl Conflict {
    /// The conflict in words, `other` being the merged note's title: "Mary Tallis says role:
    /// Manager (this note keeps Engineer)".
    pub fn words(&self, other: &str) -> String {
        format!(
            "{other} says {}: {} (this note keeps {})",
            self.property,
            joined_lines(&self.other, " "),
            joined_lines(&self.kept, " ")
        )
    }
}

/// The plan for merging the note at `gone` into the note at `keep`, reading notes' text through
/// `text`. An error says why it cannot be made: a note is missing, the two are one note, or a
/// frontmatter does not parse.
pub fn merge_plan<'t>(
    index: &VaultIndex,
    text: &dyn Fn(&str) -> Option<&'t str>,
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
    let relink = Relink::new(index, keep, gone);
    let mut conflicts = Vec::new();
    let mut edits: Vec<Edit> = frontmatter_edit(index, &kept, &other, &relink, &mut conflicts)?
        .into_iter()
        .collect();
    edits.extend(relink.body_edits(&kept));
    edits.extend(appended_facts(&kept, &other, &relink, &conflicts));
    // Every note to edit, in path order: the kept one and those linking the other.
    // A folder note is linked by its title (`[[README]]`) and by its folder's name.
    let mut names = vec![title_of(gone), crate::note::linked_name(gone)];
    names.dedup();
    let mut paths: Vec<&str> = (names.into_iter())
        .flat_map(|name| index.backlinks(name))
        .map(|n| n.path.as_str())
        .chain(markdown_linkers(index, text, gone))
        .filter(|p| *p != gone)
        .collect();
    paths.push(keep);
    paths.sort_unstable();
    paths.dedup();
    let mut notes = Vec::new();
    for path in paths {
        let edits = if path == keep {
            std::mem::take(&mut edits)
        } else {
            let Some(text) = text(path) else { continue };
            let note = Note::parse(path, text);
            let mut edits = Vec::new();
            if let Some(fm) = note.frontmatter.as_ref().filter(|f| f.yaml.is_ok()) {
                edits = relink.edits(text, path, 0..fm.block.end, &|_| false, false);
            }
            edits.extend(relink.body_edits(&note));
            edits
        };
        if !edits.is_empty() {
            notes.push(note_plan(path, edits));
        }
    }
    Ok(MergePlan {
        keep: keep.to_string(),
        gone: gone.to_string(),
        notes,
        conflicts,
    })
}

/// The notes that may hold a Markdown link to the note at `gone` (`[text](B.md)`, spaces
/// written as they are or as `%20`): the index counts wikilinks only, so their texts are looked
/// through.
fn markdown_linkers<'i, 't>(
    index: &'i VaultIndex,
    text: &dyn Fn(&str) -> Option<&'t str>,
    gone: &str,
) -> Vec<&'i str> {
    let title = title_of(gone).to_lowercase();
    let forms = [title.replace(' ', "%20"), title];
    let linking = |t: &str| {
        t.contains("](") && {
            let lower = t.to_lowercase();
            forms.iter().any(|f| lower.contains(f.as_str()))
        }
    };
    (index.notes())
        .map(|n| n.path.as_str())
        .filter(|p| text(p).is_some_and(linking))
        .collect()
}

/// How the two notes of a merge are named to a person: their titles, or, when the titles are
/// the same, their paths without `.md` (`Archive/Ada Park` and `People/Ada Park`). Returns
/// `(keep, gone)`.
pub fn merge_names(keep: &str, gone: &str) -> (String, String) {
    let (a, b) = (title_of(keep), title_of(gone));
    if fold(a) == fold(b) {
        let stem = |p: &str| p.strip_suffix(".md").unwrap_or(p).to_string();
        (stem(keep), stem(gone))
    } else {
        (a.to_string(), b.to_string())
    }
}

/// The plan of the note at `path` with `edits` (in text order).
fn note_plan(path: &str, edits: Vec<Edit>) -> NotePlan {
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
    let links = relink.edits(head, path, 0..head.len(), &|_| false, false);
    let mut current = apply_edits(head, &links).map_err(|e| internal(path, e))?;
    let mut aliases = vec![other.title().to_string()];
    aliases.extend(list(other, "aliases"));
    let aliases = joined(list(kept, "aliases"), aliases, kept.title());
    let added = properties(kept, other, conflicts);
    let mut their_tags = list(other, "tags");
    // A conflict goes to the review queue: the kept note is tagged for review, and both
    // sides are written in it (see `appended_facts`).
    if !conflicts.is_empty() {
        their_tags.push(crate::actions::NEEDS_REVIEW.to_string());
    }
    let tags = joined(list(kept, "tags"), their_tags, "");
    for (key, items) in [("aliases", aliases), ("tags", tags)] {
        if let Some(items) = items {
            current = step(&current, &|note| {
                let ctx = Context::for_note(index, note);
                let doc = Doc::new(note, &ctx);
                set_list(note, doc.as_ref(), key, &items, RULE, "")
            })
            .map_err(|e| internal(path, e))?;
        }
    }
    if !added.is_empty() {
        current = step(&current, &|note| {
            let Some(fm) = &note.frontmatter else {
                return Vec::new();
            };
            let at = fm.content.end;
            let lead = if note.text[..at].ends_with('\n') {
                ""
            } else {
                note.line_ending()
            };
            vec![Edit::new(at, at, [lead, added.as_str()].concat(), RULE, "")]
        })
        .map_err(|e| internal(path, e))?;
    }
    // What the steps wrote must read back (it cannot fail: every step writes valid YAML).
    parsed(path, &current)?;
    if current == head {
        return Ok(None);
    }
    let reason = format!(
        "{} is merged into this note: its names, tags and properties are kept here",
        other.title()
    );
    Ok(Some(Edit::new(0, head.len(), current, RULE, reason)))
}

/// `text` (a frontmatter block) with the edits `edits_of` gives for it applied.
fn step(
    text: &str,
    edits_of: &dyn Fn(&Note) -> Vec<Edit>,
) -> Result<String, crate::edit::EditError> {
    let note = Note::parse("", text);
    let edits = edits_of(&note);
    apply_edits(text, &edits)
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
    let mut seen = vec![key(title)];
    for item in &ours {
        seen.push(key(item));
    }
    let mut out = ours;
    let before = out.len();
    for item in theirs {
        let k = key(&item);
        if !k.is_empty() && !seen.contains(&k) {
            seen.push(k);
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

/// The edit appending the merged note's body lines the kept note lacks under `## Merged from
/// B`, each under its heading, after its side of each conflict; `None` when there is nothing
/// to add. A table missing a row and a code block missing from the kept note come whole.
fn appended_facts(
    kept: &Note,
    other: &Note,
    relink: &Relink,
    conflicts: &[Conflict],
) -> Option<Edit> {
    let eol = kept.line_ending();
    // Named by its path when both notes have one title.
    let gone_name = merge_names(kept.path, other.path).1;
    let have: BTreeSet<String> = kept
        .body()
        .lines()
        .map(|l| relink.line(l.trim(), l.trim_start().starts_with('|')))
        .collect();
    let missing = |line: &str| !have.contains(line.trim());
    let kept_body = joined_lines(kept.body(), eol);
    let mut out = Appendix {
        text: String::new(),
        heading: None,
        list: None,
        eol,
    };
    for c in conflicts {
        let unit = format!("- {}", c.words(&gone_name));
        if missing(&unit) {
            out.add(&unit);
        }
    }
    let text = other.text;
    let title = fold(other.title());
    let line_end = |from: usize| text[from..].find('\n').map_or(text.len(), |i| from + i + 1);
    let mut at = other.body_start;
    while at < text.len() {
        let end = line_end(at);
        let line = text[at..end].trim_end();
        let fenced =
            (other.code.iter()).find(|c| c.info.is_some() && (at..end).contains(&c.span.start));
        if let Some(code) = fenced {
            let stop = line_end(code.span.end.saturating_sub(1).max(at));
            let unit = joined_lines(&text[at..stop], eol);
            if !kept_body.contains(&unit) {
                out.add(&unit);
            }
            at = stop;
        } else if let Some(h) = other.headings.iter().find(|h| h.span.start == at) {
            if !(h.level == 1 && fold(&h.text) == title) {
                let written = if line.starts_with('#') {
                    line.trim_start_matches('#').trim()
                } else {
                    h.text.as_str()
                };
                let level = (usize::from(h.level) + 1).clamp(3, 6);
                let heading = format!("{} {}", &"######"[..level], relink.line(written, false));
                out.heading = Some(heading);
            }
            at = line_end(h.span.end.saturating_sub(1).max(at));
        } else if line.trim_start().starts_with('|') {
            let mut rows = Vec::new();
            while at < text.len() && text[at..line_end(at)].trim_start().starts_with('|') {
                rows.push(relink.line(text[at..line_end(at)].trim_end(), true));
                at = line_end(at);
            }
            if rows.iter().any(|r| missing(r)) {
                out.add(&rows.join(eol));
            }
        } else {
            let written = relink.line(line, false);
            if !line.trim().is_empty() && missing(&written) {
                out.add(&written);
            }
            at = end;
        }
    }
    if out.text.is_empty() {
        return None;
    }
    let mut lead = "";
    if !kept.text.is_empty() && !kept.text.ends_with('\n') {
        lead = eol;
    }
    let blank = if kept.body().trim().is_empty() {
        ""
    } else {
        eol
    };
    let end = kept.text.len();
    Some(Edit::new(
        end,
        end,
        format!(
            "{lead}{blank}## Merged from {gone_name}{eol}{}",
            out.text
        ),
        RULE,
        format!(
            "{gone_name} is merged into this note: what it says that this note does not is kept here"
        ),
    ))
}

/// The text appended by a merge, written a block at a time.
struct Appendix<'e> {
    text: String,
    /// The heading the next block goes under, until it is written.
    heading: Option<String>,
    /// Whether the last block written is a list item (none at a section's start).
    list: Option<bool>,
    eol: &'e str,
}

impl Appendix<'_> {
    /// Writes `block` (its heading first, when not written yet): a list item right after
    /// another, anything else after a blank line.
    fn add(&mut self, block: &str) {
        let eol = self.eol;
        if let Some(h) = self.heading.take() {
            self.text.extend([eol, &h, eol]);
            self.list = None;
        }
        let list = list_item(block);
        if !(list && self.list == Some(true)) {
            self.text.push_str(eol);
        }
        self.text.extend([block, eol]);
        self.list = Some(list);
    }
}

/// `text`'s lines joined with `eol`, whatever its line endings.
fn joined_lines(text: &str, eol: &str) -> String {
    text.lines().collect::<Vec<_>>().join(eol)
}

/// True when `unit` starts as a bullet list item (`- `, `* `, `+ `; tasks too). Numbered
/// items are written apart, which Markdown still reads as one list.
fn list_item(unit: &str) -> bool {
    matches!(unit.trim_start().as_bytes(), [b'-' | b'*' | b'+', b' ', ..])
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
