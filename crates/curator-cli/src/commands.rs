//! The subcommands: each loads the vault into an engine and reports what it returns.

use crate::cache::{self, Cache};
use crate::cache_format::{CheckedFix, Printed, Section};
use crate::json;
use crate::output::{self, Palette, Report};
use crate::vault::{NoteFile, Scan, Vault};
use crate::write::{replace_if_unchanged, Written};
use anstream::{eprintln, println};
use curator_core::dates::Date;
use curator_core::entities::{Decision, Mention};
use curator_core::journal;
use curator_core::review::{decisions, MergeTies};
use curator_core::tasks::Task;
use curator_core::text::fold;
use curator_core::vault::Vault as Notes;
use curator_core::{apply_edits, FixOutcome, NoteError, NoteReport, ReviewItem, ReviewReason};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

/// How one command runs: on which vault, printing what, with or without the cache.
pub struct Run<'a> {
    /// The vault folder.
    pub root: &'a Path,
    /// Print JSON instead of the human report.
    pub json: bool,
    /// Read and write the persistent cache.
    pub cache: bool,
}

/// Reads the vault, warning about the notes that cannot be read.
fn read(run: &Run) -> Result<Vault, String> {
    let vault = Vault::open(run.root)?;
    warn_unreadable(&vault.unreadable);
    Ok(vault)
}

fn warn_unreadable(unreadable: &[(String, String)]) {
    for (path, why) in unreadable {
        let p = Palette::new();
        eprintln!("{}warning:{:#} {path}: {why}", p.warn, p.warn);
    }
}

/// The head of the vault's cache when the run uses one.
fn open_cache(run: &Run) -> Option<Cache> {
    run.cache.then(|| cache::open(run.root)).flatten()
}

/// The vault as it is now, when `cache` was written from exactly its notes and settings.
fn unchanged_since(run: &Run, cache: Option<&Cache>) -> Result<Option<Scan>, String> {
    let Some(cache) = cache else {
        return Ok(None);
    };
    let scan = Vault::scan(run.root)?;
    Ok(cache.unchanged(&scan).then_some(scan))
}

/// The vault's warm state: restored from the cache when there is one for this build and
/// these settings (only what changed since is read again), else every note indexed in
/// parallel; with its generation when it came from the cache.
fn warm(vault: &Vault, cache: Option<Cache>) -> (Notes, Option<u64>) {
    let notes: Vec<(String, Arc<str>)> = vault
        .notes
        .iter()
        .map(|n| (n.path.clone(), Arc::clone(&n.text)))
        .collect();
    let settings = vault.settings.clone();
    match cache.and_then(Cache::snapshot) {
        Some(snapshot) => {
            let notes = Notes::restore(settings, snapshot, notes);
            let cached = Some(notes.generation());
            (notes, cached)
        }
        None => (Notes::build(settings, notes), None),
    }
}

/// Reads the vault and builds its warm state (see [`warm`]).
fn load(run: &Run) -> Result<(Vault, Notes, Option<u64>), String> {
    let vault = read(run)?;
    let (notes, cached) = warm(&vault, open_cache(run));
    Ok((vault, notes, cached))
}

/// Saves the warm state for the next run, unless told not to or the cache holds it already
/// (`cached`: the state's generation when it came from the cache).
fn keep(run: &Run, notes: &Notes, cached: Option<u64>) {
    if run.cache && cached != Some(notes.generation()) {
        cache::save(run.root, notes, None);
    }
}

/// Every note's check report, in path order, and the vault's review items.
type Reviewed = (Vec<NoteReport>, Vec<ReviewItem>);

/// The warm state's reports and review items as [`Reviewed`]: moved out once the state is
/// dropped, copied only where it still shares them.
fn owned(reports: Vec<Arc<NoteReport>>, vault_review: Arc<Vec<ReviewItem>>) -> Reviewed {
    let reports = reports.into_iter().map(Arc::unwrap_or_clone).collect();
    (reports, Arc::unwrap_or_clone(vault_review))
}

/// Every note's check report and the vault's review items, from the cache of a vault unchanged
/// since it was written (with the candidates' evidence only when `evidence`): nothing is
/// computed, and only what is printed is decoded.
fn reviewed_from_cache(cache: &Cache, evidence: bool) -> Option<Reviewed> {
    let reports = cache
        .reports(evidence)?
        .into_iter()
        .collect::<Option<_>>()?;
    Some((reports, cache.vault_review()??))
}

