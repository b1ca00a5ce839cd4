//! `flowc fmt` run as the real binary: exit codes, diffs, files written.

use crate::common;

use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

fn flowc(args: &[&str], dir: &Path) -> Output {
    crate::common::flowc_command()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("flowc runs")
}

fn flowc_with_stdin(args: &[&str], input: &str) -> Output {
    let mut child = crate::common::flowc_command()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("flowc starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("flowc ends")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const MESSY: &str =
    "department  finance   \"財務部\"   # money\nprocess p {\nstart a\n      end a\n}\n";
const TIDY: &str = "department finance \"財務部\" # money\nprocess p {\n  start a\n  end a\n}\n";
const BROKEN: &str = "process p {\n  step a {\n    owner   finance\n}\n";

#[test]
fn check_passes_on_the_examples() {
    let output = flowc(&["fmt", "--check", "examples"], &common::repo());
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    assert_eq!(text(&output.stdout), "", "no diff expected");
}

#[test]
fn check_prints_a_diff_and_exits_1_without_writing() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("messy.flow"), MESSY).expect("write");
    std::fs::write(dir.path().join("tidy.flow"), TIDY).expect("write");
    let output = flowc(&["fmt", "--check", "."], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let diff = text(&output.stdout);
    assert!(diff.contains("--- ./messy.flow"), "{diff}");
    assert!(diff.contains("+  start a"), "{diff}");
    assert!(diff.contains("-start a"), "{diff}");
    assert!(!diff.contains("tidy.flow"), "{diff}");
    assert!(
        text(&output.stderr).contains("1 file would be reformatted, 1 file already formatted"),
        "{}",
        text(&output.stderr)
    );
    let after = std::fs::read_to_string(dir.path().join("messy.flow")).expect("read");
    assert_eq!(after, MESSY, "--check must not write");
}

#[test]
fn fmt_rewrites_files_in_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    std::fs::write(dir.path().join("sub/messy.flow"), MESSY).expect("write");
    let output = flowc(&["fmt"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains("reformatted ./sub/messy.flow"),
        "{}",
        text(&output.stdout)
    );
    let after = std::fs::read_to_string(dir.path().join("sub/messy.flow")).expect("read");
    assert_eq!(after, TIDY);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
        .expect("list")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
    let again = flowc(&["fmt", "--check"], dir.path());
    assert_eq!(again.status.code(), Some(0));
}

#[test]
fn a_file_with_a_syntax_error_is_left_untouched_and_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("broken.flow"), BROKEN).expect("write");
    std::fs::write(dir.path().join("messy.flow"), MESSY).expect("write");
    let output = flowc(&["fmt", "."], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("syntax-error"), "{stderr}");
    assert!(stderr.contains("process `p` is not closed"), "{stderr}");
    assert!(stderr.contains("broken.flow"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("broken.flow")).expect("read"),
        BROKEN
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("messy.flow")).expect("read"),
        TIDY
    );
}

#[test]
fn stdin_is_formatted_to_stdout() {
    let output = flowc_with_stdin(&["fmt", "-"], MESSY);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), TIDY);
}

#[test]
fn stdin_with_a_syntax_error_prints_nothing_and_exits_1() {
    let output = flowc_with_stdin(&["fmt", "-"], BROKEN);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text(&output.stdout), "");
    assert!(
        text(&output.stderr).contains("<stdin>"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn stdin_check_exits_1_with_a_diff() {
    let output = flowc_with_stdin(&["fmt", "--check", "-"], MESSY);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stdout).contains("+  end a"),
        "{}",
        text(&output.stdout)
    );
    let clean = flowc_with_stdin(&["fmt", "--check", "-"], TIDY);
    assert_eq!(clean.status.code(), Some(0));
}

#[test]
fn a_missing_path_exits_2() {
    let output = flowc(&["fmt", "no-such-dir"], &common::repo());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("no-such-dir"),
        "{}",
        text(&output.stderr)
    );
}

#[cfg(unix)]
#[test]
fn fmt_keeps_links_and_modes_and_never_writes_outside_the_paths_given() {
    use std::os::unix::fs::PermissionsExt;
    let unformatted = "role   clerk\n";
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::write(outside.path().join("vendor.flow"), unformatted).expect("write");
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("proj");
    std::fs::create_dir_all(project.join("shared")).expect("dirs");
    std::fs::write(project.join("shared/org.flow"), unformatted).expect("write");
    std::os::unix::fs::symlink("shared/org.flow", project.join("org.flow")).expect("link");
    std::os::unix::fs::symlink(outside.path(), project.join("vendor")).expect("link");
    std::fs::write(project.join("mode.flow"), unformatted).expect("write");
    std::fs::set_permissions(
        project.join("mode.flow"),
        std::fs::Permissions::from_mode(0o751),
    )
    .expect("chmod");
    let output = flowc(&["fmt", "proj"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(
        std::fs::symlink_metadata(project.join("org.flow"))
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert_eq!(
        std::fs::read_to_string(project.join("shared/org.flow")).expect("read"),
        "role clerk\n"
    );
    let mode = std::fs::metadata(project.join("mode.flow"))
        .expect("mode")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o751);
    assert_eq!(
        std::fs::read_to_string(outside.path().join("vendor.flow")).expect("read"),
        unformatted,
        "nothing outside the paths given is written"
    );
}

#[cfg(unix)]
#[test]
fn fmt_keeps_hard_links_one_file() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("proj");
    std::fs::create_dir_all(&project).expect("dir");
    std::fs::write(project.join("org.flow"), "role   clerk\n").expect("write");
    std::fs::hard_link(project.join("org.flow"), dir.path().join("copy.flow")).expect("link");
    let output = flowc(&["fmt", "proj"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let formatted = std::fs::metadata(project.join("org.flow")).expect("formatted");
    let other = std::fs::metadata(dir.path().join("copy.flow")).expect("the other link");
    assert_eq!(formatted.ino(), other.ino(), "still one file");
    assert_eq!(formatted.nlink(), 2);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("copy.flow")).expect("read"),
        "role clerk\n",
        "the other link sees the formatted text"
    );
    let leftovers = std::fs::read_dir(&project)
        .expect("dir")
        .filter(|entry| {
            entry
                .as_ref()
                .is_ok_and(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        })
        .count();
    assert_eq!(leftovers, 0, "the staged copy is removed");
}
