//! `invalid-parallel`: a parallel block whose branches are not steps of
//! their own.

use super::{a_kind, at, kind_noun};
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{EdgeKind, NodeId, NodeKind, Process, Project, Reference};
use crate::text;

rule! {
    /// ## What it checks
    /// That a `parallel` block (countersign, 會簽) is well formed: it has two
    /// or more `branch` lines; each names a step (not a decision, block or
    /// end); a branch step has no `next` of its own, since the block
    /// continues with its own `next` once every branch is done; and no step
    /// is a branch of two blocks, or twice of one; and nothing but its block
    /// leads into a branch step.
    ///
    /// ## Why
    /// Systematic (系統性): a countersign is complete only when every
    /// signatory has signed. A branch that wanders off with its own `next`
    /// or belongs to two blocks makes "when all are done" meaningless.
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
    ///     next countersign
    ///   }
    ///
    ///   parallel countersign "會簽" {
    ///     branch legal_review
    ///     branch finance_review
    ///     next pay
    ///   }
    ///
    ///   step legal_review "法務審核" {
    ///     owner legal_counsel
    ///     within 3 business days
    ///     next pay
    ///   }
    ///
    ///   step finance_review "財務審核" {
    ///     owner accountant
    ///     within 3 business days
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
    /// `legal_review` has its own `next`: a branch ends where the block does.
    ///
    /// ## Fix
    /// Remove the branch step's `next` (an `on reject -> ...` may stay: it
    /// leaves the block), list only steps as branches, and give each block
    /// its own steps.
    pub struct InvalidParallel;
    code: "F205",
    name: "invalid-parallel",
    severity: Error,
    enabled_by_default: true,
    principle: Systematic,
    summary: "A parallel block's branches are not steps of their own.",
}

impl Rule for InvalidParallel {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            for id in process.node_ids() {
                if let NodeKind::Parallel { branches, .. } = &process.node(id).kind {
                    check_block(process, id, branches, findings);
                }
            }
            check_entries(process, findings);
        }
    }
}

fn check_block(
    process: &Process,
    block: NodeId,
    branches: &[Reference<NodeId>],
    findings: &mut Vec<Finding>,
) {
    let name = &process.node(block).name;
    if branches.len() < 2 {
        findings.push(Finding::new(
            at(process, process.node(block).name_span),
            text!(
                "invalid-parallel-too-few",
                name = name,
                count = branches.len()
            ),
            text!("invalid-parallel-too-few-label"),
            text!("invalid-parallel-too-few-help"),
        ));
    }
    for (position, branch) in branches.iter().enumerate() {
        let Some(target) = branch.target else {
            continue;
        };
        let node = process.node(target);
        let NodeKind::Step(details) = &node.kind else {
            findings.push(Finding::new(
                at(process, branch.span),
                text!(
                    "invalid-parallel-not-a-step",
                    branch = &branch.name,
                    name = name,
                    kind = a_kind(node.kind.noun())
                ),
                a_kind(node.kind.noun()),
                text!("invalid-parallel-not-a-step-help"),
            ));
            continue;
        };
        if let Some(earlier) = branches[..position]
            .iter()
            .find(|other| other.target == Some(target))
        {
            findings.push(
                Finding::new(
                    at(process, branch.span),
                    text!(
                        "invalid-parallel-listed-twice",
                        branch = &branch.name,
                        name = name
                    ),
                    text!("invalid-parallel-listed-twice-label"),
                    text!("invalid-parallel-listed-twice-help"),
                )
                .with_related(
                    at(process, earlier.span),
                    text!("invalid-parallel-first-listed"),
                ),
            );
            continue;
        }
        if let Some(&first) = details.blocks.first()
            && first != block
        {
            findings.push(in_two_blocks(process, first, block, branch));
        }
        if details.blocks.first() == Some(&block)
            && let Some(next_span) = details.next_span
        {
            findings.push(Finding::new(
                at(process, next_span),
                text!(
                    "invalid-parallel-branch-has-next",
                    branch = &branch.name,
                    name = name
                ),
                text!("invalid-parallel-branch-has-next-label"),
                text!("invalid-parallel-branch-has-next-help", name = name),
            ));
        }
    }
}

/// A step listed as a branch of `block` after being one of `first`.
fn in_two_blocks(
    process: &Process,
    first: NodeId,
    block: NodeId,
    branch: &Reference<NodeId>,
) -> Finding {
    let first_name = &process.node(first).name;
    let name = &process.node(block).name;
    let mut finding = Finding::new(
        at(process, branch.span),
        text!(
            "invalid-parallel-two-blocks",
            branch = &branch.name,
            first = first_name,
            name = name
        ),
        text!("invalid-parallel-two-blocks-label"),
        text!("invalid-parallel-two-blocks-help", name = name),
    );
    if let NodeKind::Parallel { branches, .. } = &process.node(first).kind
        && let Some(listed) = branches.iter().find(|other| other.target == branch.target)
    {
        finding = finding.with_related(
            at(process, listed.span),
            text!("invalid-parallel-two-blocks-related", first = first_name),
        );
    }
    finding
}

/// Edges that enter a branch step other than from its block: work would
/// reach the step without the rest of the countersign.
fn check_entries(process: &Process, findings: &mut Vec<Finding>) {
    for edge in &process.edges {
        let NodeKind::Step(details) = &process.node(edge.to).kind else {
            continue;
        };
        let Some(&block) = details.blocks.first() else {
            continue;
        };
        if matches!(edge.kind, EdgeKind::Branch) {
            continue;
        }
        let step = &process.node(edge.to).name;
        let block_name = &process.node(block).name;
        findings.push(Finding::new(
            at(process, edge.span),
            text!(
                "invalid-parallel-bypass",
                kind = kind_noun(process.node(edge.from).kind.noun()),
                from = &process.node(edge.from).name,
                step = step,
                block = block_name
            ),
            text!("invalid-parallel-bypass-label"),
            text!("invalid-parallel-bypass-help", block = block_name),
        ));
    }
}
