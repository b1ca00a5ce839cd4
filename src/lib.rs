//! flowc: a compiler and governance linter for `.flow` process files.
//!
//! The crate is one pipeline, data flowing one way, each layer importing
//! only those below it (held by `tests/layering.rs`): [`span`],
//! [`source`] and [`i18n`] (places, the files of a project, the words of
//! every language) -> [`syntax`] (text to a
//! typed AST) and [`diagnostics`] (reports and their formats) -> [`model`]
//! (names resolved into process graphs) -> [`config`] (`flowc.toml`) ->
//! [`check`] (the rules, returning diagnostics) -> [`ir`] (the JSON IR of a
//! checked process) -> [`emit`] (DOT, SVG, BPMN, handbook), [`sim`] and
//! [`diff`] -> [`fmt`] and [`analysis`] -> [`lsp`] and the [`cli`], which
//! only routes.

pub mod analysis;
pub mod check;
pub mod cli;
pub mod config;
pub mod conform;
pub mod diagnostics;
pub mod diff;
pub mod emit;
pub mod fmt;
pub mod i18n;
pub mod ir;
pub mod lsp;
pub mod model;
pub mod sim;
pub mod source;
pub mod span;
pub mod syntax;
