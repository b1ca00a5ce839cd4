//! Event logs for testing and training (`flowc sim --cases N --emit
//! csv|xes`): cases run by the simulator on the business-day clock, with
//! random inputs around each decision's thresholds, random delays and
//! rejections, and, on request, one injected deviation per case, labelled
//! in the case's `deviation` attribute, so a company can test its
//! monitoring before it has data of its own.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use chrono::NaiveDateTime;
use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

use crate::ir::{ConditionInfo, EdgeKindName, InputTypeInfo, NodeKindName, ProcessDocument};
use crate::model::calendar::Calendar;
use crate::sim::{self, Event, InputValue, Scenario};
use crate::syntax::ast::TimeUnit;

/// The offset written on every generated timestamp: China Standard Time.
pub const GENERATED_OFFSET: &str = "+08:00";

/// What kind of log to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeneratedFormat {
    /// CSV: `case,activity,timestamp,lifecycle,resource,outcome,applicant,deviation,<inputs>`.
    Csv,
    /// XES (IEEE 1849).
    Xes,
}

/// How to generate a log.
#[derive(Debug, Clone)]
pub struct Generation {
    /// How many cases.
    pub cases: usize,
    /// The seed: the same seed gives the same log.
    pub seed: u64,
    /// When the first case starts; each next one 20 minutes later.
    pub start: NaiveDateTime,
    /// The share of cases (0 to 1) that get one injected deviation.
    pub deviate: f64,
    /// CSV or XES.
    pub format: GeneratedFormat,
}

/// The deviations a generated case may carry, by the finding kind
/// `flowc conform` reports for each.
pub const DEVIATIONS: [&str; 6] = [
    "skipped",
    "out-of-order",
    "wrong-owner",
    "self-approval",
    "late",
    "wrong-path",
];

/// One generated event.
#[derive(Debug, Clone)]
struct Row {
    activity: String,
    at: NaiveDateTime,
    resource: String,
    outcome: String,
    /// `start` for the first step's start (when the case was opened),
    /// else `complete`.
    lifecycle: &'static str,
    /// The values the step's owner recorded with this event, by name.
    recorded: BTreeMap<String, String>,
}

/// One generated case.
#[derive(Debug, Clone)]
struct GeneratedCase {
    id: String,
    attributes: BTreeMap<String, String>,
    rows: Vec<Row>,
}

/// The persons of a generated log: two for each role, `ROLE-1` and
/// `ROLE-2`, as a staff directory (CSV: person, role, department).
pub fn staff_directory(document: &ProcessDocument) -> String {
    let mut text = String::from("person,role,department\n");
    for role in &document.roles {
        for number in 1..=2 {
            text.push_str(&format!(
                "{}-{number},{},{}\n",
                role.name,
                role.name,
                role.department.as_deref().unwrap_or_default()
            ));
        }
    }
    text
}

/// Writes a generated log of `generation.cases` cases to `out`; returns the
/// number of events written.
pub fn generate(
    document: &ProcessDocument,
    library: &sim::Library<'_>,
    calendar: &Calendar,
    generation: &Generation,
    out: &mut impl Write,
) -> Result<usize, String> {
    let writer = LogWriter {
        format: generation.format,
        inputs: document
            .inputs
            .iter()
            .map(|input| input.name.clone())
            .collect(),
        recorded: recorded_names(document),
    };
    writer.head(out).map_err(|error| error.to_string())?;
    let mut events = 0;
    for index in 0..generation.cases {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(
            generation.seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
        );
        let start = calendar
            .add(generation.start, 20 * index as u64, TimeUnit::Minute)
            .ok_or_else(|| "the cases run past the year 9999".to_string())?;
        let deviation = (rng.random_range(0.0..1.0) < generation.deviate)
            .then(|| DEVIATIONS[rng.random_range(0..DEVIATIONS.len())]);
        let case = Generator {
            document,
            library,
            calendar,
            id: format!("case-{}", index + 1),
        }
        .case(&mut rng, start, deviation)?;
        events += case.rows.len();
        writer.case(out, &case).map_err(|error| error.to_string())?;
    }
    writer.tail(out).map_err(|error| error.to_string())?;
    Ok(events)
}

/// Makes one case.
struct Generator<'a> {
    document: &'a ProcessDocument,
    library: &'a sim::Library<'a>,
    calendar: &'a Calendar,
    id: String,
}

