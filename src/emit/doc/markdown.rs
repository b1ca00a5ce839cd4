//! The handbook as Markdown for wikis: `index.md`, one `<process>.md` per
//! process and the diagram beside it as `<process>.svg`.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::html::engine_words;
use super::{
    Handbook, OptionalFact, ProcessPage, StepColumns, category_order, category_title,
    category_words,
};
use crate::i18n::{Lang, Text};
use crate::model::words;
use crate::text;

/// The file of the call graph beside the index (no process page can be
/// called this: a process name holds no `-`).
const CALL_GRAPH: &str = "index-calls.svg";

/// Every file of the site, by name.
pub fn site(handbook: &Handbook) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    files.insert("index.md".to_string(), index(handbook).into_bytes());
    if let Some(graph) = handbook.call_graph("md") {
        files.insert(CALL_GRAPH.to_string(), graph.into_bytes());
    }
    for page in &handbook.pages {
        files.insert(
            format!("{}.md", page.stem()),
            process_page(handbook, page).into_bytes(),
        );
        files.insert(
            format!("{}.svg", page.stem()),
            page.svg.clone().into_bytes(),
        );
    }
    files
}

/// Escapes text for Markdown: HTML is neutralised and the characters that
/// start Markdown syntax or break a table cell are backslash-escaped; line
/// breaks become spaces.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        push_escaped(&mut escaped, c);
    }
    escaped
}

fn push_escaped(escaped: &mut String, c: char) {
    match c {
        '&' => escaped.push_str("&amp;"),
        '<' => escaped.push_str("&lt;"),
        '>' => escaped.push_str("&gt;"),
        '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '!' | '{' | '}' | '~' => {
            escaped.push('\\');
            escaped.push(c);
        }
        '\n' | '\r' | '\t' => escaped.push(' '),
        c if c.is_control() => {}
        c => escaped.push(c),
    }
}

/// Escapes a message that quotes names in backticks (as flowc's messages
/// do), for one line of Markdown or a table cell: the code spans a
/// CommonMark reader would find (a run of backticks up to the next run of
/// the same length) are kept, with line breaks made spaces and `|`
/// escaped (GitHub splits table cells before reading code spans); a
/// backtick run without its closer is escaped; everything else is
/// escaped as by [`escape`]. So a label or file name holding backticks
/// can move where a code span ends, but never lets HTML, a link or a new
/// block through.
pub(crate) fn escape_keeping_code_spans(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut escaped = String::with_capacity(text.len());
    let mut at = 0;
    while at < chars.len() {
        if chars[at] != '`' {
            push_escaped(&mut escaped, chars[at]);
            at += 1;
            continue;
        }
        let run = backtick_run(&chars, at);
        match closing_run(&chars, at + run, run) {
            Some(close) => {
                for &c in &chars[at..close + run] {
                    match c {
                        '\n' | '\r' | '\t' => escaped.push(' '),
                        '|' => escaped.push_str("\\|"),
                        c if c.is_control() => {}
                        c => escaped.push(c),
                    }
                }
                at = close + run;
            }
            None => {
                for _ in 0..run {
                    escaped.push_str("\\`");
                }
                at += run;
            }
        }
    }
    escaped
}

/// The length of the run of backticks starting at `at`.
fn backtick_run(chars: &[char], at: usize) -> usize {
    chars[at..].iter().take_while(|&&c| c == '`').count()
}

/// Where the next run of exactly `length` backticks from `from` starts.
fn closing_run(chars: &[char], from: usize, length: usize) -> Option<usize> {
    let mut at = from;
    while at < chars.len() {
        if chars[at] == '`' {
            let run = backtick_run(chars, at);
            if run == length {
                return Some(at);
            }
            at += run;
        } else {
            at += 1;
        }
    }
    None
}

/// Writes text as a Markdown code span: fenced by one backtick more than
/// the longest run of backticks inside, padded with a space when the text
/// starts or ends with a backtick or a space (CommonMark strips one space
/// from each side), line breaks turned into spaces and other control
/// characters dropped, so the span ends where it should and no line of the
/// text starts a block of its own. Not for table cells when the text may
/// hold `|` (GFM splits cells before reading code spans); the names put in
/// cells are identifiers, which cannot.
pub(crate) fn code_span(text: &str) -> String {
    let content: String = text
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    let longest_run = content.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let padding = if content.starts_with(['`', ' ']) || content.ends_with(['`', ' ']) {
        " "
    } else {
        ""
    };
    format!("{fence}{padding}{content}{padding}{fence}")
}

