//! `flowc rules`

use crate::check::registry;

use super::EXIT_OK;

/// Prints one line per rule: code, name, severity, principle, summary.
pub fn run() -> u8 {
    for info in registry::RULES {
        println!(
            "{}  {:<24} {:<8} {:<24} {}",
            info.code,
            info.name,
            info.default_level(),
            info.principle.title(),
            info.summary
        );
    }
    EXIT_OK
}
