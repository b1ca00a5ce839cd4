//! The training handbook: what a trainer hands out for every process.
//!
//! [`handbook`] gathers, from a checked project, the content of the index
//! and of one page per process (facts, diagram, step table, decisions,
//! responsibility matrix, KPIs, warnings) into plain data; [`html`] and
//! [`markdown`] only lay that data out, so both formats say the same.

mod calls;
mod figure;
pub mod html;
pub mod markdown;

use chrono::{Datelike, Months, NaiveDate, Weekday};

use crate::check::CheckedProject;
use crate::diagnostics::{Diagnostic, Severity};
use crate::emit::diagram::{self, DiagramOptions, Lane, Who, unit_title};
use crate::emit::render::{self, Engine, ImageFormat, RenderError};
use crate::i18n::{Lang, Text};
use crate::model::{self, EdgeKind, NodeKind, OrgUnit, Process, Project, words};
use crate::span::LineIndex;
use crate::syntax::ast::{self, Category, InputType, KpiTarget, Signing, TimeUnit};
use crate::text;

/// How the handbook is made.
#[derive(Debug, Clone, Copy)]
pub struct DocOptions {
    /// The day review status is computed for.
    pub today: NaiveDate,
    /// What draws the diagrams.
    pub engine: Engine,
    /// Whether the engine was chosen automatically, so processes too large
    /// for Graphviz go to the built-in layout ([`render::engine_for`]).
    pub automatic: bool,
    /// How the diagrams are drawn, and the language of the whole
    /// handbook (`diagram.lang`).
    pub diagram: DiagramOptions,
}

/// The whole handbook: one page per process, in category order.
#[derive(Debug, Clone)]
pub struct Handbook {
    /// The day review status was computed for.
    pub today: NaiveDate,
    /// The engine that drew the diagrams.
    pub engine: Engine,
    /// The language of the words around the user's labels.
    pub lang: Lang,
    /// The pages, by category (business, management, approval, none) then
    /// in declaration order.
    pub pages: Vec<ProcessPage>,
}

impl Handbook {
    /// The page of the process called `name`, if the handbook has one.
    pub fn page_named(&self, name: &str) -> Option<&ProcessPage> {
        self.pages.iter().find(|page| page.name == name)
    }

    /// The title of the process called `name`: its page's, or the name.
    pub fn title_of<'a>(&'a self, name: &'a str) -> &'a str {
        self.page_named(name).map_or(name, ProcessPage::title)
    }

    /// Which processes of the handbook call which, as a small diagram
    /// (SVG drawn by flowc, each process a link to its page, whose file
    /// ends in `extension`); `None` when no process calls another.
    pub fn call_graph(&self, extension: &str) -> Option<String> {
        calls::graph(&self.pages, extension, self.lang)
    }
}

/// Everything one process page shows.
#[derive(Debug, Clone)]
pub struct ProcessPage {
    /// The process name (also the page's file stem).
    pub name: String,
    /// The engine that drew its diagram.
    pub engine: Engine,
    /// Its label.
    pub label: Option<String>,
    /// The file it is written in, relative to the project root.
    pub file: String,
    /// Its category.
    pub category: Option<Category>,
    /// The owning department or role, as a title.
    pub owner: Option<String>,
    /// `sla`.
    pub sla: Option<String>,
    /// `version N`: the number.
    pub version: Option<u32>,
    /// `effective DATE` on the version line.
    pub effective: Option<NaiveDate>,
    /// The process's `note`.
    pub note: Option<String>,
    /// The processes it calls, by name, in the order first called.
    pub calls: Vec<String>,
    /// The processes that call it, by name, in declaration order.
    pub called_by: Vec<String>,
    /// The review cycle, its last review and its status.
    pub review: ReviewStatus,
    /// `review every ...`, as written.
    pub review_every: Option<String>,
    /// The last review date.
    pub last_review: Option<NaiveDate>,
    /// Inputs: name and type.
    pub inputs: Vec<(String, String)>,
    /// The diagram as SVG.
    pub svg: String,
    /// One row per step.
    pub steps: Vec<StepRow>,
    /// One table per decision.
    pub decisions: Vec<DecisionTable>,
    /// Roles × steps.
    pub matrix: Matrix,
    /// KPIs: label and target.
    pub kpis: Vec<(String, String)>,
    /// The warnings (and other findings) in this process.
    pub diagnostics: Vec<Finding>,
    /// Whether the handbook's directory holds its monitoring page
    /// ([`ProcessPage::monitoring_link`]): the page links to it.
    pub monitoring: bool,
}

