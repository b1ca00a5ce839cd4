//! One project taken through the pipeline: sources -> model -> diagnostics.
//!
//! The command line and (later) the language server both start here, so
//! they agree on what a project is and what is wrong with it.

use std::path::PathBuf;

use crate::check;
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

/// Reads the configuration, builds the model and runs the rules.
pub fn analyse(sources: ProjectSources) -> Result<Analysis, ConfigError> {
    let config = match &sources.config {
        Some((path, text)) => read_config(path, text)?,
        None => Config::default(),
    };
    let sources = without_excluded(sources, &config);
    let project = model::build(sources.files);
    let diagnostics = check::run(&project, &config)
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

/// The sources less the files `exclude` leaves out of the project.
fn without_excluded(sources: ProjectSources, config: &Config) -> ProjectSources {
    let (files, selected) = sources
        .files
        .into_iter()
        .zip(sources.selected)
        .filter(|(file, _)| !config.exclude.excludes(&file.relative))
        .unzip();
    ProjectSources {
        files,
        selected,
        ..sources
    }
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
