//! Exact analysis of a decision's conditions over the space of its inputs.
//!
//! Sits in the check stage, below the decision rules (`decision-gap`,
//! `decision-overlap`, `single-branch-decision`), which only word what it
//! finds. A decision compares some inputs with literal values. Those values
//! cut each input's domain into a few *cells* on which every comparison of
//! the decision has one truth value:
//!
//! - money and numbers (exact decimals) and dates: each threshold is a cell
//!   of its own, and so is each open range between two thresholds, below
//!   the lowest and above the highest (ranges with no value in them, such
//!   as the days strictly between two consecutive dates, are left out);
//! - `one of` and `yes/no`: one cell per value;
//! - text (compared for equality only): one cell per text written, and one
//!   for every other text.
//!
//! Two values compared with each other (`amount <= budget_left`) are one
//! *joint* dimension: the thresholds written for either cut both alike,
//! and a cell is a pair of stretches, one per value; when both values lie
//! in the same open stretch, the pair is cut once more by how they compare
//! (equal, the first below the second, or above it, each only where the
//! stretch has room for it). Every comparison of the decision then again
//! has one truth value per cell. Values linked by comparisons with each
//! other into a chain of three or more are beyond this analysis
//! ([`Unanalysable::ManyValues`]).
//!
//! A condition is then a *region*: a list of disjoint *boxes*, each a set
//! of cells per input, built from `and` (intersection), `or` (union) and
//! `not` (complement). The values not covered by any branch, or covered by
//! two, are regions too, and any cell of any box in them is a concrete
//! counterexample. Every operation is counted; a decision that would need
//! more than [`MAX_WORK`] operations on (64) cells of one input is
//! [`Unanalysable::TooComplex`]
//! rather than slow.
//!
//! The pieces the analysis is made of serve every other reader of
//! conditions' values, so that none writes them again: the cutting of an
//! ordered input (`steps::Steps::cut`, `thresholds`, `value_of`),
//! the values an input without order is told apart by (`named_values`),
//! the judgement of one comparison (`comparison_holds`,
//! `compare_values`) and the walk of `and`, `or` and `not`
//! ([`condition_tree`]) are `flowc diff`'s and `flowc sim`'s too, and
//! [`amounts`] is what `required-participant` follows.

use std::cell::Cell as Counter;
use std::cmp::Ordering;
use std::fmt;

use fixedbitset::FixedBitSet;
use rust_decimal::Decimal;

use super::condition_types::{ValueTypes, ill_typed};
use crate::i18n::Text;
use crate::syntax::ast::{Comparator, Comparison, Condition, InputType, Operand, Value};
use crate::text;
use condition_tree::Algebra;
use steps::{Steps, Stretch, date_of, day_number};

/// How many operations on 64 cells of one input (one cube against
/// another, in one dimension) an analysis may take before it gives up.
pub const MAX_WORK: usize = 2_000_000;

/// Why a decision cannot be analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unanalysable {
    /// A condition names an input the process does not declare.
    UnknownInput(String),
    /// A comparison does not fit its input's type.
    Mismatch,
    /// The conditions are too intricate to analyse within [`MAX_WORK`].
    TooComplex,
    /// Comparisons link three or more values of the process with each
    /// other (`a <= b` and `b <= c`): named in order of first mention.
    ManyValues(Vec<String>),
}

/// Values for some inputs, naming a point of the decision's space. Inputs
/// left out may take any value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// Input names with their values, in the order the decision first
    /// names the inputs.
    pub values: Vec<(String, Value)>,
}

impl Assignment {
    /// The values in the reader's language: `amount = 5000 CNY, urgent =
    /// no` (each as code in Chinese).
    pub fn text(&self) -> Text {
        let values: Vec<Text> = self
            .values
            .iter()
            .map(|(name, value)| text!("decision-value", name = name, value = value.to_string()))
            .collect();
        text!("decision-values", values = values)
    }
}

