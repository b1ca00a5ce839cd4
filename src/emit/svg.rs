//! The built-in diagram engine: a swimlane layout drawn as SVG in pure
//! Rust, for machines without Graphviz.
//!
//! The layout is the one a process chart needs, not a general graph
//! layout: one lane per owner (in [`diagram::lane_owners`] order), one
//! column per rank, where a node's rank is the length of the longest path
//! of forward edges from the start. Rejection loops and other back edges
//! are kept out of the ranking and drawn as dashed arcs beside the lanes.
//! Non-step nodes (decisions, fork/join bars, ends) sit in the lane of the
//! node before them. Everything is computed in integers, so the same
//! process always gives the same bytes.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::check::CheckedProject;
use crate::emit::diagram::{
    self, Arrangement, Arrow, BoxText, Constructs, DiagramOptions, Direction, Palette,
    WRAP_COLUMNS, columns,
};
use crate::emit::marks::{Mark, Marks, Note};
use crate::i18n::{Lang, Text};
use crate::model::{EdgeKind, NodeKind, Process, Project};
use crate::text;

/// Font size of ordinary text, in pixels.
pub const FONT: i64 = 13;
/// Height of one line of ordinary text.
const LINE: i64 = 17;
/// Height of one line of small text (notes, edge labels).
const SMALL_LINE: i64 = 14;
/// Width of a step box.
const STEP_WIDTH: i64 = 190;
/// Space between columns, along the flow.
const COLUMN_GAP: i64 = 110;
/// Space around nodes inside a lane.
const LANE_PADDING: i64 = 24;
/// Size of the lane headers across the flow (left to right).
const HEADER: i64 = 150;
/// Size of the lane headers along the flow (top to bottom).
const TOP_HEADER: i64 = 120;
/// Height of the title band.
const TITLE: i64 = 44;
/// Margin around everything.
const MARGIN: i64 = 16;
/// Depth of the arcs that carry back edges outside a node.
const LOOP_DEPTH: i64 = 26;
/// How far apart the curves of two edges between the same two items bow.
const PARALLEL_OFFSET: i64 = 40;
/// Size of the call-activity marker (a square with `+`).
const MARKER: i64 = 12;

/// The built-in SVG of every process of the project, with the process
/// names.
pub fn documents(checked: &CheckedProject<'_>, options: DiagramOptions) -> Vec<(String, String)> {
    let project = checked.project();
    project
        .processes
        .iter()
        .map(|process| (process.name.clone(), render(project, process, options)))
        .collect()
}

/// The built-in SVG of one process.
pub fn render(project: &Project, process: &Process, options: DiagramOptions) -> String {
    render_marked(project, process, options, &Marks::default())
}

/// The built-in SVG of one process with the [`Marks`] of a diagram of
/// changes (`flowc diff --emit svg`): marked items outlined in their
/// mark's colour, nodes and edges of the older version struck through
/// where they were, notes under the nodes and under the title.
pub fn render_marked(
    project: &Project,
    process: &Process,
    options: DiagramOptions,
    marks: &Marks,
) -> String {
    let layout = Layout::of(project, process, (options.direction, options.lang), marks);
    draw(process, &layout, options, marks)
}

/// What a placed item is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shape {
    Start,
    Step {
        text: BoxText,
        notes: Vec<Vec<String>>,
        /// A call of another process: a thick border and the
        /// call-activity marker.
        call: bool,
        /// The step's or call's note, its tooltip.
        tooltip: Option<String>,
    },
    Decision {
        lines: Vec<String>,
    },
    Bar {
        label: Vec<String>,
    },
    End {
        lines: Vec<String>,
    },
}

/// A node with its place: `main` runs along the flow, `cross` across it.
#[derive(Debug, Clone)]
struct Placed {
    shape: Shape,
    lane: usize,
    rank: usize,
    /// Size of the shape itself (x, y in screen terms).
    width: i64,
    height: i64,
    /// Extra room below the shape for notes and labels.
    below: i64,
    /// Centre of the shape, in screen coordinates.
    x: i64,
    y: i64,
    /// Its mark in a diagram of changes.
    mark: Option<Mark>,
    /// The notes of a diagram of changes under it (lines wrapped), from
    /// `notes_at` below the shape.
    notes: Vec<Note>,
    notes_at: i64,
}

/// A drawn edge between two placed items.
#[derive(Debug, Clone)]
struct Route {
    from: usize,
    to: usize,
    label: Option<String>,
    secondary: bool,
    /// A timeout: drawn dotted.
    timeout: bool,
    back: bool,
    /// For back edges: how many back edges into the same node come
    /// before this one, so their arcs nest instead of overlapping; for
    /// forward edges: how many forward edges between the same two items
    /// come before this one (an outcome and a timeout to the same end),
    /// so their curves bow apart.
    track: i64,
    /// Its mark in a diagram of changes.
    mark: Option<Mark>,
}

#[derive(Debug)]
struct Lane {
    title: Vec<String>,
    /// Where the lane begins across the flow.
    start: i64,
    /// How wide it is across the flow.
    size: i64,
}

#[derive(Debug)]
struct Layout {
    direction: Direction,
    /// Items: the nodes of the process in order, then the start circle.
    items: Vec<Placed>,
    routes: Vec<Route>,
    lanes: Vec<Lane>,
    width: i64,
    height: i64,
    /// Top of the legend band.
    legend_top: i64,
    /// The signs the legend explains besides the usual ones.
    constructs: Constructs,
    /// Whether it is a diagram of changes.
    marked: bool,
}

