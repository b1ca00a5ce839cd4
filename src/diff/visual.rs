//! The visual diff: each changed process drawn with its changes marked
//! (added green, changed amber, removed red, dashed and struck through),
//! through the DOT emitter's [`Marks`].

use std::collections::BTreeMap;

use super::{ChangeKind, ProcessMatch, ProjectDiff};
use crate::check::CheckedProject;
use crate::emit::dot::{self, Mark, Marks, RemovedEdge, RemovedNode};
use crate::i18n::Lang;
use crate::model::{EdgeKind, NodeKind, Process, Project};
use crate::text;

/// The DOT text of every process that changed, by name, its legend (under
/// each title) in `lang`.
pub fn diagrams(
    diff: &ProjectDiff,
    old: &CheckedProject<'_>,
    new: &CheckedProject<'_>,
    lang: Lang,
) -> Vec<(String, String)> {
    let caption = text!("diff-visual-caption").render(lang);
    diff.processes
        .iter()
        .filter(|matched| diff.process_changes(&matched.name).next().is_some())
        .filter_map(|matched| {
            let text = match (matched.old, matched.new) {
                (_, Some(index)) => {
                    let process = &new.project().processes[index];
                    let marks = match matched.old {
                        Some(old_index) => changed_marks(
                            diff,
                            matched,
                            old.project(),
                            &old.project().processes[old_index],
                            process,
                            (&caption, lang),
                        ),
                        None => whole(process, Mark::Added, &caption),
                    };
                    dot::marked_diagram(new, process, &marks, lang)
                }
                (Some(index), None) => {
                    let process = &old.project().processes[index];
                    dot::marked_diagram(
                        old,
                        process,
                        &whole(process, Mark::Removed, &caption),
                        lang,
                    )
                }
                (None, None) => return None,
            };
            Some((matched.name.clone(), text))
        })
        .collect()
}

/// Every node and edge of a process marked alike.
fn whole(process: &Process, mark: Mark, caption: &str) -> Marks {
    let mut marks = Marks {
        caption: Some(caption.to_string()),
        ..Marks::default()
    };
    for node in &process.nodes {
        marks.nodes.insert(node.name.clone(), mark);
    }
    for key in edge_keys(process, &BTreeMap::new()) {
        marks.edges.insert((key.0, key.1, key.3), mark);
    }
    marks
}

/// (from, to, how, index among edges with the same from and to), with old
/// names renamed into the new version.
fn edge_keys(
    process: &Process,
    renames: &BTreeMap<String, String>,
) -> Vec<(String, String, String, usize)> {
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
            let key = (from, to, how(&edge.kind), *index);
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

/// The marks of a process in both versions: what was added, changed and
/// removed; the removed nodes' words and the `caption` in `lang`.
fn changed_marks(
    diff: &ProjectDiff,
    matched: &ProcessMatch,
    old_project: &Project,
    old: &Process,
    new: &Process,
    (caption, lang): (&str, Lang),
) -> Marks {
    let mut marks = Marks {
        caption: Some(caption.to_string()),
        ..Marks::default()
    };
    let renames = &matched.renamed_nodes;
    let new_name = |name: &str| {
        renames
            .get(name)
            .cloned()
            .unwrap_or_else(|| name.to_string())
    };
    let new_names: std::collections::BTreeSet<&str> =
        new.nodes.iter().map(|node| node.name.as_str()).collect();
    for change in diff.process_changes(&matched.name) {
        if !new_names.contains(change.subject.name.as_str()) {
            continue;
        }
        let mark = if is_addition(change.kind) {
            Mark::Added
        } else {
            Mark::Changed
        };
        let entry = marks
            .nodes
            .entry(change.subject.name.clone())
            .or_insert(mark);
        if *entry != Mark::Added {
            *entry = mark;
        }
    }
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
        marks.removed_nodes.push(RemovedNode {
            name: node.name.clone(),
            lines: dot::node_lines(old_project, node, lang),
            owner,
        });
    }
    let old_keys = edge_keys(old, renames);
    let new_keys = edge_keys(new, &BTreeMap::new());
    let without_index =
        |key: &(String, String, String, usize)| (key.0.clone(), key.1.clone(), key.2.clone());
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
                    .insert((key.0.clone(), key.1.clone(), key.3), Mark::Added);
            }
        }
    }
    let unmatched_old: Vec<(String, String, String)> = old_keys
        .iter()
        .map(without_index)
        .filter(|key| match unmatched_old.get_mut(key) {
            Some(count) if *count > 0 => {
                *count -= 1;
                true
            }
            _ => false,
        })
        .collect();
    let drawn: std::collections::BTreeSet<&str> = new
        .nodes
        .iter()
        .map(|node| node.name.as_str())
        .chain(
            marks
                .removed_nodes
                .iter()
                .map(|removed| removed.name.as_str()),
        )
        .collect();
    let drawn = |name: &str| drawn.contains(name);
    for (from, to, how) in unmatched_old {
        if !drawn(&from) || !drawn(&to) {
            continue;
        }
        let label = match how.as_str() {
            "next" | "branch" | "join" => None,
            other => Some(other.strip_prefix("when ").unwrap_or(other).to_string()),
        };
        marks.removed_edges.push(RemovedEdge { from, to, label });
    }
    marks
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