impl fmt::Display for Assignment {
    /// `amount = 5000 CNY, expense_type = office`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, (name, value)) in self.values.iter().enumerate() {
            if index > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{name} = {value}")?;
        }
        Ok(())
    }
}

/// One cell of a dimension, standing for all its points.
#[derive(Debug, Clone)]
struct Cell {
    /// A point of the cell, one value per name of the dimension: every
    /// comparison of the decision holds for all of the cell's points or for
    /// none.
    values: Vec<Value>,
    /// How many of the values are single thresholds (values people pick
    /// first).
    thresholds: usize,
}

/// An input (or recorded value) the decision compares, or two it compares
/// with each other, cut into cells.
#[derive(Debug, Clone)]
struct Dimension {
    /// The names of its values: one, or two compared with each other.
    names: Vec<String>,
    /// Its cells (of one value: in order of value).
    cells: Vec<Cell>,
}

/// A set of cells per dimension: the product of those sets.
type Cube = Vec<FixedBitSet>;

/// Disjoint cubes.
type Region = Vec<Cube>;

/// A set of values of a [`DecisionSpace`]'s inputs: those for which a
/// branch is taken, a node is reached, a loop can be left. Made and
/// combined only by the space, so every operation counts towards
/// [`MAX_WORK`].
#[derive(Debug, Clone, Default)]
pub struct Points(Region);

impl Points {
    /// The empty set.
    pub fn none() -> Points {
        Points(Vec::new())
    }

    /// Whether the set holds no value.
    pub fn is_empty(&self) -> bool {
        self.0
            .iter()
            .all(|cube| cube.iter().any(|cells| cells.is_clear()))
    }
}

/// The space of a decision's inputs and the region of each condition.
#[derive(Debug)]
pub struct DecisionSpace {
    dimensions: Vec<Dimension>,
    regions: Vec<Region>,
    work: Counter<usize>,
}

impl DecisionSpace {
    /// Analyses `conditions` (the `when`s of one decision, in order) over
    /// the values `types` declares (a process's inputs and recorded
    /// values).
    pub fn new(
        types: &(impl ValueTypes + ?Sized),
        conditions: &[&Condition],
    ) -> Result<Self, Unanalysable> {
        let mut comparisons = Vec::new();
        for condition in conditions {
            comparisons.extend(condition_tree::comparisons(*condition));
        }
        let dimensions = dimensions(types, &comparisons)?;
        let mut space = DecisionSpace {
            dimensions,
            regions: Vec::new(),
            work: Counter::new(0),
        };
        let mut regions = Vec::with_capacity(conditions.len());
        for condition in conditions {
            regions.push(space.region(condition)?);
        }
        space.regions = regions;
        Ok(space)
    }

    /// A point that no condition covers, or `None` when they cover every
    /// value.
    pub fn uncovered(&self) -> Result<Option<Assignment>, Unanalysable> {
        let mut rest = vec![self.universe()];
        for region in &self.regions {
            rest = self.subtract(rest, region)?;
        }
        Ok(self.pick(self.merged(rest)?))
    }

    /// A point where conditions `first` and `second` (indices into the
    /// conditions given to [`DecisionSpace::new`]) both hold, or `None`.
    pub fn overlap(&self, first: usize, second: usize) -> Result<Option<Assignment>, Unanalysable> {
        let (Some(a), Some(b)) = (self.regions.get(first), self.regions.get(second)) else {
            return Ok(None);
        };
        let both = self.intersect(a, b)?;
        Ok(self.pick(self.merged(both)?))
    }

    /// Starts a new count of work: the operations after it may take
    /// [`MAX_WORK`] again. For a caller that asks several questions of one
    /// space (one per loop of a process), each within the budget.
    pub fn fresh_budget(&self) {
        self.work.set(0);
    }

