//! The handbook: structural checks of the HTML site of the examples (every
//! step in its table, every link resolves, nothing external), and
//! fixtures (`tests/fixtures/doc/<case>/`) for review status, findings and
//! escaping; the Markdown form says the same.

use crate::common;

use std::collections::BTreeMap;

use flowc::analysis::Analysis;
use flowc::check;
use flowc::emit::diagram::DiagramOptions;
use flowc::emit::doc::{self, DocOptions, Handbook};
use flowc::emit::render::Engine;
use flowc::model::NodeKind;

type Site = BTreeMap<String, Vec<u8>>;

fn options(today: &str) -> DocOptions {
    DocOptions {
        today: today.parse().expect("a date"),
        engine: Engine::Builtin,
        automatic: false,
        diagram: DiagramOptions::default(),
    }
}

fn handbook(analysis: &Analysis, today: &str) -> Handbook {
    let checked =
        check::verify(&analysis.project, &analysis.diagnostics).expect("the project has no error");
    doc::handbook(&checked, &analysis.diagnostics, |_| true, options(today))
        .expect("the built-in engine draws")
}

fn fixture(case: &str) -> Analysis {
    common::analyse(&common::repo().join("tests/fixtures/doc").join(case))
}

fn text(site: &Site, name: &str) -> String {
    let bytes = site
        .get(name)
        .unwrap_or_else(|| panic!("the site has no {name}"));
    String::from_utf8(bytes.clone()).expect("UTF-8")
}

/// Every value of `attribute="..."` in `html`.
fn attribute_values(html: &str, attribute: &str) -> Vec<String> {
    let needle = format!("{attribute}=\"");
    html.match_indices(&needle)
        .filter_map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            rest.find('"').map(|end| rest[..end].to_string())
        })
        .collect()
}

#[test]
fn every_step_and_call_of_every_example_is_in_its_step_table() {
    let analysis = common::examples();
    let site = doc::html::site(&handbook(&analysis, "2026-11-28"));
    for process in &analysis.project.processes {
        let page = text(&site, &format!("{}.html", process.name));
        let rows = attribute_values(&page, "data-step");
        let steps: Vec<String> = process
            .nodes
            .iter()
            .filter(|node| matches!(node.kind, NodeKind::Step(_) | NodeKind::Call(_)))
            .map(|node| node.name.clone())
            .collect();
        assert_eq!(rows, steps, "{}: step table rows", process.name);
        for node in &process.nodes {
            if let Some(label) = &node.label {
                assert!(
                    page.contains(&doc::html::escape(label)),
                    "{}: {label} is not on the page",
                    process.name
                );
            }
        }
        assert!(page.contains("<svg"), "{}: no inline diagram", process.name);
        assert!(
            page.contains("id=\"responsibilities\""),
            "{}: no responsibility matrix",
            process.name
        );
        assert!(page.contains("id=\"kpis\""), "{}: no KPIs", process.name);
    }
}

#[test]
fn every_link_of_the_site_resolves() {
    let analysis = common::examples();
    let site = doc::html::site(&handbook(&analysis, "2026-11-28"));
    for (name, bytes) in &site {
        let html = String::from_utf8_lossy(bytes);
        for target in attribute_values(&html, "href") {
            if let Some(anchor) = target.strip_prefix('#') {
                assert!(
                    html.contains(&format!("id=\"{anchor}\"")),
                    "{name}: no anchor {anchor}"
                );
                continue;
            }
            assert!(
                site.contains_key(&target),
                "{name}: link to {target} resolves to nothing"
            );
        }
    }
    let index = text(&site, "index.html");
    for process in &analysis.project.processes {
        assert!(
            index.contains(&format!("href=\"{}.html\"", process.name)),
            "the index does not link {}",
            process.name
        );
    }
}

#[test]
fn the_site_is_self_contained_and_needs_no_script() {
    let analysis = common::examples();
    let site = doc::html::site(&handbook(&analysis, "2026-11-28"));
    for (name, bytes) in &site {
        let html = String::from_utf8_lossy(bytes);
        for forbidden in ["<script", "<link", "src=\"http", "@import", "url(http"] {
            assert!(!html.contains(forbidden), "{name} contains {forbidden}");
        }
        assert!(html.contains("@media print"), "{name} has no print styles");
        assert!(html.contains("size: A4"), "{name} does not print on A4");
    }
}

