//! `docs/conform.schema.json` is the schema of `flowc conform --format
//! json`, generated from the types of the report; real reports validate
//! against it.

use crate::common;

const PATH: &str = "docs/conform.schema.json";

#[test]
fn committed_schema_is_current() {
    let committed = std::fs::read_to_string(common::repo().join(PATH))
        .unwrap_or_else(|error| panic!("{PATH}: {error}"));
    let current = flowc::conform::schema();
    if committed != current && std::env::var_os("FLOWC_UPDATE_DOCS").is_some() {
        std::fs::write(common::repo().join(PATH), &current).expect("writable");
        return;
    }
    assert_eq!(
        committed, current,
        "{PATH} is stale: run `FLOWC_UPDATE_DOCS=1 cargo test --test integration conform_schema::`"
    );
}

#[test]
fn schema_describes_closed_records() {
    let schema: serde_json::Value = serde_json::from_str(&flowc::conform::schema()).expect("JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["additionalProperties"], false);
    for record in ["Finding", "KpiResult", "OwnerProblem", "RankedDeviation"] {
        assert_eq!(
            schema["$defs"][record]["additionalProperties"], false,
            "{record}"
        );
    }
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&flowc::conform::schema()).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

fn assert_valid(validator: &jsonschema::Validator, report: &serde_json::Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(report)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

/// The reports of the fixture logs, through the real binary: deviations of
/// every kind, a conforming log, relative owners, a quorum.
#[test]
fn reports_of_the_fixture_logs_validate() {
    let validator = validator();
    let runs = [
        (
            "examples",
            "expense_claim",
            "expense-claims.csv",
            "staff.csv",
        ),
        (
            "examples",
            "expense_claim",
            "conforming.xes.gz",
            "staff.csv",
        ),
        (
            "examples",
            "leave_request",
            "leave-requests.csv",
            "leave-staff.csv",
        ),
        (
            "tests/fixtures/sim/committee",
            "investment",
            "investments.csv",
            "committee-staff.csv",
        ),
    ];
    let mut validated = 0;
    for (project, process, log, staff) in runs {
        let output = common::conform_fixture(
            project,
            process,
            (log, staff),
            &["--format".as_ref(), "json".as_ref()],
        );
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{log}: {}",
            common::stderr(&output)
        );
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        assert_valid(&validator, &report, log);
        let mut broken = report.clone();
        broken["conformance_rate"] = "87,5 %".into();
        assert!(
            !validator.is_valid(&broken),
            "{log}: a broken report validates"
        );
        validated += 1;
    }
    assert_eq!(validated, 4);
}

/// The reports of a generated log with deviations of every kind, for every
/// example process.
#[test]
fn reports_of_generated_logs_of_every_example_validate() {
    let validator = validator();
    let mut validated = 0;
    let processes = common::each_generated_report(1.0, |name, _, _, report| {
        let value = serde_json::to_value(&report).expect("a report serialises");
        assert_valid(&validator, &value, name);
        validated += 1;
    });
    assert_eq!((processes, validated), (13, 13));
}
