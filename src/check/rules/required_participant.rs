//! `required-participant`: a process that can finish without a participant
//! the configuration requires.

use rust_decimal::Decimal;

use super::at;
use super::cases::{owners_of, surely_signs};
use crate::check::decision_space::amounts::Amounts;
use crate::check::{CheckContext, Finding, Rule};
use crate::config::RequiredParticipant;
use crate::model::people;
use crate::model::{NodeId, NodeKind, OrgUnit, Process, Project};
use crate::syntax::ast::InputType;

rule! {
    /// ## What it checks
    /// The requirements written as `[[required-participant]]` tables in
    /// `flowc.toml`: every process they select must include, on **every**
    /// path from `start` to an end, a step owned by the required role or
    /// department (a role counts as part of a department through
    /// `role ... in DEPARTMENT`). A step with several owners counts when
    /// the participant surely signs: `all of` naming it, `any of` naming
    /// nobody else, `N of` with fewer than N others. An owner relative to
    /// the applicant (`manager of applicant`) counts when it is the
    /// participant whoever the applicant is.
    ///
    /// ```toml
    /// [[required-participant]]
    /// category = "approval"
    /// participant = "finance"
    /// reason = "approvals that spend money pass finance (policy 7)"
    ///
    /// [[required-participant]]
    /// money-above = "1000000 CNY"
    /// participant = "general_manager"
    /// reason = "amounts over 1,000,000 CNY need the general manager"
    /// ```
    ///
    /// - `category` selects the processes of that category.
    /// - `money-above` selects the processes with a money input in that
    ///   currency, and only the paths an amount **above** the threshold can
    ///   take: decisions on that input are followed only where their
    ///   conditions can hold for such an amount (conditions on other inputs
    ///   may go either way). The message names a concrete amount.
    /// - With both, both must hold; with neither, every process is selected.
    /// - A `parallel` block includes the participant when any of its
    ///   branches does (every branch runs).
    ///
    /// The message gives the requirement's reason and a path that avoids the
    /// participant.
    ///
    /// ## Why
    /// Legality (合法性): processes comply with law and company policy. Some
    /// checks are required by policy (legal review of contracts, finance
    /// review of claims, the general manager for major amounts); writing
    /// them as configuration lets flowc prove every process keeps them.
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
    ///     when amount <= 50000 CNY -> pay
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
    /// with this requirement in `flowc.toml`:
    /// ```toml
    /// [[required-participant]]
    /// money-above = "1000000 CNY"
    /// participant = "general_manager"
    /// reason = "amounts over 1,000,000 CNY need the general manager (policy 7)"
    /// ```
    ///
    /// ## Fix
    /// Add a step owned by the participant on the path the message shows
    /// (or route the amounts concerned through one). If the requirement is
    /// wrong, correct it in `flowc.toml`.
    pub struct RequiredParticipantRule;
    code: "F161",
    name: "required-participant",
    severity: Error,
    enabled_by_default: true,
    principle: Legality,
    summary: "A process can finish without a participant `flowc.toml` requires.",
}

impl Rule for RequiredParticipantRule {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for requirement in &context.config.required_participants {
            for process in &project.processes {
                if process.has_broken_links || !selects(requirement, process) {
                    continue;
                }
                if let Some(finding) = violation(project, requirement, process) {
                    findings.push(finding);
                }
            }
        }
    }
}

/// Whether the requirement applies to the process.
pub(super) fn selects(requirement: &RequiredParticipant, process: &Process) -> bool {
    let category = requirement
        .category
        .is_none_or(|category| process.category == Some(category));
    let money = requirement
        .money_above
        .as_ref()
        .is_none_or(|threshold| !money_inputs(process, &threshold.currency).is_empty());
    category && money
}

/// The names of the process's money inputs in `currency`.
fn money_inputs<'a>(process: &'a Process, currency: &str) -> Vec<&'a str> {
    process
        .inputs
        .iter()
        .filter(|input| matches!(&input.kind, InputType::Money { currency: c } if c == currency))
        .map(|input| input.name.text.as_str())
        .collect()
}

/// A value an input is taken to have along a path.
struct Assumption<'a> {
    input: &'a str,
    amount: Decimal,
    currency: &'a str,
}

