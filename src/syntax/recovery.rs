//! Error recovery: a file that does not parse as a whole is parsed item by
//! item, so one mistake hides nothing else.
//!
//! A quick scan of braces, quotes and comments cuts the file into its
//! declarations, and a process that does not parse into its opening, its
//! items and its closing `}`, the way `pieces` cuts a large file. Each part
//! is parsed with the grammar's own rules (`file`, `process_opening`,
//! `process_items`, `process_closing`). A part that does not parse becomes
//! a [`Broken`] node holding its text, the keyword it starts with and the
//! name it declares, and parsing goes on with the next part. A block whose
//! braces are unbalanced ends where the next line starts a block of the same
//! level (`process` at the top, `step`, `decide` or `parallel` in a
//! process), so a missing `}` costs one item, not the rest of the file.
//!
//! Errors are worded by `errors` against the whole text, so a part's error
//! reads as it would in the whole parse; the first error of the file is the
//! whole parse's own.

use std::ops::Range;

use pest::Parser;

use super::SyntaxError;
use super::ast::{Broken, Comment, Declaration, Ident, Process, ProcessItem, SourceTree};
use super::errors;
use super::keywords::{self, Block};
use super::lower::Lowering;
use super::pieces::is_space;
use super::{FlowParser, Rule};

/// The keywords whose line declares a name: `KEYWORD NAME ...`.
const DECLARING: &[&str] = &[
    "department",
    "role",
    "process",
    "input",
    "step",
    "decide",
    "parallel",
    "end",
    "kpi",
];

/// A line of the file as recovery sees it.
#[derive(Debug)]
struct Line<'a> {
    /// Where it starts.
    start: usize,
    /// Where its text ends, before the line end.
    end: usize,
    /// Where its first word starts, unless it is blank or only a comment.
    first: Option<usize>,
    /// Its first word (up to a space, `{`, `"`, `:` or `#`), if any.
    word: &'a str,
    /// Whether its first character (after spaces) is `}`.
    closes: bool,
    /// How the brace depth changes over it (quotes and comments skipped).
    delta: isize,
    /// Its comment, if it has one.
    comment: Option<Range<usize>>,
}

/// A part of the file parsed on its own.
#[derive(Debug, Clone)]
struct Part {
    /// Its lines, as indices into the scan.
    lines: Range<usize>,
    /// Its bytes.
    bytes: Range<usize>,
}

/// What recovery has gathered so far.
#[derive(Default)]
struct Gathered {
    declarations: Vec<Declaration>,
    comments: Vec<Comment>,
    /// Each error with the bytes of the part it was found in.
    errors: Vec<(SyntaxError, Range<usize>)>,
}

/// Parses `text` part by part. `first` is the whole parse's error, if the
/// grammar rejected the file (rather than a value in it): it replaces the
/// error of the part it falls in, so the first error reads exactly as
/// without recovery.
pub(super) fn recover(text: &str, first: Option<SyntaxError>) -> (SourceTree, Vec<SyntaxError>) {
    let lines = scan(text);
    let mut gathered = Gathered::default();
    for part in foreign_runs_merged(&lines, declaration_parts(text, &lines)) {
        declaration(text, &lines, &part, &mut gathered);
    }
    let mut errors = gathered.errors;
    if let Some(first) = first {
        let at = first.span.start;
        let holder = errors.iter().position(|(_, bytes)| {
            bytes.contains(&at) || (at == text.len() && bytes.end == text.len())
        });
        match holder {
            Some(index) => errors[index].0 = first,
            None => errors.push((first, 0..0)),
        }
    }
    let mut errors: Vec<SyntaxError> = errors.into_iter().map(|(error, _)| error).collect();
    errors.sort_by_key(|error| (error.span.start, error.span.end));
    errors.dedup();
    let tree = SourceTree {
        declarations: gathered.declarations,
        comments: gathered.comments,
    };
    (tree, errors)
}

/// Cuts the file into declarations: a declaration starts at each line with
/// a word where no block is open, and at each `department`, `role` or
/// `process` line whatever is open (the block before it was not closed),
/// except a call's `process NAME` line.
fn declaration_parts(text: &str, lines: &[Line]) -> Vec<Part> {
    let mut starts = Vec::new();
    let mut depth: isize = 0;
    for (index, line) in lines.iter().enumerate() {
        if line.first.is_none() {
            continue;
        }
        if depth <= 0 || starts_declaration(line) {
            depth = 0;
            starts.push(index);
        }
        depth += line.delta;
    }
    let mut parts = Vec::with_capacity(starts.len());
    for (position, &first_line) in starts.iter().enumerate() {
        let end_line = starts.get(position + 1).copied().unwrap_or(lines.len());
        let start = if position == 0 {
            0
        } else {
            lines[first_line].start
        };
        let end = lines.get(end_line).map_or(text.len(), |line| line.start);
        let first_line = if position == 0 { 0 } else { first_line };
        parts.push(Part {
            lines: first_line..end_line,
            bytes: start..end,
        });
    }
    parts
}

