//! A small deterministic layered layout for BPMN DI.
//!
//! Columns are ranks: the breadth-first distance of an element from the
//! start event over forward flows (boundary events share their task's
//! column). Rows are lanes, one per owner role; elements sharing a lane
//! and a column are stacked. Flows are drawn orthogonally: forward flows
//! leave right and enter left, flows going back (rework) run below the
//! lanes. Sub-processes are laid out on their own plane (no lanes).

use std::collections::{BTreeMap, BTreeSet};

use super::graph::{Element, ElementKind, Scope, breadth_first};

/// A rectangle in diagram coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// Left.
    pub x: i64,
    /// Top.
    pub y: i64,
    /// Width.
    pub width: i64,
    /// Height.
    pub height: i64,
}

impl Bounds {
    fn centre_x(self) -> i64 {
        self.x + self.width / 2
    }
    fn centre_y(self) -> i64 {
        self.y + self.height / 2
    }
    fn right(self) -> i64 {
        self.x + self.width
    }
    fn bottom(self) -> i64 {
        self.y + self.height
    }
}

/// Where everything of one scope is drawn.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Shapes by element id.
    pub shapes: BTreeMap<String, Bounds>,
    /// Waypoints by flow id.
    pub waypoints: BTreeMap<String, Vec<(i64, i64)>>,
    /// Lane shapes by role name, in lane order.
    pub lanes: Vec<(String, Bounds)>,
    /// The pool (participant) around the lanes, for the top-level scope.
    pub pool: Option<Bounds>,
}

const COLUMN: i64 = 170;
const ROW: i64 = 120;
const LANE_PADDING: i64 = 30;
const POOL_HEADER: i64 = 30;
const LEFT: i64 = 60;

fn size(kind: &ElementKind) -> (i64, i64) {
    match kind {
        ElementKind::UserTask(_)
        | ElementKind::Notification(_)
        | ElementKind::SubProcess(_)
        | ElementKind::CallActivity(_)
        | ElementKind::Script(_) => (100, 80),
        ElementKind::Exclusive { .. } | ElementKind::Parallel => (50, 50),
        _ => (36, 36),
    }
}

/// Lays out `scope`; `lanes` are the role names of the lanes (empty for a
/// sub-process).
pub fn layout(scope: &Scope, lanes: &[String]) -> Layout {
    let ranks = ranks(scope);
    let lane_index: BTreeMap<&str, usize> = lanes
        .iter()
        .enumerate()
        .map(|(index, name)| (name.as_str(), index))
        .collect();
    let lane_of = |element: &Element| -> usize {
        element
            .lane
            .as_deref()
            .and_then(|lane| lane_index.get(lane).copied())
            .unwrap_or(0)
    };
    // Slot of each element within its (lane, column) cell.
    let mut slots: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut placed: Vec<(&Element, usize, usize, usize)> = Vec::new();
    for element in &scope.elements {
        if is_boundary(&element.kind) {
            continue;
        }
        let rank = ranks.get(element.id.as_str()).copied().unwrap_or(0);
        let lane = lane_of(element);
        let slot = slots.entry((lane, rank)).or_default();
        placed.push((element, lane, rank, *slot));
        *slot += 1;
    }
    let lane_count = lanes.len().max(1);
    let mut rows: Vec<i64> = vec![1; lane_count];
    for (&(lane, _), &count) in &slots {
        rows[lane] = rows[lane].max(count as i64);
    }
    let mut lane_tops = Vec::with_capacity(lane_count);
    let mut top = 0;
    for rows_in_lane in &rows {
        lane_tops.push(top);
        top += rows_in_lane * ROW + 2 * LANE_PADDING;
    }
    let lanes_height = top;
    let columns = ranks.values().copied().max().unwrap_or(0) as i64 + 1;
    let origin_x = if lanes.is_empty() { 0 } else { POOL_HEADER };
    let mut result = Layout::default();
    for (element, lane, rank, slot) in placed {
        let (width, height) = size(&element.kind);
        let cell_x = origin_x + LEFT + rank as i64 * COLUMN;
        let cell_y = lane_tops[lane] + LANE_PADDING + slot as i64 * ROW;
        result.shapes.insert(
            element.id.clone(),
            Bounds {
                x: cell_x + (100 - width) / 2,
                y: cell_y + (80 - height) / 2,
                width,
                height,
            },
        );
    }
    place_boundary_events(scope, &mut result);
    let width = origin_x + 2 * LEFT + columns * COLUMN;
    if !lanes.is_empty() {
        for (index, lane) in lanes.iter().enumerate() {
            let height = rows[index] * ROW + 2 * LANE_PADDING;
            result.lanes.push((
                lane.clone(),
                Bounds {
                    x: POOL_HEADER,
                    y: lane_tops[index],
                    width: width - POOL_HEADER,
                    height,
                },
            ));
        }
    }
    let below = lanes_height + 10;
    let pool_height = lanes_height + 40;
    if !lanes.is_empty() {
        result.pool = Some(Bounds {
            x: 0,
            y: 0,
            width,
            height: pool_height,
        });
    }
    route_flows(scope, &ranks, below, &mut result);
    result
}

