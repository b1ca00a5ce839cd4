//! The simulator: runs one process's JSON IR on a virtual clock under the
//! working calendar. It is the reference semantics for engines consuming
//! the IR (`docs/runtime.md`).
//!
//! A step takes its full deadline (`within`) unless a delay says otherwise,
//! and ends with outcome `next` unless an outcome says otherwise; each
//! `--outcome`/`--delay` given for a step applies to one visit of that step,
//! in order. Reminders and escalations fire when their time comes before
//! the step is done (a tie goes to the step). Decisions take the first
//! `when` that holds, else `otherwise`. A parallel block enters all its
//! branches at once and goes on when all are done; an outcome other than
//! `next` in a branch withdraws the other branches and leaves the block.
//! A run has one applicant (the first role of the `applicant` line unless
//! the scenario names another); `manager of applicant` is that role's
//! superior by the reporting lines. A step several people sign takes one
//! answer from each (all approve unless the scenario says otherwise) and is
//! decided as soon as its answers decide it. Notifications are told when
//! their moment comes and never hold the run up.
//!
//! A step's owner records its `record` values when the step is done (the
//! scenario gives them per visit, `--set STEP.NAME=VALUE`; a later visit
//! without one keeps the value recorded before). A step with `at least`
//! cannot be finished before its minimum period: finishing earlier is
//! refused and the step is done when the period ends. A step with `on
//! timeout after` that is not done by then moves on by itself (a tie goes
//! to the step). A call runs the called process as part of the run, from
//! the moment it is entered, with the `with` values as its inputs; its
//! events are nested under the call, its steps are named `CALL.STEP` (so
//! are its `--outcome`, `--delay` and `--set` entries), and the end it
//! reaches chooses the call's `on END` or its `next`.

pub(crate) mod people;
mod render;
mod values;

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::i18n::Text;
use crate::ir::{
    DurationInfo, EdgeInfo, EdgeKindName, NodeInfo, NodeKindName, NotificationInfo,
    NotifyMomentName, PartyInfo, ProcessDocument, UnitName, ValueInfo,
};
use crate::model::calendar::{Calendar, UnannouncedYear};
use crate::syntax::ast::{Duration, TimeUnit};
use crate::text;

pub use render::render_human;
pub use values::{
    InputValue, holds as condition_holds, parse_duration, parse_input, parse_value, read_value,
};

/// How many times a run may enter one step before it is stopped as a loop.
pub const MAX_ROUNDS: usize = 1_000;

/// How deep calls may nest (a process calling one that calls another...)
/// before a run is stopped: the checker refuses recursive calls, so only a
/// project that did not pass it gets there.
pub const MAX_CALL_DEPTH: usize = 16;

/// The processes a run may call, by name.
#[derive(Debug, Clone, Default)]
pub struct Library<'a> {
    documents: BTreeMap<&'a str, &'a ProcessDocument>,
}

impl<'a> Library<'a> {
    /// A library of these processes.
    pub fn new(documents: impl IntoIterator<Item = &'a ProcessDocument>) -> Self {
        Library {
            documents: documents
                .into_iter()
                .map(|document| (document.process.name.as_str(), document))
                .collect(),
        }
    }

    /// The process called `name`, if the library has it.
    fn get(&self, name: &str) -> Option<&'a ProcessDocument> {
        self.documents.get(name).copied()
    }
}

/// What the run is told besides the process.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// When the process starts.
    pub start: NaiveDateTime,
    /// Input values, by input name.
    pub inputs: BTreeMap<String, InputValue>,
    /// Outcomes per step, one per visit, in order.
    pub outcomes: BTreeMap<String, Vec<String>>,
    /// How long a step takes, per visit, in order.
    pub delays: BTreeMap<String, Vec<(u64, TimeUnit)>>,
    /// The role of the person who applies (default: the first role of the
    /// process's `applicant` line).
    pub applicant: Option<String>,
    /// Recorded values per `STEP.NAME`, one per visit, in order.
    pub recorded: BTreeMap<String, Vec<InputValue>>,
}

impl Scenario {
    /// The part of the scenario for the process `callee` a call `call`
    /// runs, starting at `start` with `inputs`: the entries named
    /// `CALL.…`, without the prefix, and the caller's `applicant` when the
    /// callee's `applicant` line allows that role (else its own first).
    fn for_call(
        &self,
        call: &str,
        callee: &ProcessDocument,
        applicant: Option<&str>,
        start: NaiveDateTime,
        inputs: BTreeMap<String, InputValue>,
    ) -> Result<Scenario, SimError> {
        let prefix = format!("{call}.");
        let applicant = people::choose_applicant(callee, applicant)
            .or_else(|_| people::choose_applicant(callee, None))?;
        Ok(Scenario {
            start,
            inputs,
            outcomes: under(&self.outcomes, &prefix),
            delays: under(&self.delays, &prefix),
            applicant,
            recorded: under(&self.recorded, &prefix),
        })
    }
}

/// The entries of `map` whose keys start with `prefix`, without it.
fn under<T: Clone>(map: &BTreeMap<String, T>, prefix: &str) -> BTreeMap<String, T> {
    map.iter()
        .filter_map(|(key, value)| Some((key.strip_prefix(prefix)?.to_string(), value.clone())))
        .collect()
}

/// Why a run could not be made or finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SimError {
    /// The scenario does not fit the process (bad `--set`, `--outcome`...).
    Scenario(Text),
    /// The run got stuck (no branch matches, a loop, time overflow).
    Stuck(Text),
}

impl std::fmt::Display for SimError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SimError::Scenario(message) | SimError::Stuck(message) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for SimError {}

impl SimError {
    /// What went wrong, in words.
    pub fn into_text(self) -> Text {
        match self {
            SimError::Scenario(message) | SimError::Stuck(message) => message,
        }
    }
}

