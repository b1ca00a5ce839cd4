//! The formatter: one canonical layout for `.flow` files, comments kept.
//!
//! It sits beside the emitters, on top of [`crate::syntax`]: [`format`]
//! parses a file and prints its syntax tree again, one item a line, two
//! spaces of indentation a block level, single spaces between words and
//! durations spelled out (`1 business day`, `3 business days`). Labels,
//! quoted text, numbers and money are printed as their source bytes, never
//! re-escaped. Every comment is kept where it was: an end-of-line comment
//! stays at the end of its line, an own-line comment stays before the item
//! that follows it (or before the `}` or the end of the file). A single
//! blank line is kept wherever the source had one or more between items.
//! The layout is described for people in `docs/formatting.md`.

use crate::syntax::ast::{
    Broken, Call, CallItem, Comment, Condition, Decision, DecisionBranch, Declaration, Department,
    Duration, Ident, InputType, Kpi, KpiTarget, Label, Note, Operand, Parallel, ParallelItem,
    Process, ProcessItem, Role, SourceTree, Step, StepItem,
};
use crate::syntax::{self, SyntaxError};

/// Spaces per block level.
const INDENT: &str = "  ";

/// The byte-order mark, kept when a file starts with one.
const BYTE_ORDER_MARK: char = '\u{FEFF}';

/// Formats one file's text. A file with syntax errors is not formatted:
/// its errors are returned instead.
pub fn format(text: &str) -> Result<String, Vec<SyntaxError>> {
    let tree = syntax::parse(text)?;
    Ok(print(text, &tree))
}

/// Formats one file's text around the items that do not parse: each is
/// kept exactly as written (from the start of its first line to the end of
/// its last), everything else is laid out. The language server formats
/// this way, so one typo does not switch formatting off for a whole file.
pub fn format_around_errors(text: &str) -> String {
    print(text, &syntax::parse_recovering(text).tree)
}

/// Prints a tree in the canonical layout.
fn print(text: &str, tree: &SourceTree) -> String {
    let mut printer = Printer::new(text, &tree.comments);
    for declaration in &tree.declarations {
        printer.declaration(declaration);
    }
    printer.rest_of_comments(0);
    printer.finish()
}

/// Writes the canonical text while walking the tree in source order.
struct Printer<'a> {
    source: &'a str,
    comments: &'a [Comment],
    /// The first comment not printed yet.
    next_comment: usize,
    out: String,
    newline: &'static str,
    /// The end offset in `source` of the last thing printed.
    last_end: usize,
    /// Whether nothing was printed since the file start or the last `{`,
    /// so no blank line goes here.
    at_block_start: bool,
}

impl<'a> Printer<'a> {
    fn new(source: &'a str, comments: &'a [Comment]) -> Self {
        let newline = match source.find(['\n', '\r']) {
            Some(at) if source[at..].starts_with("\r\n") => "\r\n",
            _ => "\n",
        };
        let mut out = String::with_capacity(source.len() + source.len() / 8);
        if source.starts_with(BYTE_ORDER_MARK) {
            out.push(BYTE_ORDER_MARK);
        }
        Printer {
            source,
            comments,
            next_comment: 0,
            out,
            newline,
            last_end: 0,
            at_block_start: true,
        }
    }

    fn finish(self) -> String {
        self.out
    }

