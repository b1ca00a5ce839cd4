//! The types of comparisons in conditions: whether `INPUT OP VALUE` compares
//! an input with a value of its own type, by an operator that has a meaning
//! for it.
//!
//! Sits in the check stage beside [`super::decision_space`], which only
//! analyses decisions whose every comparison is well typed. The rule
//! `type-mismatch` reports what [`mismatch`] finds; this module only holds
//! the facts, not the wording.

use rust_decimal::Decimal;

use super::closest;
use crate::syntax::ast::{Comparator, Comparison, InputType, Operand, Value};

/// Why a comparison does not fit its input's type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// A money input compared with an amount in another currency.
    OtherCurrency {
        /// The input's currency.
        expected: String,
        /// The amount written.
        amount: Decimal,
        /// The currency written.
        found: String,
    },
    /// A money input compared with a bare number.
    BareNumber {
        /// The input's currency.
        currency: String,
        /// The number written.
        amount: Decimal,
    },
    /// A number input compared with an amount of money.
    MoneyForNumber {
        /// The amount written, without its currency.
        amount: Decimal,
    },
    /// A `one of` or `yes/no` input compared with quoted text that names
    /// one of its values: the quotes are the mistake.
    QuotedValue {
        /// The value, without quotes.
        value: String,
    },
    /// A text input compared with a bare name: the quotes are missing.
    UnquotedText {
        /// The name written.
        name: String,
    },
    /// A `one of` or `yes/no` input compared with a name it does not have.
    UnknownValue {
        /// The name written.
        value: String,
        /// The input's value closest to it, when one is close.
        closest: Option<String>,
    },
    /// `<`, `<=`, `>` or `>=` on an input that has no order (text, yes/no,
    /// `one of`).
    NotOrdered {
        /// The operator written.
        op: Comparator,
    },
    /// Any other value of the wrong kind (a date for money, a number for an
    /// enum, ...).
    WrongKind,
}

