//! `endless-loop`: a loop that some values of the process's inputs can
//! never leave.
//!
//! A run's inputs are fixed when it starts (`docs/runtime.md`; no step
//! changes them), so a decision in a loop takes the same branch on every
//! round; a value recorded by a step of the loop is recorded anew on each
//! round, so a run can leave for any value of it
//! ([`DecisionSpace::release`]). The process's decisions are analysed together in one
//! [`DecisionSpace`]; each edge is taken for a set of input values: every
//! value for the edges of a step (a person chooses the outcome), of a
//! parallel block and of its join (a block can always finish), and for a
//! decision's branch the values for which it is the branch taken (its
//! `when` holds and no earlier one does; `otherwise`: none holds). For each
//! loop (a strongly connected part of the graph that has a cycle and some
//! edge leaving it) two sets are spread along the edges until nothing
//! grows: per node, the values for which a run reaches it from `start`,
//! and the values for which a run at it can still leave the loop (the
//! values a decision without `otherwise` stops on count as leaving:
//! `decision-gap` reports them). A node reached for values that cannot
//! leave from it is where the run goes round forever. Each node's sets
//! grow a finite number of times, so the work is about linear in the size
//! of the loop. It is counted like the decision analysis's own: the reach
//! from `start` (computed once, when some loop needs it), the ways out of
//! each loop and its trapped values may each take [`MAX_WORK`]; past it
//! the loop is reported as too intricate to check.

use std::collections::VecDeque;

use petgraph::Direction;
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use super::{at, chained, quoted_names, reachable_from_start, shown};
use crate::check::decision_space::{Assignment, DecisionSpace, MAX_WORK, Points, Unanalysable};
use crate::check::{CheckContext, Finding, Rule};
use crate::i18n::Text;
use crate::model::{EdgeKind, NodeId, NodeKind, Process, Project};
use crate::syntax::ast::Condition;
use crate::text;

rule! {
    /// ## What it checks
    /// That every loop of a process can be left whatever the values of its
    /// inputs. The inputs of a run do not change while it runs, so a
    /// decision in a loop takes the same branch on every round: a rework
    /// loop left only through `when copies <= 100` goes round for ever when
    /// `copies` is above 100. A value recorded by a step of the loop
    /// (`record passed "驗收合格": yes/no`) is recorded anew on each round,
    /// so the loop is left if some value of it leads out. flowc follows each loop with the exact
    /// analysis `decision-gap` uses (money and numbers as exact decimals,
    /// dates as days, `one of`, `yes/no` and text by their values) and
    /// reports the values for which some run enters the loop and can never
    /// leave it, with one concrete value picked the way a person would test
    /// the boundary (`copies = 101` for a whole-number threshold, `amount =
    /// 5000.01 CNY` for money). A step of the loop with an outcome or a
    /// `next` leading out of it is a way out for every value (a person
    /// chooses the outcome), but only for the runs that can still reach
    /// that step: a decision that sends some values round a smaller loop
    /// missing it is reported. A parallel block in a loop is a way round
    /// like any other (its branches can always finish). Values that a
    /// decision before the loop sends elsewhere are not reported. A loop
    /// with no way out at all is a `dead-end`; values a decision without
    /// `otherwise` has no branch for are a `decision-gap`. A loop whose
    /// conditions would take more than the analysis's limit to follow (the
    /// limit `decision-gap` has, counted per loop) is reported as too
    /// intricate to check.
    ///
    /// ## Why
    /// Systematic (系統性): processes are interlinked into one whole, and
    /// every case must reach an end. A case the loop never lets go of goes
    /// round the same steps for ever: the work is redone again and again
    /// and nobody can finish it, while `flowc check` said the process was
    /// sound.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`:
    /// ```flow
    /// process print_order "印刷訂單" {
    ///   category management
    ///   owner general_office
    ///   review every 12 months, last 2026-03-01
    ///   sla 10 business days
    ///   kpi cycle_time "交付周期" p90 under 8 business days
    ///
    ///   input copies: number
    ///
    ///   start order
    ///
    ///   step order "提交印刷需求" {
    ///     owner employee
    ///     within 1 business day
    ///     next print
    ///   }
    ///
    ///   step print "印刷" {
    ///     owner employee
    ///     within 2 business days
    ///     next check_run
    ///   }
    ///
    ///   decide check_run "核對印數" {
    ///     when copies <= 100 -> delivered
    ///     otherwise -> print
    ///   }
    ///
    ///   end delivered "已交付"
    /// }
    /// ```
    /// reports "process `print_order` never ends for copies = 101: the
    /// loop through `print` and `check_run` has no way out for these
    /// values".
    ///
    /// ## Fix
    /// Give the loop a way out that these values take: a `when` or
    /// `otherwise` branch leading out of it, or an outcome a person can
    /// choose (`on cancel -> cancelled`) on a step of the loop. If the
    /// values cannot occur, say so in a decision before the loop (send
    /// them to an end of their own).
    pub struct EndlessLoop;
    code: "F306",
    name: "endless-loop",
    severity: Error,
    enabled_by_default: true,
    principle: Systematic,
    summary: "A loop that some input values can never leave: the run goes round for ever.",
}

