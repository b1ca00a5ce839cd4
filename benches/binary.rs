//! The flowc binary against its floor, as a user runs it: `flowc check` of
//! one generated process of 200, 2,000, 20,000 and 100,000 steps next to
//! reading and UTF-8-validating the same file (the least any checker must
//! do); and `flowc check`, `flowc build --emit json,dot` and `flowc doc
//! --engine builtin` (the Graphviz-free layout) of
//! a repository of 1,000 files of 30 steps. The projects are the ones
//! `cargo bench --bench generate -- STEPS DIR [FILES]` writes; the numbers
//! and the machine are recorded in docs/performance.md.
//!
//! `cargo bench --bench binary` runs every scenario; `cargo bench --bench
//! binary -- floor` or `-- repository` one group.

// The generator is shared by tests and benchmarks; this uses a part of it.
#[allow(dead_code)]
#[path = "support/generator.rs"]
mod generator;

use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// The sizes of the process checked against the floor, in steps.
const STEPS: [usize; 4] = [200, 2_000, 20_000, 100_000];

/// The date the rules take as today: fixed, so every run checks the same.
const TODAY: &str = "2026-11-28";

/// The binary built with this benchmark.
const FLOWC: &str = env!("CARGO_BIN_EXE_flowc");

/// Writes `files` into a new directory under the target directory.
fn write_project(name: &str, files: &[(String, String)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-binary")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a project directory");
    for (file, text) in files {
        std::fs::write(dir.join(file), text).expect("a project file");
    }
    dir
}

/// Runs flowc with `args`; it must succeed.
fn flowc(args: &[&str]) {
    let status = Command::new(FLOWC)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("flowc runs");
    assert!(status.success(), "flowc {args:?} failed");
}

fn floor(c: &mut Criterion) {
    let mut group = c.benchmark_group("floor");
    group.sample_size(10);
    for steps in STEPS {
        let process = generator::process(42, "generated", steps);
        let files = [
            ("org.flow".to_string(), generator::org()),
            ("generated.flow".to_string(), process),
        ];
        let dir = write_project(&format!("p{steps}"), &files);
        let file = dir.join("generated.flow");
        let bytes = std::fs::metadata(&file).expect("written").len();
        group.throughput(Throughput::Bytes(bytes));
        group.bench_with_input(
            BenchmarkId::new("read-and-validate", steps),
            &file,
            |b, file| {
                b.iter(|| {
                    let bytes = std::fs::read(file).expect("readable");
                    std::str::from_utf8(&bytes).expect("UTF-8").len()
                })
            },
        );
        let dir = dir.to_string_lossy().to_string();
        group.bench_with_input(BenchmarkId::new("flowc-check", steps), &dir, |b, dir| {
            b.iter(|| flowc(&["check", dir, "--today", TODAY]))
        });
    }
    group.finish();
}

fn repository(c: &mut Criterion) {
    let mut group = c.benchmark_group("repository");
    group.sample_size(10);
    let dir = write_project("repository", &generator::repository(42, 1_000, 30));
    let out = dir.with_file_name("repository-out");
    let (dir, out) = (dir.to_string_lossy(), out.to_string_lossy());
    group.bench_function("check-1000-files", |b| {
        b.iter(|| flowc(&["check", &dir, "--today", TODAY]))
    });
    group.bench_function("build-json-dot-1000-files", |b| {
        b.iter(|| {
            flowc(&[
                "build", &dir, "--out", &out, "--emit", "json,dot", "--today", TODAY,
            ])
        })
    });
    group.bench_function("doc-1000-files", |b| {
        b.iter(|| {
            flowc(&[
                "doc", &dir, "--out", &out, "--engine", "builtin", "--today", TODAY,
            ])
        })
    });
    group.finish();
}

criterion_group!(benches, floor, repository);
criterion_main!(benches);
