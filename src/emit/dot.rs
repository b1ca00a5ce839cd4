//! Graphviz DOT diagrams: one swimlane per owner, built as graphviz-rust's
//! syntax tree so no label can break the file, and written as its printer
//! writes it ([`crate::emit::dot_text`]). What the
//! picture shows (lanes, box text, wrapping, themes) comes from
//! [`crate::emit::diagram`], shared with the built-in engine.
//!
//! [`marked_diagram`] draws the same diagram with [`Marks`]: elements
//! added in green, changed in amber, and elements of an older version drawn
//! in red, dashed and struck through (`flowc diff --emit`).

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};

use std::collections::BTreeMap;

use crate::check::CheckedProject;
use crate::emit::diagram::{self, Arrangement, DiagramOptions, Direction, Palette, WRAP_COLUMNS};
pub use crate::emit::marks::{Mark, Marks, Note, RemovedEdge, RemovedNode};
use crate::i18n::{Lang, Text};
use crate::ir::start_id;
use crate::model::{self, EdgeKind, NodeKind, Process, Project};
use crate::text;

/// The DOT text of every process of the project, with the process names,
/// drawn with the default options.
pub fn documents(checked: &CheckedProject<'_>) -> Vec<(String, String)> {
    documents_with(checked, DiagramOptions::default())
}

/// The DOT text of every process of the project, drawn with `options`,
/// the processes drawn in parallel.
pub(crate) fn documents_with(
    checked: &CheckedProject<'_>,
    options: DiagramOptions,
) -> Vec<(String, String)> {
    use rayon::prelude::*;
    let project = checked.project();
    project
        .processes
        .par_iter()
        .map(|process| (process.name.clone(), render(project, process, options)))
        .collect()
}

/// The DOT text of one process of a checked project, with marks, drawn
/// with `options`.
pub(crate) fn marked_diagram(
    checked: &CheckedProject<'_>,
    process: &Process,
    marks: &Marks,
    options: DiagramOptions,
) -> String {
    diagram(checked.project(), process, options, marks)
}

/// The DOT text of one process.
pub fn render(project: &Project, process: &Process, options: DiagramOptions) -> String {
    diagram(project, process, options, &Marks::default())
}

/// The DOT text of one process, with marks.
fn diagram(project: &Project, process: &Process, options: DiagramOptions, marks: &Marks) -> String {
    let graph = Graph::DiGraph {
        id: quoted(&process.name),
        strict: false,
        stmts: statements(project, process, options, marks),
    };
    let mut text = crate::emit::dot_text::print(&graph);
    text.push('\n');
    text
}

fn statements(
    project: &Project,
    process: &Process,
    options: DiagramOptions,
    marks: &Marks,
) -> Vec<Stmt> {
    let palette = options.theme.palette();
    let title = header(process, marks, &palette);
    let lang = options.lang;
    let fonts = diagram::font_families(lang).join(",");
    let rankdir = match options.direction {
        Direction::LeftRight => "LR",
        Direction::TopBottom => "TB",
    };
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            title,
            attr("labelloc", "t"),
            attr("rankdir", rankdir),
            attr("fontname", &fonts),
            attr("fontcolor", palette.ink),
            attr("bgcolor", palette.background),
            attr("newrank", "true"),
            // Ranks and nodes closer than Graphviz's defaults (0.5 and
            // 0.25 inch): lanes are as long as their content and no longer
            // (see `crate::emit::lanes`), and the gaps are most of it.
            attr("ranksep", "0.2"),
            attr("nodesep", "0.15"),
        ])),
        node_defaults(&fonts, &palette),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", &fonts),
            attr("fontcolor", palette.ink),
            attr("color", palette.ink),
        ])),
    ];
    if let Some(note) = &process.note {
        stmts.push(Stmt::GAttribute(GraphAttributes::Graph(vec![attr(
            "tooltip",
            &note.text.text,
        )])));
    }
    stmts.extend(nodes(project, process, options, marks));
    if let Some(first) = process.start.as_ref().and_then(|start| start.target) {
        stmts.push(edge(
            &start_id(process),
            &process.node(first).name,
            Vec::new(),
        ));
    }
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut timeouts = Vec::new();
    for model_edge in &process.edges {
        let Stmt::Edge(mut drawn) = edge_statement(process, model_edge, &palette, lang) else {
            continue;
        };
        let pair = (
            process.node(model_edge.from).name.clone(),
            process.node(model_edge.to).name.clone(),
        );
        let index = seen.entry(pair.clone()).or_insert(0);
        if let Some(mark) = marks.edges.get(&(pair.0, pair.1, *index)) {
            drawn.attributes.extend(mark_attributes(*mark, false));
        }
        *index += 1;
        // Timeouts last: Graphviz then lays a timeout beside an outcome
        // to the same node on the outer side, where its longer label does
        // not cross the outcome's edge.
        if matches!(model_edge.kind, EdgeKind::Timeout(_)) {
            timeouts.push(Stmt::Edge(drawn));
        } else {
            stmts.push(Stmt::Edge(drawn));
        }
    }
    stmts.extend(timeouts);
    for removed in &marks.removed_edges {
        let mut attributes = mark_attributes(Mark::Removed, false);
        if let Some(label) = &removed.label {
            attributes.push(struck("label", std::slice::from_ref(label)));
        }
        stmts.push(edge(&removed.from, &removed.to, attributes));
    }
    stmts.extend(outside_notes(process, marks));
    stmts.push(legend(process, &palette, lang));
    stmts
}

