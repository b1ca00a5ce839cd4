//! Go to definition, find references and rename, over the project's
//! [`NameIndex`](crate::model::names::NameIndex).

use std::collections::HashMap;

use lsp_types::{Location, Position, Range, TextEdit, Uri, WorkspaceEdit};

use crate::model::names::Occurrence;
use crate::syntax;

use super::position::Encoding;
use super::workspace::Snapshot;

/// The name under the cursor.
pub(crate) fn occurrence_at<'a>(
    snapshot: &'a Snapshot,
    uri: &Uri,
    position: Position,
    encoding: Encoding,
) -> Option<&'a Occurrence> {
    let file = snapshot.file_of(uri)?;
    let offset = snapshot.lines(file, encoding).offset(position);
    snapshot.names.at(file, offset)
}

fn location(snapshot: &Snapshot, occurrence: &Occurrence, encoding: Encoding) -> Location {
    Location::new(
        snapshot.uris[occurrence.at.file.0].clone(),
        range(snapshot, occurrence, encoding),
    )
}

/// The range of an occurrence's name.
pub fn range(snapshot: &Snapshot, occurrence: &Occurrence, encoding: Encoding) -> Range {
    snapshot
        .lines(occurrence.at.file, encoding)
        .range(occurrence.at.span)
}

/// Where the name under the cursor is defined.
pub fn definition(
    snapshot: &Snapshot,
    uri: &Uri,
    position: Position,
    encoding: Encoding,
) -> Vec<Location> {
    let Some(occurrence) = occurrence_at(snapshot, uri, position, encoding) else {
        return Vec::new();
    };
    snapshot
        .names
        .definitions(&occurrence.symbol)
        .map(|definition| location(snapshot, definition, encoding))
        .collect()
}

/// Every place the name under the cursor is written.
pub fn references(
    snapshot: &Snapshot,
    uri: &Uri,
    position: Position,
    include_declaration: bool,
    encoding: Encoding,
) -> Vec<Location> {
    let Some(occurrence) = occurrence_at(snapshot, uri, position, encoding) else {
        return Vec::new();
    };
    snapshot
        .names
        .occurrences_of(&occurrence.symbol)
        .filter(|found| include_declaration || !found.definition)
        .map(|found| location(snapshot, found, encoding))
        .collect()
}

/// The range of the name that would be renamed, with its text.
pub(crate) fn prepare_rename(
    snapshot: &Snapshot,
    uri: &Uri,
    position: Position,
    encoding: Encoding,
) -> Option<(Range, String)> {
    let occurrence = occurrence_at(snapshot, uri, position, encoding)?;
    Some((
        range(snapshot, occurrence, encoding),
        occurrence.symbol.name().to_string(),
    ))
}

/// The edits that rename the name under the cursor everywhere in the
/// project, or why it cannot be renamed.
// `WorkspaceEdit` keys its changes by `Uri`, which hashes its text only;
// clippy cannot see through its cached parts.
#[allow(clippy::mutable_key_type)]
pub fn rename(
    snapshot: &Snapshot,
    uri: &Uri,
    position: Position,
    new_name: &str,
    encoding: Encoding,
) -> Result<WorkspaceEdit, String> {
    let occurrence = occurrence_at(snapshot, uri, position, encoding)
        .ok_or("there is no name here to rename")?;
    if !is_valid_name(new_name) {
        return Err(format!(
            "`{new_name}` is not a valid name: use letters (any script), digits and `_`, not starting with a digit"
        ));
    }
    let taken = snapshot.names.occurrences().any(|other| {
        other.definition
            && other.symbol != occurrence.symbol
            && same_namespace(&other.symbol, &occurrence.symbol)
            && other.symbol.name() == new_name
    });
    if taken {
        return Err(format!("`{new_name}` already names something else here"));
    }
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for found in snapshot.names.occurrences_of(&occurrence.symbol) {
        changes
            .entry(snapshot.uris[found.at.file.0].clone())
            .or_default()
            .push(TextEdit::new(
                range(snapshot, found, encoding),
                new_name.to_string(),
            ));
    }
    Ok(WorkspaceEdit::new(changes))
}

/// Whether two symbols share a namespace (a rename to a taken name there
/// would merge two things).
fn same_namespace(a: &crate::model::names::Symbol, b: &crate::model::names::Symbol) -> bool {
    use crate::model::names::Symbol;
    match (a, b) {
        (Symbol::Global(_), Symbol::Global(_)) => true,
        (Symbol::Node { process: p, .. }, Symbol::Node { process: q, .. })
        | (Symbol::Input { process: p, .. }, Symbol::Input { process: q, .. })
        | (Symbol::Kpi { process: p, .. }, Symbol::Kpi { process: q, .. }) => p == q,
        (
            Symbol::Choice {
                process: p,
                input: i,
                ..
            },
            Symbol::Choice {
                process: q,
                input: j,
                ..
            },
        ) => p == q && i == j,
        _ => false,
    }
}

/// Whether `name` is a name the grammar accepts where a name is expected.
fn is_valid_name(name: &str) -> bool {
    let probe = format!("department {name}\n");
    syntax::parse(&probe).is_ok_and(|tree| match tree.declarations.as_slice() {
        [syntax::ast::Declaration::Department(department)] => {
            department.name.text == name && department.label.is_none()
        }
        _ => false,
    })
}
