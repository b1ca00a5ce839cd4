//! Comparing one process of the old version with its match in the new:
//! its settings, inputs, KPIs and nodes; the routes are in [`super::routes`].

use std::collections::BTreeMap;

use super::nodes::{self, NodeMatching};
use super::org::UnitRenames;
use super::{ChangeKind, ProcessMatch, Recorder, people, process_title, routes, titled};
use crate::check::decision_space::condition_tree::comparisons;
use crate::emit::diagram;
use crate::i18n::Text;
use crate::model::words;
use crate::model::{
    self, CallDetails, EdgeKind, Escalation, NodeId, NodeKind, Owners, Party, Process, Project,
    RoleId, StepDetails,
};
use crate::syntax::ast::{self, Kpi, KpiBound, KpiTarget, Signing};
use crate::text;

/// Records the changes of one matched process; returns the renamed nodes
/// (old name to new name).
pub(super) fn compare(
    recorder: &mut Recorder<'_>,
    old_project: &Project,
    new_project: &Project,
    matched: &ProcessMatch,
    units: &UnitRenames,
) -> BTreeMap<String, String> {
    let (old, new) = match (matched.old, matched.new) {
        (Some(old), Some(new)) => (&old_project.processes[old], &new_project.processes[new]),
        (None, Some(new)) => {
            let process = &new_project.processes[new];
            recorder.record(
                ChangeKind::ProcessAdded,
                "process",
                &process.name,
                text!(
                    "diff-process-added",
                    process = process_title(process),
                    steps = step_count(process)
                ),
            );
            return BTreeMap::new();
        }
        (Some(old), None) => {
            let process = &old_project.processes[old];
            recorder.record(
                ChangeKind::ProcessRemoved,
                "process",
                &process.name,
                text!(
                    "diff-process-removed",
                    process = process_title(process),
                    steps = step_count(process)
                ),
            );
            return BTreeMap::new();
        }
        (None, None) => return BTreeMap::new(),
    };
    let mut context = Context {
        old_project,
        new_project,
        old,
        new,
        units,
        nodes: nodes::match_nodes(old, new),
        value_renames: BTreeMap::new(),
    };
    let first_change = recorder.changes.len();
    context.settings(recorder);
    let inputs = context.inputs(recorder);
    context.value_renames = inputs.clone();
    context.kpis(recorder, None, &old.kpis, &new.kpis);
    context.records(recorder);
    let found = recorder.found;
    for &(old_id, new_id) in &context.nodes.pairs {
        context.node(recorder, old_id, new_id);
    }
    if recorder.found > found
        || old.start.as_ref().map(|s| &s.name) != new.start.as_ref().map(|s| &s.name)
    {
        routes::compare(recorder, (old, new), &context.nodes, &inputs);
    }
    context.version(recorder, first_change);
    context.nodes.renames
}

/// How many steps a process has.
fn step_count(process: &Process) -> usize {
    process
        .nodes
        .iter()
        .filter(|node| matches!(node.kind, NodeKind::Step(_)))
        .count()
}

/// Both versions of a process with their nodes matched.
struct Context<'a> {
    old_project: &'a Project,
    new_project: &'a Project,
    old: &'a Process,
    new: &'a Process,
    units: &'a UnitRenames,
    nodes: NodeMatching,
    /// Inputs renamed, old name to new name (recorded values keep their
    /// names).
    value_renames: BTreeMap<String, String>,
}

