//! `flowc watch [PATH] [--port N]`: the handbook of a project served on
//! localhost, rebuilt when a `.flow` file or `flowc.toml` changes.
//!
//! Open pages learn of a rebuild through server-sent events (`/events`)
//! and reload themselves. Each event stream answers as soon as the
//! handbook is newer than the page (or after a while, with nothing), and
//! the browser's `EventSource` reconnects at once: a long poll in SSE
//! form, which a plain blocking HTTP server serves without streaming.
//! While the project has errors the last good handbook stays, with the
//! diagnostics on top of every page.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, SystemTime};

use tiny_http::{Header, Request, Response, Server};

use crate::diagnostics::{self, Style};
use crate::emit::doc::html::{LIVE_MARKER, escape};

use super::doc::{DocFormat, Look, has_errors, site};
use super::output::stderr_line;
use super::{EXIT_CANNOT_RUN, analyse_paths};

/// How often the files are looked at.
const POLL: Duration = Duration::from_millis(200);
/// How long an event stream waits for a rebuild before it answers empty.
const EVENT_WAIT: Duration = Duration::from_secs(20);

/// Arguments of `flowc watch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project directory (default: the current directory).
    path: Option<PathBuf>,
    /// The port to serve on (0 picks a free one).
    #[arg(long, default_value_t = 8040)]
    port: u16,
    /// The address to bind; only this machine can connect to the default.
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    #[command(flatten)]
    look: Look,
}

/// What the server serves.
#[derive(Debug, Default)]
struct Live {
    /// Tells this run of `flowc watch` from an earlier one, so a page
    /// served by a server since restarted reloads at once.
    epoch: u64,
    /// Goes up by one at every rebuild.
    version: u64,
    /// The last good handbook.
    files: BTreeMap<String, Vec<u8>>,
    /// The diagnostics of the current files, as HTML, while they have
    /// errors.
    problems: Option<String>,
}

type Shared = Arc<(Mutex<Live>, Condvar)>;

/// Serves until interrupted.
pub fn run(args: &Args) -> u8 {
    let root = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
    if !root.exists() {
        stderr_line!("error: {} does not exist", root.display());
        return EXIT_CANNOT_RUN;
    }
    let server = match Server::http((args.host.as_str(), args.port)) {
        Ok(server) => server,
        Err(error) => {
            stderr_line!(
                "error: cannot listen on {}:{}: {error}",
                args.host,
                args.port
            );
            return EXIT_CANNOT_RUN;
        }
    };
    let Some(bound) = server.server_addr().to_ip() else {
        stderr_line!("error: {}:{} is not an IP address", args.host, args.port);
        return EXIT_CANNOT_RUN;
    };
    let address = bound.to_string();
    let hosts = Arc::new(AllowedHosts::new(&args.host, bound));
    if !bound.ip().is_loopback() {
        stderr_line!(
            "warning: serving on {address}, which is NOT this machine only: anyone who can reach it reads the handbook and its live errors\nhelp: leave out --host to serve on 127.0.0.1 only"
        );
    }
    let epoch = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let live = Live {
        epoch: epoch ^ u64::from(std::process::id()),
        ..Live::default()
    };
    let shared: Shared = Arc::new((Mutex::new(live), Condvar::new()));
    rebuild(&root, &args.look, &shared);
    stderr_line!(
        "serving the handbook of {} on http://{address}/ (Ctrl-C to stop)",
        root.display()
    );
    let server_state = Arc::clone(&shared);
    std::thread::spawn(move || serve(server, server_state, hosts));
    // A file given stands for its whole project: watch all of it.
    let mut watched = crate::source::project_root(&root);
    if watched.as_os_str().is_empty() {
        watched = PathBuf::from(".");
    }
    let mut seen = fingerprint(&watched);
    loop {
        std::thread::sleep(POLL);
        let now = fingerprint(&watched);
        if now != seen {
            seen = now;
            rebuild(&root, &args.look, &shared);
        }
    }
}

