//! `recursive-call`: a process that calls itself, directly or through
//! other processes.

use std::collections::VecDeque;

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeId, NodeKind, ProcessId, Project};

rule! {
    /// ## What it checks
    /// That no process calls itself, directly (`call again { process
    /// purchase }` inside `purchase`) or through other processes
    /// (`purchase` calls `contract_approval`, which calls `purchase`). Each
    /// loop of calls is reported once, at a call of the first of its
    /// processes in the project, with the whole loop:
    /// `purchase -> contract_approval -> purchase`.
    ///
    /// ## Why
    /// Systematic (系統性): processes are interlinked into one whole, and
    /// the whole must be finite. A process that starts itself again before
    /// it ends never ends for the case that takes that way, and its time
    /// and owner cannot be told; to do work again, a process loops back to
    /// an earlier step instead.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`:
    /// ```flow
    /// process seal_use "用印審批" {
    ///   category approval
    ///   owner legal
    ///   review every 12 months, last 2026-03-01
    ///   sla 5 business days
    ///   kpi cycle_time "用印周期" p90 under 4 business days
    ///
    ///   start review
    ///
    ///   step review "法務審核" {
    ///     owner legal_counsel
    ///     within 2 business days
    ///     on redo -> again
    ///     next sealed
    ///   }
    ///
    ///   call again "重新用印" {
    ///     process seal_use
    ///     next sealed
    ///   }
    ///
    ///   end sealed "已用印"
    /// }
    /// ```
    /// reports "process `seal_use` calls itself: seal_use -> seal_use".
    ///
    /// ## Fix
    /// Send the work back to an earlier step of the process (`on redo ->
    /// review`) instead of starting the process again, or take the call
    /// out of the loop.
    pub struct RecursiveCall;
    code: "F212",
    name: "recursive-call",
    severity: Error,
    enabled_by_default: true,
    principle: Systematic,
    summary: "A process calls itself, directly or through other processes.",
}

impl Rule for RecursiveCall {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        let calls = calls(project);
        let mut graph: DiGraph<usize, ()> = DiGraph::new();
        let indices: Vec<NodeIndex> = (0..project.processes.len())
            .map(|index| graph.add_node(index))
            .collect();
        for (caller, list) in calls.iter().enumerate() {
            for &(callee, _) in list {
                graph.add_edge(indices[caller], indices[callee.0], ());
            }
        }
        let mut loops: Vec<Vec<usize>> = kosaraju_scc(&graph)
            .into_iter()
            .map(|component| {
                let mut members: Vec<usize> =
                    component.into_iter().map(|index| graph[index]).collect();
                members.sort();
                members
            })
            .filter(|members| {
                members.len() > 1
                    || calls[members[0]]
                        .iter()
                        .any(|&(callee, _)| callee.0 == members[0])
            })
            .collect();
        loops.sort();
        for members in loops {
            if let Some(cycle) = cycle_from(&calls, &members) {
                findings.push(finding(project, &cycle));
            }
        }
    }
}

/// Per process, its calls: the process called and the call's node.
fn calls(project: &Project) -> Vec<Vec<(ProcessId, NodeId)>> {
    project
        .processes
        .iter()
        .map(|process| {
            process
                .node_ids()
                .filter_map(|id| match &process.node(id).kind {
                    NodeKind::Call(details) => Some((details.process.as_ref()?.target?, id)),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

/// The shortest loop of calls from the first of `members` (sorted, a
/// strongly connected set of processes) back to it: each step is the
/// calling process and its call.
fn cycle_from(
    calls: &[Vec<(ProcessId, NodeId)>],
    members: &[usize],
) -> Option<Vec<(usize, NodeId)>> {
    let first = members[0];
    let mut came_from: Vec<Option<(usize, NodeId)>> = vec![None; calls.len()];
    let mut pending = VecDeque::from([first]);
    let mut seen = vec![false; calls.len()];
    seen[first] = true;
    while let Some(process) = pending.pop_front() {
        for &(callee, call) in &calls[process] {
            if members.binary_search(&callee.0).is_err() {
                continue;
            }
            if callee.0 == first {
                let mut cycle = vec![(process, call)];
                let mut current = process;
                while let Some((caller, via)) = came_from[current] {
                    cycle.push((caller, via));
                    current = caller;
                }
                cycle.reverse();
                return Some(cycle);
            }
            if !seen[callee.0] {
                seen[callee.0] = true;
                came_from[callee.0] = Some((process, call));
                pending.push_back(callee.0);
            }
        }
    }
    None
}

fn finding(project: &Project, cycle: &[(usize, NodeId)]) -> Finding {
    let (first, call) = cycle[0];
    let process = &project.processes[first];
    let names: Vec<&str> = cycle
        .iter()
        .map(|&(caller, _)| project.processes[caller].name.as_str())
        .chain(std::iter::once(process.name.as_str()))
        .collect();
    let mut finding = Finding::new(
        at(process, process.node(call).name_span),
        crate::text!(
            "recursive-call-message",
            process = &process.name,
            loop = super::chain::chain(names, "chain-link")
        ),
        crate::text!("recursive-call-label"),
        crate::text!("recursive-call-help"),
    );
    for &(caller, via) in &cycle[1..] {
        let calling = &project.processes[caller];
        finding = finding.with_related(
            at(calling, calling.node(via).name_span),
            crate::text!("recursive-call-related", process = &calling.name),
        );
    }
    finding
}
