//! `site.toml`: the first stage of a build.
//!
//! The file is read into strict types (`deny_unknown_fields`), so a typo is
//! an error that names the closest known key, then checked for what types
//! alone cannot say: the default language is declared, every `ref` points at
//! a declared collection, every taxonomy a field feeds is declared, the
//! terms a taxonomy declares ([`terms`]) have a label in every language.

mod terms;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::confine::SiteRoot;
use crate::diagnostics::{did_you_mean, Diagnostic, Span};
use crate::msg;
pub use terms::Terms;

/// The whole site configuration, validated.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The site's name.
    pub title: String,
    /// Absolute URL of the published site; only feeds, sitemap and
    /// canonical links use it.
    pub base_url: String,
    /// A short description for the home page's meta description.
    #[serde(default)]
    pub description: Option<String>,
    /// The language without a code in file names and URLs.
    #[serde(default = "default_language")]
    pub default_language: String,
    /// Folder name under `themes/`.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Where `build` writes, relative to the site root.
    #[serde(default = "default_output_dir")]
    pub output_dir: String,
    /// Shape of links between pages.
    #[serde(default)]
    pub links: LinkStyle,
    /// Lets raw HTML through the Markdown unsanitized.
    #[serde(default)]
    pub unsafe_html: bool,
    /// Declared languages; the default one comes first when listed.
    #[serde(default)]
    pub languages: IndexMap<String, Language>,
    /// Declared taxonomies (`tags`, `sectors`…).
    #[serde(default)]
    pub taxonomies: IndexMap<String, TaxonomyConfig>,
    /// Declared collections, in menu order.
    #[serde(default)]
    pub collections: IndexMap<String, CollectionConfig>,
    /// News feeds (`[feeds]`).
    #[serde(default)]
    pub feeds: FeedsConfig,
    /// The search index (`[search]`).
    #[serde(default)]
    pub search: SearchConfig,
    /// Free-form values passed to templates.
    #[serde(default)]
    pub extra: toml::Table,
}

/// `[search]`: whether to build the search index (on by default; a site
/// without a search box, or a benchmark of the rest, turns it off).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchConfig {
    /// Build the index under `search/`.
    #[serde(default = "default_true")]
    pub enabled: bool,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig { enabled: true }
    }
}

fn default_true() -> bool {
    true
}

/// The most languages a site may declare. Every page links to its
/// translations and the sitemap lists them for every address, so a
/// build's size grows with the square of the languages: 100 keep a site
/// to seconds and megabytes, 1,000 would take minutes and gigabytes.
pub const MAX_LANGUAGES: usize = 100;

fn default_language() -> String {
    "fr".into()
}
fn default_theme() -> String {
    "campus".into()
}
fn default_output_dir() -> String {
    "public".into()
}

/// How pages link to each other.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkStyle {
    /// `../news/x/`: for web servers that serve `index.html` for folders.
    #[default]
    Pretty,
    /// `../news/x/index.html`: for `file://` and plain intranet shares.
    Files,
}

/// One declared language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// The site's name in this language.
    pub title: String,
    /// The home page's description in this language.
    #[serde(default)]
    pub description: Option<String>,
}

/// A text given once for all languages or once per language.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Localized {
    /// The same text everywhere.
    One(String),
    /// One text per language code.
    PerLanguage(BTreeMap<String, String>),
}

impl Localized {
    /// The text for `lang`, falling back on `default_lang`, then on any.
    pub fn get<'a>(&'a self, lang: &str, default_lang: &str) -> Option<&'a str> {
        match self {
            Localized::One(s) => Some(s),
            Localized::PerLanguage(map) => map
                .get(lang)
                .or_else(|| map.get(default_lang))
                .or_else(|| map.values().next())
                .map(String::as_str),
        }
    }
}

