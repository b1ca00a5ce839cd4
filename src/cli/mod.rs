//! The command line: parses arguments and routes to one file per command.
//! It formats and routes; what is right or wrong is decided by the library.

mod build;
mod check;
mod completions;
mod conform;
mod diff;
mod doc;
mod explain;
mod fmt;
mod init;
mod lsp;
mod output;
mod process;
mod rules;
mod schema;
mod sim;
pub mod watch;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::analysis::{self, Analysis};
use crate::diagnostics::{self, Style};
use crate::i18n::Lang;
use crate::source;
use crate::text;
use output::say;

/// Exit code: the run found no error.
pub const EXIT_OK: u8 = 0;
/// Exit code: the run found errors (or warnings, under `--deny-warnings`).
pub const EXIT_ERRORS: u8 = 1;
/// Exit code: flowc could not run (bad arguments, unreadable paths).
pub const EXIT_CANNOT_RUN: u8 = 2;

/// flowc: compile and check `.flow` process files.
#[derive(Debug, Parser)]
#[command(name = "flowc", version, about, long_about = None)]
struct Cli {
    /// The language of messages and outputs: zh-Hant, zh-Hans or en
    /// [default: `lang` in flowc.toml, else the locale (LC_ALL,
    /// LC_MESSAGES, LANG), else en]
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

/// `--lang`, as given on the command line.
static LANG_FLAG: OnceLock<Option<Lang>> = OnceLock::new();

/// The language to write in for a project whose `flowc.toml` says
/// `project`: `--lang`, else `project`, else the locale, else English.
pub(crate) fn language(project: Option<Lang>) -> Lang {
    Lang::choose(LANG_FLAG.get().copied().flatten(), project)
}

/// The language of a run over `analyses`: the first project's (one run
/// writes in one language).
pub(crate) fn language_of(analyses: &[Analysis]) -> Lang {
    language(analyses.first().and_then(|analysis| analysis.lang))
}

/// Creates the folder `path` and those above it; what went wrong, in
/// words, when it cannot.
pub(crate) fn create_folder(path: &std::path::Path) -> Result<(), crate::i18n::Text> {
    std::fs::create_dir_all(path).map_err(|error| {
        text!(
            "cli-cannot-create-folder",
            path = path.display().to_string(),
            error = error.to_string()
        )
    })
}

/// A file that could not be written, in words: `cannot write PATH: WHY`.
pub(crate) fn cannot_write(error: &crate::emit::WriteError) -> crate::i18n::Text {
    text!(
        "cli-cannot-write-file",
        path = error.path.display().to_string(),
        error = error.error.to_string()
    )
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check process files against the governance rules.
    Check(check::Args),
    /// Check, then write JSON IR, DOT, SVG or PNG diagrams for every process.
    Build(build::Args),
    /// Check, then write the training handbook (HTML or Markdown).
    Doc(doc::Args),
    /// Serve the handbook on localhost, rebuilt as `.flow` files change.
    Watch(watch::Args),
    /// Print the JSON Schema of the JSON IR.
    Schema,
    /// Explain a rule: what it checks, why, an example and the fix.
    Explain(explain::Args),
    /// List every rule with its code, severity and principle.
    Rules,
    /// Format `.flow` files in the canonical layout, keeping comments.
    Fmt(fmt::Args),
    /// Run the language server on standard input and output (for editors).
    Lsp,
    /// Compare two versions of the processes: what changed, major or minor.
    Diff(diff::Args),
    /// Run a process on a virtual business-day clock and print its timeline.
    Sim(sim::Args),
    /// Check an event log of what really happened against a process.
    Conform(conform::Args),
    /// Create a project to start from: flowc.toml, org.flow and one process.
    Init(init::Args),
    /// Print the shell completion script (bash, zsh, fish, powershell).
    Completions(completions::Args),
    /// Print a manual page (roff): `flowc man > flowc.1`, `flowc man check > flowc-check.1`.
    Man(completions::ManArgs),
}

/// What the binary's allocator does to give freed memory back to the
/// system at once: called with the huge pages given up (a large project,
/// the language server). The library does not choose the allocator, so
/// the binary says how (`src/main.rs`).
static RETURN_FREED_AT_ONCE: OnceLock<fn()> = OnceLock::new();

/// Runs flowc with the process's arguments, `return_freed_at_once` making
/// the allocator give freed memory back to the system without delay.
pub fn main_with(return_freed_at_once: fn()) -> ExitCode {
    let _ = RETURN_FREED_AT_ONCE.set(return_freed_at_once);
    main()
}

/// Runs flowc with the process's arguments.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() {
                EXIT_CANNOT_RUN
            } else {
                EXIT_OK
            };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    let _ = LANG_FLAG.set(cli.lang);
    let code = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Doc(args) => doc::run(&args),
        Command::Watch(args) => watch::run(&args),
        Command::Schema => schema::run(),
        Command::Explain(args) => explain::run(&args),
        Command::Rules => rules::run(),
        Command::Fmt(args) => fmt::run(&args),
        Command::Lsp => lsp::run(),
        Command::Diff(args) => diff::run(&args),
        Command::Sim(args) => sim::run(&args),
        Command::Conform(args) => conform::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => completions::man(&args),
    };
    ExitCode::from(code)
}

