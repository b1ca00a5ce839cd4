//! The order of a diagram's bands (a department with its roles, a role in
//! no department, the applicant's own people) across the flow, chosen so
//! the picture reads forward from its top-left corner: the band of the
//! start first, then the other bands in the order that makes the arrows
//! between lanes shortest, an arrow back to an earlier lane counting
//! double (see [`band_order`]). The lanes inside a band keep their
//! seniority order ([`super::parties::sort_lanes`]), from the top down or,
//! when the flow climbs the reporting lines, from the bottom up, the same
//! way in every band.

use std::collections::BTreeMap;

use super::Arrow;
use super::parties::Band;

/// How much more a forward arrow that goes back to an earlier lane
/// (leftwards top to bottom, upwards left to right) costs than one as
/// long going on: an arrow against the reading counts
/// `1 + AGAINST_EXTRA` times its length.
const AGAINST_EXTRA: usize = 1;

/// The most improving moves the search makes: each lowers the cost, so it
/// ends anyway; this bounds the time on a process of many bands.
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
/// 3. then one band at a time is moved to another place (never before the
///    start's) while that lowers the cost: the sum over the arrows between
///    two lanes of their length in lanes, a forward arrow going back to an
///    earlier lane counting `1 + AGAINST_EXTRA` times (an arrow closing a
///    cycle, a rejection, goes back by its nature and counts once);
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
    let weights = weights(lanes, arrows);
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
    let (seniors, seniors_cost) = improve(first.clone(), &groups, &weights);
    let (juniors, juniors_cost) = improve(first, &mirrored, &weights);
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

/// How many arrows join each pair of lanes (from, to) that differ: forward
/// ones and ones closing a cycle.
type Weights = BTreeMap<(usize, usize), (usize, usize)>;

fn weights(lanes: &[usize], arrows: &[Arrow]) -> Weights {
    let mut weights = Weights::new();
    for arrow in arrows {
        let (Some(&from), Some(&to)) = (lanes.get(arrow.from), lanes.get(arrow.to)) else {
            continue;
        };
        if from == to {
            continue;
        }
        let entry = weights.entry((from, to)).or_default();
        if arrow.back {
            entry.1 += 1;
        } else {
            entry.0 += 1;
        }
    }
    weights
}

/// The cost of drawing the bands in `order` (see [`band_order`]).
fn cost(order: &[usize], groups: &[(Band, Vec<usize>)], weights: &Weights) -> usize {
    let count = groups.iter().map(|(_, members)| members.len()).sum();
    let mut position = vec![0usize; count];
    let mut next = 0;
    for &group in order {
        for &lane in &groups[group].1 {
            position[lane] = next;
            next += 1;
        }
    }
    weights
        .iter()
        .map(|(&(from, to), &(forward, back))| {
            let (from, to) = (position[from], position[to]);
            let length = from.abs_diff(to);
            let against = if to < from { AGAINST_EXTRA * length } else { 0 };
            forward * (length + against) + back * length
        })
        .sum()
}

/// `order` improved by moving one band at a time (never the first) to
/// another place after the first while that lowers the cost, at most
/// [`MOST_MOVES`] times; with its cost.
fn improve(
    mut order: Vec<usize>,
    groups: &[(Band, Vec<usize>)],
    weights: &Weights,
) -> (Vec<usize>, usize) {
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
    best: usize,
) -> Option<(Vec<usize>, usize)> {
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
