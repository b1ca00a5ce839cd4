//! `approval-by-applicant`: an approval step that the applicant may own.

use super::at;
use super::cases::{ByCase, holds, when_applicant};
use super::walk::{self, send_backs};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::people;
use crate::model::{EdgeKind, NodeId, NodeKind, Process, Project};
use crate::text;

rule! {
    /// ## What it checks
    /// That in a process with an `applicant` line, no step that approves the
    /// applicant's request can be owned by the applicant. An approval step
    /// is a step with an `on reject` outcome or an outcome that sends work
    /// back to an earlier step. Each of its owners is resolved for every
    /// role the applicant may hold: a fixed role the applicant may hold
    /// (`owner dept_head` in a process a `dept_head` may start), a
    /// department the applicant's role belongs to, or `owner applicant`
    /// itself is reported, naming the cases. `manager of applicant` never
    /// is: it is always someone above the applicant.
    ///
    /// ## Why
    /// Segregation of duties (four-eyes principle), in service of legality
    /// (合法性): nobody approves their own request. This is a warning, not
    /// an error like [`self-approval`](self-approval.md): a role is held by
    /// several people, and the department head who approves may be another
    /// one than the department head who applied. The process cannot say;
    /// the engine may hand the applicant's own request to them. Owning the
    /// approval relative to the applicant (`manager of applicant`) says it.
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
    ///   applicant employee, dept_head
    ///
    ///   start apply
    ///
    ///   step apply "提交申請" {
    ///     owner applicant
    ///     within 2 business days
    ///     next approve
    ///   }
    ///
    ///   step approve "部門負責人審批" {
    ///     owner dept_head
    ///     within 2 business days
    ///     on reject -> not_approved
    ///     next approved
    ///   }
    ///
    ///   end approved "已批准"
    ///   end not_approved "未批准"
    /// }
    /// ```
    /// reports that the owner `dept_head` may be the applicant (when the
    /// applicant is `dept_head`).
    ///
    /// ## Fix
    /// Give the approval to someone relative to the applicant, usually
    /// `owner manager of applicant`; or leave the role out of the
    /// `applicant` line if its holders never apply.
    pub struct ApprovalByApplicant;
    code: "F132",
    name: "approval-by-applicant",
    severity: Warning,
    enabled_by_default: true,
    principle: Legality,
    summary: "A step that approves the applicant's request may be owned by the applicant.",
}

impl Rule for ApprovalByApplicant {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            let roles = people::applicant_roles(project, process);
            if roles.is_empty() {
                continue;
            }
            let walk = walk::walk(process);
            for node in process.node_ids() {
                let NodeKind::Step(details) = &process.node(node).kind else {
                    continue;
                };
                let Some(owners) = &details.owner else {
                    continue;
                };
                if !approves(process, &walk, node) {
                    continue;
                }
                let mut problems = ByCase::new();
                for &role in &roles {
                    for (index, party) in owners.parties.iter().enumerate() {
                        if people::resolve(project, party, Some(role))
                            .unit()
                            .is_some_and(|unit| holds(project, unit, role))
                        {
                            problems.add(index, Some(role));
                        }
                    }
                }
                let step = &process.node(node).name;
                for (index, cases) in problems.into_groups() {
                    let party = &owners.parties[index];
                    let when = when_applicant(project, &cases);
                    findings.push(Finding::new(
                        at(process, party.span),
                        text!(
                            "approval-by-applicant-message",
                            step = step,
                            party = party.to_string(),
                            when = when.clone()
                        ),
                        text!("approval-by-applicant-label", when = when),
                        text!("approval-by-applicant-help"),
                    ));
                }
            }
        }
    }
}

/// Whether the step `node` approves work: it has an `on reject` outcome,
/// or an outcome that sends work back.
fn approves(process: &Process, walk: &walk::Walk, node: NodeId) -> bool {
    send_backs(process, walk, node).next().is_some()
        || process
            .edges_from(node)
            .any(|edge| matches!(&edge.kind, EdgeKind::Outcome(outcome) if outcome == "reject"))
}
