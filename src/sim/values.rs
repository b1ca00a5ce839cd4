//! Input values of a simulated run, and conditions evaluated on them with
//! exact decimals.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::SimError;
use crate::check::decision_space::compare_values;
use crate::check::decision_space::condition_tree::{ConditionTree, Node, comparisons, evaluate};
use crate::i18n::Text;
use crate::ir::{ConditionInfo, EdgeInfo, InputInfo, InputTypeInfo, ProcessDocument, ValueInfo};
use crate::syntax::ast::{Comparator, TimeUnit, Value};
use crate::text;

/// The value of an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputValue {
    /// Money or a number, exact.
    Number(Decimal),
    /// Text, or a value of a `one of` list.
    Text(String),
    /// `yes` or `no`.
    YesNo(bool),
    /// A date.
    Date(NaiveDate),
}

impl std::fmt::Display for InputValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputValue::Number(number) => write!(f, "{number}"),
            InputValue::Text(text) => write!(f, "{text}"),
            InputValue::YesNo(true) => f.write_str("yes"),
            InputValue::YesNo(false) => f.write_str("no"),
            InputValue::Date(date) => write!(f, "{date}"),
        }
    }
}

/// Reads `text` as a value of `input`: money as `5000`, `5000.01` or
/// `5000 CNY`; numbers; `yes`/`no`; dates `YYYY-MM-DD`; a listed value.
pub fn parse_input(input: &InputInfo, text: &str) -> Result<InputValue, SimError> {
    parse_value(&input.name, &input.kind, text)
}

/// Reads `text` as a value of type `kind` given with `--set NAME=text`
/// (an input, or a recorded value `STEP.NAME`), as [`parse_input`] does.
pub fn parse_value(name: &str, kind: &InputTypeInfo, text: &str) -> Result<InputValue, SimError> {
    read_value(kind, text).map_err(|expected| {
        SimError::Scenario(text!(
            "sim-error-bad-value",
            name = name,
            text = text,
            expected = expected
        ))
    })
}

/// Reads `text` as a value of type `kind`, as [`parse_value`] does; when
/// it does not fit, what was expected (`a date; write YYYY-MM-DD`).
pub fn read_value(kind: &InputTypeInfo, text: &str) -> Result<InputValue, Text> {
    match kind {
        InputTypeInfo::Money { currency } => {
            let amount = text.trim();
            let amount = amount
                .strip_suffix(currency.as_str())
                .map_or(amount, str::trim_end);
            number(amount).ok_or_else(|| text!("sim-expected-money", currency = currency.as_str()))
        }
        InputTypeInfo::Number => number(text.trim()).ok_or_else(|| text!("sim-expected-number")),
        InputTypeInfo::Text => Ok(InputValue::Text(text.to_string())),
        InputTypeInfo::YesNo => match text.trim() {
            "yes" => Ok(InputValue::YesNo(true)),
            "no" => Ok(InputValue::YesNo(false)),
            _ => Err(text!("sim-expected-yes-no")),
        },
        InputTypeInfo::Date => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map(InputValue::Date)
            .map_err(|_| text!("sim-expected-date")),
        InputTypeInfo::OneOf { values } => {
            let value = text.trim();
            if values.iter().any(|allowed| allowed == value) {
                Ok(InputValue::Text(value.to_string()))
            } else {
                let listed: Vec<Text> = values
                    .iter()
                    .map(|value| Text::verbatim(value.as_str()))
                    .collect();
                Err(text!("sim-expected-one-of", values = listed))
            }
        }
    }
}

/// `text` as a number, only when it can be held exactly: a number with
/// more digits than a decimal holds is refused, never rounded.
fn number(text: &str) -> Option<InputValue> {
    let cleaned: String = text.chars().filter(|&c| c != '_').collect();
    Decimal::from_str_exact(&cleaned)
        .ok()
        .map(InputValue::Number)
}

