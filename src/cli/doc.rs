//! `flowc doc [PATH...] --out DIR [--format html|markdown]`

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::analysis::Analysis;
use crate::check;
use crate::diagnostics::{self, Severity};
use crate::emit::diagram::{DiagramOptions, Direction, Theme};
use crate::emit::doc::{self, DocOptions};
use crate::emit::render::{self, Engine, EngineChoice, ImageFormat};
use crate::emit::{self};
use crate::i18n::{Lang, Text};
use crate::text;

use super::output::{self, stderr_text};
use super::{EXIT_CANNOT_RUN, EXIT_ERRORS, EXIT_OK, analyse_paths, stderr_style, today};

/// Arguments of `flowc doc`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories to document (default: the current directory).
    paths: Vec<PathBuf>,
    /// The directory to write the handbook into.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// `html`: a static site; `markdown`: Markdown pages with the SVG
    /// diagrams beside them.
    #[arg(long, value_enum, default_value_t = DocFormat::Html)]
    format: DocFormat,
    #[command(flatten)]
    look: Look,
}

/// How the handbook looks: shared by `flowc doc` and `flowc watch`.
#[derive(Debug, Clone, clap::Args)]
pub struct Look {
    /// The day review status is computed for, as YYYY-MM-DD (default:
    /// today), so a handbook can be rebuilt identically.
    #[arg(long, value_name = "DATE")]
    today: Option<NaiveDate>,
    #[command(flatten)]
    drawing: Drawing,
}

/// How diagrams are drawn: shared by `flowc build`, `flowc doc` and
/// `flowc watch`.
#[derive(Debug, Clone, clap::Args)]
pub struct Drawing {
    /// What draws the diagrams: Graphviz's `dot` or the built-in layout
    /// (default: `dot` when it is on PATH, else `builtin`).
    #[arg(long, value_enum, default_value_t = EngineChoice::Auto, hide_possible_values = true, hide_default_value = true, value_name = "dot|builtin")]
    pub engine: EngineChoice,
    /// The direction the diagrams flow in: `lr` (left to right) or `tb`.
    #[arg(long, value_enum, default_value_t = Direction::LeftRight)]
    direction: Direction,
    /// The colours of the diagrams.
    #[arg(long, value_enum, default_value_t = Theme::Light)]
    theme: Theme,
}

impl Drawing {
    /// The diagram options, with the words around the labels in `lang`.
    pub fn options(&self, lang: Lang) -> DiagramOptions {
        DiagramOptions {
            direction: self.direction,
            theme: self.theme,
            lang,
        }
    }
}

/// The formats of the handbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DocFormat {
    /// A static HTML site.
    Html,
    /// Markdown pages for wikis.
    Markdown,
}

impl Look {
    /// The day taken as today: `--today`, else the local date.
    pub fn today(&self) -> NaiveDate {
        today(self.today)
    }

    /// The handbook options, in `lang`, looking for Graphviz when needed.
    pub fn options(&self, lang: Lang) -> Result<DocOptions, Text> {
        let engine = render::resolve(self.drawing.engine).map_err(|error| error.text())?;
        Ok(DocOptions {
            today: self.today(),
            engine,
            automatic: self.drawing.engine == EngineChoice::Auto,
            diagram: self.drawing.options(lang),
        })
    }
}

