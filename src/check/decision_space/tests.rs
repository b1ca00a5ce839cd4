//! Tables of decisions with the counterexample each must give.

use super::*;
use crate::syntax::ast::{DecisionBranch, Declaration, Ident, Input, Literal, ProcessItem};

/// The inputs every case may compare.
const INPUTS: &str = "
  input amount: money CNY
  input n: number
  input kind: one of travel, office, entertainment
  input urgent: yes/no
  input due: date
  input supplier: text
  input budget: money CNY
  input limit: money CNY
  input m: number
  input signed: date
  input buyer: text
  input approved: yes/no
";

/// `condition` with each bare name that names an input made a reference
/// to that input, as the model does.
fn resolve(condition: Condition, inputs: &[Input]) -> Condition {
    match condition {
        Condition::Compare(mut comparison) => {
            if let Operand::Literal(Literal {
                value: Value::Name(name),
                span,
            }) = &comparison.value
                && inputs.iter().any(|input| input.name.text == *name)
            {
                comparison.value = Operand::Value(Ident {
                    text: name.clone(),
                    span: *span,
                });
            }
            Condition::Compare(comparison)
        }
        Condition::AllOf(parts, span) => Condition::AllOf(
            parts
                .into_iter()
                .map(|part| resolve(part, inputs))
                .collect(),
            span,
        ),
        Condition::AnyOf(parts, span) => Condition::AnyOf(
            parts
                .into_iter()
                .map(|part| resolve(part, inputs))
                .collect(),
            span,
        ),
        Condition::Not(inner, span) => Condition::Not(Box::new(resolve(*inner, inputs)), span),
    }
}

/// Parses a decision with one `when` per condition, returning the inputs
/// and the conditions.
fn parse(inputs: &str, conditions: &[&str]) -> (Vec<Input>, Vec<Condition>) {
    let whens: String = conditions
        .iter()
        .map(|condition| format!("    when {condition} -> x\n"))
        .collect();
    let text = format!("process p {{\n{inputs}\n  decide d {{\n{whens}  }}\n}}\n");
    let tree = crate::syntax::parse(&text)
        .unwrap_or_else(|errors| panic!("{conditions:?} does not parse: {errors:?}"));
    let Some(Declaration::Process(process)) = tree.declarations.into_iter().next() else {
        panic!("no process")
    };
    let mut found_inputs = Vec::new();
    let mut found = Vec::new();
    for item in process.items {
        match item {
            ProcessItem::Input(input) => found_inputs.push(input),
            ProcessItem::Decision(decision) => {
                for branch in decision.branches {
                    if let DecisionBranch::When { condition, .. } = branch {
                        found.push(condition);
                    }
                }
            }
            ProcessItem::Category(..)
            | ProcessItem::Owner(..)
            | ProcessItem::Applicant(..)
            | ProcessItem::Review(_)
            | ProcessItem::Version(_)
            | ProcessItem::Note(_)
            | ProcessItem::Call(_)
            | ProcessItem::Sla(..)
            | ProcessItem::Start(..)
            | ProcessItem::Step(_)
            | ProcessItem::Parallel(_)
            | ProcessItem::End(_)
            | ProcessItem::Kpi(_)
            | ProcessItem::Broken(_) => {}
        }
    }
    let found = found
        .into_iter()
        .map(|condition| resolve(condition, &found_inputs))
        .collect();
    (found_inputs, found)
}

fn space(conditions: &[&str]) -> DecisionSpace {
    let (inputs, conditions) = parse(INPUTS, conditions);
    let conditions: Vec<&Condition> = conditions.iter().collect();
    DecisionSpace::new(inputs.as_slice(), &conditions).expect("the case is analysable")
}

fn gap(conditions: &[&str]) -> Option<String> {
    space(conditions)
        .uncovered()
        .expect("the case is small")
        .map(|assignment| assignment.to_string())
}

