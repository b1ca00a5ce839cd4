//! Property test of `endless-loop` against the simulator, the reference
//! semantics: on generated processes whose steps have only `next` (so a
//! run is decided by the inputs alone), some with a parallel block, and
//! whose decisions route over a money and a `one of` input, the rule reports a loop exactly when some
//! value makes `flowc sim` go round for ever, and every value it names
//! does. The values tried cover every cell of the thresholds the
//! generator writes, so "some value" is every case there is.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use flowc::check::{self, CheckContext};
use flowc::config::Config;
use flowc::ir::{self, ProcessDocument};
use flowc::model;
use flowc::model::calendar::Calendar;
use flowc::sim::{self, Scenario, SimError};
use flowc::source::SourceFile;
use proptest::prelude::*;

const AMOUNTS: &[&str] = &["0", "100", "5000"];
const KINDS: &[&str] = &["a", "b", "c"];
const ORDERS: &[&str] = &["<", "<=", ">", ">=", "==", "!="];
/// One value in every cell the thresholds of [`AMOUNTS`] make.
const AMOUNTS_TRIED: &[&str] = &[
    "-1", "0", "0.01", "50", "100", "100.01", "4999.99", "5000", "5000.01", "9999",
];

/// The rules turned off for the simulation: what they report is what the
/// run is checked for, or does not stop it.
const OFF_FOR_THE_RUN: &str = "[rules]\nendless-loop = \"off\"\ndecision-gap = \"off\"\ndecision-overlap = \"off\"\nunreachable-step = \"off\"\n";

fn comparison() -> impl Strategy<Value = String> {
    prop_oneof![
        (
            proptest::sample::select(ORDERS),
            proptest::sample::select(AMOUNTS)
        )
            .prop_map(|(op, t)| format!("amount {op} {t} CNY")),
        (
            proptest::sample::select(&["==", "!="][..]),
            proptest::sample::select(KINDS)
        )
            .prop_map(|(op, t)| format!("kind {op} {t}")),
    ]
}

fn condition() -> impl Strategy<Value = String> {
    comparison().prop_recursive(2, 6, 2, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}) and ({b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}) or ({b})")),
            inner.prop_map(|part| format!("not ({part})")),
        ]
    })
}

/// A process of `steps` steps `s0..`, decisions `d0..`, maybe a parallel
/// block `block` (branches `b0`, `b1`) and the end `done`: each step's
/// `next` and the block's go anywhere, each decision's branches go to a
/// step, a later decision, the block or the end (so every loop has a step
/// in it).
fn process() -> impl Strategy<Value = String> {
    (1usize..=3, 1usize..=4).prop_flat_map(|(steps, decisions)| {
        let targets = steps + decisions + 2;
        let step_targets = proptest::collection::vec(0..targets, steps);
        let branches = proptest::collection::vec(
            (
                proptest::collection::vec((condition(), 0..targets), 1..=2),
                proptest::option::of(0..targets),
            ),
            decisions,
        );
        let block = proptest::option::of(0..targets);
        (step_targets, branches, block).prop_map(move |(step_targets, branches, block)| {
            write_process(steps, decisions, &step_targets, &branches, block)
        })
    })
}

type Branches = Vec<(Vec<(String, usize)>, Option<usize>)>;

fn write_process(
    steps: usize,
    decisions: usize,
    step_targets: &[usize],
    branches: &Branches,
    block: Option<usize>,
) -> String {
    let name = |index: usize| {
        if index < steps {
            format!("s{index}")
        } else if index < steps + decisions {
            format!("d{}", index - steps)
        } else if index == steps + decisions && block.is_some() {
            "block".to_string()
        } else {
            "done".to_string()
        }
    };
    // A decision's branch to itself or an earlier decision goes to the end.
    let forward = |decision: usize, target: usize| {
        if target >= steps && target < steps + decisions && target - steps <= decision {
            steps + decisions + 1
        } else {
            target
        }
    };
    let mut text = String::from(
        "department d\nrole r in d\nprocess p {\n  owner d\n  input amount: money CNY\n  input kind: one of a, b, c\n  start s0\n",
    );
    for (index, &target) in step_targets.iter().enumerate() {
        text.push_str(&format!(
            "  step s{index} {{\n    owner r\n    within 1 hour\n    next {}\n  }}\n",
            name(target)
        ));
    }
    if let Some(target) = block {
        text.push_str(&format!(
            "  parallel block {{\n    branch b0\n    branch b1\n    next {}\n  }}\n",
            name(target)
        ));
        for branch in ["b0", "b1"] {
            text.push_str(&format!(
                "  step {branch} {{\n    owner r\n    within 1 hour\n  }}\n"
            ));
        }
    }
    for (index, (whens, otherwise)) in branches.iter().enumerate() {
        text.push_str(&format!("  decide d{index} {{\n"));
        for (condition, target) in whens {
            text.push_str(&format!(
                "    when {condition} -> {}\n",
                name(forward(index, *target))
            ));
        }
        if let Some(target) = otherwise {
            text.push_str(&format!(
                "    otherwise -> {}\n",
                name(forward(index, *target))
            ));
        }
        text.push_str("  }\n");
    }
    text.push_str("  end done\n}\n");
    text
}

