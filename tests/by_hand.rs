//! The hand-written reader of the grammar (src/syntax/fast.rs) against
//! pest: every file the reader accepts is the tree pest and the lowering
//! build, spans and comments included; every file pest accepts without an
//! error, the reader accepts too (else flowc would be slow on it); every
//! file with an error is left to pest, whose errors flowc reports.

use crate::common::flow_files;
use crate::generator;

use std::path::Path;

use flowc::syntax::{parse_by_hand, parse_whole};
use proptest::prelude::*;

/// The reader and pest agree on `text`: the same tree, or the reader
/// gives up where pest finds an error.
fn agree(text: &str) -> Result<(), String> {
    match (parse_by_hand(text), parse_whole(text)) {
        (Some(by_hand), Ok(whole)) if by_hand == whole => Ok(()),
        (Some(by_hand), Ok(whole)) => Err(format!("trees differ:\n{by_hand:#?}\n{whole:#?}")),
        (Some(_), Err(errors)) => Err(format!("pest refuses it: {errors:?}")),
        (None, Ok(_)) => Err("the reader gave up on a valid file".to_string()),
        (None, Err(_)) => Ok(()),
    }
}

#[test]
fn every_example_and_fixture_reads_as_pest_reads_it() {
    let mut compared = 0;
    for path in flow_files() {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if let Err(problem) = agree(&text) {
            panic!("{}: {problem}", path.display());
        }
        compared += 1;
    }
    assert!(compared > 100, "only {compared} files compared");
}

/// Every file of the examples, each as one text.
fn examples() -> Vec<String> {
    flow_files()
        .iter()
        .filter(|path| path.starts_with(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")))
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_processes_of_every_variety_read_as_pest_reads_them(
        seed in any::<u64>(),
        steps in 1usize..40,
        wide in any::<bool>(),
    ) {
        let variety = if wide { generator::Variety::Wide } else { generator::Variety::Benchmark };
        let text = format!(
            "{}\n{}",
            generator::org_for(variety, seed),
            generator::process_of(variety, seed, "generated", steps)
        );
        prop_assert!(parse_whole(&text).is_ok());
        prop_assert_eq!(agree(&text), Ok(()));
    }

    #[test]
    fn examples_with_a_piece_cut_out_or_put_in_read_as_pest_reads_them(
        which in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        length in 0usize..12,
        insert in prop::sample::select(vec![
            "", " ", "\t", "\n", "\r\n", "#", "\"", "\\", "{", "}", "(", ")", "->", ",", ":",
            "=", "_", "-", ".", "%", "0", "9", "2026-02-30", "99999999999999999999",
            "not ", "and ", "or ", "manager of ", "applicant", "business  days", "\u{3000}",
            "\u{FEFF}", "é", "名", "of", "x",
        ]),
    ) {
        let examples = examples();
        let text = which.get(&examples);
        let mut start = at.index(text.len() + 1);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + length).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let mutated = format!("{}{insert}{}", &text[..start], &text[end..]);
        prop_assert_eq!(agree(&mutated), Ok(()));
    }
}
