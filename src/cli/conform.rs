//! `flowc conform PATH --process NAME --log FILE [--staff FILE] [--map FIELD=COLUMN]...
//! [--now TIME] [--format human|json] [--html FILE] [--fail-on deviation|late|kpi]...`

use std::io::BufReader;
use std::path::PathBuf;

use crate::analysis::Analysis;
use crate::conform::{self, Category, Checker, ColumnMapping, InputError, LogFormat, Staff};
use crate::emit;
use crate::i18n::Text;
use crate::ir;
use crate::text;

use super::output::{self, say};
use super::{EXIT_CANNOT_RUN, EXIT_ERRORS, EXIT_OK};

/// Arguments of `flowc conform`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A `.flow` file or a project directory.
    path: PathBuf,
    /// The process the log's cases ran.
    #[arg(long, value_name = "NAME")]
    process: String,
    /// The event log: `.csv`, `.xes` or `.xes.gz`.
    #[arg(long, value_name = "FILE")]
    log: PathBuf,
    /// The staff directory (CSV: person, role, department): who holds which
    /// role, so that who did each step can be checked (default: `staff` of
    /// `[conform]` in flowc.toml).
    #[arg(long, value_name = "FILE")]
    staff: Option<PathBuf>,
    /// Which CSV column holds a field: `case`, `activity`, `timestamp`,
    /// `resource`, `lifecycle`, `outcome`, or an input's name (repeatable),
    /// e.g. `--map case=Case ID`; over `[conform.columns]` of flowc.toml.
    #[arg(long = "map", value_name = "FIELD=COLUMN")]
    map: Vec<String>,
    /// The time open cases are judged at, YYYY-MM-DDTHH:MM (default: the
    /// log's last event).
    #[arg(long, value_name = "YYYY-MM-DDTHH:MM")]
    now: Option<String>,
    /// How to print the report.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Also write the monitoring page of the process to FILE: one
    /// self-contained HTML file with the KPIs and plots (written whole or
    /// not at all; its directory is created). Put it at
    /// `monitoring/<process>.html` in the handbook's output directory and
    /// the handbook links to it.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// What makes the exit code 1 (repeatable; default: all three).
    #[arg(long = "fail-on", value_enum, value_name = "WHAT")]
    fail_on: Vec<FailOn>,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// A report for people.
    Human,
    /// The report as JSON (docs/conform.schema.json).
    Json,
}

/// `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    /// A case did not follow the process (path, people, values).
    Deviation,
    /// A step or a case missed its time node.
    Late,
    /// A KPI missed its target.
    Kpi,
}

/// Checks the log and prints the report: exit 0 when nothing selected by
/// `--fail-on` was found, 1 when something was, 2 when the log, the staff
/// directory or the arguments cannot be read.
pub fn run(args: &Args) -> u8 {
    super::process::with_process(
        &args.path,
        &args.process,
        "checked",
        |document, _, analysis| conform_log(args, document, analysis),
    )
}

