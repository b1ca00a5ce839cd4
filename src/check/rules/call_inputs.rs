//! `call-inputs`: a call that does not give the called process exactly its
//! inputs, each of its type, or that names no process.

use std::collections::BTreeSet;

use super::type_mismatch::{example, type_noun, value_noun};
use super::{at, quoted};
use crate::check::condition_types::{ValueTypes, mismatch, pair_mismatch};
use crate::check::{CheckContext, Finding, Rule, closest};
use crate::model::{CallDetails, Node, NodeKind, Process, Project};
use crate::syntax::ast::{Binding, Comparator, Comparison, InputType, Operand};
use crate::text;

rule! {
    /// ## What it checks
    /// That every `call` runs a process and gives it what it needs:
    ///
    /// - a `process NAME` line (a call without one runs nothing);
    /// - a `with INPUT = VALUE` line for every input of the called process,
    ///   and none for an input it does not have (one input given twice is
    ///   a [`repeated-setting`](repeated-setting.md));
    /// - each value of the input's type: a value written out as a
    ///   condition would compare it (`with value = 5000 CNY` for money in
    ///   CNY), or an input or recorded value of the calling process of the
    ///   same type (money in the same currency, the same `one of` values).
    ///
    /// A `process` line naming no process is an
    /// [`undefined-reference`](undefined-reference.md) instead.
    ///
    /// ## Why
    /// Systematic (系統性): processes are interlinked into one whole, and a
    /// link must carry what the next process decides on. A called process
    /// missing an input cannot route its case; a value of the wrong kind
    /// (dollars for yuan) routes it wrongly without anyone noticing.
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
    ///   input copies: number
    ///
    ///   start stamp
    ///
    ///   decide stamp "份數" {
    ///     when copies <= 3 -> sealed
    ///     otherwise -> review
    ///   }
    ///
    ///   step review "法務審核" {
    ///     owner legal_counsel
    ///     within 2 business days
    ///     next sealed
    ///   }
    ///
    ///   end sealed "已用印"
    /// }
    ///
    /// process lease "租賃申請" {
    ///   category management
    ///   owner general_office
    ///   review every 12 months, last 2026-03-01
    ///   sla 10 business days
    ///   kpi cycle_time "租賃周期" p90 under 8 business days
    ///
    ///   input pages: number
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
    ///     with pages = pages
    ///     next done
    ///   }
    ///
    ///   end done "已完成"
    /// }
    /// ```
    /// reports "process `seal_use` has no input `pages`" and "call `seal`
    /// does not give input `copies` of `seal_use` (a number)".
    ///
    /// ## Fix
    /// Give each input of the called process once, by its name there
    /// (`with copies = pages`), with a value of its type; add the
    /// `process` line a call lacks.
    pub struct CallInputs;
    code: "F211",
    name: "call-inputs",
    severity: Error,
    enabled_by_default: true,
    principle: Systematic,
    summary: "A call names no process, or does not give it exactly its inputs, each of its type.",
}

impl Rule for CallInputs {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            for node in &process.nodes {
                let NodeKind::Call(details) = &node.kind else {
                    continue;
                };
                check_call(project, process, node, details, findings);
            }
        }
    }
}

