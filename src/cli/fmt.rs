//! `flowc fmt [--check] [PATH...]` and `flowc fmt -`

use std::io::Read;
use std::path::{Path, PathBuf};

use similar::TextDiff;

use crate::check::registry::RULES;
use crate::diagnostics::{self, Diagnostic, Severity};
use crate::emit::{self, write_atomically};
use crate::fmt;
use crate::i18n::Text;
use crate::source::{self, SourceFile};
use crate::span::{FileId, Location};
use crate::syntax::SyntaxError;
use crate::text;

use super::output::{self, stderr_text};
use super::{EXIT_CANNOT_RUN, EXIT_ERRORS, EXIT_OK, stderr_style};

/// Arguments of `flowc fmt`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write nothing; print a diff of every file that is not formatted and
    /// exit 1 if there is one.
    #[arg(long)]
    check: bool,
    /// Files or directories to format (default: the current directory);
    /// `-` formats standard input to standard output.
    paths: Vec<PathBuf>,
}

/// What happened to one file.
enum Outcome {
    Unchanged,
    Changed,
    Failed,
}

/// Formats the files in place (or checks them), or standard input.
pub fn run(args: &Args) -> u8 {
    if args.paths.iter().any(|path| path == Path::new("-")) {
        if args.paths.len() > 1 {
            say(text!("cli-fmt-stdin-with-paths"));
            return EXIT_CANNOT_RUN;
        }
        return standard_input(args.check);
    }
    let files = match files_to_format(&args.paths) {
        Ok(files) => files,
        Err(message) => {
            say(text!("cli-error", message = message));
            return EXIT_CANNOT_RUN;
        }
    };
    let mut changed = 0;
    let mut failed = 0;
    for path in &files {
        match one_file(path, args.check) {
            Outcome::Unchanged => {}
            Outcome::Changed => changed += 1,
            Outcome::Failed => failed += 1,
        }
    }
    summarise(args.check, files.len(), changed, failed)
}

/// Writes `message` to standard error in the language of the run.
fn say(message: Text) {
    output::say(message, super::language(None));
}

fn summarise(check: bool, total: usize, changed: usize, failed: usize) -> u8 {
    let untouched = if failed > 0 {
        text!("cli-fmt-untouched", count = failed)
    } else {
        Text::verbatim("")
    };
    say(text!(
        "cli-fmt-summary",
        changed = changed,
        check = if check { "yes" } else { "no" },
        unchanged = total - changed - failed,
        untouched = untouched
    ));
    if failed > 0 || (check && changed > 0) {
        EXIT_ERRORS
    } else {
        EXIT_OK
    }
}

