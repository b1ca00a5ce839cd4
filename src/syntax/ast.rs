//! The typed syntax tree of one `.flow` file. Every node owns its span.
//!
//! The tree keeps the order of items as written (the formatter needs it);
//! the model stage gathers them into processes and graphs.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::span::Span;

/// One parsed `.flow` file.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceTree {
    /// Top-level declarations in source order.
    pub declarations: Vec<Declaration>,
    /// Every comment in the file, in source order.
    pub comments: Vec<Comment>,
}

/// A `#` comment.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    /// The comment's text, `#` included.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// A top-level declaration.
#[derive(Debug, Clone, PartialEq)]
pub enum Declaration {
    /// `department ...`
    Department(Department),
    /// `role ...`
    Role(Role),
    /// `process ... { }`
    Process(Process),
    /// A declaration that does not follow the grammar, kept as written.
    Broken(Broken),
}

/// An item that does not follow the grammar (an error node): a line, or a
/// block with everything up to its closing `}`. Parsing goes on after it;
/// its text is kept as written, and the name it declares, when its first
/// line reads `KEYWORD NAME`, still counts as declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// The keyword its first line starts with, when it is one of the
    /// language's (`step`, `role`, ...), or the declaring keyword it
    /// misspells (`role` for `rol`).
    pub keyword: Option<String>,
    /// The name its first line declares, when it reads `KEYWORD NAME`.
    pub name: Option<Ident>,
    /// Its text, from its first word to the end of its last line.
    pub span: Span,
}

/// A name as written, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    /// The name.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// A quoted label, unescaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The text between the quotes, with `\"` and `\\` resolved.
    pub text: String,
    /// Where it is, quotes included.
    pub span: Span,
}

/// `department NAME "label"`
#[derive(Debug, Clone, PartialEq)]
pub struct Department {
    /// The department's name.
    pub name: Ident,
    /// Its label.
    pub label: Option<Label>,
    /// The whole declaration.
    pub span: Span,
}

/// `role NAME "label" [in DEPARTMENT] [reports to ROLE]`
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// The role's name.
    pub name: Ident,
    /// Its label.
    pub label: Option<Label>,
    /// The department it belongs to.
    pub department: Option<Ident>,
    /// The role it reports to.
    pub superior: Option<Ident>,
    /// The whole declaration.
    pub span: Span,
}

/// `process NAME "label" { ... }`
#[derive(Debug, Clone, PartialEq)]
pub struct Process {
    /// The process's name.
    pub name: Ident,
    /// Its label.
    pub label: Option<Label>,
    /// Settings and nodes in source order.
    pub items: Vec<ProcessItem>,
    /// The whole block.
    pub span: Span,
}

/// The policy's three kinds of process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// R&D, manufacturing, marketing, customer service.
    Business,
    /// Administration, finance, HR, quality.
    Management,
    /// Expense claims, contracts, appointments.
    Approval,
}

impl Category {
    /// The keyword that names the category.
    pub fn keyword(self) -> &'static str {
        match self {
            Category::Business => "business",
            Category::Management => "management",
            Category::Approval => "approval",
        }
    }
}

/// An item of a process body.
#[derive(Debug, Clone, PartialEq)]
pub enum ProcessItem {
    /// `category KIND`
    Category(Category, Span),
    /// `owner NAME`
    Owner(Ident, Span),
    /// `applicant NAME, ...`
    Applicant(Vec<Ident>, Span),
    /// `review every DURATION[, last DATE]`
    Review(Review),
    /// `version N[, effective DATE]`
    Version(Version),
    /// `sla DURATION`
    Sla(Duration, Span),
    /// `note "text"`
    Note(Note),
    /// `input NAME: TYPE`
    Input(Input),
    /// `start NAME`
    Start(Ident, Span),
    /// `step ...`
    Step(Step),
    /// `decide ...`
    Decision(Decision),
    /// `parallel ...`
    Parallel(Parallel),
    /// `call ...`
    Call(Call),
    /// `end ...`
    End(End),
    /// `kpi ...`
    Kpi(Kpi),
    /// An item that does not follow the grammar, kept as written.
    Broken(Broken),
}

/// `review every DURATION[, last DATE]`
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// How often the process is reviewed.
    pub every: Duration,
    /// The date of the last review, when given and valid.
    pub last: Option<NaiveDate>,
    /// The whole line.
    pub span: Span,
}

/// `version N[, effective DATE]`
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    /// The version number.
    pub number: u32,
    /// The day this version takes effect, when given and valid.
    pub effective: Option<NaiveDate>,
    /// The whole line.
    pub span: Span,
}