/// Merges each run of consecutive parts that are not process text (their
/// first word is no keyword and no misspelling of one: a binary file, an
/// environment dump, a README saved as `.flow`) into one part, so such a
/// run is one broken item with one error at its first line, not one error
/// quoting each line.
fn foreign_runs_merged(lines: &[Line], parts: Vec<Part>) -> Vec<Part> {
    let mut merged: Vec<Part> = Vec::with_capacity(parts.len());
    let mut previous_foreign = false;
    for part in parts {
        let foreign = is_foreign(lines, &part);
        match merged.last_mut() {
            Some(last) if foreign && previous_foreign => {
                last.lines.end = part.lines.end;
                last.bytes.end = part.bytes.end;
            }
            _ => merged.push(part),
        }
        previous_foreign = foreign;
    }
    merged
}

/// Whether a part's first word is neither a keyword nor a misspelling of a
/// declaring one.
fn is_foreign(lines: &[Line], part: &Part) -> bool {
    lines[part.lines.clone()]
        .iter()
        .find(|line| line.first.is_some())
        .is_some_and(|line| intended_keyword(line.word).is_none())
}

/// Parses one declaration, recovering inside a process that does not parse.
fn declaration(text: &str, lines: &[Line], part: &Part, gathered: &mut Gathered) {
    let error = match FlowParser::parse(Rule::file, &text[part.bytes.clone()]) {
        Ok(pairs) => {
            let mut lowering = Lowering::at(part.bytes.start);
            let comments = lowering.comments(&pairs);
            let declarations = lowering.file(pairs);
            match lowering.finish(declarations) {
                Ok(declarations) => {
                    gathered.declarations.extend(declarations);
                    gathered.comments.extend(comments);
                }
                Err(found) => {
                    let broken = broken(text, lines, part, gathered);
                    gathered.declarations.push(Declaration::Broken(broken));
                    errors_in(gathered, found, part);
                }
            }
            return;
        }
        Err(error) => errors::from_pest_at(text, &error, part.bytes.start),
    };
    let opening = lines[part.lines.clone()]
        .iter()
        .find(|line| line.first.is_some());
    if opening.is_some_and(|line| line.word == "process" && line.delta > 0)
        && let Some(process) = process(text, lines, part, gathered)
    {
        gathered.declarations.push(Declaration::Process(process));
        return;
    }
    let broken = broken(text, lines, part, gathered);
    gathered.declarations.push(Declaration::Broken(broken));
    gathered.errors.push((error, part.bytes.clone()));
}

/// Records the errors found while lowering a part.
fn errors_in(gathered: &mut Gathered, found: Vec<SyntaxError>, part: &Part) {
    gathered
        .errors
        .extend(found.into_iter().map(|error| (error, part.bytes.clone())));
}

/// Recovers a process item by item; `None` when its opening line does not
/// parse (the whole declaration is then broken).
fn process(text: &str, lines: &[Line], part: &Part, gathered: &mut Gathered) -> Option<Process> {
    let opening_line = (part.lines.start..part.lines.end).find(|&i| lines[i].first.is_some())?;
    let (items, closing) = item_parts(lines, opening_line + 1..part.lines.end);
    let opening_end = items
        .first()
        .or(closing.as_ref())
        .map_or(part.bytes.end, |next| lines[next.start].start);
    let opening_bytes = lines[opening_line].start..opening_end;
    let pairs = FlowParser::parse(Rule::process_opening, &text[opening_bytes.clone()]).ok()?;
    let mut lowering = Lowering::at(opening_bytes.start);
    let comments = lowering.comments(&pairs);
    let opening = lowering.process_opening(pairs);
    let mut process = lowering.finish(opening).ok()?;
    comments_of(text, lines, part.lines.start..opening_line, None, gathered);
    gathered.comments.extend(comments);
    let item_end = closing
        .as_ref()
        .map_or(part.bytes.end, |closing| lines[closing.start].start);
    for (index, item) in items.iter().enumerate() {
        let end = items
            .get(index + 1)
            .map_or(item_end, |next| lines[next.start].start);
        let item_part = Part {
            lines: item.clone(),
            bytes: lines[item.start].start..end,
        };
        process
            .items
            .extend(process_items(text, lines, &item_part, gathered));
    }
    process.span.end = match closing {
        Some(closing) => closing_brace(text, lines, &closing, part, gathered),
        None => {
            let at = errors::skip_spaces(text, part.bytes.end);
            let error = errors::describe(text, at, vec![Rule::block_end]);
            gathered.errors.push((error, part.bytes.clone()));
            last_code_end(lines, part.lines.clone()).unwrap_or(process.span.end)
        }
    };
    Some(process)
}

