//! The first hour with flowc, through the real binary: `flowc init`, shell
//! completions, the manual page, `flowc explain` with a misspelt rule, and
//! the warnings and messages for projects that are not what they seem
//! (look-alike files, no `.flow` file, nested roots, a file outside any
//! project).

use crate::common;

use common::{stderr, stdout};

use std::path::Path;
use std::process::{Command, Output};

fn flowc(args: &[&str], dir: &Path) -> Output {
    crate::common::flowc_command()
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("flowc runs")
}

const INIT_FILES: [&str; 3] = ["flowc.toml", "org.flow", "leave-request.flow"];

#[test]
fn init_creates_a_project_that_checks_clean() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = flowc(&["init", "公司流程", "--today", "2026-11-28"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let project = dir.path().join("公司流程");
    for name in INIT_FILES {
        assert!(project.join(name).is_file(), "{name} written");
    }
    let toml = std::fs::read_to_string(project.join("flowc.toml")).expect("flowc.toml");
    assert!(
        toml.lines().filter(|line| line.starts_with('#')).count() >= 5,
        "{toml}"
    );
    let process = std::fs::read_to_string(project.join("leave-request.flow")).expect("process");
    assert!(process.contains("last 2026-11-28"), "{process}");
    let check = flowc(&["check", "公司流程", "--today", "2026-11-28"], dir.path());
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert!(
        stdout(&check).ends_with("0 errors, 0 warnings in 2 files\n"),
        "{}",
        stdout(&check)
    );
    // Every command a new user is pointed to works on it.
    let doc = flowc(
        &[
            "doc",
            "公司流程",
            "--out",
            "handbook",
            "--today",
            "2026-11-28",
        ],
        dir.path(),
    );
    assert_eq!(doc.status.code(), Some(0), "{}", stderr(&doc));
}

#[test]
fn init_in_the_current_folder_and_never_overwriting() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("org.flow"), "department mine\n").expect("write");
    let output = flowc(&["init"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("org.flow already exists; flowc init never overwrites a file"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("org.flow")).expect("org"),
        "department mine\n"
    );
    assert!(!dir.path().join("flowc.toml").exists(), "nothing written");
    std::fs::remove_file(dir.path().join("org.flow")).expect("remove");
    let output = flowc(&["init"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(dir.path().join("leave-request.flow").is_file());
}

#[test]
fn completions_for_every_shell() {
    let dir = tempfile::tempdir().expect("temp dir");
    let shells = ["bash", "zsh", "fish", "powershell"];
    for shell in shells {
        let output = flowc(&["completions", shell], dir.path());
        assert_eq!(
            output.status.code(),
            Some(0),
            "{shell}: {}",
            stderr(&output)
        );
        let script = stdout(&output);
        for command in ["check", "build", "init", "completions", "man", "explain"] {
            assert!(script.contains(command), "{shell} completes `{command}`");
        }
    }
    let bash = flowc(&["completions", "bash"], dir.path());
    let path = dir.path().join("flowc.bash");
    std::fs::write(&path, &bash.stdout).expect("write");
    match Command::new("bash").arg("-n").arg(&path).output() {
        Ok(syntax) => assert!(syntax.status.success(), "{}", stderr(&syntax)),
        Err(_) if std::env::var_os("CI").is_some() => panic!("bash is missing under CI"),
        Err(_) => eprintln!("SKIPPED: bash not found, the bash script's syntax is not checked"),
    }
    let refused = flowc(&["completions", "tcsh"], dir.path());
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("possible values: bash, zsh, fish, powershell"));
}

#[test]
fn the_manual_page_lists_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = flowc(&["man"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    let page = stdout(&output);
    assert!(page.contains(".TH flowc 1"), "{page}");
    let commands = [
        "check",
        "build",
        "doc",
        "fmt",
        "lsp",
        "diff",
        "sim",
        "init",
        "completions",
    ];
    for command in commands {
        assert!(page.contains(&format!("flowc\\-{command}(1)")), "{command}");
        let sub = flowc(&["man", command], dir.path());
        assert_eq!(sub.status.code(), Some(0), "{command}");
        assert!(
            stdout(&sub).contains(&format!(".TH flowc-{command} 1")),
            "{}",
            stdout(&sub)
        );
    }
    let check = stdout(&flowc(&["man", "check"], dir.path()));
    assert!(check.contains("deny\\-warnings"), "{check}");
    let unknown = flowc(&["man", "chek"], dir.path());
    assert_eq!(unknown.status.code(), Some(2));
    match Command::new("man").arg("--version").output() {
        Ok(_) => {
            let path = dir.path().join("flowc.1");
            std::fs::write(&path, page.as_bytes()).expect("write");
            let shown = Command::new("man")
                .arg("-l")
                .arg(&path)
                .env("MANPAGER", "cat")
                .env("MANWIDTH", "80")
                .output()
                .expect("man runs");
            assert!(shown.status.success(), "{}", stderr(&shown));
            assert!(
                stdout(&shown).contains("SUBCOMMANDS") || stdout(&shown).contains("flowc-check")
            );
        }
        Err(_) if std::env::var_os("CI").is_some() => panic!("man is missing under CI"),
        Err(_) => eprintln!("SKIPPED: man not found, the page is not rendered"),
    }
}

#[test]
fn explain_suggests_the_rule_meant() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = flowc(&["explain", "undefined-refrence"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "error: no rule is called `undefined-refrence`; did you mean `undefined-reference`?\nhelp: run `flowc explain undefined-reference`, or `flowc rules` for the list of rules\n"
    );
    let output = flowc(&["explain", "F002"], dir.path());
    assert_eq!(output.status.code(), Some(0));
}

/// A project folder holding the examples' org and `files`.
fn project_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        common::repo().join("examples/org.flow"),
        dir.path().join("org.flow"),
    )
    .expect("copy org");
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    dir
}

