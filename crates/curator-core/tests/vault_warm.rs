//! The warm vault state equals a cold rebuild: after any sequence of upserts, renames and
//! removals — people renamed, aliases and companies edited, meetings rewritten — every note's
//! results, mentions and fix, and every person note's generated sections (open tasks, and the
//! meetings that name them, which follow the meetings' resolutions), are what a vault built from
//! scratch from the same texts gives. Review answers given along the way (a written name is
//! someone, is not someone, is not a name) are read as deps too: the warm state after them
//! equals a vault built cold with them. So is which garbles the notes' names hold: text writing
//! one is repaired only while no note is named with it.
//! And an edit invalidates only the notes whose results read what changed.

#[path = "../src/proptest_config.rs"]
mod proptest_config;

use curator_core::answers::Answers;
use curator_core::report_cell::EncodedReport;
use curator_core::settings::Resolution;
use curator_core::vault::Vault;
use curator_core::{NoteReport, Settings};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

const GIVEN: &[&str] = &["Ines", "Bram", "Odile", "Tomasz", "Ines"];
const FAMILY: &[&str] = &["Varga", "Holm", "Quesnel", "Brandt", "Vargas"];
const ORGS: &[&str] = &["Larkspur Freight", "Meridian Labs", "Holm Logistics"];
/// Names garbled when their notes were made (`§` read as code page 437, `é` as windows-1252):
/// text writing them as the vault does is left alone only while a note is named so.
const GARBLED: &[&str] = &["Code ┬º74-202", "Code ┬º74-207", "CafÃ© Noir"];

/// A person note: `who` picks the name, the rest its aliases, company and last contact.
fn person(who: usize, alias: bool, company: usize, contact: u8) -> (String, String) {
    let (first, last) = (GIVEN[who % GIVEN.len()], FAMILY[who % FAMILY.len()]);
    // Some write the company tag capitalised: a tag written in two cases takes the spelling
    // most notes use, one written one way keeps it, so an update can change other notes'
    // fixes. The same for the `last_contact` key, which the key-case rule folds as the vault
    // mostly writes it, and for `since` (declared a date), whose midnight datetimes the dates
    // rule shortens only where most notes write it as a date; and for `created` (a date by
    // the default keys only), written in ISO, spelled out or in an order of its own, which
    // the dates rule leaves as written where most notes write it another way than ISO.
    let org = match contact % 3 {
        0 => ORGS[company % ORGS.len()].replace(' ', "-"),
        _ => ORGS[company % ORGS.len()].to_lowercase().replace(' ', "-"),
    };
    let aliases = if alias {
        format!("aliases: [{first}]\n")
    } else {
        String::new()
    };
    (
        format!("People/{first} {last}.md"),
        format!(
            "---\ntype: person\n{aliases}tags: [{}/{org}]\n{}: 2025-0{}-1{}\nsince: 2024-0{}-2{}{}\ncreated: {}\n---\n# {first} {last}\n\
             <!-- curator:meetings -->\n<!-- /curator:meetings -->\n\
             <!-- curator:open-tasks -->\n<!-- /curator:open-tasks -->\n",
            if contact % 4 == 0 { "Company" } else { "company" },
            if contact % 5 == 0 { "Last_Contact" } else { "last_contact" },
            1 + contact % 8,
            contact % 9,
            1 + contact % 7,
            contact % 6,
            if contact % 7 < 3 { "T00:00:00+02:00" } else { "" },
            created(contact / 7)
        ),
    )
}

/// How a person note writes its `created` date: in ISO, spelled out, or day and month in an
/// order only the vault knows.
fn created(n: u8) -> String {
    let day = 1 + n % 9;
    match n % 3 {
        0 => format!("2023-03-0{day}"),
        1 => format!("{day}th March 2023"),
        _ => format!("0{day}/03/2023"),
    }
}

/// A note named with a garble: by its title, or (`alias`) by an alias only.
fn garbled(which: usize, alias: bool) -> (String, String) {
    let name = GARBLED[which % GARBLED.len()];
    if alias {
        (
            format!("Statutes/Statute {which}.md"),
            format!("---\naliases: [\"{name}\"]\n---\nThe statute.\n"),
        )
    } else {
        (format!("Statutes/{name}.md"), "The statute.\n".into())
    }
}

