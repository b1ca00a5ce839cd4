//! `textDocument/publishDiagnostics`: flowc's diagnostics in LSP terms.
//!
//! Same rules and messages as `flowc check`; the help line follows the
//! message, and the other places involved become related information.

use lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    PublishDiagnosticsParams, Uri,
};

use crate::diagnostics::{self as flowc, Severity};

use super::position::Encoding;
use super::workspace::Snapshot;

/// The diagnostics of every file of the project, one entry per file (empty
/// for clean files, so old diagnostics are cleared).
pub(crate) fn for_project(
    snapshot: &Snapshot,
    encoding: Encoding,
) -> Vec<PublishDiagnosticsParams> {
    let mut per_file: Vec<Vec<Diagnostic>> = vec![Vec::new(); snapshot.uris.len()];
    // The diagnostics are sorted by place: each file's lines are indexed
    // once, not once per diagnostic.
    for in_file in snapshot
        .analysis
        .diagnostics
        .chunk_by(|a, b| a.at.file == b.at.file)
    {
        let file = in_file[0].at.file;
        let lines = snapshot.lines(file, encoding);
        per_file[file.0].extend(
            in_file
                .iter()
                .map(|diagnostic| convert(snapshot, diagnostic, &lines, encoding)),
        );
    }
    snapshot
        .uris
        .iter()
        .zip(per_file)
        .map(|(uri, diagnostics)| PublishDiagnosticsParams::new(uri.clone(), diagnostics, None))
        .collect()
}

/// One diagnostic in LSP terms, given the lines of its file.
fn convert(
    snapshot: &Snapshot,
    diagnostic: &flowc::Diagnostic,
    lines: &super::position::Lines,
    encoding: Encoding,
) -> Diagnostic {
    let lang = snapshot.lang();
    let range = lines.range(diagnostic.at.span);
    let related = diagnostic
        .related
        .iter()
        .map(|related| DiagnosticRelatedInformation {
            location: Location::new(
                snapshot.uris[related.at.file.0].clone(),
                snapshot
                    .lines(related.at.file, encoding)
                    .range(related.at.span),
            ),
            message: related.label.render(lang),
        })
        .collect::<Vec<_>>();
    Diagnostic {
        range,
        severity: Some(match diagnostic.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(diagnostic.rule.to_string())),
        source: Some("flowc".to_string()),
        message: crate::diagnostics::with_help(diagnostic, lang),
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}

/// The flowc diagnostic an LSP diagnostic stands for (same rule, same
/// range), when there is one.
pub fn find<'a>(
    snapshot: &'a Snapshot,
    uri: &Uri,
    lsp: &Diagnostic,
    encoding: Encoding,
) -> Option<&'a flowc::Diagnostic> {
    let file = snapshot.file_of(uri)?;
    let lines = snapshot.lines(file, encoding);
    let rule = match &lsp.code {
        Some(NumberOrString::String(rule)) => rule.as_str(),
        _ => return None,
    };
    snapshot.analysis.diagnostics.iter().find(|diagnostic| {
        diagnostic.at.file == file
            && diagnostic.rule == rule
            && lines.range(diagnostic.at.span) == lsp.range
    })
}
