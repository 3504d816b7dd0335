//! The subcommands: each loads the vault into an engine and reports what it returns.

use crate::output::{self, Palette};
use crate::vault::{NoteFile, Vault};
use crate::write::{replace_if_unchanged, Written};
use anstream::{eprintln, println};
use curator_core::dates::Date;
use curator_core::tasks::Task;
use curator_core::text::fold;
use curator_core::{
    apply_edits, Engine, FixOutcome, NoteError, NoteReport, ReviewItem, ReviewReason,
};
use rayon::prelude::*;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// Reads the vault and indexes every note, as the plugin does on start.
fn load(root: &Path) -> Result<(Vault, Engine), String> {
    let vault = Vault::open(root)?;
    let mut engine = Engine::new(vault.settings.clone());
    let bar = output::progress(vault.notes.len(), "indexing");
    for note in &vault.notes {
        engine.index_mut().upsert(&note.path, &note.text);
        bar.inc(1);
    }
    bar.finish_and_clear();
    for (path, why) in &vault.unreadable {
        let p = Palette::new();
        eprintln!("{}warning:{:#} {path}: {why}", p.warn, p.warn);
    }
    Ok((vault, engine))
}

fn print_json<T: Serialize>(value: &T) -> Result<(), String> {
    // Machine output goes straight to stdout, buffered: no colour handling to scan it for.
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    serde_json::to_writer_pretty(&mut out, value).map_err(|e| format!("cannot write JSON: {e}"))?;
    writeln!(out)
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write JSON: {e}"))
}

/// One note's check result, as `check --json` prints it.
#[derive(Serialize)]
struct CheckedNote {
    #[serde(flatten)]
    report: NoteReport,
    /// The unified diff `fix` would make, if any.
    diff: Option<String>,
}

/// `curator check`: what fix would change and the review queue.
pub fn check(root: &Path, json: bool) -> Result<u8, String> {
    let (vault, engine) = load(root)?;
    let plain = plain_palette();
    let bar = output::progress(vault.notes.len(), "checking");
    let checked: Vec<(CheckedNote, Option<String>)> = vault
        .notes
        .par_iter()
        .map(|n| {
            let mut report = engine.check(&n.path, &n.text);
            let fixed = if report.edits.is_empty() {
                None
            } else {
                let outcome = engine.fix_from(&n.path, &n.text, report.clone());
                // A later fix pass may refuse the note: check reports what fix would do.
                if let Some(error) = outcome.error {
                    report.edits.clear();
                    report.error = Some(error);
                }
                outcome.text
            };
            let diff = fixed
                .as_ref()
                .map(|f| output::diff(&n.path, &n.text, f, &plain));
            bar.inc(1);
            (CheckedNote { report, diff }, fixed)
        })
        .collect();
    bar.finish_and_clear();
    let mut review: Vec<ReviewItem> = checked
        .iter()
        .flat_map(|(c, _)| c.report.review.clone())
        .collect();
    review.extend(engine.vault_review());
    let changes = checked.iter().filter(|(c, _)| c.diff.is_some()).count();
    let errors = checked
        .iter()
        .filter(|(c, _)| c.report.error.is_some())
        .count();
    if json {
        #[derive(Serialize)]
        struct Report<'a> {
            notes: Vec<&'a CheckedNote>,
            review: &'a [ReviewItem],
            summary: Summary,
        }
        let notes = checked
            .iter()
            .map(|(c, _)| c)
            .filter(|c| c.diff.is_some() || c.report.error.is_some())
            .collect();
        print_json(&Report {
            notes,
            review: &review,
            summary: Summary {
                notes: vault.notes.len(),
                changes,
                review: review.len(),
                errors,
            },
        })?;
    } else {
        let p = Palette::new();
        for ((c, fixed), n) in checked.iter().zip(&vault.notes) {
            if let Some(fixed) = fixed {
                print!("{}", output::diff(&n.path, &n.text, fixed, &p));
                for edit in &c.report.edits {
                    println!("  {}{}:{:#} {}", p.dim, edit.rule, p.dim, edit.reason);
                }
                println!();
            }
        }
        for (c, _) in &checked {
            let shown = |e: &NoteError| c.report.review.iter().any(|r| r.message == e.message);
            if let Some(e) = c.report.error.as_ref().filter(|e| !shown(e)) {
                println!("{}left untouched:{:#} {e}", p.error, p.error);
            }
        }
        print_review(&review, &p);
        println!(
            "{} notes: {} would change, {} review items, {} with errors",
            vault.notes.len(),
            changes,
            review.len(),
            errors
        );
    }
    Ok(if changes == 0 && review.is_empty() && errors == 0 {
        0
    } else {
        1
    })
}

