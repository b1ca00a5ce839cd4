//! The catalogue of messages (`src/i18n/*.ftl`): every language has every
//! message, with the same variables, and every message the code names is
//! in it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use flowc::i18n::{Lang, catalogue_source, message_ids};

/// Each message of a catalogue and the variables (`$name`) it uses.
fn variables_by_message(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut messages: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        let starts_message = line
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '-');
        if line.starts_with('#') || line.trim().is_empty() && current.is_none() {
            continue;
        }
        if starts_message && let Some((id, _)) = line.split_once('=') {
            current = Some(id.trim().to_owned());
        }
        let Some(id) = &current else { continue };
        let variables = messages.entry(id.clone()).or_default();
        let mut rest = line;
        while let Some(at) = rest.find('$') {
            let name: String = rest[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            variables.insert(name.clone());
            rest = &rest[at + 1 + name.len()..];
        }
    }
    messages
}

/// Messages whose form differs by language, each language using its own
/// part of the arguments: a date is ISO 8601 in English (`$iso`),
/// `2027年3月1日` in Chinese (`$year`, `$month`, `$day`).
const DIFFERENT_FORMS: &[&str] = &["date"];

#[test]
fn every_catalogue_parses() {
    for lang in Lang::ALL {
        let parsed = fluent_syntax::parser::parse(catalogue_source(lang));
        assert!(
            parsed.is_ok(),
            "{lang}: {:?}",
            parsed.err().map(|(_, errors)| errors)
        );
    }
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let english = variables_by_message(catalogue_source(Lang::En));
    assert!(english.len() > 3, "the English catalogue has messages");
    for lang in [Lang::ZhHant, Lang::ZhHans] {
        let translated = variables_by_message(catalogue_source(lang));
        let missing: Vec<&String> = english
            .keys()
            .filter(|id| !translated.contains_key(*id))
            .collect();
        let extra: Vec<&String> = translated
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang} has messages English lacks: {extra:?}"
        );
        for (id, variables) in &english {
            if DIFFERENT_FORMS.contains(&id.as_str()) {
                continue;
            }
            assert_eq!(
                &translated[id], variables,
                "{lang}: the message {id} must use the variables of the English one"
            );
        }
    }
}

#[test]
fn the_ids_are_listed_in_the_same_order_in_every_language() {
    let english = message_ids(Lang::En);
    for lang in [Lang::ZhHant, Lang::ZhHans] {
        assert_eq!(message_ids(lang), english, "{lang}");
    }
}

/// Every message id the code names: `text!("id"` and `Text::new("id")`.
fn ids_named_in(dir: &Path, ids: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            ids_named_in(&path, ids);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let text = std::fs::read_to_string(&path).expect("a source file");
            for opener in ["text!(\"", "text!(\n", "Text::new(\""] {
                let mut rest = text.as_str();
                while let Some(at) = rest.find(opener) {
                    rest = rest[at + opener.len()..]
                        .trim_start()
                        .trim_start_matches('"');
                    let id: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                        .collect();
                    if !id.is_empty() && id != "id" && id != "no-such-message" {
                        ids.insert(id);
                    }
                }
            }
        }
    }
}

#[test]
fn every_message_the_code_names_is_in_the_catalogue() {
    let mut named = BTreeSet::new();
    ids_named_in(Path::new("src"), &mut named);
    assert!(
        named.len() > 3,
        "the scan finds the messages the code names"
    );
    let known: BTreeSet<String> = message_ids(Lang::En).into_iter().collect();
    let unknown: Vec<&String> = named.iter().filter(|id| !known.contains(*id)).collect();
    assert!(unknown.is_empty(), "not in src/i18n/en.ftl: {unknown:?}");
}

#[test]
fn a_clean_check_of_the_examples_reads_in_the_chosen_language() {
    let examples = crate::common::repo().join("examples");
    let run = |args: &[&str]| {
        let output = crate::common::flowc_command()
            .args(args)
            .current_dir(&examples)
            .output()
            .expect("flowc runs");
        crate::common::stdout(&output)
    };
    let traditional = run(&["check", ".", "--lang", "zh-Hant"]);
    assert!(
        traditional.starts_with("0 個錯誤、0 個警告，共 "),
        "{traditional}"
    );
    assert!(
        crate::common::english_words(&traditional, &examples).is_empty(),
        "{traditional}"
    );
    let simplified = run(&["--lang", "zh_CN", "check", "."]);
    assert!(simplified.ends_with("个文件\n"), "{simplified}");
    let english = run(&["check", ".", "--lang", "en"]);
    assert!(english.starts_with("0 errors, 0 warnings in "), "{english}");
}

#[test]
fn the_locale_chooses_the_language_when_nothing_else_does() {
    let examples = crate::common::repo().join("examples");
    let output = crate::common::flowc_command()
        .args(["check", "."])
        .env("LANG", "zh_TW.UTF-8")
        .current_dir(&examples)
        .output()
        .expect("flowc runs");
    assert!(crate::common::stdout(&output).contains("個錯誤"));
    let bad = crate::common::flowc_command()
        .args(["check", ".", "--lang", "fr"])
        .current_dir(&examples)
        .output()
        .expect("flowc runs");
    assert_eq!(bad.status.code(), Some(2));
    assert!(crate::common::stderr(&bad).contains("zh-Hant"));
}

#[test]
fn the_english_word_finder_reads_only_what_people_read() {
    let svg = "<svg><style>.a{font-family:Noto}</style><g aria-label=\"otherwise\"><text>金額 &gt; 5,000 元</text></g></svg>";
    let text = crate::common::readable_text(svg);
    assert!(text.contains("金額 > 5,000 元"), "{text}");
    let examples = crate::common::repo().join("examples");
    let words = crate::common::english_words(&text, &examples);
    assert_eq!(words.into_iter().collect::<Vec<_>>(), ["otherwise"]);
}

#[test]
fn english_counts_choose_singular_or_plural_and_chinese_has_one_form() {
    use flowc::i18n::Text;
    let summary = |errors: usize, lang: Lang| {
        Text::new("check-summary")
            .arg("errors", errors)
            .arg("warnings", 1usize)
            .arg("files", 1usize)
            .render(lang)
    };
    assert_eq!(summary(1, Lang::En), "1 error, 1 warning in 1 file");
    assert_eq!(summary(1234, Lang::En), "1,234 errors, 1 warning in 1 file");
    assert_eq!(summary(2, Lang::ZhHant), "2 個錯誤、1 個警告，共 1 個文件");
    let index = |processes: usize| {
        Text::new("handbook-index-summary")
            .arg("processes", processes)
            .arg("overdue", 0usize)
            .arg("date", "2026-11-28")
            .render(Lang::En)
    };
    assert!(index(1).starts_with("1 process;"), "{}", index(1));
    assert!(index(13).starts_with("13 processes;"), "{}", index(13));
}
