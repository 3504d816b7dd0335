//! The plugin's saved state on the benchmark's synthetic vault, natively: its bytes by part,
//! and the time to save it, read it back and start warm from it, then answer the review
//! queue's first page (from the saved decisions, decoding only the page's reports) — and, for
//! comparison, to decode every report (the WASM engine does the same work, somewhat slower;
//! `npm run bench:wasm` measures it there).
//!
//! ```sh
//! cargo run --release -p curator-wasm --example state_figures -- 2000
//! ```

#[path = "support/note_stats.rs"]
mod note_stats;
#[path = "../../curator-core/benches/synthetic.rs"]
mod synthetic;

use curator_core::decisions::DecisionQuery;
use curator_core::vault::{Snapshot, Vault};
use curator_core::Settings;
use curator_wasm::live::LiveVault;
use curator_wasm::state_bytes;
use curator_wasm::warm_start;
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let notes = synthetic::vault(n, 7);
    let stats = note_stats::note_stats(&notes);
    if let Ok(bytes) = std::env::var("STATE_FIGURES_RESTORE").map(std::fs::read) {
        // Restores a saved state again and again, for a profiler.
        let bytes = bytes.unwrap_or_default();
        for _ in 0..10 {
            let mut warm = LiveVault::new(Settings::default());
            warm_start::restore(&mut warm, &bytes, stats.clone());
        }
        return;
    }
    let mut live = LiveVault::new(Settings::default());
    let at = Instant::now();
    for (path, text) in notes {
        live.stage(path, text);
    }
    live.index_staged(usize::MAX);
    live.warm(|| true);
    live.decision_page(&DecisionQuery::default());
    let cold = at.elapsed();

    let at = Instant::now();
    let bytes = warm_start::save_to_vec(&mut live, &stats);
    let save = at.elapsed();
    let _ = std::fs::write(format!("target/state-{n}.bin"), &bytes);
    let snapshot = live.snapshot();
    let present: std::collections::BTreeSet<&str> = stats.iter().map(|s| s.path.as_str()).collect();
    // The bytes of a snapshot, through a vault restored from it (what the encoder reads).
    let encoded = |s: Snapshot| {
        let vault = Vault::restore_unread(Settings::default(), s, Vec::new(), &present);
        vault.map_or(0, |v| {
            state_bytes::encode_to_vec(&v.snapshot_ref(), &[], None).len()
        })
    };
    let decisions = bytes.len() - encoded(snapshot.clone());
    let part = |keep: &dyn Fn(&mut Snapshot)| {
        let mut s = snapshot.clone();
        keep(&mut s);
        encoded(s)
    };
    let bare = part(&|s| {
        s.vault_review = None;
        s.notes.iter_mut().for_each(|n| {
            (n.summary, n.report, n.tasks, n.deps) = (None, None, None, Vec::new());
        })
    });
    let only = |f: &dyn Fn(&mut curator_core::vault::SavedNote)| {
        part(&|s| {
            s.vault_review = None;
            s.notes.iter_mut().for_each(f)
        }) - bare
    };
    let summaries = only(&|n| (n.report, n.tasks, n.deps) = (None, None, Vec::new()));
    let reports = only(&|n| (n.summary, n.tasks, n.deps) = (None, None, Vec::new()));
    let tasks = only(&|n| (n.summary, n.report, n.deps) = (None, None, Vec::new()));
    let deps = only(&|n| (n.summary, n.report, n.tasks) = (None, None, None));
    let review = part(&|s| s.notes.clear())
        - part(&|s| {
            s.notes.clear();
            s.vault_review = None;
        });

    let at = Instant::now();
    let decoded = state_bytes::decode(&bytes);
    let decode = at.elapsed();
    let ok = decoded.is_ok();
    let at = Instant::now();
    let vault = decoded
        .ok()
        .and_then(|d| Vault::restore_unread(Settings::default(), d.snapshot, d.reports, &present));
    let vault_restore = at.elapsed();
    // What a view asking for every report costs on top (the queue gathered from scratch).
    let at = Instant::now();
    let every_report = vault.map(|mut v| v.all_reports().len());
    let every_report_ms = at.elapsed().as_millis();
    let mut warm = LiveVault::new(Settings::default());
    let at = Instant::now();
    let start = warm_start::restore(&mut warm, &bytes, stats.clone());
    let restored = at.elapsed();
    warm.decision_page(&DecisionQuery::default());
    let first_page = at.elapsed();
    println!(
        "{{\"notes\":{n},\"cold_ms\":{},\"state_bytes\":{},\"parts\":{{\"paths_and_hashes\":{bare},\"summaries\":{summaries},\"reports\":{reports},\"tasks\":{tasks},\"deps\":{deps},\"vault_review\":{review},\"decisions_and_stats\":{decisions}}},\"save_ms\":{},\"decode_ms\":{},\"vault_restore_ms\":{},\"restore_ms\":{},\"first_page_ms\":{},\"every_report_decoded_ms\":{every_report_ms},\"reports_decoded\":{},\"ok\":{},\"trusted\":{}}}",
        cold.as_millis(),
        bytes.len(),
        save.as_millis(),
        decode.as_millis(),
        vault_restore.as_millis(),
        restored.as_millis(),
        first_page.as_millis(),
        every_report.unwrap_or(0),
        ok,
        start.map_or(0, |s| s.trusted),
    );
}
