//! `curator merge`: merges one note of a person into another ([`curator_core::merge`], the
//! plan the plugin's review pane writes). Shows the diffs by default; with `--write`, writes
//! each note only over the text read, as one run of the undo journal, then moves the merged
//! note to the vault's `.trash/` folder (Obsidian's own) when every write went through.

use crate::commands::{now_millis, Run};
use crate::json;
use crate::output::{self, Palette};
use crate::vault::Vault;
use crate::write::{replace_if_unchanged, Written};
use anstream::println;
use curator_core::journal;
use curator_core::merge::{merge_names, merge_plan};
use curator_core::{apply_edits, VaultIndex};
use serde::Serialize;
use std::fs;

/// Where Obsidian keeps notes moved to the vault's own trash, relative to the vault root.
const TRASH: &str = ".trash";

/// A note given on the command line as a vault path, `.md` optional.
fn note_path(arg: &str) -> String {
    let arg = arg.trim().trim_start_matches("./").replace('\\', "/");
    if arg.to_lowercase().ends_with(".md") {
        arg
    } else {
        format!("{arg}.md")
    }
}

/// `curator merge VAULT --keep A --from B [--write]`.
pub fn merge(run: &Run, keep: &str, from: &str, write: bool) -> Result<u8, String> {
    let vault = Vault::open(run.root)?;
    let (keep, gone) = (note_path(keep), note_path(from));
    let text = |path: &str| {
        let i = vault.notes.binary_search_by(|n| n.path.as_str().cmp(path));
        i.ok().map(|i| &*vault.notes[i].text)
    };
    let index = VaultIndex::build(
        vault.settings.clone(),
        vault.notes.iter().map(|n| (n.path.as_str(), &*n.text)),
    );
    let plan = merge_plan(&index, &text, &keep, &gone).map_err(|e| e.to_string())?;
    let (keep_name, gone_name) = merge_names(&keep, &gone);
    let p = Palette::new();
    let mut run_journal = journal::Run::new("cli", now_millis());
    let mut written = Vec::new();
    let mut skipped = Vec::new();
    for note in &plan.notes {
        let before = text(&note.path).unwrap_or_default();
        let after = apply_edits(before, &note.edits)
            .map_err(|e| format!("internal: {}: {e}", note.path))?;
        if !write {
            if !run.json {
                output::print_diff(&output::diff(&note.path, before, &after));
            }
            written.push(note.path.clone());
            continue;
        }
        match replace_if_unchanged(&vault.file(&note.path), before, &after)? {
            Written::Done => {
                run_journal.wrote(&note.path, before, &after);
                written.push(note.path.clone());
            }
            Written::ChangedMeanwhile => skipped.push(note.path.clone()),
        }
    }
    crate::journal::record(run.root, &run_journal)?;
    let gone_unchanged =
        fs::read(vault.file(&gone)).ok().as_deref() == text(&gone).map(str::as_bytes);
    let trashed = if write && skipped.is_empty() && gone_unchanged {
        Some(to_trash(&vault, &gone)?)
    } else {
        None
    };
    if write && !gone_unchanged {
        skipped.push(gone.clone());
    }
    let conflicts: Vec<String> = plan.conflicts.iter().map(|c| c.words(&gone_name)).collect();
    if run.json {
        #[derive(Serialize)]
        struct MergeReport<'a> {
            dry_run: bool,
            keep: &'a str,
            gone: &'a str,
            notes: &'a [String],
            conflicts: &'a [String],
            skipped_changed_meanwhile: &'a [String],
            trashed: Option<&'a str>,
        }
        return json::print(&MergeReport {
            dry_run: !write,
            keep: &keep,
            gone: &gone,
            notes: &written,
            conflicts: &conflicts,
            skipped_changed_meanwhile: &skipped,
            trashed: trashed.as_deref(),
        })
        .map(|()| 0);
    }
    for words in &conflicts {
        println!("{}conflict:{:#} {words}", p.warn, p.warn);
    }
    for path in &skipped {
        println!(
            "{}skipped:{:#} {path} changed while curator ran: nothing more was done; run merge again",
            p.warn, p.warn
        );
    }
    let verb = if write { "rewrote" } else { "would rewrite" };
    println!(
        "merge {gone_name} into {keep_name}: {verb} {} notes",
        written.len()
    );
    match (&trashed, write) {
        (Some(to), _) => println!("moved {gone} to {to} (`curator undo` puts the rewritten notes back; move it back by hand)"),
        (None, false) => println!("then {gone} would go to {TRASH}/; nothing was written: add --write to merge"),
        (None, true) => {}
    }
    Ok(0)
}

/// Moves the note at `path` into the vault's `.trash/` folder; returns where it went.
fn to_trash(vault: &Vault, path: &str) -> Result<String, String> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let dir = vault.root.join(TRASH);
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut to = format!("{TRASH}/{name}");
    if vault.root.join(&to).exists() {
        let stem = name.strip_suffix(".md").unwrap_or(name);
        to = format!("{TRASH}/{stem} {}.md", now_millis());
    }
    fs::rename(vault.file(path), vault.root.join(&to)).map_err(|e| format!("{path}: {e}"))?;
    Ok(to)
}
