//! Graphviz pictures in flowc's own arrangement: takes the layout `dot`
//! made of a diagram (its `-Tdot` output, read only for the sizes of the
//! shapes Graphviz draws) and puts every shape, edge and lane where the
//! built-in layout ([`crate::emit::svg::placement`]) puts them, given
//! those sizes, so `neato -n2` draws the picture the built-in engine
//! plans: lanes as straight bands in the arrangement's order, each lane's
//! boxes in line along it, the items of a rank in one row (top to bottom)
//! or column (left to right), hand-overs straight across the lanes, and
//! the legend in a row along the bottom.
//!
//! Differences from the built-in picture:
//!
//! - the lanes stand apart (the built-in lanes touch), so the rejections
//!   between lanes can run in the gaps ([`crate::emit::channels`]): each
//!   gap as wide as [`channels::gap_widths`] asks for the tracks it
//!   carries (16 points with none or one); every dashed edge between two
//!   lanes loses its route here and is routed again by `neato`, then
//!   redrawn at right angles along the gaps;
//! - an edge whose label the built-in layout shares with another edge
//!   (three rejections back to one step, two 否則 into one step) keeps
//!   its route; Graphviz puts its own label on it and
//!   [`crate::emit::labels`] moves it clear;
//! - a hand-over's label that the built-in layout could not fit beside
//!   its line inside one lane gets room of its own in the gap the
//!   hand-over crosses, beside the line ([`labels_in_gaps`]), and so does
//!   the label of a rejection between neighbouring lanes that finds no
//!   room near its run inside either lane ([`rejection_label_room`]);
//! - the legend is Graphviz's (its sample shapes), laid in one row.
//!
//! Positions are computed with plain arithmetic from the built-in
//! layout's integers and the sizes Graphviz wrote, so the same process
//! always gives the same text.

use std::collections::BTreeMap;

use graphviz_rust::dot_structures::{Attribute, Graph, GraphAttributes, Stmt};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use crate::emit::channels;
use crate::emit::diagram::Direction;
use crate::emit::lanes::{
    self, CURVED_ROUTING_NODES, RestackError, Restacked, attribute, edge_ends, format_numbers,
    id_text, node_boxes, parse, quoted,
};

/// The room round the picture, in points (the built-in layout's margin).
const MARGIN: f64 = 16.0;

/// The room between the lanes and the legend under them, in points.
const LEGEND_SPACE: f64 = 12.0;

/// The room inside the legend's frame round its shapes, in points.
const LEGEND_PAD: f64 = 10.0;

/// The height of the legend's title, in points.
const LEGEND_TITLE: f64 = 20.0;

/// The room between two shapes of the legend's row, in points, besides
/// the label of an edge between them.
const LEGEND_SPACING: f64 = 24.0;

/// The length of an arrowhead, in points: an edge's spline stops this
/// short of the box it enters, the arrowhead fills the rest.
const ARROW: f64 = 10.0;

/// The size of the text of lane titles and edge labels, in points: the
/// built-in layout's sizes, which its room for them is measured in.
const TITLE_SIZE: f64 = 13.0;
/// See [`TITLE_SIZE`].
const LABEL_SIZE: f64 = 11.0;

/// The room a label keeps from the lines and lanes round it, in points
/// (as [`crate::emit::labels`] keeps it).
const LABEL_CLEARANCE: f64 = 4.0;

/// The most a label may reach across the flow for a gap to be widened
/// for it, in points: three lines of a label lying beside a hand-over
/// left to right; a label standing across the flow (top to bottom, as
/// wide as its text) would push the lanes far apart, and goes on its line
/// on a backing instead ([`crate::emit::labels`]).
const WIDEST_GAP_LABEL: f64 = 3.0 * 1.2 * LABEL_SIZE;

/// Where the built-in layout puts a process, in its pixels (one point
/// each here), y growing downwards.
#[derive(Debug, Clone, Default)]
pub(crate) struct Placement {
    /// Every shape, by DOT node name.
    pub(crate) nodes: BTreeMap<String, PlacedShape>,
    /// Every edge, in the arrangement's order.
    pub(crate) edges: Vec<PlacedEdge>,
    /// The lanes, in the arrangement's order.
    pub(crate) lanes: Vec<PlacedLane>,
    /// The size of a lane's header along the flow.
    pub(crate) header: f64,
    /// Where the lanes end along the flow.
    pub(crate) lanes_to: f64,
}

/// A shape: its centre and size, and the title drawn beside it.
#[derive(Debug, Clone, Default)]
pub(crate) struct PlacedShape {
    /// Its centre.
    pub(crate) centre: (f64, f64),
    /// Its width and height.
    pub(crate) size: (f64, f64),
    /// The title beside it (a fork bar's), where the built-in layout
    /// keeps room for it inside the bar's lane.
    pub(crate) caption: Option<Caption>,
}

/// A title drawn beside its shape: its wrapped lines and their centre.
#[derive(Debug, Clone, Default)]
pub(crate) struct Caption {
    /// The lines, as the built-in layout wraps them.
    pub(crate) lines: Vec<String>,
    /// The centre of the lines.
    pub(crate) centre: (f64, f64),
}

