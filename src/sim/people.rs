//! Who does what in a run: the applicant, the people relative to the
//! applicant (`manager of applicant`), and the signers of a step that
//! several people sign (`owner all of ...`, `owner N of ...`).
//!
//! The simulator reads the JSON IR, so it resolves parties from the IR's
//! reporting lines (`roles[].reports_to`), as an engine's starter does
//! when it fills `applicant_managers` (docs/runtime.md).

use crate::ir::{NodeInfo, PartyBaseInfo, PartyInfo, ProcessDocument, SigningMode};

use super::SimError;
use crate::i18n::Text;
use crate::text;

/// The roles a case's applicant may hold, in the order of the `applicant`
/// line (a department stands for each of its roles, in the IR's order).
pub fn applicant_roles(document: &ProcessDocument) -> Vec<String> {
    let mut roles: Vec<String> = Vec::new();
    for applicant in &document.process.applicants {
        let names: Vec<String> = match applicant.kind {
            crate::ir::OwnerKind::Role => vec![applicant.name.clone()],
            crate::ir::OwnerKind::Department => document
                .roles
                .iter()
                .filter(|role| role.department.as_deref() == Some(applicant.name.as_str()))
                .map(|role| role.name.clone())
                .collect(),
        };
        for name in names {
            if !roles.contains(&name) {
                roles.push(name);
            }
        }
    }
    roles
}

/// The applicant of a run: the role asked for, checked against the
/// `applicant` line, or the first applicant role.
pub fn choose_applicant(
    document: &ProcessDocument,
    asked: Option<&str>,
) -> Result<Option<String>, SimError> {
    let roles = applicant_roles(document);
    let process = &document.process.name;
    match asked {
        None => Ok(roles.first().cloned()),
        Some(_) if roles.is_empty() => Err(SimError::Scenario(text!(
            "sim-error-no-applicants",
            process = process.as_str()
        ))),
        Some(role) if roles.iter().any(|known| known == role) => Ok(Some(role.to_string())),
        Some(role) => Err(SimError::Scenario(text!(
            "sim-error-not-an-applicant",
            role = role,
            process = process.as_str(),
            applicants = roles
                .iter()
                .map(|known| Text::verbatim(known.as_str()))
                .collect::<Vec<_>>()
        ))),
    }
}

/// The role a party is in a run whose applicant holds `applicant`, or why
/// nobody is (in English).
pub fn resolve(
    document: &ProcessDocument,
    party: &PartyInfo,
    applicant: Option<&str>,
) -> Result<String, String> {
    resolve_or_why(document, party, applicant).map_err(|why| why.english())
}

/// The role a party is in a run, or why nobody is, in words.
fn resolve_or_why(
    document: &ProcessDocument,
    party: &PartyInfo,
    applicant: Option<&str>,
) -> Result<String, Text> {
    let mut role = match (&party.base, applicant) {
        (PartyBaseInfo::Applicant, Some(applicant)) => applicant.to_string(),
        (PartyBaseInfo::Applicant, None) => return Err(text!("sim-no-applicant")),
        (PartyBaseInfo::Role { name } | PartyBaseInfo::Department { name }, _) => name.clone(),
    };
    for _ in 0..party.managers {
        let superior = document
            .roles
            .iter()
            .find(|known| known.name == role)
            .and_then(|known| known.reports_to.clone());
        match superior {
            Some(superior) => role = superior,
            None => return Err(text!("sim-reports-to-nobody", role = role)),
        }
    }
    Ok(role)
}

/// How a party relates to the applicant, in English: "the applicant", "the
/// applicant's superior", "the superior of the applicant's superior";
/// `None` for a fixed role or department.
pub fn relation(party: &PartyInfo) -> Option<String> {
    relation_words(party).map(|relation| relation.english())
}

/// How a party relates to the applicant, in words. Each level above the
/// first is one more item of a flat chain (`the superior of ...`), so a
/// long `manager of` line does not nest the text deep.
pub fn relation_words(party: &PartyInfo) -> Option<Text> {
    let base = match &party.base {
        PartyBaseInfo::Applicant => text!("sim-the-applicant"),
        PartyBaseInfo::Role { name } if party.managers > 0 => {
            text!("sim-role", role = name.as_str())
        }
        PartyBaseInfo::Role { .. } | PartyBaseInfo::Department { .. } => return None,
    };
    if party.managers == 0 {
        return Some(base);
    }
    let mut levels = vec![text!("sim-superior", base = base)];
    levels.extend((1..party.managers).map(|_| Text::verbatim("")));
    Some(Text::chain("sim-superior-of", levels))
}

