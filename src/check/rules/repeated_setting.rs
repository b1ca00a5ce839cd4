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
    /// ```flow
    /// step pay "報銷支付" {
    ///   owner cashier
    ///   owner accountant
    ///   within 2 business days
    ///   next paid
    /// }
    /// ```
    ///
    /// ## Fix
    /// Keep the line that is right and delete the other. To involve several
    /// people at once, use a `parallel` block of steps.
    pub struct RepeatedSettingRule;
}

impl Rule for RepeatedSettingRule {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        for repeated in &project.problems.repeated_settings {
            findings.push(
                Finding::new(
                    repeated.second,
                    format!("{} sets `{}` twice", repeated.holder, repeated.setting),
                    format!("second `{}`", repeated.setting),
                    format!("keep one `{}` line and delete the other", repeated.setting),
                )
                .with_related(repeated.first, format!("first `{}` here", repeated.setting)),
            );
        }
    }
}
