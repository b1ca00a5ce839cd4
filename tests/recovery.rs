//! Parsing with recovery: every error of every file in one run, no cascade
//! of errors from a broken item, and no item that parses on its own lost
//! around a broken one.

use crate::common;

use std::path::{Path, PathBuf};

use flowc::syntax::ast::{Declaration, ProcessItem, SourceTree};
use flowc::syntax::{parse, parse_recovering};
use proptest::prelude::*;

/// The examples copied into a temporary directory, with `edits` (file,
/// text written, text it replaces) applied.
fn examples_with(edits: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(common::repo().join("examples")).expect("examples") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("a file name");
        std::fs::copy(&path, dir.path().join(name)).expect("copy");
    }
    for (file, wrong, right) in edits {
        let path = dir.path().join(file);
        let text = std::fs::read_to_string(&path).expect("example");
        assert!(text.contains(right), "{file} holds `{right}`");
        std::fs::write(&path, text.replacen(right, wrong, 1)).expect("write");
    }
    dir
}

#[test]
fn three_errors_in_two_files_give_three_diagnostics_and_no_cascade() {
    let dir = examples_with(&[
        (
            "expense-claim.flow",
            "    ownr employee",
            "    owner employee",
        ),
        (
            "expense-claim.flow",
            "    withn 3 business days",
            "    within 3 business days",
        ),
        (
            "contract-approval.flow",
            "    onwer account_manager",
            "    owner account_manager",
        ),
    ]);
    let output = crate::common::flowc_command()
        .args(["check", ".", "--format", "json", "--today", "2026-11-28"])
        .current_dir(dir.path())
        .output()
        .expect("flowc runs");
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    let diagnostics = report.as_array().expect("a list of diagnostics");
    let found: Vec<(String, String)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().expect("a rule").to_string(),
                d["message"].as_str().expect("a message").to_string(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "syntax-error".to_string(),
                "`onwer` is not something a step holds; did you mean `owner`?".to_string()
            ),
            (
                "syntax-error".to_string(),
                "`ownr` is not something a step holds; did you mean `owner`?".to_string()
            ),
            (
                "syntax-error".to_string(),
                "`withn` is not something a step holds; did you mean `within`?".to_string()
            ),
        ],
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn a_broken_step_still_declares_its_name_and_the_process_keeps_its_other_items() {
    let text = "role clerk\nprocess p {\n  owner clerk\n  start a\n  step a \"申請\" {\n    ownr clerk\n    next b\n  }\n  step b {\n    owner clerk\n    on reject -> a\n    next done\n  }\n  end done\n}\n";
    let parsed = parse_recovering(text);
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    let Declaration::Process(process) = &parsed.tree.declarations[1] else {
        panic!("the process is recovered: {:?}", parsed.tree.declarations);
    };
    let kinds: Vec<&str> = process.items.iter().map(item_kind).collect();
    assert_eq!(kinds, ["owner", "start", "broken", "step", "end"]);
    let ProcessItem::Broken(broken) = &process.items[2] else {
        unreachable!("checked above");
    };
    assert_eq!(broken.keyword.as_deref(), Some("step"));
    assert_eq!(
        broken.name.as_ref().map(|name| name.text.as_str()),
        Some("a")
    );
    assert_eq!(
        &text[broken.span.start..broken.span.end],
        "step a \"申請\" {\n    ownr clerk\n    next b\n  }"
    );
}

#[test]
fn every_error_of_one_file_is_found() {
    let text = "department d\nrol r in d\nprocess p {\n  owner d\n  start a\n  step a {\n    owner r\n    withn 2 days\n    next e\n  }\n  sla 3 dayz\n  end e\n}\nprocess q {\n  ownr d\n}\n";
    let errors = parse(text).expect_err("four mistakes");
    let messages: Vec<String> = errors.iter().map(|e| e.message.english()).collect();
    assert_eq!(messages.len(), 4, "{messages:?}");
    assert!(messages[0].contains("`rol`"), "{messages:?}");
    assert!(messages[1].contains("`withn`"), "{messages:?}");
    assert!(messages[2].contains("`dayz`"), "{messages:?}");
    assert!(messages[3].contains("`ownr`"), "{messages:?}");
}

