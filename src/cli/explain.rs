//! `flowc explain RULE`

use crate::check::{closest, registry};
use crate::config::Config;
use crate::i18n::{Lang, Text};
use crate::source;
use crate::text;

use super::output::{self, stderr_line};
use super::{EXIT_CANNOT_RUN, EXIT_OK};

/// Arguments of `flowc explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The rule's name (`undefined-reference`) or code (`F002`).
    rule: String,
}

/// Prints the rule's documentation in the chosen language.
pub fn run(args: &Args) -> u8 {
    let lang = language_here();
    match registry::rule_named(&args.rule) {
        Some(info) => output::print(&info.page_in(lang), EXIT_OK),
        None => {
            let names: Vec<&str> = registry::RULES.iter().map(|info| info.name).collect();
            let asked = args.rule.to_lowercase().replace(['_', ' '], "-");
            let message = match registry::rule_named(&asked)
                .or_else(|| closest(&asked, &names).and_then(registry::rule_named))
            {
                Some(info) => text!(
                    "explain-unknown-rule-closest",
                    asked = args.rule.as_str(),
                    name = info.name
                ),
                None => text!(
                    "explain-unknown-rule",
                    asked = args.rule.as_str(),
                    names = names.into_iter().map(Text::verbatim).collect::<Vec<_>>()
                ),
            };
            stderr_line!("{}", message.render(lang));
            EXIT_CANNOT_RUN
        }
    }
}

/// The language of a command that reads no project (`explain`, `rules`):
/// `--lang`, else `lang` of the `flowc.toml` of the project the current
/// directory belongs to (one that cannot be read is passed over), else
/// the locale, else English.
pub(super) fn language_here() -> Lang {
    let project = std::env::current_dir()
        .ok()
        .map(|here| source::project_root(&here).join(source::CONFIG_FILE))
        .and_then(|path| std::fs::read_to_string(path).ok())
        .and_then(|text| Config::parse(&text).ok())
        .and_then(|config| config.lang);
    super::language(project)
}
