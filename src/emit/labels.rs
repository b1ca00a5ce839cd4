//! Edge labels of the Graphviz engine, and the outside labels of nodes (a
//! parallel block's title beside its bar), placed clear of every edge and
//! box.
//!
//! `neato -n2` routes the edges between lanes after the restack
//! ([`crate::emit::lanes`]) and puts each label near the middle of its
//! edge, where another edge, or its own, often runs through the text.
//! flowc therefore lets `neato` route first (`-Tdot`, which writes every
//! edge's spline and label position), then moves each label that is
//! crossed by an edge or lies on a box, a lane's title or another label to
//! the nearest free place beside its own edge, on a grid of [`STEP`]
//! points, nearest first, then right beside any part of its edge. A
//! condition's or timeout's label with no such place is drawn on its
//! line on a backing of the lane's colour (an HTML-like label), as the
//! built-in engine draws every label; rejections' labels are placed
//! last and never backed. The last `neato -n2` run draws the result
//! where it is.
//!
//! Text is measured as the diagrams measure it everywhere: a CJK
//! character one em wide, any other character 0.6 em, lines 1.2 em apart.
//! Only arithmetic on the input's numbers is used, so the same layout
//! always gives the same text.

use std::collections::BTreeMap;

use graphviz_rust::dot_structures::{Attribute, Graph, GraphAttributes, Id, Stmt};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use crate::emit::diagram::Direction;
use crate::emit::lanes::{
    RestackError, attribute, edge_ends, format_numbers, id_text, node_boxes, numbers, parse,
    sample, set_attribute,
};

/// The grid a label moves on, in points.
const STEP: f64 = 4.0;

/// How many grid steps a label may move each way.
const REACH: i32 = 40;

/// The farthest a label may be from its own edge, in points, so the reader
/// still sees which edge it belongs to.
const NEAR: f64 = 32.0;

/// Graphviz's default font size, in points.
const FONT_SIZE: f64 = 14.0;

/// The room kept between a label and what it must not touch, in points.
const CLEARANCE: f64 = 4.0;

/// A label to place: what it belongs to, its size and where it is.
struct Label {
    owner: Owner,
    width: f64,
    height: f64,
    at: (f64, f64),
    /// A dashed edge's (a rejection's): placed after the others, which
    /// keep the places the arrangement gave them next to their line.
    dashed: bool,
}

/// What a label belongs to, and must stay near.
#[derive(Debug, Clone, PartialEq)]
enum Owner {
    /// An edge, by its position in the walk over the graph's edges.
    Edge(usize),
    /// A node's outside label (`xlabel`: a parallel block's title beside
    /// its bar), by the node's name, with the node's box.
    Node(String, [f64; 4]),
}

