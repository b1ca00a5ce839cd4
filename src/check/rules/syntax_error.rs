//! `syntax-error`: the file does not follow the grammar.

use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;
use crate::span::Location;

rule! {
    /// ## What it checks
    /// That every file follows the grammar of the `.flow` language: each item
    /// on a line of its own, every block closed with `}`, keywords and values
    /// where the language expects them, real calendar dates, numbers flowc
    /// can hold exactly, UTF-8 text.
    ///
    /// ## Why
    /// Operability (可操作性): a process that cannot be read cannot be
    /// followed. Every syntax error of every file is reported in one run: a
    /// broken item (a line, or a block whose braces do not match) is set
    /// aside and the rest of the file is read and checked. The name a broken
    /// item declares still counts as declared, and the rules that read a
    /// whole process (reachability, deadlines, decisions...) skip the process
    /// holding the broken item until it parses, so a typo gives one error,
    /// not a crowd of follow-up ones.
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
    ///     within 2 business days
    ///     next pay
    ///
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
    /// reports "expected `}` to close step `dept_review`, found `step`".
    ///
    /// ## Fix
    /// Do what the message says at the place it points to: close the block,
    /// put the item on its own line, or write the value in the form shown in
    /// the help line.
    pub struct SyntaxErrorRule;
    code: "F001",
    name: crate::diagnostics::SYNTAX_ERROR,
    severity: Error,
    enabled_by_default: true,
    principle: Operability,
    summary: "The file does not follow the grammar of the .flow language.",
}

impl Rule for SyntaxErrorRule {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        for (file, error) in &project.problems.syntax_errors {
            findings.push(Finding::new(
                Location::new(*file, error.span),
                error.message.clone(),
                crate::text!("syntax-error-label"),
                error.help.clone(),
            ));
        }
    }
}
