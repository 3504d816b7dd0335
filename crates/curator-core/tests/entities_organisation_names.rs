//! How an organisation's name is read where it is not the note's:
//! - an organisation's first words, or a surname, before other capitalised words are another
//!   organisation's name, in a meeting's transcript too (`Vistula Power Group` beside a note on
//!   Vistula Energy Group, `Johnson Controls` beside Mike Johnson), while the name alone still
//!   names it;
//! - an ampersand joins the words of a name the vault has (`Okafor & Sons Engineering`), never
//!   two names (`Ada Lovett & Bo Lindqvist`), and the later words of such a name after another
//!   one are another firm's (`Adeyemi & Sons Engineering`);
//! - a title opening with a word for the note's kind (`Organisation - CloudVendor Inc`) is
//!   compared without it: the word alone (`Organisation`, a table's header) names nobody;
//! - an acronym's plural (`RWAs`, `KPIs`) is a term, never an organisation that sounds alike;
//! - a term's abbreviation (`KPI`, `SLA`) is the organisation of those initials only where the
//!   note names it otherwise;
//! - in typed prose, the opening word of an organisation's name that is also a person's name in
//!   the vault (`Victoria` of Victoria Rovers FC and Victoria Hale, `Raman` of Raman Instruments
//!   and Priya Raman) names neither where the note names neither: asked about at most; in a
//!   meeting too, where the word is a given name (`Victoria`, `Mercedes`), a person's of the
//!   vault or a place's (`Paris` of Paris Baguette), and the note names neither the
//!   organisation nor its people; so are words of its name that are a place's (`Den Haag` of
//!   Gemeente Den Haag, `New York` of the New York Times);
//! - a word English writes with a capital (`European`, `Chinese`) opening an organisation's
//!   name is the word, never the organisation, while the whole name still names it;
//! - on a line in another language, whose everyday words the engine does not know, the opening
//!   word of an organisation's name (`Gemeente`, German `Stadt`) is the word where the note
//!   does not name the organisation, and a word only sounding like an attendee's name (`Ende`
//!   ~ Andi, `Frau Roth` ~ Reto) is the word unless it is a given name the tables know.

mod mentions_common;

use mentions_common::mentions_in;

/// Each mention of `text` at `path` in `vault`, as (text, note, confident).
fn read(vault: &[(&str, &str)], path: &str, text: &str) -> Vec<(String, String, bool)> {
    mentions_in(vault, path, text)
        .into_iter()
        .map(|m| {
            let confident = m.decision.is_confident();
            (m.text, m.resolved.unwrap_or_default(), confident)
        })
        .collect()
}

const ORGS: &[(&str, &str)] = &[
    (
        "Organizations/Vistula Energy Group.md",
        "---\ntype: organization\n---\n",
    ),
    (
        "Organizations/Lagos Fintech Alliance.md",
        "---\ntype: organization\n---\n",
    ),
];

#[test]
fn an_organisations_first_words_in_another_name_are_that_name_in_a_meeting_too() {
    let meeting = "---\ntype: meeting\n---\n# Tariff sync\n\n\
                   We also heard from Vistula Power Group about tariffs.\n\
                   The Lagos Fintech Association wants a seat.\n";
    let got = read(ORGS, "Meetings/2025-01-16 Tariff sync.md", meeting);
    assert!(got.iter().all(|(_, _, confident)| !confident), "{got:?}");
    // The name itself, or its first word alone, still names it.
    let meeting = "---\ntype: meeting\n---\n# Tariff sync\n\n\
                   Vistula Energy Group sent the figures; Vistula will sign.\n";
    let got = read(ORGS, "Meetings/2025-01-17 Tariff sync.md", meeting);
    assert!(
        got.iter()
            .any(|(t, n, c)| t == "Vistula Energy Group" && n == "Vistula Energy Group" && *c),
        "{got:?}"
    );
}

