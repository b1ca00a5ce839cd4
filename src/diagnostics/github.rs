//! `flowc check --format github`: GitHub Actions workflow commands.
//!
//! One `::error` or `::warning` line per diagnostic, which GitHub shows as
//! an annotation on the file and line:
//! `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`.
//! Values are escaped as the runner expects: `%`, `\r` and `\n` everywhere,
//! and `:` and `,` in properties too.

use super::located::{Batch, Located, locate};
use crate::diagnostics::Severity;
use crate::i18n::Lang;

/// One line per diagnostic, each ending in a newline.
pub fn render(batches: &[Batch<'_>], lang: Lang) -> String {
    locate(batches)
        .iter()
        .map(|located| command(located, lang))
        .collect()
}

fn command(located: &Located<'_>, lang: Lang) -> String {
    let diagnostic = located.diagnostic;
    let region = &located.region;
    let kind = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    format!(
        "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
        escape_property(&region.file),
        region.line,
        region.column,
        region.end_line,
        last_column(
            region.column,
            region.line,
            region.end_line,
            region.end_column
        ),
        escape_property(diagnostic.rule),
        escape_data(
            &crate::text!(
                "annotation-with-help",
                message = diagnostic.message.clone(),
                code = diagnostic.code,
                help = diagnostic.help.clone()
            )
            .render(lang)
        ),
    )
}

/// GitHub's `endColumn` is the column of the last character (inclusive);
/// an empty range ends where it starts.
fn last_column(column: usize, line: usize, end_line: usize, end_column: usize) -> usize {
    if end_line == line && end_column <= column {
        column
    } else {
        end_column.saturating_sub(1).max(1)
    }
}

/// Escapes a command's message; other control characters (which a log
/// viewer could take for terminal commands) become `?`.
pub(crate) fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
        .replace(|c: char| c.is_control(), "?")
}

/// Escapes a command property's value.
pub(crate) fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(
            escape_data("50% done\r\nnext: a, b"),
            "50%25 done%0D%0Anext: a, b"
        );
        assert_eq!(
            escape_property("C:\\flows\\a,b%.flow\n"),
            "C%3A\\flows\\a%2Cb%25.flow%0A"
        );
    }

    #[test]
    fn end_columns_are_inclusive() {
        assert_eq!(last_column(5, 1, 1, 9), 8);
        assert_eq!(last_column(5, 1, 1, 5), 5);
        assert_eq!(last_column(5, 1, 2, 1), 1);
    }
}
