//! `textDocument/formatting` (through [`crate::fmt`]) and
//! `textDocument/codeAction` (the obvious fixes).

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, Position, Range, TextEdit, Uri,
    WorkspaceEdit,
};

use crate::diagnostics as flowc;
use crate::fmt;
use crate::model::{NodeKind, Project};
use crate::span::FileId;
use crate::text;

use super::diagnostics;
use super::position::{Encoding, Lines};
use super::workspace::{Checked, Snapshot};

/// The edit that formats `text`: none when it is formatted. Items that do
/// not parse are left exactly as written and the rest is formatted, so one
/// typo does not switch formatting off for the whole file (`flowc fmt` on
/// the command line still refuses a file with syntax errors).
pub fn format(text: &str, encoding: Encoding) -> Option<Vec<TextEdit>> {
    let formatted = fmt::format_around_errors(text);
    if formatted == text {
        return Some(Vec::new());
    }
    let lines = Lines::new(text, encoding);
    let whole = Range::new(Position::new(0, 0), lines.position(text.len()));
    Some(vec![TextEdit::new(whole, formatted)])
}

/// The deadline offered for a step that has none (the example of the
/// `missing-deadline` help).
const DEFAULT_DEADLINE: &str = "2 business days";

/// How many owners are offered for a step that has none.
const OWNER_CHOICES: usize = 5;

/// The fixes for the diagnostics the client sends back.
pub(crate) fn code_actions(
    snapshot: &Checked,
    uri: &Uri,
    sent: &[Diagnostic],
    encoding: Encoding,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    for lsp in sent {
        let Some(found) = diagnostics::find(snapshot, uri, lsp, encoding) else {
            continue;
        };
        for (title, edit, preferred) in fixes(snapshot, found, encoding) {
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp.clone()]),
                edit: Some(WorkspaceEdit::new(HashMap::from([(
                    uri.clone(),
                    vec![edit],
                )]))),
                is_preferred: Some(preferred),
                ..CodeAction::default()
            }));
        }
    }
    actions
}

/// (title, edit, preferred) for each fix of one diagnostic, the titles in
/// the language of the workspace.
fn fixes(
    snapshot: &Snapshot,
    diagnostic: &flowc::Diagnostic,
    encoding: Encoding,
) -> Vec<(String, TextEdit, bool)> {
    let lang = snapshot.lang();
    let file = diagnostic.at.file;
    let lines = snapshot.lines(file, encoding);
    match diagnostic.rule {
        // A misspelt name, or an input the called process does not have
        // (both reported at the name).
        "undefined-reference" | "call-inputs" => suggestion(&diagnostic.help.english())
            .map(|name| {
                let edit = TextEdit::new(lines.range(diagnostic.at.span), name.to_string());
                let title = text!("lsp-action-change-to", name = name).render(lang);
                vec![(title, edit, true)]
            })
            .unwrap_or_default(),
        "unowned-step" => {
            let step = snapshot
                .text(file)
                .get(diagnostic.at.span.start..diagnostic.at.span.end)
                .unwrap_or_default();
            owners(&snapshot.project, file, step)
                .into_iter()
                .enumerate()
                .filter_map(|(rank, owner)| {
                    let edit = add_line(
                        snapshot,
                        file,
                        diagnostic,
                        &format!("owner {owner}"),
                        encoding,
                    )?;
                    let title = text!("lsp-action-add-owner", owner = owner, step = step);
                    Some((title.render(lang), edit, rank == 0))
                })
                .collect()
        }
        "missing-deadline" => {
            let line = format!("within {DEFAULT_DEADLINE}");
            add_line(snapshot, file, diagnostic, &line, encoding)
                .map(|edit| {
                    let title = text!("lsp-action-add-line", line = line.as_str());
                    vec![(title.render(lang), edit, true)]
                })
                .unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

/// `X` from the help "did you mean `X`?".
fn suggestion(help: &str) -> Option<&str> {
    let rest = help.split_once("did you mean `")?.1;
    rest.split_once('`').map(|(name, _)| name)
}

/// Owners to offer for a step of `file`: those of the other steps of its
/// process (most used first), then the process's owner.
fn owners(project: &Project, file: FileId, step: &str) -> Vec<String> {
    let Some(process) = project
        .processes
        .iter()
        .find(|process| process.file == file && process.node_named(step).is_some())
    else {
        return Vec::new();
    };
    let mut counts: Vec<(String, usize)> = Vec::new();
    for node in &process.nodes {
        if let NodeKind::Step(details) = &node.kind
            && let Some(owner) = details
                .owner
                .as_ref()
                .and_then(|owner| owner.single_fixed())
        {
            let owner = project.unit_name(owner);
            match counts.iter_mut().find(|(name, _)| *name == owner) {
                Some((_, count)) => *count += 1,
                None => counts.push((owner.to_string(), 1)),
            }
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut names: Vec<String> = counts.into_iter().map(|(name, _)| name).collect();
    if let Some(owner) = process
        .owner
        .as_ref()
        .filter(|owner| owner.target.is_some())
        && !names.contains(&owner.name)
    {
        names.push(owner.name.clone());
    }
    names.truncate(OWNER_CHOICES);
    names
}

/// An edit adding `line` as the first line of the block whose name is at
/// the diagnostic, indented one level deeper than the block's header.
fn add_line(
    snapshot: &Snapshot,
    file: FileId,
    diagnostic: &flowc::Diagnostic,
    line: &str,
    encoding: Encoding,
) -> Option<TextEdit> {
    let text = snapshot.text(file);
    let name_end = diagnostic.at.span.end;
    let header_start = text[..name_end].rfind(['\n', '\r']).map_or(0, |at| at + 1);
    let indent: String = text[header_start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let line_end = text[name_end..]
        .find(['\n', '\r'])
        .map_or(text.len(), |at| name_end + at);
    let brace = name_end + text[name_end..line_end].find('{')?;
    let after = brace + 1;
    let closes_here = text[after..line_end].trim_start().starts_with('}');
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let inserted = if closes_here {
        format!("{newline}{indent}  {line}{newline}{indent}")
    } else {
        format!("{newline}{indent}  {line}")
    };
    let at = snapshot.lines(file, encoding).position(after);
    Some(TextEdit::new(Range::new(at, at), inserted))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggestion_is_read_from_the_help() {
        assert_eq!(suggestion("did you mean `dept_head`?"), Some("dept_head"));
        assert_eq!(suggestion("declare the role"), None);
    }
}
