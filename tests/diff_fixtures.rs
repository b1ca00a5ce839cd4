//! `flowc diff` on fixture pairs: `tests/fixtures/diff/<case>/old/` and
//! `new/`, each a project. Every case is snapshotted in every format (human,
//! markdown, JSON) and as the visual diff's DOT text.

use crate::common;

use std::path::Path;

use flowc::analysis::{self, Analysis};
use flowc::check::{self, CheckedProject};
use flowc::config::Config;
use flowc::diff::{self, render};
use flowc::i18n::Lang;
use flowc::source;

/// One side of a fixture case, analysed as of 2026-11-28, with its
/// configuration.
pub(crate) fn side(path: &Path) -> (Analysis, Config) {
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

/// The names of the fixture cases, sorted.
pub(crate) fn cases() -> Vec<String> {
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

/// The default diagram options, the words in `lang`.
pub(crate) fn options(lang: Lang) -> flowc::emit::diagram::DiagramOptions {
    flowc::emit::diagram::DiagramOptions {
        lang,
        ..Default::default()
    }
}

/// What `body` makes of the diff of a fixture case, given with both
/// checked versions, compared as `flowc diff` compares them.
pub(crate) fn with_case<R>(
    case: &str,
    body: impl FnOnce(&diff::ProjectDiff, &CheckedProject<'_>, &CheckedProject<'_>) -> R,
) -> R {
    let dir = common::repo().join("tests/fixtures/diff").join(case);
    let (old, config) = side(&dir.join("old"));
    let (new, _) = side(&dir.join("new"));
    let old_checked = check::verify(&old.project, &old.diagnostics).expect("old is clean");
    let new_checked = check::verify(&new.project, &new.diagnostics).expect("new is clean");
    let result = diff::compare(&old_checked, &new_checked, &config);
    body(&result, &old_checked, &new_checked)
}

#[test]
fn every_case_in_every_format() {
    for case in cases() {
        with_case(&case, |result, old_checked, new_checked| {
            snapshot_case(&case, result, old_checked, new_checked);
        });
    }
}

/// The snapshots of one case: every format and the visual diff's DOT.
fn snapshot_case(
    case: &str,
    result: &diff::ProjectDiff,
    old_checked: &CheckedProject<'_>,
    new_checked: &CheckedProject<'_>,
) {
    insta::assert_snapshot!(format!("{case}-human"), render::human(result, Lang::En));
    insta::assert_snapshot!(
        format!("{case}-markdown"),
        render::markdown(result, Lang::En)
    );
    let json = render::json(result, Lang::En);
    serde_json::from_str::<serde_json::Value>(&json).expect("valid JSON");
    insta::assert_snapshot!(format!("{case}-json"), json);
    let diagrams = diff::visual::diagrams(result, old_checked, new_checked, options(Lang::En));
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
        render::json(
            &diff::compare(&old_checked, &new_checked, &config),
            Lang::En,
        )
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
        bypass.message.english().starts_with(
            "cases where amount is between 5,000 CNY (excluded) and 10,000 CNY (included) no longer pass through step `division_approval`"
        ),
        "{}",
        bypass.message
    );
}

/// The diff of a fixture case, compared as `flowc diff` compares it.
fn diff_of(case: &str) -> diff::ProjectDiff {
    let dir = common::repo().join("tests/fixtures/diff").join(case);
    let (old, config) = side(&dir.join("old"));
    let (new, _) = side(&dir.join("new"));
    let old_checked = check::verify(&old.project, &old.diagnostics).expect("old is clean");
    let new_checked = check::verify(&new.project, &new.diagnostics).expect("new is clean");
    diff::compare(&old_checked, &new_checked, &config)
}

/// The expense claim's diffs whose every message is in the catalogue: an
/// owner and labels changed, deadlines changed.
const CHINESE_CASES: [&str; 2] = ["owner-and-labels-changed", "deadlines-changed"];

#[test]
fn the_expense_claims_diff_in_traditional_and_simplified_chinese() {
    for case in CHINESE_CASES {
        let result = diff_of(case);
        for lang in [Lang::ZhHant, Lang::ZhHans] {
            let code = lang.code();
            insta::assert_snapshot!(format!("{case}-human-{code}"), render::human(&result, lang));
            insta::assert_snapshot!(
                format!("{case}-markdown-{code}"),
                render::markdown(&result, lang)
            );
        }
    }
}

/// The visual diff draws the words around the user's labels (deadlines,
/// the legend, the caption) in the language of the run.
#[test]
fn the_visual_diff_in_traditional_chinese() {
    let dir = common::repo().join("tests/fixtures/diff/deadlines-changed");
    let (old, config) = side(&dir.join("old"));
    let (new, _) = side(&dir.join("new"));
    let old_checked = check::verify(&old.project, &old.diagnostics).expect("old is clean");
    let new_checked = check::verify(&new.project, &new.diagnostics).expect("new is clean");
    let result = diff::compare(&old_checked, &new_checked, &config);
    let diagrams =
        diff::visual::diagrams(&result, &old_checked, &new_checked, options(Lang::ZhHant));
    assert_eq!(diagrams.len(), 1);
    let (_, text) = &diagrams[0];
    graphviz_rust::parse(text).expect("the DOT parses");
    assert!(text.contains("個工作日"), "{text}");
    insta::assert_snapshot!("deadlines-changed-dot-zh-Hant", text);
}

/// JSON keeps the English message and the stable codes, and adds the
/// message in the language of the run.
#[test]
fn the_json_diff_adds_the_localized_message_beside_the_english_one() {
    let result = diff_of("owner-and-labels-changed");
    let json: serde_json::Value =
        serde_json::from_str(&render::json(&result, Lang::ZhHant)).expect("valid JSON");
    let english: serde_json::Value =
        serde_json::from_str(&render::json(&result, Lang::En)).expect("valid JSON");
    let changes = json["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 6);
    for (change, plain) in changes
        .iter()
        .zip(english["changes"].as_array().expect("changes"))
    {
        assert_eq!(change["kind"], plain["kind"]);
        assert_eq!(change["message"], plain["message"]);
        assert_eq!(change["localized"]["lang"], "zh-Hant");
        assert!(plain.get("localized").is_none(), "{plain}");
    }
    insta::assert_snapshot!(render::json(&result, Lang::ZhHant));
}

/// The zh-Hant diffs of every fixture case have no English word the user
/// did not write, besides the change kinds' stable codes (the names
/// `flowc.toml` gives them).
#[test]
fn chinese_diffs_have_no_english_word() {
    let mut checked = 0;
    let mut found = Vec::new();
    for case in cases() {
        let result = diff_of(&case);
        for text in [
            render::human(&result, Lang::ZhHant),
            render::markdown(&result, Lang::ZhHant),
        ] {
            // Code spans are `.flow` syntax and names, the same in every
            // language.
            let mut prose = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
            for change in &result.changes {
                prose = prose.replace(change.kind.name(), "");
            }
            let dir = common::repo().join("tests/fixtures/diff").join(&case);
            let mut english = common::english_words(&prose, &dir.join("new"));
            english.retain(|word| !common::english_words(word, &dir.join("old")).is_empty());
            if !english.is_empty() {
                found.push(format!("{case}: {english:?} in\n{text}"));
            }
            checked += 1;
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
    assert_eq!(checked, 2 * 40);
}
