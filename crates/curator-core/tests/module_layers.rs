//! The core's modules form layers: no top-level module reaches, through `crate::` paths, a
//! module that reaches it back. This reads the sources as text — every `crate::name` outside
//! comments and test modules — and fails with the cycle it finds, naming the files on it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level module → the top-level modules its code names → the files naming them.
type Graph = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The modules `code` names as `crate::name`, leaving out comments and what follows the
/// file's first `#[cfg(test)]` (tests may read any layer).
fn named_modules(code: &str) -> BTreeSet<String> {
    let code = code.split("#[cfg(test)]").next().unwrap_or_default();
    let mut out = BTreeSet::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or_default();
        for (i, _) in line.match_indices("crate::") {
            let name: String = line[i + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let after_ident = i == 0 || {
                let before = line.as_bytes()[i - 1];
                !(before.is_ascii_alphanumeric() || before == b'_')
            };
            if after_ident && !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph = Graph::new();
    for file in files {
        let relative = file.strip_prefix(&src).expect("under src");
        let first = relative.components().next().expect("a file");
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if module == "lib" {
            continue;
        }
        let code = std::fs::read_to_string(&file).expect("a readable source file");
        for named in named_modules(&code) {
            if named != module {
                graph
                    .entry(module.clone())
                    .or_default()
                    .entry(named)
                    .or_default()
                    .insert(relative.display().to_string());
            }
        }
    }
    graph
}

/// A path from `from` back to `from` through `graph`, if there is one.
fn cycle_through(graph: &Graph, from: &str) -> Option<Vec<String>> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![vec![from.to_string()]];
    while let Some(path) = stack.pop() {
        let last = path.last().expect("paths are never empty");
        for next in graph.get(last).into_iter().flat_map(BTreeMap::keys) {
            if next == from {
                let mut cycle = path.clone();
                cycle.push(next.clone());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

#[test]
fn no_module_of_the_core_reaches_itself() {
    let graph = graph();
    assert!(
        graph.len() > 20,
        "the sources were read: {:?}",
        graph.keys()
    );
    for module in graph.keys() {
        if let Some(cycle) = cycle_through(&graph, module) {
            let files: Vec<String> = cycle
                .windows(2)
                .map(|step| {
                    let files = &graph[&step[0]][&step[1]];
                    format!("{} -> {} ({files:?})", step[0], step[1])
                })
                .collect();
            panic!("import cycle:\n{}", files.join("\n"));
        }
    }
}

#[test]
fn the_reader_finds_paths_and_skips_comments_and_tests() {
    let code = "use crate::yaml::Node;\n// crate::vault in a comment\nlet x = crate::index::f(); // crate::rules\nfoo_crate::bar\n#[cfg(test)]\nuse crate::engine;\n";
    let named: Vec<String> = named_modules(code).into_iter().collect();
    assert_eq!(named, ["index", "yaml"]);
}
