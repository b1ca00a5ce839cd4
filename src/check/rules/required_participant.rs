//! `required-participant`: a process that can finish without a participant
//! the configuration requires.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::config::RequiredParticipant;
use crate::model::{EdgeKind, NodeId, NodeKind, OrgUnit, Process, Project};
use crate::syntax::ast::{Comparator, Condition, InputType, Value};

rule! {
    /// ## What it checks
    /// The requirements written as `[[required-participant]]` tables in
    /// `flowc.toml`: every process they select must include, on **every**
    /// path from `start` to an end, a step owned by the required role or
    /// department (a role counts as part of a department through
    /// `role ... in DEPARTMENT`).
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
    /// With the second requirement above, an expense claim whose decision
    /// sends `amount > 50000 CNY` to the division lead only reports "with
    /// amount = 1000001 CNY, the path apply → dept_review → by_amount →
    /// division_approval → pay → paid has no step owned by
    /// `general_manager`".
    ///
    /// ## Fix
    /// Add a step owned by the participant on the path the message shows
    /// (or route the amounts concerned through one). If the requirement is
    /// wrong, correct it in `flowc.toml`.
    pub struct RequiredParticipantRule;
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
fn selects(requirement: &RequiredParticipant, process: &Process) -> bool {
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

/// The finding when the process can finish without the participant.
fn violation(
    project: &Project,
    requirement: &RequiredParticipant,
    process: &Process,
) -> Option<Finding> {
    let blocked = blocked_nodes(project, process, &requirement.participant);
    let (assumption, path) = match &requirement.money_above {
        None => (None, path_avoiding(process, &blocked, None)?),
        Some(threshold) => money_inputs(process, &threshold.currency)
            .into_iter()
            .flat_map(|input| {
                amounts_above(process, input, &threshold.currency, threshold.amount)
                    .into_iter()
                    .map(move |amount| Assumption {
                        input,
                        amount,
                        currency: &threshold.currency,
                    })
            })
            .find_map(|assumption| {
                let path = path_avoiding(process, &blocked, Some(&assumption))?;
                Some((Some(assumption), path))
            })?,
    };
    let participant = &requirement.participant;
    let path_names: Vec<&str> = path
        .iter()
        .filter(|&&node| !matches!(process.node(node).kind, NodeKind::Join { .. }))
        .map(|&node| process.node(node).name.as_str())
        .collect();
    let case = match &assumption {
        Some(assumption) => format!(
            "with {} = {} {}, the path",
            assumption.input, assumption.amount, assumption.currency
        ),
        None => "the path".to_string(),
    };
    let scope = match &requirement.money_above {
        Some(threshold) => format!(" on every path taken for amounts above {threshold}"),
        None => " on every path".to_string(),
    };
    Some(Finding::new(
        at(process, process.name_span),
        format!(
            "process `{}` can finish without `{participant}`: {case} {} has no step owned by `{participant}`{}. Required because: {}",
            process.name,
            path_names.join(" → "),
            if unit_is_department(project, participant) {
                " or a role in it"
            } else {
                ""
            },
            requirement.reason,
        ),
        format!("can finish without `{participant}`"),
        format!(
            "add a step owned by `{participant}`{scope}; the requirement is [[required-participant]] number {} in flowc.toml",
            requirement.number
        ),
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
/// step it owns, or a parallel block with such a step among its branches.
fn blocked_nodes(project: &Project, process: &Process, participant: &str) -> Vec<bool> {
    let takes_part = |node: NodeId| match &process.node(node).kind {
        NodeKind::Step(details) => details
            .owner
            .as_ref()
            .and_then(|owner| owner.target)
            .is_some_and(|owner| is_participant(project, owner, participant)),
        _ => false,
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
/// those values. Every amount above the threshold takes the same branches
/// as one of them.
fn amounts_above(
    process: &Process,
    input: &str,
    currency: &str,
    threshold: Decimal,
) -> Vec<Decimal> {
    let mut bounds = BTreeSet::new();
    for edge in &process.edges {
        if let EdgeKind::When(condition) = &edge.kind {
            collect_bounds(condition, input, currency, &mut bounds);
        }
    }
    let above: Vec<Decimal> = bounds.into_iter().filter(|&b| b > threshold).collect();
    let mut amounts = Vec::new();
    let mut low = threshold;
    for &bound in &above {
        amounts.push(between(low, bound));
        amounts.push(bound);
        low = bound;
    }
    if let Some(beyond) = low.checked_add(Decimal::ONE) {
        amounts.push(beyond);
    }
    amounts
}

/// An amount strictly between `low` and `high`, a whole step above `low`
/// where there is room.
fn between(low: Decimal, high: Decimal) -> Decimal {
    match low.checked_add(Decimal::ONE) {
        Some(next) if next < high => next,
        _ => (low + (high - low) / Decimal::TWO).normalize(),
    }
}

/// The amounts `input` is compared with in `condition`.
fn collect_bounds(
    condition: &Condition,
    input: &str,
    currency: &str,
    bounds: &mut BTreeSet<Decimal>,
) {
    let mut pending = vec![condition];
    while let Some(condition) = pending.pop() {
        match condition {
            Condition::AnyOf(parts, _) | Condition::AllOf(parts, _) => pending.extend(parts),
            Condition::Not(inner, _) => pending.push(inner),
            Condition::Compare(comparison) => {
                if comparison.input.text == input
                    && let Value::Money {
                        amount,
                        currency: c,
                    } = &comparison.value.value
                    && c == currency
                {
                    bounds.insert(*amount);
                }
            }
        }
    }
}

/// Whether a condition holds: `Some(true)`, `Some(false)`, or `None` when it
/// depends on something other than the assumed amount.
fn holds(condition: &Condition, assumption: &Assumption) -> Option<bool> {
    match condition {
        Condition::Compare(comparison) => {
            let Value::Money { amount, currency } = &comparison.value.value else {
                return None;
            };
            if comparison.input.text != assumption.input || currency != assumption.currency {
                return None;
            }
            let value = assumption.amount;
            Some(match comparison.op {
                Comparator::Less => value < *amount,
                Comparator::AtMost => value <= *amount,
                Comparator::Greater => value > *amount,
                Comparator::AtLeast => value >= *amount,
                Comparator::Equal => value == *amount,
                Comparator::NotEqual => value != *amount,
            })
        }
        Condition::Not(inner, _) => holds(inner, assumption).map(|value| !value),
        Condition::AllOf(parts, _) => combine(parts, assumption, false),
        Condition::AnyOf(parts, _) => combine(parts, assumption, true),
    }
}

/// `and` (`decisive` false) or `or` (`decisive` true) of three-valued parts.
fn combine(parts: &[Condition], assumption: &Assumption, decisive: bool) -> Option<bool> {
    let mut unknown = false;
    for part in parts {
        match holds(part, assumption) {
            Some(value) if value == decisive => return Some(decisive),
            Some(_) => {}
            None => unknown = true,
        }
    }
    if unknown { None } else { Some(!decisive) }
}

/// The edges of `node` that can be taken under the assumption.
fn possible_edges<'a>(
    process: &'a Process,
    node: NodeId,
    assumption: Option<&'a Assumption>,
) -> impl Iterator<Item = usize> + 'a {
    let some_when_holds = assumption.is_some_and(|assumption| {
        process.edges_from(node).any(|edge| {
            matches!(&edge.kind, EdgeKind::When(condition) if holds(condition, assumption) == Some(true))
        })
    });
    process.outgoing[node.0]
        .iter()
        .copied()
        .filter(move |&edge| match (&process.edges[edge].kind, assumption) {
            (EdgeKind::When(condition), Some(assumption)) => {
                holds(condition, assumption) != Some(false)
            }
            (EdgeKind::Otherwise, _) => !some_when_holds,
            _ => true,
        })
}

/// A path from `start` to an end through no blocked node, shortest first.
fn path_avoiding(
    process: &Process,
    blocked: &[bool],
    assumption: Option<&Assumption>,
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
        for edge in possible_edges(process, node, assumption) {
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
