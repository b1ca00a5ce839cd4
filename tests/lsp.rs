//! `flowc lsp` driven over standard input and output with real JSON-RPC
//! messages, as an editor does: initialize, didOpen, didChange (a broken
//! edit, then the fix), hover, definition, references, completion, rename,
//! code actions, formatting, document symbols, shutdown and exit. The
//! project uses Chinese identifiers and labels, so every range checks that
//! columns are counted in UTF-16 code units (or in bytes when the client
//! offers UTF-8).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use serde_json::{Value, json};

/// Guards against a hung server; never reached when the server answers.
const HANG_GUARD: Duration = Duration::from_secs(60);

const ORG: &str = "# 組織\ndepartment 財務部 \"財務部\"\nrole 總經理 \"總經理\" in 財務部\nrole 財務經理 \"財務經理\" in 財務部 reports to 總經理\nrole 會計 \"會計\" in 財務部 reports to 財務經理\n";

const CLAIM: &str = "# 報銷流程\nprocess 報銷 \"費用報銷\" {\n  category approval\n  owner 財務部\n  input 金額: money CNY\n  start 申請\n\n  step 申請 \"員工申請\" {\n    owner 會計\n    within 2 business days\n    escalate after 3 business days to 財務經理\n    next 分流\n  }\n\n  decide 分流 \"按金額\" {\n    when 金額 <= 5000 CNY -> 完成\n    otherwise -> 審批\n  }\n\n  step 審批 \"經理審批\" {\n    owner 財務經理\n    within 1 business day\n    on reject -> 申請\n    next 完成\n  }\n\n  end 完成 \"已支付\"\n\n  sla 5 business days\n  review every 12 months, last 2026-06-01\n  kpi 周期 p90 under 3 business days\n}\n";

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    /// Notifications received while waiting for something else.
    pending: Vec<Value>,
}

impl Client {
    fn start(root: &Path) -> Client {
        let mut child = crate::common::flowc_command()
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("flowc lsp starts");
        let stdin = child.stdin.take().expect("stdin piped");
        let stdout = child.stdout.take().expect("stdout piped");
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            messages,
            next_id: 1,
            pending: Vec::new(),
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    /// Writes bytes as they are, framing included.
    fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).expect("write");
        self.stdin.flush().expect("flush");
    }

    /// The next message that is not a notification.
    fn next_answer(&mut self) -> Value {
        loop {
            let message = self.receive();
            if message.get("method").is_none() {
                return message;
            }
            self.pending.push(message);
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its whole response.
    fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.receive();
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message;
            }
            self.pending.push(message);
        }
    }

    /// Sends a request and returns its result.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    fn receive(&mut self) -> Value {
        match self.messages.recv_timeout(HANG_GUARD) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => panic!("the server did not answer"),
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let position = self
            .pending
            .iter()
            .position(|message| is_diagnostics_for(message, uri));
        if let Some(position) = position {
            let message = self.pending.remove(position);
            return message["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
        }
        loop {
            let message = self.receive();
            if is_diagnostics_for(&message, uri) {
                return message["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
            self.pending.push(message);
        }
    }

    fn initialize(&mut self, root: &Path, encodings: &[&str]) -> Value {
        let result = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "capabilities": {"general": {"positionEncodings": encodings}},
            }),
        );
        self.notify("initialized", json!({}));
        result
    }

    fn open(&mut self, path: &Path, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": "flow", "version": 1, "text": text}}),
        );
    }

    fn shutdown(mut self) {
        let result = self.request("shutdown", Value::Null);
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().expect("the server exits");
        assert!(status.success(), "exit status {status}");
    }
}

fn is_diagnostics_for(message: &Value, uri: &str) -> bool {
    message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// A `file:` URI, percent-encoding non-ASCII bytes as editors do.
fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The LSP position of the `nth` occurrence of `needle` in `text`, columns
/// in UTF-16 code units.
fn position(text: &str, needle: &str, nth: usize) -> Value {
    let offset = text
        .match_indices(needle)
        .nth(nth)
        .expect("needle present")
        .0;
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    let character: usize = text[line_start..offset].chars().map(char::len_utf16).sum();
    json!({"line": line, "character": character})
}

/// The range of that occurrence.
fn range(text: &str, needle: &str, nth: usize) -> Value {
    let start = position(text, needle, nth);
    let mut end = start.clone();
    end["character"] = json!(
        start["character"].as_u64().expect("number") as usize + needle.encode_utf16().count()
    );
    json!({"start": start, "end": end})
}

fn project() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    // The server takes the local date as today; no test may depend on it.
    std::fs::write(
        root.join("flowc.toml"),
        "[rules]\nreview-overdue = \"off\"\n",
    )
    .expect("write config");
    std::fs::write(root.join("組織.flow"), ORG).expect("write org");
    std::fs::create_dir(root.join("流程")).expect("mkdir");
    std::fs::write(root.join("流程/報銷.flow"), CLAIM).expect("write claim");
    let org = root.join("組織.flow");
    let claim = root.join("流程/報銷.flow");
    (dir, org, claim)
}

