//! Swimlanes in reporting-line order for Graphviz's diagrams of changes
//! (a process's own diagram is placed by [`crate::emit::arranged`]):
//! takes the layout `dot`
//! made of a diagram from [`crate::emit::dot`] (its `-Tdot` output, with
//! `pos`, `bb` and `lp` filled in) and restacks the lane bands so lane 0
//! comes first (on top left to right, leftmost top to bottom), then lane 1,
//! and so on, with the legend after them. [`crate::emit::render`] then
//! draws the result with `neato -n2`, which keeps every position given
//! and routes the edges whose `pos` was dropped here.
//!
//! `dot` cannot be told the order of clusters: its crossing minimisation
//! orders them itself. The anchors [`crate::emit::dot`] puts in every
//! lane make each lane a band across the whole flow, so the bands never
//! overlap and can be moved across the flow as rigid blocks:
//!
//! 1. every top-level cluster (lanes, legend) and every node outside all
//!    clusters is a block, spanning an interval across the flow;
//!    overlapping blocks are merged into one group;
//! 2. the groups are put in a new order (lanes by index, then the rest as
//!    they were) and stacked from where the first one began, evenly spaced
//!    by the smallest gap there was between two groups; the room that
//!    frees is taken off the graph's box;
//! 3. everything in a group (cluster box and label, nodes and their
//!    external labels, edges between its nodes) is moved with it; an edge
//!    between groups that did not move together loses its `pos` and
//!    label position, so `neato` routes it again;
//! 4. each lane is cut to the length its content needs along the flow
//!    (from its first item to its last, and its label), and the anchors,
//!    whose work is done, are taken out.
//!
//! Only translations are applied, computed with plain arithmetic from the
//! input, so the same layout always gives the same text.

use std::collections::BTreeMap;

use graphviz_rust::dot_structures::{Attribute, EdgeTy, Graph, GraphAttributes, Id, Stmt, Vertex};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use crate::emit::diagram::Direction;
use crate::emit::dot::is_lane_anchor;

/// The prefix of a lane cluster's name; the lane index follows.
const LANE_PREFIX: &str = "cluster_lane_";

/// Why a layout could not be restacked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestackError(pub String);

impl std::fmt::Display for RestackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "cannot read the layout Graphviz returned: {}",
            self.0.trim()
        )
    }
}

impl std::error::Error for RestackError {}

/// A layout with its lanes in order, ready for `neato -n2`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restacked {
    /// The DOT, with positions.
    pub dot: String,
    /// Whether the edges that lost their position can be routed as
    /// curves around the nodes (`splines=true`) in reasonable time: true
    /// up to [`CURVED_ROUTING_NODES`] nodes. Above that they are drawn
    /// straight (`splines=false`).
    pub curved: bool,
}

/// The most nodes a layout may have for `neato` to route edges as curves
/// around them. Its router takes time that grows much faster than the
/// number of nodes (measured with Graphviz 2.43 on generated processes:
/// 0.12 s at 36 nodes, 0.45 s at 66, 1.65 s at 106), and a process within
/// the policy's limit of 20 steps has far fewer.
pub const CURVED_ROUTING_NODES: usize = 80;

/// The layout `laid_out` (DOT with positions, as `dot -Tdot` writes it)
/// with its lanes in index order across the flow of `direction`, and the
/// lane anchors (see [`crate::emit::dot`]) taken out: they have done
/// their job, and to `neato` they would only be obstacles to route around.
pub fn restack(laid_out: &str, direction: Direction) -> Result<Restacked, RestackError> {
    let mut graph = parse(laid_out)?;
    let stmts = match &mut graph {
        Graph::Graph { stmts, .. } | Graph::DiGraph { stmts, .. } => stmts,
    };
    let axis = Axis { direction };
    let plan = Plan::of(stmts, axis);
    apply(stmts, &plan, axis);
    shrink_graph(stmts, plan.freed, axis);
    remove_anchors(stmts);
    let mut nodes = BTreeMap::new();
    node_boxes(stmts, &mut nodes);
    unroute_through_nodes(stmts, &nodes);
    let mut dot = graph.print(&mut PrinterContext::default());
    dot.push('\n');
    Ok(Restacked {
        dot,
        curved: nodes.len() <= CURVED_ROUTING_NODES,
    })
}

