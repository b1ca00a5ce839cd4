//! The kinds of change a diff reports and how each is classified.
//!
//! Every change has a stable kebab-case kind name (`step-removed`,
//! `deadline-lengthened`, ...) and a default class, `major` or `minor`,
//! following the policy: a major change (a review or approval removed or
//! bypassed, an owner changed, a time limit loosened, an escalation removed)
//! needs top management's approval; a minor one (labels, comments, tighter
//! deadlines, added reviews) does not. `[diff]` in `flowc.toml` changes the
//! class of a kind, or turns it off. `docs/diff.md` is this table.

use std::collections::BTreeMap;

/// How serious a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// Needs top management's approval.
    Major,
    /// Does not.
    Minor,
}

impl Class {
    /// The class as written in output and in `flowc.toml`.
    pub fn word(self) -> &'static str {
        match self {
            Class::Major => "major",
            Class::Minor => "minor",
        }
    }
}

macro_rules! change_kinds {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $class:ident, $summary:literal; )*) => {
        /// A kind of change, with a stable name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum ChangeKind {
            $( $(#[$doc])* $variant, )*
        }

        impl ChangeKind {
            /// Every kind, in the order of the documentation.
            pub const ALL: &'static [ChangeKind] = &[$(ChangeKind::$variant),*];

            /// The stable kebab-case name.
            pub fn name(self) -> &'static str {
                match self { $(ChangeKind::$variant => $name,)* }
            }

            /// The class the default policy gives it.
            pub(crate) fn default_class(self) -> Class {
                match self { $(ChangeKind::$variant => Class::$class,)* }
            }

            /// What it means, in one line.
            pub(crate) fn summary(self) -> &'static str {
                match self { $(ChangeKind::$variant => $summary,)* }
            }
        }
    };
}