/// Lines that are not process text in a row are one broken item with one
/// error; a declaration after them is read again.
#[test]
fn a_run_of_lines_that_are_not_process_text_is_one_error() {
    let text = "department d\nPATH=/bin\nHOME=/root\n\n# note\nKEY=secret {\n}\nrole r in d\nx y\n";
    let parsed = parse_recovering(text);
    let messages: Vec<String> = parsed.errors.iter().map(|e| e.message.english()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("`PATH=/bin`"), "{messages:?}");
    assert!(messages[1].contains("`x`"), "{messages:?}");
    let kinds: Vec<&str> = parsed
        .tree
        .declarations
        .iter()
        .map(|declaration| match declaration {
            Declaration::Department(_) => "department",
            Declaration::Role(_) => "role",
            Declaration::Process(_) => "process",
            Declaration::Broken(_) => "broken",
        })
        .collect();
    assert_eq!(kinds, ["department", "broken", "role", "broken"]);
}

#[test]
fn a_missing_brace_costs_one_item() {
    let text = "process p {\n  start a\n  step a {\n    next b\n\n  step b {\n    next e\n  }\n  end e\n}\nrole r\n";
    let parsed = parse_recovering(text);
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    assert_eq!(
        parsed.errors[0].message.english(),
        "expected `}` to close step `a`, found `step`"
    );
    let Declaration::Process(process) = &parsed.tree.declarations[0] else {
        panic!("the process is recovered");
    };
    let kinds: Vec<&str> = process.items.iter().map(item_kind).collect();
    assert_eq!(kinds, ["start", "broken", "step", "end"]);
    assert!(matches!(parsed.tree.declarations[1], Declaration::Role(_)));
}

fn item_kind(item: &ProcessItem) -> &'static str {
    match item {
        ProcessItem::Category(..) => "category",
        ProcessItem::Owner(..) => "owner",
        ProcessItem::Applicant(..) => "applicant",
        ProcessItem::Review(_) => "review",
        ProcessItem::Version(_) => "version",
        ProcessItem::Sla(..) => "sla",
        ProcessItem::Note(_) => "note",
        ProcessItem::Call(_) => "call",
        ProcessItem::Input(_) => "input",
        ProcessItem::Start(..) => "start",
        ProcessItem::Step(_) => "step",
        ProcessItem::Decision(_) => "decision",
        ProcessItem::Parallel(_) => "parallel",
        ProcessItem::End(_) => "end",
        ProcessItem::Kpi(_) => "kpi",
        ProcessItem::Broken(_) => "broken",
    }
}

/// The example files, each with its text.
fn examples() -> Vec<(PathBuf, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(common::repo().join("examples"))
        .expect("examples")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "flow"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("example");
            (path, text)
        })
        .collect()
}

/// The starts of the lines of `text` that begin (after spaces) with a
/// lowercase ASCII letter: the lines a typo can break.
fn breakable_lines(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start().len();
        if line
            .trim_start()
            .starts_with(|c: char| c.is_ascii_lowercase())
        {
            starts.push(line_start + indent);
        }
        line_start += line.len();
    }
    starts
}

/// The tree with the item holding `offset` taken out: the declaration
/// holding it, or, inside a process and past its first line, the process
/// item holding it.
fn without_item_at(mut tree: SourceTree, offset: usize, text: &str) -> SourceTree {
    let index = tree
        .declarations
        .iter()
        .position(|declaration| {
            let span = declaration_span(declaration);
            span.0 <= offset && offset < span.1
        })
        .expect("a declaration holds every word");
    if let Declaration::Process(process) = &mut tree.declarations[index] {
        let header_end = text[process.span.start..]
            .find('\n')
            .map_or(text.len(), |at| process.span.start + at);
        if offset > header_end {
            process
                .items
                .retain(|item| !(item_span(item).0 <= offset && offset < item_span(item).1));
            return tree;
        }
    }
    tree.declarations.remove(index);
    tree
}

fn declaration_span(declaration: &Declaration) -> (usize, usize) {
    let span = match declaration {
        Declaration::Department(d) => d.span,
        Declaration::Role(r) => r.span,
        Declaration::Process(p) => p.span,
        Declaration::Broken(b) => b.span,
    };
    (span.start, span.end)
}

fn item_span(item: &ProcessItem) -> (usize, usize) {
    let span = match item {
        ProcessItem::Category(_, span)
        | ProcessItem::Owner(_, span)
        | ProcessItem::Applicant(_, span)
        | ProcessItem::Sla(_, span)
        | ProcessItem::Start(_, span) => *span,
        ProcessItem::Review(review) => review.span,
        ProcessItem::Version(version) => version.span,
        ProcessItem::Note(note) => note.span,
        ProcessItem::Call(call) => call.span,
        ProcessItem::Input(input) => input.span,
        ProcessItem::Step(step) => step.span,
        ProcessItem::Decision(decision) => decision.span,
        ProcessItem::Parallel(parallel) => parallel.span,
        ProcessItem::End(end) => end.span,
        ProcessItem::Kpi(kpi) => kpi.span,
        ProcessItem::Broken(broken) => broken.span,
    };
    (span.start, span.end)
}

