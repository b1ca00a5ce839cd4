//! The timeline as text for people: one event a line, with the weekday,
//! in the reader's language.

use chrono::{Datelike, NaiveDateTime};

use super::{Event, Timeline, values};
use crate::i18n::{Lang, Text};
use crate::model::words;
use crate::text;

/// The timeline for people in `lang`, one event a line.
pub fn render_human(timeline: &Timeline, lang: Lang) -> String {
    let mut lines = Vec::new();
    let title = match &timeline.label {
        Some(label) => format!("{} {label}", timeline.process),
        None => timeline.process.clone(),
    };
    lines.push(text!("sim-process", title = title).render(lang));
    if let Some(applicant) = &timeline.applicant {
        lines.push(text!("sim-applicant", role = applicant).render(lang));
    }
    for event in &timeline.events {
        lines.push(line(event, lang));
    }
    let sla = match &timeline.sla {
        Some(sla) if sla.met => text!("sim-sla-met", sla = spoken(&sla.text)),
        Some(sla) => text!("sim-sla-over", sla = spoken(&sla.text)),
        None => Text::verbatim(""),
    };
    lines.push(
        text!(
            "sim-elapsed",
            days = timeline.elapsed_business_days.as_str(),
            sla = sla
        )
        .render(lang),
    );
    for unannounced in &timeline.unannounced_years {
        lines.push(words::unannounced_year(unannounced).render(lang));
    }
    let mut rendered = lines.join("\n");
    rendered.push('\n');
    rendered
}

/// A duration as the timeline holds it (`2 business days`, as written in
/// `.flow`), in words of the reader's language; as written when it is not
/// one.
fn spoken(duration: &str) -> Text {
    match values::parse_duration(duration) {
        Some((amount, unit)) => words::time(amount, unit),
        None => Text::verbatim(duration),
    }
}

/// A moment of the timeline (`2026-12-01T09:00`): its date, time of day
/// and weekday.
fn when(at: &str) -> Text {
    match NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M") {
        Ok(time) => text!(
            "sim-time",
            date = words::date(time.date()),
            clock = time.format("%H:%M").to_string(),
            weekday = weekday_key(time)
        ),
        Err(_) => Text::verbatim(format!("{} ", at.replace('T', " "))),
    }
}

/// The key of the day's weekday in the catalogue's selectors.
fn weekday_key(time: NaiveDateTime) -> &'static str {
    match time.weekday() {
        chrono::Weekday::Mon => "mon",
        chrono::Weekday::Tue => "tue",
        chrono::Weekday::Wed => "wed",
        chrono::Weekday::Thu => "thu",
        chrono::Weekday::Fri => "fri",
        chrono::Weekday::Sat => "sat",
        chrono::Weekday::Sun => "sun",
    }
}

/// A label the user wrote, quoted as the language quotes; nothing when
/// there is none.
fn label(label: Option<&str>) -> Text {
    match label {
        Some(label) => text!("sim-label", label = label),
        None => Text::verbatim(""),
    }
}

/// The condition a decision found true, as written (`amount > 50000 CNY`)
/// in English, in words in Chinese (`金額 > 50,000 元`); `otherwise` in
/// words.
fn condition(matched: &str, lang: Lang) -> Text {
    if matched == "otherwise" {
        return text!("sim-otherwise");
    }
    match crate::syntax::parse_condition(matched) {
        Some(condition) if lang != Lang::En => words::condition(&condition),
        _ => Text::verbatim(matched),
    }
}

/// One event as a line; an event of a called process is indented under its
/// call, its step named `CALL.STEP`.
fn line(event: &Event, lang: Lang) -> String {
    let mut within = String::new();
    let mut depth = 0;
    let mut inner = event;
    while let Event::InCall { call, event, .. } = inner {
        within.push_str(call);
        within.push('.');
        depth += 1;
        inner = event;
    }
    format!(
        "{}  {}{}",
        when(inner.at()).render(lang),
        "  ".repeat(depth),
        what(inner, &within, lang).render(lang)
    )
}

