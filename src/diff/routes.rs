//! Which cases take another route: the effect of a change in words.
//!
//! A decision sends a case down one path according to the inputs. To know
//! what a change does, the inputs are cut into cells by every threshold
//! any decision of either version compares them with: for an ordered input
//! (money, number, date) the values below the lowest threshold, each
//! threshold itself, the values between two thresholds and those above the
//! highest; for the others each value named (and "any other value"). Every
//! case in one cell is routed alike in both versions, so evaluating one
//! sample per combination of cells is exact. For each combination the steps
//! a case can pass through (following `next`, outcomes and branches, and at
//! a decision only the branch it takes) are compared; the combinations
//! where a step is no longer reached, or newly reached, are merged back
//! into ranges and said in words: "cases where amount is between 5,000 CNY
//! (excluded) and 10,000 CNY (included) no longer pass through
//! `division_approval`". Amounts are exact decimals.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::nodes::NodeMatching;
use super::{ChangeKind, Recorder};
use crate::check::decision_space::condition_tree::{comparisons, holds};
use crate::check::decision_space::steps::{Steps, Stretch, date_of};
use crate::check::decision_space::{comparison_holds, named_values, thresholds, value_of};
use crate::i18n::Text;
use crate::model::words;
use crate::model::{EdgeKind, NodeId, NodeKind, Process};
use crate::syntax::ast::{Comparator, Condition, InputType, Operand, Value};
use crate::text;

/// More combinations of cells than this are not enumerated.
const MAX_COMBINATIONS: usize = 4096;

/// Nor are more than this many node and edge visits (combinations times
/// the size of both versions), so a diff stays fast on huge processes.
const MAX_VISITS: usize = 50_000_000;

/// An ordered value as its order key: a number (money too), or the day
/// number of a date ([`Steps::cut`] works on them).
type Point = Decimal;

/// The value one cell stands for; `None` for a value equal to none of
/// those named.
type Sample = Option<Value>;

/// One cell of an input's values.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cell {
    Below(Point),
    At(Point),
    Between(Point, Point),
    Above(Point),
    /// Every value (the input is compared with nothing).
    Any,
    Is(String),
    /// None of the values named.
    Otherwise,
    /// Of two values compared with each other: how the first compares
    /// with the second (`Equal` or not, for values that are not ordered).
    Relation(Relation),
}

/// How two values compared with each other stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    Less,
    Equal,
    Greater,
    /// Not equal, for values that are not ordered.
    Differs,
}

impl Relation {
    /// The sample of a relation cell.
    fn word(self) -> &'static str {
        match self {
            Relation::Less => "lt",
            Relation::Equal => "eq",
            Relation::Greater => "gt",
            Relation::Differs => "ne",
        }
    }

    fn from_word(word: &str) -> Option<Relation> {
        [
            Relation::Less,
            Relation::Equal,
            Relation::Greater,
            Relation::Differs,
        ]
        .into_iter()
        .find(|relation| relation.word() == word)
    }
}

/// Separates the two names of a relation partition's `input`.
const PAIR: char = '\u{1f}';

