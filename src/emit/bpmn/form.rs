//! Camunda Forms for the user tasks of the Zeebe dialect.
//!
//! Each user task links, through `zeebe:formDefinition formId`, a form in
//! the form-js schema (`DIR/<process>.<step>.form`, deployed with the BPMN):
//! a task whose step has outcomes asks for `outcome` with a required select
//! of the step's allowed outcomes, each labelled with where it leads, so
//! nobody types a variable's value; a task without outcomes has an empty
//! form (completing it is all it takes). Each recorded value of the step
//! is a field before the select, keyed by the record's name: yes/no a
//! checkbox, money and numbers a required number field (money with two
//! decimals, its currency in the label), text a required text field, a
//! date a required date picker (`YYYY-MM-DD`), `one of` a required select. Linked forms are the way Camunda
//! user tasks (`zeebe:userTask`, Camunda 8.5+) take a Camunda Form; forms
//! embedded in the BPMN are for job-worker user tasks only.

use serde_json::{Value, json};

use super::EXECUTION_PLATFORM_VERSION;
use super::graph::{ElementKind, Graph, Scope, Task, xml_id};
use crate::ir::{InputTypeInfo, RecordInfo};

/// The form-js schema version the forms are written in (that of Camunda
/// Modeler for Camunda 8.5, which later versions read).
pub const FORM_SCHEMA_VERSION: u64 = 16;

/// The id of the form of `task` in the process `graph`: the process id and
/// the task id, both ASCII XML ids.
pub(crate) fn form_id(graph: &Graph, task: &Task) -> String {
    format!("{}.{}", graph.id, xml_id(&task.step))
}

/// The form of every user task of the process, in document order: the
/// step's name and the form's JSON text.
pub fn forms(graph: &Graph) -> Vec<(String, String)> {
    let mut tasks = Vec::new();
    user_tasks(&graph.process, &mut tasks);
    tasks
        .into_iter()
        .map(|task| (task.step.clone(), form(graph, task)))
        .collect()
}

fn user_tasks<'a>(scope: &'a Scope, found: &mut Vec<&'a Task>) {
    for element in &scope.elements {
        match &element.kind {
            ElementKind::UserTask(task) => found.push(task),
            ElementKind::SubProcess(inner) => user_tasks(inner, found),
            ElementKind::Start
            | ElementKind::End
            | ElementKind::ErrorEnd { .. }
            | ElementKind::Notification(_)
            | ElementKind::CallActivity(_)
            | ElementKind::Script(_)
            | ElementKind::Exclusive { .. }
            | ElementKind::Parallel
            | ElementKind::Timer { .. }
            | ElementKind::ErrorCatch { .. } => {}
        }
    }
}

/// The form-js schema of one task's form, as pretty-printed JSON.
fn form(graph: &Graph, task: &Task) -> String {
    let mut components: Vec<Value> = task.records.iter().map(record_field).collect();
    if !task.outcomes.is_empty() {
        components.push(outcome_select(task));
    }
    let schema = json!({
        "id": form_id(graph, task),
        "type": "default",
        "executionPlatform": "Camunda Cloud",
        "executionPlatformVersion": EXECUTION_PLATFORM_VERSION,
        "schemaVersion": FORM_SCHEMA_VERSION,
        "components": components,
    });
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The form field of a recorded value.
fn record_field(record: &RecordInfo) -> Value {
    let label = record.label.clone().unwrap_or_else(|| record.name.clone());
    let required = json!({ "required": true });
    let id = format!("record_{}", xml_id(&record.name));
    match &record.kind {
        InputTypeInfo::YesNo => json!({
            "id": id, "key": record.name, "type": "checkbox", "label": label,
            "defaultValue": false,
        }),
        InputTypeInfo::Money { currency } => json!({
            "id": id, "key": record.name, "type": "number",
            "label": format!("{label} ({currency})"), "decimalDigits": 2, "validate": required,
        }),
        InputTypeInfo::Number => json!({
            "id": id, "key": record.name, "type": "number", "label": label, "validate": required,
        }),
        InputTypeInfo::Text => json!({
            "id": id, "key": record.name, "type": "textfield", "label": label, "validate": required,
        }),
        InputTypeInfo::Date => json!({
            "id": id, "key": record.name, "type": "datetime", "subtype": "date",
            "dateLabel": label, "validate": required,
        }),
        InputTypeInfo::OneOf { values } => json!({
            "id": id, "key": record.name, "type": "select", "label": label, "validate": required,
            "values": values.iter().map(|value| json!({ "label": value, "value": value })).collect::<Vec<_>>(),
        }),
    }
}

/// The required select that sets `outcome`: one option per allowed
/// outcome, labelled `OUTCOME → TARGET LABEL`, the normal path (`next`)
/// first, then the outcomes as written.
fn outcome_select(task: &Task) -> Value {
    let mut choices: Vec<_> = task
        .choices
        .iter()
        .filter(|choice| task.outcomes.contains(&choice.outcome))
        .collect();
    choices.sort_by_key(|choice| choice.outcome != "next");
    let values: Vec<Value> = choices
        .into_iter()
        .map(|choice| {
            json!({
                "label": format!("{} → {}", choice.outcome, choice.target_label),
                "value": choice.outcome,
            })
        })
        .collect();
    json!({
        "id": "outcome",
        "key": "outcome",
        "type": "select",
        "label": task.label,
        "validate": { "required": true },
        "values": values,
    })
}