/// `note "text"`: an explanation for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The text.
    pub text: Label,
    /// The whole line.
    pub span: Span,
}

/// A unit of time. Business days are kept apart from calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimeUnit {
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Calendar days.
    Day,
    /// Working days of the company calendar.
    BusinessDay,
    /// Calendar weeks.
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

impl TimeUnit {
    /// The unit's name, singular or plural to suit `amount`.
    pub(crate) fn spelled(self, amount: u64) -> &'static str {
        let one = amount == 1;
        match self {
            TimeUnit::Minute if one => "minute",
            TimeUnit::Minute => "minutes",
            TimeUnit::Hour if one => "hour",
            TimeUnit::Hour => "hours",
            TimeUnit::Day if one => "day",
            TimeUnit::Day => "days",
            TimeUnit::BusinessDay if one => "business day",
            TimeUnit::BusinessDay => "business days",
            TimeUnit::Week if one => "week",
            TimeUnit::Week => "weeks",
            TimeUnit::Month if one => "month",
            TimeUnit::Month => "months",
            TimeUnit::Year if one => "year",
            TimeUnit::Year => "years",
        }
    }
}

/// A length of time: `2 business days`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    /// How many units.
    pub amount: u64,
    /// Which unit.
    pub unit: TimeUnit,
    /// Where it is.
    pub span: Span,
}

impl std::fmt::Display for Duration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.amount, self.unit.spelled(self.amount))
    }
}

/// `input NAME: TYPE`
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// The input's name.
    pub name: Ident,
    /// Its type.
    pub kind: InputType,
    /// The whole line.
    pub span: Span,
}

/// The type of an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputType {
    /// `money CUR`
    Money {
        /// The currency code, e.g. `CNY`.
        currency: String,
    },
    /// `number`
    Number,
    /// `text`
    Text,
    /// `yes/no`
    YesNo,
    /// `date`
    Date,
    /// `one of a, b, c`
    Choice(Vec<Ident>),
}

impl InputType {
    /// The values of a `yes/no` or `one of` type in declaration order;
    /// empty for the other types.
    pub fn finite_values(&self) -> Vec<&str> {
        match self {
            InputType::YesNo => vec!["yes", "no"],
            InputType::Choice(values) => values.iter().map(|value| value.text.as_str()).collect(),
            InputType::Money { .. } | InputType::Number | InputType::Text | InputType::Date => {
                Vec::new()
            }
        }
    }
}

/// `step NAME "label" { ... }`
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The step's name.
    pub name: Ident,
    /// Its label.
    pub label: Option<Label>,
    /// Its lines in source order.
    pub items: Vec<StepItem>,
    /// The whole block.
    pub span: Span,
}

/// A line of a step.
#[derive(Debug, Clone, PartialEq)]
pub enum StepItem {
    /// `owner WHO`, `owner any of ...`, `owner all of ...`, `owner N of ...`
    Owner(Owners),
    /// `within DURATION`
    Within(Duration, Span),
    /// `at least DURATION`
    AtLeast(Duration, Span),
    /// `remind after DURATION`
    Remind(Duration, Span),
    /// `escalate after DURATION to WHO`
    Escalate(Escalation),
    /// `notify WHO [when MOMENT]`
    Notify(Notify),
    /// `consult WHO`
    Consult(Party, Span),
    /// `note "text"`
    Note(Note),
    /// `record NAME "label": TYPE`
    Record(Record),
    /// `on timeout after DURATION -> TARGET`
    Timeout(Timeout),
    /// `on OUTCOME -> TARGET`
    Outcome(Outcome),
    /// `kpi ...`: an indicator of this step.
    Kpi(Kpi),
    /// `next TARGET`
    Next(Ident, Span),
}

/// `record NAME "label": TYPE`
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The value's name.
    pub name: Ident,
    /// Its label (the field's caption on the task's form).
    pub label: Option<Label>,
    /// Its type.
    pub kind: InputType,
    /// The whole line.
    pub span: Span,
}

/// `on timeout after DURATION -> TARGET`
#[derive(Debug, Clone, PartialEq)]
pub struct Timeout {
    /// How long after the step started.
    pub after: Duration,
    /// Where the work moves on to.
    pub target: Ident,
    /// The whole line.
    pub span: Span,
}

/// `escalate after DURATION to WHO`
#[derive(Debug, Clone, PartialEq)]
pub struct Escalation {
    /// How long after the step started.
    pub after: Duration,
    /// Who is told.
    pub to: Party,
    /// The whole line.
    pub span: Span,
}

