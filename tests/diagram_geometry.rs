//! The built-in engine's geometry, measured on the SVG it emits for every
//! example and every diagram fixture in both directions: edges through a
//! shape or an escalation note that is not their end, labels over shapes,
//! notes or other labels, edges through another edge's label, text of a
//! box outside it, shapes outside every lane (a lane cut shorter than its
//! content), and how much of the lanes the boxes fill. Prints one
//! line per diagram (`cargo test --test integration diagram_geometry --
//! --nocapture`) and fails on any collision or a box/lane ratio under
//! [`LEAST_FILL`]. The diagrams of changes of every case of
//! `tests/fixtures/diff/` (`flowc diff --emit svg`, built-in layout) are
//! held to no collision either.
//!
//! Text widths are estimated as the renderer draws them in the fonts the
//! diagram declares: a wide (CJK) character one em, any other character
//! 0.6 em (Noto Sans's widest digits and Latin letters are narrower).

use std::fmt::Write;

use crate::common;
use flowc::check;
use flowc::diff;
use flowc::emit::diagram::{DiagramOptions, Direction, columns};
use flowc::emit::svg;
use flowc::i18n::Lang;

use crate::diff_fixtures::{cases, options, with_case};

/// The least share of the lanes' area the boxes must cover in every
/// diagram. Issue 18 asks for 20 %; with one full-length lane per owner
/// the examples reach 10.7 % to 23.5 % (docs/diagrams-and-handbook.md
/// says why), so the test holds them at no less than that.
const LEAST_FILL: f64 = 0.20;

/// A rectangle in SVG user units.
#[derive(Debug, Clone, Copy)]
struct Rect {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

impl Rect {
    fn area(self) -> f64 {
        (self.right - self.left).max(0.0) * (self.bottom - self.top).max(0.0)
    }

    fn grown(self, by: f64) -> Rect {
        Rect {
            left: self.left - by,
            top: self.top - by,
            right: self.right + by,
            bottom: self.bottom + by,
        }
    }

    fn contains(self, (x, y): (f64, f64)) -> bool {
        x > self.left && x < self.right && y > self.top && y < self.bottom
    }