fn plain_palette() -> Palette {
    let none = anstyle::Style::new();
    Palette {
        path: none,
        added: none,
        removed: none,
        dim: none,
        warn: none,
        error: none,
    }
}

#[derive(Serialize)]
struct Summary {
    notes: usize,
    changes: usize,
    review: usize,
    errors: usize,
}

/// `curator fix`: applies the safe fixes, atomically, and summarises.
pub fn fix(root: &Path, json: bool, dry_run: bool) -> Result<u8, String> {
    let (vault, engine) = load(root)?;
    let bar = output::progress(vault.notes.len(), "fixing");
    let mut outcomes: Vec<_> = vault
        .notes
        .par_iter()
        .map(|n| {
            let out = engine.fix(&n.path, &n.text);
            bar.inc(1);
            (n, out)
        })
        .collect();
    bar.finish_and_clear();
    if engine.settings().rules.open_tasks_section {
        update_sections(&engine, &mut outcomes)?;
    }
    let p = Palette::new();
    let mut changed = Vec::new();
    let mut skipped = Vec::new();
    let mut errors = Vec::new();
    for (note, out) in &outcomes {
        if let Some(e) = &out.error {
            errors.push(e.to_string());
            continue;
        }
        let Some(fixed) = &out.text else { continue };
        if !dry_run {
            match replace_if_unchanged(&vault.file(&note.path), &note.text, fixed)? {
                Written::Done => {}
                Written::ChangedMeanwhile => {
                    skipped.push(note.path.clone());
                    continue;
                }
            }
        }
        let mut rules: Vec<&str> = out.applied.iter().map(|e| e.rule.as_str()).collect();
        rules.sort_unstable();
        rules.dedup();
        changed.push((note.path.clone(), rules.join(", ")));
    }
    if json {
        #[derive(Serialize)]
        struct FixReport<'a> {
            dry_run: bool,
            changed: Vec<&'a str>,
            skipped_changed_meanwhile: &'a [String],
            errors: &'a [String],
        }
        print_json(&FixReport {
            dry_run,
            changed: changed.iter().map(|(p, _)| p.as_str()).collect(),
            skipped_changed_meanwhile: &skipped,
            errors: &errors,
        })?;
    } else {
        let rows: Vec<Vec<String>> = changed
            .iter()
            .map(|(path, rules)| vec![path.clone(), rules.clone()])
            .collect();
        print!("{}", output::columns(&rows));
        for path in &skipped {
            println!(
                "{}skipped:{:#} {path} changed while curator ran; run fix again",
                p.warn, p.warn
            );
        }
        for e in &errors {
            println!("{}left untouched:{:#} {e}", p.error, p.error);
        }
        let verb = if dry_run { "would fix" } else { "fixed" };
        println!(
            "{} notes: {verb} {}, {} left untouched with errors",
            vault.notes.len(),
            changed.len(),
            errors.len()
        );
    }
    Ok(0)
}

/// Brings open-tasks sections up to date on top of the fixes: tasks are read from the fixed
/// texts, and each section edit joins its note's outcome.
fn update_sections(
    engine: &Engine,
    outcomes: &mut [(&NoteFile, FixOutcome)],
) -> Result<(), String> {
    let current: Vec<(&str, &str)> = outcomes
        .iter()
        .map(|(n, out)| (n.path.as_str(), out.text.as_deref().unwrap_or(&n.text)))
        .collect();
    let edits = engine.section_edits(&current);
    for (path, edit) in edits {
        let Some((note, out)) = outcomes.iter_mut().find(|(n, _)| n.path == path) else {
            continue;
        };
        let text = out.text.as_deref().unwrap_or(&note.text);
        let updated = apply_edits(text, std::slice::from_ref(&edit))
            .map_err(|e| format!("{path}: internal: {e}"))?;
        out.text = Some(updated);
        out.applied.push(edit);
    }
    Ok(())
}

