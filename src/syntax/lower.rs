//! Lowering: pest pairs to the typed AST, one function per grammar rule
//! (named after it). Structure the grammar guarantees is taken with
//! `expect`, naming the guarantee; values the grammar cannot judge (dates,
//! number sizes) become [`SyntaxError`]s.

use chrono::NaiveDate;
use pest::iterators::{Pair, Pairs};
use rust_decimal::Decimal;

use super::SyntaxError;
use super::ast::*;
use super::{Rule, is_keyword};
use crate::i18n::Text;
use crate::span::Span;

/// Lowers the pairs of a whole file.
pub(super) fn lower_file(pairs: Pairs<'_, Rule>) -> Result<SourceTree, Vec<SyntaxError>> {
    let mut lowering = Lowering::at(0);
    let comments = lowering.comments(&pairs);
    let declarations = lowering.file(pairs);
    lowering.finish(SourceTree {
        declarations,
        comments,
    })
}

/// Lowers the pair of a condition written alone (`amount > 5000 CNY`).
pub(super) fn lower_condition(pair: Pair<'_, Rule>) -> Result<Condition, Vec<SyntaxError>> {
    let mut lowering = Lowering::at(0);
    let condition = lowering.condition(pair);
    lowering.finish(condition)
}

/// Whether a rule carries no content: keywords, punctuation, line ends and
/// comments.
fn is_noise(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::COMMENT
            | Rule::line_end
            | Rule::block_start
            | Rule::block_end
            | Rule::arrow
            | Rule::comma
            | Rule::colon
            | Rule::equals
            | Rule::paren_open
            | Rule::paren_close
    ) || is_keyword(rule)
}

/// The children of a pair that carry content.
fn content(pair: Pair<'_, Rule>) -> impl Iterator<Item = Pair<'_, Rule>> + Clone {
    pair.into_inner().filter(|child| !is_noise(child.as_rule()))
}

/// Each of `pairs` lowered with `lower`, in a vector of exactly their
/// number. Collecting a filtered iterator starts at four places and doubles,
/// so a step of five lines held eight; the tree of a large file is held
/// beside its model, and that slack was a quarter of `check`'s peak memory
/// at 20,000 steps (docs/performance.md, issue 21).
fn lower_each<'i, T>(
    pairs: impl Iterator<Item = Pair<'i, Rule>> + Clone,
    lower: impl FnMut(Pair<'i, Rule>) -> T,
) -> Vec<T> {
    let mut lowered = Vec::with_capacity(pairs.clone().count());
    lowered.extend(pairs.map(lower));
    lowered
}

/// The next child, which the grammar guarantees.
fn take<'i>(children: &mut impl Iterator<Item = Pair<'i, Rule>>, what: &str) -> Pair<'i, Rule> {
    children
        .next()
        .unwrap_or_else(|| panic!("grammar guarantees {what}"))
}

/// The one pair a parse of `rule` yields.
fn only<'i>(pairs: Pairs<'i, Rule>, rule: &str) -> Pair<'i, Rule> {
    pairs
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("grammar: a parse yields {rule}"))
}

/// Takes the next child if it is of `rule`.
fn take_if<'i>(
    children: &mut std::iter::Peekable<impl Iterator<Item = Pair<'i, Rule>>>,
    rule: Rule,
) -> Option<Pair<'i, Rule>> {
    children.next_if(|pair| pair.as_rule() == rule)
}

/// Lowers pairs to the AST and collects the errors found on the way.
///
/// `offset` is where the parsed text starts in its file: a large file is
/// parsed and lowered piece by piece (see `pieces`), and every span is
/// shifted by it.
pub(super) struct Lowering {
    errors: Vec<SyntaxError>,
    offset: usize,
}

impl Lowering {
    /// A lowering of text that starts at byte `offset` of its file.
    pub(super) fn at(offset: usize) -> Self {
        Lowering {
            errors: Vec::new(),
            offset,
        }
    }