impl Context<'_> {
    fn settings(&self, recorder: &mut Recorder<'_>) {
        let (old, new) = (self.old, self.new);
        let name = new.name.as_str();
        if old.name != new.name {
            recorder.record(
                ChangeKind::ProcessRenamed,
                "process",
                name,
                text!(
                    "diff-renamed-same-content",
                    noun = text!("diff-noun", noun = "process"),
                    old = old.name.as_str(),
                    new = new.name.as_str()
                ),
            );
        }
        recorder.label(
            ("process", name),
            old.label.as_deref(),
            new.label.as_deref(),
        );
        if old.category != new.category {
            let word = |category: Option<crate::syntax::ast::Category>| {
                category.map_or_else(
                    || text!("diff-label-none"),
                    |category| Text::verbatim(category.keyword()),
                )
            };
            recorder.record(
                ChangeKind::CategoryChanged,
                "process",
                name,
                text!(
                    "diff-category-changed",
                    old = word(old.category),
                    new = word(new.category)
                ),
            );
        }
        let old_owner = old
            .owner
            .as_ref()
            .map(|owner| self.units.new_name(&owner.name));
        let new_owner = new.owner.as_ref().map(|owner| owner.name.as_str());
        if old_owner != new_owner {
            recorder.record(
                ChangeKind::ProcessOwnerChanged,
                "process",
                name,
                text!(
                    "diff-process-owner-changed",
                    old = none_or(old_owner),
                    new = none_or(new_owner)
                ),
            );
        }
        recorder.note(
            ("process", name),
            old.note.as_ref().map(|note| note.text.text.as_str()),
            new.note.as_ref().map(|note| note.text.text.as_str()),
        );
        self.version_line(recorder);
        people::applicants(recorder, self.units, old, new);
        recorder.durations(
            [
                ChangeKind::SlaLengthened,
                ChangeKind::SlaTightened,
                ChangeKind::SlaAdded,
                ChangeKind::SlaRemoved,
            ],
            ("process", name),
            "sla",
            old.sla.as_ref(),
            new.sla.as_ref(),
        );
        recorder.durations(
            [
                ChangeKind::ReviewCycleLengthened,
                ChangeKind::ReviewCycleShortened,
                ChangeKind::ReviewCycleAdded,
                ChangeKind::ReviewCycleRemoved,
            ],
            ("process", name),
            "review-cycle",
            old.review.as_ref().map(|review| &review.every),
            new.review.as_ref().map(|review| &review.every),
        );
        let old_last = old.review.as_ref().and_then(|review| review.last);
        let new_last = new.review.as_ref().and_then(|review| review.last);
        if old_last != new_last && new.review.is_some() {
            recorder.record(
                ChangeKind::LastReviewChanged,
                "process",
                name,
                text!(
                    "diff-last-review-changed",
                    old = date_words(old_last),
                    new = date_words(new_last)
                ),
            );
        }
        let old_start = old
            .start
            .as_ref()
            .map(|start| self.nodes.new_name(&start.name).to_string());
        let new_start = new.start.as_ref().map(|start| start.name.clone());
        if old_start != new_start {
            recorder.record(
                ChangeKind::StartChanged,
                "process",
                name,
                text!(
                    "diff-start-changed",
                    new = new_start.map_or_else(|| text!("diff-nothing"), Text::verbatim),
                    old = old_start.map_or_else(|| text!("diff-nothing"), Text::verbatim)
                ),
            );
        }
    }

    /// `version N, effective DATE`: the number and the day changed.
    fn version_line(&self, recorder: &mut Recorder<'_>) {
        let name = self.new.name.as_str();
        let (old, new) = (self.old.version.as_ref(), self.new.version.as_ref());
        let number = |version: Option<&ast::Version>| version.map(|version| version.number);
        let (before, after) = (number(old), number(new));
        if before != after {
            let word = |number: Option<u32>| {
                number.map_or_else(
                    || text!("diff-label-none"),
                    |n| Text::verbatim(n.to_string()),
                )
            };
            recorder.record(
                ChangeKind::VersionChanged,
                "process",
                name,
                text!(
                    "diff-version-changed",
                    old = word(before),
                    new = word(after)
                ),
            );
        }
        let effective =
            |version: Option<&ast::Version>| version.and_then(|version| version.effective);
        let (before, after) = (effective(old), effective(new));
        if before != after {
            recorder.record(
                ChangeKind::EffectiveDateChanged,
                "process",
                name,
                text!(
                    "diff-effective-date-changed",
                    old = date_words(before),
                    new = date_words(after)
                ),
            );
        }
    }

    /// A major change since `first_change` (the process's first) while the
    /// version number did not go up; only for a process the old version
    /// numbered.
    fn version(&self, recorder: &mut Recorder<'_>, first_change: usize) {
        let Some(before) = self.old.version.as_ref().map(|version| version.number) else {
            return;
        };
        let after = self.new.version.as_ref().map(|version| version.number);
        if after.is_some_and(|after| after > before) {
            return;
        }
        let majors: Vec<&'static str> = recorder.changes[first_change..]
            .iter()
            .filter(|change| change.class == super::Class::Major)
            .map(|change| change.kind.name())
            .collect();
        let Some(first) = majors.first() else {
            return;
        };
        let now = match after {
            None => "gone",
            Some(after) if after == before => "same",
            Some(_) => "down",
        };
        recorder.record(
            ChangeKind::VersionNotRaised,
            "process",
            &self.new.name,
            text!(
                "diff-version-not-raised",
                first = *first,
                more = if majors.len() > 1 { "some" } else { "none" },
                others = majors.len() - 1,
                now = now,
                before = before.to_string(),
                after = after.map_or_else(String::new, |after| after.to_string())
            ),
        );
    }

    /// Recorded values, matched by name: added, removed (a removed value a
    /// decision of the old version tested is major), moved to another step,
    /// changed in type or label.
    fn records(&self, recorder: &mut Recorder<'_>) {
        let words = |record: &model::RecordedValue, process: &Process| {
            text!(
                "diff-record-words",
                value = titled(
                    "value",
                    &record.record.name.text,
                    record.record.label.as_ref().map(|l| l.text.as_str())
                ),
                type = nodes::input_type_words(&record.record.kind),
                step = process.node(record.step).name.as_str()
            )
        };
        for old in &self.old.records {
            let name = &old.record.name.text;
            match self.new.record_named(name) {
                None => {
                    let kind = if tested(self.old, name) {
                        ChangeKind::TestedRecordRemoved
                    } else {
                        ChangeKind::RecordRemoved
                    };
                    recorder.record(
                        kind,
                        "value",
                        name,
                        text!("diff-thing-removed", thing = words(old, self.old)),
                    );
                }
                Some(new) => {
                    let (before, after) = (
                        self.nodes
                            .new_name(&self.old.node(old.step).name)
                            .to_string(),
                        self.new.node(new.step).name.clone(),
                    );
                    if before != after {
                        recorder.record(
                            ChangeKind::RecordMoved,
                            "value",
                            name,
                            text!("diff-record-moved", name = name, new = after, old = before),
                        );
                    }
                    let content = |record: &ast::Record| {
                        (
                            record.label.as_ref().map(|l| l.text.clone()),
                            nodes::input_type_words(&record.kind),
                        )
                    };
                    if content(&old.record) != content(&new.record) {
                        recorder.record(
                            ChangeKind::RecordChanged,
                            "value",
                            name,
                            text!(
                                "diff-record-became",
                                old = words(old, self.old),
                                new = words(new, self.new)
                            ),
                        );
                    }
                }
            }
        }
        for new in &self.new.records {
            if self.old.record_named(&new.record.name.text).is_none() {
                recorder.record(
                    ChangeKind::RecordAdded,
                    "value",
                    &new.record.name.text,
                    text!("diff-thing-added", thing = words(new, self.new)),
                );
            }
        }
    }

    /// Inputs matched by name, then renamed ones by type; returns the
    /// renames (old name to new name).
    fn inputs(&self, recorder: &mut Recorder<'_>) -> BTreeMap<String, String> {
        let content = |process: &Process| -> Vec<(String, String)> {
            process
                .inputs
                .iter()
                .map(|input| {
                    (
                        input.name.text.clone(),
                        nodes::input_type_words(&input.kind),
                    )
                })
                .collect()
        };
        let (old, new) = (content(self.old), content(self.new));
        let mut renames = BTreeMap::new();
        for pair in super::pair_names(&old, &new) {
            match pair {
                (Some(index), None) => {
                    let (name, kind) = &old[index];
                    recorder.record(
                        ChangeKind::InputRemoved,
                        "input",
                        name,
                        text!("diff-input-removed", name = name, type = kind),
                    );
                }
                (None, Some(at)) => {
                    let (name, kind) = &new[at];
                    recorder.record(
                        ChangeKind::InputAdded,
                        "input",
                        name,
                        text!("diff-input-added", name = name, type = kind),
                    );
                }
                (Some(index), Some(at)) => {
                    let ((before, old_kind), (after, new_kind)) = (&old[index], &new[at]);
                    if before != after {
                        renames.insert(before.clone(), after.clone());
                        recorder.record(
                            ChangeKind::InputRenamed,
                            "input",
                            after,
                            text!(
                                "diff-input-renamed",
                                old = before,
                                type = old_kind,
                                new = after
                            ),
                        );
                    } else if old_kind != new_kind {
                        recorder.record(
                            ChangeKind::InputTypeChanged,
                            "input",
                            after,
                            text!(
                                "diff-input-type-changed",
                                name = after,
                                old = old_kind,
                                new = new_kind
                            ),
                        );
                    }
                }
                (None, None) => {}
            }
        }
        renames
    }

    /// KPIs (of the process, or of the step `step`) matched by name, then
    /// renamed ones by content.
    fn kpis(
        &self,
        recorder: &mut Recorder<'_>,
        step: Option<&str>,
        old_kpis: &[Kpi],
        new_kpis: &[Kpi],
    ) {
        let kpi_text = |id: &'static str, kpi: &Kpi| {
            Text::new(id)
                .arg("name", kpi.name.text.as_str())
                .arg("scope", if step.is_some() { "step" } else { "process" })
                .arg("step", step.unwrap_or_default())
                .arg("target", nodes::kpi_words(kpi))
        };
        let content = |kpis: &[Kpi]| -> Vec<(String, String)> {
            kpis.iter()
                .map(|kpi| {
                    let label = kpi.label.as_ref().map_or("", |label| label.text.as_str());
                    (
                        kpi.name.text.clone(),
                        format!("{label}\u{1f}{}", nodes::kpi_words(kpi)),
                    )
                })
                .collect()
        };
        let (old, new) = (content(old_kpis), content(new_kpis));
        for pair in super::pair_names(&old, &new) {
            match pair {
                (Some(index), None) => {
                    let kpi = &old_kpis[index];
                    let name = &kpi.name.text;
                    recorder.record(
                        ChangeKind::KpiRemoved,
                        "KPI",
                        name,
                        kpi_text("diff-kpi-removed", kpi),
                    );
                }
                (None, Some(at)) => {
                    let kpi = &new_kpis[at];
                    recorder.record(
                        ChangeKind::KpiAdded,
                        "KPI",
                        &kpi.name.text,
                        kpi_text("diff-kpi-added", kpi),
                    );
                }
                (Some(index), Some(at)) => {
                    let (before, after) = (&old_kpis[index], &new_kpis[at]);
                    let name = &after.name.text;
                    if before.name.text != *name {
                        recorder.record(
                            ChangeKind::KpiRenamed,
                            "KPI",
                            name,
                            text!(
                                "diff-renamed-same-content",
                                noun = text!("diff-noun", noun = "KPI"),
                                old = before.name.text.as_str(),
                                new = name
                            ),
                        );
                    }
                    recorder.label(
                        ("KPI", name),
                        before.label.as_ref().map(|l| l.text.as_str()),
                        after.label.as_ref().map(|l| l.text.as_str()),
                    );
                    self.kpi_target(recorder, before, after);
                }
                (None, None) => {}
            }
        }
    }

    /// Looser or tighter when only the target value moved; otherwise a
    /// change of what is measured.
    fn kpi_target(&self, recorder: &mut Recorder<'_>, old: &Kpi, new: &Kpi) {
        let (before, after) = (nodes::kpi_words(old), nodes::kpi_words(new));
        if before == after {
            return;
        }
        let ordering = if old.statistic == new.statistic && old.bound == new.bound {
            match (&old.target, &new.target) {
                (KpiTarget::Duration(a), KpiTarget::Duration(b)) => Some(
                    recorder
                        .calendar
                        .working_time(b)
                        .cmp(&recorder.calendar.working_time(a)),
                ),
                (KpiTarget::Percentage(a), KpiTarget::Percentage(b))
                | (KpiTarget::Number(a), KpiTarget::Number(b)) => Some(b.cmp(a)),
                _ => None,
            }
        } else {
            None
        };
        let upper_bound = matches!(old.bound, KpiBound::Under | KpiBound::AtMost);
        let kind = match ordering {
            Some(std::cmp::Ordering::Equal) => ChangeKind::DurationRewritten,
            Some(std::cmp::Ordering::Greater) if upper_bound => ChangeKind::KpiLoosened,
            Some(std::cmp::Ordering::Less) if !upper_bound => ChangeKind::KpiLoosened,
            Some(_) => ChangeKind::KpiTightened,
            None => ChangeKind::KpiChanged,
        };
        let words = match kind {
            ChangeKind::KpiLoosened => "loosened",
            ChangeKind::KpiTightened => "tightened",
            ChangeKind::DurationRewritten => "rewritten",
            _ => "changed",
        };
        recorder.record(
            kind,
            "KPI",
            &new.name.text,
            text!(
                "diff-kpi-target",
                name = new.name.text.as_str(),
                how = words,
                old = before,
                new = after
            ),
        );
    }

    fn node(&self, recorder: &mut Recorder<'_>, old_id: Option<NodeId>, new_id: Option<NodeId>) {
        match (old_id, new_id) {
            (Some(old_id), None) => {
                let node = self.old.node(old_id);
                let (kind, _, _) = node_kinds(&node.kind);
                let words = text!("diff-thing-removed", thing = super::node_words(node));
                recorder.record(kind, node.kind.noun(), &node.name, words);
            }
            (None, Some(new_id)) => {
                let node = self.new.node(new_id);
                let (_, kind, _) = node_kinds(&node.kind);
                let words = text!("diff-thing-added", thing = super::node_words(node));
                recorder.record(kind, node.kind.noun(), &node.name, words);
            }
            (Some(old_id), Some(new_id)) => self.matched_node(recorder, old_id, new_id),
            (None, None) => {}
        }
    }

    fn matched_node(&self, recorder: &mut Recorder<'_>, old_id: NodeId, new_id: NodeId) {
        let (old, new) = (self.old.node(old_id), self.new.node(new_id));
        let noun = new.kind.noun();
        if old.kind.noun() != noun {
            recorder.record(
                ChangeKind::NodeKindChanged,
                noun,
                &new.name,
                text!(
                    "diff-node-kind-changed",
                    name = new.name.as_str(),
                    old = old.kind.noun().replace(' ', "-"),
                    new = noun.replace(' ', "-")
                ),
            );
            return;
        }
        if old.name != new.name {
            let (_, _, kind) = node_kinds(&new.kind);
            recorder.record(
                kind,
                noun,
                &new.name,
                text!(
                    "diff-renamed-same-content",
                    noun = text!("diff-noun", noun = noun.replace(' ', "-")),
                    old = old.name.as_str(),
                    new = new.name.as_str()
                ),
            );
        }
        recorder.label(
            (noun, &new.name),
            old.label.as_deref(),
            new.label.as_deref(),
        );
        recorder.note(
            (noun, &new.name),
            diagram::node_note(old),
            diagram::node_note(new),
        );
        match (&old.kind, &new.kind) {
            (NodeKind::Step(old_step), NodeKind::Step(new_step)) => {
                self.step(recorder, &new.name, old_step, new_step);
                self.timeout(recorder, &new.name, old_id, new_id);
                self.exits(recorder, (noun, &new.name), old_id, new_id);
            }
            (NodeKind::Call(old_call), NodeKind::Call(new_call)) => {
                self.call(recorder, &new.name, old_call, new_call);
                self.exits(recorder, (noun, &new.name), old_id, new_id);
            }
            (NodeKind::Decision, NodeKind::Decision) => {
                self.decision(recorder, &new.name, old_id, new_id);
            }
            (NodeKind::Parallel { .. }, NodeKind::Parallel { .. }) => {
                self.parallel(recorder, &new.name, old_id, new_id);
                self.exits(recorder, (noun, &new.name), old_id, new_id);
            }
            _ => {}
        }
    }

    /// A party of the old version as the new version writes it (renamed
    /// roles and departments by their new names).
    fn old_party(&self, party: &Party) -> String {
        party.text_with(|name| self.units.new_name(name).to_string())
    }

    fn step(&self, recorder: &mut Recorder<'_>, name: &str, old: &StepDetails, new: &StepDetails) {
        people::owners(recorder, self.units, name, old, new);
        recorder.durations(
            [
                ChangeKind::DeadlineLengthened,
                ChangeKind::DeadlineTightened,
                ChangeKind::DeadlineAdded,
                ChangeKind::DeadlineRemoved,
            ],
            ("step", name),
            "deadline",
            old.deadline.as_ref(),
            new.deadline.as_ref(),
        );
        recorder.durations(
            [
                ChangeKind::MinimumLengthened,
                ChangeKind::MinimumShortened,
                ChangeKind::MinimumAdded,
                ChangeKind::MinimumRemoved,
            ],
            ("step", name),
            "minimum-period",
            old.minimum.as_ref(),
            new.minimum.as_ref(),
        );
        self.reminders(recorder, name, old, new);
        self.escalations(recorder, name, old, new);
        people::told_and_asked(recorder, self.units, name, old, new);
        self.kpis(recorder, Some(name), &old.kpis, &new.kpis);
    }

    /// `on timeout after DURATION -> TARGET`: set, removed, sooner or
    /// later, or leading elsewhere.
    fn timeout(&self, recorder: &mut Recorder<'_>, name: &str, old_id: NodeId, new_id: NodeId) {
        let timeout = |process: &Process, id: NodeId| {
            process.edges_from(id).find_map(|edge| match &edge.kind {
                EdgeKind::Timeout(after) => Some((*after, process.node(edge.to).name.clone())),
                _ => None,
            })
        };
        let old = timeout(self.old, old_id)
            .map(|(after, target)| (after, self.nodes.new_name(&target).to_string()));
        let new = timeout(self.new, new_id);
        match (old, new) {
            (None, None) => {}
            (None, Some((after, target))) => recorder.record(
                ChangeKind::TimeoutAdded,
                "step",
                name,
                text!(
                    "diff-timeout-added",
                    target = target,
                    after = words::duration(&after)
                ),
            ),
            (Some((after, target)), None) => recorder.record(
                ChangeKind::TimeoutRemoved,
                "step",
                name,
                text!(
                    "diff-timeout-removed",
                    target = target,
                    after = words::duration(&after)
                ),
            ),
            (Some((before, old_target)), Some((after, new_target))) => {
                if old_target != new_target {
                    recorder.record(
                        ChangeKind::TimeoutRetargeted,
                        "step",
                        name,
                        text!(
                            "diff-timeout-retargeted",
                            new = new_target,
                            old = old_target
                        ),
                    );
                }
                if let Some((kind, words)) = recorder.duration_change(
                    &before,
                    &after,
                    [ChangeKind::TimeoutDelayed, ChangeKind::TimeoutEarlier],
                    "delay",
                ) {
                    recorder.record(
                        kind,
                        "step",
                        name,
                        text!("diff-duration-changed", what = "timeout", change = words),
                    );
                }
            }
        }
    }

    /// A call: the process it runs and the values it gives it.
    fn call(&self, recorder: &mut Recorder<'_>, name: &str, old: &CallDetails, new: &CallDetails) {
        let process = |call: &CallDetails| call.process.as_ref().map(|p| p.name.clone());
        let (before, after) = (process(old), process(new));
        if before != after {
            recorder.record(
                ChangeKind::CallRetargeted,
                "call",
                name,
                text!(
                    "diff-call-retargeted",
                    new = none_or(after.as_deref()),
                    old = none_or(before.as_deref())
                ),
            );
        }
        let inputs = |call: &CallDetails, renamed: bool| -> Vec<String> {
            call.bindings
                .iter()
                .map(|binding| {
                    let value = match (&binding.value, renamed) {
                        (ast::Operand::Value(value), true) => self
                            .value_renames
                            .get(&value.text)
                            .unwrap_or(&value.text)
                            .clone(),
                        (value, _) => value.to_string(),
                    };
                    format!("{} = {value}", binding.input.text)
                })
                .collect()
        };
        let (before, after) = (inputs(old, true), inputs(new, false));
        let gone: Vec<&String> = before.iter().filter(|line| !after.contains(line)).collect();
        let came: Vec<&String> = after.iter().filter(|line| !before.contains(line)).collect();
        if !gone.is_empty() || !came.is_empty() {
            let list = |lines: &[&String]| -> Vec<Text> {
                lines
                    .iter()
                    .map(|line| Text::verbatim(format!("`with {line}`")))
                    .collect()
            };
            let words = match (gone.is_empty(), came.is_empty()) {
                (true, _) => text!("diff-call-gives-more", came = list(&came)),
                (_, true) => text!("diff-call-gives-less", gone = list(&gone)),
                _ => text!(
                    "diff-call-gives-other",
                    came = list(&came),
                    gone = list(&gone)
                ),
            };
            recorder.record(ChangeKind::CallInputsChanged, "call", name, words);
        }
    }

    fn reminders(
        &self,
        recorder: &mut Recorder<'_>,
        name: &str,
        old: &StepDetails,
        new: &StepDetails,
    ) {
        let mut gone: Vec<_> = old.reminders.clone();
        let mut came = Vec::new();
        for reminder in &new.reminders {
            match gone
                .iter()
                .position(|r| r.amount == reminder.amount && r.unit == reminder.unit)
            {
                Some(at) => {
                    gone.remove(at);
                }
                None => came.push(*reminder),
            }
        }
        let paired = gone.len().min(came.len());
        for (before, after) in gone.iter().zip(&came) {
            if let Some((_, words)) = recorder.duration_change(
                before,
                after,
                [ChangeKind::ReminderChanged, ChangeKind::ReminderChanged],
                "move",
            ) {
                recorder.record(
                    ChangeKind::ReminderChanged,
                    "step",
                    name,
                    text!("diff-duration-changed", what = "reminder", change = words),
                );
            }
        }
        for reminder in &gone[paired..] {
            recorder.record(
                ChangeKind::ReminderRemoved,
                "step",
                name,
                text!("diff-reminder-removed", after = words::duration(reminder)),
            );
        }
        for reminder in &came[paired..] {
            recorder.record(
                ChangeKind::ReminderAdded,
                "step",
                name,
                text!("diff-reminder-added", after = words::duration(reminder)),
            );
        }
    }

    fn escalations(
        &self,
        recorder: &mut Recorder<'_>,
        name: &str,
        old: &StepDetails,
        new: &StepDetails,
    ) {
        let old_target = |escalation: &Escalation| self.old_party(&escalation.to);
        let mut gone: Vec<&Escalation> = Vec::new();
        let mut kept: Vec<(&Escalation, &Escalation)> = Vec::new();
        let mut came: Vec<&Escalation> = new.escalations.iter().collect();
        for escalation in &old.escalations {
            match came
                .iter()
                .position(|e| e.to.to_string() == old_target(escalation))
            {
                Some(at) => kept.push((escalation, came.remove(at))),
                None => gone.push(escalation),
            }
        }
        for (before, after) in &kept {
            if let Some((kind, words)) = recorder.duration_change(
                &before.after,
                &after.after,
                [ChangeKind::EscalationDelayed, ChangeKind::EscalationEarlier],
                "delay",
            ) {
                recorder.record(
                    kind,
                    "step",
                    name,
                    text!(
                        "diff-escalation-moved",
                        to = after.to.to_string(),
                        change = words
                    ),
                );
            }
        }
        if let ([before], [after]) = (gone.as_slice(), came.as_slice()) {
            recorder.record(
                ChangeKind::EscalationRetargeted,
                "step",
                name,
                text!(
                    "diff-escalation-retargeted",
                    new = after.to.to_string(),
                    new_after = words::duration(&after.after),
                    old = old_target(before),
                    old_after = words::duration(&before.after)
                ),
            );
        } else {
            for escalation in &gone {
                recorder.record(
                    ChangeKind::EscalationRemoved,
                    "step",
                    name,
                    text!(
                        "diff-escalation-removed",
                        after = words::duration(&escalation.after),
                        to = old_target(escalation)
                    ),
                );
            }
            for escalation in &came {
                recorder.record(
                    ChangeKind::EscalationAdded,
                    "step",
                    name,
                    text!(
                        "diff-escalation-added",
                        after = words::duration(&escalation.after),
                        to = escalation.to.to_string()
                    ),
                );
            }
        }
        self.upward(recorder, name, old, new);
    }

    /// An escalation that went up the reporting lines and no longer does,
    /// whether the step or the organisation changed.
    fn upward(
        &self,
        recorder: &mut Recorder<'_>,
        name: &str,
        old: &StepDetails,
        new: &StepDetails,
    ) {
        let old_upward: Vec<String> = old
            .escalations
            .iter()
            .filter(|e| upward(self.old_project, self.old, old, e) == Upward::Yes)
            .map(|e| self.old_party(&e.to))
            .collect();
        let old_all_upward =
            !old.escalations.is_empty() && old_upward.len() == old.escalations.len();
        let old_targets: Vec<String> = old
            .escalations
            .iter()
            .map(|e| self.old_party(&e.to))
            .collect();
        for escalation in &new.escalations {
            let target = &escalation.to.to_string();
            let was_upward =
                old_upward.contains(target) || (!old_targets.contains(target) && old_all_upward);
            let Upward::No { applicant, owner } =
                upward(self.new_project, self.new, new, escalation)
            else {
                continue;
            };
            if was_upward {
                let chain: Vec<&str> = self
                    .new_project
                    .superiors(owner)
                    .into_iter()
                    .map(|role| self.new_project.role(role).name.as_str())
                    .collect();
                let owner_name = &self.new_project.role(owner).name;
                let reports = if chain.is_empty() {
                    text!("diff-reports-to-nobody", owner = owner_name.as_str())
                } else {
                    text!(
                        "diff-reports-to",
                        owner = owner_name.as_str(),
                        chain = text!("diff-superiors", chain = chain.join(" → "))
                    )
                };
                let line = match (applicant, new.owner.as_ref()) {
                    (Some(applicant), Some(owners))
                        if owners.parties.iter().any(Party::is_relative) =>
                    {
                        text!(
                            "diff-reports-for-applicant",
                            applicant = self.new_project.role(applicant).name.as_str(),
                            owners = owners.to_string(),
                            owner = owner_name.as_str(),
                            reports = reports
                        )
                    }
                    _ => reports,
                };
                recorder.record(
                    ChangeKind::EscalationNoLongerUpward,
                    "step",
                    name,
                    text!(
                        "diff-escalation-not-upward",
                        after = words::duration(&escalation.after),
                        to = target,
                        line = line
                    ),
                );
            }
        }
    }

    /// Outcomes and `next`, with old targets renamed into the new version.
    fn exits(
        &self,
        recorder: &mut Recorder<'_>,
        (noun, name): (&'static str, &str),
        old_id: NodeId,
        new_id: NodeId,
    ) {
        let followed = |how: &str| {
            how == "next" || (how.starts_with("on ") && !how.starts_with(nodes::TIMEOUT_EXIT))
        };
        let old_exits: Vec<(String, String)> = nodes::exits(self.old, old_id)
            .into_iter()
            .filter(|(how, _)| followed(how))
            .map(|(how, target)| (how, self.nodes.new_name(&target).to_string()))
            .collect();
        let new_exits: Vec<(String, String)> = nodes::exits(self.new, new_id)
            .into_iter()
            .filter(|(how, _)| followed(how))
            .collect();
        let find = |exits: &[(String, String)], how: &str| {
            exits
                .iter()
                .find(|(h, _)| h == how)
                .map(|(_, target)| target.clone())
        };
        let mut seen = Vec::new();
        for (how, _) in old_exits.iter().chain(&new_exits) {
            if seen.contains(how) {
                continue;
            }
            seen.push(how.clone());
            let (before, after) = (find(&old_exits, how), find(&new_exits, how));
            let outcome = how.strip_prefix("on ");
            let (kind, words) = match (&before, &after, outcome) {
                (Some(b), Some(a), _) if a == b => continue,
                (Some(b), Some(a), None) => (
                    ChangeKind::NextChanged,
                    text!("diff-next-changed", new = a, old = b),
                ),
                (Some(b), None, None) => {
                    (ChangeKind::NextChanged, text!("diff-next-removed", old = b))
                }
                (None, Some(a), None) => {
                    (ChangeKind::NextChanged, text!("diff-next-added", new = a))
                }
                (Some(b), Some(a), Some(o)) => (
                    ChangeKind::OutcomeRetargeted,
                    text!("diff-outcome-retargeted", outcome = o, new = a, old = b),
                ),
                (Some(b), None, Some(o)) => (
                    ChangeKind::OutcomeRemoved,
                    text!("diff-outcome-removed", outcome = o, target = b),
                ),
                (None, Some(a), Some(o)) => (
                    ChangeKind::OutcomeAdded,
                    text!("diff-outcome-added", outcome = o, target = a),
                ),
                (None, None, _) => continue,
            };
            recorder.record(kind, noun, name, words);
        }
    }

    /// `when` lines matched by target (then by order), and `otherwise`.
    fn decision(&self, recorder: &mut Recorder<'_>, name: &str, old_id: NodeId, new_id: NodeId) {
        let lines = |exits: Vec<(String, String)>| -> (Vec<(String, String)>, Option<String>) {
            let mut whens = Vec::new();
            let mut otherwise = None;
            for (how, target) in exits {
                match how.strip_prefix("when ") {
                    Some(condition) => whens.push((condition.to_string(), target)),
                    None => otherwise = Some(target),
                }
            }
            (whens, otherwise)
        };
        let (old_whens, old_otherwise) = lines(
            nodes::exits(self.old, old_id)
                .into_iter()
                .map(|(how, target)| (how, self.nodes.new_name(&target).to_string()))
                .collect(),
        );
        let (new_whens, new_otherwise) = lines(nodes::exits(self.new, new_id));
        let mut unmatched_new: Vec<&(String, String)> = new_whens.iter().collect();
        let mut unmatched_old = Vec::new();
        for line in &old_whens {
            let same = unmatched_new.iter().position(|n| *n == line);
            let same_target = unmatched_new.iter().position(|n| n.1 == line.1);
            match same.or(same_target) {
                Some(at) => {
                    let new_line = unmatched_new.remove(at);
                    if new_line.0 != line.0 {
                        recorder.record(
                            ChangeKind::ConditionChanged,
                            "decision",
                            name,
                            text!(
                                "diff-when-changed",
                                old = line.0.as_str(),
                                old_target = line.1.as_str(),
                                new = new_line.0.as_str(),
                                new_target = new_line.1.as_str()
                            ),
                        );
                    }
                }
                None => unmatched_old.push(line),
            }
        }
        for (condition, target) in unmatched_old {
            recorder.record(
                ChangeKind::BranchRemoved,
                "decision",
                name,
                text!("diff-when-removed", condition = condition, target = target),
            );
        }
        for (condition, target) in unmatched_new {
            recorder.record(
                ChangeKind::BranchAdded,
                "decision",
                name,
                text!("diff-when-added", condition = condition, target = target),
            );
        }
        let words = match (&old_otherwise, &new_otherwise) {
            (Some(b), Some(a)) if a != b => {
                Some(text!("diff-otherwise-retargeted", new = a, old = b))
            }
            (Some(b), None) => Some(text!("diff-otherwise-removed", target = b)),
            (None, Some(a)) => Some(text!("diff-otherwise-added", target = a)),
            _ => None,
        };
        if let Some(words) = words {
            recorder.record(ChangeKind::OtherwiseChanged, "decision", name, words);
        }
    }

    fn parallel(&self, recorder: &mut Recorder<'_>, name: &str, old_id: NodeId, new_id: NodeId) {
        let branches = |process: &Process, id: NodeId, rename: bool| -> Vec<String> {
            nodes::exits(process, id)
                .into_iter()
                .filter(|(how, _)| how == "branch")
                .map(|(_, target)| {
                    if rename {
                        self.nodes.new_name(&target).to_string()
                    } else {
                        target
                    }
                })
                .collect()
        };
        let (old_branches, new_branches) = (
            branches(self.old, old_id, true),
            branches(self.new, new_id, false),
        );
        for branch in old_branches.iter().filter(|b| !new_branches.contains(b)) {
            recorder.record(
                ChangeKind::ParallelBranchRemoved,
                "parallel block",
                name,
                text!("diff-branch-removed", branch = branch),
            );
        }
        for branch in new_branches.iter().filter(|b| !old_branches.contains(b)) {
            recorder.record(
                ChangeKind::ParallelBranchAdded,
                "parallel block",
                name,
                text!("diff-branch-added", branch = branch),
            );
        }
    }
}

