//! The process's quantities as people read them, in any language: money
//! (`5,000 元`), durations (`3 個工作日`), dates (`2027年3月1日`). One
//! place for every output (diagnostics, handbook, diagrams, sim, diff), so
//! a quantity reads the same wherever it is shown.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::i18n::Text;
use crate::syntax::ast::{Duration, TimeUnit};
use crate::text;

/// An amount of money: `5,000 CNY` in English, `5,000 元` in Chinese for
/// yuan (`CNY`, `RMB`), the currency code after the amount otherwise.
pub fn money(amount: Decimal, currency: &str) -> Text {
    text!("money", amount = amount.normalize(), currency = currency)
}

/// A length of time: `3 business days`, `3 個工作日`, `3 个工作日`.
pub fn duration(duration: &Duration) -> Text {
    time(duration.amount, duration.unit)
}

/// `amount` units of time.
pub fn time(amount: u64, unit: TimeUnit) -> Text {
    text!("duration", amount = amount, unit = unit_key(unit))
}

/// The key of a unit in the catalogue's selectors.
fn unit_key(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Minute => "minute",
        TimeUnit::Hour => "hour",
        TimeUnit::Day => "day",
        TimeUnit::BusinessDay => "business-day",
        TimeUnit::Week => "week",
        TimeUnit::Month => "month",
        TimeUnit::Year => "year",
    }
}

/// A date: `2027-03-01` in English, `2027年3月1日` in Chinese.
pub fn date(date: NaiveDate) -> Text {
    text!(
        "date",
        iso = date.format("%Y-%m-%d").to_string(),
        year = date.year().to_string(),
        month = date.month().to_string(),
        day = date.day().to_string()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn quantities_read_naturally_in_every_language() {
        let amount = Decimal::new(50000, 0);
        assert_eq!(money(amount, "CNY").render(Lang::En), "50,000 CNY");
        assert_eq!(money(amount, "CNY").render(Lang::ZhHant), "50,000 元");
        assert_eq!(money(amount, "USD").render(Lang::ZhHans), "50,000 USD");
        assert_eq!(
            money(Decimal::new(12050, 2), "CNY").render(Lang::ZhHant),
            "120.5 元"
        );
        let three = time(3, TimeUnit::BusinessDay);
        assert_eq!(three.render(Lang::En), "3 business days");
        assert_eq!(three.render(Lang::ZhHant), "3 個工作日");
        assert_eq!(three.render(Lang::ZhHans), "3 个工作日");
        assert_eq!(time(1, TimeUnit::Hour).render(Lang::En), "1 hour");
        assert_eq!(time(12, TimeUnit::Month).render(Lang::ZhHant), "12 個月");
        let day = NaiveDate::from_ymd_opt(2027, 3, 1).expect("a date");
        assert_eq!(date(day).render(Lang::En), "2027-03-01");
        assert_eq!(date(day).render(Lang::ZhHant), "2027年3月1日");
    }
}
