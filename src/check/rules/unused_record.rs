//! `unused-record`: a value a step records that nothing reads.

use std::collections::BTreeSet;

use super::at;
use super::reads::reads;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;

rule! {
    /// ## What it checks
    /// That every value a step records (`record NAME "label": TYPE`) is read
    /// somewhere in its process: compared in a decision's `when` (on either
    /// side of the comparison) or passed to a called process (`with INPUT =
    /// NAME`).
    ///
    /// ## Why
    /// Simplicity and clarity (明確性): every field on a task's form is work
    /// for its owner. A value nobody decides on is asked for and filled in
    /// for nothing, or, more often, a decision that should read it was
    /// forgotten.
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
    ///   start dept_review
    ///
    ///   step dept_review "部門負責人審核" {
    ///     owner dept_head
    ///     within 3 business days
    ///     record invoices_complete "發票齊全": yes/no
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
    /// reports "`invoices_complete`, recorded in step `dept_review`, is
    /// never read".
    ///
    /// ## Fix
    /// Decide on the value (`decide ... { when invoices_complete == no ->
    /// ... }`), pass it to a called process, or remove the `record` line.
    pub struct UnusedRecord;
    code: "F309",
    name: "unused-record",
    severity: Warning,
    enabled_by_default: true,
    principle: Clarity,
    summary: "A value a step records is never read by a decision or a call.",
}

impl Rule for UnusedRecord {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            let read: BTreeSet<&str> = reads(process).iter().map(|reading| reading.name).collect();
            for recorded in &process.records {
                let name = &recorded.record.name.text;
                if read.contains(name.as_str()) {
                    continue;
                }
                findings.push(Finding::new(
                    at(process, recorded.record.name.span),
                    crate::text!(
                        "unused-record-message",
                        name = name,
                        step = &process.node(recorded.step).name
                    ),
                    crate::text!("unused-record-label"),
                    crate::text!("unused-record-help", name = name),
                ));
            }
        }
    }
}
