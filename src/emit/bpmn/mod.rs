//! BPMN 2.0 export for Camunda 8 / Zeebe and SpiffWorkflow.
//!
//! Built from the JSON IR ([`crate::ir`]), so an engine running the
//! BPMN and one reading the IR see the same process: [`graph`] decides the
//! BPMN elements, [`arrange`] puts them in the order of the other diagrams
//! ([`crate::emit::diagram::Arrangement`]), [`layout`] where they are drawn
//! (BPMN DI), [`write`] the
//! XML in one [`Dialect`]. The contract with engines (`docs/bpmn.md`): the
//! process id is the process name, a step's task id is the step name with
//! the label as its name, inputs are process variables named as the inputs,
//! and a task is completed by setting the variable `outcome` to `next` or
//! to an outcome's name.

pub mod arrange;
pub mod condition;
pub mod due;
pub mod form;
pub mod graph;
pub mod layout;
pub mod people;
mod write;

use crate::check::CheckedProject;
use crate::ir::{self, DurationInfo, UnitName};
use crate::model::calendar::Calendar;

/// The engine a BPMN file is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dialect {
    /// Camunda 8 / Zeebe: FEEL, `zeebe:*` extensions, static timers.
    Zeebe,
    /// SpiffWorkflow: Python expressions, `spiffworkflow:properties`.
    Spiff,
}

impl Dialect {
    /// The dialect's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Zeebe => "zeebe",
            Dialect::Spiff => "spiff",
        }
    }
}

/// The Camunda version the Zeebe dialect's files name as their execution
/// platform (they run on Camunda 8.5 to 8.8, docs/bpmn.md).
pub const EXECUTION_PLATFORM_VERSION: &str = "8.8.0";

/// Why a process cannot be exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BpmnError {
    /// The process.
    pub process: String,
    /// What is wrong.
    pub problem: graph::GraphError,
}

impl std::fmt::Display for BpmnError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let process = &self.process;
        match &self.problem {
            graph::GraphError::DuplicateId(id) => write!(
                f,
                "process `{process}`: two BPMN elements would have the id `{id}` (BPMN ids are unique in a file); rename the step, decision, block or end called `{id}` (a step may not share the name of its process)"
            ),
            graph::GraphError::BranchEnteredFromOutside { step, block, from } => write!(
                f,
                "process `{process}`: `{from}` leads into `{step}`, a branch of parallel block `{block}`; in BPMN a branch runs only inside its block: lead to `{block}` instead"
            ),
        }
    }
}

impl std::error::Error for BpmnError {}

/// The BPMN text of every process, with the process names.
pub fn documents(
    checked: &CheckedProject<'_>,
    calendar: &Calendar,
    dialect: Dialect,
) -> Result<Vec<(String, String)>, BpmnError> {
    exported(checked, calendar, dialect).map(|processes| {
        processes
            .into_iter()
            .map(|process| (process.name, process.bpmn))
            .collect()
    })
}

/// Files to write: each file's name and text.
pub type Files = Vec<(String, String)>;

/// Every file the export writes for each process, with the process names:
/// `<process>.bpmn`, and in the Zeebe dialect `<process>.<step>.form` for
/// each user task ([`form`]).
pub fn files(
    checked: &CheckedProject<'_>,
    calendar: &Calendar,
    dialect: Dialect,
) -> Result<Vec<(String, Files)>, BpmnError> {
    exported(checked, calendar, dialect).map(|processes| {
        processes
            .into_iter()
            .map(|process| {
                let mut files = vec![(format!("{}.bpmn", process.name), process.bpmn)];
                files.extend(
                    process
                        .forms
                        .into_iter()
                        .map(|(step, text)| (format!("{}.{step}.form", process.name), text)),
                );
                (process.name, files)
            })
            .collect()
    })
}

/// One process as exported: its BPMN and the forms of its user tasks (by
/// step; none in the Spiff dialect).
struct Exported {
    name: String,
    bpmn: String,
    forms: Vec<(String, String)>,
}

