//! The BPMN diagram (DI): where every shape, flow and label is drawn.
//!
//! The arrangement is the diagrams' ([`crate::emit::diagram::Arrangement`]):
//! lanes come in its order (the graph's lanes are sorted by it before the
//! layout), and an element standing for a node of the process takes the
//! node's rank as its column. The elements BPMN adds (outcome gateways,
//! merges, script tasks, reminders and escalations) take a column just
//! before the element they lead into or just after the one they come
//! from; boundary events sit on their host's bottom edge.
//!
//! Columns are separated by vertical channels and rows by horizontal
//! channels that no shape enters, so a flow routed along channels crosses
//! no shape: each flow takes the first of a few orthogonal routes (straight,
//! one bend, along a channel) that crosses no shape other than its ends.
//! Labels (of events, gateways and flows) are placed where they overlap no
//! other label and, where there is room, no shape. Sub-processes are laid
//! out the same way on their own plane, without lanes.

use std::collections::{BTreeMap, BTreeSet};

use super::graph::{ElementKind, Scope};
use crate::emit::geometry::{Index, Rect};

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
    /// The same rectangle, by its sides.
    fn rect(self) -> Rect {
        Rect::new(self.x, self.y, self.right(), self.bottom())
    }
}

/// Side of the squares an [`Index`] of shapes or labels files them by.
const BUCKET: i64 = 256;

/// Where everything of one scope is drawn.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Shapes by element id.
    pub shapes: BTreeMap<String, Bounds>,
    /// Waypoints by flow id.
    pub waypoints: BTreeMap<String, Vec<(i64, i64)>>,
    /// Label bounds by element or flow id, for the elements drawn with
    /// their name outside their shape (events, gateways, named flows).
    pub labels: BTreeMap<String, Bounds>,
    /// Lane shapes by role name, in lane order.
    pub lanes: Vec<(String, Bounds)>,
    /// The pool (participant) around the lanes, for the top-level scope.
    pub pool: Option<Bounds>,
}

/// The widest and tallest shape (a task).
const SHAPE_WIDTH: i64 = 100;
const SHAPE_HEIGHT: i64 = 80;
/// The vertical channel between two columns.
const COLUMN_GAP: i64 = 100;
/// The space under a row: boundary events, their labels, a channel.
const ROW_GAP: i64 = 110;
/// The space above the first row of a lane (a channel).
const LANE_TOP: i64 = 40;
/// How far boundary events reach below their host.
const BOUNDARY_REACH: i64 = 18;

/// From one boundary event of a host to the next: their width (36) and a
/// gap.
const BOUNDARY_STEP: i64 = 40;
const POOL_HEADER: i64 = 30;
/// From the lanes' left edge to the first column (the lane's name, a
/// channel).
const LEFT: i64 = 100;
/// The widest a label is drawn (bpmn-js wraps external labels at 90 px).
const LABEL_WIDTH: i64 = 90;
const LABEL_LINE: i64 = 15;

fn size(kind: &ElementKind) -> (i64, i64) {
    match kind {
        ElementKind::UserTask(_)
        | ElementKind::Notification(_)
        | ElementKind::SubProcess(_)
        | ElementKind::CallActivity(_)
        | ElementKind::Script(_) => (SHAPE_WIDTH, SHAPE_HEIGHT),
        ElementKind::Exclusive { .. } | ElementKind::Parallel => (50, 50),
        _ => (36, 36),
    }
}

fn host(kind: &ElementKind) -> Option<&str> {
    match kind {
        ElementKind::Timer { host, .. } | ElementKind::ErrorCatch { host, .. } => Some(host),
        _ => None,
    }
}

/// Whether bpmn-js draws the element's name outside its shape.
fn labelled_outside(kind: &ElementKind) -> bool {
    !matches!(
        kind,
        ElementKind::UserTask(_)
            | ElementKind::Notification(_)
            | ElementKind::SubProcess(_)
            | ElementKind::CallActivity(_)
            | ElementKind::Script(_)
    )
}

