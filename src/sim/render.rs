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
        text.push_str(&line(event));
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

fn line(event: &Event) -> String {
    match event {
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
                "{}  enter    {step}{label} by {owner}{due}{round}",
                when(at)
            )
        }
        Event::Reminder {
            at,
            step,
            owner,
            after,
        } => format!(
            "{}  remind   {} about {step} (after {after})",
            when(at),
            owner.as_deref().unwrap_or("the owner")
        ),
        Event::Escalation {
            at,
            step,
            who,
            after,
            ..
        } => format!("{}  escalate {step} to {who} (after {after})", when(at)),
        Event::Notified {
            at,
            step,
            who,
            when: moment,
            ..
        } => format!("{}  notify   {step} {moment}: {who}", when(at)),
        Event::Signed {
            at,
            step,
            signer,
            answer,
        } => format!("{}  sign     {step}: {signer} answers {answer}", when(at)),
        Event::SignatureWithdrawn { at, step, signer } => format!(
            "{}  unneeded {step}: {signer} need not answer, the step is decided",
            when(at)
        ),
        Event::StepCompleted {
            at,
            step,
            outcome,
            late,
        } => format!(
            "{}  done     {step} -> {outcome}{}",
            when(at),
            if *late { " (late)" } else { "" }
        ),
        Event::Decision {
            at,
            decision,
            matched,
            to,
        } => format!("{}  decide   {decision}: {matched} -> {to}", when(at)),
        Event::ParallelStarted {
            at,
            block,
            branches,
        } => format!("{}  split    {block}: {}", when(at), branches.join(", ")),
        Event::ParallelJoined { at, block } => format!("{}  join     {block}", when(at)),
        Event::BranchWithdrawn { at, step, block } => {
            format!("{}  withdraw {step} (left {block})", when(at))
        }
        Event::EndReached { at, end, label } => {
            let label = label
                .as_deref()
                .map(|l| format!(" \"{l}\""))
                .unwrap_or_default();
            format!("{}  end      {end}{label}", when(at))
        }
    }
}
