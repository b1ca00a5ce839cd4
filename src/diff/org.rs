//! Comparing the organisation: departments and roles added, removed or
//! renamed, roles moved, reporting lines changed and the processes that
//! depend on them.

use std::collections::BTreeMap;

use super::{ChangeKind, Recorder, pair_names, titled};
use crate::model::{NodeKind, OrgUnit, Project, RoleId, people};
use crate::text;

/// Old name to new name of every renamed department and role.
#[derive(Debug, Default)]
pub(super) struct UnitRenames(BTreeMap<String, String>);

impl UnitRenames {
    /// The name an old department or role has in the new version.
    pub(crate) fn new_name<'a>(&'a self, old_name: &'a str) -> &'a str {
        self.0.get(old_name).map_or(old_name, String::as_str)
    }
}

/// Records the organisation's changes; returns the renames.
pub(super) fn compare(recorder: &mut Recorder<'_>, old: &Project, new: &Project) -> UnitRenames {
    let mut renames = UnitRenames::default();
    departments(recorder, old, new, &mut renames);
    roles(recorder, old, new, &mut renames);
    reporting_lines(recorder, old, new, &renames);
    renames
}

fn departments(
    recorder: &mut Recorder<'_>,
    old: &Project,
    new: &Project,
    renames: &mut UnitRenames,
) {
    let content = |project: &Project| -> Vec<(String, String)> {
        project
            .departments
            .iter()
            .map(|d| (d.name.clone(), d.label.clone().unwrap_or_default()))
            .collect()
    };
    for pair in pair_names(&content(old), &content(new)) {
        match pair {
            (Some(index), None) => {
                let department = &old.departments[index];
                recorder.record(
                    ChangeKind::DepartmentRemoved,
                    "department",
                    &department.name,
                    text!(
                        "diff-thing-removed",
                        thing = titled("department", &department.name, department.label.as_deref())
                    ),
                );
            }
            (None, Some(at)) => {
                let department = &new.departments[at];
                recorder.record(
                    ChangeKind::DepartmentAdded,
                    "department",
                    &department.name,
                    text!(
                        "diff-thing-added",
                        thing = titled("department", &department.name, department.label.as_deref())
                    ),
                );
            }
            (Some(index), Some(at)) => {
                let (before, after) = (&old.departments[index], &new.departments[at]);
                if before.name != after.name {
                    renames.0.insert(before.name.clone(), after.name.clone());
                    recorder.record(
                        ChangeKind::DepartmentRenamed,
                        "department",
                        &after.name,
                        text!(
                            "diff-unit-renamed",
                            noun = text!("diff-noun", noun = "department"),
                            old = before.name.as_str(),
                            new = after.name.as_str()
                        ),
                    );
                }
                recorder.label(
                    ("department", &after.name),
                    before.label.as_deref(),
                    after.label.as_deref(),
                );
            }
            (None, None) => {}
        }
    }
}

fn roles(recorder: &mut Recorder<'_>, old: &Project, new: &Project, renames: &mut UnitRenames) {
    let content = |project: &Project| -> Vec<(String, String)> {
        project
            .roles
            .iter()
            .map(|role| {
                let department = role
                    .department
                    .as_ref()
                    .map(|d| d.name.as_str())
                    .unwrap_or_default();
                let superior = role
                    .superior
                    .as_ref()
                    .map(|s| s.name.as_str())
                    .unwrap_or_default();
                (
                    role.name.clone(),
                    format!(
                        "{}\u{1f}{department}\u{1f}{superior}",
                        role.label.clone().unwrap_or_default()
                    ),
                )
            })
            .collect()
    };
    let pairs = pair_names(&content(old), &content(new));
    for (before, after) in &pairs {
        if let (Some(index), Some(at)) = (before, after)
            && old.roles[*index].name != new.roles[*at].name
        {
            renames
                .0
                .insert(old.roles[*index].name.clone(), new.roles[*at].name.clone());
        }
    }
    for pair in pairs {
        match pair {
            (Some(index), None) => {
                let role = &old.roles[index];
                recorder.record(
                    ChangeKind::RoleRemoved,
                    "role",
                    &role.name,
                    text!(
                        "diff-thing-removed",
                        thing = titled("role", &role.name, role.label.as_deref())
                    ),
                );
            }
            (None, Some(at)) => {
                let role = &new.roles[at];
                recorder.record(
                    ChangeKind::RoleAdded,
                    "role",
                    &role.name,
                    text!(
                        "diff-thing-added",
                        thing = titled("role", &role.name, role.label.as_deref())
                    ),
                );
            }
            (Some(index), Some(at)) => {
                let (before, after) = (&old.roles[index], &new.roles[at]);
                if before.name != after.name {
                    recorder.record(
                        ChangeKind::RoleRenamed,
                        "role",
                        &after.name,
                        text!(
                            "diff-unit-renamed",
                            noun = text!("diff-noun", noun = "role"),
                            old = before.name.as_str(),
                            new = after.name.as_str()
                        ),
                    );
                }
                recorder.label(
                    ("role", &after.name),
                    before.label.as_deref(),
                    after.label.as_deref(),
                );
                let department_before = before
                    .department
                    .as_ref()
                    .map(|d| renames.new_name(&d.name).to_string());
                let department_after = after.department.as_ref().map(|d| d.name.clone());
                let role = after.name.as_str();
                let moved = match (&department_before, &department_after) {
                    (Some(b), Some(a)) if a != b => {
                        Some(text!("diff-role-moved", role = role, old = b, new = a))
                    }
                    (Some(b), None) => Some(text!("diff-role-left", role = role, old = b)),
                    (None, Some(a)) => Some(text!("diff-role-joined", role = role, new = a)),
                    _ => None,
                };
                if let Some(words) = moved {
                    recorder.record(ChangeKind::RoleDepartmentChanged, "role", role, words);
                }
            }
            (None, None) => {}
        }
    }
}

