//! A name matched exactly is explained as what it is to the note it names: its title, an alias
//! the note declares, or a form the engine derives from the title (the title without its
//! qualifier or honorific, a slug with spaces, a one-word alias with the surname), never a
//! derived form called an alias the note does not declare.

mod mentions_common;

use mentions_common::mentions_in;

const PERSON: &str = "---\ntype: person\n---\n";
const SEUN: &str = "---\ntype: person\naliases: [Seun, Bobby T]\n---\n";

#[test]
fn each_exact_name_says_where_it_comes_from() {
    let vault = [
        ("People/Wang Fang (Hanoi).md", PERSON),
        ("People/Dr. Sarah Chen.md", PERSON),
        ("People/David-Gevorkian.md", PERSON),
        ("People/Oluwaseun Wieczorek.md", SEUN),
    ];
    let body = "# Notes\n\nWang Fang met Sarah Chen, David Gevorkian, Bobby T and \
                Seun Wieczorek.\n";
    let mentions = mentions_in(&vault, "Notes/Planning.md", body);
    let reason = |text: &str| {
        let m = mentions.iter().find(|m| m.text == text);
        let m = m.unwrap_or_else(|| panic!("no mention {text}: {mentions:#?}"));
        m.reasons.first().cloned().unwrap_or_default()
    };
    for (text, expected) in [
        (
            "Wang Fang",
            "'Wang Fang' is Wang Fang (Hanoi) without its qualifier in parentheses",
        ),
        (
            "Sarah Chen",
            "'Sarah Chen' is Dr. Sarah Chen without the honorific",
        ),
        (
            "David Gevorkian",
            "'David Gevorkian' is the title David-Gevorkian with spaces",
        ),
        ("Bobby T", "'Bobby T' is an alias of Oluwaseun Wieczorek"),
        (
            "Seun Wieczorek",
            "'Seun Wieczorek' is an alias of Oluwaseun Wieczorek with their surname",
        ),
    ] {
        assert_eq!(reason(text), expected, "{text}");
    }
}
