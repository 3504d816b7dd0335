//! Where the warm state's memory goes: the heap bytes live after each step the plugin takes
//! (notes read, indexed, every note's check report and tasks, the review queue gathered, every
//! note fixed), counted by a global allocator, single-threaded as in the WebAssembly module, and
//! the reports and tasks broken down by what they hold.
//!
//! ```sh
//! cargo run --release -p curator-core --example memory_figures -- 10000
//! ```
//!
//! The vault is `benches/synthetic.rs`'s (seed 7), generated in memory.

#[path = "support/counting_alloc.rs"]
mod counting_alloc;
#[path = "../benches/synthetic.rs"]
mod synthetic;

use curator_core::decisions::{self, DecisionIndex, DecisionQuery};
use curator_core::engine::NoteReport;
use curator_core::tasks::Task;
use curator_core::vault::Vault;
use curator_core::{Candidate, Edit, ReviewItem, Settings};
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// Bytes on the heap owned by a value (capacities, not lengths).
trait Heap {
    fn heap(&self) -> usize;
}

impl Heap for String {
    fn heap(&self) -> usize {
        self.capacity()
    }
}

impl Heap for Box<str> {
    fn heap(&self) -> usize {
        self.len()
    }
}

impl<T: Heap> Heap for Option<T> {
    fn heap(&self) -> usize {
        self.as_ref().map_or(0, Heap::heap)
    }
}

impl<T: Heap> Heap for Vec<T> {
    fn heap(&self) -> usize {
        self.capacity() * size_of::<T>() + self.iter().map(Heap::heap).sum::<usize>()
    }
}

impl Heap for usize {
    fn heap(&self) -> usize {
        0
    }
}

/// A breakdown by field, name → bytes, and the shared evidence lists counted already.
#[derive(Default)]
struct Parts {
    bytes: BTreeMap<&'static str, usize>,
    seen: HashSet<usize>,
}

fn add(parts: &mut Parts, name: &'static str, bytes: usize) {
    *parts.bytes.entry(name).or_default() += bytes;
}

/// A shared text's bytes (its counts and characters), counted the first time it is seen.
fn once(parts: &mut Parts, name: &'static str, text: &Arc<str>) {
    if parts.seen.insert(text.as_ptr() as usize) {
        add(parts, name, 16 + text.len());
    }
}

fn candidates(parts: &mut Parts, candidates: &Vec<Candidate>) {
    add(
        parts,
        "candidates: structs",
        candidates.capacity() * size_of::<Candidate>(),
    );
    for c in candidates {
        once(parts, "candidates: name, path, each once", &c.name);
        once(parts, "candidates: name, path, each once", &c.path);
        if !c.evidence.is_empty() && parts.seen.insert(c.evidence.as_ptr() as usize) {
            add(
                parts,
                "candidates: evidence, each list once",
                16 + c.evidence.len() * size_of::<curator_core::review::Weight>(),
            );
            for w in c.evidence.iter() {
                once(parts, "candidates: evidence's texts, each once", &w.factor);
                once(parts, "candidates: evidence's texts, each once", &w.words);
            }
        }
    }
}

fn edits(parts: &mut Parts, edits: &Vec<Edit>) {
    add(
        parts,
        "edits: structs",
        edits.capacity() * size_of::<Edit>(),
    );
    for e in edits {
        add(parts, "edits: replacement", e.replacement.heap());
        add(parts, "edits: rule", e.rule.heap());
        add(parts, "edits: reason", e.reason.heap());
    }
}

fn review(parts: &mut Parts, items: &Vec<ReviewItem>) {
    add(
        parts,
        "review: structs",
        items.capacity() * size_of::<ReviewItem>(),
    );
    for i in items {
        once(parts, "review: path, each once", &i.path);
        once(parts, "review: message, each once", &i.message);
        once(parts, "review: group, each once", &i.group);
        if let Some(name) = &i.name {
            once(parts, "review: name, each once", name);
        }
        add(parts, "review: also", i.also.heap());
        candidates(parts, &i.candidates);
    }
}

