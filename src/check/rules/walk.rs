//! Shapes of a process graph that several rules share: which edges are
//! rework (they send work back to an earlier node), which steps review
//! another step's work, and the longest path from `start` to an end.
//!
//! **Rework edges.** flowc walks the graph depth-first from `start`, taking
//! each node's edges in source order (`next`, `on`, `when`, `otherwise`,
//! `branch` lines as written). An edge that leads back to a node the walk
//! is still inside of (a node on the path from `start` to the current one)
//! closes a loop: it is a rework edge. In a process whose every loop is
//! entered through one node (every process built from steps, decisions and
//! parallel blocks in the usual way), these are exactly the edges that go
//! back to an earlier node, whatever the order of the lines. Without them
//! the graph has no loop, so its longest path is well defined.

use crate::model::calendar::{Calendar, WorkingTime};
use crate::model::{EdgeKind, NodeId, NodeKind, OrgUnit, Owners, Process, ProcessId, Project};

/// How far the walk has got with a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Visit {
    /// Not reached yet.
    New,
    /// On the path from `start` to the node being walked.
    Open,
    /// Every node after it has been walked.
    Done,
}

/// The result of the depth-first walk from `start`.
#[derive(Debug, Clone)]
pub(super) struct Walk {
    /// For each edge, whether it is a rework edge.
    pub rework: Vec<bool>,
    /// The nodes reached from `start`, each after every node it leads to
    /// without rework (post-order).
    pub finished: Vec<NodeId>,
}

/// Walks `process` from `start` (nothing is reached without one). The walk
/// keeps its own stack, so no input can make it recurse deeply.
pub(super) fn walk(process: &Process) -> Walk {
    let mut rework = vec![false; process.edges.len()];
    let mut finished = Vec::new();
    let Some(start) = process.start.as_ref().and_then(|start| start.target) else {
        return Walk { rework, finished };
    };
    let mut visit = vec![Visit::New; process.nodes.len()];
    let mut stack: Vec<(NodeId, usize)> = vec![(start, 0)];
    visit[start.0] = Visit::Open;
    while let Some(top) = stack.len().checked_sub(1) {
        let (node, position) = stack[top];
        match process.outgoing[node.0].get(position) {
            Some(&edge) => {
                stack[top].1 += 1;
                let to = process.edges[edge].to;
                match visit[to.0] {
                    Visit::New => {
                        visit[to.0] = Visit::Open;
                        stack.push((to, 0));
                    }
                    Visit::Open => rework[edge] = true,
                    Visit::Done => {}
                }
            }
            None => {
                visit[node.0] = Visit::Done;
                finished.push(node);
                stack.pop();
            }
        }
    }
    Walk { rework, finished }
}

/// The owner of `node`, when it is a step with a resolved owner, or a call
/// of a process with a resolved owner (a call's owner is its process's).
pub(super) fn step_owner(project: &Project, process: &Process, node: NodeId) -> Option<OrgUnit> {
    match &process.node(node).kind {
        NodeKind::Step(details) => details.owner.as_ref().and_then(Owners::single_fixed),
        NodeKind::Call(details) => {
            let callee = project.process(details.process.as_ref()?.target?);
            callee.owner.as_ref()?.target
        }
        NodeKind::Decision | NodeKind::Parallel { .. } | NodeKind::Join { .. } | NodeKind::End => {
            None
        }
    }
}

/// The edges (indices) by which the step `node` sends work back: its `on`
/// outcomes that are rework edges. A step with one is a review step.
pub(super) fn send_backs<'a>(
    process: &'a Process,
    walk: &'a Walk,
    node: NodeId,
) -> impl Iterator<Item = usize> + 'a {
    process.outgoing[node.0].iter().copied().filter(|&edge| {
        walk.rework[edge] && matches!(process.edges[edge].kind, EdgeKind::Outcome(_))
    })
}

/// Whether the step `node` reviews work: it has an outcome that sends work
/// back to an earlier node.
pub(super) fn is_review(process: &Process, walk: &Walk, node: NodeId) -> bool {
    matches!(process.node(node).kind, NodeKind::Step(_))
        && send_backs(process, walk, node).next().is_some()
}

/// The longest way from `start` to an end, without rework edges.
#[derive(Debug, Clone)]
pub(super) struct LongestPath {
    /// The sum of the deadlines of its steps and the times of its calls
    /// (see [`node_time`]).
    pub total: WorkingTime,
    /// Its nodes, from `start` to the end.
    pub nodes: Vec<NodeId>,
}

/// The working time the node takes: a step's `within` (its `at least`
/// when it has no `within`), a call the time its process takes by its
/// longest path (`times`, from [`process_times`]), nothing otherwise.
pub(super) fn node_time(
    process: &Process,
    node: NodeId,
    calendar: &Calendar,
    times: &[WorkingTime],
) -> WorkingTime {
    match &process.node(node).kind {
        NodeKind::Step(details) => details
            .deadline
            .as_ref()
            .or(details.minimum.as_ref())
            .map(|period| calendar.working_time(period))
            .unwrap_or_default(),
        NodeKind::Call(details) => details
            .process
            .as_ref()
            .and_then(|reference| reference.target)
            .and_then(|callee| times.get(callee.0).copied())
            .unwrap_or_default(),
        NodeKind::Decision | NodeKind::Parallel { .. } | NodeKind::Join { .. } | NodeKind::End => {
            WorkingTime::default()
        }
    }
}

