//! Property tests of the decision analysis: every counterexample it names
//! really is uncovered (gap) or covered twice (overlap), and whenever some
//! point is uncovered or covered twice, it does name one. Conditions are
//! evaluated on the points by an evaluator written here, independently of
//! the analysis, and by the simulator's evaluator (`flowc sim`), which must
//! agree with it: so the analysis and the simulator agree on random
//! conditions and values. The amounts `required-participant` tries, and
//! the sets of them a condition may and must hold for, are checked against
//! the same evaluators.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::NaiveDate;
use flowc::check::decision_space::amounts::Amounts;
use flowc::check::decision_space::condition_tree::comparisons;
use flowc::check::decision_space::{Assignment, DecisionSpace};
use flowc::ir::condition_info;
use flowc::sim::{InputValue, condition_holds};
use flowc::syntax::ast::{
    Comparator, Condition, DecisionBranch, Declaration, Input, Operand, ProcessItem, Value,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// The inputs every generated decision may compare.
const INPUTS: &str = "
  input amount: money CNY
  input n: number
  input kind: one of a, b, c
  input flag: yes/no
  input due: date
  input who: text
";

const AMOUNTS: &[&str] = &["-20", "0", "100", "100.5", "5000", "5000.01"];
const NUMBERS: &[&str] = &["-1", "0", "0.5", "1", "2", "10"];
const DATES: &[&str] = &[
    "2026-01-01",
    "2026-01-02",
    "2026-06-30",
    "2026-07-01",
    "2026-07-03",
];
const KINDS: &[&str] = &["a", "b", "c"];
const FLAGS: &[&str] = &["yes", "no"];
const TEXTS: &[&str] = &["\"A\"", "\"B\"", "\"\""];
const ORDERS: &[&str] = &["<", "<=", ">", ">=", "==", "!="];
const EQUALITIES: &[&str] = &["==", "!="];

/// One comparison, as text.
fn comparison() -> impl Strategy<Value = String> {
    let pick = |values: &'static [&'static str]| proptest::sample::select(values);
    prop_oneof![
        (pick(ORDERS), pick(AMOUNTS)).prop_map(|(op, t)| format!("amount {op} {t} CNY")),
        (pick(ORDERS), pick(NUMBERS)).prop_map(|(op, t)| format!("n {op} {t}")),
        (pick(ORDERS), pick(DATES)).prop_map(|(op, t)| format!("due {op} {t}")),
        (pick(EQUALITIES), pick(KINDS)).prop_map(|(op, t)| format!("kind {op} {t}")),
        (pick(EQUALITIES), pick(FLAGS)).prop_map(|(op, t)| format!("flag {op} {t}")),
        (pick(EQUALITIES), pick(TEXTS)).prop_map(|(op, t)| format!("who {op} {t}")),
    ]
}

/// A condition of comparisons combined with `and`, `or` and `not`.
fn condition() -> impl Strategy<Value = String> {
    combined(comparison())
}

/// Conditions of the comparisons `leaf` makes, combined with `and`, `or`
/// and `not`.
pub(crate) fn combined(
    leaf: impl Strategy<Value = String> + 'static,
) -> impl Strategy<Value = String> {
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 2..=3)
                .prop_map(|parts| format!("({})", parts.join(") and ("))),
            proptest::collection::vec(inner.clone(), 2..=3)
                .prop_map(|parts| format!("({})", parts.join(") or ("))),
            inner.prop_map(|part| format!("not ({part})")),
        ]
    })
}

