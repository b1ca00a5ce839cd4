//! `dead-end`: a place from which no `end` can be reached.

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use super::{at, kind_noun, quoted_names, reachable_from_start, shown};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeId, NodeKind, Process, Project};
use crate::text;

rule! {
    /// ## What it checks
    /// That from every step, decision and parallel block reached from
    /// `start`, some path leads to an `end`. It reports where the trouble
    /// is, not everything upstream of it: a step with no `next`, a decision
    /// with no branch, a parallel block with no `next`, or a loop whose
    /// steps only lead back into each other.
    ///
    /// ## Why
    /// Systematic (系統性): a process that can get stuck never finishes; the
    /// work waits forever with nobody responsible for moving it on.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`:
    /// ```flow
    /// process expense_claim "費用報銷審批" {
    ///   category approval
    ///   owner finance
    ///   review every 12 months, last 2026-03-01
    ///   sla 10 business days
    ///   kpi cycle_time "報銷周期" p90 under 8 business days
    ///
    ///   input amount: money CNY
    ///
    ///   start apply
    ///
    ///   step apply "員工申請" {
    ///     owner employee
    ///     within 3 business days
    ///     next route
    ///   }
    ///
    ///   decide route "按金額支付" {
    ///     when amount <= 5000 CNY -> pay
    ///     otherwise -> paid
    ///   }
    ///
    ///   step pay "報銷支付" {
    ///     owner cashier
    ///     within 2 business days
    ///   }
    ///
    ///   end paid "已支付"
    /// }
    /// ```
    /// `pay` has no `next`, so a claim of 5000 CNY or less is never `paid`.
    ///
    /// ## Fix
    /// Add `next TARGET` leading towards an end, or give the loop a way out
    /// (a `next` or a decision branch that leaves it).
    pub struct DeadEnd;
    code: "F202",
    name: "dead-end",
    severity: Error,
    enabled_by_default: true,
    principle: Systematic,
    summary: "No `end` can be reached from a step or block.",
}

impl Rule for DeadEnd {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            check_process(process, findings);
        }
    }
}

fn check_process(process: &Process, findings: &mut Vec<Finding>) {
    if process.has_broken_links {
        return;
    }
    if !process
        .nodes
        .iter()
        .any(|node| matches!(node.kind, NodeKind::End))
    {
        return;
    }
    let reached = reachable_from_start(process).unwrap_or_else(|| vec![true; process.nodes.len()]);
    let finishing = can_finish(process);
    let stuck: Vec<NodeId> = process
        .node_ids()
        .filter(|id| reached[id.0] && !finishing[id.0])
        .collect();
    for trap in traps(process, &stuck) {
        findings.push(finding(process, &trap));
    }
}

/// For each node, whether some path from it reaches an end.
fn can_finish(process: &Process) -> Vec<bool> {
    let mut incoming: Vec<Vec<NodeId>> = vec![Vec::new(); process.nodes.len()];
    for edge in &process.edges {
        incoming[edge.to.0].push(edge.from);
    }
    let mut finishing = vec![false; process.nodes.len()];
    let mut pending: Vec<NodeId> = process
        .node_ids()
        .filter(|id| matches!(process.node(*id).kind, NodeKind::End))
        .collect();
    for id in &pending {
        finishing[id.0] = true;
    }
    while let Some(node) = pending.pop() {
        for &previous in &incoming[node.0] {
            if !finishing[previous.0] {
                finishing[previous.0] = true;
                pending.push(previous);
            }
        }
    }
    finishing
}

/// The groups of stuck nodes that lead nowhere else: the sink components of
/// the stuck part of the graph. Every stuck node leads only to stuck nodes,
/// so each sink component is where some path gets trapped.
fn traps(process: &Process, stuck: &[NodeId]) -> Vec<Vec<NodeId>> {
    let mut graph: DiGraph<NodeId, ()> = DiGraph::new();
    let mut index_of = vec![None; process.nodes.len()];
    for &id in stuck {
        index_of[id.0] = Some(graph.add_node(id));
    }
    for &id in stuck {
        for next in process.successors(id) {
            if let (Some(from), Some(to)) = (index_of[id.0], index_of[next.0]) {
                graph.add_edge(from, to, ());
            }
        }
    }
    let components = kosaraju_scc(&graph);
    let mut component_of = vec![0; graph.node_count()];
    for (number, component) in components.iter().enumerate() {
        for index in component {
            component_of[index.index()] = number;
        }
    }
    let mut result: Vec<Vec<NodeId>> = components
        .iter()
        .enumerate()
        .filter(|(number, component)| {
            component.iter().all(|&index| {
                graph
                    .neighbors(index)
                    .all(|next: NodeIndex| component_of[next.index()] == *number)
            })
        })
        .map(|(_, component)| {
            let mut ids: Vec<NodeId> = component.iter().map(|&index| graph[index]).collect();
            ids.sort();
            ids
        })
        .collect();
    result.sort();
    result
}

fn finding(process: &Process, trap: &[NodeId]) -> Finding {
    let first = shown(process, trap[0]);
    let node = process.node(first);
    let place = at(process, node.name_span);
    let add_next = || text!("dead-end-add-next-help", node = &node.name);
    if let [only] = trap
        && process.successors(*only).next().is_none()
    {
        let no_next = || {
            text!(
                "dead-end-no-next",
                kind = kind_noun(node.kind.noun()),
                node = &node.name,
                process = &process.name
            )
        };
        let (message, label, help) = match process.node(*only).kind {
            NodeKind::Decision => (
                text!(
                    "dead-end-no-branches",
                    node = &node.name,
                    process = &process.name
                ),
                text!("dead-end-no-branches-label"),
                text!("dead-end-no-branches-help"),
            ),
            NodeKind::Join { .. } => (
                no_next(),
                text!("dead-end-block-no-next-label"),
                text!("dead-end-block-no-next-help"),
            ),
            _ => (no_next(), text!("dead-end-no-next-label"), add_next()),
        };
        return Finding::new(place, message, label, help);
    }
    if let [_] = trap {
        return Finding::new(
            place,
            text!(
                "dead-end-self-loop",
                kind = kind_noun(node.kind.noun()),
                node = &node.name,
                process = &process.name
            ),
            text!("dead-end-self-loop-label"),
            add_next(),
        );
    }
    let mut finding = Finding::new(
        place,
        text!(
            "dead-end-loop",
            nodes = quoted_names(process, trap),
            process = &process.name
        ),
        text!("loop-entered-here"),
        text!("dead-end-loop-help"),
    );
    for &id in &trap[1..] {
        let other = shown(process, id);
        if other != first {
            finding = finding.with_related(
                at(process, process.node(other).name_span),
                text!("dead-end-loop-related"),
            );
        }
    }
    finding
}
