//! `invalid-signing`: an `owner any of`, `all of` or `N of` line that
//! cannot be signed as written.

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::{NodeKind, Owners, Process, Project};
use crate::syntax::ast::Signing;
use crate::text;

rule! {
    /// ## What it checks
    /// That an owner line naming several people is one that can be signed:
    /// `owner any of ...`, `owner all of ...` and `owner N of ...` list at
    /// least two parties, none of them twice (`manager of applicant` and
    /// `dept_head` are different parties, even when they are the same role
    /// in some case), and a quorum `N` is at least 1 and at most the number
    /// of parties listed.
    ///
    /// ## Why
    /// Clarity (明確性): every step names who is responsible for it. `3 of
    /// a, b` can never be approved; `any of a` is `owner a` written in a way
    /// that suggests a choice that is not there; a role listed twice in
    /// `all of` asks the same people to sign twice.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`:
    /// ```flow
    /// process contract_review "合同會審" {
    ///   category approval
    ///   owner legal
    ///   review every 12 months, last 2026-03-01
    ///   sla 10 business days
    ///   kpi cycle_time "會審周期" p90 under 8 business days
    ///
    ///   start draft
    ///
    ///   step draft "起草合同" {
    ///     owner account_manager
    ///     within 3 business days
    ///     next countersign
    ///   }
    ///
    ///   step countersign "會審" {
    ///     owner 3 of legal_counsel, finance_manager
    ///     within 2 business days
    ///     next signed
    ///   }
    ///
    ///   end signed "已簽署"
    /// }
    /// ```
    /// reports that 3 approvals are asked of 2 parties.
    ///
    /// ## Fix
    /// Ask for at most as many approvals as parties are listed
    /// (`owner 2 of legal_counsel, finance_manager`, or `all of`); write
    /// `owner ROLE` for one party; list each party once.
    pub struct InvalidSigning;
    code: "F104",
    name: "invalid-signing",
    severity: Error,
    enabled_by_default: true,
    principle: Clarity,
    summary: "An `any of`, `all of` or `N of` owner line lists fewer than two parties, a party twice, or an impossible quorum.",
}

impl Rule for InvalidSigning {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            for node in &process.nodes {
                if let NodeKind::Step(details) = &node.kind
                    && let Some(owners) = &details.owner
                {
                    check_owners(process, &node.name, owners, findings);
                }
            }
        }
    }
}

/// The findings of one owner line.
fn check_owners(process: &Process, step: &str, owners: &Owners, findings: &mut Vec<Finding>) {
    let count = owners.parties.len();
    if owners.signing == Signing::One {
        return;
    }
    let form = owners.signing.prefix().trim_end().to_string();
    let line = owners.to_string();
    if let Signing::Quorum(required) = owners.signing
        && (required == 0 || required as usize > count)
    {
        let (message, help) = if required == 0 {
            (
                text!("invalid-signing-quorum-zero", owners = &line, step = step),
                text!("invalid-signing-quorum-zero-help"),
            )
        } else {
            (
                text!(
                    "invalid-signing-quorum-too-large",
                    owners = &line,
                    step = step,
                    required = required,
                    count = count
                ),
                text!("invalid-signing-quorum-too-large-help", count = count),
            )
        };
        findings.push(Finding::new(
            at(process, owners.span),
            message,
            text!("invalid-signing-quorum-label"),
            help,
        ));
    }
    if count == 1 {
        let party = owners.parties[0].to_string();
        findings.push(Finding::new(
            at(process, owners.span),
            text!(
                "invalid-signing-one-party",
                step = step,
                form = form,
                party = &party
            ),
            text!("invalid-signing-one-party-label"),
            text!("invalid-signing-one-party-help", party = party),
        ));
    }
    for (index, party) in owners.parties.iter().enumerate() {
        let text = party.to_string();
        if let Some(first) = owners.parties[..index]
            .iter()
            .find(|earlier| earlier.to_string() == text)
        {
            findings.push(
                Finding::new(
                    at(process, party.span),
                    text!(
                        "invalid-signing-listed-twice",
                        owners = &line,
                        step = step,
                        party = &text
                    ),
                    text!("invalid-signing-listed-twice-label"),
                    text!("invalid-signing-listed-twice-help", party = &text),
                )
                .with_related(
                    at(process, first.span),
                    text!("invalid-signing-listed-first"),
                ),
            );
        }
    }
}