/// A declared taxonomy.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaxonomyConfig {
    /// Title of its index page.
    pub title: Localized,
    /// URL segment; default: the key.
    #[serde(default)]
    pub path: Option<Localized>,
    /// Entries per term page (0 = one page).
    #[serde(default = "default_paginate")]
    pub paginate: usize,
    /// The terms entries may use, each with its label per language; none
    /// declared means the taxonomy is open (any term goes, like tags).
    #[serde(default)]
    pub terms: Terms,
}

/// A declared collection.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollectionConfig {
    /// URL segment per language; default: the key.
    #[serde(default)]
    pub path: Option<Localized>,
    /// Title of its list page; default: the key.
    #[serde(default)]
    pub title: Option<Localized>,
    /// Order of its lists.
    #[serde(default)]
    pub sort_by: SortBy,
    /// Entries per list page (0 = one page).
    #[serde(default = "default_paginate")]
    pub paginate: usize,
    /// Template for its entries; default `<key>.html`, else `entry.html`.
    #[serde(default)]
    pub template: Option<String>,
    /// Fields beyond the common ones.
    #[serde(default)]
    pub fields: IndexMap<String, FieldSpec>,
    /// Declared fields its list can be filtered by (`["sectors", "stage"]`):
    /// list pages then get each value with its count over the whole list,
    /// and the build writes every card of the list with its values, for
    /// a filter over the whole list in the browser.
    #[serde(default)]
    pub filters: Vec<String>,
    /// Whether its lists in a language also show the entries not translated
    /// into it, in their original language.
    #[serde(default = "default_true")]
    pub show_untranslated: bool,
}

fn default_paginate() -> usize {
    20
}

/// `[feeds]`: which collections get Atom and JSON feeds, and how long they
/// are. Without the table, a collection keyed `news` gets feeds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedsConfig {
    /// Entries per feed, newest first.
    #[serde(default = "default_feed_count")]
    pub count: usize,
    /// Collections with feeds; default: `["news"]` when it is declared.
    #[serde(default)]
    pub collections: Option<Vec<String>>,
}

impl Default for FeedsConfig {
    fn default() -> Self {
        FeedsConfig {
            count: default_feed_count(),
            collections: None,
        }
    }
}

fn default_feed_count() -> usize {
    20
}

/// The order of a collection's lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    /// Alphabetical by title.
    #[default]
    Title,
    /// Newest first.
    Date,
    /// By `weight`, then title.
    Weight,
}

/// A declared field of a collection.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// Its type.
    #[serde(rename = "type")]
    pub kind: FieldType,
    /// Whether every entry must set it.
    #[serde(default)]
    pub required: bool,
    /// For `list`: the taxonomy its values feed.
    #[serde(default)]
    pub taxonomy: Option<String>,
    /// For `ref`/`refs`: the target collection.
    #[serde(default)]
    pub to: Option<String>,
    /// For `enum`: the allowed values.
    #[serde(default)]
    pub values: Vec<String>,
    /// Kept out of open-data exports.
    #[serde(default)]
    pub private: bool,
}

/// The types a declared field can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum FieldType {
    String,
    Markdown,
    Int,
    Year,
    Date,
    Bool,
    Url,
    Email,
    Enum,
    List,
    Asset,
    Ref,
    Refs,
}

impl FieldType {
    /// Whether a list can be filtered by a field of this type.
    pub fn filterable(self) -> bool {
        matches!(
            self,
            FieldType::String
                | FieldType::Int
                | FieldType::Year
                | FieldType::Bool
                | FieldType::Enum
                | FieldType::List
                | FieldType::Ref
                | FieldType::Refs
        )
    }
}

