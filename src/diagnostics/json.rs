//! `flowc check --format json`: one JSON array of diagnostics.
//!
//! The shape is a contract for CI scripts: documented in
//! `docs/diagnostics.md`, described by `docs/diagnostics.schema.json`
//! ([`schema`]), and only ever extended with new fields.

use schemars::{JsonSchema, schema_for};
use serde::Serialize;

use super::located::{Batch, Located, Region, locate};
use crate::diagnostics::Severity;
use crate::i18n::Lang;

/// One diagnostic in the JSON output.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonDiagnostic {
    /// The file, as shown to the user: relative to the working directory
    /// when it is under it, with `/` separators.
    pub file: String,
    /// 1-based line where the problem starts.
    #[schemars(range(min = 1))]
    pub line: usize,
    /// 1-based column (in characters) where the problem starts.
    #[schemars(range(min = 1))]
    pub column: usize,
    /// 1-based line where the problem ends.
    #[schemars(range(min = 1))]
    pub end_line: usize,
    /// 1-based column (in characters) just after the problem's last
    /// character; equal to `column` for an empty range on one line.
    #[schemars(range(min = 1))]
    pub end_column: usize,
    /// The rule's stable name, e.g. `undefined-reference`.
    #[schemars(regex(pattern = r"^[a-z]+(-[a-z]+)*$"))]
    pub rule: String,
    /// The rule's stable code, e.g. `F002`.
    #[schemars(regex(pattern = r"^F[0-9]{3}$"))]
    pub code: String,
    /// The severity after configuration.
    pub severity: JsonSeverity,
    /// What is wrong, naming the things involved.
    pub message: String,
    /// A short label for the primary range.
    pub label: String,
    /// How to fix it.
    pub help: String,
    /// Other places involved, e.g. where a name was first defined.
    pub related: Vec<JsonRelated>,
    /// The message, label, help and related places in the language the
    /// run writes (`--lang`, `lang` in `flowc.toml`, the locale), when it
    /// is not English; the fields above stay English, for scripts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub localized: Option<JsonLocalized>,
}

/// A diagnostic's texts in the language of the run.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonLocalized {
    /// The language: `zh-Hant` or `zh-Hans`.
    pub lang: String,
    /// What is wrong.
    pub message: String,
    /// The label of the primary range.
    pub label: String,
    /// How to fix it.
    pub help: String,
    /// What is at each related place, in the order of `related`.
    pub related: Vec<String>,
}

/// A severity in the JSON output.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum JsonSeverity {
    /// Breaks the policy: `flowc check` exits 1.
    Error,
    /// Worth fixing: `flowc check` exits 1 only with `--deny-warnings`.
    Warning,
}

/// Another place involved in a diagnostic.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonRelated {
    /// The file, as in [`JsonDiagnostic::file`].
    pub file: String,
    /// 1-based line where the place starts.
    #[schemars(range(min = 1))]
    pub line: usize,
    /// 1-based column (in characters) where the place starts.
    #[schemars(range(min = 1))]
    pub column: usize,
    /// 1-based line where the place ends.
    #[schemars(range(min = 1))]
    pub end_line: usize,
    /// 1-based column (in characters) just after the place's last character.
    #[schemars(range(min = 1))]
    pub end_column: usize,
    /// What is at that place.
    pub message: String,
}

/// The diagnostics as JSON records, in output order.
pub fn records(batches: &[Batch<'_>], lang: Lang) -> Vec<JsonDiagnostic> {
    locate(batches)
        .iter()
        .map(|located| record(located, lang))
        .collect()
}

fn record(located: &Located<'_>, lang: Lang) -> JsonDiagnostic {
    let diagnostic = located.diagnostic;
    let Region {
        file,
        line,
        column,
        end_line,
        end_column,
    } = located.region.clone();
    JsonDiagnostic {
        file,
        line,
        column,
        end_line,
        end_column,
        rule: diagnostic.rule.to_string(),
        code: diagnostic.code.to_string(),
        severity: match diagnostic.severity {
            Severity::Error => JsonSeverity::Error,
            Severity::Warning => JsonSeverity::Warning,
        },
        message: diagnostic.message.english(),
        label: diagnostic.label.english(),
        help: diagnostic.help.english(),
        related: located
            .related
            .iter()
            .map(|related| JsonRelated {
                file: related.region.file.clone(),
                line: related.region.line,
                column: related.region.column,
                end_line: related.region.end_line,
                end_column: related.region.end_column,
                message: related.label.english(),
            })
            .collect(),
        localized: (lang != Lang::En).then(|| JsonLocalized {
            lang: lang.code().to_owned(),
            message: diagnostic.message.render(lang),
            label: diagnostic.label.render(lang),
            help: diagnostic.help.render(lang),
            related: located
                .related
                .iter()
                .map(|related| related.label.render(lang))
                .collect(),
        }),
    }
}

/// The diagnostics as a pretty-printed JSON array, ending in a newline.
pub fn render(batches: &[Batch<'_>], lang: Lang) -> String {
    let mut text = serde_json::to_string_pretty(&records(batches, lang))
        .expect("diagnostics serialise to JSON");
    text.push('\n');
    text
}

/// The JSON Schema (draft 2020-12) of the output, pretty-printed.
pub fn schema() -> String {
    let mut schema = schema_for!(Vec<JsonDiagnostic>);
    schema.insert("title".to_string(), "flowc check --format json".into());
    schema.insert(
        "description".to_string(),
        "The diagnostics of `flowc check --format json`: an array, sorted by project, file and place.".into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}
