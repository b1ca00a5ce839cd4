//! The language server: `flowc lsp` speaks LSP over standard input and
//! output.
//!
//! Built on rust-analyzer's `lsp-server` crate: a synchronous loop over a
//! channel of JSON-RPC messages (filled by the transport's reader thread),
//! no async runtime; `tower-lsp-server` would add tokio and an async trait
//! for nothing. The loop takes every waiting message before it analyses,
//! so a burst of changes is analysed once; it answers cancelled and stale
//! requests without work, gives up an analysis for diagnostics when a
//! newer message arrives, and publishes only the diagnostics that changed
//! (`docs/editors.md`, *Incremental analysis*). The handlers are thin:
//! each file of this module turns LSP requests into calls to the library
//! (`analysis::analyse`, the model's name index, `fmt::format`) and the
//! answers back into LSP types.

mod actions;
mod completion;
mod diagnostics;
mod hover;
mod navigation;
pub mod position;
mod symbols;
pub mod transport;
mod workspace;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::PathBuf;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, InitializeParams, OneOf, PrepareRenameResponse, RenameOptions,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri, notification, request,
};
use serde_json::Value;

use position::{Encoding, Lines};
use workspace::Workspace;

/// Why the server stopped abnormally.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// Runs the server on standard input and output until the client says
/// `exit` (framed by flowc's own [`transport`], which answers unreadable
/// messages and goes on).
pub(crate) fn run_stdio() -> Result<(), Error> {
    run_on(std::io::BufReader::new(std::io::stdin()), std::io::stdout())
}

/// Runs the server on any byte streams until the client says `exit` or
/// `input` ends; every message is written to `output` before it returns.
pub fn run_on(
    input: impl std::io::BufRead + Send + 'static,
    output: impl std::io::Write + Send + 'static,
) -> Result<(), Error> {
    let (connection, transport) = transport::connect(input, output)?;
    let served = serve(&connection);
    drop(connection);
    transport.finish()?;
    served
}

/// Initialises and serves one client on `connection`.
pub fn serve(connection: &Connection) -> Result<(), Error> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|general| general.position_encodings.as_deref());
    let encoding = Encoding::negotiate(offered);
    let result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": ServerInfo {
            name: "flowc".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        },
    });
    connection.initialize_finish(id, result)?;
    Server {
        connection,
        workspace: Workspace::new(encoding),
        dirty: BTreeSet::new(),
        edited: BTreeSet::new(),
        published: BTreeMap::new(),
        sources: BTreeMap::new(),
        last_error: None,
        pending: VecDeque::new(),
    }
    .run()
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(lsp_types::HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".to_string(), ">".to_string(), "(".to_string()]),
            ..CompletionOptions::default()
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// Whether an analysis for diagnostics may be given up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Interrupt {
    /// Never: a request waits for it.
    Never,
    /// When a message arrives.
    ByMessages,
}

struct Server<'a> {
    connection: &'a Connection,
    workspace: Workspace,
    /// Project roots whose diagnostics must be published again.
    dirty: BTreeSet<PathBuf>,
    /// Documents changed since their diagnostics were last published.
    edited: BTreeSet<String>,
    /// The diagnostics last sent for each file (files last sent none are
    /// left out).
    published: BTreeMap<String, Vec<lsp_types::Diagnostic>>,
    /// What the diagnostics last converted for each file were made from.
    sources: BTreeMap<String, diagnostics::Source>,
    /// The last project that could not be analysed, and why.
    last_error: Option<String>,
    /// Messages received and not handled yet, in order.
    pending: VecDeque<Message>,
}

