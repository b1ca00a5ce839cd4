//! The simulator: named scenarios on the examples and on fixture projects,
//! each timeline snapshotted; errors that name what is wrong.

use crate::common;

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use flowc::check;
use flowc::i18n::Lang;
use flowc::ir;
use flowc::sim::{self, Scenario, SimError, Timeline};

/// A scenario as the command line gives it.
struct Case<'a> {
    project: &'a str,
    process: &'a str,
    start: &'a str,
    set: &'a [(&'a str, &'a str)],
    outcomes: &'a [(&'a str, &'a str)],
    delays: &'a [(&'a str, &'a str)],
    applicant: Option<&'a str>,
    /// Recorded values, `STEP.NAME` (`CALL.STEP.NAME`) with a value, one
    /// per visit in order.
    recorded: &'a [(&'a str, &'a str)],
}

impl Default for Case<'_> {
    fn default() -> Self {
        Case {
            project: "examples",
            process: "expense_claim",
            start: "2026-12-01T09:00",
            set: &[],
            outcomes: &[],
            delays: &[],
            applicant: None,
            recorded: &[],
        }
    }
}

fn run(case: &Case<'_>) -> Result<Timeline, SimError> {
    let analysis = common::analyse(&common::repo().join(case.project));
    let checked = check::verify(&analysis.project, &analysis.diagnostics).expect("clean project");
    let documents = ir::documents(&checked);
    let library = sim::Library::new(documents.iter().map(|(_, document)| document));
    let (_, document) = documents
        .iter()
        .find(|(name, _)| name == case.process)
        .expect("the process exists");
    let mut inputs = BTreeMap::new();
    for (name, value) in case.set {
        let input = document
            .inputs
            .iter()
            .find(|input| input.name == *name)
            .expect("the input exists");
        inputs.insert(name.to_string(), sim::parse_input(input, value)?);
    }
    let mut outcomes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (step, outcome) in case.outcomes {
        outcomes
            .entry(step.to_string())
            .or_default()
            .push(outcome.to_string());
    }
    let mut delays: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for (step, delay) in case.delays {
        delays
            .entry(step.to_string())
            .or_default()
            .push(sim::parse_duration(delay).expect("a duration"));
    }
    let mut recorded: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for (key, value) in case.recorded {
        let kind = sim::recorded_type_in(document, &library, key)?;
        recorded
            .entry(key.to_string())
            .or_default()
            .push(sim::parse_value(key, kind, value)?);
    }
    let scenario = Scenario {
        start: NaiveDateTime::parse_from_str(case.start, "%Y-%m-%dT%H:%M").expect("a time"),
        inputs,
        outcomes,
        delays,
        applicant: case.applicant.map(str::to_string),
        recorded,
    };
    sim::run(document, &library, &analysis.calendar, &scenario)
}

/// A project of one file `p.flow` holding `flow`, with `rule` turned off
/// in its `flowc.toml`: the rule would report what the run is to catch.
fn project_without_rule(flow: &str, rule: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("p.flow"), flow).expect("write");
    std::fs::write(
        dir.path().join("flowc.toml"),
        format!("[rules]\n{rule} = \"off\"\n"),
    )
    .expect("write config");
    dir
}

fn timeline(case: &Case<'_>) -> String {
    timeline_in(case, Lang::En)
}

fn timeline_in(case: &Case<'_>, lang: Lang) -> String {
    sim::render_human(
        &run(case).unwrap_or_else(|error| panic!("the run fails: {error}")),
        lang,
    )
}

#[test]
fn expense_claim_at_each_threshold() {
    for (amount, expected) in [
        ("5000", "pay"),
        ("5000.01", "division_approval"),
        ("50000", "division_approval"),
        ("50000.01", "gm_approval"),
    ] {
        let result = run(&Case {
            set: &[("amount", amount)],
            ..Case::default()
        })
        .expect("runs");
        assert_eq!(result.steps[3], expected, "amount = {amount}");
        assert_eq!(result.end, "paid");
    }
}

#[test]
fn expense_claim_on_time_within_the_sla() {
    insta::assert_snapshot!(timeline(&Case {
        set: &[("amount", "5000")],
        ..Case::default()
    }));
}

#[test]
fn expense_claim_rejected_twice_then_late_and_escalated() {
    insta::assert_snapshot!(timeline(&expense_claim_reworked()));
}

