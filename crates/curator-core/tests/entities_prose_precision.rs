//! Words of typed prose (campaign logs, session notes) that look like a name and are not:
//! - a word shouted in capitals (`FLIT`, `HAMMER`) passes the tests a capitalised word does:
//!   an everyday word, or a word only sounding like someone's name, is the word; an
//!   organisation's acronym and an entity's own name in capitals still name it;
//! - a run of everyday words in capitals (`STONE WALL`) is shouting, not a name;
//! - a run of capitalised words longer than an entity's one-word name (`Wren Matriarch`,
//!   `Tolvar Keep` ~ Tolvar) is some other name: at most asked about, never linked;
//! - the words after a possessive in a note's name (`granny` of Tobin's Granny) describe it by
//!   someone else's: alone they are the word, not the note;
//! - a word typed in lowercase (`tamsin`) is as likely the word as a name: asked, not linked;
//! - one word just before a link (`Marshal [[Odile Brant]]`) is a title of whom the link names,
//!   not a mention of someone else whose name it opens (Marshal Quenby);
//! - a word just after an article (`to the Judge`, `Ask the Baker`, `an den Richter`) is a noun,
//!   not someone's surname (Tom Judge), though one whose whole name it is (`the Wren`) or a
//!   title opening a name (`the Shah`) may be called so.

mod mentions_common;

use curator_core::entities::mentions::Kind;
use curator_core::entities::Decision;
use mentions_common::mentions_in;

const VAULT: &[(&str, &str)] = &[
    ("People/Brannoc Veldt.md", "---\ntype: person\n---\n"),
    ("People/Hemmaret Sulk.md", "---\ntype: person\n---\n"),
    ("People/Orrin's Hammer.md", "---\ntype: person\n---\n"),
    ("People/Stoan Waul.md", "---\ntype: person\n---\n"),
    ("People/Wren.md", "---\ntype: person\n---\n"),
    ("People/Tolvar.md", "---\ntype: person\n---\n"),
    (
        "People/Ysolde.md",
        "---\ntype: person\naliases: [Y, Silverwing]\n---\n",
    ),
    ("People/Maelis Ardent.md", "---\ntype: person\n---\n"),
    ("People/Corvin of Dunmarrow.md", "---\ntype: person\n---\n"),
    ("People/Tobin.md", "---\ntype: person\n---\n"),
    (
        "People/Tobin's Granny.md",
        "---\ntype: person\naliases: [Runa Vell]\n---\n",
    ),
    ("People/Marshal Quenby.md", "---\ntype: person\n---\n"),
    ("People/Tamsin Quarle.md", "---\ntype: person\n---\n"),
    (
        "People/Odile Brant.md",
        "---\ntype: person\naliases: [Sergeant Brant]\n---\n",
    ),
    (
        "People/Brisk.md",
        "---\ntype: person\naliases: [Olwen's Hound]\n---\n",
    ),
    (
        "Organizations/Quillmere Tide Wardens.md",
        "---\ntype: organization\n---\n",
    ),
    (
        "Organizations/Gorse Lantern Company.md",
        "---\ntype: organization\naliases: [GORSE]\n---\n",
    ),
];

/// The decisions on `word` in a typed session note of `body`.
fn in_log(body: &str, word: &str) -> Vec<(Decision, String)> {
    let text = format!("---\ntype: session\n---\n# Session\n\n{body}\n");
    mentions_in(VAULT, "Sessions/Session 12.md", &text)
        .into_iter()
        .filter(|m| m.text == word)
        .map(|m| (m.decision, m.resolved.unwrap_or_default()))
        .collect()
}

fn none_names(got: &[(Decision, String)]) -> bool {
    got.iter().all(|(d, _)| !d.is_confident())
}

