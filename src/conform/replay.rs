//! Replaying one case against its process: which steps were due when each
//! event came, and what deviates.
//!
//! The replay walks the process's IR graph with tokens, as an engine would:
//! a token waits at each step that is due; decisions, parallel blocks and
//! joins move tokens on at once. A decision whose inputs the case gives
//! takes the branch they select; the other branches are kept as
//! alternatives that carry a "wrong path" mark, so a log that took another
//! branch still replays and the mark says which decision went wrong and
//! why. A decision whose inputs the case lacks keeps every branch as an
//! unmarked alternative; later events decide between them.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use foldhash::{HashMap, HashMapExt};

use chrono::NaiveDateTime;

use crate::i18n::Text;
use crate::ir::{EdgeInfo, EdgeKindName, InputTypeInfo, NodeInfo, NodeKindName, ProcessDocument};
use crate::model::calendar::{Calendar, WorkingTime};
use crate::sim::{self, InputValue};
use crate::syntax::ast::Duration;
use crate::text;

use super::log::{Lifecycle, LogEvent, Place, Staff};
use super::{Finding, FindingKind, business_days};
use crate::model::words;

/// The outcome a log gives a step that its `on timeout` moved on.
pub(crate) const TIMEOUT_OUTCOME: &str = "timeout";

/// How many alternative states a case keeps at most (the cheapest first).
const MAX_STATES: usize = 64;

/// The process graph as the replay reads it.
pub(crate) struct Graph<'d> {
    pub(crate) document: &'d ProcessDocument,
    index: HashMap<&'d str, usize>,
    outgoing: Vec<Vec<&'d EdgeInfo>>,
    by_activity: HashMap<&'d str, usize>,
    /// For each join, how many branches its block has.
    join_width: HashMap<usize, usize>,
    start: usize,
    /// The type of each input and recorded value by name, and whether it
    /// is an input (the first value given counts) or recorded (each one
    /// replaces the one before).
    values: HashMap<&'d str, (&'d InputTypeInfo, bool)>,
}

impl<'d> Graph<'d> {
    /// Indexes a process document.
    pub(crate) fn new(document: &'d ProcessDocument) -> Self {
        let index: HashMap<&str, usize> = document
            .nodes
            .iter()
            .enumerate()
            .map(|(position, node)| (node.id.as_str(), position))
            .collect();
        let mut outgoing = vec![Vec::new(); document.nodes.len()];
        for edge in &document.edges {
            if let Some(&from) = index.get(edge.from.as_str()) {
                outgoing[from].push(edge);
            }
        }
        let mut by_activity = HashMap::new();
        for (position, node) in document.nodes.iter().enumerate() {
            if matches!(node.kind, NodeKindName::Step | NodeKindName::Call) {
                if let Some(label) = &node.label {
                    by_activity.entry(label.as_str()).or_insert(position);
                }
                by_activity.insert(node.id.as_str(), position);
            }
        }
        let mut join_width = HashMap::new();
        for (position, node) in document.nodes.iter().enumerate() {
            if matches!(node.kind, NodeKindName::Parallel) {
                let width = outgoing[position]
                    .iter()
                    .filter(|edge| matches!(edge.kind, EdgeKindName::Branch))
                    .count();
                if let Some(&join) = index.get(format!("{}.join", node.id).as_str()) {
                    join_width.insert(join, width);
                }
            }
        }
        let start = index
            .get(document.process.start.as_str())
            .copied()
            .unwrap_or(0);
        let records = document.nodes.iter().flat_map(|node| &node.records);
        let mut values: HashMap<&str, (&InputTypeInfo, bool)> = records
            .map(|record| (record.name.as_str(), (&record.kind, false)))
            .collect();
        for input in &document.inputs {
            values.insert(input.name.as_str(), (&input.kind, true));
        }
        Graph {
            document,
            index,
            outgoing,
            by_activity,
            join_width,
            start,
            values,
        }
    }

