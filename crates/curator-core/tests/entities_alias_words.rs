//! An everyday word alone is no part of an alias of several words: such an alias is an epithet
//! or a title (`Raven Lord`, `The Scarlet Raven`), and `Lord` in prose is someone else's title
//! or a word. A word of an alias that is no everyday word (`Morrigan` of `Queen Morrigan`)
//! still names its note.

mod mentions_common;

use mentions_common::mentions_in;

const VAULT: &[(&str, &str)] = &[
    (
        "People/Jäkel Aleister le Rouge.md",
        "---\ntype: person\naliases: [Raven Lord, The Scarlet Raven, Queen Morrigan]\n---\n",
    ),
    ("People/Onias Kane.md", "---\ntype: person\n---\n"),
];

/// Each mention decided confidently in a typed note of `body`, as (text, note).
fn confident(body: &str) -> Vec<(String, String)> {
    let text = format!("# Grekosha\n\n{body}\n");
    mentions_in(VAULT, "Notes/Grekosha.md", &text)
        .into_iter()
        .filter(|m| m.decision.is_confident())
        .map(|m| (m.text, m.resolved.unwrap_or_default()))
        .collect()
}

#[test]
fn an_everyday_word_of_an_alias_names_nobody() {
    let got = confident(
        "We met [[Jäkel Aleister le Rouge|Jakel]] in the city [[Onias Kane]] rules. \
         Onias was the Lord of Blood, dressed in Scarlet.",
    );
    assert!(
        got.iter().all(|(t, _)| t != "Lord" && t != "Scarlet"),
        "{got:?}"
    );
}

#[test]
fn a_word_of_an_alias_that_is_no_everyday_word_still_names_its_note() {
    let got = confident("We met [[Jäkel Aleister le Rouge|Jakel]]; Morrigan paid the bill.");
    assert!(
        got.iter()
            .any(|(t, n)| t == "Morrigan" && n == "Jäkel Aleister le Rouge"),
        "{got:?}"
    );
}
