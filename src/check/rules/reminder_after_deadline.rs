//! `reminder-after-deadline`: a reminder that comes when the step is due or
//! already late.

use super::{at, duration_in_business_days};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeKind, Project};

rule! {
    /// ## What it checks
    /// That every `remind after` of a step comes before the step's `within`
    /// deadline. A reminder at or after the deadline is reported. Times in
    /// different units are compared through the working calendar
    /// (`[calendar]` in `flowc.toml`).
    ///
    /// ## Why
    /// Clarity (明確性): a reminder is there so the owner meets the time node.
    /// One that arrives when the step is already due helps nobody; after the
    /// deadline, the process should escalate instead.
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
    ///     remind after 3 business days
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
    /// The reminder comes a day after the deadline it should prevent missing.
    ///
    /// ## Fix
    /// Remind earlier than the deadline (`remind after 1 business day`); to
    /// act once the step is late, use `escalate after ... to ROLE`.
    pub struct ReminderAfterDeadline;
    code: "F113",
    name: "reminder-after-deadline",
    severity: Error,
    enabled_by_default: true,
    principle: Clarity,
    summary: "A `remind after` comes at or after the step's `within` deadline.",
}

impl Rule for ReminderAfterDeadline {
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
                for reminder in &details.reminders {
                    if calendar.working_time(reminder) < due {
                        continue;
                    }
                    findings.push(
                        Finding::new(
                            at(process, reminder.span),
                            crate::text!(
                                "reminder-after-deadline-message",
                                step = &node.name,
                                reminder = duration_in_business_days(calendar, reminder),
                                deadline = duration_in_business_days(calendar, deadline)
                            ),
                            crate::text!("reminder-after-deadline-label"),
                            crate::text!(
                                "reminder-after-deadline-help",
                                deadline = deadline.to_string()
                            ),
                        )
                        .with_related(at(process, deadline.span), crate::text!("the-deadline")),
                    );
                }
            }
        }
    }
}
