//! Confident resolutions made visible: `(via …)` credits naming the canonical person, and the
//! opt-in `mentions` property of meeting notes, end to end through `Engine::fix`.

use curator_core::settings::Resolution;
use curator_core::{Engine, Settings};

const PEOPLE: &[(&str, &str)] = &[
    (
        "People/Rob Benoit.md",
        "---\ntype: people\n---\n# Rob Benoit\n",
    ),
    (
        "People/Niko Dukic.md",
        "---\ntype: people\n---\n# Niko Dukic\n",
    ),
    ("People/Håkon Lindvik.md", "---\ntype: people\n---\n"),
    ("People/Jonathan Maier.md", "---\ntype: people\n---\n"),
    ("People/Jonathan Reddy.md", "---\ntype: people\n---\n"),
    (
        "Organizations/VAST Data.md",
        "---\ntype: organization\naliases: [VAST]\n---\n",
    ),
];

fn engine(settings: Settings, notes: &[(&str, &str)]) -> Engine {
    let mut engine = Engine::new(settings);
    for (path, text) in PEOPLE.iter().chain(notes) {
        engine.index_mut().upsert(path, text);
    }
    engine
}

/// The note at `path` fixed in a vault that holds it, and fixed once more: nothing changes.
fn fix(settings: Settings, path: &str, text: &str) -> String {
    fix_in(settings, &[], path, text)
}

/// The note at `path` fixed in a vault with `others` beside it, and fixed once more: nothing
/// changes.
fn fix_in(settings: Settings, others: &[(&str, &str)], path: &str, text: &str) -> String {
    let mut notes = others.to_vec();
    notes.push((path, text));
    let engine = engine(settings, &notes);
    let out = engine.fix(path, text);
    assert!(out.error.is_none(), "{:?}", out.error);
    let fixed = out.text.unwrap_or_else(|| text.to_string());
    let mut again = engine;
    again.index_mut().upsert(path, &fixed);
    assert_eq!(
        again.fix(path, &fixed).text,
        None,
        "a second fix changed {fixed}"
    );
    fixed
}

fn credit(via: &str) -> String {
    format!(
        "---\ntype: people\n---\n# Glenn Quist\n\n- 2025-10-31: [[2025-10-31 - Intro]] - \
         Weekly 1:1 between Glenn Quist and Rob Benoit on cloud strategy... (via {via})\n"
    )
}

#[test]
fn a_misheard_credit_names_the_person_in_the_style_it_was_written() {
    let path = "People/Glenn Quist.md";
    assert_eq!(
        fix(Settings::default(), path, &credit("Rob Banga")),
        credit("Rob Benoit")
    );
    // A credit written as a link is a link target, and stays a link.
    assert_eq!(
        fix(Settings::default(), path, &credit("[[Rob Benoit]]")),
        credit("[[Rob Benoit]]")
    );
    // Names exactly right, names nobody has a note for, and names left to review stay.
    for via in ["Rob Benoit", "Model Builder Turbine", "Rob Ganga"] {
        assert_eq!(
            fix(Settings::default(), path, &credit(via)),
            credit(via),
            "{via}"
        );
    }
    // With the rule off, credits stay as written.
    let mut off = Settings::default();
    off.rules.insert("entityLinks".into(), false);
    assert_eq!(fix(off, path, &credit("Rob Banga")), credit("Rob Banga"));
}

/// A credit a look-alike only spells (`(via Omar Khalid)` beside the note Omar Khalil, whom
/// nothing else in the note names) may name someone without a note: it stays, and is asked
/// about, as a participant of that name is.
#[test]
fn a_credit_only_spelled_like_someone_stays_and_is_asked_about() {
    let people = [("People/Omar Khalil.md", "---\ntype: person\n---\n")];
    let text = "---\ntype: meeting\ndate: 2026-05-22\n---\n\n- Intro to the distributor (via Omar Khalid)\n";
    stays_and_is_asked_about(people[0], text, "Omar Khalid", Some("Omar Khalil"));
}

/// The review items of the meeting `text` at `Meetings/M.md`, beside `person`.
fn meeting_review(person: (&str, &str), text: &str) -> Vec<curator_core::ReviewItem> {
    let engine = engine(Settings::default(), &[person, ("Meetings/M.md", text)]);
    engine.check("Meetings/M.md", text).review
}

/// Fixing the meeting `text` beside `person` changes nothing, and its review asks about `name`
/// (with `candidate` first, when given).
fn stays_and_is_asked_about(person: (&str, &str), text: &str, name: &str, candidate: Option<&str>) {
    assert_eq!(
        fix_in(Settings::default(), &[person], "Meetings/M.md", text),
        text
    );
    let review = meeting_review(person, text);
    assert!(
        review.iter().any(|i| i.name.as_deref() == Some(name)
            && candidate.is_none_or(|c| i.candidates.first().is_some_and(|f| &*f.name == c))),
        "{review:?}"
    );
}

/// `@Adaeze Update the roadmap`: the verb opens the task, it is no surname to ask about; but
/// a capitalised word after a given name may be a surname too, so the handle is not completed
/// before it (`@Beatrice Ask` of a Beatrice Ask without a note, beside Beatrice Lindqvist,
/// would read `@Beatrice Lindqvist Ask`). A name that goes on with a particle, or with a
/// hyphen no ASCII one, is not completed either.
#[test]
fn an_owner_before_an_action_verb_is_the_given_names_person() {
    let people = [
        ("People/Adaeze Nwosu.md", "---\ntype: person\n---\n"),
        ("People/Beatrice Lindqvist.md", "---\ntype: person\n---\n"),
        ("People/Jan Jansen.md", "---\ntype: person\n---\n"),
    ];
    let text = "**Participants:** Adaeze Nwosu, Beatrice Lindqvist, Jan Jansen\n\n\
                - [ ] @Adaeze Update the roadmap\n- [ ] Get the vendor quote @Beatrice Ask\n\
                - [ ] @Beatrice Ask to circulate the minutes\n- [ ] Contract to @Jan van\n\
                - [ ] @Jan\u{2011}Erik sends it\n";
    assert_eq!(
        fix_in(Settings::default(), &people, "Meetings/M.md", text),
        text
    );
    let adaeze = "**Participants:** Adaeze Nwosu\n\n- [ ] @Adaeze Update the roadmap\n";
    assert_eq!(meeting_review(people[0], adaeze), vec![]);
}

/// `@Ford` beside the organisation Ford and the attendee Ford Adeyemi: an owner is a person.
#[test]
fn an_owner_is_an_attendee_not_an_organisation_of_the_name() {
    let notes = [
        ("People/Ford Adeyemi.md", "---\ntype: person\n---\n"),
        ("Organizations/Ford.md", "---\ntype: organization\n---\n"),
    ];
    let text = "**Participants:** Ford Adeyemi\n\n- [ ] @Ford review the fleet lease\n";
    assert_eq!(
        fix_in(Settings::default(), &notes, "Meetings/M.md", text),
        "**Participants:** Ford Adeyemi\n\n- [ ] @Ford Adeyemi review the fleet lease\n"
    );
}

/// `[[Priya Raghunathan Onboarding]]`, a note about her not written yet, is no new person.
#[test]
fn a_link_to_a_note_about_someone_is_not_asked_about_as_a_person() {
    let people = [("People/Priya Raghunathan.md", "---\ntype: person\n---\n")];
    let text = "---\ntype: meeting\n---\nCarried over from [[Priya Raghunathan Onboarding]] \
                and [[Review Priya Raghunathan]].\n";
    assert_eq!(meeting_review(people[0], text), vec![]);
}

/// A handle stopped inside a name (`@Abdullah al-mansour`, read as `@Abdullah`, `@Sanne the
/// Vries` as `@Sanne`) is never completed in place, which would write the name's end twice; a
/// particle joined to a
/// capitalised name (`al-Harbi`) is a word of the handle, compared without the particle.
#[test]
fn an_owner_whose_name_goes_on_after_the_handle_stays() {
    let people = [
        ("People/Abdullah Al Mansour.md", "---\ntype: person\n---\n"),
        ("People/Khalid al-Farsi.md", "---\ntype: person\n---\n"),
    ];
    let text = "**Participants:** Abdullah Al Mansour, Khalid al-Farsi\n\n\
                - [ ] @Abdullah al-mansour relancer la facture\n\
                - [ ] @Khalid al-Harbi chase the invoice\n";
    assert_eq!(
        fix_in(Settings::default(), &people, "Meetings/M.md", text),
        text
    );
    // A particle misheard (`the` for `de`) before the name's last word: completing the handle
    // would write `@Sanne de Vries the Vries`.
    let people = [("People/Sanne de Vries.md", "---\ntype: person\n---\n")];
    let text = "**Participants:** [[Sanne de Vries]]\n\n\
                - [ ] Review the pricing proposal @Sanne the Vries 🔼\n\
                - [ ] @Sanne the deck\n";
    assert_eq!(
        fix_in(Settings::default(), &people, "Meetings/M.md", text),
        text.replace("@Sanne the deck", "@Sanne de Vries the deck")
    );
    // Particles run together (`vander`), a curly apostrophe inside the surname, and a name
    // still garbled after the handle's first letters: each would leave its tail behind.
    let people = [
        ("People/Joost van der Meulen.md", "---\ntype: person\n---\n"),
        ("People/Saoirse O'Dowd.md", "---\ntype: person\n---\n"),
        ("People/Trần Đức Bảo.md", "---\ntype: person\n---\n"),
    ];
    let text = "**Participants:** Joost van der Meulen, Saoirse O'Dowd, Trần Đức Bảo\n\n\
                - [ ] Share the metrics @Joost vander Meulen\n\
                - [ ] Send the SOW @Saoirse O’Dowd\n\
                - [ ] Check the totals @Tráº§nÄá»©cBáº£o\n";
    assert_eq!(
        fix_in(Settings::default(), &people, "Meetings/M.md", text),
        text
    );
}

