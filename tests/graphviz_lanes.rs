//! The Graphviz engine through the real pipeline (`dot -Tdot`, the lanes
//! restacked, `neato -n2`): in the SVG Graphviz writes, the lanes of every
//! example come in reporting-line order in both directions, and the same
//! process gives the same bytes. These tests need Graphviz's `dot` on
//! PATH; without it they print a note and pass, unless `CI` is set, when
//! they fail (`.ci/run` installs Graphviz before the first test).

use crate::common;

use flowc::emit::diagram::{DiagramOptions, Direction, Theme};
use flowc::emit::render::{self, Engine, ImageFormat};
use flowc::model;
use flowc::source::SourceFile;

fn graphviz() -> bool {
    common::graphviz_for_test("the Graphviz lane tests")
}

/// An SVG Graphviz wrote (it has a DTD), parsed.
fn document(svg: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(svg, options).expect("well-formed SVG")
}

/// The boxes (x1, y1, x2, y2 in SVG coordinates, y down) of the lane
/// clusters of a Graphviz SVG, in lane index order, with their indexes.
fn lanes(svg: &str) -> Vec<(usize, [f64; 4])> {
    let document = document(svg);
    let mut lanes: Vec<(usize, [f64; 4])> = document
        .descendants()
        .filter(|node| node.has_tag_name("g") && node.attribute("class") == Some("cluster"))
        .filter_map(|group| {
            let title = group
                .children()
                .find(|child| child.has_tag_name("title"))?
                .text()?;
            let index: usize = title.strip_prefix("cluster_lane_")?.parse().ok()?;
            let polygon = group
                .descendants()
                .find(|child| child.has_tag_name("polygon"))
                .expect("a lane is drawn as a polygon");
            let points: Vec<(f64, f64)> = polygon
                .attribute("points")
                .expect("points")
                .split_whitespace()
                .map(|point| {
                    let (x, y) = point.split_once(',').expect("x,y");
                    (x.parse().expect("x"), y.parse().expect("y"))
                })
                .collect();
            let xs = points.iter().map(|p| p.0);
            let ys = points.iter().map(|p| p.1);
            Some((
                index,
                [
                    xs.clone().fold(f64::INFINITY, f64::min),
                    ys.clone().fold(f64::INFINITY, f64::min),
                    xs.fold(f64::NEG_INFINITY, f64::max),
                    ys.fold(f64::NEG_INFINITY, f64::max),
                ],
            ))
        })
        .collect();
    lanes.sort_by_key(|(index, _)| *index);
    lanes
}

/// The text of every lane cluster's title in a Graphviz SVG (its lines
/// joined, spaces left out), by lane index.
fn lane_titles(svg: &str) -> std::collections::BTreeMap<usize, String> {
    let document = document(svg);
    document
        .descendants()
        .filter(|node| node.has_tag_name("g") && node.attribute("class") == Some("cluster"))
        .filter_map(|group| {
            let index = group
                .children()
                .find(|child| child.has_tag_name("title"))?
                .text()?
                .strip_prefix("cluster_lane_")?
                .parse()
                .ok()?;
            let text: String = group
                .descendants()
                .filter(|node| node.has_tag_name("text"))
                .filter_map(|text| text.text())
                .flat_map(str::split_whitespace)
                .collect();
            Some((index, text))
        })
        .collect()
}

/// The centre of every node of a Graphviz SVG (the middle of the box
/// around its shapes: paths, polygons, ellipses, also inside the link a
/// tooltip wraps them in), by node name.
fn node_centres(svg: &str) -> std::collections::BTreeMap<String, (f64, f64)> {
    let document = document(svg);
    let mut centres = std::collections::BTreeMap::new();
    for group in document
        .descendants()
        .filter(|node| node.has_tag_name("g") && node.attribute("class") == Some("node"))
    {
        let Some(name) = group
            .children()
            .find(|child| child.has_tag_name("title"))
            .and_then(|title| title.text())
        else {
            continue;
        };
        let mut points = Vec::new();
        for shape in group.descendants().filter(|node| node.is_element()) {
            let number = |key| {
                shape
                    .attribute(key)
                    .and_then(|v: &str| v.parse::<f64>().ok())
            };
            if let (Some(cx), Some(cy), Some(rx), Some(ry)) =
                (number("cx"), number("cy"), number("rx"), number("ry"))
            {
                points.extend([(cx - rx, cy - ry), (cx + rx, cy + ry)]);
            }
            let outline = shape.attribute("points").or_else(|| shape.attribute("d"));
            let text: String = outline
                .unwrap_or("")
                .chars()
                .map(|c| if c.is_ascii_alphabetic() { ' ' } else { c })
                .collect();
            points.extend(text.split_whitespace().filter_map(|pair| {
                let (x, y) = pair.split_once(',')?;
                Some((x.parse().ok()?, y.parse().ok()?))
            }));
        }
        if points.is_empty() {
            continue;
        }
        let xs = points.iter().map(|p| p.0);
        let ys = points.iter().map(|p| p.1);
        let (x1, x2) = (
            xs.clone().fold(f64::INFINITY, f64::min),
            xs.fold(f64::NEG_INFINITY, f64::max),
        );
        let (y1, y2) = (
            ys.clone().fold(f64::INFINITY, f64::min),
            ys.fold(f64::NEG_INFINITY, f64::max),
        );
        centres.insert(name.to_string(), ((x1 + x2) / 2.0, (y1 + y2) / 2.0));
    }
    centres
}

