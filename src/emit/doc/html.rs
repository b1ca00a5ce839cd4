//! The handbook as a static HTML site: `index.html` and one
//! `<process>.html` per process, each a self-contained file (styles
//! inline, diagram inline as SVG, no script, no external resource) that
//! prints on A4.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{
    CalledProcess, Handbook, OptionalFact, ProcessPage, StepColumns, category_order,
    category_title, category_words, figure,
};
use crate::emit::diagram;
use crate::emit::render::Engine;
use crate::i18n::{Lang, Text};
use crate::model::words;
use crate::text;

/// Where the live preview puts its banner and script; an empty comment in
/// the static site.
pub const LIVE_MARKER: &str = "<!--flowc:live-->";

/// The handbook's style sheet, shared by the monitoring pages of `flowc
/// conform --html`.
pub const STYLE: &str = include_str!("handbook.css");

/// Every file of the site, by name.
pub fn site(handbook: &Handbook) -> BTreeMap<String, Vec<u8>> {
    use rayon::prelude::*;
    let mut files: BTreeMap<String, Vec<u8>> = handbook
        .pages
        .par_iter()
        .map(|page| {
            (
                format!("{}.html", page.stem()),
                process_page(handbook, page).into_bytes(),
            )
        })
        .collect();
    files.insert("index.html".to_string(), index(handbook).into_bytes());
    files
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    crate::emit::replace_chars(text, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        c if c.is_control() && c != '\n' && c != '\t' => Some(""),
        _ => None,
    })
}

/// The handbook's style sheet for `lang`: [`STYLE`] with the fonts of the
/// language ([`diagram::font_families`]) first, so Traditional Chinese is
/// drawn with Traditional glyph forms.
pub fn style(lang: Lang) -> String {
    let fonts: Vec<String> = diagram::font_families(lang)
        .iter()
        .filter(|family| **family != "sans-serif")
        .map(|family| format!("\"{family}\""))
        .chain(["system-ui".to_string(), "sans-serif".to_string()])
        .collect();
    let body_fonts = format!("  font-family: {};", fonts.join(", "));
    STYLE
        .lines()
        .map(|line| {
            if line.starts_with("  font-family: \"Noto Sans CJK") {
                body_fonts.as_str()
            } else {
                line
            }
        })
        .map(|line| format!("{line}\n"))
        .collect()
}

/// The words `id` of the catalogue in `lang`, escaped for HTML.
fn words_of(id: &'static str, lang: Lang) -> String {
    escape(&Text::new(id).render(lang))
}

fn head(title: &str, lang: Lang) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"flowc\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n{LIVE_MARKER}\n",
        lang.code(),
        escape(title),
        style(lang)
    )
}

/// The footer of a page whose diagrams `engine` drew.
fn footer(handbook: &Handbook, engine: Engine) -> String {
    let footer = text!(
        "handbook-footer",
        date = words::date(handbook.today),
        engine = engine_words(engine)
    );
    format!(
        "<footer>{}</footer>\n</body>\n</html>\n",
        escape(&footer.render(handbook.lang))
    )
}

/// What drew the diagrams, in words: `built-in layout`, `Graphviz dot`.
pub(crate) fn engine_words(engine: Engine) -> Text {
    let key = match engine {
        Engine::Graphviz => "graphviz",
        Engine::Builtin => "builtin",
    };
    text!("handbook-engine", engine = key)
}

