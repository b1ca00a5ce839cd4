//! `missing-kpi`: a process without key indicators.

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeKind, Process, Project};

rule! {
    /// ## What it checks
    /// That every process has a key indicator: a `kpi` line of the process
    /// or of one of its steps (a key step's indicator), such as `kpi
    /// cycle_time "報銷周期" p90 under 10 business days`, or an `sla`. The
    /// `sla` is the end-to-end time limit, itself the indicator `flowc
    /// conform` monitors (the share of cases finished within it), so a
    /// process with an `sla` and no `kpi` line is not reported; one with
    /// neither is (and is a [`missing-sla`](missing-sla.md) too).
    ///
    /// ## Why
    /// Monitoring (policy section 4): a monitoring system of key indicators
    /// on key steps finds problems so they can go back to the responsible
    /// person. A process without indicators cannot be monitored.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`,
    /// with `missing-sla` turned off in `flowc.toml`:
    /// ```toml
    /// [rules]
    /// missing-sla = "off"
    /// ```
    /// ```flow
    /// process expense_claim "費用報銷審批" {
    ///   category approval
    ///   owner finance
    ///   review every 12 months, last 2026-03-01
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
    /// Nothing says how long the process may take, nor what is measured.
    ///
    /// ## Fix
    /// Add an `sla` (`sla 10 business days`) or at least one `kpi` line,
    /// e.g. `kpi cycle_time "報銷周期" p90 under 10 business days` or `kpi
    /// first_pass_rate "一次通過率" at least 85%`, in the process or in a
    /// key step.
    pub struct MissingKpi;
    code: "F151",
    name: "missing-kpi",
    severity: Warning,
    enabled_by_default: true,
    principle: Monitoring,
    summary: "A process has no `kpi` (in it or in a step) and no `sla`.",
}

impl Rule for MissingKpi {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            if process.sla.is_some() || has_kpi(process) {
                continue;
            }
            findings.push(Finding::new(
                at(process, process.name_span),
                crate::text!("missing-kpi-message", process = &process.name),
                crate::text!("missing-kpi-label"),
                crate::text!("missing-kpi-help"),
            ));
        }
    }
}

/// Whether the process or one of its steps has a `kpi` line.
fn has_kpi(process: &Process) -> bool {
    !process.kpis.is_empty()
        || process
            .nodes
            .iter()
            .any(|node| matches!(&node.kind, NodeKind::Step(details) if !details.kpis.is_empty()))
}
