//! The order of a diagram's bands (a department with its roles, a role in
//! no department, the applicant's own people) across the flow, chosen so
//! the picture reads forward from its top-left corner: the band of the
//! start first, then the other bands in the order that makes the arrows
//! between lanes shortest, an arrow back to an earlier lane costing more
//! and the opening of the flow never crossing more than half of the
//! picture (see [`band_order`]). The lanes inside a band keep their
//! seniority order ([`super::parties::sort_lanes`]), from the top down or,
//! when the flow climbs the reporting lines, from the bottom up, the same
//! way in every band.

use std::collections::BTreeMap;

use super::Arrow;
use super::parties::Band;

/// What a forward arrow that goes back to an earlier lane (leftwards top
/// to bottom, upwards left to right) costs on top of its length, in
/// lanes: the same for every such arrow, so the arrows back into the
/// start's band, which go back whatever the order, do not pull the bands
/// they come from towards it.
const AGAINST_COST: usize = 2;

/// The ranks of the opening of a flow: the forward arrows out of the
/// items of lower ranks (the start circle, the first step, the second)
/// are the first a trainer follows.
const OPENING_RANKS: usize = 3;

/// The most bands whose every order (the start's band first) is tried:
/// 7! = 5040 orders of the other seven.
const EXACT_MOST_BANDS: usize = 8;

/// The most work the search of every order may take: orders tried times
/// (lanes plus pairs of lanes joined by arrows); above it, or above
/// [`EXACT_MOST_BANDS`], the bands are ordered by the local search
/// ([`improve`]).
const EXACT_MOST_WORK: usize = 2_000_000;

/// The most improving moves the local search makes: each lowers the cost,
/// so it ends anyway; this bounds the time on a process of many bands.
const MOST_MOVES: usize = 200;

/// The bands in the order to draw them, from the bands of the lanes in
/// seniority order (`bands`, one per lane, a band's lanes side by side),
/// the lane of every item (`lanes`), the arrows, the items' ranks and the
/// start circle's index among the items:
///
/// 1. the start's band comes first;
/// 2. the others are first put in the order the flow enters them (the
///    smallest rank of an item in one of its lanes; ties in seniority
///    order);
/// 3. then the cheapest order is found ([`Cost`]), never moving the
///    start's band: by trying every order when there are few bands
///    ([`EXACT_MOST_BANDS`], [`EXACT_MOST_WORK`]; the first of the
///    cheapest in lexicographic order of the places of step 2), else by
///    moving one band at a time to another place while that lowers the
///    cost;
/// 4. all this is done twice, with the lanes inside every band from the
///    most senior down and from the most junior up; the one whose start
///    lane comes earlier in its band is taken, else the cheaper (the
///    senior-first on a tie).
pub(crate) fn band_order(
    bands: &[Band],
    lanes: &[usize],
    arrows: &[Arrow],
    ranks: &[usize],
    start: usize,
) -> Reading {
    let groups = band_lanes(bands);
    if groups.len() < 2 && groups.iter().all(|(_, members)| members.len() < 2) {
        return Reading {
            bands: groups.into_iter().map(|(band, _)| band).collect(),
            juniors_first: false,
        };
    }
    let start_band = bands.get(lanes[start]).copied();
    let mut entry = vec![usize::MAX; groups.len()];
    let band_of_lane = lane_groups(&groups, bands.len());
    for (item, &lane) in lanes.iter().enumerate() {
        if let Some(&group) = band_of_lane.get(lane) {
            entry[group] = entry[group].min(ranks[item]);
        }
    }
    let mut first: Vec<usize> = (0..groups.len()).collect();
    first.sort_by_key(|&group| (Some(groups[group].0) != start_band, entry[group], group));
    let weights = weights(lanes, arrows, ranks);
    let mirrored: Vec<(Band, Vec<usize>)> = groups
        .iter()
        .map(|(band, members)| (*band, members.iter().rev().copied().collect()))
        .collect();
    let start_lane = lanes[start];
    let start_place = |groups: &[(Band, Vec<usize>)]| {
        groups
            .iter()
            .find_map(|(_, members)| members.iter().position(|&lane| lane == start_lane))
            .unwrap_or(0)
    };
    let (seniors, seniors_cost) = search(first.clone(), &groups, &weights);
    let (juniors, juniors_cost) = search(first, &mirrored, &weights);
    let juniors_first =
        (start_place(&mirrored), juniors_cost) < (start_place(&groups), seniors_cost);
    let order = if juniors_first { juniors } else { seniors };
    Reading {
        bands: order.into_iter().map(|group| groups[group].0).collect(),
        juniors_first,
    }
}