/// `@Anne Müller` beside the note Anna Müller, whom nothing else in the note names: the
/// nickname tables pair Anne with Anna, but an owner is written as its writer meant it.
#[test]
fn an_owner_only_a_nickname_table_pairs_with_someone_is_asked_about() {
    let person = ("People/Anna Müller.md", "---\ntype: person\n---\n");
    let text = "---\ntype: meeting\n---\n- [ ] @Anne Müller envoyer la présentation\n";
    stays_and_is_asked_about(person, text, "Anne Müller", None);
}

/// German capitalises nouns: `den Vertrag` after an owner is the task, no `van den` of a name.
#[test]
fn an_owner_before_a_particle_and_a_noun_ends_before_them() {
    let people = [("People/Thomas Müller.md", "---\ntype: person\n---\n")];
    let head = "**Participants:** Thomas Müller\n\n";
    let text =
        format!("{head}- [ ] @Thomas Mueller den Vertrag prüfen\n- [ ] @Thomas den Raum buchen\n");
    assert_eq!(
        fix_in(Settings::default(), &people, "Meetings/M.md", &text),
        format!("{head}- [ ] @Thomas Müller den Vertrag prüfen\n- [ ] @Thomas den Raum buchen\n")
    );
    assert_eq!(meeting_review(people[0], &text), vec![]);
}

fn mention_links() -> Settings {
    let mut s = Settings::default();
    s.rules.insert("mentionLinks".into(), true);
    s
}

const MEETING: &str = "---\ntype: meeting\ntags: [meeting] # kept\n---\n# Sync\n\n**Participants:** Niko Dukic, Hakon Lindvik\n\n## Transcript\n\n```text\n[00:01] Niko Dukic: Rob Benoit said VAST Data is ready. Ask Jonathan. Jo Reddie agrees.\n```\n";

#[test]
fn a_meeting_lists_whom_it_names_with_confidence_and_its_body_stays() {
    let path = "Meetings/2025-03-04 Sync.md";
    let fixed = fix(mention_links(), path, MEETING);
    let (head, body) = fixed.split_at(fixed.find("# Sync").unwrap_or(0));
    assert_eq!(
        head,
        "---\ntype: meeting\ntags: [meeting] # kept\nmentions: [\"[[Niko Dukic]]\", \"[[Håkon Lindvik]]\", \"[[Rob Benoit]]\", \"[[VAST Data]]\"]\n---\n"
    );
    // The body is never rewritten; `Jonathan` could be two people and is not linked, nor is
    // `Jo Reddie`, whom nothing settles until a review answer does (below).
    assert!(MEETING.ends_with(body));
    // Off by default: the note is untouched.
    assert_eq!(fix(Settings::default(), path, MEETING), MEETING);
    // Not a meeting: nothing.
    let person = "---\ntype: people\n---\nMet Rob Benoit.\n";
    assert_eq!(
        fix(mention_links(), "People/Glenn Quist.md", person),
        person
    );
}

#[test]
fn the_property_follows_review_answers_and_keeps_what_is_not_its_own() {
    let path = "Meetings/2025-03-04 Sync.md";
    // A block list with a user's own item and a stale link to a person the note never names.
    let text = MEETING.replace(
        "tags: [meeting] # kept\n",
        "tags: [meeting] # kept\nmentions:\n  - \"[[Jonathan Maier]]\"\n  - \"[[Project Apollo]]\"\n  - \"[[Niko Dukic]]\"\n",
    );
    let mut settings = mention_links();
    settings.rejected.push(Resolution {
        text: "Rob Benoit".into(),
        entity: "Rob Benoit".into(),
    });
    settings.accepted.push(Resolution {
        text: "Jo Reddie".into(),
        entity: "Jonathan Reddy".into(),
    });
    let fixed = fix(settings, path, &text);
    let head = &fixed[..fixed.find("# Sync").unwrap_or(0)];
    assert_eq!(
        head,
        "---\ntype: meeting\ntags: [meeting] # kept\nmentions:\n  - \"[[Project Apollo]]\"\n  - \"[[Niko Dukic]]\"\n  - \"[[Håkon Lindvik]]\"\n  - \"[[VAST Data]]\"\n  - \"[[Jonathan Reddy]]\"\n---\n"
    );
}

#[test]
fn the_property_key_is_configurable_and_never_a_participants_list() {
    let path = "Meetings/2025-03-04 Sync.md";
    let mut settings = mention_links();
    settings.mentions_key = "people".into();
    assert!(fix(settings, path, MEETING).contains("\npeople: [\"[[Niko Dukic]]\""));
    let mut settings = mention_links();
    settings.mentions_key = "participants".into();
    assert_eq!(fix(settings, path, MEETING), MEETING);
}

#[test]
fn a_single_word_of_prose_is_linked_only_when_the_note_names_its_entity_otherwise() {
    let path = "Meetings/2025-03-04 Sync.md";
    let text =
        "---\ntype: meeting\n---\n**Participants:** Niko Dukic\n\nVAST is ready, Niko says.\n";
    let fixed = fix(mention_links(), path, text);
    assert!(
        fixed.contains("mentions: [\"[[Niko Dukic]]\"]\n"),
        "{fixed}"
    );
    let text = text.replace("ready,", "ready (VAST Data confirmed),");
    let fixed = fix(mention_links(), path, &text);
    assert!(
        fixed.contains("mentions: [\"[[Niko Dukic]]\", \"[[VAST Data]]\"]\n"),
        "{fixed}"
    );
}

/// A note of `body` lines in a vault with a person known by a longer alias than her title; the
/// note links her in its last line.
fn linking(body: &str) -> String {
    let path = "Notes/Garden club.md";
    let text = format!("# Garden club\n\n{body}\n\n[[Gwen]] hosts.\n");
    let mut engine = engine(
        Settings::default(),
        &[
            (
                "People/Gwen.md",
                "---\ntype: people\naliases: [Gwendolyn Ashworth]\n---\n",
            ),
            (path, &text),
        ],
    );
    let out = engine.fix(path, &text);
    assert!(out.error.is_none(), "{:?}", out.error);
    let fixed = out.text.unwrap_or_else(|| text.clone());
    engine.index_mut().upsert(path, &fixed);
    assert_eq!(
        engine.fix(path, &fixed).text,
        None,
        "a second fix changed {fixed}"
    );
    (fixed.trim_start_matches("# Garden club\n\n"))
        .trim_end_matches("\n\n[[Gwen]] hosts.\n")
        .to_string()
}

#[test]
fn a_corrected_link_shows_what_it_showed_unless_it_wrote_the_title() {
    // The title spelled another way: the link now reads as the title.
    assert_eq!(
        fix(
            Settings::default(),
            "Notes/Trip.md",
            "# Trip\n\nAsk [[Hakon Lindvik]] about the boat.\n"
        ),
        "# Trip\n\nAsk [[Håkon Lindvik]] about the boat.\n"
    );
    // An alias misspelled: the link points at the note and reads as written.
    assert_eq!(
        linking("Seeds from [[Gwendolyn Ashwort]] today."),
        "Seeds from [[Gwen|Gwendolyn Ashwort]] today."
    );
    // Its heading kept, shown the way Obsidian shows it; in a table the separator escaped.
    assert_eq!(
        linking("See [[Gwendolyn Ashwort#Bulbs]]."),
        "See [[Gwen#Bulbs|Gwendolyn Ashwort > Bulbs]]."
    );
    assert_eq!(
        linking("| who | brings |\n|---|---|\n| [[Gwendolyn Ashwort]] | seeds |"),
        "| who | brings |\n|---|---|\n| [[Gwen\\|Gwendolyn Ashwort]] | seeds |"
    );
    // A display of its own stays; an embed is no mention of anyone.
    assert_eq!(
        linking("Seeds from [[Gwendolyn Ashwort|her]] today."),
        "Seeds from [[Gwen|her]] today."
    );
    assert_eq!(linking("![[Gwendolyn Ashwort]]"), "![[Gwendolyn Ashwort]]");
}

