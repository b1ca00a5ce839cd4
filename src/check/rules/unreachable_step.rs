//! `unreachable-step`: a node no path from `start` reaches.

use super::{at, reachable_from_start};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeKind, Project};

rule! {
    /// ## What it checks
    /// That every step, decision, parallel block and end can be reached from
    /// the process's `start` by following `next`, outcomes, decision branches
    /// and parallel branches.
    ///
    /// ## Why
    /// Systematic (系統性): a step no path leads to is never done. It is
    /// either dead text or a missing link, and the policy forbids skipping
    /// steps.
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
    ///     next pay
    ///   }
    ///
    ///   step audit "稽核" {
    ///     owner accountant
    ///     within 2 business days
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
    /// Nothing leads to `audit`.
    ///
    /// ## Fix
    /// Lead to it from a step that is reached (`next audit`, an
    /// `on OUTCOME -> audit` line or a `when` branch), or delete it.
    pub struct UnreachableStep;
    code: "F201",
    name: "unreachable-step",
    severity: Error,
    enabled_by_default: true,
    principle: Systematic,
    summary: "A step, decision, block or end cannot be reached from `start`.",
}

impl Rule for UnreachableStep {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project).filter(|p| !p.has_broken_links) {
            let Some(reached) = reachable_from_start(process) else {
                continue;
            };
            for id in process.node_ids().filter(|id| !reached[id.0]) {
                let node = process.node(id);
                if matches!(node.kind, NodeKind::Join { .. }) {
                    continue;
                }
                findings.push(Finding::new(
                    at(process, node.name_span),
                    crate::text!(
                        "unreachable-step-message",
                        kind = node.kind.words(),
                        node = &node.name,
                        process = &process.name
                    ),
                    crate::text!("unreachable-step-label"),
                    crate::text!("unreachable-step-help", node = &node.name),
                ));
            }
        }
    }
}
