//! How fast pest itself can go on flowc's input: the ceiling of a check
//! that parses with pest (issue 21: "within 6x of the read-and-validate
//! floor at 100,000 steps").
//!
//! On the generated process of 100,000 steps (the file `cargo bench --bench
//! generate -- 100000 DIR` writes, 19.3 MB), one run of each, on one
//! thread unless said otherwise:
//!
//! - `read-and-validate`: `std::fs::read` and `std::str::from_utf8`, the
//!   floor;
//! - `pest-lines`: pest with a trivial grammar, one token a line (the least
//!   pest can do with these bytes);
//! - `pest-tokens`: pest with a flat grammar that cuts the same bytes into
//!   the words, labels, numbers and punctuation flowc's grammar sees, with
//!   the same implicit spaces and comments, and no structure;
//! - `pest-flow`: pest with flowc's grammar (`grammar/flow.pest`), the whole
//!   file as one `file`;
//! - `syntax-tree`: `flowc::syntax::parse`, what `flowc check` does first:
//!   the file cut into pieces parsed on every core, lowered to the tree.
//!
//! `cargo bench --bench ceiling` runs each 5 times and prints the median
//! time, the throughput and the number of pest tokens (pairs);
//! `cargo bench --bench ceiling -- NAME [STEPS] [RUNS]` one of them (under
//! `valgrind --tool=callgrind`, run the bench binary in `target/release/deps`
//! with `NAME STEPS 1` for its instructions). The figures are in
//! docs/performance.md, "The ceiling of a pest parse".

// The generator is shared by tests and benchmarks; this uses a part of it.
#[allow(dead_code)]
#[path = "support/generator.rs"]
mod generator;

use std::path::{Path, PathBuf};
use std::time::Instant;

use pest::Parser;

/// A line is a token: the least work pest can do for each line.
mod lines {
    #[derive(pest_derive::Parser)]
    #[grammar_inline = r##"
file = { SOI ~ line ~ (NEWLINE ~ line)* ~ EOI }
line = @{ (!("\n" | "\r") ~ ANY)* }
"##]
    pub struct Lines;
}

/// The tokens of `grammar/flow.pest` without its structure: the same
/// spaces and comments between tokens, the same names, labels and numbers.
mod tokens {
    #[derive(pest_derive::Parser)]
    #[grammar_inline = r##"
WHITESPACE = _{ " " | "\t" | SPACE_SEPARATOR | "\u{FEFF}" }
COMMENT = @{ "#" ~ (!("\n" | "\r") ~ ANY)* }
file = { SOI ~ token* ~ EOI }
token = _{ line_end | word | label | number | punctuation }
word = @{ (XID_START | "_") ~ XID_CONTINUE* }
label = @{ "\"" ~ (!("\"" | "\\" | "\n" | "\r") ~ ANY)* ~ ("\\" ~ ("\"" | "\\")? ~ (!("\"" | "\\" | "\n" | "\r") ~ ANY)*)* ~ "\"" }
number = @{ "-"? ~ ASCII_DIGIT ~ ("_"? ~ ASCII_DIGIT)* ~ ("." ~ ASCII_DIGIT+)? }
punctuation = { "->" | "<=" | ">=" | "==" | "!=" | "<" | ">" | "{" | "}" | "," | ":" | "=" | "(" | ")" | "%" | "/" }
line_end = { NEWLINE }
"##]
    pub struct Tokens;
}

/// The steps of the process measured when no size is given.
const STEPS: usize = 100_000;

/// The runs of each measure when none is given; the median is printed.
const RUNS: usize = 5;

/// The measures, by name.
const MEASURES: [&str; 5] = [
    "read-and-validate",
    "pest-lines",
    "pest-tokens",
    "pest-flow",
    "syntax-tree",
];

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with("--"))
        .collect();
    let chosen: Vec<&str> = match args.first() {
        Some(name) => vec![name.as_str()],
        None => MEASURES.to_vec(),
    };
    let steps = args.get(1).map_or(STEPS, |steps| number(steps));
    let runs = args.get(2).map_or(RUNS, |runs| number(runs));
    let file = write_process(steps);
    let text = std::fs::read_to_string(&file).expect("the generated file");
    let megabytes = text.len() as f64 / 1e6;
    println!("{steps} steps, {megabytes:.1} MB, median of {runs} runs");
    for name in chosen {
        let mut times = Vec::with_capacity(runs);
        let mut tokens = 0;
        for _ in 0..runs {
            let start = Instant::now();
            tokens = measure(name, &file, &text);
            times.push(start.elapsed());
        }
        times.sort();
        let median = times[times.len() / 2];
        println!(
            "{name:>18}: {:8.1} ms {:8.1} MB/s {tokens:>10} tokens",
            median.as_secs_f64() * 1e3,
            megabytes / median.as_secs_f64(),
        );
    }
}

/// Runs the measure `name` once; the number of pest tokens it made (0
/// where pest is not involved).
fn measure(name: &str, file: &Path, text: &str) -> usize {
    match name {
        "read-and-validate" => {
            let bytes = std::fs::read(file).expect("readable");
            assert!(std::str::from_utf8(&bytes).is_ok(), "UTF-8");
            0
        }
        "pest-lines" => pairs(lines::Lines::parse(lines::Rule::file, text)),
        "pest-tokens" => pairs(tokens::Tokens::parse(tokens::Rule::file, text)),
        "pest-flow" => pairs(flowc::syntax::FlowParser::parse(
            flowc::syntax::Rule::file,
            text,
        )),
        "syntax-tree" => {
            let tree = flowc::syntax::parse(text).expect("a generated process parses");
            assert_eq!(tree.declarations.len(), 1, "one process");
            0
        }
        other => panic!("no measure {other}: one of {MEASURES:?}"),
    }
}

/// The number of tokens of a parse that must succeed.
fn pairs<R: pest::RuleType>(
    parsed: Result<pest::iterators::Pairs<'_, R>, pest::error::Error<R>>,
) -> usize {
    parsed
        .expect("the generated process parses")
        .flatten()
        .count()
}

/// Writes the generated process of `steps` steps under the target directory.
fn write_process(steps: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-ceiling");
    std::fs::create_dir_all(&dir).expect("a directory");
    let file = dir.join(format!("p{steps}.flow"));
    std::fs::write(&file, generator::process(42, "generated", steps)).expect("written");
    file
}

/// `text` as a whole number, or a usage error.
fn number(text: &str) -> usize {
    text.parse()
        .unwrap_or_else(|_| panic!("usage: cargo bench --bench ceiling -- [NAME [STEPS [RUNS]]]"))
}
