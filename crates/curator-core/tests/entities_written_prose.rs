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

use curator_core::entities::{Decision, Mention};
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

/// [`VAULT`] with the notes of `more`.
fn vault_with<'a>(more: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    VAULT.iter().chain(more).copied().collect()
}

/// The mentions of `got` written `word` and linked with confidence.
fn linked<'m>(got: &'m [Mention], word: &str) -> Vec<&'m Mention> {
    (got.iter())
        .filter(|m| m.text == word && m.decision.is_confident())
        .collect()
}

/// A topic note of `body`, headed `# Notes`.
fn topic(body: &str) -> String {
    format!("---\ntype: topic\n---\n# Notes\n\n{body}\n")
}

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

/// The texts of every mention in a topic note, with what each resolves to.
fn mentions_of_topic(body: &str) -> Vec<(String, Option<String>)> {
    let text = topic(body);
    mentions_in(VAULT, "Notes/Topic.md", &text)
        .into_iter()
        .map(|m| (m.text, m.resolved))
        .collect()
}

#[test]
fn a_given_name_inside_someone_else_s_full_name_names_nobody_in_typed_prose() {
    // A reading list beside a note that links John Fairfax: each of these Johns (and Moses,
    // a surname here) is someone else, written in full.
    let lines = [
        "- \"Genetic Programming\" by John R. Koza",
        "- John H. Miller: Miller's research spans economics.",
        "- John Argyris, Gunter Faust and Maria Haase",
        "- Thinking in Systems, by Anna D. Moses",
        "- Adaptation in Natural Systems, by Leofric Smale",
    ];
    let body = format!(
        "[[John Fairfax]] and [[Moses Abery]] kept the list.\n\n{}",
        lines.join("\n")
    );
    let got = mentions_of_topic(&body);
    let wrong: Vec<_> = got
        .iter()
        .filter(|(text, _)| !text.starts_with("John Fairfax") && !text.starts_with("Moses Abery"))
        .filter(|(_, resolved)| resolved.is_some())
        .collect();
    assert!(wrong.is_empty(), "{wrong:?}");
    // The given name alone, a title before it, a name across a comma and the name in full
    // still name who the note says.
    let body = "[[John Fairfax]] kept the list. John said so; Dr John agreed. Before joining \
                the guild, John wrote it. John Fairfax signed. John's Almanac sold well.";
    let named = |text: &str| {
        mentions_of_topic(body)
            .into_iter()
            .filter(|(t, _)| t == text)
            .map(|(_, r)| r)
            .collect::<Vec<_>>()
    };
    assert_eq!(named("John").len(), 3, "{:?}", mentions_of_topic(body));
    // A possessive ends a name: what follows is owned (`John's Almanac`).
    assert_eq!(named("John's"), [Some("John Fairfax".to_string())]);
    assert!(named("John")
        .iter()
        .all(|r| r.as_deref() == Some("John Fairfax")));
}

