//! The opt-in open-tasks section of person notes: rendered between the markers only, in due
//! order, idempotently, and never when the markers are missing, misordered, doubled, in code or
//! in a `%%` comment.

use curator_core::tasks::section::{section_edit, EDIT_RULE, END_MARKER, START_MARKER};
use curator_core::tasks::Task;
use curator_core::vault::Vault;
use curator_core::{apply_edits, Engine, Note, Settings};

const NIKO: &str = "People/Niko Dukic.md";

const MEETING: &str = "\
---
type: meeting
---
# Sync
- [ ] Undated follow-up @Niko Dukic
- [ ] Send the plan @Niko Dukic ⏫ 📅 2026-01-16
- [x] Already done @Niko Dukic 📅 2026-01-01
- [-] Dropped @Niko Dukic 📅 2026-01-02
- [ ] Someone else's @Lior Genzel 📅 2026-01-03
- [/] Review the rÃ©sumÃ© @Niko Dukic ðŸ“… 2026-01-10
";

const OTHER_MEETING: &str = "\
# Kickoff
- [ ] Book the room @Niko Dukic 📅 2026-01-16
";

fn person_note(body: &str) -> String {
    format!("---\ntype: people\n---\n# Niko Dukic\n\n{body}")
}

fn with_markers(inside: &str) -> String {
    person_note(&format!(
        "Intro stays.\n\n{START_MARKER}\n{inside}{END_MARKER}\n\nOutro stays.\n"
    ))
}

fn engine(rule_on: bool) -> Engine {
    let mut settings = Settings::default();
    settings.set_rule(&curator_core::tasks::section::RULE, rule_on);
    let mut engine = Engine::new(settings);
    engine.index_mut().upsert(NIKO, &person_note(""));
    engine
        .index_mut()
        .upsert("People/Lior Genzel.md", "---\ntype: people\n---\n");
    engine
}

/// An index of no note.
fn index() -> curator_core::index::VaultIndex {
    curator_core::index::VaultIndex::new(Settings::default())
}

fn vault_tasks(engine: &Engine) -> Vec<Task> {
    let mut tasks = engine.tasks("Meetings/2026-01-14 Sync.md", MEETING);
    tasks.extend(engine.tasks("Meetings/2026-01-12 Kickoff.md", OTHER_MEETING));
    tasks
}

fn updated(text: &str) -> Option<String> {
    let engine = engine(true);
    let note = Note::parse(NIKO, text);
    let edit = section_edit(&note, &vault_tasks(&engine), engine.index())?;
    assert_eq!(edit.rule, EDIT_RULE);
    Some(apply_edits(text, &[edit]).unwrap())
}

#[test]
fn lists_open_owned_tasks_in_due_order() {
    let text = with_markers("");
    let out = updated(&text).unwrap();
    let expected = with_markers(
        "- Review the résumé — [[2026-01-14 Sync]] · due 2026-01-10\n\
         - Book the room — [[2026-01-12 Kickoff]] · due 2026-01-16\n\
         - Send the plan — [[2026-01-14 Sync]] · due 2026-01-16 · high\n\
         - Undated follow-up — [[2026-01-14 Sync]]\n",
    );
    assert_eq!(out, expected);
}

#[test]
fn rendered_bullets_are_not_tasks() {
    let engine = engine(true);
    let out = updated(&with_markers("")).unwrap();
    assert!(engine.tasks(NIKO, &out).is_empty());
}

#[test]
fn second_run_changes_nothing() {
    let out = updated(&with_markers("- stale line\n- another\n")).unwrap();
    assert_eq!(updated(&out), None);
}

#[test]
fn text_outside_markers_is_byte_identical() {
    let text = with_markers("- stale\n");
    let out = updated(&text).unwrap();
    let (before, after) = text.split_once(START_MARKER).unwrap();
    assert!(out.starts_with(&format!("{before}{START_MARKER}\n")));
    assert!(out.ends_with(&format!(
        "{END_MARKER}{}",
        after.split_once(END_MARKER).unwrap().1
    )));
}

#[test]
fn crlf_notes_get_crlf_lines_and_keep_the_rest() {
    let text = with_markers("- stale\n").replace('\n', "\r\n");
    let out = updated(&text).unwrap();
    assert!(out.contains(
        "<!-- curator:open-tasks -->\r\n- Review the résumé — [[2026-01-14 Sync]] · due 2026-01-10\r\n"
    ));
    assert!(
        !out.replace("\r\n", "").contains('\n'),
        "no bare LF: {out:?}"
    );
    assert!(out.ends_with("<!-- /curator:open-tasks -->\r\n\r\nOutro stays.\r\n"));
    assert_eq!(updated(&out), None);
}

