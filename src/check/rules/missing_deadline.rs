//! `missing-deadline`: a step with no deadline.

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeKind, Project};

rule! {
    /// ## What it checks
    /// That every step has a `within DURATION` line: the time by which its
    /// owner must have done it.
    ///
    /// ## Why
    /// Clarity (明確性): the policy asks that every step name its time node
    /// (時間節點). Without one, a step can wait forever and nobody is late.
    ///
    /// ## Example
    /// ```flow
    /// step pay "報銷支付" {
    ///   owner cashier
    ///   next paid
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add `within DURATION`, e.g. `within 2 business days`.
    pub struct MissingDeadline;
}

impl Rule for MissingDeadline {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in &project.processes {
            for node in &process.nodes {
                if let NodeKind::Step(details) = &node.kind
                    && details.deadline.is_none()
                {
                    findings.push(Finding::new(
                        at(process, node.name_span),
                        format!(
                            "step `{}` of process `{}` has no deadline",
                            node.name, process.name
                        ),
                        "no `within` line",
                        "add `within DURATION`, e.g. `within 2 business days`",
                    ));
                }
            }
        }
    }
}