impl ProcessPage {
    /// Where its monitoring page is, relative to the handbook's pages
    /// (`flowc conform --html`).
    pub fn monitoring_link(&self) -> String {
        format!("monitoring/{}.html", self.stem())
    }

    /// "費用報銷審批" or the name.
    pub fn title(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.name)
    }

    /// The page's file stem: the process name, which the grammar keeps to
    /// identifier characters; a process called `index` gets `index-process`
    /// (a name cannot hold `-`), so it cannot replace the index page.
    pub fn stem(&self) -> &str {
        if self.name.eq_ignore_ascii_case("index") {
            "index-process"
        } else {
            &self.name
        }
    }
}

/// The review status of a process on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewStatus {
    /// No review cycle is declared.
    NoCycle,
    /// A cycle is declared, but no last review.
    NeverReviewed,
    /// The next review is due on this day, today or later.
    Due(NaiveDate),
    /// The review was due on this day, before today, by so many days.
    Overdue(NaiveDate, i64),
}

impl ReviewStatus {
    /// Whether the process needs attention.
    pub(crate) fn is_overdue(self) -> bool {
        matches!(
            self,
            ReviewStatus::Overdue(..) | ReviewStatus::NeverReviewed
        )
    }

    /// The warning shown beside a status that needs attention.
    pub fn flag(self, lang: Lang) -> Option<String> {
        let flag = match self {
            ReviewStatus::Overdue(..) => text!("handbook-flag-overdue"),
            ReviewStatus::NeverReviewed => text!("handbook-flag-never-reviewed"),
            ReviewStatus::NoCycle | ReviewStatus::Due(_) => return None,
        };
        Some(flag.render(lang))
    }

    /// "next review due 2027-03-01", "review overdue since 2026-03-01
    /// (272 days)".
    pub fn text(self, lang: Lang) -> String {
        let text = match self {
            ReviewStatus::NoCycle => text!("handbook-review-no-cycle"),
            ReviewStatus::NeverReviewed => text!("handbook-review-never"),
            ReviewStatus::Due(date) => text!("handbook-review-due", date = review_date(date)),
            ReviewStatus::Overdue(date, days) => text!(
                "handbook-review-overdue",
                date = review_date(date),
                days = days
            ),
        };
        text.render(lang)
    }
}

/// A day of the review cycle in words; the day past the calendar's end
/// (a cycle too long to count) as chrono writes it.
fn review_date(date: NaiveDate) -> Text {
    if date == NaiveDate::MAX {
        Text::verbatim(date.to_string())
    } else {
        words::date(date)
    }
}

/// One row of the step table: a step, or a call of another process.
#[derive(Debug, Clone)]
pub struct StepRow {
    /// The step name (also the anchor).
    pub name: String,
    /// Its label.
    pub label: Option<String>,
    /// For a call: the process it runs.
    pub call: Option<CalledProcess>,
    /// Its `note`.
    pub note: Option<String>,
    /// The owner with their department (for a call, the called process's
    /// owner).
    pub owner: String,
    /// `within` (for a call, the called process's SLA).
    pub deadline: String,
    /// `at least`: the minimum period, "at least 5 business days".
    pub minimum: Option<String>,
    /// `record` lines: what the owner records, "是否簽訂合同
    /// (needs_contract): yes/no".
    pub records: Vec<String>,
    /// The step's `kpi` lines: "label (name): target".
    pub kpis: Vec<String>,
    /// `remind after` lines.
    pub reminders: Vec<String>,
    /// `escalate after ... to ...` lines, in order.
    pub escalations: Vec<String>,
    /// `consult` lines: who must be asked, in words.
    pub consults: Vec<String>,
    /// `notify` lines: who is told and when ("申請人 (applicant), when
    /// rejected").
    pub notifications: Vec<String>,
    /// Where the step can lead: "next → 財務審核 (finance_review)".
    pub outcomes: Vec<String>,
}

impl StepRow {
    /// The deadline cell: `within` and `at least`, one per line.
    pub fn deadline_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if !self.deadline.is_empty() {
            lines.push(self.deadline.clone());
        }
        lines.extend(self.minimum.clone());
        lines
    }
}

/// Which optional columns a step table needs: records and KPIs only where
/// a row has one.
#[derive(Debug, Clone, Copy)]
pub struct StepColumns {
    /// A row records a value.
    pub records: bool,
    /// A row has a KPI.
    pub kpis: bool,
}

