//! Names in a row, as messages show a way through a process, a loop of
//! calls or a circle of reporting lines: `apply -> review -> apply`.

use crate::i18n::Text;

/// `names` joined by `link` (`chain-link`: `a -> b`, `path-link`: `a → b`),
/// each name as `chain-name` shows it (quoted in Chinese, where a name in
/// Latin letters would otherwise run into the sentence).
pub(super) fn chain<'a>(names: impl IntoIterator<Item = &'a str>, link: &'static str) -> Text {
    super::chained(
        names
            .into_iter()
            .map(|name| crate::text!("chain-name", name = name))
            .collect(),
        link,
    )
}
