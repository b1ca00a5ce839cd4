//! Rejection loops along the lane edges, for Graphviz: takes a routed
//! layout (after [`crate::emit::lanes::restack`] and `neato`'s routing,
//! every edge with its `pos`) and redraws each rejection between two
//! lanes (a dashed edge back to an earlier step, see
//! [`crate::emit::diagram::is_secondary`]) as right-angled segments in the
//! gaps between the lane bands, instead of the diagonal `dot` and `neato`
//! draw across the picture:
//!
//! 1. out of the rejecting box, across the flow, to the gap at the edge of
//!    its lane that faces the lane it goes back to;
//! 2. along that gap to a column where no box of the lanes between stands;
//! 3. across those lanes to the gap at the edge of the lane it goes back
//!    to;
//! 4. along that gap to the box it goes back to, and into it.
//!
//! Of all the ways out of its box, places to cross the lanes between and
//! ways into the other box, it takes the cheapest that stays clear: its
//! length, plus [`CROSSING_COST`] for each edge or earlier rejection it
//! crosses and [`CORNER_COST`] for each corner, never running alongside
//! an earlier rejection (two rejections drawn on one line).
//! A rejection whose path would pass through a box or a lane's title, or
//! whose two lanes touch (no gap), keeps the route it had. Each
//! rejection along a gap takes a track of its own in it, [`TRACK_SPACING`]
//! from the next ([`gap_widths`] tells how wide each gap must be for the
//! tracks it carries, so flowc's arrangement makes it that wide), and the
//! rejections arrive at their box side by side. Once all are routed, the
//! places where they arrive at one box, and then the tracks of each gap,
//! are handed out anew in the order with the fewest crossings between
//! them ([`untangle`]), each rejection is routed anew with the others in
//! place, and two that still cross arriving through one gap swap their
//! tracks there ([`swap_crossed_tracks`]). The columns across the lanes
//! between are tried a little apart from boxes and edges, and as close
//! as a rejection may run ([`crossing_columns`]); all the rejections are
//! routed both ways and the shorter result, counting
//! [`LONGEST_WAY_ROUND`] for each crossing between them, is kept. A
//! rejection between two
//! neighbouring lanes runs on one track of the gap between them. The label
//! goes to the middle of the longest run along the flow, where
//! [`crate::emit::labels::place`] then finds it a free place; the
//! rejections arriving together at one side of a box with one label share
//! it, as the built-in engine draws them: the outermost keeps it, just
//! beyond its arrival, the others lose theirs ([`shared_labels`]).

use std::collections::BTreeMap;

use graphviz_rust::dot_structures::{Attribute, Graph, Stmt};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use crate::emit::diagram::Direction;
use crate::emit::labels::outside_label_boxes;
use crate::emit::lanes::{
    RestackError, attribute, edge_ends, format_numbers, id_text, node_boxes, numbers, parse,
    set_attribute,
};

/// The prefix of a lane cluster's name.
const LANE_PREFIX: &str = "cluster_lane_";

/// The room kept between a rejection's path and a box it passes.
const CLEARANCE: f64 = 6.0;

/// How far apart rejections arriving at one box side are, along the flow.
const ARRIVAL_SPACING: f64 = 8.0;

/// The length of an arrowhead, in points: the path stops this short of
/// the box it enters, the arrowhead fills the rest.
const ARROW: f64 = 10.0;

/// How far apart, across the flow, two rejections run along one gap, and
/// how far the outer ones keep from the lanes beside it, in points.
pub(crate) const TRACK_SPACING: f64 = 8.0;

/// The narrowest gap between two lanes, in points: room for one track.
pub(crate) const NARROWEST_GAP: f64 = 2.0 * TRACK_SPACING;

/// How wide each gap between two neighbouring lanes must be for the
/// rejections between lanes to run on tracks of their own, by the index
/// of the lane before it: `rejections` gives each rejection's two lanes
/// (indices in order across the flow). A rejection takes a track in the
/// gap at its own lane's edge facing the other lane and one in the gap at
/// the other lane's edge facing it, one track when that is the same gap.
/// A gap with no track, or one, is [`NARROWEST_GAP`] wide; each further
/// track widens it by [`TRACK_SPACING`].
pub(crate) fn gap_widths(lanes: usize, rejections: &[(usize, usize)]) -> Vec<f64> {
    let mut tracks = vec![0_usize; lanes];
    for &(tail, head) in rejections {
        let (low, high) = (tail.min(head), tail.max(head));
        if low == high || high >= lanes {
            continue;
        }
        tracks[low] += 1;
        if high - 1 != low {
            tracks[high - 1] += 1;
        }
    }
    tracks
        .into_iter()
        .map(|count| NARROWEST_GAP.max(TRACK_SPACING * (count as f64 + 1.0)))
        .collect()
}

/// A point in flow coordinates: along the flow, across it.
type Point = (f64, f64);

/// The two axes of a drawing flowing in a direction.
#[derive(Debug, Clone, Copy)]
struct Axis {
    direction: Direction,
}

impl Axis {
    /// The Graphviz point of `(along, across)`.
    fn graph(self, (along, across): Point) -> (f64, f64) {
        match self.direction {
            Direction::LeftRight => (along, across),
            Direction::TopBottom => (across, along),
        }
    }

    /// A Graphviz box `[x1, y1, x2, y2]` as `[along1, across1, along2,
    /// across2]`.
    fn rect(self, [x1, y1, x2, y2]: [f64; 4]) -> [f64; 4] {
        match self.direction {
            Direction::LeftRight => [x1, y1, x2, y2],
            Direction::TopBottom => [y1, x1, y2, x2],
        }
    }
}

/// What the routing needs to know of the layout, in flow coordinates.
struct Scene {
    /// Every node's box, by name.
    boxes: BTreeMap<String, [f64; 4]>,
    /// Every lane's band, by lane index.
    lanes: BTreeMap<usize, [f64; 4]>,
    /// The lane of each node in a lane.
    lane_of: BTreeMap<String, usize>,
    /// The boxes of the lanes' titles and of the titles beside shapes
    /// (a parallel block's, beside its bar).
    titles: Vec<[f64; 4]>,
    /// The straight runs, along or across the flow, of the edges that are
    /// not rejections, which a rejection must not run alongside.
    runs: Vec<(Point, Point)>,
}

/// The layout `routed` with its rejections between lanes drawn along the
/// lane edges (see the module's comment).
pub fn route_rejections(routed: &str, direction: Direction) -> Result<String, RestackError> {
    let mut graph = parse(routed)?;
    let stmts = match &mut graph {
        Graph::Graph { stmts, .. } | Graph::DiGraph { stmts, .. } => stmts,
    };
    let axis = Axis { direction };
    let scene = scene(stmts, axis);
    // Routed with the roomy columns alone, and with the close ones too:
    // the close ones shorten some ways but, taken early, can leave a later
    // rejection no clear way at all, or crossing others. Each crossing
    // weighs as much as the longest way round that takes one out.
    let cost = |routes: &[Route]| {
        total_length(routes) + LONGEST_WAY_ROUND * rejection_crossings(routes) as f64
    };
    let routes = [false, true]
        .into_iter()
        .map(|close| route_all(&scene, stmts, close))
        .min_by(|a, b| b.len().cmp(&a.len()).then(cost(a).total_cmp(&cost(b))))
        .unwrap_or_default();
    let shared = shared_labels(stmts, &routes, axis);
    for (at, route) in routes.iter().enumerate() {
        if let Some(Stmt::Edge(edge)) = stmts.get_mut(route.stmt) {
            write_path(&mut edge.attributes, &route.path, axis);
            match shared.get(&at) {
                Some(Some(place)) => {
                    let place = axis.graph(*place);
                    set_attribute(
                        &mut edge.attributes,
                        "lp",
                        &format_numbers(&[place.0, place.1]),
                    );
                }
                Some(None) => edge
                    .attributes
                    .retain(|Attribute(key, _)| !matches!(id_text(key).as_str(), "label" | "lp")),
                None => {}
            }
        }
    }
    let mut dot = graph.print(&mut PrinterContext::default());
    dot.push('\n');
    Ok(dot)
}