/// A column: the rank of the arrangement and a place before (negative) or
/// after (positive) the element of that rank.
type Column = (usize, i64);

/// Lays out `scope`; `lanes` are the role names of the lanes in order
/// (empty for a sub-process); `ranks` the arrangement's rank of the
/// elements standing for nodes of the process, by element id.
pub fn layout(scope: &Scope, lanes: &[String], ranks: &BTreeMap<String, usize>) -> Layout {
    let columns = columns(scope, ranks);
    let keys: Vec<Column> = {
        let mut keys: Vec<Column> = columns.values().copied().collect();
        keys.sort();
        keys.dedup();
        keys
    };
    let column_index: BTreeMap<Column, usize> = keys
        .iter()
        .enumerate()
        .map(|(index, key)| (*key, index))
        .collect();
    let lane_index: BTreeMap<&str, usize> = lanes
        .iter()
        .enumerate()
        .map(|(index, name)| (name.as_str(), index))
        .collect();
    // Rows: the elements of one lane and column stack, the arrangement's
    // own elements first, then the rest of the main path, reminders and
    // escalations (and their ends) last, so the main path keeps its row.
    let notifications: BTreeSet<&str> = scope
        .elements
        .iter()
        .filter(|element| matches!(element.kind, ElementKind::Notification(_)))
        .map(|element| element.id.as_str())
        .collect();
    let notified_ends: BTreeSet<&str> = scope
        .flows
        .iter()
        .filter(|flow| notifications.contains(flow.source.as_str()))
        .map(|flow| flow.target.as_str())
        .collect();
    let aside = |element: &super::graph::Element| {
        notifications.contains(element.id.as_str())
            || (matches!(element.kind, ElementKind::End)
                && notified_ends.contains(element.id.as_str()))
    };
    let mut cells: BTreeMap<(usize, usize), Vec<&str>> = BTreeMap::new();
    let mut ordered: Vec<&super::graph::Element> = scope
        .elements
        .iter()
        .filter(|element| host(&element.kind).is_none())
        .collect();
    ordered.sort_by_key(|element| (!ranks.contains_key(&element.id), aside(element)));
    for element in ordered {
        let lane = element
            .lane
            .as_deref()
            .and_then(|lane| lane_index.get(lane).copied())
            .unwrap_or(0);
        let column = columns
            .get(element.id.as_str())
            .and_then(|key| column_index.get(key))
            .copied()
            .unwrap_or(0);
        cells.entry((lane, column)).or_default().push(&element.id);
    }
    let lane_count = lanes.len().max(1);
    let mut rows = vec![1usize; lane_count];
    for (&(lane, _), ids) in &cells {
        rows[lane] = rows[lane].max(ids.len());
    }
    let mut lane_tops = Vec::with_capacity(lane_count + 1);
    let mut top = 0;
    for count in &rows {
        lane_tops.push(top);
        top += LANE_TOP + *count as i64 * (SHAPE_HEIGHT + ROW_GAP);
    }
    lane_tops.push(top);
    let origin_x = if lanes.is_empty() { 0 } else { POOL_HEADER };
    let grid = Grid {
        origin_x,
        lane_tops,
        rows,
    };
    let mut result = Layout::default();
    let mut places: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for (&(lane, column), ids) in &cells {
        for (row, id) in ids.iter().enumerate() {
            places.insert(id, (column, lane, row));
        }
    }
    for element in &scope.elements {
        let Some(&(column, lane, row)) = places.get(element.id.as_str()) else {
            continue;
        };
        let (width, height) = size(&element.kind);
        result.shapes.insert(
            element.id.clone(),
            Bounds {
                x: grid.column_x(column) + (SHAPE_WIDTH - width) / 2,
                y: grid.row_top(lane, row) + (SHAPE_HEIGHT - height) / 2,
                width,
                height,
            },
        );
    }
    place_boundary_events(scope, &mut result, &mut places);
    let width = origin_x + 2 * LEFT + keys.len() as i64 * (SHAPE_WIDTH + COLUMN_GAP);
    let lanes_height = grid.lane_tops[lane_count];
    for (index, lane) in lanes.iter().enumerate() {
        result.lanes.push((
            lane.clone(),
            Bounds {
                x: POOL_HEADER,
                y: grid.lane_tops[index],
                width: width - POOL_HEADER,
                height: grid.lane_tops[index + 1] - grid.lane_tops[index],
            },
        ));
    }
    if !lanes.is_empty() {
        result.pool = Some(Bounds {
            x: 0,
            y: 0,
            width,
            height: lanes_height,
        });
    }
    route_flows(scope, &grid, &places, &mut result);
    place_labels(scope, &mut result);
    result
}

