//! `unowned-step`: a step with no owner.

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeKind, Project};

rule! {
    /// ## What it checks
    /// That every step has an `owner` line naming the role (or department)
    /// responsible for it.
    ///
    /// ## Why
    /// Clarity (明確性): the policy asks that every step name its responsible
    /// person (責任人), so that nobody can pass the buck.
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
    /// Nobody is named for `dept_review`.
    ///
    /// ## Fix
    /// Add `owner ROLE`, e.g. `owner cashier`.
    pub struct UnownedStep;
    code: "F101",
    name: "unowned-step",
    severity: Error,
    enabled_by_default: true,
    principle: Clarity,
    summary: "A step names no owner.",
}

impl Rule for UnownedStep {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            for node in &process.nodes {
                if let NodeKind::Step(details) = &node.kind
                    && details.owner.is_none()
                {
                    findings.push(Finding::new(
                        at(process, node.name_span),
                        crate::text!(
                            "unowned-step-message",
                            step = &node.name,
                            process = &process.name
                        ),
                        crate::text!("unowned-step-label"),
                        crate::text!("unowned-step-help"),
                    ));
                }
            }
        }
    }
}