/// What every node is unless it says otherwise: a rounded box in the
/// step colour, its words in `fonts`.
pub(super) fn node_defaults(fonts: &str, palette: &Palette) -> Stmt {
    Stmt::GAttribute(GraphAttributes::Node(vec![
        attr("fontname", fonts),
        attr("fontcolor", palette.ink),
        attr("color", palette.ink),
        attr("shape", "box"),
        attr("style", "rounded,filled"),
        attr("fillcolor", palette.step),
    ]))
}

/// A legend in its own cluster: the shapes and line styles used (a
/// call, a minimum period and a timeout only where the process has one).
fn legend(process: &Process, palette: &Palette, lang: Lang) -> Stmt {
    let words = |id: &'static str| Text::new(id).render(lang);
    let item = |id: &str, label: String, extra: Vec<Attribute>| {
        let lines: Vec<String> = label.split('\n').map(str::to_string).collect();
        let mut attributes = vec![multiline("label", &lines)];
        attributes.extend(extra);
        Stmt::Node(Node::new(node_id(id), attributes))
    };
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(cluster_tooltip(
            process,
            vec![
                attr("label", &words("legend")),
                attr("style", "dashed"),
                attr("color", palette.muted),
            ],
        ))),
        item("legend.step", words("legend-step-lines"), Vec::new()),
        item(
            "legend.decision",
            words("legend-decision"),
            vec![
                attr("shape", "diamond"),
                attr("fillcolor", palette.decision),
                attr("style", "filled"),
            ],
        ),
        item(
            "legend.end",
            words("legend-end"),
            vec![
                attr("shape", "doublecircle"),
                attr("fillcolor", palette.end),
                attr("style", "filled"),
            ],
        ),
        item(
            "legend.escalation",
            words("legend-escalation-note"),
            vec![attr("shape", "note"), attr("style", "solid")],
        ),
        edge(
            "legend.step",
            "legend.decision",
            vec![attr("label", &words("legend-next"))],
        ),
        edge(
            "legend.decision",
            "legend.end",
            vec![
                attr("label", &words("legend-rejection")),
                attr("style", "dashed"),
                attr("color", palette.muted),
                attr("fontcolor", palette.muted),
            ],
        ),
    ];
    let present = diagram::Constructs::of(process);
    if present.call {
        let label = table_label(&[words("legend-call")], &[], true, palette);
        stmts.push(Stmt::Node(Node::new(
            node_id("legend.call"),
            vec![
                Attribute(Id::Plain("label".to_string()), Id::Html(label)),
                attr("penwidth", "3"),
            ],
        )));
    }
    if present.minimum {
        let label = table_label(&[], &[words("legend-at-least")], false, palette);
        stmts.push(Stmt::Node(Node::new(
            node_id("legend.minimum"),
            vec![Attribute(Id::Plain("label".to_string()), Id::Html(label))],
        )));
    }
    if present.timeout {
        stmts.push(edge(
            "legend.step",
            "legend.end",
            vec![
                attr("label", &words("legend-timeout-edge")),
                attr("style", "dotted"),
                attr("penwidth", "1.6"),
            ],
        ));
    }
    Stmt::Subgraph(Subgraph {
        id: Id::Plain("cluster_legend".to_string()),
        stmts,
    })
}

