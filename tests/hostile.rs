//! Hostile input: every case gets a clear error (or is accepted) with exit
//! code 0, 1 or 2, never a panic (101), a hang (every run is bounded by
//! [`HANG`]) or a stack overflow.

use crate::common;

use common::{stderr, stdout};

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// How long a case may take before it counts as a hang (generous: a debug
/// build on a loaded machine reads the 100 MB case in seconds).
const HANG: Duration = Duration::from_secs(120);

/// Runs a command to its end like `Command::output`, but fails the test
/// when it takes longer than [`HANG`]: never hanging is one of the
/// promises these cases hold flowc to.
trait Finished {
    fn finished(&mut self) -> Output;
}

impl Finished for Command {
    fn finished(&mut self) -> Output {
        let mut child = self
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("flowc runs");
        let out = drain(child.stdout.take().expect("piped"));
        let err = drain(child.stderr.take().expect("piped"));
        let deadline = Instant::now() + HANG;
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("flowc did not finish within {HANG:?}: it hangs");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        Output {
            status,
            stdout: out.join().expect("the reader ends"),
            stderr: err.join().expect("the reader ends"),
        }
    }
}

/// Reads a pipe to its end on a thread of its own.
fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}

fn check(dir: &Path) -> Output {
    crate::common::flowc_command()
        .arg("check")
        .current_dir(dir)
        .finished()
}

/// A one-file project holding `bytes` as `case.flow`.
fn project_with(bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("case.flow"), bytes).expect("write");
    dir
}

/// A small valid process with `condition` in its decision.
fn process_with_condition(condition: &str) -> String {
    format!(
        "role clerk\nprocess p {{\n  owner clerk\n  input amount: money CNY\n  start route\n  decide route {{\n    when {condition} -> done\n    otherwise -> done\n  }}\n  end done\n}}\n"
    )
}

