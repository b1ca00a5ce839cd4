//! The integration tests, one test binary (one link of the crate) with a
//! module per subject. Cargo's automatic discovery of test files is off
//! (`autotests = false` in Cargo.toml), so a new file in `tests/` is a
//! module here; `every_test_file_is_a_module` fails when one is not.

mod common;
// The project generator shared with the benchmarks; the tests use a part
// of it.
#[allow(dead_code)]
#[path = "../benches/support/generator.rs"]
mod generator;

mod benchmark_data;
mod bpmn;
mod bpmn_di;
mod catalogue;
mod check_fixtures;
mod check_fixtures_zh_a;
mod check_fixtures_zh_b;
mod check_incremental;
mod chinese_outputs;
mod chinese_wrapping;
mod cli;
mod cli_first_hour;
mod cli_handbook;
mod conform;
mod conform_html;
mod conform_schema;
mod decision_space_props;
mod diagnostics_schema;
mod diagram;
mod diagram_geometry;
mod diff_cli;
mod diff_docs;
mod diff_fixtures;
mod doc;
mod endless_loop_props;
mod examples;
mod fmt;
mod fmt_cli;
mod formats;
mod graphviz_geometry;
mod graphviz_lanes;
mod hostile;
mod i18n_outputs;
mod keywords;
mod lanes;
mod large_diagrams;
mod layering;
mod lsp;
mod lsp_incremental;
mod outputs;
mod people_props;
mod pieces;
mod properties;
mod reading_order;
mod readme;
mod recovery;
mod rule_docs;
mod rule_examples;
mod rule_pages;
mod schema;
mod sim;
mod two_value_props;
mod visual_diff;
mod watch_server;

#[test]
fn every_test_file_is_a_module() {
    let main = include_str!("main.rs");
    let tests = common::repo().join("tests");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&tests).expect("tests/") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if let Some(module) = name.strip_suffix(".rs")
            && module != "main"
            && !main.contains(&format!("\nmod {module};\n"))
        {
            missing.push(name);
        }
    }
    assert!(
        missing.is_empty(),
        "tests/main.rs does not declare {missing:?}"
    );
}