/// The routed layout `routed` (DOT as `neato -n2 -Tdot` writes it, flowing
/// in `direction`) with every edge label that an edge crosses, or that
/// lies on a node, in a lane's header or on an earlier label, moved to the
/// nearest free place beside its edge. A label with no free place within
/// three times [`REACH`] stays where it was.
pub fn place(routed: &str, direction: Direction) -> Result<String, RestackError> {
    let mut graph = parse(routed)?;
    let stmts = match &mut graph {
        Graph::Graph { stmts, .. } | Graph::DiGraph { stmts, .. } => stmts,
    };
    let mut boxes = BTreeMap::new();
    node_boxes(stmts, &mut boxes);
    let mut curves: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut labels = Vec::new();
    outside_labels(stmts, &boxes, &mut labels);
    for_each_edge(stmts, &mut |attributes| {
        let index = curves.len();
        curves.push(attribute(attributes, "pos").map_or_else(Vec::new, |pos| sample(&pos)));
        if let Some(label) = label_of(attributes, index) {
            labels.push(label);
        }
    });
    labels.sort_by_key(|label| label.dashed);
    let mut obstacles: Vec<[f64; 4]> = boxes.values().copied().collect();
    cluster_labels(stmts, &mut obstacles);
    let fills = lane_fills(stmts);
    let lanes: Vec<[f64; 4]> = fills.iter().map(|(lane, _)| *lane).collect();
    lane_headers(stmts, direction, &mut obstacles);
    let page = graph_value(stmts, "bgcolor").unwrap_or_else(|| "white".to_string());
    let mut placed: Vec<[f64; 4]> = Vec::new();
    let mut moved: BTreeMap<usize, (f64, f64)> = BTreeMap::new();
    let mut backed: BTreeMap<usize, String> = BTreeMap::new();
    let mut moved_outside: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for label in &labels {
        let own = match &label.owner {
            Owner::Edge(edge) => Some(*edge),
            Owner::Node(..) => None,
        };
        let free = |at: (f64, f64), near: f64, within_lanes: bool, on_line: bool| {
            let area = label_box(label, at);
            let near_own = match &label.owner {
                Owner::Edge(edge) => curves[*edge]
                    .iter()
                    .any(|&point| distance(area, point) <= near),
                Owner::Node(_, bounds) => gap_between(area, *bounds) <= near,
            };
            near_own
                && (!within_lanes
                    || !lanes
                        .iter()
                        .any(|&lane| overlap(area, lane) && !holds(lane, area)))
                && !curves
                    .iter()
                    .enumerate()
                    .filter(|&(edge, _)| !(on_line && Some(edge) == own))
                    .flat_map(|(_, curve)| curve)
                    .any(|&point| inside(area, point))
                && !obstacles.iter().any(|other| overlap(area, *other))
                && !placed.iter().any(|other| overlap(area, *other))
        };
        let places = |tier: Tier| match (tier, own) {
            (Tier::Around(reach), _) => offsets(REACH * reach)
                .into_iter()
                .map(|(dx, dy)| (label.at.0 + dx, label.at.1 + dy))
                .collect(),
            (Tier::Beside, Some(edge)) => beside_line(&curves[edge], label),
            (Tier::On, Some(edge)) if !label.dashed => {
                let mut points = line_points(&curves[edge]);
                nearest_first(&mut points, label.at);
                points
            }
            _ => Vec::new(),
        };
        let spot = TIERS.into_iter().find_map(|(tier, within_lanes)| {
            let near = NEAR * f64::from(tier.reach());
            places(tier)
                .into_iter()
                .find(|&at| free(at, near, within_lanes, tier == Tier::On))
                .map(|at| (at, tier))
        });
        let (spot, tier) = spot.unwrap_or((label.at, Tier::Around(0)));
        placed.push(label_box(label, spot));
        if let (Tier::On, Some(edge)) = (tier, own) {
            let fill = fills
                .iter()
                .find(|(lane, _)| inside(*lane, spot))
                .and_then(|(_, fill)| fill.clone())
                .unwrap_or_else(|| page.clone());
            backed.insert(edge, fill);
        }
        if spot != label.at {
            match &label.owner {
                Owner::Edge(edge) => {
                    moved.insert(*edge, spot);
                }
                Owner::Node(name, _) => {
                    moved_outside.insert(name.clone(), spot);
                }
            }
        }
    }
    let mut index = 0;
    for_each_edge(stmts, &mut |attributes| {
        if let Some(&(x, y)) = moved.get(&index) {
            set_attribute(attributes, "lp", &format_numbers(&[x, y]));
        }
        if let Some(fill) = backed.get(&index)
            && let Some(text) = attribute(attributes, "label")
        {
            set_label(attributes, backed_label(&text, fill));
        }
        index += 1;
    });
    move_outside_labels(stmts, &moved_outside);
    let mut dot = graph.print(&mut PrinterContext::default());
    dot.push('\n');
    Ok(dot)
}

/// Where [`place`] looks for a free place for a label, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tier {
    /// Every grid step round where it was, up to this many times
    /// [`REACH`], its own edge within that many times [`NEAR`].
    Around(i32),
    /// Right beside any part of its own edge.
    Beside,
    /// On its own edge (not a rejection's label), drawn on a backing of
    /// the lane's colour that hides the line under it, as the built-in
    /// engine draws every label.
    On,
}

impl Tier {
    /// How many times [`NEAR`] the label may be from its edge.
    fn reach(self) -> i32 {
        match self {
            Tier::Around(reach) => reach.max(1),
            Tier::Beside | Tier::On => 1,
        }
    }
}

