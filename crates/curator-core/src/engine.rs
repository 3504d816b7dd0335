//! The engine: runs every rule on a note against the vault index.
//!
//! [`Engine::check`] returns a note's edits and review items without changing anything;
//! [`Engine::fix`] applies them, repeating until the note is stable, so fixing a fixed note
//! changes nothing. Both the WASM binding and the CLI call exactly these functions.

use crate::context::Context;
use crate::edit::{apply_edits, Edit};
use crate::error::NoteError;
use crate::frontmatter::Findings;
use crate::index::{NoteKind, VaultIndex};
use crate::note::{has_unterminated_frontmatter, Note};
use crate::review::{ReviewItem, ReviewReason};
use crate::rules::Pass;
use crate::settings::Settings;
use crate::{entities, tasks};
use serde::Serialize;
use std::ops::Range;

/// How many times [`Engine::fix`] re-runs the rules on its own output before giving up.
const MAX_FIX_PASSES: usize = 4;

/// What the engine would do to one note.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct NoteReport {
    /// Vault-relative path.
    pub path: String,
    /// Non-overlapping edits against the note's current text.
    pub edits: Vec<Edit>,
    /// Review items raised for the note.
    pub review: Vec<ReviewItem>,
    /// Set when the note cannot be edited; `edits` is then empty.
    pub error: Option<NoteError>,
}

/// The result of fixing one note.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct FixOutcome {
    /// The new text, or `None` when nothing changed.
    pub text: Option<String>,
    /// Every edit applied, pass by pass (spans of later passes refer to the previous pass's text).
    pub applied: Vec<Edit>,
    /// Review items of the fixed note.
    pub review: Vec<ReviewItem>,
    /// Set when the note could not be fixed; it is then left untouched.
    pub error: Option<NoteError>,
}

/// The engine: a vault index plus the rules.
#[derive(Debug, Clone, Default)]
pub struct Engine {
    index: VaultIndex,
}

impl Engine {
    /// An engine over an empty vault.
    pub fn new(settings: Settings) -> Self {
        Engine {
            index: VaultIndex::new(settings),
        }
    }

    /// The vault index.
    pub fn index(&self) -> &VaultIndex {
        &self.index
    }

    /// The vault index, for create/modify/rename/delete updates.
    pub fn index_mut(&mut self) -> &mut VaultIndex {
        &mut self.index
    }

    /// The settings the engine runs with (they live in the index, which uses them to classify notes).
    pub fn settings(&self) -> &Settings {
        self.index.settings()
    }

    /// What fixing the note would do, without changing it.
    pub fn check(&self, path: &str, text: &str) -> NoteReport {
        self.check_note(&Note::parse(path, text))
    }

    /// [`Engine::check`] of a note parsed already.
    pub fn check_note(&self, note: &Note) -> NoteReport {
        let path = note.path;
        let mut report = NoteReport {
            path: path.to_string(),
            ..Default::default()
        };
        let settings = self.index.settings();
        if settings.is_ignored(path) || settings.is_template(path) {
            return report;
        }
        if let Some(error) = note_error(note) {
            report.review.push(ReviewItem::new(
                path,
                error.line,
                ReviewReason::InvalidFrontmatter,
                error.message.clone(),
            ));
            report.error = Some(error);
            return report;
        }
        let ctx = Context::for_note(&self.index, note);
        let mut pass = Pass::new(note, &ctx);
        pass.run_rules();
        // Review items about mentions are raised whether or not the links rule may edit them.
        let meeting = self
            .index
            .get(path)
            .is_some_and(|n| n.kind == NoteKind::Meeting);
        let mentions = entities::review::note_items(note, pass.resolved(), meeting);
        let Findings {
            edits: proposals,
            review,
        } = pass.findings;
        report.review.extend(review);
        report.review.extend(mentions);
        report.review.extend(tasks::date_review(note, &ctx));
        if has_tag(note, "needs-review") {
            report.review.push(ReviewItem::new(
                path,
                None,
                ReviewReason::NeedsReview,
                "created automatically and tagged needs-review: check its facts, then remove the tag",
            ));
        }
        report.edits = without_overlaps(proposals, &note.comments);
        report
    }

    /// Applies the note's edits, repeating until nothing changes. Errors leave the note untouched.
    pub fn fix(&self, path: &str, text: &str) -> FixOutcome {
        self.fix_from(path, text, self.check(path, text))
    }