/// How far inside a node's box an edge must pass to count as passing
/// through it, in points (an edge ends on its node's outline).
const THROUGH_INSET: f64 = 3.0;

/// Drops the route and label position of every edge whose route passes
/// through a node that is not one of its ends, so `neato` routes it again
/// around the nodes. `dot` routes some edges that do not constrain the
/// ranks (rejections back to an earlier step) straight through the boxes
/// between.
fn unroute_through_nodes(stmts: &mut [Stmt], boxes: &BTreeMap<String, [f64; 4]>) {
    let mut pending: Vec<&mut [Stmt]> = vec![stmts];
    while let Some(stmts) = pending.pop() {
        for stmt in stmts.iter_mut() {
            match stmt {
                Stmt::Edge(edge) => {
                    let ends = edge_ends(&edge.ty);
                    let Some(pos) = attribute(&edge.attributes, "pos") else {
                        continue;
                    };
                    let points = sample(&pos);
                    let through = boxes.iter().any(|(name, &[x1, y1, x2, y2])| {
                        !ends.contains(name)
                            && points.iter().any(|&(x, y)| {
                                x1 + THROUGH_INSET < x
                                    && x < x2 - THROUGH_INSET
                                    && y1 + THROUGH_INSET < y
                                    && y < y2 - THROUGH_INSET
                            })
                    });
                    if through {
                        move_edge(&mut edge.attributes, None);
                    }
                }
                Stmt::Subgraph(subgraph) => pending.push(&mut subgraph.stmts),
                _ => {}
            }
        }
    }
}

/// Takes the lane anchors and the edges to and from them out of `stmts`,
/// in subgraphs too.
pub(crate) fn remove_anchors(stmts: &mut Vec<Stmt>) {
    let mut pending: Vec<&mut Vec<Stmt>> = vec![stmts];
    while let Some(stmts) = pending.pop() {
        stmts.retain(|stmt| match stmt {
            Stmt::Node(node) => !is_lane_anchor(&id_text(&node.id.0)),
            Stmt::Edge(edge) => !edge_ends(&edge.ty).iter().any(|end| is_lane_anchor(end)),
            _ => true,
        });
        for stmt in stmts.iter_mut() {
            if let Stmt::Subgraph(subgraph) = stmt {
                pending.push(&mut subgraph.stmts);
            }
        }
    }
}

/// A layout as `dot -Tdot` writes it, read with graphviz-rust's parser
/// (which needs [`quote_bare_ids`] first).
pub fn parse(laid_out: &str) -> Result<Graph, RestackError> {
    graphviz_rust::parse(&quote_bare_ids(laid_out)).map_err(RestackError)
}

/// `laid_out` with every unquoted identifier that holds a non-ASCII
/// character quoted. `dot` writes such identifiers bare (`label=任免生效`,
/// valid DOT), but graphviz-rust's parser reads only ASCII letters, digits
/// and `_` in a bare identifier. Quoted strings and HTML-like labels are
/// copied as they are.
fn quote_bare_ids(laid_out: &str) -> String {
    enum State {
        Code,
        Quoted { escaped: bool },
        Html { depth: usize },
    }
    fn flush(run: &mut String, out: &mut String) {
        if run.is_ascii() {
            out.push_str(run);
        } else {
            out.push('"');
            out.push_str(run);
            out.push('"');
        }
        run.clear();
    }
    let mut out = String::with_capacity(laid_out.len() + 64);
    let mut run = String::new();
    let mut state = State::Code;
    for c in laid_out.chars() {
        state = match state {
            State::Code if c.is_ascii_alphanumeric() || c == '_' || c == '.' || !c.is_ascii() => {
                run.push(c);
                State::Code
            }
            State::Code => {
                flush(&mut run, &mut out);
                out.push(c);
                match c {
                    '"' => State::Quoted { escaped: false },
                    '<' => State::Html { depth: 1 },
                    _ => State::Code,
                }
            }
            State::Quoted { escaped } => {
                out.push(c);
                match c {
                    '"' if !escaped => State::Code,
                    '\\' => State::Quoted { escaped: !escaped },
                    _ => State::Quoted { escaped: false },
                }
            }
            State::Html { depth } => {
                out.push(c);
                match c {
                    '<' => State::Html { depth: depth + 1 },
                    '>' if depth == 1 => State::Code,
                    '>' => State::Html { depth: depth - 1 },
                    _ => State::Html { depth },
                }
            }
        };
    }
    flush(&mut run, &mut out);
    out
}

