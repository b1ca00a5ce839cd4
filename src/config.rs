//! `flowc.toml`: the project's configuration.
//!
//! ```toml
//! [rules]                  # severity per rule: "error", "warning" or "off"
//! missing-deadline = "warning"
//!
//! [calendar]               # the working calendar durations are compared in
//! working-days = ["mon", "tue", "wed", "thu", "fri"]
//! hours-per-day = 8
//! day-starts = "09:00"
//! holidays = ["2026-10-01"]
//!
//! [diff]                   # class per change kind: "major", "minor" or "off"
//! label-changed = "major"
//! ```
//!
//! Unknown keys are errors. `docs/configuration.md` documents every key.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::Deserialize;

use crate::diff::policy::DiffPolicy;
use crate::model::calendar::Calendar;

/// What the configuration says about a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    /// Report as an error.
    Error,
    /// Report as a warning.
    Warning,
    /// Do not run the rule.
    Off,
}

/// The project's configuration, validated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// Severity per rule name.
    pub rules: BTreeMap<String, RuleLevel>,
    /// The working calendar.
    pub calendar: Calendar,
    /// How `flowc diff` classifies changes.
    pub diff: DiffPolicy,
}

/// `flowc.toml` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    rules: BTreeMap<String, RuleLevel>,
    #[serde(default)]
    calendar: CalendarSection,
    #[serde(default)]
    diff: BTreeMap<String, String>,
}

/// `[calendar]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct CalendarSection {
    working_days: Option<Vec<String>>,
    hours_per_day: Option<u32>,
    day_starts: Option<String>,
    #[serde(default)]
    holidays: Vec<String>,
}

impl Config {
    /// Parses and validates the text of a `flowc.toml`.
    pub fn parse(text: &str) -> Result<Config, String> {
        let file: ConfigFile = toml::from_str(text).map_err(|error| error.to_string())?;
        Ok(Config {
            rules: file.rules,
            calendar: calendar(file.calendar)?,
            diff: DiffPolicy::from_table(&file.diff)?,
        })
    }
}

fn calendar(section: CalendarSection) -> Result<Calendar, String> {
    let mut calendar = Calendar::default();
    if let Some(days) = section.working_days {
        calendar.working_days = days
            .iter()
            .map(|day| weekday(day))
            .collect::<Result<_, _>>()?;
        calendar.working_days.dedup();
        if calendar.working_days.is_empty() {
            return Err("[calendar] working-days is empty: name at least one day, e.g. [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]".to_string());
        }
    }
    if let Some(hours) = section.hours_per_day {
        if !(1..=24).contains(&hours) {
            return Err(format!(
                "[calendar] hours-per-day = {hours}: write a number of hours from 1 to 24"
            ));
        }
        calendar.hours_per_day = hours;
    }
    if let Some(start) = section.day_starts {
        calendar.day_starts = NaiveTime::parse_from_str(&start, "%H:%M").map_err(|_| {
            format!(
                "[calendar] day-starts = \"{start}\": write a time as \"HH:MM\", e.g. \"09:00\""
            )
        })?;
    }
    for holiday in section.holidays {
        let date = NaiveDate::parse_from_str(&holiday, "%Y-%m-%d").map_err(|_| {
            format!("[calendar] holidays: \"{holiday}\" is not a date; write \"YYYY-MM-DD\"")
        })?;
        calendar.holidays.insert(date);
    }
    Ok(calendar)
}

fn weekday(name: &str) -> Result<Weekday, String> {
    let day = match name.to_ascii_lowercase().as_str() {
        "mon" | "monday" => Weekday::Mon,
        "tue" | "tuesday" => Weekday::Tue,
        "wed" | "wednesday" => Weekday::Wed,
        "thu" | "thursday" => Weekday::Thu,
        "fri" | "friday" => Weekday::Fri,
        "sat" | "saturday" => Weekday::Sat,
        "sun" | "sunday" => Weekday::Sun,
        _ => {
            return Err(format!(
                "[calendar] working-days: \"{name}\" is not a day; use \"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\" or \"sun\""
            ));
        }
    };
    Ok(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_is_the_default() {
        assert_eq!(Config::parse("").expect("valid"), Config::default());
    }

    #[test]
    fn the_calendar_can_be_set() {
        let config = Config::parse(
            "[calendar]\nworking-days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\"]\nhours-per-day = 7\nday-starts = \"08:30\"\nholidays = [\"2026-10-01\"]\n",
        )
        .expect("valid");
        assert_eq!(config.calendar.working_days.len(), 6);
        assert_eq!(config.calendar.hours_per_day, 7);
        assert!(
            !config
                .calendar
                .is_working_day(NaiveDate::from_ymd_opt(2026, 10, 1).expect("date"))
        );
    }

    #[test]
    fn bad_values_say_what_to_write() {
        let error = Config::parse("[calendar]\nhours-per-day = 30\n").expect_err("invalid");
        assert!(error.contains("from 1 to 24"), "{error}");
        let error =
            Config::parse("[calendar]\nworking-days = [\"funday\"]\n").expect_err("invalid");
        assert!(error.contains("\"funday\" is not a day"), "{error}");
        let error = Config::parse("[calender]\n").expect_err("invalid");
        assert!(error.contains("calender"), "{error}");
        let error = Config::parse("[diff]\nstep-gone = \"major\"\n").expect_err("invalid");
        assert!(error.contains("unknown change kind `step-gone`"), "{error}");
    }
}
