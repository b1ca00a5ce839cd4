//! `flowc.toml`: the project's configuration.
//!
//! ```toml
//! exclude = ["drafts/**"]   # paths (globs, relative to the root) left out
//!
//! [rules]                  # severity per rule: "error", "warning" or "off"
//! missing-deadline = "warning"
//!
//! [calendar]               # the working calendar durations are compared in
//! working-days = ["mon", "tue", "wed", "thu", "fri"]
//! hours-per-day = 8
//! day-starts = "09:00"
//! holidays = ["2026-10-01"]
//! ```
//!
//! Unknown keys are errors. `docs/configuration.md` documents every key.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime, Weekday};
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;

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
    /// The files left out of the project.
    pub exclude: Exclude,
}

/// `exclude`: glob patterns, relative to the project root, of files that
/// are not part of the project.
#[derive(Debug, Clone, Default)]
pub struct Exclude {
    patterns: Vec<String>,
    set: GlobSet,
}

impl PartialEq for Exclude {
    fn eq(&self, other: &Self) -> bool {
        self.patterns == other.patterns
    }
}

impl Exclude {
    /// Compiles the patterns as written in `flowc.toml`.
    pub fn new(patterns: Vec<String>) -> Result<Exclude, String> {
        let mut builder = GlobSetBuilder::new();
        for pattern in &patterns {
            let normalised = pattern
                .trim_start_matches("./")
                .trim_start_matches('/')
                .trim_end_matches('/');
            if normalised.is_empty() {
                return Err(format!(
                    "exclude: \"{pattern}\" matches no path; write a glob relative to the project root, e.g. \"drafts/**\""
                ));
            }
            let glob = GlobBuilder::new(normalised)
                .literal_separator(true)
                .build()
                .map_err(|error| {
                    format!(
                        "exclude: \"{pattern}\" is not a glob pattern: {}; e.g. \"drafts/**\" or \"**/*.draft.flow\"",
                        error.kind()
                    )
                })?;
            builder.add(glob);
        }
        let set = builder
            .build()
            .map_err(|error| format!("exclude: {error}"))?;
        Ok(Exclude { patterns, set })
    }

    /// Whether the file at `relative` (relative to the root, `/`-separated)
    /// is excluded: a pattern matches it or one of its directories.
    pub fn excludes(&self, relative: &str) -> bool {
        if self.patterns.is_empty() {
            return false;
        }
        relative
            .match_indices('/')
            .map(|(end, _)| &relative[..end])
            .chain(std::iter::once(relative))
            .any(|path| self.set.is_match(path))
    }

    /// The patterns as written.
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }
}

/// `flowc.toml` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<String, RuleLevel>,
    #[serde(default)]
    calendar: CalendarSection,
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
        let file: ConfigFile = toml::from_str(text).map_err(|error| worded(&error.to_string()))?;
        Ok(Config {
            rules: file.rules,
            calendar: calendar(file.calendar)?,
            exclude: Exclude::new(file.exclude)?,
        })
    }
}

/// The parser's message, with an unknown field called what it is to the
/// user: a key, listed with the valid ones.
fn worded(message: &str) -> String {
    if !message.contains("unknown field") {
        return message.to_string();
    }
    message
        .replace("unknown field", "unknown key")
        .replace(", expected one of ", "; the valid keys here are ")
        .replace(", expected ", "; the valid keys here are ")
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
    }

    #[test]
    fn unknown_keys_list_the_valid_ones() {
        let error = Config::parse("excluded = []\n").expect_err("invalid");
        for key in ["`exclude`", "`rules`", "`calendar`"] {
            assert!(error.contains(key), "{key} missing from: {error}");
        }
        let error = Config::parse("[calendar]\nhours = 8\n").expect_err("invalid");
        for key in [
            "`working-days`",
            "`hours-per-day`",
            "`day-starts`",
            "`holidays`",
        ] {
            assert!(error.contains(key), "{key} missing from: {error}");
        }
    }

    #[test]
    fn exclude_matches_files_and_directories_relative_to_the_root() {
        let config =
            Config::parse("exclude = [\"drafts/**\", \"archive\", \"*.old.flow\", \"./tmp/\"]\n")
                .expect("valid");
        let excluded = |path: &str| config.exclude.excludes(path);
        assert!(excluded("drafts/a.flow"));
        assert!(excluded("drafts/deep/b.flow"));
        assert!(excluded("archive/2019/c.flow"));
        assert!(excluded("claim.old.flow"));
        assert!(excluded("tmp/x.flow"));
        assert!(
            !excluded("sub/claim.old.flow"),
            "`*` stays within a directory"
        );
        assert!(!excluded("drafts.flow"));
        assert!(!excluded("processes/drafts.flow"));
        assert!(!excluded("claim.flow"));
    }

    #[test]
    fn bad_exclude_patterns_are_errors() {
        let error = Config::parse("exclude = [\"drafts/[\"]\n").expect_err("invalid");
        assert!(
            error.contains("\"drafts/[\" is not a glob pattern"),
            "{error}"
        );
        let error = Config::parse("exclude = [\"/\"]\n").expect_err("invalid");
        assert!(error.contains("matches no path"), "{error}");
    }
}
