//! `decision-overlap`: two `when`s of one decision that can both hold.

use std::collections::BTreeMap;

use super::at;
use super::decisions::{Decision, broken_decisions, decisions, too_complex};
use crate::check::decision_space::{DecisionSpace, Unanalysable};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{Process, Project};
use crate::span::{LineIndex, Span};
use crate::text;

rule! {
    /// ## What it checks
    /// That no two `when` conditions of one `decide` that lead to different
    /// places can hold at the same time (two that lead to the same place
    /// are not ambiguous, only redundant). The analysis is exact (see [`decision-gap`](decision-gap.md)):
    /// money and numbers with open and closed bounds, dates, `one of`,
    /// `yes/no` and text inputs, `and`, `or` and `not`, one input or
    /// several. The message names a value that matches both conditions and
    /// points at both lines.
    ///
    /// ## Why
    /// Systematic (系統性): which approval path applies must never be
    /// ambiguous. When a claim of 5000 CNY matches both "up to 5000" and
    /// "from 5000", the process owner, the approvers and the system that
    /// runs the process can each pick a different path.
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
    ///     next route
    ///   }
    ///
    ///   decide route "按金額分級審批" {
    ///     when amount <= 5000 CNY -> pay
    ///     when amount >= 5000 CNY -> division_approval
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
    /// reports "amount = 5000 CNY matches two branches of `route`".
    ///
    /// ## Fix
    /// Make the conditions exclude each other: decide which branch the
    /// shared values belong to and bound the other one strictly
    /// (`amount > 5000 CNY`).
    pub struct DecisionOverlap;
    code: "F302",
    name: "decision-overlap",
    severity: Error,
    enabled_by_default: true,
    principle: Systematic,
    summary: "Two `when` conditions of one decision can both hold.",
}

impl Rule for DecisionOverlap {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        let broken = broken_decisions(project);
        let mut lines = Lines::new(project);
        for (index, process) in context.indexed_processes(project) {
            for decision in decisions(process, index, &broken) {
                if decision.whens.len() < 2 || decision.broken {
                    continue;
                }
                let checked = match decision.space(process) {
                    Ok(space) => check_pairs(process, &decision, &space, &mut lines, findings),
                    // Without `otherwise`, `decision-gap` notes it already.
                    Err(Unanalysable::TooComplex) if decision.otherwise.is_none() => Ok(()),
                    Err(unanalysable) => Err(unanalysable),
                };
                if checked == Err(Unanalysable::TooComplex) {
                    findings.push(too_complex(process, &decision, "overlap"));
                }
            }
        }
    }
}

/// Line numbers of places, indexing each file only when first asked (kept
/// by file, not in a table as long as the project's files: the rule may
/// run on one process at a time).
struct Lines<'a> {
    project: &'a Project,
    indexes: BTreeMap<usize, LineIndex>,
}

impl<'a> Lines<'a> {
    fn new(project: &'a Project) -> Self {
        Lines {
            project,
            indexes: BTreeMap::new(),
        }
    }

    /// The 1-based line of `span` in `process`'s file.
    fn line(&mut self, process: &Process, span: Span) -> usize {
        let text = &self.project.files[process.file.0].text;
        self.indexes
            .entry(process.file.0)
            .or_insert_with(|| LineIndex::new(text))
            .position(text, span.start)
            .0
    }
}

/// Reports every pair of `when`s leading to different places that can
/// both hold.
fn check_pairs(
    process: &Process,
    decision: &Decision,
    space: &DecisionSpace,
    lines: &mut Lines,
    findings: &mut Vec<Finding>,
) -> Result<(), Unanalysable> {
    let name = &process.node(decision.node).name;
    for (second, later) in decision.whens.iter().enumerate() {
        for (first, earlier) in decision.whens.iter().enumerate().take(second) {
            if earlier.target == later.target {
                continue;
            }
            let Some(values) = space.overlap(first, second)? else {
                continue;
            };
            findings.push(
                Finding::new(
                    at(process, later.condition.span()),
                    text!(
                        "decision-overlap-message",
                        values = values.text(),
                        name = name,
                        first = lines.line(process, earlier.line).to_string(),
                        second = lines.line(process, later.line).to_string()
                    ),
                    text!("decision-overlap-label", values = values.text()),
                    text!("decision-overlap-help", values = values.text()),
                )
                .with_related(
                    at(process, earlier.condition.span()),
                    text!("decision-overlap-related", values = values.text()),
                ),
            );
        }
    }
    Ok(())
}
