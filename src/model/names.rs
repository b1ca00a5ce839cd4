//! Every name of a project: where each thing is defined and where it is
//! used.
//!
//! Go to definition, find references, rename and hover (in the language
//! server) all stand on this index. It walks the syntax trees of the
//! project's files again (the model keeps graphs, not every place a name is
//! written) and ties each name to a [`Symbol`]: roles, departments and
//! processes are shared by all files; steps, decisions, parallel blocks,
//! ends, inputs, choice values and KPIs belong to their process.

use crate::span::{FileId, Location, Span};
use crate::syntax::ast::{
    self, CallItem, Condition, DecisionBranch, Declaration, InputType, Operand, ParallelItem,
    ProcessItem, StepItem, Value,
};
use crate::syntax::{self};

use foldhash::{HashSet, HashSetExt};
use std::sync::Arc;

use super::build::{FileUnit, KeptModel, resolve_operand};
use super::{NodeKind, Project};

/// A thing that has a name. The names are shared by every occurrence of
/// the same name in a file (a repository of 3,000 files holds about 400,000
/// occurrences, each of which had a string of its own).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Symbol {
    /// A department, role or process: one namespace for the whole project.
    Global(Arc<str>),
    /// A step, decision, parallel block or end of a process.
    Node {
        /// The index of the process in [`Project::processes`].
        process: usize,
        /// The node's name.
        name: Arc<str>,
    },
    /// An input of a process, or a value one of its steps records.
    Input {
        /// The index of the process.
        process: usize,
        /// The input's name.
        name: Arc<str>,
    },
    /// A value of a `one of` input.
    Choice {
        /// The index of the process.
        process: usize,
        /// The input's name.
        input: Arc<str>,
        /// The value.
        value: Arc<str>,
    },
    /// A KPI of a process.
    Kpi {
        /// The index of the process.
        process: usize,
        /// The KPI's name.
        name: Arc<str>,
    },
}

impl Symbol {
    /// The name as written.
    pub fn name(&self) -> &str {
        match self {
            Symbol::Global(name)
            | Symbol::Node { name, .. }
            | Symbol::Input { name, .. }
            | Symbol::Kpi { name, .. } => name,
            Symbol::Choice { value, .. } => value,
        }
    }
}

/// One place a name is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// What the name stands for.
    pub symbol: Symbol,
    /// Where it is written (the name only).
    pub at: Location,
    /// Whether this is where the thing is defined.
    pub definition: bool,
}

/// Every name occurrence of a project, by file, each file's sorted by
/// place.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    files: Vec<Arc<[Occurrence]>>,
}

/// What the language server keeps of the name index between analyses:
/// each file's occurrences, with the model's unit they were read from
/// ([`KeptModel`]). A file's names depend on what its processes were
/// built from (its parse, its place, the project's top-level names and
/// the types its calls give), so they are read again exactly when the
/// model built the file's processes again.
#[derive(Debug, Default)]
pub struct KeptNames {
    files: Vec<Option<KeptFileNames>>,
}

/// One file's occurrences and the model's unit they were read from.
type KeptFileNames = (Arc<FileUnit>, Arc<[Occurrence]>);

impl NameIndex {
    /// Indexes every name of every file, around the items that do not parse
    /// (the name a broken item declares is indexed as its definition).
    pub fn build(project: &Project) -> NameIndex {
        let parses: Vec<syntax::Parsed> = project.files.iter().map(super::parse).collect();
        let borrowed: Vec<&syntax::Parsed> = parses.iter().collect();
        NameIndex::build_parsed(project, &borrowed)
    }

    /// Indexes every name of files already parsed (`parses[i]` is
    /// [`super::parse`] of the project's file `i`).
    pub fn build_parsed(project: &Project, parses: &[&syntax::Parsed]) -> NameIndex {
        let mut first_process = 0;
        let files = parses
            .iter()
            .enumerate()
            .map(|(index, parsed)| {
                let found = file_occurrences(project, FileId(index), first_process, parsed);
                first_process += process_count(parsed);
                found
            })
            .collect();
        NameIndex { files }
    }