#[test]
fn the_index_groups_by_category_in_policy_order() {
    let analysis = common::examples();
    let index = text(
        &doc::html::site(&handbook(&analysis, "2026-11-28")),
        "index.html",
    );
    let business = index.find("Business processes").expect("business");
    let management = index.find("Management processes").expect("management");
    let approval = index.find("Approval processes").expect("approval");
    assert!(business < management && management < approval);
    let expense = index
        .find("href=\"expense_claim.html\"")
        .expect("expense claim");
    assert!(expense > approval, "expense_claim is an approval process");
}

#[test]
fn overdue_reviews_are_flagged_as_of_the_given_day() {
    let analysis = fixture("overdue-review");
    let book = handbook(&analysis, "2026-11-28");
    let index = text(&doc::html::site(&book), "index.html");
    insta::assert_snapshot!("overdue_review_index", index);
    let row = |name: &str| {
        let at = index.find(&format!("href=\"{name}.html\"")).expect("a row");
        let start = index[..at].rfind("<tr").expect("row start");
        let end = at + index[at..].find("</tr>").expect("row end");
        index[start..end].to_string()
    };
    assert!(
        row("overdue").contains("class=\"overdue\""),
        "{}",
        row("overdue")
    );
    assert!(row("overdue").contains("2025-07-15"), "{}", row("overdue"));
    assert!(row("unreviewed").contains("never reviewed"));
    assert!(!row("current").contains("overdue"), "{}", row("current"));
    // The same project a year earlier: nothing is overdue yet.
    let earlier = text(
        &doc::html::site(&handbook(&analysis, "2025-02-01")),
        "index.html",
    );
    assert!(!earlier.contains("review overdue since"));
}

#[test]
fn a_process_with_warnings_shows_them_on_its_page() {
    let analysis = fixture("warnings-shown");
    assert!(
        !analysis.diagnostics.is_empty(),
        "the fixture has a warning"
    );
    let site = doc::html::site(&handbook(&analysis, "2026-11-28"));
    let page = text(&site, "shipping.html");
    assert!(page.contains("id=\"diagnostics\""), "{page}");
    assert!(page.contains("warning[missing-deadline]"), "{page}");
    assert!(page.contains("late.flow:8:"), "{page}");
    let examples = doc::html::site(&handbook(&common::examples(), "2026-11-28"));
    assert!(!text(&examples, "expense_claim.html").contains("id=\"diagnostics\""));
}

#[test]
fn user_text_is_escaped_everywhere() {
    let analysis = fixture("markup-escaped");
    let book = handbook(&analysis, "2026-11-28");
    let site = doc::html::site(&book);
    let page = text(&site, "markup.html");
    assert!(!page.contains("<b>x"), "a label became markup");
    assert!(!page.contains("<script"), "a label became a script");
    assert!(
        page.contains("&lt;/script&gt;&lt;b&gt;x"),
        "the department label is shown as text"
    );
    assert!(
        page.contains("<title>&lt;/title&gt;&lt;script&gt;"),
        "the title is escaped"
    );
    let markdown = doc::markdown::site(&book);
    let md = text(&markdown, "markup.md");
    assert!(!md.contains("<script") && !md.contains("<b>"), "{md}");
}

#[test]
fn the_markdown_handbook_links_its_pages_and_diagrams() {
    let analysis = common::examples();
    let book = handbook(&analysis, "2026-11-28");
    let site = doc::markdown::site(&book);
    let index = text(&site, "index.md");
    for process in &analysis.project.processes {
        let page = format!("{}.md", process.name);
        assert!(
            index.contains(&format!("]({page})")),
            "index does not link {page}"
        );
        let md = text(&site, &page);
        assert!(
            md.contains(&format!("]({}.svg)", process.name)),
            "{page} has no diagram"
        );
        let svg = text(&site, &format!("{}.svg", process.name));
        assert!(svg.starts_with("<svg"), "{}.svg", process.name);
        assert!(md.contains("## Responsibility matrix"), "{page}");
    }
    insta::assert_snapshot!("markdown_expense_claim", text(&site, "expense_claim.md"));
}

