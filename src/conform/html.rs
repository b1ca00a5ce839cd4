//! The monitoring page of one process (`flowc conform --html FILE`): one
//! self-contained HTML file (the handbook's styles inline, plots as inline
//! SVG, no script, no external resource) that prints on A4. It holds the
//! summary, the KPIs with pass/fail, the cycle-time distribution against
//! the SLA, the deviations per step, a Pareto of late steps per owner, the
//! recurring problems and every finding.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::replay::owner_text;
use super::{FindingKind, ProcessReport};
use crate::emit::diagram::{columns, font_families};
use crate::emit::doc::html::{escape, style};
use crate::i18n::{Lang, Text};
use crate::ir::{ProcessDocument, SigningMode};
use crate::model::calendar::Calendar;
use crate::model::words;
use crate::sim;
use crate::syntax::ast::Duration;
use crate::text;

/// Styles of the plots and the pass/fail marks, after the handbook's.
const PLOT_STYLE: &str = "\
figure.plot { margin: .5rem 0 1.5rem; break-inside: avoid; }
figure.plot svg { max-width: 100%; height: auto; }
figure.plot figcaption { color: var(--muted); font-size: .9rem; }
td.pass { color: #166534; font-weight: bold; }
td.fail { color: var(--warn); font-weight: bold; background: var(--warn-bg); }
td.number { text-align: right; }
td.kind { white-space: nowrap; }
";

/// Font size of the plots' text, in pixels at their natural size.
const FONT: f64 = 13.0;
/// Width of one column of text (a wide character is two) at [`FONT`].
const COLUMN: f64 = 7.5;
const BAR: &str = "#3b6fb6";
const OVER: &str = "#c2410c";
const LINE: &str = "#b91c1c";
const AXIS: &str = "#5f6776";
/// The Pareto's bars: light, so that the cumulative line and its
/// labels read over them.
const PARETO: &str = "#fdba74";

/// `message` in `lang`, escaped for HTML.
fn say(message: Text, lang: Lang) -> String {
    escape(&message.render(lang))
}

/// The monitoring page of `report`, the conformance of `document`'s
/// cases, in `lang`.
pub fn render_html(
    report: &ProcessReport,
    document: &ProcessDocument,
    calendar: &Calendar,
    lang: Lang,
) -> String {
    let title = match &report.label {
        Some(label) => format!("{label} ({})", report.process),
        None => report.process.clone(),
    };
    let sla = document.process.sla.as_ref().map(|sla| {
        let (amount, unit) = sim::duration(sla);
        let limit = calendar.working_time(&Duration {
            amount,
            unit,
            span: Default::default(),
        });
        (
            words::time(amount, unit).render(lang),
            number(&calendar.in_business_days(limit)),
        )
    });
    let heading = say(text!("conform-page-title", title = title), lang);
    let mut page = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"flowc\">\n<title>{heading}</title>\n\
         <style>\n{}{PLOT_STYLE}</style>\n</head>\n<body>\n\
         <h1>{heading}</h1>\n",
        lang.code(),
        style(lang),
    );
    summary(&mut page, report, sla.as_ref(), lang);
    kpis(&mut page, report, lang);
    let _ = writeln!(
        page,
        "<h2>{}</h2>",
        say(text!("conform-heading-cycle-time"), lang)
    );
    page.push_str(&cycle_time_plot(report, sla.as_ref(), lang));
    let _ = writeln!(
        page,
        "<h2>{}</h2>",
        say(text!("conform-heading-deviations"), lang)
    );
    page.push_str(&deviations_plot(report, document, lang));
    let _ = writeln!(
        page,
        "<h2>{}</h2>",
        say(text!("conform-heading-late"), lang)
    );
    page.push_str(&late_pareto(report, document, lang));
    recurring(&mut page, report, document, lang);
    findings(&mut page, report, document, lang);
    let _ = writeln!(
        page,
        "<footer>{}</footer>\n</body>\n</html>",
        say(text!("conform-footer"), lang)
    );
    page
}

/// A number the report wrote (`3.68`), for plotting.
fn number(text: &str) -> f64 {
    text.parse().unwrap_or(0.0)
}

/// A plot coordinate or value, written short and always the same way.
fn fixed(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").unwrap_or(&text).to_string()
}

