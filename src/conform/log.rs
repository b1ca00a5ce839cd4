//! Reading what happened: event logs (CSV with a column mapping; XES, plain
//! or gzipped, in [`super::xes`]) and the staff directory.
//!
//! A log is read case by case as a stream: XES holds one case a trace; a
//! CSV log's rows are grouped by case as they come, and a case is handed
//! on as soon as its replay reaches an end (see [`super::check_log`]), so
//! memory follows the number of open cases, not the size of the log.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDateTime};

use crate::i18n::Text;
use crate::text;

/// Why a log or directory could not be read; the message names the place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub Text);

/// In English, for logs.
impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for InputError {}

/// The stage of a step an event reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lifecycle {
    /// The step was started (taken up by its owner).
    Start,
    /// The step was done.
    Complete,
    /// Anything else (`schedule`, `suspend`...): not used for checking.
    Other(String),
}

impl Lifecycle {
    /// Reads XES's `lifecycle:transition` or a CSV column; empty means
    /// `complete`.
    pub(crate) fn read(text: &str) -> Lifecycle {
        let text = text.trim();
        let is_one_of = |words: &[&str]| words.iter().any(|word| text.eq_ignore_ascii_case(word));
        if text.is_empty() || is_one_of(&["complete", "completed", "end", "done"]) {
            Lifecycle::Complete
        } else if is_one_of(&["start", "started", "begin"]) {
            Lifecycle::Start
        } else {
            Lifecycle::Other(text.to_ascii_lowercase())
        }
    }
}

/// One event of a log: a step of a case started or done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEvent {
    /// The activity as written: a step's name or label.
    pub activity: String,
    /// When, as local time.
    pub at: NaiveDateTime,
    /// Who did it: a person of the staff directory.
    pub resource: Option<String>,
    /// Start or complete.
    pub lifecycle: Lifecycle,
    /// How the step ended (`next`, `reject`...), when the log says.
    pub outcome: Option<String>,
    /// Where the event is in the log (`line 12`, `trace 3, event 2`).
    pub place: Place,
    /// Values the event carries besides the standard ones (XES event
    /// attributes: the values a step recorded); a CSV row's other columns
    /// are its case's attributes instead.
    pub values: BTreeMap<String, String>,
}

/// Where an event is in its log, kept as numbers: it is said only when a
/// finding names it, so reading an event builds no text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A line of a CSV log (the header is line 1).
    Line(usize),
    /// An event of an XES log: the trace's number and the event's number
    /// in it, both counted from 1.
    Event {
        /// The trace's number in the log.
        trace: usize,
        /// The event's number in its trace.
        event: usize,
    },
}

impl Place {
    /// The place in words; `case` is the id of the event's case (an XES
    /// place names it beside the trace's number).
    pub fn text(self, case: &str) -> Text {
        match self {
            Place::Line(line) => text!("conform-place-line", line = line.to_string()),
            Place::Event { trace, event } => text!(
                "conform-place-event",
                trace = trace.to_string(),
                case = case,
                event = event.to_string()
            ),
        }
    }
}

/// One case of a log, with its events in log order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogCase {
    /// The case id.
    pub id: String,
    /// Case attributes: input and recorded values by name, `applicant`.
    pub attributes: BTreeMap<String, String>,
    /// The events.
    pub events: Vec<LogEvent>,
}

/// Which CSV column holds what. Columns not named here whose header is an
/// input's name (or `applicant`) are case attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMapping {
    /// The case id.
    pub case: String,
    /// The activity.
    pub activity: String,
    /// The timestamp (RFC 3339, with a time zone).
    pub timestamp: String,
    /// The person (optional column).
    pub resource: String,
    /// `start` or `complete` (optional column).
    pub lifecycle: String,
    /// The outcome (optional column).
    pub outcome: String,
    /// Case attributes by name, from other columns: name -> column.
    pub attributes: BTreeMap<String, String>,
}

impl Default for ColumnMapping {
    fn default() -> Self {
        ColumnMapping {
            case: "case".to_string(),
            activity: "activity".to_string(),
            timestamp: "timestamp".to_string(),
            resource: "resource".to_string(),
            lifecycle: "lifecycle".to_string(),
            outcome: "outcome".to_string(),
            attributes: BTreeMap::new(),
        }
    }
}

impl ColumnMapping {
    /// Applies one `--map FIELD=COLUMN`: FIELD is `case`, `activity`,
    /// `timestamp`, `resource`, `lifecycle`, `outcome` or the name of a
    /// case attribute (an input or recorded value).
    pub fn set(&mut self, field: &str, column: &str) {
        let column = column.to_string();
        match field {
            "case" => self.case = column,
            "activity" => self.activity = column,
            "timestamp" => self.timestamp = column,
            "resource" => self.resource = column,
            "lifecycle" => self.lifecycle = column,
            "outcome" => self.outcome = column,
            attribute => {
                self.attributes.insert(attribute.to_string(), column);
            }
        }
    }
}

