//! BPMN diagram interchange (DI) measured from the emitted XML, for every
//! example and every BPMN fixture in both dialects: no sequence flow passes
//! through a shape that is not one of its ends, no two labels overlap, every
//! shape lies inside its lane and no two lanes overlap (docs/bpmn.md, "The
//! diagram"). A label is where bpmn-js draws it: its `BPMNLabel` bounds, or
//! without them bpmn-js's default place (under an event or gateway, at the
//! middle of a flow), at least as large as its text.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use flowc::check;
use flowc::emit::bpmn::{self, Dialect};

const DIALECTS: [Dialect; 2] = [Dialect::Zeebe, Dialect::Spiff];

/// A rectangle: left, top, width, height.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rect {
    x: f64,
    y: f64,
    width: f64,
    height: f64,
}

impl Rect {
    fn right(self) -> f64 {
        self.x + self.width
    }
    fn bottom(self) -> f64 {
        self.y + self.height
    }
    /// Whether the two share some area (touching edges do not).
    fn overlaps(self, other: Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
    /// Whether the two share a point (touching edges do).
    fn touches(self, other: Rect) -> bool {
        self.x <= other.right()
            && other.x <= self.right()
            && self.y <= other.bottom()
            && other.y <= self.bottom()
    }
    /// Whether `other` lies inside (edges may touch).
    fn contains(self, other: Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }
    /// Whether the segment from `a` to `b` passes through the inside (a
    /// segment along an edge, or touching a corner, does not).
    fn crossed_by(self, a: (f64, f64), b: (f64, f64)) -> bool {
        let inner = Rect {
            x: self.x + 1.0,
            y: self.y + 1.0,
            width: self.width - 2.0,
            height: self.height - 2.0,
        };
        if inner.width <= 0.0 || inner.height <= 0.0 {
            return false;
        }
        // Liang-Barsky clipping of the segment to the inner rectangle.
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let mut low = 0.0_f64;
        let mut high = 1.0_f64;
        for (p, q) in [
            (-dx, a.0 - inner.x),
            (dx, inner.right() - a.0),
            (-dy, a.1 - inner.y),
            (dy, inner.bottom() - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    low = low.max(t);
                } else {
                    high = high.min(t);
                }
            }
        }
        low < high
    }
}

/// What one BPMN file's diagrams show wrong.
#[derive(Debug, Default, Clone, PartialEq)]
struct Collisions {
    /// Sequence flows with a segment through a shape that is not an end
    /// of theirs, with the shape.
    flows_through_shapes: Vec<(String, String)>,
    /// Pairs of labels that overlap.
    overlapping_labels: Vec<(String, String)>,
    /// Pairs of shapes that overlap or touch (as bpmnlint's
    /// `no-overlapping-elements` counts them), but for a boundary event
    /// on its host.
    overlapping_shapes: Vec<(String, String)>,
    /// Shapes not inside the lane that lists them.
    outside_their_lane: Vec<String>,
    /// Pairs of lanes that overlap.
    overlapping_lanes: Vec<(String, String)>,
}

impl Collisions {
    fn is_empty(&self) -> bool {
        *self == Collisions::default()
    }
}

fn bounds_of(node: roxmltree::Node) -> Option<Rect> {
    let bounds = node.children().find(|child| child.has_tag_name("Bounds"))?;
    let number = |name: &str| {
        bounds
            .attribute(name)
            .and_then(|value| value.parse::<f64>().ok())
    };
    Some(Rect {
        x: number("x")?,
        y: number("y")?,
        width: number("width")?,
        height: number("height")?,
    })
}

/// How wide bpmn-js draws `text` in an external label (11 px Arial): a
/// CJK character 11 px, anything else 6.5 px, wrapped at 90 px.
fn text_box(text: &str) -> (f64, f64) {
    let width: f64 = text
        .chars()
        .map(|c| {
            if flowc::emit::diagram::columns(&c.to_string()) == 2 {
                11.0
            } else {
                6.5
            }
        })
        .sum();
    let lines = (width / 90.0).ceil().max(1.0);
    (width.min(90.0), lines * 14.0)
}

