//! Building the model: parse every file, collect the organisation's names,
//! then resolve each process into a graph.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use rayon::prelude::*;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasher, Hasher};
use std::sync::Arc;

use super::*;
use crate::i18n::Text;
use crate::source::FileProblem;
use crate::syntax::ast::{
    self, CallItem, DecisionBranch, Declaration, Operand, ParallelItem, ProcessItem, StepItem,
};
use crate::syntax::{self};

/// A top-level name and what it defines.
#[derive(Debug, Clone, Copy)]
enum GlobalName {
    Department(DepartmentId),
    Role(RoleId),
    Process(ProcessId),
}

impl GlobalName {
    /// Feeds the kind and index into `hasher`.
    fn hash_into(self, hasher: &mut impl Hasher) {
        let (kind, index) = match self {
            GlobalName::Department(id) => (0, id.0),
            GlobalName::Role(id) => (1, id.0),
            GlobalName::Process(id) => (2, id.0),
        };
        hasher.write_u8(kind);
        hasher.write_usize(index);
    }

    fn noun(self) -> &'static str {
        match self {
            GlobalName::Department(_) => "department",
            GlobalName::Role(_) => "role",
            GlobalName::Process(_) => "process",
        }
    }
}

/// Parses every file (in parallel when there is enough to share) and
/// resolves all names into one [`Project`].
pub fn build(files: Vec<SourceFile>) -> Project {
    let parses: Vec<syntax::Parsed> = if worth_sharing(bytes_beside_largest(&files)) {
        files.par_iter().map(parse).collect()
    } else {
        files.iter().map(parse).collect()
    };
    let mut parses = parses;
    let bodies = parses.iter_mut().map(take_bodies).collect();
    let borrowed: Vec<&syntax::Parsed> = parses.iter().collect();
    build_from(files, &borrowed, bodies, None)
}

/// The items of each process of a parse, taken out of its tree (which
/// keeps the processes' names and places): [`build`] hands them to the
/// builder, which frees each item once built, so the syntax tree and the
/// model are never held whole at the same time (at 20,000 steps they were
/// `check`'s peak, docs/performance.md).
fn take_bodies(parsed: &mut syntax::Parsed) -> Vec<Vec<ProcessItem>> {
    parsed
        .tree
        .declarations
        .iter_mut()
        .filter_map(|declaration| match declaration {
            Declaration::Process(process) => Some(std::mem::take(&mut process.items)),
            _ => None,
        })
        .collect()
}

/// The bytes of source from which work is handed to other threads: below
/// it, starting rayon's threads and waking them costs more than they save.
/// A 200-step process (38 KB) checks in about 3 ms on one thread, a fifth of
/// which went to starting two threads and giving each its own memory.
const SHARED_BYTES: usize = 64 * 1024;

/// Whether `bytes` of source are worth sharing among threads.
pub(crate) fn worth_sharing(bytes: usize) -> bool {
    bytes >= SHARED_BYTES
}

/// The bytes of every file but the largest: what other threads could parse
/// while one parses the largest (a large file is split by the parser
/// itself, see [`syntax::parse_recovering`]).
fn bytes_beside_largest(files: &[SourceFile]) -> usize {
    let sizes = files.iter().map(|file| file.text.len());
    let largest = sizes.clone().max().unwrap_or_default();
    sizes.sum::<usize>() - largest
}

/// Resolves all names of files already parsed (`parses[i]` is
/// [`parse`] of `files[i]`) into one [`Project`].
pub fn build_parsed(files: Vec<SourceFile>, parses: &[&syntax::Parsed]) -> Project {
    build_from(files, parses, Vec::new(), None)
}

/// What the language server keeps of the model between analyses: each
/// file's processes as built, with the problems building them found, and
/// what they were built from. [`build_kept`] builds again only the files
/// whose parse, place or view of the project changed (see
/// `docs/editors.md`, *Incremental analysis*).
#[derive(Debug, Default)]
pub struct KeptModel {
    /// By file, the last unit built for it.
    units: Vec<Option<Arc<FileUnit>>>,
    /// How many files the last build built again.
    built: usize,
}

impl KeptModel {
    /// The unit last built for `file`: its identity says whether the
    /// file's processes were built again.
    pub(crate) fn unit(&self, file: FileId) -> Option<&Arc<FileUnit>> {
        self.units.get(file.0)?.as_ref()
    }

    /// How many files' processes the last build made again (the others
    /// were kept).
    pub fn files_built(&self) -> usize {
        self.built
    }
}

/// One file's processes as built, and what they depend on.
#[derive(Debug)]
pub(crate) struct FileUnit {
    /// The parse they were built from.
    parsed: Arc<syntax::Parsed>,
    /// The index of the file's first process in the project.
    first_process: usize,
    /// [`Builder::globals_hash`] when they were built.
    globals: u64,
    /// The type of each value a call of the file gives to the process it
    /// calls ([`callee_types`]): the `with` bindings were resolved by them.
    callee_types: Vec<Option<InputType>>,
    /// The processes, in declaration order.
    processes: Vec<Arc<Process>>,
    /// What building them found (no syntax errors: those are the parse's).
    problems: Problems,
}

/// Resolves all names like [`build_parsed`], reusing from `kept` the
/// processes of each file whose parse is the same `Arc`, at the same place,
/// seeing the same departments, roles and processes (names, kinds and
/// indices), and giving the same types to the processes it calls; the
/// project is the same as [`build_parsed`] would make (a property test,
/// `tests/lsp_incremental.rs`, holds the server to it).
pub fn build_kept(
    files: Vec<SourceFile>,
    parses: &[Arc<syntax::Parsed>],
    kept: &mut KeptModel,
) -> Project {
    let borrowed: Vec<&syntax::Parsed> = parses.iter().map(Arc::as_ref).collect();
    build_from(files, &borrowed, Vec::new(), Some((parses, kept)))
}