/// One entry of the timeline.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// The process started.
    Started {
        /// When.
        at: String,
    },
    /// A step was entered.
    StepEntered {
        /// When.
        at: String,
        /// The step.
        step: String,
        /// Its label.
        label: Option<String>,
        /// Its owner (English in JSON).
        #[serde(serialize_with = "english_if_any")]
        owner: Option<Text>,
        /// When it is due.
        due: Option<String>,
        /// 1 the first time, 2 on the first rework...
        round: usize,
    },
    /// A reminder went to the step's owner.
    Reminder {
        /// When.
        at: String,
        /// The step.
        step: String,
        /// Who was reminded (English in JSON).
        #[serde(serialize_with = "english_if_any")]
        owner: Option<Text>,
        /// The `remind after` duration.
        after: String,
    },
    /// Someone was told, without being given work (`notify`).
    Notified {
        /// When.
        at: String,
        /// The step.
        step: String,
        /// Who was told, as written (`manager of applicant`, a role).
        to: String,
        /// Who that is in this run ("部門負責人 (dept_head), the applicant's
        /// superior"; a fixed role or department as written; English in
        /// JSON).
        #[serde(serialize_with = "english")]
        who: Text,
        /// The moment: `started`, `done`, `rejected` or `overdue`.
        when: String,
    },
    /// One signer of a step several people sign answered.
    Signed {
        /// When.
        at: String,
        /// The step.
        step: String,
        /// Who answered (English in JSON).
        #[serde(serialize_with = "english")]
        signer: Text,
        /// `approve` or `reject`.
        answer: String,
    },
    /// A signer's answer was no longer needed: the step was decided.
    SignatureWithdrawn {
        /// When.
        at: String,
        /// The step.
        step: String,
        /// Whose answer was not needed (English in JSON).
        #[serde(serialize_with = "english")]
        signer: Text,
    },
    /// An escalation fired.
    Escalation {
        /// When.
        at: String,
        /// The step.
        step: String,
        /// Who is told, as written (a role, `manager of applicant`).
        to: String,
        /// Who that is in this run (see [`Event::Notified`]).
        #[serde(serialize_with = "english")]
        who: Text,
        /// The `escalate after` duration.
        after: String,
    },
    /// The owner tried to finish a step before its minimum period
    /// (`at least`) ended: refused, the step is done when it ends.
    EarlyFinishRefused {
        /// When the owner tried.
        at: String,
        /// The step.
        step: String,
        /// When the step can be finished.
        until: String,
        /// The `at least` duration.
        minimum: String,
    },
    /// A step was not done in time and moved on by itself (`on timeout`).
    TimedOut {
        /// When.
        at: String,
        /// The step.
        step: String,
        /// The `on timeout after` duration.
        after: String,
        /// Where the work went.
        to: String,
    },
    /// The owner recorded a value (`record`) when the step was done.
    Recorded {
        /// When.
        at: String,
        /// The step.
        step: String,
        /// The value's name.
        name: String,
        /// The value.
        value: String,
    },
    /// A call started the process it calls.
    CallStarted {
        /// When.
        at: String,
        /// The call.
        call: String,
        /// The process called.
        process: String,
        /// Its label.
        label: Option<String>,
    },
    /// An event of the process a call runs.
    InCall {
        /// When.
        at: String,
        /// The call.
        call: String,
        /// What happened in the called process.
        event: Box<Event>,
    },
    /// The process a call runs reached an end.
    CallFinished {
        /// When.
        at: String,
        /// The call.
        call: String,
        /// The end the called process reached.
        end: String,
        /// Where the work went.
        to: String,
    },
    /// A step was done.
    StepCompleted {
        /// When.
        at: String,
        /// The step.
        step: String,
        /// `next` or an outcome name.
        outcome: String,
        /// Whether it was done after its due time.
        late: bool,
    },
    /// A decision chose a path.
    Decision {
        /// When.
        at: String,
        /// The decision.
        decision: String,
        /// The condition that held (`otherwise` when none did).
        matched: String,
        /// Where it leads.
        to: String,
    },
    /// A parallel block entered its branches.
    ParallelStarted {
        /// When.
        at: String,
        /// The block.
        block: String,
        /// Its branch steps.
        branches: Vec<String>,
    },
    /// Every branch of a block was done.
    ParallelJoined {
        /// When.
        at: String,
        /// The block.
        block: String,
    },
    /// A branch still open was withdrawn because another left the block.
    BranchWithdrawn {
        /// When.
        at: String,
        /// The branch step.
        step: String,
        /// The block.
        block: String,
    },
    /// The process ended.
    EndReached {
        /// When.
        at: String,
        /// The end.
        end: String,
        /// Its label.
        label: Option<String>,
    },
}

/// Words of an event in English: the JSON events are a machine format.
fn english<S: serde::Serializer>(words: &Text, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&words.english())
}

/// Words of an event, if any, in English (see [`english`]).
fn english_if_any<S: serde::Serializer>(
    words: &Option<Text>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match words {
        Some(words) => english(words, serializer),
        None => serializer.serialize_none(),
    }
}

impl Event {
    /// When it happened, as the timeline writes it.
    fn at(&self) -> &str {
        match self {
            Event::Started { at }
            | Event::StepEntered { at, .. }
            | Event::Reminder { at, .. }
            | Event::Notified { at, .. }
            | Event::Signed { at, .. }
            | Event::SignatureWithdrawn { at, .. }
            | Event::Escalation { at, .. }
            | Event::EarlyFinishRefused { at, .. }
            | Event::TimedOut { at, .. }
            | Event::Recorded { at, .. }
            | Event::CallStarted { at, .. }
            | Event::InCall { at, .. }
            | Event::CallFinished { at, .. }
            | Event::StepCompleted { at, .. }
            | Event::Decision { at, .. }
            | Event::ParallelStarted { at, .. }
            | Event::ParallelJoined { at, .. }
            | Event::BranchWithdrawn { at, .. }
            | Event::EndReached { at, .. } => at,
        }
    }

    /// When it happened.
    fn time(&self) -> Option<NaiveDateTime> {
        NaiveDateTime::parse_from_str(self.at(), "%Y-%m-%dT%H:%M").ok()
    }

    /// The step (or call) it enters, named from the run it belongs to:
    /// `CALL.STEP` for one of a nested call.
    fn entered(&self) -> Option<String> {
        match self {
            Event::StepEntered { step, .. } => Some(step.clone()),
            Event::CallStarted { call, .. } => Some(call.clone()),
            Event::InCall { call, event, .. } => {
                event.entered().map(|step| format!("{call}.{step}"))
            }
            _ => None,
        }
    }
}

