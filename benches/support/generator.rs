//! Generates realistic `.flow` projects for benchmarks and property tests.
//!
//! Deterministic: the same seed and size give the same text. A generated
//! process has `steps` steps in segments of the kinds real processes have:
//! plain steps with deadlines, reminders and escalations up the reporting
//! lines; reviews that send work back (`on reject`); decisions whose
//! branches rejoin; countersign blocks. It checks clean.
//!
//! Two varieties: [`Variety::Benchmark`], the fixed shape the benchmarks'
//! figures were measured on (one money input, amount decisions at multiples
//! of 1000, one reporting line of six roles), and [`Variety::Wide`] for
//! property tests, where a wrong analysis could show: every input type, all
//! six comparisons, `and`, `or`, `not`, `otherwise`, thresholds with
//! cents, and a random organisation chart with two escalation levels.

use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

/// How varied the generated processes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variety {
    /// The benchmarks' fixed shape.
    Benchmark,
    /// Every input type and comparison, random reporting lines.
    Wide,
}

/// The inputs of a [`Variety::Wide`] process, as declared.
const WIDE_INPUTS: &str = "  input amount: money CNY\n  input days: number\n  input urgent: yes/no\n  input kind: one of travel, office, training\n  input submitted: date\n  input supplier: text\n";

/// The values a scenario may give each input of a [`Variety::Wide`]
/// process, picked to hit every threshold the generator writes, its
/// neighbours and far values.
pub fn wide_input_values(input: &str) -> &'static [&'static str] {
    match input {
        "amount" => &[
            "0 CNY",
            "999.99 CNY",
            "1000 CNY",
            "1000.01 CNY",
            "5000 CNY",
            "49999.5 CNY",
            "2000000 CNY",
        ],
        "days" => &["0", "0.5", "1", "2.5", "3", "10", "-1"],
        "urgent" => &["yes", "no"],
        "kind" => &["travel", "office", "training"],
        "submitted" => &[
            "2026-01-01",
            "2026-05-31",
            "2026-06-01",
            "2026-06-02",
            "2027-12-31",
        ],
        "supplier" => &["\"ACME Ltd.\"", "\"other\"", "\"\""],
        _ => &[],
    }
}

/// Roles from the top of the reporting lines down; each reports to the one
/// before it.
const ROLES: &[&str] = &[
    "ceo",
    "vice_president",
    "director",
    "manager",
    "team_lead",
    "clerk",
];

/// The organisation a generated process of `variety` uses (for
/// [`Variety::Wide`], drawn from `seed`, as [`process`] draws it).
pub fn org_for(variety: Variety, seed: u64) -> String {
    match variety {
        Variety::Benchmark => org(),
        Variety::Wide => {
            let chart = Chart::random(&mut Xoshiro256PlusPlus::seed_from_u64(seed ^ CHART_SEED));
            chart.org()
        }
    }
}

/// Mixed into the seed of a wide process's organisation chart, so the chart
/// and the process draw from different streams.
const CHART_SEED: u64 = 0x6f72_675f_6368_6172;

/// The organisation every benchmark process uses.
pub fn org() -> String {
    let mut text = String::from("department operations \"運營部\"\n");
    for (level, role) in ROLES.iter().enumerate() {
        text.push_str(&format!("role {role} \"{role}\" in operations"));
        if level > 0 {
            text.push_str(&format!(" reports to {}", ROLES[level - 1]));
        }
        text.push('\n');
    }
    text
}

/// Labels given to steps: plain, Chinese, and hostile to every output
/// format (quotes, backslashes, markup, DOT syntax, bidi marks).
pub const LABELS: &[&str] = &[
    "Review",
    "部門負責人審核",
    "say \\\"yes\\\"",
    "back\\\\slash",
    "<b>&amp;</b>",
    "\\\"]; x [",
    "</script><script>alert(1)</script>",
    "\u{202e}RTL\u{202c} mark",
    "tab\there",
];

