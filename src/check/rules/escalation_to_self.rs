//! `escalation-to-self`: a step that escalates to its own owner.

use super::cases::{ByCase, Case, owner_roles, role_in, when_applicant};
use super::{at, direct_superior};
use crate::check::{CheckContext, Finding, Rule};
use crate::i18n::Text;
use crate::model::people;
use crate::model::{Escalation, Node, NodeKind, Party, Process, Project, RoleId};
use crate::text;

rule! {
    /// ## What it checks
    /// That no `escalate after ... to ROLE` of a step names the role that
    /// owns the step (or one of its owners). Owners and targets relative to
    /// the applicant (`manager of applicant`) are compared for every role
    /// the applicant may hold; the message names the cases in which the
    /// target is the owner ("when the applicant is `employee`").
    ///
    /// ## Why
    /// Monitoring (policy section 4): problems go back to a responsible
    /// person with a deadline, and repeated problems are escalated. Telling
    /// the late owner that the owner is late escalates nothing.
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
    ///     escalate after 3 business days to dept_head
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
    /// `dept_head` is told that `dept_head` is late.
    ///
    /// ## Fix
    /// Escalate to the owner's superior in the reporting lines (here
    /// `division_lead`).
    pub struct EscalationToSelf;
    code: "F121",
    name: "escalation-to-self",
    severity: Error,
    enabled_by_default: true,
    principle: Monitoring,
    summary: "A step escalates to its own owner.",
}

impl Rule for EscalationToSelf {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            let cases = people::cases(project, process);
            for node in &process.nodes {
                let NodeKind::Step(details) = &node.kind else {
                    continue;
                };
                let Some(owners) = &details.owner else {
                    continue;
                };
                for escalation in &details.escalations {
                    let mut problems = ByCase::new();
                    for &case in &cases {
                        let Some(target) = role_in(project, &escalation.to, case) else {
                            continue;
                        };
                        for (index, owner) in owner_roles(project, owners, case) {
                            if owner == target {
                                problems.add((index, owner), case);
                            }
                        }
                    }
                    for (index, owners_in_cases) in problems.by_first() {
                        let party = &owners.parties[index];
                        findings.push(to_self(
                            project,
                            process,
                            node,
                            escalation,
                            party,
                            &owners_in_cases,
                        ));
                    }
                }
            }
        }
    }
}

/// The finding for `escalation` naming `party`, the owner it escalates to,
/// who is each role of `owners_in_cases` in its cases.
fn to_self(
    project: &Project,
    process: &Process,
    node: &Node,
    escalation: &Escalation,
    party: &Party,
    owners_in_cases: &[(RoleId, Vec<Case>)],
) -> Finding {
    let location = at(process, escalation.to.span);
    match owners_in_cases {
        [(owner, _)] if !party.is_relative() && !escalation.to.is_relative() => {
            let name = &project.role(*owner).name;
            let help = match direct_superior(project, *owner) {
                Some(superior) => text!(
                    "escalation-to-self-help-superior",
                    owner = name,
                    superior = &project.role(superior).name
                ),
                None => text!("escalation-to-self-help-no-line", owner = name),
            };
            Finding::new(
                location,
                text!(
                    "escalation-to-self-message",
                    step = &node.name,
                    owner = name
                ),
                text!("escalation-to-self-label"),
                help,
            )
        }
        _ => {
            let cases: Vec<Text> = owners_in_cases
                .iter()
                .map(|(owner, cases)| {
                    let when = when_applicant(project, cases);
                    if party.is_relative() {
                        text!(
                            "escalation-to-self-owner-when",
                            owner = &project.role(*owner).name,
                            when = when
                        )
                    } else {
                        when
                    }
                })
                .collect();
            Finding::new(
                location,
                text!(
                    "escalation-to-self-cases",
                    step = &node.name,
                    to = escalation.to.to_string(),
                    party = party.to_string(),
                    relative = if party.is_relative() { "yes" } else { "no" },
                    cases = cases
                ),
                text!("escalation-to-self-label"),
                superior_help(project, party),
            )
        }
    }
}

/// The fix of an escalation to the owner `party`: its superior, by name for
/// a fixed role that reports to someone, else as `manager of OWNER`.
fn superior_help(project: &Project, party: &Party) -> Text {
    let superior = match party
        .fixed_role()
        .and_then(|role| direct_superior(project, role))
    {
        Some(superior) => project.role(superior).name.clone(),
        None => format!("manager of {party}"),
    };
    text!(
        "escalation-to-self-help-owner-superior",
        superior = superior
    )
}