/// An edge: its ends, its corners and its label's centre.
#[derive(Debug, Clone, Default)]
pub(crate) struct PlacedEdge {
    /// The node it leaves.
    pub(crate) tail: String,
    /// The node it enters.
    pub(crate) head: String,
    /// A timeout (drawn dotted).
    pub(crate) timeout: bool,
    /// Its corners, from its tail to its head.
    pub(crate) points: Vec<(f64, f64)>,
    /// The centre of its label, when the layout drew it.
    pub(crate) label_at: Option<(f64, f64)>,
}

/// A lane: where it is across and along the flow, and its title.
#[derive(Debug, Clone, Default)]
pub(crate) struct PlacedLane {
    /// Its title's lines.
    pub(crate) title: Vec<String>,
    /// Where it begins across the flow.
    pub(crate) start: f64,
    /// How wide it is across the flow.
    pub(crate) size: f64,
    /// Where it begins along the flow (its header first).
    pub(crate) from: f64,
    /// Where it ends along the flow.
    pub(crate) to: f64,
}

/// The size of every positioned node of a laid-out DOT (`dot -Tdot`), by
/// name, in points.
pub(crate) fn sizes(laid_out: &str) -> Result<BTreeMap<String, (f64, f64)>, RestackError> {
    let graph = parse(laid_out)?;
    let mut boxes = BTreeMap::new();
    node_boxes(statements(&graph), &mut boxes);
    Ok(boxes
        .into_iter()
        .map(|(name, [x1, y1, x2, y2])| (name, (x2 - x1, y2 - y1)))
        .collect())
}

fn statements(graph: &Graph) -> &[Stmt] {
    match graph {
        Graph::Graph { stmts, .. } | Graph::DiGraph { stmts, .. } => stmts,
    }
}

/// The frame: the built-in layout's coordinates moved apart at the lanes
/// and turned into Graphviz's (y growing upwards from the bottom of a
/// picture `height` high).
struct Frame<'a> {
    direction: Direction,
    lanes: &'a [PlacedLane],
    /// The width of the gap after each lane.
    gaps: Vec<f64>,
    height: f64,
}

impl Frame<'_> {
    /// A point across the flow, moved further by the gap after every lane
    /// that ends at or before it.
    fn across(&self, value: f64) -> f64 {
        let before: f64 = self
            .lanes
            .iter()
            .zip(&self.gaps)
            .filter(|(lane, _)| lane.start + lane.size <= value)
            .map(|(_, gap)| gap)
            .sum();
        value + before
    }

    /// A point of the built-in layout, moved apart at the lanes, in the
    /// layout's own orientation (y downwards).
    fn spread(&self, (x, y): (f64, f64)) -> (f64, f64) {
        match self.direction {
            Direction::LeftRight => (x, self.across(y)),
            Direction::TopBottom => (self.across(x), y),
        }
    }

    /// A point in Graphviz's orientation, from a spread one.
    fn flip(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (x, self.height - y)
    }

    /// A point of the built-in layout in Graphviz's coordinates.
    fn graph(&self, point: (f64, f64)) -> (f64, f64) {
        self.flip(self.spread(point))
    }

    /// A lane's box in Graphviz's coordinates (`x1,y1,x2,y2`).
    fn lane_box(&self, lane: &PlacedLane) -> [f64; 4] {
        let start = self.across(lane.start);
        let (x1, y1, x2, y2) = match self.direction {
            Direction::LeftRight => (lane.from, start, lane.to, start + lane.size),
            Direction::TopBottom => (start, lane.from, start + lane.size, lane.to),
        };
        [x1, self.height - y2, x2, self.height - y1]
    }

    /// The centre of a lane's header, in Graphviz's coordinates.
    fn header_centre(&self, lane: &PlacedLane, header: f64) -> (f64, f64) {
        let middle = self.across(lane.start) + lane.size / 2.0;
        let along = lane.from + header / 2.0;
        self.flip(match self.direction {
            Direction::LeftRight => (along, middle),
            Direction::TopBottom => (middle, along),
        })
    }

    /// The lane a point of the built-in layout lies in.
    fn lane_of(&self, (x, y): (f64, f64)) -> Option<usize> {
        let value = match self.direction {
            Direction::LeftRight => y,
            Direction::TopBottom => x,
        };
        self.lanes
            .iter()
            .position(|lane| lane.start <= value && value <= lane.start + lane.size)
    }
}

/// The legend's shapes in one row: each node's new centre (in the
/// layout's orientation, y downwards) and the row's size.
struct LegendRow {
    centres: BTreeMap<String, (f64, f64)>,
    width: f64,
    height: f64,
}

