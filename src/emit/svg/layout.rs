//! Where the built-in engine puts every shape, lane and edge.
//!
//! The lanes and ranks come from [`Arrangement`]. Along the flow the
//! items go into columns: an item takes the column after the one of the
//! item before it, except that an item whose only way in from the latest
//! column is a hand-over from another lane sits in that same column when
//! nothing lies between the two (a straight line across the lanes between
//! them, which stay empty in that column). Between two columns runs a
//! channel; every edge that is not such a hand-over leaves its item
//! forwards into the channel after it, turns across the lanes on a track
//! of its own, runs along an empty row of cells or along the edge of a
//! lane (rejections and other back edges always along the edge of the lane
//! they return to), and enters its target forwards from the channel before
//! it. Lanes are as large as their fullest cell and the tracks along their
//! edges need; columns as long as their longest item. Labels go on the
//! first place along their edge where they overlap no shape, no other
//! label and no other edge; where there is none, the channel the edge
//! enters through is lengthened and the layout made again. Last, each lane
//! is cut along the flow to its content (its items and the edges along its
//! rows and sides), its header just before that or further back, past the
//! labels and the edges crossing the lane there.
//!
//! Everything is computed in integers, so the same process always gives
//! the same bytes.

use std::collections::{BTreeMap, BTreeSet};

use crate::emit::diagram::{
    self, Arrangement, Arrow, BoxText, Constructs, Direction, WRAP_COLUMNS, columns,
};
use crate::emit::geometry::{Index, Rect};
use crate::emit::marks::{Mark, Marks, Note};
use crate::i18n::Lang;
use crate::model::{EdgeKind, NodeKind, Process, Project};

/// Font size of ordinary text, in pixels.
pub const FONT: i64 = 13;
/// Font size of notes and edge labels.
pub(super) const SMALL_FONT: i64 = 11;
/// Height of one line of ordinary text.
pub(super) const LINE: i64 = 17;
/// Height of one line of small text (notes, edge labels).
pub(super) const SMALL_LINE: i64 = 14;
/// Least width of a step box.
const STEP_WIDTH: i64 = 190;
/// Columns of an escalation note's lines inside a step box.
const NOTE_COLUMNS: usize = 30;
/// Height of the title band.
pub(super) const TITLE: i64 = 44;
/// Margin around everything.
pub(super) const MARGIN: i64 = 16;
/// Size of the call-activity marker (a square with `+`).
pub(super) const MARKER: i64 = 12;
/// Room between a shape and the edge of its lane when no edge runs along
/// that edge.
const PAD: i64 = 12;
/// Room between stacked items in one cell.
const STACK_GAP: i64 = 16;
/// Distance between the tracks of two edges in a channel or along the
/// edge of a lane.
const TRACK: i64 = 8;
/// Distance of the first track from the side of its channel or lane.
const TRACK_MARGIN: i64 = 10;
/// Room between the last track along a lane's edge and the shapes.
const CLEAR: i64 = 10;
/// Length of a channel no edge turns in.
const MIN_CHANNEL: i64 = 24;
/// How many times the layout is made again to make room for labels.
const ATTEMPTS: usize = 12;

/// What a placed item is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Shape {
    /// The start circle.
    Start,
    /// A step or a call, with its escalation notes inside the box.
    Step {
        /// The box's lines.
        text: BoxText,
        /// The escalation notes, each wrapped.
        notes: Vec<Vec<String>>,
        /// A call of another process: a thick border and the
        /// call-activity marker.
        call: bool,
        /// The step's or call's note, its tooltip.
        tooltip: Option<String>,
    },
    /// A decision diamond.
    Decision {
        /// Its wrapped title.
        lines: Vec<String>,
    },
    /// A fork or join bar.
    Bar {
        /// The fork's wrapped title (a join has none).
        label: Vec<String>,
    },
    /// An end circle.
    End {
        /// Its wrapped title, below the circle.
        lines: Vec<String>,
    },
}

/// A node with its place.
#[derive(Debug, Clone)]
pub(super) struct Placed {
    /// What it is.
    pub shape: Shape,
    lane: usize,
    rank: usize,
    /// Size of the shape itself.
    pub width: i64,
    /// Height of the shape itself.
    pub height: i64,
    /// Room below the shape for its label.
    pub below: i64,
    /// Room right of the shape for its label.
    pub right: i64,
    /// Width of a label centred under the shape (an end's, a standing
    /// bar's), which may be wider than the shape.
    pub label_width: i64,
    /// Centre of the shape.
    pub x: i64,
    /// Centre of the shape.
    pub y: i64,
    /// Its mark in a diagram of changes.
    pub mark: Option<Mark>,
    /// The notes of a diagram of changes beside it (lines wrapped): under
    /// the shape left to right, right of it top to bottom.
    pub notes: Vec<Note>,
    /// How far from the shape's side the notes begin (past its label).
    pub notes_at: i64,
}

/// A drawn edge.
#[derive(Debug, Clone)]
pub(super) struct Route {
    /// The index of the item it leaves.
    pub from: usize,
    /// The index of the item it enters.
    pub to: usize,
    /// The label's lines, if it has a label.
    pub label: Vec<String>,
    /// A rejection or other outcome: drawn dashed.
    pub secondary: bool,
    /// A timeout: drawn dotted.
    pub timeout: bool,
    back: bool,
    /// The corners of the edge, from its source to its target.
    pub points: Vec<(i64, i64)>,
    /// The centre of the label, when it is drawn (an edge carrying the
    /// same label into the same target through the same channel as one
    /// before it shares that one's and draws none).
    pub label_at: Option<(i64, i64)>,
    /// Its mark in a diagram of changes.
    pub mark: Option<Mark>,
}

/// A swimlane.
#[derive(Debug)]
pub(super) struct Lane {
    /// The wrapped title of its owner.
    pub title: Vec<String>,
    /// Where the lane begins across the flow.
    pub start: i64,
    /// How wide it is across the flow.
    pub size: i64,
    /// Where the lane, its header first, begins along the flow: its
    /// header sits just before its first item or the first edge along
    /// it, or further back where an edge crosses the lane there.
    pub from: i64,
    /// Where the lane ends along the flow: past its last item and the
    /// last edge along it.
    pub to: i64,
}

