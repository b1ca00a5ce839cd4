//! `missing-process-owner`: a process with no owning department.

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;

rule! {
    /// ## What it checks
    /// That every process has an `owner` line naming its owning department
    /// (歸口部門), or a role.
    ///
    /// ## Why
    /// Clarity (明確性), and section 2 of the policy: each process has an
    /// owning department that maintains it, trains staff on it and answers
    /// for its review.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`:
    /// ```flow
    /// process expense_claim "費用報銷審批" {
    ///   category approval
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
    ///     next paid
    ///   }
    ///
    ///   end paid "已支付"
    /// }
    /// ```
    /// No department answers for `expense_claim`.
    ///
    /// ## Fix
    /// Add `owner DEPARTMENT` inside the process, e.g. `owner finance`.
    pub struct MissingProcessOwner;
    code: "F103",
    name: "missing-process-owner",
    severity: Error,
    enabled_by_default: true,
    principle: Clarity,
    summary: "A process names no owning department.",
}

impl Rule for MissingProcessOwner {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context
            .processes(project)
            .filter(|process| process.owner.is_none())
        {
            findings.push(Finding::new(
                at(process, process.name_span),
                crate::text!("missing-process-owner-message", process = &process.name),
                crate::text!("missing-process-owner-label"),
                crate::text!("missing-process-owner-help"),
            ));
        }
    }
}
