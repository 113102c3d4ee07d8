//! `parvis new <collection> --lang en --from <name>`: the translation of an
//! entry, written beside it.
//!
//! What reads the same in every language is copied from the original
//! (addresses, dates, numbers, choices, refs, files, declared terms, which
//! become their labels in the new language); texts (title, summary, string
//! and Markdown fields, the body) hold the original after a placeholder the
//! build refuses, so nothing is published half-translated.

use serde_json::Value;

use super::entry::NewRequest;
use super::{flow, quoted, Refusal};
use crate::config::{Config, FieldType, Terms};
use crate::content::discover::{Role, SourceFile};
use crate::content::frontmatter::{self, Body};
use crate::content::placeholder::Placeholder;
use crate::messages::Lang;
use crate::msg;

/// What becomes of a field of the original.
enum Treatment<'a> {
    /// Its text is to translate.
    Translate,
    /// Declared terms: written as their labels in the new language.
    Terms(&'a Terms),
    /// The same in every language.
    Copy,
    /// Belongs to the original only (its own address, its old addresses).
    Skip,
}

/// The text of the translation of `original` into `lang`.
pub(super) fn write(
    config: &Config,
    original: &SourceFile,
    request: &NewRequest,
    lang: &str,
) -> Result<String, Refusal> {
    let raw = frontmatter::read(original)?;
    let words = request.words;
    let mark = Placeholder::Translate.mark(words);
    let comment = msg!(
        "new-comment-translation",
        file = original.display.display(),
        placeholder = mark
    );
    let mut out = format!("---\n# {}\n", comment.text(words));
    for (key, (value, _)) in &raw.fields {
        if value.is_null() {
            continue;
        }
        if key == "title" {
            out.push_str(&match &request.title {
                Some(title) => format!("title: {}\n", quoted(title)),
                None => to_translate(key, value, mark, words),
            });
            let hint = msg!("new-comment-slug").text(words);
            out.push_str(&format!("# {:<24}  # {hint}\n", "slug:"));
            continue;
        }
        match treatment(config, original, key) {
            Treatment::Translate => out.push_str(&to_translate(key, value, mark, words)),
            Treatment::Terms(terms) => {
                let labels = relabel(terms, value, lang, &config.default_language);
                out.push_str(&format!("{key}: {}\n", flow(&labels)));
            }
            Treatment::Copy => out.push_str(&format!("{key}: {}\n", flow(value))),
            Treatment::Skip => {}
        }
    }
    out.push_str("---\n");
    let body = match &raw.body {
        Body::Tail(start) => &raw.text[*start..],
        Body::Field(text, _) => text.as_str(),
    };
    if !body.trim().is_empty() {
        let line = msg!("new-translate-body", placeholder = mark).text(words);
        out.push_str(&format!("{line}\n\n{}\n", body.trim_matches('\n')));
    }
    Ok(out)
}

/// How a field of the original is carried into its translation.
fn treatment<'a>(config: &'a Config, original: &SourceFile, key: &str) -> Treatment<'a> {
    let declared = match &original.role {
        Role::Entry { collection } => config
            .collections
            .get(collection)
            .and_then(|c| c.fields.get(key)),
        _ => None,
    };
    let taxonomy = match declared {
        Some(spec) => spec.taxonomy.as_deref(),
        None => (key == "tags").then_some("tags"),
    };
    let terms = taxonomy
        .and_then(|t| config.taxonomies.get(t))
        .map(|t| &t.terms)
        .filter(|t| !t.is_empty());
    match (key, declared, terms) {
        ("summary" | "image_alt", None, _) => Treatment::Translate,
        ("slug" | "aliases", None, _) => Treatment::Skip,
        (_, _, Some(terms)) => Treatment::Terms(terms),
        (_, Some(spec), _) if matches!(spec.kind, FieldType::String | FieldType::Markdown) => {
            Treatment::Translate
        }
        _ => Treatment::Copy,
    }
}

/// `key: "À TRADUIRE : original"`, or a block of lines for a text on
/// several lines.
fn to_translate(key: &str, value: &Value, mark: &str, words: Lang) -> String {
    let text = match value {
        Value::String(text) => text.trim().to_string(),
        other => other.to_string(),
    };
    if !text.contains('\n') {
        let marked = msg!("new-translate-value", placeholder = mark, text = text).text(words);
        return format!("{key}: {}\n", quoted(&marked));
    }
    let line = msg!("new-translate-value", placeholder = mark, text = "").text(words);
    let mut out = format!("{key}: |\n  {}\n", line.trim_end());
    for line in text.lines() {
        if line.trim().is_empty() {
            out.push('\n');
        } else {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out
}

/// Declared terms written in the original, as their labels in `lang`.
fn relabel(terms: &Terms, value: &Value, lang: &str, default_lang: &str) -> Value {
    let label = |item: &Value| match item.as_str().and_then(|text| terms.find(text)) {
        Some(key) => Value::from(terms.label(key, lang, default_lang).unwrap_or(key)),
        None => item.clone(),
    };
    match value {
        Value::Array(items) => Value::Array(items.iter().map(label).collect()),
        single => label(single),
    }
}
