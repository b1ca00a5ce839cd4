//! The rules: each reads the model and reports findings; none changes it.
//!
//! [`run`] applies every rule of the [`registry`] that the configuration
//! leaves on, gives each finding its rule's severity and returns them all,
//! sorted by place. [`verify`] is the gate to the emitters: only a project
//! without errors becomes a [`CheckedProject`].

pub mod registry;
pub mod rules;

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

/// A governance rule.
pub trait Rule: Sync {
    /// Adds the rule's findings on `project` to `findings`.
    fn check(&self, project: &Project, findings: &mut Vec<Finding>);
}

/// Runs every enabled rule (in parallel) and returns the diagnostics sorted
/// by place.
pub fn run(project: &Project, config: &Config) -> Vec<Diagnostic> {
    let mut diagnostics: Vec<Diagnostic> = registry::RULES
        .par_iter()
        .flat_map_iter(|info| run_rule(info, project, config))
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
fn run_rule(info: &registry::RuleInfo, project: &Project, config: &Config) -> Vec<Diagnostic> {
    let severity = match config.rules.get(info.name) {
        None => info.severity,
        Some(RuleLevel::Error) => Severity::Error,
        Some(RuleLevel::Warning) => Severity::Warning,
        Some(RuleLevel::Off) => return Vec::new(),
    };
    let mut findings = Vec::new();
    info.rule.check(project, &mut findings);
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