    /// `value`, or the errors found while lowering it.
    pub(super) fn finish<T>(self, value: T) -> Result<T, Vec<SyntaxError>> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self.errors)
        }
    }

    /// Every comment in the pairs, in source order.
    pub(super) fn comments(&self, pairs: &Pairs<'_, Rule>) -> Vec<Comment> {
        // A comment starts with `#`: without one there is nothing to find,
        // and no need to walk every token.
        if memchr::memchr(b'#', pairs.get_input().as_bytes()).is_none() {
            return Vec::new();
        }
        pairs
            .clone()
            .flatten()
            .filter(|pair| pair.as_rule() == Rule::COMMENT)
            .map(|pair| Comment {
                text: pair.as_str().to_string(),
                span: self.span_of(&pair),
            })
            .collect()
    }

    /// The declarations of a parse of `file`.
    pub(super) fn file(&mut self, pairs: Pairs<'_, Rule>) -> Vec<Declaration> {
        let file = only(pairs, "`file`");
        content(file)
            .filter(|pair| pair.as_rule() != Rule::EOI)
            .map(|pair| self.declaration(pair))
            .collect()
    }

    /// A process without items from a parse of `process_opening`; its span
    /// runs to the `{`.
    pub(super) fn process_opening(&mut self, pairs: Pairs<'_, Rule>) -> Process {
        let opening = only(pairs, "`process_opening`");
        let mut words = opening.clone().into_inner();
        let keyword = words
            .find(|pair| pair.as_rule() == Rule::kw_process)
            .expect("grammar: a process starts with `process`");
        let brace = words
            .find(|pair| pair.as_rule() == Rule::block_start)
            .expect("grammar: a process opens with `{`");
        let mut children = content(opening)
            .filter(|pair| pair.as_rule() != Rule::EOI)
            .peekable();
        let name = self.name(take(&mut children, "a process name"));
        let label = take_if(&mut children, Rule::label).map(|pair| self.label(pair));
        Process {
            name,
            label,
            items: Vec::new(),
            span: Span::new(
                self.offset + keyword.as_span().start(),
                self.offset + brace.as_span().end(),
            ),
        }
    }

    /// The items of a parse of `process_items`.
    pub(super) fn process_items(&mut self, pairs: Pairs<'_, Rule>) -> Vec<ProcessItem> {
        let items =
            content(only(pairs, "`process_items`")).filter(|pair| pair.as_rule() != Rule::EOI);
        lower_each(items, |item| self.process_item(item))
    }

    /// Where the `}` of a parse of `process_closing` ends in the file.
    pub(super) fn process_closing(&self, pairs: Pairs<'_, Rule>) -> usize {
        let closing = only(pairs, "`process_closing`");
        let brace = closing
            .into_inner()
            .find(|pair| pair.as_rule() == Rule::block_end)
            .expect("grammar: a process closes with `}`");
        self.offset + brace.as_span().end()
    }

    /// The span of a pair in its file.
    fn span_of(&self, pair: &Pair<'_, Rule>) -> Span {
        let span = pair.as_span();
        Span::new(self.offset + span.start(), self.offset + span.end())
    }

    fn declaration(&mut self, pair: Pair<'_, Rule>) -> Declaration {
        match pair.as_rule() {
            Rule::department => Declaration::Department(self.department(pair)),
            Rule::role => Declaration::Role(self.role(pair)),
            Rule::process => Declaration::Process(self.process(pair)),
            other => unreachable!("grammar: {other:?} is not a declaration"),
        }
    }

    fn process(&mut self, pair: Pair<'_, Rule>) -> Process {
        let span = self.span_of(&pair);
        let mut children = content(pair).peekable();
        let name = self.name(take(&mut children, "a process name"));
        let label = take_if(&mut children, Rule::label).map(|pair| self.label(pair));
        let items = lower_each(children, |item| self.process_item(item));
        Process {
            name,
            label,
            items,
            span,
        }
    }

    fn process_item(&mut self, pair: Pair<'_, Rule>) -> ProcessItem {
        let span = self.span_of(&pair);
        match pair.as_rule() {
            Rule::category => ProcessItem::Category(category(pair), span),
            Rule::owner => ProcessItem::Owner(self.single_name(pair), span),
            Rule::applicant => ProcessItem::Applicant(self.names(pair), span),
            Rule::review => ProcessItem::Review(self.review(pair)),
            Rule::version => ProcessItem::Version(self.version(pair)),
            Rule::sla => ProcessItem::Sla(self.single_duration(pair), span),
            Rule::note => ProcessItem::Note(self.note(pair)),
            Rule::input => ProcessItem::Input(self.input(pair)),
            Rule::start => ProcessItem::Start(self.single_name(pair), span),
            Rule::step => ProcessItem::Step(self.step(pair)),
            Rule::decision => ProcessItem::Decision(self.decision(pair)),
            Rule::parallel => ProcessItem::Parallel(self.parallel(pair)),
            Rule::call => ProcessItem::Call(self.call(pair)),
            Rule::end_node => ProcessItem::End(self.end_node(pair)),
            Rule::kpi => ProcessItem::Kpi(self.kpi(pair)),
            other => unreachable!("grammar: {other:?} is not a process item"),
        }
    }

    fn review(&mut self, pair: Pair<'_, Rule>) -> Review {
        let span = self.span_of(&pair);
        let mut children = content(pair);
        let every = self.duration(take(&mut children, "a review cycle"));
        let last = children.next().and_then(|date| self.date(date));
        Review { every, last, span }
    }

    fn version(&mut self, pair: Pair<'_, Rule>) -> Version {
        let span = self.span_of(&pair);
        let mut children = content(pair);
        let number_pair = take(&mut children, "a version number");
        let problem = crate::text!("syntax-version-too-large", version = number_pair.as_str());
        let number = self.whole_number(
            number_pair,
            problem,
            crate::text!("syntax-version-too-large-help"),
        );
        let effective = children.next().and_then(|date| self.date(date));
        Version {
            number,
            effective,
            span,
        }
    }

    fn note(&self, pair: Pair<'_, Rule>) -> Note {
        let span = self.span_of(&pair);
        let mut children = content(pair);
        let text = self.label(take(&mut children, "a note's text"));
        Note { text, span }
    }

    fn single_duration(&mut self, pair: Pair<'_, Rule>) -> Duration {
        let mut children = content(pair);
        self.duration(take(&mut children, "a duration"))
    }

    fn step(&mut self, pair: Pair<'_, Rule>) -> Step {
        let span = self.span_of(&pair);
        let mut children = content(pair).peekable();
        let name = self.name(take(&mut children, "a step name"));
        let label = take_if(&mut children, Rule::label).map(|pair| self.label(pair));
        let items = lower_each(children, |item| self.step_item(item));
        Step {
            name,
            label,
            items,
            span,
        }
    }

    fn step_item(&mut self, pair: Pair<'_, Rule>) -> StepItem {
        let span = self.span_of(&pair);
        match pair.as_rule() {
            Rule::step_owner => StepItem::Owner(self.owners(pair)),
            Rule::within => StepItem::Within(self.single_duration(pair), span),
            Rule::minimum => StepItem::AtLeast(self.single_duration(pair), span),
            Rule::remind => StepItem::Remind(self.single_duration(pair), span),
            Rule::escalate => StepItem::Escalate(self.escalate(pair)),
            Rule::notify => StepItem::Notify(self.notify(pair)),
            Rule::consult => {
                let mut children = content(pair);
                StepItem::Consult(self.party(take(&mut children, "whom to consult")), span)
            }
            Rule::note => StepItem::Note(self.note(pair)),
            Rule::record => StepItem::Record(self.record(pair)),
            Rule::timeout => StepItem::Timeout(self.timeout(pair)),
            Rule::outcome => StepItem::Outcome(self.outcome(pair)),
            Rule::kpi => StepItem::Kpi(self.kpi(pair)),
            Rule::next => StepItem::Next(self.single_name(pair), span),
            other => unreachable!("grammar: {other:?} is not a step item"),
        }
    }

    fn record(&self, pair: Pair<'_, Rule>) -> Record {
        let span = self.span_of(&pair);
        let mut children = content(pair).peekable();
        let name = self.name(take(&mut children, "a recorded value's name"));
        let label = take_if(&mut children, Rule::label).map(|pair| self.label(pair));
        let kind = self.input_type(take(&mut children, "a recorded value's type"));
        Record {
            name,
            label,
            kind,
            span,
        }
    }

    fn timeout(&mut self, pair: Pair<'_, Rule>) -> Timeout {
        let span = self.span_of(&pair);
        let mut children = content(pair);
        let after = self.duration(take(&mut children, "a timeout"));
        let target = self.name(take(&mut children, "a timeout target"));
        Timeout {
            after,
            target,
            span,
        }
    }

    fn call(&mut self, pair: Pair<'_, Rule>) -> Call {
        let span = self.span_of(&pair);
        let mut children = content(pair).peekable();
        let name = self.name(take(&mut children, "a call name"));
        let label = take_if(&mut children, Rule::label).map(|pair| self.label(pair));
        let items = lower_each(children, |item| self.call_item(item));
        Call {
            name,
            label,
            items,
            span,
        }
    }

    fn call_item(&mut self, pair: Pair<'_, Rule>) -> CallItem {
        let span = self.span_of(&pair);
        match pair.as_rule() {
            Rule::called_process => CallItem::Process(self.single_name(pair), span),
            Rule::binding => {
                let mut children = content(pair);
                let input = self.name(take(&mut children, "an input of the called process"));
                let value = self.literal(take(&mut children, "the value given"));
                CallItem::With(Binding {
                    input,
                    value: Operand::Literal(value),
                    span,
                })
            }
            Rule::note => CallItem::Note(self.note(pair)),
            Rule::outcome => CallItem::Outcome(self.outcome(pair)),
            Rule::next => CallItem::Next(self.single_name(pair), span),
            other => unreachable!("grammar: {other:?} is not a call item"),
        }
    }

    fn escalate(&mut self, pair: Pair<'_, Rule>) -> Escalation {
        let span = self.span_of(&pair);
        let mut children = content(pair);
        let after = self.duration(take(&mut children, "an escalation delay"));
        let to = self.party(take(&mut children, "an escalation target"));
        Escalation { after, to, span }
    }

    /// A step's `owner` line.
    fn owners(&mut self, pair: Pair<'_, Rule>) -> Owners {
        let span = self.span_of(&pair);
        let mut children = content(pair);
        let spec = take(&mut children, "an owner");
        let signing = match spec.as_rule() {
            Rule::party => {
                let parties = vec![self.party(spec)];
                return Owners {
                    signing: Signing::One,
                    parties,
                    span,
                };
            }
            Rule::owners_any => Signing::AnyOf,
            Rule::owners_all => Signing::AllOf,
            Rule::owners_quorum => Signing::Quorum(0),
            other => unreachable!("grammar: {other:?} is not an owner"),
        };
        let mut parts = content(spec).peekable();
        let signing = match take_if(&mut parts, Rule::integer) {
            Some(count) => Signing::Quorum(self.quorum_count(count)),
            None => signing,
        };
        let parties = lower_each(
            parts.filter(|part| part.as_rule() == Rule::party),
            |party| self.party(party),
        );
        Owners {
            signing,
            parties,
            span,
        }
    }

    /// The `N` of `owner N of ...`.
    fn quorum_count(&mut self, pair: Pair<'_, Rule>) -> u32 {
        let problem = crate::text!("syntax-quorum-too-large", quorum = pair.as_str());
        self.whole_number(pair, problem, crate::text!("syntax-quorum-too-large-help"))
    }

    /// A whole number that must fit 32 bits, or `problem` (with `help`)
    /// recorded and 0.
    fn whole_number(&mut self, pair: Pair<'_, Rule>, problem: Text, help: Text) -> u32 {
        let digits: String = pair.as_str().chars().filter(|c| *c != '_').collect();
        digits.parse::<u32>().unwrap_or_else(|_| {
            self.errors
                .push(SyntaxError::new(self.span_of(&pair), problem, help));
            0
        })
    }

    /// Someone in a case: `[manager of]* (applicant | NAME)`.
    fn party(&mut self, pair: Pair<'_, Rule>) -> Party {
        let span = self.span_of(&pair);
        let mut managers = 0;
        let mut base = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::manager_of => managers += 1,
                Rule::kw_applicant => base = Some(PartyBase::Applicant(self.span_of(&part))),
                Rule::name => base = Some(PartyBase::Name(self.name(part))),
                _ => {}
            }
        }
        Party {
            managers,
            base: base.expect("grammar: a party ends with `applicant` or a name"),
            span,
        }
    }

    /// `notify WHO [when MOMENT]`.
    fn notify(&mut self, pair: Pair<'_, Rule>) -> Notify {
        let span = self.span_of(&pair);
        let mut children = content(pair);
        let who = self.party(take(&mut children, "whom to notify"));
        let moment = children.next().map(|moment| {
            NotifyMoment::ALL
                .into_iter()
                .find(|known| known.keyword() == moment.as_str())
                .unwrap_or_else(|| unreachable!("grammar: `{}` is not a moment", moment.as_str()))
        });
        Notify {
            who,
            when: moment.unwrap_or(NotifyMoment::Done),
            when_written: moment.is_some(),
            span,
        }
    }

    /// The names of a list `NAME, NAME, ...` (the keyword and commas left out).
    fn names(&self, pair: Pair<'_, Rule>) -> Vec<Ident> {
        lower_each(
            content(pair).filter(|part| part.as_rule() == Rule::name),
            |name| self.name(name),
        )
    }

    fn decision(&mut self, pair: Pair<'_, Rule>) -> Decision {
        let span = self.span_of(&pair);
        let mut children = content(pair).peekable();
        let name = self.name(take(&mut children, "a decision name"));
        let label = take_if(&mut children, Rule::label).map(|pair| self.label(pair));
        let branches = lower_each(children, |branch| self.decision_item(branch));
        Decision {
            name,
            label,
            branches,
            span,
        }
    }

    fn decision_item(&mut self, pair: Pair<'_, Rule>) -> DecisionBranch {
        let span = self.span_of(&pair);
        match pair.as_rule() {
            Rule::when_branch => {
                let mut children = content(pair);
                let condition = self.condition(take(&mut children, "a condition"));
                let target = self.name(take(&mut children, "a branch target"));
                DecisionBranch::When {
                    condition,
                    target,
                    span,
                }
            }
            Rule::otherwise_branch => DecisionBranch::Otherwise {
                target: self.single_name(pair),
                span,
            },
            other => unreachable!("grammar: {other:?} is not a decision item"),
        }
    }

    fn condition(&mut self, pair: Pair<'_, Rule>) -> Condition {
        let mut children = content(pair);
        self.any_of(take(&mut children, "a condition body"))
    }

    fn any_of(&mut self, pair: Pair<'_, Rule>) -> Condition {
        let span = self.span_of(&pair);
        let mut parts: Vec<Condition> = content(pair).map(|part| self.all_of(part)).collect();
        if parts.len() == 1 {
            parts.pop().expect("one part")
        } else {
            Condition::AnyOf(parts, span)
        }
    }

    fn all_of(&mut self, pair: Pair<'_, Rule>) -> Condition {
        let span = self.span_of(&pair);
        let mut parts: Vec<Condition> = content(pair).map(|part| self.negation(part)).collect();
        if parts.len() == 1 {
            parts.pop().expect("one part")
        } else {
            Condition::AllOf(parts, span)
        }
    }

    fn negation(&mut self, pair: Pair<'_, Rule>) -> Condition {
        let span = self.span_of(&pair);
        let negations = pair
            .clone()
            .into_inner()
            .filter(|child| child.as_rule() == Rule::kw_not)
            .count();
        let mut children = content(pair);
        let inner = take(&mut children, "a negated condition");
        let inner = match inner.as_rule() {
            Rule::group => self.group(inner),
            Rule::comparison => Condition::Compare(self.comparison(inner)),
            other => unreachable!("grammar: {other:?} is not a condition"),
        };
        // `not not x` is `x`: an odd count negates once, so no input can
        // nest negations deeply.
        if negations % 2 == 1 {
            Condition::Not(Box::new(inner), span)
        } else {
            inner
        }
    }

    fn group(&mut self, pair: Pair<'_, Rule>) -> Condition {
        let mut children = content(pair);
        self.any_of(take(&mut children, "a condition in parentheses"))
    }

    fn comparison(&mut self, pair: Pair<'_, Rule>) -> Comparison {
        let span = self.span_of(&pair);
        let mut children = content(pair);
        let input = self.name(take(&mut children, "a compared input"));
        let op = comparator(take(&mut children, "a comparator"));
        let value = self.literal(take(&mut children, "a compared value"));
        Comparison {
            input,
            op,
            value: Operand::Literal(value),
            span,
        }
    }

    fn literal(&mut self, pair: Pair<'_, Rule>) -> Literal {
        let span = self.span_of(&pair);
        let value = match pair.as_rule() {
            Rule::money => self.money(pair),
            Rule::date => self
                .date(pair)
                .map(Value::Date)
                .unwrap_or(Value::Name(String::new())),
            Rule::decimal => Value::Number(self.decimal(&pair)),
            Rule::text => Value::Text(unquote(pair.as_str())),
            Rule::name => Value::Name(pair.as_str().to_string()),
            other => unreachable!("grammar: {other:?} is not a literal"),
        };
        Literal { value, span }
    }

    fn money(&mut self, pair: Pair<'_, Rule>) -> Value {
        let mut children = content(pair);
        let amount = self.decimal(&take(&mut children, "an amount"));
        let currency = take(&mut children, "a currency").as_str().to_string();
        Value::Money { amount, currency }
    }

    fn kpi(&mut self, pair: Pair<'_, Rule>) -> Kpi {
        let span = self.span_of(&pair);
        let mut children = content(pair).peekable();
        let name = self.name(take(&mut children, "a KPI name"));
        let label = take_if(&mut children, Rule::label).map(|pair| self.label(pair));
        let statistic = take_if(&mut children, Rule::kpi_statistic).map(kpi_statistic);
        let bound = kpi_bound(take(&mut children, "a KPI bound"));
        let target = self.kpi_target(take(&mut children, "a KPI target"));
        Kpi {
            name,
            label,
            statistic,
            bound,
            target,
            span,
        }
    }

    fn kpi_target(&mut self, pair: Pair<'_, Rule>) -> KpiTarget {
        match pair.as_rule() {
            Rule::duration => KpiTarget::Duration(self.duration(pair)),
            Rule::percentage => KpiTarget::Percentage(self.percentage(&pair)),
            Rule::decimal => KpiTarget::Number(self.decimal(&pair)),
            other => unreachable!("grammar: {other:?} is not a KPI target"),
        }
    }

    fn duration(&mut self, pair: Pair<'_, Rule>) -> Duration {
        let span = self.span_of(&pair);
        let mut children = content(pair);
        let amount_pair = take(&mut children, "an amount of time");
        let amount = without_separators(amount_pair.as_str())
            .parse::<u64>()
            .ok()
            .filter(|amount| *amount <= MAX_DURATION_AMOUNT)
            .unwrap_or_else(|| {
                self.errors.push(SyntaxError::new(
                    self.span_of(&amount_pair),
                    crate::text!("syntax-duration-too-large", duration = amount_pair.as_str()),
                    crate::text!("syntax-duration-too-large-help"),
                ));
                0
            });
        let unit = duration_unit(take(&mut children, "a unit of time"));
        Duration { amount, unit, span }
    }

    fn date(&mut self, pair: Pair<'_, Rule>) -> Option<NaiveDate> {
        let text = pair.as_str();
        let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
        if date.is_none() {
            self.errors.push(SyntaxError::new(
                self.span_of(&pair),
                crate::text!("syntax-impossible-date", date = text),
                crate::text!("syntax-impossible-date-help"),
            ));
        }
        date
    }

    fn decimal(&mut self, pair: &Pair<'_, Rule>) -> Decimal {
        let digits = without_separators(pair.as_str());
        // Exact or refused: more digits than a decimal holds is an error,
        // never a rounding (`0.00000000000000000000000000001` is not 0).
        Decimal::from_str_exact(&digits).unwrap_or_else(|_| {
            self.errors.push(SyntaxError::new(
                self.span_of(pair),
                crate::text!("syntax-number-too-large", number = pair.as_str()),
                crate::text!("syntax-number-too-large-help"),
            ));
            Decimal::ZERO
        })
    }

    fn percentage(&mut self, pair: &Pair<'_, Rule>) -> Decimal {
        let digits = pair.as_str().trim_end_matches('%');
        Decimal::from_str_exact(digits).unwrap_or_else(|_| {
            self.errors.push(SyntaxError::new(
                self.span_of(pair),
                crate::text!("syntax-percentage-too-large", percentage = pair.as_str()),
                crate::text!("syntax-percentage-too-large-help"),
            ));
            Decimal::ZERO
        })
    }
}

