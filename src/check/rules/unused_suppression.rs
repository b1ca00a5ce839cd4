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
    /// ```flow
    /// step approve "部門經理審批" {  # flowc: allow(missing-deadline) set by the board
    ///   owner dept_head
    ///   within 2 business days
    ///   next done
    /// }
    /// ```
    ///
    /// ## Fix
    /// Delete the comment, or the rule's name from its list. When the
    /// finding is still there but on another line, move the comment to the
    /// line before the finding.
    pub struct UnusedSuppression;
}

impl Rule for UnusedSuppression {
    /// Nothing to do here: whether an allow was used is known only after
    /// every other rule has run, so `check::run` reports this rule's
    /// findings from its suppression pass (`check::suppression::apply`).
    fn check(&self, _: &Project, _: &CheckContext, _: &mut Vec<Finding>) {}
}
