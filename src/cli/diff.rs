//! `flowc diff OLD NEW`, `flowc diff --git REV [PATH] [--to REV2]`

use std::path::{Path, PathBuf};

use crate::analysis::{self, Analysis};
use crate::check;
use crate::config::Config;
use crate::diagnostics::{self, Severity};
use crate::diff::{self, git::Repository, render};
use crate::emit;
use crate::i18n::Lang;
use crate::source::{self, ProjectSources};
use crate::text;

use super::doc::Drawing;
use super::output::{self, stderr_text};
use super::{EXIT_CANNOT_RUN, EXIT_ERRORS, EXIT_OK, stderr_style};

/// Output formats of `flowc diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text for a terminal.
    Human,
    /// A Markdown summary for a pull-request comment.
    Markdown,
    /// JSON for machines.
    Json,
}

/// Diagram formats of `flowc diff --emit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Diagram {
    /// SVG, drawn by Graphviz `dot` when it is on PATH, else by the
    /// built-in layout (`--engine` chooses).
    Svg,
    /// Graphviz DOT text.
    Dot,
}

/// Which changes make `flowc diff` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Any major change.
    Major,
    /// Any change at all.
    Minor,
}

/// Arguments of `flowc diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// OLD and NEW (files or directories); with `--git`, at most one PATH
    /// (default: the current directory).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Compare with the project as it was at this git revision.
    #[arg(long, value_name = "REV")]
    git: Option<String>,
    /// With `--git`: compare with this revision instead of the working tree.
    #[arg(long, value_name = "REV2", requires = "git")]
    to: Option<String>,
    /// How to print the changes.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit 1 when a change of this class (or worse) is present.
    #[arg(long, value_enum, value_name = "CLASS")]
    fail_on: Option<FailOn>,
    /// Write each changed process's diagram with its changes marked.
    #[arg(long, value_enum, requires = "out")]
    emit: Option<Diagram>,
    /// The directory for `--emit`.
    #[arg(long, value_name = "DIR", requires = "emit")]
    out: Option<PathBuf>,
    #[command(flatten)]
    drawing: Drawing,
}

/// Compares the two versions, prints the changes, writes the diagrams.
pub fn run(args: &Args) -> u8 {
    match compare(args) {
        Ok(code) => code,
        Err((code, message)) => {
            if !message.is_empty() {
                output::say(text!("cli-error", message = message), super::language(None));
            }
            code
        }
    }
}

type Failure = (u8, String);

fn compare(args: &Args) -> Result<u8, Failure> {
    let engine = match args.emit {
        Some(Diagram::Svg) => Some(
            emit::render::resolve(args.drawing.engine)
                .map_err(|error| (EXIT_CANNOT_RUN, error.to_string()))?,
        ),
        _ => None,
    };
    let (old_sources, new_sources) = sources(args)?;
    let config = match &old_sources.config {
        Some((path, text)) => Config::parse(text).map_err(|message| {
            let message = message.render(super::language(None));
            (EXIT_CANNOT_RUN, format!("{}: {message}", path.display()))
        })?,
        None => Config::default(),
    };
    let old = analyse("old", old_sources)?;
    let new = analyse("new", new_sources)?;
    let (Some(old_checked), Some(new_checked)) = (
        check::verify(&old.project, &old.diagnostics),
        check::verify(&new.project, &new.diagnostics),
    ) else {
        return Err((EXIT_ERRORS, String::new()));
    };
    let result = diff::compare(&old_checked, &new_checked, &config);
    let lang = super::language(new.lang.or(old.lang));
    let text = match args.format {
        Format::Human => render::human(&result, lang),
        Format::Markdown => render::markdown(&result, lang),
        Format::Json => render::json(&result, lang),
    };
    if output::print(&text, EXIT_OK) != EXIT_OK {
        return Err((EXIT_CANNOT_RUN, String::new()));
    }
    if let Some(out) = &args.out {
        let options = args.drawing.options(lang);
        let files = match engine {
            Some(engine) => {
                let pictures =
                    diff::visual::pictures(&result, &old_checked, &new_checked, options, engine)
                        .map_err(|error| (EXIT_CANNOT_RUN, error.to_string()))?;
                super::doc::say_drawn_by(engine, lang);
                pictures
                    .into_iter()
                    .map(|(name, svg)| (format!("{name}.svg"), svg))
                    .collect()
            }
            None => diff::visual::diagrams(&result, &old_checked, &new_checked, options)
                .into_iter()
                .map(|(name, text)| (format!("{name}.dot"), text.into_bytes()))
                .collect(),
        };
        write_diagrams(out, files, lang)?;
    }
    let failed = match args.fail_on {
        Some(FailOn::Major) => result.has_major(),
        Some(FailOn::Minor) => !result.changes.is_empty(),
        None => false,
    };
    Ok(if failed { EXIT_ERRORS } else { EXIT_OK })
}

