//! One rule a file. Each rule is a unit struct whose doc comment is its
//! documentation (`flowc explain NAME`, `docs/rules/NAME.md`), with the
//! headings *What it checks*, *Why*, *Example* and *Fix*.

/// Declares a rule's unit struct and keeps its doc comment as `DOC`.
macro_rules! rule {
    ($(#[doc = $doc:literal])* pub struct $name:ident;) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;

        impl $name {
            /// The rule's documentation, as written in its doc comment.
            pub const DOC: &'static str = concat!($($doc, "\n"),*);
        }
    };
}

mod dead_end;
mod decision_gap;
mod decision_overlap;
mod decisions;
mod duplicate_name;
mod invalid_parallel;
mod invalid_suppression;
mod missing_deadline;
mod missing_end;
mod missing_process_owner;
mod missing_start;
mod repeated_setting;
mod single_branch_decision;
mod syntax_error;
mod type_mismatch;
mod undefined_reference;
mod unowned_step;
mod unreachable_step;
mod unused_suppression;

pub use dead_end::DeadEnd;
pub use decision_gap::DecisionGap;
pub use decision_overlap::DecisionOverlap;
pub use duplicate_name::DuplicateName;
pub use invalid_parallel::InvalidParallel;
pub use invalid_suppression::InvalidSuppression;
pub use missing_deadline::MissingDeadline;
pub use missing_end::MissingEnd;
pub use missing_process_owner::MissingProcessOwner;
pub use missing_start::MissingStart;
pub use repeated_setting::RepeatedSettingRule;
pub use single_branch_decision::SingleBranchDecision;
pub use syntax_error::SyntaxErrorRule;
pub use type_mismatch::TypeMismatch;
pub use undefined_reference::UndefinedReference;
pub use unowned_step::UnownedStep;
pub use unreachable_step::UnreachableStep;
pub use unused_suppression::UnusedSuppression;

use crate::model::{NodeId, Process};
use crate::span::Location;

/// The noun with its indefinite article: "a step", "an end".
fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

/// The place of `span` in `process`'s file.
fn at(process: &Process, span: crate::span::Span) -> Location {
    Location::new(process.file, span)
}

/// Every node reachable from the process's `start`, as a mask over nodes;
/// `None` when the process has no resolved start.
fn reachable_from_start(process: &Process) -> Option<Vec<bool>> {
    let start = process.start.as_ref()?.target?;
    let mut reached = vec![false; process.nodes.len()];
    let mut pending: Vec<NodeId> = vec![start];
    reached[start.0] = true;
    while let Some(node) = pending.pop() {
        for next in process.successors(node) {
            if !reached[next.0] {
                reached[next.0] = true;
                pending.push(next);
            }
        }
    }
    Some(reached)
}