/// Builds the project, reusing what `kept` holds when given; `bodies`,
/// when not empty, holds the items of each file's processes, taken out of
/// `parses` ([`take_bodies`]).
fn build_from(
    files: Vec<SourceFile>,
    parses: &[&syntax::Parsed],
    mut bodies: Vec<Vec<Vec<ProcessItem>>>,
    mut kept: Option<(&[Arc<syntax::Parsed>], &mut KeptModel)>,
) -> Project {
    let mut builder = Builder {
        project: Project::default(),
        globals: HashMap::new(),
        global_spans: HashMap::new(),
        broken_globals: HashSet::new(),
        process_count: 0,
        globals_hash: foldhash::quality::FixedState::with_seed(0).build_hasher(),
    };
    for (index, parsed) in parses.iter().enumerate() {
        let file = FileId(index);
        builder
            .project
            .problems
            .syntax_errors
            .extend(parsed.errors.iter().map(|error| (file, error.clone())));
    }
    for (index, parsed) in parses.iter().enumerate() {
        builder.declare_globals(FileId(index), &parsed.tree);
    }
    for (index, parsed) in parses.iter().enumerate() {
        builder.resolve_roles(FileId(index), &parsed.tree);
    }
    let globals = builder.globals_hash.finish();
    let mut problems = std::mem::take(&mut builder.project.problems);
    // Each file's processes: kept, or built again without their calls'
    // bindings (resolved below, once every process is there).
    let mut first_process = 0;
    let mut slots: Vec<Slot> = Vec::with_capacity(parses.len());
    for (index, parsed) in parses.iter().enumerate() {
        let file = FileId(index);
        let reusable = kept.as_ref().and_then(|(arcs, kept)| {
            let unit = kept.unit(file)?;
            let same = Arc::ptr_eq(&unit.parsed, &arcs[index])
                && unit.first_process == first_process
                && unit.globals == globals;
            same.then(|| Arc::clone(unit))
        });
        let slot = match reusable {
            Some(unit) => Slot::Kept(unit),
            None => {
                let handed = bodies.get_mut(index).map(std::mem::take);
                Slot::Built(builder.file_processes(file, first_process, parsed, handed))
            }
        };
        first_process += slot.len();
        slots.push(slot);
    }
    let mut processes: Vec<Arc<Process>> = slots
        .iter()
        .flat_map(|slot| match slot {
            Slot::Kept(unit) => unit.processes.clone(),
            Slot::Built(built) => built.processes.clone(),
        })
        .collect();
    // A kept file whose callees' types changed is built again.
    let mut first_process = 0;
    for (index, slot) in slots.iter_mut().enumerate() {
        let count = slot.len();
        if let Slot::Kept(unit) = slot
            && unit.callee_types != callee_types(&processes[first_process..][..count], &processes)
        {
            let built = builder.file_processes(FileId(index), first_process, parses[index], None);
            processes.splice(
                first_process..first_process + count,
                built.processes.iter().cloned(),
            );
            *slot = Slot::Built(built);
        }
        first_process += count;
    }
    let built = slots
        .iter()
        .filter(|slot| matches!(slot, Slot::Built(_)))
        .count();
    let mut first_process = 0;
    let mut units = Vec::with_capacity(slots.len());
    for (index, slot) in slots.into_iter().enumerate() {
        let count = slot.len();
        let unit = match slot {
            Slot::Kept(unit) => unit,
            Slot::Built(built) => {
                let range = first_process..first_process + count;
                // Only `processes` holds them now, so they change in place.
                drop(built.processes);
                resolve_call_bindings(&mut processes, range.clone());
                let own = &processes[range];
                let Some((arcs, _)) = kept.as_ref() else {
                    problems.append(built.problems);
                    units.push(None);
                    first_process += count;
                    continue;
                };
                Arc::new(FileUnit {
                    parsed: Arc::clone(&arcs[index]),
                    first_process,
                    globals,
                    callee_types: callee_types(own, &processes),
                    processes: own.to_vec(),
                    problems: built.problems,
                })
            }
        };
        problems.append_from(&unit.problems);
        units.push(Some(unit));
        first_process += count;
    }
    if let Some((_, kept)) = kept.as_mut() {
        kept.built = built;
        kept.units = units;
    }
    builder.project.processes = processes;
    builder.project.problems = problems;
    builder.project.comments = parses
        .iter()
        .enumerate()
        .flat_map(|(index, parsed)| {
            parsed
                .tree
                .comments
                .iter()
                .map(move |comment| (FileId(index), comment.clone()))
        })
        .collect();
    builder.project.files = files;
    builder.project
}

/// A file's processes while the project is assembled.
enum Slot {
    /// Kept from the last build.
    Kept(Arc<FileUnit>),
    /// Built again.
    Built(BuiltFile),
}

impl Slot {
    /// How many processes the file declares.
    fn len(&self) -> usize {
        match self {
            Slot::Kept(unit) => unit.processes.len(),
            Slot::Built(built) => built.processes.len(),
        }
    }
}

/// A file's processes just built, their calls' bindings not yet resolved.
struct BuiltFile {
    processes: Vec<Arc<Process>>,
    problems: Problems,
}

impl Problems {
    /// Adds `other`'s problems after this one's.
    fn append(&mut self, other: Problems) {
        self.syntax_errors.extend(other.syntax_errors);
        self.unresolved.extend(other.unresolved);
        self.duplicates.extend(other.duplicates);
        self.repeated_settings.extend(other.repeated_settings);
    }

    /// Adds copies of `other`'s problems after this one's.
    fn append_from(&mut self, other: &Problems) {
        self.syntax_errors.extend_from_slice(&other.syntax_errors);
        self.unresolved.extend_from_slice(&other.unresolved);
        self.duplicates.extend_from_slice(&other.duplicates);
        self.repeated_settings
            .extend_from_slice(&other.repeated_settings);
    }
}

/// The type each `with` binding of `own`'s calls gives to the input of the
/// process it calls (`None` when there is none): what resolving the
/// bindings reads of other processes.
fn callee_types(own: &[Arc<Process>], all: &[Arc<Process>]) -> Vec<Option<InputType>> {
    own.iter()
        .flat_map(|process| process.nodes.iter())
        .filter_map(|node| match &node.kind {
            NodeKind::Call(details) => Some(details),
            _ => None,
        })
        .flat_map(|details| {
            let callee = details
                .process
                .as_ref()
                .and_then(|reference| reference.target)
                .and_then(|id| all.get(id.0));
            details.bindings.iter().map(move |binding| {
                callee.and_then(|callee| callee.value_type(&binding.input.text).cloned())
            })
        })
        .collect()
}

/// Reads the `with` values of the calls of the processes in `range` once
/// every process is built: a bare name is resolved against the called
/// process's input it is given to (see [`resolve_operand`]). The processes
/// in `range` must be held by `processes` alone (else they are copied).
fn resolve_call_bindings(processes: &mut [Arc<Process>], range: std::ops::Range<usize>) {
    for index in range {
        let resolved: Vec<(usize, Vec<ast::Binding>)> = {
            let process = &processes[index];
            process
                .nodes
                .iter()
                .enumerate()
                .filter_map(|(node, kind)| match &kind.kind {
                    NodeKind::Call(details) => Some((node, details)),
                    _ => None,
                })
                .map(|(node, details)| {
                    let callee = details
                        .process
                        .as_ref()
                        .and_then(|reference| reference.target)
                        .and_then(|id| processes.get(id.0));
                    let bindings = details
                        .bindings
                        .iter()
                        .map(|binding| {
                            let other =
                                callee.and_then(|callee| callee.value_type(&binding.input.text));
                            ast::Binding {
                                value: resolve_operand(process, other, &binding.value),
                                ..binding.clone()
                            }
                        })
                        .collect();
                    (node, bindings)
                })
                .collect()
        };
        if resolved.is_empty() {
            continue;
        }
        let process = Arc::make_mut(&mut processes[index]);
        for (node, bindings) in resolved {
            if let NodeKind::Call(details) = &mut process.nodes[node].kind {
                details.bindings = bindings;
            }
        }
    }
}

