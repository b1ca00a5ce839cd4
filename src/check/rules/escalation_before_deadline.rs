//! `escalation-before-deadline`: a step escalated before it is due.

use super::{at, duration_in_business_days};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeKind, Project};
use crate::text;

rule! {
    /// ## What it checks
    /// That no `escalate after` of a step comes before the step's `within`
    /// deadline (escalating exactly at the deadline is allowed). Times are
    /// compared through the working calendar (`[calendar]` in `flowc.toml`).
    ///
    /// ## Why
    /// Monitoring (policy section 4): escalation is feedback about a
    /// problem, and a step that is not yet due has none. Escalating early
    /// takes the matter from its owner while the owner is still on time, so
    /// the step has two responsible people instead of one.
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
    ///     within 3 business days
    ///     escalate after 1 business day to division_lead
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
    /// The escalation fires two days before the owner's deadline.
    ///
    /// ## Fix
    /// Escalate after the deadline (`escalate after 4 business days to
    /// division_lead`); to nudge the owner before it, use `remind after`.
    pub struct EscalationBeforeDeadline;
    code: "F124",
    name: "escalation-before-deadline",
    severity: Warning,
    enabled_by_default: true,
    principle: Monitoring,
    summary: "A step escalates before its `within` deadline.",
}

impl Rule for EscalationBeforeDeadline {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        let calendar = &context.config.calendar;
        for process in context.processes(project) {
            for node in &process.nodes {
                let NodeKind::Step(details) = &node.kind else {
                    continue;
                };
                let Some(deadline) = &details.deadline else {
                    continue;
                };
                let due = calendar.working_time(deadline);
                for escalation in &details.escalations {
                    if calendar.working_time(&escalation.after) >= due {
                        continue;
                    }
                    findings.push(
                        Finding::new(
                            at(process, escalation.after.span),
                            text!(
                                "escalation-before-deadline-message",
                                step = &node.name,
                                to = escalation.to.to_string(),
                                after = duration_in_business_days(calendar, &escalation.after),
                                deadline = duration_in_business_days(calendar, deadline)
                            ),
                            text!("escalation-before-deadline-label"),
                            text!(
                                "escalation-before-deadline-help",
                                within = deadline.to_string()
                            ),
                        )
                        .with_related(at(process, deadline.span), text!("the-deadline")),
                    );
                }
            }
        }
    }
}
