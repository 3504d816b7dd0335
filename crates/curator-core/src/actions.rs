//! What answering the review queue writes: each answer a person gives becomes edits to a note
//! (or a new note), made by the engine so the plugin and the CLI write the same bytes.
//!
//! - "Mark reviewed" takes `needs-review` out of a note's tags.
//! - Accepting a written name can add it to the person's `aliases`, so Obsidian's own search,
//!   unlinked mentions and link suggestions find it.
//! - "Someone new" creates the person's note in the vault's own people-note layout.
//! - A person's `company/…` tag and Contact Information table that disagree: the one kept is
//!   written into the other.

use crate::context::Context;
use crate::edit::Edit;
use crate::error::NoteError;
use crate::frontmatter::set_list::set_list;
use crate::frontmatter::Doc;
use crate::index::{NoteKind, VaultIndex};
use crate::note::Note;
use crate::text::fold;
use std::collections::BTreeMap;

/// The tag an automatically created note carries until a person has checked it.
pub const NEEDS_REVIEW: &str = "needs-review";

/// The rule name the actions' edits carry.
const RULE: &str = "review";

/// The edits that take `needs-review` out of the note's tags, in the frontmatter and written
/// in the body (none when it has not the tag).
pub fn mark_reviewed(index: &VaultIndex, path: &str, text: &str) -> Result<Vec<Edit>, NoteError> {
    let note = parsed(path, text)?;
    let reason = "reviewed: the needs-review tag comes off";
    let tags = list(&note, "tags");
    let kept: Vec<String> = tags
        .iter()
        .filter(|t| !t.trim_start_matches('#').eq_ignore_ascii_case(NEEDS_REVIEW))
        .cloned()
        .collect();
    let mut edits = match kept.len() == tags.len() {
        true => Vec::new(),
        false => set_property_list(index, &note, "tags", &kept, reason),
    };
    edits.extend(
        (note.inline_tag_spans(NEEDS_REVIEW).into_iter())
            .map(|span| without_inline_tag(text, span))
            .map(|span| Edit::new(span.start, span.end, "", RULE, reason)),
    );
    Ok(edits)
}

/// What removing the inline tag at `span` of `text` removes: the tag with the spaces before it,
/// or its whole line where it stands alone there.
fn without_inline_tag(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i + 1);
    let before = &text[line_start..span.start];
    let after = text[span.end..line_end].trim_end_matches(['\n', '\r']);
    if before.trim().is_empty() && after.trim().is_empty() {
        line_start..line_end
    } else {
        span.start - (before.len() - before.trim_end_matches([' ', '\t']).len())..span.end
    }
}

/// The edits that add `alias` to the note's `aliases` (none when it is there already, in any
/// case, or is the note's title).
pub fn add_alias(
    index: &VaultIndex,
    path: &str,
    text: &str,
    alias: &str,
) -> Result<Vec<Edit>, NoteError> {
    let note = parsed(path, text)?;
    let alias = alias.trim();
    let mut aliases = list(&note, "aliases");
    if alias.is_empty()
        || fold(alias) == fold(note.title())
        || aliases.iter().any(|a| fold(a) == fold(alias))
    {
        return Ok(Vec::new());
    }
    aliases.push(alias.to_string());
    Ok(set_property_list(
        index,
        &note,
        "aliases",
        &aliases,
        &format!("'{alias}' is this person, as answered in review"),
    ))
}

/// Which of two disagreeing company records a person keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeepCompany {
    /// The `company/…` tag: the table's Company cell is rewritten to the organisation it names.
    Tag,
    /// The Contact Information table: the tag is rewritten to name its company.
    Table,
}

/// The tag naming `company` as the vault's people notes write it: `VAST Data` → `company/vast-data`.
pub fn company_tag(company: &str) -> String {
    let mut slug = String::new();
    for word in company
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.extend(word.chars().flat_map(char::to_lowercase));
    }
    format!("company/{slug}")
}

/// The organisation note a `company/…` tag names (`company/vast-data`: the note titled
/// `VAST Data`), if the vault has one.
pub fn tag_organisation<'i>(
    index: &'i VaultIndex,
    tag: &str,
) -> Option<&'i crate::index::NoteSummary> {
    let tag = tag.trim_start_matches('#').to_lowercase();
    index
        .notes()
        .filter(|n| n.kind == NoteKind::Org)
        .find(|n| company_tag(&n.title) == tag)
}

