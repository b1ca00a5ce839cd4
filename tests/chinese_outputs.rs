//! The handbook and the diagrams in Chinese (issue 19c): snapshots of the
//! expense claim's handbook page (HTML and Markdown) and diagram (built-in
//! SVG and DOT) in Traditional and Simplified Chinese, every handbook page
//! and diagram of the examples free of English words flowc wrote, and the
//! fonts each language lists first; `flowc conform`'s report and
//! monitoring page in both scripts, and free of English words for every
//! fixture log and generated log of the examples (issue 19h).

use std::collections::BTreeSet;
use std::path::Path;

use flowc::emit::diagram::font_families;
use flowc::i18n::Lang;
use flowc::syntax::ast::InputType;

use crate::common;

/// Runs `flowc ARGS PROJECT --out OUT --lang LANG` with the built-in
/// layout and the tests' date, and returns the folder written.
fn run(arguments: &[&str], project: &Path, lang: Lang, out: &Path) {
    let output = common::flowc_command()
        .args(arguments)
        .arg(project)
        .arg("--out")
        .arg(out)
        .args(["--lang", lang.code(), "--engine", "builtin"])
        .env("NO_COLOR", "1")
        .output()
        .expect("flowc runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "flowc {arguments:?}: {}",
        common::stderr(&output)
    );
}

/// The text of `file` in `folder`.
fn read(folder: &Path, file: &str) -> String {
    std::fs::read_to_string(folder.join(file)).unwrap_or_else(|error| panic!("{file}: {error}"))
}

/// The handbook (HTML and Markdown) and the diagrams (SVG, DOT) of
/// `project` in `lang`, in four folders of `out`.
fn outputs(project: &Path, lang: Lang, out: &Path) {
    let today = ["--today", "2026-11-28"];
    run(
        &[&["doc", "--format", "html"], &today[..]].concat(),
        project,
        lang,
        &out.join("html"),
    );
    run(
        &[&["doc", "--format", "markdown"], &today[..]].concat(),
        project,
        lang,
        &out.join("markdown"),
    );
    run(
        &["build", "--emit", "svg,dot"],
        project,
        lang,
        &out.join("build"),
    );
}

#[test]
fn the_expense_claim_reads_in_traditional_and_simplified_chinese() {
    let project = common::expense_claim_project();
    for lang in [Lang::ZhHant, Lang::ZhHans] {
        let out = tempfile::tempdir().expect("temp dir");
        outputs(project.path(), lang, out.path());
        let code = lang.code();
        insta::assert_snapshot!(
            format!("handbook_html_{code}"),
            read(&out.path().join("html"), "expense_claim.html")
        );
        insta::assert_snapshot!(
            format!("handbook_markdown_{code}"),
            read(&out.path().join("markdown"), "expense_claim.md")
        );
        insta::assert_snapshot!(
            format!("diagram_svg_{code}"),
            read(&out.path().join("build"), "expense_claim.svg")
        );
        insta::assert_snapshot!(
            format!("diagram_dot_{code}"),
            read(&out.path().join("build"), "expense_claim.dot")
        );
    }
}

#[test]
fn no_english_word_in_the_traditional_chinese_handbook_and_diagrams_of_the_examples() {
    let examples = common::repo().join("examples");
    let out = tempfile::tempdir().expect("temp dir");
    outputs(&examples, Lang::ZhHant, out.path());
    let names = names_of_examples();
    let mut checked = 0;
    let mut found = Vec::new();
    for folder in ["html", "markdown", "build"] {
        let mut files: Vec<_> = std::fs::read_dir(out.path().join(folder))
            .expect("the output folder")
            .map(|entry| entry.expect("an entry").path())
            .collect();
        files.sort();
        for path in files {
            let Some(text) = readable(&path) else {
                continue;
            };
            checked += 1;
            let english: BTreeSet<String> = common::english_words(&text, &examples)
                .into_iter()
                .filter(|word| !names.contains(word))
                .collect();
            if !english.is_empty() {
                found.push(format!("{}: {english:?}", path.display()));
            }
        }
    }
    // 13 processes: 13 pages and the index in HTML; 13 pages, the index,
    // 13 diagrams and the call graph in Markdown; 13 SVG and 13 DOT.
    assert_eq!(checked, 14 + 28 + 26, "files checked");
    assert!(found.is_empty(), "English words:\n{}", found.join("\n"));
}

/// What a person reads in an output file: the text of HTML and SVG, the
/// text of Markdown as rendered, the labels and tooltips of DOT; `None`
/// for other files.
fn readable(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).expect("an output file");
    match path.extension()?.to_str()? {
        "html" | "svg" => Some(common::readable_text(&text)),
        "md" => Some(markdown_text(&text)),
        "dot" => Some(dot_labels(&text)),
        _ => None,
    }
}

