//! The amounts of one money input worth trying above a threshold, and the
//! sets of them a condition may and must hold for while the other inputs
//! are unknown: what `required-participant` follows through a process
//! (an amount per stretch between the thresholds the process writes, so
//! every amount above the threshold takes the same branches as one of
//! them).
//!
//! The amounts are cut with `Steps::Whole`, the comparisons judged with
//! `comparison_holds` and the conditions combined with
//! [`condition_tree::fold`], as the analysis does its cells. Where the
//! analysis is exact over every input, a set here is three-valued, one
//! comparison at a time: a comparison of another input (or of this one
//! with another value, or in another currency) may hold and need not.

use std::convert::Infallible;

use fixedbitset::FixedBitSet;
use rust_decimal::Decimal;

use super::condition_tree::{self, Algebra};
use super::steps::{Steps, Stretch};
use super::{comparison_holds, thresholds};
use crate::model::{EdgeKind, Process};
use crate::syntax::ast::{Comparison, Condition, Value};

/// Amounts of one money input to try, ascending.
#[derive(Debug, Clone)]
pub struct Amounts<'a> {
    input: &'a str,
    currency: &'a str,
    values: Vec<Decimal>,
}

impl<'a> Amounts<'a> {
    /// The amounts of `input` (money in `currency`) above `threshold`
    /// worth trying in `conditions`: each amount of that currency they
    /// compare the input with above the threshold, and one in each stretch
    /// above, between and after those (one unit past a value, else the
    /// middle).
    pub fn above<'c>(
        conditions: impl IntoIterator<Item = &'c Condition>,
        input: &'a str,
        currency: &'a str,
        threshold: Decimal,
    ) -> Amounts<'a> {
        let mut written: Vec<&Value> = Vec::new();
        for condition in conditions {
            for comparison in condition_tree::comparisons(condition) {
                if let Some(value) = written_amount(comparison, input, currency) {
                    written.push(value);
                }
            }
        }
        let mut cuts = vec![threshold];
        cuts.extend(
            thresholds(&written)
                .into_iter()
                .filter(|&bound| bound > threshold),
        );
        let values = Steps::Whole
            .cut(&cuts)
            .into_iter()
            .filter(|(stretch, _)| !matches!(stretch, Stretch::Below | Stretch::At(0)))
            .map(|(_, amount)| amount)
            .collect();
        Amounts {
            input,
            currency,
            values,
        }
    }

    /// The one amount `amount` of `input`.
    pub fn one(input: &'a str, currency: &'a str, amount: Decimal) -> Amounts<'a> {
        Amounts {
            input,
            currency,
            values: vec![amount],
        }
    }

    /// The amounts, ascending.
    pub fn values(&self) -> &[Decimal] {
        &self.values
    }

    /// Every amount.
    pub fn all(&self) -> AmountSet {
        let mut bits = FixedBitSet::with_capacity(self.values.len());
        bits.insert_range(..);
        AmountSet(bits)
    }

    /// No amount.
    pub fn none(&self) -> AmountSet {
        AmountSet(FixedBitSet::with_capacity(self.values.len()))
    }

    /// The amounts for which `condition` may hold (for some values of the
    /// other inputs) and must hold (for all of them), judged one
    /// comparison at a time.
    pub fn judge(&self, condition: &Condition) -> Judged {
        let judged: Result<Judged, Infallible> =
            condition_tree::fold(condition, self, &mut |comparison| {
                Ok(self.comparison(comparison))
            });
        match judged {
            Ok(judged) => judged,
            Err(never) => match never {},
        }
    }

    /// For each edge of `process`, the amounts that may take it: a `when`
    /// those its condition may hold for, an `otherwise` those no `when` of
    /// its decision must hold for, any other edge every amount. Working
    /// on all amounts at once keeps a walk of the graph with them linear in
    /// the graph times the number of amounts / 64, where trying amounts one
    /// by one would walk the graph once per amount.
    pub fn may_take(&self, process: &Process) -> Vec<AmountSet> {
        let mut sets: Vec<AmountSet> = vec![self.all(); process.edges.len()];
        for node in process.node_ids() {
            let mut some_when_holds = self.none();
            let mut otherwise = Vec::new();
            for &edge in &process.outgoing[node.0] {
                match &process.edges[edge].kind {
                    EdgeKind::When(condition) => {
                        let judged = self.judge(condition);
                        some_when_holds.absorb(&judged.must);
                        sets[edge] = judged.may;
                    }
                    EdgeKind::Otherwise => otherwise.push(edge),
                    _ => {}
                }
            }
            for edge in otherwise {
                sets[edge] = some_when_holds.complement();
            }
        }
        sets
    }

    /// The amounts for which one comparison may and must hold.
    fn comparison(&self, comparison: &Comparison) -> Judged {
        let Some(written) = written_amount(comparison, self.input, self.currency) else {
            return Judged {
                may: self.all(),
                must: self.none(),
            };
        };
        let mut exact = self.none();
        for (index, &amount) in self.values.iter().enumerate() {
            let value = Value::Money {
                amount,
                currency: self.currency.to_string(),
            };
            if comparison_holds(comparison.op, &value, written) == Some(true) {
                exact.0.insert(index);
            }
        }
        Judged {
            may: exact.clone(),
            must: exact,
        }
    }
}