/// The elements bpmn-js labels outside their shape.
fn labelled_outside(tag: &str) -> bool {
    tag.ends_with("Event") || tag.ends_with("Gateway") || tag == "sequenceFlow"
}

/// Measures every diagram (plane) of one BPMN file.
fn measure(text: &str) -> Collisions {
    let document = roxmltree::Document::parse(text).expect("the BPMN is well-formed XML");
    let elements: BTreeMap<&str, roxmltree::Node> = document
        .descendants()
        .filter(|node| {
            node.tag_name().namespace() == Some("http://www.omg.org/spec/BPMN/20100524/MODEL")
        })
        .filter_map(|node| Some((node.attribute("id")?, node)))
        .collect();
    let lane_of: BTreeMap<&str, &str> = document
        .descendants()
        .filter(|node| node.has_tag_name("lane"))
        .flat_map(|lane| {
            let id = lane.attribute("id").unwrap_or_default();
            lane.children()
                .filter(|child| child.has_tag_name("flowNodeRef"))
                .filter_map(move |child| Some((child.text()?.trim(), id)))
        })
        .collect();
    let mut collisions = Collisions::default();
    for plane in document
        .descendants()
        .filter(|node| node.has_tag_name("BPMNPlane"))
    {
        let mut shapes: Vec<(&str, Rect)> = Vec::new();
        let mut lanes: Vec<(&str, Rect)> = Vec::new();
        let mut labels: Vec<(&str, Rect)> = Vec::new();
        let mut edges: Vec<(&str, Vec<(f64, f64)>)> = Vec::new();
        for node in plane.children().filter(|node| node.is_element()) {
            let Some(id) = node.attribute("bpmnElement") else {
                continue;
            };
            let Some(element) = elements.get(id) else {
                continue;
            };
            let tag = element.tag_name().name();
            let label_bounds = node
                .children()
                .find(|child| child.has_tag_name("BPMNLabel"))
                .and_then(bounds_of);
            let name = element
                .attribute("name")
                .filter(|name| !name.trim().is_empty());
            if node.has_tag_name("BPMNShape") {
                let Some(bounds) = bounds_of(node) else {
                    continue;
                };
                match tag {
                    "lane" => lanes.push((id, bounds)),
                    "participant" => {}
                    _ => {
                        shapes.push((id, bounds));
                        if let (Some(name), true) = (name, labelled_outside(tag)) {
                            let default = (bounds.x + bounds.width / 2.0, bounds.bottom() + 10.0);
                            labels.push((id, label_rect(name, label_bounds, default)));
                        }
                    }
                }
            } else if node.has_tag_name("BPMNEdge") {
                let points: Vec<(f64, f64)> = node
                    .children()
                    .filter(|child| child.has_tag_name("waypoint"))
                    .filter_map(|point| {
                        Some((
                            point.attribute("x")?.parse().ok()?,
                            point.attribute("y")?.parse().ok()?,
                        ))
                    })
                    .collect();
                if let (Some(name), true) = (name, labelled_outside(tag))
                    && points.len() >= 2
                {
                    // bpmn-js: the middle of the middle segment.
                    let middle = points.len() as f64 / 2.0 - 1.0;
                    let first = points[middle.floor() as usize];
                    let second = points[((middle + 0.01).ceil() as usize).min(points.len() - 1)];
                    let default = ((first.0 + second.0) / 2.0, (first.1 + second.1) / 2.0);
                    labels.push((id, label_rect(name, label_bounds, default)));
                }
                edges.push((id, points));
            }
        }
        let shape_bounds: BTreeMap<&str, Rect> = shapes.iter().copied().collect();
        for (flow, points) in &edges {
            let Some(element) = elements.get(flow) else {
                continue;
            };
            let ends = [
                element.attribute("sourceRef"),
                element.attribute("targetRef"),
            ];
            let through = shapes.iter().find(|(shape, bounds)| {
                !ends.contains(&Some(*shape))
                    && points
                        .windows(2)
                        .any(|pair| bounds.crossed_by(pair[0], pair[1]))
            });
            if let Some((shape, _)) = through {
                collisions
                    .flows_through_shapes
                    .push((flow.to_string(), shape.to_string()));
            }
        }
        collisions.overlapping_labels.extend(overlapping(&labels));
        let host = |id: &str| {
            elements
                .get(id)
                .and_then(|node| node.attribute("attachedToRef"))
        };
        for (at, (one, first)) in shapes.iter().enumerate() {
            for (other, second) in &shapes[at + 1..] {
                let attached = host(one) == Some(*other) || host(other) == Some(*one);
                if !attached && first.touches(*second) {
                    collisions
                        .overlapping_shapes
                        .push((one.to_string(), other.to_string()));
                }
            }
        }
        let lane_bounds: BTreeMap<&str, Rect> = lanes.iter().copied().collect();
        for (shape, bounds) in &shape_bounds {
            if let Some(lane) = lane_of.get(shape).and_then(|lane| lane_bounds.get(lane))
                && !lane.contains(*bounds)
            {
                collisions.outside_their_lane.push(shape.to_string());
            }
        }
        collisions.overlapping_lanes.extend(overlapping(&lanes));
    }
    collisions
}