/// The labels the server completes in `path` (whose text is `text`) just
/// after the `nth` occurrence of `needle`.
fn completion_labels(
    client: &mut Client,
    path: &Path,
    text: &str,
    needle: &str,
    nth: usize,
) -> Vec<String> {
    let at = position(text, needle, nth);
    let after = at["character"].as_u64().expect("n") as usize + needle.encode_utf16().count();
    let completion = client.request(
        "textDocument/completion",
        json!({"textDocument": text_document(path), "position": {"line": at["line"], "character": after}}),
    );
    completion
        .as_array()
        .expect("a list")
        .iter()
        .map(|item| item["label"].as_str().expect("label").to_string())
        .collect()
}

/// The labels completed just after `needle` once the whole text of `path`
/// is changed to `text` (as `version`).
fn labels_after_change(
    client: &mut Client,
    path: &Path,
    version: u32,
    text: &str,
    needle: &str,
    nth: usize,
) -> Vec<String> {
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(path), "version": version}, "contentChanges": [{"text": text}]}),
    );
    completion_labels(client, path, text, needle, nth)
}

fn text_document(path: &Path) -> Value {
    json!({"uri": uri(path)})
}

#[test]
fn a_session_with_chinese_names_over_utf16() {
    let (dir, org, claim) = project();
    let root = dir.path().canonicalize().expect("canonical");
    let mut client = Client::start(&root);
    let init = client.initialize(&root, &["utf-16"]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "flowc");

    client.open(&claim, CLAIM);
    assert_eq!(
        client.diagnostics(&uri(&claim)),
        Vec::<Value>::new(),
        "the project starts clean"
    );

    // A broken edit: `會計` becomes `會計師` (an unknown role).
    let typo = range(CLAIM, "會計", 0);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&claim), "version": 2},
               "contentChanges": [{"range": typo, "text": "會計師"}]}),
    );
    let broken = CLAIM.replacen("owner 會計", "owner 會計師", 1);
    let diagnostics = client.diagnostics(&uri(&claim));
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let diagnostic = &diagnostics[0];
    assert_eq!(diagnostic["code"], "undefined-reference");
    assert_eq!(diagnostic["severity"], 1);
    assert_eq!(diagnostic["range"], range(&broken, "會計師", 0));
    assert_eq!(
        diagnostic["range"]["start"],
        json!({"line": 8, "character": 10})
    );
    let message = diagnostic["message"].as_str().expect("message");
    assert!(
        message.contains("`會計師`") && message.contains("did you mean `會計`?"),
        "{message}"
    );

    // The quick fix puts the suggestion back.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": text_document(&claim), "range": diagnostic["range"],
               "context": {"diagnostics": [diagnostic]}}),
    );
    assert_eq!(actions[0]["title"], "Change to `會計`");
    assert_eq!(
        actions[0]["edit"]["changes"][uri(&claim)][0]["newText"],
        "會計"
    );

    // The fix, as a whole-document change: the diagnostic goes away.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&claim), "version": 3}, "contentChanges": [{"text": CLAIM}]}),
    );
    assert_eq!(client.diagnostics(&uri(&claim)), Vec::<Value>::new());

    // Hover on a role: label, department, reporting chain; range exact.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": text_document(&claim), "position": position(CLAIM, "會計", 0)}),
    );
    let contents = hover["contents"]["value"].as_str().expect("markdown");
    assert!(contents.contains("**role** `會計` 會計"), "{contents}");
    assert!(
        contents.contains("department: `財務部` 財務部"),
        "{contents}"
    );
    assert!(
        contents.contains("reporting chain: `財務經理` 財務經理 → `總經理` 總經理"),
        "{contents}"
    );
    assert_eq!(hover["range"], range(CLAIM, "會計", 0));

    // Hover on a step: owner, deadline, escalation, outcomes.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": text_document(&claim), "position": position(CLAIM, "審批", 1)}),
    );
    let contents = hover["contents"]["value"].as_str().expect("markdown");
    assert!(contents.contains("**step** `審批` 經理審批"), "{contents}");
    assert!(
        contents.contains("owner: `財務經理` 財務經理"),
        "{contents}"
    );
    assert!(
        contents.contains("deadline: within 1 business day (≈ 1.4 calendar days)"),
        "{contents}"
    );
    assert!(
        contents.contains("on reject → `申請` 員工申請"),
        "{contents}"
    );
    assert!(contents.contains("next → `完成` 已支付"), "{contents}");

    // Hover on a duration: calendar terms.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": text_document(&claim), "position": position(CLAIM, "3 business days", 0)}),
    );
    let contents = hover["contents"]["value"].as_str().expect("markdown");
    assert!(
        contents.contains("3 business days (24 working hours)"),
        "{contents}"
    );
    assert!(contents.contains("≈ 4.2 calendar days"), "{contents}");
    assert_eq!(hover["range"], range(CLAIM, "3 business days", 0));

    // Definition of a role used in the process: in the other file.
    let definition = client.request(
        "textDocument/definition",
        json!({"textDocument": text_document(&claim), "position": position(CLAIM, "財務經理", 0)}),
    );
    assert_eq!(
        definition,
        json!([{"uri": uri(&org), "range": range(ORG, "財務經理", 0)}])
    );
    // Definition of a step named by `on reject ->`.
    let definition = client.request(
        "textDocument/definition",
        json!({"textDocument": text_document(&claim), "position": position(CLAIM, "申請\n    next 完成", 0)}),
    );
    assert_eq!(
        definition,
        json!([{"uri": uri(&claim), "range": range(CLAIM, "申請", 1)}])
    );

    // References of the role across both files.
    let references = client.request(
        "textDocument/references",
        json!({"textDocument": text_document(&claim), "position": position(CLAIM, "財務經理", 0),
               "context": {"includeDeclaration": true}}),
    );
    let references = references.as_array().expect("a list");
    assert_eq!(references.len(), 4, "{references:?}");

    // Completion after `owner `: roles and departments with their labels.
    let with_blank_owner = CLAIM.replacen("owner 會計", "owner ", 1);
    let labels = labels_after_change(&mut client, &claim, 4, &with_blank_owner, "owner ", 1);
    assert_eq!(
        labels,
        [
            "會計",
            "總經理",
            "財務經理",
            "財務部",
            "manager of",
            "any of",
            "all of",
            "applicant"
        ]
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&claim), "version": 5}, "contentChanges": [{"text": CLAIM}]}),
    );

    // Rename the role everywhere: its definition, `reports to`, owners,
    // escalations, in both files.
    let edit = client.request(
        "textDocument/rename",
        json!({"textDocument": text_document(&claim), "position": position(CLAIM, "財務經理", 0), "newName": "財務總監"}),
    );
    let in_org = edit["changes"][uri(&org)].as_array().expect("edits in org");
    let in_claim = edit["changes"][uri(&claim)]
        .as_array()
        .expect("edits in claim");
    assert_eq!(in_org.len(), 2, "{in_org:?}");
    assert_eq!(in_claim.len(), 2, "{in_claim:?}");
    assert!(in_org.contains(&json!({"range": range(ORG, "財務經理", 0), "newText": "財務總監"})));
    assert!(
        in_claim.contains(&json!({"range": range(CLAIM, "財務經理", 1), "newText": "財務總監"}))
    );
    let refused = client.call(
        "textDocument/rename",
        json!({"textDocument": text_document(&claim), "position": position(CLAIM, "財務經理", 0), "newName": "3x"}),
    );
    assert!(
        refused["error"]["message"]
            .as_str()
            .expect("error")
            .contains("not a valid name")
    );

    // Document symbols: the process with its steps.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": text_document(&claim)}),
    );
    assert_eq!(symbols[0]["name"], "報銷");
    let children: Vec<&str> = symbols[0]["children"]
        .as_array()
        .expect("children")
        .iter()
        .map(|child| child["name"].as_str().expect("name"))
        .collect();
    assert_eq!(children, ["金額", "申請", "分流", "審批", "完成", "周期"]);
    assert_eq!(
        symbols[0]["children"][1]["selectionRange"],
        range(CLAIM, "申請", 1)
    );

    // Formatting through the formatter.
    let messy = CLAIM.replace("  category approval", "category    approval   # 類別");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&claim), "version": 6}, "contentChanges": [{"text": messy}]}),
    );
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": text_document(&claim), "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(
        edits[0]["newText"].as_str().expect("text"),
        CLAIM.replace("  category approval", "  category approval # 類別")
    );

    client.shutdown();
}

