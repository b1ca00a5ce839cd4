//! Graphviz DOT diagrams: one swimlane per owner, built with graphviz-rust's
//! syntax tree and printer so no label can break the file. What the
//! picture shows (lanes, box text, wrapping, themes) comes from
//! [`crate::emit::diagram`], shared with the built-in engine.

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use crate::check::CheckedProject;
use crate::emit::diagram::{
    self, DiagramOptions, Direction, FONT_FAMILIES, Palette, WRAP_COLUMNS, step_owner, unit_title,
};
use crate::emit::json::start_id;
use crate::model::{self, EdgeKind, NodeKind, Process, Project};

/// The DOT text of every process of the project, with the process names,
/// drawn with the default options.
pub fn documents(checked: &CheckedProject<'_>) -> Vec<(String, String)> {
    documents_with(checked, DiagramOptions::default())
}

/// The DOT text of every process of the project, drawn with `options`.
pub fn documents_with(
    checked: &CheckedProject<'_>,
    options: DiagramOptions,
) -> Vec<(String, String)> {
    let project = checked.project();
    project
        .processes
        .iter()
        .map(|process| (process.name.clone(), render(project, process, options)))
        .collect()
}

/// The DOT text of one process.
pub fn render(project: &Project, process: &Process, options: DiagramOptions) -> String {
    let graph = Graph::DiGraph {
        id: quoted(&process.name),
        strict: false,
        stmts: statements(project, process, options),
    };
    let mut text = graph.print(&mut PrinterContext::default());
    text.push('\n');
    text
}

fn statements(project: &Project, process: &Process, options: DiagramOptions) -> Vec<Stmt> {
    let palette = options.theme.palette();
    let fonts = FONT_FAMILIES.join(",");
    let rankdir = match options.direction {
        Direction::LeftRight => "LR",
        Direction::TopBottom => "TB",
    };
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("label", &diagram::process_title(process)),
            attr("labelloc", "t"),
            attr("rankdir", rankdir),
            attr("fontname", &fonts),
            attr("fontcolor", palette.ink),
            attr("bgcolor", palette.background),
            attr("newrank", "true"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", &fonts),
            attr("fontcolor", palette.ink),
            attr("color", palette.ink),
            attr("shape", "box"),
            attr("style", "rounded,filled"),
            attr("fillcolor", palette.step),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", &fonts),
            attr("fontcolor", palette.ink),
            attr("color", palette.ink),
        ])),
        Stmt::Node(Node::new(
            node_id(&start_id(process)),
            vec![
                attr("shape", "circle"),
                attr("label", "start"),
                attr("style", "filled"),
                attr("fillcolor", palette.start),
            ],
        )),
    ];
    stmts.extend(lanes(project, process, &palette));
    for node in &process.nodes {
        if !matches!(node.kind, NodeKind::Step(_)) {
            stmts.push(Stmt::Node(shape(node, &palette)));
        }
    }
    if let Some(first) = process.start.as_ref().and_then(|start| start.target) {
        stmts.push(edge(
            &start_id(process),
            &process.node(first).name,
            Vec::new(),
        ));
    }
    for model_edge in &process.edges {
        stmts.push(edge_statement(process, model_edge, &palette));
    }
    stmts.push(legend(&palette));
    stmts
}

/// A legend in its own cluster: the shapes and line styles used.
fn legend(palette: &Palette) -> Stmt {
    let item = |id: &str, label: &str, extra: Vec<Attribute>| {
        let lines: Vec<String> = label.split('\n').map(str::to_string).collect();
        let mut attributes = vec![multiline("label", &lines)];
        attributes.extend(extra);
        Stmt::Node(Node::new(node_id(id), attributes))
    };
    let stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("label", "legend"),
            attr("style", "dashed"),
            attr("color", palette.muted),
        ])),
        item("legend.step", "step\nowner\ndeadline", Vec::new()),
        item(
            "legend.decision",
            "decision",
            vec![
                attr("shape", "diamond"),
                attr("fillcolor", palette.decision),
                attr("style", "filled"),
            ],
        ),
        item(
            "legend.end",
            "end",
            vec![
                attr("shape", "doublecircle"),
                attr("fillcolor", palette.end),
                attr("style", "filled"),
            ],
        ),
        item(
            "legend.escalation",
            "escalate: after → to",
            vec![attr("shape", "note"), attr("style", "solid")],
        ),
        edge(
            "legend.step",
            "legend.decision",
            vec![attr("label", "next")],
        ),
        edge(
            "legend.decision",
            "legend.end",
            vec![
                attr("label", "rejection"),
                attr("style", "dashed"),
                attr("color", palette.muted),
                attr("fontcolor", palette.muted),
            ],
        ),
    ];
    Stmt::Subgraph(Subgraph {
        id: Id::Plain("cluster_legend".to_string()),
        stmts,
    })
}

