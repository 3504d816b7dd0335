//! Each frontmatter rule, end to end through `Engine::fix`.

mod frontmatter_common;

use curator_core::settings::ListStyle;
use curator_core::{ReviewReason, Settings};
use frontmatter_common::{fix_in, fixed};

fn reasons(path: &str, text: &str) -> Vec<(ReviewReason, Option<usize>)> {
    let out = fix_in(Settings::default(), &[], path, text);
    out.review.iter().map(|r| (r.reason, r.line)).collect()
}

fn with_types(types: &[(&str, &str)]) -> Settings {
    let mut s = Settings::default();
    for (k, v) in types {
        s.property_types.insert(k.to_string(), v.to_string());
    }
    s
}

fn fixed_with(settings: Settings, path: &str, text: &str) -> String {
    let out = fix_in(settings, &[], path, text);
    out.text.unwrap_or_else(|| text.to_string())
}

// ---- placeholders -------------------------------------------------------------------------

#[test]
fn fills_a_structural_date_placeholder_from_the_date_line() {
    let text = "---\ntype: meeting\ncreated: { { DATE } }\n---\n**Date:** 2025-10-28  \n";
    assert_eq!(
        fixed("Meetings/Sync.md", text),
        "---\ntype: meeting\ncreated: 2025-10-28\n---\n**Date:** 2025-10-28  \n"
    );
}

#[test]
fn fills_date_placeholders_from_the_file_name_keeping_quotes() {
    assert_eq!(
        fixed(
            "Meetings/2025-03-04 - Kickoff.md",
            "---\ndate: \"{{date}}\"\n---\n"
        ),
        "---\ndate: \"2025-03-04\"\n---\n"
    );
    assert_eq!(
        fixed(
            "Meetings/20250313 0845 Call.md",
            "---\ndate: {{date:YYYY-MM-DD}}\n---\n"
        ),
        "---\ndate: 2025-03-13\n---\n"
    );
    assert_eq!(
        fixed(
            "Meetings/20250313 0845 Call.md",
            "---\ncreated: {{DATE}}\n---\n"
        ),
        "---\ncreated: 2025-03-13\n---\n"
    );
}

/// A placeholder in a date key named otherwise than the note's date (`{{yesterday}}`,
/// `{{date-1d}}`) may ask for another day: left as written and queued, never filled with the
/// note's date.
#[test]
fn leaves_date_placeholders_of_another_day_unfilled() {
    let path = "Journal/2024-05-11.md";
    let yesterday = "---\ndate: {{date}}\nupdated: {{yesterday}}\n---\n";
    assert_eq!(
        fixed(path, yesterday),
        "---\ndate: 2024-05-11\nupdated: {{yesterday}}\n---\n"
    );
    assert!(reasons(path, yesterday).contains(&(ReviewReason::UnfilledPlaceholder, Some(3))));
    let offset = "---\ndate: {{date-1d}}\n---\n";
    assert_eq!(fixed(path, offset), offset);
    assert!(reasons(path, offset).contains(&(ReviewReason::UnfilledPlaceholder, Some(2))));
}

#[test]
fn fills_title_placeholders_from_the_file_name() {
    let path = "Meetings/2025-03-04 - Kickoff, part 1.md";
    assert_eq!(
        fixed(path, "---\ntitle: '{{Title}}'\n---\n"),
        "---\ntitle: '2025-03-04 - Kickoff, part 1'\n---\n"
    );
    assert_eq!(
        fixed(path, "---\ntitle: { { TITLE } }\n---\n"),
        "---\ntitle: 2025-03-04 - Kickoff, part 1\n---\n"
    );
    assert_eq!(
        fixed("Notes/Plan: phase 2.md", "---\ntitle: {{title}}\n---\n"),
        "---\ntitle: \"Plan: phase 2\"\n---\n"
    );
}

#[test]
fn fills_participants_linking_those_with_a_note_keeping_flow_style() {
    // A link stays a link, an alias links its person's note, a stranger stays plain.
    let text = "---\nparticipants: [{ { PARTICIPANTS } }] # from template\n---\n**Participants:** [[Ada Lovelace]], Amazing Grace, Bob: Stranger\n";
    assert_eq!(
        fixed("Meetings/m.md", text),
        "---\nparticipants: [\"[[Ada Lovelace]]\", \"[[Grace Hopper]]\", \"Bob: Stranger\"] # from template\n---\n**Participants:** [[Ada Lovelace]], Amazing Grace, Bob: Stranger\n"
    );
}

#[test]
fn links_a_misspelt_participant_only_while_names_may_be_corrected() {
    let people = [("People/Håkon Lindvik.md", "---\ntype: person\n---\n")];
    let text = "---\nparticipants: \"{{participants}}\"\n---\n**Participants:** Ada Lovelace, Hakon Lindvik\n";
    let fix = |settings: Settings| {
        let out = fix_in(settings, &people, "Meetings/m.md", text);
        out.text.unwrap_or_default()
    };
    assert_eq!(
        fix(Settings::default()),
        "---\nparticipants: [\"[[Ada Lovelace]]\", \"[[Håkon Lindvik]]\"]\n---\n**Participants:** Ada Lovelace, Hakon Lindvik\n"
    );
    let mut off = Settings::default();
    off.rules.insert("entityLinks".into(), false);
    assert_eq!(
        fix(off),
        "---\nparticipants: [\"[[Ada Lovelace]]\", Hakon Lindvik]\n---\n**Participants:** Ada Lovelace, Hakon Lindvik\n"
    );
}

/// A **Participants:** line whose entry is two people the line does not split (`Ana Lima and
/// Bo Chen`, `Ana & Bo`), nobody yet (`TBD`), someone not there (`Mei Chou (absent)`,
/// `~~Mei Chou~~`) or a call's label (`Joaquín Etxeberria | Acme Corp`), or that writes names
/// surname first as mail clients do (`Lovelace, Ada; Holm, Lars`, or `Lovelace, Ada` of Ada
/// Lovelace, who has a note) or a suffix apart (`Lars Holm, Jr.`), fills no participants
/// placeholder: filled, an entry would be a wrong participant. The placeholder is queued.
#[test]
fn leaves_a_participants_placeholder_whose_line_names_two_in_one_entry() {
    for line in [
        "Ada Lovelace, Lars Holm and Mei Chou",
        "Ada Lovelace & Lars Holm",
        "TBD",
        "Ada Lovelace, Mei Chou (absent)",
        "Ada Lovelace, Lars Holm (optional, did not join)",
        "Ada Lovelace; ~~Mei Chou~~",
        "Luz Martínez y Dolores Ruiz",
        "Ada Lovelace und Lars Holm",
        "Ada Lovelace a Lars Holm",
        "Ada Lovelace dan Lars Holm",
        "Ada Lovelace, Lars Holm (entschuldigt)",
        "Ada Lovelace, Lars Holm (afwezig)",
        "Ada Lovelace, Joaquín Etxeberria | Acme Corp",
        "Lovelace, Ada; Holm, Lars",
        "Lars Holm; Lovelace, Ada",
        "Lars Holm, Lovelace, Ada",
        "Lars Holm, Jr., Ada Lovelace",
    ] {
        let text =
            format!("---\nparticipants: {{{{participants}}}}\n---\n**Participants:** {line}\n");
        assert_eq!(fixed("Meetings/m.md", &text), text, "{line}");
        assert!(
            reasons("Meetings/m.md", &text).contains(&(ReviewReason::UnfilledPlaceholder, Some(2))),
            "{line}"
        );
    }
}

