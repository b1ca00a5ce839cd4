//! `docs/diagnostics.schema.json` is the schema of `flowc check --format
//! json`, generated from the types that produce the output.

use crate::common;

const PATH: &str = "docs/diagnostics.schema.json";

#[test]
fn committed_schema_is_current() {
    let committed = std::fs::read_to_string(common::repo().join(PATH))
        .unwrap_or_else(|error| panic!("{PATH}: {error}"));
    let current = flowc::diagnostics::json::schema();
    if committed != current && std::env::var_os("FLOWC_UPDATE_DOCS").is_some() {
        std::fs::write(common::repo().join(PATH), &current).expect("writable");
        return;
    }
    assert_eq!(
        committed, current,
        "{PATH} is stale: run `FLOWC_UPDATE_DOCS=1 cargo test --test integration diagnostics_schema::`"
    );
}

#[test]
fn schema_describes_an_array_of_closed_records() {
    let schema: serde_json::Value =
        serde_json::from_str(&flowc::diagnostics::json::schema()).expect("JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["type"], "array");
    let record = &schema["$defs"]["JsonDiagnostic"];
    assert_eq!(record["additionalProperties"], false);
    let required: Vec<&str> = record["required"]
        .as_array()
        .expect("required fields")
        .iter()
        .filter_map(|field| field.as_str())
        .collect();
    for field in [
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "code",
        "severity",
        "message",
        "label",
        "help",
        "related",
    ] {
        assert!(required.contains(&field), "`{field}` is not required");
    }
    assert_eq!(record["properties"]["line"]["minimum"], 1);
}