    fn overlaps(self, other: Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    fn union(self, other: Rect) -> Rect {
        Rect {
            left: self.left.min(other.left),
            top: self.top.min(other.top),
            right: self.right.max(other.right),
            bottom: self.bottom.max(other.bottom),
        }
    }

    fn inside(self, other: Rect) -> bool {
        self.left >= other.left
            && self.right <= other.right
            && self.top >= other.top
            && self.bottom <= other.bottom
    }
}

/// A drawn shape: a step or call box, a decision, a bar, the start or an
/// end circle, or a line of the name beside a bar or under an end.
#[derive(Debug)]
struct Shape {
    name: String,
    rect: Rect,
    /// A step, call or decision: counted in the box area.
    boxed: bool,
    /// The lines of text drawn inside it (steps and calls).
    text: Vec<Rect>,
}

/// What one SVG holds, as rectangles and sampled edges.
#[derive(Debug, Default)]
struct Geometry {
    shapes: Vec<Shape>,
    notes: Vec<Rect>,
    /// Each label with the index of the edge it belongs to.
    labels: Vec<(Rect, usize)>,
    /// Each edge as points along it.
    edges: Vec<Vec<(f64, f64)>>,
    lanes: Vec<Rect>,
    /// Each lane's header: the part of its rectangle before the rule
    /// that ends the header.
    headers: Vec<Rect>,
    /// The lines of the lanes' titles.
    titles: Vec<Rect>,
}

fn number(node: roxmltree::Node<'_, '_>, name: &str) -> f64 {
    node.attribute(name)
        .and_then(|value| value.parse().ok())
        .unwrap_or(0.0)
}

fn class<'a>(node: roxmltree::Node<'a, '_>) -> &'a str {
    node.attribute("class").unwrap_or("")
}

fn rect_of(node: roxmltree::Node<'_, '_>) -> Rect {
    match node.tag_name().name() {
        "circle" => {
            let (x, y, r) = (number(node, "cx"), number(node, "cy"), number(node, "r"));
            Rect {
                left: x - r,
                top: y - r,
                right: x + r,
                bottom: y + r,
            }
        }
        "polygon" => {
            let points: Vec<f64> = node
                .attribute("points")
                .unwrap_or("")
                .split([' ', ','])
                .filter_map(|value| value.parse().ok())
                .collect();
            let xs = points.iter().step_by(2);
            let ys = points.iter().skip(1).step_by(2);
            Rect {
                left: xs.clone().copied().fold(f64::MAX, f64::min),
                right: xs.copied().fold(f64::MIN, f64::max),
                top: ys.clone().copied().fold(f64::MAX, f64::min),
                bottom: ys.copied().fold(f64::MIN, f64::max),
            }
        }
        _ => {
            let (x, y) = (number(node, "x"), number(node, "y"));
            Rect {
                left: x,
                top: y,
                right: x + number(node, "width"),
                bottom: y + number(node, "height"),
            }
        }
    }
}

/// The font size a text element is drawn at: its own or an ancestor's.
fn font_size(node: roxmltree::Node<'_, '_>) -> f64 {
    node.ancestors()
        .find_map(|node| node.attribute("font-size"))
        .and_then(|size| size.parse().ok())
        .unwrap_or(13.0)
}

/// The box a line of text takes, by its anchor and the estimate of the
/// module's documentation.
fn text_rect(node: roxmltree::Node<'_, '_>) -> Rect {
    let size = font_size(node);
    let text = node.text().unwrap_or("");
    let wide = columns(text) - text.chars().count();
    let narrow = text.chars().count() - wide;
    let width = wide as f64 * size + narrow as f64 * 0.6 * size;
    let (x, y) = (number(node, "x"), number(node, "y"));
    let left = match node.attribute("text-anchor") {
        Some("middle") => x - width / 2.0,
        Some("end") => x - width,
        _ => x,
    };
    Rect {
        left,
        top: y - 0.6 * size,
        right: left + width,
        bottom: y + 0.6 * size,
    }
}

/// The points along a path of `M`, `L`, `H`, `V` and `C` commands (absolute).
fn sample(d: &str) -> Vec<(f64, f64)> {
    let mut points = Vec::new();
    let mut tokens = Vec::new();
    let mut current = String::new();
    for c in d.chars() {
        if c.is_ascii_alphabetic() {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            tokens.push(c.to_string());
        } else if c == ',' || c == ' ' {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    let mut at = (0.0, 0.0);
    let mut command = "M".to_string();
    let mut index = 0;
    let value = |index: usize| -> f64 { tokens[index].parse().unwrap_or(0.0) };
    while index < tokens.len() {
        if tokens[index].chars().all(|c| c.is_ascii_alphabetic()) {
            command = tokens[index].clone();
            index += 1;
            continue;
        }
        let line_to = |points: &mut Vec<(f64, f64)>, from: (f64, f64), to: (f64, f64)| {
            let steps = ((to.0 - from.0).abs() + (to.1 - from.1).abs())
                .ceil()
                .max(1.0) as usize;
            for step in 1..=steps {
                let t = step as f64 / steps as f64;
                points.push((from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t));
            }
        };
        match command.as_str() {
            "M" => {
                at = (value(index), value(index + 1));
                points.push(at);
                index += 2;
            }
            "L" => {
                let to = (value(index), value(index + 1));
                line_to(&mut points, at, to);
                at = to;
                index += 2;
            }
            "H" => {
                let to = (value(index), at.1);
                line_to(&mut points, at, to);
                at = to;
                index += 1;
            }
            "V" => {
                let to = (at.0, value(index));
                line_to(&mut points, at, to);
                at = to;
                index += 1;
            }
            "C" => {
                let c1 = (value(index), value(index + 1));
                let c2 = (value(index + 2), value(index + 3));
                let to = (value(index + 4), value(index + 5));
                for step in 1..=200 {
                    let t = f64::from(step) / 200.0;
                    let u = 1.0 - t;
                    let point = |a: f64, b: f64, c: f64, d: f64| {
                        u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d
                    };
                    points.push((point(at.0, c1.0, c2.0, to.0), point(at.1, c1.1, c2.1, to.1)));
                }
                at = to;
                index += 6;
            }
            other => panic!("path command {other} in {d}"),
        }
    }
    points
}

/// The geometry of one built-in SVG.
fn geometry(svg: &str) -> Geometry {
    let document = roxmltree::Document::parse(svg).expect("the SVG is well-formed");
    let mut geometry = Geometry::default();
    for node in document.descendants().filter(|node| node.is_element()) {
        let kind = class(node);
        let first = |tags: &[&str]| {
            node.children()
                .find(|child| tags.contains(&child.tag_name().name()))
        };
        match (node.tag_name().name(), kind) {
            ("g", "step" | "call" | "decision" | "start" | "end" | "bar") => {
                let Some(outline) = first(&["rect", "polygon", "circle"]) else {
                    continue;
                };
                let text: Vec<Rect> = node
                    .children()
                    .filter(|child| child.has_tag_name("text"))
                    .map(text_rect)
                    .collect();
                let name = node
                    .descendants()
                    .find(|child| child.has_tag_name("text"))
                    .and_then(|child| child.text())
                    .unwrap_or(kind)
                    .to_string();
                let boxed = matches!(kind, "step" | "call" | "decision");
                if matches!(kind, "bar" | "end") {
                    // The name beside a bar or under an end: no edge may
                    // cross it either.
                    for line in &text {
                        geometry.shapes.push(Shape {
                            name: format!("the name of {name}"),
                            rect: *line,
                            boxed: false,
                            text: Vec::new(),
                        });
                    }
                }
                geometry.shapes.push(Shape {
                    name,
                    rect: rect_of(outline),
                    text: if matches!(kind, "step" | "call") {
                        text
                    } else {
                        Vec::new()
                    },
                    boxed,
                });
            }
            ("g", "escalation") => {
                // Its lines and its clock.
                let note = node
                    .children()
                    .filter_map(|child| match child.tag_name().name() {
                        "text" => Some(text_rect(child)),
                        "circle" => Some(rect_of(child)),
                        _ => None,
                    })
                    .reduce(Rect::union);
                geometry.notes.extend(note);
            }
            ("rect", "note-back") => {
                // The notes of a change beside a node of a diagram of
                // changes, on their backing.
                geometry.notes.push(rect_of(node));
            }
            ("g", "lanes") => lanes(node, &mut geometry),
            ("path", kind) if kind.split(' ').any(|word| word == "edge") => {
                geometry
                    .edges
                    .push(sample(node.attribute("d").unwrap_or("")));
            }
            ("rect", "edge-label") => {
                let edge = geometry.edges.len().saturating_sub(1);
                geometry.labels.push((rect_of(node), edge));
            }
            _ => {}
        }
    }
    geometry
}

/// The lanes of a `g.lanes` group: each lane's rectangle, followed by the
/// rule that ends its header (across the lane: top to bottom; along it:
/// left to right) and its title's lines.
fn lanes(group: roxmltree::Node<'_, '_>, geometry: &mut Geometry) {
    for child in group.children().filter(|child| child.is_element()) {
        match child.tag_name().name() {
            "rect" => geometry.lanes.push(rect_of(child)),
            "line" => {
                let Some(&lane) = geometry.lanes.last() else {
                    continue;
                };
                let (x1, y1) = (number(child, "x1"), number(child, "y1"));
                let (x2, y2) = (number(child, "x2"), number(child, "y2"));
                let header = if x1 == x2 {
                    Rect { right: x1, ..lane }
                } else {
                    Rect {
                        bottom: y1.max(y2),
                        ..lane
                    }
                };
                geometry.headers.push(header);
            }
            "text" => geometry.titles.push(text_rect(child)),
            _ => {}
        }
    }
}

/// The collisions and the fill of one diagram.
#[derive(Debug, Default)]
struct Measures {
    /// (edge, shape) pairs where an edge passes through a shape that is
    /// not its end.
    edges_through_shapes: Vec<String>,
    notes: usize,
    /// Notes an edge passes through.
    notes_crossed: usize,
    /// Labels over a shape, a note or another label.
    label_overlaps: Vec<String>,
    /// (edge, label) pairs where an edge passes through another edge's
    /// label.
    edges_through_labels: usize,
    /// Lines of box text or notes outside their box.
    text_outside: Vec<String>,
    /// Shapes outside every lane (a lane cut shorter than its content).
    shapes_outside_lanes: Vec<String>,
    /// Labels in a lane's header or within [`common::TITLE_ROOM`] of a lane's
    /// title, where they read as part of the title.
    labels_at_titles: Vec<String>,
    /// Total box area / total lane area.
    fill: f64,
}

impl Measures {
    fn collisions(&self) -> usize {
        self.edges_through_shapes.len()
            + self.notes_crossed
            + self.label_overlaps.len()
            + self.edges_through_labels
            + self.text_outside.len()
            + self.shapes_outside_lanes.len()
            + self.labels_at_titles.len()
    }
}

fn measure(geometry: &Geometry) -> Measures {
    let mut measures = Measures {
        notes: geometry.notes.len(),
        ..Measures::default()
    };
    for (index, edge) in geometry.edges.iter().enumerate() {
        let (Some(&first), Some(&last)) = (edge.first(), edge.last()) else {
            continue;
        };
        let end = |shape: &Shape| {
            let near = shape.rect.grown(4.0);
            near.contains(first) || near.contains(last)
        };
        for shape in geometry.shapes.iter().filter(|shape| !end(shape)) {
            let inner = shape.rect.grown(-1.0);
            if edge.iter().any(|&point| inner.contains(point)) {
                measures
                    .edges_through_shapes
                    .push(format!("edge {index} through {}", shape.name));
            }
        }
        for (label, _) in geometry.labels.iter().filter(|(_, owner)| *owner != index) {
            if edge.iter().any(|&point| label.grown(-1.0).contains(point)) {
                measures.edges_through_labels += 1;
            }
        }
    }
    measures.notes_crossed = geometry
        .notes
        .iter()
        .filter(|note| {
            geometry
                .edges
                .iter()
                .any(|edge| edge.iter().any(|&point| note.grown(-1.0).contains(point)))
        })
        .count();
    for (index, (label, _)) in geometry.labels.iter().enumerate() {
        let label = label.grown(-1.0);
        for shape in &geometry.shapes {
            if label.overlaps(shape.rect) {
                measures
                    .label_overlaps
                    .push(format!("label {index} over {}", shape.name));
            }
        }
        if geometry.notes.iter().any(|note| label.overlaps(*note)) {
            measures
                .label_overlaps
                .push(format!("label {index} over a note"));
        }
        for (other, (rect, _)) in geometry.labels.iter().enumerate().skip(index + 1) {
            if label.overlaps(*rect) {
                measures
                    .label_overlaps
                    .push(format!("label {index} over label {other}"));
            }
        }
    }
    for (index, (label, _)) in geometry.labels.iter().enumerate() {
        let label = label.grown(-1.0);
        if geometry
            .headers
            .iter()
            .any(|header| label.overlaps(*header))
            || geometry
                .titles
                .iter()
                .any(|title| label.overlaps(title.grown(common::TITLE_ROOM)))
        {
            measures
                .labels_at_titles
                .push(format!("label {index} at a lane's title"));
        }
    }
    for shape in &geometry.shapes {
        for line in &shape.text {
            if !line.inside(shape.rect.grown(1.0)) {
                measures
                    .text_outside
                    .push(format!("a line of {} outside its box", shape.name));
            }
        }
    }
    if !geometry.lanes.is_empty() {
        for shape in &geometry.shapes {
            if !geometry
                .lanes
                .iter()
                .any(|lane| shape.rect.grown(-1.0).inside(*lane))
            {
                measures
                    .shapes_outside_lanes
                    .push(format!("{} outside every lane", shape.name));
            }
        }
    }
    let boxes: f64 = geometry
        .shapes
        .iter()
        .filter(|shape| shape.boxed)
        .map(|shape| shape.rect.area())
        .sum();
    let lanes: f64 = geometry.lanes.iter().map(|lane| lane.area()).sum();
    measures.fill = if lanes > 0.0 { boxes / lanes } else { 0.0 };
    measures
}

/// Every example's and diagram fixture's built-in SVG in both
/// directions, named.
fn diagrams() -> Vec<(String, String)> {
    let mut diagrams = Vec::new();
    for (fixture, analysis) in common::diagram_projects() {
        let checked = check::verify(&analysis.project, &analysis.diagnostics)
            .expect("examples and diagram fixtures have no error");
        for (direction, lang) in [Direction::LeftRight, Direction::TopBottom]
            .into_iter()
            .flat_map(|direction| [(direction, Lang::ZhHant), (direction, Lang::En)])
        {
            let options = DiagramOptions {
                direction,
                lang,
                ..DiagramOptions::default()
            };
            let tag = match direction {
                Direction::LeftRight => "lr",
                Direction::TopBottom => "tb",
            };
            for (name, svg) in svg::documents(&checked, options) {
                diagrams.push((format!("{fixture}{name} {tag} {}", lang.code()), svg));
            }
        }
    }
    diagrams
}

#[test]
fn builtin_diagrams_have_no_collision_and_fill_their_lanes() {
    let mut report = String::from(
        "diagram                                                     edges-through-shapes  notes-crossed  label-overlaps  edges-through-labels  text-outside  at-titles  box/lane\n",
    );
    let mut failures = Vec::new();
    let diagrams = diagrams();
    assert!(diagrams.len() >= 88, "{} diagrams", diagrams.len());
    let (count, mut headers) = (diagrams.len(), 0);
    for (name, svg) in diagrams {
        let geometry = geometry(&svg);
        headers += geometry.headers.len();
        let measures = measure(&geometry);
        let _ = writeln!(
            report,
            "{name:<60}{:>20}{:>11}/{:<3}{:>16}{:>22}{:>14}{:>11}{:>9.1} %",
            measures.edges_through_shapes.len(),
            measures.notes_crossed,
            measures.notes,
            measures.label_overlaps.len(),
            measures.edges_through_labels,
            measures.text_outside.len(),
            measures.labels_at_titles.len(),
            measures.fill * 100.0,
        );
        if measures.collisions() > 0 || measures.fill < LEAST_FILL {
            failures.push(format!(
                "{name}: {:?} {:?} {:?} {:?} {:?} fill {:.1} %",
                measures.edges_through_shapes,
                measures.label_overlaps,
                measures.text_outside,
                measures.shapes_outside_lanes,
                measures.labels_at_titles,
                measures.fill * 100.0
            ));
        }
    }
    println!("{report}");
    assert!(failures.is_empty(), "{report}\n{}", failures.join("\n"));
    assert!(
        headers > 2 * count,
        "{headers} lane headers in {count} diagrams"
    );
}

/// The built-in SVG of every diagram of changes of every case of
/// `tests/fixtures/diff/` in both directions, named.
fn marked_diagrams() -> Vec<(String, String)> {
    let mut diagrams = Vec::new();
    for case in cases() {
        with_case(&case, |result, old_checked, new_checked| {
            for drawn in diff::visual::marked(result, old_checked, new_checked, Lang::En) {
                for (direction, tag) in [(Direction::LeftRight, "lr"), (Direction::TopBottom, "tb")]
                {
                    let options = DiagramOptions {
                        direction,
                        ..options(Lang::En)
                    };
                    let picture = svg::render_marked(
                        drawn.checked.project(),
                        drawn.process,
                        options,
                        &drawn.marks,
                    );
                    diagrams.push((format!("{case}: {} {tag}", drawn.name), picture));
                }
            }
        });
    }
    diagrams
}

/// The diagrams of changes are laid out by the same layout: the nodes and
/// edges of the older version, the frames and the notes beside the nodes
/// collide with nothing either (their fill is not measured: a removed
/// process is drawn alone).
#[test]
fn builtin_diagrams_of_changes_have_no_collision() {
    let mut failures = Vec::new();
    let mut notes = 0;
    let diagrams = marked_diagrams();
    for (name, svg) in &diagrams {
        let measures = measure(&geometry(svg));
        notes += measures.notes;
        if measures.collisions() > 0 {
            failures.push(format!(
                "{name}: {:?} notes crossed {} {:?} edges through labels {} {:?} {:?} {:?}",
                measures.edges_through_shapes,
                measures.notes_crossed,
                measures.label_overlaps,
                measures.edges_through_labels,
                measures.text_outside,
                measures.shapes_outside_lanes,
                measures.labels_at_titles,
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(diagrams.len() >= 80, "{} diagrams", diagrams.len());
    assert!(notes > 100, "{notes} notes");
    println!(
        "{} diagrams of changes, {notes} notes: no collision",
        diagrams.len()
    );
}

#[test]
fn the_measures_see_a_collision() {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\">\
        <g class=\"lanes\"><rect x=\"0\" y=\"0\" width=\"400\" height=\"100\"/></g>\
        <path class=\"edge\" d=\"M0,50 L400,50\"/>\
        <rect class=\"edge-label\" x=\"150\" y=\"40\" width=\"40\" height=\"20\"/>\
        <g class=\"step\"><rect x=\"100\" y=\"30\" width=\"80\" height=\"40\"/><text x=\"140\" y=\"50\" text-anchor=\"middle\">a rather long line of text</text></g>\
        <g class=\"escalation\"><text x=\"300\" y=\"50\">note</text></g>\
        <g class=\"end\"><circle cx=\"450\" cy=\"50\" r=\"10\"/></g>\
        </svg>";
    let measures = measure(&geometry(svg));
    assert_eq!(measures.edges_through_shapes.len(), 1);
    assert_eq!(measures.notes_crossed, 1);
    assert_eq!(measures.label_overlaps.len(), 1);
    assert_eq!(measures.text_outside.len(), 1);
    assert_eq!(measures.shapes_outside_lanes, ["end outside every lane"]);
    assert!((measures.fill - 0.08).abs() < 1e-9, "{}", measures.fill);
}

#[test]
fn the_measures_see_a_label_in_a_lane_header() {
    // Two lanes top to bottom, headers 40 high: a label in the first
    // lane's header, one well inside the second lane.
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\">\
        <g class=\"lanes\">\
        <rect x=\"0\" y=\"0\" width=\"200\" height=\"300\"/>\
        <line x1=\"0\" y1=\"40\" x2=\"200\" y2=\"40\"/>\
        <text x=\"100\" y=\"20\" text-anchor=\"middle\">Manager</text>\
        <rect x=\"200\" y=\"0\" width=\"200\" height=\"300\"/>\
        <line x1=\"200\" y1=\"40\" x2=\"400\" y2=\"40\"/>\
        <text x=\"300\" y=\"20\" text-anchor=\"middle\">Clerk</text></g>\
        <path class=\"edge\" d=\"M100,30 L100,290\"/>\
        <rect class=\"edge-label\" x=\"60\" y=\"32\" width=\"80\" height=\"18\"/>\
        <path class=\"edge\" d=\"M300,30 L300,290\"/>\
        <rect class=\"edge-label\" x=\"260\" y=\"150\" width=\"80\" height=\"18\"/>\
        </svg>";
    let geometry = geometry(svg);
    assert_eq!(geometry.headers.len(), 2);
    assert_eq!(geometry.titles.len(), 2);
    let measures = measure(&geometry);
    assert_eq!(measures.labels_at_titles, ["label 0 at a lane's title"]);
}