fn report(parts: &mut Parts, r: &NoteReport) {
    add(
        parts,
        "report: struct + path",
        size_of::<NoteReport>() + r.path.heap(),
    );
    edits(parts, &r.edits);
    review(parts, &r.review);
}

fn tasks(parts: &mut Parts, tasks: &Vec<Task>) {
    add(
        parts,
        "tasks: structs",
        tasks.capacity() * size_of::<Task>(),
    );
    for t in tasks {
        once(parts, "tasks: path, each once", &t.path);
        add(parts, "tasks: description", t.description.heap());
        add(
            parts,
            "tasks: owners",
            t.owners.capacity() * size_of::<Arc<str>>(),
        );
        for owner in &t.owners {
            once(parts, "tasks: owners' names, each once", owner);
        }
        add(
            parts,
            "tasks: other strings",
            t.recurrence.heap()
                + t.tags.heap()
                + t.id.heap()
                + t.depends_on.heap()
                + t.on_completion.heap()
                + t.heading.heap()
                + t.block_id.heap(),
        );
    }
}

fn print(parts: &Parts) {
    for (name, bytes) in &parts.bytes {
        println!("  {name:<28} {:>10}", mb(*bytes));
    }
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let base = counting_alloc::live();
    let generated = synthetic::vault(n, 7);
    let notes: Vec<(String, Arc<str>)> = generated
        .into_iter()
        .map(|(p, t)| (p, Arc::from(t)))
        .collect();
    let text_bytes: usize = notes.iter().map(|(p, t)| p.len() + t.len()).sum();
    let paths: Vec<String> = notes.iter().map(|(p, _)| p.clone()).collect();
    let step = |name: &str, before: &mut usize| {
        let live = counting_alloc::live();
        println!(
            "{name:<34} {:>+8.1} MB   live {:>10}   peak {:>10}",
            (live as f64 - *before as f64) / 1e6,
            mb(live - base),
            mb(counting_alloc::peak() - base)
        );
        *before = live;
    };
    let mut at = base;
    step("notes read", &mut at);
    println!("{n} notes, {} of paths and text", mb(text_bytes));
    let mut vault = Vault::build(Settings::default(), notes);
    step("indexed (texts moved in)", &mut at);
    for path in &paths {
        vault.report(path);
    }
    step("every note's check report", &mut at);
    for path in &paths {
        vault.tasks(path);
    }
    step("every note's tasks", &mut at);
    let mut index = DecisionIndex::default();
    decisions::decision_page(&mut vault, &mut index, &DecisionQuery::default());
    step("review queue gathered", &mut at);

    let mut parts = Parts::default();
    let reports = vault.all_reports();
    for r in &reports {
        report(&mut parts, r);
    }
    for t in vault.all_tasks() {
        tasks(&mut parts, &t);
    }
    let review_items: usize = reports.iter().map(|r| r.review.len()).sum();
    let edit_count: usize = reports.iter().map(|r| r.edits.len()).sum();
    drop(reports);
    let snapshot = vault.snapshot();
    // A slot keeps each dep in 4 bytes (the snapshot widens them back to 8).
    let deps: usize = snapshot.notes.iter().map(|s| s.deps.len() * 4).sum();
    let dep_count: usize = snapshot.notes.iter().map(|s| s.deps.len()).sum();
    drop(snapshot);
    add(&mut parts, "deps (4 bytes each)", deps);
    println!("{edit_count} edits, {review_items} review items, {dep_count} deps");
    print(&parts);
    at = counting_alloc::live();
    // A clone starts with empty memos and shares the results (`Arc`s): dropping the original
    // frees the memos alone.
    let clone = vault.clone();
    drop(vault);
    let mut vault = clone;
    step("the index's memos dropped", &mut at);
    vault.all_fixed_with(|_, _, _| ());
    step("every note fixed", &mut at);
}