/// The order [`band_order`] chooses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reading {
    /// The bands, in the order to draw them.
    pub(crate) bands: Vec<Band>,
    /// Whether the lanes inside every band go from the most junior to the
    /// most senior (the flow climbs the reporting lines), rather than the
    /// other way.
    pub(crate) juniors_first: bool,
}

/// The bands in lane order, each with the lanes it holds.
fn band_lanes(bands: &[Band]) -> Vec<(Band, Vec<usize>)> {
    let mut groups: Vec<(Band, Vec<usize>)> = Vec::new();
    for (lane, &band) in bands.iter().enumerate() {
        match groups.last_mut() {
            Some((last, members)) if *last == band => members.push(lane),
            _ => groups.push((band, vec![lane])),
        }
    }
    groups
}

/// The group (index into the bands) of every lane.
fn lane_groups(groups: &[(Band, Vec<usize>)], count: usize) -> Vec<usize> {
    let mut of_lane = vec![0; count];
    for (group, (_, members)) in groups.iter().enumerate() {
        for &lane in members {
            of_lane[lane] = group;
        }
    }
    of_lane
}

/// The arrows joining one pair of lanes (from, to) that differ, weighed
/// in halves: [`MAIN_WEIGHT`] for an arrow of the main path,
/// [`OUTCOME_WEIGHT`] for a rejection or another outcome (drawn dashed)
/// or an arrow closing a cycle (a resubmission after a rejection).
#[derive(Debug, Clone, Copy, Default)]
struct Joins {
    /// The weight of the forward arrows.
    forward: usize,
    /// How many forward arrows belong to the opening (see
    /// [`OPENING_RANKS`]).
    opening: usize,
    /// The weight of the arrows closing a cycle.
    back: usize,
}

/// The weight of an arrow of the main path, in halves.
const MAIN_WEIGHT: usize = 2;

/// The weight of a rejection, another outcome or an arrow closing a
/// cycle, in halves: half an arrow of the main path, which a trainer
/// follows first.
const OUTCOME_WEIGHT: usize = 1;

/// The arrows joining each pair of lanes (from, to) that differ.
type Weights = BTreeMap<(usize, usize), Joins>;

fn weights(lanes: &[usize], arrows: &[Arrow], ranks: &[usize]) -> Weights {
    let mut weights = Weights::new();
    for arrow in arrows {
        let (Some(&from), Some(&to)) = (lanes.get(arrow.from), lanes.get(arrow.to)) else {
            continue;
        };
        if from == to {
            continue;
        }
        let entry = weights.entry((from, to)).or_default();
        let weight = if arrow.secondary || arrow.back {
            OUTCOME_WEIGHT
        } else {
            MAIN_WEIGHT
        };
        if arrow.back {
            entry.back += weight;
        } else {
            entry.forward += weight;
            if ranks
                .get(arrow.from)
                .is_some_and(|&rank| rank < OPENING_RANKS)
            {
                entry.opening += 1;
            }
        }
    }
    weights
}

/// The cost of an order of the bands, compared first by `long_opening`,
/// then by `length`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Cost {
    /// The forward arrows of the opening (see [`OPENING_RANKS`]) across
    /// more than half of the lanes: a trainer who begins to read follows
    /// them across the whole picture (issue 18: manufacturing's first
    /// arrow crossed five of nine lanes).
    long_opening: usize,
    /// The sum over the arrows between two lanes of their length in lanes,
    /// plus [`AGAINST_COST`] for every forward arrow going back to an
    /// earlier lane (an arrow closing a cycle goes back by its nature and
    /// costs its length), each times its weight ([`Joins`]).
    length: usize,
}

