//! Cost of the decision rules (`decision-gap`, `decision-overlap`,
//! `type-mismatch`, `single-branch-decision`): checking 2,000 processes,
//! each with a decision of six `when`s over four inputs, with every rule
//! and with the four decision rules off; how long one pathological
//! decision takes to be declared too intricate; and `endless-loop` on one
//! process of 3,000 rework loops in a row, each left only above its own
//! threshold (so every loop is reported), with the rule on and off.
//! `cargo bench --bench decisions` runs them.

use std::collections::BTreeMap;

use criterion::{Criterion, criterion_group, criterion_main};
use flowc::check::{self, CheckContext, decision_space::DecisionSpace};
use flowc::config::{Config, RuleLevel};
use flowc::model::{self, Project};
use flowc::source::SourceFile;
use flowc::syntax::{self, ast};

const DECISION_RULES: &[&str] = &[
    "decision-gap",
    "decision-overlap",
    "type-mismatch",
    "single-branch-decision",
];

/// `count` processes, each routed by a decision on four inputs that covers
/// every case exactly once.
fn project(count: usize) -> Project {
    let mut text = String::from(
        "department finance \"財務部\"\nrole gm \"總經理\" in finance\n\
         role lead \"分管領導\" in finance reports to gm\n\
         role cashier \"出納\" in finance reports to lead\n",
    );
    for index in 0..count {
        text.push_str(&format!(
            r#"
process p{index} "報銷{index}" {{
  owner finance
  input amount: money CNY
  input kind: one of travel, office, entertainment, training
  input urgent: yes/no
  input due: date
  start route

  decide route "路徑" {{
    when amount <= 5000 CNY and kind == travel -> pay
    when amount <= 5000 CNY and kind != travel and urgent == yes -> pay
    when amount <= 5000 CNY and kind != travel and urgent == no -> lead_ok
    when amount > 5000 CNY and amount <= 50000 CNY and due < 2026-07-01 -> lead_ok
    when amount > 5000 CNY and amount <= 50000 CNY and due >= 2026-07-01 -> gm_ok
    when amount > 50000 CNY -> gm_ok
  }}

  step lead_ok "分管" {{
    owner lead
    within 2 business days
    next pay
  }}

  step gm_ok "總經理" {{
    owner gm
    within 2 business days
    next pay
  }}

  step pay "支付" {{
    owner cashier
    within 2 business days
    next done
  }}

  end done "完成"
}}
"#
        ));
    }
    model::build(vec![SourceFile::from_text("all.flow", text)])
}

/// One process of `count` loops in a row: step `s{i}` goes to decision
/// `d{i}`, which goes on only when `amount > 10 * i CNY` and back to
/// `s{i}` otherwise.
fn loops(count: usize) -> Project {
    let mut text = String::from(
        "department finance \"財務部\"\nrole cashier \"出納\" in finance\nprocess loops {\n  owner finance\n  input amount: money CNY\n  start s0\n",
    );
    for index in 0..count {
        let next = if index + 1 < count {
            format!("s{}", index + 1)
        } else {
            "done".to_string()
        };
        text.push_str(&format!(
            "  step s{index} {{\n    owner cashier\n    within 1 hour\n    next d{index}\n  }}\n  decide d{index} {{\n    when amount > {} CNY -> {next}\n    otherwise -> s{index}\n  }}\n",
            index * 10
        ));
    }
    text.push_str("  end done\n}\n");
    model::build(vec![SourceFile::from_text("loops.flow", text)])
}

/// One `when` of twelve alternatives over twenty-four inputs.
fn pathological() -> (Vec<ast::Input>, ast::Condition) {
    let inputs: String = (0..24)
        .map(|index| format!("  input n{index}: number\n"))
        .collect();
    let condition = (0..12)
        .map(|group| format!("(n{} > 0 or n{} > 0)", 2 * group, 2 * group + 1))
        .collect::<Vec<_>>()
        .join(" and ");
    let text =
        format!("process p {{\n{inputs}  decide d {{\n    when {condition} -> x\n  }}\n}}\n");
    let tree = syntax::parse(&text).expect("parses");
    let Some(ast::Declaration::Process(process)) = tree.declarations.into_iter().next() else {
        panic!("a process")
    };
    let mut found_inputs = Vec::new();
    let mut found = None;
    for item in process.items {
        match item {
            ast::ProcessItem::Input(input) => found_inputs.push(input),
            ast::ProcessItem::Decision(decision) => {
                if let Some(ast::DecisionBranch::When { condition, .. }) =
                    decision.branches.into_iter().next()
                {
                    found = Some(condition);
                }
            }
            _ => {}
        }
    }
    (found_inputs, found.expect("a condition"))
}

/// The default configuration with the rules `names` off.
fn without_rules(names: &[&str]) -> Config {
    Config {
        rules: names
            .iter()
            .map(|name| (name.to_string(), RuleLevel::Off))
            .collect::<BTreeMap<_, _>>(),
        ..Config::default()
    }
}

/// Checks `project` with every rule and without the rules `off`, as the
/// benchmarks `{name}-all-rules` and `{name}-without-{what}`.
fn with_and_without(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    project: &Project,
    name: &str,
    (what, off): (&str, &[&str]),
) {
    let all = Config::default();
    let some_off = without_rules(off);
    // A fixed date: every run checks the same.
    let today = "2026-11-28".parse().expect("a date");
    for (config, label) in [
        (&all, "all-rules".to_string()),
        (&some_off, format!("without-{what}")),
    ] {
        let context = CheckContext::new(config, today);
        group.bench_function(format!("{name}-{label}"), |b| {
            b.iter(|| check::run(project, &context).len())
        });
    }
}

fn decisions(c: &mut Criterion) {
    let mut group = c.benchmark_group("decisions");
    group.sample_size(10);
    with_and_without(
        &mut group,
        &project(2_000),
        "check-2000-decisions",
        ("decision-rules", DECISION_RULES),
    );
    let (inputs, condition) = pathological();
    group.bench_function("pathological-decision-until-too-intricate", |b| {
        b.iter(|| {
            DecisionSpace::new(inputs.as_slice(), &[&condition])
                .and_then(|space| space.uncovered())
                .is_err()
        })
    });
    with_and_without(
        &mut group,
        &loops(3_000),
        "check-3000-loops",
        ("endless-loop", &["endless-loop"]),
    );
    group.finish();
}

criterion_group!(benches, decisions);
criterion_main!(benches);