#[test]
fn contract_rejected_in_the_countersign_withdraws_the_other_branch() {
    insta::assert_snapshot!(timeline(&Case {
        process: "contract_approval",
        set: &[("value", "1000000")],
        outcomes: &[("finance_review", "reject")],
        delays: &[("finance_review", "1bd")],
        ..Case::default()
    }));
}

#[test]
fn complaint_in_hours_over_a_weekend() {
    insta::assert_snapshot!(timeline(&Case {
        process: "complaint_handling",
        start: "2026-12-04T16:00",
        set: &[("severity", "critical")],
        delays: &[("receive", "9h")],
        ..Case::default()
    }));
}

#[test]
fn leave_across_the_national_day_holidays() {
    insta::assert_snapshot!(timeline(&Case {
        project: "tests/fixtures/sim/golden-week",
        process: "leave",
        start: "2026-09-30T14:00",
        set: &[("days", "5")],
        ..Case::default()
    }));
}

#[test]
fn leave_across_national_day_under_the_china_preset_works_the_make_up_saturday() {
    insta::assert_snapshot!(timeline(&Case {
        project: "tests/fixtures/sim/china-holidays",
        process: "leave",
        start: "2026-09-28T09:00",
        ..Case::default()
    }));
}

/// The same run in Traditional Chinese: dates as `2026年10月10日`, the
/// holidays skipped and the make-up Saturday worked.
#[test]
fn leave_across_national_day_under_the_china_preset_in_traditional_chinese() {
    insta::assert_snapshot!(timeline_in(
        &Case {
            project: "tests/fixtures/sim/china-holidays",
            process: "leave",
            start: "2026-09-28T09:00",
            ..Case::default()
        },
        Lang::ZhHant
    ));
}

#[test]
fn a_year_the_holiday_preset_has_no_notice_for_is_a_warning() {
    let text = timeline(&Case {
        project: "tests/fixtures/sim/china-holidays",
        process: "leave",
        start: "2026-12-29T09:00",
        ..Case::default()
    });
    insta::assert_snapshot!(text);
    let timeline = run(&Case {
        project: "tests/fixtures/sim/china-holidays",
        process: "leave",
        start: "2026-12-29T09:00",
        ..Case::default()
    })
    .expect("the run finishes");
    let json = serde_json::to_value(&timeline).expect("serialises");
    assert_eq!(
        json["unannounced_years"],
        serde_json::json!([{"preset": "cn", "year": 2027, "last_covered": 2026}])
    );
}

#[test]
fn json_timeline_lists_the_steps_reached() {
    let result = run(&Case {
        process: "manufacturing",
        set: &[("materials_in_stock", "no")],
        outcomes: &[("incoming_inspection", "reject")],
        ..Case::default()
    })
    .expect("runs");
    insta::assert_snapshot!(result.steps.join("\n"));
    let value = serde_json::to_value(&result).expect("serialises");
    assert_eq!(value["end"], "stored");
    assert_eq!(value["sla"]["text"], "60 business days");
}

#[test]
fn runs_are_deterministic() {
    let case = Case {
        process: "product_rnd",
        set: &[("budget", "1000000.01")],
        outcomes: &[("performance_test", "reject")],
        delays: &[("functional_test", "12bd")],
        ..Case::default()
    };
    assert_eq!(timeline(&case), timeline(&case));
}

#[test]
fn a_value_matching_no_branch_names_the_input_and_the_decision() {
    // The checker reports the gap (decision-gap); with the rule off, the
    // run is what catches it.
    let dir = project_without_rule(
        "department d\nrole r in d\nprocess route {\n  owner d\n  input amount: money CNY\n  start by_amount\n  decide by_amount {\n    when amount < 5000 CNY -> done\n  }\n  end done\n}\n",
        "decision-gap",
    );
    let error = run(&Case {
        project: dir.path().to_str().expect("utf-8 path"),
        process: "route",
        set: &[("amount", "5000")],
        ..Case::default()
    })
    .expect_err("no branch matches");
    assert_eq!(
        error.to_string(),
        "amount = 5000 CNY match no branch of decision `by_amount` and it has no `otherwise`"
    );
    assert!(matches!(error, SimError::Stuck(_)));
}

