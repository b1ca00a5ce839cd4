//! Conditions as trees of `and`, `or` and `not` over comparisons, walked
//! and evaluated in one place for both forms a condition takes: the AST's
//! [`Condition`] (read by the checker and by `flowc diff`) and the JSON
//! IR's condition (read by `flowc sim`, which runs on the IR). What a
//! comparison means stays with the caller (its values differ: cells, input
//! values, sets of amounts); how `and`, `or` and `not` combine comparisons,
//! and in which order they are visited, is written here only: [`evaluate`]
//! for a truth value, [`fold`] for any other meaning (the analysis's
//! regions, the sets of amounts `required-participant` follows).

use crate::syntax::ast::{Comparison, Condition};

/// A condition as a tree: the shape of each node, and what a comparison at
/// a leaf is.
pub trait ConditionTree: Sized {
    /// A comparison at a leaf, borrowed from the tree.
    type Comparison<'a>
    where
        Self: 'a;

    /// The node at the top of the tree.
    fn node(&self) -> Node<'_, Self>;
}

/// A node of a [`ConditionTree`].
pub enum Node<'a, C: ConditionTree> {
    /// Every part holds (`and`).
    AllOf(&'a [C]),
    /// Some part holds (`or`).
    AnyOf(&'a [C]),
    /// The part does not hold (`not`).
    Not(&'a C),
    /// An input compared with a value.
    Compare(C::Comparison<'a>),
}

impl ConditionTree for Condition {
    type Comparison<'a> = &'a Comparison;

    fn node(&self) -> Node<'_, Self> {
        match self {
            Condition::AllOf(parts, _) => Node::AllOf(parts),
            Condition::AnyOf(parts, _) => Node::AnyOf(parts),
            Condition::Not(inner, _) => Node::Not(inner),
            Condition::Compare(comparison) => Node::Compare(comparison),
        }
    }
}

/// Whether `condition` holds, each comparison judged by `compare`. The
/// comparisons are judged in the order written and only as far as needed:
/// an `and` stops at the first part that does not hold, an `or` at the
/// first that does, and the first error ends the evaluation. The recursion
/// is as deep as the condition's parentheses, which the parser bounds
/// ([`crate::syntax::MAX_NESTING`]).
pub fn evaluate<'a, C: ConditionTree, E>(
    condition: &'a C,
    compare: &mut impl FnMut(C::Comparison<'a>) -> Result<bool, E>,
) -> Result<bool, E> {
    match condition.node() {
        Node::AllOf(parts) => {
            for part in parts {
                if !evaluate(part, compare)? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        Node::AnyOf(parts) => {
            for part in parts {
                if evaluate(part, compare)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Node::Not(inner) => Ok(!evaluate(inner, compare)?),
        Node::Compare(comparison) => compare(comparison),
    }
}

/// Whether `condition` holds, each comparison judged by `compare`, which
/// cannot fail (see [`evaluate`]).
pub fn holds<'a, C: ConditionTree>(
    condition: &'a C,
    mut compare: impl FnMut(C::Comparison<'a>) -> bool,
) -> bool {
    let judged: Result<bool, std::convert::Infallible> =
        evaluate(condition, &mut |comparison| Ok(compare(comparison)));
    match judged {
        Ok(holds) => holds,
        Err(never) => match never {},
    }
}

/// How `and`, `or` and `not` combine the meanings of conditions in one
/// domain (a region of cells, a set of amounts), for [`fold`].
pub trait Algebra {
    /// What a condition means: the values for which it holds, say.
    type Meaning;
    /// Why a meaning cannot be had (the work it would take).
    type Error;

    /// The meaning of an `and` of no parts: every value.
    fn everything(&self) -> Self::Meaning;
    /// The meaning of an `or` of no parts: no value.
    fn nothing(&self) -> Self::Meaning;
    /// The meaning of `a and b`.
    fn and(&self, a: Self::Meaning, b: Self::Meaning) -> Result<Self::Meaning, Self::Error>;
    /// The meaning of `a or b`.
    fn or(&self, a: Self::Meaning, b: Self::Meaning) -> Result<Self::Meaning, Self::Error>;
    /// The meaning of `not a`.
    fn not(&self, a: Self::Meaning) -> Result<Self::Meaning, Self::Error>;
}

/// The meaning of `condition` in `algebra`, each comparison's given by
/// `compare`: an `and` is the `and` of [`Algebra::everything`] and its
/// parts in the order written, an `or` likewise from
/// [`Algebra::nothing`]; every part is visited, and the first error ends
/// the fold. The recursion is as deep as [`evaluate`]'s.
pub fn fold<'a, C: ConditionTree, A: Algebra>(
    condition: &'a C,
    algebra: &A,
    compare: &mut impl FnMut(C::Comparison<'a>) -> Result<A::Meaning, A::Error>,
) -> Result<A::Meaning, A::Error> {
    match condition.node() {
        Node::AllOf(parts) => {
            let mut meaning = algebra.everything();
            for part in parts {
                let next = fold(part, algebra, compare)?;
                meaning = algebra.and(meaning, next)?;
            }
            Ok(meaning)
        }
        Node::AnyOf(parts) => {
            let mut meaning = algebra.nothing();
            for part in parts {
                let next = fold(part, algebra, compare)?;
                meaning = algebra.or(meaning, next)?;
            }
            Ok(meaning)
        }
        Node::Not(inner) => {
            let inner = fold(inner, algebra, compare)?;
            algebra.not(inner)
        }
        Node::Compare(comparison) => compare(comparison),
    }
}

/// Every comparison in `condition`, in the order written.
pub fn comparisons<C: ConditionTree>(condition: &C) -> Vec<C::Comparison<'_>> {
    let mut found = Vec::new();
    let mut pending = vec![condition];
    while let Some(condition) = pending.pop() {
        match condition.node() {
            Node::Compare(comparison) => found.push(comparison),
            Node::AllOf(parts) | Node::AnyOf(parts) => pending.extend(parts.iter().rev()),
            Node::Not(inner) => pending.push(inner),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tree whose comparisons are numbers.
    enum Tree {
        All(Vec<Tree>),
        Any(Vec<Tree>),
        Not(Box<Tree>),
        Leaf(u8),
    }

    impl ConditionTree for Tree {
        type Comparison<'a> = u8;

        fn node(&self) -> Node<'_, Self> {
            match self {
                Tree::All(parts) => Node::AllOf(parts),
                Tree::Any(parts) => Node::AnyOf(parts),
                Tree::Not(inner) => Node::Not(inner),
                Tree::Leaf(number) => Node::Compare(*number),
            }
        }
    }

    /// `(1 and 2) or not 3`
    fn tree() -> Tree {
        Tree::Any(vec![
            Tree::All(vec![Tree::Leaf(1), Tree::Leaf(2)]),
            Tree::Not(Box::new(Tree::Leaf(3))),
        ])
    }

    #[test]
    fn comparisons_come_in_the_order_written() {
        assert_eq!(comparisons(&tree()), [1, 2, 3]);
    }

    #[test]
    fn evaluation_goes_in_order_and_only_as_far_as_needed() {
        let mut judged = Vec::new();
        let even = holds(&tree(), |number| {
            judged.push(number);
            number % 2 == 0
        });
        assert!(even, "1 is odd, so `not 3` decides");
        assert_eq!(judged, [1, 3], "the `and` stops at 1");
        let failing_at = |wanted: u8| {
            evaluate(&tree(), &mut |number| {
                if number == wanted {
                    Err(number)
                } else {
                    Ok(true)
                }
            })
        };
        assert_eq!(failing_at(2), Err(2));
        assert_eq!(failing_at(3), Ok(true), "never reached: 1 and 2 hold");
    }

    /// Sets of the numbers 0 to 7, as bits: the leaf `n` holds for the
    /// numbers with bit `n` set.
    struct Bits;

    impl Algebra for Bits {
        type Meaning = u8;
        type Error = ();

        fn everything(&self) -> u8 {
            u8::MAX
        }

        fn nothing(&self) -> u8 {
            0
        }

        fn and(&self, a: u8, b: u8) -> Result<u8, ()> {
            Ok(a & b)
        }

        fn or(&self, a: u8, b: u8) -> Result<u8, ()> {
            Ok(a | b)
        }

        fn not(&self, a: u8) -> Result<u8, ()> {
            Ok(!a)
        }
    }

    #[test]
    fn a_fold_means_what_evaluation_says_at_every_value() {
        let meaning = fold(&tree(), &Bits, &mut |leaf| {
            Ok((0..8u8)
                .filter(|n| n & (1 << leaf) != 0)
                .fold(0, |set, n| set | 1 << n))
        })
        .expect("no error");
        let mut checked = 0;
        for n in 0..8u8 {
            let holding = holds(&tree(), |leaf| n & (1 << leaf) != 0);
            assert_eq!(meaning & (1 << n) != 0, holding, "at {n}");
            checked += 1;
        }
        assert_eq!(checked, 8);
        let failing = fold(&tree(), &Bits, &mut |leaf| {
            if leaf == 3 { Err(()) } else { Ok(0) }
        });
        assert_eq!(failing, Err(()), "every part is visited, the error ends it");
    }
}