/// How many cases (XES) or events (CSV) the reading thread hands over at
/// a time: enough that handing over costs little, few enough that memory
/// still follows the open cases.
const BATCH: usize = 256;

/// Reads a log on a thread of its own while the caller checks what it
/// read, so parsing and replaying use both cores: `read` hands each case or
/// event it reads to its callback, `check` takes them in the order read.
/// Returns what `read` returns, once everything read has been checked.
pub fn read_beside<T: Send>(
    read: impl FnOnce(&mut dyn FnMut(T) -> Result<(), InputError>) -> Result<usize, InputError> + Send,
    mut check: impl FnMut(T),
) -> Result<usize, InputError> {
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<T>>(8);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let mut hand_on = |item: T| {
                batch.push(item);
                if batch.len() == BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    // The receiver only goes away if the checking panicked,
                    // which the join below passes on.
                    let _ = sender.send(full);
                }
                Ok(())
            };
            let read = read(&mut hand_on);
            if !batch.is_empty() {
                let _ = sender.send(batch);
            }
            read
        });
        for batch in receiver {
            batch.into_iter().for_each(&mut check);
        }
        reader
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// The format of a log file, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// CSV, one event a row.
    Csv,
    /// XES.
    Xes,
    /// Gzipped XES.
    XesGz,
}

impl LogFormat {
    /// The format a file name says: `.csv`, `.xes`, `.xes.gz`.
    pub fn of(path: &Path) -> Result<LogFormat, InputError> {
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if name.ends_with(".xes.gz") || name.ends_with(".xes.gzip") {
            Ok(LogFormat::XesGz)
        } else if name.ends_with(".xes") {
            Ok(LogFormat::Xes)
        } else if name.ends_with(".csv") {
            Ok(LogFormat::Csv)
        } else {
            Err(InputError(text!(
                "conform-error-log-kind",
                path = path.display().to_string()
            )))
        }
    }
}

/// Reads a timestamp: RFC 3339 with a time zone (`2026-03-02T09:30:00+08:00`,
/// a space for the `T` allowed), kept as the local time written.
pub fn parse_timestamp(text: &str) -> Result<NaiveDateTime, Text> {
    let text = text.trim();
    let parsed = DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_rfc3339(&text.replacen(' ', "T", 1)))
        .or_else(|_| DateTime::<FixedOffset>::parse_from_str(text, "%Y-%m-%d %H:%M%:z"))
        .or_else(|_| DateTime::<FixedOffset>::parse_from_str(text, "%Y-%m-%dT%H:%M%:z"));
    match parsed {
        Ok(time) => Ok(time.naive_local()),
        Err(_)
            if NaiveDateTime::parse_from_str(&text.replacen(' ', "T", 1), "%Y-%m-%dT%H:%M:%S")
                .is_ok()
                || NaiveDateTime::parse_from_str(&text.replacen(' ', "T", 1), "%Y-%m-%dT%H:%M")
                    .is_ok() =>
        {
            Err(text!("conform-error-no-time-zone", text = text))
        }
        Err(_) => Err(text!("conform-error-not-timestamp", text = text)),
    }
}

/// Reads a CSV log and hands each row's event to `event` with its case
/// id and the case attributes the row gives.
pub fn read_csv(
    reader: impl Read,
    mapping: &ColumnMapping,
    mut event: impl FnMut(&str, BTreeMap<String, String>, LogEvent) -> Result<(), InputError>,
) -> Result<usize, InputError> {
    let mut csv = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(reader);
    let headers = csv
        .headers()
        .map_err(|error| InputError(text!("conform-error-log-header", error = error.to_string())))?
        .clone();
    let column = |name: &str| headers.iter().position(|header| header.trim() == name);
    let required = |field: &str, name: &str| {
        column(name).ok_or_else(|| {
            InputError(text!(
                "conform-error-no-column",
                name = name,
                field = field,
                columns = headers.iter().map(Text::verbatim).collect::<Vec<_>>()
            ))
        })
    };
    let case = required("case", &mapping.case)?;
    let activity = required("activity", &mapping.activity)?;
    let timestamp = required("timestamp", &mapping.timestamp)?;
    let resource = column(&mapping.resource);
    let lifecycle = column(&mapping.lifecycle);
    let outcome = column(&mapping.outcome);
    let mut attributes: Vec<(String, usize)> = Vec::new();
    for (name, wanted) in &mapping.attributes {
        let Some(index) = column(wanted) else {
            return Err(InputError(text!(
                "conform-error-no-value-column",
                column = wanted,
                name = name
            )));
        };
        attributes.push((name.clone(), index));
    }
    let taken = [
        Some(case),
        Some(activity),
        Some(timestamp),
        resource,
        lifecycle,
        outcome,
    ];
    for (index, header) in headers.iter().enumerate() {
        let header = header.trim();
        if !taken.contains(&Some(index)) && !mapping.attributes.contains_key(header) {
            attributes.push((header.to_string(), index));
        }
    }
    let mut rows = 0;
    for (row, record) in csv.records().enumerate() {
        let line = row + 2;
        let record = record.map_err(|error| {
            InputError(text!(
                "conform-error-log-line",
                line = line.to_string(),
                message = error.to_string()
            ))
        })?;
        let field = |index: usize| record.get(index).unwrap_or_default().trim();
        let optional = |index: Option<usize>| {
            index
                .map(field)
                .filter(|text| !text.is_empty())
                .map(str::to_string)
        };
        if field(case).is_empty() {
            return Err(InputError(text!(
                "conform-error-no-case-id",
                line = line.to_string()
            )));
        }
        if field(activity).is_empty() {
            return Err(InputError(text!(
                "conform-error-no-activity",
                line = line.to_string()
            )));
        }
        let at = parse_timestamp(field(timestamp)).map_err(|message| {
            InputError(text!(
                "conform-error-log-line",
                line = line.to_string(),
                message = message
            ))
        })?;
        let values: BTreeMap<String, String> = attributes
            .iter()
            .filter(|(_, index)| !field(*index).is_empty())
            .map(|(name, index)| (name.clone(), field(*index).to_string()))
            .collect();
        event(
            field(case),
            values,
            LogEvent {
                activity: field(activity).to_string(),
                at,
                resource: optional(resource),
                lifecycle: optional(lifecycle)
                    .map_or(Lifecycle::Complete, |text| Lifecycle::read(&text)),
                outcome: optional(outcome),
                place: Place::Line(line),
                values: BTreeMap::new(),
            },
        )?;
        rows += 1;
    }
    Ok(rows)
}

