//! Conformance: what really happened, from an engine's event log, checked
//! against the process (`flowc conform`).
//!
//! Each case of the log is replayed against the process's graph as it is
//! read ([`replay`]): steps skipped, done out of order or repeated outside a
//! rework loop, decisions that took another branch than the case's values
//! select, steps done by someone without the owner's role or approved by
//! the person who submitted the case, late steps (by the business-day
//! calendar, with the reminders and escalations that would have fired), and
//! the SLA. The report per process adds the conformance rate, the
//! deviations ranked by frequency, every KPI measured against its target
//! and the owners of recurring problems (policy section 4: problems go
//! back to the responsible person).

mod generate;
mod html;
mod log;
mod render;
mod replay;
mod xes;

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt, HashSet};

use chrono::NaiveDateTime;
use schemars::{JsonSchema, schema_for};
use serde::Serialize;

use crate::i18n::{Arg, Text};
use crate::ir::{KpiTargetInfo, ProcessDocument};
use crate::model::calendar::{Calendar, UnannouncedYear, WorkingTime};
use crate::model::words;
use crate::sim;
use crate::syntax::ast::Duration;
use crate::text;

pub use generate::{
    DEVIATIONS, GENERATED_OFFSET, GeneratedFormat, Generation, generate, staff_directory,
};
pub use html::render_html;
pub use log::{
    ColumnMapping, InputError, Lifecycle, LogCase, LogEvent, LogFormat, Place, Staff,
    parse_timestamp, read_beside, read_csv, read_staff,
};
pub use render::render_human;
pub use xes::read_xes;

use replay::{CaseReplay, ClosedCase, Graph};

/// The kinds of finding, by category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// A step that was due was passed over.
    Skipped,
    /// A step was done before a step that comes before it, or when it was
    /// not due.
    OutOfOrder,
    /// A step was done again outside a rework loop.
    Repeated,
    /// A decision took another branch than the case's values select.
    WrongPath,
    /// An activity that is no step of the process.
    UnknownActivity,
    /// An outcome the step does not have.
    UnknownOutcome,
    /// A case value that does not fit its input.
    BadValue,
    /// Done by someone who does not hold the owner's role.
    WrongOwner,
    /// Approved by the person who submitted the case.
    SelfApproval,
    /// Done after its deadline.
    Late,
    /// The case took longer than the SLA.
    SlaMissed,
    /// The case is still open after its SLA.
    OpenPastSla,
}

impl FindingKind {
    /// The category `--fail-on` names.
    pub fn category(self) -> Category {
        match self {
            FindingKind::Late | FindingKind::SlaMissed | FindingKind::OpenPastSla => Category::Late,
            _ => Category::Deviation,
        }
    }

    /// The kind's stable name (`skipped`, `wrong-owner`...).
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Skipped => "skipped",
            FindingKind::OutOfOrder => "out-of-order",
            FindingKind::Repeated => "repeated",
            FindingKind::WrongPath => "wrong-path",
            FindingKind::UnknownActivity => "unknown-activity",
            FindingKind::UnknownOutcome => "unknown-outcome",
            FindingKind::BadValue => "bad-value",
            FindingKind::WrongOwner => "wrong-owner",
            FindingKind::SelfApproval => "self-approval",
            FindingKind::Late => "late",
            FindingKind::SlaMissed => "sla-missed",
            FindingKind::OpenPastSla => "open-past-sla",
        }
    }

    /// The kind in words: its stable name in English, the language's
    /// words otherwise.
    pub fn text(self) -> Text {
        text!("conform-kind", kind = self.name())
    }
}

/// Writes a text in English: the words of the JSON report are stable,
/// whatever the language of the run.
fn english<S: serde::Serializer>(text: &Text, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&text.english())
}

/// [`english`] for a text that may be missing.
fn english_option<S: serde::Serializer>(
    text: &Option<Text>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match text {
        Some(text) => serializer.serialize_some(&text.english()),
        None => serializer.serialize_none(),
    }
}