/// Someone in a case, as written: a role or department, `applicant`, or
/// `manager of` one of these.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    /// How many times `manager of` is written before the base.
    pub managers: usize,
    /// Whom the chain of `manager of` starts from.
    pub base: PartyBase,
    /// The whole reference, `manager of manager of applicant`.
    pub span: Span,
}

impl std::fmt::Display for Party {
    /// The reference in canonical form: `manager of manager of applicant`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for _ in 0..self.managers {
            f.write_str("manager of ")?;
        }
        match &self.base {
            PartyBase::Applicant(_) => f.write_str("applicant"),
            PartyBase::Name(name) => f.write_str(&name.text),
        }
    }
}

/// Whom a [`Party`] starts from.
#[derive(Debug, Clone, PartialEq)]
pub enum PartyBase {
    /// `applicant`: the person who started the case.
    Applicant(Span),
    /// A role or department.
    Name(Ident),
}

/// How the people of a step's `owner` line sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Signing {
    /// `owner WHO`: one owner.
    One,
    /// `owner any of ...`: one person holding any of the roles does the step
    /// for all (或簽).
    AnyOf,
    /// `owner all of ...`: each must approve; one rejection rejects (會簽).
    AllOf,
    /// `owner N of ...`: approved when N approve, rejected as soon as N
    /// approvals have become impossible.
    Quorum(u32),
}

/// A step's `owner` line.
#[derive(Debug, Clone, PartialEq)]
pub struct Owners {
    /// How they sign.
    pub signing: Signing,
    /// Who, in the order written (one for [`Signing::One`]).
    pub parties: Vec<Party>,
    /// The whole line.
    pub span: Span,
}

impl Signing {
    /// The words before the people of an `owner` line: `any of `,
    /// `all of `, `2 of `, nothing for one owner.
    pub fn prefix(self) -> String {
        match self {
            Signing::One => String::new(),
            Signing::AnyOf => "any of ".to_string(),
            Signing::AllOf => "all of ".to_string(),
            Signing::Quorum(count) => format!("{count} of "),
        }
    }
}

impl std::fmt::Display for Owners {
    /// The line after `owner`, in canonical form: `any of a, b`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.signing.prefix())?;
        for (index, party) in self.parties.iter().enumerate() {
            if index > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{party}")?;
        }
        Ok(())
    }
}

/// When a notification is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NotifyMoment {
    /// When the step starts.
    Started,
    /// When the step is done (the default).
    Done,
    /// When the step is rejected.
    Rejected,
    /// When the step passes its deadline.
    Overdue,
}

impl NotifyMoment {
    /// Every moment, in the order of a step's life.
    pub const ALL: [NotifyMoment; 4] = [
        NotifyMoment::Started,
        NotifyMoment::Done,
        NotifyMoment::Rejected,
        NotifyMoment::Overdue,
    ];

    /// The word that names the moment.
    pub fn keyword(self) -> &'static str {
        match self {
            NotifyMoment::Started => "started",
            NotifyMoment::Done => "done",
            NotifyMoment::Rejected => "rejected",
            NotifyMoment::Overdue => "overdue",
        }
    }
}

/// `notify WHO [when MOMENT]`
#[derive(Debug, Clone, PartialEq)]
pub struct Notify {
    /// Who is told.
    pub who: Party,
    /// When.
    pub when: NotifyMoment,
    /// Whether `when ...` is written (the formatter keeps the line as written).
    pub when_written: bool,
    /// The whole line.
    pub span: Span,
}

/// `on OUTCOME -> TARGET`
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The outcome's name, e.g. `reject`.
    pub name: Ident,
    /// Where it leads.
    pub target: Ident,
    /// The whole line.
    pub span: Span,
}

/// `decide NAME "label" { ... }`
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// The decision's name.
    pub name: Ident,
    /// Its label.
    pub label: Option<Label>,
    /// Its branches in source order.
    pub branches: Vec<DecisionBranch>,
    /// The whole block.
    pub span: Span,
}

/// A line of a decision.
#[derive(Debug, Clone, PartialEq)]
pub enum DecisionBranch {
    /// `when CONDITION -> TARGET`
    When {
        /// The condition.
        condition: Condition,
        /// Where it leads.
        target: Ident,
        /// The whole line.
        span: Span,
    },
    /// `otherwise -> TARGET`
    Otherwise {
        /// Where it leads.
        target: Ident,
        /// The whole line.
        span: Span,
    },
}

/// A condition over the inputs.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// Alternatives joined by `or` (two or more).
    AnyOf(Vec<Condition>, Span),
    /// Conditions joined by `and` (two or more).
    AllOf(Vec<Condition>, Span),
    /// `not CONDITION`
    Not(Box<Condition>, Span),
    /// `INPUT OP VALUE`
    Compare(Comparison),
}

