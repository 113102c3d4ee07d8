//! The typed objects templates receive (documented for theme authors in
//! `docs/templates.md`).
//!
//! Every `href` is already relative to the page being rendered, so a theme
//! never builds a URL by hand and the output works under any sub-path.

use serde::Serialize;
use serde_json::Value;

/// `site`: what every page shows about the site as a whole.
#[derive(Debug, Serialize)]
pub struct SiteContext<'a> {
    /// The site's name in this language.
    pub title: &'a str,
    /// Its description in this language.
    pub description: Option<&'a str>,
    /// Absolute URL of the published site.
    pub base_url: &'a str,
    /// This page's language.
    pub lang: &'a str,
    /// The default language.
    pub default_language: &'a str,
    /// Language switcher entries.
    pub languages: Vec<LanguageLink<'a>>,
    /// One item per collection.
    pub nav: Vec<NavItem<'a>>,
    /// One item per taxonomy.
    pub taxonomies: Vec<Link>,
    /// Stand-alone pages in this language, by weight then title.
    pub pages: Vec<Link>,
    /// This language's home page.
    pub home_href: String,
    /// The search page, once there is one.
    pub search_href: Option<String>,
    /// News feeds of this language (Atom, then JSON Feed).
    pub feeds: Vec<FeedLink>,
    /// `extra` from site.toml.
    pub extra: &'a toml::Table,
}

/// A feed, for `<link rel="alternate">` in the page head.
#[derive(Debug, Serialize)]
pub struct FeedLink {
    /// Its language.
    pub lang: String,
    /// Media type: `application/atom+xml` or `application/feed+json`.
    #[serde(rename = "type")]
    pub media_type: &'static str,
    /// Its title.
    pub title: String,
    /// Relative link.
    pub href: String,
}

/// A language in the switcher.
#[derive(Debug, Serialize)]
pub struct LanguageLink<'a> {
    /// Language code.
    pub code: &'a str,
    /// The site's name in that language.
    pub title: &'a str,
    /// This page's translation, or that language's home.
    pub href: String,
    /// Whether `href` is this page's translation (not that language's home).
    pub translated: bool,
    /// Whether it is the current page's language.
    pub current: bool,
}

/// A navigation item.
#[derive(Debug, Serialize)]
pub struct NavItem<'a> {
    /// Collection key.
    pub key: &'a str,
    /// Its title in this language.
    pub title: &'a str,
    /// Its list page.
    pub href: String,
    /// Whether the current page belongs to it.
    pub current: bool,
}

/// A titled link to a collection, taxonomy or page.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Key (collection or taxonomy), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Title in this language.
    pub title: String,
    /// Relative link.
    pub href: String,
}

/// A term link with its use count.
#[derive(Debug, Serialize)]
pub struct TermLink {
    /// The term as written.
    pub name: String,
    /// Its page.
    pub href: String,
    /// How many entries use it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
}

/// A language version of the page, for `hreflang`.
#[derive(Debug, Serialize)]
pub struct Alternate<'a> {
    /// Language code.
    pub lang: &'a str,
    /// Absolute URL.
    pub url: String,
}

/// Another language's version of the page.
#[derive(Debug, Serialize)]
pub struct Translation<'a> {
    /// Language code.
    pub lang: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Relative link.
    pub href: String,
}

/// An image with its text alternative.
#[derive(Debug, Serialize)]
pub struct Image<'a> {
    /// Relative link to the file.
    pub href: String,
    /// Absolute URL (for OpenGraph).
    pub url: String,
    /// Its alternative text.
    pub alt: &'a str,
}

/// An entry as shown in lists and relation views.
#[derive(Debug, Serialize)]
pub struct Card<'a> {
    /// Title.
    pub title: &'a str,
    /// Link to the entry, the same on every page (it also names the card).
    pub href: String,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// HTML summary.
    pub summary: &'a str,
    /// Collection key.
    pub collection: Option<&'a str>,
    /// The collection's title in the page's language.
    pub collection_title: Option<&'a str>,
    /// Its image.
    pub image: Option<Image<'a>>,
    /// Declared fields as plain values (refs as written).
    pub fields: serde_json::Map<String, Value>,
    /// Tags as written.
    pub tags: &'a [String],
    /// The entry's language, when it differs from the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<&'a str>,
}