/// A laid-out process.
#[derive(Debug)]
pub(super) struct Layout {
    /// The direction of the flow.
    pub direction: Direction,
    /// Items: the nodes of the process in order, then the start circle.
    pub items: Vec<Placed>,
    /// The edges.
    pub routes: Vec<Route>,
    /// The lanes, in [`Arrangement`] order.
    pub lanes: Vec<Lane>,
    /// Size of the lane headers along the flow.
    pub header: i64,
    /// Where the lanes begin along the flow (their headers included).
    pub lanes_from: i64,
    /// Where the lanes end along the flow.
    pub lanes_to: i64,
    /// Width of the picture.
    pub width: i64,
    /// Height of the picture.
    pub height: i64,
    /// Top of the legend band.
    pub legend_top: i64,
    /// The signs the legend explains besides the usual ones.
    pub constructs: Constructs,
    /// Whether it is a diagram of changes.
    pub marked: bool,
}

/// How wide `text` is drawn at `size` pixels: a wide (CJK) character one
/// em, any other character 0.6 em (wider than Noto Sans's digits and
/// Latin letters, so the estimate errs on the safe side).
pub(super) fn text_width(text: &str, size: i64) -> i64 {
    let count = text.chars().count() as i64;
    let wide = columns(text) as i64 - count;
    let narrow = count - wide;
    wide * size + (narrow * size * 6 + 9) / 10
}

/// The width of the widest of `lines` at `size` pixels.
pub(super) fn widest(lines: &[String], size: i64) -> i64 {
    lines
        .iter()
        .map(|line| text_width(line, size))
        .max()
        .unwrap_or(0)
}

impl Placed {
    /// Grows the shape to at least `(width, height)`, the size another
    /// engine draws it at; a start or end then holds its text inside.
    fn take_size(&mut self, (width, height): (i64, i64)) {
        self.width = self.width.max(width);
        self.height = self.height.max(height);
        if matches!(self.shape, Shape::Start | Shape::End { .. }) {
            self.below = 0;
            self.label_width = 0;
        }
    }

    /// Width of the shape and the label under it.
    fn spread(&self) -> i64 {
        self.width.max(self.label_width)
    }

    /// Where a bar's title is drawn ([`super::bar_title_centre`]): beside
    /// a lying bar it stands out above and below the bar, past
    /// [`Placed::extent`].
    fn caption(&self) -> Option<Rect> {
        let Shape::Bar { label } = &self.shape else {
            return None;
        };
        if label.is_empty() {
            return None;
        }
        let (x, y) = super::bar_title_centre((self.x, self.y), (self.width, self.height), label);
        let (width, height) = (widest(label, SMALL_FONT), SMALL_LINE * label.len() as i64);
        let (left, top) = (x - width / 2, y - height / 2);
        Some(Rect::new(left, top, left + width, top + height))
    }

    /// The shape and its label.
    fn extent(&self) -> Rect {
        let left = self.x - self.spread() / 2;
        let top = self.y - self.height / 2;
        Rect::new(
            left,
            top,
            left + self.spread() + self.right,
            top + self.height + self.below,
        )
    }

    /// Size along the flow, label included.
    fn main_size(&self, horizontal: bool) -> i64 {
        if horizontal {
            self.spread() + self.right
        } else {
            self.height + self.below
        }
    }

    /// Size across the flow, label included.
    fn cross_size(&self, horizontal: bool) -> i64 {
        if horizontal {
            self.height + self.below
        } else {
            self.spread() + self.right
        }
    }

    /// Where the shape begins and ends on the screen's x axis and y axis.
    fn spans(&self) -> [(i64, i64); 2] {
        let x = self.x - self.width / 2;
        let y = self.y - self.height / 2;
        [(x, x + self.width), (y, y + self.height)]
    }

    /// Where the shape begins and ends along the flow.
    fn main_span(&self, horizontal: bool) -> (i64, i64) {
        self.spans()[usize::from(!horizontal)]
    }

    /// Where the shape begins and ends across the flow.
    fn cross_span(&self, horizontal: bool) -> (i64, i64) {
        self.spans()[usize::from(horizontal)]
    }

    fn main_centre(&self, horizontal: bool) -> i64 {
        if horizontal { self.x } else { self.y }
    }

    fn cross_centre(&self, horizontal: bool) -> i64 {
        if horizontal { self.y } else { self.x }
    }

    /// Whether a label beside the shape takes a side an edge could leave
    /// or enter by across the flow.
    fn labelled(&self) -> bool {
        self.below > 0 || self.right > 0
    }
}

/// A screen point from a place along and across the flow.
fn point(horizontal: bool, main: i64, cross: i64) -> (i64, i64) {
    if horizontal {
        (main, cross)
    } else {
        (cross, main)
    }
}

/// How an edge runs between two columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Along {
    /// Its two channels are one: it turns once.
    Turn,
    /// Along the row of its target, from the channel it leaves into.
    TargetRow,
    /// Along the row of its source, to the channel it enters from.
    SourceRow,
    /// Along an edge of a lane (`end`: the edge further across the flow).
    LaneEdge { lane: usize, end: bool },
}

/// The course of one edge on the grid of lanes and columns.
#[derive(Debug, Clone, Copy)]
enum Course {
    /// Straight across the lanes between two items of one column.
    HandOver,
    /// Out into the channel after the source's column, into the target
    /// from the channel before its column.
    Channels(Channels),
}

/// The channels and tracks of an edge that is no hand-over.
#[derive(Debug, Clone, Copy)]
struct Channels {
    exit: usize,
    entry: usize,
    along: Along,
    /// Tracks in the exit and entry channels and along the lane edge.
    exit_track: i64,
    entry_track: i64,
    edge_track: i64,
}

/// What the layout of a process is made from, before any coordinate.
struct Plan {
    columns: Vec<usize>,
    courses: Vec<Course>,
    /// Tracks turning in each channel (`columns + 1` channels).
    channel_tracks: Vec<i64>,
    /// Tracks along the start and the end edge of each lane.
    edge_tracks: Vec<[i64; 2]>,
}

