//! One diagnostic type for every finding, and its rendering.
//!
//! Rules return [`Diagnostic`]s holding the rule, the place, the message
//! and the fix; this module is the one place that turns them into text:
//! miette's graphical report for people (colour only where asked for), and
//! [`json`], [`sarif`] and [`github`] for machines ([`render`] picks one).

pub mod github;
pub mod json;
mod located;
pub mod sarif;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use crate::i18n::{Lang, Text};
use crate::source::SourceFile;
use crate::span::{LineIndex, Location};

pub use located::{Batch, Located, LocatedRelated, Region};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Breaks the policy: `check` fails and `build` writes nothing.
    Error,
    /// Worth fixing; does not fail the check.
    Warning,
}

impl Severity {
    /// The word for the severity, in English: the stable word of the
    /// machine formats.
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// The word for the severity, for people reading `lang`.
    pub fn word_in(self, lang: Lang) -> String {
        match self {
            Severity::Error => crate::text!("severity-error"),
            Severity::Warning => crate::text!("severity-warning"),
        }
        .render(lang)
    }
}

/// Another place involved in a finding ("first defined here").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// Where.
    pub at: Location,
    /// What is there.
    pub label: Text,
}

/// A finding of a rule, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule's stable name, e.g. `undefined-reference`.
    pub rule: &'static str,
    /// The rule's stable code, e.g. `F002`.
    pub code: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// Where the problem is.
    pub at: Location,
    /// What is wrong, naming the things involved.
    pub message: Text,
    /// A short label under the primary place.
    pub label: Text,
    /// How to fix it.
    pub help: Text,
    /// Other places involved.
    pub related: Vec<Related>,
}

/// How a report is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Colours and Unicode box drawing, for terminals.
    Colour,
    /// No colour, for pipes, files, `NO_COLOR` and snapshots.
    Plain,
}

/// The name of the rule of syntax errors.
pub const SYNTAX_ERROR: &str = "syntax-error";

/// Renders diagnostics as miette reports, one after another. A syntax
/// error quotes its own line only: the lines around it are not process
/// text either (a file that is not a `.flow` file at all, say an
/// environment dump, must not be shown beyond the line the error is on).
pub fn render_human(
    diagnostics: &[Diagnostic],
    files: &[SourceFile],
    style: Style,
    lang: Lang,
) -> String {
    let handler = |context_lines| {
        let theme = match style {
            Style::Colour => GraphicalTheme::unicode(),
            Style::Plain => GraphicalTheme::unicode_nocolor(),
        };
        GraphicalReportHandler::new_themed(theme)
            .with_width(100)
            .with_links(false)
            .with_context_lines(context_lines)
    };
    let (with_context, line_only) = (handler(1), handler(0));
    let sources = Sources::new(files);
    let mut out = String::new();
    for diagnostic in diagnostics {
        let report = Report::new(diagnostic, &sources, lang);
        let handler = if diagnostic.rule == SYNTAX_ERROR {
            &line_only
        } else {
            &with_context
        };
        let mut drawn = String::new();
        if handler.render_report(&mut drawn, &report).is_err() {
            drawn = format!("{}: {}\n", diagnostic.rule, report.message);
        }
        out.push_str(&in_reader_words(drawn, lang));
        out.push('\n');
    }
    out
}

/// The words miette draws around a report ("help:" before the fix,
/// "Advice:" before a related place in another file) in `lang`, each of
/// the same width on screen as miette's English word, so wrapped lines
/// stay aligned under it.
fn in_reader_words(drawn: String, lang: Lang) -> String {
    if lang == Lang::En {
        return drawn;
    }
    drawn
        .replace(
            "  help: ",
            &format!("  {}", crate::text!("diagnostic-help-prefix").render(lang)),
        )
        .replace(
            "Advice: ",
            &crate::text!("diagnostic-related-prefix").render(lang),
        )
}

