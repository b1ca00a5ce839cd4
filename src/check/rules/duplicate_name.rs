//! `duplicate-name`: one name defined twice.

use super::with_article;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;

rule! {
    /// ## What it checks
    /// That no name is defined twice in one namespace. Departments, roles and
    /// processes share one namespace across every file of the project; the
    /// steps, decisions, parallel blocks and ends of a process share another;
    /// the inputs of a process and its KPIs have one each. The message
    /// points at both definitions.
    ///
    /// ## Why
    /// Systematic (系統性): a name must mean one thing everywhere, or a
    /// reference to it is ambiguous and the processes no longer fit together.
    ///
    /// ## Example
    /// ```flow
    /// role dept_head "部門負責人" reports to division_lead
    /// role dept_head "部門經理" reports to general_manager
    /// ```
    ///
    /// ## Fix
    /// Rename one of the two, or delete the one that is not wanted.
    pub struct DuplicateName;
}

impl Rule for DuplicateName {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        for duplicate in &project.problems.duplicates {
            let scope = match duplicate.kind {
                "department" | "role" | "process" => {
                    "departments, roles and processes share one namespace across all files of the project"
                }
                "input" => "the inputs of a process need distinct names",
                "KPI" => "the KPIs of a process need distinct names",
                _ => {
                    "the steps, decisions, parallel blocks and ends of a process need distinct names"
                }
            };
            let place = match &duplicate.process {
                Some(process) => format!(" in process `{process}`"),
                None => String::new(),
            };
            let message = if duplicate.first_kind == duplicate.kind {
                format!(
                    "{} `{}` is defined twice{place}",
                    duplicate.kind, duplicate.name
                )
            } else {
                format!(
                    "`{}` is defined twice{place}: as {} and as {}",
                    duplicate.name,
                    with_article(duplicate.first_kind),
                    with_article(duplicate.kind)
                )
            };
            findings.push(
                Finding::new(
                    duplicate.second,
                    message,
                    format!("{} `{}` defined again here", duplicate.kind, duplicate.name),
                    format!("rename or remove one of the two: {scope}"),
                )
                .with_related(
                    duplicate.first,
                    format!(
                        "{} `{}` first defined here",
                        duplicate.first_kind, duplicate.name
                    ),
                ),
            );
        }
    }
}