impl StepColumns {
    /// The columns the rows need.
    pub fn of(steps: &[StepRow]) -> StepColumns {
        StepColumns {
            records: steps.iter().any(|step| !step.records.is_empty()),
            kpis: steps.iter().any(|step| !step.kpis.is_empty()),
        }
    }

    /// The message ids of the column headers, in order.
    pub fn headers(self) -> Vec<&'static str> {
        let mut headers = vec![
            "handbook-column-step",
            "handbook-column-owner",
            "handbook-column-deadline",
        ];
        if self.records {
            headers.push("handbook-column-records");
        }
        if self.kpis {
            headers.push("handbook-column-kpis");
        }
        headers.extend([
            "handbook-column-reminders",
            "handbook-column-escalation",
            "handbook-column-consulted",
            "handbook-column-notified",
            "handbook-column-outcomes",
        ]);
        headers
    }
}

/// A fact only some processes have, as the facts of a page show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionalFact {
    /// Text: the version, the note; with the fact's key (`version`,
    /// `note`, a class of the HTML) and its title in the page's language.
    Text(&'static str, String, String),
    /// Processes by name, each a link to its page: the processes called,
    /// the callers; with the title in the page's language.
    Processes(String, Vec<String>),
}

impl ProcessPage {
    /// The facts the page shows only when the process has them, in order:
    /// version, note, the processes it calls, the processes that call it.
    pub fn optional_facts(&self, lang: Lang) -> Vec<OptionalFact> {
        let mut facts = Vec::new();
        if let Some(version) = self.version_text(lang) {
            let title = text!("handbook-fact-version").render(lang);
            facts.push(OptionalFact::Text("version", title, version));
        }
        if let Some(note) = &self.note {
            let title = text!("handbook-fact-note").render(lang);
            facts.push(OptionalFact::Text("note", title, note.clone()));
        }
        for (title, names) in [
            (text!("handbook-fact-calls"), &self.calls),
            (text!("handbook-fact-called-by"), &self.called_by),
        ] {
            if !names.is_empty() {
                facts.push(OptionalFact::Processes(title.render(lang), names.clone()));
            }
        }
        facts
    }

    /// "3, effective 2027-01-01", "3", or `None` without a version line.
    pub fn version_text(&self, lang: Lang) -> Option<String> {
        let number = self.version?;
        Some(match self.effective {
            Some(date) => text!(
                "handbook-version-effective",
                number = number.to_string(),
                date = words::date(date)
            )
            .render(lang),
            None => number.to_string(),
        })
    }
}

/// The process a call runs, as its row in the step table shows it.
#[derive(Debug, Clone)]
pub struct CalledProcess {
    /// Its name (its page, when the handbook has one).
    pub name: String,
    /// Its label, or its name.
    pub title: String,
    /// The `with` lines: "value = amount".
    pub inputs: Vec<String>,
}

/// One decision with its branches.
#[derive(Debug, Clone)]
pub struct DecisionTable {
    /// The decision name.
    pub name: String,
    /// Its label.
    pub label: Option<String>,
    /// Condition and target, in order; `otherwise` last as written.
    pub branches: Vec<(String, String)>,
}

/// The responsibility matrix, a RACI plus escalation: who is responsible
/// (R), who approves (A), who is consulted (C), who is informed (I), who
/// is escalated to (E), for each step.
#[derive(Debug, Clone, Default)]
pub struct Matrix {
    /// The step columns: name and title.
    pub steps: Vec<(String, String)>,
    /// One row per party (a role, a department, the applicant, a `manager
    /// of` chain): its title and one cell per step.
    pub rows: Vec<(String, Vec<String>)>,
}