/// Writes one benchmark process of about `steps` steps.
pub fn process(seed: u64, name: &str, steps: usize) -> String {
    Writer::new(seed, name, Variety::Benchmark).process(steps)
}

/// Writes one process of `variety` of about `steps` steps, for the
/// organisation [`org_for`] gives with the same seed.
pub fn process_of(variety: Variety, seed: u64, name: &str, steps: usize) -> String {
    Writer::new(seed, name, variety).process(steps)
}

/// A reporting tree: each role but the first reports to an earlier one.
struct Chart {
    /// Role names, the top first.
    names: Vec<String>,
    /// Each role's superior (none for the top).
    superiors: Vec<Option<usize>>,
    /// Each role's department.
    departments: Vec<usize>,
}

impl Chart {
    /// The benchmarks' one reporting line.
    fn line() -> Chart {
        Chart {
            names: ROLES.iter().map(|role| role.to_string()).collect(),
            superiors: (0..ROLES.len()).map(|level| level.checked_sub(1)).collect(),
            departments: vec![0; ROLES.len()],
        }
    }

    /// A random tree of 3 to 12 roles in 1 to 3 departments.
    fn random(rng: &mut Xoshiro256PlusPlus) -> Chart {
        let count = rng.random_range(3..=12usize);
        let departments = rng.random_range(1..=3usize);
        Chart {
            names: (0..count).map(|index| format!("r{index}")).collect(),
            superiors: (0..count)
                .map(|index| (index > 0).then(|| rng.random_range(0..index)))
                .collect(),
            departments: (0..count)
                .map(|_| rng.random_range(0..departments))
                .collect(),
        }
    }

    /// The chart as `org.flow` text.
    fn org(&self) -> String {
        let departments = self.departments.iter().max().map_or(1, |last| last + 1);
        let mut text: String = (0..departments)
            .map(|index| format!("department d{index} \"部門{index}\"\n"))
            .collect();
        for (index, name) in self.names.iter().enumerate() {
            text.push_str(&format!(
                "role {name} \"{name}\" in d{}",
                self.departments[index]
            ));
            if let Some(superior) = self.superiors[index] {
                text.push_str(&format!(" reports to {}", self.names[superior]));
            }
            text.push('\n');
        }
        text
    }

    /// The roles strictly above `role`, nearest first.
    fn above(&self, role: usize) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut current = self.superiors[role];
        while let Some(superior) = current {
            chain.push(superior);
            current = self.superiors[superior];
        }
        chain
    }
}

/// A project of `files` files with one process of `steps` steps each, plus
/// `org.flow`; returns (file name, text) pairs.
pub fn repository(seed: u64, files: usize, steps: usize) -> Vec<(String, String)> {
    let mut project = vec![("org.flow".to_string(), org())];
    for index in 0..files {
        let name = format!("process_{index}");
        project.push((
            format!("{name}.flow"),
            process(seed.wrapping_add(index as u64), &name, steps),
        ));
    }
    project
}

/// Writes a process step by step.
struct Writer {
    rng: Xoshiro256PlusPlus,
    name: String,
    body: String,
    count: usize,
    total_days: u64,
    variety: Variety,
    chart: Chart,
}

impl Writer {
    fn new(seed: u64, name: &str, variety: Variety) -> Self {
        let chart = match variety {
            Variety::Benchmark => Chart::line(),
            Variety::Wide => {
                Chart::random(&mut Xoshiro256PlusPlus::seed_from_u64(seed ^ CHART_SEED))
            }
        };
        Writer {
            rng: Xoshiro256PlusPlus::seed_from_u64(seed),
            name: name.to_string(),
            body: String::new(),
            count: 0,
            total_days: 0,
            variety,
            chart,
        }
    }

    /// Whether the process is [`Variety::Wide`].
    fn wide(&self) -> bool {
        self.variety == Variety::Wide
    }

