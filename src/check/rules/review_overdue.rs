//! `review-overdue`: a process whose periodic review is past due.

use chrono::{Days, Months, NaiveDate};

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::model::Project;
use crate::model::calendar::Calendar;
use crate::model::words;
use crate::syntax::ast::{Duration, TimeUnit};

rule! {
    /// ## What it checks
    /// That the next review of every process is not past: the date of the
    /// last review (`last DATE`) plus the cycle (`review every DURATION`)
    /// must not be before today. Months and years are calendar months and
    /// years (2026-03-31 plus 1 month is 2026-04-30); business days count
    /// the working days of the calendar in `flowc.toml`, holidays skipped;
    /// hours and minutes count as whole days, rounded up.
    ///
    /// "Today" is the local date, or the date given with
    /// `flowc check --today YYYY-MM-DD`, so a CI run gives the same result
    /// on any day.
    ///
    /// ## Why
    /// Review and optimisation (policy section 3): every process is
    /// reviewed periodically. An overdue review means the process may no
    /// longer match how the company works.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`:
    /// ```flow
    /// process expense_claim "費用報銷審批" {
    ///   category approval
    ///   owner finance
    ///   review every 12 months, last 2025-03-01
    ///   sla 10 business days
    ///   kpi cycle_time "報銷周期" p90 under 8 business days
    ///
    ///   start apply
    ///
    ///   step apply "員工申請" {
    ///     owner employee
    ///     within 3 business days
    ///     next pay
    ///   }
    ///
    ///   step pay "報銷支付" {
    ///     owner cashier
    ///     within 2 business days
    ///     next paid
    ///   }
    ///
    ///   end paid "已支付"
    /// }
    /// ```
    /// checked on 2026-11-28 reports that the review was due on 2026-03-01.
    ///
    /// ## Fix
    /// Review the process, then write the date of this review:
    /// `review every 12 months, last 2026-11-28`.
    pub struct ReviewOverdue;
    code: "F153",
    name: "review-overdue",
    severity: Warning,
    enabled_by_default: true,
    principle: Review,
    summary: "The last review plus the review cycle is before today.",
}

impl Rule for ReviewOverdue {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        let today = context.today;
        for process in context.processes(project) {
            let Some(review) = &process.review else {
                continue;
            };
            let Some(last) = review.last else { continue };
            let Some(due) = due_before(last, &review.every, &context.config.calendar, today) else {
                continue;
            };
            let late = (today - due).num_days();
            findings.push(Finding::new(
                at(process, review.span),
                crate::text!(
                    "review-overdue-message",
                    process = &process.name,
                    last = words::date(last),
                    every = words::duration(&review.every),
                    due = words::date(due),
                    late = late,
                    today = words::date(today)
                ),
                crate::text!("review-overdue-label", due = words::date(due)),
                crate::text!(
                    "review-overdue-help",
                    every = review.every.to_string(),
                    today = today.to_string()
                ),
            ));
        }
    }
}

/// The date the review after `last` falls due, when that is before `today`.
fn due_before(
    last: NaiveDate,
    every: &Duration,
    calendar: &Calendar,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let amount = every.amount;
    let due = match every.unit {
        TimeUnit::Minute => last.checked_add_days(Days::new(amount.div_ceil(24 * 60)))?,
        TimeUnit::Hour => last.checked_add_days(Days::new(amount.div_ceil(24)))?,
        TimeUnit::Day => last.checked_add_days(Days::new(amount))?,
        TimeUnit::Week => last.checked_add_days(Days::new(amount.checked_mul(7)?))?,
        TimeUnit::Month => last.checked_add_months(Months::new(u32::try_from(amount).ok()?))?,
        TimeUnit::Year => {
            last.checked_add_months(Months::new(u32::try_from(amount.checked_mul(12)?).ok()?))?
        }
        TimeUnit::BusinessDay => return business_days_before(last, amount, calendar, today),
    };
    (due < today).then_some(due)
}

/// The `amount`-th working day after `last`, when it is before `today`.
/// Walks at most the days from `last` to `today`.
fn business_days_before(
    last: NaiveDate,
    amount: u64,
    calendar: &Calendar,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let mut counted = 0;
    let mut date = last;
    while counted < amount {
        date = date.succ_opt()?;
        if date >= today {
            return None;
        }
        if calendar.is_working_day(date) {
            counted += 1;
        }
    }
    (date < today).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn every(amount: u64, unit: TimeUnit) -> Duration {
        Duration {
            amount,
            unit,
            span: Span::default(),
        }
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    fn due(last: &str, amount: u64, unit: TimeUnit, today: &str) -> Option<NaiveDate> {
        due_before(
            date(last),
            &every(amount, unit),
            &Calendar::default(),
            date(today),
        )
    }

    #[test]
    fn due_on_today_is_not_overdue() {
        assert_eq!(due("2025-11-28", 12, TimeUnit::Month, "2026-11-28"), None);
        assert_eq!(
            due("2025-11-27", 12, TimeUnit::Month, "2026-11-28"),
            Some(date("2026-11-27"))
        );
    }

    #[test]
    fn months_end_at_the_end_of_shorter_months() {
        assert_eq!(
            due("2026-01-31", 1, TimeUnit::Month, "2026-03-10"),
            Some(date("2026-02-28"))
        );
        assert_eq!(
            due("2024-02-29", 1, TimeUnit::Year, "2025-03-10"),
            Some(date("2025-02-28"))
        );
    }

    #[test]
    fn business_days_skip_weekends_and_holidays() {
        // 2026-11-27 is a Friday: 1 business day later is Monday 2026-11-30.
        assert_eq!(
            due("2026-11-27", 1, TimeUnit::BusinessDay, "2026-12-01"),
            Some(date("2026-11-30"))
        );
        assert_eq!(
            due("2026-11-27", 1, TimeUnit::BusinessDay, "2026-11-30"),
            None
        );
        let mut calendar = Calendar::default();
        calendar.holidays.insert(date("2026-11-30"));
        assert_eq!(
            due_before(
                date("2026-11-27"),
                &every(1, TimeUnit::BusinessDay),
                &calendar,
                date("2026-12-02")
            ),
            Some(date("2026-12-01"))
        );
    }

    #[test]
    fn huge_cycles_are_never_overdue() {
        for unit in [
            TimeUnit::Minute,
            TimeUnit::Hour,
            TimeUnit::Day,
            TimeUnit::BusinessDay,
            TimeUnit::Week,
            TimeUnit::Month,
            TimeUnit::Year,
        ] {
            assert_eq!(
                due("2026-01-01", u64::MAX, unit, "2026-11-28"),
                None,
                "{unit:?}"
            );
        }
    }

    #[test]
    fn hours_round_up_to_whole_days() {
        assert_eq!(
            due("2026-11-01", 25, TimeUnit::Hour, "2026-11-04"),
            Some(date("2026-11-03"))
        );
        assert_eq!(due("2026-11-01", 25, TimeUnit::Hour, "2026-11-03"), None);
    }
}