/// How wide `text` is drawn at [`FONT`], in pixels.
fn text_width(text: &str) -> f64 {
    columns(text) as f64 * COLUMN
}

fn summary(page: &mut String, report: &ProcessReport, sla: Option<&(String, f64)>, lang: Lang) {
    let _ = writeln!(
        page,
        "<h2>{}</h2>\n<dl class=\"facts\">",
        say(text!("conform-heading-summary"), lang)
    );
    let mut fact = |term: Text, value: String| {
        let _ = writeln!(
            page,
            "<dt>{}</dt><dd>{}</dd>",
            say(term, lang),
            escape(&value)
        );
    };
    let count = |count: usize| text!("conform-count", count = count).render(lang);
    fact(text!("conform-fact-cases"), count(report.cases));
    fact(text!("conform-fact-finished"), count(report.finished));
    fact(text!("conform-fact-open"), count(report.open));
    fact(
        text!("conform-fact-judged-at"),
        report.judged_at.replace('T', " "),
    );
    fact(
        text!("conform-fact-owners-checked"),
        if report.owners_checked {
            text!("conform-owners-checked-yes")
        } else {
            text!("conform-owners-checked-no")
        }
        .render(lang),
    );
    fact(
        text!("conform-fact-conforming"),
        text!(
            "conform-conforming-value",
            conforming = report.conforming,
            rate = report.conformance_rate.as_str()
        )
        .render(lang),
    );
    fact(text!("conform-fact-findings"), count(report.findings.len()));
    if let Some((text, _)) = sla {
        fact(text!("conform-fact-sla"), text.clone());
    }
    page.push_str("</dl>\n");
    for unannounced in &report.unannounced_years {
        let _ = writeln!(
            page,
            "<p class=\"note\">{}</p>",
            say(words::unannounced_year(unannounced), lang)
        );
    }
}