    /// Every value of the inputs.
    pub fn everything(&self) -> Points {
        Points(vec![self.universe()])
    }

    /// The values for which condition `index` (into the conditions given to
    /// [`DecisionSpace::new`]) holds; none for an index out of range.
    pub fn holds(&self, index: usize) -> Points {
        Points(self.regions.get(index).cloned().unwrap_or_default())
    }

    /// The values in both sets.
    pub fn both(&self, a: &Points, b: &Points) -> Result<Points, Unanalysable> {
        self.intersect(&a.0, &b.0).map(Points)
    }

    /// The values in either set.
    pub fn either(&self, a: &Points, b: &Points) -> Result<Points, Unanalysable> {
        self.union(a.0.clone(), b.0.clone()).map(Points)
    }

    /// The values of `a` that are not in `b`.
    pub fn without(&self, a: &Points, b: &Points) -> Result<Points, Unanalysable> {
        self.subtract(a.0.clone(), &b.0).map(Points)
    }

    /// The values of `points` with every value of `names` allowed: a point
    /// is in it when it is in `points` for some values of `names` (and,
    /// where one of `names` is compared with another value, of that value
    /// too: a little more than that, never less).
    pub fn release(&self, points: &Points, names: &[&str]) -> Result<Points, Unanalysable> {
        let freed: Vec<usize> = self
            .dimensions
            .iter()
            .enumerate()
            .filter(|(_, dimension)| {
                dimension
                    .names
                    .iter()
                    .any(|name| names.contains(&name.as_str()))
            })
            .map(|(index, _)| index)
            .collect();
        if freed.is_empty() {
            return Ok(points.clone());
        }
        let everything = self.universe();
        let mut region: Region = Vec::new();
        for cube in &points.0 {
            let mut cube = cube.clone();
            for &index in &freed {
                cube[index] = everything[index].clone();
            }
            region = self.union(region, vec![cube])?;
        }
        Ok(Points(region))
    }

    /// The value of `points` a person would pick to test it (as
    /// [`DecisionSpace::uncovered`] picks one), or `None` when it is empty.
    pub fn example(&self, points: &Points) -> Result<Option<Assignment>, Unanalysable> {
        Ok(self.pick(self.merged(points.0.clone())?))
    }

    /// The values `assignment` (one [`DecisionSpace::example`] gave)
    /// stands for: each value it names with every value of the same cell,
    /// and every value of the inputs it leaves out.
    pub fn around(&self, assignment: &Assignment) -> Points {
        let mut cube = self.universe();
        for (dimension, cells) in self.dimensions.iter().zip(cube.iter_mut()) {
            let given: Vec<(usize, &Value)> = dimension
                .names
                .iter()
                .enumerate()
                .filter_map(|(position, name)| {
                    let (_, value) = assignment.values.iter().find(|(named, _)| named == name)?;
                    Some((position, value))
                })
                .collect();
            if given.is_empty() {
                continue;
            }
            cells.clear();
            for (index, cell) in dimension.cells.iter().enumerate() {
                if given
                    .iter()
                    .all(|(position, value)| cell.values[*position] == **value)
                {
                    cells.insert(index);
                }
            }
        }
        Points(vec![cube])
    }

    /// Counts `cubes` cube operations, each on every 64 cells of every
    /// dimension, failing past [`MAX_WORK`].
    fn spend(&self, cubes: usize) -> Result<(), Unanalysable> {
        let width: usize = self
            .dimensions
            .iter()
            .map(|dimension| dimension.cells.len().div_ceil(64))
            .sum();
        let amount = cubes.saturating_mul(width.max(1));
        let spent = self.work.get().saturating_add(amount);
        self.work.set(spent);
        if spent > MAX_WORK {
            Err(Unanalysable::TooComplex)
        } else {
            Ok(())
        }
    }

