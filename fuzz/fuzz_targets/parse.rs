//! Fuzz target: the parser never panics, overflows or hangs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = flowc::syntax::parse(text);
    }
});