impl Generator<'_> {
    fn case(
        &self,
        rng: &mut Xoshiro256PlusPlus,
        start: NaiveDateTime,
        deviation: Option<&str>,
    ) -> Result<GeneratedCase, String> {
        let inputs = self.random_inputs(rng);
        let applicant_roles = sim::people::applicant_roles(self.document);
        let applicant = (!applicant_roles.is_empty())
            .then(|| applicant_roles[rng.random_range(0..applicant_roles.len())].clone());
        let scenario = Scenario {
            start,
            inputs: inputs.clone(),
            outcomes: self.random_outcomes(rng),
            delays: self.random_delays(rng),
            applicant: applicant.clone(),
            recorded: BTreeMap::new(),
        };
        let scenario = self.finishing(rng, scenario)?;
        let people = People::new(rng, self.document, applicant.as_deref());
        let kinds: Vec<&str> = match deviation {
            Some(first) => {
                let at = DEVIATIONS
                    .iter()
                    .position(|kind| *kind == first)
                    .unwrap_or(0);
                DEVIATIONS
                    .iter()
                    .cycle()
                    .skip(at)
                    .take(DEVIATIONS.len())
                    .copied()
                    .collect()
            }
            None => Vec::new(),
        };
        for kind in kinds {
            let mut deviating = scenario.clone();
            let mut recorded = inputs.clone();
            let prepared = match kind {
                "late" => self.make_late(rng, &mut deviating)?,
                "wrong-path" => match self.misleading_inputs(rng, &deviating)? {
                    Some(misleading) => {
                        recorded = misleading;
                        true
                    }
                    None => false,
                },
                _ => true,
            };
            if !prepared {
                continue;
            }
            let mut rows = self.run_rows(&deviating, &people)?;
            if matches!(kind, "late" | "wrong-path") || self.inject(rng, kind, &mut rows, &people) {
                return Ok(self.finished(
                    recorded,
                    applicant.as_deref(),
                    &people,
                    Some(kind),
                    rows,
                ));
            }
        }
        let rows = self.run_rows(&scenario, &people)?;
        Ok(self.finished(inputs, applicant.as_deref(), &people, None, rows))
    }

    /// The rows of a run of `scenario`.
    fn run_rows(&self, scenario: &Scenario, people: &People) -> Result<Vec<Row>, String> {
        let timeline = sim::run(self.document, self.library, self.calendar, scenario)
            .map_err(|error| format!("{}: {error}", self.id))?;
        Ok(self.rows(&timeline.events, people))
    }

    /// The case with its attributes: the recorded inputs, the applicant and
    /// the deviation it carries.
    fn finished(
        &self,
        recorded: BTreeMap<String, InputValue>,
        applicant: Option<&str>,
        people: &People,
        deviation: Option<&str>,
        rows: Vec<Row>,
    ) -> GeneratedCase {
        let mut attributes: BTreeMap<String, String> = recorded
            .into_iter()
            .map(|(name, value)| (name, value.to_string()))
            .collect();
        if let Some(applicant) = applicant {
            attributes.insert("applicant".to_string(), people.person(applicant));
        }
        if let Some(kind) = deviation {
            attributes.insert("deviation".to_string(), kind.to_string());
        }
        GeneratedCase {
            id: self.id.clone(),
            attributes,
            rows,
        }
    }

    /// A value for each input, near the thresholds the conditions name.
    fn random_inputs(&self, rng: &mut Xoshiro256PlusPlus) -> BTreeMap<String, InputValue> {
        let mut literals: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for edge in &self.document.edges {
            if let Some(condition) = &edge.condition {
                collect_literals(condition, &mut literals);
            }
        }
        let mut values = BTreeMap::new();
        for input in &self.document.inputs {
            let candidates = candidates(&input.kind, &literals, &input.name);
            let text = &candidates[rng.random_range(0..candidates.len())];
            if let Ok(value) = sim::parse_input(input, text) {
                values.insert(input.name.clone(), value);
            }
        }
        values
    }

    /// The scenario with values for the steps' `record`s (three visits
    /// each, near the thresholds the conditions name) drawn until the run
    /// reaches an end: a value that sends the work round a loop on every
    /// visit is drawn again.
    fn finishing(
        &self,
        rng: &mut Xoshiro256PlusPlus,
        scenario: Scenario,
    ) -> Result<Scenario, String> {
        if self
            .document
            .nodes
            .iter()
            .all(|node| node.records.is_empty())
        {
            return Ok(scenario);
        }
        let mut literals: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for edge in &self.document.edges {
            if let Some(condition) = &edge.condition {
                collect_literals(condition, &mut literals);
            }
        }
        let mut last_error = String::new();
        for _ in 0..RECORD_DRAWS {
            let mut recorded = BTreeMap::new();
            for node in &self.document.nodes {
                for record in &node.records {
                    let candidates = candidates(&record.kind, &literals, &record.name);
                    let key = format!("{}.{}", node.id, record.name);
                    let visits = (0..3)
                        .filter_map(|_| {
                            let text = &candidates[rng.random_range(0..candidates.len())];
                            sim::parse_value(&key, &record.kind, text).ok()
                        })
                        .collect();
                    recorded.insert(key, visits);
                }
            }
            let trial = Scenario {
                recorded,
                ..scenario.clone()
            };
            match sim::run(self.document, self.library, self.calendar, &trial) {
                Ok(_) => return Ok(trial),
                Err(error) => last_error = error.to_string(),
            }
        }
        Err(format!(
            "{}: no values drawn for the recorded values let the run end ({RECORD_DRAWS} draws): {last_error}",
            self.id
        ))
    }
}