/// The files of a run as miette reads them, each prepared once, when a
/// diagnostic first needs it.
struct Sources<'a> {
    files: &'a [SourceFile],
    prepared: Vec<OnceCell<NamedText<'a>>>,
}

impl<'a> Sources<'a> {
    fn new(files: &'a [SourceFile]) -> Self {
        Sources {
            files,
            prepared: files.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// The file at `index`, prepared.
    fn get(&self, index: usize) -> &NamedText<'a> {
        self.prepared[index].get_or_init(|| NamedText::of(&self.files[index]))
    }
}

/// A file's text under its path, as miette reads it, with control
/// characters made harmless and its line starts indexed, so a report reads
/// only the lines around its span however large the file is.
#[derive(Debug)]
struct NamedText<'a> {
    name: String,
    text: Cow<'a, str>,
    /// Where each line starts; lines end as miette ends them (`\n`,
    /// `\r\n` or a lone `\r`).
    lines: LineIndex,
}

impl<'a> NamedText<'a> {
    fn of(file: &'a SourceFile) -> Self {
        let text = printable(&file.text);
        let lines = LineIndex::new(&text);
        NamedText {
            name: printable_name(&file.path.display().to_string()).into_owned(),
            text,
            lines,
        }
    }
}

/// The text with control characters other than tabs and line ends replaced
/// by `?`, byte for byte so spans stay valid: a source file must not be
/// able to send escape sequences to the terminal.
pub(crate) fn printable(text: &str) -> Cow<'_, str> {
    // The control characters are U+0000 to U+001F, U+007F and U+0080 to
    // U+009F (UTF-8 `C2 80` to `C2 9F`): a text without those bytes has
    // none, found without decoding it (most files).
    // The bytes are tested in blocks without an early exit, which the
    // compiler turns into vector code: a large file is passed over at
    // memory speed.
    let bytes = text.as_bytes();
    let low_control = bytes.chunks(64).any(|block| {
        block.iter().fold(false, |found, &b| {
            found | (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) | (b == 0x7f)
        })
    });
    let high_control = || {
        memchr::memchr_iter(0xc2, bytes)
            .any(|lead| matches!(bytes.get(lead + 1), Some(0x80..=0x9f)))
    };
    if !low_control && !high_control() {
        return Cow::Borrowed(text);
    }
    replace_control(text, |c| matches!(c, '\t' | '\n' | '\r'), false)
}

/// A line (or lines) written to the terminal: every control character but
/// tabs and line feeds, and every bidirectional override or isolate (which
/// would let a path reorder the text around it on screen, as in "Trojan
/// Source"), replaced by `?`, so neither an escape sequence nor a carriage
/// return (which would let the rest overwrite it) in a path it names
/// reaches the terminal.
pub(crate) fn printable_line(text: &str) -> Cow<'_, str> {
    replace_control(text, |c| matches!(c, '\t' | '\n'), true)
}

/// A name (a file path) shown in a message: every control character, line
/// ends included, and every bidirectional override or isolate replaced by
/// `?`, so a name can neither start a line that looks like a message of its
/// own nor reorder the text around it.
pub(crate) fn printable_name(text: &str) -> Cow<'_, str> {
    replace_control(text, |_| false, true)
}

/// Whether `c` overrides or isolates the direction of the text after it
/// (U+202A to U+202E, U+2066 to U+2069).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with each control character that `kept` does not accept (and,
/// with `bidi`, each bidirectional control) replaced by as many `?` as it
/// has bytes.
fn replace_control(text: &str, kept: impl Fn(char) -> bool, bidi: bool) -> Cow<'_, str> {
    let is_hostile = |c: char| (c.is_control() && !kept(c)) || (bidi && is_bidi_control(c));
    if !text.contains(is_hostile) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hostile(c) {
            safe.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            safe.push(c);
        }
    }
    Cow::Owned(safe)
}