impl Condition {
    /// Where the condition is.
    pub fn span(&self) -> Span {
        match self {
            Condition::AnyOf(_, span) | Condition::AllOf(_, span) | Condition::Not(_, span) => {
                *span
            }
            Condition::Compare(comparison) => comparison.span,
        }
    }
}

impl std::fmt::Display for Condition {
    /// The condition in canonical form, parenthesised only where needed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Condition::AnyOf(parts, _) => write_joined(f, parts, " or ", |part| {
                matches!(part, Condition::AnyOf(..))
            }),
            Condition::AllOf(parts, _) => write_joined(f, parts, " and ", |part| {
                matches!(part, Condition::AnyOf(..) | Condition::AllOf(..))
            }),
            Condition::Not(inner, _) => match inner.as_ref() {
                Condition::Compare(_) | Condition::Not(..) => write!(f, "not {inner}"),
                _ => write!(f, "not ({inner})"),
            },
            Condition::Compare(comparison) => write!(
                f,
                "{} {} {}",
                comparison.input.text,
                comparison.op.symbol(),
                comparison.value
            ),
        }
    }
}

/// Writes `parts` joined by `separator`, parenthesising those that need it.
fn write_joined(
    f: &mut std::fmt::Formatter<'_>,
    parts: &[Condition],
    separator: &str,
    needs_parentheses: impl Fn(&Condition) -> bool,
) -> std::fmt::Result {
    for (index, part) in parts.iter().enumerate() {
        if index > 0 {
            f.write_str(separator)?;
        }
        if needs_parentheses(part) {
            write!(f, "({part})")?;
        } else {
            write!(f, "{part}")?;
        }
    }
    Ok(())
}

/// `VALUE OP VALUE`: an input or recorded value compared with a literal or
/// with another value.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The input or recorded value compared.
    pub input: Ident,
    /// The operator.
    pub op: Comparator,
    /// What it is compared with.
    pub value: Operand,
    /// The whole comparison.
    pub span: Span,
}

/// The right side of a comparison, or the value given to a called
/// process's input.
///
/// The parser reads every bare name as a [`Operand::Literal`] (an enum
/// value, `yes`, `no`); the model turns a name that names an input or a
/// recorded value of the process into [`Operand::Value`], unless it is one
/// of the values the other side can take.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// A literal: `5000 CNY`, `2026-03-01`, `"text"`, `dismiss`, `yes`.
    Literal(Literal),
    /// Another value of the process: an input or a recorded value.
    Value(Ident),
}

impl Operand {
    /// Where it is written.
    pub fn span(&self) -> Span {
        match self {
            Operand::Literal(literal) => literal.span,
            Operand::Value(name) => name.span,
        }
    }

    /// The literal, when it is one.
    pub fn literal(&self) -> Option<&Literal> {
        match self {
            Operand::Literal(literal) => Some(literal),
            Operand::Value(_) => None,
        }
    }
}

impl std::fmt::Display for Operand {
    /// As written, in canonical form.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Operand::Literal(literal) => write!(f, "{}", literal.value),
            Operand::Value(name) => f.write_str(&name.text),
        }
    }
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Comparator {
    /// `<`
    Less,
    /// `<=`
    AtMost,
    /// `>`
    Greater,
    /// `>=`
    AtLeast,
    /// `==`
    Equal,
    /// `!=`
    NotEqual,
}

impl Comparator {
    /// The operator as written.
    pub(crate) fn symbol(self) -> &'static str {
        match self {
            Comparator::Less => "<",
            Comparator::AtMost => "<=",
            Comparator::Greater => ">",
            Comparator::AtLeast => ">=",
            Comparator::Equal => "==",
            Comparator::NotEqual => "!=",
        }
    }

    /// The comparator written `symbol` (as [`Comparator::symbol`] gives).
    pub fn from_symbol(symbol: &str) -> Option<Comparator> {
        [
            Comparator::Less,
            Comparator::AtMost,
            Comparator::Greater,
            Comparator::AtLeast,
            Comparator::Equal,
            Comparator::NotEqual,
        ]
        .into_iter()
        .find(|comparator| comparator.symbol() == symbol)
    }

    /// Whether `a OP b` holds when `a` compares to `b` as `ordering`: the
    /// one reading of a comparator, shared by the checker, `flowc diff`
    /// and `flowc sim`.
    pub fn holds(self, ordering: std::cmp::Ordering) -> bool {
        match self {
            Comparator::Less => ordering.is_lt(),
            Comparator::AtMost => ordering.is_le(),
            Comparator::Greater => ordering.is_gt(),
            Comparator::AtLeast => ordering.is_ge(),
            Comparator::Equal => ordering.is_eq(),
            Comparator::NotEqual => ordering.is_ne(),
        }
    }
}