#[test]
fn a_name_s_word_before_a_capitalised_everyday_word_is_another_name_in_typed_prose() {
    // Typed prose capitalises an everyday word inside a sentence only as part of a name: the
    // Harcourt Ledger, the Marden Equations and John Smith are not the vault's people, even
    // where the note links them (the surname first, `Harcourt Ledger`, as well as the given
    // name, `John Smith`).
    let body = "[[William Harcourt]] and [[John Fairfax]] kept the Harcourt Ledger.\n\n\
                #### Chapter 9: Marden Equations\n\n\
                [[Leofric Marden]] proposed them. John Smith disagreed.\n\n\
                Harcourt signed. Marden replied. John agreed.";
    let got = mentions_of_topic(body);
    let named = |text: &str| {
        got.iter()
            .filter(|(t, _)| t == text)
            .map(|(_, r)| r.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        named("Harcourt"),
        [Some("William Harcourt".to_string())],
        "{got:?}"
    );
    assert_eq!(
        named("Marden"),
        [Some("Leofric Marden".to_string())],
        "{got:?}"
    );
    assert_eq!(named("John"), [Some("John Fairfax".to_string())], "{got:?}");
}

#[test]
fn in_a_meeting_a_given_name_before_a_misheard_surname_is_still_read() {
    // A transcript runs names into the next words and mishears surnames: the attendee's given
    // name is read as before.
    let got = in_meeting("Thanks William Harcot for the scans.", "William Harcot");
    let got_given = in_meeting("Thanks William Harcot for the scans.", "William");
    assert!(
        got.iter()
            .chain(&got_given)
            .any(|(_, r)| r == "William Harcourt"),
        "{got:?} {got_given:?}"
    );
}

#[test]
fn in_a_meeting_a_given_name_before_two_words_no_attendee_has_is_a_stranger_s() {
    // `Harrow` may be Harcourt misheard, but no William of the vault has a `Pembleton` too: a
    // misheard surname explains one word, not two.
    let line = "William Harrow Pembleton from the county archive joined late.";
    let got = in_meeting(line, "William");
    assert!(none_names(&got), "{got:?}");
}

#[test]
fn a_folder_s_own_note_is_nobody() {
    // `People/People.md` describes the folder (the Folder notes plugin keeps one per folder).
    let vault = [
        ("People/People.md", "# People\n\nEveryone we work with.\n"),
        ("People/Ana Reyes.md", "---\ntype: person\n---\n"),
    ];
    let text = "---\ntype: topic\n---\nOther people's views matter. People disagree with \
                [[People]] and [[Ana Reyes]].\n";
    let got = mentions_in(&vault, "Notes/Topic.md", text);
    assert!(
        got.iter().all(|m| m.resolved.as_deref() != Some("People")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|m| m.resolved.as_deref() == Some("Ana Reyes")),
        "{got:?}"
    );
}

#[test]
fn an_html_comment_is_no_prose() {
    // Plugins keep serialized queries and paths in HTML comments; Obsidian hides them.
    let body = "[[John Fairfax]] kept the list.\n\n<!-- SerializedQuery: LIST FROM \
                \"Journal/Moses Abery\" -->\n<!-- unclosed: Moses Abery";
    let got = mentions_of_topic(body);
    assert!(
        got.iter().all(|(text, _)| text == "John Fairfax"),
        "{got:?}"
    );
    // Outside the comment the same name is read.
    let got = mentions_of_topic("Moses Abery <!-- x --> came. `<!--` opens one. Moses Abery.");
    assert_eq!(
        got.iter().filter(|(text, _)| text == "Moses Abery").count(),
        2,
        "{got:?}"
    );
}

#[test]
fn a_link_of_one_word_typed_outside_a_meeting_names_someone_only_as_written() {
    // `[[Tarsenism]]` and `[[Margret]]` may be notes not written yet: not Tarsen misspelled,
    // nor Margaret Ashby. A link to a name as written still names its person.
    let link = |body: &str, word: &str| {
        mentions_of_topic(body)
            .into_iter()
            .filter(|(t, _)| t == word)
            .map(|(_, r)| r)
            .collect::<Vec<_>>()
    };
    let body = "See [[Tarsenism]] and [[Margret]]; [[Tarsen]] wrote both.";
    assert_eq!(link(body, "Tarsenism"), [None]);
    assert_eq!(link(body, "Margret"), [None]);
    assert_eq!(link(body, "Tarsen"), [Some("Anselm Tarsen".to_string())]);
}

#[test]
fn a_title_and_one_word_are_that_word_s_name_in_typed_prose() {
    // A title (`Ayatollah`, `Captain`) says what someone is, not who: after it, the one word
    // of the name is typed as any word is, so a surname only like the linked one's is someone
    // else's (the title's next holder, a rival), not the linked person misspelled.
    let vault = vault_with(&[
        ("People/Ayatollah Borujeni.md", "---\ntype: person\n---\n"),
        ("People/Captain Varrick.md", "---\ntype: person\n---\n"),
    ]);
    let body = "[[Ayatollah Borujeni]] led the council until 1989. Ayatollah Barujani, his \
                successor, purged it. [[Captain Varrick]] sailed first; Captain Verrick \
                followed a year later.";
    let text = topic(body);
    let got = mentions_in(&vault, "Notes/Topic.md", &text);
    for word in ["Ayatollah Barujani", "Captain Verrick"] {
        let of: Vec<_> = got.iter().filter(|m| m.text == word).collect();
        assert!(!of.is_empty(), "{word}: {got:?}");
        assert!(
            of.iter().all(|m| !m.decision.is_confident()),
            "{word}: {of:?}"
        );
    }
    // Written as the note names them, they are still the linked people.
    let body = "[[Ayatollah Borujeni]] led the council. Later Ayatollah Borujeni resigned.";
    let text = topic(body);
    let got = mentions_in(&vault, "Notes/Topic.md", &text);
    assert!(
        got.iter()
            .filter(|m| m.text == "Ayatollah Borujeni")
            .all(|m| m.resolved.as_deref() == Some("Ayatollah Borujeni")),
        "{got:?}"
    );
}

#[test]
fn a_name_after_a_saints_word_is_the_saints_or_a_place_named_for_them() {
    // `St. Louis` is a city, `St. Mary's Hospital` a hospital and `Saint Paul` the apostle:
    // none of them Louis Duval, Mary Okonjo or Paul Reinholt, whom the note links.
    let vault = vault_with(&[
        ("People/Louis Duval.md", "---\ntype: person\n---\n"),
        ("People/Mary Okonjo.md", "---\ntype: person\n---\n"),
        ("People/Paul Reinholt.md", "---\ntype: person\n---\n"),
        ("People/Thomas Aquinas.md", "---\ntype: person\n---\n"),
    ]);
    let body = "Met [[Louis Duval]], [[Mary Okonjo]] and [[Paul Reinholt]].\n\n\
                We fly to St. Louis on Monday. The clinic at St. Mary's Hospital called.\n\n\
                Saint Paul wrote letters. St. Thomas Aquinas wrote more.\n\n\
                Louis agreed.";
    let got = mentions_in(&vault, "Notes/Topic.md", &topic(body));
    let on = |line: usize| got.iter().filter(move |m| m.line == line);
    assert!(
        on(8).chain(on(10)).all(|m| m.text == "Thomas Aquinas"),
        "{got:?}"
    );
    // The whole name the vault has after it is the person, and the name alone elsewhere.
    for (line, name) in [(10, "Thomas Aquinas"), (12, "Louis Duval")] {
        assert!(
            on(line).any(|m| m.resolved.as_deref() == Some(name)),
            "{name}: {got:?}"
        );
    }
}

#[test]
fn a_possessive_before_what_is_named_for_someone_is_no_mention() {
    // `Conway's law`, `Brooks' law` and `Parkinson's disease` are named for someone, not
    // about Tariq Conway, Wen Brooks or Ines Parkinson, whom the note links; their law firm
    // and their team are theirs.
    let vault = vault_with(&[
        ("People/Tariq Conway.md", "---\ntype: person\n---\n"),
        ("People/Wen Brooks.md", "---\ntype: person\n---\n"),
        ("People/Ines Parkinson.md", "---\ntype: person\n---\n"),
    ]);
    let body = "Met [[Tariq Conway]], [[Wen Brooks]] and [[Ines Parkinson]].\n\n\
                Conway's law explains our org chart. Brooks' law says it gets later.\n\n\
                Her father has Parkinson's disease.\n\n\
                Conway's law firm called. Brooks's team shipped.";
    let got = mentions_in(&vault, "Notes/Topic.md", &topic(body));
    let on = |line: usize| got.iter().filter(move |m| m.line == line);
    assert!(on(8).chain(on(10)).next().is_none(), "{got:?}");
    for name in ["Tariq Conway", "Wen Brooks"] {
        assert!(
            on(12).any(|m| m.resolved.as_deref() == Some(name)),
            "{name}: {got:?}"
        );
    }
    // A note titled with the word alone is the one whose laws they are.
    let vault = vault_with(&[("People/Urnammar.md", "---\ntype: person\n---\n")]);
    let body = "Urnammar's laws were carved in stone.";
    let got = mentions_in(&vault, "Notes/Topic.md", &topic(body));
    assert!(
        got.iter()
            .any(|m| m.resolved.as_deref() == Some("Urnammar") && m.decision.is_confident()),
        "{got:?}"
    );
}

#[test]
fn a_tag_is_no_name_written_in_prose() {
    // `#Amsterdam` on a tag line is a tag, not VU Amsterdam nor a person called Amsterdam;
    // the same word written in prose is read as ever.
    let vault = vault_with(&[(
        "Organisations/Hoorn Analytics.md",
        "---\ntype: organization\n---\n",
    )]);
    let body = "Tags: #organisation #Hoorn\n\nWe met Hoorn Analytics in the spring.";
    let got = mentions_in(&vault, "Notes/Topic.md", &topic(body));
    assert!(got.iter().all(|m| m.line != 6), "{got:?}");
    assert!(
        got.iter()
            .any(|m| m.line == 8 && m.resolved.as_deref() == Some("Hoorn Analytics")),
        "{got:?}"
    );
}

#[test]
fn a_rank_alone_before_of_and_a_name_is_an_office() {
    // `the King of [[Varnholt]]` is whoever holds that crown, not King Osmer of another
    // kingdom whom the line links; `the Shah of Persia` of 1901 no Shah the vault has.
    let vault = vault_with(&[
        (
            "People/King Osmer.md",
            "---\ntype: person\n---\nKing of [[Drennor]].\n",
        ),
        ("People/Shah Tamasp Vahdani.md", "---\ntype: person\n---\n"),
    ]);
    let body =
        "Idris was knighted by [[King Osmer]]. Now he counsels the King of [[Varnholt]].\n\n\
                [[Shah Tamasp Vahdani]] returned in 1953.\n\n\
                | 1901 | A concession bought from the Shah of Persia |";
    let got = mentions_in(&vault, "Notes/Topic.md", &topic(body));
    let wrong: Vec<_> = got
        .iter()
        .filter(|m| m.text == "King" || m.text == "Shah")
        .collect();
    assert!(wrong.is_empty(), "{wrong:?}");
    // The rank before the person's name is still theirs.
    let body = "King Osmer rode north.";
    let got = mentions_in(&vault, "Notes/Topic.md", &topic(body));
    assert!(
        got.iter()
            .any(|m| m.text == "King Osmer" && m.resolved.as_deref() == Some("King Osmer")),
        "{got:?}"
    );
}

#[test]
fn a_numbered_name_written_with_another_numeral_is_that_numeral() {
    // `I` after a name the vault numbers (`Osrakon III`) is the numeral, not the pronoun:
    // `Osrakon I` is the first of the name, not the third misspelled. `V` is the fifth, not a
    // letter trimmed off the name: the note naming the third too does not make it the third.
    let vault = vault_with(&[("People/Osrakon III.md", "---\ntype: person\n---\n")]);
    let body = "[[Osrakon III]] extended the canal.\n\n\
                | Osrakon I | 1504-1492 BCE | Reached the river |\n\n\
                Osrakon I reached the river first.\n\n\
                After Osrakon V died, the priests grew strong. Osrakon VI took the throne.";
    let text = topic(body);
    let got = mentions_in(&vault, "Notes/Topic.md", &text);
    let wrong: Vec<_> = got
        .iter()
        .filter(|m| m.line > 6 && m.resolved.as_deref() == Some("Osrakon III"))
        .collect();
    assert!(wrong.is_empty(), "{wrong:?}");
    // Where the vault numbers no one of that name, `I` stays the pronoun: `Harcourt I
    // think` still names William Harcourt.
    let body = "[[William Harcourt]] kept the ledger. Harcourt I think signed it.";
    let text = topic(body);
    let got = mentions_in(&vault, "Notes/Topic.md", &text);
    assert!(
        got.iter()
            .any(|m| m.text == "Harcourt" && m.resolved.as_deref() == Some("William Harcourt")),
        "{got:?}"
    );
}

#[test]
fn the_first_word_of_a_name_whose_last_word_is_lowercase_is_no_name_alone() {
    // `Homo heidelbergensis` is a species' name, not a given name and a surname: `Homo` of
    // `Homo erectus` is another species, and `Homo` alone names neither.
    let vault = vault_with(&[(
        "People/Vulpes lagopodis.md",
        "---\ntype: person\n---\n# Vulpes lagopodis\n",
    )]);
    let body = "Vulpes lagopodis roams the tundra. Later Vulpes corsacis spread south, and \
                Vulpes alone is the genus.";
    let text = format!("---\ntype: topic\n---\n# Foxes\n\n{body}\n");
    let got = mentions_in(&vault, "Notes/Foxes.md", &text);
    assert!(linked(&got, "Vulpes").is_empty(), "{got:?}");
    // Written whole, it is the note's name still.
    assert!(
        got.iter().any(|m| m.text == "Vulpes lagopodis"
            && m.resolved.as_deref() == Some("Vulpes lagopodis")
            && m.decision.is_confident()),
        "{got:?}"
    );
}

#[test]
fn a_table_cell_holding_a_phrase_is_capitalised_as_a_sentence_is() {
    // A cell's first word is capitalised as a sentence's is: `Lunar months` is no mention of
    // the Lunar Society, though a cell holding the name alone (`Lunar`) still names it.
    let vault = vault_with(&[(
        "Orgs/Lunar Society.md",
        "---\ntype: organization\n---\n# Lunar Society\n",
    )]);
    let body = "| Achievement | Description |\n|---|---|\n| Calendar | Lunar months |\n";
    let text = format!("---\ntype: topic\n---\n# Notes\n\n{body}");
    let got = mentions_in(&vault, "Notes/Sky.md", &text);
    assert!(linked(&got, "Lunar").is_empty(), "{got:?}");
    let body = "| Field | Value |\n|---|---|\n| **Club** | Lunar |\n";
    let text = format!("---\ntype: person\n---\n# Ada\n\n{body}");
    let got = mentions_in(&vault, "People/Ada.md", &text);
    assert!(
        got.iter().any(|m| m.text == "Lunar"
            && m.resolved.as_deref() == Some("Lunar Society")
            && m.decision.is_confident()),
        "{got:?}"
    );
}

#[test]
fn a_word_before_a_comma_and_a_country_or_a_state_is_a_town() {
    // `Lima, Peru` and `Austin, Texas` are towns, not Ana Lima nor Austin Reyes, even where the
    // note names them.
    let vault = vault_with(&[
        ("People/Ana Lima.md", "---\ntype: person\n---\n# Ana Lima\n"),
        (
            "People/Austin Reyes.md",
            "---\ntype: person\n---\n# Austin Reyes\n",
        ),
    ]);
    let text = "---\ntype: person\n---\n# Ana Lima\n\nAna Lima moved to Lima, Peru in 2019.\n";
    let got = mentions_in(&vault, "People/Ana Lima.md", text);
    assert!(linked(&got, "Lima").is_empty(), "{got:?}");
    let text = "---\ntype: meeting\nparticipants: [\"[[Austin Reyes]]\"]\n---\n# Board\n\n\
                Austin flew in from Austin, TX for the board.\n";
    let got = mentions_in(&vault, "Meetings/2026-02-05 Board.md", text);
    // The attendee who flew in is linked; the town he flew from is not.
    assert_eq!(linked(&got, "Austin").len(), 1, "{got:?}");
}

#[test]
fn an_everyday_word_in_lowercase_is_no_note_titled_with_it() {
    // Importers make person notes of addresses and roles (`Contact`, `Chat`): `maintain contact
    // via email` names no one, where a line all in lowercase (a transcript's) may still.
    let vault = vault_with(&[
        ("People/Contact.md", "---\ntype: person\n---\n# Contact\n"),
        ("People/Chat.md", "---\ntype: person\n---\n# Chat\n"),
    ]);
    let text =
        "# Call with Orla\n\n- Will maintain contact via email.\n- Moved the chat to Slack.\n";
    let got = mentions_in(&vault, "Notes/Call.md", text);
    assert!(
        got.iter().all(|m| m.text != "contact" && m.text != "chat"),
        "{got:?}"
    );
}

#[test]
fn an_organisations_opening_words_that_go_on_into_another_name_are_no_mention_of_it() {
    // `the Federal Board for Rail Transport` and `de Stedelijke Raad voor de Ouderenzorg` are
    // other bodies than the vault's Federal Board for Water Safety and Stedelijke Raad voor de
    // Jeugdzorg; `Sociale Wetenschappen`, a subject, is only what the Noordelijk Instituut is
    // for. Their opening words alone, or their whole names, are still theirs.
    let vault = vault_with(&[
        (
            "Organisations/Federal Board for Water Safety.md",
            "---\ntype: organization\n---\n",
        ),
        (
            "Organisations/Stedelijke Raad voor de Jeugdzorg.md",
            "---\ntype: organization\n---\n",
        ),
        (
            "Organisations/Noordelijk Instituut voor Sociale Wetenschappen.md",
            "---\ntype: organization\n---\n",
        ),
        // Rail Transport and Ouderenzorg are words of other names of the vault.
        (
            "Organisations/Rail Transport Union.md",
            "---\ntype: organization\n---\n",
        ),
        (
            "Organisations/Stichting Ouderenzorg Noord.md",
            "---\ntype: organization\n---\n",
        ),
    ]);
    let body = "The Federal Board for Rail Transport wrote to us.\n\n\
                De Stedelijke Raad voor de Ouderenzorg vergadert vandaag.\n\n\
                Hij studeerde Sociale Wetenschappen in Groningen.\n\n\
                The Federal Board agreed. De Stedelijke Raad voor de Jeugdzorg ook.\n\n\
                The Federal Board of Water Safety met.";
    let got = mentions_in(&vault, "Notes/Topic.md", &topic(body));
    let on = |line: usize| got.iter().filter(move |m| m.line == line);
    assert!(
        on(6)
            .chain(on(8))
            .chain(on(10))
            .all(|m| m.resolved.is_none()),
        "{got:?}"
    );
    for name in [
        "Federal Board for Water Safety",
        "Stedelijke Raad voor de Jeugdzorg",
    ] {
        assert!(
            on(12).any(|m| m.resolved.as_deref() == Some(name)),
            "{name}: {got:?}"
        );
    }
    // Written with its own words after another joining word, it is the vault's.
    assert!(
        on(14).any(|m| m.resolved.as_deref() == Some("Federal Board for Water Safety")),
        "{got:?}"
    );
}

#[test]
fn an_organisation_written_without_its_town_and_put_in_another_is_not_it() {
    // The vault's City Mission is Dublin's and its Gemeentelijk Havenbedrijf Amsterdam's: `the
    // City Mission in Cork` and `the Gemeentelijk Havenbedrijf te Groningen` are others of the
    // name. Put in their own
    // town, in a month or nowhere, they are still the vault's.
    let vault = vault_with(&[
        (
            "Organisations/City Mission Dublin.md",
            "---\ntype: organization\n---\n",
        ),
        (
            "Organisations/Gemeentelijk Havenbedrijf Amsterdam.md",
            "---\ntype: organization\n---\n",
        ),
    ]);
    let body = "The City Mission in Cork opened a shelter.\n\n\
                We wrote to the Gemeentelijk Havenbedrijf te Groningen.\n\n\
                The City Mission in Dublin helped. The City Mission in March too.\n\n\
                We wrote to the Gemeentelijk Havenbedrijf again.";
    let got = mentions_in(&vault, "Notes/Topic.md", &topic(body));
    let on = |line: usize| got.iter().filter(move |m| m.line == line);
    assert!(
        on(6).chain(on(8)).all(|m| m.resolved.is_none()) && on(8).next().is_some(),
        "{got:?}"
    );
    let resolved = |line: usize, name: &str| {
        on(line)
            .filter(|m| m.resolved.as_deref() == Some(name) && m.decision.is_confident())
            .count()
    };
    assert_eq!(resolved(10, "City Mission Dublin"), 2, "{got:?}");
    assert_eq!(
        resolved(12, "Gemeentelijk Havenbedrijf Amsterdam"),
        1,
        "{got:?}"
    );
}

#[test]
fn everyday_words_in_lowercase_name_an_organisation_only_where_the_note_names_it() {
    // `the water services offered by towns` is as likely a phrase as National Water Services,
    // which the note does not name: asked, not linked. After the note names Coastal Ferry Lines,
    // `the ferry lines` is it.
    let vault = vault_with(&[
        (
            "Organisations/National Water Services.md",
            "---\ntype: organization\n---\n",
        ),
        (
            "Organisations/Coastal Ferry Lines.md",
            "---\ntype: organization\n---\n",
        ),
    ]);
    let body = "How did the water services offered by the towns fare?\n\n\
                We met Coastal Ferry Lines. The ferry lines agreed.";
    let got = mentions_in(&vault, "Notes/Topic.md", &topic(body));
    let on = |line: usize| got.iter().filter(move |m| m.line == line);
    assert!(
        on(6).next().is_some() && on(6).all(|m| m.decision == Decision::Review),
        "{got:?}"
    );
    assert_eq!(
        on(8)
            .filter(|m| m.resolved.as_deref() == Some("Coastal Ferry Lines")
                && m.decision.is_confident())
            .count(),
        2,
        "{got:?}"
    );
}
