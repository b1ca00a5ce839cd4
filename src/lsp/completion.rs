//! `textDocument/completion`: names and keywords that fit where the cursor
//! is.
//!
//! While a line is being typed the file usually does not parse, so the
//! context is read from the text itself: the words before the cursor on
//! its line, and the blocks (`process`, `step`, `decide`, `parallel`) open
//! at the cursor. Names defined in the file are read from its lines too;
//! roles and departments of the other files come from the project model.

use std::collections::BTreeMap;

use lsp_types::{CompletionItem, CompletionItemKind};

use crate::model::{NodeKind, Process, Project};
use crate::syntax::keywords::Block;

/// A name that can be offered, with what it is and its label.
#[derive(Debug, Clone)]
struct Candidate {
    kind: CompletionItemKind,
    detail: String,
}

/// A definition line of the file: `KEYWORD NAME ["label"] ...`.
#[derive(Debug)]
struct Definition<'a> {
    keyword: &'a str,
    name: &'a str,
    label: Option<&'a str>,
    rest: &'a str,
}

/// One line of the file with the block depth at its start.
#[derive(Debug)]
struct Line<'a> {
    /// The line without its comment.
    code: &'a str,
    depth: usize,
}

const TOP_KEYWORDS: &[&str] = Block::File.completions();
const PROCESS_KEYWORDS: &[&str] = Block::Process.completions();
const STEP_KEYWORDS: &[&str] = Block::Step.completions();
const DECISION_KEYWORDS: &[&str] = Block::Decision.completions();
const PARALLEL_KEYWORDS: &[&str] = Block::Parallel.completions();
const CALL_KEYWORDS: &[&str] = Block::Call.completions();
const COMPARATORS: &[&str] = &["<", "<=", ">", ">=", "==", "!="];

/// The completions at byte `offset` of `text`, with the project's model
/// (which may lack this file if it does not parse).
pub fn complete(text: &str, offset: usize, project: Option<&Project>) -> Vec<CompletionItem> {
    let offset = floor_char_boundary(text, offset);
    let line_start = text[..offset].rfind(['\n', '\r']).map_or(0, |at| at + 1);
    let prefix = &text[line_start..offset];
    if in_comment_or_quotes(prefix) {
        return Vec::new();
    }
    let lines = lines(&text[..line_start]);
    let blocks = open_blocks(&lines, prefix);
    let mut words: Vec<&str> = prefix
        .split(is_separator)
        .filter(|w| !w.is_empty())
        .collect();
    if !prefix.ends_with(is_separator) {
        words.pop();
    }
    let process_lines = current_process_lines(text, &blocks);
    let in_call = blocks.last().is_some_and(|(keyword, _)| *keyword == "call");
    let items = match words.as_slice() {
        [] => keywords(blocks.last().map(|(keyword, _)| *keyword)),
        ["process"] if in_call => globals(text, project, |kind| kind == "process"),
        ["with"] if in_call => callee_inputs(callee(&lines, &blocks, prefix, project)),
        ["on"] if in_call => callee_ends(callee(&lines, &blocks, prefix, project)),
        ["with", _, "="] if in_call => locals(&process_lines, VALUES),
        [.., "owner"] => with_people(
            globals(text, project, |kind| kind != "process"),
            OWNER_PEOPLE,
        ),
        ["role", .., "to"] => globals(text, project, |kind| kind == "role"),
        [.., "to"] | [.., "manager", "of"] => {
            with_people(globals(text, project, |kind| kind == "role"), PEOPLE)
        }
        ["input" | "record", ..] => Vec::new(),
        [.., "notify" | "consult" | "of"] => {
            with_people(globals(text, project, |kind| kind != "process"), PEOPLE)
        }
        ["owner", .., last] if last.ends_with(',') => {
            with_people(globals(text, project, |kind| kind != "process"), PEOPLE)
        }
        ["applicant", ..] => globals(text, project, |kind| kind != "process"),
        ["role", .., "in"] => globals(text, project, |kind| kind == "department"),
        [.., "next"] | [.., "start"] => locals(&process_lines, NODES),
        [.., last] if last.ends_with("->") => locals(&process_lines, NODES),
        [.., "branch"] => locals(&process_lines, &["step"]),
        [.., "category"] => plain(
            &["business", "management", "approval"],
            CompletionItemKind::ENUM_MEMBER,
        ),
        ["when", ..] => condition(&words, &process_lines),
        _ => Vec::new(),
    };
    items
        .into_iter()
        .map(|(label, candidate)| CompletionItem {
            label,
            kind: Some(candidate.kind),
            detail: (!candidate.detail.is_empty()).then_some(candidate.detail),
            ..CompletionItem::default()
        })
        .collect()
}