impl Assumption<'_> {
    /// A path from `start` to an end through no blocked node that an
    /// input of this amount can take.
    fn path_avoiding(&self, process: &Process, blocked: &[bool]) -> Option<Vec<NodeId>> {
        let amounts = Amounts::one(self.input, self.currency, self.amount);
        let edge_sets = amounts.may_take(process);
        path_avoiding(process, blocked, |edge| !edge_sets[edge].is_empty())
    }
}

/// The finding when the process can finish without the participant.
fn violation(
    project: &Project,
    requirement: &RequiredParticipant,
    process: &Process,
) -> Option<Finding> {
    let blocked = blocked_nodes(project, process, &requirement.participant);
    let (assumption, path) = match &requirement.money_above {
        None => (None, path_avoiding(process, &blocked, |_| true)?),
        Some(threshold) => money_inputs(process, &threshold.currency)
            .into_iter()
            .find_map(|input| {
                let amounts = amounts_above(process, input, &threshold.currency, threshold.amount);
                let escaping = first_escaping(&amounts, process, &blocked)?;
                let assumption = Assumption {
                    input,
                    amount: amounts.values()[escaping],
                    currency: &threshold.currency,
                };
                let path = assumption.path_avoiding(process, &blocked)?;
                Some((Some(assumption), path))
            })?,
    };
    let participant = &requirement.participant;
    let path_names = path
        .iter()
        .filter(|&&node| !matches!(process.node(node).kind, NodeKind::Join { .. }))
        .map(|&node| process.node(node).name.as_str());
    let case = match &assumption {
        Some(assumption) => crate::text!(
            "required-participant-case-amount",
            input = assumption.input.to_string(),
            amount = assumption.amount.to_string(),
            currency = assumption.currency
        ),
        None => crate::text!("required-participant-case"),
    };
    let help = match &requirement.money_above {
        Some(threshold) => crate::text!(
            "required-participant-help-amount",
            participant = participant,
            amount = threshold.amount.to_string(),
            currency = &threshold.currency,
            number = requirement.number
        ),
        None => crate::text!(
            "required-participant-help",
            participant = participant,
            number = requirement.number
        ),
    };
    let department = if unit_is_department(project, participant) {
        "yes"
    } else {
        "no"
    };
    Some(Finding::new(
        at(process, process.name_span),
        crate::text!(
            "required-participant-message",
            process = &process.name,
            participant = participant,
            case = case,
            path = super::chain::chain(path_names, "path-link"),
            department = department,
            reason = &requirement.reason
        ),
        crate::text!("required-participant-label", participant = participant),
        help,
    ))
}

/// Whether `name` is a department of the project.
fn unit_is_department(project: &Project, name: &str) -> bool {
    project
        .departments
        .iter()
        .any(|department| department.name == name)
}

/// For each node, whether passing it means the participant takes part: a
/// step whose signers surely include it whoever the applicant is (see
/// `surely_signs`), or a parallel block with such a step among its
/// branches.
fn blocked_nodes(project: &Project, process: &Process, participant: &str) -> Vec<bool> {
    let cases = people::cases(project, process);
    let takes_part = |node: NodeId| {
        owners_of(process, node).is_some_and(|owners| {
            cases.iter().all(|&case| {
                surely_signs(project, owners, case, |owner| {
                    is_participant(project, owner, participant)
                })
            })
        })
    };
    process
        .node_ids()
        .map(|node| match &process.node(node).kind {
            NodeKind::Parallel { branches, .. } => branches
                .iter()
                .filter_map(|branch| branch.target)
                .any(takes_part),
            _ => takes_part(node),
        })
        .collect()
}

/// Whether `owner` is the participant, or a role in the participant
/// department.
fn is_participant(project: &Project, owner: OrgUnit, participant: &str) -> bool {
    if project.unit_name(owner) == participant {
        return true;
    }
    match owner {
        OrgUnit::Role(role) => project
            .role(role)
            .department
            .as_ref()
            .and_then(|department| department.target)
            .is_some_and(|department| project.department(department).name == participant),
        OrgUnit::Department(_) => false,
    }
}