fn index(handbook: &Handbook) -> String {
    let lang = handbook.lang;
    let title = text!("handbook-title").render(lang);
    let mut html = head(&title, lang);
    let _ = writeln!(html, "<header><h1>{}</h1>", escape(&title));
    let overdue = handbook
        .pages
        .iter()
        .filter(|page| page.review.is_overdue())
        .count();
    let summary = text!(
        "handbook-index-summary",
        processes = handbook.pages.len(),
        overdue = overdue,
        date = words::date(handbook.today)
    );
    let _ = writeln!(
        html,
        "<p class=\"summary\">{}</p></header>",
        escape(&summary.render(lang))
    );
    html.push_str("<main>\n");
    let mut current = None;
    for page in &handbook.pages {
        let order = category_order(page.category);
        if current != Some(order) {
            if current.is_some() {
                html.push_str("</tbody></table></section>\n");
            }
            current = Some(order);
            let _ = writeln!(
                html,
                "<section class=\"category\"><h2>{}</h2>\n<table class=\"index\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
                escape(&category_title(page.category, lang)),
                words_of("handbook-column-process", lang),
                words_of("handbook-column-process-owner", lang),
                words_of("handbook-column-sla", lang),
                words_of("handbook-column-review", lang),
            );
        }
        let class = if page.review.is_overdue() {
            " class=\"overdue\""
        } else {
            ""
        };
        let flag = page
            .review
            .flag(lang)
            .map(|flag| format!("<span class=\"flag\">{}</span> ", escape(&flag)))
            .unwrap_or_default();
        let _ = writeln!(
            html,
            "<tr{class}><td><a href=\"{stem}.html\">{title}</a> <code>{name}</code></td><td>{owner}</td><td>{sla}</td><td>{flag}{review}</td></tr>",
            stem = escape(page.stem()),
            title = escape(page.title()),
            name = escape(&page.name),
            owner = escape(page.owner.as_deref().unwrap_or("—")),
            sla = escape(page.sla.as_deref().unwrap_or("—")),
            review = escape(&page.review.text(lang)),
        );
    }
    if current.is_some() {
        html.push_str("</tbody></table></section>\n");
    } else {
        let _ = writeln!(html, "<p>{}</p>", words_of("handbook-no-process", lang));
    }
    if let Some(graph) = handbook.call_graph("html") {
        let _ = writeln!(
            html,
            "<section id=\"calls\" class=\"calls\"><h2>{}</h2>\
             <p class=\"note\">{}</p>\n{graph}</section>",
            words_of("handbook-calls-heading", lang),
            words_of("handbook-calls-note", lang),
        );
    }
    html.push_str("</main>\n");
    html.push_str(&footer(handbook, handbook.engine));
    html
}

fn process_page(handbook: &Handbook, page: &ProcessPage) -> String {
    let lang = handbook.lang;
    let mut html = head(page.title(), lang);
    let _ = writeln!(
        html,
        "<nav><a href=\"index.html\">{}</a>{}</nav>\n<header><h1>{}</h1><p class=\"name\"><code>{}</code> · {}</p></header>\n<main>",
        words_of("handbook-all-processes", lang),
        monitoring_link(page, lang),
        escape(page.title()),
        escape(&page.name),
        escape(&page.file)
    );
    findings(&mut html, page, lang);
    facts(&mut html, handbook, page);
    let _ = writeln!(html, "{}", figure::section(&page.svg, page.engine, lang));
    steps(&mut html, handbook, page);
    decisions(&mut html, page, lang);
    matrix(&mut html, page, lang);
    kpis(&mut html, page, lang);
    html.push_str("</main>\n");
    html.push_str(&footer(handbook, page.engine));
    html
}

/// The link to the process's monitoring page, when the handbook's
/// directory holds one.
fn monitoring_link(page: &ProcessPage, lang: Lang) -> String {
    if page.monitoring {
        format!(
            " · <a href=\"{}\">{}</a>",
            escape(&page.monitoring_link()),
            words_of("handbook-monitoring-link", lang)
        )
    } else {
        String::new()
    }
}

fn findings(html: &mut String, page: &ProcessPage, lang: Lang) {
    if page.diagnostics.is_empty() {
        return;
    }
    let heading = text!("handbook-findings-heading", count = page.diagnostics.len());
    let _ = writeln!(
        html,
        "<section id=\"diagnostics\" class=\"diagnostics\"><h2>{}</h2><ul>",
        escape(&heading.render(lang))
    );
    for finding in &page.diagnostics {
        let help = text!("handbook-finding-help", help = finding.help.as_str());
        let _ = writeln!(
            html,
            "<li class=\"{severity}\"><strong>{words}[{rule}]</strong> {message} <span class=\"at\">{at}</span><br><span class=\"help\">{help}</span></li>",
            severity = finding.severity,
            words = escape(&finding.severity_words),
            rule = escape(finding.rule),
            message = escape(&finding.message),
            at = escape(&finding.at),
            help = escape(&help.render(lang)),
        );
    }
    html.push_str("</ul></section>\n");
}

/// A link to a process's page when the handbook has one, its name in
/// code either way.
fn process_link(handbook: &Handbook, name: &str, title: &str) -> String {
    match handbook.page_named(name) {
        Some(page) => format!(
            "<a href=\"{}.html\">{}</a> <code>{}</code>",
            escape(page.stem()),
            escape(title),
            escape(name)
        ),
        None => format!("{} <code>{}</code>", escape(title), escape(name)),
    }
}

