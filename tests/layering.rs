//! The pipeline's layering, enforced: a module of `src/` imports only
//! modules of its own layer or below (docs/development.md, "The pipeline").
//!
//! Every `crate::NAME` path outside comments counts, `use` lines and paths
//! in code alike, with `crate::{a, b}` groups read member by member. A new
//! top-level module fails the test until it is given a layer here.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module of `src/` and its layer: a module may import any
/// module of a lower layer, and of its own layer only when listed in
/// [`SIDEWAYS`].
const LAYERS: &[(&str, u8)] = &[
    ("span", 0),
    ("source", 0),
    ("i18n", 0),
    ("syntax", 1),
    ("diagnostics", 1),
    ("model", 2),
    ("config", 3),
    ("check", 4),
    ("ir", 5),
    ("emit", 6),
    ("sim", 6),
    ("diff", 6),
    ("fmt", 7),
    ("analysis", 7),
    ("conform", 7),
    ("lsp", 8),
    ("cli", 8),
];

/// Imports within one layer that are allowed: (importer, imported).
const SIDEWAYS: &[(&str, &str)] = &[("diff", "emit"), ("cli", "lsp"), ("source", "i18n")];

/// The layer of a top-level module.
fn layer(module: &str) -> Option<u8> {
    LAYERS
        .iter()
        .find(|(name, _)| *name == module)
        .map(|(_, layer)| *layer)
}

/// The exported macros (`crate::NAME!`, at the crate root) and the module
/// each belongs to.
const MACROS: &[(&str, &str)] = &[("text", "i18n")];

/// The module of the macro `name`, if it is one.
fn module_of_macro(name: &str) -> Option<String> {
    MACROS
        .iter()
        .find(|(macro_name, _)| *macro_name == name)
        .map(|(_, module)| (*module).to_owned())
}

/// `text` without its `//` comments.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules named by `crate::` paths in `text`, comments left
/// out.
fn imported_modules(text: &str) -> BTreeSet<String> {
    let mut modules: BTreeSet<String> = paths_after(&code_of(text), "crate::")
        .into_iter()
        .filter_map(|path| path.into_iter().next())
        .map(|module| module_of_macro(&module).unwrap_or(module))
        .collect();
    modules.retain(|module| module != "self");
    modules
}

/// Every path written after `prefix` in `code` (where `prefix` starts a
/// path, not in the middle of one), its `{a, b::c}` groups expanded member
/// by member, over as many lines as they take.
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut from = 0;
    while let Some(found) = code[from..].find(prefix) {
        let at = from + found;
        from = at + prefix.len();
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c == ':' || c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        paths.extend(path_tree(code, &mut from));
    }
    paths
}

/// The paths of the tree written at `*at` (`a::b::{c, d::e}` gives `a::b::c`
/// and `a::b::d::e`), moving `*at` past it.
fn path_tree(code: &str, at: &mut usize) -> Vec<Vec<String>> {
    let mut prefix = Vec::new();
    loop {
        *at += code[*at..].len() - code[*at..].trim_start().len();
        if code[*at..].starts_with('{') {
            *at += 1;
            let mut paths = Vec::new();
            loop {
                for member in path_tree(code, at) {
                    paths.push([prefix.clone(), member].concat());
                }
                *at += code[*at..].len() - code[*at..].trim_start().len();
                match code[*at..].chars().next() {
                    Some(',') => *at += 1,
                    Some('}') => {
                        *at += 1;
                        break;
                    }
                    _ => break,
                }
            }
            return paths;
        }
        let name = leading_identifier(&code[*at..]);
        if name.is_empty() {
            return if prefix.is_empty() {
                Vec::new()
            } else {
                vec![prefix]
            };
        }
        *at += name.len();
        prefix.push(name);
        if code[*at..].starts_with("::") {
            *at += 2;
        } else {
            return vec![prefix];
        }
    }
}

