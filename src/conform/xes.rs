//! Reading XES logs (IEEE 1849), plain or gzipped, with `quick-xml`'s pull
//! parser: one trace at a time, each attribute read straight into the
//! case's values or the event's fields, so memory follows the largest
//! trace and no attribute is built that is not used.
//!
//! Per trace: `concept:name` is the case id and every other attribute a
//! case value (inputs, `applicant`). Per event: `concept:name` (the
//! activity), `time:timestamp`, `org:resource`, `lifecycle:transition`,
//! `outcome`, and every other attribute a value the step recorded. Only the
//! attributes directly in a trace or an event count; lists, containers and
//! the attributes nested in an attribute are passed over, as are the log's
//! own attributes, extensions, globals and classifiers.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};

use chrono::NaiveDateTime;

use flate2::bufread::MultiGzDecoder;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::i18n::Text;
use crate::text;

use super::log::{InputError, Lifecycle, LogCase, LogEvent, Place, parse_timestamp};

/// Reads an XES log and hands on each trace as a case; returns how many.
pub fn read_xes(
    reader: impl BufRead,
    gzipped: bool,
    case: impl FnMut(LogCase) -> Result<(), InputError>,
) -> Result<usize, InputError> {
    if gzipped {
        read_traces(BufReader::new(MultiGzDecoder::new(reader)), case)
    } else {
        read_traces(reader, case)
    }
}

/// Where the parser is: the elements open around it that matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// `<log>`.
    Log,
    /// `<trace>` in the log.
    Trace,
    /// `<event>` in a trace.
    Event,
    /// Anything else (an attribute's nested attributes, globals, ...).
    Other,
}

impl Open {
    /// How the end of a file inside this element is named.
    fn inside(self) -> Text {
        let element = match self {
            Open::Log => "log",
            Open::Trace => "trace",
            Open::Event => "event",
            Open::Other => "other",
        };
        text!("conform-xes-element", element = element)
    }
}

/// The trace being read.
#[derive(Debug, Default)]
struct TraceBeingRead {
    attributes: BTreeMap<String, String>,
    events: Vec<EventBeingRead>,
}

/// An event being read: the standard attributes in their fields (read
/// without building a map of them), the others in their text form.
#[derive(Debug, Default)]
struct EventBeingRead {
    activity: Option<String>,
    at: Option<Result<NaiveDateTime, Text>>,
    resource: Option<String>,
    lifecycle: Option<Lifecycle>,
    outcome: Option<String>,
    values: BTreeMap<String, String>,
}

impl EventBeingRead {
    /// Takes one attribute of the event.
    fn take(&mut self, key: Cow<'_, str>, value: Cow<'_, str>) {
        match key.as_ref() {
            "concept:name" => self.activity = Some(value.into_owned()),
            "time:timestamp" => self.at = Some(parse_timestamp(&value)),
            "org:resource" => self.resource = Some(value.into_owned()),
            "lifecycle:transition" => self.lifecycle = Some(Lifecycle::read(&value)),
            "outcome" => self.outcome = Some(value.into_owned()),
            _ => {
                self.values.insert(key.into_owned(), value.into_owned());
            }
        }
    }

    /// The log event, once the event is read whole; `case` is its case's
    /// id, for the place an error names.
    fn finished(self, place: Place, case: &str) -> Result<LogEvent, InputError> {
        let activity = self.activity.ok_or_else(|| {
            InputError(text!(
                "conform-error-event-no-activity",
                place = place.text(case)
            ))
        })?;
        let at = self
            .at
            .ok_or_else(|| {
                InputError(text!(
                    "conform-error-event-no-time",
                    place = place.text(case)
                ))
            })?
            .map_err(|message| {
                InputError(text!(
                    "conform-error-event",
                    place = place.text(case),
                    message = message
                ))
            })?;
        Ok(LogEvent {
            activity,
            at,
            resource: self.resource,
            lifecycle: self.lifecycle.unwrap_or(Lifecycle::Complete),
            outcome: self.outcome,
            place,
            values: self.values,
        })
    }
}

