//! Restacking Graphviz's layout so the lanes come in reporting-line order
//! (`flowc::emit::lanes`). Each fixture in `tests/fixtures/lanes/` is
//! flowc's DOT of a process as `dot -Tdot` laid it out (its first line says
//! which), named `<case>-lr.dot` or `<case>-tb.dot` for its direction; the
//! restacked DOT is snapshotted, and the positions in it are checked
//! against the positions in the fixture.

use std::collections::BTreeMap;
use std::path::Path;

use flowc::emit::diagram::Direction;
use flowc::emit::{dot, lanes};
use graphviz_rust::dot_structures::{
    Attribute, EdgeTy, Graph, GraphAttributes, Id, Stmt, Subgraph, Vertex,
};

/// The direction a fixture was laid out in, from its name.
fn direction(path: &Path) -> Direction {
    let name = path.file_stem().expect("a name").to_string_lossy();
    if name.ends_with("-tb") {
        Direction::TopBottom
    } else {
        assert!(name.ends_with("-lr"), "{name}: name it <case>-lr or -tb");
        Direction::LeftRight
    }
}

/// The positions in a layout.
#[derive(Debug, Default)]
struct Layout {
    /// Top-level clusters by name: their `bb`.
    clusters: BTreeMap<String, [f64; 4]>,
    /// The cluster each node is in.
    cluster_of: BTreeMap<String, String>,
    /// Every node's `pos`.
    nodes: BTreeMap<String, [f64; 2]>,
    /// Every edge, in order.
    edges: Vec<LaidEdge>,
}

/// An edge of a layout.
#[derive(Debug)]
struct LaidEdge {
    tail: String,
    head: String,
    /// The first point of its spline, if it has a `pos`.
    start: Option<[f64; 2]>,
    attributes: BTreeMap<String, String>,
}

fn text(id: &Id) -> String {
    match id {
        Id::Escaped(text) => text
            .trim_matches('"')
            .replace("\\\r\n", "")
            .replace("\\\n", ""),
        Id::Html(text) | Id::Plain(text) | Id::Anonymous(text) => text.clone(),
    }
}

fn attributes(list: &[Attribute]) -> BTreeMap<String, String> {
    list.iter()
        .map(|Attribute(key, value)| (text(key), text(value)))
        .collect()
}

fn numbers<const N: usize>(value: &str) -> [f64; N] {
    let values: Vec<f64> = value
        .split(',')
        .map(|number| number.parse().expect("a number"))
        .collect();
    values.try_into().expect("as many numbers as expected")
}

/// The first point of a spline (`e,x,y x,y ...`): the point after the
/// end markers.
fn first_point(pos: &str) -> [f64; 2] {
    let point = pos
        .split_whitespace()
        .find(|point| !point.starts_with("e,") && !point.starts_with("s,"))
        .expect("a point");
    numbers(point)
}

fn read(graph: &Graph) -> Layout {
    let stmts = match graph {
        Graph::Graph { stmts, .. } | Graph::DiGraph { stmts, .. } => stmts,
    };
    let mut layout = Layout::default();
    walk(stmts, None, &mut layout);
    layout
}

fn walk(stmts: &[Stmt], cluster: Option<&str>, layout: &mut Layout) {
    for stmt in stmts {
        match stmt {
            Stmt::Node(node) if !dot::is_lane_anchor(&text(&node.id.0)) => {
                let name = text(&node.id.0);
                if let Some(cluster) = cluster {
                    layout.cluster_of.insert(name.clone(), cluster.to_string());
                }
                if let Some(pos) = attributes(&node.attributes).get("pos") {
                    layout.nodes.insert(name, numbers(pos));
                }
            }
            Stmt::Edge(edge) => {
                let EdgeTy::Pair(Vertex::N(tail), Vertex::N(head)) = &edge.ty else {
                    panic!("flowc's DOT has only simple edges");
                };
                if dot::is_lane_anchor(&text(&tail.0)) || dot::is_lane_anchor(&text(&head.0)) {
                    continue;
                }
                let attributes = attributes(&edge.attributes);
                let pos = attributes.get("pos").map(|pos| first_point(pos));
                layout.edges.push(LaidEdge {
                    tail: text(&tail.0),
                    head: text(&head.0),
                    start: pos,
                    attributes,
                });
            }
            Stmt::Subgraph(Subgraph { id, stmts }) => {
                let name = text(id);
                let top_cluster = cluster.is_none() && name.starts_with("cluster");
                if top_cluster {
                    let bb = stmts.iter().find_map(|stmt| match stmt {
                        Stmt::GAttribute(GraphAttributes::Graph(list)) => {
                            attributes(list).get("bb").map(|bb| numbers::<4>(bb))
                        }
                        _ => None,
                    });
                    layout
                        .clusters
                        .insert(name.clone(), bb.expect("a cluster has a bb"));
                }
                walk(
                    stmts,
                    if top_cluster {
                        Some(name.as_str())
                    } else {
                        cluster
                    },
                    layout,
                );
            }
            _ => {}
        }
    }
}

