//! How long `flowc conform`'s replay takes: a generated log of the expense
//! claim example (10,000 cases, about 100,000 events; 30% of the cases with
//! an injected deviation) read and checked from memory, as CSV and as XES,
//! the report included. `cargo bench --bench conform` runs it with
//! criterion; `benches/conform-compare.sh` times the binary on 1,000,000
//! events against PM4Py.

use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use flowc::conform::{self, Checker, ColumnMapping, GeneratedFormat, Generation};

const CASES: usize = 10_000;

fn bench_conform(c: &mut Criterion) {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut projects = flowc::source::load(&[examples]).expect("the examples load");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date");
    let analysis =
        flowc::analysis::analyse(projects.remove(0), today).expect("the configuration is valid");
    let checked =
        flowc::check::verify(&analysis.project, &analysis.diagnostics).expect("clean examples");
    let documents = flowc::ir::documents(&checked);
    let (_, document) = documents
        .iter()
        .find(|(name, _)| name.as_str() == "expense_claim")
        .expect("the expense claim example");
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
        .and_then(|date| date.and_hms_opt(9, 0, 0))
        .expect("a time");
    let mut group = c.benchmark_group("conform");
    group.sample_size(10);
    for format in [GeneratedFormat::Csv, GeneratedFormat::Xes] {
        let generation = Generation {
            cases: CASES,
            seed: 20,
            start,
            deviate: 0.3,
            format,
        };
        let mut log = Vec::new();
        conform::generate(
            document,
            &flowc::sim::Library::default(),
            &analysis.calendar,
            &generation,
            &mut log,
        )
        .expect("the log generates");
        group.throughput(Throughput::Bytes(log.len() as u64));
        let name = match format {
            GeneratedFormat::Csv => "csv",
            GeneratedFormat::Xes => "xes",
        };
        group.bench_function(BenchmarkId::new("expense_claim", name), |b| {
            b.iter(|| {
                let checker = Checker::new(document, &analysis.calendar, None, None);
                let mut session = checker.session();
                match format {
                    GeneratedFormat::Csv => {
                        conform::read_csv(
                            log.as_slice(),
                            &ColumnMapping::default(),
                            |case, attributes, event| {
                                session.event(case, &attributes, event);
                                Ok(())
                            },
                        )
                        .expect("the CSV reads");
                    }
                    GeneratedFormat::Xes => {
                        conform::read_xes(log.as_slice(), false, |case| {
                            session.case(case);
                            Ok(())
                        })
                        .expect("the XES reads");
                    }
                }
                let report = session.report();
                assert_eq!(report.cases, CASES);
                report.findings.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_conform);
criterion_main!(benches);