/// The pairs of `boxes` that overlap, by id.
fn overlapping(boxes: &[(&str, Rect)]) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for (at, (one, first)) in boxes.iter().enumerate() {
        for (other, second) in &boxes[at + 1..] {
            if first.overlaps(*second) {
                pairs.push((one.to_string(), other.to_string()));
            }
        }
    }
    pairs
}

/// Where a label is drawn: its DI bounds, or bpmn-js's default 90 x 20
/// box around `default`; grown about its centre line to hold its text.
fn label_rect(name: &str, declared: Option<Rect>, default: (f64, f64)) -> Rect {
    let declared = declared.unwrap_or(Rect {
        x: default.0 - 45.0,
        y: default.1 - 10.0,
        width: 90.0,
        height: 20.0,
    });
    let (width, height) = text_box(name);
    let width = declared.width.max(width);
    Rect {
        x: declared.x + declared.width / 2.0 - width / 2.0,
        y: declared.y,
        width,
        height: declared.height.max(height),
    }
}

/// Every BPMN file of the examples and of each fixture directory
/// `tests/fixtures/bpmn*`, in both dialects: (project, dialect and file
/// name; text). A fixture directory with a `flowc.toml` is one project;
/// in any other each file is built alone.
fn every_bpmn() -> Vec<(String, String)> {
    let mut projects: Vec<(String, PathBuf)> =
        vec![("examples".to_string(), common::repo().join("examples"))];
    let mut dirs = Vec::new();
    let fixtures = common::repo().join("tests/fixtures");
    let mut fixture_dirs: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("the fixtures directory")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| {
            path.is_dir()
                && path
                    .file_name()
                    .is_some_and(|name| name.to_string_lossy().starts_with("bpmn"))
        })
        .collect();
    fixture_dirs.sort();
    for dir in fixture_dirs {
        let name = dir
            .strip_prefix(common::repo())
            .unwrap_or(&dir)
            .display()
            .to_string();
        if dir.join("flowc.toml").exists() {
            projects.push((name, dir));
            continue;
        }
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("a fixture directory")
            .map(|entry| entry.expect("an entry").path())
            .filter(|path| {
                path.extension()
                    .is_some_and(|extension| extension == "flow")
            })
            .collect();
        files.sort();
        for file in files {
            let alone = tempfile::tempdir().expect("temp dir");
            std::fs::copy(&file, alone.path().join(file.file_name().expect("a file")))
                .expect("copy fixture");
            let name = file
                .strip_prefix(common::repo())
                .unwrap_or(&file)
                .display()
                .to_string();
            projects.push((name, alone.path().to_path_buf()));
            dirs.push(alone);
        }
    }
    let mut files = Vec::new();
    for (source, path) in &projects {
        for dialect in DIALECTS {
            for (name, text) in build(path, dialect) {
                files.push((format!("{source}: {}/{name}.bpmn", dialect.name()), text));
            }
        }
    }
    files
}