impl Rule for EndlessLoop {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            if !process.has_broken_links {
                check_process(process, findings);
            }
        }
    }
}

fn check_process(process: &Process, findings: &mut Vec<Finding>) {
    let Some(reached) = reachable_from_start(process) else {
        return;
    };
    let loops = loops(process, &reached);
    if loops.is_empty() {
        return;
    }
    let routing = match Routing::new(process) {
        Ok(routing) => routing,
        Err(Unanalysable::TooComplex) => {
            findings.extend(loops.iter().map(|found| too_complex(process, found)));
            return;
        }
        Err(
            Unanalysable::Mismatch | Unanalysable::UnknownInput(_) | Unanalysable::ManyValues(_),
        ) => return,
    };
    let mut reach: Option<Result<Vec<Points>, Unanalysable>> = None;
    for found in &loops {
        match routing.trapped(process, &found.nodes, &mut reach) {
            Ok(Some(trap)) => findings.push(finding(process, found, &trap)),
            Ok(None) => {}
            Err(Unanalysable::TooComplex) => findings.push(too_complex(process, found)),
            Err(
                Unanalysable::Mismatch
                | Unanalysable::UnknownInput(_)
                | Unanalysable::ManyValues(_),
            ) => return,
        }
    }
}

/// A loop of the process.
struct Loop {
    /// Its nodes, in order.
    nodes: Vec<NodeId>,
    /// Where it is entered: the first of its nodes that `start` or a node
    /// outside it leads to.
    entry: NodeId,
}

/// The loops worth analysing: the strongly connected parts of the graph
/// with a cycle, reached from `start`, with an edge leaving them (one
/// without is a `dead-end`) and a decision in them (without one, every
/// node of the loop reaches every way out whatever the values).
fn loops(process: &Process, reached: &[bool]) -> Vec<Loop> {
    let mut graph: DiGraph<NodeId, ()> = DiGraph::new();
    let indices: Vec<NodeIndex> = process.node_ids().map(|id| graph.add_node(id)).collect();
    for edge in &process.edges {
        graph.add_edge(indices[edge.from.0], indices[edge.to.0], ());
    }
    let start = process.start.as_ref().and_then(|start| start.target);
    let mut loops: Vec<Loop> = kosaraju_scc(&graph)
        .into_iter()
        .filter_map(|component| {
            let mut nodes: Vec<NodeId> = component.into_iter().map(|index| graph[index]).collect();
            nodes.sort();
            let inside = |id: NodeId| nodes.binary_search(&id).is_ok();
            let cycle = nodes.len() > 1
                || nodes
                    .iter()
                    .any(|&id| process.successors(id).any(|next| next == id));
            let left = nodes
                .iter()
                .any(|&id| process.successors(id).any(|next| !inside(next)));
            let decided = nodes
                .iter()
                .any(|&id| matches!(process.node(id).kind, NodeKind::Decision));
            if !(cycle && left && decided && reached[nodes[0].0]) {
                return None;
            }
            let entry = nodes
                .iter()
                .copied()
                .find(|&node| {
                    start == Some(node)
                        || graph
                            .neighbors_directed(indices[node.0], Direction::Incoming)
                            .any(|from| !inside(graph[from]))
                })
                .unwrap_or(nodes[0]);
            Some(Loop { nodes, entry })
        })
        .collect();
    loops.sort_by(|a, b| a.nodes.cmp(&b.nodes));
    loops
}

/// Where a run goes round for ever: the values, and the nodes of the loop
/// a run with them can reach and never leave.
struct Trap {
    values: Assignment,
    nodes: Vec<NodeId>,
}

/// The process's decisions analysed together: for each edge, the input
/// values for which it is taken.
struct Routing {
    space: DecisionSpace,
    /// Per edge: `None` when it can be taken whatever the values (an edge
    /// of a step, a block or a join), else the values for which its
    /// decision takes it.
    taken: Vec<Option<Points>>,
    /// Per node: the values for which a decision without `otherwise` takes
    /// no branch (the run stops there, it does not go round).
    stopped: Vec<Points>,
}

