//! One rule a file. Each rule is a unit struct whose doc comment is its
//! documentation (`flowc explain NAME`, `docs/rules/NAME.md`), with the
//! headings *What it checks*, *Why*, *Example* and *Fix*, and whose row of
//! the registry (code, name, severity, principle, summary) is written with
//! it.

/// Declares a rule's unit struct and its row of the registry, `INFO`, whose
/// page is the struct's doc comment.
macro_rules! rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident;
        code: $code:literal,
        name: $rule_name:expr,
        severity: $severity:ident,
        enabled_by_default: $enabled:literal,
        principle: $principle:ident,
        summary: $summary:literal,
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;

        impl $name {
            /// The rule's row of the registry; its page is the doc comment.
            pub const INFO: $crate::check::rule_info::RuleInfo = $crate::check::rule_info::RuleInfo {
                code: $code,
                name: $rule_name,
                severity: $crate::diagnostics::Severity::$severity,
                enabled_by_default: $enabled,
                principle: $crate::check::rule_info::Principle::$principle,
                summary: $summary,
                doc: concat!($($doc, "\n"),*),
                rule: &$name,
            };
        }
    };
}

mod applicant_without_manager;
mod approval_by_applicant;
mod call_inputs;
mod call_outcomes;
mod cases;
mod chain;
mod dead_end;
mod decision_gap;
mod decision_overlap;
mod decisions;
mod duplicate_name;
mod endless_loop;
mod invalid_parallel;
mod invalid_signing;
mod invalid_suppression;
mod manager_of_nobody;
mod missing_deadline;
mod missing_end;
mod missing_process_owner;
mod missing_start;
mod read_before_record;
mod reads;
mod recursive_call;
mod repeated_setting;
mod reporting;
mod reserved_input_name;
mod single_branch_decision;
mod syntax_error;
mod type_mismatch;
mod unchecked_decision;
mod undeclared_applicant;
mod undefined_reference;
mod unowned_step;
mod unreachable_step;
mod unused_input;
mod unused_record;
mod walk;

mod escalation_before_deadline;
mod escalation_not_upward;
mod escalation_order;
mod escalation_to_self;
mod minimum_exceeds_deadline;
mod missing_escalation;
mod missing_kpi;
mod missing_review;
mod missing_sla;
mod redundant_approval;
mod reminder_after_deadline;
mod reporting_cycle;
mod required_participant;
mod review_overdue;
mod self_approval;
mod sla_exceeded;
mod timeout_before_deadline;
mod too_many_steps;
mod unused_suppression;

pub use applicant_without_manager::ApplicantWithoutManager;
pub use approval_by_applicant::ApprovalByApplicant;
pub use call_inputs::CallInputs;
pub use call_outcomes::CallOutcomes;
pub use dead_end::DeadEnd;
pub use decision_gap::DecisionGap;
pub use decision_overlap::DecisionOverlap;
pub use duplicate_name::DuplicateName;
pub use endless_loop::EndlessLoop;
pub use invalid_parallel::InvalidParallel;
pub use invalid_signing::InvalidSigning;
pub use invalid_suppression::InvalidSuppression;
pub use manager_of_nobody::ManagerOfNobody;
pub use missing_deadline::MissingDeadline;
pub use missing_end::MissingEnd;
pub use missing_process_owner::MissingProcessOwner;
pub use missing_start::MissingStart;
pub use read_before_record::ReadBeforeRecord;
pub use recursive_call::RecursiveCall;
pub use repeated_setting::RepeatedSettingRule;
pub use reserved_input_name::ReservedInputName;
pub use single_branch_decision::SingleBranchDecision;
pub use syntax_error::SyntaxErrorRule;
pub use type_mismatch::TypeMismatch;
pub use unchecked_decision::UncheckedDecision;
pub use undeclared_applicant::UndeclaredApplicant;
pub use undefined_reference::UndefinedReference;
pub use unowned_step::UnownedStep;
pub use unreachable_step::UnreachableStep;
pub use unused_input::UnusedInput;
pub use unused_record::UnusedRecord;
pub use unused_suppression::UnusedSuppression;