/// A diagnostic as the handbook shows it.
#[derive(Debug, Clone)]
pub struct Finding {
    /// `warning`, `error`...: the class of its HTML.
    pub severity: &'static str,
    /// The severity in the handbook's language.
    pub severity_words: String,
    /// The rule name.
    pub rule: &'static str,
    /// `file:line:column`.
    pub at: String,
    /// The message.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// The handbook of the processes `wanted` picks.
pub fn handbook(
    checked: &CheckedProject<'_>,
    diagnostics: &[Diagnostic],
    wanted: impl Fn(&Process) -> bool + Sync,
    options: DocOptions,
) -> Result<Handbook, RenderError> {
    use rayon::prelude::*;
    let project = checked.project();
    let callers = calls::callers(project);
    // The pages are made in parallel (each draws its diagram); the first
    // failure in the order of the processes is the one reported.
    let made: Vec<Result<ProcessPage, RenderError>> = project
        .processes
        .par_iter()
        .filter(|process| wanted(process))
        .map(|process| {
            let called_by = callers.get(process.name.as_str()).cloned();
            page(project, process, diagnostics, options, called_by)
        })
        .collect();
    let mut pages = made.into_iter().collect::<Result<Vec<_>, _>>()?;
    pages.sort_by_key(|page| category_order(page.category));
    Ok(Handbook {
        today: options.today,
        engine: options.engine,
        lang: options.diagram.lang,
        pages,
    })
}

/// Categories in the order the policy lists them; uncategorised last.
pub(crate) fn category_order(category: Option<Category>) -> usize {
    match category {
        Some(Category::Business) => 0,
        Some(Category::Management) => 1,
        Some(Category::Approval) => 2,
        None => 3,
    }
}

/// The heading of a category section.
pub(crate) fn category_title(category: Option<Category>, lang: Lang) -> String {
    let key = category.map_or("none", Category::keyword);
    text!("handbook-category-heading", category = key).render(lang)
}

/// A category in words: `approval`, 審批類.
pub(crate) fn category_words(category: Category, lang: Lang) -> String {
    text!("handbook-category", category = category.keyword()).render(lang)
}

/// The page of `process`, which the processes `called_by` call.
fn page(
    project: &Project,
    process: &Process,
    diagnostics: &[Diagnostic],
    options: DocOptions,
    called_by: Option<Vec<String>>,
) -> Result<ProcessPage, RenderError> {
    let engine = render::engine_for(
        options.engine,
        options.automatic,
        process,
        &[ImageFormat::Svg],
    );
    let svg_bytes = render::image(project, process, options.diagram, engine, ImageFormat::Svg)?;
    let svg = strip_prolog(svg_bytes);
    let file = &project.files[process.file.0];
    let lang = options.diagram.lang;
    Ok(ProcessPage {
        name: process.name.clone(),
        engine,
        label: process.label.clone(),
        file: file.relative.clone(),
        category: process.category,
        owner: process
            .owner
            .as_ref()
            .and_then(|owner| owner.target)
            .map(|owner| unit_title(project, owner)),
        sla: process.sla.map(|sla| words::duration(&sla).render(lang)),
        version: process.version.as_ref().map(|version| version.number),
        effective: process
            .version
            .as_ref()
            .and_then(|version| version.effective),
        note: process.note.as_ref().map(|note| note.text.text.clone()),
        calls: calls::callees(project, process)
            .into_iter()
            .map(|callee| callee.name.clone())
            .collect(),
        called_by: called_by.unwrap_or_default(),
        review: review_status(process.review.as_ref(), options.today),
        review_every: process
            .review
            .as_ref()
            .map(|review| words::duration(&review.every).render(lang)),
        last_review: process.review.as_ref().and_then(|review| review.last),
        inputs: process
            .inputs
            .iter()
            .map(|input| (input.name.text.clone(), input_type(&input.kind, lang)))
            .collect(),
        svg,
        steps: steps(project, process, lang),
        decisions: decisions(process, lang),
        matrix: matrix(project, process, lang),
        kpis: process
            .kpis
            .iter()
            .map(|indicator| kpi(indicator, lang))
            .collect(),
        diagnostics: findings(project, process, diagnostics, lang),
        monitoring: false,
    })
}

/// SVG as it can sit inside HTML: without the XML declaration and DOCTYPE
/// Graphviz puts before `<svg`. The bytes are taken as they are when they
/// are UTF-8, as every drawing is (checked once, not copied); a stray byte
/// would become U+FFFD.
fn strip_prolog(svg: Vec<u8>) -> String {
    let mut svg = String::from_utf8(svg)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned());
    if let Some(start) = svg.find("<svg") {
        svg.drain(..start);
    }
    svg
}

/// The status of a review cycle on `today`.
pub(crate) fn review_status(review: Option<&model::ReviewCycle>, today: NaiveDate) -> ReviewStatus {
    let Some(review) = review else {
        return ReviewStatus::NoCycle;
    };
    let Some(last) = review.last else {
        return ReviewStatus::NeverReviewed;
    };
    let Some(due) = add(last, &review.every) else {
        return ReviewStatus::Due(NaiveDate::MAX);
    };
    if due < today {
        ReviewStatus::Overdue(due, (today - due).num_days())
    } else {
        ReviewStatus::Due(due)
    }
}

