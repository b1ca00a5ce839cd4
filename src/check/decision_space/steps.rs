//! The one "next value past a threshold" of the code: the values just
//! beyond a threshold that stand for a range of an ordered input (money,
//! number, date), used by the decision analysis, by `required-participant`
//! for the amounts it tries and by `flowc diff` for the cases it routes.
//! Dates are handled as day numbers ([`day_number`], [`date_of`]).

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::syntax::ast::InputType;

/// How far "just beyond" a threshold is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Steps {
    /// Exact decimals: the smallest step with `scale` decimals (at least
    /// cents for money), smaller when no such value fits, else the middle.
    Dense {
        /// The decimals of the first step tried.
        scale: u32,
    },
    /// Exact decimals: one whole unit, else the middle of the range
    /// (written without trailing zeros), as a person trying amounts would.
    Whole,
    /// Dates, as day numbers: one day.
    Days,
}

impl Steps {
    /// The steps of the decision analysis for an input of type `kind`
    /// compared with `thresholds`: as fine as the finest threshold written.
    pub(crate) fn for_input(kind: &InputType, thresholds: &[Decimal]) -> Steps {
        let written = thresholds
            .iter()
            .map(|t| t.normalize().scale())
            .max()
            .unwrap_or(0);
        match kind {
            InputType::Date => Steps::Days,
            InputType::Money { .. } => Steps::Dense {
                scale: written.max(2),
            },
            _ => Steps::Dense { scale: written },
        }
    }

    /// The steps of a person trying values of an input of type `kind`:
    /// whole units, days for dates (the cells `flowc diff` routes).
    pub(crate) fn trying(kind: &InputType) -> Steps {
        match kind {
            InputType::Date => Steps::Days,
            _ => Steps::Whole,
        }
    }

    /// The value just above `threshold` and below `next`, if there is one.
    pub(crate) fn above(self, threshold: Decimal, next: Option<Decimal>) -> Option<Decimal> {
        let fits = |candidate: Decimal| candidate > threshold && next.is_none_or(|n| candidate < n);
        let middle = || {
            let next = next?;
            let middle = threshold.checked_add(next)?.checked_div(Decimal::TWO)?;
            fits(middle).then_some(middle)
        };
        match self {
            Steps::Days => threshold.checked_add(Decimal::ONE).filter(|c| fits(*c)),
            Steps::Dense { scale } => (scale..=Decimal::MAX_SCALE)
                .filter_map(|scale| threshold.checked_add(Decimal::new(1, scale)))
                .find(|candidate| fits(*candidate))
                .or_else(middle),
            Steps::Whole => threshold
                .checked_add(Decimal::ONE)
                .filter(|c| fits(*c))
                .or_else(|| {
                    let next = next?;
                    let half = next.checked_sub(threshold)?.checked_div(Decimal::TWO)?;
                    let middle = threshold.checked_add(half)?.normalize();
                    fits(middle).then_some(middle)
                }),
        }
    }

    /// The value just below `threshold`, if there is one.
    pub(crate) fn below(self, threshold: Decimal) -> Option<Decimal> {
        match self {
            Steps::Days | Steps::Whole => threshold.checked_sub(Decimal::ONE),
            Steps::Dense { scale } => (scale..=Decimal::MAX_SCALE)
                .filter_map(|scale| threshold.checked_sub(Decimal::new(1, scale)))
                .find(|candidate| *candidate < threshold),
        }
    }

    /// The stretches of an ordered input's values that `thresholds`
    /// (sorted, distinct) cut, in order, each with a value in it: below the
    /// lowest, each threshold, between two, above the highest. A stretch
    /// with no value (the days strictly between two consecutive dates) is
    /// left out. The decision analysis and `flowc diff` cut with it.
    pub(crate) fn cut(self, thresholds: &[Decimal]) -> Vec<(Stretch, Decimal)> {
        let mut stretches = Vec::new();
        if let Some(&lowest) = thresholds.first()
            && let Some(below) = self.below(lowest)
        {
            stretches.push((Stretch::Below, below));
        }
        for (index, &threshold) in thresholds.iter().enumerate() {
            stretches.push((Stretch::At(index), threshold));
            if let Some(above) = self.above(threshold, thresholds.get(index + 1).copied()) {
                stretches.push((Stretch::After(index), above));
            }
        }
        stretches
    }
}

/// A stretch of an ordered input's values cut at thresholds ([`Steps::cut`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stretch {
    /// Below the lowest threshold.
    Below,
    /// Threshold number `i` itself.
    At(usize),
    /// Above threshold number `i`: below the next one, or above every
    /// threshold when `i` is the highest.
    After(usize),
}

/// The day number of a date, the order key [`Steps::Days`] works on.
pub(crate) fn day_number(date: NaiveDate) -> Decimal {
    Decimal::from(date.num_days_from_ce())
}

/// The date of a day number, if it is one.
pub(crate) fn date_of(day_number: Decimal) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day_number.to_i32()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decimals(texts: &[&str]) -> Vec<Decimal> {
        texts
            .iter()
            .map(|text| text.parse().expect("a decimal"))
            .collect()
    }

    #[test]
    fn a_cut_has_every_stretch_with_a_value_in_it() {
        let cut = Steps::Whole.cut(&decimals(&["500", "1000", "1000.5"]));
        let stretches: Vec<(Stretch, String)> = cut
            .into_iter()
            .map(|(stretch, key)| (stretch, key.to_string()))
            .collect();
        let expected = [
            (Stretch::Below, "499"),
            (Stretch::At(0), "500"),
            (Stretch::After(0), "501"),
            (Stretch::At(1), "1000"),
            (Stretch::After(1), "1000.25"),
            (Stretch::At(2), "1000.5"),
            (Stretch::After(2), "1001.5"),
        ]
        .map(|(stretch, key)| (stretch, key.to_string()));
        assert_eq!(stretches, expected);
    }

    #[test]
    fn no_stretch_between_two_consecutive_days() {
        let first = NaiveDate::from_ymd_opt(2026, 7, 1).expect("a date");
        let days = [first, first.succ_opt().expect("a date")].map(day_number);
        let stretches: Vec<Stretch> = Steps::Days
            .cut(&days)
            .into_iter()
            .map(|(stretch, _)| stretch)
            .collect();
        assert_eq!(
            stretches,
            [
                Stretch::Below,
                Stretch::At(0),
                Stretch::At(1),
                Stretch::After(1)
            ]
        );
        assert!(Steps::Days.cut(&[]).is_empty());
    }
}