/// A leave request whose approver is the applicant's superior.
const LEAVE: &str = "process 請假 \"請假審批\" {\n  category approval\n  owner 財務部\n  applicant 會計, 財務經理\n  start 申請\n\n  step 申請 \"提交申請\" {\n    owner applicant\n    within 2 business days\n    next 審批\n  }\n\n  step 審批 \"直屬上級審批\" {\n    owner manager of applicant\n    within 1 business day\n    notify manager of manager of applicant\n    next 完成\n  }\n\n  end 完成 \"已批准\"\n}\n";

#[test]
fn hover_on_a_relative_party_names_who_it_is_for_each_applicant_role() {
    let (dir, _org, _claim) = project();
    let root = dir.path().canonicalize().expect("canonical");
    let leave = root.join("流程/請假.flow");
    std::fs::write(&leave, LEAVE).expect("write leave");
    let mut client = Client::start(&root);
    client.initialize(&root, &["utf-16"]);
    client.open(&leave, LEAVE);

    // Who a party is, for each applicant role, at the party's range; two
    // levels up there is nobody above the general manager; `owner
    // applicant` is the applicant.
    let cases: [(&str, &[&str]); 3] = [
        (
            "manager of applicant",
            &[
                "**`manager of applicant`**",
                "- when the applicant is 會計 (會計): 財務經理 (財務經理)",
                "- when the applicant is 財務經理 (財務經理): 總經理 (總經理)",
            ],
        ),
        (
            "manager of manager of applicant",
            &[
                "- when the applicant is 會計 (會計): 總經理 (總經理)",
                "- when the applicant is 財務經理 (財務經理): nobody (總經理 (總經理) reports to no one)",
            ],
        ),
        (
            "applicant\n",
            &["- when the applicant is 會計 (會計): 會計 (會計)"],
        ),
    ];
    for (party, lines) in cases {
        let hover = client.request(
            "textDocument/hover",
            json!({"textDocument": text_document(&leave), "position": position(LEAVE, party, 0)}),
        );
        let contents = hover["contents"]["value"].as_str().expect("markdown");
        for line in lines {
            assert!(contents.contains(line), "{party}: {contents}");
        }
        let start = position(LEAVE, party, 0);
        let width = party.trim_end().encode_utf16().count() as u64;
        let end = json!({"line": start["line"], "character": start["character"].as_u64().expect("n") + width});
        assert_eq!(
            hover["range"],
            json!({"start": start, "end": end}),
            "{party}"
        );
    }
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": text_document(&leave), "position": position(LEAVE, "owner applicant", 0)}),
    );
    assert!(hover.is_null(), "the keyword `owner` has no hover: {hover}");

    // Completion after `notify `: roles and departments, then people.
    let with_blank = LEAVE.replacen("notify manager of manager of applicant", "notify ", 1);
    let labels = labels_after_change(&mut client, &leave, 2, &with_blank, "notify ", 0);
    let people = [
        "會計",
        "總經理",
        "財務經理",
        "財務部",
        "manager of",
        "applicant",
    ];
    assert_eq!(labels, people);
    client.shutdown();
}