    /// Like [`Engine::fix`], continuing from `first`, the [`Engine::check`] of this very text, so
    /// a caller that has just checked the note does not pay for the first pass twice.
    pub fn fix_from(&self, path: &str, text: &str, first: NoteReport) -> FixOutcome {
        let mut outcome = FixOutcome::default();
        let mut current = text.to_string();
        let mut report = first;
        for pass in 1..=MAX_FIX_PASSES {
            outcome.review = report.review;
            if let Some(error) = report.error {
                outcome.error = Some(error);
                outcome.applied.clear();
                return outcome;
            }
            if report.edits.is_empty() {
                break;
            }
            match apply_edits(&current, &report.edits) {
                Ok(next) if next != current => current = next,
                Ok(_) => break,
                Err(e) => {
                    outcome.error = Some(NoteError::new(path, None, format!("internal: {e}")));
                    outcome.applied.clear();
                    return outcome;
                }
            }
            outcome.applied.extend(report.edits);
            if pass == MAX_FIX_PASSES {
                break;
            }
            report = self.check(path, &current);
        }
        if current != text {
            outcome.text = Some(current);
        }
        outcome
    }

    /// Every task in the note.
    pub fn tasks(&self, path: &str, text: &str) -> Vec<tasks::Task> {
        self.tasks_note(&Note::parse(path, text))
    }

    /// [`Engine::tasks`] of a note parsed already.
    pub fn tasks_note(&self, note: &Note) -> Vec<tasks::Task> {
        tasks::extract(note, &Context::for_note(&self.index, note))
    }

    /// The edits that bring each person note's open-tasks section up to date, keyed by path.
    ///
    /// `notes` are `(path, text)` pairs of the whole vault: tasks are read from all of them, and
    /// every person note that holds the section markers (see [`tasks::section`]), has the rule on
    /// and can be edited gets at most one edit, against the text given here.
    pub fn section_edits(&self, notes: &[(&str, &str)]) -> Vec<(String, Edit)> {
        let all: Vec<tasks::Task> = notes
            .iter()
            .flat_map(|(path, text)| self.tasks(path, text))
            .collect();
        notes
            .iter()
            .filter(|(path, _)| {
                self.index
                    .get(path)
                    .is_some_and(|s| s.kind == NoteKind::Person)
            })
            .filter_map(|(path, text)| {
                let note = Note::parse(path, text);
                let ctx = Context::for_note(&self.index, &note);
                if note_error(&note).is_some() || !ctx.enabled(&tasks::section::RULE) {
                    return None;
                }
                let edit = tasks::section::section_edit(&note, &all)?;
                Some((path.to_string(), edit))
            })
            .collect()
    }

    /// Every person and organisation mention in the note, resolved (none in a template).
    pub fn mentions(&self, path: &str, text: &str) -> Vec<entities::Mention> {
        if self.settings().is_template(path) {
            return Vec::new();
        }
        let note = Note::parse(path, text);
        entities::mentions(&note, &Context::for_note(&self.index, &note))
    }

    /// Review items that concern the vault as a whole (duplicate people, recurring unknown names).
    pub fn vault_review(&self) -> Vec<ReviewItem> {
        entities::vault_review(&self.index)
    }
}

/// The error that stops the engine from editing a note, if any.
fn note_error(note: &Note) -> Option<NoteError> {
    if has_unterminated_frontmatter(note.text) {
        return Some(NoteError::new(
            note.path,
            Some(1),
            "frontmatter opens with `---` but never closes: add a closing `---` line",
        ));
    }
    let fm = note.frontmatter.as_ref()?;
    let err = fm.yaml.as_ref().err()?;
    Some(NoteError::new(
        note.path,
        Some(err.line),
        format!("frontmatter is not valid YAML: {}", err.message),
    ))
}

fn has_tag(note: &Note, tag: &str) -> bool {
    note.property("tags").is_some_and(|n| {
        n.strings().iter().any(|t| {
            t.split([',', ' '])
                .any(|x| x.trim().trim_start_matches('#').eq_ignore_ascii_case(tag))
        })
    })
}