/// The words that name people relative to the applicant, with what they
/// mean, offered where a party may be written.
const PEOPLE: &[(&str, &str)] = &[
    (
        "manager of",
        "the direct superior, by the `reports to` lines, of whoever follows",
    ),
    ("applicant", "the person who started this case"),
];

/// After `owner`: the people words and the signing forms.
const OWNER_PEOPLE: &[(&str, &str)] = &[
    (
        "manager of",
        "the direct superior, by the `reports to` lines, of whoever follows",
    ),
    (
        "any of",
        "one person holding any of these roles signs for all (或簽)",
    ),
    ("all of", "each of these must approve (會簽)"),
    ("applicant", "the person who started this case"),
];

/// `names` followed by the people words `words`.
fn with_people(
    mut names: Vec<(String, Candidate)>,
    words: &[(&str, &str)],
) -> Vec<(String, Candidate)> {
    names.extend(words.iter().map(|(word, detail)| {
        let candidate = Candidate {
            kind: CompletionItemKind::KEYWORD,
            detail: detail.to_string(),
        };
        (word.to_string(), candidate)
    }));
    names
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// Whether the end of `prefix` is inside a comment or a quoted label.
fn in_comment_or_quotes(prefix: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in prefix.chars() {
        match c {
            '#' if !quoted => return true,
            '"' if !escaped => quoted = !quoted,
            _ => {}
        }
        escaped = quoted && c == '\\' && !escaped;
    }
    quoted
}

/// `line` without its comment.
fn code_of(line: &str) -> &str {
    let mut quoted = false;
    let mut escaped = false;
    for (index, c) in line.char_indices() {
        match c {
            '#' if !quoted => return &line[..index],
            '"' if !escaped => quoted = !quoted,
            _ => {}
        }
        escaped = quoted && c == '\\' && !escaped;
    }
    line
}

/// The change of block depth over `code`: `{` opens, `}` closes (outside
/// quotes).
fn braces(code: &str) -> (usize, usize) {
    let mut quoted = false;
    let mut escaped = false;
    let (mut opened, mut closed) = (0, 0);
    for c in code.chars() {
        match c {
            '"' if !escaped => quoted = !quoted,
            '{' if !quoted => opened += 1,
            '}' if !quoted => closed += 1,
            _ => {}
        }
        escaped = quoted && c == '\\' && !escaped;
    }
    (opened, closed)
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut depth = 0usize;
    let mut lines = Vec::new();
    for line in text.split(['\n', '\r']) {
        let code = code_of(line);
        lines.push(Line { code, depth });
        let (opened, closed) = braces(code);
        depth = (depth + opened).saturating_sub(closed);
    }
    lines
}

/// The blocks open at the cursor, outermost first: (keyword, line index).
fn open_blocks<'a>(lines: &[Line<'a>], prefix: &'a str) -> Vec<(&'a str, usize)> {
    let mut stack: Vec<(&str, usize)> = Vec::new();
    let all = lines
        .iter()
        .map(|line| line.code)
        .chain(std::iter::once(code_of(prefix)));
    for (index, code) in all.enumerate() {
        let keyword = code
            .split(is_separator)
            .find(|w| !w.is_empty())
            .unwrap_or("");
        let (opened, closed) = braces(code);
        for _ in 0..opened {
            stack.push((keyword, index));
        }
        for _ in 0..closed {
            stack.pop();
        }
    }
    stack
}

/// The lines of the process the cursor is in (empty outside processes).
fn current_process_lines<'a>(text: &'a str, blocks: &[(&str, usize)]) -> Vec<&'a str> {
    let Some(&("process", first)) = blocks.first() else {
        return Vec::new();
    };
    let all = lines(text);
    let depth = all.get(first).map_or(0, |line| line.depth);
    all.iter()
        .skip(first + 1)
        .take_while(|line| line.depth > depth)
        .map(|line| line.code)
        .collect()
}

