//! Property tests of `model::people`: on random organisation charts and
//! random `manager of` depths, a party relative to the applicant (or to a
//! role) never resolves downwards. `manager of` taken k times from a role
//! is the role k steps up its reporting line (checked against the chart as
//! generated, not through flowc), so it is never below the role, never the
//! role itself when k > 0, or it reports `NoManager` at the top of the
//! line.

use flowc::model::people::{self, Holder};
use flowc::model::{self, NodeKind, OrgUnit, Party, Project, RoleId};
use flowc::source::SourceFile;
use proptest::prelude::*;

/// A reporting forest: for each role, the index of its superior (always a
/// role generated before it, so there is no circle), or none.
fn chart() -> impl Strategy<Value = Vec<Option<usize>>> {
    (1usize..12).prop_flat_map(|count| {
        (0..count)
            .map(|index| {
                if index == 0 {
                    Just(None).boxed()
                } else {
                    prop_oneof![1 => Just(None), 4 => (0..index).prop_map(Some)].boxed()
                }
            })
            .collect::<Vec<_>>()
    })
}

/// The project: the roles declared in `order` (a permutation, so a line may
/// name a superior declared later), a process whose applicants are the
/// roles of `applicants`, one step owned by `manager of` taken `depth`
/// times from the applicant, and consulting `manager of` taken `depth`
/// times from the role `base`.
fn project(
    superiors: &[Option<usize>],
    order: &[usize],
    applicants: &[usize],
    depth: usize,
    base: usize,
) -> Project {
    let mut text = String::new();
    for &role in order {
        match superiors[role] {
            Some(superior) => text.push_str(&format!("role r{role} reports to r{superior}\n")),
            None => text.push_str(&format!("role r{role}\n")),
        }
    }
    let applicants: Vec<String> = applicants.iter().map(|role| format!("r{role}")).collect();
    let managers = "manager of ".repeat(depth);
    let consult = if depth > 0 {
        format!("    consult {managers}r{base}\n")
    } else {
        String::new()
    };
    text.push_str(&format!(
        "process p {{\n  owner r0\n  applicant {}\n  start s\n  step s {{\n    owner {managers}applicant\n{consult}    within 1 business day\n    next done\n  }}\n  end done\n}}\n",
        applicants.join(", ")
    ));
    model::build(vec![SourceFile::from_text("people.flow", text)])
}

/// The role named `r{index}`.
fn role(project: &Project, index: usize) -> RoleId {
    let name = format!("r{index}");
    RoleId(
        project
            .roles
            .iter()
            .position(|role| role.name == name)
            .expect("every generated role is declared"),
    )
}

/// The generated index of `role`.
fn index(project: &Project, role: RoleId) -> usize {
    project.role(role).name[1..]
        .parse()
        .expect("generated roles are named r<index>")
}

/// The roles above `start` in the generated chart, nearest first.
fn line_above(superiors: &[Option<usize>], start: usize) -> Vec<usize> {
    std::iter::successors(superiors[start], |&role| superiors[role]).collect()
}

/// Checks one party from `start` (a generated role index) `depth` levels
/// up against the chart.
fn holds_upwards(
    project: &Project,
    superiors: &[Option<usize>],
    party: &Party,
    case: Option<RoleId>,
    start: usize,
    depth: usize,
) -> Result<(), TestCaseError> {
    let above = line_above(superiors, start);
    match people::resolve(project, party, case) {
        Holder::Unit(OrgUnit::Role(found)) => {
            let found = index(project, found);
            prop_assert!(
                depth <= above.len(),
                "r{start} has only {} superiors",
                above.len()
            );
            let expected = if depth == 0 { start } else { above[depth - 1] };
            prop_assert_eq!(found, expected, "`{}` from r{}", party, start);
            prop_assert!(
                !line_above(superiors, found).contains(&start) || depth == 0,
                "`{}` from r{} is below it",
                party,
                start
            );
            prop_assert!(
                depth == 0 || found != start,
                "`{}` is r{} itself",
                party,
                start
            );
        }
        Holder::NoManager { of, level } => {
            prop_assert!(
                depth > above.len(),
                "r{start} has {} superiors",
                above.len()
            );
            let top = above.last().copied().unwrap_or(start);
            prop_assert_eq!(index(project, of), top);
            prop_assert_eq!(level, above.len() + 1);
        }
        other => prop_assert!(false, "`{}` from r{} is {:?}", party, start, other),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn relative_owners_never_resolve_downwards(
        (superiors, order, applicants, base) in chart().prop_flat_map(|superiors| {
            let count = superiors.len();
            (
                Just(superiors),
                Just((0..count).collect::<Vec<_>>()).prop_shuffle(),
                proptest::sample::subsequence((0..count).collect::<Vec<_>>(), 1..=count),
                0..count,
            )
        }),
        depth in 0usize..5,
    ) {
        let project = project(&superiors, &order, &applicants, depth, base);
        prop_assert!(project.problems.unresolved.is_empty(), "{:?}", project.problems.unresolved);
        let process = &project.processes[0];
        let NodeKind::Step(details) = &process.nodes.iter().find(|node| node.name == "s").expect("step s").kind else {
            panic!("s is a step");
        };
        let owner = &details.owner.as_ref().expect("an owner line").parties[0];
        let cases = people::cases(&project, process);
        prop_assert_eq!(cases.len(), applicants.len());
        for &applicant in &applicants {
            let case = Some(role(&project, applicant));
            prop_assert!(cases.contains(&case));
            holds_upwards(&project, &superiors, owner, case, applicant, depth)?;
        }
        if let Some(consulted) = details.consults.first() {
            holds_upwards(&project, &superiors, consulted, None, base, depth)?;
        }
    }
}
