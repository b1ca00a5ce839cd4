//! When a duration that starts now ends, as an engine expression: the due
//! date of a task, the firing time of a timer, the end of a minimum period.
//!
//! Calendar units are elapsed time, which both engines add themselves
//! (`now() + duration("P3D")`). Business days are working time of the
//! company calendar ([`Calendar`]), and no engine has a working calendar:
//! so a business-day duration is written as an expression that counts the
//! working days itself, in FEEL for Zeebe and in Python for SpiffWorkflow,
//! with the calendar written into it (the working week, the holidays that
//! fall in it, the make-up working days outside it, when a day starts and
//! how long it lasts). It reckons as [`Calendar::add`] does, the reckoning
//! `flowc sim` uses:
//!
//! 1. take the wall-clock time in the company's zone (`utc-offset`, else
//!    the engine's own zone), to the minute, as minutes from the start of
//!    yesterday (a working day may run past midnight);
//! 2. list when each working day opens, day by day, far enough ahead to
//!    hold every working day the duration can reach
//!    ([`Calendar::days_to_meet_working_days`]);
//! 3. work starts in the first working window that has not closed (at its
//!    opening, or now if it is open); what does not fit in it runs on over
//!    whole working days, and a duration that ends as a day closes ends at
//!    the next day's opening;
//! 4. the result is now plus the minutes between now and that instant.
//!
//! Durations longer than [`LONGEST_RECKONED`] business days fall back to
//! the calendar's average ([`iso_duration`]): an expression looking years
//! ahead day by day would be larger than the process it times.

use crate::ir::{DurationInfo, UnitName};
use crate::model::calendar::Calendar;

use super::iso_duration;

/// The longest business-day duration written as a day-by-day reckoning
/// (a year of working days).
pub const LONGEST_RECKONED: u64 = 260;

/// Minutes in a day.
const DAY: u64 = 24 * 60;

/// Whether the duration's end is reckoned over the working calendar: a
/// business-day duration no longer than [`LONGEST_RECKONED`].
pub(crate) fn is_reckoned(duration: &DurationInfo) -> bool {
    matches!(duration.unit, UnitName::BusinessDay) && duration.amount <= LONGEST_RECKONED
}

/// The calendar as the reckoning needs it, in whole minutes.
struct Reckoning {
    /// When a working day opens, in minutes after midnight.
    opens: u64,
    /// How long a working day lasts, in minutes.
    lasts: u64,
    /// The duration, in working minutes.
    minutes: u64,
    /// How many days, from yesterday, the list of working days covers.
    days: u64,
    /// Holidays in the working week, `YYYY-MM-DD`.
    off: Vec<String>,
    /// Make-up working days outside it, `YYYY-MM-DD`.
    worked: Vec<String>,
}

impl Reckoning {
    fn of(duration: &DurationInfo, calendar: &Calendar) -> Reckoning {
        use chrono::Timelike;
        let lasts = u64::from(calendar.hours_per_day) * 60;
        let (off, worked) = calendar.exceptions();
        let dates = |dates: Vec<chrono::NaiveDate>| -> Vec<String> {
            dates.iter().map(|date| date.to_string()).collect()
        };
        Reckoning {
            opens: u64::from(calendar.day_starts.num_seconds_from_midnight() / 60),
            lasts,
            minutes: duration.amount.saturating_mul(lasts),
            // Yesterday, the window that is open or next, and one more
            // day than the duration's whole days.
            days: calendar.days_to_meet_working_days(duration.amount.saturating_add(3)),
            off: dates(off),
            worked: dates(worked),
        }
    }
}

