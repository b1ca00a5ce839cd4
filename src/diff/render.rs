//! A diff printed for people (`human`), for a pull-request comment
//! (`markdown`) and for machines (`json`). All three list the same changes
//! in the same order: organisation, then each process, then files; major
//! changes first within each.

use serde::Serialize;

use super::{Change, Class, ProjectDiff, Scope};

/// One group of changes: the organisation, a process or a file.
struct Group<'a> {
    heading: String,
    changes: Vec<&'a Change>,
}

impl Group<'_> {
    fn count(&self, class: Class) -> usize {
        self.changes
            .iter()
            .filter(|change| change.class == class)
            .count()
    }
}

fn groups(diff: &ProjectDiff) -> Vec<Group<'_>> {
    let mut groups: Vec<(Scope, Group<'_>)> = Vec::new();
    for change in &diff.changes {
        match groups.last_mut() {
            Some((scope, group)) if *scope == change.scope => group.changes.push(change),
            _ => {
                let heading = match &change.scope {
                    Scope::Organisation => "organisation (departments and roles)".to_string(),
                    Scope::Process(name) => diff
                        .processes
                        .iter()
                        .find(|matched| &matched.name == name)
                        .map_or_else(
                            || format!("process `{name}`"),
                            |matched| format!("process {}", matched.title),
                        ),
                    Scope::File(path) => format!("file `{path}`"),
                };
                groups.push((
                    change.scope.clone(),
                    Group {
                        heading,
                        changes: vec![change],
                    },
                ));
            }
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

/// "step `dept_review`: " unless the message names the subject itself.
fn subject_prefix(change: &Change) -> String {
    let named = format!("`{}`", change.subject.name);
    let is_scope = matches!(&change.scope, Scope::Process(name) if change.subject.noun == "process" && *name == change.subject.name);
    if is_scope || change.message.contains(&named) {
        String::new()
    } else {
        format!("{} {named}: ", change.subject.noun)
    }
}

fn counts(major: usize, minor: usize) -> String {
    let total = major + minor;
    let noun = if total == 1 { "change" } else { "changes" };
    format!("{total} {noun} ({major} major, {minor} minor)")
}

fn totals(diff: &ProjectDiff) -> (usize, usize) {
    let major = diff
        .changes
        .iter()
        .filter(|c| c.class == Class::Major)
        .count();
    (major, diff.changes.len() - major)
}

/// Plain text for a terminal.
pub fn human(diff: &ProjectDiff) -> String {
    let mut text = String::new();
    let width = diff
        .changes
        .iter()
        .map(|change| change.kind.name().len())
        .max()
        .unwrap_or(0);
    for group in groups(diff) {
        text.push_str(&format!(
            "{}: {}\n",
            group.heading,
            counts(group.count(Class::Major), group.count(Class::Minor))
        ));
        for change in &group.changes {
            text.push_str(&format!(
                "  {}  {:width$}  {}{}\n",
                change.class.word(),
                change.kind.name(),
                subject_prefix(change),
                change.message
            ));
        }
        text.push('\n');
    }
    let (major, minor) = totals(diff);
    if diff.changes.is_empty() {
        text.push_str("no changes to the processes\n");
    } else {
        text.push_str(&format!("{}\n", counts(major, minor)));
    }
    text
}

/// Markdown for a pull-request comment: a summary table, then one table
/// per group; groups with major changes come first (otherwise in the
/// diff's order), and within each group major changes come first.
pub fn markdown(diff: &ProjectDiff) -> String {
    let (major, minor) = totals(diff);
    let mut text = String::from("## Process changes\n\n");
    if diff.changes.is_empty() {
        text.push_str("No changes to the processes.\n");
        return text;
    }
    let verdict = if major > 0 {
        "**Major changes: they need top management's approval.**"
    } else {
        "Minor changes only."
    };
    text.push_str(&format!("{verdict} {}.\n\n", counts(major, minor)));
    let mut groups = groups(diff);
    groups.sort_by_key(|group| group.count(Class::Major) == 0);
    text.push_str("| | major | minor |\n|---|---:|---:|\n");
    for group in &groups {
        text.push_str(&format!(
            "| {} | {} | {} |\n",
            cell(&group.heading),
            group.count(Class::Major),
            group.count(Class::Minor)
        ));
    }
    for group in &groups {
        text.push_str(&format!("\n### {}\n\n", cell(&group.heading)));
        text.push_str("| class | kind | change |\n|---|---|---|\n");
        for change in &group.changes {
            let class = match change.class {
                Class::Major => "**major**",
                Class::Minor => "minor",
            };
            text.push_str(&format!(
                "| {class} | `{}` | {} |\n",
                change.kind.name(),
                cell(&format!("{}{}", subject_prefix(change), change.message))
            ));
        }
    }
    text
}

/// Text made safe for a Markdown table cell or heading: the names quoted
/// in backticks stay code, labels and file names cannot add HTML, links or
/// lines.
fn cell(text: &str) -> String {
    crate::emit::doc::markdown::escape_keeping_code_spans(text)
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    major: usize,
    minor: usize,
    changes: Vec<JsonChange<'a>>,
}

#[derive(Serialize)]
struct JsonChange<'a> {
    class: &'static str,
    kind: &'static str,
    scope: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    process: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    subject: JsonSubject<'a>,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonSubject<'a> {
    kind: &'static str,
    name: &'a str,
}

/// JSON for machines: the totals and every change.
pub fn json(diff: &ProjectDiff) -> String {
    let (major, minor) = totals(diff);
    let changes = diff
        .changes
        .iter()
        .map(|change| {
            let (scope, process, file) = match &change.scope {
                Scope::Organisation => ("organisation", None, None),
                Scope::Process(name) => ("process", Some(name.as_str()), None),
                Scope::File(path) => ("file", None, Some(path.as_str())),
            };
            JsonChange {
                class: change.class.word(),
                kind: change.kind.name(),
                scope,
                process,
                file,
                subject: JsonSubject {
                    kind: change.subject.noun,
                    name: &change.subject.name,
                },
                message: &change.message,
            }
        })
        .collect();
    let document = JsonDiff {
        major,
        minor,
        changes,
    };
    let mut text =
        serde_json::to_string_pretty(&document).expect("strings and numbers always serialise");
    text.push('\n');
    text
}
