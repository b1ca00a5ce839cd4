//! The process's quantities as people read them, in any language: money
//! (`5,000 元`), durations (`3 個工作日`), dates (`2027年3月1日`). One
//! place for every output (diagnostics, handbook, diagrams, sim, diff), so
//! a quantity reads the same wherever it is shown.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::i18n::Text;
use crate::model::calendar::UnannouncedYear;
use crate::syntax::ast::{Comparator, Condition, Duration, Operand, TimeUnit, Value};
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

/// What a KPI asks: `p90 under 10 business days`, `p90 低於 10 個工作日`;
/// `bound` is the bound's key (`under`, `at-most`, `at-least`, `over`).
pub fn kpi_target(statistic: Option<Text>, bound: &str, target: Text) -> Text {
    let bound = text!("handbook-kpi-bound", bound = bound);
    match statistic {
        Some(statistic) => text!(
            "handbook-kpi-statistic-target",
            statistic = statistic,
            bound = bound,
            target = target
        ),
        None => text!("handbook-kpi-target", bound = bound, target = target),
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

/// A condition as a reader takes it: `amount <= 5,000 CNY and amount >
/// 100 CNY` in English, `amount ≤ 5,000 元 且 amount > 100 元` in Chinese.
/// The names compared are the user's and stay as written; the operators,
/// `and`, `or`, `not`, `yes` and `no`, money and dates are the language's.
/// Parenthesised where the written form needs it.
pub fn condition(condition: &Condition) -> Text {
    match condition {
        Condition::AnyOf(parts, _) => joined(parts, "condition-or", |part| {
            matches!(part, Condition::AnyOf(..))
        }),
        Condition::AllOf(parts, _) => joined(parts, "condition-and", |part| {
            matches!(part, Condition::AnyOf(..) | Condition::AllOf(..))
        }),
        Condition::Not(inner, _) => {
            let grouped = !matches!(inner.as_ref(), Condition::Compare(_) | Condition::Not(..));
            text!("condition-not", condition = grouped_if(inner, grouped))
        }
        Condition::Compare(comparison) => text!(
            "condition-compare",
            input = comparison.input.text.as_str(),
            op = comparator_key(comparison.op),
            value = operand(&comparison.value)
        ),
    }
}

/// `parts` joined by the message `id` (`{ $left } and { $right }`), left
/// to right, those `needs_group` picks in brackets.
fn joined(parts: &[Condition], id: &'static str, needs_group: impl Fn(&Condition) -> bool) -> Text {
    Text::chain(
        id,
        parts
            .iter()
            .map(|part| grouped_if(part, needs_group(part)))
            .collect(),
    )
}

/// The condition in words, in brackets when `grouped`.
fn grouped_if(part: &Condition, grouped: bool) -> Text {
    if grouped {
        text!("condition-group", condition = condition(part))
    } else {
        condition(part)
    }
}

/// The key of a comparator in the catalogue's selectors.
fn comparator_key(comparator: Comparator) -> &'static str {
    match comparator {
        Comparator::Less => "less",
        Comparator::AtMost => "at-most",
        Comparator::Greater => "greater",
        Comparator::AtLeast => "at-least",
        Comparator::Equal => "equal",
        Comparator::NotEqual => "not-equal",
    }
}

/// The right side of a comparison in words: money and dates as the
/// language writes them, `yes` and `no` as words, names as written.
fn operand(operand: &Operand) -> Text {
    let literal = match operand {
        Operand::Value(name) => return Text::verbatim(name.text.as_str()),
        Operand::Literal(literal) => &literal.value,
    };
    match literal {
        Value::Money { amount, currency } => money(*amount, currency),
        Value::Number(number) => text!("condition-number", value = number.normalize()),
        Value::Date(day) => date(*day),
        Value::Name(name) if name == "yes" => text!("condition-yes"),
        Value::Name(name) if name == "no" => text!("condition-no"),
        Value::Text(_) | Value::Name(_) => Text::verbatim(literal.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::syntax::ast;

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

    fn parsed_condition(source: &str) -> Condition {
        let text = format!(
            "process p {{\n  input amount: money CNY\n  input urgent: yes/no\n  start d\n  decide d {{\n    when {source} -> e\n    otherwise -> e\n  }}\n  end e\n}}\n"
        );
        let tree = crate::syntax::parse(&text).expect("the condition parses");
        let process = tree
            .declarations
            .iter()
            .find_map(|declaration| match declaration {
                ast::Declaration::Process(process) => Some(process),
                _ => None,
            })
            .expect("a process");
        let decision = process
            .items
            .iter()
            .find_map(|item| match item {
                ast::ProcessItem::Decision(decision) => Some(decision),
                _ => None,
            })
            .expect("a decision");
        match &decision.branches[0] {
            ast::DecisionBranch::When { condition, .. } => condition.clone(),
            ast::DecisionBranch::Otherwise { .. } => panic!("a condition first"),
        }
    }

    #[test]
    fn conditions_read_in_words_with_the_names_as_written() {
        let both = parsed_condition("amount > 5000 CNY and amount <= 50000 CNY");
        assert_eq!(
            condition(&both).render(Lang::En),
            "amount > 5,000 CNY and amount <= 50,000 CNY"
        );
        assert_eq!(
            condition(&both).render(Lang::ZhHant),
            "amount > 5,000 元 且 amount ≤ 50,000 元"
        );
        let grouped = parsed_condition("not (urgent == yes or amount >= 1000 CNY)");
        assert_eq!(
            condition(&grouped).render(Lang::En),
            "not (urgent == yes or amount >= 1,000 CNY)"
        );
        assert_eq!(
            condition(&grouped).render(Lang::ZhHans),
            "并非 (urgent = 是 或 amount ≥ 1,000 元)"
        );
    }
}
