//! Emitters: artifacts built from a checked project.
//!
//! Each emitter takes a [`CheckedProject`](crate::check::CheckedProject),
//! never raw text, and returns the artifact's bytes; writing files is the
//! caller's business ([`write_atomically`], [`write_all_atomically`]).

pub mod bpmn;
pub mod diagram;
pub mod doc;
pub mod dot;
pub mod json;
pub mod lanes;
pub mod render;
pub mod svg;

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `contents` to `path` through a temporary file in the same
/// directory renamed into place: the file is either the old one or the
/// whole new one, never half-written.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    write_all_atomically(&[(path.to_path_buf(), contents.to_vec())])
}

/// A file that could not be written, and why.
#[derive(Debug)]
pub struct WriteError {
    /// The file.
    pub path: PathBuf,
    /// What the system said.
    pub error: std::io::Error,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot write {}: {}", self.path.display(), self.error)
    }
}

impl std::error::Error for WriteError {}

/// Writes several files so that a failure leaves the old ones untouched:
/// every new file is first written completely to a temporary file beside
/// its destination; only when all are written are they renamed into place.
/// If writing any of them fails, no destination has been touched and the
/// temporary files are removed.
pub fn write_all_atomically(files: &[(PathBuf, Vec<u8>)]) -> Result<(), WriteError> {
    let mut staged = Vec::with_capacity(files.len());
    for (path, contents) in files {
        let temporary = stage(path, contents).map_err(|error| WriteError {
            path: path.clone(),
            error,
        })?;
        staged.push((path, temporary));
    }
    for (path, temporary) in staged {
        temporary.persist(path).map_err(|error| WriteError {
            path: path.clone(),
            error: error.error,
        })?;
    }
    Ok(())
}

/// Writes `contents` to a temporary file in `path`'s directory.
fn stage(path: &Path, contents: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let directory = path
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".flowc-").suffix(".tmp");
    // Like any new file: readable by others unless the umask says no (a
    // temporary file would otherwise stay owner-only, and a handbook put
    // on a web server could not be read).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temporary = builder.tempfile_in(directory)?;
    temporary.write_all(contents)?;
    temporary.as_file().sync_all()?;
    Ok(temporary)
}