/// The largest amount of a duration or review cycle: 10^8 of any unit
/// stays within what every output holds — a JSON integer exactly (2^53,
/// in minutes too), Zeebe's timers (a Java `Period` holds days, weeks and
/// years as a 32-bit int; a week is 7 days, a business day up to 7).
pub const MAX_DURATION_AMOUNT: u64 = 100_000_000;

impl Lowering {
    fn department(&self, pair: Pair<'_, Rule>) -> Department {
        let span = self.span_of(&pair);
        let mut children = content(pair).peekable();
        let name = self.name(take(&mut children, "a department name"));
        let label = take_if(&mut children, Rule::label).map(|pair| self.label(pair));
        Department { name, label, span }
    }

    fn role(&self, pair: Pair<'_, Rule>) -> Role {
        let span = self.span_of(&pair);
        let mut children = content(pair).peekable();
        let name = self.name(take(&mut children, "a role name"));
        let label = take_if(&mut children, Rule::label).map(|pair| self.label(pair));
        let department =
            take_if(&mut children, Rule::role_department).map(|pair| self.single_name(pair));
        let superior =
            take_if(&mut children, Rule::role_superior).map(|pair| self.single_name(pair));
        Role {
            name,
            label,
            department,
            superior,
            span,
        }
    }

    fn input(&self, pair: Pair<'_, Rule>) -> Input {
        let span = self.span_of(&pair);
        let mut children = content(pair);
        let name = self.name(take(&mut children, "an input name"));
        let kind = self.input_type(take(&mut children, "an input type"));
        Input { name, kind, span }
    }

