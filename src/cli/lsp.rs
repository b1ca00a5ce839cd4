//! `flowc lsp`

use super::output::say;
use super::{EXIT_CANNOT_RUN, EXIT_OK};
use crate::text;

/// Serves one editor over standard input and output. The server asks for
/// lean memory from the start, whatever the project's size: it holds a
/// whole project's analysis for as long as the editor runs, where each
/// 2 MB page counted whole cost a tenth of its resident memory at 3,000
/// files (docs/performance.md), and an edit's work is too small to gain
/// from fewer page faults.
pub fn run() -> u8 {
    super::lean_memory();
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