    /// The owner of work: for the benchmarks the clerk, at the bottom of the
    /// line; else a random role with a superior, so it can be reviewed.
    fn author(&mut self) -> usize {
        if !self.wide() {
            return ROLES.len() - 1;
        }
        let with_superior: Vec<usize> = (0..self.chart.names.len())
            .filter(|role| self.chart.superiors[*role].is_some())
            .collect();
        with_superior[self.rng.random_range(0..with_superior.len())]
    }

    /// A role above `author`, to review its work: for the benchmarks any
    /// level between the top and the author.
    fn reviewer_of(&mut self, author: usize) -> usize {
        if !self.wide() {
            return self.rng.random_range(1..ROLES.len() - 1);
        }
        let above = self.chart.above(author);
        above[self.rng.random_range(0..above.len())]
    }

    /// Any role: for the benchmarks the one at `level`.
    fn any_role(&mut self, level: usize) -> usize {
        if self.wide() {
            self.rng.random_range(0..self.chart.names.len())
        } else {
            level
        }
    }

    fn process(mut self, steps: usize) -> String {
        let first = self.next_name();
        let mut current = first.clone();
        while self.count < steps {
            current = match self.rng.random_range(0..10) {
                0..=4 => self.plain(&current),
                5..=6 => self.review(&current),
                7..=8 => self.decision(&current),
                _ => self.countersign(&current),
            };
        }
        let last = self.any_role(2);
        self.step(&current, "done", None, last);
        let (owner, inputs) = if self.wide() {
            ("d0", WIDE_INPUTS)
        } else {
            ("operations", "  input amount: money CNY\n")
        };
        format!(
            "# Generated: {steps} steps.\nprocess {name} \"{name}\" {{\n  category management\n  owner {owner}\n  review every 12 months, last 2026-06-01\n  sla {sla} business days\n\n{inputs}\n  start {first}\n\n{body}  end done \"完成\"\n\n  kpi cycle_time \"週期\" p90 under {sla} business days\n}}\n",
            name = self.name,
            sla = self.total_days + 10,
            body = self.body,
        )
    }

    fn next_name(&mut self) -> String {
        self.count += 1;
        format!("s{}", self.count)
    }

    /// Writes step `name` leading to `next` (or with no `next` when it is a
    /// branch), owned by role `owner` of the chart.
    fn step(&mut self, name: &str, next: &str, reject_to: Option<&str>, owner: usize) {
        let role = self.chart.names[owner].clone();
        let label = LABELS[self.rng.random_range(0..LABELS.len())];
        let within = self.rng.random_range(1..=5u64);
        self.total_days += within;
        self.body.push_str(&format!(
            "  step {name} \"{label}\" {{\n    owner {role}\n    within {within} business days\n"
        ));
        if within > 1 {
            self.body
                .push_str(&format!("    remind after {} business days\n", within - 1));
        }
        let above = self.chart.above(owner);
        if let Some(superior) = above.first() {
            self.body.push_str(&format!(
                "    escalate after {} business days to {}\n",
                within + 1,
                self.chart.names[*superior]
            ));
        }
        if self.wide()
            && let Some(higher) = above.get(1)
            && self.rng.random_bool(0.5)
        {
            self.body.push_str(&format!(
                "    escalate after {} business days to {}\n",
                within + 3,
                self.chart.names[*higher]
            ));
        }
        if let Some(target) = reject_to {
            self.body.push_str(&format!("    on reject -> {target}\n"));
        }
        if !next.is_empty() {
            self.body.push_str(&format!("    next {next}\n"));
        }
        self.body.push_str("  }\n\n");
    }

    fn plain(&mut self, current: &str) -> String {
        let next = self.next_name();
        let owner = self.author();
        self.step(current, &next, None, owner);
        next
    }

