//! The BPMN graph of one process, built from its JSON IR: which BPMN
//! elements and sequence flows stand for the IR's nodes and edges. The
//! dialects differ only in how this graph is written ([`super::write`]).
//!
//! - a step is a user task (id = step name) assigned to its owner; a step
//!   with outcomes is followed by an exclusive gateway `STEP.outcome` that
//!   routes on the process variable `outcome` (`next` or an outcome name);
//! - `remind after` / `escalate after` are non-interrupting boundary timers
//!   leading to a notification service task (`STEP.reminder.N`,
//!   `STEP.escalation.N`, job type [`NOTIFICATION_JOB`]) addressed to the
//!   step's owner / the escalation target, which completes without anyone
//!   working it, so no token waits on a person;
//! - a decision is an exclusive gateway (id = decision name), `otherwise`
//!   its default flow;
//! - a parallel block is a collapsed sub-process (id = block name) holding
//!   a parallel split `BLOCK.fork` and join `BLOCK.join`; an outcome of a
//!   branch (e.g. `reject`) ends the branch in an error end event caught by
//!   an interrupting boundary event on the sub-process, so the whole block
//!   is withdrawn before the work goes to the outcome's target;
//! - `at least D` (a minimum period) starts with a script task
//!   `STEP.started` setting `STEP_minimum_until` (now plus D); the normal
//!   path out of the step passes the gate `STEP.minimum`, which goes on
//!   only once that time has passed and otherwise gives the task back
//!   (the completion is refused, the task opens again); other outcomes
//!   (an objection) leave at once;
//! - `on timeout after D -> T` is an interrupting boundary timer
//!   `STEP.timeout` leading to T;
//! - a call is a call activity (id = call name) running the called
//!   process with its inputs mapped explicitly; when some `on END` routes
//!   it, the exclusive gateway `CALL.end` after it routes on the variable
//!   [`END_VARIABLE`] the called process set, its default flow taking the
//!   `next`; every end event of a called process is entered through a
//!   script task `END.reached` setting [`END_VARIABLE`] to its name;
//! - an element entered by more than one flow (a rework loop, two
//!   decisions meeting) is entered through a joining exclusive gateway
//!   `ID.merge`, never straight.

use std::collections::{BTreeMap, BTreeSet};

use crate::ir::{
    BindingInfo, DurationInfo, EdgeInfo, EdgeKindName, NodeInfo, NodeKindName, NotifyMomentName,
    PartyInfo, ProcessDocument, RecordInfo, SigningMode, UnitName,
};

use super::Dialect;
use super::people::{self, Assignment};

/// A sequence-flow condition.
#[derive(Debug, Clone)]
pub enum FlowCondition {
    /// `outcome == NAME` (`next` for the normal path).
    Outcome(String),
    /// The signers of a multi-signer step approved it: at least `required`
    /// of the votes in [`votes_variable`] are `next`.
    Approved {
        /// The step.
        step: String,
        /// How many approvals it needs.
        required: u32,
    },
    /// The signers of a multi-signer step did not approve it: fewer than
    /// `required` of the votes are `next`.
    NotApproved {
        /// The step.
        step: String,
        /// How many approvals it needs.
        required: u32,
    },
    /// The decision condition of IR edge `edges[index]`.
    Decision(usize),
    /// The called process reached the end of this name:
    /// [`END_VARIABLE`] holds it.
    Ended(String),
    /// The minimum period of the step has passed.
    MinimumOver(String),
}

/// The process variable holding the end a process reached: a called
/// process sets it as it ends, the call copies it out (`end` is a keyword
/// of the language, so no input or recorded value has this name).
pub const END_VARIABLE: &str = "end";

/// The process variable holding when the minimum period of `step` ends
/// (set as the step starts).
pub fn minimum_until_variable(step: &str) -> String {
    format!("{}_minimum_until", xml_id(step))
}

/// SpiffWorkflow: the variable the task of a step with a minimum period
/// sets as it is completed, whether that period has passed.
pub fn minimum_over_variable(step: &str) -> String {
    format!("{}_minimum_over", xml_id(step))
}

/// A BPMN flow element.
#[derive(Debug, Clone)]
pub struct Element {
    /// The BPMN id.
    pub id: String,
    /// The name shown in the diagram.
    pub name: Option<String>,
    /// What it is.
    pub kind: ElementKind,
    /// The role whose lane it is drawn in (top-level elements).
    pub lane: Option<String>,
}

/// A user task's assignment and due date.
#[derive(Debug, Clone)]
pub struct Task {
    /// The step's name (ids may be encoded; this is not).
    pub step: String,
    /// The step's label (its name when it has none).
    pub label: String,
    /// Who may do it: candidate groups and people of the applicant's line
    /// (any of them, for all signers of a multi-signer step).
    pub assignment: Assignment,
    /// For an `all of` or `quorum` step: its signers, one task instance
    /// each.
    pub signers: Option<Signers>,
    /// The deadline, when the task has one.
    pub deadline: Option<DurationInfo>,
    /// The values of `outcome` its outcome gateway routes on (`next` and
    /// the outcome names), empty when the task has no outcome gateway.
    pub outcomes: Vec<String>,
    /// Where each way out of the step leads, in the IR's edge order.
    pub choices: Vec<Choice>,
    /// The values its owner records (fields of its form, outputs of its
    /// task).
    pub records: Vec<RecordInfo>,
    /// Its minimum period (`at least`), when it has one.
    pub minimum: Option<DurationInfo>,
    /// Its note, written as the task's documentation.
    pub note: Option<String>,
}

/// A call of another process.
#[derive(Debug, Clone)]
pub struct Call {
    /// The called process's BPMN id.
    pub process: String,
    /// The values given to its inputs, in the order written.
    pub inputs: Vec<BindingInfo>,
    /// Whether the end it reaches routes the work (an `on END` line):
    /// [`END_VARIABLE`] is copied out of it.
    pub routed: bool,
}

/// What a script task sets.
#[derive(Debug, Clone)]
pub enum Script {
    /// [`END_VARIABLE`] to the name of the end about to be reached.
    EndReached(String),
    /// [`minimum_until_variable`] of `step`: now plus `minimum`.
    MinimumFrom {
        /// The step.
        step: String,
        /// Its minimum period.
        minimum: DurationInfo,
    },
    /// SpiffWorkflow: [`tally_variable`] of a multi-signer `step`, empty,
    /// before its signers' instances are created.
    TallyOpened(String),
}

