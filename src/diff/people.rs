//! Changes of people between two versions of a process: who may start it
//! (`applicant`), who owns a step and how they sign, who is notified and
//! who is consulted. Parties are compared in written form, an old role
//! or department by its new name, so a renamed role is not a new person.

use std::cmp::Ordering;

use super::org::UnitRenames;
use super::{ChangeKind, Recorder};
use crate::i18n::Text;
use crate::model::{Owners, Party, Process, StepDetails};
use crate::syntax::ast::Signing;
use crate::text;

/// Records the changes of a process's `applicant` line.
pub(super) fn applicants(
    recorder: &mut Recorder<'_>,
    units: &UnitRenames,
    old: &Process,
    new: &Process,
) {
    let old_names: Vec<&str> = old
        .applicants
        .iter()
        .map(|unit| units.new_name(&unit.name))
        .collect();
    let new_names: Vec<&str> = new
        .applicants
        .iter()
        .map(|unit| unit.name.as_str())
        .collect();
    let quoted = |names: &[&str]| super::quoted_names(names);
    let name = new.name.as_str();
    match (old_names.is_empty(), new_names.is_empty()) {
        (true, true) => {}
        (true, false) => recorder.record(
            ChangeKind::ApplicantsNarrowed,
            "process",
            name,
            text!("diff-applicants-only", roles = quoted(&new_names)),
        ),
        (false, true) => recorder.record(
            ChangeKind::ApplicantsWidened,
            "process",
            name,
            text!("diff-applicants-anyone", roles = quoted(&old_names)),
        ),
        (false, false) => {
            let came: Vec<&str> = new_names
                .iter()
                .copied()
                .filter(|name| !old_names.contains(name))
                .collect();
            let gone: Vec<&str> = old_names
                .iter()
                .copied()
                .filter(|name| !new_names.contains(name))
                .collect();
            if !came.is_empty() {
                recorder.record(
                    ChangeKind::ApplicantsWidened,
                    "process",
                    name,
                    text!("diff-applicants-added", roles = quoted(&came)),
                );
            }
            if !gone.is_empty() {
                recorder.record(
                    ChangeKind::ApplicantsNarrowed,
                    "process",
                    name,
                    text!("diff-applicants-removed", roles = quoted(&gone)),
                );
            }
        }
    }
}

/// Records the change of a step's `owner` line: how they sign when the
/// same people sign differently, who otherwise.
pub(super) fn owners(
    recorder: &mut Recorder<'_>,
    units: &UnitRenames,
    name: &str,
    old: &StepDetails,
    new: &StepDetails,
) {
    let rename = |name: &str| units.new_name(name).to_string();
    let old_text = old.owner.as_ref().map(|owners| owners.text_with(rename));
    let new_text = new.owner.as_ref().map(ToString::to_string);
    if old_text == new_text {
        return;
    }
    if let (Some(before), Some(after)) = (&old.owner, &new.owner)
        && before.signing != after.signing
        && parties_text(before, units) == parties_text(after, &UnitRenames::default())
    {
        let (was, now) = (signatures(before), signatures(after));
        let kind = match now.cmp(&was) {
            Ordering::Less => ChangeKind::SigningLoosened,
            Ordering::Greater => ChangeKind::SigningTightened,
            // `all of a, b` and `2 of a, b` ask the same of the same people.
            Ordering::Equal => return,
        };
        recorder.record(
            kind,
            "step",
            name,
            text!(
                "diff-signing-changed",
                old = old_text.as_deref().unwrap_or_default(),
                was = was,
                new = new_text.as_deref().unwrap_or_default(),
                now = now
            ),
        );
        return;
    }
    let relative = |owners: Option<&Owners>| {
        owners.is_some_and(|owners| owners.parties.iter().any(Party::is_relative))
    };
    let note = if !relative(old.owner.as_ref()) && relative(new.owner.as_ref()) {
        text!("diff-owner-now-relative")
    } else if relative(old.owner.as_ref()) && !relative(new.owner.as_ref()) {
        text!("diff-owner-now-fixed")
    } else {
        Text::verbatim("")
    };
    let who = |owner: Option<String>| owner.map_or_else(|| text!("diff-nobody"), Text::verbatim);
    recorder.record(
        ChangeKind::OwnerChanged,
        "step",
        name,
        text!(
            "diff-owner-changed",
            old = who(old_text),
            new = who(new_text),
            note = note
        ),
    );
}

/// Records the `notify` and `consult` lines a step gained or lost.
pub(super) fn told_and_asked(
    recorder: &mut Recorder<'_>,
    units: &UnitRenames,
    name: &str,
    old: &StepDetails,
    new: &StepDetails,
) {
    let unchanged = UnitRenames::default();
    let notified = |step: &StepDetails, units: &UnitRenames| -> Vec<(String, &'static str)> {
        step.notifications
            .iter()
            .map(|notification| {
                (
                    party_text(&notification.who, units),
                    notification.when.keyword(),
                )
            })
            .collect()
    };
    let consulted = |step: &StepDetails, units: &UnitRenames| -> Vec<(String, &'static str)> {
        step.consults
            .iter()
            .map(|party| (party_text(party, units), ""))
            .collect()
    };
    let lists = [
        (
            notified(old, units),
            notified(new, &unchanged),
            [ChangeKind::NotifyRemoved, ChangeKind::NotifyAdded],
            ["diff-notify-removed", "diff-notify-added"],
        ),
        (
            consulted(old, units),
            consulted(new, &unchanged),
            [ChangeKind::ConsultRemoved, ChangeKind::ConsultAdded],
            ["diff-consult-removed", "diff-consult-added"],
        ),
    ];
    for (before, after, [removed, added], [gone, came]) in lists {
        for (party, when) in before.iter().filter(|line| !after.contains(line)) {
            let words = Text::new(gone).arg("party", party).arg("when", *when);
            recorder.record(removed, "step", name, words);
        }
        for (party, when) in after.iter().filter(|line| !before.contains(line)) {
            let words = Text::new(came).arg("party", party).arg("when", *when);
            recorder.record(added, "step", name, words);
        }
    }
}

/// A party in written form, its role or department by its new name.
fn party_text(party: &Party, units: &UnitRenames) -> String {
    party.text_with(|name| units.new_name(name).to_string())
}

/// The parties of an `owner` line in written form, without the signing.
fn parties_text(owners: &Owners, units: &UnitRenames) -> Vec<String> {
    owners
        .parties
        .iter()
        .map(|party| party_text(party, units))
        .collect()
}

/// How many must sign for the step to be done.
fn signatures(owners: &Owners) -> usize {
    match owners.signing {
        Signing::One | Signing::AnyOf => 1,
        Signing::AllOf => owners.parties.len(),
        Signing::Quorum(count) => usize::try_from(count).unwrap_or(usize::MAX),
    }
}
