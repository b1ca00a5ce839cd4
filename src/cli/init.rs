//! `flowc init [DIR]`: a project a process owner can start from.
//!
//! Writes a commented `flowc.toml`, an `org.flow` with a few departments
//! and roles, and one process (a leave request) that checks clean, into
//! `DIR` (the current folder by default, created when missing). It never
//! overwrites: when any of the three files exists, nothing is written. The
//! labels are Chinese, as in the policy; names are ASCII so they are easy
//! to type. In Chinese (`--lang zh-Hant|zh-Hans`, or the locale), the
//! comments and labels are in that script and `flowc.toml` sets `lang`.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::output::stderr_line;
use super::{EXIT_CANNOT_RUN, EXIT_OK};
use crate::i18n::{Lang, Text};
use crate::text;

/// Arguments of `flowc init`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to create the project in (created when missing).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// The date written as the process's last review (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<NaiveDate>,
}

/// The files of a new project, written in English: name and text
/// (`{TODAY}` is replaced).
const FILES: [(&str, &str); 3] = [
    ("flowc.toml", include_str!("init/flowc.toml")),
    ("org.flow", include_str!("init/org.flow")),
    (
        "leave-request.flow",
        include_str!("init/leave-request.flow"),
    ),
];

/// The same files written in Traditional Chinese.
const FILES_ZH_HANT: [(&str, &str); 3] = [
    ("flowc.toml", include_str!("init/zh-Hant/flowc.toml")),
    ("org.flow", include_str!("init/zh-Hant/org.flow")),
    (
        "leave-request.flow",
        include_str!("init/zh-Hant/leave-request.flow"),
    ),
];

/// The same files written in Simplified Chinese.
const FILES_ZH_HANS: [(&str, &str); 3] = [
    ("flowc.toml", include_str!("init/zh-Hans/flowc.toml")),
    ("org.flow", include_str!("init/zh-Hans/org.flow")),
    (
        "leave-request.flow",
        include_str!("init/zh-Hans/leave-request.flow"),
    ),
];

/// The files of a new project in `lang`.
fn files(lang: Lang) -> [(&'static str, &'static str); 3] {
    match lang {
        Lang::En => FILES,
        Lang::ZhHant => FILES_ZH_HANT,
        Lang::ZhHans => FILES_ZH_HANS,
    }
}

/// Creates the project, or says why not.
pub fn run(args: &Args) -> u8 {
    let lang = super::language(None);
    let today = super::today(args.today).format("%Y-%m-%d").to_string();
    let existing: Vec<String> = FILES
        .iter()
        .map(|(name, _)| args.dir.join(name))
        .filter(|path| path.exists())
        .map(|path| path.display().to_string())
        .collect();
    if !existing.is_empty() {
        let existing: Vec<Text> = existing.into_iter().map(Text::verbatim).collect();
        let count = existing.len();
        stderr_line!(
            "{}",
            text!("init-files-exist", files = existing, count = count).render(lang)
        );
        return EXIT_CANNOT_RUN;
    }
    if let Err(error) = std::fs::create_dir_all(&args.dir) {
        stderr_line!(
            "{}",
            text!(
                "init-cannot-create",
                dir = args.dir.display().to_string(),
                error = error.to_string()
            )
            .render(lang)
        );
        return EXIT_CANNOT_RUN;
    }
    for (name, text) in files(lang) {
        let path = args.dir.join(name);
        if let Err(error) = write_new(&path, &text.replace("{TODAY}", &today)) {
            stderr_line!(
                "{}",
                text!(
                    "init-cannot-write",
                    path = path.display().to_string(),
                    error = error.to_string()
                )
                .render(lang)
            );
            return EXIT_CANNOT_RUN;
        }
    }
    stderr_line!(
        "{}",
        text!("init-created", dir = args.dir.display().to_string()).render(lang)
    );
    EXIT_OK
}

/// Writes a file that must not exist yet (another program creating it
/// meanwhile is an error, not an overwrite).
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}
