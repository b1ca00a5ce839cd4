//! The process's quantities as people read them, in any language: money
//! (`5,000 元`), durations (`3 個工作日`), dates (`2027年3月1日`). One
//! place for every output (diagnostics, handbook, diagrams, sim, diff), so
//! a quantity reads the same wherever it is shown.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::i18n::Text;
use crate::model::calendar::UnannouncedYear;
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

/// The warning for a year a holiday preset has no notice for, which was
/// counted as an ordinary year.
pub fn unannounced_year(unannounced: &UnannouncedYear) -> Text {
    text!(
        "unannounced-year",
        preset = unannounced.preset.as_str(),
        year = unannounced.year.to_string(),
        coverage = if unannounced.last_covered.is_some() {
            "known"
        } else {
            "none"
        },
        covered = unannounced
            .last_covered
            .map_or_else(String::new, |year| year.to_string())
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

    #[test]
    fn an_unannounced_year_says_how_far_the_preset_goes() {
        let mut year = UnannouncedYear {
            preset: "cn".to_string(),
            year: 2027,
            last_covered: Some(2026),
        };
        assert_eq!(
            unannounced_year(&year).render(Lang::En),
            "warning: the holiday preset \"cn\" has no notice for 2027 (it covers up to 2026), so 2027 was counted with the working week only; add that year's holidays to [calendar] holidays in flowc.toml, or update flowc once the notice is out"
        );
        assert!(
            unannounced_year(&year)
                .render(Lang::ZhHant)
                .starts_with("警告：節假日預置「cn」沒有 2027 年的通知（只到 2026 年），因此")
        );
        year.last_covered = None;
        assert!(
            unannounced_year(&year)
                .render(Lang::En)
                .contains("no notice for 2027, so 2027")
        );
    }
}
