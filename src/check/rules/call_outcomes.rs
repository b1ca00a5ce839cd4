//! `call-outcomes`: a call whose `on END` names no end of the called
//! process, or that has no way on for one of its ends.

use super::{at, quoted};
use crate::check::{CheckContext, Finding, Rule, closest};
use crate::model::{EdgeKind, NodeId, NodeKind, Process, Project};
use crate::text;

rule! {
    /// ## What it checks
    /// That the ends of a called process are the outcomes of its `call`:
    ///
    /// - every `on END -> TARGET` of a call names an `end` of the called
    ///   process (the message suggests the closest one);
    /// - a call without `next` routes every end of the called process with
    ///   an `on END` line (a call with neither is a
    ///   [`dead-end`](dead-end.md)).
    ///
    /// ## Why
    /// Systematic (系統性): processes are interlinked into one whole. When
    /// the called process ends in a way the caller does not route, the case
    /// stops between the two processes, owned by neither; an `on` line for
    /// an end that does not exist is a route no case takes.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`:
    /// ```flow
    /// process seal_use "用印審批" {
    ///   category approval
    ///   owner legal
    ///   review every 12 months, last 2026-03-01
    ///   sla 5 business days
    ///   kpi cycle_time "用印周期" p90 under 4 business days
    ///
    ///   start review
    ///
    ///   step review "法務審核" {
    ///     owner legal_counsel
    ///     within 2 business days
    ///     on reject -> refused
    ///     next sealed
    ///   }
    ///
    ///   end sealed "已用印"
    ///   end refused "不予用印"
    /// }
    ///
    /// process lease "租賃申請" {
    ///   category management
    ///   owner general_office
    ///   review every 12 months, last 2026-03-01
    ///   sla 10 business days
    ///   kpi cycle_time "租賃周期" p90 under 8 business days
    ///
    ///   start apply
    ///
    ///   step apply "提交申請" {
    ///     owner employee
    ///     within 2 business days
    ///     next seal
    ///   }
    ///
    ///   call seal "用印" {
    ///     process seal_use
    ///     on seald -> done
    ///   }
    ///
    ///   end done "已完成"
    /// }
    /// ```
    /// reports "process `seal_use` has no end `seald`" and "call `seal`
    /// has no way on when `seal_use` ends at `sealed`".
    ///
    /// ## Fix
    /// Name the called process's ends as it writes them (`on sealed ->
    /// done`), and route every end, or add `next TARGET` for the ends not
    /// routed by an `on` line.
    pub struct CallOutcomes;
    code: "F213",
    name: "call-outcomes",
    severity: Error,
    enabled_by_default: true,
    principle: Systematic,
    summary: "A call's `on END` names no end of the called process, or an end has no way on.",
}

impl Rule for CallOutcomes {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            for id in process.node_ids() {
                let NodeKind::Call(details) = &process.node(id).kind else {
                    continue;
                };
                let Some(callee) = details
                    .process
                    .as_ref()
                    .and_then(|reference| reference.target)
                    .map(|callee| project.process(callee))
                else {
                    continue;
                };
                check_call(process, id, callee, findings);
            }
        }
    }
}

fn check_call(process: &Process, id: NodeId, callee: &Process, findings: &mut Vec<Finding>) {
    let ends: Vec<&str> = callee
        .nodes
        .iter()
        .filter(|node| matches!(node.kind, NodeKind::End))
        .map(|node| node.name.as_str())
        .collect();
    let mut routed: Vec<&str> = Vec::new();
    let mut has_next = false;
    for edge in process.edges_from(id) {
        match &edge.kind {
            EdgeKind::Outcome(end) if ends.contains(&end.as_str()) => routed.push(end),
            EdgeKind::Outcome(end) => {
                let help = match closest(end, &ends) {
                    Some(meant) => text!("did-you-mean", name = meant),
                    None => text!(
                        "call-outcomes-route-one-of",
                        ends = ends.iter().map(|end| quoted(end)).collect::<Vec<_>>()
                    ),
                };
                findings.push(
                    Finding::new(
                        at(process, edge.span),
                        text!("call-outcomes-unknown", callee = &callee.name, end = end),
                        text!("call-outcomes-unknown-label"),
                        help,
                    )
                    .with_related(at(callee, callee.name_span), text!("the-called-process")),
                );
            }
            EdgeKind::Next => has_next = true,
            EdgeKind::When(_)
            | EdgeKind::Otherwise
            | EdgeKind::Timeout(_)
            | EdgeKind::Branch
            | EdgeKind::Join => {}
        }
    }
    if has_next || process.edges_from(id).next().is_none() {
        return;
    }
    let node = process.node(id);
    for end in callee
        .nodes
        .iter()
        .filter(|end| matches!(end.kind, NodeKind::End) && !routed.contains(&end.name.as_str()))
    {
        findings.push(
            Finding::new(
                at(process, node.name_span),
                text!(
                    "call-outcomes-not-routed",
                    call = &node.name,
                    callee = &callee.name,
                    end = &end.name
                ),
                text!("call-outcomes-not-routed-label", end = &end.name),
                text!("call-outcomes-not-routed-help", end = &end.name),
            )
            .with_related(at(callee, end.name_span), text!("call-outcomes-the-end")),
        );
    }
}
