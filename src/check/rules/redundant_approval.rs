//! `redundant-approval`: two review steps in a row by the same owner.

use super::at;
use super::walk::{self, is_review, step_owner};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeId, NodeKind, Process, Project};

rule! {
    /// ## What it checks
    /// That no review step is followed directly by another review step with
    /// the same owner. A review step is one with an outcome that sends work
    /// back to an earlier step (`on reject -> apply`). "Directly" means by
    /// its `next` or another forward edge, possibly through decisions (which
    /// take no time and have no owner), but not through another step or a
    /// parallel block.
    ///
    /// ## Why
    /// Simplicity (簡潔性): as few steps as effective operation allows. The
    /// same person approving the same work twice in a row adds time, not
    /// control.
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
    ///     next dept_review
    ///   }
    ///
    ///   step dept_review "部門負責人審核" {
    ///     owner dept_head
    ///     within 1 business day
    ///     on reject -> apply
    ///     next dept_approval
    ///   }
    ///
    ///   step dept_approval "部門負責人審批" {
    ///     owner dept_head
    ///     within 1 business day
    ///     on reject -> apply
    ///     next pay
    ///   }
    ///
    ///   step pay "報銷支付" {
    ///     owner cashier
    ///     within 2 business days
    ///     next paid
    ///   }
    ///
    ///   end paid "已支付"
    /// }
    /// ```
    /// `dept_head` approves the same claim twice in a row.
    ///
    /// ## Fix
    /// Merge the two steps into one, or give the second to the next level
    /// up (`owner division_lead`).
    pub struct RedundantApproval;
    code: "F141",
    name: "redundant-approval",
    severity: Warning,
    enabled_by_default: true,
    principle: Simplicity,
    summary: "Two consecutive review steps have the same owner.",
}

impl Rule for RedundantApproval {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in &project.processes {
            let walk = walk::walk(process);
            for first in process.node_ids() {
                if !is_review(process, &walk, first) {
                    continue;
                }
                let Some(owner) = step_owner(process, first) else {
                    continue;
                };
                for second in following_steps(process, &walk, first) {
                    if is_review(process, &walk, second)
                        && step_owner(process, second) == Some(owner)
                    {
                        let owner_name = project.unit_name(owner);
                        findings.push(
                            Finding::new(
                                at(process, process.node(second).name_span),
                                format!(
                                    "steps `{}` and `{}` are consecutive reviews by the same owner `{owner_name}`: the second approval adds nothing",
                                    process.node(first).name,
                                    process.node(second).name
                                ),
                                format!("`{owner_name}` reviews again"),
                                "merge the two reviews into one step, or give the second one to the next level up",
                            )
                            .with_related(
                                at(process, process.node(first).name_span),
                                format!("the first review by `{owner_name}`"),
                            ),
                        );
                    }
                }
            }
        }
    }
}

/// The steps that follow `from` by forward edges, through decisions only,
/// each once, in the order first reached.
fn following_steps(process: &Process, walk: &walk::Walk, from: NodeId) -> Vec<NodeId> {
    let mut seen = vec![from];
    let mut steps = Vec::new();
    let mut pending = vec![from];
    while let Some(node) = pending.pop() {
        for &edge in &process.outgoing[node.0] {
            let to = process.edges[edge].to;
            if walk.rework[edge] || seen.contains(&to) {
                continue;
            }
            seen.push(to);
            match process.node(to).kind {
                NodeKind::Step(_) => steps.push(to),
                NodeKind::Decision => pending.push(to),
                _ => {}
            }
        }
    }
    steps
}
