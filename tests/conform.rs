//! `flowc conform`: event logs of what happened checked against the
//! process, through the real binary; every deviation kind and every bad
//! input with its message.

use std::path::Path;
use std::process::Output;

use crate::common;

/// `flowc conform` in English (`--lang en`: the examples ask for zh-Hant).
fn conform(project: &str, process: &str, log: &str, extra: &[&str]) -> Output {
    let repo = common::repo();
    let fixtures = repo.join("tests/fixtures/conform");
    let mut command = crate::common::flowc_command();
    command
        .current_dir(&repo)
        .arg("conform")
        .arg(project)
        .args(["--lang", "en"])
        .args(["--process", process])
        .arg("--log")
        .arg(fixtures.join(log));
    for arg in extra {
        match arg.strip_prefix("fixture:") {
            Some(name) => command.arg(fixtures.join(name)),
            None => command.arg(arg),
        };
    }
    command.env("NO_COLOR", "1").output().expect("flowc runs")
}

/// The report without the machine's path to the fixtures.
fn shown(output: &Output) -> String {
    let fixtures = common::repo().join("tests/fixtures/conform");
    format!("{}{}", common::stdout(output), common::stderr(output))
        .replace(&fixtures.display().to_string(), "FIXTURES")
}

const EXPENSE_STAFF: &[&str] = &["--staff", "fixture:staff.csv"];

#[test]
fn a_conforming_log_exits_0_in_every_format_when_kpis_are_left_out() {
    let mut reports = Vec::new();
    let mut extra = EXPENSE_STAFF.to_vec();
    extra.extend(["--fail-on", "deviation", "--fail-on", "late"]);
    for log in ["conforming.csv", "conforming.xes", "conforming.xes.gz"] {
        let output = conform("examples", "expense_claim", log, &extra);
        assert_eq!(output.status.code(), Some(0), "{log}: {}", shown(&output));
        reports.push(common::stdout(&output));
    }
    assert_eq!(reports.len(), 3);
    assert!(
        reports[0].contains(
            "2 cases: 2 finished, 0 open (judged at 2026-03-10 09:00); 2 conforming (100.0%)"
        ),
        "{}",
        reports[0]
    );
    assert!(
        reports[0].contains("first_pass_rate \"一次通過率\": 50.0% against at least 85% (MISSED"),
        "one of two claims was sent back once: {}",
        reports[0]
    );
    assert_eq!(reports[0], reports[1], "CSV and XES give the same report");
    assert_eq!(
        reports[1], reports[2],
        "plain and gzipped XES give the same report"
    );
}

/// Wrong path (80,000 CNY paid without the general manager), two steps
/// swapped, a step done by someone without its role, an approval by the
/// person who submitted, a late step with the reminder and escalation that
/// would have fired, cases open past their SLA, a KPI missed.
#[test]
fn every_kind_of_deviation_is_reported_with_its_values() {
    let mut extra = EXPENSE_STAFF.to_vec();
    extra.extend(["--now", "2026-04-30T09:00"]);
    let output = conform("examples", "expense_claim", "expense-claims.csv", &extra);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(shown(&output));
}

#[test]
fn the_json_report_holds_every_finding() {
    let mut extra = EXPENSE_STAFF.to_vec();
    extra.extend(["--now", "2026-04-30T09:00", "--format", "json"]);
    let output = conform("examples", "expense_claim", "expense-claims.csv", &extra);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let kinds: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|finding| finding["kind"].as_str().expect("a kind"))
        .collect();
    assert_eq!(
        kinds,
        [
            "wrong-path",
            "out-of-order",
            "wrong-owner",
            "wrong-owner",
            "self-approval",
            "late",
            "open-past-sla",
            "open-past-sla"
        ]
    );
    insta::assert_snapshot!(common::stdout(&output));
}