change_kinds! {
    /// A process was added.
    ProcessAdded = "process-added", Minor, "a new process";
    /// A process was removed.
    ProcessRemoved = "process-removed", Major, "a process is gone: nothing governs that work any more";
    /// A process has a new name, its content unchanged.
    ProcessRenamed = "process-renamed", Minor, "same content under a new name";
    /// A label changed.
    LabelChanged = "label-changed", Minor, "the label (display name) of a process, step, decision, block, end, role or department";
    /// Comments changed.
    CommentsChanged = "comments-changed", Minor, "comments were added, removed or reworded";
    /// The category changed.
    CategoryChanged = "category-changed", Major, "business / management / approval: which part of the policy governs the process";
    /// The owning department of a process changed.
    ProcessOwnerChanged = "process-owner-changed", Major, "another department owns the process";
    /// More people may start the process.
    ApplicantsWidened = "applicants-widened", Major, "more people may start the process (a role added to `applicant`, or the line removed): new people apply, and their own superiors approve";
    /// Fewer people may start the process.
    ApplicantsNarrowed = "applicants-narrowed", Minor, "fewer people may start the process (a role removed from `applicant`, or the line added)";
    /// The SLA is longer.
    SlaLengthened = "sla-lengthened", Major, "more working time for the whole process";
    /// The SLA is shorter.
    SlaTightened = "sla-tightened", Minor, "less working time for the whole process";
    /// An SLA was set.
    SlaAdded = "sla-added", Minor, "the process now has a time limit";
    /// The SLA was removed.
    SlaRemoved = "sla-removed", Major, "the process no longer has a time limit";
    /// The review cycle is longer.
    ReviewCycleLengthened = "review-cycle-lengthened", Major, "the process is reviewed less often";
    /// The review cycle is shorter.
    ReviewCycleShortened = "review-cycle-shortened", Minor, "the process is reviewed more often";
    /// A review cycle was set.
    ReviewCycleAdded = "review-cycle-added", Minor, "the process now has a review cycle";
    /// The review cycle was removed.
    ReviewCycleRemoved = "review-cycle-removed", Major, "the process is no longer reviewed periodically";
    /// The date of the last review changed.
    LastReviewChanged = "last-review-changed", Minor, "a review was recorded";
    /// A duration written in another unit, the same working time.
    DurationRewritten = "duration-rewritten", Minor, "a deadline, SLA, reminder or escalation written in another unit with the same working time";
    /// The version number did not go up though the process changed in a
    /// major way.
    VersionNotRaised = "version-not-raised", Major, "the process changed in a major way but its `version` number did not go up: readers of the old version cannot tell the new one apart";
    /// The version number changed.
    VersionChanged = "version-changed", Minor, "the `version` number was raised, set or removed";
    /// The day the version takes effect changed.
    EffectiveDateChanged = "effective-date-changed", Minor, "the version takes effect on another day (`effective`), or the day was set or removed";
    /// A note was added, removed or reworded.
    NoteChanged = "note-changed", Minor, "the `note` explaining a process, step or call was added, removed or reworded";
    /// The first step changed.
    StartChanged = "start-changed", Minor, "the process starts elsewhere (what that bypasses is reported as `step-bypassed`)";
    /// An input was added.
    InputAdded = "input-added", Minor, "a new input";
    /// An input was removed.
    InputRemoved = "input-removed", Minor, "an input is gone";
    /// An input has a new name, its type unchanged.
    InputRenamed = "input-renamed", Minor, "same input (same type) under a new name; conditions follow it";
    /// An input's type changed.
    InputTypeChanged = "input-type-changed", Minor, "an input has another type or currency";
    /// A KPI was added.
    KpiAdded = "kpi-added", Minor, "a new key indicator";
    /// A KPI was removed.
    KpiRemoved = "kpi-removed", Major, "a key indicator is no longer monitored";
    /// A KPI has a new name, its content unchanged.
    KpiRenamed = "kpi-renamed", Minor, "same key indicator under a new name";
    /// A KPI's target is easier to meet.
    KpiLoosened = "kpi-loosened", Major, "a key indicator's target is easier to meet";
    /// A KPI's target is harder to meet.
    KpiTightened = "kpi-tightened", Minor, "a key indicator's target is harder to meet";
    /// A KPI changed in a way that is neither looser nor tighter.
    KpiChanged = "kpi-changed", Minor, "a key indicator measures something else (statistic, bound or kind of target)";
    /// A step now records a value.
    RecordAdded = "record-added", Minor, "a step's owner now records a value (`record`)";
    /// A recorded value no decision tested is gone.
    RecordRemoved = "record-removed", Minor, "a value no decision tested is no longer recorded";
    /// A recorded value a decision tested is gone.
    TestedRecordRemoved = "tested-record-removed", Major, "a value a decision tested is no longer recorded: that decision now routes on something else";
    /// A recorded value is recorded at another step.
    RecordMoved = "record-moved", Minor, "a value is recorded at another step";
    /// A recorded value has another type or label.
    RecordChanged = "record-changed", Minor, "a recorded value has another type or label";
    /// A step was added.
    StepAdded = "step-added", Minor, "a new step (an added review)";
    /// A step was removed.
    StepRemoved = "step-removed", Major, "a step is gone: nobody does that work or review any more";
    /// A step has a new name, its content unchanged.
    StepRenamed = "step-renamed", Minor, "same step under a new name";
    /// A name now stands for another kind of node.
    NodeKindChanged = "kind-changed", Major, "a step became a decision, block or end (or the other way round)";
    /// A call of another process was added.
    CallAdded = "call-added", Major, "a new call: the steps of another process now run inside this one";
    /// A call was removed.
    CallRemoved = "call-removed", Major, "a call is gone: the called process's steps no longer run as part of this one";
    /// A call has a new name.
    CallRenamed = "call-renamed", Minor, "same call under a new name";
    /// A call runs another process.
    CallRetargeted = "call-retargeted", Major, "a call runs another process (`process` line)";
    /// A call gives the called process other values.
    CallInputsChanged = "call-inputs-changed", Major, "a call gives the called process other values (`with` lines added, removed or changed): its decisions may route cases differently";
    /// A decision was added.
    DecisionAdded = "decision-added", Minor, "a new decision (what it changes is reported as `step-bypassed` / `step-now-reached`)";
    /// A decision was removed.
    DecisionRemoved = "decision-removed", Minor, "a decision is gone (what it changes is reported as `step-bypassed` / `step-now-reached`)";
    /// A decision has a new name.
    DecisionRenamed = "decision-renamed", Minor, "same decision under a new name";
    /// A parallel block was added.
    BlockAdded = "block-added", Minor, "a new parallel block (countersign)";
    /// A parallel block was removed.
    BlockRemoved = "block-removed", Major, "a countersign is gone";
    /// A parallel block has a new name.
    BlockRenamed = "block-renamed", Minor, "same parallel block under a new name";
    /// A branch was added to a parallel block.
    ParallelBranchAdded = "parallel-branch-added", Minor, "one more step in a countersign";
    /// A branch was removed from a parallel block.
    ParallelBranchRemoved = "parallel-branch-removed", Major, "a step no longer countersigns";
    /// An end was added.
    EndAdded = "end-added", Minor, "a new way the process finishes";
    /// An end was removed.
    EndRemoved = "end-removed", Minor, "a way the process finishes is gone";
    /// An end has a new name.
    EndRenamed = "end-renamed", Minor, "same end under a new name";
    /// A step's owner changed.
    OwnerChanged = "owner-changed", Major, "someone else is responsible for a step (a fixed owner replaced by one relative to the applicant, such as `manager of applicant`, included)";
    /// Fewer signatures complete a step.
    SigningLoosened = "signing-loosened", Major, "fewer signatures complete a step, the same people named (`all of` → `any of`, a smaller quorum)";
    /// More signatures are needed to complete a step.
    SigningTightened = "signing-tightened", Minor, "more signatures are needed to complete a step, the same people named (`any of` → `all of`, a larger quorum)";
    /// Someone is now told about a step.
    NotifyAdded = "notify-added", Minor, "someone is now told about a step (`notify`), or told at another moment";
    /// Someone is no longer told about a step.
    NotifyRemoved = "notify-removed", Minor, "someone is no longer told about a step, or told at another moment";
    /// Someone must now be asked.
    ConsultAdded = "consult-added", Minor, "someone must now be asked before a step is done (`consult`)";
    /// Someone who had to be asked no longer is.
    ConsultRemoved = "consult-removed", Major, "someone who had to be asked before a step is done no longer is: a check is gone";
    /// A step's deadline is longer.
    DeadlineLengthened = "deadline-lengthened", Major, "more working time for a step";
    /// A step's deadline is shorter.
    DeadlineTightened = "deadline-tightened", Minor, "less working time for a step";
    /// A step got a deadline.
    DeadlineAdded = "deadline-added", Minor, "a step now has a deadline";
    /// A step lost its deadline.
    DeadlineRemoved = "deadline-removed", Major, "a step no longer has a deadline";
    /// A step got a minimum period.
    MinimumAdded = "minimum-added", Minor, "a step now lasts at least some time (`at least`: a notice or cooling-off period)";
    /// A step lost its minimum period.
    MinimumRemoved = "minimum-removed", Major, "a step may now be finished at once: a notice or cooling-off period is gone";
    /// A step's minimum period is longer.
    MinimumLengthened = "minimum-lengthened", Minor, "a notice or cooling-off period is longer";
    /// A step's minimum period is shorter.
    MinimumShortened = "minimum-shortened", Major, "a notice or cooling-off period is shorter";
    /// A step now moves on by itself when late.
    TimeoutAdded = "timeout-added", Major, "a late step now moves on by itself (`on timeout after`): its work can be skipped";
    /// A step no longer moves on by itself.
    TimeoutRemoved = "timeout-removed", Minor, "a late step no longer moves on by itself: it waits for its owner";
    /// A timeout comes later.
    TimeoutDelayed = "timeout-delayed", Minor, "a step moves on by itself later";
    /// A timeout comes earlier.
    TimeoutEarlier = "timeout-earlier", Major, "a step moves on by itself sooner: its work is skipped in more cases";
    /// A timeout leads elsewhere.
    TimeoutRetargeted = "timeout-retargeted", Major, "a late step moves on to another step";
    /// A reminder was added.
    ReminderAdded = "reminder-added", Minor, "a new reminder";
    /// A reminder was removed.
    ReminderRemoved = "reminder-removed", Minor, "a reminder is gone";
    /// A reminder comes at another time.
    ReminderChanged = "reminder-changed", Minor, "a reminder comes earlier or later";
    /// An escalation was added.
    EscalationAdded = "escalation-added", Minor, "a new escalation";
    /// An escalation was removed.
    EscalationRemoved = "escalation-removed", Major, "an escalation is gone: a late step reaches nobody";
    /// An escalation comes later.
    EscalationDelayed = "escalation-delayed", Major, "an escalation comes later";
    /// An escalation comes earlier.
    EscalationEarlier = "escalation-earlier", Minor, "an escalation comes earlier";
    /// An escalation goes to someone else.
    EscalationRetargeted = "escalation-retargeted", Major, "an escalation reaches someone else";
    /// An escalation that went up the reporting lines no longer does.
    EscalationNoLongerUpward = "escalation-no-longer-upward", Major, "an escalation no longer goes to a superior of the step's owner (after a process or reporting-line change)";
    /// An outcome was added.
    OutcomeAdded = "outcome-added", Minor, "a new outcome (`on NAME -> TARGET`)";
    /// An outcome was removed.
    OutcomeRemoved = "outcome-removed", Minor, "an outcome is gone";
    /// An outcome leads elsewhere.
    OutcomeRetargeted = "outcome-retargeted", Minor, "an outcome leads elsewhere";
    /// `next` leads elsewhere.
    NextChanged = "next-changed", Minor, "a step or block continues elsewhere (what that bypasses is reported as `step-bypassed`)";
    /// A `when` line was added.
    BranchAdded = "branch-added", Minor, "a decision has a new `when` line";
    /// A `when` line was removed.
    BranchRemoved = "branch-removed", Minor, "a decision lost a `when` line";
    /// A `when` line has another condition.
    ConditionChanged = "condition-changed", Minor, "a condition or threshold changed (who is affected is reported as `step-bypassed` / `step-now-reached`)";
    /// `otherwise` leads elsewhere, was added or removed.
    OtherwiseChanged = "otherwise-changed", Minor, "a decision's `otherwise` leads elsewhere, was added or removed";
    /// Some inputs no longer pass through a step.
    StepBypassed = "step-bypassed", Major, "some cases no longer pass through a step that is still there: a review or approval bypassed";
    /// Some inputs now pass through a step they did not before.
    StepNowReached = "step-now-reached", Minor, "some cases now pass through a step they did not before: an added review";
    /// Too many input combinations to compare routes.
    RoutesNotCompared = "routes-not-compared", Major, "the decisions use too many inputs and thresholds to compare every case: review the routes by hand";
    /// A department was added.
    DepartmentAdded = "department-added", Minor, "a new department";
    /// A department was removed.
    DepartmentRemoved = "department-removed", Minor, "a department is gone";
    /// A department has a new name.
    DepartmentRenamed = "department-renamed", Minor, "same department under a new name";
    /// A role was added.
    RoleAdded = "role-added", Minor, "a new role";
    /// A role was removed.
    RoleRemoved = "role-removed", Minor, "a role is gone";
    /// A role has a new name.
    RoleRenamed = "role-renamed", Minor, "same role under a new name";
    /// A role moved to another department.
    RoleDepartmentChanged = "role-department-changed", Minor, "a role belongs to another department";
    /// A role reports to someone else.
    ReportingLineChanged = "reporting-line-changed", Major, "a role reports to someone else; the processes it affects are named";
}