    /// The index of `project`, built by [`crate::model::build_kept`] with
    /// `model`: a file's occurrences are read again only when the model
    /// built its processes again.
    pub fn build_kept(
        project: &Project,
        parses: &[&syntax::Parsed],
        model: &KeptModel,
        kept: &mut KeptNames,
    ) -> NameIndex {
        let mut first_process = 0;
        let mut files = Vec::with_capacity(parses.len());
        let mut units = Vec::with_capacity(parses.len());
        for (index, parsed) in parses.iter().enumerate() {
            let file = FileId(index);
            let unit = model.unit(file);
            let same = kept
                .files
                .get(index)
                .and_then(Option::as_ref)
                .filter(|(was, _)| unit.is_some_and(|unit| Arc::ptr_eq(was, unit)));
            let found = match same {
                Some((_, found)) => Arc::clone(found),
                None => file_occurrences(project, file, first_process, parsed),
            };
            units.push(unit.map(|unit| (Arc::clone(unit), Arc::clone(&found))));
            files.push(found);
            first_process += process_count(parsed);
        }
        kept.files = units;
        NameIndex { files }
    }

    /// Every occurrence, in place order.
    pub(crate) fn occurrences(&self) -> impl Iterator<Item = &Occurrence> {
        self.files.iter().flat_map(|found| found.iter())
    }

    /// The name written at `offset` of `file` (its first byte to just past
    /// its last), if any.
    pub fn at(&self, file: FileId, offset: usize) -> Option<&Occurrence> {
        self.files.get(file.0)?.iter().find(|occurrence| {
            occurrence.at.span.start <= offset && offset <= occurrence.at.span.end
        })
    }

    /// Where `symbol` is defined (more than once when it is a duplicate).
    pub(crate) fn definitions<'a>(
        &'a self,
        symbol: &'a Symbol,
    ) -> impl Iterator<Item = &'a Occurrence> {
        self.occurrences_of(symbol)
            .filter(|occurrence| occurrence.definition)
    }

    /// Every place `symbol` is written, its definitions included.
    pub(crate) fn occurrences_of<'a>(
        &'a self,
        symbol: &'a Symbol,
    ) -> impl Iterator<Item = &'a Occurrence> {
        self.occurrences()
            .filter(move |occurrence| &occurrence.symbol == symbol)
    }
}

/// The processes a file declares.
fn process_count(parsed: &syntax::Parsed) -> usize {
    parsed
        .tree
        .declarations
        .iter()
        .filter(|declaration| matches!(declaration, Declaration::Process(_)))
        .count()
}

/// Every name of one file, sorted by place; its first process is the
/// project's `first_process`.
fn file_occurrences(
    project: &Project,
    file: FileId,
    first_process: usize,
    parsed: &syntax::Parsed,
) -> Arc<[Occurrence]> {
    let mut walker = Walker {
        project,
        occurrences: Vec::new(),
        file,
        process: first_process,
        names: HashSet::new(),
    };
    walker.tree(&parsed.tree);
    let mut occurrences = walker.occurrences;
    occurrences.sort_by_key(|occurrence| occurrence.at);
    occurrences.into()
}

/// Walks the syntax trees in the order [`super::build`] does, so process
/// indices agree with [`Project::processes`].
struct Walker<'a> {
    project: &'a Project,
    occurrences: Vec<Occurrence>,
    file: FileId,
    /// The index of the next process to be walked.
    process: usize,
    /// The file's names, each held once.
    names: HashSet<Arc<str>>,
}

