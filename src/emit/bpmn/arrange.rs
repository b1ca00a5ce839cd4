//! The diagrams' arrangement ([`Arrangement`]) applied to the BPMN graph,
//! so Camunda Modeler shows a process the way the handbook does: the lanes
//! in the arrangement's order (grouped by department, by seniority inside)
//! and every element standing for a node of the process in the node's rank.
//!
//! A BPMN lane is a role (the first party of an owner line, see
//! [`super::people::lane_of`]), so several lanes of the diagrams (a role and
//! a shared `any of` line it heads) can be one BPMN lane: it comes where the
//! first of them comes. A lane only BPMN has (the target of an escalation,
//! whose notification is drawn in the lane of the person told) comes just
//! before the first lane of its department that [`sort_lanes_like`] puts after
//! it (財務經理 above 會計), else just after the lane of the arrangement that
//! [`sort_lanes_like`] puts before it.

use std::collections::BTreeMap;

use crate::emit::diagram::{self, Arrangement, Lane, Who, parties::sort_lanes_like};
use crate::ir::{NodeKindName, ProcessDocument};
use crate::model::{DepartmentId, OrgUnit, Process, Project, RoleId};

use super::graph::{Graph, xml_id};

/// Sorts the lanes of `graph` into the order of the diagrams of `process`
/// and records the rank of each element standing for one of its nodes.
pub fn arrange(
    graph: &mut Graph,
    project: &Project,
    process: &Process,
    document: &ProcessDocument,
) {
    let arrangement = Arrangement::of(project, process);
    for (index, node) in process.nodes.iter().enumerate() {
        graph
            .ranks
            .insert(xml_id(&node.name), arrangement.ranks[index]);
    }
    if let Some(start) = document
        .nodes
        .iter()
        .find(|node| matches!(node.kind, NodeKindName::Start))
    {
        graph
            .ranks
            .insert(xml_id(&start.id), arrangement.ranks[arrangement.start]);
    }
    // The arrangement's lane of each element whose owner decides its lane.
    let owned: BTreeMap<String, usize> = process
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| diagram::node_lane(project, node).is_some())
        .map(|(index, node)| (xml_id(&node.name), arrangement.lanes[index]))
        .collect();
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    for element in &graph.process.elements {
        if let (Some(lane), Some(&at)) = (&element.lane, owned.get(&element.id)) {
            let entry = first.entry(lane.as_str()).or_insert(at);
            *entry = (*entry).min(at);
        }
    }
    let unit_named = |name: &str| -> Option<OrgUnit> {
        let role = project.roles.iter().position(|role| role.name == name);
        let department = || {
            project
                .departments
                .iter()
                .position(|department| department.name == name)
        };
        role.map(|at| OrgUnit::Role(RoleId(at)))
            .or_else(|| department().map(|at| OrgUnit::Department(DepartmentId(at))))
    };
    let mut every: Vec<Lane> = arrangement.owners.clone();
    for (key, _) in &graph.lanes {
        if let Some(unit) = unit_named(key) {
            let lane = Lane::one(Who::unit(unit));
            if !every.contains(&lane) {
                every.push(lane);
            }
        }
    }
    sort_lanes_like(
        project,
        &mut every,
        &arrangement.owners,
        arrangement.juniors_first,
    );
    // The department of a lane headed by a fixed role or department.
    let department = |lane: &Lane| -> Option<DepartmentId> {
        match lane.parties.first()?.fixed()? {
            OrgUnit::Department(department) => Some(department),
            OrgUnit::Role(role) => project.role(role).department.as_ref()?.target,
        }
    };
    // Where each lane of `every` is in the arrangement, if it is there.
    let arranged: Vec<Option<usize>> = every
        .iter()
        .map(|lane| arrangement.owners.iter().position(|owner| owner == lane))
        .collect();
    // Lanes of the arrangement sort as (index + 1, 1); a lane only BPMN has
    // as (index + 1, 0) just before the first lane of its department that
    // [`sort_lanes_like`] puts after it, else as (index + 1, 2) just after the
    // lane [`sort_lanes_like`] puts before it.
    let mut keys: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for (key, _) in &graph.lanes {
        let place = match first.get(key.as_str()) {
            Some(&at) => (at + 1, 1, 0),
            None => {
                let lane = unit_named(key).map(|unit| Lane::one(Who::unit(unit)));
                match lane.and_then(|lane| every.iter().position(|other| *other == lane)) {
                    Some(at) => {
                        let own = department(&every[at]);
                        let colleague = (at + 1..every.len()).find_map(|next| {
                            let index = arranged[next]?;
                            (own.is_some() && department(&every[next]) == own).then_some(index)
                        });
                        match colleague {
                            Some(index) => (index + 1, 0, at),
                            None => {
                                let before = arranged[..at].iter().rev().find_map(|index| *index);
                                (before.map_or(0, |before| before + 1), 2, at)
                            }
                        }
                    }
                    None => (usize::MAX, 0, 0),
                }
            }
        };
        keys.insert(key.clone(), place);
    }
    graph.lanes.sort_by_key(|(key, _)| keys.get(key).copied());
}
