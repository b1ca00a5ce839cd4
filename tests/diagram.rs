//! The built-in diagram engine and the DOT emitter on fixtures that each
//! show one thing (`tests/fixtures/diagram/<case>.flow`), in every
//! direction and theme: the SVG is snapshotted, well-formed, shows every
//! node's label, and declares CJK fonts.

use std::path::Path;

use flowc::check;
use flowc::config::Config;
use flowc::emit::diagram::{DiagramOptions, Direction, Theme};
use flowc::emit::{dot, svg};
use flowc::model::{self, Project};
use flowc::source::SourceFile;

/// A fixed day as today, so review rules give the same answer every run.
fn context(config: &Config) -> check::CheckContext<'_> {
    check::CheckContext::new(
        config,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date"),
    )
}

/// A fixture as a one-file project, with no error (governance warnings,
/// which have nothing to do with drawing, are allowed).
fn project(path: &Path) -> Project {
    let text = std::fs::read_to_string(path).expect("the fixture is readable");
    let name = path.file_name().expect("a file name").to_string_lossy();
    let project = model::build(vec![SourceFile::from_text(name.as_ref(), text)]);
    let config = Config::default();
    let diagnostics = check::run(&project, &context(&config));
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == flowc::diagnostics::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{name} must have no error: {errors:?}");
    project
}

/// Every text node of an SVG document, joined.
fn texts(svg: &str) -> Vec<String> {
    let document = roxmltree::Document::parse(svg)
        .unwrap_or_else(|error| panic!("the SVG is not well-formed XML: {error}\n{svg}"));
    document
        .descendants()
        .filter(|node| node.has_tag_name("text"))
        .filter_map(|node| node.text().map(str::to_string))
        .collect()
}

#[test]
fn builtin_svg_of_each_fixture() {
    insta::glob!("fixtures/diagram/*.flow", |path| {
        let project = project(path);
        let process = &project.processes[0];
        let svg = svg::render(&project, process, DiagramOptions::default());
        insta::assert_snapshot!("svg", svg);
    });
}

/// Every label is shown, wrapped to lines of at most 40 columns. Whether
/// each line really fits its box is measured on the rendered text, in
/// Chromium, by `.ci/diagram-text-fit.cjs` (the `handbook-browser` stage of
/// `.ci/run`).
#[test]
fn builtin_svg_shows_every_label_wrapped_to_at_most_40_columns() {
    insta::glob!("fixtures/diagram/*.flow", |path| {
        let project = project(path);
        let process = &project.processes[0];
        let svg = svg::render(&project, process, DiagramOptions::default());
        let shown = texts(&svg).join("");
        for node in &process.nodes {
            if let Some(label) = &node.label {
                let squeezed: String = label.chars().filter(|c| *c != ' ').collect();
                let shown_squeezed: String = shown.chars().filter(|c| *c != ' ').collect();
                assert!(
                    shown_squeezed.contains(&squeezed)
                        || matches!(node.kind, model::NodeKind::Join { .. }),
                    "{}: label {label:?} is not shown",
                    path.display()
                );
            }
        }
        let document = roxmltree::Document::parse(&svg).expect("well-formed");
        let lines = document
            .descendants()
            .filter(|node| node.has_tag_name("text") && node.attribute("class") != Some("title"))
            .filter_map(|node| node.text());
        for line in lines {
            assert!(
                flowc::emit::diagram::columns(line) <= 40,
                "{}: a line is too long to fit: {line:?}",
                path.display()
            );
        }
    });
}

#[test]
fn a_wrapped_escalation_note_is_one_note_and_a_wrapped_title_stays_bold() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diagram/escalation-notes-wrap-as-one.flow");
    let project = project(&path);
    let process = &project.processes[0];
    let escalations =
        flowc::emit::diagram::escalation_notes(&project, &process.nodes[0], flowc::i18n::Lang::En)
            .len();
    assert_eq!(escalations, 2);
    let notes = flowc::emit::diagram::wrapped_escalation_notes(
        &project,
        &process.nodes[0],
        34,
        flowc::i18n::Lang::En,
    );
    assert!(
        notes.iter().all(|note| note.len() > 1),
        "the fixture's notes must wrap: {notes:?}"
    );

    let svg = svg::render(&project, process, DiagramOptions::default());
    let document = roxmltree::Document::parse(&svg).expect("well-formed");
    let groups: Vec<_> = document
        .descendants()
        .filter(|node| node.attribute("class") == Some("escalation"))
        .collect();
    assert_eq!(groups.len(), escalations, "one group per escalation");
    for group in &groups {
        let clocks = group.children().filter(|node| node.has_tag_name("circle"));
        assert_eq!(clocks.count(), 1, "one clock per escalation");
    }
    let title =
        flowc::emit::diagram::box_text(&project, &process.nodes[0], 24, flowc::i18n::Lang::En)
            .title;
    assert!(title.len() > 1, "the fixture's title must wrap: {title:?}");
    for line in &title {
        let bold = document.descendants().any(|node| {
            node.has_tag_name("text")
                && node.text() == Some(line.as_str())
                && node.attribute("font-weight") == Some("bold")
        });
        assert!(bold, "title line {line:?} is not bold in the SVG");
    }

    let dot = dot::render(&project, process, DiagramOptions::default());
    assert_eq!(dot.matches("<I>escalate: ").count(), escalations, "{dot}");
    for line in &title {
        assert!(
            dot.contains(&format!("<B>{line}</B>")),
            "{line:?} not bold in {dot}"
        );
    }
}