/// The result of a run.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    /// The process.
    pub process: String,
    /// Its label.
    pub label: Option<String>,
    /// The role of the person who applied, for a process with `applicant`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applicant: Option<String>,
    /// When it started.
    pub start: String,
    /// Every event in time order.
    pub events: Vec<Event>,
    /// The steps entered, in order (the path a differential test compares).
    pub steps: Vec<String>,
    /// The end reached.
    pub end: String,
    /// When it was reached.
    pub finished: String,
    /// Working time from start to end, in business days.
    pub elapsed_business_days: String,
    /// The SLA, if the process has one.
    pub sla: Option<SlaResult>,
    /// Years the run went through that a holiday preset of the calendar
    /// has no notice for (counted as ordinary years).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unannounced_years: Vec<UnannouncedYear>,
}

/// The elapsed time against the SLA.
#[derive(Debug, Clone, Serialize)]
pub struct SlaResult {
    /// The SLA as written.
    pub text: String,
    /// The SLA in business days.
    pub business_days: String,
    /// Whether the run finished within it.
    pub met: bool,
}

/// The time format of the timeline.
pub fn format_time(time: NaiveDateTime) -> String {
    time.format("%Y-%m-%dT%H:%M").to_string()
}

pub(crate) fn time_unit(unit: UnitName) -> TimeUnit {
    match unit {
        UnitName::Minute => TimeUnit::Minute,
        UnitName::Hour => TimeUnit::Hour,
        UnitName::Day => TimeUnit::Day,
        UnitName::BusinessDay => TimeUnit::BusinessDay,
        UnitName::Week => TimeUnit::Week,
        UnitName::Month => TimeUnit::Month,
        UnitName::Year => TimeUnit::Year,
    }
}

pub(crate) fn duration(info: &DurationInfo) -> (u64, TimeUnit) {
    (info.amount, time_unit(info.unit))
}

/// Checks the scenario against the process: every `--set` names an input
/// (or a value a step records) and fits its type, every
/// `--outcome`/`--delay` names a step, and every outcome is one the step
/// has; entries named `CALL.…` are checked against the process the call
/// runs.
pub fn validate(
    document: &ProcessDocument,
    library: &Library<'_>,
    scenario: &Scenario,
) -> Result<(), SimError> {
    validate_nested(document, library, scenario, 0)
}

/// [`validate`] for a process run `depth` calls deep.
fn validate_nested(
    document: &ProcessDocument,
    library: &Library<'_>,
    scenario: &Scenario,
    depth: usize,
) -> Result<(), SimError> {
    if depth > MAX_CALL_DEPTH {
        return Err(too_deep(document));
    }
    let calls: Vec<&NodeInfo> = document
        .nodes
        .iter()
        .filter(|node| matches!(node.kind, NodeKindName::Call))
        .collect();
    let own = Scenario {
        outcomes: outside_calls(&scenario.outcomes, &calls),
        delays: outside_calls(&scenario.delays, &calls),
        recorded: outside_calls(&scenario.recorded, &calls),
        ..scenario.clone()
    };
    validate_own(document, &own)?;
    let asked = people::choose_applicant(document, scenario.applicant.as_deref())?;
    for call in calls {
        let Some(callee) = call
            .call
            .as_ref()
            .and_then(|info| library.get(&info.process))
        else {
            continue;
        };
        let nested = scenario.for_call(
            &call.id,
            callee,
            asked.as_deref(),
            scenario.start,
            BTreeMap::new(),
        )?;
        validate_nested(callee, library, &nested, depth + 1).map_err(|error| match error {
            SimError::Scenario(message) => SimError::Scenario(text!(
                "sim-error-in-call-entries",
                call = call.id.as_str(),
                message = message
            )),
            SimError::Stuck(message) => SimError::Stuck(message),
        })?;
    }
    Ok(())
}

/// The entries of `map` not named `CALL.…` for one of `calls`.
fn outside_calls<T: Clone>(map: &BTreeMap<String, T>, calls: &[&NodeInfo]) -> BTreeMap<String, T> {
    map.iter()
        .filter(|(key, _)| {
            !key.split_once('.')
                .is_some_and(|(first, _)| calls.iter().any(|call| call.id == first))
        })
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect()
}

/// The error of calls nested deeper than [`MAX_CALL_DEPTH`].
fn too_deep(document: &ProcessDocument) -> SimError {
    SimError::Stuck(text!(
        "sim-error-calls-too-deep",
        depth = MAX_CALL_DEPTH.to_string(),
        process = document.process.name.as_str()
    ))
}

/// [`validate`] for the entries of the process itself.
fn validate_own(document: &ProcessDocument, scenario: &Scenario) -> Result<(), SimError> {
    let process = &document.process.name;
    for name in scenario.inputs.keys() {
        if !document.inputs.iter().any(|input| &input.name == name) {
            let known: Vec<&str> = document.inputs.iter().map(|i| i.name.as_str()).collect();
            return Err(SimError::Scenario(text!(
                "sim-error-no-input",
                name = name,
                process = process,
                known = list_or_none(&known)
            )));
        }
    }
    let steps: Vec<&NodeInfo> = document
        .nodes
        .iter()
        .filter(|node| matches!(node.kind, NodeKindName::Step))
        .collect();
    let step_names: Vec<&str> = steps.iter().map(|node| node.id.as_str()).collect();
    let no_step = |flag: &str, name: &str| {
        SimError::Scenario(text!(
            "sim-error-no-step",
            flag = flag,
            name = name,
            process = process,
            known = list_or_none(&step_names)
        ))
    };
    people::choose_applicant(document, scenario.applicant.as_deref())?;
    for (step, outcomes) in &scenario.outcomes {
        if !step_names.contains(&step.as_str()) {
            return Err(no_step("--outcome", step));
        }
        let mut allowed = vec!["next".to_string()];
        allowed.extend(
            document
                .edges
                .iter()
                .filter(|edge| &edge.from == step)
                .filter_map(|edge| edge.outcome.clone()),
        );
        let node = steps.iter().find(|node| &node.id == step);
        if let Some(node) = node.filter(|node| people::is_multi_signer(node)) {
            for outcome in outcomes.iter().filter(|outcome| outcome.contains(',')) {
                let votes = people::parse_votes(node, outcome).map_err(SimError::Scenario)?;
                if votes.contains(&people::Vote::Reject) && !allowed.iter().any(|o| o == "reject") {
                    return Err(SimError::Scenario(text!(
                        "sim-error-signer-rejects",
                        step = step,
                        outcome = outcome,
                        allowed = names(&allowed)
                    )));
                }
            }
        }
        if let Some(bad) = outcomes
            .iter()
            .filter(|outcome| {
                !outcome.contains(',') || node.is_none_or(|node| !people::is_multi_signer(node))
            })
            .find(|outcome| !allowed.contains(outcome))
        {
            return Err(SimError::Scenario(text!(
                "sim-error-no-outcome",
                step = step,
                bad = bad,
                allowed = names(&allowed)
            )));
        }
    }
    for step in scenario.delays.keys() {
        if !step_names.contains(&step.as_str()) {
            return Err(no_step("--delay", step));
        }
    }
    for key in scenario.recorded.keys() {
        recorded_type(document, key)?;
    }
    Ok(())
}