fn example(name: &str) -> String {
    std::fs::read_to_string(common::repo().join("examples").join(name)).expect("example")
}

#[test]
fn look_alike_files_are_named_in_warnings() {
    let claim = example("expense-claim.flow");
    let dir = project_with(&[
        ("flowc.toml", ""),
        ("請假.flow.txt", &claim),
        ("OLD.FLOW", &claim),
        ("budget.flow~", &claim),
        ("notes.txt", "not a process"),
    ]);
    let output = flowc(&["check", ".", "--today", "2026-11-28"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let errors = stderr(&output);
    let warnings: Vec<&str> = errors
        .lines()
        .filter(|line| line.starts_with("warning:"))
        .collect();
    assert_eq!(
        warnings,
        [
            "warning: OLD.FLOW looks like a process file but is not read: flowc reads only files whose names end in `.flow`",
            "warning: budget.flow~ looks like a process file but is not read: flowc reads only files whose names end in `.flow`",
            "warning: 請假.flow.txt looks like a process file but is not read: flowc reads only files whose names end in `.flow`",
        ]
    );
    assert!(stderr(&output).contains("help: rename it to `請假.flow`"));
    assert!(stderr(&output).contains("help: rename it to `OLD.flow`"));
}

#[test]
fn a_folder_without_flow_files_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("empty")).expect("mkdir");
    let output = flowc(&["check", "empty"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "error: no .flow file under empty\nhelp: give the folder that holds your process files, or start a project here with `flowc init`\n"
    );
    assert_eq!(stdout(&output), "");
}

#[test]
fn excluding_every_file_is_an_error() {
    let dir = project_with(&[("flowc.toml", "exclude = [\"**\"]\n")]);
    let output = flowc(&["check", "."], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "error: every .flow file under . (1) is left out by `exclude` in flowc.toml\nhelp: narrow the patterns of `exclude`; a pattern such as \"**\" leaves out everything\n"
    );
}

#[test]
fn a_nested_project_root_is_a_warning_naming_both_roots() {
    let dir = project_with(&[
        ("flowc.toml", ""),
        ("hr/flowc.toml", ""),
        ("hr/claim.flow", &example("expense-claim.flow")),
    ]);
    let output = flowc(&["check", ".", "--today", "2026-11-28"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stderr(&output).starts_with("warning: hr has a flowc.toml of its own inside the project at .: checked from ., the files under hr are part of this project; checked from hr, they are a project of their own"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("`exclude = [\"hr/**\"]`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_file_outside_any_project_gets_one_message_naming_the_roles_it_cannot_see() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("claim.flow"), example("expense-claim.flow")).expect("write");
    let output = flowc(
        &[
            "check",
            "claim.flow",
            "--format",
            "json",
            "--today",
            "2026-11-28",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let diagnostics = report.as_array().expect("a list");
    assert_eq!(diagnostics.len(), 1, "{report:#}");
    assert_eq!(diagnostics[0]["rule"], "undefined-reference");
    assert_eq!(
        diagnostics[0]["message"],
        "claim.flow is checked outside any project (no flowc.toml in its folder or above it), so it cannot see the roles and departments it names: `accountant`, `cashier`, `dept_head`, `division_lead`, `employee`, `finance`, `finance_manager`, `general_manager` (10 places)"
    );
    assert!(
        diagnostics[0]["help"]
            .as_str()
            .expect("help")
            .contains("put a flowc.toml in it")
    );
    // A typo keeps its own "did you mean" where the project is seen.
    let dir = project_with(&[(
        "claim.flow",
        &example("expense-claim.flow").replacen("owner employee", "owner employe", 1),
    )]);
    let output = flowc(&["check", ".", "--today", "2026-11-28"], dir.path());
    assert!(
        stdout(&output).contains("did you mean `employee`?"),
        "{}",
        stdout(&output)
    );
}

/// `flowc init --lang zh-Hant`: the project is written in Traditional
/// Chinese (comments, labels, `lang = "zh-Hant"`), checks clean, and
/// `flowc init` says so in Chinese.
#[test]
fn init_in_traditional_chinese_writes_a_chinese_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = flowc(
        &["init", "項目", "--today", "2026-11-28", "--lang", "zh-Hant"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let project = dir.path().join("項目");
    let mut written = String::new();
    for name in INIT_FILES {
        let text = std::fs::read_to_string(project.join(name)).expect("written");
        written.push_str(&format!("==> {name}\n{text}\n"));
    }
    assert!(written.contains("lang = \"zh-Hant\"\n"), "{written}");
    insta::assert_snapshot!(format!("{}\n{written}", stderr(&output)));
    let check = flowc(&["check", "項目", "--today", "2026-11-28"], dir.path());
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    // Every comment is written in Chinese (the settings it shows stay as
    // flowc.toml spells them).
    let comments: Vec<&str> = written
        .lines()
        .filter(|line| line.starts_with('#') && !line.contains(" = ") && !line.starts_with("# ["))
        .collect();
    assert!(comments.len() >= 10, "{written}");
    for comment in comments {
        assert!(
            comment
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{comment}"
        );
    }
}

/// The command line's own messages follow `--lang`: a mistyped process
/// name, and a folder without `.flow` files, in Traditional Chinese.
#[test]
fn the_command_lines_messages_in_traditional_chinese() {
    let repo = common::repo();
    let output = flowc(
        &[
            "sim",
            "examples",
            "--process",
            "expens_claim",
            "--lang",
            "zh-Hant",
        ],
        &repo,
    );
    assert_eq!(output.status.code(), Some(2));
    let said = stderr(&output);
    assert!(
        said.starts_with("錯誤：--process expens_claim：沒有這個名稱的流程（是否想寫 `expense_claim`？）；現有的流程是："),
        "{said}"
    );
    assert!(said.contains("expense_claim、"), "{said}");
    let empty = tempfile::tempdir().expect("temp dir");
    let output = flowc(&["check", ".", "--lang", "zh-Hant"], empty.path());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "錯誤：. 下沒有 .flow 文件\n修正：給出存放流程文件的文件夾，或用 `flowc init` 在此新建項目\n"
    );
}

/// `flowc build`, `flowc fmt` and the simulator's scenario errors speak
/// the project's language: the examples' flowc.toml says zh-Hant.
#[test]
fn build_fmt_and_sim_lines_in_traditional_chinese() {
    let repo = common::repo();
    let out = tempfile::tempdir().expect("temp dir");
    let out_dir = out.path().join("site");
    let output = flowc(
        &[
            "build",
            "examples",
            "--emit",
            "svg",
            "--engine",
            "builtin",
            "--out",
            out_dir.to_str().expect("a UTF-8 path"),
        ],
        &repo,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let said = stderr(&output);
    assert!(said.contains("圖由內置布局繪製\n"), "{said}");
    assert!(
        said.contains(&format!("個文件到 {}\n", out_dir.display())),
        "{said}"
    );
    let output = flowc(&["fmt", "--check", "examples", "--lang", "zh-Hant"], &repo);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let said = stderr(&output);
    assert!(said.starts_with("0 個文件需要重新格式化，"), "{said}");
    assert!(said.ends_with(" 個文件已是規範格式\n"), "{said}");
    let output = flowc(
        &[
            "sim",
            "examples",
            "--process",
            "expense_claim",
            "--set",
            "amount=abc",
        ],
        &repo,
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "錯誤：--set amount=abc：`abc` 不是可精確表示的 CNY 金額；例如寫 `5000.01` 或 `5000.01 CNY`（最多 28 位數字）\n"
    );
}
