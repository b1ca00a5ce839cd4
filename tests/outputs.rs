//! Every output of the examples, byte for byte: the real binary builds
//! every example in every format (JSON IR, DOT, SVG drawn by the built-in
//! layout, BPMN for Zeebe with its forms and for SpiffWorkflow, the HTML and
//! the Markdown handbook), and the test compares the SHA-256 of each file it
//! writes with a committed list. A restructuring that changes one byte of
//! any output, or the set of files, fails here.
//!
//! The list holds digests, not contents: the JSON IR, DOT, SVG and BPMN of
//! each example are snapshotted in full by tests/examples.rs and
//! tests/bpmn.rs, and the handbook pages, which no other test snapshots,
//! in full below, so a change can be read there.

use crate::common;

use sha2::{Digest, Sha256};
use std::path::Path;

/// The builds: a name (the folder the files go to), the arguments after
/// `--out DIR`, and how many files each writes.
const BUILDS: &[(&str, &[&str], usize)] = &[
    ("build", &["build", "--emit", "json,dot,svg"], 39),
    (
        "bpmn-zeebe",
        &["build", "--emit", "bpmn", "--bpmn-dialect", "zeebe"],
        111,
    ),
    (
        "bpmn-spiff",
        &["build", "--emit", "bpmn", "--bpmn-dialect", "spiff"],
        13,
    ),
    ("handbook-html", &["doc", "--format", "html"], 14),
    ("handbook-markdown", &["doc", "--format", "markdown"], 28),
];

/// Runs one build of `examples/` into `out`, with the built-in layout and
/// the tests' date, and returns its files (name and bytes) in name order.
fn build(arguments: &[&str], out: &Path) -> Vec<(String, Vec<u8>)> {
    let output = crate::common::flowc_command()
        .args(arguments)
        .arg("examples")
        .arg("--out")
        .arg(out)
        .args(["--engine", "builtin", "--today", "2026-11-28"])
        .current_dir(common::repo())
        .env("NO_COLOR", "1")
        .output()
        .expect("flowc runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "flowc {arguments:?}: {}",
        common::stderr(&output)
    );
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(out)
        .expect("the output folder")
        .map(|entry| {
            let path = entry.expect("an entry").path();
            let name = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&path).expect("a readable output"))
        })
        .collect();
    files.sort();
    files
}

/// The SHA-256 of `bytes` in hexadecimal.
fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[test]
fn every_output_of_the_examples_is_byte_identical() {
    let out = tempfile::tempdir().expect("temp dir");
    let mut list = String::new();
    for (name, arguments, expected) in BUILDS {
        let files = build(arguments, &out.path().join(name));
        assert_eq!(
            files.len(),
            *expected,
            "flowc {arguments:?} wrote other files"
        );
        for (file, bytes) in &files {
            list.push_str(&format!(
                "{name}/{file} {} {}\n",
                bytes.len(),
                sha256(bytes)
            ));
        }
        if name.starts_with("handbook") {
            snapshot_pages(name, &files);
        }
    }
    insta::assert_snapshot!("every_output_of_the_examples", list);
}

/// Snapshots the text pages of a handbook (`.html` or `.md`; the
/// Markdown handbook's SVG diagrams are the built-in ones snapshotted in
/// tests/examples.rs).
fn snapshot_pages(handbook: &str, files: &[(String, Vec<u8>)]) {
    let pages: Vec<&(String, Vec<u8>)> = files
        .iter()
        .filter(|(file, _)| file.ends_with(".html") || file.ends_with(".md"))
        .collect();
    assert_eq!(
        pages.len(),
        14,
        "{handbook}: the index and 13 process pages"
    );
    for (file, bytes) in pages {
        let text = String::from_utf8(bytes.clone()).expect("a page is UTF-8");
        insta::assert_snapshot!(format!("{handbook}_{file}"), text);
    }
}