#[test]
fn a_possessive_link_keeps_its_possessive() {
    assert_eq!(
        fix(
            Settings::default(),
            "Notes/Trip.md",
            "# Trip\n\n[[Håkon Lindvik's]] boat is ready.\n"
        ),
        "# Trip\n\n[[Håkon Lindvik|Håkon Lindvik's]] boat is ready.\n"
    );
}

/// `text` fixed as `Notes/Vendors.md` in a vault with `others` beside it (see [`fix_in`]).
fn fix_among(others: &[(&str, &str)], text: &str) -> String {
    fix_in(Settings::default(), others, "Notes/Vendors.md", text)
}

#[test]
fn a_link_to_an_alias_becomes_the_link_obsidian_writes_for_it() {
    // Obsidian opens no note by an alias: `[[VAST]]` opens nothing, and Obsidian's own
    // suggestion writes `[[VAST Data|VAST]]`.
    for (before, after) in [
        ("We met [[VAST]].\n", "We met [[VAST Data|VAST]].\n"),
        (
            "We met [[VAST|the vendor]].\n",
            "We met [[VAST Data|the vendor]].\n",
        ),
        (
            "See [[VAST#Pricing]].\n",
            "See [[VAST Data#Pricing|VAST > Pricing]].\n",
        ),
        (
            "| vendor |\n| --- |\n| [[VAST]] |\n",
            "| vendor |\n| --- |\n| [[VAST Data\\|VAST]] |\n",
        ),
    ] {
        assert_eq!(fix_among(&[], before), after, "{before}");
    }
    // An embed, and a link in code, stay as written.
    for text in ["![[VAST]]\n", "`[[VAST]]`\n"] {
        assert_eq!(fix_among(&[], text), text);
    }
    // A note titled so is what the link opens.
    let titled = [("Topics/VAST.md", "# VAST\n")];
    assert_eq!(
        fix_among(&titled, "We met [[VAST]].\n"),
        "We met [[VAST]].\n"
    );
    // A title without its qualifier is no name the note declares: the link may be for a
    // namesake's note not written yet, which the qualifier tells apart.
    let qualified = [("People/Wang Fang (Hanoi).md", "---\ntype: person\n---\n")];
    assert_eq!(
        fix_among(&qualified, "Met [[Wang Fang]] today.\n"),
        "Met [[Wang Fang]] today.\n"
    );
    let aliased = [(
        "People/Wang Fang (Hanoi).md",
        "---\ntype: person\naliases: [Wang Fang]\n---\n",
    )];
    assert_eq!(
        fix_among(&aliased, "Met [[Wang Fang]] today.\n"),
        "Met [[Wang Fang (Hanoi)|Wang Fang]] today.\n"
    );
    // An alias two notes have names neither for sure.
    let twice = [(
        "Organizations/Vast Horizons.md",
        "---\ntype: organization\naliases: [VAST]\n---\n",
    )];
    assert_eq!(
        fix_among(&twice, "We met [[VAST]].\n"),
        "We met [[VAST]].\n"
    );
    // With the rule off, links stay as written.
    let mut off = Settings::default();
    off.rules.insert("entityLinks".into(), false);
    let text = "We met [[VAST]].\n";
    assert_eq!(engine(off, &[]).fix("Notes/Vendors.md", text).text, None);
}

#[test]
fn a_link_that_opens_a_note_or_names_another_stays_as_written() {
    // A note titled as an organisation's alias is what the link opens, also where the line
    // names the organisation too.
    let stub = [
        ("Stubs/a16z.md", "---\ntags: [entity]\n---\n# a16z\n"),
        (
            "Organizations/Andreessen Horowitz.md",
            "---\ntype: organization\naliases: [a16z]\n---\n",
        ),
    ];
    let text = "[[Andreessen Horowitz]] | [[a16z]] | pricing\n";
    assert_eq!(fix_among(&stub, text), text);
    // A number is part of a name: `[[Media]]` is no `360 Media`.
    let numbered = [(
        "Organizations/360 Media.md",
        "---\ntype: organization\n---\n",
    )];
    let text = "See [[Media]], not [[360 Media]].\n";
    assert_eq!(fix_among(&numbered, text), text);
}

#[test]
fn a_link_spelled_with_accents_its_note_lacks_keeps_showing_them() {
    let renee = [("People/Renee Dupont.md", "---\ntype: person\n---\n")];
    assert_eq!(
        fix_among(&renee, "Cited by [[Renée Dupont]].\n"),
        "Cited by [[Renee Dupont|Renée Dupont]].\n"
    );
    // Written without the accents the note has, the link is only retargeted.
    assert_eq!(
        fix_among(&[], "Met [[Hakon Lindvik]].\n"),
        "Met [[Håkon Lindvik]].\n"
    );
}

#[test]
fn a_link_spelled_with_marks_its_file_name_lacks_keeps_showing_them() {
    // A file name drops what a name is written with (`Jr.`, `Acme, Inc.`): the link opens the
    // note and still reads as its writer wrote it.
    let notes = [
        (
            "People/Robert Gabriel Jr.md",
            "---\ntype: person\n---\n# Robert Gabriel Jr.\n",
        ),
        (
            "Organizations/Acme Inc.md",
            "---\ntype: organization\n---\n",
        ),
        (
            "People/Dr Jane Roe.md",
            "---\ntype: person\n---\n# Dr. Jane Roe\n",
        ),
    ];
    for (before, after) in [
        (
            "- [[Robert Gabriel Jr.]] - Deputy NSA\n",
            "- [[Robert Gabriel Jr|Robert Gabriel Jr.]] - Deputy NSA\n",
        ),
        (
            "Signed with [[Acme, Inc.]] today.\n",
            "Signed with [[Acme Inc|Acme, Inc.]] today.\n",
        ),
        (
            "Met [[Dr. Jane Roe]].\n",
            "Met [[Dr Jane Roe|Dr. Jane Roe]].\n",
        ),
    ] {
        assert_eq!(fix_among(&notes, before), after);
    }
}

#[test]
fn a_participant_is_not_someone_another_entry_names() {
    // `Li` may be Huang Li, whose given name it is: asked, never written as Li Na.
    let people = [
        ("People/Li Na.md", "---\ntype: person\n---\n"),
        ("People/Huang Li.md", "---\ntype: person\n---\n"),
    ];
    let text = "---\ntype: meeting\nparticipants:\n  - Li\n  - \"[[Li Na]]\"\n---\n# Sync\n";
    let mut notes = people.to_vec();
    notes.push(("Meetings/Sync.md", text));
    let engine = engine(Settings::default(), &notes);
    assert_eq!(engine.fix("Meetings/Sync.md", text).text, None);
    let li = engine
        .mentions("Meetings/Sync.md", text)
        .into_iter()
        .find(|m| m.text == "Li")
        .expect("Li is a mention");
    assert_eq!(
        li.decision,
        curator_core::entities::Decision::Review,
        "{li:#?}"
    );
    assert!(li.confidence <= 0.5, "{li:#?}");
}

/// Two entries of one participants line that both resolve by likeness to one person are two
/// people, one of whom has no note: the entry that writes the name (accents aside) is them,
/// the other is asked about. Neither the filled placeholder nor the other's task names the
/// person twice.
#[test]
fn two_entries_like_one_person_are_two_people() {
    let people = [("People/Gökhan Yıldız.md", "---\ntype: person\n---\n")];
    let text = "---\ntype: meeting\ndate: 2026-03-02\nparticipants: [{{PARTICIPANTS}}]\n---\n\
                **Participants:** Gokhan Yildiz, Gökhan Yıldırım\n\n\
                - [ ] Draft the rollout plan @Gökhan Yıldırım\n";
    let fixed = fix_in(Settings::default(), &people, "Meetings/Sync.md", text);
    assert!(
        fixed.contains("participants: [\"[[Gökhan Yıldız]]\", Gökhan Yıldırım]"),
        "{fixed}"
    );
    assert!(fixed.contains("@Gökhan Yıldırım\n"), "{fixed}");
    // Neither writes the name: both are asked about, neither is linked.
    let text = "---\ntype: meeting\ndate: 2026-03-02\nparticipants: [{{PARTICIPANTS}}]\n---\n\
                **Participants:** Gokhan Yildi, Gökhan Yıldırım\n";
    let fixed = fix_in(Settings::default(), &people, "Meetings/Sync.md", text);
    assert!(!fixed.contains("[[Gökhan Yıldız]]"), "{fixed}");
}

