//! Fuzz target for `flowc fmt`: whatever parses formats; the formatted text
//! parses, formats to itself, and compiles to the same IR (positions aside).
#![no_main]

mod common;

use flowc::config::Config;
use libfuzzer_sys::fuzz_target;

/// The JSON IR of a one-file project beside the examples' org, with source
/// positions removed; `None` when the project has errors.
fn ir(text: &str) -> Option<Vec<serde_json::Value>> {
    let project = common::project(text.as_bytes());
    let config = Config::default();
    let context = flowc::check::CheckContext::new(
        &config,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date"),
    );
    let diagnostics = flowc::check::run(&project, &context);
    let checked = flowc::check::verify(&project, &diagnostics)?;
    Some(
        flowc::ir::documents(&checked)
            .iter()
            .map(|(_, document)| {
                without_sources(serde_json::to_value(document).expect("serialises"))
            })
            .collect(),
    )
}

fn without_sources(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => map
            .into_iter()
            .filter(|(key, _)| key != "source")
            .map(|(key, value)| (key, without_sources(value)))
            .collect(),
        serde_json::Value::Array(items) => items.into_iter().map(without_sources).collect(),
        other => other,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(formatted) = flowc::fmt::format(text) else {
        return;
    };
    let again = flowc::fmt::format(&formatted).expect("formatted text parses");
    assert_eq!(again, formatted, "formatting is not idempotent");
    assert_eq!(
        ir(text),
        ir(&formatted),
        "formatting changed the compiled model"
    );
});
