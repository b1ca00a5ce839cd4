//! The `flowc` binary: hands the command line to [`flowc::cli`].

/// mimalloc instead of the system allocator: reading a large log or
/// project allocates and frees many small strings, which glibc's malloc
/// makes a fifth of the run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` of mimalloc's `mi_option_t` (mimalloc.h of the
/// v3 sources `libmimalloc-sys` builds): how many milliseconds freed memory
/// is kept before it is given back. `libmimalloc-sys` declares
/// `mi_option_set` but names only the options mimalloc v2 had.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Has mimalloc give freed memory back to the system at once instead of
/// after its purge delay (10 ms by default, which in practice kept the
/// memory for the rest of a `check` at 20,000 steps).
fn return_freed_at_once() {
    // SAFETY: mi_option_set only stores the value; mimalloc reads its
    // options on each purge, from any thread.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) }
}

fn main() -> std::process::ExitCode {
    flowc::cli::main_with(return_freed_at_once)
}
