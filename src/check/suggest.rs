//! "Did you mean ...?": the existing name closest to a misspelt one.
//!
//! A name is suggested when its normalised Damerau-Levenshtein similarity
//! to the misspelt one is at least 0.6 (at most 2 edits in 5 letters).
//! Comparing with every name of a process of 10,000 steps, for every one
//! of thousands of broken links, must stay fast: a [`NameIndex`] keeps each
//! name's length and the set of its letters, which bound the edit distance
//! from below, and computes the distance only for names that could be
//! close enough and closer than the best found so far.

/// The least similarity a name needs to be suggested.
const MIN_SIMILARITY: f64 = 0.6;

/// Names prepared for closest-name searches.
pub struct NameIndex<'a> {
    names: Vec<Prepared<'a>>,
}

/// A name with what bounds its distance to another cheaply.
struct Prepared<'a> {
    name: &'a str,
    /// Length in characters.
    length: usize,
    /// The characters it holds, each hashed to one of 64 bits.
    letters: u64,
}

impl<'a> Prepared<'a> {
    fn of(name: &'a str) -> Self {
        Prepared {
            name,
            length: name.chars().count(),
            letters: letters(name),
        }
    }

    /// The best similarity `other` could have to this name: every edit
    /// changes the length by at most one and removes at most one character
    /// the other name lacks, so both differences bound the edit distance
    /// from below (and different names are at least one edit apart).
    fn best_possible_similarity(&self, other: &Prepared<'_>) -> f64 {
        let longest = self.length.max(other.length);
        if longest == 0 {
            return 1.0;
        }
        let lacking = (self.letters & !other.letters)
            .count_ones()
            .max((other.letters & !self.letters).count_ones()) as usize;
        let differ = usize::from(self.name != other.name);
        let distance = self.length.abs_diff(other.length).max(lacking).max(differ);
        1.0 - distance as f64 / longest as f64
    }
}

/// The set of characters of `name`, each hashed to one of 64 bits.
fn letters(name: &str) -> u64 {
    name.chars().fold(0, |set, c| {
        set | 1u64 << (u64::from(u32::from(c)).wrapping_mul(0x9E37_79B9) >> 7 & 63)
    })
}

impl<'a> NameIndex<'a> {
    /// An index of `names`.
    pub fn new(names: impl IntoIterator<Item = &'a str>) -> Self {
        NameIndex {
            names: names.into_iter().map(Prepared::of).collect(),
        }
    }

    /// The name closest to `misspelt`, other than `except`, if any is close
    /// enough to be what was meant; the first of equally close names.
    pub(crate) fn closest(&self, misspelt: &str, except: Option<&str>) -> Option<&'a str> {
        let wanted = Prepared::of(misspelt);
        let mut best: Option<(f64, &'a str)> = None;
        for candidate in &self.names {
            if Some(candidate.name) == except {
                continue;
            }
            let possible = candidate.best_possible_similarity(&wanted);
            if possible < MIN_SIMILARITY || best.is_some_and(|(top, _)| possible <= top) {
                continue;
            }
            let score = strsim::normalized_damerau_levenshtein(misspelt, candidate.name);
            if score >= MIN_SIMILARITY && best.is_none_or(|(top, _)| score > top) {
                best = Some((score, candidate.name));
            }
        }
        best.map(|(_, name)| name)
    }
}

/// The candidate closest to `name`, if any is close enough to be a typo.
pub(crate) fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    NameIndex::new(candidates.iter().copied()).closest(name, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The search without the bounds: every name compared.
    fn closest_by_comparing_all<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
        let mut best: Option<(f64, &str)> = None;
        for &candidate in candidates {
            let score = strsim::normalized_damerau_levenshtein(name, candidate);
            if score >= MIN_SIMILARITY && best.is_none_or(|(top, _)| score > top) {
                best = Some((score, candidate));
            }
        }
        best.map(|(_, candidate)| candidate)
    }

    #[test]
    fn the_bounds_never_lose_the_closest_name() {
        let names = [
            "dept_head",
            "dept_haed",
            "division_lead",
            "general_manager",
            "accountant",
            "cashier",
            "s1",
            "s12",
            "s21",
            "s123",
            "d1",
            "報銷",
            "報銷審批",
            "部門負責人",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "x",
            "finance_review",
            "finance_reveiw",
            "pay",
            "paid",
            "apply",
            "applied",
            "財務審核",
            "財務審批",
        ];
        for misspelt in names
            .iter()
            .chain(&["dpet_head", "s2", "報消", "財務", "fin", "", "q"])
        {
            let others: Vec<&str> = names.iter().copied().filter(|n| n != misspelt).collect();
            assert_eq!(
                closest(misspelt, &others),
                closest_by_comparing_all(misspelt, &others),
                "{misspelt}"
            );
        }
    }

    #[test]
    fn a_typo_finds_its_name_and_a_stranger_finds_none() {
        let names = ["dept_head", "division_lead", "general_manager"];
        assert_eq!(closest("dept_haed", &names), Some("dept_head"));
        assert_eq!(closest("warehouse", &names), None);
    }

    #[test]
    fn the_name_itself_can_be_left_out() {
        let index = NameIndex::new(["review", "reviews"]);
        assert_eq!(index.closest("review", Some("review")), Some("reviews"));
    }
}
