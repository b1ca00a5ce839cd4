//! `flowc schema`

use crate::ir;

use super::{EXIT_OK, output};

/// Prints the JSON Schema of the IR.
pub fn run() -> u8 {
    output::print(&ir::schema(), EXIT_OK)
}
