//! One project taken through the pipeline: sources -> model -> diagnostics.
//!
//! The command line and (later) the language server both start here, so
//! they agree on what a project is and what is wrong with it.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::check::{self, CheckContext};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::model::{self, Project};
use crate::source::ProjectSources;

/// A project with its diagnostics.
#[derive(Debug)]
pub struct Analysis {
    /// The project root, as shown to the user.
    pub root: PathBuf,
    /// The resolved model.
    pub project: Project,
    /// For each file, whether the user asked about it.
    pub selected: Vec<bool>,
    /// The diagnostics in the files asked about, sorted by place.
    pub diagnostics: Vec<Diagnostic>,
}

/// A `flowc.toml` that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it.
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for ConfigError {}

/// Reads the configuration, builds the model and runs the rules, taking
/// `today` as the date (for overdue reviews).
pub fn analyse(sources: ProjectSources, today: NaiveDate) -> Result<Analysis, ConfigError> {
    let config = match &sources.config {
        Some((path, text)) => read_config(path, text)?,
        None => Config::default(),
    };
    let project = model::build(sources.files);
    if let Some((path, _)) = &sources.config {
        check_participants(path, &config, &project)?;
    }
    let context = CheckContext {
        config: &config,
        today,
    };
    let diagnostics = check::run(&project, &context)
        .into_iter()
        .filter(|diagnostic| sources.selected[diagnostic.at.file.0])
        .collect();
    Ok(Analysis {
        root: sources.root,
        project,
        selected: sources.selected,
        diagnostics,
    })
}

fn read_config(path: &std::path::Path, text: &str) -> Result<Config, ConfigError> {
    let config = Config::parse(text).map_err(|message| ConfigError {
        path: path.to_path_buf(),
        message,
    })?;
    let unknown = check::unknown_rules(&config);
    if !unknown.is_empty() {
        let valid: Vec<&str> = check::registry::RULES
            .iter()
            .map(|info| info.name)
            .collect();
        return Err(ConfigError {
            path: path.to_path_buf(),
            message: format!(
                "[rules] names unknown rule(s) {}; the rules are: {}",
                unknown
                    .iter()
                    .map(|name| format!("`{name}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                valid.join(", ")
            ),
        });
    }
    Ok(config)
}

/// Fails when a `[[required-participant]]` names neither a role nor a
/// department of the project (a misspelt name would otherwise make every
/// process break the requirement, or none).
fn check_participants(
    path: &std::path::Path,
    config: &Config,
    project: &Project,
) -> Result<(), ConfigError> {
    for requirement in &config.required_participants {
        let name = requirement.participant.as_str();
        let known = project.roles.iter().any(|role| role.name == name)
            || project
                .departments
                .iter()
                .any(|department| department.name == name);
        if !known {
            let mut units: Vec<&str> = project
                .departments
                .iter()
                .map(|department| department.name.as_str())
                .chain(project.roles.iter().map(|role| role.name.as_str()))
                .collect();
            units.sort_unstable();
            units.dedup();
            return Err(ConfigError {
                path: path.to_path_buf(),
                message: format!(
                    "[[required-participant]] number {}: participant = \"{name}\" is neither a role nor a department of the project; they are: {}",
                    requirement.number,
                    units.join(", ")
                ),
            });
        }
    }
    Ok(())
}
