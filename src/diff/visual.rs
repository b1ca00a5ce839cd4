//! The visual diff: each changed process drawn with its changes marked
//! (added green, changed amber, removed red, dashed and struck through),
//! through the [`Marks`] both engines draw.
//!
//! Every change the diff reports about a process is drawn: a change of a
//! node as a note under it (the node of the older version, when it is
//! gone, drawn struck through where it was), a change of the process as a
//! whole (its SLA, review cycle, inputs, KPIs, ...) as a line under the
//! title; a change of the organisation about a role or department the
//! diagram names (a reporting line, a role's label) under the title too.
//! A changed node also shows, struck through, each line of its old
//! box the new one no longer has (the old owner, deadline, escalation,
//! label) and its old note; an edge of the older version (an old
//! threshold, outcome or `next`) is drawn struck through beside the new
//! one, with its own label.

use std::collections::{BTreeMap, BTreeSet};

use super::{Change, ChangeKind, ProcessMatch, ProjectDiff, Scope};
use crate::check::CheckedProject;
use crate::emit::diagram::{self, DiagramOptions};
use crate::emit::dot;
use crate::emit::marks::{Mark, Marks, Note, RemovedEdge, RemovedNode};
use crate::emit::orgchart::{self, Chart, RoleUnit, Unit};
use crate::emit::render::{self, Engine, RenderError};
use crate::i18n::Lang;
use crate::model::{EdgeKind, NodeKind, Process, Project};
use crate::text;

/// One process of a diagram of changes: the version it is drawn from and
/// its marks.
pub struct MarkedProcess<'a> {
    /// The name it is reported under.
    pub name: String,
    /// The project of the version drawn (the new one, the old one for a
    /// process that was removed).
    pub checked: &'a CheckedProject<'a>,
    /// The process drawn.
    pub process: &'a Process,
    /// What is marked on it.
    pub marks: Marks,
}

/// Every process that changed, with its marks, the words in `lang`.
pub fn marked<'a>(
    diff: &ProjectDiff,
    old: &'a CheckedProject<'a>,
    new: &'a CheckedProject<'a>,
    lang: Lang,
) -> Vec<MarkedProcess<'a>> {
    let caption = text!("diff-visual-caption").render(lang);
    diff.processes
        .iter()
        .filter(|matched| diff.process_changes(&matched.name).next().is_some())
        .filter_map(|matched| {
            let changes: Vec<&Change> = diff.process_changes(&matched.name).collect();
            let (checked, process, marks) = match (matched.old, matched.new) {
                (_, Some(index)) => {
                    let process = &new.project().processes[index];
                    let marks = match matched.old {
                        Some(old_index) => changed_marks(
                            &changes,
                            matched,
                            (old.project(), &old.project().processes[old_index]),
                            (new.project(), process),
                            lang,
                        ),
                        None => whole(process, Mark::Added, &changes, lang),
                    };
                    (new, process, marks)
                }
                (Some(index), None) => {
                    let process = &old.project().processes[index];
                    (old, process, whole(process, Mark::Removed, &changes, lang))
                }
                (None, None) => return None,
            };
            let mut marks = Marks {
                caption: Some(caption.clone()),
                ..marks
            };
            let organisation = organisation_notes(diff, checked.project(), process, &marks, lang);
            marks.header.extend(organisation);
            Some(MarkedProcess {
                name: matched.name.clone(),
                checked,
                process,
                marks,
            })
        })
        .collect()
}

/// The changes of the organisation about a role or department the
/// diagram of `process` names (a lane, an owner, an escalation's target,
/// the owning department, an applicant, or the words of one of its
/// `marks`), as lines under its title.
fn organisation_notes(
    diff: &ProjectDiff,
    project: &Project,
    process: &Process,
    marks: &Marks,
    lang: Lang,
) -> Vec<Note> {
    let mut named: Vec<String> = process
        .nodes
        .iter()
        .flat_map(|node| dot::node_lines(project, node, lang))
        .collect();
    named.extend(
        diagram::Arrangement::of(project, process)
            .owners
            .iter()
            .map(|owner| owner.title(project, lang)),
    );
    named.extend(
        process
            .owner
            .iter()
            .chain(&process.applicants)
            .map(|unit| unit.name.clone()),
    );
    named.extend(
        marks
            .notes
            .values()
            .flatten()
            .chain(&marks.header)
            .flat_map(|note| note.lines.iter().cloned()),
    );
    diff.changes
        .iter()
        .filter(|change| change.scope == Scope::Organisation)
        .filter(|change| {
            named
                .iter()
                .any(|line| names_word(line, &change.subject.name))
        })
        .map(|change| change_note(change, false, lang))
        .collect()
}