impl LegendRow {
    fn of(stmts: &[Stmt], left: f64, top: f64) -> LegendRow {
        let mut boxes = BTreeMap::new();
        node_boxes(stmts, &mut boxes);
        let mut order = Vec::new();
        let mut labels: BTreeMap<(String, String), f64> = BTreeMap::new();
        for stmt in stmts {
            match stmt {
                Stmt::Node(node) => order.push(id_text(&node.id.0)),
                Stmt::Edge(edge) => {
                    if let [tail, head] = edge_ends(&edge.ty).as_slice() {
                        let width = attribute(&edge.attributes, "label")
                            .map_or(0.0, |label| label_width(&label));
                        labels.insert((tail.clone(), head.clone()), width);
                    }
                }
                _ => {}
            }
        }
        let tallest = order
            .iter()
            .filter_map(|name| boxes.get(name))
            .map(|[_, y1, _, y2]| y2 - y1)
            .fold(0.0, f64::max);
        let middle = top + LEGEND_TITLE + LEGEND_PAD + tallest / 2.0;
        let mut centres = BTreeMap::new();
        let mut cursor = left + LEGEND_PAD;
        let mut previous: Option<&String> = None;
        for name in &order {
            let Some(&[x1, _, x2, _]) = boxes.get(name) else {
                continue;
            };
            if let Some(previous) = previous {
                let label = labels
                    .get(&(previous.clone(), name.clone()))
                    .copied()
                    .unwrap_or(0.0);
                cursor += LEGEND_SPACING + label;
            }
            let width = x2 - x1;
            centres.insert(name.clone(), (cursor + width / 2.0, middle));
            cursor += width;
            previous = Some(name);
        }
        LegendRow {
            centres,
            width: cursor + LEGEND_PAD - left,
            height: LEGEND_TITLE + 2.0 * LEGEND_PAD + tallest,
        }
    }
}

/// How wide a label's text is at [`LABEL_SIZE`], its lines the widest.
fn label_width(label: &str) -> f64 {
    label
        .split("\\n")
        .map(|line| crate::emit::labels::text_width(line) * LABEL_SIZE)
        .fold(0.0, f64::max)
}

/// The layout `laid_out` (DOT with positions, as `dot -Tdot` writes it)
/// with every node, edge and lane where `placement` puts them, the lane
/// anchors taken out and the legend in a row under the lanes.
pub(crate) fn arrange(
    laid_out: &str,
    placement: &Placement,
    direction: Direction,
) -> Result<Restacked, RestackError> {
    let mut graph = parse(laid_out)?;
    let stmts = match &mut graph {
        Graph::Graph { stmts, .. } | Graph::DiGraph { stmts, .. } => stmts,
    };
    lanes::remove_anchors(stmts);
    let mut frame = Frame {
        direction,
        lanes: &placement.lanes,
        gaps: Vec::new(),
        height: 0.0,
    };
    frame.gaps = channels::gap_widths(
        placement.lanes.len(),
        &rejections_between_lanes(stmts, placement, &frame),
    );
    for (lane, room) in rejection_label_room(stmts, placement, &frame) {
        if let Some(gap) = frame.gaps.get_mut(lane) {
            *gap += room;
        }
    }
    let gap_labels = labels_in_gaps(placement, direction, &edge_labels(stmts, placement));
    for label in gap_labels.values() {
        if let Some(gap) = frame.gaps.get_mut(label.lane) {
            *gap += label.room();
        }
    }
    let lanes_across = placement
        .lanes
        .last()
        .map_or(MARGIN, |lane| frame.across(lane.start) + lane.size);
    let (body_width, body_height) = match direction {
        Direction::LeftRight => (placement.lanes_to, lanes_across),
        Direction::TopBottom => (lanes_across, placement.lanes_to),
    };
    let legend_top = body_height + LEGEND_SPACE;
    let legend = stmts.iter().find_map(|stmt| match stmt {
        Stmt::Subgraph(subgraph) if id_text(&subgraph.id) == "cluster_legend" => {
            Some(LegendRow::of(&subgraph.stmts, MARGIN, legend_top))
        }
        _ => None,
    });
    let (legend_width, legend_height) = legend
        .as_ref()
        .map_or((0.0, 0.0), |row| (row.width, row.height));
    let width = (body_width + MARGIN).max(legend_width + 2.0 * MARGIN);
    frame.height = legend_top + legend_height + MARGIN;
    let context = Context {
        placement,
        frame: &frame,
        legend: legend.as_ref(),
        legend_top,
        gap_labels: &gap_labels,
    };
    context.place_all(stmts);
    let title = frame.flip((width / 2.0, MARGIN + 12.0));
    set_graph(
        stmts,
        &[
            ("bb", format_numbers(&[0.0, 0.0, width, frame.height])),
            ("lp", format_numbers(&[title.0, title.1])),
        ],
    );
    let mut nodes = BTreeMap::new();
    node_boxes(stmts, &mut nodes);
    let mut dot = graph.print(&mut PrinterContext::default());
    dot.push('\n');
    Ok(Restacked {
        dot,
        curved: nodes.len() <= CURVED_ROUTING_NODES,
    })
}

/// The two lanes (by index) of every rejection between lanes among the
/// edges of `stmts` (see [`channels::is_rejection`]), its ends where
/// `placement` puts them.
fn rejections_between_lanes(
    stmts: &[Stmt],
    placement: &Placement,
    frame: &Frame<'_>,
) -> Vec<(usize, usize)> {
    rejections(stmts)
        .iter()
        .filter_map(|rejection| rejection_lanes(placement, frame, rejection))
        .collect()
}