/// A cluster's attributes with, when the process has a note (the graph's
/// tooltip, which clusters would inherit), an empty tooltip: a lane or
/// the legend is no link, and its shapes stay plain children of its group
/// in the SVG Graphviz writes (as `.ci/graphviz/lane_order.py` reads them).
fn cluster_tooltip(process: &Process, mut attributes: Vec<Attribute>) -> Vec<Attribute> {
    if process.note.is_some() {
        attributes.push(attr("tooltip", ""));
    }
    attributes
}

/// A node with its mark's colours.
fn marked(mut node: Node, mark: Option<&Mark>) -> Node {
    if let Some(mark) = mark {
        node.attributes.extend(mark_attributes(*mark, true));
    }
    node
}

/// The colours of a mark; nodes get a fill too.
pub(super) fn mark_attributes(mark: Mark, node: bool) -> Vec<Attribute> {
    let (line, fill) = mark.colours();
    let mut attributes = vec![attr("color", line), attr("penwidth", "2")];
    if mark == Mark::Removed {
        attributes.push(attr("fontcolor", line));
        attributes.push(attr(
            "style",
            if node {
                "rounded,dashed,filled"
            } else {
                "dashed"
            },
        ));
    }
    if node {
        attributes.push(attr("fillcolor", fill));
    }
    attributes
}

/// A node of an older version: its lines struck through, in red, and
/// the notes about it.
fn removed_node(node: &RemovedNode, marks: &Marks) -> Node {
    let mut lines: Vec<String> = node
        .lines
        .iter()
        .map(|line| format!("<S>{}</S>", html_escape(line)))
        .collect();
    lines.extend(note_lines(marks.notes.get(&node.name), NOTE_COLUMNS));
    let mut attributes = vec![Attribute(
        Id::Plain("label".to_string()),
        Id::Html(format!("<<FONT>{}</FONT>>", lines.join("<BR/>"))),
    )];
    attributes.extend(mark_attributes(Mark::Removed, true));
    Node::new(node_id(&node.name), attributes)
}

/// The title of a diagram: the process's title and, in a diagram of
/// changes, the legend (`caption`) and the changes of the process as a
/// whole under it.
fn header(process: &Process, marks: &Marks, palette: &Palette) -> Attribute {
    let title = diagram::process_title(process);
    if marks.caption.is_none() && marks.header.is_empty() {
        return attr("label", &title);
    }
    let mut lines = vec![format!("<B>{}</B>", html_escape(&title))];
    lines.extend(marks.caption.iter().map(|caption| {
        format!(
            "<FONT POINT-SIZE=\"11\" COLOR=\"{}\">{}</FONT>",
            palette.ink,
            html_escape(caption)
        )
    }));
    lines.extend(note_lines(Some(&marks.header), 100));
    Attribute(
        Id::Plain("label".to_string()),
        Id::Html(format!("<<FONT>{}</FONT>>", lines.join("<BR/>"))),
    )
}

/// Columns the notes of a diagram of changes beside a node are wrapped at.
const NOTE_COLUMNS: usize = 40;

/// The lines of notes of a diagram of changes as HTML-like text, wrapped
/// at `width` columns: each in its mark's colour, struck through when it
/// is a line of the older version.
pub(super) fn note_lines(notes: Option<&Vec<Note>>, width: usize) -> Vec<String> {
    notes
        .into_iter()
        .flatten()
        .flat_map(|note| {
            let (colour, _) = note.mark.colours();
            diagram::wrap_all(&note.lines, width)
                .into_iter()
                .map(move |line| {
                    let line = html_escape(&line);
                    let line = if note.struck {
                        format!("<S>{line}</S>")
                    } else {
                        line
                    };
                    format!("<FONT POINT-SIZE=\"10\" COLOR=\"{colour}\">{line}</FONT>")
                })
        })
        .collect()
}

