//! Cost of the decision rules (`decision-gap`, `decision-overlap`,
//! `type-mismatch`, `single-branch-decision`): checking 2,000 processes,
//! each with a decision of six `when`s over four inputs, with every rule
//! and with the four decision rules off; and how long one pathological
//! decision takes to be declared too intricate. `cargo bench --bench
//! decisions` runs them.

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

fn decisions(c: &mut Criterion) {
    let mut group = c.benchmark_group("decisions");
    group.sample_size(10);
    let project = project(2_000);
    let off = Config {
        rules: DECISION_RULES
            .iter()
            .map(|name| (name.to_string(), RuleLevel::Off))
            .collect::<BTreeMap<_, _>>(),
        ..Config::default()
    };
    let all = Config::default();
    // A fixed date: every run checks the same.
    let today = "2026-11-28".parse().expect("a date");
    let with_all = CheckContext {
        config: &all,
        today,
    };
    let without = CheckContext {
        config: &off,
        today,
    };
    group.bench_function("check-2000-decisions-all-rules", |b| {
        b.iter(|| check::run(&project, &with_all).len())
    });
    group.bench_function("check-2000-decisions-without-decision-rules", |b| {
        b.iter(|| check::run(&project, &without).len())
    });
    let (inputs, condition) = pathological();
    group.bench_function("pathological-decision-until-too-intricate", |b| {
        b.iter(|| {
            DecisionSpace::new(&inputs, &[&condition])
                .and_then(|space| space.uncovered())
                .is_err()
        })
    });
    group.finish();
}

criterion_group!(benches, decisions);
criterion_main!(benches);