impl ChangeKind {
    /// The kind called `name`.
    pub(crate) fn from_name(name: &str) -> Option<ChangeKind> {
        ChangeKind::ALL
            .iter()
            .copied()
            .find(|kind| kind.name() == name)
    }
}

/// The default policy as a Markdown table, for `docs/diff.md`.
pub fn policy_table() -> String {
    let mut table = String::from("| change kind | default | what it means |\n|---|---|---|\n");
    for kind in ChangeKind::ALL {
        let class = match kind.default_class() {
            Class::Major => "**major**",
            Class::Minor => "minor",
        };
        table.push_str(&format!(
            "| `{}` | {class} | {} |\n",
            kind.name(),
            kind.summary().replace('|', "\\|")
        ));
    }
    table
}

/// What `[diff]` in `flowc.toml` says about a kind of change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// Classify it as this.
    Class(Class),
    /// Do not report it.
    Off,
}

/// The classification policy: the defaults, with `[diff]` overrides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DiffPolicy {
    overrides: BTreeMap<ChangeKind, Setting>,
}

impl DiffPolicy {
    /// The policy with `[diff]`'s table of `kind = "major" | "minor" | "off"`.
    pub(crate) fn from_table(table: &BTreeMap<String, String>) -> Result<DiffPolicy, String> {
        let mut overrides = BTreeMap::new();
        for (name, value) in table {
            let kind = ChangeKind::from_name(name).ok_or_else(|| {
                let known: Vec<&str> = ChangeKind::ALL.iter().map(|kind| kind.name()).collect();
                format!(
                    "[diff] names unknown change kind `{name}`; the kinds are: {}",
                    known.join(", ")
                )
            })?;
            let setting = match value.as_str() {
                "major" => Setting::Class(Class::Major),
                "minor" => Setting::Class(Class::Minor),
                "off" => Setting::Off,
                _ => {
                    return Err(format!(
                        "[diff] {name} = \"{value}\": write \"major\", \"minor\" or \"off\""
                    ));
                }
            };
            overrides.insert(kind, setting);
        }
        Ok(DiffPolicy { overrides })
    }

