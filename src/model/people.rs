//! Who a party is in a case.
//!
//! A step names people as fixed roles (`owner cashier`) or relative to the
//! person who started the case (`owner manager of applicant`). Who a
//! relative party is depends on the role the applicant holds, so everything
//! that reads owners (rules, the simulator, the handbook) asks here, once
//! for each role the applicant may hold.

use super::{OrgUnit, Party, PartyBase, Process, Project, RoleId, StepDetails};

/// Who a party is in one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holder {
    /// A role or department.
    Unit(OrgUnit),
    /// Nobody: the `manager of` chain passes a role that reports to nobody.
    NoManager {
        /// The role with no superior.
        of: RoleId,
        /// Which `manager of` (1 for the innermost) found nobody.
        level: usize,
    },
    /// Nobody can be named: the party names the applicant in a process
    /// without `applicant`, or a name that does not resolve (reported
    /// elsewhere).
    Unknown,
}

impl Holder {
    /// The role, when the party is a role in this case.
    pub fn role(self) -> Option<RoleId> {
        match self {
            Holder::Unit(OrgUnit::Role(role)) => Some(role),
            _ => None,
        }
    }

    /// The role or department, when the party is one in this case.
    pub fn unit(self) -> Option<OrgUnit> {
        match self {
            Holder::Unit(unit) => Some(unit),
            _ => None,
        }
    }
}

/// The roles a case's applicant may hold, in the order written: each role
/// of the `applicant` line, and each role of a department on it (in
/// declaration order), each once. Empty for a process without `applicant`.
pub fn applicant_roles(project: &Project, process: &Process) -> Vec<RoleId> {
    let mut roles = Vec::new();
    for applicant in &process.applicants {
        match applicant.target {
            Some(OrgUnit::Role(role)) => roles.push(role),
            Some(OrgUnit::Department(department)) => roles.extend(
                project
                    .roles
                    .iter()
                    .enumerate()
                    .filter(|(_, role)| {
                        role.department.as_ref().and_then(|d| d.target) == Some(department)
                    })
                    .map(|(index, _)| RoleId(index)),
            ),
            None => {}
        }
    }
    let mut seen = std::collections::HashSet::new();
    roles.retain(|role| seen.insert(*role));
    roles
}

/// The cases whose people differ: one for each role the applicant may hold,
/// or a single case without an applicant for a process without `applicant`.
pub fn cases(project: &Project, process: &Process) -> Vec<Option<RoleId>> {
    let roles = applicant_roles(project, process);
    if roles.is_empty() {
        vec![None]
    } else {
        roles.into_iter().map(Some).collect()
    }
}

/// Who `party` is in a case whose applicant holds `applicant`.
pub fn resolve(project: &Project, party: &Party, applicant: Option<RoleId>) -> Holder {
    let base = match (&party.base, applicant) {
        (PartyBase::Applicant, Some(role)) => OrgUnit::Role(role),
        (PartyBase::Applicant, None) => return Holder::Unknown,
        (PartyBase::Unit(unit), _) => match unit.target {
            Some(unit) => unit,
            None => return Holder::Unknown,
        },
    };
    let mut current = base;
    for level in 1..=party.managers {
        let OrgUnit::Role(role) = current else {
            return Holder::Unknown;
        };
        match project.role(role).superior.as_ref().and_then(|s| s.target) {
            Some(superior) => current = OrgUnit::Role(superior),
            None => return Holder::NoManager { of: role, level },
        }
    }
    Holder::Unit(current)
}

/// Every party a step names, in the order of its lines: owners, escalation
/// targets, those notified, those consulted.
pub fn parties(details: &StepDetails) -> impl Iterator<Item = &Party> {
    let owners = details
        .owner
        .iter()
        .flat_map(|owners| owners.parties.iter());
    let escalations = details.escalations.iter().map(|escalation| &escalation.to);
    let notified = details
        .notifications
        .iter()
        .map(|notification| &notification.who);
    owners
        .chain(escalations)
        .chain(notified)
        .chain(&details.consults)
}

/// Every role or department a step names directly (as an owner, an
/// escalation target, someone notified or consulted) or as the start of a
/// `manager of` chain, in the order written.
pub fn fixed_units(details: &StepDetails) -> impl Iterator<Item = OrgUnit> + '_ {
    parties(details).filter_map(|party| match &party.base {
        PartyBase::Unit(unit) => unit.target,
        PartyBase::Applicant => None,
    })
}
