//! The organisation picture of a diagram of changes (`flowc diff
//! --emit`): the changes no process diagram shows (departments and roles
//! added, removed, renamed or moved, reporting lines, comments of a file)
//! drawn on the organisation chart: one frame per department holding its
//! roles, each role under the role it reports to. Marks are those of
//! [`crate::emit::marks`]: added green, changed amber, removed red and
//! struck through, each change in words beside what it is about, and the
//! changes about no department or role (a file's comments) under the
//! title.
//!
//! [`dot`] writes it for Graphviz; [`svg`] draws it without Graphviz, as
//! columns of boxes (one per department), the reporting lines written in
//! each role's box.

use std::fmt::Write;

use graphviz_rust::dot_structures::{Attribute, Graph, GraphAttributes, Id, Node, Stmt, Subgraph};

use crate::emit::diagram::{self, DiagramOptions};
use crate::emit::dot::{
    attr, edge, html_escape, mark_attributes, node_defaults, node_id, note_lines,
};
use crate::emit::labels::text_width;
use crate::emit::marks::{Mark, Note};
use crate::emit::svg::escape;
use crate::i18n::Lang;
use crate::text;

/// A department or a role on the chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Its name.
    pub name: String,
    /// Its label, if any.
    pub label: Option<String>,
    /// How it is marked; [`Mark::Removed`] draws it struck through.
    pub mark: Option<Mark>,
    /// The changes about it, in words.
    pub notes: Vec<Note>,
}

/// A role on the chart, with where it sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleUnit {
    /// The role.
    pub unit: Unit,
    /// The department it is in, by name, if that department is drawn.
    pub department: Option<String>,
    /// The role it reports to, by name.
    pub superior: Option<String>,
    /// The role it reported to in the older version, when that changed,
    /// by name: drawn struck through.
    pub old_superior: Option<String>,
}

/// The organisation picture of a diagram of changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chart {
    /// A line under the title (the legend of the marks).
    pub caption: Option<String>,
    /// Changes about no department or role drawn (a file's comments).
    pub header: Vec<Note>,
    /// The departments, in order.
    pub departments: Vec<Unit>,
    /// The roles, in order.
    pub roles: Vec<RoleUnit>,
}

/// Columns the notes beside a department or role are wrapped at.
const NOTE_COLUMNS: usize = 40;

/// The lines of a unit's box: its name and label.
fn unit_lines(unit: &Unit) -> Vec<String> {
    std::iter::once(unit.name.clone())
        .chain(unit.label.clone())
        .collect()
}

/// The title of the picture in `lang`.
fn title(lang: Lang) -> String {
    text!("diff-visual-organisation-title").render(lang)
}

/// The words of a reporting line: `reports to general_manager`.
fn reports_to(role: &str, lang: Lang) -> String {
    text!("diff-visual-reports-to", role = role).render(lang)
}

/// The HTML-like label of a unit: its lines (struck through when it was
/// removed) and its notes.
fn html_label(unit: &Unit) -> Id {
    let struck = unit.mark == Some(Mark::Removed);
    let mut lines: Vec<String> = unit_lines(unit)
        .iter()
        .map(|line| {
            let line = html_escape(line);
            if struck {
                format!("<S>{line}</S>")
            } else {
                line
            }
        })
        .collect();
    lines.extend(note_lines(Some(&unit.notes), NOTE_COLUMNS));
    Id::Html(format!("<<FONT>{}</FONT>>", lines.join("<BR/>")))
}