/// The column of every element that is not a boundary event: its rank in
/// the arrangement, or next to the element it leads into or comes from.
fn columns<'s>(scope: &'s Scope, ranks: &BTreeMap<String, usize>) -> BTreeMap<&'s str, Column> {
    let hosts: BTreeMap<&str, &str> = scope
        .elements
        .iter()
        .filter_map(|element| Some((element.id.as_str(), host(&element.kind)?)))
        .collect();
    let mut outgoing: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut incoming: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for flow in &scope.flows {
        outgoing.entry(&flow.source).or_default().push(&flow.target);
        incoming.entry(&flow.target).or_default().push(&flow.source);
    }
    let mut columns: BTreeMap<&str, Column> = scope
        .elements
        .iter()
        .filter_map(|element| Some((element.id.as_str(), (*ranks.get(&element.id)?, 0))))
        .collect();
    let mut pending: Vec<&str> = scope
        .elements
        .iter()
        .map(|element| element.id.as_str())
        .filter(|id| !columns.contains_key(id) && !hosts.contains_key(id))
        .collect();
    let none: Vec<&str> = Vec::new();
    while !pending.is_empty() {
        let mut left = Vec::with_capacity(pending.len());
        for id in &pending {
            let sources = incoming.get(id).unwrap_or(&none);
            let from_boundary = sources.iter().any(|source| hosts.contains_key(source));
            let before = match outgoing.get(id).map(Vec::as_slice) {
                Some([target]) if !from_boundary => columns.get(target).copied(),
                _ => None,
            };
            let after = sources.iter().find_map(|source| {
                columns
                    .get(hosts.get(source).copied().unwrap_or(source))
                    .copied()
            });
            match (before, after) {
                (Some((rank, place)), _) => {
                    columns.insert(id, (rank, place - 1));
                }
                (None, Some((rank, place))) => {
                    columns.insert(id, (rank, place + 1));
                }
                (None, None) => left.push(*id),
            }
        }
        if left.len() < pending.len() {
            pending = left;
            continue;
        }
        // An element reached from nothing placed yet (a fork inside a
        // sub-process) goes just before the first of its targets placed.
        let first = left.iter().enumerate().find_map(|(at, id)| {
            outgoing
                .get(id)?
                .iter()
                .filter_map(|target| columns.get(target).copied())
                .min()
                .map(|(rank, place)| (at, (rank, place - 1)))
        });
        let Some((at, column)) = first else {
            for id in left {
                columns.insert(id, (0, 0));
            }
            break;
        };
        columns.insert(left.remove(at), column);
        pending = left;
    }
    columns
}

/// The rows and columns of a scope.
struct Grid {
    origin_x: i64,
    /// The top of each lane, and the bottom of the last.
    lane_tops: Vec<i64>,
    /// The rows of each lane.
    rows: Vec<usize>,
}