/// The signers of an `all of` or `N of` step: a parallel multi-instance
/// task with one instance per signer, completed as soon as `required`
/// approvals are in or can no longer be reached.
#[derive(Debug, Clone)]
pub struct Signers {
    /// Who signs, one each, in the order written.
    pub each: Vec<Assignment>,
    /// How many approvals (`next`) approve the step.
    pub required: u32,
    /// The outcome the step takes when it is not approved (`reject` when
    /// it has one, else its first outcome); `None` for a step without
    /// outcomes, whose signers can only approve.
    pub failure: Option<String>,
}

/// The process variable holding the votes of a multi-signer step (the
/// multi-instance output collection): `STEP_votes`, with the step's name
/// as an XML id so it is an ASCII name in FEEL and Python alike.
pub fn votes_variable(step: &str) -> String {
    format!("{}_votes", xml_id(step))
}

/// The variable of one signer's instance of a multi-signer step: the
/// signer (Zeebe: `signer`, an element of the input collection; Spiff:
/// `STEP_signer`, the instance's index) and its vote (Zeebe: `outcome`;
/// Spiff: `STEP_vote`).
pub fn signer_variable(step: &str) -> String {
    format!("{}_signer", xml_id(step))
}

/// SpiffWorkflow: the variable a signer's instance copies its `outcome`
/// into, collected into [`votes_variable`].
pub fn vote_variable(step: &str) -> String {
    format!("{}_vote", xml_id(step))
}

/// SpiffWorkflow: the variable `{"votes": [...]}` every signer's instance
/// of a visit of a multi-signer step appends its vote to as it completes,
/// so the completion condition, which SpiffWorkflow evaluates in the data
/// of the instance that just completed, sees every vote so far. The
/// instances' data are copies of the step's taken when they are created
/// (SpiffWorkflow copies a dict but not what it holds), so the list is the
/// same one in each of them.
pub fn tally_variable(step: &str) -> String {
    format!("{}_tally", xml_id(step))
}

/// One way out of a step: the value of `outcome` that takes it and the
/// label of the node it leads to.
#[derive(Debug, Clone)]
pub struct Choice {
    /// `next` or the outcome's name.
    pub outcome: String,
    /// The label of the node it leads to (its name when it has none).
    pub target_label: String,
}

/// The value of `outcome` that takes an edge out of a step: its outcome's
/// name, `next` for the normal path.
fn outcome_name(edge: &EdgeInfo) -> String {
    edge.outcome.clone().unwrap_or_else(|| "next".to_string())
}

/// The job type (Zeebe) and service operator (SpiffWorkflow) of every
/// reminder and escalation: the company's notification worker handles it.
pub const NOTIFICATION_JOB: &str = "flowc-notification";

/// A reminder, escalation or notification sent by a notification service
/// task.
#[derive(Debug, Clone)]
pub struct Notification {
    /// `reminder`, `escalation` or `notification`.
    pub kind: &'static str,
    /// The step it is about.
    pub step: String,
    /// Who is notified, as written: the step's owners, the escalation
    /// target, or the party of a `notify` line.
    pub to: String,
    /// `after` and the delay as written (`2 business days`) for reminders
    /// and escalations, `when` and the moment (`done`) for notifications.
    pub moment: (&'static str, String),
    /// The person of the applicant's line it goes to (0 the applicant, `k`
    /// `applicant_managers[k]`), when `to` is one such person.
    pub recipient: Option<usize>,
}

/// The kinds of BPMN element flowc writes.
#[derive(Debug, Clone)]
pub enum ElementKind {
    /// The none start event.
    Start,
    /// A none end event.
    End,
    /// An end event throwing `error` (an outcome leaving a parallel block).
    ErrorEnd {
        /// The id of the `bpmn:error`.
        error: String,
    },
    /// A user task.
    UserTask(Box<Task>),
    /// A service task sending a reminder or escalation.
    Notification(Notification),
    /// A call activity running another process.
    CallActivity(Call),
    /// A script task setting one process variable.
    Script(Script),
    /// An exclusive gateway; `default` is the id of its default flow.
    Exclusive {
        /// The default flow.
        default: Option<String>,
    },
    /// A parallel gateway.
    Parallel,
    /// A collapsed embedded sub-process (a parallel block).
    SubProcess(Box<Scope>),
    /// A boundary timer on `host`: non-interrupting (reminders,
    /// escalations, notifications) or interrupting (a timeout).
    Timer {
        /// The task it is attached to.
        host: String,
        /// When it fires.
        after: DurationInfo,
        /// Whether it cancels the task.
        interrupting: bool,
    },
    /// An interrupting error boundary event on the sub-process `host`.
    ErrorCatch {
        /// The sub-process it is attached to.
        host: String,
        /// The id of the `bpmn:error` it catches.
        error: String,
    },
}

/// A sequence flow.
#[derive(Debug, Clone)]
pub struct Flow {
    /// The BPMN id.
    pub id: String,
    /// The source element's id.
    pub source: String,
    /// The target element's id.
    pub target: String,
    /// The name shown on the flow (conditions and defaults only).
    pub name: Option<String>,
    /// The condition, if any.
    pub condition: Option<FlowCondition>,
}

/// A process or sub-process: its elements and flows.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// Elements in document order.
    pub elements: Vec<Element>,
    /// Flows in document order.
    pub flows: Vec<Flow>,
    /// The ids of `flows` made by [`Builder::flow`], to keep them unique.
    flow_ids: BTreeSet<String>,
}

/// A `bpmn:error`: one per (branch step, outcome) leaving a block.
#[derive(Debug, Clone)]
pub struct ErrorDefinition {
    /// The BPMN id, also its error code.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The name of the boundary event that catches it.
    pub caught_as: String,
    /// The IR node the outcome leads to.
    pub target: String,
}

/// A process as BPMN.
#[derive(Debug, Clone)]
pub struct Graph {
    /// The process id: the process name as an XML id ([`xml_id`]).
    pub id: String,
    /// The top-level scope.
    pub process: Scope,
    /// The errors thrown out of parallel blocks.
    pub errors: Vec<ErrorDefinition>,
    /// The lanes: role name and label, in order of first use until
    /// [`super::arrange`] puts them in the order of the diagrams.
    pub lanes: Vec<(String, String)>,
    /// The rank (column) of the diagrams' arrangement of each element
    /// standing for a node of the process, by element id; empty until
    /// [`super::arrange`].
    pub ranks: BTreeMap<String, usize>,
}

/// Why a process cannot be written as BPMN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GraphError {
    /// Two elements would get the same id.
    DuplicateId(String),
    /// A branch step of a block is also entered from outside its block.
    BranchEnteredFromOutside {
        /// The branch step.
        step: String,
        /// Its block.
        block: String,
        /// Where the outside edge leaves.
        from: String,
    },
}

