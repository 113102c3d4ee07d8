//! Messages: every text parvis shows to people, in French and English.
//!
//! Diagnostics, hints, summary lines and the command line's help are
//! [`Message`] values: an id of `locales/<lang>/parvis.ftl` (Project
//! Fluent) and its arguments. The text is made only when it is shown, in
//! the language the reader chose, so stages never deal with languages.
//! Texts from other libraries (an I/O error, a parser's detail) travel as
//! arguments, never as the message itself.
//!
//! Both catalogs are compiled into the binary. A unit test checks that
//! every id used in the code exists in both, with the arguments the code
//! passes.

use std::borrow::Cow;
use std::str::FromStr;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::Serialize;
use unic_langid::LanguageIdentifier;

/// The French catalog.
const FR: &str = include_str!("../locales/fr/parvis.ftl");
/// The English catalog.
const EN: &str = include_str!("../locales/en/parvis.ftl");

/// The language messages are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Français.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The language for a site whose `default_language` is `code`: French
    /// for a French site, English for any other.
    pub fn for_site(code: &str) -> Lang {
        if code.trim().eq_ignore_ascii_case("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    fn catalog(self) -> &'static str {
        match self {
            Lang::Fr => FR,
            Lang::En => EN,
        }
    }

    /// Its language code (`fr`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// `--messages fr|en`; written by hand so `--help` shows no English text
/// beside the codes.
impl clap::ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Lang] {
        &[Lang::Fr, Lang::En]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.code()))
    }
}

impl FromStr for Lang {
    type Err = ();

    /// `fr` or `en`, in any case, with or without a region (`fr-FR`).
    fn from_str(text: &str) -> Result<Lang, ()> {
        let code = text.trim().split(['-', '_', '.']).next().unwrap_or("");
        match code.to_ascii_lowercase().as_str() {
            "fr" => Ok(Lang::Fr),
            "en" => Ok(Lang::En),
            _ => Err(()),
        }
    }
}

/// A text for people: an id in `locales/<lang>/parvis.ftl` and its
/// arguments.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Message {
    id: Cow<'static, str>,
    args: Vec<(Cow<'static, str>, String)>,
}

/// Makes a [`Message`]: `msg!("unknown-field", field = name)`. Each
/// argument is borrowed and turned into text with `to_string()`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message::new($id)$(.arg(stringify!($name), &$value))*
    };
}

impl Message {
    /// A message without arguments yet; prefer [`msg!`](crate::msg).
    pub fn new(id: &'static str) -> Message {
        Message {
            id: Cow::Borrowed(id),
            args: Vec::new(),
        }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Message {
        self.args.push((Cow::Borrowed(name), value.to_string()));
        self
    }

    /// The message's id (also its `code` in JSON output).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The value of argument `name`, if given.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The text in `lang`. An id missing from the catalog shows as itself
    /// (the catalog test keeps that from happening).
    pub fn text(&self, lang: Lang) -> String {
        let bundle = bundle(lang);
        let Some(pattern) = bundle.get_message(&self.id).and_then(|m| m.value()) else {
            return self.id.to_string();
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            args.set(name.as_ref(), fluent_value(value));
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }
}

/// A text written by an editor, ready to quote in a message: trimmed, and
/// cut when very long.
pub fn quoted(text: &str) -> String {
    const MAX: usize = 60;
    let text = text.trim();
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Whole numbers are passed as numbers, so plurals can be chosen
/// (`{ $count -> [one] … *[other] … }`); they print exactly as written.
fn fluent_value(value: &str) -> FluentValue<'_> {
    let canonical = !value.is_empty()
        && value.len() <= 15
        && value.bytes().all(|b| b.is_ascii_digit())
        && (value == "0" || !value.starts_with('0'));
    if canonical {
        FluentValue::try_number(value)
    } else {
        FluentValue::from(value)
    }
}

/// The bundle of a language, built once.
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static FR_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let cell = match lang {
        Lang::Fr => &FR_BUNDLE,
        Lang::En => &EN_BUNDLE,
    };
    cell.get_or_init(|| {
        let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        // Syntax errors and duplicate ids are caught by the tests below;
        // what parses is still usable.
        let resource = FluentResource::try_new(lang.catalog().to_string())
            .unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

#[cfg(test)]
mod tests;
