//! The review queue's figures as one JSON line: on synthetic vaults of several sizes, warm, how
//! many decisions settle how many review items, how long gathering them takes after a change,
//! how long a page of decisions takes then — the first page, one kind, a search — and what an
//! answer costs: the notes it makes the vault compute again, and the page after it.
//!
//! ```sh
//! cargo run --release -p curator-core --features parallel --example decision_figures -- 2000,10000
//! ```

#[path = "../benches/synthetic.rs"]
mod synthetic;

use curator_core::answers::Answers;
use curator_core::decisions::{decision_page, DecisionIndex, DecisionQuery};
use curator_core::settings::Resolution;
use curator_core::vault::Vault;
use curator_core::{ReviewReason, Settings};
use std::time::{Duration, Instant};

/// The median time of `rounds` runs of `f`, in milliseconds.
fn median_ms(rounds: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[rounds / 2].as_secs_f64() * 1e5).round() / 100.0
}

fn figures(n: usize) -> String {
    let mut vault = Vault::build(Settings::default(), synthetic::vault(n, 7));
    vault.refresh();
    vault.vault_review();
    let page = |limit| DecisionQuery {
        limit: Some(limit),
        ..DecisionQuery::default()
    };
    let mut index = DecisionIndex::default();
    let start = Instant::now();
    let first = decision_page(&mut vault, &mut index, &page(30));
    let gather_ms = (start.elapsed().as_secs_f64() * 1e5).round() / 100.0;
    let first_ms = median_ms(21, || {
        decision_page(&mut vault, &mut index, &page(30));
    });
    let kind = DecisionQuery {
        kind: Some(ReviewReason::NeedsReview),
        ..page(30)
    };
    let kind_ms = median_ms(21, || {
        decision_page(&mut vault, &mut index, &kind);
    });
    let search = DecisionQuery {
        search: "an".into(),
        ..page(30)
    };
    let search_ms = median_ms(21, || {
        decision_page(&mut vault, &mut index, &search);
    });
    // Accept the top name decision's first candidate, then ask for the page again.
    let answer = first.cards.iter().find_map(|c| {
        Some((
            c.name.clone()?,
            c.candidates.first()?.name.clone(),
            c.mentions,
            c.notes,
        ))
    });
    let (recomputed, answer_ms, settled) = match answer {
        Some((text, entity, mentions, notes)) => {
            let mut answers = Answers::of(vault.settings());
            answers.accepted.push(Resolution {
                text,
                entity: entity.to_string(),
            });
            let start = Instant::now();
            let dropped = vault.set_answers(answers);
            decision_page(&mut vault, &mut index, &page(30));
            let took = start.elapsed().as_secs_f64() * 1e3;
            (
                dropped,
                (took * 100.0).round() / 100.0,
                format!("{mentions} mentions in {notes} notes"),
            )
        }
        None => (0, 0.0, String::new()),
    };
    format!(
        "{{\"notes\":{n},\"decisions\":{},\"items\":{},\"gather_ms\":{gather_ms},\"page_ms\":{first_ms},\"kind_page_ms\":{kind_ms},\"search_page_ms\":{search_ms},\"answer_settles\":\"{settled}\",\"answer_recomputes_notes\":{recomputed},\"answer_then_page_ms\":{answer_ms}}}",
        first.total, first.items
    )
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "2000,10000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let lines: Vec<String> = sizes.into_iter().map(figures).collect();
    println!("[{}]", lines.join(","));
}