/// The text a reader of rendered Markdown sees: text and code, without
/// link targets and markup.
fn markdown_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser};
    let mut text = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        // Text comes in pieces where an escape (`\_`) was: joined.
        match event {
            Event::Text(words) | Event::Code(words) => text.push_str(&words),
            Event::InlineHtml(markup) | Event::Html(markup) => {
                text.push(' ');
                text.push_str(&common::readable_text(&markup));
                text.push(' ');
            }
            _ => text.push(' '),
        }
    }
    text
}

/// The values of the `label`, `xlabel` and `tooltip` attributes of a DOT
/// file: quoted strings with their escapes read, HTML-like labels as the
/// text a person reads in them.
fn dot_labels(dot: &str) -> String {
    let mut labels = String::new();
    for attribute in ["label=", "xlabel=", "tooltip="] {
        for (at, _) in dot.match_indices(attribute) {
            let value = &dot[at + attribute.len()..];
            if let Some(quoted) = value.strip_prefix('"') {
                let end = quoted_end(quoted);
                labels.push_str(&quoted[..end].replace("\\n", " ").replace("\\\"", "\""));
            } else if value.starts_with('<') {
                let end = html_label_end(value);
                labels.push_str(&common::readable_text(&value[1..end]));
            }
            labels.push(' ');
        }
    }
    labels
}

/// Where a DOT quoted string (after its opening quote) ends.
fn quoted_end(quoted: &str) -> usize {
    let mut escaped = false;
    for (at, c) in quoted.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return at,
            _ => escaped = false,
        }
    }
    quoted.len()
}

/// Where an HTML-like label (`<...>`, with tags inside) ends.
fn html_label_end(value: &str) -> usize {
    let mut depth = 0;
    for (at, c) in value.char_indices() {
        match c {
            '<' => depth += 1,
            '>' => {
                depth -= 1;
                if depth == 0 {
                    return at;
                }
            }
            _ => {}
        }
    }
    value.len()
}

/// The names the examples declare (processes, steps, inputs and their
/// values, records) and the words of their file names: the user's words,
/// even those that are also words of the language (a step `effective`, a
/// value `manager`, an input `days`).
fn names_of_examples() -> BTreeSet<String> {
    let analysis = common::examples();
    let mut names = BTreeSet::new();
    for file in &analysis.project.files {
        names.extend(
            file.relative
                .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .map(str::to_string),
        );
    }
    for process in &analysis.project.processes {
        names.insert(process.name.clone());
        names.extend(process.nodes.iter().map(|node| node.name.clone()));
        for input in &process.inputs {
            names.insert(input.name.text.clone());
            names.extend(choice_values(&input.kind));
        }
        for recorded in &process.records {
            names.insert(recorded.record.name.text.clone());
            names.extend(choice_values(&recorded.record.kind));
        }
    }
    names
}

/// The values of a `one of` type.
fn choice_values(kind: &InputType) -> Vec<String> {
    match kind {
        InputType::Choice(values) => values.iter().map(|value| value.text.clone()).collect(),
        _ => Vec::new(),
    }
}

#[test]
fn traditional_chinese_lists_the_traditional_fonts_first() {
    let traditional = font_families(Lang::ZhHant);
    assert_eq!(
        &traditional[..3],
        ["Noto Sans CJK TC", "Noto Sans CJK HK", "Noto Sans CJK SC"]
    );
    for lang in [Lang::ZhHans, Lang::En] {
        assert_eq!(font_families(lang)[0], "Noto Sans CJK SC", "{lang}");
    }
    for lang in Lang::ALL {
        assert_eq!(font_families(lang).last(), Some(&"sans-serif"), "{lang}");
    }
    // Every output names the fonts in that order.
    let project = common::expense_claim_project();
    let out = tempfile::tempdir().expect("temp dir");
    outputs(project.path(), Lang::ZhHant, out.path());
    let html = read(&out.path().join("html"), "expense_claim.html");
    let svg = read(&out.path().join("build"), "expense_claim.svg");
    let dot = read(&out.path().join("build"), "expense_claim.dot");
    assert!(
        html.contains(
            "font-family: \"Noto Sans CJK TC\", \"Noto Sans CJK HK\", \"Noto Sans CJK SC\""
        ),
        "the handbook's CSS"
    );
    assert!(
        svg.contains("font-family=\"&#39;Noto Sans CJK TC&#39;, &#39;Noto Sans CJK HK&#39;, &#39;Noto Sans CJK SC&#39;"),
        "the SVG"
    );
    assert!(
        dot.contains("fontname=\"Noto Sans CJK TC,Noto Sans CJK HK,Noto Sans CJK SC,"),
        "the DOT"
    );
    assert!(html.contains("<html lang=\"zh-Hant\">"));
}

