//! The working calendar: how business time and calendar time compare.
//!
//! Durations in `.flow` come in calendar units (minutes to years) and in
//! business days. To compare them (an SLA against a sum of deadlines, an
//! escalation against a deadline) flowc converts both into working time
//! under the company's calendar (default: Monday to Friday, 8 working hours
//! a day): an hour is an hour of work, a business day is `hours-per-day`
//! hours, a calendar day is the average working time of a day
//! (`working days a week / 7` business days), a week is seven days, a month
//! is 365/12 days and a year 365 days. Conversions are exact: no floats.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveTime, Weekday};

use crate::syntax::ast::{Duration, TimeUnit};

/// Working time in exact units of 1/84 of a working minute (84 = 7 days a
/// week x 12 months a year, so every unit converts to a whole number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct WorkingTime(pub u128);

impl std::ops::Add for WorkingTime {
    type Output = WorkingTime;
    fn add(self, other: WorkingTime) -> WorkingTime {
        WorkingTime(self.0.saturating_add(other.0))
    }
}

impl std::iter::Sum for WorkingTime {
    fn sum<I: Iterator<Item = WorkingTime>>(iter: I) -> WorkingTime {
        iter.fold(WorkingTime::default(), |total, time| total + time)
    }
}

/// Units of [`WorkingTime`] in one working minute.
const PER_MINUTE: u128 = 84;

/// A company's working week, hours and holidays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// The days of the week that are working days.
    pub working_days: Vec<Weekday>,
    /// Working hours in a working day.
    pub hours_per_day: u32,
    /// When a working day starts (for simulations).
    pub day_starts: NaiveTime,
    /// Days off that fall on working days.
    pub holidays: BTreeSet<NaiveDate>,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar {
            working_days: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            hours_per_day: 8,
            day_starts: NaiveTime::from_hms_opt(9, 0, 0).expect("09:00 is a time"),
            holidays: BTreeSet::new(),
        }
    }
}

impl Calendar {
    /// The working time a duration stands for.
    pub fn working_time(&self, duration: &Duration) -> WorkingTime {
        let amount = u128::from(duration.amount);
        let hour = 60 * PER_MINUTE;
        let business_day = u128::from(self.hours_per_day) * hour;
        let working_week = business_day * self.working_days.len() as u128;
        let per_unit = match duration.unit {
            TimeUnit::Minute => PER_MINUTE,
            TimeUnit::Hour => hour,
            TimeUnit::BusinessDay => business_day,
            TimeUnit::Day => working_week / 7,
            TimeUnit::Week => working_week,
            TimeUnit::Month => working_week * 365 / (7 * 12),
            TimeUnit::Year => working_week * 365 / 7,
        };
        WorkingTime(amount.saturating_mul(per_unit))
    }

    /// Working time in business days, for messages: `12.5`, `3`.
    pub fn in_business_days(&self, time: WorkingTime) -> String {
        let business_day = u128::from(self.hours_per_day.max(1)) * 60 * PER_MINUTE;
        let hundredths = time.0 * 100 / business_day;
        match hundredths % 100 {
            0 => format!("{}", hundredths / 100),
            fraction if fraction % 10 == 0 => format!("{}.{}", hundredths / 100, fraction / 10),
            fraction => format!("{}.{fraction:02}", hundredths / 100),
        }
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        use chrono::Datelike;
        self.working_days.contains(&date.weekday()) && !self.holidays.contains(&date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn duration(amount: u64, unit: TimeUnit) -> Duration {
        Duration {
            amount,
            unit,
            span: Span::default(),
        }
    }

    #[test]
    fn a_week_is_five_business_days_by_default() {
        let calendar = Calendar::default();
        assert_eq!(
            calendar.working_time(&duration(1, TimeUnit::Week)),
            calendar.working_time(&duration(5, TimeUnit::BusinessDay))
        );
    }

    #[test]
    fn seven_calendar_days_are_five_business_days() {
        let calendar = Calendar::default();
        assert_eq!(
            calendar.working_time(&duration(7, TimeUnit::Day)),
            calendar.working_time(&duration(5, TimeUnit::BusinessDay))
        );
        assert!(
            calendar.working_time(&duration(3, TimeUnit::Day))
                < calendar.working_time(&duration(3, TimeUnit::BusinessDay))
        );
    }

    #[test]
    fn a_business_day_is_eight_hours_by_default() {
        let calendar = Calendar::default();
        assert_eq!(
            calendar.working_time(&duration(8, TimeUnit::Hour)),
            calendar.working_time(&duration(1, TimeUnit::BusinessDay))
        );
    }

    #[test]
    fn a_year_is_twelve_months() {
        let calendar = Calendar::default();
        assert_eq!(
            calendar.working_time(&duration(1, TimeUnit::Year)),
            calendar.working_time(&duration(12, TimeUnit::Month))
        );
    }

    #[test]
    fn business_days_print_exactly() {
        let calendar = Calendar::default();
        assert_eq!(
            calendar.in_business_days(calendar.working_time(&duration(12, TimeUnit::Hour))),
            "1.5"
        );
        assert_eq!(
            calendar.in_business_days(calendar.working_time(&duration(7, TimeUnit::Day))),
            "5"
        );
        assert_eq!(
            calendar.in_business_days(calendar.working_time(&duration(1, TimeUnit::Day))),
            "0.71"
        );
    }
}
