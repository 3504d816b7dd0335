//! Frontmatter the engine refuses to edit — malformed YAML, unterminated blocks, duplicate keys,
//! anchors and aliases, absurd nesting or size — end to end through `Engine::fix`: a clear error
//! naming the note and line, the note untouched, a review item, and bounded time.

mod frontmatter_common;

use curator_core::{ReviewReason, Settings};
use frontmatter_common::engine_with;
use std::time::{Duration, Instant};

/// Fixes `text`, asserts it was refused, and returns the error's line and message.
fn refused(text: &str) -> (Option<usize>, String) {
    let engine = engine_with(Settings::default(), &[]);
    let started = Instant::now();
    let out = engine.fix("Notes/Broken.md", text);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "took {:?}",
        started.elapsed()
    );
    assert!(out.text.is_none(), "a refused note must stay untouched");
    assert!(out.applied.is_empty());
    let error = out.error.expect("an error");
    assert_eq!(error.path, "Notes/Broken.md");
    assert!(
        out.review
            .iter()
            .any(|r| r.reason == ReviewReason::InvalidFrontmatter && r.line == error.line),
        "{:?}",
        out.review
    );
    (error.line, error.message)
}

#[test]
fn malformed_yaml_names_the_line() {
    let (line, message) =
        refused("---\ntitle: ok\ntags: [meeting\ncreated: 2026/01/03\n---\nbody\n");
    assert!(message.contains("not valid YAML"), "{message}");
    assert!(matches!(line, Some(3..=5)), "{line:?}");
}

#[test]
fn hand_written_values_yaml_misreads_say_what_to_change() {
    let (line, message) = refused("---\ntitle: Retro: what went well\ndate: 2026-01-03\n---\n");
    assert_eq!(line, Some(2));
    assert!(
        message.ends_with("the value of `title` holds `: `, which YAML reads as another property: put the whole value in quotes"),
        "{message}"
    );
    let (line, message) =
        refused("---\ndate: 2026-01-03\nsummary: `cargo fmt` before merging\n---\n");
    assert_eq!(line, Some(3));
    assert!(
        message.ends_with("the value of `summary` starts with `, which YAML reserves: put the whole value in quotes"),
        "{message}"
    );
    let (line, message) = refused("---\nrelated: [[Ana]], [[Rob]]\ntags: a\n---\n");
    assert_eq!(line, Some(2));
    assert!(
        message.ends_with(
            "the value of `related` is a link written bare, which YAML reads as a list and \
             cannot go on after: put each link in quotes (`related: \"[[A]]\"`, or a list of \
             them: `related: [\"[[A]]\", \"[[B]]\"]`)"
        ),
        "{message}"
    );
    let (line, message) = refused("---\ntitle: \"Ship it\" said the lead\n---\n");
    assert_eq!(line, Some(2));
    assert!(
        message.contains("the value of `title` opens with a quoted part and goes on after it"),
        "{message}"
    );
}

#[test]
fn unterminated_frontmatter_is_refused() {
    let (line, message) = refused("---\ntags: Meeting\ncreated: 2026/01/03\n\n# Heading\n");
    assert_eq!(line, Some(1));
    assert!(message.contains("never closes"), "{message}");
}

#[test]
fn duplicate_keys_are_refused() {
    let (line, message) = refused("---\ntags: [a]\ncreated: 2026/01/03\ntags: [b]\n---\n");
    assert_eq!(line, Some(4));
    assert!(message.contains("`tags` twice"), "{message}");
}

#[test]
fn anchors_and_aliases_are_refused_without_expansion() {
    let mut laughs = String::from(
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().enumerate() {
        let prev = ["a", "b", "c", "d", "e", "f", "g", "h"][i];
        laughs.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    laughs.push_str("created: 2026/01/03\n---\nbody\n");
    let (line, message) = refused(&laughs);
    assert!(message.contains("alias"), "{message}");
    assert_eq!(line, Some(3));
    // Anchors and aliases are valid YAML: the message says why the note is left, not that it
    // is broken.
    let (_, message) = refused(
        "---
first: &x hello
second: *x
---
",
    );
    assert!(
        message.starts_with("frontmatter uses a YAML alias"),
        "{message}"
    );
}

#[test]
fn deep_nesting_and_huge_frontmatter_are_refused() {
    let deep = format!("---\nx: {}{}\n---\n", "[".repeat(40), "]".repeat(40));
    let (_, message) = refused(&deep);
    assert!(message.contains("nested deeper"), "{message}");
    let deeper = format!(
        "---\nx: {}{}\n---\n",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    let (_, message) = refused(&deeper);
    assert!(message.contains("not valid YAML"), "{message}");
    let huge = format!(
        "---\ntags: Meeting\nnote: \"{}\"\n---\n",
        "x".repeat(300 * 1024)
    );
    let (_, message) = refused(&huge);
    assert!(
        message.starts_with("frontmatter is 300 KB; the limit"),
        "{message}"
    );
}

#[test]
fn notes_without_frontmatter_are_left_alone() {
    let engine = engine_with(Settings::default(), &[]);
    for text in [
        "",
        "# Title\n\ntags: Meeting\n",
        "----\nnot: frontmatter\n",
        "\u{feff}plain",
    ] {
        let out = engine.fix("Notes/Plain.md", text);
        assert!(
            out.error.is_none() && out.text.is_none(),
            "{text:?}: {out:?}"
        );
    }
}
