//! Matching the nodes of two versions of a process by name, and content
//! fingerprints that tell a renamed node (or process) from a new one.

use std::collections::BTreeMap;

use crate::model::{EdgeKind, NodeId, NodeKind, Process};
use crate::syntax::ast::{InputType, Kpi, KpiTarget};

/// The nodes of two versions of a process, paired.
#[derive(Debug, Default)]
pub(super) struct NodeMatching {
    /// Old and new node of each pair; joins are left out (they go with
    /// their block).
    pub pairs: Vec<(Option<NodeId>, Option<NodeId>)>,
    /// Old name to new name of every renamed node.
    pub renames: BTreeMap<String, String>,
}

impl NodeMatching {
    /// The name an old node has in the new version.
    pub(crate) fn new_name<'a>(&'a self, old_name: &'a str) -> &'a str {
        self.renames.get(old_name).map_or(old_name, String::as_str)
    }
}

/// Pairs nodes by name; an unpaired old node and an unpaired new node with
/// the same content (and no other node sharing it) are one node renamed.
pub(super) fn match_nodes(old: &Process, new: &Process) -> NodeMatching {
    let mut matching = NodeMatching::default();
    let mut new_used = vec![false; new.nodes.len()];
    let mut old_alone = Vec::new();
    let new_by_name: BTreeMap<&str, NodeId> = own_nodes(new)
        .map(|id| (new.node(id).name.as_str(), id))
        .collect();
    for id in own_nodes(old) {
        match new_by_name.get(old.node(id).name.as_str()).copied() {
            Some(new_id) => {
                new_used[new_id.0] = true;
                matching.pairs.push((Some(id), Some(new_id)));
            }
            None => old_alone.push(id),
        }
    }
    let new_alone: Vec<NodeId> = own_nodes(new).filter(|id| !new_used[id.0]).collect();
    let mut by_content: BTreeMap<String, (Vec<NodeId>, Vec<NodeId>)> = BTreeMap::new();
    for &id in &old_alone {
        let key = node_fingerprint(old, id);
        by_content.entry(key).or_default().0.push(id);
    }
    for &id in &new_alone {
        let key = node_fingerprint(new, id);
        by_content.entry(key).or_default().1.push(id);
    }
    let mut renamed_old = Vec::new();
    let mut renamed_new = Vec::new();
    for (olds, news) in by_content.values() {
        if let ([old_id], [new_id]) = (olds.as_slice(), news.as_slice()) {
            matching.renames.insert(
                old.node(*old_id).name.clone(),
                new.node(*new_id).name.clone(),
            );
            matching.pairs.push((Some(*old_id), Some(*new_id)));
            renamed_old.push(*old_id);
            renamed_new.push(*new_id);
        }
    }
    for id in old_alone.into_iter().filter(|id| !renamed_old.contains(id)) {
        matching.pairs.push((Some(id), None));
    }
    for id in new_alone.into_iter().filter(|id| !renamed_new.contains(id)) {
        matching.pairs.push((None, Some(id)));
    }
    let position = |pair: &(Option<NodeId>, Option<NodeId>)| match pair {
        (_, Some(new_id)) => (0, new_id.0),
        (Some(old_id), None) => (1, old_id.0),
        (None, None) => (2, 0),
    };
    matching.pairs.sort_by_key(position);
    matching
}

/// Every node but the joins.
fn own_nodes(process: &Process) -> impl Iterator<Item = NodeId> + '_ {
    process
        .node_ids()
        .filter(|id| !matches!(process.node(*id).kind, NodeKind::Join { .. }))
}

/// How [`exits`] words a timeout edge, before its duration.
pub(super) const TIMEOUT_EXIT: &str = "on timeout after ";