impl Server<'_> {
    /// Serves until `exit`. Every message already received is taken off
    /// the transport before anything is analysed, so a burst of changes is
    /// analysed once, for the latest text; a request that a later
    /// `$/cancelRequest` cancels, or whose document a later change edits,
    /// is answered as cancelled without being worked on.
    fn run(mut self) -> Result<(), Error> {
        while let Some(message) = self.next_message() {
            match message {
                Message::Request(request) => {
                    if request.method == request::Shutdown::METHOD {
                        return self.shutdown(request);
                    }
                    let response = match self.stale(&request) {
                        Some(response) => response,
                        None => {
                            // Answers come after the diagnostics of every change
                            // received before them (the analysis is shared),
                            // but for hover and completion, which read the
                            // model alone and are answered from it at once.
                            if !reads_model_alone(&request.method) {
                                self.publish(Interrupt::Never)?;
                            }
                            self.isolated_request(request)
                        }
                    };
                    self.connection.sender.send(Message::Response(response))?;
                }
                Message::Notification(notification) => self.isolated_notification(notification)?,
                Message::Response(_) => {}
            }
            self.take_waiting();
            if self.pending.is_empty() {
                self.publish(Interrupt::ByMessages)?;
            }
        }
        Ok(())
    }

    /// The next message: the oldest one taken off the transport, else the
    /// next one to arrive; `None` once the input has ended.
    fn next_message(&mut self) -> Option<Message> {
        if self.pending.is_empty() {
            let message = self.connection.receiver.recv().ok()?;
            self.pending.push_back(message);
        }
        self.take_waiting();
        self.pending.pop_front()
    }

    /// Takes every message the transport holds, without waiting.
    fn take_waiting(&mut self) {
        self.pending.extend(self.connection.receiver.try_iter());
    }

    /// The answer to a request made stale by a message received after it:
    /// a `$/cancelRequest` of its id, or a change to the document it is
    /// about.
    fn stale(&mut self, request: &Request) -> Option<Response> {
        self.take_waiting();
        let document = request
            .params
            .pointer("/textDocument/uri")
            .and_then(Value::as_str);
        let later = |message: &Message| -> Option<ErrorCode> {
            let Message::Notification(notification) = message else {
                return None;
            };
            match notification.method.as_str() {
                notification::Cancel::METHOD => {
                    let id = notification.params.get("id")?;
                    let id: lsp_server::RequestId = serde_json::from_value(id.clone()).ok()?;
                    (id == request.id).then_some(ErrorCode::RequestCanceled)
                }
                notification::DidChangeTextDocument::METHOD
                | notification::DidCloseTextDocument::METHOD => {
                    let changed = notification
                        .params
                        .pointer("/textDocument/uri")
                        .and_then(Value::as_str);
                    (document.is_some() && changed == document)
                        .then_some(ErrorCode::ContentModified)
                }
                _ => None,
            }
        };
        let code = self.pending.iter().find_map(later)?;
        let message = match code {
            ErrorCode::RequestCanceled => "cancelled by the client",
            _ => "the document changed after the request",
        };
        Some(Response::new_err(
            request.id.clone(),
            code as i32,
            message.to_string(),
        ))
    }

    /// Answers `shutdown` and waits for `exit`, as `lsp-server` does, taking
    /// the messages already received first.
    fn shutdown(mut self, request: Request) -> Result<(), Error> {
        if self.pending.is_empty() {
            self.connection.handle_shutdown(&request)?;
            return Ok(());
        }
        let response = Response::new_ok(request.id, ());
        self.connection.sender.send(response.into())?;
        match self.pending.pop_front() {
            Some(Message::Notification(exit)) if exit.method == notification::Exit::METHOD => {
                Ok(())
            }
            other => Err(format!("unexpected message during shutdown: {other:?}").into()),
        }
    }

    /// Publishes the diagnostics of every project changed since the last
    /// time: first the documents opened or edited since (always, so an
    /// editor sees its edit answered), then every other file, open or not,
    /// whose diagnostics differ from what it was last sent (an unchanged
    /// file gets no message, which could only arrive after the editor's
    /// next edit and read as its answer). With [`Interrupt::ByMessages`],
    /// an analysis is given up as soon as a message arrives (likely a
    /// newer edit, which makes it stale); its project stays to publish.
    fn publish(&mut self, interrupt: Interrupt) -> Result<(), Error> {
        let receiver = &self.connection.receiver;
        let stop = || interrupt == Interrupt::ByMessages && !receiver.is_empty();
        while let Some(root) = self.dirty.pop_first() {
            let snapshot = match self.workspace.checked_unless(&root, &stop) {
                Ok(None) => {
                    self.dirty.insert(root);
                    return Ok(());
                }
                Ok(Some(snapshot)) => snapshot,
                Err(message) => {
                    // Once per distinct problem, not once per keystroke.
                    if self.last_error.as_ref() != Some(&message) {
                        self.show_error(&message)?;
                        self.last_error = Some(message);
                    }
                    continue;
                }
            };
            self.last_error = None;
            // A file is converted again when it was edited or what its
            // diagnostics are made from changed.
            let sources = &mut self.sources;
            let edited_files = &self.edited;
            let converted =
                diagnostics::for_project(&snapshot, self.workspace.encoding, |uri, source| {
                    let same = sources.get(uri.as_str()) == Some(&source);
                    if !same {
                        sources.insert(uri.as_str().to_string(), source);
                    }
                    !same || edited_files.contains(uri.as_str())
                });
            let (edited, others): (Vec<_>, Vec<_>) = converted
                .into_iter()
                .partition(|params| self.edited.contains(params.uri.as_str()));
            for params in edited.into_iter().chain(others) {
                let key = params.uri.as_str().to_string();
                let edited = self.edited.remove(&key);
                let last = self.published.get(&key).map_or(&[][..], Vec::as_slice);
                if last == params.diagnostics.as_slice() && !edited {
                    continue;
                }
                if params.diagnostics.is_empty() {
                    self.published.remove(&key);
                } else {
                    self.published.insert(key, params.diagnostics.clone());
                }
                self.notify::<notification::PublishDiagnostics>(params)?;
            }
        }
        Ok(())
    }

    fn notify<N: lsp_types::notification::Notification>(
        &self,
        params: N::Params,
    ) -> Result<(), Error> {
        let message = Notification::new(N::METHOD.to_string(), params);
        self.connection
            .sender
            .send(Message::Notification(message))?;
        Ok(())
    }

    fn show_error(&self, message: &str) -> Result<(), Error> {
        self.notify::<notification::ShowMessage>(lsp_types::ShowMessageParams {
            typ: lsp_types::MessageType::ERROR,
            message: format!("flowc: {message}"),
        })
    }

    /// Answers `request`; a panic while answering (a bug) answers this one
    /// request with an internal error and the server stays up, as
    /// rust-analyzer does. The analysis cache is dropped, as it may be
    /// half updated.
    fn isolated_request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        let method = request.method.clone();
        let answered =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.request(request)));
        answered.unwrap_or_else(|_| {
            self.workspace.reset();
            Response::new_err(
                id,
                ErrorCode::InternalError as i32,
                format!("flowc lsp failed on `{method}` (a bug; please report it)"),
            )
        })
    }

    /// Handles `notification`; one with bad params, or one whose handling
    /// panics, is logged to the client and the server stays up
    /// (a notification has no answer to carry an error).
    fn isolated_notification(&mut self, notification: Notification) -> Result<(), Error> {
        let method = notification.method.clone();
        let handled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.notification(notification)
        }));
        let problem = match handled {
            Ok(Ok(())) => return Ok(()),
            Ok(Err(error)) => format!("flowc lsp ignored `{method}`: {error}"),
            Err(_) => {
                self.workspace.reset();
                format!("flowc lsp failed on `{method}` (a bug; please report it)")
            }
        };
        self.notify::<notification::LogMessage>(lsp_types::LogMessageParams {
            typ: lsp_types::MessageType::ERROR,
            message: problem,
        })
    }

    fn notification(&mut self, notification: Notification) -> Result<(), Error> {
        let root = match notification.method.as_str() {
            notification::DidOpenTextDocument::METHOD => {
                let params: DidOpenTextDocumentParams =
                    serde_json::from_value(notification.params)?;
                self.edited
                    .insert(params.text_document.uri.as_str().to_string());
                self.workspace
                    .set(params.text_document.uri, params.text_document.text)
            }
            notification::DidChangeTextDocument::METHOD => {
                let params: DidChangeTextDocumentParams =
                    serde_json::from_value(notification.params)?;
                self.edited
                    .insert(params.text_document.uri.as_str().to_string());
                self.change(params)
            }
            notification::DidCloseTextDocument::METHOD => {
                let params: DidCloseTextDocumentParams =
                    serde_json::from_value(notification.params)?;
                self.workspace.close(&params.text_document.uri)
            }
            notification::DidSaveTextDocument::METHOD => {
                let _: DidSaveTextDocumentParams = serde_json::from_value(notification.params)?;
                self.workspace.invalidate();
                self.dirty.extend(self.workspace.open_roots());
                None
            }
            // Files created, changed or deleted outside the editor (the
            // VS Code extension watches `*.flow` and `flowc.toml`).
            notification::DidChangeWatchedFiles::METHOD => {
                self.workspace.invalidate();
                self.dirty.extend(self.workspace.open_roots());
                None
            }
            _ => None,
        };
        self.dirty.extend(root);
        Ok(())
    }

    /// Applies the changes of a `didChange` (whole text or ranges).
    fn change(&mut self, params: DidChangeTextDocumentParams) -> Option<PathBuf> {
        let uri = params.text_document.uri;
        let mut text = self.workspace.document(&uri)?.text.clone();
        for change in params.content_changes {
            match change.range {
                Some(range) => {
                    let lines = Lines::new(&text, self.workspace.encoding);
                    let start = lines.offset(range.start);
                    let end = lines.offset(range.end).max(start);
                    text.replace_range(start..end, &change.text);
                }
                None => text = change.text,
            }
        }
        self.workspace.set(uri, text)
    }

    fn request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        match self.answer(request) {
            Ok(result) => Response::new_ok(id, result),
            Err(Failure::BadParams(message)) => {
                Response::new_err(id, ErrorCode::InvalidParams as i32, message)
            }
            Err(Failure::Refused(message)) => {
                Response::new_err(id, ErrorCode::RequestFailed as i32, message)
            }
            Err(Failure::Unknown(method)) => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("flowc lsp does not handle `{method}`"),
            ),
        }
    }

    fn answer(&mut self, request: Request) -> Result<Value, Failure> {
        let encoding = self.workspace.encoding;
        match request.method.as_str() {
            request::HoverRequest::METHOD => {
                let params: lsp_types::HoverParams = params(request)?;
                let at = params.text_document_position_params;
                let snapshot = self.snapshot(&at.text_document.uri)?;
                json(hover::hover(
                    &snapshot,
                    &at.text_document.uri,
                    at.position,
                    encoding,
                ))
            }
            request::GotoDefinition::METHOD => {
                let params: lsp_types::GotoDefinitionParams = params(request)?;
                let at = params.text_document_position_params;
                let snapshot = self.snapshot(&at.text_document.uri)?;
                json(navigation::definition(
                    &snapshot,
                    &at.text_document.uri,
                    at.position,
                    encoding,
                ))
            }
            request::References::METHOD => {
                let params: lsp_types::ReferenceParams = params(request)?;
                let at = params.text_document_position;
                let snapshot = self.snapshot(&at.text_document.uri)?;
                json(navigation::references(
                    &snapshot,
                    &at.text_document.uri,
                    at.position,
                    params.context.include_declaration,
                    encoding,
                ))
            }
            request::PrepareRenameRequest::METHOD => {
                let at: lsp_types::TextDocumentPositionParams = params(request)?;
                let snapshot = self.snapshot(&at.text_document.uri)?;
                let found = navigation::prepare_rename(
                    &snapshot,
                    &at.text_document.uri,
                    at.position,
                    encoding,
                );
                json(found.map(|(range, placeholder)| {
                    PrepareRenameResponse::RangeWithPlaceholder { range, placeholder }
                }))
            }
            request::Rename::METHOD => {
                let params: lsp_types::RenameParams = params(request)?;
                let at = params.text_document_position;
                let snapshot = self.snapshot(&at.text_document.uri)?;
                let edit = navigation::rename(
                    &snapshot,
                    &at.text_document.uri,
                    at.position,
                    &params.new_name,
                    encoding,
                )
                .map_err(Failure::Refused)?;
                json(edit)
            }
            request::Completion::METHOD => {
                let params: lsp_types::CompletionParams = params(request)?;
                let at = params.text_document_position;
                let uri = &at.text_document.uri;
                let text = self.text(uri)?;
                let offset = Lines::new(&text, encoding).offset(at.position);
                let snapshot = self.workspace.snapshot_for(uri).ok();
                let project = snapshot.as_ref().map(|snapshot| &snapshot.project);
                json(completion::complete(&text, offset, project))
            }
            request::DocumentSymbolRequest::METHOD => {
                let params: lsp_types::DocumentSymbolParams = params(request)?;
                let text = self.text(&params.text_document.uri)?;
                let lines = Lines::new(&text, encoding);
                json(lsp_types::DocumentSymbolResponse::Nested(symbols::outline(
                    &text, &lines,
                )))
            }
            request::Formatting::METHOD => {
                let params: lsp_types::DocumentFormattingParams = params(request)?;
                let text = self.text(&params.text_document.uri)?;
                json(actions::format(&text, encoding))
            }
            request::CodeActionRequest::METHOD => {
                let params: lsp_types::CodeActionParams = params(request)?;
                let uri = &params.text_document.uri;
                let snapshot = self.workspace.checked_for(uri).map_err(Failure::Refused)?;
                json(actions::code_actions(
                    &snapshot,
                    uri,
                    &params.context.diagnostics,
                    encoding,
                ))
            }
            _ => Err(Failure::Unknown(request.method)),
        }
    }

    fn snapshot(&mut self, uri: &Uri) -> Result<std::rc::Rc<workspace::Snapshot>, Failure> {
        self.workspace.snapshot_for(uri).map_err(Failure::Refused)
    }

    /// The text of a document: the editor's when open, else the file's.
    fn text(&self, uri: &Uri) -> Result<String, Failure> {
        if let Some(document) = self.workspace.document(uri) {
            return Ok(document.text.clone());
        }
        let path = position::uri_to_path(uri)
            .ok_or_else(|| Failure::Refused(format!("{}: not open", uri.as_str())))?;
        std::fs::read_to_string(&path)
            .map_err(|error| Failure::Refused(format!("{}: {error}", path.display())))
    }
}

/// Whether a request is answered from the model and the name index alone
/// (not the diagnostics), so it need not wait for the rules: hover and
/// completion, asked for while typing.
fn reads_model_alone(method: &str) -> bool {
    method == request::HoverRequest::METHOD || method == request::Completion::METHOD
}

/// Why a request got no result.
enum Failure {
    BadParams(String),
    Refused(String),
    Unknown(String),
}

fn params<P: serde::de::DeserializeOwned>(request: Request) -> Result<P, Failure> {
    serde_json::from_value(request.params).map_err(|error| Failure::BadParams(error.to_string()))
}

fn json(value: impl serde::Serialize) -> Result<Value, Failure> {
    serde_json::to_value(value).map_err(|error| Failure::Refused(error.to_string()))
}
