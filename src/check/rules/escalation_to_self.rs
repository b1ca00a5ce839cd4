//! `escalation-to-self`: a step that escalates to its own owner.

use super::{at, direct_superior, owner_role};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeKind, Project};

rule! {
    /// ## What it checks
    /// That no `escalate after ... to ROLE` of a step names the role that
    /// owns the step.
    ///
    /// ## Why
    /// Monitoring (policy section 4): problems go back to a responsible
    /// person with a deadline, and repeated problems are escalated. Telling
    /// the late owner that the owner is late escalates nothing.
    ///
    /// ## Example
    /// ```flow
    /// step dept_review "部門負責人審核" {
    ///   owner dept_head
    ///   within 2 business days
    ///   escalate after 3 business days to dept_head
    ///   next finance_review
    /// }
    /// ```
    ///
    /// ## Fix
    /// Escalate to the owner's superior in the reporting lines (here
    /// `division_lead`).
    pub struct EscalationToSelf;
}

impl Rule for EscalationToSelf {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in &project.processes {
            for node in &process.nodes {
                let NodeKind::Step(details) = &node.kind else {
                    continue;
                };
                let Some(owner) = owner_role(details) else {
                    continue;
                };
                let name = &project.role(owner).name;
                let help = match direct_superior(project, owner) {
                    Some(superior) => format!(
                        "escalate to `{name}`'s superior, `{}`",
                        project.role(superior).name
                    ),
                    None => format!(
                        "`{name}` reports to no one: remove the escalation, or declare whom `{name}` reports to"
                    ),
                };
                for escalation in &details.escalations {
                    if escalation.to.target == Some(owner) {
                        findings.push(Finding::new(
                            at(process, escalation.to.span),
                            format!("step `{}` escalates to `{name}`, its own owner", node.name),
                            "the step's owner",
                            help.clone(),
                        ));
                    }
                }
            }
        }
    }
}