/// The amount two compared values are drawn around.
const COMMON_AMOUNT: &str = "1000";

/// How many times [`Generator::finishing`] draws recorded values.
const RECORD_DRAWS: usize = 20;

/// Values to draw for a value of type `kind` called `name`: near each
/// threshold `literals` holds for it, and one ordinary value.
fn candidates(
    kind: &InputTypeInfo,
    literals: &BTreeMap<&str, Vec<String>>,
    name: &str,
) -> Vec<String> {
    let known = literals.get(name).cloned().unwrap_or_default();
    match kind {
        InputTypeInfo::Money { .. } | InputTypeInfo::Number => {
            let mut numbers = vec!["1".to_string()];
            for literal in &known {
                if let Ok(number) = literal.parse::<rust_decimal::Decimal>() {
                    let one = rust_decimal::Decimal::ONE;
                    numbers.extend([number - one, number, number + one].map(|n| n.to_string()));
                    numbers.push((number * rust_decimal::Decimal::TWO).to_string());
                }
            }
            numbers
        }
        InputTypeInfo::OneOf { values } => values.clone(),
        InputTypeInfo::YesNo => vec!["yes".to_string(), "no".to_string()],
        InputTypeInfo::Date => {
            let mut dates = vec!["2026-06-01".to_string()];
            dates.extend(
                known
                    .into_iter()
                    .filter(|date| chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok()),
            );
            dates
        }
        InputTypeInfo::Text => {
            let mut texts = vec!["other".to_string()];
            texts.extend(known);
            texts
        }
    }
}

