//! Which processes call which: the list on each page and the small call
//! graph on the index, drawn as SVG by flowc itself (no Graphviz needed,
//! the same bytes every time).
//!
//! The graph is laid out in columns: a process that no process of the
//! handbook calls stands in the first column, a process it calls in the
//! next, and so on (the longest chain of calls decides; calls form no
//! cycle in a checked project, and a cycle would only stop the ranking
//! early, never loop). Within a column processes keep the handbook's
//! order. Every box links to the process's page.

use std::fmt::Write;

use super::ProcessPage;
use crate::emit::diagram::{self, wrap};
use crate::emit::svg::{css_font_families, escape};
use crate::i18n::Lang;
use crate::model::{NodeKind, Process, Project};
use crate::text;

/// Width of a process box.
const BOX_WIDTH: i64 = 210;
/// Height of one line of text in a box.
const LINE: i64 = 17;
/// Space between columns.
const COLUMN_GAP: i64 = 70;
/// Space between boxes of one column.
const ROW_GAP: i64 = 16;
/// Margin around the drawing.
const MARGIN: i64 = 12;

/// The processes `process` calls (whose names resolve), each once, in the
/// order first called.
pub(crate) fn callees<'a>(project: &'a Project, process: &Process) -> Vec<&'a Process> {
    let mut found: Vec<&Process> = Vec::new();
    for node in &process.nodes {
        if let NodeKind::Call(call) = &node.kind
            && let Some(callee) = diagram::callee(project, call)
            && !found.iter().any(|seen| seen.name == callee.name)
        {
            found.push(callee);
        }
    }
    found
}

/// The processes that call each process, by the called process's name,
/// in the order of the project's processes ([`callees`] once per
/// process: asking every process on every page made the pages of 1,000
/// processes a million lookups).
pub(crate) fn callers(project: &Project) -> std::collections::HashMap<&str, Vec<String>> {
    let mut callers: std::collections::HashMap<&str, Vec<String>> =
        std::collections::HashMap::new();
    for caller in &project.processes {
        for callee in callees(project, caller) {
            callers
                .entry(callee.name.as_str())
                .or_default()
                .push(caller.name.clone());
        }
    }
    callers
}

/// A process box of the graph.
struct Placed {
    name: String,
    link: String,
    lines: Vec<String>,
    column: usize,
    x: i64,
    y: i64,
    height: i64,
}

/// The call graph of the handbook's pages (their [`ProcessPage::calls`])
/// as SVG, or `None` when no page calls another process. A box links to
/// its page, `STEM.extension`; a called process without a page of its own
/// still gets a box, without a link.
pub(crate) fn graph(pages: &[ProcessPage], extension: &str, lang: Lang) -> Option<String> {
    let mut names: Vec<&str> = Vec::new();
    let mut calls: Vec<(usize, usize)> = Vec::new();
    for page in pages {
        for callee in &page.calls {
            let from = index_of(&mut names, &page.name);
            let to = index_of(&mut names, callee);
            calls.push((from, to));
        }
    }
    if calls.is_empty() {
        return None;
    }
    let column = columns_of(names.len(), &calls);
    let mut placed: Vec<Placed> = names
        .iter()
        .zip(&column)
        .map(|(&name, &column)| {
            let page = pages.iter().find(|page| page.name == name);
            let mut lines = page
                .and_then(|page| page.label.as_deref())
                .map_or_else(Vec::new, |label| wrap(label, 24));
            lines.push(name.to_string());
            Placed {
                name: name.to_string(),
                link: page
                    .map(|page| format!("{}.{extension}", page.stem()))
                    .unwrap_or_default(),
                height: 12 + LINE * lines.len() as i64,
                lines,
                column,
                x: 0,
                y: 0,
            }
        })
        .collect();
    let (width, height) = place(&mut placed);
    Some(draw(&placed, &calls, (width, height), lang))
}

/// The index of `name` in `names`, added at the end when new.
fn index_of<'a>(names: &mut Vec<&'a str>, name: &'a str) -> usize {
    match names.iter().position(|known| *known == name) {
        Some(index) => index,
        None => {
            names.push(name);
            names.len() - 1
        }
    }
}