/// The edits that settle a person's `company/…` tag and Contact Information table naming
/// different companies, keeping `keep`: the other is rewritten to agree (a linked cell stays a
/// link). An error says why it cannot be done: the note has no such tag or table row, or no
/// organisation note answers to the tag (its name is then unknown: edit the table by hand).
pub fn keep_company(
    index: &VaultIndex,
    path: &str,
    text: &str,
    keep: KeepCompany,
) -> Result<Vec<Edit>, NoteError> {
    let note = parsed(path, text)?;
    let fail = |message: String| NoteError::new(path, None, message);
    let tags = list(&note, "tags");
    let at = tags
        .iter()
        .position(|t| {
            t.trim_start_matches('#')
                .to_lowercase()
                .starts_with("company/")
        })
        .ok_or_else(|| fail("the note has no company/… tag in its tags property".into()))?;
    let (cell_span, cell) = crate::index::table_cell(&note, "Company").ok_or_else(|| {
        fail("the note has no | **Company** | row in a Contact Information table".into())
    })?;
    match keep {
        KeepCompany::Table => {
            let company = crate::index::link_target(cell);
            let mut kept = tags.clone();
            kept[at] = company_tag(company);
            Ok(set_property_list(
                index,
                &note,
                "tags",
                &kept,
                &format!("the company is {company}, as the Contact Information table says"),
            ))
        }
        KeepCompany::Tag => {
            let tag = tags[at].trim_start_matches('#').to_lowercase();
            let org = tag_organisation(index, &tag).ok_or_else(|| {
                fail(format!(
                    "no organisation note answers to the tag {tag}: edit the table by hand"
                ))
            })?;
            let written = if cell.starts_with("[[") {
                let target = index.link_to(&org.path);
                match target == org.title {
                    true => format!("[[{target}]]"),
                    false => {
                        let sep = crate::wikilink::separator(note.text, cell_span.start);
                        format!("[[{target}{sep}{}]]", org.title)
                    }
                }
            } else {
                org.title.clone()
            };
            if written == cell {
                return Ok(Vec::new());
            }
            Ok(vec![Edit::new(
                cell_span.start,
                cell_span.end,
                written,
                RULE,
                format!("the company is {}, as the tag {tag} says", org.title),
            )])
        }
    }
}

/// A note to create.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NewNote {
    /// Vault-relative path.
    pub path: String,
    /// Its text.
    pub text: String,
}

/// The note for a person named `name` who has none, in the vault's own people-note layout: the
/// folder most people notes are in, the `type:` and tags they share, a `# name` title when most
/// of them open with theirs, the headings at least half of them have (in their usual order,
/// empty), and `needs-review` among the tags (a person should fill it in). People notes are read
/// through `text`. `None` when it cannot be created ([`can_create_person`]).
pub fn person_note<'t>(
    index: &VaultIndex,
    text: &dyn Fn(&str) -> Option<&'t str>,
    name: &str,
) -> Option<NewNote> {
    if !can_create_person(index, name) {
        return None;
    }
    let name = name.trim();
    let people: Vec<_> = index
        .notes()
        .filter(|n| n.kind == NoteKind::Person)
        .collect();
    let most = |counts: BTreeMap<String, usize>| {
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(v, _)| v)
    };
    let folder = most(count(people.iter().map(|n| {
        n.path
            .rsplit_once('/')
            .map_or(String::new(), |(f, _)| f.to_string())
    })))
    .or_else(|| index.settings().people_folders.first().cloned())
    .unwrap_or_default();
    let kind_tags: Vec<String> = {
        let half = people.len().div_ceil(2).max(1);
        count(people.iter().flat_map(|n| {
            n.tags
                .iter()
                .filter(|t| t.starts_with("type/"))
                .cloned()
                .collect::<Vec<_>>()
        }))
        .into_iter()
        .filter(|(_, c)| *c >= half)
        .map(|(t, _)| t)
        .collect()
    };
    let mut tags = kind_tags;
    tags.push(NEEDS_REVIEW.to_string());
    let type_value = index
        .settings()
        .people_types
        .first()
        .cloned()
        .unwrap_or_else(|| "person".into());
    let written: Vec<String> = tags
        .iter()
        .map(|t| crate::frontmatter::emit::scalar(t, crate::frontmatter::emit::Place::Flow))
        .collect();
    let layout = Layout::of(
        people
            .iter()
            .filter_map(|n| Some(Note::parse(&n.path, text(&n.path)?))),
    );
    let mut body = String::new();
    if layout.title {
        body.push_str(&format!("# {name}\n"));
    }
    for heading in &layout.headings {
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str(heading);
        body.push('\n');
    }
    let text = format!(
        "---\ntype: {type_value}\ntags: [{}]\n---\n{body}",
        written.join(", ")
    );
    let path = if folder.is_empty() {
        format!("{name}.md")
    } else {
        format!("{folder}/{name}.md")
    };
    Some(NewNote { path, text })
}