impl Generator<'_> {
    /// Up to two rejections per step (one in ten visits) where a step can
    /// reject; random answers for the signers of all-of and quorum steps.
    fn random_outcomes(&self, rng: &mut Xoshiro256PlusPlus) -> BTreeMap<String, Vec<String>> {
        let mut outcomes = BTreeMap::new();
        for node in &self.document.nodes {
            let rejects = self
                .document
                .edges
                .iter()
                .any(|edge| edge.from == node.id && edge.outcome.as_deref() == Some("reject"));
            if !rejects || !matches!(node.kind, NodeKindName::Step) {
                continue;
            }
            let visits: Vec<String> = (0..3)
                .map(|visit| {
                    if sim::people::is_multi_signer(node) {
                        node.owners
                            .iter()
                            .map(|_| {
                                if visit < 2 && rng.random_range(0..10) == 0 {
                                    "reject"
                                } else {
                                    "approve"
                                }
                            })
                            .collect::<Vec<_>>()
                            .join(",")
                    } else if visit < 2 && rng.random_range(0..10) == 0 {
                        "reject".to_string()
                    } else {
                        "next".to_string()
                    }
                })
                .collect();
            outcomes.insert(node.id.clone(), visits);
        }
        outcomes
    }

    /// For each step, how long its first visits take: up to its deadline
    /// and a little more, so some are late.
    fn random_delays(
        &self,
        rng: &mut Xoshiro256PlusPlus,
    ) -> BTreeMap<String, Vec<(u64, TimeUnit)>> {
        let mut delays = BTreeMap::new();
        for node in &self.document.nodes {
            let Some(deadline) = &node.deadline else {
                continue;
            };
            let unit = sim::time_unit(deadline.unit);
            let visits = (0..3)
                .map(|_| {
                    let amount = if rng.random_range(0..100) < 85 {
                        rng.random_range(0..=deadline.amount)
                    } else {
                        deadline.amount + rng.random_range(1..=2)
                    };
                    (amount, unit)
                })
                .collect();
            delays.insert(node.id.clone(), visits);
        }
        delays
    }

    /// Makes one step the case enters take three times its deadline.
    fn make_late(
        &self,
        rng: &mut Xoshiro256PlusPlus,
        scenario: &mut Scenario,
    ) -> Result<bool, String> {
        let timeline = sim::run(self.document, self.library, self.calendar, scenario)
            .map_err(|error| format!("{}: {error}", self.id))?;
        let entered: Vec<&String> = timeline
            .steps
            .iter()
            .filter(|step| self.node(step).is_some_and(|node| node.deadline.is_some()))
            .collect();
        if entered.is_empty() {
            return Ok(false);
        }
        let step = entered[rng.random_range(0..entered.len())].clone();
        let Some(deadline) = self.node(&step).and_then(|node| node.deadline.as_ref()) else {
            return Ok(false);
        };
        let late = (
            deadline.amount.saturating_mul(3).max(2),
            sim::time_unit(deadline.unit),
        );
        scenario.delays.insert(step, vec![late; 3]);
        Ok(true)
    }

    /// Inputs that send the case down another path than the one it takes:
    /// recorded in the log, they make a decision look wrong.
    fn misleading_inputs(
        &self,
        rng: &mut Xoshiro256PlusPlus,
        scenario: &Scenario,
    ) -> Result<Option<BTreeMap<String, InputValue>>, String> {
        let path = sim::run(self.document, self.library, self.calendar, scenario)
            .map_err(|error| format!("{}: {error}", self.id))?
            .steps;
        for _ in 0..20 {
            let other = self.random_inputs(rng);
            let trial = Scenario {
                inputs: other.clone(),
                ..scenario.clone()
            };
            if let Ok(timeline) = sim::run(self.document, self.library, self.calendar, &trial)
                && timeline.steps != path
            {
                return Ok(Some(other));
            }
        }
        Ok(None)
    }

    fn node(&self, id: &str) -> Option<&crate::ir::NodeInfo> {
        self.document.nodes.iter().find(|node| node.id == id)
    }

    /// The log's events from the run's timeline: one per step done, or one
    /// per answer of a signer.
    fn rows(&self, events: &[Event], people: &People) -> Vec<Row> {
        let mut rows = Vec::new();
        let mut answers: BTreeMap<String, usize> = BTreeMap::new();
        for event in events {
            match event {
                Event::StepEntered {
                    at, step, round: 1, ..
                } if rows.is_empty() => {
                    let Some(node) = self.node(step) else {
                        continue;
                    };
                    rows.push(Row {
                        activity: step.clone(),
                        at: parse_time(at),
                        resource: people.owner_of(self.document, node),
                        outcome: String::new(),
                        lifecycle: "start",
                        recorded: BTreeMap::new(),
                    });
                }
                Event::StepCompleted {
                    at, step, outcome, ..
                } => {
                    let Some(node) = self.node(step) else {
                        continue;
                    };
                    if sim::people::is_multi_signer(node) {
                        answers.remove(step);
                        continue;
                    }
                    rows.push(Row {
                        activity: step.clone(),
                        at: parse_time(at),
                        resource: people.owner_of(self.document, node),
                        outcome: outcome.clone(),
                        lifecycle: "complete",
                        recorded: BTreeMap::new(),
                    });
                }
                Event::Signed {
                    at, step, answer, ..
                } => {
                    let Some(node) = self.node(step) else {
                        continue;
                    };
                    let index = answers.entry(step.clone()).or_default();
                    let party = &node.owners[(*index).min(node.owners.len() - 1)];
                    *index += 1;
                    rows.push(Row {
                        activity: step.clone(),
                        at: parse_time(at),
                        resource: people.party(self.document, party),
                        outcome: answer.clone(),
                        lifecycle: "complete",
                        recorded: BTreeMap::new(),
                    });
                }
                Event::Recorded {
                    step, name, value, ..
                } => {
                    if let Some(row) = rows
                        .iter_mut()
                        .rev()
                        .find(|row| &row.activity == step && row.lifecycle == "complete")
                    {
                        row.recorded.insert(name.clone(), value.clone());
                    }
                }
                Event::TimedOut { at, step, .. } => rows.push(Row {
                    activity: step.clone(),
                    at: parse_time(at),
                    resource: String::new(),
                    outcome: super::replay::TIMEOUT_OUTCOME.to_string(),
                    lifecycle: "complete",
                    recorded: BTreeMap::new(),
                }),
                Event::CallFinished { at, call, end, .. } => rows.push(Row {
                    activity: call.clone(),
                    at: parse_time(at),
                    resource: String::new(),
                    outcome: end.clone(),
                    lifecycle: "complete",
                    recorded: BTreeMap::new(),
                }),
                _ => {}
            }
        }
        rows
    }

    /// Changes the rows so the case deviates in one way; `false` when the
    /// case has no place for that kind.
    fn inject(
        &self,
        rng: &mut Xoshiro256PlusPlus,
        kind: &str,
        rows: &mut Vec<Row>,
        people: &People,
    ) -> bool {
        let targets = |kinds: &[EdgeKindName]| -> BTreeSet<&str> {
            self.document
                .edges
                .iter()
                .filter(|edge| kinds.contains(&edge.kind))
                .map(|edge| edge.to.as_str())
                .collect()
        };
        let done_once = |rows: &[Row], activity: &str| {
            rows.iter()
                .filter(|row| row.activity == activity && row.lifecycle == "complete")
                .count()
                == 1
        };
        let candidates: Vec<usize> = match kind {
            "skipped" => {
                let branch_targets = targets(&[EdgeKindName::Condition, EdgeKindName::Otherwise]);
                (1..rows.len().saturating_sub(1))
                    .filter(|&index| {
                        done_once(rows, &rows[index].activity)
                            && !branch_targets.contains(rows[index].activity.as_str())
                    })
                    .collect()
            }
            "out-of-order" => {
                let branches = targets(&[EdgeKindName::Branch]);
                (1..rows.len().saturating_sub(1))
                    .filter(|&index| {
                        let (first, second) = (&rows[index].activity, &rows[index + 1].activity);
                        first != second
                            && done_once(rows, first)
                            && done_once(rows, second)
                            && !(branches.contains(first.as_str())
                                && branches.contains(second.as_str()))
                    })
                    .collect()
            }
            "wrong-owner" => (1..rows.len())
                .filter(|&index| {
                    self.node(&rows[index].activity)
                        .filter(|node| !node.owners.is_empty())
                        .and_then(|node| people.outsider(self.document, node))
                        .is_some()
                })
                .collect(),
            "self-approval" => (1..rows.len())
                .filter(|&index| {
                    self.reviewed_person(rows, index)
                        .is_some_and(|author| author != rows[index].resource)
                })
                .collect(),
            _ => Vec::new(),
        };
        if candidates.is_empty() {
            return false;
        }
        let index = candidates[rng.random_range(0..candidates.len())];
        match kind {
            "skipped" => {
                rows.remove(index);
            }
            "out-of-order" => {
                let (first, second) = (rows[index].clone(), rows[index + 1].clone());
                rows[index] = Row {
                    at: first.at,
                    ..second
                };
                rows[index + 1] = Row {
                    at: rows[index + 1].at,
                    ..first
                };
            }
            "wrong-owner" => {
                if let Some(outsider) = self
                    .node(&rows[index].activity)
                    .and_then(|node| people.outsider(self.document, node))
                {
                    rows[index].resource = outsider;
                }
            }
            _ => {
                if let Some(author) = self.reviewed_person(rows, index) {
                    rows[index].resource = author;
                }
            }
        }
        true
    }

    /// For an approving step's row (one with `on reject`), the person who
    /// did the work it reviews: the last to do the step its rejection
    /// sends the work back to, or the first row's person when a rejection
    /// ends the case.
    fn reviewed_person(&self, rows: &[Row], index: usize) -> Option<String> {
        let reject = self.document.edges.iter().find(|edge| {
            edge.from == rows[index].activity && edge.outcome.as_deref() == Some("reject")
        })?;
        let reviewed_is_step = self
            .node(&reject.to)
            .is_some_and(|node| matches!(node.kind, NodeKindName::Step | NodeKindName::Call));
        if !reviewed_is_step {
            return rows.first().map(|row| row.resource.clone());
        }
        rows[..index]
            .iter()
            .rev()
            .find(|row| row.activity == reject.to && row.lifecycle == "complete")
            .map(|row| row.resource.clone())
    }
}

