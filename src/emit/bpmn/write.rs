//! Writes a BPMN graph as XML in one dialect, with quick-xml (every name
//! and expression escaped by the writer), and its diagram (BPMN DI).

use std::collections::BTreeMap;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::form::form_id;
use super::graph::{
    Element, ElementKind, FlowCondition, Graph, NOTIFICATION_JOB, Notification, Scope, Signers,
    Task, lane_id, signer_variable, vote_variable, votes_variable,
};
use super::layout::{self, Bounds, Layout};
use super::people::{Assignment, person};
use super::{Dialect, EXECUTION_PLATFORM_VERSION, condition, iso_duration};
use crate::ir::ProcessDocument;
use crate::model::calendar::Calendar;

const BPMN: &str = "http://www.omg.org/spec/BPMN/20100524/MODEL";
const BPMNDI: &str = "http://www.omg.org/spec/BPMN/20100524/DI";
const DC: &str = "http://www.omg.org/spec/DD/20100524/DC";
const DI: &str = "http://www.omg.org/spec/DD/20100524/DI";
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
const ZEEBE: &str = "http://camunda.org/schema/zeebe/1.0";
const MODELER: &str = "http://camunda.org/schema/modeler/1.0";
const SPIFF: &str = "http://spiffworkflow.org/bpmn/schema/1.0/core";

/// The BPMN document of one process.
pub fn document(
    document: &ProcessDocument,
    graph: &Graph,
    calendar: &Calendar,
    dialect: Dialect,
) -> String {
    let writer = BpmnWriter {
        xml: Xml::new(),
        document,
        graph,
        calendar,
        dialect,
    };
    writer.write()
}

/// A thin layer over quick-xml's writer for a document held in memory.
struct Xml {
    writer: Writer<Vec<u8>>,
}

/// `text` without the characters XML 1.0 cannot hold, even escaped (the
/// control characters but tab, line feed and carriage return; U+FFFE and
/// U+FFFF), which a label may contain: the file stays well-formed, as the
/// SVG's text does ([`crate::emit::svg::escape`] drops control characters).
fn xml_characters(text: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    if text.chars().all(allowed) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    }
}

impl Xml {
    fn new() -> Self {
        Xml {
            writer: Writer::new_with_indent(Vec::new(), b' ', 2),
        }
    }

    fn event(&mut self, event: Event<'_>) {
        self.writer
            .write_event(event)
            .expect("writing XML to memory cannot fail");
    }

    fn element(name: &str, attributes: &[(&str, &str)]) -> BytesStart<'static> {
        let mut element = BytesStart::new(name.to_string());
        for &(key, value) in attributes {
            element.push_attribute((key, xml_characters(value).as_ref()));
        }
        element
    }

    fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.event(Event::Start(Self::element(name, attributes)));
    }

    fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name.to_string())));
    }

    fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.event(Event::Empty(Self::element(name, attributes)));
    }

    fn text(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.open(name, attributes);
        self.event(Event::Text(BytesText::new(&xml_characters(text))));
        self.close(name);
    }

    fn finish(self) -> String {
        let mut text =
            String::from_utf8(self.writer.into_inner()).expect("the writer writes UTF-8");
        text.push('\n');
        text
    }
}

/// SpiffWorkflow: the task's post-script, which stops the instance with an
/// error naming the step (in SpiffWorkflow's message) and the allowed
/// outcomes when the completion left `outcome` unset or unknown.
fn outcome_check(step: &str, outcomes: &[String]) -> String {
    let allowed: Vec<String> = outcomes
        .iter()
        .map(|outcome| condition::string(outcome, Dialect::Spiff))
        .collect();
    let allowed = allowed.join(", ");
    format!(
        "if outcome not in [{allowed}]:\n    raise ValueError({message} + repr(outcome))",
        message = condition::string(
            &format!(
                "step {step}: outcome must be one of {}, got ",
                outcomes.join(", ")
            ),
            Dialect::Spiff
        )
    )
}

