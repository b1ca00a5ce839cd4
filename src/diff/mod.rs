//! Semantic diff: what a change to the `.flow` files does to the processes.
//!
//! [`compare`] takes two checked projects (the old and the new version) and
//! lists every [`Change`] between their compiled models, matched by names:
//! processes, steps, decisions, blocks, ends, inputs, KPIs, roles and
//! departments added, removed or renamed (a rename is a name that changed
//! while the content did not); per step its owner, deadline, reminders,
//! escalations, outcomes and successors; per decision its lines, with the
//! effect on each case worked out exactly ([`routes`]); the organisation's
//! reporting lines and the escalations they turn sideways. Each change is
//! classified by the [`DiffPolicy`] of the configuration. [`render`] prints the result for people,
//! pull requests and machines; [`visual`] marks the diagrams.
//!
//! The diff sits beside the emitters: it reads checked models and never
//! changes them. [`git`] reads an old version out of a git repository.

pub mod git;
mod nodes;
mod org;
mod people;
mod process;
pub mod render;
mod routes;
pub mod visual;

use std::collections::BTreeMap;

use crate::check::CheckedProject;
use crate::config::Config;
use crate::i18n::{Arg, Text};
use crate::model::calendar::{Calendar, WorkingTime};
use crate::model::words;
use crate::model::{NodeKind, Process, Project};
use crate::syntax::ast::Duration;
use crate::text;

pub use crate::config::diff_policy::{ChangeKind, Class, DiffPolicy};

/// Where a change is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    /// The departments and roles.
    Organisation,
    /// A process, by its new name (its old name when it was removed).
    Process(String),
    /// A file, by its path relative to the project root.
    File(String),
}

/// What a change is about: `step dept_review`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// What kind of thing: "process", "step", "decision", "role", ...
    pub noun: &'static str,
    /// Its name (the new name; the old one when it was removed).
    pub name: String,
}

/// One change between the two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Its kind.
    pub kind: ChangeKind,
    /// How serious it is, under the policy.
    pub class: Class,
    /// Where it is.
    pub scope: Scope,
    /// What it is about.
    pub subject: Subject,
    /// What changed, in words.
    pub message: Text,
}

/// How one process of either version was matched.
#[derive(Debug, Clone)]
pub struct ProcessMatch {
    /// The name it is reported under.
    pub name: String,
    /// Its name and label for headings: `expense_claim` "費用報銷審批".
    pub title: Text,
    /// Its index in the old project's processes, if it was there.
    pub old: Option<usize>,
    /// Its index in the new project's processes, if it is there.
    pub new: Option<usize>,
    /// Nodes renamed: old name to new name.
    pub renamed_nodes: BTreeMap<String, String>,
}

/// Everything that changed between two versions of a project.
#[derive(Debug, Clone)]
pub struct ProjectDiff {
    /// The changes: organisation first, then each process (in the new
    /// version's order, removed ones last), then files; within each, major
    /// changes first.
    pub changes: Vec<Change>,
    /// The processes of both versions, matched.
    pub processes: Vec<ProcessMatch>,
}

impl ProjectDiff {
    /// Whether any change is major.
    pub(crate) fn has_major(&self) -> bool {
        self.changes
            .iter()
            .any(|change| change.class == Class::Major)
    }

    /// The changes of the process reported as `name`.
    pub(crate) fn process_changes<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Change> {
        self.changes.iter().filter(
            move |change| matches!(&change.scope, Scope::Process(process) if process == name),
        )
    }
}

