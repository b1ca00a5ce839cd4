//! `textDocument/documentSymbol`: the outline of a file.

use lsp_types::{DocumentSymbol, SymbolKind};

use crate::span::Span;
use crate::syntax;
use crate::syntax::ast::{Declaration, Ident, Label, ProcessItem};

use super::position::Lines;

/// The outline of `text`: departments, roles and processes, each process
/// with its inputs, steps, decisions, parallel blocks, ends and KPIs.
/// Empty while the file does not parse.
pub fn outline(text: &str, lines: &Lines<'_>) -> Vec<DocumentSymbol> {
    let Ok(tree) = syntax::parse(text) else {
        return Vec::new();
    };
    tree.declarations
        .iter()
        .map(|declaration| match declaration {
            Declaration::Department(d) => symbol(
                lines,
                &d.name,
                &d.label,
                d.span,
                SymbolKind::MODULE,
                "department",
                None,
            ),
            Declaration::Role(r) => symbol(
                lines,
                &r.name,
                &r.label,
                r.span,
                SymbolKind::CLASS,
                "role",
                None,
            ),
            Declaration::Process(process) => {
                let children = process
                    .items
                    .iter()
                    .filter_map(|item| process_item(lines, item))
                    .collect();
                symbol(
                    lines,
                    &process.name,
                    &process.label,
                    process.span,
                    SymbolKind::NAMESPACE,
                    "process",
                    Some(children),
                )
            }
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
        _ => return None,
    })
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