/// The type of the value `key` names in `document` (`STEP.NAME`, a
/// `record` of that step; `CALL.STEP.NAME` for a step of the process a call
/// runs, from `library`), or the error of a `--set` that names none.
pub fn recorded_type_in<'d>(
    document: &'d ProcessDocument,
    library: &Library<'d>,
    key: &str,
) -> Result<&'d crate::ir::InputTypeInfo, SimError> {
    let called = key.split_once('.').and_then(|(first, rest)| {
        let call = document
            .nodes
            .iter()
            .find(|node| node.id == first && matches!(node.kind, NodeKindName::Call))?;
        Some((call.call.as_ref()?, rest))
    });
    match called {
        Some((info, rest)) => match library.get(&info.process) {
            Some(callee) => recorded_type_in(callee, library, rest),
            None => recorded_type(document, key),
        },
        None => recorded_type(document, key),
    }
}

/// The type of the value `STEP.NAME` names (a `record` of that step), or
/// the error of a `--set` that names none.
fn recorded_type<'d>(
    document: &'d ProcessDocument,
    key: &str,
) -> Result<&'d crate::ir::InputTypeInfo, SimError> {
    let process = &document.process.name;
    let recorders: Vec<String> = document
        .nodes
        .iter()
        .flat_map(|node| {
            node.records
                .iter()
                .map(move |record| format!("{}.{}", node.id, record.name))
        })
        .collect();
    let found = key.split_once('.').and_then(|(step, name)| {
        let node = document.nodes.iter().find(|node| node.id == step)?;
        node.records.iter().find(|record| record.name == name)
    });
    found.map(|record| &record.kind).ok_or_else(|| {
        let known: Vec<&str> = recorders.iter().map(String::as_str).collect();
        SimError::Scenario(text!(
            "sim-error-not-recorded",
            key = key,
            process = process,
            known = list_or_none(&known)
        ))
    })
}

/// Names the user wrote, as a list; `(none)` in words when there are none.
fn list_or_none(known: &[&str]) -> Text {
    if known.is_empty() {
        text!("sim-none")
    } else {
        names(known)
    }
}

/// Names the user wrote (or `.flow` words), as a list of the language.
fn names<S: AsRef<str>>(known: &[S]) -> Text {
    let items: Vec<Text> = known
        .iter()
        .map(|name| Text::verbatim(name.as_ref()))
        .collect();
    text!("sim-names", names = items)
}

/// Runs the process; the processes it calls are taken from `library`.
pub fn run(
    document: &ProcessDocument,
    library: &Library<'_>,
    calendar: &Calendar,
    scenario: &Scenario,
) -> Result<Timeline, SimError> {
    validate(document, library, scenario)?;
    let applicant = people::choose_applicant(document, scenario.applicant.as_deref())?;
    let mut run = Run::new(document, library, calendar, scenario, applicant);
    run.execute()?;
    run.timeline()
}

/// A visit of a step (or a call) that is open.
#[derive(Debug, Clone)]
struct Visit {
    step: String,
    block: Option<usize>,
    due: Option<NaiveDateTime>,
    open: bool,
}

/// A parallel block that is running.
#[derive(Debug, Clone)]
struct BlockRun {
    block: String,
    waiting: usize,
    visits: Vec<usize>,
    open: bool,
}

/// Something due to happen.
#[derive(Debug, Clone)]
enum Pending {
    Complete {
        visit: usize,
    },
    Remind {
        visit: usize,
        after: String,
    },
    Escalate {
        visit: usize,
        to: String,
        who: Text,
        after: String,
    },
    Overdue {
        visit: usize,
        to: String,
        who: Text,
    },
    Refuse {
        visit: usize,
        until: NaiveDateTime,
        minimum: String,
    },
    Timeout {
        visit: usize,
        after: String,
    },
    /// An event of the process a call runs, told when it happens.
    Relay {
        visit: usize,
        event: Event,
        step: Option<String>,
    },
    CallDone {
        visit: usize,
        end: String,
    },
}

struct Run<'a> {
    document: &'a ProcessDocument,
    library: &'a Library<'a>,
    calendar: &'a Calendar,
    scenario: &'a Scenario,
    /// How many calls deep this run is.
    depth: usize,
    /// The inputs and the values recorded so far.
    values: BTreeMap<String, InputValue>,
    /// The role of the person who applied.
    applicant: Option<String>,
    nodes: BTreeMap<&'a str, &'a NodeInfo>,
    outgoing: BTreeMap<&'a str, Vec<&'a EdgeInfo>>,
    queue: BTreeMap<(NaiveDateTime, u64), Pending>,
    sequence: u64,
    visits: Vec<Visit>,
    blocks: Vec<BlockRun>,
    rounds: BTreeMap<String, usize>,
    /// The decisions passed since a step was last entered, in order: one
    /// passed twice means the run goes round decisions only, for ever.
    decisions_since_step: Vec<String>,
    used_outcomes: BTreeMap<String, usize>,
    used_delays: BTreeMap<String, usize>,
    used_records: BTreeMap<String, usize>,
    events: Vec<Event>,
    steps: Vec<String>,
    end: Option<(String, NaiveDateTime)>,
}