/// Who is who in one generated case: one person per role, and the
/// applicant.
struct People {
    number: BTreeMap<String, u8>,
    applicant: Option<String>,
}

impl People {
    fn new(
        rng: &mut Xoshiro256PlusPlus,
        document: &ProcessDocument,
        applicant: Option<&str>,
    ) -> Self {
        People {
            number: document
                .roles
                .iter()
                .map(|role| (role.name.clone(), rng.random_range(1..=2)))
                .collect(),
            applicant: applicant.map(str::to_string),
        }
    }

    /// The person holding `role` in this case.
    fn person(&self, role: &str) -> String {
        format!("{role}-{}", self.number.get(role).copied().unwrap_or(1))
    }

    /// The person a party is in this case.
    fn party(&self, document: &ProcessDocument, party: &crate::ir::PartyInfo) -> String {
        match sim::people::resolve(document, party, self.applicant.as_deref()) {
            Ok(unit) => match document.roles.iter().find(|role| role.name == unit) {
                Some(_) => self.person(&unit),
                None => document
                    .roles
                    .iter()
                    .find(|role| role.department.as_deref() == Some(unit.as_str()))
                    .map_or(unit.clone(), |role| self.person(&role.name)),
            },
            Err(_) => "nobody".to_string(),
        }
    }