/// Reads a duration: `4bd`, `4 business days`, `2h`, `30min`, `3d`,
/// `1w`, `2mo`, `1y`, or the `.flow` spelling (`2 hours`).
pub fn parse_duration(text: &str) -> Option<(u64, TimeUnit)> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit() && c != '_')
        .unwrap_or(text.len());
    let amount: String = text[..split].chars().filter(|&c| c != '_').collect();
    let amount: u64 = amount.parse().ok()?;
    let unit_text: String = text[split..]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let unit = match unit_text.as_str() {
        "bd" | "business day" | "business days" => TimeUnit::BusinessDay,
        "m" | "min" | "minute" | "minutes" => TimeUnit::Minute,
        "h" | "hour" | "hours" => TimeUnit::Hour,
        "d" | "day" | "days" => TimeUnit::Day,
        "w" | "week" | "weeks" => TimeUnit::Week,
        "mo" | "month" | "months" => TimeUnit::Month,
        "y" | "year" | "years" => TimeUnit::Year,
        _ => return None,
    };
    Some((amount, unit))
}

/// Whether `condition` holds for the inputs, evaluated as the checker
/// evaluates conditions ([`evaluate`]: in the order written, as far as
/// needed). A comparison of an input without a value is an error of the
/// scenario; one of values that cannot be compared leaves the run stuck.
pub fn holds(
    condition: &ConditionInfo,
    inputs: &BTreeMap<String, InputValue>,
) -> Result<bool, SimError> {
    evaluate(condition, &mut |(input, operator, value)| {
        let Some(actual) = inputs.get(input) else {
            return Err(SimError::Scenario(text!(
                "sim-error-needs-input",
                input = input
            )));
        };
        let ordering = match value {
            ValueInfo::Reference { name } => {
                let Some(other) = inputs.get(name) else {
                    return Err(SimError::Scenario(text!(
                        "sim-error-needs-input",
                        input = name.as_str()
                    )));
                };
                compare_two(actual, other)
            }
            _ => compare(actual, value),
        };
        let ordering = ordering.ok_or_else(|| {
            SimError::Stuck(text!(
                "sim-error-incomparable",
                input = input,
                actual = actual.to_string(),
                value = describe_value(value)
            ))
        })?;
        Ok(Comparator::from_symbol(operator)
            .unwrap_or(Comparator::NotEqual)
            .holds(ordering))
    })
}

/// The JSON IR's condition as a tree: each comparison is its input's name,
/// its operator and the value written.
impl ConditionTree for ConditionInfo {
    type Comparison<'a> = (&'a str, &'a str, &'a ValueInfo);

    fn node(&self) -> Node<'_, Self> {
        match self {
            ConditionInfo::AllOf { conditions } => Node::AllOf(conditions),
            ConditionInfo::AnyOf { conditions } => Node::AnyOf(conditions),
            ConditionInfo::Not { condition } => Node::Not(condition),
            ConditionInfo::Compare {
                input,
                operator,
                value,
            } => Node::Compare((input.as_str(), operator.as_str(), value)),
        }
    }
}

/// How `actual` compares with `value`, read as the checker reads
/// conditions ([`compare_values`]); `None` when they cannot be compared.
fn compare(actual: &InputValue, value: &ValueInfo) -> Option<std::cmp::Ordering> {
    let written = value.value()?;
    let actual = match (actual, &written) {
        (InputValue::YesNo(_), Value::Name(name)) if name != "yes" && name != "no" => {
            return None;
        }
        (InputValue::Text(text), Value::Name(_)) => Value::Name(text.clone()),
        _ => actual.as_value(),
    };
    compare_values(&actual, &written)
}

impl InputValue {
    /// The value as a condition writes it: money as a plain number,
    /// `yes`/`no` as names.
    fn as_value(&self) -> Value {
        match self {
            InputValue::Number(number) => Value::Number(*number),
            InputValue::Date(date) => Value::Date(*date),
            InputValue::YesNo(yes) => Value::Name(if *yes { "yes" } else { "no" }.to_string()),
            InputValue::Text(text) => Value::Text(text.clone()),
        }
    }
}

/// The value a literal of the IR stands for, given to an input of type
/// `kind` (a `with` value of a call): `yes`/`no` are a flag for a `yes/no`
/// input, any other name a listed value.
pub(crate) fn literal_value(value: &ValueInfo, kind: Option<&InputTypeInfo>) -> Option<InputValue> {
    Some(match value.value()? {
        Value::Money { amount, .. } | Value::Number(amount) => InputValue::Number(amount),
        Value::Date(date) => InputValue::Date(date),
        Value::Text(text) => InputValue::Text(text),
        Value::Name(name) => match (kind, name.as_str()) {
            (Some(InputTypeInfo::YesNo), "yes") => InputValue::YesNo(true),
            (Some(InputTypeInfo::YesNo), "no") => InputValue::YesNo(false),
            _ => InputValue::Text(name),
        },
    })
}

