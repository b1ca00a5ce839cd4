//! `unused-input`: an input nothing uses.

use std::collections::BTreeSet;

use super::at;
use super::reads::reads;
use super::required_participant::selects;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;
use crate::syntax::ast::InputType;

rule! {
    /// ## What it checks
    /// That every `input` of a process is used: compared in a decision's
    /// `when` (also against a recorded value), passed to a called process
    /// (`with INPUT = NAME`), or read by a `[[required-participant]]` of
    /// `flowc.toml` that selects the process by an amount (`money-above`,
    /// for a money input in its currency).
    ///
    /// ## Why
    /// Simplicity and clarity (明確性): an input is asked of every applicant
    /// when a case starts. One that nothing decides on is a question asked
    /// for nothing, or a decision that should read it was forgotten.
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
    ///   input amount: money CNY
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
    /// reports "input `amount` of `expense_claim` is never used".
    ///
    /// ## Fix
    /// Decide on the input, pass it to a called process, or remove the
    /// `input` line. An input kept only as a record of the case (the kind
    /// of leave, for the HR file) is allowed with its reason at the end of
    /// its line: `# flowc: allow(unused-input) kept for the HR record`.
    pub struct UnusedInput;
    code: "F310",
    name: "unused-input",
    severity: Warning,
    enabled_by_default: true,
    principle: Clarity,
    summary: "An input no decision, call or required participant uses.",
}

impl Rule for UnusedInput {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            let read: BTreeSet<&str> = reads(process).iter().map(|reading| reading.name).collect();
            let amounts: Vec<&str> = context
                .config
                .required_participants
                .iter()
                .filter(|requirement| selects(requirement, process))
                .filter_map(|requirement| Some(requirement.money_above.as_ref()?.currency.as_str()))
                .collect();
            for input in &process.inputs {
                let name = &input.name.text;
                let by_requirement = matches!(&input.kind, InputType::Money { currency } if amounts.contains(&currency.as_str()));
                if by_requirement || read.contains(name.as_str()) {
                    continue;
                }
                findings.push(Finding::new(
                    at(process, input.name.span),
                    crate::text!("unused-input-message", name = name, process = &process.name),
                    crate::text!("unused-input-label"),
                    crate::text!("unused-input-help", name = name),
                ));
            }
        }
    }
}