#[test]
fn missing_owner_and_deadline_have_quick_fixes() {
    let (dir, _org, claim) = project();
    let root = dir.path().canonicalize().expect("canonical");
    let mut client = Client::start(&root);
    client.initialize(&root, &[]);
    let text = CLAIM.replace("    owner 財務經理\n    within 1 business day\n", "");
    client.open(&claim, &text);
    let diagnostics = client.diagnostics(&uri(&claim));
    let rules: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().expect("code"))
        .collect();
    assert!(
        rules.contains(&"unowned-step") && rules.contains(&"missing-deadline"),
        "{rules:?}"
    );
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": text_document(&claim), "range": diagnostics[0]["range"],
               "context": {"diagnostics": diagnostics}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .expect("a list")
        .iter()
        .map(|action| action["title"].as_str().expect("title"))
        .collect();
    assert!(
        titles.contains(&"Add `owner 會計` to step `審批`"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Add `within 2 business days`"),
        "{titles:?}"
    );
    let owner = actions
        .as_array()
        .expect("a list")
        .iter()
        .find(|action| action["title"] == "Add `owner 會計` to step `審批`")
        .expect("the owner fix");
    let edit = &owner["edit"]["changes"][uri(&claim)][0];
    assert_eq!(edit["newText"], "\n    owner 會計");
    let header_end = position(&text, "\"經理審批\" {", 0);
    let character = header_end["character"].as_u64().expect("n")
        + "\"經理審批\" {".encode_utf16().count() as u64;
    assert_eq!(
        edit["range"]["start"],
        json!({"line": header_end["line"], "character": character})
    );
    client.shutdown();
}

#[test]
fn utf8_columns_when_the_client_offers_them() {
    let (dir, _org, claim) = project();
    let root = dir.path().canonicalize().expect("canonical");
    let mut client = Client::start(&root);
    let init = client.initialize(&root, &["utf-8", "utf-16"]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let broken = CLAIM.replacen("owner 會計", "owner 會計師", 1);
    client.open(&claim, &broken);
    let diagnostics = client.diagnostics(&uri(&claim));
    assert_eq!(
        diagnostics[0]["range"]["start"],
        json!({"line": 8, "character": 10})
    );
    assert_eq!(
        diagnostics[0]["range"]["end"],
        json!({"line": 8, "character": 19})
    );
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": text_document(&claim), "position": {"line": 10, "character": 41}}),
    );
    // `    escalate after 3 business days to ` is 38 bytes; 財務經理 is 12.
    assert_eq!(
        hover["range"],
        json!({"start": {"line": 10, "character": 38}, "end": {"line": 10, "character": 50}})
    );
    client.shutdown();
}

#[test]
fn an_error_in_another_file_is_published_with_related_locations() {
    let (dir, org, claim) = project();
    let root = dir.path().canonicalize().expect("canonical");
    let mut client = Client::start(&root);
    client.initialize(&root, &[]);
    // The process file (read first: `流程/` sorts before `組織.flow`)
    // defines a role that the org defines again: the error is in the org,
    // a file that is not open, and points back to the open buffer.
    let text = format!("role 會計 \"重複\"\n{CLAIM}");
    client.open(&claim, &text);
    let diagnostics = client.diagnostics(&uri(&org));
    let duplicate = diagnostics
        .iter()
        .find(|d| d["code"] == "duplicate-name")
        .unwrap_or_else(|| panic!("{diagnostics:?}"));
    assert_eq!(duplicate["range"], range(ORG, "會計", 0));
    let related = duplicate["relatedInformation"].as_array().expect("related");
    assert_eq!(related[0]["location"]["uri"], uri(&claim));
    assert_eq!(related[0]["location"]["range"], range(&text, "會計", 0));
    client.shutdown();
}

