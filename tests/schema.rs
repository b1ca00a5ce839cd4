//! The committed JSON Schema is the one `flowc schema` prints.

use crate::common;

#[test]
fn committed_schema_is_current() {
    let committed = std::fs::read_to_string(common::repo().join("docs/flowc-ir.schema.json"))
        .expect("docs/flowc-ir.schema.json exists");
    let current = flowc::ir::schema();
    if committed != current && std::env::var_os("FLOWC_UPDATE_DOCS").is_some() {
        std::fs::write(common::repo().join("docs/flowc-ir.schema.json"), &current)
            .expect("writable");
        return;
    }
    assert_eq!(
        committed, current,
        "docs/flowc-ir.schema.json is stale: run `FLOWC_UPDATE_DOCS=1 cargo test --test integration schema::`"
    );
}

#[test]
fn schema_is_draft_2020_12() {
    let schema: serde_json::Value = serde_json::from_str(&flowc::ir::schema()).expect("JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["properties"]["format"]["const"], "flowc-ir");
}