#[test]
fn every_direction_and_theme_gives_well_formed_svg_and_dot() {
    insta::glob!("fixtures/diagram/*.flow", |path| {
        let project = project(path);
        let process = &project.processes[0];
        for direction in [Direction::LeftRight, Direction::TopBottom] {
            for theme in [Theme::Light, Theme::Dark, Theme::Print] {
                let options = DiagramOptions {
                    direction,
                    theme,
                    ..DiagramOptions::default()
                };
                let svg = svg::render(&project, process, options);
                texts(&svg);
                let background = theme.palette().background;
                assert!(svg.contains(&format!("fill=\"{background}\"")), "{theme:?}");
                let text = dot::render(&project, process, options);
                graphviz_rust::parse(&text).unwrap_or_else(|error| {
                    panic!("{}: DOT does not parse: {error}", path.display())
                });
            }
        }
    });
}

#[test]
fn top_to_bottom_direction_puts_lanes_side_by_side() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diagram/countersign-fork-and-join.flow");
    let project = project(&path);
    let process = &project.processes[0];
    let options = DiagramOptions {
        direction: Direction::TopBottom,
        theme: Theme::Print,
        ..DiagramOptions::default()
    };
    insta::assert_snapshot!(
        "svg_countersign_top_to_bottom_print",
        svg::render(&project, process, options)
    );
    let text = dot::render(&project, process, options);
    assert!(text.contains("rankdir=\"TB\""), "{text}");
    // Fork and join bars lie across the flow: flat top to bottom.
    assert!(text.contains("width=\"0.8\" height=\"0.08\""), "{text}");
    let across = dot::render(&project, process, DiagramOptions::default());
    assert!(across.contains("width=\"0.08\" height=\"0.8\""), "{across}");
}

#[test]
fn svg_declares_cjk_fonts_and_the_engine() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diagram/decision-with-otherwise.flow");
    let project = project(&path);
    let svg = svg::render(&project, &project.processes[0], DiagramOptions::default());
    let document = roxmltree::Document::parse(&svg).expect("well-formed");
    let root = document.root_element();
    let fonts = root.attribute("font-family").expect("a font list");
    for family in [
        "Noto Sans CJK SC",
        "Microsoft YaHei",
        "PingFang SC",
        "sans-serif",
    ] {
        assert!(fonts.contains(family), "{fonts}");
    }
    assert_eq!(root.attribute("data-engine"), Some("builtin"));
}

#[test]
fn markup_in_labels_stays_text() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diagram/labels-with-markup-are-text.flow");
    let project = project(&path);
    let svg = svg::render(&project, &project.processes[0], DiagramOptions::default());
    let document = roxmltree::Document::parse(&svg).expect("well-formed");
    assert!(
        !document
            .descendants()
            .any(|node| node.has_tag_name("script") || node.has_tag_name("b"))
    );
    let shown = texts(&svg).join("\n");
    assert!(shown.contains("a < b && c > d"), "{shown}");
    assert!(shown.contains("]]> <!-- -->"), "{shown}");
}

/// Graphs the rules would reject, with those rules turned off: no start,
/// a step leading to itself, an unreachable cycle, an unowned step, a
/// decision without branches. The built-in engine still draws every node.
#[test]
fn graphs_that_rules_would_reject_still_draw_when_the_rules_are_off() {
    let text = "department ops \"運營部\"\nrole worker \"工人\" in ops\n\
        process odd \"怪圖\" {\n  owner ops\n\
        step spin \"自旋\" {\n    owner worker\n    within 1 day\n    next spin\n  }\n\
        step left \"左\" {\n    owner worker\n    within 1 day\n    next right\n  }\n\
        step right \"右\" {\n    owner worker\n    within 1 day\n    next left\n  }\n\
        step orphan \"無主\" {\n    within 1 day\n    next stuck\n  }\n\
        decide stuck \"無分支\" {\n  }\n}\n";
    let config = Config::parse(
        "[rules]\nmissing-start = \"off\"\nmissing-end = \"off\"\nunreachable-step = \"off\"\n\
         dead-end = \"off\"\nunowned-step = \"off\"\n",
    )
    .expect("a valid configuration");
    let project = model::build(vec![SourceFile::from_text("odd.flow", text)]);
    let diagnostics = check::run(&project, &context(&config));
    let checked = check::verify(&project, &diagnostics)
        .unwrap_or_else(|| panic!("no error with the rules off: {diagnostics:?}"));
    for direction in [Direction::LeftRight, Direction::TopBottom] {
        let options = DiagramOptions {
            direction,
            theme: Theme::Light,
            ..DiagramOptions::default()
        };
        let (_, svg) = svg::documents(&checked, options)
            .into_iter()
            .next()
            .expect("one process");
        let shown = texts(&svg).join("\n");
        for label in ["自旋", "左", "右", "無主", "無分支"] {
            assert!(shown.contains(label), "{label} is not drawn:\n{shown}");
        }
    }
}