/// Who holds which role: the staff directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Staff {
    /// For each person, the roles they hold and their departments.
    people: HashMap<String, Vec<(String, Option<String>)>>,
}

impl Staff {
    /// Whether `person` holds the role or belongs to the department `unit`.
    pub fn holds(&self, person: &str, unit: &str) -> bool {
        self.people.get(person).is_some_and(|posts| {
            posts
                .iter()
                .any(|(role, department)| role == unit || department.as_deref() == Some(unit))
        })
    }

    /// The roles `person` holds, in the directory's order.
    pub fn roles_of(&self, person: &str) -> Vec<&str> {
        self.people
            .get(person)
            .map(|posts| posts.iter().map(|(role, _)| role.as_str()).collect())
            .unwrap_or_default()
    }

    /// Whether the directory knows `person`.
    pub fn knows(&self, person: &str) -> bool {
        self.people.contains_key(person)
    }
}

/// Reads a staff directory: CSV with the columns `person`, `role` and
/// (optional) `department`, one post a row (a person holding two roles is
/// on two rows). Every role must be a role of the project (`role_department`
/// gives each known role's department), and a department given must be the
/// role's.
pub fn read_staff(
    reader: impl Read,
    role_department: impl Fn(&str) -> Option<Option<String>>,
) -> Result<Staff, InputError> {
    let mut csv = csv::ReaderBuilder::new().from_reader(reader);
    let headers = csv
        .headers()
        .map_err(|error| {
            InputError(text!(
                "conform-error-staff-header",
                error = error.to_string()
            ))
        })?
        .clone();
    let column = |name: &str| headers.iter().position(|header| header.trim() == name);
    let (Some(person), Some(role)) = (column("person"), column("role")) else {
        return Err(InputError(text!(
            "conform-error-staff-columns",
            columns = headers.iter().map(Text::verbatim).collect::<Vec<_>>()
        )));
    };
    let department = column("department");
    let mut staff = Staff::default();
    for (row, record) in csv.records().enumerate() {
        let line = row + 2;
        let record = record.map_err(|error| {
            InputError(text!(
                "conform-error-staff-line",
                line = line.to_string(),
                message = error.to_string()
            ))
        })?;
        let field = |index: usize| record.get(index).unwrap_or_default().trim().to_string();
        let (who, post) = (field(person), field(role));
        if who.is_empty() || post.is_empty() {
            return Err(InputError(text!(
                "conform-error-staff-row",
                line = line.to_string()
            )));
        }
        let Some(role_department) = role_department(&post) else {
            return Err(InputError(text!(
                "conform-error-staff-unknown-role",
                line = line.to_string(),
                role = post
            )));
        };
        let given = department.map(field).filter(|text| !text.is_empty());
        if let Some(given) = &given
            && role_department.as_ref() != Some(given)
        {
            return Err(InputError(match role_department {
                Some(department) => text!(
                    "conform-error-staff-department",
                    line = line.to_string(),
                    role = post,
                    department = department,
                    given = given
                ),
                None => text!(
                    "conform-error-staff-no-department",
                    line = line.to_string(),
                    role = post,
                    given = given
                ),
            }));
        }
        staff
            .people
            .entry(who)
            .or_default()
            .push((post, role_department));
    }
    Ok(staff)
}
