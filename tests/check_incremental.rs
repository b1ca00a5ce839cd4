//! Checking again after an edit (`check::incremental`): the rules that read
//! one process at a time look only at the processes in scope, and a check
//! that keeps each process's findings gives what a whole check gives,
//! running again only the processes an edit touched.

use crate::check_fixtures::fixtures;
use crate::common;
use crate::generator;

use flowc::check::incremental::{Counts, KeptFindings};
use flowc::check::{self, CheckContext, Scope};
use flowc::config::Config;
use flowc::diagnostics::Diagnostic;
use flowc::model::{self, ProcessId, Project};
use flowc::source::SourceFile;

/// A project to check, with its name and configuration.
struct Case {
    name: String,
    files: Vec<(String, String)>,
    config: Config,
}

impl Case {
    fn project(&self) -> Project {
        model::build(
            self.files
                .iter()
                .map(|(path, text)| SourceFile::from_text(path.as_str(), text.as_str()))
                .collect(),
        )
    }
}

/// Every check fixture alone (with its configuration), the examples as one
/// project, and generated projects of many processes (one with calls
/// between processes, one with a loop of calls).
fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = fixtures()
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a readable fixture");
            let sidecar = path.with_extension("toml");
            let config = std::fs::read_to_string(sidecar)
                .map(|text| Config::parse(&text).expect("a valid fixture configuration"))
                .unwrap_or_default();
            Case {
                name: path.display().to_string(),
                files: vec![(path.display().to_string(), text)],
                config,
            }
        })
        .collect();
    let examples = common::repo().join("examples");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&examples)
        .expect("examples/")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "flow"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable");
            (path.display().to_string(), text)
        })
        .collect();
    files.sort();
    cases.push(Case {
        name: "examples".to_string(),
        files,
        config: Config::default(),
    });
    cases.push(Case {
        name: "generated".to_string(),
        files: generator::repository(7, 12, 20),
        config: Config::default(),
    });
    cases.push(Case {
        name: "rules-wide".to_string(),
        files: generator::rules_wide_project(),
        config: Config::default(),
    });
    for looping in [false, true] {
        cases.push(Case {
            name: format!("calls, looping: {looping}"),
            files: calling_project(looping),
            config: Config::default(),
        });
    }
    cases
}

/// Three processes, each with an SLA: `first` calls `second`, which calls
/// `third`, which calls `second` again when `looping` (a loop of calls)
/// and nothing otherwise.
fn calling_project(looping: bool) -> Vec<(String, String)> {
    let org = "role clerk \"Clerk\"\n".to_string();
    let process = |name: &str, callee: Option<&str>| {
        let (next, call) = match callee {
            Some(callee) => (
                "more",
                format!("  call more {{\n    process {callee}\n    next done\n  }}\n\n"),
            ),
            None => ("done", String::new()),
        };
        format!(
            "process {name} \"{name}\" {{\n  owner clerk\n  sla 3 days\n  start work\n\n  \
             step work \"Work\" {{\n    owner clerk\n    within 2 days\n    next {next}\n  }}\n\n\
             {call}  end done\n}}\n"
        )
    };
    vec![
        ("org.flow".to_string(), org),
        ("first.flow".to_string(), process("first", Some("second"))),
        ("second.flow".to_string(), process("second", Some("third"))),
        (
            "third.flow".to_string(),
            process("third", looping.then_some("second")),
        ),
    ]
}

/// The diagnostics in a fixed order, to compare lists made in another.
fn sorted(mut diagnostics: Vec<Diagnostic>) -> Vec<String> {
    let mut shown: Vec<String> = diagnostics
        .drain(..)
        .map(|diagnostic| format!("{diagnostic:?}"))
        .collect();
    shown.sort();
    shown
}

#[test]
fn each_process_alone_gives_what_every_process_gives() {
    let cases = cases();
    let mut compared = 0;
    for case in &cases {
        let project = case.project();
        let context = CheckContext::new(&case.config, common::today());
        let whole = check::run_process_rules(&project, &context);
        let alone: Vec<Diagnostic> = (0..project.processes.len())
            .flat_map(|index| {
                let only = [ProcessId(index)];
                let scoped = CheckContext {
                    scope: Scope::Only(&only),
                    ..context
                };
                check::run_process_rules(&project, &scoped)
            })
            .collect();
        assert_eq!(sorted(alone), sorted(whole), "{}", case.name);
        compared += 1;
    }
    assert_eq!(compared, fixtures().len() + 5);
}