    /// The current step, then a review by a superior that can send it back.
    fn review(&mut self, current: &str) -> String {
        let review = self.next_name();
        let next = self.next_name();
        let author = self.author();
        self.step(current, &review, None, author);
        let reviewer = self.reviewer_of(author);
        self.step(&review, &next, Some(current), reviewer);
        next
    }

    /// The current step, then a decision whose branches meet again.
    fn decision(&mut self, current: &str) -> String {
        let decision = format!("d{}", self.count);
        let low = self.next_name();
        let high = self.next_name();
        let join = self.next_name();
        let lines = if self.wide() {
            self.wide_conditions(&low, &high)
        } else {
            let threshold = self.rng.random_range(1..100u64) * 1000;
            format!(
                "    when amount <= {threshold} CNY -> {low}\n    when amount > {threshold} CNY -> {high}\n"
            )
        };
        let author = self.author();
        self.step(current, &decision, None, author);
        let label = if self.wide() { "分流" } else { "按金額" };
        self.body.push_str(&format!(
            "  decide {decision} \"{label}\" {{\n{lines}  }}\n\n"
        ));
        let low_owner = self.any_role(ROLES.len() - 2);
        self.step(&low, &join, None, low_owner);
        let high_owner = self.any_role(ROLES.len() - 3);
        self.step(&high, &join, None, high_owner);
        join
    }

    /// The `when` lines of a wide decision with two branches, `a` and `b`,
    /// that together cover every value exactly once.
    fn wide_conditions(&mut self, a: &str, b: &str) -> String {
        let amount = ["1000", "5000", "49999.5", "999.99"][self.rng.random_range(0..4)];
        let days = ["0.5", "1", "2.5", "3"][self.rng.random_range(0..4)];
        let kind = ["travel", "office", "training"][self.rng.random_range(0..3)];
        let date = ["2026-06-01", "2026-05-31"][self.rng.random_range(0..2)];
        let (when_a, when_b) = match self.rng.random_range(0..12) {
            0 => (
                format!("amount <= {amount} CNY"),
                format!("amount > {amount} CNY"),
            ),
            1 => (
                format!("amount < {amount} CNY"),
                format!("amount >= {amount} CNY"),
            ),
            2 => (
                format!("not (amount > {amount} CNY)"),
                format!("amount > {amount} CNY"),
            ),
            3 => (format!("days >= {days}"), format!("days < {days}")),
            4 => (format!("days != {days}"), format!("days == {days}")),
            5 => ("urgent == yes".to_string(), "urgent == no".to_string()),
            6 => ("urgent != yes".to_string(), "otherwise".to_string()),
            7 => (format!("kind == {kind}"), format!("kind != {kind}")),
            8 => {
                let others: Vec<&str> = ["travel", "office", "training"]
                    .into_iter()
                    .filter(|other| *other != kind)
                    .collect();
                (
                    format!("kind == {} or kind == {}", others[0], others[1]),
                    format!("kind == {kind}"),
                )
            }
            9 => (
                format!("submitted < {date}"),
                format!("submitted >= {date}"),
            ),
            10 => (
                "supplier == \"ACME Ltd.\"".to_string(),
                "otherwise".to_string(),
            ),
            _ => (
                format!("amount > {amount} CNY and (urgent == yes or days > {days})"),
                "otherwise".to_string(),
            ),
        };
        let second = if when_b == "otherwise" {
            format!("    otherwise -> {b}\n")
        } else {
            format!("    when {when_b} -> {b}\n")
        };
        format!("    when {when_a} -> {a}\n{second}")
    }

    /// The current step, then a countersign block of two or three branches.
    fn countersign(&mut self, current: &str) -> String {
        let block = format!("p{}", self.count);
        let branches: Vec<String> = (0..self.rng.random_range(2..=3))
            .map(|_| self.next_name())
            .collect();
        let next = self.next_name();
        let author = self.author();
        self.step(current, &block, None, author);
        self.body
            .push_str(&format!("  parallel {block} \"會簽\" {{\n"));
        for branch in &branches {
            self.body.push_str(&format!("    branch {branch}\n"));
        }
        self.body.push_str(&format!("    next {next}\n  }}\n\n"));
        for branch in &branches {
            let reviewer = self.reviewer_of(author);
            self.step(branch, "", Some(current), reviewer);
        }
        next
    }
}

