//! BPMN export: one snapshot per example and per fixture in each dialect;
//! well-formed XML with unique ids; dialects keep to their own extensions;
//! labels survive (Chinese, XML's special characters).

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;

use flowc::check;
use flowc::emit::bpmn::graph::xml_id;
use flowc::emit::bpmn::{self, Dialect};
use flowc::model::calendar::Calendar;
use quick_xml::Reader;
use quick_xml::events::Event;

const DIALECTS: [Dialect; 2] = [Dialect::Zeebe, Dialect::Spiff];

fn build(path: &Path, dialect: Dialect) -> Vec<(String, String)> {
    let analysis = common::analyse(path);
    let checked = check::verify(&analysis.project, &analysis.diagnostics)
        .unwrap_or_else(|| panic!("{} has errors: {:?}", path.display(), analysis.diagnostics));
    bpmn::documents(&checked, &analysis.calendar, dialect).expect("the process exports")
}

/// Parses `text` to the end; returns every `id` attribute and every name.
fn parse(text: &str) -> (Vec<String>, Vec<String>) {
    let mut reader = Reader::from_str(text);
    let mut ids = Vec::new();
    let mut names = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(element) | Event::Empty(element)) => {
                // SpiffWorkflow's service operator and parameters name
                // themselves with `id`, which is no BPMN element id.
                let spiff_extension = element.name().as_ref().starts_with(b"spiffworkflow:");
                for attribute in element.attributes() {
                    let attribute = attribute.expect("attributes are well-formed");
                    let value = attribute
                        .unescape_value()
                        .expect("values unescape")
                        .into_owned();
                    match attribute.key.as_ref() {
                        b"id" if !spiff_extension => ids.push(value),
                        b"name" => names.push(value),
                        _ => {}
                    }
                }
            }
            Ok(_) => {}
            Err(error) => panic!("not well-formed XML: {error}"),
        }
    }
    (ids, names)
}

fn assert_sound(name: &str, text: &str, dialect: Dialect) {
    let (ids, _) = parse(text);
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{name}: duplicate ids");
    match dialect {
        Dialect::Zeebe => assert!(!text.contains("spiffworkflow"), "{name}"),
        Dialect::Spiff => assert!(!text.contains("zeebe"), "{name}"),
    }
}

#[test]
fn bpmn_of_every_example() {
    let examples = common::repo().join("examples");
    for dialect in DIALECTS {
        for (name, text) in build(&examples, dialect) {
            assert_sound(&name, &text, dialect);
            insta::assert_snapshot!(format!("bpmn_{}_{name}", dialect.name()), text);
        }
    }
}

/// A temporary directory holding only the fixture at `path`.
fn alone_in_a_directory(path: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join(path.file_name().expect("a file"));
    std::fs::copy(path, &file).expect("copy fixture");
    dir
}

#[test]
fn bpmn_of_every_fixture() {
    insta::glob!("fixtures/bpmn/*.flow", |path| {
        let dir = alone_in_a_directory(path);
        for dialect in DIALECTS {
            let documents = build(dir.path(), dialect);
            assert_eq!(documents.len(), 1, "one process per fixture");
            let (name, text) = &documents[0];
            assert_sound(name, text, dialect);
            insta::assert_snapshot!(dialect.name(), text);
        }
    });
}