/// The tree without its error nodes.
fn without_broken(mut tree: SourceTree) -> (SourceTree, usize) {
    let mut broken = 0;
    tree.declarations.retain(|declaration| {
        let keep = !matches!(declaration, Declaration::Broken(_));
        broken += usize::from(!keep);
        keep
    });
    for declaration in &mut tree.declarations {
        if let Declaration::Process(process) = declaration {
            process.items.retain(|item| {
                let keep = !matches!(item, ProcessItem::Broken(_));
                broken += usize::from(!keep);
                keep
            });
        }
    }
    (tree, broken)
}

/// Breaks the line starting at `offset` (its first letter becomes `X`, so
/// every offset stays where it was) and checks that recovery keeps every
/// other item exactly as the whole parse of the unbroken file has it.
fn check_one_broken_line(path: &Path, text: &str, offset: usize) {
    let original = parse(text).expect("the examples parse");
    let mut broken_text = text.to_string();
    broken_text.replace_range(offset..offset + 1, "X");
    let parsed = parse_recovering(&broken_text);
    assert!(
        !parsed.errors.is_empty(),
        "{} with line at {offset} broken has an error",
        path.display()
    );
    let (recovered, broken) = without_broken(parsed.tree);
    assert_eq!(broken, 1, "{}: one error node", path.display());
    let mut expected = without_item_at(original, offset, text);
    expected.comments.clear();
    let mut recovered = recovered;
    recovered.comments.clear();
    assert_eq!(
        expected,
        recovered,
        "{} with the line at {offset} broken",
        path.display()
    );
}

#[test]
fn every_line_of_one_example_broken_in_turn_loses_nothing_else() {
    let (path, text) = examples()
        .into_iter()
        .find(|(path, _)| path.ends_with("expense-claim.flow"))
        .expect("the expense claim example");
    let lines = breakable_lines(&text);
    assert!(lines.len() > 40, "only {} lines", lines.len());
    for offset in &lines {
        check_one_broken_line(&path, &text, *offset);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any line of any example broken: every item that parses on its own
    /// is in the tree, unchanged.
    #[test]
    fn recovery_never_loses_an_item_that_parses_on_its_own(
        file in any::<prop::sample::Index>(),
        line in any::<prop::sample::Index>(),
    ) {
        let files = examples();
        let (path, text) = &files[file.index(files.len())];
        let lines = breakable_lines(text);
        let offset = lines[line.index(lines.len())];
        check_one_broken_line(path, text, offset);
    }
}

#[test]
fn formatting_around_a_broken_item_keeps_its_text_as_written() {
    let text = "role  clerk\nprocess p {\n     start a\n  step a {\n      ownr   clerk   # typo\n    next e\n  }\n   end   e\n}\n";
    let formatted = flowc::fmt::format_around_errors(text);
    assert_eq!(
        formatted,
        "role clerk\nprocess p {\n  start a\n  step a {\n      ownr   clerk   # typo\n    next e\n  }\n  end e\n}\n"
    );
    assert_eq!(flowc::fmt::format_around_errors(&formatted), formatted);
    assert!(
        flowc::fmt::format(text).is_err(),
        "`flowc fmt` still refuses it"
    );
}

#[test]
fn whole_process_rules_skip_only_the_process_with_the_broken_item() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("flowc.toml"), "").expect("config");
    let process = |name: &str, typo: &str| {
        format!(
            "process {name} {{\n  owner clerk\n  start a\n  step a {{\n    owner clerk\n    {typo}\n    next b\n  }}\n  step b {{\n    owner clerk\n    next done\n  }}\n  end done\n}}\n"
        )
    };
    let text = format!(
        "role clerk\n{}{}",
        process("broken", "withn 2 days"),
        process("healthy", "within 2 days")
    );
    std::fs::write(dir.path().join("p.flow"), &text).expect("write");
    let analysis = common::analyse(dir.path());
    let found: Vec<(&str, usize)> = analysis
        .diagnostics
        .iter()
        .map(|d| (d.rule, text[..d.at.span.start].lines().count()))
        .collect();
    let healthy_line = text[..text.find("process healthy").expect("healthy")]
        .lines()
        .count();
    assert!(
        found
            .iter()
            .any(|(rule, line)| *rule == "missing-deadline" && *line > healthy_line),
        "the healthy process is checked: {found:?}"
    );
    let in_broken: Vec<&str> = found
        .iter()
        .filter(|(_, line)| *line <= healthy_line)
        .map(|(rule, _)| *rule)
        .collect();
    assert_eq!(in_broken, ["syntax-error"], "{found:?}");
}