/// The side of its box a rejection's path arrives at: whether its last
/// run goes across the flow (else along it), and whether towards greater
/// values.
fn arrival_side(path: &[Point]) -> Option<(bool, bool)> {
    let [.., before, last] = path else {
        return None;
    };
    let across = (last.0 - before.0).abs() < 0.5;
    let towards_greater = if across {
        last.1 > before.1
    } else {
        last.0 > before.0
    };
    Some((across, towards_greater))
}

/// The labels the rejections arriving together share, by route index:
/// of the routes with one label (its text and colour) arriving at one
/// side of one box, the outermost along that side keeps the label, placed
/// just beyond its arrival, away from the others (`Some(place)`); the
/// others lose theirs (`None`), as the built-in engine draws one label for
/// the rejections entering a box together. Routes arriving alone are
/// left out.
fn shared_labels(stmts: &[Stmt], routes: &[Route], axis: Axis) -> BTreeMap<usize, Option<Point>> {
    // By box, label text, label colour and side: each route's index and
    // its last two points.
    type Together<'a> = (&'a str, String, String, (bool, bool));
    let mut groups: BTreeMap<Together<'_>, Vec<(usize, Point, Point)>> = BTreeMap::new();
    for (at, route) in routes.iter().enumerate() {
        let Some(Stmt::Edge(edge)) = stmts.get(route.stmt) else {
            continue;
        };
        let (Some(text), Some(side), [.., before, last]) = (
            attribute(&edge.attributes, "label"),
            arrival_side(&route.path),
            route.path.as_slice(),
        ) else {
            continue;
        };
        let colour = attribute(&edge.attributes, "fontcolor").unwrap_or_default();
        groups
            .entry((route.ends.1.as_str(), text, colour, side))
            .or_default()
            .push((at, *before, *last));
    }
    let mut shared = BTreeMap::new();
    for ((_, text, _, (across, _)), arrivals) in groups {
        if arrivals.len() < 2 {
            continue;
        }
        // Along the side: the arrivals' place along the flow when they
        // come across it, across the flow when they come along it.
        let spread = |point: Point| if across { point.0 } else { point.1 };
        let middle = arrivals
            .iter()
            .map(|(_, _, last)| spread(*last))
            .sum::<f64>()
            / arrivals.len() as f64;
        let Some(&(outer, before, last)) = arrivals.iter().max_by(|a, b| {
            (spread(a.2) - middle)
                .abs()
                .total_cmp(&(spread(b.2) - middle).abs())
                .then(b.0.cmp(&a.0))
        }) else {
            continue;
        };
        let away = if spread(last) >= middle { 1.0 } else { -1.0 };
        let beyond = label_extent(
            &text,
            across == matches!(axis.direction, Direction::TopBottom),
        ) / 2.0
            + ARRIVAL_SPACING;
        let run_middle = ((before.0 + last.0) / 2.0, (before.1 + last.1) / 2.0);
        let place = if across {
            (last.0 + away * beyond, run_middle.1)
        } else {
            (run_middle.0, last.1 + away * beyond)
        };
        for &(at, _, _) in &arrivals {
            shared.insert(at, (at == outer).then_some(place));
        }
    }
    shared
}

/// How far a rejection's label reaches, in points, at the edge labels'
/// size: across its lines (`tall`) or along them.
fn label_extent(text: &str, tall: bool) -> f64 {
    let lines: Vec<&str> = text.split("\\n").collect();
    if tall {
        lines.len() as f64 * LABEL_SIZE * 1.2
    } else {
        lines
            .iter()
            .map(|line| crate::emit::labels::text_width(line) * LABEL_SIZE)
            .fold(0.0, f64::max)
    }
}

/// The size of an edge label's text, in points (the built-in layout's).
const LABEL_SIZE: f64 = 11.0;

/// Every rejection between lanes of `stmts` routed along the gaps, in
/// their order, then untangled ([`untangle`]); `close`: trying the
/// columns as close to boxes and edges as a rejection may run from the
/// first (see [`crossing_columns`]), not only once all are drawn.
fn route_all(scene: &Scene, stmts: &[Stmt], close: bool) -> Vec<Route> {
    let mut used = Used {
        close,
        ..Used::default()
    };
    let mut routes = Vec::new();
    for (at, stmt) in stmts.iter().enumerate() {
        let Stmt::Edge(edge) = stmt else {
            continue;
        };
        if !is_rejection(&edge.attributes) {
            continue;
        }
        let ends = edge_ends(&edge.ty);
        let [tail, head] = ends.as_slice() else {
            continue;
        };
        let Some((path, tracks)) = channel_path(scene, (tail, head), &mut used) else {
            continue;
        };
        routes.push(Route {
            stmt: at,
            ends: (tail.clone(), head.clone()),
            path,
            tracks,
        });
    }
    untangle(scene, &mut routes);
    routes
}

/// How long the routes' paths are, together.
fn total_length(routes: &[Route]) -> f64 {
    routes.iter().map(|route| path_length(&route.path)).sum()
}

/// A track a rejection runs on: its gap's key (see [`gap_key`]) and
/// where it lies across the flow.
type Track = ((i64, i64), f64);

/// A rejection routed along the gaps: its statement's index, its two
/// ends, its path, and the tracks it runs on (by gap key, where across).
#[derive(Clone)]
struct Route {
    stmt: usize,
    ends: (String, String),
    path: Vec<Point>,
    tracks: Vec<Track>,
}

/// What the rejections drawn so far take: tracks in each gap (by its two
/// edges, in hundredths of a point), arrivals at each box, columns
/// crossing the lanes, and their paths; and whether the next may cross
/// the lanes between as close to boxes and edges as it may run
/// ([`crossing_columns`]).
#[derive(Debug, Default)]
struct Used {
    gaps: BTreeMap<(i64, i64), usize>,
    arrivals: BTreeMap<String, usize>,
    columns: Vec<f64>,
    paths: Vec<Vec<Point>>,
    close: bool,
}

/// Whether an edge is a rejection: dashed and kept out of the ranking.
pub(crate) fn is_rejection(attributes: &[Attribute]) -> bool {
    attribute(attributes, "style").as_deref() == Some("dashed")
        && attribute(attributes, "constraint").as_deref() == Some("false")
}