#[test]
fn forms_of_every_fixture() {
    insta::glob!("fixtures/bpmn/*.flow", |path| {
        let dir = alone_in_a_directory(path);
        let analysis = common::analyse(dir.path());
        let checked = check::verify(&analysis.project, &analysis.diagnostics).expect("no errors");
        let spiff = bpmn::files(&checked, &analysis.calendar, Dialect::Spiff).expect("exports");
        assert!(
            spiff.iter().all(|(_, files)| files.len() == 1),
            "no forms in the Spiff dialect"
        );
        let zeebe = bpmn::files(&checked, &analysis.calendar, Dialect::Zeebe).expect("exports");
        let (_, files) = &zeebe[0];
        let (_, bpmn_text) = &files[0];
        let forms = &files[1..];
        assert_eq!(
            forms.len(),
            bpmn_text.matches("<zeebe:userTask/>").count(),
            "one form per user task"
        );
        for (_, form) in forms {
            let schema: serde_json::Value = serde_json::from_str(form).expect("JSON");
            let id = schema["id"].as_str().expect("a form id");
            assert!(
                bpmn_text.contains(&format!("<zeebe:formDefinition formId=\"{id}\"/>")),
                "form {id} is not linked"
            );
        }
        let text: String = forms
            .iter()
            .map(|(name, form)| format!("== {name}\n{form}"))
            .collect();
        insta::assert_snapshot!("forms", text);
    });
}

/// The BPMN of the people fixture in `dialect`.
fn people_fixture(dialect: Dialect) -> String {
    let path = common::repo().join("tests/fixtures/bpmn/people-signing-and-notify.flow");
    let dir = alone_in_a_directory(&path);
    build(dir.path(), dialect).remove(0).1
}

#[test]
fn relative_owners_are_people_of_the_applicants_line_never_an_empty_group() {
    let examples = common::repo().join("examples");
    for dialect in DIALECTS {
        for (name, text) in build(&examples, dialect) {
            assert!(
                !text.contains("candidateGroups=\"\""),
                "{name}: an empty group"
            );
            assert!(
                !text.contains("name=\"candidateGroups\" value=\"\""),
                "{name}"
            );
        }
    }
    let zeebe = people_fixture(Dialect::Zeebe);
    for expected in [
        "<zeebe:assignmentDefinition assignee=\"=applicant\"/>",
        "<zeebe:assignmentDefinition assignee=\"=applicant_managers[1]\"/>",
        "<zeebe:assignmentDefinition candidateGroups=\"filer,registrar\"/>",
        "<zeebe:input source=\"=applicant_managers[2]\" target=\"recipient\"/>",
    ] {
        assert!(zeebe.contains(expected), "missing {expected}");
    }
    let spiff = people_fixture(Dialect::Spiff);
    for expected in [
        "name=\"assigneeExpression\" value=\"applicant\"",
        "name=\"assigneeExpression\" value=\"applicant_managers[0]\"",
        "id=\"recipient\" type=\"str\" value=\"applicant_managers[1]\"",
    ] {
        assert!(spiff.contains(expected), "missing {expected}");
    }
}

#[test]
fn all_of_and_quorum_are_parallel_multi_instance_tasks_with_their_completion() {
    let zeebe = people_fixture(Dialect::Zeebe);
    assert_eq!(
        zeebe
            .matches("<bpmn:multiInstanceLoopCharacteristics>")
            .count(),
        2
    );
    assert!(!zeebe.contains("isSequential"));
    assert!(zeebe.contains(
        "= count(committee_votes[item = &quot;next&quot;]) &gt;= 2 or count(committee_votes[item != null and item != &quot;next&quot;]) &gt; 1"
    ));
    assert!(zeebe.contains(
        "= count(countersign_votes[item = &quot;next&quot;]) &gt;= 2 or count(countersign_votes[item != null and item != &quot;next&quot;]) &gt; 0"
    ));
    let spiff = people_fixture(Dialect::Spiff);
    assert_eq!(
        spiff
            .matches(
                "<bpmn:multiInstanceLoopCharacteristics spiffworkflow:scriptsOnInstances=\"true\">"
            )
            .count(),
        2
    );
    assert!(spiff.contains("<bpmn:dataObject id=\"committee_votes\" name=\"committee_votes\"/>"));
    // Every signer's instance appends its vote to the visit's tally, which
    // the script task `STEP.tally` opens: the completion counts them all.
    assert!(spiff.contains("<bpmn:scriptTask id=\"committee.tally\""));
    assert!(spiff.contains("committee_tally[&quot;votes&quot;].append(outcome)"));
    assert!(spiff.contains(
        "committee_tally[&quot;votes&quot;].count(&quot;next&quot;) &gt;= 2 or len(committee_tally[&quot;votes&quot;]) - committee_tally[&quot;votes&quot;].count(&quot;next&quot;) &gt; 1"
    ));
}

