//! flowc: a compiler and governance linter for `.flow` process files.
//!
//! The crate is one pipeline, data flowing one way:
//! [`source`] (files of a project) -> [`syntax`] (text to a typed AST) ->
//! [`model`] (names resolved into process graphs) -> [`check`] (the rules,
//! returning [`diagnostics`]) -> [`emit`] (JSON IR, DOT). The [`cli`] sits on
//! top and only routes.

pub mod analysis;
pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostics;
pub mod diff;
pub mod emit;
pub mod fmt;
pub mod lsp;
pub mod model;
pub mod source;
pub mod span;
pub mod syntax;
