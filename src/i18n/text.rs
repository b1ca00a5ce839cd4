//! [`Text`]: a message of the catalogue with its arguments, rendered in
//! the language of the reader when it is written out.

use std::fmt;

use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentValue};

use super::{Lang, format};

/// A text for people: a message id of the catalogue and its arguments,
/// or words the user wrote (a name, a label), shown as written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Kind);

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    Message {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    Verbatim(String),
    /// Texts joined two by two, left to right, by a message of two
    /// variables, `$first` and `$second` (`a -> b -> c`): kept flat, so a
    /// chain of 20,000 names neither nests 20,000 deep nor recurses as
    /// deep when it is rendered or dropped.
    Chain {
        pair: &'static str,
        items: Vec<Text>,
    },
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    /// Words shown as they are (a name the user wrote, a path).
    Str(String),
    /// A number, as its decimal digits (`5000`, `0.5`), written with
    /// thousands separators and selecting plural forms.
    Number(String),
    /// Another message, rendered in the same language.
    Text(Text),
    /// Several texts, joined as the language joins a list (`a, b` / `a、b`).
    List(Vec<Text>),
}

impl Text {
    /// The message `id` of the catalogue, without arguments yet.
    pub fn new(id: &'static str) -> Text {
        Text(Kind::Message {
            id,
            args: Vec::new(),
        })
    }

    /// The message `id` with room for `arguments` arguments, so a text
    /// holds no more than it is given (a report of a million events keeps
    /// hundreds of thousands of them).
    pub fn with_room(id: &'static str, arguments: usize) -> Text {
        Text(Kind::Message {
            id,
            args: Vec::with_capacity(arguments),
        })
    }

    /// `items` joined two by two, left to right, by the message `pair`,
    /// whose variables are `$first` and `$second` (`{ $first } or {
    /// $second }`): `a or b or c`.
    pub fn chain(pair: &'static str, items: Vec<Text>) -> Text {
        Text(Kind::Chain { pair, items })
    }

    /// Words that are not flowc's: shown as written in every language.
    pub fn verbatim(words: impl Into<String>) -> Text {
        Text(Kind::Verbatim(words.into()))
    }

    /// The message with the argument `name` set to `value`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Text {
        if let Kind::Message { args, .. } = &mut self.0 {
            args.push((name, value.into()));
        }
        self
    }

    /// The message id (of the pair, for a chain), or `None` for verbatim
    /// words.
    pub fn id(&self) -> Option<&'static str> {
        match &self.0 {
            Kind::Message { id, .. } => Some(id),
            Kind::Chain { pair, .. } => Some(pair),
            Kind::Verbatim(_) => None,
        }
    }

    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match &self.0 {
            Kind::Verbatim(words) => words.clone(),
            Kind::Message { id, args } => {
                let mut fluent = FluentArgs::with_capacity(args.len());
                for (name, value) in args {
                    fluent.set(*name, value.value(lang));
                }
                format(lang, id, &fluent)
            }
            Kind::Chain { pair, items } => {
                let mut items = items.iter();
                let Some(first) = items.next() else {
                    return String::new();
                };
                items.fold(first.render(lang), |joined, next| {
                    let mut fluent = FluentArgs::with_capacity(2);
                    fluent.set("first", FluentValue::from(joined));
                    fluent.set("second", FluentValue::from(next.render(lang)));
                    format(lang, pair, &fluent)
                })
            }
        }
    }

    /// The text in English, the language of logs and stable outputs.
    pub fn english(&self) -> String {
        self.render(Lang::En)
    }
}

impl Arg {
    /// The argument as Fluent takes it.
    fn value(&self, lang: Lang) -> FluentValue<'static> {
        match self {
            Arg::Str(words) => FluentValue::from(words.clone()),
            Arg::Number(digits) => match digits.parse::<FluentNumber>() {
                Ok(number) => FluentValue::Number(number),
                Err(_) => FluentValue::from(digits.clone()),
            },
            Arg::Text(text) => FluentValue::from(text.render(lang)),
            Arg::List(texts) => {
                let separator = format(lang, "list-separator", &FluentArgs::new());
                let items: Vec<String> = texts.iter().map(|text| text.render(lang)).collect();
                FluentValue::from(items.join(&separator))
            }
        }
    }
}

/// Renders in English, for logs and `Debug`-like uses.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

impl From<String> for Arg {
    fn from(words: String) -> Arg {
        Arg::Str(words)
    }
}

impl From<&str> for Arg {
    fn from(words: &str) -> Arg {
        Arg::Str(words.to_owned())
    }
}

impl From<&String> for Arg {
    fn from(words: &String) -> Arg {
        Arg::Str(words.clone())
    }
}

impl From<Text> for Arg {
    fn from(text: Text) -> Arg {
        Arg::Text(text)
    }
}

impl From<Vec<Text>> for Arg {
    fn from(texts: Vec<Text>) -> Arg {
        Arg::List(texts)
    }
}

macro_rules! number_arg {
    ($($number:ty),*) => {$(
        impl From<$number> for Arg {
            fn from(number: $number) -> Arg {
                Arg::Number(number.to_string())
            }
        }
    )*};
}

number_arg!(
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    i32,
    i64,
    rust_decimal::Decimal
);

/// A [`Text`] of the catalogue: `text!("id")` or `text!("id", name =
/// value, ...)`, each value anything that becomes an [`Arg`].
#[macro_export]
macro_rules! text {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Text::with_room($id, <[&str]>::len(&[$(stringify!($name)),*]))
            $(.arg(stringify!($name), $value))*
    };
}

#[cfg(test)]
mod tests {
    use super::super::Lang;
    use super::Text;

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(super::super::group_thousands("1000000"), "1,000,000");
        assert_eq!(super::super::group_thousands("-12345.50"), "-12,345.50");
        assert_eq!(super::super::group_thousands("999"), "999");
    }

    #[test]
    fn a_long_chain_renders_without_deep_recursion() {
        let names: Vec<Text> = (0..50_000).map(|n| Text::verbatim(n.to_string())).collect();
        let chain = Text::chain("either-or", names);
        let rendered = chain.render(Lang::En);
        assert!(rendered.starts_with("0 or 1 or 2"), "{}", &rendered[..20]);
        assert!(rendered.ends_with("49999"));
    }

    #[test]
    fn a_missing_message_falls_back_to_its_id() {
        assert_eq!(
            Text::new("no-such-message").render(Lang::ZhHant),
            "no-such-message"
        );
    }
}