impl Routing {
    fn new(process: &Process) -> Result<Routing, Unanalysable> {
        let mut conditions: Vec<&Condition> = Vec::new();
        let mut condition_of = vec![None; process.edges.len()];
        for (index, edge) in process.edges.iter().enumerate() {
            if let EdgeKind::When(condition) = &edge.kind {
                condition_of[index] = Some(conditions.len());
                conditions.push(condition);
            }
        }
        let space = DecisionSpace::new(process, &conditions)?;
        let mut taken = vec![None; process.edges.len()];
        let mut stopped = vec![Points::none(); process.nodes.len()];
        for node in process.node_ids() {
            if !matches!(process.node(node).kind, NodeKind::Decision) {
                continue;
            }
            let mut earlier = Points::none();
            for &edge in &process.outgoing[node.0] {
                if let Some(index) = condition_of[edge] {
                    let holds = space.holds(index);
                    taken[edge] = Some(space.without(&holds, &earlier)?);
                    earlier = space.either(&earlier, &holds)?;
                }
            }
            let rest = space.without(&space.everything(), &earlier)?;
            let mut otherwise = process.outgoing[node.0]
                .iter()
                .filter(|&&edge| matches!(process.edges[edge].kind, EdgeKind::Otherwise))
                .peekable();
            if otherwise.peek().is_none() {
                stopped[node.0] = rest;
            } else {
                for &edge in otherwise {
                    taken[edge] = Some(rest.clone());
                }
            }
        }
        Ok(Routing {
            space,
            taken,
            stopped,
        })
    }

    /// The values among `values` for which `edge` is taken.
    fn along(&self, edge: usize, values: &Points) -> Result<Points, Unanalysable> {
        match &self.taken[edge] {
            None => Ok(values.clone()),
            Some(taken) => self.space.both(taken, values),
        }
    }

    /// Spreads sets of values along `links` until no set grows. Nodes are
    /// numbered by their place in `links`: each of `seeds` starts at its
    /// node, and the values at node `n` go on to each node of `links[n]`
    /// through its edge, for the values that take that edge. Returns the
    /// set gathered at each node.
    fn spread(
        &self,
        seeds: Vec<(usize, Points)>,
        links: &[Vec<(usize, usize)>],
    ) -> Result<Vec<Points>, Unanalysable> {
        let mut gathered = vec![Points::none(); links.len()];
        let mut pending: VecDeque<(usize, Points)> = VecDeque::new();
        for (node, values) in seeds {
            self.gather(&mut gathered, &mut pending, node, &values)?;
        }
        while let Some((node, fresh)) = pending.pop_front() {
            for &(other, edge) in &links[node] {
                let carried = self.along(edge, &fresh)?;
                self.gather(&mut gathered, &mut pending, other, &carried)?;
            }
        }
        Ok(gathered)
    }

    /// Adds `values` to the set of `node`, queueing the values new to it.
    fn gather(
        &self,
        gathered: &mut [Points],
        pending: &mut VecDeque<(usize, Points)>,
        node: usize,
        values: &Points,
    ) -> Result<(), Unanalysable> {
        if values.is_empty() {
            return Ok(());
        }
        let fresh = self.space.without(values, &gathered[node])?;
        if !fresh.is_empty() {
            gathered[node] = self.space.either(&gathered[node], &fresh)?;
            pending.push_back((node, fresh));
        }
        Ok(())
    }

    /// Per node, the values for which a run reaches it from `start`.
    fn reach(&self, process: &Process) -> Result<Vec<Points>, Unanalysable> {
        let links: Vec<Vec<(usize, usize)>> = process
            .outgoing
            .iter()
            .map(|edges| {
                edges
                    .iter()
                    .map(|&edge| (process.edges[edge].to.0, edge))
                    .collect()
            })
            .collect();
        let seeds = process
            .start
            .as_ref()
            .and_then(|start| start.target)
            .map(|start| (start.0, self.space.everything()))
            .into_iter()
            .collect();
        self.spread(seeds, &links)
    }

    /// For each node of the loop `nodes` (sorted), in order, the values
    /// for which a run at it can leave the loop: through an edge out of
    /// it, or by stopping at a decision with no branch for them.
    fn leave(&self, process: &Process, nodes: &[NodeId]) -> Result<Vec<Points>, Unanalysable> {
        let mut back: Vec<Vec<(usize, usize)>> = vec![Vec::new(); nodes.len()];
        let mut seeds = Vec::new();
        for (place, &node) in nodes.iter().enumerate() {
            seeds.push((place, self.stopped[node.0].clone()));
            for &edge in &process.outgoing[node.0] {
                match nodes.binary_search(&process.edges[edge].to) {
                    Ok(to) => back[to].push((place, edge)),
                    Err(_) => seeds.push((place, self.along(edge, &self.space.everything())?)),
                }
            }
        }
        self.spread(seeds, &back)
    }

