//! `flowc explain RULE`

use crate::check::registry::{self, RuleInfo};

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
        Some(info) => {
            print!("{}", page(info));
            EXIT_OK
        }
        None => {
            let names: Vec<&str> = registry::RULES.iter().map(|info| info.name).collect();
            eprintln!(
                "error: no rule is called `{}`; the rules are: {}",
                args.rule,
                names.join(", ")
            );
            EXIT_CANNOT_RUN
        }
    }
}

/// The rule's page: title, table row and documentation, as Markdown.
pub fn page(info: &RuleInfo) -> String {
    format!(
        "# {} ({})\n\n{}\n\n- Default severity: {}\n- Principle: {}\n\n{}\n",
        info.name,
        info.code,
        info.summary,
        info.severity.word(),
        info.principle.title(),
        info.explanation()
    )
}
