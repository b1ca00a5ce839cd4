//! Mistakes people make often, recognised where the parser stops, each
//! with a message that names it and a help line with the corrected text.
//!
//! `errors` asks here first; when nothing fits, it words the error from
//! what the grammar expected. Each check reads only the line of the error.

use super::Rule;
use super::SyntaxError;
use super::keywords;
use crate::i18n::Text;
use crate::span::Span;
use crate::text;

/// The line around an error: the text before it on its line and the text
/// after it up to the line end.
struct Place<'a> {
    text: &'a str,
    offset: usize,
    before: &'a str,
    after: &'a str,
}

impl<'a> Place<'a> {
    fn new(text: &'a str, offset: usize) -> Self {
        let line_start = text[..offset].rfind(['\n', '\r']).map_or(0, |at| at + 1);
        let line_end = text[offset..]
            .find(['\n', '\r'])
            .map_or(text.len(), |at| offset + at);
        Place {
            text,
            offset,
            before: &text[line_start..offset],
            after: &text[offset..line_end],
        }
    }

    /// The word at the error: up to the next space.
    fn word(&self) -> &'a str {
        let end = self
            .after
            .find(char::is_whitespace)
            .unwrap_or(self.after.len());
        &self.after[..end]
    }

    /// The words before the error on its line.
    fn words_before(&self) -> Vec<&'a str> {
        self.before.split_whitespace().collect()
    }

    /// The span of `len` bytes from `start` bytes before the error.
    fn span(&self, back: usize, len: usize) -> Span {
        Span::new(self.offset - back, self.offset - back + len)
    }
}

/// A check for one mistake at a place, given what the grammar expected.
type Check = fn(&Place, &[Rule]) -> Option<SyntaxError>;

/// The error for a common mistake at `offset`, where the grammar expected
/// `expected`; `None` when the place shows none of them.
pub(super) fn recognise(text: &str, offset: usize, expected: &[Rule]) -> Option<SyntaxError> {
    let place = Place::new(text, offset);
    let checks: [Check; 9] = [
        quoted_name,
        thousands_separator,
        fraction_of_a_unit,
        full_width_digits,
        single_equals,
        slashed_date,
        several_owners,
        space_in_name,
        word_from_another_language,
    ];
    checks.iter().find_map(|check| check(&place, expected))
}

/// `next "人事備案"`: a name written in quotes, often the label of the
/// thing meant.
fn quoted_name(place: &Place, expected: &[Rule]) -> Option<SyntaxError> {
    if !expected.contains(&Rule::name) && !expected.contains(&Rule::party) {
        return None;
    }
    let quoted = place.after.strip_prefix('"')?;
    let label = &quoted[..quoted.find('"')?];
    let keyword = place.words_before().last().copied().unwrap_or_default();
    let span = place.span(0, label.len() + 2);
    Some(match labelled(place.text, label) {
        Some((kind, name)) => SyntaxError::new(
            span,
            text!(
                "syntax-quoted-name",
                label = label,
                kind = text!("thing-kind", kind = kind.replace(' ', "-")),
                name = &name
            ),
            text!("syntax-quoted-name-help", keyword = keyword, name = &name),
        ),
        None => SyntaxError::new(
            span,
            text!("syntax-quoted-unknown-name", label = label),
            text!(
                "syntax-quoted-unknown-name-help",
                keyword = keyword,
                name = as_name(label),
                declaring = declaring_keyword(keyword),
                label = label
            ),
        ),
    })
}

/// The keyword that declares what a name after `keyword` names.
fn declaring_keyword(keyword: &str) -> &'static str {
    match keyword {
        "owner" | "to" => "role",
        "in" => "department",
        _ => "step",
    }
}

/// `text` as a name: spaces joined with `_`.
fn as_name(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join("_")
}

/// The declaration (its kind and name) whose label is `label`, if any:
/// a line `KEYWORD NAME "label"`.
fn labelled(text: &str, label: &str) -> Option<(&'static str, String)> {
    let quoted = format!("\"{label}\"");
    text.lines().find_map(|line| {
        let mut words = line.split_whitespace();
        let keyword = words.next()?;
        let name = words.next()?;
        let kind = match keyword {
            "department" => "department",
            "role" => "role",
            "process" => "process",
            "step" => "step",
            "decide" => "decision",
            "parallel" => "parallel block",
            "end" => "end",
            _ => return None,
        };
        let rest = line.trim_start()[keyword.len()..].trim_start()[name.len()..].trim_start();
        rest.starts_with(&quoted).then(|| (kind, name.to_string()))
    })
}