impl NamedText<'_> {
    /// The column of `offset` in characters, given its column in bytes:
    /// `報銷.flow:9:26` must count the Chinese characters once each, as
    /// the JSON and SARIF formats and editors do.
    fn column_in_characters(&self, offset: usize, byte_column: usize) -> usize {
        let start = offset.saturating_sub(byte_column);
        self.text
            .get(start..offset)
            .map_or(byte_column, |prefix| prefix.chars().count())
    }
}

impl NamedText<'_> {
    /// The lines `span` is on, whole, line end included (miette gives only
    /// the span itself when asked for no context lines).
    fn whole_lines(&self, span: &SourceSpan) -> Box<dyn SpanContents<'_> + '_> {
        let first_line = self.lines.line_of(span.offset());
        let last = span.offset() + span.len().saturating_sub(1);
        let last_line = self.lines.line_of(last).max(first_line);
        let start = self.lines.start_of(first_line).unwrap_or(0);
        let next = self
            .lines
            .start_of(last_line + 1)
            .unwrap_or(self.text.len());
        // With its line end: a span at the end of the line is drawn on it.
        let end = next;
        Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &self.text.as_bytes()[start..end],
            SourceSpan::from((start, end - start)),
            first_line,
            self.column_in_characters(span.offset(), span.offset() - start),
            last_line - first_line + 1,
        ))
    }
}

impl SourceCode for NamedText<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        if context_lines_before == 0 && context_lines_after == 0 {
            return Ok(self.whole_lines(span));
        }
        // miette reads a text from its start to the span: on a window of
        // whole lines around the span it gives the same contents, shifted.
        let first_line = self
            .lines
            .line_of(span.offset())
            .saturating_sub(context_lines_before + 1);
        let end_line = self.lines.line_of(span.offset() + span.len()) + context_lines_after + 2;
        let window_start = self.lines.start_of(first_line).unwrap_or(0);
        let window_end = self.lines.start_of(end_line).unwrap_or(self.text.len());
        let window = &self.text[window_start..window_end];
        let shifted = SourceSpan::from((span.offset().saturating_sub(window_start), span.len()));
        let contents = window.read_span(&shifted, context_lines_before, context_lines_after)?;
        let window_span = contents.span();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            SourceSpan::from((window_span.offset() + window_start, window_span.len())),
            contents.line() + first_line,
            self.column_in_characters(span.offset(), contents.column()),
            contents.line_count() + first_line,
        )))
    }
}

/// The message and the help line, as a code-scanning alert shows them, in
/// `lang`.
pub fn with_help(diagnostic: &Diagnostic, lang: Lang) -> String {
    crate::text!(
        "diagnostic-with-help",
        message = diagnostic.message.clone(),
        help = diagnostic.help.clone()
    )
    .render(lang)
}

/// How many related places the human format draws under one diagnostic;
/// the others are counted (every one is in the JSON and SARIF formats).
/// miette's drawing time grows with the square of the labels in a
/// snippet: a 20,000-role reporting cycle took 16.7 s drawn in full.
const MAX_RELATED_SHOWN: usize = 50;

/// A diagnostic with its sources, as miette renders it.
#[derive(Debug)]
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    /// The message, the help and the severity, in the reader's language.
    message: String,
    help: String,
    severity: String,
    source: &'a NamedText<'a>,
    labels: Vec<LabeledSpan>,
    elsewhere: Vec<RelatedReport<'a>>,
}