/// Whether `text` holds `name` as a whole word (not inside a longer name).
fn names_word(text: &str, name: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    !name.is_empty()
        && text.match_indices(name).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            !before.is_some_and(word) && !after.is_some_and(word)
        })
}

/// The DOT text of every process that changed, by name, drawn with
/// `options`.
pub fn diagrams(
    diff: &ProjectDiff,
    old: &CheckedProject<'_>,
    new: &CheckedProject<'_>,
    options: DiagramOptions,
) -> Vec<(String, String)> {
    let mut drawn: Vec<(String, String)> = marked(diff, old, new, options.lang)
        .into_iter()
        .map(|drawn| {
            let text = dot::marked_diagram(drawn.checked, drawn.process, &drawn.marks, options);
            (drawn.name, text)
        })
        .collect();
    if let Some(chart) = organisation_chart(diff, old.project(), new.project(), options.lang) {
        drawn.push((
            ORGANISATION_PICTURE.to_string(),
            orgchart::dot(&chart, options),
        ));
    }
    drawn
}

/// The SVG picture of every process that changed, by name, drawn by
/// `engine` with `options`.
pub fn pictures(
    diff: &ProjectDiff,
    old: &CheckedProject<'_>,
    new: &CheckedProject<'_>,
    options: DiagramOptions,
    engine: Engine,
) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
    let mut drawn = marked(diff, old, new, options.lang)
        .into_iter()
        .map(|drawn| {
            let svg =
                render::marked_svg(drawn.checked, drawn.process, &drawn.marks, options, engine)?;
            Ok((drawn.name, svg))
        })
        .collect::<Result<Vec<_>, RenderError>>()?;
    if let Some(chart) = organisation_chart(diff, old.project(), new.project(), options.lang) {
        let svg = match engine {
            Engine::Builtin => orgchart::svg(&chart, options).into_bytes(),
            Engine::Graphviz => {
                render::plain_graphviz_svg(ORGANISATION_PICTURE, orgchart::dot(&chart, options))?
            }
        };
        drawn.push((ORGANISATION_PICTURE.to_string(), svg));
    }
    Ok(drawn)
}

/// The name of the picture of the changes in no process (the
/// organisation's, a file's comments): a process's name is a single word,
/// so no process has it.
pub const ORGANISATION_PICTURE: &str = "organisation-and-files";

