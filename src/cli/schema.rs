//! `flowc schema`

use crate::emit::json;

use super::{EXIT_OK, output};

/// Prints the JSON Schema of the IR.
pub fn run() -> u8 {
    output::print(&json::schema(), EXIT_OK)
}