/// The boxes, lanes and lane titles of a layout, in flow coordinates.
fn scene(stmts: &[Stmt], axis: Axis) -> Scene {
    let mut boxes = BTreeMap::new();
    node_boxes(stmts, &mut boxes);
    let boxes = boxes
        .into_iter()
        .map(|(name, bounds)| (name, axis.rect(bounds)))
        .collect();
    let mut scene = Scene {
        boxes,
        lanes: BTreeMap::new(),
        lane_of: BTreeMap::new(),
        titles: outside_label_boxes(stmts)
            .into_iter()
            .map(|bounds| axis.rect(bounds))
            .collect(),
        runs: Vec::new(),
    };
    edge_runs(stmts, axis, &mut scene.runs);
    for stmt in stmts {
        let Stmt::Subgraph(subgraph) = stmt else {
            continue;
        };
        let name = id_text(&subgraph.id);
        let Some(index) = name
            .strip_prefix(LANE_PREFIX)
            .and_then(|rest| rest.parse::<usize>().ok())
        else {
            continue;
        };
        for inner in &subgraph.stmts {
            match inner {
                Stmt::GAttribute(graphviz_rust::dot_structures::GraphAttributes::Graph(
                    attributes,
                )) => {
                    let value = |key| attribute(attributes, key);
                    if let Some(bb) = value("bb").and_then(|bb| numbers::<4>(&bb)) {
                        scene.lanes.insert(index, axis.rect(bb));
                    }
                    if let (Some([x, y]), Some([w]), Some([h])) = (
                        value("lp").and_then(|lp| numbers::<2>(&lp)),
                        value("lwidth").and_then(|w| numbers::<1>(&w)),
                        value("lheight").and_then(|h| numbers::<1>(&h)),
                    ) {
                        let (w, h) = (w * 36.0, h * 36.0);
                        scene.titles.push(axis.rect([x - w, y - h, x + w, y + h]));
                    }
                }
                Stmt::Node(node) => {
                    scene.lane_of.insert(id_text(&node.id.0), index);
                }
                _ => {}
            }
        }
    }
    scene
}

/// Adds the straight runs (along or across the flow) of the edges of
/// `stmts` that are not rejections, in subgraphs too, to `runs`: the
/// pieces of their `pos` between two control points in line.
fn edge_runs(stmts: &[Stmt], axis: Axis, runs: &mut Vec<(Point, Point)>) {
    for stmt in stmts {
        match stmt {
            Stmt::Edge(edge) if !is_rejection(&edge.attributes) => {
                let Some(pos) = attribute(&edge.attributes, "pos") else {
                    continue;
                };
                let controls: Vec<Point> = pos
                    .split_whitespace()
                    .filter(|point| !point.starts_with("e,") && !point.starts_with("s,"))
                    .filter_map(numbers::<2>)
                    .map(|[x, y]| {
                        let [along, across, _, _] = axis.rect([x, y, x, y]);
                        (along, across)
                    })
                    .collect();
                runs.extend(
                    controls
                        .windows(2)
                        .map(|pair| (pair[0], pair[1]))
                        .filter(|(a, b)| {
                            a != b && ((a.0 - b.0).abs() < 0.5 || (a.1 - b.1).abs() < 0.5)
                        }),
                );
            }
            Stmt::Subgraph(subgraph) => edge_runs(&subgraph.stmts, axis, runs),
            _ => {}
        }
    }
}

/// Whether two straight runs lie side by side, in line with each other
/// (both along or both across the flow), overlapping by more than a point
/// and less than `room` apart.
fn alongside((a, b): (Point, Point), (c, d): (Point, Point), room: f64) -> bool {
    let overlap =
        |low1: f64, high1: f64, low2: f64, high2: f64| high1.min(high2) - low1.max(low2) > 1.0;
    let flat = |p: Point, q: Point| (p.1 - q.1).abs() < 0.5;
    let upright = |p: Point, q: Point| (p.0 - q.0).abs() < 0.5;
    if flat(a, b) && flat(c, d) {
        (a.1 - c.1).abs() < room && overlap(a.0.min(b.0), a.0.max(b.0), c.0.min(d.0), c.0.max(d.0))
    } else if upright(a, b) && upright(c, d) {
        (a.0 - c.0).abs() < room && overlap(a.1.min(b.1), a.1.max(b.1), c.1.min(d.1), c.1.max(d.1))
    } else {
        false
    }
}

/// The gap at the edge of `lane` facing the side `upward` (towards
/// greater across), as `(its near edge, its far edge)`: up to the next
/// lane on that side, or [`CLEARANCE`] times three beyond the lane when
/// none is there. None when the next lane touches it.
fn gap(scene: &Scene, lane: usize, upward: bool) -> Option<(f64, f64)> {
    let band = scene.lanes.get(&lane)?;
    let edge = if upward { band[3] } else { band[1] };
    let next = scene
        .lanes
        .values()
        .filter(|other| {
            if upward {
                other[1] >= edge
            } else {
                other[3] <= edge
            }
        })
        .map(|other| if upward { other[1] } else { other[3] })
        .min_by(|a, b| (a - edge).abs().total_cmp(&(b - edge).abs()));
    let far = next.unwrap_or(if upward {
        edge + 3.0 * CLEARANCE
    } else {
        edge - 3.0 * CLEARANCE
    });
    ((far - edge).abs() >= 2.0).then_some((edge, far))
}

/// The key of a gap in [`Used`]: its two edges, lower first, in
/// hundredths of a point.
fn gap_key((near, far): (f64, f64)) -> (i64, i64) {
    let hundredths = |value: f64| (value * 100.0).round() as i64;
    (hundredths(near.min(far)), hundredths(near.max(far)))
}

/// A place across the gap `(near, far)` for the `slot`-th rejection along
/// it: tracks [`TRACK_SPACING`] apart from its lower edge while they fit
/// (the first in the middle of a narrowest gap); beyond, the next ones
/// spread nearer each edge in turn (a gap not widened for its tracks, as in
/// a diagram of changes).
fn in_gap((near, far): (f64, f64), slot: usize) -> f64 {
    let (low, high) = (near.min(far), near.max(far));
    let track = low + TRACK_SPACING * (slot as f64 + 1.0);
    if track <= high - TRACK_SPACING + 0.01 {
        return track;
    }
    let middle = (near + far) / 2.0;
    let step = (far - near) / 6.0;
    let offset = match slot % 5 {
        0 => 0.0,
        1 => step,
        2 => -step,
        3 => 2.0 * step,
        _ => -2.0 * step,
    };
    middle + offset
}

/// The right-angled path of a rejection from `tail` back to `head`, in
/// flow coordinates, or None when it cannot be drawn clear of every box
/// and lane title (or the two are in one lane).
/// Also gives the tracks it takes, by gap key and where across.
fn channel_path(
    scene: &Scene,
    (tail, head): (&str, &str),
    used: &mut Used,
) -> Option<(Vec<Point>, Vec<Track>)> {
    let (from_lane, to_lane) = (*scene.lane_of.get(tail)?, *scene.lane_of.get(head)?);
    if from_lane == to_lane {
        return None;
    }
    let (from_band, to_band) = (scene.lanes.get(&from_lane)?, scene.lanes.get(&to_lane)?);
    // Whether the lane it goes back to lies towards greater across.
    let upward = to_band[1] >= from_band[3];
    if !upward && to_band[3] > from_band[1] {
        return None;
    }
    let out_gap = gap(scene, from_lane, upward)?;
    let in_gap_edges = gap(scene, to_lane, !upward)?;
    let (out_key, in_key) = (gap_key(out_gap), gap_key(in_gap_edges));
    let out_slot = *used.gaps.get(&out_key).unwrap_or(&0);
    let in_slot = *used.gaps.get(&in_key).unwrap_or(&0);
    let out_across = in_gap(out_gap, out_slot);
    // Between neighbouring lanes: one track.
    let in_across = if in_key == out_key {
        out_across
    } else {
        in_gap(in_gap_edges, in_slot)
    };
    let arrival = *used.arrivals.get(head).unwrap_or(&0) as f64;
    let (_, path) = cheapest_path(
        scene,
        (tail, head),
        (out_across, in_across),
        arrival,
        (used, CROSSING_COST),
    )?;
    let mut tracks = vec![(out_key, out_across)];
    *used.gaps.entry(out_key).or_insert(0) += 1;
    if in_key != out_key {
        *used.gaps.entry(in_key).or_insert(0) += 1;
        tracks.push((in_key, in_across));
    }
    *used.arrivals.entry(head.to_string()).or_insert(0) += 1;
    used.columns.extend(
        path.windows(2)
            .filter(|pair| pair[0].0 == pair[1].0)
            .map(|pair| pair[0].0),
    );
    used.paths.push(path.clone());
    Some((path, tracks))
}