/// The amount `comparison` compares `input` with, when it is one in
/// `currency`.
fn written_amount<'c>(
    comparison: &'c Comparison,
    input: &str,
    currency: &str,
) -> Option<&'c Value> {
    let value = &comparison.value.literal()?.value;
    let same_currency = matches!(value, Value::Money { currency: c, .. } if c == currency);
    (comparison.input.text == input && same_currency).then_some(value)
}

/// `and`, `or` and `not` on may/must pairs: `not` swaps them.
impl Algebra for Amounts<'_> {
    type Meaning = Judged;
    type Error = Infallible;

    fn everything(&self) -> Judged {
        Judged {
            may: self.all(),
            must: self.all(),
        }
    }

    fn nothing(&self) -> Judged {
        Judged {
            may: self.none(),
            must: self.none(),
        }
    }

    fn and(&self, a: Judged, b: Judged) -> Result<Judged, Infallible> {
        Ok(Judged {
            may: a.may.both(&b.may),
            must: a.must.both(&b.must),
        })
    }

    fn or(&self, mut a: Judged, b: Judged) -> Result<Judged, Infallible> {
        a.may.absorb(&b.may);
        a.must.absorb(&b.must);
        Ok(a)
    }

    fn not(&self, a: Judged) -> Result<Judged, Infallible> {
        Ok(Judged {
            may: a.must.complement(),
            must: a.may.complement(),
        })
    }
}

/// The amounts a condition may hold for and those it must hold for (a
/// subset of them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    /// For some values of the other inputs.
    pub may: AmountSet,
    /// For every value of the other inputs.
    pub must: AmountSet,
}

/// A set of the amounts of one [`Amounts`] (by index, ascending).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountSet(FixedBitSet);

impl AmountSet {
    /// The amounts in both sets.
    pub fn both(&self, other: &AmountSet) -> AmountSet {
        AmountSet(&self.0 & &other.0)
    }

    /// Adds the amounts of `other`; whether that added any.
    pub fn absorb(&mut self, other: &AmountSet) -> bool {
        let grew = !other.0.is_subset(&self.0);
        self.0.union_with(&other.0);
        grew
    }

    /// The amounts not in the set.
    pub fn complement(&self) -> AmountSet {
        let mut rest = self.0.clone();
        rest.toggle_range(..);
        AmountSet(rest)
    }

    /// Whether the set holds no amount.
    pub fn is_empty(&self) -> bool {
        self.0.is_clear()
    }

    /// Whether the set holds amount `index`.
    pub fn contains(&self, index: usize) -> bool {
        self.0.contains(index)
    }

    /// The lowest amount (index) in the set.
    pub fn first(&self) -> Option<usize> {
        self.0.minimum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse_condition;

    fn condition(text: &str) -> Condition {
        parse_condition(text).unwrap_or_else(|| panic!("`{text}` parses"))
    }

    /// The amounts of `set`, as text.
    fn members(amounts: &Amounts, set: &AmountSet) -> Vec<String> {
        amounts
            .values()
            .iter()
            .enumerate()
            .filter(|(index, _)| set.contains(*index))
            .map(|(_, amount)| amount.to_string())
            .collect()
    }

    #[test]
    fn the_amounts_tried_are_whole_steps_above_the_threshold() {
        let conditions = [
            condition("amount > 5000 CNY and amount <= 9000.5 CNY"),
            condition("amount < 100 USD or amount == 3000 CNY or budget > 7000 CNY"),
        ];
        let amounts = Amounts::above(&conditions, "amount", "CNY", Decimal::from(1000));
        let tried: Vec<String> = amounts.values().iter().map(Decimal::to_string).collect();
        assert_eq!(
            tried,
            ["1001", "3000", "3001", "5000", "5001", "9000.5", "9001.5"],
            "the amounts in other currencies, and those of another input, cut nothing"
        );
    }

    /// One comparison at a time: `urgent` may be `yes` or `no`, so neither
    /// `when` must hold for 1000001 CNY, though one of them always does
    /// (`DecisionSpace` would know: docs/development.md says why
    /// `required-participant` keeps this view).
    #[test]
    fn another_input_may_hold_and_need_not() {
        let yes = condition("amount > 1000000 CNY and urgent == yes");
        let no = condition("amount > 1000000 CNY and urgent == no");
        let amounts = Amounts::above([&yes, &no], "amount", "CNY", Decimal::from(1_000_000));
        assert_eq!(members(&amounts, &amounts.all()), ["1000001"]);
        for judged in [amounts.judge(&yes), amounts.judge(&no)] {
            assert_eq!(members(&amounts, &judged.may), ["1000001"]);
            assert!(judged.must.is_empty());
        }
        let either = condition("not (amount <= 1000000 CNY) or urgent == yes");
        assert_eq!(
            members(&amounts, &amounts.judge(&either).must),
            ["1000001"],
            "`not` swaps may and must, `or` joins them"
        );
    }
}
