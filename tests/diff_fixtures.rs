//! `flowc diff` on fixture pairs: `tests/fixtures/diff/<case>/old/` and
//! `new/`, each a project. Every case is snapshotted in every format (human,
//! markdown, JSON) and as the visual diff's DOT text.

use crate::common;

use std::path::Path;

use flowc::analysis::{self, Analysis};
use flowc::check;
use flowc::config::Config;
use flowc::diff::{self, render};
use flowc::source;

fn side(path: &Path) -> (Analysis, Config) {
    let mut projects = source::load(&[path.to_path_buf()]).expect("the side loads");
    let sources = diff::narrow(projects.remove(0));
    let config = match &sources.config {
        Some((_, text)) => Config::parse(text).expect("valid flowc.toml"),
        None => Config::default(),
    };
    let today = "2026-11-28".parse().expect("a date");
    let analysis = analysis::analyse(sources, today).expect("valid flowc.toml");
    let errors = flowc::diagnostics::render_human(
        &analysis.diagnostics,
        &analysis.project.files,
        flowc::diagnostics::Style::Plain,
        flowc::i18n::Lang::En,
    );
    assert!(
        analysis
            .diagnostics
            .iter()
            .all(|d| d.severity != flowc::diagnostics::Severity::Error),
        "{} has errors:\n{errors}",
        path.display()
    );
    (analysis, config)
}

fn cases() -> Vec<String> {
    let mut cases: Vec<String> = std::fs::read_dir(common::repo().join("tests/fixtures/diff"))
        .expect("fixtures")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_case_in_every_format() {
    for case in cases() {
        let dir = common::repo().join("tests/fixtures/diff").join(&case);
        let (old, config) = side(&dir.join("old"));
        let (new, _) = side(&dir.join("new"));
        let old_checked = check::verify(&old.project, &old.diagnostics).expect("old is clean");
        let new_checked = check::verify(&new.project, &new.diagnostics).expect("new is clean");
        let result = diff::compare(&old_checked, &new_checked, &config);
        insta::assert_snapshot!(format!("{case}-human"), render::human(&result));
        insta::assert_snapshot!(format!("{case}-markdown"), render::markdown(&result));
        let json = render::json(&result);
        serde_json::from_str::<serde_json::Value>(&json).expect("valid JSON");
        insta::assert_snapshot!(format!("{case}-json"), json);
        let diagrams = diff::visual::diagrams(&result, &old_checked, &new_checked);
        for (name, text) in &diagrams {
            graphviz_rust::parse(text)
                .unwrap_or_else(|error| panic!("{case}: {name} does not parse: {error}"));
        }
        let all: Vec<String> = diagrams
            .into_iter()
            .map(|(name, text)| format!("// {name}.dot\n{text}"))
            .collect();
        insta::assert_snapshot!(format!("{case}-dot"), all.join("\n"));
    }
}

#[test]
fn the_same_project_has_no_changes_and_the_diff_is_deterministic() {
    let (old, config) = side(&common::repo().join("examples"));
    let (new, _) = side(&common::repo().join("examples"));
    let old_checked = check::verify(&old.project, &old.diagnostics).expect("clean");
    let new_checked = check::verify(&new.project, &new.diagnostics).expect("clean");
    let result = diff::compare(&old_checked, &new_checked, &config);
    assert!(result.changes.is_empty(), "{:?}", result.changes);
    let dir = common::repo().join("tests/fixtures/diff/threshold-raised-fewer-reviews");
    let render_once = || {
        let (old, config) = side(&dir.join("old"));
        let (new, _) = side(&dir.join("new"));
        let old_checked = check::verify(&old.project, &old.diagnostics).expect("clean");
        let new_checked = check::verify(&new.project, &new.diagnostics).expect("clean");
        render::json(&diff::compare(&old_checked, &new_checked, &config))
    };
    assert_eq!(render_once(), render_once());
}

#[test]
fn a_threshold_change_prints_the_amount_range_in_words() {
    let dir = common::repo().join("tests/fixtures/diff/threshold-raised-fewer-reviews");
    let (old, config) = side(&dir.join("old"));
    let (new, _) = side(&dir.join("new"));
    let old_checked = check::verify(&old.project, &old.diagnostics).expect("clean");
    let new_checked = check::verify(&new.project, &new.diagnostics).expect("clean");
    let result = diff::compare(&old_checked, &new_checked, &config);
    let bypass = result
        .changes
        .iter()
        .find(|change| change.kind == diff::ChangeKind::StepBypassed)
        .expect("a bypass");
    assert_eq!(bypass.class, diff::Class::Major);
    assert!(
        bypass.message.starts_with(
            "cases where amount is between 5,000 CNY (excluded) and 10,000 CNY (included) no longer pass through step `division_approval`"
        ),
        "{}",
        bypass.message
    );
}
