//! `unchecked-decision`: a decision that compares three or more values of
//! the process with each other, beyond the exact analysis.

use super::decisions::{broken_decisions, decisions};
use super::{all_of, at, quoted, walk};
use crate::check::decision_space::{DecisionSpace, Unanalysable};
use crate::check::{CheckContext, Finding, Rule};
use crate::i18n::Text;
use crate::model::{Process, Project};
use crate::syntax::ast::Condition;

rule! {
    /// ## What it checks
    /// That flowc can check a decision's branches for gaps and overlaps.
    /// The analysis behind [`decision-gap`](decision-gap.md),
    /// [`decision-overlap`](decision-overlap.md) and
    /// [`endless-loop`](endless-loop.md) is exact for comparisons of a
    /// value with values written out (`amount <= 5000 CNY`) and for
    /// comparisons of two values with each other (`amount <= budget_left`),
    /// also mixed with thresholds on either. Comparisons that link three or
    /// more values into one chain (`amount <= budget_left and budget_left
    /// <= ceiling`) are beyond it: rather than guess, and report a gap or an
    /// overlap that may not be there, flowc says that it did not check the
    /// decision. The same chain spread over several decisions of a process
    /// with a loop leaves its loops unchecked by `endless-loop`: that is
    /// reported once, at the process's name.
    ///
    /// ## Why
    /// Systematic (系統性): a decision must send every case somewhere, and
    /// only one way. When flowc cannot confirm that, the process owner
    /// should know that this decision has been checked by nobody but its
    /// writer.
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
    ///   input budget_left: money CNY
    ///   input ceiling: money CNY
    ///
    ///   start route
    ///
    ///   decide route "按預算審批" {
    ///     when amount <= budget_left and budget_left <= ceiling -> pay
    ///     otherwise -> division_approval
    ///   }
    ///
    ///   step division_approval "分管領導審批" {
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
    /// reports "decision `route` compares `amount`, `budget_left` and
    /// `ceiling` with each other: flowc checks comparisons of two values
    /// exactly, not chains of three or more, so its branches are not
    /// checked for gaps and overlaps".
    ///
    /// ## Fix
    /// Split the decision so that each compares at most two values with
    /// each other (first `when budget_left <= ceiling -> ...`, then a second
    /// decision on `amount <= budget_left`), or accept the warning with
    /// `# flowc: allow(unchecked-decision)` after checking the branches by
    /// hand.
    pub struct UncheckedDecision;
    code: "F307",
    name: "unchecked-decision",
    severity: Warning,
    enabled_by_default: true,
    principle: Systematic,
    summary: "A decision compares three or more values with each other: its branches are not checked.",
}

impl Rule for UncheckedDecision {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        let broken = broken_decisions(project);
        for (index, process) in context.indexed_processes(project) {
            let before = findings.len();
            for decision in decisions(process, index, &broken) {
                let Err(Unanalysable::ManyValues(names)) = decision.space(process) else {
                    continue;
                };
                let node = process.node(decision.node);
                let names: Vec<Text> = names.iter().map(|name| quoted(name)).collect();
                findings.push(Finding::new(
                    at(process, node.name_span),
                    crate::text!(
                        "unchecked-decision-message",
                        decision = &node.name,
                        values = all_of(names)
                    ),
                    crate::text!("unchecked-decision-label"),
                    crate::text!("unchecked-decision-help"),
                ));
            }
            if findings.len() == before
                && let Some(names) = chained_across_a_loop(process)
            {
                findings.push(Finding::new(
                    at(process, process.name_span),
                    crate::text!(
                        "unchecked-decision-loop-message",
                        process = &process.name,
                        values = all_of(names)
                    ),
                    crate::text!("unchecked-decision-loop-label"),
                    crate::text!("unchecked-decision-loop-help"),
                ));
            }
        }
    }
}

/// The values (quoted) the decisions of `process` chain into three or
/// more, when the process has a loop whose way out `endless-loop` would
/// check.
fn chained_across_a_loop(process: &Process) -> Option<Vec<Text>> {
    if process.has_broken_links || !walk::walk(process).rework.iter().any(|&rework| rework) {
        return None;
    }
    let conditions: Vec<&Condition> = process.when_conditions().collect();
    match DecisionSpace::new(process, &conditions) {
        Err(Unanalysable::ManyValues(names)) => {
            Some(names.iter().map(|name| quoted(name)).collect())
        }
        _ => None,
    }
}