/// The room the items of each (lane, rank) cell take across the flow,
/// for the occupied cells only (a process can have many lanes and many
/// ranks, but only as many occupied cells as nodes).
type Cells = BTreeMap<(usize, usize), i64>;

impl Layout {
    fn of(
        project: &Project,
        process: &Process,
        (direction, lang): (Direction, Lang),
        marks: &Marks,
    ) -> Layout {
        let arrangement = Arrangement::of(project, process);
        let mut routes = routes(process, &arrangement.arrows, lang);
        let mut items: Vec<Placed> = (0..=arrangement.start)
            .map(|index| {
                let (lane, rank) = (arrangement.lanes[index], arrangement.ranks[index]);
                placed(project, process, (index, lane, rank), direction, lang)
            })
            .collect();
        let owners = arrangement.owners.clone();
        apply_marks(
            project,
            process,
            &arrangement,
            marks,
            (&mut items, &mut routes),
        );
        let titles: Vec<Vec<String>> = if owners.is_empty() {
            vec![Vec::new()]
        } else {
            owners
                .iter()
                .map(|owner| diagram::wrap_all(&owner.title_lines(project, lang), 18))
                .collect()
        };
        let horizontal = direction == Direction::LeftRight;
        let cells = cells(&items, horizontal);
        let (lanes, lanes_end) = size_lanes(titles, &cells, horizontal);
        let (column_start, column, columns_end) = size_columns(&items, horizontal);
        place(
            &mut items,
            &lanes,
            &cells,
            &column_start,
            &column,
            horizontal,
        );
        let (width, body) = if horizontal {
            (columns_end + MARGIN, lanes_end)
        } else {
            (lanes_end + MARGIN, columns_end)
        };
        let mut layout = Layout {
            direction,
            items,
            routes,
            lanes,
            width,
            height: body,
            legend_top: 0,
            constructs: Constructs::of(process),
            marked: marks.caption.is_some(),
        };
        layout.make_room_for_back_edges();
        layout.legend_top = layout.height + 12;
        layout.height = layout.legend_top + LEGEND_HEIGHT + MARGIN;
        layout.width = layout
            .width
            .max(legend_width(layout.constructs) + 2 * MARGIN);
        layout
    }

    /// Widens the last lane so the arcs of back edges, which bow out
    /// beyond their nodes, stay inside the lanes (and clear of the
    /// legend).
    fn make_room_for_back_edges(&mut self) {
        let horizontal = self.direction == Direction::LeftRight;
        let reach = self
            .routes
            .iter()
            .filter(|route| route.back)
            .flat_map(|route| curve(self, route))
            .map(|(x, y)| if horizontal { y } else { x })
            .max();
        let Some(last) = self.lanes.last_mut() else {
            return;
        };
        let end = last.start + last.size;
        let extra = reach.map_or(0, |reach| (reach + LANE_PADDING - end).max(0));
        last.size += extra;
        if horizontal {
            self.height += extra;
        } else {
            self.width += extra;
        }
    }
}

/// The room an item takes across the flow.
fn across(item: &Placed, horizontal: bool) -> i64 {
    if horizontal {
        item.height + item.below
    } else {
        item.width
    }
}

/// The room an item takes along the flow.
fn along(item: &Placed, horizontal: bool) -> i64 {
    if horizontal {
        item.width
    } else {
        item.height + item.below
    }
}

/// What each occupied cell holds, stacked with padding between items.
fn cells(items: &[Placed], horizontal: bool) -> Cells {
    let mut cells = Cells::new();
    for item in items {
        let used = cells.entry((item.lane, item.rank)).or_insert(0);
        *used += across(item, horizontal) + if *used > 0 { LANE_PADDING } else { 0 };
    }
    cells
}

/// Each lane as wide as its fullest cell; returns the lanes and where the
/// last one ends.
fn size_lanes(titles: Vec<Vec<String>>, cells: &Cells, horizontal: bool) -> (Vec<Lane>, i64) {
    let mut widest = vec![0i64; titles.len()];
    for (&(lane, _), &used) in cells {
        widest[lane] = widest[lane].max(used);
    }
    let mut offset = MARGIN + if horizontal { TITLE } else { 0 };
    let lanes = titles
        .into_iter()
        .zip(widest)
        .map(|(title, widest)| {
            let size = widest.max(40) + 2 * LANE_PADDING;
            let lane = Lane {
                title,
                start: offset,
                size,
            };
            offset += size;
            lane
        })
        .collect();
    (lanes, offset)
}

/// Each column as long as its longest item; returns where each column
/// starts, its size, and where the last one ends.
fn size_columns(items: &[Placed], horizontal: bool) -> (Vec<i64>, Vec<i64>, i64) {
    let rank_count = items.iter().map(|item| item.rank).max().unwrap_or(0) + 1;
    let mut column = vec![0i64; rank_count];
    for item in items {
        column[item.rank] = column[item.rank].max(along(item, horizontal));
    }
    let mut start = Vec::with_capacity(rank_count);
    let header = if horizontal {
        MARGIN + HEADER
    } else {
        MARGIN + TITLE + TOP_HEADER
    };
    let mut offset = header + COLUMN_GAP / 2;
    for size in &column {
        start.push(offset);
        offset += size + COLUMN_GAP;
    }
    (start, column, offset - COLUMN_GAP / 2)
}