fn exported(
    checked: &CheckedProject<'_>,
    calendar: &Calendar,
    dialect: Dialect,
) -> Result<Vec<Exported>, BpmnError> {
    let documents = ir::documents(checked);
    let called: std::collections::BTreeSet<&str> = documents
        .iter()
        .flat_map(|(_, document)| &document.nodes)
        .filter_map(|node| node.call.as_ref())
        .map(|call| call.process.as_str())
        .collect();
    let owners = graph::process_owners(documents.iter().map(|(_, document)| document));
    documents
        .iter()
        .map(|(name, document)| {
            let is_called = called.contains(document.process.name.as_str());
            let mut graph =
                graph::build(document, is_called, &owners, dialect).map_err(|problem| {
                    BpmnError {
                        process: name.clone(),
                        problem,
                    }
                })?;
            let project = checked.project();
            if let Some(process) = project
                .processes
                .iter()
                .find(|process| process.name == document.process.name)
            {
                arrange::arrange(&mut graph, project, process, document);
            }
            let bpmn = write::document(document, &graph, calendar, dialect, is_called);
            let forms = match dialect {
                Dialect::Zeebe => form::forms(&graph),
                Dialect::Spiff => Vec::new(),
            };
            Ok(Exported {
                name: name.clone(),
                bpmn,
                forms,
            })
        })
        .collect()
}

/// A duration as an ISO-8601 duration both engines time and FEEL's
/// `duration()` (feel-scala: days-time or years-months durations only)
/// accepts: minutes, hours, days, months and years as written (`PT30M`,
/// `P1M`); weeks as days (`2 weeks` = `P14D`, never `P2W`); business days
/// converted through the working calendar (one business day = 7 /
/// working-days-a-week calendar days, so `2 business days` = `P2DT19H12M`
/// on a five-day week).
pub(crate) fn iso_duration(duration: &DurationInfo, calendar: &Calendar) -> String {
    match duration.unit {
        UnitName::Week => return format!("P{}D", duration.amount.saturating_mul(7)),
        UnitName::BusinessDay => {}
        UnitName::Minute | UnitName::Hour | UnitName::Day | UnitName::Month | UnitName::Year => {
            if let Some(iso) = &duration.iso8601 {
                return iso.clone();
            }
        }
    }
    let minutes = calendar.business_days_as_calendar_minutes(duration.amount);
    let (days, rest) = (minutes / (24 * 60), minutes % (24 * 60));
    let (hours, minutes) = (rest / 60, rest % 60);
    let mut text = String::from("P");
    if days > 0 {
        text.push_str(&format!("{days}D"));
    }
    if hours > 0 || minutes > 0 {
        text.push('T');
        if hours > 0 {
            text.push_str(&format!("{hours}H"));
        }
        if minutes > 0 {
            text.push_str(&format!("{minutes}M"));
        }
    }
    if text == "P" {
        text.push_str("T0S");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn business_days(amount: u64) -> DurationInfo {
        DurationInfo {
            amount,
            unit: UnitName::BusinessDay,
            business: true,
            iso8601: None,
            text: format!("{amount} business days"),
        }
    }

    #[test]
    fn business_days_become_calendar_time_exactly() {
        let calendar = Calendar::default();
        assert_eq!(iso_duration(&business_days(5), &calendar), "P7D");
        assert_eq!(iso_duration(&business_days(2), &calendar), "P2DT19H12M");
        assert_eq!(iso_duration(&business_days(1), &calendar), "P1DT9H36M");
        assert_eq!(iso_duration(&business_days(0), &calendar), "PT0S");
        let six_days = Calendar {
            working_days: vec![
                chrono::Weekday::Mon,
                chrono::Weekday::Tue,
                chrono::Weekday::Wed,
                chrono::Weekday::Thu,
                chrono::Weekday::Fri,
                chrono::Weekday::Sat,
            ],
            ..Calendar::default()
        };
        assert_eq!(iso_duration(&business_days(3), &six_days), "P3DT12H");
    }

    #[test]
    fn weeks_are_days_and_other_units_stay_as_written() {
        let calendar = Calendar::default();
        let of = |amount, unit, iso: &str| DurationInfo {
            amount,
            unit,
            business: false,
            iso8601: Some(iso.to_string()),
            text: String::new(),
        };
        let cases = [
            (of(30, UnitName::Minute, "PT30M"), "PT30M"),
            (of(4, UnitName::Hour, "PT4H"), "PT4H"),
            (of(3, UnitName::Day, "P3D"), "P3D"),
            (of(2, UnitName::Week, "P2W"), "P14D"),
            (of(1, UnitName::Month, "P1M"), "P1M"),
            (of(1, UnitName::Year, "P1Y"), "P1Y"),
        ];
        for (duration, expected) in cases {
            assert_eq!(iso_duration(&duration, &calendar), expected);
        }
    }
}
