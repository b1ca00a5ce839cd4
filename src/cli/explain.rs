//! `flowc explain RULE`

use crate::check::registry;

use super::output::{self, stderr_line};
use super::{EXIT_CANNOT_RUN, EXIT_OK};

/// Arguments of `flowc explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The rule's name (`undefined-reference`) or code (`F002`).
    rule: String,
}

/// Prints the rule's documentation.
pub fn run(args: &Args) -> u8 {
    match registry::rule_named(&args.rule) {
        Some(info) => output::print(&info.page(), EXIT_OK),
        None => {
            let names: Vec<&str> = registry::RULES.iter().map(|info| info.name).collect();
            stderr_line!(
                "error: no rule is called `{}`; the rules are: {}",
                args.rule,
                names.join(", ")
            );
            EXIT_CANNOT_RUN
        }
    }
}
