//! Helpers shared by the integration tests.
// Each test binary includes this module and uses a part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use flowc::analysis::{self, Analysis};
use flowc::source;

/// The date the tests take as today, so no result depends on the clock.
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("a valid date")
}

/// The crate's root directory.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `examples/` project, analysed.
pub fn examples() -> Analysis {
    analyse(&repo().join("examples"))
}

/// The project at `path`, analysed.
pub fn analyse(path: &Path) -> Analysis {
    let mut projects = source::load(&[path.to_path_buf()]).expect("the project loads");
    assert_eq!(projects.len(), 1, "one project");
    analysis::analyse(projects.remove(0), today()).expect("the configuration is valid")
}

/// A command's standard output as text.
pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A command's standard error as text.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
