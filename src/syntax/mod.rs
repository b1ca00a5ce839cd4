//! Syntax: `.flow` text to a typed [`ast::SourceTree`] with spans.
//!
//! This is the only module that touches pest. [`parse`] runs the grammar in
//! `grammar/flow.pest`, turns pest's errors into [`SyntaxError`]s worded for
//! people, and lowers the pairs with one function per grammar rule.

pub mod ast;
mod errors;
pub mod keywords;
mod lower;
mod mistakes;
mod pieces;
mod recovery;

use pest::Parser;

use crate::i18n::Text;
use crate::source::MAX_FILE_BYTES;
use crate::span::Span;
use pieces::PIECE_BYTES;

/// The pest parser generated from `grammar/flow.pest`.
#[derive(pest_derive::Parser)]
#[grammar = "../grammar/flow.pest"]
pub struct FlowParser;

/// The most rule calls one parse may make: far above what a file of the
/// largest size needs, so it only stops runaway backtracking.
const MAX_PARSER_CALLS: usize = 1 << 31;

/// Sets pest's call limit once per process.
static CALL_LIMIT: std::sync::Once = std::sync::Once::new();

/// The deepest nesting of parentheses a condition may have.
pub const MAX_NESTING: usize = 64;

/// A file parsed with recovery: the tree of everything that parsed, with
/// each broken item as an error node ([`ast::Broken`]), and every syntax
/// error of the file in source order.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The tree; complete when `errors` is empty.
    pub tree: ast::SourceTree,
    /// Every syntax error, in source order.
    pub errors: Vec<SyntaxError>,
}

/// Parses one file with recovery: a broken item (a line, or a block whose
/// braces are unbalanced) becomes an error node and parsing goes on with
/// the next item, so every error of the file is found in one run.
///
/// Values the grammar accepts but that are invalid (a date such as
/// `2026-02-30`, a number too large) are errors too, and make their item
/// broken. A large file is parsed in pieces so that memory stays a small
/// multiple of its size; its errors are found as for any file.
pub fn parse_recovering(text: &str) -> Parsed {
    if let Err(errors) = prepare(text) {
        return Parsed {
            tree: empty_tree(),
            errors,
        };
    }
    if text.len() > 2 * PIECE_BYTES
        && let Some(Ok(tree)) = pieces::parse_in_pieces(text, PIECE_BYTES)
    {
        return Parsed {
            tree,
            errors: Vec::new(),
        };
    }
    parse_pairs(text)
}

/// Parses one file. Returns the tree when the file is free of errors, else
/// every syntax error found ([`parse_recovering`] keeps the tree too).
pub fn parse(text: &str) -> Result<ast::SourceTree, Vec<SyntaxError>> {
    into_result(parse_recovering(text))
}

/// A condition written alone, as `.flow` writes it after `when`
/// (`amount > 5000 CNY`), as a tree; `None` when `text` is not one whole
/// condition. Bare names stay literals (the model tells values apart).
pub fn parse_condition(text: &str) -> Option<ast::Condition> {
    let pair = FlowParser::parse(Rule::condition, text).ok()?.next()?;
    if pair.as_str() != text {
        return None;
    }
    lower::lower_condition(pair).ok()
}

/// Parses `text` in one go, whatever its size: how [`parse`] reads a small
/// file, and how it finds the errors of any file. Tests compare it with the
/// parse in pieces.
pub fn parse_whole(text: &str) -> Result<ast::SourceTree, Vec<SyntaxError>> {
    prepare(text)?;
    into_result(parse_pairs(text))
}

/// The tree of a file without errors, or its errors.
fn into_result(parsed: Parsed) -> Result<ast::SourceTree, Vec<SyntaxError>> {
    if parsed.errors.is_empty() {
        Ok(parsed.tree)
    } else {
        Err(parsed.errors)
    }
}

/// The tree of a file with nothing in it.
fn empty_tree() -> ast::SourceTree {
    ast::SourceTree {
        declarations: Vec::new(),
        comments: Vec::new(),
    }
}

/// Parses `text` cut into pieces of about `piece_bytes`, whatever its size;
/// `None` when a piece does not parse. [`parse`] does this for large files;
/// tests and the fuzzer compare it, on small pieces, with the whole parse.
pub fn parse_in_pieces(
    text: &str,
    piece_bytes: usize,
) -> Option<Result<ast::SourceTree, Vec<SyntaxError>>> {
    if let Err(errors) = prepare(text) {
        return Some(Err(errors));
    }
    pieces::parse_in_pieces(text, piece_bytes)
}

/// Checks the limits and sets pest's call limit, before any parse.
fn prepare(text: &str) -> Result<(), Vec<SyntaxError>> {
    check_limits(text)?;
    CALL_LIMIT.call_once(|| {
        pest::set_call_limit(std::num::NonZeroUsize::new(MAX_PARSER_CALLS));
    });
    Ok(())
}