#[test]
fn a_word_english_capitalises_opening_an_organisations_name_is_the_word() {
    let vault = [
        (
            "Organizations/European Union.md",
            "---\ntype: organization\n---\n",
        ),
        (
            "Organizations/Chinese Academy of Sciences.md",
            "---\ntype: organization\n---\n",
        ),
    ];
    let text = "The European market is big, and European leaders met Chinese researchers.\n";
    let got = read(&vault, "Notes/Trade.md", text);
    assert!(got.iter().all(|(_, n, _)| n.is_empty()), "{got:?}");
    let text = "The European Union and the Chinese Academy of Sciences signed.\n";
    let got = read(&vault, "Notes/Trade.md", text);
    let named: Vec<&str> = got.iter().filter(|g| g.2).map(|g| g.1.as_str()).collect();
    assert_eq!(
        named,
        ["European Union", "Chinese Academy of Sciences"],
        "{got:?}"
    );
}

#[test]
fn a_surname_before_other_capitalised_words_names_nobody_in_a_meeting() {
    let vault = [
        (
            "Organizations/Van Dijk Transport.md",
            "---\ntype: organization\n---\n",
        ),
        ("People/Sanne van Dijk.md", "---\ntype: person\n---\n"),
        ("People/Lars van Dijk.md", "---\ntype: person\n---\n"),
        ("People/Mike Johnson.md", "---\ntype: person\n---\n"),
    ];
    let meeting = "---\ntype: meeting\n---\n# Billing sync\n\n\
                   We also heard from Van Dijk Logistics about billing.\n\
                   The contract with Johnson Controls runs out in May.\n";
    let got = read(&vault, "Meetings/2025-01-08 Billing sync.md", meeting);
    assert!(got.iter().all(|(_, _, confident)| !confident), "{got:?}");
    // The organisation's whole name, and a person's, still name them.
    let meeting = "---\ntype: meeting\n---\n# Billing sync\n\n\
                   Van Dijk Transport sent the invoice; Sanne van Dijk will check it.\n";
    let got = read(&vault, "Meetings/2025-01-09 Billing sync.md", meeting);
    for name in ["Van Dijk Transport", "Sanne van Dijk"] {
        assert!(
            got.iter().any(|(t, n, c)| t == name && n == name && *c),
            "{name}: {got:?}"
        );
    }
}

#[test]
fn an_ampersand_joins_the_words_of_a_name_the_vault_has() {
    let vault = [
        (
            "Organizations/Okafor & Sons Engineering.md",
            "---\ntype: organization\n---\n",
        ),
        ("People/Chiamaka Okafor.md", "---\ntype: person\n---\n"),
        ("People/Ada Lovett.md", "---\ntype: person\n---\n"),
        ("People/Bo Lindqvist.md", "---\ntype: person\n---\n"),
        ("People/David Wengrow.md", "---\ntype: person\n---\n"),
    ];
    let text = "# Pilot\n\nWe met Okafor & Sons Engineering about the pilot.\n\
                Ada Lovett & Bo Lindqvist signed it, as Graeber & Wengrow would.\n";
    let got = read(&vault, "Notes/Pilot.md", text);
    for (written, name) in [
        ("Okafor & Sons Engineering", "Okafor & Sons Engineering"),
        ("Ada Lovett", "Ada Lovett"),
        ("Bo Lindqvist", "Bo Lindqvist"),
    ] {
        assert!(
            got.iter().any(|(t, n, c)| t == written && n == name && *c),
            "{written}: {got:?}"
        );
    }
    assert!(
        got.iter()
            .all(|(t, n, _)| t != "Okafor" && n != "Chiamaka Okafor"),
        "{got:?}"
    );
    // A surname keeps the word before it, not across an ampersand.
    assert!(got.iter().any(|(t, _, _)| t == "Wengrow"), "{got:?}");
    // An organisation's later words after another name and an ampersand are another firm's.
    let text = "# Pilot\n\nWe met Adeyemi & Sons Engineering about the pilot.\n";
    let got = read(&vault, "Notes/Pilot.md", text);
    assert!(got.iter().all(|(_, _, confident)| !confident), "{got:?}");
}

#[test]
fn a_word_for_the_notes_kind_before_its_title_names_nobody() {
    let vault = [
        (
            "Organisation - CloudVendor Inc.md",
            "---\ntype: organization\n---\n",
        ),
        (
            "Organisation - Your Company.md",
            "---\ntype: organization\n---\n",
        ),
    ];
    let text = "# People MOC\n\n## People by Organisation\n\n| Type | Pattern |\n|---|---|\n\
                | Organisation | one note each |\n\nWe buy from CloudVendor Inc.\n";
    let got = read(&vault, "MOC.md", text);
    assert!(got.iter().all(|(t, _, _)| t != "Organisation"), "{got:?}");
    assert!(
        got.iter()
            .any(|(t, n, _)| t == "CloudVendor Inc" && n == "Organisation - CloudVendor Inc"),
        "{got:?}"
    );
}