/// The notes of nodes drawn without an HTML-like label (decisions, bars,
/// ends): an outside label (`xlabel`) of the node.
fn outside_notes(process: &Process, marks: &Marks) -> Vec<Stmt> {
    process
        .nodes
        .iter()
        .filter(|node| !matches!(node.kind, NodeKind::Step(_) | NodeKind::Call(_)))
        .filter_map(|node| {
            let lines = note_lines(marks.notes.get(&node.name), NOTE_COLUMNS);
            (!lines.is_empty()).then(|| {
                Stmt::Node(Node::new(
                    node_id(&node.name),
                    vec![Attribute(
                        Id::Plain("xlabel".to_string()),
                        Id::Html(format!("<<FONT>{}</FONT>>", lines.join("<BR/>"))),
                    )],
                ))
            })
        })
        .collect()
}

/// An HTML-like label whose lines are struck through.
fn struck(key: &str, lines: &[String]) -> Attribute {
    let html: Vec<String> = lines
        .iter()
        .map(|line| format!("<S>{}</S>", html_escape(line)))
        .collect();
    Attribute(
        Id::Plain(key.to_string()),
        Id::Html(format!("<{}>", html.join("<BR/>"))),
    )
}

/// Every node: one cluster per owner (a swimlane), from the top of the
/// reporting lines down, holding the nodes the [`Arrangement`] puts in it
/// (steps, and the start, decisions, bars and ends beside them) and the
/// removed steps that owner had; removed steps whose owner has no lane
/// come after the lanes. Without owners there are no lanes.
///
/// Each lane also holds two invisible anchors, one on the first rank and
/// one on the last, so every lane spans the whole flow: lanes are
/// full-width bands (full-height columns top to bottom) that never sit
/// side by side. Graphviz still chooses the order of the bands;
/// [`crate::emit::lanes`] restacks them for flowc's own rendering.
fn nodes(
    project: &Project,
    process: &Process,
    options: DiagramOptions,
    marks: &Marks,
) -> Vec<Stmt> {
    let palette = &options.theme.palette();
    let arrangement = Arrangement::of(project, process);
    let lang = options.lang;
    let start = start_node(process, palette, lang);
    let shapes = process.nodes.iter().map(|node| {
        let drawn = match node.kind {
            NodeKind::Step(_) | NodeKind::Call(_) => {
                step_box(project, node, palette, lang, marks.notes.get(&node.name))
            }
            _ => shape(node, palette, options.direction),
        };
        Stmt::Node(marked(drawn, marks.nodes.get(&node.name)))
    });
    let owners = &arrangement.owners;
    if owners.is_empty() {
        let mut stmts = vec![start];
        stmts.extend(shapes);
        stmts.extend(
            marks
                .removed_nodes
                .iter()
                .map(|removed| Stmt::Node(removed_node(removed, marks))),
        );
        return stmts;
    }
    let mut lanes: Vec<Vec<Stmt>> = owners
        .iter()
        .enumerate()
        .map(|(index, owner)| {
            vec![
                Stmt::GAttribute(GraphAttributes::Graph(cluster_tooltip(
                    process,
                    vec![
                        attr("label", &owner.title(project, lang)),
                        attr("labeljust", "l"),
                        attr("style", "filled"),
                        attr("fillcolor", palette.lanes[index % 2]),
                        attr("color", palette.lane_border),
                    ],
                ))),
                Stmt::Node(anchor(&lane_anchor(index, "head"))),
                Stmt::Node(anchor(&lane_anchor(index, "tail"))),
            ]
        })
        .collect();
    let lane_of = |item: usize| arrangement.lanes.get(item).copied().unwrap_or(0);
    lanes[lane_of(arrangement.start)].push(start);
    for (index, shape) in shapes.enumerate() {
        lanes[lane_of(index)].push(shape);
    }
    let mut unlaned = Vec::new();
    for removed in &marks.removed_nodes {
        let lane = owners
            .iter()
            .position(|owner| removed.owner.as_deref() == Some(owner.text(project).as_str()));
        match lane {
            Some(lane) => lanes[lane].push(Stmt::Node(removed_node(removed, marks))),
            None => unlaned.push(Stmt::Node(removed_node(removed, marks))),
        }
    }
    let mut stmts: Vec<Stmt> = lanes
        .into_iter()
        .enumerate()
        .map(|(index, stmts)| {
            Stmt::Subgraph(Subgraph {
                id: Id::Plain(format!("cluster_lane_{index}")),
                stmts,
            })
        })
        .collect();
    stmts.extend(unlaned);
    for (name, rank, end) in [("lane_heads", "min", "head"), ("lane_tails", "max", "tail")] {
        let mut anchors = vec![Stmt::GAttribute(GraphAttributes::Graph(vec![attr(
            "rank", rank,
        )]))];
        anchors.extend(
            (0..owners.len())
                .map(|index| Stmt::Node(Node::new(node_id(&lane_anchor(index, end)), Vec::new()))),
        );
        stmts.push(Stmt::Subgraph(Subgraph {
            id: Id::Plain(name.to_string()),
            stmts: anchors,
        }));
    }
    stmts.extend(anchor_edges(process, &arrangement));
    stmts
}

