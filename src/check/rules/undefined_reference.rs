//! `undefined-reference`: a name that names nothing of the right kind.

use std::collections::HashMap;

use crate::check::suggest::NameIndex;
use crate::check::{CheckContext, Finding, Rule};
use crate::i18n::Text;
use crate::model::{Expected, NodeKind, Project, UnresolvedReference};
use crate::text;

rule! {
    /// ## What it checks
    /// That every name used resolves: owners (a role or department),
    /// escalation targets and `reports to` (a role), `in` (a department),
    /// `start`, `next`, `on ... ->`, `when ... ->` and `otherwise ->` targets
    /// (a step, decision, parallel block or end of the same process),
    /// `branch` (a step) and the inputs named in conditions. Roles and
    /// departments are shared by every file of the project; steps and
    /// inputs belong to their process. The message suggests the closest
    /// existing name.
    ///
    /// ## Why
    /// Systematic (系統性): processes are interlinked into one whole; a name
    /// that resolves to nothing is a broken link, and a step owned by nobody
    /// real is a step nobody answers for.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`:
    /// ```flow
    /// process expense_claim "費用報銷審批" {
    ///   category approval
    ///   owner finance
    ///   review every 12 months, last 2026-03-01
    ///   sla 10 business days
    ///   kpi cycle_time "報銷周期" p90 under 8 business days
    ///
    ///   start apply
    ///
    ///   step apply "員工申請" {
    ///     owner employee
    ///     within 3 business days
    ///     next dept_review
    ///   }
    ///
    ///   step dept_review "部門負責人審核" {
    ///     owner dept_haed
    ///     within 2 business days
    ///     next pay
    ///   }
    ///
    ///   step pay "報銷支付" {
    ///     owner cashier
    ///     within 2 business days
    ///     next paid
    ///   }
    ///
    ///   end paid "已支付"
    /// }
    /// ```
    /// reports "no role or department is called `dept_haed`" with the help
    /// "did you mean `dept_head`?".
    ///
    /// ## Fix
    /// Correct the spelling, or declare the missing role, department, step or
    /// input (roles and departments usually go in the project's `org.flow`).
    pub struct UndefinedReference;
    code: "F002",
    name: "undefined-reference",
    severity: Error,
    enabled_by_default: true,
    principle: Systematic,
    summary: "A name refers to no role, department, node or input of the right kind.",
}

impl Rule for UndefinedReference {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        let mut indexes: HashMap<(Option<usize>, Expected), NameIndex> = HashMap::new();
        let mut label_indexes: HashMap<(Option<usize>, Expected), Labels> = HashMap::new();
        for reference in &project.problems.unresolved {
            let key = (reference.process, reference.expected);
            let labels = label_indexes
                .entry(key)
                .or_insert_with(|| labels(project, reference));
            if let Some(finding) = label_for_name(reference, labels) {
                findings.push(finding);
                continue;
            }
            let index = indexes
                .entry(key)
                .or_insert_with(|| NameIndex::new(candidates(project, reference)));
            findings.push(finding(project, reference, index));
        }
    }
}

fn finding(project: &Project, reference: &UnresolvedReference, names: &NameIndex) -> Finding {
    let name = &reference.name;
    let expected = kind(reference.expected.key());
    let process = reference.process.map(|index| &project.processes[index]);
    let missing = text!(
        "undefined-reference-label",
        expected = expected.clone(),
        name = name
    );
    let (message, label) = match (reference.found, process) {
        (Some(found), _) => (
            text!(
                "undefined-reference-other-kind-message",
                name = name,
                found = with_article(found),
                expected = with_article(reference.expected.key())
            ),
            with_article(found),
        ),
        (None, Some(process)) if is_local(reference.expected) => (
            text!(
                "undefined-reference-local-message",
                process = &process.name,
                expected = expected,
                name = name
            ),
            missing,
        ),
        (None, _) => (
            text!(
                "undefined-reference-message",
                expected = expected,
                name = name
            ),
            missing,
        ),
    };
    let near = reference
        .process
        .zip(reference.near)
        .map(|(process, node)| project.processes[process].node(node).name.as_str());
    let suggestion = names.closest(name, near);
    let help = match (reference.found, suggestion) {
        (Some(found), _) => other_kind_help(project, reference, found, suggestion),
        (None, Some(suggestion)) => {
            text!("did-you-mean", name = suggestion)
        }
        (None, None) => declare_help(reference.expected, name),
    };
    Finding::new(reference.at, message, label, help)
}

/// Help for a name that names something of another kind: point at things
/// of the right kind rather than suggest declaring a clashing name.
fn other_kind_help(
    project: &Project,
    reference: &UnresolvedReference,
    found: &str,
    suggestion: Option<&str>,
) -> Text {
    let expected = with_article(reference.expected.key());
    let department_roles: Vec<&str> = project
        .roles
        .iter()
        .filter(|role| {
            role.department.as_ref().is_some_and(|department| {
                department.target.is_some()
                    && department.name == reference.name
                    && reference.expected == Expected::Role
            })
        })
        .map(|role| role.name.as_str())
        .collect();
    if let Some(role) = department_roles.first() {
        return text!(
            "undefined-reference-help-department-role",
            department = &reference.name,
            role = *role
        );
    }
    match suggestion {
        Some(suggestion) => text!(
            "undefined-reference-help-other-kind-suggestion",
            name = &reference.name,
            found = with_article(found),
            expected = expected,
            suggestion = suggestion
        ),
        None => text!(
            "undefined-reference-help-other-kind",
            name = &reference.name,
            found = with_article(found),
            expected = expected
        ),
    }
}