#[test]
fn a_loop_without_an_exit_is_stopped() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("p.flow"),
        "department d\nrole r in d\nprocess spin {\n  owner d\n  start a\n  step a {\n    owner r\n    within 1 hour\n    next b\n  }\n  step b {\n    owner r\n    within 1 hour\n    on stop -> done\n    next a\n  }\n  end done\n}\n",
    )
    .expect("write");
    let error = run(&Case {
        project: dir.path().to_str().expect("utf-8 path"),
        process: "spin",
        ..Case::default()
    })
    .expect_err("loops");
    assert!(
        error.to_string().contains("entered step `a` 1000 times"),
        "{error}"
    );
}

/// The check's counterexample for each `endless-loop` fixture, run by the
/// simulator with the rule off: the run goes round until it is stopped as
/// a loop. A value the loop lets out reaches an end.
#[test]
fn the_values_endless_loop_reports_never_end_in_the_simulator() {
    let cases = [
        (
            "endless-loop-rework-left-only-for-small-runs",
            "print_order",
            &[("copies", "100")][..],
        ),
        (
            "endless-loop-through-a-parallel-block",
            "contract",
            &[("amount", "1000000"), ("urgent", "no")],
        ),
        (
            "endless-loop-two-decisions",
            "claim",
            &[("kind", "office"), ("amount", "5000")],
        ),
        (
            "endless-loop-inner-loop-misses-the-reviewer",
            "manuscript",
            &[("pages", "50")],
        ),
        (
            "endless-loop-decisions-only",
            "claim",
            &[("amount", "5000")],
        ),
        (
            "endless-loop-one-of-two-ways-round",
            "claim",
            &[("kind", "travel"), ("amount", "100")],
        ),
    ];
    let mut ran = 0;
    for (fixture, process, ending) in cases {
        let source = common::repo().join(format!("tests/fixtures/check/{fixture}.flow"));
        let text = std::fs::read_to_string(&source).expect("read the fixture");
        let project = flowc::model::build(vec![flowc::source::SourceFile::from_text(
            "p.flow",
            text.clone(),
        )]);
        let config = flowc::config::Config::default();
        let context = check::CheckContext::new(&config, common::today());
        let reported: Vec<String> = check::run(&project, &context)
            .into_iter()
            .filter(|diagnostic| diagnostic.rule == "endless-loop")
            .map(|diagnostic| diagnostic.message.english())
            .collect();
        let [message] = reported.as_slice() else {
            panic!("{fixture}: one endless-loop finding expected, got {reported:?}")
        };
        let values = message
            .split_once(" never ends for ")
            .and_then(|(_, rest)| rest.split_once(": "))
            .map(|(values, _)| values)
            .unwrap_or_else(|| panic!("{fixture}: no values in {message}"));
        let set: Vec<(&str, &str)> = values
            .split(", ")
            .map(|pair| pair.split_once(" = ").expect("NAME = VALUE"))
            .collect();
        let dir = project_without_rule(&text, "endless-loop");
        let project = dir.path().to_str().expect("utf-8 path");
        let error = run(&Case {
            project,
            process,
            set: &set,
            ..Case::default()
        })
        .expect_err("the reported values never end");
        assert!(
            matches!(&error, SimError::Stuck(text) if text.english().contains("1000 times without reaching an end") || text.english().contains("without entering a step")),
            "{fixture} with {values}: {error}"
        );
        let ended = run(&Case {
            project,
            process,
            set: ending,
            ..Case::default()
        });
        assert!(ended.is_ok(), "{fixture} with {ending:?}: {ended:?}");
        ran += 1;
    }
    assert_eq!(ran, 6);
}

#[test]
fn a_loop_of_decisions_only_is_stopped() {
    // The checker reports the loop (endless-loop); with the rule off, the
    // run is what catches it.
    let dir = project_without_rule(
        "department d\nrole r in d\nprocess spin {\n  owner d\n  input x: number\n  start a\n  decide a {\n    when x > 1 -> b\n    otherwise -> done\n  }\n  decide b {\n    when x > 2 -> done\n    otherwise -> a\n  }\n  end done\n}\n",
        "endless-loop",
    );
    let project = dir.path().to_str().expect("utf-8 path");
    let error = run(&Case {
        project,
        process: "spin",
        set: &[("x", "1.5")],
        ..Case::default()
    })
    .expect_err("loops");
    assert_eq!(
        error.to_string(),
        "the run went round `a`, `b` without entering a step: the path loops through them for ever"
    );
    let ended = run(&Case {
        project,
        process: "spin",
        set: &[("x", "3")],
        ..Case::default()
    })
    .expect("x = 3 leaves through `b`");
    assert_eq!(ended.end, "done");
}