fn overlap(conditions: &[&str], first: usize, second: usize) -> Option<String> {
    space(conditions)
        .overlap(first, second)
        .expect("the case is small")
        .map(|assignment| assignment.to_string())
}

#[test]
fn gaps_name_the_value_a_person_would_pick() {
    let cases: &[(&[&str], Option<&str>)] = &[
        // Closed and open bounds on money.
        (&["amount <= 5000 CNY", "amount > 5000 CNY"], None),
        (&["amount < 5000 CNY", "amount >= 5000 CNY"], None),
        (
            &["amount < 5000 CNY", "amount > 5000 CNY"],
            Some("amount = 5000 CNY"),
        ),
        (&["amount <= 5000 CNY"], Some("amount = 5000.01 CNY")),
        (&["amount >= 5000 CNY"], Some("amount = 4999.99 CNY")),
        (&["amount > 1000 CNY"], Some("amount = 1000 CNY")),
        (&["amount < 1000 CNY"], Some("amount = 1000 CNY")),
        (
            &[
                "amount <= 5000 CNY",
                "amount > 5000 CNY and amount <= 50000 CNY",
            ],
            Some("amount = 50000.01 CNY"),
        ),
        (
            &[
                "amount <= 5000 CNY",
                "amount > 5000 CNY and amount <= 50000 CNY",
                "amount > 50000 CNY",
            ],
            None,
        ),
        (
            &["amount <= 5000 CNY", "amount >= 5000.01 CNY"],
            Some("amount = 5000.001 CNY"),
        ),
        (&["amount < 0 CNY", "amount >= 0 CNY"], None),
        (&["amount != 5000 CNY"], Some("amount = 5000 CNY")),
        (&["amount == 5000 CNY"], Some("amount = 4999.99 CNY")),
        (&["amount == 5000 CNY", "amount != 5000 CNY"], None),
        (&["amount >= 1_000_000 CNY"], Some("amount = 999999.99 CNY")),
        (&["amount <= 5000.50 CNY"], Some("amount = 5000.51 CNY")),
        // `and`, `or`, `not` on one input.
        (
            &["not (amount <= 5000 CNY)", "amount < 5000 CNY"],
            Some("amount = 5000 CNY"),
        ),
        (
            &["amount < 100 CNY or amount > 200 CNY"],
            Some("amount = 100 CNY"),
        ),
        (
            &[
                "amount >= 100 CNY and amount <= 200 CNY",
                "amount < 100 CNY",
                "amount > 200 CNY",
            ],
            None,
        ),
        (
            &[
                "amount > 100 CNY and amount < 200 CNY",
                "amount < 100 CNY",
                "amount > 200 CNY",
            ],
            Some("amount = 100 CNY"),
        ),
        (
            &["amount > 5000 CNY and amount < 1000 CNY"],
            Some("amount = 1000 CNY"),
        ),
        (&["not not amount > 5 CNY", "amount <= 5 CNY"], None),
        // Numbers.
        (&["n <= 10"], Some("n = 11")),
        (&["n <= 10", "n >= 11"], Some("n = 10.1")),
        (&["n < 0.75", "n > 0.75"], Some("n = 0.75")),
        (&["n <= 0.75"], Some("n = 0.76")),
        (&["n > -3"], Some("n = -3")),
        (
            &["n >= 1 and n <= 2 or n >= 3 and n <= 4", "n < 1", "n > 4"],
            Some("n = 2.1"),
        ),
        // Enums and yes/no.
        (
            &["kind == travel", "kind == office"],
            Some("kind = entertainment"),
        ),
        (&["kind == travel", "kind != travel"], None),
        (&["kind != travel"], Some("kind = travel")),
        (
            &["not (kind == travel or kind == office)", "kind == office"],
            Some("kind = travel"),
        ),
        (&["urgent == yes"], Some("urgent = no")),
        (&["urgent == yes", "urgent == no"], None),
        (&["urgent != no", "not urgent == yes"], None),
        // Dates are whole days.
        (
            &["due < 2026-07-01", "due > 2026-07-01"],
            Some("due = 2026-07-01"),
        ),
        (&["due <= 2026-06-30", "due >= 2026-07-01"], None),
        (
            &["due <= 2026-06-30", "due >= 2026-07-02"],
            Some("due = 2026-07-01"),
        ),
        (&["due < 2026-01-01"], Some("due = 2026-01-01")),
        (&["due <= 2026-01-01"], Some("due = 2026-01-02")),
        // Text, equality only.
        (&["supplier == \"ACME\""], Some("supplier = \"\"")),
        (&["supplier == \"\""], Some("supplier = \"other 1\"")),
        (&["supplier == \"ACME\"", "supplier != \"ACME\""], None),
        (&["supplier != \"ACME\""], Some("supplier = \"ACME\"")),
        // Several inputs.
        (
            &["amount <= 5000 CNY and kind == travel", "amount > 5000 CNY"],
            Some("amount = 5000 CNY, kind = office"),
        ),
        (
            &[
                "amount <= 5000 CNY and kind == travel",
                "amount > 5000 CNY",
                "kind != travel",
            ],
            None,
        ),
        (
            &[
                "amount > 5000 CNY or kind == travel",
                "amount <= 5000 CNY and kind != travel",
            ],
            None,
        ),
        (
            &["not (amount > 5000 CNY and kind == travel)"],
            Some("amount = 5000.01 CNY, kind = travel"),
        ),
        (
            &["urgent == yes and amount > 5000 CNY", "urgent == no"],
            Some("urgent = yes, amount = 5000 CNY"),
        ),
        (
            &[
                "urgent == yes and (kind == travel or kind == office)",
                "not (amount <= 5000 CNY) or due < 2026-07-01",
            ],
            Some("urgent = no, amount = 5000 CNY, due = 2026-07-01"),
        ),
    ];
    for (conditions, expected) in cases {
        assert_eq!(gap(conditions).as_deref(), *expected, "{conditions:?}");
    }
}