/// Which coordinate runs across the flow. Positions are in Graphviz's
/// coordinates (y grows upward); `cross` is the coordinate across the flow
/// measured so that the first lane has the smallest value.
#[derive(Debug, Clone, Copy)]
struct Axis {
    direction: Direction,
}

impl Axis {
    /// The cross-flow coordinate of a point.
    fn cross(self, (x, y): (f64, f64)) -> f64 {
        match self.direction {
            Direction::LeftRight => -y,
            Direction::TopBottom => x,
        }
    }

    /// The move of a point `by` along the cross-flow coordinate.
    fn shift(self, by: f64) -> (f64, f64) {
        match self.direction {
            Direction::LeftRight => (0.0, -by),
            Direction::TopBottom => (by, 0.0),
        }
    }

    /// The interval a box (`x1,y1,x2,y2`) covers across the flow.
    fn span(self, [x1, y1, x2, y2]: [f64; 4]) -> (f64, f64) {
        let (a, b) = (self.cross((x1, y1)), self.cross((x2, y2)));
        (a.min(b), a.max(b))
    }
}

/// What moves where.
#[derive(Debug, Default)]
struct Plan {
    /// The group of every node in a block, by node name.
    group_of: BTreeMap<String, usize>,
    /// The group of every top-level cluster, by cluster name.
    cluster_group: BTreeMap<String, usize>,
    /// How far each group moves across the flow.
    shift: Vec<f64>,
    /// Where each group ends up in the new order.
    position: Vec<usize>,
    /// The extent of each lane along the flow, by cluster name, in
    /// Graphviz coordinates (x1, x2 left to right; y1, y2 top to bottom):
    /// from its first item to its last, and at least as long as its label.
    lane_extent: BTreeMap<String, (f64, f64)>,
    /// The room freed at the far end across the flow (below the last
    /// band left to right, right of it top to bottom) by spacing the
    /// groups evenly.
    freed: f64,
}

/// A block: a cluster or a node outside every cluster.
#[derive(Debug)]
struct Block {
    /// The cluster's name, if it is one.
    cluster: Option<String>,
    /// The nodes in it.
    nodes: Vec<String>,
    /// Its interval across the flow.
    span: (f64, f64),
}

/// Blocks that overlap across the flow, moved together.
#[derive(Debug)]
struct Group {
    /// Indexes into the blocks.
    members: Vec<usize>,
    /// The interval they cover across the flow.
    span: (f64, f64),
    /// The smallest lane index among them, if any is a lane.
    lane: Option<usize>,
}

impl Plan {
    fn of(stmts: &[Stmt], axis: Axis) -> Plan {
        let mut boxes = BTreeMap::new();
        node_boxes(stmts, &mut boxes);
        let blocks = blocks(stmts, axis, &boxes);
        let groups = groups(&blocks);
        // Lanes by index, then the other groups as they were.
        let mut new_order: Vec<usize> = (0..groups.len()).collect();
        new_order.sort_by_key(|&group| match groups[group].lane {
            Some(lane) => (0, lane, group),
            None => (1, 0, group),
        });
        let (gap, freed) = gaps(&groups);
        let mut plan = Plan {
            shift: vec![0.0; groups.len()],
            position: vec![0; groups.len()],
            freed,
            lane_extent: lane_extents(stmts, axis, &boxes),
            ..Plan::default()
        };
        let mut cursor = groups.first().map_or(0.0, |first| first.span.0);
        for (place, &group) in new_order.iter().enumerate() {
            let (low, high) = groups[group].span;
            plan.shift[group] = cursor - low;
            plan.position[group] = place;
            cursor += high - low + gap;
        }
        for (group, Group { members, .. }) in groups.iter().enumerate() {
            for block in members.iter().map(|&block| &blocks[block]) {
                for node in &block.nodes {
                    plan.group_of.insert(node.clone(), group);
                }
                if let Some(cluster) = &block.cluster {
                    plan.cluster_group.insert(cluster.clone(), group);
                }
            }
        }
        plan
    }

