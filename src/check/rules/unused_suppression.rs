//! `unused-suppression`: an allow that suppresses nothing.

use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;

rule! {
    /// ## What it checks
    /// That every rule named in a `# flowc: allow(...)` comment removes at
    /// least one finding of that rule starting on the line the comment
    /// applies to: its own line when the comment ends a line of code, else
    /// the next line that holds more than blanks and comments. An allow for
    /// a rule turned off in `flowc.toml` is not reported.
    ///
    /// ## Why
    /// Operability (可操作性): a stale exception misleads the reader into
    /// thinking the process still departs from the policy, and would
    /// silently hide a new problem on that line later.
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
    ///   # flowc: allow(missing-deadline) the board sets it at each meeting
    ///   step dept_review "部門負責人審核" {
    ///     owner dept_head
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
    /// `dept_review` has a deadline: the comment allows nothing.
    ///
    /// ## Fix
    /// Delete the comment, or the rule's name from its list. When the
    /// finding is still there but on another line, move the comment to the
    /// line before the finding.
    pub struct UnusedSuppression;
    code: "F901",
    name: "unused-suppression",
    severity: Warning,
    enabled_by_default: true,
    principle: Operability,
    summary: "A `# flowc: allow(...)` comment names a rule that has no finding on its line.",
}

impl Rule for UnusedSuppression {
    /// Nothing to do here: whether an allow was used is known only after
    /// every other rule has run, so `check::run` reports this rule's
    /// findings from its suppression pass (`check::suppression::apply`).
    fn check(&self, _: &Project, _: &CheckContext, _: &mut Vec<Finding>) {}
}