/// Loads and analyses every project the paths belong to, taking `today` as
/// the date, or says why not on standard error and returns the exit code.
fn analyse_paths(paths: &[PathBuf], today: NaiveDate) -> Result<Vec<Analysis>, u8> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let lang = language(None);
    let projects = source::load(paths).map_err(|error| {
        say(text!("cli-error", message = error.text()), lang);
        EXIT_CANNOT_RUN
    })?;
    lean_memory_for(&projects);
    projects
        .into_iter()
        .map(|sources| {
            let survey = source::survey(&sources.root);
            warn_about(&sources, &survey, lang);
            let found = sources.files.len();
            let config = sources.config.as_ref().map(|(path, _)| path.clone());
            let analysis = analysis::analyse(sources, today).map_err(|error| {
                say(text!("cli-error", message = error.render(lang)), lang);
                EXIT_CANNOT_RUN
            })?;
            if analysis.project.files.is_empty() {
                let lang = language(analysis.lang);
                say_no_files(&analysis.root, found, config.as_deref(), &survey, lang);
                return Err(EXIT_CANNOT_RUN);
            }
            Ok(analysis)
        })
        .collect()
}

/// The bytes of source from which a run asks for ordinary pages only.
const LEAN_MEMORY_BYTES: usize = 1 << 20;

/// Gives up transparent huge pages for the rest of the run when the
/// projects hold at least [`LEAN_MEMORY_BYTES`] of source. mimalloc asks
/// for huge pages, which a small run gains from (fewer page faults: a
/// 200-step `check` is a fifth faster with them), but a large one pays for
/// in memory: each 2 MB page is counted whole however little of it is in
/// use, a sixth of `check`'s peak at 20,000 steps (docs/performance.md).
fn lean_memory_for(projects: &[source::ProjectSources]) {
    let bytes: usize = projects
        .iter()
        .flat_map(|project| &project.files)
        .map(|file| file.text.len())
        .sum();
    if bytes >= LEAN_MEMORY_BYTES {
        lean_memory();
    }
}

/// Gives up huge pages and has freed memory given back at once: a run
/// that holds a large project in memory is as large as the most it ever
/// held, not as the most it held plus what the allocator kept for reuse
/// (at 20,000 steps the syntax tree freed by the parsing threads while
/// the rules ran on others).
fn lean_memory() {
    give_up_huge_pages();
    if let Some(return_freed_at_once) = RETURN_FREED_AT_ONCE.get() {
        return_freed_at_once();
    }
}

/// Asks the kernel for ordinary pages from now on (Linux only).
#[cfg(target_os = "linux")]
fn give_up_huge_pages() {
    // A refusal leaves the pages as they were, which is only less lean.
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

/// Elsewhere there is nothing to ask.
#[cfg(not(target_os = "linux"))]
fn give_up_huge_pages() {}

/// Warns about symbolic links out of the project, files that look like
/// process files but are not read, and project roots nested in this one.
fn warn_about(sources: &source::ProjectSources, survey: &source::Survey, lang: Lang) {
    for link in &sources.outside {
        say(
            text!(
                "cli-link-outside-project",
                link = named(link),
                root = named(&sources.root)
            ),
            lang,
        );
    }
    for path in &survey.look_alikes {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        say(
            text!(
                "cli-look-alike-not-read",
                path = named(path),
                intended = diagnostics::printable_name(&source::intended_name(&name)).into_owned()
            ),
            lang,
        );
    }
    for inner_root in &survey.nested_roots {
        let outer_path = shown(&sources.root);
        let inner_path = shown(inner_root);
        let (outer, inner) = (named(&outer_path), named(&inner_path));
        let relative = inner_path
            .strip_prefix(&outer_path)
            .unwrap_or(&inner_path)
            .to_string_lossy()
            .replace('\\', "/");
        say(
            text!(
                "cli-nested-project",
                inner = inner,
                outer = outer,
                inner_config = named(&inner_path.join(source::CONFIG_FILE)),
                outer_config = named(&outer_path.join(source::CONFIG_FILE)),
                relative = diagnostics::printable_name(&relative).into_owned()
            ),
            lang,
        );
    }
}

/// Says that a project has no `.flow` file to check (none, or all excluded).
fn say_no_files(
    root: &std::path::Path,
    found: usize,
    config: Option<&std::path::Path>,
    survey: &source::Survey,
    lang: Lang,
) {
    let root = shown(root).display().to_string();
    let message = match config {
        Some(config) if found > 0 => text!(
            "cli-every-file-excluded",
            root = root,
            found = found.to_string(),
            config = config.display().to_string()
        ),
        _ if !survey.look_alikes.is_empty() => text!("cli-only-look-alikes", root = root),
        _ => text!("cli-no-flow-file", root = root),
    };
    say(message, lang);
}

/// A path as a message shows it: without a leading `./`, control
/// characters (line ends included) replaced by `?`.
fn named(path: &std::path::Path) -> String {
    diagnostics::printable_name(&shown(path).display().to_string()).into_owned()
}

/// A path without a leading `./` (`.` itself stays).
fn shown(path: &std::path::Path) -> PathBuf {
    match path.strip_prefix(".") {
        Ok(rest) if rest.as_os_str().is_empty() => PathBuf::from("."),
        Ok(rest) => rest.to_path_buf(),
        Err(_) => path.to_path_buf(),
    }
}

/// The date a run takes as today: `--today` when given, else the local date.
fn today(given: Option<NaiveDate>) -> NaiveDate {
    given.unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Colour when writing to a terminal and `NO_COLOR` is not set.
fn style_for(terminal: bool) -> Style {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
    if terminal && !no_color {
        Style::Colour
    } else {
        Style::Plain
    }
}

/// The style for standard output.
fn stdout_style() -> Style {
    style_for(std::io::stdout().is_terminal())
}

/// The style for standard error.
fn stderr_style() -> Style {
    style_for(std::io::stderr().is_terminal())
}