/// The identifier at the start of `text`.
fn leading_identifier(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The top-level module a file of `src/` belongs to (`None` for the crate
/// root and the binary).
fn module_of(relative: &Path) -> Option<String> {
    let first = relative.components().next()?.as_os_str().to_string_lossy();
    let module = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (module != "lib" && module != "main").then_some(module)
}

/// The imports of `module`'s text that break the layering.
fn violations(module: &str, text: &str) -> Vec<String> {
    let Some(own) = layer(module) else {
        return vec![format!(
            "module `{module}` has no layer in tests/layering.rs"
        )];
    };
    imported_modules(text)
        .into_iter()
        .filter(|imported| imported != module)
        .filter_map(|imported| match layer(&imported) {
            None => Some(format!(
                "`{module}` imports `{imported}`, which has no layer"
            )),
            Some(theirs) if theirs > own => Some(format!(
                "`{module}` (layer {own}) imports `{imported}` (layer {theirs}), a higher layer"
            )),
            Some(theirs) if theirs == own && !SIDEWAYS.contains(&(module, &imported)) => {
                Some(format!(
                    "`{module}` imports `{imported}` of its own layer {own}, not listed in SIDEWAYS"
                ))
            }
            Some(_) => None,
        })
        .collect()
}

/// The module a file of `src/` holds: `check/rules/dead_end.rs` is
/// `check::rules::dead_end`, `check/mod.rs` is `check`, `lib.rs` the root.
fn module_path(relative: &Path) -> Vec<String> {
    let mut path: Vec<String> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    if let Some(file) = path.pop() {
        let stem = file.strip_suffix(".rs").unwrap_or(&file);
        if !matches!(stem, "mod" | "lib" | "main") {
            path.push(stem.to_string());
        }
    }
    path
}

/// The modules and items that the code of the module at `own` names, as
/// paths from the crate root: `crate::`, `super::` and `self::` paths
/// resolved. Test modules are left out (they come last in a file, after
/// `#[cfg(test)]`), so `super::` means the file's parent module.
fn absolute_paths(own: &[String], text: &str) -> Vec<Vec<String>> {
    let code = code_of(text);
    let code = code.split("#[cfg(test)]").next().unwrap_or_default();
    let mut paths = paths_after(code, "crate::");
    for path in paths_after(code, "self::") {
        paths.push([own.to_vec(), path].concat());
    }
    for path in paths_after(code, "super::") {
        let mut base = own.to_vec();
        base.pop();
        let mut rest = path.as_slice();
        while let Some(("super", after)) = rest.split_first().map(|(a, b)| (a.as_str(), b)) {
            base.pop();
            rest = after;
        }
        paths.push([base, rest.to_vec()].concat());
    }
    paths
}

/// A cycle in `edges` (each module with the modules it imports), as the
/// modules along it, the first repeated at the end.
fn cycle_in(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|on| on == node) {
            return Some([&path[start..], &[node.to_string()]].concat());
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut Vec::new(), &mut done))
}

/// The imports among the submodules of each module of `src/` that has
/// submodules: for `check`, that `check::registry` (any file in it) names
/// `check::rules`. The module's own file (its `mod.rs`) is left out: a
/// parent declares its children and may use them.
fn submodule_imports(src: &Path) -> BTreeMap<Vec<String>, BTreeMap<String, BTreeSet<String>>> {
    let files: Vec<(Vec<String>, String)> = rust_files(src)
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(src).expect("under src");
            let text = std::fs::read_to_string(&path).expect("a readable source file");
            (module_path(relative), text)
        })
        .collect();
    let modules: BTreeSet<&Vec<String>> = files.iter().map(|(module, _)| module).collect();
    let mut imports = BTreeMap::new();
    for (own, text) in &files {
        let paths = absolute_paths(own, text);
        for depth in 0..own.len() {
            let parent = &own[..depth];
            let child = &own[depth];
            for path in &paths {
                let Some(imported) = path.get(depth).filter(|_| path.starts_with(parent)) else {
                    continue;
                };
                let is_sibling = imported != child
                    && modules.contains(&[parent, std::slice::from_ref(imported)].concat());
                if is_sibling {
                    imports
                        .entry(parent.to_vec())
                        .or_insert_with(BTreeMap::new)
                        .entry(child.clone())
                        .or_insert_with(BTreeSet::new)
                        .insert(imported.clone());
                }
            }
        }
    }
    imports
}

