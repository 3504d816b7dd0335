//! Benchmarks of the engine over a synthetic 10,000-note vault (see `synthetic.rs`):
//! building the index, normalizing frontmatter (and mojibake), checking, fixing, extracting tasks and resolving mentions across the
//! whole vault, the on-save path for one large meeting note, and the warm vault: a cold build
//! and refresh of 1,000 and 10,000 notes, and on save (upsert and report) of a 40 KB meeting and
//! a 3 KB note against the 10,000-note vault.
//!
//! Run with `cargo bench -p curator-core` (one thread; `examples/vault_figures.rs` gives the
//! parallel figures as JSON); figures are reported in the README.

// `criterion_group!` declares the group as an undocumented public function.
#![allow(missing_docs)]

mod synthetic;

use criterion::{criterion_group, criterion_main, Criterion};
use curator_core::context::Context;
use curator_core::frontmatter::{Doc, Findings};
use curator_core::vault::Vault;
use curator_core::{frontmatter, mojibake, Engine, Note, Settings, VaultIndex};
use std::hint::black_box;

const NOTES: usize = 10_000;

fn engine_over(notes: &[(String, String)]) -> Engine {
    let mut engine = Engine::new(Settings::default());
    for (path, text) in notes {
        engine.index_mut().upsert(path, text);
    }
    engine
}

fn whole_vault(c: &mut Criterion) {
    let notes = synthetic::vault(NOTES, 7);
    let engine = engine_over(&notes);
    let mut group = c.benchmark_group("vault_10k");
    group.sample_size(10);
    group.bench_function("index_build", |b| {
        b.iter(|| {
            VaultIndex::build(
                Settings::default(),
                notes.iter().map(|(p, t)| (p.as_str(), t.as_str())),
            )
        })
    });
    group.bench_function("normalize_all", |b| {
        b.iter(|| {
            notes
                .iter()
                .map(|(p, t)| {
                    let note = Note::parse(p, t);
                    let mut doc = Doc::new(&note, &Context::for_note(engine.index(), &note))
                        .map(|doc| {
                            let mut found = Findings::default();
                            for check in [
                                frontmatter::date_values::check,
                                frontmatter::tags::check_tags,
                            ] {
                                check(&doc, &mut found);
                            }
                            found.edits.len()
                        })
                        .unwrap_or(0);
                    doc += mojibake::body_edits(&note).len();
                    doc
                })
                .sum::<usize>()
        })
    });
    group.bench_function("check_all", |b| {
        b.iter(|| {
            notes
                .iter()
                .map(|(p, t)| engine.check(p, t).edits.len())
                .sum::<usize>()
        })
    });
    group.bench_function("fix_all", |b| {
        b.iter(|| {
            notes
                .iter()
                .filter(|(p, t)| engine.fix(p, t).text.is_some())
                .count()
        })
    });
    group.bench_function("tasks_all", |b| {
        b.iter(|| {
            notes
                .iter()
                .map(|(p, t)| engine.tasks(p, t).len())
                .sum::<usize>()
        })
    });
    group.bench_function("mentions_all", |b| {
        b.iter(|| {
            notes
                .iter()
                .map(|(p, t)| engine.mentions(p, t).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn on_save(c: &mut Criterion) {
    let notes = synthetic::vault(NOTES, 7);
    let mut engine = engine_over(&notes);
    let (path, text) = notes
        .iter()
        .filter(|(p, _)| p.starts_with("Meetings/"))
        .max_by_key(|(_, t)| t.len())
        .cloned()
        .unwrap_or_default();
    let mut group = c.benchmark_group(format!("on_save_{}kb_meeting", text.len() / 1024));
    group.bench_function("upsert_and_check", |b| {
        b.iter(|| {
            engine.index_mut().upsert(&path, &text);
            black_box(engine.check(&path, &text))
        })
    });
    group.bench_function("fix", |b| b.iter(|| black_box(engine.fix(&path, &text))));
    group.bench_function("mentions", |b| {
        b.iter(|| black_box(engine.mentions(&path, &text)))
    });
    group.finish();
}

/// A cold check of the warm vault: build the index, then every note's report and fix.
fn vault_cold(c: &mut Criterion) {
    let mut group = c.benchmark_group("vault_cold");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let notes = synthetic::vault(n, 7);
        group.bench_function(format!("build_and_fix_{n}"), |b| {
            b.iter(|| {
                let mut vault = Vault::build(Settings::default(), notes.clone());
                black_box(vault.all_fixed().len())
            })
        });
    }
    group.finish();
}

/// On save in the warm vault: a note upserted with one line changed, and its report.
fn vault_on_save(c: &mut Criterion) {
    let notes = synthetic::vault(NOTES, 7);
    let mut vault = Vault::build(Settings::default(), notes.clone());
    vault.refresh();
    let meetings = || notes.iter().filter(|(p, _)| p.starts_with("Meetings/"));
    let large = meetings().max_by_key(|(_, t)| t.len()).cloned();
    let small = meetings()
        .min_by_key(|(_, t)| t.len().abs_diff(3 * 1024))
        .cloned();
    let mut group = c.benchmark_group("vault_on_save");
    for (path, text) in [large, small].into_iter().flatten() {
        let mut round = 0u64;
        group.bench_function(format!("upsert_and_report_{}kb", text.len() / 1024), |b| {
            b.iter(|| {
                round += 1;
                vault.upsert(&path, &format!("{text}\nEdited {round}.\n"));
                black_box(vault.report(&path))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, whole_vault, on_save, vault_cold, vault_on_save);
criterion_main!(benches);