/// The owner of each process of a build, by process name: the owner's
/// name and label. A call is drawn in the lane of its process's owner
/// (a call's owner is the called process's owner).
pub type ProcessOwners = BTreeMap<String, (String, String)>;

/// The owner of each of `documents`' processes.
pub fn process_owners<'d>(
    documents: impl IntoIterator<Item = &'d ProcessDocument>,
) -> ProcessOwners {
    documents
        .into_iter()
        .filter_map(|document| {
            let owner = document.process.owner.as_ref()?;
            let label = owner_label(document, &owner.name).unwrap_or_else(|| owner.name.clone());
            Some((document.process.name.clone(), (owner.name.clone(), label)))
        })
        .collect()
}

/// The label of a role or department of `document`, if it has one.
fn owner_label(document: &ProcessDocument, name: &str) -> Option<String> {
    let role = document
        .roles
        .iter()
        .find(|role| role.name == name)
        .and_then(|role| role.label.clone());
    role.or_else(|| {
        document
            .departments
            .iter()
            .find(|department| department.name == name)
            .and_then(|department| department.label.clone())
    })
}

/// Builds the BPMN graph of one IR document; `called` says whether some
/// process of the build calls it (its ends then report themselves, see
/// [`END_VARIABLE`]); `owners` are the owners of the processes it may call.
pub fn build(
    document: &ProcessDocument,
    called: bool,
    owners: &ProcessOwners,
    dialect: Dialect,
) -> Result<Graph, GraphError> {
    let mut builder = Builder::new(document, called, owners);
    builder.tallies = dialect == Dialect::Spiff;
    builder.build()
}

struct Builder<'a> {
    document: &'a ProcessDocument,
    /// The nodes by id.
    nodes: BTreeMap<&'a str, &'a NodeInfo>,
    /// For each node, its outgoing edges with their index in the IR.
    outgoing: BTreeMap<&'a str, Vec<(usize, &'a EdgeInfo)>>,
    /// For each branch step, its block.
    block_of: BTreeMap<&'a str, &'a str>,
    errors: Vec<ErrorDefinition>,
    /// Whether the process is called by another.
    called: bool,
    /// The owners of the processes of the build.
    owners: &'a ProcessOwners,
    /// Whether a multi-signer step starts with the script task
    /// `STEP.tally` (SpiffWorkflow, see [`tally_variable`]).
    tallies: bool,
}

impl<'a> Builder<'a> {
    fn new(document: &'a ProcessDocument, called: bool, owners: &'a ProcessOwners) -> Self {
        let block_of = document
            .edges
            .iter()
            .filter(|edge| matches!(edge.kind, EdgeKindName::Branch))
            .map(|edge| (edge.to.as_str(), edge.from.as_str()))
            .collect();
        let nodes = document
            .nodes
            .iter()
            .map(|node| (node.id.as_str(), node))
            .collect();
        let mut outgoing: BTreeMap<&str, Vec<(usize, &EdgeInfo)>> = BTreeMap::new();
        for (index, edge) in document.edges.iter().enumerate() {
            outgoing
                .entry(edge.from.as_str())
                .or_default()
                .push((index, edge));
        }
        Builder {
            document,
            nodes,
            outgoing,
            block_of,
            errors: Vec::new(),
            called,
            owners,
            tallies: false,
        }
    }

    /// Whether `node` starts with the script task `STEP.tally`: a step
    /// several people sign, in SpiffWorkflow.
    fn tallied(&self, node: &NodeInfo) -> bool {
        self.tallies
            && node.signing.as_ref().is_some_and(|signing| {
                matches!(signing.mode, SigningMode::AllOf | SigningMode::Quorum)
            })
    }

