//! Where wrapped Chinese labels break, measured on the pictures: every
//! example and diagram fixture drawn by both engines (Graphviz when `dot`
//! is on PATH), in both directions, in zh-Hant, zh-Hans and English. Two
//! lines of one label are two `<text>` elements next to each other with
//! the same style; where the first ends and the second starts with a Han
//! character, the break is judged by ICU4X's dictionary word segmenter
//! (the CJ dictionary of ICU, Traditional and Simplified):
//!
//! - a break *inside a word* (`總經` / `理`, `時` / `間`) counts when the
//!   word is no wider than the longer of the two lines (it would have fit
//!   on one of them);
//! - a break *between two lone characters* (the dictionary left both
//!   sides as one-character segments, as it does with words it does not
//!   know, such as `采` / `購` or `營` / `銷`) counts the same way, with
//!   the run of such characters in place of the word.
//!
//! - where both lines hold spaces, the break is taken to be at a space.
//!
//! Both counts and the first examples are printed (`cargo test --test
//! integration chinese_wrapping -- --nocapture`); the test fails on any.
//! Before `wrap` broke Chinese at word boundaries (any two characters were
//! a break opportunity): 140 breaks inside a word and none between lone
//! characters, of 554 breaks between Han characters in 12,885 lines of
//! 264 pictures; after, none of either, of 482 in 12,897 lines.

use icu_segmenter::WordSegmenter;
use icu_segmenter::WordSegmenterBorrowed;
use icu_segmenter::options::WordBreakInvariantOptions;

use crate::common;
use flowc::check;
use flowc::emit::diagram::{DiagramOptions, Direction, columns};
use flowc::emit::svg;
use flowc::i18n::Lang;

/// Two consecutive lines of one label.
struct Break {
    /// Which picture.
    picture: String,
    /// The line before the break.
    before: String,
    /// The line after it.
    after: String,
}

/// Every picture of the examples and the diagram fixtures: both engines,
/// both directions, three languages.
fn pictures() -> Vec<(String, String)> {
    let graphviz = common::graphviz_for_test("the Chinese wrapping measure");
    let mut pictures = Vec::new();
    for (fixture, analysis) in common::diagram_projects() {
        let checked = check::verify(&analysis.project, &analysis.diagnostics)
            .expect("examples and diagram fixtures have no error");
        for direction in [Direction::LeftRight, Direction::TopBottom] {
            for lang in [Lang::ZhHant, Lang::ZhHans, Lang::En] {
                let options = DiagramOptions {
                    direction,
                    lang,
                    ..DiagramOptions::default()
                };
                let tag = format!("{direction:?} {}", lang.code());
                for (name, picture) in svg::documents(&checked, options) {
                    pictures.push((format!("{fixture}{name} builtin {tag}"), picture));
                }
                if !graphviz {
                    continue;
                }
                for process in &analysis.project.processes {
                    let picture = common::graphviz_svg(&analysis.project, process, options);
                    pictures.push((format!("{fixture}{} dot {tag}", process.name), picture));
                }
            }
        }
    }
    pictures
}

/// A `<text>` element's attributes but its position, which tell one
/// label's lines apart from the next label's.
fn style(node: roxmltree::Node<'_, '_>) -> Vec<(String, String)> {
    node.attributes()
        .filter(|attribute| !matches!(attribute.name(), "x" | "y"))
        .map(|attribute| (attribute.name().to_string(), attribute.value().to_string()))
        .collect()
}

/// The lines of `picture` and every break between two lines of one label.
fn lines_and_breaks(name: &str, picture: &str) -> (usize, Vec<Break>) {
    // Graphviz's SVG names its DTD.
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let document =
        roxmltree::Document::parse_with_options(picture, options).expect("the SVG is XML");
    let texts: Vec<_> = document
        .descendants()
        .filter(|node| node.has_tag_name("text"))
        .collect();
    let mut breaks = Vec::new();
    for text in &texts {
        let next = text.next_sibling_element();
        let Some(next) = next.filter(|next| next.has_tag_name("text")) else {
            continue;
        };
        if style(*text) == style(next) {
            breaks.push(Break {
                picture: name.to_string(),
                before: text.text().unwrap_or_default().to_string(),
                after: next.text().unwrap_or_default().to_string(),
            });
        }
    }
    (texts.len(), breaks)
}

