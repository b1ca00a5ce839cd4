//! Parse errors in words a person understands.
//!
//! pest reports the grammar rules it expected; this module renames them
//! ("`}`", "a duration such as `2 business days`"), names the block that is
//! still open ("expected `}` to close step `apply`") and what was found.

use pest::error::{ErrorVariant, InputLocation};

use super::is_keyword;
use super::keywords::Block;
use super::mistakes;
use super::{Rule, SyntaxError};
use crate::span::Span;

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
        Rule::owner | Rule::step_owner => "`owner`",
        Rule::applicant => "`applicant`",
        Rule::owners_any => "`any of`",
        Rule::owners_all => "`all of`",
        Rule::owners_quorum => "a quorum such as `2 of`",
        Rule::party => "a role, `applicant` or `manager of ...`",
        Rule::manager_of => "`manager of`",
        Rule::notify => "`notify`",
        Rule::notify_moment => "`started`, `done`, `rejected` or `overdue`",
        Rule::consult => "`consult`",
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

/// The words that may start a line in each kind of block.
const TOP_LEVEL_ITEMS: &[&str] = Block::File.line_starts();
const STEP_ITEMS: &[&str] = Block::Step.line_starts();
const DECISION_ITEMS: &[&str] = Block::Decision.line_starts();
const PARALLEL_ITEMS: &[&str] = Block::Parallel.line_starts();

/// Turns a pest error into a [`SyntaxError`].
pub(super) fn from_pest(text: &str, error: &pest::error::Error<Rule>) -> SyntaxError {
    from_pest_at(text, error, 0)
}

/// Turns a pest error on a part of `text` that starts at byte `shift` into
/// a [`SyntaxError`] worded as for the whole file: error recovery parses a
/// file item by item.
pub(super) fn from_pest_at(
    text: &str,
    error: &pest::error::Error<Rule>,
    shift: usize,
) -> SyntaxError {
    let offset = shift
        + match error.location {
            InputLocation::Pos(offset) => offset,
            InputLocation::Span((start, _)) => start,
        };
    let offset = if shift > 0 {
        skip_spaces(text, offset)
    } else {
        offset
    };
    let expected: Vec<Rule> = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives
            .iter()
            .copied()
            .filter(|rule| *rule != Rule::COMMENT)
            .collect(),
        ErrorVariant::CustomError { message } => {
            return SyntaxError::new(
                Span::at(offset),
                message.clone(),
                "simplify this part of the file",
            );
        }
    };
    describe(text, offset, expected)
}

/// `offset`, moved past the spaces (not the line ends) that follow it: a
/// part parsed on its own can end before the indentation of the next line.
pub(super) fn skip_spaces(text: &str, offset: usize) -> usize {
    let rest = text.get(offset..).unwrap_or_default();
    offset + (rest.len() - rest.trim_start_matches([' ', '\t']).len())
}

/// The error at `offset` of `text`, where the grammar expected `expected`.
pub(super) fn describe(text: &str, offset: usize, expected: Vec<Rule>) -> SyntaxError {
    if let Some(error) = mistakes::recognise(text, offset, &expected) {
        return error;
    }
    if text[offset..].starts_with('"') {
        return SyntaxError::new(
            Span::new(offset, offset + 1),
            "this quoted text is not closed on its line",
            "end it with `\"` on the same line; write `\\\"` for a quote inside it",
        );
    }
    let found = found_at(text, offset);
    let span = Span::new(offset, offset + found.len_in_source);
    let line_start = text[..offset]
        .rfind(['\n', '\r'])
        .map_or(0, |index| index + 1);
    let starts_line = text[line_start..offset].trim().is_empty();
    let open_block = innermost_open_block(&text[..offset]);
    if expected.contains(&Rule::block_end)
        && let Some(block) = &open_block
    {
        return inside_block(text, block, &found, span);
    }
    let expected: Vec<Rule> = if starts_line && expected.iter().any(|rule| !is_line_end(*rule)) {
        expected
            .into_iter()
            .filter(|rule| !is_line_end(*rule))
            .collect()
    } else {
        expected
    };
    let mut words: Vec<String> = Vec::new();
    for rule in expected {
        let word = expected_words(rule);
        if !words.contains(&word) {
            words.push(word);
        }
    }
    let mut message = format!("expected {}, found {}", list(&words), found.description);
    if let Some(hint) = full_width_hint(&found.word) {
        message.push_str(&format!(" ({hint})"));
    }
    let keywords = if starts_line && open_block.is_none() {
        TOP_LEVEL_ITEMS
    } else {
        &[]
    };
    let help = match closest_keyword(&found.word, keywords) {
        Some(keyword) => format!("did you mean `{keyword}`?"),
        None if words.iter().any(|word| word == "the end of the line") => {
            "put each item on a line of its own".to_string()
        }
        None => format!("write {} here", list(&words)),
    };
    SyntaxError::new(span, message, help)
}

fn is_line_end(rule: Rule) -> bool {
    matches!(rule, Rule::line_end | Rule::EOI)
}