/// The processes `process` calls, in the order of its calls.
pub(super) fn callees(process: &Process) -> impl Iterator<Item = ProcessId> + '_ {
    process.nodes.iter().filter_map(|node| match &node.kind {
        NodeKind::Call(details) => details.process.as_ref()?.target,
        _ => None,
    })
}

/// Per process of `wanted` (and every process it calls, directly or not),
/// the working time its longest path takes, calls included (a call takes
/// its process's time); the others' times are left at nothing. A process
/// called from inside its own calls (a `recursive-call`) counts as nothing
/// the second time: processes are taken callees first, and where calls
/// loop, every process of the project in order ([`callees_first`]), so
/// which call of a loop counts as nothing does not depend on which
/// processes are wanted.
pub(super) fn process_times(
    project: &Project,
    calendar: &Calendar,
    wanted: impl Iterator<Item = usize>,
) -> Vec<WorkingTime> {
    let count = project.processes.len();
    let mut needed = vec![false; count];
    let mut pending: Vec<usize> = wanted.collect();
    while let Some(index) = pending.pop() {
        if !std::mem::replace(&mut needed[index], true) {
            pending.extend(callees(&project.processes[index]).map(|callee| callee.0));
        }
    }
    let (order, looped) = callees_first(project, (0..count).filter(|index| needed[*index]));
    let order = if looped {
        callees_first(project, 0..count).0
    } else {
        order
    };
    let mut times = vec![WorkingTime::default(); count];
    for index in order {
        if !needed[index] {
            continue;
        }
        let process = &project.processes[index];
        let walk = walk(process);
        // A callee still open when this one is done (a loop of calls) has
        // no time yet: it counts as nothing.
        times[index] = longest_path(process, &walk, calendar, &times)
            .map(|path| path.total)
            .unwrap_or_default();
    }
    times
}

/// The processes reached from `roots` (in turn), callees first: the order
/// in which a depth-first walk of the calls is done with them, with a
/// stack of its own, so no chain of calls can make this recurse deeply;
/// and whether the calls loop.
fn callees_first(project: &Project, roots: impl Iterator<Item = usize>) -> (Vec<usize>, bool) {
    let count = project.processes.len();
    let mut order = Vec::new();
    let mut looped = false;
    let mut visit = vec![Visit::New; count];
    for root in roots {
        if visit[root] != Visit::New {
            continue;
        }
        let mut stack: Vec<(usize, Vec<ProcessId>)> =
            vec![(root, callees(&project.processes[root]).collect())];
        visit[root] = Visit::Open;
        while let Some((index, pending)) = stack.last_mut() {
            let index = *index;
            match pending.pop() {
                Some(callee) if visit[callee.0] == Visit::New => {
                    visit[callee.0] = Visit::Open;
                    stack.push((callee.0, callees(project.process(callee)).collect()));
                }
                Some(callee) => looped |= visit[callee.0] == Visit::Open,
                None => {
                    stack.pop();
                    visit[index] = Visit::Done;
                    order.push(index);
                }
            }
        }
    }
    (order, looped)
}

/// The longest path from `start` to an end: every decision may go either
/// way, a parallel block takes as long as its longest branch, a step left by
/// its `on timeout after` takes the timeout's time, rework edges are not
/// followed. `None` when no end can be reached from `start`.
pub(super) fn longest_path(
    process: &Process,
    walk: &Walk,
    calendar: &Calendar,
    times: &[WorkingTime],
) -> Option<LongestPath> {
    // For each node: the longest time from it to an end, and the edge that
    // starts that way. Post-order puts every node after the nodes it leads to.
    let mut best: Vec<Option<(WorkingTime, Option<usize>)>> = vec![None; process.nodes.len()];
    for &node in &walk.finished {
        if matches!(process.node(node).kind, NodeKind::End) {
            best[node.0] = Some((WorkingTime::default(), None));
            continue;
        }
        let own = node_time(process, node, calendar, times);
        let mut longest: Option<(WorkingTime, Option<usize>)> = None;
        for &edge in &process.outgoing[node.0] {
            if walk.rework[edge] {
                continue;
            }
            // Left by its timeout, a step took the timeout's time.
            let here = match &process.edges[edge].kind {
                EdgeKind::Timeout(after) => calendar.working_time(after),
                _ => own,
            };
            if let Some((after, _)) = best[process.edges[edge].to.0]
                && longest.is_none_or(|(time, _)| here + after > time)
            {
                longest = Some((here + after, Some(edge)));
            }
        }
        best[node.0] = longest;
    }
    let start = process.start.as_ref()?.target?;
    let (total, _) = best[start.0]?;
    let mut nodes = vec![start];
    let mut current = start;
    while let Some((_, Some(edge))) = best[current.0] {
        current = process.edges[edge].to;
        nodes.push(current);
    }
    Some(LongestPath { total, nodes })
}