/// Whether the lanes are numbered 0.. and each lies wholly before the
/// next: above it left to right, left of it top to bottom.
fn in_order(lanes: &[(usize, [f64; 4])], direction: Direction) -> bool {
    let numbered = lanes
        .iter()
        .enumerate()
        .all(|(at, (index, _))| at == *index);
    numbered
        && lanes.windows(2).all(|pair| {
            let (a, b) = (pair[0].1, pair[1].1);
            match direction {
                Direction::LeftRight => a[3] <= b[1],
                Direction::TopBottom => a[2] <= b[0],
            }
        })
}

#[test]
fn every_example_has_its_lanes_in_order_its_nodes_in_them_and_its_labels_drawn() {
    if !graphviz() {
        return;
    }
    let analysis = common::examples();
    let project = &analysis.project;
    for direction in [Direction::LeftRight, Direction::TopBottom] {
        let options = DiagramOptions {
            direction,
            theme: Theme::Light,
            ..DiagramOptions::default()
        };
        for process in &project.processes {
            let drawn = common::graphviz_svg(project, process, options);
            let lanes = lanes(&drawn);
            let arrangement = flowc::emit::diagram::Arrangement::of(project, process);
            let owners = &arrangement.owners;
            assert_eq!(
                lanes.len(),
                owners.len(),
                "{}: one lane per owner",
                process.name
            );
            assert!(
                in_order(&lanes, direction),
                "{} ({direction:?}): lanes out of order: {lanes:?}",
                process.name
            );
            let centres = node_centres(&drawn);
            let items = process
                .nodes
                .iter()
                .map(|node| node.name.clone())
                .chain([format!("{}.start", process.name)]);
            for (item, name) in items.enumerate() {
                let (x, y) = centres[&name];
                let [x1, y1, x2, y2] = lanes[arrangement.lanes[item]].1;
                assert!(
                    (x1..=x2).contains(&x) && (y1..=y2).contains(&y),
                    "{} ({direction:?}): {name} at {x},{y} is not in lane {}",
                    process.name,
                    arrangement.lanes[item]
                );
            }
            assert_edge_labels_drawn(process, direction, &drawn, &lanes);
            for (index, owner) in owners.iter().enumerate() {
                // The title may be wrapped over lines: its words, in
                // order, are the text of its lane's title.
                let title = owner.title(project, flowc::i18n::Lang::En);
                let words = |text: &str| text.split_whitespace().collect::<String>();
                assert!(
                    lane_titles(&drawn).get(&index) == Some(&words(&title)),
                    "{}: lane {index} {title}",
                    process.name
                );
            }
        }
    }
}

/// An edge of a Graphviz SVG: its title (`from->to`) and the lines of its
/// label with the points where they are written.
type DrawnEdge = (String, Vec<(String, f64, f64)>);

/// Every edge of a Graphviz SVG.
fn edge_labels(svg: &str) -> Vec<DrawnEdge> {
    let document = document(svg);
    document
        .descendants()
        .filter(|node| node.has_tag_name("g") && node.attribute("class") == Some("edge"))
        .filter_map(|group| {
            let title = group
                .children()
                .find(|child| child.has_tag_name("title"))?
                .text()?
                .to_string();
            let lines = group
                .descendants()
                .filter(|node| node.has_tag_name("text"))
                .filter_map(|text| {
                    let number = |key| text.attribute(key)?.parse::<f64>().ok();
                    Some((text.text()?.to_string(), number("x")?, number("y")?))
                })
                .collect();
            Some((title, lines))
        })
        .collect()
}