/// The cheapest clear path of the rejection from `tail` back to `head`
/// on the tracks `out_across` (in the gap at its own lane) and
/// `in_across` (at the other's), the `arrival`-th to arrive at `head`:
/// of all its ways out, columns across the lanes between and ways in, the
/// one of the lowest [`crossings_cost`] and length, with
/// [`CORNER_COST`] for each corner, never alongside a path of `used` and
/// clear of the boxes ([`clear`]), with its cost. `rejection_cost` is
/// what crossing a path of `used` costs.
fn cheapest_path(
    scene: &Scene,
    (tail, head): (&str, &str),
    (out_across, in_across): (f64, f64),
    arrival: f64,
    (used, rejection_cost): (&Used, f64),
) -> Option<(f64, Vec<Point>)> {
    let (from_lane, to_lane) = (*scene.lane_of.get(tail)?, *scene.lane_of.get(head)?);
    let (from, to) = (scene.boxes.get(tail)?, scene.boxes.get(head)?);
    let (from_band, to_band) = (scene.lanes.get(&from_lane)?, scene.lanes.get(&to_lane)?);
    let upward = to_band[1] >= from_band[3];
    let leaves = leaving(from, (upward, out_across));
    let enters = entering(to, (upward, in_across), arrival);
    // Beside the columns other rejections take too, for a way round them.
    let beside_taken = used.columns.iter().flat_map(|&taken| {
        [1.0, 2.0].into_iter().flat_map(move |steps| {
            [
                taken - steps * ARRIVAL_SPACING,
                taken + steps * ARRIVAL_SPACING,
            ]
        })
    });
    let mut seen = std::collections::BTreeSet::new();
    let columns: Vec<f64> = crossing_columns(
        scene,
        (from_band, to_band),
        (upward, used.close),
        (from, to),
    )
    .into_iter()
    .chain(beside_taken)
    .filter(|column| {
        used.columns
            .iter()
            .all(|taken| (taken - column).abs() >= ARRIVAL_SPACING)
    })
    // Each place once (several boxes and taken columns name the same).
    .filter(|column| seen.insert(column.to_bits()))
    .collect();
    // No column a hair beside the ways out and in: a jog too short to
    // see reads as a crooked line.
    let jog = |at: Option<&Point>, column: f64| {
        at.is_some_and(|point| point.0 != column && (point.0 - column).abs() < SHORTEST_JOG)
    };
    let mut candidates: Vec<(f64, Vec<Point>)> = Vec::new();
    for enter in &enters {
        for leave in &leaves {
            for &column in &columns {
                if jog(leave.last(), column) || jog(enter.first(), column) {
                    continue;
                }
                let mut path = leave.clone();
                path.push((column, out_across));
                path.push((column, in_across));
                path.extend_from_slice(enter);
                let path = simplify(path);
                candidates.push((path_length(&path), path));
            }
        }
    }
    // The shortest first; of two as long, the one tried first before.
    candidates.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut best: Option<(f64, Vec<Point>)> = None;
    for (length, path) in candidates {
        if best.as_ref().is_some_and(|(cost, _)| length >= *cost) {
            break;
        }
        let corners = CORNER_COST * path.len().saturating_sub(2) as f64;
        if best
            .as_ref()
            .is_some_and(|(lowest, _)| length + corners >= *lowest)
        {
            continue;
        }
        let beside_a_rejection = path.windows(2).any(|pair| {
            used.paths.iter().any(|other| {
                other
                    .windows(2)
                    .any(|run| alongside((pair[0], pair[1]), (run[0], run[1]), TRACK_SPACING / 2.0))
            })
        });
        if beside_a_rejection || !clear(scene, &path, (tail, head)) {
            continue;
        }
        let cost = length + corners + crossings_cost(&path, scene, used, rejection_cost);
        if best.as_ref().is_none_or(|(lowest, _)| cost < *lowest) {
            best = Some((cost, path));
        }
    }
    best
}

/// What a crossing of another edge costs a rejection's route, in points
/// of length: a longer way round is taken when it crosses fewer edges.
const CROSSING_COST: f64 = 40.0;

/// The shortest run, in points, between two corners of a rejection.
const SHORTEST_JOG: f64 = 4.0;

/// What a corner costs a rejection's route, in points of length.
const CORNER_COST: f64 = 8.0;

/// What `path`'s crossings cost: [`CROSSING_COST`] for each straight run
/// of the other edges it crosses at right angles, away from their ends,
/// and `rejection_cost` for each run of a rejection routed before it.
fn crossings_cost(path: &[Point], scene: &Scene, used: &Used, rejection_cost: f64) -> f64 {
    let crossed = |run: (Point, Point)| {
        path.windows(2)
            .filter(|pair| crosses((pair[0], pair[1]), run))
            .count() as f64
    };
    let edges: f64 = scene.runs.iter().map(|&run| crossed(run)).sum();
    let rejections: f64 = used
        .paths
        .iter()
        .flat_map(|other| other.windows(2).map(|run| (run[0], run[1])))
        .map(crossed)
        .sum();
    CROSSING_COST * edges + rejection_cost * rejections
}

/// Whether two straight runs, one along the flow and one across it,
/// cross inside both.
fn crosses((a, b): (Point, Point), (c, d): (Point, Point)) -> bool {
    let strictly = |value: f64, p: f64, q: f64| p.min(q) + 0.5 < value && value < p.max(q) - 0.5;
    let flat = |p: Point, q: Point| (p.1 - q.1).abs() < 0.5 && (p.0 - q.0).abs() >= 0.5;
    let upright = |p: Point, q: Point| (p.0 - q.0).abs() < 0.5 && (p.1 - q.1).abs() >= 0.5;
    if flat(a, b) && upright(c, d) {
        strictly(c.0, a.0, b.0) && strictly(a.1, c.1, d.1)
    } else if upright(a, b) && flat(c, d) {
        strictly(a.0, c.0, d.0) && strictly(c.1, a.1, b.1)
    } else {
        false
    }
}

/// The most rejections on one gap's tracks whose order
/// [`reorder_gap`] tries every way (7! orders).
const MOST_ORDERED: usize = 7;

/// Hands the tracks of each gap out anew among the rejections running on
/// them, in the order with the fewest crossings between them (the first
/// such order, the one they came in when it has no more): a rejection
/// turning off its track towards one side of the gap crosses every run
/// further that way whose span along the flow holds the turn.
fn untangle(scene: &Scene, routes: &mut [Route]) {
    let mut gaps: BTreeMap<(i64, i64), Vec<(usize, f64)>> = BTreeMap::new();
    for (at, route) in routes.iter().enumerate() {
        for &(key, across) in &route.tracks {
            gaps.entry(key).or_default().push((at, across));
        }
    }
    for members in gaps.values() {
        reorder_arrivals(scene, routes, members);
        reorder_gap(scene, routes, members);
    }
    reroute_crossed(scene, routes);
    swap_crossed_tracks(scene, routes);
}

