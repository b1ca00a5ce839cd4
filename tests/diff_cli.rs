//! `flowc diff` as a user runs it: exit codes, formats, `--fail-on`,
//! `--emit`, and `--git` in a real repository with history (which must
//! leave the working tree and the index exactly as they were).

use crate::common;

use common::{stderr, stdout};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn flowc(args: &[&str], dir: &Path) -> Output {
    crate::common::flowc_command()
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("flowc runs")
}

fn fixture(case: &str) -> PathBuf {
    common::repo().join("tests/fixtures/diff").join(case)
}

fn diff_case(case: &str, extra: &[&str]) -> Output {
    let dir = fixture(case);
    let mut args = vec!["diff", "old", "new"];
    args.extend_from_slice(extra);
    flowc(&args, &dir)
}

#[test]
fn a_diff_exits_0_without_fail_on() {
    let output = diff_case("threshold-raised-fewer-reviews", &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("cases where amount is between 5,000 CNY (excluded) and 10,000 CNY (included) no longer pass through step `division_approval`"),
        "{text}"
    );
    assert!(text.ends_with("3 changes (1 major, 2 minor)\n"), "{text}");
}

#[test]
fn fail_on_major_exits_1_only_with_a_major_change() {
    let major = diff_case("threshold-raised-fewer-reviews", &["--fail-on", "major"]);
    assert_eq!(major.status.code(), Some(1));
    let minor = diff_case("threshold-lowered-more-reviews", &["--fail-on", "major"]);
    assert_eq!(minor.status.code(), Some(0), "{}", stdout(&minor));
    let none = diff_case("no-changes", &["--fail-on", "major"]);
    assert_eq!(none.status.code(), Some(0));
    assert_eq!(stdout(&none), "no changes to the processes\n");
}

#[test]
fn fail_on_minor_exits_1_with_any_change() {
    let minor = diff_case("threshold-lowered-more-reviews", &["--fail-on", "minor"]);
    assert_eq!(minor.status.code(), Some(1));
    let none = diff_case("no-changes", &["--fail-on", "minor"]);
    assert_eq!(none.status.code(), Some(0));
}

