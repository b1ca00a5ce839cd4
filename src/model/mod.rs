//! The model: a project's files with every name resolved.
//!
//! [`build`] turns the syntax trees of all files of a project into one
//! [`Project`]: the organisation (departments and roles with their reporting
//! lines) and one graph per process. Names that resolve to nothing, names
//! defined twice and settings given twice are recorded in [`Problems`] for
//! the rules of [`crate::check`] to report; the model itself never reports.

mod build;
pub mod calendar;
pub mod names;
pub mod people;
pub mod words;

use chrono::NaiveDate;
use std::sync::Arc;

use crate::source::SourceFile;
use crate::span::{FileId, Location, Span};
use crate::syntax::SyntaxError;
use crate::syntax::ast::{
    Binding, Category, Comment, Condition, Duration, Input, InputType, Kpi, Note, NotifyMoment,
    Record, Signing, Version,
};

pub(crate) use build::worth_sharing;
pub use build::{KeptModel, build, build_kept, build_parsed, parse};

/// The index of a department in [`Project::departments`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DepartmentId(pub usize);

/// The index of a role in [`Project::roles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RoleId(pub usize);

/// The index of a process in [`Project::processes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProcessId(pub usize);

/// The index of a node in [`Process::nodes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub usize);

/// A whole project: every `.flow` file under one root, resolved.
#[derive(Debug, Default)]
pub struct Project {
    /// The files, in path order.
    pub files: Vec<SourceFile>,
    /// Every department, in declaration order.
    pub departments: Vec<Department>,
    /// Every role, in declaration order.
    pub roles: Vec<Role>,
    /// Every process, in declaration order.
    pub processes: Vec<Arc<Process>>,
    /// What could not be resolved, for the rules to report.
    pub problems: Problems,
    /// Every comment of the files that parsed, by file, in source order
    /// (suppression comments are read from them).
    pub comments: Vec<(FileId, Comment)>,
}

/// A name as written, with what it resolved to (if anything).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference<T> {
    /// The name as written.
    pub name: String,
    /// Where it is written.
    pub span: Span,
    /// What it names, when it resolved to the right kind of thing.
    pub target: Option<T>,
}

/// An organisational unit: a role or a department.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OrgUnit {
    /// A role.
    Role(RoleId),
    /// A department.
    Department(DepartmentId),
}

/// `department NAME "label"`
#[derive(Debug, Clone)]
pub struct Department {
    /// Its name.
    pub name: String,
    /// Its label.
    pub label: Option<String>,
    /// Where its name is written.
    pub name_at: Location,
}

/// `role NAME "label" [in DEPARTMENT] [reports to ROLE]`
#[derive(Debug, Clone)]
pub struct Role {
    /// Its name.
    pub name: String,
    /// Its label.
    pub label: Option<String>,
    /// Where its name is written.
    pub name_at: Location,
    /// The department it belongs to.
    pub department: Option<Reference<DepartmentId>>,
    /// The role it reports to.
    pub superior: Option<Reference<RoleId>>,
}

/// `review every DURATION[, last DATE]`
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewCycle {
    /// How often.
    pub every: Duration,
    /// The last review.
    pub last: Option<NaiveDate>,
    /// The line.
    pub span: Span,
}