/// Marks each process with a syntax error inside it (a broken item, a
/// missing `}`): its graph is incomplete. `processes` are the file's, in
/// place order, and `errors` its syntax errors.
fn mark_broken_processes(processes: &mut [Process], errors: &[SyntaxError]) {
    for error in errors {
        let after = processes.partition_point(|process| process.span.start <= error.span.start);
        let Some(process) = after.checked_sub(1).map(|at| &mut processes[at]) else {
            continue;
        };
        if error.span.start <= process.span.end {
            process.has_broken_items = true;
            process.has_broken_links = true;
        }
    }
}
/// Parses a file with recovery; text that is not UTF-8 is a syntax error
/// and gives no tree.
pub fn parse(file: &SourceFile) -> syntax::Parsed {
    let unparsed = |error: SyntaxError| syntax::Parsed {
        tree: ast::SourceTree {
            declarations: Vec::new(),
            comments: Vec::new(),
        },
        errors: vec![error],
    };
    match file.problem {
        Some(FileProblem::InvalidUtf8 { offset }) => unparsed(SyntaxError::new(
            Span::new(offset, offset + 1),
            crate::text!("syntax-not-utf8"),
            crate::text!("syntax-not-utf8-help"),
        )),
        Some(FileProblem::TooLarge { bytes }) => unparsed(syntax::too_large(bytes)),
        None => syntax::parse_recovering(&file.text),
    }
}

/// Holds the project while names are resolved.
struct Builder {
    project: Project,
    globals: HashMap<String, GlobalName>,
    global_spans: HashMap<String, Location>,
    /// Names declared by top-level items that do not parse: still declared,
    /// so a reference to one is not reported as undefined.
    broken_globals: HashSet<String>,
    /// How many processes are declared so far.
    process_count: usize,
    /// A hash of every top-level declaration so far (kind, name, place in
    /// its list) and of the names broken items declare: what a process's
    /// resolution reads of the other files.
    globals_hash: foldhash::quality::FoldHasher<'static>,
}

impl Builder {
    /// Declares every department, role and process of a file.
    fn declare_globals(&mut self, file: FileId, tree: &ast::SourceTree) {
        for declaration in &tree.declarations {
            let (name, global) = match declaration {
                Declaration::Department(department) => {
                    let id = DepartmentId(self.project.departments.len());
                    self.project.departments.push(Department {
                        name: department.name.text.clone(),
                        label: department.label.as_ref().map(|label| label.text.clone()),
                        name_at: Location::new(file, department.name.span),
                    });
                    (&department.name, GlobalName::Department(id))
                }
                Declaration::Role(role) => {
                    let id = RoleId(self.project.roles.len());
                    self.project.roles.push(Role {
                        name: role.name.text.clone(),
                        label: role.label.as_ref().map(|label| label.text.clone()),
                        name_at: Location::new(file, role.name.span),
                        department: None,
                        superior: None,
                    });
                    (&role.name, GlobalName::Role(id))
                }
                Declaration::Process(process) => {
                    let id = ProcessId(self.process_count);
                    self.process_count += 1;
                    (&process.name, GlobalName::Process(id))
                }
                Declaration::Broken(broken) => {
                    if let Some(name) = &broken.name {
                        self.globals_hash.write_u8(3);
                        std::hash::Hash::hash(name.text.as_str(), &mut self.globals_hash);
                        self.broken_globals.insert(name.text.clone());
                    }
                    continue;
                }
            };
            global.hash_into(&mut self.globals_hash);
            std::hash::Hash::hash(name.text.as_str(), &mut self.globals_hash);
            self.declare_global(file, name, global);
        }
    }

    fn declare_global(&mut self, file: FileId, name: &ast::Ident, global: GlobalName) {
        let here = Location::new(file, name.span);
        match self.globals.entry(name.text.clone()) {
            Entry::Vacant(slot) => {
                slot.insert(global);
                self.global_spans.insert(name.text.clone(), here);
            }
            Entry::Occupied(existing) => {
                let first = self.global_spans[&name.text];
                self.project.problems.duplicates.push(DuplicateDefinition {
                    name: name.text.clone(),
                    first_kind: existing.get().noun(),
                    kind: global.noun(),
                    process: None,
                    first,
                    second: here,
                });
            }
        }
    }

    /// Resolves `in` and `reports to` of every role of a file.
    fn resolve_roles(&mut self, file: FileId, tree: &ast::SourceTree) {
        for declaration in &tree.declarations {
            let Declaration::Role(role) = declaration else {
                continue;
            };
            let Some(GlobalName::Role(id)) = self.globals.get(&role.name.text).copied() else {
                continue;
            };
            if self.project.role(id).name_at != Location::new(file, role.name.span) {
                continue;
            }
            let department = role
                .department
                .as_ref()
                .map(|name| self.department_reference(file, name));
            let superior = role
                .superior
                .as_ref()
                .map(|name| self.role_reference(file, name, None));
            let resolved = &mut self.project.roles[id.0];
            resolved.department = department;
            resolved.superior = superior;
        }
    }

    fn unresolved(
        &mut self,
        file: FileId,
        name: &ast::Ident,
        expected: Expected,
        process: Option<usize>,
        found: Option<&'static str>,
    ) {
        let declared_by_broken_item = match expected {
            Expected::Input => false,
            Expected::OrgUnit
            | Expected::Role
            | Expected::Department
            | Expected::Process
            | Expected::Node
            | Expected::Step => self.broken_globals.contains(&name.text),
        };
        if found.is_none() && declared_by_broken_item {
            return;
        }
        self.project.problems.unresolved.push(UnresolvedReference {
            name: name.text.clone(),
            at: Location::new(file, name.span),
            expected,
            process,
            found,
            near: None,
        });
    }

    fn department_reference(&mut self, file: FileId, name: &ast::Ident) -> Reference<DepartmentId> {
        let global = self.globals.get(&name.text).copied();
        let target = match global {
            Some(GlobalName::Department(id)) => Some(id),
            other => {
                self.unresolved(
                    file,
                    name,
                    Expected::Department,
                    None,
                    other.map(GlobalName::noun),
                );
                None
            }
        };
        reference(name, target)
    }