pub use escalation_before_deadline::EscalationBeforeDeadline;
pub use escalation_not_upward::EscalationNotUpward;
pub use escalation_order::EscalationOrder;
pub use escalation_to_self::EscalationToSelf;
pub use minimum_exceeds_deadline::MinimumExceedsDeadline;
pub use missing_escalation::MissingEscalation;
pub use missing_kpi::MissingKpi;
pub use missing_review::MissingReview;
pub use missing_sla::MissingSla;
pub use redundant_approval::RedundantApproval;
pub use reminder_after_deadline::ReminderAfterDeadline;
pub use reporting_cycle::ReportingCycle;
pub use required_participant::RequiredParticipantRule;
pub use review_overdue::ReviewOverdue;
pub use self_approval::SelfApproval;
pub use sla_exceeded::SlaExceeded;
pub use timeout_before_deadline::TimeoutBeforeDeadline;
pub use too_many_steps::TooManySteps;

use crate::check::{CheckContext, Finding};
use crate::i18n::{Arg, Text};
use crate::model::calendar::{Calendar, WorkingTime};
use crate::model::{NodeId, NodeKind, OrgUnit, Process, Project, RoleId, StepDetails, words};
use crate::span::Location;
use crate::syntax::ast::{Duration, TimeUnit};
use crate::text;

/// The key of a kind of thing (`step`, `parallel block`, `KPI`) in the
/// catalogue's selectors.
fn kind_key(noun: &str) -> &'static str {
    match noun {
        "department" => "department",
        "role" => "role",
        "process" => "process",
        "input" => "input",
        "KPI" => "kpi",
        "decision" => "decision",
        "parallel block" => "parallel-block",
        "call" => "call",
        "end" => "end",
        _ => "step",
    }
}

/// The name of a kind of thing: "step", "parallel block", "步驟".
fn kind_noun(noun: &str) -> Text {
    text!("kind-noun", kind = kind_key(noun))
}

/// The name of a kind of thing with its indefinite article where the
/// language has one: "a step", "an end", "步驟".
fn a_kind(noun: &str) -> Text {
    text!("kind-noun-with-article", kind = kind_key(noun))
}

/// `texts` as one phrase, the last joined by the message `last_with`
/// (`a, b and c`, `a、b和c`); the others by the list separator.
fn joined_list(mut texts: Vec<Text>, last_with: &'static str) -> Text {
    match texts.pop() {
        None => Text::verbatim(""),
        Some(last) if texts.is_empty() => last,
        Some(last) => Text::new(last_with).arg("init", texts).arg("last", last),
    }
}

/// "`a`, `b` and `c`", in the reader's language.
fn all_of(texts: Vec<Text>) -> Text {
    joined_list(texts, "list-and")
}

/// `texts` joined pairwise by the message `pair` (`a or b or c`, `a; b`).
fn chained(texts: Vec<Text>, pair: &'static str) -> Text {
    Text::chain(pair, texts)
}

/// A step with a `within` deadline: its process, node, settings and
/// deadline.
struct DueStep<'a> {
    process: &'a Process,
    node: &'a crate::model::Node,
    details: &'a StepDetails,
    deadline: &'a Duration,
}

impl DueStep<'_> {
    /// The finding at `period`, a setting of the step that does not fit its
    /// deadline, with the deadline shown beside it.
    fn finding(
        &self,
        period: &Duration,
        message: impl Into<Text>,
        label: impl Into<Text>,
        help: impl Into<Text>,
    ) -> Finding {
        Finding::new(at(self.process, period.span), message, label, help)
            .with_related(at(self.process, self.deadline.span), text!("the-deadline"))
    }
}