fn is_boundary(kind: &ElementKind) -> bool {
    matches!(
        kind,
        ElementKind::Timer { .. } | ElementKind::ErrorCatch { .. }
    )
}

/// Rank of every element: breadth-first depth from the start; boundary
/// events take their host's rank.
fn ranks(scope: &Scope) -> BTreeMap<&str, usize> {
    let order = breadth_first(scope);
    let by_id: BTreeMap<&str, &Element> = scope
        .elements
        .iter()
        .map(|element| (element.id.as_str(), element))
        .collect();
    let mut ranks: BTreeMap<&str, usize> = BTreeMap::new();
    for (id, parent) in &order {
        let Some(element) = by_id.get(id.as_str()).copied() else {
            continue;
        };
        let rank = match (&element.kind, parent) {
            (ElementKind::Timer { host, .. } | ElementKind::ErrorCatch { host, .. }, _) => {
                ranks.get(host.as_str()).copied().unwrap_or(0)
            }
            (_, Some(parent)) => ranks.get(parent.as_str()).map_or(0, |rank| rank + 1),
            (_, None) => 0,
        };
        ranks.insert(&element.id, rank);
    }
    ranks
}

/// Boundary events sit on the bottom edge of their host, left to right.
fn place_boundary_events(scope: &Scope, layout: &mut Layout) {
    let mut per_host: BTreeMap<&str, i64> = BTreeMap::new();
    for element in &scope.elements {
        let (ElementKind::Timer { host, .. } | ElementKind::ErrorCatch { host, .. }) =
            &element.kind
        else {
            continue;
        };
        let Some(host_bounds) = layout.shapes.get(host).copied() else {
            continue;
        };
        let index = per_host.entry(host).or_default();
        layout.shapes.insert(
            element.id.clone(),
            Bounds {
                x: host_bounds.x + 2 + *index * 40,
                y: host_bounds.bottom() - 18,
                width: 36,
                height: 36,
            },
        );
        *index += 1;
    }
}

fn route_flows(scope: &Scope, ranks: &BTreeMap<&str, usize>, below: i64, layout: &mut Layout) {
    let boundary: BTreeSet<&str> = scope
        .elements
        .iter()
        .filter(|element| is_boundary(&element.kind))
        .map(|element| element.id.as_str())
        .collect();
    let mut back_flows = 0;
    for flow in &scope.flows {
        let (Some(source), Some(target)) = (
            layout.shapes.get(&flow.source).copied(),
            layout.shapes.get(&flow.target).copied(),
        ) else {
            continue;
        };
        let source_is_boundary = boundary.contains(flow.source.as_str());
        let forward = ranks.get(flow.target.as_str()) > ranks.get(flow.source.as_str());
        let points = if source_is_boundary {
            vec![
                (source.centre_x(), source.bottom()),
                (source.centre_x(), target.centre_y()),
                (target.x, target.centre_y()),
            ]
        } else if forward && target.x > source.right() {
            let middle = source.right() + (target.x - source.right()) / 2;
            if source.centre_y() == target.centre_y() {
                vec![
                    (source.right(), source.centre_y()),
                    (target.x, target.centre_y()),
                ]
            } else {
                vec![
                    (source.right(), source.centre_y()),
                    (middle, source.centre_y()),
                    (middle, target.centre_y()),
                    (target.x, target.centre_y()),
                ]
            }
        } else {
            back_flows += 1;
            let lane = below + (back_flows % 3) * 8;
            vec![
                (source.centre_x(), source.bottom()),
                (source.centre_x(), lane),
                (target.centre_x(), lane),
                (target.centre_x(), target.bottom()),
            ]
        };
        layout.waypoints.insert(flow.id.clone(), points);
    }
}