#[test]
fn hundred_thousand_nested_parentheses_are_refused_with_the_limit() {
    let condition = format!(
        "{}amount > 1 CNY{}",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    let dir = project_with(process_with_condition(&condition).as_bytes());
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("parentheses are nested more than 64 levels deep"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("case.flow:7:"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn sixty_four_levels_of_parentheses_are_fine() {
    let condition = format!("{}amount > 1 CNY{}", "(".repeat(64), ")".repeat(64));
    let dir = project_with(process_with_condition(&condition).as_bytes());
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn hundred_thousand_negations_do_not_overflow() {
    let condition = format!("{}amount > 1 CNY", "not ".repeat(100_000));
    let dir = project_with(process_with_condition(&condition).as_bytes());
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn a_hundred_megabyte_file_is_refused_with_the_cap_and_how_to_split() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = std::fs::File::create(dir.path().join("huge.flow")).expect("create");
    file.set_len(100 * 1024 * 1024).expect("sparse file");
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("the file is 104857600 bytes, over flowc's limit of 67108864 bytes"),
        "{text}"
    );
    assert!(
        text.contains("put each process in a file of its own"),
        "{text}"
    );
}

#[test]
fn a_file_of_a_million_steps_is_refused_with_the_cap() {
    let mut text = String::from("role clerk\nprocess big {\n  owner clerk\n  start s0\n");
    for index in 0..1_000_000 {
        text.push_str(&format!(
            "  step s{index} {{\n    owner clerk\n    within 1 day\n    next s{}\n  }}\n",
            index + 1
        ));
    }
    text.push_str("  end s1000000\n}\n");
    let dir = project_with(text.as_bytes());
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("over flowc's limit"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn binary_content_is_not_utf8() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let dir = project_with(&bytes);
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("the file is not UTF-8 text"),
        "{}",
        stdout(&output)
    );
    // Bytes 10 and 13 end lines 1 and 2; byte 128 is the first invalid one.
    assert!(
        stdout(&output).contains("case.flow:3:115"),
        "first invalid byte: {}",
        stdout(&output)
    );
    assert!(
        !stdout(&output).contains('\u{1b}'),
        "control characters are not echoed to the terminal"
    );
}

#[test]
fn nul_bytes_are_a_syntax_error_at_their_place() {
    let dir = project_with(b"role clerk\n\0\n");
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("found `\\u{0}`"),
        "{}",
        stdout(&output)
    );
    assert!(!stdout(&output).contains('\0'), "the NUL is not echoed");
    assert!(
        stdout(&output).contains("case.flow:2:1"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn bom_crlf_lone_cr_and_tabs_are_accepted() {
    let text = "\u{feff}role clerk\r\nrole boss\rprocess p {\r\n\towner clerk\r\n\tstart a\r\n\tstep a {\r\n\t\towner clerk\r\n\t\twithin 1 day\r\n\t\tnext done\r\n\t}\r\n\tend done\r\n}\r\n";
    let dir = project_with(text.as_bytes());
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn crlf_positions_are_exact() {
    let text = "role clerk\r\nprocess p {\r\n  owner clerk\r\n  start a\r\n  step a {\r\n    owner nobody\r\n  }\r\n}\r\n";
    let dir = project_with(text.as_bytes());
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("case.flow:6:11"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn an_empty_file_is_an_empty_project() {
    let dir = project_with(b"");
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout(&output).ends_with("0 errors, 0 warnings in 1 file\n"),
        "{}",
        stdout(&output)
    );
}

#[cfg(unix)]
#[test]
fn a_directory_symlink_loop_is_reported_with_its_path() {
    let dir = project_with(b"role clerk\n");
    std::fs::create_dir(dir.path().join("sub")).expect("subdir");
    std::os::unix::fs::symlink("..", dir.path().join("sub/loop")).expect("symlink");
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(stderr(&output).contains("sub/loop"), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("loops back"),
        "{}",
        stderr(&output)
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported_with_its_path() {
    let dir = project_with(b"role clerk\n");
    std::os::unix::fs::symlink("/no/such/target.flow", dir.path().join("dangling.flow"))
        .expect("symlink");
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("dangling.flow"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_config_with_bad_values_is_reported_with_the_file_and_the_fix() {
    let dir = project_with(b"role clerk\n");
    std::fs::write(
        dir.path().join("flowc.toml"),
        "[calendar]\nhours-per-day = 0\n",
    )
    .expect("config");
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(
            "flowc.toml: [calendar] hours-per-day = 0: write a number of hours from 1 to 24"
        ),
        "{}",
        stderr(&output)
    );
    std::fs::write(dir.path().join("flowc.toml"), "rules = 3\n").expect("config");
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("flowc.toml"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_config_that_is_not_utf8_is_reported() {
    let dir = project_with(b"role clerk\n");
    std::fs::write(dir.path().join("flowc.toml"), [0xff, 0xfe, 0x00]).expect("config");
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("flowc.toml"),
        "{}",
        stderr(&output)
    );
}

/// A project whose `leak.flow` and `shared` link to a secret file and a
/// folder outside it.
#[cfg(unix)]
fn project_linking_outside() -> (tempfile::TempDir, tempfile::TempDir) {
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::write(outside.path().join("secret.flow"), "SECRET_TOKEN=hunter2\n").expect("write");
    let dir = project_with(b"role clerk\n");
    std::os::unix::fs::symlink(
        outside.path().join("secret.flow"),
        dir.path().join("leak.flow"),
    )
    .expect("symlink");
    std::os::unix::fs::symlink(outside.path(), dir.path().join("shared")).expect("symlink");
    (dir, outside)
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_project_are_not_read_and_are_named() {
    let (dir, _outside) = project_linking_outside();
    for format in ["human", "json", "sarif", "github"] {
        let output = crate::common::flowc_command()
            .args(["check", "--format", format])
            .current_dir(dir.path())
            .finished();
        let everything = format!("{}{}", stdout(&output), stderr(&output));
        assert!(!everything.contains("hunter2"), "{format}: {everything}");
        assert_eq!(output.status.code(), Some(0), "{format}: {everything}");
        for link in ["leak.flow", "shared"] {
            assert!(
                stderr(&output).contains(&format!(
                    "{link} is a symbolic link to a place outside the project"
                )),
                "{format}: {everything}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_project_named_on_the_command_line_is_not_read() {
    let (dir, _outside) = project_linking_outside();
    let output = crate::common::flowc_command()
        .args(["check", "case.flow", "leak.flow"])
        .current_dir(dir.path())
        .finished();
    let everything = format!("{}{}", stdout(&output), stderr(&output));
    assert!(!everything.contains("hunter2"), "{everything}");
    assert!(
        everything.contains("leak.flow is a symbolic link"),
        "{everything}"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_inside_the_project_is_followed() {
    let dir = project_with(b"role clerk\n");
    // A hidden folder is not walked; the link makes its file part of the project.
    std::fs::create_dir(dir.path().join(".org")).expect("dir");
    std::fs::write(dir.path().join(".org/roles.flow"), "role boss\n").expect("write");
    std::os::unix::fs::symlink(".org", dir.path().join("linked")).expect("symlink");
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).ends_with("in 2 files\n"),
        "{}",
        stdout(&output)
    );
    assert!(!stderr(&output).contains("outside"), "{}", stderr(&output));
}

#[cfg(unix)]
#[test]
fn a_fifo_is_never_opened() {
    let dir = project_with(b"role clerk\n");
    let made = Command::new("mkfifo")
        .arg(dir.path().join("pipe.flow"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let mut child = crate::common::flowc_command()
        .arg("check")
        .current_dir(dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("flowc runs");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("flowc check blocked on a FIFO");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0));
}

#[test]
fn a_twenty_thousand_role_reporting_cycle_is_reported_quickly_in_the_human_format() {
    let roles = 20_000;
    let text: String = (0..roles)
        .map(|index| format!("role r{index} reports to r{}\n", (index + 1) % roles))
        .collect();
    let dir = project_with(text.as_bytes());
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(1));
    let shown = stdout(&output);
    assert!(
        shown.contains("more related places are not drawn here"),
        "{}",
        &shown[..2000]
    );
    // Drawing every one of the cycle's 20,000 places took 16.7 s (release);
    // the work is bounded by what is drawn, so the measure is the size of
    // the report (2,260 lines), not the clock.
    let lines = shown.lines().count();
    assert!(
        lines < roles / 4,
        "{lines} lines for a cycle of {roles} roles"
    );
}

#[cfg(unix)]
#[test]
fn escape_codes_in_file_names_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path()
            .join("a\u{1b}]0;owned\u{7}\u{1b}[31m\u{202e}wolf.flow"),
        "role\n",
    )
    .expect("write");
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let everything = format!("{}{}", stdout(&output), stderr(&output));
    assert!(everything.contains(".flow"), "{everything}");
    assert!(!everything.contains('\u{1b}'), "{everything:?}");
    assert!(!everything.contains('\u{7}'), "{everything:?}");
    assert!(
        !everything.contains('\u{202e}'),
        "a right-to-left override reorders the line: {everything:?}"
    );
}

/// The plain warnings on standard error (a look-alike file, a link out of
/// the project, a nested project root) name paths from the project: an
/// escape sequence, a bell or a carriage return in them is shown as `?`,
/// and a line feed cannot start a line of its own.
#[test]
fn escape_codes_in_the_paths_of_warnings_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("project");
    std::fs::create_dir(&root).expect("mkdir");
    std::fs::write(root.join("flowc.toml"), "").expect("config");
    std::fs::write(root.join("ok.flow"), "department ops\n").expect("write");
    let hostile = "x\u{1b}]0;owned\u{7}\u{1b}[31m\r\nerror: forged";
    std::fs::write(root.join(format!("{hostile}.flow.bak")), "").expect("look-alike");
    let nested = root.join(format!("{hostile} nested"));
    std::fs::create_dir(&nested).expect("mkdir");
    std::fs::write(nested.join("flowc.toml"), "").expect("nested config");
    std::fs::write(dir.path().join("outside.flow"), "department far\n").expect("outside");
    std::os::unix::fs::symlink(
        dir.path().join("outside.flow"),
        root.join(format!("{hostile} link.flow")),
    )
    .expect("symlink");
    let output = check(&root);
    let warnings = stderr(&output);
    for expected in [
        "looks like a process file",
        "has a flowc.toml of its own",
        "outside the project",
    ] {
        assert!(warnings.contains(expected), "{expected}: {warnings}");
    }
    for hostile in ['\u{1b}', '\u{7}', '\r'] {
        assert!(!warnings.contains(hostile), "{hostile:?} in {warnings:?}");
    }
    assert!(
        !warnings
            .lines()
            .any(|line| line.starts_with("error: forged")),
        "{warnings}"
    );
    assert!(
        warnings.contains("x?]0;owned??[31m??error: forged"),
        "{warnings}"
    );
}

/// A file that is not process text at all (an environment dump saved as
/// `.flow`) gives one error, and the report quotes only the line it is on,
/// not each line in turn nor the lines around it.
#[test]
fn a_file_that_is_not_process_text_is_one_error_quoting_one_line() {
    let dump = "PATH=/usr/bin:/bin\nHOME=/root\n\n# a comment\nAWS_SECRET_ACCESS_KEY=first-secret\nGITHUB_TOKEN=second-secret\n{\"json\": true}\n}\nLANG=C.UTF-8\n";
    let dir = project_with(dump.as_bytes());
    std::fs::write(dir.path().join("org.flow"), "department ops\n").expect("org");
    let human = check(dir.path());
    let report = stdout(&human);
    assert_eq!(human.status.code(), Some(1), "{report}");
    assert_eq!(report.matches("error[syntax-error]").count(), 1, "{report}");
    assert!(report.contains("PATH=/usr/bin:/bin"), "{report}");
    for later in ["HOME", "secret", "json", "LANG"] {
        assert!(!report.contains(later), "{later} quoted: {report}");
    }
    let json = crate::common::flowc_command()
        .args(["check", "--format", "json"])
        .current_dir(dir.path())
        .finished();
    assert!(!stdout(&json).contains("secret"), "{}", stdout(&json));
    // A misspelt keyword among process text is still its own error.
    let typos =
        project_with(b"department ops\nrol clerk in ops\nrole boss in ops\nrle other in ops\n");
    let report = stdout(&check(typos.path()));
    assert_eq!(report.matches("error[syntax-error]").count(), 2, "{report}");
}

#[test]
fn a_threshold_with_more_digits_than_can_be_held_is_an_error_not_a_rounding() {
    let dir = project_with(
        process_with_condition("amount <= 0.00000000000000000000000000001 CNY").as_bytes(),
    );
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("too large or too precise"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_set_value_with_more_digits_than_can_be_held_is_an_error_not_a_rounding() {
    let dir = project_with(process_with_condition("amount <= 5000 CNY").as_bytes());
    let output = crate::common::flowc_command()
        .args([
            "sim",
            "case.flow",
            "--process",
            "p",
            "--set",
            "amount=5000.00000000000000000000000001",
        ])
        .current_dir(dir.path())
        .finished();
    let everything = format!("{}{}", stdout(&output), stderr(&output));
    assert_eq!(output.status.code(), Some(2), "{everything}");
    assert!(everything.contains("can be held exactly"), "{everything}");
}

#[test]
fn durations_and_review_cycles_are_bounded_to_what_every_output_holds() {
    let process = |within: &str, review: &str| {
        format!(
            "role clerk\nprocess p {{\n  owner clerk\n  start a\n  step a {{\n    owner clerk\n    within {within}\n    next done\n  }}\n  end done\n  review every {review}, last 2026-01-01\n}}\n"
        )
    };
    let at_limit = project_with(process("100000000 weeks", "100_000_000 years").as_bytes());
    let output = check(at_limit.path());
    assert!(
        !stdout(&output).contains("too large"),
        "{}",
        stdout(&output)
    );
    for (within, review) in [
        ("100000001 weeks", "1 year"),
        ("18446744073709551615 minutes", "1 year"),
        ("1 day", "100000001 years"),
    ] {
        let dir = project_with(process(within, review).as_bytes());
        let output = check(dir.path());
        assert_eq!(output.status.code(), Some(1), "{within}/{review}");
        assert!(
            stdout(&output).contains("at most 100,000,000 of a unit"),
            "{within}/{review}: {}",
            stdout(&output)
        );
    }
}

#[test]
fn a_loop_through_twenty_thousand_steps_does_not_overflow_the_stack() {
    // Every step can send work back to the one before it, so the whole
    // process is one loop; the loop search was recursive and overflowed.
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in crate::generator::rules_deep_project() {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let output = crate::common::flowc_command()
        .args(["check", "--format", "json", "--today", "2026-11-28"])
        .current_dir(dir.path())
        .output()
        .expect("flowc runs");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stdout(&output).contains("\"rule\": \"endless-loop\""));
}
