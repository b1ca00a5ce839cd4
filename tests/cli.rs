//! The real binary: exit codes, output, files written.

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

/// A temporary project holding the org of the examples and `files`.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        common::repo().join("examples/org.flow"),
        dir.path().join("org.flow"),
    )
    .expect("copy org");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write fixture");
    }
    dir
}

const BROKEN: &str = "process broken {\n  owner finance\n  start a\n  step a {\n    owner nobody\n    within 1 day\n    next done\n  }\n  end done\n  sla 2 days\n  review every 12 months, last 2026-06-01\n  kpi cycle p90 under 2 days\n}\n";

/// The date the examples are checked as of (`--today`), so no test depends
/// on the clock.
const TODAY: &str = "2026-11-28";

#[test]
fn check_examples_exits_0_with_a_summary() {
    let output = flowc(&["check", "examples", "--today", TODAY], &common::repo());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let flow_files = std::fs::read_dir(common::repo().join("examples"))
        .expect("examples")
        .filter(|entry| {
            entry
                .as_ref()
                .expect("entry")
                .path()
                .extension()
                .is_some_and(|ext| ext == "flow")
        })
        .count();
    assert!(
        stdout(&output).ends_with(&format!("0 個錯誤、0 個警告，共 {flow_files} 個文件\n")),
        "the examples' flowc.toml says zh-Hant: {}",
        stdout(&output)
    );
    let english = flowc(
        &["check", "examples", "--today", TODAY, "--lang", "en"],
        &common::repo(),
    );
    assert!(
        stdout(&english).ends_with(&format!("0 errors, 0 warnings in {flow_files} files\n")),
        "{}",
        stdout(&english)
    );
}

#[test]
fn check_with_errors_exits_1_and_renders_plain_text() {
    let dir = project(&[("broken.flow", BROKEN)]);
    let output = flowc(&["check", "--today", TODAY], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("undefined-reference"), "{text}");
    assert!(
        text.contains("no role or department is called `nobody`"),
        "{text}"
    );
    assert!(text.contains("broken.flow:5:11"), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "no colour when not on a terminal: {text:?}"
    );
    assert!(text.ends_with("1 error, 0 warnings in 2 files\n"), "{text}");
}