/// An entry of the **Participants:** line written as the frontmatter lists someone without a
/// note (`[[Mateo Ruis]]` beside `[[Mateo Ruiz]]`) is that person, not the one it is spelled
/// like.
#[test]
fn a_line_entry_is_the_newcomer_the_other_list_names() {
    let people = [("People/Mateo Ruiz.md", "---\ntype: person\n---\n")];
    let text = "---\ntype: meeting\ndate: 2026-03-02\n\
                participants: [\"[[Mateo Ruiz]]\", \"[[Mateo Ruis]]\"]\n---\n\
                **Participants:** Mateo Ruis, Dana Wu\n";
    let mut notes = people.to_vec();
    notes.push(("Meetings/Sync.md", text));
    let engine = engine(Settings::default(), &notes);
    let mentions = engine.mentions("Meetings/Sync.md", text);
    let entry = (mentions.iter())
        .find(|m| m.text == "Mateo Ruis" && m.line == 6)
        .unwrap_or_else(|| panic!("the line's entry is a mention: {mentions:#?}"));
    assert!(!entry.decision.is_confident(), "{entry:#?}");
}

/// Namesakes: a participant or a link written as a link opens one note, by its title or by
/// its path, whatever other notes share the name; it is that note, never a question.
#[test]
fn a_link_to_a_namesake_opens_its_note() {
    let people = [
        ("People/Oskar Lind.md", "---\ntype: person\n---\n"),
        (
            "People/Oskar Lind (Vattenfall).md",
            "---\ntype: person\ncompany: Vattenfall\n---\n",
        ),
        ("People/Kestrel/Mei Tan.md", "---\ntype: person\n---\n"),
        ("People/Orinoco/Mei Tan.md", "---\ntype: person\n---\n"),
    ];
    let text = "---\ntype: meeting\ndate: 2026-03-02\nparticipants: [\"[[Oskar Lind]]\", \
                \"[[People/Orinoco/Mei Tan|Mei Tan]]\"]\n---\n\
                - [ ] Review the plan [[People/Orinoco/Mei Tan|Mei Tan]]\n";
    let mut notes = people.to_vec();
    notes.push(("Meetings/Sync.md", text));
    // A link by path to a note that is no person's names that note.
    let project = "See [[Projects/Oskar Lind]].\n";
    let mut with_project = notes.clone();
    with_project.push(("Projects/Oskar Lind.md", "---\ntype: project\n---\n"));
    with_project.push(("Notes/See.md", project));
    let projects = engine(Settings::default(), &with_project);
    assert!(projects.mentions("Notes/See.md", project).is_empty());
    let engine = engine(Settings::default(), &notes);
    assert_eq!(engine.fix("Meetings/Sync.md", text).text, None);
    let mentions = engine.mentions("Meetings/Sync.md", text);
    for (written, path) in [
        ("Oskar Lind", "People/Oskar Lind.md"),
        ("People/Orinoco/Mei Tan", "People/Orinoco/Mei Tan.md"),
        (
            "People/Orinoco/Mei Tan|Mei Tan",
            "People/Orinoco/Mei Tan.md",
        ),
    ] {
        let m = (mentions.iter())
            .find(|m| m.text == written)
            .unwrap_or_else(|| panic!("{written} is a mention: {mentions:#?}"));
        assert_eq!(
            m.decision,
            curator_core::entities::Decision::Exact,
            "{m:#?}"
        );
        assert_eq!(&*m.candidates[0].path, path, "{m:#?}");
    }
}

/// A handle is rewritten only to a name it can hold: never to a title with a qualifier
/// (`Oskar Lind (Vattenfall)`), nor where the name goes on after it, accents aside
/// (`@Kristin Olafs dottir` for Kristín Ólafsdóttir).
#[test]
fn a_handle_is_rewritten_only_to_a_name_it_can_hold() {
    let people = [
        (
            "People/Oskar Lind (Vattenfall).md",
            "---\ntype: person\ncompany: Vattenfall\n---\n",
        ),
        ("People/Kristín Ólafsdóttir.md", "---\ntype: person\n---\n"),
    ];
    for text in [
        "---\ntype: meeting\nparticipants: [\"[[Oskar Lind (Vattenfall)]]\"]\n---\n\
         - [ ] Prepare the forecast @Oskar Lindh\n",
        "---\ntype: meeting\nparticipants: [\"[[Kristín Ólafsdóttir]]\"]\n---\n\
         - [ ] Collect the findings @Kristin Olafs dottir\n",
    ] {
        assert_eq!(fix_among(&people, text), text);
    }
    // A word after the handle that only ends the name's letters is no part of it.
    let sato = [("People/Hiroshi Satō.md", "---\ntype: person\n---\n")];
    assert_eq!(
        fix_among(&sato, "- [ ] @Hiroshi Sato to send the deck\n"),
        "- [ ] @Hiroshi Satō to send the deck\n"
    );
}

/// Two owners of one task are two people: an owner spelled like the one beside it, who writes
/// the name, is someone else, never rewritten into a task owned twice by one person. Others
/// spelled so stay corrected.
#[test]
fn two_owners_of_a_task_are_two_people() {
    let people = [("People/Marit van Dijk.md", "---\ntype: person\n---\n")];
    let text = "# Notes\n\n- [ ] Pair on the rollout plan @Marit van Dijk @Marit van Dyk\n\
                - [ ] Send the minutes @Marit van Dyk\n";
    let fixed = fix_in(Settings::default(), &people, "Meetings/Sync.md", text);
    assert!(
        fixed.contains("@Marit van Dijk @Marit van Dyk\n"),
        "{fixed}"
    );
    assert!(fixed.contains("minutes @Marit van Dijk\n"), "{fixed}");
    // The owner beside it only asked about as that person counts too.
    let people = [
        ("People/Owen Hughes.md", "---\ntype: person\n---\n"),
        ("People/Olwen Price.md", "---\ntype: person\n---\n"),
    ];
    let text = "---\ntype: meeting\n---\n**Participants:** Owen Hughes, Olwen Price\n\n\
                - [ ] Review the draft @Owen @Owain\n";
    let fixed = fix_in(Settings::default(), &people, "Meetings/Sync.md", text);
    assert!(!fixed.contains("@Owen Hughes"), "{fixed}");
}

/// A given name alone names someone by their given name: only by chance is it like an
/// attendee's surname (`@Dave` beside Amy Davies, `@Ian` beside Sara Ewan), and it is not
/// rewritten to them.
#[test]
fn a_given_name_alone_is_not_someone_whose_surname_it_is_like() {
    let people = [
        ("People/Amy Davies.md", "---\ntype: person\n---\n"),
        ("People/Tina Robb.md", "---\ntype: person\n---\n"),
        ("People/Sara Ewan.md", "---\ntype: person\n---\n"),
    ];
    let text = "---\ntype: meeting\n---\n**Participants:** Amy Davies, Tina Robb, Sara Ewan\n\n\
                - [ ] Send the deck @Dave\n- [ ] Book the room @Rob\n- [ ] Call them @Ian\n";
    let fixed = fix_in(Settings::default(), &people, "Meetings/Sync.md", text);
    assert_eq!(fixed, text);
}

/// A handle a task query of the vault searches for is how the vault finds the task: it stays
/// as written, while a handle no query searches for is still completed.
#[test]
fn a_handle_a_task_query_searches_for_stays_as_written() {
    let people = [
        ("People/Owen Prentice.md", "---\ntype: person\n---\n"),
        ("People/Håkon Lindvik.md", "---\ntype: person\n---\n"),
        (
            "Mine.md",
            "```tasks\nnot done\ndescription includes @owen\n```\n\n\
             ```dataview\nTASK WHERE contains(text, \"@hlindvik\")\n```\n",
        ),
    ];
    let text = "---\ntype: meeting\n---\n**Participants:** Owen Prentice, Håkon Lindvik\n\n\
                - [ ] Review the draft @owen\n- [ ] Review the plan @hlindvik\n\
                - [ ] Review the budget @Hakon\n";
    let fixed = fix_in(Settings::default(), &people, "Meetings/Sync.md", text);
    assert!(fixed.contains("draft @owen\n"), "{fixed}");
    // Completed, it opens with the handle as written: the query still finds it.
    let opens = text.replace("@owen", "@Owen");
    let fixed = fix_in(Settings::default(), &people, "Meetings/Sync.md", &opens);
    assert!(fixed.contains("draft @Owen Prentice\n"), "{fixed}");
    assert!(fixed.contains("plan @hlindvik\n"), "{fixed}");
    assert!(fixed.contains("budget @Håkon Lindvik\n"), "{fixed}");
}

