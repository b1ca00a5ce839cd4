//! Fuzz target for `flowc build` and `flowc doc`: every emitter runs on
//! whatever checks clean, and its output is well-formed: JSON parses, DOT
//! parses with graphviz-rust's parser, the built-in SVG and the BPMN of both
//! dialects are well-formed XML, and the handbook (HTML and Markdown, drawn
//! by the built-in engine) has a page for every process (and, in Markdown,
//! its diagram beside it).
#![no_main]

mod common;

use flowc::config::Config;
use flowc::emit::bpmn::{self, Dialect};
use flowc::emit::diagram::DiagramOptions;
use flowc::emit::doc::{self, DocOptions};
use flowc::emit::render::Engine;
use flowc::emit::{dot, svg};
use flowc::ir;
use flowc::model::calendar::Calendar;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let project = common::project(data);
    let config = Config::default();
    let today = "2026-11-28".parse().expect("a date");
    let context = flowc::check::CheckContext::new(&config, today);
    let diagnostics = flowc::check::run(&project, &context);
    let Some(checked) = flowc::check::verify(&project, &diagnostics) else {
        return;
    };
    for (_, document) in ir::documents(&checked) {
        let text = ir::to_text(&document);
        assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok());
    }
    for (_, text) in dot::documents(&checked) {
        assert!(
            graphviz_rust::parse(&text).is_ok(),
            "unparsable DOT:\n{text}"
        );
    }
    for (_, text) in svg::documents(&checked, DiagramOptions::default()) {
        assert!(
            roxmltree::Document::parse(&text).is_ok(),
            "SVG not well-formed:\n{text}"
        );
    }
    for dialect in [Dialect::Zeebe, Dialect::Spiff] {
        if let Ok(documents) = bpmn::documents(&checked, &Calendar::default(), dialect) {
            for (_, text) in documents {
                assert!(
                    roxmltree::Document::parse(&text).is_ok(),
                    "BPMN not well-formed:\n{text}"
                );
            }
        }
    }
    let options = DocOptions {
        today,
        engine: Engine::Builtin,
        automatic: false,
        diagram: DiagramOptions::default(),
    };
    let processes = checked.project().processes.len();
    if let Ok(handbook) = doc::handbook(&checked, &diagnostics, |_| true, options) {
        assert_eq!(handbook.pages.len(), processes);
        let stems: std::collections::BTreeSet<&str> =
            handbook.pages.iter().map(|page| page.stem()).collect();
        assert_eq!(doc::html::site(&handbook).len(), stems.len() + 1);
        assert_eq!(doc::markdown::site(&handbook).len(), 2 * stems.len() + 1);
    }
});
