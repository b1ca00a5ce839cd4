//! The built-in diagram engine: a swimlane layout drawn as SVG in pure
//! Rust, for machines without Graphviz.
//!
//! The layout is the one a process chart needs, not a general graph
//! layout: one lane per owner (in [`diagram::Arrangement`] order), items
//! in columns along the flow, edges drawn as lines with right-angled
//! corners in the channels between the columns and along the edges of the
//! lanes, never through a shape (see [`layout`]). Everything is computed
//! in integers, so the same process always gives the same bytes.

use std::collections::BTreeSet;
use std::fmt::Write;

mod layout;

use crate::check::CheckedProject;
use crate::emit::arranged::{Caption, PlacedEdge, PlacedLane, PlacedShape, Placement};
use crate::emit::diagram::{self, Constructs, DiagramOptions, Direction, Palette, columns};
use crate::emit::marks::{Mark, Marks, Note};
use crate::i18n::{Lang, Text};
use crate::model::{Process, Project};
use crate::text;

pub use layout::FONT;
use layout::{LINE, Layout, MARGIN, MARKER, Placed, Route, SMALL_FONT, SMALL_LINE, Shape};

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
/// changes (`flowc diff --emit svg`): marked items framed in their mark's
/// colour, nodes and edges of the older version placed by the layout like
/// the others and struck through, notes beside the nodes and under the
/// title.
pub fn render_marked(
    project: &Project,
    process: &Process,
    options: DiagramOptions,
    marks: &Marks,
) -> String {
    let layout = Layout::of(project, process, (options.direction, options.lang), marks);
    draw(process, &layout, options, marks)
}

/// The centre of a fork bar's wrapped title `label`, for a bar centred at
/// `(x, y)` of size `(w, h)`: below a standing bar, right of a lying one,
/// in the room the layout keeps for it, clear of the bar's edges (which
/// leave and enter at its middle). Both engines put the title there.
pub(crate) fn bar_title_centre(
    (x, y): (i64, i64),
    (w, h): (i64, i64),
    label: &[String],
) -> (i64, i64) {
    if h >= w {
        (x, y + h / 2 + 4 + SMALL_LINE * label.len() as i64 / 2)
    } else {
        (x + w / 2 + 8 + layout::widest(label, SMALL_FONT) / 2, y)
    }
}

