//! Names in typed, encyclopaedic prose (history notes, topic notes), where nobody attends and
//! nothing was heard:
//! - a word of a name's qualifier (`Cranmere` of Wulfric of Cranmere, `Selby` of Edgar (Abbot
//!   of Selby), `Saint Ives` of Guild of Saint Ives) is not the entity;
//! - a word that only sounds or is spelled like a name (`Tarsenism`, `Ashbyite`, `Kristall`) is
//!   another word, where in a meeting's transcript it may be the name misheard;
//! - a given name that is only a nickname of someone's (`Peggy`, `Amos` ~ Moses, `Bill` of a
//!   Reform Bill) is someone else's name, where in a meeting it may be the attendee's;
//! - a given name alone is linked only where the note says who (a link, its own note), and where
//!   the note does not say, it is suggested at about even odds, not at 0.98 (it is as often a
//!   place, a book or someone else).

mod mentions_common;

use curator_core::entities::Decision;
use mentions_common::mentions_in;

const VAULT: &[(&str, &str)] = &[
    ("People/Wulfric of Cranmere.md", "---\ntype: person\n---\n"),
    (
        "People/Edgar (Abbot of Selby).md",
        "---\ntype: person\n---\n",
    ),
    ("People/Marit the Elder.md", "---\ntype: person\n---\n"),
    ("People/William Harcourt.md", "---\ntype: person\n---\n"),
    ("People/Margaret Ashby.md", "---\ntype: person\n---\n"),
    (
        "People/Anselm Tarsen.md",
        "---\ntype: person\naliases: [Tarsen]\n---\n",
    ),
    (
        "People/Teodor Krystal.md",
        "---\ntype: person\naliases: [Krystal]\n---\n",
    ),
    ("People/Moses Abery.md", "---\ntype: person\n---\n"),
    ("People/Leofric Marden.md", "---\ntype: person\n---\n"),
    ("People/John Fairfax.md", "---\ntype: person\n---\n"),
    ("People/John Pellow.md", "---\ntype: person\n---\n"),
    (
        "Organizations/Guild of Saint Ives.md",
        "---\ntype: organization\n---\n",
    ),
    (
        "Organizations/Halden Tin Works.md",
        "---\ntype: organization\n---\n",
    ),
];

/// The decisions on `word` in a note at `path` of `frontmatter` and `body`.
fn decisions(path: &str, frontmatter: &str, body: &str, word: &str) -> Vec<(Decision, String)> {
    let text = format!("---\n{frontmatter}---\n# Notes\n\n{body}\n");
    mentions_in(VAULT, path, &text)
        .into_iter()
        .filter(|m| m.text == word)
        .map(|m| (m.decision, m.resolved.unwrap_or_default()))
        .collect()
}

/// The decisions on `word` in a topic note.
fn in_topic(body: &str, word: &str) -> Vec<(Decision, String)> {
    decisions("Notes/Topic.md", "type: topic\n", body, word)
}

/// The decisions on `word` in a meeting attended by William Harcourt and Teodor Krystal.
fn in_meeting(body: &str, word: &str) -> Vec<(Decision, String)> {
    decisions(
        "Meetings/2026-03-02 Archive sync.md",
        "type: meeting\nparticipants: [\"[[William Harcourt]]\", \"[[Teodor Krystal]]\"]\n",
        body,
        word,
    )
}

fn none_names(got: &[(Decision, String)]) -> bool {
    got.iter().all(|(d, r)| !d.is_confident() && r.is_empty())
}

#[test]
fn a_qualifier_s_words_are_not_the_entity() {
    let body = "[[Wulfric of Cranmere]] founded the abbey in 1120. Cranmere itself was already a \
                market town, and Selby sent monks to it. The Elder of the guild kept the rolls, \
                and Saint Ives sent a delegation.";
    for word in ["Cranmere", "Selby", "Elder", "Saint Ives"] {
        let got = in_topic(body, word);
        assert!(none_names(&got), "{word}: {got:?}");
    }
    // Its own words still name it.
    assert_eq!(
        in_topic(&format!("{body} Wulfric died in 1141."), "Wulfric"),
        [(Decision::Auto, "Wulfric of Cranmere".to_string())]
    );
    // Even in a meeting, a qualifier's word is not the entity.
    let got = in_meeting("Selby sent the scans.", "Selby");
    assert!(none_names(&got), "{got:?}");
}

