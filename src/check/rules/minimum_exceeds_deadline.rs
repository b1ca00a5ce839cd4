//! `minimum-exceeds-deadline`: a step that must take longer than it may.

use super::{due_steps, duration_in_business_days};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;

rule! {
    /// ## What it checks
    /// That a step's `at least` period is not longer than its `within`
    /// deadline: the step cannot be finished before its minimum period is
    /// over, so a minimum past the deadline makes every case late. Periods
    /// are compared through the working calendar (`[calendar]` in
    /// `flowc.toml`), as the deadline rules compare them; a minimum equal
    /// to the deadline is allowed.
    ///
    /// ## Why
    /// Clarity (明確性): every step has a time node, and the owner must be
    /// able to keep it. A public notice that must last 10 working days but
    /// is due in 7 cannot be done right: either the notice is cut short or
    /// the deadline is missed.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`:
    /// ```flow
    /// process appointment "任職審批" {
    ///   category approval
    ///   owner general_office
    ///   review every 12 months, last 2026-03-01
    ///   sla 20 business days
    ///   kpi cycle_time "任職周期" p90 under 15 business days
    ///
    ///   start public_notice
    ///
    ///   step public_notice "任前公示" {
    ///     owner dept_head
    ///     at least 10 business days
    ///     within 7 business days
    ///     next appointed
    ///   }
    ///
    ///   end appointed "已任職"
    /// }
    /// ```
    /// reports "step `public_notice` must take at least 10 business days,
    /// but is due within 7 business days".
    ///
    /// ## Fix
    /// Give the step a deadline at least as long as its minimum period
    /// (`within 12 business days`), or shorten the minimum if the policy
    /// allows.
    pub struct MinimumExceedsDeadline;
    code: "F114",
    name: "minimum-exceeds-deadline",
    severity: Error,
    enabled_by_default: true,
    principle: Clarity,
    summary: "A step's `at least` period is longer than its `within` deadline.",
}

impl Rule for MinimumExceedsDeadline {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        let calendar = &context.config.calendar;
        for step in due_steps(project, context) {
            let Some(minimum) = &step.details.minimum else {
                continue;
            };
            if calendar.working_time(minimum) <= calendar.working_time(step.deadline) {
                continue;
            }
            findings.push(step.finding(
                minimum,
                crate::text!(
                    "minimum-exceeds-deadline-message",
                    step = &step.node.name,
                    minimum = duration_in_business_days(calendar, minimum),
                    deadline = duration_in_business_days(calendar, step.deadline)
                ),
                crate::text!("minimum-exceeds-deadline-label"),
                crate::text!(
                    "minimum-exceeds-deadline-help",
                    minimum = minimum.to_string()
                ),
            ));
        }
    }
}
