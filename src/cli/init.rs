//! `flowc init [DIR]`: a project a process owner can start from.
//!
//! Writes a commented `flowc.toml`, an `org.flow` with a few departments
//! and roles, and one process (a leave request) that checks clean, into
//! `DIR` (the current folder by default, created when missing). It never
//! overwrites: when any of the three files exists, nothing is written. The
//! labels are Chinese, as in the policy; names are ASCII so they are easy
//! to type. Other languages would come with a `--lang` option once flowc
//! has localised templates (it has none yet).

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::output::stderr_line;
use super::{EXIT_CANNOT_RUN, EXIT_OK};

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

/// The files of a new project: name and text (`{TODAY}` is replaced).
const FILES: [(&str, &str); 3] = [
    ("flowc.toml", include_str!("init/flowc.toml")),
    ("org.flow", include_str!("init/org.flow")),
    (
        "leave-request.flow",
        include_str!("init/leave-request.flow"),
    ),
];

/// Creates the project, or says why not.
pub fn run(args: &Args) -> u8 {
    let today = super::today(args.today).format("%Y-%m-%d").to_string();
    let existing: Vec<String> = FILES
        .iter()
        .map(|(name, _)| args.dir.join(name))
        .filter(|path| path.exists())
        .map(|path| path.display().to_string())
        .collect();
    if !existing.is_empty() {
        stderr_line!(
            "error: {} already {}; flowc init never overwrites a file, so nothing was written\nhelp: run `flowc init NEW_FOLDER` to start a project in a folder of its own",
            existing.join(", "),
            if existing.len() == 1 {
                "exists"
            } else {
                "exist"
            }
        );
        return EXIT_CANNOT_RUN;
    }
    if let Err(error) = std::fs::create_dir_all(&args.dir) {
        stderr_line!("error: cannot create {}: {error}", args.dir.display());
        return EXIT_CANNOT_RUN;
    }
    for (name, text) in FILES {
        let path = args.dir.join(name);
        if let Err(error) = write_new(&path, &text.replace("{TODAY}", &today)) {
            stderr_line!("error: cannot write {}: {error}", path.display());
            return EXIT_CANNOT_RUN;
        }
    }
    let shown = args.dir.display();
    stderr_line!(
        "created a flowc project in {shown}: flowc.toml, org.flow, leave-request.flow\nnext: `flowc check {shown}` checks it; edit org.flow for your company and copy leave-request.flow for each process"
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
