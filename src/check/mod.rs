//! The rules: each reads the model and reports findings; none changes it.
//!
//! [`run`] applies every rule of the [`registry`] that the configuration
//! turns on (or leaves on by default), gives each finding its rule's
//! severity and returns them all, sorted by place. Rules read the model and
//! a [`CheckContext`]: the configuration and the date taken as today. [`verify`] is the gate to the emitters: only a project
//! without errors becomes a [`CheckedProject`].

pub mod condition_types;
pub mod decision_space;
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
use crate::model::{Project, worth_sharing};
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
    let config = context.config;
    let broken = BrokenProcesses::of(project);
    let checked = |info| (!stop()).then(|| run_rule(info, project, context));
    let per_rule: Vec<Vec<Diagnostic>> = if worth_sharing(project.source_bytes()) {
        registry::RULES
            .par_iter()
            .map(checked)
            .collect::<Option<_>>()?
    } else {
        registry::RULES.iter().map(checked).collect::<Option<_>>()?
    };
    let diagnostics: Vec<Diagnostic> = per_rule
        .into_iter()
        .flatten()
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
    Some(diagnostics)
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