/// Invisible edges from each lane's head anchor to its first item (in
/// rank order) and from its last item to its tail anchor. They join the
/// anchors to the process, so `rank=min` and `rank=max` place them on the
/// first and last rank of the whole flow (a part of the graph joined to
/// nothing is ranked on its own); `minlen=0` lets the head share the
/// first item's rank.
fn anchor_edges(process: &Process, arrangement: &Arrangement) -> Vec<Stmt> {
    let name = |item: usize| match process.nodes.get(item) {
        Some(node) => node.name.clone(),
        None => start_id(process),
    };
    // Per lane, its first and last item as (rank, item).
    let mut first: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    let mut last: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for (item, &lane) in arrangement.lanes.iter().enumerate() {
        let key = (arrangement.ranks[item], item);
        first
            .entry(lane)
            .and_modify(|k| *k = (*k).min(key))
            .or_insert(key);
        last.entry(lane)
            .and_modify(|k| *k = (*k).max(key))
            .or_insert(key);
    }
    let hidden = || vec![attr("style", "invis"), attr("minlen", "0")];
    first
        .into_iter()
        .zip(last)
        .flat_map(|((lane, (_, first)), (_, (_, last)))| {
            [
                edge(&lane_anchor(lane, "head"), &name(first), hidden()),
                edge(&name(last), &lane_anchor(lane, "tail"), hidden()),
            ]
        })
        .collect()
}

/// The name of a lane's anchor: `lane.0.head`, `lane.0.tail` (node names
/// of a process cannot hold a dot, so these never clash).
pub(crate) fn lane_anchor(lane: usize, end: &str) -> String {
    format!("lane.{lane}.{end}")
}

/// Whether `name` is the name of a lane's anchor ([`lane_anchor`]).
pub fn is_lane_anchor(name: &str) -> bool {
    name.strip_prefix("lane.")
        .and_then(|rest| rest.split_once('.'))
        .is_some_and(|(lane, end)| {
            !lane.is_empty()
                && lane.bytes().all(|b| b.is_ascii_digit())
                && matches!(end, "head" | "tail")
        })
}

/// An invisible point that takes no room.
fn anchor(name: &str) -> Node {
    Node::new(
        node_id(name),
        vec![
            attr("shape", "point"),
            attr("style", "invis"),
            attr("width", "0"),
            attr("height", "0"),
            attr("label", ""),
        ],
    )
}

/// The start circle.
fn start_node(process: &Process, palette: &Palette, lang: Lang) -> Stmt {
    Stmt::Node(Node::new(
        node_id(&start_id(process)),
        vec![
            attr("shape", "circle"),
            attr("label", &text!("diagram-start").render(lang)),
            attr("style", "filled"),
            attr("fillcolor", palette.start),
        ],
    ))
}

/// The lines a node's box shows: its label (or name), and for a step its
/// owner, deadline and escalations.
pub(crate) fn node_lines(project: &Project, node: &model::Node, lang: Lang) -> Vec<String> {
    let mut lines = diagram::step_lines(project, node, lang);
    lines.extend(
        diagram::escalation_notes(project, node, lang)
            .into_iter()
            .map(|note| text!("diagram-escalate", note = note).render(lang)),
    );
    lines
}