/// One note's check result, as `check --json` prints it.
#[derive(Serialize)]
struct CheckedNote<'a> {
    /// The note's check report, without its edits when a later fix pass refuses the note.
    #[serde(flatten)]
    report: NoteReport,
    /// The unified diff `fix` would make, if any.
    diff: Option<&'a str>,
}

/// What `check` prints: every note's check report and what its fix makes (in path order),
/// and the vault's review items.
struct Checked {
    reports: Vec<NoteReport>,
    fixes: Vec<CheckedFix>,
    vault_review: Vec<ReviewItem>,
}

impl Checked {
    /// From the cache of a vault unchanged since `check` wrote it (see [`reviewed_from_cache`]).
    fn from_cache(cache: &Cache, evidence: bool) -> Option<Checked> {
        if !cache.has(Section::Checked) {
            return None;
        }
        let (reports, vault_review) = reviewed_from_cache(cache, evidence)?;
        let fixes = cache.checked()?.into_iter().collect::<Option<_>>()?;
        Some(Checked {
            reports,
            fixes,
            vault_review,
        })
    }

    /// From the vault's warm state, computed where need be; with that state.
    fn computed(vault: &Vault, cache: Option<Cache>) -> (Checked, Notes) {
        let (mut notes, _) = warm(vault, cache);
        // Each fixed text is dropped once its diff is made.
        let fixes = notes.all_fixed_with(|path, text, f| CheckedFix {
            error: f.error,
            diff: f.text.map(|after| output::diff(path, text, &after)),
        });
        let (reports, vault_review) = owned(notes.all_reports(), notes.vault_review());
        let checked = Checked {
            reports,
            fixes,
            vault_review,
        };
        (checked, notes)
    }
}

/// `curator check`: what fix would change and the review queue.
pub fn check(run: &Run) -> Result<u8, String> {
    let json = run.json;
    let cache = open_cache(run);
    let unchanged = unchanged_since(run, cache.as_ref())?;
    if let (Some(scan), Some(cache), false) = (&unchanged, &cache, json) {
        // The human report printed for these very notes: nothing else to read.
        if let Some(printed) = cache.printed() {
            warn_unreadable(&scan.unreadable);
            printed.report.print();
            return Ok(printed.code);
        }
    }
    let from_cache = unchanged.and_then(|scan| {
        let checked = Checked::from_cache(cache.as_ref()?, json)?;
        warn_unreadable(&scan.unreadable);
        Some((scan.notes.len(), checked))
    });
    // The warm state when it was computed, and what check made of its fixes: saved once the
    // report is made, with it.
    let mut computed = None;
    let (
        notes_len,
        Checked {
            reports,
            fixes,
            vault_review,
        },
    ) = match from_cache {
        Some(found) => found,
        None => {
            let vault = read(run)?;
            let (checked, notes) = Checked::computed(&vault, cache);
            computed = Some(notes);
            (vault.notes.len(), checked)
        }
    };
    let mut checked: Vec<CheckedNote> = reports
        .into_iter()
        .zip(&fixes)
        .map(|(mut report, CheckedFix { error, diff })| {
            // A later fix pass may refuse the note: check reports what fix would do.
            if let Some(error) = error.as_ref().filter(|_| !report.edits.is_empty()) {
                report.edits.clear();
                report.error = Some(error.clone());
            }
            let diff = diff.as_deref().filter(|_| !report.edits.is_empty());
            CheckedNote { report, diff }
        })
        .collect();
    // The errors a note's review items do not tell already.
    let untouched: Vec<&NoteError> = (checked.iter())
        .filter_map(|c| {
            let shown = |e: &NoteError| c.report.review.iter().any(|r| *r.message == *e.message);
            c.report.error.as_ref().filter(|e| !shown(e))
        })
        .collect();
    let untouched: Vec<String> = untouched.iter().map(|e| e.to_string()).collect();
    // The queue: `--json` prints each note's items too, the human report only the queue, so
    // there they are moved out of the reports rather than copied.
    let mut review: Vec<ReviewItem> = match json {
        true => (checked.iter())
            .flat_map(|c| c.report.review.iter().cloned())
            .collect(),
        false => (checked.iter_mut())
            .flat_map(|c| std::mem::take(&mut c.report.review))
            .collect(),
    };
    review.extend(vault_review);
    MergeTies::join(&mut review);
    let changes = checked.iter().filter(|c| c.diff.is_some()).count();
    let errors = checked.iter().filter(|c| c.report.error.is_some()).count();
    let code = u8::from(changes > 0 || !review.is_empty() || errors > 0);
    let mut printed = None;
    if json {
        let notes: Vec<&CheckedNote> = checked
            .iter()
            .filter(|c| c.diff.is_some() || c.report.error.is_some())
            .collect();
        let mut report = json::Object::stdout();
        report.list("notes", &notes)?;
        report.list("review", &review)?;
        report.field(
            "summary",
            &Summary {
                notes: notes_len,
                changes,
                review: review.len(),
                errors,
            },
        )?;
        report.finish()?;
    } else {
        let p = Palette::new();
        let mut report = Report::default();
        for c in &checked {
            if let Some(diff) = &c.diff {
                report.diff().push_str(diff);
                let text = report.styled();
                // Edits of one word give one reason (`repairs mojibake: word → word`): once.
                let mut told = std::collections::HashSet::new();
                for edit in (c.report.edits.iter()).filter(|e| told.insert((&e.rule, &e.reason))) {
                    let _ = writeln!(text, "  {}{}:{:#} {}", p.dim, edit.rule, p.dim, edit.reason);
                }
                text.push('\n');
            }
        }
        for e in &untouched {
            let _ = writeln!(
                report.styled(),
                "{}left untouched:{:#} {e}",
                p.error,
                p.error
            );
        }
        review_queue(&mut report, &review, &p);
        let _ = writeln!(
            report.styled(),
            "{} notes: {} would change, {} review items ({} decisions), {} with errors",
            notes_len,
            changes,
            review.len(),
            decisions(&review).len(),
            errors
        );
        printed = Some(Printed { code, report });
    }
    if let (Some(notes), true) = (&computed, run.cache) {
        // The cache did not hold this vault's check, whatever else it held.
        cache::save(run.root, notes, Some((&fixes, printed.as_ref())));
    }
    if let Some(printed) = printed {
        printed.report.print();
    }
    // The process ends with this command: freeing a whole vault's state piece by piece would
    // only delay the exit (a tenth of a second at 10,000 notes).
    std::mem::forget((computed, checked, review));
    Ok(code)
}