/// The DOT text of the chart, drawn with `options`.
pub fn dot(chart: &Chart, options: DiagramOptions) -> String {
    let palette = options.theme.palette();
    let fonts = diagram::font_families(options.lang).join(",");
    let mut header = vec![format!("<B>{}</B>", html_escape(&title(options.lang)))];
    header.extend(chart.caption.iter().map(|caption| {
        format!(
            "<FONT POINT-SIZE=\"11\" COLOR=\"{}\">{}</FONT>",
            palette.ink,
            html_escape(caption)
        )
    }));
    header.extend(note_lines(Some(&chart.header), 100));
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            Attribute(
                Id::Plain("label".to_string()),
                Id::Html(format!("<<FONT>{}</FONT>>", header.join("<BR/>"))),
            ),
            attr("labelloc", "t"),
            attr("fontname", &fonts),
            attr("fontcolor", palette.ink),
            attr("bgcolor", palette.background),
        ])),
        node_defaults(&fonts, &palette),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("color", palette.ink),
            attr("arrowhead", "none"),
        ])),
    ];
    for (index, department) in chart.departments.iter().enumerate() {
        let mut inner = vec![Stmt::GAttribute(GraphAttributes::Graph(frame(
            department,
            palette.lane_border,
        )))];
        let before = inner.len();
        inner.extend(
            chart
                .roles
                .iter()
                .filter(|role| role.department.as_deref() == Some(department.name.as_str()))
                .map(role_node),
        );
        if inner.len() == before {
            // Graphviz draws no frame round nothing: an invisible point
            // keeps an empty department on the chart.
            inner.push(Stmt::Node(Node::new(
                node_id(&format!("cluster_{index} holder")),
                vec![attr("style", "invis"), attr("shape", "point")],
            )));
        }
        stmts.push(Stmt::Subgraph(Subgraph {
            id: Id::Plain(format!("cluster_{index}")),
            stmts: inner,
        }));
    }
    stmts.extend(
        chart
            .roles
            .iter()
            .filter(|role| role.department.is_none())
            .map(role_node),
    );
    for role in &chart.roles {
        let name = &role.unit.name;
        if let Some(superior) = &role.superior {
            let attributes = match role.old_superior {
                Some(_) => mark_attributes(Mark::Changed, false),
                None => Vec::new(),
            };
            stmts.push(edge(superior, name, attributes));
        }
        if let Some(old) = &role.old_superior {
            let mut attributes = mark_attributes(Mark::Removed, false);
            attributes.push(attr("constraint", "false"));
            stmts.push(edge(old, name, attributes));
        }
    }
    let graph = Graph::DiGraph {
        id: Id::Escaped("\"organisation\"".to_string()),
        strict: false,
        stmts,
    };
    let mut text = crate::emit::dot_text::print(&graph);
    text.push('\n');
    text
}

/// The attributes of a department's frame: its label, and its mark's
/// colour (dashed when it was removed).
fn frame(department: &Unit, border: &str) -> Vec<Attribute> {
    let label = Attribute(Id::Plain("label".to_string()), html_label(department));
    match department.mark {
        None => vec![label, attr("style", "rounded"), attr("color", border)],
        Some(mark) => {
            let mut attributes = vec![label];
            attributes.extend(mark_attributes(mark, false));
            if mark == Mark::Removed {
                attributes.retain(|attribute| attribute.0 != Id::Plain("style".to_string()));
                attributes.push(attr("style", "rounded,dashed"));
            } else {
                attributes.push(attr("style", "rounded"));
            }
            attributes
        }
    }
}

/// A role's box in the DOT.
fn role_node(role: &RoleUnit) -> Stmt {
    let mut attributes = vec![Attribute(
        Id::Plain("label".to_string()),
        html_label(&role.unit),
    )];
    if let Some(mark) = role.unit.mark {
        attributes.extend(mark_attributes(mark, true));
    }
    Stmt::Node(Node::new(node_id(&role.unit.name), attributes))
}

/// The size of a box's words in the built-in drawing, in pixels.
const FONT: f64 = 13.0;
/// The size of a note's words.
const SMALL_FONT: f64 = 11.0;
/// The height of a line of a box's words.
const LINE: i64 = 17;
/// The height of a line of a note.
const SMALL_LINE: i64 = 14;
/// The room inside a frame or box, round its contents.
const PAD: i64 = 8;
/// The room between the columns, and under the title.
const GAP: i64 = 16;
/// The room round the picture.
const MARGIN: i64 = 16;
/// The narrowest a department's column is.
const MIN_COLUMN: i64 = 160;

