//! What the rules that read people share: who a step's owners are in each
//! case (through `model::people`), problems found case by case gathered into
//! one finding per problem, and the words that name a case.

use crate::i18n::Text;
use crate::model::people;
use crate::model::{
    NodeId, NodeKind, OrgUnit, Owners, Party, Process, Project, RoleId, StepDetails,
};
use crate::syntax::ast::Signing;
use crate::text;

/// The role the applicant holds in a case, `None` in a process without
/// `applicant` (whose only case has no applicant).
pub(super) type Case = Option<RoleId>;

/// Problems found case by case: each problem (a key) with the cases it
/// holds for, in the order first found.
#[derive(Debug)]
pub(super) struct ByCase<K> {
    groups: Vec<(K, Vec<Case>)>,
}

impl<K: PartialEq> ByCase<K> {
    /// No problem yet.
    pub fn new() -> Self {
        ByCase { groups: Vec::new() }
    }

    /// Records that `problem` holds in `case`.
    pub fn add(&mut self, problem: K, case: Case) {
        match self.groups.iter_mut().find(|(key, _)| *key == problem) {
            Some((_, cases)) => cases.push(case),
            None => self.groups.push((problem, vec![case])),
        }
    }

    /// Each problem with its cases, in the order first found.
    pub fn into_groups(self) -> impl Iterator<Item = (K, Vec<Case>)> {
        self.groups.into_iter()
    }
}

/// Problems that share the first part of their key: that part, and each
/// second part with the cases it holds for.
pub(super) type Gathered<A, B> = (A, Vec<(B, Vec<Case>)>);

impl<A: PartialEq, B> ByCase<(A, B)> {
    /// The problems gathered by the first part of their key (one finding
    /// each), each with the second part and its cases, in the order first
    /// found.
    pub fn by_first(self) -> Vec<Gathered<A, B>> {
        let mut gathered: Vec<Gathered<A, B>> = Vec::new();
        for ((first, second), cases) in self.groups {
            match gathered.iter_mut().find(|(known, _)| *known == first) {
                Some((_, rest)) => rest.push((second, cases)),
                None => gathered.push((first, vec![(second, cases)])),
            }
        }
        gathered
    }
}

/// The roles a step's owner parties resolve to in `case`, each with the
/// index of its party on the `owner` line; parties that are a department,
/// or name nobody, are left out (other rules report the latter).
pub(super) fn owner_roles(project: &Project, owners: &Owners, case: Case) -> Vec<(usize, RoleId)> {
    owner_units(project, owners, case)
        .into_iter()
        .filter_map(|(index, unit)| match unit {
            OrgUnit::Role(role) => Some((index, role)),
            OrgUnit::Department(_) => None,
        })
        .collect()
}

/// The role `party` names in `case`, if it is a role.
pub(super) fn role_in(project: &Project, party: &Party, case: Case) -> Option<RoleId> {
    people::resolve(project, party, case).role()
}

/// "when the applicant is `employee` or `dept_head`", naming the cases.
pub(super) fn when_applicant(project: &Project, cases: &[Case]) -> Text {
    let names: Vec<Text> = cases
        .iter()
        .flatten()
        .map(|role| super::quoted(&project.role(*role).name))
        .collect();
    if names.is_empty() {
        text!("in-every-case")
    } else {
        text!(
            "when-applicant",
            roles = super::joined_list(names, "list-or")
        )
    }
}

/// What a party does in a step, as messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// On the `owner` line.
    Owner,
    /// An `escalate ... to` target.
    Escalation,
    /// Told by `notify`.
    Notified,
    /// Asked by `consult`.
    Consulted,
}

impl Part {
    /// "the owner of step `approve`"
    pub fn of_step(self, step: &str) -> Text {
        let part = match self {
            Part::Owner => "owner",
            Part::Escalation => "escalation",
            Part::Notified => "notified",
            Part::Consulted => "consulted",
        };
        text!("step-part", part = part, step = step)
    }
}

/// Every party a step names, with what it does there, in the order of the
/// lines: owners, escalation targets, those notified, those consulted.
pub(super) fn step_parties(details: &StepDetails) -> impl Iterator<Item = (&Party, Part)> {
    let owners = details
        .owner
        .iter()
        .flat_map(|owners| owners.parties.iter())
        .map(|party| (party, Part::Owner));
    let escalations = details
        .escalations
        .iter()
        .map(|escalation| (&escalation.to, Part::Escalation));
    let notified = details
        .notifications
        .iter()
        .map(|notification| (&notification.who, Part::Notified));
    let consulted = details
        .consults
        .iter()
        .map(|party| (party, Part::Consulted));
    owners.chain(escalations).chain(notified).chain(consulted)
}

/// Whether someone holding `role` is among the people `unit` names: the
/// role itself, or a department the role belongs to.
pub(super) fn holds(project: &Project, unit: OrgUnit, role: RoleId) -> bool {
    match unit {
        OrgUnit::Role(named) => named == role,
        OrgUnit::Department(department) => {
            project
                .role(role)
                .department
                .as_ref()
                .and_then(|d| d.target)
                == Some(department)
        }
    }
}

/// The roles or departments a step's owner parties resolve to in `case`,
/// each with the index of its party; parties that name nobody are left
/// out.
pub(super) fn owner_units(project: &Project, owners: &Owners, case: Case) -> Vec<(usize, OrgUnit)> {
    owners
        .parties
        .iter()
        .enumerate()
        .filter_map(|(index, party)| {
            people::resolve(project, party, case)
                .unit()
                .map(|unit| (index, unit))
        })
        .collect()
}

/// The `owner` line of the step `node`.
pub(super) fn owners_of(process: &Process, node: NodeId) -> Option<&Owners> {
    match &process.node(node).kind {
        NodeKind::Step(details) => details.owner.as_ref(),
        _ => None,
    }
}

/// Whether the people `owners` names in `case` surely include one `is`
/// accepts, however they sign: for one owner or `any of`, every party is
/// such a one; for `all of` some party is; for `N of`, fewer than N are
/// not.
pub(super) fn surely_signs(
    project: &Project,
    owners: &Owners,
    case: Case,
    is: impl Fn(OrgUnit) -> bool,
) -> bool {
    let count = owners.parties.len();
    let required = match owners.signing {
        Signing::One | Signing::AnyOf => 1,
        Signing::AllOf => count,
        Signing::Quorum(required) => usize::try_from(required).unwrap_or(usize::MAX),
    };
    let others = owners
        .parties
        .iter()
        .filter(|party| {
            !people::resolve(project, party, case)
                .unit()
                .is_some_and(&is)
        })
        .count();
    count > 0 && others < required.max(1)
}
