//! The language server keeps parses between edits and publishes only the
//! diagnostics that changed: after any sequence of edits (syntax broken and
//! repaired, names declared, renamed and removed in one file and used in
//! others, reporting lines and the org changed), what it has published for
//! each file must be exactly what a fresh analysis of the same texts gives.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use flowc::i18n::Lang;
use flowc::lsp::position::{Encoding, Lines};
use proptest::prelude::*;
use serde_json::{Value, json};

/// The project every session starts from: the examples' org, four
/// processes of theirs (one calls another) and their configuration. The
/// last file is never opened: the server publishes for it only when its
/// diagnostics change.
const FILES: [(&str, &str); 5] = [
    ("org.flow", include_str!("../examples/org.flow")),
    (
        "expense-claim.flow",
        include_str!("../examples/expense-claim.flow"),
    ),
    ("purchase.flow", include_str!("../examples/purchase.flow")),
    (
        "contract-approval.flow",
        include_str!("../examples/contract-approval.flow"),
    ),
    (
        "leave-request.flow",
        include_str!("../examples/leave-request.flow"),
    ),
];
const CONFIG: &str = include_str!("../examples/flowc.toml");

/// How many of the files are open in the editor (and edited).
const OPEN: usize = 4;

/// Names that other files use: renamed, removed or declared again.
const NAMES: [&str; 8] = [
    "dept_head",
    "employee",
    "finance",
    "cfo",
    "contract",
    "submit",
    "amount",
    "reports to",
];

/// Text typed into a file, one piece at a time.
const TYPED: [&str; 8] = ["}", "{", " ", "\n", "x", "\"", "審", "step s {\n"];

/// Lines declared in a file (again, or anew).
const DECLARED: [&str; 4] = [
    "role dept_head \"again\"\n",
    "role newcomer \"new\" reports to nobody_here\n",
    "department finance \"again\"\n",
    "process contract \"again\" {\n  start e\n  end e\n}\n",
];

/// Changes inside one process's steps, `(from, to)`: they change no
/// declaration that another file reads, so the server checks again only
/// the process they are in.
const BODY: [(&str, &str); 4] = [
    ("within 2 business days", "within 20 business days"),
    ("owner dept_head", "owner dept_hed"),
    ("within 5 business days", "within 1 business days"),
    ("owner finance_manager", "owner applicant"),
];

/// One edit of one file.
#[derive(Debug, Clone)]
enum Edit {
    /// Types text at a place (a ranged change).
    Type { at: usize, text: usize },
    /// Deletes some bytes at a place (a ranged change).
    Delete { at: usize, len: usize },
    /// Renames the first use or declaration of a name (the whole text).
    Rename { name: usize },
    /// Removes the first line holding a name (the whole text).
    RemoveLine { name: usize },
    /// Declares something at the end (the whole text).
    Declare { line: usize },
    /// Changes a process's steps, not its declarations (the whole text).
    Body { change: usize },
    /// Changes the type of the input `purchase.flow` gives the process it
    /// calls (in `contract-approval.flow`; nothing elsewhere), the whole
    /// text.
    Retype,
    /// Puts the file back as it was (the whole text).
    Restore,
    /// Closes the document (its file on disk, the original text, counts
    /// again); the next edit of the file opens it again first.
    Close,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<usize>(), 0..TYPED.len()).prop_map(|(at, text)| Edit::Type { at, text }),
        2 => (any::<usize>(), 1..40usize).prop_map(|(at, len)| Edit::Delete { at, len }),
        2 => (0..NAMES.len()).prop_map(|name| Edit::Rename { name }),
        1 => (0..NAMES.len()).prop_map(|name| Edit::RemoveLine { name }),
        1 => (0..DECLARED.len()).prop_map(|line| Edit::Declare { line }),
        2 => (0..BODY.len()).prop_map(|change| Edit::Body { change }),
        1 => Just(Edit::Retype),
        1 => Just(Edit::Restore),
        1 => Just(Edit::Close),
    ]
}

