//! `textDocument/hover`: what a name stands for, or what a duration means
//! in calendar terms.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position, Uri};

use crate::i18n::{Lang, Text};
use crate::model::calendar::Calendar;
use crate::model::names::Symbol;
use crate::model::people::{self, Holder};
use crate::model::words;
use crate::model::{CallDetails, EdgeKind, NodeKind, OrgUnit, Party, Process, Project, RoleId};
use crate::span::FileId;
use crate::syntax;
use crate::syntax::ast::{self, Duration, InputType, KpiTarget, ProcessItem, Signing, StepItem};
use crate::text;

use super::navigation;
use super::position::Encoding;
use super::workspace::Snapshot;

/// The hover for the position, if something there can be described.
pub fn hover(
    snapshot: &Snapshot,
    uri: &Uri,
    position: Position,
    encoding: Encoding,
) -> Option<Hover> {
    let (text, range) = match navigation::occurrence_at(snapshot, uri, position, encoding) {
        Some(occurrence) => (
            describe(snapshot, &occurrence.symbol)?,
            navigation::range(snapshot, occurrence, encoding),
        ),
        None => {
            let file = snapshot.file_of(uri)?;
            let lines = snapshot.lines(file, encoding);
            let offset = lines.offset(position);
            match party_at(&snapshot.project, file, offset) {
                Some((process, party)) => (
                    describe_party(&snapshot.project, process, party, snapshot.lang()),
                    lines.range(party.span),
                ),
                None => {
                    let duration = duration_at(snapshot.text(file), offset)?;
                    (
                        in_calendar_terms(&duration, &snapshot.calendar, snapshot.lang()),
                        lines.range(duration.span),
                    )
                }
            }
        }
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(range),
    })
}

/// `` `name` 標籤 ``
fn named(name: &str, label: Option<&String>) -> String {
    match label {
        Some(label) => format!("`{name}` {label}"),
        None => format!("`{name}`"),
    }
}

fn describe(snapshot: &Snapshot, symbol: &Symbol) -> Option<String> {
    let project = &snapshot.project;
    let lang = snapshot.lang();
    match symbol {
        Symbol::Global(name) => describe_global(snapshot, name),
        Symbol::Node { process, name } => {
            let process = project.processes.get(*process)?;
            let node = process.node_named(name)?;
            Some(describe_node(snapshot, process, node))
        }
        Symbol::Input { process, name } => {
            let process = project.processes.get(*process)?;
            match process.input_named(name) {
                Some(input) => Some(paragraphs(
                    &[
                        text!(
                            "lsp-hover-input",
                            name = &**name,
                            kind = input_type(&input.kind)
                        ),
                        text!(
                            "lsp-hover-of-process",
                            process = named(&process.name, process.label.as_ref())
                        ),
                    ],
                    lang,
                )),
                None => describe_record(process, name, lang),
            }
        }
        Symbol::Choice {
            process,
            input,
            value,
        } => {
            let process = project.processes.get(*process)?;
            let kind = process.value_type(input)?;
            Some(
                text!(
                    "lsp-hover-choice",
                    value = &**value,
                    input = &**input,
                    kind = input_type(kind)
                )
                .render(lang),
            )
        }
        Symbol::Kpi { process, name } => {
            let process = project.processes.get(*process)?;
            let kpi = process.kpis.iter().find(|kpi| *kpi.name.text == **name)?;
            Some(describe_kpi(kpi, &snapshot.calendar, lang))
        }
    }
}

