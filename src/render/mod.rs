//! Rendering: the fourth stage, one route of the [`Site`] into one HTML page.
//!
//! A [`Renderer`] is built once per build and shared by every rayon worker;
//! it holds read-only data, and contexts that pages hand on to the next.
//! Each page gets a context with what *that* page shows (never the whole
//! site), so per-page work does not grow with the size of the site.

pub mod context;
mod context_pool;
mod entry;
pub mod filters;
pub mod functions;
pub mod i18n;
mod jsonld;
pub mod links;
pub mod lists;
mod shared;
pub mod templates;

use std::collections::HashMap;

use crate::bodies::Bodies;
use crate::content::Document;
use crate::diagnostics::Diagnostic;
use crate::markdown;
use crate::site::feeds;
use crate::site::{EntryId, Owner, Site};
use crate::urls;
use context::{Alternate, FeedLink, LanguageLink, Link, NavItem, PageContext, SiteContext};
use context_pool::ContextPool;
use i18n::I18n;
use shared::SharedParts;
use templates::Templates;

/// `lang` and its interface words `t`, as every page of `lang` sees them.
fn language_context(i18n: &I18n, lang: &str) -> tera::Context {
    let mut context = tera::Context::new();
    context.insert("lang", lang);
    if let Some(words) = i18n.words(lang) {
        context.insert("t", words);
    }
    context
}

/// A rendered page and the problems found while rendering it.
#[derive(Debug)]
pub struct RenderedPage {
    /// The HTML, as bytes: it is written as it is, and Tera writes it from
    /// text only, so checking it is UTF-8 again would be a wasted pass over
    /// every page.
    pub html: Vec<u8>,
    /// Broken links and other problems (errors fail the build).
    pub problems: Vec<Diagnostic>,
}

/// Everything needed to render any page of a site.
pub struct Renderer<'a> {
    site: &'a Site,
    templates: &'a Templates,
    i18n: &'a I18n,
    stylesheets: Vec<String>,
    bodies: &'a Bodies,
    markdown: markdown::Options,
    /// Each language's feeds, for page heads.
    feeds: HashMap<String, Vec<feeds::FeedLink>>,
    /// Each language's shared parts, made once.
    shared: SharedParts,
    /// The filters of each filtered list, made once for all its pages.
    filter_cache: filters::FilterCache,
    /// Contexts reused from page to page: each language's `lang`, `t` and
    /// shared parts are put in a context once, not copied for every page
    /// (inserting the words serialized a hundred of them again for every
    /// page: a twelfth of a build's instructions).
    contexts: ContextPool,
    /// Cards made once for every page that shows them.
    card_values: entry::CardValues,
}

impl<'a> Renderer<'a> {
    /// Prepares rendering the pages of `site`, whose bodies are rendered.
    pub fn new(
        site: &'a Site,
        bodies: &'a Bodies,
        templates: &'a Templates,
        i18n: &'a I18n,
        stylesheets: Vec<String>,
    ) -> Self {
        Renderer {
            site,
            templates,
            i18n,
            stylesheets,
            bodies,
            markdown: markdown::Options {
                unsafe_html: site.config.unsafe_html,
            },
            feeds: site
                .config
                .language_codes()
                .map(|lang| (lang.to_string(), feeds::links(site, lang)))
                .collect(),
            shared: SharedParts::new(site.config.language_codes()),
            filter_cache: filters::FilterCache::new(site),
            card_values: entry::CardValues::new(site),
            contexts: ContextPool::new(
                site.config
                    .language_codes()
                    .map(|lang| (lang.to_string(), language_context(i18n, lang)))
                    .collect(),
            ),
        }
    }

