//! What one note mentions, as the plugin's "Mentions in this note" view shows it: each person
//! and organisation the note names, one entry per written name and the way it resolved, with
//! the places it is written, whether the note links the entity (a link Obsidian sees), and
//! what a person needs to correct it (the name answers are keyed on, the candidates, the
//! reasons). The people and organisations a name could be corrected to are [`entities`].

use crate::entities::mentions::Kind;
use crate::entities::{resolve_note, Decision, Scope};
use crate::index::{frontmatter_links, NoteKind, VaultIndex};
use crate::note::{title_of, LinkKind, Note};
use crate::review::Candidate;
use crate::text::fold;
use serde::Serialize;
use std::collections::BTreeSet;

/// One written name of a note and how it resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteMention {
    /// The name as review answers are about it (`Rob Banga` for `[[Rob Banga|Rob]]`,
    /// `Yasmin Ahmed` for `@YasminAhmed`).
    pub name: String,
    /// The mention as first written (`Rob Banga|Rob`, `YasminAhmed`).
    pub text: String,
    /// How it was first written.
    pub kind: Kind,
    /// The title of the note it resolved to (for `review`, the top suggestion), or null.
    pub resolved: Option<String>,
    /// `exact`, `alias`, `auto`, `review` or `unknown`.
    pub decision: Decision,
    /// Probability that `resolved` is right.
    pub confidence: f64,
    /// Ranked candidates, best first.
    pub candidates: Vec<Candidate>,
    /// The evidence for the decision, in words.
    pub reasons: Vec<String>,
    /// The note links `resolved` (in its body or a property): Obsidian shows the connection.
    pub linked: bool,
    /// Where the name is written: byte spans into the note's text, in note order.
    pub places: Vec<Place>,
}

/// One place a name is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// 1-based line.
    pub line: usize,
    /// First byte of the name as written.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// The people and organisations `text` (the note at `path`) names, resolved against `index`,
/// one entry per written name (case- and accent-blind) and resolution, in the order the note
/// first writes them. Mentions of the note itself and template notes are left out.
pub fn note_mentions(index: &VaultIndex, path: &str, text: &str) -> Vec<NoteMention> {
    if index.settings().is_not_a_note(path, text) {
        return Vec::new();
    }
    let note = Note::parse(path, text);
    let links = linked_titles(&note);
    let mut resolved = resolve_note(&note, index, Scope::All);
    resolved.sort_by_key(|r| r.found.span.start);
    let mut out: Vec<NoteMention> = Vec::new();
    for r in resolved {
        let entity = r.resolution.entity.as_ref();
        if entity.is_some_and(|e| e.path == path) {
            continue;
        }
        let title = entity.map(|e| e.title.clone());
        let place = Place {
            line: r.found.line,
            start: r.found.span.start,
            end: r.found.span.end,
        };
        let key = fold(&r.found.name);
        if let Some(entry) = out.iter_mut().find(|m| {
            fold(&m.name) == key && m.resolved == title && m.decision == r.resolution.decision
        }) {
            entry.places.push(place);
            continue;
        }
        let res = &r.resolution;
        out.push(NoteMention {
            name: r.found.name.clone(),
            text: r.found.text.clone(),
            kind: r.found.kind,
            linked: title.as_ref().is_some_and(|t| links.contains(&fold(t))),
            resolved: title,
            decision: res.decision,
            confidence: res.confidence,
            candidates: res.candidates.clone(),
            reasons: res.reasons.clone(),
            places: vec![place],
        });
    }
    out
}

/// The titles (folded) the note links, in its body or as frontmatter values: what Obsidian
/// counts as the note's outgoing links.
fn linked_titles(note: &Note) -> BTreeSet<String> {
    note.links
        .iter()
        .filter(|l| l.kind != LinkKind::Markdown && !l.target.is_empty())
        .map(|l| l.target.as_str())
        .chain(frontmatter_links(note))
        .map(|t| fold(title_of(t)))
        .collect()
}

/// A person or organisation a name can be said to be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// The note's title.
    pub title: String,
    /// Vault-relative path of its note.
    pub path: String,
    /// `person` or `org`.
    pub kind: &'static str,
}

