//! `parvis new <collection> "Title"`: the file of a new entry, written
//! from its collection's schema.
//!
//! Required fields hold a placeholder the build refuses until it is
//! replaced; optional fields are comments that say what they hold (type,
//! allowed values, the collection a ref points to, with examples). In a
//! collection sorted by date, the file name starts with today's date.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::{quoted, shown, translation, write_new, Refusal};
use crate::config::{CollectionConfig, Config, FieldSpec, FieldType, SortBy};
use crate::confine::SiteRoot;
use crate::content::discover::{self, Role, SourceFile};
use crate::content::placeholder::Placeholder;
use crate::content::schema::type_words;
use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics};
use crate::messages::{Lang, Message};
use crate::msg;
use crate::slug::slugify;

/// What `parvis new` was asked for.
#[derive(Debug, Clone)]
pub struct NewRequest {
    /// The site root.
    pub root: PathBuf,
    /// The collection's key.
    pub collection: String,
    /// The entry's title (for a translation: the translated title, if known).
    pub title: Option<String>,
    /// The entry's language; default: the site's default language.
    pub lang: Option<String>,
    /// For a translation: the original's file name (without extension).
    pub from: Option<String>,
    /// The day the entry is made (the file name of a dated entry).
    pub today: NaiveDate,
    /// The language of the comments and placeholders written.
    pub words: Lang,
}

/// Writes the new entry; returns its path, relative to the site root.
pub fn new_entry(request: &NewRequest) -> Result<PathBuf, Refusal> {
    let root = &request.root;
    let config = Config::load(root).map_err(|p| Refusal::Site(Diagnostics::from_iter(p)))?;
    let key = request.collection.as_str();
    let Some(collection) = config.collections.get(key) else {
        return Err(Refusal::Usage(unknown_collection(key, &config)));
    };
    let lang = language(&config, request.lang.as_deref())?;
    let found = discover::discover(root, &config);
    let entries: Vec<&SourceFile> = found
        .sources
        .iter()
        .filter(|s| matches!(&s.role, Role::Entry { collection } if collection == key))
        .collect();
    let (stem, name, text) = match &request.from {
        Some(from) => {
            let original = original(&config, key, &lang, from, &entries)?;
            let text = translation::write(&config, original, request, &lang)?;
            (stem_of(original), original.name.clone(), text)
        }
        None => {
            let entry = Fresh {
                config: &config,
                collection,
                lang: &lang,
                words: request.words,
                examples: &examples(&found.sources, &config),
            };
            let title = request.title.as_deref().unwrap_or_default();
            let (stem, slug) = file_stem(title, collection, request.today)?;
            (stem, slug, entry.text(title))
        }
    };
    if let Some(twin) = entries.iter().find(|s| s.name == name && s.lang == lang) {
        return Err(super::exists(&twin.display).into());
    }
    let suffix = if lang == config.default_language {
        String::new()
    } else {
        format!(".{lang}")
    };
    let file = format!("{stem}{suffix}.md");
    let path = root.join("content").join(key).join(file);
    let shown = shown(root, &path);
    // A collection folder that is a link out of the site is not written to.
    let folder = root.join("content").join(key);
    SiteRoot::new(root).check(&folder)?;
    write_new(&path, &shown, text.as_bytes())?;
    Ok(shown)
}

/// The entry's language: the one asked for, if the site declares it.
fn language(config: &Config, asked: Option<&str>) -> Result<String, Refusal> {
    match asked {
        Some(lang) if !config.languages.contains_key(lang) => {
            let langs: Vec<&str> = config.language_codes().collect();
            Err(Refusal::Usage(
                Diagnostic::error(msg!("new-unknown-language", lang = lang))
                    .hint(msg!("new-languages", langs = langs.join(", "))),
            ))
        }
        Some(lang) => Ok(lang.to_string()),
        None => Ok(config.default_language.clone()),
    }
}

/// The file name of a new entry without language and extension (today's
/// date first in a collection sorted by date), and its slug.
fn file_stem(
    title: &str,
    collection: &CollectionConfig,
    today: NaiveDate,
) -> Result<(String, String), Refusal> {
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(Refusal::Usage(
            Diagnostic::error(msg!("new-title-without-slug", title = title))
                .hint(msg!("new-title-without-slug-hint")),
        ));
    }
    let stem = match collection.sort_by {
        SortBy::Date => format!("{}-{slug}", today.format("%Y-%m-%d")),
        _ => slug.clone(),
    };
    Ok((stem, slug))
}

/// The file name of `source` without language code and extension: its
/// translations share it.
fn stem_of(source: &SourceFile) -> String {
    match &source.date_prefix {
        Some(date) => format!("{date}-{}", source.name),
        None => source.name.clone(),
    }
}

