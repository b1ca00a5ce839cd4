//! Who an engine gives a task or a notification to (docs/bpmn.md, "People").
//!
//! The engine contract: the starter of an instance passes `applicant` (the
//! user id of the person who applies) and `applicant_managers` (the user ids
//! up the applicant's reporting line, direct superior first). A party of the
//! IR becomes:
//! - a fixed role or department: a candidate group of its name;
//! - `manager of ROLE` (and chains of it): the superior role is fixed by the
//!   reporting lines, so a candidate group of that superior role;
//! - `applicant`: the user `applicant`; `manager of applicant`:
//!   `applicant_managers[1]` (FEEL lists start at 1; `applicant_managers[0]`
//!   in Python), and so on up the line.

use crate::ir::{PartyBaseInfo, PartyInfo, ProcessDocument};

use super::Dialect;

/// Who may do a task, or is told: candidate groups and people up the
/// applicant's line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assignment {
    /// Roles or departments, as candidate groups.
    pub groups: Vec<String>,
    /// People of the applicant's line: 0 is the applicant, `k` their
    /// `k`-th superior (`applicant_managers[k]` in FEEL).
    pub applicant_line: Vec<usize>,
}

impl Assignment {
    /// The assignment of `parties` taken together (any of them).
    pub fn of(parties: &[PartyInfo], document: &ProcessDocument) -> Self {
        let mut assignment = Assignment::default();
        for party in parties {
            match resolve(party, document) {
                Resolved::Group(group) => {
                    if !assignment.groups.contains(&group) {
                        assignment.groups.push(group);
                    }
                }
                Resolved::ApplicantLine(level) => {
                    if !assignment.applicant_line.contains(&level) {
                        assignment.applicant_line.push(level);
                    }
                }
            }
        }
        assignment
    }

    /// The one person it is, when it is exactly one person of the
    /// applicant's line and no group.
    pub fn single_person(&self) -> Option<usize> {
        match (self.groups.as_slice(), self.applicant_line.as_slice()) {
            ([], [level]) => Some(*level),
            _ => None,
        }
    }

    /// The candidate groups, comma-separated, as Zeebe and the Spiff
    /// property take them.
    pub fn groups_text(&self) -> String {
        self.groups.join(",")
    }

    /// The users, as a list expression of `dialect` (no leading `=`).
    pub fn users_expression(&self, dialect: Dialect) -> String {
        let users: Vec<String> = self
            .applicant_line
            .iter()
            .map(|&level| person(level, dialect))
            .collect();
        format!("[{}]", users.join(", "))
    }

    /// The groups, as a list expression of `dialect` (no leading `=`).
    pub fn groups_expression(&self, dialect: Dialect) -> String {
        let groups: Vec<String> = self
            .groups
            .iter()
            .map(|group| super::condition::string(group, dialect))
            .collect();
        format!("[{}]", groups.join(", "))
    }
}

/// What one party resolves to in the BPMN.
enum Resolved {
    Group(String),
    ApplicantLine(usize),
}

fn resolve(party: &PartyInfo, document: &ProcessDocument) -> Resolved {
    match &party.base {
        PartyBaseInfo::Applicant => Resolved::ApplicantLine(party.managers),
        PartyBaseInfo::Department { name } => Resolved::Group(name.clone()),
        PartyBaseInfo::Role { name } => {
            Resolved::Group(superior_role(name, party.managers, document))
        }
    }
}

/// The role `levels` up the reporting lines from `role`; where the line
/// ends (a `manager of` no role holds, which `flowc check` reports), the
/// last role reached.
fn superior_role(role: &str, levels: usize, document: &ProcessDocument) -> String {
    let mut current = role.to_string();
    for _ in 0..levels {
        let above = document
            .roles
            .iter()
            .find(|info| info.name == current)
            .and_then(|info| info.reports_to.clone());
        match above {
            Some(above) => current = above,
            None => break,
        }
    }
    current
}

/// The expression of the person `level` up the applicant's line in
/// `dialect` (no leading `=`): `applicant`, `applicant_managers[1]` (FEEL)
/// or `applicant_managers[0]` (Python) for the direct superior.
pub fn person(level: usize, dialect: Dialect) -> String {
    match (level, dialect) {
        (0, _) => "applicant".to_string(),
        (level, Dialect::Zeebe) => format!("applicant_managers[{level}]"),
        (level, Dialect::Spiff) => format!("applicant_managers[{}]", level - 1),
    }
}

/// A lane key and label for a party list: the first party's role or
/// department name (the lane of that role), or for the applicant's line
/// the party as written (`manager of applicant`).
pub fn lane_of(parties: &[PartyInfo], document: &ProcessDocument) -> Option<String> {
    let first = parties.first()?;
    Some(match resolve(first, document) {
        Resolved::Group(group) => group,
        Resolved::ApplicantLine(_) => first.text.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_applicant_line_counts_from_one_in_feel_and_from_zero_in_python() {
        assert_eq!(person(0, Dialect::Zeebe), "applicant");
        assert_eq!(person(0, Dialect::Spiff), "applicant");
        assert_eq!(person(1, Dialect::Zeebe), "applicant_managers[1]");
        assert_eq!(person(1, Dialect::Spiff), "applicant_managers[0]");
        assert_eq!(person(2, Dialect::Zeebe), "applicant_managers[2]");
        assert_eq!(person(2, Dialect::Spiff), "applicant_managers[1]");
    }
}
