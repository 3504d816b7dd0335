//! Property tests over generated notes: clean notes stay byte-identical, fixing is idempotent,
//! body lines survive, the fixed frontmatter parses, and no input makes the engine panic.

mod frontmatter_common;
#[path = "../src/proptest_config.rs"]
mod proptest_config;

use curator_core::{Engine, Note, Settings};
use frontmatter_common::engine_with;
use proptest::prelude::*;

fn engine() -> Engine {
    engine_with(Settings::default(), &[])
}

/// Lines of a property already in normal form, in many writing styles.
fn clean_property() -> impl Strategy<Value = Vec<String>> {
    let tag = "[a-z][a-z0-9-]{0,8}(/[a-z][a-z0-9-]{0,8})?";
    prop_oneof![
        (
            "(created|date|updated)",
            "20[0-9]{2}-0[1-9]-1[0-9]",
            0..3usize
        )
            .prop_map(|(k, d, q)| {
                let q = ["", "'", "\""][q];
                vec![format!("{k}: {q}{d}{q}")]
            }),
        proptest::collection::vec(tag, 1..4).prop_map(|mut tags| {
            tags.dedup();
            let mut seen = Vec::new();
            tags.retain(|t| {
                !seen.contains(t) && {
                    seen.push(t.clone());
                    true
                }
            });
            vec![format!("tags: [{}]", tags.join(", "))]
        }),
        (proptest::collection::vec(tag, 1..4), "( {0,2})").prop_map(|(tags, indent)| {
            let mut lines = vec!["tags:".to_string()];
            let mut seen = Vec::new();
            for t in tags {
                if !seen.contains(&t) {
                    lines.push(format!("{indent}- {t}"));
                    seen.push(t);
                }
            }
            lines
        }),
        (
            "(title|role|location|status)",
            "[A-Za-z][A-Za-z ]{0,12}[a-z]",
            0..3usize
        )
            .prop_map(|(k, v, q)| {
                let q = ["", "'", "\""][q];
                vec![format!("{k}: {q}{v}{q}")]
            }),
        "[a-z ]{0,20}".prop_map(|c| vec![format!("# {c}")]),
        Just(vec![
            "summary: |".to_string(),
            "  Line one".to_string(),
            "    indented".to_string()
        ]),
        Just(vec!["aliases:".to_string(), "  - Someone".to_string()]),
        Just(vec![
            "nested:".to_string(),
            "  key: value # why".to_string()
        ]),
        Just(vec!["empty:".to_string()]),
        Just(vec!["ai_extracted: true".to_string()]),
    ]
}

/// Lines of a property with something to fix.
fn dirty_property() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        (
            "(created|date|due|Created)",
            prop_oneof![
                Just("2026/01/03"),
                Just("20260103"),
                Just("Jan 3, 2026"),
                Just("23.01.2026"),
                Just("03/04/2026"),
                Just("2026-01-03T10:00"),
                Just("{{DATE}}"),
                Just("{ { DATE } }"),
                Just("\"{{date}}\""),
            ]
        )
            .prop_map(|(k, v)| vec![format!("{k}: {v}")]),
        prop_oneof![
            Just("tags: Meeting, #Customer/Foo, meeting"),
            Just("Tags: \"#A, b\""),
            Just("tags: [People, PEOPLE, \"#x\"]"),
            Just("TITLE: \"{{title}}\""),
            Just("title: { { TITLE } }"),
            Just("participants: [{{PARTICIPANTS}}]"),
            Just("participants: \"{{participants}}\""),
            Just("aliases: [A, A, b]"),
            Just("location: \"KrakÃ³w\""),
        ]
        .prop_map(|l| vec![l.to_string()]),
        Just(vec![
            "tags:".to_string(),
            "  - \"#meeting\"".to_string(),
            "  - Meeting # dup".to_string(),
            "  - x/Y".to_string()
        ]),
    ]
}

fn body_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z ,.]{0,30}",
        Just("**Date:** 2025-10-28".to_string()),
        Just("**Participants:** Ada Lovelace, Quentin Nobody".to_string()),
        Just("- [ ] a task".to_string()),
        Just("---".to_string()),
        Just("```".to_string()),
        Just("tags: not frontmatter".to_string()),
        Just(String::new()),
    ]
}

/// A note: frontmatter of distinct keys from `props`, a body, a line ending, BOM and final newline.
fn note(props: impl Strategy<Value = Vec<String>>) -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(props, 0..7),
        proptest::collection::vec(body_line(), 0..6),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(props, body, crlf, bom, final_newline)| {
            let le = if crlf { "\r\n" } else { "\n" };
            let mut keys: Vec<String> = Vec::new();
            let mut lines = vec!["---".to_string()];
            for p in props {
                let key = p[0].split(':').next().unwrap_or("").to_lowercase();
                if !key.starts_with('#') && keys.contains(&key) {
                    continue;
                }
                keys.push(key);
                lines.extend(p);
            }
            lines.push("---".to_string());
            lines.extend(body);
            let mut text = if bom {
                "\u{feff}".to_string()
            } else {
                String::new()
            };
            text.push_str(&lines.join(le));
            if final_newline {
                text.push_str(le);
            }
            text
        })
}

fn body_of(text: &str) -> Vec<String> {
    Note::parse("n.md", text)
        .body()
        .lines()
        .map(str::to_string)
        .collect()
}

proptest! {
    #![proptest_config(proptest_config::cases(300))]

    #[test]
    fn clean_notes_stay_byte_identical(text in note(clean_property())) {
        let out = engine().fix("Notes/n.md", &text);
        prop_assert!(out.error.is_none(), "{:?}", out.error);
        prop_assert_eq!(out.text, None);
    }

    #[test]
    fn fixing_is_idempotent_and_keeps_body_and_yaml(
        text in note(prop_oneof![clean_property(), dirty_property()]),
        path in prop_oneof![Just("Notes/n.md"), Just("Meetings/2025-10-28 - Sync.md")],
    ) {
        let engine = engine();
        let out = engine.fix(path, &text);
        prop_assert!(out.error.is_none(), "{:?}", out.error);
        let fixed = out.text.unwrap_or_else(|| text.clone());
        prop_assert_eq!(engine.fix(path, &fixed).text, None, "second fix changed {:?}", fixed);
        let after = body_of(&fixed);
        for line in body_of(&text) {
            prop_assert!(after.contains(&line), "lost {:?}", line);
        }
        let note = Note::parse(path, &fixed);
        let fm = note.frontmatter.as_ref().expect("frontmatter kept");
        prop_assert!(fm.yaml.is_ok(), "{:?} in {:?}", fm.yaml, fixed);
        prop_assert_eq!(text.starts_with('\u{feff}'), fixed.starts_with('\u{feff}'));
        prop_assert_eq!(text.contains("\r\n"), fixed.contains("\r\n"));
    }

    #[test]
    fn any_text_is_handled_without_panic(
        head in "(---\n|\u{feff}---\r\n)?",
        middle in "[-a-zA-Z:{}\\[\\]#'\" ,\n&*|>!%@`]{0,80}",
        close in "(---\n)?",
    ) {
        let text = format!("{head}{middle}\n{close}body\n");
        let out = engine().fix("n.md", &text);
        if out.error.is_some() {
            prop_assert!(out.text.is_none());
        }
    }
}