/// The files that make the project, with their sizes and times: when it
/// changes, the handbook is rebuilt.
fn fingerprint(root: &PathBuf) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy();
            name.ends_with(".flow") || name == crate::source::CONFIG_FILE
        })
        .filter_map(|entry| {
            let metadata = entry.metadata().ok()?;
            Some((
                entry.path().to_path_buf(),
                metadata.len(),
                metadata.modified().ok(),
            ))
        })
        .collect();
    files.sort();
    files
}

/// Rebuilds the handbook; with errors, keeps the last good one and
/// records the diagnostics.
fn rebuild(root: &PathBuf, look: &Look, shared: &Shared) {
    let outcome = build(root, look);
    let (lock, changed) = &**shared;
    let Ok(mut live) = lock.lock() else {
        return;
    };
    match outcome {
        Ok(files) => {
            stderr_line!("rebuilt the handbook: {} pages", files.len());
            live.files = files;
            live.problems = None;
        }
        Err(problems) => {
            stderr_line!("the project has errors; showing the last good handbook with them");
            live.problems = Some(problems);
        }
    }
    live.version += 1;
    changed.notify_all();
}

/// The handbook, or the diagnostics as HTML.
fn build(root: &PathBuf, look: &Look) -> Result<BTreeMap<String, Vec<u8>>, String> {
    let analyses = match analyse_paths(std::slice::from_ref(root), look.today()) {
        Ok(analyses) => analyses,
        Err(_) => {
            return Err(format!(
                "<pre>cannot read {}</pre>",
                escape(&root.display().to_string())
            ));
        }
    };
    if has_errors(&analyses) {
        let mut text = String::new();
        for analysis in &analyses {
            text.push_str(&diagnostics::render_human(
                &analysis.diagnostics,
                &analysis.project.files,
                Style::Plain,
            ));
        }
        return Err(format!("<pre>{}</pre>", escape(&text)));
    }
    let options = look
        .options()
        .map_err(|message| format!("<p>{}</p>", escape(&message)))?;
    site(&analyses, options, DocFormat::Html)
        .map_err(|message| format!("<p>{}</p>", escape(&message)))
}

/// The `Host` values a request may carry: the loopback names with the
/// port, and the `--host` given when it names another. A page served
/// under any other name (DNS rebinding: `attacker.example` resolving to
/// 127.0.0.1) is refused, so a website cannot read the handbook.
#[derive(Debug)]
struct AllowedHosts(Vec<String>);

impl AllowedHosts {
    fn new(host: &str, bound: std::net::SocketAddr) -> Self {
        let port = bound.port();
        let mut names: Vec<String> = ["localhost", "127.0.0.1", "[::1]"]
            .iter()
            .map(|name| format!("{name}:{port}"))
            .collect();
        let given = if host.contains(':') && !host.starts_with('[') {
            format!("[{host}]")
        } else {
            host.to_string()
        };
        names.push(format!("{}:{port}", given.to_ascii_lowercase()));
        names.push(bound.to_string());
        AllowedHosts(names)
    }

    /// Whether `host` (a `Host` header) is one of them.
    fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        self.0.contains(&host)
    }

    /// Whether `origin` (an `Origin` header) is a page of this server.
    fn allows_origin(&self, origin: &str) -> bool {
        origin
            .trim()
            .strip_prefix("http://")
            .is_some_and(|host| self.allows(host))
    }
}

fn serve(server: Server, shared: Shared, hosts: Arc<AllowedHosts>) {
    for request in server.incoming_requests() {
        let shared = Arc::clone(&shared);
        let hosts = Arc::clone(&hosts);
        std::thread::spawn(move || respond(request, &shared, &hosts));
    }
}

/// The value of the request header `name`, if sent.
fn header_value<'a>(request: &'a Request, name: &'static str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|header| header.field.equiv(name))
        .map(|header| header.value.as_str())
}

