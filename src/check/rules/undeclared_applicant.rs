//! `undeclared-applicant`: a step names the applicant in a process that
//! does not say who applies.

use super::at;
use super::cases::step_parties;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeKind, Project};

rule! {
    /// ## What it checks
    /// That `applicant`, alone or at the end of a `manager of` chain
    /// (`manager of applicant`), is only named (as an owner, an escalation
    /// target, someone notified or consulted) in a process with an
    /// `applicant ROLE, ...` line.
    ///
    /// ## Why
    /// Clarity (明確性): every step names a responsible person. Without an
    /// `applicant` line nobody knows who may start the process, so
    /// `owner applicant` names no one: no rule can check the step, and no
    /// engine can assign it.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`:
    /// ```flow
    /// process leave_request "請假審批" {
    ///   category approval
    ///   owner general_office
    ///   review every 12 months, last 2026-03-01
    ///   sla 10 business days
    ///   kpi cycle_time "請假周期" p90 under 8 business days
    ///
    ///   start apply
    ///
    ///   step apply "提交申請" {
    ///     owner applicant
    ///     within 2 business days
    ///     next approve
    ///   }
    ///
    ///   step approve "審批" {
    ///     owner manager of applicant
    ///     within 2 business days
    ///     on reject -> not_approved
    ///     next approved
    ///   }
    ///
    ///   end approved "已批准"
    ///   end not_approved "未批准"
    /// }
    /// ```
    /// reports `applicant` and `manager of applicant`: the process has no
    /// `applicant` line.
    ///
    /// ## Fix
    /// Say who may start the process: `applicant employee, dept_head` (roles
    /// or departments); or name a role instead.
    pub struct UndeclaredApplicant;
    code: "F105",
    name: "undeclared-applicant",
    severity: Error,
    enabled_by_default: true,
    principle: Clarity,
    summary: "A step names the applicant in a process without an `applicant` line.",
}

impl Rule for UndeclaredApplicant {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context
            .processes(project)
            .filter(|process| process.applicant_span.is_none())
        {
            for node in &process.nodes {
                let NodeKind::Step(details) = &node.kind else {
                    continue;
                };
                for (party, part) in step_parties(details) {
                    if party.starts_from_applicant() {
                        findings.push(Finding::new(
                            at(process, party.span),
                            crate::text!(
                                "undeclared-applicant-message",
                                party = party.to_string(),
                                part = part.of_step(&node.name),
                                process = &process.name
                            ),
                            crate::text!("undeclared-applicant-label"),
                            crate::text!("undeclared-applicant-help", process = &process.name),
                        ));
                    }
                }
            }
        }
    }
}
