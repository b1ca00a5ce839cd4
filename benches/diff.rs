//! How long `flowc diff`'s comparison takes on generated projects: one
//! process of N steps (a decision on `amount` every 10 steps) against a
//! version with thresholds moved, owners and deadlines changed and steps
//! removed; and a repository of 1,000 processes of 30 steps where 10 changed.
//! `cargo bench --bench diff` runs them with criterion.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use flowc::check;
use flowc::config::Config;
use flowc::diff;
use flowc::model::{self, Project};
use flowc::source::SourceFile;

const ORG: &str = "role general_manager\nrole lead reports to general_manager\nrole clerk reports to lead\ndepartment finance\n";

/// A process of `steps` steps; `changed` moves thresholds, changes owners
/// and deadlines and removes every 50th step.
fn process(name: &str, steps: usize, changed: bool) -> String {
    let mut text = format!(
        "process {name} {{\n  owner finance\n  sla 400 business days\n  input amount: money CNY\n  start s0\n"
    );
    let next_of = |i: usize| {
        if i + 1 >= steps {
            "done".to_string()
        } else if (i + 1).is_multiple_of(10) {
            format!("d{}", i + 1)
        } else {
            format!("s{}", i + 1)
        }
    };
    for i in 0..steps {
        if changed && i % 50 == 25 {
            // removed: its predecessor skips it
            continue;
        }
        let mut next = next_of(i);
        if changed && (i + 1) % 50 == 25 && i + 2 < steps {
            next = next_of(i + 1);
        }
        if i % 10 == 0 && i > 0 {
            let threshold = if changed { 6000 } else { 5000 } + (i % 7) * 1000;
            text.push_str(&format!(
                "  decide d{i} {{\n    when amount <= {threshold} CNY -> s{i}\n    otherwise -> r{i}\n  }}\n  step r{i} {{\n    owner lead\n    within 1 business day\n    next s{i}\n  }}\n"
            ));
        }
        let owner = if changed && i % 40 == 7 {
            "lead"
        } else {
            "clerk"
        };
        let days = if changed && i % 30 == 3 { 3 } else { 2 };
        text.push_str(&format!(
            "  step s{i} {{\n    owner {owner}\n    within {days} business days\n    escalate after 3 business days to lead\n    next {next}\n  }}\n"
        ));
    }
    text.push_str("  end done\n}\n");
    text
}

fn project(processes: &[(String, String)]) -> Project {
    let mut files = vec![SourceFile::from_text("org.flow", ORG)];
    files.extend(
        processes
            .iter()
            .map(|(name, text)| SourceFile::from_text(format!("{name}.flow"), text.clone())),
    );
    model::build(files)
}

fn bench_diff(c: &mut Criterion, id: BenchmarkId, old: &Project, new: &Project) {
    let config = Config::default();
    let context = check::CheckContext::new(&config, "2026-11-28".parse().expect("a date"));
    let old_diagnostics = check::run(old, &context);
    let new_diagnostics = check::run(new, &context);
    let old_checked = check::verify(old, &old_diagnostics).expect("old version is clean");
    let new_checked = check::verify(new, &new_diagnostics).expect("new version is clean");
    let mut group = c.benchmark_group("diff");
    group.sample_size(10);
    group.bench_function(id, |b| {
        b.iter(|| {
            diff::compare(&old_checked, &new_checked, &config)
                .changes
                .len()
        })
    });
    group.finish();
}

fn one_process(c: &mut Criterion) {
    for steps in [100, 1_000, 10_000] {
        let old = project(&[("big".to_string(), process("big", steps, false))]);
        let new = project(&[("big".to_string(), process("big", steps, true))]);
        bench_diff(c, BenchmarkId::new("one-process", steps), &old, &new);
    }
}

fn repository(c: &mut Criterion) {
    let names: Vec<String> = (0..1_000).map(|i| format!("p{i}")).collect();
    let old_processes: Vec<(String, String)> = names
        .iter()
        .map(|name| (name.clone(), process(name, 30, false)))
        .collect();
    let new_processes: Vec<(String, String)> = names
        .iter()
        .enumerate()
        .map(|(i, name)| (name.clone(), process(name, 30, i % 100 == 0)))
        .collect();
    bench_diff(
        c,
        BenchmarkId::new("repository-1000-processes-of-30-steps-10-changed", 1_000),
        &project(&old_processes),
        &project(&new_processes),
    );
}

criterion_group!(benches, one_process, repository);
criterion_main!(benches);
