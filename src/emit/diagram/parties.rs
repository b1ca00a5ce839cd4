//! The people a step names, as every picture of a process shows them: in
//! words (`申請人的直屬上級 (manager of applicant)`), and in the one order
//! the swimlanes and the rows of the responsibility matrix share.
//!
//! Who a relative party is depends on the case ([`crate::model::people`]
//! resolves it); a picture of the process shows the party itself, so a
//! lane or a row stands for `manager of applicant`, whoever that is.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use crate::i18n::{Lang, Text};
use crate::model::{OrgUnit, Owners, Party, PartyBase, Project};
use crate::syntax::ast::Signing;
use crate::text;

/// A party without its place in the source: what a lane or a matrix row
/// stands for. Two lines naming the same people give the same `Who`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Who {
    /// How many times `manager of` comes before the base.
    pub managers: usize,
    /// Whom the chain starts from.
    pub base: Base,
}

/// Whom a [`Who`] starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Base {
    /// The person who started the case.
    Applicant,
    /// A role or department.
    Unit(OrgUnit),
}

impl Who {
    /// The party, when its role or department resolves.
    pub fn of(party: &Party) -> Option<Who> {
        let base = match &party.base {
            PartyBase::Applicant => Base::Applicant,
            PartyBase::Unit(unit) => Base::Unit(unit.target?),
        };
        Some(Who {
            managers: party.managers,
            base,
        })
    }

    /// A fixed role or department.
    pub fn unit(unit: OrgUnit) -> Who {
        Who {
            managers: 0,
            base: Base::Unit(unit),
        }
    }

    /// The role or department it names directly, if it is one.
    pub fn fixed(self) -> Option<OrgUnit> {
        match (self.base, self.managers) {
            (Base::Unit(unit), 0) => Some(unit),
            _ => None,
        }
    }

    /// The written form: `manager of manager of applicant`, `dept_head`.
    pub fn text(self, project: &Project) -> String {
        let base = match self.base {
            Base::Applicant => "applicant",
            Base::Unit(unit) => project.unit_name(unit),
        };
        format!("{}{base}", "manager of ".repeat(self.managers))
    }

    /// The words alone: `申請人的直屬上級`, `部門負責人` (a role's label,
    /// or its name without one).
    pub fn words(self, project: &Project, lang: Lang) -> String {
        let base = match self.base {
            Base::Applicant => text!("party-applicant"),
            Base::Unit(unit) => Text::verbatim(unit_words(project, unit)),
        };
        match self.managers {
            0 => base.render(lang),
            level => superior_words(base, level).render(lang),
        }
    }

    /// The words, as a lane title or a table cell shows them: in English
    /// with the written form in brackets, `申請人的直屬上級 (manager of
    /// applicant)`; in Chinese the words alone, the written form being
    /// code; a fixed role or department as `部門負責人 (dept_head)`.
    pub fn title(self, project: &Project, lang: Lang) -> String {
        match self.fixed() {
            Some(unit) => super::unit_title(project, unit),
            None if lang.is_chinese() => self.words(project, lang),
            None => format!("{} ({})", self.words(project, lang), self.text(project)),
        }
    }
}

/// Whom a step's `owner` line names and how they sign, without its place
/// in the source: what a swimlane stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Lane {
    /// One owner, any of, all of, or a quorum.
    pub signing: Signing,
    /// Who, in the order written.
    pub parties: Vec<Who>,
}

impl Lane {
    /// The lane of an `owner` line, when every party on it resolves.
    pub fn of(owners: &Owners) -> Option<Lane> {
        let parties = owners
            .parties
            .iter()
            .map(Who::of)
            .collect::<Option<Vec<Who>>>()?;
        Some(Lane {
            signing: owners.signing,
            parties,
        })
    }

    /// The lane of one party alone.
    pub fn one(who: Who) -> Lane {
        Lane {
            signing: Signing::One,
            parties: vec![who],
        }
    }

    /// Whether more than one party is named (any of, all of, a quorum).
    pub fn is_shared(&self) -> bool {
        self.signing != Signing::One
    }

    /// The written form: `any of hr_specialist, hr_manager`.
    pub fn text(&self, project: &Project) -> String {
        let parties: Vec<String> = self.parties.iter().map(|who| who.text(project)).collect();
        format!("{}{}", self.signing.prefix(), parties.join(", "))
    }

    /// The words with the written form in brackets: one party as
    /// [`Who::title`]; several as `任一：人事專員、人力資源經理 (any of
    /// hr_specialist, hr_manager)`, `會簽：…` for all of, `2 of 3：…` for
    /// a quorum.
    pub fn title(&self, project: &Project, lang: Lang) -> String {
        match self.title_lines(project, lang).as_slice() {
            [words, written] => format!("{words} {written}"),
            lines => lines.concat(),
        }
    }

