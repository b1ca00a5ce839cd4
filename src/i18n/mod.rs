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
use std::sync::{OnceLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use foldhash::{HashMap, HashMapExt};

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

/// The catalogue of one language, compiled a message at a time: a run
/// renders a few dozen of its hundreds of messages, and compiling the whole
/// file was half the instructions of a `flowc check` with nothing to check.
struct Catalogue {
    /// The source of each message, by id (see [`message_sources`]).
    sources: HashMap<&'static str, &'static str>,
    /// The messages compiled so far.
    bundle: RwLock<Bundle>,
}

/// The catalogue of `lang`, indexed on first use.
fn catalogue(lang: Lang) -> &'static Catalogue {
    static CATALOGUES: [OnceLock<Catalogue>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    CATALOGUES[lang.index()].get_or_init(|| Catalogue {
        sources: message_sources(catalogue_source(lang)),
        bundle: RwLock::new(empty_bundle(lang)),
    })
}

/// The source text of each message of a catalogue, by id: from the line
/// that starts it to the next line that starts another entry. In Fluent an
/// entry (a message, a term or a comment) starts at the beginning of a
/// line with a letter, `-` or `#`; every other line (indented, blank, or a
/// `}` closing a selection) belongs to the entry above it.
fn message_sources(source: &'static str) -> HashMap<&'static str, &'static str> {
    let mut sources = HashMap::new();
    let mut open: Option<(&'static str, usize)> = None;
    for offset in line_starts(source) {
        let rest = &source[offset..];
        if rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-' || c == '#') {
            if let Some((id, start)) = open.take() {
                sources.insert(id, &source[start..offset]);
            }
            let id_length = rest
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
                .count();
            let (id, after) = rest.split_at(id_length);
            if after.trim_start_matches([' ', '\t']).starts_with('=') {
                open = Some((id, offset));
            }
        }
    }
    if let Some((id, start)) = open {
        sources.insert(id, &source[start..]);
    }
    sources
}

/// The byte offset of the start of each line of `text`.
fn line_starts(text: &str) -> impl Iterator<Item = usize> {
    std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1))
}

/// A bundle of `lang` without messages yet, set up as flowc writes.
fn empty_bundle(lang: Lang) -> Bundle {
    let mut bundle = Bundle::new_concurrent(vec![lang.identifier()]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format_number));
    bundle
}