impl Layout {
    /// The layout of a process.
    /// The layout of a process with the [`Marks`] of a diagram of changes
    /// (none for an ordinary diagram).
    pub(super) fn of(
        project: &Project,
        process: &Process,
        (direction, lang): (Direction, Lang),
        marks: &Marks,
    ) -> Layout {
        Layout::of_sized(project, process, (direction, lang), marks, &BTreeMap::new())
    }

    /// The layout of a process whose shapes another engine draws: each
    /// item with a size in `sizes` (by item index: the nodes in order,
    /// then the start circle) is at least that large, and a start or end
    /// with a size holds its text inside (no label under it). When
    /// `sizes` is not empty, the secondary edges (rejections and other
    /// outcomes) between two lanes are left out: that engine draws them
    /// in the gaps it puts between the lanes.
    pub(super) fn of_sized(
        project: &Project,
        process: &Process,
        (direction, lang): (Direction, Lang),
        marks: &Marks,
        sizes: &BTreeMap<usize, (i64, i64)>,
    ) -> Layout {
        let arrangement = Arrangement::of(project, process);
        let horizontal = direction == Direction::LeftRight;
        let mut items: Vec<Placed> = (0..=arrangement.start)
            .map(|index| {
                let (lane, rank) = (arrangement.lanes[index], arrangement.ranks[index]);
                let mut item = placed(project, process, (index, lane, rank), direction, lang);
                if let Some(&size) = sizes.get(&index) {
                    item.take_size(size);
                }
                item
            })
            .collect();
        let titles: Vec<Vec<String>> = if arrangement.owners.is_empty() {
            vec![Vec::new()]
        } else {
            arrangement
                .owners
                .iter()
                .map(|owner| diagram::wrap_all(&owner.title_lines(project, lang), 18))
                .collect()
        };
        let mut routes = routes(process, &arrangement.arrows, lang);
        apply_marks(
            project,
            process,
            (&arrangement, direction),
            marks,
            (&mut items, &mut routes),
        );
        if !sizes.is_empty() {
            // The other engine draws the secondary edges between lanes in
            // the gaps between its lanes: they take no room here.
            routes.retain(|route| {
                !(route.secondary && items[route.from].lane != items[route.to].lane)
            });
        }
        let mut no_hand_over = BTreeSet::new();
        let mut room = BTreeMap::new();
        let mut layout = None;
        for _ in 0..ATTEMPTS {
            let plan = plan(&items, &routes, titles.len(), &no_hand_over);
            let mut attempt = geometry(
                items.clone(),
                routes.clone(),
                &titles,
                &plan,
                &room,
                direction,
            );
            // The other engine draws labels without a backing: on their
            // line, the line would strike them through.
            let failed = attempt.place_labels(&plan, !sizes.is_empty());
            layout = Some(attempt);
            if failed.is_empty() {
                break;
            }
            for index in failed {
                let route = &routes[index];
                match plan.courses[index] {
                    Course::HandOver => {
                        no_hand_over.insert(index);
                    }
                    Course::Channels(channels) => {
                        let (width, height) = label_size(&route.label);
                        *room.entry(channels.entry).or_insert(0) +=
                            if horizontal { width } else { height } + 2 * TRACK;
                    }
                }
            }
        }
        let mut layout = layout.expect("the layout is made at least once");
        layout.constructs = Constructs::of(process);
        layout.marked = marks.caption.is_some();
        layout.cut_lanes();
        layout.finish();
        layout
    }

    /// Puts the legend below the lanes and sizes the picture.
    fn finish(&mut self) {
        let horizontal = self.direction == Direction::LeftRight;
        let lanes_end = self.lanes.last().map_or(0, |lane| lane.start + lane.size);
        let (width, body) = if horizontal {
            (self.lanes_to + MARGIN, lanes_end)
        } else {
            (lanes_end + MARGIN, self.lanes_to)
        };
        self.legend_top = body + 12;
        self.height = self.legend_top + super::LEGEND_HEIGHT + MARGIN;
        self.width = width.max(super::legend_width(self.constructs) + 2 * MARGIN);
    }

    /// Places every label where it overlaps nothing but perhaps its own
    /// edge (on a backing that hides the line), or, `beside` its edge,
    /// nothing at all; returns the routes whose label found no such place.
    fn place_labels(&mut self, plan: &Plan, beside: bool) -> Vec<usize> {
        // Shapes and labels belong to no edge; segments to theirs.
        let mut index = Index::new(BUCKET);
        for item in &self.items {
            // A marked shape's frame is drawn round it.
            let frame = if item.mark.is_some() { 9 } else { 3 };
            index.insert(item.extent().grown(frame), None);
            if let Some(caption) = item.caption() {
                index.insert(caption.grown(2), None);
            }
        }
        for (number, route) in self.routes.iter().enumerate() {
            for pair in route.points.windows(2) {
                index.insert(Rect::around(pair[0], pair[1]).grown(1), Some(number));
            }
        }
        let area = self.content_area();
        let horizontal = self.direction == Direction::LeftRight;
        // Beside its edge, a label has no backing to hide a lane's border
        // either: it lies inside one lane (with room for the other
        // engine's wider estimate of its text).
        let bands: Vec<(i64, i64)> = self
            .lanes
            .iter()
            .map(|lane| (lane.start, lane.start + lane.size))
            .collect();
        let in_one_lane = |rect: Rect| {
            let rect = rect.grown(LABEL_ROOM);
            let (low, high) = if horizontal {
                (rect.top, rect.bottom)
            } else {
                (rect.left, rect.right)
            };
            bands
                .iter()
                .any(|&(start, end)| start <= low && high <= end)
        };
        let mut failed = Vec::new();
        // The labels drawn, by target, words and the channel they enter
        // through: an edge with the same three shares the label drawn.
        // An edge of the older version never shares a label of the newer.
        let mut drawn: BTreeSet<(usize, &[String], Option<usize>, bool)> = BTreeSet::new();
        for (number, route) in self.routes.iter_mut().enumerate() {
            if route.label.is_empty() {
                continue;
            }
            let entry = match plan.courses[number] {
                Course::Channels(channels) => Some(channels.entry),
                Course::HandOver => None,
            };
            let old = route.mark == Some(Mark::Removed);
            if entry.is_some() && drawn.contains(&(route.to, &route.label[..], entry, old)) {
                continue;
            }
            let (width, height) = label_size(&route.label);
            let rect_at = |(x, y): (i64, i64)| {
                let (left, top) = (x - width / 2, y - height / 2);
                Rect::new(left, top, left + width, top + height)
            };
            let clear = |at: (i64, i64), own: Option<usize>, one_lane: bool| {
                let rect = rect_at(at);
                area.holds(rect) && (!one_lane || in_one_lane(rect)) && !hits(&index, rect, own)
            };
            let Places { on, beside: aside } = candidates(&route.points, width, height);
            let first = |places: &[(i64, i64)], own: Option<usize>, one_lane: bool| {
                places.iter().copied().find(|&at| clear(at, own, one_lane))
            };
            let found = if beside {
                // Beside the line in one lane, else beside it anywhere,
                // else where the built-in engine would put it (then
                // moved by the other engine's own placing of labels).
                first(&aside, None, true)
                    .or_else(|| first(&aside, None, false))
                    .or_else(|| first(&on, Some(number), false))
                    .or_else(|| first(&aside, Some(number), false))
            } else {
                first(&on, Some(number), false).or_else(|| first(&aside, Some(number), false))
            };
            match found {
                Some(at) => {
                    index.insert(rect_at(at).grown(2), None);
                    route.label_at = Some(at);
                    drawn.insert((route.to, &route.label[..], entry, old));
                }
                None => failed.push(number),
            }
        }
        failed
    }