/// A value of each input: the thresholds, values just around them, and
/// values far from them.
fn point() -> impl Strategy<Value = BTreeMap<String, Value>> {
    let around = |written: &'static [&'static str]| {
        let mut values = Vec::new();
        for text in written {
            let t = Decimal::from_str(text).expect("a decimal");
            for delta in ["0", "0.01", "-0.01", "0.005", "-0.005", "0.5", "-0.5"] {
                values.push(t + Decimal::from_str(delta).expect("a decimal"));
            }
        }
        values.push(Decimal::from(-100_000));
        values.push(Decimal::from(1_000_000));
        values
    };
    let dates: Vec<NaiveDate> = DATES
        .iter()
        .flat_map(|text| {
            let date = NaiveDate::from_str(text).expect("a date");
            [date.pred_opt(), Some(date), date.succ_opt()]
        })
        .flatten()
        .chain([
            NaiveDate::from_ymd_opt(1990, 1, 1).expect("a date"),
            NaiveDate::from_ymd_opt(2100, 1, 1).expect("a date"),
        ])
        .collect();
    (
        proptest::sample::select(around(AMOUNTS)),
        proptest::sample::select(around(NUMBERS)),
        proptest::sample::select(dates),
        proptest::sample::select(KINDS),
        proptest::sample::select(FLAGS),
        proptest::sample::select(&["A", "B", "", "zzz"][..]),
    )
        .prop_map(|(amount, n, due, kind, flag, who)| {
            BTreeMap::from([
                (
                    "amount".to_string(),
                    Value::Money {
                        amount,
                        currency: "CNY".to_string(),
                    },
                ),
                ("n".to_string(), Value::Number(n)),
                ("due".to_string(), Value::Date(due)),
                ("kind".to_string(), Value::Name(kind.to_string())),
                ("flag".to_string(), Value::Name(flag.to_string())),
                ("who".to_string(), Value::Text(who.to_string())),
            ])
        })
}

/// The inputs and the conditions of a decision with one `when` each.
fn parse(conditions: &[String]) -> (Vec<Input>, Vec<Condition>) {
    let whens: String = conditions
        .iter()
        .map(|condition| format!("    when {condition} -> x\n"))
        .collect();
    let text = format!("process p {{\n{INPUTS}\n  decide d {{\n{whens}  }}\n}}\n");
    let tree = flowc::syntax::parse(&text).expect("generated decisions parse");
    let Some(Declaration::Process(process)) = tree.declarations.into_iter().next() else {
        panic!("no process in {text}")
    };
    let mut inputs = Vec::new();
    let mut found = Vec::new();
    for item in process.items {
        match item {
            ProcessItem::Input(input) => inputs.push(input),
            ProcessItem::Decision(decision) => found.extend(
                decision
                    .branches
                    .into_iter()
                    .filter_map(|branch| match branch {
                        DecisionBranch::When { condition, .. } => Some(condition),
                        DecisionBranch::Otherwise { .. } => None,
                    }),
            ),
            _ => {}
        }
    }
    (inputs, found)
}

/// Whether `condition` holds at `point`, by the independent evaluator,
/// checked to be what the simulator's evaluator says.
fn holds(condition: &Condition, point: &BTreeMap<String, Value>) -> bool {
    let independent = evaluate(condition, point);
    let simulated = condition_holds(&condition_info(condition), &sim_inputs(point))
        .unwrap_or_else(|error| panic!("the simulator cannot evaluate {condition:?}: {error}"));
    assert_eq!(
        independent, simulated,
        "the simulator disagrees on {condition:?} at {point:?}"
    );
    independent
}

/// The point as the simulator's inputs.
fn sim_inputs(point: &BTreeMap<String, Value>) -> BTreeMap<String, InputValue> {
    point
        .iter()
        .map(|(name, value)| {
            let value = match value {
                Value::Money { amount, .. } | Value::Number(amount) => InputValue::Number(*amount),
                Value::Date(date) => InputValue::Date(*date),
                Value::Name(flag) if name == "flag" => InputValue::YesNo(flag == "yes"),
                Value::Name(text) | Value::Text(text) => InputValue::Text(text.clone()),
            };
            (name.clone(), value)
        })
        .collect()
}