/// Where a node leads, in source order: `("next", "pay")`,
/// `("when amount > 5000 CNY", "division_approval")`, `("branch", "legal")`.
/// A parallel block's `next` leaves from its join and is listed here.
pub(super) fn exits(process: &Process, id: NodeId) -> Vec<(String, String)> {
    let mut exits: Vec<(String, String)> = process
        .edges_from(id)
        .filter_map(|edge| {
            let how = match &edge.kind {
                EdgeKind::Next => "next".to_string(),
                EdgeKind::Outcome(outcome) => format!("on {outcome}"),
                EdgeKind::When(condition) => format!("when {condition}"),
                EdgeKind::Otherwise => "otherwise".to_string(),
                EdgeKind::Timeout(after) => format!("{TIMEOUT_EXIT}{after}"),
                EdgeKind::Branch => "branch".to_string(),
                EdgeKind::Join => return None,
            };
            Some((how, process.node(edge.to).name.clone()))
        })
        .collect();
    if let NodeKind::Parallel { join, .. } = process.node(id).kind {
        exits.extend(
            process
                .edges_from(join)
                .map(|edge| ("next".to_string(), process.node(edge.to).name.clone())),
        );
    }
    exits
}

/// Everything a node says except its name, as text.
pub(super) fn node_fingerprint(process: &Process, id: NodeId) -> String {
    let node = process.node(id);
    let mut parts = vec![
        node.kind.noun().to_string(),
        node.label.clone().unwrap_or_default(),
    ];
    if let NodeKind::Step(details) = &node.kind {
        parts.push(
            details
                .owner
                .as_ref()
                .map_or_else(String::new, ToString::to_string),
        );
        parts.push(details.deadline.map(|d| d.to_string()).unwrap_or_default());
        parts.extend(details.reminders.iter().map(|d| format!("remind {d}")));
        parts.extend(
            details
                .escalations
                .iter()
                .map(|e| format!("escalate {} {}", e.after, e.to)),
        );
        parts.push(
            details
                .minimum
                .map(|d| format!("at least {d}"))
                .unwrap_or_default(),
        );
    }
    if let NodeKind::Call(call) = &node.kind {
        parts.extend(call.process.as_ref().map(|p| format!("process {}", p.name)));
        parts.extend(
            call.bindings
                .iter()
                .map(|b| format!("with {} = {}", b.input.text, b.value)),
        );
    }
    for (how, target) in exits(process, id) {
        parts.push(format!("{how} -> {target}"));
    }
    parts.join("\u{1f}")
}

/// Everything a process says except its name, as text.
pub(super) fn process_fingerprint(process: &Process) -> String {
    let mut parts = vec![
        process.label.clone().unwrap_or_default(),
        process
            .category
            .map(|c| c.keyword().to_string())
            .unwrap_or_default(),
        process
            .owner
            .as_ref()
            .map(|owner| owner.name.clone())
            .unwrap_or_default(),
        process
            .review
            .as_ref()
            .map(|review| format!("{} {:?}", review.every, review.last))
            .unwrap_or_default(),
        process.sla.map(|d| d.to_string()).unwrap_or_default(),
        process
            .start
            .as_ref()
            .map(|start| start.name.clone())
            .unwrap_or_default(),
    ];
    parts.extend(
        process
            .inputs
            .iter()
            .map(|input| format!("{}: {}", input.name.text, input_type_words(&input.kind))),
    );
    parts.extend(process.kpis.iter().map(kpi_words));
    for id in own_nodes(process) {
        parts.push(process.node(id).name.clone());
        parts.push(node_fingerprint(process, id));
    }
    parts.join("\u{1e}")
}

/// An input's type as written: `money CNY`, `one of travel, office`.
pub(super) fn input_type_words(kind: &InputType) -> String {
    match kind {
        InputType::Money { currency } => format!("money {currency}"),
        InputType::Number => "number".to_string(),
        InputType::Text => "text".to_string(),
        InputType::YesNo => "yes/no".to_string(),
        InputType::Date => "date".to_string(),
        InputType::Choice(values) => format!(
            "one of {}",
            values
                .iter()
                .map(|value| value.text.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// A KPI's target as written: `p90 under 10 business days`.
pub(super) fn kpi_words(kpi: &Kpi) -> String {
    let target = match &kpi.target {
        KpiTarget::Duration(duration) => duration.to_string(),
        KpiTarget::Percentage(value) => format!("{value}%"),
        KpiTarget::Number(value) => value.to_string(),
    };
    match kpi.statistic {
        Some(statistic) => format!("{} {} {target}", statistic.keyword(), kpi.bound.words()),
        None => format!("{} {target}", kpi.bound.words()),
    }
}