/// Whether `c` is a Han character.
fn han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFD)
}

/// How a break between two Han characters falls.
#[derive(Debug, PartialEq)]
enum Judgement {
    /// At a word boundary the measure accepts.
    Fine,
    /// Inside the word given, which would have fit.
    InsideWord(String),
    /// Between lone characters of the run given, which would have fit.
    InsideRun(String),
}

/// Judges the break between `before` and `after` by the dictionary's
/// segments of the two lines joined. Where both lines are words between
/// spaces (`amount > 5,000 元` / `且 並非 urgent`), the break took the
/// space between them (the picture does not show it).
fn judge(segmenter: WordSegmenterBorrowed<'static>, before: &str, after: &str) -> Judgement {
    if before.contains(' ') && after.contains(' ') {
        return Judgement::Fine;
    }
    let joined = format!("{before}{after}");
    let at = before.len();
    let bounds: Vec<usize> = segmenter.segment_str(&joined).collect();
    let room = columns(before).max(columns(after));
    let segment_at = |index: usize| &joined[bounds[index]..bounds[index + 1]];
    let Some(index) = bounds.iter().position(|&bound| bound >= at) else {
        return Judgement::Fine;
    };
    if bounds[index] > at {
        let word = segment_at(index - 1);
        return if columns(word) <= room {
            Judgement::InsideWord(word.to_string())
        } else {
            Judgement::Fine
        };
    }
    let lone = |index: usize| {
        let segment = segment_at(index);
        segment.chars().count() == 1 && segment.chars().all(han)
    };
    if index == 0 || index + 1 >= bounds.len() || !lone(index - 1) || !lone(index) {
        return Judgement::Fine;
    }
    let mut first = index - 1;
    while first > 0 && lone(first - 1) {
        first -= 1;
    }
    let mut last = index;
    while last + 2 < bounds.len() && lone(last + 1) {
        last += 1;
    }
    let run = &joined[bounds[first]..bounds[last + 1]];
    if columns(run) <= room {
        Judgement::InsideRun(run.to_string())
    } else {
        Judgement::Fine
    }
}

#[test]
fn wrapped_chinese_labels_break_between_words() {
    let segmenter = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    let pictures = pictures();
    let mut lines = 0;
    let mut han_breaks = 0;
    let mut inside_words = Vec::new();
    let mut inside_runs = Vec::new();
    for (name, picture) in &pictures {
        let (count, breaks) = lines_and_breaks(name, picture);
        lines += count;
        for found in breaks {
            let (Some(last), Some(first)) =
                (found.before.chars().last(), found.after.chars().next())
            else {
                continue;
            };
            if !(han(last) && han(first)) {
                continue;
            }
            han_breaks += 1;
            match judge(segmenter, &found.before, &found.after) {
                Judgement::Fine => {}
                Judgement::InsideWord(word) => inside_words.push((found, word)),
                Judgement::InsideRun(run) => inside_runs.push((found, run)),
            }
        }
    }
    println!(
        "{} pictures, {lines} lines, {han_breaks} breaks between Han characters: {} inside a word, {} between lone characters",
        pictures.len(),
        inside_words.len(),
        inside_runs.len()
    );
    for (found, word) in inside_words.iter().chain(&inside_runs).take(20) {
        println!(
            "  {}: {} / {} ({word})",
            found.picture, found.before, found.after
        );
    }
    assert!(pictures.len() >= 260, "{} pictures", pictures.len());
    assert!(
        han_breaks >= 100,
        "{han_breaks} breaks between Han characters"
    );
    assert!(
        inside_words.is_empty() && inside_runs.is_empty(),
        "{} breaks inside a word, {} between lone characters",
        inside_words.len(),
        inside_runs.len()
    );
}

#[test]
fn the_measure_sees_a_word_and_a_run_of_lone_characters_broken() {
    let segmenter = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    assert_eq!(
        judge(segmenter, "重大合同由總經", "理審批"),
        Judgement::InsideWord("總經理".to_string())
    );
    assert_eq!(
        judge(segmenter, "重大合同由", "總經理審批"),
        Judgement::Fine
    );
    assert_eq!(
        judge(segmenter, "制定物料采", "購計劃"),
        Judgement::InsideRun("采購".to_string())
    );
}
