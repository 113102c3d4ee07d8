//! Pages that list entries: collection lists, taxonomy indexes, term pages,
//! each paginated so no page grows with the size of the site.

use super::context::{PageContext, PageNumber, Pagination, TermLink};

use super::Renderer;
use crate::bodies::rebase_links;
use crate::site::routes;
use crate::site::{EntryId, Site};
use crate::slug::slugify;
use serde_json::Value;

/// The site path of page `page` of a collection's list.
pub(super) fn collection_path(site: &Site, collection: &str, lang: &str, page: usize) -> String {
    routes::list_page(&site.config, collection, lang, page)
}

/// The site path of a taxonomy's index.
pub(super) fn taxonomy_index_path(site: &Site, taxonomy: &str, lang: &str) -> String {
    routes::taxonomy_index(&site.config, taxonomy, lang)
}

/// The site path of a term's first page.
pub(super) fn term_path(site: &Site, taxonomy: &str, lang: &str, term: &str) -> String {
    term_page_path(site, taxonomy, lang, &slugify(term), 1)
}

fn term_page_path(site: &Site, taxonomy: &str, lang: &str, slug: &str, page: usize) -> String {
    routes::term_page(&site.config, taxonomy, lang, slug, page)
}

/// How many entries of each collection the home page shows.
pub const HOME_SECTION_SIZE: usize = 6;

/// The entries of `all` shown on page `number` (1-based) when lists show
/// `per_page` entries a page (0: all on one page).
pub fn page_slice<T>(all: &[T], per_page: usize, number: usize) -> &[T] {
    if per_page == 0 || all.len() <= per_page {
        return all;
    }
    let start = number
        .saturating_sub(1)
        .saturating_mul(per_page)
        .min(all.len());
    &all[start..(start + per_page).min(all.len())]
}

/// The page numbers worth linking from page `current`: the first, the
/// last and two on each side, so long lists do not make long pages.
fn page_window(current: usize, total: usize) -> impl Iterator<Item = usize> {
    (1..=total).filter(move |&n| n == 1 || n == total || n.abs_diff(current) <= 2)
}

impl<'a> Renderer<'a> {
    /// One page of a collection's list.
    pub(super) fn list_page(
        &self,
        collection: &str,
        lang: &str,
        number: usize,
        path: &str,
    ) -> (String, PageContext<'_>) {
        let site = self.site;
        let lang = self.lang_of(lang);
        let link = self.collection_link(collection, lang, path);
        let mut page = self.page_base("list", lang, path, link.title.clone());
        let intro = site
            .intros
            .get(&(collection.to_string(), lang.to_string()))
            .copied();
        if let Some(id) = intro {
            let doc = self.document(id);
            if !doc.title.is_empty() {
                page.title = doc.title.clone();
            }
            let body = self.bodies.get(id);
            page.description = body.summary_text.clone();
            let first_page = site.page_of(id);
            page.intro = Some(if first_page == path {
                body.html.clone()
            } else {
                let style = site.config.links;
                rebase_links(&body.html, &first_page, |to| {
                    crate::urls::relative(path, to, style)
                })
            });
        }
        let paginate = site
            .config
            .collections
            .get(collection)
            .map_or(0, |c| c.paginate);
        let all = site.shown_list(collection, lang);
        let (entries, pagination) = self.paginate(all, paginate, number, path, |n| {
            collection_path(site, collection, lang, n)
        });
        page.entries = entries
            .iter()
            .map(|&id| self.card_value(id, lang))
            .collect();
        page.pagination = pagination;
        page.breadcrumbs = vec![self.home_crumb(lang, path)];
        page.collection = Some(link);
        page.terms = self.list_terms(collection, lang, path);
        page.count = Some(all.len());
        page.filters = self.filters(collection, lang, path);
        if !page.filters.is_empty() {
            let cards = routes::cards_path(&site.config, collection, lang);
            page.cards_href = Some(self.href(path, &cards));
        }
        let own = format!("{collection}-list.html");
        let template = if self.templates.has(&own) {
            own
        } else {
            "list.html".into()
        };
        (template, page)
    }

