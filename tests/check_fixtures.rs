//! Per-rule fixtures of the checker.
//!
//! Every `tests/fixtures/check/*.flow` is checked alone, as a one-file
//! project. A fixture's name says what it must show: `RULE-...` fires rule
//! `RULE` at least once, `clean-...` fires nothing at all. The snapshot of a
//! `RULE-` fixture holds the rendered diagnostics (colour off) of that rule
//! only, so a new rule never rewrites other rules' snapshots; whatever else
//! a fixture fires is listed on its first line, `# also fires: RULE, ...`,
//! and a test holds the list exact. The examples, checked together as one
//! project, must be clean too.
//!
//! A fixture runs with the default configuration, or with the one in a
//! `flowc.toml` beside it named after it (`FIXTURE.flow` -> `FIXTURE.toml`),
//! for rules that need options. Every fixture is checked as of
//! [`common::today`].

use crate::common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use flowc::check::registry::RULES;
use flowc::check::{self, CheckContext};
use flowc::config::Config;
use flowc::diagnostics::{Diagnostic, Style, render_human};
use flowc::model::{self, Project};
use flowc::source::SourceFile;

/// The folder of the fixtures.
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/check");

/// What a fixture's name promises.
#[derive(Debug, PartialEq, Eq)]
enum Expectation {
    /// The rule of this name fires at least once.
    Fires(&'static str),
    /// No rule fires.
    Clean,
}

/// The expectation a fixture's file name states, or `None` when the name
/// starts with neither `clean-` nor a rule's name.
fn expectation(file_name: &str) -> Option<Expectation> {
    if file_name.starts_with("clean-") {
        return Some(Expectation::Clean);
    }
    RULES
        .iter()
        .find(|info| file_name.starts_with(&format!("{}-", info.name)))
        .map(|info| Expectation::Fires(info.name))
}

/// The fixture's file name, which is also the path its diagnostics show.
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .expect("a fixture path ends in a file name")
        .to_string_lossy()
        .into_owned()
}

/// The fixture's configuration: its `.toml` sidecar, or the default.
fn config_of(path: &Path) -> Config {
    let sidecar = path.with_extension("toml");
    match std::fs::read_to_string(&sidecar) {
        Ok(text) => {
            Config::parse(&text).unwrap_or_else(|error| panic!("{}: {error}", sidecar.display()))
        }
        Err(_) => Config::default(),
    }
}

/// Builds a one-file project from the fixture and runs every rule with its
/// configuration.
pub(crate) fn check_alone(path: &Path) -> (Project, Vec<Diagnostic>) {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    assert_line_ends_kept(path, &text);
    let project = model::build(vec![SourceFile::from_text(file_name(path), text)]);
    let config = config_of(path);
    let context = CheckContext::new(&config, common::today());
    let diagnostics = check::run(&project, &context);
    (project, diagnostics)
}

/// Fails when a fixture named for CRLF line ends has lost them (a checkout
/// that rewrites line ends would otherwise make it test nothing).
fn assert_line_ends_kept(path: &Path, text: &str) {
    if file_name(path).contains("crlf") {
        assert!(
            text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'),
            "{}: a `crlf` fixture must end every line with CRLF",
            path.display()
        );
    }
}

/// How the diagnostics break the promise of the fixture's name, if they do.
fn broken_promise(name: &str, diagnostics: &[Diagnostic], rendered: &str) -> Option<String> {
    match expectation(name) {
        None => Some(format!(
            "{name}: a fixture's name must start with `clean-` or `RULE-`"
        )),
        Some(Expectation::Clean) if !diagnostics.is_empty() => Some(format!(
            "{name}: a clean fixture must produce no diagnostic, got:\n{rendered}"
        )),
        Some(Expectation::Fires(rule))
            if !diagnostics.iter().any(|diagnostic| diagnostic.rule == rule) =>
        {
            Some(format!(
                "{name}: expected at least one `{rule}` diagnostic, got:\n{rendered}"
            ))
        }
        Some(_) => None,
    }
}

/// Every fixture, in name order.
pub(crate) fn fixtures() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .expect("the fixture folder exists")
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "flow"))
        .collect();
    paths.sort();
    paths
}