/// A line listing who met with text no note names that reads as no one's name (`See calendar
/// invite`, a team, a role in capitals, a role or a department written alone, `Guest`, `Sales`)
/// fills no
/// participants placeholder: the property would list it as someone. The placeholder is queued.
/// Names, particles and initials included, fill it.
#[test]
fn leaves_a_participants_placeholder_whose_line_writes_no_name() {
    for line in [
        "See calendar invite",
        "The whole design team",
        "Ada Lovelace (PM), DPO, CISO",
        "Ada Lovelace, Development Team",
        "Ada Lovelace, [Others]",
        "Ada Lovelace, Everyone",
        "Ada Lovelace, Guest",
        "Sales, Ada Lovelace",
        "Ada Lovelace, Client",
        "Ada Lovelace, Moderator",
        "Ada Lovelace, -",
        "Ada Lovelace, someone from finance",
        "Ada Lovelace, bell hooks",
    ] {
        for label in ["Participants", "Attendees"] {
            let text =
                format!("---\nparticipants: {{{{participants}}}}\n---\n**{label}:** {line}\n");
            assert_eq!(fixed("Meetings/m.md", &text), text, "{line}");
            let asked = reasons("Meetings/m.md", &text);
            assert!(
                asked.contains(&(ReviewReason::UnfilledPlaceholder, Some(2))),
                "{line}"
            );
        }
    }
    let names = "Jan van der Berg, Ahmed al-Farsi, J. R. Hartley, Seán O’Brien, 王伟, AJ Bell, \
                 Grace, Dr. Hope, Bob, Rose, Jean d'Arcy, Jacobus van 't Hoff, SARA LEE, Sara Lee - Eng, O'NEIL, JOHN, \
                 Muhammad bin Abdulaziz bin Abdullah Al Saud";
    let text = format!("---\nparticipants: {{{{participants}}}}\n---\n**Attendees:** {names}\n");
    assert_eq!(
        fixed("Meetings/m.md", &text),
        // An honorific is no part of the name (`Dr. Hope` is Hope).
        text.replace(
            "{{participants}}",
            &format!("[{}]", names.replace("Dr. Hope", "Hope"))
        )
    );
}

/// A role word that a person's note has as an alias (`Host` of Sam Host) names that person:
/// the placeholder is filled.
#[test]
fn a_role_word_a_persons_note_has_as_an_alias_fills_a_participants_placeholder() {
    let text = "---\nparticipants: {{participants}}\n---\n**Participants:** Ada Lovelace, Host\n";
    let host = "---\ntype: person\naliases: [Host]\n---\n";
    let out = fix_in(
        Settings::default(),
        &[("People/Sam Host.md", host), ("Meetings/m.md", text)],
        "Meetings/m.md",
        text,
    );
    assert!(
        out.text
            .as_deref()
            .is_some_and(|t| t.contains("participants: [\"[[Ada Lovelace]]\", Host]")),
        "{out:?}"
    );
}

/// An invitation's entries: a name with its address is the name's; a bare address stays as
/// written, no participant lost.
#[test]
fn fills_a_participants_placeholder_keeping_bare_addresses() {
    let text = "---\nparticipants: {{participants}}\n---\n**Participants:** Ada Lovelace <ada@example.com>, bo@example.com, Dr. Cy Diaz\n";
    assert_eq!(
        fixed("Meetings/m.md", text),
        "---\nparticipants: [\"[[Ada Lovelace]]\", bo@example.com, Cy Diaz]\n---\n**Participants:** Ada Lovelace <ada@example.com>, bo@example.com, Dr. Cy Diaz\n"
    );
}

#[test]
fn fills_a_string_participants_placeholder_as_a_list() {
    let text =
        "---\nparticipants: \"{{participants}}\"\n---\n**Participants:** [[Ada Lovelace]]; Bob\n";
    assert_eq!(
        fixed("Meetings/m.md", text),
        "---\nparticipants: [\"[[Ada Lovelace]]\", Bob]\n---\n**Participants:** [[Ada Lovelace]]; Bob\n"
    );
    let block = Settings {
        list_style: ListStyle::Block,
        ..Default::default()
    };
    assert_eq!(
        fixed_with(block, "Meetings/m.md", text),
        "---\nparticipants:\n  - \"[[Ada Lovelace]]\"\n  - Bob\n---\n**Participants:** [[Ada Lovelace]]; Bob\n"
    );
}

#[test]
fn fills_a_block_list_participants_placeholder_as_block_items() {
    let text = "---\nparticipants:\n- {{PARTICIPANTS}}\ntags: [meeting]\n---\n**Participants:** [[Ada Lovelace]], Bob\n";
    assert_eq!(
        fixed("Meetings/m.md", text),
        "---\nparticipants:\n- \"[[Ada Lovelace]]\"\n- Bob\ntags: [meeting]\n---\n**Participants:** [[Ada Lovelace]], Bob\n"
    );
}

#[test]
fn leaves_underivable_placeholders_for_review() {
    let text = "---\ntype: person\ncreated: { { DATE } }\nstatus: {{mood}}\nparticipants: [{{PARTICIPANTS}}]\ntitle: Call on {{date}}\n---\n";
    assert_eq!(fixed("Notes/Someone.md", text), text);
    // Two placeholders nothing here can fill (`{{mood}}`, and `{{date}}` inside other text):
    // the note reads as a template, and one item says so, at the first of them.
    assert_eq!(
        reasons("Notes/Someone.md", text),
        vec![(ReviewReason::UnfilledPlaceholder, Some(4))]
    );
    // Without them, each leftover is asked about on its own.
    let leftovers =
        "---\ntype: person\ncreated: { { DATE } }\nparticipants: [{{PARTICIPANTS}}]\n---\n";
    assert_eq!(fixed("Notes/Someone.md", leftovers), leftovers);
    assert_eq!(
        reasons("Notes/Someone.md", leftovers),
        vec![
            (ReviewReason::UnfilledPlaceholder, Some(3)),
            (ReviewReason::UnfilledPlaceholder, Some(4)),
        ]
    );
    // One placeholder inside other text is a leftover too.
    let one = "---\ntitle: Call on {{date}}\n---\n";
    assert_eq!(
        reasons("Notes/Someone.md", one),
        vec![(ReviewReason::UnfilledPlaceholder, Some(2))]
    );
}