/// `50,000 CNY`: a comma between groups of digits.
fn thousands_separator(place: &Place, _expected: &[Rule]) -> Option<SyntaxError> {
    let digits_before = place.before.len()
        - place
            .before
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .len();
    if digits_before == 0 {
        return None;
    }
    let mut rest = place.after;
    let mut groups = Vec::new();
    while let Some(group) = rest.strip_prefix(',')
        && group.len() >= 3
        && group.as_bytes()[..3].iter().all(u8::is_ascii_digit)
        && !group.as_bytes().get(3).is_some_and(u8::is_ascii_digit)
    {
        groups.push(&group[..3]);
        rest = &group[3..];
    }
    if groups.is_empty() {
        return None;
    }
    let written_len = digits_before + groups.len() * 4;
    let written = &place.before[place.before.len() - digits_before..];
    let plain = format!("{written}{}", groups.concat());
    let grouped = format!("{written}_{}", groups.join("_"));
    Some(SyntaxError::new(
        place.span(digits_before, written_len),
        text!(
            "syntax-thousands-separator",
            written = format!("{written},{}", groups.join(","))
        ),
        text!(
            "syntax-thousands-separator-help",
            plain = plain,
            grouped = grouped
        ),
    ))
}

/// `0.5 business day`: durations are whole numbers of a unit.
fn fraction_of_a_unit(place: &Place, expected: &[Rule]) -> Option<SyntaxError> {
    if !expected.contains(&Rule::duration_unit) {
        return None;
    }
    let whole_len = place.before.len()
        - place
            .before
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .len();
    let fraction = place.after.strip_prefix('.')?;
    let fraction_len = fraction
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(fraction.len());
    if whole_len == 0 || fraction_len == 0 {
        return None;
    }
    let number = format!(
        "{}.{}",
        &place.before[place.before.len() - whole_len..],
        &fraction[..fraction_len]
    );
    let unit_text = fraction[fraction_len..].trim_start();
    let (unit, smaller, plural, factor) = smaller_unit(unit_text)?;
    let amount: f64 = number.parse().ok()?;
    let converted = amount * factor;
    let help = if converted.fract() == 0.0 && converted >= 1.0 {
        let converted = converted as u64;
        let noun = if converted == 1 { smaller } else { plural };
        let id = if unit == "business-day" {
            "syntax-fraction-of-a-business-day-help"
        } else {
            "syntax-fraction-of-a-unit-help"
        };
        Text::new(id).arg("smaller", format!("{converted} {noun}"))
    } else {
        text!(
            "syntax-fraction-of-a-unit-round",
            unit = units(unit),
            smaller = units(smaller)
        )
    };
    Some(SyntaxError::new(
        place.span(whole_len, whole_len + 1 + fraction_len),
        text!(
            "syntax-fraction-of-a-unit",
            written = format!("{number} {unit_text}"),
            unit = units(unit)
        ),
        help,
    ))
}

/// A unit of time (a key of `time-units`) in the plural: "hours", 小時.
fn units(unit: &str) -> Text {
    text!("time-units", unit = unit)
}

/// The unit written at the start of `text` (its key in `time-units`), the
/// next smaller unit (its key, and as written in the plural) and how many
/// of it one makes.
fn smaller_unit(text: &str) -> Option<(&'static str, &'static str, &'static str, f64)> {
    let first = text.split_whitespace().next()?;
    let second = text.split_whitespace().nth(1).unwrap_or_default();
    Some(match (first, second) {
        ("business", "day" | "days") => ("business-day", "hour", "hours", 8.0),
        ("day" | "days", _) => ("day", "hour", "hours", 24.0),
        ("hour" | "hours", _) => ("hour", "minute", "minutes", 60.0),
        ("week" | "weeks", _) => ("week", "day", "days", 7.0),
        ("month" | "months", _) => ("month", "week", "weeks", 4.0),
        ("year" | "years", _) => ("year", "month", "months", 12.0),
        ("minute" | "minutes", _) => ("minute", "minute", "minutes", 1.0),
        _ => return None,
    })
}

