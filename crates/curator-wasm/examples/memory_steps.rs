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
use curator_wasm::state_bytes;
use curator_wasm::warm_start;
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

/// The state's bytes as the plugin receives them, outside WebAssembly memory: no longer
/// counted.
fn handed_over(blocks: state_bytes::Blocks) -> Vec<u8> {
    let bytes = blocks.to_vec();
    drop(blocks);
    BASE.fetch_add(bytes.capacity(), Relaxed);
    println!("state: {:.1} MB", bytes.len() as f64 / 1e6);
    bytes
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let notes = synthetic::vault(n, 7);
    let stats = note_stats::note_stats(&notes);
    let texts: std::collections::BTreeMap<&str, &String> =
        notes.iter().map(|(p, t)| (p.as_str(), t)).collect();
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
        let blocks = step("state saved", || warm_start::save(&mut live, &stats));
        handed_over(blocks)
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
    let again = step("state saved again", || warm_start::save(&mut warm, &stats));
    println!("same bytes: {}", handed_over(again) == bytes);
}
