//! The diagnostics of the rules `applicant-without-manager` ..
//! `invalid-suppression` (the first half of the rules, alphabetically) in
//! Chinese: each of their fixtures (`tests/fixtures/check`) rendered in
//! Traditional Chinese against a snapshot, one in Simplified Chinese, and
//! a check that no English word is left in their texts (nor in those of
//! `unused-suppression`, written with them in `src/check/suppression.rs`).

use std::path::Path;

use flowc::diagnostics::{Diagnostic, Style, render_human};
use flowc::i18n::Lang;

use crate::check_fixtures::{check_alone, file_name, fixtures, of_its_rule};
use crate::common;

/// The rules whose texts are in the catalogue's section `diagnostics-a`.
const RULES: &[&str] = &[
    "applicant-without-manager",
    "approval-by-applicant",
    "call-inputs",
    "call-outcomes",
    "dead-end",
    "decision-gap",
    "decision-overlap",
    "duplicate-name",
    "endless-loop",
    "escalation-before-deadline",
    "escalation-not-upward",
    "escalation-order",
    "escalation-to-self",
    "invalid-parallel",
    "invalid-signing",
    "invalid-suppression",
];

/// A rule of the other half whose texts are in `diagnostics-a` too: they
/// are written by the suppression pass (`src/check/suppression.rs`).
const SUPPRESSION_PASS: &str = "unused-suppression";

/// The fixtures named for one of `rules`, with their file names, in name
/// order.
fn fixtures_of(rules: &[&str]) -> Vec<(String, std::path::PathBuf)> {
    fixtures()
        .into_iter()
        .map(|path| (file_name(&path), path))
        .filter(|(name, _)| {
            rules.iter().any(|rule| {
                name.strip_prefix(rule)
                    .is_some_and(|rest| rest.starts_with('-'))
            })
        })
        .collect()
}

/// The fixtures named for one of [`RULES`].
fn fixtures_of_these_rules() -> Vec<(String, std::path::PathBuf)> {
    fixtures_of(RULES)
}

/// The diagnostics of the rule the fixture at `path` is named for, rendered
/// in `lang`.
pub(crate) fn rendered(path: &Path, lang: Lang) -> (Vec<Diagnostic>, String) {
    let (project, diagnostics) = check_alone(path);
    let diagnostics = of_its_rule(&file_name(path), diagnostics);
    let text = render_human(&diagnostics, &project.files, Style::Plain, lang);
    (diagnostics, text)
}

#[test]
fn each_fixture_of_these_rules_reads_in_traditional_chinese() {
    let fixtures = fixtures_of_these_rules();
    for (name, path) in &fixtures {
        let (_, text) = rendered(path, Lang::ZhHant);
        insta::assert_snapshot!(format!("zh-Hant@{name}"), text);
    }
    assert_eq!(fixtures.len(), 71, "the fixtures of these rules");
}

#[test]
fn a_fixture_reads_in_simplified_chinese() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check/approval-by-applicant-dept-head-may-apply.flow");
    let (_, text) = rendered(&path, Lang::ZhHans);
    insta::assert_snapshot!(
        "zh-Hans@approval-by-applicant-dept-head-may-apply.flow",
        text
    );
}

/// `text` without its code spans (between backticks): `.flow` syntax, the
/// same in every language.
fn without_code(text: &str) -> String {
    text.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

/// The English words left in the Traditional Chinese texts of
/// `diagnostics` (of the fixture `name`, in the project at `project`), less
/// the code between backticks and the user's sentences `quoted`, each with
/// the text it is in.
pub(crate) fn english_left(
    name: &str,
    diagnostics: &[Diagnostic],
    project: &Path,
    quoted: &[String],
) -> Vec<String> {
    let mut found = Vec::new();
    for diagnostic in diagnostics {
        let texts = [&diagnostic.message, &diagnostic.label, &diagnostic.help]
            .into_iter()
            .chain(diagnostic.related.iter().map(|related| &related.label));
        for text in texts {
            let zh = text.render(Lang::ZhHant);
            let flowcs = quoted
                .iter()
                .fold(zh.clone(), |zh, sentence| zh.replace(sentence.as_str(), ""));
            let words = common::english_words(&without_code(&flowcs), project);
            if !words.is_empty() {
                found.push(format!("{name}: {words:?} in {zh}"));
            }
        }
    }
    found
}

#[test]
fn no_english_word_is_left_in_their_traditional_chinese_texts() {
    let mut fixtures = fixtures_of_these_rules();
    fixtures.extend(fixtures_of(&[SUPPRESSION_PASS]));
    let mut found = Vec::new();
    for (name, path) in &fixtures {
        let (diagnostics, _) = rendered(path, Lang::ZhHant);
        assert!(!diagnostics.is_empty(), "{name} fires its rule");
        let project = tempfile::tempdir().expect("a temporary folder");
        std::fs::copy(path, project.path().join(name)).expect("the fixture copies");
        found.extend(english_left(name, &diagnostics, project.path(), &[]));
    }
    assert_eq!(
        fixtures.len(),
        74,
        "the fixtures of these rules and of {SUPPRESSION_PASS}"
    );
    assert!(
        found.is_empty(),
        "English words left:\n{}",
        found.join("\n")
    );
}
