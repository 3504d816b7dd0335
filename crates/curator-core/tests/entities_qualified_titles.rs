//! A person's note titled with a parenthesised qualifier (`Wang Fang (Hanoi)`, the way a vault
//! tells two people of one name apart) is also the name alone: a bare `Wang Fang` may mean
//! either of two notes so named, and is asked about rather than linked to the unqualified one.

mod mentions_common;

use mentions_common::mentions_in;

const PERSON: &str = "---\ntype: person\n---\n";

/// Each mention of the typed note `body` in `vault`, as (text, note, confident, candidates).
fn read(vault: &[(&str, &str)], body: &str) -> Vec<(String, String, bool, Vec<String>)> {
    let text = format!("# Planning\n\n{body}\n");
    mentions_in(vault, "Notes/Planning.md", &text)
        .into_iter()
        .map(|m| {
            let candidates = m.candidates.iter().map(|c| c.name.to_string()).collect();
            let confident = m.decision.is_confident();
            (
                m.text,
                m.resolved.unwrap_or_default(),
                confident,
                candidates,
            )
        })
        .collect()
}

#[test]
fn a_name_two_notes_share_is_asked_about() {
    let vault = [
        ("People/Wang Fang.md", PERSON),
        ("People/Wang Fang (Hanoi).md", PERSON),
    ];
    let got = read(&vault, "Wang Fang proposed to freeze the scope.");
    let mention = got.iter().find(|m| m.0 == "Wang Fang").expect("a mention");
    assert!(!mention.2, "{got:?}");
    for name in ["Wang Fang", "Wang Fang (Hanoi)"] {
        assert!(mention.3.iter().any(|c| c == name), "{name}: {got:?}");
    }
}

#[test]
fn the_name_alone_names_the_one_qualified_note() {
    let vault = [("People/Wang Fang (Hanoi).md", PERSON)];
    let got = read(&vault, "Wang Fang proposed to freeze the scope.");
    assert!(
        got.iter()
            .any(|(t, n, c, _)| t == "Wang Fang" && n == "Wang Fang (Hanoi)" && *c),
        "{got:?}"
    );
}

#[test]
fn one_word_before_a_qualifier_is_no_name_of_its_own() {
    let vault = [
        ("People/Ananias (Acts).md", PERSON),
        ("People/Ananias (Damascus).md", PERSON),
    ];
    let got = read(&vault, "Ananias sold a field.");
    assert!(got.iter().all(|m| !m.2), "{got:?}");
}
