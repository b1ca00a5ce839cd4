//! Byte ranges into source files, owned by every AST and model node.

use miette::SourceSpan;

/// A half-open byte range `start..end` into one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The empty span at `offset`.
    pub fn at(offset: usize) -> Self {
        Span::new(offset, offset)
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<Span> for SourceSpan {
    fn from(span: Span) -> SourceSpan {
        SourceSpan::from(span.start..span.end)
    }
}

/// The index of a file in a project's file list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub usize);

/// A place in the project: a file and a span in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Location {
    /// The file.
    pub file: FileId,
    /// The range in that file.
    pub span: Span,
}

impl Location {
    /// A location in `file` at `span`.
    pub fn new(file: FileId, span: Span) -> Self {
        Location { file, span }
    }
}

/// Line starts of a text, for turning byte offsets into lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text` (`\n`, `\r\n` and a lone `\r` end a line).
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for offset in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            let ends_line = bytes[offset] == b'\n' || bytes.get(offset + 1) != Some(&b'\n');
            if ends_line {
                starts.push(offset + 1);
            }
        }
        LineIndex { starts }
    }

    /// The 0-based index of the line holding `offset`.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset) - 1
    }

    /// Where the 0-based line `line` starts, if the text has it.
    pub(crate) fn start_of(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// The 1-based line and 1-based column (in characters) of `offset`.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.starts[line];
        let end = offset.min(text.len());
        let column = text
            .get(start..end)
            .map_or(0, |prefix| prefix.chars().count());
        (line + 1, column + 1)
    }
}
