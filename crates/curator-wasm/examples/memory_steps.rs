//! The plugin's engine memory step by step, natively (64-bit: WebAssembly's 32-bit pointers
//! make it somewhat smaller there): the heap bytes live after each step of a plugin's life and
//! the peak during it — the cold pass, the first state save, a warm start from that state with
//! every note read again, and its save. WebAssembly memory never shrinks, so the highest peak
//! is what the plugin keeps.
//!
//! ```sh
//! cargo run --release -p curator-wasm --example memory_steps -- 10000
//! ```
//!
//! The vault is `benches/synthetic.rs`'s (seed 7), generated in memory, checked on one thread
//! as in the WebAssembly module.

#[path = "../../curator-core/examples/support/counting_alloc.rs"]
mod counting_alloc;
#[path = "support/note_stats.rs"]
mod note_stats;
#[path = "../../curator-core/benches/synthetic.rs"]
mod synthetic;

use curator_core::decisions::DecisionQuery;
use curator_core::Settings;
use curator_wasm::live::LiveVault;
use curator_wasm::warm_start;
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// What the example itself holds (the generated notes, standing for the vault's files).
static BASE: AtomicUsize = AtomicUsize::new(0);

/// Runs `f`, printing the bytes live after it and the peak during it.
fn step<R>(name: &str, f: impl FnOnce() -> R) -> R {
    counting_alloc::reset_peak();
    let out = f();
    let mb = |b: usize| b.saturating_sub(BASE.load(Relaxed)) as f64 / 1e6;
    println!(
        "{name:<34} live {:>6.1} MB   peak {:>6.1} MB",
        mb(counting_alloc::live()),
        mb(counting_alloc::peak())
    );
    out
}

/// Saves the state as the plugin does, each block handed on as it is written: here to a file,
/// outside the counted heap as the plugin's copies are outside WebAssembly memory.
fn save(live: &mut LiveVault, stats: &[warm_start::NoteStat], to: &Path) -> io::Result<()> {
    let mut file = std::fs::File::create(to)?;
    let mut written = Ok(());
    warm_start::save(live, stats, &mut |block| {
        if written.is_ok() {
            written = file.write_all(block);
        }
    });
    written
}

/// The state's bytes as the plugin holds them once saved, outside WebAssembly memory: not
/// counted from here on.
fn handed_over(from: &Path) -> io::Result<Vec<u8>> {
    let bytes = std::fs::read(from)?;
    BASE.fetch_add(bytes.capacity(), Relaxed);
    println!("state: {:.1} MB", bytes.len() as f64 / 1e6);
    Ok(bytes)
}

fn main() -> io::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let notes = synthetic::vault(n, 7);
    let stats = note_stats::note_stats(&notes);
    let texts: std::collections::BTreeMap<&str, &String> =
        notes.iter().map(|(p, t)| (p.as_str(), t)).collect();
    let file = std::env::temp_dir().join(format!("curator-state-{}.bin", std::process::id()));
    BASE.store(counting_alloc::live(), Relaxed);
    let bytes = {
        let mut live = LiveVault::new(Settings::default());
        step("notes handed over", || {
            for (path, text) in notes.iter().cloned() {
                live.stage(path, text);
            }
        });
        step("indexed", || live.index_staged(usize::MAX));
        step("every report and tasks", || live.warm(|| true));
        step("review queue", || {
            live.decision_page(&DecisionQuery::default())
        });
        step("state saved", || save(&mut live, &stats, &file))?;
        handed_over(&file)?
    };
    step("cold vault dropped", || ());
    let mut warm = LiveVault::new(Settings::default());
    step("warm start", || {
        warm_start::restore(&mut warm, &bytes, stats.clone())
    });
    step("review queue", || {
        warm.decision_page(&DecisionQuery::default())
    });
    step("every note read again", || {
        for path in warm.unread_paths() {
            if let Some(text) = texts.get(path.as_str()) {
                warm.supply(&path, text.to_string());
            }
        }
        warm.warm(|| true)
    });
    step("state saved again", || save(&mut warm, &stats, &file))?;
    println!("same bytes: {}", handed_over(&file)? == bytes);
    std::fs::remove_file(&file)
}
