//! `flowc check --format ...` and exit codes, on the real binary.
//!
//! Each format is snapshotted for `tests/fixtures/formats/errors-and-warnings`
//! (errors and warnings, Chinese names, a related place, an unused allow,
//! an excluded draft). Paths in the output are relative to the working
//! directory, which is the crate root here.

use crate::common;

use common::{stderr, stdout};

use std::path::Path;
use std::process::Output;

const FIXTURE: &str = "tests/fixtures/formats/errors-and-warnings";

fn flowc(args: &[&str], dir: &Path) -> Output {
    crate::common::flowc_command()
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("flowc runs")
}

fn check_fixture(format: &str) -> Output {
    flowc(&["check", "--format", format, FIXTURE], &common::repo())
}

#[test]
fn every_format_matches_its_snapshot() {
    for format in ["human", "json", "github"] {
        let output = check_fixture(format);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{format}: {}",
            stderr(&output)
        );
        insta::assert_snapshot!(format!("errors-and-warnings.{format}"), stdout(&output));
    }
}

/// The SARIF log, with the driver's rules cut down to those the results
/// use (the full list grows with every new rule; another test checks it).
#[test]
fn sarif_matches_its_snapshot() {
    let output = check_fixture("sarif");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let mut log: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let run = &mut log["runs"][0];
    let used: Vec<serde_json::Value> = run["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|result| result["ruleId"].clone())
        .collect();
    let rules = run["tool"]["driver"]["rules"]
        .as_array_mut()
        .expect("rules");
    rules.retain(|rule| used.contains(&rule["id"]));
    let text = serde_json::to_string_pretty(&log).expect("JSON");
    insta::assert_snapshot!("errors-and-warnings.sarif (rules used)", text);
}

#[test]
fn output_is_the_same_on_every_run() {
    for format in ["human", "json", "sarif", "github"] {
        let first = check_fixture(format);
        let second = check_fixture(format);
        assert_eq!(stdout(&first), stdout(&second), "{format}");
    }
}

#[test]
fn machine_formats_keep_stdout_clean_and_summarise_on_stderr() {
    for format in ["json", "sarif", "github"] {
        let output = check_fixture(format);
        assert_eq!(
            stderr(&output),
            "2 errors, 2 warnings in 3 files\n",
            "{format}"
        );
    }
    let human = check_fixture("human");
    assert!(stdout(&human).ends_with("2 errors, 2 warnings in 3 files\n"));
    assert_eq!(stderr(&human), "");
}

#[test]
fn json_columns_count_characters() {
    let records: serde_json::Value =
        serde_json::from_str(&stdout(&check_fixture("json"))).expect("JSON");
    let undefined = records
        .as_array()
        .expect("an array")
        .iter()
        .find(|record| record["rule"] == "undefined-reference")
        .expect("the undefined owner is reported");
    // `  step 審核 "財務審核" { owner 會計師`: 會計師 starts at character 26.
    assert_eq!(undefined["line"], 9);
    assert_eq!(undefined["column"], 26);
    assert_eq!(undefined["end_column"], 29);
    assert_eq!(undefined["code"], "F002");
    assert_eq!(undefined["severity"], "error");
}

#[test]
fn sarif_lists_every_rule_and_points_results_at_them() {
    let log: serde_json::Value =
        serde_json::from_str(&stdout(&check_fixture("sarif"))).expect("JSON");
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), flowc::check::registry::RULES.len());
    for result in run["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(
            location["artifactLocation"]["uri"]
                .as_str()
                .expect("uri")
                .starts_with("tests/fixtures/formats/"),
            "{location}"
        );
    }
}

#[test]
fn warnings_alone_exit_0_unless_denied() {
    let path = format!("{FIXTURE}/payment.flow");
    let dir = tempfile::tempdir().expect("temp dir");
    for file in ["org.flow", "payment.flow", "flowc.toml"] {
        std::fs::copy(
            common::repo().join(FIXTURE).join(file),
            dir.path().join(file),
        )
        .expect("copy");
    }
    let allowed = flowc(&["check"], dir.path());
    assert_eq!(allowed.status.code(), Some(0), "{}", stdout(&allowed));
    assert!(stdout(&allowed).ends_with("0 errors, 1 warning in 2 files\n"));
    let denied = flowc(&["check", "--deny-warnings"], dir.path());
    assert_eq!(denied.status.code(), Some(1), "{path}: {}", stdout(&denied));
    let denied_json = flowc(
        &["check", "--format", "json", "--deny-warnings"],
        dir.path(),
    );
    assert_eq!(denied_json.status.code(), Some(1));
}

