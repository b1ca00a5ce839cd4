//! Writes a BPMN graph as XML in one dialect, with quick-xml (every name
//! and expression escaped by the writer), and its diagram (BPMN DI).

use std::collections::BTreeMap;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::form::form_id;
use super::graph::{
    Call, END_VARIABLE, Element, ElementKind, FlowCondition, Graph, NOTIFICATION_JOB, Notification,
    Scope, Script, Signers, Task, lane_id, minimum_over_variable, minimum_until_variable,
    signer_variable, tally_variable, vote_variable, votes_variable,
};
use super::layout::{self, Bounds, Layout};
use super::people::{Assignment, person};
use super::{Dialect, EXECUTION_PLATFORM_VERSION, condition, due, iso_duration};
use crate::ir::{InputTypeInfo, ProcessDocument, RecordInfo};
use crate::model::calendar::Calendar;

const BPMN: &str = "http://www.omg.org/spec/BPMN/20100524/MODEL";
const BPMNDI: &str = "http://www.omg.org/spec/BPMN/20100524/DI";
const DC: &str = "http://www.omg.org/spec/DD/20100524/DC";
const DI: &str = "http://www.omg.org/spec/DD/20100524/DI";
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
const ZEEBE: &str = "http://camunda.org/schema/zeebe/1.0";
const MODELER: &str = "http://camunda.org/schema/modeler/1.0";
const SPIFF: &str = "http://spiffworkflow.org/bpmn/schema/1.0/core";