fn org(which: usize, alias: bool) -> (String, String) {
    let name = ORGS[which % ORGS.len()];
    let aliases = if alias {
        format!("aliases: [{}]\n", name.split(' ').next().unwrap_or(name))
    } else {
        String::new()
    };
    (
        format!("Organizations/{name}.md"),
        format!("---\ntype: organization\n{aliases}---\n# {name}\n"),
    )
}

/// How a meeting writes a person's name.
fn written(who: usize, form: u8) -> String {
    let (first, last) = (GIVEN[who % GIVEN.len()], FAMILY[who % FAMILY.len()]);
    match form % 6 {
        0 => format!("{first} {last}"),
        1 => first.to_string(),
        2 => format!("{}{}", first, last.to_lowercase()),
        3 => format!("{first} {}", last.replace('a', "e")),
        4 => last.to_uppercase(),
        _ => format!("{} {last}", first.to_lowercase()),
    }
}

fn meeting(n: usize, people: &[(usize, u8)], day: u8) -> (String, String) {
    let participants: Vec<String> = people.iter().map(|(w, f)| written(*w, *f)).collect();
    let mut body = format!(
        "---\ntype: meeting\ncreated: {{{{date}}}}\nparticipants: [{}]\n---\n**Date:** 2025-06-{:02}\n**Participants:** {}\n\n",
        participants.join(", "),
        1 + day % 28,
        participants.join(", ")
    );
    // Some meetings write a garbled name, which a note may be named by (or no longer be).
    if day % 3 == 0 {
        let name = GARBLED[usize::from(day) % GARBLED.len()];
        body.push_str(&format!(
            "See [[{name}]] first.\nNotes from the CafÃ© Noir.\n"
        ));
    }
    for (i, (w, f)) in people.iter().enumerate() {
        let name = written(*w, f.wrapping_add(i as u8));
        body.push_str(&format!(
            "- [ ] Follow up with {} @{} 📅 2025-07-0{}\n",
            ORGS[i % ORGS.len()],
            written(*w, *f).replace(' ', ""),
            1 + i % 9
        ));
        body.push_str(&format!(
            "{name} said [[{}]] would ship (via {name}).\n",
            written(*w, 0)
        ));
    }
    (format!("Meetings/Sync {n}.md"), body)
}

/// A dashboard of open tasks whose query searches for a handle (as meetings write owners).
fn query(who: usize, form: u8) -> (String, String) {
    let handle = written(who, form).replace(' ', "");
    (
        format!("Dashboards/Tasks {}.md", form % 2),
        format!("```tasks\nnot done\ndescription includes @{handle}\n```\n"),
    )
}

/// The settings the warm and cold vaults share: the defaults, with the generated sections on.
fn settings() -> Settings {
    let mut settings = Settings::default();
    settings
        .property_types
        .insert("since".into(), "date".into());
    settings.set_rule(&curator_core::tasks::section::RULE, true);
    settings.set_rule(&curator_core::links::meetings::RULE, true);
    settings
}

#[derive(Debug, Clone)]
enum Op {
    Person(usize, bool, usize, u8),
    Org(usize, bool),
    Garbled(usize, bool),
    Meeting(usize, Vec<(usize, u8)>, u8),
    /// A dashboard whose task query searches for a handle: `who` written in `form`.
    Query(usize, u8),
    Remove(usize),
    Rename(usize, u8),
    /// A review answer about how `who` is written in `form`: 0 accepted as person `target`,
    /// 1 rejected for `target`, 2 not a name, 3 every answer about the name withdrawn.
    Answer(u8, usize, u8, usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..GIVEN.len(), any::<bool>(), 0..ORGS.len(), any::<u8>())
            .prop_map(|(w, a, c, d)| Op::Person(w, a, c, d)),
        1 => (0..ORGS.len(), any::<bool>()).prop_map(|(o, a)| Op::Org(o, a)),
        1 => (0..GARBLED.len(), any::<bool>()).prop_map(|(g, a)| Op::Garbled(g, a)),
        3 => (0..3usize, prop::collection::vec((0..GIVEN.len(), any::<u8>()), 1..4), any::<u8>())
            .prop_map(|(n, p, d)| Op::Meeting(n, p, d)),
        1 => (0..GIVEN.len(), any::<u8>()).prop_map(|(w, f)| Op::Query(w, f)),
        1 => any::<usize>().prop_map(Op::Remove),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(i, n)| Op::Rename(i, n)),
        2 => (0..4u8, 0..GIVEN.len(), any::<u8>(), 0..GIVEN.len())
            .prop_map(|(k, w, f, t)| Op::Answer(k, w, f, t)),
    ]
}