/// The amounts above `threshold` worth trying for `input`: one in each
/// stretch between the values the process compares it with, and each of
/// those values ([`Amounts::above`]). Every amount above the threshold
/// takes the same branches as one of them.
fn amounts_above<'a>(
    process: &Process,
    input: &'a str,
    currency: &'a str,
    threshold: Decimal,
) -> Amounts<'a> {
    Amounts::above(process.when_conditions(), input, currency, threshold)
}

/// A path from `start` to an end through no blocked node, shortest first.
fn path_avoiding(
    process: &Process,
    blocked: &[bool],
    may_take: impl Fn(usize) -> bool,
) -> Option<Vec<NodeId>> {
    let start = process.start.as_ref()?.target?;
    if blocked[start.0] {
        return None;
    }
    let mut came_from: Vec<Option<NodeId>> = vec![None; process.nodes.len()];
    let mut reached = vec![false; process.nodes.len()];
    reached[start.0] = true;
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        if matches!(process.node(node).kind, NodeKind::End) {
            let mut path = vec![node];
            let mut current = node;
            while let Some(previous) = came_from[current.0] {
                path.push(previous);
                current = previous;
            }
            path.reverse();
            return Some(path);
        }
        for &edge in &process.outgoing[node.0] {
            if !may_take(edge) {
                continue;
            }
            let to = process.edges[edge].to;
            if !reached[to.0] && !blocked[to.0] {
                reached[to.0] = true;
                came_from[to.0] = Some(node);
                queue.push_back(to);
            }
        }
    }
    None
}