/// A handle any task query opens a word with is searched for, however the query is written: a
/// Tasks regex or boolean filter, a `dataviewjs` script. An address's `@` is none.
#[test]
fn a_handle_a_regex_boolean_or_script_query_searches_for_stays_as_written() {
    let text = "---\ntype: meeting\n---\n**Participants:** Owen Prentice\n\n\
                - [ ] Review the draft @owen\n";
    // The meeting fixed in a vault whose dashboard holds `query`.
    let fixed_beside = |query: &str| {
        let people = [
            ("People/Owen Prentice.md", "---\ntype: person\n---\n"),
            ("Mine.md", query),
        ];
        fix_in(Settings::default(), &people, "Meetings/Sync.md", text)
    };
    for query in [
        "```tasks\ndescription regex matches /@owen/i\n```\n",
        "```tasks\n(description includes @owen) OR (description includes @sara)\n```\n",
        "```dataviewjs\ndv.taskList(dv.pages().file.tasks.where(t => t.text.includes('@owen')))\n```\n",
    ] {
        assert_eq!(fixed_beside(query), text, "{query}");
    }
    // Text no query searches tasks for: an address, a comment, a note's folder, what a script
    // prints, a heading filter; and a handle that opens a full name the query searches for
    // whole, which `@owen` completed to that name is found by.
    for query in [
        "```dataviewjs\ndv.paragraph('mail owen@example.com')\n```\n",
        "```tasks\n# was: description includes @owen\nnot done\n```\n",
        "```dataview\n// @owen asked for this table\nTASK WHERE contains(text, \"#todo\")\n```\n",
        "```dataview\nTASK FROM \"@owen\"\n```\n",
        "```dataviewjs\ndv.paragraph(\"Mail: @owen on slack\")\n```\n",
        "```dataviewjs\ndv.taskList(dv.pages().file.tasks.where(t => t.text.length > 3)) // owner @owen\n```\n",
        "```tasks\npath includes People/@owen\nheading includes @owen\n```\n",
        "```tasks\ndescription includes @Owen Prentice\n```\n",
        "```tasks\ndescription includes @owen prentice\n```\n",
        "```dataviewjs\ndv.taskList(dv.pages().file.tasks.where(t => t.text.includes('@Owen Prentice')))\n```\n",
    ] {
        let fixed = fixed_beside(query);
        assert!(fixed.contains("draft @Owen Prentice\n"), "{query}: {fixed}");
    }
}

/// A person whose note is their folder's README (`People/Jonsi Stefansson/README.md`) is named
/// by the folder: mentions resolve to them, and a link retargeted to them is written with the
/// note's path, the one target that opens it among the vault's many READMEs. Nobody becomes
/// "README", and two such people are no duplicates of one another.
#[test]
fn a_folder_note_is_named_by_its_folder_and_linked_by_its_path() {
    let others = [
        (
            "People/Jonsi Stefansson/README.md",
            "---\ntype: people\ntitle: Jonsi Stefansson\naliases: [Jonsi Stephenson]\n---\n",
        ),
        ("People/Lior Genzel/README.md", "---\ntype: people\n---\n"),
        ("README.md", "# Notes\n"),
    ];
    let meeting = "---\ntype: meeting\nparticipants:\n- Jonsi Stefansson\n- Lior Genzel\n---\n\
                   **Account**: [[Jonsi Stephenson]]\n\n\
                   - [ ] Text Jason after the meeting @Jonsi #task\n";
    let fixed = fix_in(Settings::default(), &others, "Meetings/Kickoff.md", meeting);
    assert_eq!(
        fixed,
        "---\ntype: meeting\nparticipants:\n- Jonsi Stefansson\n- Lior Genzel\n---\n\
         **Account**: [[People/Jonsi Stefansson/README|Jonsi Stephenson]]\n\n\
         - [ ] Text Jason after the meeting @Jonsi Stefansson #task\n"
    );
    let mut notes = others.to_vec();
    notes.push(("Meetings/Kickoff.md", meeting));
    let engine = engine(Settings::default(), &notes);
    let report = engine.check("Meetings/Kickoff.md", meeting);
    assert!(report.review.is_empty(), "{:#?}", report.review);
    assert!(
        engine.vault_review().is_empty(),
        "{:#?}",
        engine.vault_review()
    );
}

/// A handle outside a task is the writer's text, kept as written (`@Niko, let's sync` in a
/// quoted e-mail); a task's owner is written as the vault names them.
#[test]
fn only_a_tasks_owner_handle_is_rewritten() {
    let note = "---\ntype: meeting\nparticipants: [Niko Dukic]\n---\n\
                > @Niko, let's sync on the pipeline.\n\n\
                - [ ] Share the slides @Niko\n";
    assert_eq!(
        fix(Settings::default(), "Meetings/Sync.md", note),
        "---\ntype: meeting\nparticipants: [Niko Dukic]\n---\n\
         > @Niko, let's sync on the pipeline.\n\n\
         - [ ] Share the slides @Niko Dukic\n"
    );
}

/// Surnames have no short forms: `Anson`, the end of the alias `Jonsi Stefanson`, is someone
/// else, and nobody asks whether it is Jonsi.
#[test]
fn the_end_of_a_surname_is_no_short_form() {
    let others = [(
        "People/Jonsi Stefansson.md",
        "---\ntype: people\naliases: [Jonsi Stefanson]\n---\n",
    )];
    let meeting =
        "---\ntype: meeting\n---\n**Participants:** Wendy Hale, Anson, Jonsi Stefansson\n";
    let mut notes = others.to_vec();
    notes.push(("Meetings/Sync.md", meeting));
    let engine = engine(Settings::default(), &notes);
    let report = engine.check("Meetings/Sync.md", meeting);
    let about_anson: Vec<_> = (report.review.iter())
        .filter(|r| r.message.contains("Anson") && r.message.contains("Jonsi"))
        .collect();
    assert!(about_anson.is_empty(), "{about_anson:#?}");
}

/// An account's name (`@niko_d`, `@niko.dukic`) and a possessive without its apostrophe
/// (`@Nikos notes`) keep their text in a task; a name is written as the vault names them.
#[test]
fn account_names_and_possessives_keep_their_text() {
    let note = "---\ntype: meeting\nparticipants: [Niko Dukic]\n---\n\
                - [ ] Post the notes from the @niko_d account\n\
                - [ ] Mail @niko.dukic the deck\n\
                - [ ] Review @Nikos notes before Friday\n\
                - [ ] Ship the build @Niko\n";
    let fixed = fix(Settings::default(), "Meetings/Sync.md", note);
    assert_eq!(
        fixed,
        note.replace("build @Niko\n", "build @Niko Dukic\n"),
        "{fixed}"
    );
}

/// A task's owner is a person: an organisation sharing the word (`Morgan Stanley`) is no
/// candidate for `@Morgan`, whom the meeting's Morgan Lee is.
#[test]
fn an_organisation_owns_no_task() {
    let others = [
        ("People/Morgan Lee.md", "---\ntype: people\n---\n"),
        (
            "Organizations/Morgan Stanley.md",
            "---\ntype: organization\n---\n",
        ),
    ];
    let meeting = "---\ntype: meeting\nparticipants: [Morgan Lee]\n---\n\
                   - [ ] Send the term sheet @Morgan\n";
    assert_eq!(
        fix_in(Settings::default(), &others, "Meetings/Deal.md", meeting),
        meeting.replace("@Morgan\n", "@Morgan Lee\n")
    );
}

/// A participant written as the title of their note already (`Anson (Qi)`, whose `Anson`
/// resolves to the note of that title) is left as written: rewriting the name read from it
/// would repeat the rest of the title at every fix.
#[test]
fn a_name_written_as_its_title_with_a_tail_is_left_alone() {
    let others = [("People/Anson (Qi)/README.md", "---\ntype: people\n---\n")];
    let meeting = "---\ntype: meeting\nparticipants: [\"Jeff Denworth\", \"Anson (Qi)\"]\n---\n\
                   - Anson (Qi) (last name unknown)\n";
    assert_eq!(
        fix_in(Settings::default(), &others, "Meetings/Sync.md", meeting),
        meeting
    );
}

/// A link whose name the line writes again, plain (`[[Jay Paul]] (the Jay Paul Company)`), says
/// what its writer meant: it is not retargeted to the person it sounds like and the note links
/// elsewhere, as the same link alone is.
#[test]
fn a_link_named_again_plain_beside_it_is_meant() {
    let others = [(
        "People/Jay Powell.md",
        "---\ntype: people\n---\n# Jay Powell\n",
    )];
    let note = |line: &str| format!("# Office market\n\nRates: [[Jay Powell]] held.\n\n{line}\n");
    let meant = note("Landlords: [[Jay Paul]] (the Jay Paul Company) is leasing.");
    assert_eq!(
        fix_in(Settings::default(), &others, "Notes/Office.md", &meant),
        meant
    );
    let misheard = note("Landlords: [[Jay Paul]] is leasing.");
    assert_ne!(
        fix_in(Settings::default(), &others, "Notes/Office.md", &misheard),
        misheard
    );
}

