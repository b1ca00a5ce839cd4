//! The JSON IR: one document per process, for runtime engines.
//!
//! The document is deterministic (fields in declaration order, lists in
//! source order), keeps money exact (decimal strings) and keeps business
//! days apart from calendar days. [`schema`] gives its JSON Schema, derived
//! from the same types.

use std::collections::BTreeSet;

use schemars::{JsonSchema, schema_for};
use serde::Serialize;

use crate::check::CheckedProject;
use crate::model::{self, EdgeKind, NodeKind, OrgUnit, Process, Project, RoleId};
use crate::span::LineIndex;
use crate::syntax::ast::{self, Condition, InputType, KpiTarget, TimeUnit, Value};

/// The name of the IR format.
pub const FORMAT: &str = "flowc-ir";
/// The version of the IR format.
pub const VERSION: u32 = 2;

/// One process, as handed to runtime engines.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(
    title = "flowc process IR",
    description = "One process compiled by flowc: metadata, organisation, nodes and edges."
)]
pub struct ProcessDocument {
    /// Always `flowc-ir`.
    #[schemars(extend("const" = "flowc-ir"))]
    pub format: &'static str,
    /// The format version; changes that break readers raise it.
    #[schemars(extend("const" = VERSION))]
    pub version: u32,
    /// The process's metadata.
    pub process: ProcessInfo,
    /// Values the process is started with.
    pub inputs: Vec<InputInfo>,
    /// Key indicators.
    pub kpis: Vec<KpiInfo>,
    /// Departments involved, in declaration order.
    pub departments: Vec<DepartmentInfo>,
    /// Roles involved with their reporting lines, in declaration order.
    pub roles: Vec<RoleInfo>,
    /// The nodes: a start, steps, decisions, parallel forks and joins, ends.
    pub nodes: Vec<NodeInfo>,
    /// The edges between nodes.
    pub edges: Vec<EdgeInfo>,
}

/// A process's metadata.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProcessInfo {
    /// The process's name (its id).
    pub name: String,
    /// Its label.
    pub label: Option<String>,
    /// `business`, `management` or `approval`.
    pub category: Option<CategoryName>,
    /// The owning department (or role).
    pub owner: Option<OwnerRef>,
    /// Who may start a case (`applicant`): roles and departments as
    /// written; empty when the process does not say.
    pub applicants: Vec<OwnerRef>,
    /// The end-to-end time limit.
    pub sla: Option<DurationInfo>,
    /// The review cycle.
    pub review: Option<ReviewInfo>,
    /// The version of the process (`version N`).
    pub version: Option<u32>,
    /// The day this version takes effect, `YYYY-MM-DD`.
    pub effective: Option<String>,
    /// The explanation for the reader (`note`).
    pub note: Option<String>,
    /// The id of the start node.
    pub start: String,
    /// Where the process is written.
    pub source: SourceRef,
}

/// The policy's three categories.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CategoryName {
    /// R&D, manufacturing, marketing, customer service.
    Business,
    /// Administration, finance, HR, quality.
    Management,
    /// Expense claims, contracts, appointments.
    Approval,
}

/// A reference to a role or department.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OwnerRef {
    /// `role` or `department`.
    pub kind: OwnerKind,
    /// Its name.
    pub name: String,
}

/// Someone a step names: a fixed role or department, the applicant, or
/// `manager of` one of these. An engine resolves it per case: the starter
/// passes `applicant` (a user id) and `applicant_managers` (the user ids up
/// the applicant's reporting line, direct superior first), so
/// `manager of applicant` is `applicant_managers[1]` (docs/runtime.md).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartyInfo {
    /// As written in `.flow`: `manager of manager of applicant`.
    pub text: String,
    /// How many levels of `manager of` lead from `base` to the person.
    pub managers: usize,
    /// Whom the chain starts from.
    pub base: PartyBaseInfo,
}

/// Whom a [`PartyInfo`] starts from.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum PartyBaseInfo {
    /// The person who started the case.
    Applicant,
    /// A role.
    Role {
        /// Its name.
        name: String,
    },
    /// A department.
    Department {
        /// Its name.
        name: String,
    },
}