#[test]
fn every_notify_moment_is_a_notification_service_task_ending_on_its_own() {
    let zeebe = people_fixture(Dialect::Zeebe);
    for moment in ["started", "done", "rejected", "overdue"] {
        assert!(
            zeebe.contains(&format!("<zeebe:header key=\"when\" value=\"{moment}\"/>")),
            "no notification when {moment}"
        );
    }
    let notifications = zeebe
        .matches("<zeebe:header key=\"kind\" value=\"notification\"/>")
        .count();
    let ends = zeebe.matches("name=\"notified\"").count();
    assert_eq!(
        notifications, 8,
        "one service task per notify line and way out"
    );
    // The two rejections leaving the sign-off block are sent on the way to
    // its error end (which withdraws the block); every other notification
    // ends on a branch of its own.
    assert_eq!(ends, notifications - 2);
    assert!(zeebe.contains(
        "sourceRef=\"countersign.rejected.notification.1\" targetRef=\"countersign.reject.end\""
    ));
}

#[test]
fn chinese_labels_are_kept_as_written() {
    let path = common::repo().join("tests/fixtures/bpmn");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        path.join("chinese-names-and-labels.flow"),
        dir.path().join("claim.flow"),
    )
    .expect("copy");
    for dialect in DIALECTS {
        let documents = build(dir.path(), dialect);
        let (name, text) = &documents[0];
        assert_eq!(name, "報銷");
        let (ids, names) = parse(text);
        assert!(ids.iter().any(|found| found == "_x5831__x92B7_"), "{ids:?}");
        for name in ["申請", "審核", "按金額", "已支付", "退回"] {
            let id = xml_id(name);
            assert!(ids.contains(&id), "{dialect:?}: no id {id} for {name}");
            assert!(id.is_ascii(), "{id}");
        }
        for label in [
            "費用報銷 <試行> & \"簡化\"",
            "員工申請 (≤ 5,000 元)",
            "主管審核 <必填>",
            "員工 & 實習生",
            "已支付 ✓",
        ] {
            assert!(
                names.iter().any(|found| found == label),
                "{dialect:?}: label {label} lost: {names:?}"
            );
        }
    }
}

#[test]
fn output_is_byte_identical_across_runs() {
    let examples = common::repo().join("examples");
    for dialect in DIALECTS {
        assert_eq!(build(&examples, dialect), build(&examples, dialect));
    }
}

#[test]
fn business_days_follow_the_configured_week() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        common::repo().join("tests/fixtures/bpmn/parallel-block-with-reject.flow"),
        dir.path().join("p.flow"),
    )
    .expect("copy");
    std::fs::write(
        dir.path().join("flowc.toml"),
        "[calendar]\nworking-days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\"]\n",
    )
    .expect("write config");
    // The engines count the configured week's working days.
    let (_, zeebe) = &build(dir.path(), Dialect::Zeebe)[0];
    let six_days = "week: [&quot;Monday&quot;, &quot;Tuesday&quot;, &quot;Wednesday&quot;, &quot;Thursday&quot;, &quot;Friday&quot;, &quot;Saturday&quot;]";
    assert!(zeebe.contains(six_days), "{zeebe}");
    let (_, spiff) = &build(dir.path(), Dialect::Spiff)[0];
    assert!(
        spiff.contains("weekday() in (0, 1, 2, 3, 4, 5,)"),
        "{spiff}"
    );
    // A task's dueIn, for people, is the average: 3 business days on a
    // six-day week are 3.5 calendar days.
    assert!(spiff.contains("dueIn\" value=\"P3DT12H\""), "{spiff}");
    let five_day_week = Calendar::default();
    assert_eq!(
        five_day_week.business_days_as_calendar_minutes(3),
        3 * 7 * 24 * 60 / 5,
        "the default week gives another duration, so the assertion above tests the configured one"
    );
    assert!(!spiff.contains("P4DT4H"), "{spiff}");
    assert!(!zeebe.contains("Sunday"), "{zeebe}");
}

