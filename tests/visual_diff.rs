//! The visual diff draws every change `flowc diff` reports about a
//! process, in both engines: for each change of each fixture case in
//! `tests/fixtures/diff/`, the DOT (Graphviz) and the built-in SVG hold
//! its words at its place (under its node, or under the title for a
//! change of the process as a whole), and what the older version had is
//! drawn struck through where it was: a removed node, an old owner or
//! escalation, an old note, the edge of an old threshold. A change in no
//! process (of the organisation, of a file's comments) is drawn on the
//! organisation picture, beside the department or role it is about, a
//! removed one struck through and an old reporting line drawn beside the
//! new; no kind of change is left undrawn.

use std::collections::BTreeSet;

use flowc::diff::visual::ORGANISATION_PICTURE;
use flowc::diff::{self, Change, ChangeKind, Scope};
use flowc::emit::{orgchart, svg};
use flowc::i18n::Lang;

use crate::diff_fixtures::{cases, options, with_case};

/// Kinds about the organisation or the files, never about one process:
/// drawn on the organisation picture.
const NOT_ABOUT_A_PROCESS: [ChangeKind; 9] = [
    ChangeKind::CommentsChanged,
    ChangeKind::DepartmentAdded,
    ChangeKind::DepartmentRemoved,
    ChangeKind::DepartmentRenamed,
    ChangeKind::RoleAdded,
    ChangeKind::RoleRemoved,
    ChangeKind::RoleRenamed,
    ChangeKind::RoleDepartmentChanged,
    ChangeKind::ReportingLineChanged,
];

/// Nouns of the changes drawn under a node.
const NODE_NOUNS: [&str; 5] = ["step", "decision", "end", "call", "parallel block"];

/// Kinds that remove a node, drawn struck through where it was.
const NODE_REMOVALS: [ChangeKind; 5] = [
    ChangeKind::StepRemoved,
    ChangeKind::DecisionRemoved,
    ChangeKind::EndRemoved,
    ChangeKind::CallRemoved,
    ChangeKind::BlockRemoved,
];

/// The words of `text` without markup, entities, backticks or white
/// space: what a reader sees, however it is wrapped.
fn seen(text: &str) -> String {
    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    plain
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '`' && *c != '\\')
        .collect()
}

/// `text` without backticks or white space.
fn words(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '`')
        .collect()
}

/// Whether `text` holds `name` as a whole word.
fn shows_word(text: &str, name: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(name).any(|(at, _)| {
        !text[..at].chars().next_back().is_some_and(word)
            && !text[at + name.len()..].chars().next().is_some_and(word)
    })
}

/// The statements of the DOT that draw node `name`.
fn dot_node<'a>(dot: &'a str, name: &str) -> Vec<&'a str> {
    let start = format!("\"{name}\"[");
    dot.lines()
        .map(str::trim_start)
        .filter(|line| line.starts_with(&start))
        .collect()
}

/// The label of the whole DOT graph: its header.
fn dot_header(dot: &str) -> &str {
    dot.lines()
        .map(str::trim_start)
        .find(|line| line.starts_with("graph[label="))
        .unwrap_or("")
}

/// The struck-through parts (`<S>...</S>`) of a DOT text.
fn struck(dot: &str) -> Vec<String> {
    dot.split("<S>")
        .skip(1)
        .filter_map(|part| part.split_once("</S>").map(|(inside, _)| seen(inside)))
        .collect()
}

/// The text of every element of the SVG under a group of class
/// `change KIND`, and whether it is struck through, per group.
fn svg_groups(svg: &str, kind: &str) -> Vec<(String, bool)> {
    let document = roxmltree::Document::parse(svg).expect("the SVG is XML");
    let class = format!("change {kind}");
    document
        .descendants()
        .filter(|node| node.has_tag_name("g") && node.attribute("class") == Some(class.as_str()))
        .map(|group| {
            let text: String = group
                .descendants()
                .filter(|node| node.is_text())
                .filter_map(|node| node.text())
                .collect();
            let struck = group
                .descendants()
                .any(|node| node.attribute("text-decoration") == Some("line-through"));
            (words(&text), struck)
        })
        .collect()
}

/// The label boxes of the edges of a built-in SVG, and whether each is
/// an edge of the older version (its words struck through).
fn edge_labels(svg: &str) -> Vec<([f64; 4], bool)> {
    let document = roxmltree::Document::parse(svg).expect("the SVG is XML");
    let number = |node: roxmltree::Node<'_, '_>, name: &str| {
        node.attribute(name)
            .and_then(|value| value.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    document
        .descendants()
        .filter(|node| node.has_tag_name("rect") && node.attribute("opacity") == Some("0.9"))
        .map(|rect| {
            let struck = rect
                .next_sibling_element()
                .is_some_and(|text| text.attribute("text-decoration") == Some("line-through"));
            (
                [
                    number(rect, "x"),
                    number(rect, "y"),
                    number(rect, "width"),
                    number(rect, "height"),
                ],
                struck,
            )
        })
        .collect()
}

fn overlap(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
}

/// The statements of the organisation picture's DOT that draw the
/// department or role `name`: a role's node, a department's frame.
fn org_place<'a>(dot: &'a str, noun: &str, name: &str) -> Vec<&'a str> {
    match noun {
        "role" => dot_node(dot, name),
        "department" => dot
            .lines()
            .map(str::trim_start)
            .filter(|line| line.starts_with("graph[label=<<FONT>") && !line.contains("<B>"))
            .filter(|line| seen(line).starts_with(&format!("graph[label={}", words(name))))
            .collect(),
        _ => Vec::new(),
    }
}