    fn input_type(&self, pair: Pair<'_, Rule>) -> InputType {
        match pair.as_rule() {
            Rule::money_type => InputType::Money {
                currency: content(pair)
                    .next()
                    .expect("grammar: money has a currency")
                    .as_str()
                    .to_string(),
            },
            Rule::number_type => InputType::Number,
            Rule::text_type => InputType::Text,
            Rule::yes_no_type => InputType::YesNo,
            Rule::date_type => InputType::Date,
            Rule::choice_type => {
                InputType::Choice(content(pair).map(|pair| self.name(pair)).collect())
            }
            other => unreachable!("grammar: {other:?} is not an input type"),
        }
    }

    fn outcome(&self, pair: Pair<'_, Rule>) -> Outcome {
        let span = self.span_of(&pair);
        let mut children = content(pair);
        let outcome_name = self.name(take(&mut children, "an outcome name"));
        let target = self.name(take(&mut children, "an outcome target"));
        Outcome {
            name: outcome_name,
            target,
            span,
        }
    }

    fn parallel(&self, pair: Pair<'_, Rule>) -> Parallel {
        let span = self.span_of(&pair);
        let mut children = content(pair).peekable();
        let name = self.name(take(&mut children, "a block name"));
        let label = take_if(&mut children, Rule::label).map(|pair| self.label(pair));
        let items = lower_each(children, |pair| self.parallel_item(pair));
        Parallel {
            name,
            label,
            items,
            span,
        }
    }