/// One process, as a graph of nodes and edges.
#[derive(Debug, Clone)]
pub struct Process {
    /// Its name.
    pub name: String,
    /// Its label.
    pub label: Option<String>,
    /// The file it is written in; every span of the process is in it.
    pub file: FileId,
    /// The whole `process` block.
    pub span: Span,
    /// Where its name is written.
    pub name_span: Span,
    /// `category`
    pub category: Option<Category>,
    /// `owner`: the owning department (or role).
    pub owner: Option<Reference<OrgUnit>>,
    /// `applicant ...`: the roles and departments whose people may start a
    /// case, in the order written (empty without the line).
    pub applicants: Vec<Reference<OrgUnit>>,
    /// The `applicant` line, if any.
    pub applicant_span: Option<Span>,
    /// `review every ...`
    pub review: Option<ReviewCycle>,
    /// `version N[, effective DATE]`
    pub version: Option<Version>,
    /// `sla ...`
    pub sla: Option<Duration>,
    /// `note "..."`: the explanation for the reader.
    pub note: Option<Note>,
    /// `input` lines, in order.
    pub inputs: Vec<Input>,
    /// `record` lines of every step, in source order.
    pub records: Vec<RecordedValue>,
    /// `start NAME`.
    pub start: Option<Reference<NodeId>>,
    /// Steps, decisions, parallel blocks (each with its join) and ends.
    pub nodes: Vec<Node>,
    /// Every edge between nodes, in source order.
    pub edges: Vec<Edge>,
    /// `kpi` lines, in order.
    pub kpis: Vec<Kpi>,
    /// For each node, the indices in `edges` of the edges leaving it.
    pub outgoing: Vec<Vec<usize>>,
    /// Whether some `next`, outcome, branch or `start` names no node, or a
    /// parallel block has no branch: the graph is incomplete, so rules on
    /// its shape would only report the consequences.
    pub has_broken_links: bool,
    /// Whether some item of the process does not parse (it is kept as an
    /// error node): only the rules that read single lines run on it.
    pub has_broken_items: bool,
}

impl Process {
    /// The node called `name`, if any (joins have no name of their own).
    pub(crate) fn node_named(&self, name: &str) -> Option<NodeId> {
        self.nodes
            .iter()
            .position(|node| node.name == name && !matches!(node.kind, NodeKind::Join { .. }))
            .map(NodeId)
    }

    /// The node with this id.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0]
    }

    /// The edges leaving `node`.
    pub(crate) fn edges_from(&self, node: NodeId) -> impl Iterator<Item = &Edge> {
        self.outgoing[node.0]
            .iter()
            .map(|&index| &self.edges[index])
    }

    /// The conditions of the process's `when` branches, in the order of
    /// its edges.
    pub(crate) fn when_conditions(&self) -> impl Iterator<Item = &Condition> {
        self.edges.iter().filter_map(|edge| match &edge.kind {
            EdgeKind::When(condition) => Some(condition.as_ref()),
            _ => None,
        })
    }

    /// The nodes `node` leads to.
    pub(crate) fn successors(&self, node: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.edges_from(node).map(|edge| edge.to)
    }

    /// The input called `name`, if any.
    pub(crate) fn input_named(&self, name: &str) -> Option<&Input> {
        self.inputs.iter().find(|input| input.name.text == name)
    }

    /// The value recorded under `name` by a step, if any.
    pub fn record_named(&self, name: &str) -> Option<&RecordedValue> {
        self.records
            .iter()
            .find(|recorded| recorded.record.name.text == name)
    }

    /// The type of the input or recorded value called `name`: what a
    /// condition or a call may read.
    pub fn value_type(&self, name: &str) -> Option<&InputType> {
        match self.input_named(name) {
            Some(input) => Some(&input.kind),
            None => self
                .record_named(name)
                .map(|recorded| &recorded.record.kind),
        }
    }

    /// The ids of all nodes.
    pub(crate) fn node_ids(&self) -> impl Iterator<Item = NodeId> {
        (0..self.nodes.len()).map(NodeId)
    }
}

/// A value a step's owner records (`record NAME "label": TYPE`).
#[derive(Debug, Clone, PartialEq)]
pub struct RecordedValue {
    /// The line as written: name, label, type.
    pub record: Record,
    /// The step that records it.
    pub step: NodeId,
}

/// A node of a process graph.
#[derive(Debug, Clone)]
pub struct Node {
    /// Its name (a join is named after its block, `countersign.join`).
    pub name: String,
    /// Its label.
    pub label: Option<String>,
    /// The whole declaration.
    pub span: Span,
    /// Where its name is written.
    pub name_span: Span,
    /// What kind of node it is.
    pub kind: NodeKind,
}