    /// Cuts every lane to its content ([`lane_reach`]), its header just
    /// before it or further back, clear of the edges crossing the lane and
    /// of the labels.
    fn cut_lanes(&mut self) {
        let horizontal = self.direction == Direction::LeftRight;
        let reach = lane_reach(&self.items, &self.routes, &self.lanes, horizontal);
        let obstacles = obstacles(&self.routes, horizontal);
        for (lane, reach) in self.lanes.iter_mut().zip(reach) {
            (lane.from, lane.to) = match reach {
                Some((first, last)) => {
                    let band = (lane.start, lane.start + lane.size);
                    let from = header_from(first, self.header, band, &obstacles);
                    (from.max(self.lanes_from), last.min(self.lanes_to))
                }
                None => (self.lanes_from, self.lanes_to),
            };
        }
    }

    /// The part of the lanes right of (below) their headers.
    fn content_area(&self) -> Rect {
        let horizontal = self.direction == Direction::LeftRight;
        let first = self.lanes.first().map_or(0, |lane| lane.start);
        let last = self.lanes.last().map_or(0, |lane| lane.start + lane.size);
        let main_from = self.lanes_from + self.header;
        if horizontal {
            Rect::new(main_from, first, self.lanes_to, last)
        } else {
            Rect::new(first, main_from, last, self.lanes_to)
        }
    }
}

/// The room, in pixels, a label placed beside its edge keeps from the
/// borders of its lane.
const LABEL_ROOM: i64 = 2;

/// Side of the squares the [`Index`] of shapes, segments and labels
/// files them by.
const BUCKET: i64 = 128;

/// Whether `rect` overlaps anything in `index` but the segments of edge
/// `own`, if any (shapes and labels belong to no edge).
fn hits(index: &Index<Option<usize>>, rect: Rect, own: Option<usize>) -> bool {
    index
        .near(rect)
        .any(|&(other, owner)| (owner.is_none() || owner != own) && rect.overlaps(other))
}

/// The size of a label's box: its lines in small text, with a margin.
pub(super) fn label_size(lines: &[String]) -> (i64, i64) {
    (
        widest(lines, SMALL_FONT) + 8,
        SMALL_LINE * lines.len() as i64 + 4,
    )
}

/// The places a label may go along an edge: on the line, and beside it.
struct Places {
    on: Vec<(i64, i64)>,
    beside: Vec<(i64, i64)>,
}

/// Where a label may go along an edge, best first: on each segment from
/// the target back to the source, every few pixels, on the line, and
/// beside it.
fn candidates(points: &[(i64, i64)], width: i64, height: i64) -> Places {
    let mut on = Vec::new();
    let mut beside = Vec::new();
    for pair in points.windows(2).rev() {
        let (a, b) = (pair[0], pair[1]);
        let length = (b.0 - a.0).abs() + (b.1 - a.1).abs();
        let steps = (length / 6).clamp(1, 48);
        // From the middle outwards.
        let mut order: Vec<i64> = (0..=steps).collect();
        order.sort_by_key(|step| ((2 * step - steps).abs(), *step));
        let lying = a.1 == b.1;
        for step in order {
            let x = a.0 + (b.0 - a.0) * step / steps;
            let y = a.1 + (b.1 - a.1) * step / steps;
            on.push((x, y));
            if lying {
                beside.push((x, y - height / 2 - 3));
                beside.push((x, y + height / 2 + 3));
            } else {
                beside.push((x + width / 2 + 4, y));
                beside.push((x - width / 2 - 4, y));
            }
        }
    }
    Places { on, beside }
}

