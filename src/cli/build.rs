//! `flowc build [PATH...] --out DIR`

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::analysis::Analysis;
use crate::check;
use crate::diagnostics::{self, Severity};
use crate::emit::{self, dot, json};

use super::{EXIT_CANNOT_RUN, EXIT_ERRORS, EXIT_OK, analyse_paths, stderr_style};

/// Arguments of `flowc build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories to build (default: the current directory).
    paths: Vec<PathBuf>,
    /// The directory to write `<process>.json` and `<process>.dot` into.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

/// Checks; with no error, writes every artifact atomically.
pub fn run(args: &Args) -> u8 {
    let analyses = match analyse_paths(&args.paths) {
        Ok(analyses) => analyses,
        Err(code) => return code,
    };
    let style = stderr_style();
    let mut failed = false;
    for analysis in &analyses {
        eprint!(
            "{}",
            diagnostics::render_human(&analysis.diagnostics, &analysis.project.files, style)
        );
        failed |= analysis
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
    }
    if failed {
        eprintln!("error: the project has errors; nothing was written");
        return EXIT_ERRORS;
    }
    let artifacts = match artifacts(&analyses) {
        Ok(artifacts) => artifacts,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_CANNOT_RUN;
        }
    };
    write_all(args, &artifacts)
}

/// Every file to write, by name, rendered in memory before anything is
/// written.
fn artifacts(analyses: &[Analysis]) -> Result<BTreeMap<String, String>, String> {
    let mut files = BTreeMap::new();
    for analysis in analyses {
        let checked = check::verify(&analysis.project, &analysis.diagnostics)
            .ok_or_else(|| "the project has errors".to_string())?;
        let wanted = |name: &str| {
            analysis
                .project
                .processes
                .iter()
                .any(|process| process.name == name && analysis.selected[process.file.0])
        };
        for (name, document) in json::documents(&checked)
            .into_iter()
            .filter(|(name, _)| wanted(name))
        {
            insert_unique(&mut files, format!("{name}.json"), json::to_text(&document))?;
        }
        for (name, text) in dot::documents(&checked)
            .into_iter()
            .filter(|(name, _)| wanted(name))
        {
            insert_unique(&mut files, format!("{name}.dot"), text)?;
        }
    }
    Ok(files)
}

fn insert_unique(
    files: &mut BTreeMap<String, String>,
    name: String,
    contents: String,
) -> Result<(), String> {
    if files.contains_key(&name) {
        return Err(format!(
            "two projects define a process that would be written to `{name}`; build them into different directories"
        ));
    }
    files.insert(name, contents);
    Ok(())
}

fn write_all(args: &Args, artifacts: &BTreeMap<String, String>) -> u8 {
    if let Err(error) = std::fs::create_dir_all(&args.out) {
        eprintln!("error: cannot create {}: {error}", args.out.display());
        return EXIT_CANNOT_RUN;
    }
    let files: Vec<(PathBuf, Vec<u8>)> = artifacts
        .iter()
        .map(|(name, contents)| (args.out.join(name), contents.clone().into_bytes()))
        .collect();
    if let Err(error) = emit::write_all_atomically(&files) {
        eprintln!("error: {error}");
        return EXIT_CANNOT_RUN;
    }
    eprintln!("wrote {} files to {}", artifacts.len(), args.out.display());
    EXIT_OK
}