/// Where the built-in layout puts the shapes, edges and lanes of
/// `process` when its shapes have the sizes `sizes` (by DOT node name, in
/// points, as Graphviz measured them): the arrangement the Graphviz
/// engine draws ([`crate::emit::arranged`]).
pub(crate) fn placement(
    project: &Project,
    process: &Process,
    options: DiagramOptions,
    sizes: &std::collections::BTreeMap<String, (f64, f64)>,
) -> Placement {
    let name = |index: usize| match process.nodes.get(index) {
        Some(node) => node.name.clone(),
        None => crate::ir::start_id(process),
    };
    let by_index = (0..=process.nodes.len())
        .filter_map(|index| {
            let &(width, height) = sizes.get(&name(index))?;
            Some((index, (width.ceil() as i64, height.ceil() as i64)))
        })
        .collect();
    let layout = Layout::of_sized(
        project,
        process,
        (options.direction, options.lang),
        &Marks::default(),
        &by_index,
    );
    let point = |(x, y): (i64, i64)| (x as f64, y as f64);
    Placement {
        nodes: layout
            .items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let caption = match &item.shape {
                    Shape::Bar { label } if !label.is_empty() => Some(Caption {
                        lines: label.clone(),
                        centre: point(bar_title_centre(
                            (item.x, item.y),
                            (item.width, item.height),
                            label,
                        )),
                    }),
                    _ => None,
                };
                let shape = PlacedShape {
                    centre: point((item.x, item.y)),
                    size: point((item.width, item.height)),
                    caption,
                };
                (name(index), shape)
            })
            .collect(),
        edges: layout
            .routes
            .iter()
            .map(|route| PlacedEdge {
                tail: name(route.from),
                head: name(route.to),
                timeout: route.timeout,
                points: route.points.iter().copied().map(point).collect(),
                label_at: route.label_at.map(point),
            })
            .collect(),
        lanes: layout
            .lanes
            .iter()
            .map(|lane| PlacedLane {
                title: lane.title.clone(),
                start: lane.start as f64,
                size: lane.size as f64,
                from: lane.from as f64,
                to: lane.to as f64,
            })
            .collect(),
        header: layout.header as f64,
        lanes_to: layout.lanes_to as f64,
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
        .map(|note| layout::widest(&note.lines, 12) + 2 * MARGIN)
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
        draw_route(&mut svg, route, &palette);
    }
    for route in layout.routes.iter().filter(|route| route.secondary) {
        draw_route(&mut svg, route, &palette);
    }
    for item in &layout.items {
        match item.mark {
            None => draw_item(&mut svg, item, &palette, options.lang),
            Some(mark) => draw_marked_item(&mut svg, item, mark, &palette, options.lang),
        }
        draw_notes(&mut svg, item, layout.direction, palette.background);
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

/// The notes of a diagram of changes beside an item, in the room the
/// layout keeps for them (under it left to right, right of it top to
/// bottom), on a backing, each in its mark's colour and struck through
/// when it is a line of the older version.
fn draw_notes(svg: &mut String, item: &Placed, direction: Direction, background: &str) {
    let (width, height) = layout::notes_size(&item.notes);
    if height == 0 {
        return;
    }
    let spread = item.width.max(item.label_width);
    let (left, top) = match direction {
        Direction::LeftRight => (
            item.x - spread / 2,
            item.y + item.height / 2 + item.notes_at + layout::NOTE_GAP,
        ),
        Direction::TopBottom => (
            item.x + spread / 2 + item.notes_at + layout::NOTE_GAP,
            item.y - item.height / 2,
        ),
    };
    let _ = writeln!(
        svg,
        "<rect class=\"note-back\" x=\"{left}\" y=\"{top}\" width=\"{width}\" height=\"{height}\" rx=\"3\" fill=\"{background}\" opacity=\"0.85\"/>",
    );
    let mut y = top + 2 + SMALL_LINE / 2;
    for note in &item.notes {
        let _ = write!(svg, "<g class=\"change {}\">", note.kind);
        for line in &note.lines {
            let _ = write!(
                svg,
                "<text x=\"{}\" y=\"{y}\" dominant-baseline=\"central\" font-size=\"11\" fill=\"{}\"{}>{}</text>",
                left + 4,
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
    draw_lane_guides(svg, layout, palette);
    let _ = writeln!(svg, "<g class=\"lanes\">");
    for (index, lane) in layout.lanes.iter().enumerate() {
        let fill = palette.lanes[index % 2];
        let length = lane.to - lane.from;
        let (x, y, w, h) = if horizontal {
            (lane.from, lane.start, length, lane.size)
        } else {
            (lane.start, lane.from, lane.size, length)
        };
        let _ = writeln!(
            svg,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"{fill}\" stroke=\"{}\"/>",
            palette.lane_border
        );
        let (hx, hy, hw, hh) = if horizontal {
            (x, y, layout.header, h)
        } else {
            (x, y, w, layout.header)
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

/// A faint line along every side of every lane the whole length of the
/// lanes, so a lane cut to its content still reads as one band.
fn draw_lane_guides(svg: &mut String, layout: &Layout, palette: &Palette) {
    let horizontal = layout.direction == Direction::LeftRight;
    let sides: BTreeSet<i64> = layout
        .lanes
        .iter()
        .flat_map(|lane| [lane.start, lane.start + lane.size])
        .collect();
    let _ = writeln!(
        svg,
        "<g class=\"lane-guides\" stroke=\"{}\" stroke-width=\"0.6\" stroke-dasharray=\"2 5\">",
        palette.lane_border
    );
    for side in sides {
        let (x1, y1, x2, y2) = if horizontal {
            (layout.lanes_from, side, layout.lanes_to, side)
        } else {
            (side, layout.lanes_from, side, layout.lanes_to)
        };
        let _ = writeln!(
            svg,
            "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\"/>"
        );
    }
    let _ = writeln!(svg, "</g>");
}

fn draw_route(svg: &mut String, route: &Route, palette: &Palette) {
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
    let mut path = String::new();
    for (index, (x, y)) in route.points.iter().enumerate() {
        let _ = write!(path, "{}{x},{y}", if index == 0 { "M" } else { " L" });
    }
    let _ = writeln!(
        svg,
        "<path class=\"{class}\" d=\"{path}\" fill=\"none\" stroke=\"{colour}\"{extra} stroke-linejoin=\"round\" marker-end=\"url(#{marker})\"/>",
    );
    if let Some((x, y)) = route.label_at {
        let (width, height) = layout::label_size(&route.label);
        let _ = writeln!(
            svg,
            "<rect class=\"edge-label\" x=\"{}\" y=\"{}\" width=\"{width}\" height=\"{height}\" rx=\"3\" fill=\"{}\" opacity=\"0.9\"/>",
            x - width / 2,
            y - height / 2,
            palette.background
        );
        let attributes = if route.mark == Some(Mark::Removed) {
            "font-size=\"11\" text-decoration=\"line-through\""
        } else {
            "font-size=\"11\""
        };
        text_block(svg, &route.label, x, y, SMALL_LINE, attributes, colour);
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
            let text_end = y - h / 2 + 14 + LINE * text.len() as i64;
            if *call {
                call_marker(svg, x, text_end + MARKER / 2, palette.ink);
            }
            if !notes.is_empty() {
                // The notes are the box's last part, under a rule.
                let rule = text_end + if *call { MARKER + 4 } else { 0 } + 2;
                let _ = write!(
                    svg,
                    "<line x1=\"{}\" y1=\"{rule}\" x2=\"{}\" y2=\"{rule}\" stroke=\"{}\" stroke-dasharray=\"2 2\"/>",
                    x - w / 2 + 6,
                    x + w / 2 - 6,
                    palette.muted
                );
                escalation_notes(svg, notes, x - w / 2 + 6, rule + 4, palette);
            }
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
            let (label_x, label_y) = bar_title_centre((x, y), (w, h), label);
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
