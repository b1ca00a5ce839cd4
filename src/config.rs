//! `flowc.toml`: the project's configuration.
//!
//! ```toml
//! lang = "zh-Hant"          # the language of messages and outputs:
//!                          # "zh-Hant", "zh-Hans" or "en"
//! exclude = ["drafts/**"]   # paths (globs, relative to the root) left out
//!
//! [rules]                  # severity per rule: "error", "warning" or "off"
//! missing-deadline = "warning"
//!
//! [calendar]               # the working calendar durations are compared in
//! working-days = ["mon", "tue", "wed", "thu", "fri"]
//! hours-per-day = 8
//! day-starts = "09:00"
//! holidays = "cn"          # a preset of announced public holidays, or
//!                          # a list of dates and presets: ["cn", "2026-12-31"]
//! extra-working-days = ["2026-12-26"]   # weekend days worked (調休)
//! utc-offset = "+08:00"    # the company's time zone, for engine timers
//!
//! [diff]                   # class per change kind: "major", "minor" or "off"
//! label-changed = "major"
//! [limits]                 # options of the simplicity rules
//! max-steps = 20
//!
//! [[required-participant]] # legality: who must take part, in which processes
//! category = "approval"    # and/or money-above = "100000 CNY"
//! participant = "finance"  # a role, or a department (any role in it)
//! reason = "claims and contracts must pass finance (policy 7)"
//!
//! [conform]                # how `flowc conform` reads the company's logs
//! staff = "staff.csv"      # the staff directory, relative to the root
//! [conform.columns]        # the CSV column of each field (or input)
//! case = "Case ID"
//! ```
//!
//! Unknown keys are errors. `docs/configuration.md` documents every key.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, NaiveTime, Weekday};
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::i18n::{Lang, Text};

pub mod diff_policy;

use crate::model::calendar::presets;
use crate::model::calendar::{Calendar, PresetCoverage};
use crate::syntax::ast::Category;
use diff_policy::DiffPolicy;

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
    /// Options of the simplicity rules.
    pub limits: Limits,
    /// Who must take part in which processes.
    pub required_participants: Vec<RequiredParticipant>,
    /// The files left out of the project.
    pub exclude: Exclude,
    /// How `flowc conform` reads logs.
    pub conform: ConformSettings,
    /// The language the project writes in (`lang`), unless `--lang` says
    /// otherwise.
    pub lang: Option<Lang>,
}

/// `[conform]`: how `flowc conform` reads the company's event logs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConformSettings {
    /// The staff directory, relative to the project root.
    pub staff: Option<String>,
    /// The CSV column of each field (`case`, `activity`, `timestamp`,
    /// `resource`, `lifecycle`, `outcome`) or input.
    pub columns: BTreeMap<String, String>,
}

/// `[limits]`: options of the simplicity rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// The most steps a process may have before `too-many-steps` warns.
    pub max_steps: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_steps: 20 }
    }
}

/// An amount of money with its currency: `100000 CNY`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyAmount {
    /// The exact amount.
    pub amount: Decimal,
    /// The currency code.
    pub currency: String,
}

impl std::fmt::Display for MoneyAmount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}

/// `[[required-participant]]`: the processes it selects must have a step
/// owned by `participant` (or, for a department, by a role in it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequiredParticipant {
    /// Its position among the `[[required-participant]]` tables, from 1.
    pub number: usize,
    /// Only processes of this category.
    pub category: Option<Category>,
    /// Only processes with a money input in this currency, and only for
    /// amounts above this one.
    pub money_above: Option<MoneyAmount>,
    /// The role or department that must take part.
    pub participant: String,
    /// Why, in the policy's words: printed with every finding.
    pub reason: String,
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
    pub fn new(patterns: Vec<String>) -> Result<Exclude, Text> {
        let mut builder = GlobSetBuilder::new();
        for pattern in &patterns {
            let normalised = pattern
                .trim_start_matches("./")
                .trim_start_matches('/')
                .trim_end_matches('/');
            if normalised.is_empty() {
                return Err(crate::text!("config-exclude-empty", pattern = pattern));
            }
            let glob = GlobBuilder::new(normalised)
                .literal_separator(true)
                .build()
                .map_err(|error| {
                    crate::text!(
                        "config-exclude-not-a-glob",
                        pattern = pattern,
                        error = error.kind().to_string()
                    )
                })?;
            builder.add(glob);
        }
        let set = builder
            .build()
            .map_err(|error| crate::text!("config-exclude", error = error.to_string()))?;
        Ok(Exclude { patterns, set })
    }

    /// Whether the file at `relative` (relative to the root, `/`-separated)
    /// is excluded: a pattern matches it or one of its directories.
    pub(crate) fn excludes(&self, relative: &str) -> bool {
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
    lang: Option<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<String, RuleLevel>,
    #[serde(default)]
    calendar: CalendarSection,
    #[serde(default)]
    diff: BTreeMap<String, String>,
    #[serde(default)]
    limits: LimitsSection,
    #[serde(default, rename = "required-participant")]
    required_participant: Vec<RequiredParticipantTable>,
    #[serde(default)]
    conform: ConformSection,
}