impl Config {
    /// Reads and validates `site.toml` at the site `root`.
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let path = Path::new("site.toml");
        SiteRoot::new(root)
            .check(&root.join(path))
            .map_err(|d| vec![d])?;
        let text = std::fs::read_to_string(root.join(path)).map_err(|e| {
            let hint = msg!("config-unreadable-hint");
            // The two usual mistakes (a mistyped `--root`, a command run
            // outside the site) in the editor's words, not the system's.
            if !root.is_dir() {
                let folder = root.display();
                return vec![
                    Diagnostic::error(msg!("config-no-site-folder", folder = folder)).hint(hint),
                ];
            }
            let message = match e.kind() {
                std::io::ErrorKind::NotFound => msg!("config-missing"),
                _ => msg!("config-unreadable", error = e),
            };
            vec![Diagnostic::error(message).at(Span::file(path)).hint(hint)]
        })?;
        Config::parse(path, &text)
    }

    /// Parses and validates the text of `site.toml`.
    pub fn parse(path: &Path, text: &str) -> Result<Config, Vec<Diagnostic>> {
        let mut config: Config =
            toml::from_str(text).map_err(|e| vec![toml_error(path, text, &e)])?;
        if config.languages.is_empty() {
            let language = Language {
                title: config.title.clone(),
                description: None,
            };
            config
                .languages
                .insert(config.default_language.clone(), language);
        }
        let problems = config.check(path, text);
        if problems.is_empty() {
            config.base_url = normalize_base_url(&config.base_url);
            Ok(config)
        } else {
            Err(problems)
        }
    }

    fn check(&self, path: &Path, text: &str) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let at_key = |key: &str| key_span(path, text, key);
        if !self.languages.contains_key(&self.default_language) {
            problems.push(
                Diagnostic::error(msg!(
                    "config-default-language-undeclared",
                    lang = self.default_language
                ))
                .at(at_key("default_language"))
                .hint(msg!(
                    "config-declare-language",
                    lang = self.default_language
                )),
            );
        }
        if let Some(first_over) = self.languages.keys().nth(MAX_LANGUAGES) {
            problems.push(
                Diagnostic::error(msg!(
                    "config-too-many-languages",
                    count = self.languages.len(),
                    max = MAX_LANGUAGES
                ))
                .at(key_span(path, text, &format!("languages.{first_over}")))
                .hint(msg!("config-too-many-languages-hint")),
            );
        }
        if let Err(problem) = check_base_url(&self.base_url, "base_url") {
            problems.push(problem.at(at_key("base_url")));
        }
        let at_assignment = |key: &str| assignment_span(path, text, key);
        for (name, taxonomy) in &self.taxonomies {
            problems.extend(taxonomy.terms.check(name, self, &at_assignment));
        }
        for (name, collection) in &self.collections {
            if !crate::slug::is_valid(name) {
                problems.push(
                    Diagnostic::error(msg!("config-collection-not-slug", name = name))
                        .at(at_key(name))
                        .hint(msg!("slug-hint", slug = crate::slug::slugify(name))),
                );
            }
            for (field, spec) in &collection.fields {
                problems.extend(self.check_field(field, spec, at_key(field)));
            }
            problems.extend(check_filters(collection, at_key("filters")));
        }
        problems.extend(self.check_feeds(at_key("collections"), at_key("count")));
        problems
    }

    fn check_feeds(&self, collections_span: Span, count_span: Span) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        if self.feeds.count == 0 {
            problems.push(
                Diagnostic::error(msg!("config-feeds-count-zero"))
                    .at(count_span)
                    .hint(msg!("config-feeds-count-zero-hint")),
            );
        }
        for name in self.feeds.collections.iter().flatten() {
            if !self.collections.contains_key(name) {
                let hint = match did_you_mean(name, self.collections.keys().map(String::as_str)) {
                    Some(close) => msg!("did-you-mean", close = close),
                    None => msg!("config-feeds-declared-only"),
                };
                problems.push(
                    Diagnostic::error(msg!("config-feeds-unknown-collection", name = name))
                        .at(collections_span.clone())
                        .hint(hint),
                );
            }
        }
        problems
    }

    /// The collections that get feeds, in `site.toml` order of `[feeds]`.
    pub fn feed_collections(&self) -> Vec<&str> {
        match &self.feeds.collections {
            Some(names) => names.iter().map(String::as_str).collect(),
            None if self.collections.contains_key("news") => vec!["news"],
            None => Vec::new(),
        }
    }

    fn check_field(&self, name: &str, spec: &FieldSpec, span: Span) -> Option<Diagnostic> {
        let error = |message, hint| Some(Diagnostic::error(message).at(span.clone()).hint(hint));
        if crate::content::COMMON_FIELDS.contains(&name) {
            return error(
                msg!("config-common-field-redeclared", field = name),
                msg!("config-common-field-redeclared-hint"),
            );
        }
        if let Some(taxonomy) = &spec.taxonomy {
            if !self.taxonomies.contains_key(taxonomy) {
                return error(
                    msg!(
                        "config-taxonomy-undeclared",
                        field = name,
                        taxonomy = taxonomy
                    ),
                    msg!("config-taxonomy-undeclared-hint", taxonomy = taxonomy),
                );
            }
            if spec.kind != FieldType::List {
                return error(
                    msg!("config-taxonomy-not-list", field = name),
                    msg!("config-taxonomy-not-list-hint"),
                );
            }
        }
        match (spec.kind, &spec.to) {
            (FieldType::Ref | FieldType::Refs, Some(to)) if !self.collections.contains_key(to) => {
                let hint = match did_you_mean(to, self.collections.keys().map(String::as_str)) {
                    Some(close) => msg!("did-you-mean", close = close),
                    None => msg!("config-ref-to-declared-only"),
                };
                error(
                    msg!("config-ref-unknown-collection", field = name, to = to),
                    hint,
                )
            }
            (FieldType::Enum, _) if spec.values.is_empty() => error(
                msg!("config-enum-without-values", field = name),
                msg!("config-enum-without-values-hint"),
            ),
            _ => None,
        }
    }

    /// The language codes, default first.
    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.default_language.as_str()).chain(
            self.languages
                .keys()
                .map(String::as_str)
                .filter(|l| *l != self.default_language),
        )
    }

    /// The site's name in `lang`.
    pub fn site_title(&self, lang: &str) -> &str {
        self.languages
            .get(lang)
            .map_or(self.title.as_str(), |l| l.title.as_str())
    }

    /// A collection's title in `lang` (falling back on the default
    /// language, then on its key).
    pub fn collection_title<'a>(&'a self, key: &'a str, lang: &str) -> &'a str {
        self.collections
            .get(key)
            .and_then(|c| c.title.as_ref())
            .and_then(|t| t.get(lang, &self.default_language))
            .unwrap_or(key)
    }

    /// A taxonomy's title in `lang` (falling back like collections).
    pub fn taxonomy_title<'a>(&'a self, key: &'a str, lang: &str) -> &'a str {
        self.taxonomies
            .get(key)
            .and_then(|t| t.title.get(lang, &self.default_language))
            .unwrap_or(key)
    }

    /// The theme folder under `root`.
    pub fn theme_dir(&self, root: &Path) -> PathBuf {
        root.join("themes").join(&self.theme)
    }
}

