//! `flowc watch`'s HTTP server under attack, over real sockets to
//! 127.0.0.1 only, each attack bounded in count and time: floods of idle
//! connections, a huge header line, running out of file descriptors, a
//! slowloris, a client that never reads. The server must keep serving.
#![cfg(unix)]

use crate::common;

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The server's idle timeout (`IDLE_TIMEOUT` in src/cli/watch/server.rs).
const IDLE_TIMEOUT: Duration = Duration::from_secs(10);

/// A running `flowc watch` on a copy of the examples, killed when dropped.
struct Watch {
    child: Child,
    address: String,
    stderr: Arc<Mutex<Vec<String>>>,
    _dir: tempfile::TempDir,
}

impl Watch {
    /// Starts `flowc watch` with `extra` arguments, its descriptors limited
    /// to `descriptors` (`ulimit -n`).
    fn start(descriptors: u32, extra: &str) -> Watch {
        let dir = common::expense_claim_project();
        let script = format!(
            "ulimit -n {descriptors} && exec \"$0\" watch . --port 0 --engine builtin --today 2026-11-28 {extra}"
        );
        let mut child = Command::new("sh")
            .args(["-c", &script, env!("CARGO_BIN_EXE_flowc")])
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("flowc watch starts");
        let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
        let mut address = None;
        let stderr = Arc::new(Mutex::new(Vec::new()));
        for line in lines.by_ref().map_while(Result::ok) {
            stderr.lock().expect("lines").push(line.clone());
            if let Some((_, rest)) = line.split_once("http://") {
                address = rest.split('/').next().map(str::to_string);
                break;
            }
        }
        let seen = Arc::clone(&stderr);
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                seen.lock().expect("lines").push(line);
            }
        });
        let address =
            address.unwrap_or_else(|| panic!("watch says where it serves: {:?}", stderr.lock()));
        Watch {
            child,
            address,
            stderr,
            _dir: dir,
        }
    }

    /// A line of the server's `/proc/PID/status`, in its unit (kB for
    /// memory), e.g. `VmRSS` or `Threads`.
    fn status(&self, field: &str) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("the server runs");
        status
            .lines()
            .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
            .and_then(|value| value.split_whitespace().next()?.parse().ok())
            .unwrap_or_else(|| panic!("{field} in {status}"))
    }

    /// How many file descriptors the server holds.
    fn descriptors(&self) -> usize {
        std::fs::read_dir(format!("/proc/{}/fd", self.child.id()))
            .expect("the server runs")
            .count()
    }

    /// A connection to the server.
    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(&self.address).expect("the server accepts");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        stream
    }

    /// `GET path` over HTTP/1.0: the whole response, and how long it took.
    fn fetch(&self, path: &str) -> (Vec<u8>, Duration) {
        let started = Instant::now();
        let mut stream = self.connect();
        write!(
            stream,
            "GET {path} HTTP/1.0\r\nHost: {}\r\n\r\n",
            self.address
        )
        .expect("sent");
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        (response, started.elapsed())
    }

    /// `GET path` over HTTP/1.0: the status line, and how long it took.
    fn get(&self, path: &str) -> (String, Duration) {
        let (response, took) = self.fetch(path);
        let response = String::from_utf8_lossy(&response);
        (response.lines().next().unwrap_or("").to_string(), took)
    }

    /// The lines the server wrote to standard error that contain `text`.
    fn said(&self, text: &str) -> usize {
        let lines = self.stderr.lock().expect("lines");
        lines.iter().filter(|line| line.contains(text)).count()
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Opens `count` connections that send nothing.
fn idle_connections(watch: &Watch, count: usize) -> Vec<TcpStream> {
    (0..count).map(|_| watch.connect()).collect()
}

/// How long until the server ends `stream` (read gives end of file or an
/// error), reading whatever it sends; `None` after 30 s.
fn time_until_closed(mut stream: TcpStream) -> Option<Duration> {
    let started = Instant::now();
    let mut buffer = [0; 65536];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => return Some(started.elapsed()),
            Ok(_) => {}
            Err(error) if matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return None;
            }
            Err(_) => return Some(started.elapsed()),
        }
    }
}