#[test]
fn a_step_named_like_its_process_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("p.flow"),
        "department d\nrole r in d\nprocess claim {\n  owner d\n  start claim\n  step claim {\n    owner r\n    within 1 day\n    next done\n  }\n  end done\n}\n",
    )
    .expect("write");
    let analysis = common::analyse(dir.path());
    let checked = check::verify(&analysis.project, &analysis.diagnostics).expect("clean");
    let error =
        bpmn::documents(&checked, &analysis.calendar, Dialect::Zeebe).expect_err("ids would clash");
    let message = error.to_string();
    assert!(message.contains("`claim`"), "{message}");
    assert!(message.contains("rename"), "{message}");
}

use crate::generator;

mod generated {
    use super::*;
    use flowc::config::Config;
    use flowc::model;
    use flowc::source::SourceFile;
    use proptest::prelude::*;

    fn export(seed: u64, steps: usize, dialect: Dialect) -> Vec<(String, String)> {
        let project = model::build(vec![
            SourceFile::from_text(
                "org.flow",
                generator::org_for(generator::Variety::Wide, seed),
            ),
            SourceFile::from_text(
                "generated.flow",
                generator::process_of(generator::Variety::Wide, seed, "generated", steps),
            ),
        ]);
        let diagnostics = check::run(
            &project,
            &check::CheckContext::new(&Config::default(), "2026-11-28".parse().expect("a date")),
        );
        let checked = check::verify(&project, &diagnostics).expect("generated processes are clean");
        bpmn::documents(&checked, &Calendar::default(), dialect).expect("exports")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// Any generated process (rework loops, decisions, countersigns,
        /// hostile labels) exports in both dialects to well-formed XML with
        /// unique ids, the same bytes every time.
        #[test]
        fn generated_processes_export_to_sound_bpmn(seed in any::<u64>(), steps in 1usize..60) {
            for dialect in DIALECTS {
                let documents = export(seed, steps, dialect);
                for (name, text) in &documents {
                    assert_sound(name, text, dialect);
                }
                prop_assert_eq!(&documents, &export(seed, steps, dialect));
            }
        }
    }
}

/// Found by the `emit` fuzz target: control characters in labels (here a
/// NUL and others inside a role's, the process's and a step's label) are
/// text XML 1.0 cannot hold even escaped; both dialects leave them out and
/// stay well-formed for a strict parser (roxmltree), other text kept.
#[test]
fn control_characters_in_labels_leave_the_bpmn_well_formed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "department office \"辦公室\"\nrole clerk \"文\u{12}\u{0}員\" in office\nprocess claim \"報\u{1}銷\" {\n  owner office\n  start apply\n  step apply \"申\u{b}請\u{fffe}\" {\n    owner clerk\n    within 5 business days\n    next done\n  }\n  end done \"完\u{1f}成\"\n}\n";
    std::fs::write(dir.path().join("claim.flow"), text).expect("write");
    let mut exported = 0;
    for dialect in DIALECTS {
        for (name, xml) in build(dir.path(), dialect) {
            let document = roxmltree::Document::parse(&xml)
                .unwrap_or_else(|error| panic!("{name} ({dialect:?}) is not well-formed: {error}"));
            let names: Vec<&str> = document
                .descendants()
                .filter_map(|node| node.attribute("name"))
                .collect();
            for kept in ["報銷", "申請", "完成"] {
                assert!(
                    names.contains(&kept),
                    "{dialect:?}: no `{kept}` among {names:?}"
                );
            }
            exported += 1;
        }
    }
    assert_eq!(exported, 2);
}

