//! `missing-escalation`: a step whose owner has a superior but no
//! escalation. Off unless `flowc.toml` turns it on.

use super::{at, direct_superior, owner_role};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeKind, Project};

rule! {
    /// ## What it checks
    /// That every step owned by a role that reports to someone has at least
    /// one `escalate after ... to ROLE` line. Steps owned by a department,
    /// or by a role at the top of the reporting lines, are not checked.
    ///
    /// This rule is **off by default**: many processes leave the first step
    /// (the applicant's own request) without escalation on purpose. Turn it
    /// on in `flowc.toml`:
    ///
    /// ```toml
    /// [rules]
    /// missing-escalation = "warning"
    /// ```
    ///
    /// ## Why
    /// Monitoring (policy section 4): problems go back to a responsible
    /// person with a deadline, and repeated problems are escalated. A step
    /// without escalation can stay late with nobody above its owner knowing.
    ///
    /// ## Example
    /// ```flow
    /// step finance_review "財務審核" {
    ///   owner accountant
    ///   within 3 business days
    ///   next pay
    /// }
    /// ```
    /// where `accountant` reports to `finance_manager`.
    ///
    /// ## Fix
    /// Add `escalate after DURATION to ROLE`, later than the step's `within`
    /// and to the owner's superior: `escalate after 4 business days to
    /// finance_manager`.
    pub struct MissingEscalation;
}

impl Rule for MissingEscalation {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in &project.processes {
            for node in &process.nodes {
                let NodeKind::Step(details) = &node.kind else {
                    continue;
                };
                if !details.escalations.is_empty() {
                    continue;
                }
                let Some(owner) = owner_role(details) else {
                    continue;
                };
                let Some(superior) = direct_superior(project, owner) else {
                    continue;
                };
                let superior = &project.role(superior).name;
                let after = details
                    .deadline
                    .map(|deadline| format!("longer than `within {deadline}`"))
                    .unwrap_or_else(|| "longer than the step's deadline".to_string());
                findings.push(Finding::new(
                    at(process, node.name_span),
                    format!(
                        "step `{}` has no escalation, though its owner `{}` reports to `{superior}`",
                        node.name,
                        project.role(owner).name
                    ),
                    "no `escalate after` line",
                    format!("add `escalate after DURATION to {superior}`, with DURATION {after}"),
                ));
            }
        }
    }
}