/// The organisation chart of the new version, with the departments and
/// roles the old version had and the new one has not, marked with every
/// change the diff reports outside the processes: each beside the
/// department or role it is about, the others (a file's comments) under
/// the title. None when there is no such change.
pub fn organisation_chart(
    diff: &ProjectDiff,
    old: &Project,
    new: &Project,
    lang: Lang,
) -> Option<Chart> {
    let changes: Vec<&Change> = diff
        .changes
        .iter()
        .filter(|change| !matches!(change.scope, Scope::Process(_)))
        .collect();
    if changes.is_empty() {
        return None;
    }
    let unit = |name: &str, label: &Option<String>, mark: Option<Mark>| Unit {
        name: name.to_string(),
        label: label.clone(),
        mark,
        notes: Vec::new(),
    };
    let removed = |kind: ChangeKind, name: &str| {
        changes
            .iter()
            .any(|change| change.kind == kind && change.subject.name == name)
    };
    let mut chart = Chart {
        caption: Some(text!("diff-visual-caption").render(lang)),
        ..Chart::default()
    };
    chart.departments = new
        .departments
        .iter()
        .map(|department| unit(&department.name, &department.label, None))
        .chain(
            old.departments
                .iter()
                .filter(|department| removed(ChangeKind::DepartmentRemoved, &department.name))
                .map(|department| unit(&department.name, &department.label, Some(Mark::Removed))),
        )
        .collect();
    let role_unit = |role: &crate::model::Role, mark: Option<Mark>| RoleUnit {
        unit: unit(&role.name, &role.label, mark),
        department: role.department.as_ref().map(|d| d.name.clone()),
        superior: role.superior.as_ref().map(|s| s.name.clone()),
        old_superior: None,
    };
    chart.roles = new
        .roles
        .iter()
        .map(|role| role_unit(role, None))
        .chain(
            old.roles
                .iter()
                .filter(|role| removed(ChangeKind::RoleRemoved, &role.name))
                .map(|role| role_unit(role, Some(Mark::Removed))),
        )
        .collect();
    for change in changes {
        place_change(&mut chart, change, old, lang);
    }
    let departments: BTreeSet<String> = chart
        .departments
        .iter()
        .map(|department| department.name.clone())
        .collect();
    let roles: BTreeSet<String> = chart
        .roles
        .iter()
        .map(|role| role.unit.name.clone())
        .collect();
    for role in &mut chart.roles {
        role.department = role.department.take().filter(|d| departments.contains(d));
        role.superior = role.superior.take().filter(|s| roles.contains(s));
        role.old_superior = role.old_superior.take().filter(|s| roles.contains(s));
    }
    Some(chart)
}

/// Puts a change on the chart: beside the department or role it is
/// about, marking it, or under the title; a changed reporting line also
/// draws the old one.
fn place_change(chart: &mut Chart, change: &Change, old: &Project, lang: Lang) {
    let name = change.subject.name.as_str();
    if change.kind == ChangeKind::ReportingLineChanged && change.subject.noun == "role" {
        let before = old
            .roles
            .iter()
            .find(|old_role| old_role.name == name)
            .and_then(|old_role| old_role.superior.as_ref())
            .map(|superior| superior.name.clone());
        if let Some(role) = chart.roles.iter_mut().find(|role| role.unit.name == name)
            && before != role.superior
        {
            role.old_superior = before;
        }
    }
    let unit = match change.subject.noun {
        "role" => chart
            .roles
            .iter_mut()
            .find(|role| role.unit.name == name)
            .map(|role| &mut role.unit),
        "department" => chart
            .departments
            .iter_mut()
            .find(|department| department.name == name),
        _ => None,
    };
    let Some(unit) = unit else {
        chart.header.push(change_note(change, false, lang));
        return;
    };
    let note = change_note(change, true, lang);
    if unit.mark != Some(Mark::Removed) && unit.mark != Some(Mark::Added) {
        unit.mark = Some(note.mark);
    }
    unit.notes.push(note);
}

/// Every node and edge of a process marked alike, and its changes under
/// the title.
fn whole(process: &Process, mark: Mark, changes: &[&Change], lang: Lang) -> Marks {
    let mut marks = Marks {
        header: changes
            .iter()
            .map(|change| change_note(change, false, lang))
            .collect(),
        ..Marks::default()
    };
    for node in &process.nodes {
        marks.nodes.insert(node.name.clone(), mark);
    }
    for key in edge_keys(process, &BTreeMap::new(), lang) {
        marks.edges.insert((key.from, key.to, key.index), mark);
    }
    marks
}

/// An edge by the names of its ends in the diagram, how it is taken and
/// its place among the edges with the same ends; with its label.
struct EdgeKey {
    from: String,
    to: String,
    how: String,
    index: usize,
    label: Option<String>,
}

/// The keys of a process's edges, with old names renamed into the new
/// version, labels in `lang`.
fn edge_keys(process: &Process, renames: &BTreeMap<String, String>, lang: Lang) -> Vec<EdgeKey> {
    let rename = |name: &str| {
        renames
            .get(name)
            .cloned()
            .unwrap_or_else(|| name.to_string())
    };
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    process
        .edges
        .iter()
        .map(|edge| {
            let from = rename(&process.node(edge.from).name);
            let to = rename(&process.node(edge.to).name);
            let index = seen.entry((from.clone(), to.clone())).or_insert(0);
            let key = EdgeKey {
                from,
                to,
                how: how(&edge.kind),
                index: *index,
                label: diagram::edge_label(edge, lang),
            };
            *index += 1;
            key
        })
        .collect()
}