/// The places [`place`] tries, in order, each first inside a lane or
/// outside every lane (`true`), then across a lane's border: near where
/// the label was, right beside its edge, on its edge with a backing, and
/// only then farther away.
const TIERS: [(Tier, bool); 10] = [
    (Tier::Around(1), true),
    (Tier::Beside, true),
    (Tier::On, true),
    (Tier::Around(1), false),
    (Tier::Beside, false),
    (Tier::On, false),
    (Tier::Around(2), true),
    (Tier::Around(2), false),
    (Tier::Around(3), true),
    (Tier::Around(3), false),
];

/// An edge label's text (as DOT writes a plain label: lines apart at
/// `\n`) as an HTML-like label on a backing of colour `fill`.
fn backed_label(text: &str, fill: &str) -> String {
    let lines: Vec<String> = text
        .split("\\n")
        .map(|line| {
            line.replace("\\\"", "\"")
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
        })
        .collect();
    format!(
        "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\" BGCOLOR=\"{fill}\"><TR><TD>{}</TD></TR></TABLE>>",
        lines.join("<BR/>")
    )
}

/// Sets an edge's label to the HTML-like label `html`.
fn set_label(attributes: &mut [Attribute], html: String) {
    if let Some(Attribute(_, value)) = attributes
        .iter_mut()
        .find(|Attribute(key, _)| id_text(key) == "label")
    {
        *value = Id::Html(html);
    }
}

/// The box (`bb`) and fill colour of every lane cluster
/// (`cluster_lane_…`): a label lies inside a lane or outside every lane,
/// never across a lane's border, which would strike it through; a label
/// on a backing takes the colour of the lane it lies in.
fn lane_fills(stmts: &[Stmt]) -> Vec<([f64; 4], Option<String>)> {
    let mut found = Vec::new();
    for stmt in stmts {
        let Stmt::Subgraph(subgraph) = stmt else {
            continue;
        };
        if id_text(&subgraph.id).starts_with("cluster_lane_")
            && let Some(bounds) =
                graph_value(&subgraph.stmts, "bb").and_then(|bb| numbers::<4>(&bb))
        {
            found.push((bounds, graph_value(&subgraph.stmts, "fillcolor")));
        }
        found.extend(lane_fills(&subgraph.stmts));
    }
    found
}

/// Adds the box of every cluster's label (a lane's title, the legend's) to
/// `boxes`: from its position (`lp`) and size (`lwidth`, `lheight`, in
/// inches).
fn cluster_labels(stmts: &[Stmt], boxes: &mut Vec<[f64; 4]>) {
    for stmt in stmts {
        let Stmt::Subgraph(subgraph) = stmt else {
            continue;
        };
        let value = |key: &str| graph_value(&subgraph.stmts, key);
        let point = value("lp").and_then(|lp| numbers::<2>(&lp));
        let size = |key: &str| value(key).and_then(|size| numbers::<1>(&size));
        if let (Some([x, y]), Some([width]), Some([height])) =
            (point, size("lwidth"), size("lheight"))
        {
            let (half_width, half_height) = (width * 36.0, height * 36.0);
            boxes.push([
                x - half_width,
                y - half_height,
                x + half_width,
                y + half_height,
            ]);
        }
        cluster_labels(&subgraph.stmts, boxes);
    }
}

/// The value of a graph attribute (`graph [key=…]` or `key=…`) among
/// `stmts`.
fn graph_value(stmts: &[Stmt], key: &str) -> Option<String> {
    stmts.iter().find_map(|stmt| match stmt {
        Stmt::GAttribute(GraphAttributes::Graph(attributes)) => attribute(attributes, key),
        Stmt::Attribute(Attribute(name, value)) if id_text(name) == key => Some(id_text(value)),
        _ => None,
    })
}

/// Adds the header of every lane cluster (`cluster_lane_…`) to `boxes`:
/// the band across the whole lane, from where it begins along the flow
/// (its top, or its left edge left to right), that its title (at `lp`) is
/// centred in. A label there reads as part of the lane's title.
fn lane_headers(stmts: &[Stmt], direction: Direction, boxes: &mut Vec<[f64; 4]>) {
    for stmt in stmts {
        let Stmt::Subgraph(subgraph) = stmt else {
            continue;
        };
        if id_text(&subgraph.id).starts_with("cluster_lane_") {
            let value = |key: &str| graph_value(&subgraph.stmts, key);
            let bounds = value("bb").and_then(|bb| numbers::<4>(&bb));
            let title = value("lp").and_then(|lp| numbers::<2>(&lp));
            if let (Some([x1, y1, x2, y2]), Some([x, y])) = (bounds, title) {
                boxes.push(match direction {
                    Direction::LeftRight => [x1, y1, x1 + 2.0 * (x - x1), y2],
                    Direction::TopBottom => [x1, y2 - 2.0 * (y2 - y), x2, y2],
                });
            }
        }
        lane_headers(&subgraph.stmts, direction, boxes);
    }
}

