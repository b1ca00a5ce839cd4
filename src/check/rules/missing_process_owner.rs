//! `missing-process-owner`: a process with no owning department.

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;

rule! {
    /// ## What it checks
    /// That every process has an `owner` line naming its owning department
    /// (歸口部門), or a role.
    ///
    /// ## Why
    /// Clarity (明確性), and section 2 of the policy: each process has an
    /// owning department that maintains it, trains staff on it and answers
    /// for its review.
    ///
    /// ## Example
    /// ```flow
    /// process expense_claim "費用報銷審批" {
    ///   category approval
    ///   start apply
    ///   ...
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add `owner DEPARTMENT` inside the process, e.g. `owner finance`.
    pub struct MissingProcessOwner;
}

impl Rule for MissingProcessOwner {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in project
            .processes
            .iter()
            .filter(|process| process.owner.is_none())
        {
            findings.push(Finding::new(
                at(process, process.name_span),
                format!("process `{}` has no owner", process.name),
                "no `owner` line",
                "add `owner DEPARTMENT` inside the process, naming the department that maintains it (歸口部門), or a role",
            ));
        }
    }
}
