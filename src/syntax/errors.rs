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
use crate::i18n::Text;
use crate::span::Span;
use crate::text;

/// Words for a grammar rule in an "expected ..." list: flowc's words
/// (`syntax-expected`), or the code to write, shown as it is.
fn expected_words(rule: Rule) -> Text {
    let what = match rule {
        Rule::EOI => "end-of-file",
        Rule::line_end => "end-of-line",
        Rule::block_start => return code("`{`"),
        Rule::block_end => return code("`}`"),
        Rule::arrow => return code("`->`"),
        Rule::comma => return code("`,`"),
        Rule::colon => return code("`:`"),
        Rule::paren_open | Rule::group => return code("`(`"),
        Rule::paren_close => return code("`)`"),
        Rule::name => "name",
        Rule::label => "label",
        Rule::text => "text",
        Rule::duration | Rule::integer => "duration",
        Rule::duration_unit => "duration-unit",
        Rule::date => "date",
        Rule::decimal => "number",
        Rule::money => "money",
        Rule::currency => "currency",
        Rule::percentage => "percentage",
        Rule::category_kind => "category",
        Rule::comparator => "comparator",
        Rule::kpi_statistic => "statistic",
        Rule::kpi_bound => "kpi-bound",
        Rule::money_type => return code("`money`"),
        Rule::number_type => return code("`number`"),
        Rule::text_type => return code("`text`"),
        Rule::yes_no_type => return code("`yes/no`"),
        Rule::date_type => return code("`date`"),
        Rule::choice_type => return code("`one of`"),
        Rule::file => "file",
        Rule::department => return code("`department`"),
        Rule::role => return code("`role`"),
        Rule::role_department => return code("`in`"),
        Rule::role_superior => return code("`reports to`"),
        Rule::process => return code("`process`"),
        Rule::category => return code("`category`"),
        Rule::owner | Rule::step_owner => return code("`owner`"),
        Rule::applicant => return code("`applicant`"),
        Rule::owners_any => return code("`any of`"),
        Rule::owners_all => return code("`all of`"),
        Rule::owners_quorum => "quorum",
        Rule::party => "party",
        Rule::manager_of => return code("`manager of`"),
        Rule::notify => return code("`notify`"),
        Rule::notify_moment => "notify-moment",
        Rule::consult => return code("`consult`"),
        Rule::review => return code("`review`"),
        Rule::sla => return code("`sla`"),
        Rule::input => return code("`input`"),
        Rule::start => return code("`start`"),
        Rule::step => return code("`step`"),
        Rule::within => return code("`within`"),
        Rule::remind => return code("`remind after`"),
        Rule::escalate => return code("`escalate after`"),
        Rule::outcome => return code("`on`"),
        Rule::next => return code("`next`"),
        Rule::decision => return code("`decide`"),
        Rule::when_branch => return code("`when`"),
        Rule::otherwise_branch => return code("`otherwise`"),
        Rule::parallel => return code("`parallel`"),
        Rule::branch => return code("`branch`"),
        Rule::end_node => return code("`end`"),
        Rule::kpi => return code("`kpi`"),
        Rule::condition | Rule::any_of | Rule::all_of | Rule::negation | Rule::comparison => {
            "condition"
        }
        keyword if is_keyword(keyword) => {
            return code(&format!("`{}`", &format!("{keyword:?}")[3..]));
        }
        _ => "other",
    };
    text!("syntax-expected", what = what)
}

/// Code of the language, the same in every language.
fn code(code: &str) -> Text {
    Text::verbatim(code)
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
                Text::verbatim(message),
                text!("syntax-custom-help"),
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
            text!("syntax-unclosed-quote"),
            text!("syntax-unclosed-quote-help"),
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
    let mut words: Vec<Text> = Vec::new();
    for rule in expected {
        let word = expected_words(rule);
        if !words.contains(&word) {
            words.push(word);
        }
    }
    let message = with_hint(
        text!(
            "syntax-expected-found",
            expected = list(&words),
            found = found.description.clone()
        ),
        &found.word,
    );
    let keywords = if starts_line && open_block.is_none() {
        TOP_LEVEL_ITEMS
    } else {
        &[]
    };
    let help = match closest_keyword(&found.word, keywords) {
        Some(keyword) => text!("did-you-mean", name = keyword),
        None if words.contains(&expected_words(Rule::line_end)) => {
            text!("syntax-one-item-per-line")
        }
        None => text!("syntax-write-here", expected = list(&words)),
    };
    SyntaxError::new(span, message, help)
}

