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
//! The cuts come from a quick scan of braces, quotes and comments, run in
//! parallel on parts of the file. The piece rules are the grammar's own
//! rules cut where `file` and `process` repeat, so a file whose pieces all
//! parse is a file the grammar accepts, with the same tree. When any piece fails, or the scan is confused, the
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

/// A line of the file that holds a word, as the scan sees it.
#[derive(Debug)]
struct Line {
    /// Where it starts.
    start: usize,
    /// How many braces are open where it starts.
    depth: isize,
    /// Its first character that is not a space.
    first: char,
}

/// Cuts `text` into pieces of about `piece_bytes`, in order, covering every
/// byte once: runs of declarations are cut between declarations, a process
/// larger than `piece_bytes` between its items.
fn cut(text: &str, piece_bytes: usize) -> Vec<Piece> {
    let lines = scan(text, piece_bytes.saturating_mul(PIECES_PER_SCAN_PART));
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.depth == 0)
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
        .rposition(|line| line.depth == 1 && line.first == '}')
        .unwrap_or(lines.len() - 1);
    let closing_start = lines[closing].start;
    let item_starts: Vec<usize> = lines
        .get(1..closing)
        .unwrap_or_default()
        .iter()
        .filter(|line| line.depth == 1)
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

/// How many pieces the part of the text one thread scans holds: at
/// [`PIECE_BYTES`], parts of 1 MiB (tests cut small pieces, so small
/// parts too).
const PIECES_PER_SCAN_PART: usize = 16;

/// The lines of `text` a cut can start at (`\n`, `\r\n` or a lone `\r`
/// ends a line), following the braces outside quotes and comments: the
/// lines that hold a word and start at the top level or one brace deep.
///
/// The text is scanned in parts of about `part_bytes`, in parallel:
/// each part starts after a `\n`, so at a line start, and its depths are
/// counted from 0 and moved by the braces the parts before it leave open.
fn scan(text: &str, part_bytes: usize) -> Vec<Line> {
    let scanned: Vec<(Vec<Line>, isize)> = scan_parts(text, part_bytes)
        .into_par_iter()
        .map(|part| scan_part(text, part))
        .collect();
    let mut lines = Vec::new();
    let mut open = 0;
    for (part, change) in scanned {
        lines.extend(
            part.into_iter()
                .map(|line| Line {
                    depth: line.depth + open,
                    ..line
                })
                .filter(|line| matches!(line.depth, 0 | 1)),
        );
        open += change;
    }
    lines
}

/// `text` cut after a `\n` every `part_bytes` or so.
fn scan_parts(text: &str, part_bytes: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut parts = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let end = bytes
            .get(start + part_bytes..)
            .and_then(|rest| memchr::memchr(b'\n', rest))
            .map_or(bytes.len(), |line_end| start + part_bytes + line_end + 1);
        parts.push(start..end);
        start = end;
    }
    parts
}

/// The lines of `part` that hold a word, with the depth each starts at
/// counted from the part's start, and the depth the part ends at.
///
/// Quotes and comments end with their line, so a line without a brace or
/// a quote leaves the depth as it is: line ends and those three bytes are
/// found with `memchr`'s vector search, and only the lines holding one of
/// them are read byte by byte.
fn scan_part(text: &str, part: Range<usize>) -> (Vec<Line>, isize) {
    let bytes = &text.as_bytes()[..part.end];
    let mut lines = Vec::new();
    let mut depth: isize = 0;
    let mut line_ends = memchr::memchr2_iter(b'\n', b'\r', &bytes[part.start..]);
    let mut marks = memchr::memchr3_iter(b'{', b'}', b'"', &bytes[part.start..]).peekable();
    let mut start = part.start;
    while start < part.end {
        let end = line_ends
            .find(|&end| part.start + end >= start)
            .map_or(part.end, |end| part.start + end);
        if let Some(first) = first_word_character(&text[start..part.end]) {
            lines.push(Line {
                start,
                depth,
                first,
            });
        }
        if marks.next_if(|&mark| part.start + mark < end).is_some() {
            while marks.next_if(|&mark| part.start + mark < end).is_some() {}
            for_code_bytes(&bytes[start..end], |_, byte| {
                match byte {
                    b'{' => depth += 1,
                    b'}' => depth -= 1,
                    _ => {}
                }
                true
            });
        }
        start = end + line_end_length(&bytes[end..]);
    }
    (lines, depth)
}

/// The length of the line end at the start of `rest`: 2 for `\r\n`, 1 for
/// `\n` or a lone `\r`, 0 at the end of the text.
fn line_end_length(rest: &[u8]) -> usize {
    match rest {
        [b'\r', b'\n', ..] => 2,
        [] => 0,
        _ => 1,
    }
}

/// Calls `visit` with the offset and value of each byte of `line` (one
/// line, without its end) that is neither inside quotes nor in a comment,
/// quotes included, until `visit` returns `false`. A `\` inside quotes
/// escapes the byte after it.
pub(super) fn for_code_bytes(line: &[u8], mut visit: impl FnMut(usize, u8) -> bool) {
    let mut in_quotes = false;
    let mut escaped = false;
    for (offset, &byte) in line.iter().enumerate() {
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
            b'#' => return,
            b'"' => in_quotes = true,
            _ => {}
        }
        if !visit(offset, byte) {
            return;
        }
    }
}

/// The first character of a line that is not a space, or `None` when the
/// line is blank or only a comment. Spaces are the grammar's `WHITESPACE`.
fn first_word_character(line: &str) -> Option<char> {
    // Spaces and tabs are the only spaces below U+0080: past them, an
    // ASCII byte is the answer without decoding.
    let ascii_spaces = line
        .bytes()
        .take_while(|byte| matches!(byte, b' ' | b'\t'))
        .count();
    let first = match line.as_bytes().get(ascii_spaces) {
        Some(&byte) if byte.is_ascii() => byte as char,
        _ => line[ascii_spaces..].chars().find(|c| !is_space(*c))?,
    };
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
