//! Graphviz DOT diagrams: one swimlane per owner, built with graphviz-rust's
//! syntax tree and printer so no label can break the file.

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use crate::check::CheckedProject;
use crate::emit::json::start_id;
use crate::model::{self, EdgeKind, NodeKind, OrgUnit, Process, Project};

/// The DOT text of every process of the project, with the process names.
pub fn documents(checked: &CheckedProject<'_>) -> Vec<(String, String)> {
    let project = checked.project();
    project
        .processes
        .iter()
        .map(|process| (process.name.clone(), diagram(project, process)))
        .collect()
}

/// The DOT text of one process.
fn diagram(project: &Project, process: &Process) -> String {
    let graph = Graph::DiGraph {
        id: quoted(&process.name),
        strict: false,
        stmts: statements(project, process),
    };
    let mut text = graph.print(&mut PrinterContext::default());
    text.push('\n');
    text
}

fn statements(project: &Project, process: &Process) -> Vec<Stmt> {
    let title = match &process.label {
        Some(label) => format!("{label} ({})", process.name),
        None => process.name.clone(),
    };
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("label", &title),
            attr("labelloc", "t"),
            attr("rankdir", "LR"),
            attr("fontname", "sans-serif"),
            attr("newrank", "true"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", "sans-serif"),
            attr("shape", "box"),
            attr("style", "rounded,filled"),
            attr("fillcolor", "white"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attr("fontname", "sans-serif")])),
        Stmt::Node(Node::new(
            node_id(&start_id(process)),
            vec![
                attr("shape", "circle"),
                attr("label", "start"),
                attr("style", "filled"),
                attr("fillcolor", "#d9f2d9"),
            ],
        )),
    ];
    stmts.extend(lanes(project, process));
    for node in &process.nodes {
        if !matches!(node.kind, NodeKind::Step(_)) {
            stmts.push(Stmt::Node(shape(node)));
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
        stmts.push(edge_statement(process, model_edge));
    }
    stmts
}

/// One cluster per owner, holding that owner's steps; lanes run from the
/// top of the reporting lines down, departments after roles.
fn lanes(project: &Project, process: &Process) -> Vec<Stmt> {
    let mut owners: Vec<OrgUnit> = Vec::new();
    for node in &process.nodes {
        if let Some(owner) = step_owner(node)
            && !owners.contains(&owner)
        {
            owners.push(owner);
        }
    }
    owners.sort_by_key(|owner| match owner {
        OrgUnit::Role(role) => (0, project.superiors(*role).len(), role.0),
        OrgUnit::Department(department) => (1, 0, department.0),
    });
    owners
        .iter()
        .enumerate()
        .map(|(index, owner)| {
            let mut stmts = vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
                attr("label", &unit_title(project, *owner)),
                attr("style", "filled"),
                attr(
                    "fillcolor",
                    if index % 2 == 0 { "#f4f6fa" } else { "#eaeef5" },
                ),
                attr("color", "#c0c8d8"),
            ]))];
            for node in process
                .nodes
                .iter()
                .filter(|node| step_owner(node) == Some(*owner))
            {
                stmts.push(Stmt::Node(step_box(project, node)));
            }
            Stmt::Subgraph(Subgraph {
                id: Id::Plain(format!("cluster_lane_{index}")),
                stmts,
            })
        })
        .collect()
}

fn step_owner(node: &model::Node) -> Option<OrgUnit> {
    match &node.kind {
        NodeKind::Step(details) => details.owner.as_ref().and_then(|owner| owner.target),
        _ => None,
    }
}

/// "部門負責人 (dept_head)"
fn unit_title(project: &Project, unit: OrgUnit) -> String {
    let name = project.unit_name(unit);
    let label = match unit {
        OrgUnit::Role(role) => project.role(role).label.as_deref(),
        OrgUnit::Department(department) => project.department(department).label.as_deref(),
    };
    match label {
        Some(label) => format!("{label} ({name})"),
        None => name.to_string(),
    }
}

/// A step: its label, owner, deadline and escalations.
fn step_box(project: &Project, node: &model::Node) -> Node {
    let mut lines = vec![node.label.clone().unwrap_or_else(|| node.name.clone())];
    if let NodeKind::Step(details) = &node.kind {
        if let Some(owner) = details.owner.as_ref().and_then(|owner| owner.target) {
            lines.push(unit_title(project, owner));
        }
        if let Some(deadline) = &details.deadline {
            lines.push(format!("within {deadline}"));
        }
        for escalation in &details.escalations {
            lines.push(format!("⏰ {} → {}", escalation.after, escalation.to.name));
        }
    }
    Node::new(node_id(&node.name), vec![multiline("label", &lines)])
}

/// Decisions, parallel bars and ends.
fn shape(node: &model::Node) -> Node {
    let title = node.label.clone().unwrap_or_else(|| node.name.clone());
    let attributes = match node.kind {
        NodeKind::Decision => vec![
            attr("shape", "diamond"),
            attr("style", "filled"),
            attr("fillcolor", "#fff4d6"),
            attr("label", &title),
        ],
        NodeKind::Parallel { .. } | NodeKind::Join { .. } => {
            let mut bar = vec![
                attr("shape", "box"),
                attr("style", "filled"),
                attr("fillcolor", "black"),
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
            attr("fillcolor", "#f2d9d9"),
            attr("label", &title),
        ],
        NodeKind::Step(_) => vec![attr("label", &title)],
    };
    Node::new(node_id(&node.name), attributes)
}

fn edge_statement(process: &Process, model_edge: &model::Edge) -> Stmt {
    let from = &process.node(model_edge.from).name;
    let to = &process.node(model_edge.to).name;
    let attributes = match &model_edge.kind {
        EdgeKind::Next | EdgeKind::Branch | EdgeKind::Join => Vec::new(),
        EdgeKind::Outcome(outcome) => vec![
            attr("label", outcome),
            attr("style", "dashed"),
            attr("color", "#888888"),
            attr("fontcolor", "#888888"),
            attr("constraint", "false"),
        ],
        EdgeKind::When(condition) => vec![attr("label", &condition.to_string())],
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