#[test]
fn overlaps_name_a_value_both_branches_take() {
    let cases: &[(&[&str], usize, usize, Option<&str>)] = &[
        (
            &["amount <= 5000 CNY", "amount >= 5000 CNY"],
            0,
            1,
            Some("amount = 5000 CNY"),
        ),
        (&["amount <= 5000 CNY", "amount > 5000 CNY"], 0, 1, None),
        (&["amount < 5000 CNY", "amount >= 5000 CNY"], 0, 1, None),
        (
            &["amount < 6000 CNY", "amount > 5000 CNY"],
            0,
            1,
            Some("amount = 5000.01 CNY"),
        ),
        (
            &["kind == travel or kind == office", "kind != travel"],
            0,
            1,
            Some("kind = office"),
        ),
        (&["kind == travel", "kind == office"], 0, 1, None),
        (
            &["urgent == yes and kind == travel", "amount > 5000 CNY"],
            0,
            1,
            Some("urgent = yes, kind = travel, amount = 5000.01 CNY"),
        ),
        (
            &["due <= 2026-06-30", "due >= 2026-06-30"],
            0,
            1,
            Some("due = 2026-06-30"),
        ),
        (&["due < 2026-07-01", "due > 2026-06-30"], 0, 1, None),
        (
            &["supplier == \"A\"", "supplier != \"B\""],
            0,
            1,
            Some("supplier = \"A\""),
        ),
        (
            &["not (amount <= 5000 CNY)", "amount >= 5000 CNY"],
            0,
            1,
            Some("amount = 5000.01 CNY"),
        ),
        (
            &["n > 1 and n < 3", "n > 2 and n < 4"],
            0,
            1,
            Some("n = 2.1"),
        ),
        (&["n > 1 and n < 3", "n >= 3 and n < 4"], 0, 1, None),
        (
            &[
                "amount <= 5000 CNY",
                "amount > 5000 CNY and amount <= 50000 CNY",
                "amount > 50000 CNY",
            ],
            1,
            2,
            None,
        ),
        (
            &[
                "amount <= 5000 CNY",
                "amount > 50000 CNY",
                "amount < 100 CNY",
            ],
            0,
            2,
            Some("amount = 99.99 CNY"),
        ),
        (
            &["urgent == yes", "not urgent == no"],
            0,
            1,
            Some("urgent = yes"),
        ),
        (
            &["amount > 5000 CNY and amount < 1000 CNY", "amount > 0 CNY"],
            0,
            1,
            None,
        ),
    ];
    for (conditions, first, second, expected) in cases {
        assert_eq!(
            overlap(conditions, *first, *second).as_deref(),
            *expected,
            "{conditions:?} {first} {second}"
        );
    }
}