    /// The person who does a step: its first owner.
    fn owner_of(&self, document: &ProcessDocument, node: &crate::ir::NodeInfo) -> String {
        node.owners
            .first()
            .map_or_else(|| "nobody".to_string(), |party| self.party(document, party))
    }

    /// Someone of another role than `person`'s.
    fn outsider(&self, document: &ProcessDocument, node: &crate::ir::NodeInfo) -> Option<String> {
        let allowed: Vec<String> = node
            .owners
            .iter()
            .filter_map(|party| {
                sim::people::resolve(document, party, self.applicant.as_deref()).ok()
            })
            .collect();
        document
            .roles
            .iter()
            .find(|role| {
                !allowed.contains(&role.name)
                    && role
                        .department
                        .as_ref()
                        .is_none_or(|department| !allowed.contains(department))
            })
            .map(|role| self.person(&role.name))
    }
}

/// The literal values the conditions compare each input with.
fn collect_literals<'a>(
    condition: &'a ConditionInfo,
    literals: &mut BTreeMap<&'a str, Vec<String>>,
) {
    let mut pending = vec![condition];
    while let Some(condition) = pending.pop() {
        match condition {
            ConditionInfo::AllOf { conditions } | ConditionInfo::AnyOf { conditions } => {
                pending.extend(conditions)
            }
            ConditionInfo::Not { condition } => pending.push(condition),
            ConditionInfo::Compare { input, value, .. } => {
                let text = match value {
                    crate::ir::ValueInfo::Money { amount, .. } => amount.clone(),
                    crate::ir::ValueInfo::Number { value }
                    | crate::ir::ValueInfo::Date { value }
                    | crate::ir::ValueInfo::Text { value }
                    | crate::ir::ValueInfo::Name { value } => value.clone(),
                    crate::ir::ValueInfo::Reference { name } => {
                        // Two values compared with each other are drawn around
                        // one common amount, so they fall equal and a unit
                        // either side of each other.
                        for compared in [input.as_str(), name.as_str()] {
                            literals
                                .entry(compared)
                                .or_default()
                                .push(COMMON_AMOUNT.to_string());
                        }
                        continue;
                    }
                };
                literals.entry(input).or_default().push(text);
            }
        }
    }
}

fn parse_time(at: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M").unwrap_or_default()
}

/// Writes cases as CSV or XES.
struct LogWriter {
    format: GeneratedFormat,
    inputs: Vec<String>,
    /// The values steps record, each a column of a CSV log.
    recorded: Vec<String>,
}

/// The names of the values the steps of `document` record, in order.
fn recorded_names(document: &ProcessDocument) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for record in document.nodes.iter().flat_map(|node| &node.records) {
        if !names.contains(&record.name) {
            names.push(record.name.clone());
        }
    }
    names
}