#[test]
fn no_owned_tasks_render_one_line() {
    let engine = engine(true);
    let text = with_markers("- stale\n");
    let note = Note::parse(NIKO, &text);
    let edit = section_edit(&note, &[], &index()).unwrap();
    assert_eq!(edit.replacement, "- No open tasks.\n");
    let closed_only: Vec<Task> = vault_tasks(&engine)
        .into_iter()
        .filter(|t| !t.is_open())
        .collect();
    assert_eq!(
        section_edit(&note, &closed_only, &index())
            .unwrap()
            .replacement,
        "- No open tasks.\n"
    );
}

#[test]
fn bad_markers_change_nothing() {
    let misordered = person_note(&format!("{END_MARKER}\n- x\n{START_MARKER}\n"));
    let start_only = person_note(&format!("{START_MARKER}\n- x\n"));
    let doubled = person_note(&format!(
        "{START_MARKER}\n{END_MARKER}\n{START_MARKER}\n{END_MARKER}\n"
    ));
    let fenced = person_note(&format!("```\n{START_MARKER}\n- x\n{END_MARKER}\n```\n"));
    let indented = person_note(&format!("    {START_MARKER}\n    - x\n    {END_MARKER}\n"));
    let inline = person_note(&format!("`{START_MARKER}`\n- x\n`{END_MARKER}`\n"));
    let none = person_note("- x\n");
    let commented = person_note(&format!("%%\n{START_MARKER}\n- x\n{END_MARKER}\n%%\n"));
    let end_commented = person_note(&format!("{START_MARKER}\n- x\n%%{END_MARKER}%%\n"));
    for text in [
        misordered,
        start_only,
        doubled,
        fenced,
        indented,
        inline,
        none,
        commented,
        end_commented,
    ] {
        assert_eq!(updated(&text), None, "{text}");
    }
}

#[test]
fn markers_quoted_in_code_elsewhere_do_not_count() {
    let text = with_markers("") + &format!("```\n{START_MARKER}\n```\n");
    let out = updated(&text).unwrap();
    assert!(out.contains("- Undated follow-up"));
    assert!(out.ends_with(&format!("```\n{START_MARKER}\n```\n")));
}

#[test]
fn descriptions_opening_with_a_bracket_stay_plain_bullets() {
    let engine = engine(true);
    let meeting = "- [ ] [x] looks boxed @Niko Dukic\n";
    let tasks = engine.tasks("Meetings/m.md", meeting);
    let text = with_markers("");
    let edit = section_edit(&Note::parse(NIKO, &text), &tasks, &index()).unwrap();
    assert_eq!(edit.replacement, "- \\[x] looks boxed — [[m]]\n");
    let out = apply_edits(&text, &[edit]).unwrap();
    assert!(engine.tasks(NIKO, &out).is_empty());
}

#[test]
fn engine_edits_person_notes_only_with_the_rule_on() {
    let person = with_markers("");
    let meeting_with_markers = format!("{MEETING}{START_MARKER}\n{END_MARKER}\n");
    let notes = [
        (NIKO, person.as_str()),
        ("Meetings/2026-01-14 Sync.md", meeting_with_markers.as_str()),
        ("Meetings/2026-01-12 Kickoff.md", OTHER_MEETING),
    ];
    let vault = |rule_on: bool, notes: &[(&str, &str)]| {
        let settings = engine(rule_on).settings().clone();
        let owned = notes.iter().map(|(p, t)| (p.to_string(), t.to_string()));
        Vault::build(settings, owned.collect())
    };
    let edits = vault(true, &notes)
        .section_edits()
        .expect("every text held");
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0].0, NIKO);
    assert_eq!(
        apply_edits(&person, &edits[0].1).unwrap(),
        updated(&person).unwrap()
    );
    assert!(vault(false, &notes)
        .section_edits()
        .expect("every text held")
        .is_empty());

    let opted_out = person.replacen(
        "type: people\n",
        "type: people\ncurator: [open_tasks_section]\n",
        1,
    );
    let notes = [(NIKO, opted_out.as_str()), notes[2]];
    assert!(vault(true, &notes)
        .section_edits()
        .expect("every text held")
        .is_empty());
}

/// Two meetings whose files share a title (`Standup.md` in two folders): each task links to its
/// meeting by its path, as a link by the title alone would open either.
#[test]
fn a_task_in_a_note_whose_title_another_shares_links_by_its_path() {
    let person = with_markers("");
    let notes = [
        (NIKO, person.as_str()),
        ("Meetings/Team A/Standup.md", MEETING),
        ("Meetings/Team B/Standup.md", OTHER_MEETING),
    ];
    let settings = engine(true).settings().clone();
    let owned = notes.iter().map(|(p, t)| (p.to_string(), t.to_string()));
    let edits = Vault::build(settings, owned.collect())
        .section_edits()
        .expect("every text held");
    let out = apply_edits(&person, &edits[0].1).unwrap();
    assert!(out.contains("[[Meetings/Team A/Standup]]"), "{out}");
    assert!(out.contains("[[Meetings/Team B/Standup]]"), "{out}");
    assert!(!out.contains("[[Standup]]"), "{out}");
}
