//! The expense claim as a newcomer first writes it
//! (`tests/fixtures/i18n/expense-claim-mistakes.flow`, with the examples'
//! organisation), checked in each language through the real binary: what a
//! process owner who reads no English sees.

use std::path::Path;
use std::process::Output;

use crate::common;

/// A project of the examples' org.flow and the fixture, with `flowc.toml`
/// holding `config`.
fn mistakes_project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        common::repo().join("examples/org.flow"),
        dir.path().join("org.flow"),
    )
    .expect("copy org.flow");
    std::fs::copy(
        common::repo().join("tests/fixtures/i18n/expense-claim-mistakes.flow"),
        dir.path().join("expense-claim.flow"),
    )
    .expect("copy the fixture");
    std::fs::write(dir.path().join("flowc.toml"), config).expect("write flowc.toml");
    dir
}

fn check(dir: &Path, args: &[&str]) -> Output {
    common::flowc_command()
        .arg("check")
        .arg(".")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("flowc runs")
}

/// The text outside backticks (`.flow` syntax and names stay code),
/// outside the quoted source lines (numbered `NN │`) and without the
/// rules' stable names (`錯誤[missing-deadline]`).
fn prose(text: &str) -> String {
    text.lines()
        .filter(|line| !line.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .map(|line| match (line.find('['), line.find(']')) {
            (Some(open), Some(close)) if open < close && !line.starts_with(' ') => {
                format!("{}{}", &line[..open], &line[close + 1..])
            }
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        // A code span may be wrapped over two lines: split the whole text.
        .split('`')
        .step_by(2)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_mistakes_read_in_traditional_chinese() {
    let dir = mistakes_project("lang = \"zh-Hant\"\n");
    let output = check(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(1));
    let text = common::stdout(&output);
    insta::assert_snapshot!("expense-claim-mistakes.zh-Hant", text);
    let english = common::english_words(&prose(&text), dir.path());
    assert!(english.is_empty(), "English words {english:?} in\n{text}");
}

#[test]
fn the_mistakes_read_in_simplified_chinese() {
    let dir = mistakes_project("");
    let output = check(dir.path(), &["--lang", "zh-Hans"]);
    let text = common::stdout(&output);
    insta::assert_snapshot!("expense-claim-mistakes.zh-Hans", text);
    let english = common::english_words(&prose(&text), dir.path());
    assert!(english.is_empty(), "English words {english:?} in\n{text}");
}

#[test]
fn the_json_report_keeps_english_and_adds_the_chinese() {
    let dir = mistakes_project("lang = \"zh-Hant\"\n");
    let output = check(dir.path(), &["--format", "json"]);
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("the report is JSON");
    let diagnostics = report.as_array().expect("an array");
    assert_eq!(diagnostics.len(), 5, "{report:#}");
    for diagnostic in diagnostics {
        let message = diagnostic["message"].as_str().expect("a message");
        let localized = &diagnostic["localized"];
        assert_eq!(localized["lang"], "zh-Hant");
        let chinese = localized["message"].as_str().expect("a localized message");
        assert!(message.is_ascii(), "English stays English: {message}");
        assert_ne!(message, chinese);
        assert!(
            chinese
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{chinese}"
        );
    }
    let english = check(dir.path(), &["--format", "json", "--lang", "en"]);
    let english: serde_json::Value =
        serde_json::from_slice(&english.stdout).expect("the report is JSON");
    assert!(english[0].get("localized").is_none(), "{english:#}");
}

#[test]
fn sarif_names_its_language_and_keeps_its_fingerprints() {
    let dir = mistakes_project("");
    let log = |lang: &str| -> serde_json::Value {
        let output = check(dir.path(), &["--format", "sarif", "--lang", lang]);
        serde_json::from_slice(&output.stdout).expect("SARIF is JSON")
    };
    let (chinese, english) = (log("zh-Hant"), log("en"));
    // SARIF 2.1.0 allows a language and a region, no script.
    assert_eq!(chinese["runs"][0]["language"], "zh-TW");
    assert_eq!(english["runs"][0]["language"], "en-US");
    let fingerprints = |log: &serde_json::Value| -> Vec<serde_json::Value> {
        log["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|result| result["partialFingerprints"].clone())
            .collect()
    };
    assert_eq!(fingerprints(&chinese).len(), 5);
    assert_eq!(fingerprints(&chinese), fingerprints(&english));
}

/// What flowc, run in `dir` with `args` and `PATH` set to `path` (if
/// given), says on standard error as it exits 2 (could not run).
fn refused(dir: &Path, args: &[&str], path: Option<&str>) -> String {
    let mut command = common::flowc_command();
    command.args(args).current_dir(dir).env("NO_COLOR", "1");
    if let Some(path) = path {
        command.env("PATH", path);
    }
    let output = command.output().expect("flowc runs");
    let stderr = common::stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    stderr
}

/// A path that does not exist, and a diagram that needs Graphviz when
/// `dot` is not there, are said in the reader's language.
#[test]
fn a_missing_path_and_a_missing_graphviz_are_said_in_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let stderr = refused(
        dir.path(),
        &["check", "no-such-folder", "--lang", "zh-Hant"],
        None,
    );
    assert!(
        stderr.contains("no-such-folder：沒有這個文件或目錄"),
        "{stderr}"
    );
    let examples = common::repo().join("examples");
    let out = dir.path().join("out");
    let (examples, out) = (
        examples.to_str().expect("utf-8"),
        out.to_str().expect("utf-8"),
    );
    let stderr = refused(
        dir.path(),
        &[
            "build", "--emit", "png", "--engine", "dot", "--lang", "zh-Hans", "--out", out,
            examples,
        ],
        Some("/nonexistent"),
    );
    assert!(
        stderr.contains("需要 PATH 上有 Graphviz 的 `dot`，但找不到"),
        "{stderr}"
    );
}