/// Compares the old and the new version of a project. The configuration
/// (classification policy and working calendar) is the caller's choice;
/// `flowc diff` takes the old version's so a change cannot relax the rules
/// it is judged by.
pub fn compare(old: &CheckedProject<'_>, new: &CheckedProject<'_>, config: &Config) -> ProjectDiff {
    let (old, new) = (old.project(), new.project());
    let mut recorder = Recorder {
        policy: &config.diff,
        calendar: &config.calendar,
        scope: Scope::Organisation,
        changes: Vec::new(),
        found: 0,
    };
    let roles = org::compare(&mut recorder, old, new);
    let mut processes = match_processes(old, new);
    for matched in &mut processes {
        recorder.scope = Scope::Process(matched.name.clone());
        matched.renamed_nodes = process::compare(&mut recorder, old, new, matched, &roles);
    }
    process::compare_comments(&mut recorder, old, new);
    let mut changes = recorder.changes;
    let order: BTreeMap<&str, usize> = processes
        .iter()
        .enumerate()
        .map(|(index, matched)| (matched.name.as_str(), index))
        .collect();
    let rank = |scope: &Scope| match scope {
        Scope::Organisation => 0,
        Scope::Process(name) => 1 + order.get(name.as_str()).copied().unwrap_or(processes.len()),
        Scope::File(_) => processes.len() + 2,
    };
    changes.sort_by_key(|change| (rank(&change.scope), change.class));
    ProjectDiff { changes, processes }
}

/// Matches processes by name, then detects renames by content.
fn match_processes(old: &Project, new: &Project) -> Vec<ProcessMatch> {
    let mut matches: Vec<ProcessMatch> = Vec::new();
    let old_by_name: BTreeMap<&str, usize> = old
        .processes
        .iter()
        .enumerate()
        .map(|(index, process)| (process.name.as_str(), index))
        .collect();
    let old_index = |name: &str| old_by_name.get(name).copied();
    let mut old_used = vec![false; old.processes.len()];
    for (index, process) in new.processes.iter().enumerate() {
        let old_at = old_index(&process.name);
        if let Some(at) = old_at {
            old_used[at] = true;
        }
        matches.push(ProcessMatch {
            name: process.name.clone(),
            title: heading(process),
            old: old_at,
            new: Some(index),
            renamed_nodes: BTreeMap::new(),
        });
    }
    for (index, process) in old.processes.iter().enumerate() {
        if !old_used[index] {
            matches.push(ProcessMatch {
                name: process.name.clone(),
                title: heading(process),
                old: Some(index),
                new: None,
                renamed_nodes: BTreeMap::new(),
            });
        }
    }
    detect_process_renames(old, new, matches)
}

/// An added and a removed process with the same content are one process
/// renamed, when the content identifies them uniquely.
fn detect_process_renames(
    old: &Project,
    new: &Project,
    matches: Vec<ProcessMatch>,
) -> Vec<ProcessMatch> {
    let fingerprints =
        |project: &Project, index: usize| nodes::process_fingerprint(&project.processes[index]);
    let mut added: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut removed: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (position, matched) in matches.iter().enumerate() {
        match (matched.old, matched.new) {
            (None, Some(new_index)) => added
                .entry(fingerprints(new, new_index))
                .or_default()
                .push(position),
            (Some(old_index), None) => removed
                .entry(fingerprints(old, old_index))
                .or_default()
                .push(position),
            _ => {}
        }
    }
    let mut merged_into: BTreeMap<usize, usize> = BTreeMap::new();
    for (fingerprint, positions) in &added {
        if let (Some(gone), [added_at]) = (removed.get(fingerprint), positions.as_slice())
            && let [removed_at] = gone.as_slice()
        {
            merged_into.insert(*removed_at, *added_at);
        }
    }
    let mut result = matches.clone();
    for (removed_at, added_at) in &merged_into {
        result[*added_at].old = matches[*removed_at].old;
    }
    result
        .into_iter()
        .enumerate()
        .filter(|(position, _)| !merged_into.contains_key(position))
        .map(|(_, matched)| matched)
        .collect()
}

/// Collects changes, classifying each by the policy.
struct Recorder<'a> {
    policy: &'a DiffPolicy,
    calendar: &'a Calendar,
    scope: Scope,
    changes: Vec<Change>,
    /// Changes found so far, those the policy turns off included.
    found: usize,
}

