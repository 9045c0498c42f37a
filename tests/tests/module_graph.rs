//! No import cycles among the top-level modules of the derive (`macros/src`) and the runtime
//! (`runtime/src`): each module's `crate::` paths are read from its files, and the graph they
//! make must have no strongly connected component of more than one module. A path to an item
//! the crate root re-exports (`crate::Items`, from `pub use style::Items;` in `lib.rs`) is an
//! edge to the module that the re-export names.
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
/// `crate::{a, b::c}` group (over several lines too); comments and `$crate::` left out.
fn crate_paths(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let ident = |text: &str| -> String {
        text.trim()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut names = BTreeSet::new();
    let mut rest = code.as_str();
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
                names.insert(ident(item));
            }
        } else {
            names.insert(ident(after));
        }
    }
    names.remove("");
    names
}

/// The names the crate root's `use` declarations bring in, each with the top-level module it
/// comes from: `pub use errors::{Errors, Styled};` maps `Errors` and `Styled` to `errors`, and
/// `pub use integrations::axum;` maps `axum` to `integrations`. `modules` are the crate's
/// top-level modules; a `use` of another crate is left out.
fn root_reexports(lib: &str, modules: &BTreeSet<String>) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    let code: String = lib
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join(" ");
    for statement in code.split(';') {
        // Attributes (`#[cfg(...)]`) before the declaration are left out.
        let mut statement = statement.trim();
        while let Some(rest) = statement.strip_prefix("#[") {
            statement = rest.split_once(']').map_or("", |(_, rest)| rest).trim();
        }
        let Some(at) = statement.find("use ") else {
            continue;
        };
        if !statement[..at]
            .split_whitespace()
            .all(|word| word.starts_with("pub"))
        {
            continue;
        }
        let path = statement[at + "use ".len()..].trim();
        let path = path.strip_prefix("crate::").unwrap_or(path);
        let Some((module, rest)) = path.split_once("::") else {
            continue;
        };
        if !modules.contains(module) {
            continue;
        }
        // Every leaf of the tree: `a`, `b::c`, `d as e` bring `a`, `c` and `e`.
        for leaf in rest.split([',', '{', '}']) {
            let leaf = leaf.trim();
            let name = match leaf.split_once(" as ") {
                Some((_, alias)) => alias.trim(),
                None => leaf.rsplit("::").next().unwrap_or_default().trim(),
            };
            if !name.is_empty() && name != "self" {
                names.insert(name.to_owned(), module.to_owned());
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
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let reexports = root_reexports(&lib, &modules);
    for file in &all {
        let Some(module) = module_of(src, file) else {
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for name in crate_paths(&text) {
            let target = match reexports.get(&name) {
                Some(defined_in) => defined_in.clone(),
                None => name,
            };
            if target != module && modules.contains(&target) {
                graph.get_mut(&module).unwrap().insert(target);
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
    assert_eq!(
        crate_paths("use crate::{\n    i, // the i\n    j::k,\n};"),
        ["i", "j"].map(str::to_owned).into_iter().collect()
    );
}

#[test]
fn the_runtime_has_no_import_cycles() {
    let graph = graph(&src("runtime"));
    assert_eq!(cycles(&graph), Vec::<Vec<String>>::new(), "{graph:#?}");
}

/// `crate::Items` is an edge to the module that defines `Items`: a cycle through the crate
/// root's re-exports is a cycle.
#[test]
fn a_path_through_a_root_reexport_is_an_edge() {
    let modules: BTreeSet<String> = ["errors", "style", "integrations"]
        .map(str::to_owned)
        .into();
    let lib = "mod errors;\npub use errors::{EmptyErrors, Errors as Many};\n\
               pub use style::{\n    Items, // the items\n    read::Received,\n};\n\
               #[cfg(feature = \"axum\")]\npub use integrations::axum;\npub use serde_json::Value;";
    let reexports = root_reexports(lib, &modules);
    let expected: BTreeMap<String, String> = [
        ("EmptyErrors", "errors"),
        ("Many", "errors"),
        ("Items", "style"),
        ("Received", "style"),
        ("axum", "integrations"),
    ]
    .map(|(name, module)| (name.to_owned(), module.to_owned()))
    .into();
    assert_eq!(reexports, expected);
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
