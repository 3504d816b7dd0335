use super::*;
use crate::apply_edits;
use crate::review::ReviewReason;
use crate::settings::Settings;

const TITLE: &str = "Orla Penhallow";

fn place(path: &str, written: &str, lines: &[usize]) -> Place {
    Place {
        path: path.to_string(),
        written: written.to_string(),
        lines: lines.to_vec(),
    }
}

/// `(path, text)` of notes, or `(path, why)` of notes skipped.
type Paths = Vec<(String, String)>;

/// The text of each note after linking `TITLE` from `places`, and the notes skipped.
fn linked(notes: &[(&str, &str)], places: &[Place]) -> (Paths, Paths) {
    let text = |p: &str| notes.iter().find(|(q, _)| *q == p).map(|(_, t)| *t);
    let plan = link_back(&Settings::default(), &text, TITLE, places);
    let after = plan
        .notes
        .iter()
        .map(|n| {
            let before = text(&n.path).expect("a note");
            (
                n.path.clone(),
                apply_edits(before, &n.edits).expect("applies"),
            )
        })
        .collect();
    (after, plan.skipped)
}

#[test]
fn the_first_plain_mention_in_each_note_is_linked() {
    let meeting = "---\nparticipants: [Orla Penhallow, Tam Reyes]\n---\n# Standup\n\nOrla Penhallow ran it; Orla Penhallow again later.\n";
    let other = "Lunch with Orla Penhallow.\n";
    let (after, skipped) = linked(
        &[("m.md", meeting), ("n.md", other)],
        &[place("m.md", TITLE, &[2]), place("n.md", TITLE, &[])],
    );
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(
        after,
        [
            (
                "m.md".to_string(),
                "---\nparticipants: [Orla Penhallow, Tam Reyes]\n---\n# Standup\n\n[[Orla Penhallow]] ran it; Orla Penhallow again later.\n".to_string()
            ),
            ("n.md".to_string(), "Lunch with [[Orla Penhallow]].\n".to_string()),
        ],
        "the frontmatter stays as written; only the first body mention is linked"
    );
}

#[test]
fn a_written_form_other_than_the_title_is_shown_as_written() {
    let (after, _) = linked(
        &[("n.md", "Asked O. Penhallow first.\n")],
        &[place("n.md", "O. Penhallow", &[1])],
    );
    assert_eq!(after[0].1, "Asked [[Orla Penhallow|O. Penhallow]] first.\n");
}

#[test]
fn in_a_table_row_the_pipe_is_escaped() {
    let text = "| Who | Role |\n|---|---|\n| Orla P. | lead |\n";
    let (after, _) = linked(&[("t.md", text)], &[place("t.md", "Orla P.", &[3])]);
    assert_eq!(
        after[0].1,
        "| Who | Role |\n|---|---|\n| [[Orla Penhallow\\|Orla P.]] | lead |\n"
    );
}

#[test]
fn code_links_urls_headings_handles_and_tags_are_passed_over() {
    let text = "## Orla Penhallow\n\
                `Orla Penhallow` in code, [Orla Penhallow](https://x.example) and\n\
                https://x.example/Orla Penhallow, @Orla Penhallow, #Orla Penhallow,\n\
                %% Orla Penhallow %%\n\
                ```\nOrla Penhallow\n```\n\
                Orla Penhallows is someone else; then Orla Penhallow.\n";
    let (after, _) = linked(&[("c.md", text)], &[place("c.md", TITLE, &[1])]);
    assert_eq!(
        after[0].1,
        text.replace("then Orla Penhallow.", "then [[Orla Penhallow]].")
    );
}

#[test]
fn a_note_already_linking_the_person_is_left_alone() {
    let text = "Met [[orla penhallow|Orla]] and later Orla Penhallow.\n";
    let (after, skipped) = linked(&[("l.md", text)], &[place("l.md", TITLE, &[1])]);
    assert!(after.is_empty() && skipped.is_empty());
}

#[test]
fn a_note_changed_since_the_review_is_skipped_and_named() {
    let (after, skipped) = linked(
        &[("a.md", "Nobody here.\nOrla Penhallow moved down a line.\n")],
        &[place("a.md", TITLE, &[1]), place("gone.md", TITLE, &[1])],
    );
    assert!(after.is_empty());
    assert_eq!(
        skipped,
        [
            (
                "a.md".to_string(),
                "changed since the review: 'Orla Penhallow' is no longer on line 1".to_string()
            ),
            ("gone.md".to_string(), "no longer in the vault".to_string()),
        ]
    );
}

#[test]
fn templates_and_excluded_notes_are_never_edited() {
    let text = "Orla Penhallow\n";
    let (after, skipped) = linked(
        &[("Templates/Meeting.md", text)],
        &[place("Templates/Meeting.md", TITLE, &[1])],
    );
    assert!(after.is_empty() && skipped.is_empty());
}

#[test]
fn linking_twice_changes_nothing() {
    let text = "Orla Penhallow said so.\n";
    let (after, _) = linked(&[("n.md", text)], &[place("n.md", TITLE, &[1])]);
    let again = after[0].1.clone();
    let (twice, _) = linked(&[("n.md", &again)], &[place("n.md", TITLE, &[1])]);
    assert!(twice.is_empty());
}

#[test]
fn places_come_from_the_decision_of_a_vault() {
    let meeting = "---\ntype: meeting\nparticipants: [Ada Park, Orla Penhallow]\n---\n\nOrla Penhallow joined.\n";
    let notes = vec![
        (
            "People/Ada Park.md".to_string(),
            "---\ntype: people\n---\n".to_string(),
        ),
        ("m1.md".to_string(), meeting.to_string()),
        ("m2.md".to_string(), meeting.to_string()),
    ];
    let mut vault = Vault::build(Settings::default(), notes);
    let group = crate::review::ReviewItem::name_group(&crate::names::normalize::name_key(TITLE));
    let found = places(&mut vault, &group);
    assert_eq!(
        found.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(),
        ["m1.md", "m2.md"]
    );
    assert!(found
        .iter()
        .all(|p| p.written == TITLE && !p.lines.is_empty()));
    let all = vault.all_reports();
    assert!(all
        .iter()
        .flat_map(|r| r.review.iter())
        .any(|i| *i.group == *group && i.reason == ReviewReason::NewEntity));
}
