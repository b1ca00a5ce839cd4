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

pub(crate) mod people;
mod render;
mod values;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDateTime};
use serde::Serialize;

use crate::ir::{
    DurationInfo, EdgeInfo, EdgeKindName, NodeInfo, NodeKindName, NotificationInfo,
    NotifyMomentName, PartyInfo, ProcessDocument, UnitName,
};
use crate::model::calendar::Calendar;
use crate::syntax::ast::{Duration, TimeUnit};

pub use render::render_human;
pub use values::{InputValue, holds as condition_holds, parse_duration, parse_input};

/// How many times a run may enter one step before it is stopped as a loop.
pub const MAX_ROUNDS: usize = 1_000;

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
}

/// Why a run could not be made or finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SimError {
    /// The scenario does not fit the process (bad `--set`, `--outcome`...).
    Scenario(String),
    /// The run got stuck (no branch matches, a loop, time overflow).
    Stuck(String),
}

impl std::fmt::Display for SimError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SimError::Scenario(message) | SimError::Stuck(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for SimError {}

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
        /// Its owner.
        owner: Option<String>,
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
        /// Who was reminded.
        owner: Option<String>,
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
        /// superior"; a fixed role or department as written).
        who: String,
        /// The moment: `started`, `done`, `rejected` or `overdue`.
        when: String,
    },
    /// One signer of a step several people sign answered.
    Signed {
        /// When.
        at: String,
        /// The step.
        step: String,
        /// Who answered.
        signer: String,
        /// `approve` or `reject`.
        answer: String,
    },
    /// A signer's answer was no longer needed: the step was decided.
    SignatureWithdrawn {
        /// When.
        at: String,
        /// The step.
        step: String,
        /// Whose answer was not needed.
        signer: String,
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
        who: String,
        /// The `escalate after` duration.
        after: String,
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
    pub unannounced_years: Vec<UnannouncedYearWarning>,
}