#[test]
fn a_word_in_capitals_passes_the_tests_a_capitalised_word_does() {
    // `FLIT` only sounds like `Veldt` (short, and beginning otherwise: not even a mention);
    // `HAMMER` is an everyday word, here a note's last word.
    let body = "[[Brannoc Veldt]] saw them FLIT past the ford.\n\n\
                [[Hemmaret Sulk]] forged the HAMMER!!";
    for word in ["FLIT", "HAMMER"] {
        let got = in_log(body, word);
        assert!(word == "FLIT" || !got.is_empty(), "{word} not found");
        assert!(none_names(&got), "{word}: {got:?}");
    }
    // Written with a capital only, the same words were the words already.
    let body = "[[Brannoc Veldt]] saw them Flit past the ford.";
    assert!(none_names(&in_log(body, "Flit")));
}

#[test]
fn an_acronym_or_a_name_in_capitals_still_names_its_entity() {
    let body = "The QTW patrol met the GORSE caravan at dawn.";
    assert_eq!(
        in_log(body, "QTW"),
        [(Decision::Auto, "Quillmere Tide Wardens".to_string())]
    );
    let gorse = in_log(body, "GORSE");
    assert!(
        gorse
            .iter()
            .all(|(d, r)| d.is_confident() && r == "Gorse Lantern Company"),
        "{gorse:?}"
    );
}

#[test]
fn everyday_words_in_capitals_are_shouting() {
    let body = "[[Stoan Waul]] held the gate: a STONE WALL, nothing less.";
    let got = in_log(body, "STONE WALL");
    assert!(!got.is_empty() && none_names(&got), "{got:?}");
    // The name itself in capitals is still the name.
    let body = "[[Stoan Waul]] held the gate. STOAN WAUL, again.";
    assert_eq!(
        in_log(body, "STOAN WAUL"),
        [(Decision::Exact, "Stoan Waul".to_string())]
    );
}

#[test]
fn a_longer_run_is_not_a_one_word_name() {
    // The note names Wren, Tolvar and Ysolde: each word alone would be theirs.
    let body = "[[Wren]], [[Tolvar]] and [[Ysolde]] rode out. They prayed to the Wren Matriarch \
                at Tolvar Keep; Y. Never again, said someone. A Silverwing Brooch glinted.";
    for run in ["Wren Matriarch", "Tolvar Keep", "Silverwing Brooch"] {
        let got = in_log(body, run);
        assert!(!got.is_empty() && none_names(&got), "{run}: {got:?}");
    }
    assert!(none_names(&in_log(body, "Y. Never")));
    // The one-word names alone, where the note says who, are still theirs.
    let body = "[[Wren]] and [[Tolvar]] rode out. Wren led; Tolvar followed.";
    for (word, who) in [("Wren", "Wren"), ("Tolvar", "Tolvar")] {
        let got = in_log(body, word);
        assert!(
            !got.is_empty() && got.iter().all(|(d, r)| d.is_confident() && r == who),
            "{word}: {got:?}"
        );
    }
}

#[test]
fn a_full_name_and_a_qualifier_read_as_before() {
    // A person noted by their full name is named by it, by their given name and by a
    // misspelt surname.
    let body = "[[Maelis Ardent]] spoke first. Later Maelis Ardant agreed, and Maelis nodded.";
    assert_eq!(
        in_log(body, "Maelis Ardant"),
        [(Decision::Auto, "Maelis Ardent".to_string())]
    );
    assert_eq!(
        in_log(body, "Maelis"),
        [(Decision::Auto, "Maelis Ardent".to_string())]
    );
    // A qualifier's word alone is the place, not the person.
    let body = "[[Corvin of Dunmarrow]] wrote from Dunmarrow.";
    assert!(none_names(&in_log(body, "Dunmarrow")));
}