/// Keeps edits in rule priority order (the order proposed), dropping any that overlap an earlier
/// one; the next fix pass proposes the dropped ones again against the new text. Edits that change
/// a `%%` comment or insert text inside one are dropped for good: no rule edits what Obsidian
/// hides.
fn without_overlaps(proposals: Vec<Edit>, comments: &[Range<usize>]) -> Vec<Edit> {
    let mut kept: Vec<Edit> = Vec::with_capacity(proposals.len());
    for edit in proposals {
        let in_comment = comments
            .iter()
            .any(|c| edit.start < c.end && c.start < edit.end);
        let clashes = kept.iter().any(|k| {
            (edit.start < k.end && k.start < edit.end)
                || (edit.start == k.start && (edit.start == edit.end || k.start == k.end))
        });
        if !in_comment && !clashes {
            kept.push(edit);
        }
    }
    kept.sort_by_key(|e| (e.start, e.end));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_frontmatter_is_an_error_and_left_alone() {
        let engine = Engine::new(Settings::default());
        let text = "---\na: [1\n---\nbody\n";
        let out = engine.fix("n.md", text);
        assert!(out.text.is_none());
        let err = out.error.unwrap();
        assert_eq!(err.path, "n.md");
        assert!(err.message.contains("YAML"), "{}", err.message);
        let report = engine.check("n.md", text);
        assert_eq!(report.review[0].reason, ReviewReason::InvalidFrontmatter);
    }

    #[test]
    fn unterminated_frontmatter_is_an_error() {
        let engine = Engine::new(Settings::default());
        assert!(engine
            .fix("n.md", "---\na: 1\nbody\n")
            .error
            .unwrap()
            .message
            .contains("never closes"));
    }

    #[test]
    fn needs_review_tag_raises_an_item() {
        let engine = Engine::new(Settings::default());
        let report = engine.check("p.md", "---\ntags: [needs-review]\n---\n");
        assert!(report
            .review
            .iter()
            .any(|r| r.reason == ReviewReason::NeedsReview));
    }

    #[test]
    fn templates_are_left_alone_and_are_nobody() {
        let mut engine = Engine::new(Settings {
            declared_templates: vec!["Meta/Tpl".into(), "Meta/Daily".into()],
            ..Settings::default()
        });
        let template = "---\ntitle: \"{{title}}\"\ntype: person\ntags: A, a\n---\n[[{{title}}]]\n";
        for path in ["Meta/Tpl/Person.md", "Meta/Daily.md", "Templates/x.md"] {
            engine.index_mut().upsert(path, template);
            let report = engine.check(path, template);
            assert!(
                report.edits.is_empty() && report.review.is_empty(),
                "{path}"
            );
            assert!(engine.mentions(path, template).is_empty());
            assert_eq!(engine.index().get(path).unwrap().kind, NoteKind::Other);
        }
        assert!(engine.index().entity_names().all().next().is_none());
        assert!(!engine.settings().is_template("Meta/Tplx/Person.md"));
        assert!(!engine.settings().is_template("Meta/Daily notes/x.md"));
    }

    #[test]
    fn overlapping_proposals_keep_the_first_and_comments_none() {
        let a = Edit::new(0, 5, "a", "first", "");
        let b = Edit::new(3, 8, "b", "second", "");
        let c = Edit::new(8, 9, "c", "third", "");
        let kept = without_overlaps(vec![a.clone(), b, c.clone()], &[]);
        assert_eq!(kept, vec![a.clone(), c.clone()]);
        // Edits up to a comment's ends are kept; one inside it is not.
        let in_comment = Edit::new(6, 6, "x", "fourth", "");
        let comments = vec![5..8, 20..30];
        let kept = without_overlaps(vec![a.clone(), in_comment, c.clone()], &comments);
        assert_eq!(kept, vec![a, c]);
    }

    #[test]
    fn opt_out_switches_rules_off() {
        let index = VaultIndex::new(Settings::default());
        let text = "---\ncurator: [dates]\n---\n";
        let note = Note::parse("n.md", text);
        let ctx = Context::for_note(&index, &note);
        assert!(!ctx.enabled(&crate::frontmatter::date_values::RULE));
        assert!(ctx.enabled(&crate::frontmatter::tags::TAGS_RULE));
        let note = Note::parse("n.md", "---\ncurator: off\n---\n");
        assert!(!Context::for_note(&index, &note).enabled(&crate::frontmatter::tags::TAGS_RULE));
    }
}