/// What `--fail-on` can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// The case did not follow the process (path, people, values).
    Deviation,
    /// A missed time node: a late step, the SLA.
    Late,
    /// A KPI missed its target.
    Kpi,
}

/// One thing a case did differently from the process.
#[derive(Debug, Clone, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// What kind.
    pub kind: FindingKind,
    /// The case.
    pub case: String,
    /// The step, if it is about one.
    pub step: Option<String>,
    /// The step's owner as written: whose problem it is.
    pub owner: Option<String>,
    /// What happened, with the values involved (in English in JSON).
    #[serde(serialize_with = "english")]
    #[schemars(with = "String")]
    pub message: Text,
    /// Where in the log (said with the case's id when written out).
    #[schemars(with = "Option<String>")]
    pub place: Option<Place>,
}

impl Finding {
    /// Where in the log, in words.
    pub fn place_text(&self) -> Option<Text> {
        self.place.map(|place| place.text(&self.case))
    }
}

/// As its JSON Schema says: the message and the place in English.
impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut fields = serializer.serialize_struct("Finding", 6)?;
        fields.serialize_field("kind", &self.kind)?;
        fields.serialize_field("case", &self.case)?;
        fields.serialize_field("step", &self.step)?;
        fields.serialize_field("owner", &self.owner)?;
        fields.serialize_field("message", &self.message.english())?;
        fields.serialize_field("place", &self.place_text().map(|place| place.english()))?;
        fields.end()
    }
}

/// A KPI measured from the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KpiResult {
    /// The KPI's name.
    pub name: String,
    /// Its label.
    pub label: Option<String>,
    /// What it asks: `p90 under 8 business days`.
    #[serde(serialize_with = "english")]
    #[schemars(with = "String")]
    pub target: Text,
    /// The value measured, or `None` when the log cannot measure it.
    #[serde(serialize_with = "english_option")]
    #[schemars(with = "Option<String>")]
    pub actual: Option<Text>,
    /// Whether the value meets the target (`None` when not measured).
    pub met: Option<bool>,
    /// How it was measured, or why it could not be.
    #[serde(serialize_with = "english")]
    #[schemars(with = "String")]
    pub how: Text,
}

/// A recurring problem of one owner: the same kind of finding on their
/// steps in several cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OwnerProblem {
    /// The owner as written on the step.
    pub owner: String,
    /// The kind of finding.
    pub kind: FindingKind,
    /// The steps.
    pub steps: Vec<String>,
    /// In how many cases.
    pub cases: usize,
}

/// A kind of finding on a step, with how often it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RankedDeviation {
    /// The kind.
    pub kind: FindingKind,
    /// The step, if any.
    pub step: Option<String>,
    /// In how many cases.
    pub cases: usize,
}

/// The conformance of one process's cases.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProcessReport {
    /// The process.
    pub process: String,
    /// Its label.
    pub label: Option<String>,
    /// Cases read.
    pub cases: usize,
    /// Cases that reached an end.
    pub finished: usize,
    /// Cases that did not (still open, or stopped).
    pub open: usize,
    /// Cases with no finding of any kind.
    pub conforming: usize,
    /// `conforming / cases`, as a percentage with one decimal (`87.5`).
    #[schemars(regex(pattern = r"^[0-9]+\.[0-9]$"))]
    pub conformance_rate: String,
    /// The time open cases were judged at (`--now`, else the log's last
    /// event), `YYYY-MM-DDTHH:MM`.
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$"))]
    pub judged_at: String,
    /// Whether who did each step was checked (a staff directory was
    /// given).
    pub owners_checked: bool,
    /// Every finding, case by case in log order.
    pub findings: Vec<Finding>,
    /// The kinds of finding per step, most frequent first.
    pub ranked: Vec<RankedDeviation>,
    /// Every KPI of the process against the log.
    pub kpis: Vec<KpiResult>,
    /// Owners with a kind of problem in two cases or more, most cases first.
    pub recurring: Vec<OwnerProblem>,
    /// Years the log runs through that a holiday preset of the calendar
    /// has no notice for: their deadlines were counted with the working
    /// week and the holidays listed by hand only.
    pub unannounced_years: Vec<UnannouncedYear>,
    /// The cycle time of each finished case, in business days (for plots).
    #[schemars(inner(regex(pattern = r"^[0-9]+(\.[0-9]+)?$")))]
    pub cycle_times: Vec<String>,
}