/// `KEYWORD NAME ["label"] ...` on a line, if it is one.
fn definition(code: &str) -> Option<Definition<'_>> {
    let code = code.trim_start_matches(is_separator);
    let (keyword, rest) = code.split_once(is_separator)?;
    let rest = rest.trim_start_matches(is_separator);
    let end = rest
        .find(|c: char| is_separator(c) || matches!(c, ':' | '{' | '"'))
        .unwrap_or(rest.len());
    let name = &rest[..end];
    let after = rest[end..].trim_start_matches(is_separator);
    let label = after
        .strip_prefix('"')
        .and_then(|quoted| quoted.find('"').map(|close| &quoted[..close]));
    (!name.is_empty()).then_some(Definition {
        keyword,
        name,
        label,
        rest: after,
    })
}

fn keywords(block: Option<&str>) -> Vec<(String, Candidate)> {
    let words = match block {
        None => TOP_KEYWORDS,
        Some("process") => PROCESS_KEYWORDS,
        Some("step") => STEP_KEYWORDS,
        Some("decide") => DECISION_KEYWORDS,
        Some("parallel") => PARALLEL_KEYWORDS,
        Some("call") => CALL_KEYWORDS,
        Some(_) => &[],
    };
    plain(words, CompletionItemKind::KEYWORD)
}

fn plain(words: &[&str], kind: CompletionItemKind) -> Vec<(String, Candidate)> {
    words
        .iter()
        .map(|word| {
            let candidate = Candidate {
                kind,
                detail: String::new(),
            };
            (word.to_string(), candidate)
        })
        .collect()
}

/// Roles, departments (and processes) of the project and of this file,
/// filtered by their kind.
fn globals(
    text: &str,
    project: Option<&Project>,
    keep: impl Fn(&str) -> bool,
) -> Vec<(String, Candidate)> {
    let mut found: BTreeMap<String, Candidate> = BTreeMap::new();
    let mut add = |kind: &str, name: &str, label: Option<&str>| {
        if !keep(kind) {
            return;
        }
        let item_kind = match kind {
            "role" => CompletionItemKind::CLASS,
            "department" => CompletionItemKind::MODULE,
            _ => CompletionItemKind::MODULE,
        };
        let detail = match label {
            Some(label) => format!("{kind} {label}"),
            None => kind.to_string(),
        };
        found.entry(name.to_string()).or_insert(Candidate {
            kind: item_kind,
            detail,
        });
    };
    if let Some(project) = project {
        for role in &project.roles {
            add("role", &role.name, role.label.as_deref());
        }
        for department in &project.departments {
            add("department", &department.name, department.label.as_deref());
        }
        for process in &project.processes {
            add("process", &process.name, process.label.as_deref());
        }
    }
    for line in lines(text) {
        if line.depth == 0
            && let Some(definition) = definition(line.code)
            && matches!(definition.keyword, "role" | "department" | "process")
        {
            add(definition.keyword, definition.name, definition.label);
        }
    }
    found.into_iter().collect()
}

/// Nodes (or inputs) defined in the current process's lines.
fn locals(process_lines: &[&str], keywords: &[&str]) -> Vec<(String, Candidate)> {
    let mut found: BTreeMap<String, Candidate> = BTreeMap::new();
    for code in process_lines {
        let Some(definition) = definition(code) else {
            continue;
        };
        if !keywords.contains(&definition.keyword) {
            continue;
        }
        let (kind, noun) = match definition.keyword {
            "step" => (CompletionItemKind::FUNCTION, "step"),
            "decide" => (CompletionItemKind::OPERATOR, "decision"),
            "parallel" => (CompletionItemKind::STRUCT, "parallel block"),
            "end" => (CompletionItemKind::EVENT, "end"),
            "call" => (CompletionItemKind::MODULE, "call"),
            "record" => (CompletionItemKind::FIELD, "recorded value"),
            _ => (CompletionItemKind::VARIABLE, "input"),
        };
        let detail = match (definition.keyword, definition.label) {
            ("input", _) => format!("input{}", definition.rest.trim_end()),
            ("record", _) => format!("recorded value: {}", type_text(&definition)),
            (_, Some(label)) => format!("{noun} {label}"),
            _ => noun.to_string(),
        };
        found
            .entry(definition.name.to_string())
            .or_insert(Candidate { kind, detail });
    }
    found.into_iter().collect()
}

