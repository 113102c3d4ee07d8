//! Routes: every page of the output, its site path and what it shows.
//!
//! Two things may not claim the same path; when they do, the error names
//! both files. Routes also know the site's static files, so links written
//! by editors can be checked against everything the output will hold.

use std::collections::{HashMap, HashSet};

use super::{EntryId, Site};
use crate::config::Config;
use crate::content::{Document, Role};
use crate::diagnostics::{Diagnostic, Span};
use crate::msg;

/// What a route shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// An entry, a stand-alone page or a home page written in `content/`.
    Document(EntryId),
    /// A home page with no `_index` file.
    Home {
        /// Its language.
        lang: String,
    },
    /// One page of a collection's list.
    List {
        /// Collection key.
        collection: String,
        /// Language.
        lang: String,
        /// 1-based page number.
        page: usize,
    },
    /// A taxonomy's index of terms.
    TaxonomyIndex {
        /// Taxonomy key.
        taxonomy: String,
        /// Language.
        lang: String,
    },
    /// One page of a term's entries.
    Term {
        /// Taxonomy key.
        taxonomy: String,
        /// Language.
        lang: String,
        /// Index in the taxonomy's terms for that language.
        term: usize,
        /// 1-based page number.
        page: usize,
    },
    /// An old URL that redirects to a document.
    Alias {
        /// The document redirected to.
        target: EntryId,
    },
    /// The search page of a language.
    Search {
        /// Its language.
        lang: String,
    },
    /// `404.html`.
    NotFound,
}

/// All pages and files of the output.
#[derive(Debug, Default)]
pub struct Routes {
    /// Every page, in a stable order.
    pub pages: Vec<(String, Owner)>,
    /// Site path → index in `pages`.
    pub index: HashMap<String, usize>,
    /// Static files (theme, `assets/`, files beside entries), unhashed.
    pub files: HashSet<String>,
    /// Addresses of content files that failed their checks: not written
    /// (the build fails), but links to them are not dead links.
    pub reserved: HashSet<String>,
}

impl Routes {
    /// Lays out every page of `site`, reporting paths claimed twice;
    /// `files` are the site's static files, by site path.
    pub(super) fn collect(
        site: &Site,
        files: HashSet<String>,
        problems: &mut Vec<Diagnostic>,
    ) -> Routes {
        let mut routes = Routes::default();
        let config = &site.config;
        let mut claim = |path: String, owner: Owner, routes: &mut Routes| {
            if let Some(&existing) = routes.index.get(&path) {
                problems.push(duplicate(site, &path, &routes.pages[existing].1, &owner));
                return;
            }
            routes.index.insert(path.clone(), routes.pages.len());
            routes.pages.push((path, owner));
        };
        for lang in config.language_codes() {
            let owner = match site.homes.get(lang) {
                Some(&id) => Owner::Document(id),
                None => Owner::Home {
                    lang: lang.to_string(),
                },
            };
            claim(lang_prefix(config, lang), owner, &mut routes);
        }
        for (id, doc) in site.documents.iter().enumerate() {
            if matches!(doc.source.role, Role::Entry { .. } | Role::Page) {
                claim(site.paths[id].clone(), Owner::Document(id), &mut routes);
            }
        }
        for (collection, per_lang) in &site.lists {
            for lang in config.language_codes() {
                let count = per_lang.get(lang).map_or(0, Vec::len);
                let paginate = config.collections.get(collection).map_or(0, |c| c.paginate);
                for page in 1..=page_count(count, paginate) {
                    let owner = Owner::List {
                        collection: collection.clone(),
                        lang: lang.to_string(),
                        page,
                    };
                    claim(
                        list_page(config, collection, lang, page),
                        owner,
                        &mut routes,
                    );
                }
            }
        }
        for (name, taxonomy) in &site.taxonomies {
            let paginate = config.taxonomies.get(name).map_or(0, |t| t.paginate);
            for lang in config.language_codes() {
                let owner = Owner::TaxonomyIndex {
                    taxonomy: name.clone(),
                    lang: lang.to_string(),
                };
                claim(taxonomy_index(config, name, lang), owner, &mut routes);
                for (term, t) in taxonomy
                    .per_lang
                    .get(lang)
                    .into_iter()
                    .flatten()
                    .enumerate()
                {
                    for page in 1..=page_count(t.entries.len(), paginate) {
                        let owner = Owner::Term {
                            taxonomy: name.clone(),
                            lang: lang.to_string(),
                            term,
                            page,
                        };
                        claim(
                            term_page(config, name, lang, &t.slug, page),
                            owner,
                            &mut routes,
                        );
                    }
                }
            }
        }
        for (id, doc) in site.documents.iter().enumerate() {
            for alias in &doc.aliases {
                claim(alias.clone(), Owner::Alias { target: id }, &mut routes);
            }
        }
        for lang in config.language_codes() {
            let owner = Owner::Search {
                lang: lang.to_string(),
            };
            claim(search_path(config, lang), owner, &mut routes);
        }
        claim("404.html".into(), Owner::NotFound, &mut routes);
        routes.files = files;
        routes.reserved = site.failed.values().cloned().collect();
        routes
    }

