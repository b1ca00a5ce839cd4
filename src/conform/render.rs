//! The conformance report as text for people.

use super::{ProcessReport, RankedDeviation};
use crate::i18n::{Lang, Text};
use crate::model::words;
use crate::text;

/// The lines of a report being written in one language.
struct Lines {
    text: String,
    lang: Lang,
}

impl Lines {
    /// A line of its own.
    fn line(&mut self, message: Text) {
        self.text.push_str(&message.render(self.lang));
        self.text.push('\n');
    }

    /// A heading, after an empty line.
    fn heading(&mut self, message: Text) {
        self.text.push('\n');
        self.line(message);
    }

    /// A line under a heading, indented.
    fn item(&mut self, message: Text) {
        self.text.push_str("  ");
        self.line(message);
    }
}

/// The report for a terminal in `lang`: the summary, the deviations
/// ranked by frequency, the KPIs, the owners of recurring problems, then
/// every finding.
pub fn render_human(report: &ProcessReport, lang: Lang) -> String {
    let mut out = Lines {
        text: String::new(),
        lang,
    };
    let title = match &report.label {
        Some(label) => format!("{} {label}", report.process),
        None => report.process.clone(),
    };
    out.line(text!("conform-report-process", title = title));
    out.line(text!(
        "conform-report-summary",
        cases = report.cases,
        finished = report.finished,
        open = report.open,
        at = report.judged_at.replace('T', " "),
        conforming = report.conforming,
        rate = report.conformance_rate.as_str()
    ));
    for unannounced in &report.unannounced_years {
        out.line(words::unannounced_year(unannounced));
    }
    if !report.owners_checked {
        out.line(text!("conform-owners-not-checked"));
    }
    if !report.ranked.is_empty() {
        out.heading(text!("conform-report-deviations"));
        for ranked in &report.ranked {
            out.item(ranked_line(ranked));
        }
    }
    if !report.kpis.is_empty() {
        out.heading(text!("conform-report-kpis"));
        for kpi in &report.kpis {
            let verdict = match kpi.met {
                Some(true) => "met",
                Some(false) => "missed",
                None => "not-measured",
            };
            let actual = kpi.actual.clone().unwrap_or_else(|| Text::verbatim("-"));
            let line = match &kpi.label {
                Some(label) => text!("conform-report-kpi-labelled", label = label),
                None => text!("conform-report-kpi"),
            };
            out.item(
                line.arg("name", &kpi.name)
                    .arg("actual", actual)
                    .arg("target", kpi.target.clone())
                    .arg("verdict", verdict)
                    .arg("how", kpi.how.clone()),
            );
        }
    }
    if !report.recurring.is_empty() {
        out.heading(text!("conform-report-recurring"));
        for problem in &report.recurring {
            out.item(text!(
                "conform-report-problem",
                owner = &problem.owner,
                kind = problem.kind.text(),
                cases = problem.cases,
                steps = problem.steps.iter().map(Text::verbatim).collect::<Vec<_>>()
            ));
        }
    }
    if !report.findings.is_empty() {
        out.heading(text!("conform-report-findings"));
        for finding in &report.findings {
            let line = match finding.place_text() {
                Some(place) => text!("conform-report-finding-at", place = place),
                None => text!("conform-report-finding"),
            };
            out.item(
                line.arg("case", &finding.case)
                    .arg("kind", finding.kind.text())
                    .arg("message", finding.message.clone()),
            );
        }
    }
    out.text
}

fn ranked_line(ranked: &RankedDeviation) -> Text {
    let line = match &ranked.step {
        Some(step) => text!("conform-ranked-at-step", step = step),
        None => text!("conform-ranked"),
    };
    line.arg("kind", ranked.kind.text())
        .arg("cases", ranked.cases)
}