/// How the owners of a step sign.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SigningMode {
    /// One owner.
    One,
    /// One person holding any of the owners' roles does it for all.
    AnyOf,
    /// Each owner must approve; one rejection rejects the step.
    AllOf,
    /// Approved when `required` owners approve; rejected as soon as that
    /// has become impossible.
    Quorum,
}

/// How a step's owners sign, and how many approvals it needs.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SigningInfo {
    /// One, any of, all of, or a quorum.
    pub mode: SigningMode,
    /// How many approvals approve the step: 1 for one owner and any of, the
    /// number of owners for all of, N for `N of`.
    pub required: u32,
}

impl SigningInfo {
    /// The people of a step's owner line joined by `separator`, as the
    /// line says them: `any of a, b`, `2 of a, b, c`, `a`.
    pub fn words(&self, people: &[String], separator: &str) -> String {
        let people = people.join(separator);
        match self.mode {
            SigningMode::One => people,
            SigningMode::AnyOf => format!("any of {people}"),
            SigningMode::AllOf => format!("all of {people}"),
            SigningMode::Quorum => format!("{} of {people}", self.required),
        }
    }
}

/// When a notification is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum NotifyMomentName {
    /// When the step starts.
    Started,
    /// When the step is done.
    Done,
    /// When the step is rejected.
    Rejected,
    /// When the step passes its deadline.
    Overdue,
}

/// A notification: someone told, given no work.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationInfo {
    /// Who is told.
    pub to: PartyInfo,
    /// When.
    pub when: NotifyMomentName,
}

/// Whether an owner is a role or a department.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum OwnerKind {
    /// A role.
    Role,
    /// A department.
    Department,
}

/// A duration.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DurationInfo {
    /// How many units.
    pub amount: u64,
    /// The unit.
    pub unit: UnitName,
    /// Whether it counts working time of the company calendar only.
    pub business: bool,
    /// The ISO-8601 duration, for calendar units (business days have none).
    pub iso8601: Option<String>,
    /// As written in `.flow`: `2 business days`.
    pub text: String,
}

/// Units of time.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitName {
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Calendar days.
    Day,
    /// Working days.
    BusinessDay,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
}

/// A review cycle.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewInfo {
    /// How often.
    pub every: DurationInfo,
    /// The last review, `YYYY-MM-DD`.
    pub last: Option<String>,
}

/// A place in a source file.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// The file, relative to the project root, `/`-separated.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// An input of the process.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InputInfo {
    /// Its name: the process variable engines set.
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: InputTypeInfo,
}

/// A value a step's owner records (`record`): a field of the task's form.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordInfo {
    /// Its name: the process variable the task sets.
    pub name: String,
    /// Its label (the field's caption).
    pub label: Option<String>,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: InputTypeInfo,
}

/// A call of another process.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CallInfo {
    /// The name of the process called (its IR document's `process.name`).
    pub process: String,
    /// The values given to its inputs, in the order written.
    pub inputs: Vec<BindingInfo>,
}

/// A value given to an input of a called process.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BindingInfo {
    /// The called process's input.
    pub input: String,
    /// The value: a literal, or a reference to an input or recorded value
    /// of the calling process.
    pub value: ValueInfo,
}

/// The type of an input.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum InputTypeInfo {
    /// An amount of money.
    Money {
        /// The currency code.
        currency: String,
    },
    /// A decimal number.
    Number,
    /// Free text.
    Text,
    /// A flag.
    YesNo,
    /// A date.
    Date,
    /// One value of a fixed list.
    OneOf {
        /// The allowed values.
        values: Vec<String>,
    },
}

/// A key indicator.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KpiInfo {
    /// Its name.
    pub name: String,
    /// Its label.
    pub label: Option<String>,
    /// `p50`, `p90`, `p95`, `avg` or `max`.
    pub statistic: Option<String>,
    /// `under`, `at most`, `at least` or `over`.
    pub bound: String,
    /// The target.
    pub target: KpiTargetInfo,
}

/// The target of a KPI.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum KpiTargetInfo {
    /// A duration.
    Duration {
        /// The duration.
        duration: DurationInfo,
    },
    /// A percentage.
    Percentage {
        /// The value, a decimal string (`85` for 85%).
        value: String,
    },
    /// A number.
    Number {
        /// The value, a decimal string.
        value: String,
    },
}

/// A department.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DepartmentInfo {
    /// Its name.
    pub name: String,
    /// Its label.
    pub label: Option<String>,
}

