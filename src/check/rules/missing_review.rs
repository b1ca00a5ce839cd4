//! `missing-review`: a process with no review cycle, or no date of its last
//! review.

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;

rule! {
    /// ## What it checks
    /// That every process has a `review every DURATION, last DATE` line:
    /// how often the process is reviewed and when it last was. A line
    /// without `last DATE` is reported too, because then nobody can tell
    /// whether a review is overdue ([`review-overdue`](review-overdue.md)).
    ///
    /// ## Why
    /// Review and optimisation (policy section 3): every process is
    /// reviewed periodically (e.g. yearly) for its goal, scope, steps,
    /// owners and time requirements.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`:
    /// ```flow
    /// process expense_claim "費用報銷審批" {
    ///   category approval
    ///   owner finance
    ///   review every 12 months
    ///   sla 10 business days
    ///   kpi cycle_time "報銷周期" p90 under 8 business days
    ///
    ///   start apply
    ///
    ///   step apply "員工申請" {
    ///     owner employee
    ///     within 3 business days
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
    /// The cycle is there, the date of the last review is not.
    ///
    /// ## Fix
    /// Write the cycle and the date of the last review:
    /// `review every 12 months, last 2026-03-01`. For a new process, the
    /// last review is the date it was approved.
    pub struct MissingReview;
    code: "F152",
    name: "missing-review",
    severity: Warning,
    enabled_by_default: true,
    principle: Review,
    summary: "A process has no `review every ..., last DATE` line, or no last date.",
}

impl Rule for MissingReview {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            let finding = match &process.review {
                None => Finding::new(
                    at(process, process.name_span),
                    crate::text!("missing-review-message", process = &process.name),
                    crate::text!("missing-review-label"),
                    crate::text!("missing-review-help"),
                ),
                Some(review) if review.last.is_none() => Finding::new(
                    at(process, review.span),
                    crate::text!("missing-review-last-message", process = &process.name),
                    crate::text!("missing-review-last-label"),
                    crate::text!("missing-review-last-help", every = review.every.to_string()),
                ),
                Some(_) => continue,
            };
            findings.push(finding);
        }
    }
}