    /// The terms this collection's entries use in `lang`, per taxonomy, with
    /// how many of its entries use each: the no-JavaScript filter of a list.
    fn list_terms(&self, collection: &str, lang: &str, path: &str) -> Value {
        let site = self.site;
        let mut out = serde_json::Map::new();
        let used = self
            .site
            .term_counts
            .get(&(collection.to_string(), lang.to_string()));
        for (taxonomy, term, count) in used.into_iter().flatten() {
            let Some(t) = site
                .taxonomies
                .get(taxonomy)
                .and_then(|t| t.per_lang.get(lang))
                .and_then(|t| t.get(*term))
            else {
                continue;
            };
            let link = TermLink {
                name: t.name.clone(),
                href: self.href(path, &term_page_path(site, taxonomy, lang, &t.slug, 1)),
                count: Some(*count),
            };
            let list = out
                .entry(taxonomy.clone())
                .or_insert_with(|| Value::Array(Vec::new()));
            if let (Value::Array(items), Ok(value)) = (list, serde_json::to_value(link)) {
                items.push(value);
            }
        }
        Value::Object(out)
    }

    /// A taxonomy's index of terms.
    pub(super) fn taxonomy_page(&self, taxonomy: &str, lang: &str, path: &str) -> PageContext<'_> {
        let lang = self.lang_of(lang);
        let link = self.taxonomy_link(taxonomy, lang, path);
        let mut page = self.page_base("taxonomy", lang, path, link.title.clone());
        let terms = self
            .site
            .taxonomies
            .get(taxonomy)
            .and_then(|t| t.per_lang.get(lang));
        let links: Vec<TermLink> = terms
            .into_iter()
            .flatten()
            .map(|term| TermLink {
                name: term.name.clone(),
                href: self.href(
                    path,
                    &term_page_path(self.site, taxonomy, lang, &term.slug, 1),
                ),
                count: Some(term.entries.len()),
            })
            .collect();
        page.terms = serde_json::to_value(links).unwrap_or_default();
        page.breadcrumbs = vec![self.home_crumb(lang, path)];
        page.taxonomy = Some(link);
        page
    }

    /// One page of a term's entries.
    pub(super) fn term_page(
        &self,
        taxonomy: &str,
        lang: &str,
        term: usize,
        number: usize,
        path: &str,
    ) -> PageContext<'_> {
        let site = self.site;
        let lang = self.lang_of(lang);
        let link = self.taxonomy_link(taxonomy, lang, path);
        let Some(term) = site
            .taxonomies
            .get(taxonomy)
            .and_then(|t| t.per_lang.get(lang))
            .and_then(|t| t.get(term))
        else {
            return self.page_base("term", lang, path, link.title);
        };
        let mut page = self.page_base("term", lang, path, term.name.clone());
        let paginate = site
            .config
            .taxonomies
            .get(taxonomy)
            .map_or(0, |t| t.paginate);
        let (entries, pagination) = self.paginate(&term.entries, paginate, number, path, |n| {
            term_page_path(site, taxonomy, lang, &term.slug, n)
        });
        page.entries = entries
            .iter()
            .map(|&id| self.card_value(id, lang))
            .collect();
        page.pagination = pagination;
        page.breadcrumbs = vec![self.home_crumb(lang, path), link.clone()];
        page.term = Some(TermLink {
            name: term.name.clone(),
            href: self.href(path, path),
            count: Some(term.entries.len()),
        });
        page.taxonomy = Some(link);
        page
    }

    /// The slice of `all` shown on page `number`, and the pagination links
    /// (none when everything fits on one page).
    fn paginate<'s>(
        &self,
        all: &'s [EntryId],
        per_page: usize,
        number: usize,
        from: &str,
        path_of: impl Fn(usize) -> String,
    ) -> (&'s [EntryId], Option<Pagination>) {
        let slice = page_slice(all, per_page, number);
        if per_page == 0 || all.len() <= per_page {
            return (slice, None);
        }
        let total = all.len().div_ceil(per_page);
        let link = |n: usize| self.href(from, &path_of(n));
        let pagination = Pagination {
            current: number,
            total,
            prev: (number > 1).then(|| link(number - 1)),
            next: (number < total).then(|| link(number + 1)),
            pages: page_window(number, total)
                .map(|n| PageNumber {
                    number: n,
                    href: link(n),
                    current: n == number,
                })
                .collect(),
        };
        (slice, Some(pagination))
    }
}
