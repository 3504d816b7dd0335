//! In a meeting's words, which may be heard, a place's name is the place: speech-to-text
//! writes a place it heard as the place, so `Kuwait` is no Katarzyna misheard, linked or not.
//! A person whose name it is as written is still named by it.

mod mentions_common;

use mentions_common::mentions_in;

const VAULT: &[(&str, &str)] = &[
    ("People/Katarzyna Obuchowska.md", "---\ntype: person\n---\n"),
    ("People/Teodor Kwitt.md", "---\ntype: person\n---\n"),
    ("People/Jordan Pell.md", "---\ntype: person\n---\n"),
];

#[test]
fn a_places_name_heard_in_a_meeting_is_no_one_it_sounds_like() {
    let meeting = "# Shipping sync\n\n\
                   **Participants:** Katarzyna Obuchowska, Teodor Kwitt, Jordan Pell\n\n\
                   The tanker waits near [[Kuwait]] until the strait opens.\n\
                   Kuwait has not answered yet.\n\
                   Jordan said the insurer wants a week.\n";
    let got = mentions_in(VAULT, "Meetings/2026-03-20 Shipping sync.md", meeting);
    let kuwait: Vec<_> = got.iter().filter(|m| m.text == "Kuwait").collect();
    assert!(!kuwait.is_empty(), "{got:?}");
    for m in kuwait {
        assert!(m.resolved.is_none() && m.candidates.is_empty(), "{m:?}");
    }
    // A name written as the person's own still names them, though a place has it too.
    assert!(
        got.iter()
            .any(|m| m.text == "Jordan" && m.resolved.as_deref() == Some("Jordan Pell")),
        "{got:?}"
    );
}