#[test]
fn a_template_of_placeholders_nothing_fills_is_left_whole() {
    // A script's template (`{{id}}`, `{{created}}`, …): filling `{{name}}` alone would write
    // `T-CHILD` into every note the script makes from it.
    let text = "---\nid: \"{{id}}\"\nname: \"{{name}}\"\ntype: \"{{type}}\"\nlevel: {{level}}\ncreated: \"{{created}}\"\n---\n\n### {{name}}\n";
    assert_eq!(fixed("uch-docs/T-CHILD.md", text), text);
    assert_eq!(
        reasons("uch-docs/T-CHILD.md", text),
        vec![(ReviewReason::UnfilledPlaceholder, Some(2))]
    );
    // A meeting note whose placeholders the note fills is no template.
    let meeting = "---\ntitle: {{title}}\ncreated: {{DATE}}\n---\n**Date:** 2025-10-28\n";
    assert_eq!(
        fixed("Meetings/Sync.md", meeting),
        "---\ntitle: Sync\ncreated: 2025-10-28\n---\n**Date:** 2025-10-28\n"
    );
    // Nor one whose date placeholder the note gives no date for: that one is a leftover,
    // asked about, and the rest is filled.
    let meeting = "---\ncreated: { { DATE } }\nparticipants: [{ { PARTICIPANTS } }]\n---\n\
                   **Participants:** Ada Lovelace\n";
    assert_eq!(
        fixed("Meetings/Brainstorm.md", meeting),
        meeting.replace("[{ { PARTICIPANTS } }]", "[\"[[Ada Lovelace]]\"]")
    );
    assert_eq!(
        reasons("Meetings/Brainstorm.md", meeting),
        vec![(ReviewReason::UnfilledPlaceholder, Some(2))]
    );
}

// ---- dates --------------------------------------------------------------------------------

#[test]
fn rewrites_dates_to_iso_keeping_quotes() {
    for (written, expected) in [
        ("2026/01/03", "2026-01-03"),
        ("20260103", "2026-01-03"),
        ("Jan 3, 2026", "2026-01-03"),
        ("3 January 2026", "2026-01-03"),
        ("23.01.2026", "2026-01-23"),
        ("23/01/2026", "2026-01-23"),
        ("\"Jan 3, 2026\"", "\"2026-01-03\""),
        ("'2026/01/03'", "'2026-01-03'"),
        ("'2026-01-03'", "'2026-01-03'"),
        ("2026-01-03 # kept", "2026-01-03 # kept"),
    ] {
        let text = format!("---\ncreated: {written}\nname: x\n---\nbody\n");
        assert_eq!(
            fixed("n.md", &text),
            format!("---\ncreated: {expected}\nname: x\n---\nbody\n"),
            "{written}"
        );
    }
}

#[test]
fn a_date_of_another_calendar_stays_as_written() {
    // Persian (Jalali) dates as the Persian calendar plugin writes them.
    for written in ["1403/01/15", "14030201", "1402.12.29"] {
        let text = format!("---\ncreated: {written}\nname: x\n---\nbody\n");
        assert_eq!(fixed("n.md", &text), text, "{written}");
    }
}

#[test]
fn ambiguous_dates_are_left_for_review() {
    let text = "---\ntitle: x\ndate: 03/04/2026\n---\n";
    assert_eq!(fixed("n.md", text), text);
    assert_eq!(
        reasons("n.md", text),
        vec![(ReviewReason::AmbiguousDate, Some(3))]
    );
}

#[test]
fn a_date_whose_week_day_is_another_is_left_for_review() {
    // 5 March 2024 was a Tuesday: which of the two the owner meant is theirs to say.
    for value in ["Sunday, March 5, 2024", "Sun, 5 Mar 2024"] {
        let text = format!("---\ntitle: x\ndate: {value}\n---\n");
        assert_eq!(fixed("n.md", &text), text);
        assert_eq!(
            reasons("n.md", &text),
            vec![(ReviewReason::AmbiguousDate, Some(3))]
        );
    }
    let right = "---\ntitle: x\ndate: Tuesday, March 5, 2024\n---\n";
    assert_eq!(
        fixed("n.md", right),
        "---\ntitle: x\ndate: 2024-03-05\n---\n"
    );
}

#[test]
fn only_date_keys_are_rewritten() {
    let text = "---\nrelease: 2026/01/03\ncreated: 2026/01/03\n---\n";
    assert_eq!(
        fixed("n.md", text),
        "---\nrelease: 2026/01/03\ncreated: 2026-01-03\n---\n"
    );
    let typed = with_types(&[("release", "date"), ("created", "text")]);
    assert_eq!(
        fixed_with(typed, "n.md", text),
        "---\nrelease: 2026-01-03\ncreated: 2026/01/03\n---\n"
    );
}

/// `text` at `n.md` fixed under `settings` in a vault of `notes`, or `text` itself.
fn fixed_among(settings: Settings, notes: &[(&str, &str)], text: &str) -> String {
    let out = fix_in(settings, notes, "n.md", text);
    out.text.unwrap_or_else(|| text.to_string())
}

/// Two notes writing `due` as a bare date.
const DUE_AS_DATES: [(&str, &str); 2] = [
    ("a.md", "---\ndue: 2025-11-02\n---\n"),
    ("b.md", "---\ndue: 2025-11-09\n---\n"),
];

#[test]
fn a_time_of_day_is_kept_even_where_the_key_is_declared_a_date() {
    let text = "---\ndue: 2025-11-14T16:45\nreminder: 2025-11-14 09:05:30\n---\n";
    assert_eq!(fixed("n.md", text), text);
    let typed = || with_types(&[("due", "date"), ("reminder", "datetime")]);
    assert_eq!(fixed_among(typed(), &DUE_AS_DATES, text), text);
    // Midnight, what a tool writes for a bare day, is the date alone.
    let midnight = "---\ndue: 2025-11-14T00:00\nreminder: 2025-11-14T00:00\n---\n";
    assert_eq!(
        fixed_among(typed(), &DUE_AS_DATES, midnight),
        "---\ndue: 2025-11-14\nreminder: 2025-11-14T00:00\n---\n"
    );
}

#[test]
fn a_date_property_keeps_a_time_whose_day_depends_on_the_reader() {
    // Midnight UTC is how scripts write a bare date; 23:30 UTC is already tomorrow in Berlin.
    let vault = [
        (
            "a.md",
            "---\nissued: 1999-12-01\nshipped: 1999-12-02\nbilled: 1999-12-03\n---\n",
        ),
        (
            "b.md",
            "---\nissued: 1999-12-04\nshipped: 1999-12-05\nbilled: 1999-12-06\n---\n",
        ),
    ];
    let text = "---\nissued: 2000-09-17T00:00:00.000Z\nshipped: 2026-03-20T23:30:00Z\nbilled: 2026-03-20T10:00+02:00\n---\n";
    let typed = with_types(&[("issued", "date"), ("shipped", "date"), ("billed", "date")]);
    assert_eq!(
        fixed_among(typed, &vault, text),
        "---\nissued: 2000-09-17\nshipped: 2026-03-20T23:30:00Z\nbilled: 2026-03-20T10:00+02:00\n---\n"
    );
}

#[test]
fn a_vault_writing_a_date_key_as_datetimes_keeps_them() {
    // A template writes `kickoff` with a time and an offset; one note was written by hand.
    let vault = [
        ("a.md", "---\nkickoff: 2025-05-01T00:00:00+05:30\n---\n"),
        ("b.md", "---\nkickoff: 2025-05-02T00:00:00+05:30\n---\n"),
        ("c.md", "---\nkickoff: 2025-05-03\n---\n"),
    ];
    let typed = || with_types(&[("kickoff", "date")]);
    let text = "---\nkickoff: 2025-05-09T00:00:00+05:30\n---\n";
    assert_eq!(fixed_among(typed(), &vault, text), text);
    // A date in another form is still written as ISO.
    assert_eq!(
        fixed_among(typed(), &vault, "---\nkickoff: 2025/05/09\n---\n"),
        "---\nkickoff: 2025-05-09\n---\n"
    );
    // As many notes each way: no convention to follow, so the time stays.
    assert_eq!(fixed_among(typed(), &vault[1..], text), text);
    // Most notes write the bare date: midnight follows them.
    let dated = [vault[2], ("d.md", "---\nkickoff: 2025-05-04\n---\n")];
    assert_eq!(
        fixed_among(typed(), &dated, text),
        "---\nkickoff: 2025-05-09\n---\n"
    );
}

