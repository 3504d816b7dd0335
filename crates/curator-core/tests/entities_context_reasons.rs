//! What the note says about a candidate is told as it is: a participant whose surname the
//! mention contradicts still attends the meeting, and the reasons say that this counted for
//! nothing, never that the note does not name them.

mod mentions_common;

use mentions_common::mentions_in;

const PERSON: &str = "---\ntype: person\n---\n";

#[test]
fn an_attendee_a_mention_contradicts_is_said_to_attend() {
    let vault = [
        ("People/Ilse Brandauer.md", PERSON),
        ("People/Ilse Brandner.md", PERSON),
    ];
    let meeting =
        "---\ntype: meeting\ndate: 2026-01-05\nparticipants:\n  - \"[[Ilse Brandauer]]\"\n\
                   ---\n# Sync\n\n- [ ] Send the deck @Ilse Okonkwo\n";
    let mentions = mentions_in(&vault, "Meetings/Sync.md", meeting);
    let owner = mentions.iter().find(|m| m.text == "Ilse Okonkwo");
    let owner = owner.unwrap_or_else(|| panic!("no mention of Ilse Okonkwo: {mentions:#?}"));
    assert_eq!(owner.resolved, None, "{owner:#?}");
    assert!(
        owner.reasons.iter().any(|r| r
            == "Ilse Brandauer attends this meeting, which counts only for a name like theirs"),
        "{owner:#?}"
    );
    assert!(
        !owner
            .reasons
            .iter()
            .any(|r| r.contains("is not named in this note")),
        "{owner:#?}"
    );
}