/// One cluster per owner, holding that owner's steps; lanes run from the
/// top of the reporting lines down, departments after roles.
fn lanes(project: &Project, process: &Process, palette: &Palette) -> Vec<Stmt> {
    diagram::lane_owners(project, process)
        .iter()
        .enumerate()
        .map(|(index, owner)| {
            let mut stmts = vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
                attr("label", &unit_title(project, *owner)),
                attr("style", "filled"),
                attr("fillcolor", palette.lanes[index % 2]),
                attr("color", palette.lane_border),
            ]))];
            for node in process
                .nodes
                .iter()
                .filter(|node| step_owner(node) == Some(*owner))
            {
                stmts.push(Stmt::Node(step_box(project, node, palette)));
            }
            Stmt::Subgraph(Subgraph {
                id: Id::Plain(format!("cluster_lane_{index}")),
                stmts,
            })
        })
        .collect()
}

/// A step, as an HTML-like label: its label in bold, owner and deadline,
/// wrapped, and its escalations as small notes under them.
fn step_box(project: &Project, node: &model::Node, palette: &Palette) -> Node {
    let lines = diagram::wrap_all(&diagram::step_lines(project, node), WRAP_COLUMNS);
    let mut html = String::new();
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            html.push_str("<BR/>");
        }
        if index == 0 {
            html.push_str(&format!("<B>{}</B>", html_escape(line)));
        } else {
            html.push_str(&html_escape(line));
        }
    }
    for note in diagram::wrap_all(&diagram::escalation_notes(node), 34) {
        html.push_str(&format!(
            "<BR/><FONT POINT-SIZE=\"10\" COLOR=\"{}\"><I>escalate: {}</I></FONT>",
            palette.muted,
            html_escape(&note)
        ));
    }
    Node::new(
        node_id(&node.name),
        vec![Attribute(
            Id::Plain("label".to_string()),
            // Wrapped in FONT so the label ends with a tag, as
            // graphviz-rust's parser expects of HTML-like labels.
            Id::Html(format!("<<FONT COLOR=\"{}\">{html}</FONT>>", palette.ink)),
        )],
    )
}

/// Escapes text for a Graphviz HTML-like label.
fn html_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Decisions, parallel bars and ends.
fn shape(node: &model::Node, palette: &Palette) -> Node {
    let title = diagram::node_title(node);
    let attributes = match node.kind {
        NodeKind::Decision => vec![
            attr("shape", "diamond"),
            attr("style", "filled"),
            attr("fillcolor", palette.decision),
            multiline("label", &diagram::wrap(&title, 14)),
        ],
        NodeKind::Parallel { .. } | NodeKind::Join { .. } => {
            let mut bar = vec![
                attr("shape", "box"),
                attr("style", "filled"),
                attr("fillcolor", palette.bar),
                attr("label", ""),
                attr("width", "0.08"),
                attr("height", "1.2"),
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
            multiline("label", &diagram::wrap(&title, 14)),
        ],
        NodeKind::Step(_) => vec![attr("label", &title)],
    };
    Node::new(node_id(&node.name), attributes)
}

fn edge_statement(process: &Process, model_edge: &model::Edge, palette: &Palette) -> Stmt {
    let from = &process.node(model_edge.from).name;
    let to = &process.node(model_edge.to).name;
    let attributes = match &model_edge.kind {
        EdgeKind::Next | EdgeKind::Branch | EdgeKind::Join => Vec::new(),
        EdgeKind::Outcome(outcome) => vec![
            attr("label", outcome),
            attr("style", "dashed"),
            attr("color", palette.muted),
            attr("fontcolor", palette.muted),
            attr("constraint", "false"),
        ],
        EdgeKind::When(condition) => vec![multiline(
            "label",
            &diagram::wrap(&condition.to_string(), WRAP_COLUMNS),
        )],
        EdgeKind::Otherwise => vec![attr("label", "otherwise"), attr("style", "bold")],
    };
    edge(from, to, attributes)
}

fn edge(from: &str, to: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(Vertex::N(node_id(from)), Vertex::N(node_id(to))),
        attributes,
    })
}

fn node_id(name: &str) -> NodeId {
    NodeId(quoted(name), None)
}

fn attr(key: &str, value: &str) -> Attribute {
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
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '"' => escaped.push_str("\\\""),
            '\n' => escaped.push_str("\\n"),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}
