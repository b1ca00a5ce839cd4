//! `escalation-to-self`: a step that escalates to its own owner.

use super::{at, direct_superior, owner_role};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeKind, Project};

rule! {
    /// ## What it checks
    /// That no `escalate after ... to ROLE` of a step names the role that
    /// owns the step.
    ///
    /// ## Why
    /// Monitoring (policy section 4): problems go back to a responsible
    /// person with a deadline, and repeated problems are escalated. Telling
    /// the late owner that the owner is late escalates nothing.
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
    ///     within 2 business days
    ///     escalate after 3 business days to dept_head
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
    /// `dept_head` is told that `dept_head` is late.
    ///
    /// ## Fix
    /// Escalate to the owner's superior in the reporting lines (here
    /// `division_lead`).
    pub struct EscalationToSelf;
    code: "F121",
    name: "escalation-to-self",
    severity: Error,
    enabled_by_default: true,
    principle: Monitoring,
    summary: "A step escalates to its own owner.",
}

impl Rule for EscalationToSelf {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in &project.processes {
            for node in &process.nodes {
                let NodeKind::Step(details) = &node.kind else {
                    continue;
                };
                let Some(owner) = owner_role(details) else {
                    continue;
                };
                let name = &project.role(owner).name;
                let help = match direct_superior(project, owner) {
                    Some(superior) => format!(
                        "escalate to `{name}`'s superior, `{}`",
                        project.role(superior).name
                    ),
                    None => format!(
                        "`{name}` reports to no one: remove the escalation, or declare whom `{name}` reports to"
                    ),
                };
                for escalation in &details.escalations {
                    if escalation.to.fixed_role() == Some(owner) {
                        findings.push(Finding::new(
                            at(process, escalation.to.span),
                            format!("step `{}` escalates to `{name}`, its own owner", node.name),
                            "the step's owner",
                            help.clone(),
                        ));
                    }
                }
            }
        }
    }
}
