//! `flowc schema`

use crate::emit::json;

use super::EXIT_OK;

/// Prints the JSON Schema of the IR.
pub fn run() -> u8 {
    print!("{}", json::schema());
    EXIT_OK
}