impl LogWriter {
    fn head(&self, out: &mut impl Write) -> std::io::Result<()> {
        match self.format {
            GeneratedFormat::Csv => {
                let mut columns: Vec<&str> = vec![
                    "case",
                    "activity",
                    "timestamp",
                    "lifecycle",
                    "resource",
                    "outcome",
                    "applicant",
                    "deviation",
                ];
                columns.extend(self.inputs.iter().map(String::as_str));
                columns.extend(self.recorded.iter().map(String::as_str));
                writeln!(out, "{}", columns.join(","))
            }
            GeneratedFormat::Xes => {
                writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
                writeln!(
                    out,
                    "<log xes.version=\"1.0\" xmlns=\"http://www.xes-standard.org/\">"
                )?;
                for (name, prefix) in [
                    ("Concept", "concept"),
                    ("Time", "time"),
                    ("Organizational", "org"),
                    ("Lifecycle", "lifecycle"),
                ] {
                    writeln!(
                        out,
                        "  <extension name=\"{name}\" prefix=\"{prefix}\" uri=\"http://www.xes-standard.org/{prefix}.xesext\"/>"
                    )?;
                }
                Ok(())
            }
        }
    }

    fn case(&self, out: &mut impl Write, case: &GeneratedCase) -> std::io::Result<()> {
        match self.format {
            GeneratedFormat::Csv => self.csv_case(out, case),
            GeneratedFormat::Xes => xes_case(out, case),
        }
    }

    fn csv_case(&self, out: &mut impl Write, case: &GeneratedCase) -> std::io::Result<()> {
        for (index, row) in case.rows.iter().enumerate() {
            let attribute = |name: &str| {
                if index == 0 {
                    case.attributes.get(name).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            };
            let mut fields = vec![
                case.id.clone(),
                row.activity.clone(),
                timestamp(row.at),
                row.lifecycle.to_string(),
                row.resource.clone(),
                row.outcome.clone(),
                attribute("applicant"),
                attribute("deviation"),
            ];
            fields.extend(self.inputs.iter().map(|input| attribute(input)));
            fields.extend(
                self.recorded
                    .iter()
                    .map(|name| row.recorded.get(name).cloned().unwrap_or_default()),
            );
            let mut writer = csv::WriterBuilder::new().from_writer(&mut *out);
            writer
                .write_record(&fields)
                .map_err(std::io::Error::other)?;
            writer.flush()?;
        }
        Ok(())
    }

    fn tail(&self, out: &mut impl Write) -> std::io::Result<()> {
        match self.format {
            GeneratedFormat::Csv => Ok(()),
            GeneratedFormat::Xes => writeln!(out, "</log>"),
        }
    }
}

fn xes_case(out: &mut impl Write, case: &GeneratedCase) -> std::io::Result<()> {
    writeln!(out, "  <trace>")?;
    xes_string(out, "    ", "concept:name", &case.id)?;
    for (name, value) in &case.attributes {
        xes_string(out, "    ", name, value)?;
    }
    for row in &case.rows {
        writeln!(out, "    <event>")?;
        xes_string(out, "      ", "concept:name", &row.activity)?;
        writeln!(
            out,
            "      <date key=\"time:timestamp\" value=\"{}\"/>",
            timestamp(row.at)
        )?;
        xes_string(out, "      ", "org:resource", &row.resource)?;
        xes_string(out, "      ", "lifecycle:transition", row.lifecycle)?;
        if !row.outcome.is_empty() {
            xes_string(out, "      ", "outcome", &row.outcome)?;
        }
        for (name, value) in &row.recorded {
            xes_string(out, "      ", name, value)?;
        }
        writeln!(out, "    </event>")?;
    }
    writeln!(out, "  </trace>")
}

/// One XES string attribute on its own line, indented by `indent`.
fn xes_string(out: &mut impl Write, indent: &str, key: &str, value: &str) -> std::io::Result<()> {
    writeln!(
        out,
        "{indent}<string key=\"{}\" value=\"{}\"/>",
        xml(key),
        xml(value)
    )
}

fn timestamp(at: NaiveDateTime) -> String {
    format!("{}{GENERATED_OFFSET}", at.format("%Y-%m-%dT%H:%M:%S"))
}

/// An XML attribute value, escaped by quick-xml.
fn xml(text: &str) -> std::borrow::Cow<'_, str> {
    quick_xml::escape::escape(text)
}
