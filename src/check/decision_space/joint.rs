//! The cells of two values a decision compares with each other
//! (`amount <= budget_left`): one dimension for the pair.
//!
//! Ordered values (money, numbers, dates) are cut by every threshold
//! written for either into stretches ([`Steps::cut`]); a cell is a pair of
//! stretches. Two different stretches fix how the values compare; in the
//! same open stretch they may be equal, the first below the second or above
//! it, a cell each (where the stretch has room for two values). Values
//! without order are paired value by value (text with two texts written
//! nowhere, so that two unwritten texts may differ).

use rust_decimal::Decimal;

use super::steps::{Steps, Stretch};
use super::{Cell, key, named_cells, thresholds, value_of};
use crate::syntax::ast::{InputType, Value};

/// The value both stand near when nothing is written for either: any
/// value serves, one a reader takes for an example.
const ANYWHERE: i64 = 1000;

/// The most cells a pair may have: a pair cut by hundreds of thresholds
/// is [`Unanalysable::TooComplex`](super::Unanalysable::TooComplex)
/// before its cells are made.
const MAX_CELLS: usize = 1 << 16;

/// The cells of two values of type `kind` compared with each other and
/// with the literal `values`, or `None` when there would be more than
/// [`MAX_CELLS`].
pub(super) fn cells(kind: &InputType, values: &[&Value]) -> Option<Vec<Cell>> {
    let cells = match kind {
        InputType::Money { .. } | InputType::Number | InputType::Date => {
            let thresholds = thresholds(values);
            // Each threshold and the stretch after it, and the one below.
            let stretches = thresholds.len().saturating_mul(2).saturating_add(1);
            if stretches.saturating_mul(stretches.saturating_add(2)) > MAX_CELLS {
                return None;
            }
            ordered_cells(kind, &thresholds)
        }
        InputType::YesNo | InputType::Choice(_) => pairs(named_cells(kind, values, 2)),
        InputType::Text => {
            let texts = named_cells(kind, values, 2);
            if texts.len().saturating_mul(texts.len()) > MAX_CELLS {
                return None;
            }
            pairs(texts)
        }
    };
    Some(cells)
}

/// Every pair of `values`.
fn pairs(values: Vec<Value>) -> Vec<Cell> {
    let mut cells = Vec::with_capacity(values.len() * values.len());
    for first in &values {
        for second in &values {
            cells.push(Cell {
                values: vec![first.clone(), second.clone()],
                thresholds: 0,
            });
        }
    }
    cells
}

/// A stretch of an ordered value, as the pair's cells need it.
struct Piece {
    /// A value in it.
    value: Decimal,
    /// Whether it is a single threshold.
    threshold: bool,
    /// Two values in it, the lower first, when it has room for two.
    two: Option<(Decimal, Decimal)>,
}

/// The cells of two ordered values cut at `thresholds` (sorted, distinct).
fn ordered_cells(kind: &InputType, thresholds: &[Decimal]) -> Vec<Cell> {
    let steps = Steps::for_input(kind, thresholds);
    let base = match (kind, thresholds.first()) {
        (InputType::Date, None) => chrono::NaiveDate::from_ymd_opt(2027, 1, 1)
            .and_then(|date| key(&Value::Date(date)))
            .unwrap_or_default(),
        (_, None) => Decimal::from(ANYWHERE),
        (_, Some(&lowest)) => lowest,
    };
    let pieces: Vec<Piece> = if thresholds.is_empty() {
        vec![Piece {
            value: base,
            threshold: false,
            two: steps.above(base, None).map(|above| (base, above)),
        }]
    } else {
        steps
            .cut(thresholds)
            .into_iter()
            .map(|(stretch, value)| piece(steps, thresholds, stretch, value))
            .collect()
    };
    let mut cells = Vec::new();
    let mut push = |first: Decimal, second: Decimal, thresholds: usize| {
        if let (Some(first), Some(second)) = (value_of(kind, first), value_of(kind, second)) {
            cells.push(Cell {
                values: vec![first, second],
                thresholds,
            });
        }
    };
    for (i, a) in pieces.iter().enumerate() {
        for (j, b) in pieces.iter().enumerate() {
            push(
                a.value,
                b.value,
                usize::from(a.threshold) + usize::from(b.threshold),
            );
            if i == j
                && let Some((lower, higher)) = a.two
            {
                push(lower, higher, 0);
                push(higher, lower, 0);
            }
        }
    }
    cells
}

/// The stretch `stretch` (with its value `value`) of a cut at `thresholds`.
fn piece(steps: Steps, thresholds: &[Decimal], stretch: Stretch, value: Decimal) -> Piece {
    let two = match stretch {
        Stretch::At(_) => None,
        Stretch::Below => steps.below(value).map(|below| (below, value)),
        Stretch::After(index) => steps
            .above(value, thresholds.get(index + 1).copied())
            .map(|above| (value, above)),
    };
    Piece {
        value,
        threshold: matches!(stretch, Stretch::At(_)),
        two,
    }
}
