//! `curator`: Vault Curator's engine over a whole vault, for terminals and CI.
//!
//! A thin adapter: it reads the vault, hands the notes to the engine's warm vault state
//! (`curator_core::vault::Vault`, restored from the cache when there is one), and prints or
//! writes what the engine returns.

// Errors are values: no `unwrap`, `expect` or `panic!` outside tests, enforced by clippy.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod allocator;
mod cache;
mod cache_format;
mod commands;
mod journal;
mod json;
mod merge;
mod output;
mod today;
mod vault;
mod write;

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc rather than the system allocator: checking a vault allocates millions of small
/// strings, and glibc's malloc and free were a fifth of the work.
#[global_allocator]
static ALLOCATOR: allocator::Allocator = allocator::Allocator;

/// Keeps an Obsidian vault clean and connected: frontmatter, tasks, people and organisations.
#[derive(Parser)]
#[command(name = "curator", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct VaultArg {
    /// The vault folder (the one holding `.obsidian/`).
    vault: PathBuf,
    /// Print JSON for machines instead of the human report.
    #[arg(long)]
    json: bool,
    /// Neither read nor write the cache (see the README: where it lives, how to clear it).
    #[arg(long)]
    no_cache: bool,
}

impl VaultArg {
    fn run(&self) -> commands::Run<'_> {
        commands::Run {
            root: &self.vault,
            json: self.json,
            cache: !self.no_cache,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Report what `fix` would change (as diffs) and the review queue; changes nothing.
    #[command(
        after_help = "Example:\n  curator check ~/Notes\n  curator check ~/Notes --json > report.json\n\n\
Exit status: 0 when clean, 1 when there are changes or review items, 2 on errors."
    )]
    Check(VaultArg),
    /// Apply the safe fixes and print a summary.
    #[command(
        after_help = "Example:\n  curator fix ~/Notes --dry-run\n  curator fix ~/Notes\n\n\
Writes are atomic (temporary file + rename) and a note edited since it was read is skipped."
    )]
    Fix {
        #[command(flatten)]
        vault: VaultArg,
        /// Show what would change without writing anything.
        #[arg(long)]
        dry_run: bool,
    },
    /// List the vault's tasks (Tasks emoji and Dataview formats) with owners.
    #[command(
        after_help = "Example:\n  curator tasks ~/Notes --open --owner \"Rob Benoit\"\n  curator tasks ~/Notes --due-before 2026-01-01 --json"
    )]
    Tasks {
        #[command(flatten)]
        vault: VaultArg,
        /// Only tasks owned by this person (note title or alias).
        #[arg(long)]
        owner: Option<String>,
        /// Only tasks not done or cancelled.
        #[arg(long)]
        open: bool,
        /// Only tasks due before this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        due_before: Option<String>,
    },
    /// List every mention of a person or organisation and how it resolves.
    #[command(
        after_help = "Decisions: exact (written as a note's name), alias, auto (linked alone, with its \
                      confidence), review (not linked alone; the queue, `curator review`, asks only \
                      about those worth a person's time: names in links, owners and participants, \
                      and given names several people share) and unknown.\n\n\
                      Example:\n  curator entities ~/Notes\n  curator entities ~/Notes --json | jq '.[] | select(.decision == \"auto\")'"
    )]
    Entities(VaultArg),
    /// List the needs-review queue: everything the engine would not decide alone.
    #[command(after_help = "Example:\n  curator review ~/Notes\n  curator review ~/Notes --json")]
    Review(VaultArg),
    /// Undo the last run that wrote notes (curator fix, or a plugin command or enrichment).
    #[command(
        after_help = "Example:\n  curator fix ~/Notes\n  curator undo ~/Notes\n\n\
Restores each note the run wrote, byte for byte, unless it changed since: those are left as they\n\
are and listed. The journal is shared with the Obsidian plugin (.obsidian/plugins/vault-curator/journal/)."
    )]
    Undo(VaultArg),
    /// Merge one note of a person into another: its names, tags, properties and facts go to the
    /// kept note, and every link to it points at the kept note.
    #[command(
        after_help = "Example:\n  curator merge ~/Notes --keep \"People/Ilse Varga\" --from \"People/I. Varga\"\n  \
curator merge ~/Notes --keep \"People/Ilse Varga\" --from \"People/I. Varga\" --write\n\n\
Shows the diffs without --write. With it, each note is written only if unchanged since read, as\n\
one run of the undo journal (curator undo puts them back), and the merged note goes to .trash/."
    )]
    Merge {
        #[command(flatten)]
        vault: VaultArg,
        /// The note kept (vault path, `.md` optional).
        #[arg(long, value_name = "NOTE")]
        keep: String,
        /// The note merged into it, then moved to the vault's .trash/ folder.
        #[arg(long, value_name = "NOTE")]
        from: String,
        /// Write the merge (without it, only the diffs are shown).
        #[arg(long)]
        write: bool,
    },
}

/// Lets a closed pipe end the process quietly, as it ends `grep` or `cat`: `curator tasks
/// VAULT | head` stops once `head` has read its lines. Rust ignores SIGPIPE, so each print to
/// a closed pipe would fail and `println!` would panic. Every command writes its notes, its
/// journal and its cache before it prints, so stopping at a print loses no work.
fn end_quietly_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: sets the signal's disposition to the default before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    end_quietly_on_closed_pipe();
    allocator::keep_freed_memory();
    allocator::use_small_pages();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(v) => commands::check(&v.run()),
        Command::Fix { vault, dry_run } => commands::fix(&vault.run(), dry_run),
        Command::Tasks {
            vault,
            owner,
            open,
            due_before,
        } => {
            let filter = commands::TaskFilter {
                owner,
                open,
                due_before,
            };
            commands::tasks(&vault.run(), &filter)
        }
        Command::Entities(v) => commands::entities(&v.run()),
        Command::Review(v) => commands::review(&v.run()),
        Command::Undo(v) => commands::undo(&v.run()),
        Command::Merge {
            vault,
            keep,
            from,
            write,
        } => merge::merge(&vault.run(), &keep, &from, write),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            let p = output::Palette::new();
            anstream::eprintln!("{}error:{:#} {message}", p.error, p.error);
            ExitCode::from(2)
        }
    }
}