#[test]
fn a_flood_of_idle_connections_beyond_the_bound_does_not_lock_out_a_request() {
    // Under `ulimit -n 128` the server keeps at most 96 connections.
    let watch = Watch::start(128, "");
    let flood = idle_connections(&watch, 300);
    let (status, took) = watch.get("/");
    assert!(status.contains("200"), "{status}");
    assert!(took < Duration::from_secs(2), "served in {took:?}");
    let (status, _) = watch.get("/expense_claim.html");
    assert!(status.contains("200"), "{status}");
    let threads = watch.status("Threads");
    assert!(threads <= 8, "no thread per connection: {threads} threads");
    assert!(watch.descriptors() <= 128, "{}", watch.descriptors());
    eprintln!(
        "300 idle connections: / served in {took:?}, {threads} threads, {} descriptors",
        watch.descriptors()
    );
    drop(flood);
}

#[test]
fn a_huge_header_line_is_refused_with_431_and_memory_does_not_grow() {
    let watch = Watch::start(1024, "");
    // Settle: the first page served allocates what serving needs.
    assert!(watch.get("/").0.contains("200"));
    let before = watch.status("VmRSS");
    let line = vec![b'a'; 1 << 20];
    for _ in 0..5 {
        let mut stream = watch.connect();
        write!(
            stream,
            "GET / HTTP/1.1\r\nHost: {}\r\nX-Big: ",
            watch.address
        )
        .expect("sent");
        // Up to 400 MiB, until the server stops reading.
        let mut sent = 0;
        while sent < 400 && stream.write_all(&line).is_ok() {
            sent += 1;
        }
        assert!(sent < 400, "the server read a 400 MiB header line");
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let response = String::from_utf8_lossy(&response);
        assert!(
            response.starts_with("HTTP/1.1 431"),
            "after {sent} MiB: {response}"
        );
    }
    let after = watch.status("VmRSS");
    eprintln!("five header lines of up to 400 MiB: VmRSS {before} kB -> {after} kB");
    assert!(after < before + 16 * 1024, "{before} kB -> {after} kB");
    assert!(watch.get("/").0.contains("200"));
}

#[test]
fn out_of_file_descriptors_the_server_keeps_accepting_and_serves_again() {
    // More connections allowed than descriptors: accept fails (EMFILE).
    let watch = Watch::start(64, "--max-connections 1000");
    let flood = idle_connections(&watch, 200);
    let (status, took) = watch.get("/");
    assert!(status.contains("200"), "while out of descriptors: {status}");
    eprintln!("200 idle connections under ulimit -n 64: / served in {took:?}");
    drop(flood);
    std::thread::sleep(Duration::from_millis(500));
    for _ in 0..20 {
        let (status, took) = watch.get("/expense_claim.html");
        assert!(status.contains("200"), "after the flood: {status}");
        assert!(took < Duration::from_secs(2), "served in {took:?}");
    }
    assert_eq!(
        watch.said("cannot accept a connection: Too many open files"),
        1,
        "said once: {:?}",
        watch.stderr.lock()
    );
}

#[test]
fn a_slowloris_and_an_idle_connection_are_closed_after_the_idle_timeout() {
    let watch = Watch::start(1024, "");
    let idle = watch.connect();
    let mut slow = watch.connect();
    write!(slow, "GET / HTTP/1.1\r\nHost: {}\r\n", watch.address).expect("sent");
    let dripping = std::thread::spawn(move || {
        // One header line a second, never the blank line that ends them.
        let started = Instant::now();
        let mut lines = 0;
        while slow.write_all(b"X-Drip: 1\r\n").is_ok() && started.elapsed() < 3 * IDLE_TIMEOUT {
            lines += 1;
            std::thread::sleep(Duration::from_secs(1));
        }
        (lines, started.elapsed())
    });
    let idle_closed = time_until_closed(idle).expect("the idle connection is closed");
    let (lines, slow_closed) = dripping.join().expect("dripping");
    eprintln!(
        "idle connection closed after {idle_closed:?}; slowloris after {lines} lines, {slow_closed:?}"
    );
    for closed in [idle_closed, slow_closed] {
        assert!(
            closed >= IDLE_TIMEOUT - Duration::from_secs(1),
            "{closed:?}"
        );
        assert!(closed < IDLE_TIMEOUT + Duration::from_secs(5), "{closed:?}");
    }
    assert!(watch.get("/").0.contains("200"));
}