/// `[conform]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConformSection {
    staff: Option<String>,
    #[serde(default)]
    columns: BTreeMap<String, String>,
}

/// `[limits]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct LimitsSection {
    max_steps: Option<i64>,
}

/// A `[[required-participant]]` table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RequiredParticipantTable {
    category: Option<String>,
    money_above: Option<String>,
    participant: String,
    reason: String,
}

/// `[calendar]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct CalendarSection {
    working_days: Option<Vec<String>>,
    hours_per_day: Option<u32>,
    day_starts: Option<String>,
    #[serde(default)]
    holidays: HolidaysValue,
    #[serde(default)]
    extra_working_days: Vec<String>,
    utc_offset: Option<String>,
}

/// `holidays = "cn"` or `holidays = ["cn", "2026-12-31"]`: each entry a
/// date or the name of a holiday preset.
#[derive(Debug)]
enum HolidaysValue {
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for HolidaysValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(HolidaysVisitor)
    }
}

/// Reads `holidays` as one string or a list of strings.
struct HolidaysVisitor;

impl<'de> serde::de::Visitor<'de> for HolidaysVisitor {
    type Value = HolidaysValue;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str(
            "a holiday preset such as \"cn\", or a list of dates and presets such as [\"cn\", \"2026-12-31\"]",
        )
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<HolidaysValue, E> {
        Ok(HolidaysValue::One(value.to_string()))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> Result<HolidaysValue, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = seq.next_element::<String>()? {
            entries.push(entry);
        }
        Ok(HolidaysValue::Many(entries))
    }
}

impl Default for HolidaysValue {
    fn default() -> Self {
        HolidaysValue::Many(Vec::new())
    }
}

impl HolidaysValue {
    fn entries(self) -> Vec<String> {
        match self {
            HolidaysValue::One(entry) => vec![entry],
            HolidaysValue::Many(entries) => entries,
        }
    }
}

impl Config {
    /// Parses and validates the text of a `flowc.toml`.
    pub fn parse(text: &str) -> Result<Config, Text> {
        let file: ConfigFile =
            toml::from_str(text).map_err(|error| Text::verbatim(worded(&error.to_string())))?;
        Ok(Config {
            rules: file.rules,
            calendar: calendar(file.calendar)?,
            diff: DiffPolicy::from_table(&file.diff).map_err(Text::verbatim)?,
            limits: limits(file.limits)?,
            required_participants: file
                .required_participant
                .into_iter()
                .enumerate()
                .map(|(index, table)| required_participant(index + 1, table))
                .collect::<Result<_, _>>()?,
            exclude: Exclude::new(file.exclude)?,
            conform: conform(file.conform)?,
            lang: file
                .lang
                .map(|tag| {
                    tag.parse::<Lang>()
                        .map_err(|error| crate::text!("config-lang", error = error.to_string()))
                })
                .transpose()?,
        })
    }
}

/// `[conform]`, validated: no empty column name or staff path.
fn conform(section: ConformSection) -> Result<ConformSettings, Text> {
    if let Some((field, _)) = section
        .columns
        .iter()
        .find(|(_, column)| column.trim().is_empty())
    {
        return Err(crate::text!("config-conform-column", field = field));
    }
    if section
        .staff
        .as_deref()
        .is_some_and(|staff| staff.trim().is_empty())
    {
        return Err(crate::text!("config-conform-staff"));
    }
    Ok(ConformSettings {
        staff: section.staff,
        columns: section.columns,
    })
}

fn limits(section: LimitsSection) -> Result<Limits, Text> {
    let mut limits = Limits::default();
    if let Some(max) = section.max_steps {
        limits.max_steps = usize::try_from(max)
            .ok()
            .filter(|max| *max >= 1)
            .ok_or_else(|| crate::text!("config-max-steps", max = max.to_string()))?;
    }
    Ok(limits)
}