/// Formats the message `id` of `catalogue` with `args`, compiling the
/// message on its first use; `None` when the catalogue has no such message.
/// A message that does not parse is a fault of the build, caught by the
/// catalogue tests; what parses of it is kept.
fn format_in(catalogue: &Catalogue, id: &str, args: &FluentArgs) -> Option<String> {
    let source = catalogue.sources.get(id)?;
    let formatted = |bundle: &Bundle| {
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text: Cow<str> = bundle.format_pattern(pattern, Some(args), &mut errors);
        Some(text.into_owned())
    };
    {
        let bundle = catalogue
            .bundle
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if bundle.has_message(id) {
            return formatted(&bundle);
        }
    }
    let mut bundle = catalogue
        .bundle
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if !bundle.has_message(id) {
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        let _ = bundle.add_resource(resource);
    }
    formatted(&bundle)
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
/// the id itself (the catalogue tests keep both from happening). A message
/// formatted before on this thread with the same arguments is taken from
/// [`FORMATTED`]: a diagram or a handbook says "within 3 business days"
/// and the same owners' titles on box after box, and Fluent's formatting
/// was a fifth of the instructions of a handbook.
fn format(lang: Lang, id: &str, args: &FluentArgs) -> String {
    KEY.with(|key| {
        let Ok(mut key) = key.try_borrow_mut() else {
            return format_anew(lang, id, args);
        };
        if !memo_key(lang, id, args, &mut key) {
            return format_anew(lang, id, args);
        }
        if let Some(known) = FORMATTED.with_borrow(|formatted| formatted.get(&key[..]).cloned()) {
            return known;
        }
        let text = format_anew(lang, id, args);
        FORMATTED.with_borrow_mut(|formatted| {
            if formatted.len() >= FORMATTED_LIMIT {
                formatted.clear();
            }
            formatted.insert(key[..].into(), text.clone());
        });
        text
    })
}

thread_local! {
    /// The messages formatted on this thread, by [`memo_key`]; emptied
    /// when it holds [`FORMATTED_LIMIT`] of them, so a long session (the
    /// language server) keeps no more.
    static FORMATTED: std::cell::RefCell<foldhash::HashMap<Box<[u8]>, String>> =
        std::cell::RefCell::new(foldhash::HashMap::default());
    /// The key of the message being formatted on this thread, its room
    /// kept from one message to the next so a message found in
    /// [`FORMATTED`] allocates nothing.
    static KEY: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The most messages [`FORMATTED`] keeps.
const FORMATTED_LIMIT: usize = 4096;

/// The longest string argument, in bytes, of a message [`FORMATTED`]
/// keeps. Short words repeat (an owner's title, a duration); a long one
/// (a chain of 20,000 names joined two by two, each step's argument
/// the whole chain so far) does not, and keeping it would hold gigabytes.
const FORMATTED_ARGUMENT_LIMIT: usize = 200;

/// Writes into `key` what a formatted message depends on: the language,
/// the id and each argument's name and value, every part after its length
/// in bytes so no two differ only in where one part ends; a number as its
/// value's bits and its count of decimals when those are all it holds (a
/// number [`Text`] gives), else as its digits. `false` for an argument
/// that is neither a string nor a number (never built by [`Text`]) or
/// longer than [`FORMATTED_ARGUMENT_LIMIT`]. (The key was a string of
/// decimal lengths and the numbers' digits: 57 M instructions of a
/// handbook of 100 processes went to writing them.)
fn memo_key(lang: Lang, id: &str, args: &FluentArgs, key: &mut Vec<u8>) -> bool {
    key.clear();
    let mut part = |kind: u8, bytes: &[u8]| {
        key.push(kind);
        key.extend_from_slice(&bytes.len().to_le_bytes());
        key.extend_from_slice(bytes);
    };
    part(b'l', &lang.index().to_le_bytes());
    part(b'i', id.as_bytes());
    for (name, value) in args.iter() {
        part(b'a', name.as_bytes());
        match value {
            FluentValue::String(text) if text.len() <= FORMATTED_ARGUMENT_LIMIT => {
                part(b's', text.as_bytes());
            }
            FluentValue::Number(number) if is_plain(number) => {
                let decimals = number.options.minimum_fraction_digits.unwrap_or(usize::MAX);
                part(b'n', &number.value.to_bits().to_le_bytes());
                part(b'd', &decimals.to_le_bytes());
            }
            FluentValue::Number(number) => part(b'N', number.as_string().as_bytes()),
            _ => return false,
        }
    }
    true
}

/// Whether a number holds nothing but its value and its count of
/// decimals, as a number parsed from digits does.
fn is_plain(number: &FluentNumber) -> bool {
    number.options
        == FluentNumberOptions {
            minimum_fraction_digits: number.options.minimum_fraction_digits,
            ..FluentNumberOptions::default()
        }
}

/// [`format`] without the memory of what was formatted before.
fn format_anew(lang: Lang, id: &str, args: &FluentArgs) -> String {
    [lang, Lang::En]
        .into_iter()
        .find_map(|lang| format_in(catalogue(lang), id, args))
        .unwrap_or_else(|| id.to_owned())
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

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::Entry;

    /// A message formatted again, from memory, is the message formatted
    /// anew; arguments that differ only in where one ends are two keys.
    #[test]
    fn a_remembered_message_is_the_message_formatted_anew() {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(1234));
        args.set("out", FluentValue::from("out"));
        let mut ran = 0;
        for lang in [Lang::En, Lang::ZhHant, Lang::ZhHans] {
            let first = format(lang, "cli-wrote-files", &args);
            assert_eq!(format(lang, "cli-wrote-files", &args), first);
            assert_eq!(format_anew(lang, "cli-wrote-files", &args), first);
            ran += 1;
        }
        assert_eq!(ran, 3);
        assert!(format(Lang::En, "cli-wrote-files", &args).contains("1,234 files"));
        let mut one = FluentArgs::new();
        one.set("a", FluentValue::from("x1:y"));
        let mut two = FluentArgs::new();
        two.set("a", FluentValue::from("x"));
        two.set("y", FluentValue::from(""));
        let key = |args: &FluentArgs| {
            let mut key = Vec::new();
            memo_key(Lang::En, "m", args, &mut key).then_some(key)
        };
        assert_ne!(key(&one), key(&two));
        let mut decimals = FluentArgs::new();
        decimals.set("n", FluentValue::Number("1.50".parse().expect("a number")));
        let mut fewer = FluentArgs::new();
        fewer.set("n", FluentValue::Number("1.5".parse().expect("a number")));
        assert_ne!(key(&decimals), key(&fewer));
        assert!(key(&decimals).is_some());
        let mut long = FluentArgs::new();
        long.set(
            "a",
            FluentValue::from("x".repeat(FORMATTED_ARGUMENT_LIMIT + 1)),
        );
        assert_eq!(key(&long), None);
    }

    /// Each message compiled alone is the message as the whole file
    /// compiles it: same value, same attributes.
    #[test]
    fn each_message_alone_parses_as_in_the_whole_catalogue() {
        let mut compared = 0;
        for lang in Lang::ALL {
            let source = catalogue_source(lang);
            let sources = message_sources(source);
            let whole = fluent_syntax::parser::parse(source).expect("the catalogue parses");
            for entry in whole.body {
                let Entry::Message(message) = entry else {
                    continue;
                };
                let alone = sources
                    .get(message.id.name)
                    .and_then(|text| fluent_syntax::parser::parse(*text).ok())
                    .and_then(|resource| resource.body.into_iter().next());
                let Some(Entry::Message(alone)) = alone else {
                    panic!("{lang}: {} is not a message alone", message.id.name);
                };
                assert_eq!(alone.value, message.value, "{lang}: {}", message.id.name);
                assert_eq!(alone.attributes, message.attributes, "{lang}");
                compared += 1;
            }
            assert_eq!(sources.len(), message_ids(lang).len(), "{lang}");
        }
        assert!(compared > 3 * 500, "{compared} messages compared");
    }
}
