//! `flowc explain RULE`

use crate::check::{closest, registry};

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
            let asked = args.rule.to_lowercase().replace(['_', ' '], "-");
            match registry::rule_named(&asked)
                .or_else(|| closest(&asked, &names).and_then(registry::rule_named))
            {
                Some(info) => stderr_line!(
                    "error: no rule is called `{}`; did you mean `{}`?\nhelp: run `flowc explain {}`, or `flowc rules` for the list of rules",
                    args.rule,
                    info.name,
                    info.name
                ),
                None => stderr_line!(
                    "error: no rule is called `{}`; the rules are: {}\nhelp: run `flowc rules` for each rule's code and summary",
                    args.rule,
                    names.join(", ")
                ),
            }
            EXIT_CANNOT_RUN
        }
    }
}
