//! A name whose tied candidates are the two notes of one likely duplicate person is no question
//! of its own: merging the two settles it. Its items join the merge's decision, in the queue the
//! CLI prints and in the pane's cards, while a tie between different people stays a decision.

use curator_core::decisions::{decision_page, DecisionCard, DecisionIndex, DecisionQuery};
use curator_core::review::{decisions, MergeTies};
use curator_core::settings::Settings;
use curator_core::vault::Vault;
use curator_core::{ReviewItem, ReviewReason};

const PERSON: &str = "---\ntype: person\n---\n# About\n";
const COPY: &str = "Archive/Maren Holloway.md";
const KEPT: &str = "People/Maren Holloway.md";

/// Two copies of Maren Holloway's note in two folders, another Maren, and notes naming them.
fn notes() -> Vec<(String, String)> {
    let note = |p: &str, t: &str| (p.to_string(), t.to_string());
    vec![
        note(KEPT, PERSON),
        note(COPY, PERSON),
        note("People/Maren Dvorak.md", PERSON),
        note(
            "Topics/Harbour survey.md",
            "---\ntype: topic\n---\n# Survey\n\nMaren Holloway mapped the harbour in 1911.\n",
        ),
        note(
            "Topics/Tide tables.md",
            "---\ntype: topic\n---\n# Tides\n\nThe tables Maren Holloway drew are still used.\n",
        ),
        note(
            "Meetings/Planning.md",
            "---\ntype: meeting\nparticipants: [Maren]\n---\n# Planning\n\nWe agreed on the route.\n",
        ),
    ]
}

fn queue(vault: &mut Vault) -> Vec<ReviewItem> {
    let mut items: Vec<ReviewItem> = (vault.all_reports().iter())
        .flat_map(|r| r.review.iter().cloned())
        .collect();
    items.extend(vault.vault_review().iter().cloned());
    MergeTies::join(&mut items);
    items
}

fn cards(vault: &mut Vault, index: &mut DecisionIndex) -> Vec<DecisionCard> {
    decision_page(vault, index, &DecisionQuery::default()).cards
}

#[test]
fn a_tie_between_two_copies_of_a_person_is_the_merge() {
    let mut vault = Vault::build(Settings::default(), notes());
    let items = queue(&mut vault);
    let merge = (items.iter())
        .find(|i| i.reason == ReviewReason::DuplicateEntity)
        .expect("the copies are likely one person");
    let tied: Vec<&ReviewItem> = (items.iter())
        .filter(|i| i.name.as_deref() == Some("Maren Holloway"))
        .collect();
    assert_eq!(tied.len(), 2, "{items:#?}");
    for item in &tied {
        // One entry per note and reason, in the merge's decision.
        assert_eq!(item.reason, ReviewReason::AmbiguousMention);
        assert_eq!(item.group, merge.group, "{item:#?}");
        // Two notes of one title are named by their paths.
        assert!(
            item.message.contains(KEPT) && item.message.contains(COPY),
            "{}",
            item.message
        );
    }
    let merged = (decisions(&items).into_iter())
        .find(|d| d.group == &*merge.group)
        .expect("the merge decision");
    assert_eq!(merged.items.len(), 3);
    assert_eq!(merged.lead().map(|i| i.reason), Some(merge.reason));

    let cards = cards(&mut vault, &mut DecisionIndex::default());
    let card = (cards.iter())
        .find(|c| *c.group == *merge.group)
        .expect("a merge card");
    assert_eq!(card.kind, ReviewReason::DuplicateEntity);
    assert_eq!(card.name, None);
    assert_eq!(card.mentions, 2, "{card:#?}");
    let (_, gone) = ReviewItem::duplicate_pair(&merge.group).expect("a pair");
    assert_eq!(card.paths, [gone], "the merge is about its notes");
    assert!(card
        .occurrences
        .iter()
        .any(|o| o.context.contains("mapped the harbour")));
    assert!(
        !cards
            .iter()
            .any(|c| c.name.as_deref() == Some("Maren Holloway")),
        "{cards:#?}"
    );
}