impl Grid {
    fn column_x(&self, column: usize) -> i64 {
        self.origin_x + LEFT + column as i64 * (SHAPE_WIDTH + COLUMN_GAP)
    }
    fn row_top(&self, lane: usize, row: usize) -> i64 {
        self.lane_tops[lane] + LANE_TOP + row as i64 * (SHAPE_HEIGHT + ROW_GAP)
    }
    /// The middle of the vertical channel before `column`.
    fn channel_before(&self, column: usize) -> i64 {
        self.column_x(column) - COLUMN_GAP / 2
    }
    /// The horizontal channel under a row (near the next row or the
    /// lane's bottom, below boundary events and their labels).
    fn channel_under(&self, lane: usize, row: usize) -> i64 {
        self.row_top(lane, row) + SHAPE_HEIGHT + ROW_GAP - 24
    }
    /// The horizontal channel above a row: under the row above it, or at
    /// the top of the first lane.
    fn channel_over(&self, lane: usize, row: usize) -> i64 {
        match (lane, row) {
            (0, 0) => self.lane_tops[0] + LANE_TOP / 2,
            (lane, 0) => self.channel_under(lane - 1, self.rows[lane - 1] - 1),
            (lane, row) => self.channel_under(lane, row - 1),
        }
    }
}

/// Boundary events sit on the bottom edge of their host, left to right,
/// [`BOUNDARY_STEP`] apart so that no two touch (bpmnlint's
/// `no-overlapping-elements` counts touching shapes as overlapping); they
/// take their host's place in the grid.
fn place_boundary_events<'s>(
    scope: &'s Scope,
    layout: &mut Layout,
    places: &mut BTreeMap<&'s str, (usize, usize, usize)>,
) {
    let mut per_host: BTreeMap<&str, i64> = BTreeMap::new();
    for element in &scope.elements {
        let Some(host) = host(&element.kind) else {
            continue;
        };
        let Some(host_bounds) = layout.shapes.get(host).copied() else {
            continue;
        };
        if let Some(place) = places.get(host).copied() {
            places.insert(&element.id, place);
        }
        let index = per_host.entry(host).or_default();
        layout.shapes.insert(
            element.id.clone(),
            Bounds {
                x: host_bounds.x + 4 + *index * BOUNDARY_STEP,
                y: host_bounds.bottom() - BOUNDARY_REACH,
                width: 36,
                height: 36,
            },
        );
        *index += 1;
    }
}

/// How many flows run along each channel so far, to set the next one
/// apart: channels by (vertical, position).
#[derive(Default)]
struct Tracks {
    used: BTreeMap<(bool, i64), i64>,
}

impl Tracks {
    /// The next free line of a channel around `middle`: 0, +8, -8, +16, ...
    /// within `reach` of the middle.
    fn line(&self, vertical: bool, middle: i64, reach: i64) -> i64 {
        let used = self.used.get(&(vertical, middle)).copied().unwrap_or(0);
        let steps = (reach / 8).max(1);
        let step = used % (2 * steps + 1);
        let offset = (step + 1) / 2 * 8 * if step % 2 == 1 { 1 } else { -1 };
        middle + offset
    }
    fn take(&mut self, vertical: bool, middle: i64) {
        *self.used.entry((vertical, middle)).or_default() += 1;
    }
}

/// A route: its waypoints, and the channels it runs along (vertical or
/// not, the channel's middle).
type Route = (Vec<(i64, i64)>, Vec<(bool, i64)>);