/// A step or call, as an HTML-like label: its label in bold (every line
/// of it), owner (for a call, the process it calls) and deadline,
/// wrapped, and its escalations as small notes under them, each marked
/// `escalate:` once however many lines it wraps to. A minimum period is a
/// line after an hourglass (two triangles, point to point); a call has a
/// thick border and the call-activity marker of BPMN, a small square with
/// `+`, at the bottom centre. Its note is the box's tooltip.
fn step_box(
    project: &Project,
    node: &model::Node,
    palette: &Palette,
    lang: Lang,
    notes: Option<&Vec<Note>>,
) -> Node {
    let text = diagram::box_text(project, node, WRAP_COLUMNS, lang);
    let mut lines: Vec<String> = text
        .title
        .iter()
        .map(|line| format!("<B>{}</B>", html_escape(line)))
        .collect();
    lines.extend(text.details.iter().map(|line| html_escape(line)));
    let minimum: Vec<String> = text.minimum.iter().map(|line| html_escape(line)).collect();
    for note in diagram::wrapped_escalation_notes(project, node, 34, lang) {
        for (index, line) in note.iter().enumerate() {
            let line = if index == 0 {
                text!("diagram-escalate", note = line).render(lang)
            } else {
                line.clone()
            };
            lines.push(format!(
                "<FONT POINT-SIZE=\"10\" COLOR=\"{}\"><I>{}</I></FONT>",
                palette.muted,
                html_escape(&line)
            ));
        }
    }
    lines.extend(note_lines(notes, NOTE_COLUMNS));
    let is_call = matches!(node.kind, NodeKind::Call(_));
    // Wrapped in FONT (or a TABLE) so the label ends with a tag, as
    // graphviz-rust's parser expects of HTML-like labels.
    let html = if minimum.is_empty() && !is_call {
        format!(
            "<<FONT COLOR=\"{}\">{}</FONT>>",
            palette.ink,
            lines.join("<BR/>")
        )
    } else {
        table_label(&lines, &minimum, is_call, palette)
    };
    let mut attributes = vec![Attribute(Id::Plain("label".to_string()), Id::Html(html))];
    if is_call {
        attributes.push(attr("penwidth", "3"));
    }
    if let Some(note) = diagram::node_note(node) {
        attributes.push(attr("tooltip", note));
    }
    Node::new(node_id(&node.name), attributes)
}

/// A box's lines as an HTML-like table: one row per line, then the
/// minimum period after an hourglass and, for a call, the call-activity
/// marker.
fn table_label(lines: &[String], minimum: &[String], is_call: bool, palette: &Palette) -> String {
    let ink = palette.ink;
    let mut rows: Vec<String> = lines
        .iter()
        .map(|line| format!("<TR><TD COLSPAN=\"2\"><FONT COLOR=\"{ink}\">{line}</FONT></TD></TR>"))
        .collect();
    if !minimum.is_empty() {
        rows.push(format!(
            "<TR><TD ALIGN=\"RIGHT\"><FONT POINT-SIZE=\"7\" COLOR=\"{ink}\">{HOURGLASS}</FONT></TD>\
             <TD ALIGN=\"LEFT\"><FONT COLOR=\"{ink}\">{}</FONT></TD></TR>",
            minimum.join("<BR/>")
        ));
    }
    if is_call {
        rows.push(format!(
            "<TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"14\" COLOR=\"{ink}\">{CALL_MARKER}</FONT></TD></TR>"
        ));
    }
    format!(
        "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">{}</TABLE>>",
        rows.concat()
    )
}

/// The call-activity marker of BPMN, a square with `+` (U+229E, in
/// DejaVu Sans and the usual system symbol fonts).
const CALL_MARKER: &str = "\u{229E}";

/// An hourglass in text every CJK or DejaVu font has: a downward
/// triangle over an upward one.
const HOURGLASS: &str = "\u{25BC}<BR/>\u{25B2}";

/// Escapes text for a Graphviz HTML-like label.
pub(super) fn html_escape(text: &str) -> String {
    crate::emit::replace_chars(text, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        c if c.is_control() => Some(""),
        _ => None,
    })
}