/// A line of text of the built-in drawing.
struct Line {
    text: String,
    small: bool,
    bold: bool,
    colour: &'static str,
    struck: bool,
    /// The kind of change it shows, to group its lines by.
    kind: Option<&'static str>,
    /// Whether it is the first line of its note (or box): a new group
    /// starts with it.
    first: bool,
}

impl Line {
    fn plain(text: String, colour: &'static str) -> Line {
        Line {
            text,
            small: false,
            bold: false,
            colour,
            struck: false,
            kind: None,
            first: true,
        }
    }

    fn height(&self) -> i64 {
        if self.small { SMALL_LINE } else { LINE }
    }

    fn width(&self) -> i64 {
        let size = if self.small { SMALL_FONT } else { FONT };
        (text_width(&self.text) * size).ceil() as i64
    }
}

/// A box of the built-in drawing: its lines and its mark.
type BoxRows = (Vec<Line>, Option<Mark>);

/// A column of the built-in drawing: a department's title lines, its
/// mark, and its roles' boxes.
type Column = (Vec<Line>, Option<Mark>, Vec<BoxRows>);

/// The lines of notes, wrapped, each in its mark's colour.
fn note_rows(notes: &[Note]) -> Vec<Line> {
    notes
        .iter()
        .flat_map(|note| {
            diagram::wrap_all(&note.lines, NOTE_COLUMNS)
                .into_iter()
                .enumerate()
                .map(move |(index, text)| Line {
                    text,
                    small: true,
                    bold: false,
                    colour: note.mark.colours().0,
                    struck: note.struck,
                    kind: Some(note.kind),
                    first: index == 0,
                })
        })
        .collect()
}

/// The lines of a unit's box: its name (bold) and label, struck through
/// when it was removed, then its notes.
fn unit_rows(unit: &Unit, ink: &'static str, extra: Vec<Line>) -> Vec<Line> {
    let removed = unit.mark == Some(Mark::Removed);
    let colour = unit.mark.map_or(ink, |mark| mark.colours().0);
    let mut rows: Vec<Line> = unit_lines(unit)
        .into_iter()
        .enumerate()
        .map(|(index, text)| Line {
            bold: index == 0,
            struck: removed,
            kind: removed.then_some("removed"),
            first: index == 0,
            ..Line::plain(text, colour)
        })
        .collect();
    rows.extend(extra);
    rows.extend(note_rows(&unit.notes));
    rows
}

/// The built-in SVG of the chart, drawn with `options`: the title and
/// the changes under it, then one column per department (and one for
/// the roles in none), each role a box under the department's name, its
/// reporting line written in it.
pub fn svg(chart: &Chart, options: DiagramOptions) -> String {
    let palette = options.theme.palette();
    let lang = options.lang;
    let mut head = vec![Line {
        bold: true,
        ..Line::plain(title(lang), palette.ink)
    }];
    head.extend(chart.caption.iter().map(|caption| Line {
        small: true,
        ..Line::plain(caption.clone(), palette.ink)
    }));
    head.extend(note_rows(&chart.header));
    let mut columns: Vec<Column> = chart
        .departments
        .iter()
        .map(|department| {
            (
                unit_rows(department, palette.ink, Vec::new()),
                department.mark,
                role_boxes(chart, Some(&department.name), palette.ink, lang),
            )
        })
        .collect();
    let homeless = role_boxes(chart, None, palette.ink, lang);
    if !homeless.is_empty() {
        let title = text!("diff-visual-no-department").render(lang);
        columns.push((vec![Line::plain(title, palette.muted)], None, homeless));
    }
    let mut body = String::new();
    let head_height: i64 = head.iter().map(Line::height).sum();
    let top = MARGIN + head_height + GAP;
    let mut x = MARGIN;
    let mut bottom = top;
    for (title, mark, roles) in &columns {
        let inner = roles
            .iter()
            .flat_map(|(rows, _)| rows.iter().map(Line::width))
            .chain(title.iter().map(Line::width))
            .max()
            .unwrap_or(0);
        let width = (inner + 4 * PAD).max(MIN_COLUMN);
        let mut y = top + PAD;
        let mut content = String::new();
        y = write_rows(&mut content, title, (x + PAD, y));
        for (rows, role_mark) in roles {
            y += PAD;
            let height: i64 = rows.iter().map(Line::height).sum::<i64>() + 2 * PAD;
            let (stroke, fill) = role_mark.map_or((palette.ink, palette.step), Mark::colours);
            let _ = write!(
                content,
                "<rect x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{height}\" rx=\"6\" fill=\"{fill}\" stroke=\"{stroke}\"{}/>",
                x + PAD,
                width - 2 * PAD,
                dashes(*role_mark),
            );
            write_rows(&mut content, rows, (x + 2 * PAD, y + PAD));
            y += height;
        }
        let height = y + PAD - top;
        let stroke = mark.map_or(palette.lane_border, |mark| mark.colours().0);
        let _ = write!(
            body,
            "<rect x=\"{x}\" y=\"{top}\" width=\"{width}\" height=\"{height}\" rx=\"8\" fill=\"{}\" stroke=\"{stroke}\"{}/>{content}",
            palette.lanes[0],
            dashes(*mark),
        );
        bottom = bottom.max(top + height);
        x += width + GAP;
    }
    let head_width = head.iter().map(Line::width).max().unwrap_or(0) + 2 * MARGIN;
    let width = (x - GAP + MARGIN).max(head_width);
    let height = bottom + MARGIN;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{}\">\n<rect width=\"{width}\" height=\"{height}\" fill=\"{}\"/>\n",
        escape(&crate::emit::svg::css_font_families(lang)),
        palette.background,
    );
    write_rows(&mut svg, &head, (MARGIN, MARGIN));
    svg.push_str(&body);
    svg.push_str("\n</svg>\n");
    svg
}