/// A group of entries that refer to the current one.
#[derive(Debug, Serialize)]
pub struct BackRefGroup<'a> {
    /// The referring entries' collection.
    pub collection: Link,
    /// The field that refers.
    pub field: &'a str,
    /// The referring entries ([`CardValue`]s: set by
    /// [`PageContext::to_value`]).
    #[serde(skip)]
    pub entries: Vec<CardValue<'a>>,
}

/// A collection's newest entries on the home page.
#[derive(Debug, Serialize)]
pub struct Section<'a> {
    /// The collection.
    pub collection: Link,
    /// Its first entries ([`CardValue`]s: set by
    /// [`PageContext::to_value`]).
    #[serde(skip)]
    pub entries: Vec<CardValue<'a>>,
}

/// Links between the pages of a paginated list.
#[derive(Debug, Serialize)]
pub struct Pagination {
    /// 1-based current page.
    pub current: usize,
    /// Number of pages.
    pub total: usize,
    /// Previous page.
    pub prev: Option<String>,
    /// Next page.
    pub next: Option<String>,
    /// Every page.
    pub pages: Vec<PageNumber>,
}

/// One page number in a pagination.
#[derive(Debug, Serialize)]
pub struct PageNumber {
    /// 1-based.
    pub number: usize,
    /// Link.
    pub href: String,
    /// Whether it is the current page.
    pub current: bool,
}

/// A heading of the page's content.
#[derive(Debug, Serialize)]
pub struct HeadingContext<'a> {
    /// 1–6.
    pub level: u8,
    /// Its `id`.
    pub id: &'a str,
    /// Its text.
    pub text: &'a str,
}

/// `page`: what this page shows. Fields that do not apply to its kind are
/// left out.
#[derive(Debug, Default, Serialize)]
pub struct PageContext<'a> {
    /// `home`, `entry`, `page`, `list`, `taxonomy`, `term` or `404`.
    pub kind: &'static str,
    /// Title.
    pub title: String,
    /// Plain-text description for meta tags.
    pub description: String,
    /// Site path.
    pub path: String,
    /// Absolute URL (none for 404).
    pub canonical: Option<String>,
    /// Language.
    pub lang: &'a str,
    /// Every language version, this one included.
    pub alternates: Vec<Alternate<'a>>,
    /// Other language versions.
    pub translations: Vec<Translation<'a>>,
    /// Ancestors.
    pub breadcrumbs: Vec<Link>,
    /// JSON-LD, ready for a `<script>` element.
    pub jsonld: Option<String>,
    /// Stylesheets to link, hashed and relative.
    pub stylesheets: Vec<String>,
    /// Rendered body.
    pub content: Option<&'a str>,
    /// Rendered summary.
    pub summary: Option<&'a str>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `YYYY-MM-DD`.
    pub updated: Option<String>,
    /// A draft, shown only by `serve` or `build --drafts`.
    pub draft: bool,
    /// Not published yet (`publish_after` is to come), shown only by `serve`.
    pub scheduled: bool,
    /// `publish_after` as `YYYY-MM-DD`.
    pub publish_after: Option<String>,
    /// Tags with their pages.
    pub tags: Vec<TermLink>,
    /// Image.
    pub image: Option<Image<'a>>,
    /// The collection (entries and lists).
    pub collection: Option<Link>,
    /// Declared fields ready to show.
    pub fields: serde_json::Map<String, Value>,
    /// The type of each declared field of the collection (`string`,
    /// `markdown`, `ref`…).
    pub field_types: serde_json::Map<String, Value>,
    /// Entries: taxonomy key → its terms on this entry (a map); taxonomy
    /// index pages: all terms with their counts (a list).
    #[serde(skip_serializing_if = "Value::is_null")]
    pub terms: Value,
    /// Entries that refer to this one.
    pub backrefs: Vec<BackRefGroup<'a>>,
    /// Headings of the content.
    pub headings: Vec<HeadingContext<'a>>,
    /// `extra` of the entry.
    #[serde(skip_serializing_if = "Value::is_null")]
    pub extra: Value,
    /// A list's intro.
    pub intro: Option<String>,
    /// A list's entries ([`CardValue`]s: set by [`PageContext::to_value`]).
    #[serde(skip)]
    pub entries: Vec<CardValue<'a>>,
    /// A list's pagination.
    pub pagination: Option<Pagination>,
    /// How many entries the whole list has (lists).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    /// The fields the list can be filtered by, with their values (lists of
    /// collections with `filters`; else empty).
    pub filters: Vec<super::filters::Filter>,
    /// Every card of the list with its filter values (`cards.js`), for a
    /// filter in the browser.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cards_href: Option<String>,
    /// The taxonomy (index and term pages).
    pub taxonomy: Option<Link>,
    /// The term (term pages).
    pub term: Option<TermLink>,
    /// The home page's sections.
    pub sections: Vec<Section<'a>>,
}

