//! Which language a person reads: chosen once from the command line, the environment or
//! the locale, and recorded in an assessment for its reports.

use std::fmt;

/// A language the app speaks. Files and JSON keep their English keys and enum values
/// whatever the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Canadian French.
    Fr,
}

/// A language code the app does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct UnknownLang {
    /// Where the value came from: `--lang`, `AIMS_READINESS_LANG`, `meta.language`.
    pub source_name: String,
    /// The value given.
    pub value: String,
}

impl UnknownLang {
    /// The message in `lang`; `Display` prints it in English.
    pub fn in_lang(&self, lang: Lang) -> String {
        lang.f(
            super::ErrorText::UnknownLang,
            &[
                ("source_name", &self.source_name),
                ("value", &lang.quoted_value(&self.value)),
            ],
        )
    }
}

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The code written in files and accepted by `--lang`: `en`, `fr`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// Whether this is English, the default (left out when a questionnaire is written).
    pub fn is_english(&self) -> bool {
        *self == Lang::En
    }

    /// The language's own name, as a language menu shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// A code as a person may type it: `en`, `FR`, `fr-CA`, `fr_CA.UTF-8`, `french`.
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        let primary = code.split(['_', '-', '.', '@']).next().unwrap_or_default();
        match primary {
            "en" | "english" => Some(Lang::En),
            "fr" | "french" | "francais" | "français" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The language to speak: `--lang`, else `AIMS_READINESS_LANG`, else the first set of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` (French when it begins with `fr`), else English.
    ///
    /// `var` reads an environment variable (a function, so tests need no real
    /// environment). A value the user chose on purpose (`--lang`, `AIMS_READINESS_LANG`)
    /// that names no known language is an error; a system locale such as `de_DE.UTF-8`
    /// simply means English.
    pub fn choose(
        flag: Option<&str>,
        var: impl Fn(&str) -> Option<String>,
    ) -> Result<Lang, UnknownLang> {
        let chosen = |source_name: &str, value: &str| {
            Lang::parse(value).ok_or_else(|| UnknownLang {
                source_name: source_name.to_string(),
                value: value.to_string(),
            })
        };
        if let Some(flag) = flag {
            return chosen("--lang", flag);
        }
        if let Some(value) = var("AIMS_READINESS_LANG").filter(|v| !v.trim().is_empty()) {
            return chosen("AIMS_READINESS_LANG", &value);
        }
        // POSIX: the first of these that is set and not empty decides.
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()));
        Ok(match locale.as_deref().and_then(Lang::parse) {
            Some(Lang::Fr) => Lang::Fr,
            _ => Lang::En,
        })
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Written in files as its code (`"en"`, `"fr"`).
impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// Read from its code; any other value is an error that names the languages.
impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code() == code)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown language {code:?}: the languages are \"en\" and \"fr\""
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_flag_wins_then_our_variable_then_the_locale() {
        let all = [
            ("AIMS_READINESS_LANG", "en"),
            ("LC_ALL", "fr_CA.UTF-8"),
            ("LANG", "fr_FR.UTF-8"),
        ];
        assert_eq!(Lang::choose(Some("fr"), env(&all)), Ok(Lang::Fr));
        assert_eq!(Lang::choose(None, env(&all)), Ok(Lang::En));
        assert_eq!(Lang::choose(None, env(&all[1..])), Ok(Lang::Fr));
        assert_eq!(
            Lang::choose(None, env(&[("LANG", "fr_CA.UTF-8")])),
            Ok(Lang::Fr)
        );
        // LC_ALL set to English overrides a French LANG, as POSIX says.
        assert_eq!(
            Lang::choose(None, env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "fr_CA")])),
            Ok(Lang::En)
        );
        // An empty LC_ALL is not set.
        assert_eq!(
            Lang::choose(None, env(&[("LC_ALL", ""), ("LANG", "fr_CA")])),
            Ok(Lang::Fr)
        );
        assert_eq!(Lang::choose(None, env(&[])), Ok(Lang::En));
        assert_eq!(
            Lang::choose(None, env(&[("LANG", "C.UTF-8")])),
            Ok(Lang::En)
        );
        assert_eq!(
            Lang::choose(None, env(&[("LANG", "de_DE.UTF-8")])),
            Ok(Lang::En)
        );
    }

    #[test]
    fn a_language_chosen_on_purpose_must_exist() {
        let err = Lang::choose(Some("de"), env(&[])).unwrap_err();
        assert_eq!(err.source_name, "--lang");
        assert!(err.to_string().contains("\"de\""), "{err}");
        let err = Lang::choose(None, env(&[("AIMS_READINESS_LANG", "klingon")])).unwrap_err();
        assert_eq!(err.source_name, "AIMS_READINESS_LANG");
    }

    #[test]
    fn codes_as_people_type_them() {
        for (code, lang) in [
            ("en", Lang::En),
            ("EN", Lang::En),
            ("fr", Lang::Fr),
            ("fr-CA", Lang::Fr),
            ("fr_CA.UTF-8", Lang::Fr),
            ("Français", Lang::Fr),
        ] {
            assert_eq!(Lang::parse(code), Some(lang), "{code}");
        }
        assert_eq!(Lang::parse("frisian"), None);
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
    }
}
