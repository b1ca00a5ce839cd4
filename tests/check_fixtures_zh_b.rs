//! The diagnostics of the rules `manager-of-nobody` .. `unused-record`
//! (the second half of the rules, alphabetically, with the syntax errors)
//! in Chinese: each of their fixtures (`tests/fixtures/check`) rendered in
//! Traditional and in Simplified Chinese against a snapshot, and a check
//! that no English word is left in their texts. `unused-suppression`'s
//! texts are written with `invalid-suppression`'s and checked with them
//! (`check_fixtures_zh_a`).

use std::path::{Path, PathBuf};

use flowc::i18n::Lang;

use crate::check_fixtures::{file_name, fixtures};
use crate::check_fixtures_zh_a::{english_left, rendered};
use crate::common;

/// The first and the last rule of this half, alphabetically.
const FIRST: &str = "manager-of-nobody";
const LAST: &str = "unused-record";

/// The fixtures named for a rule of this half, with their file names, in
/// name order.
fn fixtures_of_these_rules() -> Vec<(String, PathBuf)> {
    fixtures()
        .into_iter()
        .map(|path| (file_name(&path), path))
        .filter(|(name, _)| {
            flowc::check::registry::RULES.iter().any(|rule| {
                (FIRST..=LAST).contains(&rule.name)
                    && name
                        .strip_prefix(rule.name)
                        .is_some_and(|rest| rest.starts_with('-'))
            })
        })
        .collect()
}

#[test]
fn each_fixture_of_these_rules_reads_in_both_chinese_scripts() {
    let fixtures = fixtures_of_these_rules();
    for (name, path) in &fixtures {
        let (_, hant) = rendered(path, Lang::ZhHant);
        insta::assert_snapshot!(format!("zh-Hant@{name}"), hant);
        let (_, hans) = rendered(path, Lang::ZhHans);
        insta::assert_snapshot!(format!("zh-Hans@{name}"), hans);
    }
    assert_eq!(fixtures.len(), 119, "the fixtures of these rules");
}

/// The reasons the fixture's configuration gives (`reason = "..."`): the
/// user's sentences, quoted in the messages as written.
fn reasons(path: &Path) -> Vec<String> {
    let sidecar = std::fs::read_to_string(path.with_extension("toml")).unwrap_or_default();
    sidecar
        .lines()
        .filter_map(|line| line.trim().strip_prefix("reason = \""))
        .map(|rest| rest.trim_end_matches('"').to_string())
        .collect()
}

/// A project of the fixture alone, with its configuration: the words the
/// user wrote are those of these files.
fn project_of(name: &str, path: &Path) -> tempfile::TempDir {
    let project = tempfile::tempdir().expect("a temporary folder");
    std::fs::copy(path, project.path().join(name)).expect("the fixture copies");
    let sidecar = path.with_extension("toml");
    if sidecar.exists() {
        std::fs::copy(&sidecar, project.path().join("flowc.toml")).expect("the sidecar copies");
    }
    project
}

#[test]
fn no_english_word_is_left_in_their_traditional_chinese_texts() {
    let fixtures = fixtures_of_these_rules();
    let mut found = Vec::new();
    for (name, path) in &fixtures {
        let (diagnostics, _) = rendered(path, Lang::ZhHant);
        assert!(!diagnostics.is_empty(), "{name} fires its rule");
        let project = project_of(name, path);
        found.extend(english_left(
            name,
            &diagnostics,
            project.path(),
            &reasons(path),
        ));
    }
    assert_eq!(fixtures.len(), 119, "the fixtures of these rules");
    assert!(
        found.is_empty(),
        "English words left:\n{}",
        found.join("\n")
    );
}

/// `flowc check --lang LANG` on a project whose `flowc.toml` cannot be
/// used: its standard error.
fn bad_configuration_in(lang: &str) -> String {
    let project = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(
        project.path().join("flowc.toml"),
        "[calendar]\nhours-per-day = 30\n",
    )
    .expect("the configuration is written");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/org.flow"),
        project.path().join("org.flow"),
    )
    .expect("the org file copies");
    let output = common::flowc_command()
        .args(["check", "--lang", lang])
        .arg(project.path())
        .output()
        .expect("flowc runs");
    assert!(!output.status.success(), "a bad flowc.toml stops the run");
    common::stderr(&output).replace(&project.path().display().to_string(), "PROJECT")
}

#[test]
fn a_bad_configuration_reads_in_both_chinese_scripts() {
    insta::assert_snapshot!("zh-Hant@bad-flowc.toml", bad_configuration_in("zh-Hant"));
    insta::assert_snapshot!("zh-Hans@bad-flowc.toml", bad_configuration_in("zh-Hans"));
}
