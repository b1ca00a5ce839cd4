//! A rule's row of the registry: its stable code and name, default
//! severity, the policy principle it serves, a summary and its page. Each
//! rule declares its own row beside its check (the `rule!` macro in
//! `src/check/rules/mod.rs`); the registry collects them.

use super::Rule;
use crate::diagnostics::{RuleDescriptor, Severity};
use crate::i18n::{Lang, RulePage, Text};
use crate::text;

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
    /// The principle's name (in English with its Chinese name: `legality
    /// (合法性)`).
    pub fn name(self) -> Text {
        match self {
            Principle::Legality => text!("principle-legality"),
            Principle::Systematic => text!("principle-systematic"),
            Principle::Simplicity => text!("principle-simplicity"),
            Principle::Clarity => text!("principle-clarity"),
            Principle::Operability => text!("principle-operability"),
            Principle::Review => text!("principle-review"),
            Principle::Monitoring => text!("principle-monitoring"),
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

    /// The default level in `lang`: the severity's word, or `off`.
    pub fn default_level_in(&self, lang: Lang) -> String {
        if self.enabled_by_default {
            self.severity_word().render(lang)
        } else {
            text!("explain-level-off").render(lang)
        }
    }

    /// The word of the rule's severity.
    fn severity_word(&self) -> Text {
        match self.severity {
            Severity::Error => text!("severity-error"),
            Severity::Warning => text!("severity-warning"),
        }
    }

    /// The default severity as a rule page states it.
    fn default_severity_text(&self) -> Text {
        if self.enabled_by_default {
            self.severity_word()
        } else {
            text!(
                "explain-level-off-how",
                name = self.name,
                severity = self.severity.word()
            )
        }
    }

    /// The rule's page written in `lang`, if it is not English.
    fn translated_page(&self, lang: Lang) -> Option<RulePage> {
        crate::i18n::rule_page(lang, self.name)
    }

    /// The summary in `lang`: the first paragraph of the rule's page in
    /// that language (the English summary where there is none).
    pub fn summary_in(&self, lang: Lang) -> String {
        self.translated_page(lang)
            .map_or_else(|| self.summary.to_owned(), RulePage::summary)
    }

    /// What machine formats (SARIF) say of the rule, in `lang`; the
    /// principle as a tag stays English.
    pub(crate) fn descriptor(&self, lang: Lang) -> RuleDescriptor {
        let summary = self.summary_in(lang);
        RuleDescriptor {
            code: self.code,
            name: self.name,
            description: text!(
                "explain-full-description",
                summary = summary.as_str(),
                principle = self.principle.name()
            )
            .render(lang),
            summary,
            principle: self.principle.name().english(),
            severity: self.severity,
            page: self.page_in(lang),
        }
    }

    /// The rule's English page as Markdown: what `flowc explain` prints
    /// and what `docs/rules/NAME.md` holds.
    pub fn page(&self) -> String {
        self.page_in(Lang::En)
    }

    /// The rule's page in `lang` as Markdown: what `flowc explain --lang`
    /// prints. The heading and the severity and principle lines come from
    /// the registry and the catalogue, the summary and the body from the
    /// doc comment (English) or the rule's translated page (Chinese; the
    /// English page where there is none).
    pub fn page_in(&self, lang: Lang) -> String {
        let (lang, summary, body) = match self.translated_page(lang) {
            Some(page) => (lang, page.summary(), page.body().to_owned()),
            None => (Lang::En, self.summary.to_owned(), self.explanation()),
        };
        format!(
            "# {}

{}

- {}
- {}

{}
",
            text!("explain-page-heading", name = self.name, code = self.code).render(lang),
            summary,
            text!(
                "explain-default-severity",
                level = self.default_severity_text()
            )
            .render(lang),
            text!("explain-principle", principle = self.principle.name()).render(lang),
            body
        )
    }
}

/// The rule of `rules` called `name` (its name or its code).
pub fn rule_named<'a>(rules: &'a [RuleInfo], name: &str) -> Option<&'a RuleInfo> {
    rules
        .iter()
        .find(|info| info.name == name || info.code == name)
}