#[test]
fn files_changed_on_disk_are_read_again() {
    let (dir, org, claim) = project();
    let root = dir.path().canonicalize().expect("canonical");
    let mut client = Client::start(&root);
    client.initialize(&root, &[]);
    client.open(&claim, CLAIM);
    assert_eq!(client.diagnostics(&uri(&claim)), Vec::<Value>::new());
    // Another tool removes the role `會計` from the org file.
    let without = ORG.replace("role 會計 \"會計\" in 財務部 reports to 財務經理\n", "");
    std::fs::write(&org, without).expect("rewrite org");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&org), "type": 2}]}),
    );
    let diagnostics = client.diagnostics(&uri(&claim));
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["range"], range(CLAIM, "會計", 0));
    client.shutdown();
}

#[test]
fn a_broken_configuration_is_shown_once() {
    let (dir, _org, claim) = project();
    let root = dir.path().canonicalize().expect("canonical");
    std::fs::write(root.join("flowc.toml"), "[rules]\nno-such-rule = \"off\"\n")
        .expect("write config");
    let mut client = Client::start(&root);
    client.initialize(&root, &[]);
    client.open(&claim, CLAIM);
    // The server publishes what changed before answering a request.
    client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": text_document(&claim)}),
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&claim), "version": 2}, "contentChanges": [{"text": CLAIM}]}),
    );
    client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": text_document(&claim)}),
    );
    let shown: Vec<&Value> = client
        .pending
        .iter()
        .filter(|message| message["method"] == "window/showMessage")
        .collect();
    assert_eq!(shown.len(), 1, "{:?}", client.pending);
    let message = shown[0]["params"]["message"].as_str().expect("message");
    assert!(message.contains("no-such-rule"), "{message}");
    client.shutdown();
}

#[test]
fn every_feature_answers_with_a_broken_item_elsewhere_in_the_file() {
    let (dir, org, claim) = project();
    let root = dir.path().canonicalize().expect("canonical");
    let mut client = Client::start(&root);
    client.initialize(&root, &["utf-16"]);
    // A typo in the first step, and a badly laid out `end` line further down.
    let broken = CLAIM
        .replacen(
            "    within 2 business days",
            "    withn  2   business days",
            1,
        )
        .replacen("  end 完成 \"已支付\"", "      end   完成 \"已支付\"", 1);
    client.open(&claim, &broken);

    // One syntax error, nothing that follows from it.
    let diagnostics = client.diagnostics(&uri(&claim));
    let codes: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().expect("code"))
        .collect();
    assert_eq!(codes, ["syntax-error"], "{diagnostics:?}");
    assert_eq!(diagnostics[0]["range"], range(&broken, "withn", 0));

    // Outline: every item, the broken step by its name.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": text_document(&claim)}),
    );
    assert_eq!(symbols[0]["name"], "報銷");
    let children: Vec<&str> = symbols[0]["children"]
        .as_array()
        .expect("children")
        .iter()
        .map(|child| child["name"].as_str().expect("name"))
        .collect();
    assert_eq!(children, ["金額", "申請", "分流", "審批", "完成", "周期"]);
    assert_eq!(symbols[0]["children"][1]["detail"], "step (does not parse)");

    // Hover on a step that parses, and on a role.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": text_document(&claim), "position": position(&broken, "審批", 1)}),
    );
    let contents = hover["contents"]["value"].as_str().expect("markdown");
    assert!(contents.contains("**step** `審批` 經理審批"), "{contents}");
    assert!(
        contents.contains("owner: `財務經理` 財務經理"),
        "{contents}"
    );
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": text_document(&claim), "position": position(&broken, "財務經理", 1)}),
    );
    let contents = hover["contents"]["value"].as_str().expect("markdown");
    assert!(contents.contains("**role** `財務經理`"), "{contents}");

    // Definition: a role in the other file, and the broken step by its name.
    let definition = client.request(
        "textDocument/definition",
        json!({"textDocument": text_document(&claim), "position": position(&broken, "財務經理", 1)}),
    );
    assert_eq!(
        definition,
        json!([{"uri": uri(&org), "range": range(ORG, "財務經理", 0)}])
    );
    let definition = client.request(
        "textDocument/definition",
        json!({"textDocument": text_document(&claim), "position": position(&broken, "申請\n    next 完成", 0)}),
    );
    assert_eq!(
        definition,
        json!([{"uri": uri(&claim), "range": range(&broken, "申請", 1)}])
    );

    // References of a node used from both sides of the broken step.
    let references = client.request(
        "textDocument/references",
        json!({"textDocument": text_document(&claim), "position": position(&broken, "完成", 0),
               "context": {"includeDeclaration": true}}),
    );
    assert_eq!(
        references.as_array().expect("a list").len(),
        3,
        "{references:?}"
    );

    // Rename a step that parses: its definition and every use.
    let edit = client.request(
        "textDocument/rename",
        json!({"textDocument": text_document(&claim), "position": position(&broken, "審批", 1), "newName": "複核"}),
    );
    let in_claim = edit["changes"][uri(&claim)].as_array().expect("edits");
    assert_eq!(in_claim.len(), 2, "{in_claim:?}");

    // Completion inside the broken process.
    let labels = completion_labels(&mut client, &claim, &broken, "next 完成", 0);
    assert!(
        labels.iter().any(|label| label == "完成") && labels.iter().any(|label| label == "分流"),
        "{labels:?}"
    );

    // Formatting: the `end` line is laid out, the broken step kept as typed.
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": text_document(&claim), "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(
        edits[0]["newText"].as_str().expect("text"),
        CLAIM.replacen(
            "    within 2 business days",
            "    withn  2   business days",
            1
        )
    );
    client.shutdown();
}

