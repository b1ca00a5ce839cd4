//! `missing-end`: a process with no `end`.

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeKind, Project};

rule! {
    /// ## What it checks
    /// That every process declares at least one `end NAME "label"`.
    ///
    /// ## Why
    /// Systematic (系統性): a process must be able to finish; its ends are
    /// the outcomes the runtime engines and the reports count.
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
    ///   step pay "報銷支付" {
    ///     owner cashier
    ///     within 2 business days
    ///     on reject -> apply
    ///     next apply
    ///   }
    /// }
    /// ```
    /// The process has no `end` line: no claim is ever finished.
    ///
    /// ## Fix
    /// Add `end paid "已支付"` and lead the last step to it with `next paid`.
    pub struct MissingEnd;
    code: "F204",
    name: "missing-end",
    severity: Error,
    enabled_by_default: true,
    principle: Systematic,
    summary: "A process has no `end`.",
}

impl Rule for MissingEnd {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            if !process
                .nodes
                .iter()
                .any(|node| matches!(node.kind, NodeKind::End))
            {
                findings.push(Finding::new(
                    at(process, process.name_span),
                    crate::text!("missing-end-message", process = &process.name),
                    crate::text!("missing-end-label"),
                    crate::text!("missing-end-help"),
                ));
            }
        }
    }
}
