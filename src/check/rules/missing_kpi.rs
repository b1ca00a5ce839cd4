//! `missing-kpi`: a process without key indicators.

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;

rule! {
    /// ## What it checks
    /// That every process has at least one `kpi` line: a key indicator with
    /// its target, such as `kpi cycle_time "報銷周期" p90 under 10 business
    /// days`.
    ///
    /// ## Why
    /// Monitoring (policy section 4): a monitoring system of key indicators
    /// on key steps finds problems so they can go back to the responsible
    /// person. A process without indicators cannot be monitored.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`:
    /// ```flow
    /// process expense_claim "費用報銷審批" {
    ///   category approval
    ///   owner finance
    ///   review every 12 months, last 2026-03-01
    ///   sla 10 business days
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
    /// The process says how long it may take, but not what is measured.
    ///
    /// ## Fix
    /// Add at least one `kpi` line, e.g. `kpi cycle_time "報銷周期" p90 under
    /// 10 business days` or `kpi first_pass_rate "一次通過率" at least 85%`.
    pub struct MissingKpi;
    code: "F151",
    name: "missing-kpi",
    severity: Warning,
    enabled_by_default: true,
    principle: Monitoring,
    summary: "A process has no `kpi`.",
}

impl Rule for MissingKpi {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in &project.processes {
            if !process.kpis.is_empty() {
                continue;
            }
            findings.push(Finding::new(
                at(process, process.name_span),
                format!(
                    "process `{}` has no `kpi`: nothing says how well it runs",
                    process.name
                ),
                "no `kpi` line",
                "add a key indicator, e.g. `kpi cycle_time \"周期\" p90 under 10 business days`",
            ));
        }
    }
}
