//! `flowc check --format sarif`: a SARIF 2.1.0 log for code scanning.
//!
//! One run whose driver lists every rule of the registry (id, name,
//! descriptions, help as text and Markdown, default level), and one result
//! per diagnostic with its rule, level, message, place (a URI relative to
//! `%SRCROOT%`, the directory flowc ran in, and a region in 1-based lines
//! and character columns) and a partial fingerprint that does not depend
//! on line numbers, so code scanning can follow a finding as lines move.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::located::{Batch, Located, Region, locate};
use crate::diagnostics::{RuleDescriptor, Severity, with_help};
use crate::i18n::Lang;

/// The schema the log names in `$schema`.
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/// The base every relative artifact URI is resolved against.
pub const SOURCE_ROOT: &str = "%SRCROOT%";
/// The key of flowc's partial fingerprint.
pub const FINGERPRINT_KEY: &str = "flowcFinding/v1";

/// The SARIF log of the diagnostics, pretty-printed, ending in a newline;
/// `rules` are the rules the driver lists, in the order results index them.
pub fn render(batches: &[Batch<'_>], rules: &[RuleDescriptor], lang: Lang) -> String {
    let mut text =
        serde_json::to_string_pretty(&log(batches, rules, lang)).expect("SARIF serialises");
    text.push('\n');
    text
}

/// The SARIF log as a JSON value: messages in `lang`, which the run names
/// (`language`); fingerprints from the English message, the same in every
/// language.
pub fn log(batches: &[Batch<'_>], rules: &[RuleDescriptor], lang: Lang) -> Value {
    let located = locate(batches);
    let mut seen: BTreeMap<(String, &str, String), usize> = BTreeMap::new();
    let results: Vec<Value> = located
        .iter()
        .map(|located| {
            let key = (
                located.region.file.clone(),
                located.rule(),
                located.diagnostic.message.english(),
            );
            let occurrence = seen.entry(key).or_insert(0);
            *occurrence += 1;
            result(located, *occurrence, rules, lang)
        })
        .collect();
    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "flowc",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules.iter().map(rule).collect::<Vec<_>>(),
                }
            },
            "columnKind": "unicodeCodePoints",
            "language": sarif_language(lang),
            "results": results,
        }]
    })
}

/// The run's `language` as SARIF 2.1.0 writes it: a language and a region
/// (`^[a-zA-Z]{2}(-[a-zA-Z]{2})?$`), which has no place for a script:
/// Traditional Chinese is `zh-TW`, Simplified `zh-CN`, English `en-US`
/// (SARIF's default).
fn sarif_language(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-US",
        Lang::ZhHant => "zh-TW",
        Lang::ZhHans => "zh-CN",
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A rule's reporting descriptor: its texts in the run's language, its
/// tags stable.
fn rule(info: &RuleDescriptor) -> Value {
    json!({
        "id": info.name,
        "name": info.name,
        "shortDescription": { "text": info.summary },
        "fullDescription": { "text": info.description },
        "help": { "text": info.page, "markdown": info.page },
        "defaultConfiguration": { "level": level(info.severity) },
        "properties": {
            "code": info.code,
            "tags": ["governance", info.principle],
            "precision": "very-high",
        }
    })
}

/// A result for one diagnostic, the `occurrence`-th with its file, rule
/// and message.
fn result(located: &Located<'_>, occurrence: usize, rules: &[RuleDescriptor], lang: Lang) -> Value {
    let diagnostic = located.diagnostic;
    let rule_index = rules
        .iter()
        .position(|info| info.name == diagnostic.rule)
        .unwrap_or_default();
    let related: Vec<Value> = located
        .related
        .iter()
        .enumerate()
        .map(|(id, related)| {
            json!({
                "id": id,
                "physicalLocation": physical_location(&related.region),
                "message": { "text": related.label.render(lang) },
            })
        })
        .collect();
    let mut result = json!({
        "ruleId": diagnostic.rule,
        "ruleIndex": rule_index,
        "level": level(diagnostic.severity),
        "message": { "text": with_help(diagnostic, lang) },
        "locations": [{ "physicalLocation": physical_location(&located.region) }],
        "partialFingerprints": {
            FINGERPRINT_KEY: fingerprint(located, occurrence),
        },
    });
    if !related.is_empty() {
        result["relatedLocations"] = Value::Array(related);
    }
    result
}

fn physical_location(region: &Region) -> Value {
    json!({
        "artifactLocation": artifact_location(&region.file),
        "region": {
            "startLine": region.line,
            "startColumn": region.column,
            "endLine": region.end_line,
            "endColumn": region.end_column,
        }
    })
}

/// A relative path becomes a URI relative to `%SRCROOT%`; an absolute one
/// (a file outside the working directory) a `file:` URI.
fn artifact_location(path: &str) -> Value {
    if let Some(absolute) = path.strip_prefix('/') {
        json!({ "uri": format!("file:///{}", percent_encoded(absolute)) })
    } else {
        json!({ "uri": percent_encoded(path), "uriBaseId": SOURCE_ROOT })
    }
}

/// `path` with every byte outside RFC 3986's unreserved set and `/`
/// percent-encoded, so names in any script make valid URIs.
fn percent_encoded(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

/// A fingerprint of what was found, not of where: the rule, the file, the
/// message and which occurrence of that message in the file it is.
fn fingerprint(located: &Located<'_>, occurrence: usize) -> String {
    let mut hash = Fnv1a::default();
    for part in [
        located.rule(),
        located.region.file.as_str(),
        located.diagnostic.message.english().as_str(),
    ] {
        hash.write(part.as_bytes());
        hash.write(&[0]);
    }
    format!("{:016x}:{occurrence}", hash.0)
}

/// 64-bit FNV-1a: small, fixed and the same on every machine.
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uris() {
        assert_eq!(
            artifact_location("processes/報銷 v2.flow"),
            json!({"uri": "processes/%E5%A0%B1%E9%8A%B7%20v2.flow", "uriBaseId": "%SRCROOT%"})
        );
        assert_eq!(
            artifact_location("/srv/repo/a#b.flow"),
            json!({"uri": "file:///srv/repo/a%23b.flow"})
        );
    }

    #[test]
    fn fnv1a_matches_the_reference_values() {
        let mut empty = Fnv1a::default();
        empty.write(b"");
        assert_eq!(empty.0, 0xcbf2_9ce4_8422_2325);
        let mut a = Fnv1a::default();
        a.write(b"a");
        assert_eq!(a.0, 0xaf63_dc4c_8601_ec8c);
    }
}