    /// The title as a box shows it: a fixed owner as one line, otherwise
    /// the words and (in English) the bracketed written form on a line of
    /// its own, so neither is broken up by wrapping.
    pub fn title_lines(&self, project: &Project, lang: Lang) -> Vec<String> {
        let mut lines = match (self.signing, self.parties.as_slice()) {
            (Signing::One, [who]) => match who.fixed() {
                Some(unit) => return vec![super::unit_title(project, unit)],
                None => vec![who.words(project, lang)],
            },
            (Signing::One, _) if !lang.is_chinese() => return vec![self.text(project)],
            (signing, parties) => {
                let words: Vec<String> =
                    parties.iter().map(|who| who.words(project, lang)).collect();
                let signing = match signing {
                    Signing::Quorum(count) => text!(
                        "party-quorum",
                        count = u64::from(count),
                        total = parties.len()
                    ),
                    Signing::AnyOf => text!("party-any-of"),
                    Signing::AllOf => text!("party-all-of"),
                    Signing::One => return vec![words.join("、")],
                };
                let shared = text!(
                    "party-shared",
                    signing = signing,
                    parties = words.join("、")
                );
                vec![shared.render(lang)]
            }
        };
        if !lang.is_chinese() {
            lines.push(format!("({})", self.text(project)));
        }
        lines
    }
}

/// A role's or department's label, or its name without one.
fn unit_words(project: &Project, unit: OrgUnit) -> String {
    let label = match unit {
        OrgUnit::Role(role) => project.role(role).label.as_deref(),
        OrgUnit::Department(department) => project.department(department).label.as_deref(),
    };
    label.unwrap_or(project.unit_name(unit)).to_string()
}

/// The superior of `base` `level` steps up: 直屬上級 (direct), 隔級上級
/// (skip-level), then 第三級上級 and so on.
fn superior_words(base: Text, level: usize) -> Text {
    const NUMERALS: [&str; 11] = [
        "", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    ];
    let (kind, numeral) = match level {
        1 => ("direct", String::new()),
        2 => ("skip", String::new()),
        _ => (
            "higher",
            NUMERALS
                .get(level)
                .map_or_else(|| level.to_string(), |numeral| (*numeral).to_string()),
        ),
    };
    text!(
        "party-superior",
        base = base,
        kind = kind,
        numeral = numeral
    )
}

/// The words of a party with its written form (see [`Who::title`]); the
/// written form alone when a name on it does not resolve.
pub fn party_title(project: &Project, party: &Party, lang: Lang) -> String {
    match Who::of(party) {
        Some(who) => who.title(project, lang),
        None => party.to_string(),
    }
}

/// The words of an `owner` line with its written form (see
/// [`Lane::title`]); the written form alone when a name on it does not
/// resolve.
pub fn owners_title(project: &Project, owners: &Owners, lang: Lang) -> String {
    match Lane::of(owners) {
        Some(lane) => lane.title(project, lang),
        None => owners.to_string(),
    }
}

/// Sorts lanes (or matrix rows, each a lane of one party) the way the
/// swimlanes are stacked:
///
/// 1. The applicant's own people first, top down: `manager of manager of
///    applicant`, `manager of applicant`, then `applicant`. Who they are
///    changes with the case, so they do not belong to any department; they
///    are the people the case runs through and sit together.
/// 2. Then the fixed roles and departments, grouped by department and
///    from the top of the reporting lines down: departments in the order
///    of their most senior lane (the role with the fewest superiors; ties
///    in declaration order), within a department the department's own
///    lane first, then its roles by seniority (ties in declaration order).
///    A role in no department is a group of its own. `manager of ROLE`
///    sits where the role above ROLE sits, after it.
///
/// A shared lane (any of, all of, a quorum) sits with its most senior
/// party, after that party's own lane.
pub fn sort_lanes(project: &Project, lanes: &mut [Lane]) {
    sort_lanes_by_band(project, lanes, |_| 0, false);
}

/// Sorts lanes as [`sort_lanes`] does within each band (a department, a
/// role in none, the applicant's own people), the bands put in the order
/// of `place` (the bands of equal place in [`sort_lanes`] order).
/// With `juniors_first`, the lanes inside every band come in the opposite
/// order (the most junior first).
pub fn sort_lanes_by_band(
    project: &Project,
    lanes: &mut [Lane],
    place: impl Fn(Band) -> usize,
    juniors_first: bool,
) {
    let top_of_group = tops_of_groups(project, lanes);
    let key = |lane: &Lane| {
        let key = lane_key(project, lane, &top_of_group);
        (place(key.0.band()), key.0.band(), key)
    };
    if juniors_first {
        lanes.sort_by_cached_key(|lane| {
            let (place, band, key) = key(lane);
            (place, band, Reverse(key))
        });
    } else {
        lanes.sort_by_cached_key(key);
    }
}

/// Sorts lanes into the order of the lanes of a diagram (`arranged`, in
/// [`crate::emit::diagram::Arrangement::owners`] order, with its
/// `juniors_first`): the bands as there, the bands it lacks after them, and
/// inside each band by seniority in the same direction.
pub fn sort_lanes_like(
    project: &Project,
    lanes: &mut [Lane],
    arranged: &[Lane],
    juniors_first: bool,
) {
    let bands = lane_bands(project, arranged);
    let place = |band: Band| {
        bands
            .iter()
            .position(|other| *other == band)
            .unwrap_or(usize::MAX)
    };
    sort_lanes_by_band(project, lanes, place, juniors_first);
}