/// `Robert` written for the Bill Gates of the vault names a Robert: the nickname data set lists
/// Bill under Robert too, as it was once said, but nobody called William is written Robert.
/// `William` still is Bill.
#[test]
fn a_formal_name_of_another_is_not_a_nickname() {
    let others = [("People/Bill Gates.md", "---\ntype: people\n---\n")];
    let meeting = |owner: &str| {
        format!(
            "---\ntype: meeting\nparticipants: [Bill Gates]\n---\n- [ ] Send the memo {owner}\n"
        )
    };
    let robert = meeting("@RobertGates");
    assert_eq!(
        fix_in(Settings::default(), &others, "Meetings/Board.md", &robert),
        robert
    );
    let william = meeting("@WilliamGates");
    assert_eq!(
        fix_in(Settings::default(), &others, "Meetings/Board.md", &william),
        meeting("@BillGates")
    );
}

/// A participant written by the name they go by (`Josh Cameron` for the note Joshua Cameron)
/// is written right and stays; a misspelled one (`Joshua Camron`) is corrected, and one
/// written without the accents of their note's title (`Hakon Lindvik`) takes them.
#[test]
fn a_participant_written_by_their_nickname_stays() {
    let others = [("People/Joshua Cameron.md", "---\ntype: people\n---\n")];
    let meeting = "---\ntype: meeting\nattendees: [Josh Cameron, Hakon Lindvik]\n---\n\
                   Speakers: [[Joshua Cameron|Josh Cameron]] and Rob.\n";
    assert_eq!(
        fix_in(
            Settings::default(),
            &others,
            "Meetings/All hands.md",
            meeting
        ),
        meeting.replace("Hakon Lindvik]", "Håkon Lindvik]")
    );
    let misspelled = meeting.replace("Josh Cameron,", "Joshua Camron,");
    assert_eq!(
        fix_in(
            Settings::default(),
            &others,
            "Meetings/All hands.md",
            &misspelled
        ),
        meeting
            .replace("Hakon Lindvik]", "Håkon Lindvik]")
            .replace("Josh Cameron,", "Joshua Cameron,")
    );
}

/// `Jan` and `John` both come from Johann, and are two names: a `John` the meeting lists and
/// owning a task is no Jan Niemus, the vault's only person of either name.
#[test]
fn john_is_no_jan() {
    let others = [(
        "People/Jan Niemus/README.md",
        "---\ntype: people\ntitle: Jan Niemus\n---\n# Jan Niemus\n",
    )];
    let meeting = "---\ntype: meeting\nparticipants: [Jason Vallery, Tomer, John]\n---\n\
                   - [x] Circulate the onboarding plan @John ✅ 2025-11-08\n";
    assert_eq!(
        fix_in(Settings::default(), &others, "Meetings/Cloud.md", meeting),
        meeting
    );
}

/// A meeting's link to a person's folder note (`[[People/Jan Niemus/README]]`) is a contact
/// with that person alone: every other `README` person note keeps its `last_contact`.
#[test]
fn a_link_to_a_folder_note_moves_that_persons_last_contact_alone() {
    let jan = "---\ntype: people\nlast_contact: '2025-10-29'\n---\n# Jan Niemus\n";
    let ana = "---\ntype: people\nlast_contact: '2025-09-16'\n---\n# Ana Mehra\n";
    let meeting = "---\ntype: meeting\ndate: 2025-11-03\n\
                   participants: [\"[[People/Jan Niemus/README]]\"]\n---\n";
    let notes = [
        ("People/Jan Niemus/README.md", jan),
        ("People/Ana Mehra/README.md", ana),
        ("Meetings/Cloud.md", meeting),
    ];
    assert_eq!(
        fix_in(
            Settings::default(),
            &notes[1..],
            "People/Jan Niemus/README.md",
            jan
        ),
        jan.replace("2025-10-29", "2025-11-03")
    );
    let others = [notes[0], notes[2]];
    assert_eq!(
        fix_in(
            Settings::default(),
            &others,
            "People/Ana Mehra/README.md",
            ana
        ),
        ana
    );
}

/// A participant written by the given name alone (`Jürgen (last name unknown)`) may be anyone
/// called so: it is not completed to the vault's only Juergen, in a list or in a filled
/// placeholder. One of two people whose note they share (`Brandon & Priscilla Dodsworth`) is
/// not rewritten to both.
#[test]
fn a_given_name_alone_or_one_of_a_couple_stays_as_written() {
    let others = [
        ("People/Juergen Willis.md", "---\ntype: people\n---\n"),
        (
            "People/Brandon & Priscilla Dodsworth.md",
            "---\ntype: people\n---\n",
        ),
    ];
    let listed = "---\ntype: meeting\nparticipants:\n- Jason Vallery\n\
                  - Jürgen (last name unknown)\n- Brandon Dodsworth\n- Priscilla Dodsworth\n---\n";
    assert_eq!(
        fix_in(Settings::default(), &others, "Meetings/Silk.md", listed),
        listed
    );
    let filled = "---\ntype: meeting\nparticipants: [{ { PARTICIPANTS } }]\n---\n\
                  **Participants:** Jason Vallery, Jürgen\n";
    assert_eq!(
        fix_in(Settings::default(), &others, "Meetings/Silk.md", filled),
        filled.replace("{ { PARTICIPANTS } }", "Jason Vallery, Jürgen")
    );
}

/// A link to a person's alias opens their note (`[[Bobby]]` → `[[Robert Tan|Bobby]]`), but not
/// after an article, where the alias names an office (`The [[Roadmaster]] is …`), nor in the
/// person's own note, which it would link to itself. `that` joins clauses: no article.
#[test]
fn an_alias_link_after_an_article_or_in_its_own_note_stays() {
    let person = "---\ntype: people\naliases: [Roadmaster, Bobby]\n---\n\
                  The leaders vote for the [[Roadmaster]]. [[Bobby]] serves for life.\n";
    let session = "The [[Roadmaster]] is [[Robert Tan]]; after that [[Bobby]] led for 19 years.\n";
    let others = [("People/Robert Tan.md", person)];
    assert_eq!(
        fix_in(Settings::default(), &others, "Sessions/82.md", session),
        session.replace("that [[Bobby]]", "that [[Robert Tan|Bobby]]")
    );
    assert_eq!(
        fix_in(Settings::default(), &[], "People/Robert Tan.md", person),
        person
    );
}

/// A handle opening a firm's name joined by `&` (`@Ernst & Young`) names no person: it owns no
/// task and is not completed to an attendee called Ernst.
#[test]
fn a_handle_opening_a_firms_name_is_no_owner() {
    let others = [("People/Ernst Vogel.md", "---\ntype: people\n---\n")];
    let meeting = "---\ntype: meeting\nparticipants: [Ernst Vogel]\n---\n\
                   - [ ] Send the trial balance @Ernst & Young\n";
    assert_eq!(
        fix_in(Settings::default(), &others, "Meetings/Audit.md", meeting),
        meeting
    );
}

/// Two entries of one participants list are two people: an owner or a link written as the
/// entry `John Castillo` (or `Peter Zielinski`, on a `**Participants:**` line) is not the other
/// entry's Juan Castillo (Piotr Zielinski), however alike they sound.
#[test]
fn an_owner_written_as_another_entry_of_the_list_is_that_entry() {
    let others = [("People/Juan Castillo.md", "---\ntype: people\n---\n")];
    let meeting = "---\ntype: meeting\nparticipants: [Juan Castillo, John Castillo]\n---\n\
                   - [ ] Sign off the budget @John Castillo\n\
                   - [ ] Send the summary to [[John Castillo]]\n";
    assert_eq!(
        fix_in(
            Settings::default(),
            &others,
            "Meetings/Handover.md",
            meeting
        ),
        meeting
    );
    let others = [("People/Piotr Zielinski.md", "---\ntype: people\n---\n")];
    let on_a_line = "**Participants:** Piotr Zielinski, Peter Zielinski\n\n\
                     - [ ] Send the summary to [[Peter Zielinski]]\n";
    assert_eq!(
        fix_in(
            Settings::default(),
            &others,
            "Meetings/Review.md",
            on_a_line
        ),
        on_a_line
    );
}

/// Names that are two genders' of one name (`Mario`, `Maria`; `Daniel`, `Danielle`) are two
/// people, and a surname that only begins a double-barrelled one (`Stanley` of Stanley-Reyes)
/// is not it misheard.
#[test]
fn another_genders_name_or_the_start_of_a_surname_is_not_misheard() {
    let others = [
        ("People/Maria Lopez.md", "---\ntype: people\n---\n"),
        ("People/Daniel Kim.md", "---\ntype: people\n---\n"),
        ("People/Morgan Stanley-Reyes.md", "---\ntype: people\n---\n"),
    ];
    let meeting =
        "---\ntype: meeting\nparticipants: [Maria Lopez, Daniel Kim, Morgan Stanley-Reyes]\n---\n\
                   - [ ] Sign the lease @Mario Lopez\n\
                   - [ ] Draft the hiring plan @Danielle Kim\n\
                   - [ ] Send the term sheet to [[Morgan Stanley]]\n";
    assert_eq!(
        fix_in(Settings::default(), &others, "Meetings/Lease.md", meeting),
        meeting
    );
}