/// Centres each item along the flow in its column and stacks the items of
/// a cell across the flow, centred in the lane.
fn place(
    items: &mut [Placed],
    lanes: &[Lane],
    cells: &Cells,
    column_start: &[i64],
    column: &[i64],
    horizontal: bool,
) {
    let mut filled = Cells::new();
    for item in items {
        let lane = &lanes[item.lane];
        let used = cells.get(&(item.lane, item.rank)).copied().unwrap_or(0);
        let before = filled.entry((item.lane, item.rank)).or_insert(0);
        let cross_start = lane.start + (lane.size - used) / 2 + *before;
        *before += across(item, horizontal) + LANE_PADDING;
        let main_centre = column_start[item.rank] + column[item.rank] / 2;
        if horizontal {
            item.x = main_centre;
            item.y = cross_start + item.height / 2;
        } else {
            item.x = cross_start + item.width / 2;
            item.y = main_centre - item.below / 2;
        }
    }
}

/// The edges to draw (from the start circle, then the process's edges),
/// with their labels, the back edges numbered per target node and the
/// forward edges per pair of items.
fn routes(process: &Process, arrows: &[Arrow], lang: Lang) -> Vec<Route> {
    let mut arriving = vec![0i64; process.nodes.len() + 1];
    let mut between: BTreeMap<(usize, usize), i64> = BTreeMap::new();
    arrows
        .iter()
        .map(|arrow| {
            let counter = if arrow.back {
                &mut arriving[arrow.to]
            } else {
                between.entry((arrow.from, arrow.to)).or_insert(0)
            };
            *counter += 1;
            let track = *counter - 1;
            let edge = arrow.edge.and_then(|edge| process.edges.get(edge));
            Route {
                from: arrow.from,
                to: arrow.to,
                label: edge.and_then(|edge| diagram::edge_label(edge, lang)),
                secondary: arrow.secondary,
                timeout: edge.is_some_and(|edge| matches!(edge.kind, EdgeKind::Timeout(_))),
                back: arrow.back,
                track,
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
    let Some(node) = process.nodes.get(index) else {
        return sized(Shape::Start, lane, rank, 32, 32, 0);
    };
    let title = diagram::node_title(node);
    match &node.kind {
        NodeKind::Step(_) | NodeKind::Call(_) => {
            let text = diagram::box_text(project, node, WRAP_COLUMNS, lang);
            let notes = diagram::wrapped_escalation_notes(project, node, 34, lang);
            let call = matches!(node.kind, NodeKind::Call(_));
            let marker = if call { MARKER + 4 } else { 0 };
            let height = 14 + LINE * text.len() as i64 + marker;
            let note_lines: usize = notes.iter().map(Vec::len).sum();
            let below = if notes.is_empty() {
                0
            } else {
                6 + SMALL_LINE * note_lines as i64
            };
            let shape = Shape::Step {
                text,
                notes,
                call,
                tooltip: diagram::node_note(node).map(str::to_string),
            };
            sized(shape, lane, rank, STEP_WIDTH, height, below)
        }
        NodeKind::Decision => {
            let lines = diagram::wrap(&title, 14);
            let height = (LINE * lines.len() as i64 + 44).max(80);
            sized(Shape::Decision { lines }, lane, rank, 160, height, 0)
        }
        NodeKind::Parallel { .. } | NodeKind::Join { .. } => {
            let label = if matches!(node.kind, NodeKind::Parallel { .. }) {
                diagram::wrap(&title, 16)
            } else {
                Vec::new()
            };
            let below = SMALL_LINE * label.len() as i64;
            let (width, height) = match direction {
                Direction::LeftRight => (8, 80),
                Direction::TopBottom => (120, 8),
            };
            sized(Shape::Bar { label }, lane, rank, width, height, below)
        }
        NodeKind::End => {
            let lines = diagram::wrap(&title, 14);
            let below = 4 + SMALL_LINE * lines.len() as i64;
            sized(Shape::End { lines }, lane, rank, 40, 40, below)
        }
    }
}

/// The escalation notes under a step box, from `top`: a clock at the
/// first line of each note, its wrapped lines under it.
fn escalation_notes(
    svg: &mut String,
    notes: &[Vec<String>],
    left: i64,
    top: i64,
    palette: &Palette,
) {
    let mut line_index = 0;
    for note in notes {
        let _ = write!(svg, "<g class=\"escalation\">");
        for (index, line) in note.iter().enumerate() {
            let note_y = top + SMALL_LINE * line_index + SMALL_LINE / 2;
            if index == 0 {
                let _ = write!(
                    svg,
                    "<circle cx=\"{cx}\" cy=\"{note_y}\" r=\"5\" fill=\"none\" stroke=\"{m}\"/><path d=\"M{cx},{a} L{cx},{note_y} L{b},{note_y}\" fill=\"none\" stroke=\"{m}\"/>",
                    cx = left + 5,
                    a = note_y - 3,
                    b = left + 8,
                    m = palette.muted,
                );
            }
            let _ = write!(
                svg,
                "<text x=\"{tx}\" y=\"{note_y}\" dominant-baseline=\"central\" font-size=\"11\" font-style=\"italic\" fill=\"{m}\">{t}</text>",
                tx = left + 14,
                m = palette.muted,
                t = escape(line),
            );
            line_index += 1;
        }
        let _ = writeln!(svg, "</g>");
    }
}

fn sized(shape: Shape, lane: usize, rank: usize, width: i64, height: i64, below: i64) -> Placed {
    Placed {
        shape,
        lane,
        rank,
        width,
        height,
        below,
        x: 0,
        y: 0,
        mark: None,
        notes: Vec::new(),
        notes_at: 0,
    }
}

/// Columns a note of a diagram of changes is wrapped at.
const NOTE_COLUMNS: usize = 34;

/// Puts the [`Marks`] of a diagram of changes on the items and routes of
/// a process, before they are sized and placed: marks and notes on its
/// nodes and edges, and the nodes and edges of the older version as items
/// and routes of their own (a removed node in its owner's lane, one rank
/// after the node it followed).
fn apply_marks(
    project: &Project,
    process: &Process,
    arrangement: &Arrangement,
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
        route.mark = arrow.edge.and_then(|edge| edge_marks[edge]);
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
        let mut item = sized(shape, lane, rank, STEP_WIDTH, height, 0);
        item.mark = Some(Mark::Removed);
        items.push(item);
    }
    for (index, item) in items.iter_mut().enumerate() {
        let count = process.nodes.len();
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
                lines: diagram::wrap_all(&note.lines, NOTE_COLUMNS),
                ..note.clone()
            })
            .collect();
        let lines: usize = notes.iter().map(|note| note.lines.len()).sum();
        if lines > 0 {
            item.notes_at = item.below;
            item.below += 6 + SMALL_LINE * lines as i64;
            item.notes = notes;
        }
    }
    for removed in &marks.removed_edges {
        let (Some(&from), Some(&to)) = (
            named.get(removed.from.as_str()),
            named.get(removed.to.as_str()),
        ) else {
            continue;
        };
        let back = items[to].rank <= items[from].rank;
        let track = routes
            .iter()
            .filter(|route| route.back == back && route.to == to && (back || route.from == from))
            .count() as i64;
        routes.push(Route {
            from,
            to,
            label: removed.label.clone(),
            secondary: false,
            timeout: false,
            back,
            track,
            mark: Some(Mark::Removed),
        });
    }
}

