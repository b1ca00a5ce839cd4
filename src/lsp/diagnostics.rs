//! `textDocument/publishDiagnostics`: flowc's diagnostics in LSP terms.
//!
//! Same rules and messages as `flowc check`; the help line follows the
//! message, and the other places involved become related information.

use lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    PublishDiagnosticsParams, Uri,
};

use crate::diagnostics::{self as flowc, Severity};
use crate::i18n::Lang;
use crate::span::FileId;

use super::position::Encoding;
use super::workspace::{Checked, Snapshot};

/// What a file's LSP diagnostics are made from: its flowc diagnostics, the
/// language they are written in and the texts (hashed) of the files they
/// point into. Equal sources make equal LSP diagnostics, so a file whose
/// source is what it was need not be converted again.
#[derive(Debug, PartialEq)]
pub(crate) struct Source {
    diagnostics: Vec<flowc::Diagnostic>,
    lang: Lang,
    texts: Vec<u64>,
}

/// The diagnostics of the files of the project that `convert` asks for
/// (given each file's URI and [`Source`]), one entry per file (empty for
/// clean files, so old diagnostics are cleared).
pub(crate) fn for_project(
    snapshot: &Checked,
    encoding: Encoding,
    mut convert: impl FnMut(&Uri, Source) -> bool,
) -> Vec<PublishDiagnosticsParams> {
    let mut per_file: Vec<&[flowc::Diagnostic]> = vec![&[]; snapshot.uris.len()];
    // The diagnostics are sorted by place.
    for in_file in snapshot.diagnostics.chunk_by(|a, b| a.at.file == b.at.file) {
        per_file[in_file[0].at.file.0] = in_file;
    }
    let mut converted = Vec::new();
    for (index, (uri, in_file)) in snapshot.uris.iter().zip(per_file).enumerate() {
        if !convert(uri, source(snapshot, FileId(index), in_file)) {
            continue;
        }
        let diagnostics = match in_file.first() {
            Some(first) => {
                let lines = snapshot.lines(first.at.file, encoding);
                in_file
                    .iter()
                    .map(|diagnostic| convert_one(snapshot, diagnostic, &lines, encoding))
                    .collect()
            }
            None => Vec::new(),
        };
        converted.push(PublishDiagnosticsParams::new(
            uri.clone(),
            diagnostics,
            None,
        ));
    }
    converted
}

/// The source of a file's LSP diagnostics.
fn source(snapshot: &Snapshot, file: FileId, diagnostics: &[flowc::Diagnostic]) -> Source {
    let mut files: Vec<FileId> = diagnostics
        .iter()
        .flat_map(|diagnostic| diagnostic.related.iter().map(|related| related.at.file))
        .collect();
    if !diagnostics.is_empty() {
        files.push(file);
    }
    files.sort();
    files.dedup();
    Source {
        diagnostics: diagnostics.to_vec(),
        lang: snapshot.lang(),
        texts: files
            .into_iter()
            .map(|file| snapshot.text_hash(file))
            .collect(),
    }
}

/// One diagnostic in LSP terms, given the lines of its file.
fn convert_one(
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
    snapshot: &'a Checked,
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
    snapshot.diagnostics.iter().find(|diagnostic| {
        diagnostic.at.file == file
            && diagnostic.rule == rule
            && lines.range(diagnostic.at.span) == lsp.range
    })
}