    fn node(&self, position: usize) -> &'d NodeInfo {
        &self.document.nodes[position]
    }

    fn target(&self, edge: &EdgeInfo) -> Option<usize> {
        self.index.get(edge.to.as_str()).copied()
    }

    /// The step an activity names (by name, else by label).
    pub(crate) fn step_of(&self, activity: &str) -> Option<usize> {
        self.by_activity.get(activity).copied()
    }

    /// The step names of the process, for messages.
    pub(crate) fn step_names(&self) -> Vec<&'d str> {
        self.document
            .nodes
            .iter()
            .filter(|node| matches!(node.kind, NodeKindName::Step | NodeKindName::Call))
            .map(|node| node.id.as_str())
            .collect()
    }
}

/// A token waiting at a node.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Token {
    node: usize,
    since: NaiveDateTime,
    block: Option<usize>,
}

/// A decision that took another branch than the case's values select.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct WrongPath {
    decision: String,
    expected: String,
    taken: String,
    reason: Text,
}

/// One way the case may stand.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct State {
    wrong: Vec<WrongPath>,
    tokens: Vec<Token>,
    arrived: BTreeMap<usize, usize>,
    end: Option<usize>,
}

impl State {
    fn finished(&self) -> bool {
        self.end.is_some() && self.tokens.is_empty()
    }
}

/// A case being replayed.
pub(crate) struct CaseReplay<'g, 'd> {
    graph: &'g Graph<'d>,
    calendar: &'g Calendar,
    staff: Option<&'g Staff>,
    /// The case id.
    pub(crate) id: String,
    inputs: BTreeMap<String, InputValue>,
    /// The person who applied, when known.
    applicant: Option<String>,
    states: Vec<State>,
    done: Vec<usize>,
    /// Steps passed over, each with the step whose event passed it.
    skipped: Vec<(usize, usize)>,
    /// Who did the case's first step (`Some(None)` when the log does not
    /// say), once it is done.
    submitter: Option<Option<String>>,
    /// Who last did each step.
    last_person: HashMap<usize, String>,
    /// The first event's time.
    pub(crate) started: Option<NaiveDateTime>,
    /// The last event's time.
    pub(crate) last: Option<NaiveDateTime>,
    /// Answers collected for a step several people sign.
    signing: Option<(usize, Vec<sim::people::Vote>)>,
    /// A step several people sign that was just decided: its late answers
    /// are not repeats.
    decided: Option<usize>,
    /// What deviates.
    pub(crate) findings: Vec<Finding>,
}

impl<'g, 'd> CaseReplay<'g, 'd> {
    /// A new case.
    pub(crate) fn new(
        graph: &'g Graph<'d>,
        calendar: &'g Calendar,
        staff: Option<&'g Staff>,
        id: &str,
    ) -> Self {
        CaseReplay {
            graph,
            calendar,
            staff,
            id: id.to_string(),
            inputs: BTreeMap::new(),
            applicant: None,
            states: Vec::new(),
            done: Vec::new(),
            skipped: Vec::new(),
            submitter: None,
            last_person: HashMap::new(),
            started: None,
            last: None,
            signing: None,
            decided: None,
            findings: Vec::new(),
        }
    }

    /// Takes the attributes an event comes with: input values (the first
    /// given counts), values a step records (each replaces the one before:
    /// a step records anew on each visit), and `applicant`. A value that
    /// does not fit its type is a finding.
    pub(crate) fn attributes(&mut self, attributes: &BTreeMap<String, String>) {
        for (name, text) in attributes {
            if name == "applicant" {
                self.applicant.get_or_insert_with(|| text.clone());
                continue;
            }
            let kind = match self.graph.values.get(name.as_str()) {
                Some((_, true)) if self.inputs.contains_key(name) => continue,
                Some((kind, _)) => *kind,
                None => continue,
            };
            match sim::read_value(kind, text) {
                Ok(value) => {
                    self.inputs.insert(name.clone(), value);
                }
                Err(expected) => self.finding(
                    FindingKind::BadValue,
                    None,
                    None,
                    text!(
                        "conform-finding-bad-value",
                        text = text,
                        name = name,
                        expected = expected
                    ),
                ),
            }
        }
    }