/// `３`: digits typed full-width.
fn full_width_digits(place: &Place, _expected: &[Rule]) -> Option<SyntaxError> {
    let word = place.word();
    if !word.chars().any(|c| ('０'..='９').contains(&c)) {
        return None;
    }
    let ascii: String = word
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '％' => '%',
            other => other,
        })
        .collect();
    Some(SyntaxError::new(
        place.span(0, word.len()),
        text!("syntax-full-width-digits", word = word),
        text!("syntax-full-width-digits-help", ascii = ascii),
    ))
}

/// `urgent = yes`: one `=` where a comparison was meant.
fn single_equals(place: &Place, expected: &[Rule]) -> Option<SyntaxError> {
    if !expected.contains(&Rule::comparator)
        || !place.after.starts_with('=')
        || place.after.starts_with("==")
    {
        return None;
    }
    let input = place.words_before().last().copied().unwrap_or("INPUT");
    let value = place.after[1..]
        .split_whitespace()
        .next()
        .unwrap_or("VALUE");
    Some(SyntaxError::new(
        place.span(0, 1),
        text!("syntax-single-equals"),
        text!("syntax-single-equals-help", input = input, value = value),
    ))
}

/// `2026/3/1`: a date with slashes (or dots), or without leading zeros.
fn slashed_date(place: &Place, expected: &[Rule]) -> Option<SyntaxError> {
    if !expected.contains(&Rule::date) {
        return None;
    }
    let word = place.word();
    let parts: Vec<&str> = word.split(['/', '.', '-']).collect();
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if year.len() != 4 || month.len() > 2 || day.len() > 2 {
        return None;
    }
    if !(all_digits(year) && all_digits(month) && all_digits(day)) {
        return None;
    }
    let written = format!("{year}-{month:0>2}-{day:0>2}");
    Some(SyntaxError::new(
        place.span(0, word.len()),
        text!("syntax-slashed-date", word = word),
        text!("syntax-write", written = written),
    ))
}

/// `owner a, b`: a second owner.
fn several_owners(place: &Place, _expected: &[Rule]) -> Option<SyntaxError> {
    let words = place.words_before();
    if words.first() != Some(&"owner") || !place.after.starts_with(',') {
        return None;
    }
    let first = words.get(1).copied().unwrap_or("ROLE");
    let rest = place.after.lines().next().unwrap_or_default().trim_end();
    Some(SyntaxError::new(
        place.span(0, place.word().len()),
        text!("syntax-several-owners", first = first),
        text!(
            "syntax-several-owners-help",
            owners = format!("{first}{rest}")
        ),
    ))
}

/// Keywords that take a name last on their line.
const BEFORE_A_NAME: &[&str] = &[
    "owner",
    "next",
    "start",
    "branch",
    "to",
    "->",
    "in",
    "department",
    "role",
    "step",
    "decide",
    "parallel",
    "end",
];

/// `owner dept head`: a name with a space in it.
fn space_in_name(place: &Place, expected: &[Rule]) -> Option<SyntaxError> {
    if !expected
        .iter()
        .any(|rule| matches!(rule, Rule::line_end | Rule::EOI | Rule::label))
    {
        return None;
    }
    let word = place.word();
    let is_name = |word: &str| {
        word.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && word.chars().all(|c| c.is_alphanumeric() || c == '_')
    };
    let words = place.words_before();
    let [.., keyword, name] = words.as_slice() else {
        return None;
    };
    if !BEFORE_A_NAME.contains(keyword)
        || !is_name(name)
        || !is_name(word)
        || keywords::is_keyword(word)
    {
        return None;
    }
    let gap = place.before.len() - place.before.trim_end().len();
    Some(SyntaxError::new(
        place.span(gap + name.len(), name.len() + gap + word.len()),
        text!("syntax-space-in-name", name = *name, word = word),
        text!("syntax-space-in-name-help", name = *name, word = word),
    ))
}

/// `else`, `if`: words of other languages for flowc's keywords.
fn word_from_another_language(place: &Place, _expected: &[Rule]) -> Option<SyntaxError> {
    if !place.before.trim().is_empty() {
        return None;
    }
    let word = place.word();
    let keyword = keywords::SYNONYMS
        .iter()
        .find(|(synonym, _)| *synonym == word)
        .map(|(_, keyword)| *keyword)?;
    Some(SyntaxError::new(
        place.span(0, word.len()),
        text!("syntax-other-language", word = word, keyword = keyword),
        text!("syntax-write", written = keywords::line_shape(keyword)),
    ))
}