fn build(path: &Path, dialect: Dialect) -> Vec<(String, String)> {
    let analysis = common::analyse(path);
    let checked = check::verify(&analysis.project, &analysis.diagnostics)
        .unwrap_or_else(|| panic!("{} has errors", path.display()));
    bpmn::documents(&checked, &analysis.calendar, dialect).expect("the process exports")
}

#[test]
fn no_flow_crosses_a_shape_and_no_label_overlaps_in_any_bpmn_diagram() {
    let files = every_bpmn();
    assert!(
        files.len() >= 2 * 16,
        "every example and fixture: {}",
        files.len()
    );
    let mut report = String::new();
    let mut totals = [0usize; 4];
    let mut by_source: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    for (name, text) in &files {
        let collisions = measure(text);
        let counts = [
            collisions.flows_through_shapes.len(),
            collisions.overlapping_labels.len(),
            collisions.outside_their_lane.len(),
            collisions.overlapping_lanes.len(),
        ];
        let source = name.split(".bpmn").next().unwrap_or(name);
        let source = source.rsplit_once('/').map_or(source, |(source, _)| source);
        let entry = by_source.entry(source.to_string()).or_default();
        for (total, (count, sum)) in totals.iter_mut().zip(counts.iter().zip(entry.iter_mut())) {
            *total += count;
            *sum += count;
        }
        if !collisions.is_empty() {
            report.push_str(&format!("{name}: {collisions:?}\n"));
        }
    }
    // Flows through shapes, overlapping labels, shapes outside their lane,
    // overlapping lanes: per project and dialect, then in all.
    for (source, counts) in &by_source {
        println!("{source}: {counts:?}");
    }
    println!("all: {totals:?}");
    assert!(report.is_empty(), "totals {totals:?}\n{report}");
}

#[test]
fn a_flow_through_a_shape_and_overlapping_labels_are_counted() {
    let bpmn = r#"<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="d">
<bpmn:process id="p">
<bpmn:task id="a"/><bpmn:task id="b"/><bpmn:task id="c"/>
<bpmn:boundaryEvent id="t1" attachedToRef="a"/><bpmn:boundaryEvent id="t2" attachedToRef="a"/>
<bpmn:sequenceFlow id="f" sourceRef="a" targetRef="c" name="next"/>
<bpmn:exclusiveGateway id="g" name="a gateway"/>
</bpmn:process>
<bpmndi:BPMNDiagram id="dd"><bpmndi:BPMNPlane id="pl" bpmnElement="p">
<bpmndi:BPMNShape id="a.di" bpmnElement="a"><dc:Bounds x="0" y="0" width="100" height="80"/></bpmndi:BPMNShape>
<bpmndi:BPMNShape id="b.di" bpmnElement="b"><dc:Bounds x="200" y="0" width="100" height="80"/></bpmndi:BPMNShape>
<bpmndi:BPMNShape id="c.di" bpmnElement="c"><dc:Bounds x="400" y="0" width="100" height="80"/></bpmndi:BPMNShape>
<bpmndi:BPMNShape id="g.di" bpmnElement="g"><dc:Bounds x="225" y="200" width="50" height="50"/></bpmndi:BPMNShape>
<bpmndi:BPMNShape id="t1.di" bpmnElement="t1"><dc:Bounds x="4" y="62" width="36" height="36"/></bpmndi:BPMNShape>
<bpmndi:BPMNShape id="t2.di" bpmnElement="t2"><dc:Bounds x="40" y="62" width="36" height="36"/></bpmndi:BPMNShape>
<bpmndi:BPMNEdge id="f.di" bpmnElement="f"><di:waypoint x="100" y="40"/><di:waypoint x="400" y="40"/>
<bpmndi:BPMNLabel><dc:Bounds x="230" y="250" width="40" height="20"/></bpmndi:BPMNLabel></bpmndi:BPMNEdge>
</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>"#;
    let collisions = measure(bpmn);
    assert_eq!(
        collisions.flows_through_shapes,
        vec![("f".to_string(), "b".to_string())]
    );
    // The gateway's label is bpmn-js's default, under it: where the flow's is.
    assert_eq!(
        collisions.overlapping_labels,
        vec![("g".to_string(), "f".to_string())]
    );
    // Two boundary events on one host touch each other (not their host).
    assert_eq!(
        collisions.overlapping_shapes,
        vec![("t1".to_string(), "t2".to_string())]
    );
    let around = bpmn.replace(
        r#"<di:waypoint x="400" y="40"/>"#,
        r#"<di:waypoint x="150" y="40"/><di:waypoint x="150" y="120"/><di:waypoint x="350" y="120"/><di:waypoint x="350" y="40"/><di:waypoint x="400" y="40"/>"#,
    );
    assert!(measure(&around).flows_through_shapes.is_empty());
}