    /// How far a node moves, if it is in a block.
    fn node_shift(&self, name: &str) -> Option<f64> {
        self.group_of.get(name).map(|&group| self.shift[group])
    }

    /// How far an edge between two nodes moves when it moves as one piece
    /// with both ends: when every group from one end's to the other's has
    /// the same shift and they stay side by side in the same order, so
    /// nothing new comes between them. `None` when it must be routed
    /// again.
    fn edge_shift(&self, tail: &str, head: &str) -> Option<f64> {
        let (a, b) = (*self.group_of.get(tail)?, *self.group_of.get(head)?);
        let (first, last) = (a.min(b), a.max(b));
        let shift = self.shift[first];
        let rigid = (first..last).all(|group| {
            self.shift[group + 1] == shift && self.position[group + 1] == self.position[group] + 1
        });
        rigid.then_some(shift)
    }
}

/// The blocks merged into groups of overlapping ones, in order across the
/// flow.
fn groups(blocks: &[Block]) -> Vec<Group> {
    let mut order: Vec<usize> = (0..blocks.len()).collect();
    order.sort_by(|&a, &b| blocks[a].span.0.total_cmp(&blocks[b].span.0));
    let mut groups: Vec<Group> = Vec::new();
    for index in order {
        let (low, high) = blocks[index].span;
        let lane = blocks[index].cluster.as_deref().and_then(lane_index);
        match groups.last_mut() {
            Some(group) if low < group.span.1 => {
                group.members.push(index);
                group.span.1 = group.span.1.max(high);
                group.lane = group.lane.into_iter().chain(lane).min();
            }
            _ => groups.push(Group {
                members: vec![index],
                span: (low, high),
                lane,
            }),
        }
    }
    groups
}

/// The least room between two lane bands, in points: the gap a
/// rejection runs along ([`crate::emit::channels`]), with room for a few
/// side by side.
const LANE_GAP: f64 = 16.0;

/// The gap between groups: the smallest there was (the space Graphviz
/// leaves between two clusters), at least [`LANE_GAP`], so the groups are
/// evenly spaced whatever order they were in; and the room that frees at
/// the far end (negative when the gaps grew).
fn gaps(groups: &[Group]) -> (f64, f64) {
    let old: Vec<f64> = groups
        .windows(2)
        .map(|pair| (pair[1].span.0 - pair[0].span.1).max(0.0))
        .collect();
    let Some(smallest) = old.iter().copied().reduce(f64::min) else {
        return (0.0, 0.0);
    };
    let gap = smallest.max(LANE_GAP);
    let total: f64 = old.iter().sum();
    (gap, total - gap * old.len() as f64)
}

/// The index of a lane cluster from its name.
fn lane_index(cluster: &str) -> Option<usize> {
    cluster.strip_prefix(LANE_PREFIX)?.parse().ok()
}

/// The blocks of a laid-out graph: its top-level clusters and the nodes
/// outside all of them that have a position.
fn blocks(stmts: &[Stmt], axis: Axis, boxes: &BTreeMap<String, [f64; 4]>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut clustered = Vec::new();
    for stmt in stmts {
        let Stmt::Subgraph(subgraph) = stmt else {
            continue;
        };
        let name = id_text(&subgraph.id);
        if !name.starts_with("cluster") {
            continue;
        }
        let mut nodes = Vec::new();
        collect_nodes(&subgraph.stmts, &mut nodes);
        nodes.sort();
        nodes.dedup();
        clustered.extend(nodes.iter().cloned());
        if let Some(bb) = graph_attribute(&subgraph.stmts, "bb").and_then(|bb| numbers::<4>(&bb)) {
            blocks.push(Block {
                cluster: Some(name),
                nodes,
                span: axis.span(bb),
            });
        }
    }
    clustered.sort();
    for (name, bb) in boxes {
        if clustered.binary_search(name).is_err() {
            blocks.push(Block {
                cluster: None,
                nodes: vec![name.clone()],
                span: axis.span(*bb),
            });
        }
    }
    blocks
}

