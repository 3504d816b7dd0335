//! The plugin engine's on-save and query figures, natively and on one thread as in its worker,
//! as one JSON line: the benchmark vault is loaded the way the worker loads it (staged, indexed,
//! warmed), then a 40 KB and a 3 KB meeting are opened and saved as `scripts/bench-wasm.mjs`
//! saves them (upsert + report timed, the review queue caught up between saves and timed
//! apart), then the review queue's first page and the open tasks by owner are asked.
//!
//! ```sh
//! cargo run --release -p curator-wasm --example save_figures -- 2000 30
//! ```
//!
//! Arguments: the vault size (default 2000) and the saves per note (default 30). No file I/O
//! and no JS marshalling is timed: what is left of a worker figure is the module's own cost.

#[path = "../../curator-core/benches/synthetic.rs"]
mod synthetic;

use curator_core::decisions::DecisionQuery;
use curator_core::Settings;
use curator_wasm::live::LiveVault;
use curator_wasm::owners::TasksQuery;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Milliseconds, to two decimals.
fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e5).round() / 100.0
}

/// The value at percentile `p` of `times`.
fn percentile(times: &[Duration], p: f64) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    let at = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted
        .get(at.saturating_sub(1).min(sorted.len().saturating_sub(1)))
        .copied()
        .unwrap_or_default()
}

fn timed<R>(f: impl FnOnce() -> R) -> (R, Duration) {
    let start = Instant::now();
    let r = f();
    (r, start.elapsed())
}

/// `saves` saves of the note at `path` (its text with one line more each time), as JSON fields.
fn saves(live: &mut LiveVault, name: &str, path: &str, text: &str, saves: usize) -> String {
    let ((), open) = timed(|| live.start_editing(path, text));
    let (mut upserts, mut reports, mut totals, mut catch_ups) = (vec![], vec![], vec![], vec![]);
    for i in 0..saves {
        let edited = format!("{text}\nNoted after the meeting ({i}).\n");
        let ((), upsert) = timed(|| live.upsert(path, &edited));
        let (_, report) = timed(|| black_box(live.vault_mut().report(path)));
        upserts.push(upsert);
        reports.push(report);
        totals.push(upsert + report);
        let (_, catch_up) = timed(|| {
            black_box(live.decision_page(&DecisionQuery {
                limit: Some(0),
                ..DecisionQuery::default()
            }))
        });
        catch_ups.push(catch_up);
    }
    let max = |v: &[Duration]| ms(v.iter().max().copied().unwrap_or_default());
    format!(
        "\"{name}_bytes\":{},\"{name}_open_ms\":{},\"{name}_first_ms\":{},\"{name}_p50_ms\":{},\"{name}_p99_ms\":{},\"{name}_upsert_max_ms\":{},\"{name}_report_max_ms\":{},\"{name}_catch_up_p50_ms\":{},\"{name}_catch_up_max_ms\":{}",
        text.len(),
        ms(open),
        ms(totals.first().copied().unwrap_or_default()),
        ms(percentile(&totals, 50.0)),
        ms(percentile(&totals, 99.0)),
        max(&upserts),
        max(&reports),
        ms(percentile(&catch_ups, 50.0)),
        max(&catch_ups),
    )
}

/// The first answer to `f`, then the median of five more, as JSON fields.
fn query(name: &str, mut f: impl FnMut()) -> String {
    let ((), first) = timed(&mut f);
    let rounds = std::env::var("QUERY_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let again: Vec<Duration> = (0..rounds).map(|_| timed(&mut f).1).collect();
    format!(
        "\"{name}_first_ms\":{},\"{name}_p50_ms\":{}",
        ms(first),
        ms(percentile(&again, 50.0))
    )
}

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let n: usize =
        (args.next().as_deref().unwrap_or("2000").parse()).map_err(|e| format!("NOTES: {e}"))?;
    let rounds: usize =
        (args.next().as_deref().unwrap_or("30").parse()).map_err(|e| format!("SAVES: {e}"))?;
    let notes = synthetic::vault(n, 7);
    let meeting_near = |bytes: usize| {
        (notes.iter())
            .filter(|(p, _)| p.starts_with("Meetings/"))
            .min_by_key(|(_, t)| t.len().abs_diff(bytes))
            .cloned()
            .ok_or("no meeting")
    };
    let (big, small) = (meeting_near(40_000)?, meeting_near(3_000)?);
    let mut live = LiveVault::new(Settings::default());
    let ((), load) = timed(|| {
        for (path, text) in notes {
            live.stage(path, text);
        }
        live.index_staged(usize::MAX);
        live.warm(|| true);
        live.decision_page(&DecisionQuery {
            limit: Some(0),
            ..DecisionQuery::default()
        });
    });
    let mut json = format!("{{\"notes\":{n},\"load_ms\":{}", ms(load));
    for (name, (path, text)) in [("save_40kb", &big), ("save_3kb", &small)] {
        json += ",";
        json += &saves(&mut live, name, path, text, rounds);
    }
    let review = DecisionQuery {
        limit: Some(100),
        ..DecisionQuery::default()
    };
    json += ",";
    json += &query("review_queue", || {
        black_box(live.decision_page(&review));
    });
    let tasks = TasksQuery {
        groups: Some(50),
        limit: Some(10),
        ..TasksQuery::default()
    };
    json += ",";
    json += &query("tasks_by_owner", || {
        black_box(live.tasks_page(&tasks));
    });
    json += "}";
    println!("{json}");
    Ok(())
}