/// A role and its place in the reporting lines.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleInfo {
    /// Its name: the candidate group engines assign tasks to.
    pub name: String,
    /// Its label.
    pub label: Option<String>,
    /// The department it belongs to.
    pub department: Option<String>,
    /// The role it reports to.
    pub reports_to: Option<String>,
}

/// The kinds of node.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum NodeKindName {
    /// Where the process begins.
    Start,
    /// Work done by an owner.
    Step,
    /// An automatic gateway.
    Decision,
    /// The fork of a parallel block.
    Parallel,
    /// The join of a parallel block.
    Join,
    /// Another process run as part of this one.
    Call,
    /// A way the process finishes.
    End,
}

/// A node.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NodeInfo {
    /// Unique in the document: the name as written; a start is
    /// `PROCESS.start`, a join `BLOCK.join`.
    pub id: String,
    /// What kind of node.
    pub kind: NodeKindName,
    /// Its label.
    pub label: Option<String>,
    /// Who does it (steps), when that is one fixed role or department;
    /// `owners` says who does it in every case.
    pub owner: Option<OwnerRef>,
    /// Who does it (steps), as written on its `owner` line.
    pub owners: Vec<PartyInfo>,
    /// How the owners sign (steps with an owner).
    pub signing: Option<SigningInfo>,
    /// Who is told, and when (steps).
    pub notifications: Vec<NotificationInfo>,
    /// Who must be consulted (steps).
    pub consults: Vec<PartyInfo>,
    /// Its deadline (steps).
    pub deadline: Option<DurationInfo>,
    /// The time before which it cannot be finished (steps, `at least`).
    pub minimum: Option<DurationInfo>,
    /// When the work moves on by itself (steps, `on timeout after`; the
    /// `timeout` edge says where).
    pub timeout: Option<DurationInfo>,
    /// When its owner is reminded (steps).
    pub reminders: Vec<DurationInfo>,
    /// Who is told when it is late, and when (steps).
    pub escalations: Vec<EscalationInfo>,
    /// The values its owner records (steps).
    pub records: Vec<RecordInfo>,
    /// Its key indicators (steps).
    pub kpis: Vec<KpiInfo>,
    /// The process it runs (calls).
    pub call: Option<CallInfo>,
    /// The explanation for the reader (steps and calls, `note`).
    pub note: Option<String>,
    /// Where it is written.
    pub source: SourceRef,
}

impl NodeInfo {
    /// A node with an id, a kind and a place, and nothing else yet.
    fn bare(id: String, kind: NodeKindName, source: SourceRef) -> NodeInfo {
        NodeInfo {
            id,
            kind,
            label: None,
            owner: None,
            owners: Vec::new(),
            signing: None,
            notifications: Vec::new(),
            consults: Vec::new(),
            deadline: None,
            minimum: None,
            timeout: None,
            reminders: Vec::new(),
            escalations: Vec::new(),
            records: Vec::new(),
            kpis: Vec::new(),
            call: None,
            note: None,
            source,
        }
    }
}

/// An escalation.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalationInfo {
    /// How long after the step started.
    pub after: DurationInfo,
    /// Who is told, as written: a role or `manager of ...`.
    pub to: String,
    /// Who is told.
    pub target: PartyInfo,
}

/// The kinds of edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum EdgeKindName {
    /// The normal path.
    Next,
    /// A named outcome such as `reject`.
    Outcome,
    /// A decision branch taken when its condition holds.
    Condition,
    /// A decision branch taken when no condition holds.
    Otherwise,
    /// From a parallel fork to a branch step.
    Branch,
    /// From a branch step to its join.
    Join,
    /// Taken by itself when a step is not done in time (`on timeout`).
    Timeout,
}

/// An edge.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EdgeInfo {
    /// The id of the node it leaves.
    pub from: String,
    /// The id of the node it reaches.
    pub to: String,
    /// Why it is taken.
    pub kind: EdgeKindName,
    /// The outcome's name (`outcome` edges).
    pub outcome: Option<String>,
    /// The condition as a tree (`condition` edges).
    pub condition: Option<ConditionInfo>,
    /// The condition as text (`condition` edges).
    pub condition_text: Option<String>,
    /// How long after the step started (`timeout` edges).
    pub after: Option<DurationInfo>,
}