/// A handbook page without its diagram (snapshotted on its own) and its
/// style sheet: the page's own content.
fn page_content(page: &str) -> String {
    let start = page.find("<figure").expect("a figure");
    let end = page.find("</figure>").expect("a figure end");
    let without_diagram = format!("{}<figure>…</figure>{}", &page[..start], &page[end + 9..]);
    match (
        without_diagram.find("<style>"),
        without_diagram.find("</style>"),
    ) {
        (Some(a), Some(b)) => format!("{}{}", &without_diagram[..a], &without_diagram[b + 8..]),
        _ => without_diagram,
    }
}

#[test]
fn the_html_page_of_an_example_is_stable() {
    let analysis = common::examples();
    let site = doc::html::site(&handbook(&analysis, "2026-11-28"));
    let page = text(&site, "expense_claim.html");
    insta::assert_snapshot!("html_expense_claim", page_content(&page));
    assert_eq!(
        site,
        doc::html::site(&handbook(&analysis, "2026-11-28")),
        "byte-identical"
    );
}

#[test]
fn a_process_called_index_does_not_replace_the_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("flowc.toml"), "[rules]\n").expect("config");
    std::fs::write(
        dir.path().join("index.flow"),
        "department ops \"運營部\"\nrole clerk \"文員\" in ops\n\
         process index \"目錄管理\" {\n  owner ops\n  start file\n\
         step file \"歸檔\" {\n    owner clerk\n    within 1 day\n    next done\n  }\n\
         end done \"完成\"\n}\n",
    )
    .expect("process");
    let analysis = common::analyse(dir.path());
    let book = handbook(&analysis, "2026-11-28");
    let site = doc::html::site(&book);
    assert!(text(&site, "index.html").contains("href=\"index-process.html\""));
    assert!(text(&site, "index-process.html").contains("歸檔"));
    let markdown = doc::markdown::site(&book);
    assert!(text(&markdown, "index.md").contains("](index-process.md)"));
    assert!(markdown.contains_key("index-process.svg"));
}

/// What a CommonMark reader makes of one page: how many headings, links and
/// images, the raw HTML it would pass through, and all its text.
#[derive(Debug, Default, PartialEq)]
struct Rendered {
    headings: usize,
    links: Vec<String>,
    html: Vec<String>,
    text: String,
}

fn render(markdown: &str, options: pulldown_cmark::Options) -> Rendered {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut rendered = Rendered::default();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Heading { .. }) => rendered.headings += 1,
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                rendered.links.push(dest_url.to_string());
            }
            Event::Html(html) | Event::InlineHtml(html) => rendered.html.push(html.to_string()),
            Event::Text(text) | Event::Code(text) => rendered.text.push_str(&text),
            _ => {}
        }
    }
    // Pages are listed in the order of their files.
    rendered.links.sort();
    rendered
}

/// A two-file project whose file names and every label are `name` and
/// `label`.
fn named_project(files: [&str; 2], label: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let label = format!("\"{}\"", label.replace('\\', "\\\\").replace('"', "\\\""));
    let org = format!("department ops {label}\nrole owner {label} in ops\n");
    let claim = format!(
        "process claim {label} {{\n  owner ops\n  input amount: money CNY\n  start work\n\n  step work {label} {{\n    owner owner\n    within 1 day\n    next route\n  }}\n\n  decide route {label} {{\n    when amount <= 5 CNY -> done\n    otherwise -> stopped\n  }}\n\n  end done {label}\n  end stopped {label}\n  kpi cycle {label} p90 under 2 days\n}}\n"
    );
    let leave = format!(
        "process leave {label} {{\n  owner ops\n  start ask\n\n  step ask {label} {{\n    owner owner\n    within 1 day\n    next done\n  }}\n\n  end done {label}\n}}\n"
    );
    std::fs::write(dir.path().join("flowc.toml"), "").expect("config");
    std::fs::write(dir.path().join(files[0]), format!("{org}\n{claim}")).expect("first file");
    std::fs::write(dir.path().join(files[1]), leave).expect("second file");
    dir
}