/// The definition lines of the values a condition or a `with` may read.
const VALUES: &[&str] = &["input", "record"];

/// The definition lines of the nodes a `next` or an arrow may name.
const NODES: &[&str] = &["step", "decide", "parallel", "call", "end"];

/// The type written on an `input` or `record` line: what follows its
/// colon (after the label of a `record`).
fn type_text<'a>(definition: &Definition<'a>) -> &'a str {
    definition
        .rest
        .rsplit_once(':')
        .map_or("", |(_, kind)| kind.trim())
}

/// The process the `process` line of the call open at the cursor names,
/// from the project.
fn callee<'p>(
    lines: &[Line<'_>],
    blocks: &[(&str, usize)],
    prefix: &str,
    project: Option<&'p Project>,
) -> Option<&'p Process> {
    let (project, &(_, first)) = (project?, blocks.last()?);
    let name = lines
        .iter()
        .skip(first + 1)
        .map(|line| line.code)
        .chain(std::iter::once(prefix))
        .find_map(|code| {
            let definition = definition(code)?;
            (definition.keyword == "process").then_some(definition.name)
        })?;
    project
        .processes
        .iter()
        .find(|process| process.name == name)
        .map(|process| &**process)
}

/// After `with` in a call: the inputs of the called process.
fn callee_inputs(callee: Option<&Process>) -> Vec<(String, Candidate)> {
    let Some(callee) = callee else {
        return Vec::new();
    };
    callee
        .inputs
        .iter()
        .map(|input| {
            let candidate = Candidate {
                kind: CompletionItemKind::VARIABLE,
                detail: format!("input of `{}`", callee.name),
            };
            (input.name.text.clone(), candidate)
        })
        .collect()
}

/// After `on` in a call: the ends of the called process.
fn callee_ends(callee: Option<&Process>) -> Vec<(String, Candidate)> {
    let Some(callee) = callee else {
        return Vec::new();
    };
    callee
        .nodes
        .iter()
        .filter(|node| matches!(node.kind, NodeKind::End))
        .map(|end| {
            let detail = match &end.label {
                Some(label) => format!("end {label} of `{}`", callee.name),
                None => format!("end of `{}`", callee.name),
            };
            let candidate = Candidate {
                kind: CompletionItemKind::EVENT,
                detail,
            };
            (end.name.clone(), candidate)
        })
        .collect()
}

/// Inside `when ...`: inputs and recorded values after
/// `when`/`and`/`or`/`not`/`(`; after a comparison, the values of the
/// compared one's type and the other inputs and recorded values of that
/// type.
fn condition(words: &[&str], process_lines: &[&str]) -> Vec<(String, Candidate)> {
    let last = words.last().copied().unwrap_or("when");
    if matches!(last, "when" | "and" | "or" | "not") || last.ends_with('(') {
        return locals(process_lines, VALUES);
    }
    if !COMPARATORS.contains(&last) || words.len() < 3 {
        return Vec::new();
    }
    let input = words[words.len() - 2].trim_start_matches('(');
    let values_defined: Vec<Definition<'_>> = process_lines
        .iter()
        .filter_map(|code| definition(code))
        .filter(|d| VALUES.contains(&d.keyword))
        .collect();
    let Some(kind) = values_defined
        .iter()
        .find(|d| d.name == input)
        .map(type_text)
    else {
        return Vec::new();
    };
    let same_type: Vec<&str> = values_defined
        .iter()
        .filter(|d| d.name != input && type_text(d) == kind)
        .map(|d| d.name)
        .collect();
    let others = locals(process_lines, VALUES)
        .into_iter()
        .filter(|(name, _)| same_type.contains(&name.as_str()));
    let mut values = literal_values(input, kind);
    values.extend(others);
    values
}

