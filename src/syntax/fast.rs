//! The grammar of `grammar/flow.pest`, written out by hand for files
//! without errors.
//!
//! pest was two thirds of the instructions of a `flowc check` (every rule
//! call keeps a token, tries its alternatives through boxed states, checks
//! its call budget). This reader follows the same grammar rule by rule, in
//! the same order (ordered choice, greedy repetition, and pest's implicit
//! `WHITESPACE`/`COMMENT` skipped at every `~`, so every span ends where
//! pest's does), and builds the tree [`super::lower`] would build. It
//! gives up, returning `None`, at the first thing it does not accept, or
//! at a value the lowering would refuse (an impossible date, a number too
//! large): the caller then parses with pest, whose errors and recovery are
//! the only ones flowc reports. So it is only ever a faster way to the
//! same tree; the tests compare the two on every fixture, example and
//! generated file.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::MAX_NESTING;
use super::ast::*;
use super::lower::{MAX_DURATION_AMOUNT, unquote};
use crate::span::Span;

/// The tree of `text` when the grammar accepts it and every value in it is
/// valid; `None` otherwise. Parentheses nested deeper than
/// [`MAX_NESTING`] are given up too, so the recursion stays shallow and the
/// file goes to `check_limits`, which refuses it.
pub(super) fn parse(text: &str) -> Option<SourceTree> {
    let mut reader = Reader {
        text,
        pos: 0,
        comments: Vec::new(),
        refused: false,
        depth: 0,
    };
    let declarations = reader.file()?;
    if reader.refused {
        return None;
    }
    Some(SourceTree {
        declarations,
        comments: reader.comments,
    })
}

/// A block's name, label and items, and its span.
type Block<T> = ((Ident, Option<Label>, Vec<T>), Span);

/// A position in the text and what was read so far.
struct Reader<'t> {
    text: &'t str,
    pos: usize,
    /// Every comment skipped so far, in source order.
    comments: Vec<Comment>,
    /// A value the lowering would refuse was read, or parentheses nested
    /// too deep: the parse is given up.
    refused: bool,
    /// How many parentheses are open.
    depth: usize,
}

/// Whether `c` continues a name (`XID_CONTINUE`, as pest decides it).
fn continues_name(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        pest::unicode::XID_CONTINUE(c)
    }
}

/// Whether `c` starts a name (`XID_START` or `_`).
fn starts_name(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic() || c == '_'
    } else {
        pest::unicode::XID_START(c)
    }
}

/// Whether `c` is the grammar's `WHITESPACE`.
fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{FEFF}' || (!c.is_ascii() && pest::unicode::SPACE_SEPARATOR(c))
}

/// The digits of a number without its `_` separators.
fn digits(text: &str) -> String {
    text.chars().filter(|c| *c != '_').collect()
}

impl<'t> Reader<'t> {
    // ------------------------------------------------------------ basics

