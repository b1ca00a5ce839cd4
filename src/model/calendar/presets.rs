//! Presets of public holidays: the days off and the make-up working days
//! (調休) that a government announces each year, one data file per region
//! (`cn.toml`: mainland China), each year naming the notice it copies.
//!
//! `[calendar] holidays = "cn"` in `flowc.toml` lays a preset over the
//! working week; a year the preset has no notice for is reported by
//! [`super::Calendar::unannounced_years`] rather than silently counted as an
//! ordinary year.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Deserialize;

/// One region's announced holidays, by year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayPreset {
    /// The name used in `flowc.toml` (`"cn"`).
    pub name: String,
    /// The region, for messages.
    pub description: String,
    /// What was announced for each year.
    pub years: BTreeMap<i32, AnnouncedYear>,
}

/// What one year's notice announced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnouncedYear {
    /// The notice, by title and date.
    pub notice: String,
    /// Days off (weekend days inside a holiday period included).
    pub holidays: BTreeSet<NaiveDate>,
    /// Weekend days worked instead (make-up working days).
    pub working_days: BTreeSet<NaiveDate>,
}

/// The names of the presets flowc ships.
pub const PRESET_NAMES: &[&str] = &["cn"];

/// The preset called `name`, or an error listing the presets there are.
pub fn preset(name: &str) -> Result<HolidayPreset, String> {
    let text = match name {
        "cn" => include_str!("cn.toml"),
        _ => {
            return Err(format!(
                "[calendar] holidays: \"{name}\" is neither a date (\"YYYY-MM-DD\") nor a holiday preset; the presets are: {}",
                PRESET_NAMES.join(", ")
            ));
        }
    };
    parse(text).map_err(|error| format!("the holiday preset \"{name}\" is damaged: {error}"))
}

/// A preset file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PresetFile {
    name: String,
    description: String,
    year: Vec<YearTable>,
}

/// A `[[year]]` table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct YearTable {
    year: i32,
    notice: String,
    holidays: Vec<String>,
    working_days: Vec<String>,
}

fn parse(text: &str) -> Result<HolidayPreset, String> {
    let file: PresetFile = toml::from_str(text).map_err(|error| error.to_string())?;
    let mut years = BTreeMap::new();
    for table in file.year {
        let announced = AnnouncedYear {
            notice: table.notice,
            holidays: days(&table.holidays, table.year)?,
            working_days: days(&table.working_days, table.year)?,
        };
        if years.insert(table.year, announced).is_some() {
            return Err(format!("the year {} is given twice", table.year));
        }
    }
    Ok(HolidayPreset {
        name: file.name,
        description: file.description,
        years,
    })
}

/// Every day of a list of days and `first/last` intervals, each in `year`.
fn days(entries: &[String], year: i32) -> Result<BTreeSet<NaiveDate>, String> {
    use chrono::Datelike;
    let mut days = BTreeSet::new();
    for entry in entries {
        let (first, last) = entry.split_once('/').unwrap_or((entry, entry));
        let (first, last) = (date(first)?, date(last)?);
        if first > last || first.year() != year || last.year() != year {
            return Err(format!("\"{entry}\" is not a period of {year}"));
        }
        days.extend(first.iter_days().take_while(|day| *day <= last));
    }
    Ok(days)
}

fn date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| format!("\"{text}\" is not a date"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Weekday};

    fn day(text: &str) -> NaiveDate {
        date(text).expect("a date")
    }

    #[test]
    fn every_shipped_preset_parses() {
        for name in PRESET_NAMES {
            let preset = preset(name).expect("the preset parses");
            assert_eq!(preset.name, *name);
            assert!(!preset.years.is_empty());
        }
    }

    #[test]
    fn mainland_china_2026_is_the_notice_of_2025_11_04() {
        let preset = preset("cn").expect("cn");
        let year = &preset.years[&2026];
        assert!(year.notice.contains("2025年11月4日"));
        // 春節 2/15-2/23 (9 days), 國慶 10/1-10/7, days off in all 33.
        assert_eq!(year.holidays.len(), 3 + 9 + 3 + 5 + 3 + 3 + 7);
        assert!(year.holidays.contains(&day("2026-02-23")));
        assert!(year.holidays.contains(&day("2026-10-07")));
        assert!(!year.holidays.contains(&day("2026-10-08")));
        let worked: Vec<_> = year.working_days.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            worked,
            [
                "2026-01-04",
                "2026-02-14",
                "2026-02-28",
                "2026-05-09",
                "2026-09-20",
                "2026-10-10"
            ]
        );
    }

    #[test]
    fn make_up_days_fall_on_weekends_and_are_no_holidays() {
        let preset = preset("cn").expect("cn");
        for (year, announced) in &preset.years {
            for day in &announced.working_days {
                assert!(
                    matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
                    "{year}: make-up day {day} is not a weekend day"
                );
                assert!(!announced.holidays.contains(day), "{year}: {day} both");
            }
        }
    }

    #[test]
    fn unknown_presets_and_bad_periods_are_refused() {
        let error = preset("mars").expect_err("no such preset");
        assert!(error.contains("the presets are: cn"), "{error}");
        let error = days(&["2026-10-07/2026-10-01".to_string()], 2026).expect_err("reversed");
        assert!(error.contains("not a period of 2026"), "{error}");
        let error = days(&["2025-12-31".to_string()], 2026).expect_err("other year");
        assert!(error.contains("not a period of 2026"), "{error}");
    }
}
