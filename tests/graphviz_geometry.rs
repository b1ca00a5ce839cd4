//! The geometry of the Graphviz engine's pictures, measured on the SVG it
//! writes for every example in both directions: no edge label, and no
//! node's outside label (a parallel block's title beside its bar), crossed
//! by an edge, no edge through a node that is not one of its ends, and boxes
//! covering at least a fifth of the lanes (node-box area / lane area), and
//! every rejection between two lanes drawn along the lane edges: no more
//! than 5 % of its length diagonal (more than 10 degrees off both axes)
//! and no run of it along the flow through a lane's inside, but for its
//! stubs out of and into its boxes (the 148 rejections between lanes of
//! the examples' drawings: 138 failed this before
//! [`flowc::emit::channels`], counted before the stubs were exempt; none
//! does now).
//! The numbers are printed per example (`cargo test --test integration
//! graphviz_geometry -- --nocapture`). Needs Graphviz's `dot` on PATH;
//! without it the test prints a note and passes, unless `CI` is set, when
//! it fails.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::common;

use flowc::emit::diagram::{DiagramOptions, Direction};
use flowc::emit::labels::text_width;
use flowc::emit::lanes::bezier_points;
use flowc::i18n::Lang;

/// The smallest share of the lanes' area the boxes must cover.
const SMALLEST_RATIO: f64 = 0.20;

/// How far inside a shape's outline a point of an edge must be to count
/// as passing through it (an edge ends on its outline).
const INSET: f64 = 3.0;

/// A node's outline in SVG coordinates.
#[derive(Debug, Clone)]
enum Outline {
    /// A polygon (diamonds, boxes without rounded corners, bars).
    Polygon(Vec<(f64, f64)>),
    /// An ellipse: centre and radii (start and end circles).
    Ellipse(f64, f64, f64, f64),
    /// The box around a rounded rectangle's path.
    Box([f64; 4]),
}

impl Outline {
    /// Whether `(x, y)` is more than [`INSET`] inside the outline.
    fn holds(&self, (x, y): (f64, f64)) -> bool {
        match self {
            Outline::Box([x1, y1, x2, y2]) => {
                x1 + INSET < x && x < x2 - INSET && y1 + INSET < y && y < y2 - INSET
            }
            Outline::Ellipse(cx, cy, rx, ry) => {
                let (rx, ry) = (rx - INSET, ry - INSET);
                rx > 0.0 && ry > 0.0 && ((x - cx) / rx).powi(2) + ((y - cy) / ry).powi(2) < 1.0
            }
            Outline::Polygon(points) => {
                let mut inside = false;
                for pair in points.windows(2) {
                    let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
                    if (y1 > y) != (y2 > y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1) {
                        inside = !inside;
                    }
                }
                // And not within INSET of an edge of the polygon.
                inside
                    && points
                        .windows(2)
                        .all(|pair| segment_distance(pair[0], pair[1], (x, y)) > INSET)
            }
        }
    }

    /// The box around the outline.
    fn bounds(&self) -> [f64; 4] {
        match self {
            Outline::Box(bounds) => *bounds,
            Outline::Ellipse(cx, cy, rx, ry) => [cx - rx, cy - ry, cx + rx, cy + ry],
            Outline::Polygon(points) => bounds(points),
        }
    }
}

/// How far `point` is from the segment `a`-`b`.
fn segment_distance(a: (f64, f64), b: (f64, f64), point: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = dx * dx + dy * dy;
    let t = if length == 0.0 {
        0.0
    } else {
        (((point.0 - a.0) * dx + (point.1 - a.1) * dy) / length).clamp(0.0, 1.0)
    };
    (point.0 - a.0 - t * dx).hypot(point.1 - a.1 - t * dy)
}

/// The box around points.
fn bounds(points: &[(f64, f64)]) -> [f64; 4] {
    points.iter().fold(
        [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ],
        |[x1, y1, x2, y2], &(x, y)| [x1.min(x), y1.min(y), x2.max(x), y2.max(y)],
    )
}

/// The numbers of an SVG `points` or path `d` attribute, in pairs.
fn pairs(text: &str) -> Vec<(f64, f64)> {
    let clean: String = text
        .chars()
        .map(|c| if c.is_ascii_alphabetic() { ' ' } else { c })
        .collect();
    let numbers: Vec<f64> = clean
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter_map(|value| value.parse().ok())
        .collect();
    numbers
        .chunks_exact(2)
        .map(|pair| (pair[0], pair[1]))
        .collect()
}

/// An edge as drawn: its ends, the points along its path and the boxes of
/// its label's lines.
#[derive(Debug)]
struct DrawnEdge {
    title: String,
    tail: String,
    head: String,
    curve: Vec<(f64, f64)>,
    labels: Vec<[f64; 4]>,
    /// Drawn dashed: a rejection (or other outcome).
    dashed: bool,
    /// Its label drawn on a backing (an HTML-like label's table with a
    /// fill), which hides its own line under it.
    backed: bool,
}

/// What the measures need of a Graphviz SVG.
#[derive(Debug, Default)]
struct Drawing {
    lanes: Vec<[f64; 4]>,
    /// The box of each lane's title (all its lines), by the lane's index
    /// among [`Drawing::lanes`].
    lane_titles: BTreeMap<usize, [f64; 4]>,
    nodes: BTreeMap<String, Outline>,
    /// The boxes of the lines of nodes' outside labels (a parallel
    /// block's title beside its bar), by node.
    outside_labels: Vec<(String, [f64; 4])>,
    edges: Vec<DrawnEdge>,
    /// The legend's frame.
    legend: Option<[f64; 4]>,
    width: f64,
    height: f64,
}

/// The title of an SVG group.
fn title(group: roxmltree::Node<'_, '_>) -> String {
    group
        .children()
        .find(|child| child.has_tag_name("title"))
        .and_then(|title| title.text())
        .unwrap_or_default()
        .to_string()
}

/// The box a line of text takes: from its anchor, font size and width (a
/// CJK character one em, others 0.6 em), from 0.8 em above the baseline
/// to 0.2 em below.
fn text_box(text: roxmltree::Node<'_, '_>) -> Option<[f64; 4]> {
    let number = |key| text.attribute(key)?.parse::<f64>().ok();
    let (x, y) = (number("x")?, number("y")?);
    let size = number("font-size").unwrap_or(14.0);
    let width = text_width(text.text().unwrap_or_default()) * size;
    let left = match text.attribute("text-anchor") {
        Some("middle") => x - width / 2.0,
        Some("end") => x - width,
        _ => x,
    };
    Some([left, y - 0.8 * size, left + width, y + 0.2 * size])
}