/// The cost of drawing the bands in `order`.
fn cost(order: &[usize], groups: &[(Band, Vec<usize>)], weights: &Weights) -> Cost {
    let count: usize = groups.iter().map(|(_, members)| members.len()).sum();
    let mut position = vec![0usize; count];
    let mut next = 0;
    for &group in order {
        for &lane in &groups[group].1 {
            position[lane] = next;
            next += 1;
        }
    }
    let mut cost = Cost {
        long_opening: 0,
        length: 0,
    };
    for (&(from, to), joins) in weights {
        let (from, to) = (position[from], position[to]);
        let length = from.abs_diff(to);
        let against = if to < from { AGAINST_COST } else { 0 };
        cost.length += joins.forward * (length + against) + joins.back * length;
        if 2 * length > count.saturating_sub(1) {
            cost.long_opening += joins.opening;
        }
    }
    cost
}

/// The cheapest order of the bands with the first of `first` first: every
/// order tried when there are few bands ([`cheapest`]), else the local
/// search ([`improve`]); with its cost.
fn search(
    first: Vec<usize>,
    groups: &[(Band, Vec<usize>)],
    weights: &Weights,
) -> (Vec<usize>, Cost) {
    let orders = (1..first.len()).try_fold(1usize, |orders, count| orders.checked_mul(count));
    let lanes: usize = groups.iter().map(|(_, members)| members.len()).sum();
    let work = weights.len() + lanes;
    let exact = first.len() <= EXACT_MOST_BANDS
        && orders.is_some_and(|orders| orders.saturating_mul(work) <= EXACT_MOST_WORK);
    if exact {
        cheapest(first, groups, weights)
    } else {
        improve(first, groups, weights)
    }
}

/// The cheapest of all the orders of the bands that keep the first of
/// `first` first, with its cost; tried in lexicographic order of the
/// places in `first`, so on a tie the one nearest `first` is kept.
fn cheapest(
    first: Vec<usize>,
    groups: &[(Band, Vec<usize>)],
    weights: &Weights,
) -> (Vec<usize>, Cost) {
    let mut places: Vec<usize> = (1..first.len()).collect();
    let mut order = first.clone();
    let mut best = (first.clone(), cost(&first, groups, weights));
    while next_permutation(&mut places) {
        for (slot, &place) in order.iter_mut().skip(1).zip(&places) {
            *slot = first[place];
        }
        let cost = cost(&order, groups, weights);
        if cost < best.1 {
            best = (order.clone(), cost);
        }
    }
    best
}

/// Rearranges `items` into the next permutation in lexicographic order;
/// false after the last.
fn next_permutation(items: &mut [usize]) -> bool {
    let Some(pivot) = items.windows(2).rposition(|pair| pair[0] < pair[1]) else {
        return false;
    };
    let Some(swap) = items.iter().rposition(|&item| item > items[pivot]) else {
        return false;
    };
    items.swap(pivot, swap);
    items[pivot + 1..].reverse();
    true
}

/// `order` improved by moving one band at a time (never the first) to
/// another place after the first while that lowers the cost, at most
/// [`MOST_MOVES`] times; with its cost.
fn improve(
    mut order: Vec<usize>,
    groups: &[(Band, Vec<usize>)],
    weights: &Weights,
) -> (Vec<usize>, Cost) {
    let mut best = cost(&order, groups, weights);
    for _ in 0..MOST_MOVES {
        let Some((better, lower)) = first_better_move(&order, groups, weights, best) else {
            break;
        };
        order = better;
        best = lower;
    }
    (order, best)
}

/// The first move of one band (from the second place on) to another place
/// that costs less than `best`, with its cost.
fn first_better_move(
    order: &[usize],
    groups: &[(Band, Vec<usize>)],
    weights: &Weights,
    best: Cost,
) -> Option<(Vec<usize>, Cost)> {
    for from in 1..order.len() {
        for to in 1..order.len() {
            if from == to {
                continue;
            }
            let mut moved = order.to_vec();
            let band = moved.remove(from);
            moved.insert(to, band);
            let cost = cost(&moved, groups, weights);
            if cost < best {
                return Some((moved, cost));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_permutation_visits_every_order_once_in_lexicographic_order() {
        let mut items = vec![0, 1, 2, 3];
        let mut seen = vec![items.clone()];
        while next_permutation(&mut items) {
            seen.push(items.clone());
        }
        assert_eq!(seen.len(), 24, "4! orders");
        assert!(seen.windows(2).all(|pair| pair[0] < pair[1]), "in order");
        assert_eq!(seen.last(), Some(&vec![3, 2, 1, 0]));
    }
}
