//! Throughput of each stage on generated projects: parse, check, each
//! emitter (JSON, DOT, BPMN) and the simulator, on one process of N steps (N = 100 to 100,000), a
//! repository of 1,000 files of 30 steps, and the human report of every
//! finding of a process whose N steps all lack a deadline. `cargo bench` runs them; the
//! numbers and the machine are recorded in docs/performance.md.

// The generator is shared by tests and benchmarks; this uses a part of it.
#[allow(dead_code)]
#[path = "support/generator.rs"]
mod generator;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use flowc::check::{self, CheckContext, CheckedProject};
use flowc::config::Config;
use flowc::diagnostics::{Style, render_human};
use flowc::emit::diagram::DiagramOptions;
use flowc::emit::doc::{self, DocOptions};
use flowc::emit::render::Engine;
use flowc::emit::svg;
use flowc::emit::{bpmn, dot};
use flowc::ir;
use flowc::model::calendar::Calendar;
use flowc::model::{self, Project};
use flowc::sim;
use flowc::source::SourceFile;
use flowc::syntax;

const SIZES: &[usize] = &[100, 1_000, 10_000, 100_000];

/// The date the rules take as today: fixed, so every run checks the same.
const TODAY: &str = "2026-11-28";

fn context(config: &Config) -> CheckContext<'_> {
    CheckContext::new(config, TODAY.parse().expect("a date"))
}

fn files_of(steps: usize) -> Vec<SourceFile> {
    vec![
        SourceFile::from_text("org.flow", generator::org()),
        SourceFile::from_text("big.flow", generator::process(42, "big", steps)),
    ]
}

fn checked(project: &Project) -> CheckedProject<'_> {
    let diagnostics = check::run(project, &context(&Config::default()));
    check::verify(project, &diagnostics).expect("generated processes have no errors")
}

fn stages(c: &mut Criterion) {
    let mut group = c.benchmark_group("stages");
    group.sample_size(10);
    for &steps in SIZES {
        let files = files_of(steps);
        let text = files[1].text.clone();
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("parse", steps), &text, |b, text| {
            b.iter(|| syntax::parse(text).expect("parses"))
        });
        group.bench_with_input(BenchmarkId::new("model", steps), &files, |b, files| {
            b.iter(|| model::build(files.clone()))
        });
        let project = model::build(files.clone());
        group.bench_with_input(BenchmarkId::new("check", steps), &project, |b, project| {
            b.iter(|| check::run(project, &context(&Config::default())))
        });
        let checked = checked(&project);
        group.bench_with_input(
            BenchmarkId::new("emit-json", steps),
            &checked,
            |b, checked| {
                b.iter(|| {
                    ir::documents(checked)
                        .iter()
                        .map(|(_, document)| ir::to_text(document).len())
                        .sum::<usize>()
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("emit-dot", steps),
            &checked,
            |b, checked| b.iter(|| dot::documents(checked)),
        );
        group.bench_with_input(
            BenchmarkId::new("emit-bpmn", steps),
            &checked,
            |b, checked| {
                b.iter(|| {
                    bpmn::documents(checked, &Calendar::default(), bpmn::Dialect::Zeebe)
                        .expect("exports")
                })
            },
        );
        let (_, document) = ir::documents(&checked).remove(0);
        let scenario = simulation(&document);
        group.bench_with_input(
            BenchmarkId::new("sim", steps),
            &(document, scenario),
            |b, (document, scenario)| {
                b.iter(|| {
                    sim::run(
                        document,
                        &sim::Library::default(),
                        &Calendar::default(),
                        scenario,
                    )
                    .expect("runs")
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("emit-svg-builtin", steps),
            &checked,
            |b, checked| b.iter(|| svg::documents(checked, DiagramOptions::default())),
        );
        group.bench_with_input(
            BenchmarkId::new("emit-handbook-html", steps),
            &checked,
            |b, checked| {
                b.iter(|| {
                    let options = DocOptions {
                        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date"),
                        engine: Engine::Builtin,
                        automatic: false,
                        diagram: DiagramOptions::default(),
                    };
                    let handbook = doc::handbook(checked, &[], |_| true, options)
                        .expect("the built-in engine draws");
                    doc::html::site(&handbook)
                })
            },
        );
    }
    group.finish();
}

/// A run of a generated process: its amount input set, every step on time.
fn simulation(document: &ir::ProcessDocument) -> sim::Scenario {
    let inputs = document
        .inputs
        .iter()
        .map(|input| {
            let value = sim::parse_input(input, "60000").expect("an amount");
            (input.name.clone(), value)
        })
        .collect();
    sim::Scenario {
        start: chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
            .expect("a date")
            .and_hms_opt(9, 0, 0)
            .expect("a time"),
        inputs,
        outcomes: Default::default(),
        delays: Default::default(),
        applicant: None,
        recorded: Default::default(),
    }
}

fn repository(c: &mut Criterion) {
    let mut group = c.benchmark_group("repository");
    group.sample_size(10);
    let files: Vec<SourceFile> = generator::repository(7, 1_000, 30)
        .into_iter()
        .map(|(name, text)| SourceFile::from_text(name, text))
        .collect();
    let bytes: usize = files.iter().map(|file| file.text.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("check-1000-files-of-30-steps", |b| {
        b.iter(|| {
            let project = model::build(files.clone());
            check::run(&project, &context(&Config::default())).len()
        })
    });
    group.finish();
}

/// Rendering many findings for people: a process of N steps none of which
/// has a deadline, so every step is reported, drawn as miette reports.
fn reports(c: &mut Criterion) {
    let mut group = c.benchmark_group("reports");
    group.sample_size(10);
    for steps in [1_000, 10_000] {
        let text: String = generator::process(42, "big", steps)
            .lines()
            .filter(|line| !line.trim_start().starts_with("within "))
            .map(|line| format!("{line}\n"))
            .collect();
        let files = vec![
            SourceFile::from_text("org.flow", generator::org()),
            SourceFile::from_text("big.flow", text),
        ];
        let project = model::build(files);
        let findings = check::run(&project, &context(&Config::default()));
        group.throughput(Throughput::Elements(findings.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("human", steps),
            &findings,
            |b, findings| {
                b.iter(|| {
                    render_human(
                        findings,
                        &project.files,
                        Style::Plain,
                        flowc::i18n::Lang::En,
                    )
                    .len()
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, stages, repository, reports);
criterion_main!(benches);