/// The original named by `--from`: an entry of the collection in the
/// default language, named by its file name (with or without date and
/// extension).
fn original<'a>(
    config: &Config,
    key: &str,
    lang: &str,
    from: &str,
    entries: &[&'a SourceFile],
) -> Result<&'a SourceFile, Refusal> {
    let usage = |message: Message, hint: Message| {
        Err(Refusal::Usage(Diagnostic::error(message).hint(hint)))
    };
    if lang == config.default_language {
        return usage(
            msg!("new-from-same-language", lang = lang),
            msg!("new-from-same-language-hint"),
        );
    }
    let wanted = from
        .trim()
        .trim_end_matches(".md")
        .trim_end_matches(".yaml")
        .trim_end_matches(".yml");
    let originals: Vec<&SourceFile> = entries
        .iter()
        .copied()
        .filter(|s| s.lang == config.default_language)
        .collect();
    let found = originals
        .iter()
        .find(|s| s.name == wanted || stem_of(s) == wanted || slugify(&s.name) == slugify(wanted));
    match found {
        Some(source) => Ok(source),
        None => {
            let names: Vec<&str> = originals.iter().map(|s| s.name.as_str()).collect();
            let hint = match did_you_mean(wanted, names.iter().copied()) {
                Some(close) => msg!("did-you-mean", close = close),
                None => msg!("new-from-known", names = names.join(", ")),
            };
            usage(
                msg!("new-from-not-found", name = wanted, collection = key),
                hint,
            )
        }
    }
}

fn unknown_collection(key: &str, config: &Config) -> Diagnostic {
    let names = config.collections.keys().map(String::as_str);
    let hint = match did_you_mean(key, names) {
        Some(close) => msg!("did-you-mean", close = close),
        None => msg!(
            "new-collections",
            collections = config
                .collections
                .keys()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Diagnostic::error(msg!("new-unknown-collection", collection = key)).hint(hint)
}

/// A few file names of each collection, for the comments of ref fields.
fn examples(sources: &[SourceFile], config: &Config) -> BTreeMap<String, Vec<String>> {
    let mut names: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for source in sources {
        if let (Role::Entry { collection }, true) =
            (&source.role, source.lang == config.default_language)
        {
            names
                .entry(collection.clone())
                .or_default()
                .push(source.name.clone());
        }
    }
    for list in names.values_mut() {
        list.sort();
        list.dedup();
        list.truncate(3);
    }
    names
}

/// The text of a new entry.
struct Fresh<'a> {
    config: &'a Config,
    collection: &'a CollectionConfig,
    lang: &'a str,
    words: Lang,
    examples: &'a BTreeMap<String, Vec<String>>,
}

/// The common fields offered to every new entry, in this order.
const OFFERED: [&str; 5] = ["summary", "tags", "image", "image_alt", "draft"];

impl Fresh<'_> {
    fn text(&self, title: &str) -> String {
        let t = |m: Message| m.text(self.words);
        let mut out = format!("---\ntitle: {}\n", quoted(title));
        let fields = &self.collection.fields;
        let mark = Placeholder::FillIn.mark(self.words);
        let required: Vec<(&String, &FieldSpec)> =
            fields.iter().filter(|(_, s)| s.required).collect();
        if !required.is_empty() {
            out.push_str(&format!(
                "# {}\n",
                t(msg!("new-comment-required", placeholder = mark))
            ));
            for (name, spec) in required {
                let line = format!("{name}: {}", quoted(mark));
                out.push_str(&format!("{line:<26}  # {}\n", self.describe(spec)));
            }
        }
        out.push_str(&format!("# {}\n", t(msg!("new-comment-optional"))));
        let mut offered: Vec<&str> = OFFERED.to_vec();
        if self.collection.sort_by == SortBy::Weight {
            offered.push("weight");
        }
        for name in offered {
            let words = t(msg!("new-common-field", field = name));
            out.push_str(&format!("# {:<24}  # {words}\n", format!("{name}:")));
        }
        for (name, spec) in fields.iter().filter(|(_, s)| !s.required) {
            out.push_str(&format!(
                "# {:<24}  # {}\n",
                format!("{name}:"),
                self.describe(spec)
            ));
        }
        out.push_str(&format!("# {}\n---\n", t(msg!("new-comment-body"))));
        out
    }

    /// What a declared field holds, with examples for refs.
    fn describe(&self, spec: &FieldSpec) -> String {
        let terms = spec
            .taxonomy
            .as_ref()
            .and_then(|t| self.config.taxonomies.get(t))
            .filter(|t| !t.terms.is_empty())
            .map(|t| {
                t.terms
                    .labels(self.lang, &self.config.default_language)
                    .collect()
            });
        let words = type_words(spec, terms);
        let mut text = msg!(
            "field-type",
            kind = words.kind,
            values = words.values,
            collection = words.collection
        )
        .text(self.words);
        let examples = match (spec.kind, &spec.to) {
            (FieldType::Ref | FieldType::Refs, Some(to)) => self.examples.get(to),
            _ => None,
        };
        if let Some(names) = examples.filter(|n| !n.is_empty()) {
            let names = msg!("new-examples", names = names.join(", "));
            text.push_str(&format!(" ({})", names.text(self.words)));
        }
        text
    }
}
