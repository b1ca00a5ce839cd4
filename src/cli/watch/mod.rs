//! `flowc watch [PATH] [--port N]`: the handbook of a project served on
//! localhost, rebuilt when a `.flow` file or `flowc.toml` changes.
//!
//! Open pages learn of a rebuild through server-sent events (`/events`)
//! and reload themselves. Each event stream answers as soon as the
//! handbook is newer than the page (or after a while, with the same
//! tag), and the browser's `EventSource` reconnects at once: a long poll
//! in SSE form. While the project has errors the last good handbook
//! stays, with the diagnostics on top of every page.
//!
//! [`answer`] decides what a request gets; [`server`] is the HTTP server
//! around it, with its timeouts and limits.

pub mod answer;
mod server;

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use crate::analysis::Analysis;
use crate::diagnostics::{self, Style};
use crate::emit::doc::html::escape;
use crate::i18n::Lang;
use crate::text;

use super::doc::{DocFormat, Look, has_errors, site};
use super::output::{say, stderr_line};
use super::{EXIT_CANNOT_RUN, analyse_paths};
use answer::{AllowedHosts, Live};

/// How often the files are looked at.
const POLL: Duration = Duration::from_millis(200);

/// How many more looks a change may take to settle before the handbook is
/// rebuilt anyway: an editor that writes a file in several steps (empty
/// it, then write it) is given up to this many [`POLL`]s to finish.
const SETTLE_POLLS: usize = 10;

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
    /// The most connections served at once; one more closes the oldest
    /// (default: 512, fewer when `ulimit -n` is low).
    #[arg(long)]
    max_connections: Option<NonZeroUsize>,
    #[command(flatten)]
    look: Look,
}

/// What the server and the rebuilds share.
struct Shared {
    /// [`Live::epoch`], also readable without the lock.
    epoch: u64,
    /// The handbook served.
    live: Mutex<Live>,
    /// [`Live::version`], sent at every rebuild to the waiting event
    /// streams.
    versions: tokio::sync::watch::Sender<u64>,
    /// The `Host` names the server answers to.
    hosts: AllowedHosts,
}

