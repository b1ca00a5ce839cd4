//! The rules' pages in Chinese: one Markdown document per rule and script,
//! `docs/rules/zh-Hant/NAME.md` and `docs/rules/zh-Hans/NAME.md`, compiled
//! into the binary. The English pages are the rules' doc comments; these
//! are their translations, each with the English page's code blocks.
//!
//! A page is laid out as `flowc explain` prints it: the heading line, the
//! summary (one paragraph), the default severity and principle lines, then
//! the body from its first `## ` heading. The heading and the two lines are
//! made from the registry and the catalogue when the page is printed; the
//! summary and the body are the document's.

use super::Lang;

/// A rule's page in one language, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RulePage(&'static str);

/// The pages of one rule: its name, then its page in zh-Hant and zh-Hans.
type Row = (&'static str, &'static str, &'static str);

/// The table of pages, one row per rule name given.
macro_rules! pages {
    ($($name:literal),* $(,)?) => {
        &[$((
            $name,
            include_str!(concat!("../../docs/rules/zh-Hant/", $name, ".md")),
            include_str!(concat!("../../docs/rules/zh-Hans/", $name, ".md")),
        )),*]
    };
}

/// Every rule's pages (the registry's order).
static PAGES: &[Row] = pages![
    "syntax-error",
    "undefined-reference",
    "duplicate-name",
    "repeated-setting",
    "unowned-step",
    "missing-deadline",
    "missing-process-owner",
    "invalid-signing",
    "undeclared-applicant",
    "unreachable-step",
    "dead-end",
    "missing-start",
    "missing-end",
    "invalid-parallel",
    "call-inputs",
    "call-outcomes",
    "recursive-call",
    "decision-gap",
    "decision-overlap",
    "type-mismatch",
    "single-branch-decision",
    "reserved-input-name",
    "endless-loop",
    "unchecked-decision",
    "read-before-record",
    "unused-record",
    "unused-input",
    "sla-exceeded",
    "missing-sla",
    "minimum-exceeds-deadline",
    "timeout-before-deadline",
    "reminder-after-deadline",
    "escalation-to-self",
    "escalation-not-upward",
    "escalation-order",
    "escalation-before-deadline",
    "missing-escalation",
    "self-approval",
    "approval-by-applicant",
    "redundant-approval",
    "too-many-steps",
    "missing-kpi",
    "missing-review",
    "review-overdue",
    "required-participant",
    "reporting-cycle",
    "applicant-without-manager",
    "manager-of-nobody",
    "unused-suppression",
    "invalid-suppression",
];

/// The page of the rule `name` in `lang`: `None` for English (the rule's
/// doc comment is its English page) and for a rule without one.
pub fn rule_page(lang: Lang, name: &str) -> Option<RulePage> {
    let (_, hant, hans) = PAGES.iter().find(|(rule, _, _)| *rule == name)?;
    match lang {
        Lang::En => None,
        Lang::ZhHant => Some(RulePage(hant)),
        Lang::ZhHans => Some(RulePage(hans)),
    }
}

/// The names of the rules that have Chinese pages, in the table's order.
pub fn rules_with_pages() -> impl Iterator<Item = &'static str> {
    PAGES.iter().map(|(name, _, _)| *name)
}

impl RulePage {
    /// The summary: the first paragraph after the heading, its lines
    /// joined.
    pub fn summary(self) -> String {
        self.0
            .lines()
            .skip_while(|line| line.starts_with('#') || line.trim().is_empty())
            .take_while(|line| !line.trim().is_empty())
            .map(str::trim)
            .collect()
    }

    /// The body: from the first `## ` heading to the end, trimmed.
    pub fn body(self) -> &'static str {
        let start = self
            .0
            .match_indices("\n## ")
            .next()
            .map_or(self.0.len(), |(at, _)| at + 1);
        self.0[start..].trim()
    }

    /// The document as written.
    pub fn text(self) -> &'static str {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::RulePage;

    #[test]
    fn the_summary_and_the_body_are_read_from_the_page() {
        let page = RulePage(
            "# a-rule（F1）\n\n一句\n話。\n\n- 默認：錯誤\n\n## 檢查內容\n內容。\n\n## 為什麼\n原因。\n",
        );
        assert_eq!(page.summary(), "一句話。");
        assert_eq!(page.body(), "## 檢查內容\n內容。\n\n## 為什麼\n原因。");
    }
}
