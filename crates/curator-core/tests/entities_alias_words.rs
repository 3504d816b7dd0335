//! An everyday word alone is no part of an alias of several words: such an alias is an epithet
//! or a title (`Raven Lord`, `The Scarlet Raven`), and `Lord` in prose is someone else's title
//! or a word. A word of an alias that is no everyday word (`Morrigan` of `Queen Morrigan`)
//! still names its note. The same holds for a title a person's name opens with (`Lord Edmar
//! Vayne`, `Captain Orla Brisk`): the honorific or rank alone is anyone's.

mod mentions_common;

use mentions_common::mentions_in;

const VAULT: &[(&str, &str)] = &[
    (
        "People/Jäkel Aleister le Rouge.md",
        "---\ntype: person\naliases: [Raven Lord, The Scarlet Raven, Queen Morrigan]\n---\n",
    ),
    ("People/Onias Kane.md", "---\ntype: person\n---\n"),
    ("People/Lord Edmar Vayne.md", "---\ntype: person\n---\n"),
    ("People/Captain Orla Brisk.md", "---\ntype: person\n---\n"),
    ("People/Tamsin Holt.md", "---\ntype: person\n---\n"),
    ("People/Rose Tiller.md", "---\ntype: person\n---\n"),
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

#[test]
fn a_title_a_name_opens_with_is_nobody_alone() {
    let got = confident(
        "[[Lord Edmar Vayne]] rules. Duties of a Lord: keep the peace.\n\
         We sailed with [[Captain Orla Brisk]]; later Captain Tamsin Holt hired us.",
    );
    assert!(
        got.iter().all(|(t, _)| t != "Lord" && t != "Captain"),
        "{got:?}"
    );
    assert!(got.iter().any(|(t, _)| t == "Tamsin Holt"), "{got:?}");
}

#[test]
fn a_given_name_that_is_also_a_word_still_names_whom_the_note_links() {
    let got = confident("We met [[Rose Tiller]] at noon. Rose paid the bill.");
    assert!(
        got.iter().any(|(t, n)| t == "Rose" && n == "Rose Tiller"),
        "{got:?}"
    );
}
