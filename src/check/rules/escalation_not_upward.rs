//! `escalation-not-upward`: a step that escalates to someone who is not above
//! its owner.

use super::cases::{ByCase, Case, owner_roles, role_in, when_applicant};
use super::reporting::ReportingLines;
use super::{at, chained, direct_superior, line_above};
use crate::check::{CheckContext, Finding, Rule};
use crate::i18n::Text;
use crate::model::people;
use crate::model::{Escalation, Node, NodeKind, Party, Process, Project, RoleId};
use crate::text;

rule! {
    /// ## What it checks
    /// That every `escalate after ... to ROLE` of a step names a role above
    /// the step's owner in the reporting lines (`reports to`), directly or
    /// through others. The message shows the owner's reporting line. A step
    /// with several owners (`all of`, `any of`, a quorum) escalates above
    /// every one of them. Owners and targets relative to the applicant
    /// (`manager of applicant`) are checked for every role the applicant
    /// may hold, and the message names the cases that fail ("when the
    /// applicant is `dept_head`"). Owners that are a department (which has
    /// no reporting line) are not checked;
    /// escalating to the owner itself is
    /// [`escalation-to-self`](escalation-to-self.md).
    ///
    /// ## Why
    /// Monitoring (policy section 4): repeated problems are escalated, which
    /// means upwards, to someone with authority over the late owner. A peer
    /// or a subordinate cannot make the owner act.
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
    ///     escalate after 3 business days to accountant
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
    /// reports that `accountant` is not above `dept_head` (dept_head ->
    /// division_lead -> general_manager).
    ///
    /// ## Fix
    /// Escalate to a role on the owner's reporting line, usually the next one
    /// up; or correct the `reports to` lines if they are wrong.
    pub struct EscalationNotUpward;
    code: "F122",
    name: "escalation-not-upward",
    severity: Error,
    enabled_by_default: true,
    principle: Monitoring,
    summary: "A step escalates to a role that is not above its owner in the reporting lines.",
}

impl Rule for EscalationNotUpward {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        let lines = ReportingLines::of(project);
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
                            if target != owner && !lines.is_above(project, target, owner) {
                                problems.add((index, Problem { owner, target }), case);
                            }
                        }
                    }
                    for (index, problems) in problems.by_first() {
                        let below = Below {
                            node,
                            escalation,
                            owner: &owners.parties[index],
                        };
                        findings.push(below.finding(project, process, &problems));
                    }
                }
            }
        }
    }
}

/// The escalation goes to `target`, not above `owner`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Problem {
    owner: RoleId,
    target: RoleId,
}

/// An escalation of a step that is not above one of its owners.
struct Below<'a> {
    node: &'a Node,
    escalation: &'a Escalation,
    owner: &'a Party,
}

impl Below<'_> {
    /// The finding: the message of a fixed owner and target names the
    /// reporting line; a relative one names each case.
    fn finding(
        &self,
        project: &Project,
        process: &Process,
        problems: &[(Problem, Vec<Case>)],
    ) -> Finding {
        let target = &self.escalation.to;
        let location = at(process, target.span);
        if let ([(problem, _)], false) =
            (problems, self.owner.is_relative() || target.is_relative())
        {
            let owner_name = &project.role(problem.owner).name;
            let help = match direct_superior(project, problem.owner) {
                Some(next) => text!(
                    "escalation-not-upward-help-superior",
                    owner = owner_name,
                    superior = &project.role(next).name
                ),
                None => text!("escalation-not-upward-help-no-line", owner = owner_name),
            };
            return Finding::new(
                location,
                text!(
                    "escalation-not-upward-message",
                    step = &self.node.name,
                    target = &project.role(problem.target).name,
                    owner = owner_name,
                    line = line_above(project, problem.owner)
                ),
                text!("escalation-not-upward-label", owner = owner_name),
                help,
            );
        }
        let owner = self.owner.to_string();
        let details: Vec<Text> = problems
            .iter()
            .map(|(problem, cases)| {
                text!(
                    "escalation-not-upward-case",
                    when = when_applicant(project, cases),
                    target = &project.role(problem.target).name,
                    owner = &project.role(problem.owner).name,
                    line = line_above(project, problem.owner)
                )
            })
            .collect();
        Finding::new(
            location,
            text!(
                "escalation-not-upward-cases",
                step = &self.node.name,
                target = target.to_string(),
                owner = &owner,
                cases = chained(details, "cases-then")
            ),
            text!("escalation-not-upward-label", owner = &owner),
            text!("escalation-not-upward-cases-help", owner = owner),
        )
    }
}