#[derive(Serialize)]
struct Summary {
    notes: usize,
    changes: usize,
    review: usize,
    errors: usize,
}

/// `curator fix`: applies the safe fixes, atomically, and summarises.
pub fn fix(run: &Run, dry_run: bool) -> Result<u8, String> {
    let json = run.json;
    let (vault, mut notes, cached) = load(run)?;
    let mut outcomes: Vec<(&NoteFile, FixOutcome)> =
        vault.notes.iter().zip(notes.all_fixed()).collect();
    settle(&mut notes, &mut outcomes);
    update_sections(&mut notes, &mut outcomes)?;
    let p = Palette::new();
    let mut changed = Vec::new();
    let mut skipped = Vec::new();
    let mut errors = Vec::new();
    let mut run_journal = journal::Run::new("cli", now_millis());
    for (note, out) in &outcomes {
        if let Some(e) = &out.error {
            errors.push(e.to_string());
            continue;
        }
        let Some(fixed) = &out.text else { continue };
        if !dry_run {
            match replace_if_unchanged(&vault.file(&note.path), &note.text, fixed)? {
                Written::Done => run_journal.wrote(&note.path, &note.text, fixed),
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
        if !dry_run {
            notes.upsert(&note.path, fixed);
        }
    }
    if !dry_run {
        // A dry run leaves the warm state holding texts that are not on disk: not worth keeping.
        keep(run, &notes, cached);
    }
    crate::journal::record(run.root, &run_journal)?;
    if json {
        #[derive(Serialize)]
        struct FixReport<'a> {
            dry_run: bool,
            changed: Vec<&'a str>,
            skipped_changed_meanwhile: &'a [String],
            errors: &'a [String],
        }
        json::print(&FixReport {
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

/// `curator undo`: restores the notes the last run wrote, unless they changed since.
pub fn undo(run: &Run) -> Result<u8, String> {
    let vault = Vault::open(run.root)?;
    let Some((last, file)) = crate::journal::last(run.root)? else {
        if run.json {
            json::print(&serde_json::json!({ "run": null, "restored": [], "refused": [] }))?;
        } else {
            println!("nothing to undo: no run has written notes in this vault");
        }
        return Ok(0);
    };
    let plan = last.undo(|path| {
        std::fs::read(vault.file(path))
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
    });
    let mut restored = Vec::new();
    let mut refused = plan.refused.clone();
    for (path, before) in &plan.restore {
        let now = std::fs::read_to_string(vault.file(path)).map_err(|e| format!("{path}: {e}"))?;
        match replace_if_unchanged(&vault.file(path), &now, before)? {
            Written::Done => restored.push((path.clone(), before.clone())),
            Written::ChangedMeanwhile => {
                refused.push((path.clone(), "changed while undoing: left as it is".into()))
            }
        }
    }
    crate::journal::remember_put_back(run.root, &restored)?;
    let restored: Vec<String> = restored.into_iter().map(|(path, _)| path).collect();
    std::fs::remove_file(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    if run.json {
        let refused: Vec<_> = refused
            .iter()
            .map(|(path, why)| serde_json::json!({ "path": path, "why": why }))
            .collect();
        json::print(&serde_json::json!({
            "run": last.id,
            "restored": restored,
            "refused": refused,
        }))?;
    } else {
        let p = Palette::new();
        for path in &restored {
            println!("restored {path}");
        }
        for (path, why) in &refused {
            println!("{}left alone:{:#} {path}: {why}", p.warn, p.warn);
        }
        println!(
            "undid run {} ({}): {} restored, {} left alone",
            last.id,
            last.source,
            restored.len(),
            refused.len()
        );
    }
    Ok(0)
}

/// Milliseconds since 1970, for naming journal runs.
pub(crate) fn now_millis() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// How many times [`settle`] fixes again the notes that read what a fix changed.
const MAX_SETTLE_ROUNDS: usize = 4;

/// Fixes again, on top of `outcomes`, every note that reads what the fixes changed in other
/// notes, until nothing changes: a participants placeholder filled with `[[links]]` moves the
/// linked people's `last_contact`, so one `fix` leaves the vault as a second would. The warm
/// vault then holds the fixed texts.
fn settle(notes: &mut Notes, outcomes: &mut [(&NoteFile, FixOutcome)]) {
    for _ in 0..MAX_SETTLE_ROUNDS {
        let mut changed = 0;
        for (note, out) in outcomes.iter() {
            if let Some(text) = &out.text {
                changed += notes.upsert(&note.path, text);
            }
        }
        if changed == 0 {
            return;
        }
        let mut moved = false;
        for ((_, out), again) in outcomes.iter_mut().zip(notes.all_fixed()) {
            // A later round that cannot fix the note leaves it as the rounds before did.
            if let (Some(text), None) = (&again.text, &again.error) {
                out.text = Some(text.clone());
                out.applied.extend(again.applied.iter().cloned());
                out.review.clone_from(&again.review);
                moved = true;
            }
        }
        if !moved {
            return;
        }
    }
}

/// Brings the generated sections (open tasks, meetings) up to date on top of the fixes: the
/// warm vault holds the fixed texts once [`settle`] ran, and each note's section edits join its
/// outcome.
fn update_sections(
    notes: &mut Notes,
    outcomes: &mut [(&NoteFile, FixOutcome)],
) -> Result<(), String> {
    let edits = notes.section_edits().map_err(|missing| {
        format!(
            "internal: the sections need the texts of {} notes the vault does not hold",
            missing.len()
        )
    })?;
    for (path, edits) in edits {
        let Some((note, out)) = outcomes.iter_mut().find(|(n, _)| n.path == path) else {
            continue;
        };
        let text = out.text.as_deref().unwrap_or(&note.text);
        if notes.text(&path) != Some(text) {
            // Settling gave up before the vault held this fix: its sections wait for a next run.
            continue;
        }
        let updated = apply_edits(text, &edits).map_err(|e| format!("{path}: internal: {e}"))?;
        out.text = Some(updated);
        out.applied.extend(edits);
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
pub fn tasks(run: &Run, filter: &TaskFilter) -> Result<u8, String> {
    let json = run.json;
    let due_before = match &filter.due_before {
        Some(d) => Some(
            Date::parse_iso(d)
                .ok_or_else(|| format!("--due-before {d}: give a date as YYYY-MM-DD"))?,
        ),
        None => None,
    };
    let (_, mut notes, cached) = load(run)?;
    let tasks: Vec<Task> = notes
        .all_tasks()
        .iter()
        .flat_map(|t| t.iter())
        .filter(|t| filter.keeps(t, due_before))
        .cloned()
        .collect();
    keep(run, &notes, cached);
    if json {
        json::print_list(&tasks)?;
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
pub fn entities(run: &Run) -> Result<u8, String> {
    let json = run.json;
    let (_, mut notes, cached) = load(run)?;
    let mentions: Vec<Mention> = notes
        .all_mentions()
        .iter()
        .flat_map(|m| m.iter().cloned())
        .collect();
    keep(run, &notes, cached);
    if json {
        json::print_list(&mentions)?;
    } else {
        let rows: Vec<Vec<String>> = mentions.iter().map(mention_row).collect();
        print!("{}", output::columns(&rows));
        println!("{} mentions", mentions.len());
    }
    Ok(0)
}

/// One row of `curator entities`: where, as written, the decision with its confidence, and
/// the note it resolves to (`review`: the top suggestion; `unknown`: none).
fn mention_row(m: &Mention) -> Vec<String> {
    let resolved = match m.decision {
        Decision::Unknown => "—".to_string(),
        Decision::Review => format!("{}?", m.resolved.as_deref().unwrap_or("—")),
        _ => m.resolved.clone().unwrap_or_default(),
    };
    vec![
        format!("{}:{}", m.path, m.line),
        m.text.clone(),
        format!("{} {:.0}%", m.decision.as_str(), m.confidence * 100.0),
        resolved,
    ]
}

/// `curator review`: the needs-review queue.
pub fn review(run: &Run) -> Result<u8, String> {
    let json = run.json;
    let cache = open_cache(run);
    let from_cache = match unchanged_since(run, cache.as_ref())? {
        Some(scan) => (cache.as_ref())
            .and_then(|c| reviewed_from_cache(c, json))
            .inspect(|_| warn_unreadable(&scan.unreadable)),
        None => None,
    };
    let (reports, vault_review) = match from_cache {
        Some(reviewed) => reviewed,
        None => {
            let vault = read(run)?;
            let (mut notes, cached) = warm(&vault, cache);
            let (reports, vault_review) = (notes.all_reports(), notes.vault_review());
            keep(run, &notes, cached);
            drop(notes);
            owned(reports, vault_review)
        }
    };
    let mut items: Vec<ReviewItem> = reports.into_iter().flat_map(|r| r.review).collect();
    items.extend(vault_review);
    MergeTies::join(&mut items);
    if json {
        json::print_list(&items)?;
    } else {
        let mut report = Report::default();
        review_queue(&mut report, &items, &Palette::new());
        report.print();
        println!(
            "{} review items, {} decisions",
            items.len(),
            decisions(&items).len()
        );
    }
    Ok(0)
}

/// The review queue as decisions, as printed: one row per answer to give, with the other places it settles.
fn review_queue(report: &mut Report, items: &[ReviewItem], p: &Palette) {
    if items.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = decisions(items)
        .iter()
        .filter_map(|d| {
            let r = d.lead()?;
            let at = r
                .line
                .map_or(r.path.to_string(), |l| format!("{}:{l}", r.path));
            let mut msg = r.message.to_string();
            if !r.candidates.is_empty() {
                let c: Vec<String> = r
                    .candidates
                    .iter()
                    .map(|c| c.described(&r.candidates))
                    .collect();
                msg.push_str(&format!(" — candidates: {}", c.join(", ")));
            }
            if d.places() > 1 {
                let notes = match d.notes() {
                    1 => "1 note".to_string(),
                    n => format!("{n} notes"),
                };
                msg.push_str(&format!(
                    " — {} places in {notes}, one answer for all",
                    d.places()
                ));
            }
            Some(vec![at, reason_label(r.reason), msg])
        })
        .collect();
    let _ = writeln!(report.styled(), "{}Review queue{:#}", p.path, p.path);
    report.raw().push_str(&output::columns(&rows));
}

fn reason_label(reason: ReviewReason) -> String {
    reason.as_str().replace('_', " ")
}
