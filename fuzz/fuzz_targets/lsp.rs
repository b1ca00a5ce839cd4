//! Fuzz target for `flowc lsp`: a session of messages made from the
//! fuzzer's bytes, run through the real transport and server loop in
//! memory (`flowc::lsp::run_on`). The server must never panic or hang;
//! when the session holds only well-framed messages, every request must get
//! exactly one response and the server must end cleanly at `exit`.
//!
//! The bytes are cut at each 0xFF into at most 64 pieces; the first byte of
//! a piece chooses what it becomes: raw bytes written as they are, a body
//! framed with its Content-Length, or an LSP message on a document of a
//! small project (its text, edits and positions taken from the piece).
#![no_main]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Cursor, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};

const ORG: &str = include_str!("../../examples/org.flow");
const CLAIM: &str = include_str!("../../examples/expense-claim.flow");

/// A project on disk the fuzzed document belongs to (made once).
fn project() -> &'static PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("flowc-fuzz-lsp-{}", std::process::id()));
        std::fs::create_dir_all(&root).expect("project folder");
        std::fs::write(
            root.join("flowc.toml"),
            "[rules]\nreview-overdue = \"off\"\n",
        )
        .expect("config");
        std::fs::write(root.join("org.flow"), ORG).expect("org");
        root
    })
}

/// Bytes written by the server, shared with the fuzz target.
#[derive(Clone, Default)]
struct Output(Arc<Mutex<Vec<u8>>>);

impl Write for Output {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .expect("not poisoned")
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The client's side of the session.
struct Session {
    input: Vec<u8>,
    uri: String,
    next_id: i64,
    /// Requests sent; a response is due for each.
    requests: Vec<i64>,
    /// Whether a piece of raw or oddly framed bytes was sent, after which
    /// the framing of what follows is not known.
    raw: bool,
}

impl Session {
    fn frame(&mut self, body: &[u8]) {
        self.input
            .extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
        self.input.extend_from_slice(body);
    }

    fn notify(&mut self, method: &str, params: Value) {
        let body = json!({"jsonrpc": "2.0", "method": method, "params": params}).to_string();
        self.frame(body.as_bytes());
    }

    fn request(&mut self, method: &str, params: Value) {
        let id = self.next_id;
        self.next_id += 1;
        self.requests.push(id);
        let body =
            json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}).to_string();
        self.frame(body.as_bytes());
    }

    fn position(bytes: &[u8]) -> Value {
        let line = bytes.first().copied().unwrap_or(0) % 48;
        let character = bytes.get(1).copied().unwrap_or(0) % 96;
        json!({"line": line, "character": character})
    }

    fn piece(&mut self, piece: &[u8]) {
        let Some((&kind, rest)) = piece.split_first() else {
            return;
        };
        let text = String::from_utf8_lossy(rest).into_owned();
        let document = json!({"uri": self.uri});
        let at = json!({"textDocument": document, "position": Self::position(rest)});
        let range = json!({"start": Self::position(rest), "end": Self::position(rest.get(2..).unwrap_or(&[]))});
        match kind % 16 {
            0 => {
                self.raw = true;
                self.input.extend_from_slice(rest);
            }
            1 => {
                self.raw = true;
                self.frame(rest);
            }
            2 => self.notify(
                "textDocument/didOpen",
                json!({"textDocument": {"uri": self.uri, "languageId": "flow", "version": 1, "text": text}}),
            ),
            3 => self.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": self.uri, "version": 2}, "contentChanges": [{"range": range, "text": String::from_utf8_lossy(rest.get(4..).unwrap_or(&[]))}]}),
            ),
            4 => self.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": self.uri, "version": 2}, "contentChanges": [{"text": format!("{CLAIM}{text}")}]}),
            ),
            5 => self.request("textDocument/hover", at),
            6 => self.request("textDocument/definition", at),
            7 => self.request("textDocument/references", json!({"textDocument": document, "position": Self::position(rest), "context": {"includeDeclaration": true}})),
            8 => self.request("textDocument/completion", at),
            9 => self.request("textDocument/prepareRename", at),
            10 => self.request(
                "textDocument/rename",
                json!({"textDocument": document, "position": Self::position(rest), "newName": String::from_utf8_lossy(rest.get(2..).unwrap_or(&[]))}),
            ),
            11 => self.request("textDocument/documentSymbol", json!({"textDocument": document})),
            12 => self.request("textDocument/formatting", json!({"textDocument": document, "options": {"tabSize": 2, "insertSpaces": true}})),
            13 => self.request(
                "textDocument/codeAction",
                json!({"textDocument": document, "range": range, "context": {"diagnostics": []}}),
            ),
            14 => self.notify("textDocument/didSave", json!({"textDocument": document})),
            _ => self.notify("textDocument/didClose", json!({"textDocument": document})),
        }
    }
}

/// Every message the server wrote, by its framing.
fn messages(output: &[u8]) -> Vec<Value> {
    let mut reader = BufReader::new(Cursor::new(output));
    let mut found = Vec::new();
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).expect("in memory") == 0 {
                return found;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(value) = line.strip_prefix("Content-Length: ") {
                length = value.parse::<usize>().ok();
            }
        }
        let mut body = vec![0; length.expect("the server frames every message")];
        std::io::Read::read_exact(&mut reader, &mut body).expect("a whole body");
        found.push(serde_json::from_slice(&body).expect("the server writes JSON"));
    }
}

fuzz_target!(|data: &[u8]| {
    let root = project();
    let uri = format!("file://{}/fuzzed.flow", root.display());
    let encoding = if data.first().is_some_and(|byte| byte & 1 == 1) {
        "utf-8"
    } else {
        "utf-16"
    };
    let mut session = Session {
        input: Vec::new(),
        uri,
        next_id: 1,
        requests: Vec::new(),
        raw: false,
    };
    session.request(
        "initialize",
        json!({"processId": null, "rootUri": format!("file://{}", root.display()), "capabilities": {"general": {"positionEncodings": [encoding]}}}),
    );
    session.notify("initialized", json!({}));
    for piece in data
        .get(1..)
        .unwrap_or(&[])
        .split(|&byte| byte == 0xFF)
        .take(64)
    {
        session.piece(piece);
    }
    session.request("shutdown", Value::Null);
    session.notify("exit", Value::Null);

    let output = Output::default();
    let served = flowc::lsp::run_on(
        Cursor::new(std::mem::take(&mut session.input)),
        output.clone(),
    );
    if session.raw {
        return;
    }
    assert!(served.is_ok(), "the server ended with {served:?}");
    let written = output.0.lock().expect("not poisoned").clone();
    let mut answers: BTreeMap<i64, usize> = BTreeMap::new();
    for message in messages(&written) {
        if message.get("method").is_none() {
            let id = message["id"].as_i64().expect("an answer to a request sent");
            *answers.entry(id).or_default() += 1;
        }
    }
    for id in &session.requests {
        assert_eq!(
            answers.get(id),
            Some(&1),
            "request {id} answered {:?} times",
            answers.get(id)
        );
    }
});