/// An error where a block's line or its closing `}` was expected.
fn inside_block(text: &str, block: &OpenBlock, found: &Found, span: Span) -> SyntaxError {
    let noun = block_noun(&block.keyword);
    let items = block_items(&block.keyword);
    let holds = format!("a {noun} holds lines starting with {}", quoted_list(items));
    if found.word.is_empty() && found.description == "the end of the file" {
        let name_span = Span::new(block.name_offset, block.name_offset + block.name.len());
        return SyntaxError::new(
            if block.name.is_empty() {
                Span::at(text.len())
            } else {
                name_span
            },
            format!(
                "{noun} `{}` is not closed: the file ends before its `}}`",
                block.name
            ),
            format!(
                "add `}}` on a line of its own where {noun} `{}` ends",
                block.name
            ),
        );
    }
    if let Some(keyword) = closest_keyword(&found.word, items) {
        return SyntaxError::new(
            span,
            format!(
                "`{}` is not something a {noun} holds; did you mean `{keyword}`?",
                found.word
            ),
            holds,
        );
    }
    let belongs_elsewhere = STEP_ITEMS
        .iter()
        .chain(DECISION_ITEMS)
        .chain(PARALLEL_ITEMS)
        .chain(["category", "review", "sla", "input", "start", "kpi"].iter())
        .any(|keyword| *keyword == found.word);
    if belongs_elsewhere {
        return SyntaxError::new(
            span,
            format!(
                "`{}` does not belong in a {noun} (`{}`)",
                found.word, block.name
            ),
            holds,
        );
    }
    let mut message = format!(
        "expected `}}` to close {noun} `{}`, found {}",
        block.name, found.description
    );
    if let Some(hint) = full_width_hint(&found.word) {
        message.push_str(&format!(" ({hint})"));
    }
    SyntaxError::new(
        span,
        message,
        format!("{holds}; close it with `}}` on a line of its own"),
    )
}

/// The block a keyword opens (a parallel block for a word that opens none,
/// which the light scan can find in a broken file).
fn block_of(keyword: &str) -> Block {
    Block::opened_by(keyword).unwrap_or(Block::Parallel)
}

/// What a person calls the block a keyword opens.
fn block_noun(keyword: &str) -> &'static str {
    block_of(keyword).noun()
}

/// The keywords that may start a line in a block.
fn block_items(keyword: &str) -> &'static [&'static str] {
    block_of(keyword).line_starts()
}

/// "`a`, `b` or `c`"
fn quoted_list(keywords: &[&str]) -> String {
    let quoted: Vec<String> = keywords
        .iter()
        .map(|keyword| format!("`{keyword}`"))
        .collect();
    list(&quoted)
}

/// The keyword `word` is probably a misspelling of.
fn closest_keyword(word: &str, keywords: &[&'static str]) -> Option<&'static str> {
    if word.is_empty() || keywords.contains(&word) {
        return None;
    }
    keywords
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

/// A hint when the word starts with full-width punctuation, which Chinese
/// keyboards type easily.
fn full_width_hint(word: &str) -> Option<&'static str> {
    let hint = match word.chars().next()? {
        '：' => "a full-width colon; write the ASCII `:`",
        '，' | '、' => "a full-width comma; write the ASCII `,`",
        '（' => "a full-width parenthesis; write the ASCII `(`",
        '）' => "a full-width parenthesis; write the ASCII `)`",
        '→' | '－' => "write the arrow as the two ASCII characters `->`",
        '＝' | '＞' | '＜' => "a full-width sign; write the ASCII `=`, `>` or `<`",
        '“' | '”' | '＂' => "a curly or full-width quote; labels use the ASCII `\"`",
        '｛' | '｝' => "a full-width brace; write the ASCII `{` or `}`",
        _ => return None,
    };
    Some(hint)
}

/// What the parser found at the error.
struct Found {
    word: String,
    description: String,
    len_in_source: usize,
}

/// Describes the word at `offset`.
fn found_at(text: &str, offset: usize) -> Found {
    let rest = &text[offset..];
    let Some(first) = rest.chars().next() else {
        return Found {
            word: String::new(),
            description: "the end of the file".to_string(),
            len_in_source: 0,
        };
    };
    if first == '\n' || first == '\r' {
        return Found {
            word: String::new(),
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
        word,
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

/// A block opened with `{` and not yet closed.
struct OpenBlock {
    keyword: String,
    name: String,
    name_offset: usize,
}

/// The innermost block still open at the end of `before`, found by a light
/// scan of words and braces (quotes and comments skipped).
fn innermost_open_block(before: &str) -> Option<OpenBlock> {
    let mut open: Vec<OpenBlock> = Vec::new();
    let mut line_offset = 0;
    for line in before.split_inclusive(['\n', '\r']) {
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
            let after_keyword = line
                .find(keyword.as_str())
                .map_or(0, |index| index + keyword.len());
            let name_offset = line_offset
                + after_keyword
                + line[after_keyword..].find(name.as_str()).unwrap_or(0);
            open.push(OpenBlock {
                keyword,
                name,
                name_offset,
            });
        }
        line_offset += line.len();
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