fn read_traces(
    reader: impl BufRead,
    mut case: impl FnMut(LogCase) -> Result<(), InputError>,
) -> Result<usize, InputError> {
    let mut xml = Reader::from_reader(reader);
    let mut buffer = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut saw_log = false;
    let mut trace = TraceBeingRead::default();
    let mut count = 0;
    loop {
        let event = xml.read_event_into(&mut buffer).map_err(|error| {
            InputError(text!(
                "conform-error-xes-not-xml",
                traces = count,
                error = error.to_string(),
                byte = xml.error_position().to_string()
            ))
        })?;
        match event {
            Event::Start(element) => {
                let entered = enter(&element, open.last().copied(), &mut trace)?;
                saw_log |= entered == Open::Log;
                open.push(entered);
            }
            Event::Empty(element) => {
                let entered = enter(&element, open.last().copied(), &mut trace)?;
                saw_log |= entered == Open::Log;
            }
            Event::End(_) => match open.pop() {
                Some(Open::Trace) => {
                    count += 1;
                    case(finished(std::mem::take(&mut trace), count)?)?;
                }
                Some(Open::Log | Open::Event | Open::Other) | None => {}
            },
            Event::Eof => match open.last() {
                Some(inside) => {
                    return Err(InputError(text!(
                        "conform-error-xes-ends-inside",
                        traces = count,
                        element = inside.inside()
                    )));
                }
                None => break,
            },
            _ => {}
        }
        buffer.clear();
    }
    if !saw_log {
        return Err(InputError(text!("conform-error-xes-no-log")));
    }
    Ok(count)
}

/// Takes an element opened (or empty) inside `parent`: a trace or an event
/// starts, an attribute of a trace or an event is kept.
fn enter(
    element: &BytesStart<'_>,
    parent: Option<Open>,
    trace: &mut TraceBeingRead,
) -> Result<Open, InputError> {
    let name = element.local_name();
    Ok(match (parent, name.as_ref()) {
        (None, b"log") => Open::Log,
        (Some(Open::Log), b"trace") => {
            *trace = TraceBeingRead::default();
            Open::Trace
        }
        (Some(Open::Trace), b"event") => {
            trace.events.push(EventBeingRead::default());
            Open::Event
        }
        (Some(Open::Trace), kind) => {
            if let Some((key, value)) = attribute(element, kind)? {
                trace
                    .attributes
                    .insert(key.into_owned(), value.into_owned());
            }
            Open::Other
        }
        (Some(Open::Event), kind) => {
            if let (Some((key, value)), Some(event)) =
                (attribute(element, kind)?, trace.events.last_mut())
            {
                event.take(key, value);
            }
            Open::Other
        }
        _ => Open::Other,
    })
}

/// An XES attribute's key and value, borrowed from the parser's buffer
/// unless escapes had to be resolved.
type KeyValue<'e> = (Cow<'e, str>, Cow<'e, str>);

/// The key and the text form of an XES attribute element of type `kind`:
/// strings, ids, numbers and dates as written, booleans as `yes`/`no`;
/// `None` for lists and containers, which hold no value of their own.
fn attribute<'e>(
    element: &'e BytesStart<'_>,
    kind: &[u8],
) -> Result<Option<KeyValue<'e>>, InputError> {
    if !matches!(
        kind,
        b"string" | b"id" | b"int" | b"float" | b"date" | b"boolean"
    ) {
        return Ok(None);
    }
    let not_xml = |error: &dyn std::fmt::Display| {
        InputError(text!(
            "conform-error-xes-attribute",
            error = error.to_string()
        ))
    };
    let mut key = None;
    let mut value = None;
    for found in element.attributes() {
        let found = found.map_err(|error| not_xml(&error))?;
        let slot = match found.key.local_name().as_ref() {
            b"key" => &mut key,
            b"value" => &mut value,
            _ => continue,
        };
        *slot = Some(found.unescape_value().map_err(|error| not_xml(&error))?);
    }
    let (Some(key), Some(value)) = (key, value) else {
        return Ok(None);
    };
    let value = match (kind, value.trim()) {
        (b"boolean", "true") => Cow::Borrowed("yes"),
        (b"boolean", "false") => Cow::Borrowed("no"),
        _ => value,
    };
    Ok(Some((key, value)))
}