/// A role's chain of superiors by name, nearest first.
fn chain(project: &Project, role: RoleId) -> Vec<String> {
    project
        .superiors(role)
        .into_iter()
        .map(|superior| project.role(superior).name.clone())
        .collect()
}

/// Every role whose own superior changed, with the processes that have a
/// step owned by a role whose chain of superiors changed or an escalation
/// to one.
fn reporting_lines(
    recorder: &mut Recorder<'_>,
    old: &Project,
    new: &Project,
    renames: &UnitRenames,
) {
    let old_by_new_name: BTreeMap<&str, usize> = old
        .roles
        .iter()
        .enumerate()
        .map(|(index, role)| (renames.new_name(&role.name), index))
        .collect();
    let old_chain = |name: &str| -> Option<Vec<String>> {
        let index = *old_by_new_name.get(name)?;
        Some(
            chain(old, RoleId(index))
                .iter()
                .map(|superior| renames.new_name(superior).to_string())
                .collect(),
        )
    };
    let mut moved: Vec<RoleId> = Vec::new();
    for (index, role) in new.roles.iter().enumerate() {
        let id = RoleId(index);
        if let Some(before) = old_chain(&role.name)
            && before != chain(new, id)
        {
            moved.push(id);
        }
    }
    for &id in &moved {
        let role = new.role(id);
        let Some(before) = old_chain(&role.name) else {
            continue;
        };
        let after = chain(new, id);
        if before.first() == after.first() {
            continue;
        }
        let under: Vec<RoleId> = moved
            .iter()
            .copied()
            .filter(|other| *other == id || new.superiors(*other).contains(&id))
            .collect();
        let affected = affected_processes(new, &under);
        let word = |line: &[String]| {
            if line.is_empty() {
                text!("diff-nobody")
            } else {
                text!("diff-superiors", chain = line.join(" → "))
            }
        };
        let affects = if affected.is_empty() {
            text!("diff-affects-none")
        } else {
            text!("diff-affects", processes = super::quoted_names(&affected))
        };
        recorder.record(
            ChangeKind::ReportingLineChanged,
            "role",
            &role.name,
            text!(
                "diff-reporting-line-changed",
                role = role.name.as_str(),
                new = word(&after),
                old = word(&before),
                affects = affects
            ),
        );
    }
}

/// Processes with a step owned by one of `roles` or escalating to one.
fn affected_processes(project: &Project, roles: &[RoleId]) -> Vec<String> {
    project
        .processes
        .iter()
        .filter(|process| {
            let applicants = people::applicant_roles(project, process);
            let applicant_lines = applicants
                .iter()
                .flat_map(|&role| std::iter::once(role).chain(project.superiors(role)));
            applicant_lines
                .into_iter()
                .any(|role| roles.contains(&role))
                || process.nodes.iter().any(|node| match &node.kind {
                    NodeKind::Step(details) => people::fixed_units(details)
                        .any(|unit| matches!(unit, OrgUnit::Role(r) if roles.contains(&r))),
                    _ => false,
                })
        })
        .map(|process| process.name.clone())
        .collect()
}