/// The most rounds of [`reroute_crossed`]: each lowers the crossings or
/// the length, so it ends anyway; this bounds the time on a process of
/// many rejections.
const MOST_REROUTING_ROUNDS: usize = 8;

/// How much longer, in points, a rejection routed anew by
/// [`reroute_crossed`] may be for each crossing it takes out.
const LONGEST_WAY_ROUND: f64 = 200.0;

/// What crossing another rejection costs a rejection routed anew by
/// [`reroute_crossed`]: more than any way round.
const REROUTED_CROSSING_COST: f64 = 10_000.0;

/// Takes out the crossings between rejections that the orders of
/// [`untangle`] leave (two whose columns or arrivals nest, so no order of
/// the tracks helps), and the detours a rejection took round columns
/// others took first: each rejection in turn is routed anew on its own
/// tracks with the others where they are, crossing them only where no
/// clear way avoids it; the new route is kept when the rejections then
/// cross each other less often (for at most [`LONGEST_WAY_ROUND`] more
/// length per crossing), or as often along a shorter way.
fn reroute_crossed(scene: &Scene, routes: &mut [Route]) {
    let mut count = rejection_crossings(routes);
    for _ in 0..MOST_REROUTING_ROUNDS {
        let mut improved = false;
        for at in 0..routes.len() {
            if !crossed_or_round(routes, at) {
                continue;
            }
            let Some(path) = rerouted(scene, routes, at, REROUTED_CROSSING_COST) else {
                continue;
            };
            let longer = path_length(&path) - path_length(&routes[at].path);
            let kept = std::mem::replace(&mut routes[at].path, path);
            let now = rejection_crossings(routes);
            let fewer = now < count && longer <= LONGEST_WAY_ROUND * (count - now) as f64;
            let shorter = now <= count && longer < -1.0;
            if fewer || shorter {
                count = now;
                improved = true;
            } else {
                routes[at].path = kept;
            }
        }
        if !improved {
            return;
        }
    }
}

/// Takes out the crossings of two rejections arriving through one gap
/// that neither routed anew alone avoids (one turning onto its track
/// inside the other's run, and the other arriving inside its run): the
/// two swap their tracks in that gap and are routed anew, the first with
/// the second out of the way, then the second with the first in its new
/// place; kept when the rejections then cross each other less often, for
/// at most [`LONGEST_WAY_ROUND`] more length per crossing.
fn swap_crossed_tracks(scene: &Scene, routes: &mut [Route]) {
    let mut count = rejection_crossings(routes);
    for first in 0..routes.len() {
        for second in first + 1..routes.len() {
            if count == 0 {
                return;
            }
            let (Some(&(gap_first, track_first)), Some(&(gap_second, track_second))) =
                (routes[first].tracks.last(), routes[second].tracks.last())
            else {
                continue;
            };
            if gap_first != gap_second || !cross(&routes[first], &routes[second]) {
                continue;
            }
            let kept = (routes[first].clone(), routes[second].clone());
            let length = path_length(&kept.0.path) + path_length(&kept.1.path);
            set_last_track(&mut routes[first], track_second);
            set_last_track(&mut routes[second], track_first);
            routes[second].path.clear();
            let swapped = rerouted(scene, routes, first, CROSSING_COST).and_then(|path| {
                routes[first].path = path;
                rerouted(scene, routes, second, CROSSING_COST)
            });
            let better = swapped.is_some_and(|path| {
                routes[second].path = path;
                let now = rejection_crossings(routes);
                let longer =
                    path_length(&routes[first].path) + path_length(&routes[second].path) - length;
                let fewer = now < count && longer <= LONGEST_WAY_ROUND * (count - now) as f64;
                if fewer {
                    count = now;
                }
                fewer
            });
            if !better {
                (routes[first], routes[second]) = kept;
            }
        }
    }
}

/// Moves a route's last track (in the gap at the lane it goes back to)
/// to `across`.
fn set_last_track(route: &mut Route, across: f64) {
    if let Some(last) = route.tracks.last_mut() {
        last.1 = across;
    }
}

/// Whether two routes cross each other.
fn cross(a: &Route, b: &Route) -> bool {
    a.path.windows(2).any(|pair| {
        b.path
            .windows(2)
            .any(|run| crosses((pair[0], pair[1]), (run[0], run[1])))
    })
}

/// Whether the route `at` crosses another or is longer than the
/// shortest right-angled way between its ends: only such a route may
/// gain by being routed anew.
fn crossed_or_round(routes: &[Route], at: usize) -> bool {
    let path = &routes[at].path;
    let (Some(first), Some(last)) = (path.first(), path.last()) else {
        return false;
    };
    let shortest = (last.0 - first.0).abs() + (last.1 - first.1).abs();
    let crossed = routes
        .iter()
        .enumerate()
        .any(|(other, route)| other != at && cross(&routes[at], route));
    crossed || path_length(path) > shortest + 1.0
}

/// The route `at` of `routes` drawn anew on its own tracks, with the
/// other routes where they are (see [`reroute_crossed`]).
fn rerouted(scene: &Scene, routes: &[Route], at: usize, rejection_cost: f64) -> Option<Vec<Point>> {
    let route = &routes[at];
    let others = || {
        routes
            .iter()
            .enumerate()
            .filter(move |&(other, _)| other != at)
    };
    let used = Used {
        columns: others()
            .flat_map(|(_, other)| {
                other
                    .path
                    .windows(2)
                    .filter(|pair| pair[0].0 == pair[1].0)
                    .map(|pair| pair[0].0)
            })
            .collect(),
        paths: others().map(|(_, other)| other.path.clone()).collect(),
        close: true,
        ..Used::default()
    };
    let out_across = route.tracks.first()?.1;
    let in_across = route.tracks.last()?.1;
    let arriving = others()
        .filter(|(_, other)| other.ends.1 == route.ends.1)
        .count();
    // Each place among the others arriving at its box.
    (0..=arriving)
        .filter_map(|arrival| {
            cheapest_path(
                scene,
                ends(route),
                (out_across, in_across),
                arrival as f64,
                (&used, rejection_cost),
            )
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, path)| path)
}

/// A route's two ends, as [`clear`] takes them.
fn ends(route: &Route) -> (&str, &str) {
    (route.ends.0.as_str(), route.ends.1.as_str())
}

/// How often the rejections' paths cross each other.
fn rejection_crossings(routes: &[Route]) -> usize {
    let mut count = 0;
    for (at, route) in routes.iter().enumerate() {
        for other in &routes[at + 1..] {
            for pair in route.path.windows(2) {
                count += other
                    .path
                    .windows(2)
                    .filter(|run| crosses((pair[0], pair[1]), (run[0], run[1])))
                    .count();
            }
        }
    }
    count
}