/// Runs the grammar on a whole file and lowers its pairs; when the file
/// has errors, recovers item by item.
fn parse_pairs(text: &str) -> Parsed {
    let first = match FlowParser::parse(Rule::file, text) {
        Ok(pairs) => match lower::lower_file(pairs) {
            Ok(tree) => {
                return Parsed {
                    tree,
                    errors: Vec::new(),
                };
            }
            Err(_) => None,
        },
        Err(error) => Some(errors::from_pest(text, &error)),
    };
    let (tree, errors) = recovery::recover(text, first);
    Parsed { tree, errors }
}

/// Refuses input that would make the parser work too hard: huge files and
/// deep nesting of parentheses.
fn check_limits(text: &str) -> Result<(), Vec<SyntaxError>> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(vec![too_large(text.len() as u64)]);
    }
    if let Some(offset) = too_deep_nesting(text) {
        return Err(vec![SyntaxError::new(
            Span::new(offset, offset + 1),
            crate::text!("syntax-too-deep", max = MAX_NESTING),
            crate::text!("syntax-too-deep-help"),
        )]);
    }
    Ok(())
}

/// The error for a file of `bytes` bytes, over [`MAX_FILE_BYTES`].
pub(crate) fn too_large(bytes: u64) -> SyntaxError {
    SyntaxError::new(
        Span::at(0),
        crate::text!(
            "syntax-file-too-large",
            bytes = bytes.to_string(),
            limit = MAX_FILE_BYTES.to_string()
        ),
        crate::text!("syntax-file-too-large-help"),
    )
}

/// The offset of the first `(` nested deeper than [`MAX_NESTING`], ignoring
/// parentheses inside quotes and comments.
fn too_deep_nesting(text: &str) -> Option<usize> {
    // Most files have fewer parentheses than the limit: then none can be
    // nested too deeply, and the scan below is not needed.
    if memchr::memchr_iter(b'(', text.as_bytes())
        .take(MAX_NESTING + 1)
        .count()
        <= MAX_NESTING
    {
        return None;
    }
    // Quotes and comments end with their line, so only a line with a
    // parenthesis can change the depth: the others are not read.
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut read_to = 0;
    for paren in memchr::memchr2_iter(b'(', b')', bytes) {
        if paren < read_to {
            continue;
        }
        let start = memchr::memrchr2(b'\n', b'\r', &bytes[..paren]).map_or(0, |end| end + 1);
        read_to =
            memchr::memchr2(b'\n', b'\r', &bytes[paren..]).map_or(bytes.len(), |end| paren + end);
        let mut too_deep = None;
        pieces::for_code_bytes(&bytes[start..read_to], |offset, byte| {
            match byte {
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                _ => return true,
            }
            if depth > MAX_NESTING {
                too_deep = Some(start + offset);
            }
            too_deep.is_none()
        });
        if too_deep.is_some() {
            return too_deep;
        }
    }
    None
}

/// Whether a rule is a keyword.
fn is_keyword(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::kw_department
            | Rule::kw_role
            | Rule::kw_in
            | Rule::kw_reports
            | Rule::kw_to
            | Rule::kw_process
            | Rule::kw_category
            | Rule::kw_owner
            | Rule::kw_applicant
            | Rule::kw_notify
            | Rule::kw_consult
            | Rule::kw_manager
            | Rule::kw_any
            | Rule::kw_all
            | Rule::kw_review
            | Rule::kw_every
            | Rule::kw_last
            | Rule::kw_sla
            | Rule::kw_input
            | Rule::kw_money
            | Rule::kw_one
            | Rule::kw_of
            | Rule::kw_start
            | Rule::kw_step
            | Rule::kw_within
            | Rule::kw_remind
            | Rule::kw_after
            | Rule::kw_escalate
            | Rule::kw_on
            | Rule::kw_next
            | Rule::kw_decide
            | Rule::kw_when
            | Rule::kw_otherwise
            | Rule::kw_and
            | Rule::kw_or
            | Rule::kw_not
            | Rule::kw_parallel
            | Rule::kw_branch
            | Rule::kw_end
            | Rule::kw_kpi
            | Rule::kw_under
            | Rule::kw_over
            | Rule::kw_at
            | Rule::kw_most
            | Rule::kw_least
            | Rule::kw_version
            | Rule::kw_effective
            | Rule::kw_note
            | Rule::kw_record
            | Rule::kw_timeout
            | Rule::kw_call
            | Rule::kw_with
    )
}

/// A syntax error: where, what, and how to fix it.
#[derive(Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Where the problem is.
    pub span: Span,
    /// What is wrong.
    pub message: Text,
    /// How to fix it.
    pub help: Text,
}

/// Shows the words in English, as logs and test failures read them.
impl std::fmt::Debug for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyntaxError")
            .field("span", &self.span)
            .field("message", &self.message.english())
            .field("help", &self.help.english())
            .finish()
    }
}

impl SyntaxError {
    /// A syntax error at `span`.
    pub fn new(span: Span, message: impl Into<Text>, help: impl Into<Text>) -> Self {
        SyntaxError {
            span,
            message: message.into(),
            help: help.into(),
        }
    }
}