#[test]
fn check_of_one_file_reports_only_that_file_in_its_project() {
    let dir = project(&[
        ("broken.flow", BROKEN),
        ("other.flow", "process other {\n}\n"),
    ]);
    let output = flowc(&["check", "broken.flow", "--today", TODAY], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(!text.contains("other.flow"), "{text}");
    assert!(text.ends_with("in 1 file\n"), "{text}");
}

#[test]
fn project_root_is_the_nearest_flowc_toml() {
    let dir = project(&[]);
    std::fs::write(dir.path().join("flowc.toml"), "").expect("config");
    std::fs::create_dir(dir.path().join("claims")).expect("subdir");
    let claim = std::fs::read_to_string(common::repo().join("examples/expense-claim.flow"))
        .expect("example");
    std::fs::write(dir.path().join("claims/claim.flow"), claim).expect("write");
    let output = flowc(
        &["check", "claims/claim.flow", "--today", TODAY],
        dir.path(),
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "roles come from ../org.flow: {}",
        stdout(&output)
    );
}

#[test]
fn missing_path_exits_2() {
    let output = flowc(&["check", "no/such/dir"], &common::repo());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no/such/dir: no such file or directory"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn bad_arguments_exit_2() {
    let output = flowc(&["check", "--no-such-flag"], &common::repo());
    assert_eq!(output.status.code(), Some(2));
    let output = flowc(&["frobnicate"], &common::repo());
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn bad_config_exits_2_naming_the_file() {
    let dir = project(&[]);
    std::fs::write(
        dir.path().join("flowc.toml"),
        "[rules]\nno-such-rule = \"off\"\n",
    )
    .expect("config");
    let output = flowc(&["check"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("flowc.toml"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("`no-such-rule`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn config_can_turn_a_rule_off_or_down() {
    let dir = project(&[("broken.flow", BROKEN)]);
    std::fs::write(
        dir.path().join("flowc.toml"),
        "[rules]\nundefined-reference = \"warning\"\n",
    )
    .expect("config");
    let output = flowc(&["check", "--today", TODAY], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("0 errors, 1 warning"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn build_writes_json_and_dot_per_process() {
    let out = tempfile::tempdir().expect("temp dir");
    let output = flowc(
        &[
            "build",
            "examples",
            "--today",
            TODAY,
            "--out",
            out.path().to_str().expect("utf-8"),
        ],
        &common::repo(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for name in ["expense_claim", "contract_approval"] {
        for extension in ["json", "dot"] {
            assert!(
                out.path().join(format!("{name}.{extension}")).is_file(),
                "{name}.{extension}"
            );
        }
    }
    let leftovers: Vec<PathBuf> = std::fs::read_dir(out.path())
        .expect("out dir")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn build_twice_is_byte_identical() {
    let first = tempfile::tempdir().expect("temp dir");
    let second = tempfile::tempdir().expect("temp dir");
    for out in [&first, &second] {
        let output = flowc(
            &[
                "build",
                "examples",
                "--today",
                TODAY,
                "--out",
                out.path().to_str().expect("utf-8"),
            ],
            &common::repo(),
        );
        assert_eq!(output.status.code(), Some(0));
    }
    let mut names: Vec<_> = std::fs::read_dir(first.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    names.sort();
    assert!(names.len() >= 22);
    for name in names {
        let a = std::fs::read(first.path().join(&name)).expect("first");
        let b = std::fs::read(second.path().join(&name)).expect("second");
        assert!(a == b, "{name:?} differs between runs");
    }
}

#[test]
fn build_with_an_error_writes_nothing_and_keeps_old_output() {
    let dir = project(&[("broken.flow", BROKEN)]);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("out dir");
    std::fs::write(out.join("broken.json"), "previous build").expect("old output");
    let output = flowc(&["build", ".", "--out", "out"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("nothing was written"),
        "{}",
        stderr(&output)
    );
    let files: Vec<_> = std::fs::read_dir(&out).expect("out").collect();
    assert_eq!(files.len(), 1);
    assert_eq!(
        std::fs::read_to_string(out.join("broken.json")).expect("kept"),
        "previous build"
    );
}

#[test]
fn build_with_an_error_creates_no_output_directory() {
    let dir = project(&[("broken.flow", BROKEN)]);
    let output = flowc(&["build", ".", "--out", "fresh"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(!dir.path().join("fresh").exists());
}

#[test]
fn schema_prints_the_committed_schema() {
    let output = flowc(&["schema"], &common::repo());
    assert_eq!(output.status.code(), Some(0));
    let committed =
        std::fs::read_to_string(common::repo().join("docs/flowc-ir.schema.json")).expect("schema");
    assert_eq!(stdout(&output), committed);
}

#[test]
fn explain_prints_the_rule_page_and_rejects_unknown_rules() {
    let output = flowc(&["explain", "dead-end"], &common::repo());
    assert_eq!(output.status.code(), Some(0));
    let committed =
        std::fs::read_to_string(common::repo().join("docs/rules/dead-end.md")).expect("page");
    assert_eq!(stdout(&output), committed);
    let by_code = flowc(&["explain", "F202"], &common::repo());
    assert_eq!(stdout(&by_code), committed);
    let unknown = flowc(&["explain", "no-such-rule"], &common::repo());
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("dead-end"), "lists the rules");
}

#[test]
fn rules_lists_every_rule() {
    let output = flowc(&["rules"], &common::repo());
    assert_eq!(output.status.code(), Some(0));
    for info in flowc::check::registry::RULES {
        assert!(stdout(&output).contains(info.name), "{}", info.name);
    }
}

/// The output with miette's wrapped message lines joined again.
fn unwrapped(text: &str) -> String {
    text.replace("\n  │ ", " ")
}

/// A claim reviewed every 6 months, last on 2026-06-01, so due on 2026-12-01.
const REVIEWED: &str = "process claim {\n  category approval\n  owner finance\n  review every 6 months, last 2026-06-01\n  sla 5 business days\n  start apply\n  step apply {\n    owner employee\n    within 2 business days\n    next pay\n  }\n  step pay {\n    owner cashier\n    within 2 business days\n    next paid\n  }\n  end paid\n  kpi cycle p90 under 4 business days\n}\n";

#[test]
fn today_decides_whether_a_review_is_overdue() {
    let dir = project(&[("claim.flow", REVIEWED)]);
    let due_today = flowc(&["check", "--today", "2026-12-01"], dir.path());
    assert_eq!(due_today.status.code(), Some(0), "{}", stdout(&due_today));
    assert!(
        stdout(&due_today).ends_with("0 errors, 0 warnings in 2 files\n"),
        "{}",
        stdout(&due_today)
    );
    let late = flowc(&["check", "--today", "2026-12-02"], dir.path());
    assert_eq!(
        late.status.code(),
        Some(0),
        "warnings do not fail the check"
    );
    let text = unwrapped(&stdout(&late));
    assert!(text.contains("review-overdue"), "{text}");
    assert!(
        text.contains("so due on 2026-12-01, 1 day before today (2026-12-02)"),
        "{text}"
    );
    assert!(text.ends_with("0 errors, 1 warning in 2 files\n"), "{text}");
}

#[test]
fn a_bad_today_exits_2() {
    let dir = project(&[("claim.flow", REVIEWED)]);
    for bad in ["2026-02-30", "yesterday", "2026/07/01"] {
        let output = flowc(&["check", "--today", bad], dir.path());
        assert_eq!(output.status.code(), Some(2), "{bad}");
        assert!(stderr(&output).contains("--today"), "{}", stderr(&output));
    }
}

#[test]
fn a_rule_off_by_default_is_turned_on_in_the_config() {
    let dir = project(&[("claim.flow", REVIEWED)]);
    let output = flowc(&["check", "--today", TODAY], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("0 errors, 0 warnings"),
        "off by default: {}",
        stdout(&output)
    );
    std::fs::write(
        dir.path().join("flowc.toml"),
        "[rules]\nmissing-escalation = \"error\"\n",
    )
    .expect("config");
    let output = flowc(&["check", "--today", TODAY], dir.path());
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let text = unwrapped(&stdout(&output));
    assert!(
        text.contains(
            "step `apply` has no escalation, though its owner `employee` reports to `dept_head`"
        ),
        "{text}"
    );
    assert!(text.contains("2 errors, 0 warnings"), "{text}");
}

#[test]
fn required_participants_are_checked_against_the_project() {
    let dir = project(&[("claim.flow", REVIEWED)]);
    std::fs::write(
        dir.path().join("flowc.toml"),
        "[[required-participant]]\ncategory = \"approval\"\nparticipant = \"legl\"\nreason = \"contracts pass legal\"\n",
    )
    .expect("config");
    let output = flowc(&["check", "--today", TODAY], dir.path());
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(
        text.contains("participant = \"legl\" is neither a role nor a department"),
        "{text}"
    );
    assert!(text.contains("legal"), "lists the names: {text}");
    std::fs::write(
        dir.path().join("flowc.toml"),
        "[[required-participant]]\ncategory = \"approval\"\nparticipant = \"legal\"\nreason = \"approvals pass legal\"\n",
    )
    .expect("config");
    let output = flowc(&["check", "--today", TODAY], dir.path());
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let text = unwrapped(&stdout(&output));
    assert!(
        text.contains("process `claim` can finish without `legal`: the path apply → pay → paid"),
        "{text}"
    );
    assert!(
        text.contains("Required because: approvals pass legal"),
        "{text}"
    );
}

/// Runs `flowc build examples --out OUT` under a file-size limit of one
/// kilobyte, so writing the first artifact fails part-way.
#[cfg(unix)]
fn build_with_tiny_file_limit(out: &Path, ignore_signal: bool) -> Output {
    let trap = if ignore_signal { "trap '' XFSZ; " } else { "" };
    let script = format!(
        "{trap}ulimit -f 2; exec \"{}\" build examples --out \"{}\"",
        env!("CARGO_BIN_EXE_flowc"),
        out.display()
    );
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .current_dir(common::repo())
        .output()
        .expect("sh runs")
}

/// Fills `out` with recognisable previous outputs.
fn previous_outputs(out: &Path) -> Vec<PathBuf> {
    let paths: Vec<PathBuf> = [
        "annual_budget.dot",
        "expense_claim.json",
        "contract_approval.dot",
    ]
    .iter()
    .map(|name| out.join(name))
    .collect();
    for path in &paths {
        std::fs::write(path, "previous build").expect("old output");
    }
    paths
}

#[cfg(unix)]
#[test]
fn a_write_failure_leaves_every_previous_output_untouched() {
    let out = tempfile::tempdir().expect("temp dir");
    let previous = previous_outputs(out.path());
    let output = build_with_tiny_file_limit(out.path(), true);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    // The examples are in Traditional Chinese: so is the error.
    assert!(
        stderr(&output).contains("錯誤：無法寫入"),
        "{}",
        stderr(&output)
    );
    for path in &previous {
        assert_eq!(
            std::fs::read_to_string(path).expect("kept"),
            "previous build",
            "{path:?}"
        );
    }
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
    assert_eq!(
        names.len(),
        previous.len(),
        "no new, partial or temporary file: {names:?}"
    );
}

/// Every file in `out`, by name: its bytes and its inode (which tells a
/// file left as it was from one written again).
#[cfg(unix)]
fn files_with_inodes(out: &Path) -> std::collections::BTreeMap<String, (Vec<u8>, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::read_dir(out)
        .expect("out")
        .map(|entry| {
            let entry = entry.expect("entry");
            let inode = entry.metadata().expect("metadata").ino();
            let bytes = std::fs::read(entry.path()).expect("read");
            (
                entry.file_name().to_string_lossy().into_owned(),
                (bytes, inode),
            )
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn a_build_again_rewrites_only_the_outputs_that_changed_and_keeps_stale_files() {
    let out = tempfile::tempdir().expect("temp dir");
    let out_arg = out.path().to_str().expect("utf-8");
    let build = || {
        flowc(
            &["build", "examples", "--out", out_arg, "--today", TODAY],
            &common::repo(),
        )
    };
    assert_eq!(build().status.code(), Some(0));
    let first = files_with_inodes(out.path());
    let damaged = out.path().join("expense_claim.json");
    let mut bytes = first["expense_claim.json"].0.clone();
    bytes[0] ^= 1;
    std::fs::write(&damaged, &bytes).expect("same length, one byte changed");
    std::fs::write(out.path().join("retired_process.json"), "stale").expect("stale output");
    let before = files_with_inodes(out.path());
    let output = build();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let after = files_with_inodes(out.path());
    assert_eq!(
        after.len(),
        first.len() + 1,
        "the stale file is kept, nothing added"
    );
    assert_eq!(
        after["retired_process.json"],
        before["retired_process.json"]
    );
    let mut kept = 0;
    for (name, (bytes, inode)) in &first {
        assert_eq!(&after[name].0, bytes, "{name} holds the build's bytes");
        if name == "expense_claim.json" {
            assert_ne!(
                after[name].1, before[name].1,
                "the damaged output is replaced"
            );
        } else {
            assert_eq!(
                after[name].1, *inode,
                "{name} was already right: left as it was"
            );
            kept += 1;
        }
    }
    assert_eq!(kept, first.len() - 1);
    assert!(first.len() >= 22, "{} outputs", first.len());
}

#[cfg(unix)]
#[test]
fn a_failing_build_into_a_built_folder_leaves_every_output_as_it_was() {
    let out = tempfile::tempdir().expect("temp dir");
    let out_arg = out.path().to_str().expect("utf-8");
    let built = flowc(&["build", "examples", "--out", out_arg], &common::repo());
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    let previous = previous_outputs(out.path());
    let before = files_with_inodes(out.path());
    let output = build_with_tiny_file_limit(out.path(), true);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(
        files_with_inodes(out.path()),
        before,
        "bytes and files as they were"
    );
    assert_eq!(previous.len(), 3);
}

#[cfg(unix)]
#[test]
fn a_build_killed_while_writing_damages_no_previous_output() {
    use std::os::unix::process::ExitStatusExt;
    let out = tempfile::tempdir().expect("temp dir");
    let previous = previous_outputs(out.path());
    let output = build_with_tiny_file_limit(out.path(), false);
    assert_eq!(
        output.status.signal(),
        Some(25),
        "killed by SIGXFSZ: {:?}",
        output.status
    );
    for path in &previous {
        assert_eq!(
            std::fs::read_to_string(path).expect("kept"),
            "previous build",
            "{path:?}"
        );
    }
    for entry in std::fs::read_dir(out.path()).expect("out") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let is_previous = previous.iter().any(|path| path.ends_with(&name));
        assert!(
            is_previous || name.starts_with(".flowc-"),
            "{name} is a partial output"
        );
    }
}

#[test]
fn output_does_not_depend_on_the_order_paths_are_given() {
    let files = [
        "examples/contract-approval.flow",
        "examples/expense-claim.flow",
        "examples/budget.flow",
    ];
    let mut outputs = Vec::new();
    for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
        let out = tempfile::tempdir().expect("temp dir");
        let mut args = vec!["build"];
        args.extend(order.iter().map(|&index| files[index]));
        args.extend(["--out", out.path().to_str().expect("utf-8")]);
        let output = flowc(&args, &common::repo());
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let mut contents: Vec<(String, Vec<u8>)> = std::fs::read_dir(out.path())
            .expect("out")
            .map(|entry| {
                let entry = entry.expect("entry");
                (
                    entry.file_name().to_string_lossy().into_owned(),
                    std::fs::read(entry.path()).expect("read"),
                )
            })
            .collect();
        contents.sort();
        outputs.push(contents);
    }
    assert_eq!(outputs[0].len(), 6);
    assert!(outputs.windows(2).all(|pair| pair[0] == pair[1]));
}

#[test]
fn artifacts_hold_no_absolute_paths() {
    let out = tempfile::tempdir().expect("temp dir");
    let output = flowc(
        &[
            "build",
            "examples",
            "--out",
            out.path().to_str().expect("utf-8"),
        ],
        &common::repo(),
    );
    assert_eq!(output.status.code(), Some(0));
    let root = common::repo().display().to_string();
    for entry in std::fs::read_dir(out.path()).expect("out") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
        assert!(!text.contains(&root), "an artifact mentions {root}");
    }
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("out dir")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn build_emit_bpmn_writes_one_bpmn_file_per_process_and_a_form_per_user_task() {
    let out = tempfile::tempdir().expect("temp dir");
    let output = flowc(
        &[
            "build",
            "examples",
            "--out",
            out.path().to_str().expect("utf-8"),
            "--emit",
            "bpmn",
        ],
        &common::repo(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let names = files_in(out.path());
    assert!(
        names
            .iter()
            .all(|name| name.ends_with(".bpmn") || name.ends_with(".form")),
        "{names:?}"
    );
    assert_eq!(
        names.iter().filter(|name| name.ends_with(".bpmn")).count(),
        13,
        "{names:?}"
    );
    let text = std::fs::read_to_string(out.path().join("expense_claim.bpmn")).expect("bpmn");
    assert!(
        text.contains("<zeebe:userTask/>"),
        "zeebe is the default dialect"
    );
    let tasks = text.matches("<zeebe:userTask/>").count();
    let forms = names
        .iter()
        .filter(|name| name.starts_with("expense_claim.") && name.ends_with(".form"))
        .count();
    assert_eq!(forms, tasks, "one form per user task: {names:?}");
    assert!(
        text.contains("<zeebe:formDefinition formId=\"expense_claim."),
        "{text}"
    );
}

#[test]
fn build_emit_is_a_comma_separated_list_and_the_dialect_can_be_chosen() {
    let out = tempfile::tempdir().expect("temp dir");
    let output = flowc(
        &[
            "build",
            "examples",
            "--out",
            out.path().to_str().expect("utf-8"),
            "--emit",
            "json,bpmn",
            "--bpmn-dialect",
            "spiff",
        ],
        &common::repo(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let names = files_in(out.path());
    assert!(
        names.contains(&"expense_claim.json".to_string()),
        "{names:?}"
    );
    assert!(
        !names.iter().any(|name| name.ends_with(".dot")),
        "{names:?}"
    );
    let text = std::fs::read_to_string(out.path().join("expense_claim.bpmn")).expect("bpmn");
    assert!(text.contains("spiffworkflow:properties"), "{text}");
    assert!(!text.contains("zeebe"), "{text}");
    assert!(
        !names.iter().any(|name| name.ends_with(".form")),
        "Camunda Forms are for the Zeebe dialect only: {names:?}"
    );
    let output = flowc(
        &["build", "examples", "--out", "x", "--emit", "pdf"],
        &common::repo(),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("bpmn"), "{}", stderr(&output));
}

#[test]
fn sim_prints_the_timeline_and_exits_0() {
    let output = flowc(
        &[
            "--lang",
            "en",
            "sim",
            "examples",
            "--process",
            "expense_claim",
            "--set",
            "amount=50000.01",
            "--outcome",
            "dept_review=reject",
            "--delay",
            "finance_review=5bd",
            "--start",
            "2026-12-01T09:00",
        ],
        &common::repo(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("decide   by_amount: amount > 50000 CNY -> gm_approval"),
        "{text}"
    );
    assert!(
        text.contains("escalate finance_review to finance_manager"),
        "{text}"
    );
    assert!(text.contains("[rework round 2]"), "{text}");
    assert!(
        text.ends_with("OVER the SLA of 15 business days\n"),
        "{text}"
    );
}

/// `flowc sim ARGS --format json` in `dir`, which must exit 0: its JSON.
fn sim_json(args: &[&str], dir: &Path) -> serde_json::Value {
    let mut full = vec!["sim"];
    full.extend_from_slice(args);
    full.extend(["--format", "json"]);
    let output = flowc(&full, dir);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).expect("json")
}

#[test]
fn sim_json_holds_the_steps_reached() {
    let value = sim_json(
        &[
            "examples/expense-claim.flow",
            "--process",
            "expense_claim",
            "--set",
            "amount=5000",
        ],
        &common::repo(),
    );
    assert_eq!(
        value["steps"],
        serde_json::json!(["apply", "dept_review", "finance_review", "pay"])
    );
    assert_eq!(value["start"], "2026-01-05T09:00");
    assert_eq!(value["sla"]["met"], true);
}

#[test]
fn sim_refuses_bad_arguments_with_exit_2() {
    for (args, expected) in [
        (vec!["--process", "nope"], "the processes are:"),
        (
            vec!["--process", "expense_claim", "--set", "amount=lots"],
            "is not an amount of CNY",
        ),
        (
            vec!["--process", "expense_claim", "--set", "amont=5"],
            "has no input `amont`; its inputs are: amount, expense_type",
        ),
        (
            vec!["--process", "expense_claim", "--delay", "pay=soon"],
            "is not a duration",
        ),
        (
            vec!["--process", "expense_claim", "--start", "tomorrow"],
            "write a date and time as YYYY-MM-DDTHH:MM",
        ),
        (
            vec!["--process", "expense_claim", "--outcome", "audit=next"],
            "process `expense_claim` has no step `audit`; its steps are: apply,",
        ),
        (
            vec![
                "--process",
                "expense_claim",
                "--outcome",
                "dept_review=approve",
            ],
            "step `dept_review` has no outcome `approve`; it can end with: next, reject",
        ),
    ] {
        // The examples are in Traditional Chinese: these messages are read in English.
        let mut full = vec!["--lang", "en", "sim", "examples"];
        full.extend(args);
        let output = flowc(&full, &common::repo());
        assert_eq!(
            output.status.code(),
            Some(2),
            "{full:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(expected),
            "{full:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn sim_exits_1_when_the_run_cannot_finish_or_the_project_has_errors() {
    let stuck = "process route {\n  owner finance\n  input amount: money CNY\n  start by_amount\n  decide by_amount {\n    when amount < 5000 CNY -> done\n  }\n  end done\n}\n";
    // decision-gap reports this decision; with the rule off, the run stops.
    let dir = project(&[
        ("route.flow", stuck),
        ("flowc.toml", "[rules]\ndecision-gap = \"off\"\n"),
    ]);
    let output = flowc(
        &["sim", ".", "--process", "route", "--set", "amount=5000"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("amount = 5000 CNY match no branch of decision `by_amount`"),
        "{}",
        stderr(&output)
    );
    let dir = project(&[("broken.flow", BROKEN)]);
    let output = flowc(&["sim", ".", "--process", "broken"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("nothing was simulated"));
}

#[test]
fn sim_follows_the_first_condition_that_holds_in_document_order() {
    let overlapping = "process route {\n  category approval\n  owner finance\n  review every 12 months, last 2026-03-01\n  sla 5 business days\n  kpi cycle_time \"周期\" p90 under 5 business days\n  input amount: money CNY\n  start by_amount\n  decide by_amount {\n    when amount >= 5000 CNY -> large\n    # flowc: allow(decision-overlap) this test needs two conditions that both hold\n    when amount <= 5000 CNY -> small\n  }\n  end large\n  end small\n}\n";
    let dir = project(&[("route.flow", overlapping)]);
    for (amount, taken) in [("5000", "large"), ("4999", "small"), ("5001", "large")] {
        let value = sim_json(
            &[
                ".",
                "--process",
                "route",
                "--set",
                &format!("amount={amount}"),
            ],
            dir.path(),
        );
        assert_eq!(value["end"], taken, "amount {amount}: {value}");
    }
}

#[test]
fn sim_starts_a_date_without_a_time_when_the_working_day_starts() {
    let value = sim_json(
        &[
            "tests/fixtures/sim/golden-week",
            "--process",
            "leave",
            "--set",
            "days=5",
            "--start",
            "2026-09-30",
        ],
        &common::repo(),
    );
    assert_eq!(
        value["start"], "2026-09-30T08:30",
        "day-starts is 08:30 there"
    );
}

/// Runs `flowc check` on a project with a finding under a pseudo-terminal
/// (util-linux `script`), with `NO_COLOR` set or not, and returns what the
/// terminal received.
#[cfg(unix)]
fn check_in_a_terminal(no_color: bool) -> Option<String> {
    let dir = project(&[("claim.flow", BROKEN)]);
    let binary = env!("CARGO_BIN_EXE_flowc");
    let mut command = Command::new("script");
    command
        .args(["-qec", &format!("{binary} check ."), "/dev/null"])
        .current_dir(dir.path())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("NO_COLOR");
    if no_color {
        command.env("NO_COLOR", "1");
    }
    let output = command.output().ok()?;
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[cfg(unix)]
#[test]
fn colour_in_a_terminal_and_none_under_no_color() {
    let Some(coloured) = check_in_a_terminal(false) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "util-linux `script` is needed to give flowc a terminal"
        );
        eprintln!("skipped: no `script` to give flowc a terminal");
        return;
    };
    assert!(
        coloured.contains("\u{1b}["),
        "no colour in a terminal: {coloured}"
    );
    let plain = check_in_a_terminal(true).expect("script ran once already");
    assert!(plain.contains("error"), "{plain}");
    assert!(!plain.contains("\u{1b}["), "colour under NO_COLOR: {plain}");
}

#[cfg(unix)]
#[test]
fn artifacts_are_readable_by_everyone() {
    use std::os::unix::fs::PermissionsExt;
    let out = tempfile::tempdir().expect("temp dir");
    let output = flowc(
        &[
            "build",
            "examples",
            "--out",
            out.path().to_str().expect("utf-8"),
        ],
        &common::repo(),
    );
    assert_eq!(output.status.code(), Some(0));
    let json = std::fs::metadata(out.path().join("expense_claim.json")).expect("written");
    assert_eq!(json.permissions().mode() & 0o777, 0o644);
}

/// Runs flowc with standard output going to `stdout`, and returns the exit
/// code and standard error.
fn flowc_with_stdout(args: &[&str], stdout: std::process::Stdio) -> (Option<i32>, String) {
    let mut child = crate::common::flowc_command()
        .args(args)
        .current_dir(common::repo())
        .stdout(stdout)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("flowc starts");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("flowc finishes");
    (output.status.code(), stderr(&output))
}

#[test]
fn a_reader_that_closes_the_pipe_early_does_not_crash_flowc() {
    let commands: [(&[&str], i32); 4] = [
        (&["check", "examples", "--today", TODAY], 0),
        (&["rules"], 0),
        (&["schema"], 0),
        (&["explain", "dead-end"], 0),
    ];
    for (args, code) in commands {
        let (status, errors) = flowc_with_stdout(args, std::process::Stdio::piped());
        assert_eq!(status, Some(code), "{args:?}: {errors}");
        assert!(!errors.contains("panicked"), "{args:?}: {errors}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn standard_output_that_cannot_be_written_is_an_error() {
    let full = std::fs::File::create("/dev/full").expect("/dev/full opens");
    let (status, errors) = flowc_with_stdout(&["rules"], full.into());
    assert_eq!(status, Some(2), "{errors}");
    assert!(
        errors.contains("error: cannot write standard output"),
        "{errors}"
    );
}