/// Hands the places where the rejections of one gap arrive at a box
/// (across the flow, from their tracks) out anew among those arriving at
/// it: in the order of where they turn onto their tracks (from the
/// lanes between), so that no run lies within another's span and their
/// tracks can be ordered without crossing. Keeps them as they are when a
/// moved path would not stay clear.
fn reorder_arrivals(scene: &Scene, routes: &mut [Route], members: &[(usize, f64)]) {
    // Each arriving rejection by its box: its route, its turn onto the
    // track and where it arrives, along the flow.
    let mut boxes: BTreeMap<&str, Vec<(usize, f64, f64)>> = BTreeMap::new();
    for &(at, track) in members {
        let route = &routes[at];
        let path = &route.path;
        let Some(run) = run_on(path, track) else {
            continue;
        };
        let arrives = run.last + 2 == path.len() && path[run.last].0 == path[run.last + 1].0;
        if arrives {
            let turn = path[run.first].0;
            boxes
                .entry(route.ends.1.as_str())
                .or_default()
                .push((at, turn, path[run.last].0));
        }
    }
    let mut moved = Vec::new();
    for arriving in boxes.values().filter(|arriving| arriving.len() > 1) {
        let mut places: Vec<f64> = arriving.iter().map(|&(_, _, place)| place).collect();
        places.sort_by(f64::total_cmp);
        let mut by_turn = arriving.clone();
        by_turn.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.2.total_cmp(&b.2)));
        for (&(at, turn, _), &place) in by_turn.iter().zip(&places) {
            let mut path = routes[at].path.clone();
            let last = path.len() - 1;
            path[last].0 = place;
            path[last - 1].0 = place;
            if (place - turn).abs() < 1.0 {
                return;
            }
            moved.push((at, path));
        }
    }
    let all_clear = moved.iter().all(|(at, path)| {
        let (tail, head) = &routes[*at].ends;
        clear(scene, path, (tail, head))
    });
    if all_clear {
        for (at, path) in moved {
            routes[at].path = path;
        }
    }
}

/// A rejection's run along a gap: the indices of its first and last
/// points on its track, and its two turns off it: where along the flow,
/// and whether towards greater across.
struct Run {
    first: usize,
    last: usize,
    turns: [(f64, bool); 2],
}

impl Run {
    /// Where the run begins and ends along the flow, lower first.
    fn span(&self) -> (f64, f64) {
        let [(a, _), (b, _)] = self.turns;
        (a.min(b), a.max(b))
    }
}

/// The run of `path` on the track at `track` across the flow, None when
/// it has no run there between two turns.
fn run_on(path: &[Point], track: f64) -> Option<Run> {
    let on: Vec<usize> = (0..path.len()).filter(|&at| path[at].1 == track).collect();
    let (&first, &last) = (on.first()?, on.last()?);
    let whole = last - first + 1 == on.len();
    if !whole || first == 0 || first == last || last + 1 >= path.len() {
        return None;
    }
    let turn = |at: usize, beyond: usize| (path[at].0, path[beyond].1 > track);
    Some(Run {
        first,
        last,
        turns: [turn(first, first - 1), turn(last, last + 1)],
    })
}

/// How often the runs cross each other with the run `i` on `tracks[i]`.
fn crossings(runs: &[Run], tracks: &[f64]) -> usize {
    let mut count = 0;
    for (a, run) in runs.iter().enumerate() {
        for (b, other) in runs.iter().enumerate().filter(|&(b, _)| b != a) {
            let (low, high) = other.span();
            count += run
                .turns
                .iter()
                .filter(|&&(along, upward)| {
                    let beyond = if upward {
                        tracks[b] > tracks[a]
                    } else {
                        tracks[b] < tracks[a]
                    };
                    low + 0.5 < along && along < high - 0.5 && beyond
                })
                .count();
        }
    }
    count
}

/// The next order of `order` in lexicographic order, in place; false
/// after the last.
fn next_order(order: &mut [usize]) -> bool {
    let Some(pivot) = (1..order.len()).rev().find(|&at| order[at - 1] < order[at]) else {
        return false;
    };
    let Some(swap) = (pivot..order.len())
        .rev()
        .find(|&at| order[at] > order[pivot - 1])
    else {
        return false;
    };
    order.swap(pivot - 1, swap);
    order[pivot..].reverse();
    true
}

/// Hands the tracks of one gap out anew among its `members` (each a
/// route's index and its track), see [`untangle`]; keeps them as they are
/// when a moved path would not stay clear.
fn reorder_gap(scene: &Scene, routes: &mut [Route], members: &[(usize, f64)]) {
    let runs: Option<Vec<Run>> = members
        .iter()
        .map(|&(at, track)| run_on(&routes[at].path, track))
        .collect();
    let Some(runs) = runs else {
        return;
    };
    if runs.len() < 2 || runs.len() > MOST_ORDERED {
        return;
    }
    let tracks: Vec<f64> = members.iter().map(|&(_, track)| track).collect();
    let mut order: Vec<usize> = (0..runs.len()).collect();
    let (mut fewest, mut best) = (crossings(&runs, &tracks), order.clone());
    while fewest > 0 && next_order(&mut order) {
        let assigned: Vec<f64> = order.iter().map(|&from| tracks[from]).collect();
        let count = crossings(&runs, &assigned);
        if count < fewest {
            (fewest, best) = (count, order.clone());
        }
    }
    let moved: Vec<Vec<Point>> = members
        .iter()
        .zip(&runs)
        .zip(&best)
        .map(|((&(at, _), run), &from)| {
            let mut path = routes[at].path.clone();
            for point in &mut path[run.first..=run.last] {
                point.1 = tracks[from];
            }
            path
        })
        .collect();
    let all_clear = moved.iter().zip(members).all(|(path, &(at, _))| {
        let (tail, head) = &routes[at].ends;
        clear(scene, path, (tail, head))
    });
    if all_clear {
        for (path, &(at, _)) in moved.into_iter().zip(members) {
            routes[at].path = path;
        }
    }
}

/// The ways a rejection may leave its box `from` for the gap at
/// `out_across` (towards greater across when `upward`): across the flow
/// from its middle or nearer either end, or out of either end along the
/// flow and then across, beside the box (farther and farther from it).
fn leaving(from: &[f64; 4], (upward, out_across): (bool, f64)) -> Vec<Vec<Point>> {
    let side = if upward { from[3] } else { from[1] };
    let middle = (from[0] + from[2]) / 2.0;
    let quarter = (from[2] - from[0]) / 4.0;
    let mut ways: Vec<Vec<Point>> = [middle, middle - quarter, middle + quarter]
        .iter()
        .map(|&along| vec![(along, side), (along, out_across)])
        .collect();
    let centre = (from[1] + from[3]) / 2.0;
    // Off the centre, towards the gap first: clear of an edge entering or
    // leaving the end at its centre.
    let towards = if upward { 1.0 } else { -1.0 };
    let quarter_height = (from[3] - from[1]) / 4.0;
    for across in [centre, centre + towards * quarter_height] {
        for step in 0..4 {
            for (end, away) in [(from[0], -1.0), (from[2], 1.0)] {
                let beside = end + away * (2.0 * CLEARANCE + ARRIVAL_SPACING * f64::from(step));
                ways.push(vec![(end, across), (beside, across), (beside, out_across)]);
            }
        }
    }
    ways
}

