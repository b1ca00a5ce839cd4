//! `flowc rules`

use crate::check::registry;

use super::{EXIT_OK, output};

/// Prints one line per rule: code, name, severity, principle, summary.
pub fn run() -> u8 {
    let lines: String = registry::RULES
        .iter()
        .map(|info| {
            format!(
                "{}  {:<24} {:<8} {:<24} {}\n",
                info.code,
                info.name,
                info.default_level(),
                info.principle.title(),
                info.summary
            )
        })
        .collect();
    output::print(&lines, EXIT_OK)
}