#[test]
fn the_words_after_a_possessive_are_no_name() {
    let body = "[[Tobin's Granny]] came by. Swears she's [[Tobin]]'s granny; your granny \
                looks well, said [[Brisk]]. The hound barked.";
    for word in ["granny", "hound"] {
        let got = in_log(body, word);
        assert!(!got.is_empty() && none_names(&got), "{word}: {got:?}");
    }
    // The note's whole name and its aliases still name it, and the possessor is who it was.
    let body = "[[Tobin's Granny]] came by. Runa Vell and Tobin's granny left; Tobin stayed.";
    let granny = "Tobin's Granny".to_string();
    assert_eq!(
        in_log(body, "Runa Vell"),
        [(Decision::Alias, granny.clone())]
    );
    assert_eq!(in_log(body, "Tobin's granny"), [(Decision::Exact, granny)]);
    let tobin = in_log(body, "Tobin");
    assert!(
        tobin.iter().all(|(d, r)| d.is_confident() && r == "Tobin"),
        "{tobin:?}"
    );
}

#[test]
fn a_word_before_a_link_is_a_title_of_whom_it_links() {
    let body = "[[Marshal Quenby]] rode ahead. Later we told them of Marshal [[Tolvar]] and of a \
                sergeant [[Maelis Ardent]]; [[Odile Brant]] listened.";
    for word in ["Marshal", "sergeant"] {
        assert!(in_log(body, word).is_empty(), "{word}");
    }
    // A possessive before a link still names its owner.
    let body = "[[Tolvar]] rode ahead with Tolvar's [[Silverwing]].";
    let got = in_log(body, "Tolvar's");
    assert!(
        !got.is_empty() && got.iter().all(|(d, r)| d.is_confident() && r == "Tolvar"),
        "{got:?}"
    );
}

#[test]
fn a_word_typed_in_lowercase_is_asked_about() {
    let body = "[[Tamsin Quarle]] came by; later tamsin laughed, and Tamsin left.";
    assert_eq!(
        in_log(body, "tamsin"),
        [(Decision::Review, "Tamsin Quarle".to_string())]
    );
    assert_eq!(
        in_log(body, "Tamsin"),
        [(Decision::Auto, "Tamsin Quarle".to_string())]
    );
}

#[test]
fn a_word_after_an_article_is_no_part_of_a_name() {
    let vault = [
        ("People/Anna Baker.md", "---\ntype: person\n---\n"),
        ("People/Tom Judge.md", "---\ntype: person\n---\n"),
        ("People/Thomas Richter.md", "---\ntype: person\n---\n"),
        ("People/Wren.md", "---\ntype: person\n---\n"),
        ("People/Shah Reza Pahlavi.md", "---\ntype: person\n---\n"),
    ];
    let meeting = "---\ntype: meeting\nparticipants: [\"[[Anna Baker]]\", \"[[Tom Judge]]\", \
                   \"[[Thomas Richter]]\", \"[[Wren]]\"]\n---\n# Sync\n\n\
                   - [ ] @Anna Baker send the files to the Judge\n\
                   - [ ] Ask the Baker about bread\n\
                   - [ ] @Thomas Richter Unterlagen an den Richter schicken\n\
                   - A Judge ruled on it, and the Wren flew off with it.\n\
                   - Judge and Baker will handle it, as [[Shah Reza Pahlavi]] asked.\n\
                   - The Shah signed it.\n";
    let got = mentions_in(&vault, "Meetings/2026-03-03 Sync.md", meeting);
    let confident = |word: &str| {
        (got.iter())
            .filter(|m| m.kind == Kind::Text && m.text == word && m.decision.is_confident())
            .count()
    };
    // Only the last line names Tom Judge and Anna Baker by their surnames (its first word is
    // capitalised as any is there, so only `Baker` is linked).
    assert_eq!(confident("Judge"), 0, "{got:#?}");
    assert_eq!(confident("Baker"), 1, "{got:#?}");
    assert_eq!(confident("Richter"), 0, "{got:#?}");
    // A one-word name is the whole name of whom `the` calls so.
    assert_eq!(confident("Wren"), 1, "{got:#?}");
    assert_eq!(confident("Shah"), 1, "{got:#?}");
}