/// The column of every process: the longest chain of calls leading to it.
fn columns_of(count: usize, calls: &[(usize, usize)]) -> Vec<usize> {
    let mut column = vec![0usize; count];
    // At most `count` rounds: a longest chain has fewer than `count` calls.
    for _ in 0..count {
        let mut moved = false;
        for &(from, to) in calls {
            if column[to] < column[from] + 1 && column[from] + 1 < count {
                column[to] = column[from] + 1;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    column
}

/// Places the boxes column by column, top down; returns the drawing's
/// width and height.
fn place(placed: &mut [Placed]) -> (i64, i64) {
    let columns = placed.iter().map(|item| item.column).max().unwrap_or(0) + 1;
    let mut bottom = vec![MARGIN; columns];
    for item in placed.iter_mut() {
        item.x = MARGIN + item.column as i64 * (BOX_WIDTH + COLUMN_GAP);
        item.y = bottom[item.column];
        bottom[item.column] += item.height + ROW_GAP;
    }
    let width = 2 * MARGIN + columns as i64 * BOX_WIDTH + (columns as i64 - 1) * COLUMN_GAP;
    let height = bottom.into_iter().max().unwrap_or(MARGIN) - ROW_GAP + MARGIN;
    (width, height)
}

/// The SVG document: boxes (links to the pages), then one arrow per call.
fn draw(
    placed: &[Placed],
    calls: &[(usize, usize)],
    (width, height): (i64, i64),
    lang: Lang,
) -> String {
    let title = escape(&text!("handbook-calls-heading").render(lang));
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"call-graph\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"{}\" font-size=\"13\" role=\"img\" \
         aria-label=\"{title}\">",
        escape(&css_font_families(lang))
    );
    let _ = writeln!(svg, "<title>{title}</title>");
    let _ = writeln!(
        svg,
        "<defs><marker id=\"call-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" \
         markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1f2430\"/></marker></defs>"
    );
    for &(from, to) in calls {
        let (a, b) = (&placed[from], &placed[to]);
        let start = (a.x + BOX_WIDTH, a.y + a.height / 2);
        let end = (b.x, b.y + b.height / 2);
        let bend = ((end.0 - start.0) / 2).max(20);
        let _ = writeln!(
            svg,
            "<path class=\"call\" data-from=\"{}\" data-to=\"{}\" d=\"M{},{} C{},{} {},{} {},{}\" fill=\"none\" \
             stroke=\"#1f2430\" stroke-width=\"1.4\" marker-end=\"url(#call-arrow)\"/>",
            escape(&a.name),
            escape(&b.name),
            start.0,
            start.1,
            start.0 + bend,
            start.1,
            end.0 - bend,
            end.1,
            end.0,
            end.1
        );
    }
    for item in placed {
        draw_box(&mut svg, item);
    }
    svg.push_str("</svg>\n");
    svg
}

/// A process box: its label in bold, its name under it; a link to its
/// page when it has one.
fn draw_box(svg: &mut String, item: &Placed) {
    if !item.link.is_empty() {
        let _ = write!(svg, "<a href=\"{}\">", escape(&item.link));
    }
    let _ = write!(
        svg,
        "<g class=\"process\" data-process=\"{}\"><rect x=\"{}\" y=\"{}\" width=\"{BOX_WIDTH}\" height=\"{}\" \
         rx=\"6\" fill=\"#ffffff\" stroke=\"#1f2430\" stroke-width=\"1.2\"/>",
        escape(&item.name),
        item.x,
        item.y,
        item.height
    );
    let last = item.lines.len().saturating_sub(1);
    for (index, line) in item.lines.iter().enumerate() {
        let style = if index == last {
            "fill=\"#555c6b\" font-family=\"monospace\" font-size=\"12\""
        } else {
            "fill=\"#1f2430\" font-weight=\"bold\""
        };
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" dominant-baseline=\"central\" {style}>{}</text>",
            item.x + BOX_WIDTH / 2,
            item.y + 6 + LINE * index as i64 + LINE / 2,
            escape(line)
        );
    }
    svg.push_str("</g>");
    if !item.link.is_empty() {
        svg.push_str("</a>");
    }
    svg.push('\n');
}