impl<'a> Run<'a> {
    fn new(
        document: &'a ProcessDocument,
        library: &'a Library<'a>,
        calendar: &'a Calendar,
        scenario: &'a Scenario,
        applicant: Option<String>,
    ) -> Self {
        let nodes = document
            .nodes
            .iter()
            .map(|node| (node.id.as_str(), node))
            .collect();
        let mut outgoing: BTreeMap<&str, Vec<&EdgeInfo>> = BTreeMap::new();
        for edge in &document.edges {
            outgoing.entry(edge.from.as_str()).or_default().push(edge);
        }
        Run {
            document,
            library,
            calendar,
            scenario,
            depth: 0,
            values: scenario.inputs.clone(),
            applicant,
            nodes,
            outgoing,
            queue: BTreeMap::new(),
            sequence: 0,
            visits: Vec::new(),
            blocks: Vec::new(),
            rounds: BTreeMap::new(),
            decisions_since_step: Vec::new(),
            used_outcomes: BTreeMap::new(),
            used_delays: BTreeMap::new(),
            used_records: BTreeMap::new(),
            events: Vec::new(),
            steps: Vec::new(),
            end: None,
        }
    }

    fn edges(&self, node: &str) -> &[&'a EdgeInfo] {
        self.outgoing.get(node).map(Vec::as_slice).unwrap_or(&[])
    }

    fn schedule(&mut self, at: NaiveDateTime, pending: Pending) {
        self.sequence += 1;
        self.queue.insert((at, self.sequence), pending);
    }

    fn later(
        &self,
        time: NaiveDateTime,
        (amount, unit): (u64, TimeUnit),
    ) -> Result<NaiveDateTime, SimError> {
        self.calendar.add(time, amount, unit).ok_or_else(|| {
            SimError::Stuck(text!(
                "sim-error-clock-overflow",
                duration = crate::model::words::time(amount, unit),
                time = format_time(time)
            ))
        })
    }

    fn execute(&mut self) -> Result<(), SimError> {
        let start = self.scenario.start;
        self.events.push(Event::Started {
            at: format_time(start),
        });
        let first = self.document.process.start.clone();
        self.follow(&first, start, None)?;
        while self.end.is_none() {
            let Some(((at, _), pending)) = self.queue.pop_first() else {
                return Err(SimError::Stuck(text!("sim-error-nothing-open")));
            };
            self.happen(at, pending)?;
        }
        Ok(())
    }

    /// Leaves `node` along its single edge (a start or a join).
    fn follow(
        &mut self,
        node: &str,
        at: NaiveDateTime,
        block: Option<usize>,
    ) -> Result<(), SimError> {
        let Some(edge) = self.edges(node).first().copied() else {
            return Err(SimError::Stuck(text!(
                "sim-error-leads-nowhere",
                node = node
            )));
        };
        self.enter(&edge.to, at, block)
    }

    fn enter(&mut self, id: &str, at: NaiveDateTime, block: Option<usize>) -> Result<(), SimError> {
        let Some(node) = self.nodes.get(id).copied() else {
            return Err(SimError::Stuck(text!("sim-error-no-node", id = id)));
        };
        match node.kind {
            NodeKindName::Step => self.enter_step(node, at, block),
            NodeKindName::Decision => self.decide(node, at),
            NodeKindName::Parallel => self.fork(node, at),
            NodeKindName::Join => self.join(node, at, block),
            NodeKindName::Call => self.enter_call(node, at, block),
            NodeKindName::End => {
                self.events.push(Event::EndReached {
                    at: format_time(at),
                    end: node.id.clone(),
                    label: node.label.clone(),
                });
                self.end = Some((node.id.clone(), at));
                Ok(())
            }
            NodeKindName::Start => self.follow(&node.id, at, block),
        }
    }

    /// Counts a visit of the step or call `node`: the round it starts.
    fn next_round(&mut self, node: &NodeInfo) -> Result<usize, SimError> {
        self.decisions_since_step.clear();
        let round = self.rounds.entry(node.id.clone()).or_default();
        *round += 1;
        if *round > MAX_ROUNDS {
            return Err(SimError::Stuck(text!(
                "sim-error-loops",
                kind = if matches!(node.kind, NodeKindName::Call) {
                    "call"
                } else {
                    "step"
                },
                node = node.id.as_str(),
                rounds = MAX_ROUNDS.to_string()
            )));
        }
        Ok(*round)
    }

    /// Opens a visit of the step or call `id`.
    fn open_visit(&mut self, id: &str, block: Option<usize>, due: Option<NaiveDateTime>) -> usize {
        let visit = self.visits.len();
        self.visits.push(Visit {
            step: id.to_string(),
            block,
            due,
            open: true,
        });
        if let Some(block) = block {
            self.blocks[block].visits.push(visit);
        }
        self.steps.push(id.to_string());
        visit
    }

    fn enter_step(
        &mut self,
        node: &NodeInfo,
        at: NaiveDateTime,
        block: Option<usize>,
    ) -> Result<(), SimError> {
        let round = self.next_round(node)?;
        let due = match &node.deadline {
            Some(deadline) => Some(self.later(at, duration(deadline))?),
            None => None,
        };
        let delay = take(&self.scenario.delays, &mut self.used_delays, &node.id).copied();
        let tried = match (delay, due) {
            (Some(delay), _) => self.later(at, delay)?,
            (None, Some(due)) => due,
            (None, None) => at,
        };
        let minimum_end = match &node.minimum {
            Some(minimum) => Some(self.later(at, duration(minimum))?),
            None => None,
        };
        let done = minimum_end.map_or(tried, |until| until.max(tried));
        let visit = self.open_visit(&node.id, block, due);
        self.events.push(Event::StepEntered {
            at: format_time(at),
            step: node.id.clone(),
            label: node.label.clone(),
            owner: people::step_owner(self.document, node, self.applicant.as_deref()),
            due: due.map(format_time),
            round,
        });
        self.notify(node, NotifyMomentName::Started, at);
        if let Some(due) = due.filter(|&due| due < done) {
            for notification in notified(node, NotifyMomentName::Overdue) {
                let (to, who) = (notification.to.text.clone(), self.who(&notification.to));
                self.schedule(due, Pending::Overdue { visit, to, who });
            }
        }
        for reminder in &node.reminders {
            let fires = self.later(at, duration(reminder))?;
            if fires < done {
                self.schedule(
                    fires,
                    Pending::Remind {
                        visit,
                        after: reminder.text.clone(),
                    },
                );
            }
        }
        for escalation in &node.escalations {
            let fires = self.later(at, duration(&escalation.after))?;
            if fires < done {
                self.schedule(
                    fires,
                    Pending::Escalate {
                        visit,
                        to: escalation.to.clone(),
                        who: self.who(&escalation.target),
                        after: escalation.after.text.clone(),
                    },
                );
            }
        }
        if let (Some(minimum), true) = (&node.minimum, done > tried) {
            let minimum = minimum.text.clone();
            self.schedule(
                tried,
                Pending::Refuse {
                    visit,
                    until: done,
                    minimum,
                },
            );
        }
        if let Some(timeout) = &node.timeout {
            let fires = self.later(at, duration(timeout))?;
            if fires < done {
                let after = timeout.text.clone();
                self.schedule(fires, Pending::Timeout { visit, after });
            }
        }
        self.schedule(done, Pending::Complete { visit });
        Ok(())
    }