/// What highlighted code looks like in rendered HTML: fenced code blocks of
/// a known language become spans of `hl-` classes.
const HIGHLIGHTED: &str = "class=\"hl-";

impl PageContext<'_> {
    /// Whether anything the page shows holds highlighted code (its text,
    /// summary, intro, Markdown fields, or the summary of a card it lists),
    /// so that it needs the code-highlighting stylesheet.
    pub fn shows_code(&self) -> bool {
        let html = |text: &str| text.contains(HIGHLIGHTED);
        let cards = self
            .entries
            .iter()
            .chain(self.backrefs.iter().flat_map(|g| &g.entries))
            .chain(self.sections.iter().flat_map(|s| &s.entries));
        self.content.is_some_and(html)
            || self.summary.is_some_and(html)
            || self.intro.as_deref().is_some_and(html)
            || self.fields.values().any(holds_code)
            || cards.into_iter().any(|card| {
                card.get("summary")
                    .and_then(Value::as_str)
                    .is_some_and(html)
            })
    }

    /// The page as templates see it. Its cards, made once for every page
    /// that shows them, are copied in as they are: serializing them again
    /// for each list was most of the time spent on list pages' values.
    ///
    /// Serializing a page cannot fail (its maps all have string keys); if
    /// it did, the page would have no values and its template would say
    /// which one it misses.
    pub fn to_value(&self) -> Value {
        let mut value = serde_json::to_value(self).unwrap_or_default();
        if let Value::Object(page) = &mut value {
            page.insert("entries".into(), cards(&self.entries));
            let groups = self.backrefs.iter().map(|g| with_cards(g, &g.entries));
            page.insert("backrefs".into(), groups.collect());
            let sections = self.sections.iter().map(|s| with_cards(s, &s.entries));
            page.insert("sections".into(), sections.collect());
        }
        value
    }
}

/// A card as templates see it ([`Card`], serialized), made once per entry
/// and language: a card is the same on every page that shows it.
pub type CardValue<'a> = std::borrow::Cow<'a, Value>;

/// Cards as a list value.
fn cards(cards: &[CardValue<'_>]) -> Value {
    Value::Array(cards.iter().map(|card| card.as_ref().clone()).collect())
}

/// `group` serialized, with `entries` set to its cards.
fn with_cards(group: &impl Serialize, entries: &[CardValue<'_>]) -> Value {
    let mut value = serde_json::to_value(group).unwrap_or_default();
    if let Value::Object(map) = &mut value {
        map.insert("entries".into(), cards(entries));
    }
    value
}

/// Whether a field's value (a Markdown field is an HTML string) holds
/// highlighted code.
fn holds_code(value: &Value) -> bool {
    match value {
        Value::String(text) => text.contains(HIGHLIGHTED),
        Value::Array(items) => items.iter().any(holds_code),
        Value::Object(map) => map.values().any(holds_code),
        _ => false,
    }
}
