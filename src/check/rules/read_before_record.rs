//! `read-before-record`: a decision or call that reads a recorded value on
//! a way from `start` where it may not have been recorded yet.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::at;
use super::reads::{Read, reads};
use crate::check::{CheckContext, Finding, Rule};
use crate::i18n::Text;
use crate::model::{EdgeKind, NodeId, NodeKind, Process, Project, RecordedValue};

rule! {
    /// ## What it checks
    /// That a recorded value (`record NAME "label": TYPE` in a step) is
    /// read, by a decision's `when` or a call's `with`, only where every
    /// way from `start` has passed a step that records it. A step records
    /// its values when it is done: a step left by its `on timeout after`
    /// records nothing on that way. After a parallel block, a value
    /// recorded in any of its branches is recorded (the block waits for
    /// every branch). The message shows one way on which the value may not
    /// have been recorded yet.
    ///
    /// ## Why
    /// Systematic (系統性): processes are interlinked into one whole, and a
    /// decision can only decide on what has been found out. A case that
    /// reaches it the other way has no value to decide on: the engine
    /// stops, or takes a branch nobody chose.
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
    ///   start apply
    ///
    ///   step apply "員工申請" {
    ///     owner employee
    ///     within 3 business days
    ///     on urgent -> check
    ///     next dept_review
    ///   }
    ///
    ///   step dept_review "部門負責人審核" {
    ///     owner dept_head
    ///     within 3 business days
    ///     record invoices_complete "發票齊全": yes/no
    ///     next check
    ///   }
    ///
    ///   decide check "發票是否齊全" {
    ///     when invoices_complete == yes -> pay
    ///     otherwise -> rejected
    ///   }
    ///
    ///   step pay "報銷支付" {
    ///     owner cashier
    ///     within 2 business days
    ///     next paid
    ///   }
    ///
    ///   end paid "已支付"
    ///   end rejected "已退回"
    /// }
    /// ```
    /// reports "decision `check` reads `invoices_complete`, which may not
    /// have been recorded yet: on the way apply -> check nothing records it
    /// (step `dept_review` records it when done)".
    ///
    /// ## Fix
    /// Record the value on every way to the decision (in a step every way
    /// passes), or move the decision after the step that records it.
    pub struct ReadBeforeRecord;
    code: "F308",
    name: "read-before-record",
    severity: Error,
    enabled_by_default: true,
    principle: Systematic,
    summary: "A decision or call reads a recorded value on a way where it may not be recorded yet.",
}

impl Rule for ReadBeforeRecord {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            if process.has_broken_links || process.records.is_empty() {
                continue;
            }
            let Some(start) = process.start.as_ref().and_then(|start| start.target) else {
                continue;
            };
            let mut read: BTreeMap<&str, Vec<Read>> = BTreeMap::new();
            for reading in reads(process) {
                read.entry(reading.name).or_default().push(reading);
            }
            let incoming = incoming(process);
            // Each recorded name once (a name recorded twice is a
            // `duplicate-name`), with the steps that record it.
            let mut recorded_by: BTreeMap<&str, (&RecordedValue, Vec<bool>)> = BTreeMap::new();
            for recorded in &process.records {
                let (_, steps) = recorded_by
                    .entry(recorded.record.name.text.as_str())
                    .or_insert_with(|| (recorded, vec![false; process.nodes.len()]));
                steps[recorded.step.0] = true;
            }
            for (name, (recorded, steps)) in &recorded_by {
                let Some(readings) = read.get(name) else {
                    continue;
                };
                let unrecorded = Unrecorded::spread(process, &incoming, start, steps);
                let mut reported: BTreeSet<NodeId> = BTreeSet::new();
                for reading in readings {
                    if unrecorded.reaches(reading.node) && reported.insert(reading.node) {
                        findings.push(finding(process, recorded, reading, &unrecorded));
                    }
                }
            }
        }
    }
}

