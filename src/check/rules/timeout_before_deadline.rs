//! `timeout-before-deadline`: a step that moves on by itself before it is
//! due.

use super::{due_steps, duration_in_business_days};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;

rule! {
    /// ## What it checks
    /// That a step's `on timeout after` does not come before its `within`
    /// deadline (timing out exactly at the deadline is allowed). Periods
    /// are compared through the working calendar (`[calendar]` in
    /// `flowc.toml`).
    ///
    /// ## Why
    /// Clarity (明確性): the deadline is the time the owner is given. A
    /// timeout before it takes the work away while the owner is still on
    /// time, so the step's real deadline is the timeout, and the `within`
    /// line tells people something untrue.
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
    ///   start dept_review
    ///
    ///   step dept_review "部門負責人審核" {
    ///     owner dept_head
    ///     within 3 business days
    ///     on timeout after 2 business days -> pay
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
    /// reports "step `dept_review` times out after 2 business days, before
    /// its deadline of 3 business days".
    ///
    /// ## Fix
    /// Time out at or after the deadline (`on timeout after 3 business
    /// days -> pay`), or shorten the deadline to the time the owner really
    /// has.
    pub struct TimeoutBeforeDeadline;
    code: "F115",
    name: "timeout-before-deadline",
    severity: Warning,
    enabled_by_default: true,
    principle: Clarity,
    summary: "A step's `on timeout after` comes before its `within` deadline.",
}

impl Rule for TimeoutBeforeDeadline {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        let calendar = &context.config.calendar;
        for step in due_steps(project, context) {
            let Some(timeout) = &step.details.timeout else {
                continue;
            };
            if calendar.working_time(timeout) >= calendar.working_time(step.deadline) {
                continue;
            }
            findings.push(step.finding(
                timeout,
                crate::text!(
                    "timeout-before-deadline-message",
                    step = &step.node.name,
                    timeout = duration_in_business_days(calendar, timeout),
                    deadline = duration_in_business_days(calendar, step.deadline)
                ),
                crate::text!("timeout-before-deadline-label"),
                crate::text!(
                    "timeout-before-deadline-help",
                    deadline = step.deadline.to_string()
                ),
            ));
        }
    }
}
