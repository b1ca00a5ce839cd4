//! The real binary for diagrams and handbooks: `flowc build --emit`,
//! `--engine`, `flowc doc` and `flowc watch` (served over real HTTP).

use crate::common;

use common::stderr;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Output, Stdio};

/// Runs flowc in `dir`; `path` replaces PATH when given, so a test can
/// hide Graphviz.
fn run(args: &[&str], dir: &Path, path: Option<&str>) -> Output {
    let mut command = crate::common::flowc_command();
    command.args(args).current_dir(dir).env("NO_COLOR", "1");
    if let Some(path) = path {
        command.env("PATH", path);
    }
    command.output().expect("flowc runs")
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("a directory")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn build_emits_builtin_svg_and_says_which_engine_drew() {
    let out = tempfile::tempdir().expect("temp dir");
    let target = out.path().to_str().expect("utf-8");
    let output = run(
        &[
            "build", "examples", "--out", target, "--emit", "svg", "--engine", "builtin", "--lang",
            "en",
        ],
        &common::repo(),
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("drawn by the built-in layout"),
        "{}",
        stderr(&output)
    );
    let files = names(out.path());
    assert!(files.iter().all(|name| name.ends_with(".svg")), "{files:?}");
    assert_eq!(files.len(), 13, "{files:?}");
    let svg = std::fs::read_to_string(out.path().join("expense_claim.svg")).expect("svg");
    assert!(
        svg.contains("費用報銷審批"),
        "the Chinese label is in the SVG"
    );
}

#[test]
fn build_emits_a_comma_separated_list_of_formats() {
    let out = tempfile::tempdir().expect("temp dir");
    let target = out.path().to_str().expect("utf-8");
    let output = run(
        &[
            "build",
            "examples/expense-claim.flow",
            "--out",
            target,
            "--emit",
            "json,svg",
            "--engine",
            "builtin",
            "--theme",
            "print",
            "--direction",
            "tb",
        ],
        &common::repo(),
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        names(out.path()),
        ["expense_claim.json", "expense_claim.svg"]
    );
}

#[test]
fn default_build_draws_nothing_and_needs_no_engine() {
    let out = tempfile::tempdir().expect("temp dir");
    let target = out.path().to_str().expect("utf-8");
    let output = run(
        &["build", "examples/expense-claim.flow", "--out", target],
        &common::repo(),
        Some(""),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        names(out.path()),
        ["expense_claim.dot", "expense_claim.json"]
    );
    assert!(!stderr(&output).contains("drawn by"));
}

#[test]
fn without_graphviz_svg_falls_back_to_the_builtin_engine() {
    let out = tempfile::tempdir().expect("temp dir");
    let target = out.path().to_str().expect("utf-8");
    let output = run(
        &[
            "build",
            "examples/expense-claim.flow",
            "--out",
            target,
            "--emit",
            "svg",
            "--lang",
            "en",
        ],
        &common::repo(),
        Some(""),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("built-in layout"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn asking_for_graphviz_without_it_exits_2_and_says_what_to_install() {
    let out = tempfile::tempdir().expect("temp dir");
    let target = out.path().to_str().expect("utf-8");
    let output = run(
        &[
            "build", "examples", "--out", target, "--emit", "svg", "--engine", "dot",
        ],
        &common::repo(),
        Some(""),
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("apt-get install graphviz"),
        "{}",
        stderr(&output)
    );
    assert!(names(out.path()).is_empty());
}

#[test]
fn png_without_graphviz_exits_2_and_writes_nothing() {
    let out = tempfile::tempdir().expect("temp dir");
    let no_graphviz = tempfile::tempdir().expect("an empty PATH folder");
    let target = out.path().to_str().expect("utf-8");
    let output = run(
        &["build", "examples", "--out", target, "--emit", "json,png"],
        &common::repo(),
        Some(no_graphviz.path().to_str().expect("utf-8")),
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("PNG diagrams need Graphviz"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("fonts-noto-cjk"),
        "{}",
        stderr(&output)
    );
    assert!(names(out.path()).is_empty());
}

#[test]
fn an_unknown_format_or_engine_exits_2() {
    for args in [["--emit", "gif"], ["--engine", "neato"]] {
        let output = run(
            &["build", "examples", "--out", "never", args[0], args[1]],
            &common::repo(),
            None,
        );
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn doc_writes_a_handbook_and_is_reproducible_with_today() {
    let first = tempfile::tempdir().expect("temp dir");
    let second = tempfile::tempdir().expect("temp dir");
    for out in [&first, &second] {
        let target = out.path().to_str().expect("utf-8");
        let output = run(
            &[
                "doc",
                "examples",
                "--out",
                target,
                "--today",
                "2026-11-28",
                "--engine",
                "builtin",
                "--lang",
                "en",
            ],
            &common::repo(),
            None,
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(
            stderr(&output).contains("built-in layout"),
            "{}",
            stderr(&output)
        );
    }
    let files = names(first.path());
    assert_eq!(files.len(), 14, "index and 13 pages: {files:?}");
    assert!(files.contains(&"index.html".to_string()));
    for name in &files {
        let a = std::fs::read(first.path().join(name)).expect("first");
        let b = std::fs::read(second.path().join(name)).expect("second");
        assert!(a == b, "{name} differs between runs");
    }
}

#[test]
fn doc_in_markdown_writes_pages_and_diagrams() {
    let out = tempfile::tempdir().expect("temp dir");
    let target = out.path().to_str().expect("utf-8");
    let output = run(
        &[
            "doc",
            "examples/expense-claim.flow",
            "--out",
            target,
            "--format",
            "markdown",
            "--engine",
            "builtin",
        ],
        &common::repo(),
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        names(out.path()),
        ["expense_claim.md", "expense_claim.svg", "index.md"]
    );
}

#[test]
fn doc_with_errors_exits_1_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("flowc.toml"), "[rules]\n").expect("config");
    std::fs::write(
        dir.path().join("broken.flow"),
        "process broken {\n  start a\n",
    )
    .expect("file");
    let output = run(&["doc", ".", "--out", "site"], dir.path(), None);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("syntax-error"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.path().join("site").exists());
}

/// `GET path` over HTTP/1.0: status line and body.
fn get(address: &str, path: &str) -> (String, String) {
    get_with(address, path, &format!("Host: {address}\r\n"))
}

/// `GET path` over HTTP/1.0 with the header lines `headers` (each ending
/// in CRLF): status line and body.
fn get_with(address: &str, path: &str, headers: &str) -> (String, String) {
    let mut stream = TcpStream::connect(address).expect("the server accepts");
    write!(stream, "GET {path} HTTP/1.0\r\n{headers}\r\n").expect("request sent");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("a response");
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    (
        head.lines().next().unwrap_or("").to_string(),
        body.to_string(),
    )
}

/// Kills the child when the test ends, however it ends.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn watch_serves_the_handbook_and_rebuilds_when_a_file_changes() {
    let dir = common::expense_claim_project();
    let child = crate::common::flowc_command()
        .args([
            "watch",
            ".",
            "--port",
            "0",
            "--engine",
            "builtin",
            "--today",
            "2026-11-28",
        ])
        .current_dir(dir.path())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("flowc watch starts");
    let mut running = Running(child);
    let mut lines = BufReader::new(running.0.stderr.take().expect("stderr")).lines();
    let address = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| {
            let rest = line.split_once("http://")?.1;
            Some(rest.split('/').next()?.to_string())
        })
        .expect("watch says where it serves");
    assert!(
        address.starts_with("127.0.0.1:"),
        "binds to localhost: {address}"
    );

    let (status, index) = get(&address, "/");
    assert!(status.contains("200"), "{status}");
    assert!(index.contains("expense_claim.html"), "{index}");
    let first = common::served_at(&index);
    let (epoch, version) = first.split_once('.').expect("EPOCH.VERSION");
    assert_eq!(version, "1", "{first}");
    let (status, _) = get(&address, "/missing.html");
    assert!(status.contains("404"), "{status}");
    assert_the_server_answers_only_its_own(&address);

    // Rename a step: the event stream announces version 2 and the page
    // shows the new label.
    let path = dir.path().join("expense-claim.flow");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("員工申請", "員工提交申請")).expect("edit");
    let (_, event) = get(&address, &format!("/events?v={first}"));
    assert!(event.contains(&format!("data: {epoch}.2")), "{event}");
    let (_, page) = get(&address, "/expense_claim.html");
    assert!(page.contains("員工提交申請"), "the page shows the edit");

    // Break the file: the last good page stays, with the errors on top.
    std::fs::write(
        &path,
        text.replace("員工申請", "員工提交申請") + "\nstep {\n",
    )
    .expect("break");
    let (_, event) = get(&address, &format!("/events?v={epoch}.2"));
    assert!(event.contains(&format!("data: {epoch}.3")), "{event}");
    let (_, page) = get(&address, "/expense_claim.html");
    assert!(page.contains("id=\"live-errors\""), "{page}");
    assert!(page.contains("syntax-error"), "{page}");
    assert!(page.contains("員工提交申請"), "the last good page is kept");
    // A page from an earlier run of the server learns of it at once.
    let (_, event) = get(&address, "/events?v=1.3");
    assert!(event.contains(&format!("data: {epoch}.3")), "{event}");
    let errors_at = page.find("live-errors").expect("banner");
    let diagram_at = page.find("<svg").expect("diagram");
    assert!(errors_at < diagram_at, "the errors are on top");
}

/// DNS rebinding: a request naming another host is refused, the loopback
/// names with the port are served, and the event stream is not sent to
/// pages of another origin. Percent-encoded paths are decoded.
fn assert_the_server_answers_only_its_own(address: &str) {
    let port = address.rsplit(':').next().expect("a port");
    for host in ["attacker.example", "attacker.example:80", "127.0.0.1"] {
        let (status, body) = get_with(address, "/", &format!("Host: {host}\r\n"));
        assert!(status.contains("421"), "{host}: {status}");
        assert!(!body.contains("expense_claim"), "{host}: {body}");
    }
    let (status, _) = get_with(address, "/", "");
    assert!(status.contains("421"), "no Host: {status}");
    for host in ["localhost", "LOCALHOST", "127.0.0.1", "[::1]"] {
        let (status, _) = get_with(address, "/", &format!("Host: {host}:{port}\r\n"));
        assert!(status.contains("200"), "{host}: {status}");
    }
    let (status, body) = get_with(
        address,
        "/events?v=1.1",
        &format!("Host: {address}\r\nOrigin: http://attacker.example\r\n"),
    );
    assert!(status.contains("403"), "{status}");
    assert!(!body.contains("data:"), "{body}");
    let (status, _) = get_with(
        address,
        "/events?v=1.1",
        &format!("Host: {address}\r\nOrigin: http://localhost:{port}\r\n"),
    );
    assert!(status.contains("200"), "{status}");
    let (status, page) = get(address, "/expense%5Fclaim.html");
    assert!(status.contains("200"), "percent-decoded: {status}");
    assert!(page.contains("<svg"), "{page}");
}

/// The umask of this process, from `/proc` (Linux), if known.
fn umask() -> Option<u32> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("Umask:"))?;
    u32::from_str_radix(line.trim_start_matches("Umask:").trim(), 8).ok()
}

#[cfg(unix)]
#[test]
fn handbook_files_get_the_permissions_of_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let Some(umask) = umask() else {
        return;
    };
    let out = tempfile::tempdir().expect("temp dir");
    let target = out.path().to_str().expect("utf-8");
    let output = run(
        &[
            "doc",
            "examples/expense-claim.flow",
            "--out",
            target,
            "--engine",
            "builtin",
        ],
        &common::repo(),
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mode = std::fs::metadata(out.path().join("index.html"))
        .expect("index")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(
        mode,
        0o666 & !umask,
        "a web server must be able to read the handbook"
    );
}

#[test]
fn processes_whose_pages_differ_only_in_case_are_an_error_before_writing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let process = |name: &str| {
        format!(
            "process {name} {{\n  owner clerk\n  start file\n  step file {{\n    owner clerk\n    within 1 day\n    next done\n  }}\n  end done\n}}\n"
        )
    };
    for (index, (left, right)) in [("index", "Index"), ("claim", "Claim")].iter().enumerate() {
        let project = dir.path().join(format!("p{index}"));
        std::fs::create_dir(&project).expect("project");
        std::fs::write(project.join("flowc.toml"), "[rules]\n").expect("config");
        std::fs::write(
            project.join("a.flow"),
            format!("role clerk\n{}{}", process(left), process(right)),
        )
        .expect("processes");
        let output = run(
            &["doc", ".", "--out", "site", "--engine", "builtin"],
            &project,
            None,
        );
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(
            stderr(&output).contains(&format!("processes `{left}` and `{right}`")),
            "{}",
            stderr(&output)
        );
        assert!(!project.join("site").exists(), "nothing was written");
    }
}