/// A rejection among the edges of a DOT: its tail, its head and its
/// label's text.
struct Rejection {
    tail: String,
    head: String,
    label: Option<String>,
}

/// Every rejection among the edges of `stmts` (see
/// [`channels::is_rejection`]), in subgraphs too.
fn rejections(stmts: &[Stmt]) -> Vec<Rejection> {
    let mut found = Vec::new();
    let mut pending: Vec<&[Stmt]> = vec![stmts];
    while let Some(stmts) = pending.pop() {
        for stmt in stmts {
            match stmt {
                Stmt::Edge(edge) if channels::is_rejection(&edge.attributes) => {
                    if let [tail, head] = edge_ends(&edge.ty).as_slice() {
                        found.push(Rejection {
                            tail: tail.clone(),
                            head: head.clone(),
                            label: attribute(&edge.attributes, "label"),
                        });
                    }
                }
                Stmt::Subgraph(subgraph) => pending.push(&subgraph.stmts),
                _ => {}
            }
        }
    }
    found
}

/// The lanes (by index) of a rejection's tail and head, when they differ.
fn rejection_lanes(
    placement: &Placement,
    frame: &Frame<'_>,
    rejection: &Rejection,
) -> Option<(usize, usize)> {
    let lane = |name: &str| {
        placement
            .nodes
            .get(name)
            .and_then(|shape| frame.lane_of(shape.centre))
    };
    let (from, to) = (lane(&rejection.tail)?, lane(&rejection.head)?);
    (from != to).then_some((from, to))
}

/// The farthest, in points, a rejection's label may stand from its run in
/// a gap for the gap to be left as it is: within this of the run, inside
/// a lane beside the gap, a reader still tells whose label it is.
const NEAR_RUN: f64 = 20.0;

/// How much wider each gap between neighbouring lanes (by the lane before
/// it) is made for the labels of the rejections that run in it from one
/// lane to the next and whose label finds no room near that run inside
/// either lane beside the gap (boxes on both sides, the header, the
/// lane's end): the label's size across the flow and its clearance, as
/// for a hand-over's label ([`GapLabel::room`]), the most any of its
/// labels needs. [`crate::emit::labels`] then finds the label its place
/// in the gap, beside the run, clear of the tracks.
fn rejection_label_room(
    stmts: &[Stmt],
    placement: &Placement,
    frame: &Frame<'_>,
) -> BTreeMap<usize, f64> {
    let orient = |point| along_across(frame.direction, point);
    let shapes = shape_areas(placement, frame.direction);
    let mut room: BTreeMap<usize, f64> = BTreeMap::new();
    for rejection in rejections(stmts) {
        let (Some((from, to)), Some(text)) = (
            rejection_lanes(placement, frame, &rejection),
            rejection.label.as_deref(),
        ) else {
            continue;
        };
        let low = from.min(to);
        if from.abs_diff(to) != 1 {
            continue;
        }
        let (Some(tail), Some(head)) = (
            placement.nodes.get(&rejection.tail),
            placement.nodes.get(&rejection.head),
        ) else {
            continue;
        };
        let (along_size, across_size) = orient(crate::emit::labels::text_size(text, LABEL_SIZE));
        let (tail_along, head_along) = (orient(tail.centre).0, orient(head.centre).0);
        let run = (tail_along.min(head_along), tail_along.max(head_along));
        if !room_near_run(placement, &shapes, low, run, (along_size, across_size)) {
            let widest = room.entry(low).or_default();
            *widest = widest.max(gap_room(across_size));
        }
    }
    room
}

/// The area every shape of `placement` keeps clear of a label, as
/// `[along1, across1, along2, across2]` for the flow's `direction`: the
/// shape and [`LABEL_CLEARANCE`] round it.
fn shape_areas(placement: &Placement, direction: Direction) -> Vec<[f64; 4]> {
    placement
        .nodes
        .values()
        .map(|shape| {
            let (along, across) = along_across(direction, shape.centre);
            let (size_along, size_across) = along_across(direction, shape.size);
            [
                along - size_along / 2.0 - LABEL_CLEARANCE,
                across - size_across / 2.0 - LABEL_CLEARANCE,
                along + size_along / 2.0 + LABEL_CLEARANCE,
                across + size_across / 2.0 + LABEL_CLEARANCE,
            ]
        })
        .collect()
}