/// The kinds of node.
#[derive(Debug, Clone)]
pub enum NodeKind {
    /// Work done by an owner (boxed: a step says much more than the other
    /// kinds of node).
    Step(Box<StepDetails>),
    /// An automatic gateway on the inputs.
    Decision,
    /// The fork of a parallel block.
    Parallel {
        /// `branch` lines.
        branches: Vec<Reference<NodeId>>,
        /// The node where the branches meet.
        join: NodeId,
        /// The `next` line, if any.
        has_next: bool,
    },
    /// The join of a parallel block: continues when every branch is done.
    Join {
        /// The block it closes.
        parallel: NodeId,
    },
    /// Another process run as part of this one (boxed, like a step's
    /// details: the other kinds of node say much less).
    Call(Box<CallDetails>),
    /// A way the process finishes.
    End,
}

/// What a `call` says besides its edges (`on END -> TARGET` are
/// [`EdgeKind::Outcome`] edges named after the called process's end,
/// `next` a [`EdgeKind::Next`] edge).
#[derive(Debug, Clone)]
pub struct CallDetails {
    /// `process NAME`: the process called.
    pub process: Option<Reference<ProcessId>>,
    /// `with INPUT = VALUE` lines, in order; a value naming an input or a
    /// recorded value of this process is an
    /// [`crate::syntax::ast::Operand::Value`].
    pub bindings: Vec<Binding>,
    /// `note "..."`
    pub note: Option<Note>,
    /// The span of the call's own `next` line, if any.
    pub next_span: Option<Span>,
}

impl NodeKind {
    /// How the kind is called in messages.
    pub(crate) fn noun(&self) -> &'static str {
        match self {
            NodeKind::Step(_) => "step",
            NodeKind::Decision => "decision",
            NodeKind::Parallel { .. } => "parallel block",
            NodeKind::Join { .. } => "parallel block",
            NodeKind::Call(_) => "call",
            NodeKind::End => "end",
        }
    }

    /// The kind as words of a message: `step`, 步驟.
    pub(crate) fn words(&self) -> crate::i18n::Text {
        crate::text!("thing-kind", kind = self.noun().replace(' ', "-"))
    }
}

/// What a step says besides its edges.
#[derive(Debug, Clone, Default)]
pub struct StepDetails {
    /// `owner`
    pub owner: Option<Owners>,
    /// `within`
    pub deadline: Option<Duration>,
    /// `at least`: the step cannot be finished before this time.
    pub minimum: Option<Duration>,
    /// `on timeout after`: when the work moves on by itself (the target is
    /// the step's [`EdgeKind::Timeout`] edge).
    pub timeout: Option<Duration>,
    /// `note "..."`
    pub note: Option<Note>,
    /// `kpi` lines of the step, in order.
    pub kpis: Vec<Kpi>,
    /// `remind after` lines.
    pub reminders: Vec<Duration>,
    /// `escalate after ... to ...` lines.
    pub escalations: Vec<Escalation>,
    /// `notify ...` lines, in order.
    pub notifications: Vec<Notification>,
    /// `consult ...` lines, in order.
    pub consults: Vec<Party>,
    /// The parallel blocks that list this step as a branch.
    pub blocks: Vec<NodeId>,
    /// The span of the step's own `next` line, if any.
    pub next_span: Option<Span>,
}

/// `escalate after DURATION to WHO`
#[derive(Debug, Clone)]
pub struct Escalation {
    /// When.
    pub after: Duration,
    /// To whom: a role, or someone relative to the applicant.
    pub to: Party,
    /// The line.
    pub span: Span,
}

/// Someone a step names: a fixed role or department, or a person of the
/// case (`applicant`, `manager of ...`). [`people`] says who it is for each
/// role the applicant may hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// How many times `manager of` is written before the base.
    pub managers: usize,
    /// Whom the chain of `manager of` starts from.
    pub base: PartyBase,
    /// The whole reference, `manager of manager of applicant`.
    pub span: Span,
}

/// Whom a [`Party`] starts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartyBase {
    /// The person who started the case.
    Applicant,
    /// A role or department (a role when `manager of` precedes it).
    Unit(Reference<OrgUnit>),
}

