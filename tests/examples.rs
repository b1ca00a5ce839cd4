//! The examples: they check clean, and their JSON IR and DOT diagrams are
//! snapshotted, deterministic and well-formed.

use crate::common;

use flowc::check;
use flowc::emit::dot;
use flowc::ir;

#[test]
fn examples_check_clean() {
    let analysis = common::examples();
    let rendered = flowc::diagnostics::render_human(
        &analysis.diagnostics,
        &analysis.project.files,
        flowc::diagnostics::Style::Plain,
        flowc::i18n::Lang::En,
    );
    assert!(
        analysis.diagnostics.is_empty(),
        "examples have findings:\n{rendered}"
    );
}

#[test]
fn examples_cover_every_process_of_the_policy() {
    let analysis = common::examples();
    let mut categories = std::collections::BTreeMap::new();
    for process in &analysis.project.processes {
        let category = process.category.expect("every example has a category");
        *categories.entry(category.keyword()).or_insert(0) += 1;
    }
    assert!(analysis.project.processes.len() >= 11, "{:?}", categories);
    assert!(categories["business"] >= 4, "{categories:?}");
    assert!(categories["management"] >= 4, "{categories:?}");
    assert!(categories["approval"] >= 3, "{categories:?}");
}

#[test]
fn json_ir_of_every_example() {
    let analysis = common::examples();
    let checked =
        check::verify(&analysis.project, &analysis.diagnostics).expect("examples are clean");
    for (name, document) in ir::documents(&checked) {
        insta::assert_snapshot!(format!("json_{name}"), ir::to_text(&document));
    }
}

#[test]
fn dot_of_every_example() {
    let analysis = common::examples();
    let checked =
        check::verify(&analysis.project, &analysis.diagnostics).expect("examples are clean");
    for (name, text) in dot::documents(&checked) {
        graphviz_rust::parse(&text)
            .unwrap_or_else(|error| panic!("{name}.dot does not parse: {error}"));
        insta::assert_snapshot!(format!("dot_{name}"), text);
    }
}

#[test]
fn artifacts_are_byte_identical_across_runs() {
    let render = || {
        let analysis = common::examples();
        let checked =
            check::verify(&analysis.project, &analysis.diagnostics).expect("examples are clean");
        let jsons: Vec<String> = ir::documents(&checked)
            .iter()
            .map(|(_, document)| ir::to_text(document))
            .collect();
        (jsons, dot::documents(&checked))
    };
    assert_eq!(render(), render());
}

#[test]
fn ir_keeps_money_exact_and_business_days_distinct() {
    let analysis = common::examples();
    let checked =
        check::verify(&analysis.project, &analysis.diagnostics).expect("examples are clean");
    let (_, claim) = ir::documents(&checked)
        .into_iter()
        .find(|(name, _)| name == "expense_claim")
        .expect("expense_claim exists");
    let value = serde_json::to_value(&claim).expect("serialises");
    assert_eq!(value["process"]["sla"]["unit"], "business_day");
    assert_eq!(value["process"]["sla"]["business"], true);
    assert_eq!(value["process"]["sla"]["iso8601"], serde_json::Value::Null);
    assert_eq!(value["process"]["review"]["every"]["iso8601"], "P12M");
    let condition = value["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .find(|edge| edge["kind"] == "condition")
        .expect("a condition edge");
    assert_eq!(condition["condition"]["value"]["amount"], "5000");
    assert_eq!(condition["condition"]["value"]["currency"], "CNY");
    assert_eq!(condition["condition_text"], "amount <= 5000 CNY");
}

#[test]
fn builtin_svg_of_every_example() {
    let analysis = common::examples();
    let checked =
        check::verify(&analysis.project, &analysis.diagnostics).expect("examples are clean");
    let options = flowc::emit::diagram::DiagramOptions::default();
    for (name, svg) in flowc::emit::svg::documents(&checked, options) {
        roxmltree::Document::parse(&svg)
            .unwrap_or_else(|error| panic!("{name}.svg is not well-formed: {error}"));
        insta::assert_snapshot!(format!("svg_{name}"), svg);
    }
}