/// Whether a decision of `process` tests the value `name` (on either
/// side of a comparison).
fn tested(process: &Process, name: &str) -> bool {
    process.edges.iter().any(|edge| match &edge.kind {
        EdgeKind::When(condition) => comparisons(condition.as_ref()).iter().any(|comparison| {
            comparison.input.text == name
                || matches!(&comparison.value, ast::Operand::Value(value) if value.text == name)
        }),
        _ => false,
    })
}

/// Whether an escalation goes up the reporting lines of its step's owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Upward {
    /// To a superior of the owner, in every case.
    Yes,
    /// Not to a superior of the owner when the applicant holds
    /// `applicant` (`None` in a process without `applicant`), where the
    /// owner is `owner`.
    No {
        applicant: Option<RoleId>,
        owner: RoleId,
    },
    /// Not a question with an answer: the step has no single owner, or
    /// the owner or the target is no role in some case.
    Unknown,
}

/// Whether an escalation goes to a superior of the step's owner, for
/// every role the applicant may hold (relative owners and targets are
/// resolved per case by [`people::resolve`]).
fn upward(
    project: &Project,
    process: &Process,
    step: &StepDetails,
    escalation: &Escalation,
) -> Upward {
    let Some(Owners {
        signing: Signing::One,
        parties,
        ..
    }) = &step.owner
    else {
        return Upward::Unknown;
    };
    let [party] = parties.as_slice() else {
        return Upward::Unknown;
    };
    for case in model::people::cases(project, process) {
        let owner = model::people::resolve(project, party, case).role();
        let target = model::people::resolve(project, &escalation.to, case).role();
        let (Some(owner), Some(target)) = (owner, target) else {
            return Upward::Unknown;
        };
        if !project.superiors(owner).contains(&target) {
            return Upward::No {
                applicant: case,
                owner,
            };
        }
    }
    Upward::Yes
}

