//! Emitters: artifacts built from a checked project.
//!
//! Each emitter takes a [`CheckedProject`](crate::check::CheckedProject),
//! never raw text, and returns the artifact's bytes; writing files is the
//! caller's business ([`write_atomically`]).

pub mod diagram;
pub mod doc;
pub mod dot;
pub mod json;
pub mod render;
pub mod svg;

use std::io::Write;
use std::path::Path;

/// Writes `contents` to `path` through a temporary file in the same
/// directory renamed into place: the file is either the old one or the
/// whole new one, never half-written.
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let directory = path
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temporary = tempfile::Builder::new()
        .prefix(".flowc-")
        .suffix(".tmp")
        .tempfile_in(directory)?;
    temporary.write_all(contents)?;
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|error| error.error)?;
    Ok(())
}