/// A condition over the inputs.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ConditionInfo {
    /// Every part holds.
    AllOf {
        /// The parts.
        conditions: Vec<ConditionInfo>,
    },
    /// Some part holds.
    AnyOf {
        /// The parts.
        conditions: Vec<ConditionInfo>,
    },
    /// The part does not hold.
    Not {
        /// The part.
        condition: Box<ConditionInfo>,
    },
    /// An input or recorded value compared with a value.
    Compare {
        /// The input's or recorded value's name.
        input: String,
        /// `<`, `<=`, `>`, `>=`, `==` or `!=`.
        operator: String,
        /// The value.
        value: ValueInfo,
    },
}

/// A literal value.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ValueInfo {
    /// An exact amount of money.
    Money {
        /// The amount, a decimal string.
        amount: String,
        /// The currency code.
        currency: String,
    },
    /// An exact number.
    Number {
        /// A decimal string.
        value: String,
    },
    /// A date, `YYYY-MM-DD`.
    Date {
        /// The date.
        value: String,
    },
    /// Text.
    Text {
        /// The text.
        value: String,
    },
    /// A named value: an enum value, `yes` or `no`.
    Name {
        /// The name.
        value: String,
    },
    /// Another value of the process: an input or a recorded value, read
    /// when the comparison is made.
    Reference {
        /// The input's or recorded value's name.
        name: String,
    },
}

/// The JSON Schema (draft 2020-12) of [`ProcessDocument`], pretty-printed.
pub fn schema() -> String {
    let schema = schema_for!(ProcessDocument);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}

/// The IR document of every process of the project, with the process names.
pub fn documents(checked: &CheckedProject<'_>) -> Vec<(String, ProcessDocument)> {
    use rayon::prelude::*;
    let project = checked.project();
    let line_indexes: Vec<LineIndex> = project
        .files
        .iter()
        .map(|file| LineIndex::new(&file.text))
        .collect();
    project
        .processes
        .par_iter()
        .map(|process| {
            let writer = DocumentWriter {
                project,
                process,
                lines: &line_indexes[process.file.0],
            };
            (process.name.clone(), writer.document())
        })
        .collect()
}

/// Serialises a document as pretty JSON with a final line end, into a
/// buffer sized for it at once (about 700 bytes a node or edge; growing
/// from serde_json's 128 bytes copied each document about twice over).
pub fn to_text(document: &ProcessDocument) -> String {
    let room = 4096 + 768 * (document.nodes.len() + document.edges.len());
    let mut bytes = Vec::with_capacity(room);
    let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, Pretty::default());
    document
        .serialize(&mut serializer)
        .expect("IR documents serialise");
    bytes.push(b'\n');
    // serde_json writes UTF-8 (as its `to_string_pretty` relies on).
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// serde_json's `PrettyFormatter` with its default indent of two spaces,
/// byte for byte, but writing a line end and its indent in one piece
/// (serde_json's writes the indent two spaces at a time: a write per
/// level on every line of a document).
#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

/// A comma, a line end and more spaces than any IR document nests deep:
/// the start of each line of [`Pretty`] is a slice of it.
const LINE_STARTS: &[u8; 2 + 128] = b",\n                                                                                                                                ";

impl Pretty {
    /// A line end (after a comma unless `first`) and the indent of the
    /// current depth.
    fn new_line<W: ?Sized + std::io::Write>(
        &self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        let from = usize::from(first);
        let to = 2 + 2 * self.depth;
        match LINE_STARTS.get(from..to) {
            Some(start) => writer.write_all(start),
            None => {
                writer.write_all(&LINE_STARTS[from..2])?;
                (0..self.depth).try_for_each(|_| writer.write_all(b"  "))
            }
        }
    }

    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth = self.depth.saturating_sub(1);
        if self.has_value {
            self.new_line(writer, true)?;
        }
        writer.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"[")
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"{")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(writer, first)
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(writer, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"]")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"}")
    }
}

/// Writes the IR of one process.
struct DocumentWriter<'a> {
    project: &'a Project,
    process: &'a Process,
    lines: &'a LineIndex,
}