/// Markdown injection: file names, process, step, decision, end, role,
/// department and KPI labels made of Markdown and HTML give, once rendered
/// by a CommonMark reader (with and without GitHub's tables), the same
/// headings, links and raw HTML as plain names, and show the hostile text
/// as text.
#[test]
fn hostile_names_and_labels_stay_text_in_the_rendered_markdown() {
    let image = "<img src=x onerror=alert(1)>";
    let hostile_label = format!(
        "</p>{image} `code` *em* _em_ [link](javascript:alert(1)) ![i](x) | cell # h \\ &amp; <!-- ~~s~~"
    );
    let hostile_files = [
        format!("x`{image}`.flow"),
        "a\n# injected\n<i>bold\n===\n.flow".to_string(),
    ];
    let hostile = named_project([&hostile_files[0], &hostile_files[1]], &hostile_label);
    let plain = named_project(["a.flow", "b.flow"], "plain");
    let hostile_site =
        doc::markdown::site(&handbook(&common::analyse(hostile.path()), "2026-11-28"));
    let plain_site = doc::markdown::site(&handbook(&common::analyse(plain.path()), "2026-11-28"));
    assert_eq!(
        hostile_site.keys().collect::<Vec<_>>(),
        plain_site.keys().collect::<Vec<_>>()
    );
    let flavours = [
        pulldown_cmark::Options::empty(),
        pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH,
    ];
    let mut pages = 0;
    for name in plain_site.keys().filter(|name| name.ends_with(".md")) {
        for options in flavours {
            let got = render(&text(&hostile_site, name), options);
            let meant = render(&text(&plain_site, name), options);
            assert_eq!(got.headings, meant.headings, "{name}: headings");
            assert_eq!(got.links, meant.links, "{name}: links");
            assert_eq!(got.html, meant.html, "{name}: raw HTML");
            assert!(
                got.html.iter().all(|html| html == "<br>"),
                "{name}: {:?}",
                got.html
            );
            assert!(
                got.text.contains(image),
                "{name} shows the label: {}",
                got.text
            );
            if name != "index.md" {
                assert!(
                    got.text.contains(&hostile_label) || name == "leave.md",
                    "{name} shows the whole label: {}",
                    got.text
                );
            }
            pages += 1;
        }
    }
    assert_eq!(pages, 3 * flavours.len(), "index and two process pages");
    let claim = render(&text(&hostile_site, "claim.md"), flavours[1]);
    assert!(claim.text.contains(&hostile_files[0]), "{}", claim.text);
    let leave = render(&text(&hostile_site, "leave.md"), flavours[1]);
    assert!(
        leave.text.contains("a # injected <i>bold === .flow"),
        "the file name is on one line: {}",
        leave.text
    );
}

/// Relative owners, shared owners, consult, notify and a relative
/// escalation: the step table words them (申請人的直屬上級 (manager of
/// applicant)) and the matrix is a RACI plus E with a row for each party.
#[test]
fn people_are_worded_and_the_matrix_is_a_raci_with_escalation() {
    let analysis = fixture("people-raci");
    let book = handbook(&analysis, "2026-11-28");
    let html = text(&doc::html::site(&book), "payment.html");
    let md = text(&doc::markdown::site(&book), "payment.md");
    for page in [&html, &md] {
        for words in [
            "申請人的直屬上級 (manager of applicant)",
            "申請人的隔級上級 (manager of manager of applicant)",
            "2 of 3：會計、出納、審計 (2 of accountant, cashier, auditor)",
            "會計的直屬上級 (manager of accountant)",
            "申請人 (applicant), when rejected",
            "會簽：會計、審計 (all of accountant, auditor)",
            "申請人的直屬上級 (manager of applicant), when overdue",
            "C consulted · I informed (notified) · E escalated to",
        ] {
            assert!(page.contains(words), "{words}:\n{page}");
        }
    }
    insta::assert_snapshot!("markdown_people_raci", md);
    insta::assert_snapshot!("html_people_raci", page_content(&html));
    let examples = doc::markdown::site(&handbook(&common::examples(), "2026-11-28"));
    insta::assert_snapshot!(
        "markdown_leave_request",
        text(&examples, "leave_request.md")
    );
}