/// A literal value with its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Literal {
    /// The value.
    pub value: Value,
    /// Where it is.
    pub span: Span,
}

/// A literal value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `5000 CNY`: an exact amount with its currency.
    Money {
        /// The amount, exact.
        amount: Decimal,
        /// The currency code.
        currency: String,
    },
    /// A bare number.
    Number(Decimal),
    /// `2026-03-01`
    Date(NaiveDate),
    /// `"text"`
    Text(String),
    /// A bare name: an enum value, or `yes` / `no`.
    Name(String),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Money { amount, currency } => write!(f, "{amount} {currency}"),
            Value::Number(number) => write!(f, "{number}"),
            Value::Date(date) => write!(f, "{date}"),
            Value::Text(text) => {
                write!(f, "\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
            }
            Value::Name(name) => f.write_str(name),
        }
    }
}

/// `parallel NAME "label" { ... }`
#[derive(Debug, Clone, PartialEq)]
pub struct Parallel {
    /// The block's name.
    pub name: Ident,
    /// Its label.
    pub label: Option<Label>,
    /// Its lines in source order.
    pub items: Vec<ParallelItem>,
    /// The whole block.
    pub span: Span,
}

/// A line of a parallel block.
#[derive(Debug, Clone, PartialEq)]
pub enum ParallelItem {
    /// `branch STEP`
    Branch(Ident, Span),
    /// `next TARGET`
    Next(Ident, Span),
}

/// `call NAME "label" { ... }`: another process run as part of this one.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The call's name.
    pub name: Ident,
    /// Its label.
    pub label: Option<Label>,
    /// Its lines in source order.
    pub items: Vec<CallItem>,
    /// The whole block.
    pub span: Span,
}

/// A line of a call block.
#[derive(Debug, Clone, PartialEq)]
pub enum CallItem {
    /// `process NAME`: the process called.
    Process(Ident, Span),
    /// `with INPUT = VALUE`
    With(Binding),
    /// `note "text"`
    Note(Note),
    /// `on END -> TARGET`: where a named end of the called process leads.
    Outcome(Outcome),
    /// `next TARGET`: where the other ends lead.
    Next(Ident, Span),
}

/// `with INPUT = VALUE`: a value given to an input of the called process.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    /// The called process's input.
    pub input: Ident,
    /// The value given.
    pub value: Operand,
    /// The whole line.
    pub span: Span,
}

/// `end NAME "label"`
#[derive(Debug, Clone, PartialEq)]
pub struct End {
    /// The end's name.
    pub name: Ident,
    /// Its label.
    pub label: Option<Label>,
    /// The whole line.
    pub span: Span,
}

/// `kpi NAME "label" [STATISTIC] BOUND TARGET`
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    /// The indicator's name.
    pub name: Ident,
    /// Its label.
    pub label: Option<Label>,
    /// The statistic measured, e.g. `p90`.
    pub statistic: Option<Statistic>,
    /// How the measure is held to the target.
    pub bound: KpiBound,
    /// The target value.
    pub target: KpiTarget,
    /// The whole line.
    pub span: Span,
}

/// The statistic a KPI measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statistic {
    /// Median.
    P50,
    /// 90th percentile.
    P90,
    /// 95th percentile.
    P95,
    /// Mean.
    Avg,
    /// Maximum.
    Max,
}

impl Statistic {
    /// The keyword as written.
    pub fn keyword(self) -> &'static str {
        match self {
            Statistic::P50 => "p50",
            Statistic::P90 => "p90",
            Statistic::P95 => "p95",
            Statistic::Avg => "avg",
            Statistic::Max => "max",
        }
    }
}

/// `under`, `at most`, `at least` or `over`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KpiBound {
    /// Strictly below.
    Under,
    /// Below or equal.
    AtMost,
    /// Above or equal.
    AtLeast,
    /// Strictly above.
    Over,
}

impl KpiBound {
    /// The words as written.
    pub fn words(self) -> &'static str {
        match self {
            KpiBound::Under => "under",
            KpiBound::AtMost => "at most",
            KpiBound::AtLeast => "at least",
            KpiBound::Over => "over",
        }
    }
}

/// The value a KPI is held to.
#[derive(Debug, Clone, PartialEq)]
pub enum KpiTarget {
    /// A duration.
    Duration(Duration),
    /// A percentage, e.g. `85%`.
    Percentage(Decimal),
    /// A plain number.
    Number(Decimal),
}