/// The owner a lane title names, as a BPMN lane of the export is keyed:
/// the written form in the title's last brackets (`部門負責人 (dept_head)`,
/// `… (any of hr_specialist, hr_manager)`), its first party, and a
/// `manager of ROLE` as the role above ROLE.
fn owner_of_title(title: &str, project: &flowc::model::Project) -> String {
    let title = title.trim();
    let written = match title.rfind('(') {
        Some(open) if title.ends_with(')') => &title[open + 1..title.len() - 1],
        _ => title,
    };
    let mut party = written;
    for prefix in ["any of ", "all of "] {
        party = party.strip_prefix(prefix).unwrap_or(party);
    }
    if let Some((count, rest)) = party.split_once(" of ")
        && count.chars().all(|c| c.is_ascii_digit())
    {
        party = rest;
    }
    let party = party.split(", ").next().unwrap_or(party);
    let mut base = party;
    let mut managers = 0;
    while let Some(rest) = base.strip_prefix("manager of ") {
        base = rest;
        managers += 1;
    }
    if base == "applicant" || managers == 0 {
        return party.to_string();
    }
    let Some(role) = project.roles.iter().position(|role| role.name == base) else {
        return party.to_string();
    };
    let superiors = project.superiors(flowc::model::RoleId(role));
    superiors
        .get(managers - 1)
        .or(superiors.last())
        .map_or(party.to_string(), |role| project.role(*role).name.clone())
}

/// The lane titles of a built-in SVG, top to bottom.
fn svg_lane_titles(svg: &str) -> Vec<String> {
    let document = roxmltree::Document::parse(svg).expect("the SVG is XML");
    let lanes = document
        .descendants()
        .find(|node| node.has_tag_name("g") && node.attribute("class") == Some("lanes"))
        .expect("the SVG has lanes");
    let mut titles: Vec<String> = Vec::new();
    for node in lanes.children().filter(|node| node.is_element()) {
        if node.has_tag_name("rect") {
            titles.push(String::new());
        } else if node.has_tag_name("text")
            && let Some(title) = titles.last_mut()
        {
            let text: String = node
                .descendants()
                .filter(|part| part.is_text())
                .filter_map(|part| part.text())
                .collect();
            if !title.is_empty() {
                title.push(' ');
            }
            title.push_str(&text);
        }
    }
    titles
}