    /// The cube of every value.
    fn universe(&self) -> Cube {
        self.dimensions
            .iter()
            .map(|dimension| {
                let mut cells = FixedBitSet::with_capacity(dimension.cells.len());
                cells.insert_range(..);
                cells
            })
            .collect()
    }

    /// The region where `condition` holds ([`condition_tree::fold`] over
    /// [`Regions`]).
    fn region(&self, condition: &Condition) -> Result<Region, Unanalysable> {
        condition_tree::fold(condition, &Regions(self), &mut |comparison| {
            Ok(self.comparison_region(comparison))
        })
    }

    /// The region of one comparison: one cube, or none.
    fn comparison_region(&self, comparison: &Comparison) -> Region {
        let Some(index) = self.dimension_of(&comparison.input.text) else {
            return Vec::new();
        };
        let dimension = &self.dimensions[index];
        let position_of = |name: &str| dimension.names.iter().position(|named| named == name);
        let Some(left) = position_of(&comparison.input.text) else {
            return Vec::new();
        };
        let right = match &comparison.value {
            Operand::Literal(_) => None,
            Operand::Value(other) => match position_of(&other.text) {
                Some(position) => Some(position),
                None => return Vec::new(),
            },
        };
        let mut cube = self.universe();
        let cells = &mut cube[index];
        cells.clear();
        for (position, cell) in dimension.cells.iter().enumerate() {
            let written = match (right, comparison.value.literal()) {
                (Some(right), _) => &cell.values[right],
                (None, Some(literal)) => &literal.value,
                (None, None) => continue,
            };
            if comparison_holds(comparison.op, &cell.values[left], written) == Some(true) {
                cells.insert(position);
            }
        }
        if cells.is_clear() {
            Vec::new()
        } else {
            vec![cube]
        }
    }

    fn dimension_of(&self, name: &str) -> Option<usize> {
        self.dimensions
            .iter()
            .position(|dimension| dimension.names.iter().any(|named| named == name))
    }

    /// The points in either region.
    fn union(&self, mut region: Region, added: Region) -> Result<Region, Unanalysable> {
        let fresh = self.subtract(added, &region)?;
        for cube in fresh {
            self.absorb(&mut region, cube)?;
        }
        Ok(region)
    }

    /// The points in both regions.
    fn intersect(&self, a: &Region, b: &Region) -> Result<Region, Unanalysable> {
        self.spend(a.len().saturating_mul(b.len()))?;
        let mut both = Vec::new();
        for x in a {
            for y in b {
                let mut cube = x.clone();
                for (cells, other) in cube.iter_mut().zip(y) {
                    cells.intersect_with(other);
                }
                if cube.iter().all(|cells| !cells.is_clear()) {
                    both.push(cube);
                }
            }
        }
        Ok(both)
    }

    /// The points of `region` outside `removed`.
    fn subtract(&self, mut region: Region, removed: &Region) -> Result<Region, Unanalysable> {
        for cut in removed {
            self.spend(region.len().max(1))?;
            let mut rest = Vec::with_capacity(region.len());
            for cube in region {
                split_off(cube, cut, &mut rest);
            }
            region = rest;
        }
        Ok(region)
    }

    /// Adds `cube` (disjoint from `region`) to `region`, joining it to a
    /// cube that differs from it in one dimension only, so that a long
    /// `or` on one input stays one cube.
    fn absorb(&self, region: &mut Region, cube: Cube) -> Result<(), Unanalysable> {
        self.spend(region.len().max(1))?;
        match region
            .iter()
            .enumerate()
            .find_map(|(index, other)| Some((index, only_difference(other, &cube)?)))
        {
            Some((index, dimension)) => region[index][dimension].union_with(&cube[dimension]),
            None => region.push(cube),
        }
        Ok(())
    }

