//! Conditions as engine expressions: FEEL for Zeebe, Python for
//! SpiffWorkflow. Inputs are process variables named as the inputs: money
//! and numbers are numbers in the currency's unit (decimals written exactly
//! as in the `.flow` file), `yes/no` a boolean, `one of` and text a string,
//! a date a `YYYY-MM-DD` string. Recorded values are variables named as
//! the records, of the same types. Two values compared (`amount <=
//! budget_left`) are two variables; two dates are compared as dates in
//! FEEL (`date(a) <= date(b)`) and as their `YYYY-MM-DD` text in Python,
//! whose order is the dates' order.

use std::collections::BTreeSet;

use crate::ir::{ConditionInfo, InputTypeInfo, ProcessDocument, ValueInfo};

use super::Dialect;

/// The names of the date-typed values (inputs and recorded values) of a
/// process: a comparison of two of them compares dates.
pub(crate) fn date_values(document: &ProcessDocument) -> BTreeSet<String> {
    let inputs = document
        .inputs
        .iter()
        .map(|input| (&input.name, &input.kind));
    let records = document
        .nodes
        .iter()
        .flat_map(|node| &node.records)
        .map(|record| (&record.name, &record.kind));
    inputs
        .chain(records)
        .filter(|(_, kind)| matches!(kind, InputTypeInfo::Date))
        .map(|(name, _)| name.clone())
        .collect()
}

/// The expression of `condition` in `dialect`, without FEEL's leading `=`;
/// `dates` are the names of the date-typed values.
pub(crate) fn expression(
    condition: &ConditionInfo,
    dialect: Dialect,
    dates: &BTreeSet<String>,
) -> String {
    match condition {
        ConditionInfo::AllOf { conditions } => joined(conditions, " and ", dialect, dates),
        ConditionInfo::AnyOf { conditions } => joined(conditions, " or ", dialect, dates),
        ConditionInfo::Not { condition } => match dialect {
            Dialect::Zeebe => format!("not({})", expression(condition, dialect, dates)),
            Dialect::Spiff => format!("not ({})", expression(condition, dialect, dates)),
        },
        ConditionInfo::Compare {
            input,
            operator,
            value,
        } => compare(input, operator, value, dialect, dates.contains(input)),
    }
}

/// A value as an expression of `dialect`: money and numbers as exact
/// numbers, dates and text as strings, `yes`/`no` as booleans, another
/// value as its variable.
pub(crate) fn value(value: &ValueInfo, dialect: Dialect) -> String {
    match value {
        ValueInfo::Money { amount, .. } => amount.clone(),
        ValueInfo::Number { value } => value.clone(),
        ValueInfo::Text { value } | ValueInfo::Date { value } => string(value, dialect),
        ValueInfo::Name { value } => name(value, dialect),
        ValueInfo::Reference { name } => name.clone(),
    }
}

/// `outcome == NAME` in `dialect`, without FEEL's leading `=`.
pub(crate) fn outcome_is(outcome: &str, dialect: Dialect) -> String {
    match dialect {
        Dialect::Zeebe => format!("outcome = {}", string(outcome, dialect)),
        Dialect::Spiff => format!("outcome == {}", string(outcome, dialect)),
    }
}

fn joined(
    parts: &[ConditionInfo],
    separator: &str,
    dialect: Dialect,
    dates: &BTreeSet<String>,
) -> String {
    parts
        .iter()
        .map(|part| match part {
            ConditionInfo::Compare { .. } | ConditionInfo::Not { .. } => {
                expression(part, dialect, dates)
            }
            _ => format!("({})", expression(part, dialect, dates)),
        })
        .collect::<Vec<_>>()
        .join(separator)
}

fn compare(
    input: &str,
    operator: &str,
    compared: &ValueInfo,
    dialect: Dialect,
    input_is_date: bool,
) -> String {
    let operator = match (dialect, operator) {
        (Dialect::Zeebe, "==") => "=",
        (_, operator) => operator,
    };
    let right = value(compared, dialect);
    let dates = match compared {
        ValueInfo::Date { .. } => true,
        ValueInfo::Reference { .. } => input_is_date,
        ValueInfo::Money { .. }
        | ValueInfo::Number { .. }
        | ValueInfo::Text { .. }
        | ValueInfo::Name { .. } => false,
    };
    match (dialect, dates) {
        (Dialect::Zeebe, true) => format!("date({input}) {operator} date({right})"),
        _ => format!("{input} {operator} {right}"),
    }
}