/// Links to the pages of the processes `names`, by their titles.
fn process_links(handbook: &Handbook, names: &[String]) -> String {
    let links: Vec<String> = names
        .iter()
        .map(|name| process_link(handbook, name, handbook.title_of(name)))
        .collect();
    links.join(", ")
}

/// The facts only some processes have: version, note, calls, called by.
fn optional_facts(handbook: &Handbook, page: &ProcessPage) -> String {
    page.optional_facts(handbook.lang)
        .into_iter()
        .map(|fact| match fact {
            OptionalFact::Text(key, title, text) => {
                format!(
                    "<dt>{}</dt><dd class=\"{key}\">{}</dd>",
                    escape(&title),
                    escape(&text)
                )
            }
            OptionalFact::Processes(title, names) => {
                format!(
                    "<dt>{}</dt><dd>{}</dd>",
                    escape(&title),
                    process_links(handbook, &names)
                )
            }
        })
        .collect()
}

fn facts(html: &mut String, handbook: &Handbook, page: &ProcessPage) {
    let lang = handbook.lang;
    let dash = |value: Option<&str>| escape(value.unwrap_or("—"));
    let review_class = if page.review.is_overdue() {
        " class=\"overdue\""
    } else {
        ""
    };
    let _ = writeln!(
        html,
        "<section id=\"facts\"><h2>{facts}</h2><dl class=\"facts\">\
         <dt>{process}</dt><dd>{label} <code>{name}</code></dd>\
         <dt>{owning}</dt><dd>{owner}</dd>\
         <dt>{category_title}</dt><dd>{category}</dd>\
         <dt>{sla_title}</dt><dd>{sla}</dd>\
         <dt>{every_title}</dt><dd>{every}</dd>\
         <dt>{last_title}</dt><dd>{last}</dd>\
         <dt>{status_title}</dt><dd{review_class}>{status}</dd>\
         {optional}</dl>",
        facts = words_of("handbook-facts-heading", lang),
        process = words_of("handbook-fact-process", lang),
        owning = words_of("handbook-fact-owner", lang),
        category_title = words_of("handbook-fact-category", lang),
        sla_title = words_of("handbook-fact-sla", lang),
        every_title = words_of("handbook-fact-review-cycle", lang),
        last_title = words_of("handbook-fact-last-review", lang),
        status_title = words_of("handbook-fact-review-status", lang),
        label = escape(page.title()),
        name = escape(&page.name),
        owner = dash(page.owner.as_deref()),
        category = dash(
            page.category
                .map(|category| category_words(category, lang))
                .as_deref()
        ),
        sla = dash(page.sla.as_deref()),
        every = dash(page.review_every.as_deref()),
        last = dash(
            page.last_review
                .map(|date| words::date(date).render(lang))
                .as_deref()
        ),
        status = escape(&page.review.text(lang)),
        optional = optional_facts(handbook, page),
    );
    let _ = write!(
        html,
        "<h3>{}</h3>",
        words_of("handbook-inputs-heading", lang)
    );
    if page.inputs.is_empty() {
        let _ = write!(html, "<p>{}</p>", words_of("handbook-none", lang));
    } else {
        let _ = write!(
            html,
            "<table class=\"inputs\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
            words_of("handbook-column-input", lang),
            words_of("handbook-column-type", lang),
        );
        for (name, kind) in &page.inputs {
            let _ = write!(
                html,
                "<tr><td><code>{}</code></td><td>{}</td></tr>",
                escape(name),
                escape(kind)
            );
        }
        html.push_str("</tbody></table>");
    }
    html.push_str("</section>\n");
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        return "—".to_string();
    }
    items
        .iter()
        .map(|item| escape(item))
        .collect::<Vec<_>>()
        .join("<br>")
}