/// Whether `condition` holds at `point`: the independent evaluator (also
/// of comparisons of two values with each other, `tests/two_value_props.rs`).
pub(crate) fn evaluate(condition: &Condition, point: &BTreeMap<String, Value>) -> bool {
    match condition {
        Condition::AnyOf(parts, _) => parts.iter().any(|part| evaluate(part, point)),
        Condition::AllOf(parts, _) => parts.iter().all(|part| evaluate(part, point)),
        Condition::Not(inner, _) => !evaluate(inner, point),
        Condition::Compare(comparison) => {
            let actual = &point[&comparison.input.text];
            let written = match &comparison.value {
                Operand::Literal(literal) => &literal.value,
                Operand::Value(name) => &point[&name.text],
            };
            let ordering = match (actual, written) {
                (Value::Money { amount: a, .. }, Value::Money { amount: b, .. }) => a.cmp(b),
                (Value::Number(a), Value::Number(b)) => a.cmp(b),
                (Value::Date(a), Value::Date(b)) => a.cmp(b),
                (Value::Text(a), Value::Text(b)) => a.cmp(b),
                (Value::Name(a), Value::Name(b)) => a.cmp(b),
                other => panic!("generated comparisons are well typed: {other:?}"),
            };
            match comparison.op {
                Comparator::Less => ordering.is_lt(),
                Comparator::AtMost => ordering.is_le(),
                Comparator::Greater => ordering.is_gt(),
                Comparator::AtLeast => ordering.is_ge(),
                Comparator::Equal => ordering.is_eq(),
                Comparator::NotEqual => ordering.is_ne(),
            }
        }
    }
}

/// Whether `a` and `b` stand on the same side of every amount `condition`
/// compares `amount` with (so every comparison of `amount` judges them
/// alike).
fn alike(condition: &Condition, a: Decimal, b: Decimal) -> bool {
    comparisons(condition).into_iter().all(|comparison| {
        match (&comparison.input.text[..], &comparison.value) {
            (
                "amount",
                Operand::Literal(flowc::syntax::ast::Literal {
                    value: Value::Money { amount, .. },
                    ..
                }),
            ) => a.cmp(amount) == b.cmp(amount),
            _ => true,
        }
    })
}

/// `point` with `amount` set to `amount` CNY.
fn with_amount(point: &BTreeMap<String, Value>, amount: Decimal) -> BTreeMap<String, Value> {
    let mut point = point.clone();
    point.insert(
        "amount".to_string(),
        Value::Money {
            amount,
            currency: "CNY".to_string(),
        },
    );
    point
}

/// The thresholds a `money-above` requirement may name: some written in
/// the conditions, some not.
const REQUIRED_ABOVE: &[&str] = &["-100", "-20", "0", "50", "100.5", "5000", "5000.005"];

