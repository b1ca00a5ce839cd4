//! `missing-end`: a process with no `end`.

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeKind, Project};

rule! {
    /// ## What it checks
    /// That every process declares at least one `end NAME "label"`.
    ///
    /// ## Why
    /// Systematic (系統性): a process must be able to finish; its ends are
    /// the outcomes the runtime engines and the reports count.
    ///
    /// ## Example
    /// ```flow
    /// step pay "報銷支付" {
    ///   owner cashier
    ///   within 2 business days
    /// }
    /// ```
    /// (and no `end` line in the process).
    ///
    /// ## Fix
    /// Add `end paid "已支付"` and lead the last step to it with `next paid`.
    pub struct MissingEnd;
}

impl Rule for MissingEnd {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in &project.processes {
            if !process
                .nodes
                .iter()
                .any(|node| matches!(node.kind, NodeKind::End))
            {
                findings.push(Finding::new(
                    at(process, process.name_span),
                    format!("process `{}` has no `end`", process.name),
                    "no `end` line",
                    "add `end NAME \"label\"` and lead the last step to it with `next NAME`",
                ));
            }
        }
    }
}