/// What most people notes' bodies share: a title heading, and the headings at least half of
/// them have.
struct Layout {
    /// Whether most open with a level-1 heading naming them.
    title: bool,
    /// The shared headings as written (`## Notes`), in their usual order.
    headings: Vec<String>,
}

/// A heading of people notes, as [`Layout`] counts it.
struct Shared {
    level: u8,
    /// Its text folded, what makes two notes' headings one.
    key: String,
    /// As first written (`## Notes`).
    written: String,
    /// The notes having it.
    notes: usize,
    /// Where it comes among each note's headings, summed: from 0 (first) to 1000 (last).
    place: usize,
}

impl Layout {
    fn of<'n>(notes: impl Iterator<Item = Note<'n>>) -> Layout {
        let mut count: usize = 0;
        let mut titled = 0;
        let mut shared: Vec<Shared> = Vec::new();
        for note in notes {
            count += 1;
            let title = fold(note.title());
            let is_title = |h: &crate::note::Heading| h.level == 1 && fold(&h.text) == title;
            titled += usize::from(note.headings.first().is_some_and(is_title));
            let own: Vec<_> = note.headings.iter().filter(|h| !is_title(h)).collect();
            let last = own.len().saturating_sub(1).max(1);
            let mut seen: Vec<usize> = Vec::new();
            for (i, h) in own.iter().enumerate() {
                let key = fold(&h.text);
                if key.is_empty() {
                    continue;
                }
                let at = match (shared.iter()).position(|s| s.level == h.level && s.key == key) {
                    Some(at) => at,
                    None => {
                        shared.push(Shared {
                            level: h.level,
                            key,
                            written: format!("{} {}", "#".repeat(usize::from(h.level)), h.text),
                            notes: 0,
                            place: 0,
                        });
                        shared.len() - 1
                    }
                };
                if seen.contains(&at) {
                    continue;
                }
                seen.push(at);
                shared[at].notes += 1;
                shared[at].place += i * 1000 / last;
            }
        }
        let half = count.div_ceil(2).max(1);
        shared.retain(|s| s.notes >= half);
        // In their usual order: by where they come on average (the first seen first on a tie).
        let mut headings = Vec::with_capacity(shared.len());
        while let Some(next) =
            (0..shared.len()).min_by_key(|&i| (shared[i].place / shared[i].notes, i))
        {
            headings.push(shared.remove(next).written);
        }
        Layout {
            title: count == 0 || titled * 2 >= count,
            headings,
        }
    }
}

/// True when [`person_note`] can create a note for `name`: it can be a file name (Obsidian
/// refuses `* " \ / < > : | ?`, and `#^[]` break links) and no note has that name.
pub fn can_create_person(index: &VaultIndex, name: &str) -> bool {
    let name = name.trim();
    !name.is_empty()
        && !name.contains([
            '/', '\\', ':', '#', '^', '[', ']', '|', '*', '"', '<', '>', '?',
        ])
        && index.by_name(name).next().is_none()
}

fn count(values: impl Iterator<Item = String>) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for v in values {
        *out.entry(v).or_insert(0) += 1;
    }
    out
}

/// The strings of list property `key` (none when absent).
pub(crate) fn list(note: &Note, key: &str) -> Vec<String> {
    note.property(key)
        .map(|n| n.strings().into_iter().map(str::to_string).collect())
        .unwrap_or_default()
}

/// The edits that make list property `key` hold exactly `items`, in the note's own style.
fn set_property_list(
    index: &VaultIndex,
    note: &Note,
    key: &str,
    items: &[String],
    reason: &str,
) -> Vec<Edit> {
    let ctx = Context::for_note(index, note);
    let doc = Doc::new(note, &ctx);
    set_list(note, doc.as_ref(), key, items, RULE, reason)
}