fn drawing(svg: &str) -> Drawing {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let document = roxmltree::Document::parse_with_options(svg, options).expect("well-formed SVG");
    let root = document.root_element();
    let size = |key| {
        root.attribute(key)
            .and_then(|value| value.trim_end_matches("pt").parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let mut drawn = Drawing {
        width: size("width"),
        height: size("height"),
        ..Drawing::default()
    };
    for group in document.descendants().filter(|node| node.has_tag_name("g")) {
        let name = title(group);
        let shapes = || group.descendants().filter(|node| node.is_element());
        match group.attribute("class") {
            Some("cluster") if name.starts_with("cluster_lane_") => {
                if let Some(polygon) = shapes().find(|shape| shape.has_tag_name("polygon")) {
                    let lines: Vec<(f64, f64)> = shapes()
                        .filter(|shape| shape.has_tag_name("text"))
                        .filter_map(text_box)
                        .flat_map(|[x1, y1, x2, y2]| [(x1, y1), (x2, y2)])
                        .collect();
                    if !lines.is_empty() {
                        drawn.lane_titles.insert(drawn.lanes.len(), bounds(&lines));
                    }
                    drawn
                        .lanes
                        .push(bounds(&pairs(polygon.attribute("points").unwrap_or(""))));
                }
            }
            Some("cluster") if name == "cluster_legend" => {
                if let Some(polygon) = shapes().find(|shape| shape.has_tag_name("polygon")) {
                    drawn.legend = Some(bounds(&pairs(polygon.attribute("points").unwrap_or(""))));
                }
            }
            Some("node") if !name.starts_with("legend.") => {
                let number = |shape: roxmltree::Node<'_, '_>, key| {
                    shape.attribute(key).and_then(|v| v.parse::<f64>().ok())
                };
                let outline = if let Some(path) = shapes().find(|shape| shape.has_tag_name("path"))
                {
                    Outline::Box(bounds(&pairs(path.attribute("d").unwrap_or(""))))
                } else if let Some(ellipse) = shapes().find(|shape| shape.has_tag_name("ellipse")) {
                    let value = |key| number(ellipse, key).unwrap_or(0.0);
                    // A double circle: the outer one.
                    let outer = shapes()
                        .filter(|shape| shape.has_tag_name("ellipse"))
                        .filter_map(|shape| number(shape, "rx"))
                        .fold(0.0, f64::max);
                    Outline::Ellipse(
                        value("cx"),
                        value("cy"),
                        outer,
                        outer * value("ry") / value("rx"),
                    )
                } else if let Some(polygon) = shapes().find(|shape| shape.has_tag_name("polygon")) {
                    Outline::Polygon(pairs(polygon.attribute("points").unwrap_or("")))
                } else {
                    continue;
                };
                let [x1, y1, x2, y2] = outline.bounds();
                for text in shapes()
                    .filter(|shape| shape.has_tag_name("text"))
                    .filter_map(text_box)
                {
                    let centre = ((text[0] + text[2]) / 2.0, (text[1] + text[3]) / 2.0);
                    if !((x1..=x2).contains(&centre.0) && (y1..=y2).contains(&centre.1)) {
                        drawn.outside_labels.push((name.clone(), text));
                    }
                }
                drawn.nodes.insert(name, outline);
            }
            Some("edge") => {
                let Some((tail, head)) = name.split_once("->") else {
                    continue;
                };
                let curve = shapes()
                    .filter(|shape| shape.has_tag_name("path"))
                    .flat_map(|path| bezier_points(&pairs(path.attribute("d").unwrap_or(""))))
                    .collect();
                let labels = shapes()
                    .filter(|shape| shape.has_tag_name("text"))
                    .filter_map(text_box)
                    .collect();
                let dashed = shapes().any(|shape| {
                    shape.has_tag_name("path") && shape.attribute("stroke-dasharray") == Some("5,2")
                });
                let backed = shapes().any(|shape| {
                    shape.has_tag_name("polygon")
                        && shape.attribute("stroke") == Some("transparent")
                });
                drawn.edges.push(DrawnEdge {
                    title: name.clone(),
                    tail: tail.to_string(),
                    head: head.to_string(),
                    curve,
                    labels,
                    dashed,
                    backed,
                });
            }
            _ => {}
        }
    }
    drawn
}

/// The measures of one picture.
#[derive(Debug, Default)]
struct Measures {
    /// (label's edge, crossing edge) for every label line an edge crosses.
    crossed: Vec<(String, String)>,
    /// (edge, node) for every node an edge passes through.
    through: Vec<(String, String)>,
    /// Node-box area / lane area.
    ratio: f64,
    /// Rejections between two lanes, each with the share of its length
    /// drawn diagonally and whether a run of it along the flow crosses a
    /// lane's inside.
    rejections: Vec<Rejection>,
}

/// How a rejection between two lanes is drawn.
#[derive(Debug)]
struct Rejection {
    title: String,
    /// The share of its length more than [`DIAGONAL_DEGREES`] off both
    /// axes.
    diagonal: f64,
    /// Whether a run of it along the flow (longer than [`LONG_RUN`]), but
    /// for the first out of its box and the last into the other, lies
    /// inside a lane by more than [`INSET`]: across the lanes, not along
    /// their edges.
    inside_a_lane: bool,
}

/// How far off both axes a piece of a path may turn before it counts as
/// diagonal, in degrees.
const DIAGONAL_DEGREES: f64 = 10.0;

/// The largest share of a rejection's length that may be diagonal (the
/// arrowhead's bend and rounding).
const MOST_DIAGONAL: f64 = 0.05;

/// A run along the flow at least this long, in points, must lie along a
/// lane's edge.
const LONG_RUN: f64 = 24.0;

/// The lane holding `point`, by its index among the lanes.
fn lane_at(lanes: &[[f64; 4]], (x, y): (f64, f64)) -> Option<usize> {
    lanes
        .iter()
        .position(|&[x1, y1, x2, y2]| (x1..=x2).contains(&x) && (y1..=y2).contains(&y))
}

/// How a dashed edge whose ends are in two different lanes is drawn
/// (None for one within a lane): the share of its length that runs
/// diagonally, and whether a long run of it along the flow (`along_x`:
/// left to right) goes through the inside of a lane.
fn rejection(drawn: &Drawing, edge: &DrawnEdge, along_x: bool) -> Option<Rejection> {
    let centre = |name: &str| {
        let [x1, y1, x2, y2] = drawn.nodes.get(name)?.bounds();
        Some(((x1 + x2) / 2.0, (y1 + y2) / 2.0))
    };
    let (tail, head) = (
        lane_at(&drawn.lanes, centre(&edge.tail)?)?,
        lane_at(&drawn.lanes, centre(&edge.head)?)?,
    );
    if tail == head {
        return None;
    }
    let (mut total, mut diagonal) = (0.0, 0.0);
    let tangent = DIAGONAL_DEGREES.to_radians().tan();
    let mut inside_a_lane = false;
    let mut run: Vec<(f64, f64)> = Vec::new();
    // The stubs out of its box and into the other lie in their own lanes.
    let (start, end) = (edge.curve.first(), edge.curve.last());
    let astray_run = |run: &[(f64, f64)]| {
        run.first() != start && run.last() != end && run_inside(&drawn.lanes, run)
    };
    for pair in edge.curve.windows(2) {
        let (dx, dy) = (pair[1].0 - pair[0].0, pair[1].1 - pair[0].1);
        let length = dx.hypot(dy);
        total += length;
        if dx.abs().min(dy.abs()) > tangent * dx.abs().max(dy.abs()) {
            diagonal += length;
        }
        let along = if along_x {
            dy.abs() < 0.5
        } else {
            dx.abs() < 0.5
        };
        if along && length > 0.0 {
            run.extend_from_slice(pair);
            continue;
        }
        inside_a_lane |= astray_run(&run);
        run.clear();
    }
    inside_a_lane |= astray_run(&run);
    Some(Rejection {
        title: edge.title.clone(),
        diagonal: if total > 0.0 { diagonal / total } else { 0.0 },
        inside_a_lane,
    })
}

/// Whether a straight run longer than [`LONG_RUN`] has a point more than
/// [`INSET`] inside a lane.
fn run_inside(lanes: &[[f64; 4]], run: &[(f64, f64)]) -> bool {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return false;
    };
    (last.0 - first.0).hypot(last.1 - first.1) > LONG_RUN
        && run.iter().any(|&(x, y)| {
            lanes.iter().any(|&[x1, y1, x2, y2]| {
                x1 + INSET < x && x < x2 - INSET && y1 + INSET < y && y < y2 - INSET
            })
        })
}

fn measure(drawn: &Drawing, along_x: bool) -> Measures {
    let mut measures = Measures {
        rejections: drawn
            .edges
            .iter()
            .filter(|edge| edge.dashed && !edge.tail.starts_with("legend."))
            .filter_map(|edge| rejection(drawn, edge, along_x))
            .collect(),
        ..Measures::default()
    };
    let inside = |[x1, y1, x2, y2]: [f64; 4], (x, y): (f64, f64)| {
        (x1..=x2).contains(&x) && (y1..=y2).contains(&y)
    };
    for edge in drawn
        .edges
        .iter()
        .filter(|edge| !edge.tail.starts_with("legend."))
    {
        for other in &drawn.edges {
            // A label on a backing may lie on its own line, which the
            // backing hides (as the built-in engine draws every label).
            if other.backed && std::ptr::eq(other, edge) {
                continue;
            }
            if other
                .labels
                .iter()
                .any(|&label| edge.curve.iter().any(|&point| inside(label, point)))
            {
                measures
                    .crossed
                    .push((other.title.clone(), edge.title.clone()));
            }
        }
        for (node, label) in &drawn.outside_labels {
            if edge.curve.iter().any(|&point| inside(*label, point)) {
                measures
                    .crossed
                    .push((format!("{node} (outside label)"), edge.title.clone()));
            }
        }
        for (name, outline) in &drawn.nodes {
            if *name != edge.tail
                && *name != edge.head
                && edge.curve.iter().any(|&point| outline.holds(point))
            {
                measures.through.push((edge.title.clone(), name.clone()));
            }
        }
    }
    let area = |[x1, y1, x2, y2]: [f64; 4]| (x2 - x1) * (y2 - y1);
    let boxes: f64 = drawn
        .nodes
        .values()
        .map(|outline| area(outline.bounds()))
        .sum();
    let lanes: f64 = drawn.lanes.iter().map(|&lane| area(lane)).sum();
    measures.ratio = if lanes > 0.0 { boxes / lanes } else { 1.0 };
    measures
}

/// One example's picture as Graphviz draws it.
struct Picture {
    process: String,
    lang: Lang,
    direction: Direction,
    drawn: Drawing,
}

/// Every example drawn by Graphviz in the examples' own language (their
/// flowc.toml asks for zh-Hant) and in English (whose words around the
/// labels are longer), in both directions: drawn once for every test that
/// measures them.
fn example_pictures() -> &'static [Picture] {
    static PICTURES: OnceLock<Vec<Picture>> = OnceLock::new();
    PICTURES.get_or_init(|| {
        let analysis = common::examples();
        let project = &analysis.project;
        let mut pictures = Vec::new();
        for lang in [Lang::ZhHant, Lang::En] {
            for direction in [Direction::LeftRight, Direction::TopBottom] {
                let options = DiagramOptions {
                    direction,
                    lang,
                    ..DiagramOptions::default()
                };
                for process in &project.processes {
                    pictures.push(Picture {
                        process: process.name.clone(),
                        lang,
                        direction,
                        drawn: drawing(&common::graphviz_svg(project, process, options)),
                    });
                }
            }
        }
        pictures
    })
}

