//! Fuzz targets for Vault Curator's engine.
//!
//! Each target takes arbitrary bytes, runs one part of the engine on them and asserts the
//! engine's promises, panicking when one is broken — a panic is how a fuzz target reports. The
//! same functions run in two places: the coverage-guided fuzzer in `fuzz/` (`npm run
//! test:deep`), and `cargo test`, which replays the committed seed corpus (`corpus/TARGET/`)
//! and every input that once broke a promise (`regressions/TARGET/`).

mod invariants;
mod vault;

use curator_core::links::meetings::meeting;
use curator_core::note::{has_unterminated_frontmatter, Note};
use curator_core::{apply_edits, yaml};
use invariants::{assert_edits_fit, assert_lines_fit, assert_note_spans_fit, assert_tree_fits};

/// A fuzz target: bytes in, a panic when a promise is broken.
pub type Target = fn(&[u8]);

/// Every target by name, as the fuzzer and the corpus folders name them.
pub const TARGETS: &[(&str, Target)] = &[
    ("note_parser", note_parser),
    ("yaml_tree", yaml_tree),
    ("check_fix", check_fix),
];

/// The note parser: every span it records lies in the note, on character boundaries.
pub fn note_parser(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let note = Note::parse("Notes/n.md", &text);
    assert_note_spans_fit(&note);
    let _ = has_unterminated_frontmatter(&text);
}

/// The YAML tree: every node's span lies in the source, on character boundaries and inside its
/// parent's, quoted scalars span their quotes, and every scalar it reads, written back by the
/// emitter, reads back as itself.
pub fn yaml_tree(data: &[u8]) {
    let src = String::from_utf8_lossy(data);
    if let Ok(root) = yaml::parse(&src) {
        assert_tree_fits(&src, &root, &(0..src.len()));
        invariants::assert_scalars_reemit(&root);
    }
}

/// The whole check/fix path over a small vault: edits lie in the note on character boundaries
/// and do not overlap; check and fix report the same error, and an error leaves the note
/// untouched; a note without edits is untouched; the fixed note parses and fixing it again
/// changes nothing; tasks, mentions and generated sections stay inside the note.
///
/// The first byte picks the note's folder and the settings (list style, generated sections).
pub fn check_fix(data: &[u8]) {
    let (selector, rest) = data.split_first().map_or((0, data), |(s, r)| (*s, r));
    let text = String::from_utf8_lossy(rest);
    let (path, engine) = vault::engine_for(selector, &text);
    let report = engine.check(path, &text);
    assert_edits_fit(&text, &report.edits);
    if let Err(e) = apply_edits(&text, &report.edits) {
        panic!("check's edits do not apply: {e}");
    }
    if report.error.is_some() {
        assert!(report.edits.is_empty(), "a note with an error got edits");
    }
    let note = Note::parse(path, &text);
    let lines: Vec<usize> = report.review.iter().filter_map(|r| r.line).collect();
    assert_lines_fit(&note, &lines, "review item");
    let tasks: Vec<usize> = engine.tasks(path, &text).iter().map(|t| t.line).collect();
    assert_lines_fit(&note, &tasks, "task");
    let mentions: Vec<usize> = engine
        .mentions(path, &text)
        .iter()
        .map(|m| m.line)
        .collect();
    assert_lines_fit(&note, &mentions, "mention");
    let meetings: Vec<_> = meeting(engine.index(), path, &text, &engine.mentions(path, &text))
        .into_iter()
        .collect();
    let sections =
        engine.section_edits_from(&[(path, &text)], &engine.tasks(path, &text), &meetings);
    for (_, edits) in sections {
        assert_edits_fit(&text, &edits);
    }

    let fixed = engine.fix(path, &text);
    assert_eq!(fixed.error, report.error, "check and fix disagree");
    if report.edits.is_empty() || fixed.error.is_some() {
        assert_eq!(
            fixed.text, None,
            "a note without edits, or with an error, was changed"
        );
    }
    let Some(fixed) = fixed.text else {
        return;
    };
    assert_ne!(fixed, text, "fix returned the text unchanged as a change");
    let before = note.frontmatter.as_ref().map(|f| f.yaml.is_ok());
    let after = Note::parse(path, &fixed);
    let after = after.frontmatter.as_ref().map(|f| f.yaml.is_ok());
    assert_eq!(
        after, before,
        "the fixed note's frontmatter no longer reads the same"
    );
    let (_, engine) = vault::engine_for(selector, &fixed);
    let again = engine.fix(path, &fixed);
    assert_eq!(again.error, None, "the fixed note cannot be fixed again");
    assert_eq!(
        again.text, None,
        "fixing the fixed note changed it again: {:?}",
        again.applied
    );
}
