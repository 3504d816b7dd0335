//! The vault index: what the engine knows about every note, updated one note at a time.
//!
//! The plugin and the CLI feed it the same way — `(path, text)` pairs on create and modify,
//! paths on rename and delete — and rules read it to resolve names, derive `last_contact` and
//! judge context. Each note contributes a [`NoteSummary`]; lookups that span notes (names,
//! backlinks) are kept beside the summaries and changed only for the note that changed.

use crate::dates::Date;
use crate::entities::keys::EntityNames;
use crate::note::{title_of, LinkKind, Note};
use crate::settings::Settings;
use crate::text::fold;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What kind of note a summary describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteKind {
    /// A person note (by folder, `type:` or `type/…` tag).
    Person,
    /// An organisation note.
    Org,
    /// A meeting note (`type: …meeting`, a `**Participants:**` line or a `participants` property).
    Meeting,
    /// Anything else.
    #[default]
    Other,
}

/// What one note contributes to the index.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NoteSummary {
    /// Vault-relative path.
    pub path: String,
    /// File name without `.md`.
    pub title: String,
    /// Person, organisation, meeting or other.
    pub kind: NoteKind,
    /// The `aliases` property.
    pub aliases: Vec<String>,
    /// Tags from the `tags` property, without `#`, lowercase.
    pub tags: Vec<String>,
    /// The note's date: `**Date:**` line, then `date`/`created` property, then file name.
    pub date: Option<Date>,
    /// Targets of the note's wikilinks and embeds (as written), frontmatter links included.
    pub links: BTreeSet<String>,
    /// Folded targets of the links actually written as `[[…]]`, in the body or as frontmatter
    /// values — unlike [`NoteSummary::links`], without unlinked participant names.
    pub wikilinks: BTreeSet<String>,
    /// Names of the meeting's participants (property and `**Participants:**` line), unresolved.
    pub participants: Vec<String>,
    /// The organisation a person works at: the `company` property, else a `company/…` tag, else
    /// the Contact Information table.
    pub company: Option<String>,
    /// The owner handle (without `@`) the note's Dataview task queries look for, e.g.
    /// `GlennLockwood` from `contains(text, "@GlennLockwood")`.
    pub owner_query_handle: Option<String>,
    /// The company a `company/…` tag names (slug as written, lowercase).
    pub company_tag: Option<String>,
    /// The company the Contact Information table names (`| **Company** | VAST Data |`).
    pub company_table: Option<String>,
    /// The person's role: the `role` property, else the Contact Information table.
    pub role: Option<String>,
    /// Bullet lines under a "Key Facts" heading, trimmed.
    pub facts: Vec<String>,
}

/// Every note of a vault, summarised, with name and backlink lookups.
#[derive(Debug, Clone, Default)]
pub struct VaultIndex {
    settings: Settings,
    notes: BTreeMap<String, NoteSummary>,
    /// Folded title or alias → paths of the notes it names.
    names: HashMap<String, BTreeSet<String>>,
    /// Folded link target → paths of the notes linking to it.
    backlinks: HashMap<String, BTreeSet<String>>,
    /// Candidate lookups over people and organisation notes, for entity resolution.
    entity_names: EntityNames,
}

impl VaultIndex {
    /// An empty index using `settings` to tell people and organisations apart.
    pub fn new(settings: Settings) -> Self {
        VaultIndex {
            settings,
            ..Default::default()
        }
    }

    /// Builds an index from `(path, text)` pairs.
    pub fn build<'a>(
        settings: Settings,
        notes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Self {
        let mut index = VaultIndex::new(settings);
        for (path, text) in notes {
            index.upsert(path, text);
        }
        index
    }

    /// The settings the index was built with.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Adds or replaces the note at `path` (on create and modify).
    pub fn upsert(&mut self, path: &str, text: &str) {
        self.remove(path);
        if self.settings.is_ignored(path) {
            return;
        }
        let summary = summarize(&Note::parse(path, text), &self.settings);
        self.link_in(&summary);
        self.notes.insert(summary.path.clone(), summary);
    }

    /// Forgets the note at `path` (on delete). Unknown paths are ignored.
    pub fn remove(&mut self, path: &str) {
        if let Some(old) = self.notes.remove(path) {
            for key in name_keys(&old) {
                remove_from(&mut self.names, &key, path);
            }
            for target in &old.links {
                remove_from(&mut self.backlinks, &fold(title_of(target)), path);
            }
            self.entity_names.remove(path);
        }
    }

