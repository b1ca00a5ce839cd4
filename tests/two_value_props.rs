//! Property tests of the decision analysis on comparisons of two values
//! with each other (`amount <= budget`), alone and mixed with thresholds
//! on either value: every gap and overlap it names is one by an evaluator
//! written here, independently of the analysis, and whenever a sampled
//! point is uncovered or covered twice, the analysis finds a gap or an
//! overlap. The evaluator is `decision_space_props`'s. Decisions are built through the model, which makes a bare name
//! naming an input a reference to that input, as `flowc check` sees them.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::NaiveDate;
use flowc::check::decision_space::DecisionSpace;
use flowc::model::{self, EdgeKind};
use flowc::source::SourceFile;
use flowc::syntax::ast::{Condition, Value};

use crate::decision_space_props::{combined, evaluate, with};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use rust_decimal::Decimal;

/// How many random decisions each property runs.
const CASES: u32 = 300;

/// The pairs of values compared with each other, with their type.
const PAIRS: &[(&str, &str, &str)] = &[
    ("amount", "budget", "money CNY"),
    ("n", "m", "number"),
    ("due", "signed", "date"),
    ("kind", "other_kind", "one of a, b, c"),
    ("flag", "other_flag", "yes/no"),
    ("who", "whom", "text"),
];

const AMOUNTS: &[&str] = &["0", "100", "100.5", "5000", "5000.01"];
const NUMBERS: &[&str] = &["-1", "0", "0.5", "1", "2"];
const DATES: &[&str] = &["2026-01-01", "2026-01-02", "2026-07-01", "2026-07-03"];
const KINDS: &[&str] = &["a", "b", "c"];
const FLAGS: &[&str] = &["yes", "no"];
const TEXTS: &[&str] = &["\"A\"", "\"B\""];
const ORDERS: &[&str] = &["<", "<=", ">", ">=", "==", "!="];
const EQUALITIES: &[&str] = &["==", "!="];

/// The `input` lines of the process.
fn inputs() -> String {
    PAIRS
        .iter()
        .flat_map(|(first, second, kind)| {
            [
                format!("  input {first}: {kind}\n"),
                format!("  input {second}: {kind}\n"),
            ]
        })
        .collect()
}

/// One comparison, as text: two values of a pair compared with each other
/// (either way round), or one of them compared with a threshold.
fn comparison() -> impl Strategy<Value = String> {
    let pick = |values: &'static [&'static str]| proptest::sample::select(values);
    let name =
        |first: &'static str, second: &'static str| proptest::sample::select(vec![first, second]);
    prop_oneof![
        3 => (pick(ORDERS), any::<bool>()).prop_map(|(op, flip)| pair("amount", "budget", op, flip)),
        1 => (pick(ORDERS), any::<bool>()).prop_map(|(op, flip)| pair("n", "m", op, flip)),
        1 => (pick(ORDERS), any::<bool>()).prop_map(|(op, flip)| pair("due", "signed", op, flip)),
        1 => (pick(EQUALITIES), any::<bool>()).prop_map(|(op, flip)| pair("kind", "other_kind", op, flip)),
        1 => (pick(EQUALITIES), any::<bool>()).prop_map(|(op, flip)| pair("flag", "other_flag", op, flip)),
        1 => (pick(EQUALITIES), any::<bool>()).prop_map(|(op, flip)| pair("who", "whom", op, flip)),
        3 => (name("amount", "budget"), pick(ORDERS), pick(AMOUNTS)).prop_map(|(x, op, t)| format!("{x} {op} {t} CNY")),
        1 => (name("n", "m"), pick(ORDERS), pick(NUMBERS)).prop_map(|(x, op, t)| format!("{x} {op} {t}")),
        1 => (name("due", "signed"), pick(ORDERS), pick(DATES)).prop_map(|(x, op, t)| format!("{x} {op} {t}")),
        1 => (name("kind", "other_kind"), pick(EQUALITIES), pick(KINDS)).prop_map(|(x, op, t)| format!("{x} {op} {t}")),
        1 => (name("flag", "other_flag"), pick(EQUALITIES), pick(FLAGS)).prop_map(|(x, op, t)| format!("{x} {op} {t}")),
        1 => (name("who", "whom"), pick(EQUALITIES), pick(TEXTS)).prop_map(|(x, op, t)| format!("{x} {op} {t}")),
    ]
}

