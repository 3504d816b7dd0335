//! One word of prose in a meeting's `mentions` property: linked only when it names the entity
//! on its own — a chat handle writing the surname in full, an organisation's acronym, an alias
//! the user gave it, or the opening word of the organisation the meeting's people work at,
//! written where a capital marks a name — and never
//! an everyday word opening a sentence, a handle several people share or a given name with an
//! initial that nothing in the note settles.

use curator_core::{Engine, Settings};

const VAULT: &[(&str, &str)] = &[
    (
        "People/Maren Kowalczyk.md",
        "---\ntype: people\n---\n# Maren Kowalczyk\n",
    ),
    (
        "People/Dario Fenwick.md",
        "---\ntype: people\ntags: [people, company/thistlewood-freight]\n---\n",
    ),
    (
        "People/Ilka Sorensen.md",
        "---\ntype: people\ntags: [people, company/harbor-logistics]\n---\n",
    ),
    ("People/Teodor Blum.md", "---\ntype: people\n---\n"),
    ("People/Tamsin Blum.md", "---\ntype: people\n---\n"),
    (
        "Organizations/Thistlewood Freight.md",
        "---\ntype: organization\n---\n",
    ),
    (
        "Organizations/Harbor Logistics.md",
        "---\ntype: organization\n---\n",
    ),
    (
        "Organizations/Saltmarsh Haulage Cooperative.md",
        "---\ntype: organization\n---\n",
    ),
    (
        "Organizations/Lantern Analytics.md",
        "---\ntype: organization\n---\n",
    ),
    (
        "Organizations/Quorvik Marine Insurance.md",
        "---\ntype: organization\naliases: [Quorvik]\n---\n",
    ),
];

const PATH: &str = "Meetings/2025-05-06 Sync.md";

/// The `mentions` property `fix` writes for a meeting with `participants` and `body`, with the
/// `mention_links` rule on (and a second fix changing nothing).
fn mentions(participants: &str, body: &str) -> String {
    let mut settings = Settings::default();
    settings.rules.insert("mentionLinks".into(), true);
    let text = format!("---\ntype: meeting\n---\n**Participants:** {participants}\n\n{body}\n");
    let mut engine = Engine::new(settings);
    for (path, note) in VAULT {
        engine.index_mut().upsert(path, note);
    }
    engine.index_mut().upsert(PATH, &text);
    let out = engine.fix(PATH, &text);
    assert!(out.error.is_none(), "{:?}", out.error);
    let fixed = out.text.unwrap_or_else(|| text.clone());
    engine.index_mut().upsert(PATH, &fixed);
    assert_eq!(
        engine.fix(PATH, &fixed).text,
        None,
        "a second fix changed {fixed}"
    );
    assert!(fixed.ends_with(&text[text.find("**Participants").unwrap_or(0)..]));
    fixed
        .lines()
        .find_map(|l| l.strip_prefix("mentions: "))
        .unwrap_or("")
        .to_string()
}

#[test]
fn a_handle_writing_the_surname_names_its_person_on_its_own() {
    for handle in ["marenkowalczyk", "maren.kowalczyk", "mkowalczyk"] {
        assert_eq!(
            mentions(
                "Ilka Sorensen",
                &format!("I'll ping {handle} on chat about it.")
            ),
            r#"["[[Ilka Sorensen]]", "[[Maren Kowalczyk]]"]"#,
            "{handle}"
        );
    }
}

#[test]
fn a_handle_the_note_does_not_settle_is_not_linked() {
    // A given name and an initial (`Maren K.` written as a handle) needs the note to say who.
    assert_eq!(
        mentions("Ilka Sorensen", "I'll ping marenk on chat about it."),
        r#"["[[Ilka Sorensen]]"]"#
    );
    // Two people write `tblum`; a surname one letter off is someone else.
    for handle in ["tblum", "mkowalczik"] {
        assert_eq!(
            mentions(
                "Ilka Sorensen",
                &format!("I'll ping {handle} on chat about it.")
            ),
            r#"["[[Ilka Sorensen]]"]"#,
            "{handle}"
        );
    }
    // Attending, the person is who the handle means (as before).
    assert_eq!(
        mentions(
            "Ilka Sorensen, Maren Kowalczyk",
            "I'll ping marenk on chat about it."
        ),
        r#"["[[Ilka Sorensen]]", "[[Maren Kowalczyk]]"]"#
    );
}

#[test]
fn the_opening_word_of_the_meetings_organisation_names_it() {
    assert_eq!(
        mentions(
            "Dario Fenwick",
            "I think Thistlewood wants the discount in writing."
        ),
        r#"["[[Dario Fenwick]]", "[[Thistlewood Freight]]"]"#
    );
    // Nobody in the meeting works there: one word is not enough.
    for body in [
        "I think Thistlewood wants the discount in writing.",
        "I think Lantern wants the discount in writing.",
    ] {
        assert_eq!(
            mentions("Ilka Sorensen", body),
            r#"["[[Ilka Sorensen]]"]"#,
            "{body}"
        );
    }
}

#[test]
fn a_one_word_alias_of_an_organisation_names_it() {
    for body in [
        "I think Quorvik wants the discount in writing.",
        "The QUORVIK team is short on staff.",
    ] {
        assert_eq!(
            mentions("Ilka Sorensen", body),
            r#"["[[Ilka Sorensen]]", "[[Quorvik Marine Insurance]]"]"#,
            "{body}"
        );
    }
    // Where a sentence starts, its capital says nothing.
    assert_eq!(
        mentions("Ilka Sorensen", "Quorvik wants the discount in writing."),
        r#"["[[Ilka Sorensen]]"]"#
    );
}

#[test]
fn an_organisations_acronym_names_it_anywhere_in_a_sentence() {
    for body in [
        "Is SHC still evaluating the other vendor?",
        "SHC asked for a written timeline.",
        "The S.H.C. team is short on staff.",
    ] {
        assert_eq!(
            mentions("Ilka Sorensen", body),
            r#"["[[Ilka Sorensen]]", "[[Saltmarsh Haulage Cooperative]]"]"#,
            "{body}"
        );
    }
    // Lowercase or two letters, it is no acronym.
    for body in ["We sent the shc files.", "The SH team is short on staff."] {
        assert_eq!(
            mentions("Ilka Sorensen", body),
            r#"["[[Ilka Sorensen]]"]"#,
            "{body}"
        );
    }
}

#[test]
fn a_word_opening_a_sentence_is_not_the_organisation() {
    // `Harbor` is an organisation the meeting's people work at, and an everyday word: where a
    // sentence starts, its capital says nothing.
    assert_eq!(
        mentions(
            "Ilka Sorensen",
            "Budget is fine. Harbor fees went up again."
        ),
        r#"["[[Ilka Sorensen]]"]"#
    );
    assert_eq!(
        mentions(
            "Dario Fenwick",
            "Thistlewood wants the discount in writing."
        ),
        r#"["[[Dario Fenwick]]"]"#
    );
}