    /// Runs the process a call names, from `at`, and tells its events as
    /// they happen; the call is done when that process reaches an end.
    fn enter_call(
        &mut self,
        node: &NodeInfo,
        at: NaiveDateTime,
        block: Option<usize>,
    ) -> Result<(), SimError> {
        self.next_round(node)?;
        let call = node.id.clone();
        let Some(info) = &node.call else {
            return Err(SimError::Stuck(text!(
                "sim-error-call-names-no-process",
                call = call.as_str()
            )));
        };
        let Some(callee) = self.library.get(&info.process) else {
            return Err(SimError::Stuck(text!(
                "sim-error-call-process-missing",
                call = call.as_str(),
                process = info.process.as_str()
            )));
        };
        if self.depth >= MAX_CALL_DEPTH {
            return Err(too_deep(callee));
        }
        let inputs = self.call_inputs(&call, &info.inputs, callee)?;
        let scenario =
            self.scenario
                .for_call(&call, callee, self.applicant.as_deref(), at, inputs)?;
        let applicant = scenario.applicant.clone();
        let mut nested = Run::new(callee, self.library, self.calendar, &scenario, applicant);
        nested.depth = self.depth + 1;
        let in_call = |error: SimError| match error {
            SimError::Scenario(message) => SimError::Scenario(text!(
                "sim-error-in-call",
                call = call.as_str(),
                message = message
            )),
            SimError::Stuck(message) => SimError::Stuck(text!(
                "sim-error-in-call",
                call = call.as_str(),
                message = message
            )),
        };
        nested.execute().map_err(in_call)?;
        let Some((end, finished)) = nested.end.clone() else {
            return Err(in_call(SimError::Stuck(text!("sim-error-no-end"))));
        };
        let visit = self.open_visit(&call, block, None);
        self.events.push(Event::CallStarted {
            at: format_time(at),
            call: call.clone(),
            process: callee.process.name.clone(),
            label: callee.process.label.clone(),
        });
        for event in nested.events {
            if matches!(event, Event::Started { .. }) {
                continue;
            }
            let when = event.time().unwrap_or(at);
            let step = event.entered().map(|step| format!("{call}.{step}"));
            let event = Event::InCall {
                at: format_time(when),
                call: call.clone(),
                event: Box::new(event),
            };
            self.schedule(when, Pending::Relay { visit, event, step });
        }
        self.schedule(finished, Pending::CallDone { visit, end });
        Ok(())
    }

    /// The inputs of the process a call runs: its `with` values, a
    /// reference read from this run's values.
    fn call_inputs(
        &self,
        call: &str,
        bindings: &[crate::ir::BindingInfo],
        callee: &ProcessDocument,
    ) -> Result<BTreeMap<String, InputValue>, SimError> {
        let mut inputs = BTreeMap::new();
        for binding in bindings {
            let value = match &binding.value {
                ValueInfo::Reference { name } => {
                    self.values.get(name).cloned().ok_or_else(|| {
                        SimError::Scenario(text!(
                            "sim-error-call-value-unset",
                            call = call,
                            name = name.as_str(),
                            input = binding.input.as_str()
                        ))
                    })?
                }
                literal => {
                    let kind = callee
                        .inputs
                        .iter()
                        .find(|input| input.name == binding.input)
                        .map(|input| &input.kind);
                    values::literal_value(literal, kind).ok_or_else(|| {
                        SimError::Stuck(text!(
                            "sim-error-call-value-invalid",
                            call = call,
                            input = binding.input.as_str()
                        ))
                    })?
                }
            };
            inputs.insert(binding.input.clone(), value);
        }
        Ok(inputs)
    }

    /// The process a call runs reached `end`: the call goes on by its
    /// `on END`, else its `next`.
    fn finish_call(
        &mut self,
        visit: usize,
        end: String,
        at: NaiveDateTime,
    ) -> Result<(), SimError> {
        self.visits[visit].open = false;
        let call = self.visits[visit].step.clone();
        let block = self.visits[visit].block;
        let edges = self.edges(&call).to_vec();
        let routed = edges
            .iter()
            .find(|edge| edge.outcome.as_deref() == Some(end.as_str()));
        let Some(edge) = routed.or_else(|| {
            edges
                .iter()
                .find(|edge| matches!(edge.kind, EdgeKindName::Next | EdgeKindName::Join))
        }) else {
            return Err(SimError::Stuck(text!(
                "sim-error-call-end-unhandled",
                call = call.as_str(),
                end = end.as_str()
            )));
        };
        self.events.push(Event::CallFinished {
            at: format_time(at),
            call,
            end,
            to: edge.to.clone(),
        });
        match (routed, block) {
            (Some(_), Some(block)) => {
                self.withdraw(block, at);
                self.enter(&edge.to, at, None)
            }
            _ => self.enter(&edge.to, at, block),
        }
    }

    /// A step not done by its `on timeout after` moves on by itself.
    fn time_out(&mut self, visit: usize, after: String, at: NaiveDateTime) -> Result<(), SimError> {
        self.visits[visit].open = false;
        let step = self.visits[visit].step.clone();
        let block = self.visits[visit].block;
        let Some(edge) = self
            .edges(&step)
            .iter()
            .find(|edge| matches!(edge.kind, EdgeKindName::Timeout))
            .copied()
        else {
            return Err(SimError::Stuck(text!(
                "sim-error-no-timeout-route",
                step = step.as_str()
            )));
        };
        self.events.push(Event::TimedOut {
            at: format_time(at),
            step,
            after,
            to: edge.to.clone(),
        });
        if let Some(block) = block {
            self.withdraw(block, at);
        }
        self.enter(&edge.to, at, None)
    }

