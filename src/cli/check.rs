//! `flowc check [PATH...] [--format FORMAT] [--deny-warnings]`

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::check::registry::RULES;
use crate::diagnostics::{self, Batch, Format, RuleDescriptor, Style};

use super::output::{self, stderr_line};
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
    /// How to print the diagnostics.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Exit 1 when there are warnings, not only errors.
    #[arg(long)]
    deny_warnings: bool,
}

/// The values of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum OutputFormat {
    /// Reports with source excerpts and a summary line.
    Human,
    /// A JSON array of diagnostics (docs/diagnostics.md).
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations.
    Github,
}

impl From<OutputFormat> for Format {
    fn from(format: OutputFormat) -> Format {
        match format {
            OutputFormat::Human => Format::Human,
            OutputFormat::Json => Format::Json,
            OutputFormat::Sarif => Format::Sarif,
            OutputFormat::Github => Format::Github,
        }
    }
}

/// Prints every diagnostic in the chosen format; exit 1 when any is an
/// error, or a warning under `--deny-warnings`.
pub fn run(args: &Args) -> u8 {
    let analyses = match analyse_paths(&args.paths, today(args.today)) {
        Ok(analyses) => analyses,
        Err(code) => return code,
    };
    let batches: Vec<Batch<'_>> = analyses
        .iter()
        .map(|analysis| Batch {
            diagnostics: &analysis.diagnostics,
            files: &analysis.project.files,
        })
        .collect();
    let file_count = analyses
        .iter()
        .flat_map(|analysis| &analysis.selected)
        .filter(|selected| **selected)
        .count();
    let format = Format::from(args.format);
    let lang = super::language_of(&analyses);
    let style = match format {
        Format::Human => stdout_style(),
        _ => Style::Plain,
    };
    let (errors, warnings) = diagnostics::counts(&batches);
    let code = if errors > 0 || (args.deny_warnings && warnings > 0) {
        EXIT_ERRORS
    } else {
        EXIT_OK
    };
    // Only a SARIF log lists the rules (each with its whole page).
    let rules: Vec<RuleDescriptor> = if format == Format::Sarif {
        RULES.iter().map(|info| info.descriptor(lang)).collect()
    } else {
        Vec::new()
    };
    let code = output::print(
        &diagnostics::render(format, &batches, file_count, style, &rules, lang),
        code,
    );
    if format != Format::Human {
        stderr_line!("{}", diagnostics::summary_of(&batches, file_count, lang));
    }
    drop(batches);
    // The process ends here: leave the memory to the operating system
    // rather than free a large project allocation by allocation.
    std::mem::forget(analyses);
    code
}
