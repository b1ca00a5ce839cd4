//! `missing-sla`: a process that promises no overall duration.

use super::walk;
use super::{at, business_days};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;

rule! {
    /// ## What it checks
    /// That every process has an `sla DURATION` line: how long the whole
    /// process may take from `start` to an end.
    ///
    /// ## Why
    /// Clarity (明確性): the policy asks for a time node at every step, and
    /// the people who start a process need to know when it will be done.
    /// Without an SLA, [`sla-exceeded`](sla-exceeded.md) cannot tell whether
    /// the steps' deadlines add up to a reasonable whole.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`:
    /// ```flow
    /// process expense_claim "費用報銷審批" {
    ///   category approval
    ///   owner finance
    ///   review every 12 months, last 2026-03-01
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
    /// The process has no `sla`.
    ///
    /// ## Fix
    /// Add `sla DURATION`, e.g. `sla 15 business days`. The help line gives
    /// the length of the longest path, the least the SLA can be.
    pub struct MissingSla;
    code: "F112",
    name: "missing-sla",
    severity: Warning,
    enabled_by_default: true,
    principle: Clarity,
    summary: "A process has no `sla`.",
}

impl Rule for MissingSla {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        let calendar = &context.config.calendar;
        let times = walk::process_times(project, calendar, context.process_indices(project));
        for process in context.processes(project) {
            if process.sla.is_some() {
                continue;
            }
            let walk = walk::walk(process);
            let help = match walk::longest_path(process, &walk, calendar, &times) {
                Some(path) => crate::text!(
                    "missing-sla-help",
                    longest = business_days(calendar, path.total)
                ),
                None => crate::text!("missing-sla-help-example"),
            };
            findings.push(Finding::new(
                at(process, process.name_span),
                crate::text!("missing-sla-message", process = &process.name),
                crate::text!("missing-sla-label"),
                help,
            ));
        }
    }
}