/// The diagnostics of `text` under `config`.
fn diagnostics(project: &model::Project, config: &Config) -> Vec<flowc::diagnostics::Diagnostic> {
    let context = CheckContext::new(config, "2026-11-28".parse().expect("a date"));
    check::run(project, &context)
}

/// How a run with `values` (name, text) ends.
#[derive(Debug, PartialEq)]
enum Run {
    Ends,
    Loops,
    Stops(String),
}

fn simulate(document: &ProcessDocument, values: &[(&str, &str)]) -> Run {
    let mut inputs = BTreeMap::new();
    for (name, text) in values {
        let input = document
            .inputs
            .iter()
            .find(|input| input.name == *name)
            .expect("the input exists");
        inputs.insert(
            name.to_string(),
            sim::parse_input(input, text).expect("a value of the input"),
        );
    }
    let scenario = Scenario {
        start: NaiveDateTime::parse_from_str("2026-12-01T09:00", "%Y-%m-%dT%H:%M").expect("a time"),
        inputs,
        outcomes: BTreeMap::new(),
        delays: BTreeMap::new(),
        applicant: None,
        recorded: Default::default(),
    };
    match sim::run(
        document,
        &sim::Library::default(),
        &Calendar::default(),
        &scenario,
    ) {
        Ok(_) => Run::Ends,
        Err(SimError::Stuck(message))
            if message.english().contains("without reaching an end")
                || message.english().contains("without entering a step") =>
        {
            Run::Loops
        }
        Err(error) => Run::Stops(error.to_string()),
    }
}

/// `amount = 5000 CNY, kind = a` as (name, value) pairs, every input given
/// (an input the message leaves out may take any value: the first tried).
fn values_of(message: &str) -> Vec<(String, String)> {
    let listed = message
        .split_once(" never ends for ")
        .and_then(|(_, rest)| rest.split_once(": "))
        .map(|(values, _)| values)
        .unwrap_or_else(|| panic!("no values in {message}"));
    let mut values: Vec<(String, String)> = listed
        .split(", ")
        .map(|pair| {
            let (name, value) = pair.split_once(" = ").expect("NAME = VALUE");
            (name.to_string(), value.to_string())
        })
        .collect();
    for (name, first) in [("amount", AMOUNTS_TRIED[0]), ("kind", KINDS[0])] {
        if !values.iter().any(|(given, _)| given == name) {
            values.push((name.to_string(), first.to_string()));
        }
    }
    values
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn endless_loop_reports_exactly_the_runs_that_never_end(text in process()) {
        let project = model::build(vec![SourceFile::from_text("p.flow", text.clone())]);
        let found = diagnostics(&project, &Config::default());
        // A loop with no way out at all is dead-end's, whatever the values.
        prop_assume!(!found.iter().any(|d| d.rule == "dead-end"));
        let reported: Vec<String> = found
            .iter()
            .filter(|d| d.rule == "endless-loop")
            .map(|d| d.message.english())
            .collect();
        prop_assert!(
            reported.iter().all(|m| m.contains(" never ends for ")),
            "analysed in full: {reported:?}"
        );
        let config = Config::parse(OFF_FOR_THE_RUN).expect("a configuration");
        let quiet = diagnostics(&project, &config);
        let checked = check::verify(&project, &quiet)
            .unwrap_or_else(|| panic!("only the rules turned off have errors: {quiet:?}\n{text}"));
        let (_, document) = ir::documents(&checked).remove(0);
        for message in &reported {
            let values = values_of(message);
            let pairs: Vec<(&str, &str)> = values
                .iter()
                .map(|(name, value)| (name.as_str(), value.as_str()))
                .collect();
            prop_assert_eq!(
                simulate(&document, &pairs),
                Run::Loops,
                "{} reported, but the run with it does not loop\n{}",
                message,
                text
            );
        }
        let mut looping = Vec::new();
        for amount in AMOUNTS_TRIED {
            for kind in KINDS {
                if simulate(&document, &[("amount", amount), ("kind", kind)]) == Run::Loops {
                    looping.push(format!("amount = {amount}, kind = {kind}"));
                }
            }
        }
        prop_assert_eq!(
            looping.is_empty(),
            reported.is_empty(),
            "runs that loop: {:?}; reported: {:?}\n{}",
            looping,
            reported,
            text
        );
    }
}
