//! Sitemap and `robots.txt`, made in the output stage from the routes of
//! the [`Site`] once the pages are written.
//!
//! Every public page is listed (not the alias redirects, not the search
//! pages, whose content is the visitor's query, not `404.html`),
//! with its absolute URL, a `<lastmod>` when the page shows a dated
//! document, and `xhtml:link` `hreflang` alternates between the language
//! versions of the same page. Alternates come from grouping the pages by a
//! [`Key`] that is the same for every version, so they are reciprocal by
//! construction, as search engines require. Past [`MAX_URLS`] addresses the
//! sitemap becomes an index of `sitemap-1.xml`, `sitemap-2.xml`…

use std::collections::HashMap;

use super::{encode_path, escape_xml, GeneratedFile};
use crate::content::{EntryDate, Role};
use crate::site::{Owner, Site};
use crate::urls;

/// The most addresses one sitemap file may hold (sitemaps.org).
pub const MAX_URLS: usize = 50_000;
/// The sitemap (or sitemap index) at the output root.
pub const SITEMAP_FILE: &str = "sitemap.xml";

const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// `sitemap.xml` (split past [`MAX_URLS`]) and `robots.txt`.
pub fn render(site: &Site) -> Vec<GeneratedFile> {
    let mut files = sitemaps(site, MAX_URLS);
    files.push(robots(site));
    files
}

/// The sitemap files, with at most `limit` addresses each: one
/// `sitemap.xml`, or an index `sitemap.xml` and its `sitemap-N.xml` parts.
pub fn sitemaps(site: &Site, limit: usize) -> Vec<GeneratedFile> {
    let urls = public_urls(site);
    if urls.len() <= limit {
        return vec![GeneratedFile::text(SITEMAP_FILE, urlset(&urls))];
    }
    let parts: Vec<GeneratedFile> = urls
        .chunks(limit.max(1))
        .enumerate()
        .map(|(i, chunk)| GeneratedFile::text(format!("sitemap-{}.xml", i + 1), urlset(chunk)))
        .collect();
    let index = sitemap_index(&site.config.base_url, parts.len());
    let mut files = vec![GeneratedFile::text(SITEMAP_FILE, index)];
    files.extend(parts);
    files
}

/// `robots.txt`: every crawler welcome, and where the sitemap is.
pub fn robots(site: &Site) -> GeneratedFile {
    let sitemap = urls::absolute(&site.config.base_url, SITEMAP_FILE);
    GeneratedFile::text(
        "robots.txt",
        format!("User-agent: *\nDisallow:\n\nSitemap: {sitemap}\n"),
    )
}

/// One address of the sitemap.
#[derive(Debug, PartialEq, Eq)]
struct SitemapUrl {
    loc: String,
    lastmod: Option<String>,
    /// (hreflang, absolute URL), the page itself included; empty when the
    /// page has no other language version.
    alternates: Vec<(String, String)>,
}

/// What the language versions of one page have in common.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key<'s> {
    /// Home pages, written or generated.
    Home,
    /// A translation group of documents.
    Group(usize),
    /// Page N of a collection's list.
    List(&'s str, usize),
    /// A taxonomy's index.
    Index(&'s str),
    /// Page N of a term, matched across languages by its slug.
    Term(&'s str, &'s str, usize),
}

/// The key and language of a public page; `None` for aliases, search and 404.
fn key<'s>(site: &'s Site, owner: &'s Owner) -> Option<(Key<'s>, &'s str)> {
    Some(match owner {
        Owner::Document(id) => {
            let doc = &site.documents[*id];
            let key = match doc.source.role {
                Role::Home => Key::Home,
                _ => Key::Group(site.group_of[*id]),
            };
            (key, doc.source.lang.as_str())
        }
        Owner::Home { lang } => (Key::Home, lang.as_str()),
        Owner::List {
            collection,
            lang,
            page,
        } => (Key::List(collection.as_str(), *page), lang.as_str()),
        Owner::TaxonomyIndex { taxonomy, lang } => (Key::Index(taxonomy.as_str()), lang.as_str()),
        Owner::Term {
            taxonomy,
            lang,
            term,
            page,
        } => {
            let slug = site
                .taxonomies
                .get(taxonomy)
                .and_then(|t| t.per_lang.get(lang))
                .and_then(|terms| terms.get(*term))
                .map_or("", |t| t.slug.as_str());
            (Key::Term(taxonomy.as_str(), slug, *page), lang.as_str())
        }
        // Search pages show nothing of their own to index.
        Owner::Alias { .. } | Owner::ListCards { .. } | Owner::Search { .. } | Owner::NotFound => {
            return None
        }
    })
}