/// Every `.flow` file named or under a directory named, in path order.
fn files_to_format(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Text> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let found =
                source::flow_files(path).map_err(|error| Text::verbatim(error.to_string()))?;
            for link in &found.outside {
                say(text!(
                    "cli-fmt-link-outside",
                    link = diagnostics::printable_name(&link.display().to_string()).into_owned(),
                    folder = diagnostics::printable_name(&path.display().to_string()).into_owned()
                ));
            }
            files.extend(found.files);
        } else if path.is_file() {
            let parent = path.parent().filter(|dir| !dir.as_os_str().is_empty());
            if source::Containment::of(parent.unwrap_or(Path::new("."))).holds(path) {
                files.push(path.clone());
            } else {
                say(text!(
                    "cli-fmt-link-outside-its-folder",
                    link = diagnostics::printable_name(&path.display().to_string()).into_owned()
                ));
            }
        } else {
            return Err(text!(
                "cli-fmt-no-such-path",
                path = path.display().to_string()
            ));
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

/// Formats (or checks) one file; reports its problems on standard error.
fn one_file(path: &Path, check: bool) -> Outcome {
    let text = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                let offset = error.utf8_error().valid_up_to();
                say(text!(
                    "cli-fmt-not-utf8",
                    path = path.display().to_string(),
                    offset = offset.to_string()
                ));
                return Outcome::Failed;
            }
        },
        Err(error) => {
            say(text!(
                "cli-fmt-cannot-read",
                path = path.display().to_string(),
                error = error.to_string()
            ));
            return Outcome::Failed;
        }
    };
    let formatted = match fmt::format(&text) {
        Ok(formatted) => formatted,
        Err(errors) => {
            report_syntax_errors(path, &text, &errors);
            return Outcome::Failed;
        }
    };
    if formatted == text {
        return Outcome::Unchanged;
    }
    if check {
        return match output::print(&diff(path, &text, &formatted), EXIT_OK) {
            EXIT_OK => Outcome::Changed,
            _ => Outcome::Failed,
        };
    }
    // Through a symbolic link to its target (the list of files holds only
    // links whose target is inside the paths given), so the link stays; a
    // file with several hard links is rewritten in itself, so they all stay.
    let target = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let written = if has_other_hard_links(&target) {
        emit::rewrite_in_place(&target, formatted.as_bytes())
    } else {
        write_atomically(&target, formatted.as_bytes())
    };
    match written {
        Ok(()) => {
            output::print(
                &format!(
                    "{}\n",
                    text!("cli-fmt-reformatted", path = path.display().to_string())
                        .render(super::language(None))
                ),
                EXIT_OK,
            );
            Outcome::Changed
        }
        Err(error) => {
            say(text!(
                "cli-fmt-cannot-write",
                path = path.display().to_string(),
                error = error.to_string()
            ));
            Outcome::Failed
        }
    }
}

/// Whether another name (a hard link) points at the file too.
fn has_other_hard_links(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).is_ok_and(|metadata| metadata.nlink() > 1)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// `flowc fmt -`: standard input to standard output (with `--check`, a
/// diff and exit 1 instead when it is not formatted).
fn standard_input(check: bool) -> u8 {
    let mut bytes = Vec::new();
    if let Err(error) = std::io::stdin().read_to_end(&mut bytes) {
        say(text!(
            "cli-fmt-cannot-read-stdin",
            error = error.to_string()
        ));
        return EXIT_CANNOT_RUN;
    }
    let Ok(text) = String::from_utf8(bytes) else {
        say(text!("cli-fmt-stdin-not-utf8"));
        return EXIT_ERRORS;
    };
    let path = Path::new("<stdin>");
    match fmt::format(&text) {
        Ok(formatted) if check => {
            if formatted == text {
                EXIT_OK
            } else {
                output::print(&diff(path, &text, &formatted), EXIT_ERRORS)
            }
        }
        Ok(formatted) => output::print(&formatted, EXIT_OK),
        Err(errors) => {
            report_syntax_errors(path, &text, &errors);
            EXIT_ERRORS
        }
    }
}

/// A unified diff from the file as it is to the file formatted.
fn diff(path: &Path, old: &str, new: &str) -> String {
    let shown = path.display().to_string();
    TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&shown, &format!("{shown} (formatted)"))
        .to_string()
}

/// Prints syntax errors as `flowc check` does, under the `syntax-error`
/// rule.
fn report_syntax_errors(path: &Path, text: &str, errors: &[SyntaxError]) {
    let file = SourceFile::from_text(path, text);
    let (code, severity) = RULES
        .iter()
        .find(|info| info.name == "syntax-error")
        .map_or(("", Severity::Error), |info| (info.code, info.severity));
    let found: Vec<Diagnostic> = errors
        .iter()
        .map(|error| Diagnostic {
            rule: "syntax-error",
            code,
            severity,
            at: Location::new(FileId(0), error.span),
            message: error.message.clone(),
            label: crate::text!("syntax-error-label"),
            help: error.help.clone(),
            related: Vec::new(),
        })
        .collect();
    stderr_text!(
        "{}",
        diagnostics::render_human(&found, &[file], stderr_style(), super::language(None))
    );
    say(text!(
        "cli-fmt-syntax-errors",
        path = path.display().to_string()
    ));
}
