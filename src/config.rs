//! `flowc.toml`: the project's configuration.
//!
//! For now it sets the severity of rules:
//!
//! ```toml
//! [rules]
//! missing-deadline = "warning"
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

/// What the configuration says about a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    /// Report as an error.
    Error,
    /// Report as a warning.
    Warning,
    /// Do not run the rule.
    Off,
}

/// The contents of `flowc.toml`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Severity per rule name.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleLevel>,
}

impl Config {
    /// Parses the text of a `flowc.toml`.
    pub fn parse(text: &str) -> Result<Config, String> {
        toml::from_str(text).map_err(|error| error.to_string())
    }
}
