//! Rectangles and a spatial index of them, in integer diagram coordinates:
//! the arithmetic the built-in SVG layout ([`crate::emit::svg`]) and the
//! BPMN layout ([`crate::emit::bpmn`]) both place shapes, edges and labels
//! with.

use std::collections::BTreeMap;

/// An axis-parallel rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rect {
    /// Its left side.
    pub left: i64,
    /// Its top side.
    pub top: i64,
    /// Its right side.
    pub right: i64,
    /// Its bottom side.
    pub bottom: i64,
}

impl Rect {
    /// The rectangle with these sides.
    pub(crate) fn new(left: i64, top: i64, right: i64, bottom: i64) -> Rect {
        Rect {
            left,
            top,
            right,
            bottom,
        }
    }

    /// The smallest rectangle holding both points.
    pub(crate) fn around(a: (i64, i64), b: (i64, i64)) -> Rect {
        Rect::new(a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1))
    }

    /// Whether the two share some area (touching sides do not).
    pub(crate) fn overlaps(self, other: Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    /// The rectangle `by` larger on every side (smaller when `by` is
    /// negative).
    pub(crate) fn grown(self, by: i64) -> Rect {
        Rect::new(
            self.left - by,
            self.top - by,
            self.right + by,
            self.bottom + by,
        )
    }

    /// Whether `other` lies wholly inside this one (sides may touch).
    pub(crate) fn holds(self, other: Rect) -> bool {
        other.left >= self.left
            && other.top >= self.top
            && other.right <= self.right
            && other.bottom <= self.bottom
    }

    /// Whether the axis-parallel segment from `a` to `b` passes through the
    /// inside, more than a pixel from the sides (running along a side does
    /// not).
    pub(crate) fn crossed_by(self, a: (i64, i64), b: (i64, i64)) -> bool {
        self.grown(-1).overlaps(Rect::around(a, b))
    }
}

/// Rectangles, each with a value, filed by the squares of a coarse grid
/// they touch, so what lies near a place is found without looking at every
/// rectangle (a process of thousands of steps has tens of thousands of
/// shapes and segments).
pub(crate) struct Index<T> {
    /// The side of a square of the grid.
    side: i64,
    squares: BTreeMap<(i64, i64), Vec<(Rect, T)>>,
}

impl<T: Clone> Index<T> {
    /// An empty index on a grid of squares of side `side`.
    pub(crate) fn new(side: i64) -> Index<T> {
        Index {
            side,
            squares: BTreeMap::new(),
        }
    }

    /// Files `rect` with `value`.
    pub(crate) fn insert(&mut self, rect: Rect, value: T) {
        for square in squares(self.side, rect) {
            self.squares
                .entry(square)
                .or_default()
                .push((rect, value.clone()));
        }
    }

    /// The rectangles in the squares `area` touches (some more than once).
    pub(crate) fn near(&self, area: Rect) -> impl Iterator<Item = &(Rect, T)> {
        squares(self.side, area)
            .filter_map(|square| self.squares.get(&square))
            .flatten()
    }
}

/// The squares of side `side` that `rect` touches, its right and bottom
/// sides included.
fn squares(side: i64, rect: Rect) -> impl Iterator<Item = (i64, i64)> {
    let columns = rect.left.div_euclid(side)..=rect.right.div_euclid(side);
    let rows = rect.top.div_euclid(side)..=rect.bottom.div_euclid(side);
    columns.flat_map(move |column| rows.clone().map(move |row| (column, row)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn touching_rectangles_do_not_overlap() {
        let a = Rect::new(0, 0, 10, 10);
        assert!(!a.overlaps(Rect::new(10, 0, 20, 10)));
        assert!(a.overlaps(Rect::new(9, 9, 20, 20)));
        assert!(a.holds(Rect::new(0, 0, 10, 10)));
        assert!(!a.holds(Rect::new(0, 0, 11, 10)));
    }

    #[test]
    fn a_segment_along_a_side_does_not_cross() {
        let a = Rect::new(0, 0, 10, 10);
        assert!(!a.crossed_by((0, -5), (0, 15)));
        assert!(a.crossed_by((5, -5), (5, 15)));
    }

    #[test]
    fn the_index_finds_what_lies_near() {
        let mut index = Index::new(16);
        index.insert(Rect::new(0, 0, 40, 4), "wide");
        index.insert(Rect::new(100, 100, 104, 104), "far");
        let names = |area| -> Vec<&str> { index.near(area).map(|&(_, name)| name).collect() };
        assert_eq!(names(Rect::new(20, 0, 24, 4)), ["wide"]);
        // Found once in each square both touch.
        assert_eq!(names(Rect::new(30, 0, 34, 4)), ["wide", "wide"]);
        assert!(names(Rect::new(60, 60, 64, 64)).is_empty());
    }
}
