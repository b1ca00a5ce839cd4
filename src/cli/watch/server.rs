//! The HTTP server of `flowc watch`: hyper's HTTP/1 server on a
//! single-threaded tokio runtime.
//!
//! hyper is the HTTP stack under axum and most of Rust's servers; it is
//! used directly because the server has three routes and needs hyper's
//! limits (header read timeout, header size and count), not a router.
//! Every connection is a task, not a thread. What one client can hold is
//! bounded:
//! - headers must arrive within [`IDLE_TIMEOUT`] of the connection
//!   opening or of the last response (slowloris, idle keep-alive);
//! - a response that cannot be written for [`IDLE_TIMEOUT`] ends its
//!   connection (a client that does not read);
//! - headers are at most [`MAX_HEADER_BYTES`] bytes, [`MAX_HEADERS`]
//!   lines: beyond, 431 and the connection closes;
//! - at most a number of connections are open (see [`connection_limit`]);
//!   one more closes the oldest, preferring connections that never sent a
//!   whole request, so a flood of idle connections never locks a browser
//!   out.
//!
//! Accepting never stops: when `accept` fails (out of file descriptors),
//! the oldest connection is closed, the server waits a little (up to a
//! second) and tries again; the failure is said once.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{self, HeaderMap, HeaderName};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::time::Sleep;

use super::Shared;
use super::answer::{Answer, RequestHead, answer, event, refusal, tag};
use crate::cli::output::say;
use crate::i18n::Lang;
use crate::text;

/// How long a connection may wait for a request's headers, or for a
/// response to be taken by the client.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(10);
/// How long an event stream waits for a rebuild before it answers with
/// the same tag.
const EVENT_WAIT: Duration = Duration::from_secs(20);
/// The most bytes of a request line and headers.
pub const MAX_HEADER_BYTES: usize = 32 * 1024;
/// The most header lines of a request.
const MAX_HEADERS: usize = 64;
/// The most connections open at once, whatever the descriptor limit.
const MOST_CONNECTIONS: usize = 512;
/// File descriptors left for the rebuilds (reading the project) and the
/// runtime when the limit of connections is taken from the process's.
const DESCRIPTORS_KEPT: u64 = 32;
/// The longest wait between two attempts to accept after a failure.
const LONGEST_BACKOFF: Duration = Duration::from_secs(1);

/// The default bound on open connections: [`MOST_CONNECTIONS`], or fewer
/// when the process may open fewer file descriptors (`ulimit -n`), so
/// the connections never take the descriptors the rebuilds need.
pub(crate) fn connection_limit() -> usize {
    #[cfg(unix)]
    {
        let descriptors = rustix::process::getrlimit(rustix::process::Resource::Nofile).current;
        if let Some(descriptors) = descriptors {
            let usable = descriptors.saturating_sub(DESCRIPTORS_KEPT).max(1);
            return usize::try_from(usable)
                .map_or(MOST_CONNECTIONS, |usable| usable.min(MOST_CONNECTIONS));
        }
    }
    MOST_CONNECTIONS
}

/// The runtime the server runs on: one thread, with timers and sockets.
pub(crate) fn runtime() -> io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
}

/// Serves `listener` forever with at most `limit` connections open;
/// returns only if the listener cannot be handed to the runtime.
pub fn serve(
    runtime: &tokio::runtime::Runtime,
    listener: std::net::TcpListener,
    shared: Arc<Shared>,
    limit: usize,
) -> io::Error {
    runtime.block_on(async move {
        let listener = match listener
            .set_nonblocking(true)
            .and_then(|()| TcpListener::from_std(listener))
        {
            Ok(listener) => listener,
            Err(error) => return error,
        };
        accept_forever(listener, shared, limit).await
    })
}

/// Accepts connections and serves each on its own task; never returns.
async fn accept_forever(listener: TcpListener, shared: Arc<Shared>, limit: usize) -> ! {
    let connections = Arc::new(Connections::new(limit));
    let mut backoff = Duration::ZERO;
    let mut failure_said = false;
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
                backoff = Duration::ZERO;
                if connections.is_full() {
                    connections.close_one();
                }
                let open = OpenConnection::new(&connections);
                tokio::spawn(serve_connection(stream, open, Arc::clone(&shared)));
            }
            // The client gave up before it was accepted: nothing to do.
            Err(error)
                if matches!(
                    error.kind(),
                    io::ErrorKind::ConnectionAborted
                        | io::ErrorKind::ConnectionReset
                        | io::ErrorKind::Interrupted
                ) => {}
            Err(error) => {
                if !failure_said {
                    let lang = shared.live.lock().map_or(Lang::En, |live| live.lang);
                    say(
                        text!("cli-watch-cannot-accept", error = error.to_string()),
                        lang,
                    );
                    failure_said = true;
                }
                connections.close_one();
                backoff = (backoff * 2).clamp(Duration::from_millis(10), LONGEST_BACKOFF);
                tokio::time::sleep(backoff).await;
            }
        }
    }
}

/// Serves one connection until it ends, times out or is closed to make
/// room for another.
async fn serve_connection(stream: TcpStream, open: OpenConnection, shared: Arc<Shared>) {
    let _ = stream.set_nodelay(true);
    let io = TokioIo::new(WriteDeadline::new(stream, IDLE_TIMEOUT));
    let state = Arc::clone(&open.state);
    let service = service_fn(move |request| {
        state.served.store(true, Ordering::Relaxed);
        respond(request, Arc::clone(&shared))
    });
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(IDLE_TIMEOUT)
        .max_header_size(MAX_HEADER_BYTES)
        .max_buf_size(2 * MAX_HEADER_BYTES)
        .max_headers(MAX_HEADERS);
    let serving = builder.serve_connection(io, service);
    tokio::select! {
        _ = serving => {}
        () = open.state.close.notified() => {}
    }
}