/// Business-day due dates, reminders, escalations, a minimum period and a
/// timeout over the "cn" holidays with the company in UTC+8: every one is
/// a date reckoned over the calendar (`timeDate`), none a duration, in
/// each dialect (CI evaluates them against flowc sim).
#[test]
fn business_days_over_the_holiday_calendar() {
    let dir = common::repo().join("tests/fixtures/bpmn-calendar");
    for dialect in DIALECTS {
        let documents = build(&dir, dialect);
        assert_eq!(documents.len(), 1);
        let (name, text) = &documents[0];
        assert_sound(name, text, dialect);
        assert_eq!(text.matches("<bpmn:timeDate").count(), 4, "{text}");
        assert!(!text.contains("<bpmn:timeDuration"), "{text}");
        // National Day 2026: Thursday 1 October off, Saturday 10 worked.
        assert!(text.contains("2026-10-01"), "{text}");
        assert!(text.contains("2026-10-10"), "{text}");
        insta::assert_snapshot!(format!("bpmn_calendar_{}_{name}", dialect.name()), text);
    }
}

/// Calls routed by the end reached, recorded values, two dates compared,
/// a minimum period and a timeout in a parallel block: the two processes
/// of the system fixture, in each dialect, and the forms of the caller.
#[test]
fn bpmn_of_processes_as_one_system() {
    let dir = common::repo().join("tests/fixtures/bpmn-system");
    for dialect in DIALECTS {
        let documents = build(&dir, dialect);
        assert_eq!(documents.len(), 2, "caller and callee");
        for (name, text) in &documents {
            assert_sound(name, text, dialect);
            insta::assert_snapshot!(format!("bpmn_system_{}_{name}", dialect.name()), text);
        }
        let caller = &documents
            .iter()
            .find(|(name, _)| name == "intake")
            .expect("intake")
            .1;
        let callee = &documents
            .iter()
            .find(|(name, _)| name == "vetting")
            .expect("vetting")
            .1;
        match dialect {
            Dialect::Zeebe => {
                assert!(caller.contains(r#"<zeebe:calledElement processId="vetting" propagateAllChildVariables="false" propagateAllParentVariables="false"/>"#));
                assert!(caller.contains(r#"<zeebe:input source="=deadline" target="due"/>"#));
                assert!(caller.contains(r#"<zeebe:output source="=end" target="end"/>"#));
                assert!(caller.contains("date(checked_on) &lt;= date(deadline)"));
            }
            Dialect::Spiff => {
                assert!(caller.contains(r#"calledElement="vetting""#));
                assert!(callee.contains(r#"<bpmn:dataOutput id="end" name="end"/>"#));
                assert!(caller.contains("checked_on &lt;= deadline"));
            }
        }
        for end in ["passed", "refused"] {
            assert!(callee.contains(&format!(r#"<bpmn:scriptTask id="{end}.reached""#)));
        }
        assert!(
            caller.contains(r#"cancelActivity="true""#),
            "the timeout interrupts"
        );
        assert!(
            !caller.contains(".reached\""),
            "a process nobody calls reports no end"
        );
    }
    let analysis = common::analyse(&dir);
    let checked = check::verify(&analysis.project, &analysis.diagnostics).expect("no errors");
    let zeebe = bpmn::files(&checked, &analysis.calendar, Dialect::Zeebe).expect("exports");
    let text: String = zeebe
        .iter()
        .flat_map(|(_, files)| files.iter().filter(|(name, _)| name.ends_with(".form")))
        .map(|(name, form)| format!("== {name}\n{form}"))
        .collect();
    insta::assert_snapshot!("bpmn_system_forms", text);
}