/// The ways a rejection may enter its box `to` from the gap at
/// `in_across` (the box lies towards smaller across when `upward`), the
/// `arrival`-th to arrive there: across the flow beside its middle or
/// near either end, or along the flow into either end.
fn entering(to: &[f64; 4], (upward, in_across): (bool, f64), arrival: f64) -> Vec<Vec<Point>> {
    let arrow_end = if upward { to[1] - ARROW } else { to[3] + ARROW };
    let middle = (to[0] + to[2]) / 2.0;
    let mut ways: Vec<Vec<Point>> = [
        middle + ARRIVAL_SPACING * (arrival + 1.0),
        to[2] - CLEARANCE - ARRIVAL_SPACING * arrival,
        to[0] + CLEARANCE + ARRIVAL_SPACING * arrival,
    ]
    .iter()
    .map(|along| along.clamp(to[0] + CLEARANCE, to[2] - CLEARANCE))
    .map(|along| vec![(along, in_across), (along, arrow_end)])
    .collect();
    let centre = (to[1] + to[3]) / 2.0 + ARRIVAL_SPACING / 2.0 * arrival;
    for (end, away) in [(to[0], -1.0), (to[2], 1.0)] {
        let beside = end + away * (2.0 * CLEARANCE + ARRIVAL_SPACING * arrival);
        ways.push(vec![
            (beside, in_across),
            (beside, centre),
            (end + away * ARROW, centre),
        ]);
    }
    ways
}

/// The places along the flow where a rejection may cross the lanes
/// between its two, nearest the middle of its two boxes first: beside
/// every box of those lanes, at the middle itself and a few steps of
/// twice [`ARRIVAL_SPACING`] either side of it; when `close`, also as
/// close to those boxes and to the edges crossing those lanes as a
/// rejection may run (where two boxes close together leave room for a
/// column or two only there).
fn crossing_columns(
    scene: &Scene,
    (from_band, to_band): (&[f64; 4], &[f64; 4]),
    (upward, close): (bool, bool),
    (from, to): (&[f64; 4], &[f64; 4]),
) -> Vec<f64> {
    let (low, high) = if upward {
        (from_band[3], to_band[1])
    } else {
        (to_band[3], from_band[1])
    };
    let target = ((from[0] + from[2]) / 2.0 + (to[0] + to[2]) / 2.0) / 2.0;
    let mut columns = vec![target, (from[0] + from[2]) / 2.0];
    // Beside the middle, for when other rejections took it.
    for step in 1..=4 {
        let away = 2.0 * ARRIVAL_SPACING * f64::from(step);
        columns.extend([target - away, target + away]);
    }
    for bounds in scene.boxes.values() {
        if bounds[3] >= low && bounds[1] <= high {
            if close {
                columns.extend([bounds[0] - CLEARANCE, bounds[2] + CLEARANCE]);
            }
            for step in 0..3 {
                let away = CLEARANCE * 2.0 + ARRIVAL_SPACING * f64::from(step);
                columns.push(bounds[0] - away);
                columns.push(bounds[2] + away);
            }
        }
    }
    // Beside the edges crossing those lanes, as close as a rejection may
    // run to them.
    let crossing = scene.runs.iter().filter(|(a, b)| {
        close && (a.0 - b.0).abs() < 0.5 && a.1.max(b.1) >= low && a.1.min(b.1) <= high
    });
    for &(a, _) in crossing {
        columns.extend([a.0 - TRACK_SPACING / 2.0, a.0 + TRACK_SPACING / 2.0]);
    }
    columns.sort_by(|a, b| (a - target).abs().total_cmp(&(b - target).abs()));
    columns
}

/// Whether a path keeps [`CLEARANCE`] from every box but its own ends'
/// and from every lane title, and runs along the flow only outside the
/// lanes (but for its first and last segments).
fn clear(scene: &Scene, path: &[Point], (tail, head): (&str, &str)) -> bool {
    let mut obstacles = scene
        .boxes
        .iter()
        .filter(|(name, _)| name.as_str() != tail && name.as_str() != head)
        .map(|(_, bounds)| *bounds)
        .chain(scene.titles.iter().copied());
    let own = [scene.boxes.get(tail), scene.boxes.get(head)];
    let segments: Vec<(Point, Point)> = path.windows(2).map(|pair| (pair[0], pair[1])).collect();
    let inner = &segments[1..segments.len().saturating_sub(1)];
    let mut blocked = || {
        obstacles.any(|bounds| {
            segments
                .iter()
                .any(|&(a, b)| touches(bounds, a, b, CLEARANCE))
        })
    };
    // Only the first and last segments may touch the path's own boxes.
    let through_own = || {
        own.iter()
            .flatten()
            .any(|bounds| inner.iter().any(|&(a, b)| touches(**bounds, a, b, 0.0)))
    };
    // A run along the flow stays out of every lane (in the gaps).
    let through_lane = || {
        inner.iter().filter(|(a, b)| a.1 == b.1).any(|&(a, b)| {
            scene.lanes.values().any(|&[x1, y1, x2, y2]| {
                touches([x1 + 1.0, y1 + 1.0, x2 - 1.0, y2 - 1.0], a, b, 0.0)
            })
        })
    };
    // No run alongside another edge's, where the two could not be told
    // apart.
    let beside_an_edge = || {
        segments.iter().any(|&segment| {
            scene
                .runs
                .iter()
                .any(|&run| alongside(segment, run, TRACK_SPACING / 2.0))
        })
    };
    !through_own() && !through_lane() && !blocked() && !beside_an_edge()
}

/// Whether the axis-parallel segment `a`-`b` comes within `room` of the
/// box.
fn touches([x1, y1, x2, y2]: [f64; 4], a: Point, b: Point, room: f64) -> bool {
    let (low_x, high_x) = (a.0.min(b.0), a.0.max(b.0));
    let (low_y, high_y) = (a.1.min(b.1), a.1.max(b.1));
    low_x < x2 + room && high_x > x1 - room && low_y < y2 + room && high_y > y1 - room
}

/// The length of a right-angled path.
fn path_length(path: &[Point]) -> f64 {
    path.windows(2)
        .map(|pair| (pair[1].0 - pair[0].0).abs() + (pair[1].1 - pair[0].1).abs())
        .sum()
}

/// The path without points that add no corner.
fn simplify(path: Vec<Point>) -> Vec<Point> {
    let mut kept: Vec<Point> = Vec::new();
    for point in path {
        if kept.last() == Some(&point) {
            continue;
        }
        if kept.len() >= 2 {
            let (a, b) = (kept[kept.len() - 2], kept[kept.len() - 1]);
            let straight = (a.0 == b.0 && b.0 == point.0) || (a.1 == b.1 && b.1 == point.1);
            if straight {
                kept.pop();
            }
        }
        kept.push(point);
    }
    kept
}