#[test]
fn an_acronyms_plural_names_no_organisation_by_sound() {
    let vault = [
        ("Organizations/Ryse.md", "---\ntype: organization\n---\n"),
        (
            "Organizations/Kipee Labs.md",
            "---\ntype: organization\n---\n",
        ),
    ];
    let meeting = "---\ntype: meeting\n---\n# Fund call\n\n\
                   - Ryse launched mainnet today\n\
                   - Focus on longer-tail assets and future RWAs/equities\n\
                   - Track the KPIs weekly with [[Kipee Labs]]\n";
    let got = read(&vault, "Meetings/2026-03-18 Fund call.md", meeting);
    assert!(
        got.iter().all(|(t, _, _)| t != "RWAs" && t != "KPIs"),
        "{got:?}"
    );
    assert!(got.iter().any(|(t, n, c)| t == "Ryse" && n == "Ryse" && *c));
}

#[test]
fn an_organisations_first_word_that_is_also_a_persons_name_is_no_link_in_typed_prose() {
    let vault = [
        (
            "Organizations/Victoria Rovers FC.md",
            "---\ntype: organization\n---\n",
        ),
        ("People/Victoria Hale.md", "---\ntype: people\n---\n"),
        (
            "Organizations/Raman Instruments.md",
            "---\ntype: organization\n---\n",
        ),
        ("People/Priya Raman.md", "---\ntype: people\n---\n"),
        (
            "Organizations/Kairos Networks.md",
            "---\ntype: organization\n---\n",
        ),
    ];
    let note = "---\ntype: note\n---\n# Expo trip\n\n\
                The Victoria office hosts the spring offsite.\n\
                The samples were measured by Raman et al. (2021).\n\
                We met the Kairos team at the booth.\n";
    let got = read(&vault, "Notes/Expo trip.md", note);
    for word in ["Victoria", "Raman"] {
        assert!(
            got.iter().any(|(t, _, _)| t == word),
            "{word} is still a mention: {got:?}"
        );
        assert!(
            got.iter().all(|(t, _, c)| t != word || !c),
            "{word} linked: {got:?}"
        );
    }
    // A first word no one of the vault is named is the organisation's, as before.
    assert!(
        got.iter()
            .any(|(t, n, c)| t == "Kairos" && n == "Kairos Networks" && *c),
        "{got:?}"
    );
}

#[test]
fn a_terms_abbreviation_names_the_organisation_of_those_initials_only_beside_its_name() {
    let vault = [
        (
            "Organizations/Keystone Partners Inc.md",
            "---\ntype: organization\n---\n",
        ),
        (
            "Organizations/Solace Labs Associates.md",
            "---\ntype: organization\n---\n",
        ),
        (
            "Organizations/Alpine Research Consortium.md",
            "---\ntype: organization\n---\n",
        ),
    ];
    let meeting = "---\ntype: meeting\n---\n# Ops\n\n\
                   - The KPI dashboard needs work. Our SLA is 99.9%.\n\
                   - ARC is evaluating the platform.\n";
    let got = read(&vault, "Meetings/2026-09-01 Ops.md", meeting);
    assert!(
        got.iter()
            .all(|(t, _, c)| !(t == "KPI" || t == "SLA") || !c),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(t, n, c)| t == "ARC" && n == "Alpine Research Consortium" && *c),
        "{got:?}"
    );
    // Where the note names the organisation, its initials are it.
    let meeting = "---\ntype: meeting\n---\n# Ops\n\n\
                   - Keystone Partners Inc sent the deck; KPI will sign next week.\n";
    let got = read(&vault, "Meetings/2026-09-02 Ops.md", meeting);
    assert!(
        got.iter()
            .any(|(t, n, c)| t == "KPI" && n == "Keystone Partners Inc" && *c),
        "{got:?}"
    );
}

