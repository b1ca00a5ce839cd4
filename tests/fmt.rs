//! The formatter: input/expected pairs, idempotence, comments and labels
//! kept, and a property test that formatting never changes the model.
//!
//! Every `tests/fixtures/fmt/*.flow` is formatted and the result
//! snapshotted; a fixture named `error-...` has a syntax error and must be
//! refused, its errors snapshotted instead.

use crate::common;
use crate::generator;

use std::path::{Path, PathBuf};

use flowc::check;
use flowc::fmt::format;
use flowc::ir;
use flowc::model;
use flowc::source::SourceFile;
use flowc::syntax;
use proptest::prelude::*;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

fn is_error_fixture(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with("error-"))
}

/// Every `.flow` file in `dir`, in name order.
fn flow_files(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()))
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "flow"))
        .collect();
    paths.sort();
    paths
}

/// Every file that parses: formatter fixtures, checker fixtures, examples.
fn parsable_files() -> Vec<PathBuf> {
    let repo = common::repo();
    let mut files = Vec::new();
    for dir in ["tests/fixtures/fmt", "tests/fixtures/check", "examples"] {
        files.extend(
            flow_files(&repo.join(dir))
                .into_iter()
                .filter(|path| syntax::parse(&read(path)).is_ok()),
        );
    }
    files
}

#[test]
fn each_fixture_matches_its_snapshot() {
    insta::glob!("fixtures/fmt/*.flow", |path| {
        let text = read(path);
        match format(&text) {
            Ok(formatted) => {
                assert!(
                    !is_error_fixture(path),
                    "an `error-` fixture must not parse"
                );
                insta::assert_snapshot!("formatted", formatted);
            }
            Err(errors) => {
                assert!(is_error_fixture(path), "{}: {errors:?}", path.display());
                insta::assert_debug_snapshot!("refused", errors);
            }
        }
    });
}

#[test]
fn formatting_is_idempotent_on_every_fixture_and_example() {
    let mut checked = 0;
    for path in parsable_files() {
        let once = format(&read(&path)).expect("the file parses");
        let twice = format(&once).unwrap_or_else(|errors| {
            panic!(
                "{}: formatted text does not parse: {errors:?}\n{once}",
                path.display()
            )
        });
        assert_eq!(
            once,
            twice,
            "{}: formatting twice changed the text",
            path.display()
        );
        checked += 1;
    }
    assert!(checked > 40, "only {checked} files were checked");
}

#[test]
fn the_examples_are_formatted() {
    for path in flow_files(&common::repo().join("examples")) {
        let text = read(&path);
        let formatted = format(&text).expect("the example parses");
        assert_eq!(formatted, text, "{} is not formatted", path.display());
    }
}

/// The comments of a text, as the parser sees them, trailing spaces off.
fn comments(text: &str) -> Vec<String> {
    let tree = syntax::parse(text).expect("the text parses");
    tree.comments
        .iter()
        .map(|comment| comment.text.trim_end().to_string())
        .collect()
}

/// The source bytes of every label of a text, in order.
fn labels(text: &str) -> Vec<String> {
    let tree = syntax::parse(text).expect("the text parses");
    let mut spans = Vec::new();
    for declaration in &tree.declarations {
        collect_label_spans(declaration, &mut spans);
    }
    spans
        .into_iter()
        .map(|span| text[span.start..span.end].to_string())
        .collect()
}

fn collect_label_spans(declaration: &syntax::ast::Declaration, spans: &mut Vec<flowc::span::Span>) {
    use syntax::ast::{Declaration, ProcessItem};
    match declaration {
        Declaration::Department(department) => {
            spans.extend(department.label.as_ref().map(|l| l.span))
        }
        Declaration::Role(role) => spans.extend(role.label.as_ref().map(|l| l.span)),
        Declaration::Process(process) => {
            spans.extend(process.label.as_ref().map(|l| l.span));
            for item in &process.items {
                let label = match item {
                    ProcessItem::Step(step) => &step.label,
                    ProcessItem::Decision(decision) => &decision.label,
                    ProcessItem::Parallel(parallel) => &parallel.label,
                    ProcessItem::End(end) => &end.label,
                    ProcessItem::Kpi(kpi) => &kpi.label,
                    ProcessItem::Call(call) => &call.label,
                    ProcessItem::Note(note) => {
                        spans.push(note.text.span);
                        continue;
                    }
                    _ => continue,
                };
                spans.extend(label.as_ref().map(|l| l.span));
            }
        }
        Declaration::Broken(_) => {}
    }
}

