//! Entity resolution behaviour on small synthetic vaults: exact names, misheard names resolved
//! in context, look-alikes and new people left alone, remembered review answers, the edits fix
//! makes and the review items it raises.

use curator_core::entities::mentions::Kind;
use curator_core::entities::{Decision, Mention};
use curator_core::review::ReviewReason;
use curator_core::settings::Resolution;
use curator_core::{apply_edits, Engine, Settings};

const PEOPLE: &[(&str, &str)] = &[
    (
        "People/Rob Benoit.md",
        "---\ntype: people\ntags: [company/vast-data]\n---\n# Rob Benoit\n",
    ),
    (
        "People/Niko Dukic.md",
        "---\ntype: people\ntags: [company/microsoft]\n---\n# Niko Dukic\n",
    ),
    (
        "People/Clodagh Ibáñez.md",
        "---\ntype: people\n---\n# Clodagh Ibáñez\n",
    ),
    ("People/Jonathan Maier.md", "---\ntype: people\n---\n"),
    ("People/Jonathan Reddy.md", "---\ntype: people\n---\n"),
    ("People/Jürgen.md", "---\ntype: people\n---\n"),
    (
        "Organizations/Alpine Research Consortium.md",
        "---\ntype: organization\n---\n",
    ),
    (
        "Organizations/VAST Data.md",
        "---\ntype: organization\naliases: [VAST]\n---\n",
    ),
];

fn vault(settings: Settings) -> Engine {
    let mut engine = Engine::new(settings);
    for (path, text) in PEOPLE {
        engine.index_mut().upsert(path, text);
    }
    engine
}

fn mentions_of(engine: &mut Engine, path: &str, text: &str) -> Vec<Mention> {
    engine.index_mut().upsert(path, text);
    engine.mentions(path, text)
}

