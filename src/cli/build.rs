//! `flowc build [PATH...] --out DIR [--emit json,dot,svg,png,bpmn] [--engine dot|builtin]
//! [--bpmn-dialect zeebe|spiff]`

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::analysis::Analysis;
use crate::check;
use crate::diagnostics::{self, Severity};
use crate::emit::bpmn::{self, Dialect};
use crate::emit::diagram::DiagramOptions;
use crate::emit::render::{self, Engine, EngineChoice, ImageFormat};
use crate::emit::{self, dot};
use crate::i18n::{Lang, Text};
use crate::ir;
use crate::text;

use super::doc::Drawing;
use super::output::{self, stderr_text};
use super::{EXIT_CANNOT_RUN, EXIT_ERRORS, EXIT_OK, analyse_paths, stderr_style, today};

/// Arguments of `flowc build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories to build (default: the current directory).
    paths: Vec<PathBuf>,
    /// The directory to write `<process>.<format>` files into.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The date taken as today for overdue reviews (YYYY-MM-DD; default:
    /// the local date).
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<NaiveDate>,
    /// The artifacts to write, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [Emit::Json, Emit::Dot])]
    emit: Vec<Emit>,
    /// The engine `bpmn` is written for.
    #[arg(long, value_enum, default_value = "zeebe")]
    bpmn_dialect: BpmnDialect,
    #[command(flatten)]
    drawing: Drawing,
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

/// An artifact `flowc build` can write, one file per process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Emit {
    /// The JSON IR (`<process>.json`).
    Json,
    /// The Graphviz source (`<process>.dot`).
    Dot,
    /// The diagram as SVG (`<process>.svg`).
    Svg,
    /// The diagram as PNG (`<process>.png`; needs Graphviz).
    Png,
    /// BPMN 2.0 with its diagram (`<process>.bpmn`), for `--bpmn-dialect`.
    Bpmn,
}

impl Emit {
    /// The file extension, which is also the format's name.
    fn extension(self) -> &'static str {
        match self {
            Emit::Json => "json",
            Emit::Dot => "dot",
            Emit::Svg => "svg",
            Emit::Png => "png",
            Emit::Bpmn => "bpmn",
        }
    }

    fn image(self) -> Option<ImageFormat> {
        match self {
            Emit::Svg => Some(ImageFormat::Svg),
            Emit::Png => Some(ImageFormat::Png),
            Emit::Json | Emit::Dot | Emit::Bpmn => None,
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
        stderr_text!(
            "{}",
            diagnostics::render_human(
                &analysis.diagnostics,
                &analysis.project.files,
                style,
                super::language(analysis.lang)
            )
        );
        failed |= analysis
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
    }
    let lang = super::language_of(&analyses);
    if failed {
        output::say(text!("cli-project-has-errors", done = "written"), lang);
        return EXIT_ERRORS;
    }
    let mut formats = args.emit.clone();
    formats.sort();
    formats.dedup();
    let engine = if formats.iter().any(|format| format.image().is_some()) {
        match render::resolve(args.drawing.engine) {
            Ok(engine) => Some(engine),
            Err(error) => {
                output::say(text!("cli-error", message = error.text()), lang);
                return EXIT_CANNOT_RUN;
            }
        }
    } else {
        None
    };
    let options = args.drawing.options(lang);
    let plan = Plan {
        formats,
        engine,
        automatic: args.drawing.engine == EngineChoice::Auto,
        options,
        dialect: args.bpmn_dialect.dialect(),
    };
    let (artifacts, notes) = match artifacts(&analyses, &plan) {
        Ok(artifacts) => artifacts,
        Err(message) => {
            output::say(text!("cli-error", message = message), lang);
            return EXIT_CANNOT_RUN;
        }
    };
    if let Some(engine) = engine {
        super::doc::say_drawn_by(engine, lang);
    }
    for note in notes {
        output::say(text!("cli-note", message = note), lang);
    }
    write_all(args, artifacts, lang)
}

/// What to write and how to draw it.
struct Plan {
    formats: Vec<Emit>,
    engine: Option<Engine>,
    /// Whether the engine was chosen automatically, so processes too large
    /// for Graphviz go to the built-in layout.
    automatic: bool,
    options: DiagramOptions,
    dialect: Dialect,
}