const LEGEND_WIDTH: i64 = 760;
/// Room the legend items of a call, a minimum period and a timeout take.
const LEGEND_CALL: i64 = 78;
const LEGEND_MINIMUM: i64 = 82;
const LEGEND_TIMEOUT: i64 = 98;

/// How wide the legend is: its usual items, and a call, a minimum period
/// and a timeout where the process has one.
fn legend_width(constructs: Constructs) -> i64 {
    LEGEND_WIDTH
        + [
            (constructs.call, LEGEND_CALL),
            (constructs.minimum, LEGEND_MINIMUM),
            (constructs.timeout, LEGEND_TIMEOUT),
        ]
        .iter()
        .filter(|(present, _)| *present)
        .map(|(_, width)| width)
        .sum::<i64>()
}
const LEGEND_HEIGHT: i64 = 40;

/// The fonts of `lang` ([`diagram::font_families`]) as a CSS
/// `font-family` list, names with a space quoted.
pub(crate) fn css_font_families(lang: Lang) -> String {
    diagram::font_families(lang)
        .iter()
        .map(|family| {
            if family.contains(' ') {
                format!("'{family}'")
            } else {
                family.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The SVG document of a laid-out process.
fn draw(process: &Process, layout: &Layout, options: DiagramOptions, marks: &Marks) -> String {
    let palette = options.theme.palette();
    let mut svg = String::new();
    let fonts = css_font_families(options.lang);
    let title = diagram::process_title(process);
    let header = header_notes(marks);
    let header_lines: usize = header.iter().map(|note| note.lines.len()).sum();
    let shift = HEADER_LINE * header_lines as i64;
    let header_width = header
        .iter()
        .flat_map(|note| &note.lines)
        .map(|line| columns(line) as i64 * 7 + 2 * MARGIN)
        .max()
        .unwrap_or(0);
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"{fonts}\" font-size=\"{FONT}\" role=\"img\" aria-label=\"{label}\" \
         data-engine=\"builtin\">",
        w = layout.width.max(header_width),
        h = layout.height + shift,
        fonts = escape(&fonts),
        label = escape(&title),
    );
    let _ = writeln!(svg, "<title>{}</title>", escape(&title));
    let _ = writeln!(svg, "<defs>");
    let mark_arrows = [Mark::Added, Mark::Changed, Mark::Removed]
        .map(|mark| (format!("arrow-{}", mark.name()), mark.colours().0))
        .into_iter()
        .filter(|_| layout.marked);
    for (id, colour) in [
        ("arrow".to_string(), palette.ink),
        ("arrow-muted".to_string(), palette.muted),
    ]
    .into_iter()
    .chain(mark_arrows)
    {
        let _ = writeln!(
            svg,
            "<marker id=\"{id}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" \
             markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" \
             fill=\"{colour}\"/></marker>"
        );
    }
    let _ = writeln!(svg, "</defs>");
    let _ = writeln!(
        svg,
        "<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>",
        palette.background
    );
    if let Some(note) = &process.note {
        let _ = write!(svg, "<g><title>{}</title>", escape(&note.text.text));
    }
    let _ = write!(
        svg,
        "<text class=\"title\" x=\"{}\" y=\"{}\" font-size=\"18\" font-weight=\"bold\" fill=\"{}\">{}</text>",
        MARGIN,
        MARGIN + 20,
        palette.ink,
        escape(&title)
    );
    if process.note.is_some() {
        svg.push_str("</g>");
    }
    svg.push('\n');
    if shift > 0 {
        draw_header(&mut svg, &header, MARGIN + 20 + HEADER_LINE, palette.ink);
        let _ = writeln!(svg, "<g transform=\"translate(0,{shift})\">");
    }
    draw_lanes(&mut svg, layout, &palette);
    for route in layout.routes.iter().filter(|route| !route.secondary) {
        draw_route(&mut svg, layout, route, &palette);
    }
    for route in layout.routes.iter().filter(|route| route.secondary) {
        draw_route(&mut svg, layout, route, &palette);
    }
    for item in &layout.items {
        match item.mark {
            None => draw_item(&mut svg, item, &palette, options.lang),
            Some(mark) => draw_marked_item(&mut svg, item, mark, &palette, options.lang),
        }
        draw_notes(&mut svg, item, palette.background);
    }
    draw_legend(&mut svg, layout, &palette, options.lang);
    if shift > 0 {
        svg.push_str("</g>\n");
    }
    svg.push_str("</svg>\n");
    svg
}

/// Height of a line of the header of a diagram of changes.
const HEADER_LINE: i64 = 18;

/// The lines under the title of a diagram of changes: its legend, then
/// the changes of the process as a whole, wrapped.
fn header_notes(marks: &Marks) -> Vec<Note> {
    let caption = marks.caption.iter().map(|caption| Note {
        mark: Mark::Changed,
        struck: false,
        kind: "legend",
        lines: vec![caption.clone()],
    });
    caption
        .chain(marks.header.iter().map(|note| Note {
            lines: diagram::wrap_all(&note.lines, 110),
            ..note.clone()
        }))
        .collect()
}

/// The header of a diagram of changes, its first line at `top`: the
/// legend in ink, each change in its mark's colour.
fn draw_header(svg: &mut String, notes: &[Note], top: i64, ink: &str) {
    let mut y = top;
    for note in notes {
        let fill = if note.kind == "legend" {
            ink
        } else {
            note.mark.colours().0
        };
        let _ = write!(svg, "<g class=\"change {}\">", note.kind);
        for line in &note.lines {
            let _ = write!(
                svg,
                "<text x=\"{MARGIN}\" y=\"{y}\" font-size=\"12\" fill=\"{fill}\"{}>{}</text>",
                strike(note.struck),
                escape(line)
            );
            y += HEADER_LINE;
        }
        let _ = writeln!(svg, "</g>");
    }
}

/// The attribute that strikes a line through text, when `struck`.
fn strike(struck: bool) -> &'static str {
    if struck {
        " text-decoration=\"line-through\""
    } else {
        ""
    }
}

/// An item of a diagram of changes: drawn as usual (its words struck
/// through when it is of the older version), in a frame of its mark's
/// colour (dashed for the older version).
fn draw_marked_item(svg: &mut String, item: &Placed, mark: Mark, palette: &Palette, lang: Lang) {
    let (colour, _) = mark.colours();
    let _ = write!(svg, "<g class=\"change {}\">", mark.name());
    let mut drawn = String::new();
    draw_item(&mut drawn, item, palette, lang);
    if mark == Mark::Removed {
        drawn = drawn.replace("<text ", "<text text-decoration=\"line-through\" ");
    }
    svg.push_str(&drawn);
    let dashes = if mark == Mark::Removed {
        " stroke-dasharray=\"6 3\""
    } else {
        ""
    };
    let _ = writeln!(
        svg,
        "<rect class=\"mark\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"10\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"{dashes}/></g>",
        item.x - item.width / 2 - 5,
        item.y - item.height / 2 - 5,
        item.width + 10,
        item.height + 10,
    );
}

/// The notes of a diagram of changes under an item, each in its mark's
/// colour, struck through when it is a line of the older version.
fn draw_notes(svg: &mut String, item: &Placed, background: &str) {
    let left = item.x - item.width.max(STEP_WIDTH) / 2 + 2;
    let top = item.y + item.height / 2 + item.notes_at + 6;
    let lines = item.notes.iter().flat_map(|note| &note.lines);
    let widest = lines.clone().map(|line| columns(line)).max().unwrap_or(0) as i64;
    if widest > 0 {
        // Edges pass under the notes: a backing keeps the words legible.
        let _ = writeln!(
            svg,
            "<rect class=\"note-back\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"{background}\" opacity=\"0.85\"/>",
            left - 2,
            top - 2,
            widest * 6 + 6,
            SMALL_LINE * lines.count() as i64 + 4
        );
    }
    let mut y = top + SMALL_LINE / 2;
    for note in &item.notes {
        let _ = write!(svg, "<g class=\"change {}\">", note.kind);
        for line in &note.lines {
            let _ = write!(
                svg,
                "<text x=\"{left}\" y=\"{y}\" dominant-baseline=\"central\" font-size=\"11\" fill=\"{}\"{}>{}</text>",
                note.mark.colours().0,
                strike(note.struck),
                escape(line)
            );
            y += SMALL_LINE;
        }
        let _ = writeln!(svg, "</g>");
    }
}

fn draw_lanes(svg: &mut String, layout: &Layout, palette: &Palette) {
    let horizontal = layout.direction == Direction::LeftRight;
    let _ = writeln!(svg, "<g class=\"lanes\">");
    for (index, lane) in layout.lanes.iter().enumerate() {
        let fill = palette.lanes[index % 2];
        let (x, y, w, h) = if horizontal {
            (MARGIN, lane.start, layout.width - 2 * MARGIN, lane.size)
        } else {
            (
                lane.start,
                MARGIN + TITLE,
                lane.size,
                layout.legend_top - 12 - MARGIN - TITLE,
            )
        };
        let _ = writeln!(
            svg,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"{fill}\" stroke=\"{}\"/>",
            palette.lane_border
        );
        let (hx, hy, hw, hh) = if horizontal {
            (x, y, HEADER - 12, h)
        } else {
            (x, y, w, TOP_HEADER)
        };
        let _ = writeln!(
            svg,
            "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"{}\"/>",
            palette.lane_border,
            x1 = if horizontal { hx + hw } else { hx },
            y1 = if horizontal { hy } else { hy + hh },
            x2 = hx + hw,
            y2 = hy + hh,
        );
        text_block(
            svg,
            &lane.title,
            hx + hw / 2,
            hy + hh / 2,
            LINE,
            "font-weight=\"bold\"",
            palette.ink,
        );
    }
    let _ = writeln!(svg, "</g>");
}

/// Where a route leaves `from` and enters `to`, with its two control
/// points, as a cubic Bézier curve.
fn curve(layout: &Layout, route: &Route) -> [(i64, i64); 4] {
    let from = &layout.items[route.from];
    let to = &layout.items[route.to];
    let horizontal = layout.direction == Direction::LeftRight;
    if route.back {
        // Out of the far side of `from`, into the far side of `to`, bowed
        // outwards so it stays clear of the forward edges.
        let (a, b) = if horizontal {
            (
                (from.x, from.y + from.height / 2),
                (to.x, to.y + to.height / 2),
            )
        } else {
            (
                (from.x + from.width / 2, from.y),
                (to.x + to.width / 2, to.y),
            )
        };
        let depth = LOOP_DEPTH + from.below.max(to.below) + 12 + route.track * 16;
        return if horizontal {
            let low = a.1.max(b.1) + depth;
            [a, (a.0, low), (b.0, low), b]
        } else {
            let right = a.0.max(b.0) + depth;
            [a, (right, a.1), (right, b.1), b]
        };
    }
    // A second edge between the same two items bows out by this much.
    let apart = route.track * PARALLEL_OFFSET;
    if horizontal {
        let a = (from.x + from.width / 2, from.y);
        let b = (to.x - to.width / 2, to.y);
        let bend = ((b.0 - a.0) / 2).max(30);
        [a, (a.0 + bend, a.1 + apart), (b.0 - bend, b.1 + apart), b]
    } else {
        let a = (from.x, from.y + from.height / 2);
        let b = (to.x, to.y - to.height / 2);
        let bend = ((b.1 - a.1) / 2).max(30);
        [a, (a.0 + apart, a.1 + bend), (b.0 + apart, b.1 - bend), b]
    }
}

fn draw_route(svg: &mut String, layout: &Layout, route: &Route, palette: &Palette) {
    let [a, c1, c2, b] = curve(layout, route);
    let (colour, marker, extra, class) = if route.secondary {
        (
            palette.muted,
            "arrow-muted",
            " stroke-dasharray=\"6 4\" stroke-width=\"1\"",
            "edge secondary",
        )
    } else if route.timeout {
        (
            palette.ink,
            "arrow",
            " stroke-dasharray=\"2 3\" stroke-width=\"1.6\"",
            "edge timeout",
        )
    } else {
        (palette.ink, "arrow", " stroke-width=\"1.4\"", "edge")
    };
    let (colour, marker, extra, class) = match route.mark {
        None => (colour, marker.to_string(), extra, class),
        Some(mark) => (
            mark.colours().0,
            format!("arrow-{}", mark.name()),
            if mark == Mark::Removed {
                " stroke-dasharray=\"6 3\" stroke-width=\"2\""
            } else {
                " stroke-width=\"2\""
            },
            "edge change",
        ),
    };
    let _ = writeln!(
        svg,
        "<path class=\"{class}\" d=\"M{},{} C{},{} {},{} {},{}\" fill=\"none\" stroke=\"{colour}\"{extra} marker-end=\"url(#{marker})\"/>",
        a.0, a.1, c1.0, c1.1, c2.0, c2.1, b.0, b.1
    );
    if let Some(label) = &route.label {
        let lines = diagram::wrap(label, 22);
        // Back edges and timeouts are labelled at their middle (t = 1/2);
        // other forward edges at t = 3/4, nearer their target, so the
        // branches of a decision carry their conditions apart from each
        // other.
        // A removed edge of a diagram of changes is labelled at its
        // middle too, apart from the label of the edge that replaced it.
        let (x, y) = if route.back || route.timeout || route.mark == Some(Mark::Removed) {
            (
                (a.0 + 3 * c1.0 + 3 * c2.0 + b.0) / 8,
                (a.1 + 3 * c1.1 + 3 * c2.1 + b.1) / 8,
            )
        } else {
            (
                (a.0 + 9 * c1.0 + 27 * c2.0 + 27 * b.0) / 64,
                (a.1 + 9 * c1.1 + 27 * c2.1 + 27 * b.1) / 64,
            )
        };
        let width = lines.iter().map(|line| columns(line)).max().unwrap_or(0) as i64 * 6 + 8;
        let height = SMALL_LINE * lines.len() as i64 + 4;
        let _ = writeln!(
            svg,
            "<rect x=\"{}\" y=\"{}\" width=\"{width}\" height=\"{height}\" rx=\"3\" fill=\"{}\" opacity=\"0.9\"/>",
            x - width / 2,
            y - height / 2,
            palette.background
        );
        let attributes = if route.mark == Some(Mark::Removed) {
            "font-size=\"11\" text-decoration=\"line-through\""
        } else {
            "font-size=\"11\""
        };
        text_block(svg, &lines, x, y, SMALL_LINE, attributes, colour);
    }
}

fn draw_item(svg: &mut String, item: &Placed, palette: &Palette, lang: Lang) {
    let (x, y, w, h) = (item.x, item.y, item.width, item.height);
    match &item.shape {
        Shape::Start => {
            let _ = writeln!(
                svg,
                "<g class=\"start\"><circle cx=\"{x}\" cy=\"{y}\" r=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/>",
                w / 2,
                palette.start,
                palette.ink
            );
            text_block(
                svg,
                &[text!("diagram-start").render(lang)],
                x,
                y,
                SMALL_LINE,
                "font-size=\"10\"",
                palette.ink,
            );
            let _ = writeln!(svg, "</g>");
        }
        Shape::Step {
            text,
            notes,
            call,
            tooltip,
        } => {
            let (class, border) = if *call {
                ("call", "3")
            } else {
                ("step", "1.2")
            };
            let _ = write!(svg, "<g class=\"{class}\">");
            if let Some(tooltip) = tooltip {
                let _ = write!(svg, "<title>{}</title>", escape(tooltip));
            }
            let _ = writeln!(
                svg,
                "<rect x=\"{}\" y=\"{}\" width=\"{w}\" height=\"{h}\" rx=\"8\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{border}\"/>",
                x - w / 2,
                y - h / 2,
                palette.step,
                palette.ink
            );
            let top = y - h / 2 + 7;
            let styled = text
                .title
                .iter()
                .map(|line| (line, palette.ink, " font-weight=\"bold\""))
                .chain(text.details.iter().map(|line| (line, palette.muted, "")))
                .chain(text.minimum.iter().map(|line| (line, palette.muted, "")));
            for (index, (line, fill, weight)) in styled.enumerate() {
                let line_y = top + LINE * index as i64 + LINE / 2;
                if index == text.title.len() + text.details.len() {
                    hourglass(
                        svg,
                        x - columns(line) as i64 * 3 - 10,
                        line_y,
                        palette.muted,
                    );
                }
                let _ = writeln!(
                    svg,
                    "<text x=\"{x}\" y=\"{line_y}\" text-anchor=\"middle\" dominant-baseline=\"central\" fill=\"{fill}\"{weight}>{}</text>",
                    escape(line)
                );
            }
            if *call {
                call_marker(svg, x, y + h / 2 - 4 - MARKER / 2, palette.ink);
            }
            escalation_notes(svg, notes, x - w / 2 + 2, y + h / 2 + 6, palette);
            let _ = writeln!(svg, "</g>");
        }
        Shape::Decision { lines } => {
            let _ = writeln!(
                svg,
                "<g class=\"decision\"><polygon points=\"{},{} {},{} {},{} {},{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.2\"/>",
                x,
                y - h / 2,
                x + w / 2,
                y,
                x,
                y + h / 2,
                x - w / 2,
                y,
                palette.decision,
                palette.ink
            );
            text_block(svg, lines, x, y, LINE, "", palette.ink);
            let _ = writeln!(svg, "</g>");
        }
        Shape::Bar { label } => {
            let _ = writeln!(
                svg,
                "<g class=\"bar\"><rect x=\"{}\" y=\"{}\" width=\"{w}\" height=\"{h}\" fill=\"{}\"/>",
                x - w / 2,
                y - h / 2,
                palette.bar
            );
            // Below a standing bar; left of a lying one, clear of its
            // edges (which leave from its middle) and of back edges
            // (which bow out to the right).
            let (label_x, label_y) = if h >= w {
                (x, y + h / 2 + 4 + SMALL_LINE * label.len() as i64 / 2)
            } else {
                let widest = label.iter().map(|line| columns(line)).max().unwrap_or(0);
                (x - w / 2 - 8 - widest as i64 * 3, y)
            };
            text_block(
                svg,
                label,
                label_x,
                label_y,
                SMALL_LINE,
                "font-size=\"11\"",
                palette.muted,
            );
            let _ = writeln!(svg, "</g>");
        }
        Shape::End { lines } => {
            let r = w / 2;
            let _ = writeln!(
                svg,
                "<g class=\"end\"><circle cx=\"{x}\" cy=\"{y}\" r=\"{r}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/><circle cx=\"{x}\" cy=\"{y}\" r=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"3\"/>",
                palette.end,
                palette.ink,
                r - 5,
                palette.ink
            );
            let top = y + r + 4;
            let middle = top + SMALL_LINE * lines.len() as i64 / 2;
            text_block(
                svg,
                lines,
                x,
                middle,
                SMALL_LINE,
                "font-weight=\"bold\"",
                palette.ink,
            );
            let _ = writeln!(svg, "</g>");
        }
    }
}

/// An hourglass centred on (`x`, `y`): two triangles, point to point.
fn hourglass(svg: &mut String, x: i64, y: i64, colour: &str) {
    let _ = write!(
        svg,
        "<path class=\"hourglass\" d=\"M{l},{t} L{r},{t} L{l},{b} L{r},{b} Z\" fill=\"{colour}\"/>",
        l = x - 4,
        r = x + 4,
        t = y - 6,
        b = y + 6,
    );
}

/// The call-activity marker of BPMN centred on (`x`, `y`): a small
/// square with `+`.
fn call_marker(svg: &mut String, x: i64, y: i64, colour: &str) {
    let half = MARKER / 2;
    let _ = write!(
        svg,
        "<g class=\"call-marker\"><rect x=\"{}\" y=\"{}\" width=\"{MARKER}\" height=\"{MARKER}\" fill=\"none\" stroke=\"{colour}\"/>\
         <path d=\"M{},{y} L{},{y} M{x},{} L{x},{}\" stroke=\"{colour}\"/></g>",
        x - half,
        y - half,
        x - half + 3,
        x + half - 3,
        y - half + 3,
        y + half - 3,
    );
}

/// Centred lines of text around (`x`, `y`).
fn text_block(
    svg: &mut String,
    lines: &[String],
    x: i64,
    y: i64,
    line_height: i64,
    attributes: &str,
    fill: &str,
) {
    let count = lines.len() as i64;
    for (index, line) in lines.iter().enumerate() {
        let line_y = y - line_height * (count - 1) / 2 + line_height * index as i64;
        let _ = writeln!(
            svg,
            "<text x=\"{x}\" y=\"{line_y}\" text-anchor=\"middle\" dominant-baseline=\"central\" fill=\"{fill}\" {attributes}>{}</text>",
            escape(line)
        );
    }
}

fn draw_legend(svg: &mut String, layout: &Layout, palette: &Palette, lang: Lang) {
    let top = layout.legend_top;
    let y = top + LEGEND_HEIGHT / 2;
    let ink = palette.ink;
    let muted = palette.muted;
    let _ = writeln!(
        svg,
        "<g class=\"legend\" font-size=\"11\"><rect x=\"{MARGIN}\" y=\"{top}\" width=\"{}\" height=\"{LEGEND_HEIGHT}\" fill=\"none\" stroke=\"{}\" rx=\"4\"/>",
        legend_width(layout.constructs),
        palette.lane_border
    );
    let mut x = MARGIN + 12;
    let label = |svg: &mut String, x: &mut i64, words: Text| {
        let text = words.render(lang);
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{y}\" dominant-baseline=\"central\" fill=\"{ink}\">{}</text>",
            *x,
            escape(&text)
        );
        *x += diagram::columns(&text) as i64 * 6 + 20;
    };
    legend_box(svg, (x, y), palette, "");
    x += 34;
    label(svg, &mut x, text!("legend-step"));
    let _ = writeln!(
        svg,
        "<polygon points=\"{},{} {},{} {},{} {},{}\" fill=\"{}\" stroke=\"{ink}\"/>",
        x + 12,
        y - 9,
        x + 24,
        y,
        x + 12,
        y + 9,
        x,
        y,
        palette.decision
    );
    x += 30;
    label(svg, &mut x, text!("legend-decision"));
    let _ = writeln!(
        svg,
        "<rect x=\"{x}\" y=\"{}\" width=\"5\" height=\"20\" fill=\"{}\"/>",
        y - 10,
        palette.bar
    );
    x += 11;
    label(svg, &mut x, text!("legend-countersign"));
    let _ = writeln!(
        svg,
        "<circle cx=\"{}\" cy=\"{y}\" r=\"8\" fill=\"{}\" stroke=\"{ink}\"/><circle cx=\"{}\" cy=\"{y}\" r=\"5\" fill=\"none\" stroke=\"{ink}\" stroke-width=\"2\"/>",
        x + 8,
        palette.end,
        x + 8
    );
    x += 22;
    label(svg, &mut x, text!("legend-end"));
    legend_line(
        svg,
        (x, y),
        muted,
        " stroke-dasharray=\"6 4\" marker-end=\"url(#arrow-muted)\"",
    );
    x += 36;
    label(svg, &mut x, text!("legend-rejection"));
    let _ = writeln!(
        svg,
        "<circle cx=\"{}\" cy=\"{y}\" r=\"5\" fill=\"none\" stroke=\"{muted}\"/><path d=\"M{},{} L{},{y} L{},{y}\" fill=\"none\" stroke=\"{muted}\"/>",
        x + 5,
        x + 5,
        y - 3,
        x + 5,
        x + 8
    );
    x += 14;
    label(svg, &mut x, text!("legend-escalation"));
    let constructs = layout.constructs;
    x = MARGIN + LEGEND_WIDTH;
    if constructs.call {
        legend_box(svg, (x, y), palette, " stroke-width=\"3\"");
        x += 34;
        label(svg, &mut x, text!("legend-call"));
    }
    if constructs.minimum {
        hourglass(svg, x + 4, y, muted);
        x += 14;
        label(svg, &mut x, text!("legend-at-least"));
    }
    if constructs.timeout {
        legend_line(
            svg,
            (x, y),
            ink,
            " stroke-dasharray=\"2 3\" stroke-width=\"1.6\" marker-end=\"url(#arrow)\"",
        );
        x += 36;
        label(svg, &mut x, text!("legend-timeout"));
    }
    let _ = writeln!(svg, "</g>");
}

/// A short arrow of the legend from (`x`, `y`), with `extra` attributes.
fn legend_line(svg: &mut String, (x, y): (i64, i64), colour: &str, extra: &str) {
    let _ = writeln!(
        svg,
        "<line x1=\"{x}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{colour}\"{extra}/>",
        x + 30
    );
}

/// A small box of the legend, its left end at `x`, centred on `y`, with
/// `extra` attributes.
fn legend_box(svg: &mut String, (x, y): (i64, i64), palette: &Palette, extra: &str) {
    let _ = writeln!(
        svg,
        "<rect x=\"{x}\" y=\"{}\" width=\"28\" height=\"16\" rx=\"4\" fill=\"{}\" stroke=\"{}\"{extra}/>",
        y - 8,
        palette.step,
        palette.ink
    );
}

/// Escapes text for SVG/XML text and attribute values; control characters
/// are dropped.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}