/// Every fixture: its path, direction, the restacked DOT, and the
/// layout (without the lane anchors) before and after.
fn fixtures() -> Vec<(String, Direction, lanes::Restacked, Layout, Layout)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lanes");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the fixtures")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "dot"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 4, "{paths:?}");
    paths
        .into_iter()
        .map(|path| {
            let name = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            let laid_out = std::fs::read_to_string(&path).expect("readable");
            let direction = direction(&path);
            let restacked = lanes::restack(&laid_out, direction)
                .unwrap_or_else(|error| panic!("{name}: {error}"));
            let before = read(&lanes::parse(&laid_out).expect("the fixture parses"));
            let after = read(&lanes::parse(&restacked.dot).expect("the result parses"));
            (name, direction, restacked, before, after)
        })
        .collect()
}

/// The move from `before` to `after` of a point.
fn delta(before: [f64; 2], after: [f64; 2]) -> [f64; 2] {
    [after[0] - before[0], after[1] - before[1]]
}

fn close(a: [f64; 2], b: [f64; 2]) -> bool {
    (a[0] - b[0]).abs() < 0.01 && (a[1] - b[1]).abs() < 0.01
}

/// The lane clusters in index order.
fn lanes_of(layout: &Layout) -> Vec<[f64; 4]> {
    (0..)
        .map_while(|index| {
            layout
                .clusters
                .get(&format!("cluster_lane_{index}"))
                .copied()
        })
        .collect()
}

#[test]
fn restacked_layout_of_each_fixture() {
    for (name, _, restacked, _, _) in fixtures() {
        insta::assert_snapshot!(format!("restacked_{name}"), restacked.dot);
    }
}

#[test]
fn the_lane_anchors_are_taken_out_and_small_layouts_get_curved_edges() {
    for (name, _, restacked, _, _) in fixtures() {
        assert!(!restacked.dot.contains("lane.0.head"), "{name}");
        assert!(!restacked.dot.contains("lane.0.tail"), "{name}");
        assert!(restacked.curved, "{name} is small");
    }
}

#[test]
fn lanes_come_in_index_order_without_overlap_and_no_longer_than_their_content() {
    let mut restacked_any = false;
    for (name, direction, _, before, after) in fixtures() {
        let lanes = lanes_of(&after);
        let lane_count = after
            .clusters
            .keys()
            .filter(|cluster| cluster.starts_with("cluster_lane_"))
            .count();
        assert_eq!(lanes.len(), lane_count, "{name}: lanes numbered from 0");
        for pair in lanes.windows(2) {
            let [a, b] = [pair[0], pair[1]];
            match direction {
                // y grows upward: lane i is wholly above lane i + 1.
                Direction::LeftRight => assert!(a[1] >= b[3], "{name}: {a:?} then {b:?}"),
                Direction::TopBottom => assert!(a[2] <= b[0], "{name}: {a:?} then {b:?}"),
            }
        }
        let along = |bb: &[f64; 4]| match direction {
            Direction::LeftRight => (bb[0], bb[2]),
            Direction::TopBottom => (bb[1], bb[3]),
        };
        // Each lane holds its nodes along the flow and is no longer than
        // they need (its label aside): lanes are not stretched to one
        // common length.
        for (index, lane) in lanes.iter().enumerate() {
            let cluster = format!("cluster_lane_{index}");
            let (low, high) = along(lane);
            let members: Vec<f64> = after
                .nodes
                .iter()
                .filter(|(node, _)| after.cluster_of.get(*node) == Some(&cluster))
                .map(|(_, at)| match direction {
                    Direction::LeftRight => at[0],
                    Direction::TopBottom => at[1],
                })
                .collect();
            for at in &members {
                assert!((low..=high).contains(at), "{name}: {cluster} holds {at}");
            }
            let first = members.iter().copied().fold(f64::INFINITY, f64::min);
            let last = members.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            assert!(
                members.is_empty() || high - low <= last - first + 400.0,
                "{name}: {cluster} is {} long for items {first}..{last}",
                high - low
            );
        }
        restacked_any |= lanes_of(&before) != lanes;
    }
    assert!(
        restacked_any,
        "some fixture must have its lanes out of order"
    );
}