impl ProcessReport {
    /// Whether the report holds something of `category`.
    pub fn has(&self, category: Category) -> bool {
        match category {
            Category::Kpi => self.kpis.iter().any(|kpi| kpi.met == Some(false)),
            category => self
                .findings
                .iter()
                .any(|finding| finding.kind.category() == category),
        }
    }
}

/// The JSON Schema of `flowc conform --format json`
/// (`docs/conform.schema.json`).
pub fn schema() -> String {
    let mut schema = schema_for!(ProcessReport);
    schema.insert("title".to_string(), "flowc conform --format json".into());
    schema.insert(
        "description".to_string(),
        "The conformance report of one process's event log: `flowc conform --format json`.".into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}

/// What to check a log with: a process, the calendar, the staff.
pub struct Checker<'a> {
    graph: Graph<'a>,
    calendar: &'a Calendar,
    staff: Option<&'a Staff>,
    now: Option<NaiveDateTime>,
}

impl<'a> Checker<'a> {
    /// A checker for `document`; open cases are judged at `now` (default:
    /// the time of the log's last event).
    pub fn new(
        document: &'a ProcessDocument,
        calendar: &'a Calendar,
        staff: Option<&'a Staff>,
        now: Option<NaiveDateTime>,
    ) -> Self {
        Checker {
            graph: Graph::new(document),
            calendar,
            staff,
            now,
        }
    }

    /// A session that reads one log.
    pub fn session(&self) -> Session<'_, 'a> {
        Session {
            checker: self,
            open: HashMap::new(),
            closed: Vec::new(),
            findings: Vec::new(),
            ended: HashMap::new(),
            order: 0,
            earliest: None,
            latest: None,
        }
    }
}

/// One log being read: open cases are replayed event by event and let go as
/// soon as they reach an end, so memory follows the open cases.
pub struct Session<'c, 'a> {
    checker: &'c Checker<'a>,
    open: HashMap<String, (usize, CaseReplay<'c, 'a>)>,
    closed: Vec<(usize, ClosedCase)>,
    /// The findings of the closed cases, each with its case's order: one
    /// list from the start (a large log's findings are most of the memory,
    /// and gathering them from the cases at the end held them twice).
    findings: Vec<(usize, Finding)>,
    /// Cases that reached an end, by id: their index in `closed`, and the
    /// step several people sign that their last answers decided.
    ended: HashMap<String, (usize, Option<usize>)>,
    order: usize,
    earliest: Option<NaiveDateTime>,
    latest: Option<NaiveDateTime>,
}

impl Session<'_, '_> {
    /// A whole case (XES: one trace).
    pub fn case(&mut self, case: LogCase) {
        for event in case.events {
            self.event(&case.id, &case.attributes, event);
        }
    }

    /// One event of a case, with the case attributes it carries.
    pub fn event(&mut self, case: &str, attributes: &BTreeMap<String, String>, event: LogEvent) {
        self.earliest = Some(
            self.earliest
                .map_or(event.at, |earliest| earliest.min(event.at)),
        );
        self.latest = Some(self.latest.map_or(event.at, |latest| latest.max(event.at)));
        if let Some(&(index, decided)) = self.ended.get(case) {
            let late_answer =
                decided.is_some() && self.checker.graph.step_of(&event.activity) == decided;
            if event.lifecycle == Lifecycle::Complete && !late_answer {
                let (order, closed) = &mut self.closed[index];
                closed.found += 1;
                self.findings.push((
                    *order,
                    Finding {
                        kind: FindingKind::OutOfOrder,
                        case: case.to_string(),
                        step: Some(event.activity.clone()),
                        owner: None,
                        message: text!("conform-finding-after-end", step = &event.activity),
                        place: Some(event.place),
                    },
                ));
            }
            return;
        }
        if !self.open.contains_key(case) {
            let replay = CaseReplay::new(
                &self.checker.graph,
                self.checker.calendar,
                self.checker.staff,
                case,
            );
            self.open.insert(case.to_string(), (self.order, replay));
            self.order += 1;
        }
        let Some((_, replay)) = self.open.get_mut(case) else {
            return;
        };
        replay.attributes(attributes);
        replay.attributes(&event.values);
        replay.event(&event);
        if replay.finished()
            && let Some((order, replay)) = self.open.remove(case)
        {
            let now = self.now();
            self.ended.insert(
                case.to_string(),
                (self.closed.len(), replay.decided_by_answers()),
            );
            let (case, findings) = replay.close(now);
            self.keep(order, case, findings);
        }
    }

