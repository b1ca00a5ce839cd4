//! Checking a project again after an edit, running again only the rules
//! whose inputs changed (the language server does this on each edit).
//!
//! The findings of a rule that reads one process at a time (every rule but
//! the [`PROJECT_RULES`]) in a process depend on the process's own text and
//! place (file, offset, line), on the organisation its names resolve to (departments, roles,
//! reporting lines), on the processes it calls (directly or through
//! others), on the configuration and on the date taken as today.
//! [`KeptFindings`] keeps each process's findings keyed on a fingerprint of
//! all of these; a run checks only the processes whose fingerprint it has
//! not kept, runs the [`PROJECT_RULES`] on the whole project (they read the
//! lists of names and of problems, and the calls between processes), and
//! makes the whole final with [`finish`], as [`super::run`] does: the
//! diagnostics are those of [`super::run`] on the same project.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::hash::{BuildHasher, Hasher};

use rayon::prelude::*;

use super::{CheckContext, Scope, finish, run_process_rules, run_project_rules};
use crate::diagnostics::Diagnostic;
use crate::model::{NodeKind, Process, ProcessId, Project};

/// The findings of each process, kept between runs, keyed on a fingerprint
/// of what they depend on.
#[derive(Debug, Default)]
pub struct KeptFindings {
    by_fingerprint: HashMap<u64, Vec<Diagnostic>>,
    last: Counts,
}

/// How many processes a run checked, and how many it took the findings of
/// from an earlier run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Processes whose rules ran.
    pub checked: usize,
    /// Processes whose findings were kept.
    pub reused: usize,
}

impl KeptFindings {
    /// What the last completed run did.
    pub fn last_run(&self) -> Counts {
        self.last
    }

    /// The diagnostics of [`super::run`] on `project` (every process,
    /// whatever `context.scope` says), with the findings of the processes
    /// whose inputs did not change since an earlier run taken from it.
    /// `settings` stands for the configuration (a hash of `flowc.toml`).
    /// Given up (`None`) once `stop` says so, which is asked before each
    /// process and each rule of the whole project; what was checked before
    /// is kept.
    pub fn run_unless(
        &mut self,
        project: &Project,
        context: &CheckContext,
        settings: u64,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Diagnostic>> {
        let whole = CheckContext {
            scope: Scope::All,
            ..*context
        };
        let fingerprints = fingerprints(project, org_fingerprint(project, &whole, settings));
        let unseen: Vec<usize> = (0..fingerprints.len())
            .filter(|index| !self.by_fingerprint.contains_key(&fingerprints[*index]))
            .collect();
        let checked: Vec<Option<(u64, Vec<Diagnostic>)>> = unseen
            .par_iter()
            .map(|&index| {
                if stop() {
                    return None;
                }
                let only = [ProcessId(index)];
                let scoped = CheckContext {
                    scope: Scope::Only(&only),
                    ..whole
                };
                Some((fingerprints[index], run_process_rules(project, &scoped)))
            })
            .collect();
        let complete = checked.iter().all(Option::is_some);
        self.by_fingerprint.extend(checked.into_iter().flatten());
        if !complete {
            return None;
        }
        let found = run_project_rules(project, &whole, stop)?;
        let in_use: HashSet<u64> = fingerprints.iter().copied().collect();
        self.by_fingerprint
            .retain(|fingerprint, _| in_use.contains(fingerprint));
        self.last = Counts {
            checked: unseen.len(),
            reused: fingerprints.len() - unseen.len(),
        };
        let kept = fingerprints
            .iter()
            .filter_map(|fingerprint| self.by_fingerprint.get(fingerprint))
            .flatten()
            .cloned();
        Some(finish(project, &whole, found.into_iter().chain(kept)))
    }
}

/// A hasher that gives the same hash on every run and machine.
fn hasher() -> impl Hasher {
    foldhash::quality::FixedState::with_seed(0).build_hasher()
}

/// Writes what is formatted into a hasher.
struct HashWriter<'a, H: Hasher>(&'a mut H);

impl<H: Hasher> std::fmt::Write for HashWriter<'_, H> {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        self.0.write(text.as_bytes());
        Ok(())
    }
}