/// The columns an end's text is wrapped at: when it is longer than three
/// CJK characters, about half its width, in
/// whole pairs of CJK characters (four columns), so it takes two lines
/// and a word of two characters stays whole (`任免 / 生效`,
/// `營銷周期 / 結束`). The circle around the text is as wide as its widest
/// line, so two lines make a smaller circle, and a thinner lane.
fn end_columns(text: &str) -> usize {
    let columns = diagram::columns(text);
    if columns <= 6 {
        // Three CJK characters or fewer (`已支付`) stay on one line.
        return columns.max(1);
    }
    let half = columns.div_ceil(2);
    half.div_ceil(4).max(1) * 4
}

/// Decisions, parallel bars and ends.
fn shape(node: &model::Node, palette: &Palette, direction: Direction) -> Node {
    let title = diagram::node_title(node);
    let attributes = match node.kind {
        NodeKind::Decision => vec![
            attr("shape", "diamond"),
            attr("style", "filled"),
            attr("fillcolor", palette.decision),
            multiline("label", &diagram::wrap(&title, 14)),
        ],
        NodeKind::Parallel { .. } | NodeKind::Join { .. } => {
            // A bar lies across the flow: upright left to right, flat top
            // to bottom.
            let across = direction == Direction::TopBottom;
            let mut bar = vec![
                attr("shape", "box"),
                attr("style", "filled"),
                attr("fillcolor", palette.bar),
                attr("label", ""),
                attr("width", if across { "0.8" } else { "0.08" }),
                attr("height", if across { "0.08" } else { "0.8" }),
            ];
            if matches!(node.kind, NodeKind::Parallel { .. }) {
                bar.push(attr("xlabel", &title));
            }
            bar
        }
        NodeKind::End => vec![
            attr("shape", "doublecircle"),
            attr("style", "filled"),
            attr("fillcolor", palette.end),
            attr("penwidth", "2"),
            multiline("label", &diagram::wrap(&title, end_columns(&title))),
        ],
        NodeKind::Step(_) | NodeKind::Call(_) => vec![attr("label", &title)],
    };
    Node::new(node_id(&node.name), attributes)
}

fn edge_statement(
    process: &Process,
    model_edge: &model::Edge,
    palette: &Palette,
    lang: Lang,
) -> Stmt {
    let from = &process.node(model_edge.from).name;
    let to = &process.node(model_edge.to).name;
    let label = diagram::edge_label(model_edge, lang).unwrap_or_default();
    let attributes = match &model_edge.kind {
        EdgeKind::Next | EdgeKind::Branch | EdgeKind::Join => Vec::new(),
        EdgeKind::Outcome(_) => vec![
            attr("label", &label),
            attr("style", "dashed"),
            attr("color", palette.muted),
            attr("fontcolor", palette.muted),
            attr("constraint", "false"),
        ],
        EdgeKind::When(_) => vec![multiline("label", &diagram::wrap(&label, WRAP_COLUMNS))],
        EdgeKind::Otherwise => vec![attr("label", &label), attr("style", "bold")],
        EdgeKind::Timeout(_) => vec![
            attr("label", &label),
            attr("style", "dotted"),
            attr("penwidth", "1.6"),
        ],
    };
    edge(from, to, attributes)
}

pub(super) fn edge(from: &str, to: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(Vertex::N(node_id(from)), Vertex::N(node_id(to))),
        attributes,
    })
}

pub(super) fn node_id(name: &str) -> NodeId {
    NodeId(quoted(name), None)
}

pub(super) fn attr(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_string()), quoted(value))
}

/// A label of several lines, each escaped, joined by DOT's `\n`.
fn multiline(key: &str, lines: &[String]) -> Attribute {
    let escaped: Vec<String> = lines.iter().map(|line| escape(line)).collect();
    Attribute(
        Id::Plain(key.to_string()),
        Id::Escaped(format!("\"{}\"", escaped.join("\\n"))),
    )
}

/// A DOT quoted string holding `text` exactly.
fn quoted(text: &str) -> Id {
    Id::Escaped(format!("\"{}\"", escape(text)))
}

/// Escapes text for a DOT quoted string: backslashes and quotes are
/// escaped, line breaks become `\n`, other control characters are dropped.
fn escape(text: &str) -> String {
    crate::emit::replace_chars(text, |c| match c {
        '\\' => Some("\\\\"),
        '"' => Some("\\\""),
        '\n' => Some("\\n"),
        c if c.is_control() => Some(""),
        _ => None,
    })
}