    /// Keeps a closed case; its findings join the session's list with the
    /// case's order.
    fn keep(&mut self, order: usize, case: ClosedCase, findings: Vec<Finding>) {
        self.findings
            .extend(findings.into_iter().map(|finding| (order, finding)));
        self.closed.push((order, case));
    }

    fn now(&self) -> NaiveDateTime {
        self.checker.now.or(self.latest).unwrap_or_default()
    }

    /// The report, once the log is read: cases still open are judged at
    /// `now`.
    pub fn report(mut self) -> ProcessReport {
        let now = self.now();
        for (_, (order, replay)) in std::mem::take(&mut self.open) {
            let (case, findings) = replay.close(now);
            self.keep(order, case, findings);
        }
        self.closed.sort_by_key(|(order, _)| *order);
        // Stable: a case's findings stay in the order they were found.
        self.findings.sort_by_key(|(order, _)| *order);
        let cases = self.closed.into_iter().map(|(_, case)| case).collect();
        let findings = self
            .findings
            .into_iter()
            .map(|(_, finding)| finding)
            .collect();
        let first = self.earliest.unwrap_or(now);
        report(self.checker, cases, findings, first, now)
    }
}

/// Builds the report of a process from its closed cases, the log running
/// from `first` to `now`.
fn report(
    checker: &Checker<'_>,
    cases: Vec<ClosedCase>,
    findings: Vec<Finding>,
    first: NaiveDateTime,
    now: NaiveDateTime,
) -> ProcessReport {
    let document = checker.graph.document;
    let calendar = checker.calendar;
    let total = cases.len();
    let finished = cases.iter().filter(|case| case.finished).count();
    let conforming = cases.iter().filter(|case| case.found == 0).count();
    let ranked = ranked(&findings);
    let recurring = recurring(&findings);
    let cycle: Vec<WorkingTime> = cases
        .iter()
        .filter(|case| case.finished)
        .map(|case| case.elapsed)
        .collect();
    let kpis = document
        .kpis
        .iter()
        .map(|kpi| measure(kpi, &cases, &cycle, calendar))
        .collect();
    ProcessReport {
        process: document.process.name.clone(),
        label: document.process.label.clone(),
        cases: total,
        finished,
        open: total - finished,
        conforming,
        conformance_rate: percentage(conforming, total),
        judged_at: sim::format_time(now),
        owners_checked: checker.staff.is_some(),
        findings,
        ranked,
        kpis,
        recurring,
        unannounced_years: calendar.unannounced_years(first.date(), now.date()),
        cycle_times: cycle
            .iter()
            .map(|time| calendar.in_business_days(*time))
            .collect(),
    }
}

/// The kinds of finding per step with the number of cases each, most
/// frequent first (ties in kind and step order).
fn ranked(findings: &[Finding]) -> Vec<RankedDeviation> {
    let mut per_step: BTreeMap<(FindingKind, Option<&str>), HashSet<&str>> = BTreeMap::new();
    for finding in findings {
        per_step
            .entry((finding.kind, finding.step.as_deref()))
            .or_default()
            .insert(&finding.case);
    }
    let mut ranked: Vec<RankedDeviation> = per_step
        .into_iter()
        .map(|((kind, step), cases)| RankedDeviation {
            kind,
            step: step.map(str::to_string),
            cases: cases.len(),
        })
        .collect();
    ranked.sort_by_key(|ranked| std::cmp::Reverse(ranked.cases));
    ranked
}