    fn node(&self, id: &str) -> Option<&'a NodeInfo> {
        self.nodes.get(id).copied()
    }

    fn edges_from(&self, id: &str) -> Vec<(usize, &'a EdgeInfo)> {
        self.outgoing.get(id).cloned().unwrap_or_default()
    }

    fn build(mut self) -> Result<Graph, GraphError> {
        let mut scope = Scope::default();
        for node in &self.document.nodes {
            self.top_level_node(node, &mut scope)?;
        }
        merge_multiple_entries(&mut scope);
        let lanes = self.assign_lanes(&mut scope);
        encode_ids(&mut scope);
        for error in &mut self.errors {
            error.id = xml_id(&error.id);
        }
        let process = &xml_id(&self.document.process.name);
        let mut fixed: Vec<String> = ["definitions", "collaboration", "participant", "lanes"]
            .iter()
            .map(|suffix| format!("{process}.{suffix}"))
            .collect();
        fixed.push(process.clone());
        fixed.extend(lanes.iter().map(|(role, _)| lane_id(role)));
        if self.called {
            fixed.extend(self.document.inputs.iter().map(|input| input.name.clone()));
            fixed.push(END_VARIABLE.to_string());
        }
        check_unique_ids(&scope, &self.errors, &fixed)?;
        Ok(Graph {
            id: process.clone(),
            process: scope,
            errors: self.errors,
            lanes,
            ranks: BTreeMap::new(),
        })
    }

    fn top_level_node(&mut self, node: &'a NodeInfo, scope: &mut Scope) -> Result<(), GraphError> {
        match node.kind {
            NodeKindName::Start => {
                scope
                    .elements
                    .push(plain(&node.id, "start", ElementKind::Start));
                for (_, edge) in self.edges_from(&node.id) {
                    self.flow(scope, &node.id, &edge.to, None, None)?;
                }
            }
            NodeKindName::Step if self.block_of.contains_key(node.id.as_str()) => {}
            NodeKindName::Step => self.step(node, scope, None)?,
            NodeKindName::Decision => self.decision(node, scope)?,
            NodeKindName::Parallel => self.block(node, scope)?,
            NodeKindName::Join => {}
            NodeKindName::Call => self.call(node, scope)?,
            NodeKindName::End => {
                if self.called {
                    let reached = format!("{}.reached", node.id);
                    scope.elements.push(plain(
                        &reached,
                        &format!("end: {}", label(node)),
                        ElementKind::Script(Script::EndReached(node.id.clone())),
                    ));
                    scope.flows.push(unconditional(&reached, &node.id));
                }
                scope
                    .elements
                    .push(plain(&node.id, label(node), ElementKind::End))
            }
        }
        Ok(())
    }

    /// A user task with its timers and notifications and, when it has
    /// outcomes or signers, its outcome gateway. `block` is set for a branch
    /// step inside its sub-process.
    fn step(
        &mut self,
        node: &'a NodeInfo,
        scope: &mut Scope,
        block: Option<&'a str>,
    ) -> Result<(), GraphError> {
        let owner = people::lane_of(&node.owners, self.document);
        let edges: Vec<(usize, &EdgeInfo)> = self
            .edges_from(&node.id)
            .into_iter()
            .filter(|(_, edge)| {
                !matches!(edge.kind, EdgeKindName::Condition | EdgeKindName::Timeout)
            })
            .collect();
        let has_outcomes = edges
            .iter()
            .any(|(_, edge)| matches!(edge.kind, EdgeKindName::Outcome));
        let outcomes: Vec<String> = if has_outcomes {
            edges.iter().map(|(_, edge)| outcome_name(edge)).collect()
        } else {
            Vec::new()
        };
        let choices = edges
            .iter()
            .map(|(_, edge)| Choice {
                outcome: outcome_name(edge),
                target_label: self
                    .nodes
                    .get(edge.to.as_str())
                    .map_or(edge.to.as_str(), |target| label(target))
                    .to_string(),
            })
            .collect();
        let signers = self.signers(node, &outcomes);
        let routed = has_outcomes || signers.is_some();
        scope.elements.push(Element {
            id: node.id.clone(),
            name: Some(label(node).to_string()),
            kind: ElementKind::UserTask(Box::new(Task {
                step: node.id.clone(),
                label: label(node).to_string(),
                assignment: Assignment::of(&node.owners, self.document),
                signers: signers.clone(),
                deadline: node.deadline.clone(),
                outcomes,
                choices,
                records: node.records.clone(),
                minimum: node.minimum.clone(),
                note: node.note.clone(),
            })),
            lane: owner.clone(),
        });
        self.tally(node, scope);
        self.started(node, scope);
        self.timers(node, scope);
        self.timeout(node, scope, block)?;
        if !routed {
            for (_, edge) in edges {
                let target = self.target_of(&node.id, &edge.to, block)?;
                let target = self.told(node, scope, NotifyMomentName::Done, &target, None);
                let target = self.minimum_gate(node, scope, &target)?;
                self.flow(scope, &node.id, &target, None, None)?;
            }
            return Ok(());
        }
        let gateway = format!("{}.outcome", node.id);
        scope.elements.push(Element {
            id: gateway.clone(),
            name: Some(format!("{}: outcome", label(node))),
            kind: ElementKind::Exclusive { default: None },
            lane: owner,
        });
        self.flow(scope, &node.id, &gateway, None, None)?;
        for (_, edge) in edges {
            let outcome = outcome_name(edge);
            let (target, in_block) = match (block, &edge.kind) {
                (Some(block), EdgeKindName::Outcome) => (
                    self.error_end(scope, node, &outcome, block, &edge.to),
                    Some(block),
                ),
                _ => (self.target_of(&node.id, &edge.to, block)?, None),
            };
            let moment = match outcome.as_str() {
                "next" => NotifyMomentName::Done,
                _ => NotifyMomentName::Rejected,
            };
            let target = self.told(node, scope, moment, &target, in_block);
            let target = match outcome.as_str() {
                "next" => self.minimum_gate(node, scope, &target)?,
                _ => target,
            };
            let condition = match &signers {
                Some(signers) if outcome == "next" => FlowCondition::Approved {
                    step: node.id.clone(),
                    required: signers.required,
                },
                Some(signers) if signers.failure.as_ref() == Some(&outcome) => {
                    FlowCondition::NotApproved {
                        step: node.id.clone(),
                        required: signers.required,
                    }
                }
                _ => FlowCondition::Outcome(outcome.clone()),
            };
            self.flow(scope, &gateway, &target, Some(outcome), Some(condition))?;
        }
        Ok(())
    }

    /// A step several people sign starts, in SpiffWorkflow, with the
    /// script task `STEP.tally` that opens the visit's tally of votes
    /// ([`tally_variable`]); every way into the step enters through it
    /// ([`Builder::entry`]), then through `STEP.started` when the step
    /// has a minimum period.
    fn tally(&mut self, node: &NodeInfo, scope: &mut Scope) {
        if !self.tallied(node) {
            return;
        }
        let tally = format!("{}.tally", node.id);
        scope.elements.push(Element {
            id: tally.clone(),
            name: Some("votes: none yet".to_string()),
            kind: ElementKind::Script(Script::TallyOpened(node.id.clone())),
            lane: people::lane_of(&node.owners, self.document),
        });
        let next = match node.minimum {
            Some(_) => format!("{}.started", node.id),
            None => node.id.clone(),
        };
        scope.flows.push(unconditional(&tally, &next));
    }

    /// A step with a minimum period starts with the script task
    /// `STEP.started` that sets when the period ends; every way into the
    /// step enters through it ([`Builder::entry`]).
    fn started(&mut self, node: &NodeInfo, scope: &mut Scope) {
        let Some(minimum) = &node.minimum else {
            return;
        };
        let started = format!("{}.started", node.id);
        scope.elements.push(Element {
            id: started.clone(),
            name: Some(format!("at least {}", minimum.text)),
            kind: ElementKind::Script(Script::MinimumFrom {
                step: node.id.clone(),
                minimum: minimum.clone(),
            }),
            lane: people::lane_of(&node.owners, self.document),
        });
        scope.flows.push(unconditional(&started, &node.id));
    }

    /// The gate `STEP.minimum` on the normal way out of a step with a
    /// minimum period: on to `target` once the period is over, else back
    /// to the task (the completion is refused). Returns the element the
    /// normal way out enters.
    fn minimum_gate(
        &mut self,
        node: &NodeInfo,
        scope: &mut Scope,
        target: &str,
    ) -> Result<String, GraphError> {
        if node.minimum.is_none() {
            return Ok(target.to_string());
        }
        let gate = format!("{}.minimum", node.id);
        let at = push_gateway(
            scope,
            &gate,
            format!("{}: minimum period over?", label(node)),
        );
        self.flow(
            scope,
            &gate,
            target,
            Some("period over".to_string()),
            Some(FlowCondition::MinimumOver(node.id.clone())),
        )?;
        let refused = self.raw_flow(
            scope,
            &gate,
            &node.id,
            Some("too early: reopened".to_string()),
            None,
        );
        scope.elements[at].kind = ElementKind::Exclusive {
            default: Some(refused),
        };
        Ok(gate)
    }

    /// `on timeout after D -> T`: an interrupting boundary timer
    /// `STEP.timeout` leading to T (inside a block, through an error end
    /// caught on the block, as an outcome leaving it is).
    fn timeout(
        &mut self,
        node: &NodeInfo,
        scope: &mut Scope,
        block: Option<&'a str>,
    ) -> Result<(), GraphError> {
        let Some((_, edge)) = self
            .edges_from(&node.id)
            .into_iter()
            .find(|(_, edge)| matches!(edge.kind, EdgeKindName::Timeout))
        else {
            return Ok(());
        };
        let Some(after) = edge.after.clone().or_else(|| node.timeout.clone()) else {
            return Ok(());
        };
        let timer = format!("{}.timeout", node.id);
        scope.elements.push(Element {
            id: timer.clone(),
            name: Some(format!("timeout after {}", after.text)),
            kind: ElementKind::Timer {
                host: node.id.clone(),
                after,
                interrupting: true,
            },
            lane: None,
        });
        let target = match block {
            Some(block) => self.error_end(scope, node, "timed_out", block, &edge.to),
            None => self.target_of(&node.id, &edge.to, None)?,
        };
        self.flow(scope, &timer, &target, None, None)?;
        Ok(())
    }

    /// A call activity and, when an `on END` line routes it, the gateway
    /// `CALL.end` choosing the way on by the end the called process
    /// reached (its default flow is the call's `next`).
    fn call(&mut self, node: &'a NodeInfo, scope: &mut Scope) -> Result<(), GraphError> {
        let edges = self.edges_from(&node.id);
        let routed = edges
            .iter()
            .any(|(_, edge)| matches!(edge.kind, EdgeKindName::Outcome));
        let (process, inputs) = node.call.as_ref().map_or_else(
            || (node.id.clone(), Vec::new()),
            |call| (xml_id(&call.process), call.inputs.clone()),
        );
        let lane = node
            .call
            .as_ref()
            .and_then(|call| self.owners.get(&call.process))
            .map(|(owner, _)| owner.clone());
        scope.elements.push(Element {
            id: node.id.clone(),
            name: Some(label(node).to_string()),
            kind: ElementKind::CallActivity(Call {
                process,
                inputs,
                routed,
            }),
            lane,
        });
        if !routed {
            for (_, edge) in edges {
                let target = self.target_of(&node.id, &edge.to, None)?;
                self.flow(scope, &node.id, &target, None, None)?;
            }
            return Ok(());
        }
        let gateway = format!("{}.end", node.id);
        let at = push_gateway(scope, &gateway, format!("{}: end reached", label(node)));
        self.flow(scope, &node.id, &gateway, None, None)?;
        let mut default = None;
        for (_, edge) in edges {
            let target = self.target_of(&node.id, &edge.to, None)?;
            match &edge.outcome {
                Some(end) => {
                    self.flow(
                        scope,
                        &gateway,
                        &target,
                        Some(end.clone()),
                        Some(FlowCondition::Ended(end.clone())),
                    )?;
                }
                None => {
                    default = Some(self.flow(
                        scope,
                        &gateway,
                        &target,
                        Some("next".to_string()),
                        None,
                    )?);
                }
            }
        }
        scope.elements[at].kind = ElementKind::Exclusive { default };
        Ok(())
    }

    /// The element a flow into `target` enters: the script task before a
    /// step several people sign (`STEP.tally`, SpiffWorkflow), before a
    /// step with a minimum period (`STEP.started`) or before an end of a
    /// called process (`END.reached`), else `target` itself.
    fn entry(&self, target: &str) -> String {
        match self.node(target) {
            Some(node) if matches!(node.kind, NodeKindName::Step) && self.tallied(node) => {
                format!("{target}.tally")
            }
            Some(node) if matches!(node.kind, NodeKindName::Step) && node.minimum.is_some() => {
                format!("{target}.started")
            }
            Some(node) if matches!(node.kind, NodeKindName::End) && self.called => {
                format!("{target}.reached")
            }
            _ => target.to_string(),
        }
    }

    /// The signers of an `all of` or `N of` step.
    fn signers(&self, node: &NodeInfo, outcomes: &[String]) -> Option<Signers> {
        let signing = node.signing.as_ref()?;
        match signing.mode {
            SigningMode::One | SigningMode::AnyOf => return None,
            SigningMode::AllOf | SigningMode::Quorum => {}
        }
        let failure = outcomes
            .iter()
            .find(|outcome| outcome.as_str() == "reject")
            .or_else(|| outcomes.iter().find(|outcome| outcome.as_str() != "next"))
            .cloned();
        Some(Signers {
            each: node
                .owners
                .iter()
                .map(|party| Assignment::of(std::slice::from_ref(party), self.document))
                .collect(),
            required: signing.required,
            failure,
        })
    }

    /// Where a way out of `node` taken at `moment` (done or rejected) leads
    /// when the step notifies someone then: the notifications of that
    /// moment are sent on the way to `target`. Returns the element the way
    /// out enters. Outside a block (or on the normal path) a parallel split
    /// `STEP.done` / `STEP.rejected` sends each notification on a branch
    /// of its own that ends when it is sent, so nothing waits for it; on an
    /// outcome leaving a block, whose error end withdraws the whole block,
    /// the notifications are sent one after the other before the error is
    /// thrown, so none is withdrawn unsent.
    fn told(
        &mut self,
        node: &NodeInfo,
        scope: &mut Scope,
        moment: NotifyMomentName,
        target: &str,
        leaving_block: Option<&str>,
    ) -> String {
        let told: Vec<&PartyInfo> = node
            .notifications
            .iter()
            .filter(|notification| same_moment(notification.when, moment))
            .map(|notification| &notification.to)
            .collect();
        if told.is_empty() {
            return target.to_string();
        }
        let target = &self.entry(target);
        let when = moment_name(moment);
        // Two ways out at the same moment (two outcomes) get a split each.
        let split = std::iter::once(format!("{}.{when}", node.id))
            .chain((2..).map(|n| format!("{}.{when}.{n}", node.id)))
            .find(|id| !scope.elements.iter().any(|element| &element.id == id))
            .unwrap_or_default();
        let notices: Vec<String> = told
            .iter()
            .enumerate()
            .map(|(at, party)| {
                let notice = format!("{split}.notification.{}", at + 1);
                scope.elements.push(Element {
                    id: notice.clone(),
                    name: Some(format!("Notify {}: {}", party.text, label(node))),
                    kind: ElementKind::Notification(self.notification(
                        "notification",
                        node,
                        std::slice::from_ref(*party),
                        ("when", when.to_string()),
                    )),
                    lane: None,
                });
                notice
            })
            .collect();
        if leaving_block.is_some() {
            let mut previous = target.to_string();
            for notice in notices.iter().rev() {
                scope.flows.push(unconditional(notice, &previous));
                previous = notice.clone();
            }
            return previous;
        }
        scope.elements.push(plain(
            &split,
            &format!("{when}: notify"),
            ElementKind::Parallel,
        ));
        scope.flows.push(unconditional(&split, target));
        for notice in notices {
            let end = format!("{notice}.end");
            scope
                .elements
                .push(plain(&end, "notified", ElementKind::End));
            scope.flows.push(unconditional(&split, &notice));
            scope.flows.push(unconditional(&notice, &end));
        }
        split
    }

    /// The notification service task's content: who, about what.
    fn notification(
        &self,
        kind: &'static str,
        node: &NodeInfo,
        to: &[PartyInfo],
        moment: (&'static str, String),
    ) -> Notification {
        let texts: Vec<&str> = to.iter().map(|party| party.text.as_str()).collect();
        Notification {
            kind,
            step: node.id.clone(),
            to: texts.join(", "),
            moment,
            recipient: Assignment::of(to, self.document).single_person(),
        }
    }

    /// Where an edge to `to` enters, as seen from a node in `block` (or at
    /// the top level): a branch step can only be entered from its block.
    fn target_of(&self, from: &str, to: &str, block: Option<&str>) -> Result<String, GraphError> {
        if let Some(&owner_block) = self.block_of.get(to)
            && block != Some(owner_block)
        {
            return Err(GraphError::BranchEnteredFromOutside {
                step: to.to_string(),
                block: owner_block.to_string(),
                from: from.to_string(),
            });
        }
        Ok(to.to_string())
    }

    /// An end event inside `block` throwing the error for `outcome` of
    /// `node`; returns its id.
    fn error_end(
        &mut self,
        scope: &mut Scope,
        node: &NodeInfo,
        outcome: &str,
        block: &str,
        target: &str,
    ) -> String {
        let error = format!("{}.{outcome}", node.id);
        self.errors.push(ErrorDefinition {
            id: error.clone(),
            name: format!("{} {outcome} in {block}", node.id),
            caught_as: format!("{}: {outcome}", node.id),
            target: target.to_string(),
        });
        let id = format!("{error}.end");
        scope.elements.push(Element {
            id: id.clone(),
            name: Some(outcome.to_string()),
            kind: ElementKind::ErrorEnd { error },
            lane: None,
        });
        id
    }

    /// The boundary timers of a step and the notification each sends:
    /// reminders (to its owners), escalations, and the `notify` lines of
    /// the moments `started` (a timer of zero, so it fires as the task
    /// opens) and `overdue` (a timer of the step's deadline).
    fn timers(&mut self, node: &NodeInfo, scope: &mut Scope) {
        let name = label(node);
        let mut timers: Vec<Timed> = Vec::new();
        for after in &node.reminders {
            timers.push(Timed {
                event: "remind",
                notice_id: "reminder",
                ended: "reminded",
                notice: self.notification(
                    "reminder",
                    node,
                    &node.owners,
                    ("after", after.text.clone()),
                ),
                after: after.clone(),
                title: format!("Reminder: {name}"),
                lane: None,
            });
        }
        for escalation in &node.escalations {
            let target = std::slice::from_ref(&escalation.target);
            let notice = self.notification(
                "escalation",
                node,
                target,
                ("after", escalation.after.text.clone()),
            );
            let lane = people::lane_of(target, self.document);
            let to = match &lane {
                Some(group) if notice.recipient.is_none() => self.role_label(group),
                _ => escalation.to.clone(),
            };
            timers.push(Timed {
                event: "escalate",
                notice_id: "escalation",
                ended: "escalated",
                notice,
                after: escalation.after.clone(),
                title: format!("Escalation to {to}: {name}"),
                lane,
            });
        }
        for notification in &node.notifications {
            let (event, notice_id, after) = match notification.when {
                NotifyMomentName::Started => ("started", "started.notification", immediately()),
                NotifyMomentName::Overdue => match &node.deadline {
                    Some(deadline) => ("overdue", "overdue.notification", deadline.clone()),
                    None => continue,
                },
                NotifyMomentName::Done | NotifyMomentName::Rejected => continue,
            };
            timers.push(Timed {
                event,
                notice_id,
                ended: "notified",
                notice: self.notification(
                    "notification",
                    node,
                    std::slice::from_ref(&notification.to),
                    ("when", event.to_string()),
                ),
                after,
                title: format!("Notify {}: {name}", notification.to.text),
                lane: None,
            });
        }
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for timed in timers {
            let count = counts.entry(timed.event).or_default();
            *count += 1;
            let timer = format!("{}.{}.{count}", node.id, timed.event);
            let notice = format!("{}.{}.{count}", node.id, timed.notice_id);
            let end = format!("{notice}.end");
            let timer_name = match timed.event {
                "started" => "started".to_string(),
                _ => format!("after {}", timed.after.text),
            };
            scope.elements.push(Element {
                id: timer.clone(),
                name: Some(timer_name),
                kind: ElementKind::Timer {
                    host: node.id.clone(),
                    after: timed.after,
                    interrupting: false,
                },
                lane: None,
            });
            scope.elements.push(Element {
                id: notice.clone(),
                name: Some(timed.title),
                kind: ElementKind::Notification(timed.notice),
                lane: timed.lane,
            });
            scope
                .elements
                .push(plain(&end, timed.ended, ElementKind::End));
            scope.flows.push(unconditional(&timer, &notice));
            scope.flows.push(unconditional(&notice, &end));
        }
    }

    /// The label of a role or department (owners may be either).
    /// The label of a role or department (owners may be either): of this
    /// process, else of the owner of a process it calls.
    fn role_label(&self, name: &str) -> String {
        owner_label(self.document, name)
            .or_else(|| {
                self.owners
                    .values()
                    .find(|(owner, _)| owner == name)
                    .map(|(_, label)| label.clone())
            })
            .unwrap_or_else(|| name.to_string())
    }

    fn decision(&mut self, node: &'a NodeInfo, scope: &mut Scope) -> Result<(), GraphError> {
        let mut default = None;
        let mut flows = Vec::new();
        for (index, edge) in self.edges_from(&node.id) {
            let target = self.target_of(&node.id, &edge.to, None)?;
            match edge.kind {
                EdgeKindName::Otherwise => {
                    flows.push((target, Some("otherwise".to_string()), None, true));
                }
                _ => flows.push((
                    target,
                    edge.condition_text.clone(),
                    Some(FlowCondition::Decision(index)),
                    false,
                )),
            }
        }
        let at = scope.elements.len();
        scope.elements.push(plain(
            &node.id,
            label(node),
            ElementKind::Exclusive { default: None },
        ));
        for (target, name, condition, is_default) in flows {
            let id = self.flow(scope, &node.id, &target, name, condition)?;
            if is_default {
                default = Some(id);
            }
        }
        scope.elements[at].kind = ElementKind::Exclusive { default };
        Ok(())
    }

    /// A parallel block: a collapsed sub-process with split, branches and
    /// join, error boundary events for outcomes leaving it, and the flow to
    /// the block's `next`.
    fn block(&mut self, node: &'a NodeInfo, scope: &mut Scope) -> Result<(), GraphError> {
        let block = node.id.as_str();
        let join = format!("{block}.join");
        let fork = format!("{block}.fork");
        let start = format!("{block}.start");
        let done = format!("{block}.end");
        let mut inner = Scope::default();
        inner
            .elements
            .push(plain(&start, "start", ElementKind::Start));
        inner
            .elements
            .push(plain(&fork, label(node), ElementKind::Parallel));
        inner.flows.push(unconditional(&start, &fork));
        let errors_before = self.errors.len();
        let mut first_owner = None;
        for (_, edge) in self.edges_from(block) {
            if !matches!(edge.kind, EdgeKindName::Branch) {
                continue;
            }
            let Some(branch) = self.node(&edge.to) else {
                continue;
            };
            first_owner = first_owner.or_else(|| branch.owner.as_ref().map(|o| o.name.clone()));
            self.flow(&mut inner, &fork, &branch.id, None, None)?;
            self.step(branch, &mut inner, Some(block))?;
        }
        inner
            .elements
            .push(plain(&join, "all done", ElementKind::Parallel));
        inner.elements.push(plain(&done, "done", ElementKind::End));
        inner.flows.push(unconditional(&join, &done));
        for element in &mut inner.elements {
            element.lane = None;
        }
        merge_multiple_entries(&mut inner);
        scope.elements.push(Element {
            id: block.to_string(),
            name: Some(label(node).to_string()),
            kind: ElementKind::SubProcess(Box::new(inner)),
            lane: first_owner,
        });
        for (_, edge) in self.edges_from(&join) {
            let target = self.target_of(block, &edge.to, None)?;
            self.flow(scope, block, &target, None, None)?;
        }
        let thrown: Vec<ErrorDefinition> = self.errors[errors_before..].to_vec();
        for error in thrown {
            let catch = format!("{}.caught", error.id);
            scope.elements.push(Element {
                id: catch.clone(),
                name: Some(error.caught_as.clone()),
                kind: ElementKind::ErrorCatch {
                    host: block.to_string(),
                    error: error.id.clone(),
                },
                lane: None,
            });
            let target = self.target_of(block, &error.target, None)?;
            self.flow(scope, &catch, &target, None, None)?;
        }
        Ok(())
    }

    /// Adds a flow into the element `target` is entered through
    /// ([`Builder::entry`]) and returns its id.
    fn flow(
        &self,
        scope: &mut Scope,
        source: &str,
        target: &str,
        name: Option<String>,
        condition: Option<FlowCondition>,
    ) -> Result<String, GraphError> {
        let target = self.entry(target);
        Ok(self.raw_flow(scope, source, &target, name, condition))
    }

    /// Adds a flow straight into `target` and returns its id
    /// (`SOURCE-TARGET`, `.2`, `.3`... when two flows join the same
    /// elements).
    fn raw_flow(
        &self,
        scope: &mut Scope,
        source: &str,
        target: &str,
        name: Option<String>,
        condition: Option<FlowCondition>,
    ) -> String {
        let id = unique_flow_id(scope, source, target);
        scope.flow_ids.insert(id.clone());
        scope.flows.push(Flow {
            id: id.clone(),
            source: source.to_string(),
            target: target.to_string(),
            name,
            condition,
        });
        id
    }

    /// Gives every top-level element a lane: its own role, else the lane
    /// of the element it is first reached from. Returns the lanes in
    /// order of first use.
    fn assign_lanes(&self, scope: &mut Scope) -> Vec<(String, String)> {
        let order = breadth_first(scope);
        let index: BTreeMap<String, usize> = scope
            .elements
            .iter()
            .enumerate()
            .map(|(at, element)| (element.id.clone(), at))
            .collect();
        for (id, parent) in &order {
            let at = index[id];
            if scope.elements[at].lane.is_some() {
                continue;
            }
            let inherited = parent
                .as_ref()
                .and_then(|parent| scope.elements[index[parent]].lane.clone());
            scope.elements[at].lane = inherited;
        }
        // Elements reached before any owned one (the start event) take the
        // lane of the first owned element after them.
        let first = order
            .iter()
            .find_map(|(id, _)| scope.elements[index[id]].lane.clone());
        let mut lanes: Vec<(String, String)> = Vec::new();
        for (id, _) in &order {
            let element = &mut scope.elements[index[id]];
            if element.lane.is_none() {
                element.lane = first.clone();
            }
            if let Some(lane) = &element.lane
                && !lanes.iter().any(|(name, _)| name == lane)
            {
                lanes.push((lane.clone(), self.role_label(lane)));
            }
        }
        lanes
    }
}