/// What is wrong with how the organisation picture (`dot`, `picture`)
/// draws `change`, a change in no process: its words beside the
/// department or role it is about (under the title for a file's
/// comments), a removed one struck through, an old reporting line drawn
/// struck through beside the new.
fn org_failures(change: &Change, dot: &str, picture: &str) -> Vec<String> {
    let mut failures = Vec::new();
    let kind = change.kind.name();
    let message = words(&change.message.english());
    let name = &change.subject.name;
    let place = match change.kind {
        ChangeKind::CommentsChanged => dot_header(dot).to_string(),
        _ => org_place(dot, change.subject.noun, name).concat(),
    };
    if !seen(&place).contains(&message) {
        failures.push(format!("DOT has not `{message}` beside {name}: {place}"));
    }
    if !svg_groups(picture, kind)
        .iter()
        .any(|(text, _)| text.contains(&message))
    {
        failures.push("the built-in SVG has not its words".to_string());
    }
    let removal = matches!(
        change.kind,
        ChangeKind::RoleRemoved | ChangeKind::DepartmentRemoved
    );
    if removal && !struck(&place).iter().any(|line| line == &seen(name)) {
        failures.push("the removed unit is not struck through (DOT)".to_string());
    }
    if removal
        && !svg_groups(picture, "removed")
            .iter()
            .any(|(text, struck)| *struck && text.starts_with(&words(name)))
    {
        failures.push("the removed unit is not struck through (SVG)".to_string());
    }
    if change.kind == ChangeKind::ReportingLineChanged {
        let into = format!("-> \"{name}\"");
        if !dot
            .lines()
            .any(|line| line.contains(&into) && line.contains("#c62828") && line.contains("dashed"))
        {
            failures.push("the old reporting line is not drawn struck through (DOT)".to_string());
        }
        if !svg_groups(picture, "was")
            .iter()
            .any(|(text, struck)| *struck && text.starts_with("reportsto"))
        {
            failures.push("the old reporting line is not struck through (SVG)".to_string());
        }
    }
    failures
}

/// The old owner an `owner-changed` message names first: "owner changed
/// from `general_manager` to ...".
fn old_owner(message: &str) -> String {
    message.split('`').nth(1).unwrap_or_default().to_string()
}

