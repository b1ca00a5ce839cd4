//! Writes a generated project to disk, for timing the flowc binary. The
//! same arguments give the same text on every machine.
//!
//! - `cargo bench --bench generate -- STEPS DIR` writes `DIR/org.flow` and
//!   `DIR/generated.flow`, one process of about STEPS steps
//!   (`benches/compare.sh`); `... -- STEPS DIR FILES` writes a repository of
//!   FILES processes of STEPS steps each.
//! - `... -- rules-wide DIR` and `... -- rules-deep DIR` write the projects
//!   to time the rules on: 200 processes of 50 steps over a reporting line
//!   2000 roles deep, and one process of 20000 steps and 20000 amount
//!   decisions (see `generator::rules_wide_project` and
//!   `generator::rules_deep_project`).
//! - `... -- lanes NODES DIR` writes one process of NODES nodes in 12 lanes
//!   for the diagram and handbook emitters (`benches/diagrams.sh`).

// The generator is shared by tests and benchmarks; this uses a part of it.
#[allow(dead_code)]
#[path = "support/generator.rs"]
mod generator;

use std::path::PathBuf;

const USAGE: &str = "usage: cargo bench --bench generate -- STEPS DIR [FILES]\n       \
    cargo bench --bench generate -- rules-wide DIR\n       \
    cargo bench --bench generate -- rules-deep DIR\n       \
    cargo bench --bench generate -- lanes NODES DIR";

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| arg != "--bench")
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (dir, files) = match args[..] {
        ["rules-wide", dir] => (dir, generator::rules_wide_project()),
        ["rules-deep", dir] => (dir, generator::rules_deep_project()),
        ["lanes", nodes, dir] => (dir, generator::lanes_project(whole(nodes, "NODES"))),
        [steps, dir] => {
            let steps = whole(steps, "STEPS");
            let process = generator::process(42, "generated", steps);
            (
                dir,
                vec![
                    ("org.flow".to_string(), generator::org()),
                    ("generated.flow".to_string(), process),
                ],
            )
        }
        [steps, dir, files] => (
            dir,
            generator::repository(42, whole(files, "FILES"), whole(steps, "STEPS")),
        ),
        _ => fail(USAGE),
    };
    let dir = PathBuf::from(dir);
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        files
            .iter()
            .try_for_each(|(name, text)| std::fs::write(dir.join(name), text))
    });
    if let Err(error) = written {
        fail(&format!("cannot write {}: {error}", dir.display()));
    }
}

/// `text` as a whole number, or the run ends saying which argument is wrong.
fn whole(text: &str, argument: &str) -> usize {
    text.parse()
        .unwrap_or_else(|_| fail(&format!("{argument} must be a whole number, not `{text}`")))
}

/// Prints `message` and ends the run with status 2.
fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(2);
}