/// Every step of the processes in scope that has a `within` deadline,
/// process by process, in order.
fn due_steps<'a, 'p>(
    project: &'p Project,
    context: &CheckContext<'a>,
) -> impl Iterator<Item = DueStep<'p>> + use<'a, 'p> {
    context.processes(project).flat_map(|process| {
        process.nodes.iter().filter_map(move |node| {
            let NodeKind::Step(details) = &node.kind else {
                return None;
            };
            Some(DueStep {
                process,
                node,
                details,
                deadline: details.deadline.as_ref()?,
            })
        })
    })
}

/// The place of `span` in `process`'s file.
fn at(process: &Process, span: crate::span::Span) -> Location {
    Location::new(process.file, span)
}

/// The node named in messages: a join is reported as its parallel block.
fn shown(process: &Process, id: NodeId) -> NodeId {
    match process.node(id).kind {
        NodeKind::Join { parallel } => parallel,
        _ => id,
    }
}

/// The names of `nodes` as messages show them, quoted, each once (a join
/// is its parallel block), in the order given, as one phrase: "`a`, `b`
/// and `c`".
fn quoted_names(process: &Process, nodes: &[NodeId]) -> Text {
    let mut seen: Vec<NodeId> = Vec::new();
    for &id in nodes {
        let id = shown(process, id);
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    all_of(
        seen.into_iter()
            .map(|id| quoted(&process.node(id).name))
            .collect(),
    )
}

/// A name the user wrote, in backticks: `` `approve` ``.
fn quoted(name: &str) -> Text {
    text!("quoted-name", name = name)
}

/// Every node reachable from the process's `start`, as a mask over nodes;
/// `None` when the process has no resolved start.
fn reachable_from_start(process: &Process) -> Option<Vec<bool>> {
    let start = process.start.as_ref()?.target?;
    let mut reached = vec![false; process.nodes.len()];
    let mut pending: Vec<NodeId> = vec![start];
    reached[start.0] = true;
    while let Some(node) = pending.pop() {
        for next in process.successors(node) {
            if !reached[next.0] {
                reached[next.0] = true;
                pending.push(next);
            }
        }
    }
    Some(reached)
}

/// Working time in business days, with the unit: `17 business days`,
/// `1 business day`, `0.5 business days`, `17 個工作日`.
fn business_days(calendar: &Calendar, time: WorkingTime) -> Text {
    text!(
        "duration",
        amount = Arg::Number(calendar.in_business_days(time)),
        unit = "business-day"
    )
}

/// A duration as written, with its length in business days when written in
/// another unit: `15 business days`, `3 weeks (15 business days)`.
fn duration_in_business_days(calendar: &Calendar, duration: &Duration) -> Text {
    if duration.unit == TimeUnit::BusinessDay {
        words::duration(duration)
    } else {
        text!(
            "duration-in-business-days",
            duration = words::duration(duration),
            days = business_days(calendar, calendar.working_time(duration))
        )
    }
}

/// The reporting line of `role`, itself first: `employee -> dept_head ->
/// division_lead -> general_manager` (a loop in the lines ends it).
fn reporting_line(project: &Project, role: RoleId) -> String {
    std::iter::once(role)
        .chain(project.superiors(role))
        .map(|role| project.role(role).name.as_str())
        .collect::<Vec<_>>()
        .join(" -> ")
}

/// The role that owns a step, when its owner is a resolved role.
fn owner_role(details: &StepDetails) -> Option<RoleId> {
    match details.owner.as_ref()?.single_fixed()? {
        OrgUnit::Role(role) => Some(role),
        OrgUnit::Department(_) => None,
    }
}

/// The reporting line of `role` (`dept_head -> division_lead ->
/// general_manager`), or `` `general_manager` reports to no one ``.
fn line_above(project: &Project, role: RoleId) -> Text {
    if project.superiors(role).is_empty() {
        text!("reports-to-no-one", role = &project.role(role).name)
    } else {
        Text::verbatim(reporting_line(project, role))
    }
}

/// The role `role` reports to directly, if the line resolves to another
/// role.
fn direct_superior(project: &Project, role: RoleId) -> Option<RoleId> {
    project
        .role(role)
        .superior
        .as_ref()?
        .target
        .filter(|&superior| superior != role)
}