/// Texts in `lang`, each a paragraph of its own.
fn paragraphs(texts: &[Text], lang: Lang) -> String {
    texts
        .iter()
        .map(|text| text.render(lang))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A value a step records: its type, label and step.
fn describe_record(process: &Process, name: &str, lang: Lang) -> Option<String> {
    let recorded = process.record_named(name)?;
    let step = process.node(recorded.step);
    let heading = match &recorded.record.label {
        Some(label) => text!("lsp-hover-record-labelled", label = &label.text),
        None => text!("lsp-hover-record"),
    };
    Some(paragraphs(
        &[
            heading
                .arg("name", name)
                .arg("kind", input_type(&recorded.record.kind)),
            text!(
                "lsp-hover-recorded-by",
                step = named(&step.name, step.label.as_ref()),
                process = named(&process.name, process.label.as_ref())
            ),
        ],
        lang,
    ))
}

/// What a call runs: the process with its owner, and each input with the
/// value given to it.
fn describe_call(project: &Project, details: &CallDetails, lang: Lang) -> String {
    let Some(reference) = &details.process else {
        return line(text!("lsp-hover-calls-nothing"), lang);
    };
    let Some(callee) = reference.target.map(|id| project.process(id)) else {
        return line(
            text!("lsp-hover-calls-undefined", name = reference.name.as_str()),
            lang,
        );
    };
    let mut text = line(
        text!(
            "lsp-hover-calls",
            process = named(&callee.name, callee.label.as_ref())
        ),
        lang,
    );
    text.push_str(&line(
        match &callee.owner {
            Some(owner) => text!(
                "lsp-hover-callee-owner",
                owner = unit(project, owner.target, &owner.name, lang)
            ),
            None => text!("lsp-hover-callee-no-owner"),
        },
        lang,
    ));
    for input in &callee.inputs {
        let given = details
            .bindings
            .iter()
            .find(|binding| binding.input.text == input.name.text)
            .map_or_else(
                || text!("lsp-hover-not-given"),
                |binding| text!("lsp-hover-given", value = binding.value.to_string()),
            );
        text.push_str(&line(
            text!(
                "lsp-hover-call-input",
                name = input.name.text.as_str(),
                kind = input_type(&input.kind),
                given = given
            ),
            lang,
        ));
    }
    text
}

/// `text` in `lang` as a line of a list that follows: a line break, then
/// the text.
fn line(text: Text, lang: Lang) -> String {
    format!("\n{}", text.render(lang))
}

fn describe_global(snapshot: &Snapshot, name: &str) -> Option<String> {
    let project = &snapshot.project;
    let lang = snapshot.lang();
    if let Some(index) = project.roles.iter().position(|role| role.name == name) {
        return Some(describe_role(project, RoleId(index), lang));
    }
    if let Some(department) = project.departments.iter().find(|d| d.name == name) {
        let roles: Vec<Text> = project
            .roles
            .iter()
            .filter(|role| {
                role.department
                    .as_ref()
                    .is_some_and(|d| d.name == department.name)
            })
            .map(|role| Text::verbatim(named(&role.name, role.label.as_ref())))
            .collect();
        let mut text = text!(
            "lsp-hover-department",
            name = named(name, department.label.as_ref())
        )
        .render(lang);
        if !roles.is_empty() {
            text.push_str("\n\n");
            text.push_str(&text!("lsp-hover-roles", roles = roles).render(lang));
        }
        return Some(text);
    }
    let process = project.processes.iter().find(|p| p.name == name)?;
    Some(describe_process(project, process, &snapshot.calendar, lang))
}

fn describe_role(project: &Project, id: RoleId, lang: Lang) -> String {
    let role = project.role(id);
    let mut text = text!(
        "lsp-hover-role",
        name = named(&role.name, role.label.as_ref())
    )
    .render(lang);
    if let Some(department) = &role.department {
        let label = department
            .target
            .and_then(|target| project.department(target).label.as_ref());
        text.push_str("\n\n");
        text.push_str(
            &text!(
                "lsp-hover-role-department",
                name = named(&department.name, label)
            )
            .render(lang),
        );
    }
    let chain: Vec<String> = project
        .superiors(id)
        .into_iter()
        .map(|superior| {
            let superior = project.role(superior);
            named(&superior.name, superior.label.as_ref())
        })
        .collect();
    let line = if chain.is_empty() {
        text!("lsp-hover-reports-to-nobody")
    } else {
        text!("lsp-hover-reporting-chain", chain = chain.join(" → "))
    };
    text.push('\n');
    text.push_str(&line.render(lang));
    text
}

fn unit(project: &Project, unit: Option<OrgUnit>, name: &str, lang: Lang) -> String {
    let label = match unit {
        Some(OrgUnit::Role(role)) => project.role(role).label.as_ref(),
        Some(OrgUnit::Department(department)) => project.department(department).label.as_ref(),
        None => None,
    };
    match unit {
        Some(_) => named(name, label),
        None => text!("lsp-undefined", name = name).render(lang),
    }
}

fn describe_process(
    project: &Project,
    process: &Process,
    calendar: &Calendar,
    lang: Lang,
) -> String {
    let mut text = text!(
        "lsp-hover-process",
        name = named(&process.name, process.label.as_ref())
    )
    .render(lang);
    if let Some(category) = process.category {
        text.push_str("\n\n");
        text.push_str(&text!("lsp-hover-category", category = category.keyword()).render(lang));
    }
    if let Some(owner) = &process.owner {
        text.push('\n');
        text.push_str(
            &text!(
                "lsp-hover-owner",
                owner = unit(project, owner.target, &owner.name, lang)
            )
            .render(lang),
        );
    }
    if let Some(sla) = &process.sla {
        text.push('\n');
        text.push_str(
            &text!("lsp-hover-sla", sla = short_calendar_terms(sla, calendar)).render(lang),
        );
    }
    let steps = process
        .nodes
        .iter()
        .filter(|node| matches!(node.kind, NodeKind::Step(_)))
        .count();
    text.push('\n');
    text.push_str(&text!("lsp-hover-steps", count = steps.to_string()).render(lang));
    text
}

fn describe_node(snapshot: &Snapshot, process: &Process, id: crate::model::NodeId) -> String {
    let project = &snapshot.project;
    let calendar = &snapshot.calendar;
    let lang = snapshot.lang();
    let node = process.node(id);
    let mut text = paragraphs(
        &[
            text!(
                "lsp-hover-node",
                kind = node.kind.words(),
                name = named(&node.name, node.label.as_ref())
            ),
            text!(
                "lsp-hover-in-process",
                process = named(&process.name, process.label.as_ref())
            ),
        ],
        lang,
    );
    text.push('\n');
    let mut item = |message: Text| text.push_str(&line(message, lang));
    if let NodeKind::Step(details) = &node.kind {
        item(match &details.owner {
            Some(owners) => {
                let words = match (owners.signing, owners.parties.as_slice()) {
                    (Signing::One, [party]) if !party.is_relative() => {
                        unit(project, party.fixed(), &party.to_string(), lang)
                    }
                    _ => format!("`{owners}`"),
                };
                text!("lsp-hover-step-owner", owner = words)
            }
            None => text!("lsp-hover-no-owner"),
        });
        item(match &details.deadline {
            Some(deadline) => text!(
                "lsp-hover-deadline",
                duration = short_calendar_terms(deadline, calendar)
            ),
            None => text!("lsp-hover-no-deadline"),
        });
        if let Some(minimum) = &details.minimum {
            item(text!(
                "lsp-hover-at-least",
                duration = short_calendar_terms(minimum, calendar)
            ));
        }
        for recorded in process
            .records
            .iter()
            .filter(|recorded| recorded.step == id)
        {
            item(text!(
                "lsp-hover-records",
                name = recorded.record.name.text.as_str(),
                kind = input_type(&recorded.record.kind)
            ));
        }
        for reminder in &details.reminders {
            item(text!(
                "lsp-hover-reminder",
                duration = short_calendar_terms(reminder, calendar)
            ));
        }
        for escalation in &details.escalations {
            let to = escalation.to.fixed_role().map(|role| {
                let role = project.role(role);
                named(&role.name, role.label.as_ref())
            });
            item(text!(
                "lsp-hover-escalation",
                duration = short_calendar_terms(&escalation.after, calendar),
                to = to.unwrap_or_else(|| match escalation.to.is_relative() {
                    true => format!("`{}`", escalation.to),
                    false => text!("lsp-undefined", name = escalation.to.to_string()).render(lang),
                })
            ));
        }
    }
    if let NodeKind::Call(details) = &node.kind {
        text.push_str(&describe_call(project, details, lang));
    }
    let from = match node.kind {
        NodeKind::Parallel { join, .. } => vec![id, join],
        _ => vec![id],
    };
    for edge in from.into_iter().flat_map(|node| process.edges_from(node)) {
        let target = process.node(edge.to);
        let target = named(&target.name, target.label.as_ref());
        let edge = match &edge.kind {
            EdgeKind::Next => text!("lsp-hover-next", target = target),
            EdgeKind::Outcome(outcome) => text!(
                "lsp-hover-outcome",
                outcome = outcome.to_string(),
                target = target
            ),
            EdgeKind::When(condition) => text!(
                "lsp-hover-when",
                condition = condition.to_string(),
                target = target
            ),
            EdgeKind::Otherwise => text!("lsp-hover-otherwise", target = target),
            EdgeKind::Timeout(after) => text!(
                "lsp-hover-timeout",
                after = words::duration(after),
                target = target
            ),
            EdgeKind::Branch => text!("lsp-hover-branch", target = target),
            EdgeKind::Join => continue,
        };
        text.push_str(&line(edge, lang));
    }
    text
}

fn describe_kpi(kpi: &ast::Kpi, calendar: &Calendar, lang: Lang) -> String {
    let target = match &kpi.target {
        KpiTarget::Duration(duration) => short_calendar_terms(duration, calendar),
        KpiTarget::Percentage(value) => Text::verbatim(format!("{value}%")),
        KpiTarget::Number(value) => Text::verbatim(value.to_string()),
    };
    let target = words::kpi_target(
        kpi.statistic
            .map(|statistic| Text::verbatim(statistic.keyword())),
        &kpi.bound.words().replace(' ', "-"),
        target,
    );
    paragraphs(
        &[
            text!(
                "lsp-hover-kpi",
                name = named(&kpi.name.text, kpi.label.as_ref().map(|label| &label.text))
            ),
            target,
        ],
        lang,
    )
}

fn input_type(kind: &InputType) -> Text {
    match kind {
        InputType::Money { currency } => text!("lsp-type-money", currency = currency.as_str()),
        InputType::Number => text!("lsp-type", kind = "number"),
        InputType::Text => text!("lsp-type", kind = "text"),
        InputType::YesNo => text!("lsp-type", kind = "yes-no"),
        InputType::Date => text!("lsp-type", kind = "date"),
        InputType::Choice(values) => text!(
            "lsp-type-choice",
            values = values
                .iter()
                .map(|value| text!("quoted-name", name = value.text.as_str()))
                .collect::<Vec<_>>()
        ),
    }
}

/// A number of hundredths, printed with at most two decimals.
fn hundredths(value: u128) -> String {
    match value % 100 {
        0 => format!("{}", value / 100),
        fraction if fraction % 10 == 0 => format!("{}.{}", value / 100, fraction / 10),
        fraction => format!("{}.{fraction:02}", value / 100),
    }
}

/// `2 business days (≈ 2.8 calendar days)`
fn short_calendar_terms(duration: &Duration, calendar: &Calendar) -> Text {
    let (business, days) = equivalents(duration, calendar);
    match duration.unit {
        ast::TimeUnit::BusinessDay => text!(
            "lsp-calendar-days",
            duration = words::duration(duration),
            days = days
        ),
        _ => text!(
            "lsp-business-days",
            duration = words::duration(duration),
            business = business
        ),
    }
}

/// The duration in business days and in calendar days, as text.
fn equivalents(duration: &Duration, calendar: &Calendar) -> (String, String) {
    let time = calendar.working_time(duration).0;
    let business_day = u128::from(calendar.hours_per_day.max(1)) * 60 * 84;
    let working_days = calendar.working_days.len().max(1) as u128;
    let business = hundredths(time * 100 / business_day);
    let days = hundredths(time * 100 * 7 / (business_day * working_days));
    (business, days)
}

fn in_calendar_terms(duration: &Duration, calendar: &Calendar, lang: Lang) -> String {
    let (business, days) = equivalents(duration, calendar);
    let hours = hundredths(calendar.working_time(duration).0 * 100 / (60 * 84));
    let days_of_week: Vec<Text> = calendar
        .working_days
        .iter()
        .map(|day| text!("lsp-weekday", day = day.to_string()))
        .collect();
    let week = text!(
        "lsp-working-calendar",
        days = days_of_week,
        hours = calendar.hours_per_day.to_string(),
        holidays = calendar.holidays.len()
    );
    format!(
        "{}{}\n\n{}",
        paragraphs(
            &[
                text!("lsp-duration", duration = words::duration(duration)),
                text!("lsp-duration-business", business = business, hours = hours),
            ],
            lang
        ),
        line(text!("lsp-duration-calendar", days = days), lang),
        week.render(lang)
    )
}

/// The duration written around `offset`, if any.
/// The party relative to the applicant or to a role (`manager of
/// applicant`, `applicant`, `manager of dept_head`) written at `offset` of
/// `file`, with its process.
fn party_at(project: &Project, file: FileId, offset: usize) -> Option<(&Process, &Party)> {
    project
        .processes
        .iter()
        .filter(|process| process.file == file)
        .find_map(|process| {
            process
                .nodes
                .iter()
                .filter_map(|node| match &node.kind {
                    NodeKind::Step(details) => Some(details.as_ref()),
                    _ => None,
                })
                .flat_map(people::parties)
                .find(|party| {
                    party.is_relative() && party.span.start <= offset && offset <= party.span.end
                })
                .map(|party| (&**process, party))
        })
}

/// Who a party is, for each role the applicant of `process` may hold:
/// "when the applicant is 員工 (employee): 部門負責人 (dept_head)".
fn describe_party(project: &Project, process: &Process, party: &Party, lang: Lang) -> String {
    let mut text = format!("**`{party}`**");
    if party.starts_from_applicant() && process.applicant_span.is_none() {
        text.push('\n');
        text.push_str(&line(
            text!(
                "lsp-party-no-applicant",
                process = named(&process.name, process.label.as_ref())
            ),
            lang,
        ));
        return text;
    }
    text.push('\n');
    for case in people::cases(project, process) {
        let who = match people::resolve(project, party, case) {
            Holder::Unit(unit) => Text::verbatim(person(project, unit)),
            Holder::NoManager { of, .. } => text!(
                "lsp-party-nobody-top",
                role = person(project, OrgUnit::Role(of))
            ),
            Holder::Unknown => text!("lsp-party-nobody-undefined"),
        };
        match case {
            Some(role) if party.starts_from_applicant() => text.push_str(&line(
                text!(
                    "lsp-party-when-applicant",
                    role = person(project, OrgUnit::Role(role)),
                    who = who
                ),
                lang,
            )),
            _ => {
                text.push_str(&line(text!("lsp-party-item", who = who), lang));
                break;
            }
        }
    }
    text
}

/// A role or department as hovers name people: "部門負責人 (dept_head)", or
/// "`dept_head`" without a label.
fn person(project: &Project, unit: OrgUnit) -> String {
    let (name, label) = match unit {
        OrgUnit::Role(role) => {
            let role = project.role(role);
            (&role.name, role.label.as_ref())
        }
        OrgUnit::Department(department) => {
            let department = project.department(department);
            (&department.name, department.label.as_ref())
        }
    };
    match label {
        Some(label) => format!("{label} ({name})"),
        None => format!("`{name}`"),
    }
}

fn duration_at(text: &str, offset: usize) -> Option<Duration> {
    let tree = syntax::parse_recovering(text).tree;
    let mut durations = Vec::new();
    for declaration in &tree.declarations {
        let ast::Declaration::Process(process) = declaration else {
            continue;
        };
        for item in &process.items {
            match item {
                ProcessItem::Review(review) => durations.push(review.every),
                ProcessItem::Sla(sla, _) => durations.push(*sla),
                ProcessItem::Kpi(kpi) => {
                    if let KpiTarget::Duration(target) = kpi.target {
                        durations.push(target);
                    }
                }
                ProcessItem::Step(step) => {
                    for item in &step.items {
                        match item {
                            StepItem::Within(d, _)
                            | StepItem::AtLeast(d, _)
                            | StepItem::Remind(d, _) => durations.push(*d),
                            StepItem::Escalate(escalation) => durations.push(escalation.after),
                            StepItem::Timeout(timeout) => durations.push(timeout.after),
                            StepItem::Kpi(kpi) => {
                                if let KpiTarget::Duration(target) = kpi.target {
                                    durations.push(target);
                                }
                            }
                            StepItem::Owner(..)
                            | StepItem::Notify(_)
                            | StepItem::Consult(..)
                            | StepItem::Note(_)
                            | StepItem::Record(_)
                            | StepItem::Outcome(_)
                            | StepItem::Next(..) => {}
                        }
                    }
                }
                ProcessItem::Category(..)
                | ProcessItem::Owner(..)
                | ProcessItem::Applicant(..)
                | ProcessItem::Version(_)
                | ProcessItem::Note(_)
                | ProcessItem::Input(_)
                | ProcessItem::Start(..)
                | ProcessItem::Decision(_)
                | ProcessItem::Parallel(_)
                | ProcessItem::Call(_)
                | ProcessItem::End(_)
                | ProcessItem::Broken(_) => {}
            }
        }
    }
    durations
        .into_iter()
        .find(|duration| duration.span.start <= offset && offset <= duration.span.end)
}
