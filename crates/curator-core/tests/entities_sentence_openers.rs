//! A capitalised word opening a sentence is capitalised as any word is there: when it is only
//! the opening word of an organisation's name, and the note names that organisation no other
//! way, it is the word (`Anchor tenants sign first`), not the organisation — nor anyone else.
//! Written mid-sentence, on a line naming the organisation, or in a note whose writer shortens
//! the name to it inside a sentence, it is the organisation; where the note only names the
//! organisation on another line, the word and the organisation are even, and it is asked about.
//! An everyday word opening a sentence (`Rose gardens`) is even with the person it names
//! unless its line names them or the note is their own.

mod mentions_common;

use curator_core::entities::Decision;
use mentions_common::mentions_in;

const VAULT: &[(&str, &str)] = &[
    (
        "Organizations/Beacon Quarries.md",
        "---\ntype: organization\n---\n",
    ),
    (
        "Organizations/Wrenfield Dairy.md",
        "---\ntype: organization\n---\n",
    ),
    ("People/Beatrix Conway.md", "---\ntype: people\n---\n"),
    ("People/Rose Tamblyn.md", "---\ntype: people\n---\n"),
];

fn decisions(body: &str, word: &str) -> Vec<(Decision, Option<String>)> {
    decisions_in("Meetings/2025-06-02 Review.md", "meeting", body, word)
}

fn decisions_in(path: &str, kind: &str, body: &str, word: &str) -> Vec<(Decision, Option<String>)> {
    let text = format!("---\ntype: {kind}\n---\n# Note\n\n{body}\n");
    mentions_in(VAULT, path, &text)
        .into_iter()
        .filter(|m| m.text == word)
        .map(|m| (m.decision, m.resolved))
        .collect()
}

#[test]
fn an_organisations_opening_word_opening_a_sentence_is_the_word() {
    for body in [
        "Beacon lights on the quay were out again.",
        "The budget is fine. Beacon lights were out again.",
        "**Beatrix Conway:** Beacon lights were out again.",
    ] {
        let got = decisions(body, "Beacon");
        assert!(
            got.iter().all(|(d, r)| !d.is_confident() && r.is_none()),
            "{body}: {got:?}"
        );
    }
}

#[test]
fn mid_sentence_or_named_in_the_note_it_is_the_organisation() {
    let beacon = Some("Beacon Quarries".to_string());
    assert_eq!(
        decisions("We met Beacon about the quay lease.", "Beacon"),
        [(Decision::Auto, beacon.clone())]
    );
    let named = decisions(
        "Beacon Quarries sent the lease. Beacon wants it back by Friday.",
        "Beacon",
    );
    assert_eq!(named, [(Decision::Auto, beacon)]);
    // Named in the note, the organisation is what its opening word means at a sentence start.
    assert_eq!(
        decisions("Wrenfield Dairy called. Wrenfield wants more.", "Wrenfield"),
        [(Decision::Auto, Some("Wrenfield Dairy".to_string()))]
    );
}

#[test]
fn named_only_on_another_line_the_opening_word_is_asked_about() {
    let beacon = Some("Beacon Quarries".to_string());
    for body in [
        "Beacon Quarries sent the lease.\n\nBeacon lights were out again.",
        "We emailed [[Beacon Quarries]].\n\n**Beatrix Conway:** Beacon lights were out again.",
    ] {
        assert_eq!(
            decisions(body, "Beacon"),
            [(Decision::Review, beacon.clone())],
            "{body}"
        );
    }
}

#[test]
fn a_writer_who_shortens_the_name_inside_a_sentence_means_it_at_the_start_too() {
    let beacon = Some("Beacon Quarries".to_string());
    let body = "Beacon Quarries sent the lease.\n\nWe told Beacon about the quay.\n\n\
                Beacon wants it back by Friday.";
    assert_eq!(
        decisions(body, "Beacon"),
        [(Decision::Auto, beacon.clone()), (Decision::Auto, beacon)]
    );
}

#[test]
fn an_everyday_word_opening_a_sentence_is_not_linked_to_whoever_it_names() {
    let attending = "---\ntype: meeting\nparticipants: [\"[[Rose Tamblyn]]\"]\n---\n# Review\n\n";
    let path = "Meetings/2025-06-02 Review.md";
    for body in [
        "Rose gardens need more water.",
        "We asked Rose Tamblyn first.\n\nRose gardens need more water.",
        "**Beatrix Conway:** Rose petals were everywhere.",
    ] {
        let got: Vec<_> = mentions_in(VAULT, path, &format!("{attending}{body}\n"))
            .into_iter()
            .filter(|m| m.text == "Rose")
            .map(|m| m.decision)
            .collect();
        assert!(
            !got.is_empty() && got.iter().all(|d| !d.is_confident()),
            "{body}: {got:?}"
        );
    }
    // Inside a sentence the capital is the writer's, and a line naming her in full says who
    // is meant: it is her.
    for body in [
        "We asked Rose about the quay.",
        "We asked Rose Tamblyn first. Rose agreed.",
    ] {
        let got: Vec<_> = mentions_in(VAULT, path, &format!("{attending}{body}\n"))
            .into_iter()
            .filter(|m| m.text == "Rose")
            .map(|m| (m.decision, m.resolved))
            .collect();
        assert_eq!(
            got,
            [(Decision::Auto, Some("Rose Tamblyn".to_string()))],
            "{body}"
        );
    }
    // In her own note, the word opening a sentence is her.
    assert_eq!(
        decisions_in(
            "People/Rose Tamblyn.md",
            "people",
            "Rose moved to Leeds.",
            "Rose"
        ),
        [(Decision::Auto, Some("Rose Tamblyn".to_string()))]
    );
}
