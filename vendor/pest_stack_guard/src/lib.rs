//! pest's native stack probe, turned off for flowc.
//!
//! pest 2.9 asks the operating system how much stack is left (through
//! `stacker` and `psm`) on every rule call; on a generated process that
//! probe was a fifth of the whole `flowc check` (callgrind: pest's
//! `CallLimitTracker::enter` 11.8%, `stacker::remaining_stack` 8.0%, psm
//! 1.4%). flowc does not need it: its grammar nests only through
//! parentheses in conditions, and `flowc::syntax` refuses a file nested
//! deeper than 64 before pest sees it (`tests/hostile.rs` checks that deep
//! nesting is refused without a stack overflow). The other pest grammar in
//! the build, graphviz-rust's DOT parser, reads only what Graphviz wrote
//! for flowc's own diagrams.

#![forbid(unsafe_code)]

/// Remaining native stack space in bytes: never known here, so pest never
/// refuses a parse for lack of stack.
#[inline(always)]
pub fn remaining_stack() -> Option<usize> {
    None
}