/// `date` plus `duration`; business days skip Saturdays and Sundays;
/// hours and minutes count as the same day. `None` past the calendar's
/// end.
fn add(date: NaiveDate, duration: &ast::Duration) -> Option<NaiveDate> {
    let amount = duration.amount;
    match duration.unit {
        TimeUnit::Minute | TimeUnit::Hour => Some(date),
        TimeUnit::Day => date.checked_add_days(chrono::Days::new(amount)),
        TimeUnit::Week => date.checked_add_days(chrono::Days::new(amount.checked_mul(7)?)),
        TimeUnit::Month => date.checked_add_months(Months::new(u32::try_from(amount).ok()?)),
        TimeUnit::Year => {
            date.checked_add_months(Months::new(u32::try_from(amount.checked_mul(12)?).ok()?))
        }
        TimeUnit::BusinessDay => {
            // Whole weeks first, so a large amount does not loop per day.
            let weeks = amount / 5;
            let mut day = date.checked_add_days(chrono::Days::new(weeks.checked_mul(7)?))?;
            let mut left = amount % 5;
            while left > 0 {
                day = day.succ_opt()?;
                if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                    left -= 1;
                }
            }
            Some(day)
        }
    }
}

/// The type of an input or a record in words: `money (CNY)`, 金額（CNY）.
fn input_type(kind: &InputType, lang: Lang) -> String {
    let text = match kind {
        InputType::Money { currency } => {
            text!("handbook-type-money", currency = currency.as_str())
        }
        InputType::Number => text!("handbook-type", kind = "number"),
        InputType::Text => text!("handbook-type", kind = "text"),
        InputType::YesNo => text!("handbook-type", kind = "yes-no"),
        InputType::Date => text!("handbook-type", kind = "date"),
        InputType::Choice(values) => {
            let values: Vec<Text> = values
                .iter()
                .map(|value| Text::verbatim(value.text.as_str()))
                .collect();
            text!("handbook-type-choice", values = values)
        }
    };
    text.render(lang)
}

/// A KPI's title and its target in words: "p90 under 10 business days".
fn kpi(kpi: &ast::Kpi, lang: Lang) -> (String, String) {
    let title = match &kpi.label {
        Some(label) => format!("{} ({})", label.text, kpi.name.text),
        None => kpi.name.text.clone(),
    };
    let target = match &kpi.target {
        KpiTarget::Duration(duration) => words::duration(duration),
        KpiTarget::Percentage(value) => Text::verbatim(format!("{value}%")),
        KpiTarget::Number(value) => Text::verbatim(value.to_string()),
    };
    let bound = match kpi.bound {
        ast::KpiBound::Under => "under",
        ast::KpiBound::AtMost => "at-most",
        ast::KpiBound::AtLeast => "at-least",
        ast::KpiBound::Over => "over",
    };
    let target = words::kpi_target(
        kpi.statistic
            .map(|statistic| Text::verbatim(statistic.keyword())),
        bound,
        target,
    );
    (title, target.render(lang))
}

/// "部門負責人 (dept_head), 財務部 (finance)": a role with its department.
fn owner_with_department(project: &Project, owner: OrgUnit, lang: Lang) -> String {
    let title = unit_title(project, owner);
    let department = match owner {
        OrgUnit::Role(role) => project
            .role(role)
            .department
            .as_ref()
            .and_then(|department| department.target),
        OrgUnit::Department(_) => None,
    };
    match department {
        Some(department) => text!(
            "handbook-owner-in-department",
            owner = title,
            department = unit_title(project, OrgUnit::Department(department))
        )
        .render(lang),
        None => title,
    }
}

/// "財務審核 (finance_review)"; the join of a parallel block, whose name
/// (`countersign.join`) is flowc's own, in words with its block's:
/// "all branches of 會簽 (countersign) done".
fn node_reference(process: &Process, node: model::NodeId, lang: Lang) -> String {
    let node = process.node(node);
    match &node.kind {
        NodeKind::Join { parallel } => {
            let block = labelled_name(process.node(*parallel));
            text!("handbook-all-branches-done", block = block).render(lang)
        }
        _ => labelled_name(node),
    }
}

/// "財務審核 (finance_review)", or the name of a node without a label.
fn labelled_name(node: &model::Node) -> String {
    match &node.label {
        Some(label) => format!("{label} ({})", node.name),
        None => node.name.clone(),
    }
}