    fn rest(&self) -> &'t str {
        &self.text[self.pos..]
    }

    fn next_char(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn next_byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Runs `read`; when it fails, puts the position and the comments back.
    fn attempt<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let (pos, comments) = (self.pos, self.comments.len());
        let read = read(self);
        if read.is_none() {
            self.pos = pos;
            self.comments.truncate(comments);
        }
        read
    }

    /// Runs `read` as a rule: its result and its span.
    fn rule<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<(T, Span)> {
        let start = self.pos;
        let read = self.attempt(read)?;
        Some((read, Span::new(start, self.pos)))
    }

    /// `item*` inside a sequence: `(item ~ (skip ~ item)*)?`.
    fn many<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Vec<T> {
        let mut items = Vec::new();
        if let Some(first) = self.attempt(&mut item) {
            items.push(first);
            while let Some(next) = self.attempt(|reader| {
                reader.skip();
                item(reader)
            }) {
                items.push(next);
            }
        }
        items
    }

    /// `item+`.
    fn some<T>(&mut self, item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let items = self.many(item);
        (!items.is_empty()).then_some(items)
    }

    /// pest's implicit skip: whitespace and comments, each comment kept.
    fn skip(&mut self) {
        while let Some(byte) = self.next_byte() {
            if byte == b' ' || byte == b'\t' {
                self.pos += 1;
                continue;
            }
            if byte != b'#' && byte.is_ascii() {
                break;
            }
            let Some(c) = self.next_char() else { break };
            if is_blank(c) {
                self.pos += c.len_utf8();
            } else if c == '#' {
                let start = self.pos;
                let length = self.rest().find(['\n', '\r']).unwrap_or(self.rest().len());
                self.pos += length;
                self.comments.push(Comment {
                    text: self.text[start..self.pos].to_string(),
                    span: Span::new(start, self.pos),
                });
            } else {
                break;
            }
        }
    }

    /// The literal `word`.
    fn eat(&mut self, word: &str) -> bool {
        if self.rest().starts_with(word) {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    /// `!XID_CONTINUE`.
    fn at_word_end(&self) -> bool {
        !self.next_char().is_some_and(continues_name)
    }

    /// A keyword: `word` not followed by a letter of a name.
    fn keyword(&mut self, word: &str) -> Option<Span> {
        let start = self.pos;
        if self.eat(word) && self.at_word_end() {
            Some(Span::new(start, self.pos))
        } else {
            self.pos = start;
            None
        }
    }

    /// Punctuation.
    fn mark(&mut self, mark: &str) -> Option<()> {
        self.eat(mark).then_some(())
    }

    /// `NEWLINE`.
    fn line_end(&mut self) -> Option<()> {
        (self.eat("\n") || self.eat("\r\n") || self.eat("\r")).then_some(())
    }

    /// `line_end+`.
    fn line_ends(&mut self) -> Option<()> {
        self.some(Self::line_end).map(|_| ())
    }

    /// `ASCII_DIGIT`.
    fn digit(&mut self) -> bool {
        if self.next_byte().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// `ASCII_DIGIT ~ ("_"? ~ ASCII_DIGIT)*` (atomic).
    fn digit_run(&mut self) -> bool {
        if !self.digit() {
            return false;
        }
        loop {
            let before = self.pos;
            self.eat("_");
            if !self.digit() {
                self.pos = before;
                return true;
            }
        }
    }

    // ------------------------------------------------------------ file

    /// `file = { SOI ~ line_end* ~ (declaration ~ (line_end+ | &EOI))* ~ EOI }`
    fn file(&mut self) -> Option<Vec<Declaration>> {
        self.skip();
        self.many(Self::line_end);
        self.skip();
        let declarations = self.many(|reader| {
            let declaration = reader.declaration()?;
            reader.skip();
            if reader.line_ends().is_none() && reader.pos != reader.text.len() {
                return None;
            }
            Some(declaration)
        });
        self.skip();
        (self.pos == self.text.len()).then_some(declarations)
    }

    fn declaration(&mut self) -> Option<Declaration> {
        if let Some(department) = self.department() {
            return Some(Declaration::Department(department));
        }
        if let Some(role) = self.role() {
            return Some(Declaration::Role(role));
        }
        self.process().map(Declaration::Process)
    }

    fn department(&mut self) -> Option<Department> {
        let ((name, label), span) = self.rule(|reader| {
            reader.keyword("department")?;
            reader.skip();
            let name = reader.name()?;
            reader.skip();
            Some((name, reader.attempt(Self::label)))
        })?;
        Some(Department { name, label, span })
    }

    fn role(&mut self) -> Option<Role> {
        let ((name, label, department, superior), span) = self.rule(|reader| {
            reader.keyword("role")?;
            reader.skip();
            let name = reader.name()?;
            reader.skip();
            let label = reader.attempt(Self::label);
            reader.skip();
            let department = reader.rule(|reader| {
                reader.keyword("in")?;
                reader.skip();
                reader.name()
            });
            reader.skip();
            let superior = reader.rule(|reader| {
                reader.keyword("reports")?;
                reader.skip();
                reader.keyword("to")?;
                reader.skip();
                reader.name()
            });
            Some((
                name,
                label,
                department.map(|(name, _)| name),
                superior.map(|(name, _)| name),
            ))
        })?;
        Some(Role {
            name,
            label,
            department,
            superior,
            span,
        })
    }

    /// `KEYWORD ~ name ~ label? ~ block_start ~ line_end* ~ (ITEM ~
    /// line_end+)* ~ block_end`: a process, step, decision, parallel block
    /// or call.
    fn block<T>(
        &mut self,
        keyword: &str,
        mut item: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Block<T>> {
        self.rule(|reader| {
            reader.keyword(keyword)?;
            reader.skip();
            let name = reader.name()?;
            reader.skip();
            let label = reader.attempt(Self::label);
            reader.skip();
            reader.mark("{")?;
            reader.skip();
            reader.many(Self::line_end);
            reader.skip();
            let items = reader.many(|reader| {
                let item = item(reader)?;
                reader.skip();
                reader.line_ends()?;
                Some(item)
            });
            reader.skip();
            reader.mark("}")?;
            Some((name, label, items))
        })
    }

    fn process(&mut self) -> Option<Process> {
        let ((name, label, items), span) = self.block("process", Self::process_item)?;
        Some(Process {
            name,
            label,
            items,
            span,
        })
    }

    // ------------------------------------------------------------ process items

    fn process_item(&mut self) -> Option<ProcessItem> {
        match self.next_byte()? {
            b'c' => self
                .category()
                .or_else(|| self.call().map(ProcessItem::Call)),
            b'o' => self
                .keyword_name("owner")
                .map(|(name, span)| ProcessItem::Owner(name, span)),
            b'a' => self.applicant(),
            b'r' => self.review(),
            b'v' => self.version(),
            b's' => self
                .rule(|reader| {
                    reader.keyword("sla")?;
                    reader.skip();
                    reader.duration()
                })
                .map(|(duration, span)| ProcessItem::Sla(duration, span))
                .or_else(|| {
                    self.keyword_name("start")
                        .map(|(name, span)| ProcessItem::Start(name, span))
                })
                .or_else(|| self.step().map(ProcessItem::Step)),
            b'n' => self.note().map(ProcessItem::Note),
            b'i' => self.input(),
            b'd' => self.decision().map(ProcessItem::Decision),
            b'p' => self.parallel().map(ProcessItem::Parallel),
            b'e' => self.end_node().map(ProcessItem::End),
            b'k' => self.kpi().map(ProcessItem::Kpi),
            _ => None,
        }
    }

    /// `KEYWORD ~ name`: its name and span.
    fn keyword_name(&mut self, keyword: &str) -> Option<(Ident, Span)> {
        self.rule(|reader| {
            reader.keyword(keyword)?;
            reader.skip();
            reader.name()
        })
    }

    fn category(&mut self) -> Option<ProcessItem> {
        let (category, span) = self.rule(|reader| {
            reader.keyword("category")?;
            reader.skip();
            let category = [
                ("business", Category::Business),
                ("management", Category::Management),
                ("approval", Category::Approval),
            ]
            .into_iter()
            .find(|(word, _)| reader.rest().starts_with(word))?;
            reader.keyword(category.0)?;
            Some(category.1)
        })?;
        Some(ProcessItem::Category(category, span))
    }

    fn applicant(&mut self) -> Option<ProcessItem> {
        let (names, span) = self.rule(|reader| {
            reader.keyword("applicant")?;
            reader.skip();
            reader.names()
        })?;
        Some(ProcessItem::Applicant(names, span))
    }

    /// `name ~ (comma ~ name)*`.
    fn names(&mut self) -> Option<Vec<Ident>> {
        let first = self.name()?;
        self.skip();
        let mut names = vec![first];
        names.extend(self.many(|reader| {
            reader.mark(",")?;
            reader.skip();
            reader.name()
        }));
        Some(names)
    }

    /// `(comma ~ KEYWORD ~ date)?` after a skip.
    fn dated(&mut self, keyword: &str) -> Option<NaiveDate> {
        let date = self.attempt(|reader| {
            reader.mark(",")?;
            reader.skip();
            reader.keyword(keyword)?;
            reader.skip();
            reader.date_token()
        })?;
        self.valid_date(date)
    }

    fn review(&mut self) -> Option<ProcessItem> {
        let ((every, last), span) = self.rule(|reader| {
            reader.keyword("review")?;
            reader.skip();
            reader.keyword("every")?;
            reader.skip();
            let every = reader.duration()?;
            reader.skip();
            Some((every, reader.dated("last")))
        })?;
        Some(ProcessItem::Review(Review { every, last, span }))
    }

    fn version(&mut self) -> Option<ProcessItem> {
        let ((number, effective), span) = self.rule(|reader| {
            reader.keyword("version")?;
            reader.skip();
            let number = reader.whole_number()?;
            reader.skip();
            Some((number, reader.dated("effective")))
        })?;
        Some(ProcessItem::Version(Version {
            number,
            effective,
            span,
        }))
    }

    fn note(&mut self) -> Option<Note> {
        let (text, span) = self.rule(|reader| {
            reader.keyword("note")?;
            reader.skip();
            reader.label()
        })?;
        Some(Note { text, span })
    }

    fn input(&mut self) -> Option<ProcessItem> {
        let ((name, kind), span) = self.rule(|reader| {
            reader.keyword("input")?;
            reader.skip();
            let name = reader.name()?;
            reader.skip();
            reader.mark(":")?;
            reader.skip();
            Some((name, reader.input_type()?))
        })?;
        Some(ProcessItem::Input(Input { name, kind, span }))
    }

    fn input_type(&mut self) -> Option<InputType> {
        if let Some(currency) = self.attempt(|reader| {
            reader.keyword("money")?;
            reader.skip();
            reader.currency()
        }) {
            return Some(InputType::Money { currency });
        }
        for (word, kind) in [
            ("number", InputType::Number),
            ("text", InputType::Text),
            ("yes/no", InputType::YesNo),
            ("date", InputType::Date),
        ] {
            if self.keyword(word).is_some() {
                return Some(kind);
            }
        }
        self.attempt(|reader| {
            reader.keyword("one")?;
            reader.skip();
            reader.keyword("of")?;
            reader.skip();
            reader.names().map(InputType::Choice)
        })
    }

    fn step(&mut self) -> Option<Step> {
        let ((name, label, items), span) = self.block("step", Self::step_item)?;
        Some(Step {
            name,
            label,
            items,
            span,
        })
    }

    fn decision(&mut self) -> Option<Decision> {
        let ((name, label, branches), span) = self.block("decide", Self::decision_item)?;
        Some(Decision {
            name,
            label,
            branches,
            span,
        })
    }

    fn parallel(&mut self) -> Option<Parallel> {
        let ((name, label, items), span) = self.block("parallel", |reader| {
            if let Some((name, span)) = reader.keyword_name("branch") {
                return Some(ParallelItem::Branch(name, span));
            }
            let (name, span) = reader.keyword_name("next")?;
            Some(ParallelItem::Next(name, span))
        })?;
        Some(Parallel {
            name,
            label,
            items,
            span,
        })
    }

    fn call(&mut self) -> Option<Call> {
        let ((name, label, items), span) = self.block("call", Self::call_item)?;
        Some(Call {
            name,
            label,
            items,
            span,
        })
    }

    fn call_item(&mut self) -> Option<CallItem> {
        if let Some((name, span)) = self.keyword_name("process") {
            return Some(CallItem::Process(name, span));
        }
        if let Some(((input, value), span)) = self.rule(|reader| {
            reader.keyword("with")?;
            reader.skip();
            let input = reader.name()?;
            reader.skip();
            reader.mark("=")?;
            reader.skip();
            Some((input, reader.literal()?))
        }) {
            return Some(CallItem::With(Binding {
                input,
                value: Operand::Literal(value),
                span,
            }));
        }
        if let Some(note) = self.note() {
            return Some(CallItem::Note(note));
        }
        if let Some(outcome) = self.outcome() {
            return Some(CallItem::Outcome(outcome));
        }
        let (name, span) = self.keyword_name("next")?;
        Some(CallItem::Next(name, span))
    }

    fn end_node(&mut self) -> Option<End> {
        let ((name, label), span) = self.rule(|reader| {
            reader.keyword("end")?;
            reader.skip();
            let name = reader.name()?;
            reader.skip();
            Some((name, reader.attempt(Self::label)))
        })?;
        Some(End { name, label, span })
    }

    fn kpi(&mut self) -> Option<Kpi> {
        let ((name, label, statistic, bound, target), span) = self.rule(|reader| {
            reader.keyword("kpi")?;
            reader.skip();
            let name = reader.name()?;
            reader.skip();
            let label = reader.attempt(Self::label);
            reader.skip();
            let statistic = [
                ("p50", Statistic::P50),
                ("p90", Statistic::P90),
                ("p95", Statistic::P95),
                ("avg", Statistic::Avg),
                ("max", Statistic::Max),
            ]
            .into_iter()
            .find(|(word, _)| reader.rest().starts_with(word))
            .and_then(|(word, statistic)| reader.keyword(word).map(|_| statistic));
            reader.skip();
            let bound = reader.kpi_bound()?;
            reader.skip();
            let target = reader.kpi_target()?;
            Some((name, label, statistic, bound, target))
        })?;
        Some(Kpi {
            name,
            label,
            statistic,
            bound,
            target,
            span,
        })
    }

    fn kpi_bound(&mut self) -> Option<KpiBound> {
        if self.keyword("under").is_some() {
            return Some(KpiBound::Under);
        }
        if self.keyword("over").is_some() {
            return Some(KpiBound::Over);
        }
        self.attempt(|reader| {
            reader.keyword("at")?;
            reader.skip();
            if reader.keyword("most").is_some() {
                return Some(KpiBound::AtMost);
            }
            reader.keyword("least").map(|_| KpiBound::AtLeast)
        })
    }

    fn kpi_target(&mut self) -> Option<KpiTarget> {
        if let Some(duration) = self.duration() {
            return Some(KpiTarget::Duration(duration));
        }
        if let Some(text) = self.attempt(|reader| {
            let start = reader.pos;
            let mut any = false;
            while reader.digit() {
                any = true;
            }
            if !any {
                return None;
            }
            reader.fraction();
            reader.mark("%")?;
            Some(&reader.text[start..reader.pos])
        }) {
            return match Decimal::from_str_exact(text.trim_end_matches('%')) {
                Ok(value) => Some(KpiTarget::Percentage(value)),
                Err(_) => self.refuse(KpiTarget::Percentage(Decimal::ZERO)),
            };
        }
        self.decimal().map(KpiTarget::Number)
    }

    // ------------------------------------------------------------ step items

    fn step_item(&mut self) -> Option<StepItem> {
        match self.next_byte()? {
            b'o' => self.step_owner().map(StepItem::Owner).or_else(|| self.on()),
            b'w' => self
                .keyword_duration(&["within"])
                .map(|(duration, span)| StepItem::Within(duration, span)),
            b'a' => self
                .keyword_duration(&["at", "least"])
                .map(|(duration, span)| StepItem::AtLeast(duration, span)),
            b'r' => self
                .keyword_duration(&["remind", "after"])
                .map(|(duration, span)| StepItem::Remind(duration, span))
                .or_else(|| self.record().map(StepItem::Record)),
            b'e' => self.escalate().map(StepItem::Escalate),
            b'n' => self
                .notify()
                .map(StepItem::Notify)
                .or_else(|| self.note().map(StepItem::Note))
                .or_else(|| {
                    self.keyword_name("next")
                        .map(|(name, span)| StepItem::Next(name, span))
                }),
            b'c' => self
                .rule(|reader| {
                    reader.keyword("consult")?;
                    reader.skip();
                    reader.party()
                })
                .map(|(party, span)| StepItem::Consult(party, span)),
            b'k' => self.kpi().map(StepItem::Kpi),
            _ => None,
        }
    }

    /// `on timeout after DURATION -> TARGET`, else `on OUTCOME -> TARGET`.
    fn on(&mut self) -> Option<StepItem> {
        if let Some(((after, target), span)) = self.rule(|reader| {
            reader.keyword("on")?;
            reader.skip();
            reader.keyword("timeout")?;
            reader.skip();
            reader.keyword("after")?;
            reader.skip();
            let after = reader.duration()?;
            reader.skip();
            reader.mark("->")?;
            reader.skip();
            Some((after, reader.name()?))
        }) {
            return Some(StepItem::Timeout(Timeout {
                after,
                target,
                span,
            }));
        }
        self.outcome().map(StepItem::Outcome)
    }

    fn outcome(&mut self) -> Option<Outcome> {
        let ((name, target), span) = self.rule(|reader| {
            reader.keyword("on")?;
            reader.skip();
            let name = reader.name()?;
            reader.skip();
            reader.mark("->")?;
            reader.skip();
            Some((name, reader.name()?))
        })?;
        Some(Outcome { name, target, span })
    }

    /// Keywords then a duration (`within`, `at least`, `remind after`).
    fn keyword_duration(&mut self, keywords: &[&str]) -> Option<(Duration, Span)> {
        self.rule(|reader| {
            for keyword in keywords {
                reader.keyword(keyword)?;
                reader.skip();
            }
            reader.duration()
        })
    }

    fn step_owner(&mut self) -> Option<Owners> {
        let ((signing, parties), span) = self.rule(|reader| {
            reader.keyword("owner")?;
            reader.skip();
            for (keyword, signing) in [("any", Signing::AnyOf), ("all", Signing::AllOf)] {
                if let Some(parties) = reader.attempt(|reader| {
                    reader.rule(|reader| {
                        reader.keyword(keyword)?;
                        reader.skip();
                        reader.keyword("of")?;
                        reader.skip();
                        reader.parties()
                    })
                }) {
                    return Some((signing, parties.0));
                }
            }
            if let Some(((count, parties), _)) = reader.rule(|reader| {
                let count = reader.whole_number()?;
                reader.skip();
                reader.keyword("of")?;
                reader.skip();
                Some((count, reader.parties()?))
            }) {
                return Some((Signing::Quorum(count), parties));
            }
            Some((Signing::One, vec![reader.party()?]))
        })?;
        Some(Owners {
            signing,
            parties,
            span,
        })
    }

    /// `party ~ (comma ~ party)*`.
    fn parties(&mut self) -> Option<Vec<Party>> {
        let first = self.party()?;
        self.skip();
        let mut parties = vec![first];
        parties.extend(self.many(|reader| {
            reader.mark(",")?;
            reader.skip();
            reader.party()
        }));
        Some(parties)
    }

    /// `party = { manager_of* ~ (kw_applicant | name) }`
    fn party(&mut self) -> Option<Party> {
        let ((managers, base), span) = self.rule(|reader| {
            let managers = reader
                .many(|reader| {
                    reader.keyword("manager")?;
                    reader.skip();
                    reader.keyword("of")
                })
                .len();
            reader.skip();
            let base = match reader.keyword("applicant") {
                Some(span) => PartyBase::Applicant(span),
                None => PartyBase::Name(reader.name()?),
            };
            Some((managers, base))
        })?;
        Some(Party {
            managers,
            base,
            span,
        })
    }

    fn escalate(&mut self) -> Option<Escalation> {
        let ((after, to), span) = self.rule(|reader| {
            reader.keyword("escalate")?;
            reader.skip();
            reader.keyword("after")?;
            reader.skip();
            let after = reader.duration()?;
            reader.skip();
            reader.keyword("to")?;
            reader.skip();
            Some((after, reader.party()?))
        })?;
        Some(Escalation { after, to, span })
    }

    fn notify(&mut self) -> Option<Notify> {
        let ((who, moment), span) = self.rule(|reader| {
            reader.keyword("notify")?;
            reader.skip();
            let who = reader.party()?;
            reader.skip();
            let moment = reader.attempt(|reader| {
                reader.keyword("when")?;
                reader.skip();
                let moment = NotifyMoment::ALL
                    .into_iter()
                    .find(|moment| reader.rest().starts_with(moment.keyword()))?;
                reader.keyword(moment.keyword()).map(|_| moment)
            });
            Some((who, moment))
        })?;
        Some(Notify {
            who,
            when: moment.unwrap_or(NotifyMoment::Done),
            when_written: moment.is_some(),
            span,
        })
    }

    fn record(&mut self) -> Option<Record> {
        let ((name, label, kind), span) = self.rule(|reader| {
            reader.keyword("record")?;
            reader.skip();
            let name = reader.name()?;
            reader.skip();
            let label = reader.attempt(Self::label);
            reader.skip();
            reader.mark(":")?;
            reader.skip();
            Some((name, label, reader.input_type()?))
        })?;
        Some(Record {
            name,
            label,
            kind,
            span,
        })
    }

    // ------------------------------------------------------------ decisions

    fn decision_item(&mut self) -> Option<DecisionBranch> {
        if let Some(((condition, target), span)) = self.rule(|reader| {
            reader.keyword("when")?;
            reader.skip();
            let condition = reader.any_of()?;
            reader.skip();
            reader.mark("->")?;
            reader.skip();
            Some((condition, reader.name()?))
        }) {
            return Some(DecisionBranch::When {
                condition,
                target,
                span,
            });
        }
        let (target, span) = self.rule(|reader| {
            reader.keyword("otherwise")?;
            reader.skip();
            reader.mark("->")?;
            reader.skip();
            reader.name()
        })?;
        Some(DecisionBranch::Otherwise { target, span })
    }

    /// `any_of = { all_of ~ (kw_or ~ all_of)* }`
    fn any_of(&mut self) -> Option<Condition> {
        let (mut parts, span) = self.joined("or", Self::all_of)?;
        Some(if parts.len() == 1 {
            parts.pop()?
        } else {
            Condition::AnyOf(parts, span)
        })
    }

    /// `all_of = { negation ~ (kw_and ~ negation)* }`
    fn all_of(&mut self) -> Option<Condition> {
        let (mut parts, span) = self.joined("and", Self::negation)?;
        Some(if parts.len() == 1 {
            parts.pop()?
        } else {
            Condition::AllOf(parts, span)
        })
    }

    /// `part ~ (KEYWORD ~ part)*`.
    fn joined(
        &mut self,
        keyword: &str,
        mut part: impl FnMut(&mut Self) -> Option<Condition>,
    ) -> Option<(Vec<Condition>, Span)> {
        self.rule(|reader| {
            let first = part(reader)?;
            reader.skip();
            let mut parts = vec![first];
            parts.extend(reader.many(|reader| {
                reader.keyword(keyword)?;
                reader.skip();
                part(reader)
            }));
            Some(parts)
        })
    }

    /// `negation = { kw_not* ~ (group | comparison) }`
    fn negation(&mut self) -> Option<Condition> {
        let ((negations, inner), span) = self.rule(|reader| {
            let negations = reader.many(|reader| reader.keyword("not")).len();
            reader.skip();
            let group = reader.attempt(Self::group);
            let inner = match group {
                Some(inner) => inner,
                None => Condition::Compare(reader.comparison()?),
            };
            Some((negations, inner))
        })?;
        Some(if negations % 2 == 1 {
            Condition::Not(Box::new(inner), span)
        } else {
            inner
        })
    }

    /// `group = { paren_open ~ any_of ~ paren_close }`
    fn group(&mut self) -> Option<Condition> {
        self.mark("(")?;
        if self.depth == MAX_NESTING {
            self.refused = true;
            return None;
        }
        self.depth += 1;
        self.skip();
        let inner = self.any_of();
        self.depth -= 1;
        let inner = inner?;
        self.skip();
        self.mark(")")?;
        Some(inner)
    }

    fn comparison(&mut self) -> Option<Comparison> {
        let ((input, op, value), span) = self.rule(|reader| {
            let input = reader.name()?;
            reader.skip();
            let op = [
                ("<=", Comparator::AtMost),
                (">=", Comparator::AtLeast),
                ("==", Comparator::Equal),
                ("!=", Comparator::NotEqual),
                ("<", Comparator::Less),
                (">", Comparator::Greater),
            ]
            .into_iter()
            .find(|(symbol, _)| reader.eat(symbol))?
            .1;
            reader.skip();
            Some((input, op, reader.literal()?))
        })?;
        Some(Comparison {
            input,
            op,
            value: Operand::Literal(value),
            span,
        })
    }

    /// `literal = _{ money | date | decimal | text | name }`
    fn literal(&mut self) -> Option<Literal> {
        if let Some(((amount, currency), span)) = self.rule(|reader| {
            let amount = reader.decimal()?;
            reader.skip();
            Some((amount, reader.currency()?))
        }) {
            return Some(Literal {
                value: Value::Money { amount, currency },
                span,
            });
        }
        if let Some((date, span)) = self.rule(Self::date_token) {
            let value = match self.valid_date(date) {
                Some(date) => Value::Date(date),
                None => Value::Name(String::new()),
            };
            return Some(Literal { value, span });
        }
        if let Some((number, span)) = self.rule(Self::decimal) {
            return Some(Literal {
                value: Value::Number(number),
                span,
            });
        }
        if let Some((quoted, span)) = self.rule(Self::quoted) {
            return Some(Literal {
                value: Value::Text(unquote(quoted)),
                span,
            });
        }
        let name = self.name()?;
        Some(Literal {
            value: Value::Name(name.text),
            span: name.span,
        })
    }

    // ------------------------------------------------------------ tokens

    /// `name = @{ (XID_START | "_") ~ XID_CONTINUE* }`
    fn name(&mut self) -> Option<Ident> {
        let start = self.pos;
        let first = self.next_char().filter(|c| starts_name(*c))?;
        self.pos += first.len_utf8();
        let length = self
            .rest()
            .find(|c: char| !continues_name(c))
            .unwrap_or(self.rest().len());
        self.pos += length;
        Some(Ident {
            text: self.text[start..self.pos].to_string(),
            span: Span::new(start, self.pos),
        })
    }

    /// A quoted label or text: its text with the quotes.
    fn quoted(&mut self) -> Option<&'t str> {
        let start = self.pos;
        self.mark("\"")?;
        loop {
            if self.eat("\\\"") || self.eat("\\\\") {
                continue;
            }
            match self.next_char()? {
                '"' => break,
                '\n' | '\r' => return None,
                c => self.pos += c.len_utf8(),
            }
        }
        self.pos += 1;
        Some(&self.text[start..self.pos])
    }

    fn label(&mut self) -> Option<Label> {
        let start = self.pos;
        let quoted = self.quoted()?;
        Some(Label {
            text: unquote(quoted),
            span: Span::new(start, self.pos),
        })
    }

    /// `duration = { integer ~ duration_unit }`
    fn duration(&mut self) -> Option<Duration> {
        let ((amount, unit), span) = self.rule(|reader| {
            let digits_start = reader.pos;
            reader.integer()?;
            let amount = &reader.text[digits_start..reader.pos];
            reader.skip();
            Some((amount, reader.duration_unit()?))
        })?;
        let amount = match digits(amount).parse::<u64>() {
            Ok(amount) if amount <= MAX_DURATION_AMOUNT => amount,
            _ => self.refuse(0)?,
        };
        Some(Duration { amount, unit, span })
    }

    fn duration_unit(&mut self) -> Option<TimeUnit> {
        self.attempt(|reader| {
            let unit = if reader.eat("business") {
                let before = reader.pos;
                while reader
                    .next_char()
                    .is_some_and(|c| c != '\u{FEFF}' && is_blank(c))
                {
                    reader.pos += reader.next_char()?.len_utf8();
                }
                if reader.pos == before || !(reader.eat("days") || reader.eat("day")) {
                    return None;
                }
                TimeUnit::BusinessDay
            } else {
                [
                    ("minutes", TimeUnit::Minute),
                    ("minute", TimeUnit::Minute),
                    ("hours", TimeUnit::Hour),
                    ("hour", TimeUnit::Hour),
                    ("days", TimeUnit::Day),
                    ("day", TimeUnit::Day),
                    ("weeks", TimeUnit::Week),
                    ("week", TimeUnit::Week),
                    ("months", TimeUnit::Month),
                    ("month", TimeUnit::Month),
                    ("years", TimeUnit::Year),
                    ("year", TimeUnit::Year),
                ]
                .into_iter()
                .find(|(word, _)| reader.eat(word))?
                .1
            };
            reader.at_word_end().then_some(unit)
        })
    }

    /// `integer = @{ ASCII_DIGIT ~ ("_"? ~ ASCII_DIGIT)* ~ !XID_CONTINUE }`
    fn integer(&mut self) -> Option<()> {
        self.attempt(|reader| (reader.digit_run() && reader.at_word_end()).then_some(()))
    }

    /// A whole number of 32 bits (`version`, a quorum).
    fn whole_number(&mut self) -> Option<u32> {
        let start = self.pos;
        self.integer()?;
        match digits(&self.text[start..self.pos]).parse::<u32>() {
            Ok(number) => Some(number),
            Err(_) => self.refuse(0),
        }
    }

    /// `("." ~ ASCII_DIGIT+)?`
    fn fraction(&mut self) {
        let before = self.pos;
        if self.eat(".") && !self.digit() {
            self.pos = before;
        }
        while self.pos > before && self.digit() {}
    }

    /// `decimal = @{ "-"? ~ ASCII_DIGIT ~ ("_"? ~ ASCII_DIGIT)* ~ ("." ~
    /// ASCII_DIGIT+)? ~ !XID_CONTINUE }`
    fn decimal(&mut self) -> Option<Decimal> {
        let start = self.pos;
        self.attempt(|reader| {
            reader.eat("-");
            if !reader.digit_run() {
                return None;
            }
            reader.fraction();
            reader.at_word_end().then_some(())
        })?;
        match Decimal::from_str_exact(&digits(&self.text[start..self.pos])) {
            Ok(number) => Some(number),
            Err(_) => self.refuse(Decimal::ZERO),
        }
    }

    /// `date = @{ ASCII_DIGIT{4} ~ "-" ~ ASCII_DIGIT{2} ~ "-" ~
    /// ASCII_DIGIT{2} ~ !XID_CONTINUE }`: its text.
    fn date_token(&mut self) -> Option<&'t str> {
        let start = self.pos;
        self.attempt(|reader| {
            let shape = b"dddd-dd-dd";
            for expected in shape {
                let matched = match expected {
                    b'd' => reader.digit(),
                    _ => reader.eat("-"),
                };
                if !matched {
                    return None;
                }
            }
            reader.at_word_end().then_some(())
        })?;
        Some(&self.text[start..self.pos])
    }

    /// The date `text` names, or the parse refused.
    fn valid_date(&mut self, text: &str) -> Option<NaiveDate> {
        match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) => self.refuse(None)?,
        }
    }

    /// `currency = @{ ASCII_ALPHA_UPPER{3} ~ !XID_CONTINUE }`
    fn currency(&mut self) -> Option<String> {
        let code = self.rest().get(..3)?;
        if !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        self.pos += 3;
        if !self.at_word_end() {
            self.pos -= 3;
            return None;
        }
        Some(code.to_string())
    }

    /// Notes that the lowering would refuse a value, and goes on with
    /// `placeholder` (the parse is given up at the end).
    fn refuse<T>(&mut self, placeholder: T) -> Option<T> {
        self.refused = true;
        Some(placeholder)
    }
}