/// Cuts the lines of a process body into items and finds its closing `}`:
/// an item starts at each line with a word at the process's level, and at
/// each `step`, `decide` or `parallel` line inside a block left open.
fn item_parts(lines: &[Line], body: Range<usize>) -> (Vec<Range<usize>>, Option<Range<usize>>) {
    let mut starts = Vec::new();
    let mut closing = None;
    let mut depth: isize = 1;
    for index in body.clone() {
        let line = &lines[index];
        if line.first.is_none() {
            continue;
        }
        if depth <= 1 && line.closes {
            closing = Some(index);
        } else if depth <= 1 || starts_process_item(line.word) {
            depth = 1;
            starts.push(index);
        }
        depth += line.delta;
    }
    if let Some(closing_line) = closing
        && starts.last().is_some_and(|&last| last > closing_line)
    {
        closing = None;
    }
    let item_end = closing.unwrap_or(body.end);
    let items = starts
        .iter()
        .enumerate()
        .map(|(position, &start)| start..starts.get(position + 1).copied().unwrap_or(item_end))
        .collect();
    (items, closing.map(|line| line..body.end))
}

/// Whether a line inside an open block starts a declaration: a
/// `department`, `role` or `process` line, but not a line of a call block
/// (`process NAME` names the process called, and opens no block).
fn starts_declaration(line: &Line) -> bool {
    Block::File.line_starts().contains(&line.word)
        && !(Block::Call.line_starts().contains(&line.word) && line.delta <= 0)
}

/// Whether a line starting with `word` can only be an item of a process
/// (not a line of a step, decision or parallel block): inside a block left
/// open, it starts the next item.
fn starts_process_item(word: &str) -> bool {
    Block::Process.line_starts().contains(&word)
        && [Block::Step, Block::Decision, Block::Parallel, Block::Call]
            .iter()
            .all(|block| !block.line_starts().contains(&word))
}

/// Parses the lines of one process item; a broken one becomes a
/// [`ProcessItem::Broken`].
fn process_items(
    text: &str,
    lines: &[Line],
    part: &Part,
    gathered: &mut Gathered,
) -> Vec<ProcessItem> {
    match FlowParser::parse(Rule::process_items, &text[part.bytes.clone()]) {
        Ok(pairs) => {
            let mut lowering = Lowering::at(part.bytes.start);
            let comments = lowering.comments(&pairs);
            let items = lowering.process_items(pairs);
            match lowering.finish(items) {
                Ok(items) => {
                    gathered.comments.extend(comments);
                    items
                }
                Err(found) => {
                    errors_in(gathered, found, part);
                    vec![ProcessItem::Broken(broken(text, lines, part, gathered))]
                }
            }
        }
        Err(error) => {
            let error = errors::from_pest_at(text, &error, part.bytes.start);
            gathered.errors.push((error, part.bytes.clone()));
            vec![ProcessItem::Broken(broken(text, lines, part, gathered))]
        }
    }
}

/// Parses the `}` that closes a process; returns where the process ends.
fn closing_brace(
    text: &str,
    lines: &[Line],
    closing: &Range<usize>,
    part: &Part,
    gathered: &mut Gathered,
) -> usize {
    let bytes = lines[closing.start].start..part.bytes.end;
    match FlowParser::parse(Rule::process_closing, &text[bytes.clone()]) {
        Ok(pairs) => {
            let lowering = Lowering::at(bytes.start);
            gathered.comments.extend(lowering.comments(&pairs));
            lowering.process_closing(pairs)
        }
        Err(error) => {
            let error = errors::from_pest_at(text, &error, bytes.start);
            gathered.errors.push((error, bytes));
            comments_of(text, lines, closing.clone(), None, gathered);
            lines[closing.start].end
        }
    }
}

/// The error node for a part: its text from its first word to the end of
/// its last line with a word. Comments outside that text are kept as
/// comments; those inside stay part of the text.
fn broken(text: &str, lines: &[Line], part: &Part, gathered: &mut Gathered) -> Broken {
    let first_line = lines[part.lines.clone()]
        .iter()
        .find(|line| line.first.is_some());
    let start = first_line
        .and_then(|line| line.first)
        .unwrap_or(part.bytes.start);
    let end = last_code_end(lines, part.lines.clone()).unwrap_or(part.bytes.end);
    let span = crate::span::Span::new(start, end.max(start));
    comments_of(
        text,
        lines,
        part.lines.clone(),
        Some(start..span.end),
        gathered,
    );
    let written = first_line.map_or("", |line| line.word);
    let keyword = intended_keyword(written);
    let name = keyword
        .filter(|word| DECLARING.contains(word))
        .and_then(|_| declared_name(text, start + written.len()));
    Broken {
        keyword: keyword.map(str::to_string),
        name,
        span,
    }
}

