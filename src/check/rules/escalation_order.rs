//! `escalation-order`: escalations of one step that do not go strictly later
//! and strictly higher each time.

use super::cases::{ByCase, Case, role_in, when_applicant};
use super::reporting::ReportingLines;
use super::{at, chained, duration_in_business_days, line_above};
use crate::check::{CheckContext, Finding, Rule};
use crate::i18n::Text;
use crate::model::people;
use crate::model::{Escalation, NodeKind, Project};
use crate::text;

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
        for process in context.processes(project) {
            let cases = people::cases(project, process);
            for node in &process.nodes {
                let NodeKind::Step(details) = &node.kind else {
                    continue;
                };
                for pair in details.escalations.windows(2) {
                    let [before, after] = pair else { continue };
                    let mut reasons = Vec::new();
                    if calendar.working_time(&after.after) <= calendar.working_time(&before.after) {
                        reasons.push(text!(
                            "escalation-order-not-later",
                            after = duration_in_business_days(calendar, &after.after),
                            before = duration_in_business_days(calendar, &before.after)
                        ));
                    }
                    reasons.extend(not_higher(project, &lines, &cases, before, after));
                    if reasons.is_empty() {
                        continue;
                    }
                    findings.push(
                        Finding::new(
                            at(process, after.span),
                            text!(
                                "escalation-order-message",
                                step = &node.name,
                                after = after.after.to_string(),
                                to = after.to.to_string(),
                                before_after = before.after.to_string(),
                                before_to = before.to.to_string(),
                                reasons = chained(reasons, "reasons-and")
                            ),
                            text!("escalation-order-label"),
                            text!("escalation-order-help"),
                        )
                        .with_related(at(process, before.span), text!("escalation-order-related")),
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
) -> Vec<Text> {
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
                text!(
                    "escalation-order-same-role",
                    role = &project.role(high).name
                )
            } else {
                text!(
                    "escalation-order-not-above",
                    high = &project.role(high).name,
                    low = &project.role(low).name,
                    line = line_above(project, low)
                )
            };
            if relative {
                text!(
                    "escalation-order-in-case",
                    when = when_applicant(project, &cases),
                    reason = reason
                )
            } else {
                reason
            }
        })
        .collect()
}
