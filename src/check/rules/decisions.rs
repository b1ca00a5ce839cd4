//! What the decision rules share: a decision's branches as the model holds
//! them, and its [`DecisionSpace`] when it can be analysed.

use std::collections::BTreeSet;

use crate::check::Finding;
use crate::check::decision_space::{DecisionSpace, MAX_WORK, Unanalysable};
use crate::model::{EdgeKind, Expected, NodeId, NodeKind, Process, Project};
use crate::span::Span;
use crate::syntax::ast::Condition;
use crate::text;

/// A `when` line of a decision.
pub(super) struct When<'a> {
    /// Its condition.
    pub condition: &'a Condition,
    /// The whole line.
    pub line: Span,
    /// Where it leads.
    pub target: NodeId,
}

/// A decision with its branches.
pub(super) struct Decision<'a> {
    /// The decision's node.
    pub node: NodeId,
    /// Its `when` lines, in order.
    pub whens: Vec<When<'a>>,
    /// Its `otherwise` line and target, if any.
    pub otherwise: Option<(Span, NodeId)>,
    /// Whether a branch names no node: its line is missing from `whens`,
    /// so the branches seen are not all the decision has.
    pub broken: bool,
}

impl Decision<'_> {
    /// The space of the decision's inputs with its `when` conditions.
    pub fn space(&self, process: &Process) -> Result<DecisionSpace, Unanalysable> {
        let conditions: Vec<&Condition> = self.whens.iter().map(|when| when.condition).collect();
        DecisionSpace::new(process, &conditions)
    }

    /// The targets of all branches, `when`s first.
    pub fn targets(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.whens
            .iter()
            .map(|when| when.target)
            .chain(self.otherwise.map(|(_, target)| target))
    }
}

/// The decisions of `project` with a branch that names no node, as
/// (process number, decision) pairs.
pub(super) fn broken_decisions(project: &Project) -> BTreeSet<(usize, NodeId)> {
    project
        .problems
        .unresolved
        .iter()
        .filter(|reference| reference.expected == Expected::Node)
        .filter_map(|reference| Some((reference.process?, reference.near?)))
        .collect()
}

/// The decisions of process number `index`, in order; `broken` is what
/// [`broken_decisions`] returns.
pub(super) fn decisions<'a>(
    process: &'a Process,
    index: usize,
    broken: &BTreeSet<(usize, NodeId)>,
) -> Vec<Decision<'a>> {
    process
        .node_ids()
        .filter(|&id| matches!(process.node(id).kind, NodeKind::Decision))
        .map(|node| {
            let mut decision = Decision {
                node,
                whens: Vec::new(),
                otherwise: None,
                broken: broken.contains(&(index, node)),
            };
            for edge in process.edges_from(node) {
                match &edge.kind {
                    EdgeKind::When(condition) => decision.whens.push(When {
                        condition,
                        line: edge.span,
                        target: edge.to,
                    }),
                    EdgeKind::Otherwise => decision.otherwise = Some((edge.span, edge.to)),
                    _ => {}
                }
            }
            decision
        })
        .collect()
}

/// The note for a decision too intricate to analyse: what could not be
/// checked (`question`: `cover`, that its branches cover every case, or
/// `overlap`, that at most one holds), and how to make it checkable.
pub(super) fn too_complex(
    process: &Process,
    decision: &Decision,
    question: &'static str,
) -> Finding {
    let node = process.node(decision.node);
    Finding::new(
        super::at(process, node.name_span),
        text!(
            "decision-too-intricate",
            node = &node.name,
            question = question,
            work = MAX_WORK
        ),
        text!("too-intricate-label"),
        text!("decision-too-intricate-help"),
    )
}