#[test]
fn kept_findings_give_what_a_whole_check_gives() {
    let cases = cases();
    let mut compared = 0;
    for case in &cases {
        let project = case.project();
        let context = CheckContext::new(&case.config, common::today());
        let whole = check::run(&project, &context);
        let mut kept = KeptFindings::default();
        let first = kept.run_unless(&project, &context, 0, &|| false);
        assert_eq!(first.as_ref(), Some(&whole), "{}", case.name);
        let processes = project.processes.len();
        assert_eq!(
            kept.last_run(),
            Counts {
                checked: processes,
                reused: 0
            }
        );
        let again = kept.run_unless(&project, &context, 0, &|| false);
        assert_eq!(again, Some(whole), "{}", case.name);
        assert_eq!(
            kept.last_run(),
            Counts {
                checked: 0,
                reused: processes
            }
        );
        compared += 1;
    }
    assert_eq!(compared, fixtures().len() + 5);
}

/// The processes checked again by each of a run of edits.
fn checked_after_edits(
    looping: bool,
    edits: &[(&str, &str, &str)],
    settings: &[u64],
) -> (Vec<usize>, usize) {
    let mut files = generator::repository(7, 12, 20);
    files.extend(calling_project(looping).into_iter().skip(1));
    let config = Config::default();
    let context = CheckContext::new(&config, common::today());
    let mut kept = KeptFindings::default();
    let mut check = |files: &[(String, String)], settings: u64| {
        let project = model::build(
            files
                .iter()
                .map(|(path, text)| SourceFile::from_text(path.as_str(), text.as_str()))
                .collect(),
        );
        let found = kept.run_unless(&project, &context, settings, &|| false);
        assert_eq!(found, Some(check::run(&project, &context)));
        (kept.last_run().checked, project.processes.len())
    };
    let (_, processes) = check(&files, 0);
    let mut checked = Vec::new();
    for (name, from, to) in edits {
        let (_, text) = files
            .iter_mut()
            .find(|(path, _)| path == name)
            .expect("the file");
        assert!(text.contains(from), "{name} holds {from}");
        *text = text.replacen(from, to, 1);
        checked.push(check(&files, 0).0);
    }
    for settings in settings {
        checked.push(check(&files, *settings).0);
    }
    (checked, processes)
}

/// An edit inside one process's steps checks that process again, and the
/// processes that call it, directly or not; an edit of the organisation,
/// the configuration or the date checks every process again.
#[test]
fn an_edit_checks_again_what_depends_on_it() {
    let edits = [
        // A step's deadline in a process nobody calls, then put back (the
        // first findings are kept no longer, so it is checked again).
        ("process_3.flow", "within ", "within 1"),
        ("process_3.flow", "within 1", "within "),
        // A step of `third`: `second` calls it, `first` calls `second`.
        ("third.flow", "within 2 days", "within 3 days"),
        // A step of `first`, which nobody calls.
        ("first.flow", "within 2 days", "within 3 days"),
        // A role's label, read by every process.
        ("org.flow", "\"", "\"x"),
    ];
    let (checked, processes) = checked_after_edits(false, &edits, &[1, 1]);
    assert_eq!(checked, [1, 1, 3, 1, processes, processes, 0]);
}

/// Where the calls loop, the time a call takes depends on the order the
/// whole project is walked in: an edit anywhere checks again every process
/// that calls another into the loop, as well as the process edited.
#[test]
fn an_edit_checks_again_the_processes_calling_into_a_loop() {
    let edits = [
        ("process_3.flow", "within ", "within 1"),
        ("first.flow", "within 2 days", "within 3 days"),
    ];
    let (checked, _) = checked_after_edits(true, &edits, &[]);
    assert_eq!(checked, [4, 3]);
}

/// A finding's message may name a line (`decision-overlap`): an edit
/// before a process that moves it down a line, its offset and text
/// unchanged, checks it again.
#[test]
fn a_process_moved_to_another_line_is_checked_again() {
    let mut compared = 0;
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).expect("a readable fixture");
        let Some(rest) = text.strip_prefix("# ") else {
            continue;
        };
        let moved = format!("#\n{rest}");
        let config = Config::default();
        let context = CheckContext::new(&config, common::today());
        let project = |text: &str| model::build(vec![SourceFile::from_text("fixture.flow", text)]);
        let mut kept = KeptFindings::default();
        kept.run_unless(&project(&text), &context, 0, &|| false);
        let moved = project(&moved);
        let found = kept.run_unless(&moved, &context, 0, &|| false);
        assert_eq!(
            found,
            Some(check::run(&moved, &context)),
            "{}",
            path.display()
        );
        compared += 1;
    }
    assert!(compared > 200, "{compared} fixtures start with a comment");
}
