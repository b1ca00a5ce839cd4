//! `flowc sim PATH --process NAME [--set k=v]... [--outcome STEP=OUTCOME]...
//! [--delay STEP=DURATION]... [--start YYYY-MM-DDTHH:MM] [--format human|json]`

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDateTime;

use crate::conform;
use crate::emit;
use crate::i18n::{Lang, Text};
use crate::ir;
use crate::model::calendar::Calendar;
use crate::sim::{self, Scenario, SimError};
use crate::text;

use super::output;
use super::{EXIT_CANNOT_RUN, EXIT_ERRORS, EXIT_OK};

/// The start of a run when `--start` is not given: a fixed date, so that
/// runs are reproducible.
pub const DEFAULT_START: &str = "2026-01-05T09:00";

/// Arguments of `flowc sim`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A `.flow` file or a project directory.
    path: PathBuf,
    /// The process to run.
    #[arg(long, value_name = "NAME")]
    process: String,
    /// An input value, e.g. `amount=60000`, or a value a step records when
    /// it is done, e.g. `receipt.passed=no`; repeat a recorded value for
    /// the step's later visits (a visit without one keeps the last).
    #[arg(long = "set", value_name = "INPUT=VALUE")]
    set: Vec<String>,
    /// How one visit of a step ends, e.g. `dept_review=reject`; repeat a
    /// step for its later visits (default: `next`). A step several people
    /// sign takes one answer per signer, e.g. `committee=approve,reject,approve`.
    #[arg(long, value_name = "STEP=OUTCOME")]
    outcome: Vec<String>,
    /// How long one visit of a step takes, e.g. `dept_review=4bd`; repeat a
    /// step for its later visits (default: its deadline).
    #[arg(long, value_name = "STEP=DURATION")]
    delay: Vec<String>,
    /// The role of the person who applies, for a process with `applicant`
    /// (default: the first role of its `applicant` line).
    #[arg(long, value_name = "ROLE")]
    applicant: Option<String>,
    /// When the process starts (default: 2026-01-05T09:00).
    #[arg(long, value_name = "YYYY-MM-DDTHH:MM")]
    start: Option<String>,
    /// How to print the timeline.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Instead of one timeline, generate an event log of this many cases
    /// (random inputs near each decision's thresholds, delays, rejections).
    #[arg(long, value_name = "N", requires = "emit", conflicts_with_all = ["set", "outcome", "delay", "applicant"])]
    cases: Option<usize>,
    /// The format of the generated log.
    #[arg(long, value_enum, requires = "cases")]
    emit: Option<LogKind>,
    /// The seed of a generated log: the same seed gives the same log.
    #[arg(long, value_name = "S", default_value_t = 1, requires = "cases")]
    seed: u64,
    /// The share of generated cases (0 to 1) with one injected deviation,
    /// named in the case's `deviation` attribute.
    #[arg(long, value_name = "RATE", default_value_t = 0.0, requires = "cases")]
    deviate: f64,
    /// Write the generated log to FILE (whole, or not at all) instead of
    /// standard output.
    #[arg(long, value_name = "FILE", requires = "cases")]
    out: Option<PathBuf>,
    /// Also write the staff directory of the generated log's persons.
    #[arg(long, value_name = "FILE", requires = "cases")]
    staff_out: Option<PathBuf>,
}

/// `--emit` of a generated log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LogKind {
    /// CSV, one event a row.
    Csv,
    /// XES (IEEE 1849).
    Xes,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// A timeline for people.
    Human,
    /// The timeline as JSON.
    Json,
}

/// Runs the simulation and prints the timeline.
pub fn run(args: &Args) -> u8 {
    super::process::with_process(
        &args.path,
        &args.process,
        "simulated",
        |document, library, analysis| {
            let lang = super::language(analysis.lang);
            simulate(args, document, library, &analysis.calendar, lang)
        },
    )
}

/// Runs the scenario of `args` on `document` and prints the timeline, or
/// writes a generated log with `--cases`.
fn simulate(
    args: &Args,
    document: &ir::ProcessDocument,
    library: &sim::Library<'_>,
    calendar: &Calendar,
    lang: Lang,
) -> u8 {
    if let Some(cases) = args.cases {
        return generate_log(args, cases, document, library, calendar, lang);
    }
    let scenario = match scenario(args, document, library, calendar.day_starts) {
        Ok(scenario) => scenario,
        Err(message) => {
            output::say(text!("cli-error", message = message), lang);
            return EXIT_CANNOT_RUN;
        }
    };
    match sim::run(document, library, calendar, &scenario) {
        Ok(timeline) => match args.format {
            Format::Json => output::print_json(&timeline, EXIT_OK),
            Format::Human => output::print(&sim::render_human(&timeline, lang), EXIT_OK),
        },
        Err(SimError::Scenario(message)) => {
            output::say(text!("cli-error", message = message), lang);
            EXIT_CANNOT_RUN
        }
        Err(SimError::Stuck(message)) => {
            output::say(text!("cli-run-could-not-finish", message = message), lang);
            EXIT_ERRORS
        }
    }
}