/// The kinds for a node removed, added and renamed.
fn node_kinds(kind: &NodeKind) -> (ChangeKind, ChangeKind, ChangeKind) {
    match kind {
        NodeKind::Step(_) => (
            ChangeKind::StepRemoved,
            ChangeKind::StepAdded,
            ChangeKind::StepRenamed,
        ),
        NodeKind::Call(_) => (
            ChangeKind::CallRemoved,
            ChangeKind::CallAdded,
            ChangeKind::CallRenamed,
        ),
        NodeKind::Decision => (
            ChangeKind::DecisionRemoved,
            ChangeKind::DecisionAdded,
            ChangeKind::DecisionRenamed,
        ),
        NodeKind::Parallel { .. } | NodeKind::Join { .. } => (
            ChangeKind::BlockRemoved,
            ChangeKind::BlockAdded,
            ChangeKind::BlockRenamed,
        ),
        NodeKind::End => (
            ChangeKind::EndRemoved,
            ChangeKind::EndAdded,
            ChangeKind::EndRenamed,
        ),
    }
}

/// Comments added or removed, per file present in both versions.
pub(super) fn compare_comments(recorder: &mut Recorder<'_>, old: &Project, new: &Project) {
    for new_file in &new.files {
        let Some(old_file) = old
            .files
            .iter()
            .find(|file| file.relative == new_file.relative)
        else {
            continue;
        };
        if old_file.text == new_file.text {
            continue;
        }
        let comments = |text: &str| -> Vec<String> {
            crate::syntax::parse(text)
                .map(|tree| {
                    tree.comments
                        .into_iter()
                        .map(|c| c.text.trim().to_string())
                        .collect()
                })
                .unwrap_or_default()
        };
        let (mut before, after) = (comments(&old_file.text), comments(&new_file.text));
        let mut added = 0;
        for comment in &after {
            match before.iter().position(|c| c == comment) {
                Some(at) => {
                    before.remove(at);
                }
                None => added += 1,
            }
        }
        let removed = before.len();
        if added + removed > 0 {
            recorder.scope = super::Scope::File(new_file.relative.clone());
            recorder.record(
                ChangeKind::CommentsChanged,
                "file",
                &new_file.relative,
                text!(
                    "diff-comments-changed",
                    added = added.to_string(),
                    removed = removed.to_string()
                ),
            );
        }
    }
}

/// A name the user wrote, or "none".
fn none_or(name: Option<&str>) -> Text {
    name.map_or_else(|| text!("diff-label-none"), Text::verbatim)
}

/// A date as the language writes it, or "none".
fn date_words(date: Option<chrono::NaiveDate>) -> Text {
    date.map_or_else(|| text!("diff-label-none"), words::date)
}