/// The names of the nodes named anywhere in `stmts`, in subgraphs too.
fn collect_nodes(stmts: &[Stmt], nodes: &mut Vec<String>) {
    let mut pending: Vec<&[Stmt]> = vec![stmts];
    while let Some(stmts) = pending.pop() {
        for stmt in stmts {
            match stmt {
                Stmt::Node(node) => nodes.push(id_text(&node.id.0)),
                Stmt::Subgraph(subgraph) => pending.push(&subgraph.stmts),
                Stmt::Edge(edge) => nodes.extend(edge_ends(&edge.ty)),
                _ => {}
            }
        }
    }
}

/// The box every positioned node takes (`x1,y1,x2,y2`), by name.
pub(crate) fn node_boxes(stmts: &[Stmt], boxes: &mut BTreeMap<String, [f64; 4]>) {
    let mut pending: Vec<&[Stmt]> = vec![stmts];
    while let Some(stmts) = pending.pop() {
        for stmt in stmts {
            match stmt {
                Stmt::Node(node) => {
                    let value = |key| attribute(&node.attributes, key);
                    let Some([x, y]) = value("pos").and_then(|pos| numbers::<2>(&pos)) else {
                        continue;
                    };
                    let size = |key| {
                        value(key)
                            .and_then(|v| numbers::<1>(&v))
                            .map_or(0.0, |[v]| v)
                    };
                    let (half_width, half_height) = (size("width") * 36.0, size("height") * 36.0);
                    boxes.insert(
                        id_text(&node.id.0),
                        [
                            x - half_width,
                            y - half_height,
                            x + half_width,
                            y + half_height,
                        ],
                    );
                }
                Stmt::Subgraph(subgraph) => pending.push(&subgraph.stmts),
                _ => {}
            }
        }
    }
}

/// The room left between a lane's edge and its first and last item along
/// the flow (Graphviz's cluster margin).
const LANE_MARGIN: f64 = 8.0;

/// The extent along the flow of every lane, by cluster name: from the
/// start of its first item to the end of its last (the lane anchors,
/// points, left out), with [`LANE_MARGIN`] on both sides, and at least as
/// long as its label. A lane is no longer than its content needs.
fn lane_extents(
    stmts: &[Stmt],
    axis: Axis,
    boxes: &BTreeMap<String, [f64; 4]>,
) -> BTreeMap<String, (f64, f64)> {
    let mut extents = BTreeMap::new();
    for stmt in stmts {
        let Stmt::Subgraph(subgraph) = stmt else {
            continue;
        };
        let name = id_text(&subgraph.id);
        if lane_index(&name).is_none() {
            continue;
        }
        let mut nodes = Vec::new();
        collect_nodes(&subgraph.stmts, &mut nodes);
        let content = nodes
            .iter()
            .filter(|node| !is_lane_anchor(node))
            .filter_map(|node| boxes.get(node))
            .map(|&[x1, y1, x2, y2]| match axis.direction {
                Direction::LeftRight => (x1, x2),
                Direction::TopBottom => (y1, y2),
            })
            .reduce(|(a1, a2), (b1, b2)| (a1.min(b1), a2.max(b2)));
        let Some((low, high)) = content else {
            continue;
        };
        let label = graph_attribute(&subgraph.stmts, "lwidth")
            .and_then(|width| numbers::<1>(&width))
            .map_or(0.0, |[width]| width * 72.0 + 2.0 * LANE_MARGIN);
        let (low, high) = (low - LANE_MARGIN, high + LANE_MARGIN);
        let extent = match axis.direction {
            // The label is written at the start of the lane: the left end
            // left to right, the top (the high end in Graphviz's
            // coordinates) top to bottom, where it also needs its height.
            Direction::LeftRight => (low, high.max(low + label)),
            Direction::TopBottom => {
                let height = graph_attribute(&subgraph.stmts, "lheight")
                    .and_then(|height| numbers::<1>(&height))
                    .map_or(0.0, |[height]| height * 72.0);
                (low, high + height)
            }
        };
        extents.insert(name, extent);
    }
    extents
}