/// The files to write, by name.
type Artifacts = BTreeMap<String, Vec<u8>>;

/// Every file to write, by name, rendered in memory before anything is
/// written; and notes on processes drawn by another engine than asked.
fn artifacts(analyses: &[Analysis], plan: &Plan) -> Result<(Artifacts, Vec<Text>), Text> {
    let mut files = BTreeMap::new();
    let mut notes = Vec::new();
    for analysis in analyses {
        let checked = check::verify(&analysis.project, &analysis.diagnostics)
            .ok_or_else(|| text!("cli-build-project-has-errors"))?;
        let wanted = |name: &str| {
            analysis
                .project
                .processes
                .iter()
                .any(|process| process.name == name && analysis.selected[process.file.0])
        };
        if plan.formats.contains(&Emit::Json) {
            let texts: Vec<(String, String)> = ir::documents(&checked)
                .into_par_iter()
                .filter(|(name, _)| wanted(name))
                .map(|(name, document)| (name, ir::to_text(&document)))
                .collect();
            for (name, text) in texts {
                insert_unique(&mut files, format!("{name}.json"), text.into_bytes())?;
            }
        }
        if plan.formats.contains(&Emit::Dot) {
            for (name, text) in dot::documents_with(&checked, plan.options)
                .into_iter()
                .filter(|(name, _)| wanted(name))
            {
                insert_unique(&mut files, format!("{name}.dot"), text.into_bytes())?;
            }
        }
        if plan.formats.contains(&Emit::Bpmn) {
            let processes = bpmn::files(&checked, &analysis.calendar, plan.dialect)
                .map_err(|error| Text::verbatim(error.to_string()))?;
            for (_, written) in processes.into_iter().filter(|(name, _)| wanted(name)) {
                for (file, text) in written {
                    insert_unique(&mut files, file, text.into_bytes())?;
                }
            }
        }
        let images: Vec<(&str, ImageFormat)> = plan
            .formats
            .iter()
            .filter_map(|format| Some((format.extension(), format.image()?)))
            .collect();
        let Some(engine) = plan.engine.filter(|_| !images.is_empty()) else {
            continue;
        };
        let formats: Vec<ImageFormat> = images.iter().map(|(_, image)| *image).collect();
        let project = checked.project();
        for process in project.processes.iter().filter(|p| wanted(&p.name)) {
            let drawn_by = render::engine_for(engine, plan.automatic, process, &formats);
            if drawn_by != engine {
                notes.push(render::left_to_builtin_note(process));
            }
            let pictures = render::images(project, process, plan.options, drawn_by, &formats)
                .map_err(|error| error.text())?;
            for ((extension, _), bytes) in images.iter().zip(pictures) {
                insert_unique(&mut files, format!("{}.{extension}", process.name), bytes)?;
            }
        }
    }
    Ok((files, notes))
}

fn insert_unique(files: &mut Artifacts, name: String, contents: Vec<u8>) -> Result<(), Text> {
    if files.contains_key(&name) {
        return Err(text!("cli-build-same-file", name = name));
    }
    files.insert(name, contents);
    Ok(())
}

fn write_all(args: &Args, artifacts: Artifacts, lang: Lang) -> u8 {
    if let Err(error) = std::fs::create_dir_all(&args.out) {
        output::say(
            text!(
                "cli-cannot-create",
                path = args.out.display().to_string(),
                error = error.to_string()
            ),
            lang,
        );
        return EXIT_CANNOT_RUN;
    }
    let count = artifacts.len();
    let files: Vec<(PathBuf, Vec<u8>)> = artifacts
        .into_iter()
        .map(|(name, contents)| (args.out.join(name), contents))
        .collect();
    if let Err(error) = emit::write_all_atomically(&files) {
        output::say(
            text!("cli-error", message = super::cannot_write(&error)),
            lang,
        );
        return EXIT_CANNOT_RUN;
    }
    output::say(
        text!(
            "cli-wrote-files",
            count = count,
            out = args.out.display().to_string()
        ),
        lang,
    );
    EXIT_OK
}