/// The reporting line of [`rules_wide_project`]: roles `r0` (the top) to
/// `r1999`, each reporting to the one before it.
const WIDE_PROJECT_DEPTH: usize = 2000;

/// The head of every process [`rules_wide_project`] and
/// [`rules_deep_project`] write, up to its `start` line.
fn approval_head(name: &str) -> String {
    format!(
        "process {name} \"p\" {{\n  category approval\n  owner finance\n  sla 100 business days\n  review every 12 months, last 2026-06-01\n  input amount: money CNY\n  start s0\n"
    )
}

/// The tail of every process [`rules_wide_project`] and
/// [`rules_deep_project`] write.
const APPROVAL_TAIL: &str = "  end done\n  kpi k p90 under 5 business days\n}\n";

/// A project to time the rules on, wide: 200 processes of 50 steps each
/// (every fifth a review step with two escalations and a decision on the
/// amount) over a reporting line 2000 roles deep, with `missing-escalation`
/// on and two `[[required-participant]]` requirements. Returns (file name,
/// text) pairs, `flowc.toml` included.
pub fn rules_wide_project() -> Vec<(String, String)> {
    let config = "[rules]\nmissing-escalation = \"warning\"\n\
        [[required-participant]]\nmoney-above = \"1000 CNY\"\nparticipant = \"finance\"\nreason = \"r\"\n\
        [[required-participant]]\ncategory = \"approval\"\nparticipant = \"legal\"\nreason = \"r\"\n";
    let mut org = String::from(
        "department finance \"f\"\ndepartment legal \"l\"\nrole r0 \"r\" in finance\n",
    );
    for index in 1..WIDE_PROJECT_DEPTH {
        org.push_str(&format!(
            "role r{index} \"r\" in finance reports to r{}\n",
            index - 1
        ));
    }
    let mut project = vec![
        ("flowc.toml".to_string(), config.to_string()),
        ("org.flow".to_string(), org),
    ];
    for index in 0..200 {
        let name = format!("p{index}");
        project.push((format!("{name}.flow"), rules_wide_process(&name)));
    }
    project
}

/// One process of [`rules_wide_project`]: 50 steps owned down the
/// reporting line from its bottom.
fn rules_wide_process(name: &str) -> String {
    const STEPS: usize = 50;
    let depth = WIDE_PROJECT_DEPTH;
    let mut text = approval_head(name);
    for index in 0..STEPS {
        let following = if index + 1 < STEPS {
            format!("s{}", index + 1)
        } else {
            "done".to_string()
        };
        let owner = depth - 1 - index;
        text.push_str(&format!(
            "  step s{index} \"s\" {{\n    owner r{owner}\n    within 2 business days\n"
        ));
        if index % 5 == 4 {
            text.push_str(&format!(
                "    remind after 1 business day\n    escalate after 3 business days to r{}\n    escalate after 5 business days to r{}\n    on reject -> s{}\n    next d{index}\n  }}\n  decide d{index} \"d\" {{\n    when amount > {} CNY -> {following}\n    otherwise -> {following}\n  }}\n",
                depth - 2 - index,
                depth - 10 - index,
                index - 3,
                index * 1000,
            ));
        } else {
            text.push_str(&format!(
                "    escalate after 3 business days to r{}\n    next {following}\n  }}\n",
                depth - 2 - index
            ));
        }
    }
    text.push_str(APPROVAL_TAIL);
    text
}

