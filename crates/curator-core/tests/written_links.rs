//! Links the user wrote are theirs: an escaped alias pipe in a table survives, and an unresolved
//! link is retargeted only when it is unmistakably the same whole name damaged in transit —
//! otherwise it is asked about, never changed.

use curator_core::entities::Decision;
use curator_core::review::ReviewReason;
use curator_core::{Engine, Settings};

fn engine(notes: &[(&str, &str)]) -> Engine {
    let mut engine = Engine::new(Settings::default());
    for (path, text) in notes {
        engine.index_mut().upsert(path, text);
    }
    engine
}

const PERSON: &str = "---\ntype: person\n---\n";
const ORG: &str = "---\ntype: organization\n---\n";

/// The fixed text of `text` at `path` (indexed first), or the text itself when nothing changes.
fn fixed(engine: &mut Engine, path: &str, text: &str) -> String {
    engine.index_mut().upsert(path, text);
    let out = engine.fix(path, text);
    assert!(out.error.is_none(), "{:?}", out.error);
    out.text.unwrap_or_else(|| text.to_string())
}

#[test]
fn escaped_alias_pipes_in_tables_are_kept() {
    let mut e = engine(&[("People/Marisol Quintéro.md", PERSON)]);
    let text = "# Cabinet\n\n| who | role |\n|---|---|\n| [[Marisol Quintéro\\|Quintéro]] | envoy |\n| [[marisol quintéro#Early years\\|her youth]] | - |\n";
    assert_eq!(fixed(&mut e, "Notes/Cabinet.md", text), text);
    let mentions = e.mentions("Notes/Cabinet.md", text);
    assert!(mentions.iter().all(
        |m| m.resolved.as_deref() == Some("Marisol Quintéro") && m.decision == Decision::Exact
    ));
    // A target written without its accents is corrected, and the escape stays.
    let text = "| who |\n|---|\n| [[Marisol Quintero\\|Quintero]] |\n";
    assert_eq!(
        fixed(&mut e, "Notes/Table.md", text),
        "| who |\n|---|\n| [[Marisol Quintéro\\|Quintero]] |\n"
    );
}

#[test]
fn escaped_pipes_in_frontmatter_links_name_the_note() {
    let e = engine(&[("People/Marisol Quintero.md", PERSON)]);
    let text = "---\nrelated: \"[[Marisol Quintero\\\\|Quintero]]\"\n---\n";
    let note = curator_core::Note::parse("n.md", text);
    let value = note.property("related").and_then(|n| n.as_str()).unwrap();
    assert_eq!(curator_core::index::link_target(value), "Marisol Quintero");
    assert!(e.check("n.md", text).edits.is_empty());
}

const HISTORY: &[(&str, &str)] = &[
    ("People/Cornelius Vanterpool.md", PERSON),
    ("People/Amenhotep II.md", PERSON),
    ("People/Tiberius Gracchus.md", PERSON),
    ("Organizations/Halvorsen Shipping.md", ORG),
];

#[test]
fn links_are_never_retargeted_by_sound_part_numeral_or_another_word() {
    let mut e = engine(HISTORY);
    for (link, why) in [
        ("[[Caria]]", "one word that only sounds like a name part"),
        ("[[Amenhotep III]]", "a different numeral"),
        ("[[Tiberius]]", "only part of the name"),
        ("[[Halvorsen]]", "only part of an organisation's name"),
        ("[[Cornelius Vantrepool Jr]]", "an extra part"),
        (
            "[[Tiberian Gracchus]]",
            "a different word, not a damaged one",
        ),
    ] {
        let text = format!(
            "---\ntype: meeting\nparticipants: [\"[[Cornelius Vanterpool]]\", \"[[Amenhotep II]]\", \"[[Tiberius Gracchus]]\"]\n---\nSee {link} and [[Halvorsen Shipping]].\n"
        );
        let path = "Notes/Reading.md";
        assert_eq!(fixed(&mut e, path, &text), text, "{link}: {why}");
        let m = e
            .mentions(path, &text)
            .into_iter()
            .find(|m| format!("[[{}]]", m.text) == link)
            .unwrap_or_else(|| panic!("{link} is a mention"));
        assert_ne!(m.decision, Decision::Auto, "{link}: {why}: {m:#?}");
    }
}

#[test]
fn misheard_links_are_corrected_only_when_every_part_agrees_and_the_note_names_them() {
    let mut e = engine(HISTORY);
    let meeting = "---\ntype: meeting\nparticipants: [\"[[Cornelius Vanterpool]]\"]\n---\nAsk [[Cornelius Vantapool]] about it.\n";
    assert_eq!(
        fixed(&mut e, "Meetings/Sync.md", meeting),
        meeting.replace("[[Cornelius Vantapool]]", "[[Cornelius Vanterpool]]")
    );
    // The same link in a note that does not name him: asked, not changed.
    let note = "# Reading list\n\nAsk [[Cornelius Vantapool]] about it.\n";
    assert_eq!(fixed(&mut e, "Notes/List.md", note), note);
    let review = e.check("Notes/List.md", note).review;
    assert!(
        review
            .iter()
            .any(|r| r.reason == ReviewReason::UncertainMention
                && r.candidates.first().map(|c| &*c.name) == Some("Cornelius Vanterpool")),
        "{review:#?}"
    );
    // Obsidian resolves links whatever their case, so case alone is no reason to change one;
    // mojibake is the same name damaged, corrected wherever it is written, and the accent it
    // hid, one the title lacks, still shows.
    let note = "See [[cornelius VANTERPOOL]] and [[AmenhÃ³tep II]].\n";
    assert_eq!(
        fixed(&mut e, "Notes/Case.md", note),
        "See [[cornelius VANTERPOOL]] and [[Amenhotep II|Amenhótep II]].\n"
    );
}
