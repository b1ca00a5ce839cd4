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
//!
//! For the simulator the calendar also does date-time arithmetic
//! ([`Calendar::add`], [`Calendar::working_time_between`]): business days
//! count working hours of working days only (a working day runs from
//! `day-starts` for `hours-per-day` hours), while calendar units are
//! elapsed wall-clock time, as ISO-8601 durations are. Holidays take days
//! out of the working week, make-up working days (調休) put weekend days
//! in; both may come from a [`presets`] file of announced public holidays.

pub mod presets;

use std::collections::BTreeSet;

use chrono::{Months, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Weekday};

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
    /// Days outside the working week that are worked (make-up working
    /// days, 調休); they win over `working_days` and `holidays`.
    pub extra_working_days: BTreeSet<NaiveDate>,
    /// The holiday presets laid over this calendar, with the years each
    /// has a notice for.
    pub presets: Vec<PresetCoverage>,
    /// The company's offset from UTC in minutes (`utc-offset = "+08:00"`
    /// is 480), for engines whose clock runs in another zone; `None`: the
    /// engine's own zone is the company's.
    pub utc_offset_minutes: Option<i32>,
}

/// Which years a holiday preset of the calendar covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresetCoverage {
    /// The preset's name (`"cn"`).
    pub name: String,
    /// The years whose notice the preset holds.
    pub years: BTreeSet<i32>,
}

/// A year that a simulation or a due date runs into and that a holiday
/// preset of the calendar has no notice for: it is counted as an ordinary
/// year (the working week and the holidays listed by hand only).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct UnannouncedYear {
    /// The preset (`"cn"`).
    pub preset: String,
    /// The year.
    pub year: i32,
    /// The last year the preset covers, if any.
    pub last_covered: Option<i32>,
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
            extra_working_days: BTreeSet::new(),
            presets: Vec::new(),
            utc_offset_minutes: None,
        }
    }
}