/// A session's messages, written as the client would send them.
struct Session {
    input: Vec<u8>,
    texts: Vec<String>,
    paths: Vec<PathBuf>,
    version: i32,
    next_id: i64,
    /// The files closed since they were last edited.
    closed: std::collections::BTreeSet<usize>,
}

impl Session {
    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("in memory");
    }

    fn request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Applies `edit` to file `file`, as the client would send it.
    fn apply(&mut self, file: usize, edit: &Edit) {
        let uri = uri(&self.paths[file]);
        if self.closed.remove(&file) {
            let text = self.texts[file].clone();
            self.notify(
                "textDocument/didOpen",
                json!({"textDocument": {"uri": uri, "languageId": "flow", "version": self.version, "text": text}}),
            );
        }
        if let Edit::Close = edit {
            self.notify(
                "textDocument/didClose",
                json!({"textDocument": {"uri": uri}}),
            );
            self.texts[file] = FILES[file].1.to_string();
            self.closed.insert(file);
            return;
        }
        let (change, new) = edited(&self.texts[file], file, edit);
        self.version += 1;
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": self.version}, "contentChanges": [change]}),
        );
        self.texts[file] = new;
    }
}

/// `edit` of file `file` whose text is `text`: the change as the client
/// would send it, and the new text.
fn edited(text: &str, file: usize, edit: &Edit) -> (Value, String) {
    let text = text.to_string();
    let lines = Lines::new(&text, Encoding::Utf16);
    let ranged = |at: usize, end: usize, new: &str| {
        let start = lines.position(at);
        let end = lines.position(end);
        let (from, to) = (
            lines.offset(start),
            lines.offset(end).max(lines.offset(start)),
        );
        let mut changed = text.clone();
        changed.replace_range(from..to, new);
        (
            json!({"range": {"start": start, "end": end}, "text": new}),
            changed,
        )
    };
    let whole = |new: String| (json!({"text": new}), new);
    let (change, new) = match edit {
        Edit::Type { at, text: typed } => {
            let at = at % (text.len() + 1);
            ranged(at, at, TYPED[*typed])
        }
        Edit::Delete { at, len } => {
            let at = at % (text.len() + 1);
            ranged(at, (at + len).min(text.len()), "")
        }
        Edit::Rename { name } => {
            let name = NAMES[*name];
            whole(text.replacen(name, &format!("{name}_renamed"), 1))
        }
        Edit::RemoveLine { name } => whole(
            text.lines()
                .filter({
                    let mut removed = false;
                    move |line| {
                        let drop = !removed && line.contains(NAMES[*name]);
                        removed |= drop;
                        !drop
                    }
                })
                .map(|line| format!("{line}\n"))
                .collect(),
        ),
        Edit::Declare { line } => whole(format!("{text}{}", DECLARED[*line])),
        Edit::Body { change } => {
            let (from, to) = BODY[*change];
            whole(text.replacen(from, to, 1))
        }
        Edit::Retype => whole(text.replacen("input value: money CNY", "input value: number", 1)),
        Edit::Restore | Edit::Close => whole(FILES[file].1.to_string()),
    };
    (change, new)
}

fn uri(path: &Path) -> String {
    flowc::lsp::position::path_to_uri(path)
        .expect("an absolute path")
        .as_str()
        .to_string()
}

/// What the server writes, kept in memory.
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

fn messages(mut bytes: &[u8]) -> Vec<Value> {
    let mut out = Vec::new();
    while let Some(start) = bytes.windows(4).position(|window| window == b"\r\n\r\n") {
        let header = std::str::from_utf8(&bytes[..start]).expect("ASCII header");
        let length: usize = header
            .trim()
            .trim_start_matches("Content-Length:")
            .trim()
            .parse()
            .expect("a length");
        let body = &bytes[start + 4..start + 4 + length];
        out.push(serde_json::from_slice(body).expect("JSON"));
        bytes = &bytes[start + 4 + length..];
    }
    out
}

