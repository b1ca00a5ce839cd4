//! `missing-escalation`: a step whose owner has a superior but no
//! escalation. Off unless `flowc.toml` turns it on.

use super::{at, direct_superior, owner_role};
use crate::check::{CheckContext, Finding, Rule};
use crate::i18n::Text;
use crate::model::people;
use crate::model::{Node, NodeKind, Party, Process, Project, StepDetails};
use crate::syntax::ast::Signing;

rule! {
    /// ## What it checks
    /// That every step owned by a role that reports to someone has at least
    /// one `escalate after ... to ROLE` line. A step owned by one party
    /// relative to the applicant (`owner manager of applicant`) is checked
    /// when that party has a superior in some case; the fix names it
    /// (`manager of manager of applicant`). Steps owned by a department, by
    /// several parties, or by a role at the top of the reporting lines, are
    /// not checked.
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
    ///     next finance_review
    ///   }
    ///
    ///   step finance_review "財務審核" {
    ///     owner accountant
    ///     within 2 business days
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
    /// reports each of the three steps (every owner has a superior to
    /// escalate to) once the rule is on in `flowc.toml`:
    /// ```toml
    /// [rules]
    /// missing-escalation = "warning"
    /// ```
    ///
    /// ## Fix
    /// Add `escalate after DURATION to ROLE`, later than the step's `within`
    /// and to the owner's superior: `escalate after 4 business days to
    /// finance_manager`.
    pub struct MissingEscalation;
    code: "F125",
    name: "missing-escalation",
    severity: Warning,
    enabled_by_default: false,
    principle: Monitoring,
    summary: "A step whose owner has a superior has no escalation (off by default).",
}

impl Rule for MissingEscalation {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            for node in &process.nodes {
                let NodeKind::Step(details) = &node.kind else {
                    continue;
                };
                if !details.escalations.is_empty() {
                    continue;
                }
                let Some(owner) = owner_role(details) else {
                    findings.extend(relative(project, process, node, details));
                    continue;
                };
                let Some(superior) = direct_superior(project, owner) else {
                    continue;
                };
                let superior = &project.role(superior).name;
                findings.push(Finding::new(
                    at(process, node.name_span),
                    crate::text!(
                        "missing-escalation-message",
                        step = &node.name,
                        owner = &project.role(owner).name,
                        superior = superior
                    ),
                    crate::text!("missing-escalation-label"),
                    help(superior.to_string(), details),
                ));
            }
        }
    }
}

/// The finding of a step owned by one party relative to the applicant
/// (`owner manager of applicant`) whose superior is someone in some case.
fn relative(
    project: &Project,
    process: &Process,
    node: &Node,
    details: &StepDetails,
) -> Option<Finding> {
    let owners = details.owner.as_ref()?;
    let [owner] = owners.parties.as_slice() else {
        return None;
    };
    if owners.signing != Signing::One || !owner.is_relative() {
        return None;
    }
    let superior = Party {
        managers: owner.managers + 1,
        ..owner.clone()
    };
    let has_superior = people::cases(project, process)
        .into_iter()
        .any(|case| people::resolve(project, &superior, case).role().is_some());
    if !has_superior {
        return None;
    }
    Some(Finding::new(
        at(process, node.name_span),
        crate::text!(
            "missing-escalation-message",
            step = &node.name,
            owner = owner.to_string(),
            superior = superior.to_string()
        ),
        crate::text!("missing-escalation-label"),
        help(superior.to_string(), details),
    ))
}

/// How long the escalation should wait: "longer than `within 2 business
/// days`".
fn help(superior: String, details: &StepDetails) -> Text {
    match details.deadline {
        Some(deadline) => crate::text!(
            "missing-escalation-help",
            superior = superior,
            deadline = deadline.to_string()
        ),
        None => crate::text!("missing-escalation-help-no-deadline", superior = superior),
    }
}