/// The case a trace read whole makes (`number` counts the traces from 1).
fn finished(mut trace: TraceBeingRead, number: usize) -> Result<LogCase, InputError> {
    let id = trace
        .attributes
        .remove("concept:name")
        .unwrap_or_else(|| format!("trace {number}"));
    let mut events = Vec::with_capacity(trace.events.len());
    for (index, event) in trace.events.into_iter().enumerate() {
        let place = Place::Event {
            trace: number,
            event: index + 1,
        };
        events.push(event.finished(place, &id)?);
    }
    Ok(LogCase {
        id,
        attributes: trace.attributes,
        events,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cases(text: &str) -> Result<Vec<LogCase>, InputError> {
        let mut found = Vec::new();
        read_xes(text.as_bytes(), false, |case| {
            found.push(case);
            Ok(())
        })?;
        Ok(found)
    }

    const LOG: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <global scope="event"><string key="concept:name" value="__INVALID__"/></global>
  <string key="concept:name" value="the log itself"/>
  <trace>
    <string key="concept:name" value="c&amp;1"/>
    <float key="amount" value="5000.10"/>
    <container key="meta"><string key="nested" value="not a case value"/></container>
    <event>
      <string key="concept:name" value="receipt"/>
      <date key="time:timestamp" value="2026-03-02T09:30:00.000+08:00"/>
      <string key="org:resource" value="wang.fang"/>
      <string key="lifecycle:transition" value="complete"/>
      <boolean key="passed" value="true"/>
      <string key="remark" value="ok"><string key="inside" value="passed over"/></string>
    </event>
  </trace>
  <trace>
    <event>
      <string key="concept:name" value="order"/>
      <date key="time:timestamp" value="2026-03-03T10:00:00Z"/>
    </event>
  </trace>
</log>"#;

    #[test]
    fn traces_events_and_their_values_are_read_as_written() {
        let found = cases(LOG).expect("reads");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].id, "c&1");
        assert_eq!(
            found[0].attributes,
            BTreeMap::from([("amount".to_string(), "5000.10".to_string())])
        );
        let event = &found[0].events[0];
        assert_eq!(event.activity, "receipt");
        assert_eq!(event.at.to_string(), "2026-03-02 09:30:00");
        assert_eq!(event.resource.as_deref(), Some("wang.fang"));
        assert_eq!(
            event.values,
            BTreeMap::from([
                ("passed".to_string(), "yes".to_string()),
                ("remark".to_string(), "ok".to_string()),
            ])
        );
        assert_eq!(found[1].id, "trace 2");
        assert_eq!(
            found[1].events[0].place.text(&found[1].id).english(),
            "trace 2 (case trace 2), event 1"
        );
    }

    #[test]
    fn a_gzipped_log_reads_the_same() {
        use std::io::Write;
        let mut zipped = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        zipped.write_all(LOG.as_bytes()).expect("compresses");
        let bytes = zipped.finish().expect("compresses");
        let mut found = Vec::new();
        read_xes(bytes.as_slice(), true, |case| {
            found.push(case);
            Ok(())
        })
        .expect("reads");
        assert_eq!(found, cases(LOG).expect("reads"));
    }

    #[test]
    fn what_cannot_be_read_is_refused_with_its_place() {
        let refused = |text: &str| cases(text).expect_err("refused").0.english();
        assert_eq!(
            refused("<trace/>"),
            "the XES log does not parse: it has no `<log>` element"
        );
        assert_eq!(
            refused("<log><trace><event>"),
            "the XES log does not parse after 0 traces: it is not well-formed XML (the file ends inside an `<event>`)"
        );
        assert!(
            refused("<log><trace></event></log>").starts_with(
                "the XES log does not parse after 0 traces: it is not well-formed XML ("
            )
        );
        assert_eq!(
            refused(
                r#"<log><trace><event><string key="concept:name" value="a"/></event></trace></log>"#
            ),
            "trace 1 (case trace 1), event 1 has no `time:timestamp`"
        );
        assert_eq!(
            refused(
                r#"<log><trace><event><string key="concept:name" value="a"/><date key="time:timestamp" value="2026-03-02T09:30:00"/></event></trace></log>"#
            ),
            "trace 1 (case trace 1), event 1: the timestamp `2026-03-02T09:30:00` has no time zone; write it as `2026-03-02T09:30:00+08:00` (or `Z` for UTC), so deadlines are counted in the right hours"
        );
    }
}