    /// Renders the page at `path`.
    pub fn render(&self, path: &str, owner: &Owner) -> Result<RenderedPage, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let (template, mut page) = match owner {
            Owner::Document(id) => self.document_page(*id, path, &mut problems),
            Owner::Home { lang } => ("home.html".to_string(), self.generated_home(lang, path)),
            Owner::List {
                collection,
                lang,
                page,
            } => self.list_page(collection, lang, *page, path),
            Owner::TaxonomyIndex { taxonomy, lang } => (
                "taxonomy.html".into(),
                self.taxonomy_page(taxonomy, lang, path),
            ),
            Owner::Term {
                taxonomy,
                lang,
                term,
                page,
            } => (
                "term.html".into(),
                self.term_page(taxonomy, lang, *term, *page, path),
            ),
            Owner::Alias { target } => {
                return Ok(RenderedPage {
                    html: self.alias_page(*target, path).into_bytes(),
                    problems,
                });
            }
            Owner::ListCards { collection, lang } => {
                return match self.list_cards(collection, lang) {
                    Ok(html) => Ok(RenderedPage {
                        html: html.into_bytes(),
                        problems,
                    }),
                    Err(problem) => Err(vec![problem]),
                };
            }
            Owner::Search { lang } => ("search.html".into(), self.search_page(lang, path)),
            Owner::NotFound => ("404.html".into(), self.not_found_page(path)),
        };
        if problems.iter().any(Diagnostic::is_error) {
            return Err(problems);
        }
        // Most pages show no code: they do without the code-highlighting
        // stylesheet, which would only delay their first paint.
        if !page.shows_code() {
            page.stylesheets = self.stylesheets_from(path, false);
        }
        // The page's other language versions: for hreflang and the switcher.
        let versions = self.translation_paths(path);
        page.alternates = self.alternates(&versions);
        let fresh = || {
            let mut context = self.language_base(page.lang);
            context.insert("shared", &*self.shared_parts(page.lang)?);
            Ok(context)
        };
        let mut context = match self.contexts.lend(page.lang, fresh) {
            Ok(context) => context,
            Err(d) => {
                problems.push(d);
                return Err(problems);
            }
        };
        let (root, site) = self.page_values(path, page.lang, &versions);
        context.set("root", &root);
        context.set("site", &site);
        if let Err(e) = context.set_values([("page", page.to_value())]) {
            problems.push(self.templates.error(&self.site.root, &e));
            return Err(problems);
        }
        let rendered = self
            .templates
            .render(&self.site.root, &template, context.context());
        drop(context);
        match rendered {
            Ok(html) => Ok(RenderedPage {
                html: self.with_root(html, path),
                problems,
            }),
            Err(d) => {
                problems.push(d);
                Err(problems)
            }
        }
    }

    /// `lang`, `root`, `t` and `site`, shared by every kind of page.
    fn base_context(&self, path: &str, lang: &str, versions: &[(String, String)]) -> tera::Context {
        let mut context = self.language_base(lang);
        let (root, site) = self.page_values(path, lang, versions);
        context.insert("root", &root);
        context.insert("site", &site);
        context
    }

    /// A new context with `lang` and `t` of `lang` only.
    fn language_base(&self, lang: &str) -> tera::Context {
        self.contexts
            .base(lang)
            .unwrap_or_else(|| language_context(self.i18n, lang))
    }

    /// `root` and `site` for the page at `path`.
    fn page_values(
        &self,
        path: &str,
        lang: &'a str,
        versions: &[(String, String)],
    ) -> (String, SiteContext<'_>) {
        let config = &self.site.config;
        let language = config.languages.get(lang);
        let site = SiteContext {
            title: config.site_title(lang),
            description: language
                .and_then(|l| l.description.as_deref())
                .or(config.description.as_deref()),
            base_url: &config.base_url,
            lang,
            default_language: &config.default_language,
            languages: self.language_links(path, lang, versions),
            nav: self.nav(path, lang),
            taxonomies: self.taxonomy_links(path, lang),
            pages: self.page_links(path, lang),
            home_href: self.href(path, &self.site.lang_prefix(lang)),
            search_href: Some(self.href(path, &crate::site::routes::search_path(config, lang))),
            feeds: self.feed_links(path, lang),
            extra: &config.extra,
        };
        let root = match path {
            NOT_FOUND => self.base_path(),
            shared::NO_PAGE => ROOT_MARK.to_string(),
            _ => root_of(path),
        };
        (root, site)
    }

    /// A link to the site path `to` that is the same on every page: the
    /// site root is written as [`ROOT_MARK`], which [`Renderer::with_root`]
    /// replaces by each page's own way to the root. Parts shown on many
    /// pages (cards) are then made once.
    fn root_link(&self, to: &str) -> String {
        let mut link = format!("{ROOT_MARK}{to}");
        if self.site.config.links == crate::config::LinkStyle::Files && link.ends_with('/') {
            link.push_str("index.html");
        }
        link
    }

    /// The page's HTML with every [`ROOT_MARK`] written as the page's way
    /// to the site root.
    fn with_root(&self, html: Vec<u8>, path: &str) -> Vec<u8> {
        // A page is tens of kilobytes with a hundred marks or so: one pass of
        // a vectorized search, where `str::replace` scanned it twice with a
        // slower searcher (a tenth of a build's instructions).
        let mut marks = memchr::memmem::find_iter(&html, ROOT_MARK.as_bytes()).peekable();
        if marks.peek().is_none() {
            return html;
        }
        let root = match path {
            NOT_FOUND => self.base_path(),
            _ => match root_of(path) {
                up if up.is_empty() => "./".to_string(),
                up => up,
            },
        };
        let mut out = Vec::with_capacity(html.len() + 8 * root.len());
        let mut last = 0;
        for at in marks {
            out.extend_from_slice(&html[last..at]);
            out.extend_from_slice(root.as_bytes());
            last = at + ROOT_MARK.len();
        }
        out.extend_from_slice(&html[last..]);
        out
    }

    /// A relative link from the page at `from` to the site path `to` (for
    /// shared parts, [`shared::NO_PAGE`], a link from the site root).
    fn href(&self, from: &str, to: &str) -> String {
        if from == shared::NO_PAGE {
            return self.root_link(to);
        }
        if from == NOT_FOUND {
            // Hosts serve this page at any missing address, at any depth:
            // only links from the site's base path work there.
            let mut link = format!("{}{to}", self.base_path());
            if self.site.config.links == crate::config::LinkStyle::Files && link.ends_with('/') {
                link.push_str("index.html");
            }
            return link;
        }
        urls::relative(from, to, self.site.config.links)
    }

    /// This language's feeds, linked from the page at `path`.
    fn feed_links(&self, path: &str, lang: &str) -> Vec<FeedLink> {
        self.feeds
            .get(lang)
            .into_iter()
            .flatten()
            .map(|feed| FeedLink {
                lang: lang.to_string(),
                media_type: feed.media_type,
                title: feed.title.clone(),
                href: self.href(path, &feed.path),
            })
            .collect()
    }

    /// The path part of `base_url`, with slashes around: `/` or `/portail/`.
    fn base_path(&self) -> String {
        let url = &self.site.config.base_url;
        let after_scheme = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
        let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
        format!("{}/", path.trim_end_matches('/'))
    }

    fn language_links(
        &self,
        path: &str,
        lang: &str,
        versions: &[(String, String)],
    ) -> Vec<LanguageLink<'_>> {
        self.site
            .config
            .language_codes()
            .map(|code| {
                let version = versions.iter().find(|(l, _)| l == code);
                let target =
                    version.map_or_else(|| self.site.lang_prefix(code), |(_, p)| p.clone());
                LanguageLink {
                    code,
                    title: self.site.config.site_title(code),
                    href: self.href(path, &target),
                    translated: version.is_some(),
                    current: code == lang,
                }
            })
            .collect()
    }

    /// The language versions of the page at `path`: (language, site path).
    fn translation_paths(&self, path: &str) -> Vec<(String, String)> {
        let Some(owner) = self
            .site
            .routes
            .index
            .get(path)
            .map(|&i| &self.site.routes.pages[i].1)
        else {
            return Vec::new();
        };
        let site = self.site;
        match owner {
            Owner::Document(id) => site.groups[site.group_of[*id]]
                .iter()
                .map(|&v| (site.documents[v].source.lang.clone(), site.paths[v].clone()))
                .collect(),
            Owner::List {
                collection, page, ..
            } => site
                .config
                .language_codes()
                .map(|l| {
                    let same_page = lists::collection_path(site, collection, l, *page);
                    let target = if site.routes.index.contains_key(&same_page) {
                        same_page
                    } else {
                        lists::collection_path(site, collection, l, 1)
                    };
                    (l.to_string(), target)
                })
                .collect(),
            Owner::Search { .. } => site
                .config
                .language_codes()
                .map(|l| {
                    (
                        l.to_string(),
                        crate::site::routes::search_path(&site.config, l),
                    )
                })
                .collect(),
            Owner::TaxonomyIndex { taxonomy, .. } => site
                .config
                .language_codes()
                .map(|l| (l.to_string(), lists::taxonomy_index_path(site, taxonomy, l)))
                .collect(),
            _ => Vec::new(),
        }
    }

    fn alternates(&self, versions: &[(String, String)]) -> Vec<Alternate<'a>> {
        let base = &self.site.config.base_url;
        let mut out: Vec<Alternate<'a>> = versions
            .iter()
            .filter_map(|(lang, p)| {
                let code = self.site.config.language_codes().find(|c| c == lang)?;
                Some(Alternate {
                    lang: code,
                    url: urls::absolute(base, p),
                })
            })
            .collect();
        out.sort_by_key(|a| self.site.config.language_codes().position(|c| c == a.lang));
        out
    }

    fn nav(&self, path: &str, lang: &str) -> Vec<NavItem<'_>> {
        let config = &self.site.config;
        config
            .collections
            .iter()
            .map(|(key, _)| {
                let list = lists::collection_path(self.site, key, lang, 1);
                NavItem {
                    key,
                    title: config.collection_title(key, lang),
                    current: path.starts_with(&list),
                    href: self.href(path, &list),
                }
            })
            .collect()
    }

    fn page_links(&self, from: &str, lang: &str) -> Vec<Link> {
        self.site
            .pages
            .iter()
            .filter(|&&id| self.site.documents[id].source.lang == lang)
            .map(|&id| Link {
                key: Some(self.site.documents[id].slug.clone()),
                title: self.site.documents[id].title.clone(),
                href: self.href(from, &self.site.paths[id]),
            })
            .collect()
    }

    fn taxonomy_links(&self, path: &str, lang: &str) -> Vec<Link> {
        self.site
            .config
            .taxonomies
            .keys()
            .map(|key| self.taxonomy_link(key, lang, path))
            .collect()
    }

    fn taxonomy_link(&self, key: &str, lang: &str, from: &str) -> Link {
        Link {
            key: Some(key.to_string()),
            title: self.site.config.taxonomy_title(key, lang).to_string(),
            href: self.href(from, &lists::taxonomy_index_path(self.site, key, lang)),
        }
    }

    fn collection_link(&self, key: &str, lang: &str, from: &str) -> Link {
        Link {
            key: Some(key.to_string()),
            title: self.site.config.collection_title(key, lang).to_string(),
            href: self.href(from, &lists::collection_path(self.site, key, lang, 1)),
        }
    }

    fn home_crumb(&self, lang: &str, from: &str) -> Link {
        let title = self
            .i18n
            .words(lang)
            .and_then(|w| w.get("home"))
            .cloned()
            .unwrap_or_else(|| self.site.config.title.clone());
        Link {
            key: None,
            title,
            href: self.href(from, &self.site.lang_prefix(lang)),
        }
    }

    /// The common part of every page context.
    fn page_base(
        &self,
        kind: &'static str,
        lang: &'a str,
        path: &str,
        title: String,
    ) -> PageContext<'_> {
        PageContext {
            kind,
            title,
            path: path.to_string(),
            canonical: Some(urls::absolute(&self.site.config.base_url, path)),
            lang,
            stylesheets: self.stylesheets_from(path, true),
            ..PageContext::default()
        }
    }

    /// The stylesheets, linked from the page at `path`; the code-highlighting
    /// one only `with_code`.
    fn stylesheets_from(&self, path: &str, with_code: bool) -> Vec<String> {
        self.stylesheets
            .iter()
            .filter(|s| with_code || !crate::output::assets::is_syntax_stylesheet(s))
            .map(|s| self.href(path, s))
            .collect()
    }

    fn lang_of(&self, lang: &str) -> &'a str {
        self.site
            .config
            .language_codes()
            .find(|c| *c == lang)
            .unwrap_or("")
    }

    fn document(&self, id: EntryId) -> &'a Document {
        &self.site.documents[id]
    }

    fn alias_page(&self, target: EntryId, path: &str) -> String {
        let to = self.href(path, &self.site.paths[target]);
        let canonical = urls::absolute(&self.site.config.base_url, &self.site.paths[target]);
        let lang = &self.document(target).source.lang;
        let escape = templates::escape_html;
        format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<link rel=\"canonical\" href=\"{canonical}\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={to}\">\n</head>\n<body>\n<p><a href=\"{to}\">{title}</a></p>\n</body>\n</html>\n",
            lang = escape(lang),
            title = escape(&self.document(target).title),
            canonical = escape(&canonical),
            to = escape(&to),
        )
    }

    fn search_page(&self, lang: &str, path: &str) -> PageContext<'_> {
        let lang = self.lang_of(lang);
        let words = self.i18n.words(lang);
        let title = words
            .and_then(|w| w.get("search_title"))
            .cloned()
            .unwrap_or_else(|| "Search".into());
        let mut page = self.page_base("search", lang, path, title);
        page.breadcrumbs = vec![self.home_crumb(lang, path)];
        page
    }

    fn not_found_page(&self, path: &str) -> PageContext<'_> {
        let lang = self.lang_of(&self.site.config.default_language);
        let title = self
            .i18n
            .words(lang)
            .and_then(|w| w.get("not_found"))
            .cloned()
            .unwrap_or_else(|| "404".into());
        let mut page = self.page_base("404", lang, path, title);
        page.canonical = None;
        page
    }
}

/// The site path of the page hosts show for missing addresses.
const NOT_FOUND: &str = "404.html";

/// Stands for the site root in links made once for many pages (a
/// private-use character, which no text of the site has: content never
/// carries it, since it is taken out of the Markdown and fields shown).
pub const ROOT_MARK: &str = "\u{e000}";

/// The relative prefix from a page to the site root.
fn root_of(path: &str) -> String {
    let dir = path.rfind('/').map_or("", |i| &path[..=i]);
    "../".repeat(dir.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_prefix_counts_folders() {
        assert_eq!(root_of(""), "");
        assert_eq!(root_of("news/"), "../");
        assert_eq!(root_of("en/news/x/"), "../../../");
        assert_eq!(root_of("404.html"), "");
    }
}