/// The problems an owner has in two cases or more, most cases first.
fn recurring(findings: &[Finding]) -> Vec<OwnerProblem> {
    let mut per_owner: BTreeMap<(String, FindingKind), OwnerProblem> = BTreeMap::new();
    let mut cases_of: BTreeMap<(String, FindingKind), HashSet<&str>> = BTreeMap::new();
    for finding in findings {
        let Some(owner) = &finding.owner else {
            continue;
        };
        let key = (owner.clone(), finding.kind);
        let problem = per_owner
            .entry(key.clone())
            .or_insert_with(|| OwnerProblem {
                owner: owner.clone(),
                kind: finding.kind,
                steps: Vec::new(),
                cases: 0,
            });
        if let Some(step) = &finding.step
            && !problem.steps.contains(step)
        {
            problem.steps.push(step.clone());
        }
        if cases_of.entry(key).or_default().insert(&finding.case) {
            problem.cases += 1;
        }
    }
    let mut recurring: Vec<OwnerProblem> = per_owner
        .into_values()
        .filter(|problem| problem.cases >= 2)
        .collect();
    recurring.sort_by_key(|problem| std::cmp::Reverse(problem.cases));
    recurring
}

/// `part / whole` as a percentage with one decimal: `87.5`.
fn percentage(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "0.0".to_string();
    }
    let tenths = (part as u128 * 1000 + whole as u128 / 2) / whole as u128;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// One KPI against the cases: cycle times for duration targets, the
/// first-pass and on-time rates for percentages named so, the number of
/// open cases for numbers named so; anything else cannot be read from a
/// log, and says so.
fn measure(
    kpi: &crate::ir::KpiInfo,
    cases: &[ClosedCase],
    cycle: &[WorkingTime],
    calendar: &Calendar,
) -> KpiResult {
    let statistic = kpi.statistic.clone().unwrap_or_else(|| "avg".to_string());
    let (target_text, measured): (Text, Option<(Text, std::cmp::Ordering, Text)>) = match &kpi
        .target
    {
        KpiTargetInfo::Duration { duration } => {
            let (amount, unit) = sim::duration(duration);
            let target = calendar.working_time(&Duration {
                amount,
                unit,
                span: Default::default(),
            });
            let measured = statistic_of(&statistic, cycle).map(|value| {
                (
                    business_days(&calendar.in_business_days(value)),
                    value.cmp(&target),
                    text!(
                        "conform-kpi-how-cycle",
                        statistic = text!("conform-statistic", statistic = statistic.as_str()),
                        finished = cycle.len()
                    ),
                )
            });
            (words::time(amount, unit), measured)
        }
        KpiTargetInfo::Percentage { value } => {
            let finished: Vec<&ClosedCase> = cases.iter().filter(|case| case.finished).collect();
            let rate = if kpi.name.contains("first_pass") {
                Some((
                    "first-pass",
                    finished.iter().filter(|case| case.first_pass).count(),
                ))
            } else if kpi.name.contains("on_time") || kpi.name.contains("within_sla") {
                Some((
                    "on-time",
                    finished.iter().filter(|case| case.within_sla).count(),
                ))
            } else {
                None
            };
            let target: f64 = value.parse().unwrap_or(0.0);
            let measured = rate.filter(|_| !finished.is_empty()).map(|(what, count)| {
                let actual = percentage(count, finished.len());
                let number: f64 = actual.parse().unwrap_or(0.0);
                (
                    Text::verbatim(format!("{actual}%")),
                    number
                        .partial_cmp(&target)
                        .unwrap_or(std::cmp::Ordering::Equal),
                    text!(
                        "conform-kpi-how-rate",
                        rate = what,
                        finished = finished.len()
                    ),
                )
            });
            (Text::verbatim(format!("{value}%")), measured)
        }
        KpiTargetInfo::Number { value } => {
            let target: f64 = value.parse().unwrap_or(0.0);
            let measured = kpi.name.contains("open").then(|| {
                let open = cases.iter().filter(|case| !case.finished).count();
                (
                    Text::verbatim(open.to_string()),
                    (open as f64)
                        .partial_cmp(&target)
                        .unwrap_or(std::cmp::Ordering::Equal),
                    text!("conform-kpi-how-open"),
                )
            });
            (Text::verbatim(value.clone()), measured)
        }
    };
    let target = words::kpi_target(
        kpi.statistic
            .as_deref()
            .map(|statistic| text!("conform-statistic", statistic = statistic)),
        &kpi.bound.replace(' ', "-"),
        target_text,
    );
    match measured {
        Some((actual, ordering, how)) => KpiResult {
            name: kpi.name.clone(),
            label: kpi.label.clone(),
            target,
            actual: Some(actual),
            met: Some(meets(&kpi.bound, ordering)),
            how,
        },
        None => KpiResult {
            name: kpi.name.clone(),
            label: kpi.label.clone(),
            target,
            actual: None,
            met: None,
            how: if measurable(kpi) {
                text!("conform-kpi-no-finished-case")
            } else {
                text!("conform-kpi-not-measurable")
            },
        },
    }
}

