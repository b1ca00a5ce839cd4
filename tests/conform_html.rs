//! `flowc conform --html FILE`: the monitoring page of a process, through
//! the real binary; one self-contained file, the same bytes for the same
//! log, written whole or not at all.

use std::ffi::OsStr;
use std::path::Path;
use std::process::Output;

use flowc::i18n::Lang;

use crate::common;

fn conform_to(html: &Path, extra: &[&str]) -> Output {
    conform_log_to("expense-claims.csv", html, extra)
}

fn conform_log_to(log: &str, html: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        OsStr::new("--now"),
        OsStr::new("2026-04-30T09:00"),
        OsStr::new("--html"),
        html.as_os_str(),
    ];
    args.extend(extra.iter().map(OsStr::new));
    common::conform_fixture("examples", "expense_claim", (log, "staff.csv"), &args)
}

/// What a page may hold that reaches outside it: scripts, style sheets,
/// fonts and images from elsewhere.
fn external_references(page: &str) -> Vec<&'static str> {
    ["<script", "<link", "@import", "url(", " src=\"", "https://"]
        .into_iter()
        .filter(|reference| page.contains(reference))
        .collect()
}

/// The page with its style sheet (the handbook's, tested with it) left out.
pub(crate) fn without_styles(html: &str) -> String {
    let style = html.find("<style>").expect("styles") + "<style>".len();
    let style_end = html.find("</style>").expect("styles end");
    format!(
        "{}\n/* the handbook's styles and the plots' */\n{}",
        &html[..style],
        &html[style_end..]
    )
}

#[test]
fn the_monitoring_page_of_the_expense_claims() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("monitoring/expense_claim.html");
    let output = conform_to(&page, &[]);
    assert_eq!(output.status.code(), Some(1), "{}", common::stderr(&output));
    assert!(
        common::stdout(&output).contains("6 cases"),
        "the report is still printed: {}",
        common::stdout(&output)
    );
    let html = std::fs::read_to_string(&page).expect("the page is written");
    assert_eq!(external_references(&html), Vec::<&str>::new());
    for shown in [
        "費用報銷審批",
        "SLA 15 business days",
        "<td class=\"fail\">FAIL</td>",
        "<td class=\"pass\">PASS</td>",
        "Late steps per owner",
        "cumulative share",
        "wang.fang",
    ] {
        assert!(html.contains(shown), "`{shown}` is missing");
    }
    let again = dir.path().join("again.html");
    conform_to(&again, &[]);
    assert_eq!(
        std::fs::read(&again).expect("written"),
        html.as_bytes(),
        "the same log gives the same bytes"
    );
    insta::assert_snapshot!(without_styles(&html));
}

#[test]
fn the_page_does_not_change_the_json_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let with_page = conform_to(&dir.path().join("page.html"), &["--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&with_page.stdout).expect("JSON");
    assert_eq!(report["cases"], 6);
}

#[test]
fn a_page_that_cannot_be_written_stops_the_run_and_leaves_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "not a directory").expect("writable");
    let output = conform_to(&blocker.join("page.html"), &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        common::stderr(&output).contains("error: cannot create"),
        "{}",
        common::stderr(&output)
    );
    assert_eq!(common::stdout(&output), "", "no report without its page");
    let entries = std::fs::read_dir(dir.path()).expect("readable").count();
    assert_eq!(entries, 1, "nothing but the blocking file");
}

/// Every example's page, from a generated log with deviations: self-contained,
/// and every plot with text at 12 px or more at its natural size.
#[test]
fn pages_of_generated_logs_are_self_contained_with_legible_plots() {
    let mut pages = 0;
    let processes = common::each_generated_report(1.0, |name, document, calendar, report| {
        let html = flowc::conform::render_html(&report, document, calendar, Lang::ZhHant);
        assert_eq!(external_references(&html), Vec::<&str>::new(), "{name}");
        let sizes: Vec<f64> = html
            .split("font-size=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next()?.parse().ok())
            .collect();
        assert!(!sizes.is_empty(), "{name}: the plots set their text size");
        assert!(sizes.iter().all(|size| *size >= 12.0), "{name}: {sizes:?}");
        pages += 1;
    });
    assert_eq!((processes, pages), (13, 13));
}

/// Case ids, activities and people from the log are text on the page,
/// never markup.
#[test]
fn values_from_the_log_are_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("page.html");
    let output = conform_log_to("markup-in-values.csv", &page, &[]);
    assert_eq!(output.status.code(), Some(1), "{}", common::stderr(&output));
    let html = std::fs::read_to_string(&page).expect("the page is written");
    assert_eq!(external_references(&html), Vec::<&str>::new());
    assert!(!html.contains("<img"), "an activity became markup");
    for escaped in ["&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x"] {
        assert!(html.contains(escaped), "`{escaped}` is missing:\n{html}");
    }
}

fn document(out: &Path, format: &str) -> Output {
    crate::common::flowc_command()
        .current_dir(common::repo())
        .args([
            "doc",
            "examples",
            "--lang",
            "en",
            "--engine",
            "builtin",
            "--today",
            "2026-11-28",
            "--format",
            format,
            "--out",
        ])
        .arg(out)
        .output()
        .expect("flowc runs")
}

/// The handbook links a process page to `monitoring/<process>.html` when
/// its directory holds that page, and only then.
#[test]
fn the_handbook_links_to_the_monitoring_pages_it_holds() {
    const LINK: &str =
        "<a href=\"monitoring/expense_claim.html\">Monitoring: how the cases ran</a>";
    let dir = tempfile::tempdir().expect("temp dir");
    let output = document(dir.path(), "html");
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let page =
        |name: &str| std::fs::read_to_string(dir.path().join(name)).expect("a handbook page");
    assert!(!page("expense_claim.html").contains("monitoring/"));
    conform_to(&dir.path().join("monitoring/expense_claim.html"), &[]);
    let output = document(dir.path(), "html");
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    assert!(page("expense_claim.html").contains(LINK));
    assert!(!page("leave_request.html").contains("monitoring/"));

    let markdown = tempfile::tempdir().expect("temp dir");
    conform_to(&markdown.path().join("monitoring/expense_claim.html"), &[]);
    let output = document(markdown.path(), "markdown");
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let page = std::fs::read_to_string(markdown.path().join("expense_claim.md")).expect("a page");
    assert!(
        page.contains("[Monitoring: how the cases ran](monitoring/expense_claim.html)"),
        "{page}"
    );
}

/// A log where every case conforms (notes instead of empty plots), and
/// leave requests whose owners are relative to the applicant.
#[test]
fn the_monitoring_pages_of_the_other_fixture_logs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let runs = [
        ("conforming", "expense_claim", "conforming.csv", "staff.csv"),
        (
            "leave-requests",
            "leave_request",
            "leave-requests.csv",
            "leave-staff.csv",
        ),
    ];
    let mut pages = 0;
    for (name, process, log, staff) in runs {
        let page = dir.path().join(format!("{name}.html"));
        let output = common::conform_fixture(
            "examples",
            process,
            (log, staff),
            &[OsStr::new("--html"), page.as_os_str()],
        );
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{name}: {}",
            common::stderr(&output)
        );
        let html = std::fs::read_to_string(&page).expect("the page is written");
        insta::assert_snapshot!(name, without_styles(&html));
        pages += 1;
    }
    assert_eq!(pages, 2);
}