#[test]
fn a_clean_project_exits_0_in_every_format() {
    for format in ["human", "json", "sarif", "github"] {
        let output = flowc(
            &["check", "--format", format, "--deny-warnings", "examples"],
            &common::repo(),
        );
        assert_eq!(
            output.status.code(),
            Some(0),
            "{format}: {}",
            stdout(&output)
        );
    }
    let json = flowc(&["check", "--format", "json", "examples"], &common::repo());
    assert_eq!(stdout(&json), "[]\n");
    let github = flowc(
        &["check", "--format", "github", "examples"],
        &common::repo(),
    );
    assert_eq!(stdout(&github), "");
}

#[test]
fn what_cannot_run_exits_2() {
    let unknown_format = check_fixture("xml");
    assert_eq!(unknown_format.status.code(), Some(2));
    assert!(stderr(&unknown_format).contains("human, json, sarif, github"));
    let missing = flowc(
        &["check", "--format", "json", "no/such/dir"],
        &common::repo(),
    );
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(stdout(&missing), "");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("flowc.toml"), "exclud = [\"drafts/**\"]\n").expect("write");
    let bad_config = flowc(&["check", "--format", "sarif"], dir.path());
    assert_eq!(bad_config.status.code(), Some(2));
    assert!(
        stderr(&bad_config).contains("unknown key `exclud`"),
        "{}",
        stderr(&bad_config)
    );
    assert!(
        stderr(&bad_config).contains("`exclude`"),
        "{}",
        stderr(&bad_config)
    );
}

#[test]
fn excluded_files_are_not_part_of_the_project() {
    let output = check_fixture("json");
    assert!(!stdout(&output).contains("drafts"), "{}", stdout(&output));
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("drafts")).expect("mkdir");
    std::fs::write(dir.path().join("drafts/a.flow"), "process {\n").expect("write");
    let without_config = flowc(&["check"], dir.path());
    assert_eq!(
        without_config.status.code(),
        Some(1),
        "the draft is checked"
    );
    std::fs::write(dir.path().join("flowc.toml"), "exclude = [\"drafts\"]\n").expect("write");
    let nothing_left = flowc(&["check"], dir.path());
    assert_eq!(
        nothing_left.status.code(),
        Some(2),
        "no file is left to check"
    );
    assert!(
        stderr(&nothing_left).contains("every .flow file under . (1) is left out by `exclude`"),
        "{}",
        stderr(&nothing_left)
    );
    std::fs::write(dir.path().join("org.flow"), "department finance\n").expect("write");
    let with_config = flowc(&["check"], dir.path());
    assert_eq!(
        with_config.status.code(),
        Some(0),
        "{}",
        stdout(&with_config)
    );
    assert!(stdout(&with_config).ends_with("0 errors, 0 warnings in 1 file\n"));
}

/// The first fenced block of `language` in `docs/diagnostics.md`.
fn documented_block(language: &str) -> String {
    let page = std::fs::read_to_string(common::repo().join("docs/diagnostics.md"))
        .expect("docs/diagnostics.md");
    let fence = format!("```{language}\n");
    let start = page.find(&fence).expect("the block") + fence.len();
    let end = start + page[start..].find("```").expect("the block's end");
    page[start..end].to_string()
}

#[test]
fn the_documented_examples_are_real_output() {
    let documented: Vec<serde_json::Value> =
        serde_json::from_str(&documented_block("json")).expect("the JSON example parses");
    let actual: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&check_fixture("json"))).expect("JSON");
    assert_eq!(documented.len(), 2);
    for record in &documented {
        assert!(actual.contains(record), "not in the output: {record:#}");
    }
    let github = stdout(&check_fixture("github"));
    let documented = documented_block("text");
    let commands: Vec<&str> = documented
        .lines()
        .filter(|line| line.starts_with("::"))
        .collect();
    assert_eq!(commands.len(), 2, "{documented}");
    for line in commands {
        assert!(
            github.lines().any(|actual| actual == line),
            "not in the output: {line}"
        );
    }
}