#[test]
fn a_datetime_follows_the_vault_when_the_vault_changes() {
    // Warm: the note's result read how the vault writes `kickoff`, so notes changing that
    // invalidate it.
    let mut vault = curator_core::vault::Vault::new(with_types(&[("kickoff", "date")]));
    vault.upsert("n.md", "---\nkickoff: 2025-05-09T00:00:00Z\n---\n");
    vault.upsert("a.md", "---\nkickoff: 2025-05-01\n---\n");
    // One note each way.
    assert!(replacements(&mut vault).is_empty());
    vault.upsert("b.md", "---\nkickoff: 2025-05-02\n---\n");
    assert_eq!(replacements(&mut vault), ["2025-05-09"]);
    vault.upsert("b.md", "---\nkickoff: 2025-05-02T00:00:00Z\n---\n");
    assert!(replacements(&mut vault).is_empty());
    vault.remove("b.md");
    vault.upsert("c.md", "---\nKickoff: 2025/05/03\n---\n");
    assert_eq!(replacements(&mut vault), ["2025-05-09"]);
}

/// A vault whose template writes `started` as `Do MMMM YYYY`, with one note written in ISO.
const STARTED_SPELLED_OUT: [(&str, &str); 3] = [
    ("a.md", "---\nstarted: 2nd March 2025\n---\n"),
    ("b.md", "---\nstarted: 14th March 2025\n---\n"),
    ("c.md", "---\nstarted: 2025-03-20\n---\n"),
];

/// The settings with `started` among the date keys (types.json declaring no type for it).
fn started_a_date() -> Settings {
    let mut s = Settings::default();
    s.date_keys.push("started".into());
    s
}

/// `text` at `n.md` fixed under `settings` in a vault of `notes`, and its review reasons.
fn fixed_and_reasons(
    settings: Settings,
    notes: &[(&str, &str)],
    text: &str,
) -> (String, Vec<ReviewReason>) {
    let out = fix_in(settings, notes, "n.md", text);
    let reasons = out.review.iter().map(|r| r.reason).collect();
    (out.text.unwrap_or_else(|| text.to_string()), reasons)
}

#[test]
fn a_vault_writing_a_date_key_its_own_way_keeps_its_form() {
    for text in [
        "---\nstarted: 21st March 2025\n---\n",
        "---\nstarted: Mar 22, 2025\n---\n",
        // Either order could be meant; the vault's readers know which, so nothing is queued.
        "---\nstarted: 03/04/2025\n---\n",
    ] {
        assert_eq!(
            fixed_and_reasons(started_a_date(), &STARTED_SPELLED_OUT, text),
            (text.to_string(), vec![]),
            "{text}"
        );
    }
    // A form the engine cannot read is the vault's form all the same.
    let german = [
        ("a.md", "---\nstarted: 4. März 2024\n---\n"),
        ("b.md", "---\nstarted: 9. Mai 2024\n---\n"),
        ("c.md", "---\nstarted: 2024-05-20\n---\n"),
    ];
    let text = "---\nstarted: 30. April 2024\n---\n";
    assert_eq!(fixed_among(started_a_date(), &german, text), text);
    // A datetime counts as ISO, and a value holding no digit as no form of a date: two notes
    // each way, so no convention.
    let as_often_iso = [
        ("a.md", "---\nstarted: 2025-03-02T09:30\n---\n"),
        ("b.md", "---\nstarted: 2025-03-14\n---\n"),
        ("c.md", "---\nstarted: 20th March 2025\n---\n"),
        ("d.md", "---\nstarted: TBD\n---\n"),
        ("e.md", "---\nstarted: \"{{date}}\"\n---\n"),
    ];
    assert_eq!(
        fixed_among(
            started_a_date(),
            &as_often_iso,
            "---\nstarted: 21st March 2025\n---\n"
        ),
        "---\nstarted: 2025-03-21\n---\n"
    );
}

#[test]
fn a_vault_writing_a_date_key_mostly_in_iso_gets_its_strays_normalized() {
    let vault = [
        ("a.md", "---\ncreated: 2025-01-02\n---\n"),
        ("b.md", "---\ncreated: '2025-01-03'\n---\n"),
        ("c.md", "---\ncreated: 2025-01-04T10:00\n---\n"),
        ("d.md", "---\ncreated: 5th January 2025\n---\n"),
    ];
    assert_eq!(
        fixed_among(
            Settings::default(),
            &vault,
            "---\ncreated: Jan 7, 2025\n---\n"
        ),
        "---\ncreated: 2025-01-07\n---\n"
    );
    assert_eq!(
        fixed_and_reasons(
            Settings::default(),
            &vault,
            "---\ncreated: 03/04/2025\n---\n"
        )
        .1,
        vec![ReviewReason::AmbiguousDate]
    );
}

#[test]
fn a_date_key_types_json_declares_is_normalized_whatever_the_vault_writes() {
    // Obsidian reads a declared date only in ISO.
    for declared in ["date", "datetime"] {
        let text = "---\nstarted: 21st March 2025\n---\n";
        let typed = with_types(&[("started", declared)]);
        assert_eq!(
            fixed_among(typed, &STARTED_SPELLED_OUT, text),
            "---\nstarted: 2025-03-21\n---\n",
            "{declared}"
        );
    }
    let typed = with_types(&[("started", "date")]);
    let text = "---\nstarted: 03/04/2025\n---\n";
    assert_eq!(
        fixed_and_reasons(typed, &STARTED_SPELLED_OUT, text).1,
        vec![ReviewReason::AmbiguousDate]
    );
}

#[test]
fn a_tie_or_a_lone_note_is_no_convention() {
    // The note alone writes its form: it is normalized as dates are.
    assert_eq!(
        fixed_among(
            started_a_date(),
            &[],
            "---\nstarted: 21st March 2025\n---\n"
        ),
        "---\nstarted: 2025-03-21\n---\n"
    );
    // Two ISO, two spelled out (the note itself one of them): ISO, as the rule writes dates.
    let vault = [
        STARTED_SPELLED_OUT[0],
        STARTED_SPELLED_OUT[2],
        ("d.md", "---\nstarted: 2025-03-25T00:00:00Z\n---\n"),
    ];
    assert_eq!(
        fixed_among(
            started_a_date(),
            &vault,
            "---\nstarted: 21st March 2025\n---\n"
        ),
        "---\nstarted: 2025-03-21\n---\n"
    );
}