#[test]
fn a_terms_abbreviation_opening_an_organisations_name_is_the_term() {
    // `GTM strategy` (go-to-market) was linked at 0.98 to GTM Labs, whose name it opens.
    let vault = [
        (
            "Organizations/CRM Forge.md",
            "---\ntype: organization\n---\n",
        ),
        (
            "Organizations/Tidewater Bank.md",
            "---\ntype: organization\n---\n",
        ),
    ];
    let note = "# Call with Ines\n\n- Review the CRM exports before Friday.\n";
    let got = read(&vault, "Notes/Call.md", note);
    assert!(got.iter().all(|(t, _, c)| t != "CRM" || !c), "{got:?}");
    // Where the note names the organisation, the abbreviation may be it.
    let note = "# Call with Ines\n\n- CRM Forge sent the quote; CRM signs next week.\n";
    let got = read(&vault, "Notes/Call.md", note);
    assert!(
        got.iter()
            .any(|(t, n, c)| t == "CRM" && n == "CRM Forge" && *c),
        "{got:?}"
    );
}

#[test]
fn a_name_two_notes_are_titled_is_asked_about_not_given_to_a_longer_name() {
    // With `Monad.md` twice, `Monad testnet` went at 0.96 to Monad Foundation, which the note
    // names: the name is those notes' whole title, and only opens the foundation's.
    let vault = [
        (
            "Organizations/Zentrix.md",
            "---\ntype: organization\n---\n# Zentrix\n",
        ),
        ("People/Zentrix.md", "---\ntype: person\n---\n# Zentrix\n"),
        (
            "Organizations/Zentrix Foundation.md",
            "---\ntype: organization\n---\n# Zentrix Foundation\n",
        ),
        (
            "Organizations/Tidewater Bank.md",
            "---\ntype: organization\n---\n",
        ),
    ];
    let note = "# Call with Ines\n\n- Applied for the Zentrix Foundation grant\n\
                - Deploy the contracts on Zentrix testnet next week\n";
    let got = read(&vault, "Notes/Call.md", note);
    assert!(
        got.iter()
            .all(|(t, n, c)| !(t == "Zentrix" && n == "Zentrix Foundation" && *c)),
        "{got:?}"
    );
}

#[test]
fn a_lowercase_word_joins_the_words_of_a_name_the_vault_has_exactly() {
    let vault = [
        (
            "Organizations/Bank of America.md",
            "---\ntype: organization\n---\n",
        ),
        (
            "Organizations/Marks and Spencer.md",
            "---\ntype: organization\n---\n",
        ),
        ("People/Ada Lovett.md", "---\ntype: person\n---\n"),
        ("People/Bo Lindqvist.md", "---\ntype: person\n---\n"),
        ("People/Sargon.md", "---\ntype: person\n---\n"),
    ];
    let text = "# Lease\n\nWe called Bank of America and Marks and Spencer today.\n\
                Ada Lovett and Bo Lindqvist signed. Sargon of Kish ruled.\n";
    let got = read(&vault, "Notes/Lease.md", text);
    let texts: Vec<&str> = got.iter().map(|(t, _, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Bank of America",
            "Marks and Spencer",
            "Ada Lovett",
            "Bo Lindqvist",
            "Sargon"
        ],
        "{got:?}"
    );
    assert!(got.iter().take(4).all(|(t, n, c)| t == n && *c), "{got:?}");
}

/// An organisation's whole name followed by more capitalised words (`Meridian Bank`, `Atlas
/// Copco` beside the notes Meridian and Atlas) is another firm of that first name as often as
/// theirs: asked about at a quarter, not at the likeness of the names.
#[test]
fn more_words_after_an_organisations_whole_name_are_another_firm_as_often() {
    let vault = [
        (
            "Organizations/Meridian.md",
            "---\ntype: organization\n---\n",
        ),
        ("Organizations/Atlas.md", "---\ntype: organization\n---\n"),
    ];
    let text = "---\ntype: meeting\n---\nThe Meridian Bank people asked for a timeline.\n\
                The Atlas Copco people asked too.\n";
    let found = mentions_in(&vault, "Meetings/2025-02-05 Sync.md", text);
    for name in ["Meridian Bank", "Atlas Copco"] {
        let m = found.iter().find(|m| m.text == name).unwrap();
        assert!(!m.decision.is_confident() && m.confidence <= 0.25, "{m:?}");
    }
    // Where the note names the organisation otherwise, or is its own, the likeness stands.
    let named =
        "---\ntype: meeting\n---\nThe Meridian Bank people asked.\nWe sent Meridian the deck.\n";
    let own = "---\ntype: organization\n---\nMeridian Group is a holding.\n";
    for (path, text, name) in [
        ("Meetings/2025-02-06 Sync.md", named, "Meridian Bank"),
        ("Organizations/Meridian.md", own, "Meridian Group"),
    ] {
        let found = mentions_in(&vault, path, text);
        let m = found.iter().find(|m| m.text == name).unwrap();
        assert!(m.confidence > 0.5, "{m:?}");
    }
}

