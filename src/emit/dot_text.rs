//! The text of a DOT syntax tree (graphviz-rust's `dot_structures`, the
//! model every DOT output of flowc is built as), written into one buffer.
//!
//! It writes exactly what graphviz-rust's own printer writes with its
//! default context (`PrinterContext::default()`: two spaces of indent per
//! level, attributes on one line, edges of at most 90 characters on one
//! line); the tests compare the two on every example's diagram and on
//! hand-made trees of every kind of statement. graphviz-rust's printer
//! builds a new string for every id, attribute, statement and level and
//! joins them, which was a tenth of the instructions of `flowc build
//! --emit json,dot` (issue 21); this one appends to one string.

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Port, Stmt, Subgraph, Vertex,
};

/// The DOT text of `graph`, as graphviz-rust's printer writes it with its
/// default context, without a final line end.
pub(crate) fn print(graph: &Graph) -> String {
    let mut printer = Printer {
        out: String::with_capacity(16 * 1024),
        indent: 0,
        inline: false,
        directed: false,
    };
    printer.graph(graph);
    printer.out
}

/// How many characters an edge may take to be written on one line (the
/// default context's `inline_size`).
const INLINE_SIZE: usize = 90;

/// Where the printer is: its text so far, the indent of the next level,
/// whether it writes everything on one line (an edge with a subgraph, short
/// enough) and whether edges are `->` or `--`.
struct Printer {
    out: String,
    indent: usize,
    inline: bool,
    directed: bool,
}

impl Printer {
    fn graph(&mut self, graph: &Graph) {
        let (keyword, id, strict, stmts) = match graph {
            Graph::Graph { id, strict, stmts } => ("graph", id, *strict, stmts),
            Graph::DiGraph { id, strict, stmts } => ("digraph", id, *strict, stmts),
        };
        self.directed = matches!(graph, Graph::DiGraph { .. });
        self.grow();
        if strict {
            self.out.push_str("strict ");
        }
        self.out.push_str(keyword);
        self.out.push(' ');
        self.id(id);
        self.out.push_str(" {");
        self.line_break();
        self.stmts(stmts);
        self.line_break();
        self.out.push('}');
    }

    /// The line separator: a line end, or nothing on one line.
    fn line_break(&mut self) {
        if !self.inline {
            self.out.push('\n');
        }
    }

    fn grow(&mut self) {
        if !self.inline {
            self.indent += 2;
        }
    }

    fn shrink(&mut self) {
        if !self.inline {
            self.indent = self.indent.saturating_sub(2);
        }
    }

    fn push_indent(&mut self, width: usize) {
        if !self.inline {
            self.out.extend(std::iter::repeat_n(' ', width));
        }
    }