    fn parallel_item(&self, pair: Pair<'_, Rule>) -> ParallelItem {
        let span = self.span_of(&pair);
        match pair.as_rule() {
            Rule::branch => ParallelItem::Branch(self.single_name(pair), span),
            Rule::next => ParallelItem::Next(self.single_name(pair), span),
            other => unreachable!("grammar: {other:?} is not a parallel item"),
        }
    }

    fn end_node(&self, pair: Pair<'_, Rule>) -> End {
        let span = self.span_of(&pair);
        let mut children = content(pair).peekable();
        let name = self.name(take(&mut children, "an end name"));
        let label = take_if(&mut children, Rule::label).map(|pair| self.label(pair));
        End { name, label, span }
    }

    /// Lowers a rule whose only content is one name (`owner X`, `next X`, ...).
    fn single_name(&self, pair: Pair<'_, Rule>) -> Ident {
        let mut children = content(pair);
        self.name(take(&mut children, "a name"))
    }

    fn name(&self, pair: Pair<'_, Rule>) -> Ident {
        Ident {
            text: pair.as_str().to_string(),
            span: self.span_of(&pair),
        }
    }

    fn label(&self, pair: Pair<'_, Rule>) -> Label {
        Label {
            text: unquote(pair.as_str()),
            span: self.span_of(&pair),
        }
    }
}