/// A note whose file name is its slug (`alex-wissner-gross.md`) is named by the `name` it was
/// made from (`Alex Wissner-Gross`): a link written so opens it, as a link to an alias does.
#[test]
fn a_slug_named_note_is_named_by_its_name_property() {
    let others = [
        (
            "People/alex-wissner-gross.md",
            "---\nname: Alex Wissner-Gross\ntype: person\n---\n",
        ),
        ("People/alex.md", "---\nname: Alex\ntype: person\n---\n"),
    ];
    let meeting = "---\ntype: meeting\n---\nIntro with [[Alex Wissner-Gross]].\n";
    assert_eq!(
        fix_in(Settings::default(), &others, "Meetings/Intro.md", meeting),
        meeting.replace("[[Alex", "[[alex-wissner-gross|Alex")
    );
}

/// A credit written by a name the person goes by, a short form of theirs (`(via Morgan
/// Stanley)` for Morgan Stanley-Reyes) or their given name alone (`(via Morgan)`), is written
/// right and stays (a misheard one is corrected: see above).
#[test]
fn a_credit_written_by_a_name_they_go_by_stays() {
    let others = [("People/Morgan Stanley-Reyes.md", "---\ntype: people\n---\n")];
    let meeting = "---\ntype: meeting\nparticipants: [Morgan Stanley-Reyes]\n---\n\
                   - Prep the term sheet (via Morgan Stanley)\n\
                   - Book the audit (via Morgan)\n";
    assert_eq!(
        fix_in(Settings::default(), &others, "Meetings/Deal.md", meeting),
        meeting
    );
}

/// A vault that names its people's notes by slug (`people/bill-larsen.md`, `name: Bill
/// Larsen`): a participant written by a formal name the note's name is a nickname of (`William
/// Larsen`), or by a given name alone (`Patrick`, which the nickname data set lists under
/// Peter), is someone the writer named right, never rewritten to the slug. A misheard name is
/// corrected to the name the note gives, not to its slug.
#[test]
fn a_slug_named_persons_participants_stay_as_written() {
    let others = [
        (
            "people/bill-larsen.md",
            "---\nname: \"Bill Larsen\"\ntype: people\n---\n# Bill Larsen\n",
        ),
        (
            "people/peter-walsh.md",
            "---\nname: Peter Walsh\ntype: people\n---\n# Peter Walsh\n",
        ),
    ];
    for attendees in [
        "[Todd Hart, William Larsen]",
        "[Todd Hart, William]",
        "[Patrick]",
    ] {
        let meeting =
            format!("---\ntype: meeting\ndate: 2026-02-20\nattendees: {attendees}\n---\n# Call\n");
        assert_eq!(
            fix_in(Settings::default(), &others, "meetings/call.md", &meeting),
            meeting,
            "{attendees}"
        );
    }
    let misheard =
        "---\ntype: meeting\ndate: 2026-02-20\nattendees: [Peter Walch]\n---\n# Call\n\n\
                    [[peter-walsh|Peter]] opened the call.\n";
    assert_eq!(
        fix_in(Settings::default(), &others, "meetings/call.md", misheard),
        misheard.replace("Peter Walch", "Peter Walsh")
    );
}

/// A credit names a person: `(via MyQuest)`, a portal's name beside an organisation the note
/// names, stays as written.
#[test]
fn a_credit_is_never_rewritten_to_an_organisation() {
    let others = [(
        "companies/quest-diagnostics.md",
        "---\nname: Quest Diagnostics\ntype: organization\n---\n# Quest Diagnostics\n",
    )];
    let note = "# Lab apps\n\nResults from **Quest Diagnostics** (via MyQuest) in the US.\n";
    assert_eq!(
        fix_in(Settings::default(), &others, "concepts/lab-apps.md", note),
        note
    );
}

/// A person note whose title was garbled in transit (`SÃ¸ren KjÃ¦rgaard`) never spreads the
/// garble: names written right stay as written.
#[test]
fn no_name_is_rewritten_into_a_garbled_title() {
    let others = [
        ("People/SÃ¸ren KjÃ¦rgaard.md", "---\ntype: people\n---\n"),
        ("People/Lars Holm.md", "---\ntype: people\n---\n"),
    ];
    let meeting =
        "---\ntype: meeting\nparticipants: [\"[[Søren Kjærgaard]]\", \"[[Lars Holm]]\"]\n\
                   ---\n# Sync\n\n- [ ] Draft plan @Søren\n- [ ] Review with [[Søren Kjærgaard]]\n";
    assert_eq!(
        fix_in(Settings::default(), &others, "Meetings/Sync.md", meeting),
        meeting
    );
}

/// Names written with the letters of their language (`@Jürgen`, `Nguyễn Văn An`) beside notes
/// a pipeline titled in ASCII (Jurgen Muller) are spelled better than the notes: handles and
/// participants stay as written, and a link keeps showing the name as written.
#[test]
fn a_name_spelled_with_its_accents_is_not_written_in_ascii() {
    let others = [
        ("People/Jurgen Muller.md", "---\ntype: people\n---\n"),
        ("People/Nguyen Van An.md", "---\ntype: people\n---\n"),
    ];
    let meeting =
        "---\ntype: meeting\nparticipants: [Nguyễn Văn An, Jürgen Müller]\n---\n# Sync\n\n\
                   - [ ] Budget @Jürgen\n- [ ] Review with [[Nguyễn Văn An]]\n";
    assert_eq!(
        fix_in(Settings::default(), &others, "Meetings/Sync.md", meeting),
        meeting.replace("[[Nguyễn Văn An]]", "[[Nguyen Van An|Nguyễn Văn An]]")
    );
}

#[test]
fn a_link_in_a_heading_is_the_headings_text_and_stays() {
    let people = [("People/Chiamaka Eze.md", "---\ntype: person\n---\n")];
    let text =
        "**Participants:** Chiamaka Eze\n\n## Notes from [[Chiamaka Ezeh]]\n\nShe presented.\n";
    assert_eq!(
        fix_in(Settings::default(), &people, "Meetings/M.md", text),
        text
    );
}

#[test]
fn a_name_read_out_of_garbled_text_is_not_rewritten() {
    let people = [
        ("People/Zoë Ådahl.md", "---\ntype: person\n---\n"),
        ("People/Jürgen Weiß.md", "---\ntype: person\n---\n"),
    ];
    // The note sets a garble against its repair: it documents mojibake, and keeps it.
    let text = "**Participants:** Zoë Ådahl, Jürgen Weiß\n\n- [ ] Review @ZoÃ« Ã…dahl\n- [ ] Ping @JÃ¼rgen\n\nZoÃ« = Zoë\n";
    assert_eq!(
        fix_in(Settings::default(), &people, "Meetings/M.md", text),
        text
    );
}

#[test]
fn an_owner_is_never_rewritten_inside_a_longer_name() {
    let people = [
        ("People/Aino Virtanen.md", "---\ntype: person\n---\n"),
        ("People/Maria Clara Sousa.md", "---\ntype: person\n---\n"),
        ("People/Mohammadreza Karimi.md", "---\ntype: person\n---\n"),
    ];
    let text = "**Participants:** Aino Virtanen, Maria Clara Sousa, Mohammadreza Karimi\n\n\
                - [ ] Send the budget @Aino\u{a0}Virtanen\n\
                - [ ] Book flights @Mohammad\u{200c}reza Karimi\n\
                - [ ] Legal review @Maria Clara Souza Lima\n";
    assert_eq!(
        fix_in(Settings::default(), &people, "Meetings/M.md", text),
        text
    );
}

#[test]
fn an_owner_written_apart_or_decomposed_is_corrected_whole_or_not_at_all() {
    let people = [
        ("People/Mariana Costa.md", "---\ntype: person\n---\n"),
        ("People/Tomasz Wiśniewski.md", "---\ntype: person\n---\n"),
        ("People/Zoë Ångström.md", "---\ntype: person\n---\n"),
    ];
    let head = "**Participants:** Mariana Costa, Tomasz Wiśniewski, Zoë Ångström\n\n";
    // Words apart by two spaces, a tab or a wider space: the handle may go on, and stays.
    let apart = format!(
        "{head}- [ ] @Mariana  Costa review\n- [ ] @Mariana\tCosta sign\n\
         - [ ] @Tomasz\u{2002}Wiśniewski send\n"
    );
    assert_eq!(
        fix_in(Settings::default(), &people, "Meetings/M.md", &apart),
        apart
    );
    // A no-break space parts the words, and stays a space between them.
    let nbsp = format!("{head}- [ ] @Mariana\u{a0}Costta review\n");
    assert_eq!(
        fix_in(Settings::default(), &people, "Meetings/M.md", &nbsp),
        format!("{head}- [ ] @Mariana Costa review\n")
    );
    // Accents written apart from their letters (`o\u{308}`) are the word's: it is read whole.
    let decomposed = format!(
        "{head}- [ ] @Zoe A\u{30a}ngstro\u{308}m send\n- [ ] @Tomasz Wis\u{301}niewsky draft\n"
    );
    assert_eq!(
        fix_in(Settings::default(), &people, "Meetings/M.md", &decomposed),
        format!("{head}- [ ] @Zoë Ångström send\n- [ ] @Tomasz Wiśniewski draft\n")
    );
}