fn kpis(page: &mut String, report: &ProcessReport, lang: Lang) {
    let _ = writeln!(
        page,
        "<h2>{}</h2>",
        say(text!("conform-heading-kpis"), lang)
    );
    if report.kpis.is_empty() {
        let _ = writeln!(
            page,
            "<p class=\"note\">{}</p>",
            say(text!("conform-no-kpi"), lang)
        );
        return;
    }
    header_row(
        page,
        vec![
            text!("conform-column-kpi"),
            text!("conform-column-target"),
            text!("conform-column-actual"),
            text!("conform-column-result"),
            text!("conform-column-how"),
        ],
        lang,
    );
    for kpi in &report.kpis {
        let name = match &kpi.label {
            Some(label) => format!("{} <code>{}</code>", escape(label), escape(&kpi.name)),
            None => format!("<code>{}</code>", escape(&kpi.name)),
        };
        let (class, result) = match kpi.met {
            Some(true) => ("pass", "pass"),
            Some(false) => ("fail", "fail"),
            None => ("", "not-measured"),
        };
        let _ = writeln!(
            page,
            "<tr><td>{name}</td><td>{}</td><td>{}</td><td class=\"{class}\">{}</td><td>{}</td></tr>",
            say(kpi.target.clone(), lang),
            say(
                kpi.actual.clone().unwrap_or_else(|| Text::verbatim("–")),
                lang
            ),
            say(text!("conform-result", result = result), lang),
            say(kpi.how.clone(), lang)
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

/// The opening of a table and its header row, the words of `columns`.
fn header_row(page: &mut String, columns: Vec<Text>, lang: Lang) {
    page.push_str("<table>\n<thead><tr>");
    for column in columns {
        let _ = write!(page, "<th>{}</th>", say(column, lang));
    }
    page.push_str("</tr></thead>\n<tbody>\n");
}

/// The opening of a plot's SVG: its natural size is its pixel size, so
/// text of [`FONT`] px is that size on screen.
fn svg_open(width: f64, height: f64, label: &str, lang: Lang) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"{fonts}\" font-size=\"{FONT}\" role=\"img\" aria-label=\"{label}\">\n",
        w = fixed(width),
        h = fixed(height),
        fonts = escape(&font_families(lang).join(", ")),
        label = escape(label),
    )
}

/// A figure around `svg` with its caption.
fn figure(svg: String, caption: &str) -> String {
    format!(
        "<figure class=\"plot\">\n{svg}</svg>\n<figcaption>{}</figcaption>\n</figure>\n",
        escape(caption)
    )
}

/// A step of `width` that cuts `0..span` into at most `most` bins: 1, 2
/// or 5 times a power of ten.
fn nice_step(span: f64, most: f64) -> f64 {
    let mut scale = 0.01;
    loop {
        for factor in [1.0, 2.0, 5.0] {
            let step = factor * scale;
            if span / step <= most {
                return step;
            }
        }
        scale *= 10.0;
    }
}

/// Horizontal grid lines and their labels for counts `0..=top` on a plot
/// area from `top_y` (the top count) to `bottom_y` (zero).
fn count_axis(svg: &mut String, top: usize, left: f64, right: f64, top_y: f64, bottom_y: f64) {
    let step = nice_step(top as f64, 5.0).max(1.0) as usize;
    let mut count = 0;
    while count <= top {
        let y = bottom_y - (bottom_y - top_y) * count as f64 / top as f64;
        let _ = writeln!(
            svg,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#d5dae3\"/>\
             <text x=\"{}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"central\" fill=\"{AXIS}\">{count}</text>",
            fixed(left),
            fixed(right),
            fixed(left - 6.0),
            y = fixed(y),
        );
        count += step;
    }
}

/// The histogram of the finished cases' cycle times, with the SLA as a
/// vertical line; bins at or over the SLA are drawn in the warning colour.
fn cycle_time_plot(report: &ProcessReport, sla: Option<&(String, f64)>, lang: Lang) -> String {
    let times: Vec<f64> = report.cycle_times.iter().map(|time| number(time)).collect();
    if times.is_empty() {
        return note(text!("conform-no-finished-case"), lang);
    }
    let longest = times.iter().copied().fold(0.0, f64::max);
    let limit = sla.map_or(0.0, |(_, limit)| *limit);
    let span = longest.max(limit).max(1.0);
    let step = nice_step(span, 20.0);
    let bins = (span / step).floor() as usize + 1;
    let mut counts = vec![0usize; bins];
    for time in &times {
        counts[((time / step).floor() as usize).min(bins - 1)] += 1;
    }
    let top = counts.iter().copied().max().unwrap_or(1).max(1);
    let (left, right, top_y, bottom_y) = (56.0, 24.0, 36.0, 236.0);
    let width = 720.0;
    let plot_width = width - left - right;
    let x_of = |days: f64| left + plot_width * days / (bins as f64 * step);
    let mut svg = svg_open(
        width,
        bottom_y + 56.0,
        &text!("conform-cycle-time-label").render(lang),
        lang,
    );
    count_axis(&mut svg, top, left, width - right, top_y, bottom_y);
    for (bin, count) in counts.iter().enumerate() {
        let from = bin as f64 * step;
        let height = (bottom_y - top_y) * *count as f64 / top as f64;
        let colour = if sla.is_some() && from >= limit {
            OVER
        } else {
            BAR
        };
        if *count > 0 {
            let _ = writeln!(
                svg,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{colour}\"><title>{}</title></rect>",
                fixed(x_of(from) + 1.0),
                fixed(bottom_y - height),
                fixed(x_of(from + step) - x_of(from) - 2.0),
                fixed(height),
                say(
                    text!(
                        "conform-bin-tooltip",
                        from = fixed_days(from),
                        to = fixed_days(from + step),
                        cases = *count
                    ),
                    lang
                ),
            );
        }
    }
    let label_every = (bins as f64 / 10.0).ceil().max(1.0) as usize;
    for edge in (0..=bins).step_by(label_every) {
        let days = edge as f64 * step;
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{AXIS}\">{}</text>",
            fixed(x_of(days)),
            fixed(bottom_y + 18.0),
            fixed_days(days)
        );
    }
    let _ = writeln!(
        svg,
        "<line x1=\"{l}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"{AXIS}\"/>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{AXIS}\">{}</text>\
         <text x=\"{l}\" y=\"18\" fill=\"{AXIS}\">{}</text>",
        fixed(left + plot_width / 2.0),
        fixed(bottom_y + 42.0),
        say(text!("conform-axis-cycle-time"), lang),
        say(text!("conform-axis-cases"), lang),
        l = fixed(left),
        r = fixed(width - right),
        b = fixed(bottom_y),
    );
    if let Some((text, limit)) = sla {
        let x = x_of(*limit);
        let label = text!("conform-sla-line", sla = text.as_str()).render(lang);
        let anchor = if x + text_width(&label) > width - right {
            "end"
        } else {
            "start"
        };
        let _ = writeln!(
            svg,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{LINE}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" fill=\"{LINE}\" font-weight=\"bold\">{}</text>",
            fixed(top_y - 8.0),
            fixed(bottom_y),
            fixed(if anchor == "end" { x - 4.0 } else { x + 4.0 }),
            fixed(top_y - 12.0),
            escape(&label),
            x = fixed(x),
        );
    }
    let over = times.iter().filter(|time| **time > limit).count();
    let caption = match sla {
        Some((text, _)) => text!(
            "conform-cycle-caption",
            finished = times.len(),
            over = over,
            sla = text.as_str()
        ),
        None => text!("conform-cycle-caption-no-sla", finished = times.len()),
    };
    figure(svg, &caption.render(lang))
}