#[test]
fn scenarios_that_do_not_fit_are_refused() {
    let error = run(&Case {
        outcomes: &[("pay", "reject")],
        set: &[("amount", "1")],
        ..Case::default()
    })
    .expect_err("pay has no reject");
    assert_eq!(
        error.to_string(),
        "--outcome pay=reject: step `pay` has no outcome `reject`; it can end with: next"
    );
    let error = run(&Case {
        outcomes: &[("payment", "next")],
        ..Case::default()
    })
    .expect_err("no step payment");
    assert!(
        error.to_string().contains("has no step `payment`"),
        "{error}"
    );
    let error = run(&Case {
        set: &[("amount", "5000 USD")],
        ..Case::default()
    })
    .expect_err("wrong currency");
    assert!(error.to_string().contains("an amount of CNY"), "{error}");
}

/// `--applicant`: who does each step follows the applicant's reporting
/// line; the applicant is told when the leave is recorded.
#[test]
fn leave_request_as_an_employee_goes_to_the_employees_superior() {
    insta::assert_snapshot!(timeline(&Case {
        process: "leave_request",
        set: &[("days", "5"), ("leave_type", "annual")],
        delays: &[("manager_approval", "3bd")],
        ..Case::default()
    }));
}

#[test]
fn leave_request_as_a_department_head_goes_one_level_higher() {
    insta::assert_snapshot!(timeline(&Case {
        process: "leave_request",
        set: &[("days", "5"), ("leave_type", "annual")],
        delays: &[("manager_approval", "3bd")],
        applicant: Some("dept_head"),
        ..Case::default()
    }));
}

