//! The reporting lines as a question the escalation rules ask many times:
//! is one role above another? Answered in constant time from one walk of the
//! organisation, so rules stay linear however deep the lines are.

use crate::model::{Project, RoleId};

/// Where each role sits in the tree of reporting lines.
#[derive(Debug, Clone)]
pub(super) struct ReportingLines {
    /// For each role, when the walk entered it and when it left it; `None`
    /// for a role whose line runs into a circle (`reporting-cycle`).
    visits: Vec<Option<(usize, usize)>>,
}

impl ReportingLines {
    /// Walks the reporting lines of `project` once.
    pub fn of(project: &Project) -> Self {
        let count = project.roles.len();
        let superior = |role: usize| {
            project.roles[role]
                .superior
                .as_ref()
                .and_then(|superior| superior.target)
                .map(|target| target.0)
        };
        let circular = roles_reaching_a_circle(count, superior);
        let mut subordinates: Vec<Vec<usize>> = vec![Vec::new(); count];
        let mut tops = Vec::new();
        for role in (0..count).filter(|&role| !circular[role]) {
            match superior(role) {
                Some(boss) => subordinates[boss].push(role),
                None => tops.push(role),
            }
        }
        let mut visits = vec![None; count];
        let mut clock = 0;
        for top in tops {
            let mut stack = vec![(top, 0)];
            let mut entered = vec![(top, clock)];
            clock += 1;
            while let Some((role, next)) = stack.last_mut() {
                if let Some(&below) = subordinates[*role].get(*next) {
                    *next += 1;
                    stack.push((below, 0));
                    entered.push((below, clock));
                    clock += 1;
                } else {
                    let role = *role;
                    stack.pop();
                    let start = entered.pop().map_or(0, |(_, start)| start);
                    visits[role] = Some((start, clock));
                    clock += 1;
                }
            }
        }
        ReportingLines { visits }
    }

    /// Whether `high` is above `low` (its superior, or a superior's
    /// superior, ...).
    pub(crate) fn is_above(&self, project: &Project, high: RoleId, low: RoleId) -> bool {
        match (self.visits[high.0], self.visits[low.0]) {
            (Some((high_in, high_out)), Some((low_in, low_out))) => {
                high_in < low_in && low_out < high_out
            }
            // A line through a circle: follow it, stopping where it repeats.
            _ => project.superiors(low).contains(&high),
        }
    }
}

/// For each role, whether following its superiors runs into a circle.
fn roles_reaching_a_circle(count: usize, superior: impl Fn(usize) -> Option<usize>) -> Vec<bool> {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Seen {
        New,
        OnLine,
        Clear,
        Circular,
    }
    let mut seen = vec![Seen::New; count];
    for first in 0..count {
        let mut line = Vec::new();
        let mut current = Some(first);
        let verdict = loop {
            let Some(role) = current else {
                break Seen::Clear;
            };
            match seen[role] {
                Seen::New => {
                    seen[role] = Seen::OnLine;
                    line.push(role);
                    current = superior(role);
                }
                Seen::OnLine | Seen::Circular => break Seen::Circular,
                Seen::Clear => break Seen::Clear,
            }
        };
        for role in line {
            seen[role] = verdict;
        }
    }
    seen.into_iter()
        .map(|seen| seen == Seen::Circular)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    /// Every pair of roles of `org`: `is_above` agrees with following the
    /// superiors one by one.
    fn agrees_with_the_chain(org: &str) {
        let project = crate::model::build(vec![SourceFile::from_text("org.flow", org.to_string())]);
        let lines = ReportingLines::of(&project);
        for high in 0..project.roles.len() {
            for low in 0..project.roles.len() {
                let (high, low) = (RoleId(high), RoleId(low));
                assert_eq!(
                    lines.is_above(&project, high, low),
                    project.superiors(low).contains(&high),
                    "is {} above {}?",
                    project.role(high).name,
                    project.role(low).name
                );
            }
        }
    }

    #[test]
    fn trees_of_reporting_lines() {
        agrees_with_the_chain(
            "role ceo\nrole cfo reports to ceo\nrole coo reports to ceo\nrole accountant reports to cfo\nrole clerk reports to accountant\nrole foreman reports to coo\nrole other\nrole helper reports to other\n",
        );
    }

    #[test]
    fn lines_declared_out_of_order() {
        agrees_with_the_chain(
            "role clerk reports to accountant\nrole accountant reports to cfo\nrole cfo reports to ceo\nrole ceo\n",
        );
    }

    #[test]
    fn circles_and_lines_into_them() {
        agrees_with_the_chain(
            "role a reports to b\nrole b reports to a\nrole c reports to a\nrole d reports to d\nrole e reports to d\nrole f\nrole g reports to f\nrole h reports to nobody\n",
        );
    }
}
