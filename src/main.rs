//! The `flowc` binary: hands the command line to [`flowc::cli`].

fn main() -> std::process::ExitCode {
    flowc::cli::main()
}