#[test]
fn a_client_that_never_reads_is_closed_after_the_idle_timeout() {
    let watch = Watch::start(1024, "");
    let mut greedy = watch.connect();
    // Many pages asked for at once on one connection, none read: the
    // server's writes stall once the socket buffers are full.
    let request = format!(
        "GET /expense_claim.html HTTP/1.1\r\nHost: {}\r\n\r\n",
        watch.address
    );
    greedy
        .write_all(request.repeat(2000).as_bytes())
        .expect("sent");
    std::thread::sleep(IDLE_TIMEOUT + Duration::from_secs(3));
    let one_page = watch.fetch("/expense_claim.html").0.len();
    let mut taken = Vec::new();
    let ended = greedy.read_to_end(&mut taken);
    eprintln!(
        "a client that never read: {} bytes of 2000 pages of {one_page} bytes buffered, then closed ({ended:?})",
        taken.len()
    );
    assert!(
        !matches!(&ended, Err(error) if matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut)),
        "the server closed the connection: {ended:?}"
    );
    assert!(taken.len() < 2000 * one_page, "the connection was closed");
}

/// An editor saving a file in two steps (emptying it, then writing it)
/// and a file left empty or cut short: the open page is never "not
/// found". While the file is empty a moment, the server waits for the
/// save to finish; a file left empty drops its process, and its page is
/// still served, as it last was, under a banner saying so; a file cut
/// short has errors, shown in a banner kept in view (stuck to the top of
/// the window however far the page is scrolled).
#[test]
fn a_half_saved_file_never_makes_a_page_not_found() {
    let watch = Watch::start(1024, "");
    let path = watch._dir.path().join("expense-claim.flow");
    let text = std::fs::read_to_string(&path).expect("read");
    let page = |watch: &Watch| {
        let (response, _) = watch.fetch("/expense_claim.html");
        let response = String::from_utf8_lossy(&response).into_owned();
        let status = response.lines().next().unwrap_or("").to_string();
        assert!(status.contains("200"), "{status}: {response}");
        response
    };
    let first = common::served_at(&page(&watch));
    let wait_for_rebuild = |watch: &Watch, since: &str| {
        let (response, _) = watch.fetch(&format!("/events?v={since}"));
        let response = String::from_utf8_lossy(&response).into_owned();
        let tag = response
            .lines()
            .find_map(|line| line.strip_prefix("data: "))
            .expect("an event")
            .to_string();
        assert_ne!(tag, since, "a rebuild: {response}");
        tag
    };

    // Emptied, then written a moment later: pages asked for meanwhile are
    // the last good one, and one rebuild follows, with the edit.
    std::fs::write(&path, "").expect("empty");
    for _ in 0..4 {
        std::thread::sleep(Duration::from_millis(50));
        assert!(page(&watch).contains("員工申請"));
    }
    std::fs::write(&path, text.replace("員工申請", "員工提交申請")).expect("save");
    let second = wait_for_rebuild(&watch, &first);
    let edited = page(&watch);
    assert!(edited.contains("員工提交申請"), "{edited}");
    assert!(!edited.contains("live-errors") && !edited.contains("live-gone"));

    // Left empty: the process is gone, its last page stays.
    std::fs::write(&path, "").expect("empty");
    let third = wait_for_rebuild(&watch, &second);
    let gone = page(&watch);
    assert!(gone.contains("id=\"live-gone\""), "{gone}");
    assert!(gone.contains("員工提交申請"), "the last good page: {gone}");
    assert!(gone.contains("position:sticky;top:0"), "{gone}");

    // Cut short in the middle of a line: the errors are on the page, in
    // a banner kept in view.
    let cut = text
        .char_indices()
        .map(|(at, _)| at)
        .find(|at| *at >= text.len() / 2)
        .expect("a middle");
    std::fs::write(&path, &text[..cut]).expect("cut");
    wait_for_rebuild(&watch, &third);
    let broken = page(&watch);
    assert!(broken.contains("id=\"live-errors\""), "{broken}");
    let banner_at = broken.find("id=\"live-errors\"").expect("banner");
    assert!(
        broken[banner_at..].starts_with("id=\"live-errors\" style=\"position:sticky;top:0;"),
        "{broken}"
    );
}
