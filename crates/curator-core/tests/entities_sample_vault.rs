//! The shared sample vault's transcript: every misheard name resolved or queued with the right
//! top candidate, and nothing linked to the wrong note. Skips when ../shared is absent.

use curator_core::entities::Decision;
use curator_core::{Engine, Settings};
use std::path::Path;

/// `../shared` beside the repository, as CI lays it out; tests skip when it is absent.
const VAULT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/sample-vault");

fn load() -> Option<(Engine, Vec<(String, String)>)> {
    let root = Path::new(VAULT);
    let mut notes = Vec::new();
    for dir in std::fs::read_dir(root).ok()?.flatten() {
        for f in std::fs::read_dir(dir.path()).ok()?.flatten() {
            let p = f.path();
            if p.extension().is_some_and(|x| x == "md") {
                let rel = p
                    .strip_prefix(root)
                    .ok()?
                    .to_string_lossy()
                    .replace('\\', "/");
                notes.push((rel, std::fs::read_to_string(&p).ok()?));
            }
        }
    }
    let mut engine = Engine::new(Settings::default());
    for (path, text) in &notes {
        engine.index_mut().upsert(path, text);
    }
    Some((engine, notes))
}

#[test]
fn transcript_names_resolve_or_queue_to_the_right_note() {
    let Some((engine, notes)) = load() else {
        eprintln!("skipped: {VAULT} is absent");
        return;
    };
    let mentions: Vec<_> = notes
        .iter()
        .filter(|(p, _)| p.starts_with("Meetings/"))
        .flat_map(|(p, t)| engine.mentions(p, t))
        .collect();
    // Renderings the transcript uses, and the note each must resolve (or be queued) to.
    let expected = [
        ("Nico", "Niko Dukic"),
        ("WAMSHI", "Vamshi"),
        ("Vamsi", "Vamshi"),
        ("Needy", "Nidhi"),
        ("Maneesh", "Manish"),
        ("UKMAT", "UK Met Office"),
        ("VaST", "VAST Data"),
        ("Igal", "Igal"),
    ];
    for (text, entity) in expected {
        let found: Vec<_> = mentions.iter().filter(|m| m.text == text).collect();
        assert!(!found.is_empty(), "{text} not found");
        for m in found {
            assert_eq!(m.resolved.as_deref(), Some(entity), "{m:#?}");
        }
    }
    // Names written in full resolve exactly; a confident link always names a note whose name
    // shares a letter-for-letter or phonetic part with the mention.
    for m in mentions.iter().filter(|m| m.decision.is_confident()) {
        assert!(m.confidence >= 0.95, "{m:#?}");
        assert!(!m.reasons.is_empty());
    }
    // Lowercase speech and mojibake: queued (or linked) to the right person.
    for (text, entity) in [
        ("leo", "Lior Genzel"),
        ("eagle", "Igal"),
        ("JÃ¼rgen", "Jürgen"),
    ] {
        let found: Vec<_> = mentions.iter().filter(|m| m.text == text).collect();
        assert!(!found.is_empty(), "{text} not found");
        for m in found {
            assert!(m.decision != Decision::Unknown, "{m:#?}");
            assert_eq!(m.resolved.as_deref(), Some(entity), "{m:#?}");
        }
    }
    let everything: Vec<_> = notes
        .iter()
        .flat_map(|(p, t)| engine.mentions(p, t))
        .collect();
    let banga: Vec<_> = everything
        .iter()
        .filter(|m| m.text == "Rob Banga")
        .collect();
    assert!(!banga.is_empty());
    for m in banga {
        assert_eq!(m.decision, Decision::Auto, "{m:#?}");
        assert_eq!(m.resolved.as_deref(), Some("Rob Benoit"), "{m:#?}");
    }
    // Everyday words that only sound like a name, a heading, and a link reference definition's
    // path are no one.
    for m in &everything {
        let word = ["Need", "Data", "Align", "Open Tasks", "Eagle"].contains(&m.text.as_str());
        assert!(!word, "{m:#?}");
    }
}
