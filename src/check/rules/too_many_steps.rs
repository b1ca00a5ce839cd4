//! `too-many-steps`: a process with more steps than the configured limit.

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeKind, Project};

rule! {
    /// ## What it checks
    /// That no process has more steps than `[limits] max-steps` in
    /// `flowc.toml` (default 20). Decisions, parallel blocks and ends do not
    /// count; the steps inside parallel blocks do.
    ///
    /// ## Why
    /// Simplicity (簡潔性): as few steps as effective operation allows. A
    /// very long process is hard to follow and slow to run; it usually hides
    /// steps that could be merged or a part that is a process of its own.
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
    ///     next check_1
    ///   }
    ///
    ///   step check_1 "第1道審核" {
    ///     owner dept_head
    ///     within 1 business day
    ///     next check_2
    ///   }
    ///
    ///   step check_2 "第2道審核" {
    ///     owner dept_head
    ///     within 1 business day
    ///     next check_3
    ///   }
    ///
    ///   step check_3 "第3道審核" {
    ///     owner dept_head
    ///     within 1 business day
    ///     next check_4
    ///   }
    ///
    ///   step check_4 "第4道審核" {
    ///     owner dept_head
    ///     within 1 business day
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
    /// reports that `expense_claim` has 6 steps, one more than this
    /// `flowc.toml` allows:
    /// ```toml
    /// [limits]
    /// max-steps = 5
    /// ```
    ///
    /// ## Fix
    /// Merge consecutive steps done by one owner, drop approvals that add no
    /// control, or split off a part as a process of its own. If the length
    /// is justified, raise the limit:
    ///
    /// ```toml
    /// [limits]
    /// max-steps = 25
    /// ```
    pub struct TooManySteps;
    code: "F142",
    name: "too-many-steps",
    severity: Warning,
    enabled_by_default: true,
    principle: Simplicity,
    summary: "A process has more steps than `[limits] max-steps` (default 20).",
}

impl Rule for TooManySteps {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        let limit = context.config.limits.max_steps;
        for process in context.processes(project) {
            let steps = process
                .nodes
                .iter()
                .filter(|node| matches!(node.kind, NodeKind::Step(_)))
                .count();
            if steps <= limit {
                continue;
            }
            findings.push(Finding::new(
                at(process, process.name_span),
                crate::text!(
                    "too-many-steps-message",
                    process = &process.name,
                    steps = steps,
                    limit = limit
                ),
                crate::text!("too-many-steps-label", steps = steps),
                crate::text!("too-many-steps-help"),
            ));
        }
    }
}
