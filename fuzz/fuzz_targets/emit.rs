//! Fuzz target for `flowc build`: every emitter runs on whatever checks clean,
//! and its output is well-formed: JSON parses, DOT parses with graphviz-rust's parser.
#![no_main]

mod common;

use flowc::config::Config;
use flowc::emit::dot;
use flowc::ir;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let project = common::project(data);
    let config = Config::default();
    let context = flowc::check::CheckContext {
        config: &config,
        today: "2026-11-28".parse().expect("a date"),
    };
    let diagnostics = flowc::check::run(&project, &context);
    let Some(checked) = flowc::check::verify(&project, &diagnostics) else {
        return;
    };
    for (_, document) in ir::documents(&checked) {
        let text = ir::to_text(&document);
        assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok());
    }
    for (_, text) in dot::documents(&checked) {
        assert!(graphviz_rust::parse(&text).is_ok(), "unparsable DOT:\n{text}");
    }
});