impl<'a> Report<'a> {
    fn new(diagnostic: &'a Diagnostic, sources: &'a Sources<'a>, lang: Lang) -> Self {
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            Some(diagnostic.label.render(lang)),
            diagnostic.at.span,
        )];
        let mut elsewhere = Vec::new();
        for related in diagnostic.related.iter().take(MAX_RELATED_SHOWN) {
            if related.at.file == diagnostic.at.file {
                labels.push(LabeledSpan::new_with_span(
                    Some(related.label.render(lang)),
                    related.at.span,
                ));
            } else {
                elsewhere.push(RelatedReport {
                    related,
                    label: related.label.render(lang),
                    source: sources.get(related.at.file.0),
                });
            }
        }
        let omitted = diagnostic.related.len().saturating_sub(MAX_RELATED_SHOWN);
        let mut help = diagnostic.help.render(lang);
        if omitted > 0 {
            help.push('\n');
            help.push_str(
                &crate::text!("diagnostic-related-not-drawn", count = omitted).render(lang),
            );
        }
        Report {
            diagnostic,
            message: diagnostic.message.render(lang),
            help,
            severity: diagnostic.severity.word_in(lang),
            source: sources.get(diagnostic.at.file.0),
            labels,
            elsewhere,
        }
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{}[{}]",
            self.severity, self.diagnostic.rule
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn miette::Diagnostic> + 'b>> {
        if self.elsewhere.is_empty() {
            return None;
        }
        Some(Box::new(
            self.elsewhere
                .iter()
                .map(|related| related as &dyn miette::Diagnostic),
        ))
    }
}

/// A related place in another file, drawn under the main report.
#[derive(Debug)]
struct RelatedReport<'a> {
    related: &'a Related,
    /// The label, in the reader's language.
    label: String,
    source: &'a NamedText<'a>,
}

impl fmt::Display for RelatedReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}

impl std::error::Error for RelatedReport<'_> {}

impl miette::Diagnostic for RelatedReport<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some(self.label.clone()), self.related.at.span),
        )))
    }
}

/// How a run's diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// miette reports and a summary line, for people.
    Human,
    /// A JSON array of diagnostics (`docs/diagnostics.md`).
    Json,
    /// A SARIF 2.1.0 log, for code scanning.
    Sarif,
    /// GitHub Actions `::error`/`::warning` commands.
    Github,
}

/// What a machine format says of a rule (SARIF lists every rule in its
/// driver). The checker's registry provides them; this layer knows no rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleDescriptor {
    /// Stable code, e.g. `F002`.
    pub code: &'static str,
    /// Stable kebab-case name, e.g. `undefined-reference`.
    pub name: &'static str,
    /// One line saying what it checks, in the run's language.
    pub summary: String,
    /// The summary and the principle served, in the run's language.
    pub description: String,
    /// The policy principle it serves, in English and Chinese (a stable
    /// tag).
    pub principle: String,
    /// Its severity unless the configuration says otherwise.
    pub severity: Severity,
    /// Its page as Markdown (what `flowc explain` prints), in the run's
    /// language.
    pub page: String,
}

/// Everything a run prints on standard output in `format`: for `human`
/// the reports and the summary line, for the others the document alone.
/// `rules` are the rules a SARIF log lists.
pub fn render(
    format: Format,
    batches: &[Batch<'_>],
    file_count: usize,
    style: Style,
    rules: &[RuleDescriptor],
    lang: Lang,
) -> String {
    match format {
        Format::Human => {
            let mut out: String = batches
                .iter()
                .map(|batch| render_human(batch.diagnostics, batch.files, style, lang))
                .collect();
            out.push_str(&summary_of(batches, file_count, lang));
            out.push('\n');
            out
        }
        Format::Json => json::render(batches, lang),
        Format::Sarif => sarif::render(batches, rules, lang),
        Format::Github => github::render(batches, lang),
    }
}

/// The number of errors and of warnings in the batches.
pub fn counts(batches: &[Batch<'_>]) -> (usize, usize) {
    let all = batches.iter().flat_map(|batch| batch.diagnostics);
    let errors = all
        .clone()
        .filter(|diagnostic| diagnostic.severity == Severity::Error)
        .count();
    (errors, all.count() - errors)
}

/// The summary line of the batches in `lang`: "2 errors, 3 warnings in
/// 14 files".
pub(crate) fn summary_of(batches: &[Batch<'_>], file_count: usize, lang: Lang) -> String {
    let (errors, warnings) = counts(batches);
    crate::text!(
        "check-summary",
        errors = errors,
        warnings = warnings,
        files = file_count
    )
    .render(lang)
}