/// A project to time the rules on, deep: one process of 20000 steps and
/// 20000 decisions on 20000 different amounts, compliant with a
/// `money-above` requirement (so every amount has to be tried). Returns
/// (file name, text) pairs, `flowc.toml` included.
pub fn rules_deep_project() -> Vec<(String, String)> {
    const STEPS: usize = 20000;
    let config = "[[required-participant]]\nmoney-above = \"1000 CNY\"\nparticipant = \"legal\"\nreason = \"r\"\n";
    let org = "department finance \"f\"\ndepartment legal \"l\"\nrole boss \"b\" in finance\n\
        role a \"a\" in finance reports to boss\nrole b \"b\" in finance reports to boss\n\
        role lawyer \"l\" in legal reports to boss\n";
    let mut text = approval_head("big");
    for index in 0..STEPS {
        let owner = match (index == STEPS - 1, index % 2) {
            (true, _) => "lawyer",
            (false, 1) => "a",
            (false, _) => "b",
        };
        let following = if index + 1 < STEPS {
            format!("s{}", index + 1)
        } else {
            "done".to_string()
        };
        text.push_str(&format!(
            "  step s{index} {{\n    owner {owner}\n    within 1 hour\n    escalate after 2 hours to boss\n"
        ));
        if index > 0 {
            text.push_str(&format!("    on reject -> s{}\n", index - 1));
        }
        text.push_str(&format!(
            "    next d{index}\n  }}\n  decide d{index} {{\n    when amount > {index} CNY -> {following}\n    otherwise -> {following}\n  }}\n"
        ));
    }
    text.push_str(APPROVAL_TAIL);
    vec![
        ("flowc.toml".to_string(), config.to_string()),
        ("org.flow".to_string(), org.to_string()),
        ("big.flow".to_string(), text),
    ]
}

/// A project to time the diagram and handbook emitters on: one process of
/// `nodes` nodes (steps in 12 lanes, a decision every 10 nodes, a
/// rejection every 7, an escalation on every step to the head above the
/// twelve roles), with Chinese labels, and its organisation in the same
/// file; it checks with no error. Returns (file name, text) pairs,
/// `flowc.toml` included.
pub fn lanes_project(nodes: usize) -> Vec<(String, String)> {
    const LANES: usize = 12;
    let name_of = |index: usize| {
        if index < nodes {
            format!("s{index}")
        } else {
            "done".to_string()
        }
    };
    let mut text = String::from(
        "department ops \"運營部\"\nrole head \"主管\" in ops\nrole r0 \"角色0\" in ops reports to head\n",
    );
    for lane in 1..LANES {
        text.push_str(&format!(
            "role r{lane} \"角色{lane}\" in ops reports to r{}\n",
            lane - 1
        ));
    }
    // Every path takes at most 2 business days a node: the SLA holds.
    text.push_str(&format!(
        "process big \"大流程\" {{\n  category business\n  owner ops\n  review every 12 months, last 2026-01-01\n  sla {} business days\n  input amount: money CNY\n  start s0\n",
        2 * nodes + 10
    ));
    for index in 0..nodes {
        let following = name_of(index + 1);
        if index % 10 == 5 {
            text.push_str(&format!(
                "  decide s{index} \"判斷{index}\" {{\n    when amount > {index} CNY -> {following}\n    otherwise -> {}\n  }}\n",
                name_of(index + 2)
            ));
            continue;
        }
        text.push_str(&format!(
            "  step s{index} \"步驟{index}：處理並核對相關的單據與憑證\" {{\n    owner r{}\n    within 2 business days\n    escalate after 3 business days to head\n",
            index % LANES
        ));
        if index % 7 == 3 {
            text.push_str(&format!("    on reject -> s{}\n", index.saturating_sub(7)));
        }
        text.push_str(&format!("    next {following}\n  }}\n"));
    }
    text.push_str("  end done \"完成\"\n}\n");
    vec![
        ("flowc.toml".to_string(), "[rules]\n".to_string()),
        ("big.flow".to_string(), text),
    ]
}