/// What is wrong with comparing an input of type `kind` as `comparison`
/// does, or `None` when the comparison is well typed.
pub fn mismatch(kind: &InputType, comparison: &Comparison) -> Option<Mismatch> {
    let Operand::Literal(literal) = &comparison.value else {
        return None;
    };
    let value = &literal.value;
    let ordering = !matches!(comparison.op, Comparator::Equal | Comparator::NotEqual);
    match (kind, value) {
        (
            InputType::Money { currency },
            Value::Money {
                currency: found, ..
            },
        ) if found == currency => None,
        (
            InputType::Money { currency },
            Value::Money {
                amount,
                currency: found,
            },
        ) => Some(Mismatch::OtherCurrency {
            expected: currency.clone(),
            amount: *amount,
            found: found.clone(),
        }),
        (InputType::Money { currency }, Value::Number(amount)) => Some(Mismatch::BareNumber {
            currency: currency.clone(),
            amount: *amount,
        }),
        (InputType::Number, Value::Number(_)) | (InputType::Date, Value::Date(_)) => None,
        (InputType::Number, Value::Money { amount, .. }) => {
            Some(Mismatch::MoneyForNumber { amount: *amount })
        }
        (InputType::Text, Value::Text(_)) if !ordering => None,
        (InputType::Text, Value::Name(name)) => Some(Mismatch::UnquotedText { name: name.clone() }),
        (
            InputType::Text | InputType::YesNo | InputType::Choice(_),
            Value::Text(_) | Value::Name(_),
        ) if ordering => Some(Mismatch::NotOrdered { op: comparison.op }),
        (InputType::YesNo | InputType::Choice(_), Value::Name(name)) => {
            let values = kind.finite_values();
            if values.contains(&name.as_str()) {
                None
            } else {
                Some(Mismatch::UnknownValue {
                    value: name.clone(),
                    closest: closest(name, &values).map(str::to_string),
                })
            }
        }
        (InputType::YesNo | InputType::Choice(_), Value::Text(text))
            if kind.finite_values().contains(&text.as_str()) =>
        {
            Some(Mismatch::QuotedValue {
                value: text.clone(),
            })
        }
        _ => Some(Mismatch::WrongKind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::syntax::ast::{Ident, Literal};

    fn ident(text: &str) -> Ident {
        Ident {
            text: text.to_string(),
            span: Span::default(),
        }
    }

    fn comparison(op: Comparator, value: Value) -> Comparison {
        Comparison {
            input: ident("x"),
            op,
            value: Operand::Literal(Literal {
                value,
                span: Span::default(),
            }),
            span: Span::default(),
        }
    }

    fn money(amount: i64, currency: &str) -> Value {
        Value::Money {
            amount: Decimal::from(amount),
            currency: currency.to_string(),
        }
    }

    fn choice() -> InputType {
        InputType::Choice(vec![
            ident("travel"),
            ident("office"),
            ident("entertainment"),
        ])
    }

    fn cny() -> InputType {
        InputType::Money {
            currency: "CNY".to_string(),
        }
    }

    #[test]
    fn well_typed_comparisons_pass() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 7, 1).expect("a date");
        let cases = [
            (cny(), comparison(Comparator::Less, money(5000, "CNY"))),
            (
                InputType::Number,
                comparison(Comparator::AtLeast, Value::Number(Decimal::from(3))),
            ),
            (
                InputType::Date,
                comparison(Comparator::Greater, Value::Date(date)),
            ),
            (
                InputType::Text,
                comparison(Comparator::NotEqual, Value::Text("ACME".into())),
            ),
            (
                InputType::YesNo,
                comparison(Comparator::Equal, Value::Name("no".into())),
            ),
            (
                choice(),
                comparison(Comparator::Equal, Value::Name("office".into())),
            ),
        ];
        for (kind, comparison) in cases {
            assert_eq!(
                mismatch(&kind, &comparison),
                None,
                "{kind:?} {comparison:?}"
            );
        }
    }

    #[test]
    fn mismatches_are_named() {
        let cases = [
            (
                cny(),
                comparison(Comparator::Less, money(5000, "USD")),
                Mismatch::OtherCurrency {
                    expected: "CNY".into(),
                    amount: Decimal::from(5000),
                    found: "USD".into(),
                },
            ),
            (
                cny(),
                comparison(Comparator::Less, Value::Number(Decimal::from(5000))),
                Mismatch::BareNumber {
                    currency: "CNY".into(),
                    amount: Decimal::from(5000),
                },
            ),
            (
                InputType::Number,
                comparison(Comparator::Less, money(7, "CNY")),
                Mismatch::MoneyForNumber {
                    amount: Decimal::from(7),
                },
            ),
            (
                choice(),
                comparison(Comparator::Equal, money(7, "CNY")),
                Mismatch::WrongKind,
            ),
            (
                choice(),
                comparison(Comparator::Less, Value::Name("office".into())),
                Mismatch::NotOrdered {
                    op: Comparator::Less,
                },
            ),
            (
                InputType::Text,
                comparison(Comparator::AtLeast, Value::Text("A".into())),
                Mismatch::NotOrdered {
                    op: Comparator::AtLeast,
                },
            ),
            (
                InputType::YesNo,
                comparison(Comparator::Greater, Value::Name("no".into())),
                Mismatch::NotOrdered {
                    op: Comparator::Greater,
                },
            ),
            (
                choice(),
                comparison(Comparator::Equal, Value::Name("travle".into())),
                Mismatch::UnknownValue {
                    value: "travle".into(),
                    closest: Some("travel".into()),
                },
            ),
            (
                choice(),
                comparison(Comparator::Equal, Value::Name("zzz".into())),
                Mismatch::UnknownValue {
                    value: "zzz".into(),
                    closest: None,
                },
            ),
            (
                InputType::YesNo,
                comparison(Comparator::Equal, Value::Text("yes".into())),
                Mismatch::QuotedValue {
                    value: "yes".into(),
                },
            ),
            (
                InputType::Text,
                comparison(Comparator::Equal, Value::Name("ACME".into())),
                Mismatch::UnquotedText {
                    name: "ACME".into(),
                },
            ),
            (
                InputType::Date,
                comparison(Comparator::Less, Value::Number(Decimal::from(20260701))),
                Mismatch::WrongKind,
            ),
        ];
        for (kind, comparison, expected) in cases {
            assert_eq!(
                mismatch(&kind, &comparison),
                Some(expected),
                "{kind:?} {comparison:?}"
            );
        }
    }
}
