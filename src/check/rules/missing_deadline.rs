//! `missing-deadline`: a step with no deadline.

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeKind, Project};

rule! {
    /// ## What it checks
    /// That every step has a `within DURATION` line: the time by which its
    /// owner must have done it.
    ///
    /// ## Why
    /// Clarity (明確性): the policy asks that every step name its time node
    /// (時間節點). Without one, a step can wait forever and nobody is late.
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
    /// `dept_review` has an owner but no `within`.
    ///
    /// ## Fix
    /// Add `within DURATION`, e.g. `within 2 business days`.
    pub struct MissingDeadline;
    code: "F102",
    name: "missing-deadline",
    severity: Error,
    enabled_by_default: true,
    principle: Clarity,
    summary: "A step has no `within` deadline.",
}

impl Rule for MissingDeadline {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            for node in &process.nodes {
                if let NodeKind::Step(details) = &node.kind
                    && details.deadline.is_none()
                {
                    findings.push(Finding::new(
                        at(process, node.name_span),
                        crate::text!(
                            "missing-deadline-message",
                            step = &node.name,
                            process = &process.name
                        ),
                        crate::text!("missing-deadline-label"),
                        crate::text!("missing-deadline-help"),
                    ));
                }
            }
        }
    }
}