fn route_flows(
    scope: &Scope,
    grid: &Grid,
    places: &BTreeMap<&str, (usize, usize, usize)>,
    layout: &mut Layout,
) {
    let mut tracks = Tracks::default();
    let boundary_events: BTreeSet<&str> = scope
        .elements
        .iter()
        .filter(|element| host(&element.kind).is_some())
        .map(|element| element.id.as_str())
        .collect();
    let mut obstacles = Index::new(BUCKET);
    for (id, bounds) in &layout.shapes {
        obstacles.insert(bounds.rect(), id.as_str());
    }
    for flow in &scope.flows {
        let (Some(source), Some(target)) = (
            layout.shapes.get(&flow.source).copied(),
            layout.shapes.get(&flow.target).copied(),
        ) else {
            continue;
        };
        let (
            Some(&(source_column, source_lane, source_row)),
            Some(&(target_column, target_lane, target_row)),
        ) = (
            places.get(flow.source.as_str()),
            places.get(flow.target.as_str()),
        )
        else {
            continue;
        };
        let from_boundary = boundary_events.contains(flow.source.as_str());
        let entry = (target.x, target.centre_y());
        let into = grid.channel_before(target_column);
        let out = grid.channel_before(source_column + 1);
        let vertical_reach = COLUMN_GAP / 2 - 12;
        let horizontal_reach = 16;
        let x_in = tracks.line(true, into, vertical_reach);
        let x_out = tracks.line(true, out, vertical_reach);
        // Candidates, best first, with the channels each runs along.
        let mut candidates: Vec<Route> = Vec::new();
        let rows = [
            grid.channel_over(target_lane, target_row),
            grid.channel_under(target_lane, target_row),
            grid.channel_under(source_lane, source_row),
            grid.channel_over(source_lane, source_row),
        ];
        if from_boundary {
            let start = (source.centre_x(), source.bottom());
            if target.centre_y() > start.1 && target.x > start.0 {
                candidates.push((vec![start, (start.0, entry.1), entry], Vec::new()));
            }
            let under = grid.channel_under(source_lane, source_row);
            let y = tracks.line(false, under, horizontal_reach);
            candidates.push((
                vec![start, (start.0, y), (x_in, y), (x_in, entry.1), entry],
                vec![(false, under), (true, into)],
            ));
        } else {
            let start = (source.right(), source.centre_y());
            if target.x > start.0 {
                if start.1 == entry.1 {
                    candidates.push((vec![start, entry], Vec::new()));
                }
                candidates.push((
                    vec![start, (x_in, start.1), (x_in, entry.1), entry],
                    vec![(true, into)],
                ));
                candidates.push((
                    vec![start, (x_out, start.1), (x_out, entry.1), entry],
                    vec![(true, out)],
                ));
            }
            for middle in rows {
                let y = tracks.line(false, middle, horizontal_reach);
                candidates.push((
                    vec![
                        start,
                        (x_out, start.1),
                        (x_out, y),
                        (x_in, y),
                        (x_in, entry.1),
                        entry,
                    ],
                    vec![(true, out), (false, middle), (true, into)],
                ));
            }
        }
        let clear = |points: &[(i64, i64)]| {
            points.windows(2).all(|pair| {
                obstacles
                    .near(Rect::around(pair[0], pair[1]))
                    .all(|&(rect, id)| {
                        id == flow.source || id == flow.target || !rect.crossed_by(pair[0], pair[1])
                    })
            })
        };
        let chosen = candidates
            .iter()
            .position(|(points, _)| clear(points))
            .unwrap_or(candidates.len() - 1);
        let (points, channels) = candidates.swap_remove(chosen);
        for (vertical, middle) in channels {
            tracks.take(vertical, middle);
        }
        layout.waypoints.insert(flow.id.clone(), simplified(points));
    }
}

/// The points without repeats and without points in the middle of a
/// straight run.
fn simplified(points: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    let mut result: Vec<(i64, i64)> = Vec::with_capacity(points.len());
    for point in points {
        if result.last() == Some(&point) {
            continue;
        }
        if let [.., before, last] = result.as_slice() {
            let straight = (before.0 == last.0 && last.0 == point.0)
                || (before.1 == last.1 && last.1 == point.1);
            if straight {
                result.pop();
            }
        }
        result.push(point);
    }
    result
}