/// An owner line of a step of `document` (`manager of applicant`) as
/// the page's language says it: as written in English, in words in
/// Chinese (`申請人的上級`, `任一：人事專員、人力資源經理`), the roles named
/// as written.
fn owner_words(document: &ProcessDocument, owner: &str, lang: Lang) -> String {
    let node = document
        .nodes
        .iter()
        .find(|node| owner_text(node).as_deref() == Some(owner));
    let (Some(node), true) = (node, lang.is_chinese()) else {
        return owner.to_string();
    };
    let parties: Vec<Text> = node
        .owners
        .iter()
        .map(|party| {
            sim::people::relation_words(party)
                .unwrap_or_else(|| Text::verbatim(party.text.as_str()))
        })
        .collect();
    let total = parties.len();
    let signing = match node.signing.as_ref().map(|signing| signing.mode) {
        Some(SigningMode::AnyOf) => text!("party-any-of"),
        Some(SigningMode::AllOf) => text!("party-all-of"),
        Some(SigningMode::Quorum) => text!(
            "party-quorum",
            count = node.signing.as_ref().map_or(1, |signing| signing.required),
            total = total
        ),
        Some(SigningMode::One) | None => {
            return text!("conform-steps", steps = parties).render(lang);
        }
    };
    text!("party-shared", signing = signing, parties = parties).render(lang)
}

/// A note in place of a plot or a table.
fn note(message: Text, lang: Lang) -> String {
    format!("<p class=\"note\">{}</p>\n", say(message, lang))
}