    /// The region with cubes that differ in one dimension only joined, so
    /// counterexamples name only the inputs that matter.
    fn merged(&self, mut region: Region) -> Result<Region, Unanalysable> {
        let mut changed = true;
        while changed && region.len() > 1 {
            changed = false;
            self.spend(region.len().saturating_mul(region.len()))?;
            'pairs: for i in 0..region.len() {
                for j in i + 1..region.len() {
                    if let Some(dimension) = only_difference(&region[i], &region[j]) {
                        let other = region.remove(j);
                        region[i][dimension].union_with(&other[dimension]);
                        changed = true;
                        break 'pairs;
                    }
                }
            }
        }
        Ok(region)
    }

    /// The counterexample a person would pick from `region`: per input a
    /// threshold where one is in the region, else the first value; inputs
    /// whose value does not matter are left out. Of several cubes, the one
    /// with the most thresholds, then the fewest inputs named, wins.
    fn pick(&self, region: Region) -> Option<Assignment> {
        let mut best: Option<((usize, usize), Assignment)> = None;
        for cube in &region {
            let all_free = cube
                .iter()
                .zip(&self.dimensions)
                .all(|(cells, dimension)| cells.count_ones(..) == dimension.cells.len());
            let mut thresholds = 0;
            let mut values = Vec::new();
            for (cells, dimension) in cube.iter().zip(&self.dimensions) {
                let free = cells.count_ones(..) == dimension.cells.len();
                if free && !all_free {
                    continue;
                }
                let most = cells
                    .ones()
                    .map(|cell| dimension.cells[cell].thresholds)
                    .max()?;
                let chosen = cells
                    .ones()
                    .find(|&cell| dimension.cells[cell].thresholds == most)?;
                let cell = &dimension.cells[chosen];
                thresholds += cell.thresholds;
                for (name, value) in dimension.names.iter().zip(&cell.values) {
                    values.push((name.clone(), value.clone()));
                }
            }
            let score = (thresholds, usize::MAX - values.len());
            if best.as_ref().is_none_or(|(top, _)| score > *top) {
                best = Some((score, Assignment { values }));
            }
        }
        best.map(|(_, assignment)| assignment)
    }
}

/// The regions of a [`DecisionSpace`] as the meanings of conditions:
/// `and` is intersection, `or` union, `not` the complement.
struct Regions<'a>(&'a DecisionSpace);

impl Algebra for Regions<'_> {
    type Meaning = Region;
    type Error = Unanalysable;

    fn everything(&self) -> Region {
        vec![self.0.universe()]
    }

    fn nothing(&self) -> Region {
        Vec::new()
    }

    fn and(&self, a: Region, b: Region) -> Result<Region, Unanalysable> {
        self.0.intersect(&a, &b)
    }

    fn or(&self, a: Region, b: Region) -> Result<Region, Unanalysable> {
        self.0.union(a, b)
    }

    fn not(&self, a: Region) -> Result<Region, Unanalysable> {
        let outside = self.0.subtract(vec![self.0.universe()], &a)?;
        self.0.merged(outside)
    }
}

/// Adds the parts of `cube` outside `cut` to `rest`, as disjoint cubes.
fn split_off(cube: Cube, cut: &Cube, rest: &mut Region) {
    if cube.iter().zip(cut).any(|(a, b)| a.is_disjoint(b)) {
        rest.push(cube);
        return;
    }
    let mut inside = cube;
    for dimension in 0..inside.len() {
        let mut outside = inside[dimension].clone();
        outside.difference_with(&cut[dimension]);
        if !outside.is_clear() {
            let mut piece = inside.clone();
            piece[dimension] = outside;
            rest.push(piece);
            inside[dimension].intersect_with(&cut[dimension]);
        }
    }
}

/// The one dimension in which two cubes differ, if they differ in exactly
/// one.
fn only_difference(a: &Cube, b: &Cube) -> Option<usize> {
    let mut differing = a.iter().zip(b).enumerate().filter(|(_, (x, y))| x != y);
    let (dimension, _) = differing.next()?;
    differing.next().is_none().then_some(dimension)
}