/// A FEEL expression (without the leading `=`) of the date and time a
/// duration starting now ends, for Zeebe's timers, due dates and scripts.
pub(crate) fn feel(duration: &DurationInfo, calendar: &Calendar) -> String {
    if !is_reckoned(duration) {
        return format!("now() + duration(\"{}\")", iso_duration(duration, calendar));
    }
    let reckoning = Reckoning::of(duration, calendar);
    let (opens, lasts) = (reckoning.opens, reckoning.lasts);
    let (minutes, days) = (reckoning.minutes, reckoning.days);
    let wall = match calendar.utc_offset_minutes {
        Some(offset) if offset >= 0 => {
            format!("t - t.time offset + duration(\"PT{offset}M\")")
        }
        Some(offset) => format!("t - t.time offset - duration(\"PT{}M\")", -offset),
        None => "t".to_string(),
    };
    let week = feel_list(calendar.working_days.iter().map(|day| weekday_name(*day)));
    let working = "list contains(worked, string(days[i])) or (list contains(week, day of week(days[i])) and not(list contains(off, string(days[i]))))";
    [
        "{t: now()".to_string(),
        format!("wall: {wall}"),
        "base: date(wall) - duration(\"P1D\")".to_string(),
        format!("at: {DAY} + wall.hour * 60 + wall.minute"),
        format!("off: {}", feel_list(reckoning.off.iter().map(String::as_str))),
        format!(
            "worked: {}",
            feel_list(reckoning.worked.iter().map(String::as_str))
        ),
        format!("week: {week}"),
        format!(
            "days: for i in 0..{} return base + duration(\"P\" + string(i) + \"D\")",
            days.saturating_sub(1)
        ),
        format!(
            "opens: (for i in 1..{days} return if {working} then (i - 1) * {DAY} + {opens} else null)[item != null]"
        ),
        format!("rest: opens[item + {lasts} > at]"),
        "start: max(rest[1], at)".to_string(),
        format!("left: rest[1] + {lasts} - start"),
        format!(
            "due: if {minutes} < left then start + {minutes} else rest[2 + floor(({minutes} - left) / {lasts})] + modulo({minutes} - left, {lasts})"
        ),
        "time: t + duration(\"PT\" + string(due - at) + \"M\")}.time".to_string(),
    ]
    .join(", ")
}

/// A Python expression of the aware `datetime` a duration starting now
/// ends, for SpiffWorkflow; `now` is the Python expression of the current
/// time (SpiffWorkflow's timer clock).
pub(crate) fn python(duration: &DurationInfo, calendar: &Calendar, now: &str) -> String {
    if !is_reckoned(duration) {
        return format!(
            "(lambda t: t + TimerEventDefinition.get_timedelta_from_start(TimerEventDefinition.parse_iso_duration(\"{}\"), t))({now})",
            iso_duration(duration, calendar)
        );
    }
    let reckoning = Reckoning::of(duration, calendar);
    let (opens, lasts) = (reckoning.opens, reckoning.lasts);
    let (minutes, days) = (reckoning.minutes, reckoning.days);
    let zone = match calendar.utc_offset_minutes {
        Some(offset) => format!("t.astimezone(d.timezone(d.timedelta(minutes={offset})))"),
        None => "t.astimezone()".to_string(),
    };
    let week: Vec<String> = calendar
        .working_days
        .iter()
        .map(|day| day.num_days_from_monday().to_string())
        .collect();
    let off = python_set(&reckoning.off);
    let worked = python_set(&reckoning.worked);
    let day = "(base + d.timedelta(days=i))";
    let working = format!(
        "{day}.isoformat() in {worked} or ({day}.weekday() in ({},) and {day}.isoformat() not in {off})",
        week.join(", ")
    );
    let due = format!(
        "start + {minutes} if {minutes} < left else rest[1 + ({minutes} - left) // {lasts}] + ({minutes} - left) % {lasts}"
    );
    [
        "(lambda d, t: (lambda wall: (lambda base, at: (lambda opens: (lambda rest: (lambda start: (lambda left: ".to_string(),
        format!("t + d.timedelta(minutes=({due}) - at)"),
        format!(")(rest[0] + {lasts} - start))(max(rest[0], at)))"),
        format!("([o for o in opens if o + {lasts} > at]))"),
        format!("([i * {DAY} + {opens} for i in range({days}) if {working}]))"),
        format!("(wall.date() - d.timedelta(days=1), {DAY} + wall.hour * 60 + wall.minute))"),
        format!("({zone}))(__import__(\"datetime\"), {now})"),
    ]
    .concat()
}