#[test]
fn a_tie_between_different_people_stays_its_own_decision() {
    let mut vault = Vault::build(Settings::default(), notes());
    let items = queue(&mut vault);
    let maren: Vec<&ReviewItem> = (items.iter())
        .filter(|i| i.name.as_deref() == Some("Maren"))
        .collect();
    assert!(!maren.is_empty(), "{items:#?}");
    for item in maren {
        assert!(item.group.starts_with("name:"), "{item:#?}");
        assert!(
            item.candidates.iter().any(|c| &*c.name == "Maren Dvorak"),
            "{item:#?}"
        );
    }
    let cards = cards(&mut vault, &mut DecisionIndex::default());
    assert!(cards.iter().any(|c| c.name.as_deref() == Some("Maren")));
}

#[test]
fn answering_the_merge_settles_the_names_it_held() {
    let mut vault = Vault::build(Settings::default(), notes());
    let mut kept = DecisionIndex::default();
    let before = cards(&mut vault, &mut kept);
    assert!(before
        .iter()
        .any(|c| c.kind == ReviewReason::DuplicateEntity));
    // The merge: one copy goes (its text is the other's, so nothing else is written).
    vault.remove(COPY);
    let after = cards(&mut vault, &mut kept);
    assert!(
        !after
            .iter()
            .any(|c| c.kind == ReviewReason::DuplicateEntity),
        "{after:#?}"
    );
    assert!(
        !(queue(&mut vault).iter()).any(|i| i.name.as_deref() == Some("Maren Holloway")),
        "the name is no question once one note holds it"
    );
    // The kept index follows the vault as a fresh one would, both ways.
    let fresh = cards(&mut vault, &mut DecisionIndex::default());
    assert_eq!(format!("{after:?}"), format!("{fresh:?}"));
    vault.upsert(COPY, PERSON);
    let again = cards(&mut vault, &mut kept);
    assert_eq!(format!("{again:?}"), format!("{before:?}"));
}

#[test]
fn copies_of_a_person_known_by_one_name_are_one_person_too() {
    let note = |p: &str, t: &str| (p.to_string(), t.to_string());
    let notes = vec![
        note("People/Ottoline.md", PERSON),
        note("Imported/Ottoline.md", PERSON),
        note("People/Ottokar.md", PERSON),
        note(
            "Topics/Letters.md",
            "---\ntype: topic\n---\n# Letters\n\nOttoline wrote to the bishop twice.\n",
        ),
    ];
    let mut vault = Vault::build(Settings::default(), notes);
    let items = queue(&mut vault);
    let merges: Vec<&ReviewItem> = (items.iter())
        .filter(|i| i.reason == ReviewReason::DuplicateEntity)
        .collect();
    assert_eq!(merges.len(), 1, "{items:#?}");
    assert_eq!(
        ReviewItem::duplicate_pair(&merges[0].group),
        Some(("Imported/Ottoline.md", "People/Ottoline.md"))
    );
    assert!(
        items.iter().any(|i| i.name.as_deref() == Some("Ottoline")),
        "{items:#?}"
    );
    for item in items.iter().filter(|i| i.name.is_some()) {
        assert_eq!(item.group, merges[0].group, "{item:#?}");
    }
}

#[test]
fn two_people_of_one_title_are_asked_about_by_their_paths() {
    let note = |p: &str, t: &str| (p.to_string(), t.to_string());
    let notes = vec![
        note(
            "People/Juno Farr.md",
            "---\ntype: person\ntags: [company/acme]\n---\n# About\n",
        ),
        note(
            "Contractors/Juno Farr.md",
            "---\ntype: person\ntags: [company/globex]\n---\n# About\n",
        ),
        note(
            "Topics/Survey.md",
            "---\ntype: topic\n---\n# Survey\n\nJuno Farr surveyed the east quay.\n",
        ),
    ];
    let mut vault = Vault::build(Settings::default(), notes);
    let items = queue(&mut vault);
    assert!(
        !items
            .iter()
            .any(|i| i.reason == ReviewReason::DuplicateEntity),
        "their companies differ: {items:#?}"
    );
    let juno = (items.iter())
        .find(|i| i.name.as_deref() == Some("Juno Farr"))
        .expect("the tie is asked about");
    assert!(juno.group.starts_with("name:"), "{juno:#?}");
    assert!(
        juno.message.contains("People/Juno Farr.md")
            && juno.message.contains("Contractors/Juno Farr.md"),
        "{}",
        juno.message
    );
}