    fn role_reference(
        &mut self,
        file: FileId,
        name: &ast::Ident,
        process: Option<usize>,
    ) -> Reference<RoleId> {
        let global = self.globals.get(&name.text).copied();
        let target = match global {
            Some(GlobalName::Role(id)) => Some(id),
            other => {
                self.unresolved(
                    file,
                    name,
                    Expected::Role,
                    process,
                    other.map(GlobalName::noun),
                );
                None
            }
        };
        reference(name, target)
    }

    fn unit_reference(
        &mut self,
        file: FileId,
        name: &ast::Ident,
        process: usize,
    ) -> Reference<OrgUnit> {
        let global = self.globals.get(&name.text).copied();
        let target = match global {
            Some(GlobalName::Role(id)) => Some(OrgUnit::Role(id)),
            Some(GlobalName::Department(id)) => Some(OrgUnit::Department(id)),
            other => {
                self.unresolved(
                    file,
                    name,
                    Expected::OrgUnit,
                    Some(process),
                    other.map(GlobalName::noun),
                );
                None
            }
        };
        reference(name, target)
    }

    /// A party as the model holds it: a `manager of` chain must start from
    /// a role (or the applicant); without one, `roles_only` says whether a
    /// department may be named (not for escalations).
    fn party(
        &mut self,
        file: FileId,
        party: &ast::Party,
        process: usize,
        roles_only: bool,
    ) -> Party {
        let base = match &party.base {
            ast::PartyBase::Applicant(_) => PartyBase::Applicant,
            ast::PartyBase::Name(name) if roles_only || party.managers > 0 => {
                let role = self.role_reference(file, name, Some(process));
                PartyBase::Unit(Reference {
                    name: role.name,
                    span: role.span,
                    target: role.target.map(OrgUnit::Role),
                })
            }
            ast::PartyBase::Name(name) => PartyBase::Unit(self.unit_reference(file, name, process)),
        };
        Party {
            managers: party.managers,
            base,
            span: party.span,
        }
    }

    fn repeated(
        &mut self,
        setting: impl Into<String>,
        holder: Text,
        file: FileId,
        first: Span,
        second: Span,
    ) {
        self.project
            .problems
            .repeated_settings
            .push(RepeatedSetting {
                setting: setting.into(),
                holder,
                first: Location::new(file, first),
                second: Location::new(file, second),
            });
    }

    /// Builds the processes of one file, the first of which has `first`
    /// as its index, their calls' bindings left to
    /// [`resolve_call_bindings`]; the problems found are the file's. With
    /// `handed`, the processes' items are those, taken out of the tree
    /// ([`take_bodies`]), and freed as they are built.
    fn file_processes(
        &mut self,
        file: FileId,
        first: usize,
        parsed: &syntax::Parsed,
        handed: Option<Vec<Vec<ProcessItem>>>,
    ) -> BuiltFile {
        let before = std::mem::take(&mut self.project.problems);
        let mut handed = handed.unwrap_or_default().into_iter();
        let mut processes: Vec<Process> = parsed
            .tree
            .declarations
            .iter()
            .filter_map(|declaration| match declaration {
                Declaration::Process(process) => Some(process),
                _ => None,
            })
            .enumerate()
            .map(|(offset, process)| {
                let items = match handed.next() {
                    Some(items) => Items::Handed(items),
                    None => Items::Read(&process.items),
                };
                self.process(file, first + offset, process, items)
            })
            .collect();
        mark_broken_processes(&mut processes, &parsed.errors);
        let problems = std::mem::replace(&mut self.project.problems, before);
        BuiltFile {
            processes: processes.into_iter().map(Arc::new).collect(),
            problems,
        }
    }

    /// Resolves one process into its graph, from `items` (the process's,
    /// whether still in `source` or handed over).
    fn process(
        &mut self,
        file: FileId,
        index: usize,
        source: &ast::Process,
        items: Items<'_>,
    ) -> Process {
        let mut process = placeholder_process(file, source);
        let all = items.as_slice();
        let mut graph = GraphBuilder::new(file, GraphSize::of(all));
        graph.declare_nodes(source, all, &mut self.project.problems);
        self.declare_values(file, source, all, &mut process, &mut graph);
        self.settings(file, index, source, all, &mut process, &mut graph);
        match items {
            Items::Read(items) => {
                for item in items {
                    self.item(file, index, &process, item, &mut graph);
                }
            }
            // Each item is dropped once built.
            Items::Handed(items) => {
                for item in items {
                    self.item(file, index, &process, &item, &mut graph);
                }
            }
        }
        self.finish(file, index, process, graph)
    }

    /// Builds the nodes and edges one item of a process declares.
    fn item(
        &mut self,
        file: FileId,
        index: usize,
        process: &Process,
        item: &ProcessItem,
        graph: &mut GraphBuilder,
    ) {
        match item {
            ProcessItem::Step(step) => self.step(file, index, step, graph),
            ProcessItem::Decision(decision) => self.decision(file, index, process, decision, graph),
            ProcessItem::Parallel(parallel) => self.parallel(file, index, parallel, graph),
            ProcessItem::Call(call) => self.call(file, index, call, graph),
            // Settings, inputs, ends, KPIs and broken items: read by the
            // passes before the graph (`declare_nodes`, `declare_values`,
            // `settings`).
            _ => {}
        }
    }

    /// The process with its graph, once every item is built.
    fn finish(
        &mut self,
        file: FileId,
        index: usize,
        mut process: Process,
        mut graph: GraphBuilder,
    ) -> Process {
        for (name, span, near) in std::mem::take(&mut graph.unresolved_targets) {
            self.project.problems.unresolved.push(UnresolvedReference {
                name,
                at: Location::new(file, span),
                expected: Expected::Node,
                process: Some(index),
                found: None,
                near,
            });
        }
        process.has_broken_links = graph.broken_links;
        process.nodes = graph.nodes;
        // Each node's list at its size: most nodes have one edge out, which
        // a list grown by pushing would give room for four.
        let mut leaving = vec![0; process.nodes.len()];
        for edge in &graph.edges {
            leaving[edge.from.0] += 1;
        }
        process.outgoing = leaving.into_iter().map(Vec::with_capacity).collect();
        for (position, edge) in graph.edges.iter().enumerate() {
            process.outgoing[edge.from.0].push(position);
        }
        process.edges = graph.edges;
        process.start = graph.start;
        process
    }

