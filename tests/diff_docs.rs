//! `docs/diff.md` holds the default policy table exactly as the code has
//! it; `FLOWC_UPDATE_DOCS=1 cargo test --test integration diff_docs::` rewrites it.

use crate::common;

use flowc::config::diff_policy::{ChangeKind, policy_table};

const START: &str = "<!-- policy table: generated from src/config/diff_policy.rs -->\n";
const END: &str = "<!-- end of policy table -->";

#[test]
fn the_policy_table_is_current() {
    let path = common::repo().join("docs/diff.md");
    let page = std::fs::read_to_string(&path).expect("docs/diff.md exists");
    let start = page.find(START).expect("start marker") + START.len();
    let end = page.find(END).expect("end marker");
    let generated = policy_table();
    if page[start..end] != generated && std::env::var_os("FLOWC_UPDATE_DOCS").is_some() {
        let updated = format!("{}{generated}{}", &page[..start], &page[end..]);
        std::fs::write(&path, updated).expect("docs/diff.md is writable");
        return;
    }
    assert_eq!(
        &page[start..end],
        generated,
        "docs/diff.md is stale: run `FLOWC_UPDATE_DOCS=1 cargo test --test integration diff_docs::`"
    );
}

#[test]
fn every_change_kind_is_in_a_fixture_snapshot() {
    let mut seen = String::new();
    for entry in std::fs::read_dir(common::repo().join("tests/snapshots")).expect("snapshots") {
        let path = entry.expect("entry").path();
        if path.file_name().is_some_and(|name| {
            name.to_string_lossy()
                .starts_with("integration__diff_fixtures__")
        }) {
            seen.push_str(&std::fs::read_to_string(&path).expect("read"));
        }
    }
    let missing: Vec<&str> = ChangeKind::ALL
        .iter()
        .map(|kind| kind.name())
        .filter(|name| !seen.contains(&format!("\"kind\": \"{name}\"")))
        .collect();
    assert!(missing.is_empty(), "no fixture shows {missing:?}");
}