/// The first amount (index) that can reach an end from `start` through no
/// blocked node.
fn first_escaping(amounts: &Amounts, process: &Process, blocked: &[bool]) -> Option<usize> {
    let start = process.start.as_ref()?.target?;
    if blocked[start.0] || amounts.values().is_empty() {
        return None;
    }
    let edge_sets = amounts.may_take(process);
    let mut reach = vec![amounts.none(); process.nodes.len()];
    reach[start.0] = amounts.all();
    let mut pending = vec![start];
    let mut queued = vec![false; process.nodes.len()];
    queued[start.0] = true;
    while let Some(node) = pending.pop() {
        queued[node.0] = false;
        for &edge in &process.outgoing[node.0] {
            let to = process.edges[edge].to;
            if blocked[to.0] {
                continue;
            }
            let arriving = reach[node.0].both(&edge_sets[edge]);
            if reach[to.0].absorb(&arriving) && !queued[to.0] {
                queued[to.0] = true;
                pending.push(to);
            }
        }
    }
    let mut escaping = amounts.none();
    for node in process.node_ids() {
        if matches!(process.node(node).kind, NodeKind::End) {
            escaping.absorb(&reach[node.0]);
        }
    }
    escaping.first()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EdgeKind;
    use crate::source::SourceFile;
    use crate::syntax::ast::{Comparator, Condition, Literal, Value};

    const ORG: &str = "department legal\nrole gm\nrole clerk\nrole lawyer in legal\n";

    /// The process of `decisions` (a `decide route` body leading to `legal`
    /// or `fast`) and the first amount above `threshold` that escapes the
    /// lawyer, found both ways: all amounts at once, and one by one.
    fn both_ways(decisions: &str, threshold: i64) -> (Option<Decimal>, Option<Decimal>) {
        let text = format!(
            "{ORG}process p {{\n  owner legal\n  input amount: money CNY\n  input urgent: yes/no\n  start route\n  decide route {{\n{decisions}\n  }}\n  step legal {{\n    owner lawyer\n    within 1 day\n    next done\n  }}\n  step fast {{\n    owner clerk\n    within 1 day\n    next done\n  }}\n  end done\n}}\n"
        );
        let project = crate::model::build(vec![SourceFile::from_text("p.flow", text)]);
        let process = &project.processes[0];
        assert!(project.problems.unresolved.is_empty(), "{decisions}");
        let blocked = blocked_nodes(&project, process, "legal");
        let amounts = amounts_above(process, "amount", "CNY", Decimal::from(threshold));
        let at_once =
            first_escaping(&amounts, process, &blocked).map(|index| amounts.values()[index]);
        let one_by_one = amounts.values().iter().copied().find(|&amount| {
            let when_holds = |edge: usize| match &process.edges[edge].kind {
                EdgeKind::When(condition) => holds(condition, amount),
                _ => Some(false),
            };
            path_avoiding(process, &blocked, |edge| match &process.edges[edge].kind {
                EdgeKind::When(condition) => holds(condition, amount) != Some(false),
                EdgeKind::Otherwise => !process.outgoing[process.edges[edge].from.0]
                    .iter()
                    .any(|&other| when_holds(other) == Some(true)),
                _ => true,
            })
            .is_some()
        });
        (at_once, one_by_one)
    }

    /// The oracle: whether a condition holds for `amount` of the input
    /// `amount`, written directly; `None` when it depends on another input.
    fn holds(condition: &Condition, amount: Decimal) -> Option<bool> {
        match condition {
            Condition::Compare(comparison) => {
                let Some(Literal {
                    value: Value::Money { amount: bound, .. },
                    ..
                }) = comparison.value.literal()
                else {
                    return None;
                };
                if comparison.input.text != "amount" {
                    return None;
                }
                Some(match comparison.op {
                    Comparator::Less => amount < *bound,
                    Comparator::AtMost => amount <= *bound,
                    Comparator::Greater => amount > *bound,
                    Comparator::AtLeast => amount >= *bound,
                    Comparator::Equal => amount == *bound,
                    Comparator::NotEqual => amount != *bound,
                })
            }
            Condition::Not(inner, _) => holds(inner, amount).map(|value| !value),
            Condition::AllOf(parts, _) => {
                let values: Vec<_> = parts.iter().map(|part| holds(part, amount)).collect();
                if values.contains(&Some(false)) {
                    Some(false)
                } else if values.contains(&None) {
                    None
                } else {
                    Some(true)
                }
            }
            Condition::AnyOf(parts, _) => {
                let values: Vec<_> = parts.iter().map(|part| holds(part, amount)).collect();
                if values.contains(&Some(true)) {
                    Some(true)
                } else if values.contains(&None) {
                    None
                } else {
                    Some(false)
                }
            }
        }
    }

    #[test]
    fn amounts_at_once_agree_with_amounts_one_by_one() {
        let cases: &[(&str, i64, Option<&str>)] = &[
            (
                "    when amount > 1000 CNY -> legal\n    otherwise -> fast",
                1000,
                None,
            ),
            (
                "    when amount > 1000 CNY -> legal\n    otherwise -> fast",
                500,
                Some("501"),
            ),
            (
                "    when amount >= 1000 CNY -> legal\n    otherwise -> fast",
                999,
                Some("999.5"),
            ),
            (
                "    when amount >= 1000 CNY -> legal\n    otherwise -> fast",
                998,
                Some("999"),
            ),
            (
                "    when amount > 1000 CNY and amount < 5000 CNY -> legal\n    otherwise -> fast",
                1000,
                Some("5000"),
            ),
            (
                "    when amount == 3000 CNY -> fast\n    otherwise -> legal",
                100,
                Some("3000"),
            ),
            (
                "    when amount != 3000 CNY -> legal\n    when amount == 3000 CNY -> fast",
                3000,
                None,
            ),
            (
                "    when amount > 1000 CNY and urgent == yes -> fast\n    otherwise -> legal",
                1000,
                Some("1001"),
            ),
            (
                "    when amount > 1000 CNY or urgent == yes -> legal\n    otherwise -> fast",
                1000,
                None,
            ),
            (
                "    when not amount <= 1000 CNY -> legal\n    otherwise -> fast",
                1000,
                None,
            ),
            (
                "    when not (amount <= 1000 CNY or amount > 9000 CNY) -> legal\n    otherwise -> fast",
                1000,
                Some("9001"),
            ),
            (
                "    when amount <= 1000.5 CNY -> fast\n    when amount > 1000.5 CNY -> legal",
                1000,
                Some("1000.25"),
            ),
            (
                "    when urgent == yes -> fast\n    otherwise -> legal",
                0,
                Some("1"),
            ),
        ];
        for (decisions, threshold, expected) in cases {
            let (at_once, one_by_one) = both_ways(decisions, *threshold);
            assert_eq!(at_once, one_by_one, "{decisions}");
            assert_eq!(
                at_once.map(|amount| amount.to_string()),
                expected.map(str::to_string),
                "{decisions} above {threshold}"
            );
        }
    }
}
