//! `flowc build [PATH...] --out DIR [--emit json,dot,bpmn] [--bpmn-dialect zeebe|spiff]`

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::analysis::Analysis;
use crate::check;
use crate::diagnostics::{self, Severity};
use crate::emit::bpmn::Dialect;
use crate::emit::{self, bpmn, dot, json};

use super::{EXIT_CANNOT_RUN, EXIT_ERRORS, EXIT_OK, analyse_paths, stderr_style, today};

/// Arguments of `flowc build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories to build (default: the current directory).
    paths: Vec<PathBuf>,
    /// The directory to write `<process>.json` and `<process>.dot` into.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The date taken as today for overdue reviews (YYYY-MM-DD; default:
    /// the local date).
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<NaiveDate>,
    /// The artifacts to write, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_values = ["json", "dot"])]
    emit: Vec<Format>,
    /// The engine `bpmn` is written for.
    #[arg(long, value_enum, default_value = "zeebe")]
    bpmn_dialect: BpmnDialect,
}

/// An artifact format of `--emit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// `<process>.json`: the JSON IR.
    Json,
    /// `<process>.dot`: a Graphviz diagram.
    Dot,
    /// `<process>.bpmn`: BPMN 2.0 with diagram, for `--bpmn-dialect`.
    Bpmn,
}

/// `--bpmn-dialect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum BpmnDialect {
    /// Camunda 8 / Zeebe (FEEL, zeebe:userTask).
    Zeebe,
    /// SpiffWorkflow (Python expressions, spiffworkflow:properties).
    Spiff,
}

impl BpmnDialect {
    fn dialect(self) -> Dialect {
        match self {
            BpmnDialect::Zeebe => Dialect::Zeebe,
            BpmnDialect::Spiff => Dialect::Spiff,
        }
    }
}

/// Checks; with no error, writes every artifact atomically.
pub fn run(args: &Args) -> u8 {
    let analyses = match analyse_paths(&args.paths, today(args.today)) {
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
    let artifacts = match artifacts(args, &analyses) {
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
fn artifacts(args: &Args, analyses: &[Analysis]) -> Result<BTreeMap<String, String>, String> {
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
        let mut rendered: Vec<(String, String)> = Vec::new();
        if args.emit.contains(&Format::Json) {
            rendered.extend(
                json::documents(&checked)
                    .into_iter()
                    .map(|(name, document)| (format!("{name}.json"), json::to_text(&document))),
            );
        }
        if args.emit.contains(&Format::Dot) {
            rendered.extend(
                dot::documents(&checked)
                    .into_iter()
                    .map(|(name, text)| (format!("{name}.dot"), text)),
            );
        }
        if args.emit.contains(&Format::Bpmn) {
            let dialect = args.bpmn_dialect.dialect();
            let documents = bpmn::documents(&checked, &analysis.calendar, dialect)
                .map_err(|error| error.to_string())?;
            rendered.extend(
                documents
                    .into_iter()
                    .map(|(name, text)| (format!("{name}.bpmn"), text)),
            );
        }
        for (file, text) in rendered {
            let process = file
                .rsplit_once('.')
                .map_or(file.as_str(), |(name, _)| name);
            if wanted(process) {
                insert_unique(&mut files, file, text)?;
            }
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
