//! `applicant-without-manager`: an applicant role for which a `manager of`
//! chain of the process names nobody.

use super::cases::{Part, holds, step_parties};
use super::{at, reporting_line};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::people::{self, Holder};
use crate::model::{NodeKind, Party, Process, Project, RoleId};
use crate::text;

rule! {
    /// ## What it checks
    /// That for every role the applicant may hold (each role of the
    /// `applicant` line, and each role of a department on it), every
    /// `manager of ... applicant` the process names (as an owner, an
    /// escalation target, someone notified or consulted) is someone: the
    /// chain of `reports to` lines from that role is long enough. A role
    /// for which a chain breaks is reported once, at the `applicant` line,
    /// with its reporting line and every place that names nobody for it.
    ///
    /// ## Why
    /// Clarity (明確性): every step names a responsible person. When the
    /// applicant may be the general manager, who reports to no one,
    /// `owner manager of applicant` names nobody for them: their case
    /// stops at that step, and no engine can assign it.
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
    ///   applicant employee, general_manager
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
    /// reports that an applicant who is `general_manager` has no
    /// `manager of applicant`: `general_manager` reports to no one.
    ///
    /// ## Fix
    /// Leave the role out of the `applicant` line (the general manager's
    /// leave may be another process), give the step a fixed owner, or
    /// declare whom the role reports to.
    pub struct ApplicantWithoutManager;
    code: "F172",
    name: "applicant-without-manager",
    severity: Error,
    enabled_by_default: true,
    principle: Clarity,
    summary: "An applicant role for which a `manager of` chain of the process names nobody.",
}

impl Rule for ApplicantWithoutManager {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            for role in people::applicant_roles(project, process) {
                let breaks = breaks_for(project, process, role);
                let Some(first) = breaks.first() else {
                    continue;
                };
                let Some(line) = process.applicants.iter().find(|applicant| {
                    applicant
                        .target
                        .is_some_and(|unit| holds(project, unit, role))
                }) else {
                    continue;
                };
                findings.push(finding(project, process, role, line.span, first, &breaks));
            }
        }
    }
}

/// A party that names nobody for one applicant role.
struct Break<'a> {
    party: &'a Party,
    part: Part,
    step: &'a str,
    /// The role of the chain that reports to no one.
    top: RoleId,
}

/// Every party of `process` that names nobody when the applicant holds
/// `role`, in the order written.
fn breaks_for<'a>(project: &Project, process: &'a Process, role: RoleId) -> Vec<Break<'a>> {
    let mut breaks = Vec::new();
    for node in &process.nodes {
        let NodeKind::Step(details) = &node.kind else {
            continue;
        };
        for (party, part) in step_parties(details) {
            if !party.starts_from_applicant() {
                continue;
            }
            if let Holder::NoManager { of, .. } = people::resolve(project, party, Some(role)) {
                breaks.push(Break {
                    party,
                    part,
                    step: &node.name,
                    top: of,
                });
            }
        }
    }
    breaks
}

/// The one finding of `role`, at its place on the `applicant` line.
fn finding(
    project: &Project,
    process: &Process,
    role: RoleId,
    line: crate::span::Span,
    first: &Break,
    breaks: &[Break],
) -> Finding {
    let name = &project.role(role).name;
    let top = &project.role(first.top).name;
    let chain = if first.top == role {
        text!("reports-to-no-one", role = name)
    } else {
        text!(
            "applicant-without-manager-line-ends",
            line = reporting_line(project, role),
            top = top
        )
    };
    let mut finding = Finding::new(
        at(process, line),
        text!(
            "applicant-without-manager-message",
            role = name,
            process = &process.name,
            party = first.party.to_string(),
            part = first.part.of_step(first.step),
            chain = chain,
            more = breaks.len() - 1
        ),
        text!(
            "applicant-without-manager-label",
            role = name,
            party = first.party.to_string()
        ),
        text!("applicant-without-manager-help", role = name, top = top),
    );
    for broken in breaks {
        finding = finding.with_related(
            at(process, broken.party.span),
            text!("applicant-without-manager-related", role = name),
        );
    }
    finding
}