/// The columns and the course of every edge.
fn plan(
    items: &[Placed],
    routes: &[Route],
    lane_count: usize,
    no_hand_over: &BTreeSet<usize>,
) -> Plan {
    let count = items.len();
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (index, route) in routes.iter().enumerate() {
        if !route.back {
            incoming[route.to].push(index);
        }
    }
    let mut group: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for item in items {
        *group.entry((item.lane, item.rank)).or_insert(0) += 1;
    }
    let alone = |item: &Placed| group.get(&(item.lane, item.rank)) == Some(&1);
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by_key(|&index| (items[index].rank, index));
    // What each (lane, column) cell holds: the rank of its items, or a
    // hand-over passing through.
    #[derive(Clone, Copy, PartialEq)]
    enum Cell {
        Items(usize),
        Crossed,
    }
    let mut cells: BTreeMap<(usize, usize), Cell> = BTreeMap::new();
    let mut columns = vec![0usize; count];
    let mut hand_over = vec![false; routes.len()];
    for &index in &order {
        let item = &items[index];
        let base = incoming[index]
            .iter()
            .map(|&route| columns[routes[route].from] + 1)
            .max()
            .unwrap_or(0);
        let mut chosen = None;
        if base > 0 && alone(item) && !item.labelled() {
            let latest: Vec<usize> = incoming[index]
                .iter()
                .copied()
                .filter(|&route| columns[routes[route].from] + 1 == base)
                .collect();
            if let [route] = latest[..]
                && !no_hand_over.contains(&route)
            {
                let source = &items[routes[route].from];
                let column = base - 1;
                let (low, high) = (source.lane.min(item.lane), source.lane.max(item.lane));
                let clear = source.lane != item.lane
                    && alone(source)
                    && !source.labelled()
                    && (low + 1..high).all(|lane| !cells.contains_key(&(lane, column)))
                    && !cells.contains_key(&(item.lane, column))
                    && incoming[index]
                        .iter()
                        .filter(|&&other| routes[other].from == routes[route].from)
                        .count()
                        == 1;
                if clear {
                    for lane in low + 1..high {
                        cells.insert((lane, column), Cell::Crossed);
                    }
                    hand_over[route] = true;
                    chosen = Some(column);
                }
            }
        }
        let column = chosen.unwrap_or_else(|| {
            let mut column = base;
            while let Some(&cell) = cells.get(&(item.lane, column)) {
                if cell == Cell::Items(item.rank) {
                    break;
                }
                column += 1;
            }
            column
        });
        columns[index] = column;
        cells.insert((item.lane, column), Cell::Items(item.rank));
    }
    let column_count = columns.iter().max().map_or(1, |last| last + 1);
    let mut channel_tracks = vec![0i64; column_count + 1];
    let mut edge_tracks = vec![[0i64; 2]; lane_count];
    let empty_row = |lane: usize, from: usize, to: usize| {
        (from..to).all(|column| !matches!(cells.get(&(lane, column)), Some(Cell::Items(_))))
    };
    let courses = routes
        .iter()
        .enumerate()
        .map(|(index, route)| {
            if hand_over[index] {
                return Course::HandOver;
            }
            let (source, target) = (&items[route.from], &items[route.to]);
            let exit = columns[route.from] + 1;
            let entry = columns[route.to];
            let facing = |lane: usize, other: usize| Along::LaneEdge {
                lane,
                end: other >= lane,
            };
            let along = if route.back || entry < exit {
                facing(target.lane, source.lane)
            } else if entry == exit {
                Along::Turn
            } else if empty_row(target.lane, exit, entry) {
                Along::TargetRow
            } else if empty_row(source.lane, exit, entry) {
                Along::SourceRow
            } else {
                facing(target.lane, source.lane)
            };
            let mut take = |channel: usize| {
                let track = channel_tracks[channel];
                channel_tracks[channel] += 1;
                track
            };
            let (exit_track, entry_track) = match along {
                Along::Turn | Along::TargetRow => {
                    let track = take(exit);
                    (track, track)
                }
                Along::SourceRow => {
                    let track = take(entry);
                    (track, track)
                }
                Along::LaneEdge { .. } => (take(exit), take(entry)),
            };
            let edge_track = match along {
                Along::LaneEdge { lane, end } => {
                    let side = &mut edge_tracks[lane][usize::from(end)];
                    *side += 1;
                    *side - 1
                }
                _ => 0,
            };
            Course::Channels(Channels {
                exit,
                entry,
                along,
                exit_track,
                entry_track,
                edge_track,
            })
        })
        .collect();
    Plan {
        columns,
        courses,
        channel_tracks,
        edge_tracks,
    }
}

/// Room between the side of a lane and its shapes when `tracks` edges run
/// along that side.
fn padding(tracks: i64) -> i64 {
    if tracks == 0 {
        PAD
    } else {
        TRACK_MARGIN + TRACK * (tracks - 1) + CLEAR
    }
}