/// A diagnostic as compared: file, range, severity, rule, message and the
/// related places.
type Published = Vec<(String, Value)>;

/// What a fresh analysis of `texts` gives, as the server would publish it.
fn fresh(dir: &Path, paths: &[PathBuf], texts: &[String]) -> Published {
    // As `flowc check` reads them: in path order.
    let mut by_path: Vec<(&PathBuf, &String)> = paths.iter().zip(texts).collect();
    by_path.sort();
    let (paths, texts): (Vec<&PathBuf>, Vec<&String>) = by_path.into_iter().unzip();
    let files = paths
        .iter()
        .zip(&texts)
        .map(|(path, text)| {
            let mut file = flowc::source::SourceFile::from_text(*path, text.as_str());
            file.relative = path
                .strip_prefix(dir)
                .expect("under the root")
                .to_string_lossy()
                .to_string();
            file
        })
        .collect::<Vec<_>>();
    let sources = flowc::source::ProjectSources {
        root: dir.to_path_buf(),
        selected: vec![true; files.len()],
        files,
        config: Some((dir.join("flowc.toml"), CONFIG.to_string())),
        outside: Vec::new(),
    };
    let today = chrono::Local::now().date_naive();
    let analysis = flowc::analysis::analyse(sources, today).expect("the configuration is valid");
    let lang = Lang::choose(None, analysis.lang);
    let range = |at: flowc::span::Location| {
        let lines = Lines::new(texts[at.file.0], Encoding::Utf16);
        serde_json::to_value(lines.range(at.span)).expect("JSON")
    };
    let mut published: Published = analysis
        .diagnostics
        .iter()
        .map(|diagnostic| {
            let related: Vec<Value> = diagnostic
                .related
                .iter()
                .map(|related| {
                    json!({
                        "location": {"uri": uri(paths[related.at.file.0]), "range": range(related.at)},
                        "message": related.label.render(lang),
                    })
                })
                .collect();
            let severity = match diagnostic.severity {
                flowc::diagnostics::Severity::Error => 1,
                flowc::diagnostics::Severity::Warning => 2,
            };
            let mut value = json!({
                "range": range(diagnostic.at),
                "severity": severity,
                "code": diagnostic.rule,
                "source": "flowc",
                "message": flowc::diagnostics::with_help(diagnostic, lang),
            });
            if !related.is_empty() {
                value["relatedInformation"] = Value::Array(related);
            }
            (uri(paths[diagnostic.at.file.0]), value)
        })
        .collect();
    published.sort_by_key(|(uri, value)| (uri.clone(), value.to_string()));
    published
}

/// A session on the project of [`FILES`] written into `dir`, initialized;
/// with the project's root and the files' paths.
fn initialized(dir: &Path) -> (Session, PathBuf, Vec<PathBuf>) {
    let root = dir.canonicalize().expect("canonical");
    std::fs::write(root.join("flowc.toml"), CONFIG).expect("write config");
    let paths: Vec<PathBuf> = FILES.iter().map(|(name, _)| root.join(name)).collect();
    for (path, (_, text)) in paths.iter().zip(FILES) {
        std::fs::write(path, text).expect("write file");
    }
    let mut session = Session {
        input: Vec::new(),
        texts: FILES.iter().map(|(_, text)| text.to_string()).collect(),
        paths: paths.clone(),
        version: 1,
        next_id: 0,
        closed: Default::default(),
    };
    session.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    session.notify("initialized", json!({}));
    (session, root, paths)
}