/// `background` with the values of `assignment` put in, checking each
/// has the input's type.
pub(crate) fn with(
    background: &BTreeMap<String, Value>,
    assignment: &Assignment,
) -> BTreeMap<String, Value> {
    let mut point = background.clone();
    for (name, value) in &assignment.values {
        let slot = point
            .get_mut(name)
            .unwrap_or_else(|| panic!("{name} is an input"));
        assert_eq!(
            std::mem::discriminant(slot),
            std::mem::discriminant(value),
            "{name} = {value} has the input's type"
        );
        if let Value::Money { currency, .. } = value {
            assert_eq!(currency, "CNY");
        }
        *slot = value.clone();
    }
    point
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_simulator_and_the_analysis_agree_on_every_condition(
        text in condition(),
        samples in proptest::collection::vec(point(), 16),
    ) {
        let (inputs, conditions) = parse(std::slice::from_ref(&text));
        let space = DecisionSpace::new(inputs.as_slice(), &[&conditions[0]]).expect("analysable");
        let never = space.holds(0).is_empty();
        let always = space.without(&space.everything(), &space.holds(0)).expect("small").is_empty();
        for sample in &samples {
            let holding = holds(&conditions[0], sample);
            prop_assert!(!(holding && never), "`{text}` holds at {sample:?} but the analysis says never");
            prop_assert!(holding || !always, "`{text}` fails at {sample:?} but the analysis says always");
        }
        if let Some(example) = space.example(&space.holds(0)).expect("small") {
            prop_assert!(holds(&conditions[0], &with(&samples[0], &example)), "`{text}` fails at the analysis's example {example}");
        }
        let outside = space.without(&space.everything(), &space.holds(0)).expect("small");
        if let Some(example) = space.example(&outside).expect("small") {
            prop_assert!(!holds(&conditions[0], &with(&samples[0], &example)), "`{text}` holds at the analysis's counterexample {example}");
        }
    }

    #[test]
    fn a_reported_gap_matches_no_condition(
        texts in proptest::collection::vec(condition(), 1..=4),
        background in point(),
    ) {
        let (inputs, conditions) = parse(&texts);
        let refs: Vec<&Condition> = conditions.iter().collect();
        let space = DecisionSpace::new(inputs.as_slice(), &refs).expect("analysable");
        if let Some(gap) = space.uncovered().expect("small") {
            let point = with(&background, &gap);
            for (condition, text) in conditions.iter().zip(&texts) {
                prop_assert!(!holds(condition, &point), "{gap} is said uncovered but `{text}` holds");
            }
        }
    }

    #[test]
    fn a_reported_overlap_matches_both_conditions(
        texts in proptest::collection::vec(condition(), 2..=4),
        background in point(),
    ) {
        let (inputs, conditions) = parse(&texts);
        let refs: Vec<&Condition> = conditions.iter().collect();
        let space = DecisionSpace::new(inputs.as_slice(), &refs).expect("analysable");
        for second in 0..conditions.len() {
            for first in 0..second {
                if let Some(both) = space.overlap(first, second).expect("small") {
                    let point = with(&background, &both);
                    prop_assert!(holds(&conditions[first], &point), "{both} is said to match `{}`", texts[first]);
                    prop_assert!(holds(&conditions[second], &point), "{both} is said to match `{}`", texts[second]);
                }
            }
        }
    }

    #[test]
    fn an_uncovered_or_doubly_covered_point_is_always_found(
        texts in proptest::collection::vec(condition(), 1..=4),
        samples in proptest::collection::vec(point(), 16),
    ) {
        let (inputs, conditions) = parse(&texts);
        let refs: Vec<&Condition> = conditions.iter().collect();
        let space = DecisionSpace::new(inputs.as_slice(), &refs).expect("analysable");
        let gap = space.uncovered().expect("small");
        for sample in &samples {
            let holding: Vec<usize> = (0..conditions.len())
                .filter(|&index| holds(&conditions[index], sample))
                .collect();
            if holding.is_empty() {
                prop_assert!(gap.is_some(), "{sample:?} matches no condition of {texts:?}, but no gap is reported");
            }
            if let [first, second, ..] = holding[..] {
                prop_assert!(
                    space.overlap(first, second).expect("small").is_some(),
                    "{sample:?} matches `{}` and `{}`, but no overlap is reported",
                    texts[first],
                    texts[second]
                );
            }
        }
    }

    #[test]
    fn the_amounts_tried_above_a_threshold_agree_with_the_evaluator(
        text in condition(),
        threshold in proptest::sample::select(REQUIRED_ABOVE),
        samples in proptest::collection::vec(point(), 16),
    ) {
        let (_, conditions) = parse(std::slice::from_ref(&text));
        let threshold = Decimal::from_str(threshold).expect("a decimal");
        let amounts = Amounts::above([&conditions[0]], "amount", "CNY", threshold);
        let judged = amounts.judge(&conditions[0]);
        let tried = amounts.values();
        prop_assert!(!tried.is_empty(), "no amount above {threshold} is tried");
        prop_assert!(tried.iter().all(|&amount| amount > threshold), "{tried:?} above {threshold}");
        prop_assert_eq!(judged.must.both(&judged.may), judged.must.clone(), "what must hold may");
        for sample in &samples {
            for (index, &amount) in tried.iter().enumerate() {
                let holding = holds(&conditions[0], &with_amount(sample, amount));
                prop_assert!(!holding || judged.may.contains(index), "`{text}` holds for {amount} CNY, said never to");
                prop_assert!(holding || !judged.must.contains(index), "`{text}` fails for {amount} CNY, said always to hold");
            }
            let Some(Value::Money { amount, .. }) = sample.get("amount") else {
                panic!("every point has an amount");
            };
            if *amount > threshold {
                let standing = tried.iter().position(|&candidate| alike(&conditions[0], *amount, candidate));
                prop_assert!(standing.is_some(), "{amount} CNY is like none of {tried:?} in `{text}`");
            }
        }
    }
}
