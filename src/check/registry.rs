//! The one table of rules, collected from the rows each rule declares
//! beside its check: stable code, name, default severity, the policy
//! principle served. Codes are never reused.

pub use super::rule_info::{Principle, RuleInfo};
use super::rules::*;

/// The index of all rules as Markdown: what `docs/rules/README.md` holds.
pub fn index_page() -> String {
    let mut page = String::from(
        "# Rules\n\n\
         Every rule flowc enforces, with the policy principle it serves.\n\
         `flowc explain NAME` prints a rule's page; `flowc.toml` can change a rule's severity.\n\
         The pages in Chinese are in [`zh-Hant/`](zh-Hant/) and [`zh-Hans/`](zh-Hans/) \
         (`flowc explain NAME --lang zh-Hant`).\n\n\
         | code | name | default | principle | checks |\n|---|---|---|---|---|\n",
    );
    for info in RULES {
        page.push_str(&format!(
            "| {} | [{}]({}.md) | {} | {} | {} |\n",
            info.code,
            info.name,
            info.name,
            info.default_level(),
            info.principle.name().english(),
            info.summary
        ));
    }
    page
}

/// Every rule, in the order `flowc rules` lists them; each row is written
/// beside its check, in `src/check/rules/`.
pub static RULES: &[RuleInfo] = &[
    SyntaxErrorRule::INFO,
    UndefinedReference::INFO,
    DuplicateName::INFO,
    RepeatedSettingRule::INFO,
    UnownedStep::INFO,
    MissingDeadline::INFO,
    MissingProcessOwner::INFO,
    InvalidSigning::INFO,
    UndeclaredApplicant::INFO,
    UnreachableStep::INFO,
    DeadEnd::INFO,
    MissingStart::INFO,
    MissingEnd::INFO,
    InvalidParallel::INFO,
    CallInputs::INFO,
    CallOutcomes::INFO,
    RecursiveCall::INFO,
    DecisionGap::INFO,
    DecisionOverlap::INFO,
    TypeMismatch::INFO,
    SingleBranchDecision::INFO,
    ReservedInputName::INFO,
    EndlessLoop::INFO,
    UncheckedDecision::INFO,
    ReadBeforeRecord::INFO,
    UnusedRecord::INFO,
    UnusedInput::INFO,
    SlaExceeded::INFO,
    MissingSla::INFO,
    MinimumExceedsDeadline::INFO,
    TimeoutBeforeDeadline::INFO,
    ReminderAfterDeadline::INFO,
    EscalationToSelf::INFO,
    EscalationNotUpward::INFO,
    EscalationOrder::INFO,
    EscalationBeforeDeadline::INFO,
    MissingEscalation::INFO,
    SelfApproval::INFO,
    ApprovalByApplicant::INFO,
    RedundantApproval::INFO,
    TooManySteps::INFO,
    MissingKpi::INFO,
    MissingReview::INFO,
    ReviewOverdue::INFO,
    RequiredParticipantRule::INFO,
    ReportingCycle::INFO,
    ApplicantWithoutManager::INFO,
    ManagerOfNobody::INFO,
    UnusedSuppression::INFO,
    InvalidSuppression::INFO,
];

/// The rule called `name`.
pub fn rule_named(name: &str) -> Option<&'static RuleInfo> {
    super::rule_info::rule_named(RULES, name)
}