/// Whether a label `size` (along, across the flow) finds a free place
/// inside lane `low` or the next, right at the border between them, with
/// its nearest point within [`NEAR_RUN`] of the stretch `run` along the
/// flow: clear of every one of `shapes` ([`shape_areas`]), of the lane's
/// header and inside the lane.
fn room_near_run(
    placement: &Placement,
    shapes: &[[f64; 4]],
    low: usize,
    run: (f64, f64),
    (along_size, across_size): (f64, f64),
) -> bool {
    let (Some(before), Some(after)) = (placement.lanes.get(low), placement.lanes.get(low + 1))
    else {
        return true;
    };
    let border = before.start + before.size;
    let sides = [
        (
            before,
            border - LABEL_CLEARANCE - across_size,
            border - LABEL_CLEARANCE,
        ),
        (
            after,
            border + LABEL_CLEARANCE,
            border + LABEL_CLEARANCE + across_size,
        ),
    ];
    let first = run.0 - NEAR_RUN - along_size;
    let steps = ((run.1 - run.0 + 2.0 * NEAR_RUN + along_size) / 2.0).ceil() as usize;
    sides.iter().any(|&(lane, across_from, across_to)| {
        across_from >= lane.start
            && across_to <= lane.start + lane.size
            && (0..=steps).any(|step| {
                let along_from = first + 2.0 * step as f64;
                let along_to = along_from + along_size;
                along_from >= lane.from + placement.header
                    && along_to <= lane.to
                    && !shapes.iter().any(|&[a1, c1, a2, c2]| {
                        along_from < a2 && a1 < along_to && across_from < c2 && c1 < across_to
                    })
            })
    })
}

/// What placing the statements needs.
struct Context<'a> {
    placement: &'a Placement,
    frame: &'a Frame<'a>,
    legend: Option<&'a LegendRow>,
    legend_top: f64,
    /// The labels put in a gap between lanes, by edge (its index among
    /// the placement's edges).
    gap_labels: &'a BTreeMap<usize, GapLabel>,
}

/// Each placed edge's index for the DOT edges of `stmts` (None for an
/// edge the placement does not hold: a rejection between lanes), in the
/// order [`Context::place_all`] and [`edge_labels`] meet them: the DOT
/// edges between two nodes are matched to the placement's edges with the
/// same ends and kind in order.
struct EdgeQueues(BTreeMap<(String, String, bool), Vec<usize>>);

impl EdgeQueues {
    fn of(placement: &Placement) -> EdgeQueues {
        let mut queues: BTreeMap<(String, String, bool), Vec<usize>> = BTreeMap::new();
        for (index, edge) in placement.edges.iter().enumerate().rev() {
            queues
                .entry((edge.tail.clone(), edge.head.clone(), edge.timeout))
                .or_default()
                .push(index);
        }
        EdgeQueues(queues)
    }

    /// The placed edge for the next DOT edge from `tail` to `head` with
    /// `attributes`.
    fn next(&mut self, tail: &str, head: &str, attributes: &[Attribute]) -> Option<usize> {
        let timeout = attribute(attributes, "style").is_some_and(|style| style.contains("dotted"));
        self.0
            .get_mut(&(tail.to_string(), head.to_string(), timeout))
            .and_then(Vec::pop)
    }
}

/// The label text of each of the placement's edges, as the DOT of
/// `stmts` gives it.
fn edge_labels(stmts: &[Stmt], placement: &Placement) -> Vec<Option<String>> {
    let mut queues = EdgeQueues::of(placement);
    let mut labels = vec![None; placement.edges.len()];
    let mut pending: Vec<&[Stmt]> = vec![stmts];
    while let Some(stmts) = pending.pop() {
        for stmt in stmts {
            match stmt {
                Stmt::Edge(edge) => {
                    if let [tail, head] = edge_ends(&edge.ty).as_slice()
                        && let Some(index) = queues.next(tail, head, &edge.attributes)
                        && let Some(slot) = labels.get_mut(index)
                    {
                        *slot = attribute(&edge.attributes, "label");
                    }
                }
                Stmt::Subgraph(subgraph) => pending.push(&subgraph.stmts),
                _ => {}
            }
        }
    }
    labels
}

/// A label put in the gap between two lanes, beside the part of its edge
/// that crosses the gap (a hand-over whose label the built-in layout could
/// not fit beside its line inside one lane): the gap is widened for it, so
/// the label stands next to its line, out of every lane, clear of the
/// rejections' tracks.
#[derive(Debug, Clone, Copy, PartialEq)]
struct GapLabel {
    /// The lane before the gap, by index.
    lane: usize,
    /// Its centre along the flow, in the built-in layout's coordinates.
    along: f64,
    /// How far it reaches across the flow.
    across: f64,
}

impl GapLabel {
    /// How much wider the gap is made for it: its size across the flow
    /// and its clearance from the lane on one side and the tracks on the
    /// other.
    fn room(&self) -> f64 {
        gap_room(self.across)
    }
}

/// How much wider a gap is made for a label reaching `across` across the
/// flow: that and its clearance from the lane on one side and the tracks
/// on the other.
fn gap_room(across: f64) -> f64 {
    across + 3.0 * LABEL_CLEARANCE
}

/// A point or size as (along the flow, across it) for the flow's
/// `direction`, from the built-in layout's (x, y).
fn along_across(direction: Direction, (x, y): (f64, f64)) -> (f64, f64) {
    match direction {
        Direction::LeftRight => (x, y),
        Direction::TopBottom => (y, x),
    }
}