fn steps(project: &Project, process: &Process, lang: Lang) -> Vec<StepRow> {
    process
        .node_ids()
        .filter_map(|id| {
            let node = process.node(id);
            let row = match &node.kind {
                NodeKind::Step(details) => step_row(project, details, lang),
                NodeKind::Call(call) => call_row(project, call, lang),
                NodeKind::Decision
                | NodeKind::Parallel { .. }
                | NodeKind::Join { .. }
                | NodeKind::End => return None,
            };
            Some(StepRow {
                name: node.name.clone(),
                label: node.label.clone(),
                note: diagram::node_note(node).map(str::to_string),
                records: records(process, id, lang),
                outcomes: outcomes(process, id, lang),
                ..row
            })
        })
        .collect()
}

/// A row with nothing in it, for [`step_row`] and [`call_row`] to fill.
fn empty_row() -> StepRow {
    StepRow {
        name: String::new(),
        label: None,
        call: None,
        note: None,
        owner: String::new(),
        deadline: String::new(),
        minimum: None,
        records: Vec::new(),
        kpis: Vec::new(),
        reminders: Vec::new(),
        escalations: Vec::new(),
        consults: Vec::new(),
        notifications: Vec::new(),
        outcomes: Vec::new(),
    }
}

/// What a step's row says about the step itself.
fn step_row(project: &Project, details: &model::StepDetails, lang: Lang) -> StepRow {
    let owner = details
        .owner
        .as_ref()
        .map(|owners| match owners.single_fixed() {
            Some(target) => owner_with_department(project, target, lang),
            None => diagram::owners_title(project, owners, lang),
        })
        .unwrap_or_default();
    let escalations = details
        .escalations
        .iter()
        .map(|escalation| {
            let to = diagram::party_title(project, &escalation.to, lang);
            let after = words::duration(&escalation.after);
            text!("handbook-escalation", after = after, to = to).render(lang)
        })
        .collect();
    let consults = details
        .consults
        .iter()
        .map(|party| diagram::party_title(project, party, lang))
        .collect();
    let notifications = details
        .notifications
        .iter()
        .map(|notification| {
            let who = diagram::party_title(project, &notification.who, lang);
            let moment = notification.when.keyword();
            text!("handbook-notification", who = who, moment = moment).render(lang)
        })
        .collect();
    StepRow {
        owner,
        deadline: details
            .deadline
            .map(|deadline| words::duration(&deadline).render(lang))
            .unwrap_or_default(),
        minimum: details.minimum.map(|minimum| {
            text!("diagram-at-least", duration = words::duration(&minimum)).render(lang)
        }),
        kpis: details
            .kpis
            .iter()
            .map(|indicator| {
                let (title, target) = kpi(indicator, lang);
                text!("handbook-titled", title = title, value = target).render(lang)
            })
            .collect(),
        reminders: details
            .reminders
            .iter()
            .map(|reminder| {
                text!("handbook-reminder", after = words::duration(reminder)).render(lang)
            })
            .collect(),
        escalations,
        consults,
        notifications,
        ..empty_row()
    }
}

/// What a call's row says: the process it runs, with what, whose it is
/// and its SLA.
fn call_row(project: &Project, call: &model::CallDetails, lang: Lang) -> StepRow {
    let callee = diagram::callee(project, call);
    let called = call.process.as_ref().map(|process| CalledProcess {
        name: process.name.clone(),
        title: callee
            .and_then(|callee| callee.label.clone())
            .unwrap_or_else(|| process.name.clone()),
        inputs: call
            .bindings
            .iter()
            .map(|binding| format!("{} = {}", binding.input.text, binding.value))
            .collect(),
    });
    StepRow {
        call: called,
        owner: callee
            .and_then(|callee| callee.owner.as_ref()?.target)
            .map(|owner| owner_with_department(project, owner, lang))
            .unwrap_or_default(),
        deadline: callee
            .and_then(|callee| callee.sla)
            .map(|sla| text!("handbook-called-sla", sla = words::duration(&sla)).render(lang))
            .unwrap_or_default(),
        ..empty_row()
    }
}

/// The values a step's owner records: "是否簽訂合同 (needs_contract):
/// yes/no".
fn records(process: &Process, step: model::NodeId, lang: Lang) -> Vec<String> {
    process
        .records
        .iter()
        .filter(|recorded| recorded.step == step)
        .map(|recorded| {
            let record = &recorded.record;
            let name = &record.name.text;
            let title = match &record.label {
                Some(label) => format!("{} ({name})", label.text),
                None => name.clone(),
            };
            let kind = input_type(&record.kind, lang);
            text!("handbook-titled", title = title, value = kind).render(lang)
        })
        .collect()
}