#[test]
fn an_ambiguous_date_is_read_in_the_order_the_vault_writes_its_key() {
    // types.json declares `date` a date, which Obsidian reads only in ISO. Three notes write it
    // day first (13, 20 and 25 can only be days), none month first: `12-06-2026` is the 12th
    // of June, as the vault's readers read it.
    let mut vault = curator_core::vault::Vault::new(with_types(&[("date", "date")]));
    vault.upsert("n.md", "---\ndate: 12-06-2026\n---\n");
    for (path, date) in [("a.md", "13-06-2026"), ("b.md", "20-06-2026")] {
        vault.upsert(path, &format!("---\ndate: {date}\n---\n"));
    }
    // Two notes are no convention yet: the date is asked about.
    assert!(replacements(&mut vault).is_empty());
    vault.upsert("c.md", "---\ndate: 25-04-2026\n---\n");
    assert_eq!(replacements(&mut vault), ["2026-06-12"]);
    // One note writing it month first: the vault mixes orders, and the date is asked about.
    vault.upsert("d.md", "---\ndate: 04/25/2026\n---\n");
    assert!(replacements(&mut vault).is_empty());
    vault.remove("d.md");
    assert_eq!(replacements(&mut vault), ["2026-06-12"]);
}

#[test]
fn a_date_form_follows_the_vault_when_the_vault_changes() {
    // Warm: the note's result read how the vault writes `started`, so notes changing that
    // invalidate it.
    let mut vault = curator_core::vault::Vault::new(started_a_date());
    vault.upsert("n.md", "---\nstarted: 21st March 2025\n---\n");
    vault.upsert("a.md", "---\nstarted: 2025-03-02\n---\n");
    // One note each way: no convention.
    assert_eq!(replacements(&mut vault), ["2025-03-21"]);
    vault.upsert("b.md", "---\nstarted: 14th March 2025\n---\n");
    assert!(replacements(&mut vault).is_empty());
    vault.upsert("a.md", "---\nstarted: 2nd March 2025\n---\n");
    assert!(replacements(&mut vault).is_empty());
    // Two spelled out, two in ISO (one a datetime, under a key written in capitals).
    vault.remove("a.md");
    vault.upsert("c.md", "---\nStarted: 2025-03-20T08:00\n---\n");
    vault.upsert("d.md", "---\nstarted: 2025-03-25\n---\n");
    assert_eq!(replacements(&mut vault), ["2025-03-21"]);
    vault.upsert("c.md", "---\nstarted: soon\n---\n");
    assert!(replacements(&mut vault).is_empty());
}

// ---- tags and aliases ---------------------------------------------------------------------

#[test]
fn a_tag_string_becomes_a_flow_list() {
    assert_eq!(
        fixed("n.md", "---\ntags: meeting, Customer/Foo # from CRM\n---\n"),
        "---\ntags: [meeting, Customer/Foo] # from CRM\n---\n"
    );
    assert_eq!(
        fixed("n.md", "---\ntags: \"#meeting, #meeting, 2025\"\n---\n"),
        "---\ntags: [meeting, \"2025\"]\n---\n"
    );
    // One tag written as a string is valid as it stands; with a `#`, it becomes a list.
    let single = "---\ntags: poems\n---\n";
    assert_eq!(fixed("n.md", single), single);
    assert_eq!(
        fixed("n.md", "---\ntags: \"#poems\"\n---\n"),
        "---\ntags: [poems]\n---\n"
    );
    let block = Settings {
        list_style: ListStyle::Block,
        ..Default::default()
    };
    assert_eq!(
        fixed_with(block, "n.md", "---\ntags: \"#A #b\"\nx: 1\n---\n"),
        "---\ntags:\n  - A\n  - b\nx: 1\n---\n"
    );
}

#[test]
fn a_tag_string_of_comma_separated_phrases_is_asked_about_not_split() {
    // Split into words and deduplicated, `adversarial diffusion distillation` and `score
    // distillation` would be lost for good: the note stays and is asked about.
    let text = "---\ntags: Diffusion Models, adversarial diffusion distillation, score distillation\n---\n";
    assert_eq!(fixed("n.md", text), text);
    assert_eq!(
        reasons("n.md", text),
        [(ReviewReason::InvalidFrontmatter, Some(2))]
    );
    // So is one phrase alone (`Shell Scripting`): the owner may have meant one tag.
    let text = "---\ntags: Shell Scripting\n---\n";
    assert_eq!(fixed("n.md", text), text);
    assert_eq!(
        reasons("n.md", text),
        [(ReviewReason::InvalidFrontmatter, Some(2))]
    );
    // Words no phrase is made of, and `#`-words, are tags as Obsidian reads them.
    assert_eq!(
        fixed("n.md", "---\ntags: Resources/Articles To_process\n---\n"),
        "---\ntags: [Resources/Articles, To_process]\n---\n"
    );
    assert_eq!(
        fixed(
            "n.md",
            "---\ntags: \"#type/tool #status/wip, later\"\n---\n"
        ),
        "---\ntags: [type/tool, status/wip, later]\n---\n"
    );
}

#[test]
fn a_tag_a_dataview_query_reads_with_its_hash_keeps_it() {
    // `icontains(tags, "#type/")` reads the raw `tags` value: `type/tooling` written without
    // its `#` would drop the note out of the table.
    let mut vault = curator_core::vault::Vault::new(Settings::default());
    vault.upsert("n.md", "---\ntags:\n  - \"#type/tooling\"\n---\n");
    assert_eq!(replacements(&mut vault), ["type/tooling"]);
    let moc = "---\ntags: [moc]\n---\n```dataview\nTABLE summary\nWHERE icontains(tags, \"#type/\")\n```\n";
    vault.upsert("Tooling MoC.md", moc);
    assert!(replacements(&mut vault).is_empty());
    // A query looking for other tags says nothing of this one.
    vault.upsert("Tooling MoC.md", &moc.replace("#type/", "#area/"));
    assert_eq!(replacements(&mut vault), ["type/tooling"]);
}

#[test]
fn a_list_item_holding_a_space_is_one_tag() {
    // The owner wrote one tag per item; splitting `Kalman Filter` would invent `filter`.
    let block = "---\ntags:\n  - Kalman Filter\n  - signal processing\n  - \"#optics\"\n---\n";
    assert_eq!(
        fixed("n.md", block),
        "---\ntags:\n  - Kalman Filter\n  - signal processing\n  - optics\n---\n"
    );
    let flow = "---\ntags: [Kalman Filter, dsp]\n---\n";
    assert_eq!(fixed("n.md", flow), flow);
    // An item listing several tags with commas is still split.
    assert_eq!(
        fixed("n.md", "---\ntags: [\"dsp, optics\"]\n---\n"),
        "---\ntags: [dsp, optics]\n---\n"
    );
}

#[test]
fn a_list_item_written_as_a_hashtag_comment_is_left_for_review() {
    // YAML reads `- #area/garden` as an empty item and a comment: the owner's tags are there,
    // and rewriting the list would drop them.
    let text = "---\ntitle: Garden\ntags:\n  - #area/garden\n  - #status/active\n---\nBody.\n";
    assert_eq!(fixed("n.md", text), text);
    assert_eq!(
        reasons("n.md", text),
        [(ReviewReason::InvalidFrontmatter, Some(4))]
    );
    // A comment after an entry is just a comment; an empty item is a slot left to fill in
    // (templates and generators write `tags:` then `- `), and the list stays as written.
    for text in [
        "---\ntags:\n  - garden # mine\n  -\n---\n",
        "---\ntags:\n- \n---\n# Hello\n",
        "---\ntags: [\"\"]\naliases:\n  - \"\"\n  - ~\n---\n",
    ] {
        assert_eq!(fixed("n.md", text), text);
    }
    // The other items are cleaned around it.
    assert_eq!(
        fixed(
            "n.md",
            "---\ntags:\n  - alpha\n  - alpha\n  -\n  - \"#beta\"\n---\n"
        ),
        "---\ntags:\n  - alpha\n  -\n  - beta\n---\n"
    );
}

