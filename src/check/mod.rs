//! The rules: each reads the model and reports findings; none changes it.
//!
//! [`run`] applies every rule of the [`registry`] that the configuration
//! turns on (or leaves on by default), gives each finding its rule's
//! severity and returns them all, sorted by place. Rules read the model and
//! a [`CheckContext`]: the configuration and the date taken as today. [`verify`] is the gate to the emitters: only a project
//! without errors becomes a [`CheckedProject`].

pub mod condition_types;
pub mod decision_space;
pub mod incremental;
pub mod registry;
pub mod rule_info;
pub mod rules;
pub mod suggest;
pub mod suppression;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::config::{Config, RuleLevel};
use crate::diagnostics::{Diagnostic, Related, Severity};
use crate::i18n::Text;
use crate::model::{Process, ProcessId, Project, worth_sharing};
use crate::span::Location;

pub(crate) use suggest::closest;

/// What a rule found: the place, the message, the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Where the problem is.
    pub at: Location,
    /// What is wrong, naming the things involved.
    pub message: Text,
    /// A short label under the place.
    pub label: Text,
    /// How to fix it.
    pub help: Text,
    /// Other places involved.
    pub related: Vec<Related>,
}

impl Finding {
    /// A finding at `at`.
    pub fn new(
        at: Location,
        message: impl Into<Text>,
        label: impl Into<Text>,
        help: impl Into<Text>,
    ) -> Self {
        Finding {
            at,
            message: message.into(),
            label: label.into(),
            help: help.into(),
            related: Vec::new(),
        }
    }

    /// Adds another place involved.
    pub(crate) fn with_related(mut self, at: Location, label: impl Into<Text>) -> Self {
        self.related.push(Related {
            at,
            label: label.into(),
        });
        self
    }
}

/// What a rule may read besides the model.
#[derive(Debug, Clone, Copy)]
pub struct CheckContext<'a> {
    /// The project's configuration (rule options, calendar, requirements).
    pub config: &'a Config,
    /// The date taken as today (`flowc check --today`), for overdue reviews.
    pub today: NaiveDate,
    /// The processes the rules that read one process at a time look at.
    pub scope: Scope<'a>,
}

/// Which processes the rules that read one process at a time
/// ([`PROJECT_RULES`] aside) look at: every one, or some (the language
/// server checks again only the processes an edit touched; see
/// [`incremental`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope<'a> {
    /// Every process of the project.
    #[default]
    All,
    /// These processes only.
    Only(&'a [ProcessId]),
}

impl<'a> CheckContext<'a> {
    /// The context of a check of the whole project.
    pub fn new(config: &'a Config, today: NaiveDate) -> Self {
        CheckContext {
            config,
            today,
            scope: Scope::All,
        }
    }

    /// The indices of the processes in scope, in project order.
    pub(crate) fn process_indices(
        &self,
        project: &Project,
    ) -> impl Iterator<Item = usize> + use<'a> {
        let (all, only) = match self.scope {
            Scope::All => (0..project.processes.len(), &[][..]),
            Scope::Only(ids) => (0..0, ids),
        };
        all.chain(only.iter().map(|id| id.0))
    }

    /// The processes in scope, with their indices, in project order.
    pub(crate) fn indexed_processes<'p>(
        &self,
        project: &'p Project,
    ) -> impl Iterator<Item = (usize, &'p Process)> + use<'a, 'p> {
        self.process_indices(project)
            .map(move |index| (index, &*project.processes[index]))
    }

    /// The processes in scope, in project order.
    pub(crate) fn processes<'p>(
        &self,
        project: &'p Project,
    ) -> impl Iterator<Item = &'p Process> + use<'a, 'p> {
        self.indexed_processes(project).map(|(_, process)| process)
    }
}

/// A governance rule.
pub trait Rule: Sync {
    /// Adds the rule's findings on `project` to `findings`.
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>);
}

/// Runs every enabled rule (in parallel), removes what `# flowc:
/// allow(...)` comments suppress, and returns the diagnostics sorted by
/// place.
pub fn run(project: &Project, context: &CheckContext) -> Vec<Diagnostic> {
    run_unless(project, context, &|| false).unwrap_or_default()
}