    /// The source text of `span`, as written.
    fn slice(&self, span: crate::span::Span) -> &'a str {
        self.source.get(span.start..span.end).unwrap_or_default()
    }

    /// Whether the source has a blank line between `from` and `to`.
    fn blank_line_between(&self, from: usize, to: usize) -> bool {
        let between = self.source.get(from..to).unwrap_or_default();
        let breaks = between.matches('\n').count() + between.matches('\r').count()
            - between.matches("\r\n").count();
        breaks >= 2
    }

    /// Starts a new output line for something at `start` in the source:
    /// a blank line first where the source had one.
    fn begin_line(&mut self, level: usize, start: usize) {
        if !self.at_block_start && self.blank_line_between(self.last_end, start) {
            self.out.push_str(self.newline);
        }
        self.at_block_start = false;
        for _ in 0..level {
            self.out.push_str(INDENT);
        }
    }

    /// Prints, each on its own line, the comments that start before
    /// `offset`.
    fn comments_before(&mut self, offset: usize, level: usize) {
        while let Some(comment) = self.comments.get(self.next_comment) {
            if comment.span.start >= offset {
                break;
            }
            self.begin_line(level, comment.span.start);
            self.out.push_str(comment.text.trim_end());
            self.out.push_str(self.newline);
            self.last_end = comment.span.end;
            self.next_comment += 1;
        }
    }

    /// Prints the comments left, at the end of a block or of the file.
    fn rest_of_comments(&mut self, level: usize) {
        self.comments_before(usize::MAX, level);
    }

    /// Prints one line of the canonical text for the source from `start` to
    /// `end`, with the comments before it and the one at its end.
    fn line(&mut self, level: usize, text: &str, start: usize, end: usize) {
        self.comments_before(start, level);
        self.begin_line(level, start);
        self.out.push_str(text);
        self.last_end = end;
        self.end_of_line_comment(end);
        self.out.push_str(self.newline);
    }

    /// Appends the comment on the same source line as `end`, if any.
    fn end_of_line_comment(&mut self, end: usize) {
        let Some(comment) = self.comments.get(self.next_comment) else {
            return;
        };
        let between = self.source.get(end..comment.span.start).unwrap_or("\n");
        if comment.span.start >= end && !between.contains(['\n', '\r']) {
            self.out.push(' ');
            self.out.push_str(comment.text.trim_end());
            self.last_end = comment.span.end;
            self.next_comment += 1;
        }
    }

    /// Prints a block's header line and opens it.
    fn open(&mut self, level: usize, header: &str, start: usize, header_end: usize) {
        self.line(level, &format!("{header} {{"), start, header_end);
        self.at_block_start = true;
    }

    /// Prints the comments left inside a block, then its `}`.
    fn close(&mut self, level: usize, block_end: usize) {
        let brace = block_end.saturating_sub(1);
        self.comments_before(brace, level + 1);
        self.at_block_start = true;
        self.line(level, "}", brace, block_end);
    }

    /// `KEYWORD NAME "label"`, and where that text ends in the source.
    fn named(&self, keyword: &str, name: &Ident, label: &Option<Label>) -> (String, usize) {
        match label {
            Some(label) => (
                format!("{keyword} {} {}", name.text, self.slice(label.span)),
                label.span.end,
            ),
            None => (format!("{keyword} {}", name.text), name.span.end),
        }
    }

    fn declaration(&mut self, declaration: &Declaration) {
        match declaration {
            Declaration::Department(department) => self.department(department),
            Declaration::Role(role) => self.role(role),
            Declaration::Process(process) => self.process(process),
            Declaration::Broken(broken) => self.broken(broken),
        }
    }

    /// An item that does not parse: its lines exactly as written.
    fn broken(&mut self, broken: &Broken) {
        let start = broken.span.start;
        let line_start = self.source[..start]
            .rfind(['\n', '\r'])
            .map_or(0, |at| at + 1);
        self.comments_before(start, 0);
        self.begin_line(0, start);
        self.out.push_str(&self.source[line_start..broken.span.end]);
        self.last_end = broken.span.end;
        self.out.push_str(self.newline);
    }

    fn department(&mut self, department: &Department) {
        let (text, _) = self.named("department", &department.name, &department.label);
        self.line(0, &text, department.span.start, department.span.end);
    }

    fn role(&mut self, role: &Role) {
        let (mut text, _) = self.named("role", &role.name, &role.label);
        if let Some(department) = &role.department {
            text.push_str(&format!(" in {}", department.text));
        }
        if let Some(superior) = &role.superior {
            text.push_str(&format!(" reports to {}", superior.text));
        }
        self.line(0, &text, role.span.start, role.span.end);
    }

    fn process(&mut self, process: &Process) {
        let (header, header_end) = self.named("process", &process.name, &process.label);
        self.open(0, &header, process.span.start, header_end);
        for item in &process.items {
            self.process_item(item);
        }
        self.close(0, process.span.end);
    }

    fn process_item(&mut self, item: &ProcessItem) {
        let (text, span) = match item {
            ProcessItem::Category(category, span) => {
                (format!("category {}", category.keyword()), *span)
            }
            ProcessItem::Owner(name, span) => (format!("owner {}", name.text), *span),
            ProcessItem::Applicant(names, span) => {
                let names: Vec<&str> = names.iter().map(|name| name.text.as_str()).collect();
                (format!("applicant {}", names.join(", ")), *span)
            }
            ProcessItem::Review(review) => {
                let mut text = format!("review every {}", duration(&review.every));
                if let Some(last) = review.last {
                    text.push_str(&format!(", last {}", last.format("%Y-%m-%d")));
                }
                (text, review.span)
            }
            ProcessItem::Version(version) => {
                let mut text = format!("version {}", version.number);
                if let Some(effective) = version.effective {
                    text.push_str(&format!(", effective {}", effective.format("%Y-%m-%d")));
                }
                (text, version.span)
            }
            ProcessItem::Sla(every, span) => (format!("sla {}", duration(every)), *span),
            ProcessItem::Note(note) => (self.note(note), note.span),
            ProcessItem::Input(input) => (
                format!("input {}: {}", input.name.text, input_type(&input.kind)),
                input.span,
            ),
            ProcessItem::Start(name, span) => (format!("start {}", name.text), *span),
            ProcessItem::Step(step) => return self.step(step),
            ProcessItem::Decision(decision) => return self.decision(decision),
            ProcessItem::Parallel(parallel) => return self.parallel(parallel),
            ProcessItem::Call(call) => return self.call(call),
            ProcessItem::End(end) => {
                let (text, _) = self.named("end", &end.name, &end.label);
                (text, end.span)
            }
            ProcessItem::Kpi(kpi) => (self.kpi(kpi), kpi.span),
            ProcessItem::Broken(broken) => return self.broken(broken),
        };
        self.line(1, &text, span.start, span.end);
    }

    fn step(&mut self, step: &Step) {
        let (header, header_end) = self.named("step", &step.name, &step.label);
        self.open(1, &header, step.span.start, header_end);
        for item in &step.items {
            let (text, span) = match item {
                StepItem::Owner(owners) => (format!("owner {owners}"), owners.span),
                StepItem::Within(within, span) => (format!("within {}", duration(within)), *span),
                StepItem::AtLeast(minimum, span) => {
                    (format!("at least {}", duration(minimum)), *span)
                }
                StepItem::Note(note) => (self.note(note), note.span),
                StepItem::Record(record) => {
                    let (text, _) = self.named("record", &record.name, &record.label);
                    (format!("{text}: {}", input_type(&record.kind)), record.span)
                }
                StepItem::Timeout(timeout) => (
                    format!(
                        "on timeout after {} -> {}",
                        duration(&timeout.after),
                        timeout.target.text
                    ),
                    timeout.span,
                ),
                StepItem::Kpi(kpi) => (self.kpi(kpi), kpi.span),
                StepItem::Remind(after, span) => {
                    (format!("remind after {}", duration(after)), *span)
                }
                StepItem::Escalate(escalation) => (
                    format!(
                        "escalate after {} to {}",
                        duration(&escalation.after),
                        escalation.to
                    ),
                    escalation.span,
                ),
                StepItem::Notify(notify) => {
                    let mut text = format!("notify {}", notify.who);
                    if notify.when_written {
                        text.push_str(&format!(" when {}", notify.when.keyword()));
                    }
                    (text, notify.span)
                }
                StepItem::Consult(who, span) => (format!("consult {who}"), *span),
                StepItem::Outcome(outcome) => (
                    format!("on {} -> {}", outcome.name.text, outcome.target.text),
                    outcome.span,
                ),
                StepItem::Next(name, span) => (format!("next {}", name.text), *span),
            };
            self.line(2, &text, span.start, span.end);
        }
        self.close(1, step.span.end);
    }

    fn decision(&mut self, decision: &Decision) {
        let (header, header_end) = self.named("decide", &decision.name, &decision.label);
        self.open(1, &header, decision.span.start, header_end);
        for branch in &decision.branches {
            let (text, span) = match branch {
                DecisionBranch::When {
                    condition,
                    target,
                    span,
                } => (
                    format!("when {} -> {}", self.condition(condition), target.text),
                    *span,
                ),
                DecisionBranch::Otherwise { target, span } => {
                    (format!("otherwise -> {}", target.text), *span)
                }
            };
            self.line(2, &text, span.start, span.end);
        }
        self.close(1, decision.span.end);
    }

    fn parallel(&mut self, parallel: &Parallel) {
        let (header, header_end) = self.named("parallel", &parallel.name, &parallel.label);
        self.open(1, &header, parallel.span.start, header_end);
        for item in &parallel.items {
            let (text, span) = match item {
                ParallelItem::Branch(name, span) => (format!("branch {}", name.text), *span),
                ParallelItem::Next(name, span) => (format!("next {}", name.text), *span),
            };
            self.line(2, &text, span.start, span.end);
        }
        self.close(1, parallel.span.end);
    }

    fn call(&mut self, call: &Call) {
        let (header, header_end) = self.named("call", &call.name, &call.label);
        self.open(1, &header, call.span.start, header_end);
        for item in &call.items {
            let (text, span) = match item {
                CallItem::Process(name, span) => (format!("process {}", name.text), *span),
                CallItem::With(binding) => (
                    format!(
                        "with {} = {}",
                        binding.input.text,
                        self.operand(&binding.value)
                    ),
                    binding.span,
                ),
                CallItem::Note(note) => (self.note(note), note.span),
                CallItem::Outcome(outcome) => (
                    format!("on {} -> {}", outcome.name.text, outcome.target.text),
                    outcome.span,
                ),
                CallItem::Next(name, span) => (format!("next {}", name.text), *span),
            };
            self.line(2, &text, span.start, span.end);
        }
        self.close(1, call.span.end);
    }

    /// `note "text"`, the text as written.
    fn note(&self, note: &Note) -> String {
        format!("note {}", self.slice(note.text.span))
    }

    /// A value as written, with single spaces (`5000 CNY`).
    fn operand(&self, operand: &Operand) -> String {
        words(self.slice(operand.span())).join(" ")
    }

    fn kpi(&self, kpi: &Kpi) -> String {
        let (mut text, _) = self.named("kpi", &kpi.name, &kpi.label);
        if let Some(statistic) = kpi.statistic {
            text.push(' ');
            text.push_str(statistic.keyword());
        }
        text.push(' ');
        text.push_str(kpi.bound.words());
        text.push(' ');
        match &kpi.target {
            KpiTarget::Duration(target) => text.push_str(&duration(target)),
            KpiTarget::Percentage(_) | KpiTarget::Number(_) => {
                text.push_str(last_word(self.slice(kpi.span)));
            }
        }
        text
    }

    /// A condition in canonical form: single spaces, literals as written,
    /// parentheses where the meaning needs them and around every `and`
    /// group inside an `or`, so the grouping reads without rules of
    /// precedence.
    fn condition(&self, condition: &Condition) -> String {
        match condition {
            Condition::AnyOf(parts, _) => self.joined(parts, " or "),
            Condition::AllOf(parts, _) => self.joined(parts, " and "),
            Condition::Not(inner, _) => match inner.as_ref() {
                Condition::Compare(_) => format!("not {}", self.condition(inner)),
                _ => format!("not ({})", self.condition(inner)),
            },
            Condition::Compare(comparison) => format!(
                "{} {} {}",
                comparison.input.text,
                comparison.op.symbol(),
                self.operand(&comparison.value)
            ),
        }
    }

    fn joined(&self, parts: &[Condition], separator: &str) -> String {
        parts
            .iter()
            .map(|part| match part {
                Condition::AnyOf(..) | Condition::AllOf(..) => {
                    format!("({})", self.condition(part))
                }
                _ => self.condition(part),
            })
            .collect::<Vec<_>>()
            .join(separator)
    }
}

/// Whether `c` separates words in the grammar.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == BYTE_ORDER_MARK
}

/// The words of a literal (`5000   CNY` is `5000` and `CNY`); quoted text
/// is one word, kept as written.
fn words(text: &str) -> Vec<&str> {
    if text.starts_with('"') {
        return vec![text];
    }
    text.split(is_separator)
        .filter(|word| !word.is_empty())
        .collect()
}

/// The last word of `text`.
fn last_word(text: &str) -> &str {
    text.rsplit(is_separator)
        .find(|word| !word.is_empty())
        .unwrap_or_default()
}

/// A duration spelled out: `1 business day`, `12 months`.
fn duration(duration: &Duration) -> String {
    duration.to_string()
}

fn input_type(kind: &InputType) -> String {
    match kind {
        InputType::Money { currency } => format!("money {currency}"),
        InputType::Number => "number".to_string(),
        InputType::Text => "text".to_string(),
        InputType::YesNo => "yes/no".to_string(),
        InputType::Date => "date".to_string(),
        InputType::Choice(values) => format!(
            "one of {}",
            values
                .iter()
                .map(|value| value.text.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