/// `yes`/`no` are booleans; any other name is a string (an enum value).
fn name(value: &str, dialect: Dialect) -> String {
    match (value, dialect) {
        ("yes", Dialect::Zeebe) => "true".to_string(),
        ("no", Dialect::Zeebe) => "false".to_string(),
        ("yes", Dialect::Spiff) => "True".to_string(),
        ("no", Dialect::Spiff) => "False".to_string(),
        _ => string(value, dialect),
    }
}

/// A string literal: FEEL and Python both take `"..."` with `\"` and
/// `\\` escapes.
pub fn string(text: &str, _dialect: Dialect) -> String {
    let mut literal = String::with_capacity(text.len() + 2);
    literal.push('"');
    for character in text.chars() {
        match character {
            '"' => literal.push_str("\\\""),
            '\\' => literal.push_str("\\\\"),
            '\n' => literal.push_str("\\n"),
            '\r' => literal.push_str("\\r"),
            '\t' => literal.push_str("\\t"),
            other => literal.push(other),
        }
    }
    literal.push('"');
    literal
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compare(input: &str, operator: &str, value: ValueInfo) -> ConditionInfo {
        ConditionInfo::Compare {
            input: input.to_string(),
            operator: operator.to_string(),
            value,
        }
    }

    #[test]
    fn money_is_an_exact_number() {
        let condition = ConditionInfo::AllOf {
            conditions: vec![
                compare(
                    "amount",
                    ">",
                    ValueInfo::Money {
                        amount: "5000.01".into(),
                        currency: "CNY".into(),
                    },
                ),
                ConditionInfo::AnyOf {
                    conditions: vec![
                        compare(
                            "kind",
                            "==",
                            ValueInfo::Name {
                                value: "travel".into(),
                            },
                        ),
                        compare(
                            "urgent",
                            "!=",
                            ValueInfo::Name {
                                value: "yes".into(),
                            },
                        ),
                    ],
                },
            ],
        };
        assert_eq!(
            expression(&condition, Dialect::Zeebe, &BTreeSet::new()),
            "amount > 5000.01 and (kind = \"travel\" or urgent != true)"
        );
        assert_eq!(
            expression(&condition, Dialect::Spiff, &BTreeSet::new()),
            "amount > 5000.01 and (kind == \"travel\" or urgent != True)"
        );
    }

    #[test]
    fn text_and_dates_are_quoted_and_escaped() {
        let text = compare(
            "supplier",
            "==",
            ValueInfo::Text {
                value: "say \"hi\" \\ 你好".into(),
            },
        );
        assert_eq!(
            expression(&text, Dialect::Spiff, &BTreeSet::new()),
            "supplier == \"say \\\"hi\\\" \\\\ 你好\""
        );
        let date = ConditionInfo::Not {
            condition: Box::new(compare(
                "due",
                "<",
                ValueInfo::Date {
                    value: "2026-07-01".into(),
                },
            )),
        };
        assert_eq!(
            expression(&date, Dialect::Zeebe, &BTreeSet::new()),
            "not(date(due) < date(\"2026-07-01\"))"
        );
        assert_eq!(
            expression(&date, Dialect::Spiff, &BTreeSet::new()),
            "not (due < \"2026-07-01\")"
        );
    }

    #[test]
    fn two_values_are_two_variables_and_two_dates_compare_as_dates() {
        let pair = |left: &str, right: &str| {
            compare(left, "<=", ValueInfo::Reference { name: right.into() })
        };
        let none = BTreeSet::new();
        let money = pair("amount", "budget_left");
        assert_eq!(
            expression(&money, Dialect::Zeebe, &none),
            "amount <= budget_left"
        );
        assert_eq!(
            expression(&money, Dialect::Spiff, &none),
            "amount <= budget_left"
        );
        let dates: BTreeSet<String> = ["start".to_string()].into();
        let days = pair("start", "deadline");
        assert_eq!(
            expression(&days, Dialect::Zeebe, &dates),
            "date(start) <= date(deadline)"
        );
        assert_eq!(
            expression(&days, Dialect::Spiff, &dates),
            "start <= deadline"
        );
    }
}