#[test]
fn ill_typed_and_undeclared_inputs_are_not_analysed() {
    let (inputs, conditions) = parse(INPUTS, &["amount > 5000 USD", "nobody == yes"]);
    let first = [&conditions[0]];
    let second = [&conditions[1]];
    assert_eq!(
        DecisionSpace::new(inputs.as_slice(), &first).err(),
        Some(Unanalysable::Mismatch)
    );
    assert_eq!(
        DecisionSpace::new(inputs.as_slice(), &second).err(),
        Some(Unanalysable::UnknownInput("nobody".to_string()))
    );
}

#[test]
fn intricate_decisions_stop_at_the_work_limit() {
    let inputs: String = (0..24)
        .map(|index| format!("  input n{index}: number\n"))
        .collect();
    let groups: Vec<String> = (0..12)
        .map(|group| format!("(n{} > 0 or n{} > 0)", 2 * group, 2 * group + 1))
        .collect();
    let condition = groups.join(" and ");
    let (inputs, conditions) = parse(&inputs, &[&condition, "n0 < 0"]);
    let conditions: Vec<&Condition> = conditions.iter().collect();
    let outcome =
        DecisionSpace::new(inputs.as_slice(), &conditions).and_then(|space| space.uncovered());
    assert_eq!(outcome.err(), Some(Unanalysable::TooComplex));
}

#[test]
fn sets_of_points_combine_exactly() {
    let space = space(&["amount <= 5000 CNY", "kind == office", "amount > 100 CNY"]);
    let example = |points: &Points| {
        space
            .example(points)
            .expect("the case is small")
            .map(|assignment| assignment.to_string())
    };
    let small = space.holds(0);
    let office = space.holds(1);
    let above = space.holds(2);
    let large = space
        .without(&space.everything(), &small)
        .expect("small case");
    assert_eq!(example(&large).as_deref(), Some("amount = 5000.01 CNY"));
    let middle = space.both(&small, &above).expect("small case");
    assert_eq!(example(&middle).as_deref(), Some("amount = 5000 CNY"));
    let either = space.either(&large, &office).expect("small case");
    let rest = space
        .without(&space.everything(), &either)
        .expect("small case");
    assert_eq!(
        example(&rest).as_deref(),
        Some("amount = 100 CNY, kind = travel")
    );
    let named = space.around(
        &space
            .example(&rest)
            .expect("small case")
            .expect("not empty"),
    );
    assert!(space.without(&named, &rest).expect("small case").is_empty());
    assert!(space.both(&named, &large).expect("small case").is_empty());
    assert!(space.both(&small, &large).expect("small case").is_empty());
    assert!(Points::none().is_empty());
    assert!(!space.everything().is_empty());
    assert!(space.holds(7).is_empty());
}

