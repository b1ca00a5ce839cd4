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
pub mod rules;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::config::{Config, RuleLevel};
use crate::diagnostics::{Diagnostic, Related, Severity};
use crate::model::Project;
use crate::span::Location;

/// What a rule found: the place, the message, the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Where the problem is.
    pub at: Location,
    /// What is wrong, naming the things involved.
    pub message: String,
    /// A short label under the place.
    pub label: String,
    /// How to fix it.
    pub help: String,
    /// Other places involved.
    pub related: Vec<Related>,
}

impl Finding {
    /// A finding at `at`.
    pub fn new(
        at: Location,
        message: impl Into<String>,
        label: impl Into<String>,
        help: impl Into<String>,
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
    pub fn with_related(mut self, at: Location, label: impl Into<String>) -> Self {
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

/// Runs every enabled rule (in parallel) and returns the diagnostics sorted
/// by place.
pub fn run(project: &Project, context: &CheckContext) -> Vec<Diagnostic> {
    let mut diagnostics: Vec<Diagnostic> = registry::RULES
        .par_iter()
        .flat_map_iter(|info| run_rule(info, project, context))
        .collect();
    diagnostics.sort_by(|a, b| (a.at, a.code, &a.message).cmp(&(b.at, b.code, &b.message)));
    diagnostics
}

/// The rule names in `config` that no rule has, with the valid names.
pub fn unknown_rules(config: &Config) -> Vec<String> {
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
    let severity = match context.config.rules.get(info.name) {
        None if info.enabled_by_default => info.severity,
        None => return Vec::new(),
        Some(RuleLevel::Error) => Severity::Error,
        Some(RuleLevel::Warning) => Severity::Warning,
        Some(RuleLevel::Off) => return Vec::new(),
    };
    let mut findings = Vec::new();
    info.rule.check(project, context, &mut findings);
    findings
        .into_iter()
        .map(|finding| Diagnostic {
            rule: info.name,
            code: info.code,
            severity,
            at: finding.at,
            message: finding.message,
            label: finding.label,
            help: finding.help,
            related: finding.related,
        })
        .collect()
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

/// The candidate closest to `name`, if any is close enough to be a typo.
pub(crate) fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for &candidate in candidates {
        let score = strsim::normalized_damerau_levenshtein(name, candidate);
        if score >= 0.6 && best.is_none_or(|(top, _)| score > top) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}