/// Per node, the indices of the edges that lead to it.
fn incoming(process: &Process) -> Vec<Vec<usize>> {
    let mut incoming = vec![Vec::new(); process.nodes.len()];
    for (index, edge) in process.edges.iter().enumerate() {
        incoming[edge.to.0].push(index);
    }
    incoming
}

/// The nodes a run can reach from `start` without one value recorded, each
/// with the edge it was first reached by.
struct Unrecorded {
    /// Per node: `None` when every way to it records the value (or it is
    /// not reached), else the edge of a way that does not (`Some(None)` for
    /// `start`).
    reached_by: Vec<Option<Option<usize>>>,
}

impl Unrecorded {
    /// Spreads "not recorded yet" from `start`: along every edge, except
    /// the edges by which a step that records the value (`records`, per
    /// node) is done (its timeout edge records nothing); a join is reached
    /// so only when every branch arrives so.
    fn spread(
        process: &Process,
        incoming: &[Vec<usize>],
        start: NodeId,
        records: &[bool],
    ) -> Unrecorded {
        let records = |node: NodeId| records[node.0];
        let mut reached_by: Vec<Option<Option<usize>>> = vec![None; process.nodes.len()];
        let carries = |edge: usize, reached: &[Option<Option<usize>>]| {
            let edge_of = &process.edges[edge];
            reached[edge_of.from.0].is_some()
                && (matches!(edge_of.kind, EdgeKind::Timeout(_)) || !records(edge_of.from))
        };
        reached_by[start.0] = Some(None);
        let mut pending = VecDeque::from([start]);
        while let Some(node) = pending.pop_front() {
            for &edge in &process.outgoing[node.0] {
                let to = process.edges[edge].to;
                if reached_by[to.0].is_some() || !carries(edge, &reached_by) {
                    continue;
                }
                let arrives = match process.node(to).kind {
                    NodeKind::Join { .. } => incoming[to.0]
                        .iter()
                        .all(|&other| carries(other, &reached_by)),
                    _ => true,
                };
                if arrives {
                    reached_by[to.0] = Some(Some(edge));
                    pending.push_back(to);
                }
            }
        }
        Unrecorded { reached_by }
    }

    /// Whether a run can reach `node` without the value recorded.
    fn reaches(&self, node: NodeId) -> bool {
        self.reached_by[node.0].is_some()
    }

    /// The way from `start` to `node` without the value, as node names:
    /// `apply -> check` (a step left by its timeout is marked so).
    fn way_to(&self, process: &Process, node: NodeId) -> Text {
        let mut names = vec![crate::text!("chain-name", name = &process.node(node).name)];
        let mut current = node;
        while let Some(Some(edge)) = self.reached_by[current.0] {
            let from = process.edges[edge].from;
            let name = &process.node(from).name;
            names.push(match process.edges[edge].kind {
                EdgeKind::Timeout(_) => crate::text!("read-before-record-timed-out", name = name),
                _ => crate::text!("chain-name", name = name),
            });
            current = from;
            if names.len() > process.nodes.len() {
                break;
            }
        }
        names.reverse();
        super::chained(names, "chain-link")
    }
}

fn finding(
    process: &Process,
    recorded: &RecordedValue,
    reading: &Read,
    unrecorded: &Unrecorded,
) -> Finding {
    let reader = process.node(reading.node);
    let name = reading.name;
    let step = &process.node(recorded.step).name;
    Finding::new(
        at(process, reading.span),
        crate::text!(
            "read-before-record-message",
            kind = reader.kind.words(),
            node = &reader.name,
            name = name,
            way = unrecorded.way_to(process, reading.node),
            step = step
        ),
        crate::text!("read-before-record-label", name = name),
        crate::text!(
            "read-before-record-help",
            name = name,
            node = &reader.name,
            step = step
        ),
    )
    .with_related(
        at(process, recorded.record.span),
        crate::text!("read-before-record-related"),
    )
}