/// The dimensions of the values compared, in order of first mention:
/// one per value, or one per two values compared with each other.
fn dimensions(
    types: &(impl ValueTypes + ?Sized),
    comparisons: &[&Comparison],
) -> Result<Vec<Dimension>, Unanalysable> {
    let mut groups: Vec<Vec<&str>> = Vec::new();
    for comparison in comparisons {
        let name = comparison.input.text.as_str();
        let other = match &comparison.value {
            Operand::Value(other) => Some(other.text.as_str()),
            Operand::Literal(_) => None,
        };
        for named in std::iter::once(name).chain(other) {
            if types.type_of(named).is_none() {
                return Err(Unanalysable::UnknownInput(named.to_string()));
            }
        }
        if ill_typed(types, comparison) {
            return Err(Unanalysable::Mismatch);
        }
        let first = group_of(&mut groups, name);
        if let Some(other) = other {
            let second = group_of(&mut groups, other);
            if first != second {
                let (keep, merged) = (first.min(second), first.max(second));
                let moved = groups.remove(merged);
                groups[keep].extend(moved);
            }
        }
    }
    if let Some(chain) = groups.iter().find(|group| group.len() > 2) {
        return Err(Unanalysable::ManyValues(
            chain.iter().map(|name| name.to_string()).collect(),
        ));
    }
    groups
        .into_iter()
        .filter_map(|names| {
            let kind = types.type_of(names[0])?;
            let values: Vec<&Value> = comparisons
                .iter()
                .filter(|comparison| names.contains(&comparison.input.text.as_str()))
                .filter_map(|comparison| comparison.value.literal())
                .map(|literal| &literal.value)
                .collect();
            let cells = match names.len() {
                1 => Some(
                    cells(kind, &values)
                        .into_iter()
                        .map(|(value, threshold)| Cell {
                            values: vec![value],
                            thresholds: usize::from(threshold),
                        })
                        .collect(),
                ),
                _ => joint::cells(kind, &values),
            };
            Some(
                cells
                    .map(|cells| Dimension {
                        names: names.into_iter().map(str::to_string).collect(),
                        cells,
                    })
                    .ok_or(Unanalysable::TooComplex),
            )
        })
        .collect()
}

/// The index in `groups` of the group holding `name`, a new group when
/// none does.
fn group_of<'a>(groups: &mut Vec<Vec<&'a str>>, name: &'a str) -> usize {
    match groups.iter().position(|group| group.contains(&name)) {
        Some(index) => index,
        None => {
            groups.push(vec![name]);
            groups.len() - 1
        }
    }
}

/// The cells of an input of type `kind` compared with `values`: a value
/// of each, and whether it is a single threshold.
fn cells(kind: &InputType, values: &[&Value]) -> Vec<(Value, bool)> {
    match kind {
        InputType::Money { .. } | InputType::Number | InputType::Date => {
            ordered_cells(kind, &thresholds(values))
        }
        InputType::YesNo | InputType::Choice(_) | InputType::Text => named_cells(kind, values, 1)
            .into_iter()
            .map(|value| (value, false))
            .collect(),
    }
}

/// The values of an input without order that `values` tell apart
/// ([`named_values`]): of `yes/no` and `one of` each value declared (their
/// comparisons are typed, so no other is written), of text each text
/// written and then `others` texts written nowhere, each standing for
/// every other text.
fn named_cells(kind: &InputType, values: &[&Value], others: usize) -> Vec<Value> {
    let (names, _) = named_values(Some(kind), values);
    if !matches!(kind, InputType::Text) {
        return names.into_iter().map(Value::Name).collect();
    }
    let other: Vec<String> = std::iter::once(String::new())
        .chain((1..).map(|n| format!("other {n}")))
        .filter(|candidate| !names.contains(candidate))
        .take(others)
        .collect();
    names.into_iter().chain(other).map(Value::Text).collect()
}