    /// Declares the inputs, the values steps record and the KPIs: inputs
    /// and recorded values share one namespace (conditions read both).
    fn declare_values(
        &mut self,
        file: FileId,
        source: &ast::Process,
        items: &[ProcessItem],
        process: &mut Process,
        graph: &mut GraphBuilder,
    ) {
        let mut seen: HashMap<&str, (Span, &'static str)> = HashMap::new();
        let mut kpis: HashMap<&str, Span> = HashMap::new();
        for item in items {
            match item {
                ProcessItem::Input(input) => {
                    if self.first_value(&mut seen, &input.name, "input", source, file) {
                        process.inputs.push(input.clone());
                    }
                }
                ProcessItem::Step(step) => {
                    for item in &step.items {
                        let StepItem::Record(record) = item else {
                            continue;
                        };
                        let fresh = self.first_value(
                            &mut seen,
                            &record.name,
                            "recorded value",
                            source,
                            file,
                        );
                        if let (true, Some(step)) = (fresh, graph.own_node(&step.name)) {
                            process.records.push(RecordedValue {
                                record: record.clone(),
                                step,
                            });
                        }
                    }
                    for item in &step.items {
                        if let StepItem::Kpi(kpi) = item
                            && !self.first_kpi(&mut kpis, kpi, source, file)
                        {
                            graph.repeated_kpis.insert(kpi.span);
                        }
                    }
                }
                ProcessItem::Kpi(kpi) => {
                    if self.first_kpi(&mut kpis, kpi, source, file) {
                        process.kpis.push(kpi.clone());
                    }
                }
                ProcessItem::Category(..)
                | ProcessItem::Owner(..)
                | ProcessItem::Applicant(..)
                | ProcessItem::Review(_)
                | ProcessItem::Version(_)
                | ProcessItem::Sla(..)
                | ProcessItem::Note(_)
                | ProcessItem::Start(..)
                | ProcessItem::Decision(_)
                | ProcessItem::Parallel(_)
                | ProcessItem::Call(_)
                | ProcessItem::End(_)
                | ProcessItem::Broken(_) => {}
            }
        }
    }

    /// Whether `name` is the first input or recorded value so called; a
    /// later one is recorded as a duplicate.
    fn first_value<'a>(
        &mut self,
        seen: &mut HashMap<&'a str, (Span, &'static str)>,
        name: &'a ast::Ident,
        kind: &'static str,
        source: &ast::Process,
        file: FileId,
    ) -> bool {
        match seen.entry(&name.text) {
            Entry::Vacant(slot) => {
                slot.insert((name.span, kind));
                true
            }
            Entry::Occupied(first) => {
                let (first_span, first_kind) = *first.get();
                self.project.problems.duplicates.push(DuplicateDefinition {
                    name: name.text.clone(),
                    first_kind,
                    kind,
                    process: Some(source.name.text.clone()),
                    first: Location::new(file, first_span),
                    second: Location::new(file, name.span),
                });
                false
            }
        }
    }

    /// Whether `kpi` is the first KPI of the process so called (KPI names
    /// are unique in the process, whether written at its level or in a
    /// step); a later one is recorded as a duplicate.
    fn first_kpi<'a>(
        &mut self,
        seen: &mut HashMap<&'a str, Span>,
        kpi: &'a Kpi,
        source: &ast::Process,
        file: FileId,
    ) -> bool {
        match seen.entry(&kpi.name.text) {
            Entry::Vacant(slot) => {
                slot.insert(kpi.name.span);
                true
            }
            Entry::Occupied(first) => {
                let first = *first.get();
                self.duplicate(&kpi.name, "KPI", &source.name.text, file, first);
                false
            }
        }
    }

    fn duplicate(
        &mut self,
        name: &ast::Ident,
        kind: &'static str,
        process: &str,
        file: FileId,
        first: Span,
    ) {
        self.project.problems.duplicates.push(DuplicateDefinition {
            name: name.text.clone(),
            first_kind: kind,
            kind,
            process: Some(process.to_string()),
            first: Location::new(file, first),
            second: Location::new(file, name.span),
        });
    }

    /// The process-level settings: category, owner, review, sla, start.
    fn settings(
        &mut self,
        file: FileId,
        index: usize,
        source: &ast::Process,
        items: &[ProcessItem],
        process: &mut Process,
        graph: &mut GraphBuilder,
    ) {
        let mut once = Once::new(holder("process", &source.name.text), file);
        for item in items {
            match item {
                ProcessItem::Category(category, span) if once.first(self, "category", *span) => {
                    process.category = Some(*category);
                }
                ProcessItem::Owner(name, span) if once.first(self, "owner", *span) => {
                    process.owner = Some(self.unit_reference(file, name, index));
                }
                ProcessItem::Applicant(names, span) if once.first(self, "applicant", *span) => {
                    process.applicant_span = Some(*span);
                    process.applicants = names
                        .iter()
                        .map(|name| self.unit_reference(file, name, index))
                        .collect();
                }
                ProcessItem::Review(review) if once.first(self, "review", review.span) => {
                    process.review = Some(ReviewCycle {
                        every: review.every,
                        last: review.last,
                        span: review.span,
                    });
                }
                ProcessItem::Sla(duration, span) if once.first(self, "sla", *span) => {
                    process.sla = Some(*duration);
                }
                ProcessItem::Version(version) if once.first(self, "version", version.span) => {
                    process.version = Some(version.clone());
                }
                ProcessItem::Note(note) if once.first(self, "note", note.span) => {
                    process.note = Some(note.clone());
                }
                ProcessItem::Start(name, span) if once.first(self, "start", *span) => {
                    graph.start = Some(graph.target(name, None));
                }
                ProcessItem::Category(..)
                | ProcessItem::Owner(..)
                | ProcessItem::Applicant(..)
                | ProcessItem::Review(_)
                | ProcessItem::Version(_)
                | ProcessItem::Sla(..)
                | ProcessItem::Note(_)
                | ProcessItem::Start(..)
                | ProcessItem::Input(_)
                | ProcessItem::Step(_)
                | ProcessItem::Decision(_)
                | ProcessItem::Parallel(_)
                | ProcessItem::Call(_)
                | ProcessItem::End(_)
                | ProcessItem::Kpi(_)
                | ProcessItem::Broken(_) => {}
            }
        }
    }

    fn step(&mut self, file: FileId, index: usize, step: &ast::Step, graph: &mut GraphBuilder) {
        let Some(id) = graph.own_node(&step.name) else {
            return;
        };
        let mut once = Once::new(holder("step", &step.name.text), file);
        let mut details = StepDetails::default();
        let count =
            |wanted: fn(&StepItem) -> bool| step.items.iter().filter(|item| wanted(item)).count();
        details
            .reminders
            .reserve_exact(count(|item| matches!(item, StepItem::Remind(..))));
        details
            .escalations
            .reserve_exact(count(|item| matches!(item, StepItem::Escalate(..))));
        for item in &step.items {
            match item {
                StepItem::Owner(owners) if once.first(self, "owner", owners.span) => {
                    details.owner = Some(Owners {
                        signing: owners.signing,
                        parties: owners
                            .parties
                            .iter()
                            .map(|party| self.party(file, party, index, false))
                            .collect(),
                        span: owners.span,
                    });
                }
                StepItem::Within(duration, span) if once.first(self, "within", *span) => {
                    details.deadline = Some(*duration);
                }
                StepItem::AtLeast(duration, span) if once.first(self, "at least", *span) => {
                    details.minimum = Some(*duration);
                }
                StepItem::Note(note) if once.first(self, "note", note.span) => {
                    details.note = Some(note.clone());
                }
                StepItem::Timeout(timeout) if once.first(self, "on timeout", timeout.span) => {
                    details.timeout = Some(timeout.after);
                    let kind = EdgeKind::Timeout(timeout.after);
                    graph.edge(id, &timeout.target, kind, timeout.span);
                }
                StepItem::Kpi(kpi) => {
                    if !graph.repeated_kpis.contains(&kpi.span) {
                        details.kpis.push(kpi.clone());
                    }
                }
                StepItem::Record(_) => {}
                StepItem::Remind(duration, _) => details.reminders.push(*duration),
                StepItem::Escalate(escalation) => {
                    let to = self.party(file, &escalation.to, index, true);
                    details.escalations.push(Escalation {
                        after: escalation.after,
                        to,
                        span: escalation.span,
                    });
                }
                StepItem::Notify(notify) => {
                    let who = self.party(file, &notify.who, index, false);
                    details.notifications.push(Notification {
                        who,
                        when: notify.when,
                        span: notify.span,
                    });
                }
                StepItem::Consult(party, _) => {
                    let party = self.party(file, party, index, false);
                    details.consults.push(party);
                }
                StepItem::Outcome(outcome)
                    if once.first(self, &format!("on {}", outcome.name.text), outcome.span) =>
                {
                    let kind = EdgeKind::Outcome(outcome.name.text.clone());
                    graph.edge(id, &outcome.target, kind, outcome.span);
                }
                StepItem::Next(target, span) if once.first(self, "next", *span) => {
                    details.next_span = Some(*span);
                    graph.edge(id, target, EdgeKind::Next, *span);
                }
                StepItem::Owner(..)
                | StepItem::Within(..)
                | StepItem::AtLeast(..)
                | StepItem::Note(_)
                | StepItem::Timeout(_)
                | StepItem::Outcome(_)
                | StepItem::Next(..) => {}
            }
        }
        if let NodeKind::Step(existing) = &graph.nodes[id.0].kind {
            details.blocks = existing.blocks.clone();
        }
        graph.nodes[id.0].kind = NodeKind::Step(Box::new(details));
    }

    fn decision(
        &mut self,
        file: FileId,
        index: usize,
        process: &Process,
        decision: &ast::Decision,
        graph: &mut GraphBuilder,
    ) {
        let Some(id) = graph.own_node(&decision.name) else {
            return;
        };
        let mut once = Once::new(holder("decision", &decision.name.text), file);
        for branch in &decision.branches {
            match branch {
                DecisionBranch::When {
                    condition,
                    target,
                    span,
                } => {
                    self.condition_inputs(file, index, process, &graph.broken_names, condition);
                    let condition = resolve_operands(process, condition);
                    graph.edge(id, target, EdgeKind::When(Box::new(condition)), *span);
                }
                DecisionBranch::Otherwise { target, span } => {
                    if once.first(self, "otherwise", *span) {
                        graph.edge(id, target, EdgeKind::Otherwise, *span);
                    }
                }
            }
        }
    }

    /// Records every input a condition names that the process lacks.
    fn condition_inputs(
        &mut self,
        file: FileId,
        index: usize,
        process: &Process,
        broken_names: &HashSet<String>,
        condition: &Condition,
    ) {
        let mut pending = vec![condition];
        while let Some(condition) = pending.pop() {
            match condition {
                Condition::AnyOf(parts, _) | Condition::AllOf(parts, _) => {
                    pending.extend(parts.iter())
                }
                Condition::Not(inner, _) => pending.push(inner),
                Condition::Compare(comparison) => {
                    if process.value_type(&comparison.input.text).is_none()
                        && !broken_names.contains(&comparison.input.text)
                    {
                        self.unresolved(
                            file,
                            &comparison.input,
                            Expected::Input,
                            Some(index),
                            None,
                        );
                    }
                }
            }
        }
    }

    fn call(&mut self, file: FileId, index: usize, call: &ast::Call, graph: &mut GraphBuilder) {
        let Some(id) = graph.own_node(&call.name) else {
            return;
        };
        let mut once = Once::new(holder("call", &call.name.text), file);
        let mut details = CallDetails {
            process: None,
            bindings: Vec::new(),
            note: None,
            next_span: None,
        };
        for item in &call.items {
            match item {
                CallItem::Process(name, span) if once.first(self, "process", *span) => {
                    details.process = Some(self.process_reference(file, name, index));
                }
                CallItem::With(binding)
                    if once.first(self, &format!("with {}", binding.input.text), binding.span) =>
                {
                    details.bindings.push(binding.clone());
                }
                CallItem::Note(note) if once.first(self, "note", note.span) => {
                    details.note = Some(note.clone());
                }
                CallItem::Outcome(outcome)
                    if once.first(self, &format!("on {}", outcome.name.text), outcome.span) =>
                {
                    let kind = EdgeKind::Outcome(outcome.name.text.clone());
                    graph.edge(id, &outcome.target, kind, outcome.span);
                }
                CallItem::Next(target, span) if once.first(self, "next", *span) => {
                    details.next_span = Some(*span);
                    graph.edge(id, target, EdgeKind::Next, *span);
                }
                CallItem::Process(..)
                | CallItem::With(_)
                | CallItem::Note(_)
                | CallItem::Outcome(_)
                | CallItem::Next(..) => {}
            }
        }
        graph.nodes[id.0].kind = NodeKind::Call(Box::new(details));
    }

    fn process_reference(
        &mut self,
        file: FileId,
        name: &ast::Ident,
        process: usize,
    ) -> Reference<ProcessId> {
        let global = self.globals.get(&name.text).copied();
        let target = match global {
            Some(GlobalName::Process(id)) => Some(id),
            other => {
                self.unresolved(
                    file,
                    name,
                    Expected::Process,
                    Some(process),
                    other.map(GlobalName::noun),
                );
                None
            }
        };
        reference(name, target)
    }

    fn parallel(
        &mut self,
        file: FileId,
        index: usize,
        parallel: &ast::Parallel,
        graph: &mut GraphBuilder,
    ) {
        let Some(id) = graph.own_node(&parallel.name) else {
            return;
        };
        let NodeKind::Parallel { join, .. } = graph.nodes[id.0].kind else {
            unreachable!("declare_nodes gives every parallel block a Parallel node");
        };
        let mut once = Once::new(holder("parallel-block", &parallel.name.text), file);
        let mut branches = Vec::new();
        let mut has_next = false;
        for item in &parallel.items {
            match item {
                ParallelItem::Branch(name, span) => {
                    let target = graph.lookup(name);
                    match target {
                        Some(step) => graph.branch(id, step, join, *span),
                        None => {
                            graph.broken_links = true;
                            if !graph.broken_names.contains(&name.text) {
                                self.unresolved(file, name, Expected::Step, Some(index), None);
                            }
                        }
                    }
                    branches.push(reference(name, target));
                }
                ParallelItem::Next(target, span) => {
                    if once.first(self, "next", *span) {
                        has_next = true;
                        graph.edge(join, target, EdgeKind::Next, *span);
                    }
                }
            }
        }
        graph.broken_links |= branches.is_empty();
        graph.nodes[id.0].kind = NodeKind::Parallel {
            branches,
            join,
            has_next,
        };
    }
}