/// Filters for `curator tasks`.
pub struct TaskFilter {
    /// Only tasks owned by this person.
    pub owner: Option<String>,
    /// Only open tasks.
    pub open: bool,
    /// Only tasks due before this date.
    pub due_before: Option<String>,
}

impl TaskFilter {
    /// True when the task passes every filter given. The due bound is compared as a date, so
    /// a malformed `--due-before` is rejected before any task is read.
    fn keeps(&self, task: &Task, due_before: Option<Date>) -> bool {
        let owner_ok = self.owner.as_ref().is_none_or(|want| {
            let want = fold(want);
            task.owners.iter().any(|o| fold(o) == want)
        });
        let due_ok = due_before.is_none_or(|bound| task.due.is_some_and(|due| due < bound));
        owner_ok && (!self.open || task.is_open()) && due_ok
    }
}

/// `curator tasks`: every task with its owners.
pub fn tasks(root: &Path, json: bool, filter: &TaskFilter) -> Result<u8, String> {
    let due_before = match &filter.due_before {
        Some(d) => Some(
            Date::parse_iso(d)
                .ok_or_else(|| format!("--due-before {d}: give a date as YYYY-MM-DD"))?,
        ),
        None => None,
    };
    let (vault, engine) = load(root)?;
    let tasks: Vec<Task> = vault
        .notes
        .par_iter()
        .flat_map_iter(|n| engine.tasks(&n.path, &n.text))
        .filter(|t| filter.keeps(t, due_before))
        .collect();
    if json {
        print_json(&tasks)?;
    } else {
        let date = |d: Option<Date>| d.map_or(String::new(), |d| d.to_string());
        let rows: Vec<Vec<String>> = tasks
            .iter()
            .map(|t| {
                vec![
                    format!("[{}]", t.status),
                    date(t.due),
                    t.owners.join(", "),
                    format!("{}:{}", t.path, t.line),
                    t.description.clone(),
                ]
            })
            .collect();
        print!("{}", output::columns(&rows));
        println!("{} tasks", tasks.len());
    }
    Ok(0)
}

/// `curator entities`: every mention and how it resolves.
pub fn entities(root: &Path, json: bool) -> Result<u8, String> {
    let (vault, engine) = load(root)?;
    let mentions: Vec<_> = vault
        .notes
        .par_iter()
        .flat_map_iter(|n| engine.mentions(&n.path, &n.text))
        .collect();
    if json {
        print_json(&mentions)?;
    } else {
        let rows: Vec<Vec<String>> = mentions
            .iter()
            .map(|m| vec![format!("{}:{}", m.path, m.line), m.text.clone()])
            .collect();
        print!("{}", output::columns(&rows));
        println!("{} mentions", mentions.len());
    }
    Ok(0)
}

/// `curator review`: the needs-review queue.
pub fn review(root: &Path, json: bool) -> Result<u8, String> {
    let (vault, engine) = load(root)?;
    let mut items: Vec<ReviewItem> = vault
        .notes
        .par_iter()
        .flat_map_iter(|n| engine.check(&n.path, &n.text).review)
        .collect();
    items.extend(engine.vault_review());
    if json {
        print_json(&items)?;
    } else {
        print_review(&items, &Palette::new());
        println!("{} review items", items.len());
    }
    Ok(0)
}

fn print_review(items: &[ReviewItem], p: &Palette) {
    if items.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|r| {
            let at = r.line.map_or(r.path.clone(), |l| format!("{}:{l}", r.path));
            let mut msg = r.message.clone();
            if !r.candidates.is_empty() {
                let c: Vec<String> = r
                    .candidates
                    .iter()
                    .map(|c| format!("{} ({:.0}%)", c.name, c.score * 100.0))
                    .collect();
                msg.push_str(&format!(" — candidates: {}", c.join(", ")));
            }
            vec![at, reason_label(r.reason), msg]
        })
        .collect();
    println!("{}Review queue{:#}", p.path, p.path);
    print!("{}", output::columns(&rows));
}

fn reason_label(reason: ReviewReason) -> String {
    reason.as_str().replace('_', " ")
}
