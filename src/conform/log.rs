//! Reading what happened: event logs (CSV with a column mapping, XES plain
//! or gzipped) and the staff directory.
//!
//! A log is read case by case as a stream: XES holds one case a trace; a
//! CSV log's rows are grouped by case as they come, and a case is handed
//! on as soon as its replay reaches an end (see [`super::check_log`]), so
//! memory follows the number of open cases, not the size of the log.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use process_mining::core::event_data::case_centric::xes::{
    XESImportOptions, XESParseError, stream_xes_bufread,
};
use process_mining::core::event_data::case_centric::{AttributeValue, Attributes};

/// Why a log or directory could not be read; the message names the place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
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
    fn read(text: &str) -> Lifecycle {
        match text.trim().to_ascii_lowercase().as_str() {
            "" | "complete" | "completed" | "end" | "done" => Lifecycle::Complete,
            "start" | "started" | "begin" => Lifecycle::Start,
            other => Lifecycle::Other(other.to_string()),
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
    pub place: String,
    /// Values the event carries besides the standard ones (XES event
    /// attributes: the values a step recorded); a CSV row's other columns
    /// are its case's attributes instead.
    pub values: BTreeMap<String, String>,
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
            Err(InputError(format!(
                "{}: a log is a `.csv`, `.xes` or `.xes.gz` file",
                path.display()
            )))
        }
    }
}