#[test]
fn a_word_only_like_a_name_is_another_word_in_typed_prose() {
    let body = "[[Teodor Krystal]], [[Anselm Tarsen]] and [[Margaret Ashby]] wrote the survey. \
                Kristall glass came from the east, Tarsenism spread west, and the Ashbyite \
                reading prevailed.";
    for word in ["Kristall", "Tarsenism", "Ashbyite"] {
        let got = in_topic(body, word);
        assert!(none_names(&got), "{word}: {got:?}");
        assert!(got.iter().all(|(d, _)| *d != Decision::Review), "{word}");
    }
    // A name run together is written as the name is.
    let works = "Halden Tin Works".to_string();
    let body = "[[Halden Tin Works]] shipped the ore. Haldentinworks kept the ledger.";
    assert_eq!(
        in_topic(body, "Haldentinworks"),
        [(Decision::Auto, works.clone())]
    );
    assert_eq!(
        in_meeting(body, "Haldentinworks"),
        [(Decision::Auto, works)]
    );
    // In a meeting the words are heard: a misheard name of an attendee is still theirs.
    assert_eq!(
        in_meeting("Kristall will check the index.", "Kristall"),
        [(Decision::Auto, "Teodor Krystal".to_string())]
    );
}

#[test]
fn a_nickname_alone_is_someone_else_s_name_in_typed_prose() {
    let got = in_topic(
        "[[Margaret Ashby]] kept the ledgers. Peggy signed them all.",
        "Peggy",
    );
    assert!(none_names(&got), "{got:?}");
    let got = in_topic(
        "Amos was a common name among the monks, and [[Moses Abery]] kept the granary.",
        "Amos",
    );
    assert!(none_names(&got), "{got:?}");
    // An everyday word that is a nickname is the word.
    let got = in_topic(
        "The Reform Bill changed the borough. [[William Harcourt]] spoke against it.",
        "Bill",
    );
    assert!(none_names(&got), "{got:?}");
    // The full name is the name, nickname or not.
    assert_eq!(
        in_topic("Peggy Ashby kept the ledgers.", "Peggy Ashby"),
        [(Decision::Auto, "Margaret Ashby".to_string())]
    );
    // In a meeting, the attendee's nickname is the attendee; opening a sentence, an everyday
    // word is as likely the word (`Bill the hours separately`), and is asked about.
    assert_eq!(
        in_meeting("Then Bill said the scans are done.", "Bill"),
        [(Decision::Auto, "William Harcourt".to_string())]
    );
    assert_eq!(
        in_meeting("Bill said the scans are done.", "Bill"),
        [(Decision::Review, "William Harcourt".to_string())]
    );
}

#[test]
fn a_given_name_alone_is_who_the_note_says() {
    let fairfax = "John Fairfax".to_string();
    assert_eq!(
        in_topic(
            "The estate passed to [[John Fairfax]] in 1160. John rebuilt the mill.",
            "John"
        ),
        [(Decision::Auto, fairfax.clone())]
    );
    assert_eq!(
        decisions(
            "People/John Fairfax.md",
            "type: person\n",
            "John rebuilt the mill in 1162.",
            "John"
        ),
        [(Decision::Auto, fairfax)]
    );
    // Two Johns linked: asked, never guessed.
    let got = in_topic(
        "[[John Fairfax]] and [[John Pellow]] held land there. John came first.",
        "John",
    );
    assert!(got.iter().all(|(d, _)| !d.is_confident()), "{got:?}");
    // No John named: never linked.
    let got = in_topic("John came to the town in 1150.", "John");
    assert!(got.iter().all(|(d, _)| !d.is_confident()), "{got:?}");
}

#[test]
fn a_name_part_the_note_does_not_name_is_suggested_at_even_odds() {
    let text = "---\ntype: topic\n---\n# Notes\n\nMarden was a market town. Leofric came later.\n";
    let found = mentions_in(VAULT, "Notes/Topic.md", text);
    for word in ["Marden", "Leofric"] {
        let m = found.iter().find(|m| m.text == word).expect(word);
        assert!(!m.decision.is_confident(), "{m:#?}");
        assert!(
            m.decision == Decision::Unknown || m.confidence <= 0.6,
            "{m:#?}"
        );
    }
    // Where the note names him, his given name is his.
    let linked = "---\ntype: topic\n---\n# Notes\n\n[[Leofric Marden]] came later. Leofric built the bridge.\n";
    let found = mentions_in(VAULT, "Notes/Topic.md", linked);
    let m = found.iter().find(|m| m.text == "Leofric").expect("Leofric");
    assert_eq!(m.decision, Decision::Auto, "{m:#?}");
    assert!(m.confidence >= 0.95);
}
