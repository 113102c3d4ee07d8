//! Declared terms: a taxonomy may list the terms entries can use, each
//! with its label per language (`[taxonomies.sectors.terms]`). Entries then
//! write a term's label (or its key) and an unknown term is an error; pages
//! show the label in their own language, at the address its label gives.
//!
//! ```toml
//! [taxonomies.sectors.terms]
//! imagerie-medicale = { fr = "Imagerie médicale", en = "Medical imaging" }
//! ```

use indexmap::IndexMap;
use serde::Deserialize;

use super::{Config, Localized};
use crate::diagnostics::{Diagnostic, Span};
use crate::msg;
use crate::slug::slugify;

/// The terms a taxonomy declares, by key; empty for an open taxonomy.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Terms(IndexMap<String, Localized>);

impl Terms {
    /// Whether no term is declared (any term goes).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The key of the term written `written`: its key or one of its
    /// labels, exactly (spaces around ignored).
    pub fn find(&self, written: &str) -> Option<&str> {
        let written = written.trim();
        self.0
            .iter()
            .find(|(key, label)| *key == written || labels(label).any(|l| l == written))
            .map(|(key, _)| key.as_str())
    }

    /// The label of term `key` in `lang`.
    pub fn label<'a>(&'a self, key: &str, lang: &str, default_lang: &str) -> Option<&'a str> {
        self.0.get(key)?.get(lang, default_lang)
    }

    /// Every term's label in `lang`, in declared order.
    pub fn labels<'a>(
        &'a self,
        lang: &'a str,
        default_lang: &'a str,
    ) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .keys()
            .filter_map(move |key| self.label(key, lang, default_lang))
    }

    /// Checks the declaration of taxonomy `taxonomy`: slug keys, a label in
    /// every language and no two labels with the same address.
    pub(super) fn check(
        &self,
        taxonomy: &str,
        config: &Config,
        at_key: &dyn Fn(&str) -> Span,
    ) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for (key, label) in &self.0 {
            let error = |message| Diagnostic::error(message).at(at_key(key));
            if !crate::slug::is_valid(key) {
                problems.push(
                    error(msg!("term-key-not-slug", taxonomy = taxonomy, key = key))
                        .hint(msg!("slug-hint", slug = slugify(key))),
                );
            }
            if let Localized::PerLanguage(map) = label {
                for lang in map.keys().filter(|l| !config.languages.contains_key(*l)) {
                    problems.push(
                        error(msg!("term-unknown-language", key = key, lang = lang)).hint(msg!(
                            "term-languages-hint",
                            langs = declared_languages(config)
                        )),
                    );
                }
                let missing: Vec<&str> = config
                    .language_codes()
                    .filter(|l| !map.contains_key(*l))
                    .collect();
                // One fault, one error, however many languages it leaves out.
                match missing[..] {
                    [] => {}
                    [lang] => problems.push(
                        error(msg!("term-label-missing", key = key, lang = lang))
                            .hint(msg!("term-label-missing-hint", lang = lang)),
                    ),
                    [first, ..] => problems.push(
                        error(msg!(
                            "term-labels-missing",
                            key = key,
                            count = missing.len(),
                            langs = code_list(&missing)
                        ))
                        .hint(msg!("term-label-missing-hint", lang = first)),
                    ),
                }
            }
            if labels(label).any(|l| slugify(l).is_empty()) {
                problems.push(
                    error(msg!("term-label-empty", key = key)).hint(msg!("term-label-empty-hint")),
                );
            }
        }
        problems.extend(self.same_addresses(taxonomy, config, at_key));
        problems
    }

    /// Two terms whose labels in one language give the same address.
    fn same_addresses(
        &self,
        taxonomy: &str,
        config: &Config,
        at_key: &dyn Fn(&str) -> Span,
    ) -> Vec<Diagnostic> {
        let mut clashes: Vec<(&str, &str, String)> = Vec::new();
        for lang in config.language_codes() {
            let mut seen: IndexMap<String, &str> = IndexMap::new();
            for key in self.0.keys() {
                let Some(label) = self.label(key, lang, &config.default_language) else {
                    continue;
                };
                let address = slugify(label);
                match seen.get(&address) {
                    Some(first) if !clashes.iter().any(|(f, s, _)| f == first && *s == key) => {
                        clashes.push((first, key, address));
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(address, key);
                    }
                }
            }
        }
        clashes
            .into_iter()
            .map(|(first, second, address)| {
                let message = msg!(
                    "term-same-address",
                    taxonomy = taxonomy,
                    first = first,
                    second = second,
                    address = address
                );
                Diagnostic::error(message)
                    .at(at_key(second))
                    .hint(msg!("term-same-address-hint"))
            })
            .collect()
    }
}

/// All the labels of one term.
fn labels(label: &Localized) -> Box<dyn Iterator<Item = &str> + '_> {
    match label {
        Localized::One(text) => Box::new(std::iter::once(text.as_str())),
        Localized::PerLanguage(map) => Box::new(map.values().map(String::as_str)),
    }
}

/// Language codes for a message: the first ten, then an ellipsis.
fn code_list(codes: &[&str]) -> String {
    let mut list: Vec<String> = codes.iter().take(10).map(|c| format!("`{c}`")).collect();
    if codes.len() > 10 {
        list.push("…".to_string());
    }
    list.join(", ")
}

fn declared_languages(config: &Config) -> String {
    config.language_codes().collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    const SITE: &str = "title = \"T\"\nbase_url = \"https://x.org\"\n[languages.fr]\ntitle = \"T\"\n[languages.en]\ntitle = \"T\"\n[taxonomies.sectors]\ntitle = \"Secteurs\"\n[taxonomies.sectors.terms]\n";

    fn parse(terms: &str) -> Result<Config, Vec<Diagnostic>> {
        Config::parse(Path::new("site.toml"), &format!("{SITE}{terms}"))
    }

    #[test]
    fn terms_are_found_by_key_or_label_and_shown_by_label() {
        let config = parse("imagerie-medicale = { fr = \"Imagerie médicale\", en = \"Medical imaging\" }\nia = \"IA\"\n").expect("valid");
        let terms = &config.taxonomies["sectors"].terms;
        assert_eq!(terms.find("Imagerie médicale"), Some("imagerie-medicale"));
        assert_eq!(terms.find(" Medical imaging"), Some("imagerie-medicale"));
        assert_eq!(terms.find("imagerie-medicale"), Some("imagerie-medicale"));
        assert_eq!(terms.find("Imagerie medicale"), None);
        assert_eq!(
            terms.label("imagerie-medicale", "en", "fr"),
            Some("Medical imaging")
        );
        assert_eq!(terms.label("ia", "en", "fr"), Some("IA"));
    }

    #[test]
    fn declarations_are_checked_strictly() {
        let id = |errors: Vec<Diagnostic>| -> Vec<String> {
            errors.iter().map(|e| e.message.id().to_string()).collect()
        };
        let missing = parse("ia = { fr = \"IA\" }\n").expect_err("no English label");
        assert_eq!(id(missing), ["term-label-missing"]);
        let unknown = parse("ia = { fr = \"IA\", en = \"AI\", de = \"KI\" }\n").expect_err("de");
        assert_eq!(id(unknown), ["term-unknown-language"]);
        let key = parse("Intelligence = \"IA\"\n").expect_err("not a slug");
        assert_eq!(id(key), ["term-key-not-slug"]);
        let twice = parse("a = \"Santé\"\nb = \"sante\"\n").expect_err("same address");
        assert_eq!(id(twice), ["term-same-address"]);
    }
}