#[test]
fn markdown_and_json_formats() {
    let markdown = diff_case("step-removed-and-added", &["--format", "markdown"]);
    let text = stdout(&markdown);
    assert!(text.starts_with("## Process changes\n"), "{text}");
    assert!(text.contains("| **major** | `step-removed` |"), "{text}");
    let json = diff_case("step-removed-and-added", &["--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("JSON");
    assert_eq!(value["major"], 1);
    assert_eq!(value["changes"][0]["kind"], "step-removed");
    assert_eq!(value["changes"][0]["subject"]["name"], "gm_approval");
}

#[test]
fn a_version_with_errors_is_not_compared_and_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(
        &fixture("threshold-raised-fewer-reviews/old"),
        &dir.path().join("old"),
    );
    copy_dir(
        &fixture("threshold-raised-fewer-reviews/new"),
        &dir.path().join("new"),
    );
    let claim = dir.path().join("new/claim.flow");
    let text = std::fs::read_to_string(&claim).expect("read");
    std::fs::write(&claim, text.replace("owner cashier", "owner cashierr")).expect("write");
    let output = flowc(&["diff", "old", "new", "--fail-on", "major"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty(), "{}", stdout(&output));
    let errors = stderr(&output);
    assert!(
        errors.contains("no role or department is called `cashierr`"),
        "{errors}"
    );
    assert!(
        errors.contains("the new version (new) has errors"),
        "{errors}"
    );
}

#[test]
fn wrong_arguments_exit_2() {
    let dir = fixture("no-changes");
    let one = flowc(&["diff", "old"], &dir);
    assert_eq!(one.status.code(), Some(2));
    assert!(stderr(&one).contains("give two paths"), "{}", stderr(&one));
    let to_alone = flowc(&["diff", "old", "new", "--to", "HEAD"], &dir);
    assert_eq!(to_alone.status.code(), Some(2));
    let missing = flowc(&["diff", "old", "nowhere"], &dir);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("nowhere: no such file or directory"));
}

#[test]
fn an_unknown_change_kind_in_flowc_toml_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture("no-changes/old"), &dir.path().join("old"));
    copy_dir(&fixture("no-changes/new"), &dir.path().join("new"));
    std::fs::write(
        dir.path().join("old/flowc.toml"),
        "[diff]\nstep-gone = \"major\"\n",
    )
    .expect("write");
    let output = flowc(&["diff", "old", "new"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("[diff] names unknown change kind `step-gone`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn two_files_of_one_directory_are_compared_with_its_organisation() {
    let dir = tempfile::tempdir().expect("temp dir");
    let case = fixture("owner-and-labels-changed");
    std::fs::copy(case.join("old/org.flow"), dir.path().join("org.flow")).expect("org");
    std::fs::copy(case.join("old/claim.flow"), dir.path().join("v1.flow")).expect("v1");
    std::fs::copy(case.join("new/claim.flow"), dir.path().join("v2.flow")).expect("v2");
    let output = flowc(&["diff", "v1.flow", "v2.flow"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("owner changed from `general_manager` to `finance_manager`"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn emit_dot_writes_each_changed_process() {
    let out = tempfile::tempdir().expect("temp dir");
    let out_dir = out.path().to_string_lossy().into_owned();
    let output = diff_case(
        "step-removed-and-added",
        &["--emit", "dot", "--out", &out_dir],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let names: Vec<String> = std::fs::read_dir(out.path())
        .expect("out")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, vec!["expense_claim.dot".to_string()]);
    let dot = std::fs::read_to_string(out.path().join("expense_claim.dot")).expect("dot");
    assert!(dot.contains("<S>總經理審批</S>"), "{dot}");
    assert!(dot.contains("\"legal_check\"[label=<"), "{dot}");
    assert!(dot.contains("<B>法務審核</B>"), "{dot}");
}

/// Without Graphviz, `--emit svg` is drawn by the built-in layout, as
/// `flowc build` and `flowc doc` are, and says so; the marks are drawn
/// (the removed step struck through, the added one green). `--engine dot`
/// still needs Graphviz.
#[test]
fn emit_svg_without_graphviz_falls_back_to_the_builtin_layout() {
    let out = tempfile::tempdir().expect("temp dir");
    let target = out.path().join("svg");
    let without_graphviz = |engine: &[&str]| {
        crate::common::flowc_command()
            .args(["diff", "old", "new", "--emit", "svg", "--out"])
            .arg(&target)
            .args(engine)
            .current_dir(fixture("step-removed-and-added"))
            .env("PATH", out.path())
            .output()
            .expect("flowc runs")
    };
    let output = without_graphviz(&["--engine", "dot"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("`--engine dot` needs Graphviz's `dot` on PATH"),
        "{}",
        stderr(&output)
    );
    assert!(!target.exists());
    let output = without_graphviz(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("diagrams drawn by the built-in layout"),
        "{}",
        stderr(&output)
    );
    let svg = std::fs::read_to_string(target.join("expense_claim.svg")).expect("the picture");
    roxmltree::Document::parse(&svg).expect("the SVG is XML");
    assert!(svg.contains("data-engine=\"builtin\""), "{svg}");
    assert!(svg.contains("<g class=\"change removed\">"), "{svg}");
    assert!(
        svg.contains("text-decoration=\"line-through\" x=") && svg.contains(">總經理審批</text>"),
        "the removed step is struck through: {svg}"
    );
    assert!(svg.contains("<g class=\"change added\">"), "{svg}");
    assert!(svg.contains("<g class=\"change step-removed\">"), "{svg}");
}

#[test]
fn emit_needs_out_and_out_needs_emit() {
    let dir = fixture("no-changes");
    assert_eq!(
        flowc(&["diff", "old", "new", "--emit", "dot"], &dir)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        flowc(&["diff", "old", "new", "--out", "x"], &dir)
            .status
            .code(),
        Some(2)
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
}

fn git(dir: &Path, args: &[&str]) -> Vec<u8> {
    let output = Command::new("git")
        .args([
            "-c",
            "user.name=flowc",
            "-c",
            "user.email=flowc@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// Every file under `dir` (the `.git` directory included) with its bytes.
fn tree_state(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|entry| entry.expect("entry"))
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            (
                entry.path().to_path_buf(),
                std::fs::read(entry.path()).expect("read"),
            )
        })
        .collect();
    files.sort();
    files
}

/// A repository whose `processes/` project has two commits (the old and
/// the new version of a fixture), an uncommitted change in the working
/// tree and another one staged.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    let project = root.join("processes");
    copy_dir(&fixture("threshold-raised-fewer-reviews/old"), &project);
    std::fs::write(project.join("flowc.toml"), "[rules]\n").expect("toml");
    std::fs::write(root.join("README.md"), "notes\n").expect("readme");
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "v1"]);
    copy_dir(&fixture("threshold-raised-fewer-reviews/new"), &project);
    git(root, &["commit", "-q", "-am", "v2"]);
    let claim = project.join("claim.flow");
    let text = std::fs::read_to_string(&claim).expect("read");
    std::fs::write(
        &claim,
        text.replace("sla 15 business days", "sla 20 business days"),
    )
    .expect("write");
    std::fs::write(root.join("README.md"), "notes, staged\n").expect("readme");
    git(root, &["add", "README.md"]);
    dir
}

#[test]
fn git_compares_revisions_and_the_working_tree_without_touching_them() {
    let dir = repository();
    let root = dir.path();
    let status_before = git(root, &["status", "--porcelain"]);
    let before = tree_state(root);

    let revisions = flowc(
        &["diff", "--git", "HEAD~1", "--to", "HEAD", "processes"],
        root,
    );
    assert_eq!(revisions.status.code(), Some(0), "{}", stderr(&revisions));
    let expected = std::fs::read_to_string(common::repo().join(
        "tests/snapshots/integration__diff_fixtures__threshold-raised-fewer-reviews-human.snap",
    ))
    .expect("snapshot");
    assert!(
        stdout(&revisions).contains("major") && expected.ends_with(&stdout(&revisions)),
        "{}",
        stdout(&revisions)
    );

    let working = flowc(
        &["diff", "--git", "HEAD", "--fail-on", "major"],
        &root.join("processes"),
    );
    assert_eq!(working.status.code(), Some(1), "{}", stderr(&working));
    let text = stdout(&working);
    assert!(
        text.contains("SLA lengthened from 15 business days to 20 business days"),
        "{text}"
    );
    assert!(!text.contains("division_approval"), "{text}");

    let file = flowc(
        &[
            "diff",
            "--git",
            "main~1",
            "processes/claim.flow",
            "--format",
            "json",
        ],
        root,
    );
    assert_eq!(file.status.code(), Some(0), "{}", stderr(&file));
    let value: serde_json::Value = serde_json::from_str(&stdout(&file)).expect("JSON");
    assert_eq!(value["major"], 2, "{value}");

    assert_eq!(
        tree_state(root),
        before,
        "flowc changed files under the repository"
    );
    assert_eq!(git(root, &["status", "--porcelain"]), status_before);
}

#[test]
fn git_errors_exit_2_with_the_reason() {
    let dir = repository();
    let unknown = flowc(&["diff", "--git", "no-such-branch"], dir.path());
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("unknown revision `no-such-branch`"),
        "{}",
        stderr(&unknown)
    );
    let outside = tempfile::tempdir().expect("temp dir");
    let not_a_repository = flowc(&["diff", "--git", "HEAD"], outside.path());
    assert_eq!(not_a_repository.status.code(), Some(2));
    assert!(
        stderr(&not_a_repository).contains("is not in a git repository"),
        "{}",
        stderr(&not_a_repository)
    );
    let missing = flowc(&["diff", "--git", "HEAD", "nowhere"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("nowhere: not in revision `HEAD`"),
        "{}",
        stderr(&missing)
    );
}