    fn finding(
        &mut self,
        kind: FindingKind,
        step: Option<usize>,
        place: Option<Place>,
        message: Text,
    ) {
        let owner = step.and_then(|step| owner_text(self.graph.node(step)));
        self.findings.push(Finding {
            kind,
            case: self.id.clone(),
            step: step.map(|step| self.graph.node(step).id.clone()),
            owner,
            message,
            place,
        });
    }

    /// Whether the case has reached an end.
    pub(crate) fn finished(&self) -> bool {
        self.states.first().is_some_and(State::finished)
    }

    /// Takes one event.
    pub(crate) fn event(&mut self, event: &LogEvent) {
        self.started = Some(self.started.map_or(event.at, |first| first.min(event.at)));
        self.last = Some(self.last.map_or(event.at, |last| last.max(event.at)));
        if self.states.is_empty() {
            let first = State {
                wrong: Vec::new(),
                tokens: vec![Token {
                    node: self.graph.start,
                    since: event.at,
                    block: None,
                }],
                arrived: BTreeMap::new(),
                end: None,
            };
            self.states = self.settle(first);
        }
        if event.lifecycle != Lifecycle::Complete {
            return;
        }
        let Some(step) = self.graph.step_of(&event.activity) else {
            self.finding(
                FindingKind::UnknownActivity,
                None,
                Some(event.place),
                text!(
                    "conform-finding-unknown-activity",
                    activity = &event.activity,
                    process = &self.graph.document.process.name,
                    steps = self
                        .graph
                        .step_names()
                        .into_iter()
                        .map(Text::verbatim)
                        .collect::<Vec<_>>()
                ),
            );
            return;
        };
        if self.submitter.is_none() {
            self.submitter = Some(event.resource.clone());
        }
        if self.applicant.is_none() && owned_by_applicant(self.graph.node(step)) {
            self.applicant = event.resource.clone();
        }
        if self.decided == Some(step) {
            return;
        }
        self.decided = None;
        self.check_people(step, event);
        let outcome = match self.signature(step, event) {
            Signature::NotASigner => event.outcome.clone(),
            Signature::Waiting => return,
            Signature::Decided(outcome) => {
                self.decided = Some(step);
                Some(outcome)
            }
        };
        self.complete(step, event, outcome.as_deref(), true);
    }

    /// The step several people sign that the last answers decided: the
    /// answers of its other signers may still come (an engine that waits
    /// for every signer), even after the case has ended, and are no
    /// deviation.
    pub(crate) fn decided_by_answers(&self) -> Option<usize> {
        self.decided
    }

    /// For a step several people sign: collects the answer and says whether
    /// the step is decided.
    fn signature(&mut self, step: usize, event: &LogEvent) -> Signature {
        let node = self.graph.node(step);
        if !sim::people::is_multi_signer(node) {
            return Signature::NotASigner;
        }
        let vote = match event.outcome.as_deref() {
            Some("reject") => sim::people::Vote::Reject,
            _ => sim::people::Vote::Approve,
        };
        let mut votes = match self.signing.take() {
            Some((signing, votes)) if signing == step => votes,
            _ => Vec::new(),
        };
        votes.push(vote);
        let required = node.signing.as_ref().map_or(1, |signing| signing.required);
        let needed = usize::try_from(required).unwrap_or(usize::MAX);
        let approvals = votes
            .iter()
            .filter(|vote| **vote == sim::people::Vote::Approve)
            .count();
        let open = node.owners.len().saturating_sub(votes.len());
        if approvals >= needed {
            Signature::Decided("next".to_string())
        } else if approvals + open < needed {
            Signature::Decided("reject".to_string())
        } else {
            self.signing = Some((step, votes));
            Signature::Waiting
        }
    }