/// The old and the new version's files.
fn sources(args: &Args) -> Result<(ProjectSources, ProjectSources), Failure> {
    let cannot = |message: String| (EXIT_CANNOT_RUN, message);
    match &args.git {
        None => {
            let [old, new] = args.paths.as_slice() else {
                return Err(cannot(
                    "give two paths, `flowc diff OLD NEW`, or a revision, `flowc diff --git REV [PATH]`".to_string(),
                ));
            };
            Ok((load(old)?, load(new)?))
        }
        Some(revision) => {
            let path = match args.paths.as_slice() {
                [] => PathBuf::from("."),
                [path] => path.clone(),
                _ => {
                    return Err(cannot(
                        "with `--git`, give at most one path: `flowc diff --git REV [PATH]`"
                            .to_string(),
                    ));
                }
            };
            let cwd = std::env::current_dir()
                .map_err(|error| cannot(format!("cannot read the current directory: {error}")))?;
            let repository =
                Repository::discover(&cwd).map_err(|error| cannot(error.to_string()))?;
            let old = repository
                .project_at(revision, &path)
                .map_err(|error| cannot(error.to_string()))?;
            let new = match &args.to {
                Some(to) => repository
                    .project_at(to, &path)
                    .map_err(|error| cannot(error.to_string()))?,
                None => load(&path)?,
            };
            Ok((diff::narrow(old), new))
        }
    }
}

/// One side from disk: the project the path is in, narrowed to it.
fn load(path: &Path) -> Result<ProjectSources, Failure> {
    let mut projects = source::load(&[path.to_path_buf()])
        .map_err(|error| (EXIT_CANNOT_RUN, error.to_string()))?;
    match projects.pop() {
        Some(project) => Ok(diff::narrow(project)),
        None => Err((EXIT_CANNOT_RUN, format!("{}: no project", path.display()))),
    }
}

/// Analyses one side; its errors are printed and end the run.
fn analyse(side: &str, sources: ProjectSources) -> Result<Analysis, Failure> {
    let root = sources.root.clone();
    let analysis = analysis::analyse(sources, super::today(None))
        .map_err(|error| (EXIT_CANNOT_RUN, error.render(super::language(None))))?;
    if analysis
        .diagnostics
        .iter()
        .any(|diagnostic| diagnostic.severity == Severity::Error)
    {
        stderr_text!(
            "{}",
            diagnostics::render_human(
                &analysis.diagnostics,
                &analysis.project.files,
                stderr_style(),
                super::language(analysis.lang)
            )
        );
        return Err((
            EXIT_ERRORS,
            format!(
                "the {side} version ({}) has errors; only versions that pass `flowc check` are compared",
                root.display()
            ),
        ));
    }
    Ok(analysis)
}

/// Writes every diagram, drawn before (none is renamed into place unless
/// every one was written).
fn write_diagrams(out: &Path, files: Vec<(String, Vec<u8>)>, lang: Lang) -> Result<(), Failure> {
    std::fs::create_dir_all(out).map_err(|error| {
        (
            EXIT_CANNOT_RUN,
            format!("cannot create {}: {error}", out.display()),
        )
    })?;
    let files: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .map(|(name, contents)| (out.join(name), contents))
        .collect();
    emit::write_all_atomically(&files).map_err(|error| (EXIT_CANNOT_RUN, error.to_string()))?;
    output::say(
        text!(
            "cli-diff-wrote-diagrams",
            count = files.len(),
            out = out.display().to_string()
        ),
        lang,
    );
    Ok(())
}