    fn happen(&mut self, at: NaiveDateTime, pending: Pending) -> Result<(), SimError> {
        self.decisions_since_step.clear();
        let visit_id = match &pending {
            Pending::Complete { visit }
            | Pending::Remind { visit, .. }
            | Pending::Escalate { visit, .. }
            | Pending::Overdue { visit, .. }
            | Pending::Refuse { visit, .. }
            | Pending::Timeout { visit, .. }
            | Pending::Relay { visit, .. }
            | Pending::CallDone { visit, .. } => *visit,
        };
        if !self.visits[visit_id].open {
            return Ok(());
        }
        let step = self.visits[visit_id].step.clone();
        match pending {
            Pending::Remind { after, .. } => {
                let owner = people::step_owner(
                    self.document,
                    self.nodes[step.as_str()],
                    self.applicant.as_deref(),
                );
                self.events.push(Event::Reminder {
                    at: format_time(at),
                    step,
                    owner,
                    after,
                });
                Ok(())
            }
            Pending::Escalate { to, who, after, .. } => {
                self.events.push(Event::Escalation {
                    at: format_time(at),
                    step,
                    to,
                    who,
                    after,
                });
                Ok(())
            }
            Pending::Overdue { to, who, .. } => {
                self.events.push(Event::Notified {
                    at: format_time(at),
                    step,
                    to,
                    who,
                    when: "overdue".to_string(),
                });
                Ok(())
            }
            Pending::Refuse { until, minimum, .. } => {
                self.events.push(Event::EarlyFinishRefused {
                    at: format_time(at),
                    step,
                    until: format_time(until),
                    minimum,
                });
                Ok(())
            }
            Pending::Timeout { visit, after } => self.time_out(visit, after, at),
            Pending::Relay {
                event,
                step: entered,
                ..
            } => {
                self.events.push(event);
                self.steps.extend(entered);
                Ok(())
            }
            Pending::CallDone { visit, end } => self.finish_call(visit, end, at),
            Pending::Complete { visit } => self.complete(visit, at),
        }
    }

    /// Who a party is in this run, for the timeline.
    fn who(&self, party: &PartyInfo) -> Text {
        people::who(self.document, party, self.applicant.as_deref())
    }

    /// Tells everyone the step notifies at `moment`.
    fn notify(&mut self, node: &NodeInfo, moment: NotifyMomentName, at: NaiveDateTime) {
        for notification in notified(node, moment) {
            let who = self.who(&notification.to);
            self.events.push(Event::Notified {
                at: format_time(at),
                step: node.id.clone(),
                to: notification.to.text.clone(),
                who,
                when: moment_word(moment).to_string(),
            });
        }
    }

    /// How a visit of a step ends: the scenario's outcome, or for a step
    /// several people sign, what their answers decide (each answer is an
    /// event).
    fn outcome(&mut self, step: &str, at: NaiveDateTime) -> Result<String, SimError> {
        let given = take(&self.scenario.outcomes, &mut self.used_outcomes, step).cloned();
        let node = self.nodes[step];
        if !people::is_multi_signer(node) {
            return Ok(given.unwrap_or_else(|| "next".to_string()));
        }
        let votes = match &given {
            Some(text) if text.contains(',') => {
                people::parse_votes(node, text).map_err(SimError::Scenario)?
            }
            Some(outcome) => return Ok(outcome.clone()),
            None => vec![people::Vote::Approve; node.owners.len()],
        };
        let required = node.signing.as_ref().map_or(1, |signing| signing.required);
        let (answered, approved) = people::tally(required, &votes);
        for (index, party) in node.owners.iter().enumerate() {
            let signer = self.who(party);
            let event = match votes.get(index).filter(|_| index < answered) {
                Some(vote) => Event::Signed {
                    at: format_time(at),
                    step: step.to_string(),
                    signer,
                    answer: match vote {
                        people::Vote::Approve => "approve",
                        people::Vote::Reject => "reject",
                    }
                    .to_string(),
                },
                None => Event::SignatureWithdrawn {
                    at: format_time(at),
                    step: step.to_string(),
                    signer,
                },
            };
            self.events.push(event);
        }
        Ok(if approved { "next" } else { "reject" }.to_string())
    }

    fn complete(&mut self, visit: usize, at: NaiveDateTime) -> Result<(), SimError> {
        self.visits[visit].open = false;
        let step = self.visits[visit].step.clone();
        let block = self.visits[visit].block;
        let outcome = self.outcome(&step, at)?;
        let late = self.visits[visit].due.is_some_and(|due| at > due);
        self.events.push(Event::StepCompleted {
            at: format_time(at),
            step: step.clone(),
            outcome: outcome.clone(),
            late,
        });
        self.record(&step, at);
        let moment = if outcome == "reject" {
            NotifyMomentName::Rejected
        } else {
            NotifyMomentName::Done
        };
        self.notify(self.nodes[step.as_str()], moment, at);
        let edges = self.edges(&step).to_vec();
        if outcome == "next" {
            let edge = edges
                .iter()
                .find(|edge| matches!(edge.kind, EdgeKindName::Next | EdgeKindName::Join));
            let Some(edge) = edge else {
                return Err(SimError::Stuck(text!("sim-error-no-next", step = step)));
            };
            return self.enter(&edge.to, at, block);
        }
        let Some(edge) = edges
            .iter()
            .find(|edge| edge.outcome.as_deref() == Some(outcome.as_str()))
        else {
            return Err(SimError::Stuck(text!(
                "sim-error-no-such-outcome",
                step = step,
                outcome = outcome.as_str()
            )));
        };
        if let Some(block) = block {
            self.withdraw(block, at);
        }
        self.enter(&edge.to, at, None)
    }

    /// The values the owner of `step` records as it is done (the scenario's
    /// next value for each; none given keeps the value recorded before).
    fn record(&mut self, step: &str, at: NaiveDateTime) {
        let node = self.nodes[step];
        for record in &node.records {
            let key = format!("{step}.{}", record.name);
            let Some(value) = take(&self.scenario.recorded, &mut self.used_records, &key).cloned()
            else {
                continue;
            };
            self.events.push(Event::Recorded {
                at: format_time(at),
                step: step.to_string(),
                name: record.name.clone(),
                value: value.to_string(),
            });
            self.values.insert(record.name.clone(), value);
        }
    }