#[test]
fn bad_params_are_answered_with_errors_and_the_server_stays_up() {
    let (dir, _, claim) = project();
    let mut client = Client::start(dir.path());
    client.initialize(dir.path(), &["utf-16"]);
    client.notify("textDocument/didOpen", json!({"textDocument": 42}));
    client.notify("textDocument/didChange", json!("not an object"));
    let logged = client.receive();
    assert_eq!(logged["method"], "window/logMessage", "{logged}");
    assert!(
        logged["params"]["message"]
            .as_str()
            .is_some_and(|message| message.contains("textDocument/didOpen")),
        "{logged}"
    );
    let answer = client.call("textDocument/hover", json!({"textDocument": []}));
    assert_eq!(answer["error"]["code"], -32602, "{answer}");
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri(&claim), "languageId": "flow", "version": 1, "text": CLAIM}}),
    );
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&claim)}}),
    );
    assert!(
        symbols.as_array().is_some_and(|all| !all.is_empty()),
        "{symbols}"
    );
}

/// Each unreadable message gets a JSON-RPC error (with the id when one can
/// be read, else null) and the server goes on: bad JSON, a huge
/// `Content-Length`, a header line without a colon, a message that is not
/// a request, and a lone UTF-16 surrogate (read as U+FFFD).
#[test]
fn unreadable_messages_are_answered_with_errors_and_the_server_stays_up() {
    let (dir, _, claim) = project();
    let mut client = Client::start(dir.path());
    client.initialize(dir.path(), &["utf-16"]);
    let framed = |body: &str| format!("Content-Length: {}\r\n\r\n{body}", body.len());
    let cases: [(&str, String, i64, Value); 6] = [
        (
            "malformed JSON",
            framed(r#"{"jsonrpc": "2.0", "id": 9, "method""#),
            -32700,
            Value::Null,
        ),
        (
            "a length of 2^64-1",
            "Content-Length: 18446744073709551615\r\n\r\n{}".to_string(),
            -32600,
            Value::Null,
        ),
        (
            "a header without a colon",
            "Content-Length 2\r\n\r\n{}".to_string(),
            -32600,
            Value::Null,
        ),
        (
            "a method that is not a string",
            framed(r#"{"jsonrpc":"2.0","id":7,"method":42}"#),
            -32600,
            json!(7),
        ),
        (
            "an id too large for LSP",
            framed(r#"{"jsonrpc":"2.0","id":4294967296,"method":"shutdown"}"#),
            -32600,
            json!(4294967296_u64),
        ),
        (
            "a batch",
            framed(r#"[{"jsonrpc":"2.0","id":8,"method":"shutdown"}]"#),
            -32600,
            Value::Null,
        ),
    ];
    let mut answered = 0;
    for (what, bytes, code, id) in &cases {
        client.send_raw(bytes.as_bytes());
        let answer = client.next_answer();
        assert_eq!(answer["error"]["code"], *code, "{what}: {answer}");
        assert_eq!(answer["id"], *id, "{what}: {answer}");
        answered += 1;
    }
    assert_eq!(answered, cases.len());
    // serde_json cannot write a lone surrogate; the client writes it raw,
    // with an extra header the server ignores.
    let text = CLAIM.replace("\"費用報銷\"", "\"費用報銷SURROGATE\"");
    let open = json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri(&claim), "languageId": "flow", "version": 1, "text": text}}})
        .to_string()
        .replace("SURROGATE", r"\ud800");
    client.send_raw(
        format!(
            "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: {}\r\n\r\n{open}",
            open.len()
        )
        .as_bytes(),
    );
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&claim)}}),
    );
    assert!(
        symbols.to_string().contains("費用報銷\u{FFFD}"),
        "the label keeps a replacement character: {symbols}"
    );
    client.shutdown();
}