impl Party {
    /// The role or department this names directly: no `manager of`, not
    /// the applicant.
    pub fn fixed(&self) -> Option<OrgUnit> {
        match (&self.base, self.managers) {
            (PartyBase::Unit(unit), 0) => unit.target,
            _ => None,
        }
    }

    /// The role this names directly, if it names a role.
    pub fn fixed_role(&self) -> Option<RoleId> {
        match self.fixed() {
            Some(OrgUnit::Role(role)) => Some(role),
            _ => None,
        }
    }

    /// Whether who this is depends on the case (the applicant or a
    /// `manager of` chain).
    pub fn is_relative(&self) -> bool {
        self.managers > 0 || self.base == PartyBase::Applicant
    }

    /// Whether it names the applicant, directly or through `manager of`.
    pub fn starts_from_applicant(&self) -> bool {
        self.base == PartyBase::Applicant
    }
}

impl Party {
    /// The reference in canonical form, with the base role or department
    /// named by `unit_name` (the diff names an old role by its new name).
    pub fn text_with(&self, unit_name: impl Fn(&str) -> String) -> String {
        let base = match &self.base {
            PartyBase::Applicant => "applicant".to_string(),
            PartyBase::Unit(unit) => unit_name(&unit.name),
        };
        format!("{}{base}", "manager of ".repeat(self.managers))
    }
}

impl std::fmt::Display for Party {
    /// The reference in canonical form: `manager of manager of applicant`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text_with(str::to_string))
    }
}

/// A step's `owner` line: who does it and how they sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owners {
    /// One owner, any of, all of, or a quorum.
    pub signing: Signing,
    /// Who, in the order written.
    pub parties: Vec<Party>,
    /// The whole line.
    pub span: Span,
}

impl Owners {
    /// The one fixed role or department of a one-owner line naming one.
    pub fn single_fixed(&self) -> Option<OrgUnit> {
        match (self.signing, self.parties.as_slice()) {
            (Signing::One, [party]) => party.fixed(),
            _ => None,
        }
    }

    /// The line after `owner` in canonical form (`any of a, b`), with roles
    /// and departments named by `unit_name`.
    pub fn text_with(&self, unit_name: impl Fn(&str) -> String) -> String {
        let parties: Vec<String> = self
            .parties
            .iter()
            .map(|party| party.text_with(&unit_name))
            .collect();
        format!("{}{}", self.signing.prefix(), parties.join(", "))
    }

    /// Whether several people sign (all of, or a quorum).
    pub fn is_multi_signer(&self) -> bool {
        matches!(self.signing, Signing::AllOf | Signing::Quorum(_))
    }
}

impl std::fmt::Display for Owners {
    /// The line after `owner` in canonical form: `any of a, b`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text_with(str::to_string))
    }
}

/// `notify WHO [when MOMENT]`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// Who is told.
    pub who: Party,
    /// When.
    pub when: NotifyMoment,
    /// The line.
    pub span: Span,
}

/// An edge of a process graph.
#[derive(Debug, Clone)]
pub struct Edge {
    /// Where it leaves.
    pub from: NodeId,
    /// Where it arrives.
    pub to: NodeId,
    /// Why it is taken.
    pub kind: EdgeKind,
    /// The line that declares it.
    pub span: Span,
}

/// Why an edge is taken.
#[derive(Debug, Clone)]
pub enum EdgeKind {
    /// `next`: the normal path.
    Next,
    /// `on OUTCOME -> TARGET` (for a call, `on END -> TARGET`).
    Outcome(String),
    /// `on timeout after DURATION -> TARGET`: taken by itself when the step
    /// is not done in time.
    Timeout(Duration),
    /// `when CONDITION -> TARGET` (boxed: a condition is several times
    /// the size of every other kind of edge).
    When(Box<Condition>),
    /// `otherwise -> TARGET`.
    Otherwise,
    /// From a parallel block to one of its branches.
    Branch,
    /// From a branch step to its block's join.
    Join,
}