/// Who a party is in a run, for the timeline: its role, and for a relative
/// party how it relates to the applicant ("部門負責人 (dept_head), the
/// applicant's superior"); the JSON events hold its English.
pub fn who(document: &ProcessDocument, party: &PartyInfo, applicant: Option<&str>) -> Text {
    let Some(relation) = relation_words(party) else {
        return Text::verbatim(party.text.as_str());
    };
    match resolve_or_why(document, party, applicant) {
        Ok(role) => match role_label(document, &role) {
            Some(label) => text!(
                "sim-relative-labelled",
                label = label,
                role = role,
                relation = relation
            ),
            None => text!("sim-relative", role = role, relation = relation),
        },
        Err(reason) => text!("sim-nobody", relation = relation, reason = reason),
    }
}

/// The label of a role, if it has one.
fn role_label<'d>(document: &'d ProcessDocument, role: &str) -> Option<&'d str> {
    document
        .roles
        .iter()
        .find(|known| known.name == role)
        .and_then(|known| known.label.as_deref())
}

/// Who does a step, for the timeline: one owner as before ("dept_head"),
/// a relative owner with its relation, several as "any of a, b" and so on.
pub fn step_owner(
    document: &ProcessDocument,
    node: &NodeInfo,
    applicant: Option<&str>,
) -> Option<Text> {
    let signing = node.signing.as_ref()?;
    let people: Vec<Text> = node
        .owners
        .iter()
        .map(|party| who(document, party, applicant))
        .collect();
    let pair = if node.owners.iter().any(|party| relation(party).is_some()) {
        "sim-people-relative"
    } else {
        "sim-people"
    };
    let people = Text::chain(pair, people);
    Some(match signing.mode {
        SigningMode::One => people,
        SigningMode::AnyOf => text!(
            "sim-signers",
            mode = "any",
            people = people,
            required = signing.required
        ),
        SigningMode::AllOf => text!(
            "sim-signers",
            mode = "all",
            people = people,
            required = signing.required
        ),
        SigningMode::Quorum => text!(
            "sim-signers",
            mode = "quorum",
            people = people,
            required = signing.required
        ),
    })
}

/// A signer's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vote {
    /// Approves (`approve` or `next`).
    Approve,
    /// Rejects.
    Reject,
}

/// The votes of `--outcome STEP=v1,v2,...` for a step several people sign:
/// one per owner, in the order of the `owner` line.
pub fn parse_votes(node: &NodeInfo, text: &str) -> Result<Vec<Vote>, Text> {
    let votes: Vec<&str> = text.split(',').map(str::trim).collect();
    if votes.len() != node.owners.len() {
        return Err(text!(
            "sim-error-votes-count",
            step = node.id.as_str(),
            text = text,
            count = node.owners.len(),
            signers = node
                .owners
                .iter()
                .map(|party| Text::verbatim(party.text.as_str()))
                .collect::<Vec<_>>(),
            example = vec!["approve"; node.owners.len()].join(",")
        ));
    }
    votes
        .into_iter()
        .map(|vote| match vote {
            "approve" | "next" => Ok(Vote::Approve),
            "reject" => Ok(Vote::Reject),
            other => Err(text!(
                "sim-error-not-an-answer",
                step = node.id.as_str(),
                text = text,
                answer = other
            )),
        })
        .collect()
}

/// Whether a step is signed by several people, each answering.
pub fn is_multi_signer(node: &NodeInfo) -> bool {
    node.signing
        .as_ref()
        .is_some_and(|signing| matches!(signing.mode, SigningMode::AllOf | SigningMode::Quorum))
}

/// What the signers' answers decide: how many answers were needed before
/// the step was decided, and whether it was approved. All of: the first
/// rejection rejects. A quorum of N: approved when N approve, rejected as
/// soon as N approvals have become impossible.
pub fn tally(required: u32, votes: &[Vote]) -> (usize, bool) {
    let needed = usize::try_from(required).unwrap_or(usize::MAX);
    let total = votes.len();
    let (mut approvals, mut rejections) = (0, 0);
    for (index, vote) in votes.iter().enumerate() {
        match vote {
            Vote::Approve => approvals += 1,
            Vote::Reject => rejections += 1,
        }
        if approvals >= needed {
            return (index + 1, true);
        }
        if approvals + (total - approvals - rejections) < needed {
            return (index + 1, false);
        }
    }
    (total, approvals >= needed)
}

#[cfg(test)]
mod tests {
    use super::{Vote, tally};

    #[test]
    fn all_of_is_rejected_by_the_first_rejection() {
        let votes = [Vote::Approve, Vote::Reject, Vote::Approve];
        assert_eq!(tally(3, &votes), (2, false));
    }

    #[test]
    fn a_quorum_is_decided_as_soon_as_it_is_reached_or_impossible() {
        use Vote::{Approve, Reject};
        assert_eq!(tally(2, &[Approve, Approve, Reject]), (2, true));
        assert_eq!(tally(2, &[Approve, Reject, Approve]), (3, true));
        assert_eq!(tally(2, &[Reject, Reject, Approve]), (2, false));
        assert_eq!(tally(3, &[Approve, Approve, Approve]), (3, true));
    }
}
