//! The one table of rules: stable code, name, default severity, the policy
//! principle served. Codes are never reused.

use super::Rule;
use super::rules::*;
use crate::diagnostics::Severity;

/// The principles of the policy (section 1) and the sections on review (3)
/// and monitoring (4) that the rules serve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Principle {
    /// 合法性: processes comply with law and policy.
    Legality,
    /// 系統性: processes are interlinked into one coherent whole.
    Systematic,
    /// 簡潔性: as few steps as effective operation allows.
    Simplicity,
    /// 明確性: every step names a responsible person and a time node.
    Clarity,
    /// 可操作性: easy to understand and follow.
    Operability,
    /// Section 3, review and optimisation: every process is reviewed
    /// periodically.
    Review,
    /// Section 4, execution and monitoring: key indicators on key steps,
    /// problems fed back to a responsible person with a deadline, repeated
    /// problems escalated.
    Monitoring,
}

impl Principle {
    /// The principle's name in English and Chinese.
    pub fn title(self) -> &'static str {
        match self {
            Principle::Legality => "legality (合法性)",
            Principle::Systematic => "systematic (系統性)",
            Principle::Simplicity => "simplicity (簡潔性)",
            Principle::Clarity => "clarity (明確性)",
            Principle::Operability => "operability (可操作性)",
            Principle::Review => "review and optimisation (流程梳理與優化)",
            Principle::Monitoring => "execution and monitoring (流程執行與監控)",
        }
    }
}

/// A row of the rule table.
pub struct RuleInfo {
    /// Stable code, e.g. `F002`.
    pub code: &'static str,
    /// Stable kebab-case name, e.g. `undefined-reference`.
    pub name: &'static str,
    /// Severity unless the configuration says otherwise.
    pub severity: Severity,
    /// Whether the rule runs when the configuration does not name it; a rule
    /// that is off by default runs, with the severity given, once
    /// `[rules]` sets it to `"error"` or `"warning"`.
    pub enabled_by_default: bool,
    /// The policy principle it serves.
    pub principle: Principle,
    /// One line saying what it checks.
    pub summary: &'static str,
    /// The rule's documentation (its doc comment).
    pub doc: &'static str,
    /// The rule itself.
    pub rule: &'static dyn Rule,
}

impl RuleInfo {
    /// The documentation as Markdown, without the doc comment's indent.
    pub fn explanation(&self) -> String {
        self.doc
            .lines()
            .map(|line| line.strip_prefix(' ').unwrap_or(line))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }
}

impl RuleInfo {
    /// The default level in words: `error`, `warning`, or `off` for a rule
    /// that runs only when the configuration turns it on.
    pub fn default_level(&self) -> &'static str {
        if self.enabled_by_default {
            self.severity.word()
        } else {
            "off"
        }
    }

    /// The default severity as a rule page states it.
    fn default_severity_text(&self) -> String {
        if self.enabled_by_default {
            self.severity.word().to_string()
        } else {
            format!(
                "off (turn it on in `flowc.toml`: `[rules] {} = \"{}\"`)",
                self.name,
                self.severity.word()
            )
        }
    }

    /// The rule's page as Markdown: what `flowc explain` prints and what
    /// `docs/rules/NAME.md` holds.
    pub fn page(&self) -> String {
        format!(
            "# {} ({})\n\n{}\n\n- Default severity: {}\n- Principle: {}\n\n{}\n",
            self.name,
            self.code,
            self.summary,
            self.default_severity_text(),
            self.principle.title(),
            self.explanation()
        )
    }
}

/// The index of all rules as Markdown: what `docs/rules/README.md` holds.
pub fn index_page() -> String {
    let mut page = String::from(
        "# Rules\n\n\
         Every rule flowc enforces, with the policy principle it serves.\n\
         `flowc explain NAME` prints a rule's page; `flowc.toml` can change a rule's severity.\n\n\
         | code | name | default | principle | checks |\n|---|---|---|---|---|\n",
    );
    for info in RULES {
        page.push_str(&format!(
            "| {} | [{}]({}.md) | {} | {} | {} |\n",
            info.code,
            info.name,
            info.name,
            info.default_level(),
            info.principle.title(),
            info.summary
        ));
    }
    page
}