impl Calendar {
    /// The working time a duration stands for.
    pub(crate) fn working_time(&self, duration: &Duration) -> WorkingTime {
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
    pub(crate) fn in_business_days(&self, time: WorkingTime) -> String {
        let business_day = u128::from(self.hours_per_day.max(1)) * 60 * PER_MINUTE;
        let hundredths = time.0 * 100 / business_day;
        match hundredths % 100 {
            0 => format!("{}", hundredths / 100),
            fraction if fraction % 10 == 0 => format!("{}.{}", hundredths / 100, fraction / 10),
            fraction => format!("{}.{fraction:02}", hundredths / 100),
        }
    }

    /// Whether `date` is a working day: a make-up working day, or a day of
    /// the working week that is no holiday.
    pub(crate) fn is_working_day(&self, date: NaiveDate) -> bool {
        use chrono::Datelike;
        self.extra_working_days.contains(&date)
            || (self.working_days.contains(&date.weekday()) && !self.holidays.contains(&date))
    }

    /// The years from `first` to `last` that a holiday preset of this
    /// calendar has no notice for, in order.
    pub fn unannounced_years(&self, first: NaiveDate, last: NaiveDate) -> Vec<UnannouncedYear> {
        use chrono::Datelike;
        let mut years = Vec::new();
        for preset in &self.presets {
            for year in first.year()..=last.year() {
                if !preset.years.contains(&year) {
                    years.push(UnannouncedYear {
                        preset: preset.name.clone(),
                        year,
                        last_covered: preset.years.last().copied(),
                    });
                }
            }
        }
        years
    }

    /// Minutes in a working day.
    fn minutes_per_day(&self) -> i64 {
        i64::from(self.hours_per_day) * 60
    }

    /// The working hours of `date` when it is a working day:
    /// `[day-starts, day-starts + hours-per-day)`.
    fn window(&self, date: NaiveDate) -> Option<(NaiveDateTime, NaiveDateTime)> {
        if !self.is_working_day(date) {
            return None;
        }
        let opens = date.and_time(self.day_starts);
        let closes = opens.checked_add_signed(TimeDelta::minutes(self.minutes_per_day()))?;
        Some((opens, closes))
    }

    /// The working window that holds `time`, or the next one after it, as
    /// (the instant work resumes, the end of that window). `None` past the
    /// last date the calendar can represent.
    fn resume(&self, time: NaiveDateTime) -> Option<(NaiveDateTime, NaiveDateTime)> {
        // A window can start the day before and run past midnight.
        let mut date = time.date().pred_opt().unwrap_or(time.date());
        loop {
            if let Some((opens, closes)) = self.window(date)
                && time < closes
            {
                return Some((opens.max(time), closes));
            }
            date = date.succ_opt()?;
            if date > LAST_DATE {
                return None;
            }
        }
    }

    /// Working minutes in a week without holidays.
    fn week_minutes(&self) -> u128 {
        self.working_days.len() as u128 * u128::from(self.hours_per_day) * 60
    }

    /// Whether no holiday and no make-up working day falls in the eight
    /// days from `date` (a week starting in a window that may run past
    /// midnight), so the week holds exactly the working week.
    fn ordinary_week(&self, date: NaiveDate) -> bool {
        let Some(end) = date.checked_add_days(chrono::Days::new(8)) else {
            return false;
        };
        self.holidays.range(date..=end).next().is_none()
            && self.extra_working_days.range(date..=end).next().is_none()
    }

    /// `time` plus `amount` working minutes: work starts at the next
    /// working instant; a sum that ends exactly when a working day closes
    /// is the opening of the next working day. `None` past the year 9999.
    pub(crate) fn add_working_minutes(
        &self,
        time: NaiveDateTime,
        amount: u128,
    ) -> Option<NaiveDateTime> {
        let (mut now, mut closes) = self.resume(time)?;
        let mut left = amount;
        let week = self.week_minutes();
        loop {
            while left >= week && self.ordinary_week(now.date()) {
                (now, closes) = (now + TimeDelta::weeks(1), closes + TimeDelta::weeks(1));
                left -= week;
                if now.date() > LAST_DATE {
                    return None;
                }
            }
            let available = u128::try_from((closes - now).num_minutes()).unwrap_or(0);
            if left < available {
                let minutes = i64::try_from(left).ok()?;
                return now.checked_add_signed(TimeDelta::minutes(minutes));
            }
            left -= available;
            (now, closes) = self.resume(closes)?;
        }
    }

    /// `time` plus `amount` `unit`s: business days are working time of this
    /// calendar (1 business day = `hours-per-day` working hours, so a step
    /// entered at 10:30 with 2 business days is due at 10:30 two working
    /// days later); calendar units are elapsed time. `None` past the year
    /// 9999.
    pub fn add(&self, time: NaiveDateTime, amount: u64, unit: TimeUnit) -> Option<NaiveDateTime> {
        let later = match unit {
            TimeUnit::BusinessDay => {
                let minutes = u128::from(amount) * u128::from(self.hours_per_day) * 60;
                return self.add_working_minutes(time, minutes);
            }
            TimeUnit::Minute => {
                time.checked_add_signed(TimeDelta::try_minutes(i64::try_from(amount).ok()?)?)
            }
            TimeUnit::Hour => {
                time.checked_add_signed(TimeDelta::try_hours(i64::try_from(amount).ok()?)?)
            }
            TimeUnit::Day => {
                time.checked_add_signed(TimeDelta::try_days(i64::try_from(amount).ok()?)?)
            }
            TimeUnit::Week => {
                time.checked_add_signed(TimeDelta::try_weeks(i64::try_from(amount).ok()?)?)
            }
            TimeUnit::Month => time.checked_add_months(Months::new(u32::try_from(amount).ok()?)),
            TimeUnit::Year => {
                time.checked_add_months(Months::new(u32::try_from(amount).ok()?.checked_mul(12)?))
            }
        }?;
        (later.date() <= LAST_DATE).then_some(later)
    }

    /// The working time between two instants (zero when `to` is not later).
    pub(crate) fn working_time_between(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> WorkingTime {
        let mut minutes: u128 = 0;
        let mut cursor = from;
        while let Some((mut now, mut closes)) = self.resume(cursor) {
            while now + TimeDelta::weeks(1) <= to && self.ordinary_week(now.date()) {
                (now, closes) = (now + TimeDelta::weeks(1), closes + TimeDelta::weeks(1));
                minutes += self.week_minutes();
            }
            if now >= to {
                break;
            }
            let until = closes.min(to);
            minutes += u128::try_from((until - now).num_minutes()).unwrap_or(0);
            cursor = closes;
        }
        WorkingTime(minutes * PER_MINUTE)
    }

    /// The days that break the working week: holidays that fall on a day
    /// of the working week, and make-up working days outside it, each in
    /// date order. Together with the working week they say which days are
    /// worked (what an engine's timer needs to know of the calendar).
    pub fn exceptions(&self) -> (Vec<NaiveDate>, Vec<NaiveDate>) {
        use chrono::Datelike;
        let in_week = |date: &NaiveDate| self.working_days.contains(&date.weekday());
        let off = self
            .holidays
            .iter()
            .filter(|date| in_week(date) && !self.extra_working_days.contains(date))
            .copied()
            .collect();
        let worked = self
            .extra_working_days
            .iter()
            .filter(|date| !in_week(date))
            .copied()
            .collect();
        (off, worked)
    }

    /// The most consecutive calendar days, from any start date, it takes
    /// to meet `count` working days: a bound for an engine that looks
    /// ahead day by day. Far from the holidays and make-up days every
    /// week is the same, so only the start dates around them and the
    /// seven days of an ordinary week are tried.
    pub fn days_to_meet_working_days(&self, count: u64) -> u64 {
        let ordinary_from = self
            .holidays
            .iter()
            .chain(&self.extra_working_days)
            .max()
            .and_then(|last| last.checked_add_days(chrono::Days::new(1)))
            .unwrap_or(NaiveDate::MIN);
        let ordinary_from = ordinary_from.min(LAST_DATE - TimeDelta::days(400));
        let ordinary = (0..7)
            .filter_map(|day| ordinary_from.checked_add_days(chrono::Days::new(day)))
            .map(|start| self.days_from(start, count))
            .max()
            .unwrap_or(0);
        let first = self.holidays.iter().chain(&self.extra_working_days).min();
        let Some(first) = first else {
            return ordinary;
        };
        let mut start = first
            .checked_sub_days(chrono::Days::new(ordinary))
            .unwrap_or(*first);
        let mut most = ordinary;
        while start < ordinary_from {
            most = most.max(self.days_from(start, count));
            let Some(next) = start.succ_opt() else { break };
            start = next;
        }
        most
    }

    /// Calendar days from `start` (counted) until `count` working days
    /// have passed.
    fn days_from(&self, start: NaiveDate, count: u64) -> u64 {
        let (mut days, mut met, mut date) = (0, 0, start);
        while met < count && date < LAST_DATE {
            if self.is_working_day(date) {
                met += 1;
            }
            days += 1;
            date = date.succ_opt().unwrap_or(LAST_DATE);
        }
        days
    }

    /// A business-day duration as calendar minutes, for engines that only
    /// know elapsed time: one business day is `7 / working days a week`
    /// calendar days (the inverse of how a calendar day counts as working
    /// time, see the module doc). 10080 minutes a week divide evenly by any
    /// number of working days from 1 to 7, so the result is exact.
    pub fn business_days_as_calendar_minutes(&self, amount: u64) -> u128 {
        let days = self.working_days.len().clamp(1, 7) as u128;
        u128::from(amount) * (7 * 24 * 60) / days
    }
}

/// The last date date-time arithmetic goes to.
const LAST_DATE: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a date");

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

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").expect("a date-time")
    }