/// Everything the vault says about every note, as comparable text.
fn everything(vault: &mut Vault) -> BTreeMap<String, String> {
    let paths: Vec<String> = vault.paths().map(str::to_string).collect();
    let mut out = BTreeMap::new();
    for path in paths {
        let report = vault.report(&path).expect("a note of the vault");
        let tasks = vault.tasks(&path).expect("a note of the vault");
        let mentions = vault.mentions(&path).expect("a note of the vault");
        let fixed = vault.fixed(&path).expect("a note of the vault");
        // The fix the vault keeps (as hunks over the text) is the one the engine makes.
        let text = vault.text(&path).expect("a note of the vault").to_string();
        assert_eq!(fixed, vault.engine().fix(&path, &text), "{path}");
        out.insert(
            path,
            format!("{report:?}\n{tasks:?}\n{mentions:?}\n{fixed:?}"),
        );
    }
    out.insert(String::new(), format!("{:?}", vault.vault_review()));
    out.insert(
        "\u{0}sections".into(),
        format!("{:?}", vault.section_edits()),
    );
    out
}

/// The settings with `answers`, as a vault built cold reads them.
fn answered(answers: &Answers) -> Settings {
    let mut settings = settings();
    answers.clone().put_in(&mut settings);
    settings
}

/// `answers` after the answer `op` gives (none when `op` is no answer).
fn answer(answers: &Answers, op: &Op) -> Option<Answers> {
    let Op::Answer(kind, who, form, target) = op else {
        return None;
    };
    let text = written(*who, *form);
    let entity = format!(
        "{} {}",
        GIVEN[target % GIVEN.len()],
        FAMILY[target % FAMILY.len()]
    );
    let mut out = answers.clone();
    out.accepted.retain(|r| r.text != text);
    out.rejected
        .retain(|r| !(r.text == text && r.entity == entity));
    out.not_names.retain(|n| *n != text);
    let resolution = Resolution {
        text: text.clone(),
        entity,
    };
    match kind {
        0 => out.accepted.push(resolution),
        1 => out.rejected.push(resolution),
        2 => out.not_names.push(text),
        _ => out.rejected.retain(|r| r.text != text),
    }
    Some(out)
}

