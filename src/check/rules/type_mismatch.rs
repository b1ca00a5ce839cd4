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
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in &project.processes {
            for edge in &process.edges {
                let EdgeKind::When(condition) = &edge.kind else {
                    continue;
                };
                for comparison in comparisons(condition) {
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
    /// "input" or "recorded value".
    noun: &'static str,
}

impl<'a> Declared<'a> {
    fn of(process: &'a Process, name: &'a str) -> Option<Declared<'a>> {
        let (kind, span) = process.declared(name)?;
        let noun = if process.input_named(name).is_some() {
            "input"
        } else {
            "recorded value"
        };
        Some(Declared {
            name,
            kind,
            span,
            noun,
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
            format!(
                "`{a}` is {}, but is compared with `{b}`, which is {}",
                type_noun(left.kind),
                type_noun(right.kind)
            ),
            "values of different types".to_string(),
            "compare values of the same type (money in the same currency, numbers, dates, the same `one of`), or compare each with a value written out".to_string(),
        ),
        PairMismatch::NotOrdered { op } => (
            format!(
                "`{}` compares sizes, but `{a}` and `{b}` are {}, which has no order",
                op.symbol(),
                type_noun(left.kind)
            ),
            format!("`{}` on {}", op.symbol(), short_noun(left.kind)),
            "use `==` or `!=`".to_string(),
        ),
    };
    Finding::new(at(process, comparison.span), message, label, help)
        .with_related(
            at(process, left.span),
            format!("`{a}` is declared as {}", type_noun(left.kind)),
        )
        .with_related(
            at(process, right.span),
            format!(
                "`{b}` is {} declared as {}",
                super::with_article(right.noun),
                type_noun(right.kind)
            ),
        )
}

fn finding(
    process: &Process,
    input: &Declared,
    comparison: &Comparison,
    literal: &Literal,
    kind: &Mismatch,
) -> Finding {
    let name = input.name;
    let value = &literal.value;
    let declared = type_noun(input.kind);
    let (message, label, help) = match kind {
        Mismatch::OtherCurrency {
            expected, found, ..
        } => (
            format!(
                "`{name}` is money in {expected}, but is compared with an amount in {found} (`{value}`)"
            ),
            format!("an amount in {found}"),
            format!(
                "write the amount in {expected}, the input's currency (flowc does not convert currencies)"
            ),
        ),
        Mismatch::BareNumber { currency, amount } => (
            format!("`{name}` is money in {currency}, but `{amount}` is a bare number"),
            "a number without currency".to_string(),
            format!("write `{amount} {currency}`"),
        ),
        Mismatch::MoneyForNumber { amount } => (
            format!("`{name}` is a number, but is compared with the amount `{value}`"),
            "an amount of money".to_string(),
            format!("write the bare number `{amount}`, or declare `{name}` as money"),
        ),
        Mismatch::QuotedValue { value } => (
            format!("`{name}` is {declared}, but `\"{value}\"` is quoted text"),
            "quoted text".to_string(),
            format!("write `{value}` without quotes"),
        ),
        Mismatch::UnquotedText { name: word } => (
            format!("`{name}` is text, but `{word}` is a bare name"),
            "a bare name".to_string(),
            format!("put text in quotes: `\"{word}\"`"),
        ),
        Mismatch::UnknownValue { value, .. } if *input.kind == InputType::YesNo => (
            format!("`{name}` is yes/no: its values are written `yes` and `no`, not `{value}`"),
            "write `yes` or `no`".to_string(),
            match yes_or_no(value) {
                Some(meant) => format!("write `{name} {} {meant}`", comparison.op.symbol()),
                None => format!("compare with `yes` or `no`: `{name} == yes`"),
            },
        ),
        Mismatch::UnknownValue { value, closest } => (
            format!("`{name}` has no value `{value}`: it is {declared}"),
            format!("not a value of `{name}`"),
            match closest {
                Some(closest) => format!("did you mean `{closest}`?"),
                None => format!(
                    "compare with one of its values ({}), or add `{value}` to the {}'s list",
                    input.kind.finite_values().join(", "),
                    input.noun
                ),
            },
        ),
        Mismatch::NotOrdered { op } => (
            format!(
                "`{}` compares sizes, but `{name}` is {declared}, which has no order",
                op.symbol()
            ),
            format!("`{}` on {}", op.symbol(), short_noun(input.kind)),
            "use `==` or `!=` (several values: `a == x or a == y`)".to_string(),
        ),
        Mismatch::WrongKind => (
            format!(
                "`{name}` is {declared}, but is compared with {}",
                value_noun(value)
            ),
            format!("not {}", short_noun(input.kind)),
            format!("write {}", example(input.kind, value)),
        ),
    };
    let place = match kind {
        Mismatch::NotOrdered { .. } => comparison.span,
        _ => literal.span,
    };
    Finding::new(at(process, place), message, label, help).with_related(
        at(process, input.span),
        format!("`{name}` is declared as {declared}"),
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
fn short_noun(kind: &InputType) -> &'static str {
    match kind {
        InputType::Money { .. } => "money",
        InputType::Number => "a number",
        InputType::Text => "text",
        InputType::YesNo => "yes/no",
        InputType::Date => "a date",
        InputType::Choice(_) => "a choice",
    }
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
