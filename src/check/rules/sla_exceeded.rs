//! `sla-exceeded`: the longest path of a process takes longer than its SLA.

use super::walk::{self, LongestPath};
use super::{at, business_days, duration_in_business_days};
use crate::check::{CheckContext, Finding, Rule};
use crate::i18n::Text;
use crate::model::calendar::{Calendar, WorkingTime};
use crate::model::words;
use crate::model::{NodeKind, Process, Project};
use crate::syntax::ast::TimeUnit;

rule! {
    /// ## What it checks
    /// That the worst case fits the process's `sla`: the longest path from
    /// `start` to any `end`, adding up the `within` deadlines of its steps,
    /// is not longer than the SLA.
    ///
    /// - Every decision may go either way; the longest branch counts.
    /// - A parallel block takes as long as its longest branch.
    /// - Rework is not followed: an edge that goes back to a node the path
    ///   has already passed (`on reject -> apply`, or any edge that closes a
    ///   loop) is left out. Precisely: walking depth-first from `start`,
    ///   edges in source order, an edge to a node the walk is still inside
    ///   of is rework. For processes whose loops are entered through one
    ///   step, that is every edge back to an earlier step.
    /// - A step without `within` counts its `at least` (the least it
    ///   takes), else nothing; a step left by its `on timeout after` takes
    ///   the timeout's time on that way.
    /// - A `call` takes as long as the longest path of the process it calls
    ///   (worked out the same way, its own calls included), not the
    ///   callee's `sla`: the path as written is what the caller waits for,
    ///   and the callee's `sla` is checked against it in the callee. A
    ///   process that calls itself (a [`recursive-call`](recursive-call.md))
    ///   adds nothing the second time round.
    /// - Business days and calendar time are compared through the working
    ///   calendar of `flowc.toml` (`[calendar]`; by default Monday to
    ///   Friday, 8 hours a day, so `7 days` = `5 business days`).
    ///
    /// The message prints the path with each step's deadline and each
    /// call's time in business days, the total and the SLA.
    ///
    /// ## Why
    /// Clarity (明確性): every step has a time node, and the process as a
    /// whole promises one. If the deadlines of the steps add up to more than
    /// the SLA, the promise is broken even when every owner is on time.
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
    ///     within 6 business days
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
    /// reports "the longest path of `expense_claim` takes 11 business days
    /// (apply 3 → dept_review 6 → pay 2), over its SLA of 10 business days".
    ///
    /// ## Fix
    /// Shorten the deadlines on the path, let steps run in parallel (a
    /// `parallel` block counts only its longest branch), or, if the policy
    /// allows, raise the `sla`.
    pub struct SlaExceeded;
    code: "F111",
    name: "sla-exceeded",
    severity: Error,
    enabled_by_default: true,
    principle: Clarity,
    summary: "The longest path from `start` to an end takes longer than the process's `sla`.",
}

impl Rule for SlaExceeded {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        let calendar = &context.config.calendar;
        let times = walk::process_times(project, calendar, context.process_indices(project));
        for process in context.processes(project) {
            let Some(sla) = &process.sla else { continue };
            let walk = walk::walk(process);
            let Some(path) = walk::longest_path(process, &walk, calendar, &times) else {
                continue;
            };
            let limit = calendar.working_time(sla);
            if path.total <= limit {
                continue;
            }
            findings.push(Finding::new(
                at(process, sla.span),
                crate::text!(
                    "sla-exceeded-message",
                    process = &process.name,
                    total = business_days(calendar, path.total),
                    path = path_text(project, process, &path, calendar, &times),
                    sla = duration_in_business_days(calendar, sla)
                ),
                crate::text!(
                    "sla-exceeded-label",
                    total = business_days(calendar, path.total)
                ),
                crate::text!("sla-exceeded-help"),
            ));
        }
    }
}

/// `apply 5 → dept_review 2 → receive 0.5 (4 hours) → contract 7
/// (contract_approval)`: the steps and calls of the path with their times
/// in business days.
fn path_text(
    project: &Project,
    process: &Process,
    path: &LongestPath,
    calendar: &Calendar,
    times: &[WorkingTime],
) -> Text {
    let items = path.nodes.iter().filter_map(|&node| {
        let shown = process.node(node);
        let days = calendar.in_business_days(walk::node_time(process, node, calendar, times));
        match &shown.kind {
            NodeKind::Step(details) => Some(
                match details.deadline.as_ref().or(details.minimum.as_ref()) {
                    None => crate::text!("sla-exceeded-path-no-deadline", name = &shown.name),
                    Some(period) if period.unit == TimeUnit::BusinessDay => {
                        crate::text!("sla-exceeded-path-step", name = &shown.name, days = &days)
                    }
                    Some(period) => crate::text!(
                        "sla-exceeded-path-step-in",
                        name = &shown.name,
                        days = &days,
                        period = words::duration(period)
                    ),
                },
            ),
            NodeKind::Call(details) => {
                let callee = details.process.as_ref()?.target?;
                Some(crate::text!(
                    "sla-exceeded-path-call",
                    name = &shown.name,
                    days = &days,
                    process = &project.process(callee).name
                ))
            }
            NodeKind::Decision
            | NodeKind::Parallel { .. }
            | NodeKind::Join { .. }
            | NodeKind::End => None,
        }
    });
    super::chained(items.collect(), "path-link")
}