/// The size of a label holding `text`, as bpmn-js wraps it (at 90 px,
/// between words, a word too long broken anywhere), reckoned generously:
/// a CJK character 12 px wide, any other 7 px, lines 15 px apart.
fn label_size(text: &str) -> (i64, i64) {
    let width_of = |c: char| {
        if crate::emit::diagram::columns(c.encode_utf8(&mut [0; 4])) == 2 {
            12
        } else {
            7
        }
    };
    let mut lines = 1;
    let mut line = 0;
    let mut widest = 0;
    for word in text.split(' ') {
        let word_width: i64 = word.chars().map(width_of).sum();
        let with_space = if line == 0 {
            word_width
        } else {
            line + 7 + word_width
        };
        if with_space <= LABEL_WIDTH {
            line = with_space;
        } else {
            if line > 0 {
                widest = widest.max(line);
                lines += 1;
            }
            line = 0;
            for c in word.chars() {
                if line + width_of(c) > LABEL_WIDTH {
                    widest = widest.max(line);
                    lines += 1;
                    line = 0;
                }
                line += width_of(c);
            }
        }
    }
    widest = widest.max(line);
    // A label of several lines is taken as wide as bpmn-js lets it be.
    let width = if lines > 1 {
        LABEL_WIDTH
    } else {
        widest.max(20)
    };
    (width, lines * LABEL_LINE)
}

