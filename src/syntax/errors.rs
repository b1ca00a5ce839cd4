//! Parse errors in words a person understands.
//!
//! pest reports the grammar rules it expected; this module renames them
//! ("`}`", "a duration such as `2 business days`"), names the block that is
//! still open ("expected `}` to close step `apply`") and what was found.

use pest::error::{ErrorVariant, InputLocation};

use super::Rule;
use super::lower::is_keyword;
use crate::span::Span;

/// A syntax error: where, what, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Where the problem is.
    pub span: Span,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl SyntaxError {
    /// A syntax error at `span`.
    pub fn new(span: Span, message: impl Into<String>, help: impl Into<String>) -> Self {
        SyntaxError {
            span,
            message: message.into(),
            help: help.into(),
        }
    }
}

/// Words for a grammar rule in an "expected ..." list.
fn expected_words(rule: Rule) -> String {
    let words = match rule {
        Rule::EOI => "the end of the file",
        Rule::line_end => "the end of the line",
        Rule::block_start => "`{`",
        Rule::block_end => "`}`",
        Rule::arrow => "`->`",
        Rule::comma => "`,`",
        Rule::colon => "`:`",
        Rule::paren_open => "`(`",
        Rule::paren_close => "`)`",
        Rule::name => "a name",
        Rule::label => "a quoted label",
        Rule::text => "quoted text",
        Rule::duration | Rule::integer => "a duration such as `2 business days`",
        Rule::duration_unit => {
            "a unit of time (`minutes`, `hours`, `days`, `business days`, `weeks`, `months`, `years`)"
        }
        Rule::date => "a date such as `2026-03-01`",
        Rule::decimal => "a number",
        Rule::money => "an amount such as `5000 CNY`",
        Rule::currency => "a three-letter currency code such as `CNY`",
        Rule::percentage => "a percentage such as `85%`",
        Rule::category_kind => "`business`, `management` or `approval`",
        Rule::comparator => "a comparison (`<`, `<=`, `>`, `>=`, `==`, `!=`)",
        Rule::kpi_statistic => "a statistic (`p50`, `p90`, `p95`, `avg`, `max`)",
        Rule::kpi_bound => "`under`, `at most`, `at least` or `over`",
        Rule::money_type => "`money`",
        Rule::number_type => "`number`",
        Rule::text_type => "`text`",
        Rule::yes_no_type => "`yes/no`",
        Rule::date_type => "`date`",
        Rule::choice_type => "`one of`",
        Rule::file => "`department`, `role` or `process`",
        Rule::department => "`department`",
        Rule::role => "`role`",
        Rule::role_department => "`in`",
        Rule::role_superior => "`reports to`",
        Rule::process => "`process`",
        Rule::category => "`category`",
        Rule::owner => "`owner`",
        Rule::review => "`review`",
        Rule::sla => "`sla`",
        Rule::input => "`input`",
        Rule::start => "`start`",
        Rule::step => "`step`",
        Rule::within => "`within`",
        Rule::remind => "`remind after`",
        Rule::escalate => "`escalate after`",
        Rule::outcome => "`on`",
        Rule::next => "`next`",
        Rule::decision => "`decide`",
        Rule::when_branch => "`when`",
        Rule::otherwise_branch => "`otherwise`",
        Rule::parallel => "`parallel`",
        Rule::branch => "`branch`",
        Rule::end_node => "`end`",
        Rule::kpi => "`kpi`",
        Rule::condition | Rule::any_of | Rule::all_of | Rule::negation | Rule::comparison => {
            "a condition such as `amount > 5000 CNY`"
        }
        Rule::group => "`(`",
        keyword if is_keyword(keyword) => return format!("`{}`", &format!("{keyword:?}")[3..]),
        _ => "something else",
    };
    words.to_string()
}

