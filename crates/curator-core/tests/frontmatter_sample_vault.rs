//! The real example vault in ../shared/sample-vault (skipped when absent): the meeting's
//! placeholders are filled from the note (participants linked to the three people's notes),
//! and notes with nothing to fix keep their frontmatter bytes.

mod frontmatter_common;

use curator_core::{Engine, Note, Settings};
use frontmatter_common::read_notes;
use std::path::Path;

/// `../shared` beside the repository, as CI lays it out; tests skip when it is absent.
const VAULT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/sample-vault");

/// The frontmatter block's bytes, fences included.
fn frontmatter_block(text: &str) -> String {
    let note = Note::parse("n.md", text);
    note.frontmatter
        .and_then(|f| text.get(f.block).map(str::to_string))
        .unwrap_or_default()
}

#[test]
fn sample_vault_meeting_is_filled_and_clean_notes_stay() {
    let root = Path::new(VAULT);
    if !root.is_dir() {
        eprintln!("skipped: {VAULT} is absent");
        return;
    }
    let notes = read_notes(root, |_| true);
    let mut engine = Engine::new(Settings::default());
    for (path, text) in &notes {
        engine.index_mut().upsert(path, text);
    }
    let meeting_path = "Meetings/20251028 0930 Parallels Transcription.md";
    let (_, meeting) = notes
        .iter()
        .find(|(p, _)| p == meeting_path)
        .expect("the sample meeting");
    let fixed = engine
        .fix(meeting_path, meeting)
        .text
        .expect("the meeting changes");
    let note = Note::parse(meeting_path, &fixed);
    assert_eq!(
        note.property("created").and_then(|n| n.as_str()),
        Some("2025-10-28")
    );
    assert!(fixed.contains("\ncreated: 2025-10-28\n"));
    let participants = note
        .property("participants")
        .expect("participants")
        .strings();
    assert_eq!(
        participants,
        vec!["[[Jason Vallery]]", "[[Niko Dukic]]", "[[Lior Genzel]]"]
    );
    assert!(fixed.contains(
        "\nparticipants: [\"[[Jason Vallery]]\", \"[[Niko Dukic]]\", \"[[Lior Genzel]]\"]\n"
    ));
    for link in participants {
        let name = link.trim_start_matches("[[").trim_end_matches("]]");
        let person = engine.index().entity_named(name).expect("a people note");
        assert!(person.path.starts_with("People/"), "{}", person.path);
    }
    for (path, text) in &notes {
        let out = engine.fix(path, text);
        assert!(out.error.is_none(), "{path}: {:?}", out.error);
        let after = out.text.unwrap_or_else(|| text.clone());
        if path == "Pages/about.md" {
            assert_eq!(&after, text, "{path} changed");
        }
        if path.starts_with("People/") || path.starts_with("Organizations/") {
            assert_eq!(frontmatter_block(&after), frontmatter_block(text), "{path}");
        }
    }
}
