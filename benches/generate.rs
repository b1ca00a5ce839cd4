//! Writes a generated project to disk, for timing flowc against other tools
//! (`benches/compare.sh`): `cargo bench --bench generate -- STEPS DIR`
//! writes `DIR/org.flow` and `DIR/generated.flow`, one process of about
//! STEPS steps; `... -- STEPS DIR FILES` writes a repository of FILES
//! processes of STEPS steps each. The same arguments give the same text on
//! every machine.

// The generator is shared by tests and benchmarks; this uses a part of it.
#[allow(dead_code)]
#[path = "support/generator.rs"]
mod generator;

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1).filter(|arg| arg != "--bench");
    let (Some(steps), Some(dir)) = (args.next(), args.next()) else {
        eprintln!("usage: cargo bench --bench generate -- STEPS DIR");
        std::process::exit(2);
    };
    let Ok(steps) = steps.parse::<usize>() else {
        eprintln!("STEPS must be a whole number, not `{steps}`");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let files = match args.next().map(|files| files.parse::<usize>()) {
        None => vec![
            ("org.flow".to_string(), generator::org()),
            (
                "generated.flow".to_string(),
                generator::process(42, "generated", steps),
            ),
        ],
        Some(Ok(count)) => generator::repository(42, count, steps),
        Some(Err(_)) => {
            eprintln!("FILES must be a whole number");
            std::process::exit(2);
        }
    };
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        files
            .iter()
            .try_for_each(|(name, text)| std::fs::write(dir.join(name), text))
    });
    if let Err(error) = written {
        eprintln!("cannot write {}: {error}", dir.display());
        std::process::exit(2);
    }
}