/// A boundary timer of a step and the notification it sends.
struct Timed {
    /// The timer's id part: `remind`, `escalate`, `started`, `overdue`.
    event: &'static str,
    /// The notification's id part: `reminder`, `escalation`,
    /// `started.notification`, `overdue.notification`.
    notice_id: &'static str,
    /// The name of the end event after it.
    ended: &'static str,
    notice: Notification,
    after: DurationInfo,
    title: String,
    lane: Option<String>,
}

/// A duration of nothing: the timer of a `notify ... when started` fires
/// as its task opens.
fn immediately() -> DurationInfo {
    DurationInfo {
        amount: 0,
        unit: UnitName::Minute,
        business: false,
        iso8601: Some("PT0S".to_string()),
        text: "0 minutes".to_string(),
    }
}

/// The word of a notification moment, as written in `.flow`.
fn moment_name(moment: NotifyMomentName) -> &'static str {
    match moment {
        NotifyMomentName::Started => "started",
        NotifyMomentName::Done => "done",
        NotifyMomentName::Rejected => "rejected",
        NotifyMomentName::Overdue => "overdue",
    }
}

fn same_moment(left: NotifyMomentName, right: NotifyMomentName) -> bool {
    moment_name(left) == moment_name(right)
}

fn label(node: &NodeInfo) -> &str {
    node.label.as_deref().unwrap_or(&node.id)
}