/// Reads a timestamp: RFC 3339 with a time zone (`2026-03-02T09:30:00+08:00`,
/// a space for the `T` allowed), kept as the local time written.
pub fn parse_timestamp(text: &str) -> Result<NaiveDateTime, String> {
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
            Err(format!(
                "the timestamp `{text}` has no time zone; write it as `{text}+08:00` (or `Z` for UTC), so deadlines are counted in the right hours"
            ))
        }
        Err(_) => Err(format!(
            "`{text}` is not a timestamp; write RFC 3339 with a time zone, such as `2026-03-02T09:30:00+08:00`"
        )),
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
        .map_err(|error| InputError(format!("the log's header row: {error}")))?
        .clone();
    let column = |name: &str| headers.iter().position(|header| header.trim() == name);
    let required = |field: &str, name: &str| {
        column(name).ok_or_else(|| {
            InputError(format!(
                "the log has no column `{name}` for the {field} (its columns: {}); name the column with `--map {field}=COLUMN`",
                headers.iter().collect::<Vec<_>>().join(", ")
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
            return Err(InputError(format!(
                "the log has no column `{wanted}` for the value `{name}`"
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
        let record =
            record.map_err(|error| InputError(format!("line {line} of the log: {error}")))?;
        let field = |index: usize| record.get(index).unwrap_or_default().trim();
        let optional = |index: Option<usize>| {
            index
                .map(field)
                .filter(|text| !text.is_empty())
                .map(str::to_string)
        };
        if field(case).is_empty() {
            return Err(InputError(format!("line {line} of the log has no case id")));
        }
        if field(activity).is_empty() {
            return Err(InputError(format!(
                "line {line} of the log has no activity"
            )));
        }
        let at = parse_timestamp(field(timestamp))
            .map_err(|message| InputError(format!("line {line} of the log: {message}")))?;
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
                place: format!("line {line}"),
                values: BTreeMap::new(),
            },
        )?;
        rows += 1;
    }
    Ok(rows)
}

/// Reads an XES log (IEEE 1849), plain or gzipped, with the `process_mining`
/// crate's streaming parser, and hands on each trace as a case. Events use
/// `concept:name`, `time:timestamp`, `org:resource`, `lifecycle:transition`
/// and `outcome`; trace attributes other than `concept:name` are case
/// attributes.
pub fn read_xes(
    reader: impl std::io::BufRead,
    gzipped: bool,
    mut case: impl FnMut(LogCase) -> Result<(), InputError>,
) -> Result<usize, InputError> {
    let (mut stream, _log_data) = stream_xes_bufread(reader, gzipped, XESImportOptions::default())
        .map_err(|error| {
            InputError(format!("the XES log does not parse: {}", xes_error(&error)))
        })?;
    let mut count = 0;
    for (trace_index, trace) in (&mut stream).enumerate() {
        let trace_number = trace_index + 1;
        let mut attributes = text_attributes(&trace.attributes);
        let id = attributes
            .remove("concept:name")
            .unwrap_or_else(|| format!("trace {trace_number}"));
        let mut events = Vec::with_capacity(trace.events.len());
        for (event_index, event) in trace.events.iter().enumerate() {
            let place = format!(
                "trace {trace_number} (case {id}), event {}",
                event_index + 1
            );
            let mut values = text_attributes(&event.attributes);
            let activity = values.get("concept:name").cloned().ok_or_else(|| {
                InputError(format!("{place} has no `concept:name` (the activity)"))
            })?;
            let at = event
                .attributes
                .iter()
                .find(|attribute| attribute.key == "time:timestamp")
                .and_then(|attribute| attribute.value.try_as_date().copied())
                .ok_or_else(|| InputError(format!("{place} has no `time:timestamp`")))?;
            let resource = values.remove("org:resource");
            let lifecycle = values
                .remove("lifecycle:transition")
                .map_or(Lifecycle::Complete, |text| Lifecycle::read(&text));
            let outcome = values.remove("outcome");
            for standard in ["concept:name", "time:timestamp"] {
                values.remove(standard);
            }
            events.push(LogEvent {
                activity,
                at: at.naive_local(),
                resource,
                lifecycle,
                outcome,
                place,
                values,
            });
        }
        case(LogCase {
            id,
            attributes,
            events,
        })?;
        count += 1;
    }
    if let Some(error) = stream.check_for_errors() {
        return Err(InputError(format!(
            "the XES log does not parse after {count} traces: {}",
            xes_error(&error)
        )));
    }
    Ok(count)
}

/// An XES parse error in words: the XML error when there is one.
fn xes_error(error: &XESParseError) -> String {
    match error {
        XESParseError::XMLParsingError(xml) => format!("it is not well-formed XML ({xml})"),
        XESParseError::IOError(io) => format!("it cannot be read ({io})"),
        XESParseError::NoTopLevelLog => "it has no `<log>` element".to_string(),
        other => format!("{other:?}"),
    }
}

/// The attributes that have a text form, by key.
fn text_attributes(attributes: &Attributes) -> BTreeMap<String, String> {
    attributes
        .iter()
        .filter_map(|attribute| {
            let text = match &attribute.value {
                AttributeValue::String(text) => text.clone(),
                AttributeValue::Int(number) => number.to_string(),
                AttributeValue::Float(number) => number.to_string(),
                AttributeValue::Boolean(flag) => if *flag { "yes" } else { "no" }.to_string(),
                AttributeValue::Date(date) => date.to_rfc3339(),
                _ => return None,
            };
            Some((attribute.key.clone(), text))
        })
        .collect()
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
        .map_err(|error| InputError(format!("the staff directory's header row: {error}")))?
        .clone();
    let column = |name: &str| headers.iter().position(|header| header.trim() == name);
    let (Some(person), Some(role)) = (column("person"), column("role")) else {
        return Err(InputError(format!(
            "the staff directory needs the columns `person` and `role` (and may have `department`); its header is: {}",
            headers.iter().collect::<Vec<_>>().join(", ")
        )));
    };
    let department = column("department");
    let mut staff = Staff::default();
    for (row, record) in csv.records().enumerate() {
        let line = row + 2;
        let record = record
            .map_err(|error| InputError(format!("line {line} of the staff directory: {error}")))?;
        let field = |index: usize| record.get(index).unwrap_or_default().trim().to_string();
        let (who, post) = (field(person), field(role));
        if who.is_empty() || post.is_empty() {
            return Err(InputError(format!(
                "line {line} of the staff directory: every row names a person and a role"
            )));
        }
        let Some(role_department) = role_department(&post) else {
            return Err(InputError(format!(
                "line {line} of the staff directory: `{post}` is not a role of the project"
            )));
        };
        let given = department.map(field).filter(|text| !text.is_empty());
        if let Some(given) = &given
            && role_department.as_ref() != Some(given)
        {
            return Err(InputError(format!(
                "line {line} of the staff directory: role `{post}` is in {}, not in `{given}`",
                role_department.map_or("no department".to_string(), |d| format!("`{d}`"))
            )));
        }
        staff
            .people
            .entry(who)
            .or_default()
            .push((post, role_department));
    }
    Ok(staff)
}
