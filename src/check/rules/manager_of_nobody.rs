//! `manager-of-nobody`: `manager of ROLE` where the role's reporting line
//! ends first.

use super::cases::step_parties;
use super::{at, reporting_line};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::people::{self, Holder};
use crate::model::{NodeKind, OrgUnit, PartyBase, Project};

rule! {
    /// ## What it checks
    /// That a `manager of` chain starting from a role (`manager of
    /// dept_head`, as an owner, an escalation target, someone notified or
    /// consulted) names someone: the role's reporting line (`reports to`)
    /// is long enough. A chain starting from the applicant is checked for
    /// each role the applicant may hold by
    /// [`applicant-without-manager`](applicant-without-manager.md).
    ///
    /// ## Why
    /// Clarity (明確性): every step names a responsible person. `manager of
    /// general_manager` names nobody when the general manager reports to no
    /// one, in every case.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`:
    /// ```flow
    /// process budget "預算審批" {
    ///   category approval
    ///   owner finance
    ///   review every 12 months, last 2026-03-01
    ///   sla 10 business days
    ///   kpi cycle_time "審批周期" p90 under 8 business days
    ///
    ///   start draft
    ///
    ///   step draft "編制預算" {
    ///     owner finance_manager
    ///     within 3 business days
    ///     next approve
    ///   }
    ///
    ///   step approve "審批" {
    ///     owner manager of manager of finance_manager
    ///     within 2 business days
    ///     next approved
    ///   }
    ///
    ///   end approved "已批准"
    /// }
    /// ```
    /// reports that `general_manager`, above `finance_manager`, reports to
    /// no one.
    ///
    /// ## Fix
    /// Name the role meant (`owner general_manager`), use fewer `manager
    /// of`, or declare whom the top role reports to.
    pub struct ManagerOfNobody;
    code: "F173",
    name: "manager-of-nobody",
    severity: Error,
    enabled_by_default: true,
    principle: Clarity,
    summary: "A `manager of ROLE` chain goes above the top of the role's reporting line.",
}

impl Rule for ManagerOfNobody {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            for node in &process.nodes {
                let NodeKind::Step(details) = &node.kind else {
                    continue;
                };
                for (party, part) in step_parties(details) {
                    let PartyBase::Unit(base) = &party.base else {
                        continue;
                    };
                    let Holder::NoManager { of, .. } = people::resolve(project, party, None) else {
                        continue;
                    };
                    let Some(start) = base.target.and_then(|unit| match unit {
                        OrgUnit::Role(role) => Some(role),
                        OrgUnit::Department(_) => None,
                    }) else {
                        continue;
                    };
                    let top = &project.role(of).name;
                    findings.push(Finding::new(
                        at(process, party.span),
                        crate::text!(
                            "manager-of-nobody-message",
                            party = party.to_string(),
                            part = part.of_step(&node.name),
                            line = reporting_line(project, start),
                            top = top
                        ),
                        crate::text!("manager-of-nobody-label", top = top),
                        crate::text!("manager-of-nobody-help", top = top),
                    ));
                }
            }
        }
    }
}