/// The labels of the things a reference could name: label -> (noun, name).
type Labels<'a> = HashMap<&'a str, (&'static str, &'a str)>;

/// The labels of the things of a reference's kind, in its process.
fn labels<'a>(project: &'a Project, reference: &UnresolvedReference) -> Labels<'a> {
    let mut labels = Labels::new();
    let roles = project
        .roles
        .iter()
        .filter_map(|role| Some((role.label.as_deref()?, ("role", role.name.as_str()))));
    let departments = project.departments.iter().filter_map(|department| {
        Some((
            department.label.as_deref()?,
            ("department", department.name.as_str()),
        ))
    });
    let process = reference.process.map(|index| &project.processes[index]);
    let nodes = process.into_iter().flat_map(|process| {
        process.nodes.iter().filter_map(|node| {
            let fits = match reference.expected {
                Expected::Step => matches!(node.kind, NodeKind::Step(_)),
                _ => !matches!(node.kind, NodeKind::Join { .. }),
            };
            fits.then_some((
                node.label.as_deref()?,
                (node.kind.noun(), node.name.as_str()),
            ))
        })
    });
    match reference.expected {
        Expected::OrgUnit => labels.extend(roles.chain(departments)),
        Expected::Role => labels.extend(roles),
        Expected::Department => labels.extend(departments),
        Expected::Node | Expected::Step => labels.extend(nodes),
        Expected::Process => labels.extend(project.processes.iter().filter_map(|process| {
            Some((
                process.label.as_deref()?,
                ("process", process.name.as_str()),
            ))
        })),
        Expected::Input => {}
    }
    labels
}

/// The finding for a label written where the name belongs (`next
/// 部門負責人審核` for the step `dept_review "部門負責人審核"`).
fn label_for_name(reference: &UnresolvedReference, labels: &Labels) -> Option<Finding> {
    if reference.found.is_some() {
        return None;
    }
    let (noun, name) = labels.get(reference.name.as_str())?;
    Some(Finding::new(
        reference.at,
        text!(
            "undefined-reference-label-for-name-message",
            label = &reference.name,
            kind = kind(noun),
            name = *name
        ),
        text!("undefined-reference-label-for-name-label", name = *name),
        text!("undefined-reference-label-for-name-help", name = *name),
    ))
}

/// Whether names of this kind belong to one process.
fn is_local(expected: Expected) -> bool {
    matches!(expected, Expected::Node | Expected::Step | Expected::Input)
}

/// How to declare a missing name.
fn declare_help(expected: Expected, name: &str) -> Text {
    let id = match expected {
        Expected::OrgUnit | Expected::Role => "undefined-reference-declare-role",
        Expected::Department => "undefined-reference-declare-department",
        Expected::Node => "undefined-reference-declare-node",
        Expected::Step => "undefined-reference-declare-step",
        Expected::Input => "undefined-reference-declare-input",
        Expected::Process => "undefined-reference-declare-process",
    };
    Text::new(id).arg("name", name)
}

/// A kind of thing (`role`, `parallel block`, or a key of
/// [`Expected::key`]) as a message names it: "role", 角色.
fn kind(noun: &str) -> Text {
    text!("thing-kind", kind = noun.replace(' ', "-"))
}

/// The kind with its article: "a role", "an end" (角色, 結束).
fn with_article(noun: &str) -> Text {
    text!("thing-kind-with-article", kind = noun.replace(' ', "-"))
}

/// The names a reference of its kind, in its process, could have meant.
fn candidates<'a>(project: &'a Project, reference: &UnresolvedReference) -> Vec<&'a str> {
    let roles = || project.roles.iter().map(|role| role.name.as_str());
    let departments = || {
        project
            .departments
            .iter()
            .map(|department| department.name.as_str())
    };
    let process = reference.process.map(|index| &project.processes[index]);
    match reference.expected {
        Expected::OrgUnit => roles().chain(departments()).collect(),
        Expected::Role => roles().collect(),
        Expected::Department => departments().collect(),
        Expected::Node | Expected::Step => process
            .map(|process| {
                process
                    .nodes
                    .iter()
                    .filter(|node| match reference.expected {
                        Expected::Step => matches!(node.kind, NodeKind::Step(_)),
                        _ => !matches!(node.kind, NodeKind::Join { .. }),
                    })
                    .map(|node| node.name.as_str())
                    .collect()
            })
            .unwrap_or_default(),
        Expected::Input => process
            .map(|process| {
                let inputs = process.inputs.iter().map(|input| &input.name);
                let records = process.records.iter().map(|recorded| &recorded.record.name);
                inputs
                    .chain(records)
                    .map(|name| name.text.as_str())
                    .collect()
            })
            .unwrap_or_default(),
        Expected::Process => project
            .processes
            .iter()
            .map(|process| process.name.as_str())
            .collect(),
    }
}