/// The band of each lane of `lanes`: lanes of one band are side by side
/// in [`sort_lanes`] order.
pub fn lane_bands(project: &Project, lanes: &[Lane]) -> Vec<Band> {
    let top_of_group = tops_of_groups(project, lanes);
    lanes
        .iter()
        .map(|lane| lane_key(project, lane, &top_of_group).0.band())
        .collect()
}

/// Lanes sort in a band of their own (a department, a role in none, the
/// applicant's own people) and keep the bands together: a department
/// band with its roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Band(Option<LaneGroup>);

/// The seniority of the most senior lane of each group among `lanes`.
fn tops_of_groups(project: &Project, lanes: &[Lane]) -> BTreeMap<LaneGroup, usize> {
    let mut top_of_group: BTreeMap<LaneGroup, usize> = BTreeMap::new();
    for who in lanes.iter().flat_map(|lane| &lane.parties) {
        if let Some((group, seniority)) = org_place(project, *who) {
            let entry = top_of_group.entry(group).or_insert(usize::MAX);
            *entry = (*entry).min(seniority);
        }
    }
    top_of_group
}

/// Where a lane sorts: where its most senior party sorts, a shared lane
/// after that party's own.
fn lane_key(
    project: &Project,
    lane: &Lane,
    top_of_group: &BTreeMap<LaneGroup, usize>,
) -> (WhoKey, bool) {
    let lead = lane
        .parties
        .iter()
        .map(|who| who_key(project, *who, top_of_group))
        .min()
        .unwrap_or(WhoKey(0, 0, None, (0, 0, 0), 0));
    (lead, lane.is_shared())
}

/// The band a lane belongs to: its department, or a role alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum LaneGroup {
    Department(usize),
    Alone(usize),
}

/// Where one party sorts (see [`sort_lanes`]): the applicant's people
/// (0) before the org (1); the seniority of the group's top; the group;
/// the place within it; the levels of `manager of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct WhoKey(u8, usize, Option<LaneGroup>, (u8, usize, usize), usize);

impl WhoKey {
    /// The band of the party.
    fn band(self) -> Band {
        Band(self.2)
    }
}

fn who_key(project: &Project, who: Who, top_of_group: &BTreeMap<LaneGroup, usize>) -> WhoKey {
    match who.base {
        Base::Applicant => WhoKey(0, usize::MAX - who.managers, None, (0, 0, 0), 0),
        Base::Unit(unit) => {
            let unit = climb(project, unit, who.managers);
            let group = group(project, unit);
            let top = top_of_group.get(&group).copied().unwrap_or(0);
            let within = match unit {
                OrgUnit::Department(department) => (0, 0, department.0),
                OrgUnit::Role(role) => (1, project.superiors(role).len(), role.0),
            };
            WhoKey(1, top, Some(group), within, who.managers)
        }
    }
}

/// The group and seniority of a party not relative to the applicant.
fn org_place(project: &Project, who: Who) -> Option<(LaneGroup, usize)> {
    let Base::Unit(unit) = who.base else {
        return None;
    };
    let unit = climb(project, unit, who.managers);
    let seniority = match unit {
        OrgUnit::Role(role) => project.superiors(role).len(),
        OrgUnit::Department(_) => 0,
    };
    Some((group(project, unit), seniority))
}

/// The unit `levels` superiors above `unit`, or the highest one reached.
fn climb(project: &Project, unit: OrgUnit, levels: usize) -> OrgUnit {
    match unit {
        OrgUnit::Role(role) => {
            let superiors = project.superiors(role);
            match levels.checked_sub(1) {
                None => unit,
                Some(at) => superiors
                    .get(at)
                    .or(superiors.last())
                    .map_or(unit, |role| OrgUnit::Role(*role)),
            }
        }
        OrgUnit::Department(_) => unit,
    }
}

fn group(project: &Project, unit: OrgUnit) -> LaneGroup {
    match unit {
        OrgUnit::Role(role) => match project
            .role(role)
            .department
            .as_ref()
            .and_then(|department| department.target)
        {
            Some(department) => LaneGroup::Department(department.0),
            None => LaneGroup::Alone(role.0),
        },
        OrgUnit::Department(department) => LaneGroup::Department(department.0),
    }
}

#[cfg(test)]
mod tests {
    use super::superior_words;
    use crate::i18n::{Lang, Text};
    use crate::text;

    #[test]
    fn superiors_are_worded_by_level() {
        let superior = |level| superior_words(Text::verbatim(""), level).render(Lang::ZhHant);
        assert_eq!(superior(1), "的直屬上級");
        assert_eq!(superior(2), "的隔級上級");
        assert_eq!(superior(3), "的第三級上級");
        assert_eq!(superior(10), "的第十級上級");
        assert_eq!(superior(11), "的第11級上級");
        assert_eq!(
            superior_words(text!("party-applicant"), 1).render(Lang::ZhHans),
            "申请人的直属上级"
        );
    }
}