fn category(pair: Pair<'_, Rule>) -> Category {
    let mut children = content(pair);
    match take(&mut children, "a category").as_str() {
        "business" => Category::Business,
        "management" => Category::Management,
        "approval" => Category::Approval,
        other => unreachable!("grammar: `{other}` is not a category"),
    }
}

fn kpi_statistic(pair: Pair<'_, Rule>) -> Statistic {
    match pair.as_str() {
        "p50" => Statistic::P50,
        "p90" => Statistic::P90,
        "p95" => Statistic::P95,
        "avg" => Statistic::Avg,
        "max" => Statistic::Max,
        other => unreachable!("grammar: `{other}` is not a statistic"),
    }
}

fn kpi_bound(pair: Pair<'_, Rule>) -> KpiBound {
    let words: Vec<Rule> = pair.into_inner().map(|word| word.as_rule()).collect();
    match words.as_slice() {
        [Rule::kw_under] => KpiBound::Under,
        [Rule::kw_over] => KpiBound::Over,
        [Rule::kw_at, Rule::kw_most] => KpiBound::AtMost,
        [Rule::kw_at, Rule::kw_least] => KpiBound::AtLeast,
        other => unreachable!("grammar: {other:?} is not a KPI bound"),
    }
}

fn comparator(pair: Pair<'_, Rule>) -> Comparator {
    match pair.as_str() {
        "<" => Comparator::Less,
        "<=" => Comparator::AtMost,
        ">" => Comparator::Greater,
        ">=" => Comparator::AtLeast,
        "==" => Comparator::Equal,
        "!=" => Comparator::NotEqual,
        other => unreachable!("grammar: `{other}` is not a comparator"),
    }
}

