//! The `flowc` binary: hands the command line to [`flowc::cli`].

/// mimalloc instead of the system allocator: reading a large log or
/// project allocates and frees many small strings, which glibc's malloc
/// makes a fifth of the run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    flowc::cli::main()
}
