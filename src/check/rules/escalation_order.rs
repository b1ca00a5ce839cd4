//! `escalation-order`: escalations of one step that do not go strictly later
//! and strictly higher each time.

use super::cases::{ByCase, Case, role_in, when_applicant};
use super::reporting::ReportingLines;
use super::{at, duration_in_business_days, line_above};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::people;
use crate::model::{Escalation, NodeKind, Project};

rule! {
    /// ## What it checks
    /// That when a step has several `escalate after ... to ROLE` lines, each
    /// one (in the order written) comes strictly later than the one before
    /// and goes to a role strictly above the one before in the reporting
    /// lines. Times are compared through the working calendar. Targets
    /// relative to the applicant (`manager of manager of applicant`) are
    /// compared for every role the applicant may hold, naming the cases that
    /// fail ("when the applicant is `dept_head`").
    ///
    /// ## Why
    /// Monitoring (policy section 4): repeated problems are escalated. An
    /// escalation chain climbs: the longer a step is late, the higher the
    /// person told. Two escalations at the same time, or a later one to a
    /// lower or the same role, leave it unclear who answers for the delay.
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
    ///     escalate after 3 business days to general_manager
    ///     escalate after 5 business days to division_lead
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
    /// reports that `division_lead` is not above `general_manager`.
    ///
    /// ## Fix
    /// Order the lines by time and make each target the superior (or a
    /// higher superior) of the one before:
    /// `escalate after 8 hours to service_manager`, then
    /// `escalate after 24 hours to division_lead`.
    pub struct EscalationOrder;
    code: "F123",
    name: "escalation-order",
    severity: Error,
    enabled_by_default: true,
    principle: Monitoring,
    summary: "A step's escalations do not go strictly later and strictly higher each time.",
}

impl Rule for EscalationOrder {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        let calendar = &context.config.calendar;
        let lines = ReportingLines::of(project);
        for process in &project.processes {
            let cases = people::cases(project, process);
            for node in &process.nodes {
                let NodeKind::Step(details) = &node.kind else {
                    continue;
                };
                for pair in details.escalations.windows(2) {
                    let [before, after] = pair else { continue };
                    let mut reasons = Vec::new();
                    if calendar.working_time(&after.after) <= calendar.working_time(&before.after) {
                        reasons.push(format!(
                            "it is not later ({} is not after {})",
                            duration_in_business_days(calendar, &after.after),
                            duration_in_business_days(calendar, &before.after)
                        ));
                    }
                    reasons.extend(not_higher(project, &lines, &cases, before, after));
                    if reasons.is_empty() {
                        continue;
                    }
                    findings.push(
                        Finding::new(
                            at(process, after.span),
                            format!(
                                "the escalations of step `{}` do not climb: `escalate after {} to {}` follows `escalate after {} to {}`, but {}",
                                node.name,
                                after.after,
                                after.to,
                                before.after,
                                before.to,
                                reasons.join(", and ")
                            ),
                            "not later and higher than the line before",
                            "write each escalation later than the one before, to a role above the one before (usually its superior)",
                        )
                        .with_related(at(process, before.span), "the escalation before"),
                    );
                }
            }
        }
    }
}

/// Why `after` does not go higher than `before`: one reason for fixed
/// targets, or one for each different way it fails across the cases, each
/// naming its cases.
fn not_higher(
    project: &Project,
    lines: &ReportingLines,
    cases: &[Case],
    before: &Escalation,
    after: &Escalation,
) -> Vec<String> {
    let mut problems = ByCase::new();
    for &case in cases {
        if let (Some(low), Some(high)) = (
            role_in(project, &before.to, case),
            role_in(project, &after.to, case),
        ) && !lines.is_above(project, high, low)
        {
            problems.add((low, high), case);
        }
    }
    let relative = before.to.is_relative() || after.to.is_relative();
    problems
        .into_groups()
        .map(|((low, high), cases)| {
            let reason = if low == high {
                format!("it goes to the same role, `{}`", project.role(high).name)
            } else {
                format!(
                    "`{}` is not above `{}` ({})",
                    project.role(high).name,
                    project.role(low).name,
                    line_above(project, low)
                )
            };
            if relative {
                format!("{}, {reason}", when_applicant(project, &cases))
            } else {
                reason
            }
        })
        .collect()
}
