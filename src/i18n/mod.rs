//! The words flowc writes for people, in Traditional Chinese, Simplified
//! Chinese or English.
//!
//! Every sentence a person reads (diagnostics, the handbook, diagrams, the
//! simulator's timeline, the diff report) is a message of the catalogue:
//! one [Project Fluent](https://projectfluent.org) file per language
//! (`src/i18n/en.ftl`, `zh-Hant.ftl`, `zh-Hans.ftl`), compiled into the
//! binary. Code builds a [`Text`] (a message id and its arguments) and
//! renders it in the [`Lang`] the user chose; it never joins parts of a
//! sentence itself. Plurals are chosen by Fluent from the CLDR rules of the
//! language, and numbers are written with thousands separators by the
//! bundle's formatter ([`group_thousands`]).

mod lang;
mod rule_pages;
mod text;

pub use lang::Lang;
pub use rule_pages::{RulePage, rule_page, rules_with_pages};
pub use text::{Arg, Text};

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The catalogue of each language, as written.
const CATALOGUES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("en.ftl")),
    (Lang::ZhHant, include_str!("zh-Hant.ftl")),
    (Lang::ZhHans, include_str!("zh-Hans.ftl")),
];

/// The source of the catalogue of `lang`.
pub fn catalogue_source(lang: Lang) -> &'static str {
    CATALOGUES
        .iter()
        .find(|(of, _)| *of == lang)
        .map(|(_, source)| *source)
        .unwrap_or_default()
}

/// A compiled catalogue.
type Bundle = FluentBundle<FluentResource>;

/// The compiled catalogue of `lang`, built on first use.
fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    BUNDLES[lang.index()].get_or_init(|| compile(lang))
}

/// Compiles the catalogue of `lang`. A catalogue that does not parse is a
/// fault of the build, caught by the catalogue tests; the messages that
/// parse are kept.
fn compile(lang: Lang) -> Bundle {
    let resource = match FluentResource::try_new(catalogue_source(lang).to_owned()) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    let mut bundle = Bundle::new_concurrent(vec![lang.identifier()]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format_number));
    let _ = bundle.add_resource(resource);
    bundle
}

/// Writes a number as people read it: thousands grouped (`1,000,000`).
fn format_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(number) => Some(group_thousands(&number.as_string())),
        _ => None,
    }
}

/// `digits` (`-1234567.5`) with its whole part grouped by thousands
/// (`-1,234,567.5`).
pub fn group_thousands(digits: &str) -> String {
    let (sign, unsigned) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits),
    };
    let (whole, fraction) = match unsigned.find('.') {
        Some(point) => unsigned.split_at(point),
        None => (unsigned, ""),
    };
    if !whole.bytes().all(|byte| byte.is_ascii_digit()) {
        return digits.to_owned();
    }
    let mut grouped = String::with_capacity(digits.len() + whole.len() / 3);
    grouped.push_str(sign);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped.push_str(fraction);
    grouped
}

/// The message `id` of `lang` with `args`, falling back to English, then to
/// the id itself (the catalogue tests keep both from happening).
fn format(lang: Lang, id: &str, args: &FluentArgs) -> String {
    for lang in [lang, Lang::En] {
        let bundle = bundle(lang);
        if let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) {
            let mut errors = Vec::new();
            let text: Cow<str> = bundle.format_pattern(pattern, Some(args), &mut errors);
            return text.into_owned();
        }
    }
    id.to_owned()
}

/// The ids of the messages of `lang`, in the order of its file.
pub fn message_ids(lang: Lang) -> Vec<String> {
    use fluent_syntax::ast::Entry;
    let Ok(resource) = fluent_syntax::parser::parse(catalogue_source(lang)) else {
        return Vec::new();
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect()
}