/// The condition as the model reads it: each comparison's right side
/// resolved by [`resolve_operand`] against its left side's type.
fn resolve_operands(process: &Process, condition: &Condition) -> Condition {
    let all = |parts: &[Condition]| {
        parts
            .iter()
            .map(|part| resolve_operands(process, part))
            .collect()
    };
    match condition {
        Condition::AnyOf(parts, span) => Condition::AnyOf(all(parts), *span),
        Condition::AllOf(parts, span) => Condition::AllOf(all(parts), *span),
        Condition::Not(inner, span) => {
            Condition::Not(Box::new(resolve_operands(process, inner)), *span)
        }
        Condition::Compare(comparison) => {
            let left = process.value_type(&comparison.input.text);
            Condition::Compare(ast::Comparison {
                value: resolve_operand(process, left, &comparison.value),
                ..comparison.clone()
            })
        }
    }
}

/// A bare name written where a value goes (a comparison's right side, a
/// call's `with` value), as the model reads it: one of the values `other`
/// (the type it meets) can take stays a literal (`dismiss`, `yes`); else a
/// name of an input or recorded value of `process` is that value; else it
/// stays a literal, for the type rules to judge.
pub(crate) fn resolve_operand(
    process: &Process,
    other: Option<&InputType>,
    operand: &Operand,
) -> Operand {
    let Operand::Literal(ast::Literal {
        value: ast::Value::Name(name),
        span,
    }) = operand
    else {
        return operand.clone();
    };
    let is_value_of_other = other.is_some_and(|kind| kind.finite_values().contains(&name.as_str()));
    if is_value_of_other || process.value_type(name).is_none() {
        return operand.clone();
    }
    Operand::Value(ast::Ident {
        text: name.clone(),
        span: *span,
    })
}

