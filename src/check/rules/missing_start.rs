//! `missing-start`: a process with no `start`.

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;

rule! {
    /// ## What it checks
    /// That every process has a `start NAME` line naming where it begins.
    ///
    /// ## Why
    /// Systematic (系統性): without a start, nobody knows which step opens
    /// the process, and nothing in it can be shown to be reachable.
    ///
    /// ## Example
    /// ```flow
    /// process expense_claim "費用報銷審批" {
    ///   owner finance
    ///   step apply "員工申請" { ... }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add `start STEP` naming the first step, e.g. `start apply`.
    pub struct MissingStart;
}

impl Rule for MissingStart {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in project
            .processes
            .iter()
            .filter(|process| process.start.is_none())
        {
            findings.push(Finding::new(
                at(process, process.name_span),
                format!("process `{}` has no `start`", process.name),
                "no `start` line",
                "add `start STEP` naming the step the process begins with",
            ));
        }
    }
}
