//! `flowc check [PATH...]`

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::diagnostics::{self, Severity};

use super::{EXIT_ERRORS, EXIT_OK, analyse_paths, stdout_style, today};

/// Arguments of `flowc check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories to check (default: the current directory).
    paths: Vec<PathBuf>,
    /// The date taken as today for overdue reviews (YYYY-MM-DD; default:
    /// the local date), so CI runs are reproducible.
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<NaiveDate>,
}

/// Prints every diagnostic and a summary; exit 1 when any is an error.
pub fn run(args: &Args) -> u8 {
    let analyses = match analyse_paths(&args.paths, today(args.today)) {
        Ok(analyses) => analyses,
        Err(code) => return code,
    };
    let style = stdout_style();
    let mut all = Vec::new();
    let mut file_count = 0;
    for analysis in &analyses {
        print!(
            "{}",
            diagnostics::render_human(&analysis.diagnostics, &analysis.project.files, style)
        );
        file_count += analysis
            .selected
            .iter()
            .filter(|selected| **selected)
            .count();
        all.extend(analysis.diagnostics.iter().cloned());
    }
    println!("{}", diagnostics::summary(&all, file_count));
    if all
        .iter()
        .any(|diagnostic| diagnostic.severity == Severity::Error)
    {
        EXIT_ERRORS
    } else {
        EXIT_OK
    }
}