/// Calls `visit` with the attributes of every edge between two nodes, in
/// subgraphs too, always in the same order.
fn for_each_edge(stmts: &mut [Stmt], visit: &mut dyn FnMut(&mut Vec<Attribute>)) {
    for stmt in stmts.iter_mut() {
        match stmt {
            Stmt::Edge(edge) if edge_ends(&edge.ty).len() == 2 => visit(&mut edge.attributes),
            Stmt::Subgraph(subgraph) => for_each_edge(&mut subgraph.stmts, visit),
            _ => {}
        }
    }
}

/// The label of the edge with `attributes`, if it has a plain one with a
/// position.
fn label_of(attributes: &[Attribute], edge: usize) -> Option<Label> {
    let text = attributes
        .iter()
        .find(|Attribute(key, _)| id_text(key) == "label")
        .and_then(|Attribute(_, value)| match value {
            Id::Html(_) => None,
            value => Some(id_text(value)),
        })?;
    let [x, y] = attribute(attributes, "lp").and_then(|lp| numbers::<2>(&lp))?;
    let size = attribute(attributes, "fontsize")
        .and_then(|size| numbers::<1>(&size))
        .map_or(FONT_SIZE, |[size]| size);
    let (width, height) = text_size(&text, size);
    Some(Label {
        owner: Owner::Edge(edge),
        width,
        height,
        at: (x, y),
        dashed: attribute(attributes, "style").is_some_and(|style| style.contains("dashed")),
    })
}

/// The size of a plain label's text at `size` points: its widest line and
/// its lines 1.2 em apart.
pub(crate) fn text_size(text: &str, size: f64) -> (f64, f64) {
    let lines: Vec<&str> = text.split("\\n").collect();
    let widest = lines
        .iter()
        .map(|line| text_width(line))
        .fold(0.0, f64::max);
    (widest * size, lines.len() as f64 * size * 1.2)
}

/// Adds the plain outside label (`xlabel` at `xlp`) of every node, in
/// subgraphs too, to `labels`: a parallel block's title beside its bar.
fn outside_labels(stmts: &[Stmt], boxes: &BTreeMap<String, [f64; 4]>, labels: &mut Vec<Label>) {
    for stmt in stmts {
        match stmt {
            Stmt::Node(node) => {
                let name = id_text(&node.id.0);
                let text = node
                    .attributes
                    .iter()
                    .find(|Attribute(key, _)| id_text(key) == "xlabel")
                    .and_then(|Attribute(_, value)| match value {
                        Id::Html(_) => None,
                        value => Some(id_text(value)),
                    });
                let at = attribute(&node.attributes, "xlp").and_then(|xlp| numbers::<2>(&xlp));
                if let (Some(text), Some([x, y]), Some(bounds)) = (text, at, boxes.get(&name)) {
                    let size = attribute(&node.attributes, "fontsize")
                        .and_then(|size| numbers::<1>(&size))
                        .map_or(FONT_SIZE, |[size]| size);
                    let (width, height) = text_size(&text, size);
                    labels.push(Label {
                        owner: Owner::Node(name, *bounds),
                        width,
                        height,
                        at: (x, y),
                        dashed: false,
                    });
                }
            }
            Stmt::Subgraph(subgraph) => outside_labels(&subgraph.stmts, boxes, labels),
            _ => {}
        }
    }
}

/// The boxes (with [`CLEARANCE`] around them) of the outside labels of
/// the nodes of a layout, as they stand: the titles beside parallel
/// blocks' bars, which [`crate::emit::channels`] keeps rejections clear of.
pub(crate) fn outside_label_boxes(stmts: &[Stmt]) -> Vec<[f64; 4]> {
    let mut boxes = BTreeMap::new();
    node_boxes(stmts, &mut boxes);
    let mut labels = Vec::new();
    outside_labels(stmts, &boxes, &mut labels);
    labels
        .iter()
        .map(|label| label_box(label, label.at))
        .collect()
}