/// Sizes and places everything of a plan, and draws the edges' courses.
fn geometry(
    mut items: Vec<Placed>,
    mut routes: Vec<Route>,
    titles: &[Vec<String>],
    plan: &Plan,
    room: &BTreeMap<usize, i64>,
    direction: Direction,
) -> Layout {
    let horizontal = direction == Direction::LeftRight;
    let column_count = plan.channel_tracks.len() - 1;
    // What each cell holds across the flow, stacked.
    let mut used: BTreeMap<(usize, usize), i64> = BTreeMap::new();
    let mut column_size = vec![0i64; column_count];
    for (index, item) in items.iter().enumerate() {
        let column = plan.columns[index];
        let cell = used.entry((item.lane, column)).or_insert(0);
        *cell += item.cross_size(horizontal) + if *cell > 0 { STACK_GAP } else { 0 };
        column_size[column] = column_size[column].max(item.main_size(horizontal));
    }
    // Lane headers: beside the lanes left to right, above them top to
    // bottom.
    let title_size = |title: &Vec<String>| {
        if horizontal {
            LINE * title.len() as i64 + 2 * PAD
        } else {
            widest(title, FONT) + 2 * PAD
        }
    };
    let header = if horizontal {
        titles
            .iter()
            .map(|title| widest(title, FONT))
            .max()
            .unwrap_or(0)
            + 2 * PAD
    } else {
        titles
            .iter()
            .map(|title| LINE * title.len() as i64)
            .max()
            .unwrap_or(0)
            + 2 * PAD
    };
    let mut inner = vec![0i64; titles.len()];
    for (&(lane, _), &size) in &used {
        inner[lane] = inner[lane].max(size);
    }
    let mut offset = MARGIN + if horizontal { TITLE } else { 0 };
    let mut lanes = Vec::with_capacity(titles.len());
    let mut lane_pad = Vec::with_capacity(titles.len());
    for (lane, title) in titles.iter().enumerate() {
        let [before, after] = plan.edge_tracks[lane].map(padding);
        let size = (inner[lane] + before + after).max(title_size(title));
        lanes.push(Lane {
            title: title.clone(),
            start: offset,
            size,
            from: 0,
            to: 0,
        });
        lane_pad.push((before, after));
        offset += size;
    }
    // Columns and the channels between them.
    let lanes_from = MARGIN + if horizontal { 0 } else { TITLE };
    let mut main = lanes_from + header;
    let mut channel_start = Vec::with_capacity(column_count + 1);
    let mut column_start = Vec::with_capacity(column_count);
    for (channel, &tracks) in plan.channel_tracks.iter().enumerate() {
        let size = if tracks == 0 {
            MIN_CHANNEL
        } else {
            2 * TRACK_MARGIN + TRACK * (tracks - 1)
        } + room.get(&channel).copied().unwrap_or(0);
        channel_start.push(main);
        main += size;
        if let Some(size) = column_size.get(channel) {
            column_start.push(main);
            main += size;
        }
    }
    let lanes_to = main;
    // Items: centred along their column, stacked across their cell and
    // centred between the paddings of their lane.
    let mut filled: BTreeMap<(usize, usize), i64> = BTreeMap::new();
    for (index, item) in items.iter_mut().enumerate() {
        let column = plan.columns[index];
        let lane = &lanes[item.lane];
        let (before, after) = lane_pad[item.lane];
        let cell = used.get(&(item.lane, column)).copied().unwrap_or(0);
        let stacked = filled.entry((item.lane, column)).or_insert(0);
        let (inner_start, inner_end) = (lane.start + before, lane.start + lane.size - after);
        let size = item.cross_size(horizontal);
        let cross_from = if cell == size {
            // Alone in its cell: the shape (not its label) on the middle
            // of the lane, in line with the shapes beside it.
            let offset = if horizontal {
                item.height / 2
            } else {
                item.spread() / 2
            };
            ((inner_start + inner_end) / 2 - offset)
                .min(inner_end - size)
                .max(inner_start)
        } else {
            inner_start + (inner_end - inner_start - cell) / 2 + *stacked
        };
        *stacked += size + STACK_GAP;
        let main_from =
            column_start[column] + (column_size[column] - item.main_size(horizontal)) / 2;
        let (left, top) = point(horizontal, main_from, cross_from);
        item.x = left + item.spread() / 2;
        item.y = top + item.height / 2;
    }
    let track_at =
        |channel: usize, track: i64| channel_start[channel] + TRACK_MARGIN + TRACK * track;
    let edge_at = |lane: usize, end: bool, track: i64| {
        let lane = &lanes[lane];
        if end {
            lane.start + lane.size - TRACK_MARGIN - TRACK * track
        } else {
            lane.start + TRACK_MARGIN + TRACK * track
        }
    };
    for (route, course) in routes.iter_mut().zip(&plan.courses) {
        let (source, target) = (&items[route.from], &items[route.to]);
        let (_, source_end) = source.main_span(horizontal);
        let (target_start, _) = target.main_span(horizontal);
        let (a, b) = (
            source.cross_centre(horizontal),
            target.cross_centre(horizontal),
        );
        let mut corners: Vec<(i64, i64)> = match *course {
            Course::HandOver => {
                let along = source.main_centre(horizontal);
                let (source_low, source_high) = source.cross_span(horizontal);
                let (target_low, target_high) = target.cross_span(horizontal);
                if target.lane > source.lane {
                    vec![(along, source_high), (along, target_low)]
                } else {
                    vec![(along, source_low), (along, target_high)]
                }
            }
            Course::Channels(channels) => {
                let out = track_at(channels.exit, channels.exit_track);
                let inn = track_at(channels.entry, channels.entry_track);
                match channels.along {
                    Along::Turn | Along::TargetRow => {
                        vec![(source_end, a), (out, a), (out, b), (target_start, b)]
                    }
                    Along::SourceRow => {
                        vec![(source_end, a), (inn, a), (inn, b), (target_start, b)]
                    }
                    Along::LaneEdge { lane, end } => {
                        let edge = edge_at(lane, end, channels.edge_track);
                        vec![
                            (source_end, a),
                            (out, a),
                            (out, edge),
                            (inn, edge),
                            (inn, b),
                            (target_start, b),
                        ]
                    }
                }
            }
        };
        corners.dedup();
        // Drop corners in the middle of a straight run.
        let mut points: Vec<(i64, i64)> = Vec::with_capacity(corners.len());
        for corner in corners {
            if let [.., before, last] = points[..]
                && ((before.0 == last.0 && last.0 == corner.0)
                    || (before.1 == last.1 && last.1 == corner.1))
            {
                points.pop();
            }
            points.push(corner);
        }
        route.points = points
            .into_iter()
            .map(|(main, cross)| point(horizontal, main, cross))
            .collect();
    }
    Layout {
        direction,
        items,
        routes,
        lanes,
        header,
        lanes_from,
        lanes_to,
        width: 0,
        height: 0,
        legend_top: 0,
        constructs: Constructs::default(),
        marked: false,
    }
}

/// Where the content of each lane begins and ends along the flow, with
/// room round it: its items with their labels and notes, and the parts of
/// the edges running along its rows and its sides (none for a lane with
/// nothing in it).
fn lane_reach(
    items: &[Placed],
    routes: &[Route],
    lanes: &[Lane],
    horizontal: bool,
) -> Vec<Option<(i64, i64)>> {
    let mut reach: Vec<Option<(i64, i64)>> = vec![None; lanes.len()];
    let mut widen = |lane: usize, (from, to): (i64, i64)| {
        if let Some(slot) = reach.get_mut(lane) {
            *slot = Some(slot.map_or((from - PAD, to + PAD), |(first, last)| {
                (first.min(from - PAD), last.max(to + PAD))
            }));
        }
    };
    for item in items {
        let extent = item.extent();
        widen(
            item.lane,
            if horizontal {
                (extent.left, extent.right)
            } else {
                (extent.top, extent.bottom)
            },
        );
    }
    for pair in routes.iter().flat_map(|route| route.points.windows(2)) {
        let ((ax, ay), (bx, by)) = (pair[0], pair[1]);
        let (cross, from, to) = match (horizontal, ay == by, ax == bx) {
            (true, true, _) => (ay, ax.min(bx), ax.max(bx)),
            (false, _, true) => (ax, ay.min(by), ay.max(by)),
            _ => continue,
        };
        // The lanes follow one another across the flow.
        let lane = lanes.partition_point(|lane| lane.start + lane.size <= cross);
        if lanes.get(lane).is_some_and(|found| found.start < cross) {
            widen(lane, (from, to));
        }
    }
    reach
}

/// Something a lane header keeps clear of: where it begins and ends
/// along the flow and across it.
struct Obstacle {
    along: (i64, i64),
    across: (i64, i64),
}