/// Checks; with no error, writes the handbook.
pub fn run(args: &Args) -> u8 {
    let analyses = match analyse_paths(&args.paths, args.look.today()) {
        Ok(analyses) => analyses,
        Err(code) => return code,
    };
    let style = stderr_style();
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
    }
    let lang = super::language_of(&analyses);
    if has_errors(&analyses) {
        output::say(text!("cli-project-has-errors", done = "written"), lang);
        return EXIT_ERRORS;
    }
    let options = match args.look.options(lang) {
        Ok(options) => options,
        Err(message) => {
            output::say(text!("cli-error", message = message), lang);
            return EXIT_CANNOT_RUN;
        }
    };
    let files = match site(&analyses, options, args.format, Some(&args.out)) {
        Ok(files) => files,
        Err(message) => {
            output::say(text!("cli-error", message = message), lang);
            return EXIT_CANNOT_RUN;
        }
    };
    let count = files.len();
    if let Err(message) = write_site(&args.out, files) {
        output::say(text!("cli-error", message = message), lang);
        return EXIT_CANNOT_RUN;
    }
    output::say(
        text!(
            "cli-wrote-handbook",
            count = count.to_string(),
            out = args.out.display().to_string(),
            engine = engine_key(options.engine)
        ),
        lang,
    );
    for process in analyses.iter().flat_map(|analysis| {
        analysis
            .project
            .processes
            .iter()
            .filter(|process| analysis.selected[process.file.0])
    }) {
        let engine = render::engine_for(
            options.engine,
            options.automatic,
            process,
            &[ImageFormat::Svg],
        );
        if engine != options.engine {
            output::say(
                text!("cli-note", message = render::left_to_builtin_note(process)),
                lang,
            );
        }
    }
    EXIT_OK
}

/// Whether any analysis found an error.
pub(crate) fn has_errors(analyses: &[Analysis]) -> bool {
    analyses.iter().any(|analysis| {
        analysis
            .diagnostics
            .iter()
            .any(|diagnostic| diagnostic.severity == Severity::Error)
    })
}

/// Every file of the handbook of error-free analyses, by name. A process
/// page links to `monitoring/<process>.html` when `out` holds that file
/// (`flowc conform --html`).
pub fn site(
    analyses: &[Analysis],
    options: DocOptions,
    format: DocFormat,
    out: Option<&std::path::Path>,
) -> Result<BTreeMap<String, Vec<u8>>, Text> {
    let mut handbook = doc::Handbook {
        today: options.today,
        engine: options.engine,
        lang: options.diagram.lang,
        pages: Vec::new(),
    };
    let mut names = std::collections::BTreeSet::new();
    let mut stems: BTreeMap<String, String> = BTreeMap::new();
    for analysis in analyses {
        let checked = check::verify(&analysis.project, &analysis.diagnostics)
            .ok_or_else(|| text!("cli-build-project-has-errors"))?;
        let wanted = |process: &crate::model::Process| analysis.selected[process.file.0];
        let part = doc::handbook(&checked, &analysis.diagnostics, wanted, options)
            .map_err(|error| error.text())?;
        for mut page in part.pages {
            if !names.insert(page.name.clone()) {
                return Err(text!("cli-doc-same-process", name = page.name.as_str()));
            }
            if let Some(other) = stems.insert(page.stem().to_lowercase(), page.name.clone()) {
                return Err(text!(
                    "cli-doc-same-page",
                    other = other,
                    name = page.name.as_str(),
                    page = page.stem().to_lowercase()
                ));
            }
            page.monitoring = out.is_some_and(|out| out.join(page.monitoring_link()).is_file());
            handbook.pages.push(page);
        }
    }
    handbook
        .pages
        .sort_by_key(|page| doc::category_order(page.category));
    Ok(match format {
        DocFormat::Html => doc::html::site(&handbook),
        DocFormat::Markdown => doc::markdown::site(&handbook),
    })
}

fn write_site(out: &std::path::Path, files: BTreeMap<String, Vec<u8>>) -> Result<(), Text> {
    super::create_folder(out)?;
    let files: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .map(|(name, contents)| (out.join(name), contents))
        .collect();
    emit::write_all_atomically(&files).map_err(|error| super::cannot_write(&error))
}

/// Says which engine drew the diagrams (`flowc build`, `flowc diff`).
pub(super) fn say_drawn_by(engine: Engine, lang: Lang) {
    output::say(text!("cli-drawn-by", engine = engine_key(engine)), lang);
}

/// The key of a drawing engine in the catalogue's selectors.
pub(super) fn engine_key(engine: Engine) -> &'static str {
    match engine {
        Engine::Graphviz => "graphviz",
        Engine::Builtin => "builtin",
    }
}
