//! The `flow` examples of the README and the language reference check clean
//! against the examples' org.

use crate::common;

/// Checks every `flow` block of a Markdown file, each as a project with
/// `examples/org.flow` and the configuration `config` (a `flowc.toml`).
fn assert_flow_blocks_check_clean(relative: &str, config: &str) {
    let markdown = std::fs::read_to_string(common::repo().join(relative)).expect("the page exists");
    let blocks = common::fenced_blocks(&markdown, "flow");
    assert!(!blocks.is_empty(), "{relative} shows the language");
    for block in blocks {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::copy(
            common::repo().join("examples/org.flow"),
            dir.path().join("org.flow"),
        )
        .expect("org");
        std::fs::write(dir.path().join("readme.flow"), &block).expect("write");
        std::fs::write(dir.path().join("flowc.toml"), config).expect("write config");
        let analysis = common::analyse(dir.path());
        let rendered = flowc::diagnostics::render_human(
            &analysis.diagnostics,
            &analysis.project.files,
            flowc::diagnostics::Style::Plain,
            flowc::i18n::Lang::En,
        );
        assert!(
            analysis.diagnostics.is_empty(),
            "{relative} example has findings:\n{rendered}\n{block}"
        );
    }
}

#[test]
fn readme_flow_examples_check_clean() {
    assert_flow_blocks_check_clean("README.md", "");
}

/// The language reference shows one feature a block; the settings the
/// policy asks of every whole process (`sla`, `review`, `kpi`) are taught in
/// their own sections, so their absence is not reported there.
const ONE_FEATURE_A_BLOCK: &str =
    "[rules]\nmissing-sla = \"off\"\nmissing-kpi = \"off\"\nmissing-review = \"off\"\n";

#[test]
fn language_reference_flow_examples_check_clean() {
    assert_flow_blocks_check_clean("docs/language.md", ONE_FEATURE_A_BLOCK);
}