/// The segments of the edges that run across the flow and the labels
/// drawn, with room round them.
fn obstacles(routes: &[Route], horizontal: bool) -> Vec<Obstacle> {
    let mut obstacles = Vec::new();
    for route in routes {
        for pair in route.points.windows(2) {
            let ((ax, ay), (bx, by)) = (pair[0], pair[1]);
            let (main, across) = match (horizontal, ax == bx, ay == by) {
                (true, true, _) => (ax, (ay.min(by), ay.max(by))),
                (false, _, true) => (ay, (ax.min(bx), ax.max(bx))),
                _ => continue,
            };
            obstacles.push(Obstacle {
                along: (main - CLEAR, main + CLEAR),
                across,
            });
        }
        if let Some((x, y)) = route.label_at {
            let (width, height) = label_size(&route.label);
            let (x, y) = (
                (x - width / 2, x + width / 2),
                (y - height / 2, y + height / 2),
            );
            let (along, across) = if horizontal { (x, y) } else { (y, x) };
            obstacles.push(Obstacle {
                along: (along.0 - CLEAR, along.1 + CLEAR),
                across,
            });
        }
    }
    obstacles
}

/// Where the header of a lane begins along the flow: `header` before
/// `body`, where the lane's content begins, or further back, past every
/// obstacle in the lane's `band` where its header would be.
fn header_from(body: i64, header: i64, (low, high): (i64, i64), obstacles: &[Obstacle]) -> i64 {
    let mut near: Vec<(i64, i64)> = obstacles
        .iter()
        .filter(|obstacle| obstacle.across.0 < high && obstacle.across.1 > low)
        .map(|obstacle| obstacle.along)
        .collect();
    // Latest first: moving the header before one keeps it clear of those
    // already passed, which all begin after it.
    near.sort_unstable_by(|a, b| b.cmp(a));
    let mut from = body - header;
    for (start, end) in near {
        if start < from + header && end > from {
            from = start - header;
        }
    }
    from
}

/// The edges to draw (from the start circle, then the process's edges),
/// with their labels, not yet laid out.
fn routes(process: &Process, arrows: &[Arrow], lang: Lang) -> Vec<Route> {
    arrows
        .iter()
        .map(|arrow| {
            let edge = arrow.edge.and_then(|edge| process.edges.get(edge));
            Route {
                from: arrow.from,
                to: arrow.to,
                label: edge
                    .and_then(|edge| diagram::edge_label(edge, lang))
                    .map_or_else(Vec::new, |label| diagram::wrap(&label, 22)),
                secondary: arrow.secondary,
                timeout: edge.is_some_and(|edge| matches!(edge.kind, EdgeKind::Timeout(_))),
                back: arrow.back,
                points: Vec::new(),
                label_at: None,
                mark: None,
            }
        })
        .collect()
}

/// An item with its shape and size, not yet positioned.
fn placed(
    project: &Project,
    process: &Process,
    (index, lane, rank): (usize, usize, usize),
    direction: Direction,
    lang: Lang,
) -> Placed {
    let sized = |shape, width, height, (below, right, label_width)| Placed {
        shape,
        lane,
        rank,
        width,
        height,
        below,
        right,
        label_width,
        x: 0,
        y: 0,
        mark: None,
        notes: Vec::new(),
        notes_at: 0,
    };
    let Some(node) = process.nodes.get(index) else {
        return sized(Shape::Start, 32, 32, (0, 0, 0));
    };
    let title = diagram::node_title(node);
    match &node.kind {
        NodeKind::Step(_) | NodeKind::Call(_) => {
            let text = diagram::box_text(project, node, WRAP_COLUMNS, lang);
            let notes = diagram::wrapped_escalation_notes(project, node, NOTE_COLUMNS, lang);
            let call = matches!(node.kind, NodeKind::Call(_));
            let marker = if call { MARKER + 4 } else { 0 };
            let note_lines: usize = notes.iter().map(Vec::len).sum();
            let note_height = if notes.is_empty() {
                0
            } else {
                8 + SMALL_LINE * note_lines as i64
            };
            let height = 14 + LINE * text.len() as i64 + marker + note_height;
            let lines: Vec<String> = text
                .title
                .iter()
                .chain(&text.details)
                .chain(&text.minimum)
                .cloned()
                .collect();
            let note_width = notes
                .iter()
                .map(|note| widest(note, SMALL_FONT))
                .max()
                .map_or(0, |width| width + 24);
            let width = STEP_WIDTH.max(widest(&lines, FONT) + 24).max(note_width);
            let shape = Shape::Step {
                text,
                notes,
                call,
                tooltip: diagram::node_note(node).map(str::to_string),
            };
            sized(shape, width, height, (0, 0, 0))
        }
        NodeKind::Decision => {
            let lines = diagram::wrap(&title, 14);
            let height = (LINE * lines.len() as i64 + 44).max(80);
            let width = 160.max(2 * widest(&lines, FONT) + 24);
            sized(Shape::Decision { lines }, width, height, (0, 0, 0))
        }
        NodeKind::Parallel { .. } | NodeKind::Join { .. } => {
            let label = if matches!(node.kind, NodeKind::Parallel { .. }) {
                diagram::wrap(&title, 16)
            } else {
                Vec::new()
            };
            match direction {
                Direction::LeftRight => {
                    let below = if label.is_empty() {
                        0
                    } else {
                        4 + SMALL_LINE * label.len() as i64
                    };
                    let width = widest(&label, SMALL_FONT);
                    sized(Shape::Bar { label }, 8, 80, (below, 0, width))
                }
                Direction::TopBottom => {
                    let right = if label.is_empty() {
                        0
                    } else {
                        8 + widest(&label, SMALL_FONT)
                    };
                    sized(Shape::Bar { label }, 120, 8, (0, right, 0))
                }
            }
        }
        NodeKind::End => {
            let lines = diagram::wrap(&title, 14);
            let below = 4 + SMALL_LINE * lines.len() as i64;
            let label = widest(&lines, FONT) + 4;
            sized(Shape::End { lines }, 40, 40, (below, 0, label))
        }
    }
}

/// Columns a note of a diagram of changes is wrapped at.
const MARK_NOTE_COLUMNS: usize = 34;

