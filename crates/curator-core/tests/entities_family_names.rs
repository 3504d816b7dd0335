//! A surname before a word for a family (`the Halloway family`, `the Vess heirs`, `the Qin
//! dynasty`, whose surname opens Qin Shi Huang's name) names the family, not the one of them
//! who has a note; the same surname elsewhere in the note still names that person.

mod mentions_common;

use mentions_common::mentions_in;

const VAULT: &[(&str, &str)] = &[
    ("People/Oren Halloway.md", "---\ntype: person\n---\n"),
    ("People/Qin Shi Huang.md", "---\ntype: person\n---\n"),
];

/// Each mention of a typed note of `body` decided confidently, as (text, line).
fn confident(body: &str) -> Vec<(String, usize)> {
    let text = format!("# Murders\n\n{body}\n");
    mentions_in(VAULT, "Notes/Murders.md", &text)
        .into_iter()
        .filter(|m| m.decision.is_confident() && m.text == "Halloway")
        .map(|m| (m.text, m.line))
        .collect()
}

#[test]
fn a_surname_before_a_family_word_names_the_family() {
    for line in [
        "The Halloway family is a noble house.",
        "The entire Halloway family was slain.",
        "All Halloway children were away.",
        "The Halloway estate burned.",
    ] {
        let got = confident(&format!("We met [[Oren Halloway]].\n{line}"));
        assert!(got.is_empty(), "{line}: {got:?}");
    }
}

#[test]
fn the_surname_alone_still_names_the_person() {
    let got = confident("We met [[Oren Halloway]].\nHalloway said the family was away.");
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn a_surname_written_first_before_a_family_word_names_the_family() {
    let text =
        "# China\n\nWe read about [[Qin Shi Huang]].\nThe Qin dynasty lasted fifteen years.\n";
    let got: Vec<_> = mentions_in(VAULT, "Notes/China.md", text)
        .into_iter()
        .filter(|m| m.decision.is_confident() && m.text == "Qin")
        .map(|m| m.line)
        .collect();
    assert!(got.is_empty(), "{got:?}");
    // A given name's possessive before a family word still names the person.
    let text = "# China\n\nWe read about [[Qin Shi Huang]].\nQin's family fled.\n";
    let got: Vec<_> = mentions_in(VAULT, "Notes/China.md", text)
        .into_iter()
        .filter(|m| m.decision.is_confident() && m.text.starts_with("Qin's"))
        .collect();
    assert_eq!(got.len(), 1, "{got:?}");
}