#[test]
fn every_comment_and_label_is_kept() {
    for path in parsable_files() {
        let text = read(&path);
        let formatted = format(&text).expect("the file parses");
        assert_eq!(
            comments(&text),
            comments(&formatted),
            "{}: comments",
            path.display()
        );
        assert_eq!(
            labels(&text),
            labels(&formatted),
            "{}: labels",
            path.display()
        );
    }
}

#[test]
fn a_comment_stays_on_the_line_of_its_item() {
    let text = "process p {\n  start a   # first\n  # own line\n  end a\n}\n";
    let formatted = format(text).expect("parses");
    assert_eq!(
        formatted,
        "process p {\n  start a # first\n  # own line\n  end a\n}\n"
    );
}

#[test]
fn a_file_with_a_syntax_error_is_refused() {
    let errors = format("process p {\n  step a {\n}\n").expect_err("unclosed block");
    assert!(!errors.is_empty());
}

// ---------------------------------------------------------------- property

/// The organisation every generated process uses.
const ORG: &str = "department finance \"財務部\"\nrole boss \"老闆\" in finance\nrole clerk \"文員\" in finance reports to boss\n";

/// A condition as the generator writes it.
#[derive(Debug, Clone)]
enum Cond {
    Leaf(String),
    And(Box<Cond>, Box<Cond>),
    Or(Box<Cond>, Box<Cond>),
    Not(Box<Cond>),
    Group(Box<Cond>),
}

impl Cond {
    fn render(&self) -> String {
        match self {
            Cond::Leaf(text) => text.clone(),
            Cond::And(left, right) => format!("{} and {}", left.operand(), right.operand()),
            Cond::Or(left, right) => format!("{} or {}", left.render(), right.render()),
            Cond::Not(inner) => match inner.as_ref() {
                Cond::And(..) | Cond::Or(..) => format!("not ({})", inner.render()),
                _ => format!("not {}", inner.render()),
            },
            Cond::Group(inner) => format!("({})", inner.render()),
        }
    }

    /// As an operand of `and`: an `or` needs parentheses.
    fn operand(&self) -> String {
        match self {
            Cond::Or(..) => format!("({})", self.render()),
            _ => self.render(),
        }
    }
}

fn comparison() -> impl Strategy<Value = Cond> {
    let op = prop::sample::select(vec!["<", "<=", ">", ">=", "==", "!="]);
    prop_oneof![
        (
            op.clone(),
            0u32..100_000,
            prop::sample::select(vec!["", "_000", ".50"]),
            " {1,3}"
        )
            .prop_map(|(op, n, tail, gap)| Cond::Leaf(format!("amount {op} {n}{tail}{gap}CNY"))),
        prop::sample::select(vec!["travel", "office", "meals"])
            .prop_map(|kind| Cond::Leaf(format!("kind == {kind}"))),
        prop::sample::select(vec!["yes", "no"])
            .prop_map(|flag| Cond::Leaf(format!("urgent != {flag}"))),
        prop::sample::select(vec!["\"\"", "\"出差\"", "\"a \\\" b\"", "\"\\\\\""])
            .prop_map(|note| Cond::Leaf(format!("note == {note}"))),
        (op.clone(), 1u32..28)
            .prop_map(|(op, day)| Cond::Leaf(format!("due {op} 2026-02-{day:02}"))),
        (op.clone(), -50i32..50).prop_map(|(op, n)| Cond::Leaf(format!("count{op}{n}"))),
        op.prop_map(|op| Cond::Leaf(format!("amount {op} budget"))),
        prop::sample::select(vec!["yes", "no"])
            .prop_map(|flag| Cond::Leaf(format!("checked == {flag}"))),
    ]
}

fn condition() -> impl Strategy<Value = Cond> {
    comparison().prop_recursive(4, 16, 2, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| Cond::And(Box::new(a), Box::new(b))),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| Cond::Or(Box::new(a), Box::new(b))),
            inner.clone().prop_map(|a| Cond::Not(Box::new(a))),
            inner.prop_map(|a| Cond::Group(Box::new(a))),
        ]
    })
}

fn duration() -> impl Strategy<Value = String> {
    (
        1u32..40,
        prop::sample::select(vec![
            "minute",
            "minutes",
            "hour",
            "hours",
            "day",
            "days",
            "business day",
            "business  days",
            "week",
            "weeks",
            "month",
            "months",
            "year",
            "years",
        ]),
    )
        .prop_map(|(amount, unit)| format!("{amount} {unit}"))
}

