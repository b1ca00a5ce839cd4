//! Diagnostics with their places as paths, lines and columns: what the
//! machine formats (JSON, SARIF, GitHub) print.

use crate::diagnostics::{Diagnostic, Severity};
use crate::i18n::Text;
use crate::source::SourceFile;
use crate::span::{LineIndex, Location};

/// The diagnostics of one project with the files their places point into.
#[derive(Debug, Clone, Copy)]
pub struct Batch<'a> {
    /// The diagnostics, sorted by place.
    pub diagnostics: &'a [Diagnostic],
    /// The project's files, indexed by `FileId`.
    pub files: &'a [SourceFile],
}

/// A range of a file in 1-based lines and columns (columns count
/// characters); the end is the position just after the last character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// The file as shown to the user (relative to the working directory
    /// when under it), with `/` separators.
    pub file: String,
    /// First line.
    pub line: usize,
    /// First column.
    pub column: usize,
    /// Line of the end.
    pub end_line: usize,
    /// Column just after the last character.
    pub end_column: usize,
}

/// A related place, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedRelated<'a> {
    /// Where.
    pub region: Region,
    /// What is there.
    pub label: &'a Text,
}

/// A diagnostic with its places located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<'a> {
    /// The diagnostic.
    pub diagnostic: &'a Diagnostic,
    /// Its primary place.
    pub region: Region,
    /// Other places involved.
    pub related: Vec<LocatedRelated<'a>>,
}

impl Located<'_> {
    /// The rule's name.
    pub fn rule(&self) -> &'static str {
        self.diagnostic.rule
    }

    /// The severity.
    pub fn severity(&self) -> Severity {
        self.diagnostic.severity
    }
}

/// Every diagnostic of every batch, located, in batch order.
pub(crate) fn locate<'a>(batches: &[Batch<'a>]) -> Vec<Located<'a>> {
    let mut located = Vec::new();
    for batch in batches {
        let mut locator = Locator::new(batch.files);
        for diagnostic in batch.diagnostics {
            let region = locator.region(diagnostic.at);
            let related = diagnostic
                .related
                .iter()
                .map(|related| LocatedRelated {
                    region: locator.region(related.at),
                    label: &related.label,
                })
                .collect();
            located.push(Located {
                diagnostic,
                region,
                related,
            });
        }
    }
    located
}

/// Turns locations into regions, indexing each file's lines once.
struct Locator<'a> {
    files: &'a [SourceFile],
    indexes: Vec<Option<LineIndex>>,
}

impl<'a> Locator<'a> {
    fn new(files: &'a [SourceFile]) -> Self {
        Locator {
            files,
            indexes: vec![None; files.len()],
        }
    }

    fn region(&mut self, at: Location) -> Region {
        let file = &self.files[at.file.0];
        let index = self.indexes[at.file.0].get_or_insert_with(|| LineIndex::new(&file.text));
        let (line, column) = index.position(&file.text, at.span.start);
        let (end_line, end_column) = index.position(&file.text, at.span.end);
        Region {
            file: shown_path(file),
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// The file's path as shown, with `/` separators on every system.
fn shown_path(file: &SourceFile) -> String {
    file.path
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
        .replace("//", "/")
}