impl Walker<'_> {
    /// The file's shared copy of `text`.
    fn name(&mut self, text: &str) -> Arc<str> {
        if let Some(name) = self.names.get(text) {
            return Arc::clone(name);
        }
        let name: Arc<str> = Arc::from(text);
        self.names.insert(Arc::clone(&name));
        name
    }

    fn push(&mut self, symbol: Symbol, span: Span, definition: bool) {
        self.occurrences.push(Occurrence {
            symbol,
            at: Location::new(self.file, span),
            definition,
        });
    }

    fn global(&mut self, name: &ast::Ident, definition: bool) {
        let symbol = Symbol::Global(self.name(&name.text));
        self.push(symbol, name.span, definition);
    }

    fn tree(&mut self, tree: &ast::SourceTree) {
        for declaration in &tree.declarations {
            match declaration {
                Declaration::Department(department) => self.global(&department.name, true),
                Declaration::Role(role) => {
                    self.global(&role.name, true);
                    for name in role.department.iter().chain(&role.superior) {
                        self.global(name, false);
                    }
                }
                Declaration::Process(process) => {
                    self.global(&process.name, true);
                    let index = self.process;
                    self.process += 1;
                    let matches = self.project.processes.get(index).is_some_and(|built| {
                        built.file == self.file && built.name == process.name.text
                    });
                    if matches {
                        self.process_items(index, process);
                    }
                }
                Declaration::Broken(broken) => {
                    if let Some(name) = &broken.name {
                        self.global(name, true);
                    }
                }
            }
        }
    }

    fn node(&mut self, process: usize, name: &ast::Ident, definition: bool) {
        let symbol = Symbol::Node {
            process,
            name: self.name(&name.text),
        };
        self.push(symbol, name.span, definition);
    }

    fn process_items(&mut self, process: usize, source: &ast::Process) {
        for item in &source.items {
            match item {
                ProcessItem::Owner(name, _) => self.global(name, false),
                ProcessItem::Applicant(names, _) => {
                    for name in names {
                        self.global(name, false);
                    }
                }
                ProcessItem::Input(input) => {
                    let symbol = Symbol::Input {
                        process,
                        name: self.name(&input.name.text),
                    };
                    self.push(symbol, input.name.span, true);
                    if let InputType::Choice(values) = &input.kind {
                        for value in values {
                            let symbol = Symbol::Choice {
                                process,
                                input: self.name(&input.name.text),
                                value: self.name(&value.text),
                            };
                            self.push(symbol, value.span, true);
                        }
                    }
                }
                ProcessItem::Start(name, _) => self.node(process, name, false),
                ProcessItem::Step(step) => {
                    self.node(process, &step.name, true);
                    self.step_items(process, step);
                }
                ProcessItem::Decision(decision) => {
                    self.node(process, &decision.name, true);
                    for branch in &decision.branches {
                        match branch {
                            DecisionBranch::When {
                                condition, target, ..
                            } => {
                                self.condition(process, condition);
                                self.node(process, target, false);
                            }
                            DecisionBranch::Otherwise { target, .. } => {
                                self.node(process, target, false)
                            }
                        }
                    }
                }
                ProcessItem::Parallel(parallel) => {
                    self.node(process, &parallel.name, true);
                    for item in &parallel.items {
                        let (ParallelItem::Branch(name, _) | ParallelItem::Next(name, _)) = item;
                        self.node(process, name, false);
                    }
                }
                ProcessItem::End(end) => self.node(process, &end.name, true),
                ProcessItem::Kpi(kpi) => {
                    let symbol = Symbol::Kpi {
                        process,
                        name: self.name(&kpi.name.text),
                    };
                    self.push(symbol, kpi.name.span, true);
                }
                ProcessItem::Call(call) => {
                    self.node(process, &call.name, true);
                    self.call_items(process, call);
                }
                ProcessItem::Broken(broken) => self.broken_item(process, broken),
                ProcessItem::Category(..)
                | ProcessItem::Review(_)
                | ProcessItem::Version(_)
                | ProcessItem::Sla(..)
                | ProcessItem::Note(_) => {}
            }
        }
    }

    /// The name a process item that does not parse declares, if any.
    fn broken_item(&mut self, process: usize, broken: &ast::Broken) {
        let (Some(keyword), Some(name)) = (&broken.keyword, &broken.name) else {
            return;
        };
        let symbol = match keyword.as_str() {
            "input" => Symbol::Input {
                process,
                name: self.name(&name.text),
            },
            "record" => Symbol::Input {
                process,
                name: self.name(&name.text),
            },
            "kpi" => Symbol::Kpi {
                process,
                name: self.name(&name.text),
            },
            "step" | "decide" | "parallel" | "call" | "end" => Symbol::Node {
                process,
                name: self.name(&name.text),
            },
            _ => return,
        };
        self.push(symbol, name.span, true);
    }

    fn step_items(&mut self, process: usize, step: &ast::Step) {
        for item in &step.items {
            match item {
                StepItem::Owner(owners) => {
                    for party in &owners.parties {
                        self.party(party);
                    }
                }
                StepItem::Escalate(escalation) => self.party(&escalation.to),
                StepItem::Notify(notify) => self.party(&notify.who),
                StepItem::Consult(party, _) => self.party(party),
                StepItem::Outcome(outcome) => self.node(process, &outcome.target, false),
                StepItem::Timeout(timeout) => self.node(process, &timeout.target, false),
                StepItem::Next(name, _) => self.node(process, name, false),
                StepItem::Record(record) => {
                    let symbol = Symbol::Input {
                        process,
                        name: self.name(&record.name.text),
                    };
                    self.push(symbol, record.name.span, true);
                }
                StepItem::Kpi(kpi) => {
                    let symbol = Symbol::Kpi {
                        process,
                        name: self.name(&kpi.name.text),
                    };
                    self.push(symbol, kpi.name.span, true);
                }
                StepItem::Within(..)
                | StepItem::AtLeast(..)
                | StepItem::Remind(..)
                | StepItem::Note(_) => {}
            }
        }
    }

    /// The names of a call: the process called, its inputs and ends, and
    /// this process's values and nodes.
    fn call_items(&mut self, process: usize, call: &ast::Call) {
        let caller = &self.project.processes[process];
        let callee = caller
            .node_named(&call.name.text)
            .and_then(|node| match &caller.node(node).kind {
                NodeKind::Call(details) => details.process.as_ref()?.target,
                _ => None,
            })
            .map(|id| id.0);
        for item in &call.items {
            match item {
                CallItem::Process(name, _) => self.global(name, false),
                CallItem::With(binding) => {
                    let callee_input = callee.and_then(|callee| {
                        self.project.processes[callee].value_type(&binding.input.text)
                    });
                    if let Some(callee) = callee {
                        let symbol = Symbol::Input {
                            process: callee,
                            name: self.name(&binding.input.text),
                        };
                        self.push(symbol, binding.input.span, false);
                    }
                    let caller = &self.project.processes[process];
                    if let Operand::Value(name) =
                        resolve_operand(caller, callee_input, &binding.value)
                    {
                        let symbol = Symbol::Input {
                            process,
                            name: self.name(&name.text),
                        };
                        self.push(symbol, name.span, false);
                    }
                }
                CallItem::Outcome(outcome) => {
                    if let Some(callee) = callee {
                        self.node(callee, &outcome.name, false);
                    }
                    self.node(process, &outcome.target, false);
                }
                CallItem::Next(name, _) => self.node(process, name, false),
                CallItem::Note(_) => {}
            }
        }
    }

    /// The role or department a party names, if it names one.
    fn party(&mut self, party: &ast::Party) {
        if let ast::PartyBase::Name(name) = &party.base {
            self.global(name, false);
        }
    }

    /// The inputs and choice values a condition names (without recursion:
    /// conditions can nest as deep as the parser allows).
    fn condition(&mut self, process: usize, condition: &Condition) {
        let mut pending = vec![condition];
        while let Some(condition) = pending.pop() {
            match condition {
                Condition::AnyOf(parts, _) | Condition::AllOf(parts, _) => {
                    pending.extend(parts.iter().rev())
                }
                Condition::Not(inner, _) => pending.push(inner),
                Condition::Compare(comparison) => {
                    let input = self.name(&comparison.input.text);
                    self.push(
                        Symbol::Input {
                            process,
                            name: Arc::clone(&input),
                        },
                        comparison.input.span,
                        false,
                    );
                    let found = &self.project.processes[process];
                    let left = found.value_type(&input);
                    match resolve_operand(found, left, &comparison.value) {
                        Operand::Value(name) => {
                            let symbol = Symbol::Input {
                                process,
                                name: self.name(&name.text),
                            };
                            self.push(symbol, name.span, false);
                        }
                        Operand::Literal(ast::Literal {
                            value: Value::Name(value),
                            span,
                        }) if matches!(left, Some(InputType::Choice(_))) => {
                            let symbol = Symbol::Choice {
                                process,
                                input,
                                value: self.name(&value),
                            };
                            self.push(symbol, span, false);
                        }
                        Operand::Literal(_) => {}
                    }
                }
            }
        }
    }
}
