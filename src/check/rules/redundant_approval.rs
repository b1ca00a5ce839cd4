//! `redundant-approval`: two review steps in a row by the same owner.

use super::cases::{ByCase, Case, owners_of, when_applicant};
use super::walk::{self, is_review};
use super::{all_of, at, quoted};
use crate::check::{CheckContext, Finding, Rule};
use crate::i18n::Text;
use crate::model::people;
use crate::model::{NodeId, NodeKind, OrgUnit, Owners, Process, Project};
use crate::syntax::ast::Signing;

rule! {
    /// ## What it checks
    /// That no review step is followed directly by another review step with
    /// the same owner. A review step is one with an outcome that sends work
    /// back to an earlier step (`on reject -> apply`). "Directly" means by
    /// its `next` or another forward edge, possibly through decisions (which
    /// take no time and have no owner), but not through another step or a
    /// parallel block. The same owner means the same set of people signing
    /// the same way: the same role, the same `any of`, `all of` or quorum
    /// set (in any order), or owners relative to the applicant that are the
    /// same role in some case (`manager of applicant` and `dept_head` when
    /// the applicant is an `employee`; the message names the cases).
    ///
    /// ## Why
    /// Simplicity (簡潔性): as few steps as effective operation allows. The
    /// same person approving the same work twice in a row adds time, not
    /// control.
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
    ///     within 1 business day
    ///     on reject -> apply
    ///     next dept_approval
    ///   }
    ///
    ///   step dept_approval "部門負責人審批" {
    ///     owner dept_head
    ///     within 1 business day
    ///     on reject -> apply
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
    /// `dept_head` approves the same claim twice in a row.
    ///
    /// ## Fix
    /// Merge the two steps into one, or give the second to the next level
    /// up (`owner division_lead`).
    pub struct RedundantApproval;
    code: "F141",
    name: "redundant-approval",
    severity: Warning,
    enabled_by_default: true,
    principle: Simplicity,
    summary: "Two consecutive review steps have the same owner.",
}

impl Rule for RedundantApproval {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            let walk = walk::walk(process);
            let cases = people::cases(project, process);
            for first in process.node_ids() {
                if !is_review(process, &walk, first) {
                    continue;
                }
                let Some(first_owners) = owners_of(process, first) else {
                    continue;
                };
                for second in following_steps(process, &walk, first) {
                    if !is_review(process, &walk, second) {
                        continue;
                    }
                    let Some(second_owners) = owners_of(process, second) else {
                        continue;
                    };
                    let pair = Pair {
                        process,
                        first,
                        second,
                    };
                    if let Some(finding) =
                        pair.finding(project, &cases, first_owners, second_owners)
                    {
                        findings.push(finding);
                    }
                }
            }
        }
    }
}

/// Who signs an owner line in one case: how, and the roles or departments
/// (sorted); `None` when a party names nobody.
fn signers(project: &Project, owners: &Owners, case: Case) -> Option<(Signing, Vec<OrgUnit>)> {
    let mut units = owners
        .parties
        .iter()
        .map(|party| people::resolve(project, party, case).unit())
        .collect::<Option<Vec<_>>>()?;
    units.sort();
    units.dedup();
    Some((owners.signing, units))
}

/// The parties of an owner line as written, sorted: the same set of people
/// whatever the order.
fn written(owners: &Owners) -> (Signing, Vec<String>) {
    let mut parties: Vec<String> = owners.parties.iter().map(ToString::to_string).collect();
    parties.sort();
    (owners.signing, parties)
}

/// Two consecutive review steps of a process.
struct Pair<'a> {
    process: &'a Process,
    first: NodeId,
    second: NodeId,
}

impl Pair<'_> {
    /// The finding when the two steps are signed by the same people: as
    /// written (the same owner line), or in some cases (naming them).
    fn finding(
        &self,
        project: &Project,
        cases: &[Case],
        first: &Owners,
        second: &Owners,
    ) -> Option<Finding> {
        if let (Some(owner), Some(other)) = (first.single_fixed(), second.single_fixed()) {
            let name = project.unit_name(owner).to_string();
            return (owner == other).then(|| self.report(Same::Owner(name)));
        }
        if written(first) == written(second) {
            return Some(self.report(Same::Owner(first.to_string())));
        }
        let mut same = ByCase::new();
        for &case in cases {
            if let Some(signing) = signers(project, first, case)
                && signers(project, second, case).as_ref() == Some(&signing)
            {
                same.add(signing.1, case);
            }
        }
        let details: Vec<Text> = same
            .into_groups()
            .map(|(units, cases)| {
                let names: Vec<Text> = units
                    .iter()
                    .map(|&unit| quoted(project.unit_name(unit)))
                    .collect();
                crate::text!(
                    "redundant-approval-case",
                    when = when_applicant(project, &cases),
                    first = first.to_string(),
                    second = second.to_string(),
                    owners = all_of(names)
                )
            })
            .collect();
        if details.is_empty() {
            return None;
        }
        Some(self.report(Same::InCases(super::chained(details, "cases-then"))))
    }

    /// The finding: the steps are reviewed by the same owner (the owner, or
    /// the cases in which both owner lines are the same people).
    fn report(&self, same: Same) -> Finding {
        let process = self.process;
        let (first, second) = (process.node(self.first), process.node(self.second));
        let (message, label, related) = match same {
            Same::Owner(owner) => (
                crate::text!(
                    "redundant-approval-message",
                    first = &first.name,
                    second = &second.name,
                    owner = &owner
                ),
                crate::text!("redundant-approval-label", owner = &owner),
                crate::text!("redundant-approval-related", owner = &owner),
            ),
            Same::InCases(cases) => (
                crate::text!(
                    "redundant-approval-message-cases",
                    first = &first.name,
                    second = &second.name,
                    cases = cases
                ),
                crate::text!("redundant-approval-label-cases"),
                crate::text!("redundant-approval-related-cases"),
            ),
        };
        Finding::new(
            at(process, second.name_span),
            message,
            label,
            crate::text!("redundant-approval-help"),
        )
        .with_related(at(process, first.name_span), related)
    }
}

/// Whom two reviews share: one owner (or the same owner line), or the same
/// owners in some cases of the applicant.
enum Same {
    /// The owner, or the owner line, as written.
    Owner(String),
    /// The cases, each with the owners both steps have in it.
    InCases(Text),
}

/// The steps that follow `from` by forward edges, through decisions only,
/// each once, in the order first reached.
fn following_steps(process: &Process, walk: &walk::Walk, from: NodeId) -> Vec<NodeId> {
    let mut seen = vec![from];
    let mut steps = Vec::new();
    let mut pending = vec![from];
    while let Some(node) = pending.pop() {
        for &edge in &process.outgoing[node.0] {
            let to = process.edges[edge].to;
            if walk.rework[edge] || seen.contains(&to) {
                continue;
            }
            seen.push(to);
            match process.node(to).kind {
                NodeKind::Step(_) => steps.push(to),
                NodeKind::Decision => pending.push(to),
                _ => {}
            }
        }
    }
    steps
}
