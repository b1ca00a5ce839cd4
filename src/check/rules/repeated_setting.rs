//! `repeated-setting`: a once-only setting given twice.

use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;

rule! {
    /// ## What it checks
    /// That settings which may appear once are given once: a process's
    /// `category`, `owner`, `review`, `sla` and `start`; a step's `owner`,
    /// `within`, `next` and each `on OUTCOME`; a decision's `otherwise`; a
    /// parallel block's `next`.
    ///
    /// ## Why
    /// Clarity (明確性): a step with two owners or two deadlines names no
    /// single responsible person or time node; which line wins would be a
    /// guess.
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
    ///     owner division_lead
    ///     within 2 business days
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
    /// `dept_review` names two owners; the first, `dept_head`, counts.
    ///
    /// ## Fix
    /// Keep the line that is right and delete the other. To involve several
    /// people at once, use a `parallel` block of steps.
    pub struct RepeatedSettingRule;
    code: "F004",
    name: "repeated-setting",
    severity: Error,
    enabled_by_default: true,
    principle: Clarity,
    summary: "A setting that may appear once (owner, within, next, ...) appears twice.",
}

impl Rule for RepeatedSettingRule {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        for repeated in &project.problems.repeated_settings {
            findings.push(
                Finding::new(
                    repeated.second,
                    crate::text!(
                        "repeated-setting-message",
                        holder = repeated.holder.clone(),
                        setting = &repeated.setting
                    ),
                    crate::text!("repeated-setting-label", setting = &repeated.setting),
                    crate::text!("repeated-setting-help", setting = &repeated.setting),
                )
                .with_related(
                    repeated.first,
                    crate::text!("repeated-setting-related", setting = &repeated.setting),
                ),
            );
        }
    }
}