/// ` stroke-dasharray` for a removed box.
fn dashes(mark: Option<Mark>) -> &'static str {
    if mark == Some(Mark::Removed) {
        " stroke-dasharray=\"5,3\""
    } else {
        ""
    }
}

/// The boxes of the roles in `department` (none: the roles in no
/// department drawn), each with its reporting line (the old one struck
/// through when it changed).
fn role_boxes(
    chart: &Chart,
    department: Option<&str>,
    ink: &'static str,
    lang: Lang,
) -> Vec<BoxRows> {
    chart
        .roles
        .iter()
        .filter(|role| role.department.as_deref() == department)
        .map(|role| {
            let mut lines: Vec<Line> = role
                .superior
                .iter()
                .map(|superior| Line {
                    small: true,
                    ..Line::plain(reports_to(superior, lang), ink)
                })
                .collect();
            lines.extend(role.old_superior.iter().map(|old| Line {
                small: true,
                struck: true,
                kind: Some("was"),
                ..Line::plain(reports_to(old, lang), Mark::Removed.colours().0)
            }));
            (unit_rows(&role.unit, ink, lines), role.unit.mark)
        })
        .collect()
}

/// Writes `rows` from the top left corner `(x, y)`, the lines of each
/// change (or removed box) in a group of class `change KIND`; returns
/// where the next row starts.
fn write_rows(svg: &mut String, rows: &[Line], (x, mut y): (i64, i64)) -> i64 {
    let mut open = false;
    for row in rows {
        if open && (row.first || row.kind.is_none()) {
            svg.push_str("</g>");
            open = false;
        }
        if let (Some(kind), false) = (row.kind, open) {
            let _ = write!(svg, "<g class=\"change {kind}\">");
            open = true;
        }
        let middle = y + row.height() / 2;
        let size = if row.small { SMALL_FONT } else { FONT };
        let _ = write!(
            svg,
            "<text x=\"{x}\" y=\"{middle}\" dominant-baseline=\"central\" font-size=\"{size}\" fill=\"{}\"{}{}>{}</text>",
            row.colour,
            if row.bold {
                " font-weight=\"bold\""
            } else {
                ""
            },
            if row.struck {
                " text-decoration=\"line-through\""
            } else {
                ""
            },
            escape(&row.text),
        );
        y += row.height();
    }
    if open {
        svg.push_str("</g>");
    }
    y
}
