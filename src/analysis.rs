//! One project taken through the pipeline: sources -> model -> diagnostics.
//!
//! The command line and (later) the language server both start here, so
//! they agree on what a project is and what is wrong with it.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::check::incremental::KeptFindings;
use crate::check::{self, CheckContext};
use crate::config::Config;
use crate::config::ConformSettings;
use crate::diagnostics::Diagnostic;
use crate::i18n::{Lang, Text};
use crate::model::calendar::Calendar;
use crate::model::{self, Expected, Project};
use crate::source::{ProjectSources, SourceFile};
use crate::span::{FileId, Location};
use crate::text;

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
    /// The working calendar of `flowc.toml`.
    pub calendar: Calendar,
    /// `[conform]` of `flowc.toml`: how `flowc conform` reads logs.
    pub conform: ConformSettings,
    /// `lang` of `flowc.toml`: the language the project writes in.
    pub lang: Option<Lang>,
}

/// A `flowc.toml` that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it.
    pub message: Text,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    /// The error in `lang`: the file, then what is wrong with it.
    pub fn render(&self, lang: Lang) -> String {
        format!("{}: {}", self.path.display(), self.message.render(lang))
    }
}

/// Reads the configuration, builds the model and runs the rules, taking
/// `today` as the date (for overdue reviews).
pub fn analyse(sources: ProjectSources, today: NaiveDate) -> Result<Analysis, ConfigError> {
    let analysed = analyse_with(sources, today, model::build, None, &|| false)?;
    // Never stopped, so always made.
    Ok(analysed.expect("an analysis that is never stopped ends"))
}