const PURCHASE: &str = "# 採購流程\nprocess 採購 \"採購申請\" {\n  category approval\n  owner 財務部\n  input 預算: money CNY\n  start 申請\n\n  step 申請 \"提交申請\" {\n    owner 會計\n    within 1 business day\n    record 合格 \"資料合格\": yes/no\n    next 分流\n  }\n\n  decide 分流 \"是否合格\" {\n    when 合格 == yes -> 付款\n    otherwise -> 退回\n  }\n\n  call 付款 \"費用報銷\" {\n    process 報銷\n    with 金額 = 預算\n    on 完成 -> 已購\n  }\n\n  end 已購 \"已完成\"\n  end 退回 \"已退回\"\n\n  sla 10 business days\n  review every 12 months, last 2026-06-01\n  kpi 周期 p90 under 8 business days\n}\n";

#[test]
fn calls_and_recorded_values_navigate_hover_and_complete() {
    let (dir, _org, claim) = project();
    let root = dir.path().canonicalize().expect("canonical");
    let purchase = root.join("流程/採購.flow");
    std::fs::write(&purchase, PURCHASE).expect("write purchase");
    let mut client = Client::start(&root);
    client.initialize(&root, &["utf-16"]);
    client.open(&purchase, PURCHASE);
    assert_eq!(
        client.diagnostics(&uri(&purchase)),
        Vec::<Value>::new(),
        "the calling process is clean"
    );

    // Definitions from a call: the process, the callee's end, its input.
    let cases = [
        ("報銷\n    with", range(CLAIM, "報銷", 1)),
        ("完成 -> 已購", range(CLAIM, "完成", 2)),
        ("金額 = 預算", range(CLAIM, "金額", 0)),
    ];
    for (needle, expected) in cases {
        let definition = client.request(
            "textDocument/definition",
            json!({"textDocument": text_document(&purchase), "position": position(PURCHASE, needle, 0)}),
        );
        assert_eq!(
            definition,
            json!([{"uri": uri(&claim), "range": expected}]),
            "{needle}"
        );
    }
    // The value given is this process's input.
    let definition = client.request(
        "textDocument/definition",
        json!({"textDocument": text_document(&purchase), "position": position(PURCHASE, "預算\n    on", 0)}),
    );
    assert_eq!(
        definition,
        json!([{"uri": uri(&purchase), "range": range(PURCHASE, "預算", 0)}])
    );

    // Hover on the call: the callee, its owner, each input with its value.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": text_document(&purchase), "position": position(PURCHASE, "付款 \"", 0)}),
    );
    let contents = hover["contents"]["value"].as_str().expect("markdown");
    for line in [
        "**call** `付款` 費用報銷",
        "- calls: process `報銷` 費用報銷",
        "- owner: `財務部` 財務部 (the called process's owner)",
        "- input `金額` (money in CNY) = `預算`",
        "- on 完成 → `已購` 已完成",
    ] {
        assert!(contents.contains(line), "{line}: {contents}");
    }
    // Hover on a recorded value where a decision reads it.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": text_document(&purchase), "position": position(PURCHASE, "合格 ==", 0)}),
    );
    let contents = hover["contents"]["value"].as_str().expect("markdown");
    assert!(
        contents.contains("**recorded value** `合格` 資料合格: yes or no")
            && contents.contains("recorded by step `申請` 提交申請"),
        "{contents}"
    );

    // Completion: recorded values and inputs in conditions, processes
    // after `process` in a call, the callee's inputs after `with`, this
    // process's values after `with INPUT =`, the callee's ends after `on`,
    // a call's line starts.
    let blank = PURCHASE.replacen("when 合格 == yes", "when ", 1);
    let labels = labels_after_change(&mut client, &purchase, 2, &blank, "when ", 0);
    assert_eq!(labels, ["合格", "預算"]);
    let blank = PURCHASE.replacen("process 報銷\n", "process \n", 1);
    let labels = labels_after_change(&mut client, &purchase, 3, &blank, "    process ", 0);
    assert_eq!(labels, ["報銷", "採購"]);
    let blank = PURCHASE.replacen("with 金額 = 預算", "with ", 1);
    let labels = labels_after_change(&mut client, &purchase, 4, &blank, "with ", 0);
    assert_eq!(labels, ["金額"]);
    let blank = PURCHASE.replacen("with 金額 = 預算", "with 金額 = ", 1);
    let labels = labels_after_change(&mut client, &purchase, 5, &blank, "with 金額 = ", 0);
    assert_eq!(labels, ["合格", "預算"]);
    let blank = PURCHASE.replacen("on 完成 -> 已購", "on ", 1);
    let labels = labels_after_change(&mut client, &purchase, 7, &blank, "    on ", 0);
    assert_eq!(labels, ["完成"]);
    // A word being typed on a line of its own in the call (`owner` and
    // `otherwise` start with `o` too, earlier).
    let blank = PURCHASE.replacen("    on 完成 -> 已購\n", "    o\n", 1);
    let labels = labels_after_change(&mut client, &purchase, 8, &blank, "    o", 2);
    assert_eq!(labels, ["process", "with", "note", "on", "next"]);
    client.shutdown();
}