/// The words `id` of the catalogue in `lang`, escaped for Markdown.
fn words_of(id: &'static str, lang: Lang) -> String {
    escape(&Text::new(id).render(lang))
}

fn index(handbook: &Handbook) -> String {
    let lang = handbook.lang;
    let mut md = format!("# {}\n\n", words_of("handbook-title", lang));
    let summary = text!(
        "handbook-markdown-summary",
        processes = handbook.pages.len(),
        date = words::date(handbook.today)
    );
    let _ = writeln!(md, "{}\n", escape(&summary.render(lang)));
    let mut current = None;
    for page in &handbook.pages {
        let order = category_order(page.category);
        if current != Some(order) {
            current = Some(order);
            let _ = writeln!(
                md,
                "\n## {}\n\n| {} | {} | {} | {} |\n|---|---|---|---|",
                escape(&category_title(page.category, lang)),
                words_of("handbook-column-process", lang),
                words_of("handbook-column-process-owner", lang),
                words_of("handbook-column-sla", lang),
                words_of("handbook-column-review", lang),
            );
        }
        let flag = page
            .review
            .flag(lang)
            .map(|flag| format!("**{}** ", escape(&flag)))
            .unwrap_or_default();
        let _ = writeln!(
            md,
            "| [{}]({}.md) {} | {} | {} | {flag}{} |",
            escape(page.title()),
            page.stem(),
            code_span(&page.name),
            escape(page.owner.as_deref().unwrap_or("—")),
            escape(page.sla.as_deref().unwrap_or("—")),
            escape(&page.review.text(lang)),
        );
    }
    if handbook.call_graph("md").is_some() {
        let heading = words_of("handbook-calls-heading", lang);
        let _ = writeln!(
            md,
            "\n## {heading}\n\n{}\n\n![{heading}]({CALL_GRAPH})",
            words_of("handbook-calls-note", lang)
        );
    }
    let footer = text!(
        "handbook-markdown-index-footer",
        engine = engine_words(handbook.engine)
    );
    let _ = writeln!(md, "\n---\n{}", escape(&footer.render(lang)));
    md
}

