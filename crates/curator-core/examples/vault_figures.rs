//! The warm vault's figures as one JSON line: a cold check of synthetic vaults of several sizes
//! (build the index, then every note's check report and fix, and the vault review, in parallel)
//! and the on-save path (upsert a note and get its report against the largest vault).
//!
//! ```sh
//! cargo run --release -p curator-core --features parallel --example vault_figures
//! cargo run --release -p curator-core --features parallel --example vault_figures -- 1000,10000,50000 200
//! ```
//!
//! Arguments: the vault sizes (comma-separated, default `1000,10000`) and the on-save rounds
//! (default 200). The vaults are `benches/synthetic.rs`'s, generated in memory: no file I/O is
//! timed. The on-save notes are the vault's largest meeting (about 40 KB) and a meeting of
//! about 3 KB, each upserted with one line changed per round.

#[path = "../benches/synthetic.rs"]
mod synthetic;

use curator_core::vault::Vault;
use curator_core::Settings;
use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Milliseconds, to two decimals.
fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e5).round() / 100.0
}

/// The cold figures of one vault size, as JSON fields.
fn cold(n: usize) -> (String, Vault, Vec<(String, String)>) {
    let notes = synthetic::vault(n, 7);
    let bytes: usize = notes.iter().map(|(_, t)| t.len()).sum();
    let start = Instant::now();
    let mut vault = Vault::build(Settings::default(), notes.clone());
    let built = start.elapsed();
    let fixed = vault.all_fixed();
    let changes = fixed.iter().filter(|f| f.text.is_some()).count();
    let reports = vault.all_reports();
    let review = vault.vault_review().len() + reports.iter().map(|r| r.review.len()).sum::<usize>();
    let total = start.elapsed();
    let fields = format!(
        "\"notes\":{n},\"mb\":{:.1},\"build_ms\":{},\"check_ms\":{},\"total_ms\":{},\"changes\":{changes},\"review\":{review}",
        bytes as f64 / 1e6,
        ms(built),
        ms(total - built),
        ms(total),
    );
    (fields, vault, notes)
}

/// p50 and p99 of upserting `text` with one line changed, then getting its report, over
/// `rounds` rounds.
fn on_save(vault: &mut Vault, path: &str, text: &str, rounds: usize) -> String {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|round| {
            let edited = format!("{text}\nEdited {round}.\n");
            let start = Instant::now();
            vault.upsert(path, &edited);
            black_box(vault.report(path));
            start.elapsed()
        })
        .collect();
    times.sort();
    let at = |q: f64| {
        times
            .get(((times.len() as f64 * q) as usize).min(times.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    format!(
        "{{\"kb\":{},\"p50_ms\":{},\"p99_ms\":{}}}",
        text.len() / 1024,
        ms(at(0.5)),
        ms(at(0.99))
    )
}

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let sizes: Vec<usize> = args
        .next()
        .unwrap_or_else(|| "1000,10000".into())
        .split(',')
        .map(|s| s.trim().parse().map_err(|e| format!("SIZES: {e}")))
        .collect::<Result<_, _>>()?;
    let rounds: usize = args
        .next()
        .map_or(Ok(200), |s| s.parse().map_err(|e| format!("ROUNDS: {e}")))?;
    let mut json = String::from("{\"cold\":[");
    let mut largest: Option<(Vault, Vec<(String, String)>)> = None;
    for (i, n) in sizes.iter().enumerate() {
        let (fields, vault, notes) = cold(*n);
        let _ = write!(json, "{}{{{fields}}}", if i > 0 { "," } else { "" });
        if largest.as_ref().is_none_or(|(v, _)| v.len() < vault.len()) {
            largest = Some((vault, notes));
        }
    }
    json.push(']');
    if let Some((mut vault, notes)) = largest {
        let meetings = || notes.iter().filter(|(p, _)| p.starts_with("Meetings/"));
        let big = meetings().max_by_key(|(_, t)| t.len()).cloned();
        let small = meetings()
            .min_by_key(|(_, t)| t.len().abs_diff(3 * 1024))
            .cloned();
        for (name, note) in [("save_large", big), ("save_small", small)] {
            if let Some((path, text)) = note {
                let figures = on_save(&mut vault, &path, &text, rounds);
                let _ = write!(json, ",\"{name}\":{figures}");
            }
        }
        let _ = write!(json, ",\"save_against_notes\":{}", vault.len());
    }
    json.push('}');
    println!("{json}");
    Ok(())
}
