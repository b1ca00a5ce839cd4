//! Parsing a large file in pieces.
//!
//! pest keeps every token of its input until the parse is over, 40 bytes a
//! token: about 18 times the size of the file, more than the rest of flowc
//! uses. A large file is therefore cut at line starts into pieces of about
//! [`PIECE_BYTES`] that the grammar parses on their own: runs of whole
//! declarations (parsed with `file`), and for a large process its opening,
//! runs of its items and its closing (`process_opening`, `process_items`,
//! `process_closing`). Each piece's tokens are lowered and dropped before
//! the next piece's are made, and pieces are parsed in parallel.
//!
//! The cuts come from a quick scan of braces, quotes and comments. The
//! piece rules are the grammar's own rules cut where `file` and `process`
//! repeat, so a file whose pieces all parse is a file the grammar accepts,
//! with the same tree. When any piece fails, or the scan is confused, the
//! caller parses the whole file again: errors always come from the whole
//! parse, worded and placed exactly as for a small file.

use std::ops::Range;

use pest::Parser;
use rayon::prelude::*;

use super::SyntaxError;
use super::ast::{Comment, Declaration, Process, ProcessItem, SourceTree};
use super::lower::Lowering;
use super::{FlowParser, Rule};

/// The size pieces are cut to, in bytes. Small enough that a piece's tokens
/// are a few megabytes; large enough that starting a parse costs little.
pub(super) const PIECE_BYTES: usize = 64 * 1024;

/// What a piece is, and so which rule parses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Whole declarations (or only blank and comment lines): `file`.
    Declarations,
    /// `process NAME "label" {`: `process_opening`.
    Opening,
    /// Items of the process opened last: `process_items`.
    Items,
    /// The `}` of the process opened last: `process_closing`.
    Closing,
}

/// A piece of the file: its kind and its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    kind: Kind,
    range: Range<usize>,
}

/// What one piece lowers to.
enum Lowered {
    Declarations(Vec<Declaration>),
    Opening(Process),
    Items(Vec<ProcessItem>),
    Closing(usize),
}

/// A lowered piece with its comments, or the errors its values had.
type PieceResult = Result<(Lowered, Vec<Comment>), Vec<SyntaxError>>;

/// Parses `text` in pieces of about `piece_bytes` (the parser uses
/// [`PIECE_BYTES`]; tests use smaller pieces to cut small files too).
/// `None` when a piece does not parse (or the cut went wrong): the caller
/// then parses the whole file, for its errors.
pub(super) fn parse_in_pieces(
    text: &str,
    piece_bytes: usize,
) -> Option<Result<SourceTree, Vec<SyntaxError>>> {
    let pieces = cut(text, piece_bytes);
    let lowered: Vec<Option<PieceResult>> = pieces
        .par_iter()
        .map(|piece| parse_piece(text, piece))
        .collect();
    let mut results = Vec::with_capacity(lowered.len());
    for piece in lowered {
        results.push(piece?);
    }
    Some(assemble(results))
}

/// Parses and lowers one piece; `None` when it does not parse.
fn parse_piece(text: &str, piece: &Piece) -> Option<PieceResult> {
    let rule = match piece.kind {
        Kind::Declarations => Rule::file,
        Kind::Opening => Rule::process_opening,
        Kind::Items => Rule::process_items,
        Kind::Closing => Rule::process_closing,
    };
    let pairs = FlowParser::parse(rule, &text[piece.range.clone()]).ok()?;
    let mut lowering = Lowering::at(piece.range.start);
    let comments = lowering.comments(&pairs);
    let lowered = match piece.kind {
        Kind::Declarations => Lowered::Declarations(lowering.file(pairs)),
        Kind::Opening => Lowered::Opening(lowering.process_opening(pairs)),
        Kind::Items => Lowered::Items(lowering.process_items(pairs)),
        Kind::Closing => Lowered::Closing(lowering.process_closing(pairs)),
    };
    Some(lowering.finish((lowered, comments)))
}

/// The number of items of each process opened in `results`, in order: the
/// items of a large process come in many pieces, and its vector is made
/// that size once rather than doubled as they come (the tree is held beside
/// the model, so the slack counted in `check`'s peak memory).
fn items_per_process(results: &[PieceResult]) -> Vec<usize> {
    let mut counts = Vec::new();
    for result in results.iter().flatten() {
        match &result.0 {
            Lowered::Opening(_) => counts.push(0),
            Lowered::Items(items) => {
                if let Some(count) = counts.last_mut() {
                    *count += items.len();
                }
            }
            Lowered::Declarations(_) | Lowered::Closing(_) => {}
        }
    }
    counts
}