/// Checks a base URL, from `site.toml` or `--base-url` (`key` names
/// which): an absolute `http(s)` address with a host, spaces around it
/// ignored. The same check serves both, so both say the same.
pub fn check_base_url(value: &str, key: &str) -> Result<(), Diagnostic> {
    let trimmed = value.trim();
    let host = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"));
    match host {
        Some(rest)
            if !rest.is_empty()
                && !rest.starts_with('/')
                && !trimmed.contains(char::is_whitespace) =>
        {
            Ok(())
        }
        _ => Err(
            Diagnostic::error(msg!("base-url-not-absolute", key = key, value = trimmed))
                .hint(msg!("base-url-hint")),
        ),
    }
}

/// A checked base URL as links use it: trimmed, no trailing slash.
pub fn normalize_base_url(value: &str) -> String {
    value.trim().trim_end_matches('/').to_string()
}

/// A collection's `filters` name declared fields whose values are few
/// and short: not Markdown, dates, addresses or files.
fn check_filters(collection: &CollectionConfig, span: Span) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for name in &collection.filters {
        let error = |message, hint| Diagnostic::error(message).at(span.clone()).hint(hint);
        match collection.fields.get(name) {
            None => {
                let hint = match did_you_mean(name, collection.fields.keys().map(String::as_str)) {
                    Some(close) => msg!("did-you-mean", close = close),
                    None => msg!("config-filter-declared-only"),
                };
                problems.push(error(
                    msg!("config-filter-unknown-field", field = name),
                    hint,
                ));
            }
            Some(spec) if !spec.kind.filterable() => problems.push(error(
                msg!("config-filter-wrong-type", field = name),
                msg!("config-filter-wrong-type-hint"),
            )),
            Some(_) => {}
        }
    }
    problems
}