    /// The step `step` was done: moves the case on, or records how the
    /// event deviates. `may_jump` allows moving past skipped steps once.
    fn complete(&mut self, step: usize, event: &LogEvent, outcome: Option<&str>, may_jump: bool) {
        let mut next_states = Vec::new();
        let mut since = None;
        for state in &self.states {
            let Some(position) = state.tokens.iter().position(|token| token.node == step) else {
                continue;
            };
            let token = state.tokens[position].clone();
            since = Some(since.map_or(token.since, |earlier: NaiveDateTime| {
                earlier.min(token.since)
            }));
            for edge in self.leaving(step, outcome) {
                let mut moved = state.clone();
                moved.tokens.remove(position);
                self.take_edge(&mut moved, &token, edge, event.at);
                next_states.extend(self.settle(moved));
            }
        }
        if let Some(since) = since {
            if next_states.is_empty() {
                self.finding(
                    FindingKind::UnknownOutcome,
                    Some(step),
                    Some(event.place),
                    text!(
                        "conform-finding-unknown-outcome",
                        step = &self.graph.node(step).id,
                        outcome = outcome.unwrap_or_default()
                    ),
                );
                return;
            }
            self.check_deadline(step, since, event);
            self.done.push(step);
            self.states = keep_best(next_states);
            return;
        }
        self.deviation(step, event, outcome, may_jump);
    }

    /// Classifies an event of a step that was not due.
    fn deviation(&mut self, step: usize, event: &LogEvent, outcome: Option<&str>, may_jump: bool) {
        let name = self.graph.node(step).id.clone();
        if let Some(position) = self
            .skipped
            .iter()
            .position(|&(skipped, _)| skipped == step)
        {
            let (_, passed_by) = self.skipped.remove(position);
            let passed_by = self.graph.node(passed_by).id.clone();
            if let Some(finding) = self.findings.iter_mut().find(|finding| {
                finding.kind == FindingKind::Skipped
                    && finding.step.as_deref() == Some(name.as_str())
            }) {
                finding.kind = FindingKind::OutOfOrder;
                finding.message = text!(
                    "conform-finding-done-after",
                    step = &name,
                    passed_by = passed_by
                );
                finding.place = Some(event.place);
            }
            return;
        }
        if may_jump && let Some((state, token, path)) = self.path_to(step) {
            for &passed in &path {
                self.skipped.push((passed, step));
                self.finding(
                    FindingKind::Skipped,
                    Some(passed),
                    Some(event.place),
                    text!(
                        "conform-finding-skipped",
                        step = &self.graph.node(passed).id,
                        done = &name,
                        due = &self.graph.node(token.node).id
                    ),
                );
            }
            let mut jumped = self.states[state].clone();
            jumped.tokens.retain(|other| other != &token);
            jumped.tokens.push(Token {
                node: step,
                since: token.since,
                block: token.block,
            });
            jumped.tokens.sort();
            self.states = vec![jumped];
            self.complete(step, event, outcome, false);
            return;
        }
        let kind = if self.done.contains(&step) {
            FindingKind::Repeated
        } else {
            FindingKind::OutOfOrder
        };
        let due: Vec<Text> = self
            .states
            .first()
            .map(|state| {
                state
                    .tokens
                    .iter()
                    .map(|token| text!("quoted-name", name = &self.graph.node(token.node).id))
                    .collect()
            })
            .unwrap_or_default();
        let expected = if due.is_empty() {
            text!("conform-after-end")
        } else {
            text!("conform-while-due", due = Text::chain("conform-and", due))
        };
        let message = match kind {
            FindingKind::Repeated => {
                text!(
                    "conform-finding-repeated",
                    step = &name,
                    expected = expected
                )
            }
            _ => text!(
                "conform-finding-out-of-order",
                step = &name,
                expected = expected
            ),
        };
        self.finding(kind, Some(step), Some(event.place), message);
    }