/// Asserts that every edge label of `process` is written on its edge in
/// `drawn`, near the lanes (a rejection's on it or on another rejection
/// into the same box, which shares it).
fn assert_edge_labels_drawn(
    process: &model::Process,
    direction: Direction,
    drawn: &str,
    lanes: &[(usize, [f64; 4])],
) {
    // Around all the lanes: each is only as long as its content.
    let [left, top, right, bottom] = lanes.iter().fold(
        [f64::MAX, f64::MAX, f64::MIN, f64::MIN],
        |[l, t, r, b], (_, bb)| [l.min(bb[0]), t.min(bb[1]), r.max(bb[2]), b.max(bb[3])],
    );
    let labels = edge_labels(drawn);
    for edge in &process.edges {
        let Some(label) = flowc::emit::diagram::edge_label(edge, flowc::i18n::Lang::En) else {
            continue;
        };
        let title = format!(
            "{}->{}",
            process.node(edge.from).name,
            process.node(edge.to).name
        );
        let wanted: String = label.split_whitespace().collect();
        let found = labels.iter().any(|(candidate, lines)| {
            let text: String = lines
                .iter()
                .flat_map(|(line, _, _)| line.split_whitespace())
                .collect();
            let inside = lines.iter().all(|(_, x, y)| {
                (left - 100.0..=right + 100.0).contains(x)
                    && (top - 100.0..=bottom + 100.0).contains(y)
            });
            // Rejections arriving together share one label, drawn on one
            // of them (`flowc::emit::channels`).
            let own = *candidate == title
                || (matches!(edge.kind, model::EdgeKind::Outcome(_))
                    && candidate.ends_with(&format!("->{}", process.node(edge.to).name)));
            own && text == wanted && inside
        });
        assert!(
            found,
            "{} ({direction:?}): the label {label:?} of {title} is not drawn near the lanes",
            process.name
        );
    }
}

#[test]
fn the_order_check_fails_on_lanes_out_of_order() {
    let first = (0, [0.0, 0.0, 100.0, 50.0]);
    let second = (1, [0.0, 60.0, 100.0, 100.0]);
    assert!(in_order(&[first, second], Direction::LeftRight));
    assert!(!in_order(&[second, first], Direction::LeftRight));
    assert!(!in_order(
        &[(0, second.1), (1, first.1)],
        Direction::LeftRight
    ));
    assert!(!in_order(&[first, second], Direction::TopBottom));
}

#[test]
fn the_same_process_gives_the_same_svg_and_png_bytes() {
    if !graphviz() {
        return;
    }
    let analysis = common::examples();
    let project = &analysis.project;
    let formats = [ImageFormat::Svg, ImageFormat::Png];
    for process in &project.processes {
        for direction in [Direction::LeftRight, Direction::TopBottom] {
            let options = DiagramOptions {
                direction,
                theme: Theme::Print,
                ..DiagramOptions::default()
            };
            let first = render::images(project, process, options, Engine::Graphviz, &formats)
                .expect("drawn");
            let second = render::images(project, process, options, Engine::Graphviz, &formats)
                .expect("drawn");
            assert_eq!(first, second, "{} ({direction:?})", process.name);
            assert!(first[1].starts_with(b"\x89PNG"), "{}: a PNG", process.name);
        }
    }
}

/// A process whose steps have no owner (so no lanes), and one whose steps
/// all have the same owner (one lane); the model does not need to pass
/// the governance checks to be drawn.
const FEW_LANES: &str = r#"
department office "行政部"
role clerk "文員" in office

process unowned "無人負責" {
  start ask
  step ask "申請" {
    next done
  }
  end done "完成"
}

process one_lane "一條泳道" {
  owner office
  input urgent: yes/no
  start ask
  step ask "申請" {
    owner clerk
    within 1 business days
    next route
  }
  decide route "是否加急" {
    when urgent == yes -> stamp
    otherwise -> done
  }
  step stamp "用印" {
    owner clerk
    within 1 business days
    next done
  }
  end done "完成"
}
"#;

#[test]
fn processes_with_no_lanes_or_one_lane_are_drawn() {
    if !graphviz() {
        return;
    }
    let project = model::build(vec![SourceFile::from_text(
        "few.flow",
        FEW_LANES.to_string(),
    )]);
    let expected = [("unowned", 0), ("one_lane", 1)];
    for (name, lane_count) in expected {
        let process = project
            .processes
            .iter()
            .find(|process| process.name == name)
            .expect("the process");
        for direction in [Direction::LeftRight, Direction::TopBottom] {
            let options = DiagramOptions {
                direction,
                theme: Theme::Dark,
                ..DiagramOptions::default()
            };
            let drawn = common::graphviz_svg(&project, process, options);
            assert_eq!(lanes(&drawn).len(), lane_count, "{name}");
            for label in ["申請", "完成"] {
                assert!(drawn.contains(label), "{name}: {label}");
            }
        }
    }
}
