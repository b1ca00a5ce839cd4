//! `flowc rules`

use unicode_width::UnicodeWidthStr;

use crate::check::registry;

use super::{EXIT_OK, output};

/// Prints one line per rule: code, name, severity, principle, summary, in
/// the chosen language.
pub fn run() -> u8 {
    let lang = super::explain::language_here();
    let lines: String = registry::RULES
        .iter()
        .map(|info| {
            format!(
                "{}  {:<24} {} {} {}\n",
                info.code,
                info.name,
                padded(&info.default_level_in(lang), 8),
                padded(&info.principle.name().render(lang), 24),
                info.summary_in(lang)
            )
        })
        .collect();
    output::print(&lines, EXIT_OK)
}

/// `text` followed by spaces up to `columns` columns of a terminal (a
/// Chinese character takes two).
fn padded(text: &str, columns: usize) -> String {
    let width = text.width();
    format!("{text}{}", " ".repeat(columns.saturating_sub(width)))
}