    /// Moves a note from `old` to `new` (on rename), keeping its text.
    pub fn rename(&mut self, old: &str, new: &str, text: &str) {
        self.remove(old);
        self.upsert(new, text);
    }

    /// The summary of the note at `path`.
    pub fn get(&self, path: &str) -> Option<&NoteSummary> {
        self.notes.get(path)
    }

    /// Every summary, in path order.
    pub fn notes(&self) -> impl Iterator<Item = &NoteSummary> {
        self.notes.values()
    }

    /// How many notes the index holds.
    pub fn len(&self) -> usize {
        self.notes.len()
    }

    /// True when the index holds no notes.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// Notes whose title or alias is `name` (case-, accent-width- and space-insensitive).
    pub fn by_name(&self, name: &str) -> impl Iterator<Item = &NoteSummary> {
        self.names
            .get(&fold(name))
            .into_iter()
            .flatten()
            .filter_map(|p| self.notes.get(p))
    }

    /// The person or organisation note named exactly `name` by title or alias, when only one is.
    pub fn entity_named(&self, name: &str) -> Option<&NoteSummary> {
        let mut found = self
            .by_name(name)
            .filter(|n| matches!(n.kind, NoteKind::Person | NoteKind::Org));
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// Paths of the notes linking to the note titled `title`.
    pub fn backlinks(&self, title: &str) -> impl Iterator<Item = &NoteSummary> {
        self.backlinks
            .get(&fold(title))
            .into_iter()
            .flatten()
            .filter_map(|p| self.notes.get(p))
    }

    /// The candidate lookups entity resolution uses.
    pub fn entity_names(&self) -> &EntityNames {
        &self.entity_names
    }

    fn link_in(&mut self, summary: &NoteSummary) {
        self.entity_names.add(summary);
        for key in name_keys(summary) {
            self.names
                .entry(key)
                .or_default()
                .insert(summary.path.clone());
        }
        for target in &summary.links {
            self.backlinks
                .entry(fold(title_of(target)))
                .or_default()
                .insert(summary.path.clone());
        }
    }
}

fn name_keys(summary: &NoteSummary) -> BTreeSet<String> {
    std::iter::once(&summary.title)
        .chain(&summary.aliases)
        .map(|n| fold(n))
        .filter(|k| !k.is_empty())
        .collect()
}

fn remove_from(map: &mut HashMap<String, BTreeSet<String>>, key: &str, path: &str) {
    if let Some(set) = map.get_mut(key) {
        set.remove(path);
        if set.is_empty() {
            map.remove(key);
        }
    }
}

/// Strips `[[…]]` and a `|display` from a link written as a property value.
pub fn link_target(value: &str) -> &str {
    let v = value.trim();
    let inner = v
        .strip_prefix("[[")
        .and_then(|s| s.strip_suffix("]]"))
        .unwrap_or(v);
    inner
        .split('|')
        .next()
        .unwrap_or(inner)
        .split('#')
        .next()
        .unwrap_or(inner)
        .trim_end_matches('\\')
        .trim()
}

/// The names on a `**Participants:**` line of the body, if the note has one.
pub fn participants_line(note: &Note) -> Option<(std::ops::Range<usize>, Vec<String>)> {
    labelled_line(note, "Participants").map(|(span, value)| {
        let names = value
            .split([',', ';'])
            .map(|n| link_target(n).to_string())
            .filter(|n| !n.is_empty())
            .collect();
        (span, names)
    })
}

/// The value span and text of a `**Label:** value` line in the body.
pub fn labelled_line<'a>(
    note: &Note<'a>,
    label: &str,
) -> Option<(std::ops::Range<usize>, &'a str)> {
    let body = note.body();
    let needle = format!("**{label}:**");
    let at = body.find(&needle)?;
    let line_start = body[..at].rfind('\n').map_or(0, |i| i + 1);
    if !body[line_start..at].trim().is_empty() {
        return None;
    }
    let value_start = at + needle.len();
    let value_end = body[value_start..]
        .find('\n')
        .map_or(body.len(), |i| value_start + i);
    let raw = &body[value_start..value_end];
    let trimmed_start = value_start + (raw.len() - raw.trim_start().len());
    let trimmed_end = value_start + raw.trim_end().len();
    let base = note.body_start;
    Some((
        base + trimmed_start..base + trimmed_end.max(trimmed_start),
        &body[trimmed_start..trimmed_end.max(trimmed_start)],
    ))
}

