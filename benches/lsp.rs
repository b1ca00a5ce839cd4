//! The language server on a repository of 1,000 generated files of 30
//! steps (written to a temporary directory): a session that opens one file
//! and waits for its diagnostics, and the same session with 10 edits of
//! that file after it, each waited for. The difference over 10 is the time
//! from an edit to its diagnostics once the project is analysed. Run
//! through the server's own transport and loop in memory
//! (`flowc::lsp::run_on`); `editors/tests/latency.py` times the binary over
//! pipes, keystroke bursts and 3,000 files included. The numbers are in
//! docs/performance.md.

// The generator is shared by tests and benchmarks; this uses a part of it.
#[allow(dead_code)]
#[path = "support/generator.rs"]
mod generator;

use std::io::{Cursor, Write};
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};

/// How many edits the longer session makes.
const EDITS: usize = 10;

/// The messages of a session: open `file`, then `edits` edits (a step's
/// owner misspelt and repaired in turn), each followed by a request that
/// makes the server publish the edit's diagnostics first.
fn session(file: &Path, edits: usize) -> Vec<u8> {
    let text = std::fs::read_to_string(file).expect("generated file");
    let uri = flowc::lsp::position::path_to_uri(file)
        .expect("absolute path")
        .as_str()
        .to_string();
    let misspelt = text.replacen("owner clerk\n", "owner clerq\n", 1);
    let mut messages = vec![
        json!({"id": 1, "method": "initialize", "params": {"capabilities": {}}}),
        json!({"method": "initialized", "params": {}}),
        json!({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "flow", "version": 1, "text": text}}}),
    ];
    let sync = json!({"textDocument": {"uri": "file:///nowhere/sync.flow"}});
    messages.push(json!({"id": 2, "method": "textDocument/documentSymbol", "params": sync}));
    for edit in 0..edits {
        let new = if edit % 2 == 0 { &misspelt } else { &text };
        messages.push(json!({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": edit + 2},
            "contentChanges": [{"text": new}]}}));
        messages
            .push(json!({"id": edit + 3, "method": "textDocument/documentSymbol", "params": sync}));
    }
    messages.push(json!({"id": 0, "method": "shutdown"}));
    messages.push(json!({"method": "exit"}));
    let mut input = Vec::new();
    for mut message in messages {
        message["jsonrpc"] = Value::from("2.0");
        let body = message.to_string();
        write!(input, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("in memory");
    }
    input
}

fn language_server(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let root = dir.path().canonicalize().expect("canonical");
    for (name, text) in generator::repository(7, 1_000, 30) {
        std::fs::write(root.join(name), text).expect("write file");
    }
    let file = root.join("process_0.flow");
    let mut group = c.benchmark_group("lsp-1000-files-of-30-steps");
    group.sample_size(10);
    for (name, edits) in [("open", 0), ("open-then-10-edits", EDITS)] {
        let input = session(&file, edits);
        group.bench_function(name, |b| {
            b.iter(|| {
                flowc::lsp::run_on(Cursor::new(input.clone()), std::io::sink())
                    .expect("the server ends cleanly")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, language_server);
criterion_main!(benches);