/// `amount` business days, `amount` as the calendar writes it (`1`,
/// `3.68`): `3.68 business days`, `3.68 個工作日`.
pub(crate) fn business_days(amount: &str) -> Text {
    text!(
        "duration",
        amount = Arg::Number(amount.to_string()),
        unit = "business-day"
    )
}

/// Whether flowc knows how to measure a KPI from a log.
fn measurable(kpi: &crate::ir::KpiInfo) -> bool {
    match &kpi.target {
        KpiTargetInfo::Duration { .. } => true,
        KpiTargetInfo::Percentage { .. } => ["first_pass", "on_time", "within_sla"]
            .iter()
            .any(|known| kpi.name.contains(known)),
        KpiTargetInfo::Number { .. } => kpi.name.contains("open"),
    }
}

/// Whether a value that compares to the target as `ordering` meets `bound`.
fn meets(bound: &str, ordering: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::{Greater, Less};
    match bound {
        "under" => ordering == Less,
        "at most" => ordering != Greater,
        "at least" => ordering != Less,
        "over" => ordering == Greater,
        _ => false,
    }
}

/// A statistic of working times: `p50`, `p90`, `p95` (nearest rank),
/// `avg`, `max`; `None` without values.
fn statistic_of(statistic: &str, values: &[WorkingTime]) -> Option<WorkingTime> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort();
    let rank = |percent: usize| {
        let index = (percent * sorted.len()).div_ceil(100).max(1) - 1;
        sorted[index.min(sorted.len() - 1)]
    };
    Some(match statistic {
        "p50" => rank(50),
        "p90" => rank(90),
        "p95" => rank(95),
        "max" => sorted[sorted.len() - 1],
        _ => WorkingTime(sorted.iter().map(|value| value.0).sum::<u128>() / sorted.len() as u128),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_take_the_nearest_rank() {
        let values: Vec<WorkingTime> = (1..=10).map(WorkingTime).collect();
        assert_eq!(statistic_of("p50", &values), Some(WorkingTime(5)));
        assert_eq!(statistic_of("p90", &values), Some(WorkingTime(9)));
        assert_eq!(statistic_of("p95", &values), Some(WorkingTime(10)));
        assert_eq!(statistic_of("max", &values), Some(WorkingTime(10)));
        assert_eq!(statistic_of("avg", &values), Some(WorkingTime(5)));
        assert_eq!(statistic_of("avg", &[]), None);
    }

    #[test]
    fn rates_round_to_one_decimal() {
        assert_eq!(percentage(7, 8), "87.5");
        assert_eq!(percentage(1, 3), "33.3");
        assert_eq!(percentage(0, 0), "0.0");
    }
}