impl DocumentWriter<'_> {
    fn document(&self) -> ProcessDocument {
        let process = self.process;
        let (departments, roles) = self.organisation();
        ProcessDocument {
            format: FORMAT,
            version: VERSION,
            process: ProcessInfo {
                name: process.name.clone(),
                label: process.label.clone(),
                category: process.category.map(category_name),
                owner: process
                    .owner
                    .as_ref()
                    .and_then(|owner| owner.target)
                    .map(|unit| self.owner(unit)),
                applicants: process
                    .applicants
                    .iter()
                    .filter_map(|applicant| applicant.target)
                    .map(|unit| self.owner(unit))
                    .collect(),
                sla: process.sla.as_ref().map(duration),
                review: process.review.as_ref().map(|review| ReviewInfo {
                    every: duration(&review.every),
                    last: review.last.map(date_text),
                }),
                version: process.version.as_ref().map(|version| version.number),
                effective: process
                    .version
                    .as_ref()
                    .and_then(|version| version.effective)
                    .map(date_text),
                note: process.note.as_ref().map(|note| note.text.text.clone()),
                start: start_id(process),
                source: self.source(process.name_span.start),
            },
            inputs: process.inputs.iter().map(input).collect(),
            kpis: process.kpis.iter().map(kpi).collect(),
            departments,
            roles,
            nodes: self.nodes(),
            edges: self.edges(),
        }
    }

    fn source(&self, offset: usize) -> SourceRef {
        let file = &self.project.files[self.process.file.0];
        let (line, column) = self.lines.position(&file.text, offset);
        SourceRef {
            file: file.relative.clone(),
            line,
            column,
        }
    }

    fn owner(&self, unit: OrgUnit) -> OwnerRef {
        OwnerRef {
            kind: match unit {
                OrgUnit::Role(_) => OwnerKind::Role,
                OrgUnit::Department(_) => OwnerKind::Department,
            },
            name: self.project.unit_name(unit).to_string(),
        }
    }

    fn party(&self, party: &model::Party) -> PartyInfo {
        PartyInfo {
            text: party.to_string(),
            managers: party.managers,
            base: match &party.base {
                model::PartyBase::Applicant => PartyBaseInfo::Applicant,
                model::PartyBase::Unit(unit) => match unit.target {
                    Some(OrgUnit::Department(_)) => PartyBaseInfo::Department {
                        name: unit.name.clone(),
                    },
                    Some(OrgUnit::Role(_)) | None => PartyBaseInfo::Role {
                        name: unit.name.clone(),
                    },
                },
            },
        }
    }

    /// The roles and departments the process uses, with every superior of
    /// those roles so the reporting lines are complete.
    fn organisation(&self) -> (Vec<DepartmentInfo>, Vec<RoleInfo>) {
        let project = self.project;
        let mut roles: BTreeSet<RoleId> = BTreeSet::new();
        let mut departments = BTreeSet::new();
        let mut units: Vec<OrgUnit> = self
            .process
            .owner
            .iter()
            .filter_map(|owner| owner.target)
            .collect();
        units.extend(
            model::people::applicant_roles(project, self.process)
                .into_iter()
                .map(OrgUnit::Role),
        );
        units.extend(
            self.process
                .applicants
                .iter()
                .filter_map(|applicant| applicant.target),
        );
        for node in &self.process.nodes {
            if let NodeKind::Step(details) = &node.kind {
                units.extend(model::people::fixed_units(details));
            }
        }
        for unit in units {
            match unit {
                OrgUnit::Role(role) => {
                    roles.insert(role);
                    roles.extend(project.superiors(role));
                }
                OrgUnit::Department(department) => {
                    departments.insert(department);
                }
            }
        }
        departments.extend(roles.iter().filter_map(|&role| {
            project
                .role(role)
                .department
                .as_ref()
                .and_then(|d| d.target)
        }));
        let departments = departments
            .into_iter()
            .map(|id| {
                let department = project.department(id);
                DepartmentInfo {
                    name: department.name.clone(),
                    label: department.label.clone(),
                }
            })
            .collect();
        let roles = roles
            .into_iter()
            .map(|id| role_info(project, project.role(id)))
            .collect();
        (departments, roles)
    }

    fn nodes(&self) -> Vec<NodeInfo> {
        let process = self.process;
        let start_at = process
            .start
            .as_ref()
            .map_or(process.name_span.start, |start| start.span.start);
        let start = NodeInfo::bare(
            start_id(process),
            NodeKindName::Start,
            self.source(start_at),
        );
        std::iter::once(start)
            .chain(process.node_ids().map(|id| self.node(id)))
            .collect()
    }

    fn node(&self, id: model::NodeId) -> NodeInfo {
        let node = self.process.node(id);
        let kind = match node.kind {
            NodeKind::Step(_) => NodeKindName::Step,
            NodeKind::Decision => NodeKindName::Decision,
            NodeKind::Parallel { .. } => NodeKindName::Parallel,
            NodeKind::Join { .. } => NodeKindName::Join,
            NodeKind::Call(_) => NodeKindName::Call,
            NodeKind::End => NodeKindName::End,
        };
        let mut info = NodeInfo::bare(node.name.clone(), kind, self.source(node.name_span.start));
        info.label = node.label.clone();
        match &node.kind {
            NodeKind::Step(details) => self.step(details, id, &mut info),
            NodeKind::Call(details) => {
                info.note = details.note.as_ref().map(|note| note.text.text.clone());
                info.call = details
                    .process
                    .as_ref()
                    .filter(|callee| callee.target.is_some())
                    .map(|callee| CallInfo {
                        process: callee.name.clone(),
                        inputs: details
                            .bindings
                            .iter()
                            .map(|binding| BindingInfo {
                                input: binding.input.text.clone(),
                                value: operand_info(&binding.value),
                            })
                            .collect(),
                    });
            }
            NodeKind::Decision
            | NodeKind::Parallel { .. }
            | NodeKind::Join { .. }
            | NodeKind::End => {}
        }
        info
    }

    /// What a step says, into its node.
    fn step(&self, details: &model::StepDetails, id: model::NodeId, info: &mut NodeInfo) {
        if let Some(owners) = &details.owner {
            info.owner = owners.single_fixed().map(|unit| self.owner(unit));
            info.owners = owners
                .parties
                .iter()
                .map(|party| self.party(party))
                .collect();
            info.signing = Some(signing(owners));
        }
        info.notifications = details
            .notifications
            .iter()
            .map(|notification| NotificationInfo {
                to: self.party(&notification.who),
                when: notify_moment(notification.when),
            })
            .collect();
        info.consults = details
            .consults
            .iter()
            .map(|party| self.party(party))
            .collect();
        info.deadline = details.deadline.as_ref().map(duration);
        info.minimum = details.minimum.as_ref().map(duration);
        info.timeout = details.timeout.as_ref().map(duration);
        info.reminders = details.reminders.iter().map(duration).collect();
        info.escalations = details
            .escalations
            .iter()
            .map(|escalation| EscalationInfo {
                after: duration(&escalation.after),
                to: escalation.to.to_string(),
                target: self.party(&escalation.to),
            })
            .collect();
        info.records = self
            .process
            .records
            .iter()
            .filter(|recorded| recorded.step == id)
            .map(|recorded| RecordInfo {
                name: recorded.record.name.text.clone(),
                label: recorded
                    .record
                    .label
                    .as_ref()
                    .map(|label| label.text.clone()),
                kind: input_type(&recorded.record.kind),
            })
            .collect();
        info.kpis = details.kpis.iter().map(kpi).collect();
        info.note = details.note.as_ref().map(|note| note.text.text.clone());
    }

    fn edges(&self) -> Vec<EdgeInfo> {
        let process = self.process;
        let start = process
            .start
            .as_ref()
            .and_then(|start| start.target)
            .map(|first| EdgeInfo {
                from: start_id(process),
                to: process.node(first).name.clone(),
                kind: EdgeKindName::Next,
                outcome: None,
                condition: None,
                condition_text: None,
                after: None,
            });
        start
            .into_iter()
            .chain(process.edges.iter().map(|edge| self.edge(edge)))
            .collect()
    }

    fn edge(&self, edge: &model::Edge) -> EdgeInfo {
        let mut info = EdgeInfo {
            from: self.process.node(edge.from).name.clone(),
            to: self.process.node(edge.to).name.clone(),
            kind: EdgeKindName::Next,
            outcome: None,
            condition: None,
            condition_text: None,
            after: None,
        };
        match &edge.kind {
            EdgeKind::Next => {}
            EdgeKind::Outcome(name) => {
                info.kind = EdgeKindName::Outcome;
                info.outcome = Some(name.clone());
            }
            EdgeKind::When(condition) => {
                info.kind = EdgeKindName::Condition;
                info.condition = Some(condition_info(condition));
                info.condition_text = Some(condition.to_string());
            }
            EdgeKind::Otherwise => info.kind = EdgeKindName::Otherwise,
            EdgeKind::Branch => info.kind = EdgeKindName::Branch,
            EdgeKind::Join => info.kind = EdgeKindName::Join,
            EdgeKind::Timeout(after) => {
                info.kind = EdgeKindName::Timeout;
                info.after = Some(duration(after));
            }
        }
        info
    }
}