/// How an input's values are cut.
#[derive(Debug)]
struct Partition {
    input: String,
    kind: InputKind,
    /// The currency of a money input, for messages.
    currency: Option<String>,
    cells: Vec<(Cell, Sample)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum InputKind {
    Ordered,
    Dated,
    Named,
    /// How two values compared with each other stand: the partitions of
    /// the two values (their indexes), whose cells are cut alike.
    Relation(usize, usize),
}

/// Records which cases no longer pass through, or newly pass through, a
/// step that both versions have. `inputs` maps renamed inputs (old name to
/// new name), so the old conditions are read with the new names.
pub(super) fn compare(
    recorder: &mut Recorder<'_>,
    (old, new): (&Process, &Process),
    nodes: &NodeMatching,
    inputs: &BTreeMap<String, String>,
) {
    let partitions = partitions(old, new, inputs);
    let old_names: BTreeMap<&str, &str> = inputs
        .iter()
        .map(|(before, after)| (after.as_str(), before.as_str()))
        .collect();
    let total = partitions.iter().try_fold(1usize, |product, partition| {
        product.checked_mul(partition.cells.len())
    });
    let size = old.nodes.len() + old.edges.len() + new.nodes.len() + new.edges.len();
    let Some(total) = total
        .filter(|total| *total <= MAX_COMBINATIONS && total.saturating_mul(size) <= MAX_VISITS)
    else {
        recorder.record(
            ChangeKind::RoutesNotCompared,
            "process",
            &new.name,
            text!(
                "diff-routes-not-compared",
                inputs = partitions.len().to_string(),
                total = total.map_or_else(
                    || text!("diff-too-many"),
                    |total| Text::verbatim(total.to_string())
                ),
                limit = MAX_COMBINATIONS.to_string(),
                visits = MAX_VISITS.to_string()
            ),
        );
        return;
    };
    // The steps both versions have: (old id, new id).
    let shared: Vec<(NodeId, NodeId)> = nodes
        .pairs
        .iter()
        .filter_map(|pair| match pair {
            (Some(old_id), Some(new_id))
                if is_work(&new.node(*new_id).kind) && is_work(&old.node(*old_id).kind) =>
            {
                Some((*old_id, *new_id))
            }
            _ => None,
        })
        .collect();
    let mut lost: BTreeMap<&str, (NodeId, Vec<Vec<usize>>)> = BTreeMap::new();
    let mut gained: BTreeMap<&str, (NodeId, Vec<Vec<usize>>)> = BTreeMap::new();
    let old_name = |name: &str| -> String {
        name.split(PAIR)
            .map(|part| old_names.get(part).copied().unwrap_or(part))
            .collect::<Vec<_>>()
            .join(&PAIR.to_string())
    };
    let old_keys: Vec<String> = partitions
        .iter()
        .map(|partition| old_name(&partition.input))
        .collect();
    let mut feasible = 0;
    for number in 0..total {
        let combination = combination(&partitions, number);
        if !possible(&partitions, &combination) {
            continue;
        }
        feasible += 1;
        let samples: BTreeMap<&str, &Sample> = partitions
            .iter()
            .zip(&combination)
            .map(|(partition, cell)| (partition.input.as_str(), &partition.cells[*cell].1))
            .collect();
        let old_samples: BTreeMap<&str, &Sample> = partitions
            .iter()
            .zip(&combination)
            .zip(&old_keys)
            .map(|((partition, cell), key)| (key.as_str(), &partition.cells[*cell].1))
            .collect();
        let (before, after) = (route(old, &old_samples), route(new, &samples));
        for &(old_id, new_id) in &shared {
            let changed = match (before[old_id.0], after[new_id.0]) {
                (true, false) => &mut lost,
                (false, true) => &mut gained,
                _ => continue,
            };
            changed
                .entry(new.node(new_id).name.as_str())
                .or_insert_with(|| (new_id, Vec::new()))
                .1
                .push(combination.clone());
        }
    }
    for (kind, changed, how) in [
        (ChangeKind::StepBypassed, lost, "lost"),
        (ChangeKind::StepNowReached, gained, "gained"),
    ] {
        for (step, (id, cases)) in changed {
            let who = describe(&partitions, &cases, feasible);
            recorder.record(
                kind,
                "step",
                step,
                text!(
                    "diff-step-route",
                    who = who,
                    how = how,
                    step = super::node_words(new.node(id))
                ),
            );
        }
    }
}

/// Whether a node is work someone does: a step, or a call of another
/// process (whose steps run as part of this one).
fn is_work(kind: &NodeKind) -> bool {
    matches!(kind, NodeKind::Step(_) | NodeKind::Call(_))
}

/// Whether a combination of cells holds any case: the relation cell of
/// two values compared with each other must agree with their cells.
fn possible(partitions: &[Partition], combination: &[usize]) -> bool {
    partitions.iter().enumerate().all(|(index, partition)| {
        let InputKind::Relation(first, second) = partition.kind else {
            return true;
        };
        let Cell::Relation(relation) = partition.cells[combination[index]].0 else {
            return true;
        };
        let (a, b) = (&partitions[first], &partitions[second]);
        let (at_a, at_b) = (combination[first], combination[second]);
        match (&a.cells[at_a].0, &b.cells[at_b].0) {
            (Cell::Is(x), Cell::Is(y)) => (x == y) == (relation == Relation::Equal),
            (Cell::Is(x), Cell::Otherwise) | (Cell::Otherwise, Cell::Is(x))
                if a.names().contains(&x) && b.names().contains(&x) =>
            {
                relation == Relation::Differs
            }
            (Cell::Is(_) | Cell::Otherwise, _) => true,
            (cell, _) if a.cells.len() != b.cells.len() => {
                // Cut differently (never for two values of one kind): any.
                !matches!(cell, Cell::Relation(_))
            }
            (cell, _) => match at_a.cmp(&at_b) {
                std::cmp::Ordering::Less => relation == Relation::Less,
                std::cmp::Ordering::Greater => relation == Relation::Greater,
                std::cmp::Ordering::Equal => match cell {
                    Cell::At(_) => relation == Relation::Equal,
                    Cell::Between(low, high)
                        if a.kind == InputKind::Dated && *high - *low == Decimal::TWO =>
                    {
                        relation == Relation::Equal
                    }
                    _ => true,
                },
            },
        }
    })
}

impl Partition {
    /// The values its cells name.
    fn names(&self) -> Vec<&String> {
        self.cells
            .iter()
            .filter_map(|(cell, _)| match cell {
                Cell::Is(name) => Some(name),
                _ => None,
            })
            .collect()
    }
}

/// The cell numbers of combination `number`, first input varying slowest.
fn combination(partitions: &[Partition], mut number: usize) -> Vec<usize> {
    let mut cells = vec![0; partitions.len()];
    for (index, partition) in partitions.iter().enumerate().rev() {
        cells[index] = number % partition.cells.len();
        number /= partition.cells.len();
    }
    cells
}

/// The cells of every value (input or recorded value) some decision of
/// either version compares, in the order the inputs are declared (new
/// version first), then one relation partition per pair of values
/// compared with each other (`amount <= budget_left`): less, equal or
/// greater (equal or not, for values that are not ordered). The two
/// values of such a pair are cut at the same thresholds (the values either
/// is compared with), so the cells say how they stand wherever they
/// differ, and the relation does where they share a cell.
fn partitions(old: &Process, new: &Process, inputs: &BTreeMap<String, String>) -> Vec<Partition> {
    let mut compared: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut pairs: BTreeSet<(String, String)> = BTreeSet::new();
    for (process, renamed) in [(old, true), (new, false)] {
        let rename = |name: &str| -> String {
            match inputs.get(name) {
                Some(after) if renamed => after.clone(),
                _ => name.to_string(),
            }
        };
        for edge in &process.edges {
            if let EdgeKind::When(condition) = &edge.kind {
                // Last written first: the order the named cells are listed in.
                for comparison in comparisons(condition.as_ref()).into_iter().rev() {
                    let input = rename(&comparison.input.text);
                    let values = compared.entry(input.clone()).or_default();
                    match &comparison.value {
                        Operand::Literal(literal) => values.push(literal.value.clone()),
                        Operand::Value(other) => {
                            let other = rename(&other.text);
                            compared.entry(other.clone()).or_default();
                            if other != input {
                                pairs.insert((input.clone().min(other.clone()), input.max(other)));
                            }
                        }
                    }
                }
            }
        }
    }
    share_values(&mut compared, &pairs);
    let mut order: Vec<String> = Vec::new();
    for input in new.inputs.iter().chain(&old.inputs) {
        if compared.contains_key(&input.name.text) && !order.contains(&input.name.text) {
            order.push(input.name.text.clone());
        }
    }
    for name in compared.keys() {
        if !order.contains(name) {
            order.push(name.clone());
        }
    }
    let mut partitions: Vec<Partition> = order
        .into_iter()
        .map(|name| {
            let declared = new
                .value_type(&name)
                .or_else(|| old.value_type(&name))
                .cloned();
            let values = compared.remove(&name).unwrap_or_default();
            partition(name, declared.as_ref(), &values)
        })
        .collect();
    for (first, second) in pairs {
        let at = |name: &str| {
            partitions
                .iter()
                .position(|partition| partition.input == name)
        };
        let (Some(a), Some(b)) = (at(&first), at(&second)) else {
            continue;
        };
        let relations: &[Relation] = if partitions[a].kind == InputKind::Named {
            &[Relation::Equal, Relation::Differs]
        } else {
            &[Relation::Less, Relation::Equal, Relation::Greater]
        };
        partitions.push(Partition {
            input: format!("{first}{PAIR}{second}"),
            kind: InputKind::Relation(a, b),
            currency: None,
            cells: relations
                .iter()
                .map(|relation| {
                    (
                        Cell::Relation(*relation),
                        Some(Value::Name(relation.word().to_string())),
                    )
                })
                .collect(),
        });
    }
    partitions
}

/// Gives both values of every pair compared with each other the values
/// either is compared with (through chains of pairs too), so they are cut
/// alike.
fn share_values(compared: &mut BTreeMap<String, Vec<Value>>, pairs: &BTreeSet<(String, String)>) {
    // A pass per pair is enough for any chain.
    for _ in 0..=pairs.len() {
        let mut moved = false;
        for (first, second) in pairs {
            let mut union = compared.get(first).cloned().unwrap_or_default();
            for value in compared.get(second).into_iter().flatten() {
                if !union.contains(value) {
                    union.push(value.clone());
                }
            }
            for name in [first, second] {
                let values = compared.entry(name.clone()).or_default();
                if values.len() != union.len() {
                    *values = union.clone();
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
}

fn partition(input: String, declared: Option<&InputType>, values: &[Value]) -> Partition {
    let kind = match declared {
        Some(InputType::Money { .. } | InputType::Number) => InputKind::Ordered,
        Some(InputType::Date) => InputKind::Dated,
        Some(_) => InputKind::Named,
        None => values
            .iter()
            .find_map(|value| match value {
                Value::Money { .. } | Value::Number(_) => Some(InputKind::Ordered),
                Value::Date(_) => Some(InputKind::Dated),
                _ => None,
            })
            .unwrap_or(InputKind::Named),
    };
    let cells = match kind {
        InputKind::Ordered | InputKind::Dated => {
            let dated = kind == InputKind::Dated;
            let of_kind: Vec<&Value> = values
                .iter()
                .filter(|value| match value {
                    Value::Money { .. } | Value::Number(_) => !dated,
                    Value::Date(_) => dated,
                    _ => false,
                })
                .collect();
            let ordered = if dated {
                InputType::Date
            } else {
                InputType::Number
            };
            ordered_cells(&ordered, &thresholds(&of_kind))
        }
        InputKind::Named | InputKind::Relation(..) => named_cells(declared, values),
    };
    let currency = match declared {
        Some(InputType::Money { currency }) => Some(currency.clone()),
        _ => values.iter().find_map(|value| match value {
            Value::Money { currency, .. } => Some(currency.clone()),
            _ => None,
        }),
    };
    Partition {
        input,
        kind,
        currency,
        cells,
    }
}

/// Below the first threshold, each threshold, between two, above the last
/// ([`Steps::cut`] with the steps a person trying values takes); cells
/// with no value in them (between two consecutive dates) are left out.
/// `thresholds` are the sorted, distinct order keys of values of `kind`
/// (a number or a date); each sample is a number (money too) or a date.
fn ordered_cells(kind: &InputType, thresholds: &[Point]) -> Vec<(Cell, Sample)> {
    let Some(&first) = thresholds.first() else {
        return vec![(Cell::Any, Some(Value::Number(Decimal::ZERO)))];
    };
    Steps::trying(kind)
        .cut(thresholds)
        .into_iter()
        .filter_map(|(stretch, key)| {
            let cell = match stretch {
                Stretch::Below => Cell::Below(first),
                Stretch::At(index) => Cell::At(thresholds[index]),
                Stretch::After(index) => match thresholds.get(index + 1) {
                    Some(&next) => Cell::Between(thresholds[index], next),
                    None => Cell::Above(thresholds[index]),
                },
            };
            Some((cell, Some(value_of(kind, key)?)))
        })
        .collect()
}

/// Each value named (declared or compared with, [`named_values`]), then
/// any other value when one is possible.
fn named_cells(declared: Option<&InputType>, values: &[Value]) -> Vec<(Cell, Sample)> {
    let values: Vec<&Value> = values.iter().collect();
    let (names, open) = named_values(declared, &values);
    let text = matches!(declared, Some(InputType::Text));
    let mut cells: Vec<(Cell, Sample)> = names
        .into_iter()
        .map(|name| {
            let sample = if text {
                Value::Text(name.clone())
            } else {
                Value::Name(name.clone())
            };
            (Cell::Is(name), Some(sample))
        })
        .collect();
    if open {
        cells.push((Cell::Otherwise, None));
    }
    cells
}

/// Whether a condition holds for the samples: a comparison of an input
/// with no sample does not hold; a comparison of two values holds by
/// their relation cell.
fn holds_for(condition: &Condition, samples: &BTreeMap<&str, &Sample>) -> bool {
    holds(condition, |comparison| {
        let input = comparison.input.text.as_str();
        match &comparison.value {
            Operand::Literal(literal) => samples
                .get(input)
                .is_some_and(|sample| sample_holds(sample, comparison.op, &literal.value)),
            Operand::Value(other) => relation_holds(samples, input, &other.text, comparison.op),
        }
    })
}

/// Whether `input OP other` holds by the relation cell of the pair.
fn relation_holds(
    samples: &BTreeMap<&str, &Sample>,
    input: &str,
    other: &str,
    op: Comparator,
) -> bool {
    let relation = |key: String| {
        samples.get(key.as_str()).and_then(|sample| match sample {
            Some(Value::Name(word)) => Relation::from_word(word),
            _ => None,
        })
    };
    let (relation, reversed) = match relation(format!("{input}{PAIR}{other}")) {
        Some(relation) => (Some(relation), false),
        None => (relation(format!("{other}{PAIR}{input}")), true),
    };
    let ordering = match relation {
        Some(Relation::Less) => std::cmp::Ordering::Less,
        Some(Relation::Equal) => std::cmp::Ordering::Equal,
        Some(Relation::Greater) => std::cmp::Ordering::Greater,
        Some(Relation::Differs) => return op == Comparator::NotEqual,
        // A value compared with itself.
        None => return input == other && op.holds(std::cmp::Ordering::Equal),
    };
    op.holds(if reversed {
        ordering.reverse()
    } else {
        ordering
    })
}

/// Whether `sample OP value` holds ([`comparison_holds`]): a sample of
/// "any other value", or one that cannot be compared with the value,
/// differs from it.
fn sample_holds(sample: &Sample, op: Comparator, value: &Value) -> bool {
    sample
        .as_ref()
        .and_then(|sample| comparison_holds(op, sample, value))
        .unwrap_or(op == Comparator::NotEqual)
}

/// For each node, whether a case with these inputs can reach it: from the
/// start along every edge, except that a decision sends it down the first
/// `when` that holds (else `otherwise`).
fn route(process: &Process, samples: &BTreeMap<&str, &Sample>) -> Vec<bool> {
    let mut seen = vec![false; process.nodes.len()];
    let mut stack: Vec<NodeId> = process
        .start
        .as_ref()
        .and_then(|start| start.target)
        .into_iter()
        .collect();
    while let Some(id) = stack.pop() {
        if std::mem::replace(&mut seen[id.0], true) {
            continue;
        }
        let node = process.node(id);
        if matches!(node.kind, NodeKind::Decision) {
            let chosen = process
                .edges_from(id)
                .find(|edge| match &edge.kind {
                    EdgeKind::When(condition) => holds_for(condition, samples),
                    _ => false,
                })
                .or_else(|| {
                    process
                        .edges_from(id)
                        .find(|edge| matches!(edge.kind, EdgeKind::Otherwise))
                });
            stack.extend(chosen.map(|edge| edge.to));
        } else {
            stack.extend(process.successors(id));
        }
    }
    seen
}

/// The cases of `combinations` in words: "all cases", "cases where
/// amount is above 50,000 CNY", "cases where kind is travel and amount is
/// 5,000 CNY or less, or where kind is office".
fn describe(partitions: &[Partition], combinations: &[Vec<usize>], total: usize) -> Text {
    if combinations.len() == total {
        return text!("diff-cases-all");
    }
    let clauses: Vec<Text> = clauses(partitions, combinations)
        .into_iter()
        .map(|atoms| {
            if atoms.is_empty() {
                text!("diff-cases-any-inputs")
            } else {
                Text::chain("condition-and", atoms)
            }
        })
        .collect();
    text!(
        "diff-cases-where",
        clauses = Text::chain("diff-cases-or-where", clauses)
    )
}

/// Groups the combinations input by input: for the first input, cells that
/// lead to the same set of combinations of the other inputs are described
/// together; then the same for the rest, with a work list instead of
/// recursion.
fn clauses(partitions: &[Partition], combinations: &[Vec<usize>]) -> Vec<Vec<Text>> {
    let mut done = Vec::new();
    let mut work: Vec<(usize, Vec<Text>, BTreeSet<Vec<usize>>)> =
        vec![(0, Vec::new(), combinations.iter().cloned().collect())];
    while let Some((depth, atoms, rest)) = work.pop() {
        if depth == partitions.len() {
            done.push(atoms);
            continue;
        }
        let partition = &partitions[depth];
        let mut by_cell: BTreeMap<usize, BTreeSet<Vec<usize>>> = BTreeMap::new();
        for combination in &rest {
            by_cell
                .entry(combination[0])
                .or_default()
                .insert(combination[1..].to_vec());
        }
        let mut groups: Vec<(Vec<usize>, BTreeSet<Vec<usize>>)> = Vec::new();
        for (cell, tails) in by_cell {
            match groups.iter_mut().find(|(_, other)| *other == tails) {
                Some((cells, _)) => cells.push(cell),
                None => groups.push((vec![cell], tails)),
            }
        }
        for (cells, tails) in groups.into_iter().rev() {
            let mut atoms = atoms.clone();
            if cells.len() < partition.cells.len() {
                atoms.push(cells_words(partition, &cells));
            }
            work.push((depth + 1, atoms, tails));
        }
    }
    done
}

/// A set of cells of one input in words.
fn cells_words(partition: &Partition, cells: &[usize]) -> Text {
    if let InputKind::Relation(..) = partition.kind {
        return relation_words(partition, cells);
    }
    let input = partition.input.as_str();
    if partition.kind == InputKind::Named {
        let names = |wanted: bool| -> Vec<Text> {
            partition
                .cells
                .iter()
                .enumerate()
                .filter(|(index, (cell, _))| {
                    cells.contains(index) == wanted && matches!(cell, Cell::Is(_))
                })
                .map(|(_, (cell, _))| match cell {
                    Cell::Is(name) if name == "yes" => text!("condition-yes"),
                    Cell::Is(name) if name == "no" => text!("condition-no"),
                    Cell::Is(name) => Text::verbatim(name.as_str()),
                    _ => Text::verbatim(""),
                })
                .collect()
        };
        let other = partition
            .cells
            .iter()
            .enumerate()
            .any(|(index, (cell, _))| *cell == Cell::Otherwise && cells.contains(&index));
        return if other {
            match names(false).as_slice() {
                [one] => text!("diff-case-is-not", input = input, value = one.clone()),
                others => text!(
                    "diff-case-is-none-of",
                    input = input,
                    values = others.to_vec()
                ),
            }
        } else {
            text!(
                "diff-case-is",
                input = input,
                values = Text::chain("condition-or", names(true))
            )
        };
    }
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &cell in cells {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == cell => *end = cell,
            _ => runs.push((cell, cell)),
        }
    }
    let ranges: Vec<Text> = runs
        .into_iter()
        .map(|(first, last)| {
            range_words(
                partition,
                &partition.cells[first].0,
                &partition.cells[last].0,
            )
        })
        .collect();
    text!(
        "diff-case-range",
        input = input,
        ranges = Text::chain("condition-or", ranges)
    )
}

/// The relation cells of a pair in words: "amount is below budget_left",
/// "amount is budget_left or less".
fn relation_words(partition: &Partition, cells: &[usize]) -> Text {
    let (first, second) = partition
        .input
        .split_once(PAIR)
        .unwrap_or((partition.input.as_str(), ""));
    let chosen: Vec<Relation> = cells
        .iter()
        .filter_map(|&cell| match partition.cells[cell].0 {
            Cell::Relation(relation) => Some(relation),
            _ => None,
        })
        .collect();
    let relation = match chosen.as_slice() {
        [Relation::Less] => "below",
        [Relation::Equal] => "equals",
        [Relation::Greater] => "above",
        [Relation::Differs] | [Relation::Less, Relation::Greater] => "differs",
        [Relation::Less, Relation::Equal] => "at-most",
        [Relation::Equal, Relation::Greater] => "at-least",
        _ => "beside",
    };
    text!(
        "diff-case-relation",
        first = first,
        relation = relation,
        second = second
    )
}

/// A lower or upper end of a range: the value and whether it is included.
type End = Option<(Point, bool)>;

fn range_words(partition: &Partition, first: &Cell, last: &Cell) -> Text {
    let low: End = match first {
        Cell::Below(_) | Cell::Any => None,
        Cell::At(point) => Some((*point, true)),
        Cell::Between(point, _) | Cell::Above(point) => Some((*point, false)),
        _ => None,
    };
    let high: End = match last {
        Cell::Above(_) | Cell::Any => None,
        Cell::At(point) => Some((*point, true)),
        Cell::Between(_, point) | Cell::Below(point) => Some((*point, false)),
        _ => None,
    };
    let show = |point: Point| point_words(partition, point);
    let dated = if partition.kind == InputKind::Dated {
        "yes"
    } else {
        "no"
    };
    let end = |included: bool| if included { "included" } else { "excluded" };
    match (low, high) {
        (None, None) => text!("diff-range-any"),
        (Some((a, true)), Some((b, true))) if a == b => {
            text!("diff-range-exactly", value = show(a))
        }
        (None, Some((b, true))) => text!("diff-range-at-most", value = show(b), dated = dated),
        (None, Some((b, false))) => text!("diff-range-below", value = show(b), dated = dated),
        (Some((a, true)), None) => text!("diff-range-at-least", value = show(a), dated = dated),
        (Some((a, false)), None) => text!("diff-range-above", value = show(a), dated = dated),
        (Some((a, a_in)), Some((b, b_in))) if a_in == b_in => text!(
            "diff-range-between-both",
            low = show(a),
            high = show(b),
            ends = end(a_in)
        ),
        (Some((a, a_in)), Some((b, b_in))) => text!(
            "diff-range-between",
            low = show(a),
            low_end = end(a_in),
            high = show(b),
            high_end = end(b_in)
        ),
    }
}

/// A threshold as the language writes it: a date, an amount of money, a
/// number.
fn point_words(partition: &Partition, point: Point) -> Text {
    if partition.kind == InputKind::Dated
        && let Some(date) = date_of(point)
    {
        return words::date(date);
    }
    match &partition.currency {
        // The digits as written (`100,000.50`), the currency as the
        // language writes it.
        Some(currency) => text!(
            "money",
            amount = grouped(point),
            currency = currency.as_str()
        ),
        None => Text::verbatim(grouped(point)),
    }
}

/// A decimal with thousands separators: `5,000`, `1,250.50`, `-12,000`.
pub(super) fn grouped(number: Decimal) -> String {
    let text = number.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::check;
    use crate::config::Config;
    use crate::model;
    use crate::source::SourceFile;

    /// The messages of the route changes between two versions of a
    /// process whose decision `route` has the lines `old` and `new`.
    fn route_changes(inputs: &str, old: &str, new: &str) -> Vec<String> {
        let text = |lines: &str| {
            format!(
                "role clerk\nprocess p {{\n  owner clerk\n{inputs}  start route\n  decide route {{\n{lines}  }}\n  step review {{\n    owner clerk\n    within 1 day\n    next done\n  }}\n  step fast {{\n    owner clerk\n    within 1 day\n    next done\n  }}\n  end done\n}}\n"
            )
        };
        let build = |lines: &str| model::build(vec![SourceFile::from_text("p.flow", text(lines))]);
        let (old, new) = (build(old), build(new));
        let config = Config::default();
        let context = check::CheckContext::new(&config, "2026-11-28".parse().expect("a date"));
        let (old_diagnostics, new_diagnostics) =
            (check::run(&old, &context), check::run(&new, &context));
        let old_checked = check::verify(&old, &old_diagnostics).expect("old is clean");
        let new_checked = check::verify(&new, &new_diagnostics).expect("new is clean");
        super::super::compare(&old_checked, &new_checked, &config)
            .changes
            .into_iter()
            .filter(|change| {
                matches!(
                    change.kind,
                    ChangeKind::StepBypassed
                        | ChangeKind::StepNowReached
                        | ChangeKind::RoutesNotCompared
                )
            })
            .map(|change| change.message.english())
            .collect()
    }

    #[test]
    fn amounts_print_with_thousands_separators_exactly() {
        assert_eq!(grouped(Decimal::new(5000, 0)), "5,000");
        assert_eq!(grouped(Decimal::new(125050, 2)), "1,250.50");
        assert_eq!(grouped(Decimal::new(-12000, 0)), "-12,000");
        assert_eq!(grouped(Decimal::new(100, 0)), "100");
        assert_eq!(grouped(Decimal::new(1000005, 1)), "100,000.5");
    }

    #[test]
    fn no_cell_between_two_consecutive_days() {
        let first = NaiveDate::from_ymd_opt(2026, 3, 1).expect("date");
        let second = NaiveDate::from_ymd_opt(2026, 3, 2).expect("date");
        let days: Vec<Point> = [first, second]
            .into_iter()
            .map(crate::check::decision_space::steps::day_number)
            .collect();
        let cells = ordered_cells(&InputType::Date, &days);
        assert_eq!(cells.len(), 4, "below, the 1st, the 2nd, above: {cells:?}");
    }

    #[test]
    fn an_exact_threshold_change_is_a_single_value() {
        let changes = route_changes(
            "  input amount: money CNY\n",
            "    when amount >= 5000 CNY -> review\n    otherwise -> fast\n",
            "    when amount > 5000 CNY -> review\n    otherwise -> fast\n",
        );
        assert_eq!(
            changes,
            vec![
                "cases where amount is exactly 5,000 CNY no longer pass through step `review` (owner `clerk`)",
                "cases where amount is exactly 5,000 CNY now pass through step `fast` (owner `clerk`)",
            ]
        );
    }

    #[test]
    fn a_branch_added_for_one_choice_and_the_rest() {
        let changes = route_changes(
            "  input kind: one of travel, office, entertainment\n",
            "    when kind == travel -> fast\n    otherwise -> review\n",
            "    when kind == travel or kind == office -> fast\n    otherwise -> review\n",
        );
        assert_eq!(
            changes[0],
            "cases where kind is office no longer pass through step `review` (owner `clerk`)"
        );
        let changes = route_changes(
            "  input supplier: text\n",
            "    when supplier == \"ACME\" -> review\n    otherwise -> fast\n",
            "    when supplier != \"ACME\" -> review\n    otherwise -> fast\n",
        );
        assert_eq!(
            changes,
            vec![
                "cases where supplier is not ACME no longer pass through step `fast` (owner `clerk`)",
                "cases where supplier is ACME no longer pass through step `review` (owner `clerk`)",
                "cases where supplier is ACME now pass through step `fast` (owner `clerk`)",
                "cases where supplier is not ACME now pass through step `review` (owner `clerk`)",
            ]
        );
    }

    #[test]
    fn named_values_are_worded_last_written_first() {
        let changes = route_changes(
            "  input supplier: text\n",
            "    when supplier == \"A\" or supplier == \"B\" -> review\n    otherwise -> fast\n",
            "    when supplier == \"C\" or (supplier == \"D\" and supplier != \"E\") -> review\n    otherwise -> fast\n",
        );
        assert_eq!(
            changes,
            vec![
                "cases where supplier is D or C no longer pass through step `fast` (owner `clerk`)",
                "cases where supplier is B or A no longer pass through step `review` (owner `clerk`)",
                "cases where supplier is B or A now pass through step `fast` (owner `clerk`)",
                "cases where supplier is D or C now pass through step `review` (owner `clerk`)",
            ]
        );
    }

    #[test]
    fn values_at_the_edge_of_decimal_do_not_panic() {
        let changes = route_changes(
            "  input amount: number\n",
            "    when amount < 79228162514264337593543950335 -> review\n    otherwise -> fast\n",
            "    when amount <= -79228162514264337593543950335 -> review\n    otherwise -> fast\n",
        );
        assert_eq!(changes.len(), 2, "{changes:?}");
        assert!(
            changes[0].starts_with("cases where amount is between"),
            "{changes:?}"
        );
    }

    #[test]
    fn two_values_compared_with_each_other_route_exactly() {
        let inputs = "  input amount: money CNY\n  input budget_left: money CNY\n";
        let changes = route_changes(
            inputs,
            "    when amount <= budget_left -> review\n    otherwise -> fast\n",
            "    when amount < budget_left -> review\n    otherwise -> fast\n",
        );
        assert_eq!(
            changes,
            vec![
                "cases where amount equals budget_left no longer pass through step `review` (owner `clerk`)",
                "cases where amount equals budget_left now pass through step `fast` (owner `clerk`)",
            ]
        );
        for same in [
            "    when budget_left >= amount -> review\n    otherwise -> fast\n",
            "    when not amount > budget_left -> review\n    otherwise -> fast\n",
        ] {
            let changes = route_changes(
                inputs,
                "    when amount <= budget_left -> review\n    otherwise -> fast\n",
                same,
            );
            assert!(changes.is_empty(), "{same}: {changes:?}");
        }
    }

    /// Both values are cut at 5,000 and 10,000: an amount of 5,000 or
    /// less is below any budget above 10,000 (the relation atom says what
    /// the cells already imply), an amount between 5,000 and 10,000 is
    /// below it and went to review before, so it is in neither clause.
    #[test]
    fn two_values_and_thresholds_together_give_no_impossible_case() {
        let inputs = "  input amount: money CNY\n  input budget_left: money CNY\n";
        let old = "    when amount > 5000 CNY and amount <= budget_left -> review\n    otherwise -> fast\n";
        let changes = route_changes(
            inputs,
            old,
            "    when amount <= budget_left and amount > 5000 CNY -> review\n    otherwise -> fast\n",
        );
        assert!(changes.is_empty(), "{changes:?}");
        let changes = route_changes(
            inputs,
            old,
            "    when (amount > 5000 CNY and amount <= budget_left) or budget_left > 10000 CNY -> review\n    otherwise -> fast\n",
        );
        assert_eq!(
            changes,
            vec![
                "cases where amount is 5,000 CNY or less and budget_left is above 10,000 CNY and amount is below budget_left, or where amount is above 10,000 CNY and budget_left is above 10,000 CNY and amount is above budget_left no longer pass through step `fast` (owner `clerk`)",
                "cases where amount is 5,000 CNY or less and budget_left is above 10,000 CNY and amount is below budget_left, or where amount is above 10,000 CNY and budget_left is above 10,000 CNY and amount is above budget_left now pass through step `review` (owner `clerk`)",
            ]
        );
    }

    #[test]
    fn all_combinations_are_all_cases_and_one_clause_per_group() {
        let partitions = vec![
            partition(
                "amount".to_string(),
                Some(&InputType::Number),
                &[Value::Number(Decimal::new(10, 0))],
            ),
            partition(
                "urgent".to_string(),
                Some(&InputType::YesNo),
                &[Value::Name("yes".to_string())],
            ),
        ];
        let all: Vec<Vec<usize>> = (0..6)
            .map(|number| combination(&partitions, number))
            .collect();
        assert_eq!(describe(&partitions, &all, 6).english(), "all cases");
        let some = vec![vec![0, 0], vec![1, 0], vec![2, 1]];
        assert_eq!(
            describe(&partitions, &some, 6).english(),
            "cases where amount is 10 or less and urgent is yes, or where amount is above 10 and urgent is no"
        );
    }

    /// Whether `value` is in `cell` of `partition`: the test's own reading
    /// of the cells.
    fn in_cell(partition: &Partition, cell: &Cell, value: &Value) -> bool {
        let key = match value {
            Value::Money { amount, .. } | Value::Number(amount) => Some(*amount),
            Value::Date(date) => Some(crate::check::decision_space::steps::day_number(*date)),
            _ => None,
        };
        let name = match value {
            Value::Name(name) | Value::Text(name) => Some(name),
            _ => None,
        };
        match (cell, key, name) {
            (Cell::Below(point), Some(key), _) => key < *point,
            (Cell::At(point), Some(key), _) => key == *point,
            (Cell::Between(low, high), Some(key), _) => *low < key && key < *high,
            (Cell::Above(point), Some(key), _) => key > *point,
            (Cell::Any, _, _) => true,
            (Cell::Is(named), _, Some(name)) => named == name,
            (Cell::Otherwise, _, Some(name)) => !partition.names().contains(&name),
            _ => false,
        }
    }

    /// Every value is routed as the sample of the one cell it is in, so
    /// one sample per cell stands for all.
    #[test]
    fn every_value_is_judged_like_the_sample_of_its_cell() {
        let text = "role clerk\nprocess p {\n  owner clerk\n  input amount: money CNY\n  input due: date\n  input kind: one of travel, office, entertainment\n  input supplier: text\n  start route\n  decide route {\n    when amount > 5000 CNY and amount <= 10000.5 CNY -> fast\n    when amount != 7000 CNY and not (due < 2026-03-01 or due >= 2026-03-03) -> fast\n    when kind == office or supplier != \"ACME\" -> fast\n    otherwise -> fast\n  }\n  step fast {\n    owner clerk\n    within 1 day\n    next done\n  }\n  end done\n}\n";
        let project = model::build(vec![SourceFile::from_text("p.flow", text)]);
        let process = &project.processes[0];
        let partitions = partitions(process, process, &BTreeMap::new());
        let money = |amount: &str| Value::Money {
            amount: amount.parse().expect("a decimal"),
            currency: "CNY".to_string(),
        };
        let date = |text: &str| Value::Date(text.parse().expect("a date"));
        let values: Vec<(&str, Vec<Value>)> = vec![
            (
                "amount",
                [
                    "-1", "0", "4999.99", "5000", "5000.01", "7000", "10000.5", "10000.51", "1e6",
                ]
                .iter()
                .map(|amount| money(amount))
                .collect(),
            ),
            (
                "due",
                [
                    "2026-02-28",
                    "2026-03-01",
                    "2026-03-02",
                    "2026-03-03",
                    "2027-01-01",
                ]
                .iter()
                .map(|day| date(day))
                .collect(),
            ),
            (
                "kind",
                ["travel", "office", "entertainment"]
                    .iter()
                    .map(|kind| Value::Name(kind.to_string()))
                    .collect(),
            ),
            (
                "supplier",
                ["ACME", "", "other"]
                    .iter()
                    .map(|supplier| Value::Text(supplier.to_string()))
                    .collect(),
            ),
        ];
        let conditions: Vec<&Condition> = process.when_conditions().collect();
        let mut judged = 0;
        for (input, values) in &values {
            let partition = partitions
                .iter()
                .find(|partition| partition.input == *input)
                .unwrap_or_else(|| panic!("{input} is cut"));
            for value in values {
                let cells: Vec<&(Cell, Sample)> = partition
                    .cells
                    .iter()
                    .filter(|(cell, _)| in_cell(partition, cell, value))
                    .collect();
                let [(_, sample)] = cells.as_slice() else {
                    panic!("{input} = {value} is in {} cells", cells.len());
                };
                let actual = Some(value.clone());
                for condition in &conditions {
                    for comparison in comparisons(*condition) {
                        if comparison.input.text != *input {
                            continue;
                        }
                        let Some(literal) = comparison.value.literal() else {
                            continue;
                        };
                        assert_eq!(
                            sample_holds(sample, comparison.op, &literal.value),
                            sample_holds(&actual, comparison.op, &literal.value),
                            "{input} = {value} against {:?} {}",
                            comparison.op,
                            literal.value
                        );
                        judged += 1;
                    }
                }
            }
        }
        assert_eq!(
            judged,
            9 * 3 + 5 * 2 + 3 + 3,
            "every comparison of every value"
        );
    }
}
