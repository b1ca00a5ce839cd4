//! `decision-gap`: a decision without `otherwise` whose `when`s leave some
//! values of its inputs without a branch.

use super::at;
use super::decisions::{broken_decisions, decisions, too_complex};
use crate::check::decision_space::Unanalysable;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;
use crate::text;

rule! {
    /// ## What it checks
    /// That a `decide` without `otherwise` has a branch for every value of
    /// the inputs it compares. flowc analyses each input's domain exactly:
    /// money and numbers as exact decimals with open (`<`, `>`) and closed
    /// (`<=`, `>=`) bounds, dates as whole days, `one of` inputs as their
    /// values, `yes/no` as its two values, text by equality; conditions
    /// combined with `and`, `or` and `not`, over one input or several.
    /// Values recorded by steps count like inputs, and two values compared
    /// with each other (`amount <= budget_left`, alone or with thresholds
    /// on either) are analysed exactly too: the message then names both
    /// (`amount = 5000.01 CNY, budget_left = 5000 CNY`). Chains of three
    /// values or more are beyond the analysis:
    /// [`unchecked-decision`](unchecked-decision.md) says so. When
    /// some values match no `when`, the message names one, picked the way a
    /// person would test the boundary: the threshold itself when a bound
    /// leaves it out, otherwise the value just beyond it. A decision with
    /// `otherwise` always has a branch.
    ///
    /// ## Why
    /// Systematic (系統性): processes are interlinked into one whole. A case
    /// that matches no branch stops the process at the decision, with
    /// nobody responsible for it: the claim of exactly 5000 CNY that neither
    /// "under 5000" nor "over 5000" takes.
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
    ///     when amount < 5000 CNY -> pay
    ///     when amount > 5000 CNY -> division_approval
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
    /// reports "amount = 5000 CNY matches no branch of `route`".
    ///
    /// ## Fix
    /// Close the gap in a condition (`amount <= 5000 CNY`), add a `when`
    /// for the missing values, or add `otherwise -> TARGET` for every case
    /// the `when`s do not name.
    pub struct DecisionGap;
    code: "F301",
    name: "decision-gap",
    severity: Error,
    enabled_by_default: true,
    principle: Systematic,
    summary: "A decision without `otherwise` leaves some input values without a branch.",
}

impl Rule for DecisionGap {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        let broken = broken_decisions(project);
        for (index, process) in context.indexed_processes(project) {
            for decision in decisions(process, index, &broken) {
                if decision.otherwise.is_some() || decision.whens.is_empty() || decision.broken {
                    continue;
                }
                let uncovered = decision.space(process).and_then(|space| space.uncovered());
                let name = &process.node(decision.node).name;
                match uncovered {
                    Ok(Some(values)) => findings.push(Finding::new(
                        at(process, process.node(decision.node).name_span),
                        text!("decision-gap-message", values = values.text(), name = name),
                        text!("decision-gap-label"),
                        text!("decision-gap-help", values = values.text()),
                    )),
                    Err(Unanalysable::TooComplex) => {
                        findings.push(too_complex(process, &decision, "cover"))
                    }
                    Ok(None)
                    | Err(
                        Unanalysable::Mismatch
                        | Unanalysable::UnknownInput(_)
                        | Unanalysable::ManyValues(_),
                    ) => {}
                }
            }
        }
    }
}