/// The labels of `placement`'s edges (texts `texts`) that the built-in
/// layout placed across a lane's border, each moved into the gap its
/// edge crosses nearest the label, beside the edge (on the side the
/// built-in layout had it).
fn labels_in_gaps(
    placement: &Placement,
    direction: Direction,
    texts: &[Option<String>],
) -> BTreeMap<usize, GapLabel> {
    let lanes = &placement.lanes;
    let orient = |point| along_across(direction, point);
    let mut found = BTreeMap::new();
    for (index, edge) in placement.edges.iter().enumerate() {
        let (Some(at), Some(Some(text))) = (edge.label_at, texts.get(index)) else {
            continue;
        };
        let (width, height) = crate::emit::labels::text_size(text, LABEL_SIZE);
        let (along_size, across_size) = orient((width, height));
        let (at_along, at_across) = orient(at);
        if across_size > WIDEST_GAP_LABEL {
            continue;
        }
        let reach = across_size / 2.0 + LABEL_CLEARANCE;
        let (low, high) = (at_across - reach, at_across + reach);
        if lanes
            .iter()
            .any(|lane| lane.start <= low && high <= lane.start + lane.size)
        {
            continue;
        }
        let crossing = edge
            .points
            .windows(2)
            .map(|pair| (orient(pair[0]), orient(pair[1])))
            .filter(|(a, b)| (a.0 - b.0).abs() < 0.5)
            .flat_map(|(a, b)| {
                let (from, to) = (a.1.min(b.1), a.1.max(b.1));
                lanes
                    .windows(2)
                    .enumerate()
                    .map(|(lane, pair)| (lane, pair[0].start + pair[0].size, pair[1].start))
                    .filter(move |&(_, end, next)| {
                        (end - next).abs() < 0.5 && from < end && end < to
                    })
                    .map(move |(lane, end, _)| (lane, a.0, end))
            })
            .min_by(|x, y| {
                let far = |&(_, along, border): &(usize, f64, f64)| {
                    (along - at_along).abs() + (border - at_across).abs()
                };
                far(x).total_cmp(&far(y))
            });
        if let Some((lane, along, _)) = crossing {
            let side = if at_along >= along { 1.0 } else { -1.0 };
            found.insert(
                index,
                GapLabel {
                    lane,
                    along: along + side * (along_size / 2.0 + LABEL_CLEARANCE + 2.0),
                    across: across_size,
                },
            );
        }
    }
    found
}

