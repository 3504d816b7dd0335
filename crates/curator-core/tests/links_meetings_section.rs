//! The opt-in meetings section of person notes, over a small vault of its own
//! (`tests/golden/meetings-section/`): every person note holding the markers is compared with
//! `<note>.expected.md` after the sections are brought up to date (`UPDATE_GOLDEN=1 cargo test
//! --test links_meetings_section` rewrites them; review the diff before committing it). The
//! section is idempotent, leaves every note alone with the rule off, and follows resolution:
//! an answer given in review or an edited meeting adds or drops a line.

use curator_core::links::meetings::RULE;
use curator_core::links::property::RULE as MENTION_LINKS;
use curator_core::settings::Resolution;
use curator_core::vault::Vault;
use curator_core::{apply_edits, Settings};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const EXPECTED: &str = ".expected.md";
const MARISOL: &str = "People/Marisol Quintero.md";
const TOBIAS: &str = "People/Tobias Lindqvist.md";

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/meetings-section")
}

/// The vault's notes (`(path, text)`, the expected files left out), in path order.
fn notes() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for folder in std::fs::read_dir(golden_dir()).expect("the golden vault") {
        let folder = folder.expect("a folder").path();
        for file in std::fs::read_dir(&folder).expect("a folder of notes") {
            let file = file.expect("a note").path();
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            if name.ends_with(".md") && !name.ends_with(EXPECTED) {
                let dir = folder.file_name().unwrap_or_default().to_string_lossy();
                let text = std::fs::read_to_string(&file).expect("a note's text");
                out.insert(format!("{dir}/{name}"), text);
            }
        }
    }
    out
}

fn settings(on: bool) -> Settings {
    let mut settings = Settings::default();
    settings.set_rule(&RULE, on);
    settings
}

fn vault(settings: Settings, notes: &BTreeMap<String, String>) -> Vault {
    let owned = notes.iter().map(|(p, t)| (p.clone(), t.clone()));
    Vault::build(settings, owned.collect())
}

/// Every note's text after its sections are brought up to date.
fn updated(vault: &mut Vault, notes: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let mut out = notes.clone();
    for (path, edits) in vault.section_edits().expect("every text held") {
        let text = apply_edits(&notes[&path], &edits).expect("section edits apply");
        out.insert(path, text);
    }
    out
}

#[test]
fn sections_match_the_golden_files() {
    let notes = notes();
    let after = updated(&mut vault(settings(true), &notes), &notes);
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    for (path, text) in &after {
        let expected = golden_dir().join(path.replace(".md", EXPECTED));
        if !text.contains("<!-- curator:meetings -->") {
            assert_eq!(
                text, &notes[path],
                "{path} has no section and must not change"
            );
            continue;
        }
        if update {
            std::fs::write(&expected, text).expect("write the expected file");
            continue;
        }
        let want = std::fs::read_to_string(&expected).expect("an expected file");
        assert_eq!(text, &want, "{path}");
    }
}

#[test]
fn updating_again_changes_nothing() {
    let notes = notes();
    let after = updated(&mut vault(settings(true), &notes), &notes);
    assert_ne!(after, notes);
    assert!(vault(settings(true), &after)
        .section_edits()
        .expect("every text held")
        .is_empty());
}

#[test]
fn with_the_rule_off_nothing_changes() {
    let notes = notes();
    let mut off = vault(settings(false), &notes);
    assert!(off.section_edits().expect("every text held").is_empty());
    // The section is never part of a note's own fix: the fixes are the same either way.
    let mut on = vault(settings(true), &notes);
    for path in notes.keys() {
        assert_eq!(off.fixed(path), on.fixed(path), "{path}");
    }
}

#[test]
fn an_answer_given_in_review_and_an_edited_meeting_are_followed() {
    let notes = notes();
    let lines = |vault: &mut Vault, notes: &BTreeMap<String, String>, path: &str| {
        updated(vault, notes)[path]
            .lines()
            .filter(|l| l.starts_with("- "))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let misheard = "- [[2025-04-10 Vendor review]] · 2025-04-10 — as \"Tobias Lindkvist\"";
    assert!(lines(&mut vault(settings(true), &notes), &notes, TOBIAS).contains(&misheard.into()));
    let mut settings = settings(true);
    settings.rejected.push(Resolution {
        text: "Tobias Lindkvist".into(),
        entity: "Tobias Lindqvist".into(),
    });
    // Tobias is still a participant of the vendor review, but no longer misheard in it.
    let with_answer = lines(&mut vault(settings, &notes), &notes, TOBIAS);
    assert!(
        with_answer.contains(&"- [[2025-04-10 Vendor review]] · 2025-04-10".into()),
        "{with_answer:?}"
    );

    // A warm vault follows an edited meeting as a cold one reads it.
    let mut warm = vault(self::settings(true), &notes);
    let before = lines(&mut warm, &notes, TOBIAS);
    assert!(before.iter().any(|l| l.contains("[[Retro]]")), "{before:?}");
    let mut edited = notes.clone();
    let retro = "Meetings/Retro.md".to_string();
    edited.insert(
        retro.clone(),
        notes[&retro].replace("Tobias Lindqvist", "Ines Okafor"),
    );
    warm.upsert(&retro, &edited[&retro]);
    let after = lines(&mut warm, &edited, TOBIAS);
    assert!(after.iter().all(|l| !l.contains("[[Retro]]")), "{after:?}");
    let cold = lines(&mut vault(self::settings(true), &edited), &edited, TOBIAS);
    assert_eq!(after, cold);
}

/// The `last_contact` a person note holds, and the dates its section lists, newest first.
fn contact_and_dates(text: &str) -> (String, Vec<String>) {
    let value = |line: &str| line.strip_prefix("last_contact: ").map(str::to_string);
    let contact = text.lines().find_map(value).unwrap_or_default();
    let dates = text
        .lines()
        .filter(|l| l.starts_with("- [["))
        .filter_map(|l| l.split(" · ").nth(1))
        .map(|d| d.split(' ').next().unwrap_or(d).to_string())
        .collect();
    (contact, dates)
}

/// The vault after `fix` and the sections, as `curator fix` leaves it: fixed again until
/// nothing that a fix changed moves another note.
fn fixed_vault(settings: Settings) -> BTreeMap<String, String> {
    let mut notes = notes();
    let mut vault = vault(settings, &notes);
    for _ in 0..4 {
        let paths: Vec<String> = notes.keys().cloned().collect();
        let mut moved = false;
        for path in paths {
            if let Some(text) = vault.fixed(&path).and_then(|f| f.text.clone()) {
                notes.insert(path, text);
                moved = true;
            }
        }
        for (path, text) in &notes {
            vault.upsert(path, text);
        }
        if !moved {
            break;
        }
    }
    updated(&mut vault, &notes)
}

#[test]
fn every_meeting_that_moves_last_contact_is_in_the_section() {
    // Links are mentions written exactly: a meeting that links a person is about them.
    let plain = fixed_vault(settings(true));
    for path in [MARISOL, TOBIAS] {
        let (contact, dates) = contact_and_dates(&plain[path]);
        assert!(
            dates.contains(&contact),
            "{path}: {contact} is not in {dates:?}"
        );
    }
    // With mention links on, every meeting about a person links them: once fixed, the newest
    // meeting of the section is the person's last contact.
    let mut linked = settings(true);
    linked.set_rule(&MENTION_LINKS, true);
    let linked = fixed_vault(linked);
    for path in [MARISOL, TOBIAS] {
        let (contact, dates) = contact_and_dates(&linked[path]);
        assert_eq!(Some(&contact), dates.first(), "{path}");
    }
}