fn split<'t>(flag: &str, text: &'t str) -> Result<(&'t str, &'t str), Text> {
    text.split_once('=')
        .map(|(key, value)| (key.trim(), value))
        .filter(|(key, _)| !key.is_empty())
        .ok_or_else(|| text!("cli-sim-write-name-value", flag = flag, text = text))
}

fn scenario(
    args: &Args,
    document: &ir::ProcessDocument,
    library: &sim::Library<'_>,
    day_starts: chrono::NaiveTime,
) -> Result<Scenario, Text> {
    let start_text = args.start.as_deref().unwrap_or(DEFAULT_START);
    let start = NaiveDateTime::parse_from_str(start_text, "%Y-%m-%dT%H:%M")
        .or_else(|_| {
            chrono::NaiveDate::parse_from_str(start_text, "%Y-%m-%d")
                .map(|date| date.and_time(day_starts))
        })
        .map_err(|_| text!("cli-sim-bad-start-time", start = start_text))?;
    let mut inputs = BTreeMap::new();
    let mut recorded: BTreeMap<String, Vec<sim::InputValue>> = BTreeMap::new();
    for text in &args.set {
        let (name, value) = split("--set", text)?;
        if name.contains('.') {
            let kind =
                sim::recorded_type_in(document, library, name).map_err(SimError::into_text)?;
            let value = sim::parse_value(name, kind, value).map_err(SimError::into_text)?;
            recorded.entry(name.to_string()).or_default().push(value);
            continue;
        }
        let Some(input) = document.inputs.iter().find(|input| input.name == name) else {
            let names: Vec<Text> = document
                .inputs
                .iter()
                .map(|i| Text::verbatim(i.name.as_str()))
                .collect();
            return Err(text!(
                "cli-sim-no-input",
                text = text.as_str(),
                process = document.process.name.as_str(),
                name = name,
                known = if names.is_empty() {
                    text!("sim-none")
                } else {
                    text!("sim-names", names = names)
                }
            ));
        };
        let value = sim::parse_input(input, value).map_err(SimError::into_text)?;
        inputs.insert(name.to_string(), value);
    }
    let mut outcomes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for text in &args.outcome {
        let (step, outcome) = split("--outcome", text)?;
        outcomes
            .entry(step.to_string())
            .or_default()
            .push(outcome.trim().to_string());
    }
    let mut delays: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for text in &args.delay {
        let (step, duration) = split("--delay", text)?;
        let duration = sim::parse_duration(duration).ok_or_else(|| {
            text!(
                "cli-sim-bad-delay",
                text = text.as_str(),
                duration = duration
            )
        })?;
        delays.entry(step.to_string()).or_default().push(duration);
    }
    let scenario = Scenario {
        start,
        inputs,
        outcomes,
        delays,
        applicant: args.applicant.clone(),
        recorded,
    };
    sim::validate(document, library, &scenario).map_err(SimError::into_text)?;
    Ok(scenario)
}

/// `--cases N --emit csv|xes`: writes a generated log.
fn generate_log(
    args: &Args,
    cases: usize,
    document: &ir::ProcessDocument,
    library: &sim::Library<'_>,
    calendar: &Calendar,
    lang: Lang,
) -> u8 {
    if !(0.0..=1.0).contains(&args.deviate) {
        output::say(
            text!("cli-sim-bad-deviate", deviate = args.deviate.to_string()),
            lang,
        );
        return EXIT_CANNOT_RUN;
    }
    let start_text = args.start.as_deref().unwrap_or(DEFAULT_START);
    let Ok(start) = NaiveDateTime::parse_from_str(start_text, "%Y-%m-%dT%H:%M") else {
        output::say(text!("cli-sim-bad-start", start = start_text), lang);
        return EXIT_CANNOT_RUN;
    };
    let generation = conform::Generation {
        cases,
        seed: args.seed,
        start,
        deviate: args.deviate,
        format: match args.emit {
            Some(LogKind::Xes) => conform::GeneratedFormat::Xes,
            _ => conform::GeneratedFormat::Csv,
        },
    };
    let mut log = Vec::new();
    if let Err(message) = conform::generate(document, library, calendar, &generation, &mut log) {
        output::say(text!("cli-sim-log-not-generated", message = message), lang);
        return EXIT_ERRORS;
    }
    if let Some(path) = &args.staff_out
        && let Err(error) =
            emit::write_atomically(path, conform::staff_directory(document).as_bytes())
    {
        output::say(text!("cli-error", message = error.to_string()), lang);
        return EXIT_CANNOT_RUN;
    }
    match &args.out {
        Some(path) => match emit::write_atomically(path, &log) {
            Ok(()) => EXIT_OK,
            Err(error) => {
                output::say(text!("cli-error", message = error.to_string()), lang);
                EXIT_CANNOT_RUN
            }
        },
        None => output::print(&String::from_utf8_lossy(&log), EXIT_OK),
    }
}