/// `first OP second`, or `second OP first` when `flip`.
fn pair(first: &str, second: &str, op: &str, flip: bool) -> String {
    if flip {
        format!("{second} {op} {first}")
    } else {
        format!("{first} {op} {second}")
    }
}

/// A condition of comparisons combined with `and`, `or` and `not`.
fn condition() -> impl Strategy<Value = String> {
    combined(comparison())
}

/// The values just around `written` (decimals), and two far from them.
fn around(written: &[&str]) -> Vec<Decimal> {
    let mut values = Vec::new();
    for text in written {
        let t = Decimal::from_str(text).expect("a decimal");
        for delta in ["0", "0.01", "-0.01", "0.005", "-0.5", "1000"] {
            values.push(t + Decimal::from_str(delta).expect("a decimal"));
        }
    }
    values.push(Decimal::from(-100_000));
    values
}

/// A value of each input. Both values of a pair are drawn from the same
/// few values, so that they are often equal or just apart.
fn point() -> impl Strategy<Value = BTreeMap<String, Value>> {
    let dates: Vec<NaiveDate> = DATES
        .iter()
        .flat_map(|text| {
            let date = NaiveDate::from_str(text).expect("a date");
            [date.pred_opt(), Some(date), date.succ_opt()]
        })
        .flatten()
        .collect();
    let two = |values: Vec<Value>| {
        (
            proptest::sample::select(values.clone()),
            proptest::sample::select(values),
        )
    };
    let money = |amount| Value::Money {
        amount,
        currency: "CNY".to_string(),
    };
    let names = |values: &[&str]| -> Vec<Value> {
        values
            .iter()
            .map(|value| Value::Name(value.to_string()))
            .collect()
    };
    (
        two(around(AMOUNTS).into_iter().map(money).collect()),
        two(around(NUMBERS).into_iter().map(Value::Number).collect()),
        two(dates.into_iter().map(Value::Date).collect()),
        two(names(KINDS)),
        two(names(FLAGS)),
        two(["A", "B", "", "zzz"]
            .iter()
            .map(|text| Value::Text(text.to_string()))
            .collect()),
    )
        .prop_map(|pairs| {
            let (a, b, c, d, e, f) = pairs;
            PAIRS
                .iter()
                .zip([a, b, c, d, e, f])
                .flat_map(|((first, second, _), (x, y))| {
                    [(first.to_string(), x), (second.to_string(), y)]
                })
                .collect()
        })
}

/// The process of a decision with one `when` per condition, built through
/// the model, and its conditions.
fn decision(conditions: &[String]) -> (model::Process, Vec<Condition>) {
    let whens: String = conditions
        .iter()
        .map(|condition| format!("    when {condition} -> done\n"))
        .collect();
    let text = format!(
        "process p {{\n{}\n  start d\n  decide d {{\n{whens}  }}\n  end done\n}}\n",
        inputs()
    );
    let project = model::build(vec![SourceFile::from_text("p.flow".to_string(), text)]);
    let process = project
        .processes
        .into_iter()
        .next()
        .expect("the generated process");
    let process = std::sync::Arc::unwrap_or_clone(process);
    let found = process
        .edges
        .iter()
        .filter_map(|edge| match &edge.kind {
            EdgeKind::When(condition) => Some(condition.as_ref().clone()),
            _ => None,
        })
        .collect();
    (process, found)
}