/// What kind of thing a name should have named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Expected {
    /// A role or a department (`owner`).
    OrgUnit,
    /// A role (`reports to`, `escalate ... to`).
    Role,
    /// A department (`in`).
    Department,
    /// A node of the process (`next`, `on`, `when`, `otherwise`, `start`).
    Node,
    /// A step of the process (`branch`).
    Step,
    /// An input or recorded value of the process (conditions).
    Input,
    /// A process (`process` in a call).
    Process,
}

impl Expected {
    /// The key of the expected kind in the catalogue's selectors
    /// (`thing-kind`: "role or department", 角色或部門).
    pub(crate) fn key(self) -> &'static str {
        match self {
            Expected::OrgUnit => "org-unit",
            Expected::Role => "role",
            Expected::Department => "department",
            Expected::Node => "node",
            Expected::Step => "step",
            Expected::Input => "input",
            Expected::Process => "process",
        }
    }
}

/// A name that does not resolve to the kind of thing it should.
#[derive(Debug, Clone)]
pub struct UnresolvedReference {
    /// The name.
    pub name: String,
    /// Where it is written.
    pub at: Location,
    /// What it should have named.
    pub expected: Expected,
    /// The process whose names it was looked up in, for local names.
    pub process: Option<usize>,
    /// What the name does name, when it names something of another kind.
    pub found: Option<&'static str>,
    /// The node the reference is written in, if any.
    pub near: Option<NodeId>,
}

/// A name defined twice in one namespace.
#[derive(Debug, Clone)]
pub struct DuplicateDefinition {
    /// The name.
    pub name: String,
    /// What the first definition defines ("role", "step", ...).
    pub first_kind: &'static str,
    /// What the second definition defines.
    pub kind: &'static str,
    /// The process both are in, for names local to a process.
    pub process: Option<String>,
    /// The first definition's name.
    pub first: Location,
    /// The second definition's name.
    pub second: Location,
}

/// A setting given twice where once is allowed.
#[derive(Debug, Clone)]
pub struct RepeatedSetting {
    /// The setting's keyword (`owner`, `within`, `on reject`, ...).
    pub setting: String,
    /// What holds it ("step `apply`").
    pub holder: crate::i18n::Text,
    /// The first line.
    pub first: Location,
    /// The repeated line.
    pub second: Location,
}

/// What the model found that it could not make sense of.
#[derive(Debug, Default)]
pub struct Problems {
    /// Files that did not parse.
    pub syntax_errors: Vec<(FileId, SyntaxError)>,
    /// Names that resolve to nothing (or to the wrong kind).
    pub unresolved: Vec<UnresolvedReference>,
    /// Names defined twice.
    pub duplicates: Vec<DuplicateDefinition>,
    /// Settings given twice.
    pub repeated_settings: Vec<RepeatedSetting>,
}

impl Project {
    /// The bytes of source of all its files.
    pub fn source_bytes(&self) -> usize {
        self.files.iter().map(|file| file.text.len()).sum()
    }

    /// The role with this id.
    pub fn role(&self, id: RoleId) -> &Role {
        &self.roles[id.0]
    }

    /// The process with this id.
    pub fn process(&self, id: ProcessId) -> &Process {
        &self.processes[id.0]
    }

    /// The department with this id.
    pub fn department(&self, id: DepartmentId) -> &Department {
        &self.departments[id.0]
    }

    /// The name of a role or department.
    pub(crate) fn unit_name(&self, unit: OrgUnit) -> &str {
        match unit {
            OrgUnit::Role(role) => &self.role(role).name,
            OrgUnit::Department(department) => &self.department(department).name,
        }
    }

    /// The chain of superiors of `role`, nearest first, stopping before any
    /// role seen twice (so a loop in the reporting lines ends the chain).
    pub fn superiors(&self, role: RoleId) -> Vec<RoleId> {
        let mut chain = Vec::new();
        // Only asked "seen before?", never iterated: the order stays that of
        // `chain`.
        let mut seen = std::collections::HashSet::from([role]);
        let mut current = role;
        while let Some(superior) = self.role(current).superior.as_ref().and_then(|s| s.target) {
            if !seen.insert(superior) {
                break;
            }
            chain.push(superior);
            current = superior;
        }
        chain
    }
}
