//! No import cycles among the top-level modules of the derive (`macros/src`) and the runtime
//! (`runtime/src`): each module's `crate::` paths are read from its files, and the graph they
//! make must have no strongly connected component of more than one module.
//!
//! Run it alone with `cargo test -p error-contract-tests --test integration module_graph`. Paths written as
//! `$crate::...` are left out: they are in `macro_rules!` bodies, which expand in the user's
//! crate, not in the module that defines them. The crate root (`lib.rs`) is left out too: it
//! declares and re-exports every module.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file below `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to (`style` for `style/dto.rs` and `style.rs`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let first = file.strip_prefix(src).unwrap().components().next()?;
    let name = first
        .as_os_str()
        .to_str()?
        .trim_end_matches(".rs")
        .to_owned();
    (name != "lib").then_some(name)
}

/// The names that `crate::` paths in `text` start with, including each name of a
/// `crate::{a, b::c}` group; comments and `$crate::` left out.
fn crate_paths(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let preceded_by_dollar = rest[..at].ends_with('$');
            let after = &rest[at + "crate::".len()..];
            rest = after;
            if preceded_by_dollar {
                continue;
            }
            if let Some(group) = after.strip_prefix('{') {
                let group = group.split('}').next().unwrap_or_default();
                for item in group.split(',') {
                    let name: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    names.insert(name);
                }
            } else {
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                names.insert(name);
            }
        }
    }
    names
}

/// The module graph of the crate whose sources are in `src`.
fn graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = Vec::new();
    files(src, &mut all);
    let modules: BTreeSet<String> = all.iter().filter_map(|f| module_of(src, f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = modules
        .iter()
        .map(|m| (m.clone(), BTreeSet::new()))
        .collect();
    for file in &all {
        let Some(module) = module_of(src, file) else {
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for name in crate_paths(&text) {
            if name != module && modules.contains(&name) {
                graph.get_mut(&module).unwrap().insert(name);
            }
        }
    }
    graph
}

/// The cycles: strongly connected components of more than one module (Tarjan).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        cycles: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        for w in &s.graph[v] {
            if !s.index.contains_key(w.as_str()) {
                visit(s, w);
                let low = s.low[v].min(s.low[w.as_str()]);
                s.low.insert(v, low);
            } else if s.stack.contains(&w.as_str()) {
                let low = s.low[v].min(s.index[w.as_str()]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                component.push(w.to_owned());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.cycles.push(component);
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        cycles: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    state.cycles
}

fn src(krate: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(krate)
        .join("src")
}

#[test]
fn the_derive_has_no_import_cycles() {
    let graph = graph(&src("macros"));
    assert_eq!(cycles(&graph), Vec::<Vec<String>>::new(), "{graph:#?}");
}

#[test]
fn the_check_finds_a_cycle() {
    let mut graph = graph(&src("macros"));
    // A planted back edge: `code` is a leaf that `attr` uses.
    graph.get_mut("code").unwrap().insert("attr".to_owned());
    assert_eq!(cycles(&graph), [["attr", "code"]]);
    assert_eq!(
        crate_paths("use crate::{a, b::c};\n$crate::d::e();\n// crate::f\ncrate::g::h"),
        ["a", "b", "g"].map(str::to_owned).into_iter().collect()
    );
}

#[test]
fn the_runtime_has_no_import_cycles() {
    let graph = graph(&src("runtime"));
    assert_eq!(cycles(&graph), Vec::<Vec<String>>::new(), "{graph:#?}");
}

#[test]
fn the_runtime_check_finds_a_cycle() {
    let mut graph = graph(&src("runtime"));
    // A planted back edge: the styles write with `json`'s writer; `json` importing `style`
    // (as it did for `ConstantValue` before it took it from `error_contract_wire`) closes a circle.
    assert!(graph["style"].contains("json"));
    graph.get_mut("json").unwrap().insert("style".to_owned());
    assert_eq!(cycles(&graph), [["json", "style"]]);
}