    /// The error of a decision reading a value a step records that was not
    /// recorded on this run, if it reads one.
    fn unrecorded(&self, decision: &str, edges: &[&EdgeInfo]) -> Option<SimError> {
        let names = edges
            .iter()
            .filter_map(|edge| edge.condition.as_ref())
            .flat_map(values::names_read);
        for name in names {
            if self.values.contains_key(name) {
                continue;
            }
            let recorder = self
                .document
                .nodes
                .iter()
                .find(|node| node.records.iter().any(|record| record.name == name))?;
            return Some(SimError::Scenario(text!(
                "sim-error-unrecorded",
                decision = decision,
                name = name,
                step = recorder.id.as_str()
            )));
        }
        None
    }

    /// Closes a block left through an outcome: its open branches are
    /// withdrawn.
    fn withdraw(&mut self, block: usize, at: NaiveDateTime) {
        self.blocks[block].open = false;
        let name = self.blocks[block].block.clone();
        for visit in self.blocks[block].visits.clone() {
            if self.visits[visit].open {
                self.visits[visit].open = false;
                self.events.push(Event::BranchWithdrawn {
                    at: format_time(at),
                    step: self.visits[visit].step.clone(),
                    block: name.clone(),
                });
            }
        }
    }

    fn decide(&mut self, node: &NodeInfo, at: NaiveDateTime) -> Result<(), SimError> {
        if self.decisions_since_step.contains(&node.id) {
            let decisions: Vec<Text> = self
                .decisions_since_step
                .iter()
                .map(|decision| Text::verbatim(format!("`{decision}`")))
                .collect();
            return Err(SimError::Stuck(text!(
                "sim-error-decisions-loop",
                decisions = decisions
            )));
        }
        self.decisions_since_step.push(node.id.clone());
        let edges = self.edges(&node.id).to_vec();
        if let Some(error) = self.unrecorded(&node.id, &edges) {
            return Err(error);
        }
        for edge in &edges {
            let Some(condition) = &edge.condition else {
                continue;
            };
            if values::holds(condition, &self.values)? {
                self.events.push(Event::Decision {
                    at: format_time(at),
                    decision: node.id.clone(),
                    matched: edge.condition_text.clone().unwrap_or_default(),
                    to: edge.to.clone(),
                });
                return self.enter(&edge.to, at, None);
            }
        }
        if let Some(edge) = edges
            .iter()
            .find(|edge| matches!(edge.kind, EdgeKindName::Otherwise))
        {
            self.events.push(Event::Decision {
                at: format_time(at),
                decision: node.id.clone(),
                matched: "otherwise".to_string(),
                to: edge.to.clone(),
            });
            return self.enter(&edge.to, at, None);
        }
        Err(SimError::Stuck(text!(
            "sim-error-no-branch",
            inputs = values::describe_inputs(&edges, self.document, &self.values),
            decision = node.id.as_str()
        )))
    }

    fn fork(&mut self, node: &NodeInfo, at: NaiveDateTime) -> Result<(), SimError> {
        let branches: Vec<String> = self
            .edges(&node.id)
            .iter()
            .filter(|edge| matches!(edge.kind, EdgeKindName::Branch))
            .map(|edge| edge.to.clone())
            .collect();
        let block = self.blocks.len();
        self.blocks.push(BlockRun {
            block: node.id.clone(),
            waiting: branches.len(),
            visits: Vec::new(),
            open: true,
        });
        self.events.push(Event::ParallelStarted {
            at: format_time(at),
            block: node.id.clone(),
            branches: branches.clone(),
        });
        for branch in branches {
            self.enter(&branch, at, Some(block))?;
        }
        Ok(())
    }

    fn join(
        &mut self,
        node: &NodeInfo,
        at: NaiveDateTime,
        block: Option<usize>,
    ) -> Result<(), SimError> {
        let Some(block) = block.filter(|&block| self.blocks[block].open) else {
            return Err(SimError::Stuck(text!(
                "sim-error-join-outside-block",
                node = node.id.as_str()
            )));
        };
        self.blocks[block].waiting -= 1;
        if self.blocks[block].waiting > 0 {
            return Ok(());
        }
        self.blocks[block].open = false;
        self.events.push(Event::ParallelJoined {
            at: format_time(at),
            block: self.blocks[block].block.clone(),
        });
        self.follow(&node.id, at, None)
    }

    fn timeline(self) -> Result<Timeline, SimError> {
        let (end, finished) = self
            .end
            .clone()
            .ok_or_else(|| SimError::Stuck(text!("sim-error-no-end")))?;
        let elapsed = self
            .calendar
            .working_time_between(self.scenario.start, finished);
        let sla = self.document.process.sla.as_ref().map(|sla| {
            let limit = self.calendar.working_time(&Duration {
                amount: sla.amount,
                unit: time_unit(sla.unit),
                span: Default::default(),
            });
            SlaResult {
                text: sla.text.clone(),
                business_days: self.calendar.in_business_days(limit),
                met: elapsed <= limit,
            }
        });
        Ok(Timeline {
            process: self.document.process.name.clone(),
            label: self.document.process.label.clone(),
            applicant: self.applicant.clone(),
            start: format_time(self.scenario.start),
            events: self.events,
            steps: self.steps,
            end,
            finished: format_time(finished),
            elapsed_business_days: self.calendar.in_business_days(elapsed),
            sla,
            unannounced_years: self
                .calendar
                .unannounced_years(self.scenario.start.date(), finished.date()),
        })
    }
}

/// The next unused entry of `lists[key]`, counting uses in `used`.
fn take<'s, T>(
    lists: &'s BTreeMap<String, Vec<T>>,
    used: &mut BTreeMap<String, usize>,
    key: &str,
) -> Option<&'s T> {
    let list = lists.get(key)?;
    let count = used.entry(key.to_string()).or_default();
    let item = list.get(*count)?;
    *count += 1;
    Some(item)
}

/// The notifications of a step sent at `moment`.
fn notified(node: &NodeInfo, moment: NotifyMomentName) -> impl Iterator<Item = &NotificationInfo> {
    node.notifications
        .iter()
        .filter(move |notification| notification.when == moment)
}

/// The word for a notification's moment, as written in `.flow`.
fn moment_word(moment: NotifyMomentName) -> &'static str {
    match moment {
        NotifyMomentName::Started => "started",
        NotifyMomentName::Done => "done",
        NotifyMomentName::Rejected => "rejected",
        NotifyMomentName::Overdue => "overdue",
    }
}
