//! `missing-start`: a process with no `start`.

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;

rule! {
    /// ## What it checks
    /// That every process has a `start NAME` line naming where it begins.
    ///
    /// ## Why
    /// Systematic (系統性): without a start, nobody knows which step opens
    /// the process, and nothing in it can be shown to be reachable.
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
    ///   step apply "員工申請" {
    ///     owner employee
    ///     within 3 business days
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
    /// Nothing says which step comes first.
    ///
    /// ## Fix
    /// Add `start STEP` naming the first step, e.g. `start apply`.
    pub struct MissingStart;
    code: "F203",
    name: "missing-start",
    severity: Error,
    enabled_by_default: true,
    principle: Systematic,
    summary: "A process has no `start` line.",
}

impl Rule for MissingStart {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context
            .processes(project)
            .filter(|process| process.start.is_none())
        {
            findings.push(Finding::new(
                at(process, process.name_span),
                crate::text!("missing-start-message", process = &process.name),
                crate::text!("missing-start-label"),
                crate::text!("missing-start-help"),
            ));
        }
    }
}