/// Every person and organisation of the vault, by title.
pub fn entities(index: &VaultIndex) -> Vec<Entity> {
    let mut out: Vec<Entity> = index
        .notes()
        .filter_map(|n| {
            let kind = match n.kind {
                NoteKind::Person => "person",
                NoteKind::Org => "org",
                _ => return None,
            };
            Some(Entity {
                title: n.title.clone(),
                path: n.path.clone(),
                kind,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        fold(&a.title)
            .cmp(&fold(&b.title))
            .then(a.path.cmp(&b.path))
    });
    out
}

/// The note of the person or organisation titled `title`, if exactly one has that title.
pub fn entity_path(index: &VaultIndex, title: &str) -> Option<String> {
    let folded = fold(title);
    let mut hits = index
        .by_name(title)
        .filter(|n| matches!(n.kind, NoteKind::Person | NoteKind::Org) && fold(&n.title) == folded);
    let hit = hits.next()?;
    hits.next().is_none().then(|| hit.path.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{Resolution, Settings};

    fn index(settings: Settings) -> VaultIndex {
        VaultIndex::build(
            settings,
            [
                ("People/Niko Dukic.md", "---\ntype: people\n---\n"),
                ("People/Rob Benoit.md", "---\ntype: people\n---\n"),
                ("People/Rob Banner.md", "---\ntype: people\n---\n"),
                (
                    "Organizations/VAST Data.md",
                    "---\ntype: organization\n---\n",
                ),
            ],
        )
    }

    const MEETING: &str =
        "---\ntype: meeting\nparticipants: [\"[[Niko Dukic]]\", Rob Benoit]\n---\n\
        # Sync\n\nNiko Dukic showed the plan to VAST Data.\n\
        - [ ] Send the plan @NikoDukic\n\
        Later niko dukic agreed.\n\
        - Rob Benoit signed the plan off (via Rob Banga)\n";

    #[test]
    fn one_entry_per_written_name_with_its_places_and_links() {
        let out = note_mentions(&index(Settings::default()), "Meetings/Sync.md", MEETING);
        let niko: Vec<&NoteMention> = out
            .iter()
            .filter(|m| m.resolved.as_deref() == Some("Niko Dukic"))
            .collect();
        let exact = niko.iter().find(|m| m.name == "Niko Dukic").expect("Niko");
        assert_eq!(exact.decision, Decision::Exact);
        assert!(exact.linked, "the participants property links him");
        // `Niko Dukic` in the list and in prose, `@NikoDukic` and `niko dukic` later: one name
        // (as answers key it), four places.
        let written: Vec<(usize, &str)> = exact
            .places
            .iter()
            .map(|p| (p.line, &MEETING[p.start..p.end]))
            .collect();
        assert_eq!(
            written,
            [
                (3, "Niko Dukic"),
                (7, "Niko Dukic"),
                (8, "NikoDukic"),
                (9, "niko dukic")
            ]
        );
        assert_eq!(exact.kind, Kind::Participant, "as first written");
        assert_eq!(niko.len(), 1);

        let rob = out.iter().find(|m| m.name == "Rob Benoit").expect("Rob");
        assert!(!rob.linked, "a plain participant is not a link");
        let vast = out.iter().find(|m| m.name == "VAST Data").expect("VAST");
        assert!(!vast.linked && vast.decision.is_confident());
        let via = out
            .iter()
            .find(|m| m.name == "Rob Banga")
            .expect("the credit");
        assert_eq!(via.kind, Kind::Via);
        assert_eq!(via.resolved.as_deref(), Some("Rob Benoit"));
        // Entries come in the order the note first writes them.
        let first: Vec<usize> = out.iter().map(|m| m.places[0].start).collect();
        assert!(first.windows(2).all(|w| w[0] < w[1]), "{first:?}");
    }

    #[test]
    fn answers_move_a_name_and_the_note_itself_is_left_out() {
        let mut settings = Settings::default();
        settings.accepted.push(Resolution {
            text: "Rob Banga".into(),
            entity: "Rob Banner".into(),
        });
        let out = note_mentions(&index(settings), "Meetings/Sync.md", MEETING);
        let via = out
            .iter()
            .find(|m| m.name == "Rob Banga")
            .expect("the credit");
        assert_eq!(
            (via.resolved.as_deref(), via.decision),
            (Some("Rob Banner"), Decision::Alias)
        );
        let own = note_mentions(
            &index(Settings::default()),
            "People/Niko Dukic.md",
            "---\ntype: people\n---\nNiko Dukic works with Rob Benoit.\n",
        );
        let names: Vec<&str> = own.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["Rob Benoit"]);
    }

    #[test]
    fn entities_are_people_and_organisations_by_title() {
        let index = index(Settings::default());
        let titles: Vec<(String, &str)> = entities(&index)
            .into_iter()
            .map(|e| (e.title, e.kind))
            .collect();
        assert_eq!(
            titles,
            [
                ("Niko Dukic".to_string(), "person"),
                ("Rob Banner".to_string(), "person"),
                ("Rob Benoit".to_string(), "person"),
                ("VAST Data".to_string(), "org"),
            ]
        );
        assert_eq!(
            entity_path(&index, "vast data").as_deref(),
            Some("Organizations/VAST Data.md")
        );
        assert_eq!(entity_path(&index, "Nobody"), None);
    }
}