/// Runs `property` on `CASES` random decisions of one to four conditions
/// with sixteen sampled points (the property gets a maker of fresh
/// analyses of the decision), returning how many cases ran.
fn run(
    property: impl Fn(&[String], &[Condition], &dyn Fn() -> DecisionSpace, &[BTreeMap<String, Value>]),
) -> u32 {
    let ran = Cell::new(0);
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        proptest::collection::vec(condition(), 1..=4),
        proptest::collection::vec(point(), 16),
    );
    runner
        .run(&strategy, |(texts, samples)| {
            let (process, conditions) = decision(&texts);
            assert_eq!(conditions.len(), texts.len(), "every `when` of {texts:?}");
            let refs: Vec<&Condition> = conditions.iter().collect();
            // A fresh analysis for each question, as a rule asks it: the
            // work an analysis may do is counted over its life, and these
            // properties ask many more questions of one decision than a
            // rule does.
            let space = || {
                DecisionSpace::new(&process, &refs)
                    .unwrap_or_else(|error| panic!("{texts:?} is not analysed: {error:?}"))
            };
            property(&texts, &conditions, &space, &samples);
            ran.set(ran.get() + 1);
            Ok(())
        })
        .unwrap_or_else(|failure| panic!("{failure}"));
    ran.get()
}

#[test]
fn a_reported_gap_or_overlap_is_one() {
    let ran = run(|texts, conditions, space, samples| {
        if let Some(gap) = space().uncovered().expect("small") {
            let point = with(&samples[0], &gap);
            for (condition, text) in conditions.iter().zip(texts) {
                assert!(
                    !evaluate(condition, &point),
                    "{gap} is said uncovered but `{text}` holds"
                );
            }
        }
        for second in 0..conditions.len() {
            for first in 0..second {
                if let Some(both) = space().overlap(first, second).expect("small") {
                    let point = with(&samples[0], &both);
                    assert!(
                        evaluate(&conditions[first], &point)
                            && evaluate(&conditions[second], &point),
                        "{both} is said to match `{}` and `{}`",
                        texts[first],
                        texts[second]
                    );
                }
            }
        }
    });
    assert_eq!(ran, CASES);
}

#[test]
fn an_uncovered_or_doubly_covered_point_is_always_found() {
    let ran = run(|texts, conditions, space, samples| {
        let gap = space().uncovered().expect("small");
        for sample in samples {
            let holding: Vec<usize> = (0..conditions.len())
                .filter(|&index| evaluate(&conditions[index], sample))
                .collect();
            if holding.is_empty() {
                assert!(
                    gap.is_some(),
                    "{sample:?} matches no condition of {texts:?}, but no gap is reported"
                );
            }
            if let [first, second, ..] = holding[..] {
                assert!(
                    space().overlap(first, second).expect("small").is_some(),
                    "{sample:?} matches `{}` and `{}`, but no overlap is reported",
                    texts[first],
                    texts[second]
                );
            }
        }
    });
    assert_eq!(ran, CASES);
}

#[test]
fn each_condition_holds_at_its_example_and_fails_at_its_counterexample() {
    let ran = run(|texts, conditions, space, samples| {
        for (index, (condition, text)) in conditions.iter().zip(texts).enumerate() {
            let space = space();
            let holding = space.holds(index);
            if let Some(example) = space.example(&holding).expect("small") {
                assert!(
                    evaluate(condition, &with(&samples[0], &example)),
                    "`{text}` fails at the analysis's example {example}"
                );
            } else {
                for sample in samples {
                    assert!(
                        !evaluate(condition, sample),
                        "`{text}` holds at {sample:?} but the analysis says never"
                    );
                }
            }
            let outside = space.without(&space.everything(), &holding).expect("small");
            if let Some(example) = space.example(&outside).expect("small") {
                assert!(
                    !evaluate(condition, &with(&samples[0], &example)),
                    "`{text}` holds at the analysis's counterexample {example}"
                );
            }
        }
    });
    assert_eq!(ran, CASES);
}