fn cell(items: &[String]) -> String {
    if items.is_empty() {
        return "—".to_string();
    }
    items
        .iter()
        .map(|item| escape(item))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// A link to a process's page when the handbook has one, its name in
/// code either way.
fn process_link(handbook: &Handbook, name: &str, title: &str) -> String {
    match handbook.page_named(name) {
        Some(page) => format!(
            "[{}]({}.md) {}",
            escape(title),
            page.stem(),
            code_span(name)
        ),
        None => format!("{} {}", escape(title), code_span(name)),
    }
}

/// The facts only some processes have: version, note, calls, called by;
/// one table row each.
fn optional_facts(handbook: &Handbook, page: &ProcessPage) -> String {
    page.optional_facts(handbook.lang)
        .into_iter()
        .map(|fact| match fact {
            OptionalFact::Text(_, title, text) => {
                format!("| {} | {} |\n", escape(&title), escape(&text))
            }
            OptionalFact::Processes(title, names) => {
                let links: Vec<String> = names
                    .iter()
                    .map(|name| process_link(handbook, name, handbook.title_of(name)))
                    .collect();
                let separator = text!("list-separator").render(handbook.lang);
                format!("| {} | {} |\n", escape(&title), links.join(&separator))
            }
        })
        .collect()
}

/// The step table: one row per step or call; records and KPIs columns
/// only where a row has one.
fn steps(md: &mut String, handbook: &Handbook, page: &ProcessPage) {
    let lang = handbook.lang;
    let optional = StepColumns::of(&page.steps);
    let header: Vec<String> = optional
        .headers()
        .into_iter()
        .map(|id| words_of(id, lang))
        .collect();
    let _ = writeln!(
        md,
        "## {}\n\n| {} |\n|{}",
        words_of("handbook-steps-heading", lang),
        header.join(" | "),
        "---|".repeat(header.len())
    );
    for step in &page.steps {
        let mut first = format!(
            "{} {}",
            escape(step.label.as_deref().unwrap_or("")),
            code_span(&step.name)
        );
        if let Some(call) = &step.call {
            let calls = text!(
                "diagram-calls",
                process = process_link(handbook, &call.name, &call.title)
            );
            let _ = write!(first, "<br>{}", calls.render(lang));
            for input in &call.inputs {
                let with = text!("handbook-call-with", binding = input.as_str());
                let _ = write!(first, "<br>{}", code_span(&with.render(lang)));
            }
        }
        if let Some(note) = &step.note {
            let _ = write!(first, "<br>*{}*", escape(note));
        }
        let mut cells = vec![first, escape(&step.owner), cell(&step.deadline_lines())];
        if optional.records {
            cells.push(cell(&step.records));
        }
        if optional.kpis {
            cells.push(cell(&step.kpis));
        }
        cells.extend([
            cell(&step.reminders),
            cell(&step.escalations),
            cell(&step.consults),
            cell(&step.notifications),
            cell(&step.outcomes),
        ]);
        let _ = writeln!(md, "| {} |", cells.join(" | "));
    }
}

fn process_page(handbook: &Handbook, page: &ProcessPage) -> String {
    let lang = handbook.lang;
    let mut md = String::new();
    let from = text!("handbook-from-file", file = code_span(&page.file));
    let _ = writeln!(
        md,
        "[{}](index.md){}\n\n# {} {}\n\n{}\n",
        words_of("handbook-all-processes", lang),
        if page.monitoring {
            format!(
                " · [{}]({})",
                words_of("handbook-monitoring-link", lang),
                page.monitoring_link()
            )
        } else {
            String::new()
        },
        escape(page.title()),
        code_span(&page.name),
        from.render(lang)
    );
    findings(&mut md, page, lang);
    facts(&mut md, handbook, page);
    let _ = writeln!(
        md,
        "## {}\n\n![{}]({}.svg)\n",
        words_of("handbook-diagram-heading", lang),
        escape(page.title()),
        page.stem()
    );
    steps(&mut md, handbook, page);
    md.push('\n');
    decisions(&mut md, page, lang);
    matrix(&mut md, page, lang);
    let _ = write!(md, "\n## {}\n\n", words_of("handbook-kpis-heading", lang));
    if page.kpis.is_empty() {
        let _ = writeln!(md, "{}", words_of("handbook-none", lang));
    } else {
        let _ = writeln!(
            md,
            "| {} | {} |\n|---|---|",
            words_of("handbook-column-indicator", lang),
            words_of("handbook-column-target", lang)
        );
        for (title, target) in &page.kpis {
            let _ = writeln!(md, "| {} | {} |", escape(title), escape(target));
        }
    }
    let footer = text!(
        "handbook-markdown-page-footer",
        date = words::date(handbook.today),
        engine = engine_words(page.engine)
    );
    let _ = writeln!(md, "\n---\n{}", escape(&footer.render(lang)));
    md
}

/// The findings in the process, when it has any.
fn findings(md: &mut String, page: &ProcessPage, lang: Lang) {
    if page.diagnostics.is_empty() {
        return;
    }
    let heading = text!("handbook-findings-heading", count = page.diagnostics.len());
    let _ = writeln!(md, "## {}\n", escape(&heading.render(lang)));
    for finding in &page.diagnostics {
        let help = text!("handbook-finding-help", help = finding.help.as_str());
        let _ = writeln!(
            md,
            "- **{}\\[{}\\]** {} ({})  \n  {}",
            escape(&finding.severity_words),
            finding.rule,
            escape(&finding.message),
            escape(&finding.at),
            escape(&help.render(lang))
        );
    }
    md.push('\n');
}

/// The facts of the process and its inputs.
fn facts(md: &mut String, handbook: &Handbook, page: &ProcessPage) {
    let lang = handbook.lang;
    let dash = |value: Option<String>| escape(value.as_deref().unwrap_or("—"));
    let _ = writeln!(
        md,
        "## {}\n\n| | |\n|---|---|\n| {} | {} |\n| {} | {} |\n| {} | {} |\n| {} | {} |\n| {} | {} |\n| {} | {}{} |\n{}",
        words_of("handbook-facts-heading", lang),
        words_of("handbook-fact-owner", lang),
        dash(page.owner.clone()),
        words_of("handbook-fact-category", lang),
        dash(page.category.map(|category| category_words(category, lang))),
        words_of("handbook-fact-sla", lang),
        dash(page.sla.clone()),
        words_of("handbook-fact-review-cycle", lang),
        dash(page.review_every.clone()),
        words_of("handbook-fact-last-review", lang),
        dash(page.last_review.map(|date| words::date(date).render(lang))),
        words_of("handbook-fact-review-status", lang),
        page.review
            .flag(lang)
            .map(|flag| format!("**{}** ", escape(&flag)))
            .unwrap_or_default(),
        escape(&page.review.text(lang)),
        optional_facts(handbook, page),
    );
    let _ = write!(md, "### {}\n\n", words_of("handbook-inputs-heading", lang));
    if page.inputs.is_empty() {
        let _ = write!(md, "{}\n\n", words_of("handbook-none", lang));
    } else {
        let _ = writeln!(
            md,
            "| {} | {} |\n|---|---|",
            words_of("handbook-column-input", lang),
            words_of("handbook-column-type", lang)
        );
        for (name, kind) in &page.inputs {
            let _ = writeln!(md, "| {} | {} |", code_span(name), escape(kind));
        }
        md.push('\n');
    }
}

/// One table per decision.
fn decisions(md: &mut String, page: &ProcessPage, lang: Lang) {
    if page.decisions.is_empty() {
        return;
    }
    let _ = write!(
        md,
        "## {}\n\n",
        words_of("handbook-decisions-heading", lang)
    );
    for decision in &page.decisions {
        let _ = writeln!(
            md,
            "### {} {}\n\n| {} | {} |\n|---|---|",
            escape(decision.label.as_deref().unwrap_or("")),
            code_span(&decision.name),
            words_of("handbook-column-condition", lang),
            words_of("handbook-column-goes-to", lang)
        );
        for (condition, target) in &decision.branches {
            let _ = writeln!(md, "| {} | {} |", escape(condition), escape(target));
        }
        md.push('\n');
    }
}

/// The responsibility matrix.
fn matrix(md: &mut String, page: &ProcessPage, lang: Lang) {
    let _ = write!(
        md,
        "## {}\n\n{}\n\n| {} |",
        words_of("handbook-matrix-heading", lang),
        words_of("handbook-matrix-key", lang),
        words_of("handbook-column-who", lang)
    );
    for (_, title) in &page.matrix.steps {
        let _ = write!(md, " {} |", escape(title));
    }
    md.push_str("\n|---|");
    md.push_str(&"---|".repeat(page.matrix.steps.len()));
    md.push('\n');
    for (unit, cells) in &page.matrix.rows {
        let _ = write!(md, "| {} |", escape(unit));
        for mark in cells {
            let _ = write!(md, " {} |", escape(mark));
        }
        md.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Options, Parser, Tag};

    /// The code spans, raw HTML, links and blocks a CommonMark reader with
    /// GitHub's tables finds in a one-row table whose cell is `cell`.
    fn read_cell(cell: &str) -> (Vec<String>, usize) {
        let table = format!("| a |\n|---|\n| {cell} |\n");
        let mut code = Vec::new();
        let mut unmeant = 0;
        for event in Parser::new_ext(&table, Options::ENABLE_TABLES) {
            match event {
                Event::Code(text) => code.push(text.to_string()),
                Event::Html(_) | Event::InlineHtml(_) => unmeant += 1,
                Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::Heading { .. })
                | Event::Start(Tag::Paragraph) => unmeant += 1,
                _ => {}
            }
        }
        (code, unmeant)
    }

    #[test]
    fn messages_keep_their_code_spans_and_nothing_else_gets_through() {
        let cases = [
            ("step `gm_approval` \"總經理\" removed", vec!["gm_approval"]),
            (
                "`when amount <= 5000 CNY -> pay` changed",
                vec!["when amount <= 5000 CNY -> pay"],
            ),
            (
                "file `x`<img src=x onerror=alert(1)>`.flow` added",
                vec!["x", ".flow"],
            ),
            ("label \"a`<img src=x>\" of `s`", vec!["<img src=x>\" of "]),
            ("label \"`` ` <b>x</b>\" and `s`", vec!["<b>x</b>\" and"]),
            (
                "`a|b\n# h` and [l](javascript:x) ![i](y) <!-- c",
                vec!["a|b # h"],
            ),
        ];
        for (message, code) in &cases {
            let cell = escape_keeping_code_spans(message);
            let (found, unmeant) = read_cell(&cell);
            assert_eq!(&found, code, "{message} -> {cell}");
            assert_eq!(unmeant, 0, "{message} -> {cell}");
        }
    }

    #[test]
    fn code_spans_hold_any_text() {
        for text in ["plain", "a`b", "`a", "b`", "``x```", " x ", "a\n# b"] {
            let span = code_span(text);
            let events: Vec<_> = Parser::new(&span).collect();
            let expected = text.replace('\n', " ");
            assert!(
                events.contains(&Event::Code(expected.as_str().into())),
                "{text:?} -> {span:?}: {events:?}"
            );
        }
    }
}