/// The number of approvals (`next` votes) of a multi-signer step, as an
/// expression of `dialect`.
fn approvals(step: &str, dialect: Dialect) -> String {
    let votes = votes_variable(step);
    match dialect {
        Dialect::Zeebe => format!("count({votes}[item = \"next\"])"),
        Dialect::Spiff => format!("{votes}.count(\"next\")"),
    }
}

/// When the instances of a multi-signer step are done: `required`
/// approvals are in, or (for a step that can be rejected) more signers
/// voted against than may for `required` to be reached. Zeebe evaluates it
/// with the output collection holding every vote so far (`null` for
/// instances still open); SpiffWorkflow in the data of the instance just
/// completed, which holds its own vote only (its data is copied when the
/// instances are created), so there it completes on the first vote against
/// when every signer must approve, and otherwise when every signer voted.
fn completion_condition(step: &str, signers: &Signers, dialect: Dialect) -> String {
    let required = signers.required;
    let against = signers.each.len() as u64 - u64::from(required);
    match dialect {
        Dialect::Zeebe => {
            let votes = votes_variable(step);
            let approved = format!("{} >= {required}", approvals(step, dialect));
            match signers.failure {
                Some(_) => format!(
                    "= {approved} or count({votes}[item != null and item != \"next\"]) > {against}"
                ),
                None => format!("= {approved}"),
            }
        }
        Dialect::Spiff => match (&signers.failure, against) {
            (Some(_), 0) => format!("{} != \"next\"", vote_variable(step)),
            _ => "False".to_string(),
        },
    }
}

/// The attributes of a Zeebe task's `zeebe:assignmentDefinition`: one
/// person of the applicant's line as its assignee (a FEEL expression),
/// else candidate groups (static) and candidate users (a FEEL list); a
/// signer's instance takes both from its `signer`.
fn zeebe_assignment(task: &Task) -> Vec<(&'static str, String)> {
    if task.signers.is_some() {
        return vec![
            ("candidateGroups", "=signer.groups".to_string()),
            ("candidateUsers", "=signer.users".to_string()),
        ];
    }
    let assignment = &task.assignment;
    if let Some(level) = assignment.single_person() {
        return vec![("assignee", format!("={}", person(level, Dialect::Zeebe)))];
    }
    let mut attributes = vec![("candidateGroups", assignment.groups_text())];
    if !assignment.applicant_line.is_empty() {
        attributes.push((
            "candidateUsers",
            format!("={}", assignment.users_expression(Dialect::Zeebe)),
        ));
    }
    attributes
}

/// The assignment properties of a SpiffWorkflow task: `candidateGroups`
/// (comma-separated names); `assigneeExpression` or
/// `candidateUsersExpression` (Python over the task's data) for the
/// applicant's line; a signer's instance indexes the lists of every signer
/// with its `STEP_signer`.
fn spiff_assignment(task: &Task) -> Vec<(&'static str, String)> {
    if let Some(signers) = &task.signers {
        let index = signer_variable(&task.step);
        let each = |list: fn(&Assignment) -> String| {
            let lists: Vec<String> = signers.each.iter().map(list).collect();
            format!("[{}][{index}]", lists.join(", "))
        };
        return vec![
            (
                "candidateGroupsExpression",
                each(|signer| signer.groups_expression(Dialect::Spiff)),
            ),
            (
                "candidateUsersExpression",
                each(|signer| signer.users_expression(Dialect::Spiff)),
            ),
        ];
    }
    let assignment = &task.assignment;
    if let Some(level) = assignment.single_person() {
        return vec![("assigneeExpression", person(level, Dialect::Spiff))];
    }
    let mut properties = vec![("candidateGroups", assignment.groups_text())];
    if !assignment.applicant_line.is_empty() {
        properties.push((
            "candidateUsersExpression",
            assignment.users_expression(Dialect::Spiff),
        ));
    }
    properties
}

struct BpmnWriter<'a> {
    xml: Xml,
    document: &'a ProcessDocument,
    graph: &'a Graph,
    calendar: &'a Calendar,
    dialect: Dialect,
}