/// Room between a shape (or its label) and the notes of a diagram of
/// changes beside it.
pub(super) const NOTE_GAP: i64 = 8;

/// Puts the [`Marks`] of a diagram of changes on the items and routes of
/// a process, before they are placed: marks and notes on its nodes and
/// edges, and the nodes and edges of the older version as items and
/// routes of their own (a removed node in its owner's lane, one rank
/// after the node it followed), which the layout then places, routes and
/// labels like any other.
fn apply_marks(
    project: &Project,
    process: &Process,
    (arrangement, direction): (&Arrangement, Direction),
    marks: &Marks,
    (items, routes): (&mut Vec<Placed>, &mut Vec<Route>),
) {
    let mut named: BTreeMap<&str, usize> = process
        .nodes
        .iter()
        .enumerate()
        .map(|(index, node)| (node.name.as_str(), index))
        .collect();
    let mut pairs: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let edge_marks: Vec<Option<Mark>> = process
        .edges
        .iter()
        .map(|edge| {
            let index = pairs.entry((edge.from.0, edge.to.0)).or_insert(0);
            let key = (
                process.node(edge.from).name.clone(),
                process.node(edge.to).name.clone(),
                *index,
            );
            *index += 1;
            marks.edges.get(&key).copied()
        })
        .collect();
    for (route, arrow) in routes.iter_mut().zip(&arrangement.arrows) {
        route.mark = arrow
            .edge
            .and_then(|edge| edge_marks.get(edge).copied().flatten());
    }
    for removed in &marks.removed_nodes {
        let after = removed
            .after
            .as_deref()
            .and_then(|after| named.get(after))
            .map(|&item| &items[item]);
        let rank = after.map_or(1, |item| item.rank + 1);
        let lane = arrangement
            .owners
            .iter()
            .position(|owner| removed.owner.as_deref() == Some(owner.text(project).as_str()))
            .or(after.map(|item| item.lane))
            .unwrap_or(0);
        let (title, details) = removed.lines.split_first().map_or_else(
            || (Vec::new(), Vec::new()),
            |(title, details)| {
                (
                    diagram::wrap(title, WRAP_COLUMNS),
                    diagram::wrap_all(details, WRAP_COLUMNS),
                )
            },
        );
        let width = STEP_WIDTH.max(widest(&title, FONT).max(widest(&details, FONT)) + 24);
        let text = BoxText {
            title,
            details,
            minimum: Vec::new(),
        };
        let height = 14 + LINE * text.len() as i64;
        let shape = Shape::Step {
            text,
            notes: Vec::new(),
            call: false,
            tooltip: None,
        };
        named.insert(removed.name.as_str(), items.len());
        items.push(Placed {
            shape,
            lane,
            rank,
            width,
            height,
            below: 0,
            right: 0,
            label_width: 0,
            x: 0,
            y: 0,
            mark: Some(Mark::Removed),
            notes: Vec::new(),
            notes_at: 0,
        });
    }
    let count = process.nodes.len();
    for (index, item) in items.iter_mut().enumerate() {
        let name = match index.cmp(&count) {
            std::cmp::Ordering::Less => Some(process.nodes[index].name.as_str()),
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Greater => marks
                .removed_nodes
                .get(index - count - 1)
                .map(|removed| removed.name.as_str()),
        };
        let Some(name) = name else { continue };
        if item.mark.is_none() {
            item.mark = marks.nodes.get(name).copied();
        }
        let notes: Vec<Note> = marks
            .notes
            .get(name)
            .into_iter()
            .flatten()
            .map(|note| Note {
                lines: diagram::wrap_all(&note.lines, MARK_NOTE_COLUMNS),
                ..note.clone()
            })
            .collect();
        let (width, height) = notes_size(&notes);
        if height > 0 {
            item.notes = notes;
            match direction {
                // Under the shape and its label, in the room below it.
                Direction::LeftRight => {
                    item.notes_at = item.below;
                    item.below += NOTE_GAP + height;
                    item.label_width = item.label_width.max(width);
                }
                // Right of the shape and its label: edges leave and enter
                // at the middle of its bottom and top.
                Direction::TopBottom => {
                    item.notes_at = item.right;
                    item.right += NOTE_GAP + width;
                    item.below = item.below.max(height - item.height);
                }
            }
        }
    }
    for removed in &marks.removed_edges {
        let (Some(&from), Some(&to)) = (
            named.get(removed.from.as_str()),
            named.get(removed.to.as_str()),
        ) else {
            continue;
        };
        routes.push(Route {
            from,
            to,
            label: removed
                .label
                .as_deref()
                .map_or_else(Vec::new, |label| diagram::wrap(label, 22)),
            secondary: false,
            timeout: false,
            back: items[to].rank <= items[from].rank,
            points: Vec::new(),
            label_at: None,
            mark: Some(Mark::Removed),
        });
    }
}

/// The size of the notes of a diagram of changes beside a shape, their
/// backing included.
pub(super) fn notes_size(notes: &[Note]) -> (i64, i64) {
    let lines: Vec<String> = notes.iter().flat_map(|note| note.lines.clone()).collect();
    if lines.is_empty() {
        return (0, 0);
    }
    (
        widest(&lines, SMALL_FONT) + 8,
        SMALL_LINE * lines.len() as i64 + 4,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crossing(main: i64, across: (i64, i64)) -> Obstacle {
        Obstacle {
            along: (main - CLEAR, main + CLEAR),
            across,
        }
    }

    #[test]
    fn a_header_sits_just_before_its_lane_content() {
        assert_eq!(header_from(500, 120, (100, 200), &[]), 380);
    }

    #[test]
    fn a_header_moves_back_past_what_crosses_its_lane() {
        let obstacles = [crossing(450, (0, 300)), crossing(350, (150, 160))];
        // Past the edge at 450 (to 320), then past the one at 350.
        assert_eq!(header_from(500, 120, (100, 200), &obstacles), 220);
    }

    #[test]
    fn a_header_ignores_what_only_crosses_other_lanes() {
        let obstacles = [crossing(450, (200, 300)), crossing(440, (0, 100))];
        assert_eq!(header_from(500, 120, (100, 200), &obstacles), 380);
    }
}