/// The quick fixes offered at a misspelt input of a called process in the
/// project at `root`, with the text of the calling file and its path.
fn misspelt_input_actions(root: &Path) -> (Value, String, PathBuf) {
    let purchase = root.join("流程/採購.flow");
    let text = PURCHASE.replace("with 金額 = 預算", "with 金額數 = 預算");
    std::fs::write(&purchase, &text).expect("write purchase");
    let mut client = Client::start(root);
    client.initialize(root, &["utf-16"]);
    client.open(&purchase, &text);
    let diagnostics: Vec<Value> = client
        .diagnostics(&uri(&purchase))
        .into_iter()
        .filter(|d| d["code"] == "call-inputs")
        .collect();
    let unknown = diagnostics
        .iter()
        .find(|d| d["range"] == range(&text, "金額數", 0))
        .unwrap_or_else(|| panic!("the misspelt input is reported: {diagnostics:?}"));
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": text_document(&purchase), "range": unknown["range"],
               "context": {"diagnostics": [unknown]}}),
    );
    client.shutdown();
    (actions, text, purchase)
}

#[test]
fn a_misspelt_input_of_a_called_process_has_a_quick_fix() {
    let (dir, _org, _claim) = project();
    let root = dir.path().canonicalize().expect("canonical");
    let (actions, text, purchase) = misspelt_input_actions(&root);
    let edit = &actions[0]["edit"]["changes"][uri(&purchase)][0];
    assert_eq!(actions[0]["title"], "Change to `金額`", "{actions}");
    assert_eq!(edit["newText"], "金額");
    assert_eq!(edit["range"], range(&text, "金額數", 0));
}

/// A project whose `flowc.toml` says `lang = "zh-Hant"` gets its quick
/// fixes titled in Traditional Chinese.
#[test]
fn quick_fix_titles_follow_the_projects_language() {
    let (dir, _org, _claim) = project();
    let root = dir.path().canonicalize().expect("canonical");
    std::fs::write(
        root.join("flowc.toml"),
        "lang = \"zh-Hant\"\n[rules]\nreview-overdue = \"off\"\n",
    )
    .expect("write config");
    let (actions, _, _) = misspelt_input_actions(&root);
    assert_eq!(actions[0]["title"], "改為 `金額`", "{actions}");
}

/// The test project with a flowc.toml that says zh-Hant, its process file
/// open in a started server: the folder (kept while it lives), its
/// canonical path, the process file and the client.
fn traditional_chinese_project() -> (tempfile::TempDir, PathBuf, PathBuf, Client) {
    let (dir, _org, claim) = project();
    let root = dir.path().canonicalize().expect("canonical");
    std::fs::write(
        root.join("flowc.toml"),
        "lang = \"zh-Hant\"\n[rules]\nreview-overdue = \"off\"\n",
    )
    .expect("write config");
    let mut client = Client::start(&root);
    client.initialize(&root, &["utf-16"]);
    client.open(&claim, CLAIM);
    (dir, root, claim, client)
}

/// In a project whose flowc.toml says zh-Hant, the hover of a role is in
/// Traditional Chinese.
#[test]
fn role_hover_follows_the_projects_language() {
    let (_dir, _root, claim, mut client) = traditional_chinese_project();
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": text_document(&claim), "position": position(CLAIM, "會計", 0)}),
    );
    client.shutdown();
    let contents = hover["contents"]["value"].as_str().expect("markdown");
    assert_eq!(
        contents,
        "**角色** `會計` 會計\n\n- 部門：`財務部` 財務部\n- 匯報線：`財務經理` 財務經理 → `總經理` 總經理"
    );
}

/// In a project whose flowc.toml says zh-Hant, the hovers of steps, a
/// decision, an input, a KPI and a duration are in Traditional Chinese:
/// no English word outside code spans but the project's own.
#[test]
fn step_input_kpi_and_duration_hovers_follow_the_projects_language() {
    let (_dir, root, claim, mut client) = traditional_chinese_project();
    let mut hovers = Vec::new();
    for (needle, nth) in [
        ("申請", 1),
        ("審批", 1),
        ("分流", 1),
        ("金額", 0),
        ("周期", 0),
        ("3 business days", 0),
    ] {
        let hover = client.request(
            "textDocument/hover",
            json!({"textDocument": text_document(&claim), "position": position(CLAIM, needle, nth)}),
        );
        let contents = hover["contents"]["value"].as_str().expect("markdown");
        hovers.push(format!("## `{needle}`\n{contents}"));
    }
    client.shutdown();
    let hovers = hovers.join("\n\n");
    let prose: String = hovers.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    let english = crate::common::english_words(&prose, &root);
    assert!(english.is_empty(), "English words {english:?} in\n{hovers}");
    insta::assert_snapshot!(hovers);
}
