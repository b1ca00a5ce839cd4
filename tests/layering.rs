//! The pipeline's layering, enforced: a module of `src/` imports only
//! modules of its own layer or below (docs/development.md, "The pipeline").
//!
//! Every `crate::NAME` path outside comments counts, `use` lines and paths
//! in code alike, with `crate::{a, b}` groups read member by member. A new
//! top-level module fails the test until it is given a layer here.

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;

/// Each top-level module of `src/` and its layer: a module may import any
/// module of a lower layer, and of its own layer only when listed in
/// [`SIDEWAYS`].
const LAYERS: &[(&str, u8)] = &[
    ("span", 0),
    ("source", 0),
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
const SIDEWAYS: &[(&str, &str)] = &[("diff", "emit"), ("cli", "lsp")];

/// The layer of a top-level module.
fn layer(module: &str) -> Option<u8> {
    LAYERS
        .iter()
        .find(|(name, _)| *name == module)
        .map(|(_, layer)| *layer)
}

/// The top-level modules named by `crate::` paths in `text`, comments left
/// out.
fn imported_modules(text: &str) -> BTreeSet<String> {
    let mut modules = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            if let Some(group) = after.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                for member in group[..end].split(',') {
                    modules.insert(leading_identifier(member.trim()));
                }
            } else {
                modules.insert(leading_identifier(after));
            }
            rest = after;
        }
    }
    modules.retain(|module| !module.is_empty() && module != "self");
    modules
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