/// Turns a pest error into a [`SyntaxError`].
pub(super) fn from_pest(text: &str, error: &pest::error::Error<Rule>) -> SyntaxError {
    let offset = match error.location {
        InputLocation::Pos(offset) => offset,
        InputLocation::Span((start, _)) => start,
    };
    let expected = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { message } => {
            return SyntaxError::new(
                Span::at(offset),
                message.clone(),
                "simplify this part of the file",
            );
        }
    };
    let found = found_at(text, offset);
    let span = Span::new(offset, offset + found.len_in_source);
    if text[offset..].starts_with('"') {
        return SyntaxError::new(
            Span::new(offset, offset + 1),
            "this quoted text is not closed on its line",
            "end the label with `\"` on the same line; write `\\\"` for a quote inside it",
        );
    }
    let open_block = innermost_open_block(&text[..offset]);
    let expects_close = expected.contains(&Rule::block_end);
    let mut words: Vec<String> = Vec::new();
    for rule in expected.into_iter().filter(|rule| *rule != Rule::COMMENT) {
        let word = expected_words(rule);
        if !words.contains(&word) {
            words.push(word);
        }
    }
    let message = match (&open_block, expects_close) {
        (Some(block), true) => format!(
            "expected `}}` to close {} `{}`, found {}",
            block.keyword, block.name, found.description
        ),
        _ => format!("expected {}, found {}", list(&words), found.description),
    };
    let help = help_for(&words, open_block.as_ref(), expects_close);
    SyntaxError::new(span, message, help)
}

/// What the parser found at the error.
struct Found {
    description: String,
    len_in_source: usize,
}

/// Describes the word at `offset`.
fn found_at(text: &str, offset: usize) -> Found {
    let rest = &text[offset..];
    let Some(first) = rest.chars().next() else {
        return Found {
            description: "the end of the file".to_string(),
            len_in_source: 0,
        };
    };
    if first == '\n' || first == '\r' {
        return Found {
            description: "the end of the line".to_string(),
            len_in_source: 0,
        };
    }
    let word_len = rest
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(rest.len(), |(index, _)| index);
    let len = word_len.max(first.len_utf8());
    let word: String = rest[..len].chars().take(40).collect();
    Found {
        description: format!("`{}`", visible(&word)),
        len_in_source: len,
    }
}

/// The text with control characters written as escapes.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// "a, b or c"
fn list(words: &[String]) -> String {
    match words {
        [] => "something else".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

/// The help line: what may go here.
fn help_for(words: &[String], open_block: Option<&OpenBlock>, expects_close: bool) -> String {
    match open_block {
        Some(block) if expects_close => format!(
            "a {} holds lines starting with {}; close it with `}}` on a line of its own",
            block.keyword,
            block_items(&block.keyword)
        ),
        _ if words.iter().any(|word| word == "the end of the line") => {
            "put each item on a line of its own".to_string()
        }
        _ => format!("write {} here", list(words)),
    }
}

/// The lines a block may hold, for help lines.
fn block_items(keyword: &str) -> &'static str {
    match keyword {
        "process" => {
            "`category`, `owner`, `review`, `sla`, `input`, `start`, `step`, `decide`, `parallel`, `end` or `kpi`"
        }
        "step" => "`owner`, `within`, `remind after`, `escalate after`, `on` or `next`",
        "decide" => "`when CONDITION -> TARGET` or `otherwise -> TARGET`",
        _ => "`branch STEP` or `next TARGET`",
    }
}

/// A block opened with `{` and not yet closed.
struct OpenBlock {
    keyword: String,
    name: String,
}

/// The innermost block still open at the end of `before`, found by a light
/// scan of words and braces (quotes and comments skipped).
fn innermost_open_block(before: &str) -> Option<OpenBlock> {
    let mut open: Vec<OpenBlock> = Vec::new();
    for line in before.split(['\n', '\r']) {
        let code = strip_comment(line);
        for brace in code.chars().filter(|c| *c == '{' || *c == '}') {
            if brace == '}' {
                open.pop();
                continue;
            }
            let mut words = code.split_whitespace();
            let keyword = words.next().unwrap_or_default().to_string();
            let name = words
                .next()
                .unwrap_or_default()
                .trim_end_matches('{')
                .to_string();
            open.push(OpenBlock { keyword, name });
        }
    }
    open.pop()
}

/// A line without its comment or quoted text.
fn strip_comment(line: &str) -> String {
    let mut code = String::with_capacity(line.len());
    let mut in_quotes = false;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if in_quotes && !escaped => {
                escaped = true;
                continue;
            }
            '"' if !escaped => in_quotes = !in_quotes,
            '#' if !in_quotes => break,
            _ if !in_quotes => code.push(c),
            _ => {}
        }
        escaped = false;
    }
    code
}