#[test]
fn in_a_meeting_an_organisations_first_word_that_is_a_given_name_or_a_place_is_asked_about() {
    let vault = [
        (
            "Organizations/Victoria Rovers.md",
            "---\ntags: [organization]\n---\n",
        ),
        (
            "Organizations/Jordan Foods.md",
            "---\ntags: [organization]\n---\n",
        ),
        ("People/Jordan Kamau.md", "---\ntype: person\n---\n"),
        ("People/Ana Lima.md", "---\ntype: person\n---\n"),
        (
            "Organizations/Kairos Networks.md",
            "---\ntype: organization\n---\n",
        ),
    ];
    let meeting = "# Sync\n\n**Participants:** Ana Lima\n\n\
                   The Victoria deal moved.\n\
                   Shipments to the Jordan warehouse slipped.\n\
                   We toured Paris for the new site.\n\
                   We met the Kairos team at the booth.\n";
    let got = read(&vault, "Meetings/2026-02-02 Sync.md", meeting);
    for (word, org) in [
        ("Victoria", "Victoria Rovers"),
        ("Jordan", "Jordan Foods"),
        ("Paris", "Paris Baguette"),
    ] {
        assert!(
            got.iter().all(|(t, n, c)| t != word || n != org || !c),
            "{word} linked to {org}: {got:?}"
        );
    }
    assert!(
        got.iter()
            .any(|(t, n, c)| t == "Kairos" && n == "Kairos Networks" && *c),
        "{got:?}"
    );
    // Named in full in the note, the organisation is what its first word means there.
    let meeting = "# Sync\n\n**Participants:** Ana Lima\n\n\
                   Victoria Rovers signed the sponsorship.\n\
                   The Victoria deal moved.\n";
    let got = read(&vault, "Meetings/2026-02-03 Sync.md", meeting);
    assert!(
        got.iter()
            .any(|(t, n, c)| t == "Victoria" && n == "Victoria Rovers" && *c),
        "{got:?}"
    );
}

#[test]
fn a_places_name_after_in_is_the_place_though_a_firm_and_an_attendee_have_it() {
    let vault = [
        (
            "Organizations/Jordan Foods.md",
            "---\ntags: [organization]\n---\n",
        ),
        ("People/Jordan Kamau.md", "---\ntype: person\n---\n"),
        (
            "Organizations/Beacon Labs.md",
            "---\ntype: organization\n---\n",
        ),
    ];
    let meeting = "# Sync\n\n**Participants:** Jordan Kamau\n\n\
                   Revenue rose in Georgia and Jordan last quarter.\n\
                   The regulator in Jordan wants a copy.\n\
                   We found a bug in Beacon yesterday.\n";
    let got = read(&vault, "Meetings/2026-02-04 Sync.md", meeting);
    let jordans: Vec<_> = got.iter().filter(|(t, _, _)| t == "Jordan").collect();
    assert!(jordans.is_empty(), "{got:?}");
    // A word of a firm's name that is no place's stays the firm's there.
    assert!(
        got.iter()
            .any(|(t, n, _)| t == "Beacon" && n == "Beacon Labs"),
        "{got:?}"
    );
}