/// The values written for a `one of` or `yes/no` type.
fn literal_values(input: &str, type_text: &str) -> Vec<(String, Candidate)> {
    if let Some(values) = type_text.strip_prefix("one of") {
        let values: Vec<&str> = values
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect();
        return values
            .into_iter()
            .map(|value| {
                (
                    value.to_string(),
                    Candidate {
                        kind: CompletionItemKind::ENUM_MEMBER,
                        detail: format!("value of `{input}`"),
                    },
                )
            })
            .collect();
    }
    if type_text == "yes/no" {
        return plain(&["yes", "no"], CompletionItemKind::ENUM_MEMBER);
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<String> {
        let offset = text.find('|').expect("a cursor");
        let text = text.replacen('|', "", 1);
        complete(&text, offset, None)
            .into_iter()
            .map(|item| item.label)
            .collect()
    }

    const FILE: &str = "role 會計 \"會計\"\nprocess p {\n  input kind: one of travel, office\n  input urgent: yes/no\n  start a\n  step 申請 \"員工申請\" {\n    owner |\n  }\n  decide d {\n    when kind == travel -> done\n  }\n  end done \"完成\"\n}\n";

    #[test]
    fn roles_and_people_after_owner() {
        assert_eq!(
            labels(FILE),
            ["會計", "manager of", "any of", "all of", "applicant"]
        );
    }

    #[test]
    fn people_where_a_party_is_written() {
        let people = ["會計", "manager of", "applicant"];
        for line in [
            "owner manager of |",
            "owner any of |",
            "owner all of 會計, |",
            "owner 2 of |",
            "notify |",
            "consult |",
            "escalate after 2 business days to |",
        ] {
            assert_eq!(labels(&FILE.replace("owner |", line)), people, "{line}");
        }
        let text = FILE.replace("role 會計 \"會計\"", "role 會計 \"會計\" reports to |");
        assert_eq!(labels(&text), ["會計"]);
        let text = FILE.replace("  start a", "  applicant |\n  start a");
        assert_eq!(labels(&text), ["會計"]);
        let text = FILE.replace("input kind: one of travel", "input kind: one of |");
        assert!(labels(&text).is_empty());
    }

    #[test]
    fn nodes_after_next_and_arrows() {
        let text = FILE.replace("owner |", "next |");
        assert_eq!(labels(&text), ["d", "done", "申請"]);
        let text = FILE.replace("owner |", "on reject -> |");
        assert_eq!(labels(&text), ["d", "done", "申請"]);
    }

    #[test]
    fn keywords_at_the_start_of_a_line() {
        let text = FILE.replace("owner |", "|");
        assert_eq!(labels(&text), STEP_KEYWORDS);
        let text = FILE
            .replace("owner |", "owner 會計")
            .replace("    when kind", "    |\n    when kind");
        assert_eq!(labels(&text), DECISION_KEYWORDS);
        assert_eq!(labels("|"), TOP_KEYWORDS);
    }

    #[test]
    fn inputs_and_values_in_conditions() {
        let file = FILE.replace("owner |", "owner 會計");
        let text = file.replace("when kind == travel", "when |");
        assert_eq!(labels(&text), ["kind", "urgent"]);
        let text = file.replace("when kind == travel", "when kind == |");
        assert_eq!(labels(&text), ["travel", "office"]);
        let text = file.replace("when kind == travel", "when kind == office and urgent != |");
        assert_eq!(labels(&text), ["yes", "no"]);
    }

    #[test]
    fn recorded_values_and_values_of_the_same_type_in_conditions() {
        let file = FILE
            .replace("owner |", "owner 會計\n    record passed \"合格\": yes/no")
            .replace(
                "  input urgent: yes/no\n",
                "  input urgent: yes/no\n  input amount: money CNY\n  input budget: money CNY\n",
            );
        let text = file.replace("when kind == travel", "when |");
        assert_eq!(
            labels(&text),
            ["amount", "budget", "kind", "passed", "urgent"]
        );
        let text = file.replace("when kind == travel", "when passed == |");
        assert_eq!(labels(&text), ["yes", "no", "urgent"]);
        let text = file.replace("when kind == travel", "when amount <= |");
        assert_eq!(labels(&text), ["budget"]);
    }

    #[test]
    fn nothing_in_comments_or_labels() {
        let text = FILE.replace("owner |", "owner # |");
        assert!(labels(&text).is_empty());
        let text = FILE.replace("step 申請 \"員工申請\"", "step 申請 \"員工|申請\"");
        assert!(labels(&text).is_empty());
    }
}
