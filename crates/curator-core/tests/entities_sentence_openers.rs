//! A capitalised word opening a sentence is capitalised as any word is there: when it is only
//! the opening word of an organisation's name, and the note names that organisation no other
//! way, it is the word (`Anchor tenants sign first`), not the organisation — nor anyone else.
//! Written mid-sentence, or in a note that names the organisation, it is the organisation.

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
];

fn decisions(body: &str, word: &str) -> Vec<(Decision, Option<String>)> {
    let path = "Meetings/2025-06-02 Review.md";
    let text = format!("---\ntype: meeting\n---\n# Review\n\n{body}\n");
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
