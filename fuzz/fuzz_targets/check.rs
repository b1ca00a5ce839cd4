//! Fuzz target: the whole pipeline (parse, resolve, every rule, rendering
//! of the diagnostics) never panics.
#![no_main]

mod common;

use flowc::config::Config;
use flowc::diagnostics::{Style, render_human};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let project = common::project(data);
    let config = Config::default();
    let context = flowc::check::CheckContext::new(&config, "2026-11-28".parse().expect("a date"));
    let diagnostics = flowc::check::run(&project, &context);
    let _ = render_human(
        &diagnostics,
        &project.files,
        Style::Plain,
        flowc::i18n::Lang::ZhHant,
    );
});