/// [`run`], given up (`None`) once `stop` says so: it is asked before each
/// rule (the language server stops when a newer edit is waiting).
pub fn run_unless(
    project: &Project,
    context: &CheckContext,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<Diagnostic>> {
    let found = rules_unless(project, context, stop, |_| true)?;
    Some(finish(project, context, found.into_iter()))
}

/// The diagnostics of the rules `chosen` picks (in parallel when the
/// project is large enough to share, [`worth_sharing`]), before
/// [`finish`]; `None` once `stop` says so, which is asked before each rule.
fn rules_unless(
    project: &Project,
    context: &CheckContext,
    stop: &(dyn Fn() -> bool + Sync),
    chosen: impl Fn(&registry::RuleInfo) -> bool + Sync,
) -> Option<Vec<Diagnostic>> {
    let checked = |info| (!stop()).then(|| run_rule(info, project, context));
    let per_rule: Vec<Vec<Diagnostic>> = if worth_sharing(project.source_bytes()) {
        registry::RULES
            .par_iter()
            .filter(|info| chosen(info))
            .map(checked)
            .collect::<Option<_>>()?
    } else {
        registry::RULES
            .iter()
            .filter(|info| chosen(info))
            .map(checked)
            .collect::<Option<_>>()?
    };
    Some(per_rule.into_iter().flatten().collect())
}

/// The rules whose findings read the whole project (the names of every
/// file, the reporting lines, the calls between processes, the comments):
/// they look at every process whatever the [`Scope`]. Every other rule
/// reads one process at a time (with the organisation, the configuration
/// and the processes it calls), and only the processes in scope.
pub const PROJECT_RULES: &[&str] = &[
    "syntax-error",
    "undefined-reference",
    "duplicate-name",
    "repeated-setting",
    "recursive-call",
    "required-participant",
    "reporting-cycle",
    "unused-suppression",
    "invalid-suppression",
];

/// The diagnostics of the rules that read one process at a time, on the
/// processes of `context.scope`, before [`finish`] (suppressions, order).
pub fn run_process_rules(project: &Project, context: &CheckContext) -> Vec<Diagnostic> {
    registry::RULES
        .iter()
        .filter(|info| !PROJECT_RULES.contains(&info.name))
        .flat_map(|info| run_rule(info, project, context))
        .collect()
}

/// The diagnostics of the [`PROJECT_RULES`], before [`finish`]; given up
/// (`None`) once `stop` says so, which is asked before each rule.
pub fn run_project_rules(
    project: &Project,
    context: &CheckContext,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<Diagnostic>> {
    rules_unless(project, context, stop, |info| {
        PROJECT_RULES.contains(&info.name)
    })
}

/// The diagnostics of every rule on the whole project made final: the
/// findings of whole-process rules in processes with a broken item left
/// out, what `# flowc: allow(...)` comments suppress removed (and the
/// comments that suppress nothing or cannot be used reported), sorted by
/// place.
pub fn finish(
    project: &Project,
    context: &CheckContext,
    found: impl Iterator<Item = Diagnostic>,
) -> Vec<Diagnostic> {
    let config = context.config;
    let broken = BrokenProcesses::of(project);
    let diagnostics: Vec<Diagnostic> = found
        .filter(|diagnostic| LINE_RULES.contains(&diagnostic.rule) || !broken.holds(diagnostic.at))
        .collect();
    let suppressions = suppression::read(project, registry::RULES);
    let enabled = |name: &str| {
        registry::rule_named(name).is_some_and(|info| severity_of(info, config).is_some())
    };
    let applied = suppression::apply(project, &suppressions.valid, diagnostics, enabled);
    let mut diagnostics = applied.kept;
    let invalid = suppressions
        .invalid
        .into_iter()
        .map(|bad| Finding::new(bad.at, bad.message, bad.label, bad.help));
    diagnostics.extend(diagnostics_of(
        &rules::InvalidSuppression::INFO,
        config,
        invalid,
    ));
    let unused = applied
        .unused
        .into_iter()
        .filter(|finding| !broken.holds(finding.at));
    diagnostics.extend(diagnostics_of(
        &rules::UnusedSuppression::INFO,
        config,
        unused,
    ));
    diagnostics.sort_by(|a, b| (a.at, a.code, &a.message).cmp(&(b.at, b.code, &b.message)));
    diagnostics
}

/// The rules that read single lines (names, values, one step's settings):
/// they run on a process with an item that does not parse. Every other
/// rule reads a process as a whole (its graph, its settings together) and
/// would only report the consequences of the broken item, so its findings
/// in such a process are left out until the item parses.
const LINE_RULES: &[&str] = &[
    "syntax-error",
    "undefined-reference",
    "duplicate-name",
    "repeated-setting",
    "type-mismatch",
    "reminder-after-deadline",
    "escalation-to-self",
    "escalation-not-upward",
    "escalation-order",
    "escalation-before-deadline",
    "invalid-suppression",
];

/// The places of the processes with an item that does not parse, sorted.
struct BrokenProcesses(Vec<Location>);

impl BrokenProcesses {
    fn of(project: &Project) -> Self {
        let mut places: Vec<Location> = project
            .processes
            .iter()
            .filter(|process| process.has_broken_items)
            .map(|process| Location::new(process.file, process.span))
            .collect();
        places.sort();
        BrokenProcesses(places)
    }

    /// Whether `at` lies in one of the processes.
    fn holds(&self, at: Location) -> bool {
        let after = self
            .0
            .partition_point(|place| (place.file, place.span.start) <= (at.file, at.span.start));
        after > 0 && {
            let place = self.0[after - 1];
            place.file == at.file && at.span.start < place.span.end.max(place.span.start + 1)
        }
    }
}

/// A rule's findings as diagnostics, with the severity the configuration
/// gives; none when the rule is off.
fn diagnostics_of(
    info: &registry::RuleInfo,
    config: &Config,
    findings: impl Iterator<Item = Finding>,
) -> Vec<Diagnostic> {
    let Some(severity) = severity_of(info, config) else {
        return Vec::new();
    };
    findings
        .map(|finding| diagnostic(info, severity, finding))
        .collect()
}

/// The severity the configuration gives a rule; `None` when it is off.
fn severity_of(info: &registry::RuleInfo, config: &Config) -> Option<Severity> {
    match config.rules.get(info.name) {
        None if info.enabled_by_default => Some(info.severity),
        None => None,
        Some(RuleLevel::Error) => Some(Severity::Error),
        Some(RuleLevel::Warning) => Some(Severity::Warning),
        Some(RuleLevel::Off) => None,
    }
}

/// A rule's finding as a diagnostic of the given severity.
fn diagnostic(info: &registry::RuleInfo, severity: Severity, finding: Finding) -> Diagnostic {
    Diagnostic {
        rule: info.name,
        code: info.code,
        severity,
        at: finding.at,
        message: finding.message,
        label: finding.label,
        help: finding.help,
        related: finding.related,
    }
}

/// The rule names in `config` that no rule has, with the valid names.
pub(crate) fn unknown_rules(config: &Config) -> Vec<String> {
    config
        .rules
        .keys()
        .filter(|name| {
            !registry::RULES
                .iter()
                .any(|info| info.name == name.as_str())
        })
        .cloned()
        .collect()
}

/// The diagnostics of one rule, with the severity the configuration gives.
fn run_rule(
    info: &registry::RuleInfo,
    project: &Project,
    context: &CheckContext,
) -> Vec<Diagnostic> {
    if severity_of(info, context.config).is_none() {
        return Vec::new();
    }
    let mut findings = Vec::new();
    info.rule.check(project, context, &mut findings);
    diagnostics_of(info, context.config, findings.into_iter())
}

/// A project that passed the check: the only thing emitters accept.
#[derive(Debug, Clone, Copy)]
pub struct CheckedProject<'a> {
    project: &'a Project,
}

impl<'a> CheckedProject<'a> {
    /// The model.
    pub fn project(&self) -> &'a Project {
        self.project
    }
}

/// Returns the project as checked when `diagnostics` (from [`run`]) hold no
/// error.
pub fn verify<'a>(project: &'a Project, diagnostics: &[Diagnostic]) -> Option<CheckedProject<'a>> {
    diagnostics
        .iter()
        .all(|diagnostic| diagnostic.severity != Severity::Error)
        .then_some(CheckedProject { project })
}
