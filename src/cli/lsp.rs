//! `flowc lsp`

use super::output::say;
use super::{EXIT_CANNOT_RUN, EXIT_OK};
use crate::text;

/// Serves one editor over standard input and output.
pub fn run() -> u8 {
    match crate::lsp::run_stdio() {
        Ok(()) => EXIT_OK,
        Err(error) => {
            say(
                text!("cli-lsp-failed", error = error.to_string()),
                super::language(None),
            );
            EXIT_CANNOT_RUN
        }
    }
}