/// The lane titles of a DOT diagram, in the order of its lane clusters.
fn dot_lane_titles(dot: &str) -> Vec<String> {
    let lines: Vec<&str> = dot.lines().collect();
    lines
        .windows(2)
        .filter(|pair| pair[0].trim_start().starts_with("subgraph cluster_lane_"))
        .filter_map(|pair| {
            let label = pair[1].split("label=\"").nth(1)?;
            Some(label.split('"').next()?.to_string())
        })
        .collect()
}

/// The owners of a BPMN file's lanes: in the lane set's order, and top to
/// bottom in the diagram.
fn bpmn_lane_owners(bpmn: &str) -> (Vec<String>, Vec<String>) {
    let document = roxmltree::Document::parse(bpmn).expect("the BPMN is XML");
    let owner = |id: &str| -> String {
        let encoded = id.strip_prefix("lane.").unwrap_or(id);
        let mut owner = String::new();
        let mut rest = encoded;
        while let Some(at) = rest.find("_x") {
            owner.push_str(&rest[..at]);
            let code = rest
                .get(at + 2..at + 6)
                .and_then(|hex| u32::from_str_radix(hex, 16).ok());
            match (code.and_then(char::from_u32), rest.get(at + 6..at + 7)) {
                (Some(character), Some("_")) => {
                    owner.push(character);
                    rest = &rest[at + 7..];
                }
                _ => {
                    owner.push_str("_x");
                    rest = &rest[at + 2..];
                }
            }
        }
        owner.push_str(rest);
        owner
    };
    let in_set: Vec<String> = document
        .descendants()
        .filter(|node| node.has_tag_name("lane"))
        .filter_map(|lane| lane.attribute("id"))
        .map(owner)
        .collect();
    let mut drawn: Vec<(f64, String)> = document
        .descendants()
        .filter(|node| node.has_tag_name("BPMNShape"))
        .filter_map(|shape| {
            let id = shape.attribute("bpmnElement")?;
            in_set.contains(&owner(id)).then_some(())?;
            id.starts_with("lane.").then_some(())?;
            Some((bounds_of(shape)?.y, owner(id)))
        })
        .collect();
    drawn.sort_by(|one, other| one.0.total_cmp(&other.0));
    (in_set, drawn.into_iter().map(|(_, owner)| owner).collect())
}

/// Each owner once, where it first comes.
fn first_of_each(owners: Vec<String>) -> Vec<String> {
    let mut seen = Vec::new();
    for owner in owners {
        if !seen.contains(&owner) {
            seen.push(owner);
        }
    }
    seen
}

