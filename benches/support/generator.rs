//! Generates realistic `.flow` projects for benchmarks and property tests.
//!
//! Deterministic: the same seed and size give the same text. A generated
//! process has `steps` steps in segments of the kinds real processes have:
//! plain steps with deadlines, reminders and escalations up the reporting
//! lines; reviews that send work back (`on reject`); amount decisions whose
//! branches rejoin; countersign blocks. It checks clean.

use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

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

/// The organisation every generated process uses.
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

/// Writes one process of about `steps` steps.
pub fn process(seed: u64, name: &str, steps: usize) -> String {
    Writer::new(seed, name).process(steps)
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
}

impl Writer {
    fn new(seed: u64, name: &str) -> Self {
        Writer {
            rng: Xoshiro256PlusPlus::seed_from_u64(seed),
            name: name.to_string(),
            body: String::new(),
            count: 0,
            total_days: 0,
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
        self.step(&current, "done", None, 2);
        format!(
            "# Generated: {steps} steps.\nprocess {name} \"{name}\" {{\n  category management\n  owner operations\n  review every 12 months, last 2026-06-01\n  sla {sla} business days\n\n  input amount: money CNY\n\n  start {first}\n\n{body}  end done \"完成\"\n\n  kpi cycle_time \"週期\" p90 under {sla} business days\n}}\n",
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
    /// branch), owned by the role at `level`.
    fn step(&mut self, name: &str, next: &str, reject_to: Option<&str>, level: usize) {
        let role = ROLES[level];
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
        if level > 0 {
            self.body.push_str(&format!(
                "    escalate after {} business days to {}\n",
                within + 1,
                ROLES[level - 1]
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
        self.step(current, &next, None, ROLES.len() - 1);
        next
    }

    /// The current step, then a review by a superior that can send it back.
    fn review(&mut self, current: &str) -> String {
        let review = self.next_name();
        let next = self.next_name();
        self.step(current, &review, None, ROLES.len() - 1);
        let level = self.rng.random_range(1..ROLES.len() - 1);
        self.step(&review, &next, Some(current), level);
        next
    }

    /// The current step, then a decision on the amount whose branches meet
    /// again.
    fn decision(&mut self, current: &str) -> String {
        let decision = format!("d{}", self.count);
        let low = self.next_name();
        let high = self.next_name();
        let join = self.next_name();
        let threshold = self.rng.random_range(1..100u64) * 1000;
        self.step(current, &decision, None, ROLES.len() - 1);
        self.body.push_str(&format!(
            "  decide {decision} \"按金額\" {{\n    when amount <= {threshold} CNY -> {low}\n    when amount > {threshold} CNY -> {high}\n  }}\n\n"
        ));
        self.step(&low, &join, None, ROLES.len() - 2);
        self.step(&high, &join, None, ROLES.len() - 3);
        join
    }

    /// The current step, then a countersign block of two or three branches.
    fn countersign(&mut self, current: &str) -> String {
        let block = format!("p{}", self.count);
        let branches: Vec<String> = (0..self.rng.random_range(2..=3))
            .map(|_| self.next_name())
            .collect();
        let next = self.next_name();
        self.step(current, &block, None, ROLES.len() - 1);
        self.body
            .push_str(&format!("  parallel {block} \"會簽\" {{\n"));
        for branch in &branches {
            self.body.push_str(&format!("    branch {branch}\n"));
        }
        self.body.push_str(&format!("    next {next}\n  }}\n\n"));
        for branch in &branches {
            let level = self.rng.random_range(1..ROLES.len() - 1);
            self.step(branch, "", Some(current), level);
        }
        next
    }
}
