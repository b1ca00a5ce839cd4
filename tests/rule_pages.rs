//! The rules' pages in Chinese (`docs/rules/zh-Hant/`, `docs/rules/zh-Hans/`):
//! one per rule and script, each what `flowc explain --lang` prints, with
//! exactly the English page's code blocks, and no English word outside code.

use crate::common;

use flowc::check::registry::RULES;
use flowc::i18n::{Lang, Text};

/// The two Chinese scripts.
const CHINESE: [Lang; 2] = [Lang::ZhHant, Lang::ZhHans];

/// The fenced code blocks of a Markdown page, fences included, in order.
fn code_blocks(page: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut open: Option<Vec<&str>> = None;
    for line in page.lines() {
        match open.as_mut() {
            None if line.starts_with("```") => open = Some(vec![line]),
            None => {}
            Some(block) => {
                block.push(line);
                if line.starts_with("```") {
                    blocks.push(block.join("\n"));
                    open = None;
                }
            }
        }
    }
    blocks
}

/// `page` without its fenced code blocks, backticked spans and link
/// targets: the words a reader reads as prose.
fn prose(page: &str) -> String {
    let mut text = page.to_owned();
    for block in code_blocks(page) {
        text = text.replace(&block, " ");
    }
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find(['`', ']']) {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let (close, end) = if rest[at..].starts_with("](") {
            (')', 1)
        } else if rest[at..].starts_with('`') {
            ('`', 0)
        } else {
            out.push(']');
            rest = after;
            continue;
        };
        match after[end..].find(close) {
            Some(length) => rest = &after[end + length + 1..],
            None => rest = "",
        }
        out.push(' ');
    }
    out.push_str(rest);
    out
}

/// The path of the page of `rule` in `lang`, relative to the repository.
fn page_path(lang: Lang, rule: &str) -> String {
    format!("docs/rules/{}/{rule}.md", lang.code())
}