impl Context<'_> {
    fn place_all(&self, stmts: &mut [Stmt]) {
        let mut queues = EdgeQueues::of(self.placement);
        let mut pending: Vec<&mut [Stmt]> = vec![stmts];
        while let Some(stmts) = pending.pop() {
            for stmt in stmts.iter_mut() {
                match stmt {
                    Stmt::Node(node) => self.place_node(&id_text(&node.id.0), &mut node.attributes),
                    Stmt::Edge(edge) => {
                        let ends = edge_ends(&edge.ty);
                        let [tail, head] = ends.as_slice() else {
                            continue;
                        };
                        let placed = queues.next(tail, head, &edge.attributes);
                        self.place_edge(placed, &mut edge.attributes);
                    }
                    Stmt::Subgraph(subgraph) => {
                        let name = id_text(&subgraph.id);
                        if let Some(index) = name
                            .strip_prefix("cluster_lane_")
                            .and_then(|index| index.parse::<usize>().ok())
                            && let Some(lane) = self.placement.lanes.get(index)
                        {
                            self.place_lane(lane, &mut subgraph.stmts);
                        } else if name == "cluster_legend"
                            && let Some(row) = self.legend
                        {
                            let bb = [
                                MARGIN,
                                self.frame.height - self.legend_top - row.height,
                                MARGIN + row.width,
                                self.frame.height - self.legend_top,
                            ];
                            let label = (MARGIN + row.width / 2.0, bb[3] - LEGEND_TITLE / 2.0);
                            set_graph(
                                &mut subgraph.stmts,
                                &[
                                    ("bb", format_numbers(&bb)),
                                    ("lp", format_numbers(&[label.0, label.1])),
                                ],
                            );
                        }
                        pending.push(&mut subgraph.stmts);
                    }
                    _ => {}
                }
            }
        }
    }

    /// Puts a node where the placement or the legend's row has it, at the
    /// placement's size.
    fn place_node(&self, name: &str, attributes: &mut Vec<Attribute>) {
        if let Some(shape) = self.placement.nodes.get(name) {
            let (x, y) = self.frame.graph(shape.centre);
            put(attributes, "pos", &format_numbers(&[x, y]));
            put(attributes, "width", &format_numbers(&[shape.size.0 / 72.0]));
            put(
                attributes,
                "height",
                &format_numbers(&[shape.size.1 / 72.0]),
            );
            attributes.retain(|Attribute(key, _)| id_text(key) != "xlp");
            if let Some(caption) = &shape.caption {
                let lines: Vec<String> = caption.lines.iter().map(|line| escape(line)).collect();
                let (x, y) = self.frame.graph(caption.centre);
                put(attributes, "xlabel", &lines.join("\\n"));
                put(attributes, "xlp", &format_numbers(&[x, y]));
                put(attributes, "fontsize", &format_numbers(&[LABEL_SIZE]));
            }
        } else if let Some(&centre) = self.legend.and_then(|row| row.centres.get(name)) {
            let (x, y) = self.frame.flip(centre);
            put(attributes, "pos", &format_numbers(&[x, y]));
        }
    }

    /// Gives an edge the placement's route and label position, or drops
    /// them (for `neato` to route it, and [`crate::emit::channels`] to
    /// redraw it when it is a rejection between lanes).
    fn place_edge(&self, index: Option<usize>, attributes: &mut Vec<Attribute>) {
        const PLACED: [&str; 5] = ["pos", "lp", "xlp", "head_lp", "tail_lp"];
        attributes.retain(|Attribute(key, _)| !PLACED.contains(&id_text(key).as_str()));
        if attribute(attributes, "label").is_some() {
            put(attributes, "fontsize", &format_numbers(&[LABEL_SIZE]));
        }
        let Some(placed) = index.and_then(|index| self.placement.edges.get(index)) else {
            return;
        };
        let dashed = attribute(attributes, "style").is_some_and(|style| style.contains("dashed"));
        let lane = |name: &str| {
            self.placement
                .nodes
                .get(name)
                .and_then(|shape| self.frame.lane_of(shape.centre))
        };
        let between_lanes = lane(&placed.tail) != lane(&placed.head);
        if (dashed && between_lanes) || placed.points.len() < 2 {
            return;
        }
        let points: Vec<(f64, f64)> = placed
            .points
            .iter()
            .map(|&point| self.frame.graph(point))
            .collect();
        put(attributes, "pos", &spline(&points));
        let gap_label = index.and_then(|index| self.gap_labels.get(&index));
        let label_at = match gap_label {
            Some(label) => Some(self.in_gap(label)),
            None => placed.label_at.map(|at| self.frame.graph(at)),
        };
        if let Some((x, y)) = label_at {
            put(attributes, "lp", &format_numbers(&[x, y]));
        }
    }

    /// Where a label put in a gap stands, in Graphviz's coordinates: in
    /// the room made for it at the side of the gap its rejections' tracks
    /// leave free ([`channels`] lays them from the gap's lower edge in
    /// Graphviz's coordinates: the lower lane's side left to right, the
    /// left lane's top to bottom).
    fn in_gap(&self, label: &GapLabel) -> (f64, f64) {
        let (start, size) = self
            .placement
            .lanes
            .get(label.lane)
            .map_or((0.0, 0.0), |lane| {
                (self.frame.across(lane.start), lane.size)
            });
        let gap_from = start + size;
        let gap_to = gap_from + self.frame.gaps.get(label.lane).copied().unwrap_or(0.0);
        let half = label.room() / 2.0;
        self.frame.flip(match self.frame.direction {
            Direction::LeftRight => (label.along, gap_from + half),
            Direction::TopBottom => (gap_to - half, label.along),
        })
    }

    /// Gives a lane cluster the placement's box, its title wrapped as the
    /// built-in layout wraps it, centred in the lane's header.
    fn place_lane(&self, lane: &PlacedLane, stmts: &mut Vec<Stmt>) {
        let (x, y) = self.frame.header_centre(lane, self.placement.header);
        let title: Vec<String> = lane.title.iter().map(|line| escape(line)).collect();
        set_graph(
            stmts,
            &[
                ("bb", format_numbers(&self.frame.lane_box(lane))),
                ("lp", format_numbers(&[x, y])),
                ("label", title.join("\\n")),
                ("fontsize", format_numbers(&[TITLE_SIZE])),
            ],
        );
    }
}

/// A DOT string's inside: `"` and `\` escaped.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The `pos` of an edge along the corners `points` (Graphviz's
/// coordinates): straight cubic segments, ending [`ARROW`] short of the
/// last corner, where the arrowhead points (`e,x,y`).
fn spline(points: &[(f64, f64)]) -> String {
    let mut corners = points.to_vec();
    let mut tip = None;
    if let [.., before, last] = corners[..] {
        let (dx, dy) = (last.0 - before.0, last.1 - before.1);
        let length = dx.hypot(dy);
        if length > ARROW {
            tip = Some(last);
            let scale = (length - ARROW) / length;
            let end = (before.0 + dx * scale, before.1 + dy * scale);
            if let Some(slot) = corners.last_mut() {
                *slot = end;
            }
        }
    }
    let mut controls = Vec::with_capacity(corners.len() * 3);
    if let Some(&first) = corners.first() {
        controls.push(first);
    }
    for pair in corners.windows(2) {
        controls.extend([pair[0], pair[1], pair[1]]);
    }
    let mut parts: Vec<String> = Vec::new();
    if let Some((x, y)) = tip {
        parts.push(format!("e,{}", format_numbers(&[x, y])));
    }
    parts.extend(controls.iter().map(|&(x, y)| format_numbers(&[x, y])));
    parts.join(" ")
}

