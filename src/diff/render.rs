//! A diff printed for people (`human`), for a pull-request comment
//! (`markdown`) and for machines (`json`). All three list the same changes
//! in the same order: organisation, then each process, then files; major
//! changes first within each.

use serde::Serialize;

use super::{Change, Class, ProjectDiff, Scope};
use crate::i18n::{Lang, Text};
use crate::text;

/// One group of changes: the organisation, a process or a file.
struct Group<'a> {
    heading: Text,
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
                    Scope::Organisation => text!("diff-heading-organisation"),
                    Scope::Process(name) => {
                        let title = diff
                            .processes
                            .iter()
                            .find(|matched| &matched.name == name)
                            .map_or_else(
                                || Text::verbatim(format!("`{name}`")),
                                |matched| matched.title.clone(),
                            );
                        text!("diff-heading-process", title = title)
                    }
                    Scope::File(path) => text!("diff-heading-file", path = path),
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

/// The change's message in `lang`, after "step `dept_review`: " unless
/// the message names the subject itself.
pub(super) fn described(change: &Change, lang: Lang) -> String {
    let named = format!("`{}`", change.subject.name);
    let is_scope = matches!(&change.scope, Scope::Process(name) if change.subject.noun == "process" && *name == change.subject.name);
    if is_scope || change.message.english().contains(&named) {
        change.message.render(lang)
    } else {
        text!(
            "diff-change-of-subject",
            noun = change.subject.noun.replace(' ', "-"),
            name = change.subject.name.as_str(),
            message = change.message.clone()
        )
        .render(lang)
    }
}

/// "3 changes (1 major, 2 minor)".
fn counts(major: usize, minor: usize) -> Text {
    text!(
        "diff-counts",
        total = major + minor,
        major = major,
        minor = minor
    )
}

/// The word of a class: `major`, `minor`.
fn class_word(class: Class) -> Text {
    text!("diff-class", class = class.word())
}

fn totals(diff: &ProjectDiff) -> (usize, usize) {
    let major = diff
        .changes
        .iter()
        .filter(|c| c.class == Class::Major)
        .count();
    (major, diff.changes.len() - major)
}

/// Plain text for a terminal, in `lang`.
pub fn human(diff: &ProjectDiff, lang: Lang) -> String {
    let mut text = String::new();
    let width = diff
        .changes
        .iter()
        .map(|change| change.kind.name().len())
        .max()
        .unwrap_or(0);
    for group in groups(diff) {
        let heading = text!(
            "diff-group",
            heading = group.heading.clone(),
            counts = counts(group.count(Class::Major), group.count(Class::Minor))
        );
        text.push_str(&heading.render(lang));
        text.push('\n');
        for change in &group.changes {
            text.push_str(&format!(
                "  {}  {:width$}  {}\n",
                class_word(change.class).render(lang),
                change.kind.name(),
                described(change, lang)
            ));
        }
        text.push('\n');
    }
    let (major, minor) = totals(diff);
    let total = if diff.changes.is_empty() {
        text!("diff-no-changes")
    } else {
        counts(major, minor)
    };
    text.push_str(&total.render(lang));
    text.push('\n');
    text
}

/// Markdown for a pull-request comment, in `lang`: a summary table, then
/// one table per group; groups with major changes come first (otherwise in
/// the diff's order), and within each group major changes come first.
pub fn markdown(diff: &ProjectDiff, lang: Lang) -> String {
    let (major, minor) = totals(diff);
    let mut text = format!("## {}\n\n", text!("diff-md-title").render(lang));
    if diff.changes.is_empty() {
        text.push_str(&text!("diff-md-no-changes").render(lang));
        text.push('\n');
        return text;
    }
    let verdict = if major > 0 {
        text!("diff-md-verdict-major")
    } else {
        text!("diff-md-verdict-minor")
    };
    let summary = text!(
        "diff-md-summary",
        verdict = verdict,
        counts = counts(major, minor)
    );
    text.push_str(&format!("{}\n\n", summary.render(lang)));
    let mut groups = groups(diff);
    groups.sort_by_key(|group| group.count(Class::Major) == 0);
    text.push_str(&format!(
        "| | {} | {} |\n|---|---:|---:|\n",
        class_word(Class::Major).render(lang),
        class_word(Class::Minor).render(lang)
    ));
    for group in &groups {
        text.push_str(&format!(
            "| {} | {} | {} |\n",
            cell(&group.heading.render(lang)),
            group.count(Class::Major),
            group.count(Class::Minor)
        ));
    }
    for group in &groups {
        text.push_str(&format!("\n### {}\n\n", cell(&group.heading.render(lang))));
        text.push_str(&text!("diff-md-columns").render(lang));
        text.push_str("\n|---|---|---|\n");
        for change in &group.changes {
            let class = class_word(change.class).render(lang);
            let class = match change.class {
                Class::Major => format!("**{class}**"),
                Class::Minor => class,
            };
            text.push_str(&format!(
                "| {class} | `{}` | {} |\n",
                change.kind.name(),
                cell(&described(change, lang))
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
    message: String,
    /// The message in the language of the run, when it is not English.
    #[serde(skip_serializing_if = "Option::is_none")]
    localized: Option<JsonLocalized>,
}

/// A change's message in the language of the run.
#[derive(Serialize)]
struct JsonLocalized {
    lang: &'static str,
    message: String,
}

#[derive(Serialize)]
struct JsonSubject<'a> {
    kind: &'static str,
    name: &'a str,
}

/// JSON for machines: the totals and every change, its message in English
/// and, when `lang` is not English, in `lang` too.
pub fn json(diff: &ProjectDiff, lang: Lang) -> String {
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
                message: change.message.english(),
                localized: (lang != Lang::En).then(|| JsonLocalized {
                    lang: lang.code(),
                    message: change.message.render(lang),
                }),
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