/// Every `.rs` file under `dir`, in path order.
fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).expect("src is readable") {
            let path = entry.expect("a readable entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn no_module_imports_a_higher_layer() {
    let src = common::repo().join("src");
    let files = rust_files(&src);
    let mut problems = Vec::new();
    let mut modules = BTreeSet::new();
    for path in &files {
        let relative = path.strip_prefix(&src).expect("under src");
        let Some(module) = module_of(relative) else {
            continue;
        };
        let text = std::fs::read_to_string(path).expect("a readable source file");
        problems.extend(
            violations(&module, &text)
                .into_iter()
                .map(|problem| format!("{}: {problem}", relative.display())),
        );
        modules.insert(module);
    }
    assert!(
        modules.len() >= LAYERS.len(),
        "only {} modules read",
        modules.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scanner_sees_groups_paths_and_skips_comments() {
    let text = "use crate::{model::Project, span};\n\
                // crate::cli in a comment\n\
                let x = crate::check::run(); // crate::lsp\n";
    let found: Vec<String> = imported_modules(text).into_iter().collect();
    assert_eq!(found, ["check", "model", "span"]);
}

#[test]
fn an_import_upwards_or_sideways_is_reported() {
    assert_eq!(
        violations("model", "use crate::check::Finding;"),
        ["`model` (layer 2) imports `check` (layer 4), a higher layer"]
    );
    assert_eq!(violations("sim", "use crate::emit::dot;").len(), 1);
    assert!(violations("diff", "use crate::emit::dot;").is_empty());
    assert_eq!(violations("nowhere", "").len(), 1);
}

#[test]
fn no_two_submodules_import_each_other() {
    let imports = submodule_imports(&common::repo().join("src"));
    let check = imports
        .get(&vec!["check".to_string()])
        .expect("the submodules of check import each other");
    assert!(
        check.len() >= 4,
        "only {} submodules of check import another",
        check.len()
    );
    let cycles: Vec<String> = imports
        .iter()
        .filter_map(|(parent, edges)| {
            let cycle = cycle_in(edges)?;
            Some(format!(
                "crate::{}: {}",
                parent.join("::"),
                cycle.join(" -> ")
            ))
        })
        .collect();
    assert_eq!(
        cycles, KNOWN_CYCLES,
        "the module cycles are not the known ones (a new cycle, or a known one gone: then delete it from KNOWN_CYCLES)"
    );
}

/// Cycles among submodules that are allowed: none (the last one,
/// `syntax::errors <-> syntax::lower`, went when the keyword test of a
/// grammar rule moved to `syntax`).
const KNOWN_CYCLES: &[&str] = &[];

#[test]
fn relative_paths_are_resolved_and_cycles_found() {
    let own: Vec<String> = ["check", "rules", "dead_end"].map(String::from).to_vec();
    let text = "use super::{Finding, super::registry::{self, RULES}};\n\
                use crate::check::{\n    suppression,\n};\n\
                #[cfg(test)]\nmod tests { use super::super::model; }\n";
    let found: Vec<String> = absolute_paths(&own, text)
        .into_iter()
        .map(|path| path.join("::"))
        .collect();
    assert_eq!(
        found,
        [
            "check::suppression",
            "check::rules::Finding",
            "check::registry::self",
            "check::registry::RULES",
        ]
    );
    let edges = |pairs: &[(&str, &str)]| {
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (from, to) in pairs {
            edges
                .entry(from.to_string())
                .or_default()
                .insert(to.to_string());
        }
        edges
    };
    assert_eq!(
        cycle_in(&edges(&[
            ("registry", "rules"),
            ("rules", "suppression"),
            ("suppression", "registry")
        ])),
        Some(
            ["registry", "rules", "suppression", "registry"]
                .map(String::from)
                .to_vec()
        )
    );
    assert_eq!(
        cycle_in(&edges(&[("a", "b"), ("b", "c"), ("a", "c")])),
        None
    );
}