#[test]
fn fail_on_chooses_what_makes_the_exit_code_1() {
    let late_only = ["--fail-on", "deviation", "--staff"];
    let output = conform(
        "examples",
        "leave_request",
        "leave-requests.csv",
        &[
            late_only[0],
            "late",
            late_only[2],
            "fixture:leave-staff.csv",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", shown(&output));
    let output = conform(
        "examples",
        "leave_request",
        "leave-requests.csv",
        &[
            late_only[0],
            late_only[1],
            late_only[2],
            "fixture:leave-staff.csv",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "{}", shown(&output));
    let output = conform(
        "examples",
        "leave_request",
        "leave-requests.csv",
        &["--fail-on", "kpi", "--staff", "fixture:leave-staff.csv"],
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "the cycle-time KPI is missed"
    );
}

/// `manager of applicant` is checked against the applicant's own line: a
/// department head's leave goes to the division lead, an employee's to the
/// department head.
#[test]
fn relative_owners_are_checked_against_the_applicants_reporting_line() {
    let output = conform(
        "examples",
        "leave_request",
        "leave-requests.csv",
        &["--staff", "fixture:leave-staff.csv"],
    );
    insta::assert_snapshot!(shown(&output));
}

/// A quorum decided by two answers and an all-of sign-off replay as one
/// step each; two rejections of three make the quorum impossible, and the
/// third member's answer, logged after the case ended (an engine that
/// waits for every signer), is no deviation.
#[test]
fn signers_of_quorum_and_all_of_steps_are_one_step() {
    let output = conform(
        "tests/fixtures/sim/committee",
        "investment",
        "investments.csv",
        &["--staff", "fixture:committee-staff.csv"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", shown(&output));
    assert!(
        shown(&output)
            .contains("2 cases: 2 finished, 0 open (judged at 2026-03-09 09:00); 2 conforming"),
        "{}",
        shown(&output)
    );
}

#[test]
fn an_unknown_activity_names_the_steps() {
    let output = conform("examples", "expense_claim", "unknown-activity.csv", &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        shown(&output)
            .contains("who did each step was not checked: give the staff directory with --staff"),
        "without a staff directory the report says owners were not checked: {}",
        shown(&output)
    );
    assert!(
        shown(&output).contains("activity `approve_claim` is no step of process `expense_claim` (its steps: apply, dept_review"),
        "{}",
        shown(&output)
    );
}

/// Inputs that cannot be read exit 2 with a message that names the place
/// and the fix.
#[test]
fn bad_inputs_are_refused_with_their_place() {
    let cases: &[(&str, &[&str], &str)] = &[
        (
            "missing-column.csv",
            &[],
            "the log has no column `timestamp` for the timestamp (its columns: case, activity, when); name the column with `--map timestamp=COLUMN`",
        ),
        (
            "timestamp-without-time-zone.csv",
            &[],
            "line 2 of the log: the timestamp `2026-03-02 09:30:00` has no time zone",
        ),
        ("empty.csv", &[], "the log holds no event"),
        (
            "malformed.xes",
            &[],
            "the XES log does not parse after 0 traces: it is not well-formed XML",
        ),
        (
            "conforming.csv",
            &["--staff", "fixture:staff-unknown-role.csv"],
            "line 3 of the staff directory: `department_head` is not a role of the project",
        ),
        (
            "conforming.csv",
            &["--staff", "fixture:staff-wrong-department.csv"],
            "line 2 of the staff directory: role `accountant` is in `finance`, not in `legal`",
        ),
        (
            "conforming.csv",
            &["--staff", "fixture:staff-missing-columns.csv"],
            "the staff directory needs the columns `person` and `role`",
        ),
        (
            "conforming.csv",
            &["--now", "tomorrow"],
            "--now tomorrow: write YYYY-MM-DDTHH:MM",
        ),
        ("staff.csv", &[], "the log has no column `case`"),
    ];
    let mut ran = 0;
    for (log, extra, message) in cases {
        let output = conform("examples", "expense_claim", log, extra);
        assert_eq!(output.status.code(), Some(2), "{log}: {}", shown(&output));
        assert!(
            shown(&output).contains(message),
            "{log}: {}",
            shown(&output)
        );
        assert!(
            common::stdout(&output).is_empty(),
            "{log}: nothing on stdout"
        );
        ran += 1;
    }
    assert_eq!(ran, 9);
    let output = conform("examples", "expense_claim", "../../../README.md", &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        shown(&output).contains("a log is a `.csv`, `.xes` or `.xes.gz` file"),
        "{}",
        shown(&output)
    );
    assert!(Path::new(&common::repo().join("README.md")).exists());
}

/// The simulator's generated logs and the conformance check agree: a log
/// of every example process run by `flowc sim` conforms (no deviation, only
/// the late steps its random delays make), and every deviation injected
/// into a case is found in that case, in CSV and XES alike.
#[test]
fn generated_logs_conform_and_every_injected_deviation_is_found() {
    let analysis = common::examples();
    let checked = flowc::check::verify(&analysis.project, &analysis.diagnostics).expect("clean");
    let documents = flowc::ir::documents(&checked);
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
        .and_then(|date| date.and_hms_opt(9, 0, 0))
        .expect("a time");
    let mut processes = 0;
    let mut labelled = 0;
    for (name, document) in &documents {
        let staff_text = flowc::conform::staff_directory(document);
        let staff = flowc::conform::read_staff(staff_text.as_bytes(), |role| {
            document
                .roles
                .iter()
                .find(|known| known.name == role)
                .map(|known| known.department.clone())
        })
        .expect("the generated directory reads");
        for (deviate, format) in [
            (0.0, flowc::conform::GeneratedFormat::Csv),
            (1.0, flowc::conform::GeneratedFormat::Xes),
        ] {
            let generation = flowc::conform::Generation {
                cases: 150,
                seed: 11,
                start,
                deviate,
                format,
            };
            let log = common::generated_log(&documents, document, &analysis.calendar, &generation);
            let checker =
                flowc::conform::Checker::new(document, &analysis.calendar, Some(&staff), None);
            let mut session = checker.session();
            let mut labels = std::collections::BTreeMap::new();
            match format {
                flowc::conform::GeneratedFormat::Csv => {
                    flowc::conform::read_csv(
                        log.as_slice(),
                        &flowc::conform::ColumnMapping::default(),
                        |case, attributes, event| {
                            if let Some(label) = attributes.get("deviation") {
                                labels.insert(case.to_string(), label.clone());
                            }
                            session.event(case, &attributes, event);
                            Ok(())
                        },
                    )
                    .expect("the generated CSV reads");
                }
                flowc::conform::GeneratedFormat::Xes => {
                    flowc::conform::read_xes(log.as_slice(), false, |case| {
                        if let Some(label) = case.attributes.get("deviation") {
                            labels.insert(case.id.clone(), label.clone());
                        }
                        session.case(case);
                        Ok(())
                    })
                    .expect("the generated XES reads");
                }
            }
            let report = session.report();
            assert_eq!(report.cases, 150, "{name}");
            if deviate == 0.0 {
                let deviations: Vec<&flowc::conform::Finding> = report
                    .findings
                    .iter()
                    .filter(|finding| {
                        finding.kind.category() == flowc::conform::Category::Deviation
                    })
                    .collect();
                assert!(deviations.is_empty(), "{name}: {deviations:#?}");
                assert!(labels.is_empty());
            } else {
                assert_eq!(labels.len(), 150, "{name}: every case carries a deviation");
                for (case, label) in &labels {
                    assert!(
                        report
                            .findings
                            .iter()
                            .any(|finding| &finding.case == case && finding.kind.name() == label),
                        "{name}: case {case} carries `{label}`, not found"
                    );
                }
                labelled += labels.len();
            }
        }
        processes += 1;
    }
    assert_eq!(processes, 13);
    assert_eq!(labelled, 13 * 150);
}

/// `[conform]` in flowc.toml names the staff directory and the columns of
/// a company's own export; `--map` still wins over it.
#[test]
fn flowc_toml_names_the_staff_directory_and_the_columns() {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = common::repo();
    for file in ["org.flow", "expense-claim.flow"] {
        std::fs::copy(repo.join("examples").join(file), dir.path().join(file)).expect("copy");
    }
    std::fs::copy(
        repo.join("tests/fixtures/conform/staff.csv"),
        dir.path().join("people.csv"),
    )
    .expect("copy");
    std::fs::write(
        dir.path().join("flowc.toml"),
        "[conform]\nstaff = \"people.csv\"\n[conform.columns]\ncase = \"Case ID\"\nactivity = \"Activity\"\ntimestamp = \"Completed\"\nresource = \"User\"\namount = \"Amount\"\n",
    )
    .expect("config");
    let log = "Case ID,Activity,Completed,User,Amount,Type\nA1,apply,2026-03-02T09:30:00+08:00,zhang.wei,3000,travel\nA1,dept_review,2026-03-03T10:00:00+08:00,liu.yang,,\n";
    std::fs::write(dir.path().join("log.csv"), log).expect("log");
    let run = |extra: &[&str]| {
        crate::common::flowc_command()
            .current_dir(dir.path())
            .args([
                "conform",
                ".",
                "--process",
                "expense_claim",
                "--log",
                "log.csv",
            ])
            .args(extra)
            .output()
            .expect("flowc runs")
    };
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(1), "{}", shown(&output));
    assert!(
        shown(&output).contains(
            "step `dept_review` was done by `liu.yang` (accountant), who does not hold `dept_head`"
        ),
        "the staff directory of flowc.toml is read: {}",
        shown(&output)
    );
    let output = run(&["--map", "timestamp=Missing"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        shown(&output).contains("the log has no column `Missing` for the timestamp"),
        "{}",
        shown(&output)
    );
    std::fs::write(
        dir.path().join("flowc.toml"),
        "[conform.columns]\ncase = \" \"\n",
    )
    .expect("config");
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        shown(&output)
            .contains("[conform.columns] case = \"\": name the CSV column that holds `case`"),
        "{}",
        shown(&output)
    );
}

#[test]
fn a_value_that_does_not_fit_and_an_outcome_the_step_lacks_are_findings() {
    let output = conform(
        "examples",
        "expense_claim",
        "bad-value-and-unknown-outcome.csv",
        &[],
    );
    assert_eq!(output.status.code(), Some(1));
    let text = shown(&output);
    assert!(
        text.contains(
            "bad-value: the value `ten` of `amount` does not fit: `ten` is not an amount of CNY"
        ),
        "{text}"
    );
    assert!(
        text.contains("unknown-outcome: step `pay` ended with outcome `reject`, which it does not have [line 5]"),
        "{text}"
    );
}

#[test]
fn a_misspelt_process_gets_a_did_you_mean() {
    let output = conform("examples", "expens_claim", "conforming.csv", &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        shown(&output).contains(
            "--process expens_claim: no process of that name (did you mean `expense_claim`?)"
        ),
        "{}",
        shown(&output)
    );
}

#[test]
fn purchases_are_judged_on_recorded_values_calls_and_timeouts() {
    let output = conform(
        "examples",
        "purchase",
        "purchases.csv",
        &["--now", "2026-04-30T09:00", "--format", "json"],
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let found: Vec<(&str, &str)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|finding| {
            (
                finding["case"].as_str().expect("a case"),
                finding["kind"].as_str().expect("a kind"),
            )
        })
        .collect();
    // p1 goes round the receipt once (`passed` recorded `no`, then `yes`)
    // and p2 calls the contract process: they conform. p3 times out after
    // its deadline had passed (late). p4 orders again after a receipt
    // recorded as passed had ended the case; p5 orders over its budget.
    assert_eq!(
        found,
        [
            ("p3", "late"),
            ("p4", "out-of-order"),
            ("p4", "out-of-order"),
            ("p5", "wrong-path")
        ]
    );
}

#[test]
fn a_log_into_a_year_the_holiday_preset_has_no_notice_for_is_warned_about() {
    let project = tempfile::tempdir().expect("temp dir");
    for name in ["org.flow", "expense-claim.flow"] {
        std::fs::copy(
            common::repo().join("examples").join(name),
            project.path().join(name),
        )
        .expect("copy example");
    }
    std::fs::write(
        project.path().join("flowc.toml"),
        "[calendar]\nholidays = \"cn\"\n",
    )
    .expect("write flowc.toml");
    let project = project.path().to_str().expect("a UTF-8 path");
    let human = conform(project, "expense_claim", "across-2027.csv", &[]);
    let text = shown(&human);
    assert!(
        text.contains("warning: the holiday preset \"cn\" has no notice for 2027 (it covers up to 2026), so 2027 was counted with the working week only"),
        "{text}"
    );
    assert!(!text.contains("no notice for 2026"), "{text}");
    let json = conform(
        project,
        "expense_claim",
        "across-2027.csv",
        &["--format", "json"],
    );
    let report: serde_json::Value =
        serde_json::from_slice(&json.stdout).expect("the report is JSON");
    let report = report.get(0).unwrap_or(&report);
    assert_eq!(
        report["unannounced_years"],
        serde_json::json!([{ "preset": "cn", "year": 2027, "last_covered": 2026 }]),
        "{report}"
    );
}