/// Moves everything in `stmts` as `plan` says.
fn apply(stmts: &mut [Stmt], plan: &Plan, axis: Axis) {
    let mut pending: Vec<(&mut [Stmt], Option<f64>)> = vec![(stmts, None)];
    while let Some((stmts, cluster_shift)) = pending.pop() {
        for stmt in stmts.iter_mut() {
            match stmt {
                Stmt::Node(node) => {
                    if let Some(shift) = plan.node_shift(&id_text(&node.id.0)) {
                        let by = axis.shift(shift);
                        for key in ["pos", "xlp"] {
                            move_points(&mut node.attributes, key, by);
                        }
                    }
                }
                Stmt::Edge(edge) => {
                    let ends = edge_ends(&edge.ty);
                    let shift = match ends.as_slice() {
                        [tail, head] => plan.edge_shift(tail, head),
                        _ => None,
                    };
                    move_edge(&mut edge.attributes, shift.map(|shift| axis.shift(shift)));
                }
                Stmt::GAttribute(GraphAttributes::Graph(attributes)) => {
                    if let Some(shift) = cluster_shift {
                        let by = axis.shift(shift);
                        move_points(attributes, "lp", by);
                        move_points(attributes, "bb", by);
                    }
                }
                Stmt::Subgraph(subgraph) => {
                    let name = id_text(&subgraph.id);
                    let shift = plan
                        .cluster_group
                        .get(&name)
                        .map(|&group| plan.shift[group]);
                    if let Some(&extent) = plan.lane_extent.get(&name) {
                        fit_lane(&mut subgraph.stmts, extent, axis);
                    }
                    pending.push((&mut subgraph.stmts, shift));
                }
                _ => {}
            }
        }
    }
}

/// Takes the room freed at the far end off the graph's box (adds it, when
/// negative), keeping the title (centred at the top) centred.
fn shrink_graph(stmts: &mut [Stmt], freed: f64, axis: Axis) {
    if freed == 0.0 {
        return;
    }
    for stmt in stmts {
        let Stmt::GAttribute(GraphAttributes::Graph(attributes)) = stmt else {
            continue;
        };
        let Some([x1, y1, x2, y2]) = attribute(attributes, "bb").and_then(|bb| numbers::<4>(&bb))
        else {
            continue;
        };
        let bb = match axis.direction {
            Direction::LeftRight => [x1, y1 + freed, x2, y2],
            Direction::TopBottom => {
                move_points(attributes, "lp", (-freed / 2.0, 0.0));
                [x1, y1, x2 - freed, y2]
            }
        };
        set_attribute(attributes, "bb", &format_numbers(&bb));
    }
}

/// Fits a lane's box along the flow to `extent`, keeping its label
/// where it was relative to the end it is drawn at (the left end left to
/// right, the top top to bottom).
fn fit_lane(stmts: &mut [Stmt], (low, high): (f64, f64), axis: Axis) {
    for stmt in stmts {
        let Stmt::GAttribute(GraphAttributes::Graph(attributes)) = stmt else {
            continue;
        };
        let Some([x1, y1, x2, y2]) = attribute(attributes, "bb").and_then(|bb| numbers::<4>(&bb))
        else {
            continue;
        };
        let (bb, label_move) = match axis.direction {
            Direction::LeftRight => ([low, y1, high, y2], (low - x1, 0.0)),
            Direction::TopBottom => ([x1, low, x2, high], (0.0, high - y2)),
        };
        set_attribute(attributes, "bb", &format_numbers(&bb));
        move_points(attributes, "lp", label_move);
    }
}

/// Moves an edge's spline and labels `by`, or, when it cannot move as one
/// piece (`None`), drops them so it is routed again.
fn move_edge(attributes: &mut Vec<Attribute>, by: Option<(f64, f64)>) {
    const PLACED: [&str; 5] = ["pos", "lp", "xlp", "head_lp", "tail_lp"];
    match by {
        Some(by) => {
            for key in PLACED {
                move_points(attributes, key, by);
            }
        }
        None => attributes.retain(|Attribute(key, _)| !PLACED.contains(&id_text(key).as_str())),
    }
}