/// [`analyse`] with the model made by `build` from the files `exclude`
/// leaves in the project (the language server builds it from the parses
/// it keeps between edits; whatever `build` returns must be what
/// [`model::build`] returns for the same files) and, with `kept`, the
/// findings of the processes an edit did not touch taken from the last
/// analysis ([`KeptFindings`]); given up (`None`) when `stop` says so,
/// which is asked before the rules and before each rule.
pub fn analyse_with(
    sources: ProjectSources,
    today: NaiveDate,
    build: impl FnOnce(Vec<SourceFile>) -> Project,
    kept: Option<&mut KeptFindings>,
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<Option<Analysis>, ConfigError> {
    let Prepared { files, checking } = prepare(sources)?;
    let project = build(files);
    checking.check_participants(&project)?;
    let Some(diagnostics) = checking.diagnose(&project, today, kept, stop) else {
        return Ok(None);
    };
    Ok(Some(checking.into_analysis(project, diagnostics)))
}

/// A project's files, read with its configuration, to be built into a
/// model and checked: [`analyse_with`] in steps, for the language server,
/// which answers hover and completion from the model before the rules run.
#[derive(Debug)]
pub struct Prepared {
    /// The files `exclude` leaves in the project, to build the model from.
    pub files: Vec<SourceFile>,
    /// What checking the model needs besides it.
    pub checking: Checking,
}

/// What checking a project's model needs besides the model: the
/// configuration and which files were asked about.
#[derive(Debug)]
pub struct Checking {
    root: PathBuf,
    selected: Vec<bool>,
    config: Config,
    config_path: Option<PathBuf>,
    settings: u64,
}

/// Reads the configuration and leaves out the files it excludes.
pub fn prepare(sources: ProjectSources) -> Result<Prepared, ConfigError> {
    let config = match &sources.config {
        Some((path, text)) => read_config(path, text)?,
        None => Config::default(),
    };
    let settings = settings_hash(&sources);
    let sources = without_excluded(sources, &config);
    Ok(Prepared {
        files: sources.files,
        checking: Checking {
            root: sources.root,
            selected: sources.selected,
            config,
            config_path: sources.config.map(|(path, _)| path),
            settings,
        },
    })
}

impl Checking {
    /// `lang` of `flowc.toml`.
    pub fn lang(&self) -> Option<Lang> {
        self.config.lang
    }

    /// The working calendar of `flowc.toml`.
    pub fn calendar(&self) -> &Calendar {
        &self.config.calendar
    }

    /// Fails when a `[[required-participant]]` names neither a role nor a
    /// department of `project`.
    pub fn check_participants(&self, project: &Project) -> Result<(), ConfigError> {
        match &self.config_path {
            Some(path) => check_participants(path, &self.config, project),
            None => Ok(()),
        }
    }

    /// The diagnostics of `project` in the files asked about, taking
    /// `today` as the date; with `kept`, the findings of the processes an
    /// edit did not touch are taken from the last analysis
    /// ([`KeptFindings`]); given up (`None`) when `stop` says so, which is
    /// asked before the rules and before each rule.
    pub fn diagnose(
        &self,
        project: &Project,
        today: NaiveDate,
        kept: Option<&mut KeptFindings>,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Diagnostic>> {
        let context = CheckContext::new(&self.config, today);
        let found = match kept {
            Some(kept) => kept.run_unless(project, &context, self.settings, stop),
            None => check::run_unless(project, &context, stop),
        }?;
        let mut diagnostics: Vec<Diagnostic> = found
            .into_iter()
            .filter(|diagnostic| self.selected[diagnostic.at.file.0])
            .collect();
        if self.config_path.is_none() && project.roles.is_empty() && project.departments.is_empty()
        {
            diagnostics = outside_any_project(project, diagnostics);
        }
        Some(diagnostics)
    }

    /// The analysis of `project` with its `diagnostics`.
    pub fn into_analysis(self, project: Project, diagnostics: Vec<Diagnostic>) -> Analysis {
        Analysis {
            root: self.root,
            project,
            selected: self.selected,
            diagnostics,
            calendar: self.config.calendar,
            conform: self.config.conform,
            lang: self.config.lang,
        }
    }
}

/// A hash of the configuration's text (none: no `flowc.toml`), which
/// stands for it in the fingerprints of [`KeptFindings`].
fn settings_hash(sources: &ProjectSources) -> u64 {
    use std::hash::BuildHasher;
    let text = sources.config.as_ref().map(|(_, text)| text.as_str());
    foldhash::quality::FixedState::with_seed(0).hash_one(text)
}

/// For files checked outside any project (no `flowc.toml` above them, and
/// no role or department declared where they are): the roles and
/// departments a file names, declared in an org file the run does not
/// see, become one diagnostic per
/// file that says so and how to make the project, instead of one
/// undefined-reference error per place whose help says to declare the
/// roles again. Names with a close match ("did you mean") stay as they are:
/// they are typos.
fn outside_any_project(project: &Project, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let unseen: std::collections::HashSet<Location> = project
        .problems
        .unresolved
        .iter()
        .filter(|reference| {
            reference.found.is_none()
                && matches!(
                    reference.expected,
                    Expected::OrgUnit | Expected::Role | Expected::Department
                )
        })
        .map(|reference| reference.at)
        .collect();
    let mut kept = Vec::with_capacity(diagnostics.len());
    let mut by_file: std::collections::BTreeMap<FileId, Vec<Diagnostic>> = Default::default();
    for diagnostic in diagnostics {
        let collapses = diagnostic.rule == "undefined-reference"
            && unseen.contains(&diagnostic.at)
            && diagnostic.help.id() != Some("did-you-mean");
        if collapses {
            by_file
                .entry(diagnostic.at.file)
                .or_default()
                .push(diagnostic);
        } else {
            kept.push(diagnostic);
        }
    }
    for (file, places) in by_file {
        kept.push(unseen_names(project, file, places));
    }
    kept.sort_by(|a, b| (a.at, a.code, &a.message).cmp(&(b.at, b.code, &b.message)));
    kept
}

/// The one diagnostic for the names a file outside any project cannot see.
fn unseen_names(project: &Project, file: FileId, places: Vec<Diagnostic>) -> Diagnostic {
    let text = &project.files[file.0].text;
    let name_at = |diagnostic: &Diagnostic| {
        text.get(diagnostic.at.span.start..diagnostic.at.span.end)
            .unwrap_or_default()
            .to_string()
    };
    let mut names: Vec<String> = places.iter().map(name_at).collect();
    names.sort();
    names.dedup();
    let path = project.files[file.0].path.display().to_string();
    let first = &places[0];
    let quoted: Vec<Text> = names
        .iter()
        .map(|name| text!("quoted-name", name = name))
        .collect();
    Diagnostic {
        rule: first.rule,
        code: first.code,
        severity: first.severity,
        at: first.at,
        message: text!(
            "outside-project-unseen-names",
            path = path,
            names = quoted,
            places = places.len()
        ),
        label: text!("outside-project-unseen-names-label"),
        help: text!("outside-project-unseen-names-help"),
        related: Vec::new(),
    }
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
            message: text!(
                "config-unknown-rules",
                unknown = unknown
                    .iter()
                    .map(|name| text!("quoted-name", name = name))
                    .collect::<Vec<_>>(),
                rules = valid.into_iter().map(Text::verbatim).collect::<Vec<_>>()
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
                message: text!(
                    "config-required-participant-unknown",
                    number = requirement.number,
                    name = name,
                    units = units.into_iter().map(Text::verbatim).collect::<Vec<_>>()
                ),
            });
        }
    }
    Ok(())
}
