//! `reporting-cycle`: roles whose reporting lines go round in a circle.

use crate::check::{CheckContext, Finding, Rule};
use crate::model::{Project, RoleId};
use crate::span::Location;

rule! {
    /// ## What it checks
    /// That no role reports to itself, directly (`role a reports to a`) or
    /// through others (`a` reports to `b`, `b` reports to `a`). The message
    /// shows the circle. Each circle is reported once, at the role declared
    /// first in it.
    ///
    /// ## Why
    /// Systematic (系統性): the reporting lines are what escalations climb
    /// and what "above the owner" means. In a circle nobody is on top, so an
    /// escalation can never reach someone with authority, and responsibility
    /// goes round instead of up.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`:
    /// ```flow
    /// department plant "工廠"
    ///
    /// role plant_manager "廠長" in plant reports to shift_lead
    /// role shift_lead "班組長" in plant reports to plant_manager
    /// ```
    /// reports "role `plant_manager` reports to itself: plant_manager ->
    /// shift_lead -> plant_manager".
    ///
    /// ## Fix
    /// Correct the `reports to` line that points back down: the role at the
    /// top of the line reports to no one (or to a role above it).
    pub struct ReportingCycle;
    code: "F171",
    name: "reporting-cycle",
    severity: Error,
    enabled_by_default: true,
    principle: Systematic,
    summary: "A role reports to itself, directly or through others.",
}

/// How far the search has got with a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seen {
    /// Not reached yet.
    New,
    /// On the line being followed now.
    OnLine,
    /// Followed to its end (or its circle) already.
    Done,
}

impl Rule for ReportingCycle {
    fn check(&self, project: &Project, _context: &CheckContext, findings: &mut Vec<Finding>) {
        let mut seen = vec![Seen::New; project.roles.len()];
        for first in 0..project.roles.len() {
            let mut line: Vec<RoleId> = Vec::new();
            let mut current = Some(RoleId(first));
            while let Some(role) = current {
                match seen[role.0] {
                    Seen::Done => break,
                    Seen::OnLine => {
                        let from = line.iter().position(|&r| r == role).unwrap_or_default();
                        findings.push(finding(project, &line[from..]));
                        break;
                    }
                    Seen::New => {
                        seen[role.0] = Seen::OnLine;
                        line.push(role);
                        current = superior(project, role);
                    }
                }
            }
            for role in line {
                seen[role.0] = Seen::Done;
            }
        }
    }
}

/// The role `role` reports to, if the line resolves.
fn superior(project: &Project, role: RoleId) -> Option<RoleId> {
    project.role(role).superior.as_ref()?.target
}

/// Where `role` says whom it reports to.
fn reports_to_at(project: &Project, role: RoleId) -> Location {
    let declared = project.role(role);
    match &declared.superior {
        Some(superior) => Location::new(declared.name_at.file, superior.span),
        None => declared.name_at,
    }
}

/// The finding for a circle, given in reporting order.
fn finding(project: &Project, circle: &[RoleId]) -> Finding {
    // Start the circle at the role declared first, so the report is the
    // same whichever role the search entered it by.
    let start = (0..circle.len())
        .min_by_key(|&index| circle[index])
        .unwrap_or_default();
    let ordered: Vec<RoleId> = circle[start..]
        .iter()
        .chain(&circle[..start])
        .copied()
        .collect();
    let names = ordered
        .iter()
        .chain(ordered.first())
        .map(|&role| project.role(role).name.as_str());
    let first = ordered[0];
    let first_name = &project.role(first).name;
    let mut found = Finding::new(
        reports_to_at(project, first),
        crate::text!(
            "reporting-cycle-message",
            role = first_name,
            circle = super::chain::chain(names, "chain-link")
        ),
        crate::text!("reporting-cycle-label"),
        crate::text!("reporting-cycle-help"),
    );
    for &role in &ordered[1..] {
        found = found.with_related(
            reports_to_at(project, role),
            crate::text!("reporting-cycle-related", role = &project.role(role).name),
        );
    }
    found
}