    /// The shortest way from a due step of the best state to `step`: the
    /// state, the token that was passed over and the steps passed.
    fn path_to(&self, step: usize) -> Option<(usize, Token, Vec<usize>)> {
        let state_index = 0;
        let state = self.states.first()?;
        for token in &state.tokens {
            let mut parent: HashMap<usize, usize> = HashMap::new();
            let mut queue = VecDeque::from([token.node]);
            let mut seen = BTreeSet::from([token.node]);
            while let Some(node) = queue.pop_front() {
                if node == step {
                    let mut path = Vec::new();
                    let mut current = step;
                    while let Some(&before) = parent.get(&current) {
                        if matches!(
                            self.graph.node(before).kind,
                            NodeKindName::Step | NodeKindName::Call
                        ) {
                            path.push(before);
                        }
                        current = before;
                    }
                    path.reverse();
                    return Some((state_index, token.clone(), path));
                }
                for edge in &self.graph.outgoing[node] {
                    if matches!(edge.kind, EdgeKindName::Outcome) {
                        continue;
                    }
                    if let Some(next) = self.graph.target(edge)
                        && seen.insert(next)
                    {
                        parent.insert(next, node);
                        queue.push_back(next);
                    }
                }
            }
        }
        None
    }

    /// The edges a step leaves by for `outcome`: all of them when the log
    /// does not say.
    fn leaving(&self, step: usize, outcome: Option<&str>) -> Vec<&'d EdgeInfo> {
        let edges = &self.graph.outgoing[step];
        let normal =
            |edge: &&&EdgeInfo| matches!(edge.kind, EdgeKindName::Next | EdgeKindName::Join);
        match outcome {
            None => edges.to_vec(),
            Some("next" | "approve" | "approved" | "complete" | "done") => {
                edges.iter().filter(normal).copied().collect()
            }
            Some(TIMEOUT_OUTCOME)
                if edges
                    .iter()
                    .any(|edge| matches!(edge.kind, EdgeKindName::Timeout)) =>
            {
                edges
                    .iter()
                    .filter(|edge| matches!(edge.kind, EdgeKindName::Timeout))
                    .copied()
                    .collect()
            }
            Some(outcome) => {
                let routed: Vec<&EdgeInfo> = edges
                    .iter()
                    .filter(|edge| edge.outcome.as_deref() == Some(outcome))
                    .copied()
                    .collect();
                // A call's outcome is the end its process reached: the
                // ends its `on END` lines do not route take its `next`.
                let is_call = matches!(self.graph.node(step).kind, NodeKindName::Call);
                if routed.is_empty() && is_call {
                    edges.iter().filter(normal).copied().collect()
                } else {
                    routed
                }
            }
        }
    }

    /// Moves a token along an edge out of a step.
    fn take_edge(&self, state: &mut State, token: &Token, edge: &EdgeInfo, at: NaiveDateTime) {
        if matches!(edge.kind, EdgeKindName::Outcome)
            && let Some(block) = token.block
        {
            state.tokens.retain(|other| other.block != Some(block));
            state.arrived.retain(|join, _| {
                self.graph.node(*join).id != format!("{}.join", self.graph.node(block).id)
            });
        }
        if let Some(target) = self.graph.target(edge) {
            let block = match edge.kind {
                EdgeKindName::Join => token.block,
                _ => None,
            };
            state.tokens.push(Token {
                node: target,
                since: at,
                block,
            });
        }
    }

    /// Moves every token past nodes that take no time (start, decisions,
    /// parallel blocks, joins, ends): the ways the case may then stand.
    fn settle(&self, state: State) -> Vec<State> {
        let mut done = Vec::new();
        let mut pending = vec![state];
        while let Some(mut state) = pending.pop() {
            let Some(position) = state.tokens.iter().position(|token| {
                !matches!(
                    self.graph.node(token.node).kind,
                    NodeKindName::Step | NodeKindName::Call
                )
            }) else {
                state.tokens.sort();
                done.push(state);
                continue;
            };
            let token = state.tokens.remove(position);
            let node = self.graph.node(token.node);
            match node.kind {
                NodeKindName::Step | NodeKindName::Call => done.push(state),
                NodeKindName::Start => self.follow_all(&mut state, &token, &mut pending),
                NodeKindName::Decision => self.decide(state, &token, &mut pending),
                NodeKindName::Parallel => {
                    for edge in &self.graph.outgoing[token.node] {
                        if let Some(target) = self.graph.target(edge) {
                            state.tokens.push(Token {
                                node: target,
                                since: token.since,
                                block: Some(token.node),
                            });
                        }
                    }
                    pending.push(state);
                }
                NodeKindName::Join => {
                    let width = self.graph.join_width.get(&token.node).copied().unwrap_or(1);
                    let arrived = state.arrived.entry(token.node).or_default();
                    *arrived += 1;
                    if *arrived >= width {
                        state.arrived.remove(&token.node);
                        let through = Token {
                            block: None,
                            ..token
                        };
                        self.follow_all(&mut state, &through, &mut pending);
                    } else {
                        pending.push(state);
                    }
                }
                NodeKindName::End => {
                    state.end.get_or_insert(token.node);
                    pending.push(state);
                }
            }
            if done.len() + pending.len() > MAX_STATES * 4 {
                break;
            }
        }
        done
    }

    /// Moves a token along the single edge out of a start or join.
    fn follow_all(&self, state: &mut State, token: &Token, pending: &mut Vec<State>) {
        for edge in &self.graph.outgoing[token.node] {
            if let Some(target) = self.graph.target(edge) {
                state.tokens.push(Token {
                    node: target,
                    since: token.since,
                    block: token.block,
                });
            }
        }
        pending.push(state.clone());
    }

    /// A decision: the branch the case's values select, and the others as
    /// marked alternatives (all unmarked when the values are not known).
    fn decide(&self, state: State, token: &Token, pending: &mut Vec<State>) {
        let edges = &self.graph.outgoing[token.node];
        let expected = self.expected_branch(edges);
        for (index, edge) in edges.iter().enumerate() {
            let Some(target) = self.graph.target(edge) else {
                continue;
            };
            let mut branch = state.clone();
            if let Some((chosen, reason)) = &expected
                && *chosen != index
            {
                branch.wrong.push(WrongPath {
                    decision: self.graph.node(token.node).id.clone(),
                    expected: edges[*chosen].to.clone(),
                    taken: edge.to.clone(),
                    reason: reason.clone(),
                });
            }
            branch.tokens.push(Token {
                node: target,
                since: token.since,
                block: token.block,
            });
            pending.push(branch);
        }
    }

    /// The branch a decision takes for this case's values, with the words
    /// that say why; `None` when a value it needs is missing.
    fn expected_branch(&self, edges: &[&EdgeInfo]) -> Option<(usize, Text)> {
        for (index, edge) in edges.iter().enumerate() {
            match (&edge.kind, &edge.condition) {
                (EdgeKindName::Condition, Some(condition)) => {
                    match sim::condition_holds(condition, &self.inputs) {
                        Ok(true) => {
                            return Some((
                                index,
                                text!(
                                    "conform-condition-holds",
                                    condition = edge.condition_text.clone().unwrap_or_default(),
                                    values = self.values_text()
                                ),
                            ));
                        }
                        Ok(false) => {}
                        Err(_) => return None,
                    }
                }
                (EdgeKindName::Otherwise, _) => {
                    return Some((
                        index,
                        text!("conform-no-condition-holds", values = self.values_text()),
                    ));
                }
                _ => {}
            }
        }
        None
    }

    fn values_text(&self) -> Vec<Text> {
        self.inputs
            .iter()
            .map(|(name, value)| {
                text!(
                    "conform-value",
                    name = name.as_str(),
                    value = value.to_string()
                )
            })
            .collect()
    }

    /// Deadline, reminders and escalations of a step done at `event.at`,
    /// due since `since`.
    fn check_deadline(&mut self, step: usize, since: NaiveDateTime, event: &LogEvent) {
        let node = self.graph.node(step);
        let Some(deadline) = &node.deadline else {
            return;
        };
        let (amount, unit) = sim::duration(deadline);
        let Some(due) = self.calendar.add(since, amount, unit) else {
            return;
        };
        if event.at <= due {
            return;
        }
        let late = self.calendar.working_time_between(due, event.at);
        let mut fired: Vec<Text> = Vec::new();
        for reminder in &node.reminders {
            let (amount, unit) = sim::duration(reminder);
            if self
                .calendar
                .add(since, amount, unit)
                .is_some_and(|fires| fires < event.at)
            {
                fired.push(text!(
                    "conform-fired-reminder",
                    after = words::time(amount, unit)
                ));
            }
        }
        for escalation in &node.escalations {
            let (amount, unit) = sim::duration(&escalation.after);
            if self
                .calendar
                .add(since, amount, unit)
                .is_some_and(|fires| fires < event.at)
            {
                fired.push(text!(
                    "conform-fired-escalation",
                    to = escalation.to.as_str(),
                    after = words::time(amount, unit)
                ));
            }
        }
        let late = business_days(&self.calendar.in_business_days(late));
        let (due, done) = (sim::format_time(due), sim::format_time(event.at));
        let message = if fired.is_empty() {
            text!(
                "conform-finding-late",
                step = &node.id,
                late = late,
                due = due,
                done = done
            )
        } else {
            text!(
                "conform-finding-late-fired",
                step = &node.id,
                late = late,
                due = due,
                done = done,
                fired = Text::chain("conform-and", fired)
            )
        };
        self.finding(FindingKind::Late, Some(step), Some(event.place), message);
    }

    /// Who did the step: someone holding its owner role, and not the person
    /// who submitted the case when the step approves.
    fn check_people(&mut self, step: usize, event: &LogEvent) {
        let node = self.graph.node(step);
        let Some(person) = event.resource.clone() else {
            return;
        };
        if let Some((author, work)) = self.reviewed_author(step)
            && author == person
            && !owned_by_applicant(node)
        {
            self.finding(
                FindingKind::SelfApproval,
                Some(step),
                Some(event.place),
                text!(
                    "conform-finding-self-approval",
                    step = &node.id,
                    person = person.as_str(),
                    work = work
                ),
            );
        }
        self.last_person.insert(step, person.clone());
        let Some(staff) = self.staff else {
            return;
        };
        if !staff.knows(&person) {
            self.finding(
                FindingKind::WrongOwner,
                Some(step),
                Some(event.place),
                text!(
                    "conform-finding-not-in-staff",
                    step = &node.id,
                    person = person.as_str()
                ),
            );
            return;
        }
        let applicant_role = self.applicant_role();
        let mut wanted = Vec::new();
        for party in &node.owners {
            match sim::people::resolve(self.graph.document, party, applicant_role.as_deref()) {
                Ok(unit) if staff.holds(&person, &unit) => return,
                Ok(unit) => wanted.push(match sim::people::relation_words(party) {
                    Some(relation) => text!(
                        "conform-wanted-role-relation",
                        role = unit.as_str(),
                        relation = relation
                    ),
                    None => text!("quoted-name", name = unit.as_str()),
                }),
                Err(_) => return,
            }
        }
        if wanted.is_empty() {
            return;
        }
        let roles = staff.roles_of(&person);
        self.finding(
            FindingKind::WrongOwner,
            Some(step),
            Some(event.place),
            text!(
                "conform-finding-wrong-owner",
                step = &node.id,
                person = person.as_str(),
                roles = roles.into_iter().map(Text::verbatim).collect::<Vec<_>>(),
                wanted = Text::chain("conform-or", wanted)
            ),
        );
    }

    /// For a step that approves (it has `on reject`), who did the work it
    /// reviews and which: the last to do the step its rejection sends the
    /// work back to, or whoever submitted the case when a rejection ends
    /// it.
    fn reviewed_author(&self, step: usize) -> Option<(String, Text)> {
        let reject = self.graph.outgoing[step]
            .iter()
            .find(|edge| edge.outcome.as_deref() == Some("reject"))?;
        let target = self.graph.target(reject)?;
        if matches!(
            self.graph.node(target).kind,
            NodeKindName::Step | NodeKindName::Call
        ) {
            let author = self.last_person.get(&target)?;
            Some((
                author.clone(),
                text!("conform-work-step", step = &self.graph.node(target).id),
            ))
        } else {
            Some((self.submitter.clone()??, text!("conform-work-submitted")))
        }
    }

    /// The applicant's role: the first role of the applicant (by the staff
    /// directory) that the process's `applicant` line allows.
    fn applicant_role(&self) -> Option<String> {
        let person = self.applicant.as_deref()?;
        let staff = self.staff?;
        let allowed = sim::people::applicant_roles(self.graph.document);
        staff
            .roles_of(person)
            .into_iter()
            .find(|role| allowed.iter().any(|allowed| allowed == role))
            .map(str::to_string)
    }

    /// Closes the case: the wrong paths of the way it went, its SLA, and
    /// whether it is still open past its SLA at `now`.
    pub(crate) fn close(mut self, now: NaiveDateTime) -> (ClosedCase, Vec<Finding>) {
        let best = self.states.first().cloned();
        for wrong in best.iter().flat_map(|state| state.wrong.clone()) {
            let decision = self.graph.index.get(wrong.decision.as_str()).copied();
            let message = text!(
                "conform-finding-wrong-path",
                decision = wrong.decision.as_str(),
                taken = wrong.taken.as_str(),
                reason = wrong.reason.clone(),
                expected = wrong.expected.as_str()
            );
            self.finding(FindingKind::WrongPath, decision, None, message);
        }
        let finished = best.as_ref().is_some_and(State::finished);
        let start = self.started.unwrap_or(now);
        let end = if finished {
            self.last.unwrap_or(now)
        } else {
            now
        };
        let elapsed = self.calendar.working_time_between(start, end);
        let sla = self.graph.document.process.sla.as_ref().map(|sla| {
            let (amount, unit) = sim::duration(sla);
            (
                words::time(amount, unit),
                self.calendar.working_time(&Duration {
                    amount,
                    unit,
                    span: Default::default(),
                }),
            )
        });
        if let Some((text, limit)) = &sla
            && elapsed > *limit
        {
            let (kind, id) = if finished {
                (FindingKind::SlaMissed, "conform-finding-sla-missed")
            } else {
                (FindingKind::OpenPastSla, "conform-finding-open-past-sla")
            };
            let message = Text::new(id)
                .arg(
                    "elapsed",
                    business_days(&self.calendar.in_business_days(elapsed)),
                )
                .arg("sla", text.clone());
            self.finding(kind, None, None, message);
        }
        let mut seen = BTreeSet::new();
        let first_pass = self.done.iter().all(|step| seen.insert(*step));
        let case = ClosedCase {
            finished,
            elapsed,
            first_pass,
            within_sla: sla.is_none_or(|(_, limit)| elapsed <= limit),
            found: self.findings.len(),
        };
        (case, self.findings)
    }
}

