//! The languages flowc writes, and how the user's choice is found.

use std::fmt;

use unic_langid::LanguageIdentifier;

/// A language flowc writes for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Traditional Chinese (繁體中文).
    ZhHant,
    /// Simplified Chinese (简体中文).
    ZhHans,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::ZhHant, Lang::ZhHans];

    /// The language's BCP 47 tag: `en`, `zh-Hant`, `zh-Hans`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHant => "zh-Hant",
            Lang::ZhHans => "zh-Hans",
        }
    }

    /// The language's place in [`Lang::ALL`].
    pub(crate) fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::ZhHant => 1,
            Lang::ZhHans => 2,
        }
    }

    /// The language as Fluent identifies it.
    pub(crate) fn identifier(self) -> LanguageIdentifier {
        self.code().parse().unwrap_or_default()
    }

    /// Whether the language is a Chinese one.
    pub fn is_chinese(self) -> bool {
        matches!(self, Lang::ZhHant | Lang::ZhHans)
    }

    /// The language a tag names: `en`, `zh-Hant`, `zh-Hans` as flowc writes
    /// them, and the regional tags people also write (`zh-TW`, `zh-HK`,
    /// `zh-MO` for Traditional; `zh-CN`, `zh-SG`, `zh` for Simplified;
    /// `en-GB` and any other English), with `-` or `_`, in any case.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
        let mut parts = tag.split('-');
        match parts.next()? {
            "en" => Some(Lang::En),
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                let traditional = rest
                    .iter()
                    .any(|part| matches!(*part, "hant" | "tw" | "hk" | "mo"));
                Some(if traditional && !rest.contains(&"hans") {
                    Lang::ZhHant
                } else {
                    Lang::ZhHans
                })
            }
            _ => None,
        }
    }

    /// The language of a POSIX locale (`zh_TW.UTF-8`, `zh_CN.GB18030@x`,
    /// `en_US.UTF-8`): `None` for `C`, `POSIX`, an empty value and any
    /// language flowc does not write.
    pub fn of_locale(locale: &str) -> Option<Lang> {
        let name = locale.split(['.', '@']).next().unwrap_or_default();
        Lang::parse(name)
    }

    /// The language of the environment's locale: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty, as POSIX reads
    /// them.
    pub fn of_environment() -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .and_then(|value| Lang::of_locale(&value))
    }

    /// The language to write in: `--lang` if given, else `lang` of
    /// `flowc.toml`, else the environment's locale, else English.
    pub fn choose(flag: Option<Lang>, project: Option<Lang>) -> Lang {
        flag.or(project)
            .or_else(Lang::of_environment)
            .unwrap_or_default()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(tag: &str) -> Result<Lang, String> {
        Lang::parse(tag).ok_or_else(|| {
            format!(
                "\"{tag}\" is not a language flowc writes: use \"zh-Hant\", \"zh-Hans\" or \"en\""
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn regional_tags_and_locales_choose_the_script() {
        for (tag, lang) in [
            ("zh-Hant", Lang::ZhHant),
            ("zh_TW", Lang::ZhHant),
            ("zh-HK", Lang::ZhHant),
            ("zh-Hant-CN", Lang::ZhHant),
            ("zh-Hans", Lang::ZhHans),
            ("zh_CN", Lang::ZhHans),
            ("zh-SG", Lang::ZhHans),
            ("zh", Lang::ZhHans),
            ("en", Lang::En),
            ("en-GB", Lang::En),
        ] {
            assert_eq!(Lang::parse(tag), Some(lang), "{tag}");
        }
        assert_eq!(Lang::of_locale("zh_TW.UTF-8"), Some(Lang::ZhHant));
        assert_eq!(Lang::of_locale("zh_CN.GB18030"), Some(Lang::ZhHans));
        assert_eq!(Lang::of_locale("C.UTF-8"), None);
        assert_eq!(Lang::of_locale("POSIX"), None);
        assert_eq!(Lang::of_locale("fr_FR.UTF-8"), None);
    }

    #[test]
    fn the_flag_wins_over_the_project_which_wins_over_the_locale() {
        assert_eq!(Lang::choose(Some(Lang::En), Some(Lang::ZhHant)), Lang::En);
        assert_eq!(Lang::choose(None, Some(Lang::ZhHans)), Lang::ZhHans);
    }
}