/// A project with a quorum (2 of 3), an all-of sign-off, an any-of filing
/// and notifications at every moment.
fn committee(case: Case<'_>) -> Case<'_> {
    Case {
        project: "tests/fixtures/sim/committee",
        process: "investment",
        set: &[("amount", "100000")],
        ..case
    }
}

#[test]
fn a_quorum_is_reached_the_third_answer_is_not_needed_and_an_all_of_is_rejected_by_one() {
    insta::assert_snapshot!(timeline(&committee(Case {
        outcomes: &[
            ("committee", "approve,approve,reject"),
            ("sign_off", "approve,reject"),
        ],
        delays: &[("committee", "7bd")],
        ..Case::default()
    })));
}

#[test]
fn a_quorum_that_has_become_impossible_rejects_at_once() {
    let ended = run(&committee(Case {
        outcomes: &[("committee", "reject,approve,reject")],
        ..Case::default()
    }))
    .expect("the run ends");
    assert_eq!(ended.end, "declined");
    let answers: Vec<String> = ended
        .events
        .iter()
        .filter_map(|event| match event {
            sim::Event::Signed { signer, answer, .. } => Some(format!("{signer} {answer}")),
            sim::Event::SignatureWithdrawn { signer, .. } => Some(format!("{signer} unneeded")),
            _ => None,
        })
        .collect();
    assert_eq!(
        answers,
        [
            "legal_director reject",
            "finance_director approve",
            "tech_director reject"
        ]
    );
    let two_rejections_first = run(&committee(Case {
        outcomes: &[("committee", "reject,reject,approve")],
        ..Case::default()
    }))
    .expect("the run ends");
    let answered = two_rejections_first
        .events
        .iter()
        .filter(|event| matches!(event, sim::Event::Signed { .. }))
        .count();
    assert_eq!(
        answered, 2,
        "two rejections of three make 2 approvals impossible"
    );
}

/// With every answer given as approve, the committee run reaches the end,
/// and the notifications are told without holding anything up: the same
/// run without them ends at the same time.
#[test]
fn notifications_never_hold_a_run_up() {
    let ended = run(&committee(Case {
        delays: &[("committee", "7bd")],
        ..Case::default()
    }))
    .expect("the run ends");
    assert_eq!(ended.end, "approved");
    let told: Vec<String> = ended
        .events
        .iter()
        .filter_map(|event| match event {
            sim::Event::Notified { step, when, .. } => Some(format!("{step} {when}")),
            _ => None,
        })
        .collect();
    assert_eq!(
        told,
        ["committee started", "committee overdue", "filing done"]
    );
    let finished_by_steps = ended
        .events
        .iter()
        .rev()
        .find_map(|event| match event {
            sim::Event::StepCompleted { at, .. } => Some(at.clone()),
            _ => None,
        })
        .expect("steps completed");
    assert_eq!(ended.finished, finished_by_steps);
}

#[test]
fn people_that_do_not_fit_are_refused() {
    let error = run(&Case {
        process: "leave_request",
        set: &[("days", "1"), ("leave_type", "sick")],
        applicant: Some("general_manager"),
        ..Case::default()
    })
    .expect_err("general_manager may not apply");
    assert_eq!(
        error.to_string(),
        "--applicant general_manager: `general_manager` may not start process `leave_request`; its applicants are: employee, dept_head"
    );
    let error = run(&Case {
        set: &[("amount", "1")],
        applicant: Some("employee"),
        ..Case::default()
    })
    .expect_err("expense_claim has no applicant line");
    assert!(
        error.to_string().contains("has no `applicant` line"),
        "{error}"
    );
    let error = run(&committee(Case {
        outcomes: &[("committee", "approve,reject")],
        ..Case::default()
    }))
    .expect_err("three signers, two answers");
    assert!(error.to_string().contains("has 3 signers"), "{error}");
    let error = run(&committee(Case {
        outcomes: &[("committee", "approve,maybe,approve")],
        ..Case::default()
    }))
    .expect_err("maybe is no answer");
    assert!(
        error.to_string().contains("`maybe` is not an answer"),
        "{error}"
    );
}

use crate::generator;

mod generated {
    use super::*;
    use flowc::config::Config;
    use flowc::model;
    use flowc::source::SourceFile;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// Any generated process of the wide variety, with any value of
        /// every input (thresholds and their neighbours included), any step
        /// rejected once and any step late enough to fire its reminders and
        /// escalations, runs to its end: the simulator's evaluation finds a
        /// branch wherever the checker's analysis said every value has one.
        /// The steps entered are steps of the process.
        #[test]
        fn generated_processes_run_to_their_end(
            seed in any::<u64>(),
            steps in 1usize..60,
            picks in prop::collection::vec(any::<prop::sample::Index>(), 6),
            rejected in any::<prop::sample::Index>(),
            late in any::<prop::sample::Index>(),
            late_days in 0u32..8,
        ) {
            let variety = generator::Variety::Wide;
            let project = model::build(vec![
                SourceFile::from_text("org.flow", generator::org_for(variety, seed)),
                SourceFile::from_text("generated.flow", generator::process_of(variety, seed, "generated", steps)),
            ]);
            let diagnostics = check::run(
            &project,
            &check::CheckContext::new(&Config::default(), "2026-11-28".parse().expect("a date")),
        );
            let checked = check::verify(&project, &diagnostics).expect("clean");
            let (_, document) = ir::documents(&checked).remove(0);
            let step_names: Vec<&str> = document
                .nodes
                .iter()
                .filter(|node| matches!(node.kind, ir::NodeKindName::Step))
                .map(|node| node.id.as_str())
                .collect();
            let with_outcomes: Vec<&ir::EdgeInfo> = document
                .edges
                .iter()
                .filter(|edge| matches!(edge.kind, ir::EdgeKindName::Outcome))
                .collect();
            let mut outcomes = BTreeMap::new();
            if !with_outcomes.is_empty() {
                let edge = with_outcomes[rejected.index(with_outcomes.len())];
                outcomes.insert(edge.from.clone(), vec![edge.outcome.clone().expect("named")]);
            }
            prop_assert_eq!(document.inputs.len(), 6);
            let mut inputs = BTreeMap::new();
            for (input, pick) in document.inputs.iter().zip(&picks) {
                let values = generator::wide_input_values(&input.name);
                prop_assert!(!values.is_empty(), "no values for input {}", input.name);
                let value = values[pick.index(values.len())];
                inputs.insert(input.name.clone(), sim::parse_input(input, value).expect("a valid value"));
            }
            let late_step = step_names[late.index(step_names.len())].to_string();
            let delay = sim::parse_duration(&format!("{late_days}bd")).expect("a duration");
            let scenario = Scenario {
                start: NaiveDateTime::parse_from_str("2026-12-01T09:00", "%Y-%m-%dT%H:%M").expect("time"),
                inputs,
                outcomes,
                delays: BTreeMap::from([(late_step, vec![delay])]),
                applicant: None,
                recorded: Default::default(),
            };
            let timeline = sim::run(&document, &sim::Library::default(), &flowc::model::calendar::Calendar::default(), &scenario)
                .expect("the run ends");
            prop_assert_eq!(timeline.end.as_str(), "done");
            for step in &timeline.steps {
                prop_assert!(step_names.contains(&step.as_str()));
            }
        }
    }
}