/// The note, when its frontmatter can be edited.
pub(crate) fn parsed<'a>(path: &'a str, text: &'a str) -> Result<Note<'a>, NoteError> {
    let note = Note::parse(path, text);
    match note.frontmatter.as_ref().map(|f| &f.yaml) {
        Some(Err(e)) => Err(NoteError::new(path, Some(e.line), e.describe())),
        _ => Ok(note),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apply_edits;
    use crate::settings::Settings;

    fn index() -> VaultIndex {
        VaultIndex::build(
            Settings::default(),
            [
                (
                    "People/Ada Halden.md",
                    "---\ntype: people\ntags: [type/people, company/acme]\n---\n# Ada Halden\n",
                ),
                (
                    "People/Bram Corvel.md",
                    "---\ntype: people\ntags: [type/people]\n---\n# Bram Corvel\n",
                ),
                ("Archive/Cleo Dunmore.md", "---\ntype: people\n---\n"),
            ],
        )
    }

    fn applied(text: &str, edits: &[Edit]) -> String {
        apply_edits(text, edits).expect("applies")
    }

    #[test]
    fn marking_reviewed_removes_only_the_tag() {
        let text = "---\ntags:\n  - type/people\n  - needs-review # pipeline\n---\n# Ada\n";
        let edits = mark_reviewed(&index(), "People/Ada.md", text).expect("edits");
        assert_eq!(
            applied(text, &edits),
            "---\ntags:\n  - type/people\n---\n# Ada\n"
        );
        let text = "---\ntags: [a, \"#Needs-Review\", b]\n---\n";
        let edits = mark_reviewed(&index(), "n.md", text).expect("edits");
        assert_eq!(applied(text, &edits), "---\ntags: [a, b]\n---\n");
        assert!(mark_reviewed(&index(), "n.md", "---\ntags: [a]\n---\n")
            .expect("edits")
            .is_empty());
        assert!(mark_reviewed(&index(), "n.md", "---\ntags: [a\n---\n").is_err());
    }

    #[test]
    fn marking_reviewed_removes_the_tag_written_in_the_body() {
        let text =
            "# Sync\n#needs-review\nTags: #meeting #Needs-Review\nAsk about `#needs-review`.\n\
                    #needs-reviewer stays.\n";
        let edits = mark_reviewed(&index(), "n.md", text).expect("edits");
        assert_eq!(
            applied(text, &edits),
            "# Sync\nTags: #meeting\nAsk about `#needs-review`.\n#needs-reviewer stays.\n"
        );
        let text = "---\ntags: [needs-review]\n---\nBody #needs-review";
        let edits = mark_reviewed(&index(), "n.md", text).expect("edits");
        assert_eq!(applied(text, &edits), "---\ntags: []\n---\nBody");
    }

    #[test]
    fn an_accepted_name_becomes_an_alias_once() {
        let text = "---\ntype: people\naliases: [Nicko]\n---\n# Niko Dukic\n";
        let edits = add_alias(&index(), "People/Niko Dukic.md", text, "Nico").expect("edits");
        assert_eq!(
            applied(text, &edits),
            "---\ntype: people\naliases: [Nicko, Nico]\n---\n# Niko Dukic\n"
        );
        for already in ["nicko", "Niko Dukic", "  "] {
            assert!(add_alias(&index(), "People/Niko Dukic.md", text, already)
                .expect("edits")
                .is_empty());
        }
    }

    #[test]
    fn a_company_conflict_is_settled_by_the_record_kept() {
        let index = VaultIndex::build(
            Settings::default(),
            [(
                "Organizations/Harrow & Finch Ltd.md",
                "---\ntype: organization\n---\n# Harrow & Finch Ltd\n",
            )],
        );
        let text = "---\ntags:\n  - type/people\n  - company/harrow-finch-ltd\n---\n# Ada\n\n\
                    | Field | Value |\n|---|---|\n| **Company** | [[Quill Labs]] |\n";
        let table = keep_company(&index, "People/Ada.md", text, KeepCompany::Table).expect("edits");
        assert_eq!(
            applied(text, &table),
            text.replace("company/harrow-finch-ltd", "company/quill-labs")
        );
        let tag = keep_company(&index, "People/Ada.md", text, KeepCompany::Tag).expect("edits");
        assert_eq!(
            applied(text, &tag),
            text.replace("[[Quill Labs]]", "[[Harrow & Finch Ltd]]"),
            "a linked cell stays a link"
        );
        let plain = text.replace("[[Quill Labs]]", "Quill Labs");
        let tag = keep_company(&index, "People/Ada.md", &plain, KeepCompany::Tag).expect("edits");
        assert_eq!(
            applied(&plain, &tag),
            plain.replace("Quill Labs", "Harrow & Finch Ltd")
        );
    }

    #[test]
    fn a_company_cell_links_the_organisation_by_path_when_its_title_is_shared() {
        let index = VaultIndex::build(
            Settings::default(),
            [
                (
                    "Organizations/Quill.md",
                    "---\ntype: organization\n---\n# Quill\n",
                ),
                ("Projects/Quill.md", "---\ntype: project\n---\n# Quill\n"),
            ],
        );
        let text = "---\ntags: [company/quill]\n---\n| **Company** | [[Harrow]] |\n";
        let tag = keep_company(&index, "People/Ada.md", text, KeepCompany::Tag).expect("edits");
        assert_eq!(
            applied(text, &tag),
            text.replace("[[Harrow]]", "[[Organizations/Quill\\|Quill]]"),
            "[[Quill]] would open either note"
        );
    }

    #[test]
    fn a_company_conflict_that_cannot_be_settled_says_why() {
        let text = "---\ntags: [company/nowhere]\n---\n| **Company** | Quill Labs |\n";
        let err = keep_company(&index(), "p.md", text, KeepCompany::Tag).expect_err("no org note");
        assert!(
            err.to_string()
                .contains("no organisation note answers to the tag company/nowhere"),
            "{err}"
        );
        let err = keep_company(
            &index(),
            "p.md",
            "---\ntags: [a]\n---\n",
            KeepCompany::Table,
        )
        .expect_err("no tag");
        assert!(err.to_string().contains("no company/"), "{err}");
        assert_eq!(company_tag("VAST Data"), "company/vast-data");
        assert_eq!(company_tag("  Ørsted A/S "), "company/ørsted-a-s");
    }

    #[test]
    fn someone_new_gets_a_note_like_the_others() {
        let none = |_: &str| None;
        let note = person_note(&index(), &none, "Declan Burrow").expect("a note");
        assert_eq!(note.path, "People/Declan Burrow.md");
        assert_eq!(
            note.text,
            "---\ntype: people\ntags: [type/people, needs-review]\n---\n# Declan Burrow\n"
        );
        assert!(
            person_note(&index(), &none, "Ada Halden").is_none(),
            "exists"
        );
        assert!(person_note(&index(), &none, "a/b").is_none());
        assert!(person_note(&index(), &none, "<img src=x onerror=alert(1)>").is_none());
    }

    #[test]
    fn someone_new_gets_the_headings_most_people_notes_have_in_their_order() {
        let head = "---\ntype: people\n---\n";
        let notes = [
            (
                "People/Ada Halden.md",
                format!(
                    "{head}# Ada Halden\n\n## Contact\n| a | b |\n\n## Notes\n- x\n\n## Hobbies\n"
                ),
            ),
            (
                "People/Bram Corvel.md",
                format!("{head}## Contact\n\n## Projects\n\n## Notes\n- y\n"),
            ),
            ("People/Cleo Dunmore.md", format!("{head}## Notes\n")),
            (
                "People/Dov Ashe.md",
                format!("{head}# Dov Ashe\n## contact\n## Notes\n"),
            ),
        ];
        let index = VaultIndex::build(
            Settings::default(),
            notes.iter().map(|(p, t)| (*p, t.as_str())),
        );
        let text = |p: &str| notes.iter().find(|(q, _)| *q == p).map(|(_, t)| t.as_str());
        let note = person_note(&index, &text, "Esme Rook").expect("a note");
        // Contact (3 of 4) and Notes (4 of 4) are shared, Contact first; Projects and Hobbies
        // (1 of 4) are not; two of four open with their title: half, so a title too.
        assert_eq!(
            note.text,
            "---\ntype: people\ntags: [needs-review]\n---\n# Esme Rook\n\n## Contact\n\n## Notes\n"
        );
    }
}