#[test]
fn two_values_compared_are_analysed_exactly() {
    let gaps: &[(&[&str], Option<&str>)] = &[
        (&["amount <= budget", "amount > budget"], None),
        (&["amount < budget", "amount >= budget"], None),
        (
            &["amount < budget", "amount > budget"],
            Some("amount = 1000 CNY, budget = 1000 CNY"),
        ),
        (
            &["amount <= budget"],
            Some("amount = 1000.01 CNY, budget = 1000 CNY"),
        ),
        (
            &[
                "amount <= budget and budget <= 5000 CNY",
                "budget > 5000 CNY",
            ],
            Some("amount = 5000 CNY, budget = 4999.99 CNY"),
        ),
        (
            &["amount <= budget", "amount > budget and amount <= 5000 CNY"],
            Some("amount = 5000.01 CNY, budget = 5000 CNY"),
        ),
        (
            &[
                "amount <= budget",
                "amount > budget and amount <= 5000 CNY",
                "amount > 5000 CNY",
            ],
            None,
        ),
        (&["n >= m", "m > n"], None),
        (&["signed < due", "signed >= due"], None),
        (&["buyer == supplier", "buyer != supplier"], None),
        (
            &["buyer == supplier"],
            Some("buyer = \"\", supplier = \"other 1\""),
        ),
        (&["urgent == approved", "urgent != approved"], None),
        (&["urgent == approved"], Some("urgent = yes, approved = no")),
        (
            &["amount <= budget", "limit < 200 CNY"],
            Some("amount = 1000.01 CNY, budget = 1000 CNY, limit = 200 CNY"),
        ),
    ];
    for (conditions, expected) in gaps {
        assert_eq!(gap(conditions).as_deref(), *expected, "{conditions:?}");
    }
    assert_eq!(
        overlap(&["amount <= budget", "amount >= budget"], 0, 1).as_deref(),
        Some("amount = 1000 CNY, budget = 1000 CNY")
    );
    assert_eq!(overlap(&["amount < budget", "amount > budget"], 0, 1), None);
}

#[test]
fn days_between_two_consecutive_dates_leave_no_room_for_order() {
    // Between 2026-07-01 and 2026-07-03 lies one day: `signed` and `due`
    // both in it are equal, so `signed < due` needs another stretch.
    assert_eq!(
        gap(&[
            "signed > 2026-07-01 and signed < 2026-07-03 and due > 2026-07-01 and due < 2026-07-03 and signed == due",
            "not (signed > 2026-07-01 and signed < 2026-07-03 and due > 2026-07-01 and due < 2026-07-03)",
        ]),
        None
    );
}

#[test]
fn chains_of_three_values_are_beyond_the_analysis() {
    let (inputs, conditions) = parse(INPUTS, &["amount <= budget and budget <= limit"]);
    let conditions: Vec<&Condition> = conditions.iter().collect();
    assert_eq!(
        DecisionSpace::new(inputs.as_slice(), &conditions).err(),
        Some(Unanalysable::ManyValues(vec![
            "amount".to_string(),
            "budget".to_string(),
            "limit".to_string()
        ]))
    );
    let (inputs, conditions) = parse(INPUTS, &["amount <= budget", "n < budget"]);
    let conditions: Vec<&Condition> = conditions.iter().collect();
    assert_eq!(
        DecisionSpace::new(inputs.as_slice(), &conditions).err(),
        Some(Unanalysable::Mismatch)
    );
}

#[test]
fn a_pair_cut_by_hundreds_of_thresholds_is_too_complex_before_its_cells_are_made() {
    let many: Vec<String> = (0..200).map(|n| format!("amount > {n} CNY")).collect();
    let mut texts = vec!["amount <= budget".to_string()];
    texts.push(many.join(" or "));
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let (inputs, conditions) = parse(INPUTS, &texts);
    let conditions: Vec<&Condition> = conditions.iter().collect();
    assert_eq!(
        DecisionSpace::new(inputs.as_slice(), &conditions).err(),
        Some(Unanalysable::TooComplex)
    );
}