/// Places the labels of events, gateways and named flows where they
/// overlap no label placed before and, if there is such a place nearby,
/// no shape.
fn place_labels(scope: &Scope, layout: &mut Layout) {
    let mut wanted: Vec<(&str, &str, Vec<Bounds>)> = Vec::new();
    for element in &scope.elements {
        let (Some(name), true) = (element.name.as_deref(), labelled_outside(&element.kind)) else {
            continue;
        };
        let Some(shape) = layout.shapes.get(&element.id).copied() else {
            continue;
        };
        let (width, height) = label_size(name);
        let spots: Vec<Bounds> = (0..24)
            .flat_map(|step| {
                let y = shape.bottom() + 4 + step * 8;
                [
                    Bounds {
                        x: shape.centre_x() - width / 2,
                        y,
                        width,
                        height,
                    },
                    Bounds {
                        x: shape.right() + 4,
                        y,
                        width,
                        height,
                    },
                ]
            })
            .collect();
        wanted.push((&element.id, name, spots));
    }
    for flow in &scope.flows {
        let (Some(name), Some(points)) = (flow.name.as_deref(), layout.waypoints.get(&flow.id))
        else {
            continue;
        };
        let (width, height) = label_size(name);
        let mut segments: Vec<((i64, i64), (i64, i64))> =
            points.windows(2).map(|pair| (pair[0], pair[1])).collect();
        segments.sort_by_key(|(a, b)| -((a.0 - b.0).abs() + (a.1 - b.1).abs()));
        let mut spots = Vec::new();
        for shift in 0..12 {
            for (a, b) in &segments {
                let (middle_x, middle_y) = ((a.0 + b.0) / 2, (a.1 + b.1) / 2);
                if a.1 == b.1 {
                    let along = (shift / 2) * 24 * if shift % 2 == 0 { 1 } else { -1 };
                    let x = middle_x - width / 2 + along;
                    spots.push(Bounds {
                        x,
                        y: middle_y - height - 3,
                        width,
                        height,
                    });
                    spots.push(Bounds {
                        x,
                        y: middle_y + 3,
                        width,
                        height,
                    });
                } else {
                    let along = (shift / 2) * 16 * if shift % 2 == 0 { 1 } else { -1 };
                    let y = middle_y - height / 2 + along;
                    spots.push(Bounds {
                        x: middle_x + 4,
                        y,
                        width,
                        height,
                    });
                    spots.push(Bounds {
                        x: middle_x - width - 4,
                        y,
                        width,
                        height,
                    });
                }
            }
        }
        wanted.push((&flow.id, name, spots));
    }
    let mut shapes = Index::new(BUCKET);
    for (id, bounds) in &layout.shapes {
        shapes.insert(bounds.rect(), id.as_str());
    }
    let mut placed = Index::new(BUCKET);
    let mut lowest: Option<i64> = None;
    for (id, _, spots) in wanted {
        let free_of_labels = |spot: &Bounds| {
            let spot = spot.rect();
            placed.near(spot).all(|(label, _)| !label.overlaps(spot))
        };
        let free_of_shapes = |spot: &Bounds| {
            let spot = spot.rect();
            shapes
                .near(spot)
                .all(|&(shape, shape_id)| shape_id == id || !shape.overlaps(spot))
        };
        let chosen = spots
            .iter()
            .find(|spot| free_of_labels(spot) && free_of_shapes(spot))
            .or_else(|| spots.iter().find(|spot| free_of_labels(spot)))
            .copied()
            .or_else(|| {
                // Further down, past every label placed.
                let first = spots.first().copied()?;
                Some(Bounds {
                    y: lowest? + 4,
                    ..first
                })
            });
        if let Some(bounds) = chosen {
            placed.insert(bounds.rect(), id);
            lowest = Some(lowest.map_or(bounds.bottom(), |lowest| lowest.max(bounds.bottom())));
            layout.labels.insert(id.to_string(), bounds);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::bpmn::graph::{Element, Flow};

    fn element(id: &str, kind: ElementKind) -> Element {
        Element {
            id: id.to_string(),
            name: Some(format!("{id} 名稱")),
            kind,
            lane: Some("clerk".to_string()),
        }
    }

    fn flow(source: &str, target: &str, name: Option<&str>) -> Flow {
        Flow {
            id: format!("{source}-{target}"),
            source: source.to_string(),
            target: target.to_string(),
            name: name.map(str::to_string),
            condition: None,
        }
    }

    /// A gateway `a` leading past `b` (in its way, on the same row) to `c`.
    fn around() -> (Scope, BTreeMap<String, usize>) {
        let mut scope = Scope::default();
        scope.elements = vec![
            element("a", ElementKind::Exclusive { default: None }),
            element("b", ElementKind::End),
            element("c", ElementKind::End),
        ];
        scope.flows = vec![
            flow("a", "b", Some("one way")),
            flow("a", "c", Some("the other way")),
        ];
        let ranks = [("a", 0), ("b", 1), ("c", 2)]
            .into_iter()
            .map(|(id, rank)| (id.to_string(), rank))
            .collect();
        (scope, ranks)
    }

    #[test]
    fn a_flow_goes_around_a_shape_in_its_way() {
        let (scope, ranks) = around();
        let layout = layout(&scope, &["clerk".to_string()], &ranks);
        let (a, b, c) = (layout.shapes["a"], layout.shapes["b"], layout.shapes["c"]);
        assert_eq!(a.centre_y(), c.centre_y(), "one row");
        let points = &layout.waypoints["a-c"];
        assert!(points.len() > 2, "not straight through b: {points:?}");
        assert!(
            points
                .windows(2)
                .all(|pair| !b.rect().crossed_by(pair[0], pair[1])),
            "{points:?} crosses {b:?}"
        );
        assert_eq!(
            layout.waypoints["a-b"],
            vec![(a.right(), a.centre_y()), (b.x, b.centre_y())]
        );
    }

    #[test]
    fn labels_are_placed_apart() {
        let (scope, ranks) = around();
        let layout = layout(&scope, &["clerk".to_string()], &ranks);
        let labels: Vec<Bounds> = layout.labels.values().copied().collect();
        assert_eq!(labels.len(), 5, "three shapes and two flows: {labels:?}");
        for (at, one) in labels.iter().enumerate() {
            for other in &labels[at + 1..] {
                assert!(!one.rect().overlaps(other.rect()), "{one:?} {other:?}");
            }
        }
    }

    #[test]
    fn a_label_is_at_most_90_px_wide_and_wraps() {
        assert_eq!(label_size("next"), (28, 15));
        assert_eq!(label_size("總經理審批"), (60, 15));
        assert_eq!(
            label_size("amount > 5000 CNY and amount <= 50000 CNY"),
            (90, 60)
        );
        assert_eq!(label_size("總經理審批總經理審批總經理審批"), (90, 45));
    }

    #[test]
    fn points_on_a_straight_run_are_dropped() {
        assert_eq!(
            simplified(vec![(0, 0), (5, 0), (5, 0), (10, 0), (10, 10)]),
            vec![(0, 0), (10, 0), (10, 10)]
        );
    }
}