/// Adds `by` to every point of the attribute `key`: a point (`x,y`), a box
/// (`x1,y1,x2,y2`) or a spline (`e,x,y s,x,y x,y ...`, several separated
/// by `;`).
fn move_points(attributes: &mut [Attribute], key: &str, (dx, dy): (f64, f64)) {
    if dx == 0.0 && dy == 0.0 {
        return;
    }
    for Attribute(name, value) in attributes.iter_mut() {
        if id_text(name) != key {
            continue;
        }
        let text = id_text(value);
        let moved: Vec<String> = text
            .split(';')
            .map(|spline| {
                spline
                    .split_whitespace()
                    .map(|point| move_point(point, dx, dy))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        *value = quoted(&moved.join(";"));
    }
}

/// One point of a position: `x,y`, `e,x,y`, `s,x,y`, or a box of two
/// points `x1,y1,x2,y2`. Anything else is kept as it is.
fn move_point(point: &str, dx: f64, dy: f64) -> String {
    let (prefix, rest) = match point.split_once(',') {
        Some((marker @ ("e" | "s"), rest)) => (format!("{marker},"), rest),
        _ => (String::new(), point),
    };
    let Some(values) = rest
        .split(',')
        .map(|value| value.trim().parse::<f64>().ok())
        .collect::<Option<Vec<f64>>>()
    else {
        return point.to_string();
    };
    if values.len() % 2 != 0 {
        return point.to_string();
    }
    let moved: Vec<f64> = values
        .iter()
        .enumerate()
        .map(|(index, value)| value + if index % 2 == 0 { dx } else { dy })
        .collect();
    format!("{prefix}{}", format_numbers(&moved))
}

/// Numbers as Graphviz writes them: at most three decimals, no trailing
/// zeros, comma-separated.
pub(crate) fn format_numbers(values: &[f64]) -> String {
    values
        .iter()
        .map(|value| {
            let rounded = (value * 1000.0).round() / 1000.0 + 0.0;
            format!("{rounded}")
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Exactly `N` comma-separated numbers.
pub(crate) fn numbers<const N: usize>(text: &str) -> Option<[f64; N]> {
    let values: Vec<f64> = text
        .split(',')
        .map(|value| value.trim().parse().ok())
        .collect::<Option<_>>()?;
    values.try_into().ok()
}

/// The names of the nodes an edge joins.
pub(crate) fn edge_ends(ty: &EdgeTy) -> Vec<String> {
    let vertices: Vec<&Vertex> = match ty {
        EdgeTy::Pair(tail, head) => vec![tail, head],
        EdgeTy::Chain(vertices) => vertices.iter().collect(),
    };
    vertices
        .into_iter()
        .filter_map(|vertex| match vertex {
            Vertex::N(node) => Some(id_text(&node.0)),
            Vertex::S(_) => None,
        })
        .collect()
}

/// The value of a graph attribute set in a `graph [...]` statement of
/// `stmts` (not in its subgraphs).
fn graph_attribute(stmts: &[Stmt], key: &str) -> Option<String> {
    stmts.iter().find_map(|stmt| match stmt {
        Stmt::GAttribute(GraphAttributes::Graph(attributes)) => attribute(attributes, key),
        Stmt::Attribute(Attribute(name, value)) if id_text(name) == key => Some(id_text(value)),
        _ => None,
    })
}

/// The value of `key` among `attributes`, as text.
pub(crate) fn attribute(attributes: &[Attribute], key: &str) -> Option<String> {
    attributes
        .iter()
        .find(|Attribute(name, _)| id_text(name) == key)
        .map(|Attribute(_, value)| id_text(value))
}

/// Sets `key` to `value` among `attributes`.
pub(crate) fn set_attribute(attributes: &mut [Attribute], key: &str, value: &str) {
    for Attribute(name, old) in attributes.iter_mut() {
        if id_text(name) == key {
            *old = quoted(value);
        }
    }
}

/// The text of an identifier: a quoted string without its quotes and
/// Graphviz's line continuations (a backslash before a line break), which
/// `dot` inserts into long values.
pub(crate) fn id_text(id: &Id) -> String {
    match id {
        Id::Escaped(text) => {
            let inner = text
                .strip_prefix('"')
                .and_then(|text| text.strip_suffix('"'))
                .unwrap_or(text);
            inner.replace("\\\r\n", "").replace("\\\n", "")
        }
        Id::Html(text) | Id::Plain(text) | Id::Anonymous(text) => text.clone(),
    }
}

/// A quoted DOT string for a value made of numbers, commas, letters and
/// spaces (positions), which need no escaping.
pub(crate) fn quoted(text: &str) -> Id {
    Id::Escaped(format!("\"{text}\""))
}

/// How many points each cubic Bézier segment of an edge is sampled at.
const SAMPLES: usize = 24;

/// Points along an edge's spline (`pos`: optional `e,x,y` and `s,x,y`
/// end points, then the control points of cubic Bézier segments; several
/// splines separated by `;`), the arrowheads' ends included.
pub(crate) fn sample(pos: &str) -> Vec<(f64, f64)> {
    let mut points = Vec::new();
    for spline in pos.split(';') {
        let mut controls = Vec::new();
        for point in spline.split_whitespace() {
            match point.split_once(',') {
                Some(("e" | "s", rest)) => points.extend(numbers::<2>(rest).map(|[x, y]| (x, y))),
                _ => controls.extend(numbers::<2>(point).map(|[x, y]| (x, y))),
            }
        }
        points.extend(bezier_points(&controls));
    }
    points
}

/// Points along a chain of cubic Bézier segments given by their control
/// points (`p0 p1 p2 p3 p4 p5 p6 ...`, each segment starting where the last
/// ended), [`SAMPLES`] per segment and the end.
pub fn bezier_points(controls: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut points = Vec::new();
    let mut start = 0;
    while start + 3 < controls.len() {
        let [p0, p1, p2, p3] = [
            controls[start],
            controls[start + 1],
            controls[start + 2],
            controls[start + 3],
        ];
        for step in 0..=SAMPLES {
            let t = step as f64 / SAMPLES as f64;
            let u = 1.0 - t;
            let blend = |a: f64, b: f64, c: f64, d: f64| {
                u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d
            };
            points.push((blend(p0.0, p1.0, p2.0, p3.0), blend(p0.1, p1.1, p2.1, p3.1)));
        }
        start += 3;
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_non_ascii_identifiers_are_quoted_and_strings_are_kept() {
        let laid_out =
            "digraph g { a [label=任免生效, x=\"b 任\\\" c\", h=<<B>任</B>>]; 生效 -> b_1 }";
        assert_eq!(
            quote_bare_ids(laid_out),
            "digraph g { a [label=\"任免生效\", x=\"b 任\\\" c\", h=<<B>任</B>>]; \"生效\" -> b_1 }"
        );
    }

    #[test]
    fn points_of_splines_and_boxes_move_and_markers_stay() {
        assert_eq!(move_point("e,10,20.5", 1.0, -2.0), "e,11,18.5");
        assert_eq!(move_point("1.25,2", 0.0, 0.125), "1.25,2.125");
        assert_eq!(move_point("0,0,100,50", 10.0, 5.0), "10,5,110,55");
        assert_eq!(move_point("not,a,point", 1.0, 1.0), "not,a,point");
    }

    #[test]
    fn numbers_are_written_with_at_most_three_decimals() {
        assert_eq!(
            format_numbers(&[1.0 / 3.0, -0.0, 2.5, 1e-9]),
            "0.333,0,2.5,0"
        );
    }

    #[test]
    fn lane_anchors_are_told_from_node_names() {
        assert!(is_lane_anchor("lane.0.head"));
        assert!(is_lane_anchor("lane.12.tail"));
        for name in [
            "lane",
            "lane.0",
            "lane..head",
            "lane.x.head",
            "lane.0.middle",
            "apply",
        ] {
            assert!(!is_lane_anchor(name), "{name}");
        }
    }

    #[test]
    fn edges_of_a_big_layout_are_drawn_straight() {
        let layout = |count: usize| {
            let nodes: String = (0..count)
                .map(|index| format!("n{index} [pos=\"{},0\" width=1 height=1];", index * 100))
                .collect();
            format!("digraph g {{ {nodes} }}")
        };
        let small = restack(&layout(CURVED_ROUTING_NODES), Direction::LeftRight);
        assert!(small.expect("restacks").curved);
        let big = restack(&layout(CURVED_ROUTING_NODES + 1), Direction::LeftRight);
        assert!(!big.expect("restacks").curved);
    }

    #[test]
    fn line_continuations_are_not_part_of_a_value() {
        let id = Id::Escaped("\"e,1,2 3,\\\n4\"".to_string());
        assert_eq!(id_text(&id), "e,1,2 3,4");
    }
}