#[test]
fn a_list_item_of_several_hashtags_is_as_many_tags() {
    assert_eq!(
        fixed(
            "n.md",
            "---\ntags: [\" #type/tool #topic/dev\", later]\n---\n"
        ),
        "---\ntags: [type/tool, topic/dev, later]\n---\n"
    );
    // Words without `#` in an item stay one tag, as their owner wrote it.
    let text = "---\ntags: [peter may, \"#solo\"]\n---\n";
    assert_eq!(fixed("n.md", text), "---\ntags: [peter may, solo]\n---\n");
}

#[test]
fn flow_tag_lists_are_cleaned_in_place() {
    assert_eq!(
        fixed(
            "n.md",
            "---\ntags: [People, PEOPLE, Company/Kestrel-robotics]\n---\n"
        ),
        "---\ntags: [people, Company/Kestrel-robotics]\n---\n"
    );
    assert_eq!(
        fixed(
            "n.md",
            "---\ntags: [ \"#type/people\",  needs-review ]\n---\n"
        ),
        "---\ntags: [ type/people,  needs-review ]\n---\n"
    );
}

#[test]
fn block_tag_lists_change_only_the_items_that_must() {
    let text = "---\ntags:\n  # what the note is about\n  - \"#meeting\"\n  - customer/acme # key account\n  - Meeting\n  - \"1-1\"\ndate: 2025-01-01\n---\n";
    assert_eq!(
        fixed("n.md", text),
        "---\ntags:\n  # what the note is about\n  - meeting\n  - customer/acme # key account\n  - \"1-1\"\ndate: 2025-01-01\n---\n"
    );
}

#[test]
fn list_style_setting_converts_lists() {
    let flow = Settings {
        list_style: ListStyle::Flow,
        ..Default::default()
    };
    assert_eq!(
        fixed_with(flow, "n.md", "---\ntags:\n- a\n- b\n---\n"),
        "---\ntags: [a, b]\n---\n"
    );
    let block = Settings {
        list_style: ListStyle::Block,
        ..Default::default()
    };
    assert_eq!(
        fixed_with(block, "n.md", "---\ntags: [a, b]\n---\n"),
        "---\ntags:\n  - a\n  - b\n---\n"
    );
}

#[test]
fn aliases_are_deduplicated_keeping_case_and_order() {
    assert_eq!(
        fixed("n.md", "---\naliases: [Rob, Robert, Rob, rob]\n---\n"),
        "---\naliases: [Rob, Robert, rob]\n---\n"
    );
    let single = "---\naliases: Rob, the builder\n---\n";
    assert_eq!(fixed("n.md", single), single);
}

#[test]
fn a_list_rules_reason_shows_the_list_written_and_why_an_entry_changed() {
    let reason = |text: &str| {
        let out = fix_in(Settings::default(), &[], "n.md", text);
        out.applied
            .iter()
            .map(|e| e.reason.clone())
            .collect::<Vec<_>>()
    };
    let tags = reason("---\ntags: Productivity, Unix\n---\n");
    assert!(
        tags.iter()
            .any(|r| r.starts_with("`Productivity, Unix` → `[Productivity, Unix]`")),
        "{tags:?}"
    );
    // Where the note writes its lists one item a line, the reason says so, as the edit does.
    let block = reason("---\naliases:\n  - x\ntags: type/effort, personal-development\n---\n");
    assert!(
        block.iter().any(|r| r.starts_with(
            "`type/effort, personal-development` → `- type/effort`, `- personal-development`:"
        )),
        "{block:?}"
    );
    let trimmed = reason("---\naliases:\n  - \"Rdv 17h \"\n---\n");
    assert!(
        trimmed
            .iter()
            .any(|r| r.ends_with("the spaces around an entry are no part of it")),
        "{trimmed:?}"
    );
}

#[test]
fn comments_after_quoted_values_survive_their_rewrite() {
    let text = "---\ncreated: \"2025/01/17\"   # keep me\naliases: ['A', 'A']  # and me\n---\n";
    assert_eq!(
        fixed("n.md", text),
        "---\ncreated: \"2025-01-17\"   # keep me\naliases: [A]  # and me\n---\n"
    );
}

#[test]
fn tags_and_anchors_stay_when_their_values_are_rewritten() {
    let text = "---\ncreated: !!str 2026/01/03\ntags: !!seq [A, a]\naliases: &al [\"B\", \"B\"]  # dup\n---\n";
    assert_eq!(
        fixed("n.md", text),
        "---\ncreated: !!str 2026-01-03\ntags: !!seq [a]\naliases: &al [B]  # dup\n---\n"
    );
}

#[test]
fn a_list_yaml_split_at_a_thousands_comma_is_left_for_review() {
    // YAML reads `[… 10,000 …]` as two items; rewriting the list would make the split permanent.
    for text in [
        "---\naliases: [Reflections on 10,000 Hours of Programming, Reflections on 10,000 Hours of Programming]\n---\n",
        "---\naliases: [Raised $100,000, Raised $100,000]\n---\n",
        "---\ntags: [Books, books, 1,000,000]\n---\n",
    ] {
        assert_eq!(fixed("Readwise/n.md", text), text);
        assert_eq!(
            reasons("Readwise/n.md", text),
            vec![(ReviewReason::InvalidFrontmatter, Some(2))],
            "{text}"
        );
    }
    // A comma followed by a space, or digits that are no thousands group, end an item.
    assert_eq!(
        fixed("n.md", "---\naliases: [Top 10, 000 club, Top 10]\n---\n"),
        "---\naliases: [Top 10, 000 club]\n---\n"
    );
    let words = "---\naliases: [year2024,100days]\n---\n";
    assert_eq!(fixed("n.md", words), words);
    assert!(reasons("n.md", words).is_empty());
}

// ---- key case -----------------------------------------------------------------------------

/// Two notes writing `created`, `title` and `tags` in lowercase, as most vaults do.
const LOWERCASE_KEYS: [(&str, &str); 2] = [
    (
        "a.md",
        "---\ncreated: 2026-01-01\ntitle: A\ntags: [a]\n---\n",
    ),
    (
        "b.md",
        "---\ncreated: 2026-01-02\ntitle: B\ntags: [b]\n---\n",
    ),
];

#[test]
fn key_case_variants_are_renamed_and_their_values_normalized() {
    let out = fix_in(
        Settings::default(),
        &LOWERCASE_KEYS,
        "n.md",
        "---\nTags: Meeting, Group\nCreated: 2026/01/03\nStatus: Open\n---\n",
    );
    assert_eq!(
        out.text.as_deref(),
        Some("---\ntags: [Meeting, Group]\ncreated: 2026-01-03\nStatus: Open\n---\n")
    );
}