fn how(kind: &EdgeKind) -> String {
    match kind {
        EdgeKind::Next => "next".to_string(),
        EdgeKind::Outcome(outcome) => format!("on {outcome}"),
        EdgeKind::When(condition) => format!("when {condition}"),
        EdgeKind::Otherwise => "otherwise".to_string(),
        EdgeKind::Timeout(after) => format!("on timeout after {after}"),
        EdgeKind::Branch => "branch".to_string(),
        EdgeKind::Join => "join".to_string(),
    }
}

/// The nouns of changes about a node drawn in the diagram.
const NODE_NOUNS: [&str; 5] = ["step", "decision", "end", "call", "parallel block"];

/// A change in words, in the colour of what it does: green for what it
/// adds, red for what it removes, amber otherwise. `beside` is for a note
/// beside the node it is about, which need not name it; a line under the
/// title names what it is about (`role general_manager: ...`).
fn change_note(change: &Change, beside: bool, lang: Lang) -> Note {
    let name = change.kind.name();
    let mark = if is_addition(change.kind) || name.ends_with("-added") {
        Mark::Added
    } else if name.ends_with("-removed") {
        Mark::Removed
    } else {
        Mark::Changed
    };
    Note {
        mark,
        struck: false,
        kind: name,
        // Backticks set names apart in a report; a picture has no code
        // spans.
        lines: vec![
            if beside {
                change.message.render(lang)
            } else {
                super::render::described(change, lang)
            }
            .replace('`', ""),
        ],
    }
}

/// The marks of a process in both versions: what was added, changed and
/// removed, each change in words beside its node or under the title, and
/// what the old version said struck through; the words in `lang`.
fn changed_marks(
    changes: &[&Change],
    matched: &ProcessMatch,
    (old_project, old): (&Project, &Process),
    (new_project, new): (&Project, &Process),
    lang: Lang,
) -> Marks {
    let mut marks = Marks::default();
    let renames = &matched.renamed_nodes;
    let new_name = |name: &str| {
        renames
            .get(name)
            .cloned()
            .unwrap_or_else(|| name.to_string())
    };
    let new_names: BTreeSet<&str> = new.nodes.iter().map(|node| node.name.as_str()).collect();
    for node in &old.nodes {
        if matches!(node.kind, NodeKind::Join { .. })
            || new_names.contains(new_name(&node.name).as_str())
        {
            continue;
        }
        let owner = match &node.kind {
            NodeKind::Step(details) => details.owner.as_ref().map(|owners| owners.to_string()),
            _ => None,
        };
        let after = old
            .edges
            .iter()
            .filter(|edge| old.node(edge.to).name == node.name && edge.from != edge.to)
            .map(|edge| new_name(&old.node(edge.from).name))
            .next();
        marks.removed_nodes.push(RemovedNode {
            name: node.name.clone(),
            lines: dot::node_lines(old_project, node, lang),
            owner,
            after,
        });
    }
    let removed_names: BTreeSet<String> = marks
        .removed_nodes
        .iter()
        .map(|removed| removed.name.clone())
        .collect();
    for change in changes {
        let name = &change.subject.name;
        let on_node = NODE_NOUNS.contains(&change.subject.noun)
            && (new_names.contains(name.as_str()) || removed_names.contains(name));
        let note = change_note(change, on_node, lang);
        if !on_node {
            marks.header.push(note);
            continue;
        }
        marks.notes.entry(name.clone()).or_default().push(note);
        if !new_names.contains(name.as_str()) {
            continue;
        }
        let mark = if is_addition(change.kind) {
            Mark::Added
        } else {
            Mark::Changed
        };
        let entry = marks.nodes.entry(name.clone()).or_insert(mark);
        if *entry != Mark::Added {
            *entry = mark;
        }
    }
    let old_by_new_name: BTreeMap<String, &crate::model::Node> = old
        .nodes
        .iter()
        .map(|node| (new_name(&node.name), node))
        .collect();
    for node in &new.nodes {
        if marks.nodes.get(&node.name) != Some(&Mark::Changed) {
            continue;
        }
        let Some(before) = old_by_new_name.get(&node.name) else {
            continue;
        };
        let was = old_lines(old_project, before, new_project, node, lang);
        if !was.is_empty() {
            marks
                .notes
                .entry(node.name.clone())
                .or_default()
                .push(older(was));
        }
    }
    let old_note = old.note.as_ref().map(|note| note.text.text.as_str());
    let new_note = new.note.as_ref().map(|note| note.text.text.as_str());
    if let Some(note) = old_note.filter(|note| Some(*note) != new_note) {
        marks.header.push(older(vec![
            text!("diff-visual-old-note", note = note).render(lang),
        ]));
    }
    mark_edges(&mut marks, old, new, renames, lang);
    marks
}

