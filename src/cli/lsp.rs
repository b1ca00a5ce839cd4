//! `flowc lsp`

use super::output::stderr_line;
use super::{EXIT_CANNOT_RUN, EXIT_OK};

/// Serves one editor over standard input and output.
pub fn run() -> u8 {
    match crate::lsp::run_stdio() {
        Ok(()) => EXIT_OK,
        Err(error) => {
            stderr_line!("error: flowc lsp: {error}");
            EXIT_CANNOT_RUN
        }
    }
}
