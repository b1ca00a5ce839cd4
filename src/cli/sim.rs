//! `flowc sim PATH --process NAME [--set k=v]... [--outcome STEP=OUTCOME]...
//! [--delay STEP=DURATION]... [--start YYYY-MM-DDTHH:MM] [--format human|json]`

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDateTime;

use crate::ir;
use crate::model::calendar::Calendar;
use crate::sim::{self, Scenario, SimError};

use super::output::{self, stderr_line};
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
    /// An input value, e.g. `amount=60000` (repeatable).
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
        |document, calendar| simulate(args, document, calendar),
    )
}

/// Runs the scenario of `args` on `document` and prints the timeline.
fn simulate(args: &Args, document: &ir::ProcessDocument, calendar: &Calendar) -> u8 {
    let scenario = match scenario(args, document, calendar.day_starts) {
        Ok(scenario) => scenario,
        Err(message) => {
            stderr_line!("error: {message}");
            return EXIT_CANNOT_RUN;
        }
    };
    match sim::run(document, calendar, &scenario) {
        Ok(timeline) => {
            let text = match args.format {
                Format::Json => {
                    let mut text =
                        serde_json::to_string_pretty(&timeline).expect("timelines serialise");
                    text.push('\n');
                    text
                }
                Format::Human => sim::render_human(&timeline),
            };
            output::print(&text, EXIT_OK)
        }
        Err(SimError::Scenario(message)) => {
            stderr_line!("error: {message}");
            EXIT_CANNOT_RUN
        }
        Err(SimError::Stuck(message)) => {
            stderr_line!("error: the run could not finish: {message}");
            EXIT_ERRORS
        }
    }
}

fn split<'t>(flag: &str, text: &'t str) -> Result<(&'t str, &'t str), String> {
    text.split_once('=')
        .map(|(key, value)| (key.trim(), value))
        .filter(|(key, _)| !key.is_empty())
        .ok_or_else(|| format!("{flag} {text}: write NAME=VALUE"))
}

fn scenario(
    args: &Args,
    document: &ir::ProcessDocument,
    day_starts: chrono::NaiveTime,
) -> Result<Scenario, String> {
    let start_text = args.start.as_deref().unwrap_or(DEFAULT_START);
    let start = NaiveDateTime::parse_from_str(start_text, "%Y-%m-%dT%H:%M")
        .or_else(|_| {
            chrono::NaiveDate::parse_from_str(start_text, "%Y-%m-%d")
                .map(|date| date.and_time(day_starts))
        })
        .map_err(|_| {
            format!("--start {start_text}: write a date and time as YYYY-MM-DDTHH:MM, e.g. 2026-12-01T09:00")
        })?;
    let mut inputs = BTreeMap::new();
    for text in &args.set {
        let (name, value) = split("--set", text)?;
        let Some(input) = document.inputs.iter().find(|input| input.name == name) else {
            let names: Vec<&str> = document.inputs.iter().map(|i| i.name.as_str()).collect();
            return Err(format!(
                "--set {text}: process `{}` has no input `{name}`; its inputs are: {}",
                document.process.name,
                if names.is_empty() {
                    "(none)".to_string()
                } else {
                    names.join(", ")
                }
            ));
        };
        let value = sim::parse_input(input, value).map_err(|error| error.to_string())?;
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
            format!("--delay {text}: `{duration}` is not a duration; write e.g. 4bd, 4 business days, 3d, 8h, 30min")
        })?;
        delays.entry(step.to_string()).or_default().push(duration);
    }
    let scenario = Scenario {
        start,
        inputs,
        outcomes,
        delays,
        applicant: args.applicant.clone(),
    };
    sim::validate(document, &scenario).map_err(|error| error.to_string())?;
    Ok(scenario)
}
