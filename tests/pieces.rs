//! A large file is parsed in pieces cut at line starts (src/syntax/pieces.rs)
//! so that the parser's tokens never cover the whole file. These tests hold
//! the pieces to the whole parse: the same tree, spans and comments for every
//! example and fixture cut as finely as it can be, for generated processes,
//! and for large files the parser really cuts; the same errors when a piece
//! fails and the whole file is parsed again.

use crate::common::flow_files;
use crate::generator;

use std::path::Path;

use flowc::syntax::{parse, parse_in_pieces, parse_whole};
use proptest::prelude::*;

/// Piece sizes from "every item a piece" to "a few declarations a piece".
const PIECE_SIZES: [usize; 5] = [1, 40, 200, 1_000, 10_000];

/// Fixtures whose layout the pieces cannot follow, so they are parsed whole:
/// an item on the same line as the `{` of its process.
const WHOLE_ONLY: [&str; 1] = ["item-on-the-opening-line.flow"];

#[test]
fn every_example_and_fixture_cut_into_pieces_parses_as_a_whole() {
    let files = flow_files();
    assert!(files.len() > 100, "only {} .flow files found", files.len());
    let mut cut_and_parsed = 0;
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let whole = parse_whole(&text);
        let whole_only = WHOLE_ONLY.iter().any(|name| path.ends_with(name));
        for size in PIECE_SIZES {
            match parse_in_pieces(&text, size) {
                Some(pieces) => {
                    assert_eq!(pieces, whole, "{} in pieces of {size}", path.display());
                    cut_and_parsed += 1;
                }
                None => assert!(
                    whole.is_err() || whole_only,
                    "{} is valid but its pieces of {size} did not parse",
                    path.display()
                ),
            }
        }
    }
    assert!(
        cut_and_parsed > 500,
        "only {cut_and_parsed} parses in pieces"
    );
}

#[test]
fn the_layout_pieces_cannot_follow_is_parsed_whole() {
    let text = fixture("item-on-the-opening-line.flow");
    assert_eq!(parse_in_pieces(&text, 1), None);
    assert!(parse(&text).is_ok());
}

#[test]
fn a_value_error_inside_a_piece_is_the_error_of_the_whole_parse() {
    let text = fixture("invalid-date-in-a-piece.flow");
    let errors = parse_whole(&text).expect_err("2026-02-30 is not a date");
    assert_eq!(parse_in_pieces(&text, 1), Some(Err(errors)));
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pieces")
        .join(name);
    std::fs::read_to_string(path).expect("a fixture")
}

/// A generated process large enough that `parse` cuts it into pieces.
fn large_process() -> String {
    let text = generator::process(7, "large", 3_000);
    assert!(text.len() > 400_000, "{} bytes is not large", text.len());
    text
}

#[test]
fn a_large_process_is_parsed_in_pieces_to_the_whole_tree() {
    let text = large_process();
    let tree = parse(&text).expect("a generated process parses");
    assert_eq!(Ok(tree), parse_whole(&text));
}

#[test]
fn a_syntax_error_in_a_large_file_is_found_by_the_whole_parse() {
    let text = large_process();
    let middle = text[text.len() / 2..].find("    next ").expect("a `next`") + text.len() / 2;
    let broken = format!(
        "{}    nxet{}",
        &text[..middle],
        &text[middle + "    next".len()..]
    );
    let errors = parse(&broken).expect_err("`nxet` is not an item");
    assert_eq!(Err(errors.clone()), parse_whole(&broken));
    assert!(
        errors[0].message.english().contains("nxet"),
        "{:?}",
        errors[0]
    );
}

#[test]
fn several_large_processes_and_small_declarations_between_them() {
    let org = generator::org();
    let text = format!(
        "{org}\n{}\n{org_again}\n{}",
        generator::process(1, "first", 2_000),
        generator::process(2, "second", 2_000),
        org_again = "department extra \"Extra\"\nrole extra_clerk in extra\n",
    );
    let tree = parse(&text).expect("generated processes parse");
    assert_eq!(Ok(tree), parse_whole(&text));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_processes_in_pieces_of_any_size(
        seed in any::<u64>(),
        steps in 1usize..60,
        size in 1usize..3_000,
    ) {
        let text = format!("{}\n{}", generator::org(), generator::process(seed, "generated", steps));
        let whole = parse_whole(&text);
        prop_assert!(whole.is_ok());
        prop_assert_eq!(parse_in_pieces(&text, size), Some(whole));
    }
}