/// The id of a process's start node.
pub(crate) fn start_id(process: &Process) -> String {
    format!("{}.start", process.name)
}

fn role_info(project: &Project, role: &model::Role) -> RoleInfo {
    RoleInfo {
        name: role.name.clone(),
        label: role.label.clone(),
        department: role
            .department
            .as_ref()
            .and_then(|department| department.target)
            .map(|id| project.department(id).name.clone()),
        reports_to: role
            .superior
            .as_ref()
            .and_then(|superior| superior.target)
            .map(|id| project.role(id).name.clone()),
    }
}

fn category_name(category: ast::Category) -> CategoryName {
    match category {
        ast::Category::Business => CategoryName::Business,
        ast::Category::Management => CategoryName::Management,
        ast::Category::Approval => CategoryName::Approval,
    }
}

/// The IR of a duration.
pub fn duration(duration: &ast::Duration) -> DurationInfo {
    let amount = duration.amount;
    let (unit, iso8601) = match duration.unit {
        TimeUnit::Minute => (UnitName::Minute, Some(format!("PT{amount}M"))),
        TimeUnit::Hour => (UnitName::Hour, Some(format!("PT{amount}H"))),
        TimeUnit::Day => (UnitName::Day, Some(format!("P{amount}D"))),
        TimeUnit::BusinessDay => (UnitName::BusinessDay, None),
        TimeUnit::Week => (UnitName::Week, Some(format!("P{amount}W"))),
        TimeUnit::Month => (UnitName::Month, Some(format!("P{amount}M"))),
        TimeUnit::Year => (UnitName::Year, Some(format!("P{amount}Y"))),
    };
    DurationInfo {
        amount,
        unit,
        business: duration.unit == TimeUnit::BusinessDay,
        iso8601,
        text: duration.to_string(),
    }
}