/// The values of an input without order (`yes/no`, `one of`, text, or a
/// name of no known type) that a decision tells apart: each value `kind`
/// declares, then each value of `values` (in the order given) not among
/// them; and whether some other value is possible (a text, a value
/// written beyond those declared, or none named at all).
pub(crate) fn named_values(kind: Option<&InputType>, values: &[&Value]) -> (Vec<String>, bool) {
    let mut names: Vec<String> = kind
        .map(|kind| {
            kind.finite_values()
                .into_iter()
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let mut open = !matches!(kind, Some(InputType::YesNo | InputType::Choice(_)));
    for value in values {
        let name = match value {
            Value::Name(name) | Value::Text(name) => name.clone(),
            other => other.to_string(),
        };
        if !names.contains(&name) {
            names.push(name);
            open = true;
        }
    }
    let open = open || names.is_empty();
    (names, open)
}

/// The cells of a money, number or date input cut at `thresholds` (sorted,
/// distinct).
fn ordered_cells(kind: &InputType, thresholds: &[Decimal]) -> Vec<(Value, bool)> {
    Steps::for_input(kind, thresholds)
        .cut(thresholds)
        .into_iter()
        .filter_map(|(stretch, key)| {
            Some((value_of(kind, key)?, matches!(stretch, Stretch::At(_))))
        })
        .collect()
}

/// The sorted, distinct order keys of the money, number and date values
/// written.
pub(crate) fn thresholds(values: &[&Value]) -> Vec<Decimal> {
    let mut thresholds: Vec<Decimal> = values.iter().filter_map(|value| key(value)).collect();
    thresholds.sort();
    thresholds.dedup();
    thresholds
}

/// The order key of a money, number or date value: the amount, or the
/// day number of a date.
fn key(value: &Value) -> Option<Decimal> {
    match value {
        Value::Money { amount, .. } | Value::Number(amount) => Some(*amount),
        Value::Date(date) => Some(day_number(*date)),
        _ => None,
    }
}

/// The value of an input of type `kind` with order key `key`.
pub(crate) fn value_of(kind: &InputType, key: Decimal) -> Option<Value> {
    match kind {
        InputType::Money { currency } => Some(Value::Money {
            amount: key,
            currency: currency.clone(),
        }),
        InputType::Number => Some(Value::Number(key)),
        InputType::Date => date_of(key).map(Value::Date),
        _ => None,
    }
}

/// How the value of an input compares with a value written in a
/// condition, or `None` when they cannot be compared: amounts (money as
/// a plain number too) and dates in order, names and texts as text.
pub(crate) fn compare_values(actual: &Value, written: &Value) -> Option<Ordering> {
    match (actual, written) {
        (
            Value::Money { amount: a, .. } | Value::Number(a),
            Value::Money { amount: b, .. } | Value::Number(b),
        ) => Some(a.cmp(b)),
        (Value::Date(a), Value::Date(b)) => Some(a.cmp(b)),
        (Value::Name(a), Value::Name(b)) | (Value::Text(a), Value::Text(b)) => Some(a.cmp(b)),
        _ => None,
    }
}

/// Whether `value OP written` holds: amounts and dates in order, names
/// and texts only for `==` and `!=` (they have no order, so an ordering
/// comparison of them never holds); `None` when the two cannot be
/// compared ([`compare_values`]), which each caller reads its own way (the
/// analysis as not holding, `flowc diff` as two different values).
pub(crate) fn comparison_holds(op: Comparator, value: &Value, written: &Value) -> Option<bool> {
    let order = compare_values(value, written)?;
    let ordered = key(value).is_some();
    let equality = matches!(op, Comparator::Equal | Comparator::NotEqual);
    Some((ordered || equality) && op.holds(order))
}

pub mod amounts;
pub mod condition_tree;
mod joint;
pub(crate) mod steps;

#[cfg(test)]
mod tests;
