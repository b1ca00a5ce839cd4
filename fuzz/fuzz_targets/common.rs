//! Shared by the fuzz targets: a project from the fuzzer's bytes.

use flowc::model::{self, Project};
use flowc::source::SourceFile;

/// The organisation of the examples, so fuzzed processes can name roles.
const ORG: &str = include_str!("../../examples/org.flow");

/// A project of the examples' org and one file holding `data` (as text when
/// it is UTF-8, else as a file flowc must reject cleanly).
pub fn project(data: &[u8]) -> Project {
    let fuzzed = match std::str::from_utf8(data) {
        Ok(text) => SourceFile::from_text("fuzzed.flow", text),
        Err(_) => SourceFile::from_text("fuzzed.flow", String::from_utf8_lossy(data).into_owned()),
    };
    model::build(vec![SourceFile::from_text("org.flow", ORG), fuzzed])
}