fn required_participant(
    number: usize,
    table: RequiredParticipantTable,
) -> Result<RequiredParticipant, Text> {
    let category = table
        .category
        .map(|word| match word.as_str() {
            "business" => Ok(Category::Business),
            "management" => Ok(Category::Management),
            "approval" => Ok(Category::Approval),
            _ => Err(crate::text!(
                "config-required-category",
                number = number,
                word = &word
            )),
        })
        .transpose()?;
    let money_above = table
        .money_above
        .map(|text| {
            money_amount(&text)
                .ok_or_else(|| crate::text!("config-required-money", number = number, text = &text))
        })
        .transpose()?;
    let participant = table.participant.trim().to_string();
    if participant.is_empty() {
        return Err(crate::text!(
            "config-required-participant-empty",
            number = number
        ));
    }
    let reason = table.reason.trim().to_string();
    if reason.is_empty() {
        return Err(crate::text!(
            "config-required-reason-empty",
            number = number
        ));
    }
    Ok(RequiredParticipant {
        number,
        category,
        money_above,
        participant,
        reason,
    })
}

/// `100000 CNY`: a non-negative exact amount and an upper-case currency code
/// of three letters, as in `.flow` files.
fn money_amount(text: &str) -> Option<MoneyAmount> {
    let (amount, currency) = text.trim().split_once(' ')?;
    let amount: Decimal = amount.parse().ok()?;
    let currency = currency.trim();
    let well_formed = currency.len() == 3 && currency.chars().all(|c| c.is_ascii_uppercase());
    (well_formed && !amount.is_sign_negative()).then(|| MoneyAmount {
        amount,
        currency: currency.to_string(),
    })
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

fn calendar(section: CalendarSection) -> Result<Calendar, Text> {
    let mut calendar = Calendar::default();
    if let Some(days) = section.working_days {
        calendar.working_days = days
            .iter()
            .map(|day| weekday(day))
            .collect::<Result<_, _>>()?;
        calendar.working_days.dedup();
        if calendar.working_days.is_empty() {
            return Err(crate::text!("config-working-days-empty"));
        }
    }
    if let Some(hours) = section.hours_per_day {
        if !(1..=24).contains(&hours) {
            return Err(crate::text!(
                "config-hours-per-day",
                hours = hours.to_string()
            ));
        }
        calendar.hours_per_day = hours;
    }
    if let Some(start) = section.day_starts {
        calendar.day_starts = NaiveTime::parse_from_str(&start, "%H:%M")
            .map_err(|_| crate::text!("config-day-starts", start = &start))?;
    }
    if let Some(offset) = section.utc_offset {
        calendar.utc_offset_minutes = Some(
            utc_offset_minutes(&offset)
                .ok_or_else(|| crate::text!("config-utc-offset", offset = &offset))?,
        );
    }
    let (presets, dates): (Vec<String>, Vec<String>) = section
        .holidays
        .entries()
        .into_iter()
        .partition(|entry| NaiveDate::parse_from_str(entry, "%Y-%m-%d").is_err());
    for name in presets {
        lay_preset(&mut calendar, &name)?;
    }
    let holidays = dates_of("holidays", &dates)?;
    let worked = dates_of("extra-working-days", &section.extra_working_days)?;
    if let Some(day) = holidays.intersection(&worked).next() {
        return Err(crate::text!(
            "config-holiday-and-working-day",
            day = day.to_string()
        ));
    }
    for day in &holidays {
        calendar.extra_working_days.remove(day);
        calendar.holidays.insert(*day);
    }
    for day in worked {
        if calendar.is_working_day(day) {
            return Err(crate::text!(
                "config-already-working-day",
                day = day.to_string(),
                weekday = crate::text!(
                    "weekday",
                    day = day.format("%a").to_string().to_ascii_lowercase()
                )
            ));
        }
        calendar.holidays.remove(&day);
        calendar.extra_working_days.insert(day);
    }
    Ok(calendar)
}

/// `"+08:00"` as 480 minutes east of UTC, `"-05:30"` as -330; offsets
/// run from -14:00 to +14:00, as real time zones do.
fn utc_offset_minutes(offset: &str) -> Option<i32> {
    let (sign, rest) = match offset.as_bytes().first()? {
        b'+' => (1, &offset[1..]),
        b'-' => (-1, &offset[1..]),
        _ => return None,
    };
    let (hours, minutes) = rest.split_once(':')?;
    if hours.len() != 2 || minutes.len() != 2 {
        return None;
    }
    let (hours, minutes): (i32, i32) = (hours.parse().ok()?, minutes.parse().ok()?);
    let total = hours * 60 + minutes;
    (minutes < 60 && total <= 14 * 60).then_some(sign * total)
}

/// Lays the holiday preset `name` over the calendar: its holidays, its
/// make-up working days, and the years it covers.
fn lay_preset(calendar: &mut Calendar, name: &str) -> Result<(), Text> {
    let preset = presets::preset(name).map_err(Text::verbatim)?;
    for announced in preset.years.values() {
        calendar.holidays.extend(&announced.holidays);
        calendar.extra_working_days.extend(&announced.working_days);
    }
    calendar.presets.push(PresetCoverage {
        name: preset.name,
        years: preset.years.keys().copied().collect(),
    });
    Ok(())
}

/// The dates of a `[calendar]` list.
fn dates_of(key: &str, entries: &[String]) -> Result<BTreeSet<NaiveDate>, Text> {
    entries
        .iter()
        .map(|entry| {
            NaiveDate::parse_from_str(entry, "%Y-%m-%d")
                .map_err(|_| crate::text!("config-not-a-date", key = key, entry = entry))
        })
        .collect()
}

fn weekday(name: &str) -> Result<Weekday, Text> {
    let day = match name.to_ascii_lowercase().as_str() {
        "mon" | "monday" => Weekday::Mon,
        "tue" | "tuesday" => Weekday::Tue,
        "wed" | "wednesday" => Weekday::Wed,
        "thu" | "thursday" => Weekday::Thu,
        "fri" | "friday" => Weekday::Fri,
        "sat" | "saturday" => Weekday::Sat,
        "sun" | "sunday" => Weekday::Sun,
        _ => {
            return Err(crate::text!("config-not-a-day", name = name));
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
    fn a_holiday_preset_brings_its_holidays_and_make_up_days() {
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date");
        for text in [
            "[calendar]\nholidays = \"cn\"\n",
            "[calendar]\nholidays = [\"cn\", \"2026-12-31\"]\n",
        ] {
            let calendar = Config::parse(text).expect("valid").calendar;
            assert!(!calendar.is_working_day(day("2026-10-05")), "{text}");
            assert!(calendar.is_working_day(day("2026-10-10")), "{text}");
            assert_eq!(calendar.presets.len(), 1);
            assert!(calendar.presets[0].years.contains(&2026));
        }
        let calendar = Config::parse("[calendar]\nholidays = [\"cn\", \"2026-12-31\"]\n")
            .expect("valid")
            .calendar;
        assert!(!calendar.is_working_day(day("2026-12-31")));
    }

    #[test]
    fn extra_working_days_are_worked_and_win_over_a_preset() {
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date");
        let calendar = Config::parse(
            "[calendar]\nholidays = \"cn\"\nextra-working-days = [\"2026-12-26\", \"2026-10-07\"]\n",
        )
        .expect("valid")
        .calendar;
        assert!(
            calendar.is_working_day(day("2026-12-26")),
            "a Saturday worked"
        );
        assert!(
            calendar.is_working_day(day("2026-10-07")),
            "a holiday worked"
        );
        let error = Config::parse("[calendar]\nextra-working-days = [\"2026-12-28\"]\n")
            .expect_err("a Monday")
            .english();
        assert!(
            error.contains("2026-12-28 (Monday) is already a working day"),
            "{error}"
        );
        let error = Config::parse(
            "[calendar]\nholidays = [\"2026-12-26\"]\nextra-working-days = [\"2026-12-26\"]\n",
        )
        .expect_err("both")
        .english();
        assert!(
            error.contains("both in holidays and in extra-working-days"),
            "{error}"
        );
        let error = Config::parse("[calendar]\nholidays = \"mars\"\n")
            .expect_err("no preset")
            .english();
        assert!(error.contains("the presets are: cn"), "{error}");
        let error = Config::parse("[calendar]\nholidays = [\"2026-13-01\"]\n")
            .expect_err("bad date")
            .english();
        assert!(
            error.contains("\"2026-13-01\" is neither a date"),
            "{error}"
        );
        let error = Config::parse("[calendar]\nholidays = 5\n")
            .expect_err("a number")
            .english();
        assert!(error.contains("holidays"), "{error}");
    }

    #[test]
    fn bad_values_say_what_to_write() {
        let error = Config::parse("[calendar]\nhours-per-day = 30\n")
            .expect_err("invalid")
            .english();
        assert!(error.contains("from 1 to 24"), "{error}");
        let error = Config::parse("[calendar]\nworking-days = [\"funday\"]\n")
            .expect_err("invalid")
            .english();
        assert!(error.contains("\"funday\" is not a day"), "{error}");
        let error = Config::parse("[calender]\n")
            .expect_err("invalid")
            .english();
        assert!(error.contains("calender"), "{error}");
        let error = Config::parse("[diff]\nstep-gone = \"major\"\n")
            .expect_err("invalid")
            .english();
        assert!(error.contains("unknown change kind `step-gone`"), "{error}");
    }

    #[test]
    fn limits_default_to_twenty_steps_and_can_be_set() {
        assert_eq!(Config::default().limits.max_steps, 20);
        let config = Config::parse("[limits]\nmax-steps = 12\n").expect("valid");
        assert_eq!(config.limits.max_steps, 12);
        for bad in ["0", "-3"] {
            let error = Config::parse(&format!("[limits]\nmax-steps = {bad}\n"))
                .expect_err("invalid")
                .english();
            assert!(error.contains("1 or more"), "{error}");
        }
        let error = Config::parse("[limits]\nmax-step = 12\n")
            .expect_err("invalid")
            .english();
        assert!(error.contains("max-steps"), "{error}");
    }

    #[test]
    fn required_participants_are_read_in_order() {
        let config = Config::parse(
            "[[required-participant]]\ncategory = \"approval\"\nparticipant = \"finance\"\nreason = \"claims pass finance\"\n\n[[required-participant]]\nmoney-above = \"100000.50 CNY\"\nparticipant = \"legal\"\nreason = \"large amounts pass legal\"\n",
        )
        .expect("valid");
        let [first, second] = &config.required_participants[..] else {
            panic!("two requirements: {:?}", config.required_participants);
        };
        assert_eq!(first.category, Some(Category::Approval));
        assert_eq!(first.money_above, None);
        assert_eq!(second.number, 2);
        assert_eq!(
            second.money_above.as_ref().map(ToString::to_string),
            Some("100000.50 CNY".to_string())
        );
    }

    #[test]
    fn bad_required_participants_say_what_to_write() {
        let table = |body: &str| format!("[[required-participant]]\n{body}\n");
        let cases = [
            (
                "category = \"contracts\"\nparticipant = \"legal\"\nreason = \"r\"",
                "\"contracts\" is not a category",
            ),
            (
                "money-above = \"100000\"\nparticipant = \"legal\"\nreason = \"r\"",
                "is not an amount of money",
            ),
            (
                "money-above = \"100000 cny\"\nparticipant = \"legal\"\nreason = \"r\"",
                "is not an amount of money",
            ),
            (
                "participant = \" \"\nreason = \"r\"",
                "participant is empty",
            ),
            ("participant = \"legal\"\nreason = \"\"", "reason is empty"),
            ("participant = \"legal\"", "reason"),
            (
                "participant = \"legal\"\nreason = \"r\"\nrole = \"x\"",
                "role",
            ),
        ];
        for (body, expected) in cases {
            let error = Config::parse(&table(body)).expect_err(body).english();
            assert!(error.contains(expected), "{body}: {error}");
        }
    }

    #[test]
    fn utc_offsets_are_signed_hours_and_minutes() {
        assert_eq!(utc_offset_minutes("+08:00"), Some(480));
        assert_eq!(utc_offset_minutes("-05:30"), Some(-330));
        assert_eq!(utc_offset_minutes("+00:00"), Some(0));
        assert_eq!(utc_offset_minutes("+14:00"), Some(840));
        for wrong in [
            "08:00", "+8:00", "+08", "+15:00", "+08:60", "UTC+8", "", "+ab:cd",
        ] {
            assert_eq!(utc_offset_minutes(wrong), None, "{wrong}");
        }
        let error = Config::parse("[calendar]\nutc-offset = \"GMT+8\"\n")
            .expect_err("invalid")
            .english();
        assert!(error.contains("\"+08:00\""), "{error}");
    }

    #[test]
    fn unknown_keys_list_the_valid_ones() {
        let error = Config::parse("excluded = []\n")
            .expect_err("invalid")
            .english();
        for key in ["`exclude`", "`rules`", "`calendar`"] {
            assert!(error.contains(key), "{key} missing from: {error}");
        }
        let error = Config::parse("[calendar]\nhours = 8\n")
            .expect_err("invalid")
            .english();
        for key in [
            "`working-days`",
            "`hours-per-day`",
            "`day-starts`",
            "`holidays`",
            "`extra-working-days`",
            "`utc-offset`",
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
        let error = Config::parse("exclude = [\"drafts/[\"]\n")
            .expect_err("invalid")
            .english();
        assert!(
            error.contains("\"drafts/[\" is not a glob pattern"),
            "{error}"
        );
        let error = Config::parse("exclude = [\"/\"]\n")
            .expect_err("invalid")
            .english();
        assert!(error.contains("matches no path"), "{error}");
    }
}