/// Turns a toml error into a diagnostic, with a suggestion for unknown keys.
fn toml_error(path: &Path, text: &str, error: &toml::de::Error) -> Diagnostic {
    let message = error.message().trim().to_string();
    let span = match error.span() {
        Some(range) => Span::in_text(path, text, range.start, range.len()),
        None => Span::file(path),
    };
    let Some((unknown, expected)) = parse_unknown_field(&message) else {
        return Diagnostic::error(msg!("config-invalid", detail = message))
            .at(span)
            .hint(msg!("config-invalid-hint"));
    };
    let hint = match did_you_mean(&unknown, expected.iter().map(String::as_str)) {
        Some(close) => msg!("did-you-mean", close = close),
        None => msg!("config-known-keys", keys = expected.join(", ")),
    };
    Diagnostic::error(msg!("config-unknown-key", key = unknown))
        .at(span)
        .hint(hint)
}

/// Reads serde's "unknown field `x`, expected one of `a`, `b`" message.
pub(crate) fn parse_unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.split("unknown field `").nth(1)?;
    let (unknown, rest) = rest.split_once('`')?;
    let expected = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((unknown.to_string(), expected))
}

/// The span of the first `key =` (or `"key" =`) anywhere on a line, so keys
/// of inline tables are found too; else the line of [`key_span`].
fn assignment_span(path: &Path, text: &str, key: &str) -> Span {
    for written in [key.to_string(), format!("\"{key}\"")] {
        let mut from = 0;
        while let Some(at) = text[from..].find(&written).map(|i| from + i) {
            let before = text[..at].chars().next_back();
            let after = text[at + written.len()..].trim_start_matches([' ', '\t']);
            let starts = before.is_none_or(|c| matches!(c, ' ' | '\t' | '\n' | '{' | ','));
            if starts && after.starts_with('=') {
                return Span::in_text(path, text, at, written.len());
            }
            from = at + written.len();
        }
    }
    key_span(path, text, key)
}

