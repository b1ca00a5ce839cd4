//! `docs/rules/` holds exactly what `flowc explain` prints, one page per
//! rule, and every rule's documentation has the four headings.

use crate::common;

use flowc::check::registry::{self, RULES};

/// Compares a committed doc page with the generated text, rewriting it when
/// `FLOWC_UPDATE_DOCS` is set.
fn assert_current(relative: &str, generated: &str) {
    let path = common::repo().join(relative);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated && std::env::var_os("FLOWC_UPDATE_DOCS").is_some() {
        std::fs::write(&path, generated).expect("docs/rules is writable");
        return;
    }
    assert_eq!(
        committed, generated,
        "{relative} is stale: run `FLOWC_UPDATE_DOCS=1 cargo test --test integration rule_docs::`"
    );
}

#[test]
fn every_rule_has_a_current_page() {
    for info in RULES {
        assert_current(&format!("docs/rules/{}.md", info.name), &info.page());
    }
    assert_current("docs/rules/README.md", &registry::index_page());
}

#[test]
fn no_page_for_a_rule_that_does_not_exist() {
    for entry in std::fs::read_dir(common::repo().join("docs/rules")).expect("docs/rules exists") {
        let name = entry
            .expect("readable")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let Some(rule) = name.strip_suffix(".md") else {
            continue;
        };
        assert!(
            rule == "README" || registry::rule_named(rule).is_some(),
            "docs/rules/{name} names no rule"
        );
    }
}

#[test]
fn every_rule_documents_what_why_example_and_fix() {
    for info in RULES {
        let text = info.explanation();
        for heading in ["## What it checks", "## Why", "## Example", "## Fix"] {
            assert!(text.contains(heading), "{} lacks `{heading}`", info.name);
        }
    }
}

#[test]
fn codes_and_names_are_unique_and_kebab_case() {
    let mut seen = std::collections::BTreeSet::new();
    for info in RULES {
        assert!(seen.insert(info.code), "code {} reused", info.code);
        assert!(seen.insert(info.name), "name {} reused", info.name);
        assert!(
            info.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}",
            info.name
        );
    }
}