fn plain(id: &str, name: &str, kind: ElementKind) -> Element {
    Element {
        id: id.to_string(),
        name: Some(name.to_string()),
        kind,
        lane: None,
    }
}

/// Adds an exclusive gateway (its default flow set later) and returns its
/// index in the scope.
fn push_gateway(scope: &mut Scope, id: &str, name: String) -> usize {
    scope.elements.push(Element {
        id: id.to_string(),
        name: Some(name),
        kind: ElementKind::Exclusive { default: None },
        lane: None,
    });
    scope.elements.len() - 1
}

fn unconditional(source: &str, target: &str) -> Flow {
    Flow {
        id: format!("{source}-{target}"),
        source: source.to_string(),
        target: target.to_string(),
        name: None,
        condition: None,
    }
}

fn unique_flow_id(scope: &Scope, source: &str, target: &str) -> String {
    let base = format!("{source}-{target}");
    let taken = |id: &str| scope.flow_ids.contains(id);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}.{n}"))
        .find(|id| !taken(id))
        .expect("some suffix is free")
}

/// Redirects the flows into any element entered more than once (other
/// than a parallel join) through a new joining exclusive gateway.
fn merge_multiple_entries(scope: &mut Scope) {
    let mut incoming: BTreeMap<String, usize> = BTreeMap::new();
    for flow in &scope.flows {
        *incoming.entry(flow.target.clone()).or_default() += 1;
    }
    let merged: BTreeSet<String> = scope
        .elements
        .iter()
        .filter(|element| incoming.get(&element.id).copied().unwrap_or(0) > 1)
        .filter(|element| !matches!(element.kind, ElementKind::Parallel))
        .map(|element| element.id.clone())
        .collect();
    if merged.is_empty() {
        return;
    }
    let mut renamed: BTreeMap<String, usize> = BTreeMap::new();
    for (at, flow) in scope.flows.iter_mut().enumerate() {
        if merged.contains(&flow.target) {
            renamed.insert(flow.id.clone(), at);
            flow.target = format!("{}.merge", flow.target);
            flow.id = format!("{}-{}", flow.source, flow.target);
        }
    }
    let mut elements = Vec::with_capacity(scope.elements.len() + merged.len());
    for element in std::mem::take(&mut scope.elements) {
        if merged.contains(&element.id) {
            let merge = format!("{}.merge", element.id);
            scope.flows.push(unconditional(&merge, &element.id));
            elements.push(Element {
                id: merge,
                name: None,
                kind: ElementKind::Exclusive { default: None },
                lane: element.lane.clone(),
            });
        }
        elements.push(element);
    }
    scope.elements = elements;
    dedupe_flow_ids(scope);
    for element in &mut scope.elements {
        if let ElementKind::Exclusive {
            default: Some(default),
        } = &mut element.kind
            && let Some(&at) = renamed.get(default.as_str())
        {
            *default = scope.flows[at].id.clone();
        }
    }
}