#[test]
fn owners_that_are_not_one_fixed_role_get_lanes_in_reporting_order() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diagram/people-lanes-in-reporting-order.flow");
    let project = project(&path);
    let process = &project.processes[0];
    let titles: Vec<String> = flowc::emit::diagram::lane_owners(&project, process)
        .iter()
        .map(|lane| lane.title(&project, flowc::i18n::Lang::En))
        .collect();
    assert_eq!(
        titles,
        [
            "申請人的直屬上級 (manager of applicant)",
            "申請人 (applicant)",
            "會計的直屬上級 (manager of accountant)",
            "2 of 3：會計、出納、審計 (2 of accountant, cashier, auditor)",
            "出納 (cashier)",
        ]
    );
    let svg = svg::render(&project, process, DiagramOptions::default());
    let dot = dot::render(&project, process, DiagramOptions::default());
    for title in &titles {
        assert!(dot.contains(title.as_str()), "DOT lane {title}");
    }
    let shown = texts(&svg).join(" ");
    for words in ["申請人的直屬上級", "2 of 3：會計、出納、審計"] {
        assert!(shown.contains(words), "SVG lane {words}: {shown}");
    }
}

/// A call is a thick box with the call-activity marker, naming the
/// process it calls, in the lane of that process's owner; a minimum
/// period has an hourglass; a timeout is a dotted edge labelled with a
/// clock and its time; notes are tooltips. In DOT and in the built-in
/// SVG, and the legend explains the three signs.
#[test]
fn a_call_a_minimum_period_a_timeout_and_notes_are_drawn() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diagram/call-minimum-timeout-and-notes.flow");
    let project = project(&path);
    let process = &project.processes[0];

    let dot = dot::render(&project, process, DiagramOptions::default());
    graphviz_rust::parse(&dot).unwrap_or_else(|error| panic!("{error}\n{dot}"));
    let call_line = dot
        .lines()
        .find(|line| line.trim_start().starts_with("\"contract\""))
        .expect("the call is drawn");
    for part in [
        "<B>合同審查</B>",
        "calls contract_review",
        "\u{229E}",
        "penwidth=\"3\"",
    ] {
        assert!(call_line.contains(part), "{part} not in {call_line}");
    }
    assert!(
        call_line.contains("tooltip=\"合同金額即採購金額。\""),
        "{call_line}"
    );
    let lane = dot
        .split("subgraph ")
        .find(|lane| lane.contains("\"contract\"["))
        .expect("the call is in a lane");
    assert!(
        lane.contains("法務部 (legal)"),
        "not in legal's lane: {lane}"
    );
    assert!(dot.contains("\u{25BC}<BR/>\u{25B2}"), "no hourglass: {dot}");
    assert!(dot.contains("at least 5 business days"), "{dot}");
    assert!(dot.contains("tooltip=\"公示期內可提出異議。\""), "{dot}");
    assert!(dot.contains("tooltip=\"採購金額含稅。\""), "{dot}");
    let timeout = dot
        .lines()
        .find(|line| line.contains("\"notice\" -> \"dropped\""))
        .expect("the timeout edge");
    assert!(
        timeout.contains("label=\"\u{25F7} 8 business days\"") && timeout.contains("dotted"),
        "{timeout}"
    );
    for legend in ["legend.call", "legend.minimum", "\u{25F7} timeout"] {
        assert!(dot.contains(legend), "{legend} not in the legend");
    }

    let svg = svg::render(&project, process, DiagramOptions::default());
    let document = roxmltree::Document::parse(&svg).expect("well-formed");
    let class = |name: &str| {
        document
            .descendants()
            .filter(|node| node.attribute("class") == Some(name))
            .count()
    };
    assert_eq!(class("call"), 1, "{svg}");
    assert_eq!(class("call-marker"), 1, "{svg}");
    assert_eq!(class("hourglass"), 2, "the step's and the legend's: {svg}");
    assert_eq!(class("edge timeout"), 1, "{svg}");
    let tooltips: Vec<&str> = document
        .descendants()
        .filter(|node| node.has_tag_name("title"))
        .filter_map(|node| node.text())
        .collect();
    for note in [
        "採購金額含稅。",
        "公示期內可提出異議。",
        "合同金額即採購金額。",
    ] {
        assert!(
            tooltips.contains(&note),
            "{note} not a tooltip: {tooltips:?}"
        );
    }
    let shown = texts(&svg).join("\n");
    for text in [
        "calls contract_review",
        "\u{25F7} 8 business days",
        "法務部 (legal)",
    ] {
        assert!(shown.contains(text), "{text} not shown: {shown}");
    }
}