    #[test]
    fn business_days_skip_weekends_and_holidays() {
        let mut calendar = Calendar::default();
        // Tuesday 09:00 + 5 business days = next Tuesday 09:00.
        assert_eq!(
            calendar.add(at("2026-12-01T09:00"), 5, TimeUnit::BusinessDay),
            Some(at("2026-12-08T09:00"))
        );
        // Friday 10:30 + 1 business day = Monday 10:30.
        assert_eq!(
            calendar.add(at("2026-12-04T10:30"), 1, TimeUnit::BusinessDay),
            Some(at("2026-12-07T10:30"))
        );
        calendar
            .holidays
            .insert(NaiveDate::from_ymd_opt(2026, 12, 7).expect("date"));
        assert_eq!(
            calendar.add(at("2026-12-04T10:30"), 1, TimeUnit::BusinessDay),
            Some(at("2026-12-08T10:30"))
        );
    }

    #[test]
    fn work_starts_at_the_next_working_instant() {
        let calendar = Calendar::default();
        // Saturday evening: work starts Monday 09:00.
        assert_eq!(
            calendar.add(at("2026-12-05T20:00"), 1, TimeUnit::BusinessDay),
            Some(at("2026-12-08T09:00"))
        );
        // Ending exactly at closing time is the next opening.
        assert_eq!(
            calendar.add_working_minutes(at("2026-12-01T09:00"), 8 * 60),
            Some(at("2026-12-02T09:00"))
        );
    }

    #[test]
    fn calendar_units_are_elapsed_time() {
        let calendar = Calendar::default();
        assert_eq!(
            calendar.add(at("2026-12-04T16:00"), 4, TimeUnit::Hour),
            Some(at("2026-12-04T20:00"))
        );
        assert_eq!(
            calendar.add(at("2026-01-31T09:00"), 1, TimeUnit::Month),
            Some(at("2026-02-28T09:00"))
        );
        assert_eq!(
            calendar.add(at("2026-01-31T09:00"), u64::MAX, TimeUnit::Day),
            None
        );
        assert_eq!(
            calendar.add(at("2026-01-31T09:00"), u64::MAX, TimeUnit::BusinessDay),
            None
        );
    }

    #[test]
    fn working_time_between_counts_working_hours_only() {
        let calendar = Calendar::default();
        let elapsed = calendar.working_time_between(at("2026-12-04T13:00"), at("2026-12-07T13:00"));
        assert_eq!(calendar.in_business_days(elapsed), "1");
        assert_eq!(
            calendar.working_time_between(at("2026-12-07T13:00"), at("2026-12-04T13:00")),
            WorkingTime(0)
        );
    }

