//! Property tests over generated valid processes: they check clean, and
//! every emitter's output is well-formed and deterministic, whatever the
//! labels hold (quotes, backslashes, markup, DOT syntax, bidi marks). The
//! processes are of the generator's wide variety (every input type, all
//! comparisons, `and`/`or`/`not`/`otherwise`, random reporting lines), so a
//! decision analysis that reports a gap or overlap where there is none, or
//! a rule that misreads a reporting line, fails here.

use crate::generator;

use generator::Variety;

use flowc::check::{self, CheckContext, CheckedProject};
use flowc::config::Config;
use flowc::emit::dot;
use flowc::ir;
use flowc::model::{self, Project};
use flowc::source::SourceFile;
use proptest::prelude::*;

/// A project of one generated process of the wide variety (every input
/// type and comparison, a random organisation chart) and its organisation.
fn project_of(seed: u64, steps: usize) -> Project {
    project_of_variety(Variety::Wide, seed, steps)
}

fn project_of_variety(variety: Variety, seed: u64, steps: usize) -> Project {
    let files = vec![
        SourceFile::from_text("org.flow", generator::org_for(variety, seed)),
        SourceFile::from_text(
            "generated.flow",
            generator::process_of(variety, seed, "generated", steps),
        ),
    ];
    model::build(files)
}

/// The project as checked; a generated process must have no error (some
/// warnings, such as a process longer than the step limit, are expected).
fn checked(project: &Project) -> CheckedProject<'_> {
    let config = Config::default();
    let context = CheckContext::new(&config, "2026-11-28".parse().expect("a date"));
    let diagnostics = check::run(project, &context);
    let rendered = flowc::diagnostics::render_human(
        &diagnostics,
        &project.files,
        flowc::diagnostics::Style::Plain,
        flowc::i18n::Lang::En,
    );
    check::verify(project, &diagnostics)
        .unwrap_or_else(|| panic!("a generated process has errors:\n{rendered}"))
}

fn schema_validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&ir::schema()).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_processes_have_no_errors(seed in any::<u64>(), steps in 1usize..80) {
        for variety in [Variety::Wide, Variety::Benchmark] {
            let project = project_of_variety(variety, seed, steps);
            checked(&project);
        }
    }

    #[test]
    fn json_ir_validates_against_the_schema(seed in any::<u64>(), steps in 1usize..60) {
        let project = project_of(seed, steps);
        let checked = checked(&project);
        let validator = schema_validator();
        for (name, document) in ir::documents(&checked) {
            let value: serde_json::Value = serde_json::from_str(&ir::to_text(&document)).expect("valid JSON");
            let errors: Vec<String> = validator.iter_errors(&value).map(|error| error.to_string()).collect();
            prop_assert!(errors.is_empty(), "{name}: {errors:?}");
            let nodes = value["nodes"].as_array().expect("nodes").len();
            prop_assert_eq!(nodes, project.processes[0].nodes.len() + 1);
        }
    }

    #[test]
    fn dot_parses_with_every_node_whatever_the_labels(seed in any::<u64>(), steps in 1usize..60) {
        let project = project_of(seed, steps);
        let checked = checked(&project);
        for (name, text) in dot::documents(&checked) {
            let graph = graphviz_rust::parse(&text);
            prop_assert!(graph.is_ok(), "{name}.dot does not parse: {:?}\n{text}", graph.err());
            for node in &project.processes[0].nodes {
                if !matches!(node.kind, model::NodeKind::Join { .. }) {
                    let declared = format!("\"{}\"", node.name);
                    prop_assert!(text.contains(&declared), "{} missing", node.name);
                }
            }
        }
    }

    #[test]
    fn emitters_are_deterministic(seed in any::<u64>(), steps in 1usize..40) {
        let render = || {
            let project = project_of(seed, steps);
            let checked = checked(&project);
            let jsons: Vec<String> = ir::documents(&checked).iter().map(|(_, d)| ir::to_text(d)).collect();
            (jsons, dot::documents(&checked))
        };
        prop_assert_eq!(render(), render());
    }

    #[test]
    fn builtin_svg_is_well_formed_and_shows_every_label(seed in any::<u64>(), steps in 1usize..40) {
        let project = project_of(seed, steps);
        let checked = checked(&project);
        let options = flowc::emit::diagram::DiagramOptions::default();
        for (name, svg) in flowc::emit::svg::documents(&checked, options) {
            let document = match roxmltree::Document::parse(&svg) {
                Ok(document) => document,
                Err(error) => return Err(TestCaseError::fail(format!("{name}.svg: {error}"))),
            };
            let squeeze = |text: &str| -> String {
                text.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect()
            };
            let shown: String = document
                .descendants()
                .filter(|node| node.has_tag_name("text"))
                .filter_map(|node| node.text())
                .map(squeeze)
                .collect();
            for node in &project.processes[0].nodes {
                if let Some(label) = &node.label {
                    prop_assert!(shown.contains(&squeeze(label)), "{label:?} is not shown");
                }
            }
        }
    }
}

#[test]
fn hostile_labels_survive_into_the_ir_exactly() {
    let project = project_of(7, 200);
    let checked = checked(&project);
    let (_, document) = ir::documents(&checked)
        .into_iter()
        .next()
        .expect("one process");
    let text = ir::to_text(&document);
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let labels: Vec<&str> = value["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|node| node["label"].as_str())
        .collect();
    for expected in [
        "say \"yes\"",
        "back\\slash",
        "\"]; x [",
        "</script><script>alert(1)</script>",
        "\u{202e}RTL\u{202c} mark",
    ] {
        assert!(
            labels.contains(&expected),
            "{expected:?} not among {labels:?}"
        );
    }
}

#[test]
fn a_repository_gives_the_same_artifacts_whatever_the_file_order() {
    let render = |reverse: bool| {
        let mut files: Vec<SourceFile> = generator::repository(11, 12, 15)
            .into_iter()
            .map(|(name, text)| SourceFile::from_text(name, text))
            .collect();
        if reverse {
            files.reverse();
        }
        let project = model::build(files);
        let checked = checked(&project);
        let mut artifacts: Vec<(String, String)> = ir::documents(&checked)
            .iter()
            .map(|(name, document)| (name.clone(), ir::to_text(document)))
            .chain(dot::documents(&checked))
            .collect();
        artifacts.sort();
        artifacts
    };
    let forward = render(false);
    assert_eq!(forward.len(), 24);
    assert!(
        forward == render(true),
        "artifacts depend on the order of files"
    );
}

#[test]
fn the_wide_variety_writes_every_construct_the_properties_rely_on() {
    let texts: String = (0..24)
        .map(|seed| {
            generator::org_for(Variety::Wide, seed)
                + &generator::process_of(Variety::Wide, seed, "generated", 40)
        })
        .collect();
    for construct in [
        "otherwise ->",
        " or kind ==",
        "not (amount >",
        "days != ",
        "days >= ",
        "amount < ",
        "amount <= ",
        "urgent == no",
        "submitted < ",
        "supplier == \"ACME Ltd.\"",
        "and (urgent == yes or days >",
        "department d2",
        "parallel ",
        "on reject ->",
    ] {
        assert!(
            texts.contains(construct),
            "no `{construct}` in 24 wide processes"
        );
    }
    let two_escalations = texts
        .split("  step ")
        .any(|step| step.matches("escalate after").count() == 2);
    assert!(two_escalations, "no step escalates twice");
}