fn dedupe_flow_ids(scope: &mut Scope) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for flow in &mut scope.flows {
        let count = seen.entry(flow.id.clone()).or_default();
        *count += 1;
        if *count > 1 {
            flow.id = format!("{}.{count}", flow.id);
        }
    }
}

/// Every element in breadth-first order from the start event over flows
/// and boundary attachments, with the element it was first reached from;
/// elements never reached follow in document order.
pub(crate) fn breadth_first(scope: &Scope) -> Vec<(String, Option<String>)> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for flow in &scope.flows {
        next.entry(&flow.source).or_default().push(&flow.target);
    }
    for element in &scope.elements {
        if let ElementKind::Timer { host, .. } | ElementKind::ErrorCatch { host, .. } =
            &element.kind
        {
            next.entry(host).or_default().push(&element.id);
        }
    }
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut order: Vec<(String, Option<String>)> = Vec::new();
    let mut queue = std::collections::VecDeque::new();
    for element in &scope.elements {
        if matches!(element.kind, ElementKind::Start) && seen.insert(&element.id) {
            queue.push_back((element.id.as_str(), None));
        }
    }
    loop {
        while let Some((id, parent)) = queue.pop_front() {
            order.push((id.to_string(), parent.map(str::to_string)));
            for &target in next.get(id).map(Vec::as_slice).unwrap_or(&[]) {
                if seen.insert(target) {
                    queue.push_back((target, Some(id)));
                }
            }
        }
        match scope
            .elements
            .iter()
            .find(|element| !seen.contains(element.id.as_str()))
        {
            Some(element) => {
                seen.insert(&element.id);
                queue.push_back((&element.id, None));
            }
            None => break,
        }
    }
    order
}