/// Writes `path` as the edge's `pos` (each straight run a Bézier segment
/// with its control points on it, the arrowhead from its last point to
/// the box), its label at the middle of its longest run along the flow.
fn write_path(attributes: &mut [Attribute], path: &[Point], axis: Axis) {
    let Some((&last, rest)) = path.split_last() else {
        return;
    };
    let Some(&before) = rest.last() else {
        return;
    };
    // The arrowhead's tip: ARROW beyond the last point, on the line in.
    let (dx, dy) = (last.0 - before.0, last.1 - before.1);
    let length = dx.hypot(dy).max(1.0);
    let tip = axis.graph((last.0 + dx / length * ARROW, last.1 + dy / length * ARROW));
    let mut points = vec![axis.graph(path[0])];
    for pair in path.windows(2) {
        let (a, b) = (axis.graph(pair[0]), axis.graph(pair[1]));
        let third = ((b.0 - a.0) / 3.0, (b.1 - a.1) / 3.0);
        points.push((a.0 + third.0, a.1 + third.1));
        points.push((a.0 + 2.0 * third.0, a.1 + 2.0 * third.1));
        points.push(b);
    }
    let mut pos = format!("e,{}", format_numbers(&[tip.0, tip.1]));
    for (x, y) in points {
        pos.push(' ');
        pos.push_str(&format_numbers(&[x, y]));
    }
    set_attribute(attributes, "pos", &pos);
    let longest = path
        .windows(2)
        .filter(|pair| pair[0].1 == pair[1].1)
        .max_by(|a, b| (a[1].0 - a[0].0).abs().total_cmp(&(b[1].0 - b[0].0).abs()));
    if let Some(run) = longest {
        let middle = axis.graph(((run[0].0 + run[1].0) / 2.0, run[0].1));
        if attribute(attributes, "lp").is_some() {
            set_attribute(attributes, "lp", &format_numbers(&[middle.0, middle.1]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two lanes left to right with a gap between them: `review` in the
    /// upper one (greater y), `apply` in the lower one; a rejection from
    /// `review` back to `apply` drawn diagonally, and a `next` edge.
    const ROUTED: &str = "digraph g { \
        subgraph cluster_lane_0 { graph [bb=\"0,0,200,60\"]; apply [pos=\"60,30\", width=1, height=0.5]; } \
        subgraph cluster_lane_1 { graph [bb=\"150,80,400,140\"]; review [pos=\"300,110\", width=1, height=0.5]; } \
        apply -> review [pos=\"e,264,110 96,30 150,60 200,90 264,110\"]; \
        review -> apply [style=dashed, constraint=false, label=\"reject\", lp=\"180,70\", \
            pos=\"e,96,30 264,110 200,90 150,60 96,30\"]; }";

    /// The points of the `pos` of the edge from `tail`.
    fn points_from(dot: &str, tail: &str) -> Vec<(f64, f64)> {
        let Ok(Graph::DiGraph { stmts, .. }) = parse(dot) else {
            panic!("a digraph: {dot}");
        };
        stmts
            .iter()
            .find_map(|stmt| match stmt {
                Stmt::Edge(edge)
                    if edge_ends(&edge.ty).first().map(String::as_str) == Some(tail) =>
                {
                    attribute(&edge.attributes, "pos")
                }
                _ => None,
            })
            .map(|pos| {
                pos.split_whitespace()
                    .filter(|point| !point.starts_with("e,"))
                    .filter_map(numbers::<2>)
                    .map(|[x, y]| (x, y))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn rejections_arriving_at_one_side_of_a_box_share_one_label() {
        let dot = "digraph g { a -> c [label=\"reject\", lp=\"0,0\"]; \
            b -> c [label=\"reject\", lp=\"0,0\"]; d -> c [label=\"reject\", lp=\"0,0\"]; }";
        let Ok(Graph::DiGraph { stmts, .. }) = parse(dot) else {
            panic!("a digraph");
        };
        let route = |stmt: usize, tail: &str, path: Vec<Point>| Route {
            stmt,
            ends: (tail.to_string(), "c".to_string()),
            path,
            tracks: Vec::new(),
        };
        // a and b come down across the flow into c's upper side, at 100
        // and 108 along it; d comes along the flow into its end.
        let routes = [
            route(0, "a", vec![(100.0, 80.0), (100.0, 60.0)]),
            route(1, "b", vec![(108.0, 80.0), (108.0, 60.0)]),
            route(2, "d", vec![(40.0, 50.0), (60.0, 50.0)]),
        ];
        let axis = Axis {
            direction: Direction::LeftRight,
        };
        let shared = shared_labels(&stmts, &routes, axis);
        // Of the two as far out, the first keeps the label, beyond its
        // arrival, away from the other; b loses its own; d arrives alone
        // at another side.
        let beyond = label_extent("reject", false) / 2.0 + ARRIVAL_SPACING;
        assert_eq!(shared.get(&0), Some(&Some((100.0 - beyond, 70.0))));
        assert_eq!(shared.get(&1), Some(&None));
        assert_eq!(shared.get(&2), None);
    }

    #[test]
    fn a_gap_is_widened_for_each_track_beyond_the_first() {
        // Lanes 0..4: 3 -> 0 takes a track at lane 3's edge (gap 2) and at
        // lane 0's (gap 0); 1 -> 0 and 0 -> 1 one each in gap 0; 2 -> 2 none.
        let widths = gap_widths(4, &[(3, 0), (1, 0), (0, 1), (2, 2)]);
        assert_eq!(
            widths,
            vec![
                4.0 * TRACK_SPACING,
                NARROWEST_GAP,
                NARROWEST_GAP,
                NARROWEST_GAP
            ]
        );
    }

    #[test]
    fn swapping_two_crossing_tracks_uncrosses_them() {
        // Along 0..100 turning down at 0 and up at 100, along 50..150
        // turning down at 50 and up at 150: the first on the lower track
        // crosses the second's turn down, and the second the first's turn
        // up; on the higher track, neither.
        let runs = [
            Run {
                first: 1,
                last: 2,
                turns: [(0.0, false), (100.0, true)],
            },
            Run {
                first: 1,
                last: 2,
                turns: [(50.0, false), (150.0, true)],
            },
        ];
        assert_eq!(crossings(&runs, &[10.0, 20.0]), 2);
        assert_eq!(crossings(&runs, &[20.0, 10.0]), 0);
        let mut order = vec![0, 1, 2];
        let mut orders = 1;
        while next_order(&mut order) {
            orders += 1;
        }
        assert_eq!(orders, 6);
    }

    #[test]
    fn tracks_in_a_gap_stand_track_spacing_apart_while_they_fit() {
        let gap = (40.0, 40.0 + 4.0 * TRACK_SPACING);
        let tracks: Vec<f64> = (0..3).map(|slot| in_gap(gap, slot)).collect();
        assert_eq!(tracks, vec![48.0, 56.0, 64.0]);
        // The one track of a narrowest gap runs in its middle.
        assert_eq!(in_gap((0.0, NARROWEST_GAP), 0), NARROWEST_GAP / 2.0);
    }

    #[test]
    fn a_rejection_between_lanes_runs_at_right_angles_in_the_gap() {
        let routed = route_rejections(ROUTED, Direction::LeftRight).expect("routed");
        let points = points_from(&routed, "review");
        assert!(points.len() >= 7, "{points:?}");
        for pair in points.windows(2) {
            let (dx, dy) = (pair[1].0 - pair[0].0, pair[1].1 - pair[0].1);
            assert!(dx.abs() < 1e-6 || dy.abs() < 1e-6, "diagonal: {points:?}");
        }
        // The runs along the flow lie in the gap between the lanes, but
        // for a stub out of the box (its end nearer the other box).
        let along: Vec<f64> = points
            .windows(2)
            .filter(|pair| (pair[0].1 - pair[1].1).abs() < 1e-6 && pair[0].0 != pair[1].0)
            .filter(|pair| !(264.0 - 2.0 * CLEARANCE..=264.0).contains(&pair[0].0))
            .map(|pair| pair[0].1)
            .collect();
        assert!(!along.is_empty(), "{points:?}");
        assert!(
            along.iter().all(|y| (60.0..=80.0).contains(y)),
            "{points:?}"
        );
        // The `next` edge keeps its route.
        assert_eq!(
            points_from(&routed, "apply"),
            vec![(96.0, 30.0), (150.0, 60.0), (200.0, 90.0), (264.0, 110.0)]
        );
    }
}