impl BpmnWriter<'_> {
    fn write(mut self) -> String {
        let process = &self.document.process;
        let title = process
            .label
            .clone()
            .unwrap_or_else(|| process.name.clone());
        let process_id = self.graph.id.clone();
        let definitions_id = format!("{process_id}.definitions");
        self.xml
            .event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        let mut attributes = vec![
            ("xmlns:bpmn", BPMN),
            ("xmlns:bpmndi", BPMNDI),
            ("xmlns:dc", DC),
            ("xmlns:di", DI),
            ("xmlns:xsi", XSI),
        ];
        match self.dialect {
            Dialect::Zeebe => attributes.extend([
                ("xmlns:zeebe", ZEEBE),
                ("xmlns:modeler", MODELER),
                ("modeler:executionPlatform", "Camunda Cloud"),
                (
                    "modeler:executionPlatformVersion",
                    EXECUTION_PLATFORM_VERSION,
                ),
            ]),
            Dialect::Spiff => attributes.push(("xmlns:spiffworkflow", SPIFF)),
        }
        attributes.extend([
            ("id", definitions_id.as_str()),
            ("targetNamespace", "http://bpmn.io/schema/bpmn"),
            ("exporter", "flowc"),
            ("exporterVersion", env!("CARGO_PKG_VERSION")),
        ]);
        self.xml.open("bpmn:definitions", &attributes);
        let collaboration = format!("{process_id}.collaboration");
        let participant = format!("{process_id}.participant");
        let has_pool = !self.graph.lanes.is_empty();
        if has_pool {
            self.xml
                .open("bpmn:collaboration", &[("id", &collaboration)]);
            self.xml.empty(
                "bpmn:participant",
                &[
                    ("id", &participant),
                    ("name", &title),
                    ("processRef", &process_id),
                ],
            );
            self.xml.close("bpmn:collaboration");
        }
        for error in &self.graph.errors {
            self.xml.empty(
                "bpmn:error",
                &[
                    ("id", &error.id),
                    ("name", &error.name),
                    ("errorCode", &error.id),
                ],
            );
        }
        self.xml.open(
            "bpmn:process",
            &[
                ("id", &process_id),
                ("name", &title),
                ("isExecutable", "true"),
            ],
        );
        self.lane_set();
        if self.dialect == Dialect::Spiff {
            self.vote_collections(&self.graph.process);
        }
        self.scope(&self.graph.process);
        self.xml.close("bpmn:process");
        let lanes: Vec<String> = self
            .graph
            .lanes
            .iter()
            .map(|(name, _)| name.clone())
            .collect();
        let main = layout::layout(&self.graph.process, &lanes);
        let plane_element = if has_pool {
            &collaboration
        } else {
            &process_id
        };
        self.diagram(
            &process_id,
            plane_element,
            &self.graph.process,
            &main,
            has_pool.then_some(&participant),
        );
        for element in &self.graph.process.elements {
            if let ElementKind::SubProcess(inner) = &element.kind {
                let inner_layout = layout::layout(inner, &[]);
                self.diagram(&element.id, &element.id, inner, &inner_layout, None);
            }
        }
        self.xml.close("bpmn:definitions");
        self.xml.finish()
    }

    fn lane_set(&mut self) {
        if self.graph.lanes.is_empty() {
            return;
        }
        let process = &self.graph.id;
        self.xml
            .open("bpmn:laneSet", &[("id", &format!("{process}.lanes"))]);
        for (role, label) in &self.graph.lanes {
            self.xml.open(
                "bpmn:lane",
                &[("id", &lane_id(role)), ("name", label.as_str())],
            );
            for element in &self.graph.process.elements {
                if element.lane.as_deref() == Some(role.as_str()) {
                    self.xml.text("bpmn:flowNodeRef", &[], &element.id);
                }
            }
            self.xml.close("bpmn:lane");
        }
        self.xml.close("bpmn:laneSet");
    }

    fn scope(&mut self, scope: &Scope) {
        let mut incoming: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        let mut outgoing: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for flow in &scope.flows {
            incoming.entry(&flow.target).or_default().push(&flow.id);
            outgoing.entry(&flow.source).or_default().push(&flow.id);
        }
        for element in &scope.elements {
            let flows = (
                incoming
                    .get(element.id.as_str())
                    .map(Vec::as_slice)
                    .unwrap_or(&[]),
                outgoing
                    .get(element.id.as_str())
                    .map(Vec::as_slice)
                    .unwrap_or(&[]),
            );
            self.element(element, flows);
        }
        for flow in &scope.flows {
            let mut attributes = vec![
                ("id", flow.id.as_str()),
                ("sourceRef", flow.source.as_str()),
                ("targetRef", flow.target.as_str()),
            ];
            if let Some(name) = &flow.name {
                attributes.push(("name", name));
            }
            let Some(condition) = &flow.condition else {
                self.xml.empty("bpmn:sequenceFlow", &attributes);
                continue;
            };
            let expression = match condition {
                FlowCondition::Outcome(outcome) => condition::outcome_is(outcome, self.dialect),
                FlowCondition::Approved { step, required } => {
                    format!("{} >= {required}", approvals(step, self.dialect))
                }
                FlowCondition::NotApproved { step, required } => {
                    format!("{} < {required}", approvals(step, self.dialect))
                }
                FlowCondition::Decision(index) => self.document.edges[*index]
                    .condition
                    .as_ref()
                    .map(|condition| condition::expression(condition, self.dialect))
                    .unwrap_or_default(),
            };
            let expression = match self.dialect {
                Dialect::Zeebe => format!("= {expression}"),
                Dialect::Spiff => expression,
            };
            self.xml.open("bpmn:sequenceFlow", &attributes);
            self.xml.text(
                "bpmn:conditionExpression",
                &[("xsi:type", "bpmn:tFormalExpression")],
                &expression,
            );
            self.xml.close("bpmn:sequenceFlow");
        }
    }

    fn element(&mut self, element: &Element, (incoming, outgoing): (&[&str], &[&str])) {
        let tag = match &element.kind {
            ElementKind::Start => "bpmn:startEvent",
            ElementKind::End | ElementKind::ErrorEnd { .. } => "bpmn:endEvent",
            ElementKind::UserTask(_) => "bpmn:userTask",
            ElementKind::Notification(_) => "bpmn:serviceTask",
            ElementKind::Exclusive { .. } => "bpmn:exclusiveGateway",
            ElementKind::Parallel => "bpmn:parallelGateway",
            ElementKind::SubProcess(_) => "bpmn:subProcess",
            ElementKind::Timer { .. } | ElementKind::ErrorCatch { .. } => "bpmn:boundaryEvent",
        };
        let mut attributes: Vec<(&str, &str)> = vec![("id", &element.id)];
        if let Some(name) = &element.name {
            attributes.push(("name", name));
        }
        match &element.kind {
            ElementKind::Exclusive {
                default: Some(default),
            } => attributes.push(("default", default)),
            ElementKind::Timer { host, .. } => {
                attributes.extend([
                    ("cancelActivity", "false"),
                    ("attachedToRef", host.as_str()),
                ]);
            }
            ElementKind::ErrorCatch { host, .. } => attributes.push(("attachedToRef", host)),
            _ => {}
        }
        self.xml.open(tag, &attributes);
        match &element.kind {
            ElementKind::UserTask(task) => self.task_extensions(task),
            ElementKind::Notification(notification) => self.notification_extensions(notification),
            _ => {}
        }
        for flow in incoming {
            self.xml.text("bpmn:incoming", &[], flow);
        }
        for flow in outgoing {
            self.xml.text("bpmn:outgoing", &[], flow);
        }
        if let ElementKind::UserTask(Task {
            step,
            signers: Some(signers),
            ..
        }) = &element.kind
        {
            self.multi_instance(step, signers);
        }
        match &element.kind {
            ElementKind::SubProcess(inner) => {
                if self.dialect == Dialect::Spiff {
                    self.vote_collections(inner);
                }
                self.scope(inner)
            }
            ElementKind::Timer { after, .. } => {
                let duration = iso_duration(after, self.calendar);
                let expression = match self.dialect {
                    Dialect::Zeebe => duration,
                    Dialect::Spiff => format!("\"{duration}\""),
                };
                self.xml.open(
                    "bpmn:timerEventDefinition",
                    &[("id", &format!("{}.definition", element.id))],
                );
                self.xml.text(
                    "bpmn:timeDuration",
                    &[("xsi:type", "bpmn:tFormalExpression")],
                    &expression,
                );
                self.xml.close("bpmn:timerEventDefinition");
            }
            ElementKind::ErrorEnd { error } | ElementKind::ErrorCatch { error, .. } => {
                self.xml.empty(
                    "bpmn:errorEventDefinition",
                    &[
                        ("id", &format!("{}.definition", element.id)),
                        ("errorRef", error),
                    ],
                );
            }
            _ => {}
        }
        self.xml.close(tag);
    }

    fn task_extensions(&mut self, task: &Task) {
        let deadline = task
            .deadline
            .as_ref()
            .map(|deadline| (iso_duration(deadline, self.calendar), deadline.text.clone()));
        self.xml.open("bpmn:extensionElements", &[]);
        match self.dialect {
            Dialect::Zeebe => {
                self.xml.empty("zeebe:userTask", &[]);
                self.xml.empty(
                    "zeebe:formDefinition",
                    &[("formId", &form_id(self.graph, task))],
                );
                let assignment = zeebe_assignment(task);
                let attributes: Vec<(&str, &str)> = assignment
                    .iter()
                    .map(|(key, value)| (*key, value.as_str()))
                    .collect();
                self.xml.empty("zeebe:assignmentDefinition", &attributes);
                if let Some((iso, _)) = &deadline {
                    self.xml.empty(
                        "zeebe:taskSchedule",
                        &[("dueDate", &format!("=now() + duration(\"{iso}\")"))],
                    );
                }
                match (&task.signers, task.outcomes.is_empty()) {
                    (Some(_), _) => self.vote_mapping(),
                    (None, false) => self.outcome_mapping(),
                    (None, true) => {}
                }
            }
            Dialect::Spiff => {
                self.xml.open("spiffworkflow:properties", &[]);
                for (name, value) in spiff_assignment(task) {
                    self.xml.empty(
                        "spiffworkflow:property",
                        &[("name", name), ("value", &value)],
                    );
                }
                if let Some((iso, text)) = &deadline {
                    self.xml.empty(
                        "spiffworkflow:property",
                        &[("name", "dueIn"), ("value", iso)],
                    );
                    self.xml.empty(
                        "spiffworkflow:property",
                        &[("name", "deadline"), ("value", text)],
                    );
                }
                self.xml.close("spiffworkflow:properties");
                let mut allowed = task.outcomes.clone();
                if task.signers.is_some() && allowed.is_empty() {
                    allowed.push("next".to_string());
                }
                if !allowed.is_empty() {
                    self.xml
                        .text("spiffworkflow:preScript", &[], "outcome = None");
                    let mut check = outcome_check(&task.step, &allowed);
                    if task.signers.is_some() {
                        check.push_str(&format!("\n{} = outcome", vote_variable(&task.step)));
                    }
                    self.xml.text("spiffworkflow:postScript", &[], &check);
                }
            }
        }
        self.xml.close("bpmn:extensionElements");
    }

    /// The multi-instance marker of an `all of` or `N of` step: one
    /// parallel instance per signer, completed as soon as `required`
    /// approvals are in or can no longer be reached (docs/bpmn.md).
    fn multi_instance(&mut self, step: &str, signers: &Signers) {
        let votes = votes_variable(step);
        match self.dialect {
            Dialect::Zeebe => {
                self.xml.open("bpmn:multiInstanceLoopCharacteristics", &[]);
                self.xml.open("bpmn:extensionElements", &[]);
                let collection = format!(
                    "=[{}]",
                    signers
                        .each
                        .iter()
                        .map(|signer| format!(
                            "{{groups: {}, users: {}}}",
                            signer.groups_expression(Dialect::Zeebe),
                            signer.users_expression(Dialect::Zeebe)
                        ))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                self.xml.empty(
                    "zeebe:loopCharacteristics",
                    &[
                        ("inputCollection", &collection),
                        ("inputElement", "signer"),
                        ("outputCollection", &votes),
                        ("outputElement", "=outcome"),
                    ],
                );
                self.xml.close("bpmn:extensionElements");
            }
            Dialect::Spiff => {
                self.xml.open(
                    "bpmn:multiInstanceLoopCharacteristics",
                    &[("spiffworkflow:scriptsOnInstances", "true")],
                );
                self.xml.text(
                    "bpmn:loopCardinality",
                    &[("xsi:type", "bpmn:tFormalExpression")],
                    &signers.each.len().to_string(),
                );
                self.xml.text("bpmn:loopDataOutputRef", &[], &votes);
                let signer = signer_variable(step);
                self.xml
                    .empty("bpmn:inputDataItem", &[("id", &signer), ("name", &signer)]);
                let vote = vote_variable(step);
                self.xml
                    .empty("bpmn:outputDataItem", &[("id", &vote), ("name", &vote)]);
            }
        }
        self.xml.text(
            "bpmn:completionCondition",
            &[("xsi:type", "bpmn:tFormalExpression")],
            &completion_condition(step, signers, self.dialect),
        );
        self.xml.close("bpmn:multiInstanceLoopCharacteristics");
    }

    /// SpiffWorkflow: a data object for the votes of every multi-signer
    /// step of `scope` (not of its sub-processes), the element the step's
    /// `loopDataOutputRef` names.
    fn vote_collections(&mut self, scope: &Scope) {
        for element in &scope.elements {
            if let ElementKind::UserTask(Task {
                step,
                signers: Some(_),
                ..
            }) = &element.kind
            {
                let votes = votes_variable(step);
                self.xml
                    .empty("bpmn:dataObject", &[("id", &votes), ("name", &votes)]);
            }
        }
    }

    /// Zeebe, a signer's instance of a multi-signer step: `outcome` is
    /// local to the instance, `null` when it opens; the instance's
    /// `outcome` is its vote (the output element), and nothing else leaves
    /// it.
    fn vote_mapping(&mut self) {
        self.xml.open("zeebe:ioMapping", &[]);
        self.xml
            .empty("zeebe:input", &[("source", "=null"), ("target", "outcome")]);
        self.xml.close("zeebe:ioMapping");
    }

    /// Zeebe: `outcome` is a local variable of the task, `null` when it is
    /// created, copied out when it is completed: only this task's
    /// completion sets the `outcome` its gateway routes on.
    fn outcome_mapping(&mut self) {
        self.xml.open("zeebe:ioMapping", &[]);
        self.xml
            .empty("zeebe:input", &[("source", "=null"), ("target", "outcome")]);
        self.xml.empty(
            "zeebe:output",
            &[("source", "=outcome"), ("target", "outcome")],
        );
        self.xml.close("zeebe:ioMapping");
    }

    /// The job (Zeebe) or service call (SpiffWorkflow) of a reminder or
    /// escalation, with what the notification worker needs to send it.
    fn notification_extensions(&mut self, notification: &Notification) {
        let (moment, when) = &notification.moment;
        let fields = [
            ("kind", notification.kind),
            ("step", notification.step.as_str()),
            ("to", notification.to.as_str()),
            (*moment, when.as_str()),
        ];
        self.xml.open("bpmn:extensionElements", &[]);
        match self.dialect {
            Dialect::Zeebe => {
                self.xml
                    .empty("zeebe:taskDefinition", &[("type", NOTIFICATION_JOB)]);
                if let Some(level) = notification.recipient {
                    self.xml.open("zeebe:ioMapping", &[]);
                    self.xml.empty(
                        "zeebe:input",
                        &[
                            ("source", &format!("={}", person(level, Dialect::Zeebe))),
                            ("target", "recipient"),
                        ],
                    );
                    self.xml.close("zeebe:ioMapping");
                }
                self.xml.open("zeebe:taskHeaders", &[]);
                for (key, value) in fields {
                    self.xml
                        .empty("zeebe:header", &[("key", key), ("value", value)]);
                }
                self.xml.close("zeebe:taskHeaders");
            }
            Dialect::Spiff => {
                self.xml.open(
                    "spiffworkflow:serviceTaskOperator",
                    &[("id", NOTIFICATION_JOB)],
                );
                self.xml.open("spiffworkflow:parameters", &[]);
                let recipient = notification
                    .recipient
                    .map(|level| ("recipient", person(level, Dialect::Spiff)));
                let fields = fields
                    .into_iter()
                    .map(|(key, value)| (key, condition::string(value, Dialect::Spiff)))
                    .chain(recipient);
                for (key, value) in fields {
                    self.xml.empty(
                        "spiffworkflow:parameter",
                        &[("id", key), ("type", "str"), ("value", &value)],
                    );
                }
                self.xml.close("spiffworkflow:parameters");
                self.xml.close("spiffworkflow:serviceTaskOperator");
            }
        }
        self.xml.close("bpmn:extensionElements");
    }

    fn diagram(
        &mut self,
        id: &str,
        plane_element: &str,
        scope: &Scope,
        layout: &Layout,
        participant: Option<&String>,
    ) {
        self.xml
            .open("bpmndi:BPMNDiagram", &[("id", &format!("{id}.diagram"))]);
        self.xml.open(
            "bpmndi:BPMNPlane",
            &[
                ("id", &format!("{id}.plane")),
                ("bpmnElement", plane_element),
            ],
        );
        if let (Some(participant), Some(pool)) = (participant, layout.pool) {
            self.shape(participant, pool, &[("isHorizontal", "true")]);
            for (role, bounds) in &layout.lanes {
                self.shape(&lane_id(role), *bounds, &[("isHorizontal", "true")]);
            }
        }
        for element in &scope.elements {
            let Some(bounds) = layout.shapes.get(&element.id) else {
                continue;
            };
            let extra: &[(&str, &str)] = match element.kind {
                ElementKind::SubProcess(_) => &[("isExpanded", "false")],
                _ => &[],
            };
            self.shape(&element.id, *bounds, extra);
        }
        for flow in &scope.flows {
            let Some(points) = layout.waypoints.get(&flow.id) else {
                continue;
            };
            self.xml.open(
                "bpmndi:BPMNEdge",
                &[
                    ("id", &format!("{}.di", flow.id)),
                    ("bpmnElement", &flow.id),
                ],
            );
            for (x, y) in points {
                self.xml.empty(
                    "di:waypoint",
                    &[("x", &x.to_string()), ("y", &y.to_string())],
                );
            }
            self.xml.close("bpmndi:BPMNEdge");
        }
        self.xml.close("bpmndi:BPMNPlane");
        self.xml.close("bpmndi:BPMNDiagram");
    }

    fn shape(&mut self, id: &str, bounds: Bounds, extra: &[(&str, &str)]) {
        let shape_id = format!("{id}.di");
        let mut attributes = vec![("id", shape_id.as_str()), ("bpmnElement", id)];
        attributes.extend_from_slice(extra);
        self.xml.open("bpmndi:BPMNShape", &attributes);
        self.xml.empty(
            "dc:Bounds",
            &[
                ("x", &bounds.x.to_string()),
                ("y", &bounds.y.to_string()),
                ("width", &bounds.width.to_string()),
                ("height", &bounds.height.to_string()),
            ],
        );
        self.xml.close("bpmndi:BPMNShape");
    }
}
