//! `duplicate-name`: one name defined twice.

use super::{a_kind, kind_noun};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;
use crate::text;

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
    ///     next dept_review
    ///   }
    ///
    ///   step dept_review "部門負責人審核" {
    ///     owner dept_head
    ///     within 1 business day
    ///     next pay
    ///   }
    ///
    ///   step dept_review "部門經理審核" {
    ///     owner dept_head
    ///     within 1 business day
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
    /// Two steps are called `dept_review`; both places are shown.
    ///
    /// ## Fix
    /// Rename one of the two, or delete the one that is not wanted.
    pub struct DuplicateName;
    code: "F003",
    name: "duplicate-name",
    severity: Error,
    enabled_by_default: true,
    principle: Systematic,
    summary: "A name is defined twice in the same namespace.",
}

impl Rule for DuplicateName {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        for duplicate in &project.problems.duplicates {
            let scope = match duplicate.kind {
                "department" | "role" | "process" => "global",
                "input" => "input",
                "KPI" => "kpi",
                _ => "node",
            };
            let (place, process) = match &duplicate.process {
                Some(process) => ("process", process.as_str()),
                None => ("project", ""),
            };
            let message = if duplicate.first_kind == duplicate.kind {
                text!(
                    "duplicate-name-same-kind",
                    kind = kind_noun(duplicate.kind),
                    name = &duplicate.name,
                    place = place,
                    process = process
                )
            } else {
                text!(
                    "duplicate-name-other-kind",
                    name = &duplicate.name,
                    place = place,
                    process = process,
                    first = a_kind(duplicate.first_kind),
                    second = a_kind(duplicate.kind)
                )
            };
            findings.push(
                Finding::new(
                    duplicate.second,
                    message,
                    text!(
                        "duplicate-name-label",
                        kind = kind_noun(duplicate.kind),
                        name = &duplicate.name
                    ),
                    text!("duplicate-name-help", scope = scope),
                )
                .with_related(
                    duplicate.first,
                    text!(
                        "duplicate-name-related",
                        kind = kind_noun(duplicate.first_kind),
                        name = &duplicate.name
                    ),
                ),
            );
        }
    }
}