impl Recorder<'_> {
    /// Records a change unless the policy turns its kind off.
    fn record(
        &mut self,
        kind: ChangeKind,
        noun: &'static str,
        name: &str,
        message: impl Into<Text>,
    ) {
        self.found += 1;
        if let Some(class) = self.policy.class(kind) {
            self.changes.push(Change {
                kind,
                class,
                scope: self.scope.clone(),
                subject: Subject {
                    noun,
                    name: name.to_string(),
                },
                message: message.into(),
            });
        }
    }

    /// Records a label change of anything.
    fn label(&mut self, (noun, name): (&'static str, &str), old: Option<&str>, new: Option<&str>) {
        if old != new {
            let word = |label: Option<&str>| {
                label.map_or_else(
                    || text!("diff-label-none"),
                    |label| text!("diff-label-quoted", label = label),
                )
            };
            self.record(
                ChangeKind::LabelChanged,
                noun,
                name,
                text!("diff-label-changed", old = word(old), new = word(new)),
            );
        }
    }

    /// Records a note added, removed or reworded.
    fn note(&mut self, (noun, name): (&'static str, &str), old: Option<&str>, new: Option<&str>) {
        let words = match (old, new) {
            (None, Some(note)) => text!("diff-note-added", note = note),
            (Some(note), None) => text!("diff-note-removed", note = note),
            (Some(before), Some(after)) if before != after => {
                text!("diff-note-changed", old = before, new = after)
            }
            _ => return,
        };
        self.record(ChangeKind::NoteChanged, noun, name, words);
    }

    /// Compares two optional durations by working time and records the
    /// matching kind: `kinds` are (lengthened, tightened, added, removed);
    /// `what` is the key of the duration in the catalogue (`deadline`,
    /// `sla`, `review-cycle`, `minimum-period`).
    fn durations(
        &mut self,
        kinds: [ChangeKind; 4],
        (noun, name): (&'static str, &str),
        what: &'static str,
        old: Option<&Duration>,
        new: Option<&Duration>,
    ) {
        let [lengthened, tightened, added, removed] = kinds;
        match (old, new) {
            (None, None) => {}
            (None, Some(new)) => self.record(
                added,
                noun,
                name,
                text!("diff-duration-set", what = what, new = words::duration(new)),
            ),
            (Some(old), None) => self.record(
                removed,
                noun,
                name,
                text!(
                    "diff-duration-removed",
                    what = what,
                    old = words::duration(old)
                ),
            ),
            (Some(old), Some(new)) => {
                if let Some((kind, change)) =
                    self.duration_change(old, new, [lengthened, tightened], "lengthen")
                {
                    self.record(
                        kind,
                        noun,
                        name,
                        text!("diff-duration-changed", what = what, change = change),
                    );
                }
            }
        }
    }

    /// How `old` became `new`, compared in working time: the kind and
    /// words such as "lengthened from 2 business days to 5 business days
    /// (+3 business days of working time)"; `verbs` is the key of the verbs
    /// for longer and shorter in the catalogue (`lengthen`, `delay`,
    /// `move`).
    fn duration_change(
        &self,
        old: &Duration,
        new: &Duration,
        [longer, shorter]: [ChangeKind; 2],
        verbs: &'static str,
    ) -> Option<(ChangeKind, Text)> {
        if old.amount == new.amount && old.unit == new.unit {
            return None;
        }
        let (before, after) = (
            self.calendar.working_time(old),
            self.calendar.working_time(new),
        );
        let (kind, direction, difference) = match after.cmp(&before) {
            std::cmp::Ordering::Greater => (longer, "longer", after.0 - before.0),
            std::cmp::Ordering::Less => (shorter, "shorter", before.0 - after.0),
            std::cmp::Ordering::Equal => {
                return Some((
                    ChangeKind::DurationRewritten,
                    text!(
                        "diff-duration-rewritten",
                        old = words::duration(old),
                        new = words::duration(new)
                    ),
                ));
            }
        };
        let days = self.calendar.in_business_days(WorkingTime(difference));
        Some((
            kind,
            text!(
                "diff-duration-moved",
                verbs = verbs,
                direction = direction,
                old = words::duration(old),
                new = words::duration(new),
                days = Arg::Number(days)
            ),
        ))
    }
}

/// Pairs names: same name, or one unpaired old and one unpaired new name
/// with the same content. Returns (old, new) pairs with `None` for a side
/// that has no partner.
pub(super) fn pair_names(
    old: &[(String, String)],
    new: &[(String, String)],
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut pairs = Vec::new();
    let mut new_used = vec![false; new.len()];
    let mut old_alone = Vec::new();
    for (index, (name, _)) in old.iter().enumerate() {
        match new.iter().position(|(other, _)| other == name) {
            Some(at) => {
                new_used[at] = true;
                pairs.push((Some(index), Some(at)));
            }
            None => old_alone.push(index),
        }
    }
    let new_alone: Vec<usize> = (0..new.len()).filter(|at| !new_used[*at]).collect();
    let mut renamed_old = Vec::new();
    let mut renamed_new = Vec::new();
    for &index in &old_alone {
        let content = &old[index].1;
        let same_old = old_alone.iter().filter(|i| &old[**i].1 == content).count();
        let same_new: Vec<usize> = new_alone
            .iter()
            .copied()
            .filter(|at| &new[*at].1 == content)
            .collect();
        if let (1, [at]) = (same_old, same_new.as_slice()) {
            pairs.push((Some(index), Some(*at)));
            renamed_old.push(index);
            renamed_new.push(*at);
        }
    }
    pairs.extend(
        old_alone
            .into_iter()
            .filter(|index| !renamed_old.contains(index))
            .map(|index| (Some(index), None)),
    );
    pairs.extend(
        new_alone
            .into_iter()
            .filter(|at| !renamed_new.contains(at))
            .map(|at| (None, Some(at))),
    );
    pairs
}

/// "step `apply` "員工申請"" for messages.
fn titled(noun: &str, name: &str, label: Option<&str>) -> Text {
    let noun = text!("diff-noun", noun = noun.replace(' ', "-"));
    match label {
        Some(label) => text!(
            "diff-titled-labelled",
            noun = noun,
            name = name,
            label = label
        ),
        None => text!("diff-titled", noun = noun, name = name),
    }
}

/// The process's own words for messages.
fn process_title(process: &Process) -> Text {
    titled("process", &process.name, process.label.as_deref())
}

/// "step `division_approval` "分管領導審批" (owner `division_lead`)",
/// "call `contract` "合同簽訂審批" (runs process `contract_approval`)".
fn node_words(node: &crate::model::Node) -> Text {
    let title = titled(node.kind.noun(), &node.name, node.label.as_deref());
    match &node.kind {
        NodeKind::Step(details) => match &details.owner {
            Some(owners) => text!("diff-node-owned", node = title, owner = owners.to_string()),
            None => title,
        },
        NodeKind::Call(call) => match &call.process {
            Some(process) => text!(
                "diff-node-calling",
                node = title,
                process = process.name.as_str()
            ),
            None => title,
        },
        NodeKind::Decision | NodeKind::Parallel { .. } | NodeKind::Join { .. } | NodeKind::End => {
            title
        }
    }
}

/// Names the user wrote, each in backticks, as a list of the language.
fn quoted_names<S: AsRef<str>>(names: &[S]) -> Vec<Text> {
    names
        .iter()
        .map(|name| Text::verbatim(format!("`{}`", name.as_ref())))
        .collect()
}

/// "`expense_claim` "費用報銷審批"" for headings.
fn heading(process: &Process) -> Text {
    match &process.label {
        Some(label) => text!(
            "diff-heading-title",
            name = process.name.as_str(),
            label = label.as_str()
        ),
        None => Text::verbatim(format!("`{}`", process.name)),
    }
}

/// The part of a project a diff compares: the files asked about, with the
/// files of the project that declare no process (the organisation), so
/// that `flowc diff a.flow b.flow` compares two files of one directory
/// without each seeing the other. Every file kept counts as asked about.
pub fn narrow(mut sources: crate::source::ProjectSources) -> crate::source::ProjectSources {
    let declares_process = |file: &crate::source::SourceFile| {
        crate::syntax::parse(&file.text).map_or(true, |tree| {
            tree.declarations.iter().any(|declaration| {
                matches!(declaration, crate::syntax::ast::Declaration::Process(_))
            })
        })
    };
    let keep: Vec<bool> = sources
        .files
        .iter()
        .zip(&sources.selected)
        .map(|(file, selected)| *selected || !declares_process(file))
        .collect();
    let mut keep_iter = keep.iter();
    sources.files.retain(|_| *keep_iter.next().unwrap_or(&true));
    sources.selected = vec![true; sources.files.len()];
    sources
}
