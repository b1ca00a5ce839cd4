//! The types of comparisons in conditions: whether `INPUT OP VALUE` compares
//! an input (or a recorded value) with a value of its own type, and
//! `VALUE OP VALUE` two values of the same type, by an operator that has a
//! meaning for it.
//!
//! Sits in the check stage beside [`super::decision_space`], which only
//! analyses decisions whose every comparison is well typed. The rule
//! `type-mismatch` reports what [`mismatch`] finds; this module only holds
//! the facts, not the wording.

use rust_decimal::Decimal;

use super::closest;
use crate::model::Process;
use crate::span::Span;
use crate::syntax::ast::{Comparator, Comparison, Input, InputType, Operand, Value};

/// Where the names a condition reads are declared with their types: the
/// inputs of a process and the values its steps record.
pub trait ValueTypes {
    /// The type of the value called `name`, and where it is declared.
    fn declared(&self, name: &str) -> Option<(&InputType, Span)>;

    /// The type of the value called `name`.
    fn type_of(&self, name: &str) -> Option<&InputType> {
        self.declared(name).map(|(kind, _)| kind)
    }
}

impl ValueTypes for [Input] {
    fn declared(&self, name: &str) -> Option<(&InputType, Span)> {
        self.iter()
            .find(|input| input.name.text == name)
            .map(|input| (&input.kind, input.span))
    }
}

impl ValueTypes for Process {
    fn declared(&self, name: &str) -> Option<(&InputType, Span)> {
        match self.inputs.declared(name) {
            Some(found) => Some(found),
            None => self
                .record_named(name)
                .map(|recorded| (&recorded.record.kind, recorded.record.span)),
        }
    }
}

/// Why a comparison of two values of the process (`amount <= budget_left`)
/// does not fit their types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PairMismatch {
    /// The two values are of different types (money in two currencies,
    /// `one of` types with different values, ...).
    OtherType,
    /// `<`, `<=`, `>` or `>=` on two values that have no order.
    NotOrdered {
        /// The operator written.
        op: Comparator,
    },
}

/// What is wrong with comparing a value of type `left` with one of type
/// `right` by `op`, or `None` when the pair is well typed: the same type
/// (money of the same currency, the same `one of` values), ordered by
/// `<`, `<=`, `>`, `>=` only when it is money, a number or a date.
pub fn pair_mismatch(left: &InputType, op: Comparator, right: &InputType) -> Option<PairMismatch> {
    let same = match (left, right) {
        (InputType::Money { currency: a }, InputType::Money { currency: b }) => a == b,
        (InputType::Choice(_), InputType::Choice(_)) => {
            left.finite_values() == right.finite_values()
        }
        (InputType::Number, InputType::Number)
        | (InputType::Date, InputType::Date)
        | (InputType::Text, InputType::Text)
        | (InputType::YesNo, InputType::YesNo) => true,
        _ => false,
    };
    let ordered = matches!(
        left,
        InputType::Money { .. } | InputType::Number | InputType::Date
    );
    if !same {
        Some(PairMismatch::OtherType)
    } else if !ordered && !matches!(op, Comparator::Equal | Comparator::NotEqual) {
        Some(PairMismatch::NotOrdered { op })
    } else {
        None
    }
}

/// Whether `comparison` is ill typed against the declarations in `types`:
/// a value of another type, an operator without meaning, or a name
/// compared with that is not declared.
pub fn ill_typed(types: &(impl ValueTypes + ?Sized), comparison: &Comparison) -> bool {
    let Some(kind) = types.type_of(&comparison.input.text) else {
        return true;
    };
    match &comparison.value {
        Operand::Literal(_) => mismatch(kind, comparison).is_some(),
        Operand::Value(other) => types
            .type_of(&other.text)
            .is_none_or(|right| pair_mismatch(kind, comparison.op, right).is_some()),
    }
}

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
/// does, or `None` when the comparison is well typed or compares two values
/// (see [`pair_mismatch`]).
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

    #[test]
    fn pairs_of_values_need_the_same_type_and_an_order_for_sizes() {
        let usd = InputType::Money {
            currency: "USD".to_string(),
        };
        let other_choice = InputType::Choice(vec![ident("travel"), ident("office")]);
        let cases = [
            (cny(), Comparator::AtMost, cny(), None),
            (InputType::Number, Comparator::Less, InputType::Number, None),
            (InputType::Date, Comparator::AtLeast, InputType::Date, None),
            (InputType::Text, Comparator::Equal, InputType::Text, None),
            (
                InputType::YesNo,
                Comparator::NotEqual,
                InputType::YesNo,
                None,
            ),
            (choice(), Comparator::Equal, choice(), None),
            (
                cny(),
                Comparator::AtMost,
                usd,
                Some(PairMismatch::OtherType),
            ),
            (
                InputType::Number,
                Comparator::Less,
                InputType::Date,
                Some(PairMismatch::OtherType),
            ),
            (
                choice(),
                Comparator::Equal,
                other_choice,
                Some(PairMismatch::OtherType),
            ),
            (
                InputType::YesNo,
                Comparator::Greater,
                InputType::YesNo,
                Some(PairMismatch::NotOrdered {
                    op: Comparator::Greater,
                }),
            ),
            (
                InputType::Text,
                Comparator::Less,
                InputType::Text,
                Some(PairMismatch::NotOrdered {
                    op: Comparator::Less,
                }),
            ),
        ];
        for (left, op, right, expected) in cases {
            assert_eq!(
                pair_mismatch(&left, op, &right),
                expected,
                "{left:?} {op:?} {right:?}"
            );
        }
    }
}