    /// How a change of this kind is classified, or `None` when it is off.
    pub fn class(&self, kind: ChangeKind) -> Option<Class> {
        match self.overrides.get(&kind) {
            None => Some(kind.default_class()),
            Some(Setting::Class(class)) => Some(*class),
            Some(Setting::Off) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case() {
        let mut names: Vec<&str> = ChangeKind::ALL.iter().map(|kind| kind.name()).collect();
        assert!(
            names
                .iter()
                .all(|name| name.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        );
        names.sort_unstable();
        let count = names.len();
        names.dedup();
        assert_eq!(names.len(), count);
    }

    #[test]
    fn overrides_change_the_class_or_turn_a_kind_off() {
        let table = BTreeMap::from([
            ("label-changed".to_string(), "major".to_string()),
            ("step-removed".to_string(), "off".to_string()),
            ("version-not-raised".to_string(), "minor".to_string()),
        ]);
        let policy = DiffPolicy::from_table(&table).expect("valid");
        assert_eq!(policy.class(ChangeKind::LabelChanged), Some(Class::Major));
        assert_eq!(policy.class(ChangeKind::StepRemoved), None);
        assert_eq!(
            policy.class(ChangeKind::VersionNotRaised),
            Some(Class::Minor)
        );
        assert_eq!(
            DiffPolicy::default().class(ChangeKind::VersionNotRaised),
            Some(Class::Major)
        );
        assert_eq!(policy.class(ChangeKind::OwnerChanged), Some(Class::Major));
    }

    #[test]
    fn unknown_kinds_and_values_are_errors() {
        let table = BTreeMap::from([("step-gone".to_string(), "major".to_string())]);
        let error = DiffPolicy::from_table(&table).expect_err("unknown");
        assert!(error.contains("`step-gone`"), "{error}");
        let table = BTreeMap::from([("step-removed".to_string(), "huge".to_string())]);
        let error = DiffPolicy::from_table(&table).expect_err("bad value");
        assert!(error.contains("\"major\", \"minor\" or \"off\""), "{error}");
    }
}