fn find<'a>(mentions: &'a [Mention], text: &str) -> &'a Mention {
    mentions
        .iter()
        .find(|m| m.text == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {mentions:#?}"))
}

const MEETING: &str = "---\ntype: meeting\nparticipants: [\"[[Rob Benoit]]\", \"[[Niko Dukic]]\", Clodagh Eebanez]\n---\n# Sync\n\n- [ ] Ship it @Rob Banga 📅 2025-01-02\n- [ ] Review @NikoDukic\n\n## Transcript\n\n```text\n[00:00:01.00]  Rob BenoitYeah. Hey Nico, ask Clodagh. Juergen agrees. ARC and VAST too.\n```\n";

#[test]
fn resolves_exact_names_and_misheard_ones_in_context() {
    let mut engine = vault(Settings::default());
    let m = mentions_of(&mut engine, "Meetings/Sync.md", MEETING);
    let rob = find(&m, "Rob Benoit");
    assert_eq!(rob.decision, Decision::Exact);
    assert_eq!(rob.resolved.as_deref(), Some("Rob Benoit"));
    let nico = find(&m, "Nico");
    assert_eq!(nico.decision, Decision::Auto, "{nico:#?}");
    assert_eq!(nico.resolved.as_deref(), Some("Niko Dukic"));
    assert!(nico.confidence >= 0.95);
    assert!(
        nico.reasons.iter().any(|r| r.contains("attends")),
        "{nico:#?}"
    );
    assert_eq!(find(&m, "Juergen").resolved.as_deref(), Some("Jürgen"));
    assert_eq!(
        find(&m, "ARC").resolved.as_deref(),
        Some("Alpine Research Consortium")
    );
    assert_eq!(find(&m, "VAST").decision, Decision::Alias);
    let camel = find(&m, "NikoDukic");
    assert_eq!(camel.decision, Decision::Exact);
}

#[test]
fn a_participant_without_a_note_is_not_merged_into_a_look_alike() {
    let mut engine = vault(Settings::default());
    let m = mentions_of(&mut engine, "Meetings/Sync.md", MEETING);
    let participant = find(&m, "Clodagh Eebanez");
    assert!(!participant.decision.is_confident(), "{participant:#?}");
    let first_name = find(&m, "Clodagh");
    assert_eq!(first_name.decision, Decision::Unknown, "{first_name:#?}");
    assert!(first_name.reasons[0].contains("Clodagh Eebanez"));
}

#[test]
fn a_surname_that_ends_an_attendee_s_is_a_stranger_s() {
    // `Raman` ends Venkataraman, but is another surname: the newcomer is not the attendee.
    let mut engine = vault(Settings::default());
    engine
        .index_mut()
        .upsert("People/Priya Venkataraman.md", "---\ntype: people\n---\n");
    let text = "---\ntype: meeting\nattendees: [\"[[Priya Venkataraman]]\"]\n---\n\
                Priya Raman from Infosys joined late.\n";
    let m = mentions_of(&mut engine, "Meetings/Sync.md", text);
    assert!(
        !m.iter().any(|m| m.text != "Priya Venkataraman"
            && m.decision.is_confident()
            && m.resolved.as_deref() == Some("Priya Venkataraman")),
        "{m:#?}"
    );
}

#[test]
fn a_persons_alias_before_a_surname_not_theirs_is_a_stranger_s_name() {
    let mut engine = vault(Settings::default());
    engine.index_mut().upsert(
        "People/Elizabeth Gray.md",
        "---\ntype: people\naliases: [Liz]\n---\n",
    );
    // The note links her first: `Liz` alone is her, `Liz Harrow` someone else.
    let mut linked = |text: &str| -> Vec<String> {
        let text = format!("# Notes\n\nWe met [[Elizabeth Gray]].\n{text}\n");
        (mentions_of(&mut engine, "Notes/Call.md", &text).into_iter())
            .filter(|m| m.decision.is_confident() && m.line == 4)
            .filter_map(|m| m.resolved)
            .collect()
    };
    assert!(linked("Liz Harrow from Tailspin joined late.").is_empty());
    assert_eq!(linked("Liz said the budget is fine."), ["Elizabeth Gray"]);
    assert_eq!(
        linked("Liz Gray said the budget is fine."),
        ["Elizabeth Gray"]
    );
}

#[test]
fn a_participant_only_spelled_like_someone_is_asked_at_the_rate_such_names_are_theirs() {
    let mut engine = vault(Settings::default());
    let text = "---\ntype: meeting\nparticipants: [\"[[Rob Benoit]]\", Jonathan Mayer]\n---\n# \
                Sync\n\n- [ ] Send it @Jonathan Mayer\n";
    let m = mentions_of(&mut engine, "Meetings/Sync.md", text);
    let listed = (m.iter())
        .find(|m| m.text == "Jonathan Mayer" && m.kind == Kind::Participant)
        .expect("the participant");
    assert_eq!(listed.decision, Decision::Review, "{listed:#?}");
    assert_eq!(listed.confidence, 0.25, "{listed:#?}");
    assert!(
        listed.candidates.iter().all(|c| c.score <= 0.25),
        "{listed:#?}"
    );
    assert_eq!(listed.candidates[0].name.as_ref(), "Jonathan Maier");
    // An owner so spelled is the person it is like nearly always: its score stands.
    let owner = (m.iter())
        .find(|m| m.text == "Jonathan Mayer" && m.kind == Kind::Owner)
        .expect("the owner");
    assert!(owner.confidence > 0.25, "{owner:#?}");
}

#[test]
fn a_link_among_the_participants_only_spelled_like_someone_is_asked_as_a_participant() {
    let mut engine = vault(Settings::default());
    let text = "---\ntype: meeting\nparticipants: [Jonathan Mayer]\n---\n# Sync\n\n\
                **Attendees:** [[Rob Benoit]], [[Jonathan Mayer]]\n\n\
                We met [[Jonathan Mayer]] about the rollout.\n";
    let m = mentions_of(&mut engine, "Meetings/Sync.md", text);
    let at = |line: usize| {
        (m.iter())
            .find(|m| m.text == "Jonathan Mayer" && m.line == line)
            .unwrap_or_else(|| panic!("the mention on line {line}: {m:#?}"))
    };
    // The same name in the frontmatter's list and as a link on the attendees line is one
    // question, asked with one confidence.
    for line in [3, 7] {
        let listed = at(line);
        assert_eq!(listed.decision, Decision::Review, "{listed:#?}");
        assert_eq!(listed.confidence, 0.25, "{listed:#?}");
    }
    // A link in prose is no participant: its likeness stands.
    assert!(at(9).confidence > 0.25, "{:#?}", at(9));
}

#[test]
fn a_participant_whose_middle_word_contradicts_someones_is_asked_as_a_look_alike() {
    let mut engine = vault(Settings::default());
    engine
        .index_mut()
        .upsert("People/Pieter van der Berg.md", "---\ntype: person\n---\n");
    let text = "---\ntype: meeting\nparticipants: [Pieter van den Berg]\n---\n# Sync\n";
    let m = mentions_of(&mut engine, "Meetings/Sync.md", text);
    let listed = find(&m, "Pieter van den Berg");
    // Another particle is another family: the likeness of the rest says who, not how likely.
    assert_eq!(listed.decision, Decision::Review, "{listed:#?}");
    assert_eq!(listed.confidence, 0.25, "{listed:#?}");
}

#[test]
fn a_name_spelled_with_everyday_words_in_lowercase_is_the_words() {
    let mut engine = vault(Settings::default());
    engine
        .index_mut()
        .upsert("People/Dawn Field.md", "---\ntype: person\n---\n");
    let text = "---\ntype: meeting\n---\n# Sync\n\nAt dawn field crews start cabling.\n\
                dawn field: we start at six\n";
    let m = mentions_of(&mut engine, "Meetings/Sync.md", text);
    let named: Vec<usize> = (m.iter())
        .filter(|m| m.resolved.as_deref() == Some("Dawn Field"))
        .map(|m| m.line)
        .collect();
    // The line in lowercase throughout, a transcript's, says nothing by its case.
    assert_eq!(named, [7], "{m:#?}");
}

#[test]
fn a_contradicted_surname_is_queued_with_the_right_suggestion() {
    let mut engine = vault(Settings::default());
    let m = mentions_of(&mut engine, "Meetings/Sync.md", MEETING);
    let banga = find(&m, "Rob Banga");
    assert_eq!(banga.decision, Decision::Review, "{banga:#?}");
    assert_eq!(banga.resolved.as_deref(), Some("Rob Benoit"));
    assert!(banga.reasons.iter().any(|r| r.contains("contradicts")));
}

/// A people note's "Recent Context" line, crediting a meeting summary to someone.
fn credited(via: &str, summary_names: &str) -> String {
    format!(
        "---\ntype: people\n---\n# Glenn Quist\n\n## Recent Context\n\n- 2025-10-31: \
         [[2025-10-31 - Intro]] - Weekly 1:1 between Glenn Quist and {summary_names} on \
         cloud strategy... (via {via})\n"
    )
}

#[test]
fn a_credit_with_a_misheard_surname_resolves_to_whom_its_line_names() {
    let mut engine = vault(Settings::default());
    let text = credited("Rob Banga", "Rob Benoit");
    let m = mentions_of(&mut engine, "People/Glenn Quist.md", &text);
    let banga = m
        .iter()
        .find(|m| m.text == "Rob Banga" && m.kind == Kind::Via)
        .unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(banga.decision, Decision::Auto, "{banga:#?}");
    assert_eq!(banga.resolved.as_deref(), Some("Rob Benoit"));
    assert!(banga.confidence >= 0.95);
    assert!(
        banga.reasons.iter().any(|r| r.contains("misheard surname")),
        "{banga:#?}"
    );
}

#[test]
fn a_misheard_surname_needs_the_line_to_name_the_person_and_a_matching_initial() {
    let mut engine = vault(Settings::default());
    // The line names nobody in full: the surname still contradicts.
    let text = credited("Rob Banga", "a partner");
    let m = mentions_of(&mut engine, "People/Glenn Quist.md", &text);
    assert_eq!(find(&m, "Rob Banga").decision, Decision::Review);
    // The surnames start differently: someone else, however the line reads.
    let text = credited("Rob Ganga", "Rob Benoit");
    let m = mentions_of(&mut engine, "People/Glenn Quist.md", &text);
    assert!(!find(&m, "Rob Ganga").decision.is_confident(), "{m:#?}");
    // Prose is not a credit: two Robs on one line may be two people.
    let text = "# Notes\n\nRob Benoit met Rob Banga at the summit.\n";
    let m = mentions_of(&mut engine, "Meetings/Summit.md", text);
    assert!(
        m.iter()
            .filter(|m| m.text.contains("Banga"))
            .all(|m| !m.decision.is_confident()),
        "{m:#?}"
    );
}

#[test]
fn someone_elses_short_alias_does_not_beat_the_meetings_participant() {
    let mut engine = vault(Settings::default());
    engine.index_mut().upsert(
        "People/Oluwaseun Quist.md",
        "---\ntype: people\naliases: [Seun]\n---\n",
    );
    engine
        .index_mut()
        .upsert("People/Oluwaseun Laurent.md", "---\ntype: people\n---\n");
    let text = "---\ntype: meeting\nparticipants: [\"[[Oluwaseun Laurent]]\"]\n---\n# Sync\n\n\
                Seun walked us through the numbers.\n";
    let m = mentions_of(&mut engine, "Meetings/Sync.md", text);
    let seun = find(&m, "Seun");
    assert_ne!(
        seun.resolved.as_deref(),
        Some("Oluwaseun Quist"),
        "{seun:#?}"
    );
    assert!(
        seun.candidates
            .iter()
            .any(|c| &*c.name == "Oluwaseun Laurent"),
        "{seun:#?}"
    );
}

#[test]
fn a_first_name_two_people_share_goes_to_review() {
    let mut engine = vault(Settings::default());
    let m = mentions_of(
        &mut engine,
        "Meetings/Other.md",
        "# Other\n\nLet's ask Jonathan about it.\n",
    );
    let jonathan = find(&m, "Jonathan");
    assert_eq!(jonathan.decision, Decision::Review);
    assert_eq!(jonathan.candidates.len(), 2);
    let report = engine.check(
        "Meetings/Other.md",
        "# Other\n\nLet's ask Jonathan about it.\n",
    );
    assert!(report
        .review
        .iter()
        .any(|r| r.reason == ReviewReason::AmbiguousMention));
}

#[test]
fn accepted_answers_are_used_and_rejected_ones_never_suggested() {
    let mut settings = Settings::default();
    settings.accepted.push(Resolution {
        text: "Rob Banga".into(),
        entity: "Rob Benoit".into(),
    });
    let mut engine = vault(settings);
    let m = mentions_of(&mut engine, "Meetings/Sync.md", MEETING);
    let banga = find(&m, "Rob Banga");
    assert_eq!(banga.decision, Decision::Alias);
    assert_eq!(banga.resolved.as_deref(), Some("Rob Benoit"));

    let mut settings = Settings::default();
    settings.rejected.push(Resolution {
        text: "Nico".into(),
        entity: "Niko Dukic".into(),
    });
    let mut engine = vault(settings);
    let m = mentions_of(&mut engine, "Meetings/Sync.md", MEETING);
    let nico = find(&m, "Nico");
    assert!(
        nico.candidates.iter().all(|c| &*c.name != "Niko Dukic"),
        "{nico:#?}"
    );
    assert_ne!(nico.resolved.as_deref(), Some("Niko Dukic"));
}

#[test]
fn fix_rewrites_links_and_owners_but_never_prose() {
    let mut engine = vault(Settings::default());
    let text = "---\ntype: meeting\nparticipants: [\"[[Niko Dukic]]\", \"[[Rob Benoit]]\"]\n---\n# M\n\n- [ ] Ship @Niko Dukich 📅 2025-01-02\n- [ ] Ask @NikoDukich\n- See [[Niko Dukich|Niko]] and [[Niko Dukich]].\n\nNiko Dukich said hi.\n";
    engine.index_mut().upsert("Meetings/M.md", text);
    let out = engine.fix("Meetings/M.md", text);
    let fixed = out.text.expect("edits");
    assert!(fixed.contains("@Niko Dukic 📅"), "{fixed}");
    assert!(fixed.contains("@NikoDukic\n"), "{fixed}");
    assert!(
        fixed.contains("[[Niko Dukic|Niko]] and [[Niko Dukic]]"),
        "{fixed}"
    );
    assert!(fixed.contains("Niko Dukich said hi."), "{fixed}");
    let again = engine.fix("Meetings/M.md", &fixed);
    assert!(again.text.is_none(), "second fix changed {:?}", again.text);
    let report = engine.check("Meetings/M.md", text);
    let applied = apply_edits(text, &report.edits).unwrap();
    assert!(applied.contains("[[Niko Dukic|Niko]]"));
}

/// What `fix` makes of the meeting `text` in the [`PEOPLE`] vault (`None`: nothing changed).
fn fixed_meeting(text: &str) -> Option<String> {
    let mut engine = vault(Settings::default());
    engine.index_mut().upsert("Meetings/M.md", text);
    engine.fix("Meetings/M.md", text).text
}

#[test]
fn a_user_name_handle_is_never_rewritten_into_a_persons_name() {
    // `@rob2` was read as `@rob` followed by `2`, and fixed into `@Rob Benoit2`.
    let text = "---\ntype: meeting\nparticipants: [\"[[Rob Benoit]]\"]\n---\n# M\n\n- [ ] Ship the build @rob2 📅 2025-01-02\n- [ ] Check logs @niko_d77\n";
    assert_eq!(fixed_meeting(text), None);
}

#[test]
fn a_possessive_handle_keeps_its_text() {
    // `@Niko's comment` was rewritten into `@Niko Dukic comment`, losing the possessive.
    let text = "---\ntype: meeting\nparticipants: [\"[[Niko Dukic]]\"]\n---\n# M\n\n- [ ] Answer @Niko's comment\n- [ ] Review @Niko Dukich's draft\n- [ ] Ask @Niko\n\nSee @Niko Dukic's notes.\n";
    assert_eq!(
        fixed_meeting(text),
        Some(text.replace("- [ ] Ask @Niko\n", "- [ ] Ask @Niko Dukic\n"))
    );
}

#[test]
fn a_one_word_owner_the_meeting_does_not_name_is_asked_about() {
    // `@Niko` in a meeting Niko Dukic neither attends nor is named in was fixed into `@Niko
    // Dukic` at 0.98 on his given name alone: an action item's owner is most often an
    // attendee, and this one may be anyone called so (an attendee's nickname the tables lack).
    let text = "---\ntype: meeting\nparticipants: [\"[[Rob Benoit]]\"]\n---\n# M\n\n\
                - [ ] @Niko send the deck 📅 2025-01-02\n- [ ] Ship it @Rob\n";
    assert_eq!(
        fixed_meeting(text),
        Some(text.replace("@Rob\n", "@Rob Benoit\n"))
    );
    let mut engine = vault(Settings::default());
    let found = mentions_of(&mut engine, "Meetings/M.md", text);
    let niko = find(&found, "Niko");
    assert_eq!(niko.decision, Decision::Review, "{niko:#?}");
    assert_eq!(niko.resolved.as_deref(), Some("Niko Dukic"), "{niko:#?}");
}

#[test]
fn a_whole_name_written_in_lowercase_after_the_at_is_one_handle() {
    // `@niko dukic` was read as `@niko` and the word `dukic`, and fixed into `@Niko Dukic dukic`.
    let text = "---\ntype: meeting\nparticipants: [\"[[Niko Dukic]]\"]\n---\n# M\n\n- [ ] Ship @niko dukic 📅 2025-01-02\n- [ ] Ask @rob benoit now\n";
    assert_eq!(fixed_meeting(text), None);
}

#[test]
fn a_nickname_of_a_persons_alias_is_no_alias_of_theirs() {
    // With `Nico` an alias of Niko Dukic, `[[Nicolas Dukic]]` outside a meeting was rewritten
    // as "an alias of Niko Dukic": only a name written as the alias is one.
    let mut engine = Engine::new(Settings::default());
    engine.index_mut().upsert(
        "People/Niko Dukic.md",
        "---\ntype: people\naliases: [Nico]\n---\n# Niko Dukic\n",
    );
    let text = "# Notes\n\nAsk [[Nicolas Dukic]] and [[Nico Dukic]] about it.\n";
    engine.index_mut().upsert("Notes/N.md", text);
    let fixed = engine.fix("Notes/N.md", text).text.expect("the alias link");
    assert_eq!(
        fixed,
        "# Notes\n\nAsk [[Nicolas Dukic]] and [[Niko Dukic|Nico Dukic]] about it.\n"
    );
}

#[test]
fn a_formal_name_only_a_nickname_reaches_is_asked_beside_someone_it_spells() {
    // `Theodore` was linked to Theo Lindqvist, named on the line before, by the nickname
    // tables, although Theodore Achterberg is called exactly that.
    let mut engine = Engine::new(Settings::default());
    let people = [
        (
            "People/Theo Lindqvist.md",
            "---\ntype: person\ncompany: \"[[Norrsken Freight]]\"\n---\n# Theo Lindqvist\n",
        ),
        ("Orgs/Norrsken Freight.md", "---\ntype: organization\n---\n"),
        (
            "People/Theodore Achterberg.md",
            "---\ntype: person\n---\n# Theodore Achterberg\n",
        ),
    ];
    for (path, text) in people {
        engine.index_mut().upsert(path, text);
    }
    let text = "---\ntype: meeting\n---\n# Sync\n\n- Theo Lindqvist opened the call.\n- The audit of Norrsken Freight, led by Theodore, is late.\n";
    let found = mentions_of(&mut engine, "Meetings/M.md", text);
    let theodore = find(&found, "Theodore");
    assert_eq!(theodore.decision, Decision::Review, "{theodore:#?}");
    // A nickname someone is also called by in full stays theirs: `Theo` is Theo Lindqvist's.
    let theo = find(&found, "Theo Lindqvist");
    assert_eq!(theo.decision, Decision::Exact, "{theo:#?}");
}

#[test]
fn a_middle_word_like_none_of_the_names_is_someone_else() {
    // `Lê Văn Nhung` was linked to the attendee Lê Thị Hồng Nhung at 1.0 (and made owner of
    // her tasks): written with fewer middle words than the name has, each must be one of them.
    let mut engine = Engine::new(Settings::default());
    engine.index_mut().upsert(
        "People/Lê Thị Hồng Nhung.md",
        "---\ntype: person\n---\n# Lê Thị Hồng Nhung\n",
    );
    let text = "---\ntype: meeting\nattendees: [\"[[Lê Thị Hồng Nhung]]\"]\n---\n# Sync\n\n\
                - Lê Văn Nhung will send the deck.\n- Lê Hồng Nhung agreed.\n";
    let found = mentions_of(&mut engine, "Meetings/M.md", text);
    assert!(
        found
            .iter()
            .all(|m| !(m.text.contains("Văn") && m.decision.is_confident())),
        "{found:#?}"
    );
    let hong = find(&found, "Lê Hồng Nhung");
    assert!(hong.decision.is_confident(), "{hong:#?}");
}

#[test]
fn a_spanish_name_is_written_with_its_first_surname_alone() {
    // `Inés Navarro` is how Inés Navarro Gil is called; it was read as a contradiction of
    // `Gil` and asked about as someone without a note.
    let mut engine = Engine::new(Settings::default());
    engine.index_mut().upsert(
        "Personas/Inés Navarro Gil.md",
        "---\ntype: person\n---\n# Inés Navarro Gil\n",
    );
    let text = "---\ntype: meeting\nattendees: [\"[[Inés Navarro Gil]]\"]\n---\n# Acta\n\n\
                - Inés Navarro envió el presupuesto.\n- Inés Gil lo revisa.\n- Inés Moreno no vino.\n";
    let found = mentions_of(&mut engine, "Reuniones/Acta.md", text);
    for written in ["Inés Navarro", "Inés Gil"] {
        let m = find(&found, written);
        assert!(m.decision.is_confident(), "{m:#?}");
    }
    assert!(
        found
            .iter()
            .all(|m| !(m.text.contains("Moreno") && m.decision.is_confident())),
        "{found:#?}"
    );
}

#[test]
fn unknown_participants_of_a_meeting_are_new_people() {
    let mut engine = vault(Settings::default());
    let text = "---\ntype: meeting\nparticipants: [\"[[Rob Benoit]]\", Haruto Kimura]\n---\n# M\n";
    engine.index_mut().upsert("Meetings/M.md", text);
    let report = engine.check("Meetings/M.md", text);
    let item = report
        .review
        .iter()
        .find(|r| r.reason == ReviewReason::NewEntity)
        .expect("new entity item");
    assert!(item.message.contains("Haruto Kimura"));
}

/// An entry of two people joined (`Letícia e Lucas`) is asked about as two people to list
/// apart, not as one person to create.
#[test]
fn an_entry_of_two_people_is_asked_to_be_listed_apart() {
    let mut engine = vault(Settings::default());
    let text =
        "---\ntype: meeting\n---\n# Sync\n\n**Participantes:** Letícia Prado e Lucas Moura\n";
    engine.index_mut().upsert("Meetings/Sync.md", text);
    let report = engine.check("Meetings/Sync.md", text);
    let item = (report.review.iter())
        .find(|r| r.reason == ReviewReason::NewEntity)
        .expect("new entity item");
    assert!(
        item.message
            .contains("may name more than one person in one entry")
            && !item.message.contains("has no note"),
        "{}",
        item.message
    );
}

/// A participant whose name is the title of a note outside the people folders, with no
/// `type`, is not told to "create one": the item says the note exists and how to make it theirs.
#[test]
fn a_participant_titled_by_a_note_of_no_person_is_told_how_to_make_it_theirs() {
    let mut engine = vault(Settings::default());
    engine.index_mut().upsert(
        "Library/Profiles/Ines Varga.md",
        "---\nname: Ines Varga\n---\n# Ines\n",
    );
    let text = "---\ntype: meeting\nparticipants: [Ines Varga]\n---\n# 1:1\n";
    engine.index_mut().upsert("Meetings/M.md", text);
    let report = engine.check("Meetings/M.md", text);
    let item = (report.review.iter())
        .find(|r| r.reason == ReviewReason::NewEntity)
        .expect("new entity item");
    assert!(
        item.message
            .contains("is the title of a note that is no person's")
            && item.message.contains("`type: person`")
            && !item.message.contains("has no note"),
        "{}",
        item.message
    );
}

#[test]
fn a_link_to_a_note_not_written_yet_asks_someone_new_or_a_misspelling() {
    // In a meeting, where a link may be a name misheard, `[[Arpit Mehta]]` shares only a
    // surname with Diven Mehta: the note linked may be someone new as likely as a misspelling,
    // and the question says both (not that it "probably means" Diven Mehta, at 33 %).
    let mut engine = Engine::new(Settings::default());
    engine.index_mut().upsert(
        "People/Diven Mehta.md",
        "---\ntype: people\n---\n# Diven Mehta\n",
    );
    let text = "---\ntype: meeting\n---\n# Intro call\n\n- [[Arpit Mehta]]\n";
    engine.index_mut().upsert("Notes/Call.md", text);
    let report = engine.check("Notes/Call.md", text);
    let reasons: Vec<_> = report.review.iter().map(|r| r.reason).collect();
    assert_eq!(reasons, [ReviewReason::NewEntity], "{:#?}", report.review);
    assert!(report.review[0]
        .message
        .contains("a new person (create a note), or a misspelling"));
}

#[test]
fn a_name_garbled_in_transit_is_not_asked_about_before_it_is_repaired() {
    let mut engine = vault(Settings::default());
    // `@Ayşe Kılıç` saved as UTF-8 read as windows-1252: the owner handle stops inside the
    // garbled letters, and the review would offer to create a note named after them.
    let text = "---\ntype: meeting\nparticipants: [\"[[Rob Benoit]]\"]\n---\n# M\n\n\
                - [ ] Send the quote @AyÅŸe KÄ±lÄ±Ã§ @Rob Benoit\n";
    engine.index_mut().upsert("Meetings/M.md", text);
    let report = engine.check("Meetings/M.md", text);
    assert!(
        report.review.iter().all(|r| !r.message.contains('Ä')),
        "{:#?}",
        report.review
    );
    // Once repaired, the name is someone new like any other.
    let fixed = engine.fix("Meetings/M.md", text).text.expect("the repair");
    assert!(fixed.contains("@Ayşe Kılıç"), "{fixed}");
    engine.index_mut().upsert("Meetings/M.md", &fixed);
    let report = engine.check("Meetings/M.md", &fixed);
    assert!(
        report
            .review
            .iter()
            .any(|r| r.reason == ReviewReason::NewEntity && r.message.contains("Ayşe Kılıç")),
        "{:#?}",
        report.review
    );
}

#[test]
fn vault_review_finds_conflicts_copies_and_duplicates() {
    let mut engine = vault(Settings::default());
    let facts = "## Key Facts\n\n- Runs the storage pilot in Lisbon.\n- Prefers bare metal.\n- Owns the renewal.\n";
    let index = engine.index_mut();
    index.upsert(
        "People/Ana Lima.md",
        &format!("---\ntype: people\ntags: [company/vast-data]\n---\n| **Company** | Microsoft |\n\n{facts}"),
    );
    index.upsert(
        "People/Bo Chen.md",
        &format!("---\ntype: people\n---\n| **Company** | VAST |\n\n{facts}"),
    );
    index.upsert(
        "People/Robert Benoit.md",
        "---\ntype: people\ntags: [company/vast-data]\n---\n",
    );
    let items = engine.vault_review();
    let reasons = |path: &str| -> Vec<ReviewReason> {
        items
            .iter()
            .filter(|i| &*i.path == path)
            .map(|i| i.reason)
            .collect()
    };
    assert!(reasons("People/Ana Lima.md").contains(&ReviewReason::CompanyConflict));
    assert!(!reasons("People/Bo Chen.md").contains(&ReviewReason::CompanyConflict));
    assert!(reasons("People/Ana Lima.md").contains(&ReviewReason::DuplicateFacts));
    assert!(reasons("People/Bo Chen.md").contains(&ReviewReason::DuplicateFacts));
    let dupes: Vec<_> = items
        .iter()
        .filter(|i| i.reason == ReviewReason::DuplicateEntity)
        .collect();
    assert_eq!(dupes.len(), 1, "{items:#?}");
    assert!(dupes[0].message.contains("Rob Benoit") && dupes[0].message.contains("Robert Benoit"));
}

#[test]
fn two_notes_of_one_name_are_told_apart_by_their_folders() {
    let mut engine = vault(Settings::default());
    let person = "---\ntype: people\n---\n# Ilse Varga\n";
    engine.index_mut().upsert("People/Ilse Varga.md", person);
    engine
        .index_mut()
        .upsert("Inbox/Imported/Ilse Varga.md", person);
    let items = engine.vault_review();
    let dupe = items
        .iter()
        .find(|i| i.reason == ReviewReason::DuplicateEntity)
        .expect("a duplicate");
    assert!(
        dupe.message.contains("Inbox/Imported/Ilse Varga.md")
            && dupe.message.contains("People/Ilse Varga.md"),
        "{}",
        dupe.message
    );
}

/// Relatives are no duplicates: a middle name that differs tells father from son, and notes
/// that link each other name two people (a cousin links her cousin; no one links themself).
#[test]
fn relatives_are_not_proposed_for_merging() {
    let mut engine = vault(Settings::default());
    let person = "---\ntype: people\n---\n";
    engine
        .index_mut()
        .upsert("People/Stephen Joseph Copley.md", person);
    engine
        .index_mut()
        .upsert("People/Stephen Michael Copley.md", person);
    engine.index_mut().upsert(
        "People/Lord Elric Kael.md",
        "---\ntype: people\n---\nCousin of [[Lord Elrin Kael]].\n",
    );
    engine
        .index_mut()
        .upsert("People/Lord Elrin Kael.md", person);
    engine.index_mut().upsert("People/Jo Varga.md", person);
    engine.index_mut().upsert(
        "People/Johanna Varga.md",
        "---\ntype: people\n---\nSister of [[Jo Varga]].\n",
    );
    let dupes: Vec<_> = (engine.vault_review().into_iter())
        .filter(|i| i.reason == ReviewReason::DuplicateEntity)
        .map(|i| i.message.to_string())
        .collect();
    assert!(dupes.is_empty(), "{dupes:#?}");
}

/// Two people one list of a meeting names as there are two people, however alike their names:
/// no merge is proposed. A meeting called off, one that marks one of them absent, or one that
/// names them in two lists (one person written two ways, maybe) met no one of them together,
/// and the pair is proposed again.
#[test]
fn people_one_meeting_met_together_are_not_proposed_for_merging() {
    let dupes = |meeting: &str| {
        let mut engine = vault(Settings::default());
        let person = "---\ntype: people\n---\n";
        engine.index_mut().upsert("People/Jon Smith.md", person);
        engine.index_mut().upsert("People/John Smith.md", person);
        engine.index_mut().upsert("Meetings/Sync.md", meeting);
        (engine.vault_review().into_iter())
            .filter(|i| i.reason == ReviewReason::DuplicateEntity)
            .count()
    };
    for met in [
        "---\ntype: meeting\n---\n**Attendees:** [[Jon Smith]], [[John Smith]]\n",
        "---\ntype: meeting\nparticipants: [\"[[Jon Smith]]\", \"[[John Smith]]\"]\n---\n",
        "---\ntype: meeting\n---\n## Attendees\n- Jon Smith\n- John Smith\n",
    ] {
        assert_eq!(dupes(met), 0, "{met}");
    }
    for apart in [
        "---\ntype: meeting\nstatus: cancelled\n---\n**Attendees:** [[Jon Smith]], [[John Smith]]\n",
        "---\ntype: meeting\n---\n**Participants:** [[Jon Smith]], [[John Smith]] (absent)\n",
        "---\ntype: meeting\n---\n**Attendees:** Jon Smith, John Smith (absent)\n",
        "---\ntype: meeting\n---\n**Attendees:** [[Jon Smith]]\n\nSent to [[John Smith]].\n",
        // Each named in another list: one person, maybe, written two ways.
        "---\ntype: meeting\nparticipants: [\"[[John Smith]]\"]\n---\n**Attendees:** Jon Smith\n",
        "---\ntype: meeting\n---\n**Attendees:** [[John Smith]]\n**Participants:** Jon Smith\n",
        "---\ntype: meeting\n---\n**Attendees:** [[John Smith]]\n\n## Attendees\n- Jon Smith\n",
    ] {
        assert_eq!(dupes(apart), 1, "{apart}");
    }
}

#[test]
fn a_numbered_copy_of_a_persons_note_is_merged_into_the_note_not_the_other_way() {
    let mut engine = vault(Settings::default());
    // Obsidian names a second note of one title `… 1`; its path sorts before the original's.
    let person = "---\ntype: people\n---\n";
    engine.index_mut().upsert("People/Ilse Varga 1.md", person);
    engine.index_mut().upsert(
        "People/Ilse Varga.md",
        "---\ntype: people\n---\nLeads the survey.\n",
    );
    let items = engine.vault_review();
    let dupe = items
        .iter()
        .find(|i| i.reason == ReviewReason::DuplicateEntity)
        .expect("a duplicate");
    assert_eq!(&*dupe.path, "People/Ilse Varga 1.md", "{dupe:#?}");
    assert_eq!(
        &*dupe.message,
        "Ilse Varga 1 and Ilse Varga look like one person: merge Ilse Varga 1 into Ilse Varga \
         and keep the other name as an alias"
    );
    assert_eq!(&*dupe.candidates[0].path, "People/Ilse Varga.md");
}

#[test]
fn owner_resolver_returns_only_confident_answers() {
    use curator_core::context::Context;
    use curator_core::Note;
    let mut engine = vault(Settings::default());
    engine.index_mut().upsert("Meetings/Sync.md", MEETING);
    let note = Note::parse("Meetings/Sync.md", MEETING);
    let ctx = Context::for_note(engine.index(), &note);
    let owners = curator_core::entities::OwnerResolver::new(&note, &ctx);
    let owner = |raw: &str| owners.resolve(raw).map(|e| e.title.clone());
    assert_eq!(owner("@NikoDukic").as_deref(), Some("Niko Dukic"));
    assert_eq!(owner("Niko Dukich").as_deref(), Some("Niko Dukic"));
    assert_eq!(owner("Rob Banga"), None);
    assert_eq!(owner("Clodagh Eebanez"), None);
}

#[test]
fn a_handle_given_as_an_alias_owns_tasks_anywhere_as_written() {
    let mut engine = Engine::new(Settings::default());
    engine.index_mut().upsert(
        "People/Layla Haddad.md",
        "---\ntype: person\naliases: [Layla, lhaddad]\n---\n",
    );
    let daily = "# 2026-03-03\n\n- [ ] Order badges @lhaddad\n";
    let m = mentions_of(&mut engine, "Daily/2026-03-03.md", daily);
    // The handle the person note gives, writing her surname, is hers in any note.
    let handle = find(&m, "lhaddad");
    assert_eq!(handle.decision, Decision::Alias, "{handle:#?}");
    assert_eq!(handle.resolved.as_deref(), Some("Layla Haddad"));
    // The alias stays as written: a task query for `@lhaddad` still finds it.
    let report = engine.check("Daily/2026-03-03.md", daily);
    assert!(report.edits.is_empty(), "{:#?}", report.edits);
}

#[test]
fn a_link_written_as_a_path_or_a_file_names_that_note() {
    // Vaults set to write absolute links write `[[People/Jinx]]`; Obsidian opens these too.
    let vault = [("People/Jinx.md", "---\ntype: person\n---\n")];
    let text = "# Log\n\n- [[People/Jinx]] came.\n- [[Jinx.md]] came.\n\n| who |\n|---|\n\
                | [[People/Jinx.md\\|Jinx]] |\n";
    let mentions = |text: &str| {
        let mut engine = Engine::new(Settings::default());
        for (path, note) in vault {
            engine.index_mut().upsert(path, note);
        }
        engine.index_mut().upsert("Log.md", text);
        engine.mentions("Log.md", text)
    };
    let got = mentions(text);
    assert_eq!(got.len(), 3, "{got:?}");
    for m in &got {
        assert_eq!(m.resolved.as_deref(), Some("Jinx"), "{m:?}");
        assert_eq!(m.decision, Decision::Exact, "{m:?}");
    }
    // A path no note of the vault has is a name as written, not the note of its title.
    let got = mentions("# Log\n\n[[Guests/Jinx]] came.\n");
    assert!(
        got.iter().all(|m| m.resolved.as_deref() != Some("Jinx")),
        "{got:?}"
    );
}

/// A vault naming its person notes as slugs (`Ines-Okafor`) or with a surname's initial
/// (`Piet V`), and a meeting writing its people in full.
fn slugs_and_initials() -> Engine {
    let mut engine = Engine::new(Settings::default());
    for path in ["People/Ines-Okafor.md", "People/Piet V.md"] {
        engine.index_mut().upsert(path, "---\ntype: person\n---\n");
    }
    engine
}

#[test]
fn a_note_named_as_a_slug_is_named_by_its_words() {
    let mut engine = slugs_and_initials();
    let text = "---\ntype: meeting\nparticipants: [Ines Okafor]\n---\n# Sync\n\nInes Okafor \
                shared the plan.\n";
    let found = mentions_of(&mut engine, "Meetings/2026-02-03 Sync.md", text);
    let named: Vec<_> = found.iter().filter(|m| m.text == "Ines Okafor").collect();
    assert_eq!(named.len(), 2, "{found:#?}");
    for m in named {
        assert_eq!(m.resolved.as_deref(), Some("Ines-Okafor"), "{m:#?}");
        assert_eq!(m.decision, Decision::Alias, "{m:#?}");
    }
}

#[test]
fn a_surname_the_note_names_by_its_initial_agrees_with_it() {
    let mut engine = slugs_and_initials();
    let text = "---\ntype: meeting\nparticipants: [Piet Vandermeer]\n---\n# Sync\n";
    let found = mentions_of(&mut engine, "Meetings/2026-02-03 Sync.md", text);
    let m = find(&found, "Piet Vandermeer");
    assert_eq!(m.resolved.as_deref(), Some("Piet V"), "{m:#?}");
    assert!(m.confidence >= 0.9, "{m:#?}");
    assert!(
        m.reasons.iter().all(|r| !r.contains("contradicts")),
        "{m:#?}"
    );
}

#[test]
fn a_list_of_names_is_not_one_name_written_surname_first() {
    let mut engine = slugs_and_initials();
    engine
        .index_mut()
        .upsert("People/Marta K.md", "---\ntype: person\n---\n");
    let text = "---\ntype: topic\n---\n# Reviews\n\n- Drafts: Piet V, Marta K, Ines-Okafor\n";
    let found = mentions_of(&mut engine, "Notes/Reviews.md", text);
    let texts: Vec<(&str, Option<&str>)> = found
        .iter()
        .map(|m| (m.text.as_str(), m.resolved.as_deref()))
        .collect();
    assert!(texts.contains(&("Piet V", Some("Piet V"))), "{texts:?}");
    assert!(texts.contains(&("Marta K", Some("Marta K"))), "{texts:?}");
    assert!(texts.iter().all(|(t, _)| !t.contains(',')), "{texts:?}");
}

#[test]
fn a_list_of_given_names_is_not_one_name_written_surname_first() {
    let mut engine = Engine::new(Settings::default());
    for name in [
        "Ryan Kelly",
        "Morgan Ryan",
        "Daron Acemoglu",
        "Graham Allison",
    ] {
        (engine.index_mut()).upsert(&format!("People/{name}.md"), "---\ntype: person\n---\n");
    }
    let text = "---\ntype: note\n---\n# Offsite\n\n\
                We invited Kelly, Ryan and Morgan to the offsite.\n\
                Morgan, Ryan and I drove.\n\n\
                ## Sources\n\n\
                - Acemoglu, Daron, and James Robinson. *Why Nations Fail* (2012)\n\
                - Allison, Graham. *Destined for War* (2017)\n";
    let found = mentions_of(&mut engine, "Notes/Offsite.md", text);
    let confident: Vec<(&str, Option<&str>)> = (found.iter())
        .filter(|m| m.decision.is_confident())
        .map(|m| (m.text.as_str(), m.resolved.as_deref()))
        .collect();
    // `Kelly, Ryan and Morgan` are three people, not Ryan Kelly and someone else.
    assert!(
        confident
            .iter()
            .all(|(t, _)| *t != "Kelly, Ryan" && *t != "Morgan, Ryan"),
        "{confident:?}"
    );
    // An author list goes on with a whole name: its first author is still written surname first.
    assert!(
        confident.contains(&("Acemoglu, Daron", Some("Daron Acemoglu"))),
        "{confident:?}"
    );
    assert!(
        confident.contains(&("Allison, Graham", Some("Graham Allison"))),
        "{confident:?}"
    );
}

#[test]
fn a_meeting_writing_a_namesake_of_an_attendee_exactly_is_asked_which_one() {
    // A transcript spells what it hears: `Shawn Murphy` in a meeting Sean Murphy attends, and
    // Shawn Murphy does not, is as likely Sean misspelled as Shawn. Outside a meeting, or with
    // Shawn attending, the name written is the note so named.
    let mut engine = Engine::new(Settings::default());
    for name in ["Sean Murphy", "Shawn Murphy", "Ana Lima"] {
        (engine.index_mut()).upsert(&format!("People/{name}.md"), "---\ntype: person\n---\n");
    }
    let meeting = |attending: &str| {
        format!(
            "---\ntype: meeting\nparticipants: [\"[[{attending}]]\", \"[[Ana Lima]]\"]\n---\n\
             # Sync\n\nShawn Murphy: let's start.\n\n- [ ] @Shawn Murphy send the deck\n"
        )
    };
    let path = "Meetings/2026-07-01 Sync.md";
    let found = mentions_of(&mut engine, path, &meeting("Sean Murphy"));
    // The speaker's label and the task's owner.
    let heard: Vec<_> = (found.iter())
        .filter(|m| m.text == "Shawn Murphy")
        .collect();
    assert_eq!(heard.len(), 2, "{found:#?}");
    for m in heard {
        assert_eq!(m.decision, Decision::Review, "{m:#?}");
        let names: Vec<&str> = m.candidates.iter().map(|c| &*c.name).collect();
        assert!(
            names.contains(&"Sean Murphy") && names.contains(&"Shawn Murphy"),
            "{m:#?}"
        );
    }
    // Shawn attending, or a typed note: the name is his.
    let found = mentions_of(&mut engine, path, &meeting("Shawn Murphy"));
    let m = find(&found, "Shawn Murphy");
    assert_eq!(m.decision, Decision::Exact, "{m:#?}");
    let typed = "---\ntype: note\n---\n# Notes\n\nShawn Murphy called.\n";
    let found = mentions_of(&mut engine, "Notes/Calls.md", typed);
    assert_eq!(find(&found, "Shawn Murphy").decision, Decision::Exact);
}

#[test]
fn a_name_nobody_has_says_no_person_or_organisation_has_it_whatever_other_notes_exist() {
    let mut engine = vault(Settings::default());
    // A project note is no candidate for a person's name: the reason must not say no note has it.
    engine.index_mut().upsert(
        "Projects/Zebulon.md",
        "---\ntype: project\n---\n# Zebulon\n",
    );
    let mentions = mentions_of(
        &mut engine,
        "Notes/n.md",
        "# Notes\n\nMet [[Zebulon Quayle]] about the move.\n",
    );
    let m = find(&mentions, "Zebulon Quayle");
    assert_eq!(m.decision, Decision::Unknown);
    assert_eq!(
        m.reasons,
        ["no person or organisation has a name like 'Zebulon Quayle'"]
    );
}

#[test]
fn a_word_spelled_almost_as_one_name_is_not_linked_to_another_it_only_sounds_like() {
    let mut engine = vault(Settings::default());
    engine.index_mut().upsert(
        "People/Maarten Visser.md",
        "---\ntype: person\ncompany: \"[[Meridian]]\"\n---\n",
    );
    engine.index_mut().upsert(
        "Organizations/Meridian.md",
        "---\ntype: organization\n---\n",
    );
    let text = "---\ntype: meeting\nparticipants: [\"[[Maarten Visser]]\"]\n---\n# Sync\n\n\
                **Maarten Visser:** The Meridien team asked for a written timeline.\n";
    let m = mentions_of(&mut engine, "Meetings/Sync.md", text);
    let word = find(&m, "Meridien");
    // It sounds like Maarten, who attends and works there, and is spelled almost as Meridian.
    assert_eq!(word.decision, Decision::Review, "{word:#?}");
    assert!(
        (word.reasons.iter()).any(|r| r.contains("spelled almost as Meridian's name")),
        "{word:#?}"
    );
    // And the question says how seldom the sound alone is right.
    assert!(word.confidence <= 0.25, "{word:#?}");
    assert!(
        (word.reasons.iter()).any(|r| r.contains("rarely someone it only sounds like")),
        "{word:#?}"
    );
}

#[test]
fn a_name_written_with_other_accents_is_not_rewritten_into_someones() {
    let mut engine = vault(Settings::default());
    engine
        .index_mut()
        .upsert("People/Nguyễn Thị Hương.md", "---\ntype: person\n---\n");
    let text = "---\ntype: meeting\nparticipants: [\"Nguyễn Thị Hường\"]\n---\n# Sync\n\n\
                - [ ] Share the field report @Nguyễn Thị Hường\n";
    engine.index_mut().upsert("Meetings/Sync.md", text);
    let report = engine.check("Meetings/Sync.md", text);
    // Hường is another name than Hương: asked about, never written over.
    assert!(report.edits.is_empty(), "{:#?}", report.edits);
    let m = engine.mentions("Meetings/Sync.md", text);
    assert!(m.iter().all(|m| !m.decision.is_confident()), "{m:#?}");
    // Written without accents, it is her name.
    let plain = "---\ntype: meeting\nparticipants: [\"Nguyen Thi Huong\"]\n---\n# Sync\n";
    let m = mentions_of(&mut engine, "Meetings/Plain.md", plain);
    assert_eq!(
        find(&m, "Nguyen Thi Huong").resolved.as_deref(),
        Some("Nguyễn Thị Hương")
    );
}

#[test]
fn a_link_to_an_attachment_names_the_file_not_a_person() {
    let mut engine = vault(Settings::default());
    let text = "# Reading list\n\n- Rob's notes: [[Rob Benoit.pdf]]\n- [[Rob Benoit]]\n";
    let m = mentions_of(&mut engine, "Notes/List.md", text);
    assert!(m.iter().all(|m| !m.text.contains(".pdf")), "{m:#?}");
    assert_eq!(
        find(&m, "Rob Benoit").resolved.as_deref(),
        Some("Rob Benoit")
    );
}

#[test]
fn a_company_left_as_a_template_variable_is_no_workplace() {
    let mut engine = vault(Settings::default());
    for (path, company) in [
        ("People/Chase Fitzpatrick.md", "\"{{company}}\""),
        ("People/Katherine Chase.md", "\"[[Contoso]]\""),
    ] {
        let text = format!("---\ntype: person\ncompany: {company}\n---\n");
        engine.index_mut().upsert(path, &text);
    }
    engine
        .index_mut()
        .upsert("Organizations/Contoso.md", "---\ntype: organization\n---\n");
    let text = "---\ntype: meeting\nparticipants: [\"[[Chase Fitzpatrick]]\", \"[[Katherine \
                Chase]]\"]\n---\n# Sync\n\nThe company asked Contoso. Is Chase blocked?\n";
    let m = mentions_of(&mut engine, "Meetings/Sync.md", text);
    let chase = find(&m, "Chase");
    let evidence: Vec<&str> = (chase.candidates.iter())
        .flat_map(|c| c.evidence.iter().map(|e| e.words.as_ref()))
        .collect();
    assert!(
        !evidence.iter().any(|e| e.contains("works at company")),
        "{chase:#?}"
    );
}
