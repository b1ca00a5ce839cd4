//! `invalid-suppression`: a `# flowc:` comment that cannot be used.

use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;

rule! {
    /// ## What it checks
    /// That every comment starting with `# flowc:` is a usable suppression:
    /// `allow(` one or more rule names separated by commas `)`, followed by
    /// the reason. It fires on a directive other than `allow`, a missing
    /// `(` or `)`, an empty list, a name that is no rule, a rule that cannot
    /// be suppressed (`invalid-suppression`, `unused-suppression`) and a
    /// missing reason. An invalid comment suppresses nothing.
    ///
    /// ## Why
    /// Operability (可操作性): an exception to the policy must be visible
    /// and explained. A suppression without a reason hides a finding from
    /// the reviewer without telling them why the process may differ; a
    /// misspelt rule name suppresses nothing while looking as if it did.
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
    ///     next board_approval
    ///   }
    ///
    ///   # flowc: allow(missing-dealine) the board sets it at each meeting
    ///   step board_approval "董事會審批" {
    ///     owner general_manager
    ///     within 5 business days
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
    /// No rule is called `missing-dealine`: the comment allows nothing, and a
    /// misspelt name must not pass for a silenced finding.
    ///
    /// ## Fix
    /// Write `# flowc: allow(rule-name) reason`, with rule names from
    /// `flowc rules` and, after `)`, why the rule does not apply here:
    /// `# flowc: allow(missing-deadline) the board sets this deadline at
    /// each meeting`.
    pub struct InvalidSuppression;
    code: "F902",
    name: "invalid-suppression",
    severity: Error,
    enabled_by_default: true,
    principle: Operability,
    summary: "A `# flowc:` comment is not `allow(rule-name, ...) reason` with known rules and a reason.",
}

impl Rule for InvalidSuppression {
    /// Nothing to do here: `check::run` reads the suppression comments once,
    /// with the registry's rule names (which a rule cannot import without a
    /// module cycle), and reports this rule's findings from that reading
    /// (`check::suppression::read`).
    fn check(&self, _: &Project, _: &CheckContext, _: &mut Vec<Finding>) {}
}