/// A purchase's scenario: its inputs and the values its steps record.
fn purchase<'a>(set: &'a [(&'a str, &'a str)], recorded: &'a [(&'a str, &'a str)]) -> Case<'a> {
    Case {
        process: "purchase",
        set,
        recorded,
        ..Case::default()
    }
}

#[test]
fn a_purchase_with_a_contract_runs_the_contract_process_nested_under_the_call() {
    insta::assert_snapshot!(timeline(&purchase(
        &[("amount", "20000"), ("budget_left", "30000")],
        &[("request.needs_contract", "yes"), ("receipt.passed", "yes")],
    )));
}

#[test]
fn the_called_process_is_entered_with_the_value_given_and_its_steps_are_named_after_the_call() {
    for (amount, callee_path) in [
        ("999999.99", "contract.sign"),
        ("1000000", "contract.gm_approval"),
    ] {
        let result = run(&purchase(
            &[("amount", amount), ("budget_left", "2000000")],
            &[("request.needs_contract", "yes"), ("receipt.passed", "yes")],
        ))
        .expect("runs");
        assert!(
            result.steps.iter().any(|step| step == callee_path),
            "amount {amount}: {:?}",
            result.steps
        );
        assert_eq!(
            result.steps[1], "contract",
            "the call is entered as one step"
        );
        assert_eq!(result.end, "bought");
    }
}

#[test]
fn the_called_processs_rejection_is_rework_inside_it_and_the_caller_goes_on_when_it_ends() {
    let result = run(&Case {
        outcomes: &[("contract.dept_review", "reject")],
        ..purchase(
            &[("amount", "20000"), ("budget_left", "30000")],
            &[("request.needs_contract", "yes"), ("receipt.passed", "yes")],
        )
    })
    .expect("runs");
    let drafts = result
        .steps
        .iter()
        .filter(|step| *step == "contract.draft")
        .count();
    assert_eq!(drafts, 2, "{:?}", result.steps);
    assert_eq!(result.end, "bought");
}

#[test]
fn two_values_compared_at_equality_and_a_cent_either_side() {
    for (amount, expected) in [
        ("29999.99", "order"),
        ("30000", "order"),
        ("30000.01", "budget_increase"),
    ] {
        let result = run(&purchase(
            &[("amount", amount), ("budget_left", "30000")],
            &[("request.needs_contract", "no"), ("receipt.passed", "yes")],
        ))
        .expect("runs");
        assert_eq!(result.steps[1], expected, "amount = {amount}");
    }
}

#[test]
fn a_recorded_value_is_read_by_later_decisions_visit_by_visit() {
    let result = run(&purchase(
        &[("amount", "20000"), ("budget_left", "30000")],
        &[
            ("request.needs_contract", "no"),
            ("receipt.passed", "no"),
            ("receipt.passed", "yes"),
        ],
    ))
    .expect("runs");
    assert_eq!(
        result.steps,
        ["request", "order", "receipt", "order", "receipt"]
    );
    assert_eq!(result.end, "bought");
}

#[test]
fn a_timeout_moves_the_work_on_only_when_the_step_is_not_done_in_time() {
    let late = run(&Case {
        delays: &[("budget_increase", "10bd")],
        ..purchase(
            &[("amount", "40000"), ("budget_left", "30000")],
            &[("request.needs_contract", "no")],
        )
    })
    .expect("runs");
    assert_eq!(late.end, "not_bought");
    insta::assert_snapshot!("timeout_fires", sim::render_human(&late, Lang::En));
    for delay in ["5bd", "8bd"] {
        let on_time = run(&Case {
            delays: &[("budget_increase", delay)],
            ..purchase(
                &[("amount", "40000"), ("budget_left", "30000")],
                &[("request.needs_contract", "no"), ("receipt.passed", "yes")],
            )
        })
        .expect("runs");
        assert_eq!(
            on_time.end, "bought",
            "done after {delay}: a tie goes to the step"
        );
    }
}