/// `flowc conform PROJECT --process PROCESS --log LOG --staff STAFF --html
/// PAGE` on the fixtures of `tests/fixtures/conform/` (no staff directory
/// for an empty STAFF), judged at the end of April 2026, in `lang`
/// (`None`: the project's, Traditional Chinese for the examples).
fn conform(
    (project, process, log, staff): (&str, &str, &str, &str),
    lang: Option<Lang>,
    page: &Path,
) -> std::process::Output {
    let fixtures = common::repo().join("tests/fixtures/conform");
    let mut command = common::flowc_command();
    command
        .current_dir(common::repo())
        .args(["conform", project, "--process", process, "--log"])
        .arg(fixtures.join(log))
        .args(["--now", "2026-04-30T09:00", "--html"])
        .arg(page)
        .env("NO_COLOR", "1");
    if let Some(lang) = lang {
        command.args(["--lang", lang.code()]);
    }
    if !staff.is_empty() {
        command.arg("--staff").arg(fixtures.join(staff));
    }
    let output = command.output().expect("flowc runs");
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{log}: {}",
        common::stderr(&output)
    );
    output
}

/// The expense claims' conformance: the terminal report and the
/// monitoring page in Traditional and Simplified Chinese.
#[test]
fn the_conformance_report_and_page_read_in_traditional_and_simplified_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = (
        "examples",
        "expense_claim",
        "expense-claims.csv",
        "staff.csv",
    );
    for lang in [Lang::ZhHant, Lang::ZhHans] {
        let page = dir.path().join(format!("{}.html", lang.code()));
        let output = conform(run, Some(lang), &page);
        let code = lang.code();
        insta::assert_snapshot!(format!("conform_report_{code}"), common::stdout(&output));
        let html = std::fs::read_to_string(&page).expect("the page is written");
        assert!(html.contains(&format!("<html lang=\"{code}\">")), "{code}");
        let fonts = font_families(lang).join(", ");
        assert!(
            html.contains(&format!("font-family=\"{fonts}\"")),
            "{code}: the plots list the language's fonts first"
        );
        insta::assert_snapshot!(
            format!("conform_page_{code}"),
            crate::conform_html::without_styles(&html)
        );
    }
}

/// Every conformance report and monitoring page of the fixture logs, in
/// the examples' language (Traditional Chinese): no English word outside
/// code spans but the names the examples and the logs hold (people, case
/// ids); and the same for the reports of generated logs with every kind
/// of deviation, for every example process.
#[test]
fn no_english_word_in_the_traditional_chinese_conformance_reports() {
    let examples = common::repo().join("examples");
    let fixtures = common::repo().join("tests/fixtures/conform");
    let mut names = names_of_examples();
    for file in std::fs::read_dir(&fixtures).expect("the fixtures") {
        let text = std::fs::read_to_string(file.expect("a fixture").path()).unwrap_or_default();
        names.extend(
            text.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .map(str::to_string),
        );
    }
    let english = |text: &str| -> BTreeSet<String> {
        let prose: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        common::english_words(&prose, &examples)
            .into_iter()
            .filter(|word| !names.contains(word))
            .collect()
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let runs = [
        (
            "examples",
            "expense_claim",
            "expense-claims.csv",
            "staff.csv",
        ),
        ("examples", "expense_claim", "conforming.csv", "staff.csv"),
        (
            "examples",
            "expense_claim",
            "unknown-activity.csv",
            "staff.csv",
        ),
        (
            "examples",
            "expense_claim",
            "bad-value-and-unknown-outcome.csv",
            "staff.csv",
        ),
        (
            "examples",
            "leave_request",
            "leave-requests.csv",
            "leave-staff.csv",
        ),
        ("examples", "purchase", "purchases.csv", ""),
    ];
    let mut found = Vec::new();
    let mut checked = 0;
    for run in runs {
        let page = dir.path().join(format!("{}.html", run.2));
        let output = conform(run, None, &page);
        let html = std::fs::read_to_string(&page).expect("the page is written");
        for (what, text) in [
            ("report", common::stdout(&output)),
            ("page", common::readable_text(&without_code(&html))),
        ] {
            checked += 1;
            let words = english(&text);
            if !words.is_empty() {
                found.push(format!("{} ({what}): {words:?}", run.2));
            }
        }
    }
    let processes = common::each_generated_report(1.0, |name, document, calendar, report| {
        let report_text = flowc::conform::render_human(&report, Lang::ZhHant);
        let page = flowc::conform::render_html(&report, document, calendar, Lang::ZhHant);
        for (what, text) in [
            ("report", report_text),
            ("page", common::readable_text(&without_code(&page))),
        ] {
            checked += 1;
            let words = english(&text);
            if !words.is_empty() {
                found.push(format!("generated {name} ({what}): {words:?}"));
            }
        }
    });
    assert_eq!(processes, 13);
    assert_eq!(checked, 6 * 2 + 13 * 2, "outputs checked");
    assert!(found.is_empty(), "English words:\n{}", found.join("\n"));
}

/// An HTML page without its `<code>` elements: `.flow` code, the same in
/// every language.
fn without_code(html: &str) -> String {
    let mut kept = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find("<code>") {
        kept.push_str(&rest[..open]);
        rest = rest[open..]
            .find("</code>")
            .map_or("", |close| &rest[open + close + "</code>".len()..]);
    }
    kept.push_str(rest);
    kept
}