fn duration_unit(pair: Pair<'_, Rule>) -> TimeUnit {
    let text = pair.as_str();
    let word = text.trim_end_matches('s');
    if text.starts_with("business") {
        return TimeUnit::BusinessDay;
    }
    match word {
        "minute" => TimeUnit::Minute,
        "hour" => TimeUnit::Hour,
        "day" => TimeUnit::Day,
        "week" => TimeUnit::Week,
        "month" => TimeUnit::Month,
        "year" => TimeUnit::Year,
        other => unreachable!("grammar: `{other}` is not a unit"),
    }
}

/// A number as written without its `_` separators (borrowed when it has
/// none, as most numbers do).
fn without_separators(number: &str) -> std::borrow::Cow<'_, str> {
    if number.contains('_') {
        std::borrow::Cow::Owned(number.chars().filter(|c| *c != '_').collect())
    } else {
        std::borrow::Cow::Borrowed(number)
    }
}

/// The text between quotes, with `\"` and `\\` resolved.
fn unquote(quoted: &str) -> String {
    let inner = &quoted[1..quoted.len() - 1];
    if !inner.contains('\\') {
        return inner.to_string();
    }
    let mut text = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some(escaped @ ('"' | '\\'))) => {
                text.push(escaped);
                chars.next();
            }
            _ => text.push(c),
        }
    }
    text
}