/// Runs one session: open every file, then each edit followed by a request
/// (which makes the server publish first); returns how many states were
/// compared.
fn session(edits: &[(usize, Edit)]) -> usize {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (mut session, root, paths) = initialized(dir.path());
    let originals = session.texts.clone();
    open_all(&mut session, &originals);
    // A request about no document of the project: never stale, answered
    // after the diagnostics of every change before it are published.
    let sync = json!({"textDocument": {"uri": "file:///nowhere/sync.flow"}});
    let mut expected = vec![(
        session.request("textDocument/documentSymbol", sync.clone()),
        fresh(&root, &paths, &session.texts),
    )];
    for (file, edit) in edits {
        session.apply(file % OPEN, edit);
        let id = session.request("textDocument/documentSymbol", sync.clone());
        expected.push((id, fresh(&root, &paths, &session.texts)));
    }
    session.request("shutdown", Value::Null);
    session.notify("exit", Value::Null);
    let output = Output::default();
    flowc::lsp::run_on(Cursor::new(session.input), output.clone())
        .expect("the server ends cleanly");
    let written = output.0.lock().expect("not poisoned").clone();

    let mut current: std::collections::BTreeMap<String, Vec<Value>> = Default::default();
    let mut expected = expected.into_iter().peekable();
    let mut compared = 0;
    for message in messages(&written) {
        if message["method"] == "textDocument/publishDiagnostics" {
            let uri = message["params"]["uri"]
                .as_str()
                .expect("a URI")
                .to_string();
            let diagnostics = message["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            current.insert(uri, diagnostics);
            continue;
        }
        let Some((_, want)) = expected.next_if(|(id, _)| message["id"] == *id) else {
            continue;
        };
        let mut have: Published = current
            .iter()
            .flat_map(|(uri, diagnostics)| {
                diagnostics.iter().map(move |d| (uri.clone(), d.clone()))
            })
            .collect();
        have.sort_by_key(|(uri, value)| (uri.clone(), value.to_string()));
        assert_eq!(have, want, "after {} of the edits {edits:?}", compared);
        compared += 1;
    }
    assert_eq!(compared, edits.len() + 1, "every state was compared");
    compared
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn published_diagnostics_are_those_of_a_fresh_check(
        edits in prop::collection::vec((0..FILES.len(), edit()), 1..16)
    ) {
        prop_assert_eq!(session(&edits), edits.len() + 1);
    }
}

#[test]
fn a_session_of_every_kind_of_edit_is_compared_after_each() {
    let edits: Vec<(usize, Edit)> = vec![
        (1, Edit::Type { at: 40, text: 0 }),
        (0, Edit::Rename { name: 0 }),
        (0, Edit::RemoveLine { name: 7 }),
        (3, Edit::Declare { line: 3 }),
        (2, Edit::Delete { at: 100, len: 30 }),
        (0, Edit::Declare { line: 0 }),
        (1, Edit::Restore),
        (0, Edit::Restore),
        (2, Edit::Restore),
        (3, Edit::Restore),
        (2, Edit::Type { at: 300, text: 0 }),
        (2, Edit::Close),
        (2, Edit::Delete { at: 120, len: 30 }),
        (2, Edit::Close),
    ];
    assert_eq!(session(&edits), edits.len() + 1);
}

/// Edits inside processes (which the server checks again alone) and of
/// the declarations other files read (after which it checks every process
/// again), in turn, each compared with a fresh check.
#[test]
fn edits_of_process_steps_and_of_declarations_are_compared_after_each() {
    let body = |file: usize, change: usize| (file, Edit::Body { change });
    let edits: Vec<(usize, Edit)> = vec![
        body(1, 0),
        body(2, 2),
        (0, Edit::Rename { name: 0 }),
        body(1, 1),
        body(3, 0),
        (0, Edit::Declare { line: 1 }),
        body(2, 3),
        (0, Edit::Rename { name: 3 }),
        body(3, 1),
        (0, Edit::Restore),
        (1, Edit::Restore),
    ];
    let inside = edits
        .iter()
        .filter(|(_, edit)| matches!(edit, Edit::Body { .. }))
        .count();
    assert_eq!((inside, edits.len() - inside), (6, 5));
    assert_eq!(session(&edits), edits.len() + 1);
}

/// A request cancelled by a later `$/cancelRequest`, or about a document a
/// later change edits, is answered as such, without being worked on, when
/// the server takes them off the transport together; the others are
/// answered.
#[test]
fn cancelled_and_stale_requests_are_answered_without_work() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (mut session, _, paths) = initialized(dir.path());
    let claim = uri(&paths[1]);
    session.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": claim, "languageId": "flow", "version": 1, "text": FILES[1].1}}),
    );
    let hover = json!({"textDocument": {"uri": claim}, "position": {"line": 3, "character": 4}});
    let cancelled = session.request("textDocument/hover", hover.clone());
    session.notify("$/cancelRequest", json!({"id": cancelled}));
    let stale = session.request("textDocument/hover", hover.clone());
    session.apply(1, &Edit::Type { at: 0, text: 2 });
    let answered = session.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": claim}}),
    );
    session.request("shutdown", Value::Null);
    session.notify("exit", Value::Null);
    let output = Output::default();
    flowc::lsp::run_on(Cursor::new(session.input), output.clone())
        .expect("the server ends cleanly");
    let written = output.0.lock().expect("not poisoned").clone();
    let answers: std::collections::BTreeMap<i64, Value> = messages(&written)
        .into_iter()
        .filter_map(|message| Some((message["id"].as_i64()?, message)))
        .collect();
    assert_eq!(answers[&cancelled]["error"]["code"], -32800, "{answers:?}");
    assert_eq!(answers[&stale]["error"]["code"], -32801, "{answers:?}");
    assert!(answers[&answered]["result"].is_array(), "{answers:?}");
}

