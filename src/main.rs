//! The `flowc` binary: hands the command line to [`flowc::cli`].

use std::ffi::{c_int, c_long};

/// mimalloc instead of the system allocator: reading a large log or
/// project allocates and frees many small strings, which glibc's malloc
/// makes a fifth of the run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` of mimalloc's `mi_option_t` (mimalloc.h, v3):
/// how many milliseconds freed memory is kept before it is given back.
const MI_OPTION_PURGE_DELAY: c_int = 15;

unsafe extern "C" {
    /// Sets one of mimalloc's options (`mi_option_set` of mimalloc.h),
    /// linked in with the allocator by `libmimalloc-sys`.
    fn mi_option_set(option: c_int, value: c_long);
}

/// Has mimalloc give freed memory back to the system at once instead of
/// after its purge delay (10 ms by default, which in practice kept the
/// memory for the rest of a `check` at 20,000 steps).
fn return_freed_at_once() {
    // SAFETY: mi_option_set only stores the value; mimalloc reads its
    // options on each purge, from any thread.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 0) }
}

fn main() -> std::process::ExitCode {
    flowc::cli::main_with(return_freed_at_once)
}