    /// The values for which a run enters the loop `nodes` and never
    /// leaves it, if there are any. `reach` keeps the process's reach
    /// once computed.
    fn trapped(
        &self,
        process: &Process,
        nodes: &[NodeId],
        reach: &mut Option<Result<Vec<Points>, Unanalysable>>,
    ) -> Result<Option<Trap>, Unanalysable> {
        self.space.fresh_budget();
        let leave = self.leave(process, nodes)?;
        let everything = self.space.everything();
        let recorded = recorded_in(process, nodes);
        let mut doubtful = Vec::new();
        for (&node, can_leave) in nodes.iter().zip(&leave) {
            let can_leave = self.space.release(can_leave, &recorded)?;
            let kept = self.space.without(&everything, &can_leave)?;
            if !kept.is_empty() {
                doubtful.push((node, kept));
            }
        }
        if doubtful.is_empty() {
            return Ok(None);
        }
        let reach = reach
            .get_or_insert_with(|| {
                self.space.fresh_budget();
                self.reach(process)
            })
            .as_ref()
            .map_err(Clone::clone)?;
        self.space.fresh_budget();
        let mut all = Points::none();
        let mut trapped = Vec::new();
        for (node, kept) in doubtful {
            let here = self.space.both(&reach[node.0], &kept)?;
            if !here.is_empty() {
                all = self.space.either(&all, &here)?;
                trapped.push((node, here));
            }
        }
        let Some(values) = self.space.example(&all)? else {
            return Ok(None);
        };
        let named = self.space.around(&values);
        let mut nodes = Vec::new();
        for (node, here) in trapped {
            if !self.space.both(&here, &named)?.is_empty() {
                nodes.push(node);
            }
        }
        Ok(Some(Trap { values, nodes }))
    }
}

/// The values recorded by a step of the loop `nodes` (sorted): each
/// round records them anew, so a run can leave with other values of them.
fn recorded_in<'a>(process: &'a Process, nodes: &[NodeId]) -> Vec<&'a str> {
    process
        .records
        .iter()
        .filter(|recorded| nodes.binary_search(&recorded.step).is_ok())
        .map(|recorded| recorded.record.name.text.as_str())
        .collect()
}

/// The ways out of the loop `nodes` a decision of it has, as written:
/// `when copies <= 100` or `otherwise`.
fn ways_out(process: &Process, node: NodeId, nodes: &[NodeId]) -> Vec<Text> {
    process
        .edges_from(node)
        .filter(|edge| nodes.binary_search(&edge.to).is_err())
        .filter_map(|edge| match &edge.kind {
            EdgeKind::When(condition) => Some(format!("`when {condition}`")),
            EdgeKind::Otherwise => Some("`otherwise`".to_string()),
            EdgeKind::Timeout(after) => Some(format!("`on timeout after {after}`")),
            EdgeKind::Next | EdgeKind::Outcome(_) | EdgeKind::Branch | EdgeKind::Join => None,
        })
        .map(Text::verbatim)
        .collect()
}

fn finding(process: &Process, found: &Loop, trap: &Trap) -> Finding {
    let entered = shown(process, found.entry);
    let values = trap.values.text();
    let count = trap.values.values.len();
    let mut finding = Finding::new(
        at(process, process.node(entered).name_span),
        text!(
            "endless-loop-message",
            process = &process.name,
            values = values.clone(),
            count = count,
            nodes = quoted_names(process, &trap.nodes)
        ),
        text!("loop-entered-here"),
        text!("endless-loop-help", values = values, count = count),
    );
    for &node in &trap.nodes {
        let exits = ways_out(process, node, &found.nodes);
        if exits.is_empty() {
            continue;
        }
        finding = finding.with_related(
            at(process, process.node(node).name_span),
            text!("endless-loop-related", exits = chained(exits, "either-or")),
        );
    }
    finding
}

/// The note for a loop too intricate to analyse.
fn too_complex(process: &Process, found: &Loop) -> Finding {
    let entered = shown(process, found.entry);
    Finding::new(
        at(process, process.node(entered).name_span),
        text!(
            "endless-loop-too-intricate",
            nodes = quoted_names(process, &found.nodes),
            work = MAX_WORK
        ),
        text!("too-intricate-label"),
        text!("endless-loop-too-intricate-help"),
    )
}