/// What happened, without the time: the verb and its details.
fn what(event: &Event, within: &str, lang: Lang) -> Text {
    let named = |name: &str| format!("{within}{name}");
    match event {
        Event::InCall { call, event, .. } => what(event, &named(&format!("{call}.")), lang),
        Event::CallStarted {
            call,
            process,
            label: called,
            ..
        } => text!(
            "sim-call",
            call = named(call),
            process = process,
            label = label(called.as_deref())
        ),
        Event::CallFinished { call, end, to, .. } => {
            text!("sim-returned", call = named(call), end = end, to = to)
        }
        Event::EarlyFinishRefused {
            step,
            until,
            minimum,
            ..
        } => text!(
            "sim-refused",
            step = named(step),
            until = when(until),
            minimum = spoken(minimum)
        ),
        Event::TimedOut {
            step, after, to, ..
        } => text!(
            "sim-timeout",
            step = named(step),
            after = spoken(after),
            to = to
        ),
        Event::Recorded {
            step, name, value, ..
        } => text!(
            "sim-record",
            step = named(step),
            name = name,
            value = match value.as_str() {
                "yes" => text!("sim-yes"),
                "no" => text!("sim-no"),
                _ => Text::verbatim(value),
            }
        ),
        Event::Started { .. } => text!("sim-start"),
        Event::StepEntered {
            step,
            label: entered,
            owner,
            due,
            round,
            ..
        } => text!(
            "sim-enter",
            step = named(step),
            label = label(entered.as_deref()),
            owner = owner.clone().unwrap_or_else(|| text!("sim-no-owner")),
            due = due.as_deref().map_or_else(
                || Text::verbatim(""),
                |due| text!("sim-due", when = when(due))
            ),
            round = if *round > 1 {
                text!("sim-rework-round", round = *round)
            } else {
                Text::verbatim("")
            }
        ),
        Event::Reminder {
            step, owner, after, ..
        } => text!(
            "sim-remind",
            step = named(step),
            owner = owner.clone().unwrap_or_else(|| text!("sim-the-owner")),
            after = spoken(after)
        ),
        Event::Escalation {
            step, who, after, ..
        } => text!(
            "sim-escalate",
            step = named(step),
            who = who.clone(),
            after = spoken(after)
        ),
        Event::Notified {
            step,
            who,
            when: moment,
            ..
        } => text!(
            "sim-notify",
            step = named(step),
            moment = moment,
            who = who.clone()
        ),
        Event::Signed {
            step,
            signer,
            answer,
            ..
        } => text!(
            "sim-sign",
            step = named(step),
            signer = signer.clone(),
            answer = answer
        ),
        Event::SignatureWithdrawn { step, signer, .. } => {
            text!("sim-unneeded", step = named(step), signer = signer.clone())
        }
        Event::StepCompleted {
            step,
            outcome,
            late,
            ..
        } => text!(
            "sim-done",
            step = named(step),
            outcome = if outcome == "next" {
                text!("sim-next")
            } else {
                Text::verbatim(outcome)
            },
            late = if *late {
                text!("sim-late")
            } else {
                Text::verbatim("")
            }
        ),
        Event::Decision {
            decision,
            matched,
            to,
            ..
        } => text!(
            "sim-decide",
            decision = named(decision),
            matched = condition(matched, lang),
            to = to
        ),
        Event::ParallelStarted {
            block, branches, ..
        } => text!(
            "sim-split",
            block = named(block),
            branches = branches
                .iter()
                .map(|branch| Text::verbatim(branch.as_str()))
                .collect::<Vec<_>>()
        ),
        Event::ParallelJoined { block, .. } => text!("sim-join", block = named(block)),
        Event::BranchWithdrawn { step, block, .. } => {
            text!("sim-withdraw", step = named(step), block = named(block))
        }
        Event::EndReached {
            end, label: ended, ..
        } => text!("sim-end", end = named(end), label = label(ended.as_deref())),
    }
}
