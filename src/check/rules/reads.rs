//! Where a process reads its values: the names its decisions compare and
//! its calls pass on, which `unused-input`, `unused-record` and
//! `read-before-record` share.

use crate::check::decision_space::condition_tree::comparisons;
use crate::model::{EdgeKind, NodeId, NodeKind, Process};
use crate::span::Span;
use crate::syntax::ast::Operand;

/// One reading of an input or recorded value.
pub(super) struct Read<'a> {
    /// The name read.
    pub name: &'a str,
    /// The decision or call that reads it.
    pub node: NodeId,
    /// Where the name is written.
    pub span: Span,
}

/// Every reading of a value in `process`, in the order of its edges and
/// nodes: both sides of each comparison of a `when`, and each `with` value
/// that names a value of the process.
pub(super) fn reads(process: &Process) -> Vec<Read<'_>> {
    let mut found = Vec::new();
    for edge in &process.edges {
        let EdgeKind::When(condition) = &edge.kind else {
            continue;
        };
        for comparison in comparisons(condition.as_ref()) {
            found.push(Read {
                name: &comparison.input.text,
                node: edge.from,
                span: comparison.input.span,
            });
            if let Operand::Value(other) = &comparison.value {
                found.push(Read {
                    name: &other.text,
                    node: edge.from,
                    span: other.span,
                });
            }
        }
    }
    for id in process.node_ids() {
        let NodeKind::Call(details) = &process.node(id).kind else {
            continue;
        };
        for binding in &details.bindings {
            if let Operand::Value(other) = &binding.value {
                found.push(Read {
                    name: &other.text,
                    node: id,
                    span: other.span,
                });
            }
        }
    }
    found
}