/// The keyword a line starting with `word` was meant to start with: the
/// word itself when it is a keyword, else the declaring keyword it is a
/// close misspelling of (`rol` for `role`), so the name after it still
/// counts as declared.
fn intended_keyword(word: &str) -> Option<&'static str> {
    if let Some(keyword) = keywords::KEYWORDS.iter().find(|keyword| **keyword == word) {
        return Some(keyword);
    }
    DECLARING
        .iter()
        .map(|keyword| {
            (
                strsim::normalized_damerau_levenshtein(word, keyword),
                *keyword,
            )
        })
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, keyword)| keyword)
}

/// Keeps the comments of `lines` that lie outside `inside`.
fn comments_of(
    text: &str,
    lines: &[Line],
    range: Range<usize>,
    inside: Option<Range<usize>>,
    gathered: &mut Gathered,
) {
    for line in &lines[range] {
        if let Some(comment) = &line.comment
            && !inside
                .as_ref()
                .is_some_and(|inside| inside.contains(&comment.start))
        {
            gathered.comments.push(Comment {
                text: text[comment.clone()].to_string(),
                span: crate::span::Span::new(comment.start, comment.end),
            });
        }
    }
}

/// Where the last line with a word among `range` ends.
fn last_code_end(lines: &[Line], range: Range<usize>) -> Option<usize> {
    lines[range]
        .iter()
        .rev()
        .find(|line| line.first.is_some())
        .map(|line| line.end)
}

/// The name written after a keyword that ends at `after`, if the words
/// there read as a name (letters of any script, digits and `_`, not
/// starting with a digit).
fn declared_name(text: &str, after: usize) -> Option<Ident> {
    let rest = text.get(after..)?;
    let skipped = rest.len() - rest.trim_start_matches(is_space).len();
    if skipped == 0 {
        return None;
    }
    let start = after + skipped;
    let word = &text[start..];
    let mut end = start;
    for (index, c) in word.char_indices() {
        let fits = if index == 0 {
            c.is_alphabetic() || c == '_'
        } else {
            c.is_alphanumeric() || c == '_' || is_combining(c)
        };
        if !fits {
            break;
        }
        end = start + index + c.len_utf8();
    }
    (end > start).then(|| Ident {
        text: text[start..end].to_string(),
        span: crate::span::Span::new(start, end),
    })
}

/// Whether `c` is a combining mark (names may hold them after the first
/// character, as `XID_CONTINUE` allows).
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{3099}'..='\u{309A}')
}

/// Splits `text` into lines (`\n`, `\r\n` or a lone `\r` ends one) and reads
/// each line's first word, braces and comment.
fn scan(text: &str) -> Vec<Line<'_>> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut position = 0;
    while position < bytes.len() {
        let start = position;
        while position < bytes.len() && !matches!(bytes[position], b'\n' | b'\r') {
            position += 1;
        }
        lines.push(read_line(text, start, position));
        if bytes.get(position) == Some(&b'\r') {
            position += 1;
        }
        if bytes.get(position) == Some(&b'\n') {
            position += 1;
        }
    }
    lines
}

/// Reads the line of `text` from `start` to `end` (its line end excluded).
fn read_line(text: &str, start: usize, end: usize) -> Line<'_> {
    let line = &text[start..end];
    let code_start = line.len() - line.trim_start_matches(is_space).len();
    let code = &line[code_start..];
    let first = (!code.is_empty() && !code.starts_with('#')).then_some(start + code_start);
    let word_len = code
        .find(|c: char| is_space(c) || matches!(c, '{' | '}' | '"' | ':' | '#'))
        .unwrap_or(code.len());
    let mut delta = 0;
    let mut comment = None;
    let mut in_quotes = false;
    let mut escaped = false;
    // Braces inside quotes not closed yet: when the line ends inside them
    // (a label missing its closing `"`), they count, as the writer meant.
    let mut quoted_delta = 0;
    for (index, c) in line.char_indices() {
        if in_quotes {
            match c {
                '{' => quoted_delta += 1,
                '}' => quoted_delta -= 1,
                '\\' if !escaped => {
                    escaped = true;
                    continue;
                }
                '"' if !escaped => in_quotes = false,
                _ => {}
            }
            escaped = false;
            continue;
        }
        match c {
            '"' => {
                in_quotes = true;
                quoted_delta = 0;
            }
            '#' => {
                comment = Some(start + index..end);
                break;
            }
            '{' => delta += 1,
            '}' => delta -= 1,
            _ => {}
        }
    }
    if in_quotes {
        delta += quoted_delta;
    }
    Line {
        start,
        end,
        first,
        word: if first.is_some() {
            &code[..word_len.max(usize::from(code.starts_with('}')))]
        } else {
            ""
        },
        closes: code.starts_with('}'),
        delta,
        comment,
    }
}