/// Where a step or call can lead: "next → 財務審核 (finance_review)",
/// "on reject → …", "on timeout after 8 business days → …".
fn outcomes(process: &Process, id: model::NodeId, lang: Lang) -> Vec<String> {
    process
        .edges_from(id)
        .map(|edge| {
            let target = node_reference(process, edge.to, lang);
            let outcome = match &edge.kind {
                EdgeKind::Outcome(outcome) => text!(
                    "handbook-outcome-on",
                    outcome = diagram::outcome_text(outcome),
                    target = target
                ),
                EdgeKind::Timeout(after) => text!(
                    "handbook-outcome-timeout",
                    after = words::duration(after),
                    target = target
                ),
                EdgeKind::Join => text!("handbook-outcome-then", target = target),
                EdgeKind::Next | EdgeKind::When(_) | EdgeKind::Otherwise | EdgeKind::Branch => {
                    text!("handbook-outcome-next", target = target)
                }
            };
            outcome.render(lang)
        })
        .collect()
}

fn decisions(process: &Process, lang: Lang) -> Vec<DecisionTable> {
    process
        .node_ids()
        .filter(|&id| matches!(process.node(id).kind, NodeKind::Decision))
        .map(|id| {
            let node = process.node(id);
            DecisionTable {
                name: node.name.clone(),
                label: node.label.clone(),
                branches: process
                    .edges_from(id)
                    .map(|edge| {
                        let condition = diagram::edge_label(edge, lang).unwrap_or_default();
                        (condition, node_reference(process, edge.to, lang))
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Parties × steps, a RACI plus escalation. Every party of a step's
/// `owner` line is responsible (R), or approves (A) when the step can
/// reject (has an `on` outcome); a shared line adds how they sign ("R (any
/// of)", "A (2 of 3)"). Those consulted are C, those notified I, escalation
/// targets E. Rows are ordered like the lanes of the process's diagram
/// ([`diagram::parties::sort_lanes_like`] its [`diagram::Arrangement`]):
/// the owners first, then the parties only consulted, notified or
/// escalated to.
fn matrix(project: &Project, process: &Process, lang: Lang) -> Matrix {
    let steps: Vec<(model::NodeId, &model::Node, Option<&model::StepDetails>)> = process
        .node_ids()
        .filter_map(|id| {
            let node = process.node(id);
            match &node.kind {
                NodeKind::Step(details) => Some((id, node, Some(details.as_ref()))),
                NodeKind::Call(_) => Some((id, node, None)),
                NodeKind::Decision
                | NodeKind::Parallel { .. }
                | NodeKind::Join { .. }
                | NodeKind::End => None,
            }
        })
        .collect();
    let owners: Vec<Who> = steps
        .iter()
        .filter_map(|(_, node, _)| diagram::node_lane(project, node))
        .flat_map(|lane| lane.parties)
        .collect();
    let others: Vec<Who> = steps
        .iter()
        .filter_map(|(_, _, details)| *details)
        .flat_map(|details| {
            let escalated = details.escalations.iter().map(|escalation| &escalation.to);
            let notified = details
                .notifications
                .iter()
                .map(|notification| &notification.who);
            escalated.chain(notified).chain(&details.consults)
        })
        .filter_map(Who::of)
        .collect();
    let arrangement = diagram::Arrangement::of(project, process);
    let mut rows = sorted_rows(project, owners, &[], &arrangement);
    let others = sorted_rows(project, others, &rows, &arrangement);
    rows.extend(others);
    let rows = rows
        .iter()
        .map(|&who| {
            let cells = steps
                .iter()
                .map(|&(id, node, details)| {
                    raci_marks(project, process, (id, node), details, (who, lang))
                })
                .collect();
            (who.title(project, lang), cells)
        })
        .collect();
    Matrix {
        steps: steps
            .iter()
            .map(|(_, node, _)| (node.name.clone(), diagram::node_title(node)))
            .collect(),
        rows,
    }
}

/// Each party of `parties` once, without those in `before`, in the order
/// of the lanes of `arrangement`.
fn sorted_rows(
    project: &Project,
    parties: Vec<Who>,
    before: &[Who],
    arrangement: &diagram::Arrangement,
) -> Vec<Who> {
    let mut rows: Vec<Lane> = Vec::new();
    for who in parties {
        let lane = Lane::one(who);
        if !before.contains(&who) && !rows.contains(&lane) {
            rows.push(lane);
        }
    }
    diagram::parties::sort_lanes_like(
        project,
        &mut rows,
        &arrangement.owners,
        arrangement.juniors_first,
    );
    rows.into_iter()
        .filter_map(|lane| lane.parties.first().copied())
        .collect()
}

/// The marks of one party for one step or call: "A", "R (any of)", "C",
/// "I", "E". The owner of a called process is responsible for the call
/// (A when one of its ends leads somewhere of its own, as a rejection does).
fn raci_marks(
    project: &Project,
    process: &Process,
    (id, node): (model::NodeId, &model::Node),
    details: Option<&model::StepDetails>,
    (who, lang): (Who, Lang),
) -> String {
    let names = |party: &model::Party| Who::of(party) == Some(who);
    let mut marks = Vec::new();
    if let Some(lane) = diagram::node_lane(project, node)
        && lane.parties.contains(&who)
    {
        let approves = process
            .edges_from(id)
            .any(|edge| matches!(edge.kind, EdgeKind::Outcome(_)));
        let mark = if approves { "A" } else { "R" };
        let shared = |signing: &str, count: u64| {
            text!(
                "handbook-raci-shared",
                mark = mark,
                signing = signing,
                count = count,
                total = lane.parties.len()
            )
            .render(lang)
        };
        marks.push(match lane.signing {
            Signing::One => mark.to_string(),
            Signing::AnyOf => shared("any-of", 0),
            Signing::AllOf => shared("all-of", 0),
            Signing::Quorum(count) => shared("quorum", u64::from(count)),
        });
    }
    let Some(details) = details else {
        return marks.join(", ");
    };
    if details.consults.iter().any(names) {
        marks.push("C".to_string());
    }
    if details
        .notifications
        .iter()
        .any(|notification| names(&notification.who))
    {
        marks.push("I".to_string());
    }
    if details
        .escalations
        .iter()
        .any(|escalation| names(&escalation.to))
    {
        marks.push("E".to_string());
    }
    marks.join(", ")
}

/// The diagnostics inside the process's block.
fn findings(
    project: &Project,
    process: &Process,
    diagnostics: &[Diagnostic],
    lang: Lang,
) -> Vec<Finding> {
    let file = &project.files[process.file.0];
    let lines = LineIndex::new(&file.text);
    diagnostics
        .iter()
        .filter(|diagnostic| {
            diagnostic.at.file == process.file
                && diagnostic.at.span.start >= process.span.start
                && diagnostic.at.span.start < process.span.end.max(process.span.start + 1)
        })
        .map(|diagnostic| {
            let (line, column) = lines.position(&file.text, diagnostic.at.span.start);
            let severity_words = match diagnostic.severity {
                Severity::Error => text!("severity-error"),
                Severity::Warning => text!("severity-warning"),
            };
            Finding {
                severity: diagnostic.severity.word(),
                severity_words: severity_words.render(lang),
                rule: diagnostic.rule,
                at: format!("{}:{line}:{column}", file.relative),
                message: diagnostic.message.render(lang),
                help: diagnostic.help.render(lang),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn cycle(amount: u64, unit: TimeUnit, last: Option<&str>) -> model::ReviewCycle {
        model::ReviewCycle {
            every: ast::Duration {
                amount,
                unit,
                span: Span::default(),
            },
            last: last.map(|date| date.parse().expect("a date")),
            span: Span::default(),
        }
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    #[test]
    fn a_review_within_its_cycle_is_due_later() {
        let review = cycle(12, TimeUnit::Month, Some("2026-03-01"));
        assert_eq!(
            review_status(Some(&review), day("2026-11-28")),
            ReviewStatus::Due(day("2027-03-01"))
        );
    }

    #[test]
    fn a_review_past_its_cycle_is_overdue_by_the_days_since() {
        let review = cycle(6, TimeUnit::Month, Some("2026-03-01"));
        assert_eq!(
            review_status(Some(&review), day("2026-09-11")),
            ReviewStatus::Overdue(day("2026-09-01"), 10)
        );
    }

    #[test]
    fn business_days_skip_weekends() {
        // 2026-11-27 is a Friday: 1 business day later is Monday.
        let review = cycle(1, TimeUnit::BusinessDay, Some("2026-11-27"));
        assert_eq!(
            review_status(Some(&review), day("2026-11-27")),
            ReviewStatus::Due(day("2026-11-30"))
        );
    }

    #[test]
    fn a_cycle_without_a_last_review_needs_one() {
        let review = cycle(1, TimeUnit::Year, None);
        assert!(review_status(Some(&review), day("2026-11-28")).is_overdue());
        assert_eq!(
            review_status(None, day("2026-11-28")),
            ReviewStatus::NoCycle
        );
    }
}
