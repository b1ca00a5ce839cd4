//! `single-branch-decision`: a decision whose every branch leads to the
//! same place.

use super::at;
use super::decisions::{broken_decisions, decisions};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;

rule! {
    /// ## What it checks
    /// That a `decide` sends the work to at least two different places.
    /// It reports a decision whose `when` and `otherwise` lines all lead to
    /// the same step, decision, block or end, including one with only an
    /// `otherwise`, or with a single `when` that holds for every value. (A
    /// single `when` that leaves values without a branch is a
    /// [`decision-gap`](decision-gap.md) instead.)
    ///
    /// ## Why
    /// Systematic (系統性) and simplicity: a decision that decides nothing is
    /// a box people must read and maintain for no effect, and it often
    /// hides a mistake: a branch that was meant to lead elsewhere.
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
    ///     otherwise -> pay
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
    /// reports "every branch of decision `route` leads to `pay`".
    ///
    /// ## Fix
    /// Send the branch that was meant to go elsewhere to its target, or
    /// remove the decision and lead straight to the common target (`next
    /// pay`).
    pub struct SingleBranchDecision;
    code: "F304",
    name: "single-branch-decision",
    severity: Warning,
    enabled_by_default: true,
    principle: Systematic,
    summary: "Every branch of a decision leads to the same place.",
}

impl Rule for SingleBranchDecision {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        let broken = broken_decisions(project);
        for (index, process) in context.indexed_processes(project) {
            for decision in decisions(process, index, &broken) {
                let mut targets = decision.targets();
                let Some(first) = targets.next() else {
                    continue;
                };
                if decision.broken || targets.any(|target| target != first) {
                    continue;
                }
                let lone_when = decision.otherwise.is_none() && decision.whens.len() == 1;
                if lone_when
                    && !decision
                        .space(process)
                        .and_then(|space| space.uncovered())
                        .is_ok_and(|gap| gap.is_none())
                {
                    continue;
                }
                let node = process.node(decision.node);
                let target = &process.node(first).name;
                let mut finding = Finding::new(
                    at(process, node.name_span),
                    crate::text!(
                        "single-branch-decision-message",
                        decision = &node.name,
                        target = target
                    ),
                    crate::text!("single-branch-decision-label", target = target),
                    crate::text!("single-branch-decision-help", target = target),
                );
                for line in decision
                    .whens
                    .iter()
                    .map(|when| when.line)
                    .chain(decision.otherwise.map(|(line, _)| line))
                {
                    finding = finding.with_related(
                        at(process, line),
                        crate::text!("single-branch-decision-related", target = target),
                    );
                }
                findings.push(finding);
            }
        }
    }
}