fn input(input: &ast::Input) -> InputInfo {
    InputInfo {
        name: input.name.text.clone(),
        kind: input_type(&input.kind),
    }
}

/// The IR of an input's or recorded value's type.
fn input_type(kind: &InputType) -> InputTypeInfo {
    match kind {
        InputType::Money { currency } => InputTypeInfo::Money {
            currency: currency.clone(),
        },
        InputType::Number => InputTypeInfo::Number,
        InputType::Text => InputTypeInfo::Text,
        InputType::YesNo => InputTypeInfo::YesNo,
        InputType::Date => InputTypeInfo::Date,
        InputType::Choice(values) => InputTypeInfo::OneOf {
            values: values.iter().map(|value| value.text.clone()).collect(),
        },
    }
}

/// A date as the IR writes it, `YYYY-MM-DD`.
fn date_text(date: chrono::NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn kpi(kpi: &ast::Kpi) -> KpiInfo {
    KpiInfo {
        name: kpi.name.text.clone(),
        label: kpi.label.as_ref().map(|label| label.text.clone()),
        statistic: kpi
            .statistic
            .map(|statistic| statistic.keyword().to_string()),
        bound: kpi.bound.words().to_string(),
        target: match &kpi.target {
            KpiTarget::Duration(value) => KpiTargetInfo::Duration {
                duration: duration(value),
            },
            KpiTarget::Percentage(value) => KpiTargetInfo::Percentage {
                value: value.to_string(),
            },
            KpiTarget::Number(value) => KpiTargetInfo::Number {
                value: value.to_string(),
            },
        },
    }
}

/// A condition as the JSON IR writes it (and `flowc sim` reads it).
pub fn condition_info(condition: &Condition) -> ConditionInfo {
    match condition {
        Condition::AllOf(parts, _) => ConditionInfo::AllOf {
            conditions: parts.iter().map(condition_info).collect(),
        },
        Condition::AnyOf(parts, _) => ConditionInfo::AnyOf {
            conditions: parts.iter().map(condition_info).collect(),
        },
        Condition::Not(inner, _) => ConditionInfo::Not {
            condition: Box::new(condition_info(inner)),
        },
        Condition::Compare(comparison) => ConditionInfo::Compare {
            input: comparison.input.text.clone(),
            operator: comparison.op.symbol().to_string(),
            value: operand_info(&comparison.value),
        },
    }
}

impl ValueInfo {
    /// The literal value this stands for (the inverse of how the IR writes
    /// a literal), or `None` when its text is not one or it is a
    /// [`ValueInfo::Reference`].
    pub fn value(&self) -> Option<Value> {
        Some(match self {
            ValueInfo::Money { amount, currency } => Value::Money {
                amount: amount.parse().ok()?,
                currency: currency.clone(),
            },
            ValueInfo::Number { value } => Value::Number(value.parse().ok()?),
            ValueInfo::Date { value } => {
                Value::Date(chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()?)
            }
            ValueInfo::Text { value } => Value::Text(value.clone()),
            ValueInfo::Name { value } => Value::Name(value.clone()),
            ValueInfo::Reference { .. } => return None,
        })
    }
}

/// The IR of a comparison's right side or a call's `with` value.
fn operand_info(operand: &ast::Operand) -> ValueInfo {
    match operand {
        ast::Operand::Literal(literal) => value_info(&literal.value),
        ast::Operand::Value(name) => ValueInfo::Reference {
            name: name.text.clone(),
        },
    }
}

fn value_info(value: &Value) -> ValueInfo {
    match value {
        Value::Money { amount, currency } => ValueInfo::Money {
            amount: amount.to_string(),
            currency: currency.clone(),
        },
        Value::Number(number) => ValueInfo::Number {
            value: number.to_string(),
        },
        Value::Date(date) => ValueInfo::Date {
            value: date.format("%Y-%m-%d").to_string(),
        },
        Value::Text(text) => ValueInfo::Text {
            value: text.clone(),
        },
        Value::Name(name) => ValueInfo::Name {
            value: name.clone(),
        },
    }
}

/// How a step's owners sign, for the IR.
fn signing(owners: &model::Owners) -> SigningInfo {
    let (mode, required) = match owners.signing {
        ast::Signing::One => (SigningMode::One, 1),
        ast::Signing::AnyOf => (SigningMode::AnyOf, 1),
        ast::Signing::AllOf => (
            SigningMode::AllOf,
            u32::try_from(owners.parties.len()).unwrap_or(u32::MAX),
        ),
        ast::Signing::Quorum(count) => (SigningMode::Quorum, count),
    };
    SigningInfo { mode, required }
}

/// The IR name of a notification's moment.
fn notify_moment(moment: ast::NotifyMoment) -> NotifyMomentName {
    match moment {
        ast::NotifyMoment::Started => NotifyMomentName::Started,
        ast::NotifyMoment::Done => NotifyMomentName::Done,
        ast::NotifyMoment::Rejected => NotifyMomentName::Rejected,
        ast::NotifyMoment::Overdue => NotifyMomentName::Overdue,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Pretty`] writes what serde_json's pretty printer writes: empty
    /// and full arrays and objects, strings to escape, numbers, and
    /// nesting deeper than its line starts reach.
    #[test]
    fn pretty_writes_what_serde_json_writes() {
        let mut deep = serde_json::json!({"end": [1, 2.5, null, true]});
        for level in 0..80 {
            deep = serde_json::json!({"level": level, "inner": [deep, [], {}], "text": "a\"b\\\n\u{1}"});
        }
        let mut compared = 0;
        for value in [
            deep,
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!("x"),
        ] {
            let mut bytes = Vec::new();
            let mut serializer =
                serde_json::Serializer::with_formatter(&mut bytes, Pretty::default());
            value
                .serialize(&mut serializer)
                .expect("a value serialises");
            let expected = serde_json::to_string_pretty(&value).expect("a value serialises");
            assert_eq!(String::from_utf8(bytes).expect("UTF-8"), expected);
            compared += 1;
        }
        assert_eq!(compared, 4);
    }
}
