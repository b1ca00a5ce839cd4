//! Fuzz target: the parser never panics, overflows or hangs, and a file cut
//! into pieces parses to exactly what the whole parse gives.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let whole = flowc::syntax::parse_whole(text);
        for piece_bytes in [1, 16, 256] {
            if let Some(pieces) = flowc::syntax::parse_in_pieces(text, piece_bytes) {
                assert_eq!(pieces, whole, "pieces of {piece_bytes} bytes");
            }
        }
    }
});
