//! Fuzz target: the whole pipeline (parse, resolve, every rule, rendering
//! of the diagnostics) never panics.
#![no_main]

mod common;

use flowc::config::Config;
use flowc::diagnostics::{Style, render_human};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let project = common::project(data);
    let diagnostics = flowc::check::run(&project, &Config::default());
    let _ = render_human(&diagnostics, &project.files, Style::Plain);
});
