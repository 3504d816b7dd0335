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
use crate::note::{frontmatter_of, has_unterminated_frontmatter, Frontmatter, Note};
use crate::review::{ReviewItem, ReviewReason};
use crate::rules::{Pass, PassMemo};
use crate::settings::Settings;
use crate::{entities, links, tasks};
use serde::Serialize;
use std::collections::BTreeMap;
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

    /// What fixing the note would do, without changing it. Edits whose output would not read
    /// back (see [`verify_output`]) are not reported: the note gets an internal error instead,
    /// exactly as [`Engine::fix`] refuses it.
    pub fn check(&self, path: &str, text: &str) -> NoteReport {
        self.check_note(&Note::parse(path, text))
    }

    /// [`Engine::check`] reusing what `memo` holds of earlier checks of the same note against
    /// this index (lines of prose read, names resolved), and leaving in it what this check
    /// learns: a note saved again with a line changed reads that line alone. The report is the
    /// same as without the memo; the memo is valid only while nothing it read of the index
    /// changes (the caller drops it then, see [`crate::vault::Vault`]).
    pub fn check_with(&self, path: &str, text: &str, memo: &mut PassMemo) -> NoteReport {
        self.check_note_with(&Note::parse(path, text), memo)
    }

    /// [`Engine::check`] of a note parsed already.
    pub fn check_note(&self, note: &Note) -> NoteReport {
        self.check_note_with(note, &mut PassMemo::default())
    }

    /// [`Engine::check_note`], reusing what `memo` holds of an earlier check of the same note
    /// and leaving in it what this check learns.
    fn check_note_with(&self, note: &Note, memo: &mut PassMemo) -> NoteReport {
        let path = note.path;
        let mut report = NoteReport {
            path: path.to_string(),
            ..Default::default()
        };
        let settings = self.index.settings();
        if settings.is_ignored(path) || settings.is_not_a_note(path, note.text) {
            return report;
        }
        if let Some(error) = note_error(note) {
            let item = ReviewItem::new(
                path,
                error.line,
                ReviewReason::InvalidFrontmatter,
                error.message.clone(),
            );
            // A fence that never closes is one problem however many notes have it (a tool
            // that wrote them all so): one card lists its notes. A YAML error is the note's own.
            let item = if note.has_unterminated_frontmatter() {
                let reason = ReviewReason::InvalidFrontmatter.as_str();
                item.in_group(format!("{reason}:{}", error.message))
            } else {
                item
            };
            report.review.push(item);
            report.error = Some(error);
            return report;
        }
        let ctx = Context::for_note(&self.index, note);
        let mut pass = Pass::with_memo(note, &ctx, std::mem::take(memo));
        pass.run_rules();
        // Review items about mentions are raised whether or not the links rule may edit them.
        let mentions = entities::review::note_items(note, pass.resolved(), &self.index);
        let Findings {
            edits: proposals,
            review,
        } = std::mem::take(&mut pass.findings);
        *memo = pass.into_memo();
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
        let edits = without_overlaps(proposals, &note.comments);
        match verify_output(note, &edits) {
            Ok(()) => report.edits = edits,
            Err(error) => report.error = Some(error),
        }
        report
    }

    /// Applies the note's edits, repeating until nothing changes. Errors leave the note untouched.
    pub fn fix(&self, path: &str, text: &str) -> FixOutcome {
        self.check_and_fix(path, text).1
    }

    /// [`Engine::check`] and [`Engine::fix`] of the same note at once: each pass of the fix reads
    /// again only the lines the previous pass changed.
    pub fn check_and_fix(&self, path: &str, text: &str) -> (NoteReport, FixOutcome) {
        let mut memo = PassMemo::keeping();
        let note = Note::parse(path, text);
        let first = self.check_note_with(&note, &mut memo);
        let fixed = self.fix_passes(path, text, note.frontmatter, first.clone(), &mut memo);
        (first, fixed)
    }

    /// Like [`Engine::fix`], continuing from `first`, the [`Engine::check`] of this very text, so
    /// a caller that has just checked the note does not pay for the first pass twice.
    pub fn fix_from(&self, path: &str, text: &str, first: NoteReport) -> FixOutcome {
        self.fix_passes(path, text, None, first, &mut PassMemo::keeping())
    }

    /// The fix passes after `first`, each checking the text the previous pass left with what
    /// `memo` holds of the checks before. `frontmatter` is the text's, as parsed, when known: a
    /// pass that leaves it as it is does not parse it again.
    fn fix_passes(
        &self,
        path: &str,
        text: &str,
        mut frontmatter: Option<Frontmatter>,
        first: NoteReport,
        memo: &mut PassMemo,
    ) -> FixOutcome {
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
                Ok(next) if next != current => {
                    frontmatter = frontmatter
                        .filter(|f| f.kept_by(&current, report.edits.iter().map(|e| e.start)));
                    current = next;
                }
                Ok(_) => break,
                Err(e) => {
                    outcome.error = Some(internal_error(path, None, &e.to_string()));
                    outcome.applied.clear();
                    return outcome;
                }
            }
            outcome.applied.extend(report.edits);
            let note = Note::parse_keeping(path, &current, frontmatter);
            report = self.check_note_with(&note, memo);
            frontmatter = note.frontmatter;
            if pass == MAX_FIX_PASSES && !report.edits.is_empty() {
                // Fixing again would change the text again: a rule feeds on its own edit.
                // Nothing is written rather than a text that a second fix would change.
                let what = "the fixes of this note do not settle";
                outcome.error = Some(internal_error(path, None, what));
                outcome.applied.clear();
                return outcome;
            }
        }
        if current != text {
            outcome.text = Some(current);
        }
        outcome
    }

    /// [`Engine::check`] and [`Engine::tasks`] of the same note, read once.
    pub fn check_and_tasks(&self, path: &str, text: &str) -> (NoteReport, Vec<tasks::Task>) {
        let note = Note::parse(path, text);
        (self.check_note(&note), self.tasks_note(&note))
    }

    /// Every task in the note.
    pub fn tasks(&self, path: &str, text: &str) -> Vec<tasks::Task> {
        self.tasks_note(&Note::parse(path, text))
    }

    /// [`Engine::tasks`] of a note parsed already (none in a template: its tasks are the
    /// pattern of tasks to come, `Send notes to {{participant}}`, not work anyone owes).
    pub fn tasks_note(&self, note: &Note) -> Vec<tasks::Task> {
        if self.settings().is_not_a_note(note.path, note.text) {
            return Vec::new();
        }
        tasks::extract(note, &Context::for_note(&self.index, note))
    }

    /// The edits that bring each person note's generated sections — open tasks
    /// ([`tasks::section`]) and meetings ([`links::meetings`]) — up to date, keyed by path.
    ///
    /// `notes` are `(path, text)` pairs of the whole vault, `tasks` every task of the vault and
    /// `meetings` every meeting with who it is about (see [`crate::vault::Vault::section_edits`],
    /// which reads them from the warm state). Every person note that holds a section's markers,
    /// has its rule on and can be edited gets that section's edit, against the text given here;
    /// two sections that overlap (markers nested) leave the note untouched.
    pub fn section_edits_from(
        &self,
        notes: &[(&str, &str)],
        tasks: &[tasks::Task],
        meetings: &[links::meetings::Meeting],
    ) -> Vec<(String, Vec<Edit>)> {
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
                if note_error(&note).is_some() {
                    return None;
                }
                let mut edits: Vec<Edit> = [
                    ctx.enabled(&tasks::section::RULE)
                        .then(|| tasks::section::section_edit(&note, tasks, &self.index))
                        .flatten(),
                    ctx.enabled(&links::meetings::RULE)
                        .then(|| links::meetings::section_edit(&note, meetings, &self.index))
                        .flatten(),
                ]
                .into_iter()
                .flatten()
                .collect();
                edits.sort_by_key(|e| (e.start, e.end));
                let overlap = edits.windows(2).any(|w| w[1].start < w[0].end);
                (!edits.is_empty() && !overlap).then(|| (path.to_string(), edits))
            })
            .collect()
    }

    /// Every person and organisation mention in the note, resolved (none in a template).
    pub fn mentions(&self, path: &str, text: &str) -> Vec<entities::Mention> {
        if self.settings().is_not_a_note(path, text) {
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
    if note.has_unterminated_frontmatter() {
        // A closing fence with spaces or tabs after it is the usual cause: say where.
        let spaced = note
            .text
            .split('\n')
            .enumerate()
            .skip(1)
            .find(|(_, line)| line.trim_end() == "---" && *line != "---" && *line != "---\r");
        // A line of invisible control characters alone (`\u{1}`), where a tool that wrote
        // the note lost the closing fence's dashes: say where, and what it holds.
        let control = note.text.split('\n').enumerate().skip(1).find(|(_, line)| {
            let line = line.trim_end_matches('\r');
            !line.is_empty() && line.chars().all(|c| c.is_control() && !c.is_whitespace())
        });
        return Some(match (spaced, control) {
            (None, Some((at, line))) => {
                let codes: Vec<String> = (line.trim_end_matches('\r').chars())
                    .map(|c| format!("U+{:04X}", c as u32))
                    .collect();
                NoteError::new(
                    note.path,
                    Some(at + 1),
                    format!(
                        "frontmatter never closes: this line holds only an invisible control \
                         character ({}), where the closing `---` may have been lost: if so, \
                         write `---` there",
                        codes.join(" ")
                    ),
                )
            }
            (Some((at, _)), _) => NoteError::new(
                note.path,
                Some(at + 1),
                "frontmatter never closes: the `---` on this line has spaces or tabs after it, so \
                 it does not end the properties (nor does it for Obsidian): remove them",
            ),
            (None, None) => NoteError::new(
                note.path,
                Some(1),
                "frontmatter opens with `---` but never closes: add a closing `---` line",
            ),
        });
    }
    let fm = note.frontmatter.as_ref()?;
    let err = fm.yaml.as_ref().err()?;
    Some(NoteError::new(note.path, Some(err.line), err.describe()))
}

/// The one check of the engine's own output, run on every pass before `check` reports edits and
/// so before `fix` applies them: the edits apply cleanly, a frontmatter that parsed still parses,
/// and no frontmatter appears or disappears. Output that fails is our bug, never the user's.
fn verify_output(note: &Note, edits: &[Edit]) -> Result<(), NoteError> {
    if edits.is_empty() {
        return Ok(());
    }
    let out = apply_edits(note.text, edits)
        .map_err(|e| internal_error(note.path, None, &e.to_string()))?;
    let block = note.frontmatter.as_ref().map(|f| f.block.clone());
    // Edits after the frontmatter leave it, and its parse, as it is.
    let reread;
    let after = match note
        .frontmatter
        .as_ref()
        .filter(|f| f.kept_by(note.text, edits.iter().map(|e| e.start)))
    {
        Some(kept) => Some(kept),
        None => {
            reread = frontmatter_of(&out);
            reread.as_ref()
        }
    };
    let problem = match (after, &block) {
        (Some(fm), Some(_)) => fm.yaml.as_ref().err().map(|e| {
            format!(
                "would leave frontmatter that does not parse ({})",
                e.message
            )
        }),
        (None, Some(_)) => Some("would leave the frontmatter without its closing `---`".into()),
        (Some(_), None) => Some("would turn the note's first lines into frontmatter".into()),
        (None, None) => has_unterminated_frontmatter(&out)
            .then(|| "would open a frontmatter block that never closes".into()),
    };
    let Some(problem) = problem else {
        return Ok(());
    };
    // The frontmatter broke, so blame the edits inside it (all of them if none is).
    let inside: Vec<&Edit> = edits
        .iter()
        .filter(|e| block.as_ref().is_none_or(|b| e.start < b.end))
        .collect();
    let blamed = if inside.is_empty() {
        edits.iter().collect()
    } else {
        inside
    };
    let mut rules: Vec<&str> = blamed.iter().map(|e| e.rule.as_str()).collect();
    rules.sort_unstable();
    rules.dedup();
    let line = blamed.first().map(|e| note.line_of(e.start));
    let what = format!("the fix by `{}` {problem}", rules.join("`, `"));
    Err(internal_error(note.path, line, &what))
}

/// An error in the engine's own output, in words that say whose fault it is.
fn internal_error(path: &str, line: Option<usize>, what: &str) -> NoteError {
    NoteError::new(
        path,
        line,
        format!(
            "internal error: {what}. The note was left untouched: this is a bug in Vault \
             Curator, not in your note; please report it"
        ),
    )
}

/// True when the note carries `tag`: in its frontmatter's tags (read first, the cheaper), or
/// written in its body ([`Note::inline_tag_spans`]).
fn has_tag(note: &Note, tag: &str) -> bool {
    let in_frontmatter = note.property("tags").is_some_and(|n| {
        n.strings().iter().any(|t| {
            t.split([',', ' '])
                .any(|x| x.trim().trim_start_matches('#').eq_ignore_ascii_case(tag))
        })
    });
    in_frontmatter || !note.inline_tag_spans(tag).is_empty()
}

/// Keeps edits in rule priority order (the order proposed), dropping any that overlap an earlier
/// one; the next fix pass proposes the dropped ones again against the new text. Edits that change
/// a `%%` comment or insert text inside one are dropped for good: no rule edits what Obsidian
/// hides.
///
/// The edits kept are apart, so only those starting at or before an edit's end, back to the
/// first that ends before it starts, can clash with it: a note garbled whole, with thousands of
/// edits, costs no more per edit than a note with a few.
fn without_overlaps(proposals: Vec<Edit>, comments: &[Range<usize>]) -> Vec<Edit> {
    let mut kept: BTreeMap<(usize, usize), Edit> = BTreeMap::new();
    for edit in proposals {
        let in_comment = comments
            .iter()
            .any(|c| edit.start < c.end && c.start < edit.end);
        let clashes = (kept.range(..=(edit.end, usize::MAX)).rev())
            .take_while(|(_, k)| k.start >= edit.start || k.end > edit.start)
            .any(|(_, k)| {
                (edit.start < k.end && k.start < edit.end)
                    || (edit.start == k.start && (edit.start == edit.end || k.start == k.end))
            });
        if !in_comment && !clashes {
            kept.insert((edit.start, edit.end), edit);
        }
    }
    kept.into_values().collect()
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

    /// A note whose `aliases` rewrite is replaced by the output that once broke it: `[a -, z]`.
    fn injected_bad_edit(text: &str) -> Edit {
        let start = text.find('[').unwrap_or(0);
        let end = text.find(']').map_or(start, |i| i + 1);
        Edit::new(start, end, "[a -, z]", "frontmatter.aliases", "injected")
    }

    #[test]
    fn output_that_would_not_parse_is_our_error_in_check_and_fix_alike() {
        let engine = Engine::new(Settings::default());
        let text = "---\ntitle: T\naliases: [\"a -\", \"a -\", z]\n---\nbody\n";
        let note = Note::parse("n.md", text);
        let err = verify_output(&note, &[injected_bad_edit(text)]).unwrap_err();
        assert_eq!(err.line, Some(3));
        for words in [
            "internal error",
            "`frontmatter.aliases`",
            "does not parse",
            "please report",
        ] {
            assert!(err.message.contains(words), "{}", err.message);
        }
        // The same error stops `fix`, which then leaves the note untouched.
        let report = NoteReport {
            path: "n.md".into(),
            error: Some(err.clone()),
            ..Default::default()
        };
        let out = engine.fix_from("n.md", text, report);
        assert!(out.text.is_none() && out.applied.is_empty());
        assert_eq!(out.error, Some(err));
        // And the real rules write the deduplicated list so that it reads back.
        let fixed = engine.fix("n.md", text);
        assert_eq!(engine.check("n.md", text).error, None);
        assert_eq!(
            fixed.text.as_deref(),
            Some("---\ntitle: T\naliases: [\"a -\", z]\n---\nbody\n")
        );
    }

    #[test]
    fn a_closing_fence_with_trailing_spaces_is_named_at_its_line() {
        let text = "---\ntype: company\n---\t \n\nBody.\n";
        let err = note_error(&Note::parse("n.md", text)).expect("an error");
        assert_eq!(err.line, Some(3));
        assert!(
            err.message.contains("spaces or tabs after it"),
            "{}",
            err.message
        );
        let open = note_error(&Note::parse("n.md", "---\ntype: company\n")).expect("an error");
        assert_eq!(open.line, Some(1));
        assert!(open.message.contains("add a closing `---` line"));
        let lost = "---\ndate: 2023-02-05\n\u{1}\n\n# Chuck\n";
        let err = note_error(&Note::parse("n.md", lost)).expect("an error");
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("(U+0001)"), "{}", err.message);
    }

    #[test]
    fn notes_whose_frontmatter_never_closes_are_one_card() {
        let engine = Engine::new(Settings::default());
        let group = |path: &str, text: &str| {
            let report = engine.check_note(&Note::parse(path, text));
            report.review[0].group.to_string()
        };
        let lost = |day: &str| format!("---\ndate: 2023-02-{day}\n\u{1}\n\nText.\n");
        assert_eq!(group("a.md", &lost("05")), group("b.md", &lost("09")));
        // A YAML error is each note's own.
        assert_ne!(
            group("c.md", "---\ntags: [a\n---\n"),
            group("d.md", "---\ntags: [a\n---\n")
        );
    }

    #[test]
    fn output_that_moves_the_frontmatter_fences_is_our_error() {
        let text = "---\na: 1\n---\nbody\n";
        let note = Note::parse("n.md", text);
        let close = Edit::new(9, 13, "", "test.rule", "drops the closing fence");
        let err = verify_output(&note, &[close]).unwrap_err();
        assert!(err.message.contains("closing `---`"), "{}", err.message);
        let plain = Note::parse("n.md", "body\n");
        let open = Edit::new(0, 0, "---\n", "test.rule", "opens a fence");
        let err = verify_output(&plain, &[open]).unwrap_err();
        assert!(err.message.contains("never closes"), "{}", err.message);
        let overlap = [Edit::new(0, 2, "x", "a", ""), Edit::new(1, 3, "y", "b", "")];
        let err = verify_output(&plain, &overlap).unwrap_err();
        assert!(err
            .message
            .starts_with("internal error: edits from rules `a` and `b` overlap"));
    }

    #[test]
    fn needs_review_tag_raises_an_item() {
        let engine = Engine::new(Settings::default());
        let queued = |text: &str| {
            (engine.check("p.md", text).review.iter())
                .any(|r| r.reason == ReviewReason::NeedsReview)
        };
        assert!(queued("---\ntags: [needs-review]\n---\n"));
        // Written in the body, as Obsidian reads a tag there too; not in code, nor a longer tag.
        assert!(queued("# Sync\n\nDrafted by the pipeline #needs-review\n"));
        assert!(!queued(
            "Write `#needs-review` to queue a note; #needs-reviewer\n"
        ));
    }

    #[test]
    fn templates_are_left_alone_and_are_nobody() {
        let mut engine = Engine::new(Settings {
            declared_templates: vec!["Meta/Tpl".into(), "Meta/Daily".into()],
            ..Settings::default()
        });
        let template = "---\ntitle: \"{{title}}\"\ntype: person\ntags: A, a\n---\n[[{{title}}]]\n\
                        - [ ] Send notes to @{{participant}} 📅 {{date}}\n";
        for path in ["Meta/Tpl/Person.md", "Meta/Daily.md", "Templates/x.md"] {
            engine.index_mut().upsert(path, template);
            let report = engine.check(path, template);
            assert!(
                report.edits.is_empty() && report.review.is_empty(),
                "{path}"
            );
            assert!(engine.mentions(path, template).is_empty());
            assert!(engine.tasks(path, template).is_empty(), "{path}");
            assert_eq!(engine.index().get(path).unwrap().kind, NoteKind::Other);
        }
        assert!(engine.index().entity_names().all().next().is_none());
        assert!(!engine.settings().is_template("Meta/Tplx/Person.md"));
        assert!(!engine.settings().is_template("Meta/Daily notes/x.md"));
    }

    #[test]
    fn a_folder_named_for_templates_holds_them() {
        let template = "---\ncreated: {{date:YYYY-MM-DD}}\ntags: Draft, draft\n---\n# {{title}}\n";
        let prose = "---\ntags: Draft, draft\n---\nThe pattern, in prose.\n";
        let paths = [
            "Blog/templates/post-template.md",
            "_Templates/Recipe.md",
            "Areas/Work/Template/1-1.md",
            "01-Templates/4-Tikz/system.md",
            "99 - Templates/Daily.md",
            // Named in the vault's language.
            "Plantillas/Reunión.md",
            "Modèles/Réunion.md",
            "_Vorlagen/Besprechung.md",
            "Шаблоны/Встреча.md",
            "ŞABLONLAR/Toplantı.md",
            "模板/会议.md",
            "Sablonok/Olvasmány.md",
            "Plantilles/Diari.md",
            "Șabloane/Întâlnire.md",
            "Πρότυπα/Συνάντηση.md",
            "Mallar/Möte.md",
            "תבניות/פגישה.md",
            "قوالب/اجتماع.md",
            "Sablony/Schuzka.md",
            "Meta/tpl/Person.md",
            // A word of the folder's name, whatever else it holds.
            "My Templates/Person.md",
            "zz-templates/Person.md",
            "Templates (old)/Person.md",
            "Meta/_tmpl/Person.md",
            "Templater/Person.md",
            // A file named as one, the word set apart by a dash or an underscore.
            "Meta/Template - Meeting.md",
            "Notes/tpl-person.md",
            "Assets/minutes-template.md",
        ];
        let mut engine = Engine::new(Settings::default());
        for path in paths {
            engine.index_mut().upsert(path, template);
            let report = engine.check(path, template);
            assert!(
                report.edits.is_empty() && report.review.is_empty(),
                "{path}: {report:?}"
            );
        }
        // A file named with that word alone, or joined by a space, is a note unless its text
        // bears it out (below); a folder whose word merely starts so, or a file named with an
        // everyday word in another language, is a note.
        for path in [
            "Notes/templates.md",
            "Notes/Template Method Pattern.md",
            "Notes/template-.md",
        ] {
            assert!(!engine.settings().is_template(path), "{path}");
            assert!(!engine.check(path, prose).edits.is_empty(), "{path}");
        }
        for path in [
            "Templatesque/x.md",
            "Contemplation/x.md",
            "Notes/Modelo de negocio.md",
            "Notes/Templated emails.md",
        ] {
            assert!(!engine.settings().is_template(path), "{path}");
            assert!(!engine.check(path, template).review.is_empty(), "{path}");
        }
        // A Templater command outside code makes a template wherever it is kept.
        let templater = "---\ntags: <% tp.file.folder() %> <% tp.date.now(\"DD/MM\") %>\n---\n";
        // Also after a variable of the core plugin on the same line.
        let after_a_variable = "---\ntags: Draft, draft\n---\n# {{x}} <% tp.date.now() %>\n";
        for text in [
            templater,
            "---\ntags: Draft, draft\n---\n<%* tR += 'x' %>\n",
            after_a_variable,
        ] {
            let report = engine.check("Meta/Session.md", text);
            assert!(
                report.edits.is_empty() && report.review.is_empty(),
                "{text}"
            );
        }
        let in_code = "---\ntags: Draft, draft\n---\nWrite `<% tp.file.title %>` there.\n";
        assert!(!engine.check("Meta/Session.md", in_code).edits.is_empty());
        // A word naming templates in a file's name, borne out by placeholders outside code, is
        // a template's name (`Daily Template`), unless the word is an everyday one elsewhere.
        for path in [
            "Daily Template.md",
            "Notes/Template Method Pattern.md",
            "Meta/Vorlage Besprechung.md",
        ] {
            let report = engine.check(path, template);
            assert!(
                report.edits.is_empty() && report.review.is_empty(),
                "{path}"
            );
            assert!(
                engine.tasks(path, "- [ ] Plan {{date}}\n").is_empty(),
                "{path}"
            );
            let in_code = "---\ntags: Draft, draft\n---\n```\n{{title}}\n```\nUse `{{date}}`.\n";
            for text in [prose, in_code] {
                assert!(!engine.check(path, text).edits.is_empty(), "{path}");
            }
        }
        // Where the vault says where its templates are, a folder named for templates elsewhere
        // still holds them (an old folder, another plugin's).
        let declared = Settings {
            declared_templates: vec!["Meta/Tpl".into()],
            ..Settings::default()
        };
        assert!(declared.is_template(paths[0]));
        assert!(declared.is_template("Meta/Tpl/post-template.md"));
        assert!(!declared.is_template("Meta/Notes/post.md"));
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

    /// [`without_overlaps`] as it reads: every edit compared with every edit kept.
    fn without_overlaps_slowly(proposals: Vec<Edit>, comments: &[Range<usize>]) -> Vec<Edit> {
        let mut kept: Vec<Edit> = Vec::new();
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

    proptest::proptest! {
        #![proptest_config(crate::proptest_config::cases(512))]
        #[test]
        fn overlapping_proposals_are_dropped_as_when_each_is_compared_with_all(
            spans in proptest::collection::vec((0usize..40, 0usize..6), 0..40),
            comments in proptest::collection::vec((0usize..40, 0usize..6), 0..3),
        ) {
            let proposals: Vec<Edit> = (spans.iter().enumerate())
                .map(|(i, &(start, len))| Edit::new(start, start + len, i.to_string(), "r", ""))
                .collect();
            let comments: Vec<Range<usize>> =
                comments.iter().map(|&(start, len)| start..start + len).collect();
            proptest::prop_assert_eq!(
                without_overlaps(proposals.clone(), &comments),
                without_overlaps_slowly(proposals, &comments)
            );
        }
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
