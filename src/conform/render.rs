//! The conformance report as text for people.

use super::{ProcessReport, RankedDeviation};
use crate::model::words;

/// The report for a terminal: the summary, the deviations ranked by
/// frequency, the KPIs, the owners of recurring problems, then every
/// finding.
pub fn render_human(report: &ProcessReport) -> String {
    let mut text = String::new();
    let title = match &report.label {
        Some(label) => format!("{} {label}", report.process),
        None => report.process.clone(),
    };
    text.push_str(&format!("process {title}\n"));
    text.push_str(&format!(
        "{} cases: {} finished, {} open (judged at {}); {} conforming ({}%)\n",
        report.cases,
        report.finished,
        report.open,
        report.judged_at.replace('T', " "),
        report.conforming,
        report.conformance_rate
    ));
    for unannounced in &report.unannounced_years {
        text.push_str(&words::unannounced_year(unannounced).english());
        text.push('\n');
    }
    if !report.owners_checked {
        text.push_str(
            "who did each step was not checked: give the staff directory with --staff (or `staff` in [conform] of flowc.toml)\n",
        );
    }
    if !report.ranked.is_empty() {
        text.push_str("\ndeviations, most frequent first:\n");
        for ranked in &report.ranked {
            text.push_str(&format!("  {}\n", ranked_line(ranked)));
        }
    }
    if !report.kpis.is_empty() {
        text.push_str("\nkey indicators:\n");
        for kpi in &report.kpis {
            let verdict = match kpi.met {
                Some(true) => "met",
                Some(false) => "MISSED",
                None => "not measured",
            };
            let label = kpi
                .label
                .as_deref()
                .map(|label| format!(" \"{label}\""))
                .unwrap_or_default();
            let actual = kpi.actual.as_deref().unwrap_or("-");
            text.push_str(&format!(
                "  {}{label}: {actual} against {} ({verdict}; {})\n",
                kpi.name, kpi.target, kpi.how
            ));
        }
    }
    if !report.recurring.is_empty() {
        text.push_str("\nrecurring problems, back to the responsible owner:\n");
        for problem in &report.recurring {
            text.push_str(&format!(
                "  {}: {} in {} cases (steps {})\n",
                problem.owner,
                problem.kind.name(),
                problem.cases,
                problem.steps.join(", ")
            ));
        }
    }
    if !report.findings.is_empty() {
        text.push_str("\nfindings:\n");
        for finding in &report.findings {
            let place = finding
                .place
                .as_deref()
                .map(|place| format!(" [{place}]"))
                .unwrap_or_default();
            text.push_str(&format!(
                "  case {}: {}: {}{place}\n",
                finding.case,
                finding.kind.name(),
                finding.message
            ));
        }
    }
    text
}

fn ranked_line(ranked: &RankedDeviation) -> String {
    let step = ranked
        .step
        .as_deref()
        .map(|step| format!(" at `{step}`"))
        .unwrap_or_default();
    let cases = if ranked.cases == 1 { "case" } else { "cases" };
    format!("{}{step}: {} {cases}", ranked.kind.name(), ranked.cases)
}