/// A step's lines: owner, deadline, minimum period, reminders,
/// escalations, a note, a timeout.
fn step_body() -> impl Strategy<Value = Vec<String>> {
    (
        prop::sample::select(vec!["boss", "clerk", "finance"]),
        duration(),
        prop::option::of(duration()),
        prop::option::of(duration()),
        any::<bool>(),
        (
            prop::option::of(duration()),
            prop::option::of(duration()),
            prop::option::of(prop::sample::select(vec!["附件", "a \\\" b"])),
        ),
    )
        .prop_map(
            |(owner, within, remind, escalate, reject, (minimum, timeout, note))| {
                let mut lines = vec![format!("owner {owner}"), format!("within {within}")];
                lines.extend(minimum.map(|minimum| format!("at least {minimum}")));
                lines.extend(remind.map(|after| format!("remind after {after}")));
                lines.extend(escalate.map(|after| format!("escalate after {after} to boss")));
                lines.extend(note.map(|note| format!("note \"{note}\"")));
                lines.extend(timeout.map(|after| format!("on timeout after {after} -> rejected")));
                if reject {
                    lines.push("on reject -> s0".to_string());
                }
                lines
            },
        )
}

/// A random process, as a list of (nesting level, line) pairs.
fn process() -> impl Strategy<Value = Vec<(usize, String)>> {
    (
        prop::collection::vec(step_body(), 1..4),
        prop::collection::vec(condition(), 1..4),
        prop::option::of(duration()),
        any::<bool>(),
    )
        .prop_map(|(steps, conditions, sla, parallel)| {
            let mut lines = vec![
                (0, "process generated \"生成的流程\" {".to_string()),
                (1, "category approval".to_string()),
                (1, "owner finance".to_string()),
                (1, "input amount: money CNY".to_string()),
                (1, "input kind: one of travel, office, meals".to_string()),
                (1, "input urgent: yes/no".to_string()),
                (1, "input note: text".to_string()),
                (1, "input due: date".to_string()),
                (1, "input count: number".to_string()),
                (1, "input budget: money CNY".to_string()),
                (1, "version 2, effective 2027-01-01".to_string()),
                (1, "note \"生成的\"".to_string()),
                (1, "start s0".to_string()),
            ];
            lines.extend(sla.map(|sla| (1, format!("sla {sla}"))));
            let count = steps.len();
            for (index, body) in steps.into_iter().enumerate() {
                lines.push((1, format!("step s{index} \"第{index}步\" {{")));
                lines.extend(body.into_iter().map(|line| (2, line)));
                if index == 0 {
                    lines.push((2, "record checked \"已核對\": yes/no".to_string()));
                }
                let next = if index + 1 < count {
                    format!("s{}", index + 1)
                } else {
                    "route".to_string()
                };
                lines.push((2, format!("next {next}")));
                lines.push((1, "}".to_string()));
            }
            lines.push((1, "decide route \"分流\" {".to_string()));
            for (index, condition) in conditions.iter().enumerate() {
                let target = if parallel && index == 0 {
                    "both"
                } else {
                    "done"
                };
                lines.push((2, format!("when {} -> {target}", condition.render())));
            }
            lines.push((2, "otherwise -> rejected".to_string()));
            lines.push((1, "}".to_string()));
            if parallel {
                lines.push((1, "parallel both {".to_string()));
                lines.push((2, "branch p1".to_string()));
                lines.push((2, "branch p2".to_string()));
                lines.push((2, "next done".to_string()));
                lines.push((1, "}".to_string()));
                for branch in ["p1", "p2"] {
                    lines.push((1, format!("step {branch} {{")));
                    lines.push((2, "owner clerk".to_string()));
                    lines.push((2, "within 1 day".to_string()));
                    lines.push((1, "}".to_string()));
                }
            }
            lines.push((1, "end done \"完成\"".to_string()));
            lines.push((1, "end rejected".to_string()));
            lines.push((
                1,
                "kpi speed \"速度\" p90 under 10 business days".to_string(),
            ));
            lines.push((1, "kpi rate at least 85%".to_string()));
            lines.push((0, "}".to_string()));
            lines
        })
}

/// How each line is laid out: indentation, extra spaces between words, a
/// comment at its end, a comment and blank lines before it.
#[derive(Debug, Clone)]
struct Noise {
    indent: &'static str,
    spaces: &'static str,
    end_comment: bool,
    own_comment: bool,
    blank_lines: usize,
}

fn noise() -> impl Strategy<Value = Noise> {
    (
        prop::sample::select(vec!["", " ", "  ", "\t", "    ", "\u{3000}"]),
        prop::sample::select(vec![" ", "  ", "\t", " \u{3000}"]),
        any::<bool>(),
        prop::bool::weighted(0.2),
        0usize..3,
    )
        .prop_map(
            |(indent, spaces, end_comment, own_comment, blank_lines)| Noise {
                indent,
                spaces,
                end_comment,
                own_comment,
                blank_lines,
            },
        )
}