fn respond(request: Request, shared: &Shared, hosts: &AllowedHosts) {
    let url = request.url().to_string();
    let (raw_path, query) = url.split_once('?').unwrap_or((&url, ""));
    let path = percent_encoding::percent_decode_str(raw_path).decode_utf8_lossy();
    let origin_refused =
        header_value(&request, "Origin").is_some_and(|origin| !hosts.allows_origin(origin));
    let response = if !header_value(&request, "Host").is_some_and(|host| hosts.allows(host)) {
        refusal(
            421,
            "flowc watch answers only requests for this machine (Host header)",
        )
    } else if path == "/events" && origin_refused {
        refusal(
            403,
            "flowc watch sends its events only to its own pages (Origin header)",
        )
    } else if path == "/events" {
        let since = last_event_id(&request).or_else(|| query_version(query));
        events(shared, since.as_deref())
    } else if path == "/favicon.ico" {
        // The handbook has no icon; say so without an error in the console.
        Response::from_data(Vec::new()).with_status_code(204)
    } else {
        page(shared, &path)
    };
    let _ = request.respond(response);
}

/// A refused request: `status` and a plain-text reason.
fn refusal(status: u16, reason: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(reason.as_bytes().to_vec())
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

/// The version the browser last saw, as `EPOCH.VERSION`: from the
/// `Last-Event-ID` header on a reconnection, else from `?v=` of the page.
fn last_event_id(request: &Request) -> Option<String> {
    header_value(request, "Last-Event-ID").map(|value| value.trim().to_string())
}

fn query_version(query: &str) -> Option<String> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("v="))
        .map(str::to_string)
}

/// `EPOCH.VERSION` of a live handbook.
fn tag(live: &Live) -> String {
    format!("{}.{}", live.epoch, live.version)
}

fn header(name: &str, value: &str) -> Header {
    // Both are ASCII constants of this file.
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("an ASCII header")
}

/// One server-sent event, carrying the handbook's `EPOCH.VERSION`, as soon
/// as it differs from `since` (at once when `since` is from an earlier
/// run), or after a while with the same; `retry` makes the browser
/// reconnect at once.
fn events(shared: &Shared, since: Option<&str>) -> Response<std::io::Cursor<Vec<u8>>> {
    let (lock, changed) = &**shared;
    let current = match lock.lock() {
        Ok(live) => {
            let since = since.map_or_else(|| tag(&live), str::to_string);
            match changed.wait_timeout_while(live, EVENT_WAIT, |live| tag(live) == since) {
                Ok((live, _)) => tag(&live),
                Err(_) => since,
            }
        }
        Err(_) => String::new(),
    };
    // The tag is digits and a dot; nothing a browser sent is echoed.
    let current: String = current
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let body = format!("retry: 100\nid: {current}\ndata: {current}\n\n");
    Response::from_data(body.into_bytes())
        .with_header(header("Content-Type", "text/event-stream; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
}

/// A page of the last good handbook, with the live banner and script.
fn page(shared: &Shared, path: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let (lock, _) = &**shared;
    let Ok(live) = lock.lock() else {
        return Response::from_string("flowc watch stopped").with_status_code(500);
    };
    let name = match path.trim_start_matches('/') {
        "" => "index.html",
        name => name,
    };
    let banner = live_banner(&live);
    let (status, body) = match live.files.get(name) {
        Some(bytes) => (
            200,
            String::from_utf8_lossy(bytes).replacen(LIVE_MARKER, &banner, 1),
        ),
        None => (
            404,
            format!(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Not found</title></head><body>{banner}<h1>Not found</h1><p>No page <code>{}</code> in the handbook. <a href=\"/\">All processes</a></p></body></html>",
                escape(name)
            ),
        ),
    };
    Response::from_data(body.into_bytes())
        .with_status_code(status)
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
}

/// The diagnostics banner (while there are errors) and the script that
/// reloads the page when the handbook changes.
fn live_banner(live: &Live) -> String {
    let mut html = String::new();
    if let Some(problems) = &live.problems {
        html.push_str("<section class=\"live diagnostics\" id=\"live-errors\"><h2>The project has errors</h2><p>This page shows the last version that built. Fix these and it updates by itself:</p>");
        html.push_str(problems);
        html.push_str("</section>");
    }
    html.push_str(&format!(
        "<script>new EventSource('/events?v={v}').onmessage = function (event) {{ if (event.data !== '{v}') location.reload(); }};</script>",
        v = tag(live)
    ));
    html
}