#[test]
fn every_example_is_drawn_by_graphviz_without_collisions_and_compact() {
    if !common::graphviz_for_test("the Graphviz geometry test") {
        return;
    }
    let mut failures = Vec::new();
    let mut rejections = 0;
    for Picture {
        process,
        lang,
        direction,
        drawn,
    } in example_pictures()
    {
        let measures = measure(drawn, *direction == Direction::LeftRight);
        let astray: Vec<String> = measures
            .rejections
            .iter()
            .filter(|rejection| rejection.diagonal > MOST_DIAGONAL || rejection.inside_a_lane)
            .map(|rejection| {
                format!(
                    "{} ({:.0} % diagonal, through a lane: {})",
                    rejection.title,
                    rejection.diagonal * 100.0,
                    rejection.inside_a_lane
                )
            })
            .collect();
        rejections += measures.rejections.len();
        println!(
            "{:<22} {lang:?} {direction:?}: labels crossed {}, edges through boxes {}, boxes/lanes {:.1} %, rejections between lanes {} ({} astray), {:.0} x {:.0} pt",
            process,
            measures.crossed.len(),
            measures.through.len(),
            measures.ratio * 100.0,
            measures.rejections.len(),
            astray.len(),
            drawn.width,
            drawn.height
        );
        if !measures.crossed.is_empty()
            || !measures.through.is_empty()
            || measures.ratio < SMALLEST_RATIO
            || !astray.is_empty()
        {
            failures.push(format!(
                "{} ({lang:?}, {direction:?}): labels crossed (label, by) {:?}; edges through boxes {:?}; boxes/lanes {:.1} %; rejections not along the lane edges {astray:?}",
                process,
                measures.crossed,
                measures.through,
                measures.ratio * 100.0
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(rejections, 148, "rejections between lanes measured");
}

/// A hand-made Graphviz-like SVG: two lanes, two boxes, an edge from `a`
/// to `b` whose straight path runs through `c` and through the label of
/// another edge.
const COLLIDING: &str = r#"<svg width="400pt" height="200pt" xmlns="http://www.w3.org/2000/svg">
<g class="cluster"><title>cluster_lane_0</title><polygon points="0,0 400,0 400,100 0,100 0,0"/></g>
<g class="cluster"><title>cluster_lane_1</title><polygon points="0,100 400,100 400,200 0,200 0,100"/></g>
<g class="node"><title>a</title><polygon points="10,40 50,40 50,60 10,60 10,40"/></g>
<g class="node"><title>c</title><polygon points="180,40 220,40 220,60 180,60 180,40"/></g>
<g class="node"><title>b</title><polygon points="350,40 390,40 390,60 350,60 350,40"/></g>
<g class="edge"><title>a->b</title><path d="M50,50C100,50 300,50 350,50"/></g>
<g class="edge"><title>c->b</title><path d="M200,150C250,150 300,150 350,150"/>
<text text-anchor="middle" x="120" y="54" font-size="14">是否</text></g>
</svg>"#;

#[test]
fn the_measures_see_a_crossed_label_an_edge_through_a_box_and_empty_lanes() {
    let measures = measure(&drawing(COLLIDING), true);
    assert_eq!(
        measures.crossed,
        vec![("c->b".to_string(), "a->b".to_string())]
    );
    assert_eq!(
        measures.through,
        vec![("a->b".to_string(), "c".to_string())]
    );
    // Three boxes of 40 x 20 in two lanes of 400 x 100.
    assert!(
        (measures.ratio - 2400.0 / 80_000.0).abs() < 1e-9,
        "{}",
        measures.ratio
    );
}

/// A hand-made Graphviz-like SVG: three edges with their labels on their
/// own lines, `a->b`'s on a backing (an HTML-like label's table), `c->d`'s
/// without one, and `e->f`'s on a backing that `a->b` runs through too.
const ON_THEIR_LINES: &str = r##"<svg width="400pt" height="300pt" xmlns="http://www.w3.org/2000/svg">
<g class="cluster"><title>cluster_lane_0</title><polygon points="0,0 400,0 400,300 0,300 0,0"/></g>
<g class="edge"><title>a->b</title><path d="M20,50C100,50 300,50 380,50"/>
<polygon fill="#ffffff" stroke="transparent" points="180,42 220,42 220,58 180,58 180,42"/>
<text text-anchor="start" x="181" y="54" font-size="11">yes</text></g>
<g class="edge"><title>c->d</title><path d="M20,150C100,150 300,150 380,150"/>
<text text-anchor="middle" x="200" y="154" font-size="11">no</text></g>
<g class="edge"><title>e->f</title><path d="M300,20C300,100 300,200 300,280"/>
<polygon fill="#ffffff" stroke="transparent" points="280,42 320,42 320,58 280,58 280,42"/>
<text text-anchor="start" x="290" y="54" font-size="11">ok</text></g>
</svg>"##;

#[test]
fn the_measures_let_a_backed_label_lie_on_its_own_line_only() {
    let measures = measure(&drawing(ON_THEIR_LINES), true);
    assert_eq!(
        measures.crossed,
        vec![
            ("e->f".to_string(), "a->b".to_string()),
            ("c->d".to_string(), "c->d".to_string()),
        ]
    );
}

/// A hand-made Graphviz-like SVG: two lanes with a gap between them, a
/// rejection drawn diagonally across them, one drawn at right angles
/// along the gap, and one whose run along the flow goes through a lane.
const REJECTIONS: &str = r#"<svg width="400pt" height="220pt" xmlns="http://www.w3.org/2000/svg">
<g class="cluster"><title>cluster_lane_0</title><polygon points="0,0 400,0 400,100 0,100 0,0"/></g>
<g class="cluster"><title>cluster_lane_1</title><polygon points="0,120 400,120 400,220 0,220 0,120"/></g>
<g class="node"><title>a</title><polygon points="300,40 360,40 360,60 300,60 300,40"/></g>
<g class="node"><title>b</title><polygon points="20,160 80,160 80,180 20,180 20,160"/></g>
<g class="edge"><title>a->b</title><path stroke-dasharray="5,2" d="M300,60C200,100 150,130 80,160"/></g>
<g class="edge"><title>a->b</title><path stroke-dasharray="5,2" d="M330,60C330,80 330,90 330,110C250,110 150,110 50,110C50,130 50,140 50,160"/></g>
<g class="edge"><title>a->b</title><path stroke-dasharray="5,2" d="M330,60C330,65 330,67 330,70C250,70 150,70 50,70C50,100 50,130 50,160"/></g>
</svg>"#;

#[test]
fn the_measures_see_a_rejection_across_the_picture_and_one_through_a_lane() {
    let measures = measure(&drawing(REJECTIONS), true);
    let seen: Vec<(bool, bool)> = measures
        .rejections
        .iter()
        .map(|rejection| (rejection.diagonal > MOST_DIAGONAL, rejection.inside_a_lane))
        .collect();
    assert_eq!(seen, vec![(true, false), (false, false), (false, true)]);
}

/// How far apart, in points, the centres of a lane's boxes may be across
/// the flow and still stand in one line (Graphviz writes two decimals).
const IN_LINE: f64 = 1.0;

/// The room, in points, every rejection label keeps from every other.
const LABELS_APART: f64 = 1.0;

/// What a picture looks like on a slide.
#[derive(Debug, Default)]
struct Slide {
    /// Lanes whose boxes, each alone across the lane at its place along
    /// the flow, do not stand in one line along the flow: (lane, how far
    /// apart their centres are across the flow).
    crooked_lanes: Vec<(usize, f64)>,
    /// Whether the legend lies under every lane and begins at the
    /// picture's left, where the lanes begin.
    legend_underneath: bool,
    /// Pairs of rejection labels (the label lines of dashed edges)
    /// closer than [`LABELS_APART`].
    labels_together: Vec<(String, String)>,
    /// How many rejection labels there are.
    rejection_labels: usize,
    /// Titles drawn beside their shape (a fork bar's) that reach out of
    /// the lane holding the shape: (shape, title line's box).
    titles_out_of_lane: Vec<(String, [f64; 4])>,
    /// How many titles beside a shape there are.
    titles_beside: usize,
}

/// Measures how a picture reads as a slide: its lanes' boxes in line, its
/// legend under the lanes, its rejection labels apart.
fn slide(drawn: &Drawing, along_x: bool) -> Slide {
    let mut measured = Slide::default();
    // The step and call boxes (rounded: drawn as paths) of every lane.
    let mut lanes: BTreeMap<usize, Vec<[f64; 4]>> = BTreeMap::new();
    for outline in drawn.nodes.values() {
        let Outline::Box(bounds) = outline else {
            continue;
        };
        let centre = ((bounds[0] + bounds[2]) / 2.0, (bounds[1] + bounds[3]) / 2.0);
        if let Some(lane) = lane_at(&drawn.lanes, centre) {
            lanes.entry(lane).or_default().push(*bounds);
        }
    }
    let (along, across) = if along_x { (0, 1) } else { (1, 0) };
    for (lane, boxes) in &lanes {
        // A box alone at its place along the flow: no other box of the
        // lane overlaps it along the flow.
        let alone: Vec<f64> = boxes
            .iter()
            .enumerate()
            .filter(|(at, own)| {
                boxes.iter().enumerate().all(|(other_at, other)| {
                    other_at == *at
                        || other[along + 2] <= own[along]
                        || other[along] >= own[along + 2]
                })
            })
            .map(|(_, own)| (own[across] + own[across + 2]) / 2.0)
            .collect();
        let spread = alone.iter().copied().fold(f64::NEG_INFINITY, f64::max)
            - alone.iter().copied().fold(f64::INFINITY, f64::min);
        if alone.len() > 1 && spread > IN_LINE {
            measured.crooked_lanes.push((*lane, spread));
        }
    }
    let lanes_bottom = drawn
        .lanes
        .iter()
        .map(|lane| lane[3])
        .fold(f64::NEG_INFINITY, f64::max);
    let lanes_left = drawn
        .lanes
        .iter()
        .map(|lane| lane[0])
        .fold(f64::INFINITY, f64::min);
    measured.legend_underneath = drawn
        .legend
        .is_some_and(|legend| legend[1] >= lanes_bottom && legend[0] <= lanes_left + IN_LINE);
    let labels: Vec<(String, [f64; 4])> = drawn
        .edges
        .iter()
        .filter(|edge| edge.dashed && !edge.tail.starts_with("legend."))
        .flat_map(|edge| edge.labels.iter().map(|label| (edge.title.clone(), *label)))
        .collect();
    measured.rejection_labels = labels.len();
    for (node, [x1, y1, x2, y2]) in &drawn.outside_labels {
        let Some(outline) = drawn.nodes.get(node) else {
            continue;
        };
        let [a1, b1, a2, b2] = outline.bounds();
        measured.titles_beside += 1;
        let within =
            lane_at(&drawn.lanes, ((a1 + a2) / 2.0, (b1 + b2) / 2.0)).is_some_and(|lane| {
                let [l1, m1, l2, m2] = drawn.lanes[lane];
                l1 - IN_LINE <= *x1
                    && *x2 <= l2 + IN_LINE
                    && m1 - IN_LINE <= *y1
                    && *y2 <= m2 + IN_LINE
            });
        if !within {
            measured
                .titles_out_of_lane
                .push((node.clone(), [*x1, *y1, *x2, *y2]));
        }
    }
    for (at, (title, [x1, y1, x2, y2])) in labels.iter().enumerate() {
        for (other, [a1, b1, a2, b2]) in &labels[at + 1..] {
            let apart = x2 + LABELS_APART <= *a1
                || a2 + LABELS_APART <= *x1
                || y2 + LABELS_APART <= *b1
                || b2 + LABELS_APART <= *y1;
            if !apart {
                measured
                    .labels_together
                    .push((title.clone(), other.clone()));
            }
        }
    }
    measured
}

/// The pictures Graphviz draws of every example, in both directions and
/// both languages, read as slides: in every lane the boxes that stand
/// alone at their place along the flow are in one line (their centres
/// within [`IN_LINE`] across the flow), the legend lies under the lanes
/// from the left, and no two rejection labels touch; fork titles out of
/// their bar's lane are counted against [`TITLES_OUT_OF_LANE`]. Before flowc drew
/// Graphviz's pictures in its own arrangement ([`flowc::emit::svg`]'s
/// placement), `dot`'s positions left boxes of one lane out of line and
/// the legend beside the last lane.
#[test]
fn every_example_drawn_by_graphviz_reads_as_a_slide() {
    if !common::graphviz_for_test("the Graphviz slide test") {
        return;
    }
    let mut failures = Vec::new();
    let (mut diagrams, mut labels, mut titles) = (0, 0, 0);
    let mut out_of_lane = Vec::new();
    for Picture {
        process,
        lang,
        direction,
        drawn,
    } in example_pictures()
    {
        let measured = slide(drawn, *direction == Direction::LeftRight);
        diagrams += 1;
        labels += measured.rejection_labels;
        titles += measured.titles_beside;
        out_of_lane.extend(
            measured
                .titles_out_of_lane
                .iter()
                .map(|(node, _)| format!("{process} {node} ({lang:?}, {direction:?})")),
        );
        println!(
            "{:<22} {lang:?} {direction:?}: lanes out of line {:?}, legend underneath {}, rejection labels {} ({} pairs touching), titles beside shapes {} ({} out of their lane)",
            process,
            measured.crooked_lanes,
            measured.legend_underneath,
            measured.rejection_labels,
            measured.labels_together.len(),
            measured.titles_beside,
            measured.titles_out_of_lane.len()
        );
        if !measured.crooked_lanes.is_empty()
            || !measured.legend_underneath
            || !measured.labels_together.is_empty()
        {
            failures.push(format!(
                "{} ({lang:?}, {direction:?}): lanes out of line (lane, spread) {:?}; legend underneath: {}; rejection labels touching {:?}",
                process,
                measured.crooked_lanes,
                measured.legend_underneath,
                measured.labels_together
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(diagrams, 52, "diagrams measured");
    assert!(labels > 0, "rejection labels measured");
    assert!(titles > 0, "titles beside shapes measured");
    assert_eq!(
        out_of_lane.len(),
        TITLES_OUT_OF_LANE,
        "fork titles reaching out of their lane: {out_of_lane:?}"
    );
}

/// How many fork titles may still reach out of their bar's lane over the
/// 52 pictures (15 before Graphviz took the built-in layout's place and
/// wrapping for them; 2 before the rejections between lanes kept clear of
/// the titles beside bars: left to right in Chinese, the countersign of
/// contract_approval and the tests of product_rnd, whose rejections ran
/// through the room under the bar so the title was moved out of the lane).
/// None may: the test asks for exactly this many.
const TITLES_OUT_OF_LANE: usize = 0;

/// A hand-made picture: two boxes of one lane out of line, the legend
/// beside the lane, two rejection labels on top of each other, a fork
/// bar's title reaching out of the lane.
const UNTIDY: &str = r#"<svg width="400pt" height="300pt" xmlns="http://www.w3.org/2000/svg">
<g class="cluster"><title>cluster_lane_0</title><polygon points="0,0 200,0 200,200 0,200 0,0"/></g>
<g class="cluster"><title>cluster_legend</title><polygon points="250,0 390,0 390,60 250,60 250,0"/></g>
<g class="node"><title>a</title><path d="M20,20C20,20 120,20 120,20 120,60 20,60 20,20"/></g>
<g class="node"><title>b</title><path d="M60,120C60,120 160,120 160,120 160,160 60,160 60,120"/></g>
<g class="node"><title>fork</title><polygon points="20,175 140,175 140,183 20,183 20,175"/>
<text text-anchor="start" x="150" y="183" font-size="11">parallel work</text></g>
<g class="edge"><title>b->a</title><path stroke-dasharray="5,2" d="M100,120C100,100 100,80 100,60"/>
<text text-anchor="middle" x="150" y="90" font-size="11">reject</text></g>
<g class="edge"><title>a->b</title><path stroke-dasharray="5,2" d="M90,60C90,80 90,100 90,120"/>
<text text-anchor="middle" x="150" y="95" font-size="11">reject</text></g>
</svg>"#;

#[test]
fn the_slide_measures_see_boxes_out_of_line_a_legend_aside_labels_stacked_and_a_title_out_of_lane()
{
    let measured = slide(&drawing(UNTIDY), false);
    assert_eq!(measured.crooked_lanes, vec![(0, 40.0)]);
    assert!(!measured.legend_underneath);
    assert_eq!(measured.labels_together.len(), 1);
    assert_eq!(measured.rejection_labels, 2);
    assert_eq!(measured.titles_beside, 1);
    assert_eq!(measured.titles_out_of_lane.len(), 1);
    assert_eq!(measured.titles_out_of_lane[0].0, "fork");
}

/// How far apart, in points, two rejections must run where they share a
/// gap between lanes (each run along the flow, as drawn): closer, a
/// trainer cannot tell which line goes where.
const TRACKS_APART: f64 = 6.0;

/// How much two runs must overlap along the flow, in points, to count as
/// running side by side (less is a corner touching a corner).
const SIDE_BY_SIDE: f64 = 4.0;

/// A straight run of a rejection along the flow, outside every lane (in
/// a gap between lanes): where it is across the flow, and where it
/// begins and ends along it.
#[derive(Debug, Clone, Copy)]
struct GapRun {
    across: f64,
    from: f64,
    to: f64,
}

/// The runs along the flow (`along_x`: left to right) of every rejection
/// between two lanes that lie outside the lanes, by edge.
fn gap_runs(drawn: &Drawing, along_x: bool) -> Vec<(String, Vec<GapRun>)> {
    let inside_a_lane = |(x, y): (f64, f64)| {
        drawn.lanes.iter().any(|&[x1, y1, x2, y2]| {
            x1 + INSET < x && x < x2 - INSET && y1 + INSET < y && y < y2 - INSET
        })
    };
    let along = |(x, y): (f64, f64)| if along_x { x } else { y };
    let across = |(x, y): (f64, f64)| if along_x { y } else { x };
    drawn
        .edges
        .iter()
        .filter(|edge| edge.dashed && !edge.tail.starts_with("legend."))
        .filter(|edge| rejection(drawn, edge, along_x).is_some())
        .map(|edge| {
            let runs = edge
                .curve
                .windows(2)
                .filter(|pair| (across(pair[0]) - across(pair[1])).abs() < 0.5)
                .filter(|pair| (along(pair[0]) - along(pair[1])).abs() > 0.0)
                .filter(|pair| {
                    let middle = ((pair[0].0 + pair[1].0) / 2.0, (pair[0].1 + pair[1].1) / 2.0);
                    !inside_a_lane(middle)
                })
                .map(|pair| GapRun {
                    across: across(pair[0]),
                    from: along(pair[0]).min(along(pair[1])),
                    to: along(pair[0]).max(along(pair[1])),
                })
                .collect();
            (edge.title.clone(), runs)
        })
        .collect()
}

/// Pairs of different rejections running side by side (overlapping by
/// [`SIDE_BY_SIDE`] along the flow) closer than [`TRACKS_APART`] across
/// it, each with how far apart they run.
fn tracks_together(runs: &[(String, Vec<GapRun>)]) -> Vec<(String, String, f64)> {
    let mut together = Vec::new();
    for (at, (title, own)) in runs.iter().enumerate() {
        for (other, theirs) in &runs[at + 1..] {
            let closest = own
                .iter()
                .flat_map(|a| theirs.iter().map(move |b| (a, b)))
                .filter(|(a, b)| a.to.min(b.to) - a.from.max(b.from) >= SIDE_BY_SIDE)
                .map(|(a, b)| (a.across - b.across).abs())
                .fold(f64::INFINITY, f64::min);
            if closest < TRACKS_APART {
                together.push((title.clone(), other.clone(), closest));
            }
        }
    }
    together
}

/// Rejections that share a gap between lanes run on tracks a trainer can
/// tell apart: in every picture, no two run side by side closer than
/// [`TRACKS_APART`]. Before the gaps were widened for the tracks they
/// carry (every gap 16 points, its tracks 2.7 points apart), this failed
/// in most pictures (three rejections back to one box in product_rnd, left
/// to right, among them).
#[test]
fn every_example_drawn_by_graphviz_keeps_rejections_in_a_gap_apart() {
    if !common::graphviz_for_test("the Graphviz track test") {
        return;
    }
    let (mut diagrams, mut runs_measured) = (0, 0);
    let mut failures = Vec::new();
    for Picture {
        process,
        lang,
        direction,
        drawn,
    } in example_pictures()
    {
        let runs = gap_runs(drawn, *direction == Direction::LeftRight);
        diagrams += 1;
        runs_measured += runs.iter().map(|(_, runs)| runs.len()).sum::<usize>();
        let together = tracks_together(&runs);
        println!(
            "{process:<22} {lang:?} {direction:?}: rejection runs in gaps {}, pairs closer than {TRACKS_APART} pt {}",
            runs.iter().map(|(_, runs)| runs.len()).sum::<usize>(),
            together.len()
        );
        if !together.is_empty() {
            failures.push(format!(
                "{process} ({lang:?}, {direction:?}): rejections side by side (a, b, pt apart) {together:?}"
            ));
        }
    }
    assert_eq!(diagrams, 52, "diagrams measured");
    assert!(runs_measured > 0, "rejection runs in gaps measured");
    assert!(
        failures.is_empty(),
        "{} pictures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A hand-made picture: two lanes 16 points apart, three rejections along
/// the gap, two of them 3 points apart side by side, the third 8 points
/// from the nearer and ending where the others begin.
const CLOSE_TRACKS: &str = r#"<svg width="400pt" height="236pt" xmlns="http://www.w3.org/2000/svg">
<g class="cluster"><title>cluster_lane_0</title><polygon points="0,0 400,0 400,100 0,100 0,0"/></g>
<g class="cluster"><title>cluster_lane_1</title><polygon points="0,116 400,116 400,216 0,216 0,116"/></g>
<g class="node"><title>a</title><polygon points="300,40 360,40 360,60 300,60 300,40"/></g>
<g class="node"><title>b</title><polygon points="20,160 80,160 80,180 20,180 20,160"/></g>
<g class="edge"><title>a->b</title><path stroke-dasharray="5,2" d="M330,60C330,80 330,100 330,105C250,105 150,105 50,105C50,130 50,140 50,160"/></g>
<g class="edge"><title>a->b</title><path stroke-dasharray="5,2" d="M320,60C320,80 320,100 320,108C250,108 150,108 40,108C40,130 40,140 40,160"/></g>
<g class="edge"><title>a->b</title><path stroke-dasharray="5,2" d="M340,60C340,80 340,100 340,113C350,113 370,113 390,113"/></g>
</svg>"#;

#[test]
fn the_track_measure_sees_two_rejections_too_close_in_a_gap() {
    let runs = gap_runs(&drawing(CLOSE_TRACKS), true);
    assert_eq!(runs.len(), 3);
    let together = tracks_together(&runs);
    assert_eq!(together.len(), 1, "{together:?}");
    assert!((together[0].2 - 3.0).abs() < 1e-9, "{together:?}");
}

/// The straight pieces of a rejection as drawn, between its corners: the
/// points of its curve where it turns (its ends among them).
fn corners(curve: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut kept: Vec<(f64, f64)> = Vec::new();
    for &point in curve {
        if kept.last() == Some(&point) {
            continue;
        }
        if let [.., a, b] = kept.as_slice() {
            let in_line = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| {
                ((p.0 - q.0).abs() < 0.5 && (q.0 - r.0).abs() < 0.5)
                    || ((p.1 - q.1).abs() < 0.5 && (q.1 - r.1).abs() < 0.5)
            };
            if in_line(*a, *b, point) {
                kept.pop();
            }
        }
        kept.push(point);
    }
    kept
}

/// Pairs of rejections crossing in a gap between lanes, where both run on
/// tracks of it: a run of one along the flow in the gap, and a run of the
/// other across the flow that ends in the same gap (turning onto its own
/// track there) and crosses the first strictly inside both. Such a
/// crossing could be avoided by giving the two each other's tracks, but
/// for two rejections nested into each other's runs.
fn crossings_in_gaps(drawn: &Drawing, along_x: bool) -> Vec<(String, String)> {
    let along = |(x, y): (f64, f64)| if along_x { x } else { y };
    let across = |(x, y): (f64, f64)| if along_x { y } else { x };
    let edges: Vec<&[f64; 4]> = drawn.lanes.iter().collect();
    // The gap around `at` across the flow: the nearest lane edges either
    // side, None inside a lane.
    let gap_around = |at: f64| {
        let (mut low, mut high) = (f64::NEG_INFINITY, f64::INFINITY);
        for lane in &edges {
            let (a, b) = if along_x {
                (lane[1], lane[3])
            } else {
                (lane[0], lane[2])
            };
            if a < at && at < b {
                return None;
            }
            if b <= at {
                low = low.max(b);
            }
            if a >= at {
                high = high.min(a);
            }
        }
        Some((low, high))
    };
    type Piece = ((f64, f64), (f64, f64));
    let pieces: Vec<(String, Vec<Piece>)> = drawn
        .edges
        .iter()
        .filter(|edge| edge.dashed && !edge.tail.starts_with("legend."))
        .filter(|edge| rejection(drawn, edge, along_x).is_some())
        .map(|edge| {
            let points = corners(&edge.curve);
            let pieces = points.windows(2).map(|pair| (pair[0], pair[1])).collect();
            (edge.title.clone(), pieces)
        })
        .collect();
    let strictly = |value: f64, a: f64, b: f64| a.min(b) + 0.5 < value && value < a.max(b) - 0.5;
    let mut crossing = Vec::new();
    for (at, (title, own)) in pieces.iter().enumerate() {
        for (other_at, (other, theirs)) in pieces.iter().enumerate() {
            if at == other_at {
                continue;
            }
            let crosses = own
                .iter()
                .filter(|(a, b)| (across(*a) - across(*b)).abs() < 0.5)
                .filter_map(|&(a, b)| Some((a, b, gap_around(across(a))?)))
                .any(|(a, b, (low, high))| {
                    theirs
                        .iter()
                        .filter(|(c, d)| (along(*c) - along(*d)).abs() < 0.5)
                        .any(|&(c, d)| {
                            let ends_in_gap = [c, d]
                                .iter()
                                .any(|&end| low < across(end) && across(end) < high);
                            ends_in_gap
                                && strictly(along(c), along(a), along(b))
                                && strictly(across(a), across(c), across(d))
                        })
                });
            if crosses {
                crossing.push((title.clone(), other.clone()));
            }
        }
    }
    crossing
}

/// How many pairs of rejections cross in a gap, in all the pictures
/// together ([`crossings_in_gaps`]). 3 before each
/// rejection was routed anew with the others in place (annual_budget top
/// to bottom, twice: a rejection leaving the consolidation and another
/// arriving there through one gap; product_rnd top to bottom in
/// English), 1 since: appointment left to right in English, where the
/// general manager's and the division head's rejections go back to
/// `propose` from boxes one above the other, so one must pass the
/// other's way in on its way round (or cross another rejection going
/// round the far side); 0 since two rejections arriving through one gap
/// that still cross swap their tracks there and are routed anew together
/// (`channels::swap_crossed_tracks`), also with Chinese wrapped between
/// words (which had made appointment left to right in Chinese cross as
/// the English one did).
const CROSSINGS_IN_GAPS: usize = 0;

/// Rejections on tracks of one gap do not cross each other where another
/// order of the tracks avoids it. Before the tracks of a gap were ordered
/// (handed out in the order the rejections came), the pictures had
/// 59 (ordered pairs: a run of the first crossed by the second), eight
/// of them in contract_approval, top to bottom, beside the lane of the
/// step its rejections go back to.
#[test]
fn every_example_drawn_by_graphviz_keeps_rejections_in_a_gap_from_crossing() {
    if !common::graphviz_for_test("the Graphviz crossing test") {
        return;
    }
    let (mut diagrams, mut total) = (0, 0);
    for picture in example_pictures() {
        let along_x = picture.direction == Direction::LeftRight;
        let crossing = crossings_in_gaps(&picture.drawn, along_x);
        diagrams += 1;
        total += crossing.len();
        if !crossing.is_empty() {
            println!(
                "{:<22} {:?} {:?}: crossing in a gap {crossing:?}",
                picture.process, picture.lang, picture.direction
            );
        }
    }
    assert_eq!(diagrams, 52, "diagrams measured");
    println!("rejections crossing in gaps: {total}");
    assert_eq!(
        total, CROSSINGS_IN_GAPS,
        "pairs of rejections crossing in gaps"
    );
}

/// The edges of a hand-made picture, to follow the lanes and boxes of
/// [`CLOSE_TRACKS`] (two lanes 16 points apart) and a box `c`: a rejection from `a`
/// in the upper lane runs along the gap on the lower track, one from `c`
/// in the lower lane on the upper track, each crossing the other's run on
/// its way to its own track.
const CROSSED_TRACKS: &str = r#"<g class="node"><title>c</title><polygon points="200,160 260,160 260,180 200,180 200,160"/></g>
<g class="edge"><title>a->b</title><path stroke-dasharray="5,2" d="M330,60C330,80 330,100 330,112C250,112 150,112 50,112C50,130 50,140 50,160"/></g>
<g class="edge"><title>c->a</title><path stroke-dasharray="5,2" d="M230,160C230,140 230,120 230,104C260,104 290,104 340,104C340,90 340,70 340,60"/></g>
</svg>"#;

#[test]
fn the_crossing_measure_sees_two_rejections_crossing_in_a_gap() {
    let lanes = &CLOSE_TRACKS[..CLOSE_TRACKS.find("<g class=\"edge\"").expect("edges")];
    let crossing = crossings_in_gaps(&drawing(&format!("{lanes}{CROSSED_TRACKS}")), true);
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(crossing, vec![pair("a->b", "c->a"), pair("c->a", "a->b")]);
}

/// The header of every lane of a picture (`along_x`: left to right), in
/// SVG coordinates: the band across the whole lane, from where the lane
/// begins along the flow, that its title is centred in (both engines
/// centre a lane's title in a header of the built-in layout's size, the
/// same for every lane), by the lane's index.
fn lane_headers(drawn: &Drawing, along_x: bool) -> BTreeMap<usize, [f64; 4]> {
    drawn
        .lane_titles
        .iter()
        .filter_map(|(&lane, &[t1, u1, t2, u2])| {
            let [x1, y1, x2, y2] = *drawn.lanes.get(lane)?;
            let header = if along_x {
                [x1, y1, x1 + (t1 + t2 - 2.0 * x1), y2]
            } else {
                [x1, y1, x2, y1 + (u1 + u2 - 2.0 * y1)]
            };
            Some((lane, header))
        })
        .collect()
}

/// The length of a drawn path, along its points.
fn path_length(curve: &[(f64, f64)]) -> f64 {
    curve
        .windows(2)
        .map(|pair| (pair[1].0 - pair[0].0).hypot(pair[1].1 - pair[0].1))
        .sum()
}

/// How long a path drawn from `curve`'s first point to its last is
/// against the shortest right-angled route between the two: its length
/// over the distance between its ends along the flow plus across it (a
/// route out of one box across the flow, along a gap and into the other
/// box across the flow is that long), and how many points longer.
fn detour(curve: &[(f64, f64)]) -> Option<(f64, f64)> {
    let (first, last) = (curve.first()?, curve.last()?);
    let shortest = (last.0 - first.0).abs() + (last.1 - first.1).abs();
    let length = path_length(curve);
    (shortest > 0.0).then_some((length / shortest, length - shortest))
}

/// Every rejection between two lanes with how much longer it is drawn
/// than the shortest right-angled route between its ends ([`detour`]):
/// (edge, length over shortest, points more).
fn rejection_detours(drawn: &Drawing, along_x: bool) -> Vec<(String, f64, f64)> {
    drawn
        .edges
        .iter()
        .filter(|edge| edge.dashed && !edge.tail.starts_with("legend."))
        .filter(|edge| rejection(drawn, edge, along_x).is_some())
        .filter_map(|edge| {
            let (ratio, longer) = detour(&edge.curve)?;
            Some((edge.title.clone(), ratio, longer))
        })
        .collect()
}

/// Every edge label line that lies in a lane's header, or comes within
/// [`common::TITLE_ROOM`] of a lane's title, where it reads as part of the title:
/// (edge, lane).
fn labels_at_titles(drawn: &Drawing, along_x: bool) -> Vec<(String, usize)> {
    let headers = lane_headers(drawn, along_x);
    let overlap =
        |a: [f64; 4], b: [f64; 4]| a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    let mut found = Vec::new();
    for edge in drawn
        .edges
        .iter()
        .filter(|edge| !edge.tail.starts_with("legend."))
    {
        for &label in &edge.labels {
            for (&lane, &header) in &headers {
                let [t1, u1, t2, u2] = drawn.lane_titles[&lane];
                let title = [
                    t1 - common::TITLE_ROOM,
                    u1 - common::TITLE_ROOM,
                    t2 + common::TITLE_ROOM,
                    u2 + common::TITLE_ROOM,
                ];
                if overlap(label, header) || overlap(label, title) {
                    found.push((edge.title.clone(), lane));
                }
            }
        }
    }
    found.dedup();
    found
}

/// Every edge label line that a lane's border runs through (the label
/// partly in the lane, partly out of it), where the border strikes it
/// through: (edge, lane).
fn labels_across_borders(drawn: &Drawing) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for edge in drawn
        .edges
        .iter()
        .filter(|edge| !edge.tail.starts_with("legend."))
    {
        for &[a1, b1, a2, b2] in &edge.labels {
            for (lane, &[x1, y1, x2, y2]) in drawn.lanes.iter().enumerate() {
                let overlaps = a1 < x2 && x1 < a2 && b1 < y2 && y1 < b2;
                let inside = x1 <= a1 && a2 <= x2 && y1 <= b1 && b2 <= y2;
                if overlaps && !inside {
                    found.push((edge.title.clone(), lane));
                }
            }
        }
    }
    found.dedup();
    found
}

/// How far a point is from a box (0 inside).
fn box_distance([x1, y1, x2, y2]: [f64; 4], (x, y): (f64, f64)) -> f64 {
    let dx = (x1 - x).max(x - x2).max(0.0);
    let dy = (y1 - y).max(y - y2).max(0.0);
    dx.hypot(dy)
}

/// Every edge label (its lines together) farther than [`FAR_FROM_OWN`]
/// from its own edge, where a reader cannot tell whose it is: (edge, how
/// far, in points).
fn labels_far_from_their_edge(drawn: &Drawing) -> Vec<(String, f64)> {
    let mut found = Vec::new();
    for edge in drawn
        .edges
        .iter()
        .filter(|edge| !edge.tail.starts_with("legend."))
    {
        let lines: Vec<(f64, f64)> = edge
            .labels
            .iter()
            .flat_map(|&[x1, y1, x2, y2]| [(x1, y1), (x2, y2)])
            .collect();
        if lines.is_empty() {
            continue;
        }
        let label = bounds(&lines);
        let own = edge
            .curve
            .iter()
            .map(|&point| box_distance(label, point))
            .fold(f64::INFINITY, f64::min);
        if own > FAR_FROM_OWN {
            found.push((edge.title.clone(), own));
        }
    }
    found
}

/// The farthest, in points, a label may lie from its own edge.
const FAR_FROM_OWN: f64 = 24.0;

/// How many edge labels may still lie in a lane's header or at its title
/// over the 52 pictures.
const LABELS_AT_TITLES: usize = 0;

/// How many (label, lane) pairs may still have the lane's border through
/// the label over the 52 pictures: 163 before labels were kept inside a
/// lane or outside every lane (most of them rejections' 駁回 in the gaps
/// between lanes); the 23 left are conditions on short edges across the
/// gap between two lanes or wider than the room beside their line in a
/// narrow lane, which the label mover lets cross a border rather than lie
/// farther from their edge or be crossed by one; 20 once rejections took
/// their cheapest clear ways (the labels of edges they no longer pass find
/// room inside their lane); 5 once a hand-over's label that finds no room
/// beside its line inside one lane gets room made for it in the gap the
/// hand-over crosses (left to right), a label is tried right beside every
/// part of its edge, and a condition's label that finds no place beside
/// its line is drawn on it on a backing: marketing_cycle's rejection of
/// the plan (3, top to bottom), purchase's `budget_increase ->
/// not_bought` (a rejection and a timeout between the same two steps,
/// top to bottom in English) and one condition on a backing reaching out
/// of the gap it lies in (quality_improvement's `by_impact`, left to
/// right, in English); 6 with issue 18's lane order tried over every order
/// of the bands (manufacturing's rejection plan approval -> production
/// plan, top to bottom in Chinese, in the narrow gap between the planner's
/// lane and the manager's); 4 once rejections arriving together at one
/// side of a box share one label (marketing_cycle's rejection of the plan
/// top to bottom, once in each language, manufacturing's plan approval top
/// to bottom in Chinese and quality_improvement's `by_impact`); 5 once
/// Chinese wraps between words (boxes of another width: manufacturing's
/// plan approval top to bottom in Chinese across two lanes' borders,
/// quality_improvement's verification rejection top to bottom in Chinese
/// and purchase's `budget_increase -> not_bought` top to bottom in
/// English; `by_impact` no longer across); 1 once a gap between
/// neighbouring lanes is widened for a rejection's label that finds no
/// room near its run inside either lane beside it (only purchase's
/// `budget_increase -> not_bought` remains). The test fails if the count
/// changes.
const LABELS_ACROSS_BORDERS: usize = 1;

/// How many labels may lie farther than [`FAR_FROM_OWN`] from their edge
/// over the 52 pictures: 13 before labels kept out of lane headers and
/// across no lane border, 16 now: rejections' labels that stood in a gap
/// between two lanes, about 7 points from their edge and struck through
/// by a lane's border, now 27 to 37 points away inside a lane
/// (annual_budget, contract_approval, appointment top to bottom), and
/// conditions on a short edge across a gap whose rejections take the room
/// beside it (expense_claim's `amount > 50,000 元` left to right: 85 points
/// away before, 103 now, beyond the box the edge enters); 20 once
/// rejections also took their cheapest clear ways (the two changes were
/// made apart; appointment left to right: `action = dismiss` inside the
/// general manager's lane); 10 once a hand-over's label that finds no
/// room beside its line inside one lane gets room made for it in the gap
/// the hand-over crosses (expense_claim's `amount > 50,000 元`, left to
/// right, now beside its line between the two lanes), a label is tried
/// right beside every part of its edge, and a condition's label that finds
/// no place beside its line is drawn on it on a backing (product_rnd's
/// `budget > 1,000,000 元`, left to right). Of the 10, 9 are rejections'
/// labels and one a condition just over 24 points from its edge
/// (leave_request's `by_days`, left to right, in English); 14 with issue
/// 18's lane order tried over every order of the bands (appointment's
/// `action = appoint` into the division lead's lane, now next to the legal
/// counsel's, 28 and 32 points left to right; manufacturing's English
/// `reject` of the plan approval, in the narrow gap between the planner's
/// lane and the manager's, 25 points left to right and 85 top to bottom);
/// still 14 once rejections arriving together at one side of a box share
/// one label and may cross the lanes between close to boxes (two fewer:
/// appointment's legal review and contract_approval's department review,
/// top to bottom in English; two more: appointment's legal review left to
/// right in English, 33 points, and product_rnd's general manager's
/// rejection top to bottom in English, 25 points); 6 once a gap between
/// neighbouring lanes is widened for a rejection's label that finds no
/// room near its run inside either lane beside it (manufacturing's
/// English `reject` of the plan approval top to bottom, 85 points away
/// before, now beside its line in the widened gap). The test fails if
/// the count changes.
const LABELS_FAR_FROM_THEIR_EDGE: usize = 6;

/// No edge label of a Graphviz picture lies in a lane's header or touches
/// a lane's title, where it reads as part of the title (product_rnd top
/// to bottom: "budget > 1,000,000 元" right under 總經理
/// (general_manager)).
#[test]
fn every_example_drawn_by_graphviz_keeps_labels_out_of_lane_headers() {
    if !common::graphviz_for_test("the Graphviz lane header test") {
        return;
    }
    let (mut pictures, mut headers) = (0, 0);
    let (mut found, mut crossing_borders) = (Vec::new(), Vec::new());
    let (mut far, mut on_legend) = (Vec::new(), Vec::new());
    for Picture {
        process,
        lang,
        direction,
        drawn,
    } in example_pictures()
    {
        let along_x = *direction == Direction::LeftRight;
        pictures += 1;
        headers += lane_headers(drawn, along_x).len();
        let at_titles = labels_at_titles(drawn, along_x);
        let across = labels_across_borders(drawn);
        if let Some([x1, y1, x2, y2]) = drawn.legend {
            for edge in drawn
                .edges
                .iter()
                .filter(|edge| !edge.tail.starts_with("legend."))
            {
                if edge
                    .labels
                    .iter()
                    .any(|&[a1, b1, a2, b2]| a1 < x2 && x1 < a2 && b1 < y2 && y1 < b2)
                {
                    on_legend.push(format!(
                        "{process} {} ({lang:?}, {direction:?})",
                        edge.title
                    ));
                }
            }
        }
        for (edge, own) in labels_far_from_their_edge(drawn) {
            far.push(format!(
                "{process} {edge} ({lang:?}, {direction:?}): {own:.0} pt from its edge"
            ));
        }
        println!(
            "{process:<22} {lang:?} {direction:?}: labels in lane headers {}, across lane borders {}",
            at_titles.len(),
            across.len()
        );
        crossing_borders.extend(across.into_iter().map(|(edge, lane)| {
            format!("{process} {edge} across lane {lane} ({lang:?}, {direction:?})")
        }));
        found.extend(at_titles.into_iter().map(|(edge, lane)| {
            format!("{process} {edge} in lane {lane} ({lang:?}, {direction:?})")
        }));
    }
    for line in crossing_borders.iter().chain(&far) {
        println!("  {line}");
    }
    println!(
        "labels in lane headers {}, across lane borders {}, far from their edge {}",
        found.len(),
        crossing_borders.len(),
        far.len()
    );
    assert_eq!(pictures, 52, "pictures measured");
    assert!(headers > 52, "{headers} lane headers measured");
    assert_eq!(
        found.len(),
        LABELS_AT_TITLES,
        "labels in lane headers: {found:#?}"
    );
    assert_eq!(
        crossing_borders.len(),
        LABELS_ACROSS_BORDERS,
        "labels across lane borders: {crossing_borders:#?}"
    );
    assert!(on_legend.is_empty(), "labels on the legend: {on_legend:?}");
    assert_eq!(
        far.len(),
        LABELS_FAR_FROM_THEIR_EDGE,
        "labels far from their edge: {far:#?}"
    );
}

/// A hand-made picture: two lanes top to bottom, one label right under
/// the first lane's title (in its header), one well inside the second.
const LABEL_IN_HEADER: &str = r#"<svg width="400pt" height="300pt" xmlns="http://www.w3.org/2000/svg">
<g class="cluster"><title>cluster_lane_0</title><polygon points="0,0 150,0 150,300 0,300 0,0"/>
<text text-anchor="middle" x="75" y="20" font-size="13">Manager</text>
<text text-anchor="middle" x="75" y="37" font-size="13">(manager)</text></g>
<g class="cluster"><title>cluster_lane_1</title><polygon points="200,0 350,0 350,300 200,300 200,0"/>
<text text-anchor="middle" x="275" y="20" font-size="13">Clerk</text></g>
<g class="edge"><title>a->b</title><path d="M75,40C75,100 75,200 75,280"/>
<text text-anchor="middle" x="75" y="52" font-size="11">budget &gt; 10</text></g>
<g class="edge"><title>c->d</title><path d="M275,40C275,100 275,200 275,280"/>
<text text-anchor="middle" x="275" y="150" font-size="11">budget &lt; 10</text></g>
</svg>"#;

#[test]
fn the_header_measure_sees_a_label_under_a_lane_title() {
    let drawn = drawing(LABEL_IN_HEADER);
    assert_eq!(lane_headers(&drawn, false).len(), 2);
    assert_eq!(
        labels_at_titles(&drawn, false),
        vec![("a->b".to_string(), 0)]
    );
}

/// Every edge (not a rejection or other dashed outcome, which
/// [`every_example_is_drawn_by_graphviz_without_collisions_and_compact`]
/// checks) drawn with more than [`MOST_DIAGONAL`] of its length more than
/// [`DIAGONAL_DEGREES`] off both axes, in a picture whose edges all turn
/// at right angles: (edge, diagonal share).
fn diagonal_edges(drawn: &Drawing) -> Vec<(String, f64)> {
    let tangent = DIAGONAL_DEGREES.to_radians().tan();
    let mut found = Vec::new();
    for edge in drawn
        .edges
        .iter()
        .filter(|edge| !edge.dashed && !edge.tail.starts_with("legend."))
    {
        let (mut total, mut diagonal) = (0.0, 0.0);
        for pair in edge.curve.windows(2) {
            let (dx, dy) = (pair[1].0 - pair[0].0, pair[1].1 - pair[0].1);
            let length = dx.hypot(dy);
            total += length;
            if dx.abs().min(dy.abs()) > tangent * dx.abs().max(dy.abs()) {
                diagonal += length;
            }
        }
        if total > 0.0 && diagonal / total > MOST_DIAGONAL {
            found.push((edge.title.clone(), diagonal / total));
        }
    }
    found
}

/// Every edge of a Graphviz picture turns at right angles, as the built-in
/// layout routes it: none drawn across the picture by `neato` (appointment
/// left to right: the second 否則 into 人力資源部發布任免通知, whose label
/// the built-in layout shares with the first, lost its route and was
/// drawn as a diagonal line).
#[test]
fn every_example_drawn_by_graphviz_turns_at_right_angles() {
    if !common::graphviz_for_test("the Graphviz right-angle test") {
        return;
    }
    let (mut pictures, mut edges) = (0, 0);
    let mut found = Vec::new();
    for Picture {
        process,
        lang,
        direction,
        drawn,
    } in example_pictures()
    {
        pictures += 1;
        edges += drawn.edges.iter().filter(|edge| !edge.dashed).count();
        found.extend(diagonal_edges(drawn).into_iter().map(|(edge, share)| {
            format!(
                "{process} {edge} ({lang:?}, {direction:?}): {:.0} % diagonal",
                share * 100.0
            )
        }));
    }
    println!("diagonal edges: {}", found.len());
    assert_eq!(pictures, 52, "pictures measured");
    assert!(edges > 52, "{edges} edges measured");
    assert!(found.is_empty(), "diagonal edges: {found:#?}");
}

#[test]
fn the_right_angle_measure_sees_a_diagonal_edge() {
    let drawn = drawing(
        r#"<svg width="400pt" height="220pt" xmlns="http://www.w3.org/2000/svg">
<g class="edge"><title>a->b</title><path d="M300,60C200,100 150,130 80,160"/></g>
<g class="edge"><title>a->c</title><path d="M300,60C300,80 300,90 300,110C250,110 150,110 50,110"/></g>
</svg>"#,
    );
    let found: Vec<String> = diagonal_edges(&drawn)
        .into_iter()
        .map(|(edge, _)| edge)
        .collect();
    assert_eq!(found, ["a->b"]);
}

/// The most points, in all 52 pictures together, by which the rejections
/// between lanes may be drawn longer than the shortest right-angled
/// routes between their ends ([`rejection_detours`]): 3,955 when each
/// took the first clear way in a fixed order of preference (expense_claim
/// left to right in Chinese: the finance review's rejection 624 points
/// longer, round the right of the general manager's box), 2,347 since
/// each takes the cheapest clear way and is routed anew once all are
/// drawn ([`flowc::emit::channels`]); 2,786 once edge labels were also
/// kept out of lane headers and off lane borders (the two changes were
/// made apart; together, appointment left to right in Chinese has the
/// legal review's rejection 472 points longer, round the left of the
/// picture); 1,869 once rejections may cross the lanes between as close
/// to boxes and edges as they may run and the shorter of the two
/// routings is kept, with issue 18's lane order and Chinese wrapped
/// between words (the worst: expense_claim's finance review, left to
/// right in English, 2.19 times its shortest route).
const REJECTION_DETOUR_POINTS: f64 = 1_870.0;

/// The most a rejection between lanes may be drawn longer than the
/// shortest right-angled route between its ends, as a ratio: 2.75 before
/// each rejection took the cheapest clear way, 2.28 since (expense_claim
/// left to right in English, the finance review's rejection, round the
/// general manager's box: the columns beside the department head's box
/// are taken by the general manager's and the division lead's
/// rejections, which take no longer way to free them).
const WORST_REJECTION_DETOUR: f64 = 2.29;

/// Rejections between lanes far apart take no long detour: each
/// rejection's drawn length against the shortest right-angled route
/// between its ends, the worst per picture printed and the total excess
/// held to [`REJECTION_DETOUR_POINTS`], the worst to
/// [`WORST_REJECTION_DETOUR`].
#[test]
fn every_example_drawn_by_graphviz_keeps_rejections_from_long_detours() {
    if !common::graphviz_for_test("the Graphviz detour test") {
        return;
    }
    let (mut diagrams, mut measured, mut excess) = (0, 0, 0.0);
    let mut worst: Option<(String, f64)> = None;
    for picture in example_pictures() {
        let along_x = picture.direction == Direction::LeftRight;
        let detours = rejection_detours(&picture.drawn, along_x);
        diagrams += 1;
        measured += detours.len();
        excess += detours.iter().map(|(_, _, longer)| longer).sum::<f64>();
        let picture_worst = detours
            .iter()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(title, ratio, longer)| format!("{title} {ratio:.2} (+{longer:.0} pt)"));
        println!(
            "{:<22} {:?} {:?}: rejections {}, longest detour {}",
            picture.process,
            picture.lang,
            picture.direction,
            detours.len(),
            picture_worst.unwrap_or_default()
        );
        keep_worst(
            &mut worst,
            picture,
            detours.iter().map(|(title, ratio, _)| (title, *ratio)),
        );
    }
    assert_eq!(diagrams, 52, "diagrams measured");
    assert_eq!(measured, 148, "rejections between lanes measured");
    let (worst_title, worst_ratio) = worst.unwrap_or_default();
    println!(
        "rejection detours: {excess:.0} pt in all; the worst {worst_ratio:.2} ({worst_title})"
    );
    assert!(
        excess <= REJECTION_DETOUR_POINTS,
        "rejections drawn {excess:.0} pt longer than their shortest routes, at most {REJECTION_DETOUR_POINTS}"
    );
    assert!(
        worst_ratio <= WORST_REJECTION_DETOUR,
        "{worst_title} drawn {worst_ratio:.2} times its shortest route, at most {WORST_REJECTION_DETOUR}"
    );
}

/// Keeps in `worst` the item of `picture` with the highest ratio, named
/// with its picture, when it beats the worst so far.
fn keep_worst<'a>(
    worst: &mut Option<(String, f64)>,
    picture: &Picture,
    items: impl Iterator<Item = (&'a String, f64)>,
) {
    for (title, ratio) in items {
        if worst.as_ref().is_none_or(|(_, most)| ratio > *most) {
            *worst = Some((
                format!(
                    "{title} in {} ({:?}, {:?})",
                    picture.process, picture.lang, picture.direction
                ),
                ratio,
            ));
        }
    }
}

/// A forward arrow (not dashed) between two nodes, with its detour
/// ([`detour`]) and how many lanes lie between its two ends' lanes.
fn forward_arrows(drawn: &Drawing) -> Vec<(String, f64, usize)> {
    let centre = |name: &str| {
        let [x1, y1, x2, y2] = drawn.nodes.get(name)?.bounds();
        Some(((x1 + x2) / 2.0, (y1 + y2) / 2.0))
    };
    drawn
        .edges
        .iter()
        .filter(|edge| !edge.dashed && !edge.tail.starts_with("legend."))
        .filter_map(|edge| {
            let (tail, head) = (centre(&edge.tail)?, centre(&edge.head)?);
            let between = drawn
                .lanes
                .iter()
                .filter(|&&[x1, y1, x2, y2]| {
                    let holds =
                        |(x, y): (f64, f64)| (x1..=x2).contains(&x) && (y1..=y2).contains(&y);
                    let beyond =
                        |low: f64, high: f64, a: f64, b: f64| a.min(b) < low && high < a.max(b);
                    !holds(tail)
                        && !holds(head)
                        && (beyond(x1, x2, tail.0, head.0) || beyond(y1, y2, tail.1, head.1))
                })
                .count();
            let (ratio, _) = detour(&edge.curve)?;
            Some((edge.title.clone(), ratio, between))
        })
        .collect()
}

/// The most a forward arrow may be drawn longer than the shortest
/// right-angled route between its ends, as a ratio: 1.84, appointment top
/// to bottom, the arrow into the objection decision, drawn by `neato`
/// round the boxes in its way. manufacturing's first arrow (sales plan to
/// production plan) is straight (1.00): it is long because five lanes lie
/// between the two in the lane order (`src/emit/diagram/reading.rs`),
/// not because of its route.
const WORST_FORWARD_DETOUR: f64 = 1.85;

/// Forward arrows are drawn as short as their ends allow: the worst ratio
/// of drawn length to the shortest right-angled route per picture, and the
/// most lanes an arrow passes over (which the lane order decides, not the
/// routing), printed; the worst ratio held to [`WORST_FORWARD_DETOUR`].
#[test]
fn every_example_drawn_by_graphviz_keeps_forward_arrows_short() {
    if !common::graphviz_for_test("the Graphviz forward arrow test") {
        return;
    }
    let (mut diagrams, mut measured) = (0, 0);
    let mut worst: Option<(String, f64)> = None;
    for picture in example_pictures() {
        let arrows = forward_arrows(&picture.drawn);
        diagrams += 1;
        measured += arrows.len();
        let longest = arrows.iter().max_by(|a, b| a.1.total_cmp(&b.1));
        let widest = arrows.iter().max_by_key(|arrow| arrow.2);
        println!(
            "{:<22} {:?} {:?}: arrows {}, longest detour {}, most lanes passed {}",
            picture.process,
            picture.lang,
            picture.direction,
            arrows.len(),
            longest
                .map(|(title, ratio, _)| format!("{title} {ratio:.2}"))
                .unwrap_or_default(),
            widest
                .map(|(title, ratio, lanes)| format!("{title} {lanes} ({ratio:.2})"))
                .unwrap_or_default()
        );
        keep_worst(
            &mut worst,
            picture,
            arrows.iter().map(|(title, ratio, _)| (title, *ratio)),
        );
    }
    assert_eq!(diagrams, 52, "diagrams measured");
    assert!(measured > 0, "forward arrows measured");
    let (worst_title, worst_ratio) = worst.unwrap_or_default();
    println!("forward arrows: the worst detour {worst_ratio:.2} ({worst_title})");
    assert!(
        worst_ratio <= WORST_FORWARD_DETOUR,
        "{worst_title} drawn {worst_ratio:.2} times its shortest route, at most {WORST_FORWARD_DETOUR}"
    );
}