/// Lays out the lines with the noise, cycling through it.
fn render(lines: &[(usize, String)], noise: &[Noise], crlf: bool) -> String {
    let newline = if crlf { "\r\n" } else { "\n" };
    let mut text = String::new();
    for (index, (level, line)) in lines.iter().enumerate() {
        let noise = &noise[index % noise.len()];
        for _ in 0..noise.blank_lines {
            text.push_str(newline);
        }
        if noise.own_comment {
            text.push_str(&format!("{}# 註釋 {index}{newline}", noise.indent));
        }
        text.push_str(&noise.indent.repeat(*level));
        text.push_str(&respace(line, noise.spaces));
        if noise.end_comment {
            text.push_str(&format!("{}#end {index}", noise.spaces));
        }
        text.push_str(newline);
    }
    text
}

/// Replaces the single spaces between words (outside quotes) by `spaces`.
fn respace(line: &str, spaces: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            ' ' if !quoted => out.push_str(spaces),
            '"' if !escaped => {
                quoted = !quoted;
                out.push(c);
            }
            _ => out.push(c),
        }
        escaped = quoted && c == '\\' && !escaped;
    }
    out
}

/// The JSON IR of a project made of the org and `text`, with every
/// `source` field (line and column) removed.
fn ir_without_sources(text: &str) -> serde_json::Value {
    ir_of(ORG, text)
}

fn ir_of(org: &str, text: &str) -> serde_json::Value {
    let project = model::build(vec![
        SourceFile::from_text("org.flow", org),
        SourceFile::from_text("generated.flow", text),
    ]);
    assert!(
        project.problems.syntax_errors.is_empty(),
        "the generated text must parse: {:?}\n{text}",
        project.problems.syntax_errors
    );
    let checked = check::verify(&project, &[]).expect("no diagnostics, so verified");
    let documents: Vec<serde_json::Value> = ir::documents(&checked)
        .into_iter()
        .map(|(_, document)| serde_json::to_value(&document).expect("IR serialises"))
        .map(strip_sources)
        .collect();
    serde_json::Value::Array(documents)
}

fn strip_sources(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => serde_json::Value::Object(
            map.into_iter()
                .filter(|(key, _)| key != "source")
                .map(|(key, value)| (key, strip_sources(value)))
                .collect(),
        ),
        serde_json::Value::Array(items) => {
            serde_json::Value::Array(items.into_iter().map(strip_sources).collect())
        }
        other => other,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// The realistic processes of the generator's wide variety (hostile
    /// labels, every input type and comparison, `and`/`or`/`not`) format to
    /// the same model, and formatting them twice changes nothing.
    #[test]
    fn formatting_generated_processes_never_changes_the_model(seed in any::<u64>(), steps in 1usize..25) {
        let org = generator::org_for(generator::Variety::Wide, seed);
        let text = generator::process_of(generator::Variety::Wide, seed, "generated", steps);
        let formatted = format(&text).map_err(|errors| {
            TestCaseError::fail(format!("generated text does not parse: {errors:?}"))
        })?;
        prop_assert_eq!(ir_of(&org, &text), ir_of(&org, &formatted));
        prop_assert_eq!(labels(&text), labels(&formatted));
        prop_assert_eq!(format(&formatted).expect("formatted text parses"), formatted);
    }

    #[test]
    fn formatting_never_changes_the_model(
        lines in process(),
        noise in prop::collection::vec(noise(), 1..12),
        crlf in any::<bool>(),
    ) {
        let text = render(&lines, &noise, crlf);
        let formatted = format(&text).map_err(|errors| {
            TestCaseError::fail(format!("generated text does not parse: {errors:?}\n{text}"))
        })?;
        prop_assert_eq!(ir_without_sources(&text), ir_without_sources(&formatted));
        prop_assert_eq!(comments(&text), comments(&formatted));
        let again = format(&formatted).expect("formatted text parses");
        prop_assert_eq!(&again, &formatted);
    }
}

#[test]
fn line_ends_and_byte_order_mark_are_kept() {
    let path =
        common::repo().join("tests/fixtures/fmt/crlf-line-ends-and-byte-order-mark-kept.flow");
    let text = read(&path);
    assert!(
        text.starts_with('\u{FEFF}') && text.contains("\r\n"),
        "the fixture lost its BOM or CRLF"
    );
    let formatted = format(&text).expect("parses");
    assert!(
        formatted.starts_with('\u{FEFF}'),
        "the byte-order mark was dropped"
    );
    assert_eq!(
        formatted.matches('\n').count(),
        formatted.matches("\r\n").count(),
        "every line must end with CRLF:\n{formatted:?}"
    );
}
