//! What a diagram of changes marks (`flowc diff --emit`), for both
//! engines: the DOT emitter ([`crate::emit::dot::marked_diagram`]) and the
//! built-in layout ([`crate::emit::svg::render_marked`]) draw the same
//! [`Marks`]. Elements added are green, changed amber, and elements of an
//! older version red, dashed and struck through.

use std::collections::BTreeMap;

/// How an element is marked in a diagram of changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// New: green.
    Added,
    /// Changed: amber.
    Changed,
    /// Gone: red, dashed, struck through.
    Removed,
}

impl Mark {
    /// The colour of the mark's lines and words, and its fill.
    pub(crate) fn colours(self) -> (&'static str, &'static str) {
        match self {
            Mark::Added => ("#2e7d32", "#d8f5d8"),
            Mark::Changed => ("#a15c00", "#fff0c2"),
            Mark::Removed => ("#c62828", "#fde0e0"),
        }
    }

    /// The mark's name, for the class of what it marks in SVG.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Mark::Added => "added",
            Mark::Changed => "changed",
            Mark::Removed => "removed",
        }
    }
}

/// A node of an older version, drawn struck through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedNode {
    /// Its name.
    pub name: String,
    /// The lines of its label.
    pub lines: Vec<String>,
    /// Its `owner` line in written form (`any of hr_specialist,
    /// hr_manager`), to draw it in that owner's lane.
    pub owner: Option<String>,
    /// The node it came after in the older version, by its name in the
    /// diagram, to draw it where it was.
    pub after: Option<String>,
}

/// An edge of an older version, drawn struck through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedEdge {
    /// Where it left.
    pub from: String,
    /// Where it arrived.
    pub to: String,
    /// Its label (a condition, an outcome), if any.
    pub label: Option<String>,
}

/// Words a diagram of changes adds beside a node or in its header: what
/// changed, or a line of the older version struck through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Its colour.
    pub mark: Mark,
    /// Whether its words are struck through (a line of the older version).
    pub struck: bool,
    /// The stable name of the kind of change it shows (`owner-changed`),
    /// or `was` for a line of the older version.
    pub kind: &'static str,
    /// Its words, one line each.
    pub lines: Vec<String>,
}

/// What to mark in a diagram; names are node names of the process drawn.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// Nodes of the process, marked.
    pub nodes: BTreeMap<String, Mark>,
    /// Edges of the process by (from, to, index among edges with that
    /// pair), marked.
    pub edges: BTreeMap<(String, String, usize), Mark>,
    /// Nodes that are no longer there.
    pub removed_nodes: Vec<RemovedNode>,
    /// Edges that are no longer there.
    pub removed_edges: Vec<RemovedEdge>,
    /// A line added under the title (a legend).
    pub caption: Option<String>,
    /// Notes beside nodes (drawn or removed), by node name.
    pub notes: BTreeMap<String, Vec<Note>>,
    /// Notes under the title: changes of the process as a whole.
    pub header: Vec<Note>,
}
