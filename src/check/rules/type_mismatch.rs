//! `type-mismatch`: a comparison of an input or recorded value with a value
//! of another type (written out or another value of the process), or by an
//! operator its type has no meaning for.

use chrono::NaiveDate;

use super::at;
use crate::check::condition_types::{Mismatch, PairMismatch, ValueTypes, mismatch, pair_mismatch};
use crate::check::decision_space::condition_tree::comparisons;
use crate::check::{CheckContext, Finding, Rule};
use crate::i18n::Text;
use crate::model::{EdgeKind, Process, Project};
use crate::span::Span;
use crate::syntax::ast::{Comparison, InputType, Literal, Operand, Value};
use crate::text;

rule! {
    /// ## What it checks
    /// That every comparison in a `when` compares an input or a recorded
    /// value (`record NAME "label": TYPE` in a step) with a value of its own
    /// type, by an operator that means something for it:
    ///
    /// - money with an amount in the same currency (`amount > 5000 CNY`, not
    ///   `5000 USD` and not the bare number `5000`);
    /// - a number with a bare number, a date with a date, text with quoted
    ///   text;
    /// - `yes/no` with `yes` or `no`, and a `one of` input with one of its
    ///   values, unquoted (the message suggests the closest value);
    /// - `<`, `<=`, `>`, `>=` only on money, numbers and dates: text,
    ///   `yes/no` and `one of` values have no order;
    /// - two values compared with each other (`amount <= budget_left`) of
    ///   the same type: money in the same currency, numbers, dates, and for
    ///   `==` and `!=` also text, `yes/no` and `one of` inputs with the same
    ///   values. The message names both values and their types.
    ///
    /// An input the process does not declare is an
    /// [`undefined-reference`](undefined-reference.md) instead. flowc does
    /// not look for gaps or overlaps in a decision with a type mismatch.
    ///
    /// ## Why
    /// Systematic (系統性): a condition that compares things of different
    /// kinds has no agreed meaning. Is `amount > 5000` yuan or dollars? Is
    /// `kind == travle` ever true? The path a case takes would depend on how
    /// each reader, or each system, guesses.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`:
    /// ```flow
    /// process expense_claim "費用報銷審批" {
    ///   category approval
    ///   owner finance
    ///   review every 12 months, last 2026-03-01
    ///   sla 10 business days
    ///   kpi cycle_time "報銷周期" p90 under 8 business days
    ///
    ///   input amount: money CNY
    ///
    ///   start apply
    ///
    ///   step apply "員工申請" {
    ///     owner employee
    ///     within 3 business days
    ///     next route
    ///   }
    ///
    ///   decide route "按金額分級審批" {
    ///     when amount <= 5000 -> pay
    ///     otherwise -> division_approval
    ///   }
    ///
    ///   step division_approval "分管領導審批" {
    ///     owner division_lead
    ///     within 2 business days
    ///     next pay
    ///   }
    ///
    ///   step pay "報銷支付" {
    ///     owner cashier
    ///     within 2 business days
    ///     next paid
    ///   }
    ///
    ///   end paid "已支付"
    /// }
    /// ```
    /// reports "`amount` is money in CNY, but `5000` is a bare number" with
    /// the help "write `5000 CNY`".
    ///
    /// ## Fix
    /// Write the value in the input's type (see the table in the language
    /// reference, "Values in conditions"), correct the value's spelling, or
    /// use `==` and `!=` for inputs without order.
    pub struct TypeMismatch;
    code: "F303",
    name: "type-mismatch",
    severity: Error,
    enabled_by_default: true,
    principle: Systematic,
    summary: "A condition compares a value with a value of another type, or orders an unordered value.",
}