fn check_call(
    project: &Project,
    process: &Process,
    node: &Node,
    details: &CallDetails,
    findings: &mut Vec<Finding>,
) {
    let Some(reference) = &details.process else {
        findings.push(Finding::new(
            at(process, node.name_span),
            text!("call-inputs-no-process", call = &node.name),
            text!("call-inputs-no-process-label"),
            text!("call-inputs-no-process-help"),
        ));
        return;
    };
    let Some(callee) = reference.target.map(|id| project.process(id)) else {
        return;
    };
    let mut given = BTreeSet::new();
    for binding in &details.bindings {
        let name = binding.input.text.as_str();
        let Some((kind, declared)) = callee.inputs.declared(name) else {
            findings.push(unknown_input(process, callee, binding));
            continue;
        };
        given.insert(name);
        if let Some(finding) = wrong_type(process, callee, binding, kind) {
            findings.push(finding.with_related(
                at(callee, declared),
                text!(
                    "call-inputs-declared-as",
                    name = name,
                    kind = type_noun(kind)
                ),
            ));
        }
    }
    for input in &callee.inputs {
        if given.contains(input.name.text.as_str()) {
            continue;
        }
        let name = &input.name.text;
        findings.push(
            Finding::new(
                at(process, node.name_span),
                text!(
                    "call-inputs-missing",
                    call = &node.name,
                    name = name,
                    callee = &callee.name,
                    kind = type_noun(&input.kind)
                ),
                text!("call-inputs-missing-label", name = name),
                text!(
                    "call-inputs-missing-help",
                    name = name,
                    process = &process.name
                ),
            )
            .with_related(at(callee, input.span), text!("call-inputs-the-input")),
        );
    }
}

/// The finding for a `with` naming an input the callee lacks.
fn unknown_input(process: &Process, callee: &Process, binding: &Binding) -> Finding {
    let name = &binding.input.text;
    let inputs: Vec<&str> = callee
        .inputs
        .iter()
        .map(|input| input.name.text.as_str())
        .collect();
    let help = match closest(name, &inputs) {
        Some(meant) => text!("did-you-mean", name = meant),
        None if inputs.is_empty() => text!("call-inputs-takes-no-inputs", callee = &callee.name),
        None => text!(
            "call-inputs-give-one-of",
            inputs = inputs.iter().map(|input| quoted(input)).collect::<Vec<_>>()
        ),
    };
    Finding::new(
        at(process, binding.input.span),
        text!("call-inputs-unknown", callee = &callee.name, name = name),
        text!("call-inputs-unknown-label"),
        help,
    )
    .with_related(at(callee, callee.name_span), text!("the-called-process"))
}

/// The finding for a value of the wrong type given to an input of type
/// `kind`, if it is one.
fn wrong_type(
    process: &Process,
    callee: &Process,
    binding: &Binding,
    kind: &InputType,
) -> Option<Finding> {
    let name = &binding.input.text;
    let (given, help) = match &binding.value {
        Operand::Literal(literal) => {
            let comparison = Comparison {
                input: binding.input.clone(),
                op: Comparator::Equal,
                value: binding.value.clone(),
                span: binding.span,
            };
            mismatch(kind, &comparison)?;
            let own = own_value_named(process, &literal.value.to_string());
            let help = match own {
                Some(meant) => text!(
                    "call-inputs-give-example-meant",
                    example = example(kind, &literal.value),
                    process = &process.name,
                    meant = meant
                ),
                None => text!(
                    "call-inputs-give-example",
                    example = example(kind, &literal.value),
                    process = &process.name
                ),
            };
            (value_noun(&literal.value), help)
        }
        Operand::Value(other) => {
            let own = process.type_of(&other.text)?;
            pair_mismatch(kind, Comparator::Equal, own)?;
            (
                text!(
                    "call-inputs-value-which-is",
                    value = &other.text,
                    kind = type_noun(own)
                ),
                text!("call-inputs-give-type", kind = type_noun(kind)),
            )
        }
    };
    Some(Finding::new(
        at(process, binding.value.span()),
        text!(
            "call-inputs-wrong-type",
            name = name,
            callee = &callee.name,
            kind = type_noun(kind),
            given = given
        ),
        text!("call-inputs-wrong-type-label", kind = type_noun(kind)),
        help,
    ))
}

/// The input or recorded value of `process` closest to `name`, when a bare
/// name was written that names none.
fn own_value_named<'a>(process: &'a Process, name: &str) -> Option<&'a str> {
    let names: Vec<&str> = process
        .inputs
        .iter()
        .map(|input| input.name.text.as_str())
        .chain(
            process
                .records
                .iter()
                .map(|recorded| recorded.record.name.text.as_str()),
        )
        .collect();
    closest(name, &names)
}