/// Lines of the older version, struck through.
fn older(lines: Vec<String>) -> Note {
    Note {
        mark: Mark::Removed,
        struck: true,
        kind: "was",
        lines,
    }
}

/// The lines of a node's old box (and its old note) that its new box no
/// longer has: an owner, deadline, escalation or label of the older
/// version.
fn old_lines(
    old_project: &Project,
    before: &crate::model::Node,
    new_project: &Project,
    after: &crate::model::Node,
    lang: Lang,
) -> Vec<String> {
    let now: BTreeSet<String> = dot::node_lines(new_project, after, lang)
        .into_iter()
        .collect();
    let mut lines: Vec<String> = dot::node_lines(old_project, before, lang)
        .into_iter()
        .filter(|line| !now.contains(line))
        .collect();
    let (old_note, new_note) = (diagram::node_note(before), diagram::node_note(after));
    if let Some(note) = old_note.filter(|note| Some(*note) != new_note) {
        lines.push(text!("diff-visual-old-note", note = note).render(lang));
    }
    lines
}

/// Marks the edges: those of the new version the old one did not have
/// are added; those of the old version the new one does not have are
/// drawn struck through, with their own label, when both their ends are
/// in the diagram.
fn mark_edges(
    marks: &mut Marks,
    old: &Process,
    new: &Process,
    renames: &BTreeMap<String, String>,
    lang: Lang,
) {
    let old_keys = edge_keys(old, renames, lang);
    let new_keys = edge_keys(new, &BTreeMap::new(), lang);
    let without_index = |key: &EdgeKey| (key.from.clone(), key.to.clone(), key.how.clone());
    let mut unmatched_old: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    for key in &old_keys {
        *unmatched_old.entry(without_index(key)).or_insert(0) += 1;
    }
    for key in &new_keys {
        match unmatched_old.get_mut(&without_index(key)) {
            Some(count) if *count > 0 => *count -= 1,
            _ => {
                marks
                    .edges
                    .insert((key.from.clone(), key.to.clone(), key.index), Mark::Added);
            }
        }
    }
    let drawn: BTreeSet<String> = new
        .nodes
        .iter()
        .map(|node| node.name.clone())
        .chain(
            marks
                .removed_nodes
                .iter()
                .map(|removed| removed.name.clone()),
        )
        .collect();
    for key in old_keys {
        let left = match unmatched_old.get_mut(&without_index(&key)) {
            Some(count) if *count > 0 => {
                *count -= 1;
                true
            }
            _ => false,
        };
        if left && drawn.contains(&key.from) && drawn.contains(&key.to) {
            marks.removed_edges.push(RemovedEdge {
                from: key.from,
                to: key.to,
                label: key.label,
            });
        }
    }
}

/// Kinds that add the element they are about.
fn is_addition(kind: ChangeKind) -> bool {
    matches!(
        kind,
        ChangeKind::StepAdded
            | ChangeKind::DecisionAdded
            | ChangeKind::BlockAdded
            | ChangeKind::EndAdded
    )
}
