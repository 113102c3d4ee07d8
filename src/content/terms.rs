//! Terms written in an entry, checked against the terms their taxonomy
//! declares (see [`crate::config::Terms`]): each becomes the term's label
//! in the entry's language, so pages, lists and exports show the declared
//! label; an unknown term is an error whose suggestion ignores case and
//! accents (`Imagerie medicale` → `Imagerie médicale`).

use crate::config::Terms;
use crate::messages::Message;
use crate::msg;
use crate::slug;

/// The languages a term is looked up in.
pub(super) struct TermLanguage<'a> {
    /// The entry's language.
    pub(super) lang: &'a str,
    /// The site's default language (labels fall back on it).
    pub(super) default_lang: &'a str,
}

/// The values of list field `field`, which feeds `taxonomy` and its
/// declared `terms`: each as its label, or an error (message, hint) per
/// unknown value.
pub(super) fn check(
    field: &str,
    taxonomy: &str,
    terms: &Terms,
    values: Vec<String>,
    language: &TermLanguage<'_>,
) -> Result<Vec<String>, Vec<(Message, Message)>> {
    let (lang, default_lang) = (language.lang, language.default_lang);
    let mut labels = Vec::with_capacity(values.len());
    let mut unknown = Vec::new();
    for value in values {
        match terms.find(&value) {
            Some(key) => labels.push(terms.label(key, lang, default_lang).unwrap_or(key).into()),
            None => unknown.push((
                msg!(
                    "term-unknown",
                    field = field,
                    value = value,
                    taxonomy = taxonomy
                ),
                hint(field, taxonomy, terms, &value, language),
            )),
        }
    }
    if unknown.is_empty() {
        Ok(labels)
    } else {
        Err(unknown)
    }
}

fn hint(
    field: &str,
    taxonomy: &str,
    terms: &Terms,
    value: &str,
    language: &TermLanguage<'_>,
) -> Message {
    let (lang, default_lang) = (language.lang, language.default_lang);
    let parts: Vec<&str> = value.split(',').map(str::trim).collect();
    if parts.len() > 1 && parts.iter().all(|p| terms.find(p).is_some()) {
        return msg!("list-use-brackets", field = field, items = parts.join(", "));
    }
    if let Some(close) = closest(value, terms.labels(lang, default_lang)) {
        return msg!("did-you-mean", close = close);
    }
    let labels: Vec<&str> = terms.labels(lang, default_lang).collect();
    if labels.len() <= 12 {
        msg!("term-known-labels", labels = labels.join(", "))
    } else {
        msg!("term-see-config", taxonomy = taxonomy)
    }
}

/// The label closest to `value` once case and accents are ignored.
fn closest<'a>(value: &str, labels: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = folded(value);
    labels
        .map(|label| {
            let candidate = folded(label);
            let score = if candidate == wanted {
                2.0
            } else {
                strsim::jaro_winkler(&wanted, &candidate)
            };
            (score, label)
        })
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, label)| label)
}

/// Lower-cased, accents folded, words separated by single spaces.
fn folded(text: &str) -> String {
    let lower: String = slug::fold(text).flat_map(char::to_lowercase).collect();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::Config;

    fn terms() -> Config {
        let text = "title = \"T\"\nbase_url = \"https://x.org\"\n[languages.fr]\ntitle = \"T\"\n[languages.en]\ntitle = \"T\"\n[taxonomies.sectors]\ntitle = \"S\"\n[taxonomies.sectors.terms]\nimagerie-medicale = { fr = \"Imagerie médicale\", en = \"Medical imaging\" }\nia = { fr = \"Intelligence artificielle\", en = \"Artificial intelligence\" }\n";
        Config::parse(Path::new("site.toml"), text).expect("valid")
    }

    fn run(values: &[&str], lang: &str) -> Result<Vec<String>, Vec<(Message, Message)>> {
        let config = terms();
        let language = TermLanguage {
            lang,
            default_lang: "fr",
        };
        let values = values.iter().map(|v| v.to_string()).collect();
        check(
            "sectors",
            "sectors",
            &config.taxonomies["sectors"].terms,
            values,
            &language,
        )
    }

    #[test]
    fn known_terms_become_labels_in_the_entry_language() {
        assert_eq!(
            run(&["Imagerie médicale", "ia"], "en"),
            Ok(vec![
                "Medical imaging".into(),
                "Artificial intelligence".into()
            ])
        );
    }

    #[test]
    fn unknown_terms_get_a_suggestion_ignoring_case_and_accents() {
        let errors = run(&["imagerie MEDICALE"], "fr").expect_err("unknown");
        assert_eq!(
            errors[0].1,
            msg!("did-you-mean", close = "Imagerie médicale")
        );
        let errors = run(&["Imagerie médicale, ia"], "fr").expect_err("one string");
        assert_eq!(errors[0].1.id(), "list-use-brackets");
        let errors = run(&["Robotique"], "fr").expect_err("unknown");
        assert_eq!(errors[0].1.id(), "term-known-labels");
    }
}