/// A fingerprint of what every process's findings read besides processes:
/// the departments and roles (names, places, reporting lines), the
/// configuration and today's date.
fn org_fingerprint(project: &Project, context: &CheckContext, settings: u64) -> u64 {
    let mut hasher = hasher();
    hasher.write_u64(settings);
    // Formatting into a hasher cannot fail.
    let _ = write!(
        HashWriter(&mut hasher),
        "{}{:?}{:?}",
        context.today,
        project.departments,
        project.roles
    );
    hasher.finish()
}

/// A fingerprint of a process's own text and place: its file, its offset
/// and its line (messages name lines, `decision-overlap`'s for one).
fn own_fingerprint(project: &Project, process: &Process) -> u64 {
    let mut hasher = hasher();
    hasher.write_usize(process.file.0);
    hasher.write_usize(process.span.start);
    let text = project
        .files
        .get(process.file.0)
        .map_or("", |file| file.text.as_str());
    let before = text.get(..process.span.start).unwrap_or_default();
    hasher.write_usize(memchr::memchr_iter(b'\n', before.as_bytes()).count());
    let own = text
        .get(process.span.start..process.span.end)
        .unwrap_or_default();
    hasher.write(own.as_bytes());
    hasher.finish()
}

/// The processes `process` calls (those the names resolve to).
fn callees(process: &Process) -> Vec<usize> {
    process
        .nodes
        .iter()
        .filter_map(|node| match &node.kind {
            NodeKind::Call(details) => Some(details.process.as_ref()?.target?.0),
            _ => None,
        })
        .collect()
}

/// Per process, the fingerprint of what its findings depend on: `org`, its
/// own text and place, and those of every process it calls, directly or
/// not. When the calls loop somewhere, the time a loop's processes take
/// depends on the order the whole project is walked in, so every process
/// that calls another also depends on every process.
fn fingerprints(project: &Project, org: u64) -> Vec<u64> {
    let own: Vec<u64> = project
        .processes
        .par_iter()
        .map(|process| own_fingerprint(project, process))
        .collect();
    let calls: Vec<Vec<usize>> = project
        .processes
        .par_iter()
        .map(|process| callees(process))
        .collect();
    let everything = has_loop(&calls).then(|| {
        let mut hasher = hasher();
        own.iter()
            .for_each(|fingerprint| hasher.write_u64(*fingerprint));
        hasher.finish()
    });
    (0..own.len())
        .into_par_iter()
        .map(|index| {
            let mut hasher = hasher();
            hasher.write_u64(org);
            hasher.write_u64(own[index]);
            let reached = reached_from(index, &calls);
            for callee in &reached {
                hasher.write_u64(own[*callee]);
            }
            if let (Some(everything), false) = (everything, reached.is_empty()) {
                hasher.write_u64(everything);
            }
            hasher.finish()
        })
        .collect()
}

/// The processes `start` calls, directly or not, in the order first met.
fn reached_from(start: usize, calls: &[Vec<usize>]) -> Vec<usize> {
    let mut reached = Vec::new();
    let mut seen = HashSet::from([start]);
    let mut pending: Vec<usize> = calls[start].iter().rev().copied().collect();
    while let Some(index) = pending.pop() {
        if seen.insert(index) {
            reached.push(index);
            pending.extend(calls[index].iter().rev().copied());
        }
    }
    reached
}

/// Whether some process calls itself, directly or not.
fn has_loop(calls: &[Vec<usize>]) -> bool {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Visit {
        New,
        Open,
        Done,
    }
    let mut visit = vec![Visit::New; calls.len()];
    for root in 0..calls.len() {
        if visit[root] != Visit::New {
            continue;
        }
        visit[root] = Visit::Open;
        let mut stack = vec![(root, 0)];
        while let Some((index, next)) = stack.last_mut() {
            let index = *index;
            let Some(&callee) = calls[index].get(*next) else {
                visit[index] = Visit::Done;
                stack.pop();
                continue;
            };
            *next += 1;
            match visit[callee] {
                Visit::Open => return true,
                Visit::New => {
                    visit[callee] = Visit::Open;
                    stack.push((callee, 0));
                }
                Visit::Done => {}
            }
        }
    }
    false
}