/// Tracks settings that may appear once in a block: the first line wins and
/// each later one is recorded as repeated (and otherwise ignored).
struct Once {
    holder: Text,
    file: FileId,
    seen: HashMap<String, Span>,
}

impl Once {
    fn new(holder: Text, file: FileId) -> Self {
        Once {
            holder,
            file,
            seen: HashMap::new(),
        }
    }

    /// Whether this is the first `setting` line of the block.
    fn first(&mut self, builder: &mut Builder, setting: &str, span: Span) -> bool {
        match self.seen.entry(setting.to_string()) {
            Entry::Vacant(slot) => {
                slot.insert(span);
                true
            }
            Entry::Occupied(first) => {
                builder.repeated(setting, self.holder.clone(), self.file, *first.get(), span);
                false
            }
        }
    }
}

/// What holds settings, as messages name it: "step `apply`".
fn holder(kind: &'static str, name: &str) -> Text {
    crate::text!("setting-holder", kind = kind, name = name)
}

/// A reference from a name and its resolution.
fn reference<T>(name: &ast::Ident, target: Option<T>) -> Reference<T> {
    Reference {
        name: name.text.clone(),
        span: name.span,
        target,
    }
}

/// A process with its header only; nodes come later.
fn placeholder_process(file: FileId, source: &ast::Process) -> Process {
    Process {
        name: source.name.text.clone(),
        label: source.label.as_ref().map(|label| label.text.clone()),
        file,
        span: source.span,
        name_span: source.name.span,
        category: None,
        owner: None,
        applicants: Vec::new(),
        applicant_span: None,
        review: None,
        version: None,
        sla: None,
        note: None,
        inputs: Vec::new(),
        records: Vec::new(),
        start: None,
        nodes: Vec::new(),
        edges: Vec::new(),
        kpis: Vec::new(),
        outgoing: Vec::new(),
        has_broken_links: false,
        has_broken_items: false,
    }
}

/// A process's items as the builder gets them.
enum Items<'a> {
    /// Read where they are, in a syntax tree kept after the build (the
    /// language server's).
    Read(&'a [ProcessItem]),
    /// Taken out of the tree ([`take_bodies`]), each freed once built.
    Handed(Vec<ProcessItem>),
}

impl Items<'_> {
    /// Every item, for the passes that read them all before the graph is
    /// built.
    fn as_slice(&self) -> &[ProcessItem] {
        match self {
            Items::Read(items) => items,
            Items::Handed(items) => items,
        }
    }
}

/// Builds the nodes and edges of one process.
struct GraphBuilder {
    file: FileId,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    names: HashMap<String, NodeId>,
    start: Option<Reference<NodeId>>,
    unresolved_targets: Vec<(String, Span, Option<NodeId>)>,
    broken_links: bool,
    /// Names declared by items of the process that do not parse (nodes,
    /// inputs, KPIs): references to them are not reported.
    broken_names: HashSet<String>,
    /// The step KPIs whose names an earlier KPI of the process has.
    repeated_kpis: HashSet<Span>,
}

/// How many nodes a process declares and at most how many edges its lines
/// make: the graph's vectors are made that large at once, not doubled as
/// they fill (at 20,000 steps doubling left a third of the edges' vector
/// and of the nodes' unused, while the syntax tree is still held).
struct GraphSize {
    nodes: usize,
    edges: usize,
}

impl GraphSize {
    /// The sizes for `source`: a node per step, decision, call and end, two
    /// per parallel block (the block and its join); an edge per line that
    /// names a target, two per `branch` (to the step and on to the join).
    fn of(items: &[ProcessItem]) -> Self {
        let mut size = GraphSize { nodes: 0, edges: 0 };
        for item in items {
            let (nodes, edges) = match item {
                ProcessItem::Step(step) => {
                    (1, step.items.iter().filter(|item| leads_on(item)).count())
                }
                ProcessItem::Decision(decision) => (1, decision.branches.len()),
                ProcessItem::Parallel(parallel) => (
                    2,
                    parallel
                        .items
                        .iter()
                        .map(|item| match item {
                            ParallelItem::Branch(..) => 2,
                            ParallelItem::Next(..) => 1,
                        })
                        .sum(),
                ),
                ProcessItem::Call(call) => (
                    1,
                    call.items
                        .iter()
                        .filter(|item| matches!(item, CallItem::Outcome(_) | CallItem::Next(..)))
                        .count(),
                ),
                ProcessItem::End(_) => (1, 0),
                // Settings, inputs, KPIs and broken items: no node, no edge.
                _ => (0, 0),
            };
            size.nodes += nodes;
            size.edges += edges;
        }
        size
    }
}