    fn stmts(&mut self, stmts: &[Stmt]) {
        for (index, stmt) in stmts.iter().enumerate() {
            if index > 0 {
                self.line_break();
            }
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        self.push_indent(self.indent);
        match stmt {
            Stmt::Node(node) => self.node(node),
            Stmt::Subgraph(subgraph) => self.subgraph(subgraph),
            Stmt::Attribute(attribute) => self.attribute(attribute),
            Stmt::GAttribute(attributes) => self.graph_attributes(attributes),
            Stmt::Edge(edge) => self.edge(edge),
        }
    }

    fn id(&mut self, id: &Id) {
        match id {
            Id::Html(text) | Id::Escaped(text) | Id::Plain(text) => self.out.push_str(text),
            Id::Anonymous(_) => {}
        }
    }

    fn node_id(&mut self, NodeId(id, port): &NodeId) {
        self.id(id);
        if let Some(port) = port {
            self.port(port);
        }
    }

    /// A port; graphviz-rust's printer panics on one with neither part,
    /// which is written as nothing here.
    fn port(&mut self, Port(id, compass): &Port) {
        if let Some(id) = id {
            self.out.push(':');
            self.id(id);
        }
        if let Some(compass) = compass {
            self.out.push(':');
            self.out.push_str(compass);
        }
    }

    fn attribute(&mut self, Attribute(key, value): &Attribute) {
        self.id(key);
        self.out.push('=');
        self.id(value);
    }

    fn attributes(&mut self, attributes: &[Attribute]) {
        if attributes.is_empty() {
            return;
        }
        self.out.push('[');
        for (index, attribute) in attributes.iter().enumerate() {
            if index > 0 {
                self.out.push(' ');
            }
            self.attribute(attribute);
        }
        self.out.push(']');
    }

    fn graph_attributes(&mut self, attributes: &GraphAttributes) {
        let (keyword, attributes) = match attributes {
            GraphAttributes::Graph(attributes) => ("graph", attributes),
            GraphAttributes::Node(attributes) => ("node", attributes),
            GraphAttributes::Edge(attributes) => ("edge", attributes),
        };
        self.out.push_str(keyword);
        self.attributes(attributes);
    }

    fn node(&mut self, node: &Node) {
        self.node_id(&node.id);
        self.attributes(&node.attributes);
    }

    fn subgraph(&mut self, subgraph: &Subgraph) {
        let indent = if self.inline { 0 } else { self.indent };
        self.grow();
        self.out.push_str("subgraph ");
        self.id(&subgraph.id);
        self.out.push_str(" {");
        self.line_break();
        self.stmts(&subgraph.stmts);
        self.line_break();
        self.push_indent(indent);
        self.out.push('}');
        self.shrink();
    }

    fn vertex(&mut self, vertex: &Vertex) {
        match vertex {
            Vertex::N(node_id) => self.node_id(node_id),
            Vertex::S(subgraph) => self.subgraph(subgraph),
        }
    }

    /// An edge; one with a subgraph short enough is written again on one
    /// line (an edge of nodes is the same text either way).
    fn edge(&mut self, edge: &Edge) {
        let start = self.out.len();
        self.edge_text(edge);
        let has_subgraph = match &edge.ty {
            EdgeTy::Pair(from, to) => [from, to].iter().any(|v| matches!(v, Vertex::S(_))),
            EdgeTy::Chain(vertices) => vertices.iter().any(|v| matches!(v, Vertex::S(_))),
        };
        if has_subgraph && !self.inline && self.out.len() - start <= INLINE_SIZE {
            self.out.truncate(start);
            self.inline = true;
            self.edge_text(edge);
            self.inline = false;
        }
    }

    fn edge_text(&mut self, edge: &Edge) {
        let bond = if self.directed { " -> " } else { " -- " };
        match &edge.ty {
            EdgeTy::Pair(from, to) => {
                self.vertex(from);
                self.out.push_str(bond);
                self.vertex(to);
                if !edge.attributes.is_empty() {
                    self.out.push(' ');
                }
            }
            EdgeTy::Chain(vertices) => {
                for (index, vertex) in vertices.iter().enumerate() {
                    if index > 0 {
                        self.out.push_str(bond);
                    }
                    self.vertex(vertex);
                }
            }
        }
        self.attributes(&edge.attributes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use graphviz_rust::printer::{DotPrinter, PrinterContext};

    fn plain(text: &str) -> Id {
        Id::Plain(text.to_string())
    }

    fn attribute(key: &str, value: &str) -> Attribute {
        Attribute(plain(key), Id::Escaped(format!("\"{value}\"")))
    }

    fn node(name: &str) -> NodeId {
        NodeId(plain(name), None)
    }

    /// A graph with every kind of statement, nested subgraphs, ports,
    /// chains, empty attribute lists and edges with subgraphs short and
    /// long.
    fn every_kind(directed: bool, strict: bool) -> Graph {
        let inner = Subgraph {
            id: plain("cluster_inner"),
            stmts: vec![
                Stmt::Node(Node::new(node("x"), vec![attribute("label", "X")])),
                Stmt::Edge(Edge {
                    ty: EdgeTy::Pair(Vertex::N(node("x")), Vertex::N(node("y"))),
                    attributes: Vec::new(),
                }),
            ],
        };
        let long = Subgraph {
            id: plain("long"),
            stmts: (0..12)
                .map(|index| Stmt::Node(Node::new(node(&format!("node_{index}")), Vec::new())))
                .collect(),
        };
        let stmts = vec![
            Stmt::GAttribute(GraphAttributes::Graph(vec![attribute(
                "label",
                "a \\\"b\\\"",
            )])),
            Stmt::GAttribute(GraphAttributes::Node(Vec::new())),
            Stmt::GAttribute(GraphAttributes::Edge(vec![
                attribute("color", "red"),
                Attribute(plain("label"), Id::Html("<<B>x</B>>".to_string())),
            ])),
            Stmt::Attribute(attribute("rankdir", "LR")),
            Stmt::Node(Node::new(
                NodeId(
                    plain("a"),
                    Some(Port(Some(plain("p")), Some("n".to_string()))),
                ),
                Vec::new(),
            )),
            Stmt::Node(Node::new(
                NodeId(plain("b"), Some(Port(None, Some("s".to_string())))),
                vec![attribute("shape", "box"), attribute("style", "filled")],
            )),
            Stmt::Node(Node::new(
                NodeId(Id::Anonymous(String::new()), None),
                Vec::new(),
            )),
            Stmt::Subgraph(Subgraph {
                id: plain("cluster_outer"),
                stmts: vec![
                    Stmt::Subgraph(inner.clone()),
                    Stmt::Node(Node::new(node("z"), Vec::new())),
                ],
            }),
            Stmt::Edge(Edge {
                ty: EdgeTy::Pair(Vertex::N(node("a")), Vertex::N(node("b"))),
                attributes: vec![attribute("label", "go"), attribute("style", "dashed")],
            }),
            Stmt::Edge(Edge {
                ty: EdgeTy::Chain(vec![
                    Vertex::N(node("a")),
                    Vertex::N(NodeId(plain("b"), Some(Port(Some(plain("q")), None)))),
                    Vertex::N(node("c")),
                ]),
                attributes: vec![attribute("weight", "2")],
            }),
            Stmt::Edge(Edge {
                ty: EdgeTy::Pair(Vertex::N(node("a")), Vertex::S(inner.clone())),
                attributes: Vec::new(),
            }),
            Stmt::Edge(Edge {
                ty: EdgeTy::Chain(vec![Vertex::S(long.clone()), Vertex::N(node("c"))]),
                attributes: vec![attribute("minlen", "0")],
            }),
            Stmt::Edge(Edge {
                ty: EdgeTy::Pair(Vertex::S(long), Vertex::S(inner)),
                attributes: vec![attribute("label", "both")],
            }),
        ];
        let id = Id::Escaped("\"g\"".to_string());
        if directed {
            Graph::DiGraph { id, strict, stmts }
        } else {
            Graph::Graph { id, strict, stmts }
        }
    }

    /// Every kind of statement, in directed and undirected, strict and
    /// plain graphs, is written as graphviz-rust's printer writes it.
    #[test]
    fn writes_what_graphviz_rusts_printer_writes() {
        let mut compared = 0;
        for directed in [false, true] {
            for strict in [false, true] {
                let graph = every_kind(directed, strict);
                assert_eq!(print(&graph), graph.print(&mut PrinterContext::default()));
                compared += 1;
            }
        }
        assert_eq!(compared, 4);
    }
}