/// A FEEL list of strings.
fn feel_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = items.map(|item| format!("\"{item}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

/// A Python set of strings (`set()` when empty: `{}` is a dict).
fn python_set(items: &[String]) -> String {
    if items.is_empty() {
        return "set()".to_string();
    }
    let quoted: Vec<String> = items.iter().map(|item| format!("\"{item}\"")).collect();
    format!("{{{}}}", quoted.join(", "))
}

/// The day's name as FEEL's `day of week()` gives it.
fn weekday_name(day: chrono::Weekday) -> &'static str {
    match day {
        chrono::Weekday::Mon => "Monday",
        chrono::Weekday::Tue => "Tuesday",
        chrono::Weekday::Wed => "Wednesday",
        chrono::Weekday::Thu => "Thursday",
        chrono::Weekday::Fri => "Friday",
        chrono::Weekday::Sat => "Saturday",
        chrono::Weekday::Sun => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn duration(amount: u64, unit: UnitName) -> DurationInfo {
        let business = matches!(unit, UnitName::BusinessDay);
        DurationInfo {
            amount,
            unit,
            business,
            iso8601: (!business).then(|| format!("P{amount}D")),
            text: format!("{amount}"),
        }
    }

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    /// National Day 2026: 1 to 7 October off, Saturday 10 October worked.
    fn national_day_2026() -> Calendar {
        let mut calendar = Calendar::default();
        calendar
            .holidays
            .extend(date("2026-10-01").iter_days().take(7));
        calendar.extra_working_days.insert(date("2026-10-10"));
        calendar
    }

    #[test]
    fn calendar_units_are_added_by_the_engine() {
        let calendar = Calendar::default();
        let three_days = duration(3, UnitName::Day);
        assert!(!is_reckoned(&three_days));
        assert_eq!(feel(&three_days, &calendar), "now() + duration(\"P3D\")");
        assert!(
            python(&three_days, &calendar, "now").contains("parse_iso_duration(\"P3D\"), t))(now)")
        );
    }

    #[test]
    fn business_days_past_a_year_of_working_days_fall_back_to_the_average() {
        let calendar = Calendar::default();
        assert!(is_reckoned(&duration(
            LONGEST_RECKONED,
            UnitName::BusinessDay
        )));
        let long = duration(LONGEST_RECKONED + 1, UnitName::BusinessDay);
        assert!(!is_reckoned(&long));
        let average = iso_duration(&long, &calendar);
        assert_eq!(
            feel(&long, &calendar),
            format!("now() + duration(\"{average}\")")
        );
    }

    #[test]
    fn only_the_days_that_break_the_working_week_are_written() {
        let calendar = national_day_2026();
        let five = duration(5, UnitName::BusinessDay);
        let off = "\"2026-10-01\", \"2026-10-02\", \"2026-10-05\", \"2026-10-06\", \"2026-10-07\"";
        let expression = feel(&five, &calendar);
        assert!(
            expression.contains(&format!("off: [{off}]")),
            "{expression}"
        );
        assert!(
            expression.contains("worked: [\"2026-10-10\"]"),
            "{expression}"
        );
        let expression = python(&five, &calendar, "now");
        assert!(
            expression.contains(&format!("not in {{{off}}}")),
            "{expression}"
        );
        assert!(expression.contains("in {\"2026-10-10\"}"), "{expression}");
        let plain = python(&five, &Calendar::default(), "now");
        assert!(plain.contains("in set() or"), "{plain}");
    }

    #[test]
    fn the_days_listed_hold_the_longest_stretch_of_the_calendar() {
        let five = duration(5, UnitName::BusinessDay);
        let listed = |calendar: &Calendar| {
            let expression = feel(&five, calendar);
            let days = expression
                .split("for i in 1..")
                .nth(1)
                .and_then(|rest| rest.split(' ').next())
                .and_then(|days| days.parse::<u64>().ok());
            days.expect("the number of days listed")
        };
        // Yesterday, the open window and one more day: 5 + 3 working days,
        // which take 12 days from a Saturday in an ordinary week (to the
        // Wednesday after next) and 18 from Saturday 26 September 2026
        // across National Day (to Tuesday 13 October).
        assert_eq!(listed(&Calendar::default()), 12);
        assert_eq!(listed(&national_day_2026()), 18);
    }

    #[test]
    fn the_company_zone_comes_from_the_utc_offset() {
        let five = duration(5, UnitName::BusinessDay);
        let mut calendar = Calendar::default();
        assert!(feel(&five, &calendar).contains("wall: t, "));
        assert!(python(&five, &calendar, "now").contains("(t.astimezone())"));
        calendar.utc_offset_minutes = Some(480);
        assert!(feel(&five, &calendar).contains("wall: t - t.time offset + duration(\"PT480M\")"));
        assert!(python(&five, &calendar, "now").contains("d.timedelta(minutes=480)"));
        calendar.utc_offset_minutes = Some(-330);
        assert!(feel(&five, &calendar).contains("wall: t - t.time offset - duration(\"PT330M\")"));
        assert!(python(&five, &calendar, "now").contains("d.timedelta(minutes=-330)"));
    }
}