#[test]
fn the_lanes_come_in_one_order_in_the_svg_the_dot_and_the_bpmn() {
    use flowc::emit::diagram::{DiagramOptions, Direction};
    use flowc::i18n::Lang;
    let analysis = common::examples();
    let checked = check::verify(&analysis.project, &analysis.diagnostics).expect("no errors");
    let project = checked.project();
    let bpmn: Vec<(Dialect, BTreeMap<String, String>)> = DIALECTS
        .iter()
        .map(|&dialect| {
            let documents =
                bpmn::documents(&checked, &analysis.calendar, dialect).expect("exports");
            (dialect, documents.into_iter().collect())
        })
        .collect();
    let mut compared = 0;
    let mut most_lanes = 0;
    let mut extra_lanes_checked = 0;
    for process in &project.processes {
        for direction in [Direction::LeftRight, Direction::TopBottom] {
            let options = DiagramOptions {
                direction,
                lang: Lang::En,
                ..DiagramOptions::default()
            };
            let svg = svg_lane_titles(&flowc::emit::svg::render(project, process, options));
            let dot = dot_lane_titles(&flowc::emit::dot::render(project, process, options));
            let normalise = |titles: &[String]| -> Vec<String> {
                titles
                    .iter()
                    .map(|title| title.split_whitespace().collect::<String>())
                    .collect()
            };
            assert_eq!(
                normalise(&svg),
                normalise(&dot),
                "{}: SVG and DOT lanes",
                process.name
            );
            let owners = first_of_each(
                svg.iter()
                    .map(|title| owner_of_title(title, project))
                    .collect(),
            );
            most_lanes = most_lanes.max(owners.len());
            for (dialect, documents) in &bpmn {
                let text = documents
                    .get(&process.name)
                    .expect("a BPMN file per process");
                let (in_set, drawn) = bpmn_lane_owners(text);
                assert_eq!(
                    in_set, drawn,
                    "{}: the DI draws the lane set's order",
                    process.name
                );
                // Lanes only one side has (BPMN draws the branch steps of a
                // parallel block inside its sub-process, and gives the
                // target of an escalation a lane) are left out.
                let shared: Vec<String> = in_set
                    .iter()
                    .filter(|owner| owners.contains(owner))
                    .cloned()
                    .collect();
                let expected: Vec<String> = owners
                    .iter()
                    .filter(|owner| in_set.contains(owner))
                    .cloned()
                    .collect();
                assert_eq!(
                    shared,
                    expected,
                    "{} ({}): BPMN lanes against the SVG's",
                    process.name,
                    dialect.name()
                );
                most_lanes = most_lanes.max(shared.len());
                // A lane only BPMN has sits next to a lane of its department.
                let department = |owner: &String| {
                    let role = project.roles.iter().find(|role| &role.name == owner)?;
                    role.department.as_ref()?.target
                };
                for (at, owner) in in_set.iter().enumerate() {
                    let Some(own) = department(owner) else {
                        continue;
                    };
                    let colleagues = in_set
                        .iter()
                        .filter(|other| *other != owner && department(other) == Some(own))
                        .count();
                    let beside = [at.checked_sub(1), Some(at + 1)]
                        .into_iter()
                        .flatten()
                        .filter_map(|next| in_set.get(next))
                        .any(|other| department(other) == Some(own));
                    if !owners.contains(owner) && colleagues > 0 {
                        assert!(
                            beside,
                            "{}: {owner} is apart from its department: {in_set:?}",
                            process.name
                        );
                        extra_lanes_checked += 1;
                    }
                }
                compared += 1;
            }
        }
    }
    assert_eq!(compared, project.processes.len() * 2 * DIALECTS.len());
    // A reversed order would fail: some process has lanes enough to tell.
    assert!(most_lanes >= 3, "{most_lanes}");
    assert!(
        extra_lanes_checked > 0,
        "no escalation target lane with a department"
    );
}

#[test]
fn generated_processes_have_no_collisions_in_their_bpmn_diagrams() {
    use crate::generator::{self, Variety};
    use flowc::check::CheckContext;
    use flowc::config::Config;
    use flowc::source::SourceFile;
    let config = Config::default();
    let context = CheckContext::new(&config, common::today());
    let mut measured = 0;
    for seed in 0..16 {
        let project = flowc::model::build(vec![
            SourceFile::from_text("org.flow", generator::org_for(Variety::Wide, seed)),
            SourceFile::from_text(
                "generated.flow",
                generator::process_of(Variety::Wide, seed, "generated", 60),
            ),
        ]);
        let diagnostics = check::run(&project, &context);
        let checked = check::verify(&project, &diagnostics).expect("a generated process checks");
        for dialect in DIALECTS {
            // A process BPMN cannot hold (a branch entered from outside its
            // block) has no diagram to measure.
            let Ok(documents) = bpmn::documents(
                &checked,
                &flowc::model::calendar::Calendar::default(),
                dialect,
            ) else {
                continue;
            };
            for (name, text) in documents {
                let collisions = measure(&text);
                assert!(collisions.is_empty(), "seed {seed} {name}: {collisions:?}");
                measured += 1;
            }
        }
    }
    assert!(measured >= 16, "{measured} diagrams measured");
}
