//! Times the engine alone (one thread, no file I/O) over the benchmark's synthetic vault: the
//! index build, a whole-vault `check`, `tasks` and `mentions`, and the on-save path (upsert and
//! check) of the largest meeting note. Quicker to run than the criterion benchmark:
//!
//! ```sh
//! cargo run --release -p curator-core --example engine_timing -- 10000
//! cargo run --release -p curator-core --example engine_timing -- 10000 tasks    # one operation
//! cargo run --release -p curator-core --example engine_timing -- 10000 save 200 # on save, 200 rounds
//! ```

#[path = "../benches/synthetic.rs"]
mod synthetic;

use curator_core::{Engine, Settings};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn timed<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    println!(
        "{label:<28} {:>10.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    out
}

fn on_save(engine: &mut Engine, notes: &[(String, String)], rounds: u32) -> Result<(), String> {
    let (path, text) = notes
        .iter()
        .filter(|(p, _)| p.starts_with("Meetings/"))
        .max_by_key(|(_, t)| t.len())
        .ok_or("no meeting note")?;
    let mut total = Duration::ZERO;
    for _ in 0..rounds {
        let start = Instant::now();
        engine.index_mut().upsert(path, text);
        black_box(engine.check(path, text));
        total += start.elapsed();
    }
    println!(
        "on save, {} KB meeting {:>10.2} ms (upsert + check, mean of {rounds})",
        text.len() / 1024,
        total.as_secs_f64() * 1e3 / f64::from(rounds.max(1))
    );
    Ok(())
}

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .map_or(Ok(10_000), |s| s.parse().map_err(|e| format!("NOTES: {e}")))?;
    let only = args.next().unwrap_or_default();
    let rounds: u32 = args
        .next()
        .map_or(Ok(20), |s| s.parse().map_err(|e| format!("ROUNDS: {e}")))?;
    let run = |op: &str| only.is_empty() || only == op;
    let notes = synthetic::vault(n, 7);
    let mut engine = timed("index build", || {
        let mut engine = Engine::new(Settings::default());
        for (path, text) in &notes {
            engine.index_mut().upsert(path, text);
        }
        engine
    });
    if run("check") {
        timed("check, whole vault", || {
            notes
                .iter()
                .map(|(p, t)| engine.check(p, t).edits.len())
                .sum::<usize>()
        });
    }
    if run("tasks") {
        timed("tasks, whole vault", || {
            notes
                .iter()
                .map(|(p, t)| engine.tasks(p, t).len())
                .sum::<usize>()
        });
    }
    if run("mentions") {
        timed("mentions, whole vault", || {
            notes
                .iter()
                .map(|(p, t)| engine.mentions(p, t).len())
                .sum::<usize>()
        });
    }
    if run("save") {
        on_save(&mut engine, &notes, rounds)?;
    }
    Ok(())
}