/// Serves until interrupted.
pub fn run(args: &Args) -> u8 {
    let root = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
    let lang = super::language(None);
    if !root.exists() {
        say(
            text!("cli-does-not-exist", path = root.display().to_string()),
            lang,
        );
        return EXIT_CANNOT_RUN;
    }
    let listener = match std::net::TcpListener::bind((args.host.as_str(), args.port)) {
        Ok(listener) => listener,
        Err(error) => {
            say(
                text!(
                    "cli-watch-cannot-listen",
                    host = args.host.as_str(),
                    port = args.port.to_string(),
                    error = error.to_string()
                ),
                lang,
            );
            return EXIT_CANNOT_RUN;
        }
    };
    let (bound, runtime) = match (listener.local_addr(), server::runtime()) {
        (Ok(bound), Ok(runtime)) => (bound, runtime),
        (Err(error), _) | (_, Err(error)) => {
            say(
                text!(
                    "cli-watch-cannot-serve",
                    host = args.host.as_str(),
                    port = args.port.to_string(),
                    error = error.to_string()
                ),
                lang,
            );
            return EXIT_CANNOT_RUN;
        }
    };
    let address = bound.to_string();
    if !bound.ip().is_loopback() {
        say(
            text!("cli-watch-not-local", address = address.as_str()),
            lang,
        );
    }
    let epoch = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs())
        ^ u64::from(std::process::id());
    let shared = Arc::new(Shared {
        epoch,
        live: Mutex::new(Live {
            epoch,
            ..Live::default()
        }),
        versions: tokio::sync::watch::Sender::new(0),
        hosts: AllowedHosts::new(&args.host, bound),
    });
    rebuild(&root, &args.look, &shared);
    let lang = shared.live.lock().map_or(lang, |live| live.lang);
    say(
        text!(
            "cli-watch-serving",
            path = root.display().to_string(),
            address = address.as_str()
        ),
        lang,
    );
    let limit = args
        .max_connections
        .map_or_else(server::connection_limit, NonZeroUsize::get);
    let server_state = Arc::clone(&shared);
    let serving =
        std::thread::spawn(move || server::serve(&runtime, listener, server_state, limit));
    // A file given stands for its whole project: watch all of it.
    let mut watched = crate::source::project_root(&root);
    if watched.as_os_str().is_empty() {
        watched = PathBuf::from(".");
    }
    let mut seen = fingerprint(&watched);
    loop {
        std::thread::sleep(POLL);
        if serving.is_finished() {
            let why = serving
                .join()
                .map_or_else(|_| "it stopped".to_string(), |error| error.to_string());
            stderr_line!("error: flowc watch cannot serve any more: {why}");
            return EXIT_CANNOT_RUN;
        }
        let now = fingerprint(&watched);
        if now != seen {
            seen = settled(&watched, &seen, now);
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

/// The files once a change has settled: looked at again each [`POLL`]
/// until two looks agree and no file that had text is empty (a save under
/// way), at most [`SETTLE_POLLS`] times.
fn settled(
    watched: &PathBuf,
    before: &[(PathBuf, u64, Option<SystemTime>)],
    mut now: Vec<(PathBuf, u64, Option<SystemTime>)>,
) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let emptied = |files: &[(PathBuf, u64, Option<SystemTime>)]| {
        files.iter().any(|(path, size, _)| {
            *size == 0
                && before
                    .iter()
                    .any(|(was, was_size, _)| was == path && *was_size > 0)
        })
    };
    for _ in 0..SETTLE_POLLS {
        std::thread::sleep(POLL);
        let again = fingerprint(watched);
        let stable = again == now;
        now = again;
        if stable && !emptied(&now) {
            break;
        }
    }
    now
}

/// Rebuilds the handbook; with errors, keeps the last good one and
/// records the diagnostics. The pages the new handbook no longer has are
/// kept as they last were ([`Live::kept`]).
fn rebuild(root: &PathBuf, look: &Look, shared: &Shared) {
    let (lang, outcome) = build(root, look);
    let Ok(mut live) = shared.live.lock() else {
        return;
    };
    live.lang = lang;
    match outcome {
        Ok(files) => {
            say(
                text!("cli-watch-rebuilt", count = files.len().to_string()),
                lang,
            );
            let old = std::mem::replace(&mut live.files, files);
            for (name, page) in old {
                if !live.files.contains_key(&name) {
                    live.kept.insert(name, page);
                }
            }
            let current: Vec<String> = live.files.keys().cloned().collect();
            for name in current {
                live.kept.remove(&name);
            }
            live.problems = None;
        }
        Err(problems) => {
            say(text!("cli-watch-has-errors"), lang);
            live.problems = Some(problems);
        }
    }
    live.version += 1;
    let version = live.version;
    // Sent after the lock is released: an event stream reads the handbook
    // when it wakes.
    drop(live);
    shared.versions.send_replace(version);
}

/// The language of the handbook, and the handbook or the diagnostics as
/// HTML.
fn build(root: &PathBuf, look: &Look) -> (Lang, Result<BTreeMap<String, Vec<u8>>, String>) {
    let analyses = match analyse_paths(std::slice::from_ref(root), look.today()) {
        Ok(analyses) => analyses,
        Err(_) => {
            let lang = crate::cli::language(None);
            let cannot = text!("watch-cannot-read", path = root.display().to_string());
            return (
                lang,
                Err(format!("<pre>{}</pre>", escape(&cannot.render(lang)))),
            );
        }
    };
    let lang = crate::cli::language_of(&analyses);
    (lang, handbook(&analyses, look, lang))
}

/// The handbook of `analyses` in `lang`, or their diagnostics as HTML.
fn handbook(
    analyses: &[Analysis],
    look: &Look,
    lang: Lang,
) -> Result<BTreeMap<String, Vec<u8>>, String> {
    if has_errors(analyses) {
        let mut text = String::new();
        for analysis in analyses {
            text.push_str(&diagnostics::render_human(
                &analysis.diagnostics,
                &analysis.project.files,
                Style::Plain,
                crate::cli::language(analysis.lang),
            ));
        }
        return Err(format!("<pre>{}</pre>", escape(&text)));
    }
    let options = look
        .options(lang)
        .map_err(|message| format!("<p>{}</p>", escape(&message)))?;
    site(analyses, options, DocFormat::Html, None)
        .map_err(|message| format!("<p>{}</p>", escape(&message)))
}