/// The response to `request`.
async fn respond(
    request: Request<Incoming>,
    shared: Arc<Shared>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let headers = request.headers();
    let host = single(headers, &header::HOST);
    let origin = single(headers, &header::ORIGIN);
    let last_event_id = single(headers, &HeaderName::from_static("last-event-id"));
    let target = request.uri().to_string();
    let head = RequestHead {
        method: request.method().as_str(),
        target: &target,
        host: host.as_deref(),
        origin: origin.as_deref(),
        last_event_id: last_event_id.as_deref(),
    };
    let answer = match shared.live.lock() {
        Ok(live) => answer(&head, &live, &shared.hosts),
        Err(poisoned) => Answer::Now(refusal(
            hyper::StatusCode::INTERNAL_SERVER_ERROR,
            text!("watch-refused", why = "stopped"),
            poisoned.get_ref().lang,
        )),
    };
    let response = match answer {
        Answer::Now(response) => response,
        Answer::Event { since } => wait_for_event(&shared, since).await,
    };
    Ok(response.map(|body| Full::new(Bytes::from(body))))
}

/// The value of the header `name`: none when not sent, empty when sent
/// more than once (so no check accepts it), as text.
fn single(headers: &HeaderMap, name: &HeaderName) -> Option<String> {
    let mut values = headers.get_all(name).iter();
    let first = values.next()?;
    if values.next().is_some() {
        return Some(String::new());
    }
    Some(String::from_utf8_lossy(first.as_bytes()).into_owned())
}

/// The event carrying the handbook's tag once it differs from `since`,
/// or after [`EVENT_WAIT`].
async fn wait_for_event(shared: &Shared, since: Option<String>) -> Response<Vec<u8>> {
    let epoch = shared.epoch;
    let mut versions = shared.versions.subscribe();
    let since = since.unwrap_or_else(|| tag(epoch, *versions.borrow()));
    let changed = versions.wait_for(|version| tag(epoch, *version) != since);
    let _ = tokio::time::timeout(EVENT_WAIT, changed).await;
    let now = *versions.borrow();
    event(&tag(epoch, now))
}

/// The open connections, oldest first.
struct Connections {
    limit: usize,
    next: AtomicU64,
    open: Mutex<BTreeMap<u64, Arc<ConnectionState>>>,
}

/// What the server knows of one open connection.
#[derive(Default)]
struct ConnectionState {
    /// Whether it has sent a whole request.
    served: AtomicBool,
    /// Closes it.
    close: Notify,
}

impl Connections {
    fn new(limit: usize) -> Self {
        Connections {
            limit,
            next: AtomicU64::new(0),
            open: Mutex::new(BTreeMap::new()),
        }
    }

    fn is_full(&self) -> bool {
        self.open.lock().is_ok_and(|open| open.len() >= self.limit)
    }

    /// Closes the oldest connection that never sent a whole request, or
    /// else the oldest.
    fn close_one(&self) {
        let Ok(mut open) = self.open.lock() else {
            return;
        };
        let idle = open
            .iter()
            .find(|(_, state)| !state.served.load(Ordering::Relaxed))
            .map(|(id, _)| *id);
        let Some(id) = idle.or_else(|| open.keys().next().copied()) else {
            return;
        };
        if let Some(state) = open.remove(&id) {
            state.close.notify_one();
        }
    }
}

/// A connection counted in [`Connections`] until it is dropped.
struct OpenConnection {
    id: u64,
    state: Arc<ConnectionState>,
    connections: Arc<Connections>,
}

impl OpenConnection {
    fn new(connections: &Arc<Connections>) -> Self {
        let id = connections.next.fetch_add(1, Ordering::Relaxed);
        let state = Arc::new(ConnectionState::default());
        if let Ok(mut open) = connections.open.lock() {
            open.insert(id, Arc::clone(&state));
        }
        OpenConnection {
            id,
            state,
            connections: Arc::clone(connections),
        }
    }
}

impl Drop for OpenConnection {
    fn drop(&mut self) {
        if let Ok(mut open) = self.connections.open.lock() {
            open.remove(&self.id);
        }
    }
}

/// A socket whose writes fail when the client has taken nothing for a
/// while, so a client that never reads cannot hold a connection.
struct WriteDeadline {
    stream: TcpStream,
    timeout: Duration,
    /// Armed while a write waits for the client.
    stalled: Option<Pin<Box<Sleep>>>,
}

impl WriteDeadline {
    fn new(stream: TcpStream, timeout: Duration) -> Self {
        WriteDeadline {
            stream,
            timeout,
            stalled: None,
        }
    }

    /// Passes on a write's outcome: ready disarms the deadline, waiting
    /// arms it and fails once it passes.
    fn watch<T>(
        &mut self,
        outcome: Poll<io::Result<T>>,
        cx: &mut Context<'_>,
    ) -> Poll<io::Result<T>> {
        if outcome.is_ready() {
            self.stalled = None;
            return outcome;
        }
        let timeout = self.timeout;
        let stalled = self
            .stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(timeout)));
        match stalled.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client took nothing of the response",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncRead for WriteDeadline {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for WriteDeadline {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let outcome = Pin::new(&mut self.stream).poll_write(cx, buf);
        self.watch(outcome, cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let outcome = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        self.watch(outcome, cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let outcome = Pin::new(&mut self.stream).poll_flush(cx);
        self.watch(outcome, cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}