fn conform_log(args: &Args, document: &ir::ProcessDocument, analysis: &Analysis) -> u8 {
    let calendar = &analysis.calendar;
    let lang = super::language(analysis.lang);
    let now = match args.now.as_deref().map(parse_now).transpose() {
        Ok(now) => now,
        Err(message) => {
            say(text!("cli-error", message = message), lang);
            return EXIT_CANNOT_RUN;
        }
    };
    let staff_path = args.staff.clone().or_else(|| {
        analysis
            .conform
            .staff
            .as_ref()
            .map(|staff| analysis.root.join(staff))
    });
    let staff = match staff_path
        .as_deref()
        .map(|path| read_staff(path, document))
        .transpose()
    {
        Ok(staff) => staff,
        Err(error) => {
            say(text!("cli-error", message = error), lang);
            return EXIT_CANNOT_RUN;
        }
    };
    let checker = Checker::new(document, calendar, staff.as_ref(), now);
    let report = match read_log(args, &analysis.conform.columns, &checker) {
        Ok(report) => report,
        Err(error) => {
            say(
                text!(
                    "cli-conform-log-error",
                    path = args.log.display().to_string(),
                    message = error.0
                ),
                lang,
            );
            return EXIT_CANNOT_RUN;
        }
    };
    if let Some(path) = &args.html
        && let Err(error) = write_page(
            path,
            &conform::render_html(&report, document, calendar, lang),
        )
    {
        say(text!("cli-error", message = error), lang);
        return EXIT_CANNOT_RUN;
    }
    let selected: Vec<Category> = if args.fail_on.is_empty() {
        vec![Category::Deviation, Category::Late, Category::Kpi]
    } else {
        args.fail_on
            .iter()
            .map(|fail_on| match fail_on {
                FailOn::Deviation => Category::Deviation,
                FailOn::Late => Category::Late,
                FailOn::Kpi => Category::Kpi,
            })
            .collect()
    };
    let code = if selected.iter().any(|category| report.has(*category)) {
        EXIT_ERRORS
    } else {
        EXIT_OK
    };
    match args.format {
        Format::Json => output::print_json(&report, code),
        Format::Human => output::print(&conform::render_human(&report, lang), code),
    }
}

/// Writes the monitoring page whole, creating its directory.
fn write_page(path: &std::path::Path, page: &str) -> Result<(), Text> {
    if let Some(directory) = path
        .parent()
        .filter(|directory| !directory.as_os_str().is_empty())
    {
        super::create_folder(directory)?;
    }
    emit::write_atomically(path, page.as_bytes()).map_err(|error| super::cannot_write(&error))
}

fn parse_now(text: &str) -> Result<chrono::NaiveDateTime, Text> {
    chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .map_err(|_| text!("cli-conform-bad-now", now = text))
}

fn read_staff(path: &std::path::Path, document: &ir::ProcessDocument) -> Result<Staff, Text> {
    let file = std::fs::File::open(path).map_err(|error| {
        text!(
            "cli-conform-cannot-read",
            path = path.display().to_string(),
            error = error.to_string()
        )
    })?;
    conform::read_staff(file, |role| {
        document
            .roles
            .iter()
            .find(|known| known.name == role)
            .map(|known| known.department.clone())
    })
    .map_err(|error| {
        text!(
            "cli-conform-file-error",
            path = path.display().to_string(),
            message = error.0
        )
    })
}

fn read_log(
    args: &Args,
    columns: &std::collections::BTreeMap<String, String>,
    checker: &Checker<'_>,
) -> Result<conform::ProcessReport, InputError> {
    let format = LogFormat::of(&args.log)?;
    let file = std::fs::File::open(&args.log).map_err(|error| {
        InputError(text!(
            "cli-conform-log-unreadable",
            error = error.to_string()
        ))
    })?;
    let mut session = checker.session();
    let count = match format {
        LogFormat::Csv => {
            let mut mapping = ColumnMapping::default();
            for (field, column) in columns {
                mapping.set(field, column);
            }
            for text in &args.map {
                let Some((field, column)) = text.split_once('=') else {
                    return Err(InputError(text!(
                        "cli-conform-bad-map",
                        map = text.as_str()
                    )));
                };
                mapping.set(field.trim(), column.trim());
            }
            conform::read_beside(
                |hand_on| {
                    conform::read_csv(file, &mapping, |case, attributes, event| {
                        hand_on((case.to_string(), attributes, event))
                    })
                },
                |(case, attributes, event)| session.event(&case, &attributes, event),
            )?
        }
        LogFormat::Xes | LogFormat::XesGz => {
            let gzipped = format == LogFormat::XesGz;
            conform::read_beside(
                |hand_on| conform::read_xes(BufReader::new(file), gzipped, hand_on),
                |case| session.case(case),
            )?
        }
    };
    if count == 0 {
        return Err(InputError(text!("cli-conform-empty-log")));
    }
    Ok(session.report())
}