/// The model and the name index the server keeps between edits
/// (`model::build_kept`, `NameIndex::build_kept`), after each edit of a
/// sequence, against a fresh build of the same texts (their `Debug` text:
/// every field of every process, problem and occurrence); returns how
/// many files each edit built again.
fn kept_model_session(edits: &[(usize, Edit)]) -> Vec<usize> {
    use flowc::model::names::{KeptNames, NameIndex};
    use flowc::source::SourceFile;
    use flowc::syntax::Parsed;
    let mut texts: Vec<String> = FILES.iter().map(|(_, text)| text.to_string()).collect();
    let files = |texts: &[String]| -> Vec<SourceFile> {
        FILES
            .iter()
            .zip(texts)
            .map(|((name, _), text)| SourceFile::from_text(*name, text.as_str()))
            .collect()
    };
    let mut parses: Vec<Arc<Parsed>> = files(&texts)
        .iter()
        .map(|file| Arc::new(flowc::model::parse(file)))
        .collect();
    let (mut model, mut names) = (flowc::model::KeptModel::default(), KeptNames::default());
    let mut built = Vec::new();
    for step in 0..=edits.len() {
        if let Some((file, edit)) = step.checked_sub(1).map(|at| &edits[at]) {
            texts[*file] = edited(&texts[*file], *file, edit).1;
            parses[*file] = Arc::new(flowc::model::parse(&files(&texts)[*file]));
        }
        let kept = flowc::model::build_kept(files(&texts), &parses, &mut model);
        let borrowed: Vec<&Parsed> = parses.iter().map(Arc::as_ref).collect();
        let kept_names = NameIndex::build_kept(&kept, &borrowed, &model, &mut names);
        let fresh = flowc::model::build_parsed(files(&texts), &borrowed);
        let fresh_names = NameIndex::build_parsed(&fresh, &borrowed);
        assert_eq!(
            format!("{kept:?}"),
            format!("{fresh:?}"),
            "the model after {step} of the edits {edits:?}"
        );
        assert_eq!(
            format!("{kept_names:?}"),
            format!("{fresh_names:?}"),
            "the names after {step} of the edits {edits:?}"
        );
        built.push(model.files_built());
    }
    built
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_kept_model_and_names_are_those_of_a_fresh_build(
        edits in prop::collection::vec((0..FILES.len(), edit()), 1..24)
    ) {
        prop_assert_eq!(kept_model_session(&edits).len(), edits.len() + 1);
    }
}