/// Sets `key` to `value` among `attributes`, adding it when missing.
fn put(attributes: &mut Vec<Attribute>, key: &str, value: &str) {
    match attributes
        .iter_mut()
        .find(|Attribute(name, _)| id_text(name) == key)
    {
        Some(Attribute(_, old)) => *old = quoted(value),
        None => attributes.push(Attribute(
            graphviz_rust::dot_structures::Id::Plain(key.to_string()),
            quoted(value),
        )),
    }
}

/// Sets graph attributes in the first `graph [...]` statement of `stmts`
/// (not its subgraphs'), adding one when there is none; the size of a
/// label Graphviz measured for the old one is dropped.
fn set_graph(stmts: &mut Vec<Stmt>, values: &[(&str, String)]) {
    let found = stmts
        .iter()
        .position(|stmt| matches!(stmt, Stmt::GAttribute(GraphAttributes::Graph(_))));
    let index = match found {
        Some(index) => index,
        None => {
            stmts.insert(0, Stmt::GAttribute(GraphAttributes::Graph(Vec::new())));
            0
        }
    };
    if let Stmt::GAttribute(GraphAttributes::Graph(attributes)) = &mut stmts[index] {
        attributes
            .retain(|Attribute(key, _)| !matches!(id_text(key).as_str(), "lwidth" | "lheight"));
        for (key, value) in values {
            put(attributes, key, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_becomes_straight_segments_ending_at_an_arrowhead() {
        assert_eq!(
            spline(&[(0.0, 0.0), (0.0, 50.0), (40.0, 50.0)]),
            "e,40,50 0,0 0,0 0,50 0,50 0,50 30,50 30,50"
        );
    }

    #[test]
    fn a_label_across_a_lane_border_goes_into_the_gap_beside_its_hand_over() {
        let lane = |start: f64| PlacedLane {
            start,
            size: 100.0,
            ..PlacedLane::default()
        };
        let hand_over = |label_at: (f64, f64)| PlacedEdge {
            points: vec![(200.0, 80.0), (200.0, 130.0)],
            label_at: Some(label_at),
            ..PlacedEdge::default()
        };
        let placement = Placement {
            lanes: vec![lane(0.0), lane(100.0)],
            edges: vec![hand_over((200.0, 100.0)), hand_over((200.0, 50.0))],
            ..Placement::default()
        };
        let text = Some("amount > 5".to_string());
        let found = labels_in_gaps(&placement, Direction::LeftRight, &[text.clone(), text]);
        // 10 characters of 0.6 em at 11 points: 66 wide, 13.2 high.
        let expected = GapLabel {
            lane: 0,
            along: 200.0 + 33.0 + LABEL_CLEARANCE + 2.0,
            across: 11.0 * 1.2,
        };
        assert_eq!(found.len(), 1, "{found:?}");
        let label = found[&0];
        assert_eq!(label.lane, expected.lane);
        assert!((label.along - expected.along).abs() < 1e-9, "{label:?}");
        assert!((label.across - expected.across).abs() < 1e-9, "{label:?}");
    }

    #[test]
    fn a_rejection_label_between_boxes_at_both_sides_of_a_gap_finds_no_room() {
        let lane = |start: f64| PlacedLane {
            start,
            size: 100.0,
            from: 0.0,
            to: 300.0,
            ..PlacedLane::default()
        };
        // Left to right: a box in each lane, touching the border between
        // them, `along` long along the flow, both centred at 150.
        let placement = |along: f64| Placement {
            lanes: vec![lane(0.0), lane(100.0)],
            nodes: BTreeMap::from([
                (
                    "tail".to_string(),
                    PlacedShape {
                        centre: (150.0, 60.0),
                        size: (along, 80.0),
                        ..PlacedShape::default()
                    },
                ),
                (
                    "head".to_string(),
                    PlacedShape {
                        centre: (150.0, 140.0),
                        size: (along, 80.0),
                        ..PlacedShape::default()
                    },
                ),
            ]),
            header: 40.0,
            ..Placement::default()
        };
        let reject = (39.6, 13.2);
        let room = |placement: &Placement| {
            let shapes = shape_areas(placement, Direction::LeftRight);
            room_near_run(placement, &shapes, 0, (150.0, 150.0), reject)
        };
        assert!(!room(&placement(100.0)), "long boxes fill the room");
        assert!(room(&placement(20.0)), "short boxes leave room beside them");
    }

    #[test]
    fn points_across_the_flow_move_apart_at_every_lane_end() {
        let lanes = [
            PlacedLane {
                start: 60.0,
                size: 100.0,
                ..PlacedLane::default()
            },
            PlacedLane {
                start: 160.0,
                size: 50.0,
                ..PlacedLane::default()
            },
        ];
        let frame = Frame {
            direction: Direction::TopBottom,
            lanes: &lanes,
            gaps: vec![24.0, 16.0],
            height: 500.0,
        };
        assert_eq!(frame.across(70.0), 70.0);
        assert_eq!(frame.across(170.0), 170.0 + 24.0);
        assert_eq!(frame.graph((170.0, 100.0)), (170.0 + 24.0, 400.0));
        assert_eq!(frame.lane_of((170.0, 0.0)), Some(1));
    }
}