#[test]
fn every_reported_change_is_drawn_by_both_engines() {
    let mut checked: BTreeSet<&'static str> = BTreeSet::new();
    let mut changes_checked = 0;
    let mut organisation_drawn = 0;
    let mut org_checked = 0;
    let mut failures = Vec::new();
    for case in cases() {
        let options = options(Lang::En);
        let (changes, dots, svgs) = with_case(&case, |result, old_checked, new_checked| {
            let dots = diff::visual::diagrams(result, old_checked, new_checked, options);
            let svgs: Vec<(String, String)> =
                diff::visual::marked(result, old_checked, new_checked, Lang::En)
                    .into_iter()
                    .map(|drawn| {
                        let picture = svg::render_marked(
                            drawn.checked.project(),
                            drawn.process,
                            options,
                            &drawn.marks,
                        );
                        (drawn.name, picture)
                    })
                    .chain(
                        diff::visual::organisation_chart(
                            result,
                            old_checked.project(),
                            new_checked.project(),
                            Lang::En,
                        )
                        .map(|chart| {
                            (
                                ORGANISATION_PICTURE.to_string(),
                                orgchart::svg(&chart, options),
                            )
                        }),
                    )
                    .collect();
            (result.changes.clone(), dots, svgs)
        });
        for change in &changes {
            let Scope::Process(process) = &change.scope else {
                assert!(
                    NOT_ABOUT_A_PROCESS.contains(&change.kind)
                        || change.kind == ChangeKind::LabelChanged,
                    "{case}: {:?} is not about a process",
                    change.kind
                );
                let picture = |pictures: &[(String, String)]| {
                    pictures
                        .iter()
                        .find(|(name, _)| name == ORGANISATION_PICTURE)
                        .map(|(_, text)| text.clone())
                        .unwrap_or_else(|| panic!("{case}: no organisation picture"))
                };
                for failure in org_failures(change, &picture(&dots), &picture(&svgs)) {
                    failures.push(format!(
                        "{case}: {} {}: {failure}",
                        change.kind.name(),
                        change.subject.name
                    ));
                }
                checked.insert(change.kind.name());
                org_checked += 1;
                // A change of the organisation about a role or department
                // a diagram shows (beyond its title) is under its title
                // too.
                let name = &change.subject.name;
                for (process, dot) in dots.iter().filter(|(name, _)| name != ORGANISATION_PICTURE) {
                    let body: String = dot
                        .lines()
                        .filter(|line| !line.trim_start().starts_with("graph[label=<<FONT><B>"))
                        .collect();
                    if shows_word(&body, name) {
                        if !seen(dot_header(dot)).contains(&words(&change.message.english())) {
                            failures.push(format!(
                                "{case}: {} {name} is not under the title of {process}",
                                change.kind.name()
                            ));
                        }
                        organisation_drawn += 1;
                    }
                }
                continue;
            };
            let dot = &dots
                .iter()
                .find(|(name, _)| name == process)
                .unwrap_or_else(|| panic!("{case}: no diagram of {process}"))
                .1;
            let picture = &svgs
                .iter()
                .find(|(name, _)| name == process)
                .unwrap_or_else(|| panic!("{case}: no picture of {process}"))
                .1;
            let kind = change.kind.name();
            let message = change.message.english();
            let words = words(&message);
            let name = &change.subject.name;
            let on_node =
                NODE_NOUNS.contains(&change.subject.noun) && !dot_node(dot, name).is_empty();
            let place = if on_node {
                dot_node(dot, name).concat()
            } else {
                dot_header(dot).to_string()
            };
            let mut fail = |what: &str| failures.push(format!("{case}: {kind} {name}: {what}"));
            if !seen(&place).contains(&words) {
                fail(&format!("DOT has not `{message}` at its place: {place}"));
            }
            if !svg_groups(picture, kind)
                .iter()
                .any(|(text, _)| text.contains(&words))
            {
                fail(&format!("the built-in SVG has no note `{message}`"));
            }
            let was = svg_groups(picture, "was");
            let struck_in_svg = |part: &str| {
                was.iter()
                    .any(|(text, struck)| *struck && text.contains(part))
            };
            match change.kind {
                ChangeKind::EscalationRemoved => {
                    if !struck(&place).iter().any(|line| line.contains("escalate:")) {
                        fail("the old escalation is not struck through on its node (DOT)");
                    }
                    if !struck_in_svg("escalate:") {
                        fail("the old escalation is not struck through (SVG)");
                    }
                }
                ChangeKind::OwnerChanged => {
                    let owner = old_owner(&message);
                    if !struck(&place).iter().any(|line| line.contains(&owner)) {
                        fail(&format!(
                            "the old owner {owner} is not struck through (DOT)"
                        ));
                    }
                    if !struck_in_svg(&owner) {
                        fail(&format!(
                            "the old owner {owner} is not struck through (SVG)"
                        ));
                    }
                }
                ChangeKind::NoteChanged if !message.starts_with("note added") => {
                    // On its node, or under the title for the process's
                    // own note.
                    if !struck(&place).iter().any(|line| line.starts_with("note:")) {
                        fail("the old note is not struck through (DOT)");
                    }
                    if !struck_in_svg("note:") {
                        fail("the old note is not struck through (SVG)");
                    }
                }
                kind if NODE_REMOVALS.contains(&kind) => {
                    if !place.contains("<FONT><S>") {
                        fail("the removed node is not drawn struck through (DOT)");
                    }
                    if !svg_groups(picture, "removed")
                        .iter()
                        .any(|(_, struck)| *struck)
                    {
                        fail("the removed node is not drawn struck through (SVG)");
                    }
                }
                ChangeKind::ConditionChanged => {
                    let from = format!("\"{name}\" -> ");
                    let edges: Vec<&str> = dot
                        .lines()
                        .map(str::trim_start)
                        .filter(|line| line.starts_with(&from))
                        .collect();
                    if !edges.iter().any(|edge| edge.contains("<S>")) {
                        fail("the old condition's edge is not drawn struck through (DOT)");
                    }
                    if !edges.iter().any(|edge| edge.contains("#2e7d32")) {
                        fail("the new condition's edge is not marked added (DOT)");
                    }
                    let labels = edge_labels(picture);
                    for (at, (old_box, _)) in labels.iter().enumerate().filter(|(_, l)| l.1) {
                        for (other, (new_box, _)) in labels.iter().enumerate() {
                            if other != at && overlap(*old_box, *new_box) {
                                fail(&format!(
                                    "edge labels overlap in the SVG: {old_box:?} {new_box:?}"
                                ));
                            }
                        }
                    }
                    if !labels.iter().any(|(_, struck)| *struck) {
                        fail("the old condition's label is not struck through (SVG)");
                    }
                }
                _ => {}
            }
            checked.insert(kind);
            changes_checked += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let unchecked: Vec<&str> = ChangeKind::ALL
        .iter()
        .map(|kind| kind.name())
        .filter(|name| !checked.contains(name))
        .collect();
    assert!(unchecked.is_empty(), "no fixture draws {unchecked:?}");
    assert_eq!(checked.len(), ChangeKind::ALL.len(), "{checked:?}");
    assert_eq!(org_checked, 11);
    assert_eq!(changes_checked, 176);
    assert_eq!(organisation_drawn, 4);
}