/// A year of the run that a holiday preset does not cover.
#[derive(Debug, Clone, Serialize)]
pub struct UnannouncedYearWarning {
    /// The preset (`"cn"`).
    pub preset: String,
    /// The year, counted with the working week and hand-listed holidays
    /// only.
    pub year: i32,
    /// The last year the preset covers.
    pub last_covered: Option<i32>,
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

/// A day name for human output.
pub fn weekday(time: NaiveDateTime) -> &'static str {
    match time.weekday() {
        chrono::Weekday::Mon => "Mon",
        chrono::Weekday::Tue => "Tue",
        chrono::Weekday::Wed => "Wed",
        chrono::Weekday::Thu => "Thu",
        chrono::Weekday::Fri => "Fri",
        chrono::Weekday::Sat => "Sat",
        chrono::Weekday::Sun => "Sun",
    }
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
/// and fits its type, every `--outcome`/`--delay` names a step, and every
/// outcome is one the step has.
pub fn validate(document: &ProcessDocument, scenario: &Scenario) -> Result<(), SimError> {
    let process = &document.process.name;
    for name in scenario.inputs.keys() {
        if !document.inputs.iter().any(|input| &input.name == name) {
            let known: Vec<&str> = document.inputs.iter().map(|i| i.name.as_str()).collect();
            return Err(SimError::Scenario(format!(
                "--set {name}: process `{process}` has no input `{name}`; its inputs are: {}",
                list_or_none(&known)
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
        SimError::Scenario(format!(
            "{flag} {name}=...: process `{process}` has no step `{name}`; its steps are: {}",
            list_or_none(&step_names)
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
                    return Err(SimError::Scenario(format!(
                        "--outcome {step}={outcome}: a signer rejects, but step `{step}` has no `on reject`; it can end with: {}",
                        allowed.join(", ")
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
            return Err(SimError::Scenario(format!(
                "--outcome {step}={bad}: step `{step}` has no outcome `{bad}`; it can end with: {}",
                allowed.join(", ")
            )));
        }
    }
    for step in scenario.delays.keys() {
        if !step_names.contains(&step.as_str()) {
            return Err(no_step("--delay", step));
        }
    }
    Ok(())
}

fn list_or_none(names: &[&str]) -> String {
    if names.is_empty() {
        "(none)".to_string()
    } else {
        names.join(", ")
    }
}

/// Runs the process.
pub fn run(
    document: &ProcessDocument,
    calendar: &Calendar,
    scenario: &Scenario,
) -> Result<Timeline, SimError> {
    validate(document, scenario)?;
    let applicant = people::choose_applicant(document, scenario.applicant.as_deref())?;
    let mut run = Run::new(document, calendar, scenario, applicant);
    run.execute()?;
    run.timeline()
}

/// A visit of a step that is open.
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
        who: String,
        after: String,
    },
    Overdue {
        visit: usize,
        to: String,
        who: String,
    },
}

struct Run<'a> {
    document: &'a ProcessDocument,
    calendar: &'a Calendar,
    scenario: &'a Scenario,
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
    events: Vec<Event>,
    steps: Vec<String>,
    end: Option<(String, NaiveDateTime)>,
}

impl<'a> Run<'a> {
    fn new(
        document: &'a ProcessDocument,
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
            calendar,
            scenario,
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
            SimError::Stuck(format!(
                "the clock went past the year 9999 adding {amount} {} to {}",
                unit.spelled(amount),
                format_time(time)
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
                return Err(SimError::Stuck(
                    "the run stopped before reaching an end: no step is open".to_string(),
                ));
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
            return Err(SimError::Stuck(format!("`{node}` leads nowhere")));
        };
        self.enter(&edge.to, at, block)
    }

    fn enter(&mut self, id: &str, at: NaiveDateTime, block: Option<usize>) -> Result<(), SimError> {
        let Some(node) = self.nodes.get(id).copied() else {
            return Err(SimError::Stuck(format!("no node `{id}`")));
        };
        match node.kind {
            NodeKindName::Step => self.enter_step(node, at, block),
            NodeKindName::Decision => self.decide(node, at),
            NodeKindName::Parallel => self.fork(node, at),
            NodeKindName::Join => self.join(node, at, block),
            NodeKindName::Call => Err(SimError::Stuck(format!(
                "`{}` calls another process, which the simulator does not enter yet",
                node.id
            ))),
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

    fn enter_step(
        &mut self,
        node: &NodeInfo,
        at: NaiveDateTime,
        block: Option<usize>,
    ) -> Result<(), SimError> {
        self.decisions_since_step.clear();
        let round = {
            let round = self.rounds.entry(node.id.clone()).or_default();
            *round += 1;
            *round
        };
        if round > MAX_ROUNDS {
            return Err(SimError::Stuck(format!(
                "the run entered step `{}` {MAX_ROUNDS} times without reaching an end: the path loops through it (give an --outcome that leaves the loop)",
                node.id
            )));
        }
        let due = match &node.deadline {
            Some(deadline) => Some(self.later(at, duration(deadline))?),
            None => None,
        };
        let delay = take(&self.scenario.delays, &mut self.used_delays, &node.id).copied();
        let done = match (delay, due) {
            (Some(delay), _) => self.later(at, delay)?,
            (None, Some(due)) => due,
            (None, None) => at,
        };
        let visit = self.visits.len();
        self.visits.push(Visit {
            step: node.id.clone(),
            block,
            due,
            open: true,
        });
        if let Some(block) = block {
            self.blocks[block].visits.push(visit);
        }
        self.steps.push(node.id.clone());
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
        self.schedule(done, Pending::Complete { visit });
        Ok(())
    }

    fn happen(&mut self, at: NaiveDateTime, pending: Pending) -> Result<(), SimError> {
        self.decisions_since_step.clear();
        let visit_id = match &pending {
            Pending::Complete { visit }
            | Pending::Remind { visit, .. }
            | Pending::Escalate { visit, .. }
            | Pending::Overdue { visit, .. } => *visit,
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
            Pending::Complete { visit } => self.complete(visit, at),
        }
    }

    /// Who a party is in this run, for the timeline.
    fn who(&self, party: &PartyInfo) -> String {
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
                return Err(SimError::Stuck(format!(
                    "step `{step}` ended with `next` but has no `next`"
                )));
            };
            return self.enter(&edge.to, at, block);
        }
        let Some(edge) = edges
            .iter()
            .find(|edge| edge.outcome.as_deref() == Some(outcome.as_str()))
        else {
            return Err(SimError::Stuck(format!(
                "step `{step}` has no outcome `{outcome}`"
            )));
        };
        if let Some(block) = block {
            self.withdraw(block, at);
        }
        self.enter(&edge.to, at, None)
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
            return Err(SimError::Stuck(format!(
                "the run went round {} without entering a step: the path loops through them for ever",
                self.decisions_since_step
                    .iter()
                    .map(|decision| format!("`{decision}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        self.decisions_since_step.push(node.id.clone());
        let edges = self.edges(&node.id).to_vec();
        for edge in &edges {
            let Some(condition) = &edge.condition else {
                continue;
            };
            if values::holds(condition, &self.scenario.inputs)? {
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
        Err(SimError::Stuck(format!(
            "{} match no branch of decision `{}` and it has no `otherwise`",
            values::describe_inputs(&edges, self.document, &self.scenario.inputs),
            node.id
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
            return Err(SimError::Stuck(format!(
                "`{}` was reached by a step that is not running as a branch of its block",
                node.id
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
            .ok_or_else(|| SimError::Stuck("the run reached no end".to_string()))?;
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
                .unannounced_years(self.scenario.start.date(), finished.date())
                .into_iter()
                .map(|unannounced| UnannouncedYearWarning {
                    preset: unannounced.preset,
                    year: unannounced.year,
                    last_covered: unannounced.last_covered,
                })
                .collect(),
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