#[test]
fn a_participant_link_with_more_around_it_stays_whole() {
    let people = [("People/Fatou Diop.md", "---\ntype: person\n---\n")];
    for item in [
        "\"[[Fatou Diop|Fatou]] (regrets)\"",
        "\"~~[[Fatou Diop]]~~\"",
        "\"*[[Fatou Diop]]*\"",
        "\"[[Fatou Diop]],\"",
        "\"[Fatou Diop](People/Fatou%20Diop.md)\"",
    ] {
        let text = format!("---\ntype: meeting\nparticipants:\n  - {item}\n---\n# Sync\n");
        assert_eq!(
            fix_in(Settings::default(), &people, "Meetings/M.md", &text),
            text
        );
    }
}

#[test]
fn an_owner_ending_with_an_initial_and_its_dot_stays_as_written() {
    let people = [("People/Ernst Becker.md", "---\ntype: person\n---\n")];
    // A no-break space before the initial parts the handle's words as a space does.
    let text =
        "**Participants:** Ernst Becker\n\n- [ ] @Ernst B. prüfen\n- [ ] Angebot an @Ernst B.\n\
                - [ ] @Ernst\u{a0}B. prüfen\n";
    assert_eq!(
        fix_in(Settings::default(), &people, "Meetings/M.md", text),
        text
    );
}

/// A word opening a sentence that only organisations' names open is the sentence's word as
/// likely as their name, in any language (`Gewoon`, Dutch `just`, beside Gewoon Sander and
/// Gewoon Thuis): never asked about in prose; mid-sentence it is asked about, as several
/// organisations, not several people.
#[test]
fn a_sentence_opener_only_organisations_names_open_is_not_asked_about() {
    let vault = [
        (
            "Organizations/gewoon-sander.md",
            "---\nname: Gewoon Sander\ntype: organization\n---\n",
        ),
        (
            "Organizations/gewoon-thuis.md",
            "---\nname: Gewoon Thuis\ntype: organization\n---\n",
        ),
    ];
    let review = |text: &str| {
        let mut notes = vault.to_vec();
        notes.push(("Les.md", text));
        engine(Settings::default(), &notes)
            .check("Les.md", text)
            .review
    };
    assert_eq!(
        review("Gewoon droog gooien en kijk eens wat er gebeurt.\n"),
        vec![]
    );
    let asked = review("We spraken met Gewoon over de prijs.\n");
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert!(
        asked[0].message.contains("several organisations"),
        "{asked:?}"
    );
}

/// A link marked with the writer's doubt or quotes (`[[??? Marta Quill]]`, `[["Marta Quill"]]`)
/// opens the note it names and keeps showing the marks: they are the writer's text.
#[test]
fn a_link_marked_otherwise_than_its_title_keeps_showing_its_marks() {
    let marta = [("People/Marta Quill.md", "---\ntype: person\n---\n")];
    for (before, after) in [
        (
            "Who is [[??? Marta Quill]]?\n",
            "Who is [[Marta Quill|??? Marta Quill]]?\n",
        ),
        (
            "We met [[\"Marta Quill\"]] there.\n",
            "We met [[Marta Quill|\"Marta Quill\"]] there.\n",
        ),
        (
            "- [ ] Ask [[(Marta Quill)]] about it\n",
            "- [ ] Ask [[Marta Quill|(Marta Quill)]] about it\n",
        ),
    ] {
        assert_eq!(fix_among(&marta, before), after, "{before}");
    }
    // In another case alone it is the title: Obsidian opens the note already.
    let text = "Met [[marta quill]].\n";
    assert_eq!(fix_among(&marta, text), text);
}

/// A person's alias that may as well name an office, a role or a thing (`Portmaster`,
/// `COO`, `Iron Key`) is no link to them for sure: such a link may be a note not written
/// yet about the office or the thing. A given name or a handle writing their name still is.
#[test]
fn a_link_to_an_alias_that_names_a_role_or_a_thing_stays() {
    let marta = [(
        "People/Marta Quill.md",
        "---\ntype: person\naliases: [Portmaster, COO, Iron Key, Marty, mquill, Tesk]\n---\n",
    )];
    for text in [
        "[[Marta Quill]] retires; the port needs a new [[Portmaster]].\n",
        "[[Marta Quill]] leaves, and the board wants an external [[COO]].\n",
        "- [[Iron Key]] from the wreck, carried by the crew\n",
    ] {
        assert_eq!(fix_among(&marta, text), text, "{text}");
    }
    for (before, after) in [
        (
            "Lunch with [[Marty]].\n",
            "Lunch with [[Marta Quill|Marty]].\n",
        ),
        (
            "Ping [[mquill]] today.\n",
            "Ping [[Marta Quill|mquill]] today.\n",
        ),
        // A name of its own beside the title is hers too (a character's other name).
        (
            "[[Marta Quill]], called [[Tesk]] at sea.\n",
            "[[Marta Quill]], called [[Marta Quill|Tesk]] at sea.\n",
        ),
    ] {
        assert_eq!(fix_among(&marta, before), after, "{before}");
    }
    // A word for family is one person's alias: the writer's.
    let mut engine = Engine::new(Settings::default());
    let mother = "---\ntype: person\naliases: [Mom]\n---\n";
    let dinner = "Dinner with [[Mom]].\n";
    engine.index_mut().upsert("People/Ruth Quill.md", mother);
    engine.index_mut().upsert("Notes/Dinner.md", dinner);
    assert_eq!(
        engine.fix("Notes/Dinner.md", dinner).text.as_deref(),
        Some("Dinner with [[Ruth Quill|Mom]].\n")
    );
}

/// `text` fixed beside a company's note and a fund's note named `fund`, both written
/// `link-ventures.md` (in two folders), the company's named `Link Ventures`.
fn fix_beside_a_fund(fund: &str, text: &str) -> String {
    let company = "---\nname: Link Ventures\ntype: company\n---\n";
    let fund = format!("---\nname: {fund}\ntype: fund\n---\n");
    let notes = [
        ("entities/companies/link-ventures.md", company),
        ("entities/funds/link-ventures.md", fund.as_str()),
    ];
    fix_among(&notes, text)
}

/// A name another note has too (a fund's note beside the company's, both `Link Ventures`) may
/// mean either: a link written so stays as written, by an alias or by a slug's name alike.
#[test]
fn a_link_by_a_name_another_note_has_too_stays() {
    let by_alias = [
        (
            "Companies/LV Holdings.md",
            "---\ntype: company\naliases: [Link Ventures]\n---\n",
        ),
        (
            "Funds/LV Fund II.md",
            "---\ntype: fund\naliases: [Link Ventures]\n---\n",
        ),
    ];
    let text = "We think [[Link Ventures]] should lead the round.\n";
    assert_eq!(fix_among(&by_alias, text), text);
    assert_eq!(fix_beside_a_fund("Link Ventures", text), text);
    // The company's alone, it is the company's.
    assert_eq!(
        fix_among(&by_alias[..1], text),
        "We think [[LV Holdings|Link Ventures]] should lead the round.\n"
    );
}

/// A title two notes share opens either of them: a link pointed at one of them writes its path,
/// as Obsidian writes such a link, and keeps showing what it showed.
#[test]
fn a_link_to_a_title_two_notes_share_writes_the_notes_path() {
    for (before, after) in [
        (
            "We think [[Link Ventures]] should lead.\n",
            "We think [[entities/companies/link-ventures|Link Ventures]] should lead.\n",
        ),
        (
            "See [[Link Ventures#Team]].\n",
            "See [[entities/companies/link-ventures#Team|Link Ventures > Team]].\n",
        ),
    ] {
        assert_eq!(fix_beside_a_fund("LV Fund II", before), after, "{before}");
    }
    // A link written as the title they share opens one of them already: it stays.
    let namesakes = [
        (
            "People/Big Brain Holdings.md",
            "---\nname: Big Brain Holdings\ntags: [person]\n---\n",
        ),
        (
            "Organizations/Big Brain Holdings.md",
            "---\ntype: company\n---\n",
        ),
    ];
    let text = "| [[Big Brain Holdings]] | [[Big Brain Holdings]] | pre-seed |\n";
    assert_eq!(fix_among(&namesakes, text), text);
}