fn apply(vault: &mut Vault, texts: &mut BTreeMap<String, String>, op: &Op) {
    let mut put = |(path, text): (String, String)| {
        vault.upsert(&path, &text);
        texts.insert(path, text);
    };
    if let Some(note) = written_note(op) {
        return put(note);
    }
    match op {
        Op::Person(..)
        | Op::Org(..)
        | Op::Garbled(..)
        | Op::Meeting(..)
        | Op::Query(..)
        | Op::Answer(..) => {}
        Op::Remove(i) => {
            if let Some(path) = texts.keys().nth(i % texts.len().max(1)).cloned() {
                vault.remove(&path);
                texts.remove(&path);
            }
        }
        Op::Rename(i, n) => {
            if let Some(path) = texts.keys().nth(i % texts.len().max(1)).cloned() {
                let folder = path.rsplit_once('/').map_or("", |(f, _)| f);
                // Now and then to a garbled name, or away from one.
                let new = if n % 5 == 0 {
                    format!("{folder}/{}.md", GARBLED[*n as usize % GARBLED.len()])
                } else {
                    format!("{folder}/{} {}.md", GIVEN[*n as usize % GIVEN.len()], n % 7)
                };
                if !texts.contains_key(&new) {
                    let text = texts.remove(&path).unwrap_or_default();
                    if vault.rename(&path, &new).is_none() {
                        // Its text released: moved as the plugin moves it, with the file's.
                        vault.remove(&path);
                        vault.upsert(&new, &text);
                    }
                    texts.insert(new, text);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(proptest_config::cases(48))]

    #[test]
    fn warm_state_equals_a_cold_rebuild(ops in prop::collection::vec(op(), 1..14)) {
        let mut warm = Vault::new(settings());
        let mut texts: BTreeMap<String, String> = BTreeMap::new();
        let mut answers = Answers::default();
        for op in &ops {
            // Everything is computed before each update, so stale results would show.
            everything(&mut warm);
            apply(&mut warm, &mut texts, op);
            if let Some(given) = answer(&answers, op) {
                answers = given;
                warm.set_answers(answers.clone());
            }
            let mut cold = Vault::build(
                answered(&answers),
                texts.iter().map(|(p, t)| (p.clone(), t.clone())).collect(),
            );
            let (got, want) = (everything(&mut warm), everything(&mut cold));
            for (path, want) in &want {
                prop_assert_eq!(got.get(path), Some(want), "{} after {:?}", path, op);
            }
            prop_assert_eq!(got.len(), want.len());
        }
    }
}

/// The note an op writes, if it writes one.
fn written_note(op: &Op) -> Option<(String, String)> {
    match op {
        Op::Person(w, a, c, d) => Some(person(*w, *a, *c, *d)),
        Op::Org(o, a) => Some(org(*o, *a)),
        Op::Garbled(g, a) => Some(garbled(*g, *a)),
        Op::Meeting(n, p, d) => Some(meeting(*n, p, *d)),
        Op::Query(w, f) => Some(query(*w, *f)),
        _ => None,
    }
}

proptest! {
    #![proptest_config(proptest_config::cases(32))]

    /// Notes upserted together (the plugin's load on the UI thread) leave the vault as upserting
    /// them one by one does: equal to a cold rebuild, after everything was computed before.
    #[test]
    fn notes_upserted_together_equal_a_cold_rebuild(
        before in prop::collection::vec(op(), 0..8),
        batch in prop::collection::vec(op(), 1..8),
    ) {
        let mut texts: BTreeMap<String, String> = BTreeMap::new();
        texts.extend(before.iter().filter_map(written_note));
        let mut warm = Vault::build(
            settings(),
            texts.iter().map(|(p, t)| (p.clone(), t.clone())).collect(),
        );
        everything(&mut warm);
        let notes: Vec<(String, String)> = batch.iter().filter_map(written_note).collect();
        texts.extend(notes.iter().cloned());
        warm.upsert_all(notes);
        let mut cold = Vault::build(
            settings(),
            texts.iter().map(|(p, t)| (p.clone(), t.clone())).collect(),
        );
        prop_assert_eq!(everything(&mut warm), everything(&mut cold));
    }
}

/// The check reports and tasks of every note (what the plugin's sweep computes before it
/// releases a note's text), and the vault's own review items, as comparable text.
fn reported(vault: &mut Vault) -> BTreeMap<String, String> {
    reported_as(vault, false)
}

/// [`reported`] as the plugin's sweep asks: each note's report and tasks together (read once
/// when neither is known).
fn reported_together(vault: &mut Vault) -> BTreeMap<String, String> {
    reported_as(vault, true)
}

/// [`reported`], each note's report and tasks asked for `together` or one after the other.
fn reported_as(vault: &mut Vault, together: bool) -> BTreeMap<String, String> {
    let paths: Vec<String> = vault.paths().map(str::to_string).collect();
    let mut out = BTreeMap::new();
    for path in paths {
        let (report, tasks) = if together {
            let (report, tasks) = vault.report_and_tasks(&path).unzip();
            (report.flatten(), tasks)
        } else {
            (vault.report(&path), vault.tasks(&path))
        };
        out.insert(path, format!("{report:?}\n{tasks:?}"));
    }
    out.insert(String::new(), format!("{:?}", vault.vault_review()));
    out
}

proptest! {
    #![proptest_config(proptest_config::cases(48))]

    /// The plugin's vault lets go of a note's text once its report and tasks are computed, and
    /// reads it again when a change drops them: after any sequence of updates, with the texts
    /// of any notes released, it equals a cold rebuild, and nothing is computed without a text.
    #[test]
    fn a_warm_state_that_releases_texts_equals_a_cold_rebuild(
        ops in prop::collection::vec(op(), 1..14),
        released in any::<u64>(),
    ) {
        let mut warm = Vault::new(settings());
        let mut texts: BTreeMap<String, String> = BTreeMap::new();
        let mut answers = Answers::default();
        for (step, op) in ops.iter().enumerate() {
            reported_together(&mut warm);
            let paths: Vec<String> = warm.paths().map(str::to_string).collect();
            for (i, path) in paths.iter().enumerate() {
                if (released >> ((i + step) % 64)) & 1 == 1 {
                    let editing = warm.editing() == Some(path.as_str());
                    warm.release_text(path);
                    prop_assert_eq!(warm.holds_text(path), editing, "{}", path);
                }
            }
            apply(&mut warm, &mut texts, op);
            if let Some(given) = answer(&answers, op) {
                answers = given;
                warm.set_answers(answers.clone());
            }
            // Nothing is computed from a note waiting for its text, till the plugin reads it.
            let waiting: Vec<String> = warm
                .stale_paths()
                .filter(|p| !warm.holds_text(p))
                .map(str::to_string)
                .collect();
            // What the plugin's progress counts in one pass, as the lookups one by one say.
            prop_assert_eq!(warm.stale_counts(), (warm.stale_paths().count(), waiting.len()));
            prop_assert!(warm.stale_paths_held(false).eq(waiting.iter().map(String::as_str)));
            prop_assert!(warm
                .stale_paths_held(true)
                .eq(warm.stale_paths().filter(|p| warm.holds_text(p))));
            for path in &waiting {
                prop_assert!(warm.report(path).is_none(), "{} computed without its text", path);
                prop_assert!(warm.supply_text(path, Arc::from(texts[path].as_str())));
            }
            let mut cold = Vault::build(
                answered(&answers),
                texts.iter().map(|(p, t)| (p.clone(), t.clone())).collect(),
            );
            prop_assert_eq!(reported_together(&mut warm), reported(&mut cold), "after {:?}", op);
        }
    }
}

proptest! {
    #![proptest_config(proptest_config::cases(32))]

    /// A snapshot taken after some updates, restored over the texts as they are after more
    /// updates (made while no vault was running), equals a cold rebuild.
    #[test]
    fn a_restored_snapshot_equals_a_cold_rebuild(
        before in prop::collection::vec(op(), 1..10),
        after in prop::collection::vec(op(), 0..6),
    ) {
        let mut warm = Vault::new(settings());
        let mut texts: BTreeMap<String, String> = BTreeMap::new();
        for op in &before {
            apply(&mut warm, &mut texts, op);
        }
        everything(&mut warm);
        let snapshot = warm.snapshot();
        let mut offline = Vault::new(settings());
        let mut answers = Answers::default();
        for op in &after {
            apply(&mut offline, &mut texts, op);
            answers = answer(&answers, op).unwrap_or(answers);
        }
        let notes: Vec<(String, String)> =
            texts.iter().map(|(p, t)| (p.clone(), t.clone())).collect();
        let mut restored = Vault::restore(answered(&answers), snapshot, notes.clone());
        let mut cold = Vault::build(answered(&answers), notes);
        prop_assert_eq!(everything(&mut restored), everything(&mut cold));
    }
}

proptest! {
    #![proptest_config(proptest_config::cases(32))]

    /// The plugin's warm start: a snapshot restored on trust over the paths present now, its
    /// reports kept encoded (some in bytes that do not decode), then every note's text supplied
    /// (kept when its hash matches, upserted otherwise), in an order that puts the changed
    /// notes anywhere, equals a cold rebuild.
    #[test]
    fn a_snapshot_restored_unread_then_read_equals_a_cold_rebuild(
        before in prop::collection::vec(op(), 1..10),
        after in prop::collection::vec(op(), 0..6),
        rotate in any::<usize>(),
        broken in any::<u64>(),
    ) {
        let mut warm = Vault::new(settings());
        let mut texts: BTreeMap<String, String> = BTreeMap::new();
        for op in &before {
            apply(&mut warm, &mut texts, op);
        }
        everything(&mut warm);
        let mut snapshot = warm.snapshot();
        let encoded = (snapshot.notes.iter_mut().enumerate())
            .map(|(i, note)| {
                let report = note.report.take()?;
                let decodes = (broken >> (i % 64)) & 1 == 0;
                Some(Box::new(Encoded(decodes.then_some(report))) as Box<dyn EncodedReport>)
            })
            .collect();
        let mut offline = Vault::new(settings());
        let mut answers = Answers::default();
        for op in &after {
            apply(&mut offline, &mut texts, op);
            answers = answer(&answers, op).unwrap_or(answers);
        }
        let present: BTreeSet<&str> = texts.keys().map(String::as_str).collect();
        let mut restored = Vault::restore_unread(answered(&answers), snapshot, encoded, &present)
            .expect("a snapshot of these settings");
        let mut order: Vec<(&String, &String)> = texts.iter().collect();
        let len = order.len().max(1);
        order.rotate_left(rotate % len);
        for (path, text) in order {
            if !restored.supply_text(path, Arc::from(text.as_str())) {
                restored.upsert(path, text);
            }
        }
        let notes: Vec<(String, String)> =
            texts.iter().map(|(p, t)| (p.clone(), t.clone())).collect();
        let mut cold = Vault::build(answered(&answers), notes);
        prop_assert_eq!(everything(&mut restored), everything(&mut cold));
    }
}

/// A report as a saved state keeps it: `None` stands for bytes that do not decode.
struct Encoded(Option<Arc<NoteReport>>);

impl EncodedReport for Encoded {
    fn decode(&self) -> Option<NoteReport> {
        self.0.as_deref().cloned()
    }
}

#[test]
fn a_saved_report_that_does_not_decode_is_computed_again_once_its_note_is_read() {
    let notes = vec![person(0, false, 0, 1), meeting(0, &[(0, 1)], 3)];
    let mut vault = Vault::build(Settings::default(), notes.clone());
    vault.refresh();
    let mut snapshot = vault.snapshot();
    let encoded = (snapshot.notes.iter_mut())
        .map(|n| Some(Box::new(Encoded(n.report.take().filter(|_| false))) as _))
        .collect();
    let present: BTreeSet<&str> = notes.iter().map(|(p, _)| p.as_str()).collect();
    let mut restored =
        Vault::restore_unread(Settings::default(), snapshot, encoded, &present).unwrap();
    assert_eq!(restored.stale(), 0, "nothing decoded yet");
    let meeting = &notes[1].0;
    assert_eq!(
        restored.report(meeting),
        None,
        "not computed from an unread text"
    );
    assert_eq!(restored.stale(), 1, "the report that did not decode");
    assert!(
        restored.all_reports().is_empty(),
        "nothing computed from unread texts"
    );
    for (path, text) in &notes {
        assert!(restored.supply_text(path, Arc::from(text.as_str())));
    }
    assert_eq!(restored.all_reports(), vault.all_reports());
    assert_eq!(restored.stale(), 0);
}

#[test]
fn a_note_emptied_while_unread_is_upserted() {
    let notes = vec![person(0, false, 0, 1), meeting(0, &[(0, 1)], 3)];
    let mut vault = Vault::build(Settings::default(), notes.clone());
    vault.refresh();
    let present: BTreeSet<&str> = notes.iter().map(|(p, _)| p.as_str()).collect();
    let mut restored =
        Vault::restore_unread(Settings::default(), vault.snapshot(), Vec::new(), &present).unwrap();
    assert_eq!(restored.stale(), 0, "results taken on trust");
    let meeting = &notes[1].0;
    assert!(restored.upsert(meeting, "") >= 1, "an empty text is news");
    let other = Settings {
        people_folders: vec!["Contacts".into()],
        ..Settings::default()
    };
    assert!(Vault::restore_unread(other, vault.snapshot(), Vec::new(), &present).is_none());
}

#[test]
fn a_snapshot_of_other_settings_is_not_trusted() {
    let notes = vec![person(0, false, 0, 1), meeting(0, &[(0, 1)], 3)];
    let mut vault = Vault::build(Settings::default(), notes.clone());
    vault.refresh();
    let other = Settings {
        people_folders: vec!["Contacts".into()],
        ..Settings::default()
    };
    let mut restored = Vault::restore(other.clone(), vault.snapshot(), notes.clone());
    assert_eq!(restored.stale(), 2, "nothing reused");
    assert_eq!(
        everything(&mut restored),
        everything(&mut Vault::build(other, notes))
    );
}

#[test]
fn a_snapshot_of_another_build_is_not_trusted() {
    // The same version built from other sources (a plugin updated with changed rules): its
    // results may say what the rules no longer say.
    let notes = vec![person(0, false, 0, 1), meeting(0, &[(0, 1)], 3)];
    let mut vault = Vault::build(Settings::default(), notes.clone());
    vault.refresh();
    let mut snapshot = vault.snapshot();
    let (name, sources) = snapshot
        .engine
        .rsplit_once(' ')
        .expect("name and fingerprint");
    assert!(name.starts_with("curator-core "), "{}", snapshot.engine);
    assert!(sources.len() == 16 && sources.bytes().all(|b| b.is_ascii_hexdigit()));
    let flipped = if sources.starts_with('0') { "1" } else { "0" };
    snapshot.engine = format!("{name} {flipped}{}", &sources[1..]);
    assert!(!snapshot.fits(&Settings::default()));
    let restored = Vault::restore(Settings::default(), snapshot, notes);
    assert_eq!(restored.stale(), 2, "nothing reused");
}

#[test]
fn an_unchanged_vault_restores_without_computing_anything() {
    let notes = vec![
        person(0, false, 0, 1),
        person(1, true, 1, 2),
        meeting(0, &[(0, 1), (1, 0)], 3),
    ];
    let mut vault = Vault::build(Settings::default(), notes.clone());
    vault.refresh();
    let mut restored = Vault::restore(Settings::default(), vault.snapshot(), notes);
    assert_eq!(restored.stale(), 0);
    assert_eq!(everything(&mut restored), everything(&mut vault));
}

/// A snapshot's deps are taken as the vault keeps them (sorted); a list out of order, or with
/// repeats, is sorted first, so a change still drops every note that read it.
#[test]
fn saved_deps_out_of_order_still_drop_the_notes_that_read_a_change() {
    let mut notes = vec![person(0, false, 0, 1), person(1, false, 1, 2)];
    for n in 0..6 {
        notes.push(meeting(n, &[(n % 2, 0)], n as u8));
    }
    let mut vault = Vault::build(Settings::default(), notes.clone());
    vault.refresh();
    let mut snapshot = vault.snapshot();
    for note in &mut snapshot.notes {
        note.deps.reverse();
        note.deps.extend(note.deps.clone());
    }
    let mut restored = Vault::restore(Settings::default(), snapshot, notes);
    assert_eq!(restored.stale(), 0);
    let (path, text) = person(0, true, 0, 1);
    assert_eq!(
        restored.upsert(&path, &text),
        4,
        "her note and the three meetings that name her"
    );
    assert_eq!(
        restored.upsert(&path, &text),
        0,
        "nothing changed the second time"
    );
}

/// A text released and lent back for a query (the review queue's lines) changes no result, so
/// the generation stays: what is kept by it (the queue's decisions, tasks by owner) is not
/// gathered again for every page that reads lines.
#[test]
fn a_text_released_and_supplied_again_keeps_the_generation() {
    let notes = vec![person(0, false, 0, 1), meeting(0, &[(0, 1)], 3)];
    let mut vault = Vault::build(Settings::default(), notes.clone());
    let before = everything(&mut vault);
    let generation = vault.generation();
    let (path, text) = &notes[1];
    assert!(vault.release_text(path));
    assert!(!vault.holds_text(path));
    assert_eq!(vault.generation(), generation);
    assert!(vault.supply_text(path, Arc::from(text.as_str())));
    assert!(vault.holds_text(path));
    assert_eq!(vault.generation(), generation);
    assert!(!vault.supply_text(path, Arc::from("Another text.\n")));
    assert_eq!(everything(&mut vault), before);
    assert_eq!(vault.generation(), generation);
}

#[test]
fn editing_prose_recomputes_only_that_note_and_a_person_only_who_reached_them() {
    let mut notes = vec![
        person(0, false, 0, 1),
        person(1, false, 1, 2),
        org(0, false),
    ];
    for n in 0..6 {
        notes.push(meeting(n, &[(n % 2, 0)], n as u8));
    }
    let mut vault = Vault::build(Settings::default(), notes.clone());
    vault.refresh();
    assert_eq!(vault.stale(), 0);
    // A meeting's prose edited: its summary is the same, so only it is computed again.
    let (path, text) = &notes[3];
    assert_eq!(vault.upsert(path, &format!("{text}\nMore words.\n")), 1);
    vault.refresh();
    // Ines Varga gains an alias: the meetings that mention Ines (0, 2, 4) and her own note.
    let (path, _) = person(0, true, 0, 1);
    let dropped = vault.upsert(&path, &person(0, true, 0, 1).1);
    assert_eq!(dropped, 4, "her note and the three meetings that name her");
    assert_eq!(vault.stale(), 4);
}

#[test]
fn an_answer_recomputes_only_the_notes_that_read_it() {
    let mut notes = vec![person(0, false, 0, 1), person(1, false, 1, 2)];
    for n in 0..6 {
        notes.push(meeting(n, &[(n % 2, 3)], n as u8));
    }
    let mut vault = Vault::build(settings(), notes.clone());
    vault.refresh();
    // "Ines Verga" (form 3 of Ines Varga) is written in meetings 0, 2 and 4 only.
    let mut answers = Answers::default();
    answers.accepted.push(Resolution {
        text: written(0, 3),
        entity: "Ines Varga".into(),
    });
    assert_eq!(vault.set_answers(answers.clone()), 3);
    assert_eq!(
        vault.set_answers(answers.clone()),
        0,
        "the same answers again"
    );
    vault.refresh();
    let mut cold = Vault::build(answered(&answers), notes);
    assert_eq!(everything(&mut vault), everything(&mut cold));
}

#[test]
fn a_note_saved_again_and_again_reports_what_a_fresh_check_does() {
    let mut notes = vec![person(0, true, 0, 1), person(1, false, 1, 2), org(1, false)];
    for n in 0..3 {
        notes.push(meeting(n, &[(n % 2, 1), (1, 3)], n as u8));
    }
    let mut vault = Vault::build(settings(), notes.clone());
    vault.refresh();
    let (path, text) = notes[3].clone();
    vault.start_editing(&path);
    // Lines added, changed and removed; participants changed; another note edited between.
    let edits: Vec<String> = vec![
        format!("{text}\nIdea from Ines Varga and Bram.\n"),
        format!("{text}\nIdea from Ines Verga and BRAM HOLM.\n"),
        text.replace("said", "wrote"),
        meeting(0, &[(2, 0), (0, 5)], 9).1,
        format!(
            "{}\n- [ ] Ask Odile Quesnel @OdileQuesnel\n",
            meeting(0, &[(2, 0)], 9).1
        ),
        text.clone(),
    ];
    for (round, edited) in edits.iter().enumerate() {
        vault.upsert(&path, edited);
        let got = vault.report(&path).expect("the note");
        assert_eq!(*got, vault.engine().check(&path, edited), "save {round}");
        let draft = format!("{edited}Typing Tomasz Brandt…\n");
        assert_eq!(
            vault.check_text(&path, &draft),
            vault.engine().check(&path, &draft),
            "draft {round}"
        );
        if round == 2 {
            let (other, other_text) = person(2, true, 2, 3);
            vault.upsert(&other, &other_text);
        }
        if round == 3 {
            // Another note's buffer checked: it becomes the note being edited.
            let (other, other_text) = &notes[4];
            let draft = format!("{other_text}Bram Holm called.\n");
            assert_eq!(
                vault.check_text(other, &draft),
                vault.engine().check(other, &draft)
            );
        }
    }
}

#[test]
fn a_garble_is_repaired_once_no_note_is_named_with_it() {
    let statute = garbled(0, false);
    let meeting = meeting(0, &[(0, 0)], 3);
    assert!(meeting.1.contains("[[Code ┬º74-202]]"));
    let mut vault = Vault::build(settings(), vec![statute.clone(), meeting.clone()]);
    let fixed = |vault: &mut Vault| vault.fixed(&meeting.0).expect("the meeting").text;
    let kept = fixed(&mut vault).expect("a fix");
    assert!(
        kept.contains("[[Code ┬º74-202]]") && kept.contains("Café Noir"),
        "{kept}"
    );
    assert!(vault
        .report(&meeting.0)
        .expect("the meeting")
        .review
        .iter()
        .any(|i| {
            i.reason == curator_core::ReviewReason::Mojibake && i.message.contains("Code ┬º74-202")
        }));
    // Renamed away from the garble: the meeting's text names no note so any more.
    assert!(vault
        .rename(&statute.0, "Statutes/Code 74-202.md")
        .is_some());
    assert!(fixed(&mut vault)
        .expect("a fix")
        .contains("[[Code §74-202]]"));
    let mut cold = Vault::build(
        settings(),
        vec![("Statutes/Code 74-202.md".into(), statute.1), meeting],
    );
    assert_eq!(everything(&mut vault), everything(&mut cold));
}

#[test]
fn a_task_query_written_or_removed_changes_the_owners_it_searches_for() {
    let mut notes = vec![person(0, false, 0, 1)];
    // The meeting writes Ines Varga's owner handle misheard (`@InesVerga`).
    notes.push(meeting(0, &[(0, 3)], 1));
    let mut warm = Vault::build(settings(), notes.clone());
    let before = everything(&mut warm);
    let dashboard = query(0, 3);
    warm.upsert(&dashboard.0, &dashboard.1);
    notes.push(dashboard.clone());
    let with_query = everything(&mut warm);
    assert_eq!(
        with_query,
        everything(&mut Vault::build(settings(), notes.clone()))
    );
    assert_ne!(
        with_query.get("Meetings/Sync 0.md"),
        before.get("Meetings/Sync 0.md"),
        "the handle the query searches for is no longer rewritten"
    );
    warm.remove(&dashboard.0);
    assert_eq!(everything(&mut warm), before);
}