/// Every rule, in code order.
pub static RULES: &[RuleInfo] = &[
    RuleInfo {
        code: "F001",
        name: crate::diagnostics::SYNTAX_ERROR,
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Operability,
        summary: "The file does not follow the grammar of the .flow language.",
        doc: SyntaxErrorRule::DOC,
        rule: &SyntaxErrorRule,
    },
    RuleInfo {
        code: "F002",
        name: "undefined-reference",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Systematic,
        summary: "A name refers to no role, department, node or input of the right kind.",
        doc: UndefinedReference::DOC,
        rule: &UndefinedReference,
    },
    RuleInfo {
        code: "F003",
        name: "duplicate-name",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Systematic,
        summary: "A name is defined twice in the same namespace.",
        doc: DuplicateName::DOC,
        rule: &DuplicateName,
    },
    RuleInfo {
        code: "F004",
        name: "repeated-setting",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Clarity,
        summary: "A setting that may appear once (owner, within, next, ...) appears twice.",
        doc: RepeatedSettingRule::DOC,
        rule: &RepeatedSettingRule,
    },
    RuleInfo {
        code: "F101",
        name: "unowned-step",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Clarity,
        summary: "A step names no owner.",
        doc: UnownedStep::DOC,
        rule: &UnownedStep,
    },
    RuleInfo {
        code: "F102",
        name: "missing-deadline",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Clarity,
        summary: "A step has no `within` deadline.",
        doc: MissingDeadline::DOC,
        rule: &MissingDeadline,
    },
    RuleInfo {
        code: "F103",
        name: "missing-process-owner",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Clarity,
        summary: "A process names no owning department.",
        doc: MissingProcessOwner::DOC,
        rule: &MissingProcessOwner,
    },
    RuleInfo {
        code: "F201",
        name: "unreachable-step",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Systematic,
        summary: "A step, decision, block or end cannot be reached from `start`.",
        doc: UnreachableStep::DOC,
        rule: &UnreachableStep,
    },
    RuleInfo {
        code: "F202",
        name: "dead-end",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Systematic,
        summary: "No `end` can be reached from a step or block.",
        doc: DeadEnd::DOC,
        rule: &DeadEnd,
    },
    RuleInfo {
        code: "F203",
        name: "missing-start",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Systematic,
        summary: "A process has no `start` line.",
        doc: MissingStart::DOC,
        rule: &MissingStart,
    },
    RuleInfo {
        code: "F204",
        name: "missing-end",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Systematic,
        summary: "A process has no `end`.",
        doc: MissingEnd::DOC,
        rule: &MissingEnd,
    },
    RuleInfo {
        code: "F205",
        name: "invalid-parallel",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Systematic,
        summary: "A parallel block's branches are not steps of their own.",
        doc: InvalidParallel::DOC,
        rule: &InvalidParallel,
    },
    RuleInfo {
        code: "F301",
        name: "decision-gap",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Systematic,
        summary: "A decision without `otherwise` leaves some input values without a branch.",
        doc: DecisionGap::DOC,
        rule: &DecisionGap,
    },
    RuleInfo {
        code: "F302",
        name: "decision-overlap",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Systematic,
        summary: "Two `when` conditions of one decision can both hold.",
        doc: DecisionOverlap::DOC,
        rule: &DecisionOverlap,
    },
    RuleInfo {
        code: "F303",
        name: "type-mismatch",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Systematic,
        summary: "A condition compares an input with a value of another type, or orders an unordered input.",
        doc: TypeMismatch::DOC,
        rule: &TypeMismatch,
    },
    RuleInfo {
        code: "F304",
        name: "single-branch-decision",
        severity: Severity::Warning,
        enabled_by_default: true,
        principle: Principle::Systematic,
        summary: "Every branch of a decision leads to the same place.",
        doc: SingleBranchDecision::DOC,
        rule: &SingleBranchDecision,
    },
    RuleInfo {
        code: "F305",
        name: "reserved-input-name",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Operability,
        summary: "An input is named with a reserved word of FEEL or Python, or `outcome`.",
        doc: ReservedInputName::DOC,
        rule: &ReservedInputName,
    },
    RuleInfo {
        code: "F111",
        name: "sla-exceeded",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Clarity,
        summary: "The longest path from `start` to an end takes longer than the process's `sla`.",
        doc: SlaExceeded::DOC,
        rule: &SlaExceeded,
    },
    RuleInfo {
        code: "F112",
        name: "missing-sla",
        severity: Severity::Warning,
        enabled_by_default: true,
        principle: Principle::Clarity,
        summary: "A process has no `sla`.",
        doc: MissingSla::DOC,
        rule: &MissingSla,
    },
    RuleInfo {
        code: "F113",
        name: "reminder-after-deadline",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Clarity,
        summary: "A `remind after` comes at or after the step's `within` deadline.",
        doc: ReminderAfterDeadline::DOC,
        rule: &ReminderAfterDeadline,
    },
    RuleInfo {
        code: "F121",
        name: "escalation-to-self",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Monitoring,
        summary: "A step escalates to its own owner.",
        doc: EscalationToSelf::DOC,
        rule: &EscalationToSelf,
    },
    RuleInfo {
        code: "F122",
        name: "escalation-not-upward",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Monitoring,
        summary: "A step escalates to a role that is not above its owner in the reporting lines.",
        doc: EscalationNotUpward::DOC,
        rule: &EscalationNotUpward,
    },
    RuleInfo {
        code: "F123",
        name: "escalation-order",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Monitoring,
        summary: "A step's escalations do not go strictly later and strictly higher each time.",
        doc: EscalationOrder::DOC,
        rule: &EscalationOrder,
    },
    RuleInfo {
        code: "F124",
        name: "escalation-before-deadline",
        severity: Severity::Warning,
        enabled_by_default: true,
        principle: Principle::Monitoring,
        summary: "A step escalates before its `within` deadline.",
        doc: EscalationBeforeDeadline::DOC,
        rule: &EscalationBeforeDeadline,
    },
    RuleInfo {
        code: "F125",
        name: "missing-escalation",
        severity: Severity::Warning,
        enabled_by_default: false,
        principle: Principle::Monitoring,
        summary: "A step whose owner has a superior has no escalation (off by default).",
        doc: MissingEscalation::DOC,
        rule: &MissingEscalation,
    },
    RuleInfo {
        code: "F131",
        name: "self-approval",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Legality,
        summary: "A review step is owned by the owner of the work it reviews.",
        doc: SelfApproval::DOC,
        rule: &SelfApproval,
    },
    RuleInfo {
        code: "F141",
        name: "redundant-approval",
        severity: Severity::Warning,
        enabled_by_default: true,
        principle: Principle::Simplicity,
        summary: "Two consecutive review steps have the same owner.",
        doc: RedundantApproval::DOC,
        rule: &RedundantApproval,
    },
    RuleInfo {
        code: "F142",
        name: "too-many-steps",
        severity: Severity::Warning,
        enabled_by_default: true,
        principle: Principle::Simplicity,
        summary: "A process has more steps than `[limits] max-steps` (default 20).",
        doc: TooManySteps::DOC,
        rule: &TooManySteps,
    },
    RuleInfo {
        code: "F151",
        name: "missing-kpi",
        severity: Severity::Warning,
        enabled_by_default: true,
        principle: Principle::Monitoring,
        summary: "A process has no `kpi`.",
        doc: MissingKpi::DOC,
        rule: &MissingKpi,
    },
    RuleInfo {
        code: "F152",
        name: "missing-review",
        severity: Severity::Warning,
        enabled_by_default: true,
        principle: Principle::Review,
        summary: "A process has no `review every ..., last DATE` line, or no last date.",
        doc: MissingReview::DOC,
        rule: &MissingReview,
    },
    RuleInfo {
        code: "F153",
        name: "review-overdue",
        severity: Severity::Warning,
        enabled_by_default: true,
        principle: Principle::Review,
        summary: "The last review plus the review cycle is before today.",
        doc: ReviewOverdue::DOC,
        rule: &ReviewOverdue,
    },
    RuleInfo {
        code: "F161",
        name: "required-participant",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Legality,
        summary: "A process can finish without a participant `flowc.toml` requires.",
        doc: RequiredParticipantRule::DOC,
        rule: &RequiredParticipantRule,
    },
    RuleInfo {
        code: "F171",
        name: "reporting-cycle",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Systematic,
        summary: "A role reports to itself, directly or through others.",
        doc: ReportingCycle::DOC,
        rule: &ReportingCycle,
    },
    RuleInfo {
        code: "F901",
        name: "unused-suppression",
        severity: Severity::Warning,
        enabled_by_default: true,
        principle: Principle::Operability,
        summary: "A `# flowc: allow(...)` comment names a rule that has no finding on its line.",
        doc: UnusedSuppression::DOC,
        rule: &UnusedSuppression,
    },
    RuleInfo {
        code: "F902",
        name: "invalid-suppression",
        severity: Severity::Error,
        enabled_by_default: true,
        principle: Principle::Operability,
        summary: "A `# flowc:` comment is not `allow(rule-name, ...) reason` with known rules and a reason.",
        doc: InvalidSuppression::DOC,
        rule: &InvalidSuppression,
    },
];

/// The rule called `name`.
pub fn rule_named(name: &str) -> Option<&'static RuleInfo> {
    RULES
        .iter()
        .find(|info| info.name == name || info.code == name)
}