/// Every value a condition reads, in the order written: the compared
/// names and the values they are compared with.
pub(crate) fn names_read(condition: &ConditionInfo) -> Vec<&str> {
    comparisons(condition)
        .into_iter()
        .flat_map(|(input, _, value)| {
            let other = match value {
                ValueInfo::Reference { name } => Some(name.as_str()),
                _ => None,
            };
            std::iter::once(input).chain(other)
        })
        .collect()
}

/// How two values of the run compare (`amount <= budget_left`), as the
/// checker compares values ([`compare_values`]): amounts and dates in
/// order, texts, listed values and `yes`/`no` by equality.
fn compare_two(a: &InputValue, b: &InputValue) -> Option<std::cmp::Ordering> {
    compare_values(&a.as_value(), &b.as_value())
}

fn describe_value(value: &ValueInfo) -> String {
    match value {
        ValueInfo::Money { amount, currency } => format!("{amount} {currency}"),
        ValueInfo::Number { value } | ValueInfo::Name { value } => value.clone(),
        ValueInfo::Date { value } => value.clone(),
        ValueInfo::Text { value } => format!("\"{value}\""),
        ValueInfo::Reference { name } => name.clone(),
    }
}

/// The inputs a decision looks at, with their values: `amount = 5000 CNY`.
pub fn describe_inputs(
    edges: &[&EdgeInfo],
    document: &ProcessDocument,
    inputs: &BTreeMap<String, InputValue>,
) -> Text {
    let mut names: Vec<&str> = Vec::new();
    for condition in edges.iter().filter_map(|edge| edge.condition.as_ref()) {
        for (input, _, _) in comparisons(condition) {
            if !names.contains(&input) {
                names.push(input);
            }
        }
    }
    let described: Vec<Text> = names
        .iter()
        .map(|name| {
            let value = inputs.get(*name).map_or_else(
                || text!("sim-unset"),
                |value| Text::verbatim(value.to_string()),
            );
            let currency = document
                .inputs
                .iter()
                .find(|i| i.name == *name)
                .and_then(|i| match &i.kind {
                    InputTypeInfo::Money { currency } => Some(format!(" {currency}")),
                    _ => None,
                });
            text!(
                "sim-input-value",
                name = *name,
                value = value,
                currency = currency.unwrap_or_default()
            )
        })
        .collect();
    if described.is_empty() {
        text!("sim-the-inputs")
    } else {
        text!("sim-names", names = described)
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    #[test]
    fn durations_read_short_and_long_forms() {
        assert_eq!(parse_duration("4bd"), Some((4, TimeUnit::BusinessDay)));
        assert_eq!(
            parse_duration("4 business days"),
            Some((4, TimeUnit::BusinessDay))
        );
        assert_eq!(parse_duration("30min"), Some((30, TimeUnit::Minute)));
        assert_eq!(parse_duration("2 hours"), Some((2, TimeUnit::Hour)));
        assert_eq!(parse_duration("1_000d"), Some((1000, TimeUnit::Day)));
        assert_eq!(parse_duration("4 parsecs"), None);
        assert_eq!(parse_duration("bd"), None);
    }

    #[test]
    fn money_accepts_the_currency_and_stays_exact() {
        let input = InputInfo {
            name: "amount".into(),
            kind: InputTypeInfo::Money {
                currency: "CNY".into(),
            },
        };
        assert_eq!(
            parse_input(&input, "5000.01 CNY"),
            Ok(InputValue::Number(
                Decimal::from_str("5000.01").expect("decimal")
            ))
        );
        assert!(parse_input(&input, "5000 USD").is_err());
        let value = ValueInfo::Money {
            amount: "5000".into(),
            currency: "CNY".into(),
        };
        let above = InputValue::Number(Decimal::from_str("5000.01").expect("decimal"));
        assert_eq!(compare(&above, &value), Some(std::cmp::Ordering::Greater));
    }
}