fn is_line_end(rule: Rule) -> bool {
    matches!(rule, Rule::line_end | Rule::EOI)
}

/// An error where a block's line or its closing `}` was expected.
fn inside_block(text: &str, block: &OpenBlock, found: &Found, span: Span) -> SyntaxError {
    let noun = block_noun(&block.keyword);
    let a_noun = text!("thing-kind-with-article", kind = noun.replace(' ', "-"));
    let noun = text!("thing-kind", kind = noun.replace(' ', "-"));
    let items = block_items(&block.keyword);
    let holds = text!(
        "syntax-block-holds",
        block = a_noun.clone(),
        items = quoted_list(items)
    );
    if found.word.is_empty() && found.description == expected_words(Rule::EOI) {
        let name_span = Span::new(block.name_offset, block.name_offset + block.name.len());
        return SyntaxError::new(
            if block.name.is_empty() {
                Span::at(text.len())
            } else {
                name_span
            },
            text!(
                "syntax-unclosed-block",
                block = noun.clone(),
                name = &block.name
            ),
            text!(
                "syntax-unclosed-block-help",
                block = noun,
                name = &block.name
            ),
        );
    }
    if let Some(keyword) = closest_keyword(&found.word, items) {
        return SyntaxError::new(
            span,
            text!(
                "syntax-not-held",
                word = &found.word,
                block = a_noun,
                keyword = keyword
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
            text!(
                "syntax-does-not-belong",
                word = &found.word,
                block = a_noun,
                name = &block.name
            ),
            holds,
        );
    }
    let message = with_hint(
        text!(
            "syntax-expected-close",
            block = noun,
            name = &block.name,
            found = found.description.clone()
        ),
        &found.word,
    );
    SyntaxError::new(
        span,
        message,
        text!("syntax-expected-close-help", holds = holds),
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
fn quoted_list(keywords: &[&str]) -> Text {
    let quoted: Vec<Text> = keywords
        .iter()
        .map(|keyword| code(&format!("`{keyword}`")))
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

/// The message with a hint when the word found starts with full-width
/// punctuation, which Chinese keyboards type easily.
fn with_hint(message: Text, word: &str) -> Text {
    match full_width_hint(word) {
        Some(hint) => text!(
            "syntax-with-hint",
            message = message,
            hint = text!("syntax-full-width", hint = hint)
        ),
        None => message,
    }
}

/// The key in `syntax-full-width` of the full-width punctuation `word`
/// starts with, if it does.
fn full_width_hint(word: &str) -> Option<&'static str> {
    let hint = match word.chars().next()? {
        '：' => "colon",
        '，' | '、' => "comma",
        '（' => "paren-open",
        '）' => "paren-close",
        '→' | '－' => "arrow",
        '＝' | '＞' | '＜' => "sign",
        '“' | '”' | '＂' => "quote",
        '｛' | '｝' => "brace",
        _ => return None,
    };
    Some(hint)
}

/// What the parser found at the error.
struct Found {
    word: String,
    description: Text,
    len_in_source: usize,
}

/// Describes the word at `offset`.
fn found_at(text: &str, offset: usize) -> Found {
    let rest = &text[offset..];
    let Some(first) = rest.chars().next() else {
        return Found {
            word: String::new(),
            description: expected_words(Rule::EOI),
            len_in_source: 0,
        };
    };
    if first == '\n' || first == '\r' {
        return Found {
            word: String::new(),
            description: expected_words(Rule::line_end),
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
        description: code(&format!("`{}`", visible(&word))),
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
fn list(words: &[Text]) -> Text {
    match words {
        [] => text!("syntax-expected", what = "other"),
        [one] => one.clone(),
        [init @ .., last] => text!("list-or", init = init.to_vec(), last = last.clone()),
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