#[test]
fn a_key_the_vault_writes_one_way_keeps_its_case() {
    // Every note says `Created:` (a template or a query may read it so): the key stays, and
    // the rules still read it as `created`.
    let vault = [("a.md", "---\nCreated: 2024-03-20\n---\n")];
    let text = "---\nCreated: 2024/03/21\n---\n";
    let out = fix_in(Settings::default(), &vault, "n.md", text);
    assert_eq!(out.text.as_deref(), Some("---\nCreated: 2024-03-21\n---\n"));
    let settled = "---\nCreated: 2024-03-21\n---\n";
    assert!(fix_in(Settings::default(), &vault, "n.md", settled)
        .text
        .is_none());
    // Where the vault mostly writes a variant, neither spelling moves: the rule only folds
    // towards the lowercase key the rules and Obsidian's defaults read.
    let mostly_capital = [
        ("a.md", "---\nCreated: 2024-03-20\n---\n"),
        ("b.md", "---\nCreated: 2024-03-22\n---\n"),
    ];
    let lower = "---\ncreated: 2024-03-21\n---\n";
    assert!(fix_in(Settings::default(), &mostly_capital, "n.md", lower)
        .text
        .is_none());
    assert!(
        fix_in(Settings::default(), &mostly_capital, "n.md", settled)
            .text
            .is_none()
    );
    let shouting = "---\nCREATED: 2024-03-21\n---\n";
    assert!(
        fix_in(Settings::default(), &mostly_capital, "n.md", shouting)
            .text
            .is_none()
    );
}

#[test]
fn a_key_variant_follows_the_vault_when_the_vault_changes() {
    // Warm: the note's result read how the vault writes `created`, so notes changing that
    // spelling invalidate it.
    let mut vault = curator_core::vault::Vault::new(Settings::default());
    let text = "---\nCreated: 2024-03-21\n---\n";
    vault.upsert("n.md", text);
    vault.upsert("a.md", "---\nCreated: 2024-03-20\n---\n");
    assert!(replacements(&mut vault).is_empty());
    // One note each way: a tie between case variants goes to the spelling in lowercase.
    vault.upsert("a.md", "---\ncreated: 2024-03-20\n---\n");
    assert_eq!(replacements(&mut vault), ["created"]);
    vault.remove("a.md");
    assert!(replacements(&mut vault).is_empty());
}

#[test]
fn key_case_conflicts_are_left_for_review() {
    let text = "---\ntags: [a]\nTags: [Legacy, CRM]\n---\n";
    assert_eq!(fixed("n.md", text), text);
    assert_eq!(
        reasons("n.md", text),
        vec![(ReviewReason::KeyConflict, Some(3))]
    );
    let two = "---\nTags: [a]\nTAGS: [b]\n---\n";
    assert_eq!(fixed("n.md", two), two);
    assert_eq!(reasons("n.md", two).len(), 2);
}

#[test]
fn renamed_keys_are_written_as_yaml_reads_them() {
    // Declared property names may need quotes: a quote inside single quotes is doubled, and a
    // plain key that reads as another type or holds `: ` gets double quotes.
    let settings = with_types(&[("o'brien", "text"), ("true", "checkbox"), ("a: b", "text")]);
    let text = "---\n'O''Brien': x\nTRUE: y\n\"A: B\": z\n---\n";
    let lower = "---\no'brien: x\n\"true\": y\n\"a: b\": z\n---\n";
    let vault = [("a.md", lower), ("b.md", lower)];
    assert_eq!(
        fix_in(settings, &vault, "n.md", text)
            .text
            .unwrap_or_default(),
        "---\n'o''brien': x\n\"true\": y\n\"a: b\": z\n---\n"
    );
}

#[test]
fn a_key_a_dataview_query_spells_with_capitals_keeps_them() {
    // `text` fixed in a vault of lowercase keys beside `query` (a note's path and text).
    let fixed = |query: (&str, &str), text: &str| {
        let mut vault = LOWERCASE_KEYS.to_vec();
        vault.push(query);
        fix_in(Settings::default(), &vault, "n.md", text).text
    };
    let text = "---\nCreated: 2026-01-03\nTags: [a]\n---\n";
    let kept = Some("---\nCreated: 2026-01-03\ntags: [a]\n---\n".to_string());
    let dashboard = "```dataview\nTABLE Status FROM \"Notes\" SORT Created desc\n```\n";
    assert_eq!(fixed(("Dashboard.md", dashboard), text), kept);
    // An inline query reads it as well.
    assert_eq!(fixed(("Home.md", "Made `= this.Created`.\n"), text), kept);
    // So do a Meta Bind field, a Templater template and a Metadata Menu fileClass.
    assert_eq!(
        fixed(("Home.md", "Made `INPUT[date:Created]`.\n"), text),
        kept
    );
    let template =
        "---\ncreated: <% tp.date.now() %>\n---\nMade <% tp.frontmatter[\"Created\"] %>\n";
    assert_eq!(fixed(("Templates/Card.md", template), text), kept);
    let file_class = "---\nfields:\n  - name: Created\n    type: Date\n---\n";
    assert_eq!(fixed(("Classes/person.md", file_class), text), kept);
    // An Obsidian Tracker block looks properties up by their exact name.
    let chart = "```tracker\nsearchType: frontmatter\nsearchTarget: Created, weight\n```\n";
    assert_eq!(fixed(("Chart.md", chart), text), kept);
    let chart = "```tracker\nsearchType: frontmatter\nsearchTarget: \"Created\"\n```\n";
    assert_eq!(fixed(("Chart.md", chart), text), kept);
    // A query opened in a callout whose lines lack the `> ` is read as the vault reads it.
    let callout = "> [!info]- Notes\n> ```dataview\nTABLE Status\nSORT Created desc\n```\n";
    assert_eq!(fixed(("Dashboard.md", callout), text), kept);
    let quoted = "> ```dataview\n> TABLE Status SORT Created desc\n> ```\n";
    assert_eq!(fixed(("Dashboard.md", quoted), text), kept);
    // A column's name and a comment read no key.
    let named = "```dataviewjs\n// Tags by count\nlet t = p[\"Created\"];\n```\n\
                 ```dataview\nTABLE file.link AS \"Title\"\n```\n";
    let titled = "---\nCreated: 2026-01-03\nTitle: x\nTags: [a]\n---\n";
    assert_eq!(
        fixed(("Dashboard.md", named), titled).as_deref(),
        Some("---\nCreated: 2026-01-03\ntitle: x\ntags: [a]\n---\n")
    );
}

// ---- last_contact -------------------------------------------------------------------------

const MEETING_MARCH: (&str, &str) = (
    "Meetings/2025-03-01 - Review.md",
    "---\ntype: meeting\n---\n**Date:** 2025-03-01\n**Participants:** [[Ada Lovelace]]\n",
);
const MEETING_FEB: (&str, &str) = (
    "Meetings/2025-02-01 - Plan.md",
    "---\ntype: meeting\n---\nWith [[Ada Lovelace]].\n",
);

fn fix_person(text: &str) -> String {
    fix_person_among(Settings::default(), &[MEETING_MARCH, MEETING_FEB], text)
}

/// Ada Lovelace's note `text` fixed in a vault of `meetings`.
fn fix_person_among(settings: Settings, meetings: &[(&str, &str)], text: &str) -> String {
    let out = fix_in(settings, meetings, "People/Ada Lovelace.md", text);
    out.text.unwrap_or_else(|| text.to_string())
}

