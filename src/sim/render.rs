//! The timeline as text for people: one event a line, with the weekday.

use chrono::NaiveDateTime;

use super::{Event, Timeline, UnannouncedYearWarning, weekday};

/// The timeline for people, one event a line.
pub fn render_human(timeline: &Timeline) -> String {
    let mut text = String::new();
    let title = match &timeline.label {
        Some(label) => format!("{} {label}", timeline.process),
        None => timeline.process.clone(),
    };
    text.push_str(&format!("process {title}\n"));
    if let Some(applicant) = &timeline.applicant {
        text.push_str(&format!("applicant {applicant}\n"));
    }
    for event in &timeline.events {
        text.push_str(&line(event, ""));
        text.push('\n');
    }
    let sla = match &timeline.sla {
        Some(sla) if sla.met => format!(", within the SLA of {}", sla.text),
        Some(sla) => format!(", OVER the SLA of {}", sla.text),
        None => String::new(),
    };
    text.push_str(&format!(
        "elapsed {} business days{sla}\n",
        timeline.elapsed_business_days
    ));
    for unannounced in &timeline.unannounced_years {
        text.push_str(&unannounced_year(unannounced));
    }
    text
}

fn unannounced_year(unannounced: &UnannouncedYearWarning) -> String {
    let covered = match unannounced.last_covered {
        Some(year) => format!(" (it covers up to {year})"),
        None => String::new(),
    };
    format!(
        "warning: the holiday preset \"{}\" has no notice for {}{covered}, so {} was counted with the working week only; add that year's holidays to [calendar] holidays in flowc.toml, or update flowc once the notice is out\n",
        unannounced.preset, unannounced.year, unannounced.year
    )
}

fn when(at: &str) -> String {
    let day = NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M")
        .map(weekday)
        .unwrap_or("");
    format!("{} {day}", at.replace('T', " "))
}

/// One event as a line; an event of a called process is indented under its
/// call, its step named `CALL.STEP`.
fn line(event: &Event, within: &str) -> String {
    match event {
        Event::InCall { call, event, .. } => {
            let nested = line(event, &format!("{within}{call}."));
            match nested.split_once("  ") {
                Some((time, rest)) => format!("{time}    {rest}"),
                None => nested,
            }
        }
        Event::CallStarted {
            at,
            call,
            process,
            label,
        } => {
            let label = label
                .as_deref()
                .map(|l| format!(" \"{l}\""))
                .unwrap_or_default();
            format!(
                "{}  call     {within}{call}: process {process}{label}",
                when(at)
            )
        }
        Event::CallFinished { at, call, end, to } => format!(
            "{}  returned {within}{call}: ended at {end} -> {to}",
            when(at)
        ),
        Event::EarlyFinishRefused {
            at,
            step,
            until,
            minimum,
        } => format!(
            "{}  refused  {within}{step} cannot be finished before {} (at least {minimum})",
            when(at),
            when(until)
        ),
        Event::TimedOut {
            at,
            step,
            after,
            to,
        } => format!(
            "{}  timeout  {within}{step} not done after {after} -> {to}",
            when(at)
        ),
        Event::Recorded {
            at,
            step,
            name,
            value,
        } => format!("{}  record   {within}{step}.{name} = {value}", when(at)),
        Event::Started { at } => format!("{}  start", when(at)),
        Event::StepEntered {
            at,
            step,
            label,
            owner,
            due,
            round,
        } => {
            let label = label
                .as_deref()
                .map(|l| format!(" \"{l}\""))
                .unwrap_or_default();
            let owner = owner.as_deref().unwrap_or("(no owner)");
            let due = due
                .as_deref()
                .map(|d| format!(", due {}", when(d)))
                .unwrap_or_default();
            let round = if *round > 1 {
                format!(" [rework round {round}]")
            } else {
                String::new()
            };
            format!(
                "{}  enter    {within}{step}{label} by {owner}{due}{round}",
                when(at)
            )
        }
        Event::Reminder {
            at,
            step,
            owner,
            after,
        } => format!(
            "{}  remind   {} about {within}{step} (after {after})",
            when(at),
            owner.as_deref().unwrap_or("the owner")
        ),
        Event::Escalation {
            at,
            step,
            who,
            after,
            ..
        } => format!(
            "{}  escalate {within}{step} to {who} (after {after})",
            when(at)
        ),
        Event::Notified {
            at,
            step,
            who,
            when: moment,
            ..
        } => format!("{}  notify   {within}{step} {moment}: {who}", when(at)),
        Event::Signed {
            at,
            step,
            signer,
            answer,
        } => format!(
            "{}  sign     {within}{step}: {signer} answers {answer}",
            when(at)
        ),
        Event::SignatureWithdrawn { at, step, signer } => format!(
            "{}  unneeded {within}{step}: {signer} need not answer, the step is decided",
            when(at)
        ),
        Event::StepCompleted {
            at,
            step,
            outcome,
            late,
        } => format!(
            "{}  done     {within}{step} -> {outcome}{}",
            when(at),
            if *late { " (late)" } else { "" }
        ),
        Event::Decision {
            at,
            decision,
            matched,
            to,
        } => format!(
            "{}  decide   {within}{decision}: {matched} -> {to}",
            when(at)
        ),
        Event::ParallelStarted {
            at,
            block,
            branches,
        } => format!(
            "{}  split    {within}{block}: {}",
            when(at),
            branches.join(", ")
        ),
        Event::ParallelJoined { at, block } => format!("{}  join     {within}{block}", when(at)),
        Event::BranchWithdrawn { at, step, block } => {
            format!(
                "{}  withdraw {within}{step} (left {within}{block})",
                when(at)
            )
        }
        Event::EndReached { at, end, label } => {
            let label = label
                .as_deref()
                .map(|l| format!(" \"{l}\""))
                .unwrap_or_default();
            format!("{}  end      {within}{end}{label}", when(at))
        }
    }
}