#[test]
fn a_public_notice_finished_early_is_refused_until_its_minimum_period_ends() {
    let early = timeline(&Case {
        process: "appointment",
        set: &[("action", "appoint")],
        delays: &[("public_notice", "2bd")],
        ..Case::default()
    });
    assert!(early.contains("refused  public_notice"), "{early}");
    insta::assert_snapshot!("public_notice_early", early);
    let on_time = timeline(&Case {
        process: "appointment",
        set: &[("action", "appoint")],
        delays: &[("public_notice", "5bd")],
        ..Case::default()
    });
    assert!(!on_time.contains("refused"), "{on_time}");
}

#[test]
fn an_objection_to_the_notice_is_verified_and_a_founded_one_withdraws_the_appointment() {
    let result = run(&Case {
        process: "appointment",
        set: &[("action", "appoint")],
        outcomes: &[("public_notice", "objection")],
        recorded: &[("verify_objection.founded", "yes")],
        ..Case::default()
    })
    .expect("runs");
    assert_eq!(result.end, "withdrawn");
}

#[test]
fn recorded_values_that_do_not_fit_are_refused_saying_what_to_give() {
    let missing = run(&purchase(
        &[("amount", "20000"), ("budget_left", "30000")],
        &[],
    ))
    .expect_err("refused");
    assert_eq!(
        missing.to_string(),
        "decision `by_contract` reads `needs_contract`, which step `request` records, and no value was recorded: give one with --set request.needs_contract=VALUE"
    );
    let unknown = run(&purchase(
        &[("amount", "20000"), ("budget_left", "30000")],
        &[("receipt.pased", "yes")],
    ))
    .expect_err("refused");
    assert!(
        unknown
            .to_string()
            .contains("the values its steps record are: request.needs_contract, receipt.passed"),
        "{unknown}"
    );
    let wrong_type = run(&purchase(
        &[("amount", "20000"), ("budget_left", "30000")],
        &[("receipt.passed", "maybe")],
    ))
    .expect_err("refused");
    assert_eq!(
        wrong_type.to_string(),
        "--set receipt.passed=maybe: `maybe` is not `yes` or `no`"
    );
}

/// The expense claim sent back twice, late and escalated: a timeline with
/// rework rounds, a reminder, an escalation and a decision.
fn expense_claim_reworked<'a>() -> Case<'a> {
    Case {
        set: &[("amount", "60000 CNY")],
        outcomes: &[("dept_review", "reject"), ("dept_review", "reject")],
        delays: &[("dept_review", "1bd"), ("finance_review", "5bd")],
        ..Case::default()
    }
}

#[test]
fn expense_claim_timeline_in_traditional_chinese() {
    insta::assert_snapshot!(timeline_in(&expense_claim_reworked(), Lang::ZhHant));
}

#[test]
fn expense_claim_timeline_in_simplified_chinese() {
    insta::assert_snapshot!(timeline_in(&expense_claim_reworked(), Lang::ZhHans));
}

/// Every timeline of the examples' scenarios above, in Traditional
/// Chinese, has no English word the user did not write: each word flowc
/// adds comes from the catalogue. (A decision on a yes/no value shows its
/// condition as written, `passed == yes`, until conditions in words are
/// used here.)
#[test]
fn chinese_timelines_of_the_examples_have_no_english_word() {
    let cases = [
        expense_claim_reworked(),
        Case {
            set: &[("amount", "5000")],
            ..Case::default()
        },
        Case {
            process: "contract_approval",
            set: &[("value", "1000000")],
            outcomes: &[("finance_review", "reject")],
            delays: &[("finance_review", "1bd")],
            ..Case::default()
        },
        Case {
            process: "complaint_handling",
            start: "2026-12-04T16:00",
            set: &[("severity", "critical")],
            delays: &[("receive", "9h")],
            ..Case::default()
        },
        Case {
            process: "purchase",
            set: &[("amount", "80000"), ("budget_left", "50000")],
            recorded: &[("request.needs_contract", "yes"), ("receipt.passed", "yes")],
            ..Case::default()
        },
        Case {
            process: "leave_request",
            set: &[("days", "5"), ("leave_type", "annual")],
            delays: &[("manager_approval", "3bd")],
            ..Case::default()
        },
    ];
    let examples = common::repo().join("examples");
    let mut checked = 0;
    for case in &cases {
        let text = timeline_in(case, Lang::ZhHant);
        let english = common::english_words(&text, &examples);
        assert!(english.is_empty(), "{english:?} in\n{text}");
        checked += 1;
    }
    assert_eq!(checked, 6);
}