/// Sets the outside label position (`xlp`) of every node in `moved`.
fn move_outside_labels(stmts: &mut [Stmt], moved: &BTreeMap<String, (f64, f64)>) {
    for stmt in stmts.iter_mut() {
        match stmt {
            Stmt::Node(node) => {
                if let Some(&(x, y)) = moved.get(&id_text(&node.id.0)) {
                    set_attribute(&mut node.attributes, "xlp", &format_numbers(&[x, y]));
                }
            }
            Stmt::Subgraph(subgraph) => move_outside_labels(&mut subgraph.stmts, moved),
            _ => {}
        }
    }
}

/// The distance between two boxes (0 when they overlap).
fn gap_between(a: [f64; 4], b: [f64; 4]) -> f64 {
    let dx = (b[0] - a[2]).max(a[0] - b[2]).max(0.0);
    let dy = (b[1] - a[3]).max(a[1] - b[3]).max(0.0);
    dx.hypot(dy)
}

/// The width of a line of text in ems: CJK characters one em, others 0.6.
pub fn text_width(line: &str) -> f64 {
    line.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 1.0 } else { 0.6 })
        .sum()
}

/// The box of `label` centred at `at`, with [`CLEARANCE`] around it.
fn label_box(label: &Label, (x, y): (f64, f64)) -> [f64; 4] {
    let (half_width, half_height) = (
        label.width / 2.0 + CLEARANCE,
        label.height / 2.0 + CLEARANCE,
    );
    [
        x - half_width,
        y - half_height,
        x + half_width,
        y + half_height,
    ]
}

/// Points along the line `curve`, every [`STEP`].
fn line_points(curve: &[(f64, f64)]) -> Vec<(f64, f64)> {
    curve
        .windows(2)
        .flat_map(|pair| {
            let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
            let pieces = ((x2 - x1).hypot(y2 - y1) / STEP).ceil().max(1.0) as usize;
            (0..pieces).map(move |piece| {
                let t = piece as f64 / pieces as f64;
                (x1 + (x2 - x1) * t, y1 + (y2 - y1) * t)
            })
        })
        .collect()
}

/// Sorts `places` nearest to `at` first (ties keep their order).
fn nearest_first(places: &mut [(f64, f64)], (x, y): (f64, f64)) {
    places.sort_by(|a, b| {
        let far = |&(u, v): &(f64, f64)| (u - x).hypot(v - y);
        far(a).total_cmp(&far(b))
    });
}

/// The places right beside the line `curve` for `label` (its centre
/// half its size and [`CLEARANCE`] from a point of the line, on each of
/// the four sides), every [`STEP`] along the line, nearest to where the
/// label was first.
fn beside_line(curve: &[(f64, f64)], label: &Label) -> Vec<(f64, f64)> {
    let (dx, dy) = (
        label.width / 2.0 + CLEARANCE + 1.0,
        label.height / 2.0 + CLEARANCE + 1.0,
    );
    let mut places: Vec<(f64, f64)> = line_points(curve)
        .into_iter()
        .flat_map(|(x, y)| [(x + dx, y), (x - dx, y), (x, y + dy), (x, y - dy)])
        .collect();
    nearest_first(&mut places, label.at);
    places
}

/// The moves a label may make, up to `reach` grid steps each way, nearest
/// first (ties: lower, then left, in Graphviz's coordinates), starting
/// with staying put.
fn offsets(reach: i32) -> Vec<(f64, f64)> {
    let mut steps: Vec<(i32, i32)> = (-reach..=reach)
        .flat_map(|dx| (-reach..=reach).map(move |dy| (dx, dy)))
        .collect();
    steps.sort_by_key(|&(dx, dy)| (dx * dx + dy * dy, dy, dx));
    steps
        .into_iter()
        .map(|(dx, dy)| (f64::from(dx) * STEP, f64::from(dy) * STEP))
        .collect()
}

/// Whether `point` is inside `area`.
fn inside([x1, y1, x2, y2]: [f64; 4], (x, y): (f64, f64)) -> bool {
    (x1..=x2).contains(&x) && (y1..=y2).contains(&y)
}