/// Whether a line of a step names where the work goes next.
fn leads_on(item: &StepItem) -> bool {
    matches!(
        item,
        StepItem::Next(..) | StepItem::Outcome(_) | StepItem::Timeout(_)
    )
}

impl GraphBuilder {
    fn new(file: FileId, size: GraphSize) -> Self {
        GraphBuilder {
            file,
            nodes: Vec::with_capacity(size.nodes),
            edges: Vec::with_capacity(size.edges),
            names: HashMap::new(),
            start: None,
            unresolved_targets: Vec::new(),
            broken_links: false,
            broken_names: HashSet::new(),
            repeated_kpis: HashSet::new(),
        }
    }

    /// Creates a node for every step, decision, parallel block (and its
    /// join) and end, recording names defined twice.
    fn declare_nodes(
        &mut self,
        source: &ast::Process,
        items: &[ProcessItem],
        problems: &mut Problems,
    ) {
        for item in items {
            let (name, label, span, kind) = match item {
                ProcessItem::Step(step) => (
                    &step.name,
                    &step.label,
                    step.span,
                    NodeKind::Step(Box::default()),
                ),
                ProcessItem::Decision(decision) => (
                    &decision.name,
                    &decision.label,
                    decision.span,
                    NodeKind::Decision,
                ),
                ProcessItem::Parallel(parallel) => {
                    let join = NodeId(self.nodes.len() + 1);
                    (
                        &parallel.name,
                        &parallel.label,
                        parallel.span,
                        NodeKind::Parallel {
                            branches: Vec::new(),
                            join,
                            has_next: false,
                        },
                    )
                }
                ProcessItem::Call(call) => (
                    &call.name,
                    &call.label,
                    call.span,
                    NodeKind::Call(Box::new(CallDetails {
                        process: None,
                        bindings: Vec::new(),
                        note: None,
                        next_span: None,
                    })),
                ),
                ProcessItem::End(end) => (&end.name, &end.label, end.span, NodeKind::End),
                ProcessItem::Broken(broken) => {
                    if let Some(name) = &broken.name {
                        self.broken_names.insert(name.text.clone());
                    }
                    continue;
                }
                ProcessItem::Category(..)
                | ProcessItem::Owner(..)
                | ProcessItem::Applicant(..)
                | ProcessItem::Review(_)
                | ProcessItem::Version(_)
                | ProcessItem::Sla(..)
                | ProcessItem::Note(_)
                | ProcessItem::Input(_)
                | ProcessItem::Start(..)
                | ProcessItem::Kpi(_) => continue,
            };
            if let Some(&first) = self.names.get(&name.text) {
                problems.duplicates.push(DuplicateDefinition {
                    name: name.text.clone(),
                    first_kind: self.nodes[first.0].kind.noun(),
                    kind: kind.noun(),
                    process: Some(source.name.text.clone()),
                    first: Location::new(self.file, self.nodes[first.0].name_span),
                    second: Location::new(self.file, name.span),
                });
                continue;
            }
            let id = NodeId(self.nodes.len());
            self.names.insert(name.text.clone(), id);
            let is_parallel = matches!(kind, NodeKind::Parallel { .. });
            self.nodes.push(Node {
                name: name.text.clone(),
                label: label.as_ref().map(|label| label.text.clone()),
                span,
                name_span: name.span,
                kind,
            });
            if is_parallel {
                self.nodes.push(Node {
                    name: format!("{}.join", name.text),
                    label: None,
                    span,
                    name_span: name.span,
                    kind: NodeKind::Join { parallel: id },
                });
            }
        }
    }

    /// The node defined by this declaration, unless it was a duplicate.
    fn own_node(&self, name: &ast::Ident) -> Option<NodeId> {
        self.names
            .get(&name.text)
            .copied()
            .filter(|id| self.nodes[id.0].name_span == name.span)
    }

    fn lookup(&self, name: &ast::Ident) -> Option<NodeId> {
        self.names.get(&name.text).copied()
    }

    /// A reference to a target node, recording it when unresolved.
    fn target(&mut self, name: &ast::Ident, from: Option<NodeId>) -> Reference<NodeId> {
        let target = self.lookup(name);
        if target.is_none() {
            if !self.broken_names.contains(&name.text) {
                self.unresolved_targets
                    .push((name.text.clone(), name.span, from));
            }
            self.broken_links = true;
        }
        reference(name, target)
    }

    /// Adds the edges of a branch: block to step, step to the block's join.
    fn branch(&mut self, block: NodeId, step: NodeId, join: NodeId, span: Span) {
        self.edges.push(Edge {
            from: block,
            to: step,
            kind: EdgeKind::Branch,
            span,
        });
        if let NodeKind::Step(details) = &mut self.nodes[step.0].kind {
            details.blocks.push(block);
            self.edges.push(Edge {
                from: step,
                to: join,
                kind: EdgeKind::Join,
                span,
            });
        }
    }

    /// Adds an edge to the node `target` names, if it names one.
    fn edge(&mut self, from: NodeId, target: &ast::Ident, kind: EdgeKind, span: Span) {
        if let Some(to) = self.target(target, Some(from)).target {
            self.edges.push(Edge {
                from,
                to,
                kind,
                span,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file of `bytes` bytes.
    fn file_of(name: &str, bytes: usize) -> SourceFile {
        SourceFile::from_text(name, "x".repeat(bytes))
    }

    /// Only what lies beside the largest file counts as work to share: one
    /// large file and a small one stay on the calling thread.
    #[test]
    fn the_work_to_share_is_every_file_but_the_largest() {
        let files = [file_of("a", 10), file_of("b", 300), file_of("c", 50)];
        assert_eq!(bytes_beside_largest(&files), 60);
        assert_eq!(bytes_beside_largest(&files[1..2]), 0);
        assert_eq!(bytes_beside_largest(&[]), 0);
        let one_large = [file_of("a", 200 * 1024), file_of("org", 400)];
        assert!(!worth_sharing(bytes_beside_largest(&one_large)));
        let many = [
            file_of("a", 40 * 1024),
            file_of("b", 40 * 1024),
            file_of("c", 40 * 1024),
        ];
        assert!(worth_sharing(bytes_beside_largest(&many)));
    }
}