    /// Whether a site path is a page or a file of the output.
    pub fn exists(&self, path: &str) -> bool {
        self.index.contains_key(path) || self.files.contains(path)
    }

    /// Whether a link to a site path is right: it exists, or it is the
    /// address of a content file whose own fault is already reported.
    pub fn resolves(&self, path: &str) -> bool {
        self.exists(path) || self.reserved.contains(path)
    }
}

/// How many pages a list of `count` items needs.
pub fn page_count(count: usize, paginate: usize) -> usize {
    if paginate == 0 {
        1
    } else {
        count.div_ceil(paginate).max(1)
    }
}

/// `news/` for page 1, `news/page/3/` for page 3, with the language prefix.
pub fn list_path(base: &str, lang: &str, config: &Config, page: usize) -> String {
    let prefix = lang_prefix(config, lang);
    if page <= 1 {
        format!("{prefix}{base}/")
    } else {
        format!("{prefix}{base}/page/{page}/")
    }
}

/// Page `page` of a collection's list: `start-ups/`, `en/startups/page/2/`.
pub fn list_page(config: &Config, collection: &str, lang: &str, page: usize) -> String {
    list_path(
        &collection_path(config, collection, lang),
        lang,
        config,
        page,
    )
}

/// A taxonomy's index of terms: `secteurs/`, `en/sectors/`.
pub fn taxonomy_index(config: &Config, taxonomy: &str, lang: &str) -> String {
    list_path(&taxonomy_path(config, taxonomy, lang), lang, config, 1)
}

/// Page `page` of the term whose slug is `slug`: `secteurs/imagerie/`.
pub fn term_page(config: &Config, taxonomy: &str, lang: &str, slug: &str, page: usize) -> String {
    let base = taxonomy_path(config, taxonomy, lang);
    list_path(&format!("{base}/{slug}"), lang, config, page)
}

/// The search page of a language: `search/`, `en/search/`.
pub fn search_path(config: &Config, lang: &str) -> String {
    format!("{}search/", lang_prefix(config, lang))
}

/// `` for the default language, `en/` for the others.
pub fn lang_prefix(config: &Config, lang: &str) -> String {
    if lang == config.default_language {
        String::new()
    } else {
        format!("{lang}/")
    }
}

/// A collection's URL segment in a language.
pub fn collection_path(config: &Config, collection: &str, lang: &str) -> String {
    config
        .collections
        .get(collection)
        .and_then(|c| c.path.as_ref())
        .and_then(|p| p.get(lang, &config.default_language))
        .unwrap_or(collection)
        .trim_matches('/')
        .to_string()
}

/// A taxonomy's URL segment in a language.
pub fn taxonomy_path(config: &Config, taxonomy: &str, lang: &str) -> String {
    config
        .taxonomies
        .get(taxonomy)
        .and_then(|t| t.path.as_ref())
        .and_then(|p| p.get(lang, &config.default_language))
        .unwrap_or(taxonomy)
        .trim_matches('/')
        .to_string()
}

/// The site path of a document (empty for list intros).
pub(super) fn path_of(config: &Config, doc: &Document) -> String {
    path_for(config, &doc.source.role, &doc.source.lang, &doc.slug)
}

/// The site path of a content file of `role` in `lang` with `slug`.
pub(super) fn path_for(config: &Config, role: &Role, lang: &str, slug: &str) -> String {
    let prefix = lang_prefix(config, lang);
    match role {
        Role::Home => prefix,
        Role::Page => format!("{prefix}{slug}/"),
        Role::ListIntro { .. } => String::new(),
        Role::Entry { collection } => {
            format!(
                "{prefix}{}/{slug}/",
                collection_path(config, collection, lang)
            )
        }
    }
}

fn duplicate(site: &Site, path: &str, first: &Owner, second: &Owner) -> Diagnostic {
    let file_of = |owner: &Owner| match owner {
        Owner::Document(id) | Owner::Alias { target: id } => Some(&site.documents[*id]),
        _ => None,
    };
    let message = msg!("address-taken-twice", path = path);
    let (a, b) = (file_of(first), file_of(second));
    let mut diagnostic = Diagnostic::error(message).hint(match (a.is_some(), b.is_some()) {
        (true, true) => msg!("address-taken-twice-hint"),
        _ => msg!("address-taken-by-list-hint"),
    });
    for (i, doc) in [b, a].into_iter().flatten().enumerate() {
        let span = Span::line_of(&doc.source.display, &doc.text, 1);
        diagnostic = if i == 0 {
            diagnostic.at(span)
        } else {
            diagnostic.related(span)
        };
    }
    diagnostic
}
