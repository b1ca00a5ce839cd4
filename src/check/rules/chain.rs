//! Names in a row, as messages show a way through a process, a loop of
//! calls or a circle of reporting lines: `apply -> review -> apply`.

use crate::i18n::Text;

/// `names` joined by `link` (`chain-link`: `a -> b`, `path-link`: `a → b`),
/// each name as `chain-name` shows it (quoted in Chinese, where a name in
/// Latin letters would otherwise run into the sentence).
pub(super) fn chain<'a>(names: impl IntoIterator<Item = &'a str>, link: &'static str) -> Text {
    joined(
        names
            .into_iter()
            .map(|name| crate::text!("chain-name", name = name)),
        link,
    )
}

/// `items` joined by the message `link`.
pub(super) fn joined(items: impl IntoIterator<Item = Text>, link: &'static str) -> Text {
    let mut items = items.into_iter();
    let first = items.next().unwrap_or_else(|| Text::verbatim(""));
    items.fold(first, |before, next| {
        Text::new(link).arg("before", before).arg("next", next)
    })
}