/// Every public page in route order, with its alternates.
fn public_urls(site: &Site) -> Vec<SitemapUrl> {
    let base = &site.config.base_url;
    let pages: Vec<(&str, &Owner, Key<'_>, &str)> = site
        .routes
        .pages
        .iter()
        .filter_map(|(path, owner)| {
            key(site, owner).map(|(key, lang)| (path.as_str(), owner, key, lang))
        })
        .collect();
    let mut versions: HashMap<Key<'_>, Vec<(&str, &str)>> = HashMap::new();
    for &(path, _, key, lang) in &pages {
        versions.entry(key).or_default().push((lang, path));
    }
    let order = |lang: &str| site.config.language_codes().position(|l| l == lang);
    for list in versions.values_mut() {
        list.sort_by_key(|(lang, _)| order(lang));
    }
    pages
        .iter()
        .map(|&(path, owner, key, _)| {
            let group = versions.get(&key).map_or(&[][..], Vec::as_slice);
            SitemapUrl {
                loc: urls::absolute(base, &encode_path(path)),
                lastmod: lastmod(site, owner),
                alternates: alternates(site, group),
            }
        })
        .collect()
}

/// hreflang links between the versions of a page, plus `x-default` for the
/// default language's version.
fn alternates(site: &Site, group: &[(&str, &str)]) -> Vec<(String, String)> {
    if group.len() < 2 {
        return Vec::new();
    }
    let base = &site.config.base_url;
    let mut out: Vec<(String, String)> = group
        .iter()
        .map(|(lang, path)| (lang.to_string(), urls::absolute(base, &encode_path(path))))
        .collect();
    let default = &site.config.default_language;
    if let Some((_, url)) = out.iter().find(|(lang, _)| lang == default) {
        let url = url.clone();
        out.push(("x-default".into(), url));
    }
    out
}

/// The page's `updated` or `date`, as a W3C date, for document pages.
fn lastmod(site: &Site, owner: &Owner) -> Option<String> {
    let Owner::Document(id) = owner else {
        return None;
    };
    let doc = &site.documents[*id];
    let newest = match (doc.updated, doc.date) {
        (Some(u), Some(d)) => Some(if u.timestamp() >= d.timestamp() { u } else { d }),
        (u, d) => u.or(d),
    };
    newest.map(|d| w3c_date(&d))
}

/// `2024-05-01`, or the full date-time with its offset when one was written.
fn w3c_date(date: &EntryDate) -> String {
    match date.time {
        Some(_) => date.rfc3339(),
        None => date.ymd(),
    }
}

fn urlset(urls: &[SitemapUrl]) -> String {
    let e = escape_xml;
    let mut x = String::with_capacity(200 + urls.len() * 300);
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str(&format!(
        "<urlset xmlns=\"{SITEMAP_NS}\" xmlns:xhtml=\"{XHTML_NS}\">\n"
    ));
    for url in urls {
        x.push_str("  <url>\n");
        x.push_str(&format!("    <loc>{}</loc>\n", e(&url.loc)));
        if let Some(lastmod) = &url.lastmod {
            x.push_str(&format!("    <lastmod>{}</lastmod>\n", e(lastmod)));
        }
        for (lang, href) in &url.alternates {
            x.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                e(lang),
                e(href)
            ));
        }
        x.push_str("  </url>\n");
    }
    x.push_str("</urlset>\n");
    x
}

fn sitemap_index(base_url: &str, parts: usize) -> String {
    let mut x = String::with_capacity(200 + parts * 100);
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str(&format!("<sitemapindex xmlns=\"{SITEMAP_NS}\">\n"));
    for n in 1..=parts {
        let loc = urls::absolute(base_url, &format!("sitemap-{n}.xml"));
        x.push_str(&format!(
            "  <sitemap>\n    <loc>{}</loc>\n  </sitemap>\n",
            escape_xml(&loc)
        ));
    }
    x.push_str("</sitemapindex>\n");
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(loc: &str, alternates: &[(&str, &str)]) -> SitemapUrl {
        SitemapUrl {
            loc: loc.into(),
            lastmod: Some("2024-05-01".into()),
            alternates: alternates
                .iter()
                .map(|(l, u)| (l.to_string(), u.to_string()))
                .collect(),
        }
    }

    #[test]
    fn urlset_is_namespaced_xml() {
        let text = urlset(&[url(
            "https://e.org/a?b&c",
            &[("fr", "https://e.org/a/"), ("en", "https://e.org/en/a/")],
        )]);
        let doc = roxmltree::Document::parse(&text).expect("well-formed");
        let root = doc.root_element();
        assert_eq!(root.tag_name().namespace(), Some(SITEMAP_NS));
        let loc = root
            .descendants()
            .find(|n| n.has_tag_name((SITEMAP_NS, "loc")))
            .and_then(|n| n.text());
        assert_eq!(loc, Some("https://e.org/a?b&c"));
        let links = root
            .descendants()
            .filter(|n| n.has_tag_name((XHTML_NS, "link")))
            .count();
        assert_eq!(links, 2);
    }

    #[test]
    fn index_names_each_part() {
        let text = sitemap_index("https://e.org/portail", 2);
        let doc = roxmltree::Document::parse(&text).expect("well-formed");
        let locs: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name((SITEMAP_NS, "loc")))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(
            locs,
            [
                "https://e.org/portail/sitemap-1.xml",
                "https://e.org/portail/sitemap-2.xml"
            ]
        );
    }

    #[test]
    fn dates_are_w3c() {
        let day = EntryDate::parse("2024-05-01").expect("date");
        assert_eq!(w3c_date(&day), "2024-05-01");
        let time = EntryDate::parse("2024-05-01T10:30:00+02:00").expect("date");
        assert_eq!(w3c_date(&time), "2024-05-01T10:30:00+02:00");
    }
}