#[test]
fn last_contact_moves_forward_to_the_newest_linking_meeting() {
    assert_eq!(
        fix_person("---\ntype: person\nlast_contact: '2025-01-05'\n---\n"),
        "---\ntype: person\nlast_contact: '2025-03-01'\n---\n"
    );
    assert_eq!(
        fix_person("---\ntype: person\nlast_contact: Jan 5, 2025\n---\n"),
        "---\ntype: person\nlast_contact: 2025-03-01\n---\n"
    );
    assert_eq!(
        fix_person("---\ntype: person\nlast_contact:\ntags: [people]\n---\n"),
        "---\ntype: person\nlast_contact: 2025-03-01\ntags: [people]\n---\n"
    );
}

#[test]
fn last_contact_never_moves_back_and_is_never_added() {
    let newer = "---\ntype: person\nlast_contact: 2025-06-01\n---\n";
    assert_eq!(fix_person(newer), newer);
    let absent = "---\ntype: person\n---\n";
    assert_eq!(fix_person(absent), absent);
    let not_a_person = "---\ntype: project\nlast_contact: 2024-01-01\n---\n";
    let out = fix_in(
        Settings::default(),
        &[MEETING_MARCH],
        "Projects/Ada Lovelace.md",
        not_a_person,
    );
    assert!(out.text.is_none());
}

#[test]
fn last_contact_counts_no_meeting_dated_after_today() {
    let person = "---\ntype: person\nlast_contact: 2025-01-05\n---\n";
    let settings = |today: &str| Settings {
        today: today.to_string(),
        ..Settings::default()
    };
    let fixed =
        |today: &str| fix_person_among(settings(today), &[MEETING_MARCH, MEETING_FEB], person);
    assert_eq!(
        fixed("2025-02-20"),
        person.replace("2025-01-05", "2025-02-01")
    );
    assert_eq!(
        fixed("2025-03-01"),
        person.replace("2025-01-05", "2025-03-01")
    );
    assert_eq!(fixed("2025-01-01"), person);
    // No date given: no meeting is in the future.
    assert_eq!(fixed(""), person.replace("2025-01-05", "2025-03-01"));
}

#[test]
fn last_contact_of_a_title_two_people_share_counts_links_by_path_alone() {
    let person = "---\ntype: person\nlast_contact: 2025-01-05\n---\n";
    let cousin = ("People/Family/Ada Lovelace.md", person);
    let fixed = |meeting: &str| {
        let vault = [cousin, ("Meetings/M.md", meeting)];
        let out = fix_in(
            Settings::default(),
            &vault,
            "People/Work/Ada Lovelace.md",
            person,
        );
        out.text.unwrap_or_else(|| person.to_string())
    };
    let by_title = "---\ntype: meeting\ndate: 2025-03-01\n---\nWith [[Ada Lovelace]].\n";
    assert_eq!(fixed(by_title), person);
    let by_path = "---\ntype: meeting\ndate: 2025-03-01\n---\nWith [[Work/Ada Lovelace|Ada]].\n";
    assert_eq!(fixed(by_path), person.replace("2025-01-05", "2025-03-01"));
    let other = "---\ntype: meeting\ndate: 2025-03-01\n---\nWith [[Family/Ada Lovelace]].\n";
    assert_eq!(fixed(other), person);
}

#[test]
fn last_contact_counts_no_meeting_called_off_and_no_absence() {
    let person = "---\ntype: person\nlast_contact: 2025-01-05\n---\n";
    let after = |meeting: (&str, &str)| {
        fix_person_among(Settings::default(), &[MEETING_FEB, meeting], person)
    };
    let moved_to_feb = "---\ntype: person\nlast_contact: 2025-02-01\n---\n";
    let called_off = "---\ndate: 2025-06-20\nstatus: cancelled\nparticipants: [\"[[Ada Lovelace]]\"]\n---\n# Offsite\n";
    let absent = "---\ndate: 2025-05-02\nparticipants: [\"[[Bo Chen]]\"]\n---\n# Sync\nApologies: [[Ada Lovelace]] (on leave).\n";
    let absent_property = "---\ndate: 2025-05-02\nabsent: [\"[[Ada Lovelace]]\"]\nparticipants: [\"[[Bo Chen]]\"]\n---\n# Sync\n";
    let discussed = "---\ntype: meeting\ndate: 2025-05-03\nattendees: Bo Chen, Cy Diaz\n---\n- Discussed [[Ada Lovelace]]'s paper.\n";
    let flagged =
        "---\ntype: meeting\ndate: 2025-05-04\ncancelled: true\n---\nWith [[Ada Lovelace]].\n";
    let dated_off =
        "---\ntype: meeting\ndate: 2025-05-05 (cancelled)\n---\nWith [[Ada Lovelace]].\n";
    for meeting in [
        called_off,
        absent,
        absent_property,
        discussed,
        flagged,
        dated_off,
    ] {
        assert_eq!(after(("Meetings/M.md", meeting)), moved_to_feb, "{meeting}");
    }
    // Absent at first, then there: met.
    let late = "---\ntype: meeting\ndate: 2025-05-02\n---\n# Sync\nAbsent: [[Ada Lovelace]]\n\n[[Ada Lovelace]] joined at ten.\n";
    assert_eq!(
        after(("Meetings/M.md", late)),
        "---\ntype: person\nlast_contact: 2025-05-02\n---\n"
    );
}

// ---- switches -----------------------------------------------------------------------------

#[test]
fn each_rule_can_be_switched_off_per_note() {
    let text = "---\ncurator: [dates, tags]\ncreated: 2026/01/03\ntags: A\nTitle: x\n---\n";
    let in_vault = |settings: Settings| {
        let out = fix_in(settings, &LOWERCASE_KEYS, "n.md", text);
        out.text.unwrap_or_else(|| text.to_string())
    };
    assert_eq!(
        in_vault(Settings::default()),
        "---\ncurator: [dates, tags]\ncreated: 2026/01/03\ntags: A\ntitle: x\n---\n"
    );
    let mut settings = Settings::default();
    settings.set_rule(&curator_core::frontmatter::key_case::RULE, false);
    assert_eq!(
        fixed_with(settings, "n.md", text),
        "---\ncurator: [dates, tags]\ncreated: 2026/01/03\ntags: A\nTitle: x\n---\n"
    );
}

/// The replacements of the edits the warm `vault` reports for `n.md`.
fn replacements(vault: &mut curator_core::vault::Vault) -> Vec<String> {
    let report = vault.report("n.md").expect("n.md is in the vault");
    report.edits.iter().map(|e| e.replacement.clone()).collect()
}

/// `#32` (an issue's number) is no tag with or without its `#`: it keeps it, and a tag beside it
/// still loses its own.
#[test]
fn a_number_after_a_hash_keeps_its_hash() {
    let text = "---\ntags: ['#32', review]\n---\nx\n";
    assert_eq!(fixed("a.md", text), text);
    assert_eq!(
        fixed("b.md", "---\ntags:\n  - \"#2024\"\n  - \"#x\"\n---\nx\n"),
        "---\ntags:\n  - \"#2024\"\n  - x\n---\nx\n"
    );
}