/// Whether `outer` holds all of `inner`.
fn holds(outer: [f64; 4], inner: [f64; 4]) -> bool {
    outer[0] <= inner[0] && inner[2] <= outer[2] && outer[1] <= inner[1] && inner[3] <= outer[3]
}

/// Whether two boxes overlap.
fn overlap(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// How far `point` is from `area` (0 inside).
fn distance([x1, y1, x2, y2]: [f64; 4], (x, y): (f64, f64)) -> f64 {
    let dx = (x1 - x).max(x - x2).max(0.0);
    let dy = (y1 - y).max(y - y2).max(0.0);
    dx.hypot(dy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crossed_label_moves_beside_its_edge_and_a_clear_one_stays() {
        // Two straight edges: a->b along y = 0 with its label on the line,
        // c->d along y = 100 with its label well above it.
        let routed = "digraph g { \
            a [pos=\"0,0\", width=0.1, height=0.1]; b [pos=\"400,0\", width=0.1, height=0.1]; \
            c [pos=\"0,100\", width=0.1, height=0.1]; d [pos=\"400,100\", width=0.1, height=0.1]; \
            a -> b [label=\"yes\", lp=\"200,0\", pos=\"e,400,0 0,0 100,0 300,0 400,0\"]; \
            c -> d [label=\"no\", lp=\"200,120\", pos=\"e,400,100 0,100 100,100 300,100 400,100\"]; }";
        let placed = place(routed, Direction::LeftRight).expect("placed");
        assert!(placed.contains("lp=\"200,120\""), "{placed}");
        assert!(!placed.contains("lp=\"200,0\""), "{placed}");
        let graph = parse(&placed).expect("DOT");
        let Graph::DiGraph { stmts, .. } = graph else {
            panic!("a digraph");
        };
        let lp = stmts
            .iter()
            .find_map(|stmt| match stmt {
                Stmt::Edge(edge)
                    if attribute(&edge.attributes, "label").as_deref() == Some("yes") =>
                {
                    attribute(&edge.attributes, "lp").and_then(|lp| numbers::<2>(&lp))
                }
                _ => None,
            })
            .expect("a position");
        // Clear of the line (half the label's height and the clearance),
        // and near it.
        assert!(lp[1].abs() >= 14.0 * 1.2 / 2.0 + CLEARANCE, "{lp:?}");
        assert!(lp[1].abs() <= NEAR + 14.0, "{lp:?}");
    }

    #[test]
    fn a_condition_with_no_room_beside_its_line_goes_on_it_on_a_backing() {
        // a->b along y = 0 between two wide boxes just above and below
        // it, no room beside the line for a label anywhere near; c->d
        // the same, dashed (a rejection), further up.
        let routed = "digraph g { bgcolor=\"#1b1e24\"; \
            a [pos=\"0,0\", width=0.1, height=0.1]; b [pos=\"400,0\", width=0.1, height=0.1]; \
            above [pos=\"200,32\", width=9, height=0.5]; below [pos=\"200,-32\", width=9, height=0.5]; \
            a -> b [label=\"x > 1\", lp=\"200,0\", pos=\"e,400,0 0,0 100,0 300,0 400,0\"]; \
            c [pos=\"0,300\", width=0.1, height=0.1]; d [pos=\"400,300\", width=0.1, height=0.1]; \
            over [pos=\"200,332\", width=9, height=0.5]; under [pos=\"200,268\", width=9, height=0.5]; \
            c -> d [label=\"reject\", style=dashed, lp=\"200,300\", pos=\"e,400,300 0,300 100,300 300,300 400,300\"]; }";
        let placed = place(routed, Direction::LeftRight).expect("placed");
        assert!(
            placed.contains("BGCOLOR=\"#1b1e24\"><TR><TD>x &gt; 1</TD>"),
            "{placed}"
        );
        assert!(placed.contains("label=\"reject\""), "{placed}");
        assert_eq!(placed.matches("BGCOLOR").count(), 1, "{placed}");
    }

    #[test]
    fn text_is_measured_in_ems() {
        assert_eq!(text_width("駁回"), 2.0);
        assert!((text_width("ab") - 1.2).abs() < 1e-9);
    }
}