/// Business days for an axis: up to two decimals, no trailing zeros.
fn fixed_days(days: f64) -> String {
    let text = format!("{days:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A step's name for people: its label and its name, or the name.
fn step_title(document: &ProcessDocument, step: &str) -> String {
    document
        .nodes
        .iter()
        .find(|node| node.id == step)
        .and_then(|node| node.label.as_ref())
        .map_or_else(|| step.to_string(), |label| format!("{label} ({step})"))
}

/// A bar of the deviations plot: the step's title, the cases added up over
/// the kinds, and the cases of each kind.
type StepBar = (String, usize, Vec<(FindingKind, usize)>);

/// One horizontal bar per step with the number of cases of each kind of
/// finding on it; findings about the whole case are one bar.
fn deviations_plot(report: &ProcessReport, document: &ProcessDocument, lang: Lang) -> String {
    let mut per_step: Vec<StepBar> = Vec::new();
    for ranked in &report.ranked {
        let title = ranked.step.as_deref().map_or_else(
            || text!("conform-whole-case").render(lang),
            |step| step_title(document, step),
        );
        match per_step.iter_mut().find(|(known, ..)| *known == title) {
            Some((_, total, kinds)) => {
                *total += ranked.cases;
                kinds.push((ranked.kind, ranked.cases));
            }
            None => per_step.push((title, ranked.cases, vec![(ranked.kind, ranked.cases)])),
        }
    }
    if per_step.is_empty() {
        return note(text!("conform-no-deviation"), lang);
    }
    per_step.sort_by_key(|(_, total, _)| std::cmp::Reverse(*total));
    let top = per_step
        .iter()
        .map(|(_, total, _)| *total)
        .max()
        .unwrap_or(1);
    let left = per_step
        .iter()
        .map(|(title, ..)| text_width(title))
        .fold(0.0, f64::max)
        + 16.0;
    let row = 40.0;
    let kind_text = |kinds: &[(FindingKind, usize)]| {
        let kinds: Vec<Text> = kinds
            .iter()
            .map(|(kind, cases)| text!("conform-kind-count", kind = kind.text(), cases = *cases))
            .collect();
        text!("conform-kind-counts", kinds = kinds).render(lang)
    };
    let notes = per_step
        .iter()
        .map(|(_, _, kinds)| text_width(&kind_text(kinds)))
        .fold(0.0, f64::max);
    let bar_space = 320.0;
    let width = (left + bar_space + 16.0 + notes + 16.0).max(720.0);
    let height = 28.0 + row * per_step.len() as f64 + 8.0;
    let mut svg = svg_open(
        width,
        height,
        &text!("conform-deviations-label").render(lang),
        lang,
    );
    for (index, (title, total, kinds)) in per_step.iter().enumerate() {
        let y = 28.0 + row * index as f64;
        let length = bar_space * *total as f64 / top as f64;
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" dominant-baseline=\"central\">{}</text>\
             <rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"24\" fill=\"{BAR}\"/>\
             <text x=\"{}\" y=\"{}\" dominant-baseline=\"central\" fill=\"{AXIS}\">{}</text>",
            fixed(left - 8.0),
            fixed(y + 12.0),
            escape(title),
            fixed(left),
            fixed(y),
            fixed(length),
            fixed(left + length + 8.0),
            fixed(y + 12.0),
            escape(&kind_text(kinds)),
        );
    }
    let _ = writeln!(
        svg,
        "<text x=\"{}\" y=\"18\" fill=\"{AXIS}\">{}</text>",
        fixed(left),
        say(text!("conform-axis-deviations"), lang)
    );
    let caption = text!(
        "conform-deviations-caption",
        steps = per_step.len(),
        top = top
    );
    figure(svg, &caption.render(lang))
}

/// A Pareto of late steps per owner: bars of late steps, most first, and
/// the cumulative share as a line on the right axis.
fn late_pareto(report: &ProcessReport, document: &ProcessDocument, lang: Lang) -> String {
    let no_owner = text!("conform-no-owner").render(lang);
    let mut per_owner: BTreeMap<String, usize> = BTreeMap::new();
    for finding in &report.findings {
        if finding.kind == FindingKind::Late {
            let owner = finding.owner.as_deref().map_or_else(
                || no_owner.clone(),
                |owner| owner_words(document, owner, lang),
            );
            *per_owner.entry(owner).or_default() += 1;
        }
    }
    if per_owner.is_empty() {
        return note(text!("conform-no-late-step"), lang);
    }
    let mut owners: Vec<(String, usize)> = per_owner.into_iter().collect();
    owners.sort_by_key(|(_, late)| std::cmp::Reverse(*late));
    let total: usize = owners.iter().map(|(_, late)| late).sum();
    let top = owners[0].1;
    let slot = owners
        .iter()
        .map(|(owner, _)| text_width(owner))
        .fold(72.0, f64::max)
        + 48.0;
    let (left, right, top_y, bottom_y) = (56.0, 56.0, 36.0, 236.0);
    let width = (left + slot * owners.len() as f64 + right).max(400.0);
    let slot = (width - left - right) / owners.len() as f64;
    let mut svg = svg_open(
        width,
        bottom_y + 56.0,
        &text!("conform-pareto-label").render(lang),
        lang,
    );
    count_axis(&mut svg, top, left, width - right, top_y, bottom_y);
    let mut cumulative = 0;
    let mut points = Vec::new();
    for (index, (owner, late)) in owners.iter().enumerate() {
        let x = left + slot * index as f64;
        let height = (bottom_y - top_y) * *late as f64 / top as f64;
        cumulative += late;
        let share = cumulative as f64 / total as f64;
        let point = (x + slot / 2.0, bottom_y - (bottom_y - top_y) * share);
        points.push(point);
        let _ = writeln!(
            svg,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{PARETO}\"><title>{}</title></rect>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\
             <circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{LINE}\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{LINE}\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{}%</text>",
            fixed(x + slot * 0.2),
            fixed(bottom_y - height),
            fixed(slot * 0.6),
            fixed(height),
            say(
                text!("conform-late-tooltip", owner = owner.as_str(), late = *late),
                lang
            ),
            fixed(x + slot / 2.0),
            fixed(bottom_y + 18.0),
            escape(owner),
            fixed(point.0),
            fixed(point.1),
            fixed(point.0),
            fixed(point.1 - 10.0),
            fixed(share * 100.0),
        );
    }
    let path: Vec<String> = points
        .iter()
        .map(|(x, y)| format!("{},{}", fixed(*x), fixed(*y)))
        .collect();
    let _ = writeln!(
        svg,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"2\"/>\
         <line x1=\"{l}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"{AXIS}\"/>\
         <text x=\"{r}\" y=\"{}\" text-anchor=\"end\" dominant-baseline=\"central\" fill=\"{LINE}\">100%</text>\
         <text x=\"{l}\" y=\"18\" fill=\"{AXIS}\">{}</text>\
         <text x=\"{r}\" y=\"18\" text-anchor=\"end\" fill=\"{LINE}\">{}</text>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{AXIS}\">{}</text>",
        path.join(" "),
        fixed(top_y),
        say(text!("conform-axis-late-steps"), lang),
        say(text!("conform-axis-cumulative"), lang),
        fixed(left + (width - left - right) / 2.0),
        fixed(bottom_y + 42.0),
        say(text!("conform-axis-owner"), lang),
        l = fixed(left),
        r = fixed(width - right + 48.0),
        b = fixed(bottom_y),
    );
    let caption = text!(
        "conform-pareto-caption",
        total = total,
        top = top,
        owner = owners[0].0.as_str(),
        share = fixed(top as f64 * 100.0 / total as f64)
    );
    figure(svg, &caption.render(lang))
}

fn recurring(page: &mut String, report: &ProcessReport, document: &ProcessDocument, lang: Lang) {
    let _ = writeln!(
        page,
        "<h2>{}</h2>",
        say(text!("conform-heading-recurring"), lang)
    );
    if report.recurring.is_empty() {
        page.push_str(&note(text!("conform-no-recurring"), lang));
        return;
    }
    header_row(
        page,
        vec![
            text!("conform-column-owner"),
            text!("conform-column-problem"),
            text!("conform-column-steps"),
            text!("conform-column-cases"),
        ],
        lang,
    );
    for problem in &report.recurring {
        let steps: Vec<Text> = problem.steps.iter().map(Text::verbatim).collect();
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"number\">{}</td></tr>",
            escape(&owner_words(document, &problem.owner, lang)),
            say(problem.kind.text(), lang),
            say(text!("conform-steps", steps = steps), lang),
            say(text!("conform-count", count = problem.cases), lang)
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

fn findings(page: &mut String, report: &ProcessReport, document: &ProcessDocument, lang: Lang) {
    let _ = writeln!(
        page,
        "<h2>{}</h2>",
        say(text!("conform-heading-findings"), lang)
    );
    if report.findings.is_empty() {
        page.push_str(&note(text!("conform-no-finding"), lang));
        return;
    }
    header_row(
        page,
        vec![
            text!("conform-column-case"),
            text!("conform-column-kind"),
            text!("conform-column-step"),
            text!("conform-column-owner"),
            text!("conform-column-what"),
            text!("conform-column-where"),
        ],
        lang,
    );
    for finding in &report.findings {
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td class=\"kind\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&finding.case),
            say(finding.kind.text(), lang),
            escape(finding.step.as_deref().unwrap_or("")),
            escape(&owner_words(
                document,
                finding.owner.as_deref().unwrap_or(""),
                lang
            )),
            say(finding.message.clone(), lang),
            finding
                .place_text()
                .map_or_else(String::new, |place| say(place, lang))
        );
    }
    page.push_str("</tbody>\n</table>\n");
}