#[test]
fn every_rule_has_both_chinese_pages_with_the_english_code_blocks() {
    let headings = [
        "explain-heading-what",
        "explain-heading-why",
        "explain-heading-example",
        "explain-heading-fix",
    ];
    let mut checked = 0;
    for info in RULES {
        let english = code_blocks(&info.page());
        for lang in CHINESE {
            let relative = page_path(lang, info.name);
            let committed = std::fs::read_to_string(common::repo().join(&relative))
                .unwrap_or_else(|_| panic!("{relative} is missing"));
            let printed = info.page_in(lang);
            if committed != printed && std::env::var_os("FLOWC_UPDATE_DOCS").is_some() {
                std::fs::write(common::repo().join(&relative), &printed).expect("writable");
            } else {
                assert_eq!(committed, printed, "{relative} is not what explain prints");
            }
            assert_eq!(code_blocks(&printed), english, "{relative}: code blocks");
            for heading in headings {
                let heading = format!("\n## {}\n", Text::new(heading).render(lang));
                assert!(printed.contains(&heading), "{relative} lacks {heading:?}");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 2 * RULES.len());
    assert_eq!(flowc::i18n::rules_with_pages().count(), RULES.len());
}

#[test]
fn no_chinese_page_for_a_rule_that_does_not_exist() {
    for lang in CHINESE {
        let folder = common::repo().join("docs/rules").join(lang.code());
        let mut pages = 0;
        for entry in std::fs::read_dir(&folder).expect("the folder exists") {
            let name = entry.expect("readable").file_name();
            let name = name.to_string_lossy();
            let rule = name.strip_suffix(".md").unwrap_or(&name);
            assert!(
                flowc::check::registry::rule_named(rule).is_some(),
                "{}/{name} names no rule",
                lang.code()
            );
            pages += 1;
        }
        assert_eq!(pages, RULES.len(), "{}", lang.code());
    }
}

/// Names of products a page mentions (the BPMN engines and their
/// condition languages), written in Latin letters in Chinese too.
const PRODUCT_NAMES: &[&str] = &["FEEL", "Zeebe", "Camunda", "Python", "SpiffWorkflow"];

#[test]
fn chinese_pages_have_no_english_word_outside_code() {
    let empty = tempfile::tempdir().expect("temp dir");
    let mut checked = 0;
    for info in RULES {
        let own: Vec<&str> = info.name.split('-').collect();
        for lang in CHINESE {
            let mut words = common::english_words(&prose(&info.page_in(lang)), empty.path());
            words.retain(|word| {
                !own.contains(&word.as_str())
                    && word != info.code
                    && !PRODUCT_NAMES.contains(&word.as_str())
            });
            assert!(words.is_empty(), "{} ({lang}): {words:?}", info.name);
            checked += 1;
        }
    }
    assert_eq!(checked, 2 * RULES.len());
}

#[test]
fn prose_leaves_out_code_and_link_targets() {
    let page = "# a\n\n見 [`sla-exceeded`](sla-exceeded.md) 與 `owner x`。\n```flow\nstep a\n```\n";
    assert_eq!(prose(page).trim(), "# a\n\n見 [   與  。");
}

/// `flowc explain RULE --lang LANG`'s standard output.
fn explain(rule: &str, lang: &str) -> String {
    let output = common::flowc_command()
        .args(["explain", rule, "--lang", lang])
        .output()
        .expect("flowc runs");
    assert_eq!(output.status.code(), Some(0));
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn explain_prints_the_page_in_the_language_asked() {
    insta::assert_snapshot!(
        "explain self-approval zh-Hant",
        explain("self-approval", "zh-Hant")
    );
    insta::assert_snapshot!(
        "explain self-approval zh-Hans",
        explain("self-approval", "zh-Hans")
    );
    for lang in CHINESE {
        let committed = std::fs::read_to_string(common::repo().join(page_path(lang, "dead-end")))
            .expect("page");
        assert_eq!(explain("F202", lang.code()), committed);
    }
}

#[test]
fn an_unknown_rule_is_reported_in_the_language_asked() {
    let output = common::flowc_command()
        .args(["explain", "self-aproval", "--lang", "zh-Hant"])
        .output()
        .expect("flowc runs");
    assert_eq!(output.status.code(), Some(2));
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(
        errors.starts_with("錯誤：沒有名為 `self-aproval` 的規則；是否想找 `self-approval`？"),
        "{errors}"
    );
}

#[test]
fn rules_lists_the_summaries_in_the_language_asked() {
    for lang in CHINESE {
        let output = common::flowc_command()
            .args(["rules", "--lang", lang.code()])
            .output()
            .expect("flowc runs");
        assert_eq!(output.status.code(), Some(0));
        let listing = String::from_utf8(output.stdout).expect("UTF-8");
        let lines: Vec<&str> = listing.lines().collect();
        assert_eq!(lines.len(), RULES.len());
        for (line, info) in lines.iter().zip(RULES) {
            assert!(line.ends_with(&info.summary_in(lang)), "{line}");
            assert!(line.contains(&info.principle.name().render(lang)), "{line}");
        }
    }
}

#[test]
fn a_chinese_sarif_log_describes_the_rules_in_chinese() {
    let output = common::flowc_command()
        .current_dir(common::repo())
        .args([
            "check",
            "--format",
            "sarif",
            "--lang",
            "zh-Hant",
            "tests/fixtures/formats/errors-and-warnings",
        ])
        .output()
        .expect("flowc runs");
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert_eq!(rules.len(), RULES.len());
    for (rule, info) in rules.iter().zip(RULES) {
        assert_eq!(
            rule["shortDescription"]["text"],
            info.summary_in(Lang::ZhHant)
        );
        assert_eq!(rule["help"]["markdown"], info.page_in(Lang::ZhHant));
        assert_eq!(
            rule["properties"]["tags"][1],
            info.principle.name().english()
        );
    }
}

#[test]
fn explain_and_rules_follow_the_lang_of_the_project_they_run_in() {
    let project = tempfile::tempdir().expect("temp dir");
    std::fs::write(project.path().join("flowc.toml"), "lang = \"zh-Hans\"\n").expect("writable");
    let inside = project.path().join("processes");
    std::fs::create_dir(&inside).expect("a folder");
    let run = |args: &[&str]| {
        let output = common::flowc_command()
            .current_dir(&inside)
            .args(args)
            .output()
            .expect("flowc runs");
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let page = std::fs::read_to_string(common::repo().join(page_path(Lang::ZhHans, "dead-end")))
        .expect("page");
    assert_eq!(run(&["explain", "dead-end"]), page);
    assert!(run(&["rules"]).contains("合法性"));
    let english = run(&["explain", "dead-end", "--lang", "en"]);
    assert!(english.starts_with("# dead-end (F202)\n"), "{english}");
}
