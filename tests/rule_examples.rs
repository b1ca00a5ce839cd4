//! Every rule page's example is a complete file that fires exactly its rule.
//!
//! The `## Example` section of each rule's page (what `flowc explain` prints)
//! holds a complete ```` ```flow ```` file, checked with the roles of
//! `examples/org.flow` and, when the section also holds a ```` ```toml ````
//! block, with that block as `flowc.toml`. It must fire its rule and no
//! other, and the report the page quotes (`reports "..."`) must be among
//! the messages. Each ```` ```flow ```` block of the `## Fix` section is the
//! example mended: it must check clean under the same configuration.

use crate::common;

use flowc::check::registry::{RULES, RuleInfo};
use flowc::check::{self, CheckContext};
use flowc::config::Config;
use flowc::diagnostics::{Diagnostic, Style, render_human};
use flowc::model;
use flowc::source::SourceFile;

/// The text of the section under `heading`, up to the next `## ` heading.
fn section<'a>(page: &'a str, heading: &str) -> &'a str {
    let Some(start) = page.find(heading) else {
        return "";
    };
    let body = &page[start + heading.len()..];
    let end = body.find("\n## ").unwrap_or(body.len());
    &body[..end]
}

/// The report the example section quotes after `reports "`, if any, with
/// the page's line breaks read as spaces.
fn quoted_report(example: &str) -> Option<String> {
    let start = example.find("reports \"")? + "reports \"".len();
    let length = example[start..].find('"')?;
    Some(
        example[start..start + length]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Checks `text` as `example.flow` beside the example organisation.
fn check_snippet(text: &str, config: &Config) -> (String, Vec<Diagnostic>) {
    let org_path = common::repo().join("examples/org.flow");
    let org = std::fs::read_to_string(&org_path).expect("examples/org.flow is readable");
    let project = model::build(vec![
        SourceFile::from_text("org.flow".to_string(), org),
        SourceFile::from_text("example.flow".to_string(), text.to_string()),
    ]);
    let context = CheckContext::new(config, common::today());
    let diagnostics = check::run(&project, &context);
    let rendered = render_human(
        &diagnostics,
        &project.files,
        Style::Plain,
        flowc::i18n::Lang::En,
    );
    (rendered, diagnostics)
}

/// What is wrong with the rule's page examples, one line per problem.
fn problems_of(info: &RuleInfo) -> Vec<String> {
    let page = info.explanation();
    let example = section(&page, "## Example");
    let name = info.name;
    let config = match common::fenced_blocks(example, "toml").first() {
        Some(toml) => match Config::parse(toml) {
            Ok(config) => config,
            Err(error) => return vec![format!("{name}: the example's flowc.toml: {error}")],
        },
        None => Config::default(),
    };
    let snippets = common::fenced_blocks(example, "flow");
    let [snippet] = snippets.as_slice() else {
        return vec![format!(
            "{name}: `## Example` must hold exactly one ```flow block, it holds {}",
            snippets.len()
        )];
    };
    let mut problems = Vec::new();
    let (rendered, diagnostics) = check_snippet(snippet, &config);
    if diagnostics.is_empty() || diagnostics.iter().any(|found| found.rule != name) {
        problems.push(format!(
            "{name}: the example must fire `{name}` and nothing else, got:\n{rendered}"
        ));
    }
    if let Some(report) = quoted_report(example)
        && !diagnostics
            .iter()
            .any(|found| found.message.english().contains(&report))
    {
        problems.push(format!(
            "{name}: the page quotes the report \"{report}\", not among:\n{rendered}"
        ));
    }
    for mended in common::fenced_blocks(section(&page, "## Fix"), "flow") {
        let (rendered, diagnostics) = check_snippet(&mended, &config);
        if !diagnostics.is_empty() {
            problems.push(format!(
                "{name}: the mended example under `## Fix` must check clean, got:\n{rendered}"
            ));
        }
    }
    problems
}

#[test]
fn every_rule_page_example_fires_exactly_its_rule() {
    let problems: Vec<String> = RULES.iter().flat_map(problems_of).collect();
    assert!(
        problems.is_empty(),
        "{} problems in the rule pages' examples:\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

#[test]
fn the_page_reader_finds_blocks_and_reports() {
    let page = "## Example\n```toml\n[rules]\n```\n```flow\nprocess p {}\n```\nreports \"x\n is y\".\n\n## Fix\nmend it\n";
    let example = section(page, "## Example");
    assert_eq!(
        common::fenced_blocks(example, "flow"),
        vec!["process p {}\n".to_string()]
    );
    assert_eq!(
        common::fenced_blocks(example, "toml"),
        vec!["[rules]\n".to_string()]
    );
    assert_eq!(quoted_report(example).as_deref(), Some("x is y"));
    assert!(common::fenced_blocks(section(page, "## Fix"), "flow").is_empty());
}