    #[test]
    fn a_business_day_is_seven_fifths_of_a_calendar_day() {
        let calendar = Calendar::default();
        assert_eq!(calendar.business_days_as_calendar_minutes(5), 7 * 24 * 60);
    }

    #[test]
    fn adding_and_measuring_agree_across_holidays() {
        let mut calendar = Calendar::default();
        for day in ["2026-10-01", "2026-10-02", "2026-10-05", "2027-01-01"] {
            calendar
                .holidays
                .insert(NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("date"));
        }
        assert_adding_and_measuring_agree(
            &calendar,
            &["2026-09-28T09:00", "2026-09-30T15:45", "2026-10-03T11:00"],
            &[1, 4, 5, 13, 70, 300],
        );
    }

    /// Adding business days to each start and measuring the working time
    /// back give the same amount.
    fn assert_adding_and_measuring_agree(calendar: &Calendar, starts: &[&str], amounts: &[u64]) {
        for start in starts {
            for &amount in amounts {
                let end = calendar
                    .add(at(start), amount, TimeUnit::BusinessDay)
                    .expect("in range");
                assert_eq!(
                    calendar.working_time_between(at(start), end),
                    calendar.working_time(&duration(amount, TimeUnit::BusinessDay)),
                    "{start} + {amount} business days = {end}"
                );
            }
        }
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    /// The 2026 National Day of mainland China: 10/1-10/7 off, Saturday
    /// 10/10 worked.
    fn national_day_2026() -> Calendar {
        let mut calendar = Calendar::default();
        let first = date("2026-10-01");
        calendar.holidays.extend(first.iter_days().take(7));
        calendar.extra_working_days.insert(date("2026-10-10"));
        calendar
    }

    #[test]
    fn a_make_up_saturday_is_worked() {
        let calendar = national_day_2026();
        assert!(calendar.is_working_day(date("2026-10-10")));
        assert!(!calendar.is_working_day(date("2026-10-11")));
        assert!(!calendar.is_working_day(date("2026-10-05")));
        // Friday 10/9 + 1 business day: Saturday 10/10, not Monday 10/12.
        assert_eq!(
            calendar.add(at("2026-10-09T10:00"), 1, TimeUnit::BusinessDay),
            Some(at("2026-10-10T10:00"))
        );
        let elapsed = calendar.working_time_between(at("2026-09-28T09:00"), at("2026-10-12T09:00"));
        // 9/28, 9/29, 9/30, 10/8, 10/9 and the make-up 10/10.
        assert_eq!(calendar.in_business_days(elapsed), "6");
    }

    #[test]
    fn adding_and_measuring_agree_across_make_up_days() {
        let calendar = national_day_2026();
        assert_adding_and_measuring_agree(
            &calendar,
            &["2026-09-28T09:00", "2026-10-09T16:30", "2026-10-10T11:00"],
            &[1, 2, 5, 6, 13, 70],
        );
    }

    #[test]
    fn exceptions_are_holidays_in_the_week_and_make_up_days_outside_it() {
        let calendar = national_day_2026();
        let (off, worked) = calendar.exceptions();
        // Saturday 3 and Sunday 4 October are off anyway.
        let off_days = [
            "2026-10-01",
            "2026-10-02",
            "2026-10-05",
            "2026-10-06",
            "2026-10-07",
        ];
        assert_eq!(off, off_days.map(date));
        assert_eq!(worked, [date("2026-10-10")]);
    }

    #[test]
    fn the_longest_stretch_to_meet_working_days_is_found() {
        let ordinary = Calendar::default();
        // From a Saturday: Monday is the first working day, Friday the fifth.
        assert_eq!(ordinary.days_to_meet_working_days(1), 3);
        assert_eq!(ordinary.days_to_meet_working_days(5), 7);
        // From Saturday 26 September 2026: 28, 29, 30 September, then
        // 8 and 9 October after the holidays.
        assert_eq!(national_day_2026().days_to_meet_working_days(5), 14);
    }

    #[test]
    fn years_a_preset_has_no_notice_for_are_named() {
        let mut calendar = Calendar::default();
        calendar.presets.push(PresetCoverage {
            name: "cn".to_string(),
            years: [2025, 2026].into_iter().collect(),
        });
        assert!(
            calendar
                .unannounced_years(date("2026-12-20"), date("2026-12-31"))
                .is_empty()
        );
        assert_eq!(
            calendar.unannounced_years(date("2026-12-20"), date("2027-01-08")),
            [UnannouncedYear {
                preset: "cn".to_string(),
                year: 2027,
                last_covered: Some(2026),
            }]
        );
    }
}