/// Puts the lowered pieces together into the file's tree, or gathers the
/// errors of every piece in source order.
fn assemble(results: Vec<PieceResult>) -> Result<SourceTree, Vec<SyntaxError>> {
    let mut tree = SourceTree {
        declarations: Vec::new(),
        comments: Vec::new(),
    };
    let mut errors = Vec::new();
    let mut open: Option<Process> = None;
    let mut item_counts = items_per_process(&results).into_iter();
    for result in results {
        let (lowered, comments) = match result {
            Ok(piece) => piece,
            Err(found) => {
                errors.extend(found);
                continue;
            }
        };
        tree.comments.extend(comments);
        match lowered {
            Lowered::Declarations(declarations) => tree.declarations.extend(declarations),
            Lowered::Opening(mut process) => {
                process
                    .items
                    .reserve_exact(item_counts.next().unwrap_or_default());
                open = Some(process);
            }
            Lowered::Items(items) => {
                if let Some(process) = open.as_mut() {
                    process.items.extend(items);
                }
            }
            Lowered::Closing(end) => {
                if let Some(mut process) = open.take() {
                    process.span.end = end;
                    tree.declarations.push(Declaration::Process(process));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(tree)
    } else {
        Err(errors)
    }
}

/// A line of the file as the scan sees it.
#[derive(Debug)]
struct Line {
    /// Where it starts.
    start: usize,
    /// How many braces are open where it starts.
    depth: isize,
    /// Its first character that is not a space, unless the line is blank
    /// or only a comment.
    first: Option<char>,
}

/// Cuts `text` into pieces of about `piece_bytes`, in order, covering every
/// byte once: runs of declarations are cut between declarations, a process
/// larger than `piece_bytes` between its items.
fn cut(text: &str, piece_bytes: usize) -> Vec<Piece> {
    let lines = scan(text);
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.depth == 0 && line.first.is_some())
        .map(|(index, _)| index)
        .collect();
    let mut pieces = Vec::new();
    let mut run_start = 0;
    for (position, &first_line) in starts.iter().enumerate() {
        let last_line = starts.get(position + 1).copied().unwrap_or(lines.len());
        let start = lines[first_line].start;
        let end = lines.get(last_line).map_or(text.len(), |line| line.start);
        if end - start > piece_bytes && text[start..].starts_with("process") {
            push_declarations(&mut pieces, run_start..start);
            cut_process(&lines[first_line..last_line], end, piece_bytes, &mut pieces);
            run_start = end;
        } else if start - run_start >= piece_bytes {
            push_declarations(&mut pieces, run_start..start);
            run_start = start;
        }
    }
    push_declarations(&mut pieces, run_start..text.len());
    pieces
}

/// Adds a piece of whole declarations, unless `range` is empty.
fn push_declarations(pieces: &mut Vec<Piece>, range: Range<usize>) {
    if !range.is_empty() {
        pieces.push(Piece {
            kind: Kind::Declarations,
            range,
        });
    }
}

/// Cuts a large process, whose lines are `lines` and which ends at `end`,
/// into its opening, runs of items of about `piece_bytes` and its closing.
fn cut_process(lines: &[Line], end: usize, piece_bytes: usize, pieces: &mut Vec<Piece>) {
    let closing = lines
        .iter()
        .rposition(|line| line.depth == 1 && line.first == Some('}'))
        .unwrap_or(lines.len() - 1);
    let closing_start = lines[closing].start;
    let item_starts: Vec<usize> = lines
        .get(1..closing)
        .unwrap_or_default()
        .iter()
        .filter(|line| line.depth == 1 && line.first.is_some())
        .map(|line| line.start)
        .collect();
    let opening_end = item_starts.first().copied().unwrap_or(closing_start);
    pieces.push(Piece {
        kind: Kind::Opening,
        range: lines[0].start..opening_end,
    });
    let mut run_start = opening_end;
    for &item_start in &item_starts {
        if item_start - run_start >= piece_bytes {
            pieces.push(Piece {
                kind: Kind::Items,
                range: run_start..item_start,
            });
            run_start = item_start;
        }
    }
    if run_start < closing_start {
        pieces.push(Piece {
            kind: Kind::Items,
            range: run_start..closing_start,
        });
    }
    pieces.push(Piece {
        kind: Kind::Closing,
        range: closing_start..end,
    });
}

/// Splits `text` into lines (`\n`, `\r\n` or a lone `\r` ends one) and
/// follows the braces outside quotes and comments.
fn scan(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut depth: isize = 0;
    let mut position = 0;
    while position < bytes.len() {
        let start = position;
        lines.push(Line {
            start,
            depth,
            first: first_word_character(&text[start..]),
        });
        let mut in_quotes = false;
        let mut escaped = false;
        while position < bytes.len() && !matches!(bytes[position], b'\n' | b'\r') {
            // Every byte but these leaves the state as it is (and ends an escape).
            let skipped = bytes[position..]
                .iter()
                .position(|byte| matches!(byte, b'\n' | b'\r' | b'"' | b'#' | b'{' | b'}' | b'\\'))
                .unwrap_or(bytes.len() - position);
            if skipped > 0 {
                escaped = false;
                position += skipped;
                continue;
            }
            let byte = bytes[position];
            position += 1;
            if in_quotes {
                match byte {
                    b'\\' if !escaped => {
                        escaped = true;
                        continue;
                    }
                    b'"' if !escaped => in_quotes = false,
                    _ => {}
                }
                escaped = false;
                continue;
            }
            match byte {
                b'"' => in_quotes = true,
                b'#' => {
                    while position < bytes.len() && !matches!(bytes[position], b'\n' | b'\r') {
                        position += 1;
                    }
                }
                b'{' => depth += 1,
                b'}' => depth -= 1,
                _ => {}
            }
        }
        if bytes.get(position) == Some(&b'\r') {
            position += 1;
        }
        if bytes.get(position) == Some(&b'\n') {
            position += 1;
        }
    }
    lines
}

/// The first character of a line that is not a space, or `None` when the
/// line is blank or only a comment. Spaces are the grammar's `WHITESPACE`.
fn first_word_character(line: &str) -> Option<char> {
    let first = line.chars().find(|c| !is_space(*c))?;
    match first {
        '#' | '\n' | '\r' => None,
        other => Some(other),
    }
}

/// Whether the grammar skips `c` as a space: a space, a tab, a Unicode space
/// separator (Zs) or a byte-order mark.
pub(super) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{FEFF}' | '\u{00A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}