#[test]
fn every_node_moves_across_the_flow_with_its_cluster() {
    for (name, direction, _, before, after) in fixtures() {
        assert_eq!(
            before.nodes.keys().collect::<Vec<_>>(),
            after.nodes.keys().collect::<Vec<_>>(),
            "{name}"
        );
        for (node, &old) in &before.nodes {
            let moved = delta(old, after.nodes[node]);
            match direction {
                Direction::LeftRight => assert_eq!(moved[0], 0.0, "{name}: {node}"),
                Direction::TopBottom => assert_eq!(moved[1], 0.0, "{name}: {node}"),
            }
            let Some(cluster) = before.cluster_of.get(node) else {
                continue;
            };
            let (old_bb, new_bb) = (before.clusters[cluster], after.clusters[cluster]);
            let cluster_moved = match direction {
                Direction::LeftRight => [0.0, new_bb[3] - old_bb[3]],
                Direction::TopBottom => [new_bb[0] - old_bb[0], 0.0],
            };
            assert!(
                close(moved, cluster_moved),
                "{name}: {node} moved {moved:?}, its cluster {cluster} {cluster_moved:?}"
            );
        }
    }
}

#[test]
fn edges_in_a_cluster_move_with_it_and_edges_between_moved_clusters_are_routed_again() {
    let mut rerouted = 0;
    for (name, _, _, before, after) in fixtures() {
        assert_eq!(before.edges.len(), after.edges.len(), "{name}");
        for (old, new) in before.edges.iter().zip(&after.edges) {
            let (tail, head) = (&old.tail, &old.head);
            let tail_moved = delta(before.nodes[tail], after.nodes[tail]);
            let head_moved = delta(before.nodes[head], after.nodes[head]);
            let same_cluster = before.cluster_of.get(tail) == before.cluster_of.get(head)
                && before.cluster_of.contains_key(tail);
            match (old.start, new.start) {
                (Some(old_point), Some(new_point)) => {
                    assert!(close(tail_moved, head_moved), "{name}: {tail} -> {head}");
                    assert!(
                        close(delta(old_point, new_point), tail_moved),
                        "{name}: {tail} -> {head} moves with its ends"
                    );
                }
                (Some(_), None) => {
                    assert!(
                        !same_cluster,
                        "{name}: {tail} -> {head} in one cluster keeps its pos"
                    );
                    assert!(
                        !close(tail_moved, head_moved),
                        "{name}: {tail} -> {head} lost its pos though its ends moved together"
                    );
                    assert!(
                        !new.attributes.contains_key("lp"),
                        "{name}: label placed again too"
                    );
                    rerouted += 1;
                }
                (None, _) => panic!("{name}: {tail} -> {head} has no pos in the fixture"),
            }
        }
    }
    assert!(
        rerouted > 0,
        "some fixture must have edges between moved lanes"
    );
}

#[test]
fn a_layout_without_lanes_keeps_every_position() {
    let (name, _, _, before, after) = fixtures()
        .into_iter()
        .find(|(name, ..)| name.starts_with("no-lanes"))
        .expect("the no-lanes fixture");
    assert!(lanes_of(&before).is_empty(), "{name}");
    assert_eq!(before.nodes, after.nodes, "{name}");
    for (old, new) in before.edges.iter().zip(&after.edges) {
        assert_eq!(old.start, new.start, "{name}");
    }
}

#[test]
fn restacking_a_restacked_layout_moves_nothing() {
    for (name, direction, restacked, _, after) in fixtures() {
        let again = lanes::restack(&restacked.dot, direction).expect("restacks");
        let again = read(&lanes::parse(&again.dot).expect("parses"));
        for (node, position) in &after.nodes {
            assert!(close(*position, again.nodes[node]), "{name}: {node}");
        }
        assert_eq!(after.clusters, again.clusters, "{name}");
    }
}

#[test]
fn a_layout_that_is_not_dot_is_an_error() {
    for text in ["", "not dot at all", "digraph {", "digraph { a -> }"] {
        let error = lanes::restack(text, Direction::LeftRight).expect_err(text);
        assert!(
            error.to_string().starts_with("cannot read the layout"),
            "{error}"
        );
    }
}
