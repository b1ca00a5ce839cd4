//! `flowc completions SHELL`: the shell completion script, and `flowc man`:
//! the manual page. Both are generated from the command-line definition, so
//! they always list the commands and options this binary has.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::i18n::Text;
use crate::text;

use super::output;
use super::{Cli, EXIT_CANNOT_RUN, EXIT_OK};

/// The shells `flowc completions` writes scripts for.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum CompletionShell {
    /// Bash: `flowc completions bash > ~/.local/share/bash-completion/completions/flowc`.
    Bash,
    /// Zsh: `flowc completions zsh > ~/.zfunc/_flowc` (with `~/.zfunc` on `fpath`).
    Zsh,
    /// Fish: `flowc completions fish > ~/.config/fish/completions/flowc.fish`.
    Fish,
    /// PowerShell: `flowc completions powershell >> $PROFILE`.
    Powershell,
}

/// Arguments of `flowc completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to write the completion script for.
    #[arg(value_enum)]
    shell: CompletionShell,
}

/// Writes the completion script for the shell to standard output.
pub fn run(args: &Args) -> u8 {
    let shell = match args.shell {
        CompletionShell::Bash => Shell::Bash,
        CompletionShell::Zsh => Shell::Zsh,
        CompletionShell::Fish => Shell::Fish,
        CompletionShell::Powershell => Shell::PowerShell,
    };
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "flowc", &mut script);
    output::print(&String::from_utf8_lossy(&script), EXIT_OK)
}

/// Arguments of `flowc man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// A command whose own page to write (`flowc man check` is the page
    /// `flowc-check(1)`); without it, the page of flowc itself.
    command: Option<String>,
}

/// Writes a manual page (roff) to standard output.
pub fn man(args: &ManArgs) -> u8 {
    let flowc = Cli::command();
    let command = match &args.command {
        None => flowc,
        Some(name) => {
            let Some(sub) = flowc.find_subcommand(name).cloned() else {
                let names: Vec<Text> = flowc
                    .get_subcommands()
                    .map(|sub| Text::verbatim(sub.get_name()))
                    .collect();
                output::say(
                    text!("cli-man-no-command", name = name.as_str(), names = names),
                    super::language(None),
                );
                return EXIT_CANNOT_RUN;
            };
            sub.display_name(format!("flowc-{name}"))
                .bin_name(format!("flowc {name}"))
                .version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut page = Vec::new();
    if let Err(error) = clap_mangen::Man::new(command).render(&mut page) {
        output::say(
            text!("cli-man-cannot-write", error = error.to_string()),
            super::language(None),
        );
        return EXIT_CANNOT_RUN;
    }
    output::print(&String::from_utf8_lossy(&page), EXIT_OK)
}
