//! The one table of the language's keywords.
//!
//! The grammar (`grammar/flow.pest`, one `kw_*` rule a keyword), the parse
//! errors' "did you mean", error recovery, completion in the language
//! server, the formatter and the VS Code TextMate grammar all take their
//! words from here; `tests/keywords.rs` holds the grammar, the TextMate
//! grammar and the formatter to this table, so a keyword added in one place
//! and forgotten in another fails a test.

/// The kinds of block whose lines start with a keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Block {
    /// The top level of a file: declarations.
    File,
    /// The body of a `process`.
    Process,
    /// The body of a `step`.
    Step,
    /// The body of a `decide`.
    Decision,
    /// The body of a `parallel` block.
    Parallel,
    /// The body of a `call`.
    Call,
}

impl Block {
    /// Every kind of block.
    pub const ALL: [Block; 6] = [
        Block::File,
        Block::Process,
        Block::Step,
        Block::Decision,
        Block::Parallel,
        Block::Call,
    ];

    /// The block a keyword opens with `{`, if it opens one.
    pub(crate) fn opened_by(keyword: &str) -> Option<Block> {
        match keyword {
            "process" => Some(Block::Process),
            "step" => Some(Block::Step),
            "decide" => Some(Block::Decision),
            "parallel" => Some(Block::Parallel),
            "call" => Some(Block::Call),
            _ => None,
        }
    }

    /// The words that may start a line in this block, in the order people
    /// usually write them.
    pub const fn line_starts(self) -> &'static [&'static str] {
        match self {
            Block::File => FILE_ITEMS,
            Block::Process => PROCESS_ITEMS,
            Block::Step => STEP_ITEMS,
            Block::Decision => DECISION_ITEMS,
            Block::Parallel => PARALLEL_ITEMS,
            Block::Call => CALL_ITEMS,
        }
    }

    /// What a person calls this block in messages.
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Block::File => "file",
            Block::Process => "process",
            Block::Step => "step",
            Block::Decision => "decision",
            Block::Parallel => "parallel block",
            Block::Call => "call",
        }
    }

    /// What completion offers at the start of a line in this block: the
    /// line starts, with the words that always follow them.
    pub const fn completions(self) -> &'static [&'static str] {
        match self {
            Block::File => FILE_ITEMS,
            Block::Process => &[
                "category",
                "owner",
                "applicant",
                "review every",
                "version",
                "sla",
                "note",
                "input",
                "start",
                "step",
                "decide",
                "parallel",
                "call",
                "end",
                "kpi",
            ],
            Block::Step => &[
                "owner",
                "within",
                "at least",
                "remind after",
                "escalate after",
                "notify",
                "consult",
                "note",
                "record",
                "on timeout after",
                "on reject ->",
                "kpi",
                "next",
            ],
            Block::Decision => &["when", "otherwise ->"],
            Block::Parallel => PARALLEL_ITEMS,
            Block::Call => &["process", "with", "note", "on", "next"],
        }
    }
}

/// The words that start a top-level declaration.
const FILE_ITEMS: &[&str] = &["department", "role", "process"];
/// The words that start a line of a process.
const PROCESS_ITEMS: &[&str] = &[
    "category",
    "owner",
    "applicant",
    "review",
    "version",
    "sla",
    "note",
    "input",
    "start",
    "step",
    "decide",
    "parallel",
    "call",
    "end",
    "kpi",
];
/// The words that start a line of a step.
const STEP_ITEMS: &[&str] = &[
    "owner", "within", "at", "remind", "escalate", "notify", "consult", "note", "record", "on",
    "kpi", "next",
];
/// The words that start a line of a decision.
const DECISION_ITEMS: &[&str] = &["when", "otherwise"];
/// The words that start a line of a parallel block.
const PARALLEL_ITEMS: &[&str] = &["branch", "next"];
/// The words that start a line of a call.
const CALL_ITEMS: &[&str] = &["process", "with", "note", "on", "next"];

/// Every keyword of the language: each has a `kw_*` rule in the grammar.
pub const KEYWORDS: &[&str] = &[
    "department",
    "role",
    "in",
    "reports",
    "to",
    "process",
    "category",
    "owner",
    "applicant",
    "review",
    "every",
    "last",
    "sla",
    "input",
    "money",
    "one",
    "of",
    "start",
    "step",
    "within",
    "remind",
    "after",
    "escalate",
    "notify",
    "consult",
    "manager",
    "any",
    "all",
    "on",
    "next",
    "decide",
    "when",
    "otherwise",
    "and",
    "or",
    "not",
    "parallel",
    "branch",
    "end",
    "kpi",
    "under",
    "over",
    "at",
    "most",
    "least",
    "version",
    "effective",
    "note",
    "record",
    "timeout",
    "call",
    "with",
];

/// Words with a fixed meaning that are not keywords: categories, input
/// types, KPI statistics, the words of durations and the moments of a
/// notification.
pub const FIXED_WORDS: &[&str] = &[
    "business",
    "management",
    "approval",
    "number",
    "text",
    "yes/no",
    "date",
    "p50",
    "p90",
    "p95",
    "avg",
    "max",
    "started",
    "done",
    "rejected",
    "overdue",
];

/// Whether `word` is a keyword of the language.
pub(crate) fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

/// Words other languages use where flowc has a keyword, with that keyword:
/// a line starting with one is told the right word.
pub const SYNONYMS: &[(&str, &str)] = &[
    ("else", "otherwise"),
    ("default", "otherwise"),
    ("if", "when"),
    ("elif", "when"),
    ("goto", "next"),
    ("then", "next"),
    ("assignee", "owner"),
    ("deadline", "within"),
];

/// The shape of a line starting with `keyword`, for help lines.
pub(crate) fn line_shape(keyword: &str) -> &'static str {
    match keyword {
        "otherwise" => "otherwise -> TARGET",
        "when" => "when CONDITION -> TARGET",
        "next" => "next TARGET",
        "owner" => "owner ROLE",
        "notify" => "notify WHO [when started|done|rejected|overdue]",
        "consult" => "consult WHO",
        "applicant" => "applicant ROLE, ...",
        "within" => "within DURATION",
        "version" => "version N, effective YYYY-MM-DD",
        "note" => "note \"TEXT\"",
        "record" => "record NAME \"label\": TYPE",
        "call" => "call NAME \"label\" { process P ... }",
        "with" => "with INPUT = VALUE",
        _ => "",
    }
}
