//! `self-approval`: a review step owned by the owner of the work it reviews.

use super::cases::{ByCase, Case, owner_units, owners_of, when_applicant};
use super::walk::{self, send_backs, step_owner};
use super::{at, direct_superior};
use crate::check::{CheckContext, Finding, Rule};
use crate::i18n::Text;
use crate::model::people;
use crate::model::{EdgeKind, NodeId, NodeKind, OrgUnit, Process, Project};

rule! {
    /// ## What it checks
    /// That no review step is owned by the same role (or department) as the
    /// step whose work it reviews. A review step is a step with an outcome
    /// that sends work back to an earlier step, such as `on reject ->
    /// apply`; the step it sends the work back to is the one whose work it
    /// reviews. "Back" means a rework edge: walking depth-first from `start`
    /// with edges in source order, an edge to a node the walk is still
    /// inside of (see [`sla-exceeded`](sla-exceeded.md)). Owner lines with
    /// several parties or parties relative to the applicant are compared
    /// for every role the applicant may hold: the review is reported when
    /// both lines name the same role or department in some case (`owner
    /// any of dept_head, accountant` reviewing the work of `owner applicant`
    /// when a `dept_head` applies), naming the cases. Work sent back to a
    /// `call` is the called process's: its owner is that process's
    /// `owner`. See also
    /// [`approval-by-applicant`](approval-by-applicant.md).
    ///
    /// ## Why
    /// Segregation of duties (four-eyes principle), in service of legality
    /// (合法性) and of clarity (明確性): nobody approves their own request. A
    /// review by the author of the work is no review.
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
    ///     next check
    ///   }
    ///
    ///   step check "審核" {
    ///     owner employee
    ///     within 2 business days
    ///     on reject -> apply
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
    /// The employee who wrote the claim reviews it.
    ///
    /// ## Fix
    /// Give the review to someone else, usually the author's superior
    /// (`owner dept_head`).
    pub struct SelfApproval;
    code: "F131",
    name: "self-approval",
    severity: Error,
    enabled_by_default: true,
    principle: Legality,
    summary: "A review step is owned by the owner of the work it reviews.",
}

impl Rule for SelfApproval {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            let walk = walk::walk(process);
            let cases = people::cases(project, process);
            for review in process.node_ids() {
                if !matches!(process.node(review).kind, NodeKind::Step(_)) {
                    continue;
                }
                for edge in send_backs(process, &walk, review) {
                    let (Some(owner), Some(author)) = (
                        step_owner(project, process, review),
                        step_owner(project, process, process.edges[edge].to),
                    ) else {
                        findings.extend(shared_in_cases(project, process, review, edge, &cases));
                        continue;
                    };
                    let edge = &process.edges[edge];
                    if author != owner {
                        continue;
                    }
                    let EdgeKind::Outcome(outcome) = &edge.kind else {
                        continue;
                    };
                    let owner_name = project.unit_name(owner);
                    let reviewed = process.node(edge.to);
                    let help = match owner {
                        OrgUnit::Role(role) => match direct_superior(project, role) {
                            Some(superior) => crate::text!(
                                "self-approval-help-superior",
                                owner = owner_name,
                                superior = &project.role(superior).name
                            ),
                            None => crate::text!("self-approval-help", owner = owner_name),
                        },
                        OrgUnit::Department(_) => {
                            crate::text!("self-approval-help-department", owner = owner_name)
                        }
                    };
                    findings.push(
                        Finding::new(
                            at(process, edge.span),
                            crate::text!(
                                "self-approval-message",
                                review = &process.node(review).name,
                                kind = reviewed.kind.words(),
                                reviewed = &reviewed.name,
                                outcome = outcome.to_string(),
                                owner = owner_name
                            ),
                            crate::text!("self-approval-label", owner = owner_name),
                            help,
                        )
                        .with_related(
                            at(process, reviewed.name_span),
                            crate::text!("self-approval-related", owner = owner_name),
                        ),
                    );
                }
            }
        }
    }
}

/// The finding of the review step `review` sending work back by `edge` to
/// a step, when either owner line is not one fixed role or department: the
/// people both owner lines name in some case.
fn shared_in_cases(
    project: &Project,
    process: &Process,
    review: NodeId,
    edge: usize,
    cases: &[Case],
) -> Option<Finding> {
    let reviewer = owners_of(process, review)?;
    let edge = &process.edges[edge];
    let (EdgeKind::Outcome(outcome), Some(author)) = (&edge.kind, owners_of(process, edge.to))
    else {
        return None;
    };
    let mut shared = ByCase::new();
    for &case in cases {
        let authors = owner_units(project, author, case);
        for (_, unit) in owner_units(project, reviewer, case) {
            if authors.iter().any(|&(_, other)| other == unit) {
                shared.add(unit, case);
            }
        }
    }
    let details: Vec<Text> = shared
        .into_groups()
        .map(|(unit, cases)| {
            crate::text!(
                "self-approval-case",
                unit = project.unit_name(unit),
                when = when_applicant(project, &cases)
            )
        })
        .collect();
    if details.is_empty() {
        return None;
    }
    let reviewed = process.node(edge.to);
    let message = crate::text!(
        "self-approval-cases-message",
        review = &process.node(review).name,
        reviewed = &reviewed.name,
        outcome = outcome.to_string(),
        reviewer = reviewer.to_string(),
        author = author.to_string(),
        cases = details
    );
    let help = crate::text!(
        "self-approval-cases-help",
        author = author.parties[0].to_string()
    );
    Some(
        Finding::new(
            at(process, edge.span),
            message,
            crate::text!("self-approval-cases-label"),
            help,
        )
        .with_related(
            at(process, reviewed.name_span),
            crate::text!("self-approval-cases-related"),
        ),
    )
}