/// An edit inside one process's steps builds that file again and keeps
/// the others; renaming a role every file can name builds them all again;
/// a callee's input renamed builds its callers again.
#[test]
fn an_edit_builds_again_only_the_files_it_can_change() {
    let edits = [
        (1, Edit::Body { change: 0 }),
        (3, Edit::Body { change: 1 }),
        (3, Edit::Retype),
        (0, Edit::Rename { name: 0 }),
        (0, Edit::Restore),
        (1, Edit::Restore),
    ];
    // The first build builds every file; the retyped input's file and its
    // caller's (`purchase.flow`) are built again.
    assert_eq!(kept_model_session(&edits), vec![5, 1, 1, 2, 5, 5, 1]);
}

/// Opens the first [`OPEN`] files with `texts`.
fn open_all(session: &mut Session, texts: &[String]) {
    let paths = session.paths.clone();
    for (path, text) in paths.iter().zip(texts).take(OPEN) {
        session.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": "flow", "version": 1, "text": text}}),
        );
    }
}

/// The answers (by request id) a server wrote.
fn answers(written: &[u8]) -> std::collections::BTreeMap<i64, Value> {
    messages(written)
        .into_iter()
        .filter_map(|message| {
            let id = message["id"].as_i64()?;
            let answer = message.get("result").or(message.get("error"))?.clone();
            Some((id, answer))
        })
        .collect()
}

/// Runs a session to its end; what the server wrote.
fn run(mut session: Session) -> Vec<u8> {
    session.request("shutdown", Value::Null);
    session.notify("exit", Value::Null);
    let output = Output::default();
    flowc::lsp::run_on(Cursor::new(session.input), output.clone())
        .expect("the server ends cleanly");
    output.0.lock().expect("not poisoned").clone()
}

/// Asks for hover and completion at every 37th byte of `file`; the ids.
fn ask_everywhere(session: &mut Session, file: usize) -> Vec<i64> {
    let text = session.texts[file].clone();
    let lines = Lines::new(&text, Encoding::Utf16);
    let uri = uri(&session.paths[file]);
    let mut ids = Vec::new();
    for at in (0..text.len()).step_by(37) {
        let position = lines.position(at);
        let params = json!({"textDocument": {"uri": uri}, "position": position});
        ids.push(session.request("textDocument/hover", params.clone()));
        ids.push(session.request("textDocument/completion", params));
    }
    ids
}

/// Hover and completion asked right after `edits` (answered from the model
/// before the rules run) against the same asked of a fresh server once it
/// has analysed the same texts; returns how many answers were compared.
fn hover_and_completion_session(edits: &[(usize, Edit)]) -> usize {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (mut session, _, _) = initialized(dir.path());
    let originals = session.texts.clone();
    open_all(&mut session, &originals);
    for (file, edit) in edits {
        session.apply(file % OPEN, edit);
    }
    let file = edits.last().map_or(1, |(file, _)| file % OPEN);
    let texts = session.texts.clone();
    let asked = ask_everywhere(&mut session, file);
    let quick = answers(&run(session));

    let (mut fresh, _, _) = initialized(dir.path());
    open_all(&mut fresh, &texts);
    fresh.texts = texts;
    let sync = json!({"textDocument": {"uri": "file:///nowhere/sync.flow"}});
    fresh.request("textDocument/documentSymbol", sync);
    let asked_fresh = ask_everywhere(&mut fresh, file);
    let analysed = answers(&run(fresh));
    let mut compared = 0;
    for (id, id_fresh) in asked.iter().zip(&asked_fresh) {
        assert_eq!(
            quick.get(id),
            analysed.get(id_fresh),
            "request {id} after the edits {edits:?}"
        );
        assert!(quick.contains_key(id), "request {id} was answered");
        compared += 1;
    }
    compared
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn hover_and_completion_right_after_edits_are_those_after_the_analysis(
        edits in prop::collection::vec((0..FILES.len(), edit()), 1..8)
    ) {
        prop_assert!(hover_and_completion_session(&edits) > 20);
    }
}
