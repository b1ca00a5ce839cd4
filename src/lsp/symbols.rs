//! `textDocument/documentSymbol`: the outline of a file.

use lsp_types::{DocumentSymbol, SymbolKind};

use crate::span::Span;
use crate::syntax;
use crate::syntax::ast::{Broken, Declaration, Ident, Label, ProcessItem};

use super::position::Lines;

/// The outline of `text`: departments, roles and processes, each process
/// with its inputs, steps, decisions, parallel blocks, ends and KPIs.
/// Items that do not parse are shown by the name they declare, if any.
pub fn outline(text: &str, lines: &Lines<'_>) -> Vec<DocumentSymbol> {
    let tree = syntax::parse_recovering(text).tree;
    tree.declarations
        .iter()
        .filter_map(|declaration| match declaration {
            Declaration::Department(d) => Some(symbol(
                lines,
                &d.name,
                &d.label,
                d.span,
                SymbolKind::MODULE,
                "department",
                None,
            )),
            Declaration::Role(r) => Some(symbol(
                lines,
                &r.name,
                &r.label,
                r.span,
                SymbolKind::CLASS,
                "role",
                None,
            )),
            Declaration::Process(process) => {
                let children = process
                    .items
                    .iter()
                    .filter_map(|item| process_item(lines, item))
                    .collect();
                Some(symbol(
                    lines,
                    &process.name,
                    &process.label,
                    process.span,
                    SymbolKind::NAMESPACE,
                    "process",
                    Some(children),
                ))
            }
            Declaration::Broken(broken) => broken_symbol(lines, broken),
        })
        .collect()
}

fn process_item(lines: &Lines<'_>, item: &ProcessItem) -> Option<DocumentSymbol> {
    Some(match item {
        ProcessItem::Step(s) => symbol(
            lines,
            &s.name,
            &s.label,
            s.span,
            SymbolKind::FUNCTION,
            "step",
            None,
        ),
        ProcessItem::Decision(d) => symbol(
            lines,
            &d.name,
            &d.label,
            d.span,
            SymbolKind::OPERATOR,
            "decision",
            None,
        ),
        ProcessItem::Parallel(p) => symbol(
            lines,
            &p.name,
            &p.label,
            p.span,
            SymbolKind::STRUCT,
            "parallel block",
            None,
        ),
        ProcessItem::End(e) => symbol(
            lines,
            &e.name,
            &e.label,
            e.span,
            SymbolKind::EVENT,
            "end",
            None,
        ),
        ProcessItem::Input(i) => symbol(
            lines,
            &i.name,
            &None,
            i.span,
            SymbolKind::VARIABLE,
            "input",
            None,
        ),
        ProcessItem::Kpi(k) => symbol(
            lines,
            &k.name,
            &k.label,
            k.span,
            SymbolKind::CONSTANT,
            "KPI",
            None,
        ),
        ProcessItem::Call(c) => symbol(
            lines,
            &c.name,
            &c.label,
            c.span,
            SymbolKind::METHOD,
            "call",
            None,
        ),
        ProcessItem::Broken(broken) => return broken_symbol(lines, broken),
        ProcessItem::Category(..)
        | ProcessItem::Owner(..)
        | ProcessItem::Applicant(..)
        | ProcessItem::Review(_)
        | ProcessItem::Version(_)
        | ProcessItem::Sla(..)
        | ProcessItem::Note(_)
        | ProcessItem::Start(..) => return None,
    })
}

/// An item that does not parse, by the name it declares (none when its
/// first line does not read `KEYWORD NAME`).
fn broken_symbol(lines: &Lines<'_>, broken: &Broken) -> Option<DocumentSymbol> {
    let keyword = broken.keyword.as_deref()?;
    let name = broken.name.as_ref()?;
    let kind = match keyword {
        "department" => SymbolKind::MODULE,
        "role" => SymbolKind::CLASS,
        "process" => SymbolKind::NAMESPACE,
        "step" => SymbolKind::FUNCTION,
        "decide" => SymbolKind::OPERATOR,
        "parallel" => SymbolKind::STRUCT,
        "end" => SymbolKind::EVENT,
        "input" => SymbolKind::VARIABLE,
        "kpi" => SymbolKind::CONSTANT,
        _ => return None,
    };
    let noun = format!("{keyword} (does not parse)");
    Some(symbol(lines, name, &None, broken.span, kind, &noun, None))
}

#[allow(deprecated)] // `deprecated` is a required field of the struct.
fn symbol(
    lines: &Lines<'_>,
    name: &Ident,
    label: &Option<Label>,
    span: Span,
    kind: SymbolKind,
    noun: &str,
    children: Option<Vec<DocumentSymbol>>,
) -> DocumentSymbol {
    let detail = match label {
        Some(label) => format!("{noun} {}", label.text),
        None => noun.to_string(),
    };
    DocumentSymbol {
        name: name.text.clone(),
        detail: Some(detail),
        kind,
        tags: None,
        deprecated: None,
        range: lines.range(span),
        selection_range: lines.range(name.span),
        children,
    }
}