/// The BPMN document of one process; `called` when another process of the
/// build calls it.
pub fn document(
    document: &ProcessDocument,
    graph: &Graph,
    calendar: &Calendar,
    dialect: Dialect,
    called: bool,
) -> String {
    let writer = BpmnWriter {
        xml: Xml::new(),
        document,
        graph,
        calendar,
        dialect,
        called,
        dates: condition::date_values(document),
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

/// SpiffWorkflow: what the scripts of a minimum period import, from the
/// module SpiffWorkflow's timers use (so they read the same clock).
const SPIFF_TIMER_IMPORT: &str = "from SpiffWorkflow.bpmn.specs.event_definitions.timer import TimerEventDefinition, datetime, timezone";

/// SpiffWorkflow: the current time in a timer expression, from the clock
/// SpiffWorkflow's timers read (the script lines import it with
/// [`SPIFF_TIMER_IMPORT`]; an expression cannot).
const SPIFF_TIMER_NOW: &str = "__import__(\"SpiffWorkflow.bpmn.specs.event_definitions.timer\", fromlist=[\"datetime\"]).datetime.now(__import__(\"datetime\").timezone.utc)";

/// SpiffWorkflow: the pre- and post-script lines of a user task. Before:
/// `outcome` and each recorded value are cleared. After: the outcome must
/// be one of the allowed ones (a signer's copied into its vote); each
/// recorded value must be set and of its type; a step with a minimum
/// period notes whether the period is over.
fn spiff_task_scripts(task: &Task) -> (Vec<String>, Vec<String>) {
    let mut before = Vec::new();
    let mut after = Vec::new();
    let mut allowed = task.outcomes.clone();
    if task.signers.is_some() && allowed.is_empty() {
        allowed.push("next".to_string());
    }
    if !allowed.is_empty() {
        before.push("outcome = None".to_string());
        after.push(outcome_check(&task.step, &allowed));
        if task.signers.is_some() {
            after.push(format!("{} = outcome", vote_variable(&task.step)));
            after.push(format!(
                "{}[\"votes\"].append(outcome)",
                tally_variable(&task.step)
            ));
        }
    }
    for record in &task.records {
        before.push(format!("{} = None", record.name));
        after.push(record_check(&task.step, record));
    }
    if task.minimum.is_some() {
        after.push(format!(
            "{SPIFF_TIMER_IMPORT}\n{} = datetime.now(timezone.utc) >= datetime.fromisoformat({})",
            minimum_over_variable(&task.step),
            minimum_until_variable(&task.step)
        ));
    }
    (before, after)
}

/// SpiffWorkflow: the check that a recorded value was set, of its type.
fn record_check(step: &str, record: &RecordInfo) -> String {
    let name = &record.name;
    let (test, kind) = match &record.kind {
        InputTypeInfo::YesNo => (format!("isinstance({name}, bool)"), "yes/no".to_string()),
        InputTypeInfo::Money { currency } => (
            format!("isinstance({name}, (int, float)) and not isinstance({name}, bool)"),
            format!("an amount of {currency}"),
        ),
        InputTypeInfo::Number => (
            format!("isinstance({name}, (int, float)) and not isinstance({name}, bool)"),
            "a number".to_string(),
        ),
        InputTypeInfo::Text => (format!("isinstance({name}, str)"), "text".to_string()),
        InputTypeInfo::Date => (
            format!(
                "isinstance({name}, str) and len({name}) == 10 and {name}[4] == \"-\" and {name}[7] == \"-\""
            ),
            "a date YYYY-MM-DD".to_string(),
        ),
        InputTypeInfo::OneOf { values } => {
            let listed: Vec<String> = values
                .iter()
                .map(|value| condition::string(value, Dialect::Spiff))
                .collect();
            (
                format!("{name} in [{}]", listed.join(", ")),
                format!("one of {}", values.join(", ")),
            )
        }
    };
    let label = record.label.as_deref().unwrap_or(name);
    format!(
        "if not ({test}):\n    raise ValueError({message} + repr({name}))",
        message = condition::string(
            &format!("step {step}: {name} ({label}) must be {kind}, got "),
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
/// completed, where the visit's tally ([`tally_variable`]) holds every
/// vote so far.
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
        Dialect::Spiff => {
            let votes = format!("{}[\"votes\"]", tally_variable(step));
            let approved = format!("{votes}.count(\"next\") >= {required}");
            match signers.failure {
                Some(_) => {
                    format!("{approved} or len({votes}) - {votes}.count(\"next\") > {against}")
                }
                None => approved,
            }
        }
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
    called: bool,
    /// The names of the date-typed values.
    dates: std::collections::BTreeSet<String>,
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
        if let Some(note) = &process.note {
            self.xml.text("bpmn:documentation", &[], note);
        }
        if self.called && self.dialect == Dialect::Spiff {
            self.called_interface();
        }
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
        let main = layout::layout(&self.graph.process, &lanes, &self.graph.ranks);
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
                let inner_layout = layout::layout(inner, &[], &self.graph.ranks);
                self.diagram(&element.id, &element.id, inner, &inner_layout, None);
            }
        }
        self.xml.close("bpmn:definitions");
        self.xml.finish()
    }

    /// SpiffWorkflow, a called process: its inputs as data inputs and
    /// [`END_VARIABLE`] as its one data output, so a call copies in only the
    /// inputs and copies out only the end reached (SpiffWorkflow copies
    /// every variable both ways when a called process declares none).
    fn called_interface(&mut self) {
        let process = &self.graph.id;
        self.xml
            .open("bpmn:ioSpecification", &[("id", &format!("{process}.io"))]);
        for input in &self.document.inputs {
            self.xml.empty(
                "bpmn:dataInput",
                &[("id", &input.name), ("name", &input.name)],
            );
        }
        self.xml.empty(
            "bpmn:dataOutput",
            &[("id", END_VARIABLE), ("name", END_VARIABLE)],
        );
        self.xml
            .open("bpmn:inputSet", &[("id", &format!("{process}.inputs"))]);
        for input in &self.document.inputs {
            self.xml.text("bpmn:dataInputRefs", &[], &input.name);
        }
        self.xml.close("bpmn:inputSet");
        self.xml
            .open("bpmn:outputSet", &[("id", &format!("{process}.outputs"))]);
        self.xml.text("bpmn:dataOutputRefs", &[], END_VARIABLE);
        self.xml.close("bpmn:outputSet");
        self.xml.close("bpmn:ioSpecification");
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
                    .map(|condition| condition::expression(condition, self.dialect, &self.dates))
                    .unwrap_or_default(),
                FlowCondition::Ended(end) => match self.dialect {
                    Dialect::Zeebe => {
                        format!("{END_VARIABLE} = {}", condition::string(end, self.dialect))
                    }
                    Dialect::Spiff => {
                        format!("{END_VARIABLE} == {}", condition::string(end, self.dialect))
                    }
                },
                FlowCondition::MinimumOver(step) => match self.dialect {
                    Dialect::Zeebe => {
                        format!("now() >= date and time({})", minimum_until_variable(step))
                    }
                    Dialect::Spiff => minimum_over_variable(step),
                },
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
            ElementKind::CallActivity(_) => "bpmn:callActivity",
            ElementKind::Script(_) => "bpmn:scriptTask",
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
            ElementKind::Timer {
                host, interrupting, ..
            } => {
                let cancels = if *interrupting { "true" } else { "false" };
                attributes.extend([
                    ("cancelActivity", cancels),
                    ("attachedToRef", host.as_str()),
                ]);
            }
            ElementKind::CallActivity(call) if self.dialect == Dialect::Spiff => {
                attributes.push(("calledElement", &call.process));
            }
            ElementKind::Script(_) if self.dialect == Dialect::Spiff => {
                attributes.push(("scriptFormat", "python"));
            }
            ElementKind::ErrorCatch { host, .. } => attributes.push(("attachedToRef", host)),
            _ => {}
        }
        self.xml.open(tag, &attributes);
        match &element.kind {
            ElementKind::UserTask(task) => {
                if let Some(note) = &task.note {
                    self.xml.text("bpmn:documentation", &[], note);
                }
                self.task_extensions(task)
            }
            ElementKind::Notification(notification) => self.notification_extensions(notification),
            ElementKind::CallActivity(call) => self.call_extensions(call),
            ElementKind::Script(script) if self.dialect == Dialect::Zeebe => {
                self.zeebe_script(script)
            }
            _ => {}
        }
        for flow in incoming {
            self.xml.text("bpmn:incoming", &[], flow);
        }
        for flow in outgoing {
            self.xml.text("bpmn:outgoing", &[], flow);
        }
        if let ElementKind::UserTask(task) = &element.kind
            && let Some(signers) = &task.signers
        {
            self.multi_instance(&task.step, signers);
        }
        match &element.kind {
            ElementKind::Script(script) if self.dialect == Dialect::Spiff => {
                self.xml
                    .text("bpmn:script", &[], &self.spiff_script(script));
            }
            ElementKind::SubProcess(inner) => {
                if self.dialect == Dialect::Spiff {
                    self.vote_collections(inner);
                }
                self.scope(inner)
            }
            ElementKind::Timer { after, .. } => {
                let (kind, expression) = self.timer(after);
                self.xml.open(
                    "bpmn:timerEventDefinition",
                    &[("id", &format!("{}.definition", element.id))],
                );
                self.xml
                    .text(kind, &[("xsi:type", "bpmn:tFormalExpression")], &expression);
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

    /// A timer firing `after` the task opened: a duration in calendar
    /// units, which the engine adds itself; the date and time a
    /// business-day duration ends, reckoned over the working calendar
    /// ([`due`]).
    fn timer(&self, after: &crate::ir::DurationInfo) -> (&'static str, String) {
        if due::is_reckoned(after) {
            let expression = match self.dialect {
                Dialect::Zeebe => format!("={}", due::feel(after, self.calendar)),
                Dialect::Spiff => format!(
                    "{}.isoformat()",
                    due::python(after, self.calendar, SPIFF_TIMER_NOW)
                ),
            };
            return ("bpmn:timeDate", expression);
        }
        let duration = iso_duration(after, self.calendar);
        let expression = match self.dialect {
            Dialect::Zeebe => duration,
            Dialect::Spiff => format!("\"{duration}\""),
        };
        ("bpmn:timeDuration", expression)
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
                if let Some(deadline) = &task.deadline {
                    self.xml.empty(
                        "zeebe:taskSchedule",
                        &[(
                            "dueDate",
                            &format!("={}", due::feel(deadline, self.calendar)),
                        )],
                    );
                }
                self.task_mapping(task);
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
                let (before, after) = spiff_task_scripts(task);
                if !before.is_empty() {
                    self.xml
                        .text("spiffworkflow:preScript", &[], &before.join("\n"));
                }
                if !after.is_empty() {
                    self.xml
                        .text("spiffworkflow:postScript", &[], &after.join("\n"));
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
            if let ElementKind::UserTask(task) = &element.kind
                && task.signers.is_some()
            {
                let votes = votes_variable(&task.step);
                self.xml
                    .empty("bpmn:dataObject", &[("id", &votes), ("name", &votes)]);
            }
        }
    }

    /// Zeebe: the variables of a task. `outcome` is local to a task with
    /// outcomes, `null` when it is created and copied out when it is
    /// completed, so only this task's completion sets the `outcome` its
    /// gateway routes on; a signer's instance of a multi-signer step keeps
    /// its `outcome` (its vote, the output element). Each recorded value
    /// is copied out; with these outputs nothing else the completion sets
    /// leaves the task.
    fn task_mapping(&mut self, task: &Task) {
        let local_outcome = task.signers.is_some() || !task.outcomes.is_empty();
        if !local_outcome && task.records.is_empty() {
            return;
        }
        self.xml.open("zeebe:ioMapping", &[]);
        if local_outcome {
            self.xml
                .empty("zeebe:input", &[("source", "=null"), ("target", "outcome")]);
        }
        if task.signers.is_none() && !task.outcomes.is_empty() {
            self.xml.empty(
                "zeebe:output",
                &[("source", "=outcome"), ("target", "outcome")],
            );
        }
        for record in &task.records {
            self.xml.empty(
                "zeebe:output",
                &[
                    ("source", &format!("={}", record.name)),
                    ("target", &record.name),
                ],
            );
        }
        self.xml.close("zeebe:ioMapping");
    }

    /// A call activity's extensions. Zeebe: the called process by id, no
    /// variable propagated either way but through the mappings: each input
    /// of the called process from its `with` value, and [`END_VARIABLE`]
    /// back when an `on END` line routes the call. SpiffWorkflow: the
    /// called process declares its inputs and output
    /// ([`Self::called_interface`]), which are copied by name; the
    /// pre-script sets each input from its `with` value, the post-script
    /// removes them again (or restores a value of the caller's of the same
    /// name).
    fn call_extensions(&mut self, call: &Call) {
        match self.dialect {
            Dialect::Zeebe => {
                self.xml.open("bpmn:extensionElements", &[]);
                self.xml.empty(
                    "zeebe:calledElement",
                    &[
                        ("processId", &call.process),
                        ("propagateAllChildVariables", "false"),
                        ("propagateAllParentVariables", "false"),
                    ],
                );
                if !call.inputs.is_empty() || call.routed {
                    self.xml.open("zeebe:ioMapping", &[]);
                    for binding in &call.inputs {
                        let source = format!("={}", condition::value(&binding.value, self.dialect));
                        self.xml.empty(
                            "zeebe:input",
                            &[("source", &source), ("target", &binding.input)],
                        );
                    }
                    if call.routed {
                        let source = format!("={END_VARIABLE}");
                        self.xml.empty(
                            "zeebe:output",
                            &[("source", &source), ("target", END_VARIABLE)],
                        );
                    }
                    self.xml.close("zeebe:ioMapping");
                }
                self.xml.close("bpmn:extensionElements");
            }
            Dialect::Spiff => {
                if call.inputs.is_empty() {
                    return;
                }
                let (before, after) = self.spiff_call_scripts(call);
                self.xml.open("bpmn:extensionElements", &[]);
                self.xml
                    .text("spiffworkflow:preScript", &[], &before.join("\n"));
                self.xml
                    .text("spiffworkflow:postScript", &[], &after.join("\n"));
                self.xml.close("bpmn:extensionElements");
            }
        }
    }

    /// SpiffWorkflow: the pre- and post-script of a call activity
    /// ([`Self::call_extensions`]).
    fn spiff_call_scripts(&self, call: &Call) -> (Vec<String>, Vec<String>) {
        let own = |name: &str| {
            self.document.inputs.iter().any(|input| input.name == name)
                || self
                    .document
                    .nodes
                    .iter()
                    .flat_map(|node| &node.records)
                    .any(|record| record.name == name)
        };
        let mut saved = Vec::new();
        let mut set = Vec::new();
        let mut after = Vec::new();
        for binding in &call.inputs {
            let input = &binding.input;
            let value = condition::value(&binding.value, Dialect::Spiff);
            if value == *input {
                continue;
            }
            if own(input) {
                let keep = format!("flowc_saved_{input}");
                saved.push(format!("{keep} = {input}"));
                after.push(format!("{input} = {keep}\ndel {keep}"));
            } else {
                after.push(format!("del {input}"));
            }
            set.push(format!("{input} = {value}"));
        }
        saved.extend(set);
        (saved, after)
    }

    /// Zeebe: a script task's FEEL expression and the variable it sets.
    /// The end of a minimum period is kept as FEEL's own text of a date and
    /// time (`string(...)`), which `date and time()` reads back.
    fn zeebe_script(&mut self, script: &Script) {
        let (expression, variable) = match script {
            Script::EndReached(end) => (
                format!("={}", condition::string(end, Dialect::Zeebe)),
                END_VARIABLE.to_string(),
            ),
            Script::MinimumFrom { step, minimum } => (
                format!("=string({})", due::feel(minimum, self.calendar)),
                minimum_until_variable(step),
            ),
            Script::TallyOpened(step) => ("={votes: []}".to_string(), tally_variable(step)),
        };
        self.xml.open("bpmn:extensionElements", &[]);
        self.xml.empty(
            "zeebe:script",
            &[("expression", &expression), ("resultVariable", &variable)],
        );
        self.xml.close("bpmn:extensionElements");
    }

    /// SpiffWorkflow: a script task's Python. The end of a minimum period
    /// is reckoned by SpiffWorkflow's own duration arithmetic (that of its
    /// timers: months of their true length) from the current UTC time, and
    /// kept as ISO-8601 text.
    fn spiff_script(&self, script: &Script) -> String {
        match script {
            Script::EndReached(end) => {
                format!(
                    "{END_VARIABLE} = {}",
                    condition::string(end, Dialect::Spiff)
                )
            }
            Script::MinimumFrom { step, minimum } => format!(
                "{SPIFF_TIMER_IMPORT}\n{until} = {due}.isoformat()",
                until = minimum_until_variable(step),
                due = due::python(minimum, self.calendar, "datetime.now(timezone.utc)"),
            ),
            Script::TallyOpened(step) => format!("{} = {{\"votes\": []}}", tally_variable(step)),
        }
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
            self.shape(participant, pool, &[("isHorizontal", "true")], None);
            for (role, bounds) in &layout.lanes {
                self.shape(&lane_id(role), *bounds, &[("isHorizontal", "true")], None);
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
            self.shape(&element.id, *bounds, extra, layout.labels.get(&element.id));
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
            self.label(layout.labels.get(&flow.id));
            self.xml.close("bpmndi:BPMNEdge");
        }
        self.xml.close("bpmndi:BPMNPlane");
        self.xml.close("bpmndi:BPMNDiagram");
    }

    fn shape(&mut self, id: &str, bounds: Bounds, extra: &[(&str, &str)], label: Option<&Bounds>) {
        let shape_id = format!("{id}.di");
        let mut attributes = vec![("id", shape_id.as_str()), ("bpmnElement", id)];
        attributes.extend_from_slice(extra);
        self.xml.open("bpmndi:BPMNShape", &attributes);
        self.bounds(bounds);
        self.label(label);
        self.xml.close("bpmndi:BPMNShape");
    }

    fn bounds(&mut self, bounds: Bounds) {
        self.xml.empty(
            "dc:Bounds",
            &[
                ("x", &bounds.x.to_string()),
                ("y", &bounds.y.to_string()),
                ("width", &bounds.width.to_string()),
                ("height", &bounds.height.to_string()),
            ],
        );
    }

    /// The `BPMNLabel` of a shape or edge whose name is drawn outside it.
    fn label(&mut self, label: Option<&Bounds>) {
        if let Some(bounds) = label {
            self.xml.open("bpmndi:BPMNLabel", &[]);
            self.bounds(*bounds);
            self.xml.close("bpmndi:BPMNLabel");
        }
    }
}