fn steps(html: &mut String, handbook: &Handbook, page: &ProcessPage) {
    let lang = handbook.lang;
    let optional = StepColumns::of(&page.steps);
    let header: String = optional
        .headers()
        .into_iter()
        .map(|id| format!("<th>{}</th>", words_of(id, lang)))
        .collect();
    let _ = writeln!(
        html,
        "<section id=\"steps\"><h2>{}</h2><table class=\"steps\"><thead><tr>{header}</tr></thead><tbody>",
        words_of("handbook-steps-heading", lang)
    );
    for step in &page.steps {
        let mut extra = String::new();
        if optional.records {
            let _ = write!(extra, "<td>{}</td>", list(&step.records));
        }
        if optional.kpis {
            let _ = write!(extra, "<td>{}</td>", list(&step.kpis));
        }
        let _ = writeln!(
            html,
            "<tr id=\"step-{name}\" data-step=\"{name}\"><td>{label} <code>{name}</code>{call}{note}</td><td>{owner}</td><td>{deadline}</td>{extra}<td>{reminders}</td><td>{escalations}</td><td>{consults}</td><td>{notifications}</td><td>{outcomes}</td></tr>",
            name = escape(&step.name),
            label = escape(step.label.as_deref().unwrap_or("")),
            call = step
                .call
                .as_ref()
                .map(|call| call_cell(handbook, call, lang))
                .unwrap_or_default(),
            note = step
                .note
                .as_ref()
                .map(|note| format!("<br><span class=\"note\">{}</span>", escape(note)))
                .unwrap_or_default(),
            owner = escape(&step.owner),
            deadline = list(&step.deadline_lines()),
            reminders = list(&step.reminders),
            escalations = list(&step.escalations),
            consults = list(&step.consults),
            notifications = list(&step.notifications),
            outcomes = list(&step.outcomes),
        );
    }
    html.push_str("</tbody></table></section>\n");
}

/// What a call's step cell adds: the process it runs, linked to its
/// page, and the values it is given.
fn call_cell(handbook: &Handbook, call: &CalledProcess, lang: Lang) -> String {
    let calls = text!(
        "diagram-calls",
        process = process_link(handbook, &call.name, &call.title)
    );
    let mut cell = format!("<br><span class=\"call\">{}</span>", calls.render(lang));
    for input in &call.inputs {
        let with = text!("handbook-call-with", binding = input.as_str());
        let _ = write!(cell, "<br><code>{}</code>", escape(&with.render(lang)));
    }
    cell
}

fn decisions(html: &mut String, page: &ProcessPage, lang: Lang) {
    if page.decisions.is_empty() {
        return;
    }
    let _ = writeln!(
        html,
        "<section id=\"decisions\"><h2>{}</h2>",
        words_of("handbook-decisions-heading", lang)
    );
    for decision in &page.decisions {
        let _ = writeln!(
            html,
            "<h3 id=\"decision-{name}\">{label} <code>{name}</code></h3><table class=\"decision\"><thead><tr><th>{condition}</th><th>{goes_to}</th></tr></thead><tbody>",
            name = escape(&decision.name),
            label = escape(decision.label.as_deref().unwrap_or("")),
            condition = words_of("handbook-column-condition", lang),
            goes_to = words_of("handbook-column-goes-to", lang),
        );
        for (condition, target) in &decision.branches {
            let _ = writeln!(
                html,
                "<tr><td><code>{}</code></td><td>{}</td></tr>",
                escape(condition),
                escape(target)
            );
        }
        html.push_str("</tbody></table>\n");
    }
    html.push_str("</section>\n");
}

fn matrix(html: &mut String, page: &ProcessPage, lang: Lang) {
    let _ = write!(
        html,
        "<section id=\"responsibilities\"><h2>{}</h2><p class=\"note\">{}</p><table class=\"matrix\"><thead><tr><th>{}</th>",
        words_of("handbook-matrix-heading", lang),
        words_of("handbook-matrix-key", lang),
        words_of("handbook-column-who", lang),
    );
    for (name, title) in &page.matrix.steps {
        let _ = write!(
            html,
            "<th title=\"{}\">{}</th>",
            escape(name),
            escape(title)
        );
    }
    html.push_str("</tr></thead><tbody>\n");
    for (unit, cells) in &page.matrix.rows {
        let _ = write!(html, "<tr><th>{}</th>", escape(unit));
        for cell in cells {
            let _ = write!(html, "<td>{}</td>", escape(cell));
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody></table></section>\n");
}

fn kpis(html: &mut String, page: &ProcessPage, lang: Lang) {
    let _ = write!(
        html,
        "<section id=\"kpis\"><h2>{}</h2>",
        words_of("handbook-kpis-heading", lang)
    );
    if page.kpis.is_empty() {
        let _ = write!(html, "<p>{}</p>", words_of("handbook-none", lang));
    } else {
        let _ = write!(
            html,
            "<table class=\"kpis\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
            words_of("handbook-column-indicator", lang),
            words_of("handbook-column-target", lang),
        );
        for (title, target) in &page.kpis {
            let _ = write!(
                html,
                "<tr><td>{}</td><td>{}</td></tr>",
                escape(title),
                escape(target)
            );
        }
        html.push_str("</tbody></table>");
    }
    html.push_str("</section>\n");
}
