//! One keyword table (`flowc::syntax::keywords`): the grammar, the VS Code
//! TextMate grammar, completion and the formatter are held to it, so a
//! keyword added in one place and forgotten in another fails here.

use crate::common;

use std::collections::BTreeSet;

use flowc::syntax::keywords::{Block, FIXED_WORDS, KEYWORDS};

fn table() -> BTreeSet<String> {
    KEYWORDS.iter().map(|word| word.to_string()).collect()
}

#[test]
fn the_grammar_has_a_rule_for_every_keyword_and_no_other() {
    let grammar =
        std::fs::read_to_string(common::repo().join("grammar/flow.pest")).expect("grammar");
    let mut in_grammar = BTreeSet::new();
    for line in grammar.lines() {
        let Some(rest) = line.strip_prefix("kw_") else {
            continue;
        };
        let (rule, body) = rest
            .split_once(" = ")
            .expect("`kw_NAME = @{ \"word\" ... }`");
        let word = body.split('"').nth(1).expect("the keyword in quotes");
        assert_eq!(rule, word, "rule kw_{rule} matches `{word}`");
        in_grammar.insert(word.to_string());
    }
    assert_eq!(in_grammar, table());
}

/// The words of the alternations `(a|b|c)` in a TextMate pattern.
fn alternatives(pattern: &str) -> Vec<String> {
    let mut words = Vec::new();
    for group in pattern.split('(').skip(1) {
        let Some(end) = group.find(')') else { continue };
        let inner = &group[..end];
        if inner.starts_with('?') || inner.contains('[') || inner.contains('\\') {
            continue;
        }
        words.extend(inner.split('|').map(str::to_string));
    }
    words
}

#[test]
fn the_textmate_grammar_colours_every_keyword_and_fixed_word() {
    let path = common::repo().join("editors/vscode/syntaxes/flow.tmLanguage.json");
    let grammar: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("grammar")).expect("JSON");
    let repository = &grammar["repository"];
    let mut words = BTreeSet::new();
    for entry in ["declaration", "keyword"] {
        for pattern in repository[entry]["patterns"].as_array().expect("patterns") {
            words.extend(alternatives(pattern["match"].as_str().expect("match")));
        }
    }
    words.extend(alternatives(
        repository["type"]["match"].as_str().expect("match"),
    ));
    let expected: BTreeSet<String> = KEYWORDS
        .iter()
        .chain(FIXED_WORDS)
        .map(|word| word.to_string())
        .collect();
    assert_eq!(words, expected);
}

#[test]
fn completion_offers_exactly_the_words_that_start_a_line() {
    for block in Block::ALL {
        // Several snippets may start with one word (`on OUTCOME -> TARGET`
        // and `on timeout after ...`): each word is offered, in order.
        let mut offered: Vec<&str> = block
            .completions()
            .iter()
            .map(|entry| entry.split(' ').next().expect("a first word"))
            .collect();
        offered.dedup();
        assert_eq!(offered, block.line_starts(), "{block:?}");
        for word in block.line_starts() {
            assert!(KEYWORDS.contains(word), "`{word}` is a keyword");
        }
    }
    assert_eq!(Block::ALL.len(), 6);
}

#[test]
fn the_formatter_prints_every_keyword() {
    let mut printed = BTreeSet::new();
    let mut formatted_files = 0;
    for dir in ["examples", "tests/fixtures/fmt"] {
        for entry in std::fs::read_dir(common::repo().join(dir)).expect("folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|ext| ext != "flow") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("file");
            let Ok(formatted) = flowc::fmt::format(&text) else {
                continue;
            };
            formatted_files += 1;
            for line in formatted.lines() {
                let code = line.split('#').next().unwrap_or_default();
                printed.extend(
                    code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '/'))
                        .filter(|word| KEYWORDS.contains(word))
                        .map(str::to_string),
                );
            }
        }
    }
    assert!(
        formatted_files > 20,
        "only {formatted_files} files formatted"
    );
    assert_eq!(
        printed,
        table(),
        "keywords the formatter never printed are missing"
    );
}
