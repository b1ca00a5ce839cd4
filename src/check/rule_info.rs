//! A rule's row of the registry: its stable code and name, default
//! severity, the policy principle it serves, a summary and its page. Each
//! rule declares its own row beside its check (the `rule!` macro in
//! `src/check/rules/mod.rs`); the registry collects them.

use super::Rule;
use crate::diagnostics::{RuleDescriptor, Severity};

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
    pub(crate) fn default_level(&self) -> &'static str {
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

    /// What machine formats (SARIF) say of the rule.
    pub(crate) fn descriptor(&self) -> RuleDescriptor {
        RuleDescriptor {
            code: self.code,
            name: self.name,
            summary: self.summary,
            principle: self.principle.title(),
            severity: self.severity,
            page: self.page(),
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

/// The rule of `rules` called `name` (its name or its code).
pub fn rule_named<'a>(rules: &'a [RuleInfo], name: &str) -> Option<&'a RuleInfo> {
    rules
        .iter()
        .find(|info| info.name == name || info.code == name)
}