#[test]
fn words_of_an_organisations_name_that_are_a_places_are_the_place_where_the_note_names_neither() {
    let vault = [
        (
            "Organisaties/Gemeente Den Haag.md",
            "---\ntype: organization\n---\n",
        ),
        (
            "Organizations/New York Times.md",
            "---\ntype: organization\n---\n",
        ),
        (
            "Organizations/Brisa Azul Energy.md",
            "---\ntype: organization\n---\n",
        ),
        ("People/Ana Lima.md", "---\ntype: person\n---\n"),
    ];
    let meeting = "# Sync\n\n**Participants:** Ana Lima\n\n\
                   We flew to Den Haag for the hearing.\n\
                   The New York office is closing.\n\
                   We met Brisa Azul about the turbines.\n";
    let got = read(&vault, "Meetings/2026-02-05 Sync.md", meeting);
    for (words, org) in [
        ("Den Haag", "Gemeente Den Haag"),
        ("New York", "New York Times"),
    ] {
        assert!(
            got.iter().all(|(t, n, c)| t != words || n != org || !c),
            "{words} linked to {org}: {got:?}"
        );
    }
    assert!(
        got.iter()
            .any(|(t, n, c)| t == "Brisa Azul" && n == "Brisa Azul Energy" && *c),
        "{got:?}"
    );
    // Named in full in the note, the organisation is what the place's name means there.
    let meeting = "# Sync\n\n**Participants:** Ana Lima\n\n\
                   [[Gemeente Den Haag]] sent the permit.\n\
                   We flew to Den Haag for the hearing.\n";
    let got = read(&vault, "Meetings/2026-02-06 Sync.md", meeting);
    assert!(
        got.iter()
            .any(|(t, n, c)| t == "Den Haag" && n == "Gemeente Den Haag" && *c),
        "{got:?}"
    );
}

#[test]
fn the_opening_word_of_an_organisations_name_in_another_language_is_the_word() {
    let vault = [
        (
            "Organisaties/Gemeente Den Haag.md",
            "---\ntype: organization\n---\n",
        ),
        (
            "Organisationen/Stadt Wien.md",
            "---\ntype: organization\n---\n",
        ),
        (
            "Organizations/Kairos Networks.md",
            "---\ntype: organization\n---\n",
        ),
        ("People/Ana Lima.md", "---\ntype: person\n---\n"),
    ];
    // A line of eight lowercase words or more is judged on its own, a shorter one as the note is.
    let meeting = "# Overleg\n\n**Deelnemers:** Ana Lima\n\n\
                   Volgens de wethouder heeft de Gemeente nieuwe plannen voor de wijk.\n\
                   In der Stadt gibt es Probleme.\n\
                   Wir haben lange darüber gesprochen und warten jetzt auf eine Antwort.\n";
    let got = read(&vault, "Meetings/2026-02-07 Overleg.md", meeting);
    for word in ["Gemeente", "Stadt"] {
        assert!(
            got.iter().any(|(t, n, _)| t == word && n.is_empty()),
            "{word}: {got:?}"
        );
    }
    let meeting = "# Sync\n\n**Participants:** Ana Lima\n\n\
                   We met the Kairos team at the booth.\n";
    let got = read(&vault, "Meetings/2026-02-08 Sync.md", meeting);
    assert!(
        got.iter()
            .any(|(t, n, c)| t == "Kairos" && n == "Kairos Networks" && *c),
        "{got:?}"
    );
}

#[test]
fn in_another_language_a_word_only_sounding_like_an_attendees_name_is_the_word() {
    let vault = [
        ("People/Andi Keller.md", "---\ntype: person\n---\n"),
        ("People/Reto Brunner.md", "---\ntype: person\n---\n"),
    ];
    let meeting = "# Planung\n\n**Teilnehmer:** Andi Keller, Reto Brunner\n\n\
                   Die Umstellung ist bis Ende August geplant.\n\
                   Frau Roth hat die Unterlagen geschickt.\n\
                   Andy hat gesagt, dass wir noch warten.\n";
    let got = read(&vault, "Meetings/2026-03-04 Planung.md", meeting);
    for word in ["Ende", "Roth"] {
        assert!(
            got.iter().all(|(t, n, _)| t != word || n.is_empty()),
            "{word}: {got:?}"
        );
    }
    // A given name the tables know may still be a name heard (`Andy` for Andi).
    assert!(
        got.iter()
            .any(|(t, n, c)| t == "Andy" && n == "Andi Keller" && *c),
        "{got:?}"
    );
    // In English the same words are heard as the meeting's names may be.
    let meeting = "# Planning\n\n**Attendees:** Andi Keller, Reto Brunner\n\n\
                   Andy said we should wait until the vendor answers.\n";
    let got = read(&vault, "Meetings/2026-03-05 Planning.md", meeting);
    assert!(
        got.iter()
            .any(|(t, n, c)| t == "Andy" && n == "Andi Keller" && *c),
        "{got:?}"
    );
}