/// The handbook of the processes that work together: a call is a link to
/// the called process's page (with what it is given), notes are in the
/// step table and the facts, the version and its effective date are
/// facts, records, KPIs of a step, minimum periods and timeouts are in
/// the step's row, each page says which processes it calls and which call
/// it, and the index draws who calls whom, the same bytes every time.
#[test]
fn calls_notes_versions_records_and_periods_are_in_the_handbook() {
    let analysis = common::examples();
    let book = handbook(&analysis, "2026-11-28");
    let site = doc::html::site(&book);
    let purchase = text(&site, "purchase.html");
    let contract_row = purchase
        .lines()
        .find(|line| line.contains("data-step=\"contract\""))
        .expect("the call has a row");
    for part in [
        "calls <a href=\"contract_approval.html\">合同簽訂審批</a>",
        "with value = amount",
        "法務部 (legal)",
        "20 business days (the called process&#39;s SLA)",
    ] {
        assert!(contract_row.contains(part), "{part} not in {contract_row}");
    }
    for part in [
        "<dt>Version</dt><dd class=\"version\">3, effective 2027-01-01</dd>",
        "<dt>Note</dt><dd class=\"note\">採購金額含稅；簽訂書面合同的採購須走合同簽訂審批。</dd>",
        "<dt>Calls</dt><dd><a href=\"contract_approval.html\">",
        "<span class=\"note\">附三家供應商報價單。</span>",
        "是否簽訂合同 (needs_contract): yes/no",
        "on timeout after 8 business days → 未採購 (not_bought)",
    ] {
        assert!(purchase.contains(part), "{part} not on the purchase page");
    }
    let contract = text(&site, "contract_approval.html");
    assert!(
        contract.contains("<dt>Called by</dt><dd><a href=\"purchase.html\">採購審批</a>"),
        "the called process names its caller"
    );
    let appointment = text(&site, "appointment.html");
    let notice = appointment
        .lines()
        .find(|line| line.contains("data-step=\"public_notice\""))
        .expect("the public notice has a row");
    assert!(
        notice.contains("7 business days<br>at least 5 business days"),
        "{notice}"
    );
    assert!(notice.contains("公示期內收到實名舉報的"), "{notice}");

    let index = text(&site, "index.html");
    let graph_start = index.find("<svg").expect("the index draws the calls");
    let graph = &index[graph_start..index.find("</svg>").expect("closed") + 6];
    let document = roxmltree::Document::parse(graph).expect("well-formed SVG");
    let calls: Vec<(&str, &str)> = document
        .descendants()
        .filter(|node| node.attribute("class") == Some("call"))
        .map(|node| {
            (
                node.attribute("data-from").expect("from"),
                node.attribute("data-to").expect("to"),
            )
        })
        .collect();
    assert_eq!(calls, vec![("purchase", "contract_approval")]);
    let links: Vec<&str> = document
        .descendants()
        .filter_map(|node| node.attribute("href"))
        .collect();
    assert_eq!(links, vec!["purchase.html", "contract_approval.html"]);
    assert_eq!(doc::html::site(&handbook(&analysis, "2026-11-28")), site);

    let markdown = doc::markdown::site(&book);
    assert!(text(&markdown, "index.md").contains("![Which processes call which](index-calls.svg)"));
    assert!(text(&markdown, "index-calls.svg").contains("href=\"purchase.md\""));
    insta::assert_snapshot!("markdown_purchase", text(&markdown, "purchase.md"));
    insta::assert_snapshot!("markdown_appointment", text(&markdown, "appointment.md"));
    insta::assert_snapshot!("html_purchase", page_content(&purchase));
}

/// Processes that call none: no call graph, no call facts.
#[test]
fn a_handbook_without_calls_has_no_call_graph() {
    let analysis = fixture("overdue-review");
    let book = handbook(&analysis, "2026-11-28");
    assert!(book.call_graph("html").is_none());
    let site = doc::html::site(&book);
    assert!(!text(&site, "index.html").contains("id=\"calls\""));
    assert!(!doc::markdown::site(&book).contains_key("index-calls.svg"));
}

/// A step's KPI is in that step's row, in a KPIs column only tables with
/// such a step have.
#[test]
fn a_step_kpi_is_in_its_row() {
    let book = handbook(&fixture("step-kpi"), "2026-11-28");
    let site = doc::html::site(&book);
    let page = text(&site, "payment.html");
    assert!(page.contains("<th>KPIs</th>"), "no KPIs column");
    let row = page
        .lines()
        .find(|line| line.contains("data-step=\"pay\""))
        .expect("the step's row");
    assert!(
        row.contains("付款時長 (pay_time): p90 under 2 business days"),
        "{row}"
    );
    let markdown = text(&doc::markdown::site(&book), "payment.md");
    assert!(
        markdown.contains("| KPIs |")
            && markdown.contains("付款時長 (pay\\_time): p90 under 2 business days"),
        "{markdown}"
    );
    let examples = doc::html::site(&handbook(&common::examples(), "2026-11-28"));
    assert!(!text(&examples, "expense_claim.html").contains("<th>KPIs</th>"));
}