/// The note's own date: its `**Date:**` line, else a `date`/`created` property, else its file name.
pub fn note_date(note: &Note) -> Option<Date> {
    labelled_line(note, "Date")
        .and_then(|(_, v)| Date::parse_iso(v.get(..10).unwrap_or(v)))
        .or_else(|| {
            ["date", "created"].iter().find_map(|k| {
                let v = note.property(k)?.as_str()?;
                Date::parse_iso(v.get(..10).unwrap_or(v))
            })
        })
        .or_else(|| Date::from_file_name(note.path))
}

fn summarize(note: &Note, settings: &Settings) -> NoteSummary {
    if settings.is_template(note.path) {
        // Found by name, so links to it resolve; nothing else: its people are placeholders.
        return NoteSummary {
            path: note.path.to_string(),
            title: note.title().to_string(),
            ..NoteSummary::default()
        };
    }
    // `Tags:` and `tags:` both hold tags until the key-case rule folds them.
    let strings = |key: &str| -> Vec<String> {
        let node = note.property(key).or_else(|| {
            note.frontmatter
                .as_ref()?
                .root()?
                .entries()
                .iter()
                .find(|e| e.key_str().eq_ignore_ascii_case(key))
                .map(|e| &e.value)
        });
        node.map(|n| n.strings().into_iter().map(str::to_string).collect())
            .unwrap_or_default()
    };
    let tags: Vec<String> = strings("tags")
        .iter()
        .flat_map(|t| {
            t.split([',', ' '])
                .map(|s| s.trim().trim_start_matches('#').to_lowercase())
                .collect::<Vec<_>>()
        })
        .filter(|t| !t.is_empty())
        .collect();
    let type_value = note
        .property("type")
        .and_then(|n| n.as_str())
        .unwrap_or("")
        .to_lowercase();
    let in_folder = |folders: &[String]| {
        folders.iter().any(|f| {
            note.path
                .strip_prefix(f.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
        })
    };
    let typed = |types: &[String]| {
        types.iter().any(|t| {
            *t == type_value
                || tags
                    .iter()
                    .any(|tag| tag.strip_prefix("type/") == Some(t.as_str()))
        })
    };
    let mut participants: Vec<String> = strings("participants")
        .iter()
        .map(|p| link_target(p).to_string())
        .collect();
    let line_participants = participants_line(note)
        .map(|(_, names)| names)
        .unwrap_or_default();
    let kind = if typed(&settings.people_types)
        || (in_folder(&settings.people_folders) && type_value.is_empty())
    {
        NoteKind::Person
    } else if typed(&settings.org_types)
        || (in_folder(&settings.org_folders) && type_value.is_empty())
    {
        NoteKind::Org
    } else if type_value.contains("meeting")
        || !line_participants.is_empty()
        || !participants.is_empty()
    {
        NoteKind::Meeting
    } else if in_folder(&settings.people_folders) {
        NoteKind::Person
    } else if in_folder(&settings.org_folders) {
        NoteKind::Org
    } else {
        NoteKind::Other
    };
    for name in line_participants {
        if !participants.iter().any(|p| fold(p) == fold(&name)) {
            participants.push(name);
        }
    }
    let mut links: BTreeSet<String> = note
        .links
        .iter()
        .filter(|l| l.kind != LinkKind::Markdown && !l.target.is_empty())
        .map(|l| l.target.clone())
        .collect();
    let mut wikilinks: BTreeSet<String> = links.iter().map(|l| fold(title_of(l))).collect();
    if let Some(root) = note.frontmatter.as_ref().and_then(|f| f.root()) {
        for entry in root.entries() {
            for value in entry.value.strings() {
                if value.trim_start().starts_with("[[") {
                    links.insert(link_target(value).to_string());
                    wikilinks.insert(fold(title_of(link_target(value))));
                }
            }
        }
    }
    links.extend(participants.iter().cloned());
    let company_tag = tags
        .iter()
        .find_map(|t| t.strip_prefix("company/").map(str::to_string));
    let company_table = table_field(note, "Company");
    let company = note
        .property("company")
        .and_then(|n| n.as_str())
        .map(|s| link_target(s).to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| company_tag.clone())
        .or_else(|| company_table.clone());
    let role = note
        .property("role")
        .and_then(|n| n.as_str())
        .map(str::to_string)
        .filter(|s| !s.is_empty())
        .or_else(|| table_field(note, "Role"));
    NoteSummary {
        path: note.path.to_string(),
        title: note.title().to_string(),
        kind,
        aliases: strings("aliases"),
        tags,
        date: note_date(note),
        links,
        wikilinks,
        participants,
        company,
        owner_query_handle: crate::tasks::query_handle(note),
        company_tag,
        company_table,
        role,
        facts: section_bullets(note, "key facts"),
    }
}

/// The value of a `| **Label** | value |` row (a Contact Information table), unless it is a
/// placeholder such as `_Unknown_`.
pub fn table_field(note: &Note, label: &str) -> Option<String> {
    let needle = format!("**{label}**");
    note.body().lines().find_map(|line| {
        let cells: Vec<&str> = line
            .trim()
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        let (first, value) = (cells.first()?, cells.get(1)?);
        let value = link_target(value);
        (first.eq_ignore_ascii_case(&needle)
            && !value.is_empty()
            && !(value.starts_with('_') && value.ends_with('_')))
        .then(|| value.to_string())
    })
}

/// The trimmed `- ` bullet lines under the heading whose text is `heading` (case-insensitive),
/// up to the next heading of the same or a higher level.
fn section_bullets(note: &Note, heading: &str) -> Vec<String> {
    let Some(at) = note
        .headings
        .iter()
        .position(|h| h.text.eq_ignore_ascii_case(heading))
    else {
        return Vec::new();
    };
    let start = note.headings[at].span.end;
    let level = note.headings[at].level;
    let end = note.headings[at + 1..]
        .iter()
        .find(|h| h.level <= level)
        .map_or(note.text.len(), |h| h.span.start);
    note.text
        .get(start..end)
        .unwrap_or("")
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- "))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROB: &str =
        "---\ntype: people\naliases: [Robert]\ntags:\n- company/vast-data\n---\n# Rob Benoit\n";
    const MEETING: &str = "---\ntype: meeting\n---\n**Date:** 2025-10-28\n**Participants:** Rob Benoit, [[Niko Dukic]]\n\nSee [[Rob Benoit]].\n";

    #[test]
    fn classifies_and_looks_up_names() {
        let index = VaultIndex::build(
            Settings::default(),
            [("People/Rob Benoit.md", ROB), ("Meetings/m.md", MEETING)],
        );
        let rob = index.entity_named("robert").unwrap();
        assert_eq!(rob.title, "Rob Benoit");
        assert_eq!(rob.kind, NoteKind::Person);
        assert_eq!(rob.company.as_deref(), Some("vast-data"));
        let m = index.get("Meetings/m.md").unwrap();
        assert_eq!(m.kind, NoteKind::Meeting);
        assert_eq!(m.date.unwrap().to_string(), "2025-10-28");
        assert_eq!(m.participants, vec!["Rob Benoit", "Niko Dukic"]);
        assert_eq!(index.backlinks("Rob Benoit").count(), 1);
        assert!(m.wikilinks.contains("rob benoit") && m.wikilinks.contains("niko dukic"));
        let linked = VaultIndex::build(
            Settings::default(),
            [(
                "m.md",
                "---\nparticipants: [\"[[Ada]]\", Bob]\nproject: \"[[Apollo]]\"\n---\n**Participants:** Cy\n",
            )],
        );
        let m = linked.get("m.md").unwrap();
        assert_eq!(m.wikilinks, ["ada", "apollo"].map(String::from).into());
        assert_eq!(linked.backlinks("Apollo").count(), 1);
    }

    #[test]
    fn updates_one_note_at_a_time() {
        let mut index = VaultIndex::build(
            Settings::default(),
            [("People/Rob Benoit.md", ROB), ("Meetings/m.md", MEETING)],
        );
        index.rename("People/Rob Benoit.md", "People/Robert Benoit.md", ROB);
        assert!(index.entity_named("Rob Benoit").is_none());
        assert_eq!(
            index.entity_named("Robert Benoit").unwrap().path,
            "People/Robert Benoit.md"
        );
        index.upsert("Meetings/m.md", "no links any more");
        assert_eq!(index.backlinks("Rob Benoit").count(), 0);
        index.remove("Meetings/m.md");
        assert_eq!(index.len(), 1);
    }

    #[test]
    fn ignores_dot_folders() {
        let index = VaultIndex::build(
            Settings::default(),
            [(".obsidian/x.md", "x"), (".trash/y.md", "y")],
        );
        assert!(index.is_empty());
    }
}