/// The span of the first line declaring `key` (as `key =` or `[...key]`).
fn key_span(path: &Path, text: &str, key: &str) -> Span {
    let line = text
        .lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with('='))
                || (l.starts_with('[') && l.trim_end().ends_with(&format!("{key}]")))
        })
        .map_or(1, |i| i + 1);
    Span::line_of(path, text, line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        Config::parse(Path::new("site.toml"), text)
    }

    const MINIMAL: &str = "title = \"T\"\nbase_url = \"https://example.org/\"\n";

    #[test]
    fn minimal_site_gets_defaults() {
        let config = parse(MINIMAL).expect("valid");
        assert_eq!(config.default_language, "fr");
        assert_eq!(config.base_url, "https://example.org");
        assert_eq!(config.languages.len(), 1);
        assert_eq!(config.links, LinkStyle::Pretty);
    }

    #[test]
    fn unknown_key_suggests_the_closest() {
        let errors = parse(&format!("{MINIMAL}titel = \"x\"\n")).expect_err("invalid");
        assert_eq!(errors[0].message, msg!("config-unknown-key", key = "titel"));
        assert_eq!(errors[0].hint, Some(msg!("did-you-mean", close = "title")));
        assert_eq!(errors[0].span.as_ref().map(|s| s.line), Some(3));
    }

    #[test]
    fn ref_to_undeclared_collection_is_an_error() {
        let text = format!(
            "{MINIMAL}[collections.startups.fields]\ninstitute = {{ type = \"ref\", to = \"institute\" }}\n[collections.institutes]\n"
        );
        let errors = parse(&text).expect_err("invalid");
        assert_eq!(errors[0].message.get("to"), Some("institute"));
        assert_eq!(
            errors[0].hint,
            Some(msg!("did-you-mean", close = "institutes"))
        );
        assert_eq!(errors[0].span.as_ref().map(|s| s.line), Some(4));
    }

    #[test]
    fn filters_name_declared_fields_with_short_values() {
        let startups = format!(
            "{MINIMAL}[collections.startups]\nfilters = [FILTERS]\n[collections.startups.fields]\n\
             sectors = {{ type = \"list\" }}\nabout = {{ type = \"markdown\" }}\n"
        );
        let with = |filters: &str| parse(&startups.replace("FILTERS", filters));
        let config = with("\"sectors\"").expect("valid");
        assert_eq!(config.collections["startups"].filters, ["sectors"]);
        assert!(config.collections["startups"].show_untranslated);
        let typo = with("\"sector\"").expect_err("invalid");
        assert_eq!(
            typo[0].message,
            msg!("config-filter-unknown-field", field = "sector")
        );
        assert_eq!(typo[0].hint, Some(msg!("did-you-mean", close = "sectors")));
        let markdown = with("\"about\"").expect_err("invalid");
        assert_eq!(
            markdown[0].message,
            msg!("config-filter-wrong-type", field = "about")
        );
    }

    #[test]
    fn feeds_default_to_news_and_are_checked() {
        let news = format!("{MINIMAL}[collections.news]\n");
        let config = parse(&news).expect("valid");
        assert_eq!(config.feed_collections(), vec!["news"]);
        assert_eq!(config.feeds.count, 20);
        assert!(parse(MINIMAL).expect("valid").feed_collections().is_empty());
        let none = parse(&format!("{news}[feeds]\ncollections = []\n")).expect("valid");
        assert!(none.feed_collections().is_empty());
        let typo =
            parse(&format!("{news}[feeds]\ncollections = [\"nwes\"]\n")).expect_err("invalid");
        assert_eq!(typo[0].hint, Some(msg!("did-you-mean", close = "news")));
        let unknown = parse(&format!("{news}[feeds]\ncont = 3\n")).expect_err("invalid");
        assert_eq!(unknown[0].hint, Some(msg!("did-you-mean", close = "count")));
        assert!(parse(&format!("{news}[feeds]\ncount = 0\n")).is_err());
    }

    #[test]
    fn base_url_is_trimmed_and_must_be_absolute() {
        assert!(check_base_url("https://example.org/portail", "base_url").is_ok());
        assert!(check_base_url(" https://example.org/ ", "base_url").is_ok());
        for bad in [
            "example.org/portail",
            "https://",
            "https:///x",
            "ftp://x.org",
            "https://a b",
        ] {
            assert!(check_base_url(bad, "--base-url").is_err(), "{bad}");
        }
        let config =
            parse("title = \"T\"\nbase_url = \" https://example.org/ \"\n").expect("valid");
        assert_eq!(config.base_url, "https://example.org");
    }

    #[test]
    fn localized_falls_back_on_default_language() {
        let l = Localized::PerLanguage(BTreeMap::from([("fr".into(), "Actus".into())]));
        assert_eq!(l.get("en", "fr"), Some("Actus"));
    }
}