/// What an answer of a signer did.
enum Signature {
    /// The step is signed by one person.
    NotASigner,
    /// More answers are needed.
    Waiting,
    /// The answers decided the step: `next` or `reject`.
    Decided(String),
}

/// A case after its last event.
#[derive(Debug, Clone)]
pub(crate) struct ClosedCase {
    pub(crate) finished: bool,
    pub(crate) elapsed: WorkingTime,
    pub(crate) first_pass: bool,
    pub(crate) within_sla: bool,
    /// How many findings it has (they are in the session's list).
    pub(crate) found: usize,
}

/// The cheapest states (fewest wrong paths), each once, at most
/// [`MAX_STATES`].
fn keep_best(mut states: Vec<State>) -> Vec<State> {
    states.sort();
    states.dedup();
    states.sort_by_key(|state| state.wrong.len());
    states.truncate(MAX_STATES);
    states
}

/// Whether the step's owner is the applicant themself.
fn owned_by_applicant(node: &NodeInfo) -> bool {
    node.owners.iter().any(|party| {
        party.managers == 0 && matches!(party.base, crate::ir::PartyBaseInfo::Applicant)
    })
}

/// The step's owner line as written, for "whose problem is it".
pub(crate) fn owner_text(node: &NodeInfo) -> Option<String> {
    let people: Vec<String> = node.owners.iter().map(|party| party.text.clone()).collect();
    Some(node.signing.as_ref()?.words(&people, ", "))
}