/// The diagnostics of the rule the fixture is named for (all of them for a
/// `clean-` fixture, which must have none).
pub(crate) fn of_its_rule(name: &str, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    match expectation(name) {
        Some(Expectation::Fires(rule)) => diagnostics
            .into_iter()
            .filter(|diagnostic| diagnostic.rule == rule)
            .collect(),
        _ => diagnostics,
    }
}

/// The other rules a fixture says it fires, from its first line
/// `# also fires: RULE, RULE`.
fn declared_others(text: &str) -> BTreeSet<String> {
    text.lines()
        .next()
        .and_then(|line| line.strip_prefix("# also fires:"))
        .map(|list| {
            list.split(',')
                .map(|rule| rule.trim().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn each_fixture_matches_its_snapshot() {
    insta::glob!("fixtures/check/*.flow", |path| {
        let (project, diagnostics) = check_alone(path);
        let diagnostics = of_its_rule(&file_name(path), diagnostics);
        let rendered = render_human(
            &diagnostics,
            &project.files,
            Style::Plain,
            flowc::i18n::Lang::En,
        );
        insta::assert_snapshot!("diagnostics", rendered);
    });
}

#[test]
fn each_fixture_lists_what_else_it_fires() {
    let mut checked = 0;
    let wrong: Vec<String> = fixtures()
        .iter()
        .filter_map(|path| {
            let name = file_name(path);
            let Some(Expectation::Fires(rule)) = expectation(&name) else {
                return None;
            };
            checked += 1;
            let (project, diagnostics) = check_alone(path);
            let others: BTreeSet<String> = diagnostics
                .iter()
                .filter(|diagnostic| diagnostic.rule != rule)
                .map(|diagnostic| diagnostic.rule.to_string())
                .collect();
            let declared = declared_others(&project.files[0].text);
            (others != declared).then(|| {
                let list: Vec<&str> = others.iter().map(String::as_str).collect();
                format!(
                    "{name}: first line must be `# also fires: {}`",
                    list.join(", ")
                )
            })
        })
        .collect();
    assert!(checked > 100, "only {checked} rule fixtures were checked");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn each_fixture_keeps_the_promise_of_its_name() {
    let broken: Vec<String> = fixtures()
        .iter()
        .filter_map(|path| {
            let (project, diagnostics) = check_alone(path);
            let rendered = render_human(
                &diagnostics,
                &project.files,
                Style::Plain,
                flowc::i18n::Lang::En,
            );
            broken_promise(&file_name(path), &diagnostics, &rendered)
        })
        .collect();
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn every_rule_has_a_fixture_where_it_fires() {
    let names: Vec<String> = fixtures().iter().map(|path| file_name(path)).collect();
    let missing: Vec<&str> = RULES
        .iter()
        .map(|info| info.name)
        .filter(|rule| {
            !names
                .iter()
                .any(|name| expectation(name) == Some(Expectation::Fires(rule)))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a fixture in {FIXTURES}: {missing:?}"
    );
    assert!(
        names
            .iter()
            .any(|name| expectation(name) == Some(Expectation::Clean)),
        "{FIXTURES} has no `clean-` fixture"
    );
}

#[test]
fn the_examples_together_are_clean() {
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    let expected_files = std::fs::read_dir(&examples)
        .expect("the examples folder exists")
        .filter(|entry| {
            entry
                .as_ref()
                .is_ok_and(|entry| entry.path().extension().is_some_and(|ext| ext == "flow"))
        })
        .count();
    let mut projects = flowc::source::load(&[examples]).expect("the examples load");
    assert_eq!(projects.len(), 1, "the examples form one project");
    let sources = projects.remove(0);
    assert_eq!(sources.files.len(), expected_files, "every example is read");
    let analysis = flowc::analysis::analyse(sources, common::today())
        .expect("the examples' configuration is valid");
    let rendered = render_human(
        &analysis.diagnostics,
        &analysis.project.files,
        Style::Plain,
        flowc::i18n::Lang::En,
    );
    assert!(
        analysis.diagnostics.is_empty(),
        "the examples must check clean, got:\n{rendered}"
    );
}