impl Rule for TypeMismatch {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            for edge in &process.edges {
                let EdgeKind::When(condition) = &edge.kind else {
                    continue;
                };
                for comparison in comparisons(condition.as_ref()) {
                    let Some(left) = Declared::of(process, &comparison.input.text) else {
                        continue;
                    };
                    match &comparison.value {
                        Operand::Literal(literal) => {
                            if let Some(kind) = mismatch(left.kind, comparison) {
                                findings.push(finding(process, &left, comparison, literal, &kind));
                            }
                        }
                        Operand::Value(other) => {
                            let Some(right) = Declared::of(process, &other.text) else {
                                continue;
                            };
                            if let Some(kind) = pair_mismatch(left.kind, comparison.op, right.kind)
                            {
                                findings
                                    .push(pair_finding(process, comparison, &left, &right, &kind));
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A value a condition reads, as declared: an input or a recorded value.
struct Declared<'a> {
    /// Its name.
    name: &'a str,
    /// Its type.
    kind: &'a InputType,
    /// Its declaration.
    span: Span,
    /// `input` or `record`, the key of its kind in the catalogue.
    kind_key: &'static str,
}

impl<'a> Declared<'a> {
    fn of(process: &'a Process, name: &'a str) -> Option<Declared<'a>> {
        let (kind, span) = process.declared(name)?;
        let kind_key = if process.input_named(name).is_some() {
            "input"
        } else {
            "record"
        };
        Some(Declared {
            name,
            kind,
            span,
            kind_key,
        })
    }
}

/// The finding for two values compared that do not fit each other.
fn pair_finding(
    process: &Process,
    comparison: &Comparison,
    left: &Declared,
    right: &Declared,
    kind: &PairMismatch,
) -> Finding {
    let (a, b) = (left.name, right.name);
    let (message, label, help) = match kind {
        PairMismatch::OtherType => (
            text!(
                "type-mismatch-other-type-message",
                a = a,
                left = type_noun(left.kind),
                b = b,
                right = type_noun(right.kind)
            ),
            text!("type-mismatch-other-type-label"),
            text!("type-mismatch-other-type-help"),
        ),
        PairMismatch::NotOrdered { op } => (
            text!(
                "type-mismatch-pair-not-ordered-message",
                op = op.symbol(),
                a = a,
                b = b,
                type = type_noun(left.kind)
            ),
            text!(
                "type-mismatch-not-ordered-label",
                op = op.symbol(),
                short = short_noun(left.kind)
            ),
            text!("type-mismatch-pair-not-ordered-help"),
        ),
    };
    Finding::new(at(process, comparison.span), message, label, help)
        .with_related(
            at(process, left.span),
            text!("type-mismatch-declared", name = a, type = type_noun(left.kind)),
        )
        .with_related(
            at(process, right.span),
            text!(
                "type-mismatch-declared-other",
                name = b,
                kind = right.kind_key,
                type = type_noun(right.kind)
            ),
        )
}

/// The finding for a value compared with a literal that does not fit it.
fn finding(
    process: &Process,
    input: &Declared,
    comparison: &Comparison,
    literal: &Literal,
    kind: &Mismatch,
) -> Finding {
    let name = input.name;
    let value = literal.value.to_string();
    let declared = type_noun(input.kind);
    let (message, label, help) = match kind {
        Mismatch::OtherCurrency {
            expected, found, ..
        } => (
            text!(
                "type-mismatch-other-currency-message",
                name = name,
                expected = expected,
                found = found,
                value = &value
            ),
            text!("type-mismatch-other-currency-label", found = found),
            text!("type-mismatch-other-currency-help", expected = expected),
        ),
        Mismatch::BareNumber { currency, amount } => (
            text!(
                "type-mismatch-bare-number-message",
                name = name,
                currency = currency,
                amount = amount.to_string()
            ),
            text!("type-mismatch-bare-number-label"),
            text!(
                "type-mismatch-bare-number-help",
                amount = amount.to_string(),
                currency = currency
            ),
        ),
        Mismatch::MoneyForNumber { amount } => (
            text!(
                "type-mismatch-money-for-number-message",
                name = name,
                value = &value
            ),
            text!("type-mismatch-money-for-number-label"),
            text!(
                "type-mismatch-money-for-number-help",
                amount = amount.to_string(),
                name = name
            ),
        ),
        Mismatch::QuotedValue { value } => (
            text!(
                "type-mismatch-quoted-value-message",
                name = name,
                type = declared.clone(),
                value = value
            ),
            text!("type-mismatch-quoted-value-label"),
            text!("type-mismatch-quoted-value-help", value = value),
        ),
        Mismatch::UnquotedText { name: word } => (
            text!(
                "type-mismatch-unquoted-text-message",
                name = name,
                word = word
            ),
            text!("type-mismatch-unquoted-text-label"),
            text!("type-mismatch-unquoted-text-help", word = word),
        ),
        Mismatch::UnknownValue { value, .. } if *input.kind == InputType::YesNo => (
            text!("type-mismatch-yes-no-message", name = name, value = value),
            text!("type-mismatch-yes-no-label"),
            match yes_or_no(value) {
                Some(meant) => text!(
                    "type-mismatch-yes-no-help-meant",
                    name = name,
                    op = comparison.op.symbol(),
                    meant = meant
                ),
                None => text!("type-mismatch-yes-no-help", name = name),
            },
        ),
        Mismatch::UnknownValue { value, closest } => (
            text!(
                "type-mismatch-unknown-value-message",
                name = name,
                value = value,
                type = declared.clone()
            ),
            text!("type-mismatch-unknown-value-label", name = name),
            match closest {
                Some(closest) => {
                    text!(
                        "type-mismatch-unknown-value-help-closest",
                        closest = closest
                    )
                }
                None => text!(
                    "type-mismatch-unknown-value-help",
                    values = values_of(input.kind),
                    value = value,
                    kind = input.kind_key
                ),
            },
        ),
        Mismatch::NotOrdered { op } => (
            text!(
                "type-mismatch-not-ordered-message",
                op = op.symbol(),
                name = name,
                type = declared.clone()
            ),
            text!(
                "type-mismatch-not-ordered-label",
                op = op.symbol(),
                short = short_noun(input.kind)
            ),
            text!("type-mismatch-not-ordered-help"),
        ),
        Mismatch::WrongKind => (
            text!(
                "type-mismatch-wrong-kind-message",
                name = name,
                type = declared.clone(),
                value = value_noun(&literal.value)
            ),
            text!(
                "type-mismatch-wrong-kind-label",
                short = short_noun(input.kind)
            ),
            text!(
                "type-mismatch-wrong-kind-help",
                example = example(input.kind, &literal.value)
            ),
        ),
    };
    let place = match kind {
        Mismatch::NotOrdered { .. } => comparison.span,
        _ => literal.span,
    };
    Finding::new(at(process, place), message, label, help).with_related(
        at(process, input.span),
        text!("type-mismatch-declared", name = name, type = declared),
    )
}

/// The type of an input in a sentence: "money in CNY", "one of a, b".
pub(super) fn type_noun(kind: &InputType) -> Text {
    match kind {
        InputType::Money { currency } => text!("type-noun", kind = "money", currency = currency),
        InputType::Number => text!("type-noun", kind = "number"),
        InputType::Text => text!("type-noun", kind = "text"),
        InputType::YesNo => text!("type-noun", kind = "yes-no"),
        InputType::Date => text!("type-noun", kind = "date"),
        InputType::Choice(_) => text!("type-noun", kind = "choice", values = values_of(kind)),
    }
}

/// The values of a choice, as written.
fn values_of(kind: &InputType) -> Vec<Text> {
    kind.finite_values()
        .into_iter()
        .map(Text::verbatim)
        .collect()
}

/// The type of an input in a label: "money", "a choice".
fn short_noun(kind: &InputType) -> Text {
    let key = match kind {
        InputType::Money { .. } => "money",
        InputType::Number => "number",
        InputType::Text => "text",
        InputType::YesNo => "yes-no",
        InputType::Date => "date",
        InputType::Choice(_) => "choice",
    };
    text!("input-type-short", type = key)
}

/// A literal value in a sentence: "the date `2026-07-01`".
pub(super) fn value_noun(value: &Value) -> Text {
    let kind = match value {
        Value::Money { .. } => "money",
        Value::Number(_) => "number",
        Value::Date(_) => "date",
        Value::Text(_) => "text",
        Value::Name(_) => "name",
    };
    text!("value-noun", kind = kind, value = value.to_string())
}

/// How to write a value of type `kind`, from what was written where it
/// helps (a number that reads as a date, `20260701`, becomes `2026-07-01`).
pub(super) fn example(kind: &InputType, written: &Value) -> Text {
    match kind {
        InputType::Money { currency } => {
            text!("type-example", kind = "money", currency = currency)
        }
        InputType::Number => text!("type-example", kind = "number"),
        InputType::Text => text!("type-example", kind = "text"),
        InputType::YesNo => text!("type-example", kind = "yes-no"),
        InputType::Date => match date_in_number(written) {
            Some(date) => text!("type-example", kind = "date", date = date.to_string()),
            None => text!("type-example", kind = "any-date"),
        },
        InputType::Choice(_) => text!("type-example", kind = "choice", values = values_of(kind)),
    }
}

/// The date a number like `20260701` spells, if it spells one.
fn date_in_number(value: &Value) -> Option<NaiveDate> {
    let Value::Number(number) = value else {
        return None;
    };
    let digits = number.to_string();
    if digits.len() != 8 || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    NaiveDate::parse_from_str(&digits, "%Y%m%d").ok()
}

/// The yes/no value a word in another language or spelling means, if it
/// is a common one (`是` is `yes`, `否` is `no`).
fn yes_or_no(word: &str) -> Option<&'static str> {
    match word {
        "是" | "对" | "對" | "真" | "有" | "true" | "True" | "TRUE" | "y" | "Y" | "Yes" | "YES" => {
            Some("yes")
        }
        "否" | "不是" | "不" | "假" | "无" | "無" | "没有" | "沒有" | "false" | "False"
        | "FALSE" | "n" | "N" | "No" | "NO" => Some("no"),
        _ => None,
    }
}
