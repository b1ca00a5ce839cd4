//! Conditions as engine expressions: FEEL for Zeebe, Python for
//! SpiffWorkflow. Inputs are process variables named as the inputs: money
//! and numbers are numbers in the currency's unit (decimals written exactly
//! as in the `.flow` file), `yes/no` a boolean, `one of` and text a string,
//! a date a `YYYY-MM-DD` string.

use crate::ir::{ConditionInfo, ValueInfo};

use super::Dialect;

/// The expression of `condition` in `dialect`, without FEEL's leading `=`.
pub(crate) fn expression(condition: &ConditionInfo, dialect: Dialect) -> String {
    match condition {
        ConditionInfo::AllOf { conditions } => joined(conditions, " and ", dialect),
        ConditionInfo::AnyOf { conditions } => joined(conditions, " or ", dialect),
        ConditionInfo::Not { condition } => match dialect {
            Dialect::Zeebe => format!("not({})", expression(condition, dialect)),
            Dialect::Spiff => format!("not ({})", expression(condition, dialect)),
        },
        ConditionInfo::Compare {
            input,
            operator,
            value,
        } => compare(input, operator, value, dialect),
    }
}

/// `outcome == NAME` in `dialect`, without FEEL's leading `=`.
pub(crate) fn outcome_is(outcome: &str, dialect: Dialect) -> String {
    match dialect {
        Dialect::Zeebe => format!("outcome = {}", string(outcome, dialect)),
        Dialect::Spiff => format!("outcome == {}", string(outcome, dialect)),
    }
}

fn joined(parts: &[ConditionInfo], separator: &str, dialect: Dialect) -> String {
    parts
        .iter()
        .map(|part| match part {
            ConditionInfo::Compare { .. } | ConditionInfo::Not { .. } => expression(part, dialect),
            _ => format!("({})", expression(part, dialect)),
        })
        .collect::<Vec<_>>()
        .join(separator)
}

fn compare(input: &str, operator: &str, value: &ValueInfo, dialect: Dialect) -> String {
    let operator = match (dialect, operator) {
        (Dialect::Zeebe, "==") => "=",
        (_, operator) => operator,
    };
    let (left, right) = match value {
        ValueInfo::Money { amount, .. } => (input.to_string(), amount.clone()),
        ValueInfo::Number { value } => (input.to_string(), value.clone()),
        ValueInfo::Text { value } => (input.to_string(), string(value, dialect)),
        ValueInfo::Date { value } => match dialect {
            Dialect::Zeebe => (
                format!("date({input})"),
                format!("date({})", string(value, dialect)),
            ),
            Dialect::Spiff => (input.to_string(), string(value, dialect)),
        },
        ValueInfo::Name { value } => (input.to_string(), name(value, dialect)),
        ValueInfo::Reference { name } => (input.to_string(), name.clone()),
    };
    format!("{left} {operator} {right}")
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
            expression(&condition, Dialect::Zeebe),
            "amount > 5000.01 and (kind = \"travel\" or urgent != true)"
        );
        assert_eq!(
            expression(&condition, Dialect::Spiff),
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
            expression(&text, Dialect::Spiff),
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
            expression(&date, Dialect::Zeebe),
            "not(date(due) < date(\"2026-07-01\"))"
        );
        assert_eq!(
            expression(&date, Dialect::Spiff),
            "not (due < \"2026-07-01\")"
        );
    }
}