/// The id of the lane of `role`.
pub(crate) fn lane_id(role: &str) -> String {
    xml_id(&format!("lane.{role}"))
}

/// A name as an XML id that BPMN tools accept: ASCII letters, digits, `_`,
/// `.` and `-` are kept; any other character is written `_xHHHH_` with its
/// Unicode code point in hexadecimal (the encoding of .NET's
/// `XmlConvert.EncodeName`), so `報銷` becomes `_x5831__x92B7_`. Names
/// made of ASCII letters, digits and `_` are their own id.
pub fn xml_id(name: &str) -> String {
    let mut id = String::with_capacity(name.len());
    for character in name.chars() {
        if character.is_ascii_alphanumeric() || matches!(character, '_' | '.' | '-') {
            id.push(character);
        } else {
            id.push_str(&format!("_x{:04X}_", u32::from(character)));
        }
    }
    id
}

/// Writes every id of the scope (and of its sub-processes) as an XML id.
fn encode_ids(scope: &mut Scope) {
    for element in &mut scope.elements {
        element.id = xml_id(&element.id);
        match &mut element.kind {
            ElementKind::Exclusive {
                default: Some(default),
            } => *default = xml_id(default),
            ElementKind::Timer { host, .. } => *host = xml_id(host),
            ElementKind::ErrorCatch { host, error } => {
                *host = xml_id(host);
                *error = xml_id(error);
            }
            ElementKind::ErrorEnd { error } => *error = xml_id(error),
            ElementKind::SubProcess(inner) => encode_ids(inner),
            _ => {}
        }
    }
    for flow in &mut scope.flows {
        flow.id = xml_id(&flow.id);
        flow.source = xml_id(&flow.source);
        flow.target = xml_id(&flow.target);
    }
}

fn check_unique_ids(
    scope: &Scope,
    errors: &[ErrorDefinition],
    fixed: &[String],
) -> Result<(), GraphError> {
    let mut seen = BTreeSet::new();
    let mut ids: Vec<&str> = errors.iter().map(|error| error.id.as_str()).collect();
    ids.extend(fixed.iter().map(String::as_str));
    collect_ids(scope, &mut ids);
    for id in ids {
        if !seen.insert(id) {
            return Err(GraphError::DuplicateId(id.to_string()));
        }
    }
    Ok(())
}

fn collect_ids<'s>(scope: &'s Scope, ids: &mut Vec<&'s str>) {
    for element in &scope.elements {
        ids.push(&element.id);
        if let ElementKind::SubProcess(inner) = &element.kind {
            collect_ids(inner, ids);
        }
    }
    ids.extend(scope.flows.iter().map(|flow| flow.id.as_str()));
}
