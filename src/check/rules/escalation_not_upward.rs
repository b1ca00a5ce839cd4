//! `escalation-not-upward`: a step that escalates to someone who is not above
//! its owner.

use super::reporting::ReportingLines;
use super::{at, direct_superior, line_above, owner_role};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeKind, Project};

rule! {
    /// ## What it checks
    /// That every `escalate after ... to ROLE` of a step names a role above
    /// the step's owner in the reporting lines (`reports to`), directly or
    /// through others. The message shows the owner's reporting line. Steps
    /// owned by a department (which has no reporting line) are not checked;
    /// escalating to the owner itself is
    /// [`escalation-to-self`](escalation-to-self.md).
    ///
    /// ## Why
    /// Monitoring (policy section 4): repeated problems are escalated, which
    /// means upwards, to someone with authority over the late owner. A peer
    /// or a subordinate cannot make the owner act.
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
    ///     escalate after 3 business days to accountant
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
    /// reports that `accountant` is not above `dept_head` (dept_head ->
    /// division_lead -> general_manager).
    ///
    /// ## Fix
    /// Escalate to a role on the owner's reporting line, usually the next one
    /// up; or correct the `reports to` lines if they are wrong.
    pub struct EscalationNotUpward;
    code: "F122",
    name: "escalation-not-upward",
    severity: Error,
    enabled_by_default: true,
    principle: Monitoring,
    summary: "A step escalates to a role that is not above its owner in the reporting lines.",
}

impl Rule for EscalationNotUpward {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        let lines = ReportingLines::of(project);
        for process in &project.processes {
            for node in &process.nodes {
                let NodeKind::Step(details) = &node.kind else {
                    continue;
                };
                let Some(owner) = owner_role(details) else {
                    continue;
                };
                let owner_name = &project.role(owner).name;
                for escalation in &details.escalations {
                    let Some(target) = escalation.to.fixed_role() else {
                        continue;
                    };
                    if target == owner || lines.is_above(project, target, owner) {
                        continue;
                    }
                    let line = line_above(project, owner);
                    let help = match direct_superior(project, owner) {
                        Some(next) => format!(
                            "escalate to a role on `{owner_name}`'s reporting line, usually `{}`; or correct the `reports to` lines",
                            project.role(next).name
                        ),
                        None => format!(
                            "declare whom `{owner_name}` reports to (`reports to ROLE`), or remove the escalation"
                        ),
                    };
                    findings.push(Finding::new(
                        at(process, escalation.to.span),
                        format!(
                            "step `{}` escalates to `{}`, who is not above its owner `{owner_name}` in the reporting lines ({line})",
                            node.name,
                            project.role(target).name
                        ),
                        format!("not above `{owner_name}`"),
                        help,
                    ));
                }
            }
        }
    }
}
